// A unit's corrected second fill, rejected as stale while its first fill stood, imports once the
// office has undone the first (probe 15, F6: it was skipped as "identical to import #18", an
// import that had applied nothing). The same bytes with nothing changed since are still skipped.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../eval/run.js';
import { sampleWorkspace, tempDir } from '../test/helpers.js';
import { createFromRun } from './create.js';
import { exportUnitFiles } from './export.js';
import { importFeedback, undoFeedback } from './feedback.js';
import { getItem } from './ledger.js';
import { TEMPLATE_COLUMNS } from './template.js';
import { fillForm } from './testing/fill-form.js';

const col = (key: string) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;

describe('re-importing a form after an undo', () => {
  it('reads it again when its items changed since its import; skips it when they did not', async () => {
    const ws = await sampleWorkspace();
    const run23 = await evaluate(ws, { period: '2023', draws: 0 });
    await createFromRun(ws, run23.run_id, { issuedOn: '2024-03-01' });
    const ids = (await ws.db.all<{ item_id: number }>(`SELECT item_id FROM rectify_item WHERE unit_id = 'HY01' ORDER BY item_id`)).map((r) => Number(r.item_id));
    const n = ids.length;
    const [exported] = await exportUnitFiles(ws.db, join(tempDir(), 'out'), { period: '2023', units: ['HY01'] });
    const fill = async (name: string, status: string, date?: string) => {
      const out = join(tempDir(), name);
      await fillForm(exported!.template, out, (s, rowOf) => {
        for (const id of ids) {
          s.getRow(rowOf(id)).getCell(col('status')).value = status;
          if (date) s.getRow(rowOf(id)).getCell(col('completed_on')).value = date;
        }
      });
      return out;
    };
    const a = await fill('a.xlsx', '整改中');
    const b = await fill('b.xlsx', '已整改', '2024-05-20');
    const ra = await importFeedback(ws, a, { today: '2024-06-01' });
    expect(ra).toMatchObject({ rows_loaded: n, rows_rejected: 0 });
    // b, of the same export: every row stale (the items moved to 整改中 after the export)
    const rb = await importFeedback(ws, b, { today: '2024-06-01' });
    expect(rb).toMatchObject({ rows_loaded: 0, rows_rejected: n });
    await undoFeedback(ws, ra.import_id!, 'a.xlsx');
    for (const id of ids) expect((await getItem(ws.db, id)).stored_status).toBe('待整改');

    const again = await importFeedback(ws, b, { today: '2024-06-01' });
    expect(again).toMatchObject({ skipped_duplicate: false, rows_read: n, rows_loaded: n, rows_rejected: 0, rectify: { changed: n, status_changes: { 已整改: n } } });
    for (const id of ids) expect([(await getItem(ws.db, id)).stored_status, (await getItem(ws.db, id)).completed_on]).toEqual(['已整改', '2024-05-20']);

    // nothing changed since: the same bytes are skipped, naming the newest import and its counts
    const third = await importFeedback(ws, b, { today: '2024-06-01' });
    expect(third).toMatchObject({ skipped_duplicate: true, duplicate_of: again.import_id });
    expect(third.warnings[0]).toContain(`与导入批次 #${again.import_id}（更新 ${n} 行、拒绝 0 行）的文件内容完全相同`);
  });
});

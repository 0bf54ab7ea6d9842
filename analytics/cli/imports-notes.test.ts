// A feedback form row whose status a unit typed 逾期 is applied (its other answers taken, the status
// left: it is derived) and its note is kept in the import log — `tijian imports`, text and --json —
// not printed on the console only (probe 15, F7: the office reading the log later could not see it).
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { evaluate } from '../eval/run.js';
import { createFromRun } from '../rectify/create.js';
import { exportUnitFiles } from '../rectify/export.js';
import { importFeedback } from '../rectify/feedback.js';
import { getItem } from '../rectify/ledger.js';
import { HEADER_ROW, TEMPLATE_COLUMNS } from '../rectify/template.js';
import { fillForm } from '../rectify/testing/fill-form.js';
import { sampleWorkspace, tempDir } from '../test/helpers.js';
import { main } from './main.js';

const col = (key: string) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

it('a status typed 逾期: the row applied, its note in the import log', async () => {
  const ws = await sampleWorkspace();
  const run23 = await evaluate(ws, { period: '2023', draws: 0 });
  await createFromRun(ws, run23.run_id, { issuedOn: '2024-03-01' });
  const ids = (await ws.db.all<{ item_id: number }>(`SELECT item_id FROM rectify_item WHERE unit_id = 'HY01' ORDER BY item_id`)).map((r) => Number(r.item_id));
  const [exported] = await exportUnitFiles(ws.db, join(tempDir(), 'out'), { period: '2023', units: ['HY01'] });
  const out = join(tempDir(), 'overdue.xlsx');
  await fillForm(exported!.template, out, (s, rowOf) => {
    s.getRow(rowOf(ids[1]!)).getCell(col('status')).value = '逾期';
    s.getRow(rowOf(ids[1]!)).getCell(col('measures')).value = '正在补正';
  });
  const r = await importFeedback(ws, out, { today: '2024-06-01' });
  expect(r).toMatchObject({ rows_loaded: ids.length, rows_rejected: 0, rectify: { changed: 1 } });
  expect([(await getItem(ws.db, ids[1]!)).stored_status, (await getItem(ws.db, ids[1]!)).measures]).toEqual(['待整改', '正在补正']);
  const path = ws.path;
  ws.close();
  const line = HEADER_ROW + 2;
  const j = JSON.parse((await run(['imports', '--workspace', path, '--json'])).out) as { imports: Array<{ import_id: number; notes: Array<{ line: number; code: string; zh: string }> }> };
  expect(j.imports.find((x) => x.import_id === r.import_id)!.notes).toEqual([{ line, code: 'rectify.overdue_status', zh: expect.stringContaining('整改状态写为“逾期”，事项状态未改'), en: expect.stringContaining('status written 逾期 (overdue)') }]);
  const t = await run(['imports', '--workspace', path]);
  expect(t.out).toContain(`! 第 ${line} 行 row ${line}: 整改状态写为“逾期”，事项状态未改`);
});

// A feedback workbook into which a clerk merged a second unit's filled form as another sheet: only
// the form's own sheet is read, so the other sheet's rows were neither applied nor rejected
// (probe 15, F2: read 11 = updated 11 + rejected 0, the other unit's 10 rows lost without a word).
// Such a file is refused whole, naming the sheet; a sheet of notes without item codes is no reason.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../eval/run.js';
import { sampleWorkspace, tempDir } from '../test/helpers.js';
import { createFromRun } from './create.js';
import { exportUnitFiles } from './export.js';
import { importFeedback } from './feedback.js';
import { getItem } from './ledger.js';
import { TEMPLATE_COLUMNS } from './template.js';
import { fillForm } from './testing/fill-form.js';
import { itemCode } from './types.js';

const col = (key: string) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;

describe('a form workbook with another filled sheet', () => {
  it('is refused whole naming the sheet and its rows; a notes sheet is not', async () => {
    const ws = await sampleWorkspace();
    const run23 = await evaluate(ws, { period: '2023', draws: 0 });
    await createFromRun(ws, run23.run_id, { issuedOn: '2024-03-01' });
    const mine = (await ws.db.all<{ item_id: number }>(`SELECT item_id FROM rectify_item WHERE unit_id = 'HY01' ORDER BY item_id`)).map((r) => Number(r.item_id));
    const other = (await ws.db.all<{ item_id: number; unit_id: string }>(`SELECT item_id, unit_id FROM rectify_item WHERE unit_id <> 'HY01' ORDER BY item_id LIMIT 3`)).map((r) => ({ id: Number(r.item_id), unit: r.unit_id }));
    expect(other.length).toBe(3);
    const [exported] = await exportUnitFiles(ws.db, join(tempDir(), 'out'), { period: '2023', units: ['HY01'] });

    const merged = join(tempDir(), 'merged.xlsx');
    await fillForm(exported!.template, merged, (sheet, rowOf) => {
      sheet.getRow(rowOf(mine[0]!)).getCell(col('status')).value = '整改中';
      const s2 = sheet.workbook.addWorksheet('生态环境分局');
      s2.getRow(3).values = TEMPLATE_COLUMNS.map((c) => c.header);
      other.forEach((o, i) => {
        s2.getRow(4 + i).values = [itemCode(o.id), o.unit, '', '', '', '', '已整改', '', '2024-05-20'];
      });
    });
    const before = Number(await ws.db.scalar(`SELECT count(*) FROM import_log`));
    const err = await importFeedback(ws, merged, { today: '2024-06-01' }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'FILE_UNSUPPORTED',
      zh: expect.stringContaining(`工作表“生态环境分局”也有 3 行事项（如 ${itemCode(other[0]!.id)}）`),
      en: expect.stringContaining(`sheet "生态环境分局" holds 3 item row(s) (e.g. ${itemCode(other[0]!.id)})`),
    });
    // nothing written: no import logged, the form's own row not applied
    expect(Number(await ws.db.scalar(`SELECT count(*) FROM import_log`))).toBe(before);
    expect((await getItem(ws.db, mine[0]!)).stored_status).toBe('待整改');
    for (const o of other) expect((await getItem(ws.db, o.id)).stored_status).toBe('待整改');

    // a sheet of the unit's own notes (no codes) beside the form: imported as usual
    const notes = join(tempDir(), 'notes.xlsx');
    await fillForm(exported!.template, notes, (sheet, rowOf) => {
      sheet.getRow(rowOf(mine[0]!)).getCell(col('status')).value = '整改中';
      sheet.workbook.addWorksheet('说明').getRow(1).values = ['填表人：办公室', '2024年5月'];
    });
    const r = await importFeedback(ws, notes, { today: '2024-06-01' });
    expect(r).toMatchObject({ rows_read: mine.length, rows_loaded: mine.length, rows_rejected: 0, rectify: { changed: 1 } });
    expect((await getItem(ws.db, mine[0]!)).stored_status).toBe('整改中');
  });
});

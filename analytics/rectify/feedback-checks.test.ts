// What a returned feedback form may not do to the ledger (found by a blind probe, 2026-12-07):
// reopen an item closed after the form was exported (every row comes back with the pre-filled
// 待整改), close an item of another period or workspace whose code it happens to hold, date a
// completion before the problem's year, or leave a completion date on an item that is not 已整改.
// Each such row is rejected with its reason; the rest of the form is applied. Values by hand.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../eval/run.js';
import { sampleWorkspace, tempDir } from '../test/helpers.js';
import { createFromRun } from './create.js';
import { exportUnitFiles } from './export.js';
import { importFeedback } from './feedback.js';
import { getItem, updateItem } from './ledger.js';
import { HEADER_ROW, TEMPLATE_COLUMNS } from './template.js';
import { fillForm } from './testing/fill-form.js';
import { itemCode } from './types.js';

const col = (key: string) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;

/** The exported 2023 form of HY01 with `fill` applied to its rows (by item id), written to `name`. */
async function form(template: string, name: string, fill: (row: (id: number) => ExcelJS.Row, sheet: ExcelJS.Worksheet, last: number) => void = () => undefined): Promise<string> {
  const out = join(tempDir(), name);
  await fillForm(template, out, (sheet, rowOf, last) => fill((id) => sheet.getRow(rowOf(id)), sheet, last));
  return out;
}

describe('rows a returned feedback form may not apply', () => {
  it('stale forms, codes of another period, dates before the year, dates without 已整改', async () => {
    const ws = await sampleWorkspace();
    const run23 = await evaluate(ws, { period: '2023', draws: 0 });
    await createFromRun(ws, run23.run_id, { issuedOn: '2024-03-01' });
    const ids = (await ws.db.all<{ item_id: number }>(`SELECT item_id FROM rectify_item WHERE unit_id = 'HY01' ORDER BY item_id`)).map((r) => Number(r.item_id));
    expect(ids.length).toBeGreaterThanOrEqual(4);
    const [a, b, c, d] = ids as [number, number, number, number];
    const [exported] = await exportUnitFiles(ws.db, join(tempDir(), 'out'), { period: '2023', units: ['HY01'] });

    // after the export the office closes item a by hand; the unit then returns the form untouched
    await updateItem(ws.db, a, { status: '已整改', completed_on: '2024-05-01' }, { source: '测试' });
    const untouched = await form(exported!.template, 'untouched.xlsx');
    const r1 = await importFeedback(ws, untouched, { today: '2024-06-01' });
    expect(r1).toMatchObject({ rows_loaded: ids.length - 1, rows_rejected: 1 });
    expect(await ws.db.all(`SELECT error_codes[1] AS reason_code, line_no FROM rejected_row WHERE import_id = ${r1.import_id}`)).toEqual([{ reason_code: 'rectify.stale_form', line_no: HEADER_ROW + 1 }]);
    expect((await getItem(ws.db, a)).stored_status).toBe('已整改');

    // items of 2024 made after the export: their codes, typed into the 2023 form, are not its items
    const run24 = await evaluate(ws, { period: '2024', compare: '2023', draws: 0 });
    await createFromRun(ws, run24.run_id, { issuedOn: '2025-03-01' });
    const other = Number(await ws.db.scalar(`SELECT min(item_id) FROM rectify_item WHERE unit_id = 'HY01' AND period_label = '2024'`));
    const filled = await form(exported!.template, 'filled.xlsx', (row, sheet, last) => {
      row(b).getCell(col('status')).value = '已整改';
      row(b).getCell(col('completed_on')).value = '2022-12-31'; // before 2023
      row(c).getCell(col('status')).value = '整改中';
      row(c).getCell(col('completed_on')).value = '2024-05-20'; // a date with 整改中
      row(d).getCell(col('status')).value = '已整改';
      row(d).getCell(col('completed_on')).value = '2024-05-20';
      sheet.getRow(last + 1).values = [itemCode(other), 'HY01', '', '', '', '', '已整改', '', '2024-05-20'];
    });
    const r2 = await importFeedback(ws, filled, { today: '2025-06-01' });
    const reasons = await ws.db.all<{ line_no: number; reason_code: string }>(`SELECT line_no, error_codes[1] AS reason_code FROM rejected_row WHERE import_id = ${r2.import_id} ORDER BY line_no`);
    const line = (id: number) => HEADER_ROW + 1 + ids.indexOf(id);
    expect(reasons).toEqual([
      // the untouched row of a (closed after the export) is stale again
      { line_no: line(a), reason_code: 'rectify.stale_form' },
      { line_no: line(b), reason_code: 'rectify.early_date' },
      { line_no: line(c), reason_code: 'rectify.date_without_done' },
      { line_no: HEADER_ROW + 1 + ids.length, reason_code: 'rectify.wrong_period' },
    ]);
    expect([(await getItem(ws.db, d)).stored_status, (await getItem(ws.db, d)).completed_on]).toEqual(['已整改', '2024-05-20']);
    expect((await getItem(ws.db, other)).stored_status).toBe('待整改');
    expect((await getItem(ws.db, b)).stored_status).toBe('待整改');

    // set by hand to another status, an item loses its completion date; given one with it, refused
    // typed measures holding a control character or a bidirectional override are refused, item as it was
    await expect(updateItem(ws.db, d, { measures: '已整改\u202e反转' }, { source: '测试' })).rejects.toMatchObject({ code: 'USAGE', message: expect.stringContaining('“整改措施”含有看不见的控制字符 U+202E') });
    const moved = await updateItem(ws.db, d, { status: '整改中' }, { source: '测试' });
    expect([moved.item.stored_status, moved.item.completed_on]).toEqual(['整改中', null]);
    await expect(updateItem(ws.db, d, { status: '不予整改', status_reason: '职能划转', completed_on: '2024-06-01' }, { source: '测试' })).rejects.toMatchObject({ code: 'USAGE' });
  });

  it('an Excel error value as an answer, or a cell longer than Excel allows, rejects its row (was: #VALUE! stored as the proof; 40,000 characters cut to 32,767 without a word)', async () => {
    const ws = await sampleWorkspace();
    const run23 = await evaluate(ws, { period: '2023', draws: 0 });
    await createFromRun(ws, run23.run_id, { issuedOn: '2024-03-01' });
    const ids = (await ws.db.all<{ item_id: number }>(`SELECT item_id FROM rectify_item WHERE unit_id = 'HY01' ORDER BY item_id`)).map((r) => Number(r.item_id));
    const [exported] = await exportUnitFiles(ws.db, join(tempDir(), 'out'), { period: '2023', units: ['HY01'] });
    const path = await form(exported!.template, 'errors.xlsx', (row) => {
      row(ids[0]!).getCell(col('status')).value = '整改中';
      row(ids[0]!).getCell(col('proof')).value = '#VALUE!';
      row(ids[1]!).getCell(col('status')).value = '整改中';
      row(ids[1]!).getCell(col('measures')).value = '措'.repeat(40_000);
      row(ids[2]!).getCell(col('status')).value = '整改中';
    });
    const r = await importFeedback(ws, path, { today: '2024-06-01' });
    expect(r).toMatchObject({ rows_loaded: ids.length - 2, rows_rejected: 2 });
    expect(await ws.db.all(`SELECT line_no, error_codes[1] AS code FROM rejected_row WHERE import_id = ${r.import_id} ORDER BY line_no`)).toEqual([
      { line_no: HEADER_ROW + 1, code: 'rectify.error_value' },
      { line_no: HEADER_ROW + 2, code: 'row.too_long' },
    ]);
    expect([(await getItem(ws.db, ids[0]!)).stored_status, (await getItem(ws.db, ids[1]!)).measures, (await getItem(ws.db, ids[2]!)).stored_status]).toEqual(['待整改', null, '整改中']);
  });

  it('answers that start like formulas come back as they were: the guard apostrophe of the export is taken off again, ＝ ＋ － ＠ too (was: ＝ came back with the apostrophe stored in front)', async () => {
    const ws = await sampleWorkspace();
    const run23 = await evaluate(ws, { period: '2023', draws: 0 });
    await createFromRun(ws, run23.run_id, { issuedOn: '2024-03-01' });
    const ids = (await ws.db.all<{ item_id: number }>(`SELECT item_id FROM rectify_item WHERE unit_id = 'HY01' ORDER BY item_id`)).map((r) => Number(r.item_id));
    const texts = ['＝1+1 已核算', '=SUM(A1)', '＠全体', '－2 项'];
    for (const [i, t] of texts.entries()) await updateItem(ws.db, ids[i]!, { status: '整改中', measures: t }, { source: '测试' });
    const [exported] = await exportUnitFiles(ws.db, join(tempDir(), 'out'), { period: '2023', units: ['HY01'] });
    const r = await importFeedback(ws, await form(exported!.template, 'roundtrip.xlsx'), { today: '2024-06-01' });
    expect(r).toMatchObject({ rows_rejected: 0, rectify: { changed: 0 } });
    expect(await Promise.all(texts.map(async (_, i) => (await getItem(ws.db, ids[i]!)).measures))).toEqual(['＝1+1 已核算', '=SUM(A1)', '＠全体', '－2 项']);
  });

  it('a status written 逾期 and a formula with no saved result are said in the warnings of the import, naming rows and cells (were: left without a word)', async () => {
    const ws = await sampleWorkspace();
    const run23 = await evaluate(ws, { period: '2023', draws: 0 });
    await createFromRun(ws, run23.run_id, { issuedOn: '2024-03-01' });
    const ids = (await ws.db.all<{ item_id: number }>(`SELECT item_id FROM rectify_item WHERE unit_id = 'HY01' ORDER BY item_id`)).map((r) => Number(r.item_id));
    const [exported] = await exportUnitFiles(ws.db, join(tempDir(), 'out'), { period: '2023', units: ['HY01'] });
    const path = await form(exported!.template, 'overdue.xlsx', (row) => {
      row(ids[0]!).getCell(col('status')).value = '逾期';
      row(ids[1]!).getCell(col('status')).value = '整改中';
      // exceljs writes <f> with no <v>: a program's file never calculated
      row(ids[1]!).getCell(col('proof')).value = { formula: 'B1&"附件"' } as ExcelJS.CellFormulaValue;
    });
    const r = await importFeedback(ws, path, { today: '2024-06-01' });
    expect(r).toMatchObject({ rows_rejected: 0, rectify: { changed: 1 } });
    const proofCell = `${String.fromCharCode(64 + col('proof'))}${HEADER_ROW + 2}`;
    expect(r.warnings).toEqual([
      expect.stringContaining('1 个事项有更新'),
      expect.stringContaining(`1 行的整改状态写为“逾期”（第 ${HEADER_ROW + 1} 行），这些事项的状态未改`),
      expect.stringContaining(`1 个单元格是没有计算结果的公式（${proofCell}）`),
    ]);
    expect([(await getItem(ws.db, ids[0]!)).stored_status, (await getItem(ws.db, ids[1]!)).stored_status, (await getItem(ws.db, ids[1]!)).proof]).toEqual(['待整改', '整改中', null]);
  });

  it('a form holding far more rows than it was exported with is refused before anything is planned (was: 200,014 rows read, two minutes, 200,000 rejections)', async () => {
    const ws = await sampleWorkspace();
    const run23 = await evaluate(ws, { period: '2023', draws: 0 });
    await createFromRun(ws, run23.run_id, { issuedOn: '2024-03-01' });
    const n = Number(await ws.db.scalar(`SELECT count(*) FROM rectify_item WHERE unit_id = 'HY01'`));
    const [exported] = await exportUnitFiles(ws.db, join(tempDir(), 'out'), { period: '2023', units: ['HY01'] });
    // the items' rows and 1,001 more (the limit for a small form is items + 1,000)
    const path = await form(exported!.template, 'long.xlsx', (_row, sheet, last) => {
      for (let i = 1; i <= 1001; i++) sheet.getRow(last + i).values = ['ZG999999', 'HY01', '', '', '', '', '整改中'];
    });
    await expect(importFeedback(ws, path)).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED', zh: expect.stringContaining(`有 ${n + 1001} 行内容，而导出时只有 ${n} 个事项`) });
    expect(Number(await ws.db.scalar(`SELECT count(*) FROM rejected_row`))).toBe(0);
  });

  it('a cell holding a control character (ESC written _x001B_ or &#27;, C1) or a bidirectional override/isolate rejects its row naming the column; line breaks and tabs of an answer are kept (was: stored as they were, the 整改 screen showed the text reversed, the CLI printed ESC)', async () => {
    const ws = await sampleWorkspace();
    const run23 = await evaluate(ws, { period: '2023', draws: 0 });
    await createFromRun(ws, run23.run_id, { issuedOn: '2024-03-01' });
    const ids = (await ws.db.all<{ item_id: number }>(`SELECT item_id FROM rectify_item WHERE unit_id = 'HY01' ORDER BY item_id`)).map((r) => Number(r.item_id));
    expect(ids.length).toBeGreaterThanOrEqual(5);
    const [exported] = await exportUnitFiles(ws.db, join(tempDir(), 'out'), { period: '2023', units: ['HY01'] });
    // exceljs drops ESC and C1 from what it writes: markers put in, then the sheet's XML edited
    // as a hostile program writes it (the OOXML escape, a character reference)
    const path = await form(exported!.template, 'controls.xlsx', (row) => {
      row(ids[0]!).getCell(col('status')).value = '整改中';
      row(ids[0]!).getCell(col('measures')).value = '措施甲QQESCQQ[2K伪造';
      row(ids[1]!).getCell(col('status')).value = '整改中';
      row(ids[1]!).getCell(col('measures')).value = '措施乙QQREFQQ]8;;http://evil.example/QQREFQQ\\链接';
      row(ids[1]!).getCell(col('proof')).value = '照片\u2067RLI\u2069';
      row(ids[2]!).getCell(col('status')).value = '整改中';
      row(ids[2]!).getCell(col('proof')).value = '佐证\u202e本文转反';
      row(ids[3]!).getCell(col('status')).value = '整改中';
      row(ids[3]!).getCell(col('owner')).value = '张QQC1QQ三';
      // a multi-line answer (Alt+Enter) with a tab: legitimate
      row(ids[4]!).getCell(col('status')).value = '整改中';
      row(ids[4]!).getCell(col('measures')).value = '一、建立台账\n二、\t逐案复查';
    });
    const zip = await JSZip.loadAsync(readFileSync(path));
    for (const name of Object.keys(zip.files).filter((n) => /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/.test(n))) {
      const xml = await zip.file(name)!.async('string');
      zip.file(name, xml.replaceAll('QQESCQQ', '_x001B_').replaceAll('QQREFQQ', '&#27;').replaceAll('QQC1QQ', '&#155;'));
    }
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));

    const r = await importFeedback(ws, path, { today: '2024-06-01' });
    expect(r).toMatchObject({ rows_read: ids.length, rows_loaded: ids.length - 4, rows_rejected: 4, rectify: { changed: 1 } });
    const rejected = await ws.db.all<{ line_no: number; codes: string[]; reason_zh: string; reason_en: string }>(
      `SELECT line_no, error_codes AS codes, reason_zh, reason_en FROM rejected_row WHERE import_id = ${r.import_id} ORDER BY line_no`,
    );
    const tail = '，本行未导入：请删去这些看不见的字符（多由网页或其他软件复制带入），保存后重新导入';
    const tailEn = '; the row was not imported: delete these invisible characters (usually copied in from a web page or another program), save and import again';
    expect(rejected).toEqual([
      { line_no: HEADER_ROW + 1, codes: ['rectify.control_char'], reason_zh: `“整改措施”含有控制字符 U+001B${tail}`, reason_en: `"整改措施" holds the control character(s) U+001B${tailEn}` },
      {
        line_no: HEADER_ROW + 2,
        codes: ['rectify.control_char'],
        reason_zh: `“整改措施”含有控制字符 U+001B，“佐证材料”含有双向文字控制符 U+2067、U+2069（双向文字控制符会使文字倒序或错位显示）${tail}`,
        reason_en: `"整改措施" holds the control character(s) U+001B, "佐证材料" holds the bidirectional control(s) U+2067, U+2069 (a bidirectional control shows text reversed or out of place)${tailEn}`,
      },
      {
        line_no: HEADER_ROW + 3,
        codes: ['rectify.control_char'],
        reason_zh: `“佐证材料”含有双向文字控制符 U+202E（双向文字控制符会使文字倒序或错位显示）${tail}`,
        reason_en: `"佐证材料" holds the bidirectional control(s) U+202E (a bidirectional control shows text reversed or out of place)${tailEn}`,
      },
      { line_no: HEADER_ROW + 4, codes: ['rectify.control_char'], reason_zh: `“责任人”含有控制字符 U+009B${tail}`, reason_en: `"责任人" holds the control character(s) U+009B${tailEn}` },
    ]);
    // the raw row is kept with its rejection, ESC decoded
    expect(JSON.parse(String(await ws.db.scalar(`SELECT raw::VARCHAR FROM rejected_row WHERE import_id = ${r.import_id} AND line_no = ${HEADER_ROW + 1}`)))['整改措施']).toBe('措施甲\x1b[2K伪造');
    // nothing of those rows written; the multi-line answer stored as written
    for (const id of ids.slice(0, 4)) expect([(await getItem(ws.db, id)).stored_status, (await getItem(ws.db, id)).measures, (await getItem(ws.db, id)).proof, (await getItem(ws.db, id)).owner]).toEqual(['待整改', null, null, null]);
    expect([(await getItem(ws.db, ids[4]!)).stored_status, (await getItem(ws.db, ids[4]!)).measures]).toEqual(['整改中', '一、建立台账\n二、\t逐案复查']);
  });
});

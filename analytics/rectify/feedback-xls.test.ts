// A feedback form a unit saved again as an Excel 97–2003 workbook (.xls, or WPS's .et): county
// offices often do, and both keep the hidden marker sheet. Before, such a form was not recognised
// as one — `import` tried to read it as data ("closest to 制度机制清单, required columns missing")
// and `rectify import` refused it as no feedback form. Now it updates the ledger as the .xlsx does.
// The .xls is written by the tests' own BIFF writer from the exported form's cells (read back with
// exceljs), the filled values written by hand here.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../eval/run.js';
import { importFile } from '../import/import-file.js';
import { previewFile } from '../import/preview.js';
import { biffFile, type BiffCell } from '../import/testing/biff.js';
import { sampleWorkspace, tempDir } from '../test/helpers.js';
import type { Workspace } from '../workspace/workspace.js';
import { createFromRun } from './create.js';
import { exportUnitFiles } from './export.js';
import { importFeedback } from './feedback.js';
import { getItem } from './ledger.js';
import { HEADER_ROW, TEMPLATE_COLUMNS } from './template.js';
import { parseItemCode } from './types.js';

const col = (key: string) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key);

/** The exported form of `unit` for 2023, its first two items filled in, as a BIFF8 workbook. */
async function xlsForm(ws: Workspace, unit: string, name: string, edit: { rename?: string; cover?: boolean; header?: string } = {}): Promise<{ path: string; codes: string[] }> {
  const dir = tempDir();
  const [f] = await exportUnitFiles(ws.db, join(dir, 'out'), { period: '2023', units: [unit] });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f!.template);
  const sheets = wb.worksheets.map((s) => {
    const cells: BiffCell[] = [];
    s.eachRow((row, r) =>
      row.eachCell((cell, c) => {
        const v = cell.value;
        if (v !== null && v !== undefined && String(v) !== '') cells.push({ row: r - 1, col: c - 1, text: String(v) });
      }),
    );
    return { name: s.name, cells, hidden: s.state !== 'visible' };
  });
  const form = sheets[0]!;
  const codeAt = (r: number) => form.cells.find((c) => c.row === r && c.col === col('code')) as { text: string } | undefined;
  const codes = [codeAt(HEADER_ROW)!.text, codeAt(HEADER_ROW + 1)!.text];
  // row HEADER_ROW (0-based) is the first item's: 已整改 on 2024-05-31 (a date cell, XF 15), the
  // second 整改中 (the exported status cell replaced)
  const set = (r: number, key: string, cell: Omit<BiffCell, 'row' | 'col'>) => {
    form.cells = form.cells.filter((c) => !(c.row === r && c.col === col(key)));
    form.cells.push({ row: r, col: col(key), ...cell } as BiffCell);
  };
  set(HEADER_ROW, 'status', { text: '已整改' });
  set(HEADER_ROW, 'measures', { text: '已逐案复核补正' });
  set(HEADER_ROW, 'completed_on', { number: 45443, xf: 15 }); // 2024-05-31
  set(HEADER_ROW + 1, 'status', { text: '整改中' });
  if (edit.header) set(HEADER_ROW - 1, 'measures', { text: edit.header });
  if (edit.rename) form.name = edit.rename;
  // a sheet of the unit's own put before the form
  if (edit.cover) sheets.unshift({ name: '报送说明', cells: [{ row: 0, col: 0, text: '海洋执法队 2024 年整改情况报送' }], hidden: false });
  const path = join(dir, name);
  writeFileSync(path, biffFile({ version: 'biff8', sheets, dateXf: true }));
  return { path, codes };
}

describe('a feedback form saved again as .xls', () => {
  it.each(['整改反馈表_HY01.xls', '整改反馈表_HY01.et'])('%s updates the ledger through import, its preview and rectify import', async (name) => {
    const ws = await sampleWorkspace();
    const run = await evaluate(ws, { period: '2023', draws: 0 });
    await createFromRun(ws, run.run_id, { issuedOn: '2024-03-01' });
    const { path, codes } = await xlsForm(ws, 'HY01', name);
    const total = Number(await ws.db.scalar(`SELECT count(*) FROM rectify_item WHERE unit_id = 'HY01' AND period_label = '2023'`));
    expect(total).toBeGreaterThan(1);

    // the pre-check tells what it would do: every item row read, nothing rejected, two changed
    const pre = await previewFile(ws, path);
    expect(pre.problem ?? null).toBeNull();
    expect(pre.validation).toMatchObject({ rows: total, rejected: 0 });
    expect(pre.warnings).toEqual([expect.stringContaining('Tijian 整改反馈表（单位 HY01，2023）：导入后更新整改台账，2 个事项有变化')]);

    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'rectify_item', format: 'xls', rows_read: total, rows_loaded: total, rows_rejected: 0 });
    const [a, b] = await Promise.all(codes.map((c) => getItem(ws.db, parseItemCode(c)!, '2024-06-01')));
    expect([a!.stored_status, a!.completed_on, a!.measures]).toEqual(['已整改', '2024-05-31', '已逐案复核补正']);
    expect(b!.stored_status).toBe('整改中');
    expect(await ws.db.scalar(`SELECT format FROM import_log WHERE import_id = ${r.import_id}`)).toBe('xls');

    // the same bytes again change nothing; through rectify import too
    const again = await importFeedback(ws, path);
    expect(again).toMatchObject({ skipped_duplicate: true, duplicate_of: r.import_id });
  });

  it('the form sheet renamed, or behind a sheet of the unit\'s own, is still the form; a changed header is refused saying where', async () => {
    const ws = await sampleWorkspace();
    const run = await evaluate(ws, { period: '2023', draws: 0 });
    await createFromRun(ws, run.run_id, { issuedOn: '2024-03-01' });
    const renamed = await xlsForm(ws, 'HY01', 'renamed.xls', { rename: '海洋执法队反馈' });
    expect(await importFile(ws, renamed.path)).toMatchObject({ table: 'rectify_item', rows_rejected: 0, rectify: { changed: 2 } });
    const cover = await xlsForm(ws, 'HY01', 'cover.xls', { cover: true });
    // the same answers again: read, nothing changed
    expect(await importFile(ws, cover.path)).toMatchObject({ table: 'rectify_item', rows_rejected: 0, rectify: { changed: 0 } });
    const bad = await xlsForm(ws, 'HY01', 'bad.xls', { rename: '反馈', header: '措施' });
    await expect(importFile(ws, bad.path)).rejects.toMatchObject({
      code: 'FILE_UNSUPPORTED',
      zh: expect.stringContaining('没有名为“整改情况反馈表”的工作表，第一个工作表“反馈”第3行的表头被改动'),
    });
  });
});

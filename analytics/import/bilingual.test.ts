// A catalogue published in two languages (the seventh blind acceptance set's 03): the header's
// English translation on the row under it is part of the header, not a record (it loaded as a
// matter "Item Code"); 是 Yes / 否 No are yes and no (they loaded empty). Values by hand.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile, type ImportFileResult } from './import-file.js';
import { isTranslationRow } from './sources.js';

describe('a bilingual catalogue', () => {
  it('skips the English header row and reads 是 Yes / 否 No', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('目录');
    for (const r of [
      ['事项编码', '事项名称', '所属领域', '权力类型', '实施队伍类型', '是否划转'],
      ['Item Code', 'Item Name', 'Domain', 'Power Type', 'Team Type', 'Transferred'],
      ['330217001000', '对未按规定设置户外广告的行政处罚', '城乡建设', '行政处罚 Administrative Penalty', '综合执法', '是 Yes'],
      ['330217002000', '对擅自占用道路的行政处罚', '城乡建设', '行政处罚 Administrative Penalty', '综合执法', '否 No'],
      ['330217003000', '对违规排放的行政检查', '生态环境', '行政检查 Administrative Inspection', '专业执法', '是/Yes'],
    ]) ws.addRow(r);
    const path = join(tempDir(), '事项清单（中英文对照）.xlsx');
    await wb.xlsx.writeFile(path);
    const w = await freshWorkspace();
    const r = (await importFile(w, path)) as ImportFileResult;
    expect(r).toMatchObject({ table: 'matter', rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
    expect(r.warnings.join('\n')).toContain('第 2 行是表头的英文译文');
    expect(await w.db.all(`SELECT matter_code, power_type, transferred FROM matter ORDER BY row_no`)).toEqual([
      { matter_code: '330217001000', power_type: '处罚', transferred: true },
      { matter_code: '330217002000', power_type: '处罚', transferred: false },
      { matter_code: '330217003000', power_type: '检查', transferred: true },
    ]);
  });

  it('tells the header in English from a record', () => {
    const h = ['事项编码', '事项名称', '所属领域', '备注'];
    expect(isTranslationRow(['Item Code', 'Item Name', 'Domain', 'Note'], h)).toBe(true);
    // a record: a code, Chinese text
    expect(isTranslationRow(['330217001000', 'Item Name', 'Domain', 'Note'], h)).toBe(false);
    expect(isTranslationRow(['Item Code', '事项名称', 'Domain', 'Note'], h)).toBe(false);
    // too few translated
    expect(isTranslationRow(['Item Code', '', '', ''], h)).toBe(false);
  });
});

// Imports of the eighth blind acceptance set's shapes, values by hand (fixtures written here): a
// catalogue with a units-of-measure row under its header (罚款上限 over 万元: 2 stood for 20,000 yuan
// and was stored as 2 yuan, and the row itself went to the 补正 list as a broken record), ticked
// yes/no columns holding the column's own name (高频事项: 高频 loaded empty), a mapping naming the
// header without the unit the file adds, and the 行政行为码 of 掌上执法 inspections as their id.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, sampleWorkspace, tempDir } from '../test/helpers.js';
import { importFile, importFileSheets, type ImportFileResult } from './import-file.js';
import { recognise } from './recognise/recognise.js';

const HEADER = ['事项编码', '事项名称', '所属领域', '权力类型', '实施队伍类型', '高频事项', '罚款下限', '罚款上限'];
const ROWS: (string | number | null)[][] = [
  ['331010005000', '对单位违反规定饲养家禽家畜影响市容的行政处罚', '城市管理', '行政处罚', '综合', null, 50, 0.02],
  ['331010022000', '对未按照建设工程规划许可证规定进行建设的行政处罚', '城市管理', '行政处罚', '综合', '高频', 5000, 5],
  ['331020039000', '查封、扣押违法设置的户外广告设施', '城市管理', '行政强制', '综合', '高频事项', null, null],
];

async function catalogue(units: (string | null)[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const s = wb.addWorksheet('事项目录');
  s.addRow(HEADER);
  s.addRow(units);
  for (const r of ROWS) s.addRow(r);
  const path = join(tempDir(), '事项目录_计量单位行.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

const UNITS = [null, null, null, null, null, null, '元', '万元'];

describe('the eighth set’s shapes', () => {
  it('a units row under the header: read into it (万元 scales), no record; a ticked yes/no column reads its own name as yes', async () => {
    const ws = await freshWorkspace();
    const r = (await importFile(ws, await catalogue(UNITS))) as ImportFileResult;
    expect(r).toMatchObject({ table: 'matter', rows_read: 3, rows_loaded: 3, rows_rejected: 0 });
    expect(r.columns!.map((c) => [c.column, c.field])).toEqual([
      ['事项编码', 'matter_code'],
      ['事项名称', 'name'],
      ['所属领域', 'domain'],
      ['权力类型', 'power_type'],
      ['实施队伍类型', 'owner_type'],
      ['高频事项', 'high_frequency'],
      ['罚款下限（元）', 'fine_min'],
      ['罚款上限（万元）', 'fine_max'],
    ]);
    expect(r.warnings).toContain('第 2 行是表头下的计量单位（元、万元），已并入表头，不是记录 / row 2 gives the columns\' units of measure (元, 万元); read into the header, no record');
    expect(await ws.db.all(`SELECT matter_code, high_frequency, fine_min::DOUBLE AS lo, fine_max::DOUBLE AS hi FROM matter ORDER BY row_no`)).toEqual([
      { matter_code: '331010005000', high_frequency: null, lo: 50, hi: 200 },
      { matter_code: '331010022000', high_frequency: true, lo: 5000, hi: 50000 },
      { matter_code: '331020039000', high_frequency: true, lo: null, hi: null },
    ]);
  });

  it('one unit alone that is no money unit is no units row: a record of its own, rejected for what it lacks', async () => {
    const ws = await freshWorkspace();
    const r = (await importFile(ws, await catalogue([null, null, null, null, null, null, null, '件']))) as ImportFileResult;
    expect(r).toMatchObject({ rows_read: 4, rows_loaded: 3, rows_rejected: 1 });
    expect(await ws.db.all(`SELECT line_no FROM rejected_row`)).toEqual([{ line_no: 2 }]);
  });

  it('a mapping naming 罚款上限 applies to 罚款上限（万元）, scaled by the unit', async () => {
    const ws = await freshWorkspace();
    const mapping = { table: 'matter' as const, columns: { 事项编码: 'matter_code', 事项名称: 'name', 所属领域: 'domain', 权力类型: 'power_type', 实施队伍类型: 'owner_type', 罚款上限: 'fine_max' } };
    const r = (await importFile(ws, await catalogue(UNITS), { mapping })) as ImportFileResult;
    expect(r).toMatchObject({ rows_loaded: 3, rows_rejected: 0 });
    expect(r.columns!.find((c) => c.column === '罚款上限（万元）')).toMatchObject({ field: 'fine_max', confidence: 'sure' });
    expect(await ws.db.all(`SELECT fine_max::DOUBLE AS hi FROM matter ORDER BY row_no`)).toEqual([{ hi: 200 }, { hi: 50000 }, { hi: null }]);
  });

  it('行政行为码 holding the codes, the code 浙江 gives each inspection, is the inspection’s id (检查行为码 was tried: it cost the corpus’s holdout three columns)', () => {
    const col = (v: (i: number) => string) => Array.from({ length: 8 }, (_, i) => v(i));
    const headers = ['行政行为码', '检查时间', '检查主体', '被检查对象', '统一社会信用代码', '检查任务编号', '亮码情况', '检查结果'];
    const samples = [
      col((i) => `33092220241127000${i}`),
      col((i) => `2024/11/2${i} 09:17`),
      col(() => '嵊泗县市场监督管理局'),
      col((i) => `嵊泗县某某餐饮店${i}`),
      col(() => '92330922MA2A100001'),
      col((i) => `SSJ-2024-00${i}`),
      col((i) => (i % 2 ? '已亮码' : '未亮码')),
      col(() => '未发现问题'),
    ];
    const r = recognise(headers, { samples });
    expect(r.table).toBe('inspection');
    expect(Object.fromEntries(r.columns.map((c) => [c.header, c.field]))).toMatchObject({ 行政行为码: 'inspection_id', 亮码情况: 'code_shown', 检查任务编号: 'plan_task_id', 检查时间: 'date' });
  });

  it('a workbook of one sheet per unit, the unit in the sheet’s name only: each sheet’s rows get its unit (待确认); a sheet named no unit is refused as before', async () => {
    const wb = new ExcelJS.Workbook();
    const header = ['序号', '案号', '类别', '原决定书文号', '收到日期', '审理结果'];
    const sheets: Record<string, (string | number)[][]> = {
      综合执法局: [[1, '嵊政复〔2024〕901号', '复议', '嵊综执罚〔2024〕13号', '2024年3月8日', '维持']],
      市场监管局: [
        [1, '嵊政复〔2024〕907号', '复议', '嵊市监处罚〔2024〕13号', '2024年6月5日', '撤销'],
        [2, '（2024）浙0922行初901号', '诉讼', '嵊市监处罚〔2024〕19号', '2024年4月2日', '驳回'],
      ],
      汇总: [[1, '嵊政复〔2024〕909号', '复议', '嵊综执罚〔2024〕20号', '2024年5月1日', '维持']],
    };
    for (const [name, rows] of Object.entries(sheets)) {
      const s = wb.addWorksheet(name);
      s.addRow(header);
      for (const r of rows) s.addRow(r);
    }
    const path = join(tempDir(), '复议应诉案件_各单位分表.xlsx');
    await wb.xlsx.writeFile(path);
    const ws = await sampleWorkspace();
    const before = (await ws.db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM review_litigation`))[0]!.n;
    const rs = await importFileSheets(ws, path);
    const ok = rs.filter((r): r is ImportFileResult => 'rows_loaded' in r && r.table !== null);
    expect(ok.map((r) => [r.sheet, r.rows_loaded, r.rows_rejected])).toEqual([
      ['综合执法局', 1, 0],
      ['市场监管局', 2, 0],
    ]);
    const c = ok[0]!.columns!.find((x) => x.column === '（工作表名）');
    expect(c).toMatchObject({ field: 'unit_id', confidence: 'likely' });
    // the sheet 汇总 names no unit: refused naming the missing column, nothing of it loaded
    expect(rs.length).toBe(3);
    expect(JSON.stringify(rs[2])).toContain('的工作表“汇总”最接近“复议诉讼”数据，但缺少必需的列：“被申请人（被告）”');
    const got = await ws.db.all(`SELECT id, unit_id, kind FROM review_litigation WHERE id LIKE '%2024%' AND id IN ('嵊政复〔2024〕901号', '嵊政复〔2024〕907号', '（2024）浙0922行初901号', '嵊政复〔2024〕909号') ORDER BY id`);
    expect(got).toEqual([
      { id: '嵊政复〔2024〕901号', unit_id: 'ZH01', kind: '复议' },
      { id: '嵊政复〔2024〕907号', unit_id: 'ZY01', kind: '复议' },
      { id: '（2024）浙0922行初901号', unit_id: 'ZY01', kind: '诉讼' },
    ]);
    expect((await ws.db.all<{ n: number }>(`SELECT count(*)::INTEGER AS n FROM review_litigation`))[0]!.n).toBe(before + 3);
  });
});

// Exports of provincial and national platforms, as acceptance set 12 (blind) laid them out: the
// 双公示 standard's field codes (XK_XDR_SHXYM, CF_WSH) in a credit platform's JSON with its 许可编号
// left empty; a 数据交换 XML package (<HEAD> then <BODY><ROW>…); a data-sharing interface whose
// records are lists of {fieldName, fieldValue}; a 互联网+监管 sheet with its field identifiers
// (ACT_CODE …) under the Chinese header and an 导出时间 line under the table; dictionary values
// written code-dash-word (1-是, 0-否). Each was refused or misread; values by hand.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { csvFile, freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';

const DATES = ['2024/03/05', '2024/04/11', '2024/05/20', '2024/06/02', '2024/07/15', '2024/08/09', '2024/09/30', '2024/10/08', '2024/11/18', '2024/12/01', '2024/12/12', '2024/12/20'];

describe('exports of provincial and national platforms', () => {
  it("the 双公示 codes read as the standard names them; an empty 许可编号 is no key, the 决定文书号 is", async () => {
    const rows = DATES.map((d, i) => ({
      XK_XDR_MC: `嵊泗县某某商店${i + 1}`,
      XK_XDR_SHXYM: `92330922MA2A0000${String(i).padStart(2, '0')}`,
      XK_WSH: `嵊许〔2024〕${i + 1}号`,
      XK_XKBH: null,
      XK_JDRQ: d,
      XK_XKJG: '嵊泗县市场监督管理局',
    }));
    const path = join(tempDir(), '许可公示.json');
    writeFileSync(path, JSON.stringify({ total: rows.length, rows }));
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'permit', rows_loaded: 12, rows_rejected: 0 });
    expect(Object.fromEntries(r.columns!.map((c) => [c.column, c.field]))).toMatchObject({ XK_XDR_SHXYM: 'subject_id', XK_WSH: 'permit_id', XK_XKBH: null, XK_JDRQ: 'issued_date' });
    expect(await ws.db.all(`SELECT permit_id, subject_id FROM permit ORDER BY row_no LIMIT 1`)).toEqual([{ permit_id: '嵊许〔2024〕1号', subject_id: '92330922MA2A000000' }]);
    ws.close();
  });

  it('a data-exchange XML package: the head is passed over, the body’s rows are the records', async () => {
    const row = (i: number) =>
      `<ROW><CF_WSH>嵊综执罚〔2024〕${i}号</CF_WSH><CF_XDR_MC>某某饭店${i}</CF_XDR_MC><CF_CFLB>罚款</CF_CFLB><CF_FKJE>0.1</CF_FKJE><CF_JDRQ>2024/09/1${i}</CF_JDRQ><CF_CFJG>嵊泗县综合行政执法局</CF_CFJG><CF_LASJ>2024/08/1${i}</CF_LASJ></ROW>`;
    const path = join(tempDir(), '交换包.xml');
    writeFileSync(path, `<?xml version="1.0" encoding="UTF-8"?><ROOT><HEAD><SJLX>XZCF</SJLX><TSSJ>2025/03/05 10:00:00</TSSJ><JLS>3</JLS></HEAD><BODY>${row(1)}${row(2)}${row(3)}</BODY></ROOT>`);
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'penalty_case', rows_loaded: 3, rows_rejected: 0 });
    // 罚款金额 in 万元, as the standard gives it
    expect(await ws.db.all(`SELECT case_id, CAST(fine_amount AS DOUBLE) AS fine FROM penalty_case ORDER BY row_no`)).toEqual([
      { case_id: '嵊综执罚〔2024〕1号', fine: 1000 },
      { case_id: '嵊综执罚〔2024〕2号', fine: 1000 },
      { case_id: '嵊综执罚〔2024〕3号', fine: 1000 },
    ]);
    expect(r.warnings.join('\n')).toContain('<HEAD>');
    ws.close();
  });

  it('records written as lists of {fieldName, fieldValue} are read by those names; one naming a field twice is rejected saying so', async () => {
    const rec = (i: number, dupe = false) => ({
      rowNum: i,
      fieldList: [
        { fieldName: '问题编号', fieldCode: 'WTBH', fieldValue: `JD${i}` },
        { fieldName: '问题来源', fieldCode: 'WTLY', fieldValue: '案卷评查' },
        { fieldName: '被监督单位', fieldCode: 'BJDDW', fieldValue: '嵊泗县市场监督管理局' },
        { fieldName: dupe ? '问题来源' : '发现日期', fieldCode: 'FXRQ', fieldValue: '2024/06/23' },
      ],
    });
    const path = join(tempDir(), '共享接口.json');
    writeFileSync(path, JSON.stringify({ resultCode: '0000', data: { records: [...Array.from({ length: 19 }, (_, i) => rec(i + 1)), rec(20, true)] } }));
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'supervision_finding', rows_loaded: 19, rows_rejected: 1 });
    expect(await ws.db.all(`SELECT finding_id, source, CAST(found_date AS VARCHAR) AS found FROM supervision_finding ORDER BY row_no LIMIT 3`)).toEqual([
      { finding_id: 'JD1', source: '案卷评查', found: '2024-06-23' },
      { finding_id: 'JD2', source: '案卷评查', found: '2024-06-23' },
      { finding_id: 'JD3', source: '案卷评查', found: '2024-06-23' },
    ]);
    const rej = await ws.db.all<{ line_no: number; reason_zh: string }>(`SELECT line_no, reason_zh FROM rejected_row`);
    expect(rej).toEqual([{ line_no: 20, reason_zh: '该条记录的字段列表缺失，或其中有字段没有名称、名称重复，无法按列名读取' }]);
    ws.close();
  });

  it("a sheet's field identifiers under its Chinese header are part of the header; 1-是 / 0-否 are yes and no; an 导出时间 line is no record", async () => {
    const wb = new ExcelJS.Workbook();
    const sheet = wb.addWorksheet('检查行为');
    sheet.addRow(['检查行为编码', '检查对象名称', '检查对象统一社会信用代码', '检查日期', '检查实施机构', '是否联合检查']);
    sheet.addRow(['ACT_CODE', 'OBJ_NAME', 'OBJ_CREDIT_CODE', 'CHECK_DATE', 'IMPL_ORG_NAME', 'IS_JOINT']);
    DATES.forEach((d, i) => sheet.addRow([`33092220240${i + 10}`, `某某公司${i}`, `91330922MA2A0000${String(i).padStart(2, '0')}`, d, '嵊泗县市场监督管理局', i % 3 === 0 ? '1-是' : '0-否']));
    sheet.addRow(['导出时间：2025/03/05 10:00:00　导出机构：嵊泗县市场监督管理局']);
    const path = join(tempDir(), '监管行为.xlsx');
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ table: 'inspection', rows_loaded: 12, rows_rejected: 1 });
    expect(r.columns!.find((c) => c.column === '是否联合检查')?.field).toBe('is_joint');
    expect(await ws.db.all(`SELECT count(*) FILTER (is_joint)::INTEGER AS yes, count(*) FILTER (NOT is_joint)::INTEGER AS no FROM inspection`)).toEqual([{ yes: 4, no: 8 }]);
    expect(await ws.db.all(`SELECT line_no, error_codes FROM rejected_row`)).toEqual([{ line_no: 15, error_codes: ['row.summary'] }]);
    expect(r.warnings.join('\n')).toContain('第 2 行是表头的英文译文（或系统的字段标识）');
    ws.close();
  });

  it('an open-data unit list: 执法类别 is the unit type, 主体性质 (行政机关) is not', async () => {
    const ws = await freshWorkspace();
    const r = await importFile(ws, csvFile('执法主体.csv', [
      ['统一社会信用代码', '执法主体名称', '主体性质', '执法类别'],
      ['11330922MB0000001X', '嵊泗县综合行政执法局', '行政机关', '综合执法'],
      ['11330922MB0000002X', '嵊泗县菜园镇人民政府', '行政机关', '乡镇（街道）综合执法'],
    ]));
    expect(Object.fromEntries(r.columns!.map((c) => [c.column, c.field]))).toMatchObject({ 执法类别: 'unit_type', 主体性质: null });
    expect(await ws.db.all(`SELECT unit_type FROM unit ORDER BY row_no`)).toEqual([{ unit_type: '综合' }, { unit_type: '乡镇' }]);
    ws.close();
  });
});

// A party's id in two columns (fallbacks.ts): the headers of the 双公示 行政许可 data standard; the
// rows are made up, natural persons in every third row.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../../test/helpers.js';
import { detectTable } from '../headers.js';
import { importFile } from '../import-file.js';
import { applyMappingFile, mappingTemplate, parseMappingFile } from '../mapping-file.js';

const HEADERS = '行政相对人名称,行政相对人类别,统一社会信用代码,法定代表人,法定代表人证件类型,法定代表人证件号码,证件类型,证件号码,行政许可决定文书号,许可证书名称,许可编号,许可内容,许可决定日期,有效期至,许可机关,许可机关统一社会信用代码,数据来源单位统一社会信用代码'.split(',');

function row(i: number): string[] {
  const person = i % 3 === 0;
  return [
    person ? `王${'明华丽'[i % 3]}` : `嵊泗县海鲜${i}号有限公司`,
    person ? '自然人' : '法人及非法人组织',
    person ? '' : `91330922MA2${String(i).padStart(7, '0')}X`,
    person ? '' : '张三',
    person ? '' : '身份证',
    person ? '' : `33092219750505${String(i).padStart(4, '0')}`,
    person ? '身份证' : '',
    person ? `33092219800101${String(i).padStart(3, '0')}X` : '',
    `嵊市监许〔2024〕${i + 1}号`,
    '食品经营许可证',
    `JY2330922${String(i).padStart(5, '0')}`,
    '食品销售经营者',
    `2024-03-${String(1 + (i % 28)).padStart(2, '0')}`,
    '2029-03-01',
    '嵊泗县市场监督管理局',
    '11330922002581234X',
    '11330922002581234X',
  ];
}

describe('a party id in two columns', () => {
  it('recognises 证件号码 as filling subject_id where 统一社会信用代码 is empty — a guess to confirm; 法定代表人证件号码 and the issuing office’s code stay unmapped', () => {
    const m = detectTable(HEADERS, '行政许可信息_双公示_2024.csv');
    expect(m.table).toBe('permit');
    const by = new Map(m.columns.map((c) => [c.header, c]));
    expect(by.get('统一社会信用代码')).toMatchObject({ field: 'subject_id' });
    expect(by.get('统一社会信用代码')!.fallback).toBeUndefined();
    expect(by.get('证件号码')).toMatchObject({ field: 'subject_id', fallback: true, confidence: 'likely' });
    for (const h of ['法定代表人证件号码', '许可机关统一社会信用代码', '数据来源单位统一社会信用代码']) expect(by.get(h)!.field).toBeNull();
    // the template writes it so, and reading the template back gives the same mapping
    const template = mappingTemplate('行政许可信息_双公示_2024.csv', HEADERS);
    expect(template).toContain('证件号码: {field: subject_id, fallback: true}');
    const { mapping, errors } = parseMappingFile(template, 'm.yaml');
    expect(errors).toEqual([]);
    const applied = applyMappingFile(mapping!, HEADERS);
    expect(applied.columns.filter((c) => c.field === 'subject_id').map((c) => [c.header, c.fallback ?? false])).toEqual([
      ['统一社会信用代码', false],
      ['证件号码', true],
    ]);
  });

  it('imports every row: a natural person’s subject_id is the id number, an organisation’s its code; a row with neither is rejected naming both columns (was: every natural person rejected)', async () => {
    const rows = Array.from({ length: 20 }, (_, i) => row(i));
    // row 8 of the file (i = 7, an organisation) has lost its code
    rows[7]![2] = '';
    const path = join(tempDir(), '行政许可信息_双公示_2024.csv');
    writeFileSync(path, [HEADERS, ...rows].map((r) => r.join(',')).join('\n') + '\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 20, rows_loaded: 19, rows_rejected: 1 });
    const got = await ws.db.all<{ row_no: number; subject_id: string }>(`SELECT row_no, subject_id FROM permit ORDER BY row_no`);
    const want = rows
      .map((x, i) => ({ row_no: i + 2, subject_id: (x[2] || x[7])! }))
      .filter((x) => x.row_no !== 9);
    expect(got.map((x) => ({ row_no: Number(x.row_no), subject_id: x.subject_id }))).toEqual(want);
    expect(want.filter((x) => x.subject_id.startsWith('330922198001'))).toHaveLength(7);
    const [rej] = await ws.db.all<{ line_no: number; reason_zh: string }>(`SELECT line_no, reason_zh FROM rejected_row`);
    expect(Number(rej!.line_no)).toBe(9);
    expect(rej!.reason_zh).toContain('统一社会信用代码/证件号码');
  });
});

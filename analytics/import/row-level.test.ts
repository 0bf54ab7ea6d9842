// Issue 16, failure 5: one bad row must not fail the whole file. Each case is made from the
// committed sample's case list (CSV) or licence list (JSON Lines); every other row still loads,
// and the bad one is a rejected row with its physical line and a reason in words.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lit } from '../db/duck.js';
import { cleanErrorDetail, isTijianError } from '../i18n/errors.js';
import { freshWorkspace, SAMPLES, snapshot, tempDir } from '../test/helpers.js';
import type { Workspace } from '../workspace/workspace.js';
import { scanFile, utf16Side } from './file-scan.js';
import { importFile } from './import-file.js';

const CASES = readFileSync(join(SAMPLES, 'shengsi', '行政处罚案件台账_2024.csv'), 'utf8').split('\n').filter(Boolean).slice(0, 41);
const LICENCES = readFileSync(join(SAMPLES, 'shengsi', '行政许可信息_2022-2024.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 30);

async function rejected(ws: Workspace): Promise<Array<{ line_no: number; reason_zh: string; reason_en: string; raw: string; error_codes: string[] }>> {
  return ws.db.all(`SELECT line_no, reason_zh, reason_en, CAST(raw AS VARCHAR) AS raw, error_codes FROM rejected_row ORDER BY line_no`);
}

function write(name: string, content: string | Buffer): string {
  const p = join(tempDir(), name);
  writeFileSync(p, content);
  return p;
}

/** Line i (1-based; line 1 is the header) of the case list with `change` applied. */
function casesWith(line: number, change: (l: string) => string, eol = '\n'): string {
  return CASES.map((l, i) => (i + 1 === line ? change(l) : l)).join(eol) + eol;
}

describe('line endings', () => {
  it('a CRLF CSV with one LF-only line loads every row (was: "CSV Parser state machine reached an invalid state")', async () => {
    for (const at of [2, 20, 40]) {
      const text = CASES.map((l, i) => l + (i + 1 === at ? '\n' : '\r\n')).join('');
      const ws = await freshWorkspace();
      const r = await importFile(ws, write('行政处罚案件台账_混合换行.csv', text));
      expect(r).toMatchObject({ rows_read: 40, rows_loaded: 40, rows_rejected: 0 });
    }
  });

  it('an LF CSV with one CRLF line too; line numbers stay physical, and a quoted CRLF inside a cell is kept', async () => {
    const lines = [...CASES];
    // a cell with a line break of its own (CRLF inside quotes), and a bad date further down
    lines[5] = lines[5]!.replace(/,(自然人|法人或其他组织|个体工商户),([^,]+),/, ',$1,"$2\r\n续",');
    expect(lines[5]).toContain('\r\n续');
    lines[30] = lines[30]!.replace(/2024年\d+月\d+日/, '2024年13月45日');
    const text = lines.map((l, i) => l + (i === 10 ? '\r\n' : '\n')).join('');
    const ws = await freshWorkspace();
    const r = await importFile(ws, write('行政处罚案件台账_混合换行2.csv', text));
    expect(r).toMatchObject({ rows_read: 40, rows_loaded: 39, rows_rejected: 1 });
    // the bad row is file line 31, plus the continuation line of the quoted cell above it
    expect((await rejected(ws))[0]).toMatchObject({ line_no: 32 });
    expect(await ws.db.scalar(`SELECT count(*) FROM penalty_case WHERE party_name LIKE '%' || chr(13) || chr(10) || '续'`)).toBe(1);
  });

  it('a lone CR at the end of a quoted cell is trimmed as a LF is (was: kept — the scan saw no line break, so the cleaning looked for none)', async () => {
    // the party name of line 2, quoted, ending in a CR (one file) or a LF (another); the rest as they are
    const name = /,(?:自然人|法人或其他组织|个体工商户),([^,]+),/.exec(CASES[1]!)![1]!;
    for (const eol of ['\r', '\n']) {
      const path = write(`行政处罚案件台账_${eol === '\r' ? 'CR' : 'LF'}.csv`, casesWith(2, (l) => l.replace(`,${name},`, `,"${name}${eol}",`)));
      expect((await scanFile(path, true, () => {})).quotedNewlines).toBe(true);
      const ws = await freshWorkspace();
      const r = await importFile(ws, path);
      expect(r).toMatchObject({ rows_read: 40, rows_loaded: 40, rows_rejected: 0 });
      expect(await ws.db.scalar(`SELECT party_name FROM penalty_case WHERE row_no = 2`)).toBe(name);
    }
    // a CRLF file holds no line break of a cell's
    expect((await scanFile(write('crlf.csv', CASES.join('\r\n') + '\r\n'), true, () => {})).quotedNewlines).toBe(false);
  });
});

describe('numbers too large for their column', () => {
  // The fine and the time limit are optional: a value that cannot be taken empties the field and
  // its row loads, the text kept and listed with its reason (issue 10: rows are rejected only when
  // they cannot be placed). A required or key field out of range still rejects its row.
  it('a 13-digit amount and an 18-digit id in the fine column are "out of range": the rows load with the fine empty, the text kept and listed (was: "Could not convert … to DECIMAL(18,6)")', async () => {
    const text = casesWith(3, (l) => l.replace(/,"?[\d,]+\.\d\d"?,/, ',1234567890123,')).split('\n');
    text[7] = text[7]!.replace(/,"?[\d,]+\.\d\d"?,/, ',330921197504232673,');
    const ws = await freshWorkspace();
    const r = await importFile(ws, write('行政处罚案件台账_大数.csv', text.join('\n')));
    expect(r).toMatchObject({ rows_read: 40, rows_loaded: 40, rows_rejected: 0 });
    const header = r.columns!.find((c) => c.field === 'fine_amount')!.column;
    const kept = await ws.db.all<{ row_no: number; fine: unknown; text: string }>(
      `SELECT row_no, fine_amount AS fine, extras->>${lit(header)} AS text FROM penalty_case WHERE extras->>${lit(header)} IS NOT NULL ORDER BY row_no`,
    );
    expect(kept).toEqual([
      { row_no: 3, fine: null, text: '1234567890123' },
      { row_no: 8, fine: null, text: '330921197504232673' },
    ]);
    const listed = (r.values_invalid ?? []).map((v) => [v.code, v.value, v.rows]).sort();
    expect(listed).toEqual([
      ['fine_amount.range', '1234567890123', 1],
      ['fine_amount.range', '330921197504232673', 1],
    ]);
    const v = r.values_invalid!.find((x) => x.value === '330921197504232673')!;
    expect(v.zh).toContain('「330921197504232673」超出可处理的范围');
    expect(v.zh).toContain('证件号码');
    expect(v.en).toContain('out of range');
    // an amount just below the limit loads as written
    const ok = await freshWorkspace();
    const r2 = await importFile(ok, write('行政处罚案件台账_大额.csv', casesWith(3, (l) => l.replace(/,"?[\d,]+\.\d\d"?,/, ',999999999999.99,'))));
    expect(r2.rows_rejected).toBe(0);
    expect(r2.values_invalid).toEqual([]);
    expect(await ok.db.scalar(`SELECT CAST(max(fine_amount) AS VARCHAR) FROM penalty_case`)).toBe('999999999999.99');
  });

  it('an id in a whole-number column is "out of range", not "not a whole number"', async () => {
    const ws = await freshWorkspace();
    const r = await importFile(ws, write('行政处罚案件台账_期限.csv', casesWith(2, (l) => l.replace(/,\d+天,/, ',330921197504232673,'))));
    expect(r).toMatchObject({ rows_loaded: 40, rows_rejected: 0 });
    expect(r.values_invalid!.map((v) => [v.code, v.value])).toEqual([['deadline_days.range', '330921197504232673']]);
    expect(r.values_invalid![0]!.zh).toContain('超出整数范围');
    expect(await ws.db.scalar(`SELECT count(*) FROM penalty_case WHERE deadline_days IS NULL AND row_no = 2`)).toBe(1);
  });

  it('out of range in a key field rejects the row, with the reason', async () => {
    // the checklist's year is part of its key (单位,年度,制度编码,…)
    const list = readFileSync(join(SAMPLES, 'shengsi', '制度机制落实情况_2022-2024.csv'), 'utf8').split('\n').filter(Boolean).slice(0, 6);
    expect(list[0]!.split(',')[1]).toBe('年度');
    const cells = list[2]!.split(',');
    cells[1] = '330921197504232673';
    list[2] = cells.join(',');
    const ws = await freshWorkspace();
    const r = await importFile(ws, write('制度机制落实情况_大数.csv', list.join('\n') + '\n'));
    expect(r).toMatchObject({ rows_read: 5, rows_loaded: 4, rows_rejected: 1 });
    const [rej] = await rejected(ws);
    expect(rej).toMatchObject({ line_no: 3, error_codes: ['year.range'] });
    expect(rej!.reason_zh).toContain('超出整数范围');
  });
});

describe('NUL and other control characters', () => {
  it('a NUL or BEL in a cell rejects the row, naming the column (was: loaded silently)', async () => {
    const text = casesWith(5, (l) => l.replace(/,(自然人|法人或其他组织|个体工商户),([^,]+),/, ',$1,$2\u0000X,')).split('\n');
    text[9] = text[9]!.replace(/,(自然人|法人或其他组织|个体工商户),([^,]+),/, ',$1,$2\u0007,');
    const ws = await freshWorkspace();
    const r = await importFile(ws, write('行政处罚案件台账_控制字符.csv', text.join('\n')));
    expect(r).toMatchObject({ rows_read: 40, rows_loaded: 38, rows_rejected: 2 });
    const rej = await rejected(ws);
    expect(rej.map((x) => x.line_no)).toEqual([5, 10]);
    for (const x of rej) {
      expect(x.reason_zh).toContain('控制字符');
      expect(x.reason_zh).toContain('当事人名称');
      expect(x.error_codes).toEqual(['row.control_char']);
    }
    // the raw text is kept, NUL and all
    expect(JSON.parse(rej[0]!.raw)['当事人名称']).toMatch(/\u0000X$/);
  });

  it('a ragged line holding a NUL is a rejected row: it never reaches SQL text raw (was: the file failed)', async () => {
    const ws = await freshWorkspace();
    const before = await snapshot(ws.db);
    const r = await importFile(ws, write('行政处罚案件台账_NUL.csv', casesWith(6, (l) => `${l},多余\u0000列`)));
    expect(r).toMatchObject({ rows_read: 40, rows_loaded: 39, rows_rejected: 1 });
    const [rej] = await rejected(ws);
    expect(rej).toMatchObject({ line_no: 6, error_codes: ['row.ragged'] });
    expect(JSON.parse(rej!.raw).line).toContain('多余\u0000列');
    expect(before).not.toEqual(await snapshot(ws.db));
  });

  it('lit() spells NUL so the SQL text stays whole', async () => {
    const ws = await freshWorkspace();
    expect(await ws.db.scalar(`SELECT ${lit("a'\u0000b")}`)).toBe("a'\u0000b");
  });
});

describe('CSV: a line too long to read is one rejected row', () => {
  it('an unquoted line of 40 MiB is rejected with its line, as one of 20 MiB is, and the lines after keep their numbers (was: dropped without a word, every later line one off)', async () => {
    const long = (mib: number) => (l: string) => l.replace(/,([^,]*)$/, `,${'x'.repeat(mib << 20)}`);
    const lines = CASES.slice();
    lines[10] = long(40)(lines[10]!);
    lines[14] = long(20)(lines[14]!);
    // a quoted cell with a line break: the lines after it are one further on in the file
    lines[24] = lines[24]!.replace(/^([^,]*),([^,]*),/, '$1,"$2\n第二行",');
    lines[31] = `${lines[31]},多余,多余`;
    const path = write('行政处罚案件台账_超长行.csv', lines.join('\n') + '\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 40, rows_loaded: 37, rows_rejected: 3 });
    const rej = await rejected(ws);
    expect(rej.map((x) => [x.line_no, x.error_codes[0]])).toEqual([
      [11, 'row.too_long'],
      [15, 'row.too_long'],
      [33, 'row.ragged'],
    ]);
    // the dropped line's start is kept, not the whole line
    expect(rej[0]!.raw).toContain(CASES[10]!.split(',')[0]);
    expect(rej[0]!.raw.length).toBeLessThan(20_000);
    // every loaded row carries its own line: the case ids read from the file's own lines
    const ids = await ws.db.all<{ row_no: number; case_id: string }>(`SELECT row_no, case_id FROM penalty_case ORDER BY row_no`);
    const physical = (orig: number) => (orig > 25 ? orig + 1 : orig);
    const expected = CASES.map((l, i) => ({ orig: i + 1, id: l.split(',')[0]! }))
      .filter((x) => x.orig > 1 && ![11, 15, 32].includes(x.orig))
      .map((x) => ({ row_no: physical(x.orig), case_id: x.id }));
    expect(ids.map((x) => ({ row_no: Number(x.row_no), case_id: x.case_id }))).toEqual(expected);
  }, 120_000);
});

describe('JSON Lines: a bad line is one rejected row', () => {
  it('an invalid UTF-8 byte and a line over 16 MiB reject their lines; the lines after keep their numbers (was: the file failed, echoing the line)', async () => {
    const lines = LICENCES.map((l) => Buffer.from(l, 'utf8'));
    lines[4] = Buffer.concat([Buffer.from(LICENCES[4]!.slice(0, 20), 'utf8'), Buffer.from([0xff, 0xfe]), Buffer.from(LICENCES[4]!.slice(20), 'utf8')]);
    lines[9] = Buffer.from(LICENCES[9]!.replace('"}', `${'长'.repeat(6 << 20)}"}`), 'utf8');
    lines[15] = Buffer.from('{"许可编号": 这不是JSON', 'utf8');
    const path = write('行政许可信息_坏行.jsonl', Buffer.concat(lines.flatMap((l) => [l, Buffer.from('\n')])));
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 30, rows_loaded: 27, rows_rejected: 3 });
    const rej = await rejected(ws);
    expect(rej.map((x) => [x.line_no, x.error_codes[0]])).toEqual([
      [5, 'row.encoding'],
      [10, 'row.too_long'],
      [16, 'row.malformed'],
    ]);
    // the long line is not stored whole
    expect(rej[1]!.raw.length).toBeLessThan(10_000);
    // and the loaded rows carry their own lines
    expect(await ws.db.scalar(`SELECT max(row_no) FROM permit`)).toBe(30);
  }, 120_000);

  it('a UTF-8 JSON array with one bad byte is refused as UTF-8 (not taken for GB18030), naming the user’s file', async () => {
    const objs = LICENCES.slice(0, 5).map((l) => JSON.parse(l) as Record<string, string>);
    const text = Buffer.from('[\n' + objs.map((o) => JSON.stringify(o)).join(',\n') + '\n]\n', 'utf8');
    const at = text.indexOf(Buffer.from('嵊泗', 'utf8'), 200);
    text[at] = 0xff;
    const path = write('监督问题_坏字节.json', text);
    expect((await scanFile(path, true)).encoding).toBe('utf-8');
    const ws = await freshWorkspace();
    const before = await snapshot(ws.db);
    let err: unknown;
    try {
      await importFile(ws, path);
    } catch (e) {
      err = e;
    }
    expect(isTijianError(err)).toBe(true);
    const e = err as { zh: string; en: string; code: string };
    expect(e.zh).toContain('“监督问题_坏字节.json”不是有效的 JSON 数组文件');
    expect(`${e.zh} ${e.en}`).not.toMatch(/tijian-text-|utf8\.json|GB18030/i);
    expect(await snapshot(ws.db)).toEqual(before);
  });
});

describe('messages never echo a row or the reader’s settings', () => {
  it('cleanErrorDetail keeps the gist of a DuckDB error and drops the line, the options and temporary paths', () => {
    const duck = `Invalid Input Error: CSV Error on Line: 4
Original Line: {"许可编号":"嵊市监许〔2022〕1号","统一社会信用代码":"92330922188575075N","被许可人":"张三"}
Error when converting column "line".
Parser options:
  file = /tmp/tijian-text-AbC123/utf8.jsonl
  delimiter = '\u0001' (Set By User)`;
    const out = cleanErrorDetail(new Error(duck), { paths: [['/tmp/tijian-text-AbC123/utf8.jsonl', '许可.jsonl']] });
    expect(out).toBe('Invalid Input Error: CSV Error on Line: 4');
    expect(cleanErrorDetail(new Error('IO Error: No files found that match the pattern "/tmp/tijian-xlsx-Q1/sheet.csv"'))).not.toContain('/tmp/');
  });
});

describe('the scan’s flags that let the import skip work', () => {
  it('control characters: as bytes at any offset, and as JSON escapes; tab, CR, LF and Chinese text are not', async () => {
    const { hasControlByte, hasControlEscape, normalizeLineEndings } = await import('./file-scan.js');
    for (let at = 0; at < 9; at++) {
      const b = Buffer.from('案件编号,执法机关\t\r\nAJ1'.padEnd(24, 'x'), 'utf8');
      expect(hasControlByte(b.subarray(at))).toBe(false);
      const bad = Buffer.from(b);
      bad[at + 5] = 0x01;
      expect(hasControlByte(bad.subarray(at))).toBe(true);
      bad[at + 5] = 0x7f;
      expect(hasControlByte(bad.subarray(at))).toBe(true);
    }
    expect(hasControlEscape(Buffer.from('{"a":"x\\u0000"}'))).toBe(true);
    expect(hasControlEscape(Buffer.from('{"a":"x\\u001F"}'))).toBe(true);
    expect(hasControlEscape(Buffer.from('{"a":"x\\u007f"}'))).toBe(true);
    expect(hasControlEscape(Buffer.from('{"a":"x\\u00e9\\u4e2d"}'))).toBe(false);
    // mixed endings: CRLF becomes LF outside quotes only; the line count stays
    const src = write('m.csv', 'a,b\r\n1,"x\r\ny"\n2,z\r\n');
    expect((await scanFile(src, true)).mixedLineEndings).toBe(true);
    expect((await scanFile(write('n.csv', 'a,b\r\n1,2\r\n'), true)).mixedLineEndings).toBe(false);
    const out = join(tempDir(), 'lf.csv');
    await normalizeLineEndings(src, out, true);
    expect(readFileSync(out, 'utf8')).toBe('a,b\n1,"x\r\ny"\n2,z\n');
  });
});

describe('a line repeating the header', () => {
  it('is rejected as such, not loaded or rejected for its values — exports pasted together, a header on every page', async () => {
    const header = CASES[0]!;
    // the case list with its header again after line 21 (now line 22) and at the end (line 43)
    const lines = [...CASES.slice(0, 21), header, ...CASES.slice(21), header];
    const ws = await freshWorkspace();
    const r = await importFile(ws, write('行政处罚案件台账_拼接.csv', lines.join('\n') + '\n'));
    expect(r).toMatchObject({ rows_read: 42, rows_loaded: 40, rows_rejected: 2 });
    const rej = await rejected(ws);
    expect(rej.map((x) => [x.line_no, x.error_codes])).toEqual([
      [22, ['row.header_repeat']],
      [43, ['row.header_repeat']],
    ]);
    expect(rej[0]!.reason_zh).toBe('该行与表头相同（重复的表头行：文件可能由几份导出拼接而成，或每页都印了表头），不是一条记录');
  });

  it('a repeated header whose texts pass as values (a unit list) no longer loads as a record; a row with only some header texts is data', async () => {
    const ws = await freshWorkspace();
    const text = ['单位编码,单位名称,队伍类型', 'ZH01,嵊泗县综合行政执法局,综合', '单位编码,单位名称,队伍类型', 'ZY01,嵊泗县市场监督管理局,专业', '单位编码,单位名称,综合', ''].join('\n');
    const r = await importFile(ws, write('执法单位名录_拼接.csv', text));
    expect(r).toMatchObject({ rows_read: 4, rows_loaded: 3, rows_rejected: 1 });
    expect((await rejected(ws)).map((x) => [x.line_no, x.error_codes])).toEqual([[3, ['row.header_repeat']]]);
    // the last line is not the header (its 队伍类型 is a value): it is a record, as written
    expect(await ws.db.all(`SELECT unit_id, name, unit_type FROM unit ORDER BY unit_id`)).toEqual([
      { unit_id: 'ZH01', name: '嵊泗县综合行政执法局', unit_type: '综合' },
      { unit_id: 'ZY01', name: '嵊泗县市场监督管理局', unit_type: '专业' },
      { unit_id: '单位编码', name: '单位名称', unit_type: '综合' },
    ]);
  });
});

describe('totals and notes under the table', () => {
  it('are rejected as such — in a unit list 合计,共2个单位,2 loaded as a unit; a name that only starts like one (总计划办) is data', async () => {
    const ws = await freshWorkspace();
    const text = [
      '单位编码,单位名称,队伍类型',
      'ZH01,嵊泗县综合行政执法局,综合',
      '总计划办,嵊泗县总计划办公室,专业',
      '合计,共2个单位,2',
      '小 计：,,',
      '制表人：张三,审核人：李四,',
      '填报日期：2025年1月5日,,',
      '注：本表由各单位填报,,',
      '',
    ].join('\n');
    const r = await importFile(ws, write('执法单位名录_合计.csv', text));
    expect(r).toMatchObject({ rows_read: 7, rows_loaded: 2, rows_rejected: 5 });
    const rej = await rejected(ws);
    expect(rej.map((x) => [x.line_no, x.error_codes])).toEqual([4, 5, 6, 7, 8].map((n) => [n, ['row.summary']]));
    expect(rej[0]!.reason_en).toBe('the line is a total, a subtotal, an average, a page number, a section heading, the title repeated on a page or a note under the table (合计, 制表人, 注, 本表共…件…), not a record');
    expect(await ws.db.all(`SELECT unit_id FROM unit ORDER BY unit_id`)).toEqual([{ unit_id: 'ZH01' }, { unit_id: '总计划办' }]);
  });

  it('a total in a column before the key (序号) and one in the key column of a case list', async () => {
    const ws = await freshWorkspace();
    const withNo = CASES.map((l, i) => `${i === 0 ? '序号' : String(i)},${l}`);
    const width = CASES[0]!.split(',').length;
    // 合计 under 序号, the fine total in its column; then 合计 in the 案号 column
    const total1 = ['合计', ...Array.from({ length: width }, () => '')].join(',');
    const total2 = ['', '总计（40件）', ...Array.from({ length: width - 1 }, () => '')].join(',');
    const r = await importFile(ws, write('行政处罚案件台账_序号.csv', [...withNo, total1, total2].join('\n') + '\n'));
    expect(r).toMatchObject({ rows_read: 42, rows_loaded: 40, rows_rejected: 2 });
    expect((await rejected(ws)).map((x) => [x.line_no, x.error_codes])).toEqual([
      [42, ['row.summary']],
      [43, ['row.summary']],
    ]);
  });
});

describe('lines of a printed or hand-kept ledger that are no record', () => {
  it('a subtotal after its group, a month total, page numbers, the title again, a signature: told as such where the key is empty; records that look alike load', async () => {
    const ws = await freshWorkspace();
    const width = CASES[0]!.split(',').length;
    const line = (first: string, at = 0) => Array.from({ length: width + 1 }, (_, i) => (i === at ? first : '')).join(',');
    const withNo = CASES.slice(0, 6).map((l, i) => `${i === 0 ? '序号' : String(i)},${l}`);
    const text = [
      withNo[0]!, withNo[1]!, withNo[2]!,
      // a subtotal after the unit it sums (序号 and 案号 empty); a month's total
      line('海洋执法队 小计', 2), line('本月合计：2件'),
      withNo[3]!,
      // a page's number; the title printed again on the next page; the header again
      line('第 1 页　共 2 页'), line('嵊泗县行政处罚案件登记台账（2024年度）'), withNo[0]!,
      withNo[4]!, withNo[5]!,
      line('- 2 -'), line('承办科室：法制科　填报日期：2025年1月5日'),
      // a record whose 序号 looks like none of these loads: its key is there
      `合计表1,${CASES[6]!}`,
      // a subtotal written in the key's own column
      line('洋山镇综合行政执法队 合计：3件', 1),
      // a section's heading
      line('二月份'),
    ].join('\n') + '\n';
    const r = await importFile(ws, write('行政处罚案件登记台账_打印.csv', text));
    expect(r).toMatchObject({ rows_read: 15, rows_loaded: 6, rows_rejected: 9 });
    expect((await rejected(ws)).map((x) => [x.line_no, x.error_codes])).toEqual([
      [4, ['row.summary']],
      [5, ['row.summary']],
      [7, ['row.summary']],
      [8, ['row.summary']],
      [9, ['row.header_repeat']],
      [12, ['row.summary']],
      [13, ['row.summary']],
      [15, ['row.summary']],
      [16, ['row.summary']],
    ]);
    // a record without its key is still one, whatever its first cell
    const ws2 = await freshWorkspace();
    const noKey = CASES[1]!.split(',');
    noKey[0] = '';
    const r2 = await importFile(ws2, write('行政处罚案件.csv', [`序号,${CASES[0]!}`, `1,${noKey.join(',')}`].join('\n') + '\n'));
    expect(r2).toMatchObject({ rows_loaded: 0, rows_rejected: 1 });
    expect((await rejected(ws2))[0]!.error_codes).toContain('case_id.required');
  });
});

describe('UTF-16', () => {
  // header + 40 rows in CRLF, a blank line after line 4 and a row with two cells too many at line 20
  const lines = CASES.slice();
  lines.splice(4, 0, '');
  lines[19] = `${lines[19]},多余,多余`;
  const text = lines.join('\r\n') + '\r\n';
  const be = (s: string) => Buffer.from(s, 'utf16le').swap16();

  it.each([
    ['LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])],
    ['LE without a BOM', Buffer.from(text, 'utf16le')],
    ['BE without a BOM', be(text)],
  ])('%s: every row loads or is rejected on its own line (was: line 19 with a BOM — the blank lines were counted in UTF-16 bytes; without one the file failed)', async (_, bytes) => {
    const ws = await freshWorkspace();
    const r = await importFile(ws, write('行政处罚案件台账_UTF16.csv', bytes));
    expect(r).toMatchObject({ rows_read: 40, rows_loaded: 39, rows_rejected: 1 });
    const [rej] = await rejected(ws);
    expect(rej).toMatchObject({ line_no: 20, error_codes: ['row.ragged'] });
    // the last row is on line 42: the header, 40 rows and the blank line
    expect(Number(await ws.db.scalar(`SELECT max(row_no) FROM penalty_case`))).toBe(42);
  });

  it('no BOM is taken for UTF-16 in UTF-8 or GB18030 text, also with a stray NUL', async () => {
    expect(utf16Side(Buffer.from(CASES.slice(0, 5).join('\n'), 'utf8'))).toBeNull();
    expect(utf16Side(Buffer.from(CASES.slice(0, 5).join('\n').replace('罚', '罚\u0000'), 'utf8'))).toBeNull();
    expect(utf16Side(Buffer.from(new TextEncoder().encode('一二三,1,2\n')))).toBeNull();
    expect(utf16Side(Buffer.from('一二三四五六七八九十,1,2\r\n', 'utf16le'))).toBe('utf-16le');
    expect(utf16Side(Buffer.from('一二三四五六七八九十,1,2\r\n', 'utf16le').swap16())).toBe('utf-16be');
  });
});

describe('CSV: a quote never closed', () => {
  it.each([
    ['the last line', 41, 41],
    ['a line in the middle', 21, 40],
  ])('in %s: that line is rejected in words, every other row loads (was: the whole file "has no header row" / "该行 ? 列")', async (_, at, count) => {
    // the party's name opens a quote the line never closes
    const lines = CASES.slice(0, count).map((l, i) => (i + 1 === at ? l.replace(/^([^,]*),/, '$1,"') : l));
    const ws = await freshWorkspace();
    const r = await importFile(ws, write('行政处罚案件台账_引号.csv', lines.join('\n') + '\n'));
    expect(r).toMatchObject({ rows_read: count - 1, rows_loaded: count - 2, rows_rejected: 1 });
    const [rej] = await rejected(ws);
    expect(rej).toMatchObject({ line_no: at, error_codes: ['row.quote'] });
    expect(rej!.reason_zh).toContain('引号「"」没有闭合');
    expect(rej!.raw).toContain(CASES[at - 1]!.split(',')[0]);
  });
});

describe('an empty record', () => {
  it('is told as a JSON object in a JSON Lines file, as a line in a CSV (was: "only delimiters or spaces" for {})', async () => {
    const ws = await freshWorkspace();
    const lines = LICENCES.slice(0, 10);
    lines.splice(4, 0, '{}');
    const r = await importFile(ws, write('行政许可信息_空对象.jsonl', lines.join('\n') + '\n'));
    expect(r).toMatchObject({ rows_read: 11, rows_loaded: 10, rows_rejected: 1 });
    const [rej] = await rejected(ws);
    expect(rej).toMatchObject({ line_no: 5, error_codes: ['row.empty'] });
    expect(rej!.reason_zh).toBe('该记录没有任何值（空对象 {}，或每个值都为空），不是一条记录');
  });
});

// A CSV line the reader cannot split keeps its own text and says how many cells it has. Found
// while measuring a numbered copy of the file (2026-12-06): after a blank line the reader's text of
// the next line began with that blank line's break, and a line with two cells too many was said to
// have one ("Found: width + 1" — the reader stops counting at the first cell too many).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { countCells } from './sources.js';

const CASES = readFileSync(join(SAMPLES, 'shengsi', '行政处罚案件台账_2024.csv'), 'utf8').split('\n').filter(Boolean).slice(0, 8);

/** Lines 1–10 as the comments say; `last` is line 10. */
function fileLines(last: string): string[] {
  return [
    '嵊泗县2024年行政处罚案件台账', // 1 title
    CASES[0]!, // 2 header: 29 cells
    CASES[1]!, // 3
    CASES[2]!, // 4
    '', // 5 blank
    CASES[3]! + ',多1,多2', // 6 two cells too many (29 + 2)
    CASES[4]!, // 7
    CASES[1]!, // 8 the key of line 3 again
    CASES[5]!.replace(/2024年\d+月\d+日/, '2024年13月45日'), // 9 no such date
    last, // 10
  ];
}

async function importLines(name: string, lines: string[]) {
  const path = join(tempDir(), name);
  writeFileSync(path, lines.join('\n') + '\n');
  const ws = await freshWorkspace();
  const r = await importFile(ws, path);
  const rejected = await ws.db.all<{ line_no: number; reason_zh: string; raw: string }>(
    `SELECT line_no, reason_zh, CAST(raw AS VARCHAR) AS raw FROM rejected_row ORDER BY line_no`,
  );
  const loaded = await ws.db.all<{ case_id: string }>(`SELECT case_id FROM penalty_case ORDER BY case_id`);
  return { r, rejected, loaded: loaded.map((x) => x.case_id) };
}

const caseId = (line: string) => line.split(',')[0]!;

describe('a CSV line that cannot be split', () => {
  // the same answers whether or not a quoted cell further down holds a line break (which makes the
  // import count continuation lines)
  for (const [name, last] of [
    ['行政处罚案件台账_空行.csv', CASES[6]!],
    ['行政处罚案件台账_引号换行.csv', CASES[6]!.replace(/,(自然人|法人或其他组织|个体工商户),([^,]+),/, ',$1,"$2\n续",')],
  ] as const) {
    it(`keeps its own text and its cell count (${name})`, async () => {
      expect(CASES[0]!.split(',')).toHaveLength(29);
      const { r, rejected, loaded } = await importLines(name, fileLines(last));
      // records on lines 3, 4, 6, 7, 8, 9, 10; line 6 cannot be split, 8 repeats 3's key, 9 has no date
      expect(r).toMatchObject({ rows_read: 7, rows_loaded: 4, rows_rejected: 3 });
      expect(loaded).toEqual([CASES[1], CASES[2], CASES[4], CASES[6]].map((l) => caseId(l!)).sort());
      expect(rejected.map((x) => x.line_no)).toEqual([6, 8, 9]);
      expect(JSON.parse(rejected[0]!.raw)).toEqual({ line: CASES[3] + ',多1,多2' });
      expect(rejected[0]!.reason_zh).toContain('（表头 29 列，该行 31 列）：该行比表头多 2 个单元格');
      expect(JSON.parse(rejected[1]!.raw)['案号']).toBe(caseId(CASES[1]!));
      expect(rejected[1]!.reason_zh).toContain('与本文件第 3 行完全相同'); // the row repeats line 3 word for word
      expect(rejected[2]!.reason_zh).toContain('2024年13月45日');
    });
  }
});

describe('a JSON Lines line the reader cannot take', () => {
  it('keeps its own text after a blank line', async () => {
    const lic = readFileSync(join(SAMPLES, 'shengsi', '行政许可信息_2022-2024.jsonl'), 'utf8').split('\n').filter(Boolean);
    // line 1 a licence, 2 blank, 3 a licence with two bytes that are no UTF-8, 4 a licence
    const broken = Buffer.from(lic[1]!.replace('"许可日期"', '"许可日期X"'));
    const cut = broken.indexOf('":"') + 3; // after the first key, between whole characters
    const bad = Buffer.concat([broken.subarray(0, cut), Buffer.from([0xff, 0xfe]), broken.subarray(cut)]);
    const path = join(tempDir(), '行政许可信息_空行.jsonl');
    writeFileSync(path, Buffer.concat([Buffer.from(lic[0] + '\n\n'), bad, Buffer.from('\n' + lic[2] + '\n')]));
    const ws = await freshWorkspace();
    expect(await importFile(ws, path)).toMatchObject({ rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
    const [row] = await ws.db.all<{ line_no: number; raw: string }>(`SELECT line_no, CAST(raw AS VARCHAR) AS raw FROM rejected_row`);
    expect(row!.line_no).toBe(3);
    // the undecodable bytes read as U+FFFD or '?'; the text starts where the line does
    expect(JSON.parse(row!.raw).line.startsWith(broken.subarray(0, cut).toString())).toBe(true);
  });
});

describe('countCells', () => {
  it('counts delimiters outside double quotes', () => {
    expect(countCells('a,b,c', ',')).toBe(3);
    expect(countCells('"2,000.00",x', ',')).toBe(2);
    expect(countCells('"say ""a,b""",', ',')).toBe(2);
    expect(countCells('', ',')).toBe(1);
    expect(countCells('a\tb\t', '\t')).toBe(3);
  });
});

// A CSV line with one cell more than the header, its last cell empty (a trailing delimiter), was
// loaded by DuckDB's reader with the empty cell dropped and every value after an unquoted comma
// one column to the right. Exports that end every row with an empty 备注 show it whenever a value
// holds a comma. The fixtures are the committed sample's case list with an empty last column.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import type { Workspace } from '../workspace/workspace.js';
import { sniffCsv } from './csv-dialect.js';
import { scanFile } from './file-scan.js';
import { importFile } from './import-file.js';
import { previewFile } from './preview.js';

const CASES = readFileSync(join(SAMPLES, 'shengsi', '行政处罚案件台账_2024.csv'), 'utf8').split('\n').filter(Boolean).slice(0, 31);
const WIDTH = CASES[0]!.split(',').length + 1; // + 备注
const COMPANY = '舟山鸿运汽车维修有限公司嵊泗分公司,城关维修点';

/** The case list with an empty 备注 at the end of every line (header: 备注). */
function padded(): string[] {
  return CASES.map((l, i) => (i === 0 ? `${l},备注` : `${l},`));
}

/** Line `line` (1-based) with its party name replaced by a name holding an unquoted comma. */
function withComma(lines: string[], line: number): string[] {
  return lines.map((l, i) => (i + 1 === line ? l.replace(/,(自然人|法人或其他组织|个体工商户),([^,]+),/, `,法人或其他组织,${COMPANY},`) : l));
}

function write(name: string, content: string | Buffer): string {
  const p = join(tempDir(), name);
  writeFileSync(p, content);
  return p;
}

async function rejected(ws: Workspace) {
  return ws.db.all<{ line_no: number; reason_zh: string; reason_en: string; raw: string; error_codes: string[] }>(
    `SELECT line_no, reason_zh, reason_en, CAST(raw AS VARCHAR) AS raw, error_codes FROM rejected_row ORDER BY line_no`,
  );
}

/** No loaded row holds a value shifted from its column (the part after the comma, or a name where an id goes). */
async function nothingShifted(ws: Workspace): Promise<void> {
  expect(await ws.db.scalar(`SELECT count(*) FROM penalty_case WHERE party_id LIKE '%维修点%' OR party_name LIKE '%维修%'`)).toBe(0);
}

describe('a line with one cell more than the header, the last one empty', () => {
  it('is rejected with the counts and a hint, not loaded shifted; the other rows load (was: loaded, every value one column off)', async () => {
    const lines = withComma(padded(), 7);
    expect(lines[6]!.split(',').length).toBe(WIDTH + 1);
    expect(lines[6]!.endsWith(',')).toBe(true);
    const ws = await freshWorkspace();
    const r = await importFile(ws, write('行政处罚案件台账_备注.csv', lines.join('\n') + '\n'));
    expect(r).toMatchObject({ rows_read: 30, rows_loaded: 29, rows_rejected: 1 });
    const [rej] = await rejected(ws);
    expect(rej).toMatchObject({ line_no: 7, error_codes: ['row.ragged'] });
    // one reason only: the checks of values read from the wrong columns would mislead
    expect(rej!.reason_zh).toBe(
      `列数与表头不一致（表头 ${WIDTH} 列，该行 ${WIDTH + 1} 列）：该行比表头多 1 个单元格，可能是某个值里有未加引号的逗号「,」，其后的值都错开了列。未导入该行，以免数据错位；请给含逗号「,」的值加上英文双引号，或删去多余的逗号「,」后重新导入`,
    );
    expect(rej!.reason_en).toContain(`header ${WIDTH}, row ${WIDTH + 1}`);
    expect(rej!.reason_en).toContain('unquoted comma');
    // the raw cells are kept as read
    expect(JSON.parse(rej!.raw)['当事人名称']).toBe('舟山鸿运汽车维修有限公司嵊泗分公司');
    await nothingShifted(ws);
    // the rows around it load whole, on their own lines
    expect(await ws.db.all(`SELECT row_no FROM penalty_case WHERE row_no BETWEEN 6 AND 8 ORDER BY 1`)).toEqual([{ row_no: 6 }, { row_no: 8 }]);
  });

  it('a comma in the last column before 备注: the row is rejected, not loaded with one officer and the other in 备注 (was: loaded, no word)', async () => {
    const lines = padded();
    const officers = lines[11]!.slice(0, -1).split(',').pop()!;
    expect(officers).toMatch(/^[\u4e00-\u9fff]+，[\u4e00-\u9fff]+/);
    lines[11] = lines[11]!.slice(0, -1 - officers.length) + officers.replace('，', ',') + ',';
    const ws = await freshWorkspace();
    const r = await importFile(ws, write('行政处罚案件台账_承办人.csv', lines.join('\n') + '\n'));
    expect(r).toMatchObject({ rows_read: 30, rows_loaded: 29, rows_rejected: 1 });
    expect((await rejected(ws))[0]).toMatchObject({ line_no: 12, error_codes: ['row.ragged'] });
    // every loaded row's 备注 (kept in extras) is empty, as in the file
    expect(await ws.db.scalar(`SELECT count(*) FROM penalty_case WHERE extras->>'备注' IS NOT NULL`)).toBe(0);
  });

  it('the same in GBK with CRLF, with a blank line and a quoted line break above it: line numbers stay physical', async () => {
    const lines = withComma(padded(), 20);
    // a quoted cell with a line break (line 5 continues on line 6), and a blank line (line 11)
    lines[4] = lines[4]!.replace(/,(自然人|法人或其他组织|个体工商户),([^,]+),/, ',$1,"$2\r\n续",');
    lines.splice(10, 0, '');
    const text = lines.join('\r\n') + '\r\n';
    const path = write('行政处罚案件台账_GBK.csv', iconv.encode(text, 'gbk'));
    const scan = await scanFile(path, true);
    expect(scan).toMatchObject({ encoding: 'gb18030', lineEndDelimiters: ',', quotedNewlines: true });
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 30, rows_loaded: 29, rows_rejected: 1 });
    // the comma line was line 20 of `lines` before the blank line went in: 21, plus 1 continuation
    const [rej] = await rejected(ws);
    expect(rej).toMatchObject({ line_no: 22, error_codes: ['row.ragged'] });
    expect(readFileSync(path).length).toBeGreaterThan(0);
    await nothingShifted(ws);
    expect(await ws.db.scalar(`SELECT count(*) FROM penalty_case WHERE party_name LIKE '%' || chr(13) || chr(10) || '续'`)).toBe(1);
  });

  it('rows with fewer cells, and with two more, are rejected with their counts and the text beyond the header', async () => {
    const lines = padded();
    lines[3] = lines[3]!.split(',').slice(0, 5).join(','); // 5 cells
    lines[8] = `${lines[8]!},多出一,多出二`; // two more, the last not empty
    lines[12] = `${lines[12]!},,`; // one more than the header plus a trailing delimiter: at least two more
    const ws = await freshWorkspace();
    const r = await importFile(ws, write('行政处罚案件台账_宽窄.csv', lines.join('\n') + '\n'));
    expect(r).toMatchObject({ rows_read: 30, rows_loaded: 27, rows_rejected: 3 });
    const rej = await rejected(ws);
    expect(rej.map((x) => x.line_no)).toEqual([4, 9, 13]);
    expect(rej[0]!.reason_zh).toBe(`列数与表头不一致（表头 ${WIDTH} 列，该行 5 列）`);
    // (a third extra cell, empty, would read the same: DuckDB drops it)
    expect(rej[1]!.reason_zh).toContain(`表头 ${WIDTH} 列，该行至少 ${WIDTH + 2} 列`);
    expect(rej[1]!.reason_zh).toContain('多出至少 2 个单元格');
    expect(rej[1]!.reason_zh).toContain('（表头以外的内容：「多出一,多出二」）');
    expect(rej[2]!.reason_zh).toContain(`该行至少 ${WIDTH + 2} 列`);
    expect(rej[2]!.reason_zh).not.toContain('表头以外的内容');
    expect(rej.every((x) => x.error_codes.join() === 'row.ragged')).toBe(true);
  });

  it('a file that ends every line with the delimiter (header without it) still loads every row', async () => {
    const lines = CASES.map((l, i) => (i === 0 ? l : `${l},`));
    expect(sniffCsv(lines.join('\n') + '\n', true).trailingDelimiter).toBe(true);
    const ws = await freshWorkspace();
    const r = await importFile(ws, write('行政处罚案件台账_行尾逗号.csv', lines.join('\n') + '\n'));
    expect(r).toMatchObject({ rows_read: 30, rows_loaded: 30, rows_rejected: 0 });
  });

  it('the preview counts the row the import rejects, for the same reason', async () => {
    const path = write('行政处罚案件台账_预览.csv', withComma(padded(), 7).join('\n') + '\n');
    const p = await previewFile(null, path);
    expect(p.validation).toMatchObject({ rows: 30, rejected: 1 });
    expect(p.validation!.reasons).toEqual([expect.objectContaining({ code: 'row.ragged', rows: 1 })]);
    expect(p.validation!.reasons[0]!.zh).toContain(`该行 ${WIDTH + 1} 列`);
    // the sample rows (what recognition and the preview grid see) leave the broken row out
    expect(p.sample!.numRows).toBe(29);
  });
});

describe('the scan notices lines ending in a delimiter and quoted line breaks, across chunk ends', () => {
  it('over 1 MiB chunks, CRLF split between chunks', async () => {
    // a first line exactly as long as a chunk minus one byte, so its CR ends one chunk and LF starts the next
    const first = 'a,b,' + 'x'.repeat((1 << 20) - 6) + ',';
    const text = `${first}\r\n1,2\n`;
    expect(Buffer.byteLength(first) + 1).toBe(1 << 20);
    const s = await scanFile(write('c.csv', text), true);
    expect(s).toMatchObject({ lineEndDelimiters: ',', quotedNewlines: false, lines: 2 });
    const t = await scanFile(write('d.csv', 'a;b\n1;"x\ny";\n'), true);
    expect(t).toMatchObject({ lineEndDelimiters: ';', quotedNewlines: true });
    const u = await scanFile(write('e.csv', 'a\tb\n1\t"x""y"\n2\t3\t'), true);
    expect(u).toMatchObject({ lineEndDelimiters: '\t', quotedNewlines: false });
    expect((await scanFile(write('f.csv', 'a,b\n1,2\n'), true)).lineEndDelimiters).toBe('');
  });
});

describe('a file of more than a thousand columns, its lines ending in a delimiter', () => {
  it('imports, the cells counted (was: refused with DuckDB\'s "Max expression depth limit of 1000 exceeded")', async () => {
    const EXTRA = 1100;
    const extra = (i: number) => `附加${i}`;
    const lines = padded().map((l, i) => (i === 0 ? l + ',' + Array.from({ length: EXTRA }, (_, k) => extra(k)).join(',') : l + ','.repeat(EXTRA)));
    // line 7 with its comma: one cell more than the header
    const bad = withComma(lines, 7);
    const ws = await freshWorkspace();
    const r = await importFile(ws, write('行政处罚案件台账_宽.csv', bad.join('\n') + '\n'));
    expect(r).toMatchObject({ rows_read: 30, rows_loaded: 29, rows_rejected: 1 });
    const [rej] = await rejected(ws);
    expect(rej).toMatchObject({ line_no: 7, error_codes: ['row.ragged'] });
    expect(rej!.reason_zh).toContain(`表头 ${WIDTH + EXTRA} 列，该行 ${WIDTH + EXTRA + 1} 列`);
    await nothingShifted(ws);
  });
});

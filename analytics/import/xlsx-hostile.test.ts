// Issue 16: broken and hostile workbooks. Each case is built from a committed sample workbook.
// Cases that hung or crashed the old reader run in a child process (IsolatedRunner), so a
// regression shows as a failed test ("hang", "crash"), not as a test run that never ends.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { IsolatedRunner, type CaseOutcome } from '../fuzz/isolated.js';
import { isTijianError, type TijianError } from '../i18n/errors.js';
import { freshWorkspace, snapshot, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { partSpan, zipParts } from './testing/zip-kit.js';
import {
  bitFlippedRowLoss,
  CASES_XLSX,
  hugePart,
  replaceLast,
  replaceNth,
  sampleParts,
  SHEET,
  sheetText,
  STRINGS,
  UNITS_XLSX,
  withSheet,
  writeXlsx,
} from './testing/xlsx-variants.js';
import { readXlsxRows, type XlsxRow } from './xlsx-reader.js';

const runner = new IsolatedRunner({ timeoutMs: 30_000 });
afterAll(() => runner.close());

interface ReadResult {
  rows: number;
  problems: number;
  first: string[][];
}

async function readAll(path: string): Promise<XlsxRow[]> {
  const rows: XlsxRow[] = [];
  await readXlsxRows(path, () => undefined, (r) => void rows.push(r));
  return rows;
}

async function readError(path: string): Promise<TijianError> {
  try {
    await readAll(path);
  } catch (e) {
    if (isTijianError(e)) return e;
    throw new Error(`not a TijianError: ${String(e)}`);
  }
  throw new Error('read without an error');
}

/** A refusal a user can act on: a TijianError, Chinese first, naming the user's file, with no
 *  raw English parser or zlib text as the whole message. */
function expectClearRefusal(o: CaseOutcome, file: string, code?: string): void {
  expect(o.kind, JSON.stringify(o).slice(0, 400)).toBe('error');
  if (o.kind !== 'error') return;
  expect(o.error.tijian, o.error.en).toBe(true);
  if (code) expect(o.error.code).toBe(code);
  expect(o.error.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(o.error.zh).toContain(file);
  expect(o.error.en).toContain(file);
}

const units = sampleParts(UNITS_XLSX);
const unitsSheet = sheetText(units);

describe('#1 the reader never scans past its buffer', () => {
  it('a last-row cell attribute with no "=" is a clear error, not a hang', async () => {
    const dir = tempDir();
    const path = writeXlsx(dir, 'no-eq.xlsx', withSheet(units, (x) => replaceLast(x, ' s="3"', ' s')));
    expectClearRefusal(await runner.run({ op: 'read-xlsx', path }), 'no-eq.xlsx', 'FILE_DAMAGED');
  });

  it('an unterminated quote in the last row is a clear error, not a hang', async () => {
    const dir = tempDir();
    const path = writeXlsx(dir, 'quote.xlsx', withSheet(units, (x) => x.slice(0, x.lastIndexOf('<c r="')) + '<c r="K20><v>1</v></c></row></sheetData></worksheet>'));
    expectClearRefusal(await runner.run({ op: 'read-xlsx', path }), 'quote.xlsx', 'FILE_DAMAGED');
  });

  it('valid XML with spaces around "=", single quotes, a prefix, comments, CDATA and references reads as the original', async () => {
    const dir = tempDir();
    const odd = withSheet(units, (x) => {
      let y = x.replace(/<c r="([A-Z]+\d+)"/g, "<c r = '$1'").replace(/<row r="(\d+)"/g, '<row\n r\t=\t"$1"');
      y = y.replace('<sheetData>', '<sheetData><!-- <row r="2"><c r="A2"><v>9</v></c></row> -->');
      // a value written as a character reference and as CDATA
      y = replaceNth(y, '<v>1</v>', 0, '<v>&#49;</v>');
      y = replaceNth(y, '<v>2</v>', 0, '<v><![CDATA[2]]></v>');
      // an element prefix bound to the main namespace
      y = y.replace('<worksheet xmlns="http', '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns="http').replace('</worksheet>', '</x:worksheet>');
      return y.replace(/<(\/?)sheetData>/g, '<$1x:sheetData>');
    });
    const path = writeXlsx(dir, 'odd.xlsx', odd);
    const o = await runner.run<ReadResult>({ op: 'read-xlsx', path, keep: 30 });
    expect(o.kind, JSON.stringify(o).slice(0, 400)).toBe('ok');
    const want = await readAll(UNITS_XLSX);
    if (o.kind === 'ok') {
      expect(o.value.rows).toBe(20);
      expect(o.value.first).toEqual(want.map((r) => r.cells));
    }
  });

  it('a cell reference at Z99 written with spaces (<c r = "Z20">) lands in column Z', async () => {
    const dir = tempDir();
    const path = writeXlsx(dir, 'z.xlsx', withSheet(units, (x) => replaceLast(x, '</row>', '<c r = "Z20" t="inlineStr"><is><t>far</t></is></c></row>')));
    const rows = await readAll(path);
    expect(rows.at(-1)!.cells[25]).toBe('far');
    expect(rows.at(-1)!.cells.length).toBe(26);
  });
});

describe('#2 references beyond Excel’s limits are refused, not allocated', () => {
  it('a cell reference ZZZZZZZ5 is a clear error naming the row, not a crash', async () => {
    const dir = tempDir();
    const path = writeXlsx(dir, 'far.xlsx', withSheet(units, (x) => x.replace('<c r="B5"', '<c r="ZZZZZZZ5"')));
    const o = await runner.run({ op: 'read-xlsx', path });
    expectClearRefusal(o, 'far.xlsx', 'FILE_DAMAGED');
    if (o.kind === 'error') expect(o.error.zh).toContain('第 5 行');
  });

  it('column XFD is the last column; XFE and row 1,048,577 are refused', async () => {
    const dir = tempDir();
    const ok = writeXlsx(dir, 'xfd.xlsx', withSheet(units, (x) => replaceLast(x, '</row>', '<c r="XFD20" t="inlineStr"><is><t>edge</t></is></c></row>')));
    expect((await readAll(ok)).at(-1)!.cells[16383]).toBe('edge');
    const col = writeXlsx(dir, 'xfe.xlsx', withSheet(units, (x) => replaceLast(x, '</row>', '<c r="XFE20"><v>1</v></c></row>')));
    expect((await readError(col)).zh).toContain('XFE20');
    const row = writeXlsx(dir, 'row.xlsx', withSheet(units, (x) => replaceLast(x, '</sheetData>', '<row r="1048577"><c r="A1048577"><v>1</v></c></row></sheetData>')));
    expect((await readError(row)).zh).toContain('1048577');
  });

  it('rows out of order, a repeated cell, an unknown cell type and a missing shared string are refused with the row', async () => {
    const dir = tempDir();
    const back = writeXlsx(dir, 'back.xlsx', withSheet(units, (x) => x.replace('<row r="7"', '<row r="3"').replace(/<c r="([A-Z]+)7"/g, '<c r="$13"')));
    expect((await readError(back)).zh).toMatch(/行号 3 出现在第 6 行之后/);
    const again = writeXlsx(dir, 'again.xlsx', withSheet(units, (x) => x.replace('<c r="C4"', '<c r="A4"')));
    expect((await readError(again)).zh).toContain('A4 重复或顺序错乱');
    const type = writeXlsx(dir, 'type.xlsx', withSheet(units, (x) => x.replace('<c r="A4" t="s">', '<c r="A4" t="q">')));
    expect((await readError(type)).zh).toContain('类型“q”未知');
    const sst = writeXlsx(dir, 'sst.xlsx', withSheet(units, (x) => x.replace(/(<c r="A6"[^>]*><v>)\d+/, '$1999999')));
    expect((await readError(sst)).zh).toContain('共享字符串 999999 不存在');
  });
});

describe('#3 every ZIP entry is verified', () => {
  it('a flipped bit that still inflates (one row fewer) is refused by the CRC-32, not imported', async () => {
    const dir = tempDir();
    const parts = sampleParts(CASES_XLSX);
    const { zip, rows, original } = bitFlippedRowLoss(parts);
    expect(rows).toBeLessThan(original);
    const path = join(dir, 'flipped.xlsx');
    writeFileSync(path, zip);
    const e = await readError(path);
    expect(e.code).toBe('FILE_DAMAGED');
    expect(e.zh).toContain('CRC-32');
    // and an import leaves the workspace as it was
    const ws = await freshWorkspace();
    const before = await snapshot(ws.db);
    await expect(importFile(ws, path)).rejects.toMatchObject({ code: 'FILE_DAMAGED' });
    expect(await snapshot(ws.db)).toEqual(before);
  });

  it('a changed value under the original CRC is refused', async () => {
    const dir = tempDir();
    const parts = sampleParts(UNITS_XLSX).map((p) => (p.name === SHEET ? { ...p, crc: crc32(p.data), data: Buffer.from(p.data.toString('utf8').replace('<v>43485</v>', '<v>43486</v>'), 'utf8') } : p));
    const changed = parts.find((p) => p.name === SHEET)!;
    expect(changed.data.toString('utf8')).not.toBe(unitsSheet);
    const path = writeXlsx(dir, 'changed.xlsx', parts);
    const e = await readError(path);
    expect(e.code).toBe('FILE_DAMAGED');
    expect(e.zh).toContain('CRC-32');
  });

  it('a size that does not match the directory is refused', async () => {
    const dir = tempDir();
    const parts = sampleParts(UNITS_XLSX).map((p) => (p.name === SHEET ? { ...p, declaredSize: p.data.length + 10 } : p));
    const e = await readError(writeXlsx(dir, 'size.xlsx', parts));
    expect(e.code).toBe('FILE_DAMAGED');
    expect(e.zh).toContain('目录记载');
  });

  it('a part named outside the archive (../, /tmp/) is refused saying so (was: "the compressed data is corrupt")', async () => {
    const dir = tempDir();
    for (const name of ['../evil.txt', '/tmp/evil.txt']) {
      const parts = [...sampleParts(UNITS_XLSX), { name, data: Buffer.from('x') }];
      const e = await readError(writeXlsx(dir, 'outside.xlsx', parts));
      expect(e.code).toBe('FILE_DAMAGED');
      expect(e.zh).toContain('压缩包中有部件的路径指向包外（以 / 开头或含 ../）');
    }
  });
});

describe('#6 decompression bombs and large sheets', () => {
  it('a 1 GiB run of white space inside the sheet is read in linear time (the rows still come)', async () => {
    const dir = tempDir();
    const x = unitsSheet;
    const cut = x.indexOf('<row r="10"');
    const part = await hugePart(SHEET, x.slice(0, cut), ' ', 1 << 30, x.slice(cut));
    const path = join(dir, 'spaces.xlsx');
    writeFileSync(path, zipParts(sampleParts(UNITS_XLSX).map((p) => (p.name === SHEET ? part : p))));
    expect(readFileSync(path).length).toBeLessThan(4 << 20);
    const o = await runner.run<ReadResult>({ op: 'read-xlsx', path }, 120_000);
    expect(o.kind, JSON.stringify(o).slice(0, 300)).toBe('ok');
    if (o.kind === 'ok') expect(o.value.rows).toBe(20);
  }, 180_000);

  it('a sheet that inflates beyond the limit is refused before it is inflated, in words', async () => {
    const dir = tempDir();
    const x = unitsSheet;
    const cut = x.indexOf('<row r="10"');
    const part = await hugePart(SHEET, x.slice(0, cut), ' ', 64 << 20, x.slice(cut));
    const path = join(dir, 'bomb.xlsx');
    writeFileSync(path, zipParts(sampleParts(UNITS_XLSX).map((p) => (p.name === SHEET ? part : p))));
    const o = await runner.run({ op: 'read-xlsx', path, limits: { maxSheetBytes: 32 << 20 } });
    expectClearRefusal(o, 'bomb.xlsx', 'FILE_TOO_LARGE');
    if (o.kind === 'error') expect(o.error.zh).toContain('32 MiB');
  });

  it('a directory that understates the inflated size is caught at the stated size', async () => {
    const dir = tempDir();
    const x = unitsSheet;
    const cut = x.indexOf('<row r="10"');
    const part = await hugePart(SHEET, x.slice(0, cut), ' ', 64 << 20, x.slice(cut));
    const path = join(dir, 'forged.xlsx');
    writeFileSync(path, zipParts(sampleParts(UNITS_XLSX).map((p) => (p.name === SHEET ? { ...part, declaredSize: 100_000 } : p))));
    const o = await runner.run({ op: 'read-xlsx', path });
    expectClearRefusal(o, 'forged.xlsx', 'FILE_DAMAGED');
  });

  it('shared strings too many for memory are refused, though their bytes are within the limit (was: 510 MiB of empty entries took 1.7 GB)', async () => {
    const dir = tempDir();
    const sst = sampleParts(UNITS_XLSX).find((p) => p.name === STRINGS)!.data.toString('utf8');
    const cut = sst.lastIndexOf('</sst>');
    // 524,288 empty entries in 4 MiB; the limit of 8 MiB allows 349,525 strings
    const part = await hugePart(STRINGS, sst.slice(0, cut), '<si/>   ', 4 << 20, sst.slice(cut));
    const path = join(dir, 'empty-strings.xlsx');
    writeFileSync(path, zipParts(sampleParts(UNITS_XLSX).map((p) => (p.name === STRINGS ? part : p))));
    const o = await runner.run({ op: 'read-xlsx', path, limits: { maxStringsBytes: 8 << 20 } });
    expectClearRefusal(o, 'empty-strings.xlsx', 'FILE_TOO_LARGE');
    if (o.kind === 'error') expect(o.error.zh).toContain('共享字符串超过 349,525 个');
    // the same strings under the default limit read (the sheet's own strings are the first ones)
    const rows = await runner.run({ op: 'read-xlsx', path });
    expect(rows.kind, JSON.stringify(rows).slice(0, 300)).not.toBe('error');
  }, 60_000);

  it('reading 400 MiB of shared strings can be cancelled', async () => {
    const dir = tempDir();
    const sst = sampleParts(UNITS_XLSX).find((p) => p.name === STRINGS)!.data.toString('utf8');
    const cut = sst.indexOf('<si>');
    const part = await hugePart(STRINGS, sst.slice(0, cut), ' ', 400 << 20, sst.slice(cut));
    const path = join(dir, 'strings.xlsx');
    writeFileSync(path, zipParts(sampleParts(UNITS_XLSX).map((p) => (p.name === STRINGS ? part : p))));
    const o = await runner.run({ op: 'read-xlsx', path, abortAfterMs: 300 }, 60_000);
    expect(o.kind, JSON.stringify(o).slice(0, 300)).toBe('error');
    if (o.kind === 'error') expect(o.error.code).toBe('IMPORT_CANCELLED');
  }, 120_000);

  it('headers are checked before the sheet is staged: unknown headers stop the import at the top', async () => {
    const dir = tempDir();
    // unrecognised headers, then a row the reader refuses if it ever gets that far
    const head = '<c r="A2" t="inlineStr"><is><t>甲</t></is></c><c r="B2" t="inlineStr"><is><t>乙</t></is></c>';
    let rows = '';
    for (let r = 3; r <= 2000; r++) rows += `<row r="${r}"><c r="A${r}"><v>${r}</v></c><c r="B${r}"><v>${r}</v></c></row>`;
    const path = writeXlsx(
      dir,
      'unknown.xlsx',
      withSheet(units, (x) => x.slice(0, x.indexOf('<sheetData>')) + `<sheetData><row r="2">${head}</row>${rows}<row r="2001"><c r="ZZZZZZZ2001"><v>1</v></c></row></sheetData>` + x.slice(x.indexOf('</sheetData>') + 12)),
    );
    const o = await runner.run({ op: 'import', workspace: join(dir, 'w.duckdb'), path });
    expectClearRefusal(o, 'unknown.xlsx', 'TABLE_UNKNOWN');
  });
});

describe('#7 valid but unusual workbooks, and messages in words', () => {
  it('a workbook with stored (uncompressed) entries imports like the compressed one', async () => {
    const dir = tempDir();
    const stored = writeXlsx(dir, '执法单位名录.xlsx', sampleParts(UNITS_XLSX).map((p) => ({ ...p, method: 0 as const })));
    expect(await readAll(stored)).toEqual(await readAll(UNITS_XLSX));
    const ws = await freshWorkspace();
    const r = await importFile(ws, stored);
    expect(r).toMatchObject({ table: 'unit', rows_read: 18, rows_loaded: 18, rows_rejected: 0 });
  });

  it('a damaged deflate stream and a truncated file are told in words, naming the file', async () => {
    const dir = tempDir();
    const zip = zipParts(sampleParts(UNITS_XLSX));
    const span = partSpan(zip, SHEET);
    const bad = Buffer.from(zip);
    for (let i = 0; i < 16; i++) bad[span.start + 40 + i] = 0xff;
    const damaged = join(dir, '坏.xlsx');
    writeFileSync(damaged, bad);
    const e1 = await readError(damaged);
    expect(e1.code).toBe('FILE_DAMAGED');
    expect(e1.zh).toContain('“坏.xlsx”已损坏');
    expect(`${e1.zh} ${e1.en}`).not.toMatch(/invalid (distance|block|code)|unexpected end of file|Z_DATA_ERROR/);
    const cut = join(dir, '半.xlsx');
    writeFileSync(cut, zip.subarray(0, Math.floor(zip.length / 2)));
    const e2 = await readError(cut);
    expect(e2.zh).toContain('半.xlsx');
    expect(e2.en).not.toMatch(/central directory|signature/);
  });

  it('a DOCTYPE (entity definitions) is refused; a cell beyond 32,767 characters rejects its row only', async () => {
    const dir = tempDir();
    const dtd = writeXlsx(dir, 'dtd.xlsx', withSheet(units, (x) => x.replace('<worksheet', '<!DOCTYPE w [<!ENTITY a "aaaa">]><worksheet')));
    expect((await readError(dtd)).zh).toContain('DOCTYPE');
    const long = 'x'.repeat(40_000);
    const path = writeXlsx(dir, '执法单位名录.xlsx', withSheet(units, (x) =>  x.replace(/<c r="D5"[^>]*><v>\d+<\/v><\/c>/, `<c r="D5" t="inlineStr"><is><t>${long}</t></is></c>`)));
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 18, rows_loaded: 17, rows_rejected: 1 });
    const rej = await ws.db.one<{ line_no: number; reason_zh: string }>(`SELECT line_no, reason_zh FROM rejected_row`);
    expect(rej).toMatchObject({ line_no: 5 });
    expect(rej!.reason_zh).toContain('32767');
  });
});


// The rejected rows exported for 补正, read back with exceljs and held to the dirty sample's answer
// key (samples/dirty/_expected.json) and to the files themselves (read here with csv-parse).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import type { DirtyExpectation } from '../../samples/generator/dirty.js';
import { freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';
import { writeRejectedXlsx } from './rejected-export.js';
import { main } from '../cli/main.js';

const DIR = join(SAMPLES, 'dirty');
const expected = JSON.parse(readFileSync(join(DIR, '_expected.json'), 'utf8')) as DirtyExpectation;

function text(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object' && 'richText' in v) return v.richText.map((r) => r.text).join('');
  return String(v);
}

describe('rejected rows exported for 补正', () => {
  it('a sheet per file: original columns, physical line numbers, reasons in plain Chinese; all kinds counted; formulas escaped', async () => {
    const ws = await freshWorkspace();
    for (const f of [...expected.files].sort((a, b) => a.order - b.order)) await importFile(ws, join(DIR, f.file));
    const out = join(tempDir(), '被拒绝的行.xlsx');
    const res = await writeRejectedXlsx(ws.db, out);
    ws.close();
    const withRejects = expected.files.filter((f) => f.rows_rejected > 0).sort((a, b) => a.order - b.order);
    expect(res.rows).toBe(expected.totals.rows_rejected);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((s) => s.name)).toEqual(['说明', ...withRejects.map((f) => f.file.replace(/\.(csv|xlsx)$/, ''))]);

    for (const f of withRejects) {
      const sheet = wb.getWorksheet(f.file.replace(/\.(csv|xlsx)$/, ''))!;
      const rows: string[][] = [];
      sheet.eachRow({ includeEmpty: false }, (r) => rows.push(Array.from(r.values as ExcelJS.CellValue[], text).slice(1)));
      // every XLSX the workstation writes has its header in row 1 (autofilter, print titles) and the
      // title in the printed page header, the note in the footer (export/tabular.ts, issue 13)
      const head = sheet.headerFooter.oddHeader ?? '';
      expect(head).toContain(`${f.file}：${f.rows_rejected} 行未能导入（`);
      if (f.table === 'penalty_case') expect(head).toContain('（处罚案件）');
      expect(sheet.headerFooter.oddFooter ?? '').toContain('请按“问题说明”修改这些行后重新提供');
      const header = rows[0]!;
      const body = rows.slice(1);
      // one row per rejected row, at its line in the original file
      expect(body.map((r) => Number(r[0]))).toEqual(f.rejected.map((x) => x.line).sort((a, b) => a - b));
      for (const r of body) {
        expect(r[1]!.length).toBeGreaterThan(4);
        expect(r[1]).not.toMatch(/[a-z]+_[a-z_]+|\bline\b/); // no codes, no English keys
        expect(r[1]).not.toMatch(/“([^”]+)”（\1）/); // no “立案日期”（立案日期）
      }
      if (!f.file.endsWith('.csv')) {
        expect(header[0]).toBe('工作表行号');
        continue;
      }
      // the file's own columns, in its order, with the values as written
      const bytes = readFileSync(join(DIR, f.file));
      const lines = (f.encoding?.startsWith('gbk') ? iconv.decode(bytes, 'gb18030') : bytes.toString('utf8')).replace(/^\uFEFF/, '').split(/\r?\n/);
      const fileHeader = (parse(lines[0]!, { relax_column_count: true }) as string[][])[0]!;
      expect(header.slice(0, 2 + fileHeader.length)).toEqual(['行号', '问题说明（请据此修改）', ...fileHeader]);
      for (const x of f.rejected) {
        const row = body.find((r) => Number(r[0]) === x.line)!;
        if (x.codes.includes('row.ragged')) {
          // not split into the columns: the whole line, as written
          expect(header.at(-1)).toBe('无法拆分成列的原始行');
          expect(row.at(-1)).toBe(lines[x.line - 1]);
          continue;
        }
        if (x.codes.includes('row.encoding')) continue; // bytes that never were UTF-8
        const cells = (parse(lines[x.line - 1]!, { relax_column_count: true }) as string[][])[0]!;
        cells.forEach((c, i) => {
          // a value that could run as a formula is written with a leading apostrophe
          const want = /^[=+\-@]/.test(c) ? `'${c}` : c;
          expect(row[2 + i], `${f.file}:${x.line} ${fileHeader[i]}`).toBe(want);
        });
      }
    }
    // a party written as a formula was planted in a rejected row: it is there, escaped
    expect(JSON.stringify(wb.getWorksheet('01_行政处罚案件_问题数据')!.getSheetValues())).toContain(`"'=HYPERLINK(`);

    // the first sheet: every kind of problem of each file with how many rows have it
    const summary: string[][] = [];
    wb.getWorksheet('说明')!.eachRow((r) => summary.push(Array.from(r.values as ExcelJS.CellValue[], text).slice(1)));
    const first = withRejects[0]!;
    const start = summary.findIndex((r) => r[0] === first.file);
    const next = summary.findIndex((r, i) => i > start && r[0] !== '');
    const kinds = new Map(summary.slice(start, next).map((r) => [r[5]!, Number(r[6])]));
    const count = (code: string) => first.rejected.filter((x) => x.codes.includes(code)).length;
    expect(kinds.get('立案日期：不是有效的日期')).toBe(count('filed_date.invalid'));
    expect(kinds.get('列数与表头不一致')).toBe(count('row.ragged'));
    expect(kinds.get('与本文件中前面的行重复')).toBe(count('key.duplicate_in_file'));
    const codes = new Set(first.rejected.flatMap((x) => x.codes));
    expect(kinds.size).toBe(codes.size); // every kind, not the first ten
    expect(Number(summary[start]![4])).toBe(first.rows_rejected);
  });
});

describe('tijian rejected --out', () => {
  it('writes the same workbook from the command line and says where, in plain words', async () => {
    const dir = tempDir();
    const wsPath = join(dir, 'w.duckdb');
    const io = { out: (_s: string) => undefined, err: (_s: string) => undefined };
    const file = expected.files.find((f) => f.order === 1)!;
    expect(await main(['import', '--workspace', wsPath, join(DIR, file.file)], io)).toBe(0);
    let said = '';
    const out = join(dir, '补正.xlsx');
    expect(await main(['rejected', '--workspace', wsPath, '--out', out], { out: (s) => (said += s + '\n'), err: io.err })).toBe(0);
    expect(said).toContain(`已导出被拒绝的行：${file.rows_rejected} 行，1 个文件 → ${out}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['说明', file.file.replace(/\.csv$/, '')]);
    expect(wb.worksheets[1]!.rowCount).toBe(1 + file.rows_rejected); // the header, then one row per rejected row
  });
});


describe('a rejected row holding characters XML cannot hold', () => {
  it('is exported as a well-formed workbook, each such character as U+FFFD; its kind in plain words, not a code', async () => {
    // U+FFFE and U+FFFF (what a probe found: xl/sharedStrings.xml was not well-formed, openpyxl
    // refused the file, Excel offered to repair it), U+0001 (exceljs dropped it silently), a lone
    // surrogate (written to the file as U+FFFD already) and an emoji, which stays
    const lines = readFileSync(join(SAMPLES, 'shengsi', '行政处罚案件台账_2024.csv'), 'utf8').split('\n').slice(0, 5);
    const cells = (l: string) => (parse(l) as string[][])[0]!;
    const csvLine = (cs: string[]) => cs.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',');
    const header = cells(lines[0]!);
    const party = header.indexOf('当事人名称');
    const filed = header.indexOf('立案时间');
    // line 3: a control character (rejected as row.control_char); line 4: U+FFFE U+FFFF in the
    // party and a date that is no date (rejected as filed_date.invalid, the row kept as written)
    const l3 = cells(lines[2]!);
    l3[party] = 'a\uFFFEb\uFFFFc\u0001d\uD800e😀f';
    const l4 = cells(lines[3]!);
    l4[party] = '张\uFFFE\uFFFF三😀';
    l4[filed] = '2024年13月45日';
    const path = join(tempDir(), '行政处罚案件台账_坏字符.csv');
    writeFileSync(path, [lines[0], lines[1], csvLine(l3), csvLine(l4), lines[4]].join('\n') + '\n');
    const ws = await freshWorkspace();
    const r = await importFile(ws, path);
    expect(r).toMatchObject({ rows_read: 4, rows_rejected: 2 });
    const out = join(tempDir(), '补正.xlsx');
    await writeRejectedXlsx(ws.db, out);

    // every XML part as XML 1.0 allows, and well-formed to a strict parser
    const zip = await JSZip.loadAsync(readFileSync(out));
    for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
      const xml = await zip.file(name)!.async('string');
      expect(xml, name).toMatch(/^[\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u);
      const p = new SaxesParser();
      const errors: string[] = [];
      p.on('error', (e) => errors.push(e.message));
      p.write(xml).close();
      expect(errors, name).toEqual([]);
    }

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('行政处罚案件台账_坏字符')!;
    const col = 3 + party; // 行号, 问题说明, then the file's columns
    expect(sheet.getCell(1, col).value).toBe('当事人名称');
    const byLine = new Map<number, string>();
    sheet.eachRow((row, n) => {
      if (n > 1) byLine.set(Number(row.getCell(1).value), text(row.getCell(col).value));
    });
    expect(byLine.get(3)).toBe('a\uFFFDb\uFFFDc\uFFFDd\uFFFDe😀f');
    expect(byLine.get(4)).toBe('张\uFFFD\uFFFD三😀');

    // the summary names the kinds in plain words: no row.control_char
    const kinds: string[] = [];
    wb.getWorksheet('说明')!.eachRow((row, n) => {
      if (n > 1) kinds.push(text(row.getCell(6).value));
    });
    expect(kinds.sort()).toEqual(['含有控制字符（如 NUL）', '立案日期：不是有效的日期'].sort());
  });
});

// The fuzz suite's cases: broken and hostile variants of the committed sample files, drawn from a
// seed (the same seed gives the same files). Each case is one file to import and what is known of
// its outcome: 'load' (it is valid — every row must be read), or 'any' (a clear refusal, or rows
// loaded and rejected that add up).
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { Rng } from '../../samples/generator/rng.js';
import { SAMPLES } from '../test/paths.js';
import { partSpan, unzipParts, withPart, zipParts, type ZipPart } from '../import/testing/zip-kit.js';
import { biffFile, biffStream, compoundFile, type BiffBook, type BiffCell } from '../import/testing/biff.js';
import type { ImportLimits } from '../import/import-file.js';
import { esc } from '../report/render/html.js';

export interface FuzzCase {
  id: number;
  /** The class of damage (for the summary). */
  kind: string;
  /** What was done, in a few words. */
  what: string;
  /** File name (its table is recognised from the headers, or the name helps tell it). */
  name: string;
  bytes: Buffer;
  expect: 'load' | 'any';
  limits?: ImportLimits;
  /** The same data unmutated (under the same name): the case must load exactly what it loads. */
  same?: Buffer;
}

const S = join(SAMPLES, 'shengsi');
const D = join(SAMPLES, 'dirty');

interface Sources {
  cases: string[];
  inspections: string[];
  complaints: string[];
  permits: string[];
  findings: string;
  parquet: Buffer;
  units: ZipPart[];
  lawsuits: ZipPart[];
  roster: ZipPart[];
  dirtyRoster: ZipPart[];
}

let cached: Sources | null = null;

function lines(file: string, n: number, encoding = 'utf-8'): string[] {
  return new TextDecoder(encoding).decode(readFileSync(file)).replace(/\r/g, '').split('\n').filter(Boolean).slice(0, n);
}

function sources(): Sources {
  cached ??= {
    cases: lines(join(S, '行政处罚案件台账_2024.csv'), 160),
    inspections: lines(join(S, '行政检查记录_2024年.csv'), 160),
    // this export is GBK, as Chinese Excel writes CSV
    complaints: lines(join(S, '投诉举报工单_2022-2024.csv'), 120, 'gb18030'),
    permits: lines(join(S, '行政许可信息_2022-2024.jsonl'), 120),
    findings: readFileSync(join(S, '执法监督发现问题_2022-2024.json'), 'utf8'),
    parquet: readFileSync(join(S, '检查计划任务_2022-2024.parquet')),
    units: unzipParts(join(S, '执法单位名录.xlsx')),
    lawsuits: unzipParts(join(S, '行政复议诉讼案件_2022-2024.xlsx')),
    roster: unzipParts(join(S, '执法人员花名册_2024年.xlsx')),
    dirtyRoster: unzipParts(join(D, '03_执法人员花名册_问题数据.xlsx')),
  };
  return cached;
}

const SHEET = 'xl/worksheets/sheet1.xml';
const SST = 'xl/sharedStrings.xml';

type Make = (r: Rng, s: Sources) => Omit<FuzzCase, 'id'>;

/** A sheet's cells without their r attribute wherever it says what their order says anyway (the
 *  first cell of a row in column A, or the cell right after the one before it in the row). */
export function withoutCellRefs(sheet: string): string {
  let row = '';
  let col = 0;
  return sheet.replace(/<c r="([A-Z]+)(\d+)"/g, (m, letters: string, n: string) => {
    const c = [...letters].reduce((a, ch) => a * 26 + ch.charCodeAt(0) - 64, 0);
    const implied = n === row ? c === col + 1 : c === 1;
    row = n;
    col = c;
    return implied ? '<c' : m;
  });
}

function csvText(ls: readonly string[], eol = '\n'): string {
  return ls.join(eol) + eol;
}

/** One line of a list changed. */
function atLine(ls: readonly string[], i: number, f: (l: string) => string): string[] {
  return ls.map((l, k) => (k === i ? f(l) : l));
}

function sheetOf(parts: readonly ZipPart[]): string {
  return parts.find((p) => p.name === SHEET)!.data.toString('utf8');
}

function xlsx(parts: readonly ZipPart[]): Buffer {
  return zipParts(parts);
}

/** A cell of the sheet (by its position among cells) with its value changed. */
function someCell(r: Rng, x: string): { at: number; len: number } {
  const cells = [...x.matchAll(/<c r="[A-Z]+\d+"[^>]*>(?:<v>[^<]*<\/v>)?<\/c>|<c r="[A-Z]+\d+"[^>]*\/>/g)];
  const m = cells[r.int(Math.floor(cells.length / 3), cells.length - 1)]!;
  return { at: m.index!, len: m[0].length };
}

function replaceAt(x: string, at: number, len: number, by: string): string {
  return x.slice(0, at) + by + x.slice(at + len);
}

const utf8 = (t: string) => Buffer.from(t, 'utf8');
const gbk = (t: string) => iconv.encode(t, 'gb18030');
const csvSources = (s: Sources) => [
  { name: '行政处罚案件台账_fuzz.csv', ls: s.cases, enc: utf8 },
  { name: '行政检查记录_fuzz.csv', ls: s.inspections, enc: utf8 },
  { name: '投诉举报工单_fuzz.csv', ls: s.complaints, enc: gbk },
];
const xlsxSources = (s: Sources) => [
  { name: '执法单位名录_fuzz.xlsx', parts: s.units },
  { name: '行政复议诉讼案件_fuzz.xlsx', parts: s.lawsuits },
  { name: '执法人员花名册_fuzz.xlsx', parts: s.roster },
];

/** Every sample file as bytes, one per format and source (what truncations and bit flips start from). */
const everyFile = (s: Sources) => [
  ...csvSources(s).map((c) => ({ name: c.name, b: c.enc(csvText(c.ls)) })),
  { name: '行政许可信息_fuzz.jsonl', b: Buffer.from(csvText(s.permits)) },
  { name: '执法监督发现问题_fuzz.json', b: Buffer.from(s.findings) },
  { name: '检查计划任务_fuzz.parquet', b: s.parquet },
  ...xlsxSources(s).map((x) => ({ name: x.name, b: xlsx(x.parts) })),
];

/** Every kind of damage, with its weight in the draw. */
const MAKERS: Array<[string, number, Make]> = [
  // --- truncations and bit flips of every format
  ['truncate', 3, (r, s) => {
    const f = r.pick(everyFile(s));
    const at = r.int(1, f.b.length - 1);
    return { kind: 'truncate', what: `${f.name} cut at byte ${at} of ${f.b.length}`, name: f.name, bytes: f.b.subarray(0, at), expect: 'any' };
  }],
  ['bitflip', 3, (r, s) => {
    const f = r.pick(everyFile(s));
    const b = Buffer.from(f.b);
    const n = r.int(1, 8);
    for (let k = 0; k < n; k++) {
      const i = r.int(0, b.length - 1);
      b[i] = b[i]! ^ (1 << r.int(0, 7));
    }
    return { kind: 'bitflip', what: `${f.name}: ${n} bit(s) flipped`, name: f.name, bytes: b, expect: 'any' };
  }],
  // --- the ZIP container
  ['zip', 4, (r, s) => {
    const x = r.pick(xlsxSources(s));
    const parts = x.parts;
    const which = r.int(0, 9);
    const sheet = (f: (p: ZipPart) => ZipPart) => parts.map((p) => (p.name === SHEET ? f(p) : p));
    switch (which) {
      case 0:
        return { kind: 'zip', what: `${x.name}: wrong CRC of the sheet`, name: x.name, bytes: xlsx(sheet((p) => ({ ...p, crc: (p.crc ?? 0) ^ 0x5a5a5a5a }))), expect: 'any' };
      case 1:
        return { kind: 'zip', what: `${x.name}: sheet size recorded too small`, name: x.name, bytes: xlsx(sheet((p) => ({ ...p, declaredSize: Math.max(1, p.data.length >> 1) }))), expect: 'any' };
      case 2:
        return { kind: 'zip', what: `${x.name}: every entry stored`, name: x.name, bytes: xlsx(parts.map((p) => ({ ...p, method: 0 as const }))), expect: 'load' };
      case 3:
        return { kind: 'zip', what: `${x.name}: the sheet listed twice`, name: x.name, bytes: xlsx([...parts, parts.find((p) => p.name === SHEET)!]), expect: 'any' };
      case 4:
        return { kind: 'zip', what: `${x.name}: no workbook part`, name: x.name, bytes: xlsx(parts.filter((p) => p.name !== 'xl/workbook.xml')), expect: 'any' };
      case 5:
        return { kind: 'zip', what: `${x.name}: no sheet part`, name: x.name, bytes: xlsx(parts.filter((p) => p.name !== SHEET)), expect: 'any' };
      case 6: {
        const z = xlsx(parts);
        const span = partSpan(z, SHEET);
        const b = Buffer.from(z);
        for (let i = 0; i < 12; i++) b[span.start + r.int(0, span.length - 1)] = r.int(0, 255);
        return { kind: 'zip', what: `${x.name}: compressed sheet bytes overwritten`, name: x.name, bytes: b, expect: 'any' };
      }
      case 7: {
        const z = xlsx(parts);
        return { kind: 'zip', what: `${x.name}: central directory cut`, name: x.name, bytes: z.subarray(0, z.length - r.int(1, 40)), expect: 'any' };
      }
      case 8:
        return { kind: 'zip', what: `${x.name}: the sheet's method set to 12 (bzip2)`, name: x.name, bytes: patchMethod(xlsx(parts), 12), expect: 'any' };
      default:
        return { kind: 'zip', what: `${x.name}: an OLE (.xls) header`, name: x.name, bytes: Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(504)]), expect: 'any' };
    }
  }],
  // --- bombs (small limits, so the suite stays fast)
  ['bomb', 2, (r, s) => {
    const x = r.pick(xlsxSources(s));
    const which = r.int(0, 3);
    if (which === 0) {
      const sheet = sheetOf(x.parts);
      const cut = sheet.indexOf('</sheetData>');
      const big = sheet.slice(0, cut) + ' '.repeat(24 << 20) + sheet.slice(cut);
      return { kind: 'bomb', what: `${x.name}: 24 MiB of spaces in the sheet, limit 16 MiB`, name: x.name, bytes: xlsx(withPart(x.parts, SHEET, () => big)), expect: 'any', limits: { maxSheetBytes: 16 << 20 } };
    }
    if (which === 1) {
      const sheet = sheetOf(x.parts);
      const cut = sheet.indexOf('</sheetData>');
      const big = sheet.slice(0, cut) + '<!--' + '-'.repeat(20 << 20) + '-->' + sheet.slice(cut);
      return { kind: 'bomb', what: `${x.name}: a 20 MiB comment in the sheet (under the limit)`, name: x.name, bytes: xlsx(withPart(x.parts, SHEET, () => big)), expect: 'load' };
    }
    if (which === 2) {
      const sst = x.parts.find((p) => p.name === SST);
      if (!sst) return MAKERS[0]![2](r, s);
      const t = sst.data.toString('utf8');
      const at = t.indexOf('<si>');
      const big = t.slice(0, at) + '\n'.repeat(12 << 20) + t.slice(at);
      return { kind: 'bomb', what: `${x.name}: 12 MiB of line feeds in the shared strings, limit 8 MiB`, name: x.name, bytes: xlsx(withPart(x.parts, SST, () => big)), expect: 'any', limits: { maxStringsBytes: 8 << 20 } };
    }
    const sheet = sheetOf(x.parts);
    const cut = sheet.indexOf('</sheetData>');
    let nested = '';
    for (let i = 0; i < 20000; i++) nested += '<x>';
    for (let i = 0; i < 20000; i++) nested += '</x>';
    return { kind: 'bomb', what: `${x.name}: 20,000 nested unknown elements in sheetData`, name: x.name, bytes: xlsx(withPart(x.parts, SHEET, () => sheet.slice(0, cut) + nested + sheet.slice(cut))), expect: 'load' };
  }],
  // --- encodings
  ['encoding', 3, (r, s) => {
    const c = r.pick(csvSources(s));
    const which = r.int(0, 5);
    const i = r.int(1, c.ls.length - 1);
    if (which === 0) {
      const b = c.enc(csvText(c.ls));
      const lineStart = c.enc(csvText(c.ls.slice(0, i))).length;
      b[lineStart + r.int(0, 10)] = 0xff;
      return { kind: 'encoding', what: `${c.name}: one invalid UTF-8 byte on line ${i + 1}`, name: c.name, bytes: b, expect: 'any' };
    }
    if (which === 1) return { kind: 'encoding', what: `${c.name}: UTF-16 LE with BOM`, name: c.name, bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(csvText(c.ls), 'utf16le')]), expect: 'load' };
    if (which === 2) return { kind: 'encoding', what: `${c.name}: UTF-8 BOM, twice`, name: c.name, bytes: Buffer.concat([Buffer.from('\ufeff\ufeff'), c.enc(csvText(c.ls))]), expect: 'any' };
    if (which === 3) {
      const b = c.enc(csvText(atLine(c.ls, i, (l) => l.replace(/,/, ',\u0000'))));
      return { kind: 'encoding', what: `${c.name}: a NUL on line ${i + 1}`, name: c.name, bytes: b, expect: 'any' };
    }
    if (which === 4) {
      const p = s.permits;
      const b = Buffer.concat(p.map((l, k) => Buffer.concat([k === i % p.length ? Buffer.from([0xc3, 0x28]) : Buffer.alloc(0), Buffer.from(l + '\n')])));
      return { kind: 'encoding', what: `行政许可信息: an invalid UTF-8 sequence on line ${(i % p.length) + 1}`, name: '行政许可信息_fuzz.jsonl', bytes: b, expect: 'any' };
    }
    const gbkish = Buffer.from(csvText(c.ls), 'latin1'); // not a real encoding of the text
    return { kind: 'encoding', what: `${c.name}: UTF-8 bytes re-encoded as Latin-1 (mojibake)`, name: c.name, bytes: gbkish, expect: 'any' };
  }],
  // --- huge cells and lines
  ['huge', 1, (r, s) => {
    const which = r.int(0, 2);
    if (which === 0) {
      const c = r.pick(csvSources(s));
      const i = r.int(1, c.ls.length - 1);
      return { kind: 'huge', what: `${c.name}: a 2 MiB quoted cell on line ${i + 1}`, name: c.name, bytes: c.enc(csvText(atLine(c.ls, i, (l) => l.replace(/,/, `,"${'长'.repeat(700_000)}",`)))), expect: 'any' };
    }
    if (which === 1) {
      const i = r.int(0, s.permits.length - 1);
      return { kind: 'huge', what: `行政许可信息: a 17 MiB line (${i + 1})`, name: '行政许可信息_fuzz.jsonl', bytes: Buffer.from(csvText(atLine(s.permits, i, (l) => l.replace('"}', `${'x'.repeat(17 << 20)}"}`)))), expect: 'any' };
    }
    const x = r.pick(xlsxSources(s));
    const sheet = sheetOf(x.parts);
    const cell = someCell(r, sheet);
    const row = /r="[A-Z]+(\d+)"/.exec(sheet.slice(cell.at, cell.at + 40))![1];
    const col = /r="([A-Z]+)\d+"/.exec(sheet.slice(cell.at, cell.at + 40))![1];
    return { kind: 'huge', what: `${x.name}: a 100,000-character cell ${col}${row}`, name: x.name, bytes: xlsx(withPart(x.parts, SHEET, () => replaceAt(sheet, cell.at, cell.len, `<c r="${col}${row}" t="inlineStr"><is><t>${'字'.repeat(100_000)}</t></is></c>`))), expect: 'any' };
  }],
  // --- line endings
  ['eol', 3, (r, s) => {
    const c = r.pick(csvSources(s));
    const which = r.int(0, 4);
    if (which === 0) {
      const k = r.int(1, c.ls.length - 1);
      return { kind: 'eol', what: `${c.name}: CRLF, line ${k + 1} LF`, name: c.name, bytes: c.enc(c.ls.map((l, i) => l + (i === k ? '\n' : '\r\n')).join('')), expect: 'load', same: c.enc(csvText(c.ls)) };
    }
    if (which === 1) {
      const k = r.int(1, c.ls.length - 1);
      return { kind: 'eol', what: `${c.name}: LF, line ${k + 1} CRLF`, name: c.name, bytes: c.enc(c.ls.map((l, i) => l + (i === k ? '\r\n' : '\n')).join('')), expect: 'load', same: c.enc(csvText(c.ls)) };
    }
    if (which === 2) return { kind: 'eol', what: `${c.name}: CR only`, name: c.name, bytes: c.enc(c.ls.join('\r') + '\r'), expect: 'any' };
    if (which === 3) return { kind: 'eol', what: `${c.name}: blank lines between records, no final newline`, name: c.name, bytes: c.enc(c.ls.join('\n\n')), expect: 'load', same: c.enc(csvText(c.ls)) };
    return { kind: 'eol', what: `行政许可信息: CRLF with LF lines`, name: '行政许可信息_fuzz.jsonl', bytes: Buffer.from(s.permits.map((l, i) => l + (i % 7 === 3 ? '\n' : '\r\n')).join('')), expect: 'load', same: Buffer.from(csvText(s.permits)) };
  }],
  // --- values of the wrong kind
  ['values', 4, (r, s) => {
    const c = r.pick(csvSources(s));
    const i = r.int(1, c.ls.length - 1);
    const cellsOf = (l: string) => l.split(',');
    const bad = r.pick(['330921197504232673', '1234567890123', '1e400', '-0', 'NaN', '=1+1', '＝HYPERLINK("http://x")', '2024年13月45日', '99999999999999999999999', '１２３', '  ', '"', '\u3000', '\u0007', "'; DROP TABLE unit; --", '${x}', '<script>', '1,2,3', '是否', '∞']);
    const l = c.ls[i]!;
    const parts = cellsOf(l);
    const k = r.int(0, parts.length - 1);
    // only an unquoted cell (a quoted one holds commas)
    if (parts[k]!.includes('"')) return { kind: 'values', what: `${c.name}: line ${i + 1} unchanged`, name: c.name, bytes: c.enc(csvText(c.ls)), expect: 'load' };
    parts[k] = /[",\n]/.test(bad) ? `"${bad.replace(/"/g, '""')}"` : bad;
    return { kind: 'values', what: `${c.name}: line ${i + 1} column ${k + 1} = ${JSON.stringify(bad)}`, name: c.name, bytes: c.enc(csvText(atLine(c.ls, i, () => parts.join(',')))), expect: 'load' };
  }],
  // --- CSV structure
  ['csv', 3, (r, s) => {
    const c = r.pick(csvSources(s));
    const i = r.int(1, c.ls.length - 1);
    switch (r.int(0, 7)) {
      case 0:
        return { kind: 'csv', what: `${c.name}: line ${i + 1} has an extra column`, name: c.name, bytes: c.enc(csvText(atLine(c.ls, i, (l) => l + ',多余'))), expect: 'load' };
      case 1:
        return { kind: 'csv', what: `${c.name}: line ${i + 1} lacks its last column`, name: c.name, bytes: c.enc(csvText(atLine(c.ls, i, (l) => l.slice(0, l.lastIndexOf(','))))), expect: 'load' };
      case 2:
        return { kind: 'csv', what: `${c.name}: an unbalanced quote on line ${i + 1}`, name: c.name, bytes: c.enc(csvText(atLine(c.ls, i, (l) => l.replace(',', ',"')))), expect: 'any' };
      case 3:
        return { kind: 'csv', what: `${c.name}: header only`, name: c.name, bytes: c.enc(c.ls[0]! + '\n'), expect: 'any' };
      case 4:
        return { kind: 'csv', what: `${c.name}: empty file`, name: c.name, bytes: Buffer.alloc(0), expect: 'any' };
      case 5:
        return { kind: 'csv', what: `${c.name}: two title lines above the header`, name: c.name, bytes: c.enc(csvText(['嵊泗县 2024 年台账', '导出时间：2025-01-02', ...c.ls])), expect: 'load' };
      case 6:
        return { kind: 'csv', what: `${c.name}: a header cell with a NUL and quotes`, name: c.name, bytes: c.enc(csvText(atLine(c.ls, 0, (l) => l + ',"备\u0000注""x"'))), expect: 'any' };
      default:
        return { kind: 'csv', what: `${c.name}: 3,000 columns on line ${i + 1}`, name: c.name, bytes: c.enc(csvText(atLine(c.ls, i, (l) => l + ','.repeat(3000)))), expect: 'load' };
    }
  }],
  // --- JSON
  ['json', 2, (r, s) => {
    const which = r.int(0, 5);
    const i = r.int(0, s.permits.length - 1);
    if (which === 0) return { kind: 'json', what: `行政许可信息: line ${i + 1} not JSON`, name: '行政许可信息_fuzz.jsonl', bytes: Buffer.from(csvText(atLine(s.permits, i, (l) => l.slice(0, -3)))), expect: 'load' };
    if (which === 1) return { kind: 'json', what: `行政许可信息: line ${i + 1} an array`, name: '行政许可信息_fuzz.jsonl', bytes: Buffer.from(csvText(atLine(s.permits, i, (l) => `[${l}]`))), expect: 'load' };
    if (which === 2) return { kind: 'json', what: `行政许可信息: a nested object value on line ${i + 1}`, name: '行政许可信息_fuzz.jsonl', bytes: Buffer.from(csvText(atLine(s.permits, i, (l) => l.replace('{', '{"嵌套":{"a":[1,{"b":null}]},')))), expect: 'load' };
    if (which === 3) return { kind: 'json', what: '执法监督发现问题: an array of scalars and one object', name: '执法监督发现问题_fuzz.json', bytes: Buffer.from('[1, "x", null, {"问题编号": "W1"}]'), expect: 'any' };
    if (which === 4) return { kind: 'json', what: '执法监督发现问题: 5,000-deep nesting', name: '执法监督发现问题_fuzz.json', bytes: Buffer.from('['.repeat(5000) + ']'.repeat(5000)), expect: 'any' };
    return { kind: 'json', what: `行政许可信息: a JSON escape of NUL on line ${i + 1}`, name: '行政许可信息_fuzz.jsonl', bytes: Buffer.from(csvText(atLine(s.permits, i, (l) => l.replace(/":"/, '":"\\u0000')))), expect: 'load' };
  }],
  // --- XML inside the workbook
  ['xml', 5, (r, s) => {
    const x = r.pick(xlsxSources(s));
    const sheet = sheetOf(x.parts);
    const cell = someCell(r, sheet);
    const at = (f: (c: string) => string) => replaceAt(sheet, cell.at, cell.len, f(sheet.slice(cell.at, cell.at + cell.len)));
    const ok = (what: string, xml: string): Omit<FuzzCase, 'id'> => ({ kind: 'xml', what: `${x.name}: ${what}`, name: x.name, bytes: xlsx(withPart(x.parts, SHEET, () => xml)), expect: 'load' });
    const any = (what: string, xml: string): Omit<FuzzCase, 'id'> => ({ ...ok(what, xml), expect: 'any' });
    // the same cells written another way: must load what the workbook as it was loads
    const same = (what: string, xml: string): Omit<FuzzCase, 'id'> => ({ ...ok(what, xml), same: xlsx(x.parts) });
    switch (r.int(0, 19)) {
      case 0:
        return same('spaces around "=" and single quotes everywhere', sheet.replace(/ ([rts])="([^"]*)"/g, " $1 = '$2'"));
      case 1:
        return same('a prefix on every element', sheet.replace(/<(\/?)(worksheet|sheetData|row|c|v|is|t)([ >/])/g, '<$1x:$2$3').replace('<x:worksheet ', '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main" '));
      case 2:
        return same('comments and processing instructions between cells', sheet.replace(/<\/c>/g, (m) => (r.chance(0.1) ? `${m}<!-- <c r="A1"><v>9</v></c> --><?pi x?>` : m)));
      case 3:
        return same('values as CDATA and character references', sheet.replace(/<v>(\d+)<\/v>/g, (m, d: string) => (r.chance(0.2) ? `<v><![CDATA[${d}]]></v>` : r.chance(0.2) ? `<v>&#${d.charCodeAt(0)};${d.slice(1)}</v>` : m)));
      case 4:
        return any('an attribute without "="', at((c) => c.replace(' r=', ' r')));
      case 5:
        return any('an unterminated quote', at((c) => c.replace(/r="([A-Z]+\d+)"/, 'r="$1')));
      case 6:
        return any('a reference beyond XFD', at((c) => c.replace(/r="[A-Z]+(\d+)"/, 'r="ZZZZZZZ$1"')));
      case 7:
        return any('a row number beyond 1,048,576', sheet.replace('</sheetData>', '<row r="2000000"><c r="A2000000"><v>1</v></c></row></sheetData>'));
      case 8:
        return any('rows out of order', sheet.replace(/<row r="(\d+)"/, '<row r="999"'));
      case 9:
        return any('a cell repeated', at((c) => c + c));
      case 10:
        return any('an unknown cell type', at((c) => c.replace(/<c ([^>]*?)(\/?)>/, '<c $1 t="zz"$2>')));
      case 11:
        return any('a shared-string index out of range', sheet.replace(/(t="s"[^>]*><v>)\d+/, '$199999999'));
      case 12:
        return any('a DOCTYPE with an entity', sheet.replace('<worksheet', '<!DOCTYPE w [<!ENTITY e "x">]><worksheet'));
      case 13:
        return any('an undefined entity in a value', at((c) => c.replace(/<v>/, '<v>&bogus;')));
      case 14:
        return same('cells without r attributes where their order gives the position', withoutCellRefs(sheet));
      case 15:
        return same('unknown elements inside rows and cells', sheet.replace(/<\/c>/g, (m) => (r.chance(0.05) ? `<ext><y/></ext>${m}` : m)));
      case 16:
        return any('an unclosed <v>', at((c) => c.replace('</v>', '')));
      case 17:
        return any('a cell text with "<" inside an attribute', at((c) => c.replace(/r="/, 'r="<')));
      case 18:
        return same('formulas with cached values', sheet.replace(/<v>(\d+)<\/v>/g, (m) => (r.chance(0.1) ? `<f>1+1</f>${m}` : m)));
      default:
        return any('the sheet cut in the middle of a tag, recorded sizes right', sheet.slice(0, r.int(Math.floor(sheet.length / 2), sheet.length - 2)));
    }
  }],
  // --- web-page tables named .xls (what many systems' "导出Excel" writes)
  ['html', 3, (r, s) => {
    const rows: string[][] = parse(csvText(s.cases));
    const name = '行政处罚案件台账_fuzz.xls';
    const i = r.int(1, rows.length - 1);
    const td = (c: string) => `<td>${esc(c)}</td>`;
    const tr = (cells: readonly string[]) => `<tr>${cells.map(td).join('')}</tr>`;
    const page = (body: string, charset = 'utf-8') => `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"></head><body><table border=1>${body}</table></body></html>`;
    const plain = rows.map(tr);
    const ok = (what: string, bytes: Buffer): Omit<FuzzCase, 'id'> => ({ kind: 'html', what: `${name}: ${what}`, name, bytes, expect: 'load' });
    const any = (what: string, bytes: Buffer): Omit<FuzzCase, 'id'> => ({ ...ok(what, bytes), expect: 'any' });
    const same = (what: string, bytes: Buffer): Omit<FuzzCase, 'id'> => ({ ...ok(what, bytes), same: utf8(page(plain.join('\n'))) });
    switch (r.int(0, 10)) {
      case 0:
        return ok('as a system writes it', utf8(page(plain.join('\n'))));
      case 1:
        return same('GBK bytes, gb2312 declared', gbk(page(plain.join('\n'), 'gb2312')));
      case 2:
        return same('UTF-8 bytes under a gb2312 declaration', utf8(page(plain.join('\n'), 'gb2312')));
      case 3:
        return same('GBK bytes under a utf-8 declaration', gbk(page(plain.join('\n'))));
      case 4:
        // cells and rows not closed, as older exporters write them
        return same('no </td> or </tr> anywhere', utf8(page(rows.map((c) => `<tr>${c.map((x) => `<td>${esc(x)}`).join('')}`).join('\n'))));
      case 5: {
        const span = r.pick(['0', '-3', '1e9', 'abc', '99999999', '2', ' 3 ', '']);
        const attr = r.pick(['rowspan', 'colspan']);
        return any(`${attr}="${span}" on a cell of line ${i + 1}`, utf8(page(atLine(plain, i, (l) => l.replace('<td>', `<td ${attr}="${span}">`)).join('\n'))));
      }
      case 6:
        return ok(`a script, a style and a comment holding rows before line ${i + 1}`, utf8(page(atLine(plain, i, (l) => `<script>document.write('<tr><td>x</td></tr>')</script><style>td{mso-number-format:"\\@"}</style><!-- <tr><td>注释</td></tr> -->${l}`).join('\n'))));
      case 7: {
        const ref = r.pick(['&#0;', '&#x1;', '&#xD800;', '&#1114112;', '&nbsp;&ensp;&#x3000;', '&amp;lt;', '&bogus;', '&#65279;']);
        return ok(`the character reference ${ref} in a cell of line ${i + 1}`, utf8(page(atLine(plain, i, (l) => l.replace(/<td>([^<]*)<\/td>$/, `<td>$1${ref}</td>`)).join('\n'))));
      }
      case 8: {
        const b = utf8(page(plain.join('\n')));
        return any('cut in the middle', b.subarray(0, r.int(Math.floor(b.length / 3), b.length - 2)));
      }
      case 9:
        return any(`a table inside a cell of line ${i + 1}`, utf8(page(atLine(plain, i, (l) => l.replace('</td>', `<table>${plain.slice(1, 3).join('')}</table></td>`)).join('\n'))));
      default:
        return ok(`5,000 cells on line ${i + 1}`, utf8(page(atLine(plain, i, (l) => l.replace('</tr>', '<td>x</td>'.repeat(5000) + '</tr>')).join('\n'))));
    }
  }],
  // --- old binary workbooks (.xls, BIFF8 and BIFF5), built record by record from the case rows
  ['xls', 3, (r, s) => {
    const rows: string[][] = parse(csvText(s.cases));
    const name = '行政处罚案件台账_fuzz.xls';
    const cells = (rs: string[][]): BiffCell[] => rs.flatMap((row, ri) => row.map((text, col) => ({ row: ri, col, text })).filter((c) => c.text !== ''));
    const book8: BiffBook = { version: 'biff8', sheets: [{ name: '案件', cells: cells(rows) }] };
    const ok = (what: string, bytes: Buffer): Omit<FuzzCase, 'id'> => ({ kind: 'xls', what: `${name}: ${what}`, name, bytes, expect: 'load' });
    const any = (what: string, bytes: Buffer): Omit<FuzzCase, 'id'> => ({ ...ok(what, bytes), expect: 'any' });
    const stream = biffStream(book8);
    /** The offsets of the stream's records (of `type`, or all). */
    const offsets = (b: Buffer, type?: number) => {
      const out: number[] = [];
      for (let p = 0; p + 4 <= b.length; p += 4 + b.readUInt16LE(p + 2)) if (type === undefined || b.readUInt16LE(p) === type) out.push(p);
      return out;
    };
    switch (r.int(0, 9)) {
      case 0:
        return ok('BIFF8 as Excel lays it out', compoundFile(stream));
      case 1:
        return ok('BIFF5 in the GBK code page', biffFile({ ...book8, version: 'biff5', codepage: 936 }));
      case 2:
        return { ...ok('a bare BIFF8 stream, no compound file', stream), same: compoundFile(stream) };
      case 3: {
        // numbers as RK and NUMBER records, a column formatted as dates
        const num = rows.flatMap((row, ri) => row.map((t, col): BiffCell => (ri > 0 && /^\d{1,6}$/.test(t) ? (r.chance(0.5) ? { row: ri, col, rk: Number(t) * 4 + 2 } : { row: ri, col, number: Number(t) }) : { row: ri, col, text: t })).filter((c) => !('text' in c) || c.text !== ''));
        return ok('numbers as RK and NUMBER cells', biffFile({ ...book8, sheets: [{ name: '案件', cells: num }] }));
      }
      case 4: {
        const b = Buffer.from(stream);
        const at = r.pick(offsets(b));
        b.writeUInt16LE(r.int(0, 0xffff), at + 2);
        return any(`the length of the record at byte ${at} rewritten`, compoundFile(b));
      }
      case 5: {
        const b = Buffer.from(stream);
        const at = r.pick(offsets(b, 0x00fd));
        b.writeUInt32LE(r.pick([0xffffffff, 0x7fffffff, r.int(0, 1 << 20)]), at + 10);
        return any(`a cell's shared-string index at byte ${at} rewritten`, compoundFile(b));
      }
      case 6: {
        const b = Buffer.from(stream);
        const at = offsets(b, 0x00fc)[0]!;
        b.writeUInt32LE(r.pick([0xffffffff, 0, r.int(1, 1 << 24)]), at + 8);
        return any('the shared-string count rewritten', compoundFile(b));
      }
      case 7: {
        const b = Buffer.from(stream);
        const at = offsets(b, 0x0085)[0]!;
        b.writeUInt32LE(r.int(0, b.length + 100), at + 4);
        return any('the sheet offset rewritten', compoundFile(b));
      }
      case 8: {
        const spans: [number, number, number, number][] = Array.from({ length: r.int(1, 20) }, () => {
          const r1 = r.int(0, 0xffff);
          const c1 = r.int(0, 300);
          return [r1, (r1 + r.int(-2, 5000)) & 0xffff, c1, (c1 + r.int(-1, 40)) & 0xffff];
        });
        return any(`${spans.length} merged range(s), some beyond the sheet`, biffFile({ ...book8, sheets: [{ name: '案件', cells: cells(rows), merges: spans }] }));
      }
      default: {
        const f = compoundFile(stream);
        return any('cut in the middle', f.subarray(0, r.int(1, f.length - 1)));
      }
    }
  }],
  // --- XML Spreadsheet 2003, as Java template exports write it under an .xls name
  ['xmlss', 3, (r, s) => {
    const rows: string[][] = parse(csvText(s.cases));
    const name = '行政处罚案件台账_fuzz.xls';
    const i = r.int(1, rows.length - 1);
    const x = (t: string) => esc(t).replace(/\n/g, '&#10;');
    type Cell = (text: string, col: number, row: number) => string;
    const book = (opts: { cell: Cell; row?: (cells: string, row: number) => string; encoding?: string; prefix?: boolean; head?: string }) => {
      const body = rows.map((cs, ri) => (opts.row ?? ((c) => `<Row>${c}</Row>`))(cs.map((t, ci) => (t === '' ? '' : opts.cell(t, ci, ri))).join(''), ri));
      let xml = `<?xml version="1.0" encoding="${opts.encoding ?? 'UTF-8'}"?>\n${opts.head ?? ''}<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:html="http://www.w3.org/TR/REC-html40">\n<Worksheet ss:Name="案件"><Table>\n${body.join('\n')}\n</Table></Worksheet>\n</Workbook>\n`;
      if (opts.prefix) xml = xml.replace(/<(\/?)(Workbook|Worksheet|Table|Row|Cell|Data)([ >/])/g, '<$1ss:$2$3');
      return xml;
    };
    // empty cells are skipped, so every cell after one needs its ss:Index: written that way always
    const indexed: Cell = (t, col) => `<Cell ss:Index="${col + 1}"><Data ss:Type="String">${x(t)}</Data></Cell>`;
    const reference = book({ cell: indexed });
    const ok = (what: string, bytes: Buffer): Omit<FuzzCase, 'id'> => ({ kind: 'xmlss', what: `${name}: ${what}`, name, bytes, expect: 'load' });
    const any = (what: string, bytes: Buffer): Omit<FuzzCase, 'id'> => ({ ...ok(what, bytes), expect: 'any' });
    // the reference is the case CSV the rows come from: what SpreadsheetML loads is held to what the text loads
    const same = (what: string, bytes: Buffer): Omit<FuzzCase, 'id'> => ({ ...ok(what, bytes), same: utf8(csvText(s.cases)) });
    const lines = reference.split('\n');
    const rowLine = lines.findIndex((l) => l.startsWith('<Row>')) + i;
    switch (r.int(0, 10)) {
      case 0:
        return ok('as a template writes it', utf8(reference));
      case 1:
        return same('GBK bytes, GB2312 declared', gbk(book({ cell: indexed, encoding: 'GB2312' })));
      case 2:
        return same('an ss: prefix on every element, CRLF line ends', utf8(book({ cell: indexed, prefix: true }).replace(/\n/g, '\r\n')));
      case 3:
        // a cell right after the one before it needs no index; rows say theirs
        return same('ss:Index only where a cell was skipped, every row indexed', utf8(book({
          cell: (t, col, ri) => `<Cell${col === 0 || rows[ri]![col - 1] !== '' ? '' : ` ss:Index="${col + 1}"`}><Data ss:Type="String">${x(t)}</Data></Cell>`,
          row: (c, ri) => `<Row ss:Index="${ri + 1}">${c}</Row>`,
        })));
      case 4:
        return same('rich text, comments and CDATA in cells', utf8(book({
          cell: (t, col) => {
            if (t.length < 2 || !r.chance(0.3)) return indexed(t, col, 0);
            const k = r.int(1, t.length - 1);
            const form = r.int(0, 2);
            const data = form === 0
              ? `<ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>${x(t.slice(0, k))}</B><Font html:Color="#FF0000">${x(t.slice(k))}</Font></ss:Data>`
              : form === 1 ? `<Data ss:Type="String"><![CDATA[${t.replace(/]]>/g, ']]]]><![CDATA[>')}]]></Data>` : `<Data ss:Type="String">${x(t)}</Data><Comment ss:Author="审核"><ss:Data xmlns="http://www.w3.org/TR/REC-html40">批注<B>不是值</B></ss:Data></Comment>`;
            return `<Cell ss:Index="${col + 1}">${data}</Cell>`;
          },
        })));
      case 5: {
        const b = utf8(reference);
        return any('cut in the middle', b.subarray(0, r.int(Math.floor(b.length / 3), b.length - 2)));
      }
      case 6: {
        const idx = r.pick(['0', '1', '-1', '1048577', '99999999999', 'abc', String(i)]);
        return any(`row ${i + 1} placed at ss:Index="${idx}"`, utf8(lines.map((l, k) => (k === rowLine ? l.replace('<Row>', `<Row ss:Index="${idx}">`) : l)).join('\n')));
      }
      case 7: {
        const attr = r.pick(['MergeAcross', 'MergeDown', 'Index']);
        const v = r.pick(['0', '-3', '1e9', '99999999', '16384', '2', ' 3 ', '']);
        return any(`ss:${attr}="${v}" on a cell of row ${i + 1}`, utf8(lines.map((l, k) => (k === rowLine ? l.replace(/<Cell ss:Index="(\d+)"/, `<Cell ss:${attr}="${v}"`) : l)).join('\n')));
      }
      case 8:
        return any('an entity bomb in a DOCTYPE', utf8(book({ cell: indexed, head: '<!DOCTYPE Workbook [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>\n' })));
      case 9: {
        // a cell's end tag dropped or doubled
        const drop = r.chance(0.5);
        return any(`row ${i + 1} with a ${drop ? 'missing' : 'doubled'} </Cell>`, utf8(lines.map((l, k) => (k === rowLine ? l.replace('</Cell>', drop ? '' : '</Cell></Cell>') : l)).join('\n')));
      }
      default:
        // dates and whole numbers as typed cells: read back as the text they were
        return same('dates as DateTime and whole numbers as Number cells', utf8(book({
          cell: (t, col) => /^\d{4}-\d\d-\d\d$/.test(t)
            ? `<Cell ss:Index="${col + 1}"><Data ss:Type="DateTime">${t}T00:00:00.000</Data></Cell>`
            : /^[1-9]\d{0,8}$/.test(t) ? `<Cell ss:Index="${col + 1}"><Data ss:Type="Number">${t}</Data></Cell>` : indexed(t, col, 0),
        })));
    }
  }],
  // --- the dirty sample workbook and whole valid files (the control group)
  ['valid', 2, (r, s) => {
    const which = r.int(0, 4);
    if (which === 0) return { kind: 'valid', what: '03_执法人员花名册_问题数据.xlsx as it is', name: '执法人员花名册_问题数据.xlsx', bytes: xlsx(s.dirtyRoster), expect: 'load' };
    if (which === 1) return { kind: 'valid', what: '检查计划任务 parquet as it is', name: '检查计划任务_fuzz.parquet', bytes: s.parquet, expect: 'load' };
    if (which === 2) return { kind: 'valid', what: '执法监督发现问题 json as it is', name: '执法监督发现问题_fuzz.json', bytes: Buffer.from(s.findings), expect: 'load' };
    const x = r.pick(xlsxSources(s));
    return { kind: 'valid', what: `${x.name} re-zipped`, name: x.name, bytes: xlsx(x.parts), expect: 'load' };
  }],
];

/** The ZIP with the compression method of the sheet's headers set to `method`. */
function patchMethod(zip: Buffer, method: number): Buffer {
  const b = Buffer.from(zip);
  const span = partSpan(b, SHEET);
  // local header: 30 bytes + name before the data; the method is at +8
  for (let p = 0; p + 4 <= b.length; p++) {
    if (b.readUInt32LE(p) === 0x04034b50 && p + 30 <= span.start && b.toString('utf8', p + 30, p + 30 + SHEET.length) === SHEET) b.writeUInt16LE(method, p + 8);
    if (b.readUInt32LE(p) === 0x02014b50 && b.toString('utf8', p + 46, p + 46 + SHEET.length) === SHEET) b.writeUInt16LE(method, p + 10);
  }
  return b;
}

/** `count` cases from `seed`: every class at least once, then drawn by weight. */
export function generateCases(seed: number, count: number): FuzzCase[] {
  const s = sources();
  const rng = new Rng(seed, 'fuzz');
  const total = MAKERS.reduce((a, m) => a + m[1], 0);
  const out: FuzzCase[] = [];
  for (let id = 0; id < count; id++) {
    let maker: Make;
    if (id < MAKERS.length) maker = MAKERS[id]![2];
    else {
      let x = rng.float() * total;
      maker = MAKERS.find((m) => (x -= m[1]) < 0)?.[2] ?? MAKERS[0]![2];
    }
    // each case draws from its own stream: changing one maker does not shift every later case
    out.push({ id, ...maker(Rng.of(seed, 'case', id), s) });
  }
  return out;
}

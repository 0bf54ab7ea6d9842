// Characters XML 1.0 cannot hold (U+FFFE, U+FFFF, C0 controls, lone surrogates) in what the
// workstation writes as XLSX or DOCX: each becomes U+FFFD, and every XML part of the file stays
// well-formed (before, one U+FFFE in a rejected row made xl/sharedStrings.xml unreadable: openpyxl
// "not well-formed (invalid token)", Excel offered to repair the file).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { buildNotice } from '../rectify/notice.js';
import { writeFeedbackTemplate } from '../rectify/template.js';
import type { RectifyItem } from '../rectify/types.js';
import { esc } from '../report/render/html.js';
import { renderDocx } from '../report/render/docx.js';
import { tempDir } from '../test/helpers.js';
import { writeXlsx } from './tabular.js';
import { xmlText, xmlTextDeep } from './xml-text.js';

/** U+FFFE, U+FFFF, U+0001, DEL, a lone high surrogate, then a valid astral character. */
const BAD = 'a\uFFFEb\uFFFFc\u0001d\u007Fe\uD800f😀g';
const CLEAN = 'a\uFFFDb\uFFFDc\uFFFDd\uFFFDe\uFFFDf😀g';
const XML_CHARS = /^[\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;

/** Every XML part of an OOXML file (XLSX, DOCX), each parsed by a strict XML parser. */
async function xmlParts(path: string): Promise<Map<string, string>> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const parts = new Map<string, string>();
  for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n))) {
    const xml = await zip.file(name)!.async('string');
    expect(xml, name).toMatch(XML_CHARS);
    const p = new SaxesParser();
    const errors: string[] = [];
    p.on('error', (e) => errors.push(e.message));
    p.write(xml).close();
    expect(errors, name).toEqual([]);
    parts.set(name, xml);
  }
  return parts;
}

describe('xmlText', () => {
  it('replaces what XML 1.0 cannot hold (and DEL) by U+FFFD, keeps the rest', () => {
    expect(xmlText(BAD)).toBe(CLEAN);
    expect(xmlText('\u0000\u0008\u000B\u000C\u001F\uDC00')).toBe('\uFFFD'.repeat(6));
    const ok = 'tab\tLF\nCR\r 普通文本 \u00A0\u0085\uE000\uFFFD \u{10FFFF} 😀';
    expect(xmlText(ok)).toBe(ok);
    expect(xmlText('😀'.slice(0, 1) + 'x' + '😀'.slice(1))).toBe('\uFFFDx\uFFFD');
    // a right-to-left override in a name (displayed reversed: 张三\u202E司公限有 reads as another
    // name) and the other embedding/isolate controls; the marks LRM/RLM and ZWJ stay
    expect(xmlText('张三\u202E司公限有\u202C，\u2066李四\u2069\u202A\u202B\u202D')).toBe('张三\uFFFD司公限有\uFFFD，\uFFFD李四\uFFFD\uFFFD\uFFFD\uFFFD');
    expect(xmlText('a\u200Eb\u200Fc\u200Dd')).toBe('a\u200Eb\u200Fc\u200Dd');
  });
  it('xmlTextDeep cleans the strings of arrays and plain objects, keeps other objects and functions', () => {
    const f = () => 1;
    const d = new Date(0);
    const v = { a: BAD, b: [BAD, 3, null], c: { d: BAD }, f, d };
    const out = xmlTextDeep(v);
    expect(out).toEqual({ a: CLEAN, b: [CLEAN, 3, null], c: { d: CLEAN }, f, d });
    expect(out.f).toBe(f);
    expect(out.d).toBe(d);
    expect(v.a).toBe(BAD);
  });
  it('the HTML escaper emits none of them raw', () => {
    expect(esc(`<${BAD}\u0000&>`)).toBe(`&lt;${CLEAN}\uFFFD&amp;&gt;`);
  });
});

describe('XLSX and DOCX with characters XML cannot hold', () => {
  it('writeXlsx: cells, headers, sheet names, page header and footer (well-formed, U+FFFD, the emoji kept)', async () => {
    const path = join(tempDir(), 'bad.xlsx');
    await writeXlsx(path, [
      {
        name: `表${BAD}`.slice(0, 31),
        columns: [
          { key: 'a', header: `列${BAD}` },
          { key: 'b', header: '数' },
        ],
        rows: [
          { a: BAD, b: 1 },
          { a: ['=x', BAD], b: 2 },
          { a: { k: BAD }, b: 3 },
        ],
        title: [`标题${BAD}`, `注${BAD}`],
      },
      // a name cut at 31 in the middle of a surrogate pair
      { name: `${'x'.repeat(30)}😀`, columns: [{ key: 'a', header: 'a' }], rows: [{ a: 1 }] },
    ]);
    const parts = await xmlParts(path);
    expect(parts.get('xl/sharedStrings.xml')).toContain(CLEAN);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    expect(wb.worksheets.map((s) => s.name)).toEqual([`表${CLEAN}`, `${'x'.repeat(30)}\uFFFD`]);
    const ws = wb.worksheets[0]!;
    expect(ws.getCell('A1').value).toBe(`列${CLEAN}`);
    expect(ws.getCell('A2').value).toBe(CLEAN);
    expect(ws.getCell('A3').value).toBe(`'=x、${CLEAN}`);
    // JSON writes U+0001 and the lone surrogate as \u escapes itself
    expect(ws.getCell('A4').value).toBe('{"k":"a\uFFFDb\uFFFDc\\u0001d\uFFFDe\\ud800f😀g"}');
    expect(ws.getCell('B4').value).toBe(3);
    expect(ws.headerFooter.oddHeader).toContain(`标题${CLEAN}`);
    expect(ws.headerFooter.oddFooter).toContain(`注${CLEAN}`);
  });

  const item = {
    item_id: 7,
    code: 'ZG000007',
    natural_key: '2024|U1|indicator|x',
    unit_id: `U1${BAD}`,
    unit_name: `单位${BAD}`,
    kind: 'indicator',
    run_id: 1,
    period: '2024',
    problem: `问题${BAD}`,
    requirement: `要求${BAD}`,
    deadline: '2024-06-30',
    issued_on: '2024-05-01',
    stored_status: '整改中',
    status: '整改中',
    status_reason: null,
    measures: `措施${BAD}`,
    completed_on: null,
    proof: null,
    owner: null,
  } as unknown as RectifyItem;

  it('the rectification feedback form (cells and its marker sheet)', async () => {
    const path = join(tempDir(), 'form.xlsx');
    await writeFeedbackTemplate(path, [item], { unitId: item.unit_id, unitName: item.unit_name, period: `2024${BAD}`, date: '2024-05-01', secret: { workspace_id: 'w', key: Buffer.alloc(32) } });
    const parts = await xmlParts(path);
    expect([...parts.values()].join('')).toContain(`问题${CLEAN}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const values = wb.worksheets.flatMap((s) => s.getSheetValues().flat().filter((v): v is string => typeof v === 'string'));
    expect(values).toEqual(expect.arrayContaining([`问题${CLEAN}`, `要求${CLEAN}`, `措施${CLEAN}`, `U1${CLEAN}`, `2024${CLEAN}`]));
  });

  it('DOCX (the rectification notice)', async () => {
    const path = join(tempDir(), 'notice.docx');
    writeFileSync(path, await renderDocx(buildNotice([item], { unitId: item.unit_id, unitName: item.unit_name, period: '2024', issuer: `办公室${BAD}`, date: '2024-05-01' })));
    const parts = await xmlParts(path);
    // (textRuns puts a zero-width space where Chinese meets Latin letters)
    const body = parts.get('word/document.xml')!.replace(/\u200b/g, '');
    expect(body).toContain(`问题${CLEAN}`);
    expect(body).toContain(`单位${CLEAN}`);
    expect(body).toContain('😀');
  });
});

// transcodeToUtf8 reports the space characters of the text it writes: the import's cleaning takes
// its cheap paths from that (see cleanExpr), so it must see what DuckDB will read.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scanFile, transcodeToUtf8 } from './file-scan.js';

const dir = mkdtempSync(join(tmpdir(), 'tijian-transcode-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** GB18030 bytes of a text (Node has no GB encoder: the table is built from the decoder). */
function gb18030(text: string): Buffer {
  const dec = new TextDecoder('gb18030');
  const map = new Map<string, Buffer>();
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      const bytes = Buffer.from([a, b]);
      const ch = dec.decode(bytes);
      if (ch.length === 1 && !map.has(ch)) map.set(ch, bytes);
    }
  }
  return Buffer.concat([...text].map((ch) => (ch.charCodeAt(0) < 0x80 ? Buffer.from(ch) : map.get(ch) ?? (() => { throw new Error(`no GB18030 bytes for ${ch}`); })())));
}

describe('transcodeToUtf8', () => {
  it.each([
    ['案件编号,执法机关\nA1,农业农村局\n', 'none'],
    ['案件编号,执法机关\nA1,农业 农村局\n', 'ascii'],
    ['案件编号,执法机关\nA1,\u3000农业农村局\n', 'any'],
    ['案件编号,执法机关\nA1,２０２４\n', 'any'],
  ] as const)('%j → %s, the same as a scan of the UTF-8 text', async (text, want) => {
    const src = join(dir, `gb-${want}.csv`);
    const dest = join(dir, `utf8-${want}.csv`);
    writeFileSync(src, gb18030(text));
    const { spaces } = await transcodeToUtf8(src, dest, 'gb18030');
    expect(readFileSync(dest, 'utf8')).toBe(text);
    expect(spaces).toBe(want);
    expect((await scanFile(dest, true)).spaces).toBe(want);
  });

  it('GB18030 bytes that look like a UTF-8 space sequence are not taken for one', async () => {
    // 銆 is E3 80 in GB18030 and € the single byte 80 (as Windows' GBK writes it): raw bytes
    // E3 80 80 — the UTF-8 form of U+3000 — which a scan of the original bytes flags
    const text = '名称\n銆€\n';
    const bytes = Buffer.concat([gb18030('名称\n'), Buffer.from([0xe3, 0x80, 0x80, 0x0a])]);
    writeFileSync(join(dir, 'raw.csv'), bytes);
    expect((await scanFile(join(dir, 'raw.csv'), true)).spaces).toBe('any');
    const src = join(dir, 'lookalike.csv');
    writeFileSync(src, bytes);
    const dest = join(dir, 'lookalike-utf8.csv');
    const { spaces } = await transcodeToUtf8(src, dest, 'gb18030');
    expect(readFileSync(dest, 'utf8')).toBe(text);
    expect(spaces).toBe('none');
  });

  it('GBK text behind a UTF-8 BOM is told by its bytes and read without the BOM; a UTF-8 file with a BOM stays UTF-8', async () => {
    const text = '案件编号,执法机关\nA1,农业农村局\nA2,菜园镇\n';
    const src = join(dir, 'bom-gbk.csv');
    writeFileSync(src, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), gb18030(text)]));
    const scan = await scanFile(src, true);
    expect(scan.encoding).toBe('gb18030');
    const dest = join(dir, 'bom-gbk-utf8.csv');
    await transcodeToUtf8(src, dest, 'gb18030');
    expect(readFileSync(dest, 'utf8')).toBe(text);
    const utf8 = join(dir, 'bom-utf8.csv');
    writeFileSync(utf8, '\ufeff' + text);
    expect((await scanFile(utf8, true)).encoding).toBe('utf-8-bom');
  });
});

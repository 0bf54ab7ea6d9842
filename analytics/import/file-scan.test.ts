import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers.js';
import { hasRareSpace, incompleteUtf8Tail, scanFile, transcodeToUtf8 } from './file-scan.js';

const TEXT = '案件编号,执法机关,罚款金额（元）\nAJ1,嵊泗县综合行政执法局,"1,234.50"\nAJ2,菜园镇,𠀀生僻字\n';

function write(name: string, bytes: Buffer): string {
  const p = join(tempDir(), name);
  writeFileSync(p, bytes);
  return p;
}

describe('encoding detection', () => {
  it('UTF-8', async () => {
    const s = await scanFile(write('a.csv', Buffer.from(TEXT, 'utf8')), true);
    expect(s.encoding).toBe('utf-8');
    expect(s.validUtf8).toBe(true);
  });

  it('UTF-8 with BOM', async () => {
    const s = await scanFile(write('a.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')])), true);
    expect(s.encoding).toBe('utf-8-bom');
  });

  it('GBK bytes as Chinese Excel writes them', async () => {
    const bytes = iconv.encode(TEXT.replace('𠀀', ''), 'gbk');
    // the real bytes: 案 is B0 B8 in GBK
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xb0, 0xb8]));
    const s = await scanFile(write('a.csv', bytes), true);
    expect(s.encoding).toBe('gb18030');
    expect(s.validUtf8).toBe(false);
  });

  it('GB18030 with a 4-byte character round-trips through the transcoder', async () => {
    const src = write('a.csv', iconv.encode(TEXT, 'gb18030'));
    const dest = join(tempDir(), 'b.csv');
    await transcodeToUtf8(src, dest, 'gb18030');
    expect(readFileSync(dest, 'utf8')).toBe(TEXT);
  });

  it('a UTF-8 file with one GBK line stays UTF-8 (the bad line is rejected later)', async () => {
    const bytes = Buffer.concat([Buffer.from('案件编号,执法机关\nAJ1,菜园镇\n', 'utf8'), iconv.encode('AJ2,嵊山镇\n', 'gbk')]);
    const s = await scanFile(write('a.csv', bytes), true);
    expect(s.encoding).toBe('utf-8');
    expect(s.validUtf8).toBe(false);
  });

  it('UTF-16 LE with BOM', async () => {
    const s = await scanFile(write('a.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')])), true);
    expect(s.encoding).toBe('utf-16le');
  });

  it('sha256 and size match an independent hash', async () => {
    const bytes = Buffer.from(TEXT.repeat(50_000), 'utf8'); // > 1 chunk
    const s = await scanFile(write('a.csv', bytes), true);
    expect(s.size).toBe(bytes.length);
    expect(s.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(s.validUtf8).toBe(true); // multi-byte characters straddle chunk boundaries
  });
});

describe('line bookkeeping', () => {
  it('counts lines and finds blank ones (LF and CRLF)', async () => {
    const s = await scanFile(write('a.csv', Buffer.from('h1,h2\r\n1,2\r\n\r\n3,4\n\n5,6', 'utf8')), true);
    expect(s.lines).toBe(6);
    expect(s.blankLines).toEqual([3, 5]);
  });
});

describe('space characters (for the cheap cleaning path)', () => {
  const scan = async (text: string | Buffer) => (await scanFile(write('a.csv', typeof text === 'string' ? Buffer.from(text, 'utf8') : text), true)).spaces;

  it('tells none, only U+0020 and any space separator or U+FEFF apart', async () => {
    expect(await scan('a,b\n“案”,—…\n')).toBe('none'); // E2 80 9C/9D/94/A6 are not spaces
    expect(await scan('a,b\n1, 2\n')).toBe('ascii');
    // a tab, an apostrophe and =" are text marks tj_clean removes
    for (const t of ['1\t,2', "'330922,2", '="330922",2']) expect(await scan(`a,b\n${t}\n`)).toBe('any');
    for (const ch of ['\u00a0', '\u1680', '\u2000', '\u2003', '\u200a', '\u202f', '\u205f', '\u3000', '\ufeff']) {
      expect(await scan(`a,b\n1,${ch}2\n`)).toBe('any');
    }
    expect(await scan('a,b\n1,\u200b2\n')).toBe('none'); // zero-width space: not Zs
    expect(await scan('a,b\n1,２０２４\n')).toBe('any'); // full-width digits
    expect(await scan('a,b\n1,（甲）\n')).toBe('none'); // EF BC 88/89: brackets, not digits
  });

  it('ignores the leading BOM and finds a sequence split by a chunk end', async () => {
    expect(await scan(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('a,b\n1,2\n')]))).toBe('none');
    for (const at of [(1 << 20) - 1, (1 << 20) - 2]) {
      const bytes = Buffer.alloc((1 << 20) + 10, 0x61);
      Buffer.from('\u3000', 'utf8').copy(bytes, at);
      expect(await scan(bytes)).toBe('any');
    }
  });

  it('hasRareSpace needs the whole sequence', () => {
    expect(hasRareSpace(Buffer.from([0xe3, 0x80]))).toBe(false);
    expect(hasRareSpace(Buffer.from([0x61, 0xe3, 0x80, 0x80]))).toBe(true);
    expect(hasRareSpace(Buffer.from([0xe2, 0x80, 0x9c, 0xe2, 0x80, 0x83]))).toBe(true);
  });
});

describe('incompleteUtf8Tail', () => {
  it('finds a split multi-byte character', () => {
    const b = Buffer.from('a案', 'utf8'); // 61 E6 A1 88
    expect(incompleteUtf8Tail(b)).toBe(0);
    expect(incompleteUtf8Tail(b.subarray(0, 3))).toBe(2);
    expect(incompleteUtf8Tail(b.subarray(0, 2))).toBe(1);
    expect(incompleteUtf8Tail(Buffer.from('abc'))).toBe(0);
  });
});

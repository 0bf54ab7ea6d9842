// File names made from unit names (reports, notices, feedback forms): a unit whose name ran to
// 5,000 characters stopped `rectify export` at its file with ENAMETOOLONG (120 Chinese characters
// are 360 bytes; a file name may hold 255), and U+202E in a name showed it reversed in the folder.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers.js';
import { FILE_STEM_BYTES, safeFileStem } from './model.js';

describe('file stems', () => {
  it('fit in bytes at whole characters, without the characters file systems refuse or that reverse text', () => {
    const long = safeFileStem(`整改通知书_XZ04_${'长'.repeat(5000)}_2024`);
    expect(Buffer.byteLength(long)).toBeLessThanOrEqual(FILE_STEM_BYTES);
    // 整改通知书_XZ04_ is 21 bytes; each 长 3
    expect(long).toBe(`整改通知书_XZ04_${'长'.repeat(Math.floor((FILE_STEM_BYTES - 21) / 3))}`);
    // a name that long, with a prefix and an extension, can be written
    writeFileSync(join(tempDir(), `整改反馈表_${long}.xlsx`), 'x');
    expect(safeFileStem('02_XZ03_\u202e镇山洋_2024年度体检报告')).toBe('02_XZ03__镇山洋_2024年度体检报告');
    expect(safeFileStem('a/b:c*?"<>|d e\u0007')).toBe('a_b_c______de_');
    expect(safeFileStem('菜园镇\ufffe\uffff\ufeff\u0085\u2028\ud800x😀')).toBe('菜园镇______x😀');
    // an emoji is not cut in half
    expect(safeFileStem('😀'.repeat(100))).toBe('😀'.repeat(FILE_STEM_BYTES / 4));
  });
});

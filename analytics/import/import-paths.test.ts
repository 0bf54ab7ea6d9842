// The folder walk: data files in a stable order, everything else passed over with its reason.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../test/helpers.js';
import { expandPaths } from './import-paths.js';

describe('expandPaths', () => {
  it('takes an .xml only when it is an XML Spreadsheet 2003, and says why it passed over the rest', () => {
    const dir = tempDir();
    mkdirSync(join(dir, '子目录'));
    writeFileSync(join(dir, '案件.xml'), '<?xml version="1.0"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></Workbook>');
    writeFileSync(join(dir, '子目录', '配置.xml'), '<?xml version="1.0"?>\n<config/>');
    writeFileSync(join(dir, '台账.csv'), 'a,b\n1,2\n');
    writeFileSync(join(dir, '说明.docx'), 'x');
    writeFileSync(join(dir, '_readme.csv'), 'x');
    const r = expandPaths([dir]);
    expect(r.files.map((f) => f.slice(dir.length + 1))).toEqual(['台账.csv', '案件.xml']);
    expect(r.skipped.map((s) => [s.path.slice(dir.length + 1), s.reason_en])).toEqual([
      ['_readme.csv', 'name starts with . _ or ~$ (hidden, metadata or temporary)'],
      ['子目录/配置.xml', 'an XML file that is no XML Spreadsheet 2003'],
      ['说明.docx', 'not a data file'],
    ]);
    // named directly, any file is imported (and refused in words when it cannot be read)
    expect(expandPaths([join(dir, '子目录', '配置.xml')]).files).toHaveLength(1);
  });
});

import { describe, expect, it } from 'vitest';
import { sniffCsv } from './csv-dialect.js';

describe('sniffCsv', () => {
  it('finds comma, tab, semicolon and pipe delimiters', () => {
    for (const d of [',', '\t', ';', '|']) {
      const text = ['案件编号', '执法机关', '立案日期'].join(d) + '\n' + ['AJ1', '菜园镇', '2024-03-05'].join(d) + '\n';
      const r = sniffCsv(text, true);
      expect(r.delimiter).toBe(d);
      expect(r.headers).toEqual(['案件编号', '执法机关', '立案日期']);
      expect(r.headerLine).toBe(1);
    }
  });

  it('is not fooled by commas inside quotes or by ragged rows', () => {
    const text = '案件编号;执法机关;罚款金额（元）\nAJ1;菜园镇;"1,234.50"\nAJ2;嵊山镇\nAJ3;洋山镇;5;extra\nAJ4;五龙乡;7\n';
    expect(sniffCsv(text, true).delimiter).toBe(';');
  });

  it('finds the header and delimiter when a quote opened in a later line is never closed (was: no header at all)', () => {
    const rows = Array.from({ length: 12 }, (_, i) => `AJ${i};菜园镇;2024-03-05`);
    for (const at of [11, 3]) {
      const text = '案件编号;执法机关;立案日期\n' + rows.map((r, i) => (i === at ? r.replace(';', ';"') : r)).join('\n') + '\n';
      const r = sniffCsv(text, true);
      expect(r.delimiter).toBe(';');
      expect(r.headers).toEqual(['案件编号', '执法机关', '立案日期']);
      expect(r.headerLine).toBe(1);
    }
  });

  it('finds the header below title rows', () => {
    const text = '嵊泗县行政处罚案件台账（2024年）\n导出时间：2024-12-31\n案件编号,执法机关,立案日期\nAJ1,菜园镇,2024-03-05\n';
    const r = sniffCsv(text, true);
    expect(r.headerLine).toBe(3);
    expect(r.headers).toEqual(['案件编号', '执法机关', '立案日期']);
  });

  it('drops a partial last line of a sample', () => {
    const r = sniffCsv('案件编号,执法机关\nAJ1,菜园镇\nAJ2,嵊', false);
    expect(r.headers).toEqual(['案件编号', '执法机关']);
  });
});

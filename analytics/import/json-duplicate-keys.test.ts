// A JSON object that names a key twice ({"问题编号": "A1", …, "问题编号": "A2"}) holds two values for
// one column; the reader kept the first and dropped the second without a word. The record is now
// rejected naming the key, its text kept; every other record loads. Fixtures written here.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';

const rec = (id: string, extra = '') =>
  `{"问题编号": "${id}", "问题来源": "案卷评查", "被监督单位": "嵊泗县综合行政执法局", "发现日期": "2024-03-05", "问题描述": "案卷未装订"${extra}}`;

describe('a key named twice in a JSON object', () => {
  for (const [kind, text] of [
    ['array', (rs: string[]) => `[${rs.join(',\n')}]`],
    ['JSON Lines', (rs: string[]) => rs.join('\n') + '\n'],
  ] as const) {
    it(`${kind}: the record is rejected naming the key; the others load (was: the first value loaded, the second lost)`, async () => {
      const path = join(tempDir(), `监督问题.${kind === 'array' ? 'json' : 'jsonl'}`);
      writeFileSync(path, text([rec('JDWT2024-01'), rec('JDWT2024-02', ', "问题编号": "JDWT2024-03"'), rec('JDWT2024-04')]));
      const ws = await freshWorkspace();
      const r = await importFile(ws, path);
      expect(r).toMatchObject({ table: 'supervision_finding', rows_read: 3, rows_loaded: 2, rows_rejected: 1 });
      expect(await ws.db.all(`SELECT finding_id FROM supervision_finding ORDER BY finding_id`)).toEqual([{ finding_id: 'JDWT2024-01' }, { finding_id: 'JDWT2024-04' }]);
      const rej = await ws.db.all<{ line_no: number; reason_zh: string; raw: string }>(`SELECT line_no, reason_zh, CAST(raw AS VARCHAR) AS raw FROM rejected_row`);
      expect(rej).toEqual([
        {
          line_no: 2,
          reason_zh: '该记录中键“问题编号”出现了不止一次，各有一个值，无法判断哪个是对的：请在原系统核对该记录后重新导出',
          raw: expect.stringMatching(/JDWT2024-02.*JDWT2024-03/) as unknown as string,
        },
      ]);
    });
  }
});

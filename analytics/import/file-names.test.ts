// A file's name is shown in every message of its import and printed by the command line: a line
// feed in it printed as a line of its own, which on a terminal can forge a line of the summary.
// The name is shown with its control characters escaped; the file itself is read from its path.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { importFile, shownName } from './import-file.js';

describe('file names in messages', () => {
  it('control characters are shown escaped, other text as it is', () => {
    expect(shownName('案件\n✓ 伪造.csv')).toBe('案件\\n✓ 伪造.csv');
    expect(shownName('a\tb\rc\u0007.csv')).toBe('a\\tb\\rc\\x07.csv');
    expect(shownName("a b 'q' \"dq\" $(id).csv")).toBe("a b 'q' \"dq\" $(id).csv");
  });

  it('a name with a line feed imports, and the result names it on one line', async () => {
    const path = join(tempDir(), '处罚案件\n✓ 伪造.csv');
    writeFileSync(path, '案件编号,执法机关,立案日期,当事人名称\n嵊综执罚〔2024〕1号,嵊泗县综合行政执法局,2024-03-01,张三\n');
    const r = await importFile(await freshWorkspace(), path);
    expect(r).toMatchObject({ file: '处罚案件\\n✓ 伪造.csv', rows_loaded: 1 });
  });
});

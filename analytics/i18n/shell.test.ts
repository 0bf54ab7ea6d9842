// File names in the commands our messages suggest are quoted for a POSIX shell, so a hint copied
// into a terminal runs the suggested command on that file and nothing else (probe 13, F2: a file
// named x$(touch PWNED).csv gave `tijian map x$(touch PWNED).csv`, which ran touch).
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkAnyRecognised, detectTable } from '../import/headers.js';
import { mappingTemplate } from '../import/mapping-file.js';
import { isTijianError } from './errors.js';
import { tempDir } from '../test/helpers.js';
import { shellQuote } from './shell.js';

const HOSTILE = "x$(touch X)it's;.csv";

/** Runs a suggested command in sh with a stand-in `tijian` that prints its arguments one per line. */
function runHint(cmd: string, cwd: string): string {
  return execFileSync('sh', ['-c', `tijian() { printf '%s\\n' "$@"; }\n${cmd}`], { cwd, encoding: 'utf8' });
}

describe('shellQuote', () => {
  it('single quotes, a quote inside written as \'\\\'\'; plain names as they are', () => {
    expect(shellQuote(HOSTILE)).toBe("'x$(touch X)it'\\''s;.csv'");
    expect(shellQuote('a b.csv')).toBe("'a b.csv'");
    expect(shellQuote('单位.xlsx')).toBe("'单位.xlsx'");
    expect(shellQuote('data_2024-v1.csv')).toBe('data_2024-v1.csv');
    expect(shellQuote('/tmp/x/data.csv')).toBe('/tmp/x/data.csv');
    expect(shellQuote('')).toBe("''");
  });
  it('sh reads the quoted name back as it was, running nothing in it', () => {
    const dir = tempDir();
    for (const name of [HOSTILE, "a;rm -rf ~;.csv", "'", "''\\'$HOME`id`\n2.csv", '-x.csv'])
      expect(runHint(`tijian map ${shellQuote(name)}`, dir)).toBe(`map\n${name}\n`);
    expect(existsSync(join(dir, 'X'))).toBe(false);
  });
});

describe('the hints that suggest a command with a file name', () => {
  it('the unknown-table refusal: `tijian map NAME` with NAME quoted', () => {
    const headers = ['甲乙丙', '丁戊己'];
    let err: unknown;
    try {
      checkAnyRecognised(detectTable(headers, HOSTILE), headers, HOSTILE);
    } catch (e) {
      err = e;
    }
    expect(isTijianError(err)).toBe(true);
    const e = err as { zh: string; en: string };
    const quoted = "`tijian map 'x$(touch X)it'\\''s;.csv'`";
    expect(e.zh).toContain(`请运行 ${quoted} 生成映射模板`);
    expect(e.en).toContain(`run ${quoted} for a mapping template`);
    const dir = tempDir();
    expect(runHint(/`(tijian map [^`]*)`/.exec(e.en)![1]!, dir)).toBe(`map\n${HOSTILE}\n`);
    expect(existsSync(join(dir, 'X'))).toBe(false);
  });
  it('the mapping template\'s usage line quotes the file', () => {
    expect(mappingTemplate(HOSTILE, ['案件编号', '当事人'])).toContain("# 使用 use: tijian import --workspace W.duckdb --mapping THIS.yaml 'x$(touch X)it'\\''s;.csv'\n");
  });
});

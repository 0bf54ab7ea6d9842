// Issue 16, failure 8: `index check` validates; it must not run the SQL it checks (a huge range or
// a recursive CTE made it hang), create anything while checking (binding EXPORT DATABASE 'dir'
// created the folder), or call a YAML alias bomb an internal error.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { DEFAULT_INDEX_PATH } from '../eval/run.js';
import { IsolatedRunner } from '../fuzz/isolated.js';
import { tempDir } from '../test/helpers.js';
import { checkIndexText } from './validate.js';

const runner = new IsolatedRunner({ timeoutMs: 60_000 });
afterAll(() => runner.close());

function withIndicatorSql(sql: string): string {
  const doc = parseDocument(readFileSync(DEFAULT_INDEX_PATH, 'utf8'));
  doc.setIn(['indicators', 0, 'sql'], sql);
  return String(doc);
}

type Checked = { system?: unknown; errors: Array<{ path: string; message: string }> };

describe('index check validates without running the SQL', () => {
  it('an indicator over range(1000000000000) or a never-ending recursive CTE is checked, not run', async () => {
    for (const sql of [
      `SELECT 'COUNTY' AS entity_id, count(*) AS numerator, 1 AS denominator FROM range(1000000000000) WHERE $end IS NOT NULL`,
      `WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT 'COUNTY' AS entity_id, max(n) AS numerator, 1 AS denominator FROM r WHERE $end IS NOT NULL`,
    ]) {
      const o = await runner.run<Checked>({ op: 'check-index', text: withIndicatorSql(sql) }, 60_000);
      expect(o.kind, sql).toBe('ok');
      if (o.kind === 'ok') expect(o.value.errors).toEqual([]);
    }
  }, 180_000);

  it('EXPORT DATABASE, COPY and PRAGMA are refused as not SELECT, and nothing is created', async () => {
    const dir = tempDir();
    const target = join(dir, 'exported');
    for (const sql of [`EXPORT DATABASE '${target}'`, `COPY (SELECT 1) TO '${target}.csv'`, `PRAGMA database_list`]) {
      const r = await checkIndexText(withIndicatorSql(sql));
      expect(r.system).toBeUndefined();
      expect(r.errors.find((e) => e.path === 'indicators[0].sql')?.message).toContain('只能是 SELECT 语句');
    }
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.csv`)).toBe(false);
  });

  it('a second statement, a syntax error and a file read as a table are each told at their path', async () => {
    const dir = tempDir();
    const cases: Array<[string, string]> = [
      [`SELECT 'COUNTY' AS entity_id, 1 AS numerator, 1 AS denominator; SELECT 2`, '只能是一条 SELECT 语句'],
      [`SELECT 'COUNTY' AS entity_id FRM unit`, 'SQL 语法错误'],
      [`SELECT * FROM '${join(dir, 'x.csv')}'`, '只能查询规范数据表'],
    ];
    for (const [sql, msg] of cases) {
      const r = await checkIndexText(withIndicatorSql(sql));
      expect(r.errors.find((e) => e.path === 'indicators[0].sql')?.message, sql).toContain(msg);
    }
  });

  it('a YAML alias bomb is reported as one, not as an internal error', async () => {
    let bomb = 'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n';
    for (let i = 0; i < 8; i++) bomb += `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(9).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]\n`;
    const r = await checkIndexText(bomb);
    expect(r.system).toBeUndefined();
    expect(r.errors[0]!.message).toContain('别名炸弹');
    const file = join(tempDir(), 'bomb.yaml');
    writeFileSync(file, bomb);
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['index', 'check', file], { out: (s) => out.push(s), err: (s) => err.push(s) });
    expect(code).toBe(1);
    expect(out.join('\n')).toContain('别名炸弹');
    expect([...out, ...err].join('\n')).not.toContain('内部错误');
  });
});

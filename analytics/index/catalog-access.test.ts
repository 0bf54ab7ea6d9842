// An index file's SQL reads the canonical tables only (hostile probe 8, P8-10): the catalog's views
// (information_schema, pg_catalog, sqlite_master, pg_settings, system.main.duckdb_*), SHOW /
// DESCRIBE / SUMMARIZE, and the functions that read settings or the session (current_setting put
// the private temp path into an indicator's value) are refused in words at their path; the
// workspace's own tables (tijian_meta holds the form-signing key) stay refused; the default index,
// CTEs and main.-qualified canonical tables still pass.
import { readFileSync } from 'node:fs';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_PATH } from '../eval/run.js';
import { checkIndexText } from './validate.js';

const DEFAULT_TEXT = readFileSync(DEFAULT_INDEX_PATH, 'utf8');

function withIndicatorSql(sql: string): string {
  const doc = parseDocument(DEFAULT_TEXT);
  doc.setIn(['indicators', 0, 'sql'], sql);
  return String(doc);
}

const row = (from: string, value = 'count(*)') => `SELECT 'COUNTY' AS entity_id, ${value} AS numerator, 1 AS denominator FROM ${from} WHERE $end IS NOT NULL`;

describe('index SQL cannot read the catalog, settings or session', () => {
  it('refuses each in words, naming what it read', async () => {
    const unknown = (what: string) => `只能查询规范数据表，未知的表：${what} / only canonical tables may be queried; unknown: ${what}`;
    const state = (what: string) => `不能读取数据库的设置或会话信息：${what}，指标只能由规范数据表计算 / the database's settings and session may not be read: ${what}; indicators are computed from the canonical tables`;
    const show = '只能是 SELECT 语句（不能用 SHOW、DESCRIBE、SUMMARIZE）/ must be a SELECT statement (not SHOW, DESCRIBE or SUMMARIZE)';
    const cases: Array<[string, string]> = [
      [row('information_schema.tables'), unknown('information_schema.tables')],
      [row('information_schema.columns'), unknown('information_schema.columns')],
      [row('pg_catalog.pg_tables'), unknown('pg_catalog.pg_tables')],
      [row('sqlite_master'), unknown('sqlite_master')],
      [row('pg_settings'), unknown('pg_settings')],
      [row('system.main.duckdb_tables'), unknown('system.main.duckdb_tables')],
      [row('memory.main.penalty_case'), unknown('memory.main.penalty_case')],
      [row('penalty_case', `length(current_setting('temp_directory'))`), state('current_setting()')],
      [row('penalty_case', `length(getvariable('x'))`), state('getvariable()')],
      [row('penalty_case', 'length(version())'), state('version()')],
      [`SUMMARIZE penalty_case`, show],
      [`DESCRIBE penalty_case`, show],
    ];
    for (const [sql, message] of cases) {
      const r = await checkIndexText(withIndicatorSql(sql));
      expect(r.system, sql).toBeUndefined();
      expect(r.errors.find((x) => x.path === 'indicators[0].sql')?.message, sql).toBe(message);
    }
  });

  // (with a parameter in the statement — as every indicator has — getTableNames named no table, so
  // these passed before)
  it('refuses the workspace’s own tables, by name, qualified or in a subquery', async () => {
    for (const [from, named] of [['tijian_meta', 'tijian_meta'], ['main.tijian_meta', 'main.tijian_meta'], ['(SELECT value FROM tijian_meta) m', 'tijian_meta'], ['penalty_case, eval_run', 'eval_run']]) {
      const r = await checkIndexText(withIndicatorSql(row(from!)));
      expect(r.errors.find((x) => x.path === 'indicators[0].sql')?.message, from).toBe(`只能查询规范数据表，未知的表：${named} / only canonical tables may be queried; unknown: ${named}`);
    }
  });

  it('passes the default index, a CTE named like a catalog view and main.-qualified canonical tables', async () => {
    expect((await checkIndexText(DEFAULT_TEXT)).errors).toEqual([]);
    for (const sql of [
      `WITH sqlite_master AS (SELECT unit_id FROM penalty_case) ${row('sqlite_master')}`,
      row('main.penalty_case'),
      row('penalty_case', 'count(*) FILTER (WHERE lower(unit_id) IS NOT NULL)'),
    ]) {
      const r = await checkIndexText(withIndicatorSql(sql));
      expect(r.errors, sql).toEqual([]);
    }
  });
});

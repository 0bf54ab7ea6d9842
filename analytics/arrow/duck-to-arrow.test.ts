import { tableFromIPC, Type } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { memoryDb } from '../test/helpers.js';
import { queryArrow, queryIPC } from './duck-to-arrow.js';

const DAY = 86_400_000;

/** A row of the decoded Arrow table as plain values comparable with Db.all's. */
function plain(v: unknown, typeId: Type): unknown {
  if (v === null || v === undefined) return null;
  if (typeId === Type.Date) return new Date(v as number).toISOString().slice(0, 10);
  if (typeId === Type.List) return [...(v as Iterable<unknown>)];
  return v;
}

describe('DuckDB → Arrow', () => {
  it('matches DuckDB’s own values for every type the workspace uses, nulls included', async () => {
    const db = await memoryDb();
    await db.exec(`CREATE TABLE t AS SELECT * FROM (VALUES
      (1::INTEGER, 10::BIGINT, 1.5::DOUBLE, 1234.50::DECIMAL(18,2), DATE '2024-03-05', '嵊泗县综合行政执法局', ['ZF0001', 'ZF0002'], TRUE, 3::TINYINT, '{"a":1}'::JSON, TIMESTAMP '2024-01-02 03:04:05'),
      (NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL),
      (-7, 9007199254740991, -0.25, -0.01, DATE '1970-01-01', '', [], FALSE, -1, '[]', TIMESTAMP '1999-12-31 23:59:59'),
      (2147483647, -42, 1e300, 9999999999999999.99, DATE '1969-12-31', 'a"b,c', ['x', NULL], NULL, 127, NULL, NULL)
    ) v(i, b, d, m, dt, s, l, flag, tiny, j, ts)`);
    const expected = await db.all<Record<string, unknown>>(`SELECT * FROM t`);
    const table = tableFromIPC(await queryIPC(db.conn, `SELECT * FROM t`));
    expect(table.numRows).toBe(4);
    const types = Object.fromEntries(table.schema.fields.map((f) => [f.name, f.typeId]));
    expect(types).toEqual({
      i: Type.Int, b: Type.Float, d: Type.Float, m: Type.Float, dt: Type.Date, s: Type.Utf8, l: Type.List, flag: Type.Bool, tiny: Type.Int, j: Type.Utf8, ts: Type.Utf8,
    });
    const got = table.toArray().map((row) => {
      const o: Record<string, unknown> = {};
      for (const f of table.schema.fields) o[f.name] = plain(row[f.name], f.typeId);
      return o;
    });
    // Db.all: BIGINT → number, DATE → ISO, DECIMAL → number, timestamps → ISO with a T; Arrow keeps DuckDB's text.
    const want = expected.map((r) => ({ ...r, ts: r.ts === null ? null : String(r.ts).replace('T', ' ').replace(/\.000Z$/, '') }));
    expect(got).toEqual(want);
  });

  it('keeps big integers exact as text, and dates as days since the epoch', async () => {
    const db = await memoryDb();
    const t = await queryArrow(db.conn, `SELECT 9007199254740993::BIGINT AS big, 170141183460469231731687303715884105727::HUGEINT AS huge, DATE '2024-02-29' AS d`);
    expect(t.schema.fields.map((f) => f.typeId)).toEqual([Type.Utf8, Type.Utf8, Type.Date]);
    const row = t.get(0)!;
    expect(row.big).toBe('9007199254740993');
    expect(row.huge).toBe('170141183460469231731687303715884105727');
    expect(row.d).toBe(Date.UTC(2024, 1, 29));
    expect((row.d as number) % DAY).toBe(0);
  });

  it('converts many chunks (more than one DuckDB vector) and duplicate column names', async () => {
    const db = await memoryDb();
    const n = 5000;
    const t = await queryArrow(
      db.conn,
      `SELECT i AS x, i * 2 AS x, CASE WHEN i % 3 = 0 THEN NULL ELSE 'r' || i END AS s, [CAST(i AS VARCHAR)] AS l FROM range(${n}) r(i) ORDER BY i`,
    );
    expect(t.numRows).toBe(n);
    expect(t.schema.fields.map((f) => f.name)).toEqual(['x', 'x:1', 's', 'l']);
    const s = t.getChild('s')!;
    expect(s.nullCount).toBe(Math.ceil(n / 3));
    expect(s.get(4999)).toBe('r4999');
    expect(s.get(4998)).toBe(null);
    expect(t.getChild('x:1')!.get(4999)).toBe(9998);
    expect([...t.getChild('l')!.get(2500)!]).toEqual(['2500']);
  });
});

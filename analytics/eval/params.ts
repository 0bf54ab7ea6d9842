// Binding the period parameters ($start, $end, $year, $prev_start, $prev_end, $yoy_start, $yoy_end,
// $entity_id) to an index system's SQL — only those the statement uses. $prev_*: the period just
// before (the previous evaluation); $yoy_*: the same period a year earlier (同比, and what a
// 12-month follow-up window needs).
import { dateValue, type DuckDBValue } from '@duckdb/node-api';
import { lit, type Db } from '../db/duck.js';
import { periodYear, previousPeriod, yearEarlier, type Period } from './period.js';

export type ParamValues = Record<string, DuckDBValue>;

function date(isoDate: string): DuckDBValue {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return dateValue({ year: y, month: m, day: d });
}

export function periodParams(p: Period, comparison?: Period): ParamValues {
  const prev = comparison ?? previousPeriod(p);
  const ago = yearEarlier(p);
  return {
    start: date(p.start),
    end: date(p.end),
    year: periodYear(p),
    prev_start: date(prev.start),
    prev_end: date(prev.end),
    yoy_start: date(ago.start),
    yoy_end: date(ago.end),
  };
}

const nameCache = new Map<string, string[]>();

/** Names of the parameters a statement uses. */
export async function statementParams(db: Db, sql: string): Promise<string[]> {
  let names = nameCache.get(sql);
  if (!names) {
    // one statement only (preparing a list would run all but its last)
    await db.assertOneStatement(sql);
    const stmt = await db.conn.prepare(sql);
    try {
      names = Array.from({ length: stmt.parameterCount }, (_, i) => stmt.parameterName(i + 1));
    } finally {
      stmt.destroySync();
    }
    nameCache.set(sql, names);
  }
  return names;
}

export async function bindFor(db: Db, sql: string, all: ParamValues): Promise<ParamValues> {
  const out: ParamValues = {};
  for (const n of await statementParams(db, sql)) {
    if (n in all) out[n] = all[n]!;
  }
  return out;
}

/** A SQL literal for a parameter value (dates as DATE '…'). */
function literal(v: DuckDBValue): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'number' || typeof v === 'bigint') return String(v);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return lit(v);
  // DuckDBDateValue prints as YYYY-MM-DD
  return `DATE '${String(v)}'`;
}

/**
 * The statement with its $parameters replaced by literals, outside quoted strings and
 * identifiers — for views, which cannot hold parameters.
 */
export function inlineParams(sql: string, values: ParamValues): string {
  return sql.replace(/('(?:[^']|'')*'|"(?:[^"]|"")*")|\$([a-z_][a-z0-9_]*)/gi, (m, quoted: string | undefined, name: string | undefined) => {
    if (quoted) return quoted;
    return name && name in values ? literal(values[name]!) : m;
  });
}

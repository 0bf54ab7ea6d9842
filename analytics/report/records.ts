// A unit's own records behind a finding, for the rectification requirements (整改要求) of its report:
// how many records fall short and the first few of them (their number and date) — the overdue cases
// by case number, the inspections not recorded on the mobile terminal, the officers without a valid
// certificate. Read from the lineage queries of the index text the run used: for an indicator where
// lower is better the records counted in the numerator; where higher is better, the records of the
// denominator that are not in the numerator; for a red line its own listing. Personal columns are
// never read out: only the first column (the record's number) and the first date column.
import { lit, readerRows } from '../db/duck.js';
import { inlineParams, periodParams } from '../eval/params.js';
import { parsePeriod } from '../eval/period.js';
import { materializeDerived } from '../eval/run.js';
import type { EvaluationResult } from '../eval/types.js';
import { parseIndexText } from '../index/parse.js';
import type { Workspace } from '../workspace/workspace.js';

export interface RecordRef {
  /** The record's number (案件编号, 检查编号, 工单编号, 人员编号 …). */
  id: string;
  /** Its first date (立案日期, 检查日期 …) as ISO, when it has one. */
  date: string | null;
  /** The name of that date column (立案日期). */
  dateLabel: string | null;
}

export interface UnitRecords {
  /** How many records fall short. */
  total: number;
  /** The first of them (at most SAMPLE). */
  sample: RecordRef[];
}

/** unit id → indicator or red line id → the records. */
export type RecordIndex = Record<string, Record<string, UnitRecords>>;

export const SAMPLE = 2;

/** Columns that may hold personal data are never cited, even when they come first. */
const PERSONAL_COLUMN = /姓名|当事人|被许可人|检查对象$|承办人|人员$|未匹配/;

function iso(v: unknown): string | null {
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  const s = String(v ?? '');
  return /^\d{4}-\d{2}-\d{2}/.test(s) ? s.slice(0, 10) : null;
}

/** The columns cited: the record's number and its first date. */
function citedColumns(columns: readonly string[]): { idCol: string | undefined; dateCol: string | undefined } {
  const usable = columns.filter((c) => !c.startsWith('__') && !PERSONAL_COLUMN.test(c));
  return { idCol: usable.find((c) => /编号$|编码$/.test(c)) ?? usable[0], dateCol: columns.find((c) => /日期$/.test(c)) };
}

/** Numbers in number order (〔2023〕5号 before 〔2023〕23号). */
const NUMBER_ORDER = new Intl.Collator('zh-CN', { numeric: true });

/** A record with several numbers (a subject's permits, string_agg'd in no fixed order by an index
 *  file's listing): its numbers in number order, so two writes cite it alike. */
function orderedId(v: unknown): string {
  const parts = String(v).split('、');
  return parts.length > 1 ? parts.sort(NUMBER_ORDER.compare).join('、') : String(v);
}

function refs(rows: Array<Record<string, unknown>>, columns: string[]): RecordRef[] {
  const { idCol, dateCol } = citedColumns(columns);
  if (!idCol) return [];
  return rows
    .filter((r) => r[idCol] !== null && r[idCol] !== undefined && r[idCol] !== '')
    .map((r) => ({ id: orderedId(r[idCol]), date: dateCol ? iso(r[dateCol]) : null, dateLabel: dateCol ?? null }));
}

/**
 * The records of each (unit, id) asked for. Ids without a record-level listing (an average, a
 * per-100 figure) are left out. Needs the workspace that holds the run's data.
 */
export async function loadUnitRecords(ws: Workspace, run: EvaluationResult, wanted: ReadonlyArray<{ unit: string; id: string }>): Promise<RecordIndex> {
  const out: RecordIndex = {};
  if (!wanted.length) return out;
  const row = await ws.db.one<{ index_text: string }>(`SELECT index_text FROM eval_run WHERE run_id = ${Number(run.run_id)}`);
  if (!row) return out;
  const sys = parseIndexText(row.index_text).system;
  if (!sys) return out;
  const period = parsePeriod(run.period.label);
  const params = periodParams(period);
  if (sys.derived.length) await materializeDerived(ws.db, sys, params, { views: true });
  // one statement per listing: the units' queries (entity inlined) joined with UNION ALL
  const byId = new Map<string, string[]>();
  for (const { unit, id } of wanted) byId.set(id, [...(byId.get(id) ?? []), unit]);
  for (const [id, unitIds] of byId) {
    const ind = sys.indicators.find((x) => x.id === id);
    const rl = sys.red_lines.find((x) => x.id === id);
    let listing: string | null = null;
    let numerator: string | null = null;
    if (rl) listing = rl.lineage;
    else if (ind && (ind.direction === 'lower' || ind.kind === 'count')) {
      // a count or a "lower is better" ratio: the records counted are the ones that fall short
      if (ind.lineage.numerator_exact !== false) listing = ind.lineage.numerator;
    } else if (ind && ind.lineage.denominator) {
      listing = ind.lineage.denominator;
      numerator = ind.lineage.numerator;
    }
    if (!listing) continue;
    const clean = (x: string) => x.trim().replace(/;\s*$/, '');
    const ent = (sql: string, u: string) => inlineParams(clean(sql), { ...params, entity_id: u });
    // higher is better: the records of the denominator not in the numerator, matched on the first
    // column of each listing; the county's numerator (every unit's) is computed once
    const cols = numerator ? await firstColumns(ws, clean(listing), clean(numerator)) : null;
    if (numerator && !cols) continue;
    // the first records by date and number: without an order, the anti-join and the window let
    // DuckDB hand back any of them (the same report cited 204号、289号 or 289号、204号 run to run)
    const listed = (await columnNames(ws, clean(listing))) ?? [];
    const cited = citedColumns(listed);
    const q2 = (c: string) => `t."${c.replace(/"/g, '""')}"`;
    // then the listing's first column (its key: 统一社会信用代码 where the number cited is a
    // string_agg of permits), so records alike on date and number still come in one order
    const order = [...new Set([cited.dateCol, cited.idCol, listed[0]].filter((c): c is string => !!c))].map(q2);
    const q =
      (numerator ? `WITH __num AS MATERIALIZED (${ent(numerator, 'COUNTY')})\n` : '') +
      unitIds
        .map((u) => {
          const from = `(${ent(listing!, u)}) t`;
          const where = cols ? ` WHERE NOT EXISTS (SELECT 1 FROM __num n WHERE n.${cols.num} = t.${cols.den})` : '';
          return `(SELECT ${lit(u)} AS __u, count(*) OVER () AS __n, t.* FROM ${from}${where}${order.length ? ` ORDER BY ${order.join(', ')}` : ''} LIMIT ${SAMPLE})`;
        })
        .join('\nUNION ALL\n');
    try {
      const reader = await ws.db.conn.runAndReadAll(q);
      const rows = readerRows(reader);
      const columns = reader.columnNames();
      for (const u of unitIds) {
        const mine = rows.filter((r) => r.__u === u);
        (out[u] ??= {})[id] = { total: mine.length ? Number(mine[0]!.__n) : 0, sample: refs(mine, columns) };
      }
    } catch {
      // a listing that cannot run on this workspace (a table never imported): no records cited
    }
  }
  return out;
}

/** The quoted first column of the denominator's and the numerator's listings (their record numbers). */
async function firstColumns(ws: Workspace, den: string, num: string): Promise<{ den: string; num: string } | null> {
  const [d, n] = [await columnNames(ws, den), await columnNames(ws, num)];
  if (!d?.length || !n?.length) return null;
  const q = (c: string) => `"${c.replace(/"/g, '""')}"`;
  return { den: q(d[0]!), num: q(n[0]!) };
}

/** A listing's column names (null when it cannot run here). */
async function columnNames(ws: Workspace, sql: string): Promise<string[] | null> {
  try {
    const r = await ws.db.conn.runAndReadAll(`SELECT * FROM (${sql.replace(/\$([a-z_]+)/g, 'NULL')}) LIMIT 0`);
    return r.columnNames();
  } catch {
    return null;
  }
}

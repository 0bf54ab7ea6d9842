// Reviewers' marks on hits (已核实 / 已排除 / 待核查, with a note). A mark belongs to rule + hit_key
// and the period whose clue it concludes, not to a run: re-running the rules, or re-importing the
// same records, finds it again. A still-open case is a new clue each period (a new fact: more days
// open), so last period's 已排除 is shown as history (previous_mark), never as this period's status.
// Every change is appended to review_mark_log with its period, which is where a period's marks are
// read from; review_mark keeps each hit's latest mark (any period) and its keys.
import { lit } from '../db/duck.js';
import { tryParsePeriod, type Period } from '../eval/period.js';
import { TijianError } from '../i18n/errors.js';
import { checkTypedText } from '../i18n/shown.js';
import type { Workspace } from '../workspace/workspace.js';
import { hitKey as canonicalKey, hitRef } from './keys.js';
import type { MarkStatus, PreviousMark, ReviewMark } from './types.js';

export const MARK_STATUSES: readonly MarkStatus[] = ['待核查', '已核实', '已排除'];

export interface MarkInput {
  rule: string;
  hitKey: string;
  status: MarkStatus;
  note?: string;
  reviewer?: string | null;
  /** The hit's key values, kept with the mark for the record (optional). */
  keys?: Record<string, unknown>;
  /** The period whose clue the mark concludes (2024, 2024H1 …): the mark holds for that period only. */
  period: string;
}

export interface StoredMark extends ReviewMark {
  rule: string;
  hit_key: string;
  ref: string;
  keys: Record<string, unknown> | null;
  period_label: string | null;
  created_at: string;
}

export interface MarkLogEntry {
  rule: string;
  hit_key: string;
  status: MarkStatus;
  note: string;
  reviewer: string | null;
  period_label: string | null;
  at: string;
}

export function isMarkStatus(s: string): s is MarkStatus {
  return (MARK_STATUSES as readonly string[]).includes(s);
}

function checkInput(input: MarkInput): void {
  if (!isMarkStatus(input.status)) {
    throw new TijianError('USAGE', `核查状态只能是 ${MARK_STATUSES.join('、')}：${String(input.status)}`, `Status must be one of ${MARK_STATUSES.join(', ')}: ${String(input.status)}`);
  }
  if (!input.rule || !input.hitKey || !input.hitKey.includes('=')) {
    throw new TijianError('USAGE', `线索标识不完整（规则 ${input.rule}，键 ${input.hitKey}）`, `Incomplete hit identity (rule ${input.rule}, key ${input.hitKey})`);
  }
  if (input.keys && canonicalKey(input.keys) !== input.hitKey) {
    throw new TijianError('USAGE', `线索键值与 hit_key 不一致：${input.hitKey}`, `The keys do not match the hit_key: ${input.hitKey}`);
  }
  if (!input.period || !tryParsePeriod(input.period)) {
    throw new TijianError('USAGE', `核查标注须注明所针对的期间（如 2024）：${String(input.period ?? '未给出')}`, `A mark needs the period whose clue it concludes (e.g. 2024): ${String(input.period ?? 'none given')}`);
  }
  checkTypedText(input.note, ['核查说明', 'Note']);
  checkTypedText(input.reviewer, ['核查人', 'Reviewer']);
}

/** Sets (or replaces) the mark of a hit and logs the change. */
export async function markHit(ws: Workspace, input: MarkInput): Promise<ReviewMark> {
  checkInput(input);
  const now = new Date().toISOString();
  const note = input.note ?? '';
  const reviewer = input.reviewer ?? null;
  const period = tryParsePeriod(input.period)!.label;
  const keys = input.keys ? JSON.stringify(input.keys) : null;
  const db = ws.db;
  await db.transaction(async () => {
    await db.exec(
      `INSERT INTO review_mark (rule_id, hit_key, ref, keys, status, note, reviewer, period_label, created_at, updated_at)
       VALUES (${lit(input.rule)}, ${lit(input.hitKey)}, ${lit(hitRef(input.rule, input.hitKey))}, ${keys === null ? 'NULL' : `${lit(keys)}::JSON`},
               ${lit(input.status)}, ${lit(note)}, ${lit(reviewer)}, ${lit(period)}, ${lit(now)}::TIMESTAMP, ${lit(now)}::TIMESTAMP)
       ON CONFLICT (rule_id, hit_key) DO UPDATE SET
         status = excluded.status, note = excluded.note, reviewer = excluded.reviewer,
         keys = coalesce(excluded.keys, review_mark.keys),
         period_label = excluded.period_label,
         updated_at = excluded.updated_at`,
    );
    await db.exec(
      `INSERT INTO review_mark_log (rule_id, hit_key, status, note, reviewer, period_label, changed_at)
       VALUES (${lit(input.rule)}, ${lit(input.hitKey)}, ${lit(input.status)}, ${lit(note)}, ${lit(reviewer)}, ${lit(period)}, ${lit(now)}::TIMESTAMP)`,
    );
  });
  return { status: input.status, note, reviewer, updated_at: now };
}

interface MarkRow {
  rule: string;
  hit_key: string;
  ref: string;
  keys: string | null;
  status: MarkStatus;
  note: string;
  reviewer: string | null;
  period_label: string | null;
  created_at: string;
  updated_at: string;
}

/** Current marks — one per hit and period (a mark made without a period, before marks were
 *  scoped, has period_label null) — oldest change first; optionally of one rule, hit, ref or period. */
export async function listMarks(ws: Workspace, filter: { rule?: string; hitKey?: string; ref?: string; period?: string } = {}): Promise<StoredMark[]> {
  const label = filter.period === undefined ? undefined : (tryParsePeriod(filter.period)?.label ?? filter.period);
  const where = [
    filter.rule ? `l.rule_id = ${lit(filter.rule)}` : null,
    filter.hitKey ? `l.hit_key = ${lit(filter.hitKey)}` : null,
    filter.ref ? `m.ref = ${lit(filter.ref)}` : null,
    label !== undefined ? `l.period_label = ${lit(label)}` : null,
  ].filter(Boolean);
  // the latest change of each hit and period is its current mark (the log holds every change)
  const rows = await ws.db.all<MarkRow>(
    `WITH l AS (
       SELECT *, min(changed_at) OVER (PARTITION BY rule_id, hit_key, period_label) AS created_at,
              row_number() OVER (PARTITION BY rule_id, hit_key, period_label ORDER BY log_id DESC) AS nth
       FROM review_mark_log
     )
     SELECT l.rule_id AS rule, l.hit_key, m.ref, CAST(m.keys AS VARCHAR) AS keys, l.status, l.note, l.reviewer, l.period_label,
            l.created_at, l.changed_at AS updated_at
     FROM l JOIN review_mark m ON m.rule_id = l.rule_id AND m.hit_key = l.hit_key
     WHERE l.nth = 1 ${where.length ? `AND ${where.join(' AND ')}` : ''}
     ORDER BY l.log_id`,
  );
  return rows.map((r) => ({ ...r, keys: r.keys === null ? null : (JSON.parse(r.keys) as Record<string, unknown>) }));
}

/** Every change of a hit's mark (or of all marks), oldest first. */
export async function markHistory(ws: Workspace, filter: { rule?: string; hitKey?: string } = {}): Promise<MarkLogEntry[]> {
  const where = [filter.rule ? `rule_id = ${lit(filter.rule)}` : null, filter.hitKey ? `hit_key = ${lit(filter.hitKey)}` : null].filter(Boolean);
  return ws.db.all<MarkLogEntry>(
    `SELECT rule_id AS rule, hit_key, status, note, reviewer, period_label, changed_at AS at FROM review_mark_log
     ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY log_id`,
  );
}

/** The marks of a period's hits by rule + hit_key: `mark`, the conclusion made for this period;
 *  `previous`, the latest one made for an earlier period (or without a period), shown as history. */
export async function marksByHit(ws: Workspace, period: Period): Promise<Map<string, { mark: ReviewMark | null; previous: PreviousMark | null }>> {
  const out = new Map<string, { mark: ReviewMark | null; previous: PreviousMark | null; previousEnd?: string }>();
  for (const m of await listMarks(ws)) {
    const p = m.period_label === null ? null : tryParsePeriod(m.period_label);
    const k = markKey(m.rule, m.hit_key);
    const slot = out.get(k) ?? { mark: null, previous: null };
    const mark: ReviewMark = { status: m.status, note: m.note, reviewer: m.reviewer, updated_at: m.updated_at };
    if (p && p.label === period.label) slot.mark = mark;
    else if (!p || p.end < period.end) {
      // earlier periods by their end, the latest change first among equals; no period = oldest
      const end = p?.end ?? '';
      if (!slot.previous || end >= (slot.previousEnd ?? '')) {
        slot.previous = { ...mark, period: p?.label ?? null };
        slot.previousEnd = end;
      }
    } else continue;
    out.set(k, slot);
  }
  return new Map([...out].map(([k, v]) => [k, { mark: v.mark, previous: v.previous }]));
}

export function markKey(rule: string, key: string): string {
  return `${rule}\u0000${key}`;
}

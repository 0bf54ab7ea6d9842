// Reviewers' marks on hits (已核实 / 已排除 / 待核查, with a note). A mark belongs to rule + hit_key,
// not to a run: re-running the rules, or re-importing the same records, finds it again. Every
// change is also appended to review_mark_log.
import { lit } from '../db/duck.js';
import { TijianError } from '../i18n/errors.js';
import { checkTypedText } from '../i18n/shown.js';
import type { Workspace } from '../workspace/workspace.js';
import { hitKey as canonicalKey, hitRef } from './keys.js';
import type { MarkStatus, ReviewMark } from './types.js';

export const MARK_STATUSES: readonly MarkStatus[] = ['待核查', '已核实', '已排除'];

export interface MarkInput {
  rule: string;
  hitKey: string;
  status: MarkStatus;
  note?: string;
  reviewer?: string | null;
  /** The hit's key values, kept with the mark for the record (optional). */
  keys?: Record<string, unknown>;
  /** The period the reviewer was looking at (optional, for the record). */
  period?: string;
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
  checkTypedText(input.note, ['核查说明', 'Note']);
  checkTypedText(input.reviewer, ['核查人', 'Reviewer']);
}

/** Sets (or replaces) the mark of a hit and logs the change. */
export async function markHit(ws: Workspace, input: MarkInput): Promise<ReviewMark> {
  checkInput(input);
  const now = new Date().toISOString();
  const note = input.note ?? '';
  const reviewer = input.reviewer ?? null;
  const period = input.period ?? null;
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
         period_label = coalesce(excluded.period_label, review_mark.period_label),
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

/** Current marks, oldest change first; optionally of one rule, one hit, or one ref. */
export async function listMarks(ws: Workspace, filter: { rule?: string; hitKey?: string; ref?: string } = {}): Promise<StoredMark[]> {
  const where = [
    filter.rule ? `rule_id = ${lit(filter.rule)}` : null,
    filter.hitKey ? `hit_key = ${lit(filter.hitKey)}` : null,
    filter.ref ? `ref = ${lit(filter.ref)}` : null,
  ].filter(Boolean);
  const rows = await ws.db.all<MarkRow>(
    `SELECT rule_id AS rule, hit_key, ref, CAST(keys AS VARCHAR) AS keys, status, note, reviewer, period_label, created_at, updated_at
     FROM review_mark ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
     ORDER BY updated_at, rule_id, hit_key`,
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

/** All current marks by rule + hit_key, for joining to a run's hits. */
export async function marksByHit(ws: Workspace): Promise<Map<string, ReviewMark>> {
  const out = new Map<string, ReviewMark>();
  for (const m of await listMarks(ws)) out.set(markKey(m.rule, m.hit_key), { status: m.status, note: m.note, reviewer: m.reviewer, updated_at: m.updated_at });
  return out;
}

export function markKey(rule: string, key: string): string {
  return `${rule}\u0000${key}`;
}

// The ledger: reading items (with the status as of a date and their newest check), their history,
// and changing them — every change appended to rectify_event with the item's full state after it,
// its time and its source, in the transaction that changes the item.
//
// 逾期 is derived, never stored: an item whose stored status is 待整改 or 整改中 is 逾期 when its
// deadline is before the as-of date (default: today in China, UTC+8). An item due today is not
// yet overdue.
import { userInfo } from 'node:os';
import type { Db } from '../db/duck.js';
import { lit } from '../db/duck.js';
import { TijianError } from '../i18n/errors.js';
import { checkTypedText } from '../i18n/shown.js';
import { maskName, maskNumbersInText, maskRecord } from '../privacy/mask.js';
import { isCalendarDate, todayIso } from '../report/format.js';
import {
  itemCode,
  OPEN_STATUSES,
  STATUSES,
  type CheckInfo,
  type Evidence,
  type ItemFilter,
  type ItemPatch,
  type RectifyEvent,
  type RectifyItem,
  type RectifyStatus,
  type StoredStatus,
} from './types.js';

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The as-of date: given, or today in China. */
export function asOfDate(asOf?: string): string {
  if (asOf === undefined) return todayIso();
  if (!isCalendarDate(asOf)) {
    throw new TijianError('USAGE', `日期格式应为 YYYY-MM-DD：${asOf}`, `A date must be YYYY-MM-DD: ${asOf}`);
  }
  return asOf;
}

/** The status shown as of a date (逾期 for open items past their deadline). */
export function effectiveStatus(stored: StoredStatus, deadline: string, asOf: string): RectifyStatus {
  return (OPEN_STATUSES as readonly string[]).includes(stored) && deadline < asOf ? '逾期' : stored;
}

/** SQL for the same: the status of `rectify_item i` as of a date. */
export function effectiveStatusSql(asOf: string, alias = 'i'): string {
  return `CASE WHEN ${alias}.status IN ('待整改', '整改中') AND ${alias}.deadline < ${lit(asOf)}::DATE THEN '逾期' ELSE ${alias}.status END`;
}

interface ItemRow {
  item_id: number;
  natural_key: string;
  period_label: string;
  period_start: string;
  period_end: string;
  run_id: number;
  unit_id: string;
  unit_name: string | null;
  kind: RectifyItem['kind'];
  source_id: string;
  source_name: string;
  criterion: RectifyItem['criterion'];
  severity: RectifyItem['severity'];
  problem: string;
  requirement: string;
  evidence: string;
  issued_on: string;
  deadline: string;
  status: StoredStatus;
  eff_status: RectifyStatus;
  status_reason: string | null;
  measures: string | null;
  completed_on: string | null;
  proof: string | null;
  owner: string | null;
  created_at: string;
  updated_at: string;
  days_overdue: number;
  check_period: string | null;
  check_outcome: CheckInfo['outcome'] | null;
  check_observed: number | null;
  check_zh: string | null;
  check_en: string | null;
  checked_at: string | null;
}

function itemSql(asOf: string, where: string[]): string {
  return `
    WITH latest AS (
      -- the newest check of each item: the latest period checked, its newest row
      SELECT item_id, arg_max(period_label, (period_end, check_id)) AS check_period, arg_max(outcome, (period_end, check_id)) AS check_outcome,
             arg_max(observed, (period_end, check_id)) AS check_observed, arg_max(detail_zh, (period_end, check_id)) AS check_zh,
             arg_max(detail_en, (period_end, check_id)) AS check_en, arg_max(checked_at, (period_end, check_id)) AS checked_at
      FROM rectify_check GROUP BY item_id
    )
    SELECT i.item_id, i.natural_key, i.period_label, i.period_start, i.period_end, i.run_id, i.unit_id, i.unit_name, i.kind, i.source_id,
           i.source_name, i.criterion, i.severity, i.problem, i.requirement, CAST(i.evidence AS VARCHAR) AS evidence, i.issued_on, i.deadline,
           i.status, ${effectiveStatusSql(asOf)} AS eff_status, i.status_reason, i.measures, i.completed_on, i.proof, i.owner,
           i.created_at, i.updated_at,
           CASE WHEN ${effectiveStatusSql(asOf)} = '逾期' THEN CAST(${lit(asOf)}::DATE - i.deadline AS INTEGER) ELSE 0 END AS days_overdue,
           l.check_period, l.check_outcome, l.check_observed, l.check_zh, l.check_en, l.checked_at
    FROM rectify_item i LEFT JOIN latest l USING (item_id)
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
    -- overdue first (longest overdue first), then open, closed; by unit and item
    ORDER BY CASE ${effectiveStatusSql(asOf)} WHEN '逾期' THEN 0 WHEN '待整改' THEN 1 WHEN '整改中' THEN 2 WHEN '已整改' THEN 3 ELSE 4 END,
             days_overdue DESC, i.unit_id, i.item_id`;
}

function toItem(r: ItemRow): RectifyItem {
  return {
    item_id: r.item_id,
    code: itemCode(r.item_id),
    natural_key: r.natural_key,
    period: r.period_label,
    period_start: r.period_start,
    period_end: r.period_end,
    run_id: r.run_id,
    unit_id: r.unit_id,
    unit_name: r.unit_name ?? r.unit_id,
    kind: r.kind,
    source_id: r.source_id,
    source_name: r.source_name,
    criterion: r.criterion,
    severity: r.severity,
    problem: r.problem,
    requirement: r.requirement,
    evidence: JSON.parse(r.evidence) as Evidence,
    issued_on: r.issued_on,
    deadline: r.deadline,
    stored_status: r.status,
    status: r.eff_status,
    status_reason: r.status_reason,
    measures: r.measures,
    completed_on: r.completed_on,
    proof: r.proof,
    owner: r.owner,
    created_at: r.created_at,
    updated_at: r.updated_at,
    days_overdue: r.days_overdue,
    check: r.check_outcome
      ? { period: r.check_period!, outcome: r.check_outcome, observed: r.check_observed, detail_zh: r.check_zh ?? '', detail_en: r.check_en ?? '', checked_at: r.checked_at ?? '' }
      : null,
  };
}

/** Items matching the filter: overdue first (longest first), then 待整改, 整改中, 已整改, 不予整改. */
export async function listItems(db: Db, filter: ItemFilter = {}): Promise<RectifyItem[]> {
  const asOf = asOfDate(filter.asOf);
  const where: string[] = [];
  if (filter.unit) where.push(`(i.unit_id = ${lit(filter.unit)} OR i.unit_name = ${lit(filter.unit)})`);
  if (filter.period) where.push(`i.period_label = ${lit(filter.period)}`);
  if (filter.kind) where.push(`i.kind = ${lit(filter.kind)}`);
  if (filter.severity) where.push(`i.severity = ${lit(filter.severity)}`);
  if (filter.status) {
    if (!(STATUSES as readonly string[]).includes(filter.status)) {
      throw new TijianError('USAGE', `状态只能是 ${STATUSES.join('、')}：${filter.status}`, `Status must be one of ${STATUSES.join(', ')}: ${filter.status}`);
    }
    where.push(`${effectiveStatusSql(asOf)} = ${lit(filter.status)}`);
  }
  if (filter.search) {
    const s = lit(`%${filter.search.replace(/[%_\\]/g, (c) => `\\${c}`)}%`);
    where.push(`(i.problem ILIKE ${s} ESCAPE '\\' OR i.unit_name ILIKE ${s} ESCAPE '\\' OR i.source_name ILIKE ${s} ESCAPE '\\' OR printf('ZG%06d', i.item_id) ILIKE ${s} ESCAPE '\\')`);
  }
  return (await db.all<ItemRow>(itemSql(asOf, where))).map(toItem);
}

export async function getItem(db: Db, itemId: number, asOf?: string): Promise<RectifyItem> {
  const rows = await db.all<ItemRow>(itemSql(asOfDate(asOf), [`i.item_id = ${Number(itemId)}`]));
  if (!rows[0]) throw new TijianError('NOT_FOUND', `没有整改事项 ${itemCode(itemId)}。`, `There is no rectification item ${itemCode(itemId)}.`);
  return toItem(rows[0]);
}

/** Every change of an item, oldest first. */
export async function itemHistory(db: Db, itemId: number): Promise<RectifyEvent[]> {
  return db.all<RectifyEvent>(
    `SELECT event_id, item_id, changed_at, action, source, import_id, actor, changed, prev_status, status, status_reason, deadline, measures,
            completed_on, proof, owner
     FROM rectify_event WHERE item_id = ${Number(itemId)} ORDER BY event_id`,
  );
}

/** Every check of later data against an item, oldest period first. */
export async function itemChecks(db: Db, itemId: number): Promise<CheckInfo[]> {
  return db.all<CheckInfo>(
    `SELECT period_label AS period, outcome, observed, detail_zh, detail_en, checked_at FROM rectify_check WHERE item_id = ${Number(itemId)} ORDER BY period_end, check_id`,
  );
}

/** When the ledger last changed (a created, imported or edited item), or null: a saved run made
 *  before that read other rectification data than the ledger now holds. */
export async function ledgerChangedAt(db: Db): Promise<string | null> {
  return (await db.scalar<string | null>(`SELECT max(changed_at) FROM rectify_event`)) ?? null;
}

/** Who is acting, for the history: the account running Tijian. */
export function currentActor(): string | null {
  try {
    return userInfo().username || null;
  } catch {
    return null;
  }
}

/** The editable state of an item. */
export interface ItemState {
  status: StoredStatus;
  status_reason: string | null;
  deadline: string;
  measures: string | null;
  completed_on: string | null;
  proof: string | null;
  owner: string | null;
}

export const STATE_FIELDS: ReadonlyArray<keyof ItemState> = ['status', 'status_reason', 'deadline', 'measures', 'completed_on', 'proof', 'owner'];

export const FIELD_ZH: Record<keyof ItemState, string> = {
  status: '状态',
  status_reason: '不予整改理由',
  deadline: '整改期限',
  measures: '整改措施',
  completed_on: '完成时间',
  proof: '佐证材料',
  owner: '责任人',
};

export function stateOf(i: Pick<RectifyItem, 'stored_status' | 'status_reason' | 'deadline' | 'measures' | 'completed_on' | 'proof' | 'owner'>): ItemState {
  return { status: i.stored_status, status_reason: i.status_reason, deadline: i.deadline, measures: i.measures, completed_on: i.completed_on, proof: i.proof, owner: i.owner };
}

/** Why a state cannot be kept, in both languages, or null. */
export function stateProblem(s: ItemState): { zh: string; en: string; code: string } | null {
  if (s.status === '不予整改' && !s.status_reason?.trim()) {
    return { code: 'rectify.reason_required', zh: '状态为“不予整改”时须说明理由', en: 'a reason is required for 不予整改 (not to be rectified)' };
  }
  if (s.status === '已整改' && !s.completed_on) {
    return { code: 'rectify.completed_required', zh: '状态为“已整改”时须填写完成时间', en: 'a completion date is required for 已整改 (rectified)' };
  }
  if (!ISO_DATE.test(s.deadline)) return { code: 'rectify.deadline', zh: `整改期限不是有效日期：${s.deadline}`, en: `the deadline is not a date: ${s.deadline}` };
  return null;
}

export interface ChangeSource {
  action: RectifyEvent['action'];
  /** Who or what: 整改界面, 命令行, the file imported… */
  source: string;
  importId?: number | null;
  actor?: string | null;
  /** The time of the change (default now). */
  at?: string;
}

/**
 * Writes a new state of an item and appends the change to its history. The caller holds the
 * transaction. Returns the fields that changed (nothing is written when none did).
 */
export async function writeState(db: Db, itemId: number, before: ItemState, after: ItemState, src: ChangeSource): Promise<Array<keyof ItemState>> {
  const changed = STATE_FIELDS.filter((f) => (before[f] ?? null) !== (after[f] ?? null));
  if (!changed.length) return [];
  const at = src.at ?? new Date().toISOString();
  const d = (x: string | null) => (x === null ? 'NULL' : `${lit(x)}::DATE`);
  await db.exec(
    `UPDATE rectify_item SET status = ${lit(after.status)}, status_reason = ${lit(after.status_reason)}, deadline = ${d(after.deadline)},
       measures = ${lit(after.measures)}, completed_on = ${d(after.completed_on)}, proof = ${lit(after.proof)}, owner = ${lit(after.owner)},
       updated_at = ${lit(at)}::TIMESTAMP
     WHERE item_id = ${Number(itemId)}`,
  );
  await appendEvent(db, itemId, before.status, after, changed, src, at);
  return changed;
}

export async function appendEvent(db: Db, itemId: number, prev: StoredStatus | null, s: ItemState, changed: readonly string[], src: ChangeSource, at: string): Promise<void> {
  const d = (x: string | null) => (x === null ? 'NULL' : `${lit(x)}::DATE`);
  await db.exec(
    `INSERT INTO rectify_event (item_id, changed_at, action, source, import_id, actor, changed, prev_status, status, status_reason, deadline, measures, completed_on, proof, owner)
     VALUES (${Number(itemId)}, ${lit(at)}::TIMESTAMP, ${lit(src.action)}, ${lit(src.source)}, ${src.importId ?? 'NULL'}, ${lit(src.actor ?? null)},
             [${changed.map((c) => lit(c)).join(', ')}]::VARCHAR[], ${lit(prev)}, ${lit(s.status)}, ${lit(s.status_reason)}, ${d(s.deadline)},
             ${lit(s.measures)}, ${d(s.completed_on)}, ${lit(s.proof)}, ${lit(s.owner)})`,
  );
}

/** A user's edit of one item (the 整改 screen, the CLI): checked, written, logged. */
export async function updateItem(db: Db, itemId: number, patch: ItemPatch, src: Omit<ChangeSource, 'action'>, today = todayIso()): Promise<{ item: RectifyItem; changed: string[] }> {
  return db.transaction(async () => {
    const cur = await getItem(db, itemId);
    const before = stateOf(cur);
    const after: ItemState = { ...before };
    for (const f of STATE_FIELDS) {
      if (f in patch) (after as unknown as Record<string, unknown>)[f] = (patch as Record<string, unknown>)[f] ?? null;
    }
    for (const f of ['status_reason', 'measures', 'proof', 'owner'] as const) if (f in patch) checkTypedText(after[f], [FIELD_ZH[f], f]);
    if (after.deadline && !isCalendarDate(after.deadline)) {
      throw new TijianError('USAGE', `整改期限不是有效日期：${after.deadline}`, `The deadline is not a valid date: ${after.deadline}`);
    }
    if (after.completed_on && !isCalendarDate(after.completed_on)) {
      throw new TijianError('USAGE', `完成时间不是有效日期：${after.completed_on}`, `The completion date is not a valid date: ${after.completed_on}`);
    }
    // a completion date goes with 已整改 only: an item set to another status loses its old one, and
    // a date given with another status is refused (it was kept: 不予整改 with a completion date)
    if (after.status !== '已整改' && after.completed_on) {
      if ('completed_on' in patch && patch.completed_on) {
        throw new TijianError('USAGE', `无法保存 ${cur.code}：状态为“${after.status}”时不填写完成时间（已整改的才有完成时间）。`, `Cannot save ${cur.code}: a completion date goes with 已整改 only, not ${after.status}.`);
      }
      after.completed_on = null;
    }
    const problem = stateProblem(after);
    if (problem) throw new TijianError('USAGE', `无法保存 ${cur.code}：${problem.zh}。`, `Cannot save ${cur.code}: ${problem.en}.`);
    // the dates a returned form may not give, refused here too (probe 15, F4: `rectify set
    // --completed 2099-06-01` closed an item the same date in a form could not): a completion after
    // today or before the problem's period began, a deadline before the notice
    if (after.completed_on && ('completed_on' in patch || 'status' in patch)) {
      if (after.completed_on > today) {
        throw new TijianError('USAGE', `无法保存 ${cur.code}：完成时间 ${after.completed_on} 晚于今天（${today}），不能标为已整改。`, `Cannot save ${cur.code}: completion date ${after.completed_on} is after today (${today}).`);
      }
      if (after.completed_on < cur.period_start) {
        throw new TijianError(
          'USAGE',
          `无法保存 ${cur.code}：完成时间 ${after.completed_on} 早于问题所属年度的开始（${cur.period_start}），不可能是这个问题的整改完成时间。`,
          `Cannot save ${cur.code}: completion date ${after.completed_on} is before the start of the item's period (${cur.period_start}).`,
        );
      }
    }
    if ('deadline' in patch && after.deadline < cur.issued_on) {
      throw new TijianError('USAGE', `无法保存 ${cur.code}：整改期限 ${after.deadline} 早于整改通知的下发日期（${cur.issued_on}）。`, `Cannot save ${cur.code}: deadline ${after.deadline} is before the notice was issued (${cur.issued_on}).`);
    }
    const changed = await writeState(db, itemId, before, after, { ...src, action: 'edit' });
    return { item: await getItem(db, itemId), changed };
  });
}

/** The free text a unit or the office types (整改措施, 佐证材料, 不予整改理由) with the ID and phone
 *  numbers in it masked, as the ledger XLSX and the notices show them (probe 15, F1). */
export function maskTyped<T extends { measures: string | null; proof: string | null; status_reason: string | null }>(x: T): T {
  const m = (s: string | null) => (s === null ? s : maskNumbersInText(s));
  return { ...x, measures: m(x.measures), proof: m(x.proof), status_reason: m(x.status_reason) };
}

/** An item with its personal data masked: 责任人, numbers typed in its free text, and record keys
 *  that are personal (a party's id number). */
export function maskItem<T extends { owner: string | null; measures: string | null; proof: string | null; status_reason: string | null; evidence?: Evidence }>(item: T): T {
  const out: T = maskTyped(item.owner ? { ...item, owner: maskName(item.owner) } : { ...item });
  const ev = item.evidence;
  if (ev?.personal && ev.records) out.evidence = { ...ev, records: ev.records.map((r) => maskRecord(r, ev.personal!)) };
  return out;
}

export function maskEvent(e: RectifyEvent): RectifyEvent {
  return maskTyped(e.owner ? { ...e, owner: maskName(e.owner) } : e);
}

/** Counts by status as of a date, per unit and in all. */
export interface StatusCounts {
  total: number;
  by_status: Record<RectifyStatus, number>;
}

export function emptyCounts(): StatusCounts {
  return { total: 0, by_status: { 待整改: 0, 整改中: 0, 逾期: 0, 已整改: 0, 不予整改: 0 } };
}

export function countItems(items: readonly Pick<RectifyItem, 'status'>[]): StatusCounts {
  const c = emptyCounts();
  for (const i of items) {
    c.total++;
    c.by_status[i.status]++;
  }
  return c;
}

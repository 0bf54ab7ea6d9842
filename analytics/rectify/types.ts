// The rectification ledger (整改台账): what an item is, its statuses, its history and the checks of
// later data against it. Shared by the CLI, the service and the reports.
import { z } from 'zod';
import type { MaskKind } from '../privacy/mask.js';

/** Stored statuses. 逾期 is never stored: it is derived (see effectiveStatus). */
export const STORED_STATUSES = ['待整改', '整改中', '已整改', '不予整改'] as const;
export type StoredStatus = (typeof STORED_STATUSES)[number];
/** What the ledger shows: a stored status, or 逾期 for an open item past its deadline. */
export const STATUSES = ['待整改', '整改中', '逾期', '已整改', '不予整改'] as const;
export type RectifyStatus = (typeof STATUSES)[number];
export const RectifyStatus = z.enum(STATUSES);
export const StoredStatus = z.enum(STORED_STATUSES);

/** Open items count against their deadline; closed ones no longer do. */
export const OPEN_STATUSES: readonly StoredStatus[] = ['待整改', '整改中'];

export const KINDS = ['indicator', 'red_line', 'review'] as const;
export type ItemKind = (typeof KINDS)[number];
export const KIND_ZH: Record<ItemKind, string> = { indicator: '指标问题', red_line: '法定红线', review: '问题线索' };
export const KIND_EN: Record<ItemKind, string> = { indicator: 'Indicator', red_line: 'Red line', review: 'Red flag' };

/** Why an item was raised: target — an indicator short of its target; band — an indicator in the
 *  bottom band (score below 60 on its goalposts, for indicators without a target); hit — a red
 *  line hit; verified — red flags a reviewer marked 已核实. */
export type Criterion = 'target' | 'band' | 'hit' | 'verified';

export type Severity = '高' | '中' | '低';
export const SEVERITIES: readonly Severity[] = ['高', '中', '低'];
/** Default time to rectify, in days from the notice, by severity (editable per item). */
export const DEADLINE_DAYS: Record<Severity, number> = { 高: 30, 中: 60, 低: 90 };

/** What the data of a later period says about a closed item. */
export const OUTCOMES = ['已整改', '复发', '无法核验'] as const;
export type CheckOutcome = (typeof OUTCOMES)[number];
export const OUTCOME_EN: Record<CheckOutcome, string> = { 已整改: 'fixed', 复发: 'recurred', 无法核验: 'not checkable' };

/** The evidence an item points to: the run, the indicator or rule, the numbers and the records. */
export interface Evidence {
  run_id: number;
  /** Indicator: its value, score and target as the run had them. */
  value?: number | null;
  score?: number | null;
  numerator?: number | null;
  denominator?: number | null;
  target?: { op: string; value: number; source: string } | null;
  /** Red line: hits; review: verified hits. */
  hits?: number;
  /** Keys of the records behind the problem: red line listing ids, or the verified hits' keys. */
  records?: Array<Record<string, unknown>>;
  /** More records exist than were kept. */
  records_total?: number;
  /** Review hits: their refs (10 hex digits, no personal data). */
  refs?: string[];
  /** Record key columns holding personal data, and how to mask them (masked in every output). */
  personal?: Record<string, MaskKind>;
}

export interface CheckInfo {
  period: string;
  outcome: CheckOutcome;
  observed: number | null;
  detail_zh: string;
  detail_en: string;
  checked_at: string;
}

export interface RectifyItem {
  item_id: number;
  /** 'ZG' + the id padded: what notices and templates print. */
  code: string;
  natural_key: string;
  period: string;
  period_start: string;
  period_end: string;
  run_id: number;
  unit_id: string;
  unit_name: string;
  kind: ItemKind;
  source_id: string;
  source_name: string;
  criterion: Criterion;
  severity: Severity;
  problem: string;
  requirement: string;
  evidence: Evidence;
  issued_on: string;
  deadline: string;
  /** As stored. */
  stored_status: StoredStatus;
  /** As of the as-of date: 逾期 when open past the deadline. */
  status: RectifyStatus;
  status_reason: string | null;
  measures: string | null;
  completed_on: string | null;
  proof: string | null;
  /** 责任人: personal data, masked unless asked for. */
  owner: string | null;
  created_at: string;
  updated_at: string;
  /** Days past the deadline (as of), for open items; 0 otherwise. */
  days_overdue: number;
  /** The newest check of later data, if any. */
  check: CheckInfo | null;
}

export interface RectifyEvent {
  event_id: number;
  item_id: number;
  changed_at: string;
  action: 'create' | 'import' | 'edit' | 'undo';
  source: string;
  import_id: number | null;
  actor: string | null;
  changed: string[];
  prev_status: StoredStatus | null;
  status: StoredStatus;
  status_reason: string | null;
  deadline: string;
  measures: string | null;
  completed_on: string | null;
  proof: string | null;
  owner: string | null;
}

/** The item code printed on notices and templates: ZG000123. */
export function itemCode(id: number): string {
  return `ZG${String(id).padStart(6, '0')}`;
}

/** The item id of a code (ZG000123, zg123, 123), or null. */
export function parseItemCode(s: string): number | null {
  // (full-width ＺＧ０００１０１, as an IME in full-width mode types it, is the same code)
  const m = /^\s*(?:ZG)?0*(\d{1,9})\s*$/i.exec(s.normalize('NFKC'));
  if (!m) return null;
  const n = Number(m[1]);
  return n > 0 ? n : null;
}

/** An edit of an item by a user (the 整改 screen, the CLI). */
export const ItemPatch = z
  .strictObject({
    status: StoredStatus.optional(),
    status_reason: z.string().trim().max(2000).nullable().optional(),
    deadline: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date: YYYY-MM-DD' }).optional(),
    measures: z.string().trim().max(4000).nullable().optional(),
    completed_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'a date: YYYY-MM-DD' }).nullable().optional(),
    proof: z.string().trim().max(4000).nullable().optional(),
    owner: z.string().trim().max(100).nullable().optional(),
  })
  .refine((p) => Object.keys(p).length > 0, { message: 'nothing to change / 没有要修改的内容' });
export type ItemPatch = z.infer<typeof ItemPatch>;

export interface ItemFilter {
  unit?: string;
  status?: RectifyStatus;
  /** Items raised from this period (label). */
  period?: string;
  kind?: ItemKind;
  severity?: Severity;
  /** Text in the problem, the unit or the code. */
  search?: string;
  /** 逾期 is computed against this date (default: today in China). */
  asOf?: string;
}

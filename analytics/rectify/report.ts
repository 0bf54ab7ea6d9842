// The ledger in the reports: the county report's 上年整改落实情况 (the previous period's items by
// unit and status, overdue items named, what this period's data says about the closed ones) and
// the unit report's own items with their status. Data and text only — paragraphs and tables in the
// report model's block types — so any report builder can place them (appendCountySection,
// appendUnitSection are the call sites' one-liners).
import type { Db } from '../db/duck.js';
import { lit } from '../db/duck.js';
import { previousPeriod, type Period } from '../eval/period.js';
import type { EvaluationResult } from '../eval/types.js';
import type { Sheet } from '../export/tabular.js';
import { dateZh, int, pct } from '../report/format.js';
import { cell, type Block, type Cell, type DocBuilder } from '../report/model.js';
import { asOfDate, countItems, listItems, type StatusCounts } from './ledger.js';
import { KIND_ZH, type CheckOutcome, type ItemKind, type RectifyItem } from './types.js';

type TableBlock = Omit<Extract<Block, { type: 'table' }>, 'type' | 'caption'> & { title: string };

export interface UnitRectifyRow {
  unit_id: string;
  unit_name: string;
  counts: StatusCounts;
  /** 已整改 ÷ (items − 不予整改), or null. */
  completion: number | null;
  checks: Record<CheckOutcome, number>;
}

export interface RectifySection {
  /** 上年整改落实情况, or 上期… for other periods. */
  title: string;
  /** The period whose items are followed up. */
  previous: Period;
  /** The period whose data checked them (the run's). */
  current: Period;
  asOf: string;
  counts: StatusCounts;
  by_kind: Record<ItemKind, number>;
  completion: number | null;
  checks: Record<CheckOutcome, number>;
  /** 复发 ÷ (已整改 + 复发) of the checked items, or null. */
  recurrence: number | null;
  units: UnitRectifyRow[];
  overdue: RectifyItem[];
  recurred: Array<RectifyItem & { detail: string }>;
  /** The paragraphs, in order. */
  paragraphs: string[];
  table: TableBlock;
  sheet: Sheet;
}

export interface UnitRectify {
  previous: RectifyItem[];
  /** Checks against the run's period, by item. */
  checks: Map<number, { outcome: CheckOutcome; detail: string }>;
  /** Items raised from the run's own period (this report's problems), if created. */
  current: RectifyItem[];
}

export interface RectifyReportData {
  county: RectifySection | null;
  units: Map<string, UnitRectify>;
}

function periodWord(p: Period): string {
  return p.kind === 'year' ? `${p.label}年` : p.label;
}

function within(i: RectifyItem, p: Period): boolean {
  return i.period_start >= p.start && i.period_end <= p.end;
}

const emptyChecks = (): Record<CheckOutcome, number> => ({ 已整改: 0, 复发: 0, 无法核验: 0 });

function completionOf(c: StatusCounts): number | null {
  const den = c.total - c.by_status['不予整改'];
  return den > 0 ? c.by_status['已整改'] / den : null;
}

/** The ledger's part of a run's reports (null county section when the previous period raised nothing). */
export async function rectifyReportData(db: Db, run: EvaluationResult, opts: { asOf?: string } = {}): Promise<RectifyReportData> {
  const asOf = asOfDate(opts.asOf);
  const current = run.period;
  const previous = run.compare ?? previousPeriod(run.period);
  const all = await listItems(db, { asOf });
  const prevItems = all.filter((i) => within(i, previous) && i.period_end < current.start);
  const curItems = all.filter((i) => within(i, current));
  const checks = new Map<number, { outcome: CheckOutcome; detail: string }>();
  if (prevItems.length) {
    const rows = await db.all<{ item_id: number; outcome: CheckOutcome; detail: string }>(
      `SELECT item_id, arg_max(outcome, check_id) AS outcome, arg_max(detail_zh, check_id) AS detail FROM rectify_check
       WHERE period_start = ${lit(current.start)}::DATE AND period_end = ${lit(current.end)}::DATE GROUP BY item_id`,
    );
    for (const r of rows) checks.set(r.item_id, { outcome: r.outcome, detail: r.detail });
  }
  const units = new Map<string, UnitRectify>();
  for (const i of [...prevItems, ...curItems]) {
    if (!units.has(i.unit_id)) units.set(i.unit_id, { previous: [], checks, current: [] });
  }
  for (const i of prevItems) units.get(i.unit_id)!.previous.push(i);
  for (const i of curItems) units.get(i.unit_id)!.current.push(i);
  // the county report names units by their short names, as its other sections do
  const short = new Map(run.entities.filter((e) => e.entity_type === 'unit').map((e) => [e.entity_id, e.short_name]));
  return { county: prevItems.length ? countySection(prevItems, checks, previous, current, asOf, short) : null, units };
}

/** Checks of closed items only: an item reopened since its check no longer counts. */
function closedChecks(items: readonly RectifyItem[], checks: Map<number, { outcome: CheckOutcome; detail: string }>): Record<CheckOutcome, number> {
  const c = emptyChecks();
  for (const i of items) {
    const k = i.stored_status === '已整改' ? checks.get(i.item_id) : undefined;
    if (k) c[k.outcome]++;
  }
  return c;
}

function recurrenceOf(c: Record<CheckOutcome, number>): number | null {
  const den = c['已整改'] + c['复发'];
  return den > 0 ? c['复发'] / den : null;
}

/** Recurred items by unit, written as the overdue ones are: 五龙乡ZG000174“综合查一次占比”、ZG000175“…”；资规局… */
function recurredText(items: readonly RectifyItem[], nameOf: (i: RectifyItem) => string): string {
  const units: Array<[string, RectifyItem[]]> = [];
  for (const i of items) {
    const u = units.find(([id]) => id === i.unit_id);
    if (u) u[1].push(i);
    else units.push([i.unit_id, [i]]);
  }
  return units.map(([, xs]) => `${nameOf(xs[0]!)}${xs.map((i) => `${i.code}“${i.source_name}”`).join('、')}`).join('；');
}

function countySection(
  items: RectifyItem[],
  checks: Map<number, { outcome: CheckOutcome; detail: string }>,
  previous: Period,
  current: Period,
  asOf: string,
  short: ReadonlyMap<string, string>,
): RectifySection {
  const nameOf = (i: Pick<RectifyItem, 'unit_id' | 'unit_name'>) => short.get(i.unit_id) || i.unit_name;
  const counts = countItems(items);
  const byKind: Record<ItemKind, number> = { indicator: 0, red_line: 0, review: 0 };
  for (const i of items) byKind[i.kind]++;
  const completion = completionOf(counts);
  const ck = closedChecks(items, checks);
  const recurrence = recurrenceOf(ck);
  const unitIds = [...new Set(items.map((i) => i.unit_id))];
  const units: UnitRectifyRow[] = unitIds
    .map((id) => {
      const mine = items.filter((i) => i.unit_id === id);
      const c = countItems(mine);
      return { unit_id: id, unit_name: nameOf(mine[0]!), counts: c, completion: completionOf(c), checks: closedChecks(mine, checks) };
    })
    .sort((a, b) => (a.completion ?? 2) - (b.completion ?? 2) || b.counts.total - a.counts.total || a.unit_id.localeCompare(b.unit_id));
  const overdue = items.filter((i) => i.status === '逾期').sort((a, b) => b.days_overdue - a.days_overdue || a.item_id - b.item_id);
  const recurred = items
    .filter((i) => i.stored_status === '已整改' && checks.get(i.item_id)?.outcome === '复发')
    .map((i) => ({ ...i, detail: checks.get(i.item_id)!.detail }))
    .sort((a, b) => a.unit_id.localeCompare(b.unit_id) || a.item_id - b.item_id);
  const pw = periodWord(previous);
  const cw = periodWord(current);
  const s = counts.by_status;
  const kinds = (['red_line', 'review', 'indicator'] as const).filter((k) => byKind[k] > 0).map((k) => `${KIND_ZH[k]}${byKind[k]}个`);
  const paragraphs: string[] = [];
  paragraphs.push(
    `${pw}体检共向${unitIds.length}个单位下发整改事项${int(counts.total)}个${kinds.length ? `（${kinds.join('、')}）` : ''}。截至${dateZh(asOf)}，已整改${int(s['已整改'])}个${
      completion !== null ? `，整改完成率${pct(completion)}${s['不予整改'] ? `（不含经认定不予整改的${int(s['不予整改'])}个）` : ''}` : ''
    }；整改中${int(s['整改中'])}个，待整改${int(s['待整改'])}个，逾期未整改${int(s['逾期'])}个${s['不予整改'] && completion === null ? `，不予整改${int(s['不予整改'])}个` : ''}。`,
  );
  if (overdue.length) {
    const first = overdue.slice(0, 10);
    // one deadline for all of them (items issued together): said once, after the list
    const one = first.every((i) => i.deadline === first[0]!.deadline);
    const named = first.map((i) => `${nameOf(i)}${i.code}“${i.source_name}”${one ? '' : `（期限${dateZh(i.deadline)}，逾期${i.days_overdue}天）`}`);
    const shared = one ? `（整改期限${first.length > 1 ? '均' : ''}为${dateZh(first[0]!.deadline)}，已逾期${first[0]!.days_overdue}天）` : '';
    paragraphs.push(`逾期未整改的事项${overdue.length > 10 ? `共${overdue.length}个，逾期最久的10个` : ''}是：${named.join('；')}${shared}。对逾期事项，请相关单位说明原因、限期整改到位。`);
  }
  const closed = s['已整改'];
  if (closed) {
    const checked = ck['已整改'] + ck['复发'] + ck['无法核验'];
    paragraphs.push(
      checked
        ? `用${cw}数据对已整改的${int(closed)}个事项逐项复核：${int(ck['已整改'])}个问题未再出现，${int(ck['复发'])}个问题复发${
            ck['无法核验'] ? `，${int(ck['无法核验'])}个无法用数据核验（本期没有可核验的事项、记录或数据，或样本太少）` : ''
          }${recurrence !== null ? `，问题复发率${pct(recurrence)}` : ''}。${recurred.length ? `复发的问题${recurred.length > 10 ? `共${recurred.length}个，前10个` : ''}是：${recurredText(recurred.slice(0, 10), nameOf)}${recurred.length > 10 ? '等' : ''}，须重新整改。` : ''}`
        : `已整改的${int(closed)}个事项尚未用${cw}数据复核（复核在评估${cw}时进行）。`,
    );
  }
  const row = (name: string, c: StatusCounts, k: Record<CheckOutcome, number>, bold = false): Cell[] => {
    const comp = completionOf(c);
    return [
      cell(name, { bold }),
      cell(int(c.total), { align: 'center', value: c.total, bold }),
      cell(int(c.by_status['已整改']), { align: 'center', value: c.by_status['已整改'] }),
      cell(int(c.by_status['整改中']), { align: 'center', value: c.by_status['整改中'] }),
      cell(int(c.by_status['待整改']), { align: 'center', value: c.by_status['待整改'] }),
      cell(int(c.by_status['逾期']), { align: 'center', value: c.by_status['逾期'], alert: c.by_status['逾期'] > 0 }),
      cell(int(c.by_status['不予整改']), { align: 'center', value: c.by_status['不予整改'] }),
      cell(comp === null ? '—' : pct(comp), { align: 'center', value: comp }),
      cell(int(k['复发']), { align: 'center', value: k['复发'], alert: k['复发'] > 0 }),
    ];
  };
  const table: TableBlock = {
    id: 'rectify_by_unit',
    title: `${pw}整改事项落实情况（截至${dateZh(asOf)}）`,
    columns: [
      { header: '单位', width: 20 },
      { header: '事项数', width: 8, align: 'center' },
      { header: '已整改', width: 8, align: 'center' },
      { header: '整改中', width: 8, align: 'center' },
      { header: '待整改', width: 8, align: 'center' },
      { header: '逾期', width: 7, align: 'center' },
      { header: '不予整改', width: 11, align: 'center' },
      { header: '完成率', width: 9, align: 'center' },
      { header: '复发', width: 7, align: 'center' },
    ],
    rows: [...units.map((u) => row(u.unit_name, u.counts, u.checks)), row('合计', counts, ck, true)],
    note: `注：逾期指截至${dateZh(asOf)}仍未整改且已过整改期限；完成率=已整改÷（事项数−不予整改）；复发指已整改事项经${cw}数据复核问题再次出现。`,
    dense: true,
  };
  const sheet: Sheet = {
    name: '上年整改落实情况',
    title: [table.title],
    columns: [
      { key: 'unit_id', header: '单位编码', width: 10 },
      { key: 'unit', header: '单位', width: 26 },
      { key: 'total', header: '事项数' },
      { key: 'done', header: '已整改' },
      { key: 'doing', header: '整改中' },
      { key: 'todo', header: '待整改' },
      { key: 'overdue', header: '逾期' },
      { key: 'declined', header: '不予整改' },
      { key: 'completion', header: '完成率', numFmt: '0.0%' },
      { key: 'fixed', header: '核验未复发' },
      { key: 'recurred', header: '复发' },
      { key: 'uncheckable', header: '无法核验' },
    ],
    rows: units.map((u) => ({
      unit_id: u.unit_id,
      unit: u.unit_name,
      total: u.counts.total,
      done: u.counts.by_status['已整改'],
      doing: u.counts.by_status['整改中'],
      todo: u.counts.by_status['待整改'],
      overdue: u.counts.by_status['逾期'],
      declined: u.counts.by_status['不予整改'],
      completion: u.completion,
      fixed: u.checks['已整改'],
      recurred: u.checks['复发'],
      uncheckable: u.checks['无法核验'],
    })),
  };
  return {
    title: previous.kind === 'year' ? '上年整改落实情况' : '上期整改落实情况',
    previous,
    current,
    asOf,
    counts,
    by_kind: byKind,
    completion,
    checks: ck,
    recurrence,
    units,
    overdue,
    recurred,
    paragraphs,
    table,
    sheet,
  };
}

/** Writes the county section into a report: a level-1 heading, the paragraphs and the table. */
export function appendCountySection(b: DocBuilder, s: RectifySection, tableNo: () => string, o: { heading?: boolean } = {}): void {
  if (o.heading !== false) b.heading(1, s.title);
  for (const p of s.paragraphs) b.p(p);
  const { title, ...t } = s.table;
  b.table({ ...t, caption: `${tableNo()}  ${title}` });
}

/** Writes a unit's items into its report: last period's with status and check, this period's as raised. */
export function appendUnitSection(b: DocBuilder, data: RectifyReportData, unitId: string, tableNo: () => string): void {
  const u = data.units.get(unitId);
  if (!u || (!u.previous.length && !u.current.length)) return;
  b.heading(1, '整改事项落实情况');
  if (u.previous.length) {
    const c = countItems(u.previous);
    const s = c.by_status;
    const ck = closedChecks(u.previous, u.checks);
    const comp = completionOf(c);
    const pw = periodWord(previousOf(u.previous[0]!));
    b.p(
      `${pw}体检向你单位下发整改事项${int(c.total)}个，已整改${int(s['已整改'])}个${comp !== null ? `（完成率${pct(comp)}）` : ''}，整改中${int(s['整改中'])}个，待整改${int(s['待整改'])}个，逾期未整改${int(s['逾期'])}个${
        s['不予整改'] ? `，不予整改${int(s['不予整改'])}个` : ''
      }。${ck['复发'] ? `经本期数据复核，${int(ck['复发'])}个已整改的问题复发，须重新整改。` : ck['已整改'] ? `经本期数据复核，已整改的问题未再出现${ck['无法核验'] ? `（${int(ck['无法核验'])}个无法用数据核验）` : ''}。` : ''}`,
    );
    b.table({
      id: 'rectify_previous',
      caption: `${tableNo()}  ${pw}整改事项及落实情况`,
      columns: [
        { header: '事项编号', width: 14, align: 'center' },
        { header: '问题', width: 21 },
        { header: '整改期限', width: 15, align: 'center' },
        { header: '状态', width: 10, align: 'center' },
        { header: '完成时间', width: 15, align: 'center' },
        { header: '数据复核', width: 25 },
      ],
      rows: u.previous.map((i) => {
        const k = i.stored_status === '已整改' ? u.checks.get(i.item_id) : undefined;
        return [
          cell(i.code, { align: 'center', value: i.item_id }),
          cell(`${KIND_ZH[i.kind]}：${i.source_name}`),
          cell(i.deadline, { align: 'center' }),
          cell(i.status, { align: 'center', alert: i.status === '逾期', value: i.status }),
          cell(i.completed_on ?? '—', { align: 'center' }),
          cell(k ? `${k.outcome === '已整改' ? '未复发' : k.outcome}：${k.detail}` : '—', { alert: k?.outcome === '复发' }),
        ];
      }),
      dense: true,
    });
  }
  if (u.current.length) {
    b.p(`本期体检发现的${int(u.current.length)}个问题已列入整改台账，请按整改通知书的要求逐项整改，并按期报送整改情况反馈表。`);
    b.table({
      id: 'rectify_current',
      caption: `${tableNo()}  本期整改事项`,
      columns: [
        { header: '事项编号', width: 14, align: 'center' },
        { header: '问题类型', width: 9, align: 'center' },
        { header: '问题', width: 52 },
        { header: '整改期限', width: 15, align: 'center' },
        { header: '状态', width: 10, align: 'center' },
      ],
      rows: u.current.map((i) => [
        cell(i.code, { align: 'center', value: i.item_id }),
        cell(KIND_ZH[i.kind], { align: 'center' }),
        cell(i.problem),
        cell(i.deadline, { align: 'center' }),
        cell(i.status, { align: 'center', alert: i.status === '逾期', value: i.status }),
      ]),
      dense: true,
    });
  }
}

function previousOf(i: RectifyItem): Period {
  const y = /^\d{4}$/.test(i.period);
  return { label: i.period, start: i.period_start, end: i.period_end, kind: y ? 'year' : 'range' };
}

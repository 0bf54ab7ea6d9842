// 上年整改落实情况: last year's weak points and what became of them this year, from the run's own
// comparison period (the county's targets missed last year, the units' targets missed last year,
// the units graded 不合格). Where the rectification ledger holds last year's items, the county
// report follows this with the ledger's account (analytics/rectify/report.ts), which then speaks
// for the units: see writeRectification's `itemsFollow`.
import type { EvaluationResult } from '../eval/types.js';
import { county, units, vu, type IndicatorMeta } from './common.js';
import { indicatorValue, int, pct, targetText } from './format.js';
import { cell, type DocBuilder } from './model.js';
import { judge, listZh, namesZh } from './narrative.js';

export type RectificationStatus = '已达标' | '有改善' | '未改善' | '有所退步';

export interface RectificationItem {
  /** 全县, or a unit's short name. */
  subject: string;
  indicator: string;
  name: string;
  previous: string;
  current: string;
  target: string;
  status: RectificationStatus;
}

export interface RectificationInput {
  /** 2023年 — the period whose findings are followed up. */
  previousLabel: string;
  /** The county's targets missed in the previous period, and where they stand now. */
  county: RectificationItem[];
  /** The units' targets missed in the previous period (one item per unit and indicator). */
  units: RectificationItem[];
  /** Units graded 不合格 in the previous period and their grade now. */
  failedBefore: Array<{ unit: string; previousTotal: number | null; total: number | null; grade: string | null }>;
}

function statusOf(m: IndicatorMeta, prev: number, cur: number, metNow: boolean): RectificationStatus {
  if (metNow) return '已达标';
  const better = m.direction === 'higher' ? cur > prev + 1e-9 : cur < prev - 1e-9;
  const worse = m.direction === 'higher' ? cur < prev - 1e-9 : cur > prev + 1e-9;
  return better ? '有改善' : worse ? '有所退步' : '未改善';
}

/** From the run's comparison period; null without one. */
export function rectificationFromRun(run: EvaluationResult): RectificationInput | null {
  if (!run.compare) return null;
  const label = run.compare.kind === 'year' ? `${run.compare.label}年` : run.compare.label;
  const item = (subject: string, m: IndicatorMeta, prevV: EvaluationResult['entities'][number]['indicators'][string] | undefined, curV: EvaluationResult['entities'][number]['indicators'][string] | undefined): RectificationItem | null => {
    if (!m.target) return null;
    const before = judge(m, prevV);
    const now = judge(m, curV);
    if (!before || before.met !== false || !now) return null;
    return {
      subject,
      indicator: m.id,
      name: m.name.zh,
      previous: indicatorValue(before.value, vu(m)) ?? '—',
      current: indicatorValue(now.value, vu(m)) ?? '—',
      target: targetText(m.target.op, m.target.value, vu(m)),
      // a change too small to show in the values printed is no change to the reader
      status: indicatorValue(before.value, vu(m)) === indicatorValue(now.value, vu(m)) && now.met !== true ? '未改善' : statusOf(m, before.value, now.value, now.met === true),
    };
  };
  const c = county(run);
  const countyItems = run.indicators.flatMap((m) => item('全县', m, c.previous?.indicators[m.id], c.indicators[m.id]) ?? []);
  const unitItems = units(run).flatMap((u) => run.indicators.filter((m) => m.applies_to.units !== false).flatMap((m) => item(u.short_name, m, u.previous?.indicators[m.id], u.indicators[m.id]) ?? []));
  const failedBefore = units(run)
    .filter((u) => u.previous?.grade === '不合格')
    .map((u) => ({ unit: u.short_name, previousTotal: u.previous?.total ?? null, total: u.total, grade: u.grade }));
  return { previousLabel: label, county: countyItems, units: unitItems, failedBefore };
}

const ORDER: RectificationStatus[] = ['已达标', '有改善', '未改善', '有所退步'];

/**
 * Writes the section's body (the caller writes its heading): what was found last year, what is
 * met now, what improved and what did not; the table of the county's items (numbered with
 * `tableNo`); the units' items in numbers. `itemsFollow`: the ledger's items of last year follow
 * (every unit's unmet target is one of them, with its status and its check by this period's data),
 * so the units' unmet targets are left to them — the same story twice, in other numbers (162 unmet
 * targets "整改达标率" beside 191 items "整改完成率"), would read as a contradiction.
 */
export function writeRectification(b: DocBuilder, input: RectificationInput, tableNo: () => string, o: { itemsFollow?: boolean } = {}): void {
  const by = (items: RectificationItem[], s: RectificationStatus) => items.filter((x) => x.status === s);
  const cty = input.county;
  const unitsHere = o.itemsFollow ? [] : input.units;
  if (!cty.length && !unitsHere.length && !input.failedBefore.length) {
    if (!o.itemsFollow) b.p(`${input.previousLabel}评估中，全县和各单位设有目标值的指标均已达到目标，无需跟踪整改的事项。`);
    return;
  }
  if (cty.length) {
    const parts = ORDER.map((s) => [s, by(cty, s)] as const).filter(([, xs]) => xs.length);
    const tn = tableNo();
    b.lead(
      `${input.previousLabel}评估中，全县有${cty.length}项指标未达到目标值。对照本次评估结果，`,
      parts.map(([s, xs]) => `${s}${xs.length}项（${listZh(xs.map((x) => x.name))}）`).join('，'),
      `，逐项情况见${tn}。`,
    );
    b.table({
      id: 'rectification',
      caption: `${tn}  ${input.previousLabel}未达标指标整改情况`,
      columns: [
        { header: '指标', width: 26 },
        { header: '目标', width: 12, align: 'center' },
        { header: input.previousLabel, width: 13, align: 'center' },
        { header: '本期', width: 13, align: 'center' },
        { header: '整改情况', width: 12, align: 'center' },
      ],
      rows: [...cty]
        .sort((a, z) => ORDER.indexOf(a.status) - ORDER.indexOf(z.status))
        .map((x) => [cell(x.name, { value: x.indicator }), cell(x.target, { align: 'center' }), cell(x.previous, { align: 'center' }), cell(x.current, { align: 'center' }), cell(x.status, { align: 'center', alert: x.status === '有所退步' })]),
      dense: true,
    });
  }
  if (unitsHere.length) {
    const us = unitsHere;
    const met = by(us, '已达标');
    const units = [...new Set(us.map((x) => x.subject))];
    const open = units.filter((u) => us.some((x) => x.subject === u && x.status !== '已达标'));
    const worse = by(us, '有所退步');
    const worseUnits = [...new Set(worse.map((x) => x.subject))];
    b.p(
      `各单位层面，${input.previousLabel}共有${units.length}个单位的${us.length}项指标未达到目标，本期已达标${met.length}项，整改达标率${pct(met.length / us.length)}；`,
      open.length ? `${namesZh(open)}仍有未达标事项` : '各单位均已整改达标',
      worse.length ? `，其中${namesZh(worseUnits)}的${worse.length}项指标较上年有所退步，需要重点督促。` : '。',
    );
  }
  if (input.failedBefore.length) {
    const f = input.failedBefore;
    const nowOk = f.filter((x) => x.grade && x.grade !== '不合格');
    b.p(
      `${input.previousLabel}等次为不合格的${listZh(f.map((x) => x.unit))}，`,
      nowOk.length === f.length ? '本期等次均已提升至合格及以上。' : nowOk.length ? `本期${listZh(nowOk.map((x) => `${x.unit}提升为${x.grade}`))}，${listZh(f.filter((x) => !nowOk.includes(x)).map((x) => x.unit))}仍为不合格。` : '本期仍为不合格。',
    );
  }
}

/** The unit's own targets missed last year and where they stand now (unit reports). */
export function unitRectification(input: RectificationInput | null, unitShort: string): RectificationItem[] {
  return input ? input.units.filter((x) => x.subject === unitShort) : [];
}


// 年度执法体检评估报告 (the county's annual evaluation report) as a report model. Structure: 主送机关;
// 一、评估概况; 二、改革目标完成情况; 三、综合评估结果; 四、分维度评估情况; 五、主要做法与成效;
// 六、上年整改落实情况; 七、存在的主要问题 (with 原因分析); 八、下一步工作 (with the work plan by
// responsible unit and deadline); 附件说明; signature; four annexes (index system, each unit's
// indicator values, rank robustness, data sources); 版记.
import {
  dimensionBarInput,
  dimensionBarOption,
  heatmapInput,
  heatmapOption,
  intervalsInput,
  rankIntervalsOption,
  rankingBarOption,
  rankingInput,
  targetsInput,
  targetsOption,
  unitIndicators,
} from '../charts/index.js';
import type { EntityResult, EvaluationResult, IndicatorValue, TargetResult } from '../eval/types.js';
import type { Sheet } from '../export/tabular.js';
import { tableDef } from '../schema/tables.js';
import { countyAdvice, ruleAdvice } from './advice.js';
import {
  addDays,
  beforeZh,
  cmpOf,
  county,
  countyName,
  countyRecipient,
  dimName,
  directionZh,
  gradeBandsText,
  INDICATOR_STATUS_ZH,
  issuerShort,
  meta,
  methodText,
  periodTitle,
  rangeZh,
  signatureDate,
  units,
  UNIT_TYPE_ORDER,
  UNIT_TYPE_ZH,
  valueCell,
  byMeasure,
  measureZh,
  weightPct,
  tvu,
  valueText,
  vu,
  type IndicatorMeta,
  type ReportContext,
} from './common.js';
import { changeScore, cnNumber, dateTimeZh, dateZh, gapText, indicatorValue, int, num, pct, rankMove, score, signedScore, targetText, type Comparison } from './format.js';
import { cell, DocBuilder, nameCell, safeFileStem, type Cell, type ReportDoc } from './model.js';
import { countSentence, gradeDistribution, judgements, listZh, moneySentence, namesZh, paragraph, quoted, rateSentence, scoreSentence, sentence, tiedWithFirst, type Judgement } from './narrative.js';
import { rectificationFromRun, writeRectification } from './rectification.js';
import { achievements, causes, tasks } from './sections.js';
import { appendCountySection } from '../rectify/report.js';
import { dataNotesBlock, funnelBlock } from './method-notes.js';

const SOURCE_ZH: Record<string, string> = { seed: '实施方案', law: '法律法规', published: '公开数据', assumed: '评估设定' };

const CIRCLED = ['①', '②', '③', '④', '⑤', '⑥', '⑦', '⑧', '⑨', '⑩'];

/** Red lines hit, compactly for a table cell: ①1（否） ②1. */
function flagCodes(run: EvaluationResult, e: EntityResult): string {
  return e.flags
    .map((f) => {
      const i = run.red_lines.findIndex((r) => r.id === f.id);
      return `${CIRCLED[i] ?? `${i + 1}.`}${f.hits}${e.vetoed_by.includes(f.id) ? '（否）' : ''}`;
    })
    .join(' ');
}

function targetValue(t: TargetResult, x: number | null | undefined): string | null {
  return indicatorValue(x, tvu(t));
}

/** The change of a target's actual value in words (percentage points for rates, with its measure word for counts). */
function targetChange(t: TargetResult, c: Comparison | null): string | null {
  if (t.previous === undefined || t.previous === null || t.actual === null) return null;
  if (t.unit === 'percent') return rateSentence('', t.actual, t.previous, c)?.replace(/^为[^，]*，/, '').replace(/。$/, '') ?? null;
  const d = t.actual - t.previous;
  if (!c) return null;
  return d === 0 ? `与${c.base}持平` : `较${c.base}${d > 0 ? '增加' : '减少'}${indicatorValue(Math.abs(d), tvu(t))}`;
}

export interface WeakIndicator {
  id: string;
  name: string;
  dimension: string;
  value: number;
  score: number;
  valueText: string;
  target: string | null;
  gap: string | null;
}

/** The county's weak points (status ok), lowest score first: a target not met, or without a target a low score. */
export function weakIndicators(run: EvaluationResult, limit = 6): WeakIndicator[] {
  const c = county(run);
  return judgements(run, c)
    .filter((j) => j.standing === 'weakness')
    .map((j) => {
      const m = meta(run, j.id);
      return {
        id: m.id,
        name: m.name.zh,
        dimension: dimName(run, m.dimension),
        value: j.value,
        score: j.score ?? 0,
        valueText: valueText(j.value, m) ?? '—',
        target: m.target ? targetText(m.target.op, m.target.value, vu(m)) : null,
        gap: m.target ? gapText(j.value, m.target.op, m.target.value, vu(m)) : null,
      };
    })
    .sort((a, z) => a.score - z.score)
    .slice(0, limit);
}

/** Heatmap parts: whole dimensions, at most `rows` indicators each (so that labels stay legible). */
export function heatmapParts(run: EvaluationResult, rows = 16): Array<{ dims: string[]; ids: string[] }> {
  const inds = unitIndicators(run);
  const parts: Array<{ dims: string[]; ids: string[] }> = [];
  for (const d of run.dimensions) {
    const ids = inds.filter((m) => m.dimension === d.id).map((m) => m.id);
    if (!ids.length) continue;
    const last = parts[parts.length - 1];
    if (last && last.ids.length + ids.length <= rows) {
      last.dims.push(d.id);
      last.ids.push(...ids);
    } else parts.push({ dims: [d.id], ids: [...ids] });
  }
  return parts;
}

/** An indicator's unit for a column header: %, 次, 学时, 次/百户. */
function unitLabel(m: IndicatorMeta): string {
  if (m.unit === 'percent') return '%';
  if (m.unit === 'hours') return '学时';
  return vu(m).measure ?? '';
}

/** A value without its unit (the unit is in the column header). */
function bareValue(v: IndicatorValue | undefined, m: IndicatorMeta): string {
  if (!v || v.status === 'not_applicable') return '—';
  if (v.status === 'nothing_to_evaluate') return '无';
  // a small sample has its value, not scored: shown with * as the annex's legend says (not 缺)
  if ((v.status !== 'ok' && v.status !== 'small_sample') || v.raw === null) return '缺';
  const x = m.unit === 'percent' ? num(v.raw * 100, 1) : m.unit === 'count' ? num(v.raw, Number.isInteger(v.raw) ? 0 : 1) : m.unit === 'hours' ? num(v.raw, 1) : num(v.raw, 2);
  return `${x}${v.reliable && v.status === 'ok' ? '' : '*'}`;
}

function judgementText(j: Judgement, run: EvaluationResult, c: EntityResult): string {
  const m = meta(run, j.id);
  const gap = m.target ? gapText(j.value, m.target.op, m.target.value, vu(m)) : null;
  return `${m.name.zh}（${valueCell(c.indicators[m.id], m)}${gap && m.target ? `，目标${targetText(m.target.op, m.target.value, vu(m))}，${gap}` : ''}）`;
}

const ORDINAL = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function buildCountyReport(ctx: ReportContext): ReportDoc {
  const { run } = ctx;
  const cname = countyName(run);
  const c = county(run);
  const us = units(run);
  const ranked = us.filter((u) => u.rank !== null);
  const cmp = cmpOf(run);
  const pt = periodTitle(run);
  const b = new DocBuilder();
  const title = `${cname}${pt}行政执法\n“全方位体检式”评估报告`;
  let fig = 0;
  let tab = 0;
  const figNo = () => `图${++fig}`;
  const tabNo = () => `表${++tab}`;
  const prevLabel = run.compare ? (run.compare.kind === 'year' ? `${run.compare.label}年` : run.compare.label) : null;
  const curLabel = run.period.kind === 'year' ? `${run.period.label}年` : run.period.label;
  const office = issuerShort(ctx);
  const annexes = ['评估指标体系及权重', '各单位指标值', ...(run.robustness && intervalsInput(run) ? ['排名稳健性分析'] : []), '数据来源'];
  const annexNo = (name: string) => `附件${annexes.indexOf(name) + 1}`;

  b.recipient(countyRecipient(run));
  b.p(
    `根据《嵊泗县“大综合一体化”行政执法改革实施方案》（嵊政发〔2021〕11号）关于“科学建立行政执法评估制度及指标体系，对执法制度、监管履职、执法质量、队伍建设、执法绩效等进行‘全方位体检式’评估”的要求，${office}对全县${us.length}个行政执法单位${pt}行政执法工作开展了评估。现将评估情况报告如下。`,
  );

  // 一、评估概况
  b.heading(1, '评估概况');
  b.heading(2, '评估对象和期间');
  const byType = UNIT_TYPE_ORDER.map((t) => [t, us.filter((u) => u.unit_type === t).length] as const).filter(([, n]) => n > 0);
  b.p(
    sentence(
      `本次评估对象为全县${us.length}个行政执法单位`,
      byType.length ? `其中${byType.map(([t, n]) => `${UNIT_TYPE_ZH[t] ?? t}${n}个`).join('、')}` : null,
    ),
    sentence(`评估期间为${rangeZh(run.period)}`, run.compare ? `对比期间为${rangeZh(run.compare)}` : null),
  );
  b.heading(2, '评估方法');
  const mt = methodText(run);
  const nInd = run.indicators.length;
  b.p(
    `评估采用${quoted(run.index_name.zh)}（版本${run.index_version}），设${listZh(run.dimensions.map((d) => d.name.zh))}${cnNumber(run.dimensions.length)}个维度${nInd}项指标，另设${run.red_lines.length}条法定红线。各项指标按${mt.normalization}换算为0至100分，维度内各指标${mt.weights}、各维度按${listZh(run.dimensions.map((d) => `${d.name.zh}${weightPct(d.weight)}`), '、')}的权重${mt.aggregation}得出综合得分；不适用某单位的指标不参与该单位评分，其余指标权重相应调整。综合得分${gradeBandsText(run)}；${run.red_lines.some((r) => r.veto) ? `触及“${run.red_lines.filter((r) => r.veto).map((r) => r.name.zh).join('、')}”红线的单位实行一票否决，等次定为不合格。` : '红线情况单独列示。'}`,
  );
  const totalRows = run.data.reduce((s, d) => s + d.rows_loaded, 0);
  b.p(
    run.robustness ? `为检验排名的可靠性，对指标权重、归一化方法和汇总方法进行了${int(run.robustness.draws)}次蒙特卡洛扰动分析，得出各单位的排名区间。` : null,
    run.data.length ? `评估数据来自${int(run.data.length)}个业务数据文件共${int(totalRows)}条记录，评估批次编号为${run.run_id}，数据来源及校验值见${annexNo('数据来源')}。` : null,
  );
  dataNotesBlock(b, run);

  // 执法工作基本情况
  const F = ctx.facts.items;
  const f = (id: string) => F[id];
  const facts = paragraph(
    countSentence({ subject: `${curLabel}，全县`, what: '共立案办理行政处罚案件', value: f('cases_filed')?.current, previous: f('cases_filed')?.previous, measure: '件' }, cmp),
    countSentence({ subject: '', what: '作出处罚决定', value: f('cases_decided')?.current, previous: f('cases_decided')?.previous, measure: '件' }, cmp),
    moneySentence('罚没金额合计', f('fines_yuan')?.current, f('fines_yuan')?.previous, cmp),
    sentence(
      countSentence({ subject: '', what: '开展行政检查', value: f('inspections')?.current, previous: f('inspections')?.previous, measure: '户次' }, cmp)?.replace(/。$/, ''),
      f('joint_inspections')?.current != null && f('inspections')?.current ? `其中“综合查一次”联合检查${int(f('joint_inspections')!.current)}户次，占${pct(f('joint_inspections')!.current! / f('inspections')!.current!)}` : null,
    ),
    countSentence({ subject: '', what: '受理投诉举报', value: f('complaints_received')?.current, previous: f('complaints_received')?.previous, measure: '件' }, cmp),
    sentence(
      f('officers')?.current != null ? `全县共有行政执法人员${int(f('officers')!.current)}人` : null,
      f('township_officers')?.current != null ? `其中下沉乡镇${int(f('township_officers')!.current)}人` : null,
    ),
  );
  if (facts || ctx.facts.workspaceNote) {
    b.heading(2, '执法工作基本情况');
    b.p(facts);
    if (ctx.facts.workspaceNote) b.styled('note', `注：${ctx.facts.workspaceNote}`);
  }

  // 二、改革目标完成情况
  const seedTargets = run.targets.filter((t) => t.source === 'seed');
  if (seedTargets.length) {
    b.heading(1, '改革目标完成情况');
    const met = seedTargets.filter((t) => t.met === true);
    const unmet = seedTargets.filter((t) => t.met === false);
    const unknown = seedTargets.filter((t) => t.met === null);
    b.p(
      sentence(
        `对照实施方案确定的改革目标，${seedTargets.length}项可量化目标中已达成${met.length}项`,
        unmet.length ? `未达成${unmet.length}项` : '全部达成',
        unknown.length ? `${unknown.length}项因缺少数据暂无法评价` : null,
      ),
      met.length ? `已达成的目标为：${met.map((t) => `${t.name.zh}${targetValue(t, t.actual)}`).join('、')}。` : null,
    );
    const tn = tabNo();
    const fn = figNo();
    if (unmet.length) {
      b.p(
        `尚未达成的目标为：${unmet
          .map((t) => {
            const gap = gapText(t.actual, t.op, t.target, tvu(t));
            const ch = targetChange(t, cmp);
            return `${t.name.zh}为${targetValue(t, t.actual)}（目标${targetText(t.op, t.target, tvu(t))}${gap ? `，${gap}` : ''}${ch ? `，${ch}` : ''}）`;
          })
          .join('；')}。`,
      );
    }
    b.lead(`各项目标的依据和完成情况见${tn}、${fn}。`);
    b.table({
      id: 'targets',
      caption: `${tn}  改革目标完成情况`,
      columns: [
        { header: '目标', width: 19 },
        { header: '要求', width: 10, align: 'center' },
        { header: `${curLabel}`, width: 10, align: 'center' },
        ...(prevLabel ? [{ header: prevLabel, width: 10, align: 'center' as const }] : []),
        { header: '完成情况', width: 10, align: 'center' },
        { header: '依据', width: 41 },
      ],
      rows: seedTargets.map((t) => [
        cell(t.name.zh),
        cell(targetText(t.op, t.target, tvu(t)), { align: 'center' }),
        cell(targetValue(t, t.actual), { align: 'center', value: t.actual }),
        ...(prevLabel ? [cell(targetValue(t, t.previous), { align: 'center', value: t.previous ?? null })] : []),
        cell(t.met === null ? '无数据' : t.met ? '达成' : '未达成', { align: 'center', alert: t.met === false }),
        cell(t.note),
      ]),
      dense: true,
    });
    b.chart({ id: 'targets', caption: `${fn}  改革目标完成度（达成记为100%）`, option: targetsOption(targetsInput(run)), width: 640, height: 70 + seedTargets.length * 30 });
  }

  // 三、综合评估结果
  b.heading(1, '综合评估结果');
  // grades and comparisons are of the units ranked: a unit with too little data or abolished
  // within the period is listed with its numbers and the reason, never "位列最后"
  const dist = gradeDistribution(ranked);
  const unranked = us.filter((u) => u.rank === null);
  const insufficient = unranked.filter((u) => !u.abolished_date);
  const abolished = unranked.filter((u) => u.abolished_date);
  const best = ranked[0];
  const worst = ranked[ranked.length - 1];
  // tied first or last (same rank): all of them, not the one the sort put at the end
  const firsts = best ? ranked.filter((u) => u.rank === best.rank) : [];
  const lasts = worst ? ranked.filter((u) => u.rank === worst.rank) : [];
  const improved = ranked.filter((u) => u.change?.total != null).sort((a, z) => z.change!.total! - a.change!.total!);
  const up = improved.filter((u) => u.change!.total! >= 0.05);
  const down = improved.filter((u) => u.change!.total! <= -0.05).reverse();
  b.p(
    scoreSentence('全县', c, c.previous, cmp),
    dist ? `${unranked.length ? `参加排名的${ranked.length}个单位中` : `${us.length}个单位中`}，${dist}。` : null,
    insufficient.length ? `${listZh(insufficient.map((u) => u.short_name))}本期可评价的数据不足（可评价的维度少于三分之二），不计综合得分，不参加排名。` : null,
    abolished.length ? `${listZh(abolished.map((u) => `${u.short_name}（${dateZh(u.abolished_date!)}撤销）`))}于期内撤销，按存续期间评价，不参加排名，其数据计入全县。` : null,
    best && worst && best.rank !== worst.rank
      ? `${namesZh(firsts.map((u) => u.short_name))}以${score(best.total)}分${firsts.length > 1 ? '并列' : '位列'}第一，${namesZh(lasts.map((u) => u.short_name))}${score(worst.total)}分${lasts.length > 1 ? '并列' : '位列'}最后，最高分与最低分相差${num((best.total ?? 0) - (worst.total ?? 0), 1)}分。`
      : null,
    cmp && up.length
      ? `与${cmp.base}相比，${up.length}个单位得分提高，其中${up.slice(0, 3).map((u) => `${u.short_name}（${signedScore(u.change!.total)}分）`).join('、')}提高较多${down.length ? `；${down.length}个单位得分下降，${down.slice(0, 3).map((u) => `${u.short_name}（${signedScore(u.change!.total)}分）`).join('、')}下降较多` : ''}。`
      : null,
  );
  const vetoed = us.filter((u) => u.vetoed_by.length);
  const rankTab = `表${tab + 1}`;
  b.lead(
    vetoed.length
      ? `${listZh(vetoed.map((u) => u.short_name))}因触及“${listZh([...new Set(vetoed.flatMap((u) => u.vetoed_by))].map((id) => run.red_lines.find((r) => r.id === id)?.name.zh ?? id))}”红线，实行一票否决，等次定为不合格。`
      : null,
    `各单位得分及排名见${rankTab}。`,
  );
  {
    const tn = tabNo();
    b.table({
      id: 'ranking',
      caption: `${tn}  各单位综合得分及排名`,
      columns: [
        { header: '排名', width: 26, align: 'center' },
        { header: '单位', width: 70 },
        { header: '综合得分', width: 34, align: 'center' },
        { header: '等次', width: 38, align: 'center' },
        ...(run.compare ? [{ header: `较${cmp?.base ?? prevLabel}`, width: 32, align: 'center' as const }, { header: '名次变化', width: 30, align: 'center' as const }] : []),
        ...run.dimensions.map((d) => ({ header: d.name.zh, width: 32, align: 'center' as const })),
        { header: '红线', width: 46, align: 'center' },
      ],
      rows: [
        ...us.map((u) => [
          cell(u.rank === null ? '—' : String(u.rank), { align: 'center', value: u.rank }),
          nameCell(u.short_name, { value: u.entity_id }),
          cell(score(u.total), { align: 'center', value: u.total, bold: true }),
          // 不合格 wrapped to 不合 / 格 in the PDF: a grade is one word
          cell(u.grade, { align: 'center', alert: u.grade === '不合格', keep: true }),
          ...(run.compare ? [cell(signedScore(u.change?.total), { align: 'center', value: u.change?.total ?? null }), cell(rankMove(u.change?.rank), { align: 'center', value: u.change?.rank ?? null })] : []),
          ...run.dimensions.map((d) => cell(score(u.dimensions[d.id]), { align: 'center', value: u.dimensions[d.id] ?? null })),
          cell(flagCodes(run, u) || '—', { align: 'center', alert: u.flags.length > 0 }),
        ]),
        [
          cell('—', { align: 'center' }),
          cell('全县', { bold: true, value: c.entity_id }),
          cell(score(c.total), { align: 'center', value: c.total, bold: true }),
          cell(c.grade, { align: 'center', keep: true }),
          ...(run.compare ? [cell(signedScore(c.change?.total), { align: 'center', value: c.change?.total ?? null }), cell('—', { align: 'center' })] : []),
          ...run.dimensions.map((d) => cell(score(c.dimensions[d.id]), { align: 'center', value: c.dimensions[d.id] ?? null })),
          cell(flagCodes(run, c) || '—', { align: 'center' }),
        ],
      ],
      note: `注：${unranked.length ? `排名为“—”的单位不参加排名：${unranked.map((u) => `${u.short_name}，${u.abolished_date ? `${dateZh(u.abolished_date)}撤销，按存续期间评价` : (u.unranked?.zh.replace(/，不参加排名/, '') ?? '数据不足')}`).join('；')}。` : ''}名次变化中↑为上升、↓为下降。红线：${run.red_lines.map((r, i) => `${CIRCLED[i] ?? i + 1}${r.name.zh}`).join('，')}；数字为起数，“否”为一票否决。`,
      dense: true,
    });
    const fn = figNo();
    b.chart({ id: 'ranking', caption: `${fn}  各单位综合得分（虚线为全县得分）`, option: rankingBarOption(rankingInput(run)), width: 640, height: 90 + us.length * 26 });
  }

  // 四、分维度评估情况
  b.heading(1, '分维度评估情况');
  {
    const parts = heatmapParts(run);
    const all = heatmapInput(run);
    const inds = unitIndicators(run);
    const nums = parts.map(() => figNo());
    b.lead(`各单位在${listZh(run.dimensions.map((d) => d.name.zh))}${cnNumber(run.dimensions.length)}个维度上的指标得分见${listZh(nums)}，颜色越深得分越高。`);
    parts.forEach((p, i) => {
      const rows = p.ids.map((id) => inds.findIndex((m) => m.id === id));
      b.chart({
        id: `heatmap_${i + 1}`,
        caption: `${nums[i]}  各单位${listZh(p.dims.map((d) => dimName(run, d)))}指标得分（灰色为不适用或无可评价事项）`,
        option: heatmapOption({ units: all.units, indicators: rows.map((r) => all.indicators[r]!), scores: rows.map((r) => all.scores[r]!) }),
        width: 640,
        height: 170 + p.ids.length * 26,
      });
    });
  }
  funnelBlock(b, run, figNo);
  for (const d of run.dimensions) {
    b.heading(2, d.name.zh);
    const cur = c.dimensions[d.id] ?? null;
    const prev = c.previous?.dimensions[d.id] ?? null;
    // highest and lowest among the units ranked (not a unit scored on a handful of cases)
    const scored = ranked.filter((u) => u.dimensions[d.id] !== null && u.dimensions[d.id] !== undefined).sort((a, z) => z.dimensions[d.id]! - a.dimensions[d.id]!);
    const top = scored[0];
    const bottom = scored[scored.length - 1];
    const tops = tiedWithFirst(scored, (u) => u.dimensions[d.id]!);
    const bottoms = tiedWithFirst([...scored].reverse(), (u) => u.dimensions[d.id]!).reverse();
    const full = scored.filter((u) => u.dimensions[d.id]! >= 99.95);
    const members = run.indicators.filter((m) => m.dimension === d.id);
    const js = judgements(run, c, members.map((m) => m.id));
    const strong = js.filter((j) => j.standing === 'strength').sort((a, z) => (z.score ?? 0) - (a.score ?? 0)).slice(0, 3);
    const weak = js.filter((j) => j.standing === 'weakness').sort((a, z) => (a.score ?? 0) - (z.score ?? 0)).slice(0, 3);
    const unmet = weak.filter((j) => j.met === false);
    const low = weak.filter((j) => j.met === null);
    b.p(
      cur !== null ? sentence(`全县${d.name.zh}维度得分${score(cur)}分`, changeScore(cur, prev, cmp)) : null,
      full.length > 1 && full.length === scored.length
        ? `参评单位该维度均为满分。`
        : top && bottom && tops.length < scored.length
          ? `各单位中${full.length > 1 ? `${full.length}个单位得满分` : `${namesZh(tops.map((u) => u.short_name))}${tops.length > 1 ? '并列' : ''}最高（${score(top.dimensions[d.id])}分）`}，${namesZh(bottoms.map((u) => u.short_name))}${bottoms.length > 1 ? '并列' : ''}最低（${score(bottom.dimensions[d.id])}分）。`
          : null,
      strong.length ? `从全县指标看，${listZh(strong.map((j) => `${j.name}（${valueCell(c.indicators[j.id], meta(run, j.id))}）`))}表现较好` : null,
      strong.length ? (weak.length ? '；' : '。') : null,
      unmet.length ? `${strong.length ? '' : '从全县指标看，'}${unmet.map((j) => judgementText(j, run, c)).join('、')}未达到目标` : null,
      unmet.length ? (low.length ? '；' : '。') : null,
      low.length ? `${strong.length || unmet.length ? '' : '从全县指标看，'}${low.map((j) => judgementText(j, run, c)).join('、')}得分偏低。` : null,
    );
    const spread = scored.length ? scored[0]!.dimensions[d.id]! - scored[scored.length - 1]!.dimensions[d.id]! : 0;
    const countyOnly = members.filter((m) => !us.some((u) => u.indicators[m.id]?.applicable));
    if (countyOnly.length) {
      b.p(
        countyOnly.length === 1
          ? `${countyOnly[0]!.name.zh}为全县层面指标，全县为${valueCell(c.indicators[countyOnly[0]!.id], countyOnly[0]!)}，不参与单位评分。`
          : `${listZh(countyOnly.map((m) => m.name.zh))}为全县层面指标，全县分别为${countyOnly.map((m) => valueCell(c.indicators[m.id], m)).join('、')}，不参与单位评分。`,
      );
    }
    if (scored.length > 1 && spread >= 0.05) {
      const fn = figNo();
      b.chart({ id: `dim_${d.id}`, caption: `${fn}  各单位${d.name.zh}维度得分（虚线为全县得分）`, option: dimensionBarOption(dimensionBarInput(run, d.id)), width: 640, height: 300 });
    }
  }

  // 五、主要做法与成效
  const ach = achievements(run, cmp);
  if (ach.length) {
    b.heading(1, '主要做法与成效');
    if (ach.length === 1) for (const p of ach[0]!.paragraphs) b.p(p);
    else
      for (const part of ach) {
        b.heading(2, part.title);
        for (const p of part.paragraphs) b.p(p);
      }
  }

  // 六、上年整改落实情况, one section: the county's targets missed last year and the units graded
  // 不合格, from the runs; then, where last year's items are in the ledger, the units' items, their
  // status and their checks by this period's data — which then speak for the units alone
  const rect = rectificationFromRun(run);
  const ledger = ctx.rectify?.county ?? null;
  if (rect || ledger) {
    b.heading(1, '上年整改落实情况');
    if (rect) writeRectification(b, rect, tabNo, { itemsFollow: !!ledger });
    if (ledger) appendCountySection(b, ledger, tabNo, { heading: false });
  }

  // 七、存在的主要问题
  b.heading(1, '存在的主要问题');
  const problems: Array<{ id: string; title: string; text: string; adviceTitle: string; advice: string }> = [];
  const flags = c.flags.filter((fl) => fl.hits > 0);
  if (flags.length) {
    const byFlag = flags.map((fl) => {
      const who = us.filter((u) => u.flags.some((x) => x.id === fl.id));
      // the parts in brackets are read as adding up to the county's number: say 涉及 when they do not
      const adds = who.reduce((a, u) => a + u.flags.find((x) => x.id === fl.id)!.hits, 0) === fl.hits;
      return `${fl.name.zh}${int(fl.hits)}起${who.length ? `（${adds ? '' : '涉及'}${who.map((u) => `${u.short_name}${u.flags.find((x) => x.id === fl.id)!.hits}起`).join('、')}）` : ''}`;
    });
    problems.push({ id: 'red_lines', title: '法定红线仍有触碰', adviceTitle: '坚决守住法定红线', text: `评估期内，全县发现${byFlag.join('，')}。`, advice: flags.map((fl) => countyAdvice(fl.id, fl.name.zh)).join('') });
  }
  const weak = weakIndicators(run);
  if (weak.length) {
    problems.push({
      id: 'weak',
      title: '部分指标与目标仍有差距',
      adviceTitle: '补齐薄弱指标短板',
      text: `${weak.map((w) => `${w.name}为${w.valueText}${w.target ? `（目标${w.target}${w.gap ? `，${w.gap}` : ''}）` : `（得分${score(w.score)}分）`}`).join('；')}。`,
      advice: weak.map((w) => countyAdvice(w.id, w.name, w.target)).join(''),
    });
  }
  const laggards = ranked.filter((u) => u.grade === '不合格' || (u.change?.total != null && u.change.total <= -2));
  if (laggards.length) {
    const fails = ranked.filter((u) => u.grade === '不合格');
    const drops = ranked.filter((u) => u.grade !== '不合格' && u.change?.total != null && u.change.total <= -2);
    problems.push({
      id: 'laggards',
      title: '单位之间发展不够均衡',
      adviceTitle: '强化考评结果运用',
      text: paragraph(
        fails.length ? `${listZh(fails.map((u) => `${u.short_name}（${score(u.total)}分）`))}等次为不合格。` : null,
        drops.length && cmp ? `${listZh(drops.map((u) => `${u.short_name}（${signedScore(u.change!.total)}分）`))}得分较${cmp.base}下降较多。` : null,
        best && worst && best !== worst ? `各单位得分最高${score(best.total)}分、最低${score(worst.total)}分，差距较大。` : null,
      )!,
      advice: '充分发挥考评激励作用，以考促进、鼓励先进、鞭策后进；对等次为不合格和得分明显下降的单位进行约谈，督促其对照问题清单逐项整改。',
    });
  }
  const rv = ctx.review;
  if (rv && rv.hits.length) {
    const withHits = rv.rules.filter((r) => r.hits > 0).sort((a, z) => z.hits - a.hits);
    const high = withHits.filter((r) => r.severity === '高').reduce((s, r) => s + r.hits, 0);
    problems.push({
      id: 'review',
      title: '部分问题线索有待核查',
      adviceTitle: '抓好问题线索核查处理',
      text: `问题线索排查共发现线索${int(rv.hits.length)}条${high ? `，其中高风险${int(high)}条` : ''}，主要为${withHits.slice(0, 4).map((r) => `${r.name.zh}${int(r.hits)}条`).join('、')}，涉及${Object.keys(rv.by_unit).length}个单位。`,
      advice: withHits.slice(0, 3).map((r) => ruleAdvice(r.id, r.name.zh, r.basis)).join(''),
    });
  }
  const why = causes(run, cmp);
  if (problems.length) {
    problems.forEach((p) => {
      b.heading(2, p.title);
      if (p.id === 'review' && rv && rv.rules.length) {
        const tn = tabNo();
        b.lead(p.text, `分类统计见${tn}。`);
        b.table({
          id: 'review_rules',
          caption: `${tn}  问题线索分类统计`,
          columns: [
            { header: '线索类型', width: 30 },
            { header: '风险等级', width: 10, align: 'center' },
            { header: '线索数', width: 10, align: 'center' },
            { header: '涉及单位数', width: 12, align: 'center' },
            { header: '依据', width: 38 },
          ],
          rows: rv.rules.map((r) => [
            cell(r.name.zh),
            cell(r.severity, { align: 'center', alert: r.severity === '高' && r.hits > 0 }),
            cell(int(r.hits), { align: 'center', value: r.hits }),
            cell(int(Object.keys(r.units).filter((k) => r.units[k]! > 0).length), { align: 'center' }),
            cell(r.basis),
          ]),
          dense: true,
        });
      } else b.p(p.text);
    });
    if (why.length) {
      b.heading(2, '原因分析');
      why.forEach((w, i) => b.p(`${ORDINAL[i] ?? i + 1}是${w}`));
    }
  } else {
    b.p('本期评估未发现突出问题。');
  }

  // 八、下一步工作
  b.heading(1, '下一步工作');
  problems.forEach((p) => {
    b.heading(2, p.adviceTitle);
    b.p(p.advice);
  });
  b.heading(2, '持续深化“全方位体检式”评估');
  b.p('将评估结果纳入年度考核，向各单位反馈体检报告和问题清单，建立问题整改台账，实行销号管理；下一评估周期对整改情况进行复核，推动“审批—监管—处罚—监督评价”执法闭环不断完善。');
  {
    const tn = tabNo();
    const plan = tasks(ctx);
    b.lead(`上述工作的责任单位和完成时限见${tn}。`);
    b.table({
      id: 'tasks',
      caption: `${tn}  下一步重点工作安排`,
      columns: [
        { header: '序号', width: 6, align: 'center' },
        { header: '工作任务', width: 44 },
        { header: '责任单位', width: 28 },
        { header: '完成时限', width: 22, align: 'center' },
      ],
      rows: plan.map((t, i) => [cell(String(i + 1), { align: 'center' }), cell(t.task), cell(t.owner), cell(t.deadline, { align: 'center' })]),
      dense: true,
    });
  }
  b.p(`各单位要按照上述安排抓好落实，整改情况于${beforeZh(addDays(ctx.date, 30))}书面报送${office}。`);

  b.attachments(annexes);
  b.signature(ctx.issuer, signatureDate(ctx));

  b.annex(annexNo('评估指标体系及权重'), '评估指标体系及权重');
  b.p(`本次评估采用${quoted(run.index_name.zh)}（版本${run.index_version}）。表中“维度内权重”为指标在所属维度中的权重，“综合权重”为指标在单位综合得分中的权重（各指标均可评价时）；“—”表示该指标为全县层面指标，不参与单位评分。`);
  b.styled('note', `指标体系文件SHA-256校验值：${run.index_sha256}`);
  {
    const tn = tabNo();
    const rows: Cell[][] = [];
    const ncol = 7;
    run.dimensions.forEach((d, di) => {
      rows.push([cell(`${cnNumber(di + 1)}、${d.name.zh}（维度权重${weightPct(d.weight)}）`, { span: ncol, bold: true })]);
      for (const m of run.indicators.filter((x) => x.dimension === d.id)) {
        rows.push([
          cell(m.name.zh, { value: m.id }),
          cell(directionZh(m.direction), { align: 'center' }),
          cell(weightPct(m.weight), { align: 'center', value: m.weight }),
          cell(m.effective_weight ? pct(m.effective_weight, 2) : '—', { align: 'center', value: m.effective_weight }),
          cell(m.target ? targetText(m.target.op, m.target.value, vu(m)) : '—', { align: 'center' }),
          cell(m.target ? (SOURCE_ZH[m.target.source] ?? m.target.source) : '—', { align: 'center' }),
          cell(score(c.indicators[m.id]?.score ?? null) === null ? valueCell(c.indicators[m.id], m) : `${valueCell(c.indicators[m.id], m)}／${score(c.indicators[m.id]!.score)}`, { align: 'center', value: c.indicators[m.id]?.raw ?? null }),
        ]);
      }
    });
    b.table({
      id: 'index',
      caption: `${tn}  评估指标、权重和目标`,
      columns: [
        { header: '指标', width: 28 },
        { header: '方向', width: 8, align: 'center' },
        { header: '维度内权重', width: 11, align: 'center' },
        { header: '综合权重', width: 10, align: 'center' },
        { header: '目标', width: 12, align: 'center' },
        { header: '目标来源', width: 12, align: 'center' },
        { header: '全县值／得分', width: 19, align: 'center' },
      ],
      rows,
      note: `注：带*的数值分母低于该指标的最小样本量，仅供参考。法定红线：${run.red_lines.map((r) => `${r.name.zh}（${r.basis}${r.veto ? '，一票否决' : ''}）`).join('；')}。`,
      dense: true,
    });
  }

  b.annex(annexNo('各单位指标值'), '各单位指标值');
  b.p('下列各表列出各单位适用指标的数值，计量单位见表头。“—”为该指标不适用于该单位，“无”为本期没有该指标所评价的事项，“缺”为缺少数据；带*的数值分母低于最小样本量，仅供参考。');
  {
    // tables of at most eight indicators, in the index's order, each caption naming its dimensions
    const inds = unitIndicators(run);
    const per = 8;
    const n = Math.ceil(inds.length / per);
    for (let k = 0; k < n; k++) {
      const part = inds.slice(k * per, (k + 1) * per);
      const dims = [...new Set(part.map((m) => m.dimension))].map((d) => dimName(run, d));
      const tn = tabNo();
      b.table({
        id: `values_${k + 1}`,
        caption: `${tn}  各单位指标值${n > 1 ? `（${cnNumber(k + 1)}）` : ''}：${listZh(dims)}`,
        columns: [{ header: '单位', width: 15 }, ...part.map((m) => ({ header: `${m.name.zh}${unitLabel(m) ? `（${unitLabel(m)}）` : ''}`, width: 11, align: 'center' as const }))],
        rows: [...us, c].map((e) => [nameCell(e.entity_type === 'county' ? '全县' : e.short_name, { value: e.entity_id, bold: e.entity_type === 'county' }), ...part.map((m) => cell(bareValue(e.indicators[m.id], m), { align: 'center', value: e.indicators[m.id]?.raw ?? null }))]),
        dense: true,
      });
    }
  }

  const ri = intervalsInput(run);
  if (run.robustness && ri) {
    b.annex(annexNo('排名稳健性分析'), '排名稳健性分析');
    const rb = run.robustness;
    const widths = ri.items.filter((i) => i.p5 !== null && i.p95 !== null).map((i) => ({ i, w: i.p95! - i.p5! }));
    const stable = widths.filter((x) => x.w <= 2).length;
    const wide = widths.filter((x) => x.w >= 6).sort((a, z) => z.w - a.w);
    const maxShift = [...rb.remove_one].sort((a, z) => z.max_abs_shift - a.max_abs_shift)[0];
    b.p(
      `对指标权重（各权重乘以1±${num(rb.perturbation * 100)}%的随机扰动）、归一化方法和汇总方法进行${int(rb.draws)}次蒙特卡洛模拟（随机数种子${rb.seed}），统计各单位排名的5%至95%分位区间。`,
      sentence(`${widths.length}个单位中，${stable}个单位的排名区间跨度不超过2位`, wide.length ? `${listZh(wide.slice(0, 4).map((x) => `${x.i.name}（第${x.i.p5}—${x.i.p95}位）`))}排名区间较宽，排名差异应审慎解读` : '排名总体稳定'),
      maxShift && maxShift.max_abs_shift > 0 ? `逐一剔除单项指标后，排名变动最大的是剔除“${meta(run, maxShift.indicator).name.zh}”，单位名次最多变动${maxShift.max_abs_shift}位。` : null,
    );
    const fn = figNo();
    b.chart({ id: 'intervals', caption: `${fn}  各单位名义排名及5%—95%排名区间`, option: rankIntervalsOption(ri), width: 640, height: 90 + ri.items.length * 24 });
    const tn = tabNo();
    const byId = new Map(rb.ranks.map((r) => [r.entity_id, r]));
    b.table({
      id: 'robustness',
      caption: `${tn}  排名区间`,
      columns: [
        { header: '单位', width: 24 },
        { header: '名义排名', width: 12, align: 'center' },
        { header: '5%分位', width: 12, align: 'center' },
        { header: '中位数', width: 12, align: 'center' },
        { header: '95%分位', width: 12, align: 'center' },
        { header: '平均排名', width: 12, align: 'center' },
      ],
      rows: us
        .filter((u) => byId.has(u.entity_id))
        .map((u) => {
          const r = byId.get(u.entity_id)!;
          return [
            nameCell(u.short_name, { value: u.entity_id }),
            cell(int(r.nominal), { align: 'center', value: r.nominal }),
            cell(int(r.p5), { align: 'center', value: r.p5 }),
            cell(int(r.p50), { align: 'center', value: r.p50 }),
            cell(int(r.p95), { align: 'center', value: r.p95 }),
            cell(r.mean === null ? null : num(r.mean, 2), { align: 'center', value: r.mean }),
          ];
        }),
      dense: true,
    });
  }

  b.annex(annexNo('数据来源'), '数据来源');
  b.p(
    `本报告的全部数据来自评估批次第${run.run_id}号（${dateTimeZh(run.created_at)}生成，计算程序版本${run.engine_version}），评估期间${rangeZh(run.period)}${run.compare ? `，对比期间${rangeZh(run.compare)}` : ''}。评估所用数据文件及其SHA-256校验值如下，可用于核验数据未被改动。`,
  );
  {
    const tn = tabNo();
    b.table({
      id: 'provenance',
      caption: `${tn}  评估数据文件`,
      columns: [
        { header: '序号', width: 6, align: 'center' },
        { header: '文件', width: 30 },
        { header: '数据类别', width: 14 },
        { header: '导入行数', width: 10, align: 'right' },
        { header: '拒收行数', width: 9, align: 'right' },
        { header: 'SHA-256', width: 40 },
      ],
      rows: run.data.map((d) => [
        cell(String(d.import_id), { align: 'center', value: d.import_id }),
        cell(d.file_name, { breakAnywhere: true }),
        cell(tableDef(d.table)?.zh ?? d.table),
        cell(int(d.rows_loaded), { align: 'right', value: d.rows_loaded }),
        cell(int(d.rows_rejected), { align: 'right', value: d.rows_rejected }),
        cell(d.sha256, { value: d.sha256, breakAnywhere: true }),
      ]),
      dense: true,
    });
  }

  b.imprint(null, ctx.issuer, dateZh(ctx.date));

  return {
    kind: 'county',
    title,
    subtitle: ctx.issuer,
    issuer: ctx.issuer,
    date: ctx.date,
    fileStem: safeFileStem(`${cname}${pt}行政执法体检评估报告`),
    meta: { runId: run.run_id, period: run.period.label, subject: `${cname}${pt}行政执法评估`, keywords: ['执法体检', '评估报告', cname, run.period.label] },
    blocks: b.blocks,
    sheets: countySheets(ctx),
  };
}


/** The XLSX of the county report: every number of the run at full precision, one measure per column (ratios as %). */
export function countySheets(ctx: ReportContext): Sheet[] {
  const { run } = ctx;
  const title = [`${countyName(run)}${periodTitle(run)}行政执法“全方位体检式”评估结果（评估批次第${run.run_id}号）`];
  const all = run.entities;
  const sheets: Sheet[] = [
    {
      name: '排名与得分',
      title,
      columns: [
        { key: 'rank', header: '排名', width: 6 },
        { key: 'entity_id', header: '单位编码', width: 10 },
        { key: 'name', header: '单位名称', width: 30 },
        { key: 'unit_type', header: '队伍类型', width: 8 },
        { key: 'total', header: '综合得分', numFmt: '0.0' },
        { key: 'grade', header: '等次', width: 8 },
        { key: 'prev_total', header: '上期得分', numFmt: '0.0' },
        { key: 'change', header: '得分变化', numFmt: '+0.0;-0.0;0.0' },
        { key: 'rank_change', header: '名次变化（正为上升）', width: 10, numFmt: '+0;-0;0' },
        ...run.dimensions.map((d) => ({ key: `dim_${d.id}`, header: d.name.zh, numFmt: '0.0' })),
        { key: 'flags', header: '法定红线', width: 40 },
        { key: 'vetoed', header: '一票否决', width: 20 },
      ],
      rows: all.map((e) => ({
        rank: e.rank,
        entity_id: e.entity_id,
        name: e.name,
        unit_type: e.unit_type ?? '全县',
        total: e.total,
        grade: e.grade,
        prev_total: e.previous?.total ?? null,
        change: e.change?.total ?? null,
        rank_change: e.change?.rank ?? null,
        ...Object.fromEntries(run.dimensions.map((d) => [`dim_${d.id}`, e.dimensions[d.id] ?? null])),
        flags: e.flags.map((f) => `${f.name.zh}${f.hits}起`).join('；'),
        vetoed: e.vetoed_by.map((id) => run.red_lines.find((r) => r.id === id)?.name.zh ?? id).join('；'),
      })),
    },
    {
      name: '指标明细',
      title,
      columns: [
        { key: 'entity_id', header: '单位编码', width: 10 },
        { key: 'name', header: '单位', width: 14 },
        { key: 'dimension', header: '维度', width: 10 },
        { key: 'indicator_id', header: '指标编码', width: 24 },
        { key: 'indicator', header: '指标', width: 26 },
        { key: 'measure', header: '计量单位', width: 10 },
        { key: 'numerator', header: '分子', numFmt: '#,##0.##' },
        { key: 'denominator', header: '分母', numFmt: '#,##0.##' },
        { key: 'ratio', header: '指标值（比率）', numFmt: '0.0%' },
        { key: 'value', header: '指标值（数值）', numFmt: '#,##0.00' },
        { key: 'score', header: '得分', numFmt: '0.0' },
        { key: 'status', header: '状态', width: 12 },
        { key: 'reliable', header: '样本充足', width: 8 },
        { key: 'reason', header: '说明', width: 30 },
        { key: 'prev_ratio', header: '上期指标值（比率）', numFmt: '0.0%' },
        { key: 'prev_value', header: '上期指标值（数值）', numFmt: '#,##0.00' },
      ],
      rows: all.flatMap((e) =>
        run.indicators.map((m) => {
          const v = e.indicators[m.id];
          const cur = byMeasure(v?.raw ?? null, m);
          const prev = byMeasure(e.previous?.indicators[m.id]?.raw ?? null, m);
          return {
            entity_id: e.entity_id,
            name: e.short_name,
            dimension: dimName(run, m.dimension),
            indicator_id: m.id,
            indicator: m.name.zh,
            measure: measureZh(m),
            numerator: v?.numerator ?? null,
            denominator: v?.denominator ?? null,
            ratio: cur.ratio,
            value: cur.value,
            score: v?.score ?? null,
            status: v ? INDICATOR_STATUS_ZH[v.status] : INDICATOR_STATUS_ZH.no_data,
            // the run's own flag where there is a value (a small sample is 否); no value, no sample to judge
            reliable: v && v.raw !== null && (v.status === 'ok' || v.status === 'small_sample') ? (v.reliable && v.status === 'ok' ? '是' : '否') : '—',
            reason: v?.na_reason?.zh ?? '',
            prev_ratio: prev.ratio,
            prev_value: prev.value,
          };
        }),
      ),
    },
    {
      name: '目标达成',
      title,
      columns: [
        { key: 'name', header: '指标', width: 26 },
        { key: 'measure', header: '计量单位', width: 10 },
        { key: 'op', header: '要求', width: 6 },
        { key: 'target_ratio', header: '目标值（比率）', numFmt: '0.0%' },
        { key: 'actual_ratio', header: '实际值（比率）', numFmt: '0.0%' },
        { key: 'previous_ratio', header: '上期（比率）', numFmt: '0.0%' },
        { key: 'target_value', header: '目标值（数值）', numFmt: '#,##0.##' },
        { key: 'actual_value', header: '实际值（数值）', numFmt: '#,##0.##' },
        { key: 'previous_value', header: '上期（数值）', numFmt: '#,##0.##' },
        { key: 'met', header: '是否达成', width: 8 },
        { key: 'source', header: '目标来源', width: 10 },
        { key: 'note', header: '依据', width: 60 },
      ],
      rows: run.targets.map((t) => {
        const m = { id: t.indicator, unit: t.unit };
        const [tg, ac, pr] = [byMeasure(t.target, m), byMeasure(t.actual, m), byMeasure(t.previous ?? null, m)];
        return {
          name: t.name.zh,
          measure: measureZh(m),
          op: t.op === '>=' ? '≥' : t.op === '<=' ? '≤' : '=',
          target_ratio: tg.ratio,
          actual_ratio: ac.ratio,
          previous_ratio: pr.ratio,
          target_value: tg.value,
          actual_value: ac.value,
          previous_value: pr.value,
          met: t.met === null ? '无数据' : t.met ? '达成' : '未达成',
          source: SOURCE_ZH[t.source] ?? t.source,
          note: t.note,
        };
      }),
    },
    {
      name: '指标体系',
      title,
      columns: [
        { key: 'dimension', header: '维度', width: 10 },
        { key: 'id', header: '指标编码', width: 24 },
        { key: 'name', header: '指标', width: 26 },
        { key: 'direction', header: '方向', width: 6 },
        { key: 'measure', header: '计量单位', width: 10 },
        { key: 'weight', header: '维度内权重', numFmt: '0.0%' },
        { key: 'effective_weight', header: '综合权重', numFmt: '0.00%' },
        { key: 'lower_ratio', header: '下限L（比率）', numFmt: '0.0%' },
        { key: 'upper_ratio', header: '上限U（比率）', numFmt: '0.0%' },
        { key: 'target_ratio', header: '目标值（比率）', numFmt: '0.0%' },
        { key: 'lower_value', header: '下限L（数值）', numFmt: '#,##0.##' },
        { key: 'upper_value', header: '上限U（数值）', numFmt: '#,##0.##' },
        { key: 'target_value', header: '目标值（数值）', numFmt: '#,##0.##' },
        { key: 'definition', header: '定义', width: 60 },
      ],
      rows: run.indicators.map((m) => {
        const [lo, up, tg] = [byMeasure(m.goalposts.lower, m), byMeasure(m.goalposts.upper, m), byMeasure(m.target?.value ?? null, m)];
        return {
          dimension: dimName(run, m.dimension),
          id: m.id,
          name: m.name.zh,
          direction: directionZh(m.direction),
          measure: measureZh(m),
          weight: m.weight,
          effective_weight: m.effective_weight,
          lower_ratio: lo.ratio,
          upper_ratio: up.ratio,
          target_ratio: tg.ratio,
          lower_value: lo.value,
          upper_value: up.value,
          target_value: tg.value,
          definition: m.definition,
        };
      }),
    },
  ];
  if (run.robustness) {
    sheets.push({
      name: '稳健性',
      title,
      columns: [
        { key: 'entity_id', header: '单位编码' },
        { key: 'name', header: '单位', width: 14 },
        { key: 'nominal', header: '名义排名' },
        { key: 'p5', header: '5%分位排名' },
        { key: 'p50', header: '中位排名' },
        { key: 'p95', header: '95%分位排名' },
        { key: 'mean', header: '平均排名', numFmt: '0.00' },
      ],
      rows: run.robustness.ranks.map((r) => ({ ...r, name: run.entities.find((e) => e.entity_id === r.entity_id)?.short_name })),
    });
  }
  sheets.push({
    name: '数据来源',
    title: [...title, `指标体系版本${run.index_version}，SHA-256校验值${run.index_sha256}；计算程序版本${run.engine_version}`],
    columns: [
      { key: 'import_id', header: '导入编号' },
      { key: 'file_name', header: '文件', width: 36 },
      { key: 'table', header: '数据类别', width: 16 },
      { key: 'rows_loaded', header: '导入行数', numFmt: '#,##0' },
      { key: 'rows_rejected', header: '拒收行数', numFmt: '#,##0' },
      { key: 'sha256', header: 'SHA-256', width: 70 },
    ],
    rows: run.data.map((d) => ({ ...d, table: tableDef(d.table)?.zh ?? d.table })),
  });
  if (ctx.review) {
    sheets.push({
      name: '问题线索统计',
      title: [`${countyName(run)}${periodTitle(run)}问题线索统计`],
      columns: [
        { key: 'name', header: '线索类型', width: 30 },
        { key: 'severity', header: '风险等级', width: 8 },
        { key: 'hits', header: '线索数', numFmt: '#,##0' },
        { key: 'units', header: '涉及单位数', numFmt: '#,##0' },
        { key: 'basis', header: '依据', width: 40 },
      ],
      rows: ctx.review.rules.map((r) => ({ name: r.name.zh, severity: r.severity, hits: r.hits, units: Object.values(r.units).filter((n) => n > 0).length, basis: r.basis })),
    });
  }
  return sheets;
}

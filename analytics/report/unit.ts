// 单位体检报告: one evaluated unit's health-check report — its scores against the average of the
// units and the best unit (like with like: unit scores with unit scores), the radar, its indicators
// with target and gap, its red flags and review hits (with the tracking numbers of the review pack),
// last year's gaps and where they stand, and the problem list (问题清单) whose requirements cite the
// unit's own records, with columns for the unit to fill in its rectification.
import { clipName, dimensionRadarOption, type RadarInput } from '../charts/index.js';
import type { EntityResult, EvaluationResult } from '../eval/types.js';
import type { Sheet } from '../export/tabular.js';
import { type ReviewHit, type ReviewResult, type ReviewRuleSummary } from '../review/index.js';
import { recordsSentence, unitAdvice } from './advice.js';
import { addDays, beforeZh, byMeasure, cmpOf, county, countyName, dimName, INDICATOR_STATUS_ZH, issuerShort, measureZh, periodTitle, recordsOf, signatureDate, units, valueCell, valueText, vu, type ReportContext } from './common.js';
import { cnNumber, dateZh, gapText, int, num, score, signedScore, targetText } from './format.js';
import { cell, DocBuilder, safeFileStem, type Cell, type ReportDoc } from './model.js';
import { flagsText, judgements, listZh, namesZh, scoreSentence, sentence, unitMean } from './narrative.js';
import { rectificationFromRun, unitRectification } from './rectification.js';
import { maskedText } from '../review/index.js';
import { evidenceText, hitId, hitRecordIds, trackingNumbers, zhDates } from './review-source.js';
import { appendUnitSection } from '../rectify/report.js';
import { unitSmallNumbersText } from './method-notes.js';

/** Review rules that find the same records as a red line of the default index system. */
const RULE_OF_RED_LINE: Record<string, string> = { major_without_review: 'major_without_review', overdue_cases: 'overdue_case', uncertified_enforcement: 'uncertified_officer' };

export interface ProblemItem {
  kind: '法定红线' | '问题线索' | '目标差距' | '指标偏低';
  id: string;
  description: string;
  requirement: string;
}

function hitsOf(review: ReviewResult | null, unitId: string): ReviewHit[] {
  return review ? review.hits.filter((h) => h.unit_id === unitId) : [];
}

/** "、" between ids, at most three, then "等N条". */
function idList(ids: string[], total: number, measure: string): string {
  const shown = ids.slice(0, 3);
  return `${shown.join('、')}${total > shown.length ? `等${int(total)}${measure}` : ''}`;
}

/** The unit's problem list: red lines, review hits by rule, indicators short of target, low scores. */
export function problemList(ctx: ReportContext, u: EntityResult): ProblemItem[] {
  const { run } = ctx;
  const c = county(run);
  const rec = recordsOf(ctx)[u.entity_id] ?? {};
  const out: ProblemItem[] = [];
  for (const f of u.flags) {
    out.push({
      kind: '法定红线',
      id: f.id,
      description: `${f.name.zh}${int(f.hits)}起（${f.basis}）${u.vetoed_by.includes(f.id) ? '，实行一票否决' : ''}。`,
      requirement: `${recordsSentence(f.id, undefined, rec[f.id]) ?? ''}${unitAdvice(f.id, f.name.zh)}`,
    });
  }
  const review = ctx.review;
  if (review) {
    const mine = hitsOf(review, u.entity_id);
    const numbers = trackingNumbers(review);
    const byRule = new Map<string, ReviewHit[]>();
    for (const h of mine) byRule.set(h.rule, [...(byRule.get(h.rule) ?? []), h]);
    // A rule that re-finds a red line already listed above is not listed twice.
    const covered = new Set(u.flags.map((f) => RULE_OF_RED_LINE[f.id] ?? f.id));
    for (const [ruleId, hs] of [...byRule].filter(([id]) => !covered.has(id)).sort((a, z) => z[1].length - a[1].length)) {
      const r = review.rules.find((x) => x.id === ruleId);
      const ids = [...new Set(hs.flatMap((h) => hitRecordIds(h, r)))];
      const nos = hs.map((h) => numbers.get(hitId(h))!).filter(Boolean);
      out.push({
        kind: '问题线索',
        id: ruleId,
        description: `问题线索排查发现“${r?.name.zh ?? ruleId}”线索${int(hs.length)}条（${idList(nos, nos.length, '条')}）。`,
        requirement: `${ids.length ? `请核查${idList(ids, ids.length, '项记录')}，` : '请逐条核查，'}${unitAdvice(ruleId, r?.name.zh ?? ruleId)}`,
      });
    }
  }
  const low: ProblemItem[] = [];
  const redLineActs = out.some((p) => p.kind === '法定红线' && p.id === 'uncertified_enforcement');
  for (const j of judgements(run, u)) {
    if (j.standing !== 'weakness') continue;
    const m = run.indicators.find((x) => x.id === j.id)!;
    // The red line already reported covers the count of uncertified acts.
    if (redLineActs && m.id === 'uncertified_acts') continue;
    const v = u.indicators[m.id]!;
    const cv = c.indicators[m.id]?.status === 'ok' ? c.indicators[m.id]!.raw : null;
    const cite = recordsSentence(m.id, v, rec[m.id]) ?? '';
    if (j.met === false && m.target) {
      const gap = gapText(v.raw, m.target.op, m.target.value, vu(m));
      out.push({
        kind: '目标差距',
        id: m.id,
        description: `${m.name.zh}为${valueText(v.raw, m)}${v.reliable ? '' : '（样本较少）'}，目标${targetText(m.target.op, m.target.value, vu(m))}，${gap}${cv !== null ? `（全县${valueText(cv, m)}）` : ''}。`,
        requirement: `${cite}${unitAdvice(m.id, m.name.zh, targetText(m.target.op, m.target.value, vu(m)))}`,
      });
    } else {
      low.push({
        kind: '指标偏低',
        id: m.id,
        description: `${m.name.zh}为${valueText(v.raw, m)}${v.reliable ? '' : '（样本较少）'}，得分${score(v.score)}分${cv !== null ? `（全县${valueText(cv, m)}）` : ''}。`,
        requirement: `${cite}${unitAdvice(m.id, m.name.zh)}`,
      });
    }
  }
  return [...out, ...low];
}

/** The radar of a unit: its dimension scores, the units' average, the best unit. */
function radarOf(run: EvaluationResult, u: EntityResult, best: EntityResult | undefined): RadarInput {
  // the average of the units ranked (as the county report's): not of units with too little data
  const us = units(run).filter((x) => x.rank !== null);
  const dims = run.dimensions;
  const series: RadarInput['series'][number][] = [{ name: u.short_name, values: dims.map((d) => u.dimensions[d.id] ?? null), role: 'unit' }];
  series.push({ name: '各单位平均', values: dims.map((d) => unitMean(us, d.id)), role: 'county' });
  if (best && best.entity_id !== u.entity_id) series.push({ name: `最优单位（${clipName(best.short_name)}）`, values: dims.map((d) => best.dimensions[d.id] ?? null), role: 'best' });
  return { dimensions: dims.map((d) => d.name.zh), series };
}

export function buildUnitReport(ctx: ReportContext, unitId: string): ReportDoc {
  const { run } = ctx;
  const u = run.entities.find((e) => e.entity_id === unitId && e.entity_type === 'unit');
  if (!u) throw new Error(`no unit ${unitId} in run ${run.run_id}`);
  const c = county(run);
  const us = units(run);
  const ranked = us.filter((x) => x.rank !== null);
  const best = ranked.find((x) => x.rank === 1);
  // units tied for first are named together, never one of them as if alone
  const firsts = ranked.filter((x) => x.rank === 1);
  const firstText = (): string | null => {
    if (!best) return null;
    const others = firsts.filter((x) => x.entity_id !== u.entity_id).map((x) => x.short_name);
    if (u.rank === 1) return others.length ? `你单位与${namesZh(others)}并列全县第一` : '你单位位列全县第一';
    return firsts.length > 1 ? `并列第一的${namesZh(firsts.map((x) => x.short_name))}为${score(best.total)}分` : `排名第一的${best.short_name}为${score(best.total)}分`;
  };
  const cmp = cmpOf(run);
  const pt = periodTitle(run);
  const b = new DocBuilder();
  const prevLabel = run.compare ? (run.compare.kind === 'year' ? `${run.compare.label}年` : run.compare.label) : null;
  const office = issuerShort(ctx);
  // 各单位平均: of the units ranked (a unit with too little data or abolished is not averaged in)
  const avgTotal = unitMean(ranked, null);
  let tab = 0;
  let fig = 0;

  b.recipient(u.name);
  b.p(
    `根据《嵊泗县“大综合一体化”行政执法改革实施方案》（嵊政发〔2021〕11号）关于对执法制度、监管履职、执法质量、队伍建设、执法绩效等进行“全方位体检式”评估的要求，${office}对你单位${pt}行政执法工作开展了评估。现将体检结果反馈如下，请认真对照整改。`,
  );

  // 一、总体情况
  b.heading(1, '体检总体情况');
  const rankText =
    u.rank !== null
      ? sentence(
          `在全县${ranked.length}个参评单位中排名第${u.rank}位`,
          u.change?.rank !== null && u.change?.rank !== undefined && cmp ? (u.change.rank > 0 ? `较${cmp.base}上升${u.change.rank}位` : u.change.rank < 0 ? `较${cmp.base}下降${-u.change.rank}位` : `名次与${cmp.base}持平`) : null,
        )
      : null;
  const rb = run.robustness?.ranks.find((r) => r.entity_id === u.entity_id);
  b.p(
    scoreSentence('你单位', u, u.previous, cmp),
    rankText,
    // why there is no rank: 数据不足 (and no total), or 期内撤销
    u.unranked ? `你单位${u.unranked.zh}。` : null,
    u.vetoed_by.length ? `因触及“${u.vetoed_by.map((id) => run.red_lines.find((r) => r.id === id)?.name.zh ?? id).join('、')}”红线，实行一票否决，等次定为不合格。` : null,
    avgTotal !== null ? sentence(`全县各单位平均得分为${score(avgTotal)}分`, firstText()) : null,
    rb && rb.p5 !== null && rb.p95 !== null ? (rb.p5 === rb.p95 ? `稳健性分析显示，你单位排名稳定在第${rb.p5}位。` : `稳健性分析显示，你单位排名的5%至95%区间为第${rb.p5}至第${rb.p95}位。`) : null,
  );
  const mean = (d: string) => unitMean(ranked, d);
  const diff = (d: string) => (u.dimensions[d] != null && mean(d) !== null ? u.dimensions[d]! - mean(d)! : null);
  const above = run.dimensions.filter((d) => (diff(d.id) ?? 0) >= 0.05);
  const below = run.dimensions.filter((d) => (diff(d.id) ?? 0) <= -0.05);
  const worstDim = [...below].sort((a, z) => diff(a.id)! - diff(z.id)!)[0];
  const scoresTab = `表${tab + 1}`;
  b.lead(
    above.length ? `分维度看，你单位${listZh(above.map((d) => d.name.zh))}${above.length}个维度得分高于各单位平均` : null,
    above.length ? (below.length ? '；' : '。') : null,
    below.length
      ? `${above.length ? '' : '分维度看，你单位'}${listZh(below.map((d) => d.name.zh))}${below.length}个维度得分低于各单位平均${worstDim ? `，其中${worstDim.name.zh}低${num(-diff(worstDim.id)!, 1)}分` : ''}。`
      : null,
    `各维度得分见${scoresTab}。`,
  );
  {
    const tn = `表${++tab}`;
    const bestCol = best && best.entity_id !== u.entity_id;
    const row = (label: string, cur: number | null, avg: number | null, bst: number | null, prev: number | null | undefined): Cell[] => [
      cell(label, { bold: label === '综合得分' }),
      cell(score(cur), { align: 'center', value: cur, bold: label === '综合得分' }),
      cell(score(avg), { align: 'center', value: avg }),
      ...(bestCol ? [cell(score(bst), { align: 'center', value: bst })] : []),
      cell(cur !== null && avg !== null ? signedScore(cur - avg) : null, { align: 'center' }),
      ...(prevLabel ? [cell(score(prev ?? null), { align: 'center', value: prev ?? null })] : []),
    ];
    b.table({
      id: 'scores',
      caption: `${tn}  综合得分和各维度得分`,
      columns: [
        { header: '项目', width: 16 },
        { header: '本单位', width: 12, align: 'center' },
        { header: '各单位平均', width: 14, align: 'center' },
        ...(bestCol ? [{ header: `最优单位（${clipName(best!.short_name)}）`, width: 20, align: 'center' as const }] : []),
        { header: '与平均比较', width: 13, align: 'center' },
        ...(prevLabel ? [{ header: `本单位${prevLabel}`, width: 14, align: 'center' as const }] : []),
      ],
      rows: [
        row('综合得分', u.total, avgTotal, best?.total ?? null, u.previous?.total),
        ...run.dimensions.map((d) => row(d.name.zh, u.dimensions[d.id] ?? null, mean(d.id), best?.dimensions[d.id] ?? null, u.previous?.dimensions[d.id])),
      ],
      note: `注：各单位平均为${ranked.length}个参评单位得分的算术平均，与本单位得分口径相同（全县层面指标不计入单位得分）。`,
    });
    const fn = `图${++fig}`;
    b.chart({ id: 'radar', caption: `${fn}  各维度得分：本单位、各单位平均与最优单位`, option: dimensionRadarOption(radarOf(run, u, best)), width: 600, height: 440 });
  }

  // 二、分项指标
  b.heading(1, '分项指标情况');
  const applicable = run.indicators.filter((m) => u.indicators[m.id]?.applicable);
  const ok = applicable.filter((m) => u.indicators[m.id]!.status === 'ok');
  const js = judgements(run, u, applicable.map((m) => m.id));
  const withTarget = js.filter((j) => j.met !== null);
  const metT = withTarget.filter((j) => j.met === true);
  const unmetT = withTarget.filter((j) => j.met === false);
  const nothing = applicable.filter((m) => u.indicators[m.id]!.status === 'nothing_to_evaluate');
  const strong = js.filter((j) => j.standing === 'strength').sort((a, z) => (z.score ?? 0) - (a.score ?? 0)).slice(0, 4);
  const weak = js.filter((j) => j.standing === 'weakness').sort((a, z) => (a.score ?? 0) - (z.score ?? 0)).slice(0, 4);
  const indTab = `表${tab + 1}`;
  let better = 0;
  let worse = 0;
  for (const m of ok) {
    const p = u.previous?.indicators[m.id];
    const s = u.indicators[m.id]!.score;
    if (!p || p.status !== 'ok' || p.score === null || s === null) continue;
    if (s > p.score + 0.05) better++;
    else if (s < p.score - 0.05) worse++;
  }
  b.p(
    sentence(`适用你单位的评估指标共${applicable.length}项`, `其中${ok.length}项本期有评价数据${nothing.length ? `，${nothing.length}项因本期无可评价事项未参与评分` : ''}`),
    withTarget.length ? sentence(`在设有目标值的${withTarget.length}项指标中，达到目标${metT.length}项`, unmetT.length ? `未达到目标${unmetT.length}项` : null) : null,
    cmp && better + worse ? sentence(`与${cmp.base}相比，${better}项指标得分提高`, `${worse}项下降`) : null,
    strong.length ? `${listZh(strong.map((j) => j.name))}表现较好。` : null,
    weak.length ? `${listZh(weak.map((j) => `${j.name}（${valueCell(u.indicators[j.id], run.indicators.find((m) => m.id === j.id)!)}${j.met === false ? '，未达到目标' : `，得分${score(j.score)}分`}）`))}需重点改进。` : null,
    unitSmallNumbersText(run, u),
  );
  b.lead(`各项指标的数值、得分及与目标的差距见${indTab}。`);
  {
    const tn = `表${++tab}`;
    b.table({
      id: 'indicators',
      caption: `${tn}  分项指标得分及与目标的差距`,
      columns: [
        { header: '指标', width: 26 },
        { header: '本单位', width: 13, align: 'center' },
        { header: '得分', width: 8, align: 'center' },
        { header: '全县', width: 13, align: 'center' },
        ...(prevLabel ? [{ header: `本单位${prevLabel}`, width: 13, align: 'center' as const }] : []),
        { header: '目标', width: 12, align: 'center' },
        { header: '差距', width: 15, align: 'center' },
      ],
      rows: run.dimensions.flatMap((d, di) => {
        const members = applicable.filter((m) => m.dimension === d.id);
        if (!members.length) return [];
        const head: Cell[] = [cell(`${cnNumber(di + 1)}、${d.name.zh}`, { span: prevLabel ? 7 : 6, bold: true })];
        return [
          head,
          ...members.map((m) => {
            const v = u.indicators[m.id]!;
            const gap = v.status === 'ok' && m.target ? gapText(v.raw, m.target.op, m.target.value, vu(m)) : null;
            const pv = u.previous?.indicators[m.id];
            return [
              cell(m.name.zh, { value: m.id }),
              cell(valueCell(v, m), { align: 'center', value: v.raw }),
              cell(score(v.score), { align: 'center', value: v.score }),
              cell(valueCell(c.indicators[m.id], m), { align: 'center', value: c.indicators[m.id]?.raw ?? null }),
              ...(prevLabel ? [cell(pv ? valueCell(pv, m) : '—', { align: 'center', value: pv?.raw ?? null })] : []),
              cell(m.target ? targetText(m.target.op, m.target.value, vu(m)) : '—', { align: 'center' }),
              cell(v.status !== 'ok' || !m.target ? '—' : (gap ?? '达标'), { align: 'center', alert: !!gap }),
            ];
          }),
        ];
      }),
      note: '注：带*的数值分母低于该指标的最小样本量，仅供参考；“无可评价事项”指本期没有该指标所评价的事项（如本期无行政诉讼），不参与评分。',
      dense: true,
    });
  }

  // 三、法定红线和问题线索
  b.heading(1, '法定红线和问题线索');
  const ft = flagsText(u.flags);
  const vetoNames = u.vetoed_by.map((id) => run.red_lines.find((r) => r.id === id)?.name.zh ?? id);
  const review = ctx.review;
  const mine = hitsOf(review, u.entity_id);
  const redText = ft ? `评估期内，你单位${ft}${vetoNames.length ? `，其中“${vetoNames.join('、')}”属于一票否决情形` : ''}。` : '评估期内未发现你单位触及法定红线。';
  if (review && mine.length) {
    const numbers = trackingNumbers(review);
    const bySev = (['高', '中', '低'] as const).map((sv) => [sv, mine.filter((h) => review.rules.find((r) => r.id === h.rule)?.severity === sv).length] as const).filter(([, n]) => n > 0);
    const tn = `表${tab + 1}`;
    b.p(redText);
    b.lead(`问题线索排查发现涉及你单位的线索${int(mine.length)}条（${bySev.map(([sv, n]) => `${sv}风险${n}条`).join('、')}），明细见${tn}，线索编号与问题线索汇总一致，请逐条核实。`);
    tab++;
    const rules = new Map<string, ReviewRuleSummary>(review.rules.map((r) => [r.id, r]));
    const sorted = [...mine].sort((a, z) => (numbers.get(hitId(a)) ?? '').localeCompare(numbers.get(hitId(z)) ?? ''));
    b.table({
      id: 'hits',
      caption: `${tn}  问题线索明细${ctx.unmask ? '' : '（已脱敏）'}`,
      columns: [
        { header: '线索编号', width: 14, align: 'center' },
        { header: '类型', width: 20 },
        { header: '风险等级', width: 9, align: 'center' },
        { header: '线索摘要', width: 57 },
      ],
      rows: sorted.map((h) => {
        const r = rules.get(h.rule);
        return [
          cell(numbers.get(hitId(h)) ?? '—', { align: 'center' }),
          cell(r?.name.zh ?? h.rule),
          cell(r?.severity ?? '—', { align: 'center' }),
          cell(zhDates(ctx.unmask ? h.summary : maskedText(h.summary, h, r))),
        ];
      }),
      dense: true,
    });
  } else {
    b.p(redText, review ? '问题线索排查未发现涉及你单位的线索。' : null);
  }

  // 四、上年问题整改情况 — unless last year's items of the unit are in the ledger: then the ledger's
  // section below gives each of them with its status and its check by this period's data, and the
  // runs' list of last year's unmet targets would say it twice
  const prevItems = unitRectification(rectificationFromRun(run), u.short_name);
  const ledgerHasLastYear = (ctx.rectify?.units.get(u.entity_id)?.previous.length ?? 0) > 0;
  if (prevLabel && u.previous && !ledgerHasLastYear) {
    b.heading(1, '上年问题整改情况');
    if (!prevItems.length) b.p(`${prevLabel}评估中，你单位设有目标值的指标均已达到目标。`);
    else {
      const met = prevItems.filter((x) => x.status === '已达标');
      const better2 = prevItems.filter((x) => x.status === '有改善');
      const stuck = prevItems.filter((x) => x.status === '未改善' || x.status === '有所退步');
      b.p(
        `${prevLabel}评估中，你单位有${prevItems.length}项指标未达到目标。本期`,
        met.length ? `已达标${met.length}项（${listZh(met.map((x) => `${x.name}${x.current}`))}）` : '尚无指标达标',
        better2.length ? `，有改善但仍未达标${better2.length}项（${listZh(better2.map((x) => `${x.name}由${x.previous}到${x.current}`))}）` : '',
        stuck.length ? `，未改善或有所退步${stuck.length}项（${listZh(stuck.map((x) => `${x.name}由${x.previous}到${x.current}`))}），请作为本期整改的重点` : '',
        '。',
      );
    }
  }

  // The unit's rectification items and their status (analytics/rectify)
  if (ctx.rectify) appendUnitSection(b, ctx.rectify, u.entity_id, () => `表${++tab}`);

  // 五、问题清单
  b.heading(1, '问题清单及整改要求');
  const problems = problemList(ctx, u);
  const due = beforeZh(addDays(ctx.date, 30));
  if (problems.length) {
    const tn = `表${++tab}`;
    b.lead(`经体检，你单位存在以下${problems.length}个方面的问题，整改要求列出了你单位的相关记录（见${tn}）。`);
    b.table({
      id: 'problems',
      caption: `${tn}  问题清单`,
      columns: [
        { header: '序号', width: 5, align: 'center' },
        { header: '问题类型', width: 7, align: 'center' },
        { header: '问题描述', width: 28 },
        { header: '整改要求', width: 38 },
        { header: '整改措施（单位填写）', width: 11 },
        { header: '完成时限', width: 6 },
        { header: '责任人', width: 5 },
      ],
      rows: problems.map((p, i) => [
        cell(String(i + 1), { align: 'center' }),
        cell(p.kind, { align: 'center', bold: p.kind === '法定红线' }),
        cell(p.description, { value: p.id }),
        cell(p.requirement),
        cell(''),
        cell(''),
        cell(''),
      ]),
      dense: true,
    });
    b.p(`请你单位对照问题清单逐项制定整改措施，明确责任人和完成时限，于${due}填写后报送${office}；整改情况将纳入下一评估周期复核。`);
  } else {
    b.p('本期体检未发现需要整改的问题，请继续保持。');
  }

  b.signature(ctx.issuer, signatureDate(ctx));
  b.imprint(null, ctx.issuer, dateZh(ctx.date));

  const title = `${u.name}\n${pt}行政执法体检报告`;
  return {
    kind: 'unit',
    title,
    subtitle: ctx.issuer,
    issuer: ctx.issuer,
    date: ctx.date,
    fileStem: safeFileStem(`${String(u.rank ?? 99).padStart(2, '0')}_${u.entity_id}_${u.short_name}_${pt}体检报告`),
    meta: { runId: run.run_id, period: run.period.label, subject: `${u.name}${pt}行政执法体检`, keywords: ['执法体检', '体检报告', u.short_name, countyName(run), run.period.label] },
    blocks: b.blocks,
    sheets: unitSheets(ctx, u, problems, mine),
  };
}

/** The XLSX of a unit report: one measure per column (ratios as %), the header in row 1. */
function unitSheets(ctx: ReportContext, u: EntityResult, problems: ProblemItem[], hits: ReviewHit[]): Sheet[] {
  const { run } = ctx;
  const c = county(run);
  const us = units(run);
  const best = us.find((x) => x.rank === 1);
  const title = [`${u.name}${periodTitle(run)}行政执法体检结果（评估批次第${run.run_id}号）`];
  const sheets: Sheet[] = [
    {
      name: '体检总览',
      title,
      columns: [
        { key: 'item', header: '项目', width: 14 },
        { key: 'unit', header: '本单位得分', numFmt: '0.0' },
        { key: 'mean', header: '各单位平均得分', numFmt: '0.0' },
        { key: 'best', header: `最优单位${best ? `（${best.short_name}）` : ''}得分`, numFmt: '0.0', width: 18 },
        { key: 'previous', header: '本单位上期得分', numFmt: '0.0' },
        { key: 'grade', header: '本单位等次', width: 10 },
        { key: 'rank', header: '本单位排名', numFmt: '0' },
        { key: 'prev_rank', header: '本单位上期排名', numFmt: '0' },
      ],
      rows: [
        { item: '综合得分', unit: u.total, mean: unitMean(us.filter((x) => x.rank !== null), null), best: best?.total ?? null, previous: u.previous?.total ?? null, grade: u.grade, rank: u.rank, prev_rank: u.previous?.rank ?? null },
        ...run.dimensions.map((d) => ({ item: d.name.zh, unit: u.dimensions[d.id] ?? null, mean: unitMean(us.filter((x) => x.rank !== null), d.id), best: best?.dimensions[d.id] ?? null, previous: u.previous?.dimensions[d.id] ?? null })),
      ],
    },
    {
      name: '指标明细',
      title,
      columns: [
        { key: 'dimension', header: '维度', width: 10 },
        { key: 'id', header: '指标编码', width: 24 },
        { key: 'name', header: '指标', width: 26 },
        { key: 'measure', header: '计量单位', width: 10 },
        { key: 'numerator', header: '分子', numFmt: '#,##0.##' },
        { key: 'denominator', header: '分母', numFmt: '#,##0.##' },
        { key: 'ratio', header: '本单位指标值（比率）', numFmt: '0.0%' },
        { key: 'value', header: '本单位指标值（数值）', numFmt: '#,##0.00' },
        { key: 'score', header: '得分', numFmt: '0.0' },
        { key: 'county_ratio', header: '全县指标值（比率）', numFmt: '0.0%' },
        { key: 'county_value', header: '全县指标值（数值）', numFmt: '#,##0.00' },
        { key: 'op', header: '要求', width: 6 },
        { key: 'target_ratio', header: '目标值（比率）', numFmt: '0.0%' },
        { key: 'target_value', header: '目标值（数值）', numFmt: '#,##0.##' },
        { key: 'status', header: '状态', width: 12 },
        { key: 'previous_ratio', header: '上期指标值（比率）', numFmt: '0.0%' },
        { key: 'previous_value', header: '上期指标值（数值）', numFmt: '#,##0.00' },
      ],
      rows: run.indicators
        .filter((m) => u.indicators[m.id]?.applicable)
        .map((m) => {
          const v = u.indicators[m.id]!;
          const [cur, cty, tg, prev] = [byMeasure(v.raw, m), byMeasure(c.indicators[m.id]?.raw ?? null, m), byMeasure(m.target?.value ?? null, m), byMeasure(u.previous?.indicators[m.id]?.raw ?? null, m)];
          return {
            dimension: dimName(run, m.dimension),
            id: m.id,
            name: m.name.zh,
            measure: measureZh(m),
            numerator: v.numerator,
            denominator: v.denominator,
            ratio: cur.ratio,
            value: cur.value,
            score: v.score,
            county_ratio: cty.ratio,
            county_value: cty.value,
            op: m.target ? (m.target.op === '>=' ? '≥' : m.target.op === '<=' ? '≤' : '=') : '',
            target_ratio: tg.ratio,
            target_value: tg.value,
            status: INDICATOR_STATUS_ZH[v.status],
            previous_ratio: prev.ratio,
            previous_value: prev.value,
          };
        }),
    },
    {
      name: '问题清单',
      title,
      columns: [
        { key: 'no', header: '序号', width: 6 },
        { key: 'kind', header: '问题类型', width: 10 },
        { key: 'description', header: '问题描述', width: 50 },
        { key: 'requirement', header: '整改要求', width: 60 },
        { key: 'measures', header: '整改措施（单位填写）', width: 30 },
        { key: 'deadline', header: '完成时限', width: 12 },
        { key: 'owner', header: '责任人', width: 10 },
      ],
      rows: problems.map((p, i) => ({ no: i + 1, kind: p.kind, description: p.description, requirement: p.requirement, measures: '', deadline: '', owner: '' })),
    },
  ];
  if (ctx.review) {
    const rules = new Map(ctx.review.rules.map((r) => [r.id, r]));
    const numbers = trackingNumbers(ctx.review);
    sheets.push({
      name: '线索明细',
      title: [...title, ctx.unmask ? '含个人信息，注意保密' : '自然人个人信息已脱敏'],
      columns: [
        { key: 'no', header: '线索编号', width: 14 },
        { key: 'rule', header: '类型', width: 28 },
        { key: 'severity', header: '风险等级', width: 8 },
        { key: 'summary', header: '线索摘要', width: 70 },
        { key: 'evidence', header: '证据记录', width: 80 },
        { key: 'status', header: '核查状态', width: 10 },
      ],
      rows: [...hits]
        .sort((a, z) => (numbers.get(hitId(a)) ?? '').localeCompare(numbers.get(hitId(z)) ?? ''))
        .map((h) => {
          const r = rules.get(h.rule);
          return {
            no: numbers.get(hitId(h)) ?? '',
            rule: r?.name.zh ?? h.rule,
            severity: r?.severity ?? '',
            summary: ctx.unmask ? h.summary : maskedText(h.summary, h, r),
            evidence: r ? evidenceText(h, r, { unmask: ctx.unmask, skip: /执法主体|单位/ }) : '',
            status: h.mark?.status ?? '待核查',
          };
        }),
    });
  }
  return sheets;
}

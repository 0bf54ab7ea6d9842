// Sections of the county report written from the run: 主要做法与成效 (targets newly met, indicators
// that improved, the leading units, typical cases — units that meet a target the county misses),
// 原因分析 (problems that persist, problems concentrated in a few units, the gap between townships
// and departments, red lines where the internal review is thin) and the work plan of 下一步工作
// (each task with the units responsible and a deadline counted from the report's date). Every
// sentence is computed; a sentence whose numbers are missing is left out.
import { clipName } from '../charts/text.js';
import type { EntityResult, EvaluationResult, IndicatorValue, TargetResult } from '../eval/types.js';
import { addDays, beforeZh, county, endOfMonthAfter, meta, tvu, units, vu, type IndicatorMeta, type ReportContext } from './common.js';
import { cnNumber, indicatorValue, int, num, pct, score, type Comparison } from './format.js';
import { judge, judgements, listZh, namesZh, tiedWithFirst, type Judgement } from './narrative.js';
import { PHRASES } from './phrases.js';

const eps = 1e-9;

function meets(op: string, target: number, x: number): boolean {
  return op === '>=' ? x >= target - eps : op === '<=' ? x <= target + eps : Math.abs(x - target) <= eps;
}

/** "由84.4%提高到97.5%" / "由0.5%下降到0.2%": a value's change in words. */
export function fromTo(m: IndicatorMeta, prev: number, cur: number): string {
  const a = indicatorValue(prev, vu(m));
  const z = indicatorValue(cur, vu(m));
  return `由${a}${cur > prev ? '提高' : '下降'}到${z}`;
}

/** The target as a goal in words: "达到100.0%", "降至0次", "不高于5.0%". */
export function goalZh(m: { op: string; value: number }, u: Parameters<typeof indicatorValue>[1]): string {
  const v = indicatorValue(m.value, u);
  if (m.op === '>=') return `达到${v}以上`.replace(/100\.0%以上$/, '100.0%');
  if (m.op === '<=') return m.value === 0 ? `降至${v}` : `不高于${v}`;
  return `为${v}`;
}

// ───────────────────────────── 主要做法与成效 ─────────────────────────────

export interface Part {
  title: string;
  paragraphs: string[];
}

function targetMetBefore(t: TargetResult): boolean | null {
  return t.previous === null || t.previous === undefined ? null : meets(t.op, t.target, t.previous);
}

/** The parts of 主要做法与成效 that the data supports (each a level-2 subsection). */
export function achievements(run: EvaluationResult, cmp: Comparison | null): Part[] {
  const parts: Part[] = [];
  const c = county(run);
  const us = units(run);
  // targets
  const seed = run.targets.filter((t) => t.source === 'seed' && t.met !== null);
  const met = seed.filter((t) => t.met === true);
  if (seed.length) {
    const before = seed.filter((t) => targetMetBefore(t) === true).length;
    const withPrev = seed.filter((t) => targetMetBefore(t) !== null).length;
    const newly = met.filter((t) => targetMetBefore(t) === false);
    const closer = seed.filter((t) => t.met === false && t.previous !== null && t.previous !== undefined && t.actual !== null && (t.op === '>=' ? t.actual > t.previous + eps : t.actual < t.previous - eps));
    const ps: string[] = [];
    ps.push(
      `实施方案确定的${seed.length}项可量化目标中，本期已达成${met.length}项` +
        (cmp && withPrev === seed.length ? (met.length > before ? `，比${cmp.base}多${met.length - before}项` : met.length < before ? `，比${cmp.base}少${before - met.length}项` : `，与${cmp.base}持平`) : '') +
        '。' +
        (newly.length ? `${listZh(newly.map((t) => t.name.zh))}由${cmp?.base ?? '上期'}未达成转为达成。` : ''),
    );
    if (closer.length && cmp) {
      const items = closer
        .map((t) => ({ t, m: meta(run, t.indicator) }))
        .sort((a, z) => Math.abs(z.t.actual! - z.t.previous!) / (Math.abs(z.t.target) || 1) - Math.abs(a.t.actual! - a.t.previous!) / (Math.abs(a.t.target) || 1))
        .slice(0, 3);
      ps.push(`尚未达成的目标中，${items.map(({ t, m }) => `${t.name.zh}${fromTo(m, t.previous!, t.actual!)}`).join('，')}，正在向目标靠近。`);
    }
    parts.push({ title: '改革目标稳步推进', paragraphs: ps });
  }
  // indicators that improved
  if (cmp && c.previous) {
    const ups = run.indicators
      .map((m) => {
        const v = c.indicators[m.id];
        const p = c.previous!.indicators[m.id];
        if (!v || !p || v.status !== 'ok' || p.status !== 'ok' || v.score === null || p.score === null || v.raw === null || p.raw === null) return null;
        return { m, d: v.score - p.score, cur: v.raw, prev: p.raw };
      })
      .filter((x): x is NonNullable<typeof x> => x !== null && x.d >= 5 && Math.abs(x.cur - x.prev) > eps)
      .sort((a, z) => z.d - a.d);
    const okBoth = run.indicators.filter((m) => c.indicators[m.id]?.status === 'ok' && c.previous!.indicators[m.id]?.status === 'ok');
    const better = okBoth.filter((m) => (c.indicators[m.id]!.score ?? 0) > (c.previous!.indicators[m.id]!.score ?? 0) + eps);
    if (ups.length) {
      parts.push({
        title: '重点指标明显改善',
        paragraphs: [
          `两期均可评价的${okBoth.length}项全县指标中，${better.length}项得分较${cmp.base}提高。改善幅度较大的有：${ups
            .slice(0, 4)
            .map((x) => `${x.m.name.zh}${fromTo(x.m, x.prev, x.cur)}`)
            .join('；')}。`,
        ],
      });
    }
  }
  // leading units
  const ranked = us.filter((u) => u.rank !== null && u.total !== null).sort((a, z) => a.rank! - z.rank!);
  if (ranked.length >= 2) {
    const ps: string[] = [];
    const excellent = us.filter((u) => u.grade === '优秀');
    // units tied for first (same rank) are named together; then the next two places
    const firsts = ranked.filter((u) => u.rank === ranked[0]!.rank);
    const next = ranked.filter((u) => u.rank !== ranked[0]!.rank).slice(0, Math.max(0, 3 - firsts.length));
    const lead = firsts[0]!;
    const firstText =
      firsts.length > 1
        ? `${namesZh(firsts.map((u) => u.short_name))}综合得分均为${score(lead.total)}分，${excellent.some((u) => u.entity_id === lead.entity_id) ? '等次为优秀，' : ''}并列全县第一`
        : `${lead.short_name}综合得分${score(lead.total)}分，${excellent.some((u) => u.entity_id === lead.entity_id) ? '等次为优秀，' : ''}位列全县第一`;
    ps.push(
      `${firstText}${next.length ? `；${next.map((u) => `${u.short_name}（${score(u.total)}分）`).join('、')}${next.length > 1 ? '分列' : '列'}第${next.map((u) => cnNumber(u.rank!)).join('、')}位` : ''}。`,
    );
    const leaders = run.dimensions
      .map((d) => {
        // among the units ranked (a unit with too little data is no leader on three case counts)
        const scored = ranked.filter((u) => u.dimensions[d.id] != null);
        if (scored.length < 2 || scored.every((u) => u.dimensions[d.id]! >= 99.95)) return null;
        // every unit sharing the highest score (14 at 100 in 执法制度 in the sample), not the first sorted
        const bests = tiedWithFirst([...scored].sort((a, z) => z.dimensions[d.id]! - a.dimensions[d.id]!), (u) => u.dimensions[d.id]!);
        return `${d.name.zh}维度${namesZh(bests.map((u) => u.short_name))}${bests.length > 1 ? '并列' : ''}（${score(bests[0]!.dimensions[d.id])}分）`;
      })
      .filter((x): x is string => !!x);
    if (leaders.length >= 2) ps.push(`分维度看，得分最高的分别是${leaders.join('、')}。`);
    const clean = ranked.filter((u) => u.flags.length === 0 && judgements(run, u).every((j) => j.met !== false) && judgements(run, u).some((j) => j.met === true));
    if (clean.length) ps.push(`${namesZh(clean.map((u) => u.short_name))}未触及法定红线，设有目标值的指标全部达标。`);
    const risers = ranked.filter((u) => u.change?.total != null && u.change.total >= 3).sort((a, z) => z.change!.total! - a.change!.total!);
    if (cmp && risers.length >= 2) {
      const r = risers.slice(0, 3);
      ps.push(`进步较快的单位中，${listZh(r.map((u) => u.short_name))}得分分别提高${listZh(r.map((u) => `${num(u.change!.total!, 1)}分`))}。`);
    }
    parts.push({ title: '先进单位示范带动', paragraphs: ps });
  }
  // typical cases: units that meet a target the county misses
  const cases: string[] = [];
  for (const t of run.targets.filter((x) => x.met === false && x.actual !== null)) {
    const m = meta(run, t.indicator);
    if (m.applies_to.units === false) continue;
    const good = us
      .map((u) => ({ u, v: u.indicators[m.id] }))
      .filter((x): x is { u: EntityResult; v: IndicatorValue } => !!x.v && x.v.status === 'ok' && x.v.reliable && x.v.raw !== null && meets(t.op, t.target, x.v.raw))
      .sort((a, z) => (m.direction === 'higher' ? z.v.raw! - a.v.raw! : a.v.raw! - z.v.raw!));
    if (!good.length) continue;
    cases.push(
      `全县${t.name.zh}为${indicatorValue(t.actual, tvu(t))}，尚未${goalZh({ op: t.op, value: t.target }, tvu(t))}，而${namesZh(
        good.slice(0, 3).map((x) => `${x.u.short_name}（${indicatorValue(x.v.raw, vu(m))}）`),
        3,
      )}${good.length > 3 ? `等${good.length}个单位` : ''}已达到目标。`,
    );
    if (cases.length >= 3) break;
  }
  if (cases.length) {
    parts.push({ title: '典型做法可资借鉴', paragraphs: [`${cases.join('')}上述单位的做法可在全县推广。`] });
  }
  return parts;
}

// ───────────────────────────── 原因分析 ─────────────────────────────

/** How many records of a unit fall short on a ratio indicator (numerator or complement); null otherwise. */
export function shortfall(m: IndicatorMeta, v: IndicatorValue | undefined): number | null {
  if (!v || v.status !== 'ok' || v.numerator === null || v.denominator === null || m.unit !== 'percent') return null;
  if (!Number.isInteger(v.numerator) || !Number.isInteger(v.denominator)) return null;
  return m.direction === 'lower' ? v.numerator : v.denominator - v.numerator;
}

const TOWNSHIP = '乡镇';

/** The reasons under 存在的主要问题, each a sentence or two, most telling first. */
export function causes(run: EvaluationResult, cmp: Comparison | null): string[] {
  const out: string[] = [];
  const c = county(run);
  const us = units(run);
  const weak = judgements(run, c).filter((j) => j.standing === 'weakness' && j.met === false);
  // 1. problems that persist
  if (cmp && c.previous) {
    const persist = weak.filter((j) => judge(meta(run, j.id), c.previous!.indicators[j.id])?.met === false);
    const worse = persist.filter((j) => {
      const m = meta(run, j.id);
      const p = c.previous!.indicators[j.id]!.raw!;
      return m.direction === 'higher' ? j.value < p - eps : j.value > p + eps;
    });
    if (persist.length) {
      out.push(
        `部分问题具有长期性。${namesZh(persist.map((j) => j.name), 4, '项指标')}连续两期未达到目标${worse.length ? `，其中${listZh(worse.map((j) => j.name))}较${cmp.base}还有所退步` : ''}，反映出整改措施的针对性和持续性不够。`,
      );
    }
  }
  // 2. problems concentrated in a few units
  const conc: string[] = [];
  for (const j of weak) {
    const m = meta(run, j.id);
    const ph = PHRASES[j.id];
    if (!ph || ph.kind !== 'records' || m.applies_to.units === false) continue;
    const per = us.map((u) => ({ u, n: shortfall(m, u.indicators[m.id]) })).filter((x): x is { u: EntityResult; n: number } => x.n !== null && x.n > 0);
    // The county's number is the county's own (the run's county entity), and a share of it only
    // means something when the units' numbers add up to it: a subject inspected by two units is
    // one repeated subject of the county and one of each unit (重复检查: county 2, units 1+1+1+1),
    // so for such an indicator there is no concentration to state.
    const total = shortfall(m, c.indicators[m.id]);
    if (total === null || per.reduce((a, x) => a + x.n, 0) !== total) continue;
    if (total < 3 || per.length < 3) continue;
    per.sort((a, z) => z.n - a.n);
    let acc = 0;
    const top: typeof per = [];
    for (const x of per) {
      top.push(x);
      acc += x.n;
      if (acc / total >= 0.5) break;
    }
    if (top.length > 3 || top.length === per.length) continue;
    conc.push(`全县${ph.bad}的${int(total)}${ph.m}中，${top.map((x) => `${x.u.short_name}${int(x.n)}${ph.m}`).join('、')}，${top.length > 1 ? '合计' : ''}占${pct(acc / total)}`);
    if (conc.length >= 2) break;
  }
  if (conc.length) out.push(`问题相对集中在少数单位。${conc.join('；')}，这些单位的工作短板拉低了全县整体水平。`);
  // 3. townships and departments
  // comparisons of scores between groups of units: the units ranked (a unit with too little data
  // or abolished within the period is not averaged in)
  const ranked = us.filter((u) => u.rank !== null);
  const town = ranked.filter((u) => u.unit_type === TOWNSHIP);
  const dept = ranked.filter((u) => u.unit_type !== TOWNSHIP);
  if (town.length >= 2 && dept.length >= 2) {
    const mean = (xs: EntityResult[], d: string) => {
      const v = xs.map((u) => u.dimensions[d]).filter((x): x is number => x !== null && x !== undefined);
      return v.length ? v.reduce((a, x) => a + x, 0) / v.length : null;
    };
    const gaps = run.dimensions
      .map((d) => ({ d, t: mean(town, d.id), p: mean(dept, d.id) }))
      .filter((x) => x.t !== null && x.p !== null)
      .map((x) => ({ ...x, gap: x.t! - x.p! }))
      .sort((a, z) => Math.abs(z.gap) - Math.abs(a.gap));
    const g = gaps[0];
    if (g && Math.abs(g.gap) >= 5) {
      out.push(
        g.gap < 0
          ? `乡镇执法基础相对薄弱。${town.length}个乡镇${g.d.name.zh}维度平均得分${score(g.t)}分，比${dept.length}个部门执法队伍低${num(-g.gap, 1)}分，执法力量下沉后的能力建设和保障仍需加强。`
          : `部门执法队伍${g.d.name.zh}相对薄弱。${dept.length}个部门执法队伍该维度平均得分${score(g.p)}分，比${town.length}个乡镇低${num(g.gap, 1)}分。`,
      );
    }
  }
  // 4. red lines and the internal review
  const flagged = ranked.filter((u) => u.flags.some((f) => f.hits > 0));
  const others = ranked.filter((u) => !flagged.includes(u));
  const q = run.dimensions.find((d) => d.id === 'quality');
  if (flagged.length && others.length && q) {
    const avg = (xs: EntityResult[]) => {
      const v = xs.map((u) => u.dimensions[q.id]).filter((x): x is number => x !== null && x !== undefined);
      return v.length ? v.reduce((a, x) => a + x, 0) / v.length : null;
    };
    const [a, o] = [avg(flagged), avg(others)];
    const noReviewer = flagged.filter((u) => u.indicators.reviewer_ratio?.status === 'ok' && u.indicators.reviewer_ratio.raw === 0);
    if (a !== null && o !== null && o - a >= 3) {
      out.push(
        `内部把关不够严格。触及法定红线的${flagged.length}个单位${q.name.zh}维度平均得分${score(a)}分，比其他单位低${num(o - a, 1)}分${noReviewer.length ? `，其中${listZh(noReviewer.map((u) => u.short_name))}未配备专职法制审核人员` : ''}，法制审核、办案期限管理等制度执行不到位。`,
      );
    }
  }
  return out;
}

// ───────────────────────────── 下一步工作 ─────────────────────────────

export interface Task {
  task: string;
  owner: string;
  deadline: string;
}

const COORD = '县执法协调办';

/** The work plan: red lines, the units' problem lists, review clues, the county's weak indicators, the next evaluation. */
export function tasks(ctx: ReportContext): Task[] {
  const { run } = ctx;
  const c = county(run);
  const us = units(run);
  const soon = beforeZh(addDays(ctx.date, 30));
  const halfIso = endOfMonthAfter(ctx.date, 5);
  const half = beforeZh(halfIso);
  const out: Task[] = [];
  for (const f of c.flags.filter((x) => x.hits > 0)) {
    const who = us.filter((u) => u.flags.some((x) => x.id === f.id && x.hits > 0));
    const ph = PHRASES[f.id];
    out.push({ task: `逐一核查${f.name.zh}的${int(f.hits)}${ph?.kind === 'records' ? ph.m : '起'}情形，依法纠正并倒查责任`, owner: `${namesZh(who.map((u) => clipName(u.short_name)))}，${COORD}督办`, deadline: soon });
  }
  const withProblems = us.filter((u) => u.flags.length || judgements(run, u).some((j) => j.standing === 'weakness'));
  if (withProblems.length) out.push({ task: '对照单位体检报告的问题清单制定整改方案，明确责任人和完成时限并报送', owner: withProblems.length === us.length ? '各执法单位' : namesZh(withProblems.map((u) => clipName(u.short_name))), deadline: soon });
  const rv = ctx.review;
  if (rv && rv.hits.length) {
    const who = Object.entries(rv.by_unit).filter(([, n]) => n > 0).map(([id]) => clipName(us.find((u) => u.entity_id === id)?.short_name ?? id));
    out.push({ task: `逐条核查问题线索${int(rv.hits.length)}条，在工作台中标注核查结论`, owner: `${namesZh(who)}，${COORD}汇总`, deadline: soon });
  }
  const weak: Judgement[] = judgements(run, c).filter((j) => j.standing === 'weakness' && j.met === false);
  for (const j of weak.slice(0, 6)) {
    const m = meta(run, j.id);
    const below = m.applies_to.units === false ? [] : us.filter((u) => judge(m, u.indicators[m.id])?.met === false);
    out.push({
      task: `${m.name.zh}${goalZh(m.target!, vu(m))}`,
      owner: below.length ? namesZh(below.map((u) => clipName(u.short_name))) : COORD,
      deadline: half,
    });
  }
  // the next cycle: a year after the period, but never before the other tasks — a report issued
  // late (2024's in December 2026) gives the end of the year of its half-year deadline
  const byPeriod = run.period.kind === 'year' ? `${Number(run.period.label) + 1}-12-31` : addDays(run.period.end, 365);
  const next = byPeriod > halfIso ? byPeriod : `${halfIso.slice(0, 4)}-12-31`;
  out.push({ task: '开展下一周期“全方位体检式”评估，复核本次问题整改情况', owner: COORD, deadline: beforeZh(next) });
  return out;
}


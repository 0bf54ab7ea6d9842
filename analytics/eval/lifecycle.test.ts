// Units with no data, set up within the period or abolished within it (probe 11, F3, F14, F4), on
// a copy of the sample with three units added, against numbers worked out by hand from the
// definitions: a unit with nothing to evaluate gets no total, grade or rank (and no change against
// a year it had no data either); a unit's three systems are timed over the days it existed; a unit
// abolished within the period is evaluated for its days, listed, not ranked, and the county's
// figures add up over its units.
import { describe, expect, it } from 'vitest';
import { createFromRun } from '../rectify/create.js';
import { updateItem } from '../rectify/ledger.js';
import { sampleWorkspace } from '../test/helpers.js';
import { lifecycleWorkspace } from './lifecycle-fixture.js';
import { resultJson } from './export.js';
import { evaluate } from './run.js';

describe('units without data, set up or abolished within the period', () => {
  it('F3: a unit with no records has nothing to evaluate — no total, grade, rank or change, and says why', async () => {
    const ws = await lifecycleWorkspace();
    const r = await evaluate(ws, { period: '2024', compare: '2023', draws: 0, save: false });
    const e = r.entities.find((x) => x.entity_id === 'XZ09')!;
    // no checklist sent: nothing to evaluate, not 0% (it scored 0 and made 执法制度 0)
    expect(e.indicators.three_systems!.status).toBe('nothing_to_evaluate');
    // and it says it sent none (it said 本期无可评价事项（分母为 0）); other NAs keep the general words
    expect(e.indicators.three_systems!.na_reason).toEqual({ zh: '未报送清单（本年度制度机制清单），不计为0%', en: "no checklist submitted (the year's institution checklist); not 0%" });
    expect(e.indicators.overdue_rate!.na_reason).toEqual({ zh: '本期无可评价事项（分母为 0）', en: 'nothing to evaluate this period (denominator 0)' });
    expect(e.indicators.three_systems!.score).toBeNull();
    // no case filed and no inspection: 0 acts is nothing to evaluate, not a perfect 0 (it scored 100)
    expect(e.indicators.uncertified_acts!.status).toBe('nothing_to_evaluate');
    expect(e.indicators.uncertified_acts!.denominator).toBe(0);
    expect(e.dimensions).toEqual({ institutions: null, supervision: null, quality: null, workforce: null, performance: null });
    // it was 50.0 不合格, ranked last
    expect(e.total).toBeNull();
    expect(e.grade).toBeNull();
    expect(e.rank).toBeNull();
    expect(e.unranked?.zh).toBe('数据不足，不参加排名（可评价的维度 0/5，少于三分之二）');
    // 2023 had nothing either: no change (it was +0.0 against a 2023 "score" of 50)
    expect(e.previous?.total).toBeNull();
    expect(e.change).toEqual({ total: null, rank: null });
    // the ranking is of the units with a total that existed at period end: 17 sample units and 新设乡
    const ranked = r.entities.filter((x) => x.entity_type === 'unit' && x.rank !== null);
    expect(ranked.map((x) => x.entity_id).sort()).not.toContain('XZ09');
    expect(Math.max(...ranked.map((x) => x.rank!))).toBeLessThanOrEqual(18);
  });

  it('F3: a unit whose total would rest on fewer than 2/3 of its dimensions gets none', async () => {
    const ws = await lifecycleWorkspace();
    // XZ08 without its checklist: 执法制度 NA too, 3 of 5 dimensions scored (2/3 of 5 is 3.33)
    await ws.db.exec(`DELETE FROM institution_checklist WHERE unit_id = 'XZ08'`);
    const r = await evaluate(ws, { period: '2024', draws: 0, save: false });
    const e = r.entities.find((x) => x.entity_id === 'XZ08')!;
    const scored = Object.values(e.dimensions).filter((x) => x !== null).length;
    expect(scored).toBe(3);
    expect(e.total).toBeNull();
    expect(e.rank).toBeNull();
    expect(e.unranked?.zh).toBe('数据不足，不参加排名（可评价的维度 3/5，少于三分之二）');
  });

  it('F14: the three systems of a unit set up on 1 July are timed over the days it existed (184/184, not 184/366)', async () => {
    const ws = await lifecycleWorkspace();
    const r = await evaluate(ws, { period: '2024', draws: 0, save: false });
    const e = r.entities.find((x) => x.entity_id === 'XZ08')!;
    // by hand: 3 systems × 184 days in place / 184 days existed = 3 of 3 → 100%, score 100
    // (before: 3 × 184/366 = 1.508, 50.3%, score 0)
    expect(e.indicators.three_systems!.numerator).toBeCloseTo(3, 12);
    expect(e.indicators.three_systems!.denominator).toBe(3);
    expect(e.indicators.three_systems!.raw).toBeCloseTo(1, 12);
    expect(e.indicators.three_systems!.score).toBeCloseTo(100, 9);
    expect(e.dimensions.institutions).toBeCloseTo(100, 9);
    // 4 of 5 dimensions (监管履职 has nothing): 执法质量 (overdue 0/13 → 100, online 0/13 → 0) 50,
    // 队伍建设 (uncertified acts 0 of 13 → 100) 100, 执法绩效 (closed 0/13 → 0, executed 13/13 → 100) 50
    expect(e.dimensions).toEqual({ institutions: expect.closeTo(100, 9), supervision: null, quality: 50, workforce: 100, performance: 50 });
    expect(e.indicators.uncertified_acts).toMatchObject({ numerator: 0, denominator: 13, status: 'ok', score: 100 });
    // total (100 + 50 + 100 + 50) / 4 = 75 (before: 执法制度 0, total (0 + 50 + 100 + 50) / 4 = 50)
    expect(e.total).toBeCloseTo(75, 9);
    expect(e.rank).not.toBeNull();
  });

  it('F4: a unit abolished within the period is evaluated for its days, listed and not ranked; the county adds up over its units', async () => {
    const ws = await lifecycleWorkspace();
    const r = await evaluate(ws, { period: '2024', draws: 0, save: false });
    const e = r.entities.find((x) => x.entity_id === 'ZY19');
    // before: no ZY19 entity at all
    expect(e).toBeDefined();
    expect(e!.abolished_date).toBe('2024-06-30');
    expect(e!.rank).toBeNull();
    expect(e!.unranked?.zh).toBe('期内撤销（2024年6月30日），按存续期间评价，不参加排名');
    // and so says the --json result
    const j = (resultJson(r).entities as Array<Record<string, unknown>>).find((x) => x.entity_id === 'ZY19')!;
    expect(j).toMatchObject({ rank: null, abolished_date: '2024-06-30', unranked: { zh: '期内撤销（2024年6月30日），按存续期间评价，不参加排名' } });
    // its 6 cases decided in 2024, one of them 100 days after filing (limit 90)
    expect(e!.indicators.overdue_rate).toMatchObject({ numerator: 1, denominator: 6 });
    expect(e!.flags.find((f) => f.id === 'overdue_cases')?.hits).toBe(1);
    // the county's numerator and denominator are the sums over the units listed (they were 1 and 6 more)
    const us = r.entities.filter((x) => x.entity_type === 'unit');
    const c = r.entities.find((x) => x.entity_type === 'county')!;
    const sum = (f: (x: (typeof us)[number]) => number) => us.reduce((a, x) => a + f(x), 0);
    expect(sum((x) => x.indicators.overdue_rate!.numerator ?? 0)).toBe(c.indicators.overdue_rate!.numerator);
    expect(sum((x) => x.indicators.overdue_rate!.denominator ?? 0)).toBe(c.indicators.overdue_rate!.denominator);
    expect(sum((x) => x.flags.find((f) => f.id === 'overdue_cases')?.hits ?? 0)).toBe(c.flags.find((f) => f.id === 'overdue_cases')!.hits);
    // the ranks are those of the units with a total that existed at period end: 1..n with no gap for ZY19
    const ranks = us.filter((x) => x.rank !== null).map((x) => x.rank!);
    expect(Math.min(...ranks)).toBe(1);
  });

  it('the set-up and abolition dates are days the unit existed: abolished on the period’s last day is a unit like any other (year, half, quarter, month)', async () => {
    const ws = await sampleWorkspace();
    const unit = (r: Awaited<ReturnType<typeof evaluate>>, id = 'ZY01') => r.entities.find((x) => x.entity_id === id);
    const run = (period: string) => evaluate(ws, { period, draws: 0, save: false, allowIncomplete: true });
    const set = (field: 'abolished_date' | 'established_date', date: string | null) => ws.db.exec(`UPDATE unit SET ${field} = ${date ? `DATE '${date}'` : 'NULL'} WHERE unit_id = 'ZY01'`);
    // by hand, each row: the period, the abolition date, and whether ZY01 existed on every day of it
    const cases: Array<[string, string, 'whole' | 'part' | 'none']> = [
      ['2024', '2024-12-31', 'whole'], // abolished on the last day: it was listed 期内撤销 and not ranked
      ['2024', '2024-12-30', 'part'],
      ['2024H1', '2024-06-30', 'whole'],
      ['2024H1', '2024-06-29', 'part'],
      ['2024Q2', '2024-06-30', 'whole'],
      ['2024-06', '2024-06-30', 'whole'],
      ['2024H2', '2024-07-01', 'part'], // one day of the period
      ['2024H2', '2024-06-30', 'none'], // gone before the period began
    ];
    const baseline = new Map<string, Awaited<ReturnType<typeof evaluate>>>();
    for (const p of new Set(cases.map((c) => c[0]))) baseline.set(p, await run(p));
    for (const [period, date, existed] of cases) {
      await set('abolished_date', date);
      const r = await run(period);
      const e = unit(r);
      const b = unit(baseline.get(period)!)!;
      expect(b.rank, period).not.toBeNull();
      if (existed === 'none') {
        expect(e, `${period} ${date}`).toBeUndefined();
      } else if (existed === 'whole') {
        // the same numbers, rank and 1+8+1 count as if it had not been abolished
        expect(e!.abolished_date, `${period} ${date}`).toBeUndefined();
        expect(e!.unranked).toBeUndefined();
        expect(e!.rank).toBe(b.rank);
        expect(e!.total).toBeCloseTo(b.total!, 9);
        expect(unit(r, 'COUNTY')!.indicators.team_structure!.numerator).toBe(unit(baseline.get(period)!, 'COUNTY')!.indicators.team_structure!.numerator);
      } else {
        const [y, m, d] = date.split('-').map(Number);
        expect(e!.abolished_date, `${period} ${date}`).toBe(date);
        expect(e!.rank).toBeNull();
        expect(e!.unranked?.zh).toBe(`期内撤销（${y}年${m}月${d}日），按存续期间评价，不参加排名`);
      }
    }
    await set('abolished_date', null);
    // set up on the period's first day: the whole period, the same numbers as a unit set up long before
    await set('established_date', '2024-07-01');
    const h2 = await run('2024H2');
    expect(unit(h2)!.rank).toBe(unit(baseline.get('2024H2')!)!.rank);
    expect(unit(h2)!.total).toBeCloseTo(unit(baseline.get('2024H2')!)!.total!, 9);
    // set up on the period's last day: it existed in the period (listed); set up the day after: not
    await set('established_date', '2024-12-31');
    expect(unit(await run('2024H2'))).toBeDefined();
    await set('established_date', '2025-01-01');
    expect(unit(await run('2024H2'))).toBeUndefined();
  });

  it('a unit abolished on the period’s last day has its closed rectification items checked against the period (not “不在评估范围内”)', async () => {
    const ws = await sampleWorkspace();
    const db = ws.db;
    const run23 = await evaluate(ws, { period: '2023', draws: 0 });
    await createFromRun(ws, run23.run_id, { issuedOn: '2024-03-01' });
    const items = await db.all<{ item_id: number }>(`SELECT item_id FROM rectify_item WHERE unit_id = 'ZY01' ORDER BY item_id`);
    expect(items.length).toBeGreaterThan(0);
    for (const i of items) await updateItem(db, i.item_id, { status: '已整改', completed_on: '2024-06-30' }, { source: '测试' });
    const gone = async (period: string) => {
      await evaluate(ws, { period, draws: 0, allowIncomplete: true });
      return (
        await db.all<{ detail_zh: string }>(
          `SELECT c.detail_zh FROM rectify_check c JOIN rectify_item i USING (item_id) WHERE i.unit_id = 'ZY01' AND c.period_label = '${period}'`,
        )
      ).filter((c) => c.detail_zh.includes('不在评估范围内')).length;
    };
    // abolished on 31 December 2024: in place all of 2024, its items are checked (they were all 无法核验)
    await db.exec(`UPDATE unit SET abolished_date = DATE '2024-12-31' WHERE unit_id = 'ZY01'`);
    expect(await gone('2024')).toBe(0);
    // abolished on 30 December: not there at the end of 2024, as before
    await db.exec(`UPDATE unit SET abolished_date = DATE '2024-12-30' WHERE unit_id = 'ZY01'`);
    expect(await gone('2024')).toBe(items.length);
  }, 240_000);
});

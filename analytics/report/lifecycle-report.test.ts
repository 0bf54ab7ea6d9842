// What the reports and the rectification ledger say of units with too little data and of a unit
// abolished within the period (probe 11, F3, F4), and the county report's "concentration" sentence
// for an indicator whose county figure is not the sum of the units' (F10) — each against the run's
// own numbers or a count by hand.
import { describe, expect, it } from 'vitest';
import { lifecycleWorkspace } from '../eval/lifecycle-fixture.js';
import { evaluate } from '../eval/run.js';
import { runProblems } from '../rectify/create.js';
import { sampleWorkspace } from '../test/helpers.js';
import { buildReports, reportContext } from './generate.js';
import type { ReportDoc } from './model.js';

const DATE = '2025-01-15';

function paragraphs(doc: ReportDoc): string[] {
  return doc.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.content.map((x) => (typeof x === 'string' ? x : x.text)).join('')] : []));
}

function allText(doc: ReportDoc): string {
  const cells = doc.blocks.flatMap((b) => (b.type === 'table' ? [...b.rows.flat().map((c) => String((c as { text?: unknown }).text ?? '')), b.note ?? ''] : []));
  return [...paragraphs(doc), ...cells].join('\n');
}

describe('reports and rectification: units with too little data, and abolished within the period', () => {
  it('F3/F4: the county report ranks, grades and averages only the units ranked, says why the others are not, and its red-line parts add up', async () => {
    const ws = await lifecycleWorkspace();
    const run = await evaluate(ws, { period: '2024', compare: '2023', draws: 0 });
    const ctx = await reportContext(ws, { runId: run.run_id, date: DATE });
    const doc = buildReports(ctx, 'county')[0]!;
    const text = paragraphs(doc).join('\n');
    const ranked = run.entities.filter((e) => e.entity_type === 'unit' && e.rank !== null);
    // 17 sample units and 新设乡 are ranked
    expect(ranked.length).toBe(18);
    expect(text).toContain(`参加排名的18个单位中，`);
    expect(text).toContain('空白乡本期可评价的数据不足（可评价的维度少于三分之二），不计综合得分，不参加排名。');
    expect(text).toContain('水务执法队（2024年6月30日撤销）于期内撤销，按存续期间评价，不参加排名，其数据计入全县。');
    // never "空白乡50.0分位列最后", never a bare code
    expect(text).not.toMatch(/空白乡[^。]*位列最后/);
    expect(allText(doc)).not.toMatch(/\b(ZY19|XZ09|XZ08)\b/);
    // 办案超期N起（…）: the parts add up to the county's N, which counts ZY19's case
    const m = /办案超期(\d+)起（([^）]*)）/.exec(text)!;
    expect(m).not.toBeNull();
    const parts = [...m[2]!.matchAll(/(\d+)起/g)].map((x) => Number(x[1]));
    expect(parts.reduce((a, x) => a + x, 0)).toBe(Number(m[1]));
    expect(m[2]).toContain('水务执法队1起');
    const c = run.entities.find((e) => e.entity_type === 'county')!;
    expect(Number(m[1])).toBe(c.flags.find((f) => f.id === 'overdue_cases')!.hits);
    // townships vs departments: averaged over the units ranked (空白乡 had no 执法制度 score to
    // pull down; 水务执法队 is not among the departments)
    const t = /(\d+)个乡镇(\S+?)维度平均得分/.exec(text);
    if (t) expect(Number(t[1])).toBe(ranked.filter((u) => u.unit_type === '乡镇').length);
  });

  it('F3: a unit not ranked is never the best or worst of a dimension, nor a model unit', async () => {
    const ws = await lifecycleWorkspace();
    // 新设乡 without its checklist: 3 of 5 dimensions, not ranked; 执法质量 50 and 执法绩效 50 (by
    // hand, see eval/lifecycle.test.ts) would be the lowest of the units
    await ws.db.exec(`DELETE FROM institution_checklist WHERE unit_id = 'XZ08'`);
    const run = await evaluate(ws, { period: '2024', draws: 0 });
    expect(run.entities.find((e) => e.entity_id === 'XZ08')).toMatchObject({ rank: null, dimensions: { quality: 50, performance: 50 } });
    const ctx = await reportContext(ws, { runId: run.run_id, date: DATE });
    const text = paragraphs(buildReports(ctx, 'county')[0]!).join('\n');
    expect(text).toContain('新设乡和空白乡本期可评价的数据不足');
    expect(text).not.toMatch(/新设乡(最高|最低)|维度新设乡|新设乡[^。]*未触及法定红线/);
  });

  it('F3: the unit report of a unit without data says why it has no score and no rank', async () => {
    const ws = await lifecycleWorkspace();
    const run = await evaluate(ws, { period: '2024', compare: '2023', draws: 0 });
    const ctx = await reportContext(ws, { runId: run.run_id, date: DATE });
    const doc = buildReports(ctx, 'unit', 'XZ09')[0]!;
    const text = paragraphs(doc).join('\n');
    expect(text).toContain('你单位数据不足，不参加排名（可评价的维度 0/5，少于三分之二）。');
    expect(text).not.toMatch(/你单位综合得分/);
    expect(text).not.toMatch(/排名第\d+位/);
    expect(text).not.toContain('不合格');
    // the units' average is that of the 18 units ranked
    const units = run.entities.filter((e) => e.entity_type === 'unit' && e.rank !== null);
    const mean = units.reduce((a, u) => a + u.total!, 0) / units.length;
    expect(text).toContain(`全县各单位平均得分为${mean.toFixed(1)}分`);
    // the abolished unit's report says so
    const z = paragraphs(buildReports(ctx, 'unit', 'ZY19')[0]!).join('\n');
    expect(z).toContain('你单位期内撤销（2024年6月30日），按存续期间评价，不参加排名。');
    expect(z).not.toMatch(/排名第\d+位/);
  });

  it('F3/F4: no 整改 item for a checklist never sent; the abolished unit keeps its red-line item', async () => {
    const ws = await lifecycleWorkspace();
    const run = await evaluate(ws, { period: '2024', draws: 0, save: false });
    const problems = runProblems(run, null);
    // before: "三项制度落实率为0.0%，目标≥100.0%" for 空白乡
    expect(problems.filter((p) => p.unit_id === 'XZ09')).toEqual([]);
    expect(problems.filter((p) => p.source_id === 'three_systems' && p.unit_id === 'XZ08')).toEqual([]);
    // before: ZY19 was no entity and got no item for its overdue case
    expect(problems.find((p) => p.unit_id === 'ZY19' && p.kind === 'red_line' && p.source_id === 'overdue_cases')?.problem).toMatch(/^办案超期1起/);
  });
});

describe('F10: a county figure in the report text is the county entity\'s, never a sum of unit numerators', () => {
  it('the sample: 2 subjects inspected again within 30 days by another unit (units 1+1+1+1 count each twice) — no "4户", no share of a sum', async () => {
    const ws = await sampleWorkspace();
    const run = await evaluate(ws, { period: '2024', compare: '2023', draws: 0 });
    const c = run.entities.find((e) => e.entity_type === 'county')!;
    const us = run.entities.filter((e) => e.entity_type === 'unit');
    // the run: county 2 (海贝民宿: 市场监管局 → 卫健局; 同心水果店: 综合执法局 → 菜园镇); the units' numerators add to 4
    expect(c.indicators.repeat_inspection_rate!.numerator).toBe(2);
    expect(us.reduce((a, u) => a + (u.indicators.repeat_inspection_rate!.numerator ?? 0), 0)).toBe(4);
    const ctx = await reportContext(ws, { runId: run.run_id, date: DATE });
    const text = paragraphs(buildReports(ctx, 'county')[0]!).join('\n');
    expect(text).not.toContain('重复检查的4户');
    // every "全县…的N<measure>中，A n、B n，合计占x%" sentence: N is the county's, the parts add to at most N
    for (const m of text.matchAll(/全县([^，。；]*?)的(\d+)(户次|户|件|次|起|项|人)中，([^；。]*?)，(?:合计)?占([\d.]+)%/g)) {
      const n = Number(m[2]);
      const parts = [...m[4]!.matchAll(/(\d+)(?:户次|户|件|次|起|项|人)/g)].map((x) => Number(x[1]));
      const sum = parts.reduce((a, x) => a + x, 0);
      expect(sum).toBeLessThanOrEqual(n);
      expect(Number(m[5])).toBeCloseTo((sum / n) * 100, 1);
    }
  });
});

// The default rules on the committed Shengsi sample: every planted red flag of _planted.json is
// found in its year, no near-miss is, and — the background being clean — nothing else is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES, sampleWorkspace } from '../test/helpers.js';
import { hitKey } from './keys.js';
import { loadDefaultRules } from './load.js';
import { runReview } from './run.js';
import type { ReviewHit, ReviewResult } from './types.js';

interface Planted {
  year: number;
  table: string;
  keys: Record<string, string | string[]>;
  note: string;
}
const PLANTED = JSON.parse(readFileSync(join(SAMPLES, 'shengsi', '_planted.json'), 'utf8')) as {
  rules: Record<string, { hits: Planted[]; near_misses: Planted[] }>;
};

/** A near-miss "comes close" to a hit when every scalar key is equal and every list key overlaps. */
function touches(hit: ReviewHit, near: Planted): boolean {
  return Object.entries(near.keys).every(([k, v]) => {
    const h = hit.keys[k];
    if (Array.isArray(v)) return Array.isArray(h) && v.some((x) => (h as unknown[]).includes(x));
    return h === v;
  });
}

describe('the default rules on the Shengsi sample', () => {
  it('use exactly the rule ids of _planted.json, in order', async () => {
    const rules = await loadDefaultRules();
    expect(rules.rules.rules.map((r) => r.id)).toEqual(Object.keys(PLANTED.rules));
  });

  it('find every planted hit in its year, no near-miss, and nothing else (2022–2024)', async () => {
    const ws = await sampleWorkspace();
    const results = new Map<number, ReviewResult>();
    for (const year of [2022, 2023, 2024]) results.set(year, await runReview(ws, { period: String(year) }));
    for (const [rule, { hits, near_misses }] of Object.entries(PLANTED.rules)) {
      for (const year of [2022, 2023, 2024]) {
        const found = results.get(year)!.hits.filter((h) => h.rule === rule);
        const expected = hits.filter((h) => h.year === year).map((h) => hitKey(h.keys));
        expect(found.map((h) => h.hit_key).sort(), `${rule} ${year}`).toEqual(expected.sort());
        for (const near of near_misses.filter((n) => n.year === year)) {
          expect(found.filter((h) => touches(h, near)), `${rule} ${year} near-miss ${JSON.stringify(near.keys)} (${near.note})`).toEqual([]);
        }
      }
    }
    // the summary counts agree with the hits, per rule, unit and officer
    const r = results.get(2024)!;
    expect(r.rules.reduce((s, x) => s + x.hits, 0)).toBe(r.hits.length);
    expect(Object.values(r.by_unit).reduce((s, n) => s + n, 0)).toBe(r.hits.length);
    for (const s of r.rules) expect(Object.values(s.units).reduce((a, n) => a + n, 0)).toBe(s.hits);
    expect(r.by_officer.ZF0171).toBe(r.hits.filter((h) => h.officer_ids.includes('ZF0171')).length);
    expect(r.unit_names?.XZ05).toBe('黄龙乡');
  });

  it('gives each hit its evidence and a one-sentence summary', async () => {
    const ws = await sampleWorkspace();
    const r = await runReview(ws, { period: '2024' });
    const get = (rule: string, key: string, value: string) => r.hits.find((h) => h.rule === rule && h.keys[key] === value)!;
    expect(get('uncertified_officer', 'case_id', '嵊应急罚〔2024〕33号').evidence).toMatchObject({ 人员编号: 'ZF0171', 有效期至: '2024-05-31', 问题: '执法证已于 2024-05-31 到期' });
    expect(get('overdue_case', 'case_id', '嵊文旅罚〔2024〕23号').evidence).toMatchObject({ 办案天数: 95, 办案期限: 90 });
    expect(get('fine_out_of_range', 'case_id', '嵊应急罚〔2024〕10号').evidence).toMatchObject({ 罚款金额: 15000, 裁量上限: 10000 });
    expect(get('inconsistent_fine', 'case_id', '嵊综执黄龙罚〔2024〕25号').evidence).toMatchObject({ 罚款金额: 190, 同组案件数: 132 });
    expect(get('penalty_not_executed', 'case_id', '嵊综执黄龙罚〔2024〕22号').summary).toMatch(/到期末已 \d+ 天仍未执行完毕/);
    expect(get('repeat_inspection', 'subject_id', '92330922083147752M').evidence).toMatchObject({ 首末间隔天数: 30 });
    for (const h of r.hits) {
      expect(h.summary).toMatch(/。$/);
      expect(h.summary).not.toMatch(/\{|undefined|null/);
      const rule = r.rules.find((s) => s.id === h.rule)!;
      expect(Object.keys(h.evidence)).toEqual(rule.evidence_columns);
      expect(h.ref).toMatch(/^[0-9a-f]{10}$/);
      expect(h.mark).toBeNull();
    }
    // timing, for the record: the whole review on the sample
    expect(r.seconds).toBeLessThan(10);
  });
});

// Probe 8 (P8-05): the values an index's SQL returns are checked before anything is scored — a NaN,
// an infinity or an overflow, a negative count, a proportion above 1, a unit twice, a row naming no
// unit or an unknown one stop the evaluation, naming the indicator and the units (they scored
// 100, or were dropped as 无数据, without a word).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TijianError } from '../i18n/errors.js';
import { parseIndexText } from '../index/parse.js';
import { loadIndexFile } from '../index/validate.js';
import { baseFixture, insertRows, kase } from '../review/fixtures.js';
import { freshWorkspace, tempDir } from '../test/helpers.js';
import { evaluate } from './run.js';
import { cellNumber, indicatorRowProblems, redLineRowProblems } from './values.js';

const CASES = 'FROM penalty_case WHERE filed_date BETWEEN $start AND $end GROUP BY unit_id';
const RATE_SQL = `SELECT unit_id AS entity_id, count(*) FILTER (WHERE handled_online) AS numerator, count(*) AS denominator ${CASES}`;

const INDEX = (rateSql: string) => `
id: test_values
version: 1
name: { zh: 测试指标体系, en: Test index }
description: 指标取值检查的测试
source: 测试
dimensions:
  - { id: d1, name: { zh: 维度一, en: D1 }, weight: 0.5 }
  - { id: d2, name: { zh: 维度二, en: D2 }, weight: 0.5 }
indicators:
  - id: online
    name: { zh: 网上办案率, en: Online }
    dimension: d1
    definition: 网上办理的案件数 ÷ 立案件数
    direction: higher
    goalposts: { lower: 0, upper: 1, basis: policy, note: 测试用目标值区间 }
    sql: ${JSON.stringify(rateSql)}
    lineage: { numerator: "SELECT case_id FROM penalty_case WHERE unit_id = $entity_id" }
  - id: change
    name: { zh: 案件数变化, en: Change of cases }
    dimension: d2
    definition: （本期案件数 − 10）÷ 10
    direction: lower
    proportion: false
    goalposts: { lower: -0.5, upper: 0.5, basis: policy, note: 测试用目标值区间，可为负 }
    sql: "SELECT unit_id AS entity_id, count(*) - 10 AS numerator, 10 AS denominator ${CASES}"
    lineage: { numerator: "SELECT case_id FROM penalty_case WHERE unit_id = $entity_id" }
`;

async function workspace() {
  const ws = await freshWorkspace();
  await baseFixture(ws);
  const cases = (unit: string, n: number, online: number) =>
    Array.from({ length: n }, (_, i) => kase({ unit_id: unit, filed_date: '2024-03-01', handled_online: i < online }));
  // U1 8 of 10 online, U2 1 of 4, U3 5 of 5
  await insertRows(ws, 'penalty_case', [...cases('U1', 10, 8), ...cases('U2', 4, 1), ...cases('U3', 5, 5)]);
  return ws;
}

async function run(rateSql: string) {
  const ws = await workspace();
  const path = join(tempDir(), 'index.yaml');
  writeFileSync(path, INDEX(rateSql));
  return evaluate(ws, { period: '2024', index: await loadIndexFile(path, { checkSql: false }), draws: 0, save: false });
}

async function refusal(rateSql: string): Promise<TijianError> {
  return run(rateSql).then(
    () => {
      throw new Error('evaluated');
    },
    (e: unknown) => e as TijianError,
  );
}

describe('the values an indicator’s SQL returns', () => {
  it('good values are scored as before, and a negative change is fine where the goalposts go below 0 (by hand)', async () => {
    const r = await run(RATE_SQL);
    const u = (id: string) => r.entities.find((e) => e.entity_id === id)!;
    expect(u('U1').indicators.online).toMatchObject({ numerator: 8, denominator: 10, raw: 0.8, score: 80, status: 'ok' });
    expect(u('U2').indicators.online).toMatchObject({ numerator: 1, denominator: 4, raw: 0.25, score: 25 });
    // change: U1 (10 − 10)/10 = 0 → 50; U2 (4 − 10)/10 = −0.6 → 100 (beyond the good end); U3 −0.5 → 100
    expect(u('U1').indicators.change).toMatchObject({ numerator: 0, raw: 0, score: 50 });
    expect(u('U2').indicators.change).toMatchObject({ numerator: -6, denominator: 10, raw: -0.6, score: 100 });
    expect(u('U3').indicators.change).toMatchObject({ numerator: -5, raw: -0.5, score: 100 });
  });

  it('NaN, infinity and an overflowing product stop the evaluation, naming the indicator and the units (they scored 100)', async () => {
    for (const [num, shown] of [["'nan'::DOUBLE", 'NaN'], ["'inf'::DOUBLE", 'Infinity'], ['1e308 * 10', 'Infinity']] as const) {
      const e = await refusal(`SELECT unit_id AS entity_id, ${num} AS numerator, count(*) AS denominator ${CASES}`);
      expect(e.code).toBe('INDEX_INVALID');
      expect(e.zh).toContain('2024 的评估已停止');
      expect(e.zh).toContain(`指标“网上办案率”（online）：分子或分母不是有限数值（NaN、无穷大、溢出或非数字文本）：U1（${shown} / 10）, U2（${shown} / 4）, U3（${shown} / 5）`);
      expect(e.en).toContain('indicator online: numerator or denominator is not a finite number');
    }
  });

  it('negative numerators or denominators and a proportion above 1 stop it', async () => {
    const neg = await refusal(`SELECT unit_id AS entity_id, -5 AS numerator, count(*) AS denominator ${CASES}`);
    expect(neg.zh).toContain('指标“网上办案率”（online）：分子为负：U1（-5）, U2（-5）, U3（-5）（该指标是比例，分子不能为负）');
    const negDen = await refusal(`SELECT unit_id AS entity_id, 5 AS numerator, -count(*) AS denominator ${CASES}`);
    expect(negDen.zh).toContain('指标“网上办案率”（online）：分母为负：U1（-10）, U2（-4）, U3（-5）');
    expect(negDen.zh).not.toContain('分子大于分母');
    const over = await refusal(`SELECT unit_id AS entity_id, count(*) * 5 AS numerator, count(*) AS denominator ${CASES}`);
    expect(over.zh).toContain('指标“网上办案率”（online）：分子大于分母，而该指标是比例（应在 0 到 1 之间）：U1（50 / 10）, U2（20 / 4）, U3（25 / 5）');
    expect(over.en).toContain('numerator above the denominator for a proportion');
  });

  it('a unit twice, a row without a unit and an unknown unit stop it (the last row won; the others were dropped)', async () => {
    const dup = await refusal(`${RATE_SQL} UNION ALL SELECT 'U2', 4, 4`);
    expect(dup.zh).toContain('指标“网上办案率”（online）：同一单位返回了多行：U2（每个单位只能有一行）');
    const nul = await refusal(`${RATE_SQL} UNION ALL SELECT NULL, 1, 2`);
    expect(nul.zh).toContain('指标“网上办案率”（online）：1 行的 entity_id 为空，无法归属任何单位');
    const unknown = await refusal(`SELECT 'NOPE_' || unit_id AS entity_id, 1 AS numerator, 2 AS denominator ${CASES}`);
    expect(unknown.zh).toContain('指标“网上办案率”（online）：单位表中没有这些 entity_id：NOPE_U1, NOPE_U2, NOPE_U3');
    expect(unknown.en).toContain('indicator online: entity_id(s) not in the unit table: NOPE_U1, NOPE_U2, NOPE_U3');
  });
});

describe('checking rows by hand', () => {
  const sys = parseIndexText(INDEX(RATE_SQL)).system!;
  const online = sys.indicators[0]!;
  const change = sys.indicators[1]!;
  const known = new Set(['U1', 'U2']);

  it('cells: NULL stays null, text digits and BIGINT digits are numbers, other text is NaN', () => {
    expect(cellNumber(null)).toBeNull();
    expect(cellNumber('5')).toBe(5);
    expect(cellNumber('9007199254740993')).toBe(9007199254740992);
    expect(cellNumber('abc')).toBeNaN();
    expect(cellNumber('')).toBeNaN();
    expect(cellNumber(7n)).toBe(7);
  });

  it('text that is no number, every problem of a statement at once, the county row accepted', () => {
    const p = indicatorRowProblems(online, true, [
      { entity_id: 'U1', numerator: 'abc', denominator: 10 },
      { entity_id: 'U2', numerator: 3, denominator: 2 },
      { entity_id: 'U2', numerator: 1, denominator: 2 },
      { entity_id: 'COUNTY', numerator: 4, denominator: 14 },
    ], known, 'COUNTY');
    expect(p.map((x) => x.zh)).toEqual([
      '同一单位返回了多行：U2（每个单位只能有一行）',
      "分子或分母不是有限数值（NaN、无穷大、溢出或非数字文本）：U1（NaN 'abc' / 10）",
      '分子大于分母，而该指标是比例（应在 0 到 1 之间）：U2（3 / 2）',
    ]);
    // a negative change: fine for this indicator; a negative denominator never
    expect(indicatorRowProblems(change, false, [{ entity_id: 'U1', numerator: -3, denominator: 10 }], known, 'COUNTY')).toEqual([]);
    expect(indicatorRowProblems(change, false, [{ entity_id: 'U1', numerator: 3, denominator: -10 }], known, 'COUNTY').map((x) => x.zh)).toEqual(['分母为负：U1（-10）']);
  });

  it('red lines: hits are finite and ≥ 0, one row a unit', () => {
    const rl = { id: 'r', name: { zh: '红线', en: 'Red line' }, basis: '测试', sql: 'x', veto: false, lineage: 'x' };
    expect(redLineRowProblems(rl, [{ entity_id: 'U1', hits: -1 }, { entity_id: 'U2', hits: Number.NaN }, { entity_id: 'U2', hits: 1 }], known, 'COUNTY').map((x) => x.zh)).toEqual([
      '同一单位返回了多行：U2（每个单位只能有一行）',
      '命中数不是非负的有限数值：U1（-1）, U2（NaN）',
    ]);
  });
});

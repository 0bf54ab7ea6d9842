import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { DEFAULT_INDEX_PATH } from '../eval/run.js';
import { formatIndexErrors, parseIndexText } from './parse.js';
import { checkIndexText, checkStoredIndexText, loadIndexFile } from './validate.js';

const TEXT = readFileSync(DEFAULT_INDEX_PATH, 'utf8');

// The default tree of ../shared/design/index-system.md, dimension by dimension.
const DESIGN: Record<string, string[]> = {
  institutions: ['comp_matter_share', 'transferred_domains', 'team_structure', 'three_systems', 'coordination', 'catalogue_published'],
  supervision: ['joint_inspection_share', 'repeat_inspection_rate', 'inspection_burden_yoy', 'mobile_inspection_rate', 'plan_completion', 'permit_followup', 'complaint_ontime'],
  quality: ['legal_review_rate', 'overdue_rate', 'reconsideration_correction', 'litigation_loss', 'head_appearance', 'casefile_pass', 'police_transfer', 'online_handling'],
  // (certified_roster_rate: the roster's 持证率 next to the acting officers', added for issue 11)
  workforce: ['township_force_share', 'certified_rate', 'certified_roster_rate', 'uncertified_acts', 'reviewer_ratio', 'reviewer_qualified', 'legal_qualification_rate', 'training_hours', 'mixed_staffing_rate'],
  performance: ['comp_case_share', 'township_case_share', 'disturbance_saved', 'satisfaction', 'conduct_complaint_rate', 'rectification_rate', 'closed_loop_rate', 'execution_rate'],
};
// Beyond the design's tree: the rectification loop's two indicators over the ledger (analytics/rectify).
const LEDGER: Record<string, string[]> = { performance: ['rectify_completion', 'rectify_recurrence'] };

describe('the default full-body-check index system', () => {
  it('is valid, and every SQL statement binds against the canonical tables', async () => {
    const loaded = await loadIndexFile(DEFAULT_INDEX_PATH);
    expect(loaded.system.indicators).toHaveLength(38 + 2);
    // every pair of goalposts says where it comes from (the discrimination audit fails without)
    for (const i of loaded.system.indicators) {
      expect(i.goalposts.basis, i.id).toMatch(/^(policy|law|observed)$/);
      expect(i.goalposts.note?.length ?? 0, i.id).toBeGreaterThan(10);
    }
    expect(loaded.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a stored text is checked once when asked twice at the same time (a check started in the background is waited for)', async () => {
    // a text no other test checks, so that neither call finds it already checked
    const text = `${readFileSync(DEFAULT_INDEX_PATH, 'utf8')}\n# checked twice at once\n`;
    const [a, b] = await Promise.all([checkStoredIndexText(text, 1), checkStoredIndexText(text, 2)]);
    // one check, one parsed system (two checks would each parse their own)
    expect(a).toBe(b);
    expect(a.indicators).toHaveLength(38 + 2);
    // and kept: a later call gets it without checking again
    expect(await checkStoredIndexText(text, 3)).toBe(a);
  });

  it('has all five dimensions and every indicator of the design, under its id and dimension', () => {
    const sys = parseIndexText(TEXT).system!;
    expect(sys.dimensions.map((d) => d.id)).toEqual(Object.keys(DESIGN));
    expect(sys.omitted).toEqual([]);
    for (const [dim, ids] of Object.entries(DESIGN)) {
      expect(sys.indicators.filter((i) => i.dimension === dim).map((i) => i.id)).toEqual([...ids, ...(LEDGER[dim] ?? [])]);
    }
  });

  it('gives every seed target the value of the seed document', () => {
    const sys = parseIndexText(TEXT).system!;
    const t = Object.fromEntries(sys.indicators.filter((i) => i.target).map((i) => [i.id, i.target!]));
    expect(t.comp_matter_share).toMatchObject({ value: 0.2, op: '>=', source: 'seed' });
    expect(t.township_force_share).toMatchObject({ value: 0.5, op: '>=', source: 'seed' });
    expect(t.team_structure).toMatchObject({ value: 0, op: '<=', source: 'seed' });
    expect(t.transferred_domains).toMatchObject({ value: 16, source: 'seed' });
    // no indicator rewards the amount of fines collected
    expect(sys.indicators.some((i) => /fine_amount\)\s*AS numerator|sum\(fine/i.test(i.sql))).toBe(false);
  });
});

describe('index files with mistakes', () => {
  it('lists every schema error at once, with dotted paths, indicator ids and lines', () => {
    const doc = parseYaml(TEXT);
    doc.indicators[3].goalposts.upper = 'high';
    doc.indicators[5].direction = 'up';
    delete doc.indicators[10].sql;
    doc.dimensions[1].weight = -1;
    const { system, errors } = parseIndexText(stringify(doc));
    expect(system).toBeUndefined();
    const paths = errors.map((e) => e.path).sort();
    expect(paths).toEqual(['dimensions[1].weight', 'indicators[10].sql', 'indicators[3].goalposts.upper', 'indicators[5].direction'].sort());
    const e3 = errors.find((e) => e.path === 'indicators[3].goalposts.upper')!;
    expect(e3.id).toBe('three_systems');
    expect(e3.line).toBeGreaterThan(1);
    expect(formatIndexErrors(errors, 'x.yaml')).toContain('x.yaml:');
  });

  it('catches unknown tables, columns, dimensions, parameters and duplicate ids, naming the indicator', async () => {
    const doc = parseYaml(TEXT);
    doc.indicators[0].sql = doc.indicators[0].sql.replace('FROM matter', 'FROM matters');
    doc.indicators[13].sql = doc.indicators[13].sql.replace('count(*) FILTER (WHERE legal_review_date <= decision_date)', 'count(*) FILTER (WHERE review_day <= decision_date)');
    doc.indicators[2].dimension = 'culture';
    doc.indicators[6].lineage.numerator = 'SELECT * FROM inspection WHERE date > $when';
    doc.indicators[8].id = 'joint_inspection_share';
    doc.indicators[9].sql = 'SELECT 1 AS entity_id';
    const { system, errors } = await checkIndexText(stringify(doc));
    expect(system).toBeUndefined();
    const by = (path: string) => errors.find((e) => e.path === path);
    expect(by('indicators[0].sql')).toMatchObject({ id: 'comp_matter_share' });
    expect(by('indicators[0].sql')!.message).toMatch(/matters/);
    expect(by("indicators[13].sql")!.message).toMatch(/review_day/);
    expect(by('indicators[13].sql')!.id).toBe('legal_review_rate');
    expect(by('indicators[2].dimension')!.message).toMatch(/culture/);
    expect(by('indicators[6].lineage.numerator')!.message).toMatch(/\$when/);
    expect(by('indicators[8].id')!.message).toMatch(/重复|duplicate/);
    expect(by('indicators[9].sql')!.message).toMatch(/numerator/);
    expect(errors.length).toBeGreaterThanOrEqual(7);
  });

  it('refuses table functions that read files or other databases, before running anything', async () => {
    const doc = parseYaml(TEXT);
    doc.indicators[0].sql = "SELECT column0 AS entity_id, 1 AS numerator, 1 AS denominator FROM read_csv('/etc/passwd')";
    doc.indicators[1].lineage.numerator = "SELECT * FROM penalty_case WHERE case_id IN (SELECT content FROM read_text('/etc/hostname'))";
    doc.indicators[2].sql = "SELECT * FROM query_table('officer')";
    // row generators stay allowed
    doc.indicators[3].lineage.numerator = 'SELECT r.range AS n FROM range(3) r';
    const { system, errors } = await checkIndexText(stringify(doc));
    expect(system).toBeUndefined();
    const paths = errors.map((e) => e.path);
    expect(paths.sort()).toEqual(['indicators[0].sql', 'indicators[1].lineage.numerator', 'indicators[2].sql']);
    expect(errors.find((e) => e.path === 'indicators[0].sql')!.message).toMatch(/表函数 read_csv/);
    expect(errors.find((e) => e.path === 'indicators[1].lineage.numerator')!.message).toMatch(/read_text/);
    expect(errors.find((e) => e.path === 'indicators[2].sql')!.message).toMatch(/query_table/);
  });

  it('reports YAML syntax errors with their line', () => {
    const { errors } = parseIndexText('id: x\nversion: 1\nname: { zh: a, en: b\n');
    expect(errors[0]!.message).toMatch(/YAML/);
    expect(errors[0]!.line).toBeGreaterThan(0);
  });
});

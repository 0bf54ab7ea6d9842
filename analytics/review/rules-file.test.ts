// The review-rules file: the default one is valid with every SQL bound; a file with mistakes gets
// every error at once, with dotted paths, rule ids and lines, and never half-loads.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse as parseYaml, stringify } from 'yaml';
import { formatIndexErrors } from '../index/parse.js';
import { tempDir } from '../test/helpers.js';
import { DEFAULT_RULES_PATH, checkRulesText, loadRulesFile, summaryColumns } from './load.js';

const TEXT = readFileSync(DEFAULT_RULES_PATH, 'utf8');

describe('the default review rules', () => {
  it('load with every SQL bound against the canonical tables', async () => {
    const loaded = await loadRulesFile(DEFAULT_RULES_PATH);
    expect(loaded.rules.rules).toHaveLength(13);
    expect(loaded.sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const r of loaded.rules.rules) {
      expect(r.name.zh.length, r.id).toBeGreaterThan(2);
      expect(r.name.en.length, r.id).toBeGreaterThan(5);
      expect(r.basis, r.id).toMatch(/《.+》|实施方案|整改/);
      expect(['高', '中', '低']).toContain(r.severity);
      expect(r.explanation.length, r.id).toBeGreaterThan(40);
      expect(r.summary, r.id).toMatch(/。'?$/);
    }
  });

  it('keep the thresholds as named parameters', async () => {
    const { rules } = await loadRulesFile(DEFAULT_RULES_PATH, { checkSql: false });
    const params = Object.fromEntries(rules.rules.map((r) => [r.id, r.params]));
    expect(params).toMatchObject({
      overdue_case: { default_deadline_days: 90 },
      single_officer: { min_officers: 2 },
      inconsistent_fine: { min_group: 8, mad_k: 3 },
      repeat_inspection: { window_days: 30 },
      officer_party_lenient: { min_meetings: 3 },
      long_open_case: { max_open_days: 365 },
      penalty_not_executed: { max_days: 90 },
    });
    // and no threshold is written into the SQL itself
    for (const r of rules.rules) expect(r.sql, r.id).not.toMatch(/[<>]=?\s*(30|90|365|8|3)\b/);
  });

  it('name the legal articles of the brief', async () => {
    const { rules } = await loadRulesFile(DEFAULT_RULES_PATH, { checkSql: false });
    const basis = Object.fromEntries(rules.rules.map((r) => [r.id, r.basis]));
    expect(basis.overdue_case).toContain('第六十条');
    expect(basis.major_without_review).toContain('第五十八条');
    expect(basis.single_officer).toContain('第四十二条');
    expect(basis.fine_out_of_range).toContain('第三十四条');
  });
});

describe('review-rules files with mistakes', () => {
  it('list every schema error at once, with dotted paths, rule ids and lines', async () => {
    const doc = parseYaml(TEXT);
    doc.rules[1].severity = '很高';
    delete doc.rules[2].sql;
    doc.rules[4].keys = [];
    doc.rules[6].params = { window: 'thirty' };
    doc.rules[7].personal = { 检查对象: 'address' };
    const { rules, errors } = await checkRulesText(stringify(doc));
    expect(rules).toBeUndefined();
    expect(errors.map((e) => e.path).sort()).toEqual(['rules[1].severity', 'rules[2].sql', 'rules[4].keys', 'rules[6].params.window', 'rules[7].personal.检查对象'].sort());
    const e1 = errors.find((e) => e.path === 'rules[1].severity')!;
    expect(e1.id).toBe('major_without_review');
    expect(e1.line).toBeGreaterThan(1);
    expect(formatIndexErrors(errors, 'rules.yaml')).toMatch(/rules\.yaml:\d+ {2}rules\[1\]\.severity \(major_without_review\)/);
  });

  it('catch unknown tables, columns and parameters, missing result columns, personal summaries and duplicate ids', async () => {
    const doc = parseYaml(TEXT);
    doc.rules[0].sql = doc.rules[0].sql.replace('FROM penalty_case c', 'FROM penalty_cases c');
    doc.rules[1].sql = doc.rules[1].sql.replace('c.legal_review_date AS 法制审核日期', 'c.review_day AS 法制审核日期');
    doc.rules[2].evidence = [...doc.rules[2].evidence, '不存在的列'];
    doc.rules[3].sql = doc.rules[3].sql.replace('< $min_officers', '< $min_people');
    doc.rules[4].summary = '{案件编号} 的当事人 {当事人}。';
    doc.rules[5].id = 'overdue_case';
    doc.rules[6].sql = 'SELECT case_id FROM penalty_case';
    doc.rules[8].params = { ...doc.rules[8].params, unused_threshold: 5 };
    doc.rules[9].params = { start: 1 };
    doc.rules[10].sql = 'DELETE FROM complaint';
    doc.rules[11].sql = `${doc.rules[11].sql}; SELECT 1`;
    doc.rules[12].sql = doc.rules[12].sql.replace('c.officer_ids AS 承办人编号', 'c.officer_ids AS 承办人编号, c.unit_id AS 执法主体');
    const { rules, errors } = await checkRulesText(stringify(doc));
    expect(rules).toBeUndefined();
    const at = (path: string) => errors.filter((e) => e.path === path).map((e) => e.message).join(' | ');
    expect(at('rules[0].sql')).toMatch(/penalty_cases/);
    expect(at('rules[1].sql')).toMatch(/review_day/);
    expect(at('rules[2].sql')).toMatch(/不存在的列/);
    expect(at('rules[3].sql')).toMatch(/\$min_people/);
    expect(at('rules[3].params.min_officers')).toMatch(/未使用/);
    expect(at('rules[4].summary')).toMatch(/当事人/);
    expect(at('rules[5].id')).toMatch(/重复/);
    expect(at('rules[6].sql')).toMatch(/unit_id|officer_ids/);
    expect(at('rules[8].params.unused_threshold')).toMatch(/unused_threshold/);
    expect(at('rules[9].params.start')).toMatch(/期间参数/);
    expect(at('rules[10].sql')).toMatch(/SELECT/);
    expect(at('rules[11].sql')).toMatch(/一条/);
    expect(at('rules[12].sql')).toMatch(/重复|两/);
    expect(errors.find((e) => e.path === 'rules[0].sql')!.id).toBe('overdue_case');
  });

  it('a file with errors never half-loads: loadRulesFile throws them all', async () => {
    const doc = parseYaml(TEXT);
    doc.rules[0].severity = 'x';
    doc.rules[3].evidence = [];
    const path = join(tempDir(), 'bad.yaml');
    writeFileSync(path, stringify(doc));
    const err = await loadRulesFile(path).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'RULES_INVALID' });
    expect((err as { details: unknown[] }).details).toHaveLength(2);
    expect((err as Error).message).toContain('rules[0].severity');
    expect((err as Error).message).toContain('rules[3].evidence');
    await expect(loadRulesFile(join(tempDir(), 'none.yaml'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  it('YAML syntax errors come with a line', async () => {
    const { errors } = await checkRulesText('id: x\nrules: [\n  - id: a\n');
    expect(errors[0]!.message).toMatch(/YAML/);
    expect(errors[0]!.line).toBeGreaterThan(0);
  });

  it('summary placeholders are the {column} names', () => {
    expect(summaryColumns('{案件编号}：{ 办案天数 } 天')).toEqual(['案件编号', '办案天数']);
  });
});

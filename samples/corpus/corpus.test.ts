import { describe, expect, it } from 'vitest';
import { CANONICAL_TABLES, tableDef } from '../../analytics/schema/tables.js';
import { distinctHeaders, loadCorpus, parseHeadersCorpus, parseValuesCorpus } from './corpus.js';

const corpus = loadCorpus();

describe('recognition corpus', () => {
  it('parses, and names only tables, fields and enum values that exist', () => {
    // loadCorpus throws with every error; here the checks are restated independently of it.
    for (const l of corpus.headers) {
      const t = tableDef(l.table);
      expect(t, l.id).toBeDefined();
      const names = new Set(t!.fields.map((f) => f.name));
      for (const c of l.columns) if (c.field !== null) expect(names.has(c.field), `${l.id}: ${c.header} → ${c.field}`).toBe(true);
    }
    for (const v of corpus.values) {
      const f = tableDef(v.table)?.fields.find((x) => x.name === v.field);
      expect(f?.kind, `${v.table}.${v.field}`).toBe('enum');
      if (v.expected !== null) expect(Object.keys(f!.values!), `${v.value}`).toContain(v.expected);
    }
  });

  it('has unique layout ids', () => {
    const ids = corpus.headers.map((l) => l.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('meets the size goals: ≥ 400 distinct header spellings over all 11 tables, ≥ 150 values', () => {
    const distinct = distinctHeaders(corpus.headers);
    const perTable = new Map<string, number>();
    for (const d of distinct.values()) perTable.set(d.table, (perTable.get(d.table) ?? 0) + 1);
    const values = new Set(corpus.values.map((v) => `${v.table}.${v.field}=${v.value}`));
    const nulls = [...distinct.values()].filter((d) => d.field === null).length;
    console.log(
      `corpus: ${corpus.headers.length} layouts, ${distinct.size} distinct (table, header) spellings ` +
        `(${nulls} expected unmapped), ${values.size} values; per table: ` +
        [...perTable].map(([t, n]) => `${t} ${n}`).join(', '),
    );
    expect(distinct.size).toBeGreaterThanOrEqual(400);
    expect([...perTable.keys()].sort()).toEqual(CANONICAL_TABLES.map((t) => t.name).sort());
    expect(values.size).toBeGreaterThanOrEqual(150);
    // Negatives matter: columns that must stay unmapped are part of the test.
    expect(nulls).toBeGreaterThanOrEqual(60);
  });

  it('keeps composed (pattern) spellings a minority, and every split substantial', () => {
    const distinct = [...distinctHeaders(corpus.headers).values()];
    const pattern = distinct.filter((d) => d.origin === 'pattern').length;
    expect(pattern / distinct.length).toBeLessThan(0.35);
    const valuePattern = corpus.values.filter((v) => v.origin === 'pattern').length;
    expect(valuePattern / corpus.values.length).toBeLessThan(0.35);
    // dev and holdout were split by layout; fresh and fresh2 were gathered later, blind, from
    // other sources — each a fifth or so of the whole
    for (const split of ['dev', 'holdout', 'fresh', 'fresh2'] as const) {
      const share = corpus.headers.filter((l) => l.split === split).length / corpus.headers.length;
      expect(share, split).toBeGreaterThan(0.18);
      const vshare = corpus.values.filter((v) => v.split === split).length / corpus.values.length;
      expect(vshare, split).toBeGreaterThan(0.15);
    }
  });

  it('covers every enum field of the schema with at least one value', () => {
    const enums = CANONICAL_TABLES.flatMap((t) => t.fields.filter((f) => f.kind === 'enum').map((f) => `${t.name}.${f.name}`));
    const covered = new Set(corpus.values.map((v) => `${v.table}.${v.field}`));
    expect(enums.filter((e) => !covered.has(e))).toEqual([]);
  });
});

describe('corpus loader', () => {
  it('reports every error of a bad headers file at its dotted path', () => {
    const text = [
      '- id: a',
      '  source: s',
      '  origin: pattern', // a pattern without a note
      '  table: permit',
      '  split: dev',
      '  columns:',
      '    - { header: 许可编号, field: permit_id }',
      '    - { header: 文号, field: permit_id }', // the same field twice
      '    - { header: 许可编号, field: nope }', // duplicate header and unknown field
      '- id: a', // duplicate id
      '  source: s',
      '  origin: public',
      '  table: no_such_table',
      '  split: dev',
      '  columns: [{ header: x, field: null }]',
    ].join('\n');
    const bad = parseHeadersCorpus(text, 'h');
    expect(bad.value).toBeUndefined();
    expect(bad.errors.map((e) => e.path)).toEqual(['h[0].note']);
    // With the schema satisfied, the cross-checks report all their findings at once.
    const fixed = text.replace('origin: pattern', 'origin: pattern\n  note: n');
    const errs = parseHeadersCorpus(fixed, 'h').errors.map((e) => e.path);
    expect(errs).toEqual(['h[0].columns[1].field', 'h[0].columns[2].header', 'h[0].columns[2].field', 'h[1].id', 'h[1].table']);
  });

  it('reports every error of a bad values file at its dotted path', () => {
    const text = [
      '- { table: penalty_case, field: source, value: 检查发现, expected: 检查, source: s, origin: public, split: dev }',
      '- { table: penalty_case, field: source, value: 检查发现, expected: 检查, source: s, origin: public, split: dev }',
      '- { table: penalty_case, field: filed_date, value: x, expected: null, source: s, origin: public, split: dev }',
      '- { table: penalty_case, field: procedure, value: 一般程序, expected: 一般, source: s, origin: public, split: dev }',
      '- { table: nope, field: x, value: x, expected: null, source: s, origin: public, split: holdout }',
    ].join('\n');
    expect(parseValuesCorpus(text, 'v').errors.map((e) => e.path)).toEqual(['v[1].value', 'v[2].field', 'v[3].expected', 'v[4].table']);
    expect(parseValuesCorpus('- { table: x }', 'v').errors.map((e) => e.path)).toContain('v[0].field');
    expect(parseValuesCorpus('- [', 'v').errors[0]!.message).toMatch(/YAML/);
  });
});

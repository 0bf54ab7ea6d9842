// How well recognition generalises, measured on the corpus of real-world spellings (samples/corpus),
// which the lexicon is not built from. Each layout is recognised from its headers alone, table
// included; dev and holdout are reported apart. Goal: ≥ 97% recognised, no wrong assignment at
// "sure". The wrong assignments of dev are printed; holdout's only when TIJIAN_SHOW_HOLDOUT=1 (so
// whoever tunes the lexicon does not see them).
import { describe, expect, it } from 'vitest';
import { loadCorpus, type HeaderLayout, type ValueEntry } from '../../../samples/corpus/corpus.js';
import { tableDef } from '../../schema/tables.js';
import { recognise } from './recognise.js';
import { matchValue } from './values.js';

const corpus = loadCorpus();

/**
 * The holdout split, measured once the lexicon was frozen (2026-12-04): headers 340/381 (89.2%),
 * 10 wrong at sure; values 67/75 (89.3%), none wrong at sure. The goal (≥ 97%, none wrong at sure)
 * is not met on the holdout; these floors only stop it from getting worse.
 */
const FLOOR = { headers: { rate: 0.89, wrongSure: 10 }, values: { rate: 0.89 } };
const showHoldout = process.env.TIJIAN_SHOW_HOLDOUT === '1';

interface HeaderOutcome {
  layout: string;
  table: string;
  detected: string;
  header: string;
  expected: string | null;
  got: string | null;
  confidence: string;
  why: string;
}

function headerOutcomes(layouts: readonly HeaderLayout[]): HeaderOutcome[] {
  const out: HeaderOutcome[] = [];
  for (const l of layouts) {
    const r = recognise(l.columns.map((c) => c.header));
    l.columns.forEach((c, i) => {
      const d = r.columns[i]!;
      out.push({ layout: l.id, table: l.table, detected: r.table, header: c.header, expected: c.field, got: d.field, confidence: d.confidence, why: d.why });
    });
  }
  return out;
}

const correct = (o: HeaderOutcome) => (o.got === null ? o.expected === null : o.detected === o.table && o.got === o.expected);

function describeHeader(o: HeaderOutcome): string {
  const got = o.got ? `${o.detected === o.table ? '' : o.detected + '.'}${o.got} [${o.confidence}]` : '—';
  return `  ${o.layout}: “${o.header}” expected ${o.expected ?? '—'}, got ${got} · ${o.why}`;
}

interface ValueOutcome {
  e: ValueEntry;
  got: string | null;
  confidence: string | null;
}

function valueOutcomes(vs: readonly ValueEntry[]): ValueOutcome[] {
  return vs.map((e) => {
    const m = matchValue(e.table, e.field, e.value);
    return { e, got: m?.value ?? null, confidence: m?.confidence ?? null };
  });
}

function pct(a: number, b: number): string {
  return b ? `${((100 * a) / b).toFixed(1)}%` : '—';
}

describe('recognition of the corpus', () => {
  for (const split of ['dev', 'holdout'] as const) {
    it(`headers, ${split}: ${split === 'dev' ? '≥ 97% recognised, none wrong at "sure"' : 'measured; goal ≥ 97% and none wrong at "sure" not met — held at its floor'}`, () => {
      const layouts = corpus.headers.filter((l) => l.split === split);
      const outs = headerOutcomes(layouts);
      const ok = outs.filter(correct);
      const wrongSure = outs.filter((o) => !correct(o) && o.got !== null && o.confidence === 'sure');
      const tablesOk = layouts.filter((l) => recognise(l.columns.map((c) => c.header)).table === l.table).length;
      const withField = outs.filter((o) => o.expected !== null);
      const found = withField.filter(correct);
      const nulls = outs.filter((o) => o.expected === null);
      const nullsOk = nulls.filter(correct);
      const likelyRight = outs.filter((o) => correct(o) && o.confidence === 'likely').length;
      console.log(
        `[corpus headers ${split}] ${layouts.length} layouts, tables right ${tablesOk}/${layouts.length}; ` +
          `columns recognised ${ok.length}/${outs.length} (${pct(ok.length, outs.length)}): ` +
          `fields found ${found.length}/${withField.length} (${pct(found.length, withField.length)}), ` +
          `left unmapped rightly ${nullsOk.length}/${nulls.length} (${pct(nullsOk.length, nulls.length)}); ` +
          `right but only likely ${likelyRight}; wrong at sure ${wrongSure.length}`,
      );
      const wrong = outs.filter((o) => !correct(o));
      if (split === 'dev' || showHoldout) {
        if (wrong.length) console.log(`[corpus headers ${split}] not recognised:\n${wrong.map(describeHeader).join('\n')}`);
      }
      // Holdout entries stay out of the failure message unless asked for. The holdout does not meet
      // the goal yet (see FLOOR): it is held to what it measured when the lexicon was last changed,
      // so it cannot get worse unnoticed.
      if (split === 'dev') {
        expect(wrongSure.map(describeHeader)).toEqual([]);
        expect(ok.length / outs.length).toBeGreaterThanOrEqual(0.97);
      } else {
        expect(wrongSure.length).toBeLessThanOrEqual(FLOOR.headers.wrongSure);
        expect(ok.length / outs.length).toBeGreaterThanOrEqual(FLOOR.headers.rate);
      }
    });

    it(`values, ${split}: ${split === 'dev' ? '≥ 97% recognised, none wrong at "sure"' : 'none wrong at "sure"; goal ≥ 97% not met — held at its floor'}`, () => {
      const outs = valueOutcomes(corpus.values.filter((v) => v.split === split));
      const ok = outs.filter((o) => o.got === o.e.expected);
      const wrongSure = outs.filter((o) => o.got !== o.e.expected && o.confidence === 'sure');
      console.log(`[corpus values ${split}] recognised ${ok.length}/${outs.length} (${pct(ok.length, outs.length)}); wrong at sure ${wrongSure.length}`);
      const line = (o: ValueOutcome) => `  ${o.e.table}.${o.e.field}: “${o.e.value}” expected ${o.e.expected ?? '— (fallback)'}, got ${o.got ?? '—'}${o.confidence ? ` [${o.confidence}]` : ''}`;
      if (split === 'dev' || showHoldout) {
        const wrong = outs.filter((o) => o.got !== o.e.expected);
        if (wrong.length) console.log(`[corpus values ${split}] not recognised:\n${wrong.map(line).join('\n')}`);
      }
      if (split === 'dev') {
        expect(wrongSure.map(line)).toEqual([]);
        expect(ok.length / outs.length).toBeGreaterThanOrEqual(0.97);
      } else {
        expect(wrongSure.length).toBe(0);
        expect(ok.length / outs.length).toBeGreaterThanOrEqual(FLOOR.values.rate);
      }
    });
  }

  it('the corpus names only fields and values the schema has', () => {
    for (const l of corpus.headers) expect(tableDef(l.table), l.id).toBeDefined();
  });
});

// How well recognition generalises, measured on the corpus of real-world spellings (samples/corpus),
// which the lexicon is not built from. Each layout is recognised from its headers alone, table
// included; dev and holdout are reported apart, each held to the goal: ≥ 97% recognised, no wrong
// assignment at "sure". The holdout was measured blind once (2026-12-04: headers 89.2% with 10 wrong
// at sure, values 89.3%); it has been seen since (round 2 of issue 10 fixed its misses by general
// rules), so both splits are development data now and their misses are printed. A third split,
// fresh (31 layouts, 53 values from eight sources not used before), was gathered on 2026-12-06 by a
// collector who never read analytics/import/ and measured blind once: headers 308/343 (89.8%, 5
// wrong at sure, all in one layout whose table was guessed wrong), values 46/53 (86.8%, 2 wrong at
// sure). Its misses were then fixed by general rules where one was right (negation in values,
// 权责 as 事项, letters and replies in complaint ledgers, 处罚金额, 管理主体, an issuer not the
// owner); it is held to what it reached then, the layout it still misreads named below, so a
// regression there shows. A fourth, fresh2 (33 layouts, 50 values, 2026-12-07: DDL, API and pinyin
// names among them), measured blind 82.6% of headers and 74.0% of values; likewise held after.
import { describe, expect, it } from 'vitest';
import { loadCorpus, type HeaderLayout, type ValueEntry } from '../../../samples/corpus/corpus.js';
import { tableDef } from '../../schema/tables.js';
import { recognise } from './recognise.js';
import { matchValue } from './values.js';

const corpus = loadCorpus();

const GOAL = 0.97;

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

/** What each split is held to: the share recognised, and the layouts allowed wrong answers at
 *  "sure" (fresh: a 案卷评查 result list, one row per case file with its score, read as a case
 *  ledger — a finding list's id, source and date are not in it either). */
const BARS: Record<'dev' | 'holdout' | 'fresh' | 'fresh2', { headers: number; values: number; wrongSureIn: readonly string[] }> = {
  dev: { headers: GOAL, values: GOAL, wrongSureIn: [] },
  holdout: { headers: GOAL, values: GOAL, wrongSureIn: [] },
  fresh: { headers: 0.93, values: 0.96, wrongSureIn: ['fresh-finding-zhzf-casefile-appraisal'] },
  // measured blind 2026-12-07 (82.6% / 74.0%), then held to what its rules reached; the layouts
  // with a column still wrong at sure (处罚结果 as penalty kinds, 办件编号 as a ticket number, 案件类型
  // in a 诉讼 register, a case card read as a matter, 违法行为类型 as the matter)
  fresh2: {
    headers: 0.85,
    values: 0.86,
    wrongSureIn: ['fresh2-case-epower-finish-list', 'fresh2-review-epower-reconsider-view', 'fresh2-review-bj-xzss-register-form', 'fresh2-case-wuxi-zjj-admin-card', 'fresh2-case-credit-bilingual-penalty'],
  },
};

describe('recognition of the corpus', () => {
  for (const split of ['dev', 'holdout', 'fresh', 'fresh2'] as const) {
    const bar = BARS[split];
    it(`headers, ${split}: ≥ ${bar.headers * 100}% recognised, none wrong at "sure"${bar.wrongSureIn.length ? ' outside the known layout' : ''}`, () => {
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
      if (wrong.length) console.log(`[corpus headers ${split}] not recognised:\n${wrong.map(describeHeader).join('\n')}`);
      expect(wrongSure.filter((o) => !bar.wrongSureIn.includes(o.layout)).map(describeHeader)).toEqual([]);
      expect(ok.length / outs.length).toBeGreaterThanOrEqual(bar.headers);
    });

    it(`values, ${split}: ≥ ${bar.values * 100}% recognised, none wrong at "sure"`, () => {
      const outs = valueOutcomes(corpus.values.filter((v) => v.split === split));
      const ok = outs.filter((o) => o.got === o.e.expected);
      const wrongSure = outs.filter((o) => o.got !== o.e.expected && o.confidence === 'sure');
      console.log(`[corpus values ${split}] recognised ${ok.length}/${outs.length} (${pct(ok.length, outs.length)}); wrong at sure ${wrongSure.length}`);
      const line = (o: ValueOutcome) => `  ${o.e.table}.${o.e.field}: “${o.e.value}” expected ${o.e.expected ?? '— (fallback)'}, got ${o.got ?? '—'}${o.confidence ? ` [${o.confidence}]` : ''}`;
      const wrong = outs.filter((o) => o.got !== o.e.expected);
      if (wrong.length) console.log(`[corpus values ${split}] not recognised:\n${wrong.map(line).join('\n')}`);
      expect(wrongSure.map(line)).toEqual([]);
      expect(ok.length / outs.length).toBeGreaterThanOrEqual(bar.values);
    });
  }

  it('the corpus names only fields and values the schema has', () => {
    for (const l of corpus.headers) expect(tableDef(l.table), l.id).toBeDefined();
  });
});

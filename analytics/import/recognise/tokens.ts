// A normalised header cut into the lexicon's terms by longest match: concepts (what it is about),
// class words (what sort of value), modifiers (所属, 关联 …) and, for characters no term covers,
// weak unknown tokens — so a header nobody listed still compares with the listed ones.
import { CLASS_WORDS, CONCEPTS, MODIFIERS, type ClassId } from '../lexicon/concepts.js';

export type Token =
  | { kind: 'concept'; id: string; weight: number; implies?: ClassId; text: string }
  | { kind: 'class'; id: ClassId; text: string }
  | { kind: 'modifier'; id: string; text: string }
  | { kind: 'unknown'; id: string; text: string };

type Entry =
  | { kind: 'concept'; id: string; weight: number; implies?: ClassId }
  | { kind: 'class'; id: ClassId }
  | { kind: 'modifier'; id: string }
  | { kind: 'unknown'; id: string };

let trie: { terms: Map<string, Entry>; maxLen: number } | null = null;

function lexicon(): { terms: Map<string, Entry>; maxLen: number } {
  if (trie) return trie;
  const terms = new Map<string, Entry>();
  let maxLen = 1;
  const add = (term: string, e: Entry) => {
    const k = term.normalize('NFKC').toLowerCase();
    if (terms.has(k)) throw new Error(`lexicon: term "${term}" is listed twice (${terms.get(k)!.id} and ${e.id})`);
    terms.set(k, e);
    maxLen = Math.max(maxLen, k.length);
  };
  for (const c of CLASS_WORDS) for (const t of c.terms) add(t, { kind: 'class', id: c.id });
  for (const c of CONCEPTS) {
    for (const t of c.terms) add(t, { kind: 'concept', id: c.id, weight: c.weight ?? 1, ...(c.implies ? { implies: c.implies } : {}) });
  }
  for (const m of MODIFIERS) add(m, { kind: 'modifier', id: `~${m}` });
  trie = { terms, maxLen };
  return trie;
}

/** Every term of the lexicon with what it stands for (for tests and the lexicon check). */
export function lexiconTerms(): ReadonlyMap<string, Entry> {
  return lexicon().terms;
}

export function tokenise(core: string): Token[] {
  const { terms, maxLen } = lexicon();
  const out: Token[] = [];
  let i = 0;
  while (i < core.length) {
    let hit: Entry | undefined;
    let len = 0;
    for (let l = Math.min(maxLen, core.length - i); l >= 1; l--) {
      const e = terms.get(core.slice(i, i + l));
      if (e) {
        hit = e;
        len = l;
        break;
      }
    }
    if (hit) {
      out.push({ ...hit, text: core.slice(i, i + len) } as Token);
      i += len;
      continue;
    }
    // ASCII words stay whole (case_id, unit_name); other characters one by one.
    const m = /^[a-z0-9]+/.exec(core.slice(i));
    const text = m ? m[0] : core[i]!;
    out.push({ kind: 'unknown', id: `?${text}`, text });
    i += text.length;
  }
  return out;
}

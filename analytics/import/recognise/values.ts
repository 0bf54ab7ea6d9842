// Enum values as a person reads them: 检查发现 is 检查, 其他部门移送 is 移送, 双随机 is 双随机 — by
// synonym (tables.ts and the value lexicon), by containment (the head of a Chinese phrase is its
// last word: 其他部门移送 → 移送, not 其他) and by similarity. A value that matches nothing is not
// an error: the field gets its fallback (其他 where the enum has it) and the raw text is kept.
import { tableDef } from '../../schema/tables.js';
import type { FieldDef } from '../../schema/types.js';
import { VALUE_CATCH_ALL, VALUE_LEXICON, VALUE_OUTSIDE, VALUE_PREFER } from '../lexicon/values.js';

export type ValueHow = 'exact' | 'synonym' | 'user' | 'contains' | 'similar';

export interface ValueMatch {
  value: string;
  how: ValueHow;
  /** sure: the value or a listed synonym; likely: found by containment or similarity. */
  confidence: 'sure' | 'likely';
}

/** The key values are compared by: NFKC, no spaces or brackets' width, upper case. */
export function valueKey(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u00a0\u3000]+/g, '').toUpperCase();
}

/** The key SQL's tj_key_c gives a cleaned text (brackets half-width, no ASCII spaces, upper case). */
export function sqlKey(s: string): string {
  return s.trim().replace(/（/g, '(').replace(/）/g, ')').replace(/ /g, '').toUpperCase();
}

/** Every spelling the lexicon knows for an enum field: canonical values and synonyms → canonical. */
export function enumSpellings(table: string, f: FieldDef): Map<string, string> {
  const out = new Map<string, string>();
  const add = (spelling: string, canon: string) => {
    const k = valueKey(spelling);
    if (!out.has(k)) out.set(k, canon);
  };
  const values = f.values ?? {};
  for (const canon of Object.keys(values)) add(canon, canon);
  for (const [canon, syn] of Object.entries(values)) for (const s of syn) add(s, canon);
  for (const [canon, syn] of Object.entries(VALUE_LEXICON[table]?.[f.name] ?? {})) {
    if (!(canon in values)) throw new Error(`value lexicon: ${table}.${f.name} has no value ${canon}`);
    for (const s of syn) add(s, canon);
  }
  return out;
}

/** The value an unmatched text gets: 其他 where the enum has it, otherwise none (NULL). */
export function fallbackOf(f: FieldDef): string | null {
  return f.values && '其他' in f.values ? '其他' : null;
}

const NEGATION = /[不未无非没否]/;
const CATCH_ALL = new Set(VALUE_CATCH_ALL.map(valueKey));
/** A part named first (部分胜诉, 部分维持) is not the whole: matched only as a listed spelling. */
const PARTIAL = /^(部分|局部)/;

/** Whether `k` holds `text` somewhere not right after a negation (未, 无, 不 …). */
function holdsUnnegated(k: string, text: string): boolean {
  for (let at = k.indexOf(text); at >= 0; at = k.indexOf(text, at + 1)) if (!(at > 0 && NEGATION.test(k[at - 1]!) && !NEGATION.test(text[0]!))) return true;
  return false;
}

function bigrams(s: string): string[] {
  if (s.length < 2) return [s];
  const out: string[] = [];
  for (let i = 0; i < s.length - 1; i++) out.push(s.slice(i, i + 2));
  return out;
}

function bag(s: string): { grams: Map<string, number>; n: number } {
  const grams = new Map<string, number>();
  const list = bigrams(s);
  for (const g of list) grams.set(g, (grams.get(g) ?? 0) + 1);
  return { grams, n: list.length };
}

/** Dice similarity of two texts' character pairs (each pair counted as often as it occurs). */
function dice(x: { grams: Map<string, number>; n: number }, y: { grams: Map<string, number>; n: number }): number {
  let both = 0;
  for (const [g, n] of x.grams) both += Math.min(n, y.grams.get(g) ?? 0);
  return (2 * both) / (x.n + y.n);
}

/** A spelling's character pairs, for similarity; made once per field. */
const bags = new Map<string, Array<{ k: string; canon: string; bag: ReturnType<typeof bag> }>>();
function spellingBags(table: string, f: FieldDef): Array<{ k: string; canon: string; bag: ReturnType<typeof bag> }> {
  const key = `${table}.${f.name}`;
  let out = bags.get(key);
  if (!out) {
    out = [...spellingsOf(table, f)].filter(([k]) => k.length >= 2).map(([k, canon]) => ({ k, canon, bag: bag(k) }));
    bags.set(key, out);
  }
  return out;
}

/** Below this a spelling's similarity cannot decide anything (the winner needs 0.6, 0.15 ahead). */
const SIMILAR_FLOOR = 0.45;

const cache = new Map<string, Map<string, string>>();

function spellingsOf(table: string, f: FieldDef): Map<string, string> {
  const k = `${table}.${f.name}`;
  let m = cache.get(k);
  if (!m) {
    m = enumSpellings(table, f);
    cache.set(k, m);
  }
  return m;
}

/**
 * The canonical value a text names, or null. `user` is the user's own value mapping for the field
 * (text → canonical), consulted first.
 */
/** Longest text weighed as a category's spelling. */
export const MAX_ENUM_TEXT = 200;

/** Results by field and text: a file's columns are weighed against every category field of every
 *  table, and files of one kind repeat their texts (the lexicon does not change while running). */
const memo = new Map<string, Map<string, ValueMatch | null>>();
let memoSize = 0;

export function matchEnumValue(table: string, f: FieldDef, raw: string, user?: Readonly<Record<string, string>>): ValueMatch | null {
  if (user) return matchUncached(table, f, raw, user);
  const fk = `${table}.${f.name}`;
  let m = memo.get(fk);
  if (!m) memo.set(fk, (m = new Map()));
  const hit = m.get(raw);
  if (hit !== undefined || m.has(raw)) return hit ?? null;
  if (memoSize > 200_000) {
    for (const x of memo.values()) x.clear();
    memoSize = 0;
  }
  const r = matchUncached(table, f, raw);
  m.set(raw, r);
  memoSize++;
  return r;
}

function matchUncached(table: string, f: FieldDef, raw: string, user?: Readonly<Record<string, string>>): ValueMatch | null {
  const r = matchText(table, f, raw, user);
  if (r || raw.length > MAX_ENUM_TEXT) return r;
  // The value in brackets after a word for something else (主体类别 行业主管部门（专业执法）: the
  // words outside name no value, acceptance set 10): the bracket's text, when it is a spelling of
  // one value.
  const inner = new Set<string>();
  for (const m of raw.normalize('NFKC').matchAll(/[(（[【]([^)）\]】]*)[)）\]】]/g)) {
    const c = spellingsOf(table, f).get(valueKey(m[1]!));
    if (c !== undefined) inner.add(c);
  }
  return inner.size === 1 ? { value: [...inner][0]!, how: 'contains', confidence: 'likely' } : null;
}

function matchText(table: string, f: FieldDef, raw: string, user?: Readonly<Record<string, string>>): ValueMatch | null {
  // A category is a few words: a long text (a pasted paragraph, a shifted cell) is no spelling of
  // one, and comparing it character pair by pair would cost seconds per megabyte.
  if (raw.length > MAX_ENUM_TEXT) return null;
  const key = valueKey(raw);
  if (!key) return null;
  if (user) {
    for (const [k, v] of Object.entries(user)) if (valueKey(k) === key) return { value: v, how: 'user', confidence: 'sure' };
  }
  const spellings = spellingsOf(table, f);
  const direct = spellings.get(key);
  if (direct !== undefined) return { value: direct, how: direct === raw.trim() ? 'exact' : 'synonym', confidence: 'sure' };
  // A bracketed note does not change the value (乡镇（街道）综合行政执法队, 其他（请注明）).
  const bare = valueKey(raw.normalize('NFKC').replace(/[(（[【][^)）\]】]*[)）\]】]/g, ''));
  const unbracketed = bare && bare !== key ? spellings.get(bare) : undefined;
  if (unbracketed !== undefined) return { value: unbracketed, how: 'synonym', confidence: 'sure' };
  const text = bare || key;
  if (PARTIAL.test(text)) return null;
  if (CATCH_ALL.has(text)) return null;
  const contained = (k: string): boolean => holdsUnnegated(text, k);
  if ((VALUE_OUTSIDE[table]?.[f.name] ?? []).some((k) => contained(valueKey(k)))) return null;
  const prefer = VALUE_PREFER[table]?.[f.name] ?? [];
  // Containment: known spellings inside the text. The longest one names it (参照公务员法管理事业编制
  // is 参公, not 事业编); of equally long ones, the one ending last, the head of a Chinese phrase
  // (其他部门移送 → 移送). A negation just before a spelling (未立案, 非法人) rules that place out.
  let best: { len: number; end: number; canon: Set<string> } | null = null;
  const found: Array<[string, string]> = [];
  for (const [k, canon] of spellings) {
    if (k.length < 2 && text.length > 3) continue;
    let end = -1;
    for (let at = text.indexOf(k); at >= 0; at = text.indexOf(k, at + 1)) {
      if (at > 0 && NEGATION.test(text[at - 1]!) && !NEGATION.test(k[0]!)) continue;
      end = at + k.length;
    }
    if (end < 0) continue;
    found.push([k, canon]);
    if (!best || k.length > best.len || (k.length === best.len && end > best.end)) best = { len: k.length, end, canon: new Set([canon]) };
    else if (k.length === best.len && end === best.end) best.canon.add(canon);
  }
  // …unless a spelling as long names a narrower value: one that holds a spelling of the value found
  // (海洋综合行政执法 holds 综合行政执法: 海洋综合行政执法队伍 is a 海洋 team, not merely a 综合 one)
  if (best && best.canon.size === 1) {
    const general = [...best.canon][0]!;
    const narrower = found.filter(([k, c]) => c !== general && k.length >= best!.len && found.some(([k2, c2]) => c2 === general && k2.length >= 2 && k2 !== k && k.includes(k2)));
    const values = new Set(narrower.map(([, c]) => c));
    if (values.size === 1) return { value: [...values][0]!, how: 'contains', confidence: 'likely' };
  }
  // A more specific value found anywhere in the text wins (热线举报 → 12345).
  for (const p of prefer) {
    if (best && !best.canon.has(p) && [...spellings].some(([k, canon]) => canon === p && k.length >= 2 && contained(k))) return { value: p, how: 'contains', confidence: 'likely' };
  }
  if (best && best.canon.size === 1) return { value: [...best.canon][0]!, how: 'contains', confidence: 'likely' };
  if (best) return null;
  // The text inside a known spelling (双随机 in 双随机一公开): only when all such spellings agree.
  // Not where the spelling negates it (发现问题 inside 未发现问题, 异常 inside 无异常: the opposite).
  if (text.length >= 2) {
    const within = new Set<string>();
    for (const [k, canon] of spellings) if (holdsUnnegated(k, text)) within.add(canon);
    if (within.size === 1) return { value: [...within][0]!, how: 'contains', confidence: 'likely' };
    if (within.size > 1) return null;
  }
  // Similarity: the closest spelling by shared character pairs, clearly ahead of the next one.
  if (text.length >= 2 && !NEGATION.test(text)) {
    let top = { s: 0, canon: '' };
    let second = 0;
    const mine = bag(text);
    for (const { k, canon, bag: theirs } of spellingBags(table, f)) {
      // a spelling that negates (未发现问题) is not close to a text that does not (发现问题)
      if (NEGATION.test(k)) continue;
      // The best a pair count can give: a spelling far shorter or longer than the text cannot come
      // near enough to be the winner or to stand in its way (the result is the same without it).
      if ((2 * Math.min(mine.n, theirs.n)) / (mine.n + theirs.n) < SIMILAR_FLOOR) continue;
      const s = dice(mine, theirs);
      if (s < SIMILAR_FLOOR) continue;
      if (s > top.s) {
        if (canon !== top.canon) second = top.s;
        top = { s, canon };
      } else if (s > second && canon !== top.canon) second = s;
    }
    if (top.s >= 0.6 && top.s - second >= 0.15) return { value: top.canon, how: 'similar', confidence: 'likely' };
  }
  return null;
}

/** Shortcut for a table/field by name. */
export function matchValue(table: string, field: string, raw: string, user?: Readonly<Record<string, string>>): ValueMatch | null {
  const f = tableDef(table)?.fields.find((x) => x.name === field);
  if (!f || f.kind !== 'enum') throw new Error(`${table}.${field} is not an enum field`);
  return matchEnumValue(table, f, raw, user);
}

// Field names in Latin letters, as systems write them where a person writes a Chinese header: English
// words (acceptTime, handle_dept_name, IDCARD — JSON APIs, database columns) and the initials of the
// Chinese words in pinyin (rwbh for 任务编号, JCDXMC for 检查对象名称, XK_WSH for 许可 文书号 — the
// habit of Chinese government databases and data-sharing platforms). Such a name is read as the
// Chinese header it stands for, then recognised like one; never surely (recognise.ts: likely at
// most, with the reading said).
import { pinyin } from 'pinyin-pro';
import { CANONICAL_TABLES } from '../../schema/tables.js';
import { ENGLISH_PHRASES, ENGLISH_WORDS } from '../lexicon/english.js';
import { FIELD_LEXICON } from '../lexicon/fields.js';
import { sgsFieldName } from '../lexicon/sgs-codes.js';
import { lexiconTerms, tokenise } from './tokens.js';

export interface AsciiReading {
  /** The Chinese header the name stands for. */
  text: string;
  how: 'english' | 'pinyin';
  /** Initials two phrases share, decided by the column's values (readByValues): the phrases
   *  not taken. */
  others?: string[];
}

const NAME = /^[A-Za-z][A-Za-z0-9_\-. ]{0,59}$/;

/** Every Chinese phrase the lexicon knows a field by (aliases, also, near), without brackets, with
 *  the names of the fields it stands for. */
function lexiconPhrases(): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const add = (field: string) => (p: string) => {
    const t = p.replace(/[（(][^）)]*[）)]/g, '');
    if (/^[\u4e00-\u9fff]{2,}$/.test(t)) (out.get(t) ?? out.set(t, new Set()).get(t)!).add(field);
  };
  for (const t of CANONICAL_TABLES) for (const f of t.fields) f.aliases.forEach(add(f.name));
  for (const fields of Object.values(FIELD_LEXICON)) for (const [name, l] of Object.entries(fields)) [...(l.also ?? []), ...(l.near ?? [])].forEach(add(name));
  return out;
}

let knownCache: ReadonlySet<string> | undefined;
/** Latin spellings the lexicon itself lists (case_id, name, date): read as they are, by the exact
 *  match of the header as written (so jurisdictionDispute, which that match does not take for
 *  jurisdiction_dispute, is read by its words). */
function known(): ReadonlySet<string> {
  return (knownCache ??= new Set(CANONICAL_TABLES.flatMap((t) => t.fields.flatMap((f) => [f.name, ...f.aliases])).filter((a) => /^[ -~]+$/.test(a)).map(exactKey)));
}
const exactKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** The text of a dictionary code, as JeecgBoot's @Dict writes it beside the code (sourceChannel =
 *  2, sourceChannel_dictText = 全国12315平台): named like the code, with this ending. */
export const DICT_TEXT = /[_-]?dict[_-]?text$/i;

/** The columns that hold a dictionary code whose text another column holds (sourceChannel beside
 *  sourceChannel_dictText), each with that column's header: the text is the field's value, the code
 *  is read as nothing. */
export function dictCodeColumns(headers: readonly string[]): Map<number, string> {
  const texts = new Map<string, string>();
  for (const h of headers) if (DICT_TEXT.test(h.trim())) texts.set(h.trim().replace(DICT_TEXT, '').toLowerCase(), h);
  const out = new Map<number, string>();
  if (texts.size) headers.forEach((h, i) => texts.has(h.trim().toLowerCase()) && out.set(i, texts.get(h.trim().toLowerCase())!));
  return out;
}

let initialsCache: ReadonlyMap<string, string> | undefined;
/** Initials two or more phrases share that name no common field: each phrase with its fields. */
let sharedCache: ReadonlyMap<string, ReadonlyArray<readonly [string, ReadonlySet<string>]>> | undefined;
/** A phrase's initials, term by term (a term's pinyin in its own context: 执行 zx, 银行 yh). */
const termInitials = new Map<string, string>();
function initialsOf(term: string): string {
  let k = termInitials.get(term);
  if (k === undefined) termInitials.set(term, (k = pinyin(term, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase()));
  return k;
}

/** The phrase with one of its terms put in another word of the same concept or class (责任单位 →
 *  责任部门, 检查日期 → 检查时间): a name's initials follow the words its system used. */
function variants(phrase: string): Array<[string, string]> {
  const tokens = tokenise(phrase);
  const out: Array<[string, string]> = [];
  tokens.forEach((t, i) => {
    if (t.kind !== 'concept' && t.kind !== 'class') return;
    for (const other of sameMeaning().get(t.id) ?? []) {
      if (other === t.text) continue;
      const parts = tokens.map((x, j) => (j === i ? other : x.text));
      out.push([parts.join(''), parts.map(initialsOf).join('')]);
    }
  });
  return out;
}

let sameCache: Map<string, string[]> | undefined;
/** Concept or class id → its Chinese terms of two or more characters. */
function sameMeaning(): Map<string, string[]> {
  if (sameCache) return sameCache;
  const m = new Map<string, string[]>();
  for (const [term, e] of lexiconTerms()) {
    if ((e.kind === 'concept' || e.kind === 'class') && /^[\u4e00-\u9fff]{2,}$/.test(term)) (m.get(e.id) ?? m.set(e.id, []).get(e.id)!).push(term);
  }
  return (sameCache = m);
}

/** Pinyin initials → the phrase they stand for: the lexicon's phrases, then (for initials none of
 *  them has) their variants. Initials two phrases share stand for neither here (jcjg: 检查结果 and
 *  检查机关 — from the header alone a guess would be a coin toss; the column's values may choose,
 *  sharedAsciiName), unless both name the same field (ajbh: 案件编号 and 案卷编号, each a case's
 *  number): then the first. */
function initials(): ReadonlyMap<string, string> {
  if (initialsCache) return initialsCache;
  const phrases = lexiconPhrases();
  const decide = (by: Map<string, Array<[string, Set<string>]>>, out: Map<string, string>) => {
    for (const [k, ps] of by) {
      if (out.has(k)) continue;
      const common = [...ps[0]![1]].filter((f) => ps.every(([, fs]) => fs.has(f)));
      if (ps.length === 1 || common.length) out.set(k, ps[0]![0]);
      else out.set(k, '');
    }
  };
  const own = new Map<string, Array<[string, Set<string>]>>();
  const other = new Map<string, Array<[string, Set<string>]>>();
  const put = (by: typeof own, k: string, p: string, fields: Set<string>) => {
    if (/^[a-z]{2,}$/.test(k)) (by.get(k) ?? by.set(k, []).get(k)!).push([p, fields]);
  };
  for (const [p, fields] of phrases) {
    put(own, pinyin(p, { pattern: 'first', toneType: 'none', type: 'array' }).join('').toLowerCase(), p, fields);
    for (const [v, k] of variants(p)) put(other, k, v, fields);
  }
  const out = new Map<string, string>();
  decide(own, out);
  decide(other, out);
  const shared = new Map<string, ReadonlyArray<readonly [string, ReadonlySet<string>]>>();
  for (const [k, p] of out) {
    if (p) continue;
    out.delete(k);
    // (the phrases as the level that found them shared: a phrase's own initials before its variants')
    shared.set(k, own.get(k) ?? other.get(k)!);
  }
  sharedCache = shared;
  return (initialsCache = out);
}

/** The initials several phrases share (jcjg: 检查结果, 检查机关), each phrase with its fields. */
export function sharedInitials(): ReadonlyMap<string, ReadonlyArray<readonly [string, ReadonlySet<string>]>> {
  initials();
  return sharedCache!;
}

/** The words of a name: snake_case, kebab-case, spaces, camelCase and PascalCase split, lower case. */
export function nameWords(s: string): string[] {
  return s
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-.]+/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
}

/** A run of letters as English words of the list (IDCARD, STAFFNAME, deptid): every part two
 *  letters or more, one of them four or more (so a string of pinyin initials is not cut into
 *  short words by chance). */
function compound(w: string): string[] | null {
  const best: Array<string[] | null> = [[]];
  for (let i = 1; i <= w.length; i++) {
    best[i] = null;
    for (let j = Math.max(0, i - 16); j <= i - 2; j++) {
      const part = w.slice(j, i);
      if (best[j] && ENGLISH_WORDS[part] !== undefined && ENGLISH_WORDS[part] !== '') {
        best[i] = [...best[j]!, part];
        break;
      }
    }
  }
  const r = best[w.length];
  return r && r.some((p) => p.length >= 4) ? r : null;
}

function english(words: readonly string[]): string | null {
  const out: string[] = [];
  for (let i = 0; i < words.length; ) {
    // several words that make one term first (law enforcement → 执法)
    let n = Math.min(4, words.length - i);
    for (; n >= 2; n--) {
      const zh = ENGLISH_PHRASES[words.slice(i, i + n).join(' ')];
      if (zh) {
        out.push(zh);
        break;
      }
    }
    if (n >= 2) {
      i += n;
      continue;
    }
    // a plural of a listed word (officerNames, orgIds: lists of them) reads as the word
    const w0 = words[i]!;
    const w = ENGLISH_WORDS[w0] === undefined && w0.length > 3 && w0.endsWith('s') && ENGLISH_WORDS[w0.slice(0, -1)] !== undefined ? w0.slice(0, -1) : w0;
    const parts = ENGLISH_WORDS[w] !== undefined ? [w] : compound(w);
    if (!parts) return null;
    // is/has say yes-or-no only before what they ask about (is_done, hasHearing)
    if ((w === 'is' || w === 'has') && i > 0) return null;
    for (const p of parts) out.push(ENGLISH_WORDS[p]!);
    i++;
  }
  const text = out.join('');
  return /[\u4e00-\u9fff]/.test(text) ? text : null;
}

/** The phrase pinyin initials stand for, or the phrases they may stand for when several share
 *  them (the first reading that is either, as the words are tried). */
function fromPinyin(words: readonly string[]): string | ReadonlyArray<readonly [string, ReadonlySet<string>]> | null {
  if (!words.every((w) => /^[a-z]+$/.test(w))) return null;
  const index = initials();
  const shared = sharedInitials();
  // XK_WSH: a prefix naming the table (许可) may stand before the field's own initials
  for (const ws of words.length > 1 ? [words, words.slice(1)] : [words]) {
    const k = ws.join('');
    if (k.length < 2 || k.length > 16) continue;
    const p = index.get(k) ?? shared.get(k);
    if (p) return p;
  }
  return null;
}

/** The words of a name in Latin letters that reads as nothing by itself (readAsciiName null), or
 *  null for a name that is none. */
function latinWords(raw: string): string[] | null {
  const s = raw.normalize('NFKC').trim().replace(DICT_TEXT, '');
  if (!NAME.test(s) || known().has(exactKey(s))) return null;
  return nameWords(s);
}

/** What a name in Latin letters stands for, when it is one; null for anything else (a Chinese
 *  header, a spelling the lexicon lists, a name nothing reads). */
export function readAsciiName(raw: string): AsciiReading | null {
  const s = raw.normalize('NFKC').trim().replace(DICT_TEXT, '');
  if (!NAME.test(s) || known().has(exactKey(s))) return null;
  // a code of the 双公示 data standard: the name the standard gives it
  const sgs = sgsFieldName(s);
  if (sgs) return { text: sgs, how: 'pinyin' };
  const words = nameWords(s);
  if (!words.length) return null;
  const en = english(words);
  if (en) return { text: en, how: 'english' };
  const py = fromPinyin(words);
  return typeof py === 'string' ? { text: py, how: 'pinyin' } : null;
}

/**
 * Pinyin initials several phrases of the lexicon share, naming no common field (jcjg: 检查结果 and
 * 检查机关): the phrases with the fields each names, for the column's values to choose between
 * (recognise.ts); null for any other name (readAsciiName reads it, or nothing does).
 */
export function sharedAsciiName(raw: string): Array<{ text: string; fields: ReadonlySet<string> }> | null {
  const words = latinWords(raw);
  if (!words?.length || readAsciiName(raw)) return null;
  const py = fromPinyin(words);
  return py && typeof py !== 'string' ? py.map(([text, fields]) => ({ text, fields })) : null;
}

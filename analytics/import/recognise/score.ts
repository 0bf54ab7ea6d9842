// How well one header names one field, from the header alone: both are cut into concepts, compared
// as weighted sets (a table's own topic — 案件 in a case ledger — counts for little), and the kinds
// must agree: a date field wants 日期/时间, an amount wants 金额 or （元）, a yes/no field a 是否.
import type { FieldDef, FieldKind, TableDef } from '../../schema/types.js';
import type { ClassId } from '../lexicon/concepts.js';
import { FIELD_LEXICON, TABLE_TOPICS } from '../lexicon/fields.js';
import { DICT_TEXT, readAsciiName, type AsciiReading } from './ascii-names.js';
import { normaliseHeader, type NormalisedHeader } from './normalise.js';
import { tokenise, type Token } from './tokens.js';

/** A header or a field phrase as compared: its concepts with their weights, its class. */
export interface Analysed {
  norm: NormalisedHeader;
  tokens: Token[];
  /** concept id (or ?char for unknown characters, cls:X for a class word inside) → base weight. */
  content: Map<string, number>;
  cls?: ClassId;
  /** The class word as written (类型, 方式). */
  clsText?: string;
  /** Bracketed notes that name something (行政相对人代码（统一社会信用代码）), analysed too. */
  notes: Analysed[];
  /** X的Y: the concepts of Y, the head the header names (评查人员提出的问题 names a 问题). */
  head?: Map<string, number>;
  /** 实际…: the header says what was done, not what was due. */
  actual?: boolean;
  /** X说明 / X备注 (佐证材料说明): a text about X — X's field when it holds text, never its value
   *  otherwise (罚款金额说明 is no amount). */
  about?: boolean;
  /** The highest score the header can have: it relies on a concept it only implies (有效期 alone
   *  is read as the date it ends, but not for sure). */
  cap?: number;
  /** X行为 (检查行为编码): the act of X. In a table about X the act is the record itself, so the
   *  header is read there without 行为 (检查编码); `of` is X's concept. */
  act?: { of: string; without: Analysed };
  /** A name in Latin letters, read as the Chinese header it stands for (ascii-names.ts). */
  read?: AsciiReading;
}

const UNKNOWN_WEIGHT = 0.35;
const INNER_CLASS_WEIGHT = 0.5;
const TOPIC_FACTOR = 0.3;

/** Concepts that stand for a more specific one (相对人 for 当事人 or 检查对象; 证件号码 for 统一社会信用代码). */
const GENERAL: Readonly<Record<string, readonly string[]>> = {
  COUNTERPART: ['PARTY', 'SUBJECT', 'APPLICANT', 'ENTERPRISE_ORG'],
  ENTERPRISE_ORG: ['PARTY', 'SUBJECT', 'APPLICANT'],
  IDNO: ['IDNO_ORG', 'IDNO_PERSON'],
};

/** How far concept `x` (said by one side) is accounted for by `y` (said by the other): a general
 *  word is well accounted for by a specific one (相对人 → 当事人), a specific one less by a general
 *  one (申请人 is a 相对人, but not every 相对人 is an 申请人). */
/** Concepts that are near each other without one being the other (来源 and 渠道). */
const NEAR: ReadonlyArray<readonly [string, string, number?]> = [
  ['SOURCE', 'CHANNEL'],
  ['RESULT', 'OPINION'],
  ['DOC', 'CERT'],
  ['CATEGORY', 'DOMAIN'],
  // a ticket dispatched is received by the unit it is sent to: a dispatch date stands in for the
  // date received when no column names that (likely at most)
  ['RECEIVE', 'DISPATCH', 0.85],
];

/** relation(x, y) for every pair where it is above 0 and x ≠ y, by x: covered() looks up what
 *  accounts for a concept instead of asking relation() of every concept on the other side (a
 *  header is compared with every phrase of every field), and reachOf() takes the same pairs. */
const RELATED: ReadonlyMap<string, ReadonlyMap<string, number>> = (() => {
  const ids = new Set<string>();
  for (const [a, b] of NEAR) ids.add(a).add(b);
  for (const [x, ys] of Object.entries(GENERAL)) for (const y of [x, ...ys]) ids.add(y);
  const out = new Map<string, Map<string, number>>();
  for (const x of ids)
    for (const y of ids) {
      const r = x === y ? 0 : relation(x, y);
      if (r > 0) out.set(x, (out.get(x) ?? new Map()).set(y, r));
    }
  return out;
})();

function relation(x: string, y: string): number {
  if (x === y) return 1;
  const near = NEAR.find(([a, b]) => (a === x && b === y) || (a === y && b === x));
  if (near) return near[2] ?? 0.75;
  if (GENERAL[x]?.includes(y)) return 0.85;
  if (GENERAL[y]?.includes(x)) return 0.6;
  return 0;
}

/** A name in Latin letters analysed as the Chinese header it was read as. */
export function analyseAs(header: string, read: AsciiReading): Analysed {
  const a = analyse(read.text);
  return { ...a, norm: { ...a.norm, raw: header }, read };
}

export function analyse(header: string, withNotes = true): Analysed {
  // a dictionary code's text (satisfaction_dictText) is read as the code's own name
  if (DICT_TEXT.test(header) && header.trim().replace(DICT_TEXT, '')) {
    const a = analyse(header.trim().replace(DICT_TEXT, ''), withNotes);
    return { ...a, norm: { ...a.norm, raw: header } };
  }
  // a name in Latin letters (acceptTime, rwbh) is read as the Chinese header it stands for
  const ascii = withNotes ? readAsciiName(header) : null;
  if (ascii) return analyseAs(header, ascii);
  const norm = normaliseHeader(header);
  const tokens = tokenise(norm.core);
  const content = new Map<string, number>();
  let cls: ClassId | undefined;
  let clsText: string | undefined;
  const last = (i: number) => tokens.slice(i + 1).every((x) => x.kind === 'modifier' || x.kind === 'class');
  const boundFollows = (i: number) =>
    i + 1 < tokens.length && tokens.slice(i + 1).every((x) => x.kind === 'modifier' || (x.kind === 'concept' && (x.id === 'START' || x.id === 'END')));
  const lastConceptAt = tokens.map((t) => t.kind === 'concept').lastIndexOf(true);
  // X的Y names Y: what comes before the last 的 qualifies it (评查人员提出的问题, 被复议的具体行为文号).
  const de = tokens.findLastIndex((t) => t.kind === 'modifier' && t.text === '的');
  const head = de >= 0 && tokens.slice(de + 1).some((t) => t.kind === 'concept') ? new Map<string, number>() : undefined;
  let actual = false;
  let about = false;
  tokens.forEach((t, i) => {
    switch (t.kind) {
      case 'class':
        // The class word that ends the header is its class; one inside it qualifies a concept.
        // Before a bound only (检查日期至, 有效时间止) it is the class of the bound's date.
        if ((last(i) || boundFollows(i)) && !cls) {
          cls = t.id;
          clsText = t.text;
        }
        else content.set(`cls:${t.id}`, INNER_CLASS_WEIGHT);
        break;
      case 'concept':
        // 起/止 inside a header (划转至综合执法) are not the bounds of a period.
        if ((t.id === 'START' || t.id === 'END') && !last(i)) break;
        if (t.id === 'ACTUAL') {
          actual = true;
          break;
        }
        // 说明/备注 ending a header after what it is about (佐证材料说明) make it a text about that
        // thing, not a column of remarks (acceptance set 13's 09 left 7.佐证材料说明 unmapped)
        if (t.id === 'REMARK' && i === lastConceptAt && tokens.some((x, j) => j < i && x.kind === 'concept' && x.id !== 'REMARK')) {
          about = true;
          break;
        }
        {
          // 要求/应… before what is to be done make a due date (要求整改完成时间); at the end
          // (整改要求, 检查人员要求) they name a requirement, a text about the thing, not the thing
          const id = t.id !== 'DUE' ? t.id : i >= lastConceptAt ? 'REQUIREMENT' : 'DEADLINE';
          content.set(id, Math.max(content.get(id) ?? 0, t.weight));
          if (head && i > de) head.set(id, Math.max(head.get(id) ?? 0, t.weight));
        }
        break;
      case 'modifier':
        break;
      case 'unknown':
        content.set(t.id, UNKNOWN_WEIGHT);
        break;
      default: {
        const never: never = t;
        throw new Error(`unknown token ${String(never)}`);
      }
    }
  });
  // The last concept's implied class (有效期止 → a date) when no class word says otherwise.
  const lastConcept = [...tokens].reverse().find((t) => t.kind === 'concept');
  if (!cls && lastConcept?.kind === 'concept' && lastConcept.implies) cls = lastConcept.implies;
  // A unit in brackets says what sort of value too.
  if (!cls && norm.unitKind) cls = norm.unitKind === 'money' ? 'AMOUNT' : norm.unitKind === 'days' ? 'PERIOD' : 'COUNT';
  // (an alternative in Latin letters — TaskType/抽查方式, a column's database name beside its
  // Chinese one — is read as the header it stands for)
  const alt = (n: string) => {
    const r = /^[A-Za-z][A-Za-z0-9_]*$/.test(n) ? readAsciiName(n) : null;
    return analyse(r ? r.text : n, false);
  };
  const out: Analysed = { norm, tokens, content, notes: withNotes ? [...norm.notes.map((n) => analyse(n, false)), ...norm.alternatives.map(alt)] : [] };
  if (cls) out.cls = cls;
  if (clsText) out.clsText = clsText;
  if (head?.size) out.head = head;
  if (actual) out.actual = true;
  // a likely reading, never a sure one: the remark may say something else about the thing
  if (about) {
    out.about = true;
    out.cap = Math.min(out.cap ?? 1, 0.85);
  }
  // A validity period with neither bound named (有效期, 证件有效期) is read as the date it ends: a
  // likely reading, never a sure one.
  if (content.has('VALIDITY') && !content.has('START') && !content.has('END')) {
    content.set('END', 0.8);
    out.cap = 0.85;
  }
  const ai = tokens.findIndex((t, i) => t.kind === 'concept' && t.id === 'ACT' && i > 0 && tokens[i - 1]!.kind === 'concept' && tokens[i - 1]!.id !== 'ACT');
  if (ai > 0) {
    const of = tokens[ai - 1]!;
    const pair = of.text + tokens[ai]!.text;
    const shorter = header.includes(pair) ? header.replace(pair, of.text) : norm.core.replace(pair, of.text);
    out.act = { of: of.id, without: analyse(shorter, withNotes) };
  }
  return out;
}

/** Which classes of header a kind of field takes: 1 fits, a smaller number fits loosely. */
export function classFit(kind: FieldKind, cls: ClassId): number {
  switch (kind) {
    case 'date':
      return cls === 'DATE' ? 1 : cls === 'PERIOD' ? 0.95 : 0.3;
    case 'id':
      return cls === 'CODE' ? 1 : cls === 'NAME' ? 0.35 : 0.3;
    case 'text':
      return cls === 'NAME' ? 1 : cls === 'CODE' ? 0.6 : cls === 'TYPE' ? 0.5 : 0.3;
    case 'ref':
    case 'reflist':
      return cls === 'NAME' || cls === 'CODE' ? 1 : 0.3;
    case 'enum':
      return cls === 'TYPE' ? 1 : cls === 'NAME' ? 0.6 : 0.3;
    case 'bool':
      return cls === 'TYPE' ? 0.6 : 0.35;
    case 'money':
      return cls === 'AMOUNT' ? 1 : cls === 'COUNT' ? 0.6 : 0.3;
    case 'int':
    case 'number':
      return cls === 'COUNT' || cls === 'PERIOD' ? 1 : cls === 'AMOUNT' ? 0.6 : 0.3;
    case 'list':
      return cls === 'TYPE' || cls === 'NAME' ? 1 : 0.4;
    default: {
      const never: never = kind;
      throw new Error(`unknown kind ${String(never)}`);
    }
  }
}

/** Kinds whose headers normally carry a class word (日期, 金额, 编号). */
const NEEDS_CLASS: ReadonlySet<FieldKind> = new Set(['date', 'money', 'id']);

export interface Signature {
  phrase: string;
  a: Analysed;
  /** A phrase that points to the field without naming it exactly: never more than likely. */
  near: boolean;
}

export interface FieldModel {
  field: FieldDef;
  sigs: Signature[];
  /** Every concept any phrase of the field uses: what a header may say about the field. */
  vocabulary: Map<string, number>;
  /** Normalised spellings that name the field exactly. */
  exact: Set<string>;
  /** Enum fields: whether 是/否 are values (a 是否 header may name it). */
  yesNoValues: boolean;
}

export interface TableModel {
  table: TableDef;
  topics: ReadonlySet<string>;
  fields: FieldModel[];
}

const models = new Map<string, TableModel>();

/** A score short of exact is capped below 1, so a usual spelling wins a tie with a near one. */
const NOT_EXACT_CAP = 0.96;
const NEAR_FACTOR = 0.8;

export function tableModel(t: TableDef): TableModel {
  let m = models.get(t.name);
  if (m) return m;
  const lex = FIELD_LEXICON[t.name] ?? {};
  const fields = t.fields.map((f): FieldModel => {
    const l = lex[f.name] ?? {};
    const not = new Set((l.not ?? []).map((x) => normaliseHeader(x).full));
    const phrases = [...new Set([f.zh, ...f.aliases, ...(l.also ?? [])])].filter((p) => !not.has(normaliseHeader(p).full) && /[^\x00-\x7f]/.test(p));
    const exact = new Set([normaliseHeader(f.name).full, ...phrases.map((p) => normaliseHeader(p).full), ...phrases.map((p) => normaliseHeader(p).core)]);
    const values = Object.entries(f.values ?? {}).flatMap(([k, v]) => [k, ...v]);
    const sigs = [
      ...phrases.map((phrase) => ({ phrase, a: analyse(phrase), near: false })),
      ...(l.near ?? []).map((phrase) => ({ phrase, a: analyse(phrase), near: true })),
    ];
    const vocabulary = new Map<string, number>();
    for (const sig of sigs) for (const [id, w] of sig.a.content) vocabulary.set(id, Math.max(vocabulary.get(id) ?? 0, w));
    return { field: f, sigs, vocabulary, exact, yesNoValues: values.includes('是') || values.includes('否') };
  });
  m = { table: t, topics: new Set(TABLE_TOPICS[t.name] ?? []), fields };
  models.set(t.name, m);
  return m;
}

function weightIn(id: string, base: number, topics: ReadonlySet<string>): number {
  return topics.has(id) ? base * TOPIC_FACTOR : base;
}

/** How much of `of` (weighted) is found in `in` (related concepts count in part). */
function covered(of: ReadonlyMap<string, number>, inside: ReadonlyMap<string, number>, topics: ReadonlySet<string>): number {
  let total = 0;
  let found = 0;
  for (const [id, w] of of) {
    const x = weightIn(id, w, topics);
    total += x;
    let best = inside.has(id) ? 1 : 0;
    if (!best) for (const [other, r] of RELATED.get(id) ?? []) if (r > best && inside.has(other)) best = r;
    found += x * best;
  }
  return total ? found / total : 1;
}

/** Weight of what a header says beyond the table's topic. */
function substance(content: ReadonlyMap<string, number>, topics: ReadonlySet<string>): number {
  let w = 0;
  for (const [id, x] of content) if (!topics.has(id)) w += x;
  return w;
}

/**
 * How well a header's concepts match a field phrase's: every concept of the header must be one the
 * field is described with (explained), and the header must say most of one phrase (fit).
 */
function contentScore(h: Analysed, sig: Analysed, vocabulary: ReadonlyMap<string, number>, topics: ReadonlySet<string>, kind: FieldKind, isKey = false): number {
  const hs = substance(h.content, topics);
  const ss = substance(sig.content, topics);
  if (hs === 0) {
    // Nothing but the table's topic and no class word (问题 in a findings ledger): it names the
    // field whose phrase is that topic alone, with no class word either.
    if (!h.cls) return ss === 0 && !sig.cls && h.content.size > 0 && [...h.content.keys()].every((id) => sig.content.has(id)) ? 0.85 : 0;
    // Nothing but the table's topic (编号, 案件编号 in a case ledger): it names the field whose
    // phrase is also nothing but topic and class — when it has a class to compare.
    // A bare class word (代码, 日期) names no field by itself: only values that say which (a column
    // of credit codes) can make it one.
    if (ss > 0) return h.content.size === 0 && classFit(kind, h.cls) >= 0.95 ? 0.5 : 0;
    // A bare class word (类别, 编号) says less than one with the table's topic (案件编号).
    if (h.content.size === 0) return 0.7;
    const same = [...h.content.keys()].every((id) => sig.content.has(id));
    // X编号 where X is what the table is about (抽查任务编号 in a list of inspection tasks, 检查行为编码
    // in one of inspections) is the table's own key.
    if (same && isKey && h.cls === 'CODE' && sig.cls === 'CODE') return 0.95;
    // Both say only the table's topics, in different words, with the same class word (抽查类型 /
    // 任务类型 in a plan of inspections): the same field, less surely.
    return same ? 0.85 : h.clsText === sig.clsText ? 0.75 : 0.5;
  }
  return explained(h, vocabulary, topics) * covered(sig.content, h.content, topics);
}

/**
 * How much of the header the field accounts for. A Chinese compound ends in its head (行政处罚决定
 * 执行日期 is an execution date; 立案单位经办人 is an officer): when the head is accounted for, the
 * words before it count for less.
 */
function explained(h: Analysed, vocabulary: ReadonlyMap<string, number>, topics: ReadonlySet<string>): number {
  const plain = covered(h.content, vocabulary, topics);
  // X的Y: when the field accounts for the head Y, the qualifier X counts for less.
  if (h.head && covered(h.head, vocabulary, new Set()) === 1) {
    const rest = new Map([...h.content].filter(([id]) => !h.head!.has(id)));
    return Math.max(plain, 0.6 + 0.4 * covered(rest, vocabulary, topics));
  }
  const concepts = h.tokens.filter((t): t is Extract<Token, { kind: 'concept' }> => t.kind === 'concept' && !topics.has(t.id) && h.content.has(t.id));
  if (concepts.length < 2) return plain;
  const head = concepts[concepts.length - 1]!;
  if (!vocabulary.has(head.id)) return plain;
  const rest = new Map([...h.content].filter(([id]) => id !== head.id));
  return Math.max(plain, 0.6 + 0.4 * covered(rest, vocabulary, topics));
}

/** The concepts of the field's phrases the header mostly says: a header may combine two of them
 *  (检查对象 + 统一社会信用代码). */
function composedVocabulary(h: Analysed, fm: FieldModel, topics: ReadonlySet<string>, withNear: boolean): Map<string, number> {
  const v = new Map<string, number>();
  for (const sig of fm.sigs) {
    // what a phrase only pointing to the field says (文书号 for a permit's id) does not make a
    // header naming the field outright
    if (sig.near && !withNear) continue;
    if (sig.a.content.size === 0 || covered(sig.a.content, h.content, topics) < 0.6) continue;
    for (const [id, w] of sig.a.content) v.set(id, Math.max(v.get(id) ?? 0, w));
  }
  return v;
}

export interface HeaderScore {
  score: number;
  /** The phrase that matched best. */
  phrase: string;
  exact: boolean;
  /** The phrase only points to the field (a `near` phrase of the lexicon). */
  near?: boolean;
}

const NO_VOCABULARY: ReadonlyMap<string, number> = new Map();
const REACH = new WeakMap<FieldModel, ReadonlySet<string>>();

/** The concepts a header must say one of for a phrase of the field that says anything to account
 *  for any of it: the phrases' concepts and those related to them (see covered). */
function reachOf(fm: FieldModel): ReadonlySet<string> {
  let r = REACH.get(fm);
  if (!r) {
    const s = new Set<string>();
    for (const sig of fm.sigs) for (const id of sig.a.content.keys()) for (const x of [id, ...(RELATED.get(id)?.keys() ?? [])]) s.add(x);
    REACH.set(fm, (r = s));
  }
  return r;
}

/** Whether the header's concepts include one of `ids`. */
function saysAny(content: ReadonlyMap<string, number>, ids: ReadonlySet<string>): boolean {
  for (const id of content.keys()) if (ids.has(id)) return true;
  return false;
}

/** The score of header `h` for field `fm` of table `tm`, from the header alone. */
export function scoreHeader(h: Analysed, fm: FieldModel, tm: TableModel): HeaderScore {
  if (h.act && tm.topics.has(h.act.of)) h = h.act.without;
  if (fm.exact.has(h.norm.full) || (fm.exact.has(h.norm.core) && yesNoFits(h, fm) >= 0.9 && unitFits(h, fm.field.kind) === 1)) {
    return { score: 1, phrase: h.norm.raw, exact: true };
  }
  let best: HeaderScore = { score: 0, phrase: '', exact: false };
  const reach = reachOf(fm);
  for (const a of [h, ...h.notes]) {
    const noteFactor = a === h ? 1 : 0.9;
    // A header saying something beyond the topic, none of it what the field's phrases say or
    // relate to, scores 0 against every phrase that says anything (contentScore is then explained
    // × covered(phrase, header) = × 0), and no phrase adds to its vocabulary: only the phrases that
    // say nothing are scored. The same result with a fraction of the work — every header meets
    // every field (a file of 3,000 columns took 15 s to recognise).
    const disjoint = substance(a.content, tm.topics) > 0 && !saysAny(a.content, reach);
    const named = disjoint ? NO_VOCABULARY : composedVocabulary(a, fm, tm.topics, false);
    const pointed = disjoint ? NO_VOCABULARY : composedVocabulary(a, fm, tm.topics, true);
    for (const sig of fm.sigs) {
      if (disjoint && sig.a.content.size > 0) continue;
      const vocabulary = sig.near ? pointed : named;
      const c = contentScore(a, sig.a, vocabulary, tm.topics, fm.field.kind, tm.table.key[0] === fm.field.name) * noteFactor * (sig.near ? NEAR_FACTOR : 1);
      if (c <= best.score) continue;
      const s = Math.min(NOT_EXACT_CAP, h.cap ?? 1, c * clsFactor(a.cls ? a : h, sig.a, fm.field.kind) * yesNoFits(h, fm) * unitFits(h, fm.field.kind) * dueFits(h, fm) * issuerFits(h, fm) * (h.about && fm.field.kind !== 'text' ? 0.5 : 1));
      if (s > best.score) best = { score: s, phrase: sig.phrase, exact: false, ...(sig.near ? { near: true } : {}) };
    }
  }
  return best;
}

function clsFactor(h: Analysed, s: Analysed, kind: FieldKind): number {
  if (h.cls && s.cls) {
    if (h.cls === s.cls) return 1;
    // Two different class words: only where both suit the kind (执法主体名称 / 执法主体编码).
    return Math.min(classFit(kind, h.cls), classFit(kind, s.cls)) >= 0.95 ? 0.95 : 0.3;
  }
  if (h.cls) return classFit(kind, h.cls);
  // A header naming a thing (实施机关, 当事人) is not that thing's type (实施主体类型, 当事人类型).
  if (s.cls === 'TYPE') return 0.55;
  if (s.cls) return NEEDS_CLASS.has(kind) ? 0.75 : 0.9;
  return NEEDS_CLASS.has(kind) ? 0.8 : 1;
}

/**
 * Due and done: a header that says what is due (要求…完成时间, 整改期限) does not name the date it was
 * done, and one that says what was actually done (实际…完成时间) does not name the date it was due.
 */
function dueFits(h: Analysed, fm: FieldModel): number {
  const due = fm.vocabulary.has('DEADLINE');
  if (h.content.has('DEADLINE') && !due && fm.field.kind === 'date') return 0.5;
  if (h.actual && due) return 0.5;
  return 1;
}

/**
 * Who issued a thing is not whom it belongs to: 发证机关 in a certificate list is the government
 * that issued the certificates, not the officer's unit; 签发人 on a decision the leader who signed
 * it, not the officer who handled the case. A header saying 发证/签发/核发… names a person or body
 * only for a field whose own phrases say so (a permit's 发证机关).
 */
function issuerFits(h: Analysed, fm: FieldModel): number {
  const k = fm.field.kind;
  return h.content.has('ISSUE') && !fm.vocabulary.has('ISSUE') && (k === 'ref' || k === 'reflist') ? 0.5 : 1;
}

function yesNoFits(h: Analysed, fm: FieldModel): number {
  const kind = fm.field.kind;
  if (h.norm.yesNo) return kind === 'bool' ? 1 : kind === 'enum' && fm.yesNoValues ? 0.95 : 0.35;
  return 1;
}

function unitFits(h: Analysed, kind: FieldKind): number {
  switch (h.norm.unitKind) {
    case undefined:
      return 1;
    case 'money':
      return kind === 'money' || kind === 'number' ? 1 : 0.3;
    case 'days':
      return kind === 'int' || kind === 'number' ? 1 : 0.4;
    case 'hours':
    case 'count':
    case 'percent':
    case 'score':
      return kind === 'int' || kind === 'number' || kind === 'money' ? 1 : 0.4;
    default:
      return 1;
  }
}

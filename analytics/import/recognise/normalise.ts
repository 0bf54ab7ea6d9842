// A header as a person reads it: full/half width and spaces folded, numbering and required-field
// markers dropped, bracketed units and notes taken out (（元） → a money column, （街道） → dropped,
// （是/否） → a yes/no column), a 是否/有无 prefix turned into a yes/no flag.
import { BOOL_NOTES, BOOL_PREFIXES, BOOL_SUFFIXES, FILL_NOTES, UNIT_NOTES } from '../lexicon/concepts.js';
import { invisibleClass } from '../sql-macros.js';

export interface NormalisedHeader {
  /** The header as written. */
  raw: string;
  /** NFKC, no spaces, lower case, markers dropped; brackets kept (for exact comparison). */
  full: string;
  /** What the header names: `full` without bracketed notes and the yes/no prefix. */
  core: string;
  /** The yes/no prefix or note was there (是否重大案件, 听证（是/否）). */
  yesNo: boolean;
  /** A bracketed unit: 元, 万元, 天, 学时 … */
  unit?: string;
  /** What the unit implies. */
  unitKind?: (typeof UNIT_NOTES)[string]['kind'];
  /** Multiplier implied by the unit (万元 → 10000). */
  scale?: number;
  /** Other bracketed notes (（统一社会信用代码）, （被告）): they may name the column better. */
  notes: string[];
  /** Alternatives a slash separates (工号/人员编号). */
  alternatives: string[];
}

const BRACKETS = /[(\[【〔<《{]([^()\[\]【】〔〕<>《》{}]*)[)\]】〕>》}]/g;

/** White space of any kind and the invisible format characters cleaning deletes from values. */
const NO_WIDTH = new RegExp(`[\\s\\u00a0\\u3000${invisibleClass('js')}]+`, 'g');

/** NFKC (full-width → half-width), no white space of any kind, markers and numbering dropped. */
export function foldHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(NO_WIDTH, '')
    // a pivot table's value field pasted as values (求和项:罚款金额): one row per record, the sum
    // of one value is that value (计数项/平均值项 are other numbers and stay as they are)
    .replace(/^求和项[:：]/, '')
    .replace(/^[*※#★☆▲△●○◆◇■□\-—_]+|[*※★☆]+$/g, '')
    .replace(/^(\d{1,3}|[一二三四五六七八九十]{1,3})[、.．)]/, '')
    .replace(/^[(（](\d{1,3}|[一二三四五六七八九十]{1,3})[)）]/, '')
    .replace(/[:：]+$/, '')
    .toLowerCase();
}

/** A bilingual header — the Chinese name, then its English translation (罚款金额（万元） Fine Amount,
 *  10k Yuan; 许可决定日期 Permission decision date), as credit-platform and export templates print
 *  them: the Chinese part, brackets included. The English must hold a lower-case word of 2+ letters
 *  and 4+ letters in all: 检查对象 ID, 统一社会信用代码 USCC keep their codes. */
const TRANSLATED = /^(.*[\u3400-\u9fff][^A-Za-z]*?)\s+([A-Za-z][A-Za-z0-9 ,.'’&/()\-]*)$/;
export function chineseOf(raw: string): string {
  // (a real one is short; the pattern backtracks over a long run of spaces: 16,000 took 0.3 s)
  if (raw.length > 200) return raw;
  const m = TRANSLATED.exec(raw.normalize('NFKC').trim());
  if (!m) return raw;
  const en = m[2]!;
  return /[a-z]{2}/.test(en) && (en.match(/[A-Za-z]/g) ?? []).length >= 4 ? m[1]! : raw;
}

/** A code legend in a header's brackets, as systems print their dictionary beside the column:
 *  人员层级(1:县级 2:乡镇), 专职法制审核（1:是 2:否）, 性别(1男2女), 检查结果(1-合格,2-不合格) — two codes
 *  or more (digits, or one letter), each with its text; the codes' texts, or null. */
export function parseLegend(header: string): Record<string, string> | null {
  if (header.length > 200) return null;
  const h = header.normalize('NFKC');
  for (const m of h.matchAll(/[(\[]([^()\[\]]{3,120})[)\]]/g)) {
    const inner = m[1]!.trim();
    if (!/^([0-9]{1,2}|[A-Za-z])\s*[:=\-.、]?\s*[^\s0-9:=,;、/|]/.test(inner)) continue;
    const pair = /([0-9]{1,2}|[A-Za-z])\s*[:=\-.、]?\s*([^\s0-9:=,;、/|]{1,12})[\s,;、/|]*/gy;
    const out: Record<string, string> = {};
    let at = 0;
    let n = 0;
    for (let p = pair.exec(inner); p; p = pair.exec(inner)) {
      if (p[1]! in out) return null;
      out[p[1]!] = p[2]!;
      n++;
      at = pair.lastIndex;
    }
    // the whole note must be pairs; letters as codes only with Chinese texts (A:优秀 B:合格)
    if (n >= 2 && at === inner.length && Object.values(out).every((v) => /\p{Script=Han}/u.test(v))) return out;
  }
  return null;
}

export function normaliseHeader(raw: string): NormalisedHeader {
  const full = foldHeader(chineseOf(raw));
  let yesNo = false;
  let unit: string | undefined;
  let unitKind: NormalisedHeader['unitKind'];
  let scale: number | undefined;
  const notes: string[] = [];
  let core = full.replace(BRACKETS, (_m, inner: string) => {
    const note = inner.trim();
    const u = UNIT_NOTES[note] ?? UNIT_NOTES[note.replace(/^单位[:：]?/, '')];
    if (u) {
      unit = note.replace(/^单位[:：]?/, '');
      unitKind = u.kind;
      if (u.scale) scale = u.scale;
      return '';
    }
    if (BOOL_NOTES.some((r) => r.test(note))) {
      yesNo = true;
      return '';
    }
    if (FILL_NOTES.some((r) => r.test(note))) return '';
    // Any other note (（街道）, （被告）, （含…）) qualifies the header without changing it.
    if (note) notes.push(note);
    return '';
  });
  // A header that is nothing but a bracket keeps its content.
  if (!core) core = full.replace(/[()\[\]【】〔〕<>《》{}]/g, '');
  const alternatives = /[/／或]/.test(core) ? core.split(/[/／]+|或/).filter((x) => x.length >= 2) : [];
  // Separators inside a header (复议/诉讼, 单位-名称) carry no meaning.
  core = core.replace(/[/\\、\-_·.,，;；|｜'"“”‘’]+/g, '');
  // 大类型/小类型 are kinds of 类型 (事项大类型 is a 事项类型); 大类/小类 alone are categories.
  core = core.replace(/[大小主](?=类型$|类别$)/, '');
  // Numbered copies of a column (处罚类别1, 代码_2) name the same thing.
  core = core.replace(/(?<=[\u4e00-\u9fff])\d{1,2}$/, '');
  for (const p of BOOL_PREFIXES) {
    if (core.startsWith(p) && core.length > p.length) {
      core = core.slice(p.length);
      yesNo = true;
      break;
    }
  }
  for (const s of BOOL_SUFFIXES) {
    if (core.endsWith(s) && core.length > s.length) {
      core = core.slice(0, -s.length);
      yesNo = true;
      break;
    }
  }
  const out: NormalisedHeader = { raw, full, core, yesNo, notes, alternatives: alternatives.length > 1 ? alternatives : [] };
  if (unit !== undefined) out.unit = unit;
  if (unitKind !== undefined) out.unitKind = unitKind;
  if (scale !== undefined) out.scale = scale;
  return out;
}

// Masking personal data (姓名, 证件号码, 电话) for anything that leaves the workspace: evidence packs,
// reports, --json output. Pure functions; the unmasked value never survives in the result.
//   maskName('张三丰')              → '张**'   (first character, then always two stars: the length is hidden)
//   maskName('嵊泗县海韵餐饮店')      → '嵊泗县海韵餐饮店' (a business is not a natural person: shown, so
//                                     two subjects stay distinguishable; a person's name in brackets
//                                     inside it is masked: '浙嵊渔48506（崔**）')
//   maskIdNumber('330203198001011234') → '3302********1234' (18 characters: four, eight stars, four)
//   maskPhone('13812345678')        → '138****5678'
// Shorter or odd values never reveal more than half of their characters. Characters are counted
// as code points, so a name with a rare character (𠮷) is not split in half.

export type MaskKind = 'name' | 'id_number' | 'phone';
export const MASK_KINDS: readonly MaskKind[] = ['name', 'id_number', 'phone'];

function chars(s: string): string[] {
  return Array.from(s);
}

// Words that make a name an organisation's (a business, a vessel, an office), not a person's.
const ORG_WORDS =
  /公司|企业|集团|有限|合作社|协会|商会|工作室|经营部|门市|商行|商店|超市|便利店|宾馆|酒店|饭店|餐厅|餐馆|餐饮|小吃|民宿|渔家乐|农家乐|学校|幼儿园|医院|诊所|卫生室|卫生院|药房|药店|浴室|码头|船厂|加工|养殖|渔业|物业|银行|政府|委员会|事务所|中心|个体工商户/;
const ORG_SUFFIX = /[店厂场社馆院所室站部行坊吧园庄苑楼局队]$/;
const PLACE_PREFIX = /^.{1,4}?[省市县区镇乡]/;

/**
 * Whether a name is an organisation's rather than a natural person's: an organisation word (公司,
 * 民宿, 卫生室 …), a run of four digits or more (a vessel: 浙嵊渔48506), or — from five characters — an
 * organisation ending (…店, …厂) or a place prefix (嵊泗县…). Chinese personal names have two to four
 * characters, so anything shorter than four is a person; when in doubt a name counts as a person's
 * (masked), never the other way round.
 */
export function isOrganisationName(s: string): boolean {
  const t = s.trim();
  const n = chars(t).length;
  if (n < 4) return false;
  const bare = t.replace(/[（(][^（）()]*[）)]/g, '');
  if (ORG_WORDS.test(bare) || /\d{4,}/.test(bare)) return true;
  return n >= 5 && (ORG_SUFFIX.test(bare) || PLACE_PREFIX.test(bare));
}

function maskPerson(s: string): string {
  const c = chars(s.trim());
  if (c.length === 0) return '';
  if (c.length === 1) return '*';
  return `${c[0]}**`;
}

/**
 * A name with natural persons masked: 张三 → 张**, 欧阳娜娜 → 欧**; an organisation's name is shown as
 * it is, except a person's name in brackets inside it (浙嵊渔48506（崔祥舟） → 浙嵊渔48506（崔**）).
 * Empty stays empty.
 */
export function maskName(s: string): string {
  // A run of seven digits or more is an id or a phone number, whatever else the field holds (a
  // 责任人 written as 330922198001011234, or 李四 13812345678): masked as one, and not taken for a
  // vessel's number, which made the whole text an organisation's and showed it as it was.
  const masked = s.replace(LONG_DIGITS, (d) => (/^1\d{10}$/.test(d) ? maskPhone(d) : maskIdNumber(d)));
  const rest = s.replace(LONG_DIGITS, '').trim();
  if (!rest) return masked.trim();
  if (!isOrganisationName(rest)) return maskPerson(masked);
  return masked.trim().replace(/([（(])([^（）()]+)([）)])/g, (m, open: string, inner: string, close: string) => (isOrganisationName(inner) ? m : `${open}${maskPerson(inner)}${close}`));
}

/** An id number or a phone number inside a text (a vessel's number, 浙嵊渔48506, has five digits). */
const LONG_DIGITS = /\d{7,}[\dXx]?/g;

/**
 * Identity numbers and credit codes: 18 characters or more → the first four, eight stars and the
 * last four (3302********1234); shorter → a quarter at each end, stars between.
 */
export function maskIdNumber(s: string): string {
  const c = chars(s.trim());
  const n = c.length;
  if (n === 0) return '';
  if (n >= 16) return `${c.slice(0, 4).join('')}********${c.slice(n - 4).join('')}`;
  const keep = Math.floor(n / 4);
  return `${c.slice(0, keep).join('')}${'*'.repeat(n - 2 * keep)}${keep ? c.slice(n - keep).join('') : ''}`;
}

/**
 * Phone numbers (spaces and dashes dropped): 11 characters or more → the first three, four stars
 * and the last four (138****5678, 0580-5081234 → 058****1234); 7–10 → two at each end; shorter →
 * all stars but the last two, and all stars below four.
 */
export function maskPhone(s: string): string {
  const c = chars(s.replace(/[\s\-‐–—()（）]/g, ''));
  const n = c.length;
  if (n === 0) return '';
  if (n >= 11) return `${c.slice(0, 3).join('')}****${c.slice(n - 4).join('')}`;
  if (n >= 7) return `${c.slice(0, 2).join('')}${'*'.repeat(n - 4)}${c.slice(n - 2).join('')}`;
  if (n >= 4) return `${'*'.repeat(n - 2)}${c.slice(n - 2).join('')}`;
  return '*'.repeat(n);
}

const MASKERS: Record<MaskKind, (s: string) => string> = { name: maskName, id_number: maskIdNumber, phone: maskPhone };

/** The kind a value looks like, for data whose kind was not declared. */
export function guessMaskKind(s: string): MaskKind {
  const t = s.trim();
  if (/^[0-9A-Za-z]{15,20}$/.test(t) && /\d{6}/.test(t)) return 'id_number';
  const digits = t.replace(/\D/g, '');
  if (/^\+?[\d\s\-()（）]+$/.test(t) && digits.length >= 7 && digits.length <= 14) return 'phone';
  return 'name';
}

/**
 * Masks a cell value of the given kind: strings, numbers (as text) and lists element by element;
 * null, undefined and booleans pass unchanged. Without a kind, the kind is guessed per value.
 */
export function maskValue(value: unknown, kind?: MaskKind): unknown {
  if (value === null || value === undefined || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map((v) => maskValue(v, kind));
  const s = typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'bigint' ? String(value) : JSON.stringify(value);
  return MASKERS[kind ?? guessMaskKind(s)](s);
}

/** A record with the named columns masked (a copy; other columns unchanged). */
export function maskRecord<T extends Record<string, unknown>>(row: T, kinds: Readonly<Record<string, MaskKind | undefined>>): T {
  const out: Record<string, unknown> = { ...row };
  for (const [col, kind] of Object.entries(kinds)) {
    if (col in out) out[col] = maskValue(out[col], kind);
  }
  return out as T;
}

// Numbers inside free text. Not a letter or digit on either side of an ID number, so a record's
// code (JC2024030100011) keeps its digits; a mobile may be typed 138-1234-5678 or 138 1234 5678.
const ID_IN_TEXT = /(?<![0-9A-Za-z])(?:\d{17}[\dXx]|\d{15})(?![0-9A-Za-z])/g;
const MOBILE_IN_TEXT = /(?<!\d)1[3-9]\d(?:[- ]?\d{4}){2}(?!\d)/g;
const LANDLINE_IN_TEXT = /(?<![0-9A-Za-z])0\d{2,3}-?\d{7,8}(?![0-9A-Za-z])/g;

/**
 * Free text (a finding's 问题描述, a case's notes, a reviewer's note) with the identity and phone
 * numbers typed in it masked as the structured fields are: 18- and 15-digit ID numbers (maskIdNumber:
 * 3309********1234), mainland mobiles (138****5678, dashes or spaces dropped) and landlines with
 * an area code (0580-5081234 → 058****1234). Names in free text cannot be told from other words
 * reliably and are left as written (the README says so).
 */
export function maskNumbersInText(s: string): string {
  return s
    .replace(ID_IN_TEXT, (m) => maskIdNumber(m))
    .replace(MOBILE_IN_TEXT, (m) => maskPhone(m))
    .replace(LANDLINE_IN_TEXT, (m) => maskPhone(m));
}

/** The numbers maskNumbersInText masks in a text, each as written and as masked, in its order of
 *  masking: what a masked text sent back (a returned feedback form) can be matched against. */
export function numbersInText(s: string): Array<[string, string]> {
  const found: Array<[string, string]> = [];
  const take = (mask: (m: string) => string) => (m: string) => {
    const k = mask(m);
    found.push([m, k]);
    return k;
  };
  s.replace(ID_IN_TEXT, take(maskIdNumber)).replace(MOBILE_IN_TEXT, take(maskPhone)).replace(LANDLINE_IN_TEXT, take(maskPhone));
  return found;
}

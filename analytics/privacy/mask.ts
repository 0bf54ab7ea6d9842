// Masking personal data for exports and reports (minimal version written for the reports; the
// review engine is writing the same module — reconcile on merge):
//   names 张三 → 张**; id numbers 330221199001011234 → 3302********1234; phones 13812345678 → 138****5678.

const ID_NUMBER = /^(\d{4})\d{7,10}(\d{3}[\dXx])$/; // 15- or 18-digit resident id numbers
const MOBILE = /^(?:\+?86[- ]?)?(1\d{2})[- ]?\d{4}[- ]?(\d{4})$/;
const LANDLINE = /^(0\d{2,3}[- ]?)\d{3,4}(\d{4})$/;

export function maskName(s: string): string {
  const t = s.trim();
  if (!t) return t;
  return `${[...t][0]}**`;
}

export function maskIdNumber(s: string): string {
  const m = ID_NUMBER.exec(s.trim());
  return m ? `${m[1]}********${m[2]}` : maskGeneric(s);
}

export function maskPhone(s: string): string {
  const t = s.trim();
  const m = MOBILE.exec(t);
  if (m) return `${m[1]}****${m[2]}`;
  const l = LANDLINE.exec(t);
  return l ? `${l[1]}****${l[2]}` : maskGeneric(s);
}

/** Anything else personal: keep the first and the last character. */
export function maskGeneric(s: string): string {
  const c = [...s.trim()];
  if (c.length <= 1) return c.length ? '*' : '';
  if (c.length === 2) return `${c[0]}*`;
  return `${c[0]}${'*'.repeat(Math.min(6, c.length - 2))}${c[c.length - 1]}`;
}

/**
 * Masks one value by what it looks like (id number, phone) or, failing that, by the column's name
 * (姓名/当事人 → a name). Non-strings pass unchanged.
 */
export function maskValue(value: unknown, column = ''): unknown {
  if (typeof value !== 'string' || value.trim() === '') return value;
  const v = value.trim();
  if (ID_NUMBER.test(v)) return maskIdNumber(v);
  if (MOBILE.test(v) || LANDLINE.test(v)) return maskPhone(v);
  if (/身份证|证件号|id_number|party_id/i.test(column)) return maskGeneric(v);
  if (/电话|手机|phone/i.test(column)) return maskGeneric(v);
  // A person's name is 2–4 Chinese characters (or a few with ·); longer text (a company) keeps its ends.
  if (/^[\u4e00-\u9fa5·]{2,5}$/.test(v)) return maskName(v);
  return maskGeneric(v);
}

/** Every personal column of a record masked (a new object). */
export function maskRecord(rec: Record<string, unknown>, personal: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { ...rec };
  for (const c of personal) if (c in out) out[c] = Array.isArray(out[c]) ? (out[c] as unknown[]).map((x) => maskValue(x, c)) : maskValue(out[c], c);
  return out;
}

/** Masks personal data inside free text: id numbers and phone numbers anywhere in it. */
export function maskText(s: string): string {
  return s
    .replace(/(?<!\d)(\d{4})\d{7,10}(\d{3}[\dXx])(?![\dXx])/g, '$1********$2')
    .replace(/(?<!\d)(1[3-9]\d)\d{4}(\d{4})(?!\d)/g, '$1****$2');
}

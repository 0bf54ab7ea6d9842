// A party's id in two columns: credit-publicity (双公示) exports and many case systems write an
// organisation's 统一社会信用代码 in one column and a natural person's 证件号码 (身份证号) in
// another, each empty where the other is filled. One field takes one column, so the rows of
// natural persons lost their id (a permit needs it: 13 of 34 rows of a 双公示 permit list were
// rejected). The column left over fills the field where the mapped one is empty.
import { normaliseHeader } from './normalise.js';
import type { ColumnDecision } from './recognise.js';

/** The party-id field of each table that has one. */
const PARTY_ID: Readonly<Record<string, string>> = {
  permit: 'subject_id',
  penalty_case: 'party_id',
  inspection: 'subject_id',
  inspection_plan: 'subject_id',
};

/** Headers naming an organisation's code, and a person's id number — exactly (许可机关统一社会信用代码
 *  and 法定代表人证件号码 name other people's). */
const ORG_CODE = new Set(['统一社会信用代码', '社会信用代码', '信用代码', '统一代码', '行政相对人代码', '相对人代码', '当事人统一社会信用代码', '行政相对人统一社会信用代码', '检查对象统一社会信用代码']);
const PERSON_ID = new Set(['证件号码', '证件号', '身份证号码', '身份证号', '公民身份号码', '身份证件号码', '居民身份证号码', '当事人证件号码', '当事人身份证号', '当事人身份证号码', '行政相对人证件号码', '检查对象证件号码']);

/** Whether a header names one of `set`: its core (行政相对人代码_1) or a bracketed note (（统一社会信用代码）). */
function names(header: string, set: ReadonlySet<string>): boolean {
  const h = normaliseHeader(header);
  return set.has(h.core) || h.notes.some((n) => set.has(n));
}

/**
 * Marks the unmapped column that holds the other kind of party id (an organisation's code beside a
 * person's id number, or the reverse) as the fallback of the party-id field: likely, to confirm.
 */
export function addPartyIdFallback(table: string, columns: ColumnDecision[]): void {
  const field = PARTY_ID[table];
  if (!field) return;
  const primary = columns.find((c) => c.field === field && !c.fallback);
  if (!primary) return;
  const other = names(primary.header, ORG_CODE) ? PERSON_ID : names(primary.header, PERSON_ID) ? ORG_CODE : null;
  if (!other) return;
  const candidates = columns.filter((c) => !c.field && names(c.header, other));
  // two such columns: which one is not known
  if (candidates.length !== 1) return;
  const c = candidates[0]!;
  c.field = field;
  c.fallback = true;
  c.confidence = 'likely';
  c.why = `“${primary.header}”为空的行取本列（组织的代码与自然人的证件号码分列两处）`;
  c.why_en = `fills the rows where "${primary.header}" is empty (organisations' codes and natural persons' id numbers in two columns)`;
  delete c.nearest;
  delete c.taken;
}

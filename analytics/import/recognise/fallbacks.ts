// A party's id in two columns: credit-publicity (双公示) exports and many case systems write an
// organisation's 统一社会信用代码 in one column and a natural person's 证件号码 (身份证号) in
// another, each empty where the other is filled. One field takes one column, so the rows of
// natural persons lost their id (a permit needs it: 13 of 34 rows of a 双公示 permit list were
// rejected). The column left over fills the field where the mapped one is empty.
import { tableDef } from '../../schema/tables.js';
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

/** A header's stem without a trailing number (执法人员1, 执法人员（2）, 承办人一, 检查人员甲). */
const ORDINAL = /[（(]?([0-9]{1,2}|[一二三四五六七八九十]|[甲乙丙丁])[)）]?$/;
/** A lead officer's column and the assisting officer's beside it (主办人 / 协办人). */
const LEAD = /^(主办|承办|主办执法|主承办)(人|人员)(姓名)?$/;
const ASSIST = /^(协办|协助|协办执法)(人|人员)(姓名)?$/;

/**
 * A list written over several columns — officers as 执法人员1, 执法人员2 (or 主办人 and 协办人), as
 * many case ledgers and inspection forms keep them: the unmapped columns of the mapped one's stem
 * add their names to the list (ColumnDecision.fallback: for a list field, a column that adds). Only
 * the first was read: an inspection by two officers counted one (acceptance set 11's 03).
 */
export function addListColumns(table: string, columns: ColumnDecision[]): void {
  const t = tableDef(table);
  if (!t) return;
  for (const primary of columns.filter((c) => c.field && !c.fallback)) {
    const field = t.fields.find((f) => f.name === primary.field);
    if (!field || (field.kind !== 'list' && field.kind !== 'reflist')) continue;
    // (the header as written, widths folded: normaliseHeader would drop a bracketed number)
    const plain = (h: string) => h.normalize('NFKC').replace(/\s+/g, '');
    const core = plain(primary.header);
    const stem = core.replace(ORDINAL, '');
    const numbered = stem !== core && stem.length >= 2;
    const joined: string[] = [];
    for (const c of columns) {
      if (c === primary || c.field) continue;
      const other = plain(c.header);
      const same = numbered && other !== core && other.replace(ORDINAL, '') === stem && ORDINAL.test(other);
      const assist = LEAD.test(core) && ASSIST.test(other);
      if (!same && !assist) continue;
      c.field = field.name;
      c.fallback = true;
      c.confidence = 'likely';
      c.why = `与“${primary.header}”同为${field.zh}的一列，其中的名字并入同一名单`;
      c.why_en = `another column of ${field.en} beside "${primary.header}": its names join the same list`;
      delete c.nearest;
      delete c.taken;
      joined.push(c.header);
    }
    if (!joined.length) continue;
    // the column that "looked the same" is the list's other part: said so, for this column too
    const others = { zh: joined.map((h) => `“${h}”`).join('、'), en: joined.map((h) => `"${h}"`).join(', ') };
    primary.why = `${primary.why.replace('；另有一列同样像', '')}；与${others.zh}同为${field.zh}的一列，各列的名字并入同一名单`;
    primary.why_en = `${primary.why_en}; one list of ${field.en} with ${others.en}: the names of each column join it`;
  }
}

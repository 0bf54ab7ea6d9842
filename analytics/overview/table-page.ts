// One page of a canonical table (or of the rejected rows), for grids: the SQL is built from the
// schema only (names never come from the caller unchecked), personal data is masked unless asked.
import type { Db } from '../db/duck.js';
import { ident } from '../db/duck.js';
import { TijianError } from '../i18n/errors.js';
import { tableDef } from '../schema/tables.js';
import { fieldColumns, type FieldKind } from '../schema/types.js';
import type { RefTarget } from '../schema/types.js';
import type { RowFilter } from './overview.js';
import { searchCondition, shownColumns, type ShownColumn } from './ref-names.js';
import { unresolvedRefSql } from '../import/unresolved.js';

export interface ColumnInfo {
  name: string;
  zh: string;
  en: string;
  kind: FieldKind | 'raw' | 'unresolved' | 'system';
  personal?: boolean;
}

/** The physical columns of a canonical table, labelled. */
export function tableColumns(table: string): ColumnInfo[] {
  const t = tableDef(table);
  if (!t) throw new TijianError('NOT_FOUND', `没有数据表“${table}”。`, `There is no table "${table}".`);
  const cols: ColumnInfo[] = [];
  for (const f of t.fields) {
    for (const c of fieldColumns(f)) {
      if (c.name === f.name) cols.push({ name: c.name, zh: f.zh, en: f.en, kind: f.kind, ...(f.personal ? { personal: true } : {}) });
      else if (c.name === f.raw) cols.push({ name: c.name, zh: `${f.zh}（原文）`, en: `${f.en} (as written)`, kind: 'raw' });
      else cols.push({ name: c.name, zh: `${f.zh}（未识别）`, en: `${f.en} (unmatched)`, kind: 'unresolved' });
    }
  }
  cols.push(
    { name: 'import_id', zh: '导入批次', en: 'Import', kind: 'system' },
    { name: 'row_no', zh: '源文件行号', en: 'Source line', kind: 'system' },
    { name: 'extras', zh: '未映射的列', en: 'Unmapped columns', kind: 'system' },
  );
  return cols;
}

/** SQL that masks personal text: 张** for names, 3302**********1234 for ids of 16 characters or
 *  more, a quarter at each end of anything between (13*******78): never more than half shown (the
 *  four-and-four of long ids showed every character of a value of 7 or 8). */
export function maskSql(expr: string): string {
  return `CASE WHEN ${expr} IS NULL THEN NULL
    WHEN length(${expr}) <= 1 THEN '*'
    WHEN length(${expr}) <= 6 THEN left(${expr}, 1) || repeat('*', length(${expr}) - 1)
    WHEN length(${expr}) < 16 THEN left(${expr}, length(${expr}) // 4) || repeat('*', length(${expr}) - 2 * (length(${expr}) // 4)) || right(${expr}, length(${expr}) // 4)
    ELSE left(${expr}, 4) || repeat('*', length(${expr}) - 8) || right(${expr}, 4) END`;
}

/** maskSql for a value already read (the command line's listings): the same characters, counted as
 *  DuckDB's length() counts them (code points), so a listing and its export agree. */
export function maskText(s: string): string {
  const c = Array.from(s);
  const n = c.length;
  if (n <= 1) return '*';
  if (n <= 6) return c[0] + '*'.repeat(n - 1);
  const keep = n < 16 ? Math.floor(n / 4) : 4;
  return c.slice(0, keep).join('') + '*'.repeat(n - 2 * keep) + c.slice(n - keep).join('');
}

/** Numbers in free text (问题描述, 备注, an unmapped column): 18- and 15-digit ID numbers, mobiles
 *  (dashes or spaces between) and landlines with an area code, masked as maskSql masks such a value
 *  — never more than half shown. RE2 (DuckDB) has no lookaround, so the characters either side are
 *  matched and put back, and each rule runs twice (two numbers one character apart share it). */
const FREE_NUMBERS: ReadonlyArray<readonly [RegExp, string]> = [
  [/(^|[^0-9A-Za-z])([0-9]{4})[0-9]{10}([0-9]{3}[0-9Xx])([^0-9A-Za-z]|$)/, '**********'],
  [/(^|[^0-9A-Za-z])([0-9]{3})[0-9]{9}([0-9]{3})([^0-9A-Za-z]|$)/, '*********'],
  [/(^|[^0-9])(1[3-9])[0-9][- ]?[0-9]{4}[- ]?[0-9]{2}([0-9]{2})([^0-9]|$)/, '*******'],
  [/(^|[^0-9A-Za-z])(0[0-9])[0-9]{1,2}-?[0-9]{5,6}([0-9]{2})([^0-9A-Za-z]|$)/, '******'],
];

/** SQL of a text with the numbers in it masked (FREE_NUMBERS). */
export function maskNumbersSql(expr: string): string {
  let out = expr;
  for (const [re, stars] of FREE_NUMBERS) for (let i = 0; i < 2; i++) out = `regexp_replace(${out}, '${re.source}', '\\1\\2${stars}\\3\\4', 'g')`;
  // one test first: most text holds no such run of digits, and a search reads every row
  return `CASE WHEN regexp_matches(${expr}, '[0-9]{7}|[0-9][- ][0-9]{4}') THEN ${out} ELSE ${expr} END`;
}

/** maskNumbersSql for a value already read (the command line's listings): the same text. */
export function maskNumbersShort(s: string): string {
  let out = s;
  for (const [re, stars] of FREE_NUMBERS) for (let i = 0; i < 2; i++) out = out.replace(new RegExp(re.source, 'g'), `$1$2${stars}$3$4`);
  return out;
}

/** Whether a listing's column (by its name and DuckDB type) is text that may hold typed numbers:
 *  text, and not a key or code by its name (案件编号, case_id, 统一社会信用代码). */
export function freeTextColumn(name: string, type: string | undefined): boolean {
  return /^VARCHAR$/i.test(type ?? '') && !codeColumn(name);
}

/** A column named as a key or code (案件编号, case_id, 统一社会信用代码): its numbers are records'. */
export function codeColumn(name: string): boolean {
  return /(编号|编码|代码|_id|^id)$/i.test(name);
}

export interface PageRequest {
  table: string;
  offset: number;
  limit: number;
  filter?: RowFilter;
  /** Column to sort by (a column of the table) and direction; default: import order. */
  orderBy?: { column: string; desc?: boolean };
  unmask?: boolean;
  /** Rows whose text (names and codes included) contains this. */
  search?: string;
}

function whereOf(table: string, filter: RowFilter | undefined): string {
  if (!filter) return '';
  const t = tableDef(table)!;
  if (filter.kind === 'import') return `WHERE import_id = ${Math.trunc(filter.importId)}`;
  const f = t.fields.find((x) => x.name === filter.field);
  if (!f || !f.raw) throw new TijianError('NOT_FOUND', `“${table}”没有可关联字段“${filter.field}”。`, `${table} has no reference field "${filter.field}".`);
  if (f.kind === 'reflist' && f.unresolved) return `WHERE len(${ident(f.unresolved)}) > 0`;
  return `WHERE ${unresolvedRefSql(f)}`;
}

/** The SELECT of one page and the COUNT of all matching rows. Ids of units, officers and matters
 *  show as names (officers' masked unless asked), their codes in columns at the end; `search`
 *  matches what is shown, the codes, full names, short names and other names. */
export function pageSql(req: PageRequest): { select: string; count: string; columns: ColumnInfo[] } {
  const all = tableColumns(req.table);
  const def = tableDef(req.table)!;
  const refs = new Map<string, RefTarget>();
  for (const f of def.fields) if ((f.kind === 'ref' || f.kind === 'reflist') && f.ref) refs.set(f.name, f.ref);
  const byName = new Map(all.map((c) => [c.name, c]));
  const shown = shownColumns(
    'src',
    all.map((c) => ({ name: c.name, zh: c.zh, en: c.en, list: c.kind === 'list' || c.kind === 'reflist' || c.kind === 'unresolved', personal: !!c.personal })),
    refs,
    !!req.unmask,
  );
  const exprOf = (c: ShownColumn): string => {
    if (c.kind !== 'plain') return c.expr;
    const text = (e: string) => (req.unmask ? e : maskNumbersSql(e));
    if (c.name === 'extras') return text(`CAST(${c.expr} AS VARCHAR)`);
    if (c.personal && !req.unmask) return maskSql(c.expr);
    // free text may hold a party's ID or phone number (a key or code does not: kind 'id')
    const kind = byName.get(c.name)?.kind;
    return kind === 'text' || kind === 'raw' ? text(c.expr) : c.expr;
  };
  const columns: ColumnInfo[] = shown.columns.map((c) => {
    if (c.kind === 'plain') return byName.get(c.name)!;
    const kind: ColumnInfo['kind'] = c.list ? 'list' : c.kind === 'code' ? 'id' : 'text';
    return { name: c.name, zh: c.zh, en: c.en, kind, ...(c.kind === 'shown' && c.target === 'officer' ? { personal: true } : {}) };
  });
  const conds: string[] = [];
  const filter = whereOf(req.table, req.filter);
  if (filter) conds.push(filter.replace(/^WHERE /, ''));
  const search = req.search?.trim();
  if (search) conds.push(searchCondition(shown.columns.flatMap((c) => [exprOf(c), ...(c.hay ? [c.hay] : [])]), search));
  const where = conds.length ? `WHERE ${conds.map((x) => `(${x})`).join(' AND ')}` : '';
  let order = 'src.import_id, src.row_no';
  if (req.orderBy) {
    const c = shown.columns.find((x) => x.name === req.orderBy!.column);
    if (!c) throw new TijianError('NOT_FOUND', `没有列“${req.orderBy.column}”。`, `There is no column "${req.orderBy.column}".`);
    order = `${exprOf(c)} ${req.orderBy.desc ? 'DESC' : 'ASC'} NULLS LAST, src.import_id, src.row_no`;
  }
  const from = [`${ident(req.table)} AS src`, ...shown.joins].join(', ');
  const list = shown.columns.map((c) => `${exprOf(c)} AS ${ident(c.name)}`).join(', ');
  return {
    select: `SELECT ${list} FROM ${from} ${where} ORDER BY ${order} LIMIT ${Math.trunc(req.limit)} OFFSET ${Math.trunc(req.offset)}`,
    count: `SELECT count(*) FROM ${from} ${where}`,
    columns,
  };
}

export const REJECTED_COLUMNS: ColumnInfo[] = [
  { name: 'import_id', zh: '导入批次', en: 'Import', kind: 'system' },
  { name: 'file_name', zh: '文件', en: 'File', kind: 'text' },
  { name: 'line_no', zh: '行号', en: 'Line', kind: 'int' },
  { name: 'reason_zh', zh: '拒绝原因', en: 'Reason (zh)', kind: 'text' },
  { name: 'reason_en', zh: '拒绝原因（英文）', en: 'Reason', kind: 'text' },
  { name: 'error_codes', zh: '错误代码', en: 'Error codes', kind: 'list' },
  { name: 'raw', zh: '原始数据', en: 'Raw values', kind: 'text' },
];

export function rejectedSql(importId: number | undefined, offset: number, limit: number): { select: string; count: string } {
  const where = importId !== undefined ? `WHERE import_id = ${Math.trunc(importId)}` : '';
  return {
    select: `SELECT import_id, file_name, line_no, reason_zh, reason_en, error_codes, CAST(raw AS VARCHAR) AS raw
             FROM rejected_row ${where} ORDER BY import_id, line_no LIMIT ${Math.trunc(limit)} OFFSET ${Math.trunc(offset)}`,
    count: `SELECT count(*) FROM rejected_row ${where}`,
  };
}

export async function countRows(db: Db, sql: string): Promise<number> {
  return Number(await db.scalar(sql));
}


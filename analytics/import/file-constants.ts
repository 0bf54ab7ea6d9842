// A value the file states once for all its rows, in its name: a yearly roster saved as
// 2024年度行政执法人员花名册.xlsx often has no 年度 column, yet the year is part of the roster's key.
// When a table's required year is named by no column and the file name holds exactly one year,
// every row gets that year — applied as "likely" (待确认) and listed with the column decisions, so
// it is never applied silently. Two years in the name (2022-2024) say nothing; neither does a date
// stamp (导出_20250106), whose digits run on. Likewise a 复议 or 诉讼 ledger's kind, when its name
// says which and no column does.
import { tableDef } from '../schema/tables.js';
import type { Mapping } from './headers.js';

export interface FileConstant {
  field: string;
  /** The value every row gets, as text (parsed like a cell). */
  value: string;
  source: 'file_name' | 'sheet_name';
  confidence: 'likely';
  why: string;
  why_en: string;
}

/** What a constant is called where a column's header would be shown. */
export const FILE_NAME_COLUMN = '（文件名）';
/** …and one the sheet's name gives. */
export const SHEET_NAME_COLUMN = '（工作表名）';

/** The one year a file name states (2024年度…, …（2024年）, …_2024.xlsx), or null. */
export function yearInName(file: string): number | null {
  const name = file.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const years = new Set([...name.matchAll(/(?<!\d)(19[5-9]\d|20\d\d)(?!\d)/g)].map((m) => Number(m[1])));
  return years.size === 1 ? [...years][0]! : null;
}

/** The kind of a 复议/诉讼 ledger its file name states (行政复议案件台账 → 复议, 行政应诉台账 → 诉讼),
 *  or null when it names both (复议诉讼台账) or neither. */
export function reviewKindInName(file: string): '复议' | '诉讼' | null {
  const name = file.replace(/\.[A-Za-z0-9]{1,5}$/, '');
  const review = name.includes('复议');
  const lawsuit = /诉讼|应诉/.test(name);
  return review === lawsuit ? null : review ? '复议' : '诉讼';
}

/** The mapping with the values its file name supplies for required fields no column names; and,
 *  given `sheetUnit` (the sheet's name, when it names a unit the workspace knows: a workbook of one
 *  sheet per unit, 综合执法局 | 市场监管局 | …), the unit of a table whose required unit no column
 *  names. */
export function withFileConstants(m: Mapping, file: string, sheetUnit?: string): Mapping {
  const t = tableDef(m.table);
  if (!t) return m;
  const mapped = new Set(m.columns.map((c) => c.field).filter(Boolean));
  const constants = [...(m.constants ?? [])];
  // A ledger of reconsiderations only has no 类别 column: every row is a 复议, as its name says.
  const kind = t.name === 'review_litigation' ? t.fields.find((f) => f.name === 'kind') : undefined;
  if (kind && !mapped.has(kind.name) && !constants.some((c) => c.field === kind.name)) {
    const k = reviewKindInName(file);
    if (k) {
      constants.push({
        field: kind.name,
        value: k,
        source: 'file_name',
        confidence: 'likely',
        why: `文件中没有“${kind.zh}”列，文件名说明是${k}台账：每行的${kind.zh}记为“${k}”（待确认）`,
        why_en: `no ${kind.en} column: the file name says it lists ${k === '复议' ? 'reconsiderations' : 'lawsuits'}, so every row is taken as ${k} (to be confirmed)`,
      });
    }
  }
  for (const f of t.fields) {
    if (!sheetUnit || f.kind !== 'ref' || f.ref !== 'unit' || !f.required || mapped.has(f.name) || constants.some((c) => c.field === f.name)) continue;
    constants.push({
      field: f.name,
      value: sheetUnit,
      source: 'sheet_name',
      confidence: 'likely',
      why: `文件中没有“${f.zh}”列，工作表名“${sheetUnit}”是一个执法单位：该表每行的${f.zh}记为“${sheetUnit}”（待确认）`,
      why_en: `no ${f.en} column: the sheet's name "${sheetUnit}" is a unit, taken for each of its rows (to be confirmed)`,
    });
  }
  for (const f of t.fields) {
    if (f.name !== 'year' || f.kind !== 'int' || !f.required || mapped.has(f.name) || constants.some((c) => c.field === f.name)) continue;
    const y = yearInName(file);
    if (y === null || (f.min !== undefined && y < f.min) || (f.max !== undefined && y > f.max)) continue;
    constants.push({
      field: f.name,
      value: String(y),
      source: 'file_name',
      confidence: 'likely',
      why: `文件中没有“${f.zh}”列，取文件名中的 ${y} 年：每行的${f.zh}记为 ${y}（待确认）`,
      why_en: `no ${f.en} column: ${y}, the year in the file name, is taken for every row (to be confirmed)`,
    });
  }
  if (!constants.length) return m;
  const given = new Set(constants.map((c) => c.field));
  return { ...m, constants, ...(m.missing ? { missing: m.missing.filter((x) => !given.has(x.field)) } : {}) };
}

/**
 * The earlier import of the same bytes this file repeats, if any: the same bytes under a name that
 * gives another year (2023年度… and 2024年度… of an unchanged list) are another year's list, not a
 * repeat. `priors` are the earlier imports of these bytes, oldest first, with their logged mapping.
 */
export function repeatedImport<T extends { mapping: string | null }>(priors: readonly T[], file: string): T | null {
  const year = yearInName(file);
  for (const p of priors) {
    let constants: FileConstant[] = [];
    try {
      constants = ((p.mapping ? JSON.parse(p.mapping) : {}) as { constants?: FileConstant[] }).constants ?? [];
    } catch {
      // an unreadable log entry: the bytes alone decide, as before
    }
    const named = constants.find((c) => c.source === 'file_name' && c.field === 'year');
    if (!named || Number(named.value) === year) return p;
  }
  return null;
}

// From a file's header row to a target table and a column → field mapping, each decision with its
// certainty (the recogniser in ./recognise/ scores every header against every field of every table).
import { createHash } from 'node:crypto';
import { TijianError } from '../i18n/errors.js';
import { shellQuote } from '../i18n/shell.js';
import { tableDef } from '../schema/tables.js';
import { derivedKeyOf, type FieldDef, type TableDef } from '../schema/types.js';
import type { FileConstant } from './file-constants.js';
import { headerRowScore, namesFieldExactly, recognise, recogniseFor, type Confidence, type MissingField, type Recognition, type RecogniseOptions } from './recognise/recognise.js';

export type { Confidence, MissingField } from './recognise/recognise.js';

export interface ColumnMapping {
  /** Position of the column in the file. */
  index: number;
  /** The header as written in the file. */
  header: string;
  /** Canonical field, or null when the column is not mapped (its values go to `extras`). */
  field: string | null;
  /** Multiplier for bare numbers, from a unit in the header (（万元） → 10000). */
  scale?: number;
  /** Dates with the year last: month first (3/20/2024) or day first (20/3/2024). */
  dateOrder?: 'mdy' | 'dmy';
  /** The column fills its field only in the rows where the field's own column is empty (an
   *  organisation's 统一社会信用代码 in one column, a natural person's 证件号码 in another). */
  fallback?: boolean;
  /** How sure the mapping is: sure (applied), likely (applied, to be confirmed: 待确认), none. */
  confidence?: Confidence;
  /** Why, in Chinese and English. */
  why?: string;
  why_en?: string;
}

/** The user's value mapping: field → text as written → canonical value (null: leave it unmatched). */
export type ValueMaps = Record<string, Record<string, string | null>>;

export interface Mapping {
  table: string;
  columns: ColumnMapping[];
  /** Where the mapping came from. */
  origin: 'detected' | 'mapping-file' | 'remembered';
  /** How sure the table is (detected mappings). */
  tableConfidence?: 'sure' | 'likely';
  /** Required fields no column names, with the columns that come closest. */
  missing?: MissingField[];
  /** The user's value mapping (mapping file, the import screen, remembered for the layout). */
  values?: ValueMaps;
  /** Detected mappings: every table by how well the headers fit it, best first. */
  ranking?: Array<{ table: string; score: number }>;
  /** Values the file states once for all its rows (the year in its name: file-constants.ts). */
  constants?: FileConstant[];
}

/** Header text normalised for matching: NFKC (full-width → half-width), no spaces or required-field
 *  markers, lower case. */
export function normHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/[\s\u00a0\u3000\ufeff]+/g, '')
    .replace(/^[*※#]+|[*※]+$/g, '')
    .replace(/[:：]$/, '')
    .replace(/\((必填|选填|可选|必须)\)/g, '')
    .toLowerCase();
}

/** A cell's text as a message may quote it: the first 40 characters. */
const short = (v: string) => (v.length > 40 ? `${v.slice(0, 40)}…` : v);

function toColumns(r: Recognition): ColumnMapping[] {
  return r.columns.map((c) => {
    const col: ColumnMapping = { index: c.index, header: c.header, field: c.field, confidence: c.confidence, why: c.why, why_en: c.why_en };
    if (c.scale) col.scale = c.scale;
    if (c.dateOrder) col.dateOrder = c.dateOrder;
    if (c.fallback) col.fallback = true;
    return col;
  });
}

/** The field of table `t` a header names, if any, with the scale its unit implies. */
export function matchHeader(t: TableDef, header: string): { field: FieldDef; scale?: number } | undefined {
  const c = recogniseFor(t.name, [header]).columns[0]!;
  if (!c.field) return undefined;
  const field = t.fields.find((f) => f.name === c.field)!;
  return c.scale ? { field, scale: c.scale } : { field };
}

export interface TableMatch {
  table: TableDef;
  columns: ColumnMapping[];
  matched: number;
  missingRequired: FieldDef[];
  /** Fields more than one column names: the best column has it, the others stay unmapped. */
  duplicates: Array<{ field: string; headers: string[] }>;
  missing: MissingField[];
}

/** Maps headers onto one table (one column per field, by total score). */
export function matchTable(t: TableDef, headers: readonly string[], opts: RecogniseOptions = {}): TableMatch {
  const r = recogniseFor(t.name, headers, opts);
  return tableMatch(t, r);
}

function tableMatch(t: TableDef, r: Recognition): TableMatch {
  const columns = toColumns(r);
  const byField = new Map(columns.filter((c) => c.field).map((c) => [c.field!, c.header]));
  const duplicates = new Map<string, string[]>();
  for (const c of r.columns) {
    // an unmapped column whose best field another column has
    if (c.field || !c.taken || !c.nearest || !byField.has(c.nearest)) continue;
    const list = duplicates.get(c.nearest) ?? [byField.get(c.nearest)!];
    list.push(c.header);
    duplicates.set(c.nearest, list);
  }
  const mapped = new Set(byField.keys());
  return {
    table: t,
    columns,
    matched: mapped.size,
    missingRequired: t.fields.filter((f) => f.required && !mapped.has(f.name)),
    duplicates: [...duplicates].map(([field, hs]) => ({ field, headers: hs })),
    missing: r.missing,
  };
}

/** How well a header row fits any table: used to find the header row below title rows. With
 *  `beat`, a row that cannot score above it is not weighed (0). */
export { namesFieldExactly };

export function headerScore(headers: readonly string[], beat?: number): number {
  return headerRowScore(headers, beat);
}

/**
 * The closest table and the column mapping, each column with its certainty. Never refuses: a
 * required field no column names is reported (`missing`), and checkMapping stops the import.
 */
export function detectTable(headers: readonly string[], fileName: string, opts: Omit<RecogniseOptions, 'fileName'> = {}): Mapping {
  const r = recognise(headers, { ...opts, fileName });
  return { table: r.table, columns: toColumns(r), origin: 'detected', tableConfidence: r.tableConfidence, missing: r.missing, ranking: r.ranking };
}

/** Stable key of a header layout, to remember a mapping for files shaped the same way. */
export function layoutKey(headers: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify(headers.map(normHeader)))
    .digest('hex')
    .slice(0, 32);
}

/** Refuses a file none of whose headers came close to any field of any table (`m`, as recognised):
 *  its values cannot change that (they only weigh a header's score), so recognition by the headers
 *  alone tells it before the rows are read. */
/** The sheet a refusal is about, in a workbook of several sheets (each told apart). */
const sheetZh = (sheet?: string) => (sheet ? `的工作表“${sheet}”` : '');
const sheetEn = (sheet?: string) => (sheet ? ` (sheet "${sheet}")` : '');

export function checkAnyRecognised(m: Mapping, headers: readonly string[], fileName: string, sheet?: string): void {
  if (m.columns.some((c) => c.field)) return;
  const shown = headers.slice(0, 8).map((h) => `“${h}”`).join('、') + (headers.length > 8 ? '…' : '');
  throw new TijianError(
    'TABLE_UNKNOWN',
    `无法从表头识别“${fileName}”${sheetZh(sheet)}对应的数据表：没有一列表头（${shown}）与任何数据表的字段相近。请确认第一行（或标题行之后的一行）是表头；如是，请运行 \`tijian map ${shellQuote(fileName)}\` 生成映射模板，填写后用 --mapping 导入。`,
    `Cannot tell which table "${fileName}"${sheetEn(sheet)} holds: no header comes close to a field of any table. Check that the header row is the first row (or the row after the title); if it is, run \`tijian map ${shellQuote(fileName)}\` for a mapping template, fill it in and import with --mapping.`,
    { headers: [...headers] },
  );
}

/** Headers of the 双公示 credit-publicity format (信用中国 data standard), not of a case ledger. */
const PUBLICITY_HEADERS = new Set(
  ['行政相对人名称', '行政相对人类别', '公示截止期', '公示截止日期', '公示期限', '数据来源单位', '数据来源单位统一社会信用代码', '处罚有效期'].map((h) => normHeader(h)),
);

/** What the import says of a derived key. */
export function derivedKeyNote(t: TableDef, d: NonNullable<TableDef['derivedKey']>): string {
  const key = t.fields.find((f) => f.name === d.field)!;
  const from = d.from.map((name) => t.fields.find((f) => f.name === name)!);
  const digits = d.digits ?? 12;
  const zh = from.map((f) => `“${f.zh}”`).join('、');
  const en = from.map((f) => f.en).join(', ');
  return from.length === 1
    ? `文件没有“${key.zh}”列：按${zh}生成（${d.prefix} 加 ${digits} 位编码，同一值各年相同，不含${zh}本身） / the file has no ${key.en} column: it is made from the ${en} (${d.prefix} and a ${digits}-digit code, the same for the same value every year; the value itself is not in it)`
    : `文件没有“${key.zh}”列：按${zh}生成（${d.prefix} 加 ${digits} 位编码，同样的值总得到同一编号，不含这些值本身；一行缺其中一项即被拒绝） / the file has no ${key.en} column: it is made from the ${en} (${d.prefix} and a ${digits}-digit code, the same values always the same id; the values themselves are not in it; a row lacking one is rejected)`;
}

/** Checks a mapping against its table: required fields present, fields known. The message names
 *  the columns that come closest to each missing field. */
export function checkMapping(m: Mapping, fileName: string, sheet?: string): void {
  const t = tableDef(m.table);
  if (!t) {
    throw new TijianError('MAPPING_INVALID', `映射指定的数据表“${m.table}”不存在。`, `The mapping names an unknown table "${m.table}".`);
  }
  const mapped = new Set([...m.columns.map((c) => c.field).filter((f): f is string => !!f), ...(m.constants ?? []).map((c) => c.field)]);
  const derived = derivedKeyOf(t, mapped);
  if (derived) mapped.add(derived.field);
  const missing = t.fields.filter((f) => f.required && !mapped.has(f.name));
  if (missing.length) {
    // A credit-publicity list (双公示: 行政相对人名称 … 公示截止期, 数据来源单位) publishes decisions,
    // not the handling of cases: no column of it is a filing date (none is offered), and the fix is
    // another export.
    const publicity =
      t.name === 'penalty_case' && m.columns.filter((c) => PUBLICITY_HEADERS.has(normHeader(c.header))).length >= 2;
    const cand = (f: FieldDef) => (publicity ? [] : (m.missing?.find((x) => x.field === f.name)?.candidates ?? []));
    const zh = missing
      .map((f) => {
        const c = cand(f);
        const no = c.find((x) => x.against);
        // the column is there, its values are not of the field's sort: say so, with one of them
        if (no) return `“${f.zh}”（“${no.header}”列的表头即是，但${no.against!.zh}，如「${short(no.against!.example)}」：请改正这一列的值，或用映射文件指定）`;
        return `“${f.zh}”${c.length ? `（可能是：${c.map((x) => `“${x.header}”`).join('、')}）` : '（文件中没有相近的列）'}`;
      })
      .join('、');
    const en = missing
      .map((f) => {
        const c = cand(f);
        const no = c.find((x) => x.against);
        if (no) return `${f.en} (the column "${no.header}" is headed so, but its values do not fit (${no.against!.zh}), e.g. "${short(no.against!.example)}" — correct its values, or give the column in a mapping file)`;
        return `${f.en}${c.length ? ` (perhaps: ${c.map((x) => `"${x.header}"`).join(', ')})` : ' (no column comes close)'}`;
      })
      .join(', ');
    throw new TijianError(
      'MAPPING_MISSING_REQUIRED',
      `“${fileName}”${sheetZh(sheet)}最接近“${t.zh}”数据，但缺少必需的列：${zh}。` +
        (publicity
          ? '这看来是“双公示”信用公示数据：公示数据只有处罚决定，不含立案日期等办案信息，请从办案系统导出行政处罚案件台账。'
          : '请为这些字段指定对应的列，或换用包含这些列的导出文件。'),
      `"${fileName}"${sheetEn(sheet)} is closest to ${t.en}, but required columns are missing: ${en}. ` +
        (publicity
          ? 'This looks like a credit-publicity (双公示) list: it publishes decisions and carries no case handling such as the filing date. Export the penalty case ledger from the case-handling system.'
          : 'Choose the columns for these fields, or use an export that has them.'),
      { table: t.name, missing: missing.map((f) => ({ field: f.name, candidates: cand(f) })) },
    );
  }
}

// From a file's header row to a target table and a column → field mapping, using the Chinese
// header names real exports use (aliases in ../schema/tables.ts).
import { createHash } from 'node:crypto';
import { TijianError } from '../i18n/errors.js';
import { CANONICAL_TABLES, tableDef } from '../schema/tables.js';
import type { FieldDef, TableDef } from '../schema/types.js';

export interface ColumnMapping {
  /** Position of the column in the file. */
  index: number;
  /** The header as written in the file. */
  header: string;
  /** Canonical field, or null when the column is not mapped (its values go to `extras`). */
  field: string | null;
  /** Multiplier for bare numbers, from a unit in the header (（万元） → 10000). */
  scale?: number;
}

export interface Mapping {
  table: string;
  columns: ColumnMapping[];
  /** Where the mapping came from. */
  origin: 'detected' | 'mapping-file' | 'remembered';
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

const UNIT_SUFFIX = /\((元|万元|人民币元|天|日|学时|小时|次|%)\)$/;

/** The unit written in brackets at the end of a header, and the header without it. */
function splitUnit(norm: string): { base: string; unit?: string } {
  const m = UNIT_SUFFIX.exec(norm);
  if (!m) return { base: norm };
  return { base: norm.slice(0, m.index), unit: m[1] };
}

type AliasIndex = Map<string, FieldDef>;
const aliasIndexes = new Map<string, AliasIndex>();

function aliasIndex(t: TableDef): AliasIndex {
  let idx = aliasIndexes.get(t.name);
  if (!idx) {
    idx = new Map();
    for (const f of t.fields) {
      for (const a of [f.name, ...f.aliases]) {
        const n = normHeader(a);
        if (!idx.has(n)) idx.set(n, f);
        const { base } = splitUnit(n);
        if (!idx.has(base)) idx.set(base, f);
      }
    }
    aliasIndexes.set(t.name, idx);
  }
  return idx;
}

/** The field of table `t` a header names, if any, with the scale its unit implies. */
export function matchHeader(t: TableDef, header: string): { field: FieldDef; scale?: number } | undefined {
  const idx = aliasIndex(t);
  const n = normHeader(header);
  const direct = idx.get(n);
  const { base, unit } = splitUnit(n);
  const field = direct ?? idx.get(base);
  if (!field) return undefined;
  if (field.kind === 'money' && unit === '万元') return { field, scale: 10000 };
  return { field };
}

export interface TableMatch {
  table: TableDef;
  columns: ColumnMapping[];
  matched: number;
  missingRequired: FieldDef[];
  duplicates: Array<{ field: string; headers: string[] }>;
}

/** Maps headers onto one table: the first header naming a field wins; later ones stay unmapped. */
export function matchTable(t: TableDef, headers: readonly string[]): TableMatch {
  const seen = new Map<string, ColumnMapping>();
  const duplicates = new Map<string, string[]>();
  const columns: ColumnMapping[] = headers.map((header, index) => {
    const m = matchHeader(t, header);
    if (!m) return { index, header, field: null };
    const prior = seen.get(m.field.name);
    if (prior) {
      const list = duplicates.get(m.field.name) ?? [prior.header];
      list.push(header);
      duplicates.set(m.field.name, list);
      return { index, header, field: null };
    }
    const col: ColumnMapping = { index, header, field: m.field.name };
    if (m.scale) col.scale = m.scale;
    seen.set(m.field.name, col);
    return col;
  });
  const missingRequired = t.fields.filter((f) => f.required && !seen.has(f.name));
  return {
    table: t,
    columns,
    matched: seen.size,
    missingRequired,
    duplicates: [...duplicates].map(([field, hs]) => ({ field, headers: hs })),
  };
}

/** How well a header row fits any table: used to find the header row below title rows. */
export function headerScore(headers: readonly string[]): number {
  let best = 0;
  for (const t of CANONICAL_TABLES) best = Math.max(best, matchTable(t, headers).matched);
  return best;
}

/** Picks the table whose fields the headers name most completely. */
export function detectTable(headers: readonly string[], fileName: string): Mapping {
  const candidates = CANONICAL_TABLES.map((t) => matchTable(t, headers)).sort((a, b) => {
    const ca = a.missingRequired.length === 0 ? 1 : 0;
    const cb = b.missingRequired.length === 0 ? 1 : 0;
    if (ca !== cb) return cb - ca;
    if (a.matched !== b.matched) return b.matched - a.matched;
    return detectScore(b) - detectScore(a);
  });
  const best = candidates[0]!;
  const second = candidates[1];
  if (best.missingRequired.length > 0 || best.matched < 2) {
    const missing = best.missingRequired.map((f) => `${f.zh}（${f.name}）`).join('、');
    throw new TijianError(
      'TABLE_UNKNOWN',
      `无法从表头识别“${fileName}”对应的数据表。最接近的是“${best.table.zh}”（${best.table.name}），但缺少必需列：${missing || '（匹配列过少）'}。` +
        `请运行 \`tijian map ${fileName}\` 生成映射模板，填写后用 --mapping 导入。`,
      `Cannot tell which table "${fileName}" holds from its headers. Closest is ${best.table.en} (${best.table.name}), missing required columns: ` +
        `${best.missingRequired.map((f) => f.name).join(', ') || '(too few columns matched)'}. Run \`tijian map ${fileName}\` for a mapping template, fill it in and import with --mapping.`,
      { headers, closest: best.table.name, missing: best.missingRequired.map((f) => f.name) },
    );
  }
  if (
    second &&
    second.missingRequired.length === 0 &&
    second.matched === best.matched &&
    detectScore(second) === detectScore(best)
  ) {
    throw new TijianError(
      'TABLE_AMBIGUOUS',
      `“${fileName}”的表头同样符合“${best.table.zh}”和“${second.table.zh}”。请用映射文件（--mapping）指明数据表。`,
      `The headers of "${fileName}" fit both ${best.table.name} and ${second.table.name}. Name the table in a mapping file (--mapping).`,
    );
  }
  return { table: best.table.name, columns: best.columns, origin: 'detected' };
}

function detectScore(m: TableMatch): number {
  const mapped = new Set(m.columns.map((c) => c.field));
  return (m.table.detectBy ?? []).filter((f) => mapped.has(f)).length;
}

/** Stable key of a header layout, to remember a mapping for files shaped the same way. */
export function layoutKey(headers: readonly string[]): string {
  return createHash('sha256')
    .update(JSON.stringify(headers.map(normHeader)))
    .digest('hex')
    .slice(0, 32);
}

/** Checks a mapping against its table: required fields present, fields known. */
export function checkMapping(m: Mapping, fileName: string): void {
  const t = tableDef(m.table);
  if (!t) {
    throw new TijianError('MAPPING_INVALID', `映射指定的数据表“${m.table}”不存在。`, `The mapping names an unknown table "${m.table}".`);
  }
  const mapped = new Set(m.columns.map((c) => c.field).filter((f): f is string => !!f));
  const missing = t.fields.filter((f) => f.required && !mapped.has(f.name));
  if (missing.length) {
    throw new TijianError(
      'MAPPING_MISSING_REQUIRED',
      `“${fileName}”映射到“${t.zh}”后缺少必需列：${missing.map((f) => `${f.zh}（${f.name}）`).join('、')}。请在映射文件中为它们指定表头。`,
      `Mapping "${fileName}" onto ${t.name} leaves required fields unmapped: ${missing.map((f) => f.name).join(', ')}. Name their headers in the mapping file.`,
    );
  }
}

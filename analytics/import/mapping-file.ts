// User-written column mappings (YAML), for exports whose headers Tijian does not recognise.
// `tijian map FILE` prints a template; `tijian import --mapping M.yaml FILE` applies it.
import { readFileSync, statSync } from 'node:fs';
import { isMap, isScalar, parseDocument, visit, type Node as YamlNode } from 'yaml';
import { z } from 'zod';
import { TijianError } from '../i18n/errors.js';
import { shellQuote } from '../i18n/shell.js';
import { CANONICAL_TABLES, tableDef } from '../schema/tables.js';
import type { TableDef } from '../schema/types.js';
import { detectTable, matchTable, normHeader, type ColumnMapping, type Mapping } from './headers.js';
import { normaliseHeader } from './recognise/normalise.js';
import { analyse } from './recognise/score.js';

const MappingTarget = z.union([
  z.string().min(1),
  z.null(),
  // fallback: the column fills its field only where the field's own column is empty
  // date_order: dates written with the year last, month first (mdy: 3/20/2024) or day first (dmy)
  z.object({ field: z.string().min(1).nullable(), scale: z.number().positive().optional(), fallback: z.boolean().optional(), date_order: z.enum(['mdy', 'dmy']).optional() }).strict(),
]);

export const MappingFile = z
  .object({
    table: z.string().min(1),
    columns: z.record(z.string(), MappingTarget),
    /** Enum values: field → text as written in the file → canonical value (~: leave it unmatched). */
    values: z.record(z.string(), z.record(z.string(), z.string().min(1).nullable())).optional(),
  })
  .strict();
export type MappingFile = z.infer<typeof MappingFile>;

export interface PathError {
  path: string;
  message: string;
}

/** A mapping file lists a file's headers (tijian map prints them): a few kB. Past this it is not
 *  one (and YAML of this size takes seconds to read). */
export const MAPPING_FILE_MAX_BYTES = 1024 * 1024;
/** The most columns a sheet can have (XLSX: XFD): a mapping listing more cannot fit any file. */
export const MAPPING_MAX_COLUMNS = 16_384;
/** Errors printed in full; the rest are counted. */
const MAX_SHOWN_ERRORS = 30;
/** A money column's scale is a whole multiplier (the conversion reads it as DECIMAL(18,0)). */
const SCALE_MAX = 100_000_000;
const SCALE_MIN_NUMBER = 0.0001;

/** A value as the user may be shown it: short (a 300-digit number or a 1 MB header is not echoed). */
export function brief(v: unknown, max = 40): string {
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) return String(v);
    const a = Math.abs(v);
    if (a !== 0 && (a >= 1e9 || a < 1e-4)) return v.toExponential(2).replace(/\.?0+e/, 'e');
    const s = String(v);
    return s.length > 12 ? String(Number(v.toPrecision(6))) : s;
  }
  const s = typeof v === 'string' ? v : v === undefined ? '（空）' : JSON.stringify(v) ?? String(v);
  return s.length > max ? `${s.slice(0, max)}…（共 ${s.length} 字）` : s;
}

const kb = (n: number) => (n >= 1024 * 1024 ? `${Number((n / 1024 / 1024).toFixed(2))} MB` : `${Math.ceil(n / 1024)} kB`);

function pathOf(p: ReadonlyArray<PropertyKey>): string {
  return p.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${brief(String(k))}` : brief(String(k))), '');
}

const TARGET_FORMS = '字段名、~（不映射）或 {field: 字段名, scale: 倍数, fallback: true}';
const TARGET_FORMS_EN = 'a field name, ~ (leave unmapped) or {field: NAME, scale: FACTOR, fallback: true}';

/** zod's issues, in Chinese and English, saying what to write instead. */
function issueMessage(iss: z.core.$ZodRawIssue): string {
  const path = iss.path ?? [];
  const where = path.map(String);
  const got = 'input' in iss ? iss.input : undefined;
  const gotText = got === undefined ? '' : `，而不是 ${brief(got)}`;
  const gotEn = got === undefined ? '' : `, not ${brief(got)}`;
  if (iss.code === 'unrecognized_keys') {
    const keys = iss.keys.map((k) => brief(k)).join('、');
    return where.length === 0
      ? `不认识的键：${keys}。映射文件只有 table、columns、values 三项，请删去或改正 / unknown key(s) ${iss.keys.map((k) => brief(k)).join(', ')}: a mapping file has only table, columns and values`
      : `不认识的键：${keys}。一列的写法只有 field、scale、fallback、date_order，请删去或改正 / unknown key(s) ${iss.keys.map((k) => brief(k)).join(', ')}: a column takes only field, scale, fallback and date_order`;
  }
  if (where.length === 0) {
    return `映射文件应为键值对（table: 数据表名, columns: 表头: 字段），而不是 ${Array.isArray(got) ? '列表' : brief(got)}；tijian map 文件 可打印模板 / a mapping file is a map (table: …, columns: …), not ${Array.isArray(got) ? 'a list' : brief(got)}; tijian map FILE prints a template`;
  }
  const [top, , third] = where;
  if (top === 'table') {
    return got === undefined
      ? `缺少 table：写上数据表名，可选：${CANONICAL_TABLES.map((x) => x.name).join(', ')} / table missing: name the table`
      : `table 应为数据表名，可选：${CANONICAL_TABLES.map((x) => x.name).join(', ')}${gotText} / table must name a table${gotEn}`;
  }
  if (top === 'columns' && where.length === 1) {
    return got === undefined
      ? '缺少 columns：逐行写“表头: 字段” / columns missing: write one "header: field" line per column'
      : `columns 应为“表头: 字段”的键值对${gotText} / columns must map each header to a field${gotEn}`;
  }
  if (top === 'columns' && where.length === 2) {
    if (got && typeof got === 'object' && !Array.isArray(got)) {
      const o = got as Record<string, unknown>;
      const bad: string[] = [];
      const badEn: string[] = [];
      if (!('field' in o)) bad.push('缺少 field（字段名，或 ~）'), badEn.push('field missing (a field name, or ~)');
      else if (o.field !== null && (typeof o.field !== 'string' || !o.field)) bad.push(`field 应为字段名或 ~，而不是 ${brief(o.field)}`), badEn.push(`field must be a field name or ~, not ${brief(o.field)}`);
      if ('scale' in o && typeof o.scale !== 'number') bad.push(`scale 应为数字（万元写 10000），而不是 ${brief(o.scale)}`), badEn.push(`scale must be a number (10000 for 万元), not ${brief(o.scale)}`);
      if ('fallback' in o && typeof o.fallback !== 'boolean') bad.push(`fallback 应为 true 或 false，而不是 ${brief(o.fallback)}`), badEn.push(`fallback must be true or false, not ${brief(o.fallback)}`);
      if (bad.length) return `${bad.join('；')} / ${badEn.join('; ')}`;
    }
    return iss.code === 'too_small'
      ? `字段名不能为空：写字段名，或写 ~ 不映射 / the field is empty: write a field name, or ~ to leave the column unmapped`
      : `应为${TARGET_FORMS}${gotText} / must be ${TARGET_FORMS_EN}${gotEn}`;
  }
  if (top === 'columns' && third === 'scale') {
    return `scale 应为大于 0 的倍数（元写 1，万元写 10000）${gotText} / scale must be a factor above 0 (1 for 元, 10000 for 万元)${gotEn}`;
  }
  if (top === 'columns' && third === 'field') return `field 应为字段名或 ~${gotText} / field must be a field name or ~${gotEn}`;
  if (top === 'columns' && third === 'date_order') return `date_order 应为 mdy（月/日/年，如 3/20/2024）或 dmy（日/月/年，如 20/3/2024）${gotText} / date_order must be mdy (3/20/2024) or dmy (20/3/2024)${gotEn}`;
  if (top === 'columns' && third === 'fallback') return `fallback 应为 true 或 false${gotText} / fallback must be true or false${gotEn}`;
  if (top === 'values' && where.length <= 2) {
    return `values 应写成“字段: {文件中的写法: 标准值}”${gotText} / values must be written "field: {text as written: canonical value}"${gotEn}`;
  }
  if (top === 'values') {
    return `应为标准值，或写 ~ 保持未匹配${gotText} / must be a canonical value, or ~ to leave it unmatched${gotEn}`;
  }
  return `此处的值不合要求${gotText} / invalid value here${gotEn}`;
}

/** YAML's own complaint (English), with where it is in Chinese. */
function yamlError(e: { message: string; linePos?: [{ line: number; col: number }, ...unknown[]] }): PathError {
  const at = e.linePos?.[0];
  const first = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const zhAt = at ? `第 ${at.line} 行第 ${at.col} 列` : '';
  const enAt = at ? ` at line ${at.line}, column ${at.col}` : '';
  const fix = /alias/i.test(first) ? '别名（*名称）引用过多，请直接写出内容' : '请检查该处的缩进、冒号和引号';
  return { path: '', message: `YAML 语法错误${zhAt ? `（${zhAt}）` : ''}：${fix} / YAML syntax error${enAt}: ${brief(first, 200)}` };
}

/** Keys written twice in one map (YAML's own check compares every key with every other: minutes
 *  for a large file). */
function duplicateKeys(contents: YamlNode | null): PathError[] {
  const out: PathError[] = [];
  const pathOfNode = new Map<unknown, string>();
  visit(contents as never, {
    Map(_key, node, path) {
      if (!isMap(node)) return;
      const parentPair = path[path.length - 1];
      const parentKey = parentPair && 'key' in (parentPair as object) ? (parentPair as { key: unknown }).key : undefined;
      const parentMap = path[path.length - 2];
      const base = parentMap ? pathOfNode.get(parentMap) : '';
      const own = parentKey === undefined ? '' : [base, brief(String(isScalar(parentKey) ? parentKey.value : parentKey))].filter(Boolean).join('.');
      pathOfNode.set(node, own);
      const seen = new Set<string>();
      for (const p of node.items) {
        const k = String(isScalar(p.key) ? p.key.value : p.key);
        if (seen.has(k)) {
          out.push({ path: [own, brief(k)].filter(Boolean).join('.'), message: `“${brief(k)}”写了两次：删去其中一行 / "${brief(k)}" is written twice: remove one` });
        } else seen.add(k);
      }
    },
  });
  return out;
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The checks zod cannot make (the table's fields), on whatever parts of the file are well formed:
 *  every problem is told at once. */
function checkAgainstTable(t: TableDef, doc: Record<string, unknown>, errors: PathError[]): void {
  const names = new Set(t.fields.map((f) => f.name));
  if (isPlainObject(doc.values)) {
    for (const [field, map] of Object.entries(doc.values)) {
      const f = t.fields.find((x) => x.name === field);
      if (!f || f.kind !== 'enum') {
        const enums = t.fields.filter((x) => x.kind === 'enum').map((x) => x.name);
        errors.push({ path: `values.${brief(field)}`, message: `“${t.name}”没有可选值字段“${brief(field)}”，可选：${enums.join(', ') || '（无）'} / not an enum field of ${t.name}` });
        continue;
      }
      if (!isPlainObject(map)) continue;
      const allowed = Object.keys(f.values ?? {});
      for (const [raw, canon] of Object.entries(map)) {
        if (typeof canon === 'string' && canon && !allowed.includes(canon)) {
          errors.push({ path: `values.${field}.${brief(raw)}`, message: `“${brief(canon)}”不是“${f.zh}”的可选值，可选：${allowed.join('、')}，或写 ~ / not a value of ${f.name}` });
        }
      }
    }
  }
  if (!isPlainObject(doc.columns)) return;
  const entries = Object.entries(doc.columns);
  if (entries.length > MAPPING_MAX_COLUMNS) {
    errors.push({
      path: 'columns',
      message: `列出了 ${entries.length} 列，多于任何文件可有的 ${MAPPING_MAX_COLUMNS} 列：映射只需列出文件的表头（tijian map 文件 可打印） / lists ${entries.length} columns, more than any file can have (${MAPPING_MAX_COLUMNS}): list the file's headers only (tijian map FILE prints them)`,
    });
    return;
  }
  const byField = new Map<string, string[]>();
  const byNorm = new Map<string, string>();
  for (const [header, target] of entries) {
    const path = `columns.${brief(header)}`;
    const same = byNorm.get(normHeader(header));
    if (same !== undefined) {
      errors.push({ path, message: `与“${brief(same)}”是同一表头（不计空格、全半角和大小写）：删去其中一行 / the same header as "${brief(same)}" (spaces, width and case aside): remove one` });
    } else byNorm.set(normHeader(header), header);
    const obj = isPlainObject(target) ? target : null;
    const field = typeof target === 'string' ? target : obj && typeof obj.field === 'string' ? obj.field : null;
    if (!field) continue;
    if (!names.has(field)) {
      errors.push({ path, message: `“${t.name}”没有字段“${brief(field)}”，可选：${[...names].join(', ')} / ${t.name} has no field "${brief(field)}": use one of those listed` });
      continue;
    }
    if (obj?.fallback !== true) byField.set(field, [...(byField.get(field) ?? []), header]);
    const scale = obj?.scale;
    if (typeof scale === 'number' && scale > 0) {
      const f = t.fields.find((x) => x.name === field)!;
      if (f.kind === 'money' && !(Number.isInteger(scale) && scale <= SCALE_MAX)) {
        errors.push({
          path: `${path}.scale`,
          message: `金额的 scale 应为 1 至 ${SCALE_MAX} 的整数（元写 1，千元 1000，万元 10000，亿元 ${SCALE_MAX}），而不是 ${brief(scale)} / a money scale must be a whole number from 1 to ${SCALE_MAX} (1 for 元, 10000 for 万元), not ${brief(scale)}`,
        });
      } else if (f.kind === 'number' && !(scale >= SCALE_MIN_NUMBER && scale <= SCALE_MAX)) {
        errors.push({
          path: `${path}.scale`,
          message: `scale 应在 ${SCALE_MIN_NUMBER} 至 ${SCALE_MAX} 之间，而不是 ${brief(scale)} / scale must be from ${SCALE_MIN_NUMBER} to ${SCALE_MAX}, not ${brief(scale)}`,
        });
      } else if (f.kind !== 'money' && f.kind !== 'number') {
        errors.push({
          path: `${path}.scale`,
          message: `scale 只用于金额或数值字段，“${f.zh}”（${f.name}）不是：删去 scale / scale applies to money and number fields only, not to ${f.name}: remove it`,
        });
      }
    }
  }
  // Two columns for one field: one of them would be dropped (a fallback fills the field only where
  // its own column is empty, and says so).
  for (const [field, headers] of byField) {
    if (headers.length < 2) continue;
    const f = t.fields.find((x) => x.name === field)!;
    const isList = f.kind === 'list' || f.kind === 'reflist';
    const shown = headers.slice(0, 5).map((h) => `“${brief(h)}”`).join('、') + (headers.length > 5 ? ` 等 ${headers.length} 列` : '');
    const shownEn = headers.slice(0, 5).map((h) => `"${brief(h)}"`).join(', ') + (headers.length > 5 ? ` and ${headers.length - 5} more` : '');
    errors.push({
      path: `columns.${brief(headers[1]!)}`,
      message:
        `${shown}都映射到字段 ${field}（${f.zh}），一个字段只能取一列：改正映射错的那一列；${isList ? '若几列同为一份名单（执法人员1、执法人员2），其后的列写' : '若一列只在另一列为空时补空，写'} ${brief(headers[1]!)}: {field: ${field}, fallback: true} / ` +
        `${shownEn} are all mapped to ${field}: a field takes one column. Correct the wrong one; ${isList ? 'for a list over several columns (officers 1, 2), write for each later one' : 'for a column that only fills the field where the other is empty, write'} {field: ${field}, fallback: true}`,
    });
  }
}

/** Parses and checks a mapping file; every problem is reported at once. */
export function parseMappingFile(text: string, source = 'mapping'): { mapping?: MappingFile; errors: PathError[] } {
  void source;
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > MAPPING_FILE_MAX_BYTES) return { errors: [tooLarge(bytes)] };
  // (YAML's own duplicate-key check is quadratic: duplicateKeys does it in one pass)
  const ydoc = parseDocument(text, { uniqueKeys: false });
  if (ydoc.errors.length) return { errors: ydoc.errors.slice(0, MAX_SHOWN_ERRORS).map((e) => yamlError(e as never)) };
  let doc: unknown;
  try {
    doc = ydoc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { errors: [yamlError(e as never)] };
  }
  const errors: PathError[] = duplicateKeys(ydoc.contents as YamlNode | null);
  const parsed = MappingFile.safeParse(doc, { error: (iss) => issueMessage(iss) });
  if (!parsed.success) errors.push(...parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })));
  if (isPlainObject(doc) && typeof doc.table === 'string' && doc.table) {
    const t = tableDef(doc.table);
    if (!t) {
      errors.push({
        path: 'table',
        message: `未知数据表“${brief(doc.table)}”，可选：${CANONICAL_TABLES.map((x) => x.name).join(', ')} / unknown table`,
      });
    } else checkAgainstTable(t, doc, errors);
  }
  return errors.length || !parsed.success ? { errors } : { mapping: parsed.data, errors: [] };
}

function tooLarge(bytes: number): PathError {
  return {
    path: '',
    message: `映射文件过大（${kb(bytes)}，上限 ${kb(MAPPING_FILE_MAX_BYTES)}）：映射只需列出文件的表头，tijian map 文件 可打印模板 / the mapping file is too large (${kb(bytes)}; limit ${kb(MAPPING_FILE_MAX_BYTES)}): list the file's headers only; tijian map FILE prints a template`,
  };
}

export function loadMappingFile(path: string): MappingFile {
  const size = statSync(path).size;
  const { mapping, errors } = size > MAPPING_FILE_MAX_BYTES ? { mapping: undefined, errors: [tooLarge(size)] } : parseMappingFile(readFileSync(path, 'utf8'), path);
  if (!mapping) {
    const shown = errors.slice(0, MAX_SHOWN_ERRORS).map((e) => `  ${e.path || '(根 root)'}: ${e.message}`);
    if (errors.length > MAX_SHOWN_ERRORS) shown.push(`  ……另有 ${errors.length - MAX_SHOWN_ERRORS} 处 / … and ${errors.length - MAX_SHOWN_ERRORS} more`);
    throw new TijianError(
      'MAPPING_INVALID',
      `映射文件“${path}”有 ${errors.length} 处错误：\n${shown.join('\n')}`,
      `Mapping file "${path}" has ${errors.length} error(s); see above.`,
      errors,
    );
  }
  return mapping;
}

/** Applies a mapping file to a file's headers. Headers the file does not list are recognised as
 *  usual; the ones it lists are sure. A header it lists that the file does not have is an error:
 *  a typo, or the mapping of another layout — ignoring it would leave the column it meant to
 *  recognition or unmapped, without a word — unless `allowAbsent`. */
export function applyMappingFile(m: MappingFile, headers: readonly string[], opts: { allowAbsent?: boolean } = {}): Mapping {
  const t = tableDef(m.table)!;
  const byNorm = new Map(Object.entries(m.columns).map(([h, target]) => [normHeader(h), target] as const));
  // A file header with a unit in brackets the mapping lists bare (罚款上限（万元） for 罚款上限 — a
  // units row read into the header, or a later version of the export adding it) is that column,
  // unless the file also has the bare header.
  const exact = new Set(headers.map(normHeader));
  const keyOf = (header: string): string => {
    const k = normHeader(header);
    if (byNorm.has(k) || !normaliseHeader(header).unit) return k;
    const bare = k.replace(/[(（][^()（）]*[)）]$/, '');
    return bare !== k && byNorm.has(bare) && !exact.has(bare) ? bare : k;
  };
  const present = new Set(headers.map(keyOf));
  const absent = Object.keys(m.columns).filter((h) => !present.has(normHeader(h)));
  // (`allowAbsent`: the file's other sheets and the second table on a sheet, under headers of
  // their own — the mapping is written for the first table; there it applies where it fits)
  if (absent.length && !opts.allowAbsent) throw absentColumns(m, absent, headers);
  const auto = matchTable(t, headers);
  const used = new Set<string>();
  const columns: ColumnMapping[] = headers.map((header, index) => {
    const target = byNorm.get(keyOf(header));
    if (target === undefined) return { ...auto.columns[index]! };
    const field = typeof target === 'string' ? target : target?.field ?? null;
    const col: ColumnMapping = { index, header, field, confidence: field ? 'sure' : 'none', why: '映射中指定', why_en: 'given in the mapping' };
    // The header's unit (罚款金额（万元）) scales a money or number column as recognition does,
    // unless the mapping gives its own scale: a mapping that names only the field must not read
    // 0.2 万元 as 0.20 元.
    const kind = field ? t.fields.find((f) => f.name === field)?.kind : undefined;
    // (a field code stands for its standard's name: CF_FKJE is 罚款金额（万元）, so 万元 as well)
    const scale = target && typeof target === 'object' && target.scale ? target.scale : normaliseHeader(header).scale ?? analyse(header).norm.scale;
    if (scale && (kind === 'money' || kind === 'number')) col.scale = scale;
    if (field && target && typeof target === 'object' && target.fallback) col.fallback = true;
    if (kind === 'date' && target && typeof target === 'object' && target.date_order) col.dateOrder = target.date_order;
    return col;
  });
  // A field the file maps explicitly wins over the same field found by recognition.
  const explicit = new Set(
    columns.filter((c) => byNorm.has(keyOf(c.header)) && c.field).map((c) => c.field as string),
  );
  for (const c of columns) {
    // a fallback shares its field with the field's own column
    if (!c.field || c.fallback) continue;
    if ((!byNorm.has(keyOf(c.header)) && explicit.has(c.field)) || used.has(c.field)) {
      c.field = null;
      c.confidence = 'none';
    } else used.add(c.field);
  }
  const out: Mapping = { table: t.name, columns, origin: 'mapping-file', missing: auto.missing };
  if (m.values && Object.keys(m.values).length) out.values = m.values;
  return out;
}

/** How alike two headers are: the share of their character pairs in common (Dice). */
function likeness(a: string, b: string): number {
  const pairs = (s: string) => {
    const out = new Map<string, number>();
    for (let i = 0; i + 1 < s.length; i++) out.set(s.slice(i, i + 2), (out.get(s.slice(i, i + 2)) ?? 0) + 1);
    return out;
  };
  const pa = pairs(a);
  const pb = pairs(b);
  let common = 0;
  for (const [k, n] of pa) common += Math.min(n, pb.get(k) ?? 0);
  const total = Math.max(1, a.length - 1 + (b.length - 1));
  return (2 * common) / total;
}

function absentColumns(m: MappingFile, absent: readonly string[], headers: readonly string[]): TijianError {
  const listed = new Set(Object.keys(m.columns).map(normHeader));
  const unlisted = headers.filter((h) => !listed.has(normHeader(h)));
  // the file's header each one most likely meant (a typo: 当事人名 for 当事人)
  const near = (h: string): string | undefined => {
    const n = normHeader(h);
    let best: string | undefined;
    let score = 0.5;
    for (const u of unlisted.slice(0, 2000)) {
      const v = normHeader(u);
      const s = n.includes(v) || v.includes(n) ? 0.9 : likeness(n, v);
      if (s > score) (best = u), (score = s);
    }
    return best;
  };
  const shown = absent.slice(0, 10).map((h) => ({ h, near: near(h) }));
  const more = absent.length > 10 ? absent.length - 10 : 0;
  const zhAbsent = shown.map((x) => `“${brief(x.h)}”${x.near ? `（文件中相近的：“${brief(x.near)}”）` : ''}`).join('、') + (more ? ` 等（另 ${more} 列）` : '');
  const enAbsent = shown.map((x) => `"${brief(x.h)}"${x.near ? ` (the file has "${brief(x.near)}")` : ''}`).join(', ') + (more ? ` and ${more} more` : '');
  const hint = shown.some((x) => x.near) || !unlisted.length ? null : unlisted.slice(0, 10);
  const zhUnlisted = hint ? `；文件中映射未列出的表头：${hint.map((h) => `“${brief(h)}”`).join('、')}${unlisted.length > 10 ? ` 等 ${unlisted.length} 列` : ''}` : '';
  const enUnlisted = hint ? `; the file's headers the mapping does not list: ${hint.map((h) => `"${brief(h)}"`).join(', ')}${unlisted.length > 10 ? ` and ${unlisted.length - 10} more` : ''}` : '';
  return new TijianError(
    'MAPPING_INVALID',
    `映射列出的 ${absent.length} 列在此文件的表头中没有：${zhAbsent}。请把它们改成文件中的表头（tijian map 文件 可打印），或删去这些行${zhUnlisted}`,
    `${absent.length} column(s) the mapping lists are not among this file's headers: ${enAbsent}. Change them to the file's headers (tijian map FILE prints them) or remove those lines${enUnlisted}`,
    { absent: absent.slice(0, 100), count: absent.length },
  );
}

/** A mapping template for a file: the closest table, every header, and the fields to choose from. */
export function mappingTemplate(fileName: string, headers: readonly string[]): string {
  const detected = detectTable(headers, fileName);
  const t = tableDef(detected.table)!;
  const q = (s: string) => (/^[\w\u4e00-\u9fff（）()]+$/.test(s) ? s : JSON.stringify(s));
  const lines = [
    `# Tijian 列映射模板 / column mapping template`,
    `# 文件 file: ${fileName}`,
    `# 把每个表头对应到一个字段；不需要的列写 ~（其值保存在 extras 中）。标“待确认”的是推测，请核对。`,
    `# Map each header to a field; write ~ for columns to leave unmapped (kept in extras). Lines marked 待确认 are guesses: check them.`,
    `# 使用 use: tijian import --workspace W.duckdb --mapping THIS.yaml ${shellQuote(fileName)}`,
    `# 可选数据表 tables: ${CANONICAL_TABLES.map((x) => x.name).join(', ')}`,
    `table: ${t.name}${detected.tableConfidence === 'likely' ? '  # 待确认 / to confirm' : ''}`,
    `columns:`,
  ];
  for (const c of detected.columns) {
    const own = normaliseHeader(c.header);
    const unit = own.scale ? own : analyse(c.header).norm;
    const scaleText =
      unit.scale && c.field
        ? `按${unit.unit}读（×${unit.scale}）；若实为元，写 {field: ${c.field}, scale: 1} / read in ${unit.unit} (×${unit.scale}); if in 元, write {field: ${c.field}, scale: 1}`
        : '';
    const notes = [
      ...(!c.field ? ['未识别 / not recognised'] : c.confidence === 'likely' ? [`待确认 / to confirm: ${c.why ?? ''}`] : []),
      ...(scaleText ? [scaleText] : []),
    ];
    const note = notes.length ? `  # ${notes.join('；')}` : '';
    lines.push(`  ${q(c.header)}: ${c.fallback && c.field ? `{field: ${c.field}, fallback: true}` : (c.field ?? '~')}${note}`);
  }
  const enums = t.fields.filter((f) => f.kind === 'enum');
  if (enums.length) {
    lines.push('', '# 可选值的对应（文件中的写法: 标准值），例如 / value mapping (as written: canonical), e.g.:', '# values:');
    for (const f of enums) lines.push(`#   ${f.name}:   # ${f.zh}: ${Object.keys(f.values ?? {}).join('、')}`, `#     文件中的写法: ${Object.keys(f.values ?? {})[0]}`);
  }
  lines.push('', `# ${t.zh}（${t.name}）的字段 / fields:`);
  for (const f of t.fields) {
    const mark = f.required ? ' [必填 required]' : '';
    const mapped = detected.columns.some((c) => c.field === f.name) ? '' : '  ← 未映射 unmapped';
    lines.push(`#   ${f.name}: ${f.zh} / ${f.en} (${f.kind})${mark}${mapped}`);
  }
  return lines.join('\n') + '\n';
}

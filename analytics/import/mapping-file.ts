// User-written column mappings (YAML), for exports whose headers Tijian does not recognise.
// `tijian map FILE` prints a template; `tijian import --mapping M.yaml FILE` applies it.
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { TijianError } from '../i18n/errors.js';
import { CANONICAL_TABLES, tableDef } from '../schema/tables.js';
import { detectTable, matchTable, normHeader, type ColumnMapping, type Mapping } from './headers.js';
import { normaliseHeader } from './recognise/normalise.js';

const MappingTarget = z.union([
  z.string().min(1),
  z.null(),
  // fallback: the column fills its field only where the field's own column is empty
  z.object({ field: z.string().min(1).nullable(), scale: z.number().positive().optional(), fallback: z.boolean().optional() }).strict(),
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

function pathOf(p: ReadonlyArray<PropertyKey>): string {
  return p.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${String(k)}` : String(k)), '');
}

/** Parses and checks a mapping file; every problem is reported at once. */
export function parseMappingFile(text: string, source = 'mapping'): { mapping?: MappingFile; errors: PathError[] } {
  let doc: unknown;
  try {
    doc = parseYaml(text);
  } catch (e) {
    return { errors: [{ path: '', message: `YAML 语法错误 / YAML syntax error: ${(e as Error).message}` }] };
  }
  const parsed = MappingFile.safeParse(doc);
  if (!parsed.success) {
    return { errors: parsed.error.issues.map((i) => ({ path: pathOf(i.path), message: i.message })) };
  }
  const m = parsed.data;
  const errors: PathError[] = [];
  const t = tableDef(m.table);
  if (!t) {
    errors.push({
      path: 'table',
      message: `未知数据表“${m.table}”，可选：${CANONICAL_TABLES.map((x) => x.name).join(', ')} / unknown table`,
    });
  } else {
    const names = new Set(t.fields.map((f) => f.name));
    for (const [field, map] of Object.entries(m.values ?? {})) {
      const f = t.fields.find((x) => x.name === field);
      if (!f || f.kind !== 'enum') {
        const enums = t.fields.filter((x) => x.kind === 'enum').map((x) => x.name);
        errors.push({ path: `values.${field}`, message: `“${t.name}”没有可选值字段“${field}”，可选：${enums.join(', ') || '（无）'} / not an enum field of ${t.name}` });
        continue;
      }
      const allowed = Object.keys(f.values ?? {});
      for (const [raw, canon] of Object.entries(map)) {
        if (canon !== null && !allowed.includes(canon)) {
          errors.push({ path: `values.${field}.${raw}`, message: `“${canon}”不是“${f.zh}”的可选值，可选：${allowed.join('、')} / not a value of ${f.name}` });
        }
      }
    }
    for (const [header, target] of Object.entries(m.columns)) {
      const field = typeof target === 'string' ? target : target?.field ?? null;
      if (field && !names.has(field)) {
        errors.push({
          path: `columns.${header}`,
          message: `“${t.name}”没有字段“${field}”，可选：${[...names].join(', ')} / unknown field of ${t.name}`,
        });
      }
    }
  }
  void source;
  return errors.length ? { errors } : { mapping: m, errors: [] };
}

export function loadMappingFile(path: string): MappingFile {
  const { mapping, errors } = parseMappingFile(readFileSync(path, 'utf8'), path);
  if (!mapping) {
    throw new TijianError(
      'MAPPING_INVALID',
      `映射文件“${path}”有 ${errors.length} 处错误：\n${errors.map((e) => `  ${e.path || '(根)'}: ${e.message}`).join('\n')}`,
      `Mapping file "${path}" has ${errors.length} error(s); see above.`,
      errors,
    );
  }
  return mapping;
}

/** Applies a mapping file to a file's headers. Headers the file does not list are recognised as
 *  usual; the ones it lists are sure. */
export function applyMappingFile(m: MappingFile, headers: readonly string[]): Mapping {
  const t = tableDef(m.table)!;
  const byNorm = new Map(Object.entries(m.columns).map(([h, target]) => [normHeader(h), target] as const));
  const auto = matchTable(t, headers);
  const used = new Set<string>();
  const columns: ColumnMapping[] = headers.map((header, index) => {
    const target = byNorm.get(normHeader(header));
    if (target === undefined) return { ...auto.columns[index]! };
    const field = typeof target === 'string' ? target : target?.field ?? null;
    const col: ColumnMapping = { index, header, field, confidence: field ? 'sure' : 'none', why: '映射中指定', why_en: 'given in the mapping' };
    // The header's unit (罚款金额（万元）) scales a money or number column as recognition does,
    // unless the mapping gives its own scale: a mapping that names only the field must not read
    // 0.2 万元 as 0.20 元.
    const kind = field ? t.fields.find((f) => f.name === field)?.kind : undefined;
    const scale = target && typeof target === 'object' && target.scale ? target.scale : normaliseHeader(header).scale;
    if (scale && (kind === 'money' || kind === 'number')) col.scale = scale;
    if (field && target && typeof target === 'object' && target.fallback) col.fallback = true;
    return col;
  });
  // A field the file maps explicitly wins over the same field found by recognition.
  const explicit = new Set(
    columns.filter((c) => byNorm.has(normHeader(c.header)) && c.field).map((c) => c.field as string),
  );
  for (const c of columns) {
    // a fallback shares its field with the field's own column
    if (!c.field || c.fallback) continue;
    if ((!byNorm.has(normHeader(c.header)) && explicit.has(c.field)) || used.has(c.field)) {
      c.field = null;
      c.confidence = 'none';
    } else used.add(c.field);
  }
  const out: Mapping = { table: t.name, columns, origin: 'mapping-file', missing: auto.missing };
  if (m.values && Object.keys(m.values).length) out.values = m.values;
  return out;
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
    `# 使用 use: tijian import --workspace W.duckdb --mapping THIS.yaml ${fileName}`,
    `# 可选数据表 tables: ${CANONICAL_TABLES.map((x) => x.name).join(', ')}`,
    `table: ${t.name}${detected.tableConfidence === 'likely' ? '  # 待确认 / to confirm' : ''}`,
    `columns:`,
  ];
  for (const c of detected.columns) {
    const unit = normaliseHeader(c.header);
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

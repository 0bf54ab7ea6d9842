// The recognition test corpus: header spellings and enum value spellings seen in public material
// on the systems enforcement exports come from, each with the canonical field or value a person
// would give it. Test data only — the recognition lexicon must never be built from it (README.md).
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { tableDef } from '../../analytics/schema/tables.js';

export const Origin = z.enum(['public', 'pattern']);
export type Origin = z.infer<typeof Origin>;

export const Split = z.enum(['dev', 'holdout', 'fresh', 'fresh2']);
export type Split = z.infer<typeof Split>;

export const HeaderColumn = z
  .object({
    /** Exactly as written in the source: brackets, spaces, 是否 prefixes and all. */
    header: z.string().min(1),
    /** The canonical field, or null where no field corresponds (the column must stay unmapped). */
    field: z.string().min(1).nullable(),
    note: z.string().min(1).optional(),
  })
  .strict();
export type HeaderColumn = z.infer<typeof HeaderColumn>;

// A pattern entry was composed, not seen: it must say which public pattern it follows.
const needsNote = (v: { origin: Origin; note?: string | undefined }) => v.origin !== 'pattern' || !!v.note;
const noteMessage = { message: 'origin: pattern 必须写 note 说明依据的公开样式 / a pattern entry needs a note', path: ['note'] };

export const HeaderLayout = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'id 只用小写字母、数字和连字符 / lowercase, digits and hyphens'),
    source: z.string().min(1),
    origin: Origin,
    table: z.string().min(1),
    split: Split,
    note: z.string().min(1).optional(),
    columns: z.array(HeaderColumn).min(1),
  })
  .strict()
  .refine(needsNote, noteMessage);
export type HeaderLayout = z.infer<typeof HeaderLayout>;

export const HeadersCorpus = z.array(HeaderLayout).min(1);
export type HeadersCorpus = z.infer<typeof HeadersCorpus>;

export const ValueEntry = z
  .object({
    table: z.string().min(1),
    field: z.string().min(1),
    /** Exactly as written in the source. */
    value: z.string().min(1),
    /** The canonical enum value, or null where the enum has no such category. */
    expected: z.string().min(1).nullable(),
    source: z.string().min(1),
    origin: Origin,
    split: Split,
    note: z.string().min(1).optional(),
  })
  .strict()
  .refine(needsNote, noteMessage);
export type ValueEntry = z.infer<typeof ValueEntry>;

export const ValuesCorpus = z.array(ValueEntry).min(1);
export type ValuesCorpus = z.infer<typeof ValuesCorpus>;

export interface PathError {
  path: string;
  message: string;
}

function pathOf(p: ReadonlyArray<PropertyKey>, root: string): string {
  return p.reduce<string>((acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : `${acc}.${String(k)}`), root);
}

function parseDoc(text: string, root: string): { doc?: unknown; errors: PathError[] } {
  try {
    return { doc: parseYaml(text) as unknown, errors: [] };
  } catch (e) {
    return { errors: [{ path: root, message: `YAML 语法错误 / YAML syntax error: ${(e as Error).message}` }] };
  }
}

/** Parses headers.yaml and checks it against the canonical schema; every problem at once. */
export function parseHeadersCorpus(text: string, root = 'headers'): { value?: HeadersCorpus; errors: PathError[] } {
  const { doc, errors } = parseDoc(text, root);
  if (errors.length) return { errors };
  const parsed = HeadersCorpus.safeParse(doc);
  if (!parsed.success) return { errors: parsed.error.issues.map((i) => ({ path: pathOf(i.path, root), message: i.message })) };
  const out: PathError[] = [];
  const ids = new Map<string, number>();
  parsed.data.forEach((layout, li) => {
    const at = `${root}[${li}]`;
    const first = ids.get(layout.id);
    if (first !== undefined) out.push({ path: `${at}.id`, message: `id “${layout.id}” 与 ${root}[${first}] 重复 / duplicate id` });
    else ids.set(layout.id, li);
    const t = tableDef(layout.table);
    if (!t) {
      out.push({ path: `${at}.table`, message: `未知数据表“${layout.table}” / unknown table` });
      return;
    }
    const names = new Set(t.fields.map((f) => f.name));
    const headers = new Map<string, number>();
    const fields = new Map<string, number>();
    layout.columns.forEach((c, ci) => {
      const cat = `${at}.columns[${ci}]`;
      const h = headers.get(c.header);
      if (h !== undefined) out.push({ path: `${cat}.header`, message: `表头“${c.header}”在本布局中重复（见 columns[${h}]）/ duplicate header` });
      else headers.set(c.header, ci);
      if (c.field === null) return;
      if (!names.has(c.field)) {
        out.push({ path: `${cat}.field`, message: `“${t.name}”没有字段“${c.field}” / unknown field of ${t.name}` });
        return;
      }
      // One column per field: the recogniser assigns one-to-one, so the expectation must too — but
      // a list over several columns (主办人 / 协办人, 处罚类别1 / 处罚类别2), whose later columns
      // add to the first (recognise/fallbacks.ts)
      const f = fields.get(c.field);
      const kind = t.fields.find((x) => x.name === c.field)?.kind;
      if (f !== undefined && kind !== 'list' && kind !== 'reflist') out.push({ path: `${cat}.field`, message: `字段“${c.field}”已由 columns[${f}] 对应 / field expected twice in one layout` });
      else fields.set(c.field, ci);
    });
  });
  return out.length ? { errors: out } : { value: parsed.data, errors: [] };
}

/** Parses values.yaml and checks every table, enum field and expected value; every problem at once. */
export function parseValuesCorpus(text: string, root = 'values'): { value?: ValuesCorpus; errors: PathError[] } {
  const { doc, errors } = parseDoc(text, root);
  if (errors.length) return { errors };
  const parsed = ValuesCorpus.safeParse(doc);
  if (!parsed.success) return { errors: parsed.error.issues.map((i) => ({ path: pathOf(i.path, root), message: i.message })) };
  const out: PathError[] = [];
  const seen = new Map<string, number>();
  parsed.data.forEach((v, i) => {
    const at = `${root}[${i}]`;
    const t = tableDef(v.table);
    if (!t) {
      out.push({ path: `${at}.table`, message: `未知数据表“${v.table}” / unknown table` });
      return;
    }
    const f = t.fields.find((x) => x.name === v.field);
    if (!f) {
      out.push({ path: `${at}.field`, message: `“${t.name}”没有字段“${v.field}” / unknown field of ${t.name}` });
      return;
    }
    if (f.kind !== 'enum' || !f.values) {
      out.push({ path: `${at}.field`, message: `“${t.name}.${f.name}”不是枚举字段（${f.kind}）/ not an enum field` });
      return;
    }
    if (v.expected !== null && !Object.hasOwn(f.values, v.expected)) {
      out.push({
        path: `${at}.expected`,
        message: `“${v.expected}”不是“${t.name}.${f.name}”的取值，可选：${Object.keys(f.values).join('、')} / not a value of the enum`,
      });
    }
    const key = `${v.table}\u0000${v.field}\u0000${v.value}`;
    const prev = seen.get(key);
    if (prev !== undefined) out.push({ path: `${at}.value`, message: `“${v.value}”与 ${root}[${prev}] 重复 / duplicate value` });
    else seen.set(key, i);
  });
  return out.length ? { errors: out } : { value: parsed.data, errors: [] };
}

export interface Corpus {
  headers: HeadersCorpus;
  values: ValuesCorpus;
}

export const CORPUS_DIR = dirname(fileURLToPath(import.meta.url));

/** Loads both corpus files; throws with every error, each at its dotted path. */
export function loadCorpus(dir = CORPUS_DIR): Corpus {
  const h = parseHeadersCorpus(readFileSync(join(dir, 'headers.yaml'), 'utf8'), 'headers.yaml');
  const v = parseValuesCorpus(readFileSync(join(dir, 'values.yaml'), 'utf8'), 'values.yaml');
  const errors = [...h.errors, ...v.errors];
  if (errors.length || !h.value || !v.value) {
    throw new Error(
      `语料库有 ${errors.length} 处错误 / the corpus has ${errors.length} error(s):\n` +
        errors.map((e) => `  ${e.path}: ${e.message}`).join('\n'),
    );
  }
  return { headers: h.value, values: v.value };
}

/** Distinct (table, header) spellings, each with every layout it appears in. */
export function distinctHeaders(headers: HeadersCorpus): Map<string, { table: string; header: string; field: string | null; origin: Origin; ids: string[] }> {
  const out = new Map<string, { table: string; header: string; field: string | null; origin: Origin; ids: string[] }>();
  for (const l of headers) {
    for (const c of l.columns) {
      const key = `${l.table}\u0000${c.header}`;
      const e = out.get(key);
      if (e) e.ids.push(l.id);
      else out.set(key, { table: l.table, header: c.header, field: c.field, origin: l.origin, ids: [l.id] });
    }
  }
  return out;
}

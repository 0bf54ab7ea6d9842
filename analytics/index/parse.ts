// Step 1 of loading an index system: text → validated object, or every error at once with its
// dotted path (indicators[3].goalposts.upper). Never half-loads.
import { LineCounter, parseDocument } from 'yaml';
import type { ZodType } from 'zod';
import { IndexSystem } from './schema.js';

/** How many times a YAML file may expand aliases (yaml's own default, stated). */
const MAX_ALIAS_COUNT = 100;

export interface IndexError {
  /** Dotted path into the file, e.g. indicators[3].goalposts.upper ('' for the whole file). */
  path: string;
  /** The indicator's (or dimension's) id when the path is inside one. */
  id?: string;
  /** 1-based line in the file, when known. */
  line?: number;
  message: string;
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  let out = '';
  for (const k of path) {
    if (typeof k === 'number') out += `[${k}]`;
    else out += out ? `.${String(k)}` : String(k);
  }
  return out;
}

/** The id of the list item a path points into (indicators[3] → that indicator's id). */
function idAt(doc: unknown, path: ReadonlyArray<PropertyKey>): string | undefined {
  if (path.length < 2 || typeof path[1] !== 'number') return undefined;
  const list = (doc as Record<string, unknown> | null)?.[String(path[0])];
  const item = Array.isArray(list) ? (list[path[1]] as { id?: unknown } | undefined) : undefined;
  return typeof item?.id === 'string' ? item.id : undefined;
}

/** 1-based line of the node at a path, if the YAML has it. */
function lineAt(doc: ReturnType<typeof parseDocument>, counter: LineCounter, path: ReadonlyArray<PropertyKey>): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = doc.getIn(path.slice(0, n) as unknown[], true) as { range?: [number, number, number] } | undefined;
    if (node && typeof node === 'object' && node.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

export interface ParseResult {
  system?: IndexSystem;
  errors: IndexError[];
}

/**
 * YAML (or JSON) text → a value of `schema`, or every error at once with its dotted path, the id
 * of the list item it is in and its line. Shared by every data file of this kind (index systems,
 * review rules).
 */
export function parseYamlWith<T>(text: string, schema: ZodType<T>): { value?: T; errors: IndexError[] } {
  const counter = new LineCounter();
  let doc: ReturnType<typeof parseDocument>;
  try {
    doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  } catch (e) {
    // the parser's own limits (e.g. a stack overflow on absurd nesting)
    return { errors: [{ path: '', message: `YAML 无法读取 / the YAML cannot be read: ${(e instanceof Error ? e.message : String(e)).split('\n')[0]}` }] };
  }
  if (doc.errors.length) {
    return {
      errors: doc.errors.map((e) => ({
        path: '',
        line: e.linePos?.[0]?.line ?? counter.linePos(e.pos[0]).line,
        message: `YAML 语法错误 / YAML syntax error: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  let data: unknown;
  try {
    // aliases may expand at most this many times (a "billion laughs" file expands millions)
    data = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) as unknown;
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    if (/alias/i.test(msg)) {
      return { errors: [{ path: '', message: `YAML 别名（*引用）展开过多，疑似“别名炸弹”，已拒绝读取；指标体系文件不需要这样多的别名 / too many YAML alias expansions (an alias bomb?); refused — an index file needs nothing like it` }] };
    }
    if (e instanceof RangeError) return { errors: [{ path: '', message: 'YAML 嵌套过深，无法读取 / the YAML nests too deeply to be read' }] };
    return { errors: [{ path: '', message: `YAML 无法读取 / the YAML cannot be read: ${msg.split('\n')[0]}` }] };
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) {
    return {
      errors: parsed.error.issues.map((i) => {
        const e: IndexError = { path: formatPath(i.path), message: i.message };
        const id = idAt(data, i.path);
        if (id) e.id = id;
        const line = lineAt(doc, counter, i.path);
        if (line) e.line = line;
        return e;
      }),
    };
  }
  return { value: parsed.data, errors: [] };
}

export function parseIndexText(text: string): ParseResult {
  const { value, errors } = parseYamlWith(text, IndexSystem);
  return value ? { system: value, errors } : { errors };
}

export function formatIndexErrors(errors: readonly IndexError[], file: string): string {
  return errors
    .map((e) => {
      const where = `${file}${e.line ? `:${e.line}` : ''}`;
      const path = e.path ? `${e.path}${e.id ? ` (${e.id})` : ''}` : '(文件 file)';
      return `${where}  ${path}: ${e.message}`;
    })
    .join('\n');
}

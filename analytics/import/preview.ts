// What importing a file would do, without importing it: its format and encoding, the table its
// headers point to, the column mapping (detected, remembered for this layout, or the user's), what
// is missing, and its first rows. Staged in a private in-memory database, so it never touches the
// workspace and can run while an import does.
import { basename, resolve as resolvePath } from 'node:path';
import type { Table } from 'apache-arrow';
import { queryArrow } from '../arrow/duck-to-arrow.js';
import { Db, ident, lit } from '../db/duck.js';
import { isTijianError, TijianError } from '../i18n/errors.js';
import { tableDef } from '../schema/tables.js';
import { derivedKeyOf, type TableDef } from '../schema/types.js';
import type { Workspace } from '../workspace/workspace.js';
import { previewFeedback } from '../rectify/feedback.js';
import { scanFile } from './file-scan.js';
import { buildConvSql, convName, reasonsSql } from './convert.js';
import { fillGroupedColumns, groupFillNote } from './group-fill.js';
import { checkMapping, derivedKeyNote, type ColumnMapping, type Mapping, type MissingField, type ValueMaps } from './headers.js';
import { chooseMapping, historyColumns, keyWinnersSql } from './import-file.js';
import { deletedNote, supersededNote } from './history-columns.js';
import type { MappingFile } from './mapping-file.js';
import { fallbackOf, matchEnumValue, type ValueHow } from './recognise/values.js';
import type { ProgressFn } from './progress.js';
import { isPlaceholderCode, MACROS_SQL, placeholderCode } from './sql-macros.js';
import { repeatedImport, type FileConstant } from './file-constants.js';
import { statDataFile } from './import-paths.js';
import { extractArchive, isZipName } from './zip-archive.js';
import { rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { invalidValuesOf, type InvalidValue, type InvalidValuesOf } from './soft-values.js';
import { rowShape, scanFacts, stageSource, type FileFormat, type StagedSource } from './sources.js';
import { detectFormat } from './sniff-format.js';

export interface PreviewProblem {
  code: string;
  zh: string;
  en: string;
}

export interface ImportPreview {
  file: string;
  path: string;
  size: number;
  format: FileFormat | null;
  encoding: string | null;
  sha256: string | null;
  headers: string[];
  /** The mapping an import would use now (null when no table fits). */
  mapping: { table: string; columns: ColumnMapping[]; origin: Mapping['origin']; tableConfidence?: 'sure' | 'likely'; values?: ValueMaps; constants?: FileConstant[] } | null;
  /** The tables by how well the headers fit them, best first (detected mappings). */
  ranking: Array<{ table: string; score: number }>;
  /** Required fields no column names, with the columns that come closest. */
  missing: MissingField[];
  /** The enum columns: each distinct text (the commonest first) and the value it gets. */
  values: PreviewEnumColumn[];
  /** Why the file cannot be imported as it is (unknown table, required fields unmapped, …). */
  problem: PreviewProblem | null;
  missingRequired: Array<{ field: string; zh: string; en: string }>;
  /** Headers whose values would go to `extras`. */
  unmapped: string[];
  /** The same bytes were imported before (import id): importing again changes nothing. */
  duplicateOf: number | null;
  warnings: string[];
  lineKind: 'line' | 'sheet_row' | 'record' | null;
  /** The first rows as text, columns c0..cN in header order. */
  sample: Table | null;
  /** Every row checked as the import would check it (values, required fields, keys repeated in
   *  the file, broken lines) — without loading anything. Keys already in the workspace are
   *  checked by the import itself. Null when the mapping is not usable. */
  validation: PreviewValidation | null;
}

export interface PreviewEnumColumn {
  field: string;
  zh: string;
  en: string;
  column: string;
  /** The field's values. */
  options: string[];
  /** What a text that matches nothing gets (其他, or null: left empty). */
  fallback: string | null;
  entries: Array<{ value: string; rows: number; to: string | null; how: ValueHow | 'unmatched'; confidence: 'sure' | 'likely' | 'none' }>;
  /** More distinct texts than listed. */
  more: boolean;
}

export interface PreviewValidation {
  rows: number;
  /** Rows the import would reject. */
  rejected: number;
  /** Every kind of reason, commonest first: code, how many rows, one example. */
  reasons: Array<{ code: string; rows: number; zh: string; en: string }>;
  /** Values of optional fields that cannot be read: their rows load with the field empty and the
   *  text kept (each distinct text, its reason and count). */
  emptied: InvalidValue[];
  /** Fields with more distinct unreadable texts than are listed in `emptied`. */
  emptiedOmitted: InvalidValuesOf['omitted'];
  /** Rows that load with at least one field left empty. */
  emptiedRows: number;
}

export interface PreviewOptions {
  mapping?: MappingFile;
  limit?: number;
  onProgress?: ProgressFn;
  signal?: AbortSignal;
}

const TEXT: ReadonlySet<FileFormat> = new Set(['csv', 'json', 'jsonl']);

function problemOf(e: unknown): PreviewProblem {
  if (isTijianError(e)) return { code: e.code, zh: e.zh, en: e.en };
  const msg = e instanceof Error ? e.message : String(e);
  return { code: 'FILE_UNSUPPORTED', zh: `无法读取文件：${msg}`, en: `Cannot read the file: ${msg}` };
}

/**
 * A zip archive: the preview of its first data file, named 包.zip › 文件 (the import reads every
 * data file of it, each recognised on its own, a mapping given applying to each as to the files
 * of a folder).
 */
async function previewArchive(ws: Workspace | null, path: string, opts: PreviewOptions): Promise<ImportPreview> {
  const file = basename(path);
  const size = statDataFile(path).size;
  let unpacked: Awaited<ReturnType<typeof extractArchive>>;
  try {
    unpacked = await extractArchive(path, ws?.io.dir ?? tmpdir(), opts.signal);
  } catch (e) {
    if (isTijianError(e) && e.code === 'IMPORT_CANCELLED') throw e;
    return { ...blankPreview(file, path, size), problem: problemOf(e) };
  }
  try {
    // (extractArchive refuses an archive without a data file: the problem above)
    const data = unpacked.entries.filter((e) => e.path !== undefined);
    const first = data[0]!;
    const p = await previewFile(ws, first.path!, opts);
    p.file = `${file} › ${first.name}`;
    p.path = path;
    p.size = size;
    p.warnings.unshift(
      data.length > 1
        ? `压缩包中有 ${data.length} 个数据文件，导入时逐个识别，各为一个批次；这里预览的是第一个“${first.name}” / the archive holds ${data.length} data files, each recognised on its own and imported as a batch of its own; the first, "${first.name}", is shown here`
        : `预览的是压缩包中的“${first.name}” / the archive's data file "${first.name}" is shown`,
    );
    return p;
  } finally {
    await rm(unpacked.dir, { recursive: true, force: true });
  }
}

function blankPreview(file: string, path: string, size: number): ImportPreview {
  return {
    file,
    path,
    size,
    format: null,
    encoding: null,
    sha256: null,
    headers: [],
    mapping: null,
    ranking: [],
    missing: [],
    values: [],
    problem: null,
    missingRequired: [],
    unmapped: [],
    duplicateOf: null,
    warnings: [],
    lineKind: null,
    sample: null,
    validation: null,
  };
}

export async function previewFile(ws: Workspace | null, filePath: string, opts: PreviewOptions = {}): Promise<ImportPreview> {
  const path = resolvePath(filePath);
  if (isZipName(path)) return previewArchive(ws, path, opts);
  const file = basename(path);
  const size = statDataFile(path).size;
  const out = blankPreview(file, path, size);
  let format: FileFormat;
  try {
    format = detectFormat(path);
  } catch (e) {
    out.problem = problemOf(e);
    return out;
  }
  out.format = format;
  const progress: ProgressFn | undefined = opts.onProgress ? (e) => opts.onProgress!({ ...e, file }) : undefined;
  const scan = await scanFile(path, TEXT.has(format), (done) => progress?.({ phase: 'hash', done, total: size, unit: 'bytes' }), size);
  out.sha256 = scan.sha256;
  out.encoding = scan.encoding ?? null;
  if (opts.signal?.aborted) throw new TijianError('IMPORT_CANCELLED', '预览已取消。', 'Preview cancelled.');
  if (ws) {
    const prior = repeatedImport(
      await ws.db.all<{ import_id: number; mapping: string | null }>(
        `SELECT import_id, CAST(mapping AS VARCHAR) AS mapping FROM import_log WHERE sha256 = ${lit(scan.sha256)} AND status = 'done' AND sheet IS NULL ORDER BY import_id`,
      ),
      file,
    );
    out.duplicateOf = prior?.import_id ?? null;
  }

  // A rectification feedback form (整改反馈表): what importing it would do to the ledger.
  if (format === 'xlsx' || format === 'xls') {
    let fb: Awaited<ReturnType<typeof previewFeedback>> = null;
    try {
      fb = await previewFeedback(ws?.db ?? null, path);
    } catch (e) {
      out.problem = problemOf(e);
      return out;
    }
    if (fb) {
      out.headers = fb.headers;
      out.lineKind = 'sheet_row';
      out.validation = { rows: fb.rows, rejected: fb.rejected, reasons: fb.reasons, emptied: [], emptiedOmitted: [], emptiedRows: 0 };
      out.warnings = [
        `Tijian 整改反馈表（单位 ${fb.marker.unit_id}，${fb.marker.period}）：导入后更新整改台账，${fb.changed} 个事项有变化 / a rectification feedback form (unit ${fb.marker.unit_id}, ${fb.marker.period}): importing it updates ${fb.changed} item(s) of the ledger`,
      ];
      return out;
    }
  }

  const db = await Db.open(':memory:');
  try {
    await db.exec(MACROS_SQL);
    const onAbort = () => db.interrupt();
    opts.signal?.addEventListener('abort', onAbort);
    let source;
    try {
      source = await stageSource(
        { db, path, tag: 'tj_prev', ...scanFacts(scan), ...(progress ? { onProgress: progress } : {}), ...(opts.signal ? { signal: opts.signal } : {}) },
        format,
      );
    } catch (e) {
      opts.signal?.removeEventListener('abort', onAbort);
      if (opts.signal?.aborted) throw new TijianError('IMPORT_CANCELLED', '预览已取消。', 'Preview cancelled.');
      out.problem = problemOf(e);
      return out;
    }
    try {
      out.headers = source.headers;
      out.lineKind = source.lineKind;
      out.warnings = [...source.warnings];
      // what the preview shows is the first batch; the workbook's other data sheets follow it
      if (source.otherSheets?.length) {
        out.warnings.push(
          `工作表“${source.otherSheets.join('”“')}”也是数据表，导入时各作为单独批次导入（此处预览的是“${source.sheet}”）/ ` +
            `sheet(s) "${source.otherSheets.join('", "')}" hold data too: each is imported as a batch of its own (previewed here: "${source.sheet}")`,
        );
      }
      const cols = source.headers.map((_, i) => `c${i}`).join(', ');
      try {
        out.sample = await queryArrow(db.conn, `SELECT ${cols} FROM ${source.sampleRelation} LIMIT ${Math.max(1, Math.min(opts.limit ?? 50, 500))}`);
      } catch (e) {
        out.warnings.push(`无法读取示例行 / could not read sample rows: ${(e as Error).message}`);
      }
      let mapping: Mapping | null = null;
      try {
        if (opts.mapping) {
          if (!tableDef(opts.mapping.table)) {
            throw new TijianError('MAPPING_INVALID', `映射指定的数据表“${opts.mapping.table}”不存在。`, `The mapping names an unknown table "${opts.mapping.table}".`);
          }
        }
        mapping = await chooseMapping(ws?.db ?? null, source, file, opts.mapping);
        out.mapping = { table: mapping.table, columns: mapping.columns, origin: mapping.origin };
        if (mapping.tableConfidence) out.mapping.tableConfidence = mapping.tableConfidence;
        if (mapping.values) out.mapping.values = mapping.values;
        if (mapping.constants?.length) out.mapping.constants = mapping.constants;
        out.missing = mapping.missing ?? [];
        out.ranking = mapping.ranking ?? [];
        checkMapping(mapping, file);
      } catch (e) {
        out.problem = problemOf(e);
      }
      if (mapping) {
        const t = tableDef(mapping.table)!;
        const mapped = new Set([...mapping.columns.map((c) => c.field).filter(Boolean), ...(mapping.constants ?? []).map((c) => c.field)]);
        const derived = derivedKeyOf(t, mapped);
        if (derived) {
          mapped.add(derived.field);
          out.warnings.push(derivedKeyNote(t, derived));
        }
        out.missingRequired = t.fields.filter((f) => f.required && !mapped.has(f.name)).map((f) => ({ field: f.name, zh: f.zh, en: f.en }));
        out.unmapped = mapping.columns.filter((c) => !c.field).map((c) => c.header);
        try {
          out.values = await enumColumns(db, t, mapping, source);
        } catch (e) {
          out.warnings.push(`未能列出可选值 / could not list the enum values: ${(e as Error).message}`);
        }
        if (!out.problem) {
          try {
            out.validation = await validateRows(db, t, mapping, source, out.warnings);
          } catch (e) {
            if (opts.signal?.aborted) throw new TijianError('IMPORT_CANCELLED', '预览已取消。', 'Preview cancelled.');
            out.warnings.push(`预检未能完成 / pre-check failed: ${(e as Error).message}`);
          }
        }
      }
      return out;
    } finally {
      opts.signal?.removeEventListener('abort', onAbort);
      await source.cleanup().catch(() => undefined);
    }
  } finally {
    db.close();
  }
}

const MAX_VALUES = 200;

/** Each enum column's distinct texts over the whole file and the value each gets. */
async function enumColumns(db: Db, t: TableDef, mapping: Mapping, source: StagedSource): Promise<PreviewEnumColumn[]> {
  const out: PreviewEnumColumn[] = [];
  for (const c of mapping.columns) {
    const f = c.field ? t.fields.find((x) => x.name === c.field) : undefined;
    if (!f || f.kind !== 'enum') continue;
    const rows = await db.all<{ v: string; n: number }>(
      `SELECT v, count(*) AS n FROM (SELECT tj_clean(c${c.index}) AS v FROM ${source.sampleRelation}) WHERE v IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${MAX_VALUES + 1}`,
    );
    const user = mapping.values?.[f.name];
    const userMap = user ? (Object.fromEntries(Object.entries(user).filter(([, v]) => v !== null)) as Record<string, string>) : undefined;
    const entries = rows.slice(0, MAX_VALUES).map((r) => {
      const explicitNone = user && Object.prototype.hasOwnProperty.call(user, r.v) && user[r.v] === null;
      const m = explicitNone ? null : matchEnumValue(t.name, f, r.v, userMap);
      return m
        ? { value: r.v, rows: Number(r.n), to: m.value, how: m.how, confidence: m.confidence }
        : { value: r.v, rows: Number(r.n), to: fallbackOf(f), how: 'unmatched' as const, confidence: 'none' as const };
    });
    out.push({ field: f.name, zh: f.zh, en: f.en, column: c.header, options: Object.keys(f.values ?? {}), fallback: fallbackOf(f), entries, more: rows.length > MAX_VALUES });
  }
  return out;
}

/** The import's row checks, run over the whole file in the preview's private database. */
async function validateRows(db: Db, t: TableDef, mapping: Mapping, source: StagedSource, warnings: string[]): Promise<PreviewValidation> {
  // a grouped report's group values filled down as the import fills them (and said so)
  const grouped = await fillGroupedColumns(db, t, mapping.columns, source);
  if (grouped) warnings.push(groupFillNote(grouped.filled));
  const history = await historyColumns(db, source, mapping.columns);
  const conv = buildConvSql(t, mapping.columns, source.headers, grouped?.relation ?? source.relation, source.hasExtraCells, source.passColumns, source.transcoded, source.spaces, mapping.values, source.controls, mapping.constants, source.cellCount, source.lineBreaks ?? true, rowShape(source), history);
  await db.exec(`CREATE OR REPLACE TEMP TABLE tj_prev_conv AS ${conv.select}`);
  const structural = await source.collectStructural(Number(await db.scalar(`SELECT count(*) FROM tj_prev_conv`)));
  const counts = await db.one<{ n: number; bad: number }>(`SELECT count(*) AS n, count(*) FILTER (WHERE __bad) AS bad FROM tj_prev_conv`);
  const emptied = await invalidValuesOf(db, t, 'tj_prev_conv', conv.soft);
  // a placeholder for "empty" (/, 无) is no value that cannot be read: not warned of here (the
  // import result lists it apart)
  const anySoft = conv.soft.length ? conv.soft.map((x) => `${ident(x.why)} IS NOT NULL AND NOT ends_with(${ident(x.why)}, ${lit(placeholderCode(''))})`).join(' OR ') : 'FALSE';
  const emptiedRows = Number(await db.scalar(`SELECT count(*) FROM tj_prev_conv WHERE NOT __bad AND (${anySoft})`));
  const reasons = await db.all<{ code: string; rows: number; zh: string; en: string }>(
    `SELECT r.code AS code, count(*) AS rows, min(r.zh) AS zh, min(r.en) AS en
     FROM (SELECT unnest(rs) AS r FROM (SELECT ${reasonsSql(conv.reasonChecks)} AS rs FROM ${conv.badRowsCleaned('tj_prev_conv')}))
     GROUP BY 1 ORDER BY 2 DESC, 1`,
  );
  // Keys repeated within the file: every occurrence after the first is rejected.
  const keys = t.key.map((k) => ident(convName(t.fields.find((f) => f.name === k)!))).join(', ');
  // (with versions, as the import decides them: a key's rows but the newest — none when the
  // newest is a deletion)
  const by = conv.versionBy;
  const ordered = source.ordinal === 'rowid' ? `(SELECT rowid + 1 AS __ord, * FROM tj_prev_conv)` : 'tj_prev_conv';
  const dup = Number(
    (await db.scalar(
      by.length
        ? `SELECT count(*) FROM ${ordered} c JOIN (${keyWinnersSql(t, conv, ordered)}) f USING (${keys}) WHERE NOT c.__bad AND c.__ord <> f.first_ord`
        : `SELECT coalesce(sum(c - 1), 0) FROM (SELECT count(*) AS c FROM tj_prev_conv WHERE NOT __bad GROUP BY ${keys} HAVING count(*) > 1)`,
    )) ?? 0,
  );
  // (with a version or change-time column the newest version of a key loads instead of the first)
  if (dup && by.length) {
    reasons.push({
      code: 'key.superseded',
      rows: dup,
      zh: `同一记录在本文件中有多个版本，只导入最新版本（按${by.map((h) => `「${h}」`).join('')}判断新旧）`,
      en: `several versions of one record in the file; only the newest is loaded (told by ${by.map((h) => `"${h}"`).join(', ')})`,
    });
    warnings.push(supersededNote(by, dup));
  } else if (dup) {
    reasons.push({ code: 'key.duplicate_in_file', rows: dup, zh: '主键在本文件中重复，只导入第一条', en: 'duplicate key within the file; only the first is loaded' });
  }
  const deleted = reasons.find((r) => r.code === 'row.deleted');
  if (deleted && history?.markers.length) warnings.push(deletedNote(history.markers, Number(deleted.rows)));
  if (structural.length) {
    const byCode = new Map<string, { rows: number; zh: string; en: string }>();
    for (const r of structural) {
      const e = byCode.get(r.code) ?? { rows: 0, zh: r.reasonZh, en: r.reasonEn };
      e.rows++;
      byCode.set(r.code, e);
    }
    for (const [code, e] of byCode) reasons.push({ code, ...e });
  }
  reasons.sort((a, b) => b.rows - a.rows || a.code.localeCompare(b.code));
  await db.exec(`DROP TABLE IF EXISTS tj_prev_conv; DROP TABLE IF EXISTS tj_group_fill`);
  return {
    rows: Number(counts?.n ?? 0) + structural.length,
    rejected: Number(counts?.bad ?? 0) + dup + structural.length,
    // every kind of problem, not the commonest few: the counts must account for the rejected rows
    reasons: reasons.map((r) => ({ ...r, rows: Number(r.rows) })),
    emptied: emptied.values.filter((v) => !isPlaceholderCode(v.code)),
    emptiedOmitted: emptied.omitted,
    emptiedRows,
  };
}

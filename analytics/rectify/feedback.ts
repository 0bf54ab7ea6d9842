// Importing a unit's filled feedback template (整改情况反馈表) back into the ledger, through the
// import pipeline's own pieces: the file is hashed by scanFile (the same bytes twice change
// nothing), read by the streaming XLSX reader, dates are read by the import's tj_date_c macro, the
// import is logged in import_log and every row that does not match an item goes to rejected_row
// with its line, raw values and reasons in Chinese and English — rows read = updated + rejected,
// checked before commit. One transaction: a failure or a cancel leaves the workspace as it was.
//
// A row is rejected when its item code is missing or unknown, when the item belongs to another
// unit than the file's (or than the row's 单位编码), when its status or completion date cannot
// be read, when the item would be 已整改 without a completion date (or a completion date after
// today) or 不予整改 without a reason, when the same item appeared on an earlier row, or when a cell
// holds a control character or a bidirectional override (FORM_CONTROL). Blank
// cells leave what the ledger holds (a form sent back twice never clears it); 逾期 in the status
// column leaves the status (it is derived from the deadline); a masked 责任人 sent back as it was
// exported leaves the name. Before any row, the form as a whole must be this workspace's, as
// exported: its marker's signature (form-sign.ts) valid, its export time not in the future
// (checkMarker); a row's code must be one of the form's items, naming the same problem here as
// when it was exported, and its 问题描述 (when given) that item's.
import { statSync } from 'node:fs';
import { basename, resolve as resolvePath } from 'node:path';
import type { Db } from '../db/duck.js';
import { lit } from '../db/duck.js';
import { startsLikeFormula } from '../export/tabular.js';
import { TijianError } from '../i18n/errors.js';
import { shownText } from '../i18n/shown.js';
import { scanFile } from '../import/file-scan.js';
import type { ImportFileResult } from '../import/import-file.js';
import type { ProgressFn } from '../import/progress.js';
import type { UndoResult } from '../import/undo.js';
import { listXlsxSheets, readXlsxRows, type XlsxReadOptions, type XlsxReadResult, type XlsxRow, type XlsxSheetInfo } from '../import/xlsx-reader.js';
import { openXlsWorkbook, readXlsRows } from '../import/xls-reader.js';
import { detectFormat } from '../import/sniff-format.js';
import { maskName, maskNumbersInText, numbersInText } from '../privacy/mask.js';
import { todayIso } from '../report/format.js';
import { APP_VERSION } from '../version.js';
import type { Workspace } from '../workspace/workspace.js';
import { formSecret, itemKey, signatureValid } from './form-sign.js';
import { currentActor, FIELD_ZH, getItem, stateOf, stateProblem, STATE_FIELDS, writeState, type ItemState } from './ledger.js';
import { FEEDBACK_SHEET, HEADER_ROW, MARKER_SHEET, TEMPLATE_COLUMNS, TEMPLATE_KIND, TEMPLATE_VERSION, type TemplateColumn } from './template.js';
import { itemCode, parseItemCode, STORED_STATUSES, type StoredStatus } from './types.js';

/** The table name feedback imports are logged under (import_log, rejected_row). */
export const FEEDBACK_TABLE = 'rectify_item';

export interface FeedbackMarker {
  unit_id: string;
  period: string;
  version: number;
  masked: boolean;
  /** The workbook's format as read (a unit may have saved the form as .xls). */
  format: 'xlsx' | 'xls';
  /** When the form was exported (ISO 8601; absent in forms of early versions). */
  generated_at?: string;
  /** How many item rows the form was exported with. */
  items?: number;
  /** The workspace the form was exported from (forms of version 2 on). */
  workspace_id?: string;
  /** The form's items: code and item key, as the marker lists them (forms of version 2 on). */
  item_keys?: Array<[string, string]>;
  /** The marker's HMAC-SHA256 (forms of version 2 on). */
  signature?: string;
}

/** Rows a returned form may hold beyond its items before it is refused as no answer to them (a
 *  sheet filled down to row 200,000 took two minutes and printed 200,000 rejections). */
export function formRowLimit(items: number): number {
  return Math.max(2 * items, items + 1000);
}

/** The largest .xls looked at as a possible feedback form (see formBook). */
const MAX_FORM_XLS_BYTES = 16 * 1024 * 1024;

/** The workbook formats a form comes back in: as exported (.xlsx), or saved again by a unit as
 *  an Excel 97–2003 workbook (.xls, WPS's .et) — both keep the hidden marker sheet. */
interface FormBook {
  format: 'xlsx' | 'xls';
  sheetNames(): Promise<string[]>;
  readRows(onInfo: (info: XlsxSheetInfo) => void, onRow: (row: XlsxRow) => void | Promise<void>, opts: XlsxReadOptions): Promise<XlsxReadResult>;
}

/** The reader for the workbook at `path`, by its content (not its name), or null for a file that
 *  is no workbook. */
function formBook(path: string): FormBook | null {
  let format: string;
  try {
    format = detectFormat(path);
  } catch {
    return null;
  }
  const file = basename(path);
  switch (format) {
    case 'xlsx':
      // the sheet list from the workbook part alone: reading the marker sheet opens the whole
      // workbook, shared strings included — 0.15–0.3 s for a 100,000-row export that has no marker
      return { format, sheetNames: async () => (await listXlsxSheets(path)).map((s) => s.name), readRows: (i, r, o) => readXlsxRows(path, i, r, o) };
    case 'xls':
      // an .xls is read whole to list its sheets (the compound file, the shared strings): only a
      // file a form's size could be is looked at — a unit's form of a thousand items is ≈ 0.2 MiB,
      // and the import of a 65,000-row data export (25 MiB) paid 0.13–0.18 s for nothing
      if (statSync(path).size > MAX_FORM_XLS_BYTES) return null;
      return {
        format,
        sheetNames: async () => {
          const wb = await openXlsWorkbook(path, file);
          wb.close();
          return wb.sheets.map((s) => s.name);
        },
        readRows: (i, r, o) => readXlsRows(path, i, r, { displayName: file, ...o }),
      };
    default:
      return null;
  }
}

/** What the hidden marker sheet says, or null when the file is not a Tijian feedback template. */
export async function readMarker(path: string): Promise<FeedbackMarker | null> {
  const cells: string[][] = [];
  let sheets: string[] = [];
  const book = formBook(path);
  if (!book) return null;
  try {
    if (!(await book.sheetNames()).includes(MARKER_SHEET)) return null;
    await book.readRows(
      (info) => {
        sheets = info.allSheets;
      },
      (row) => {
        cells[row.rowNumber] = row.cells;
      },
      { sheet: MARKER_SHEET },
    );
  } catch {
    // no such sheet, or a damaged workbook: not a template (the ordinary import says why)
    return null;
  }
  if (!sheets.includes(MARKER_SHEET) || cells[1]?.[0] !== TEMPLATE_KIND) return null;
  const kv = new Map<string, string>();
  const itemKeys: Array<[string, string]> = [];
  for (const r of cells) {
    if (!r || !r[0]) continue;
    if (r[0] === 'item') itemKeys.push([r[1] ?? '', r[2] ?? '']);
    else kv.set(r[0], r[1] ?? '');
  }
  const generated = kv.get('generated_at');
  return {
    ...(kv.has('workspace_id') ? { workspace_id: kv.get('workspace_id')! } : {}),
    ...(kv.has('signature') ? { signature: kv.get('signature')!.trim() } : {}),
    ...(itemKeys.length ? { item_keys: itemKeys } : {}),
    unit_id: kv.get('unit_id') ?? '',
    period: kv.get('period') ?? '',
    version: Number(cells[1]?.[1] ?? 0),
    masked: kv.get('masked') !== 'no',
    format: book.format,
    ...(generated && !Number.isNaN(Date.parse(generated)) ? { generated_at: generated } : {}),
    ...(/^\d{1,7}$/.test(kv.get('items') ?? '') ? { items: Number(kv.get('items')) } : {}),
  };
}

/** How far a form's export time may be ahead of this computer's clock (two computers' clocks). */
export const CLOCK_SKEW_MS = 10 * 60_000;

/**
 * Refuses a form this workspace cannot trust as a whole: one whose marker has no signature (a form
 * of an older Tijian, or a marker rewritten), of another workspace, whose marker does not match its
 * signature (its unit, period, export time or item list changed after the export), or exported in
 * the future. Each with what to do: send the unit a fresh form.
 */
export async function checkMarker(db: Db, marker: FeedbackMarker, file: string, now = Date.now()): Promise<void> {
  const fresh = '请从本工作区重新导出该单位的整改反馈表，发给单位填写后再导入。工作区未改变';
  const freshEn = 'Export a fresh form for the unit from this workspace, have it filled in and import that. The workspace is unchanged';
  if (marker.version < 2 || !marker.signature) {
    throw new TijianError(
      'FILE_UNSUPPORTED',
      `“${file}”的隐藏标识没有签名（由旧版本 Tijian 导出，或标识被改写），无法确认它是本工作区导出、未被改动的反馈表。${fresh}。`,
      `"${file}" carries no signature in its marker (exported by an older Tijian, or the marker was rewritten): it cannot be told to be an unaltered form of this workspace. ${freshEn}.`,
    );
  }
  const secret = await formSecret(db);
  if (marker.workspace_id !== secret.workspace_id) {
    throw new TijianError(
      'FILE_UNSUPPORTED',
      `“${file}”是另一个工作区导出的反馈表（工作区标识 ${marker.workspace_id || '无'}，本工作区 ${secret.workspace_id}）：其中的事项编号在本工作区指的是别的问题。请在导出它的工作区中导入；或${fresh}。`,
      `"${file}" was exported from another workspace (${marker.workspace_id || 'none'}; this one is ${secret.workspace_id}): its item codes name other problems here. Import it into the workspace it came from, or: ${freshEn}.`,
    );
  }
  const signed = {
    kind: TEMPLATE_KIND,
    version: marker.version,
    workspace_id: marker.workspace_id,
    unit_id: marker.unit_id,
    period: marker.period,
    masked: marker.masked,
    generated_at: marker.generated_at ?? '',
    items: marker.item_keys ?? [],
  };
  if (!signatureValid(secret.key, signed, marker.signature)) {
    throw new TijianError(
      'FILE_UNSUPPORTED',
      `“${file}”的隐藏标识与其签名不符：导出后被改动过（单位、年度、导出时间或事项清单），不能导入。${fresh}。`,
      `"${file}": its marker does not match its signature — changed after the export (unit, period, export time or item list); it is not imported. ${freshEn}.`,
    );
  }
  const at = Date.parse(marker.generated_at ?? '');
  if (Number.isNaN(at) || at > now + CLOCK_SKEW_MS) {
    throw new TijianError(
      'FILE_UNSUPPORTED',
      `“${file}”的导出时间（${marker.generated_at ?? '无'}）晚于现在（${new Date(now).toISOString()}）：导出它的电脑时钟有误，表中哪些内容较新无法判断，不能导入。请校正时钟后${fresh}。`,
      `"${file}" was exported at ${marker.generated_at ?? '(none)'}, after now (${new Date(now).toISOString()}): the exporting computer's clock is wrong and what is newer cannot be told. Set the clock right, then: ${freshEn}.`,
    );
  }
}

/** A Tijian feedback template (by its hidden marker sheet)? */
export async function isFeedbackTemplate(path: string): Promise<boolean> {
  return (await readMarker(path)) !== null;
}

interface FeedbackRow {
  /** The sheet row number (what Excel shows). */
  line: number;
  values: Record<TemplateColumn['key'], string>;
  raw: Record<string, string>;
  /** Why the row cannot be read as it is (a cell beyond Excel's 32,767 characters, shortened). */
  problem?: { code: string; zh: string; en: string };
}

/** Excel's error values: a formula that failed, written where a unit's answer should be. */
const ERROR_VALUE = /^#(?:VALUE!|REF!|N\/A|NAME\?|DIV\/0!|NUM!|NULL!|GETTING_DATA|SPILL!|CALC!)$/;

/** The data rows of the first sheet, after checking its header; blank rows are not rows. */
async function readRows(path: string, file: string, signal?: AbortSignal, warnings?: string[]): Promise<FeedbackRow[]> {
  const rows: FeedbackRow[] = [];
  let first = '';
  let header: string[] | null = null;
  const book = formBook(path);
  if (!book) throw new TijianError('FILE_UNSUPPORTED', `“${file}”不是 Tijian 导出的整改反馈表。`, `"${file}" is not a feedback form exported by Tijian.`);
  // the form's sheet by its name wherever it is (a unit may have put a sheet of its own before
  // it), else the first sheet — renamed (嵊泗县海洋综合行政执法队反馈): its header says whether it is the form
  const named = (await book.sheetNames()).includes(FEEDBACK_SHEET);
  const read = await book.readRows(
    (info) => {
      first = info.name;
    },
    (row) => {
      if (row.rowNumber === HEADER_ROW) header = row.cells.map((c) => c.trim());
      if (row.rowNumber <= HEADER_ROW) return;
      if (row.cells.every((c) => c.trim() === '')) return;
      const values = {} as Record<TemplateColumn['key'], string>;
      const raw: Record<string, string> = {};
      TEMPLATE_COLUMNS.forEach((c, i) => {
        values[c.key] = row.cells[i] ?? '';
        raw[c.header] = row.cells[i] ?? '';
      });
      // cells beyond the template's columns are kept with the row, for the record
      row.cells.slice(TEMPLATE_COLUMNS.length).forEach((v, i) => {
        if (v !== '') raw[`列${TEMPLATE_COLUMNS.length + i + 1}`] = v;
      });
      rows.push({ line: row.rowNumber, values, raw, ...(row.problem ? { problem: row.problem } : {}) });
    },
    { ...(signal ? { signal } : {}), ...(named ? { sheet: FEEDBACK_SHEET } : {}) },
  );
  // what the reader saw (formulas with no saved result, read as empty: a blank answer leaves the
  // ledger as it was, so the unit's formula would be lost without a word)
  warnings?.push(...(read.warnings ?? []));
  const expected = TEMPLATE_COLUMNS.map((c) => c.header);
  const got = (header as string[] | null)?.slice(0, expected.length) ?? [];
  if (got.join('|') !== expected.join('|')) {
    const where = named ? `工作表“${first}”` : `没有名为“${FEEDBACK_SHEET}”的工作表，第一个工作表“${first}”`;
    const whereEn = named ? `sheet "${first}"` : `there is no sheet named "${FEEDBACK_SHEET}", and the first sheet "${first}"`;
    throw new TijianError(
      'FILE_UNSUPPORTED',
      `“${file}”是 Tijian 整改反馈表，但${where}第${HEADER_ROW}行的表头被改动（应为：${expected.join('、')}）。请在 Tijian 导出的原表上填写后再导入，工作区未改变。`,
      `"${file}" is a Tijian feedback form, but ${whereEn} has a changed header on row ${HEADER_ROW}. Fill in the form as exported by Tijian and import it again; the workspace is unchanged.`,
    );
  }
  await refuseOtherFilledSheets(book, first, file, signal);
  return rows;
}

/** An item code as a form's first column holds it (ZG000123; a bare number is not one here). */
const CODE_CELL = /^ZG0*\d{1,9}$/i;

/**
 * Refuses a workbook in which a sheet besides the form holds item rows (the form's header, or
 * codes ZG… in its first column): only the form's sheet is read, so those rows — another unit's
 * form merged in as a sheet (probe 15, F2) — would be neither applied nor rejected. A sheet of the
 * unit's own notes, with no codes, is no reason.
 */
async function refuseOtherFilledSheets(book: FormBook, formSheet: string, file: string, signal?: AbortSignal): Promise<void> {
  const header = TEMPLATE_COLUMNS.map((c) => c.header).join('|');
  for (const name of await book.sheetNames()) {
    if (name === formSheet || name === MARKER_SHEET) continue;
    let codes = 0;
    let first = '';
    let hasHeader = false;
    await book.readRows(
      () => undefined,
      (row) => {
        const cells = row.cells.map((c) => c.trim());
        if (cells.slice(0, TEMPLATE_COLUMNS.length).join('|') === header) hasHeader = true;
        const code = (cells[0] ?? '').normalize('NFKC').replace(/\s+/g, '');
        if (CODE_CELL.test(code)) {
          codes++;
          first ||= code.toUpperCase();
        }
      },
      { sheet: name, ...(signal ? { signal } : {}) },
    );
    if (!codes && !hasHeader) continue;
    const what = codes ? ` ${codes} 行事项（如 ${first}）` : '反馈表的表头';
    const whatEn = codes ? `${codes} item row(s) (e.g. ${first})` : "the form's header";
    throw new TijianError(
      'FILE_UNSUPPORTED',
      `“${file}”中除反馈表“${formSheet}”外，工作表“${name}”也有${what}：一个反馈表文件只读取它自己的一张表，其他工作表的行既不会导入也不会被列为拒绝。各单位的反馈表请分别导入（每个单位交回 Tijian 为它导出的文件）；请把工作表“${name}”的内容放回其单位自己的反馈表，或删去该工作表后重新导入。工作区未改变。`,
      `"${file}": besides the form's sheet "${formSheet}", sheet "${name}" holds ${whatEn}. A form file is read from its own sheet only, so those rows would be neither imported nor rejected. Import each unit's form as its own file (the one Tijian exported for it): move sheet "${name}" back into its unit's form, or delete it, and import again. The workspace is unchanged.`,
    );
  }
}

/** Words units write for the statuses. 逾期 is not one: it is derived. */
const STATUS_WORDS: Record<string, StoredStatus | 'keep'> = {
  待整改: '待整改',
  未整改: '待整改',
  未开始: '待整改',
  整改中: '整改中',
  正在整改: '整改中',
  进行中: '整改中',
  已整改: '已整改',
  已完成: '已整改',
  整改完成: '已整改',
  完成: '已整改',
  不予整改: '不予整改',
  不整改: '不予整改',
  无需整改: '不予整改',
  逾期: 'keep',
};

/** A cell as written back: our own formula-injection apostrophe taken off again — wherever the
 *  export puts one (before ＝ ＋ － ＠ too; only before = + - @ was it taken off, so a ＝ came back
 *  with an apostrophe stored in front). */
function text(s: string): string | null {
  let t = s.trim();
  if (t.startsWith("'") && startsLikeFormula(t.slice(1))) t = t.slice(1).trim();
  return t === '' ? null : t;
}

/** What a form's cell may not hold: C0 control characters but tab, line feed and carriage
 *  return (a multi-line answer, Alt+Enter in Excel, is legitimate), DEL and the C1 controls —
 *  an ESC (written _x001B_ or &#27; in the sheet) drives the terminal that prints the ledger —
 *  and the bidirectional embeddings, overrides and isolates (U+202A–202E, U+2066–2069), which
 *  show the text reversed on the 整改 screen. Marks (U+200E, U+200F) reorder nothing but the
 *  characters next to them and pass. */
const FORM_CONTROL = /[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;

/** The form's columns whose cell holds such characters, each with them by code point (U+001B),
 *  control characters apart from bidirectional controls, each once. */
function controlCells(values: Record<TemplateColumn['key'], string>): Array<{ header: string; controls: string[]; bidi: string[] }> {
  const found: Array<{ header: string; controls: string[]; bidi: string[] }> = [];
  for (const c of TEMPLATE_COLUMNS) {
    const v = values[c.key];
    if (!FORM_CONTROL.test(v)) continue;
    const chars = [...new Set(v.match(new RegExp(FORM_CONTROL.source, 'g')))];
    const code = (ch: string) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
    found.push({ header: c.header, controls: chars.filter((ch) => !BIDI_CONTROL.test(ch)).map(code), bidi: chars.filter((ch) => BIDI_CONTROL.test(ch)).map(code) });
  }
  return found;
}

/**
 * An answer as sent back, with each masked number the form showed (138****5678) put back as the
 * number of the ledger's text it masks, so that a form returned as exported, or with words added,
 * changes no number to stars. A mask two different numbers of the text share is left as written
 * (which one was meant cannot be told); so is any other text with stars.
 */
export function unmaskTyped(sent: string, stored: string | null): string {
  if (!stored || !sent.includes('*')) return sent;
  if (sent === maskNumbersInText(stored)) return stored;
  const byMask = new Map<string, string | null>();
  for (const [n, masked] of numbersInText(stored)) {
    const had = byMask.get(masked);
    byMask.set(masked, had === undefined || had === n ? n : null);
  }
  let out = sent;
  for (const [masked, n] of byMask) if (n !== null) out = out.split(masked).join(n);
  return out;
}

/** An edit made on a masked view (the 整改 screen shows an item's free text masked): each text it
 *  changes read as unmaskTyped reads a returned form, so words added beside a masked number do not
 *  store the stars. */
export function unmaskPatch<P extends { measures?: string | null; proof?: string | null; status_reason?: string | null }>(patch: P, stored: ItemState): P {
  const out = { ...patch };
  for (const k of ['measures', 'proof', 'status_reason'] as const) {
    const v = out[k];
    if (typeof v === 'string') out[k] = unmaskTyped(v, stored[k]) as P[typeof k];
  }
  return out;
}

/** A text compared as written, whatever its spaces and line breaks (and full-width forms). */
const squash = (s: string) => s.normalize('NFKC').replace(/\s+/g, '');
/** A long text shortened for a message. */
const clip = (s: string) => (s.length > 40 ? `${s.slice(0, 40)}…` : s);

interface Reject {
  codes: string[];
  zh: string[];
  en: string[];
}

export interface RowPlan {
  line: number;
  raw: Record<string, string>;
  item_id: number | null;
  reject: Reject | null;
  after?: ItemState;
  changed: string[];
}

/** What importing the rows would do, row by row (reads the ledger, writes nothing). */
export async function planFeedback(db: Db, marker: FeedbackMarker, rows: readonly FeedbackRow[], today = todayIso()): Promise<RowPlan[]> {
  const ids = [...new Set(rows.map((r) => parseItemCode(r.values.code)).filter((x): x is number => x !== null))];
  const items = new Map<number, { unit_id: string; unit_name: string; period: string; period_start: string; created_at: string; updated_at: string; problem: string; key: string; state: ItemState }>();
  if (ids.length) {
    for (const r of await db.all<{ item_id: number }>(`SELECT item_id FROM rectify_item WHERE item_id IN (${ids.join(', ')})`)) {
      const it = await getItem(db, r.item_id, today);
      items.set(r.item_id, { unit_id: it.unit_id, unit_name: it.unit_name, period: it.period, period_start: it.period_start, created_at: it.created_at, updated_at: it.updated_at, problem: it.problem, key: itemKey(it), state: stateOf(it) });
    }
  }
  const generated = marker.generated_at ? Date.parse(marker.generated_at) : null;
  // the items the (signed) marker lists, by id: a row's code must be one of them, naming the same
  // problem here as when the form was exported
  const formKeys = marker.item_keys ? new Map(marker.item_keys.map(([c, k]) => [parseItemCode(c), k] as const)) : null;
  // each item's status when the form was exported (its last change before then): a form is stale
  // for an item whose status has moved since — and not for one whose change was undone
  const statusThen = new Map<number, string>();
  if (ids.length && generated !== null) {
    for (const r of await db.all<{ item_id: number; status: string }>(
      `SELECT item_id, arg_max(status, event_id) AS status FROM rectify_event
       WHERE item_id IN (${ids.join(', ')}) AND changed_at <= ${lit(marker.generated_at!)}::TIMESTAMP GROUP BY item_id`,
    )) {
      statusThen.set(Number(r.item_id), r.status);
    }
  }
  const shownTime = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
  // completion dates, read as the import reads dates (2024-05-31, 2024/5/31, 2024年5月31日, Excel serials)
  const dateTexts = [...new Set(rows.map((r) => text(r.values.completed_on)).filter((x): x is string => x !== null))];
  const dates = new Map<string, string | null>();
  if (dateTexts.length) {
    const parsed = await db.all<{ v: string; d: string | null }>(
      `SELECT v, CASE WHEN tj_date_ok(d) THEN d END AS d FROM (SELECT v, tj_date_c(tj_clean(v)) AS d FROM unnest([${dateTexts.map((t) => lit(t)).join(', ')}]::VARCHAR[]) AS t(v))`,
    );
    for (const p of parsed) dates.set(p.v, p.d);
  }
  const firstLine = new Map<number, number>();
  return rows.map((row): RowPlan => {
    const rej: Reject = { codes: [], zh: [], en: [] };
    const bad = (code: string, zh: string, en: string) => {
      rej.codes.push(code);
      rej.zh.push(zh);
      rej.en.push(en);
    };
    const done = (extra: Partial<RowPlan> = {}): RowPlan => ({ line: row.line, raw: row.raw, item_id: null, changed: [], ...extra, reject: rej.codes.length ? rej : null });
    // a cell the reader had to shorten, or an error value in an answer: nothing of the row is taken
    if (row.problem) bad(row.problem.code, row.problem.zh, row.problem.en);
    const errorCell = TEMPLATE_COLUMNS.find((c) => c.input && ERROR_VALUE.test(row.values[c.key].trim()));
    if (errorCell) {
      bad('rectify.error_value', `“${errorCell.header}”是 Excel 的错误值 ${row.values[errorCell.key].trim()}（公式出错），请填写内容本身`, `"${errorCell.header}" holds Excel's error value ${row.values[errorCell.key].trim()} (a failed formula); write the answer itself`);
    }
    const control = controlCells(row.values);
    if (control.length) {
      const anyBidi = control.some((c) => c.bidi.length);
      const zh = (c: (typeof control)[number]) => `“${c.header}”含有${[c.controls.length ? `控制字符 ${c.controls.join('、')}` : '', c.bidi.length ? `双向文字控制符 ${c.bidi.join('、')}` : ''].filter(Boolean).join(' 和 ')}`;
      const en = (c: (typeof control)[number]) => `"${c.header}" holds ${[c.controls.length ? `the control character(s) ${c.controls.join(', ')}` : '', c.bidi.length ? `the bidirectional control(s) ${c.bidi.join(', ')}` : ''].filter(Boolean).join(' and ')}`;
      bad(
        'rectify.control_char',
        `${control.map(zh).join('，')}${anyBidi ? '（双向文字控制符会使文字倒序或错位显示）' : ''}，本行未导入：请删去这些看不见的字符（多由网页或其他软件复制带入），保存后重新导入`,
        `${control.map(en).join(', ')}${anyBidi ? ' (a bidirectional control shows text reversed or out of place)' : ''}; the row was not imported: delete these invisible characters (usually copied in from a web page or another program), save and import again`,
      );
      // nothing else is read from the row: the other reasons would quote its text
      return done();
    }
    const codeText = row.values.code.trim();
    const id = parseItemCode(codeText);
    if (!codeText) {
      bad('rectify.no_item', '缺少事项编号', 'no item code');
      return done();
    }
    const item = id === null ? undefined : items.get(id);
    if (id === null || !item) {
      bad('rectify.unknown_item', `事项编号“${codeText}”在工作区中不存在（请勿改动事项编号）`, `unknown item code "${codeText}" (do not change the item codes)`);
      return done();
    }
    if (item.unit_id !== marker.unit_id) {
      bad('rectify.wrong_unit', `事项 ${itemCode(id)} 属于“${item.unit_name}”（${item.unit_id}），不属于本反馈表的单位（${marker.unit_id}）`, `item ${itemCode(id)} belongs to ${item.unit_id}, not to this form's unit ${marker.unit_id}`);
    } else if (text(row.values.unit_id) !== null && text(row.values.unit_id) !== item.unit_id) {
      bad('rectify.wrong_unit', `单位编码“${text(row.values.unit_id)}”与事项 ${itemCode(id)} 的责任单位（${item.unit_id}）不一致`, `unit code "${text(row.values.unit_id)}" does not match item ${itemCode(id)}'s unit ${item.unit_id}`);
    }
    // the code must be an item of this form: of its period, and made before the form was (a code
    // of another workspace or period names another item here)
    if (item.period !== marker.period) {
      bad('rectify.wrong_period', `事项 ${itemCode(id)} 属于 ${item.period} 年度，本反馈表是 ${marker.period} 年度的：事项编号可能来自另一个工作区或另一张反馈表`, `item ${itemCode(id)} is of ${item.period}, this form of ${marker.period}: the code may come from another workspace or form`);
    } else if (generated !== null && Date.parse(item.created_at) > generated) {
      bad('rectify.wrong_period', `事项 ${itemCode(id)} 建立于本反馈表导出（${shownTime(marker.generated_at!)}）之后，不是表中的事项：事项编号可能来自另一个工作区`, `item ${itemCode(id)} was created after this form was exported (${marker.generated_at}): the code may come from another workspace`);
    }
    if (!rej.codes.length && formKeys) {
      const key = formKeys.get(id);
      if (key === undefined) {
        bad('rectify.not_in_form', `事项 ${itemCode(id)} 不是本反馈表导出时的事项：只能填写表中导出的事项行，请勿新增行或改动事项编号`, `item ${itemCode(id)} is not one of the items this form was exported with: fill in the exported rows only; do not add rows or change item codes`);
      } else if (key !== item.key) {
        bad(
          'rectify.item_mismatch',
          `事项 ${itemCode(id)} 在本工作区是另一个问题（“${clip(item.problem)}”），与本反馈表导出时的事项不同（事项编号可能来自另一个工作区副本），本行未导入：请导出新的反馈表填写`,
          `item ${itemCode(id)} is another problem in this workspace ("${clip(item.problem)}") than when this form was exported (the code may come from another copy of the workspace); the row was not imported: export a new form`,
        );
      }
    }
    // the 问题描述 the row shows must be the item's (a unit that pasted its answers against other
    // codes, or a form whose codes were edited): compared without spaces and line breaks
    const shown = text(row.values.problem);
    if (!rej.codes.length && shown !== null && squash(shown) !== squash(item.problem)) {
      bad(
        'rectify.problem_mismatch',
        `本行的问题描述“${clip(shown)}”与事项 ${itemCode(id)} 的问题描述“${clip(item.problem)}”不一致：请勿改动事项编号和问题描述，把整改情况填在对应问题的行上`,
        `the row's problem "${clip(shown)}" is not item ${itemCode(id)}'s ("${clip(item.problem)}"): do not change the item codes or problems; fill in each problem's own row`,
      );
    }
    const prior = firstLine.get(id);
    if (prior !== undefined) bad('rectify.duplicate_row', `事项 ${itemCode(id)} 已在第 ${prior} 行出现，只导入第一行`, `item ${itemCode(id)} already on row ${prior}; only the first is imported`);
    else firstLine.set(id, row.line);
    const after: ItemState = { ...item.state };
    const st = text(row.values.status);
    if (st !== null) {
      const s = STATUS_WORDS[st.replace(/\s+/g, '')];
      if (!s) bad('rectify.bad_status', `整改状态“${st}”无法识别，应为 ${STORED_STATUSES.join('、')}`, `unknown status "${st}"; use ${STORED_STATUSES.join(', ')}`);
      else if (s !== 'keep') after.status = s;
    }
    const dt = text(row.values.completed_on);
    if (dt !== null) {
      const d = dates.get(dt) ?? null;
      if (!d) bad('rectify.bad_date', `完成时间“${dt}”无法识别为日期（例：2024-05-31）`, `completion date "${dt}" is not a date (e.g. 2024-05-31)`);
      else if (d < item.period_start) {
        bad('rectify.early_date', `完成时间 ${d} 早于问题所属年度的开始（${item.period_start}），不可能是这个问题的整改完成时间`, `completion date ${d} is before the start of the item's period (${item.period_start})`);
      } else after.completed_on = d;
    }
    // a completion date goes with 已整改 only: written with another status it contradicts it; an
    // item moved away from 已整改 has none
    if (after.status !== '已整改') {
      if (dt !== null && after.completed_on) {
        bad('rectify.date_without_done', `整改状态为“${after.status}”却填写了完成时间 ${after.completed_on}：已整改的才填写完成时间（如已完成，请把状态改为“已整改”）`, `status ${after.status} with a completion date ${after.completed_on}: only 已整改 (rectified) items have one`);
      } else after.completed_on = null;
    }
    for (const k of ['measures', 'proof', 'status_reason'] as const) {
      const v = text(row.values[k]);
      // the form shows the numbers in these answers masked: sent back, each is the number it masks
      if (v !== null) after[k] = unmaskTyped(v, item.state[k]);
    }
    const owner = text(row.values.owner);
    // a masked name sent back as exported is not a new name
    if (owner !== null && !(item.state.owner && owner === maskName(item.state.owner))) after.owner = owner;
    if (!rej.codes.length) {
      const p = stateProblem(after);
      if (p) bad(p.code, p.zh, p.en);
      else if (after.status === '已整改' && after.completed_on && after.completed_on > today) {
        bad('rectify.future_date', `完成时间 ${after.completed_on} 晚于今天（${today}），不能标为已整改`, `completion date ${after.completed_on} is after today (${today})`);
      }
    }
    // A form exported before the item's status last moved (an office closed it meanwhile, or a
    // newer form came back first) holds the state of then: it may not move the status again (the
    // pre-filled 待整改 of every row would reopen what was closed)
    const then = statusThen.get(id);
    if (!rej.codes.length && then !== undefined && then !== item.state.status && after.status !== item.state.status && Date.parse(item.updated_at) > generated!) {
      bad(
        'rectify.stale_form',
        `事项 ${itemCode(id)} 在本反馈表导出（${shownTime(marker.generated_at!)}）之后已更新为“${item.state.status}”（${shownTime(item.updated_at)}），表中的状态较旧，本行未导入：如需改动，请导出新的反馈表填写`,
        `item ${itemCode(id)} changed to ${item.state.status} (${item.updated_at}) after this form was exported (${marker.generated_at}); the form's status is older and the row was not imported: export a new form`,
      );
    }
    if (rej.codes.length) return done({ item_id: id });
    const changed = STATE_FIELDS.filter((f) => (item.state[f] ?? null) !== (after[f] ?? null));
    // the next row of the same item compares against this one
    item.state = after;
    return done({ item_id: id, after, changed });
  });
}

export interface FeedbackImportResult extends ImportFileResult {
  rectify: {
    unit_id: string;
    period: string;
    /** Rows that changed their item. */
    changed: number;
    /** Rows that matched an item and changed nothing. */
    unchanged: number;
    /** Items whose status changed, by the new status. */
    status_changes: Partial<Record<StoredStatus, number>>;
  };
}

export interface FeedbackOptions {
  onProgress?: ProgressFn;
  signal?: AbortSignal;
  /** Who imports, for the history (default: the account running Tijian). */
  actor?: string | null;
  /** The date completion dates are checked against (default: today in China). */
  today?: string;
  /** Tests: the time a form's export time is checked against (ms; default: now). */
  now?: number;
}

const cancelledError = (file: string) => new TijianError('IMPORT_CANCELLED', `导入“${file}”已取消，工作区未改变。`, `Import of "${file}" cancelled; the workspace is unchanged.`);

/** Imports a filled feedback template: the ledger updated, the import logged, the rest rejected. */
export async function importFeedback(ws: Workspace, filePath: string, opts: FeedbackOptions = {}): Promise<FeedbackImportResult> {
  const started = Date.now();
  const path = resolvePath(filePath);
  const file = shownText(basename(path));
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new TijianError('FILE_NOT_FOUND', `找不到文件：${path}`, `File not found: ${path}`);
  }
  const progress: ProgressFn | undefined = opts.onProgress ? (e) => opts.onProgress!({ ...e, file }) : undefined;
  const scan = await scanFile(path, false, (done) => progress?.({ phase: 'hash', done, total: size, unit: 'bytes' }), size);
  const marker = await readMarker(path);
  if (!marker) throw new TijianError('FILE_UNSUPPORTED', `“${file}”不是 Tijian 导出的整改反馈表。`, `"${file}" is not a feedback form exported by Tijian.`);
  if (marker.version > TEMPLATE_VERSION) {
    throw new TijianError('FILE_UNSUPPORTED', `“${file}”由更新版本的 Tijian 导出（反馈表版本 ${marker.version}），请升级 Tijian。`, `"${file}" was exported by a newer Tijian (form version ${marker.version}); upgrade Tijian.`);
  }
  const db = ws.db;
  await checkMarker(db, marker, file, opts.now);
  const base = {
    file,
    path,
    table: FEEDBACK_TABLE,
    format: marker.format,
    sha256: scan.sha256,
    size: scan.size,
    unmapped_headers: [],
    line_kind: 'sheet_row' as const,
  };
  const rectifyBase = { unit_id: marker.unit_id, period: marker.period, changed: 0, unchanged: 0, status_changes: {} };
  // The same bytes imported before change nothing again — unless an item of the form changed after
  // that import (an undo, an edit, another form): then the rows are read against the ledger as it
  // is now. A corrected fill whose first import was refused as stale, imported again after the
  // office undid the newer form, was skipped as identical to an import that had applied nothing
  // (probe 15, F6).
  // (the history's newest event when that import finished is in its mapping: event ids, not
  // times, whose time zones differ between import_log and rectify_event; an import logged before
  // it was kept counts as identical, as before)
  const prior = await db.one<{ import_id: number; rows_loaded: number; rows_rejected: number }>(
    `SELECT l.import_id, l.rows_loaded, l.rows_rejected FROM import_log l
     WHERE l.sha256 = ${lit(scan.sha256)} AND l.status = 'done'
       AND NOT EXISTS (SELECT 1 FROM rectify_event e JOIN rectify_item i USING (item_id)
                       WHERE i.unit_id = ${lit(marker.unit_id)} AND i.period_label = ${lit(marker.period)}
                         AND e.event_id > TRY_CAST(json_extract_string(l.mapping, '$.last_event') AS INTEGER))
     ORDER BY l.import_id DESC LIMIT 1`,
  );
  if (prior) {
    return {
      ...base,
      import_id: null,
      rows_read: 0,
      rows_loaded: 0,
      rows_rejected: 0,
      skipped_duplicate: true,
      duplicate_of: prior.import_id,
      warnings: [
        `与导入批次 #${prior.import_id}（更新 ${prior.rows_loaded} 行、拒绝 ${prior.rows_rejected} 行）的文件内容完全相同（sha256 一致），其后表中事项未再变动，重新导入结果相同，未重复导入 / ` +
          `identical to import #${prior.import_id} (updated ${prior.rows_loaded}, rejected ${prior.rows_rejected}), and the form's items have not changed since: importing it again would do the same; nothing changed`,
      ],
      seconds: (Date.now() - started) / 1000,
      rectify: rectifyBase,
    };
  }
  const unitKnown = await db.scalar<number>(`SELECT count(*) FROM rectify_item WHERE unit_id = ${lit(marker.unit_id)}`);
  if (!Number(unitKnown)) {
    throw new TijianError(
      'IMPORT_FAILED',
      `“${file}”是单位 ${marker.unit_id} 的整改反馈表，但工作区中没有该单位的整改事项（是否打开了另一个工作区？）。工作区未改变。`,
      `"${file}" is the feedback form of unit ${marker.unit_id}, but this workspace holds no rectification item of that unit (another workspace?). The workspace is unchanged.`,
    );
  }
  progress?.({ phase: 'read', done: 0, total: 0, unit: 'rows' });
  const readWarnings: string[] = [];
  const rows = await readRows(path, file, opts.signal, readWarnings);
  if (opts.signal?.aborted) throw cancelledError(file);
  checkRowCount(file, marker, rows.length);
  const today = opts.today ?? todayIso();
  const plan = await planFeedback(db, marker, rows, today);
  const actor = opts.actor === undefined ? currentActor() : opts.actor;
  progress?.({ phase: 'load', done: 0, total: plan.length, unit: 'rows' });
  const out = await db.transaction(async () => {
    const importId = Number(await db.scalar(`SELECT nextval('import_id_seq')`));
    const mapping = { kind: TEMPLATE_KIND, version: marker.version, unit_id: marker.unit_id, period: marker.period, origin: 'rectify-template' };
    await db.exec(
      `INSERT INTO import_log (import_id, file_name, file_path, file_size, sha256, format, encoding, table_name, mapping,
         rows_read, rows_loaded, rows_rejected, started_at, status, app_version)
       VALUES (${importId}, ${lit(file)}, ${lit(path)}, ${scan.size}, ${lit(scan.sha256)}, ${lit(marker.format)}, NULL, ${lit(FEEDBACK_TABLE)}, ${lit(JSON.stringify(mapping))},
         0, 0, 0, now()::TIMESTAMP, 'running', ${lit(APP_VERSION)})`,
    );
    const source = `导入反馈表“${file}”（导入批次 #${importId}）`;
    let loaded = 0;
    let changed = 0;
    const statusChanges: Partial<Record<StoredStatus, number>> = {};
    const at = new Date().toISOString();
    for (const p of plan) {
      if (p.reject) {
        await db.exec(
          `INSERT INTO rejected_row (import_id, table_name, file_name, line_no, raw, reason_zh, reason_en, error_codes)
           VALUES (${importId}, ${lit(FEEDBACK_TABLE)}, ${lit(file)}, ${p.line}, ${lit(JSON.stringify(p.raw))}::JSON, ${lit(p.reject.zh.join('；'))},
                   ${lit(p.reject.en.join('; '))}, [${p.reject.codes.map((c) => lit(c)).join(', ')}]::VARCHAR[])`,
        );
        continue;
      }
      loaded++;
      if (!p.changed.length) continue;
      // the item as the ledger holds it now (an earlier row of this file may have changed it)
      const before = stateOf(await getItem(db, p.item_id!, today));
      const written = await writeState(db, p.item_id!, before, p.after!, { action: 'import', source, importId, actor, at });
      if (written.length) changed++;
      if (written.includes('status')) statusChanges[p.after!.status] = (statusChanges[p.after!.status] ?? 0) + 1;
      if (opts.signal?.aborted) throw cancelledError(file);
    }
    const rejected = Number(await db.scalar(`SELECT count(*) FROM rejected_row WHERE import_id = ${importId}`));
    if (rows.length !== loaded + rejected) throw new Error(`internal check failed: rows read ${rows.length} ≠ updated ${loaded} + rejected ${rejected}`);
    const lastEvent = Number((await db.scalar(`SELECT coalesce(max(event_id), 0) FROM rectify_event`)) ?? 0);
    // rows applied with a word for the office (a status written 逾期) kept in the import log, not
    // on the console only (probe 15, F7): `tijian imports` lists them
    const notes = overdueLines(rows, plan).map((line) => ({ line, code: 'rectify.overdue_status', zh: OVERDUE_NOTE_ZH, en: OVERDUE_NOTE_EN }));
    await db.exec(
      `UPDATE import_log SET rows_read = ${rows.length}, rows_loaded = ${loaded}, rows_rejected = ${rejected}, finished_at = now()::TIMESTAMP, status = 'done',
         mapping = ${lit(JSON.stringify({ ...mapping, last_event: lastEvent, ...(notes.length ? { notes } : {}) }))}
       WHERE import_id = ${importId}`,
    );
    if (opts.signal?.aborted) throw cancelledError(file);
    return { importId, loaded, rejected, changed, statusChanges };
  });
  progress?.({ phase: 'done', done: rows.length, total: rows.length, unit: 'rows' });
  const changedFields = [...new Set(plan.flatMap((p) => p.changed))].map((f) => FIELD_ZH[f as keyof typeof FIELD_ZH] ?? f);
  return {
    ...base,
    import_id: out.importId,
    rows_read: rows.length,
    rows_loaded: out.loaded,
    rows_rejected: out.rejected,
    skipped_duplicate: false,
    warnings: [
      `整改反馈表（单位 ${marker.unit_id}，${marker.period}）：${out.loaded} 行对应事项，其中 ${out.changed} 个事项有更新${changedFields.length ? `（${changedFields.join('、')}）` : ''}；${out.rejected} 行被拒绝 / feedback form of ${marker.unit_id}: ${out.loaded} row(s) matched, ${out.changed} item(s) updated, ${out.rejected} rejected`,
      ...overdueWords(rows, plan),
      ...readWarnings,
    ],
    seconds: (Date.now() - started) / 1000,
    rectify: { unit_id: marker.unit_id, period: marker.period, changed: out.changed, unchanged: out.loaded - out.changed, status_changes: out.statusChanges },
  };
}

/** The sheet rows, applied, whose status was written 逾期. */
function overdueLines(rows: readonly FeedbackRow[], plan: readonly RowPlan[]): number[] {
  return rows.filter((r, i) => !plan[i]?.reject && text(r.values.status)?.replace(/\s+/g, '') === '逾期').map((r) => r.line);
}

export const OVERDUE_NOTE_ZH = '整改状态写为“逾期”，事项状态未改：逾期由整改期限推算，不能填写；已完成整改的请填“已整改”和完成时间';
export const OVERDUE_NOTE_EN = 'status written 逾期 (overdue); the item\'s status is unchanged: overdue follows from the deadline and is not entered; for an item done, write 已整改 and the completion date';

/** Rows whose status a unit wrote as 逾期: the status is left as it was (逾期 is derived from the
 *  deadline, not stored) — said, with their rows, so that a unit meaning "done late" is told to
 *  write 已整改 and the date. */
function overdueWords(rows: readonly FeedbackRow[], plan: readonly RowPlan[]): string[] {
  const lines = overdueLines(rows, plan);
  if (!lines.length) return [];
  const shown = `${lines.slice(0, 10).join('、')}${lines.length > 10 ? '…' : ''}`;
  return [
    `${lines.length} 行的整改状态写为“逾期”（第 ${shown} 行），这些事项的状态未改：逾期由整改期限推算，不能填写。已完成整改的请填“已整改”和完成时间 / ` +
      `${lines.length} row(s) give the status 逾期 (rows ${shown.replace(/、/g, ', ')}); their items' status is unchanged: overdue follows from the deadline and is not entered. For an item done, write 已整改 and the completion date`,
  ];
}

/** Refuses a form of far more rows than it was exported with (see formRowLimit). */
function checkRowCount(file: string, marker: FeedbackMarker, rows: number): void {
  if (marker.items === undefined || rows <= formRowLimit(marker.items)) return;
  throw new TijianError(
    'FILE_UNSUPPORTED',
    `“${file}”有 ${rows} 行内容，而导出时只有 ${marker.items} 个事项：这不像填写后的反馈表（可能把内容填到了表的很下方，或粘贴了其他数据）。请在导出的事项行上填写后再导入，工作区未改变。`,
    `"${file}" holds ${rows} rows but was exported with ${marker.items} items: no filled-in form looks so (content far down the sheet, or other data pasted in). Fill in the exported item rows and import it again; the workspace is unchanged.`,
  );
}

/** What importing a feedback form would do, for the import screen's preview. */
export async function previewFeedback(db: Db | null, path: string): Promise<{ marker: FeedbackMarker; headers: string[]; rows: number; rejected: number; reasons: Array<{ code: string; rows: number; zh: string; en: string }>; changed: number } | null> {
  const marker = await readMarker(path);
  if (!marker) return null;
  const rows = await readRows(path, basename(path));
  checkRowCount(basename(path), marker, rows.length);
  const headers = TEMPLATE_COLUMNS.map((c) => c.header);
  if (db) await checkMarker(db, marker, basename(path));
  if (!db) return { marker, headers, rows: rows.length, rejected: 0, reasons: [], changed: 0 };
  const plan = await planFeedback(db, marker, rows);
  const reasons = new Map<string, { code: string; rows: number; zh: string; en: string }>();
  for (const p of plan) {
    if (!p.reject) continue;
    p.reject.codes.forEach((code, i) => {
      const r = reasons.get(code) ?? { code, rows: 0, zh: p.reject!.zh[i]!, en: p.reject!.en[i]! };
      r.rows++;
      reasons.set(code, r);
    });
  }
  return { marker, headers, rows: rows.length, rejected: plan.filter((p) => p.reject).length, reasons: [...reasons.values()].sort((a, b) => b.rows - a.rows), changed: plan.filter((p) => !p.reject && p.changed.length).length };
}

/**
 * Undoes a feedback import: each item it changed goes back to its state before, as a new 'undo'
 * event (the history keeps both). Refused when an item was changed again after that import —
 * undo the later change first, or edit the item.
 */
export async function undoFeedback(ws: Workspace, importId: number, file: string): Promise<UndoResult> {
  const db = ws.db;
  const touched = await db.all<{ item_id: number; event_id: number; newest: number }>(
    `SELECT e.item_id, e.event_id, (SELECT max(event_id) FROM rectify_event x WHERE x.item_id = e.item_id) AS newest
     FROM rectify_event e WHERE e.import_id = ${Number(importId)} AND e.action = 'import' ORDER BY e.item_id`,
  );
  const later = touched.filter((t) => t.newest !== t.event_id);
  if (later.length) {
    throw new TijianError(
      'USAGE',
      `导入批次 #${importId}（${file}）之后，事项 ${later.map((t) => itemCode(t.item_id)).join('、')} 又有变更，不能撤销该批次。请在“整改”界面直接修改这些事项。`,
      `After import #${importId} (${file}), item(s) ${later.map((t) => itemCode(t.item_id)).join(', ')} changed again; the import cannot be undone. Edit those items on the 整改 screen instead.`,
    );
  }
  return db.transaction(async () => {
    const actor = currentActor();
    const at = new Date().toISOString();
    for (const t of touched) {
      const prev = await db.one<ItemState>(
        `SELECT status, status_reason, CAST(deadline AS VARCHAR) AS deadline, measures, CAST(completed_on AS VARCHAR) AS completed_on, proof, owner
         FROM rectify_event WHERE item_id = ${t.item_id} AND event_id < ${t.event_id} ORDER BY event_id DESC LIMIT 1`,
      );
      if (!prev) continue;
      const cur = stateOf(await getItem(db, t.item_id));
      await writeState(db, t.item_id, cur, prev, { action: 'undo', source: `撤销导入批次 #${importId}（${file}）`, actor, at });
    }
    const rejected = await db.exec(`DELETE FROM rejected_row WHERE import_id = ${Number(importId)}`);
    await db.exec(`UPDATE import_log SET status = 'undone', undone_at = now()::TIMESTAMP WHERE import_id = ${Number(importId)}`);
    return { import_id: importId, file, table: FEEDBACK_TABLE, rows_removed: touched.length, rejected_removed: rejected };
  });
}

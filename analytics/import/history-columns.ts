// The columns a data-sharing platform's export adds to each record (lexicon/history.ts): a marker
// saying the source system deleted or voided the record, and a version number or change time that
// orders several versions of one record in one file. Recognised by the header and the values
// together, among the columns no field took; the columns themselves stay unmapped (kept in extras).
// A file without such a header gets nothing: no sample read, nothing added to the conversion's SQL.
import { lit } from '../db/duck.js';
import type { ColumnMapping } from './headers.js';
import { MARKER_HEADERS, MARKER_VALUES, UPDATE_TIME_HEADERS, VALIDITY_END_HEADERS, VALIDITY_START_HEADERS, VERSION_HEADERS, type MarkerKind } from './lexicon/history.js';

export interface DeletionMarker {
  index: number;
  header: string;
  kind: MarkerKind;
  /** The values (upper case) that mark a row deleted or void. */
  deleted: readonly string[];
}

export interface HistoryColumns {
  /** Deletion or void markers, in the file's order: a row any of them marks is rejected. */
  markers: DeletionMarker[];
  /** A version number column: the highest version of a key loads. */
  version?: { index: number; header: string };
  /** A change-time column: among equal versions, the latest loads. */
  time?: { index: number; header: string };
  /** A 拉链表's period of each version (start_dt / end_dt): the version whose end is open
   *  (9999-12-31, 9999-99-99, empty) loads, else the latest start — before version and time. */
  validity?: { start: { index: number; header: string }; end: { index: number; header: string } };
}

/** A header as the history lexicon writes it: lower case, a bracket's note (删除标记（0否1是）)
 *  and separators (is_deleted, cd-operation, update time) dropped. */
export function historyHeaderKey(h: string): string {
  return h
    .replace(/[(（【[][^)）】\]]*[)）】\]]/g, '')
    .replace(/[\s_\-.·:：/、]+/g, '')
    .toLowerCase();
}

const MARKER_KIND = new Map<string, MarkerKind>(
  (Object.entries(MARKER_HEADERS) as Array<[MarkerKind, readonly string[]]>).flatMap(([kind, hs]) => hs.map((h) => [historyHeaderKey(h), kind] as const)),
);
const VERSION = new Set(VERSION_HEADERS.map(historyHeaderKey));
const TIME_RANK = new Map(UPDATE_TIME_HEADERS.map((h, i) => [historyHeaderKey(h), i]));
const VALID_START = new Set(VALIDITY_START_HEADERS.map(historyHeaderKey));
const VALID_END = new Set(VALIDITY_END_HEADERS.map(historyHeaderKey));

export interface HistoryCandidate {
  column: ColumnMapping;
  role: 'marker' | 'version' | 'time' | 'start' | 'end';
  kind?: MarkerKind;
  rank?: number;
}

/** The unmapped columns whose headers name a history column (by the header alone). */
export function historyCandidates(columns: readonly ColumnMapping[]): HistoryCandidate[] {
  const out: HistoryCandidate[] = [];
  for (const c of columns) {
    if (c.field) continue;
    const k = historyHeaderKey(c.header);
    if (!k) continue;
    const kind = MARKER_KIND.get(k);
    if (kind) out.push({ column: c, role: 'marker', kind });
    else if (VERSION.has(k)) out.push({ column: c, role: 'version' });
    else if (TIME_RANK.has(k)) out.push({ column: c, role: 'time', rank: TIME_RANK.get(k)! });
    else if (VALID_START.has(k)) out.push({ column: c, role: 'start' });
    else if (VALID_END.has(k)) out.push({ column: c, role: 'end' });
  }
  return out;
}

const VERSION_VALUE = /^[0-9]{1,12}(\.[0-9]+)?$/;
const TIME_VALUES = [
  // 2024-05-06, 2024/5/6 10:04, 2024-05-06T10:04:01.123+08:00, 2024年5月6日 10:04:01
  /^[0-9]{4}[-/.年][0-9]{1,2}[-/.月][0-9]{1,2}日?([ T][0-9]{1,2}:[0-9]{1,2}(:[0-9]{1,2}(\.[0-9]+)?)?)?( ?(Z|UTC|[+-][0-9]{2}:?[0-9]{2}))?$/,
  // 20240506, 202405061004, 20240506100401
  /^(19|20)[0-9]{6}([0-9]{4}|[0-9]{6})?$/,
  // seconds or milliseconds since 1970
  /^1[0-9]{9}([0-9]{3})?$/,
];

/** Whether a column's sampled values are all what `role` holds (at least one value; a version's
 *  end may be empty throughout: every version current). */
function fits(c: HistoryCandidate, values: readonly string[]): boolean {
  const vs = values.map((v) => v.trim()).filter((v) => v !== '');
  if (!vs.length) return c.role === 'end' && values.length > 0;
  if (c.role === 'version') return vs.every((v) => VERSION_VALUE.test(v));
  // (9999-12-31 and 9999-99-99, a version still current, are of these forms)
  if (c.role === 'time' || c.role === 'start' || c.role === 'end') return vs.every((v) => TIME_VALUES.some((r) => r.test(v)));
  const words = MARKER_VALUES[c.kind!];
  const known = new Set([...words.deleted, ...words.live]);
  return vs.every((v) => known.has(v.toUpperCase()));
}

/** The history columns of a file: its candidates whose sampled values (samples[i]: column i's
 *  first rows, as sampleColumns reads them) fit. The first version column and the most telling
 *  time column (UPDATE_TIME_HEADERS' order) are taken. */
export function decideHistory(candidates: readonly HistoryCandidate[], samples: readonly (readonly string[])[]): HistoryColumns | undefined {
  const ok = candidates.filter((c) => fits(c, samples[c.column.index] ?? []));
  const markers = ok
    .filter((c) => c.role === 'marker')
    .map((c) => ({ index: c.column.index, header: c.column.header, kind: c.kind!, deleted: MARKER_VALUES[c.kind!].deleted }));
  const v = ok.find((c) => c.role === 'version');
  const t = ok.filter((c) => c.role === 'time').sort((a, b) => a.rank! - b.rank! || a.column.index - b.column.index)[0];
  // a 拉链表's period: a start and an end, both (the first of each)
  const start = ok.find((c) => c.role === 'start');
  const end = ok.find((c) => c.role === 'end');
  const validity = start && end ? { start: { index: start.column.index, header: start.column.header }, end: { index: end.column.index, header: end.column.header } } : undefined;
  if (!markers.length && !v && !t && !validity) return undefined;
  return {
    markers,
    ...(v ? { version: { index: v.column.index, header: v.column.header } } : {}),
    ...(t ? { time: { index: t.column.index, header: t.column.header } } : {}),
    ...(validity ? { validity } : {}),
  };
}

/** SQL: whether a version's end, cleaned text `t`, is open — the version is current: empty, or a
 *  year 9999 (9999-12-31, 9999-99-99, 99991231), as 拉链表 write it. */
export function openEndSql(t: string): string {
  return `coalesce(trim(${t}) = '' OR starts_with(trim(${t}), '9999'), TRUE)`;
}

/** SQL: whether cleaned text `t` is one of a marker's deleted values. */
export function deletedSql(m: DeletionMarker, t: string): string {
  return `upper(${t}) IN (${m.deleted.map(lit).join(', ')})`;
}

/** SQL: a version's number from cleaned text `t` (NULL when it is none). */
export function versionSql(t: string): string {
  return `try_cast(${t} AS DOUBLE)`;
}

/** SQL: a change time from cleaned text `t`, to order versions (NULL when it is none): a date and
 *  time as written (2024-05-06 10:04:01, 2024/5/6 10:04, 20240506100401), seconds or milliseconds
 *  since 1970, or a day alone (tj_date_c's forms) at midnight. */
export function timeSql(t: string): string {
  return `coalesce(
    try_cast(replace(replace(replace(replace(${t}, '/', '-'), '年', '-'), '月', '-'), '日', '') AS TIMESTAMP),
    CASE WHEN regexp_full_match(${t}, '(19|20)[0-9]{12}') THEN try_strptime(${t}, '%Y%m%d%H%M%S')
         WHEN regexp_full_match(${t}, '(19|20)[0-9]{10}') THEN try_strptime(${t}, '%Y%m%d%H%M')
         WHEN regexp_full_match(${t}, '1[0-9]{12}') THEN make_timestamp(CAST(${t} AS BIGINT) * 1000)
         WHEN regexp_full_match(${t}, '1[0-9]{9}') THEN make_timestamp(CAST(${t} AS BIGINT) * 1000000) END,
    CAST(tj_date_c(${t}) AS TIMESTAMP))`;
}

/** The import's and the preview's note of the deleted or void rows not loaded (zh / en). */
export function deletedNote(markers: readonly DeletionMarker[], rows: number): string {
  const zh = markers.map((m) => `「${m.header}」`).join('、');
  const en = markers.map((m) => `"${m.header}"`).join(', ');
  return `${zh}列是源系统的删除/作废标记：${rows} 行标为已删除或作废，未导入（不计为有效记录） / the column${markers.length > 1 ? 's' : ''} ${en} mark${markers.length > 1 ? '' : 's'} records the source system deleted or voided: ${rows} row(s) so marked were not loaded`;
}

/** The note of the older versions not loaded (zh / en). */
export function supersededNote(headers: readonly string[], rows: number): string {
  return `同一记录在本文件中有多个版本，按${headers.map((h) => `「${h}」`).join('、')}列判断新旧：只导入每条记录的最新版本，${rows} 行较旧的版本未导入 / several versions of one record in the file, told apart by ${headers.map((h) => `"${h}"`).join(', ')}: only each record's newest version was loaded, ${rows} older version row(s) were not`;
}

// From a file's headers (and its first values) to a table and a column → field mapping, each
// decision with its certainty: every header is scored against every field of every table, the
// columns are assigned to fields one to one by the largest total score (Munkres), and the table is
// the one whose assignment scores best — the closest table, never a refusal. A required field no
// column names is reported with the columns that come closest.
import { munkres } from 'munkres';
import { CANONICAL_TABLES, tableDef } from '../../schema/tables.js';
import { derivedKeyOf, type TableDef } from '../../schema/types.js';
import { FILE_HINTS, TABLE_MARKERS } from '../lexicon/fields.js';
import { fieldEvidence, profileColumn, yearLastOrder, type ColumnProfile, type DateOrder, type Evidence, type NameIndex } from './evidence.js';
import { analyse, analyseAs, classFit, scoreHeader, tableModel, type Analysed } from './score.js';
import { dictCodeColumns, sharedAsciiName } from './ascii-names.js';
import { addListColumns, addPartyIdFallback } from './fallbacks.js';
import { normaliseHeader, parseLegend } from './normalise.js';

export type Confidence = 'sure' | 'likely' | 'none';

/** A score at or above this applies the mapping (as likely at least). */
export const LIKELY = 0.6;
/** A header score at or above this, with nothing against it, applies it as sure. */
export const SURE = 0.9;

export interface ColumnDecision {
  index: number;
  header: string;
  field: string | null;
  confidence: Confidence;
  /** 0..1 */
  score: number;
  /** Why, in Chinese (the field's name, the phrase it matched, what the values said). */
  why: string;
  why_en: string;
  /** Multiplier for bare numbers, from a unit in the header (（万元） → 10000). */
  scale?: number;
  /** Dates written with the year last (3/20/2024, 20/3/2024): month first or day first, as the
   *  column's values say (yearLastOrder). */
  dateOrder?: DateOrder;
  /** Unmapped columns: the field that came closest, and whether another column has it. */
  nearest?: string;
  taken?: boolean;
  /** The column fills its field only where the field's own column is empty (fallbacks.ts). */
  fallback?: boolean;
}

export interface MissingField {
  field: string;
  zh: string;
  en: string;
  /** The columns that come closest, best first. */
  candidates: Array<{
    index: number;
    header: string;
    score: number;
    /** The header names the field outright; the values spoke against it (`against`, with one of
     *  them): the user is told so, not that the column is missing. */
    against?: { zh: string; example: string };
  }>;
}

export interface Recognition {
  table: string;
  tableConfidence: 'sure' | 'likely';
  columns: ColumnDecision[];
  missing: MissingField[];
  /** Every table with its score, best first. */
  ranking: Array<{ table: string; score: number }>;
}

export interface RecogniseOptions {
  fileName?: string;
  /** Column values (first rows), per column in header order. */
  samples?: ReadonlyArray<ReadonlyArray<string | null | undefined>>;
  names?: NameIndex;
}

const analysedCache = new Map<string, Analysed>();
function analysed(h: string): Analysed {
  let a = analysedCache.get(h);
  if (!a) {
    a = analyse(h);
    if (analysedCache.size > 20000) analysedCache.clear();
    analysedCache.set(h, a);
  }
  return a;
}

interface Cell {
  header: number;
  /** What the values say; weighed only where the header scores (the final score is their product),
   *  and on demand for a missing field's candidates (evidenceAt). */
  evidence: Evidence | undefined;
  final: number;
  phrase: string;
  exact: boolean;
  near: boolean;
}

interface TableResult {
  table: TableDef;
  /** The headers as analysed (a shared initials' reading chosen by values included). */
  hs: Analysed[];
  cells: Cell[][];
  profiles: Array<ColumnProfile | undefined>;
  assigned: Map<number, number>;
  score: number;
}

function scoreTable(t: TableDef, hs: Analysed[], profiles: Array<ColumnProfile | undefined>, fileName: string | undefined): TableResult {
  const tm = tableModel(t);
  const cells = hs.map((h, i) =>
    tm.fields.map((fm): Cell => {
      const s = scoreHeader(h, fm, tm);
      // A header that names nothing of the field scores 0 whatever its values say: weighing them
      // (every category value against every spelling) was most of recognition's time.
      const ev = s.score > 0 ? fieldEvidence(profiles[i], fm.field, t) : undefined;
      return { header: s.score, evidence: ev, final: Math.min(1, s.score * (ev?.factor ?? 1)), phrase: s.phrase, exact: s.exact, near: s.near === true };
    }),
  );
  const assigned = assignColumns(
    cells.map((row) => row.map((c) => c.final)),
    cells.map((row) => row.map((c) => c.exact && (c.evidence?.factor ?? 1) >= 0.9)),
    hs.map((h) => h.norm.core.length),
  );
  let score = 0;
  const keyish = new Set([...t.key, ...(t.detectBy ?? [])]);
  const mapped = new Set<string>();
  // A number alone (id, 编号, 代码) names no table's key in particular: an API's record id is no
  // 复议诉讼编号 (review_litigation's key is named id). It still maps; it tells the table little.
  // (姓名 alone does tell: a list of people.)
  const bare = (i: number) => hs[i]!.content.size === 0 && hs[i]!.cls === 'CODE' && !hs[i]!.notes.length;
  for (const [i, j] of assigned) {
    const f = tm.fields[j]!.field;
    mapped.add(f.name);
    score += cells[i]![j]!.final * (bare(i) ? 0.25 : keyish.has(f.name) ? 1.5 : 1);
  }
  // A required field no column names costs; one the table is known by (its key, or what detects
  // it) costs more: a catalogue without its code and its names is not that catalogue.
  for (const f of t.fields) if (f.required && !mapped.has(f.name)) score -= keyish.has(f.name) ? 0.75 : 0.25;
  // A column surely naming the table's own key (任务编号 in a task list) says which table the rows
  // are: the same header is only a reference in another table (an inspection's task number), and
  // a table none of whose columns holds its key cannot place a row.
  const own = tm.fields.findIndex((fm) => fm.field.name === t.key[0]);
  for (const [i, j] of assigned) if (j === own && cells[i]![j]!.final >= SURE && !bare(i)) score += 1;
  if (fileName && (FILE_HINTS[t.name] ?? []).some((w) => fileName.includes(w))) score += 0.6;
  // Ledgers name what they are about in their headers (许可机关, 处罚决定书文号, 被申请人).
  const markers = new Set(TABLE_MARKERS[t.name] ?? []);
  // Each kind of marker counts once: seven headers beginning 抽查 say 抽查 once.
  const marked = new Set(hs.flatMap((h) => [...h.content.keys()].filter((id) => markers.has(id)))).size;
  score += 0.25 * Math.min(marked, 6);
  // …and a ledger that names nothing of what such ledgers are about (no 处罚, 罚款, 听证 in a
  // penalty ledger) is less likely that ledger.
  if (markers.size && !marked) score -= 0.25;
  return { table: t, hs, cells, profiles, assigned, score };
}

/** A cell's evidence, weighed now if its header scored 0 (a missing field's candidates by values). */
function evidenceAt(r: TableResult, i: number, j: number): Evidence {
  const c = r.cells[i]![j]!;
  c.evidence ??= fieldEvidence(r.profiles[i], tableModel(r.table).fields[j]!.field, r.table);
  return c.evidence;
}

/**
 * Columns to fields, one to one, by the largest total (Munkres). The profit of a pair is its score
 * to the 4th power, so one strong match outweighs two weak ones (两列各自勉强像 ≠ 一列确实是), while
 * a column that fits two fields gives way to a column that fits only one; a header that is a usual
 * spelling of a field (`exact`) earns a bonus, so it keeps the field against two near readings; a
 * pair below LIKELY earns nothing; on a tie the more specific header (`specificity`: its length), then
 * the earlier column, wins. `scores[column][field]`.
 */
export function assignColumns(scores: ReadonlyArray<ReadonlyArray<number>>, exact?: ReadonlyArray<ReadonlyArray<boolean>>, specificity?: ReadonlyArray<number>): Map<number, number> {
  const assigned = new Map<number, number>();
  if (!scores.length || !scores[0]!.length) return assigned;
  // (on a tie, the header that says more wins — 问题来源 over a form's own 来源 column — and then
  // the earlier column)
  const cost = scores.map((row, i) => row.map((x, j) => (x >= LIKELY ? 1.5 - x ** 4 - (exact?.[i]?.[j] ? 0.5 : 0) - Math.min(specificity?.[i] ?? 0, 40) * 1e-6 + i * 1e-9 : 1.5)));
  for (const [i, j] of munkres(cost)) if (scores[i]![j]! >= LIKELY) assigned.set(i, j);
  return assigned;
}

function profilesOf(headers: readonly string[], opts: RecogniseOptions): Array<ColumnProfile | undefined> {
  return headers.map((h, i) => {
    const sample = opts.samples?.[i];
    if (!sample) return undefined;
    // a code legend in the header: the values weighed are the codes' texts (1 → 县级)
    const legend = parseLegend(h);
    return profileColumn(legend ? sample.map((v) => (v != null && legend[v.trim()] !== undefined ? legend[v.trim()]! : v)) : sample, opts.names);
  });
}

/** The headers analysed; a dictionary code beside its text's column (sourceChannel beside
 *  sourceChannel_dictText) as a header that says nothing: the text is the value; pinyin initials
 *  two phrases share read as the one the column's values choose (readByValues). */
function analysedAll(headers: readonly string[], profiles?: ReadonlyArray<ColumnProfile | undefined>): Analysed[] {
  const codes = dictCodeColumns(headers);
  return headers.map((h, i) => {
    const a = analysed(codes.has(i) ? '' : h);
    if (a.read || codes.has(i) || !profiles?.[i]) return a;
    const text = readByValues(h, profiles[i]);
    return text ? analyseAs(h, text) : a;
  });
}

/**
 * Pinyin initials two phrases share (jcjg: 检查结果 and 检查机关 — read as neither from the header
 * alone) read as one of them when the column's values choose it: the only phrase some field of
 * which its values speak for (most of them one enum's values, dates under a date, known units under
 * a unit), or the only one left when the values speak against every field of the others (words
 * under 处罚上限, an amount). Otherwise null: the column stays unread, as before.
 */
function readByValues(header: string, p: ColumnProfile | undefined): NonNullable<Analysed['read']> | null {
  const shared = sharedAsciiName(header);
  if (!shared || !p || p.n < 3) return null;
  // each phrase with the fields it names, in every table that has them
  const byText = new Map<string, Set<string>>();
  for (const { text, fields } of shared) for (const f of fields) (byText.get(text) ?? byText.set(text, new Set()).get(text)!).add(f);
  if (byText.size < 2) return null;
  const verdicts = [...byText].map(([text, names]) => {
    const factors = CANONICAL_TABLES.flatMap((t) => t.fields.filter((f) => names.has(f.name)).map((f) => fieldEvidence(p, f, t).factor));
    return { text, for: factors.some((x) => x > 1), against: factors.length > 0 && factors.every((x) => x < 1) };
  });
  const left = verdicts.filter((v) => !v.against);
  const backed = left.filter((v) => v.for);
  const chosen = backed.length === 1 ? backed[0]! : !backed.length && left.length === 1 && left.length < verdicts.length ? left[0]! : null;
  return chosen ? { text: chosen.text, how: 'pinyin', others: verdicts.filter((v) => v !== chosen).map((v) => v.text) } : null;
}

/** Recognises a file's table and columns. */
export function recognise(headers: readonly string[], opts: RecogniseOptions = {}): Recognition {
  const profiles = profilesOf(headers, opts);
  const hs = analysedAll(headers, profiles);
  const results = CANONICAL_TABLES.map((t) => scoreTable(t, hs, profiles, opts.fileName));
  distinctiveness(results);
  results.sort((a, b) => b.score - a.score);
  const best = results[0]!;
  const second = results[1];
  // Sure of the table only when it is clearly ahead: by two distinctive columns' worth, and by a
  // quarter of its score.
  const tableSure = best.assigned.size >= 2 && (!second || best.score - second.score >= Math.max(2, 0.25 * best.score));
  return decide(best, headers, tableSure, results.map((r) => ({ table: r.table.name, score: round(r.score) })));
}

/**
 * A column that fits one table much better than any other (被申请人, 工单编号) tells the table
 * more than one that fits many (立案日期, 承办人): each assigned column adds what it scores beyond
 * its best score in the other tables. A header that only points to its field (案由 to the matter,
 * a 文书号 to a permit) says too little of its table to count here.
 */
function distinctiveness(results: TableResult[]): void {
  const bestIn = results.map((r) => r.cells.map((row) => row.reduce((m, c) => Math.max(m, c.final), 0)));
  results.forEach((r, ti) => {
    for (const [i, j] of r.assigned) {
      if (r.cells[i]![j]!.near) continue;
      let others = 0;
      bestIn.forEach((b, tj) => {
        if (tj !== ti) others = Math.max(others, b[i]!);
      });
      r.score += Math.max(0, r.cells[i]![j]!.final - others);
    }
  });
}

/** Recognises a file's columns for a table the user chose. */
export function recogniseFor(table: string, headers: readonly string[], opts: RecogniseOptions = {}): Recognition {
  const t = tableDef(table);
  if (!t) throw new Error(`unknown table ${table}`);
  const profiles = profilesOf(headers, opts);
  const r = scoreTable(t, analysedAll(headers, profiles), profiles, opts.fileName);
  return decide(r, headers, true, [{ table, score: round(r.score) }]);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}

function decide(r: TableResult, headers: readonly string[], tableSure: boolean, ranking: Recognition['ranking']): Recognition {
  const tm = tableModel(r.table);
  const codes = dictCodeColumns(headers);
  const yearLast = new Map<number, NonNullable<ReturnType<typeof yearLastOrder>>>();
  const columns = headers.map((header, i): ColumnDecision => {
    const j = r.assigned.get(i);
    const h = r.hs[i]!;
    const text = j === undefined ? codes.get(i) : undefined;
    if (text !== undefined) {
      return {
        index: i,
        header,
        field: null,
        confidence: 'none',
        score: 0,
        why: `字典代码，其文字在“${text}”列（读取该列），本列保存在附加信息中`,
        why_en: `a dictionary code whose text is in "${text}" (that column is read); kept with the unmapped columns`,
      };
    }
    if (j === undefined) {
      const row = r.cells[i]!;
      let bj = -1;
      row.forEach((c, k) => {
        if (bj < 0 || c.final > row[bj]!.final) bj = k;
      });
      const near = bj >= 0 && row[bj]!.final >= 0.3 ? tm.fields[bj]!.field : null;
      const taken = bj >= 0 && row[bj]!.final >= LIKELY;
      return {
        index: i,
        header,
        field: null,
        confidence: 'none',
        ...(near ? { nearest: near.name, taken } : {}),
        score: bj >= 0 ? round(row[bj]!.final) : 0,
        why: taken && near ? `“${near.zh}”已由另一列对应，本列保存在附加信息中` : near ? `与任何字段都不够接近（最接近“${near.zh}”），保存在附加信息中` : '未识别，保存在附加信息中',
        why_en: taken && near ? `${near.en} is taken by another column; kept with the unmapped columns` : near ? `close to no field (nearest: ${near.en}); kept with the unmapped columns` : 'not recognised; kept with the unmapped columns',
      };
    }
    const fm = tm.fields[j]!;
    const c = r.cells[i]![j]!;
    // Another field of the table the header names as well: not sure which.
    // Another field of the table the header names as well, or another column naming this field as
    // well: not sure which.
    const fieldRival = r.cells[i]!.some((o, k) => k !== j && o.header >= c.header - 0.1 && o.header >= LIKELY);
    const columnRival = r.cells.some((row, k) => k !== i && row[j]!.final >= LIKELY && row[j]!.final >= c.final - 0.1);
    const rival = columnRival || (fieldRival && !c.exact);
    const evidence = evidenceAt(r, i, j);
    // a name in Latin letters is read as what it likely stands for: never sure
    const sure = tableSure && evidence.factor >= 0.9 && !rival && (c.exact || c.header >= SURE) && !h.read;
    // (initials two phrases share: which the values chose, and the others)
    const others = h.read?.others?.length ? `（也可读作${h.read.others.map((o) => `“${o}”`).join('、')}，按列中的值）` : '';
    const othersEn = h.read?.others?.length ? ` (also the initials of ${h.read.others.map((o) => `"${o}"`).join(', ')}; the column's values chose)` : '';
    const read = h.read ? `${h.read.how === 'english' ? '英文' : '拼音首字母'}字段名读作“${h.read.text}”${others}，` : '';
    const readEn = h.read ? `the ${h.read.how === 'english' ? 'English' : 'pinyin-initial'} name read as "${h.read.text}"${othersEn}; ` : '';
    const how = read + (c.exact ? `即“${fm.field.zh}”的常用写法` : `与“${c.phrase}”相近（${Math.round(c.header * 100)}%）`).replace(/^(?=[即与])/, read ? '' : '表头');
    const howEn = readEn + (c.exact ? `the header is a usual spelling of ${fm.field.en}` : `the header is close to "${c.phrase}" (${Math.round(c.header * 100)}%)`);
    const ev = evidence.note ? `；${evidence.note}` : '';
    const notes = [!tableSure ? '；数据表为推测' : '', columnRival ? '；另有一列同样像' : fieldRival && !c.exact ? '；也可能是其他字段' : ''].join('');
    const out: ColumnDecision = {
      index: i,
      header,
      field: fm.field.name,
      confidence: sure ? 'sure' : 'likely',
      score: round(c.final),
      why: `${how}${ev}${notes}`,
      why_en: `${howEn}${evidence.note ? `; values: ${evidence.note}` : ''}${!tableSure ? '; the table is a guess' : ''}`,
    };
    if (h.norm.scale && (fm.field.kind === 'money' || fm.field.kind === 'number')) out.scale = h.norm.scale;
    if (fm.field.kind === 'date') {
      const yl = yearLastOrder(r.profiles[i]?.values ?? []);
      if (yl) yearLast.set(i, yl);
    }
    return out;
  });
  assignYearLast(yearLast, columns, true);
  addPartyIdFallback(r.table.name, columns);
  addListColumns(r.table.name, columns);
  const mapped = new Set(columns.map((c) => c.field).filter(Boolean));
  const derived = derivedKeyOf(r.table, mapped)?.field;
  const missing: MissingField[] = r.table.fields
    .filter((f) => f.required && !mapped.has(f.name) && f.name !== derived)
    .map((f) => {
      const j = tm.fields.findIndex((x) => x.field.name === f.name);
      // Columns that come close by header or values, or free columns of the right sort (a date
      // column for a date field).
      const fits = (i: number) => {
        const cls = r.hs[i]!.cls;
        return !columns[i]!.field && cls !== undefined && classFit(f.kind, cls) >= 0.95 && f.kind !== 'text' && f.kind !== 'ref';
      };
      // A header of another sort (抽查类型, 姓名 for an id) is no candidate, however close its words;
      // for an id, a date or an amount the header must say its sort (编号, 日期, 金额) or the values must.
      const unlike = (i: number) => {
        const cls = r.hs[i]!.cls;
        if (cls !== undefined) return classFit(f.kind, cls) < 0.5;
        return (f.kind === 'id' || f.kind === 'date' || f.kind === 'money') && evidenceAt(r, i, j).factor <= 1;
      };
      const candidates = r.cells
        .map((row, i) => {
          const c = row[j]!;
          const ev = evidenceAt(r, i, j);
          const example = r.profiles[i]?.values[0];
          // a header that names the field outright, refused for its values (立案日期 holding 2024年3月)
          const against = (c.exact || c.header >= SURE) && ev.factor < 0.9 && ev.note && example !== undefined ? { against: { zh: ev.note, example } } : {};
          return { index: i, header: headers[i]!, score: round(c.final), ...against };
        })
        .filter((c) => !unlike(c.index) && (c.score > 0.15 || evidenceAt(r, c.index, j).factor > 1 || fits(c.index)))
        .sort((a, b) => b.score - a.score)
        .slice(0, 3);
      return { field: f.name, zh: f.zh, en: f.en, candidates };
    });
  // A required date no column names, with one candidate only — a free column whose header says it
  // is a date and comes near (检查完成日期 for 检查日期), and whose values are dates (most of them,
  // written as dates) — is taken as that date, to confirm: the file is imported with the column
  // marked 待确认 instead of refused.
  const left = missing.filter((m) => {
    const f = r.table.fields.find((x) => x.name === m.field)!;
    const only = m.candidates.length === 1 ? m.candidates[0]! : null;
    if (f.kind !== 'date' || !only || columns[only.index]!.field) return true;
    const cls = r.hs[only.index]!.cls;
    const p = r.profiles[only.index];
    if (cls === undefined || classFit('date', cls) < 0.95 || !p || p.n < 3 || p.date < 0.8) return true;
    columns[only.index] = {
      ...columns[only.index]!,
      field: f.name,
      confidence: 'likely',
      score: only.score,
      why: `必填项“${f.zh}”没有对应的列，本列是唯一相近的日期列（值为日期）：请确认`,
      why_en: `no column names the required ${f.en}; this is the only date column near it (its values are dates): please confirm`,
    };
    return false;
  });
  return { table: r.table.name, tableConfidence: tableSure ? 'sure' : 'likely', columns, missing: left, ranking };
}

/** How header-like a row is: the columns the closest table recognises (to find the header row
 *  below title rows). Cells that cannot be headers (long text, numbers, dates) count nothing. */
/** The most cells of one row weighed as a possible header (a wider header is still read whole). */
const MAX_HEADER_CELLS = 1024;

let exactNames: Set<string> | undefined;

/** Whether a header is, as written, one of the spellings that name a field exactly (of any table):
 *  没收违法所得, 计划完成日期 — not 日期 or 名称, which say little alone. */
/**
 * Year-last dates (3/20/2024): each date column's order from its values (yearLastOrder); a column
 * whose values do not tell month from day is read as the file's other date columns are (one file,
 * one way of writing dates); with none to tell, month first, to confirm. `explain`: say so in the
 * columns' reasons (recognition) — a mapping given or remembered only gets the order.
 */
export function assignYearLast(
  found: ReadonlyMap<number, NonNullable<ReturnType<typeof yearLastOrder>>>,
  columns: ReadonlyArray<{ index: number; dateOrder?: DateOrder; confidence?: Confidence; why?: string; why_en?: string }>,
  explain: boolean,
): void {
  const told = new Set([...found.values()].filter((y) => y.told).map((y) => y.order));
  for (const [i, yl] of found) {
    const c = columns.find((x) => x.index === i) as { dateOrder?: DateOrder; confidence?: Confidence; why?: string; why_en?: string } | undefined;
    if (!c) continue;
    const borrowed = !yl.told && told.size === 1;
    const order = borrowed ? [...told][0]! : yl.order;
    c.dateOrder = order;
    if (!explain) continue;
    if (borrowed) {
      c.why = `${c.why ?? ''}；年在后的日期按“${order === 'mdy' ? '月/日/年' : '日/月/年'}”读（同一文件其他日期列的写法）`;
      c.why_en = `${c.why_en ?? ''}; year-last dates read ${order === 'mdy' ? 'month' : 'day'} first (as the file's other date columns)`;
    } else {
      c.why = `${c.why ?? ''}；${yl.why}`;
      c.why_en = `${c.why_en ?? ''}; ${yl.why_en}`;
      // no value told month from day: a guess, to confirm
      if (!yl.told) c.confidence = 'likely';
    }
  }
}

export function namesFieldExactly(header: string): boolean {
  exactNames ??= new Set(CANONICAL_TABLES.flatMap((t) => tableModel(t).fields.flatMap((f) => [...f.exact])));
  return exactNames.has(normaliseHeader(header).full);
}

export function headerRowScore(cells: readonly string[], beat?: number): number {
  // Only the cells that may be headers are weighed (their places do not count): a data row of
  // 16,384 cells, mostly empty — a web table of colspan="1000" cells — took 80 s for 600 rows.
  // A row of more than MAX_HEADER_CELLS such cells is weighed by its first ones.
  const hs = cells.filter((c) => c && c.length <= 40 && !/^[\d\s.,:/-]+$/.test(c)).slice(0, MAX_HEADER_CELLS);
  const possible = hs.length;
  if (possible < 2) return 0;
  // The score counts cells, so a row with no more candidate cells than `beat` cannot score above
  // it: the caller looking for a better row is told 0 without the row being weighed.
  if (beat !== undefined && possible <= beat) return 0;
  let best = 0;
  const as = hs.map(analysed);
  for (const t of CANONICAL_TABLES) {
    const r = scoreTable(t, as, [], undefined);
    let n = 0;
    for (const [i, j] of r.assigned) if (r.cells[i]![j]!.final >= LIKELY) n++;
    best = Math.max(best, n);
    if (best === possible) break; // every candidate cell recognised: no table can do better
  }
  return best;
}

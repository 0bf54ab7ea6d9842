// Fixed-width text tables: what database clients print, saved to a file by a clerk — an Oracle
// SQL*Plus `spool` (the header underlined by runs of dashes, one space between them), the `mysql`
// client's bordered table (+----+----+ and | a | b |) and psql's aligned output (a | b over
// ---+---). The columns are where the rule line under the header puts them, measured in display
// columns: a Chinese character takes two (SQL*Plus in a GBK database pads by bytes, which is the
// same; psql and mysql pad by display width). Each line is cut there and its cells trimmed. The
// echoed command and the client's messages above the header, the header and rule repeated on every
// page, blank lines and the closing count (已选择 38 行。, (38 rows), 38 rows in set) are no records.
// A line that does not fit the columns (a value run past its column, as SQL*Plus wraps one) is a
// rejected row, not guessed at.

export type FixedWidthKind = 'sqlplus' | 'psql' | 'mysql';

export interface FixedWidthLayout {
  kind: FixedWidthKind;
  /** Each column's display columns [start, end). */
  cols: Array<[number, number]>;
  /** The display columns between and around the columns, and the character they hold on every
   *  line of the table (a space, or | for psql and mysql). */
  seps: number[];
  sepChar: ' ' | '|';
  /** The rule's display width: nothing but white space may stand past it. */
  width: number;
  /** The header's line (1-based), its text as written (end trimmed) and its cells. */
  headerLine: number;
  headerText: string;
  headers: string[];
  /** The rule line (end trimmed): its repeats are no records. */
  rule: string;
  /** The first line of the records (1-based). */
  firstLine: number;
}

/** Wide and fullwidth characters (Unicode East Asian Width W and F): two display columns. */
function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xa960 && cp <= 0xa97f) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe10 && cp <= 0xfe19) ||
    (cp >= 0xfe30 && cp <= 0xfe6f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
  );
}

/** Characters that take no column (combining marks, zero-width characters). */
function isZeroWidth(cp: number): boolean {
  return (cp >= 0x0300 && cp <= 0x036f) || (cp >= 0x200b && cp <= 0x200f) || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f);
}

/** How wide a character is, by one of the measures a client pads by: its display width (East Asian
 *  Width: wide and fullwidth two, the rest one), its bytes in GBK (every non-ASCII character two:
 *  SQL*Plus in a ZHS16GBK database, which makes “”—· two as well), or in UTF-8 (SQL*Plus counting
 *  bytes in an AL32UTF8 database: a Chinese character three). */
export type WidthMeasure = 'display' | 'gbk' | 'utf8';

export function charWidth(cp: number, measure: WidthMeasure = 'display'): number {
  if (cp < 0x80) return 1;
  if (measure === 'gbk') return isZeroWidth(cp) ? 0 : 2;
  if (measure === 'utf8') return cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  if (isZeroWidth(cp)) return 0;
  return isWide(cp) ? 2 : 1;
}

/** The display width of a text (see charWidth). */
export function displayWidth(text: string, measure: WidthMeasure = 'display'): number {
  let w = 0;
  for (const ch of text) w += charWidth(ch.codePointAt(0)!, measure);
  return w;
}

const SQLPLUS_RULE = /^ *-+( +-+)+ *$/;
const PSQL_RULE = /^-+(\+-+)+$/;
const MYSQL_BORDER = /^\+(-+\+)+$/;

/** The columns of a rule line: its runs of dashes, and what stands between them. */
function ruleColumns(rule: string): { cols: Array<[number, number]>; seps: number[] } {
  const cols: Array<[number, number]> = [];
  const seps: number[] = [];
  for (let i = 0; i < rule.length; ) {
    if (rule[i] === '-') {
      const s = i;
      while (i < rule.length && rule[i] === '-') i++;
      cols.push([s, i]);
    } else {
      // (leading spaces of a SQL*Plus rule are no separator: its first column may start there)
      if (cols.length || rule[i] !== ' ') seps.push(i);
      i++;
    }
  }
  return { cols, seps };
}

/** A line cut into cells; `overflow`: the columns a value ran past its column by, when the line
 *  was read with the later columns shifted (see cutFixedLine). */
export type CutResult = { cells: string[]; overflow?: Array<{ col: number; by: number; value: string }> } | { problem: 'overflow' | 'misaligned' };

type LayoutCols = Pick<FixedWidthLayout, 'cols' | 'seps' | 'sepChar' | 'width'>;

const SPACE = /\s/;

/**
 * Cuts a line at the columns, measuring by `measure`. Strict: every separator position holds the
 * separator, no character reaches over a column's end, nothing but white space past the rule.
 * `pushed`: a value may run past its column's end up to the next space, the later columns then read
 * shifted by as much (a client that prints a value whole and pushes the rest of the line on: all of
 * 07's dates 31-12月 -26 are a column wider than their dashes) — accepted only when every later
 * separator still holds a space and every later value touches its shifted column's start or end
 * (left- or right-aligned), and a later value confirms the shift — so that a line that does not
 * read consistently, or is merely longer than the rule, is still refused.
 */
function cutBy(line: string, layout: LayoutCols, measure: WidthMeasure, pushed: boolean): CutResult {
  const chars: Array<{ ch: string; w: number }> = [];
  for (const ch of line.replace(/\s+$/, '')) chars.push({ ch, w: charWidth(ch.codePointAt(0)!, measure) });
  const sepSet = new Set(layout.seps);
  const isSep = (ch: string) => ch === layout.sepChar || (layout.sepChar === ' ' && SPACE.test(ch));
  const cells: string[] = [];
  const overflow: Array<{ col: number; by: number; value: string }> = [];
  let shift = 0;
  // a push not yet confirmed by a later value where the shift puts it (a push in the last filled
  // column, a line merely longer than the rule, is no reading but a guess)
  let unconfirmed = false;
  let pos = 0;
  let i = 0;
  for (let k = 0; k < layout.cols.length; k++) {
    const s = layout.cols[k]![0] + shift;
    const e = layout.cols[k]![1] + shift;
    // the separator (or a rule's indent) before the column
    while (i < chars.length && pos < s) {
      const { ch, w } = chars[i]!;
      if (w === 0) {
        i++;
        continue;
      }
      if (sepSet.has(pos - shift) ? !isSep(ch) : !SPACE.test(ch)) return { problem: 'misaligned' };
      pos += w;
      i++;
    }
    if (pos > s) return { problem: 'misaligned' }; // a wide character over the column's start
    let text = '';
    let start = -1;
    let end = -1;
    while (i < chars.length && pos < e) {
      const { ch, w } = chars[i]!;
      if (pos + w > e) break; // reaches over the column's end
      if (!SPACE.test(ch) && w > 0) {
        if (start < 0) start = pos;
        end = pos + w;
      }
      text += ch;
      pos += w;
      i++;
    }
    if (i < chars.length && (pos < e || !isSep(chars[i]!.ch))) {
      // the value goes on past its column's end
      if (!pushed || layout.sepChar !== ' ' || SPACE.test(chars[i]!.ch) || end !== pos) return { problem: 'misaligned' };
      while (i < chars.length && !SPACE.test(chars[i]!.ch)) {
        text += chars[i]!.ch;
        pos += chars[i]!.w;
        i++;
      }
      end = pos;
      overflow.push({ col: k, by: pos - e, value: text.trim() });
      shift += pos - e;
      unconfirmed = true;
    } else if (shift > 0 && start >= 0) {
      // after a pushed value, a value neither at its column's start nor at its end: no reading
      if (start !== s && end !== e) return { problem: 'misaligned' };
      unconfirmed = false;
    }
    cells.push(text.trim());
  }
  // past the last column: the closing separator (mysql's |), and nothing more
  while (i < chars.length) {
    const { ch, w } = chars[i]!;
    if (w > 0 && !(sepSet.has(pos - shift) && isSep(ch))) return { problem: 'misaligned' };
    pos += w;
    i++;
  }
  if (unconfirmed) return { problem: 'overflow' };
  return overflow.length ? { cells, overflow } : { cells };
}

/** One line cut at the layout's columns, its cells trimmed; or why it does not fit them. Measured
 *  in display columns first, then (for a line with non-ASCII text) by GBK and UTF-8 bytes, as a
 *  client padding by bytes writes it; strictly first, then with pushed values (see cutBy). */
export function cutFixedLine(line: string, layout: LayoutCols): CutResult {
  // (a line many times the rule's width cannot fit it: told at once — cutting a 50 MiB line
  // character by character ran the process out of memory)
  if (line.length > 4 * layout.width + 64) return { problem: 'overflow' };
  const wide = /[^\x00-\x7f]/.test(line);
  const measures: WidthMeasure[] = wide ? ['display', 'gbk', 'utf8'] : ['display'];
  let first: CutResult | null = null;
  for (const pushed of [false, true]) {
    for (const m of measures) {
      const r = cutBy(line, layout, m, pushed);
      if ('cells' in r) return r;
      first ??= r;
    }
  }
  // a line wider than the rule: a value ran past its column (as opposed to one out of line)
  return displayWidth(line.replace(/\s+$/, '')) > layout.width ? { problem: 'overflow' } : first!;
}

/** The layout of a fixed-width table in the first lines of a text (`lines`: without their line
 *  ends), or null: a rule line (SQL*Plus dashes in two columns at least, psql's ---+---, mysql's
 *  +---+ border) under a header whose every column is filled and that fits the rule's columns. */
export function detectFixedWidth(lines: readonly string[]): FixedWidthLayout | null {
  const n = Math.min(lines.length, 200);
  for (let i = 0; i < n; i++) {
    const rule = lines[i]!.replace(/\s+$/, '');
    let kind: FixedWidthKind | null = null;
    let headerIdx = i - 1;
    let firstIdx = i + 1;
    if (i > 0 && SQLPLUS_RULE.test(rule)) kind = 'sqlplus';
    else if (i > 0 && PSQL_RULE.test(rule)) kind = 'psql';
    else if (MYSQL_BORDER.test(rule) && i + 2 < lines.length && lines[i + 2]!.replace(/\s+$/, '') === rule && /^\|.*\|$/.test(lines[i + 1]!.trim())) {
      kind = 'mysql';
      headerIdx = i + 1;
      firstIdx = i + 3;
    }
    if (!kind) continue;
    const { cols, seps } = ruleColumns(rule);
    if (cols.length < 2) continue;
    const layout = { cols, seps, sepChar: kind === 'sqlplus' ? (' ' as const) : ('|' as const), width: rule.length };
    const headerText = lines[headerIdx]!.replace(/\s+$/, '');
    if (!headerText.trim()) continue;
    // A client's table has nothing above its header but the echoed command, the client's messages
    // and blank lines, and no delimiter in its header: a CSV quoting a small table in a cell (a
    // header, then ------- -------) is a CSV — its records above were dropped as "commands"
    if (kind === 'sqlplus' && /[,\t]/.test(headerText)) continue;
    if (lines.slice(0, Math.min(headerIdx, i)).some((l) => l.trim() !== '' && !COMMAND.test(l) && /[,\t]/.test(l))) continue;
    const cut = cutFixedLine(headerText, layout);
    if (!('cells' in cut) || cut.cells.some((c) => c === '')) continue;
    return { kind, ...layout, headerLine: headerIdx + 1, headerText, headers: cut.cells, rule, firstLine: firstIdx + 1 };
  }
  return null;
}

/** What a line of the table that is no record is. */
export type NoRecordKind = 'blank' | 'header' | 'rule' | 'footer' | 'command';

/** The closing count a client prints under its rows: SQL*Plus (Chinese and English), psql, mysql;
 *  the number it gives, when it gives one. */
const FOOTER =
  /^\s*(?:已选择\s*(\d+)\s*行。?|(\d+)\s+rows?\s+selected\.?|\((\d+)\s+rows?\)|(\d+)\s+rows?\s+in\s+set\b.*|Empty set\b.*|未选定行|no rows selected)\s*$/i;

/** The client's own lines: a command echoed after the SQL> prompt, an SQL*Plus (SP2-nnnn:) or
 *  Oracle (ORA-nnnnn:) message — with its colon: a cell holding the code alone is data — mysql's
 *  and psql's prompts. */
const COMMAND = /^\s*(SQL>|SP2-\d+:|ORA-\d+:|mysql>|\S*=[#>]\s)/;

/** Whether a line of the table is no record, and what it is; null for a record. `footerCount`
 *  receives the count a footer gives. */
export function noRecordLine(line: string, layout: FixedWidthLayout, footerCount?: (n: number) => void): NoRecordKind | null {
  const t = line.replace(/\s+$/, '');
  if (t.trim() === '') return 'blank';
  if (t === layout.rule) return 'rule';
  if (t === layout.headerText) return 'header';
  const f = FOOTER.exec(t);
  if (f) {
    const n = f[1] ?? f[2] ?? f[3] ?? f[4];
    footerCount?.(n === undefined ? 0 : Number(n));
    return 'footer';
  }
  if (COMMAND.test(t)) return 'command';
  return null;
}

/** The name a warning gives the layout. */
export function fixedWidthName(kind: FixedWidthKind): { zh: string; en: string } {
  return kind === 'sqlplus'
    ? { zh: 'Oracle SQL*Plus 输出（spool）', en: 'Oracle SQL*Plus output (spool)' }
    : kind === 'psql'
      ? { zh: 'PostgreSQL psql 输出', en: 'PostgreSQL psql output' }
      : { zh: 'MySQL 客户端输出', en: 'MySQL client output' };
}

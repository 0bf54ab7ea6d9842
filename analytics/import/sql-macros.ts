// Value parsing happens in DuckDB, not in JS: every source format is staged as text and converted
// by these macros in one vectorised pass. They accept the forms Chinese exports write.
// Each macro returns NULL for an empty cell and NULL for a value it cannot read; the caller tells
// the two apart (empty is fine unless required; unreadable rejects the row).

/** Characters that separate items of a list cell: 、，,;；／/ and any white space. */
export const LIST_SEPARATORS = '[、，,;；／/|｜\\s]+';

/** strptime formats tried after the fast ISO cast, in order. */
export const DATE_FORMATS = [
  '%Y/%m/%d',
  '%Y年%m月%d日',
  '%Y.%m.%d',
  '%Y%m%d',
  '%Y-%m-%d %H:%M:%S',
  '%Y/%m/%d %H:%M:%S',
  '%Y-%m-%d %H:%M',
  '%Y/%m/%d %H:%M',
  '%Y-%m-%dT%H:%M:%S',
  '%Y年%m月%d日 %H:%M:%S',
  '%Y年%m月%d日 %H:%M',
  '%Y年%m月%d日%H时%M分',
  // the timestamps many systems' databases export as digits (yyyyMMddHHmmss, yyyyMMddHHmm)
  '%Y%m%d%H%M%S',
  '%Y%m%d%H%M',
  // java.util.Date's toString() on a server in China, what a Java export writes when nobody
  // formatted the date: Fri Jan 05 00:00:00 CST 2024
  '%a %b %d %H:%M:%S CST %Y',
  // an English date as some systems format it: Mar 5, 2024; March 5, 2024; 5 Mar 2024
  '%b %d, %Y',
  '%B %d, %Y',
  '%d %b %Y',
  // java.text.DateFormat's medium form on an English-locale server, which Gson writes for every
  // Date when nobody set a format: Mar 5, 2024 10:20:00 AM (Java 9+: Mar 5, 2024, 10:20:00 AM)
  '%b %d, %Y %I:%M:%S %p',
  '%b %d, %Y, %I:%M:%S %p',
];

/** A date as official documents write it (公文日期): 二〇二四年一月五日, also with ○ or 零 for zero
 *  (tj_date_c reads it; recognition counts it as a date). */
export const CN_DATE_PATTERN = '[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日';

/** The numbers 1–31 in Chinese numerals (一 … 十 … 二十一 … 三十一): a position in this list. */
const CN_NUMBERS = Array.from({ length: 31 }, (_, i) => {
  const n = i + 1;
  const d = '一二三四五六七八九';
  if (n < 10) return d[n - 1]!;
  const tens = Math.floor(n / 10);
  return (tens > 1 ? d[tens - 1] : '') + '十' + (n % 10 ? d[(n % 10) - 1] : '');
});

// (the ticks and crosses of several fonts: ✓ ✔ ☑ and × ✗ ✘ ✕ ✖ ☒ — WPS and Word offer them all)
// (and a box ticked, crossed or filled, ☑ ☒ ▣ ■, against an empty one, ☐ □, as a form's check
// boxes print: ☒ is the ticked glyph of Word's check-box content control — a cross alone is no)
export const TRUE_WORDS = ['是', 'Y', 'YES', '1', '√', '✓', '✔', '☑', '☒', '▣', '■', 'TRUE', 'T', '有', '对', '已', '是的'];
export const FALSE_WORDS = ['否', 'N', 'NO', '0', '×', '✗', '✘', '✕', '✖', '☐', '□', 'X', 'FALSE', 'F', '无', '未', '不是'];
/** A dictionary's code before its word, as 政务服务 systems export a yes/no (1-是, 0-否): looked up
 *  only for a text of their length (5–7 bytes), so the common words pay nothing for them. */
const CODED = (code: string, words: readonly string[]) => words.flatMap((w) => ['-', '－', '—', ':', '：', '.'].map((d) => `${code}${d}${w}`));
export const CODED_TRUE = [...CODED('1', ['是', '有'])];
export const CODED_FALSE = [...CODED('0', ['否', '无']), ...CODED('2', ['否'])];

/** Both answers printed with a box each and the chosen one ticked (☑是 ☐否, □是 ■否): yes, and
 *  no (RE2 and JavaScript patterns, whole text). */
// (and a bilingual answer: 是 Yes, 否/No, as a catalogue published in two languages writes it)
export const BALLOT_YES = '[☑☒▣■√✓✔]\\s*是\\s*[☐□]\\s*否|是\\s*[/／]?\\s*[Yy][Ee][Ss]|[Yy][Ee][Ss]\\s*[/／]?\\s*是';
export const BALLOT_NO = '[☐□]\\s*是\\s*[☑☒▣■√✓✔]\\s*否|否\\s*[/／]?\\s*[Nn][Oo]|[Nn][Oo]\\s*[/／]?\\s*否';

/** Texts that stand for "empty" in exports (a cell filled with /, 无, NULL, N/A…), in upper case
 *  as tj_ph compares them. Never a value of any field: an id, a date, an amount or a name. (无 is
 *  also a yes/no word — 无 means no — and a parsed value is read before it is taken as one; #N/A
 *  is Excel's error value, told as such.) */
export const PLACEHOLDERS = [
  '/', '／', '\\', '-', '－', '--', '---', '—', '——', '―', '─', '_', '.', '。', '…', '?', '？',
  'NULL', 'NONE', 'NAN', 'N/A', 'NA', 'NIL',
  // NULL as MySQL's SELECT … INTO OUTFILE, mysqldump's text and DataX's text writers spell it
  '\\N',
  '无', '暂无', '空', '(空)', '（空）', '空白', '不详', '未知', '未填', '未填写',
  // an empty value as Excel's pivot tables show it (zh-CN, en-US), kept when one is pasted as values
  '(空白)', '（空白）', '(BLANK)',
  // a question a form's logic skipped, as 问卷星 exports it
  '(跳过)',
  // "not applicable": 证件号码 不涉及 for a person, 听证 不适用 for a summary case. Read as empty,
  // not as no (是否落实 不适用 is no failure) and never as an id that every such party shares.
  '不涉及', '未涉及', '不适用', '无需', '不需要',
];

/** tj_ph compares a text of up to 9 UTF-8 bytes with the placeholders as long (nearly all of
 *  them), and a longer one with the few longer placeholders only ((空白)'s full-width form, 12
 *  bytes): a date (10 bytes) or a name then costs one comparison, as before that one was added. */
const PH_BYTES = (p: string) => new TextEncoder().encode(p).length;
const PLACEHOLDERS_SHORT = PLACEHOLDERS.filter((p) => PH_BYTES(p) <= 9);
const PLACEHOLDERS_LONG = PLACEHOLDERS.filter((p) => PH_BYTES(p) > 9);
const PLACEHOLDER_MAX_BYTES = Math.max(...PLACEHOLDERS.map(PH_BYTES));

/** Letters a text recogniser (OCR: WPS 图片转表格, 微信 提取表格文字) reads for digits — O o 〇 for 0,
 *  l I for 1 — and the digits they stand for (translate() arguments). */
export const OCR_DIGITS_FROM = 'OoIl〇';
export const OCR_DIGITS_TO = '00110';
/** A date of digits and those letters, perhaps with spaces an OCR put in it (2O24-O4-2l,
 *  2024 -02-2 2, 2〇24年5月l6日): year, month and day in that order (RE2 and JS, whole text). */
export const OCR_DATE_PATTERN = '[0-9OoIl〇]{4} *[-/.年] *[0-9OoIl〇 ]{1,3} *[-/.月] *[0-9OoIl〇 ]{1,3} *日?';
/** An amount of digits and those letters (5OOO, lOOO, 1,2OO.5O元): three characters at least, or
 *  a digit among them. */
export const OCR_MONEY_PATTERN = '([0-9OoIl〇]{3,}|[0-9OoIl〇]*[0-9][0-9OoIl〇]*)([,，][0-9OoIl〇]{3})*([.][0-9Oo]{1,2})?元?';
/** The two patterns as JS regular expressions over a whole text (recognition, the import's note). */
export const OCR_DATE_RE = new RegExp(`^(?:${OCR_DATE_PATTERN})$`);
export const OCR_MONEY_RE = new RegExp(`^(?:${OCR_MONEY_PATTERN})$`);
/** A text with those letters as the digits they stand for (what translate() does in tj_date_c). */
export function ocrDigits(v: string): string {
  let out = '';
  for (const c of v) {
    const i = OCR_DIGITS_FROM.indexOf(c);
    out += i >= 0 ? OCR_DIGITS_TO[i] : c;
  }
  return out;
}

/** A date written as none (see tj_date_ph): an RE2 and JS pattern. */
export const ZERO_DATE_PATTERN = '0|0{8}|0{4}[-/.]0{2}[-/.]0{2}( 0{2}:0{2}(:0{2})?)?';

/** Excel's error values, as a sheet or a CSV saved from one shows them (an RE2 and JS pattern). */
export const EXCEL_ERROR_PATTERN = '#(N/A|VALUE!|REF!|DIV/0!|NAME\\?|NUM!|NULL!|SPILL!|CALC!|GETTING_DATA)';

/** SQL: whether cleaned text `t` is one of Excel's error values. */
export const excelErrorSql = (t: string): string => `regexp_full_match(${t}, '${EXCEL_ERROR_PATTERN}')`;

/** The reason code of a placeholder for "empty" in a field, and whether a code is one: such a
 *  value is listed apart from the values that could not be read, and warned of nowhere. */
export const placeholderCode = (field: string): string => `${field}.placeholder`;
export const isPlaceholderCode = (code: string): boolean => code.endsWith('.placeholder');

/** Characters that hide digits of an id number as published lists print it (3302**********1234,
 *  330922××××××××123X): such a number names no one — people who share the visible digits share
 *  it — so it is no id of a person or a business (personIdField). */
export const MASK_CHARS = ['*', '＊', '×', '●'];

/** A run of x standing for digits: 330922xxxxxxxx1234 — four or more after four or more digits
 *  (an id's check character is one X at its end; a USCC's letters follow no four digits with XXXX). */
const X_MASK = '^[0-9]{4,}[xX]{4,}[0-9]*[xX]?$';

/** SQL: whether cleaned text `t` holds a mask character (MASK_CHARS) or a run of x for digits
 *  (X_MASK). contains() is a byte search: a few on a short id cost less than one pattern, which
 *  runs only on a text holding an x. */
export const maskedSql = (t: string): string =>
  `(${MASK_CHARS.map((c) => `contains(${t}, '${c}')`).join(' OR ')} OR ((contains(${t}, 'x') OR contains(${t}, 'X')) AND regexp_matches(${t}, '${X_MASK}')))`;

/** The reason code of a masked id number in a field, and whether a code is one: such values are
 *  listed as one line per field (each masked number is its own text). */
export const maskedCode = (field: string): string => `${field}.masked`;
export const isMaskedCode = (code: string): boolean => code.endsWith('.masked');

/** The reason code of a text without a digit in a field naming a person or a business (未提供 as
 *  an id number): no id. */
export const noIdCode = (field: string): string => `${field}.noid`;

/** SQL: whether cleaned text `t` holds no ASCII digit. Ten byte searches joined by AND: an id, whose
 *  first test nearly always finds its 0 or 1, stops there (a pattern cost ≈ 65 ns a row, these
 *  ≈ 12). */
export const noDigitSql = (t: string): string => [...'0123456789'].map((d) => `NOT contains(${t}, '${d}')`).join(' AND ');

/** The characters of an amount in Chinese numerals (moneySql), as an RE2 class. */
const CN_MONEY_CHARS = '[零壹贰叁肆伍陆柒捌玖〇一二两三四五六七八九拾十佰百仟千万亿元圆角分整正]';

/** An amount's digits (RE2, in an SQL literal): a comma, half- or full-width, only between
 *  thousands. */
const MONEY_NUMBER = '-?([0-9]{1,3}([,，][0-9]{3})+|[0-9]+)(\\.[0-9]+)?';

/** Invisible format characters (Unicode Cf) that copying from web pages, Word and some systems
 *  leaves in a value: the soft hyphen, the Mongolian vowel separator, zero-width spaces and
 *  joiners, the left-to-right/right-to-left marks, embeddings, overrides and isolates, the word
 *  joiner and invisible operators, and U+FEFF inside a text (a stray BOM, also zero-width). Cleaning
 *  deletes them: 「海洋执法队\u200b」 is 海洋执法队, and a right-to-left override cannot make a name
 *  display as another in a report. Code-point ranges, for RE2 (\x{…}), JS (\u…) and translate(). */
export const INVISIBLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00ad, 0x00ad],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x2064],
  [0x2066, 0x206f],
  [0xfeff, 0xfeff],
];
const hex = (n: number, w: number) => n.toString(16).toUpperCase().padStart(w, '0');
/** The characters of code-point ranges, in order. */
const rangeChars = (ranges: readonly (readonly [number, number])[]): string =>
  String.fromCodePoint(...ranges.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, i) => a + i)));
/** INVISIBLE_RANGES as the body of a character class: RE2 syntax (for SQL) or JS syntax. */
export const invisibleClass = (syntax: 're2' | 'js'): string =>
  INVISIBLE_RANGES.map(([a, b]) => {
    const one = (n: number) => (syntax === 're2' ? `\\x{${hex(n, 4)}}` : `\\u${hex(n, 4)}`);
    return a === b ? one(a) : `${one(a)}-${one(b)}`;
  }).join('');
/** Full-width digits and Latin letters (U+FF10–FF19, FF21–FF3A, FF41–FF5A) and their ASCII forms,
 *  in the same order, for translate(). */
const FULLWIDTH_FROM = rangeChars([[0xff10, 0xff19], [0xff21, 0xff3a], [0xff41, 0xff5a]]);
const FULLWIDTH_TO = [...FULLWIDTH_FROM].map((c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).join('');

/** The spaces other than U+0020 that cleaning makes ordinary spaces: the ideographic (full-width)
 *  space, the no-break space, and the rarer Unicode space separators (U+1680, U+2000–200A, the
 *  narrow no-break space U+202F that Java 20+ writes before AM/PM, U+205F). DuckDB's trim() takes
 *  them off a value's ends; inside a value they were kept, so Dec 31, 2024, 9:05:00\u202fPM read as
 *  no date. */
const SPACES_FROM = rangeChars([[0x3000, 0x3000], [0x00a0, 0x00a0], [0x1680, 0x1680], [0x2000, 0x200a], [0x202f, 0x202f], [0x205f, 0x205f]]);
const SPACES_TO = ' '.repeat([...SPACES_FROM].length);

/** Every invisible character, as an SQL string literal for translate()'s from-list (the characters
 *  themselves: chr(…) || … bound 28 calls wherever a macro was expanded). */
const INVISIBLE_CHRS = `'${rangeChars(INVISIBLE_RANGES)}'`;

const list = (xs: readonly string[]) => xs.map((x) => `'${x.replace(/'/g, "''")}'`).join(', ');

// The *_c macros take text already cleaned by tj_clean (trimmed; NULL when empty), so a cell is
// cleaned once however many checks look at it. There are no plain ones that clean first (tj_date(s)
// as tj_date_c(tj_clean(s))): DuckDB binds a macro built of others when it is created, and six such
// took ≈ 80 ms of the ≈ 100 ms these cost on every opening of a workspace (every command).
export const MACROS_SQL = `
-- Full-width, no-break and the rarer Unicode spaces (SPACES_FROM) become spaces before trimming,
-- invisible format characters (INVISIBLE_RANGES: zero-width spaces, direction marks, a stray BOM)
-- are deleted. translate() is slow, so it runs only on the rare cells that hold one. Tabs and line breaks around a value are
-- trimmed too, and the marks spreadsheet users and exports put on a value to keep it text are
-- taken off: ="330922…" (the formula form) and a leading apostrophe.
-- (trim() strips the Unicode space separators but not tabs or line breaks; trim(t, chars) only chars)
CREATE OR REPLACE TEMP MACRO tj_trim_ws(t) AS trim(trim(trim(t), ' ' || chr(9) || chr(10) || chr(13)));
-- A macro repeats its argument wherever the body names it, and each copy is bound and planned
-- again: tj_clean names each step's text once or twice (bound in ≈ 5 ms instead of ≈ 9), and a
-- marked value — rare — is unmarked by one pattern.
CREATE OR REPLACE TEMP MACRO tj_unmark(t) AS (
  CASE WHEN NOT (starts_with(t, '=') OR starts_with(t, '''')) THEN t
       ELSE tj_trim_ws(regexp_replace(t, '^(?:="(.*)"|''(.*))$', '\\1\\2', 's')) END);
-- Full-width digits and Latin letters (２０２４, ＺＦ０１９９, typed with a Chinese input method in
-- full-width mode) become ASCII (FULLWIDTH_FROM/TO).
CREATE OR REPLACE TEMP MACRO tj_fullwidth(v) AS (
  CASE WHEN contains(v, chr(12288)) OR contains(v, chr(160)) OR regexp_matches(v, '[０-９Ａ-Ｚａ-ｚ\\x{1680}\\x{2000}-\\x{200A}\\x{202F}\\x{205F}${invisibleClass('re2')}]')
       THEN translate(v, '${SPACES_FROM}${FULLWIDTH_FROM}' || ${INVISIBLE_CHRS}, '${SPACES_TO}${FULLWIDTH_TO}') ELSE v END);
CREATE OR REPLACE TEMP MACRO tj_clean(s) AS nullif(tj_unmark(tj_trim_ws(tj_fullwidth(CAST(s AS VARCHAR)))), '');
-- tj_clean for a text known to hold a character it acts on, inside a CASE branch (cleanExpr):
-- DuckDB shares a repeated subexpression only outside conditional branches, and tj_clean's
-- argument is repeated (a macro copies it wherever the body names it), so there the trims ran
-- eight times. The same steps — translate unconditionally, which changes nothing where
-- tj_fullwidth would not — with the trimmed text bound once by a lambda.
CREATE OR REPLACE TEMP MACRO tj_clean_1(s) AS list_transform(
  [tj_trim_ws(translate(CAST(s AS VARCHAR), '${SPACES_FROM}${FULLWIDTH_FROM}' || ${INVISIBLE_CHRS}, '${SPACES_TO}${FULLWIDTH_TO}'))],
  t -> nullif(tj_unmark(t), ''))[1];

-- A two-digit year: 00–49 are 20xx, 50–99 are 19xx (Oracle's RR rule; a year 2030–2049 is a
-- certificate's or permit's end, 1930–1949 no enforcement date) — four digits stay as written.
CREATE OR REPLACE TEMP MACRO tj_year2(y) AS (CASE WHEN y >= 100 THEN y WHEN y < 50 THEN 2000 + y ELSE 1900 + y END);

CREATE OR REPLACE TEMP MACRO tj_date_c(t) AS (
  CASE WHEN t IS NULL THEN NULL
  -- 2024年3月5日 exactly: strptime gives what the steps below give (checked on every year with
  -- every month and day form), several times faster than the replace() chain
  WHEN contains(t, '年') AND regexp_full_match(t, '[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日') THEN CAST(try_strptime(t, '%Y年%m月%d日') AS DATE)
  ELSE coalesce(
    -- a time with its zone (2024-03-04T16:00:00Z, …+0000, … UTC, JavaScript's … GMT+0800 (中国标准时间)):
    -- the day is the day in Beijing (UTC+8). Java's Jackson and JavaScript's JSON write dates in
    -- UTC, so midnight of 5 March in Beijing is written as 16:00 on the 4th.
    -- (strlen first: a plain date costs one more comparison)
    CASE WHEN strlen(t) >= 17 AND (contains(t, '+') OR ends_with(t, 'Z') OR ends_with(t, 'UTC') OR ends_with(t, 'GMT') OR ends_with(t, ')'))
         THEN CAST(make_timestamp(epoch_us(coalesce(
           CASE WHEN regexp_full_match(t, '[0-9]{4}[-/][0-9]{1,2}[-/][0-9]{1,2}[T ]?[0-9]{1,2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)? ?(Z|UTC|GMT|[+][0-9]{2}(:?[0-9]{2})?)')
                THEN try_cast(replace(t, '/', '-') AS TIMESTAMPTZ) END,
           CASE WHEN regexp_full_match(t, '[A-Z][a-z]{2} [A-Z][a-z]{2} [0-9]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT[+-][0-9]{4}( [(].*[)])?')
                THEN try_strptime(regexp_replace(t, ' [(].*[)]$', ''), '%a %b %d %Y %H:%M:%S GMT%z') END)) + 28800000000) AS DATE) END,
    -- digits then 年 never cast (the year must be followed by - / \\ or a space): skip the cast,
    -- whose failure is slow
    CASE WHEN contains(t, '年') AND regexp_matches(t, '^[0-9]+年') THEN NULL ELSE try_cast(t AS DATE) END,
    -- a two-digit year before 年 (24年3月5日) is how people write this century's years: 00–49 are
    -- 20xx and 50–99 are 19xx (Oracle's RR rule); the cast below would give the year 0024
    CASE WHEN contains(t, '年') AND regexp_full_match(t, '[0-9]{2}年[0-9]{1,2}月[0-9]{1,2}日')
         THEN try(make_date(tj_year2(CAST(left(t, 2) AS INTEGER)),
                            CAST(regexp_extract(t, '年([0-9]+)月', 1) AS INTEGER), CAST(regexp_extract(t, '月([0-9]+)日', 1) AS INTEGER))) END,
    -- 2024/3/5, 2024.3.5 and 2024年3月5日 become 2024-3-5, which the fast cast reads
    -- (and the full-width separators －／． typed with the digits)
    try_cast(replace(replace(replace(replace(replace(translate(t, '－／．', '-/.'), '/', '-'), '.', '-'), '年', '-'), '月', '-'), '日', ' ') AS DATE),
    -- milliseconds since 1970 (what JSON APIs of Java systems and pandas' to_json give:
    -- 2001..2033), a day in Beijing time (UTC+8, no daylight saving since 1991). Before the
    -- formats: %Y%m%d%H%M%S reads some of them as a time of the 17th century (1646092800000,
    -- 2022-03-01, as 1646-09-28 00:00:00), which no date is written as (13 digits)
    CASE WHEN strlen(t) = 13 THEN CASE WHEN regexp_full_match(t, '1[0-9]{12}')
         THEN CAST(make_timestamp((CAST(t AS BIGINT) + 28800000) * 1000) AS DATE) END END,
    CAST(try_strptime(t, [${list(DATE_FORMATS)}]) AS DATE),
    -- Excel serial day numbers (1927..2173); Excel counts from 1899-12-30
    CASE WHEN regexp_full_match(t, '[1-9][0-9]{4}(\\.[0-9]+)?')
         THEN DATE '1899-12-30' + CAST(floor(CAST(t AS DOUBLE)) AS INTEGER) END,
    -- seconds since 1970 (PHP's and Python's time(): 2001..2033), the same day in Beijing
    CASE WHEN regexp_full_match(t, '1[0-9]{9}')
         THEN CAST(make_timestamp((CAST(t AS BIGINT) + 28800) * 1000000) AS DATE) END,
    -- Oracle's default DD-MON-RR, as SQL*Plus spools it: 05-3月 -24 (Chinese), 05-MAR-24 (English);
    -- also 5-Mar-2024
    CASE WHEN regexp_full_match(t, '[0-9]{1,2}-[0-9]{1,2}月 ?-[0-9]{2}([0-9]{2})?')
         THEN try(make_date(tj_year2(CAST(regexp_extract(t, '-([0-9]+)$', 1) AS INTEGER)),
                            CAST(regexp_extract(t, '-([0-9]+)月', 1) AS INTEGER), CAST(regexp_extract(t, '^([0-9]+)', 1) AS INTEGER))) END,
    CASE WHEN regexp_full_match(t, '[0-9]{1,2}-[A-Za-z]{3}-[0-9]{2}([0-9]{2})?')
         THEN try(make_date(tj_year2(CAST(regexp_extract(t, '-([0-9]+)$', 1) AS INTEGER)),
                            list_position(['JAN','FEB','MAR','APR','MAY','JUN','JUL','AUG','SEP','OCT','NOV','DEC'], upper(regexp_extract(t, '-([A-Za-z]+)-', 1))),
                            CAST(regexp_extract(t, '^([0-9]+)', 1) AS INTEGER))) END,
    -- the date as official documents write it (公文日期): 二〇二四年一月五日, also with ○ or 零
    -- for zero; a day that does not exist (二月三十日) is no date
    CASE WHEN contains(t, '年') AND regexp_full_match(t, '${CN_DATE_PATTERN}')
         THEN try(make_date(CAST(translate(left(t, 4), '〇○零一二三四五六七八九', '000123456789') AS INTEGER),
                            list_position([${list(CN_NUMBERS)}], regexp_extract(t, '年(.+)月', 1)),
                            list_position([${list(CN_NUMBERS)}], regexp_extract(t, '月(.+)日', 1)))) END,
    -- a date a text recogniser read from a photograph (OCR): O o 〇 for 0, l I for 1, spaces put
    -- in (2O24-O4-2l, 2024 -02-2 2) — only digits can stand there; the import says so (ocrNote)
    CASE WHEN regexp_full_match(t, '${OCR_DATE_PATTERN}')
         THEN try_cast(replace(replace(replace(replace(replace(replace(translate(t, '${OCR_DIGITS_FROM}', '${OCR_DIGITS_TO}'), ' ', ''), '/', '-'), '.', '-'), '年', '-'), '月', '-'), '日', '') AS DATE) END
  ) END);

-- A date with the year last (3/20/2024, 20.3.2024, 3/20/2024 14:05): month first when mdy, day first
-- otherwise; NULL for anything else (and for a day that does not exist: 2/30/2024).
CREATE OR REPLACE TEMP MACRO tj_date_yl(t, mdy) AS (
  CASE WHEN regexp_full_match(t, '(?i)[0-9]{1,2}[-/.][0-9]{1,2}[-/.][0-9]{4}([ T][0-9]{1,2}:[0-9]{2}(:[0-9]{2})?( ?[AP]M)?)?')
       THEN try(make_date(CAST(regexp_extract(t, '[-/.]([0-9]{4})', 1) AS INTEGER),
                          CAST(regexp_extract(t, CASE WHEN mdy THEN '^([0-9]+)' ELSE '^[0-9]+[-/.]([0-9]+)' END, 1) AS INTEGER),
                          CAST(regexp_extract(t, CASE WHEN mdy THEN '^[0-9]+[-/.]([0-9]+)' ELSE '^([0-9]+)' END, 1) AS INTEGER))) END);

-- A date outside 1949..2100 is a typo, not a date (Excel serials of small numbers, 0024-03-05).
CREATE OR REPLACE TEMP MACRO tj_date_ok(d) AS (d IS NULL OR (year(d) BETWEEN 1949 AND 2100));

-- Money in yuan: thousands separators, 元/￥/¥/RMB/人民币, 元整 as documents write it, 万/万元
-- (x 10,000) and 千/千元 (x 1,000). scale multiplies a bare number (a column headed 罚款金额（万元）has scale 10000).
-- A comma must separate thousands (1,234.50): 1,23 or 12,50 is no amount, not 123 or 1250. Total:
-- an amount of a trillion yuan or more (an id pasted into the column, a typo) is NULL — never an
-- overflow error that fails the whole file — and tj_money_like tells it from text that is no
-- amount at all.
-- Hand-kept ledgers also write 罚款5000元, 5000元（已缴）, 12000（元） and 5千元: a leading 罚款/罚金 and a
-- remark in a bracket at the end are dropped — not a bracket holding a digit or a unit of 千/万/亿,
-- which would say a different amount.
CREATE OR REPLACE TEMP MACRO tj_money_text(t) AS
  regexp_replace(t, '\\s|^(罚款|罚金)?(RMB|人民币|￥|¥)?|整$|[（(][^（()）0-9千万亿]*[)）]$', '', 'g');
-- d × scale as DECIMAL(18,2) when below a trillion yuan: DECIMAL(14,2) holds exactly the amounts
-- below 10^12, so try_cast to it is the bound. The product is taken as DECIMAL(36,6) (a DECIMAL(18)
-- product that overflows is an error even inside try_cast); with scale 1 — the constant in nearly
-- every column, folded away — there is none. d is named once per branch: a macro repeats its
-- argument's expression wherever it is used.
CREATE OR REPLACE TEMP MACRO tj_money_scaled(d, scale) AS (
  CASE WHEN scale = 1 THEN CAST(try_cast(d AS DECIMAL(14,2)) AS DECIMAL(18,2))
       ELSE CAST(try_cast(d * CAST(scale AS DECIMAL(18,0)) AS DECIMAL(14,2)) AS DECIMAL(18,2)) END);
CREATE OR REPLACE TEMP MACRO tj_money_c(t, scale) AS (
  CASE WHEN t IS NULL THEN NULL ELSE coalesce(
    -- text with a comma never casts to a number: skip the cast, whose failure is slow (and
    -- without one, the second form is the first again)
    CASE WHEN NOT contains(t, ',') THEN tj_money_scaled(try_cast(t AS DECIMAL(18,6)), scale) END,
    CASE WHEN contains(t, ',') AND regexp_full_match(t, '-?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?') THEN tj_money_scaled(try_cast(replace(t, ',', '') AS DECIMAL(18,6)), scale) END,
    CASE
      WHEN regexp_full_match(tj_money_text(t), '${MONEY_NUMBER}万元?')
        THEN tj_money_scaled(try_cast(regexp_replace(regexp_extract(tj_money_text(t), '^(-?[0-9,，]+(\\.[0-9]+)?)', 1), '[,，]', '', 'g') AS DECIMAL(18,6)), 10000)
      WHEN regexp_full_match(tj_money_text(t), '${MONEY_NUMBER}千元?')
        THEN tj_money_scaled(try_cast(regexp_replace(regexp_extract(tj_money_text(t), '^(-?[0-9,，]+(\\.[0-9]+)?)', 1), '[,，]', '', 'g') AS DECIMAL(18,6)), 1000)
      WHEN regexp_full_match(tj_money_text(t), '${MONEY_NUMBER}元?')
        THEN tj_money_scaled(try_cast(regexp_replace(regexp_extract(tj_money_text(t), '^(-?[0-9,，]+(\\.[0-9]+)?)', 1), '[,，]', '', 'g') AS DECIMAL(18,6)), scale)
      -- an amount read by OCR (5OOO, lOOO): its letters are the digits they look like (ocrNote)
      WHEN regexp_full_match(t, '${OCR_MONEY_PATTERN}')
        THEN tj_money_scaled(try_cast(regexp_replace(translate(t, '${OCR_DIGITS_FROM}', '${OCR_DIGITS_TO}'), '[,，元]', '', 'g') AS DECIMAL(18,6)), scale)
    END
  ) END);
-- Whether the text is written as an amount at all (whatever its size): tells "too large" from
-- "not an amount" in the reasons.
CREATE OR REPLACE TEMP MACRO tj_money_like(t) AS
  regexp_full_match(tj_money_text(t), '${MONEY_NUMBER}(万元?|千元?|元)?');

-- Whole numbers, allowing a unit word after them (90天, 3次) and a trailing .0 from spreadsheets.
CREATE OR REPLACE TEMP MACRO tj_int_c(t) AS (
  CASE WHEN t IS NULL THEN NULL ELSE coalesce(
    try_cast(t AS INTEGER),
    -- (2024年度: a year as a ledger writes it)
    CASE WHEN regexp_full_match(t, '-?[0-9]+(\\.0+)?\\s*(天|日|个工作日|次|年|年度|人|件)?')
         THEN try_cast(regexp_extract(t, '^(-?[0-9]+)', 1) AS INTEGER) END
  ) END);
-- Whether the text is written as a whole number at all (whatever its size).
CREATE OR REPLACE TEMP MACRO tj_int_like(t) AS
  regexp_full_match(t, '-?[0-9]+(\\.0+)?\\s*(天|日|个工作日|次|年|年度|人|件)?');

CREATE OR REPLACE TEMP MACRO tj_number_c(t) AS (
  CASE WHEN t IS NULL THEN NULL ELSE coalesce(
    try_cast(t AS DOUBLE),
    CASE WHEN regexp_full_match(replace(t, ',', ''), '-?[0-9]+(\\.[0-9]+)?\\s*(学时|小时|h|分|%)?')
         THEN try_cast(regexp_extract(replace(t, ',', ''), '^(-?[0-9]+(\\.[0-9]+)?)', 1) AS DOUBLE) END
  ) END);

CREATE OR REPLACE TEMP MACRO tj_bool_c(t) AS (
  CASE
    WHEN t IS NULL THEN NULL
    WHEN t = '是' THEN TRUE
    WHEN t = '否' THEN FALSE
    -- list_contains rather than IN: DuckDB turns a long IN list into a join, which is computed
    -- for every row, not only for the rows that get this far
    WHEN list_contains([${list(TRUE_WORDS)}], upper(t)) THEN TRUE
    WHEN list_contains([${list(FALSE_WORDS)}], upper(t)) THEN FALSE
    WHEN strlen(t) BETWEEN 5 AND 7 AND list_contains([${list(CODED_TRUE)}], t) THEN TRUE
    WHEN strlen(t) BETWEEN 5 AND 7 AND list_contains([${list(CODED_FALSE)}], t) THEN FALSE
    -- as ledgers write a yes or no: 已批准/已审核/已听证 and 未批准/尚未审核 (a short word after
    -- 已 or 未, as 已 and 未 alone are yes and no), 线上/网上 and 线下 (is it handled online), and a
    -- yes/no word before a remark in a bracket: 是（网上）, √（已审核）
    WHEN length(t) > 7 THEN NULL
    -- both answers printed with a box each, the chosen one ticked: ☑是 ☐否, □是 ■否
    WHEN regexp_full_match(t, '${BALLOT_YES}') THEN TRUE
    WHEN regexp_full_match(t, '${BALLOT_NO}') THEN FALSE
    WHEN regexp_full_match(t, '已[\\p{Han}]{1,4}|线上|网上') THEN TRUE
    WHEN regexp_full_match(t, '(未|尚未|没有)[\\p{Han}]{1,4}|线下') THEN FALSE
    WHEN regexp_matches(t, '^[^（(]{1,3}[（(]') THEN
      CASE WHEN list_contains([${list(TRUE_WORDS)}], upper(regexp_extract(t, '^([^（(]+)[（(][^（()）]*[)）]$', 1))) THEN TRUE
           WHEN list_contains([${list(FALSE_WORDS)}], upper(regexp_extract(t, '^([^（(]+)[（(][^（()）]*[)）]$', 1))) THEN FALSE END
    ELSE NULL
  END);

-- A placeholder for "empty" (PLACEHOLDERS): bytes first, so a longer text costs one comparison —
-- as a CASE, because an AND computed for every row (a SELECT list, the __bad flag) computes both
-- sides whole.
CREATE OR REPLACE TEMP MACRO tj_ph(t) AS (CASE WHEN strlen(t) <= 9 THEN list_contains([${list(PLACEHOLDERS_SHORT)}], upper(t))
  ${PLACEHOLDERS_LONG.length ? `WHEN strlen(t) <= ${PLACEHOLDER_MAX_BYTES} THEN list_contains([${list(PLACEHOLDERS_LONG)}], upper(t))` : ''} ELSE FALSE END);

-- A date written as none: MySQL's zero date (0000-00-00, 0000-00-00 00:00:00), 00000000, and an
-- API's 0 for "no time" (revoke_time: 0). Looked at only where the date did not parse.
CREATE OR REPLACE TEMP MACRO tj_date_ph(t) AS (CASE WHEN starts_with(t, '0') AND strlen(t) <= 19 THEN regexp_full_match(t, '${ZERO_DATE_PATTERN}') ELSE FALSE END);

-- A cell that is exactly a JSON array is that list: a form tool's multi-select (钉钉宜搭, 简道云
-- export it as ["警告","罚款"]), each item trimmed, empty ones and nulls dropped — split on the
-- separators it was ["[\"警告\"", "\"罚款\"]"]. An item that is no text or number (true, [1,2],
-- {"a":1}) is its JSON text (hostile probe 10: [[1,2],"a"] was split into [[1 | 2] | "a"]).
-- Anything else ([警告] unquoted, a control character written as a JSON escape) is split as
-- before. (Nested CASEs: json_extract is reached only by valid JSON, json_valid only by a text in
-- brackets.)
CREATE OR REPLACE TEMP MACRO tj_list_c(t) AS (
  CASE WHEN t IS NULL THEN NULL
       WHEN CASE WHEN starts_with(t, '[') AND ends_with(t, ']') THEN
              json_valid(t) AND NOT regexp_matches(t, '\\\\u00([01][0-9a-fA-F]|7[fF]|[89][0-9a-fA-F])')
            ELSE FALSE END
         THEN nullif(list_filter(list_transform(CAST(json_extract(t, '$[*]') AS JSON[]),
                x -> trim(CASE json_type(x) WHEN 'VARCHAR' THEN json_extract_string(x, '$') WHEN 'NULL' THEN NULL ELSE CAST(x AS VARCHAR) END, ' \t\n\r\u3000')), x -> x <> ''), [])
       WHEN NOT regexp_matches(t, '${LIST_SEPARATORS}') THEN [t]
       ELSE list_filter(regexp_split_to_array(t, '${LIST_SEPARATORS}'), x -> x <> '') END);

-- Matching key for names and enum values: half-width brackets, no spaces, upper case.
-- An id Excel turned into a number and shows in scientific notation (3.30922E+17): its digits are
-- lost, so it is no id (contains() first: the pattern runs only on cells with a plus sign).
CREATE OR REPLACE TEMP MACRO tj_sci_id(t) AS (contains(t, '+') AND regexp_full_match(t, '[0-9]([.][0-9]+)?[Ee][+][0-9]{1,3}'));
CREATE OR REPLACE TEMP MACRO tj_key_c(t) AS upper(replace(replace(replace(t, '（', '('), '）', ')'), ' ', ''));
CREATE OR REPLACE TEMP MACRO tj_name_key(s) AS tj_key_c(tj_clean(s));
`;

/** SQL: amount text `t` (cleaned) in yuan as DECIMAL(18,2): tj_money_c's forms (a number times
 *  `scale`), else 大写 as documents write an amount (伍佰元整, 壹万零伍拾元, and after 罚款/人民币 as a decision
 *  quotes it: 罚款人民币伍仟元整), always in yuan. The 大写
 *  reading is written into the conversion, not a macro: as one it was bound at every opening of
 *  a workspace (≈ 2–3 ms, for a form only imports read); coalesce reaches it only for text no
 *  number form read, and only text of its characters, 24 at most, is read. */
export function moneySql(t: string, scale: string | number): string {
  return `coalesce(tj_money_c(${t}, ${scale}), CASE WHEN regexp_full_match(${t}, '(罚款|罚金)?(人民币)?${CN_MONEY_CHARS}{1,24}') THEN tj_money_scaled(${moneyCnSql(`regexp_replace(${t}, '^(罚款|罚金)?(人民币)?', '')`)}, 1) END)`;
}

/**
 * An amount in Chinese numerals (大写 壹贰叁…拾佰仟万亿元角分, or 一二三…十百千): digits set the
 * pending digit n; 拾/佰/仟 add n × 10/100/1000 to the section s (拾 alone is 10); 万 and 亿 close
 * the section into the total t; 元 ends the yuan, 角 and 分 add fen f; 整 says nothing more. NULL
 * when a character is none of these, digits follow 元 without 角 or 分 (伍元叁), or 亿 follows an
 * amount of 10 万 or more (亿亿亿 would overflow: the caller also takes at most 24 characters).
 * (The result is read through a one-item list_transform: a subquery would run for every row.)
 */
function moneyCnSql(u: string): string {
  return `list_transform([list_reduce(list_transform(string_split(${u}, ''), ch -> struct_pack(t := 0::BIGINT, s := 0::BIGINT, n := 0::BIGINT, f := 0::BIGINT, y := FALSE, ok := TRUE, c := ch)), (a, x) -> CASE
      WHEN strpos('零壹贰叁肆伍陆柒捌玖', x.c) > 0 THEN struct_pack(t := a.t, s := a.s, n := strpos('零壹贰叁肆伍陆柒捌玖', x.c)::BIGINT - 1, f := a.f, y := a.y, ok := a.ok, c := '')
      WHEN strpos('〇一二三四五六七八九', x.c) > 0 THEN struct_pack(t := a.t, s := a.s, n := strpos('〇一二三四五六七八九', x.c)::BIGINT - 1, f := a.f, y := a.y, ok := a.ok, c := '')
      WHEN x.c = '两' THEN struct_pack(t := a.t, s := a.s, n := 2::BIGINT, f := a.f, y := a.y, ok := a.ok, c := '')
      WHEN x.c IN ('拾', '十') THEN struct_pack(t := a.t, s := a.s + CASE WHEN a.n = 0 THEN 1 ELSE a.n END * 10, n := 0::BIGINT, f := a.f, y := a.y, ok := a.ok, c := '')
      WHEN x.c IN ('佰', '百') THEN struct_pack(t := a.t, s := a.s + a.n * 100, n := 0::BIGINT, f := a.f, y := a.y, ok := a.ok, c := '')
      WHEN x.c IN ('仟', '千') THEN struct_pack(t := a.t, s := a.s + a.n * 1000, n := 0::BIGINT, f := a.f, y := a.y, ok := a.ok, c := '')
      WHEN x.c = '万' THEN struct_pack(t := a.t + (a.s + a.n) * 10000, s := 0::BIGINT, n := 0::BIGINT, f := a.f, y := a.y, ok := a.ok, c := '')
      WHEN x.c = '亿' THEN struct_pack(t := CASE WHEN a.t + a.s + a.n < 100000 THEN (a.t + a.s + a.n) * 100000000 ELSE 0 END, s := 0::BIGINT, n := 0::BIGINT, f := a.f, y := a.y, ok := a.ok AND a.t + a.s + a.n < 100000, c := '')
      WHEN x.c IN ('元', '圆') THEN struct_pack(t := a.t + a.s + a.n, s := 0::BIGINT, n := 0::BIGINT, f := a.f, y := TRUE, ok := a.ok AND NOT a.y, c := '')
      WHEN x.c = '角' THEN struct_pack(t := a.t, s := a.s, n := 0::BIGINT, f := a.f + a.n * 10, y := a.y, ok := a.ok, c := '')
      WHEN x.c = '分' THEN struct_pack(t := a.t, s := a.s, n := 0::BIGINT, f := a.f + a.n, y := a.y, ok := a.ok, c := '')
      WHEN x.c IN ('整', '正') THEN a
      ELSE struct_pack(t := a.t, s := a.s, n := a.n, f := a.f, y := a.y, ok := FALSE, c := '') END,
    struct_pack(t := 0::BIGINT, s := 0::BIGINT, n := 0::BIGINT, f := 0::BIGINT, y := FALSE, ok := TRUE, c := ''))],
  r -> CASE WHEN r.ok AND NOT (r.y AND r.n > 0) AND (r.t > 0 OR r.s > 0 OR r.n > 0 OR r.f > 0 OR contains(${u}, '零') OR contains(${u}, '〇'))
            THEN CAST(((r.t + r.s + CASE WHEN r.y THEN 0 ELSE r.n END) * 100 + r.f) / 100 AS DECIMAL(18,2)) END)[1]`;
}

/** SQL: text `t`, NULL when it is a placeholder for "empty". (Not a macro: a macro built of
 *  another is bound when created, on every opening of a workspace.) */
export const noPlaceholderSql = (t: string): string => `CASE WHEN tj_ph(${t}) THEN NULL ELSE ${t} END`;

/** SQL: the items of a list of units or officers (承办人 ZF0199、ZF0209) — none for a placeholder
 *  for "empty" (无, N/A: not the officers N and A), and an Excel error value as one item. */
export const refListSql = (t: string): string =>
  `CASE WHEN tj_ph(${t}) THEN NULL WHEN starts_with(${t}, '#') AND ${excelErrorSql(t)} THEN [${t}] ELSE tj_list_c(${t}) END`;

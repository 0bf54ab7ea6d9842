// Errors the user sees: always Chinese first, English second, and what to do about it.

export type ErrorCode =
  | 'WORKSPACE_LOCKED'
  | 'WORKSPACE_NOT_DUCKDB'
  | 'WORKSPACE_FOREIGN_OBJECTS'
  | 'WORKSPACE_DAMAGED'
  | 'WORKSPACE_NOT_TIJIAN'
  | 'WORKSPACE_TOO_NEW'
  | 'WORKSPACE_OPEN_FAILED'
  | 'WORKSPACE_READ_ONLY'
  | 'WORKSPACE_NEEDS_UPGRADE'
  | 'WORKSPACE_DISK_FULL'
  | 'DISK_FULL'
  | 'NOT_WRITABLE'
  | 'TEMP_DIR_UNUSABLE'
  | 'FILE_NOT_FOUND'
  | 'FILE_UNSUPPORTED'
  | 'FILE_EMPTY'
  | 'FILE_ENCODING'
  | 'FILE_DAMAGED'
  | 'FILE_TOO_LARGE'
  | 'TABLE_UNKNOWN'
  | 'TABLE_AMBIGUOUS'
  | 'MAPPING_INVALID'
  | 'MAPPING_MISSING_REQUIRED'
  | 'IMPORT_FAILED'
  | 'IMPORT_CANCELLED'
  | 'IMPORT_NOT_FOUND'
  | 'IMPORT_ALREADY_UNDONE'
  | 'USAGE'
  | 'INDEX_INVALID'
  | 'RULES_INVALID'
  | 'RUN_NOT_FOUND'
  | 'PERIOD_INVALID'
  | 'NOT_FOUND'
  | 'DATA_NOT_READY'
  | 'METHOD_UNAVAILABLE'
  | 'INTERNAL';

export class TijianError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly zh: string,
    readonly en: string,
    readonly details?: unknown,
  ) {
    super(`${zh}\n${en}`);
    this.name = 'TijianError';
  }

  /** One line for logs and CLI output. */
  get bilingual(): string {
    return `${this.zh} / ${this.en}`;
  }
}

export function isTijianError(e: unknown): e is TijianError {
  return e instanceof TijianError;
}

/** Text of any error, bilingual when we know it. */
export function errorText(e: unknown): string {
  if (e instanceof TijianError) return `${e.zh}\n${e.en}`;
  if (e instanceof Error) return e.message;
  return String(e);
}

// ---------------------------------------------------------------------------------------------
// Broken and hostile input files. Each message names the user's file (never a temporary copy),
// says what is wrong in words, and what to do; raw parser or zlib text is at most a detail.

export type FileErrorCode = 'FILE_DAMAGED' | 'FILE_TOO_LARGE' | 'FILE_UNSUPPORTED' | 'FILE_ENCODING' | 'FILE_EMPTY';

function fileError(code: FileErrorCode, zh: string, en: string, details?: unknown): TijianError {
  return new TijianError(code as ErrorCode, zh, en, details);
}

const RESAVE_ZH = '请在 Excel 或 WPS 中打开并另存为 .xlsx（或导出为 CSV）后再导入。';
const RESAVE_EN = 'Open it in Excel or WPS and save it again as .xlsx (or export CSV), then import that.';

function mib(bytes: number): string {
  return bytes >= 1 << 30 ? `${(bytes / (1 << 30)).toFixed(bytes % (1 << 30) ? 1 : 0)} GiB` : `${Math.round(bytes / (1 << 20))} MiB`;
}

export const fileErrors = {
  /** Not a ZIP container at all (or an old .xls / a password-protected workbook). */
  notXlsx(file: string, kind: 'ole' | 'other'): TijianError {
    return kind === 'ole'
      ? fileError('FILE_UNSUPPORTED', `“${file}”是旧版 .xls 文件或设置了打开密码的工作簿，无法读取。${RESAVE_ZH}（如有密码请先取消。）`, `"${file}" is an old .xls file or a password-protected workbook. ${RESAVE_EN} (Remove the password first.)`)
      : fileError('FILE_UNSUPPORTED', `“${file}”不是有效的 XLSX 文件（不是 ZIP 压缩包，或文件不完整）。${RESAVE_ZH}`, `"${file}" is not a valid XLSX file (not a ZIP archive, or cut short). ${RESAVE_EN}`);
  },
  /** The ZIP container or one of its parts is damaged (CRC, sizes, compressed data, structure). */
  zipDamaged(file: string, part: string | null, what: { zh: string; en: string }): TijianError {
    const where = part ? `（部件 ${part}）` : '';
    return fileError('FILE_DAMAGED', `“${file}”已损坏${where}：${what.zh}。数据可能被截断或改动过，未导入任何内容。请重新导出该文件。`, `"${file}" is damaged${part ? ` (part ${part})` : ''}: ${what.en}. The data may be cut short or altered; nothing was imported. Export the file again.`);
  },
  /** A workbook without the sheet asked for (or without any). */
  noSheet(file: string, sheet?: string): TijianError {
    return sheet === undefined
      ? fileError('FILE_EMPTY', `“${file}”中没有工作表。`, `"${file}" has no worksheet.`)
      : fileError('FILE_EMPTY', `“${file}”中没有名为“${sheet}”的工作表。`, `"${file}" has no worksheet named "${sheet}".`);
  },
  /** An XML part is not well-formed. */
  xmlDamaged(file: string, part: string, at: string | null, what: { zh: string; en: string }): TijianError {
    const zhAt = at ? `，${at}` : '';
    return fileError('FILE_DAMAGED', `“${file}”的内容格式错误（${part}${zhAt}）：${what.zh}。未导入任何内容。${RESAVE_ZH}`, `"${file}" is malformed (${part}${at ? `, ${at}` : ''}): ${what.en}. Nothing was imported. ${RESAVE_EN}`);
  },
  /** A part inflates beyond the configured limit (a decompression bomb, or a sheet too big). */
  tooLarge(file: string, part: string, limit: number, declared?: number): TijianError {
    const d = declared !== undefined ? `（解压后 ${mib(declared)}）` : '';
    const de = declared !== undefined ? ` (${mib(declared)} inflated)` : '';
    return fileError('FILE_TOO_LARGE', `“${file}”的 ${part} 解压后超过上限 ${mib(limit)}${d}，可能是“压缩炸弹”或超大工作表，已拒绝导入。如确为真实数据，请拆分为多个文件或导出为 CSV（CSV 没有此上限）。`, `${part} of "${file}" inflates beyond the limit of ${mib(limit)}${de}: a decompression bomb or an oversized sheet; refused. If the data is real, split it or export CSV (which has no such limit).`, { limit, declared });
  },
  /** More shared strings than memory may hold (a bomb of tiny entries). */
  tooManyStrings(file: string, part: string, limit: number): TijianError {
    return fileError('FILE_TOO_LARGE', `“${file}”的 ${part} 中共享字符串超过 ${limit.toLocaleString('en-US')} 个，超出内存上限，可能是“压缩炸弹”，已拒绝导入。如确为真实数据，请拆分为多个文件或导出为 CSV（CSV 没有此上限）。`, `${part} of "${file}" holds more than ${limit.toLocaleString('en-US')} shared strings, beyond what memory may hold: possibly a decompression bomb; refused. If the data is real, split it or export CSV (which has no such limit).`, { limit });
  },
  /** A part is not UTF-8 text. */
  notUtf8(file: string, part: string): TijianError {
    return fileError('FILE_ENCODING', `“${file}”的 ${part} 不是有效的 UTF-8 文本，文件已损坏。${RESAVE_ZH}`, `${part} of "${file}" is not valid UTF-8 text; the file is damaged. ${RESAVE_EN}`);
  },
  /** A file DuckDB's reader could not read to its end (a damaged Parquet page, a broken JSON
   *  document): the reader's gist as the detail. */
  unreadable(file: string, detail: string): TijianError {
    return fileError('FILE_DAMAGED', `“${file}”无法完整读取，可能已损坏或被截断（${detail}）。未导入任何内容。请重新导出该文件。`, `"${file}" cannot be read to its end; it may be damaged or cut short (${detail}). Nothing was imported. Export the file again.`);
  },
  /** A quote opened at a cell's start and not closed where it should be: the lines after it read
   *  as one cell (`head`: the start of the line it opened on). */
  unclosedQuote(file: string, q: { line: number; lines: number; recordLike: number; closed: boolean; head: string }): TijianError {
    const head = q.head.length > 60 ? q.head.slice(0, 60) + '…' : q.head;
    const to = q.closed ? `到下一个引号为止的 ${q.lines} 行` : `直到文件末尾的 ${q.lines} 行`;
    const toEn = q.closed ? `the ${q.lines} line(s) up to the next quote` : `the ${q.lines} line(s) to the end of the file`;
    return fileError(
      'FILE_DAMAGED',
      `“${file}”第 ${q.line} 行有一个没有配对的引号（"）：该行“${head}”中以引号开头的一格会把${to}都读成这一格的内容，其中 ${q.recordLike} 行本是单独的记录。为免漏行，本次未导入。请用记事本、WPS 或 Excel 打开该文件，在第 ${q.line} 行删去多余的引号（格内确需引号的，写成两个引号 ""），保存后重新导入。`,
      `Line ${q.line} of "${file}" has a quote (") that is never closed where it should be: the cell it opens ("${head}") would take in ${toEn}, ${q.recordLike} of which are records of their own. Nothing was imported, so that no row is lost. Open the file in a text editor, WPS or Excel, delete the stray quote on line ${q.line} (write a quote inside a cell as two: ""), save it and import it again.`,
      { line: q.line, lines: q.lines, recordLike: q.recordLike },
    );
  },
  /** Something Excel itself would refuse (beyond its limits, out of order, unknown types). */
  sheetInvalid(file: string, at: string, what: { zh: string; en: string }): TijianError {
    return fileError('FILE_DAMAGED', `“${file}”的工作表有 Excel 不允许的内容（${at}）：${what.zh}。未导入任何内容。${RESAVE_ZH}`, `The sheet of "${file}" holds what Excel does not allow (${at}): ${what.en}. Nothing was imported. ${RESAVE_EN}`);
  },
};

/** Text of a DuckDB or Node error safe to show: its first line, without the echo of the input
 *  line ("Original Line: …"), the reader's settings, internal paths (replaced by the user's file
 *  name) and at most `max` characters. */
export function cleanErrorDetail(e: unknown, opts: { paths?: ReadonlyArray<readonly [string, string]>; max?: number } = {}): string {
  let msg = e instanceof Error ? e.message : String(e);
  msg = msg.split(/\n\s*(?:Original Line|Parser options|Possible Solution|Possible fixes|LINE \d+:|\* )/)[0]!;
  msg = msg.split('\n').map((l) => l.trim()).filter(Boolean).slice(0, 2).join(' ');
  for (const [p, name] of opts.paths ?? []) if (p) msg = msg.split(p).join(name);
  // a staged input (tijian-io-…/<hex>/<name>) is the user's file: its name; other temporary
  // files are just that
  msg = msg.replace(/[^\s"']*tijian-io-[^\s"'/\\]+[/\\][0-9a-f]{12}[/\\]([^\s"'/\\]+)/g, '$1');
  msg = msg.replace(/(?:\/tmp|\/var\/folders|[A-Za-z]:\\[^\s"']*\\Temp)[^\s"']*tijian-[^\s"']*/g, '(临时文件 temporary file)');
  const max = opts.max ?? 300;
  return msg.length > max ? msg.slice(0, max) + '…' : msg;
}

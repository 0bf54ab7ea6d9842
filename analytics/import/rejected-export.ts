// The rejected rows of a workspace as an XLSX workbook to send back to whoever supplied the data
// for 补正: a first sheet listing each file with its kinds of problem and how many rows have each,
// then one sheet per imported file with its rejected rows — the line number in the original file,
// the reason in plain Chinese, and the row's original columns as written (a line that could not
// be split into columns is given whole). Cells that could run as formulas are escaped (tabular.ts).
import type { Db } from '../db/duck.js';
import { writeXlsx, type Column, type Sheet } from '../export/tabular.js';
import { TijianError } from '../i18n/errors.js';
import { tableDef } from '../schema/tables.js';
import { reasonKind } from './reason-kinds.js';

interface RejectedRow {
  import_id: number;
  table_name: string;
  file_name: string;
  line_no: number | null;
  raw: string | null;
  reason_zh: string;
  error_codes: string[] | null;
}

interface ImportRow {
  import_id: number;
  file_name: string;
  table_name: string;
  format: string | null;
  rows_read: number;
  rows_rejected: number;
  started_at: string;
  /** A workbook's data sheet imported as a batch of its own (else null). */
  sheet: string | null;
  /** The sheet of a workbook of several that the batch read (the first batch's too). */
  sheet_read: string | null;
}

export interface RejectedExport {
  /** Sheets written after the summary, one per import (file) with rejected rows. */
  files: Array<{ import_id: number; file_name: string; sheet: string; rows: number }>;
  rows: number;
}

/** What a line number counts, by the file's format. */
function lineWord(format: string | null): string {
  if (format === 'xlsx' || format === 'xlsm' || format === 'xls' || format === 'xmlss' || format === 'ods') return '工作表行号';
  if (format === 'json' || format === 'jsonl' || format === 'ndjson' || format === 'xmldata' || format === 'parquet') return '记录序号';
  // a web page's or Word document's table rows, counted over all its tables
  if (format === 'html' || format === 'docx') return '表格行号';
  return '行号';
}

/** The sheet name of a file: its name without the extension, ≤ 31 characters, unique. */
function sheetFor(file: string, used: Set<string>): string {
  const base = file.replace(/\.[A-Za-z0-9]{1,6}$/, '').replace(/[:\\/?*[\]]/g, '_') || '文件';
  // keep the end of long names: it tells the years and versions apart (…_2023年 / …_2024年)
  let name = base.length > 31 ? `…${base.slice(base.length - 30)}` : base;
  for (let n = 2; used.has(name); n++) {
    const suffix = `(${n})`;
    name = (base.length + suffix.length > 31 ? `…${base.slice(base.length - (30 - suffix.length))}` : base) + suffix;
  }
  used.add(name);
  return name;
}

/** Writes the rejected rows (of one import, or all) to `path`. */
export async function writeRejectedXlsx(db: Db, path: string, opts: { importId?: number } = {}): Promise<RejectedExport> {
  const where = opts.importId !== undefined ? `WHERE r.import_id = ${Math.trunc(opts.importId)}` : '';
  const rows = await db.all<RejectedRow>(
    `SELECT r.import_id, r.table_name, r.file_name, r.line_no, CAST(r.raw AS VARCHAR) AS raw, r.reason_zh, r.error_codes
     FROM rejected_row r ${where} ORDER BY r.import_id, r.line_no`,
  );
  if (!rows.length) {
    throw new TijianError('NOT_FOUND', '没有被拒绝的行，无需导出。', 'There are no rejected rows to export.');
  }
  const ids = [...new Set(rows.map((r) => r.import_id))];
  const imports = new Map(
    (
      await db.all<ImportRow>(
        `SELECT import_id, file_name, table_name, format, rows_read, rows_rejected, strftime(started_at, '%Y-%m-%d %H:%M') AS started_at,
                sheet, coalesce(sheet, json_extract_string(mapping, '$.sheet')) AS sheet_read
         FROM import_log WHERE import_id IN (${ids.join(', ')})`,
      )
    ).map((i) => [Number(i.import_id), i]),
  );
  const used = new Set<string>(['说明']);
  const out: RejectedExport = { files: [], rows: 0 };
  const summary: Array<Record<string, unknown>> = [];
  const sheets: Sheet[] = [];
  for (const id of ids) {
    const mine = rows.filter((r) => r.import_id === id);
    const log = imports.get(id);
    // a workbook's later data sheet is named with its file: 台账.xlsx［2023年］
    const file = log?.sheet_read ? `${mine[0]!.file_name}［${log.sheet_read}］` : mine[0]!.file_name;
    const table = tableDef(mine[0]!.table_name);
    // the file's own columns, in its order; a line that could not be split is kept whole
    const headers: string[] = [];
    let wholeLines = false;
    const values = mine.map((r) => {
      let raw: Record<string, unknown> = {};
      try {
        raw = r.raw ? (JSON.parse(r.raw) as Record<string, unknown>) : {};
      } catch {
        raw = { line: r.raw };
      }
      const whole = Object.keys(raw).length === 1 && 'line' in raw && (r.error_codes ?? []).some((c) => c.startsWith('row.'));
      if (whole) wholeLines = true;
      else for (const k of Object.keys(raw)) if (!headers.includes(k)) headers.push(k);
      return { raw, whole };
    });
    const cols: Column[] = [
      { key: '__line', header: lineWord(log?.format ?? null), width: 10 },
      { key: '__reason', header: '问题说明（请据此修改）', width: 60 },
      ...headers.map((h, i) => ({ key: `c${i}`, header: h, width: Math.max(10, Math.min(30, h.length * 2 + 4)) })),
      ...(wholeLines ? [{ key: '__whole', header: '无法拆分成列的原始行', width: 80 }] : []),
    ];
    const data = mine.map((r, k) => {
      const v = values[k]!;
      const row: Record<string, unknown> = { __line: r.line_no, __reason: r.reason_zh };
      if (v.whole) row.__whole = v.raw.line;
      else headers.forEach((h, i) => (row[`c${i}`] = v.raw[h] ?? null));
      return row;
    });
    const sheet = sheetFor(log?.sheet_read ? `${mine[0]!.file_name.replace(/\.[A-Za-z0-9]{1,6}$/, '')}_${log.sheet_read}` : mine[0]!.file_name, used);
    sheets.push({
      name: sheet,
      columns: cols,
      rows: data,
      title: [
        `${file}：${mine.length} 行未能导入${table ? `（${table.zh}）` : ''}`,
        `请按“问题说明”修改这些行后重新提供。${lineWord(log?.format ?? null)}是原文件中的位置${['xlsx', 'xlsm', 'xls', 'xmlss', 'ods', 'html', 'docx'].includes(log?.format ?? '') ? '' : '（表头为第 1 行）'}。`,
      ],
    });
    // kinds of problem, with how many rows have each (a row may have several)
    const kinds = new Map<string, number>();
    for (const r of mine) {
      for (const code of new Set(r.error_codes ?? [])) {
        const k = reasonKind(r.table_name, code).zh;
        kinds.set(k, (kinds.get(k) ?? 0) + 1);
      }
    }
    const sorted = [...kinds].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh'));
    sorted.forEach(([kind, n], i) =>
      summary.push({
        file: i === 0 ? file : null,
        sheet: i === 0 ? sheet : null,
        import: i === 0 ? `#${id}${log ? ` · ${log.started_at}` : ''}` : null,
        read: i === 0 ? (log?.rows_read ?? null) : null,
        rejected: i === 0 ? mine.length : null,
        kind,
        n,
      }),
    );
    out.files.push({ import_id: id, file_name: file, sheet, rows: mine.length });
    out.rows += mine.length;
  }
  await writeXlsx(path, [
    {
      name: '说明',
      columns: [
        { key: 'file', header: '文件', width: 40 },
        { key: 'sheet', header: '所在工作表', width: 28 },
        { key: 'import', header: '导入批次', width: 22 },
        { key: 'read', header: '读取行数', width: 10 },
        { key: 'rejected', header: '未能导入的行数', width: 14 },
        { key: 'kind', header: '问题类型', width: 40 },
        { key: 'n', header: '涉及行数', width: 10 },
      ],
      rows: summary,
      title: [`被拒绝的行：${out.rows} 行，来自 ${out.files.length} 个文件`, '每个文件一个工作表，列出未能导入的行、原因和原始内容，可发回数据提供单位补正。',
        // (the one export that is not masked: the clerk must see the cell to fix it — said here)
        '注意：原始内容照录原文件（含姓名、证件号码、电话等个人信息，未脱敏），只发回提供该文件的单位，不得转发他人。'],
    },
    ...sheets,
  ]);
  return out;
}

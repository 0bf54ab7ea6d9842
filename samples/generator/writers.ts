// Streaming writers for the export formats: CSV (UTF-8, UTF-8 with BOM, GBK), JSON array, JSON
// Lines, XLSX (exceljs streaming writer + a deterministic re-zip) and Parquet (DuckDB COPY from a
// CSV written first). Rows are written as they come; nothing holds a whole file in memory.
import { closeSync, openSync, rmSync, writeSync } from 'node:fs';
import ExcelJS from 'exceljs';
import { encodeGbk, encodeGbkInto } from './gbk.js';
import { normalizeZip } from './zip.js';

const FLUSH_AT = 1 << 20;

/** Buffered text sink over a file descriptor: text is encoded straight into a 1 MiB buffer. */
export class TextSink {
  private fd: number;
  private buf = Buffer.allocUnsafe(FLUSH_AT);
  private off = 0;
  /** bytes written so far */
  written = 0;

  constructor(
    readonly path: string,
    private readonly encoding: 'utf8' | 'gbk' = 'utf8',
    bom = false,
  ) {
    this.fd = openSync(path, 'w');
    if (bom) this.write('\ufeff');
  }

  write(s: string): void {
    // worst case 3 bytes per UTF-16 unit (UTF-8) or 2 (GBK)
    const need = s.length * 3;
    if (this.off + need > this.buf.length) {
      this.flush();
      if (need > this.buf.length) this.buf = Buffer.allocUnsafe(need);
    }
    if (this.encoding === 'gbk') this.off = encodeGbkInto(s, this.buf, this.off);
    else this.off += this.buf.write(s, this.off, 'utf8');
  }

  /** Bytes already in the file's encoding (see `enc`). */
  bytes(b: Uint8Array): void {
    if (this.off + b.length > this.buf.length) {
      this.flush();
      if (b.length > this.buf.length) this.buf = Buffer.allocUnsafe(b.length);
    }
    this.buf.set(b, this.off);
    this.off += b.length;
  }

  /** Text encoded the way this file is (to cache parts of lines that repeat). */
  enc(s: string): Uint8Array {
    return this.encoding === 'gbk' ? Buffer.from(encodeGbk(s)) : Buffer.from(s, 'utf8');
  }

  /** Raw bytes, written as they are (for the dirty sample's mis-encoded row). */
  writeBytes(b: Buffer): void {
    this.flush();
    writeSync(this.fd, b);
    this.written += b.length;
  }

  flush(): void {
    if (!this.off) return;
    writeSync(this.fd, this.buf, 0, this.off);
    this.written += this.off;
    this.off = 0;
  }

  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

/** A CSV field: quoted when it holds a comma, quote or line break, or starts or ends with a space. */
export function csvCell(v: string): string {
  const n = v.length;
  if (n === 0) return v;
  let quote = v.charCodeAt(0) === 32 || v.charCodeAt(n - 1) === 32;
  for (let i = 0; !quote && i < n; i++) {
    const c = v.charCodeAt(i);
    if (c === 44 || c === 34 || c === 10 || c === 13) quote = true;
  }
  return quote ? '"' + v.replace(/"/g, '""') + '"' : v;
}

export interface CsvOptions {
  encoding?: 'utf8' | 'gbk';
  bom?: boolean;
  eol?: '\n' | '\r\n';
}

/** Where a record writer puts the pieces of one row. */
export interface PartSink {
  write(s: string): void;
  bytes(b: Uint8Array): void;
  enc(s: string): Uint8Array;
}

export class CsvWriter {
  private sink: TextSink;
  private eol: string;
  rows = 0;

  constructor(
    readonly path: string,
    readonly headers: readonly string[],
    opts: CsvOptions = {},
  ) {
    this.sink = new TextSink(path, opts.encoding ?? 'utf8', opts.bom ?? false);
    this.eol = opts.eol ?? '\n';
    this.sink.write(headers.map(csvCell).join(',') + this.eol);
  }

  row(cells: readonly string[]): void {
    let line = '';
    for (let i = 0; i < cells.length; i++) {
      if (i) line += ',';
      line += csvCell(cells[i]!);
    }
    this.sink.write(line + this.eol);
    this.rows++;
  }

  /** A row already joined into a CSV line (fields escaped by the caller). */
  line(text: string): void {
    this.sink.write(text + this.eol);
    this.rows++;
  }

  /** Starts a row written piece by piece (fields escaped by the caller); `end` finishes it. */
  begin(): PartSink {
    return this.sink;
  }
  end(): void {
    this.sink.write(this.eol);
    this.rows++;
  }

  /** A physical line as given (the dirty sample's ragged rows). */
  rawLine(line: string): void {
    this.sink.write(line + this.eol);
    this.rows++;
  }

  rawBytesLine(b: Buffer): void {
    this.sink.writeBytes(Buffer.concat([b, Buffer.from(this.eol)]));
    this.rows++;
  }

  close(): void {
    this.sink.close();
  }
}

export type JsonValue = string | number | boolean | null;

export class JsonArrayWriter {
  private sink: TextSink;
  rows = 0;
  constructor(readonly path: string) {
    this.sink = new TextSink(path);
    this.sink.write('[');
  }
  add(obj: Record<string, JsonValue>): void {
    this.addJson(JSON.stringify(obj));
  }
  /** One object already serialised. */
  addJson(json: string): void {
    this.sink.write((this.rows ? ',\n  ' : '\n  ') + json);
    this.rows++;
  }
  /** Starts an object written piece by piece; `end` finishes it. */
  begin(): PartSink {
    this.sink.write(this.rows ? ',\n  ' : '\n  ');
    return this.sink;
  }
  end(): void {
    this.rows++;
  }
  close(): void {
    this.sink.write(this.rows ? '\n]\n' : ']\n');
    this.sink.close();
  }
}

export class JsonlWriter {
  private sink: TextSink;
  rows = 0;
  constructor(readonly path: string) {
    this.sink = new TextSink(path);
  }
  add(obj: Record<string, JsonValue>): void {
    this.addJson(JSON.stringify(obj));
  }
  addJson(json: string): void {
    this.sink.write(json + '\n');
    this.rows++;
  }
  begin(): PartSink {
    return this.sink;
  }
  end(): void {
    this.sink.write('\n');
    this.rows++;
  }
  close(): void {
    this.sink.close();
  }
}

/** A cell of an XLSX row: text, number, or a date (a day number) shown with `dateFormat`. */
export type XlsxCell = string | number | { day: number } | null;

export interface XlsxOptions {
  sheetName: string;
  headers: readonly string[];
  /** A title row above the header, merged across the columns (as real exports have). */
  title?: string;
  widths?: readonly number[];
  dateFormat?: string;
}

/** The fixed document date written into docProps/core.xml. */
export const DOC_DATE = new Date(Date.UTC(2024, 11, 31, 9, 0, 0));

export class XlsxWriter {
  private wb: ExcelJS.stream.xlsx.WorkbookWriter;
  private ws: ExcelJS.Worksheet;
  private tmp: string;
  private dateFormat: string;
  rows = 0;

  constructor(
    readonly path: string,
    opts: XlsxOptions,
  ) {
    this.tmp = path + '.tmp';
    this.dateFormat = opts.dateFormat ?? 'yyyy-mm-dd';
    this.wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: this.tmp, useStyles: true, useSharedStrings: true });
    // docProps/core.xml: fixed dates and author instead of "now" and "ExcelJS"
    Object.assign(this.wb, { created: DOC_DATE, modified: DOC_DATE, creator: '嵊泗县综合行政执法指导办', lastModifiedBy: '嵊泗县综合行政执法指导办' });
    this.ws = this.wb.addWorksheet(opts.sheetName);
    const n = opts.headers.length;
    if (opts.widths) this.ws.columns = opts.widths.map((w) => ({ width: w }));
    if (opts.title) {
      const r = this.ws.addRow([opts.title]);
      r.font = { bold: true, size: 14 };
      r.height = 24;
      this.ws.mergeCells(1, 1, 1, n);
      r.commit();
    }
    const h = this.ws.addRow([...opts.headers]);
    h.font = { bold: true };
    h.commit();
  }

  row(cells: readonly XlsxCell[]): void {
    const values = cells.map((c) => {
      if (c === null || c === '') return null;
      if (typeof c === 'object') return new Date(c.day * 86_400_000);
      return c;
    });
    const r = this.ws.addRow(values);
    cells.forEach((c, i) => {
      if (c !== null && typeof c === 'object') r.getCell(i + 1).numFmt = this.dateFormat;
    });
    r.commit();
    this.rows++;
  }

  async close(): Promise<void> {
    this.ws.commit();
    await this.wb.commit();
    await normalizeZip(this.tmp, this.path);
    rmSync(this.tmp, { force: true });
  }
}

export interface ParquetColumn {
  name: string;
  type: 'VARCHAR' | 'DATE' | 'INTEGER' | 'DOUBLE';
}

/** Parquet through DuckDB: rows go to a temporary CSV, then one COPY with one thread (so row
 *  groups, and the bytes, do not depend on the machine). */
export class ParquetWriter {
  private csv: CsvWriter;
  private tmp: string;
  rows = 0;
  constructor(
    readonly path: string,
    private readonly columns: readonly ParquetColumn[],
  ) {
    this.tmp = path + '.tmp.csv';
    this.csv = new CsvWriter(this.tmp, columns.map((c) => c.name));
  }
  row(cells: readonly string[]): void {
    this.csv.row(cells);
    this.rows++;
  }
  line(text: string): void {
    this.csv.line(text);
    this.rows++;
  }
  begin(): PartSink {
    return this.csv.begin();
  }
  end(): void {
    this.csv.end();
    this.rows++;
  }
  async close(): Promise<void> {
    this.csv.close();
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const inst = await DuckDBInstance.create(':memory:', { threads: '1', memory_limit: '256MB' });
    const con = await inst.connect();
    const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
    const cols = this.columns.map((c) => `${q(c.name)}: ${q(c.type)}`).join(', ');
    try {
      await con.run(
        `COPY (SELECT * FROM read_csv(${q(this.tmp)}, header = true, delim = ',', quote = '"', columns = {${cols}}, dateformat = '%Y-%m-%d')) ` +
          `TO ${q(this.path)} (FORMAT parquet, COMPRESSION zstd)`,
      );
    } finally {
      con.closeSync();
      inst.closeSync();
      rmSync(this.tmp, { force: true });
    }
  }
}

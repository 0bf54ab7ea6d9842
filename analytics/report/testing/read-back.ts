// Reading produced reports back in tests: the DOCX's XML (tables, paragraphs), the XLSX's cells,
// the PDF's text (pdftotext) and page images (pdftoppm) as test artifacts.
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import yauzl from 'yauzl';
import { REPO } from '../../test/paths.js';
import { chromiumPath } from '../render/pdf.js';

/** test-artifacts/report/<name> (gitignored). */
export function artifactDir(name: string): string {
  const dir = join(REPO, 'test-artifacts', 'report', name);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Every entry of a zip file (DOCX, XLSX) as text. */
export function unzipText(path: string): Promise<Map<string, string>> {
  return new Promise((resolve, reject) => {
    yauzl.open(path, { lazyEntries: true }, (err, zip) => {
      if (err || !zip) return reject(err ?? new Error('no zip'));
      const out = new Map<string, string>();
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (e, stream) => {
          if (e || !stream) return reject(e ?? new Error('no stream'));
          const chunks: Buffer[] = [];
          stream.on('data', (c: Buffer) => chunks.push(c));
          stream.on('end', () => {
            out.set(entry.fileName, Buffer.concat(chunks).toString('utf8'));
            zip.readEntry();
          });
        });
      });
      zip.on('end', () => resolve(out));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

function unescapeXml(s: string): string {
  return s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** The text of a piece of WordprocessingML: the <w:t> runs joined; line breaks as "\n", non-breaking hyphens as "-", zero-width spaces (break opportunities) left out. */
export function wText(xml: string): string {
  return [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>|<w:noBreakHyphen\/>/g)]
    .map((m) => (m[0] === '<w:br/>' ? '\n' : m[0] === '<w:noBreakHyphen/>' ? '-' : unescapeXml(m[1] ?? '')))
    .join('')
    .replace(/\u200b/g, '');
}

export interface DocxContent {
  /** Paragraphs outside tables, in order. */
  paragraphs: string[];
  /** Tables: rows of cell texts. */
  tables: string[][][];
  /** The raw document.xml. */
  xml: string;
  files: Map<string, string>;
}

export async function readDocx(path: string): Promise<DocxContent> {
  const files = await unzipText(path);
  const xml = files.get('word/document.xml');
  if (!xml) throw new Error(`${path} has no word/document.xml`);
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr[ >]([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => wText(c[1]!))),
  );
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = [...body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) => wText(p[0])).filter((t) => t.length > 0);
  return { paragraphs, tables, xml, files };
}

/** The table whose first row holds all the given headers. */
export function tableWith(doc: DocxContent, ...headers: string[]): string[][] {
  const t = doc.tables.find((x) => headers.every((h) => x[0]?.includes(h)));
  if (!t) throw new Error(`no table with headers ${headers.join(', ')}`);
  return t;
}

export interface SheetContent {
  name: string;
  /** Rows of cell values (1-based rows flattened to arrays from column 1). */
  rows: unknown[][];
}

export async function readXlsx(path: string): Promise<Map<string, SheetContent>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  const out = new Map<string, SheetContent>();
  wb.eachSheet((ws) => {
    const rows: unknown[][] = [];
    ws.eachRow({ includeEmpty: true }, (row, n) => {
      const vals = (row.values as unknown[]).slice(1);
      rows[n - 1] = vals.map((v) => (v && typeof v === 'object' && 'richText' in (v as object) ? (v as { richText: Array<{ text: string }> }).richText.map((x) => x.text).join('') : v));
    });
    out.set(ws.name, { name: ws.name, rows: Array.from(rows, (r) => r ?? []) });
  });
  return out;
}

/** A sheet as records keyed by its header row (the first row whose cells include `firstHeader`). */
export function sheetRecords(sheet: SheetContent, firstHeader: string): Array<Record<string, unknown>> {
  const h = sheet.rows.findIndex((r) => r.includes(firstHeader));
  if (h < 0) throw new Error(`no header ${firstHeader} in ${sheet.name}`);
  const header = sheet.rows[h]!.map(String);
  return sheet.rows.slice(h + 1).map((r) => Object.fromEntries(header.map((k, i) => [k, r[i] ?? null])));
}

export function pdfText(path: string): string {
  return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', path, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function pdfPages(path: string): number {
  const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
  return Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
}

/** The first pages as PNGs (test artifacts). */
export function pdfToPngs(path: string, outPrefix: string, pages = 3, dpi = 60): void {
  execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', String(pages), '-png', path, outPrefix]);
}

/** Whether a program is on the PATH. */
/** Whether a Chromium for printing PDFs is on this machine (CI installs Debian's). */
export function hasChromium(): boolean {
  try {
    chromiumPath();
    return true;
  } catch {
    return false;
  }
}

export function hasProgram(name: string): boolean {
  try {
    execFileSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

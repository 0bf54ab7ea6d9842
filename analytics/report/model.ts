// The report model: a report as data — headings, paragraphs, tables, charts — built once from a
// saved run (and the review of the same period) and written by several renderers (DOCX, HTML →
// PDF, XLSX). Renderers never compute numbers; they only lay out the text the model holds.
import type { EChartsOption } from 'echarts';
import { clipName } from '../charts/text.js';
import type { Sheet } from '../export/tabular.js';

export type ReportKind = 'county' | 'unit' | 'review';

/** A run of text with optional emphasis. */
export interface Span {
  text: string;
  bold?: boolean;
  /** Highlight for numbers that need attention (rendered red). */
  alert?: boolean;
}

export type Inline = string | Span;

export interface Cell {
  text: string;
  /** The number behind the text, for tests and the XLSX sheets; not rendered. */
  value?: number | string | null;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
  alert?: boolean;
  /** Merge with the next cells to the right. */
  span?: number;
  /** A short word that must not break (the grade 不合格): its column gets room for the whole text. */
  keep?: boolean;
  /** Long codes (SHA-256, file names) that may break anywhere; numbers never do. */
  breakAnywhere?: boolean;
  /** The whole text where `text` is cut (a unit's name past NAME_MAX): the HTML cell's title. */
  title?: string;
}

export interface TableColumn {
  header: string;
  /** Relative width. */
  width: number;
  align?: 'left' | 'center' | 'right';
}

export type Block =
  /** level 1 一、 (黑体), 2 （一） (楷体), 3 1. (仿宋 bold). The numbering is part of the text. */
  | { type: 'heading'; level: 1 | 2 | 3; text: string }
  | {
      type: 'paragraph';
      content: Inline[];
      style?: 'body' | 'note' | 'center' | 'right' | 'flush';
      /** Keep on the page of the block that follows (a sentence introducing a figure or table). */
      keepNext?: boolean;
    }
  | {
      type: 'table';
      id: string;
      caption: string;
      columns: TableColumn[];
      rows: Cell[][];
      note?: string;
      /** Smaller text for wide tables. */
      dense?: boolean;
    }
  | { type: 'chart'; id: string; caption: string; option: EChartsOption; width: number; height: number }
  /** An annex (附件): "附件1" at the top left in 黑体, then its title centred. Starts a new page. */
  | { type: 'annex'; label: string; title: string }
  /** 主送机关: the addressee, flush left, ending with a full-width colon. */
  | { type: 'recipient'; text: string }
  /** 附件说明: "附件：1. …" under the body text, the names aligned (GB/T 9704 7.3.4). */
  | { type: 'attachments'; items: string[] }
  /** The issuing office and date, right-aligned (GB/T 9704: 成文日期右空四字). */
  | { type: 'signature'; issuer: string; date: string }
  /** 版记 at the very end: 抄送 and the printing office with the printing date, between rules. */
  | { type: 'imprint'; cc: string | null; office: string; date: string }
  | { type: 'pageBreak' };

export interface ReportDoc {
  kind: ReportKind;
  /** The document title (2号小标宋), may hold a line break. */
  title: string;
  /** A line under the title (楷体), e.g. the issuing office and date. */
  subtitle?: string;
  /** Above the title on the left: 内部资料 注意保密, etc. */
  marking?: string;
  /** Who issues it and when (the signature block at the end). */
  issuer: string;
  date: string;
  /** A file name without extension, safe on every OS. */
  fileStem: string;
  /** Shown in the document properties and the HTML head. */
  meta: { runId: number; period: string; subject: string; keywords: string[] };
  blocks: Block[];
  /** The data behind the report, written as the XLSX output. */
  sheets: Sheet[];
}

/** Government heading numbering: 一、 （一） 1. */
export class Numbering {
  private counters = [0, 0, 0];

  next(level: 1 | 2 | 3): string {
    this.counters[level - 1]!++;
    for (let i = level; i < 3; i++) this.counters[i] = 0;
    const n = this.counters[level - 1]!;
    if (level === 1) return `${cn(n)}、`;
    if (level === 2) return `（${cn(n)}）`;
    return `${n}.`;
  }
}

function cn(n: number): string {
  const d = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
  if (n <= 10) return d[n]!;
  if (n < 20) return `十${d[n - 10]}`;
  return `${d[Math.floor(n / 10)]}十${n % 10 ? d[n % 10] : ''}`;
}

/** A small builder that keeps the numbering and drops paragraphs that came out null. */
export class DocBuilder {
  readonly blocks: Block[] = [];
  private numbering = new Numbering();

  heading(level: 1 | 2 | 3, text: string): this {
    this.blocks.push({ type: 'heading', level, text: `${this.numbering.next(level)}${text}` });
    return this;
  }

  /** A paragraph of body text; skipped when every part is null or empty. */
  p(...content: Array<Inline | null | undefined>): this {
    const c = content.filter((x): x is Inline => x !== null && x !== undefined && (typeof x === 'string' ? x !== '' : x.text !== ''));
    if (c.length) this.blocks.push({ type: 'paragraph', content: c });
    return this;
  }

  styled(style: 'body' | 'note' | 'center' | 'right' | 'flush', ...content: Array<Inline | null | undefined>): this {
    const c = content.filter((x): x is Inline => x !== null && x !== undefined && (typeof x === 'string' ? x !== '' : x.text !== ''));
    if (c.length) this.blocks.push({ type: 'paragraph', content: c, style });
    return this;
  }

  table(t: Omit<Extract<Block, { type: 'table' }>, 'type'>): this {
    this.blocks.push({ type: 'table', ...t });
    return this;
  }

  chart(c: Omit<Extract<Block, { type: 'chart' }>, 'type'>): this {
    this.blocks.push({ type: 'chart', ...c });
    return this;
  }

  annex(label: string, title: string): this {
    this.blocks.push({ type: 'annex', label, title });
    return this;
  }

  signature(issuer: string, date: string): this {
    this.blocks.push({ type: 'signature', issuer, date });
    return this;
  }

  recipient(text: string): this {
    this.blocks.push({ type: 'recipient', text: text.replace(/[：:]?$/, '：') });
    return this;
  }

  attachments(items: string[]): this {
    if (items.length) this.blocks.push({ type: 'attachments', items });
    return this;
  }

  imprint(cc: string | null, office: string, date: string): this {
    this.blocks.push({ type: 'imprint', cc, office, date });
    return this;
  }

  /** A paragraph kept with the block after it (an introduction to a figure or a table). */
  lead(...content: Array<Inline | null | undefined>): this {
    const c = content.filter((x): x is Inline => x !== null && x !== undefined && (typeof x === 'string' ? x !== '' : x.text !== ''));
    if (c.length) this.blocks.push({ type: 'paragraph', content: c, keepNext: true });
    return this;
  }

  pageBreak(): this {
    this.blocks.push({ type: 'pageBreak' });
    return this;
  }
}

/** Plain text of inline content. */
export function inlineText(c: readonly Inline[]): string {
  return c.map((x) => (typeof x === 'string' ? x : x.text)).join('');
}

/** A cell; `text` null renders as "—". */
export function cell(text: string | null | undefined, extra: Omit<Cell, 'text'> = {}): Cell {
  return { text: text ?? '—', ...extra };
}

/**
 * A cell holding a unit's name: cut to NAME_MAX characters and '…' when longer (a 3,000-character
 * short name ran one ranking row across five PDF pages), the whole name kept as its title.
 */
export function nameCell(name: string, extra: Omit<Cell, 'text' | 'title'> = {}): Cell {
  const text = clipName(name);
  return { text, ...extra, ...(text !== name ? { title: name } : {}) };
}

/** Names usable as file names on Windows, macOS and Linux. */
export function safeFileStem(s: string, maxBytes = FILE_STEM_BYTES): string {
  // no characters a file system refuses, no control or bidirectional-override characters (U+202E
  // shows a name reversed: a disguise), and cut at whole characters to fit in bytes — a file name
  // may hold 255 bytes, and 120 Chinese characters are 360 (a unit of a 5,000-character name
  // stopped `rectify export` at its file with ENAMETOOLONG)
  // (also C1 controls, the noncharacters U+FFFE/FFFF and a BOM — U+FFFE stayed in a name, hostile
  // probe 9 — and a surrogate without its pair, which no file system name can hold)
  const clean = s
    .replace(/[\\/:*?"<>|\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ufeff\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '_')
    .replace(/\s+/g, '');
  let out = '';
  let bytes = 0;
  for (const ch of clean) {
    const b = Buffer.byteLength(ch, 'utf8');
    if (bytes + b > maxBytes) break;
    out += ch;
    bytes += b;
  }
  return out || 'report';
}

/** Most bytes of a file name's stem: with a prefix such as 整改反馈表_ (16 bytes) and an extension, the
 *  name stays well under the 255 bytes file systems allow. */
export const FILE_STEM_BYTES = 180;

/** Column widths from the content: the widest of the header (wrapped once) and the cells, in 全角 characters. */
export function autoWidths(headers: readonly string[], rows: readonly Cell[][], min = 3, max = 24): number[] {
  const w = (t: string) => [...t].reduce((a, ch) => a + (ch.charCodeAt(0) < 0x2e80 ? 0.55 : 1), 0);
  return headers.map((h, i) => {
    let best = Math.ceil(w(h) / 2);
    for (const r of rows.slice(0, 200)) best = Math.max(best, w(r[i]?.text ?? ''));
    return Math.min(max, Math.max(min, best + 1));
  });
}

/** A row of one cell spanning the whole table: a group heading (kept with the rows under it). */
export function isGroupRow(row: readonly Cell[], columns: number): boolean {
  return row.length === 1 && (row[0]!.span ?? 1) >= columns && columns > 1;
}

/**
 * The blocks that close the body and stay on one page: the last paragraph, 附件说明, the signature,
 * and the 版记 when it follows the signature directly (a report without annexes).
 */
export function closingRange(blocks: readonly Block[]): [number, number] | null {
  const sig = blocks.findIndex((b) => b.type === 'signature');
  if (sig < 0) return null;
  let start = sig;
  if (blocks[start - 1]?.type === 'attachments') start--;
  if (blocks[start - 1]?.type === 'paragraph') start--;
  return [start, blocks[sig + 1]?.type === 'imprint' ? sig + 1 : sig];
}

// DOCX in the government document layout (GB/T 9704-2012 in spirit): A4, margins 37/35/28/26 mm,
// title in 方正小标宋简体 2号, body 仿宋_GB2312 3号 at a fixed 28.9 pt line pitch with a two-character
// indent, headings 黑体 (一、) / 楷体_GB2312 (（一）) / 仿宋 bold (1.), page numbers "— 1 —" in 4号
// 宋体 (odd pages right, even pages left), tables whose header row repeats on every page, charts as
// PNG. Everything is real Word content with named styles, so the drafters can edit it. The font
// table names a fallback (altName) for each Chinese font: 仿宋 for 仿宋_GB2312 and so on.
// Pagination: headings, captions and introductory sentences keep with the next paragraph, table rows
// do not split and a table's last rows keep with its note, the last paragraph, 附件说明 and the
// signature keep together; widow/orphan control is on. Columns are at least as wide as their widest
// number (./fit.ts), so Word and LibreOffice have no reason to break one.
// Every text of the document goes through xmlText first (docx escapes & < > but writes the
// characters XML cannot hold, such as U+FFFE or U+0001, as they are: Word would refuse the file).
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  ImageRun,
  LineRuleType,
  NoBreakHyphen,
  Packer,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TabStopType,
  TextRun,
  VerticalAlign,
  WidthType,
  type IParagraphStyleOptions,
  type ParagraphChild,
} from 'docx';
import { xmlTextDeep } from '../../export/xml-text.js';
import { closingRange, isGroupRow, type Block, type Cell, type Inline, type ReportDoc } from '../model.js';
import { chartImages, type ChartImages } from './charts.js';
import { fitColumns } from './fit.js';
import { DOCX_FONT, FONTS, LINE_PT, mmToTwip, PAGE_MM, PT, textWidthChars } from './layout.js';

const half = (pt: number) => Math.round(pt * 2);
const twip = (pt: number) => Math.round(pt * 20);

const TEXT_WIDTH_TWIP = mmToTwip(PAGE_MM.width - PAGE_MM.left - PAGE_MM.right);
/** Images: the text width in pixels at 96 dpi (docx sizes images in pixels). */
const TEXT_WIDTH_PX = Math.floor(((PAGE_MM.width - PAGE_MM.left - PAGE_MM.right) / 25.4) * 96);

function font(f: { name: string }) {
  return { eastAsia: f.name, ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, hint: 'eastAsia' as const };
}

const LINE = { line: twip(LINE_PT), lineRule: LineRuleType.EXACT, before: 0, after: 0 };
const SINGLE = { line: 240, lineRule: LineRuleType.AUTO, before: 0, after: 0 };

const STYLES: IParagraphStyleOptions[] = [
  {
    id: 'Normal',
    name: 'Normal',
    quickFormat: true,
    run: { font: font(DOCX_FONT.body), size: half(PT.三号), language: { value: 'en-US', eastAsia: 'zh-CN' } },
    paragraph: { spacing: LINE, indent: { firstLine: twip(PT.三号 * 2) }, alignment: AlignmentType.JUSTIFIED },
  },
  {
    id: 'Title',
    name: 'Title',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: font(DOCX_FONT.title), size: half(PT.二号) },
    paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { line: twip(36), lineRule: LineRuleType.EXACT, before: 0, after: twip(LINE_PT / 2) } },
  },
  {
    id: 'Subtitle',
    name: 'Subtitle',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: font(DOCX_FONT.kai), size: half(PT.三号) },
    paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { ...LINE, after: twip(LINE_PT) } },
  },
  {
    id: 'Heading1',
    name: 'heading 1',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: font(DOCX_FONT.hei), size: half(PT.三号) },
    paragraph: { outlineLevel: 0, keepNext: true, spacing: LINE },
  },
  {
    id: 'Heading2',
    name: 'heading 2',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: font(DOCX_FONT.kai), size: half(PT.三号) },
    paragraph: { outlineLevel: 1, keepNext: true, spacing: LINE },
  },
  {
    id: 'Heading3',
    name: 'heading 3',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: font(DOCX_FONT.body), size: half(PT.三号), bold: true },
    paragraph: { outlineLevel: 2, keepNext: true, spacing: LINE },
  },
  {
    id: 'Caption',
    name: 'caption',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: font(DOCX_FONT.hei), size: half(PT.小四) },
    paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { line: 300, lineRule: LineRuleType.AUTO, before: 80, after: 60 } },
  },
  {
    id: 'TableText',
    name: 'Table Text',
    basedOn: 'Normal',
    run: { size: half(PT.小四) },
    paragraph: { indent: { firstLine: 0 }, spacing: SINGLE, alignment: AlignmentType.LEFT },
  },
  {
    id: 'TableHead',
    name: 'Table Heading',
    basedOn: 'TableText',
    run: { font: font(DOCX_FONT.hei) },
    paragraph: { alignment: AlignmentType.CENTER },
  },
  {
    id: 'Note',
    name: 'Note',
    basedOn: 'Normal',
    run: { size: half(PT.五号) },
    paragraph: { indent: { firstLine: 0 }, alignment: AlignmentType.LEFT, spacing: { line: 276, lineRule: LineRuleType.AUTO, before: 40, after: 120 } },
  },
  {
    id: 'Figure',
    name: 'Figure',
    basedOn: 'Normal',
    paragraph: { alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { ...SINGLE, before: 120 }, keepNext: true },
  },
  {
    id: 'Marking',
    name: 'Marking',
    basedOn: 'Normal',
    run: { font: font(DOCX_FONT.hei) },
    paragraph: { indent: { firstLine: 0 } },
  },
  {
    id: 'AnnexLabel',
    name: 'Annex Label',
    basedOn: 'Normal',
    next: 'Normal',
    run: { font: font(DOCX_FONT.hei) },
    paragraph: { indent: { firstLine: 0 }, keepNext: true },
  },
  {
    id: 'AnnexTitle',
    name: 'Annex Title',
    basedOn: 'Title',
    next: 'Normal',
    run: { size: half(PT.小二) },
    paragraph: { outlineLevel: 0, keepNext: true, spacing: { line: twip(30), lineRule: LineRuleType.EXACT, before: twip(LINE_PT / 2), after: twip(LINE_PT / 2) } },
  },
  {
    id: 'Signature',
    name: 'Signature',
    basedOn: 'Normal',
    paragraph: { alignment: AlignmentType.RIGHT, indent: { firstLine: 0, right: twip(PT.三号 * 4) } },
  },
];

/** word/fontTable.xml: each Chinese font with its fallback, charset GB2312. */
function fontTableXml(): string {
  const fonts = [
    { name: DOCX_FONT.title.name, alt: DOCX_FONT.title.alt, family: 'roman', pitch: 'variable' },
    { name: DOCX_FONT.body.name, alt: DOCX_FONT.body.alt, family: 'modern', pitch: 'fixed' },
    { name: DOCX_FONT.hei.name, alt: DOCX_FONT.hei.alt, family: 'modern', pitch: 'fixed' },
    { name: DOCX_FONT.kai.name, alt: DOCX_FONT.kai.alt, family: 'modern', pitch: 'fixed' },
    { name: DOCX_FONT.song.name, alt: DOCX_FONT.song.alt, family: 'auto', pitch: 'variable' },
    { name: '仿宋', alt: 'FangSong', family: 'modern', pitch: 'fixed' },
    { name: '楷体', alt: 'KaiTi', family: 'modern', pitch: 'fixed' },
  ];
  const chinese = fonts
    .map((f) => `<w:font w:name="${f.name}"><w:altName w:val="${f.alt}"/><w:charset w:val="86"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/></w:font>`)
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    '<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
    chinese +
    `<w:font w:name="${FONTS.latin}"><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>` +
    '</w:fonts>'
  );
}

const LATIN_RUN = { ascii: FONTS.latin, hAnsi: FONTS.latin, cs: FONTS.latin, eastAsia: FONTS.latin };

/**
 * Text runs; the minus sign (U+2212) in a run of the Latin font, which has it (the Chinese fonts may
 * not); a hyphen inside a date or a code (2024-03-05, XS2024-016) as Word's non-breaking hyphen, so
 * that neither breaks at the end of a line; a zero-width space where Chinese text meets a code or a
 * number after 、，；：(LibreOffice finds no break there and would break inside the code instead).
 */
function textRuns(text: string, opts: { bold?: boolean; size?: number }): TextRun[] {
  const common = { ...(opts.bold ? { bold: true } : {}), ...(opts.size ? { size: opts.size } : {}) };
  return text
    .replace(/([、，；：])(?=[0-9A-Za-z])/g, '$1\u200b')
    .replace(/([\u4e00-\u9fff])(?=[A-Za-z])/g, '$1\u200b')
    .replace(/([0-9A-Za-z])(?=[（〔《“])/g, '$1\u200b')
    .split(/(\u2212)/)
    .filter((t) => t !== '')
    .map((t) => {
      if (t === '\u2212') return new TextRun({ text: t, ...common, font: LATIN_RUN });
      const parts = t.split(/(?<=[0-9A-Za-z])-(?=\d)/);
      return parts.length === 1 ? new TextRun({ text: t, ...common }) : new TextRun({ ...common, children: parts.flatMap((x, i) => (i ? [new NoBreakHyphen(), x] : [x])) });
    });
}

function runs(content: readonly Inline[], extra: { bold?: boolean; size?: number } = {}): TextRun[] {
  return content.flatMap((x) =>
    typeof x === 'string' ? textRuns(x, extra) : textRuns(x.text, { ...extra, bold: !!(x.bold || x.alert || extra.bold) }),
  );
}

const BORDER = { style: BorderStyle.SINGLE, size: 6, color: '000000' };

function tableCell(c: Cell, widthTwip: number, align: Cell['align'], head: boolean, size: number, keepNext = false): TableCell {
  const a = c.align ?? align;
  return new TableCell({
    width: { size: widthTwip, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 30, bottom: 30, left: 70, right: 70 },
    ...(c.span && c.span > 1 ? { columnSpan: c.span } : {}),
    ...(head ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EAEAEA' } } : {}),
    children: [
      new Paragraph({
        style: head ? 'TableHead' : 'TableText',
        ...(keepNext ? { keepNext: true } : {}),
        alignment: head || a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        // one line per "\n" of the cell's text
        children: c.text.split('\n').flatMap((l, i) => [...(i ? [new TextRun({ break: 1, size })] : []), ...textRuns(l, { size, bold: !!(c.bold || c.alert) })]),
      }),
    ],
  });
}

function table(b: Extract<Block, { type: 'table' }>): Array<Paragraph | Table> {
  const widths = fitColumns(b).fractions.map((f) => Math.floor(f * TEXT_WIDTH_TWIP));
  const size = half(b.dense ? PT.五号 : PT.小四);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: b.columns.map((c, i) => tableCell({ text: c.header }, widths[i]!, 'center', true, size)),
  });
  const rows = b.rows.map((r) => {
    // A cell spanning columns takes their widths; the next cell starts after them.
    let col = 0;
    // A group heading keeps with its first row. (Keeping the last rows with the note by keepNext
    // makes LibreOffice drop the rows after a page break, so the note is kept by widow control only.)
    const keep = isGroupRow(r, b.columns.length);
    const cells = r.map((c) => {
      const span = Math.max(1, c.span ?? 1);
      const w = widths.slice(col, col + span).reduce((a, x) => a + x, 0);
      const align = b.columns[col]?.align;
      col += span;
      return tableCell(c, w, align, false, size, keep);
    });
    // No cantSplit on data rows: with a repeated header row, LibreOffice drops the rows after a page
    // break when they may not split (the header row itself keeps cantSplit).
    return new TableRow({ children: cells });
  });
  const out: Array<Paragraph | Table> = [
    new Paragraph({ style: 'Caption', keepNext: true, children: [new TextRun(b.caption)] }),
    new Table({
      width: { size: TEXT_WIDTH_TWIP, type: WidthType.DXA },
      columnWidths: widths,
      layout: TableLayoutType.FIXED,
      alignment: AlignmentType.CENTER,
      borders: { top: BORDER, bottom: BORDER, left: BORDER, right: BORDER, insideHorizontal: BORDER, insideVertical: BORDER },
      rows: [header, ...rows],
    }),
  ];
  out.push(new Paragraph({ style: 'Note', keepLines: true, children: b.note ? textRuns(b.note, {}) : [] }));
  return out;
}

function chart(b: Extract<Block, { type: 'chart' }>, images: ChartImages): Paragraph[] {
  const img = images.get(b.id);
  if (!img?.png) throw new Error(`chart ${b.id} was not rendered to PNG`);
  const width = Math.min(TEXT_WIDTH_PX, b.width);
  const height = Math.round((b.height / b.width) * width);
  return [
    new Paragraph({
      style: 'Figure',
      children: [new ImageRun({ type: 'png', data: img.png, transformation: { width, height }, altText: { name: b.id, title: b.caption, description: b.caption } })],
    }),
    new Paragraph({ style: 'Caption', children: [new TextRun(b.caption)], spacing: { line: 300, lineRule: LineRuleType.AUTO, before: 60, after: 160 } }),
  ];
}

function blocks(doc: ReportDoc, images: ChartImages): Array<Paragraph | Table> {
  const out: Array<Paragraph | Table> = [];
  if (doc.marking) out.push(new Paragraph({ style: 'Marking', children: [new TextRun(doc.marking)] }));
  out.push(new Paragraph({ style: 'Title', children: doc.title.split('\n').map((line, i) => new TextRun({ text: line, ...(i ? { break: 1 } : {}) })) }));
  if (doc.subtitle) out.push(new Paragraph({ style: 'Subtitle', children: [new TextRun(doc.subtitle)] }));
  // The last paragraph, 附件说明 and the signature stay on one page (no page with the signature alone).
  const closing = closingRange(doc.blocks);
  doc.blocks.forEach((b, i) => {
    const keepTogether = !!closing && i >= closing[0] && i < closing[1];
    switch (b.type) {
      case 'heading':
        out.push(new Paragraph({ style: `Heading${b.level}`, keepLines: true, children: [new TextRun(b.text)] }));
        break;
      case 'paragraph': {
        const style = b.style === 'note' ? 'Note' : 'Normal';
        const alignment = b.style === 'center' ? AlignmentType.CENTER : b.style === 'right' ? AlignmentType.RIGHT : b.style === 'flush' ? AlignmentType.LEFT : undefined;
        const keep = keepTogether || b.keepNext;
        out.push(
          new Paragraph({
            style,
            widowControl: true,
            ...(alignment ? { alignment, indent: { firstLine: 0 } } : {}),
            ...(keep ? { keepNext: true, keepLines: keepTogether } : {}),
            children: runs(b.content, b.style === 'note' ? { size: half(PT.四号) } : {}),
          }),
        );
        break;
      }
      case 'table':
        out.push(...table(b));
        break;
      case 'chart':
        out.push(...chart(b, images));
        break;
      case 'annex':
        out.push(new Paragraph({ style: 'AnnexLabel', pageBreakBefore: true, children: [new TextRun(b.label)] }));
        out.push(new Paragraph({ style: 'AnnexTitle', children: [new TextRun(b.title)] }));
        break;
      case 'recipient':
        out.push(new Paragraph({ style: 'Normal', alignment: AlignmentType.LEFT, indent: { firstLine: 0 }, children: [new TextRun(b.text)] }));
        break;
      case 'attachments': {
        // GB/T 9704 7.3.4: a blank line, then 附件：1. … two characters in; the following names
        // aligned with the first name.
        const em = twip(PT.三号);
        out.push(new Paragraph({ style: 'Normal', keepNext: true, children: [] }));
        b.items.forEach((t, k) => {
          const label = `${k === 0 ? '附件：' : ''}${b.items.length > 1 ? `${k + 1}.` : ''}`;
          out.push(
            new Paragraph({
              style: 'Normal',
              alignment: AlignmentType.LEFT,
              keepNext: true,
              keepLines: true,
              indent: k === 0 ? { left: 5 * em, hanging: 3 * em } : { left: 5 * em, firstLine: 0 },
              children: textRuns(`${label}${t}`, {}),
            }),
          );
        });
        break;
      }
      case 'signature': {
        // GB/T 9704: the date 右空四字; the issuing office centred over the date when it fits.
        const right = twip(PT.三号 * 4);
        const shift = Math.max(0, Math.round(((textWidthChars(b.date) - textWidthChars(b.issuer)) / 2) * twip(PT.三号)));
        out.push(new Paragraph({ style: 'Normal', keepNext: true, children: [] }));
        out.push(new Paragraph({ style: 'Normal', keepNext: true, children: [] }));
        out.push(new Paragraph({ style: 'Signature', keepNext: true, indent: { firstLine: 0, right: right + shift }, children: [new TextRun(b.issuer)] }));
        out.push(new Paragraph({ style: 'Signature', ...(keepTogether ? { keepNext: true } : {}), indent: { firstLine: 0, right }, children: [new TextRun(b.date)] }));
        break;
      }
      case 'imprint':
        // 版记 after the signature: a line's space, then the rules (kept with the signature above)
        out.push(new Paragraph({ style: 'Normal', keepNext: true, children: [] }));
        out.push(imprint(b));
        break;
      case 'pageBreak':
        out.push(new Paragraph({ pageBreakBefore: true, children: [] }));
        break;
      default: {
        const never: never = b;
        throw new Error(`unknown block ${JSON.stringify(never)}`);
      }
    }
  });
  return out;
}

/** 版记: 抄送 and 印发 lines between a 0.35 mm rule above and below and a 0.25 mm rule between them. */
function imprint(b: Extract<Block, { type: 'imprint' }>): Table {
  const thick = { style: BorderStyle.SINGLE, size: 8, color: '000000' };
  const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
  const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
  const em = twip(PT.四号);
  const line = (children: ParagraphChild[], tab: boolean) =>
    new TableCell({
      width: { size: TEXT_WIDTH_TWIP, type: WidthType.DXA },
      margins: { top: 40, bottom: 40, left: 0, right: 0 },
      children: [
        new Paragraph({
          style: 'Normal',
          keepNext: true,
          alignment: AlignmentType.LEFT,
          indent: { left: em, right: em, firstLine: 0 },
          ...(tab ? { tabStops: [{ type: TabStopType.RIGHT, position: TEXT_WIDTH_TWIP - em }] } : {}),
          children,
        }),
      ],
    });
  const rows: TableRow[] = [];
  if (b.cc) rows.push(new TableRow({ cantSplit: true, children: [line([new TextRun({ text: `抄送：${b.cc}`, size: half(PT.四号) })], false)] }));
  rows.push(new TableRow({ cantSplit: true, children: [line([new TextRun({ text: b.office, size: half(PT.四号) }), new TextRun({ text: `\t${b.date}印发`, size: half(PT.四号) })], true)] }));
  return new Table({
    width: { size: TEXT_WIDTH_TWIP, type: WidthType.DXA },
    columnWidths: [TEXT_WIDTH_TWIP],
    layout: TableLayoutType.FIXED,
    borders: { top: thick, bottom: thick, left: none, right: none, insideHorizontal: thin, insideVertical: none },
    rows,
  });
}

function pageFooter(align: 'odd' | 'even'): Footer {
  const children: ParagraphChild[] = [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(DOCX_FONT.song), size: half(PT.四号) })];
  return new Footer({
    children: [
      new Paragraph({
        alignment: align === 'odd' ? AlignmentType.RIGHT : AlignmentType.LEFT,
        indent: align === 'odd' ? { firstLine: 0, right: twip(PT.四号) } : { firstLine: 0, left: twip(PT.四号) },
        spacing: SINGLE,
        children,
      }),
    ],
  });
}

/** The document with every text XML-safe; its sheets (the XLSX output's data, not in the DOCX) left as they are. */
function xmlSafeDoc(raw: ReportDoc): ReportDoc {
  return { ...xmlTextDeep({ ...raw, sheets: [] }), sheets: raw.sheets };
}

export function docxDocument(raw: ReportDoc, images: ChartImages): Document {
  const doc = xmlSafeDoc(raw);
  return new Document({
    title: doc.title.replace(/\n/g, ''),
    subject: doc.meta.subject,
    creator: 'Tijian 执法体检工作台',
    lastModifiedBy: 'Tijian 执法体检工作台',
    keywords: doc.meta.keywords.join(', '),
    description: `评估批次 #${doc.meta.runId}；期间 ${doc.meta.period}`,
    evenAndOddHeaderAndFooters: true,
    styles: { paragraphStyles: STYLES },
    sections: [
      {
        properties: {
          page: {
            size: { width: mmToTwip(PAGE_MM.width), height: mmToTwip(PAGE_MM.height) },
            margin: {
              top: mmToTwip(PAGE_MM.top),
              bottom: mmToTwip(PAGE_MM.bottom),
              left: mmToTwip(PAGE_MM.left),
              right: mmToTwip(PAGE_MM.right),
              header: mmToTwip(15),
              footer: mmToTwip(PAGE_MM.bottom - 7 - 5),
            },
          },
        },
        footers: { default: pageFooter('odd'), even: pageFooter('even') },
        children: blocks(doc, images),
      },
    ],
  });
}

export async function renderDocx(raw: ReportDoc, images?: ChartImages): Promise<Buffer> {
  // the charts' labels too (an SVG rendered to PNG)
  const doc = xmlSafeDoc(raw);
  const imgs = images ?? (await chartImages(doc, { png: true }));
  return Packer.toBuffer(docxDocument(doc, imgs), false, [{ path: 'word/fontTable.xml', data: fontTableXml() }]);
}

// One self-contained HTML file (inline CSS, charts as embedded SVG images), laid out for A4 print:
// it is also the source of the PDF (./pdf.ts prints it with Chromium or Electron).
import { inlineText, isGroupRow, type Block, type Cell, type Inline, type ReportDoc } from '../model.js';
import { chartImages, type ChartImages } from './charts.js';
import { FONTS, LINE_PT, PAGE_MM, PT, textWidthChars } from './layout.js';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function fontFace(family: string, names: readonly string[]): string {
  // local() picks the first installed face; the generic name at the end is left to font-family.
  const locals = names.filter((n) => !/^(serif|sans-serif)$/.test(n)).map((n) => `local("${n}")`);
  return `@font-face { font-family: "${family}"; src: ${locals.join(', ')}; }`;
}

function familyList(alias: string, names: readonly string[]): string {
  return [`"${alias}"`, ...names.map((n) => (/^(serif|sans-serif)$/.test(n) ? n : `"${n}"`))].join(', ');
}

const plain = (names: readonly string[]) => names.map((n) => (/^(serif|sans-serif)$/.test(n) ? n : `"${n}"`)).join(', ');
// The browser takes the first installed family of each list. Only the title has an alias face: its
// fallback is the bold face of Noto Serif CJK (方正小标宋 itself is a heavy face, never made bold).
const BODY = plain(FONTS.body);
const TITLE = familyList('TJ Title', FONTS.title);
const HEI = plain(FONTS.hei);
const KAI = plain(FONTS.kai);

export const CSS = `
${fontFace('TJ Title', FONTS.title.map((n) => (n === 'Noto Serif CJK SC' ? 'Noto Serif CJK SC Bold' : n === 'Source Han Serif SC' ? 'Source Han Serif SC Bold' : n)))}
@page { size: A4; margin: ${PAGE_MM.top}mm ${PAGE_MM.right}mm ${PAGE_MM.bottom}mm ${PAGE_MM.left}mm; }
html { background: #f0f0f0; }
body { margin: 0; font-family: "Times New Roman", ${BODY}; font-size: ${PT.三号}pt; line-height: ${LINE_PT}pt; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
main { background: #fff; width: ${PAGE_MM.width - PAGE_MM.left - PAGE_MM.right}mm; margin: 0 auto; padding: ${PAGE_MM.top}mm ${PAGE_MM.right}mm ${PAGE_MM.bottom}mm ${PAGE_MM.left}mm; box-shadow: 0 0 6px rgba(0,0,0,.2); }
@media print { html { background: none; } main { width: auto; margin: 0; padding: 0; box-shadow: none; } }
p { margin: 0; text-align: justify; text-indent: 2em; }
.marking { font-family: ${HEI}; text-indent: 0; }
h1.title { font-family: ${TITLE}; font-weight: normal; font-size: ${PT.二号}pt; line-height: 1.45; text-align: center; margin: 0 0 ${LINE_PT / 2}pt; }
.subtitle { font-family: ${KAI}; text-align: center; text-indent: 0; margin-bottom: ${LINE_PT}pt; }
h2, h3, h4 { font-size: ${PT.三号}pt; line-height: ${LINE_PT}pt; margin: 0; text-indent: 2em; font-weight: normal; break-after: avoid; page-break-after: avoid; }
h2 { font-family: ${HEI}; }
h3 { font-family: ${KAI}; }
h4 { font-family: "Times New Roman", ${BODY}; font-weight: bold; }
p.note { font-size: ${PT.四号}pt; line-height: 1.5; text-align: left; word-break: break-all; }
p.center { text-align: center; text-indent: 0; }
p.right { text-align: right; text-indent: 0; }
p.flush { text-indent: 0; }
.signature { margin-top: ${LINE_PT * 2}pt; text-align: right; padding-right: 4em; text-indent: 0; }
.signature p { text-align: right; text-indent: 0; }
.annex { break-before: page; page-break-before: always; }
.annex .label { font-family: ${HEI}; text-indent: 0; }
.annex h2.annex-title { font-family: ${TITLE}; font-size: ${PT.小二}pt; line-height: 1.5; text-align: center; text-indent: 0; margin: ${LINE_PT / 2}pt 0; }
figure { margin: ${LINE_PT / 3}pt 0 ${LINE_PT / 2}pt; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure img { width: 100%; height: auto; display: block; }
figcaption, .caption { font-family: ${HEI}; font-size: ${PT.小四}pt; line-height: 1.6; text-align: center; text-indent: 0; }
.caption { margin-top: ${LINE_PT / 3}pt; break-after: avoid; page-break-after: avoid; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: ${PT.小四}pt; line-height: 1.35; margin: 2pt 0 ${LINE_PT / 3}pt; font-family: "Times New Roman", ${BODY}; }
table.dense { font-size: ${PT.五号}pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; overflow-wrap: anywhere; }
tr.group { break-after: avoid; page-break-after: avoid; }
tr.group td { background: #f5f5f5; }
th { font-family: ${HEI}; font-weight: normal; background: #eaeaea; text-align: center; }
td.c { text-align: center; } td.r { text-align: right; }
.b { font-weight: bold; }
.tnote { font-size: ${PT.五号}pt; line-height: 1.5; text-indent: 0; margin-bottom: ${LINE_PT / 3}pt; }
.pb { break-after: page; page-break-after: always; }
.keep { break-inside: avoid; page-break-inside: avoid; }
`;

function inline(c: readonly Inline[]): string {
  return c.map((x) => (typeof x === 'string' ? esc(x) : `<span class="${x.bold || x.alert ? 'b' : ''}">${esc(x.text)}</span>`)).join('');
}

function td(c: Cell, align?: string): string {
  const a = c.align ?? align;
  const cls = [a === 'center' ? 'c' : a === 'right' ? 'r' : '', c.bold || c.alert ? 'b' : ''].filter(Boolean).join(' ');
  return `<td${cls ? ` class="${cls}"` : ''}${c.span && c.span > 1 ? ` colspan="${c.span}"` : ''}>${esc(c.text)}</td>`;
}

function block(b: Block, charts: ChartImages): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`;
    case 'paragraph':
      return `<p${b.style && b.style !== 'body' ? ` class="${b.style}"` : ''}>${inline(b.content)}</p>`;
    case 'table': {
      const total = b.columns.reduce((s, c) => s + c.width, 0);
      const cols = b.columns.map((c) => `<col style="width:${((c.width / total) * 100).toFixed(2)}%">`).join('');
      const head = `<tr>${b.columns.map((c) => `<th>${esc(c.header)}</th>`).join('')}</tr>`;
      const body = b.rows.map((r) => `<tr${isGroupRow(r, b.columns.length) ? ' class="group"' : ''}>${r.map((c, i) => td(c, b.columns[i]?.align)).join('')}</tr>`).join('\n');
      return `<div class="caption">${esc(b.caption)}</div>\n<table class="${b.dense ? 'dense' : ''}" data-id="${esc(b.id)}"><colgroup>${cols}</colgroup><thead>${head}</thead><tbody>\n${body}\n</tbody></table>${b.note ? `\n<p class="tnote">${esc(b.note)}</p>` : ''}`;
    }
    case 'chart': {
      const img = charts.get(b.id);
      const src = img ? `data:image/svg+xml;base64,${Buffer.from(img.svg).toString('base64')}` : '';
      return `<figure data-id="${esc(b.id)}"><img alt="${esc(b.caption)}" src="${src}" width="${b.width}" height="${b.height}"><figcaption>${esc(b.caption)}</figcaption></figure>`;
    }
    case 'annex':
      return `<section class="annex"><p class="label">${esc(b.label)}</p><h2 class="annex-title">${esc(b.title)}</h2></section>`;
    case 'signature': {
      const shift = Math.max(0, (textWidthChars(b.date) - textWidthChars(b.issuer)) / 2);
      return `<div class="signature"><p style="padding-right:${shift}em">${esc(b.issuer)}</p><p>${esc(b.date)}</p></div>`;
    }
    case 'pageBreak':
      return '<div class="pb"></div>';
    default: {
      const never: never = b;
      throw new Error(`unknown block ${JSON.stringify(never)}`);
    }
  }
}

export function htmlDocument(doc: ReportDoc, charts: ChartImages): string {
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${esc(doc.title)}</title>`,
    `<meta name="generator" content="Tijian 执法体检工作台">`,
    `<meta name="description" content="${esc(`${doc.meta.subject}；评估批次 #${doc.meta.runId}`)}">`,
    `<meta name="keywords" content="${esc(doc.meta.keywords.join(','))}">`,
    `<style>${CSS}</style></head><body><main>`,
    doc.marking ? `<p class="marking">${esc(doc.marking)}</p>` : '',
    `<h1 class="title">${esc(doc.title).replace(/\n/g, '<br>')}</h1>`,
    doc.subtitle ? `<p class="subtitle">${esc(doc.subtitle)}</p>` : '',
    ...doc.blocks.map((b, i) => {
      const html = block(b, charts);
      // The paragraph before the signature and the signature stay on one page.
      if (doc.blocks[i + 1]?.type === 'signature') return `<div class="keep">${html}`;
      if (b.type === 'signature' && i > 0) return `${html}</div>`;
      return html;
    }),
    '</main></body></html>',
  ];
  return parts.filter(Boolean).join('\n');
}

export async function renderHtml(doc: ReportDoc, charts?: ChartImages): Promise<string> {
  return htmlDocument(doc, charts ?? (await chartImages(doc, { png: false })));
}

/** The report's plain text (tests, search). */
export function plainText(doc: ReportDoc): string {
  return doc.blocks
    .map((b) => (b.type === 'paragraph' ? inlineText(b.content) : b.type === 'heading' ? b.text : b.type === 'table' ? [b.caption, ...b.rows.map((r) => r.map((c) => c.text).join('\t'))].join('\n') : ''))
    .join('\n');
}

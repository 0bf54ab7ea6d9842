// One self-contained HTML file (inline CSS, charts as inline SVG), laid out for A4 print: it is also
// the source of the PDF (./pdf.ts prints it with Chromium or Electron). The pagination rules live
// here: headings, captions and introductory sentences stay with what follows, a table's note with its
// last rows, figures whole, the last paragraph with the attachment list and the signature; numbers
// never break (nowrap spans, columns at least as wide as their widest number); page numbers "— 1 —"
// in the bottom margin, right on odd pages and left on even ones, as in the DOCX.
import { xmlText } from '../../export/xml-text.js';
import { closingRange, inlineText, isGroupRow, type Block, type Cell, type Inline, type ReportDoc } from '../model.js';
import { chartImages, inlineSvg, type ChartImages } from './charts.js';
import { fitColumns, splitNumbers } from './fit.js';
import { FONTS, LATIN_FONTS, LINE_PT, PAGE_MM, PT, textWidthChars } from './layout.js';

/** Text for HTML: & < > " escaped, and the characters XML cannot hold (U+0000, U+FFFE…; HTML calls
 *  them parse errors) as U+FFFD, as in the DOCX and XLSX. */
export function esc(s: string): string {
  return xmlText(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Text with its numbers in nowrap spans. */
function escNum(s: string): string {
  return splitNumbers(s)
    .map((p) => (p.number ? `<span class="n">${esc(p.text)}</span>` : esc(p.text)))
    .join('');
}

const generic = (n: string) => /^(serif|sans-serif)$/.test(n);
const plain = (names: readonly string[]) => names.map((n) => (generic(n) ? n : `"${n}"`)).join(', ');

// Digits and ASCII (and the minus sign) from a Latin face, everything else — CJK, full-width
// punctuation, Chinese quotation marks — from the CJK fonts, as Word does with its eastAsia hint.
const LATIN_FACE = `@font-face { font-family: "TJ Latin"; src: ${LATIN_FONTS.map((n) => `local("${n}")`).join(', ')}; unicode-range: U+0020-007E, U+00A0, U+00B1, U+00D7, U+2212; }
@font-face { font-family: "TJ Latin"; font-weight: bold; src: ${LATIN_FONTS.map((n) => `local("${n} Bold")`).join(', ')}; unicode-range: U+0020-007E, U+00A0, U+00B1, U+00D7, U+2212; }`;
// No synthetic bold anywhere: Chromium draws an emboldened face as Type 3 glyph programs in the PDF
// (slow to print, not a real font). The CJK faces have no bold, so emphasis is set in 黑体 (as
// Chinese official documents do) with bold Latin digits, and the title is the heavy 方正小标宋 where
// installed, else a regular Song/Ming face.
const BODY = `"TJ Latin", ${plain(FONTS.body)}`;
const TITLE = plain(FONTS.title);
const HEI = `"TJ Latin", ${plain(FONTS.hei)}`;
const KAI = `"TJ Latin", ${plain(FONTS.kai)}`;
const SONG = `"TJ Latin", ${plain(FONTS.song)}`;
const CHART = plain(FONTS.hei.filter((n) => !/^(黑体|STHeiti)$/.test(n)));

// GB/T 9704: the page number in 4号 宋体, one 一字线 on each side, 7 mm under the text area; odd pages
// on the right, even pages on the left, each one character in from the edge of the text area.
const PAGE_NUMBER = `content: "— " counter(page) " —"; font-family: ${SONG}; font-size: ${PT.四号}pt; vertical-align: top; padding-top: 7mm;`;

export const CSS = `
${LATIN_FACE}
@page { size: A4; margin: ${PAGE_MM.top}mm ${PAGE_MM.right}mm ${PAGE_MM.bottom}mm ${PAGE_MM.left}mm; }
@page :right { @bottom-right { ${PAGE_NUMBER} text-align: right; padding-right: 1em; } }
@page :left { @bottom-left { ${PAGE_NUMBER} text-align: left; padding-left: 1em; } }
html { background: #f0f0f0; }
* { font-synthesis: none; }
body { margin: 0; font-family: ${BODY}; font-size: ${PT.三号}pt; line-height: ${LINE_PT}pt; color: #000; -webkit-print-color-adjust: exact; print-color-adjust: exact; orphans: 2; widows: 2; }
main { background: #fff; width: ${PAGE_MM.width - PAGE_MM.left - PAGE_MM.right}mm; margin: 0 auto; padding: ${PAGE_MM.top}mm ${PAGE_MM.right}mm ${PAGE_MM.bottom}mm ${PAGE_MM.left}mm; box-shadow: 0 0 6px rgba(0,0,0,.2); }
@media print { html { background: none; } main { width: auto; margin: 0; padding: 0; box-shadow: none; } }
p { margin: 0; text-align: justify; text-indent: 2em; }
.n { white-space: nowrap; }
.marking { font-family: ${HEI}; text-indent: 0; }
h1.title { font-family: ${TITLE}; font-weight: normal; font-size: ${PT.二号}pt; line-height: 1.45; text-align: center; margin: 0 0 ${LINE_PT / 2}pt; }
.subtitle { font-family: ${KAI}; text-align: center; text-indent: 0; margin-bottom: ${LINE_PT}pt; }
h2, h3, h4 { font-size: ${PT.三号}pt; line-height: ${LINE_PT}pt; margin: 0; text-indent: 2em; font-weight: normal; break-after: avoid; page-break-after: avoid; break-inside: avoid; }
h2 { font-family: ${HEI}; }
h3 { font-family: ${KAI}; }
h4 { font-family: ${HEI}; }
p.note { font-size: ${PT.四号}pt; line-height: 1.5; text-align: left; overflow-wrap: break-word; }
p.center { text-align: center; text-indent: 0; }
p.right { text-align: right; text-indent: 0; }
p.flush, p.recipient { text-indent: 0; }
p.kn { break-after: avoid; page-break-after: avoid; }
.attachments { margin-top: ${LINE_PT}pt; padding-left: 5em; }
.attachments p { text-indent: 0; text-align: left; }
.attachments p:first-child { text-indent: -3em; }
.signature { margin-top: ${LINE_PT * 2}pt; text-align: right; padding-right: 4em; text-indent: 0; }
.signature p { text-align: right; text-indent: 0; }
.closing { break-inside: avoid; page-break-inside: avoid; }
.imprint { break-inside: avoid; page-break-inside: avoid; margin-top: ${LINE_PT * 2}pt; border-top: 0.35mm solid #000; border-bottom: 0.35mm solid #000; font-size: ${PT.四号}pt; line-height: 1.9; }
.imprint p { text-indent: 0; padding: 0 1em; display: flex; justify-content: space-between; }
.imprint p + p { border-top: 0.25mm solid #000; }
.annex { break-before: page; page-break-before: always; }
.annex .label { font-family: ${HEI}; text-indent: 0; }
.annex h2.annex-title { font-family: ${TITLE}; font-weight: normal; font-size: ${PT.小二}pt; line-height: 1.5; text-align: center; text-indent: 0; margin: ${LINE_PT / 2}pt 0; }
figure { margin: ${LINE_PT / 3}pt 0 ${LINE_PT / 2}pt; text-align: center; break-inside: avoid; page-break-inside: avoid; }
figure svg text { font-family: ${CHART} !important; stroke: none !important; }
figcaption, .caption { font-family: ${HEI}; font-size: ${PT.小四}pt; line-height: 1.6; text-align: center; text-indent: 0; }
.caption { margin-top: ${LINE_PT / 3}pt; break-after: avoid; page-break-after: avoid; }
table { width: 100%; table-layout: fixed; border-collapse: collapse; font-size: ${PT.小四}pt; line-height: 1.35; margin: 2pt 0 ${LINE_PT / 3}pt; font-family: ${BODY}; }
table.dense { font-size: ${PT.五号}pt; }
thead { display: table-header-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 0.75pt solid #000; padding: 2pt 3pt; vertical-align: middle; overflow-wrap: break-word; }
td.brk { word-break: break-all; }
tr.group { break-after: avoid; page-break-after: avoid; }
tr.group td { background: #f5f5f5; }
th { font-family: ${HEI}; font-weight: normal; background: #eaeaea; text-align: center; }
td.c { text-align: center; } td.r { text-align: right; }
.b { font-family: ${HEI}; font-weight: bold; }
.tnote { font-size: ${PT.五号}pt; line-height: 1.5; text-indent: 0; margin-bottom: ${LINE_PT / 3}pt; break-before: avoid; page-break-before: avoid; }
.pb { break-after: page; page-break-after: always; }
`;

function inline(c: readonly Inline[]): string {
  return c.map((x) => (typeof x === 'string' ? escNum(x) : `<span class="${x.bold || x.alert ? 'b' : ''}">${escNum(x.text)}</span>`)).join('');
}

function td(c: Cell, align?: string): string {
  const a = c.align ?? align;
  const cls = [a === 'center' ? 'c' : a === 'right' ? 'r' : '', c.bold || c.alert ? 'b' : '', c.breakAnywhere ? 'brk' : ''].filter(Boolean).join(' ');
  const text = c.text.split('\n').map((l) => (c.breakAnywhere ? esc(l) : escNum(l))).join('<br>');
  return `<td${cls ? ` class="${cls}"` : ''}${c.title ? ` title="${esc(c.title)}"` : ''}${c.span && c.span > 1 ? ` colspan="${c.span}"` : ''}>${text}</td>`;
}

let chartNo = 0;

function block(b: Block, charts: ChartImages): string {
  switch (b.type) {
    case 'heading':
      return `<h${b.level + 1}>${esc(b.text)}</h${b.level + 1}>`;
    case 'paragraph': {
      const cls = [b.style && b.style !== 'body' ? b.style : '', b.keepNext ? 'kn' : ''].filter(Boolean).join(' ');
      return `<p${cls ? ` class="${cls}"` : ''}>${inline(b.content)}</p>`;
    }
    case 'table': {
      const fit = fitColumns(b);
      const cols = fit.fractions.map((f) => `<col style="width:${(f * 100).toFixed(2)}%">`).join('');
      const head = `<tr>${b.columns.map((c) => `<th>${esc(c.header)}</th>`).join('')}</tr>`;
      const body = b.rows.map((r) => `<tr${isGroupRow(r, b.columns.length) ? ' class="group"' : ''}>${r.map((c, i) => td(c, b.columns[i]?.align)).join('')}</tr>`).join('\n');
      return `<div class="caption">${esc(b.caption)}</div>\n<table class="${b.dense ? 'dense' : ''}" data-id="${esc(b.id)}"><colgroup>${cols}</colgroup><thead>${head}</thead><tbody>\n${body}\n</tbody></table>${b.note ? `\n<p class="tnote">${escNum(b.note)}</p>` : ''}`;
    }
    case 'chart': {
      const img = charts.get(b.id);
      const svg = img ? inlineSvg(img.svg, ++chartNo) : '';
      return `<figure data-id="${esc(b.id)}" aria-label="${esc(b.caption)}">${svg}<figcaption>${esc(b.caption)}</figcaption></figure>`;
    }
    case 'annex':
      return `<section class="annex"><p class="label">${esc(b.label)}</p><h2 class="annex-title">${esc(b.title)}</h2></section>`;
    case 'recipient':
      return `<p class="recipient">${esc(b.text)}</p>`;
    case 'attachments':
      return `<div class="attachments">${b.items.map((t, i) => `<p>${i === 0 ? '附件：' : ''}${b.items.length > 1 ? `${i + 1}.` : ''}${escNum(t)}</p>`).join('')}</div>`;
    case 'signature': {
      const shift = Math.max(0, (textWidthChars(b.date) - textWidthChars(b.issuer)) / 2);
      return `<div class="signature"><p style="padding-right:${shift}em">${esc(b.issuer)}</p><p>${esc(b.date)}</p></div>`;
    }
    case 'imprint':
      return `<div class="imprint">${b.cc ? `<p><span>抄送：${esc(b.cc)}</span></p>` : ''}<p><span>${esc(b.office)}</span><span>${esc(b.date)}印发</span></p></div>`;
    case 'pageBreak':
      return '<div class="pb"></div>';
    default: {
      const never: never = b;
      throw new Error(`unknown block ${JSON.stringify(never)}`);
    }
  }
}

export function htmlDocument(doc: ReportDoc, charts: ChartImages): string {
  chartNo = 0;
  const closing = closingRange(doc.blocks);
  const parts = [
    '<!DOCTYPE html>',
    '<html lang="zh-CN"><head><meta charset="utf-8">',
    `<title>${esc(doc.title.replace(/\n/g, ''))}</title>`,
    `<meta name="generator" content="Tijian 执法体检工作台">`,
    `<meta name="description" content="${esc(`${doc.meta.subject}；评估批次 #${doc.meta.runId}`)}">`,
    `<meta name="keywords" content="${esc(doc.meta.keywords.join(','))}">`,
    `<style>${CSS}</style></head><body><main>`,
    doc.marking ? `<p class="marking">${esc(doc.marking)}</p>` : '',
    `<h1 class="title">${esc(doc.title).replace(/\n/g, '<br>')}</h1>`,
    doc.subtitle ? `<p class="subtitle">${esc(doc.subtitle)}</p>` : '',
    ...doc.blocks.map((b, i) => {
      const html = block(b, charts);
      if (closing && i === closing[0] && i === closing[1]) return `<div class="closing">${html}</div>`;
      if (closing && i === closing[0]) return `<div class="closing">${html}`;
      if (closing && i === closing[1]) return `${html}</div>`;
      return html;
    }),
    '</main></body></html>',
  ];
  return parts.filter(Boolean).join('\n');
}

export async function renderHtml(doc: ReportDoc, charts?: ChartImages): Promise<string> {
  return htmlDocument(doc, charts ?? (await chartImages(doc, { png: false })));
}

/** The report's plain text (tests, search, the style checker). */
export function plainText(doc: ReportDoc): string {
  return doc.blocks
    .map((b) => {
      switch (b.type) {
        case 'paragraph':
          return inlineText(b.content);
        case 'heading':
          return b.text;
        case 'table':
          return [b.caption, ...b.rows.map((r) => r.map((c) => c.text).join('\t')), b.note ?? ''].join('\n');
        case 'recipient':
          return b.text;
        case 'attachments':
          return b.items.map((t, i) => `${i === 0 ? '附件：' : ''}${b.items.length > 1 ? `${i + 1}.` : ''}${t}`).join('\n');
        case 'signature':
          return `${b.issuer}\n${b.date}`;
        case 'imprint':
          return `${b.cc ? `抄送：${b.cc}\n` : ''}${b.office}  ${b.date}印发`;
        case 'annex':
          return `${b.label}\n${b.title}`;
        default:
          return '';
      }
    })
    .join('\n');
}

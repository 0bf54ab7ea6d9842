// Renders a report's chart blocks once: SVG for HTML/PDF (inlined, so its labels are real text in
// the PDF), PNG (with a CJK font) for DOCX. Every text of a chart is at least MIN_CHART_FONT_PX at
// the chart's own width; a chart is printed at the text width (156 mm), so a 640-pixel-wide chart
// prints 11 px as 7.6 pt.
import type { EChartsOption } from 'echarts';
import { renderCharts, type RenderedChart } from '../../charts/ssr.js';
import type { ReportDoc } from '../model.js';
import { PAGE_MM } from './layout.js';

export type ChartImages = Map<string, RenderedChart>;

/** The smallest font size in a report chart, in pixels of a chart 640 pixels wide. */
export const MIN_CHART_FONT_PX = 11;
/** The widest a report chart is drawn (pixels), and the tallest (so that it fits a page with its caption). */
export const CHART_BASE_WIDTH = 640;
export const MAX_CHART_HEIGHT_MM = 200;

/** The printed size of a chart font: px at the chart's width → pt at the text width. */
export function printedPt(px: number, chartWidth: number): number {
  return ((px * (PAGE_MM.width - PAGE_MM.left - PAGE_MM.right)) / chartWidth) * (72 / 25.4);
}

/** The option with every fontSize raised to the minimum (scaled for a chart wider or narrower than 640). */
export function legible(option: EChartsOption, width: number): EChartsOption {
  const min = Math.ceil((MIN_CHART_FONT_PX * width) / CHART_BASE_WIDTH);
  const walk = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(walk);
    if (x && typeof x === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(x)) out[k] = k === 'fontSize' && typeof v === 'number' && v < min ? min : walk(v);
      return out;
    }
    return x;
  };
  return walk(option) as EChartsOption;
}

export async function chartImages(doc: ReportDoc, opts: { png: boolean; scale?: number }): Promise<ChartImages> {
  const charts = doc.blocks.flatMap((b) => (b.type === 'chart' ? [b] : []));
  const ids = new Set<string>();
  for (const c of charts) {
    if (ids.has(c.id)) throw new Error(`duplicate chart id ${c.id} in ${doc.fileStem}`);
    ids.add(c.id);
  }
  const out = await renderCharts(
    charts.map((c) => ({ ...c, option: legible(c.option, c.width) })),
    { png: opts.png, ...(opts.scale ? { scale: opts.scale } : {}) },
  );
  return new Map(charts.map((c, i) => [c.id, out[i]!]));
}

/**
 * An SVG document made fit to inline in HTML: scaled to the width of its container, its ids and
 * classes prefixed with the chart's number (several charts share one document), no XML prolog.
 */
export function inlineSvg(svg: string, n: number): string {
  return svg
    .replace(/^<\?xml[^>]*>\s*/, '')
    .replace(/<svg\b([^>]*?)\swidth="(\d+(?:\.\d+)?)"\s+height="(\d+(?:\.\d+)?)"/, (_m, pre: string, w: string, h: string) => `<svg${pre} width="100%" style="display:block;height:auto;aspect-ratio:${w}/${h}" role="img"`)
    .replace(/\bzr(\d+)-/g, (_m, k: string) => `c${n}z${k}-`);
}

// Renders a report's chart blocks once: SVG for HTML/PDF, PNG (with a CJK font) for DOCX.
import { renderCharts, type RenderedChart } from '../../charts/ssr.js';
import type { ReportDoc } from '../model.js';

export type ChartImages = Map<string, RenderedChart>;

export async function chartImages(doc: ReportDoc, opts: { png: boolean; scale?: number }): Promise<ChartImages> {
  const charts = doc.blocks.flatMap((b) => (b.type === 'chart' ? [b] : []));
  const ids = new Set<string>();
  for (const c of charts) {
    if (ids.has(c.id)) throw new Error(`duplicate chart id ${c.id} in ${doc.fileStem}`);
    ids.add(c.id);
  }
  const out = await renderCharts(charts, { png: opts.png, ...(opts.scale ? { scale: opts.scale } : {}) });
  return new Map(charts.map((c, i) => [c.id, out[i]!]));
}

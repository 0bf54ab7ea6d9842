// Text the charts show: names cut to a length the layouts hold, and tooltips as escaped text.
//
// ECharts puts a tooltip formatter's string into the tooltip as HTML, and its DEFAULT formatter
// writes `style="…"` attributes (the coloured markers, the spacing), which the app's CSP
// (style-src 'self', no 'unsafe-inline') refuses: every hover logged errors and the tooltips came
// out unstyled. So every chart's tooltip has a formatter of its own that returns escaped text and
// `<br/>`s, no attributes (the tooltip's border still takes the point's colour); options that must
// stay plain data get one from the UI's Chart component (withTextTooltips).
import type { EChartsOption } from 'echarts';

/** Text for a tooltip's HTML: the names in it are data from imports. */
export function htmlText(s: unknown): string {
  return String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/**
 * The most characters of a name shown in a chart label or a report's table cell. The longest real
 * unit name of the Shengsi sample is 13 characters (嵊泗县文化和广电旅游体育局), its aliases reach
 * 18; a 20-character name takes two lines of the ranking table's 单位 column and fits a chart's
 * axis. A 3,000-character short name ran one ranking row across five PDF pages.
 */
export const NAME_MAX = 20;

/** A name cut to `max` characters (code points) and an ellipsis when longer; else the name itself. */
export function clipName(name: string, max = NAME_MAX): string {
  const s = String(name ?? '');
  if (s.length <= max) return s;
  const cps = [...s];
  return cps.length <= max ? s : `${cps.slice(0, max).join('')}…`;
}

interface TipParam {
  seriesName?: string;
  name?: string;
  value?: unknown;
}

function valueText(v: unknown): string {
  if (v === null || v === undefined || v === '' || (typeof v === 'number' && !Number.isFinite(v))) return '—';
  if (Array.isArray(v)) return v.map(valueText).join(', ');
  if (typeof v === 'object' && 'value' in (v as object)) return valueText((v as { value: unknown }).value);
  return String(v);
}

/**
 * A tooltip's text for charts without a formatter of their own: series, name and value, escaped,
 * no style attributes (ECharts' default formatter writes them, and the CSP refuses them).
 */
export function tooltipText(p: TipParam | TipParam[]): string {
  const ps = Array.isArray(p) ? p : [p];
  if (!ps.length) return '';
  const head = Array.isArray(p) ? ps[0]!.name : ps[0]!.seriesName;
  const lines = ps.map((x) => {
    const label = Array.isArray(p) ? x.seriesName : x.name;
    return `${label ? `${htmlText(label)}：` : ''}${htmlText(valueText(x.value))}`;
  });
  return [...(head ? [htmlText(head)] : []), ...lines].join('<br/>');
}

/**
 * The option with tooltipText as the formatter of every tooltip that has none (the UI's Chart
 * component applies it: the options of ranking, heatmap, targets and intervals are plain data).
 */
export function withTextTooltips<T extends EChartsOption>(option: T): T {
  const tip = (option as { tooltip?: unknown }).tooltip;
  if (!tip || typeof tip !== 'object') return option;
  const fix = (t: Record<string, unknown>) => (t.formatter === undefined || t.formatter === null ? { ...t, formatter: tooltipText } : t);
  return { ...option, tooltip: Array.isArray(tip) ? tip.map((t) => (t && typeof t === 'object' ? fix(t as Record<string, unknown>) : t)) : fix(tip as Record<string, unknown>) };
}

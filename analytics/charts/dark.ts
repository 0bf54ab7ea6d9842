// The same chart on a dark background (the desktop UI's dark theme): the theme's text, grid and
// border colours swapped for their dark-background counterparts; data colours stay, so a chart
// means the same in both themes. Pure: option in, option out.
import type { EChartsOption } from 'echarts';
import { COLORS } from './theme.js';
import { TREND_OTHER } from './trend.js';

export const DARK = {
  background: '#1b1f24',
  text: '#d9dde3',
  subtext: '#a3aab4',
  grid: '#353b44',
  axis: '#6b7380',
} as const;

const SWAP: Record<string, string> = {
  [COLORS.text.toLowerCase()]: DARK.text,
  [COLORS.subtext.toLowerCase()]: DARK.subtext,
  [COLORS.grid.toLowerCase()]: DARK.grid,
  '#8c8c8c': DARK.axis,
  '#bfbfbf': DARK.axis,
  '#000000': '#111111',
  // the trend's "other units" stay in the background on a dark page too
  [TREND_OTHER]: '#4b525c',
};

/** Keys whose colour is a border or background drawn against the page (white on a light page). */
const AGAINST_PAGE = new Set(['borderColor', 'backgroundColor']);

function swap(v: unknown, key: string): unknown {
  if (typeof v === 'string') {
    const lower = v.toLowerCase();
    if ((lower === '#fff' || lower === '#ffffff') && AGAINST_PAGE.has(key)) return DARK.background;
    return SWAP[lower] ?? v;
  }
  if (Array.isArray(v)) return v.map((x) => swap(x, key));
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = swap(x, k);
    return out;
  }
  return v;
}

export function onDark<T extends EChartsOption>(option: T): T {
  const o = swap(option, '') as T;
  // text without an explicit colour follows the theme's textStyle
  const base = (o as { textStyle?: Record<string, unknown> }).textStyle;
  (o as { textStyle?: Record<string, unknown> }).textStyle = { ...base, color: DARK.text };
  return o;
}

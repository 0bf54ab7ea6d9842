// One ECharts chart from an option built by analytics/charts (the same builders and theme as the
// reports). Dark theme: the same option, recoloured for a dark background (onDark).
import { useEffect, useLayoutEffect, useRef } from 'react';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { onDark, THEME_NAME, TIJIAN_THEME, withTextTooltips } from '../../../analytics/charts';
import { useApp } from '../state';

let registered = false;
function register(): void {
  if (registered) return;
  echarts.registerTheme(THEME_NAME, TIJIAN_THEME as object);
  echarts.registerTheme(`${THEME_NAME}-dark`, onDark(TIJIAN_THEME as unknown as EChartsOption) as object);
  registered = true;
}

export interface ChartClick {
  seriesIndex?: number;
  seriesId?: string;
  seriesName?: string;
  dataIndex: number;
  name: string;
  value: unknown;
  componentType: string;
}

/** A chart kept drawn while it is off screen (the `keep` prop): its element, ECharts instance and what it shows. */
interface Kept {
  host: HTMLDivElement;
  chart: echarts.ECharts;
  dark: boolean;
  lang: string;
  /** The option drawn (the same object is not drawn again) and whether ECharts has finished drawing it. */
  option: EChartsOption | null;
  painted: boolean;
}

/** Kept charts by key, oldest first; a few at most (each holds a canvas of its size). */
const kept = new Map<string, Kept>();
const KEEP_MAX = 3;

/**
 * `keep`: a key under which the chart stays drawn when it leaves the screen (a tab or screen
 * switched away from), to be shown again at once, without drawing, when a chart with the same key
 * comes back with the same option object — for charts too large to draw in a frame (the heatmap).
 */
export function Chart({
  option,
  height,
  onClick,
  testId,
  label,
  since,
  keep,
}: {
  option: EChartsOption;
  height: number;
  onClick?: (p: ChartClick) => void;
  testId?: string;
  label?: string;
  since?: number;
  keep?: string;
}) {
  const app = useApp();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<Kept | null>(null);
  /** When the chart was created (or shown again): its first drawing is timed from here. */
  const born = useRef<number | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const dark = app.theme === 'dark';
  const lang = app.lang;
  const name = useRef(label);
  name.current = label;

  useLayoutEffect(() => {
    register();
    const el = ref.current!;
    born.current = performance.now();
    let k = keep ? kept.get(keep) : undefined;
    if (k) kept.delete(keep!);
    if (k && (k.dark !== dark || k.lang !== lang)) {
      k.chart.dispose();
      k = undefined;
    }
    if (!k) {
      // ECharts draws into an element of its own, which a kept chart takes along
      const host = document.createElement('div');
      host.style.cssText = 'width:100%;height:100%';
      el.appendChild(host);
      // the locale: ECharts' words for its description of the chart (aria, below)
      k = { host, chart: echarts.init(host, dark ? `${THEME_NAME}-dark` : THEME_NAME, { renderer: 'canvas', locale: lang === 'en' ? 'EN' : 'ZH' }), dark, lang, option: null, painted: false };
    } else {
      el.appendChild(k.host);
      // the window may have changed size while it was away
      if (k.host.clientWidth !== k.chart.getWidth() || k.host.clientHeight !== k.chart.getHeight()) {
        k.chart.resize();
        k.painted = false;
      }
    }
    const entry = k;
    const c = entry.chart;
    chart.current = entry;
    const onChartClick = (p: unknown) => click.current?.(p as ChartClick);
    // data-painted: the chart has drawn its current option (what tests and bench:ui wait for)
    const onFinished = () => {
      entry.painted = true;
      el.setAttribute('data-painted', '');
    };
    c.on('click', onChartClick);
    c.on('finished', onFinished);
    // Only a real change of size: ECharts' resize() lays out and draws the whole chart again even
    // when the size is the same, and the observer reports the size once as soon as it observes —
    // which drew every chart twice when it appeared.
    const ro = new ResizeObserver(() => {
      if (entry.host.clientWidth !== c.getWidth() || entry.host.clientHeight !== c.getHeight()) c.resize();
    });
    ro.observe(entry.host);
    return () => {
      ro.disconnect();
      c.off('click', onChartClick);
      c.off('finished', onFinished);
      chart.current = null;
      if (!keep) {
        c.dispose();
        return;
      }
      entry.host.remove();
      kept.set(keep, entry);
      for (const [key, old] of kept) {
        if (kept.size <= KEEP_MAX) break;
        old.chart.dispose();
        kept.delete(key);
      }
    };
  }, [dark, keep, lang]);

  // How long drawing takes, from the chart's creation (or a new option) to ECharts' 'finished'
  // (data-render-ms, for tests and the UI benchmark; not shown).
  useEffect(() => {
    const entry = chart.current;
    if (!entry) return;
    const c = entry.chart;
    // from what the user did (a tab clicked), else from the chart's creation, else now
    const t0 = born.current !== null && since ? Math.min(since, born.current) : (born.current ?? performance.now());
    born.current = null;
    const el = ref.current;
    if (entry.option === option && entry.painted) {
      // a kept chart shown again with what it shows
      el?.setAttribute('data-render-ms', String(Math.round(performance.now() - t0)));
      el?.setAttribute('data-painted', '');
      return;
    }
    // a tooltip without a formatter of its own gets escaped text: ECharts' default formatter writes
    // style attributes, which the CSP refuses (an error logged at every hover, tooltips unstyled)
    // aria: ECharts describes the chart in words on its element (role img, aria-label: the series
    // and their first values), the text alternative of a picture (WCAG 1.1.1), led by our name for it
    const title = name.current ?? '';
    const aria = { enabled: true, label: { general: { withTitle: `${title}（{title}）`, withoutTitle: lang === 'en' ? `${title}. ` : `${title}。` } } };
    const o = withTextTooltips({ ...option, aria, backgroundColor: 'transparent', animation: false });
    const done = () => {
      c.off('finished', done);
      el?.setAttribute('data-render-ms', String(Math.round(performance.now() - t0)));
    };
    el?.removeAttribute('data-painted');
    entry.painted = false;
    entry.option = option;
    c.on('finished', done);
    c.setOption(dark ? onDark(o) : o, true);
    return () => {
      c.off('finished', done);
    };
  }, [option, dark, lang]);

  return <div ref={ref} className={`chart${onClick ? ' clickable' : ''}`} style={{ height }} data-testid={testId} />;
}

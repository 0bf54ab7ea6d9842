// One ECharts chart from an option built by analytics/charts (the same builders and theme as the
// reports). Dark theme: the same option, recoloured for a dark background (onDark).
import { useEffect, useLayoutEffect, useRef } from 'react';
import * as echarts from 'echarts';
import type { EChartsOption } from 'echarts';
import { onDark, THEME_NAME, TIJIAN_THEME } from '../../../analytics/charts';
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

export function Chart({ option, height, onClick, testId, label, since }: { option: EChartsOption; height: number; onClick?: (p: ChartClick) => void; testId?: string; label?: string; since?: number }) {
  const app = useApp();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  /** When the chart was created: its first drawing is timed from here. */
  const born = useRef<number | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const dark = app.theme === 'dark';

  useLayoutEffect(() => {
    register();
    const el = ref.current!;
    born.current = performance.now();
    const c = echarts.init(el, dark ? `${THEME_NAME}-dark` : THEME_NAME, { renderer: 'canvas' });
    chart.current = c;
    c.on('click', (p) => click.current?.(p as unknown as ChartClick));
    // data-painted: the chart has drawn its current option (what tests and bench:ui wait for)
    c.on('finished', () => el.setAttribute('data-painted', ''));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, [dark]);

  // How long drawing takes, from the chart's creation (or a new option) to ECharts' 'finished'
  // (data-render-ms, for tests and the UI benchmark; not shown).
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    const o = { ...option, backgroundColor: 'transparent', animation: false };
    // from what the user did (a tab clicked), else from the chart's creation, else now
    const t0 = born.current !== null && since ? Math.min(since, born.current) : (born.current ?? performance.now());
    born.current = null;
    const el = ref.current;
    const done = () => {
      c.off('finished', done);
      el?.setAttribute('data-render-ms', String(Math.round(performance.now() - t0)));
    };
    el?.removeAttribute('data-painted');
    c.on('finished', done);
    c.setOption(dark ? onDark(o) : o, true);
    return () => {
      c.off('finished', done);
    };
  }, [option, dark]);

  return <div ref={ref} className={`chart${onClick ? ' clickable' : ''}`} style={{ height }} data-testid={testId} role="img" aria-label={label} />;
}

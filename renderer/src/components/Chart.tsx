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
  dataIndex: number;
  name: string;
  value: unknown;
  componentType: string;
}

export function Chart({ option, height, onClick, testId, label }: { option: EChartsOption; height: number; onClick?: (p: ChartClick) => void; testId?: string; label?: string }) {
  const app = useApp();
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const click = useRef(onClick);
  click.current = onClick;
  const dark = app.theme === 'dark';

  useLayoutEffect(() => {
    register();
    const el = ref.current!;
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

  useEffect(() => {
    const o = { ...option, backgroundColor: 'transparent', animation: false };
    ref.current?.removeAttribute('data-painted');
    chart.current?.setOption(dark ? onDark(o) : o, true);
  }, [option, dark]);

  return <div ref={ref} className={`chart${onClick ? ' clickable' : ''}`} style={{ height }} data-testid={testId} role="img" aria-label={label} />;
}

// A virtualised, paged grid over Arrow pages: only the visible rows are in the DOM, and pages of
// PAGE rows are fetched as they scroll into view (never the whole table in one message).
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import type { Table, Type, Vector } from 'apache-arrow';
import type { ColumnInfo, Page } from '../../../electron/contract';
import { cellText, decodePage, isNumeric } from '../api/arrow';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';
import { ErrorBox } from './Common';

const PAGE = 200;
const ROW_H = 26;
const OVERSCAN = 12;

export interface GridRow {
  index: number;
  get(column: string): unknown;
  text(column: string): string;
}

interface Props {
  /** Fetches rows [offset, offset + limit). Changing it resets the grid. */
  fetchPage: (offset: number, limit: number) => Promise<Page>;
  /** Columns to leave out. */
  hide?: readonly string[];
  /** Custom cell renderers by column. */
  render?: Record<string, (row: GridRow) => ReactNode>;
  onRowClick?: (row: GridRow) => void;
  selected?: number | null;
  emptyText?: string;
  testId?: string;
  /** Called with the total once known. */
  onTotal?: (n: number) => void;
  /** Column that takes the width left over. */
  fill?: string;
  /** Grow with the rows up to this height (px) instead of filling the parent. */
  maxHeight?: number;
  /** Sorting: the current order, and what a click on a header asks for. */
  sort?: { column: string; desc: boolean } | null;
  onSort?: (column: string) => void;
  /** Starting widths (px) by column, instead of the kind's default. */
  widths?: Record<string, number>;
  /** Header text for some columns instead of the column's own name. */
  headers?: Record<string, string>;
}

interface LoadedPage {
  vectors: Map<string, Vector>;
  types: Map<string, Type>;
  rows: number;
}

function widthOf(c: ColumnInfo): number {
  switch (c.kind) {
    case 'date':
      return 104;
    case 'money':
    case 'number':
      return 112;
    case 'int':
    case 'system':
      return c.name === 'extras' ? 260 : 84;
    case 'bool':
      return 72;
    case 'list':
    case 'reflist':
      return 180;
    case 'enum':
      return 100;
    case 'id':
      return 140;
    default:
      return c.name === 'raw' ? 420 : c.name.startsWith('reason') ? 400 : 170;
  }
}

export function DataGrid({ fetchPage, hide, render, onRowClick, selected, emptyText, testId, onTotal, fill, maxHeight, sort, onSort, widths: startWidths, headers }: Props) {
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [total, setTotal] = useState<number | null>(null);
  const [columns, setColumns] = useState<ColumnInfo[]>([]);
  const [pages, setPages] = useState<Map<number, LoadedPage>>(new Map());
  const [error, setError] = useState<ApiError | null>(null);
  const [widths, setWidths] = useState<Record<string, number>>({});
  const [scrollTop, setScrollTop] = useState(0);
  const [viewH, setViewH] = useState(400);
  const [viewW, setViewW] = useState(800);
  const loading = useRef(new Set<number>());
  const gen = useRef(0);
  const scroller = useRef<HTMLDivElement>(null);

  const load = useCallback(
    async (p: number, g: number) => {
      if (loading.current.has(p)) return;
      loading.current.add(p);
      try {
        const page = decodePage(await fetchPage(p * PAGE, PAGE));
        if (g !== gen.current) return;
        const table: Table = page.table;
        const vectors = new Map<string, Vector>();
        const types = new Map<string, Type>();
        table.schema.fields.forEach((f, i) => {
          vectors.set(f.name, table.getChildAt(i)!);
          types.set(f.name, f.typeId);
        });
        setTotal(page.total);
        setColumns((prev) => (prev.length ? prev : page.columns));
        setPages((prev) => new Map(prev).set(p, { vectors, types, rows: table.numRows }));
      } catch (e) {
        if (g === gen.current) setError(e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', zh: String(e), en: String(e) }));
      } finally {
        loading.current.delete(p);
      }
    },
    [fetchPage],
  );

  // A new source: start again from the top.
  useEffect(() => {
    gen.current++;
    loading.current.clear();
    setPages(new Map());
    setTotal(null);
    setColumns([]);
    setError(null);
    setScrollTop(0);
    if (scroller.current) scroller.current.scrollTop = 0;
    void load(0, gen.current);
  }, [load]);

  useEffect(() => {
    if (total !== null) onTotal?.(total);
  }, [total, onTotal]);

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const measure = () => {
      setViewH(el.clientHeight);
      setViewW(el.clientWidth);
    };
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    measure();
    return () => ro.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_H) - OVERSCAN);
  const last = Math.min((total ?? 0) - 1, Math.ceil((scrollTop + viewH) / ROW_H) + OVERSCAN);

  useEffect(() => {
    if (total === null || last < 0) return;
    for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) {
      if (!pages.has(p)) void load(p, gen.current);
    }
  }, [first, last, total, pages, load]);

  const shown = useMemo(() => columns.filter((c) => !hide?.includes(c.name)), [columns, hide]);
  const gutter = Math.max(48, String(total ?? 0).length * 8 + 20);
  const baseW = (c: ColumnInfo) => widths[c.name] ?? startWidths?.[c.name] ?? widthOf(c);
  const spare = viewW - gutter - shown.reduce((a, c) => a + baseW(c), 0);
  const colW = (c: ColumnInfo) => (c.name === fill && !widths[c.name] && spare > 0 ? baseW(c) + spare : baseW(c));
  const totalW = gutter + shown.reduce((a, c) => a + colW(c), 0);
  const height = maxHeight ? Math.max(120, Math.min(maxHeight, 30 + Math.max(total ?? 3, 3) * ROW_H + (totalW > viewW ? 14 : 0))) : undefined;

  const rowAt = (index: number): GridRow | null => {
    const p = pages.get(Math.floor(index / PAGE));
    if (!p) return null;
    const r = index % PAGE;
    if (r >= p.rows) return null;
    return {
      index,
      get: (c) => p.vectors.get(c)?.get(r),
      text: (c) => {
        const v = p.vectors.get(c)?.get(r);
        const info = columns.find((x) => x.name === c);
        return cellText(v, p.types.get(c)!, info?.kind, t.kinds.bool);
      },
    };
  };

  const startResize = (c: ColumnInfo, e: ReactPointerEvent) => {
    e.preventDefault();
    e.stopPropagation();
    const x0 = e.clientX;
    const w0 = colW(c);
    const move = (ev: PointerEvent) => setWidths((w) => ({ ...w, [c.name]: Math.max(48, w0 + ev.clientX - x0) }));
    const up = () => {
      window.removeEventListener('pointermove', move);
      window.removeEventListener('pointerup', up);
    };
    window.addEventListener('pointermove', move);
    window.addEventListener('pointerup', up);
  };

  if (error) return <ErrorBox error={error.info} onRetry={() => { setError(null); gen.current++; void load(0, gen.current); }} />;

  const rows: ReactNode[] = [];
  if (total !== null) {
    for (let i = first; i <= last; i++) {
      const row = rowAt(i);
      rows.push(
        <div
          key={i}
          className={`grid-row${selected === i ? ' selected' : ''}${i % 2 ? ' odd' : ''}`}
          style={{ transform: `translateY(${i * ROW_H}px)`, width: totalW }}
          onClick={row && onRowClick ? () => onRowClick(row) : undefined}
          role="row"
          aria-rowindex={i + 1}
        >
          <div className="grid-gutter" style={{ width: gutter }}>
            {i + 1}
          </div>
          {shown.map((c) => {
            if (!row) return <div key={c.name} className="grid-cell loading" style={{ width: colW(c) }} />;
            const custom = render?.[c.name];
            const text = custom ? null : row.text(c.name);
            const typeId = pages.get(Math.floor(i / PAGE))?.types.get(c.name);
            return (
              <div key={c.name} className={`grid-cell${typeId !== undefined && isNumeric(typeId) ? ' num' : ''}`} style={{ width: colW(c) }} title={text ?? undefined} role="cell">
                {custom ? custom(row) : text}
              </div>
            );
          })}
        </div>,
      );
    }
  }

  return (
    <div className="grid" data-testid={testId} role="table" aria-rowcount={total ?? undefined} style={height ? { height } : undefined}>
      <div className="grid-scroll" ref={scroller} onScroll={(e) => setScrollTop((e.target as HTMLDivElement).scrollTop)}>
        <div className="grid-head" style={{ width: totalW }} role="row">
          <div className="grid-gutter" style={{ width: gutter }}>
            #
          </div>
          {shown.map((c) => (
            <div
              key={c.name}
              className={`grid-hcell${onSort ? ' sortable' : ''}`}
              style={{ width: colW(c) }}
              title={`${i18n.pick(c)} · ${c.name}`}
              role="columnheader"
              aria-sort={sort?.column === c.name ? (sort.desc ? 'descending' : 'ascending') : undefined}
              onClick={onSort ? () => onSort(c.name) : undefined}
            >
              <span>{headers?.[c.name] ?? (lang === 'en' ? c.en : c.zh)}</span>
              {sort?.column === c.name && <span className="sort-mark">{sort.desc ? '▼' : '▲'}</span>}
              <i className="grid-resize" onPointerDown={(e) => startResize(c, e)} onClick={(e) => e.stopPropagation()} />
            </div>
          ))}
        </div>
        <div className="grid-body" style={{ height: (total ?? 0) * ROW_H, width: totalW }}>
          {rows}
        </div>
        {total === 0 && <div className="grid-empty">{emptyText ?? t.common.empty}</div>}
        {total === null && <div className="grid-empty">{t.common.loading}</div>}
      </div>
    </div>
  );
}

// A virtualised, paged grid over Arrow pages: only the visible rows are in the DOM, and pages of
// PAGE rows are fetched as they scroll into view (never the whole table in one message). Columns
// start as wide as their first page's text (the rest of the width shared out, none left empty);
// the keyboard moves between rows (↑ ↓ PgUp PgDn Home End) and Enter opens one.
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent, type ReactNode } from 'react';
import type { Table, Type, Vector } from 'apache-arrow';
import type { ColumnInfo, Page } from '../../../electron/contract';
import { cellText, decodePage, isNumeric } from '../api/arrow';
import { ApiError } from '../api/client';
import { useI18n } from '../i18n';
import { ErrorBox } from './Common';

const PAGE = 200;
/** Rows per request (a screen may ask for the first page early, with the same size). */
export const GRID_PAGE = PAGE;
const ROW_H = 26;
const OVERSCAN = 12;
const HEAD_H = 28;

/** Roughly how wide a text is drawn at the grid's size: CJK and full-width characters are square. */
export function textWidth(s: string, cjk = 12.5, latin = 8): number {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? cjk : latin;
  return w;
}

let canvas: HTMLCanvasElement | null = null;
/** How wide a text is drawn in this font (measured on a canvas; estimated where there is none). */
function measurer(font: string): (s: string) => number {
  canvas ??= typeof document !== 'undefined' ? document.createElement('canvas') : null;
  const ctx = canvas?.getContext('2d') ?? null;
  if (!ctx) return (s) => textWidth(s);
  ctx.font = font;
  return (s) => ctx.measureText(s).width;
}

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
  /** Enter on a row (default: the same as a click). */
  onRowOpen?: (row: GridRow) => void;
  /** Moving with the keyboard also "clicks" the row (a list whose selection shows a detail). */
  followFocus?: boolean;
  selected?: number | null;
  /** Row height (px); rows taller than one line let `wrap` columns run to two lines. */
  rowHeight?: number;
  wrap?: readonly string[];
  /** Widest a column starts (px). */
  maxColumnWidth?: number;
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

export function DataGrid({ fetchPage, hide, render, onRowClick, onRowOpen, followFocus, selected, rowHeight, wrap, maxColumnWidth = 360, emptyText, testId, onTotal, fill, maxHeight, sort, onSort, widths: startWidths, headers }: Props) {
  const RH = rowHeight ?? ROW_H;
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
  const [auto, setAuto] = useState<Record<string, number>>({});
  const [cursor, setCursor] = useState<number | null>(null);
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
    setAuto({});
    setCursor(null);
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

  const first = Math.max(0, Math.floor(scrollTop / RH) - OVERSCAN);
  const last = Math.min((total ?? 0) - 1, Math.ceil((scrollTop + viewH) / RH) + OVERSCAN);

  useEffect(() => {
    if (total === null || last < 0) return;
    for (let p = Math.floor(first / PAGE); p <= Math.floor(last / PAGE); p++) {
      if (!pages.has(p)) void load(p, gen.current);
    }
  }, [first, last, total, pages, load]);

  const shown = useMemo(() => columns.filter((c) => !hide?.includes(c.name)), [columns, hide]);
  // Starting widths from the first page's text: the header and the widest value, within limits.
  const page0 = pages.get(0);
  useEffect(() => {
    if (!page0 || !columns.length || Object.keys(auto).length) return;
    const out: Record<string, number> = {};
    const n = Math.min(page0.rows, 200);
    const family = scroller.current ? getComputedStyle(scroller.current).fontFamily : 'sans-serif';
    const cell = measurer(`12.5px ${family}`);
    const head = measurer(`600 12px ${family}`);
    for (const c of columns) {
      const vec = page0.vectors.get(c.name);
      const type = page0.types.get(c.name);
      let w = head(headers?.[c.name] ?? (lang === 'en' ? c.en : c.zh)) + (onSort ? 14 : 0);
      if (vec && type !== undefined) {
        for (let r = 0; r < n; r++) w = Math.max(w, cell(cellText(vec.get(r), type, c.kind, t.kinds.bool)));
      }
      // text + the cell's padding and border
      out[c.name] = Math.round(Math.min(maxColumnWidth, Math.max(56, w + 20)));
    }
    setAuto(out);
  }, [page0, columns, auto, headers, lang, onSort, maxColumnWidth, t.kinds.bool]);
  const gutter = Math.max(40, String(total ?? 0).length * 8 + 16);
  const baseW = (c: ColumnInfo) => widths[c.name] ?? startWidths?.[c.name] ?? auto[c.name] ?? widthOf(c);
  const natural = shown.reduce((a, c) => a + baseW(c), 0);
  const spare = viewW - gutter - natural;
  // what is left over goes to the `fill` column, else is shared out (no half-empty grid)
  const colW = (c: ColumnInfo) => {
    if (widths[c.name] || spare <= 0) return baseW(c);
    if (fill) return c.name === fill ? baseW(c) + spare : baseW(c);
    return Math.floor(baseW(c) + (spare * baseW(c)) / Math.max(1, natural));
  };
  const totalW = gutter + shown.reduce((a, c) => a + colW(c), 0);
  const height = maxHeight ? Math.max(120, Math.min(maxHeight, HEAD_H + 2 + Math.max(total ?? 3, 3) * RH + (totalW > viewW ? 14 : 0))) : undefined;

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

  // The keyboard: the row under the cursor (else the selected one) moves; Enter opens it.
  const active = cursor ?? selected ?? null;
  const moveTo = (i: number) => {
    if (total === null || total === 0) return;
    const next = Math.max(0, Math.min(total - 1, i));
    setCursor(next);
    const el = scroller.current;
    if (el) {
      const top = next * RH;
      const bodyH = el.clientHeight - HEAD_H;
      if (top < el.scrollTop) el.scrollTop = top;
      else if (top + RH > el.scrollTop + bodyH) el.scrollTop = top + RH - bodyH;
    }
    const row = rowAt(next);
    if (followFocus && row && onRowClick) onRowClick(row);
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    if (total === null || total === 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const page = Math.max(1, Math.floor((viewH - HEAD_H) / RH) - 1);
    const at = active ?? -1;
    let next: number | null = null;
    if (e.key === 'ArrowDown') next = at + 1;
    else if (e.key === 'ArrowUp') next = at < 0 ? 0 : at - 1;
    else if (e.key === 'PageDown') next = at + page;
    else if (e.key === 'PageUp') next = at - page;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = total - 1;
    else if (e.key === 'Enter' && active !== null) {
      const row = rowAt(active);
      const open = onRowOpen ?? onRowClick;
      if (row && open) {
        e.preventDefault();
        open(row);
      }
      return;
    }
    if (next === null) return;
    e.preventDefault();
    moveTo(next);
  };

  if (error) return <ErrorBox error={error.info} onRetry={() => { setError(null); gen.current++; void load(0, gen.current); }} />;

  const rows: ReactNode[] = [];
  if (total !== null) {
    for (let i = first; i <= last; i++) {
      const row = rowAt(i);
      rows.push(
        <div
          key={i}
          className={`grid-row${selected === i ? ' selected' : ''}${active === i ? ' active' : ''}${i % 2 ? ' odd' : ''}${RH !== ROW_H ? ' tall' : ''}`}
          style={{ transform: `translateY(${i * RH}px)`, width: totalW, height: RH }}
          onClick={
            row && onRowClick
              ? () => {
                  setCursor(i);
                  onRowClick(row);
                }
              : undefined
          }
          role="row"
          aria-rowindex={i + 1}
          aria-selected={selected === i || undefined}
        >
          <div className="grid-gutter" style={{ width: gutter, lineHeight: `${RH}px` }} role="rowheader">
            {i + 1}
          </div>
          {shown.map((c) => {
            if (!row) return <div key={c.name} className="grid-cell loading" style={{ width: colW(c) }} role="cell" />;
            const custom = render?.[c.name];
            const text = custom ? null : row.text(c.name);
            const typeId = pages.get(Math.floor(i / PAGE))?.types.get(c.name);
            return (
              <div key={c.name} className={`grid-cell${typeId !== undefined && isNumeric(typeId) ? ' num' : ''}${wrap?.includes(c.name) ? ' wrap' : ''}`} style={{ width: colW(c), ...(RH !== ROW_H ? { lineHeight: wrap?.includes(c.name) ? '18px' : `${RH}px`, height: RH } : {}) }} title={text ?? undefined} role="cell">
                {wrap?.includes(c.name) ? <span className="clamp2">{custom ? custom(row) : text}</span> : custom ? custom(row) : text}
              </div>
            );
          })}
        </div>,
      );
    }
  }

  return (
    <div className="grid" data-testid={testId} style={height ? { height } : undefined}>
      {/* the table is the focusable scroller itself: rows must be the table's own (a focusable
          element between them breaks what screen readers and axe read as the table) */}
      <div className="grid-scroll" ref={scroller} onScroll={(e) => setScrollTop((e.target as HTMLDivElement).scrollTop)} tabIndex={0} onKeyDown={onKeyDown} role="table" aria-rowcount={total ?? undefined}>
        <div className="grid-head" style={{ width: totalW }} role="row">
          <div className="grid-gutter" style={{ width: gutter }} role="columnheader">
            #
          </div>
          {shown.map((c) => (
            <div
              key={c.name}
              className={`grid-hcell${onSort ? ' sortable' : ''}`}
              style={{ width: colW(c) }}
              title={i18n.pick(c)}
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
        <div className="grid-body" style={{ height: (total ?? 0) * RH, width: totalW }}>
          {rows}
        </div>
        {total === 0 && <div className="grid-empty">{emptyText ?? t.common.empty}</div>}
        {total === null && <div className="grid-empty">{t.common.loading}</div>}
      </div>
    </div>
  );
}

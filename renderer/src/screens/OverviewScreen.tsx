// 数据概览: what the workspace holds — totals, tables, the periods each unit's records cover, and
// the data-quality warnings to deal with before evaluating (names that matched no unit or officer,
// rejected rows, a missing unit list). Every warning opens the rows behind it.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { Overview, QualityWarning, TableSummary } from '../../../analytics/overview/overview';
import type { ColumnInfo, InputOf } from '../../../electron/contract';
import { useActions } from '../actions';
import { ApiError } from '../api/client';
import { Empty, ErrorBox, Icon, Modal, TableWrap } from '../components/Common';
import { DataGrid, type GridRow } from '../components/DataGrid';
import { NeedWorkspace } from '../components/NeedWorkspace';
import { useI18n } from '../i18n';
import { useApp } from '../state';
import { RejectedRows } from './ImportScreen';

type PageFilter = InputOf<'table.page'>['filter'];

interface Browse {
  table: string;
  title: string;
  filter?: PageFilter;
}

export function OverviewScreen() {
  const app = useApp();
  const i18n = useI18n();
  const { t, num } = i18n;
  const actions = useActions();
  const [ov, setOv] = useState<Overview | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [browse, setBrowse] = useState<Browse | null>(null);
  const [rejectedOf, setRejectedOf] = useState<{ id: number; title: string } | null>(null);

  const load = useCallback(() => {
    if (!app.workspace) return;
    app.client.call('overview.get', {}).then(
      (o) => {
        setOv(o);
        setError(null);
      },
      (e: unknown) => setError(e instanceof ApiError ? e : null),
    );
  }, [app.client, app.workspace]);
  useEffect(load, [load, app.dataVersion]);

  if (!app.workspace) return <NeedWorkspace screen="overview" title={t.ov.title} icon="table" text={t.ov.needWorkspace} />;

  const empty = ov && ov.totals.rows === 0 && ov.totals.imports === 0;
  const tableTitle = (name: string) => {
    const s = ov?.tables.find((x) => x.table === name);
    return s ? i18n.pick(s) : name;
  };

  return (
    <div className="screen" data-testid="screen-overview">
      <header className="screen-head row">
        <h1 title={app.workspace.path}>{t.ov.title}</h1>
      </header>
      {error && <ErrorBox error={error.info} onRetry={load} />}
      {!ov && !error && <div className="muted pad">{t.common.loading}</div>}
      {empty && (
        <Empty icon="inbox" title={t.ov.emptyWs} testId="overview-empty">
          <div className="row gap">
            <button className="btn primary" onClick={() => void actions.importFiles()}>
              {t.ws.goImport}
            </button>
            {app.info?.sampleDir && (
              <button className="btn" onClick={() => void actions.openSample()}>
                {t.ws.sample}
              </button>
            )}
          </div>
        </Empty>
      )}
      {ov && !empty && (
        <>
          <div className="stats" data-testid="overview-totals">
            <Stat label={t.ov.totals.rows} value={num(ov.totals.rows)} />
            <Stat label={t.ov.totals.imports} value={num(ov.totals.imports)} />
            <Stat label={t.ov.totals.rejected} value={num(ov.totals.rejected)} warn={ov.totals.rejected > 0} />
            <Stat label={t.ov.totals.period} value={ov.period ? `${ov.period.from} – ${ov.period.to}` : t.status.noPeriod} compact />
          </div>

          <section className="panel" data-testid="overview-warnings">
            <div className="panel-head">
              <h2>
                <Icon name="alert" /> {t.ov.warnings}
                <span className="count">{ov.warnings.length}</span>
              </h2>
            </div>
            {ov.warnings.length === 0 ? (
              <p className="muted pad">
                <Icon name="check" /> {t.ov.noWarnings}
              </p>
            ) : (
              <ul className="warnings">
                {ov.warnings.map((w, i) => (
                  <WarningItem
                    key={i}
                    w={w}
                    onOpen={() => {
                      if (!w.drill) return;
                      if (w.drill.filter.kind === 'import') setRejectedOf({ id: w.drill.filter.importId, title: i18n.pick(w) });
                      else setBrowse({ table: w.drill.table, title: i18n.pick(w), filter: w.drill.filter });
                    }}
                  />
                ))}
              </ul>
            )}
          </section>

          <div className="two-col overview-cols">
            <section className="panel" data-testid="overview-tables">
              <div className="panel-head">
                <h2>
                  <Icon name="table" /> {t.ov.tables}
                </h2>
              </div>
              <TablesList tables={ov.tables} onBrowse={(s) => setBrowse({ table: s.table, title: i18n.pick(s) })} />
            </section>
            <section className="panel" data-testid="overview-coverage">
              <div className="panel-head">
                <h2>
                  <Icon name="chart" /> {t.ov.coverage}
                </h2>
              </div>
              <p className="muted small pad-x">{t.ov.coverageNote}</p>
              <Coverage ov={ov} tableTitle={tableTitle} />
            </section>
          </div>
        </>
      )}
      {browse && (
        <Modal title={browse.title} onClose={() => setBrowse(null)} wide testId="browse-modal">
          <TableBrowser table={browse.table} filter={browse.filter} />
        </Modal>
      )}
      {rejectedOf && (
        <Modal title={rejectedOf.title} onClose={() => setRejectedOf(null)} wide testId="rejected-modal">
          <RejectedRows importId={rejectedOf.id} />
        </Modal>
      )}
    </div>
  );
}

function Stat({ label, value, warn, compact }: { label: string; value: string; warn?: boolean; compact?: boolean }) {
  return (
    <div className={`stat${warn ? ' warn' : ''}`}>
      <div className="stat-label">{label}</div>
      <div className={`stat-value${compact ? ' compact' : ''}`} title={value}>
        {value}
      </div>
    </div>
  );
}

function WarningItem({ w, onOpen }: { w: QualityWarning; onOpen: () => void }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  return (
    <li className={`warning ${w.severity}`} data-testid="warning" data-kind={w.kind}>
      <Icon name={w.severity === 'warn' ? 'alert' : 'info'} />
      <div className="warning-body">
        <div>{i18n.pick(w)}</div>
        {w.samples.length > 0 && (
          <div className="warning-samples muted small">
            {t.ov.examples}:{' '}
            {w.samples.map((s, i) => (
              <span key={i} className="chip">
                {s.value} <b>×{num(s.rows)}</b>
              </span>
            ))}
          </div>
        )}
      </div>
      {w.drill && (
        <button className="link" onClick={onOpen} data-testid="warning-open">
          {t.ov.viewRows}
        </button>
      )}
    </li>
  );
}

function TablesList({ tables, onBrowse }: { tables: TableSummary[]; onBrowse: (t: TableSummary) => void }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  return (
    <TableWrap label={t.ov.tables}>
      <table className="list-table" data-testid="tables-table">
        <thead>
          <tr>
            <th>{t.ov.table}</th>
            <th className="num">{t.ov.rows}</th>
            <th className="num">{t.ov.imports}</th>
            <th className="num">{t.ov.rejected}</th>
            <th>{t.ov.span}</th>
            <th className="browse-col" />
          </tr>
        </thead>
        <tbody>
          {tables.map((s) => (
            <tr key={s.table} className={s.rows ? '' : 'dim'} data-testid="table-row" data-table={s.table}>
              <td>{i18n.pick(s)}</td>
              <td className="num">{num(s.rows)}</td>
              <td className="num">{num(s.imports)}</td>
              <td className={`num${s.rejected ? ' warn-text' : ''}`}>{num(s.rejected)}</td>
              <td className="small mono span-cell">{s.from && s.to ? `${s.from} – ${s.to}` : ''}</td>
              <td className="browse-col">
                {s.rows > 0 && (
                  <button className="link" onClick={() => onBrowse(s)} data-testid="browse-table">
                    {t.ov.browse}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function Coverage({ ov, tableTitle }: { ov: Overview; tableTitle: (n: string) => string }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const { years, units } = ov.coverage;
  const max = useMemo(() => Math.max(1, ...units.flatMap((u) => Object.values(u.years))), [units]);
  if (!years.length) return <p className="muted pad">{t.status.noPeriod}</p>;
  return (
    <TableWrap label={t.ov.coverage}>
      <table className="coverage" data-testid="coverage-table">
        <thead>
          <tr>
            <th>{t.ov.unit}</th>
            {years.map((y) => (
              <th key={y} className="num">
                {y}
              </th>
            ))}
            <th className="num">{t.ov.total}</th>
          </tr>
        </thead>
        <tbody>
          {units.map((u) => (
            <tr key={u.unit_id ?? '∅'} className={u.unit_id === null ? 'unmatched' : ''}>
              <td className="ellipsis" title={u.unit_id ?? ''}>
                {u.unit_id === null ? t.ov.noUnitRow : u.name}
                {u.unit_type && <span className="muted small"> · {u.unit_type}</span>}
              </td>
              {years.map((y) => {
                const n = u.years[String(y)] ?? 0;
                const tip = Object.entries(u.tables)
                  .filter(([, by]) => by[String(y)])
                  .map(([tb, by]) => `${tableTitle(tb)}: ${num(by[String(y)]!)}`)
                  .join('\n');
                return (
                  <td key={y} className={`num heat${n ? '' : ' zero'}`} title={tip} style={n ? { ['--heat' as string]: String(0.12 + 0.6 * (n / max)) } : undefined}>
                    {n ? num(n) : '—'}
                  </td>
                );
              })}
              <td className="num">{num(u.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function TableBrowser({ table, filter }: { table: string; filter?: PageFilter | undefined }) {
  const app = useApp();
  const i18n = useI18n();
  const { t, num } = i18n;
  const [unmask, setUnmask] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const [sort, setSort] = useState<{ column: string; desc: boolean } | null>(null);
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [row, setRow] = useState<GridRow | null>(null);
  const [columns, setColumns] = useState<ColumnInfo[]>([]);
  useEffect(() => {
    const h = setTimeout(() => setQuery(search.trim()), 250);
    return () => clearTimeout(h);
  }, [search]);
  const fetchPage = useCallback(
    (offset: number, limit: number) =>
      app.client
        .call('table.page', {
        table: table as InputOf<'table.page'>['table'],
        offset,
        limit,
        ...(filter ? { filter } : {}),
        ...(unmask ? { unmask } : {}),
        ...(sort ? { orderBy: { column: sort.column, desc: sort.desc } } : {}),
        ...(query ? { search: query } : {}),
        })
        .then((p) => {
          if (offset === 0) setColumns(p.columns);
          return p;
        }),
    [app.client, table, filter, unmask, sort, query],
  );
  // Click: ascending, again: descending, a third time: the import order.
  const onSort = (column: string) => setSort((s) => (s?.column !== column ? { column, desc: false } : !s.desc ? { column, desc: true } : null));
  return (
    <div className="browser" data-testid="table-browser">
      <div className="browser-bar">
        <input className="search" type="search" placeholder={t.ux.search} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="table-search" />
        <span className="muted">{total !== null ? t.common.total(num(total)) : ''}</span>
        <div className="spacer" />
        {!unmask && <span className="muted small">{t.common.maskedNote}</span>}
        <label className="check">
          <input type="checkbox" checked={unmask} onChange={(e) => setUnmask(e.target.checked)} /> {t.common.showPersonal}
        </label>
      </div>
      <div className="grid-box auto">
        <DataGrid fetchPage={fetchPage} onTotal={setTotal} testId="table-grid" maxHeight={620} sort={sort} onSort={onSort} onRowClick={setRow} selected={row?.index ?? null} />
      </div>
      {row && (
        <Modal title={t.common.rowsOf(num(row.index + 1), num(total ?? 0))} onClose={() => setRow(null)} testId="table-row-detail">
          <table className="kv-table">
            <tbody>
              {columns.map((c) => (
                <tr key={c.name}>
                  <th>{i18n.pick(c)}</th>
                  <td>{row.text(c.name)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Modal>
      )}
    </div>
  );
}

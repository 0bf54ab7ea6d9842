// 明细: the records behind a number — the numerator's (or denominator's) rows from the lineage query
// of the very index text the run used, in a virtualised grid over paged Arrow results; sort by a
// header, find text, export XLSX/CSV. Personal data is masked unless the user unmasks.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ExportedFile, LineagePageOut } from '../../../electron/contract';
import { ApiError } from '../api/client';
import { Empty, ErrorBox, Icon, Modal } from '../components/Common';
import { DataGrid, type GridRow } from '../components/DataGrid';
import { FileReady } from '../components/FileReady';
import { fmtScore, fmtValue, runText, useResult, useRuns } from '../engine';
import { NeedWorkspace } from '../components/NeedWorkspace';
import { useI18n } from '../i18n';
import { useApp, type LineageTarget } from '../state';

export function DetailsScreen() {
  const app = useApp();
  const { t } = useI18n();
  if (!app.workspace) return <NeedWorkspace screen="details" title={t.nav.details} icon="list" />;
  return <Details target={app.lineage} />;
}

function Picker({ target }: { target: LineageTarget | null }) {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const { runs } = useRuns();
  const [runId, setRunId] = useState<number | null>(target?.runId ?? app.runId);
  const { result } = useResult(runId);
  const [entity, setEntity] = useState(target?.entityId ?? 'COUNTY');
  const [ind, setInd] = useState(target?.indicatorId ?? '');
  useEffect(() => {
    if (target) {
      setRunId(target.runId);
      setEntity(target.entityId);
      setInd(target.indicatorId);
    }
  }, [target]);
  const items = useMemo(() => (result ? [...result.indicators.map((x) => ({ id: x.id, name: x.name })), ...result.red_lines.map((x) => ({ id: x.id, name: x.name }))] : []), [result]);
  return (
    <div className="toolbar" data-testid="lineage-picker">
      <label>
        {t.e.pickRun}
        <select value={runId ?? result?.run_id ?? ''} onChange={(e) => setRunId(Number(e.target.value))}>
          {(runs ?? []).map((r) => (
            <option key={r.run_id} value={r.run_id}>
              {runText(r, i18n)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.e.pickEntity}
        <select value={entity} onChange={(e) => setEntity(e.target.value)}>
          {(result?.entities ?? []).map((x) => (
            <option key={x.entity_id} value={x.entity_id}>
              {x.entity_type === 'county' ? t.e.county : x.short_name}
            </option>
          ))}
        </select>
      </label>
      <label className="grow">
        {t.e.pickIndicator}
        <select value={ind} onChange={(e) => setInd(e.target.value)}>
          <option value="" disabled>
            —
          </option>
          {items.map((x) => (
            <option key={x.id} value={x.id}>
              {i18n.pick(x.name)}
            </option>
          ))}
        </select>
      </label>
      <button
        className="btn primary"
        disabled={!result || !ind}
        onClick={() => result && app.openLineage({ runId: result.run_id, entityId: entity, indicatorId: ind, entityName: result.entities.find((x) => x.entity_id === entity)?.short_name ?? entity })}
      >
        {t.e.show}
      </button>
    </div>
  );
}

function Details({ target }: { target: LineageTarget | null }) {
  const app = useApp();
  const i18n = useI18n();
  const { t, num } = i18n;
  const [part, setPart] = useState<'numerator' | 'denominator'>(target?.part ?? 'numerator');
  const [search, setSearch] = useState('');
  const [query, setQuery] = useState('');
  const [sort, setSort] = useState<{ column: string; desc: boolean } | null>(null);
  const [unmask, setUnmask] = useState(false);
  const [meta, setMeta] = useState<LineagePageOut | null>(null);
  const [file, setFile] = useState<ExportedFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [row, setRow] = useState<GridRow | null>(null);
  const { result } = useResult(target?.runId ?? null);
  const ind = result?.indicators.find((x) => x.id === target?.indicatorId);

  useEffect(() => {
    setPart(target?.part ?? 'numerator');
    setSearch('');
    setQuery('');
    setSort(null);
    setMeta(null);
    setFile(null);
    setRow(null);
  }, [target]);
  // search as the user pauses typing
  useEffect(() => {
    const h = setTimeout(() => setQuery(search), 250);
    return () => clearTimeout(h);
  }, [search]);

  const fetchPage = useCallback(
    async (offset: number, limit: number) => {
      const p = await app.client.call('lineage.get', {
        runId: target!.runId,
        entityId: target!.entityId,
        indicatorId: target!.indicatorId,
        part,
        offset,
        limit,
        ...(query ? { search: query } : {}),
        ...(sort ? { orderBy: sort } : {}),
        ...(unmask ? { unmask } : {}),
      });
      if (offset === 0) setMeta(p);
      return p;
    },
    [app.client, target, part, query, sort, unmask],
  );

  const doExport = async (format: 'xlsx' | 'csv') => {
    if (!target) return;
    setBusy(true);
    setFile(null);
    try {
      const f = await app.client.call('lineage.export', {
        runId: target.runId,
        entityId: target.entityId,
        indicatorId: target.indicatorId,
        part,
        format,
        ...(query ? { search: query } : {}),
        ...(sort ? { orderBy: sort } : {}),
        ...(unmask ? { unmask } : {}),
      });
      // the file appears right under the buttons (no notice over them)
      setFile(f);
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setBusy(false);
    }
  };

  const onSort = (column: string) => setSort((s) => (s?.column !== column ? { column, desc: false } : !s.desc ? { column, desc: true } : null));
  const entityLabel = target ? (target.entityId === 'COUNTY' ? t.e.county : (target.entityName ?? result?.entities.find((x) => x.entity_id === target.entityId)?.short_name ?? target.entityId)) : '';
  const v = meta?.value;

  return (
    <div className="screen fit" data-testid="screen-details">
      <header className="screen-head row">
        <h1>{t.nav.details}</h1>
        <div className="spacer" />
        {target && (
          <button className="btn ghost small" onClick={() => app.go('results')}>
            ← {t.e.back}
          </button>
        )}
      </header>
      <Picker target={target} />
      {!target && (
        <Empty icon="list" title={t.e.lineageEmpty} testId="details-empty">
          <button className="btn primary" onClick={() => app.go('results')}>
            {t.nav.results}
          </button>
        </Empty>
      )}
      {error && <ErrorBox error={error.info} onClose={() => setError(null)} />}
      {target && (
        <section className="panel grow-panel" data-testid="lineage">
          <div className="panel-head">
            <h2 data-testid="lineage-title">
              <Icon name="list" /> {entityLabel} · {meta ? i18n.pick(meta.title) : (ind ? i18n.pick(ind.name) : target.indicatorId)}
            </h2>
            <div className="spacer" />
            {meta?.has_denominator && (
              <div className="seg" role="group">
                <button className={part === 'numerator' ? 'on' : ''} onClick={() => setPart('numerator')} data-testid="part-numerator">
                  {t.e.numerator}
                </button>
                <button className={part === 'denominator' ? 'on' : ''} onClick={() => setPart('denominator')} data-testid="part-denominator">
                  {t.e.denominator}
                </button>
              </div>
            )}
          </div>
          {v && (
            <div className="lineage-value" data-testid="lineage-value">
              <span>
                {ind?.kind === 'count' ? t.e.countPart : t.e.numerator} <b data-testid="lineage-numerator">{num(v.numerator)}</b>
              </span>
              {ind?.kind !== 'count' && v.denominator !== null && (
                <span>
                  {t.e.denominator} <b data-testid="lineage-denominator">{num(v.denominator)}</b>
                </span>
              )}
              {ind && (
                <span>
                  {t.e.value} <b>{fmtValue(ind.unit, v.raw, i18n.lang)}</b>
                </span>
              )}
              <span>
                {t.e.score} <b>{fmtScore(v.score)}</b>
              </span>
            </div>
          )}
          <div className="browser-bar">
            <input className="search" type="search" placeholder={t.e.search} title={t.ux.search} value={search} onChange={(e) => setSearch(e.target.value)} data-testid="lineage-search" />
            <span className="muted" data-testid="lineage-count" data-query={query}>
              {meta ? (query ? t.e.rowsFiltered(num(meta.total), num(meta.unfiltered)) : t.e.rowsMatch(num(meta.total))) : ''}
            </span>
            <div className="spacer" />
            {!unmask && meta?.masked && <span className="muted small">{t.common.maskedNote}</span>}
            <label className="check">
              <input type="checkbox" checked={unmask} onChange={(e) => setUnmask(e.target.checked)} data-testid="lineage-unmask" /> {t.common.showPersonal}
            </label>
            <button className="btn small" disabled={busy} onClick={() => void doExport('xlsx')} data-testid="export-xlsx">
              {t.e.exportXlsx}
            </button>
            <button className="btn small" disabled={busy} onClick={() => void doExport('csv')} data-testid="export-csv">
              {t.e.exportCsv}
            </button>
          </div>
          {file && <FileReady file={file} />}
          <div className="grid-box">
            <DataGrid fetchPage={fetchPage} testId="lineage-grid" sort={sort} onSort={onSort} onRowClick={setRow} selected={row?.index ?? null} />
          </div>
          {row && meta && (
            <Modal title={`${entityLabel} · ${i18n.pick(meta.title)} · ${t.common.rowsOf(num(row.index + 1), num(meta.total))}`} onClose={() => setRow(null)} testId="lineage-row">
              <table className="kv-table">
                <tbody>
                  {meta.columns.map((c) => (
                    <tr key={c.name}>
                      <th>{i18n.pick(c)}</th>
                      <td>{row.text(c.name)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Modal>
          )}
          {meta && (
            <details className="sql">
              <summary>{t.e.sql}</summary>
              <pre>{meta.sql}</pre>
            </details>
          )}
        </section>
      )}
    </div>
  );
}

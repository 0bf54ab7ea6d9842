// 整改: the rectification ledger — counts by status (overdue first), the units with their counts,
// the items filtered by unit, status, kind, severity and text; one item's evidence (and its records
// on 明细), its status and feedback (editable), its history and the checks by later data. Items are
// created from a saved run; notices with feedback forms, and the ledger, are exported; filled forms
// are imported back. Personal data (责任人) is masked unless the user confirms showing it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ExportedFile, ImportRun, RectifyItem, RectifyItemOut, RectifyListOut } from '../../../electron/contract';
import { ApiError } from '../api/client';
import { decodePage } from '../api/arrow';
import { Empty, ErrorBox, Icon, listKeys, Modal, roveProps } from '../components/Common';
import { FileReady } from '../components/FileReady';
import { NeedWorkspace } from '../components/NeedWorkspace';
import { downloadClick, downloadHref, fmtValue, opText, useResult, useRuns } from '../engine';
import { useI18n } from '../i18n';
import { useRectifyText } from '../rectify-i18n';
import { useApp } from '../state';
import './rectify.css';

type Status = '待整改' | '整改中' | '逾期' | '已整改' | '不予整改';
const STATUS_ORDER: Status[] = ['逾期', '待整改', '整改中', '已整改', '不予整改'];
const STATUS_CLASS: Record<string, string> = { 逾期: 'rs-overdue', 待整改: 'rs-todo', 整改中: 'rs-doing', 已整改: 'rs-done', 不予整改: 'rs-declined' };
const SEV_CLASS: Record<string, string> = { 高: 'sev-high', 中: 'sev-mid', 低: 'sev-low' };
const OUTCOME_CLASS: Record<string, string> = { 已整改: 'rc-fixed', 复发: 'rc-recurred', 无法核验: 'rc-unknown' };

interface Filter {
  unit?: string;
  status?: Status;
  kind?: 'indicator' | 'red_line' | 'review';
  severity?: '高' | '中' | '低';
  search?: string;
}

/** A stored UTC time in this machine's local time: 2024-03-01 14:07. */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function todayChina(): string {
  return new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function RectifyScreen() {
  const app = useApp();
  const r = useRectifyText();
  if (!app.workspace) return <NeedWorkspace screen="rectify" title={r.title} icon="check" />;
  return <Rectify />;
}

function Rectify() {
  const app = useApp();
  const i18n = useI18n();
  const r = useRectifyText();
  const { num } = i18n;
  const [period, setPeriod] = useState<string | null>(null);
  const [asOf, setAsOf] = useState(todayChina());
  const [filter, setFilter] = useState<Filter>({});
  const [search, setSearch] = useState('');
  const [unmask, setUnmask] = useState(false);
  const [confirmUnmask, setConfirmUnmask] = useState(false);
  const [data, setData] = useState<RectifyListOut | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [files, setFiles] = useState<ExportedFile[]>([]);
  const [creating, setCreating] = useState(false);
  const [imported, setImported] = useState<ImportRun | null>(null);
  const [version, setVersion] = useState(0);
  const picker = useRef<HTMLInputElement | null>(null);
  const seq = useRef(0);

  const load = useCallback(() => {
    setError(null);
    // only the newest request's answer is shown (reloads can overtake each other)
    const mine = ++seq.current;
    app.client
      .call('rectify.list', { ...(period ? { period } : {}), ...filter, ...(/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? { asOf } : {}), ...(unmask ? { unmask } : {}) })
      .then(
        (d) => {
          if (mine !== seq.current) return;
          setData(d);
          if (!period && d.period) setPeriod(d.period);
        },
        (e: unknown) => mine === seq.current && setError(e instanceof ApiError ? e : null),
      );
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [app.client, period, filter, asOf, unmask, app.dataVersion, version]);
  useEffect(load, [load]);
  // the search box filters after a short pause
  useEffect(() => {
    const t = setTimeout(() => setFilter((f) => (f.search === (search.trim() || undefined) ? f : { ...f, search: search.trim() || undefined })), 250);
    return () => clearTimeout(t);
  }, [search]);

  const fail = (e: unknown) => app.notify('error', e instanceof ApiError ? i18n.err(e.info) : String(e));

  const exportFiles = async (what: 'notices' | 'ledger') => {
    try {
      const out = await app.runJob('rectify.export', { what, ...(period ? { period } : {}), ...(unmask ? { unmask } : {}) }, what === 'notices' ? r.exportNotices : r.exportLedger);
      setFiles(out.files);
      app.notify('ok', r.exportedN(out.files.length));
    } catch (e) {
      fail(e);
    }
  };

  const importPaths = async (paths: string[]) => {
    if (!paths.length) return;
    try {
      const out = await app.runJob('rectify.import', { paths }, r.importing);
      setImported(out);
      const errors = out.results.filter((x) => 'error' in x);
      for (const x of errors) if ('error' in x) app.notify('error', `${x.file}: ${i18n.err(x.error)}`);
      if (out.results.length > errors.length) app.notify('ok', r.imported(out.results.length - errors.length, out.totals.rows_read, out.totals.rows_loaded, out.totals.rows_rejected));
      setVersion((v) => v + 1);
    } catch (e) {
      fail(e);
    }
  };

  const chooseForms = async () => {
    if (!app.client.desktop) {
      picker.current?.click();
      return;
    }
    try {
      await importPaths(await app.client.call('shell.openFilesDialog', {}));
    } catch (e) {
      fail(e);
    }
  };

  const chip = (label: string, clear: () => void) => (
    <span className="chip on">
      {label}
      <button className="chip-x" onClick={clear} aria-label="×">
        ×
      </button>
    </span>
  );

  const items = data?.items ?? [];
  const selectedItem = useMemo(() => items.find((i) => i.item_id === selected) ?? null, [items, selected]);

  return (
    <div className="screen" data-testid="screen-rectify">
      <header className="screen-head row">
        <h1>{r.title}</h1>
        <div className="toolbar inline">
          <label>
            {r.period}
            <select value={period ?? ''} onChange={(e) => setPeriod(e.target.value || null)} data-testid="rectify-period" disabled={!data?.periods.length}>
              {(data?.periods ?? []).map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          </label>
          <label title={r.asOfHint}>
            {r.asOf}
            <input type="date" value={asOf} onChange={(e) => setAsOf(e.target.value)} data-testid="rectify-asof" className="date-input" />
          </label>
          <label className="inline-check">
            <input
              type="checkbox"
              checked={unmask}
              onChange={(e) => (e.target.checked ? setConfirmUnmask(true) : setUnmask(false))}
              data-testid="rectify-unmask"
            />
            {r.showPersonal}
          </label>
        </div>
        <div className="spacer" />
        <button className="btn small" onClick={() => setCreating(true)} disabled={!!app.job} data-testid="rectify-create">
          <Icon name="plus" /> {r.create}
        </button>
        <button className="btn small" onClick={() => void exportFiles('notices')} disabled={!!app.job || !items.length} data-testid="rectify-export-notices">
          <Icon name="file" /> {r.exportNotices}
        </button>
        <button className="btn small" onClick={() => void exportFiles('ledger')} disabled={!!app.job || !data?.periods.length} data-testid="rectify-export-ledger">
          <Icon name="table" /> {r.exportLedger}
        </button>
        <button className="btn small" onClick={() => void chooseForms()} disabled={!!app.job || !data?.periods.length} data-testid="rectify-import">
          <Icon name="import" /> {r.importForms}
        </button>
        <input
          ref={picker}
          type="file"
          multiple
          accept=".xlsx,.xls,.et"
          hidden
          data-testid="rectify-file-input"
          onChange={(e) => {
            const fs = [...(e.target.files ?? [])];
            e.target.value = '';
            void Promise.all(fs.map((f) => app.client.stageFile(f))).then(importPaths, fail);
          }}
        />
      </header>
      <p className="muted small pad-x">{r.intro}</p>
      {error && <ErrorBox error={error.info} onRetry={load} />}
      {files.length > 0 && <ExportedPanel files={files} onClose={() => setFiles([])} />}
      {imported && <ImportedPanel run={imported} onClose={() => setImported(null)} />}
      {!data && !error && <div className="muted pad">{i18n.t.common.loading}</div>}
      {data && !data.periods.length && (
        <Empty icon="check" title={r.noItems} testId="rectify-empty">
          <p className="muted">{r.noItemsText}</p>
          <button className="btn primary" onClick={() => setCreating(true)} data-testid="rectify-create-empty">
            {r.create}
          </button>
        </Empty>
      )}
      {data && data.periods.length > 0 && (
        <>
          <div className="stats rectify-stats" data-testid="rectify-counts">
            <div className="stat">
              <div className="stat-label">{r.total}</div>
              <div className="stat-value" data-testid="rectify-total">
                {num(data.counts.total)}
              </div>
            </div>
            {STATUS_ORDER.map((s) => (
              <button
                key={s}
                className={`stat clickable ${STATUS_CLASS[s]}${filter.status === s ? ' on' : ''}`}
                onClick={() => setFilter((f) => ({ ...f, status: f.status === s ? undefined : s }))}
                data-testid={`rectify-status-${s}`}
              >
                <div className="stat-label">{r.statuses[s]}</div>
                <div className="stat-value">{num(data.counts.by_status[s])}</div>
              </button>
            ))}
            <div className="stat rc-recurred" title={r.check}>
              <div className="stat-label">
                {r.check} · {r.outcomes['复发']}
              </div>
              <div className="stat-value" data-testid="rectify-recurred">
                {num(data.units.reduce((s, u) => s + u.recurred, 0))}
              </div>
            </div>
          </div>
          <div className="rectify-layout">
            <section className="panel rectify-units">
              <div className="panel-head">
                <h2>{r.units}</h2>
              </div>
              <ul className="group-list" data-testid="rectify-units" role="listbox" aria-label={r.units} onKeyDown={listKeys}>
                <li className={!filter.unit ? 'on' : ''} onClick={() => setFilter((f) => ({ ...f, unit: undefined }))} role="option" aria-selected={!filter.unit} {...roveProps(!filter.unit)}>
                  <span className="grow">{r.allUnits}</span>
                  <b>{num(data.counts.total)}</b>
                </li>
                {data.units.map((u) => (
                  <li key={u.unit_id} className={filter.unit === u.unit_id ? 'on' : ''} onClick={() => setFilter((f) => ({ ...f, unit: f.unit === u.unit_id ? undefined : u.unit_id }))} data-testid="rectify-unit" data-unit={u.unit_id} role="option" aria-selected={filter.unit === u.unit_id} {...roveProps(filter.unit === u.unit_id)}>
                    <span className="grow" title={u.unit_name}>
                      {u.unit_name}
                    </span>
                    {u.counts.by_status['逾期'] > 0 && (
                      <span className="rs-badge rs-overdue" title={r.statuses['逾期']}>
                        {u.counts.by_status['逾期']}
                      </span>
                    )}
                    {u.recurred > 0 && (
                      <span className="rs-badge rc-recurred" title={r.outcomes['复发']}>
                        {u.recurred}
                      </span>
                    )}
                    <b>{num(u.counts.total)}</b>
                  </li>
                ))}
              </ul>
            </section>
            <section className="panel rectify-items">
              <div className="browser-bar">
                <select value={filter.kind ?? ''} onChange={(e) => setFilter((f) => ({ ...f, kind: (e.target.value || undefined) as Filter['kind'] }))} data-testid="rectify-kind" aria-label={r.kind}>
                  <option value="">{r.anyKind}</option>
                  {(['red_line', 'review', 'indicator'] as const).map((k) => (
                    <option key={k} value={k}>
                      {r.kinds[k]}
                    </option>
                  ))}
                </select>
                <select value={filter.severity ?? ''} onChange={(e) => setFilter((f) => ({ ...f, severity: (e.target.value || undefined) as Filter['severity'] }))} data-testid="rectify-severity" aria-label={r.severity}>
                  <option value="">
                    {r.severity}：{r.anySeverity}
                  </option>
                  {(['高', '中', '低'] as const).map((s) => (
                    <option key={s} value={s}>
                      {r.severity}：{i18n.t.e.sevNames[s]}
                    </option>
                  ))}
                </select>
                <input className="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={r.search} data-testid="rectify-search" />
                {filter.unit && chip(data.units.find((u) => u.unit_id === filter.unit)?.unit_name ?? filter.unit, () => setFilter((f) => ({ ...f, unit: undefined })))}
                {filter.status && chip(r.statuses[filter.status]!, () => setFilter((f) => ({ ...f, status: undefined })))}
                <div className="spacer" />
                <span className="muted small" data-testid="rectify-shown">
                  {num(items.length)} / {num(data.counts.total)}
                </span>
              </div>
              <div className="rectify-table-box">
                <table className={`list-table rectify-table${filter.unit ? ' one-unit' : ''}`} data-testid="rectify-items">
                  <thead>
                    <tr>
                      <th>{r.code}</th>
                      {!filter.unit && <th className="col-unit">{r.unit}</th>}
                      <th>{r.problem}</th>
                      <th title={r.severity}>{r.severityShort}</th>
                      <th>{r.deadline}</th>
                      <th>{r.status}</th>
                      <th>{r.check}</th>
                    </tr>
                  </thead>
                  <tbody onKeyDown={listKeys}>
                    {items.map((i, k) => (
                      <tr
                        key={i.item_id}
                        className={selected === i.item_id ? 'selected' : ''}
                        onClick={() => setSelected(i.item_id)}
                        data-testid="rectify-item"
                        data-status={i.status}
                        data-code={i.code}
                        aria-current={selected === i.item_id || undefined}
                        {...roveProps(selected === i.item_id || (k === 0 && !items.some((x) => x.item_id === selected)))}
                      >
                        <td className="mono small nowrap">{i.code}</td>
                        {!filter.unit && (
                          <td className="nowrap ellipsis" title={i.unit_name}>
                            {i.unit_name}
                          </td>
                        )}
                        <td className="ellipsis" title={i.problem} lang="zh-CN">
                          <span className="kind-tag">{r.kinds[i.kind]}</span> {i.source_name}
                        </td>
                        <td>
                          <span className={`sev ${SEV_CLASS[i.severity] ?? ''}`} title={i18n.t.e.sevNames[i.severity]}>
                            {i18n.lang === 'en' ? (i18n.t.e.sevNames[i.severity] ?? i.severity).slice(0, 1) : i.severity}
                          </span>
                        </td>
                        <td className="nowrap small">{i.deadline}</td>
                        <td className="nowrap">
                          <span className={`rs-badge ${STATUS_CLASS[i.status]}`} title={i.status === '逾期' ? r.overdueDays(i.days_overdue) : undefined}>
                            {r.statuses[i.status]}
                            {i.status === '逾期' ? ` ${r.days(i.days_overdue)}` : ''}
                          </span>
                        </td>
                        <td className="nowrap">{i.check && i.stored_status === '已整改' ? <span className={`rs-badge ${OUTCOME_CLASS[i.check.outcome]}`}>{r.outcomes[i.check.outcome]}</span> : <span className="muted">{r.notChecked}</span>}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                {!items.length && <p className="muted pad">{i18n.t.common.empty}</p>}
              </div>
            </section>
            <ItemDetail key={`${selectedItem?.item_id ?? 'none'}-${version}-${unmask}`} item={selectedItem} unmask={unmask} asOf={asOf} onSaved={() => setVersion((v) => v + 1)} />
          </div>
        </>
      )}
      {creating && <CreateModal onClose={() => setCreating(false)} onCreated={(p) => { setPeriod(p); setVersion((v) => v + 1); }} />}
      {confirmUnmask && (
        <Modal
          title={r.unmaskTitle}
          onClose={() => setConfirmUnmask(false)}
          actions={
            <>
              <button className="btn" onClick={() => setConfirmUnmask(false)}>
                {i18n.t.common.cancel}
              </button>
              <button
                className="btn danger"
                data-testid="confirm-unmask"
                onClick={() => {
                  setConfirmUnmask(false);
                  setUnmask(true);
                }}
              >
                {i18n.t.common.confirm}
              </button>
            </>
          }
        >
          <p>{r.unmaskConfirm}</p>
        </Modal>
      )}
    </div>
  );
}

/** The files of one export: one line each, shown in their folder (desktop) or downloaded (browser). */
function ExportedPanel({ files, onClose }: { files: ExportedFile[]; onClose: () => void }) {
  const app = useApp();
  const i18n = useI18n();
  const r = useRectifyText();
  if (files.length === 1) return <FileReady file={files[0]!} />;
  const folder = files[0]!.path.replace(/[\\/][^\\/]+$/, '');
  return (
    <section className="panel rectify-files" data-testid="rectify-files">
      <div className="panel-head">
        <h2>{r.exportedN(files.length)}</h2>
        <span className="muted small ellipsis" title={folder}>
          {files[0]!.masked ? i18n.t.e.masked : ''}
        </span>
        <div className="spacer" />
        {app.client.desktop && (
          <button className="btn small" onClick={() => void app.client.call('shell.showItemInFolder', { path: files[0]!.path })} data-testid="show-in-folder">
            <Icon name="open" /> {i18n.t.e.openFolder}
          </button>
        )}
        <button className="btn small ghost" onClick={onClose} aria-label="close">
          ×
        </button>
      </div>
      <ul className="rectify-file-list">
        {files.map((f) => {
          const href = downloadHref(f);
          return (
            <li key={f.path} data-testid="rectify-file" data-path={f.path}>
              <Icon name="file" size={13} />
              {href && !app.client.desktop ? (
                <a href={href} download={f.name} title={f.path} onClick={downloadClick(app.client, f, (e) => app.notify('error', e instanceof ApiError ? i18n.err(e.info) : String(e)))}>
                  {f.name}
                </a>
              ) : (
                <span title={f.path}>{f.name}</span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function ImportedPanel({ run, onClose }: { run: ImportRun; onClose: () => void }) {
  const app = useApp();
  const r = useRectifyText();
  const i18n = useI18n();
  const [rows, setRows] = useState<Array<{ file: string; line: number; reason: string }>>([]);
  useEffect(() => {
    let live = true;
    const ids = run.results.flatMap((x) => ('import_id' in x && x.import_id && x.rows_rejected ? [x.import_id] : []));
    void Promise.all(ids.map((importId) => app.client.call('import.rejected', { importId, offset: 0, limit: 200 }))).then((pages) => {
      if (!live) return;
      const out: Array<{ file: string; line: number; reason: string }> = [];
      for (const p of pages) {
        const t = decodePage(p).table;
        for (let k = 0; k < t.numRows; k++) {
          const row = t.get(k)!;
          out.push({ file: String(row['file_name']), line: Number(row['line_no']), reason: String(i18n.lang === 'en' ? row['reason_en'] : row['reason_zh']) });
        }
      }
      setRows(out);
    });
    return () => {
      live = false;
    };
  }, [run, app.client, i18n.lang]);
  // what each form's import said besides its summary line (statuses written 逾期, formulas with no
  // saved result): nothing a form holds is passed over without a word
  const notes = run.results.flatMap((x) => ('error' in x || x.table !== 'rectify_item' ? [] : x.warnings.slice(1).map((text) => ({ file: x.file, text }))));
  return (
    <section className="panel rectify-imported" data-testid="rectify-imported">
      <div className="panel-head">
        <h2>{r.imported(run.results.filter((x) => !('error' in x)).length, run.totals.rows_read, run.totals.rows_loaded, run.totals.rows_rejected)}</h2>
        <button className="btn small ghost" onClick={onClose} aria-label="close">
          ×
        </button>
      </div>
      {notes.length > 0 && (
        <ul className="warnings" data-testid="rectify-import-notes">
          {notes.map((x, k) => (
            <li key={k} className="warning small">
              <Icon name="alert" />
              <span>
                {x.file}：{x.text}
              </span>
            </li>
          ))}
        </ul>
      )}
      {rows.length > 0 && (
        <table className="list-table" data-testid="rectify-rejected">
          <thead>
            <tr>
              <th>{r.rejectedRows}</th>
              <th>{r.line}</th>
              <th>{r.reason}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((x, k) => (
              <tr key={k}>
                <td className="small">{x.file}</td>
                <td className="mono small">{x.line}</td>
                <td className="small">{x.reason}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function CreateModal({ onClose, onCreated }: { onClose: () => void; onCreated: (period: string) => void }) {
  const app = useApp();
  const i18n = useI18n();
  const r = useRectifyText();
  const { runs } = useRuns();
  const [runId, setRunId] = useState<number | null>(null);
  const [issued, setIssued] = useState(todayChina());
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (runId === null && runs?.length) setRunId(runs[0]!.run_id);
  }, [runs, runId]);
  const create = async () => {
    if (runId === null) return;
    setBusy(true);
    try {
      const out = await app.runJob('rectify.create', { runId, ...(issued ? { issuedOn: issued } : {}) }, r.create);
      app.notify('ok', r.created(out.created, out.existing));
      onCreated(out.period);
      onClose();
    } catch (e) {
      app.notify('error', e instanceof ApiError ? i18n.err(e.info) : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      title={r.createTitle}
      onClose={onClose}
      testId="rectify-create-modal"
      actions={
        <>
          <button className="btn" onClick={onClose}>
            {i18n.t.common.cancel}
          </button>
          <button className="btn primary" onClick={() => void create()} disabled={busy || runId === null} data-testid="rectify-create-go">
            {r.create}
          </button>
        </>
      }
    >
      <p className="muted small">{r.createNote}</p>
      {runs && !runs.length && <p>{r.noRuns}</p>}
      <div className="form-grid">
        <label>
          {r.run}
          <select value={runId ?? ''} onChange={(e) => setRunId(Number(e.target.value))} data-testid="rectify-create-run">
            {(runs ?? []).map((x) => (
              <option key={x.run_id} value={x.run_id}>
                #{x.run_id} · {x.period}
                {x.compare ? ` / ${x.compare}` : ''} · {x.created_at}
              </option>
            ))}
          </select>
        </label>
        <label title={r.issuedHint}>
          {r.issued}
          <input type="date" value={issued} onChange={(e) => setIssued(e.target.value)} data-testid="rectify-create-issued" />
        </label>
      </div>
      <p className="muted small">{r.issuedHint}</p>
    </Modal>
  );
}

type Draft = { status: string; deadline: string; measures: string; completed_on: string; proof: string; owner: string; status_reason: string };

function draftOf(i: RectifyItem): Draft {
  return { status: i.stored_status, deadline: i.deadline, measures: i.measures ?? '', completed_on: i.completed_on ?? '', proof: i.proof ?? '', owner: i.owner ?? '', status_reason: i.status_reason ?? '' };
}

function ItemDetail({ item, unmask, asOf, onSaved }: { item: RectifyItem | null; unmask: boolean; asOf: string; onSaved: () => void }) {
  const app = useApp();
  const i18n = useI18n();
  const r = useRectifyText();
  const [detail, setDetail] = useState<RectifyItemOut | null>(null);
  const [draft, setDraft] = useState<Draft | null>(item ? draftOf(item) : null);
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!item) return;
    let live = true;
    app.client.call('rectify.item', { itemId: item.item_id, ...(/^\d{4}-\d{2}-\d{2}$/.test(asOf) ? { asOf } : {}), ...(unmask ? { unmask } : {}) }).then(
      (d) => {
        if (!live) return;
        setDetail(d);
        setDraft(draftOf(d.item));
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [item, unmask, asOf, app.client]);
  // the run that raised the item: its indicator's unit, so values read as the results screens show them
  const { result: raisedBy } = useResult(item?.evidence.run_id ?? null);
  if (!item || !draft) {
    return (
      <section className="panel rectify-detail" data-testid="rectify-detail-empty">
        <p className="muted pad">{r.pick}</p>
      </section>
    );
  }
  const it = detail?.item ?? item;
  const base = draftOf(it);
  const save = async () => {
    // only what the user changed: a masked name left as shown is not a new name
    const patch: Record<string, string | null> = {};
    for (const k of Object.keys(draft) as Array<keyof Draft>) {
      if (draft[k] !== base[k]) patch[k] = draft[k] === '' && k !== 'status' && k !== 'deadline' ? null : draft[k];
    }
    if (!Object.keys(patch).length) {
      app.notify('info', r.unchanged);
      return;
    }
    setSaving(true);
    try {
      const d = await app.client.call('rectify.update', { itemId: it.item_id, patch: patch as never });
      app.notify('ok', r.saved(d.item.code));
      onSaved();
    } catch (e) {
      app.notify('error', e instanceof ApiError ? i18n.err(e.info) : String(e));
    } finally {
      setSaving(false);
    }
  };
  const ev = it.evidence;
  const unitOf = it.kind === 'indicator' ? (raisedBy?.indicators.find((m) => m.id === it.source_id)?.unit ?? null) : null;
  const shown = (x: number) => (unitOf ? fmtValue(unitOf, x, i18n.lang) : String(Math.round(x * 10000) / 10000));
  const field = (k: keyof Draft, label: string, kind: 'text' | 'date' | 'area' = 'text') => (
    <label className={`rectify-field${kind === 'area' ? ' wide' : ''}`}>
      <span>{label}</span>
      {kind === 'area' ? (
        <textarea rows={2} value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} data-testid={`rectify-edit-${k}`} />
      ) : (
        <input type={kind} value={draft[k]} onChange={(e) => setDraft({ ...draft, [k]: e.target.value })} data-testid={`rectify-edit-${k}`} />
      )}
    </label>
  );
  return (
    <section className="panel rectify-detail" data-testid="rectify-detail">
      <div className="panel-head">
        <h2>
          <span className="mono">{it.code}</span> <span className={`rs-badge ${STATUS_CLASS[it.status]}`}>{r.statuses[it.status]}</span>
        </h2>
      </div>
      <div className="pad-x">
        {/* the unit's name is data (Chinese in either language), the rest the UI's words */}
        <p className="small rectify-meta">
          <span lang="zh-CN">{it.unit_name}</span>
          <span className="muted">
            {' · '}
            {r.kinds[it.kind]} · {i18n.t.e.sevNames[it.severity]} · {it.period}
            {it.status === '逾期' ? ` · ${r.overdueDays(it.days_overdue)}` : ''}
          </span>
        </p>
        <p className="rectify-problem" lang="zh-CN" data-testid="rectify-problem">
          {it.problem}
        </p>
        <h3>{r.requirement}</h3>
        <p className="small" lang="zh-CN">
          {it.requirement}
        </p>
        {i18n.lang === 'en' && <p className="muted small">{r.dataIsZh}</p>}
        <h3>{r.evidence}</h3>
        <table className="list-table evidence" data-testid="rectify-evidence">
          <tbody>
            <tr>
              <th>{r.run}</th>
              <td>
                {r.evidenceRun(ev.run_id)} · {it.source_name}
              </td>
            </tr>
            {ev.value !== undefined && ev.value !== null && (
              <tr>
                <th>{r.value}</th>
                <td>
                  {shown(ev.value)}
                  {ev.numerator !== undefined && ev.denominator !== undefined ? ` (${ev.numerator ?? '—'} / ${ev.denominator ?? '—'})` : ''}
                </td>
              </tr>
            )}
            {ev.target && (
              <tr>
                <th>{r.target}</th>
                <td>
                  {opText(ev.target.op)} {shown(ev.target.value)} · {i18n.t.ux.provenance[ev.target.source] ?? ev.target.source}
                </td>
              </tr>
            )}
            {ev.hits !== undefined && (
              <tr>
                <th>{r.hits}</th>
                <td>{ev.hits}</td>
              </tr>
            )}
            {ev.refs?.length ? (
              <tr>
                <th>{r.refs}</th>
                <td className="mono small">{ev.refs.join('、')}</td>
              </tr>
            ) : null}
            {ev.records?.length && !ev.refs?.length ? (
              <tr>
                <th>{r.records}</th>
                <td className="small">
                  {ev.records
                    .slice(0, 20)
                    .map((x) => Object.values(x).join('/'))
                    .join('、')}
                  {(ev.records_total ?? ev.records.length) > 20 ? ` … (${ev.records_total ?? ev.records.length})` : ''}
                </td>
              </tr>
            ) : null}
          </tbody>
        </table>
        {it.kind !== 'review' && (
          <button className="btn small" onClick={() => app.openLineage({ runId: ev.run_id, entityId: it.unit_id, indicatorId: it.source_id, entityName: it.unit_name })} data-testid="rectify-open-records">
            <Icon name="list" /> {r.openRecords}
          </button>
        )}
        <h3>{r.edit}</h3>
        <div className="rectify-form">
          <label className="rectify-field">
            <span>{r.status}</span>
            <select value={draft.status} onChange={(e) => setDraft({ ...draft, status: e.target.value })} data-testid="rectify-edit-status">
              {(['待整改', '整改中', '已整改', '不予整改'] as const).map((s) => (
                <option key={s} value={s}>
                  {r.statuses[s]}
                </option>
              ))}
            </select>
          </label>
          {field('deadline', r.deadline, 'date')}
          {field('completed_on', r.completedOn, 'date')}
          {field('owner', `${r.owner}${detail?.masked ? `（${r.maskedNote}）` : ''}`)}
          {field('measures', r.measures, 'area')}
          {field('proof', r.proof, 'area')}
          {draft.status === '不予整改' && field('status_reason', r.reasonLabel, 'area')}
        </div>
        <div className="row gap">
          <button className="btn primary" onClick={() => void save()} disabled={saving} data-testid="rectify-save">
            {r.save}
          </button>
        </div>
        <h3>{r.checks}</h3>
        {detail?.checks.length ? (
          <ul className="rectify-checks" data-testid="rectify-checks">
            {detail.checks.map((c, k) => (
              <li key={k}>
                <span className={`rs-badge ${OUTCOME_CLASS[c.outcome]}`}>{r.outcomes[c.outcome]}</span> <span lang="zh-CN">{i18n.lang === 'en' ? c.detail_en : c.detail_zh}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted small">{r.noChecks}</p>
        )}
        <h3>{r.history}</h3>
        <table className="list-table rectify-history" data-testid="rectify-history">
          <thead>
            <tr>
              <th>{r.time}</th>
              <th>{r.change}</th>
              <th>{r.source}</th>
            </tr>
          </thead>
          <tbody>
            {(detail?.history ?? []).map((h) => (
              <tr key={h.event_id}>
                <td className="nowrap small mono">{localTime(h.changed_at)}</td>
                <td className="small">
                  {r.actions[h.action]}：{h.prev_status ? `${r.statuses[h.prev_status]} → ` : ''}
                  {r.statuses[h.status]}
                </td>
                <td className="small">
                  {h.source}
                  {h.actor ? `（${h.actor}）` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

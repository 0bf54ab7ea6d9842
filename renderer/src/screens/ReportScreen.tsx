// 报告: the report module's reports — 县级年度报告, 单位体检报告 (all units, or the ones chosen),
// 问题线索汇总 — from a saved run or a period evaluated now, as DOCX, PDF, HTML or XLSX, masked
// unless unmasking is confirmed. The work runs in the analytics worker as a job (progress in the
// status bar and here, cancel between files); the files are shown in their folder (desktop) or
// downloaded (browser). Below, the reports already written for this workspace.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ReportBatch, ReportFile, ReportFormat, ReportKind } from '../../../electron/contract';
import { ApiError } from '../api/client';
import { bytes, Empty, ErrorBox, Icon, Modal, Progress } from '../components/Common';
import { NeedWorkspace } from '../components/NeedWorkspace';
import { downloadClick, downloadHref, fmtScore, runText, useResult, useRuns } from '../engine';
import { periodText } from '../../../analytics/eval/period';
import { PeriodInput, readPeriod } from '../components/PeriodInput';
import { useI18n } from '../i18n';
import { jobFraction, phaseText } from '../progress';
import { useApp } from '../state';

const KINDS: ReportKind[] = ['county', 'unit', 'review'];
const FORMATS: ReportFormat[] = ['docx', 'pdf', 'html', 'xlsx'];

export function ReportScreen() {
  const app = useApp();
  const { t } = useI18n();
  if (!app.workspace) return <NeedWorkspace screen="report" title={t.r.title} icon="report" />;
  return <Reports />;
}

function Reports() {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const { runs } = useRuns();
  const [kind, setKind] = useState<ReportKind>('county');
  const [format, setFormat] = useState<ReportFormat>('docx');
  const [source, setSource] = useState<'run' | 'period'>('run');
  const [runId, setRunId] = useState<number | null>(null);
  const [period, setPeriod] = useState('');
  const [compare, setCompare] = useState<'prev' | 'none' | 'custom'>('prev');
  const [customCompare, setCustomCompare] = useState('');
  const [allUnits, setAllUnits] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [unmask, setUnmask] = useState(false);
  // 署名 and 成文日期 of the reports: empty means the default issuer and the run's own date
  const [issuer, setIssuer] = useState('');
  const [issueDate, setIssueDate] = useState('');
  const [confirmUnmask, setConfirmUnmask] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [last, setLast] = useState<ReportBatch | null>(null);
  const [history, setHistory] = useState<ReportBatch[] | null>(null);

  // the run: the one chosen here, else the one 评估结果 shows (the latest period's unless chosen there)
  const { result: shown } = useResult(app.runId);
  useEffect(() => {
    if (!runs) return;
    if (!runs.length) {
      setSource('period');
      return;
    }
    if (runId !== null && runs.some((r) => r.run_id === runId)) return;
    if (shown === undefined) return;
    setRunId(shown && runs.some((r) => r.run_id === shown.run_id) ? shown.run_id : runs[0]!.run_id);
  }, [runs, runId, shown]);
  useEffect(() => {
    if (!period) setPeriod(app.workspace?.period?.to.slice(0, 4) ?? '');
  }, [app.workspace, period]);
  // the units to choose from: the run's (any run's when evaluating a period now)
  const { result } = useResult(source === 'run' ? runId : null);
  const units = useMemo(() => (result?.entities ?? []).filter((e) => e.entity_type === 'unit').sort((a, z) => (a.rank ?? 999) - (z.rank ?? 999)), [result]);

  const loadHistory = useCallback(() => {
    app.client.call('report.list', {}).then(setHistory, () => setHistory([]));
  }, [app.client]);
  useEffect(loadHistory, [loadHistory, app.workspace?.path]);

  const busy = app.job?.method === 'report.build';
  const p = readPeriod(period, i18n.lang);
  const c = readPeriod(customCompare, i18n.lang);
  const canBuild = !app.job && (source === 'run' ? runId !== null : !!p.period && (compare !== 'custom' || !customCompare.trim() || !!c.period)) && (kind !== 'unit' || allUnits || chosen.length > 0);

  const build = async () => {
    setError(null);
    setLast(null);
    try {
      const b = await app.runJob(
        'report.build',
        {
          kind,
          format,
          ...(source === 'run' && runId !== null
            ? { runId }
            : { period: p.period!.label, ...(compare === 'none' ? { compare: null } : compare === 'custom' && c.period ? { compare: c.period.label } : {}) }),
          ...(kind === 'unit' && !allUnits ? { units: chosen } : {}),
          ...(unmask ? { unmask: true } : {}),
          ...(issuer.trim() ? { issuer: issuer.trim() } : {}),
          ...(/^\d{4}-\d{2}-\d{2}$/.test(issueDate) ? { date: issueDate } : {}),
        },
        t.r.building,
      );
      setLast(b);
      if (source === 'period') {
        setSource('run');
        setRunId(b.run_id);
      }
      // the files are listed right below the form (no notice over the download buttons)
      loadHistory();
    } catch (e) {
      if (e instanceof ApiError && e.info.code === 'CANCELLED') app.notify('info', i18n.err(e.info));
      else setError(e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', zh: String(e), en: String(e) }));
    }
  };

  const seg = <T extends string>(value: T, options: readonly T[], label: (v: T) => string, set: (v: T) => void, testId: string, note?: (v: T) => string) => (
    <div className="seg" role="radiogroup" data-testid={testId}>
      {options.map((o) => (
        <button key={o} type="button" role="radio" aria-checked={value === o} className={value === o ? 'on' : ''} onClick={() => set(o)} title={note?.(o)} data-testid={`${testId}-${o}`}>
          {label(o)}
        </button>
      ))}
    </div>
  );

  return (
    <div className="screen" data-testid="screen-report">
      <header className="screen-head">
        <h1>{t.r.title}</h1>
      </header>
      <p className="muted small pad-x">{t.r.intro}</p>
      <form
        className="panel report-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (canBuild) void build();
        }}
        data-testid="report-form"
      >
        <div className="rf-row">
          <div className="rf-label">{t.r.kind}</div>
          <div className="rf-kinds" role="radiogroup">
            {KINDS.map((k) => (
              <button key={k} type="button" role="radio" aria-checked={kind === k} className={`rf-kind${kind === k ? ' on' : ''}`} onClick={() => setKind(k)} data-testid={`report-kind-${k}`}>
                <b>{t.r.kinds[k]}</b>
                <span>{t.r.kindNotes[k]}</span>
              </button>
            ))}
          </div>
        </div>

        {kind === 'unit' && (
          <div className="rf-row">
            <div className="rf-label">{t.r.units}</div>
            <div className="rf-field">
              <div className="rf-inline">
                {seg(allUnits ? 'all' : 'some', ['all', 'some'] as const, (v) => (v === 'all' ? t.r.allUnits(units.length) : t.r.someUnits), (v) => setAllUnits(v === 'all'), 'report-units')}
                {!allUnits && (
                  <>
                    <button type="button" className="btn small ghost" onClick={() => setChosen(units.map((u) => u.entity_id))}>
                      {t.r.selectAll}
                    </button>
                    <button type="button" className="btn small ghost" onClick={() => setChosen([])}>
                      {t.r.selectNone}
                    </button>
                    <span className="muted small">{t.r.chosen(chosen.length, units.length)}</span>
                  </>
                )}
              </div>
              {!allUnits && (
                <div className="rf-units" data-testid="report-unit-list">
                  {units.map((u) => (
                    <label key={u.entity_id} className="rf-unit">
                      <input type="checkbox" checked={chosen.includes(u.entity_id)} onChange={(e) => setChosen((c) => (e.target.checked ? [...c, u.entity_id] : c.filter((x) => x !== u.entity_id)))} />
                      <span>{u.short_name}</span>
                      <span className="muted small mono">{fmtScore(u.total)}</span>
                    </label>
                  ))}
                </div>
              )}
            </div>
          </div>
        )}

        <div className="rf-row">
          <div className="rf-label">{t.r.source}</div>
          <div className="rf-field">
            <div className="rf-inline">
              {seg(source, ['run', 'period'] as const, (v) => (v === 'run' ? t.r.sourceRun : t.r.sourcePeriod), setSource, 'report-source')}
              {source === 'run' && runs && runs.length > 0 && (
                <select value={runId ?? ''} onChange={(e) => setRunId(Number(e.target.value))} data-testid="report-run" aria-label={t.r.sourceRun}>
                  {runs.map((r) => (
                    <option key={r.run_id} value={r.run_id}>
                      {runText(r, i18n)}
                    </option>
                  ))}
                </select>
              )}
              {source === 'period' && (
                <>
                  <label className="rf-pair">
                    {t.e.period}
                    <PeriodInput value={period} onChange={setPeriod} testId="report-period" />
                  </label>
                  <label className="rf-pair">
                    {t.e.compare}
                    <select value={compare} onChange={(e) => setCompare(e.target.value as 'prev')}>
                      <option value="prev">{t.e.comparePrev}</option>
                      <option value="none">{t.e.compareNone}</option>
                      <option value="custom">…</option>
                    </select>
                  </label>
                  {compare === 'custom' && <PeriodInput value={customCompare} onChange={setCustomCompare} testId="report-compare" label={t.e.compare} />}
                </>
              )}
            </div>
            {source === 'run' && runs && runs.length === 0 && <div className="muted small">{t.r.noRuns}</div>}
          </div>
        </div>

        <div className="rf-row">
          <div className="rf-label">{t.r.format}</div>
          <div className="rf-field">
            <div className="rf-inline">
              {seg(format, FORMATS, (v) => v.toUpperCase(), setFormat, 'report-format', (v) => t.r.formatNotes[v] ?? v)}
              <span className="muted small">
                {t.r.formatNotes[format]}
                {format === 'pdf' ? ` · ${app.client.desktop ? t.r.pdfNoteDesktop : t.r.pdfNoteBrowser}` : ''}
              </span>
            </div>
          </div>
        </div>

        <div className="rf-row">
          <div className="rf-label">{t.r.issuer}</div>
          <div className="rf-field">
            <div className="rf-inline">
              <input value={issuer} onChange={(e) => setIssuer(e.target.value)} placeholder={t.r.issuerDefault} maxLength={100} size={34} aria-label={t.r.issuer} data-testid="report-issuer" />
              <label className="rf-pair">
                {t.r.issueDate}
                <input type="date" value={issueDate} onChange={(e) => setIssueDate(e.target.value)} title={t.r.issueDateHint} aria-label={t.r.issueDate} data-testid="report-date" />
              </label>
              <span className="muted small">{t.r.issueDateHint}</span>
            </div>
          </div>
        </div>

        <div className="rf-row">
          <div className="rf-label">{t.r.privacy}</div>
          <div className="rf-field">
            <div className="rf-inline">
              {seg(unmask ? 'clear' : 'masked', ['masked', 'clear'] as const, (v) => (v === 'masked' ? t.r.masked : t.r.unmasked), (v) => (v === 'clear' ? setConfirmUnmask(true) : setUnmask(false)), 'report-privacy')}
              {unmask && (
                <span className="warn-text small" data-testid="report-unmasked-warning">
                  <Icon name="alert" size={13} /> {t.r.unmaskedWarn}
                </span>
              )}
            </div>
          </div>
        </div>

        <div className="rf-actions">
          <button className="btn primary" type="submit" disabled={!canBuild} data-testid="report-build">
            <Icon name="report" /> {t.r.build}
          </button>
          {busy && app.job && (
            <div className="rf-progress" data-testid="report-progress">
              <Progress value={app.job.progress ? jobFraction(app.job.progress) : null} label={t.r.building} />
              <span className="muted small">{app.job.progress ? phaseText(app.job.progress, t) : t.r.building}</span>
              <button type="button" className="btn small" onClick={app.cancelJob} disabled={app.job.cancelling} data-testid="report-cancel">
                {app.job.cancelling ? t.imp.cancelling : t.r.cancel}
              </button>
            </div>
          )}
        </div>
      </form>

      {error && <ErrorBox error={error.info} onClose={() => setError(null)} />}
      {last && <BatchFiles batch={last} testId="report-done" />}

      <section className="panel" data-testid="report-history">
        <div className="panel-head">
          <Icon name="list" />
          <b>{t.r.history}</b>
          <span className="muted small">{t.r.historyNote}</span>
        </div>
        {history === null ? (
          <div className="muted pad">{t.common.loading}</div>
        ) : history.length === 0 ? (
          <Empty icon="report" title={t.r.noHistory} />
        ) : (
          <table className="report-history">
            <thead>
              <tr>
                <th>{t.r.when}</th>
                <th>{t.r.kind}</th>
                <th>{t.r.format}</th>
                <th>{t.r.run}</th>
                <th>{t.r.countyTotal}</th>
                <th>{t.r.privacy}</th>
                <th>{t.r.files}</th>
              </tr>
            </thead>
            <tbody>
              {history.map((b) => (
                <tr key={b.id} data-testid="report-history-row">
                  <td className="mono small nowrap">{b.created_at.slice(0, 16)}</td>
                  <td className="nowrap">{t.r.kinds[b.kind]}</td>
                  <td>
                    <span className="badge">{b.format.toUpperCase()}</span>
                  </td>
                  <td className="nowrap">
                    #{b.run_id} · {periodText(b.period, i18n.lang)}
                    {b.compare ? ` / ${periodText(b.compare, i18n.lang)}` : ''}
                  </td>
                  <td className="mono">{fmtScore(b.county_total)}</td>
                  <td>{b.masked ? <span className="muted small">{t.e.masked}</span> : <span className="warn-text small">{t.r.unmasked}</span>}</td>
                  <td className="grow">
                    <FileLinks batch={b} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      {confirmUnmask && (
        <Modal
          title={t.r.unmaskTitle}
          onClose={() => setConfirmUnmask(false)}
          testId="report-unmask-modal"
          actions={
            <>
              <button className="btn" onClick={() => setConfirmUnmask(false)}>
                {t.common.cancel}
              </button>
              <button
                className="btn danger"
                data-testid="report-confirm-unmask"
                onClick={() => {
                  setConfirmUnmask(false);
                  setUnmask(true);
                }}
              >
                {t.common.confirm}
              </button>
            </>
          }
        >
          <p>{t.r.unmaskConfirm}</p>
        </Modal>
      )}
    </div>
  );
}

/** "Show in folder" (desktop) or a download link (browser) for one file. */
function FileAction({ file, compact }: { file: ReportFile; compact?: boolean }) {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const href = downloadHref(file);
  if (app.client.desktop) {
    return (
      <button
        type="button"
        className="btn small"
        data-testid="show-in-folder"
        title={file.path}
        onClick={() => void app.client.call('shell.showItemInFolder', { path: file.path }).catch((e: unknown) => app.notify('error', e instanceof ApiError ? i18n.err(e.info) : String(e)))}
      >
        <Icon name="open" /> {compact ? file.name : t.r.openFolder}
      </button>
    );
  }
  return href ? (
    <a
      className={compact ? 'file-link' : 'btn small'}
      href={href}
      download={file.name}
      data-testid="download-link"
      title={file.name}
      onClick={downloadClick(app.client, file, (e) => app.notify('error', e instanceof ApiError ? i18n.err(e.info) : String(e)))}
    >
      <Icon name="import" size={compact ? 13 : 16} /> {compact ? file.name : t.e.download}
    </a>
  ) : null;
}

function FileLinks({ batch }: { batch: ReportBatch }) {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const shown = open ? batch.files : batch.files.slice(0, 2);
  return (
    <div className="file-links">
      {shown.map((f) => (
        <FileAction key={f.path} file={f} compact />
      ))}
      {batch.files.length > shown.length && (
        <button type="button" className="btn small ghost" onClick={() => setOpen(true)}>
          {t.r.showAll(batch.files.length)}
        </button>
      )}
    </div>
  );
}

/** The files just written: one line each with its title, size and action. */
function BatchFiles({ batch, testId }: { batch: ReportBatch; testId: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  return (
    <section className="panel report-done" data-testid={testId}>
      <div className="panel-head">
        <Icon name="check" />
        <b>{t.r.built(batch.files.length, batch.seconds.toFixed(1))}</b>
        <span className="muted small">
          {t.r.kinds[batch.kind]} · {batch.format.toUpperCase()} · #{batch.run_id} {periodText(batch.period, i18n.lang)}
          {batch.masked ? ` · ${t.e.masked}` : ` · ${t.r.unmasked}`}
        </span>
      </div>
      <ul className="report-files">
        {batch.files.map((f) => (
          <li key={f.path} data-testid="report-file" data-path={f.path} data-bytes={f.bytes}>
            <Icon name="file" />
            <span className="report-file-title" title={f.path}>
              {f.name}
            </span>
            <span className="muted small">{bytes(f.bytes)}</span>
            <FileAction file={f} />
          </li>
        ))}
      </ul>
    </section>
  );
}

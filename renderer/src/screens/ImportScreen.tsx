// 数据导入: drop or choose files; for each, the detected table, the (editable) mapping, a preview
// and what stops it; import with progress and cancel; the import history with undo; rejected rows
// with their reasons.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { tableFromIPC } from 'apache-arrow';
import type { ExportedFile, ImportLogEntry, ImportOutcome, ImportRun, PreviewOut, TableSchema, UnmatchedValue } from '../../../electron/contract';
import { reasonKind } from '../../../analytics/import/reason-kinds';
import { FileReady } from '../components/FileReady';
import { COMMANDS, shortcutText } from '../../../electron/menu-spec';
import { useActions } from '../actions';
import { ApiError } from '../api/client';
import { bytes, Empty, ErrorBox, Icon, Modal, Progress, TableWrap } from '../components/Common';
import { DataGrid, type GridRow } from '../components/DataGrid';
import { NeedWorkspace } from '../components/NeedWorkspace';
import { useI18n } from '../i18n';
import { jobFraction, phaseText } from '../progress';
import { useApp, type Mapping, type Staged } from '../state';

export function ImportScreen() {
  const app = useApp();
  const { t } = useI18n();
  const actions = useActions();
  const mac = /mac/i.test(app.client.transport.platform);
  const keys = shortcutText(COMMANDS['import.files'], app.client.desktop, mac);

  if (!app.workspace) return <NeedWorkspace screen="import" title={t.imp.title} icon="db" text={t.imp.needWorkspace} />;
  return (
    <div className="screen" data-testid="screen-import">
      <header className="screen-head row">
        <h1>{t.imp.title}</h1>
        <div className="spacer" />
        <button className="btn" onClick={() => void actions.importFiles()} data-testid="choose-files">
          <Icon name="file" /> {t.imp.choose}
          {keys && <kbd>{keys}</kbd>}
        </button>
      </header>
      <StagedFiles />
      <UnmatchedPanel />
      <History />
    </div>
  );
}

// ---------------------------------------------------------------------------------------------

// The catalogue of tables does not change while the app runs: fetched once per client and shared,
// so a panel that mounts later (a run's results) names its tables in words at once — it showed the
// raw id (penalty_case) until its own fetch answered.
const schemaFetch = new WeakMap<object, Promise<TableSchema[]>>();
const schemaKnown = new WeakMap<object, TableSchema[]>();

function useSchema(): TableSchema[] {
  const app = useApp();
  const client = app.client;
  const [schema, setSchema] = useState<TableSchema[]>(() => schemaKnown.get(client) ?? []);
  useEffect(() => {
    let live = true;
    let p = schemaFetch.get(client);
    if (!p) {
      p = client.call('schema.tables', {}).then((v) => {
        schemaKnown.set(client, v);
        return v;
      });
      schemaFetch.set(client, p);
      p.catch(() => schemaFetch.delete(client)); // a failed fetch is tried again by the next panel
    }
    p.then((v) => live && setSchema(v), () => undefined);
    return () => {
      live = false;
    };
  }, [client]);
  return schema;
}

/** Tables and fields in the user's words; '…' while the catalogue is on its way, never the id. */
function useNames(): { table: (n: string | null) => string; field: (table: string | null, field: string | null) => string } {
  const schema = useSchema();
  const i18n = useI18n();
  return {
    table: (n) => {
      const s = schema.find((x) => x.name === n);
      return s ? i18n.pick(s) : schema.length ? (n ?? '—') : '…';
    },
    field: (table, field) => {
      const f = schema.find((x) => x.name === table)?.fields.find((x) => x.name === field);
      return f ? i18n.pick(f) : schema.length ? (field ?? '—') : '…';
    },
  };
}

function StagedFiles() {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const actions = useActions();
  const schema = useSchema();
  const [selected, setSelected] = useState<string | null>(null);
  const [lastRun, setLastRun] = useState<ImportRun | null>(null);
  const [runError, setRunError] = useState<ApiError | null>(null);
  const staged = app.staged;
  const current = staged.find((s) => s.key === selected) ?? staged[0] ?? null;
  const ready = staged.filter((s) => s.status === 'ready');
  const busy = staged.some((s) => s.status === 'uploading' || s.status === 'previewing');
  const job = app.job?.method === 'import.run' ? app.job : null;

  const run = async () => {
    setRunError(null);
    setLastRun(null);
    const files = ready.map((s) => ({ path: s.path!, ...(s.mapping ? { mapping: s.mapping } : {}) }));
    try {
      const r = await app.runJob('import.run', { files }, t.imp.importing);
      setLastRun(r);
      // Imported (or identical to an earlier import): off the list; failures stay to be looked at.
      const done = new Set(r.results.filter((x) => !('error' in x)).map((x) => x.path));
      app.clearStaged(ready.filter((s) => done.has(s.path!)).map((s) => s.key));
    } catch (e) {
      setRunError(e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', zh: String(e), en: String(e) }));
    }
  };

  return (
    <>
      <DropZone compact={staged.length > 0} onChoose={() => void actions.importFiles()} />
      {staged.length > 0 && (
        <section className="panel staged" data-testid="staged">
          <div className="staged-list" role="listbox" aria-label={t.imp.staged}>
            <div className="staged-title">{t.imp.staged}</div>
            {staged.map((s) => (
              <button key={s.key} role="option" aria-selected={current?.key === s.key} className={`staged-item${current?.key === s.key ? ' active' : ''}`} onClick={() => setSelected(s.key)} data-testid="staged-item">
                <Icon name="file" />
                <span className="staged-name" title={s.name}>
                  {s.name}
                </span>
                <StatusBadge s={s} />
              </button>
            ))}
          </div>
          <div className="staged-detail">{current && <FileDetail s={current} schema={schema} />}</div>
        </section>
      )}
      {(staged.length > 0 || job) && (
        <div className="action-bar" data-testid="import-actions">
          {job ? (
            <>
              <div className="job-text" data-testid="import-progress-text">
                {job.progress ? phaseText(job.progress, t) : t.imp.importing}
              </div>
              <Progress value={job.progress ? jobFraction(job.progress) : null} testId="import-progress" />
              <button className="btn danger" onClick={app.cancelJob} disabled={job.cancelling} data-testid="cancel-import">
                {job.cancelling ? t.imp.cancelling : t.imp.cancelImport}
                {!app.client.desktop && <kbd>Esc</kbd>}
              </button>
            </>
          ) : (
            <>
              <div className="job-text muted">
                {ready.length}/{staged.length} · {t.imp.ready}
              </div>
              <div className="spacer" />
              <button className="btn ghost" onClick={() => app.clearStaged(staged.map((s) => s.key))}>
                {t.imp.clearList}
              </button>
              <button className="btn primary" disabled={!ready.length || busy || !!app.job} onClick={() => void run()} data-testid="run-import">
                <Icon name="import" /> {t.imp.importN(ready.length)}
              </button>
            </>
          )}
        </div>
      )}
      {runError && <ErrorBox error={runError.info} onClose={() => setRunError(null)} />}
      {lastRun && <RunResults run={lastRun} onClose={() => setLastRun(null)} />}
    </>
  );
}

function StatusBadge({ s }: { s: Staged }) {
  const { t } = useI18n();
  const map: Record<Staged['status'], [string, string]> = {
    uploading: [`${t.imp.uploading} ${s.upload !== null ? Math.round(s.upload * 100) + '%' : ''}`, 'busy'],
    previewing: [t.imp.previewing, 'busy'],
    ready: [t.imp.ready, 'ok'],
    problem: [t.imp.problem, 'warn'],
    duplicate: [t.imp.duplicate, 'dim'],
    error: [t.errors.title, 'bad'],
  };
  const bad = s.status === 'ready' ? (s.preview?.validation?.rejected ?? 0) : 0;
  const [text, cls] = bad ? [t.imp.readyBad(String(bad)), 'warn'] : map[s.status];
  return <span className={`badge ${cls}`}>{text}</span>;
}

function DropZone({ compact, onChoose }: { compact: boolean; onChoose: () => void }) {
  const { t } = useI18n();
  return (
    <div className={`dropzone${compact ? ' compact' : ''}`} data-testid="dropzone" onClick={onChoose} role="button" tabIndex={0} onKeyDown={(e) => (e.key === 'Enter' || e.key === ' ') && onChoose()}>
      <Icon name="import" size={compact ? 18 : 28} />
      <div>
        <div className="dz-title">{t.imp.drop}</div>
        <div className="dz-sub">{t.imp.dropSub}</div>
      </div>
    </div>
  );
}

/** The mapping with one more change, on top of the user's earlier changes (their preview may
 *  still be on its way) or else the mapping the preview shows. */
function editedMapping(s: Staged, p: PreviewOut, table: string, changes: Record<string, string | null>, values?: { field: string; raw: string; to: string | null }): Mapping {
  const columns: Mapping['columns'] = {};
  let vals: NonNullable<Mapping['values']> = {};
  if (s.mapping && s.mapping.table === table) {
    Object.assign(columns, s.mapping.columns);
    vals = structuredClone(s.mapping.values ?? {});
  } else if (p.mapping && p.mapping.table === table) {
    for (const c of p.mapping.columns) columns[c.header] = c.scale || c.fallback ? { field: c.field, ...(c.scale ? { scale: c.scale } : {}), ...(c.fallback ? { fallback: true } : {}) } : c.field;
    vals = structuredClone(p.mapping.values ?? {});
  }
  for (const [h, f] of Object.entries(changes)) {
    const prev = columns[h];
    columns[h] = prev && typeof prev === 'object' && prev.scale && f ? { field: f, scale: prev.scale } : f;
  }
  if (values) vals[values.field] = { ...(vals[values.field] ?? {}), [values.raw]: values.to };
  return Object.keys(vals).length ? { table: table as Mapping['table'], columns, values: vals } : { table: table as Mapping['table'], columns };
}

/** 确定 / 待确认 / 未识别, with the reason on hover. */
function Certainty({ c, why }: { c: 'sure' | 'likely' | 'none' | undefined; why?: string | undefined }) {
  const { t } = useI18n();
  const level = c ?? 'none';
  return (
    <span className={`badge ${level === 'sure' ? 'ok' : level === 'likely' ? 'warn' : 'dim'}`} title={why ? `${t.recog.whyTitle}：${why}` : undefined} data-testid="certainty" data-level={level}>
      {t.recog[level]}
    </span>
  );
}

/** A problem with the file, in words; its code only under 详情. */
function ProblemBox({ problem, tableName }: { problem: NonNullable<PreviewOut['problem']>; tableName: string | null }) {
  const i18n = useI18n();
  const { t } = i18n;
  const main = problem.code === 'MAPPING_MISSING_REQUIRED' && tableName ? t.recog.problemMissing(tableName) : i18n.err(problem);
  return (
    <div className="note bad" role="alert" data-testid="problem">
      <Icon name="alert" /> <span data-testid="problem-text">{main}</span>
      <details className="problem-details">
        <summary>{t.recog.details}</summary>
        <div className="small muted">{i18n.err(problem)}</div>
        <div className="small mono muted">{problem.code}</div>
      </details>
    </div>
  );
}

function FileDetail({ s, schema }: { s: Staged; schema: TableSchema[] }) {
  const app = useApp();
  const i18n = useI18n();
  const { t, pick } = i18n;
  const p = s.preview;
  const table = p?.mapping ? schema.find((x) => x.name === p.mapping!.table) : undefined;
  const sample = useMemo(() => (p?.sample ? tableFromIPC(p.sample) : null), [p?.sample]);
  // A field picked for a column moves there from the column that had it, said so (it was taken
  // from one of the two without a word when the mapping was applied)
  const assign = (header: string, field: string | null) => {
    if (!p?.mapping) return;
    // (the mapping as edited so far: the preview of the last edit may not have come back yet)
    const now = editedMapping(s, p, p.mapping.table, {}).columns;
    const fieldOf = (v: (typeof now)[string] | undefined) => (v && typeof v === 'object' ? (v.fallback ? null : v.field) : v);
    const other = field ? Object.keys(now).find((h) => h !== header && fieldOf(now[h]) === field) : undefined;
    app.setMapping(s.key, editedMapping(s, p, p.mapping.table, { [header]: field, ...(other !== undefined ? { [other]: null } : {}) }));
    const f = field ? table?.fields.find((x) => x.name === field) : undefined;
    if (other !== undefined) app.notify('info', t.recog.fieldMoved(f ? pick(f) : field!, other, header));
  };

  return (
    <div className="file-detail" data-testid="file-detail">
      <div className="fd-head">
        <h2 title={s.path ?? s.name}>{s.name}</h2>
        <button className="btn ghost small" onClick={() => app.removeStaged(s.key)}>
          {t.imp.remove}
        </button>
      </div>
      {(s.status === 'uploading' || s.status === 'previewing') && <Progress value={s.status === 'uploading' ? s.upload : null} label={t.imp.previewing} />}
      {s.error && <ErrorBox error={s.error} />}
      {p && (
        <>
          <div className="fd-meta">
            <span>
              {t.imp.format}: <b>{p.format ? (t.imp.formatNames[p.format] ?? p.format) : '—'}</b>
            </span>
            {p.encoding && (
              <span>
                {t.imp.encoding}: <b>{p.encoding}</b>
              </span>
            )}
            <span>
              {t.imp.size}: <b>{bytes(p.size)}</b>
            </span>
            <label className="fd-table">
              {!p.mapping ? t.imp.chooseTable : p.mapping.origin === 'mapping-file' ? t.imp.targetTable : t.imp.detectedTable}:
              <select
                value={p.mapping?.table ?? ''}
                onChange={(e) => app.setMapping(s.key, { table: e.target.value as Mapping['table'], columns: {} })}
                data-testid="table-select"
                disabled={!p.headers.length}
              >
                {!p.mapping && <option value="">—</option>}
                {schema.map((x) => (
                  <option key={x.name} value={x.name}>
                    {pick(x)}
                  </option>
                ))}
              </select>
              {p.mapping?.tableConfidence === 'likely' && (
                <span className="warn-text small" data-testid="table-guess">
                  {t.recog.tableGuess}
                </span>
              )}
            </label>
            {p.mapping && <span className="muted">{t.imp.origin[p.mapping.origin] ?? p.mapping.origin}</span>}
          </div>
          {p.duplicateOf !== null && (
            <div className="note info">
              <Icon name="info" /> {t.imp.duplicateOf(p.duplicateOf)}
            </div>
          )}
          {p.problem && <ProblemBox problem={p.problem} tableName={table ? pick(table) : null} />}
          {p.warnings.length > 0 && (
            <ul className="note warn-list">
              {p.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          {p.validation && <Precheck v={p.validation} table={p.mapping?.table ?? null} />}
          {p.mapping && table && (
            <div className="mapping">
              <div className="row">
                <h3>{t.imp.mapping}</h3>
                <div className="spacer" />
                {p.mapping.columns.some((c) => c.confidence === 'likely') && (
                  <button
                    className="btn small"
                    title={t.recog.confirmAllHint}
                    onClick={() => app.setMapping(s.key, editedMapping(s, p, p.mapping!.table, {}))}
                    data-testid="confirm-all"
                  >
                    <Icon name="check" /> {t.recog.confirmAll}
                  </button>
                )}
              </div>
              {p.missingRequired.length > 0 && (
                <div className="note bad" data-testid="missing-required">
                  <div>
                    <b>{t.recog.missingTitle}</b>
                  </div>
                  <ul className="missing-list">
                    {p.missingRequired.map((f) => {
                      const cands = p.missing.find((m) => m.field === f.field)?.candidates ?? [];
                      return (
                        <li key={f.field} data-testid="missing-field">
                          <b>{pick(f)}</b>
                          {cands.length === 0 ? (
                            <span className="muted"> · {t.recog.missingNone}</span>
                          ) : (
                            cands.map((c) => (
                              <button
                                key={c.index}
                                className="link"
                                onClick={() => assign(c.header, f.field)}
                                data-testid="use-candidate"
                              >
                                {t.recog.useColumn(c.header)}
                              </button>
                            ))
                          )}
                        </li>
                      );
                    })}
                  </ul>
                </div>
              )}
              <table className="mapping-table" data-testid="mapping-table">
                <thead>
                  <tr>
                    <th>{t.imp.header}</th>
                    <th>{t.imp.field}</th>
                    <th>{t.recog.whyTitle}</th>
                    <th>{t.imp.preview}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.mapping.columns.map((c) => {
                    const values = sample
                      ? [0, 1, 2]
                          .filter((r) => r < sample.numRows)
                          .map((r) => sample.getChildAt(c.index)?.get(r) as string | null)
                          .filter((v): v is string => v !== null && v !== undefined && v !== '')
                      : [];
                    const why = i18n.lang === 'en' ? (c.why_en ?? c.why) : c.why;
                    return (
                      <tr key={c.index} className={c.field ? (c.confidence === 'likely' ? 'likely' : '') : 'unmapped'} data-testid="mapping-row" data-header={c.header}>
                        <td className="mono">{c.header}</td>
                        <td>
                          <select
                            value={c.field ?? ''}
                            onChange={(e) => assign(c.header, e.target.value || null)}
                            aria-label={`${t.imp.field}: ${c.header}`}
                          >
                            <option value="">{t.recog.keepExtras}</option>
                            {table.fields.map((f) => (
                              <option key={f.name} value={f.name}>
                                {pick(f)}
                                {f.required ? `（${t.imp.required}）` : ''}
                              </option>
                            ))}
                          </select>
                          {c.scale ? <span className="muted"> ×{c.scale}</span> : null}
                          {c.fallback && c.field ? (
                            <span className="muted small" data-testid="fallback-mark">
                              {/^(list|reflist)$/.test(table.fields.find((f) => f.name === c.field)?.kind ?? '') ? t.imp.listPartMark : t.imp.fallbackMark}
                            </span>
                          ) : null} <Certainty c={c.field ? c.confidence : 'none'} why={why} />
                        </td>
                        <td className="small muted why">{why}</td>
                        <td className="sample-values" title={values.join(' | ')}>
                          {values.join(' | ')}
                        </td>
                      </tr>
                    );
                  })}
                  {(p.mapping.constants ?? []).map((c) => {
                    const f = table.fields.find((x) => x.name === c.field);
                    const why = i18n.lang === 'en' ? c.why_en : c.why;
                    return (
                      <tr key={`const.${c.field}`} className="likely" data-testid="mapping-constant">
                        <td className="mono">{t.recog.fromFileName}</td>
                        <td>
                          {f ? pick(f) : c.field} = <b>{c.value}</b> <Certainty c={c.confidence} why={why} />
                        </td>
                        <td className="small muted why">{why}</td>
                        <td className="sample-values">{c.value}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          )}
          {p.mapping && p.values.length > 0 && (
            <ValueMapping
              columns={p.values}
              onChange={(field, raw, to) => app.setMapping(s.key, editedMapping(s, p, p.mapping!.table, {}, { field, raw, to }))}
            />
          )}
          {sample && sample.numRows > 0 && (
            <div className="preview">
              <h3>
                {t.imp.preview} <span className="muted">{t.imp.previewNote(sample.numRows)}</span>
              </h3>
              <div className="preview-scroll">
                <table className="preview-table" data-testid="preview-table">
                  <thead>
                    <tr>
                      {p.headers.map((h, i) => (
                        <th key={i}>{h}</th>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {Array.from({ length: Math.min(sample.numRows, 20) }, (_, r) => (
                      <tr key={r}>
                        {p.headers.map((_, c) => {
                          const v = sample.getChildAt(c)?.get(r) as string | null;
                          return (
                            <td key={c} title={v ?? ''}>
                              {v ?? ''}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </div>
          )}
        </>
      )}
    </div>
  );
}

/** Each enum column's spellings and the value each gets, editable. */
function ValueMapping({ columns, onChange }: { columns: PreviewOut['values']; onChange: (field: string, raw: string, to: string | null) => void }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  return (
    <div className="mapping values-mapping" data-testid="value-mapping">
      <h3>{t.recog.valuesTitle}</h3>
      <p className="muted small">{t.recog.valuesNote}</p>
      {columns.map((col) => (
        <div key={col.field} className="value-column" data-testid="value-column" data-field={col.field}>
          <h4>
            {i18n.pick(col)} <span className="muted mono small">{col.column}</span>
          </h4>
          <table className="mapping-table">
            <thead>
              <tr>
                <th>{t.recog.value}</th>
                <th className="num">{t.recog.rows}</th>
                <th>{t.recog.mapsTo}</th>
              </tr>
            </thead>
            <tbody>
              {col.entries.map((e) => (
                <tr key={e.value} className={e.confidence === 'none' ? 'unmapped' : e.confidence === 'likely' ? 'likely' : ''} data-testid="value-row" data-value={e.value}>
                  <td className="mono">{e.value}</td>
                  <td className="num">{num(e.rows)}</td>
                  <td>
                    <select
                      value={e.confidence === 'none' ? '' : (e.to ?? '')}
                      onChange={(ev) => onChange(col.field, e.value, ev.target.value || null)}
                      aria-label={`${t.recog.mapsTo}: ${e.value}`}
                    >
                      <option value="">{t.recog.leaveUnmatched(col.fallback)}</option>
                      {col.options.map((o) => (
                        <option key={o} value={o}>
                          {o}
                        </option>
                      ))}
                    </select>{' '}
                    <Certainty c={e.confidence} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {col.more && <div className="muted small">{t.recog.moreValues}</div>}
        </div>
      ))}
    </div>
  );
}

/** The enum texts already loaded that matched nothing: mapped here onto the loaded rows. */
function UnmatchedPanel() {
  const app = useApp();
  const i18n = useI18n();
  const { t, num } = i18n;
  const tableName = useNames().table;
  const [list, setList] = useState<UnmatchedValue[]>([]);
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const reload = useCallback(() => {
    app.client.call('import.unmatched', {}).then(setList, () => setList([]));
  }, [app.client]);
  useEffect(reload, [reload, app.dataVersion, app.workspace?.path]);
  if (!list.length) return null;
  const key = (u: UnmatchedValue) => `${u.table}.${u.field}.${u.value}`;
  const groups = new Map<string, UnmatchedValue[]>();
  for (const u of list) groups.set(`${u.table}.${u.field}`, [...(groups.get(`${u.table}.${u.field}`) ?? []), u]);
  const apply = async () => {
    setBusy(true);
    try {
      let rows = 0;
      for (const us of groups.values()) {
        const values = Object.fromEntries(us.filter((u) => choice[key(u)]).map((u) => [u.value, choice[key(u)]!]));
        if (!Object.keys(values).length) continue;
        const r = await app.client.call('import.mapValues', { table: us[0]!.table as Mapping['table'], field: us[0]!.field, values });
        rows += r.rows;
      }
      app.notify('ok', t.recog.applied(num(rows)));
      setChoice({});
      reload();
    } catch (e) {
      if (e instanceof ApiError) app.notify('error', i18n.err(e.info));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel unmatched-values" data-testid="unmatched-panel">
      <div className="panel-head">
        <h2>{t.recog.unmatchedTitle}</h2>
      </div>
      <p className="muted small">{t.recog.unmatchedNote}</p>
      <table className="mapping-table">
        <thead>
          <tr>
            <th>{t.recog.table}</th>
            <th>{t.recog.field}</th>
            <th>{t.recog.value}</th>
            <th className="num">{t.recog.rows}</th>
            <th>{t.recog.mapsTo}</th>
          </tr>
        </thead>
        <tbody>
          {list.map((u) => (
            <tr key={key(u)} data-testid="unmatched-row" data-value={u.value}>
              <td>{tableName(u.table)}</td>
              <td>{i18n.pick(u)}</td>
              <td className="mono">{u.value}</td>
              <td className="num">{num(u.rows)}</td>
              <td>
                <select value={choice[key(u)] ?? ''} onChange={(e) => setChoice({ ...choice, [key(u)]: e.target.value })} aria-label={`${t.recog.mapsTo}: ${u.value}`}>
                  <option value="">{t.recog.leaveUnmatched(u.fallback)}</option>
                  {u.options.map((o) => (
                    <option key={o} value={o}>
                      {o}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="row">
        <div className="spacer" />
        <button className="btn primary" disabled={busy || !Object.values(choice).some(Boolean)} onClick={() => void apply()} data-testid="apply-values">
          {t.recog.apply}
        </button>
      </div>
    </section>
  );
}

/** Optional values that cannot be read: their rows load with the field empty (soft-values.ts). */
function Emptied({ v, table }: { v: NonNullable<PreviewOut['validation']>; table: string | null }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const names = useNames();
  if (!v.emptiedRows) return null;
  const fieldName = (field: string) => names.field(table, field);
  return (
    <div className="note warn precheck" data-testid="precheck-emptied">
      <Icon name="alert" />
      <div>
        <div>{t.recog.precheckEmptied(num(v.emptiedRows))}</div>
        <ul>
          {v.emptied.slice(0, 20).map((x) => (
            <li key={`${x.field}.${x.code}.${x.value}`}>
              <b>×{num(x.rows)}</b> {i18n.lang === 'en' ? x.en : x.zh}
            </li>
          ))}
          {v.emptied.length > 20 && <li className="muted">{t.recog.moreInvalid(num(v.emptied.length - 20), num(v.emptied.slice(20).reduce((a, x) => a + x.rows, 0)))}</li>}
          {v.emptiedOmitted.map((o) => (
            <li key={`more.${o.field}`} className="muted">
              {fieldName(o.field)}：{t.recog.moreInvalid(num(o.values), num(o.rows))}
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}

function Precheck({ v, table }: { v: NonNullable<PreviewOut['validation']>; table: string | null }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  if (!v.rejected) {
    return (
      <>
        <div className="note ok" data-testid="precheck">
          <Icon name="check" /> {t.imp.precheckOk(num(v.rows))} <span className="muted">{t.imp.precheckNote}</span>
        </div>
        <Emptied v={v} table={table} />
      </>
    );
  }
  return (
    <>
      <div className="note warn precheck" data-testid="precheck">
        <Icon name="alert" />
        <div>
          <div>{t.imp.precheckBad(num(v.rows), num(v.rejected), num(v.rows - v.rejected))}</div>
          <div className="muted small">{t.ux.rejectedKinds(v.reasons.length)}</div>
          <ul data-testid="precheck-kinds">
            {v.reasons.map((r) => (
              <li key={r.code} title={r.code}>
                <b>×{num(r.rows)}</b> {i18n.pick(reasonKind(table ?? '', r.code))}
                <span className="muted"> · {t.imp.example}：{i18n.pick(r)}</span>
              </li>
            ))}
          </ul>
          <div className="muted small">{t.imp.precheckNote}</div>
        </div>
      </div>
      <Emptied v={v} table={table} />
    </>
  );
}

function RunResults({ run, onClose }: { run: ImportRun; onClose: () => void }) {
  const i18n = useI18n();
  const { t, num } = i18n;
  const names = useNames();
  const tableName = names.table;
  const fieldName = names.field;
  const [showRejected, setShowRejected] = useState<{ id: number; file: string } | null>(null);
  return (
    <section className="panel results" data-testid="import-results">
      <div className="panel-head">
        <h2>{t.imp.results}</h2>
        <span className="muted">{t.imp.resultLine(num(run.totals.rows_read), num(run.totals.rows_loaded), num(run.totals.rows_rejected))}</span>
        <div className="spacer" />
        <button className="btn ghost small" onClick={onClose}>
          ×
        </button>
      </div>
      {run.cancelled && (
        <div className="note warn" data-testid="import-cancelled">
          {t.imp.cancelledNote}
        </div>
      )}
      <ul className="result-list">
        {run.results.map((r: ImportOutcome, i) => (
          <li key={i} className={'error' in r ? 'bad' : r.rows_rejected ? 'warn' : 'ok'} data-testid="import-result">
            <Icon name={'error' in r ? 'x' : 'check'} />
            <span className="result-file">
              {r.file}
              {r.sheet ? `［${r.sheet}］` : ''}
            </span>
            {'error' in r ? (
              <span className="result-err">{i18n.err(r.error)}</span>
            ) : r.skipped_duplicate ? (
              <span className="muted">{t.imp.skipped(r.duplicate_of ?? 0)}</span>
            ) : (
              <>
                <span className="muted">→ {t.ux.tableBatch(tableName(r.table ?? ''), r.import_id ?? 0)}</span>
                <span>{t.imp.resultLine(num(r.rows_read), num(r.rows_loaded), num(r.rows_rejected))}</span>
                {/* beside the counts, before the lists that may unfold below */}
                {r.rows_rejected > 0 && (
                  <button className="link" onClick={() => setShowRejected({ id: r.import_id!, file: r.file })} data-testid="result-show-rejected">
                    {t.imp.showRejected}
                  </button>
                )}
                {(r.likely?.length ?? 0) > 0 && (
                  <details className="result-likely" data-testid="result-likely">
                    <summary className="warn-text">{t.recog.likelyN(r.likely!.length)}</summary>
                    <ul>
                      {r.likely!.map((d) => (
                        <li key={d.column}>
                          <span className="mono">{d.column}</span> → {fieldName(r.table, d.field)} <span className="muted small">（{i18n.lang === 'en' ? (d.why_en ?? d.why) : d.why}）</span>
                        </li>
                      ))}
                      {(r.values_likely ?? []).map((v) => (
                        <li key={`${v.field}.${v.value}`}>
                          {fieldName(r.table, v.field)}：<span className="mono">{v.value}</span> → {v.to} ×{num(v.rows)}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                {(r.values_unmatched?.length ?? 0) > 0 && (
                  <details className="result-unmatched" data-testid="result-unmatched">
                    <summary className="warn-text">{t.recog.unmatchedN(r.values_unmatched!.length)}</summary>
                    <ul>
                      {r.values_unmatched!.map((v) => (
                        <li key={`${v.field}.${v.value}`}>
                          {fieldName(r.table, v.field)}：<span className="mono">{v.value}</span> ×{num(v.rows)} → {t.recog.leaveUnmatched(v.to)}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                {(r.unresolved?.length ?? 0) > 0 && (
                  <details className="result-unmatched" data-testid="result-unresolved">
                    <summary className="warn-text">{t.recog.unresolvedN(r.unresolved!.length)}</summary>
                    <ul>
                      {r.unresolved!.map((u) => (
                        <li key={u.field}>
                          {i18n.lang === 'en'
                            ? t.recog.unresolvedOf(u.en, u.rows, u.list_en, u.no_list, u.samples.map((x) => `"${x.value}"`).join(', '))
                            : t.recog.unresolvedOf(u.zh, u.rows, u.list_zh, u.no_list, u.samples.map((x) => `「${x.value}」`).join('、'))}
                        </li>
                      ))}
                    </ul>
                  </details>
                )}
                {/* a placeholder for "empty" (/, 无, NULL) and a masked id number are told apart from a value that could not be read */}
                {(['invalid', 'masked', 'placeholder'] as const).map((kind) => {
                  const kindOf = (code: string) => (code.endsWith('.placeholder') ? 'placeholder' : code.endsWith('.masked') ? 'masked' : 'invalid');
                  const vs = (r.values_invalid ?? []).filter((v) => kindOf(v.code) === kind);
                  if (!vs.length) return null;
                  // a masked line stands for all of a field's masked numbers
                  const n = vs.reduce((a, v) => a + (v.values ?? 1), 0);
                  return (
                    <details key={kind} className="result-unmatched" data-testid={`result-${kind}`}>
                      <summary className={kind === 'placeholder' ? undefined : 'warn-text'}>{kind === 'invalid' ? t.recog.invalidN(n) : kind === 'masked' ? t.recog.maskedN(n) : t.recog.placeholderN(n)}</summary>
                      <ul>
                        {vs.map((v) => (
                          <li key={`${v.field}.${v.code}.${v.value}`}>
                            {i18n.lang === 'en' ? v.en : v.zh} ×{num(v.rows)}
                          </li>
                        ))}
                      </ul>
                    </details>
                  );
                })}
              </>
            )}
          </li>
        ))}
      </ul>
      {showRejected && (
        <Modal title={t.imp.rejectedOf(showRejected.id, showRejected.file)} onClose={() => setShowRejected(null)} wide testId="rejected-modal">
          <RejectedRows importId={showRejected.id} />
        </Modal>
      )}
    </section>
  );
}

// ---------------------------------------------------------------------------------------------

function History() {
  const app = useApp();
  const i18n = useI18n();
  const { t, num } = i18n;
  const tableName = useNames().table;
  const [tab, setTab] = useState<'history' | 'rejected'>('history');
  const [log, setLog] = useState<ImportLogEntry[] | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [rejectedOf, setRejectedOf] = useState<ImportLogEntry | null>(null);
  const [confirm, setConfirm] = useState<ImportLogEntry | null>(null);

  const reload = useCallback(() => {
    app.client.call('import.list', {}).then(
      (l) => {
        setLog(l);
        setError(null);
      },
      (e: unknown) => setError(e instanceof ApiError ? e : null),
    );
  }, [app.client]);
  useEffect(reload, [reload, app.dataVersion, app.workspace?.path]);

  const undo = async (entry: ImportLogEntry) => {
    setConfirm(null);
    try {
      const r = await app.client.call('import.undo', { importId: entry.import_id });
      app.notify('ok', t.imp.undoDone(r.import_id, num(r.rows_removed)));
      if (rejectedOf?.import_id === entry.import_id) setRejectedOf(null);
      reload();
    } catch (e) {
      if (e instanceof ApiError) app.notify('error', i18n.err(e.info));
    }
  };
  return (
    <section className="panel history">
      <div className="tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'history'} className={tab === 'history' ? 'active' : ''} onClick={() => setTab('history')} data-testid="tab-history">
          {t.imp.history}
          {log && <span className="count">{log.length}</span>}
        </button>
        <button role="tab" aria-selected={tab === 'rejected'} className={tab === 'rejected' ? 'active' : ''} onClick={() => setTab('rejected')} data-testid="tab-rejected">
          {rejectedOf ? t.imp.rejectedOf(rejectedOf.import_id, rejectedOf.file_name) : t.imp.rejectedAll}
        </button>
      </div>
      {error && <ErrorBox error={error.info} onRetry={reload} />}
      {tab === 'history' &&
        (log && log.length === 0 ? (
          <Empty icon="inbox" title={t.imp.historyEmpty} testId="history-empty" />
        ) : (
          <TableWrap label={t.imp.history}>
            <table className="list-table" data-testid="history-table">
              <thead>
                <tr>
                  <th className="num">{t.imp.col.id}</th>
                  <th>{t.imp.col.file}</th>
                  <th>{t.imp.col.table}</th>
                  <th className="num">{t.imp.col.read}</th>
                  <th className="num">{t.imp.col.loaded}</th>
                  <th className="num">{t.imp.col.rejected}</th>
                  <th>{t.imp.col.status}</th>
                  <th>{t.imp.col.time}</th>
                  <th>{t.imp.col.actions}</th>
                </tr>
              </thead>
              <tbody>
                {(log ?? []).map((e) => (
                  <tr key={e.import_id} className={e.status === 'done' ? '' : 'undone'} data-testid="history-row" data-import-id={e.import_id}>
                    <td className="num">#{e.import_id}</td>
                    <td className="file-cell" title={e.file_name}>
                      {e.file_name}
                      {e.sheet ? `［${e.sheet}］` : ''}
                    </td>
                    <td>{tableName(e.table_name)}</td>
                    <td className="num">{num(e.rows_read)}</td>
                    <td className="num">{num(e.rows_loaded)}</td>
                    <td className={`num${e.rows_rejected ? ' warn-text' : ''}`}>{num(e.rows_rejected)}</td>
                    <td>
                      <span className={`badge ${e.status === 'done' ? 'ok' : 'dim'}`}>{e.status === 'done' ? t.imp.done : t.imp.undone}</span>
                    </td>
                    <td className="mono small">{e.started_at}</td>
                    <td className="actions">
                      {e.rows_rejected > 0 && e.status === 'done' && (
                        <button
                          className="link"
                          onClick={() => {
                            setRejectedOf(e);
                            setTab('rejected');
                          }}
                          data-testid="history-show-rejected"
                        >
                          {t.imp.showRejected}
                        </button>
                      )}
                      {e.status === 'done' && (
                        <button className="link" onClick={() => setConfirm(e)} data-testid="history-undo">
                          <Icon name="undo" size={13} /> {t.imp.undo}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        ))}
      {tab === 'rejected' && (
        <div className="rejected-pane">
          {rejectedOf && (
            <button className="link" onClick={() => setRejectedOf(null)}>
              ← {t.imp.rejectedAll}
            </button>
          )}
          <RejectedRows importId={rejectedOf?.import_id} key={`${rejectedOf?.import_id ?? 'all'}-${app.dataVersion}`} />
        </div>
      )}
      {confirm && (
        <Modal
          title={t.imp.undoTitle}
          onClose={() => setConfirm(null)}
          testId="undo-dialog"
          actions={
            <>
              <button className="btn" onClick={() => setConfirm(null)}>
                {t.common.cancel}
              </button>
              <button className="btn danger" onClick={() => void undo(confirm)} data-testid="undo-confirm" autoFocus>
                {t.imp.undoTitle}
              </button>
            </>
          }
        >
          <p>{t.imp.undoConfirm(confirm.import_id, confirm.file_name, num(confirm.rows_loaded))}</p>
        </Modal>
      )}
    </section>
  );
}

/** The raw values as written: "列：值 · 列：值", or the whole line when it could not be split. */
function rawEntries(raw: string, lineLabel: string): Array<[string, unknown]> {
  try {
    const o = JSON.parse(raw) as Record<string, unknown>;
    const keys = Object.keys(o);
    // a line that could not be split into columns is stored under "line"
    if (keys.length === 1 && keys[0] === 'line') return [[lineLabel, o.line]];
    return Object.entries(o);
  } catch {
    return [[lineLabel, raw]];
  }
}

function rawSummary(raw: string, lineLabel: string): string {
  const e = rawEntries(raw, lineLabel);
  if (e.length === 1 && e[0]![0] === lineLabel) return String(e[0]![1] ?? '');
  return e.map(([k, v]) => `${k}：${v === null ? '' : String(v)}`).join(' · ');
}

export function RejectedRows({ importId }: { importId?: number | undefined }) {
  const app = useApp();
  const i18n = useI18n();
  const { t, lang } = i18n;
  const [detail, setDetail] = useState<GridRow | null>(null);
  const [file, setFile] = useState<ExportedFile | null>(null);
  const [exportError, setExportError] = useState<ApiError | null>(null);
  const [exporting, setExporting] = useState(false);
  const [total, setTotal] = useState<number | null>(null);
  const fetchPage = useCallback(
    (offset: number, limit: number) => app.client.call('import.rejected', { ...(importId ? { importId } : {}), offset, limit }),
    [app.client, importId],
  );
  const hide = useMemo(() => [lang === 'en' ? 'reason_zh' : 'reason_en', 'error_codes', ...(importId ? ['import_id', 'file_name'] : [])], [lang, importId]);
  const render = useMemo(() => ({ raw: (r: GridRow) => rawSummary(String(r.get('raw') ?? ''), t.ux.rawLine) }), [t.ux.rawLine]);
  const reason = lang === 'en' ? 'reason_en' : 'reason_zh';
  const doExport = async () => {
    setExporting(true);
    setExportError(null);
    try {
      setFile(await app.client.call('import.rejectedExport', importId ? { importId } : {}));
    } catch (e) {
      setExportError(e instanceof ApiError ? e : new ApiError({ code: 'INTERNAL', zh: String(e), en: String(e) }));
    } finally {
      setExporting(false);
    }
  };
  return (
    <div className="rejected" data-testid="rejected-rows">
      <div className="browser-bar">
        <span className="muted small">{t.imp.clickRow}</span>
        <div className="spacer" />
        <button className="btn small" onClick={() => void doExport()} disabled={exporting || !total} data-testid="rejected-export">
          <Icon name="file" /> {t.ux.exportRejected}
        </button>
      </div>
      {exportError && <ErrorBox error={exportError.info} onClose={() => setExportError(null)} />}
      {file && <FileReady file={file} testId="rejected-file" />}
      <div className="grid-box auto">
        <DataGrid
          fetchPage={fetchPage}
          hide={hide}
          render={render}
          onRowClick={setDetail}
          onTotal={setTotal}
          selected={detail?.index ?? null}
          emptyText={t.imp.rejectedEmpty}
          testId="rejected-grid"
          fill={reason}
          rowHeight={44}
          wrap={[reason]}
          widths={{ [reason]: 420, raw: 260, line_no: 64 }}
          maxHeight={460}
        />
      </div>
      {detail && (
        <Modal title={`${detail.text('file_name')} · ${t.imp.line} ${detail.text('line_no')}`} onClose={() => setDetail(null)} testId="rejected-detail">
          <h3>{t.imp.reasons}</h3>
          <p className="reason">{detail.text(reason)}</p>
          <details className="tech">
            <summary>{t.ux.details}</summary>
            <span className="mono small">{detail.text('error_codes')}</span>
          </details>
          <h3>{t.imp.rawValues}</h3>
          <table className="kv-table">
            <tbody>
              {rawEntries(String(detail.get('raw') ?? '{}'), t.ux.rawLine).map(([k, v]) => (
                <tr key={k}>
                  <th>{k}</th>
                  <td className="mono">{v === null ? '' : String(v)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Modal>
      )}
    </div>
  );
}

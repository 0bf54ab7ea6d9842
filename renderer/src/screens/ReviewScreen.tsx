// 问题线索: the review rules' hits for a period — counts by severity and by rule, per unit and per
// officer; the hits in a paged grid; a hit's evidence and the reviewer's mark (已核实 / 已排除 /
// 待核查) with a note, saved in the workspace; the evidence pack (masked unless unmasked explicitly).
// Laid out to fit a 1280×720 screen: one line of counts, the filters in a panel that folds away,
// the hits and the chosen hit side by side, the mark buttons above its evidence; ↑ ↓ move between
// hits, Enter goes to the mark buttons.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ExportedFile, InputOf, MarkStatus, ReviewSummaryOut } from '../../../electron/contract';
import { ApiError } from '../api/client';
import { Empty, ErrorBox, Icon, listKeys, Modal, roveProps } from '../components/Common';
import { DataGrid, GRID_PAGE, type GridRow } from '../components/DataGrid';
import { FileReady } from '../components/FileReady';
import { PeriodInput, readPeriod } from '../components/PeriodInput';
import { useResult } from '../engine';
import { NeedWorkspace } from '../components/NeedWorkspace';
import { methodWords } from '../i18n-method';
import { useI18n } from '../i18n';
import { useApp } from '../state';

type Filter = Pick<InputOf<'review.hits'>, 'rule' | 'unitId' | 'officerId' | 'status' | 'severity'>;

interface Hit {
  ref: string;
  rule: string;
  rule_name: string;
  severity: string;
  unit_name: string;
  officers: string;
  summary: string;
  status: string;
  note: string;
  /** The conclusion of an earlier period's clue of the same record ('2023 已排除：…'), or ''. */
  previous: string;
  evidence: Record<string, unknown>;
}

function hitOf(row: GridRow): Hit {
  const s = (c: string) => (row.get(c) as string | null) ?? '';
  let evidence: Record<string, unknown> = {};
  try {
    evidence = JSON.parse(s('evidence') || '{}') as Record<string, unknown>;
  } catch {
    // shown empty
  }
  return { ref: s('ref'), rule: s('rule'), rule_name: s('rule_name'), severity: s('severity'), unit_name: s('unit_name'), officers: s('officers'), summary: s('summary'), status: s('status'), note: s('note'), previous: s('previous'), evidence };
}

const SEV_CLASS: Record<string, string> = { 高: 'sev-high', 中: 'sev-mid', 低: 'sev-low' };
const STATUS_CLASS: Record<string, string> = { 已核实: 'st-confirmed', 已排除: 'st-dismissed', 待核查: 'st-pending' };

export function ReviewScreen() {
  const app = useApp();
  const { t } = useI18n();
  const { result } = useResult(app.runId);
  const [period, setPeriod] = useState<string | null>(null);
  // default: the period of the run on 评估结果, else the workspace's last year
  useEffect(() => {
    if (period || !app.workspace) return;
    if (result === undefined) return;
    const p = result?.period.label ?? app.workspace.period?.to.slice(0, 4) ?? null;
    if (p) setPeriod(p);
  }, [result, app.workspace, period]);

  if (!app.workspace) return <NeedWorkspace screen="review" title={t.e.review} icon="flag" />;
  return <Review period={period} setPeriod={setPeriod} />;
}

function Review({ period, setPeriod }: { period: string | null; setPeriod: (p: string) => void }) {
  const app = useApp();
  const i18n = useI18n();
  const { t, num } = i18n;
  const [summary, setSummary] = useState<ReviewSummaryOut | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [draft, setDraft] = useState(period ?? '');
  const [filter, setFilter] = useState<Filter>({});
  const [group, setGroup] = useState<'rule' | 'unit' | 'officer'>('rule');
  const [selected, setSelected] = useState<{ index: number; hit: Hit } | null>(null);
  const [version, setVersion] = useState(0);
  const [file, setFile] = useState<ExportedFile | null>(null);
  const [confirmUnmask, setConfirmUnmask] = useState(false);
  const [exporting, setExporting] = useState(false);
  // the filter lists fold away on a narrow screen, so the hits keep their columns
  const [filtersOpen, setFiltersOpen] = useState(() => window.innerWidth >= 1600);
  // The shown period fills the box, but never over what the user has typed since: the default
  // period arrives after the screen mounts (once the run's result is read), and text typed before
  // it came was cleared — the 查看 button then stayed disabled over a box the user had filled.
  const typed = useRef(false);
  useEffect(() => {
    if (!typed.current) setDraft(period ?? '');
  }, [period]);
  const draftPeriod = readPeriod(draft, i18n.lang);

  const hits = (p: string, f: Filter, offset: number, limit: number) => app.client.call('review.hits', { period: p, offset, limit, ...f });
  // The first page of hits is asked for together with the summary, not once the summary has come
  // back and the list has been laid out (two round trips in a row); the grid takes it when it asks
  // for the same page of the same hits.
  const firstPage = useRef<{ key: string; page: ReturnType<typeof hits> } | null>(null);
  const pageKey = (p: string, f: Filter, v: number) => JSON.stringify([p, f, v]);

  const load = useCallback(() => {
    if (!period) return;
    setError(null);
    app.runJob('review.list', { period }, t.e.review).then(setSummary, (e: unknown) => setError(e instanceof ApiError ? e : null));
    // (after the list: a review not yet run is run once, by the list's job, which shows progress)
    const page = hits(period, filter, 0, GRID_PAGE);
    page.catch(() => undefined);
    firstPage.current = { key: pageKey(period, filter, version), page };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [app.client, period, app.dataVersion]);
  useEffect(load, [load]);

  const fetchPage = useCallback(
    (offset: number, limit: number) => {
      const early = firstPage.current;
      firstPage.current = null;
      if (early && offset === 0 && limit === GRID_PAGE && early.key === pageKey(period!, filter, version)) return early.page;
      return hits(period!, filter, offset, limit);
    },
    // version: reload after a mark
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [app.client, period, filter, version],
  );

  const rules = useMemo(() => new Map((summary?.rules ?? []).map((r) => [r.id, r])), [summary]);
  const exportPack = async (unmask: boolean) => {
    if (!period) return;
    setExporting(true);
    try {
      const f = await app.client.call('review.export', { period, ...(unmask ? { unmask } : {}) });
      // shown where the buttons are (no notice over them)
      setFile(f);
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setExporting(false);
    }
  };

  const filterChip = (label: string, clear: () => void) => (
    <span className="chip on">
      {label}
      <button className="chip-x" onClick={clear} aria-label={t.e.clearFilter}>
        ×
      </button>
    </span>
  );

  return (
    <div className="screen fit review-screen" data-testid="screen-review">
      <header className="screen-head row">
        <h1>{t.e.review}</h1>
        <form
          className="toolbar inline"
          onSubmit={(e) => {
            e.preventDefault();
            // (the box keeps the words typed: 2024年下半年, not the label 2024H2)
            if (draftPeriod.period) setPeriod(draftPeriod.period.label);
          }}
        >
          <label>
            {t.e.period}
            <PeriodInput
              value={draft}
              onChange={(text) => {
                typed.current = true;
                setDraft(text);
              }}
              testId="review-period"
              compact
            />
          </label>
          <button className="btn small" type="submit" disabled={!draftPeriod.period} data-testid="review-show">
            {t.e.show}
          </button>
        </form>
        <div className="spacer" />
        <button className="btn small" onClick={() => void exportPack(false)} disabled={!summary || exporting} data-testid="export-pack">
          <Icon name="file" /> {t.e.exportPack}
        </button>
        <button className="btn small ghost" onClick={() => setConfirmUnmask(true)} disabled={!summary || exporting}>
          {t.e.exportPackUnmasked}
        </button>
      </header>
      {error && <ErrorBox error={error.info} onRetry={load} />}
      {file && <FileReady file={file} />}
      {!summary && !error && <div className="muted pad">{t.common.loading}</div>}
      {summary && (
        <>
          <div className="review-bar" data-testid="review-counts" title={t.e.reviewNote}>
            <div className="rb-item rb-total">
              <span>{t.e.hits}</span>
              <b data-testid="review-total">{num(summary.total)}</b>
            </div>
            {(['高', '中', '低'] as const).map((s) => (
              <button key={s} className={`rb-item clickable ${SEV_CLASS[s]}${filter.severity === s ? ' on' : ''}`} onClick={() => setFilter((f) => ({ ...f, severity: f.severity === s ? undefined : s }))} aria-pressed={filter.severity === s} data-testid={`sev-${s}`}>
                <span className={`sev ${SEV_CLASS[s]}`}>{t.e.sevNames[s]}</span>
                <b>{num(summary.by_severity[s])}</b>
              </button>
            ))}
            <span className="rb-sep" />
            {(['已核实', '已排除', '待核查', '未标记'] as const).map((s) => (
              <button key={s} className={`rb-item clickable${filter.status === s ? ' on' : ''}`} onClick={() => setFilter((f) => ({ ...f, status: f.status === s ? undefined : s }))} aria-pressed={filter.status === s} data-testid={`status-${s}`}>
                <i className={`rb-dot ${STATUS_CLASS[s] ?? 'st-none'}`} />
                <span>{t.e.markNames[s]}</span>
                <b>{num(summary.by_status[s])}</b>
              </button>
            ))}
            <div className="spacer" />
            {summary.total > 0 && (
              <button className="btn small ghost" onClick={() => setFiltersOpen((v) => !v)} aria-expanded={filtersOpen} data-testid="filters-toggle">
                {filtersOpen ? t.ux.hideFilters : t.ux.filters}
              </button>
            )}
          </div>
          {summary.total === 0 ? (
            <Empty icon="check" title={t.e.noHits} />
          ) : (
            <div className={`review-layout${filtersOpen ? '' : ' no-groups'}`}>
              {filtersOpen && (
              <section className="panel review-groups">
                <div className="seg" role="tablist">
                  {(['rule', 'unit', 'officer'] as const).map((g) => (
                    <button key={g} className={group === g ? 'on' : ''} onClick={() => setGroup(g)} role="tab" aria-selected={group === g} data-testid={`group-${g}`}>
                      {g === 'rule' ? t.e.byRule : g === 'unit' ? t.e.byUnit : t.e.byOfficer}
                    </button>
                  ))}
                </div>
                <ul className="group-list" data-testid="review-rules" role="listbox" aria-label={group === 'rule' ? t.e.byRule : group === 'unit' ? t.e.byUnit : t.e.byOfficer} onKeyDown={listKeys}>
                  {group === 'rule' &&
                    summary.rules.map((r, k) => (
                      <li key={r.id} className={filter.rule === r.id ? 'on' : ''} onClick={() => setFilter((f) => ({ ...f, rule: f.rule === r.id ? undefined : r.id }))} data-testid="rule-item" data-rule={r.id} role="option" aria-selected={filter.rule === r.id} {...roveProps(filter.rule ? filter.rule === r.id : k === 0)}>
                        <span className={`sev ${SEV_CLASS[r.severity]}`}>{t.e.sevNames[r.severity]}</span>
                        <span className="grow" title={r.basis}>
                          {i18n.pick(r.name)}
                        </span>
                        <b className={r.hits ? '' : 'muted'}>{num(r.hits)}</b>
                        {(r.data_gaps ?? 0) > 0 && (
                          <span className="badge warn" title={methodWords(i18n.lang).dataGapsTip} data-testid="rule-data-gaps">
                            {methodWords(i18n.lang).dataGaps(r.data_gaps!)}
                          </span>
                        )}
                        {r.hits > 0 && (
                          <span className="marks-mini" title={`${t.e.markNames['已核实']} ${r.marks['已核实']} · ${t.e.markNames['已排除']} ${r.marks['已排除']} · ${t.e.markNames['待核查']} ${r.marks['待核查']}`}>
                            <i className="st-confirmed" style={{ flexGrow: r.marks['已核实'] }} />
                            <i className="st-dismissed" style={{ flexGrow: r.marks['已排除'] }} />
                            <i className="st-pending" style={{ flexGrow: r.marks['待核查'] }} />
                            <i className="st-none" style={{ flexGrow: r.marks['未标记'] }} />
                          </span>
                        )}
                      </li>
                    ))}
                  {group === 'unit' &&
                    summary.units.map((u, k) => (
                      <li key={u.unit_id} className={filter.unitId === u.unit_id ? 'on' : ''} onClick={() => setFilter((f) => ({ ...f, unitId: f.unitId === u.unit_id ? undefined : u.unit_id }))} role="option" aria-selected={filter.unitId === u.unit_id} {...roveProps(filter.unitId ? filter.unitId === u.unit_id : k === 0)}>
                        <span className="grow">{u.name || t.e.unresolved}</span>
                        <b>{num(u.hits)}</b>
                      </li>
                    ))}
                  {group === 'officer' &&
                    summary.officers.map((o, k) => (
                      <li key={o.officer_id} className={filter.officerId === o.officer_id ? 'on' : ''} onClick={() => setFilter((f) => ({ ...f, officerId: f.officerId === o.officer_id ? undefined : o.officer_id }))} role="option" aria-selected={filter.officerId === o.officer_id} {...roveProps(filter.officerId ? filter.officerId === o.officer_id : k === 0)}>
                        <span className="grow" title={o.officer_id}>
                          {o.name ?? o.officer_id} <span className="muted small">{o.unit ?? ''}</span>
                        </span>
                        <b>{num(o.hits)}</b>
                      </li>
                    ))}
                </ul>
                {group === 'rule' && (
                  <div className="marks-legend muted small" data-testid="marks-legend">
                    {t.ux.marksLegend}
                    {(['已核实', '已排除', '待核查', '未标记'] as const).map((m) => (
                      <span key={m}>
                        <i className={`rb-dot ${STATUS_CLASS[m] ?? 'st-none'}`} />
                        {t.e.markNames[m]}
                      </span>
                    ))}
                  </div>
                )}
              </section>
              )}
              <section className="panel review-hits">
                <div className="browser-bar">
                  <b>{t.e.hits}</b>
                  {filter.rule && filterChip(i18n.pick(rules.get(filter.rule)?.name ?? { zh: filter.rule, en: filter.rule }), () => setFilter((f) => ({ ...f, rule: undefined })))}
                  {filter.unitId && filterChip(summary.units.find((u) => u.unit_id === filter.unitId)?.name || t.e.unresolved, () => setFilter((f) => ({ ...f, unitId: undefined })))}
                  {filter.officerId && filterChip(summary.officers.find((o) => o.officer_id === filter.officerId)?.name ?? filter.officerId, () => setFilter((f) => ({ ...f, officerId: undefined })))}
                  {filter.severity && filterChip(`${t.e.severity} · ${t.e.sevNames[filter.severity]}`, () => setFilter((f) => ({ ...f, severity: undefined })))}
                  {filter.status && filterChip(t.e.markNames[filter.status]!, () => setFilter((f) => ({ ...f, status: undefined })))}
                </div>
                <div className="grid-box">
                  <DataGrid
                    fetchPage={fetchPage}
                    testId="hits-grid"
                    hide={['ref', 'officers', 'rule', 'unit_id', 'evidence', 'updated_at', 'note', 'previous']}
                    fill="summary"
                    widths={{ severity: i18n.lang === 'en' ? 84 : 48, status: i18n.lang === 'en' ? 92 : 70, summary: 120 }}
                    maxColumnWidth={160}
                    headers={i18n.lang === 'en' ? { summary: t.e.summaryZh, severity: t.e.severity } : { severity: '程度' }}
                    selected={selected?.index ?? null}
                    followFocus
                    onRowClick={(row) => setSelected({ index: row.index, hit: hitOf(row) })}
                    onRowOpen={(row) => {
                      setSelected({ index: row.index, hit: hitOf(row) });
                      requestAnimationFrame(() => (document.querySelector('[data-testid=hit-detail] .mark-buttons button') as HTMLElement | null)?.focus());
                    }}
                    render={{
                      rule_name: (row) => <span title={row.text('rule_name')}>{i18n.pick(rules.get(row.text('rule'))?.name ?? { zh: row.text('rule_name'), en: row.text('rule_name') })}</span>,
                      summary: (row) => (
                        <span lang="zh-CN" title={row.text('summary')}>
                          {row.text('summary')}
                        </span>
                      ),
                      severity: (row) => <span className={`sev ${SEV_CLASS[row.text('severity')] ?? ''}`}>{t.e.sevNames[row.text('severity')] ?? row.text('severity')}</span>,
                      status: (row) => (row.text('status') ? <span className={`badge ${STATUS_CLASS[row.text('status')] ?? ''}`}>{t.e.markNames[row.text('status')]}</span> : <span className="muted small">{t.e.unmarked}</span>),
                    }}
                  />
                </div>
              </section>
              <HitDetail
                key={selected?.hit.ref ?? 'none'}
                hit={selected?.hit ?? null}
                rule={selected ? (rules.get(selected.hit.rule) ?? null) : null}
                officers={summary.officers}
                period={period!}
                onMarked={() => {
                  setVersion((v) => v + 1);
                }}
              />
            </div>
          )}
        </>
      )}
      {confirmUnmask && (
        <Modal
          title={t.e.exportPackUnmasked}
          onClose={() => setConfirmUnmask(false)}
          actions={
            <>
              <button className="btn" onClick={() => setConfirmUnmask(false)}>
                {t.common.cancel}
              </button>
              <button
                className="btn danger"
                data-testid="confirm-unmask"
                onClick={() => {
                  setConfirmUnmask(false);
                  void exportPack(true);
                }}
              >
                {t.common.confirm}
              </button>
            </>
          }
        >
          <p>{t.e.unmaskConfirm}</p>
        </Modal>
      )}
    </div>
  );
}

function HitDetail({ hit, rule, officers, period, onMarked }: { hit: Hit | null; rule: ReviewSummaryOut['rules'][number] | null; officers: ReviewSummaryOut['officers']; period: string; onMarked: () => void }) {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [status, setStatus] = useState<MarkStatus | ''>((hit?.status as MarkStatus) || '');
  const [note, setNote] = useState(hit?.note ?? '');
  const [saving, setSaving] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  if (!hit) {
    return (
      <section className="panel review-detail" data-testid="hit-detail-empty">
        <p className="muted pad">{t.e.pickHit}</p>
      </section>
    );
  }
  const save = async () => {
    if (!status) return;
    setSaving(true);
    try {
      const m = await app.client.call('review.mark', { period, ref: hit.ref, status, note });
      // said beside the button (no notice over it)
      setSaved(m.status);
      onMarked();
    } catch (e) {
      app.notify('error', e instanceof ApiError ? i18n.err(e.info) : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <section className="panel review-detail" data-testid="hit-detail">
      <div className="panel-head">
        <h2>
          <span className={`sev ${SEV_CLASS[hit.severity] ?? ''}`}>{t.e.sevNames[hit.severity]}</span> {rule ? i18n.pick(rule.name) : hit.rule_name}
        </h2>
      </div>
      <div className="pad-x">
        <p className="hit-summary" lang="zh-CN">
          {hit.summary}
        </p>
        {i18n.lang === 'en' && <p className="muted small zh-note">{t.e.summaryZhNote}</p>}
        {hit.previous && (
          <p className="muted small" data-testid="hit-previous">
            {t.e.previousMark}
            {hit.previous}
          </p>
        )}
        <div className="mark-row">
          <div className="seg mark-buttons" role="radiogroup" aria-label={t.e.status}>
            {(['已核实', '已排除', '待核查'] as const).map((s) => (
              <button key={s} className={`${status === s ? 'on' : ''} ${STATUS_CLASS[s]}`} role="radio" aria-checked={status === s} onClick={() => setStatus(s)} data-testid={`mark-${s}`}>
                {t.e.markNames[s]}
              </button>
            ))}
          </div>
          <button className="btn primary small" disabled={!status || saving} onClick={() => void save()} data-testid="mark-save">
            {t.e.saveMark}
          </button>
          {saved && (
            <span className="ok-text small" data-testid="mark-saved" role="status">
              <Icon name="check" /> {t.e.marked(t.e.markNames[saved]!)}
            </span>
          )}
        </div>
        <textarea className="mark-note" rows={2} placeholder={t.e.notePlaceholder} value={note} onChange={(e) => setNote(e.target.value)} aria-label={t.e.note} data-testid="mark-note" />
        <h3>{t.e.evidence}</h3>
        <table className="list-table evidence" data-testid="hit-evidence">
          <tbody>
            {Object.entries(hit.evidence).map(([k, v]) => (
              <tr key={k}>
                <th>{k}</th>
                <td>{Array.isArray(v) ? v.join('、') : v === null ? '—' : typeof v === 'boolean' ? (v ? t.common.yes : t.common.no) : String(v)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="kv kv2">
          <dt>{t.e.unit}</dt>
          <dd>{hit.unit_name || t.e.unresolved}</dd>
          {hit.officers && (
            <>
              <dt>{t.ux.officers}</dt>
              <dd data-testid="hit-officers">
                {hit.officers
                  .split('、')
                  .map((id) => {
                    const o = officers.find((x) => x.officer_id === id);
                    return o?.name ? `${o.name}（${id}）` : id;
                  })
                  .join('、')}
              </dd>
            </>
          )}
          {rule && (
            <>
              <dt>{t.e.basis}</dt>
              <dd>{rule.basis}</dd>
              <dt>{t.e.why}</dt>
              <dd className="small">{rule.explanation}</dd>
            </>
          )}
          <dt>{t.e.ref}</dt>
          <dd className="mono small">{hit.ref}</dd>
        </dl>
      </div>
    </section>
  );
}

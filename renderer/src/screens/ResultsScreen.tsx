// 评估结果: choose or run an evaluation (period, comparison, index system, weights); the county
// dashboard (the ranking with grades, changes, red lines and vetoes first, then the reform targets
// as compact cards), a unit's profile (radar against the county and the best unit, its
// indicators), the units × indicators heatmap grouped by dimension, trends over the years (one
// unit picked out against the county), and the rank intervals of the robustness analysis. Every
// number with records behind it opens them in 明细. Charts: analytics/charts builders, in the UI's
// language.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { EChartsOption } from 'echarts';
import type { EvaluationResult, IndexList, TrendOut } from '../../../electron/contract';
import {
  dimensionRadarOption,
  GRADE_COLORS,
  heatmapInput,
  heatmapOption,
  heatmapRows,
  intervalsInput,
  radarInput,
  rankIntervalsOption,
  rankingBarOption,
  rankingInput,
  trendLineOption,
  unitIndicatorsByDimension,
} from '../../../analytics/charts';
import { periodText } from '../../../analytics/eval/period';
import { ApiError } from '../api/client';
import { Chart } from '../components/Chart';
import { Empty, ErrorBox, Icon, TableWrap } from '../components/Common';
import { FunnelTab, GeometricFloors, RunNotes, UnitFunnels } from '../components/MethodPanels';
import { methodWords } from '../i18n-method';
import { NeedWorkspace } from '../components/NeedWorkspace';
import { PeriodInput, readPeriod } from '../components/PeriodInput';
import { Provenance } from '../components/Provenance';
import { fmtScore, fmtValue, opText, runText, useResult, useRuns } from '../engine';
import { useI18n, type I18n } from '../i18n';
import { useApp } from '../state';

type Tab = 'dashboard' | 'unit' | 'heatmap' | 'funnel' | 'trend' | 'robust';
type Entity = EvaluationResult['entities'][number];

function gradeText(g: string | null, i18n: I18n): string {
  if (!g) return '—';
  if (i18n.lang === 'zh-CN') return g;
  return ({ 优秀: 'Excellent', 良好: 'Good', 合格: 'Pass', 不合格: 'Fail' } as Record<string, string>)[g] ?? g;
}

export function ResultsScreen() {
  const app = useApp();
  const { t } = useI18n();
  if (!app.workspace) return <NeedWorkspace screen="results" title={t.nav.results} icon="chart" />;
  return <Results />;
}

function Results() {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const { runs } = useRuns();
  const { result, error, readyAt } = useResult(app.runId);
  const [tab, setTab] = useState<Tab>('dashboard');
  const [formOpen, setFormOpen] = useState(false);
  const screen = useRef<HTMLDivElement>(null);
  /** When the tab was chosen: its chart's drawing is timed from the click. */
  const tabAt = useRef(0);

  // First paint after the data is ready: the next frame after React committed it (an attribute for
  // the tests and the UI benchmark; not shown to the user).
  useLayoutEffect(() => {
    if (!result || !readyAt) return;
    const t0 = readyAt;
    requestAnimationFrame(() => screen.current?.setAttribute('data-paint-ms', String(Math.round(performance.now() - t0))));
  }, [result, readyAt]);

  return (
    <div className="screen" data-testid="screen-results" ref={screen}>
      <header className="screen-head row">
        <h1>{t.nav.results}</h1>
        {runs && runs.length > 0 && (
          <label className="toolbar inline">
            {t.e.runPick}
            <select value={result?.run_id ?? ''} onChange={(e) => app.setRunId(Number(e.target.value))} data-testid="run-select">
              {runs.map((r) => (
                <option key={r.run_id} value={r.run_id}>
                  {runText(r, i18n)}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="spacer" />
        {result && (
          <button className={`btn small${formOpen ? ' ghost' : ''}`} onClick={() => setFormOpen((v) => !v)} aria-expanded={formOpen} data-testid="run-form-toggle">
            {formOpen ? t.ux.hideRunForm : <><Icon name="chart" /> {t.ux.newRun}</>}
          </button>
        )}
      </header>
      {(formOpen || result === null) && <RunForm result={result ?? null} onDone={() => setFormOpen(false)} />}
      {error && <ErrorBox error={error.info} />}
      {result === undefined && !error && <div className="muted pad">{t.common.loading}</div>}
      {result === null && <Empty icon="chart" title={t.e.needRun} testId="results-empty" />}
      {result && (
        <>
          <div className="tabs" role="tablist">
            {(Object.keys(t.e.tabs) as Tab[]).map((k) => (
              <button
                key={k}
                role="tab"
                aria-selected={tab === k}
                className={tab === k ? 'on' : ''}
                onClick={() => {
                  tabAt.current = performance.now();
                  setTab(k);
                }}
                data-testid={`tab-${k}`}
              >
                {t.e.tabs[k]}
              </button>
            ))}
            <div className="spacer" />
            <span className="muted small run-meta" title={`${i18n.pick(result.index_name)} v${result.index_version}`}>
              {t.ux.runMeta(t.e.weightNames[result.params.weights] ?? result.params.weights, result.created_at.slice(0, 16).replace('T', ' '))}
            </span>
          </div>
          {tab === 'dashboard' && (
            <Dashboard
              run={result}
              onUnit={(id) => {
                app.setFocusUnit(id);
                setTab('unit');
              }}
            />
          )}
          {tab === 'unit' && <UnitProfile run={result} />}
          {tab === 'heatmap' && <Heatmap run={result} since={tabAt.current} />}
          {tab === 'funnel' && <FunnelTab run={result} />}
          {tab === 'trend' && <Trend run={result} />}
          {tab === 'robust' && <Robust run={result} />}
        </>
      )}
    </div>
  );
}

function RunForm({ result, onDone }: { result: EvaluationResult | null; onDone: () => void }) {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [period, setPeriod] = useState('');
  const [compare, setCompare] = useState<'prev' | 'none' | 'custom'>('prev');
  const [customCompare, setCustomCompare] = useState('');
  const [indexes, setIndexes] = useState<IndexList | null>(null);
  const [index, setIndex] = useState('');
  const [weights, setWeights] = useState('');
  useEffect(() => {
    if (!period) setPeriod(result?.period.label ?? app.workspace?.period?.to.slice(0, 4) ?? '');
  }, [result, app.workspace, period]);
  useEffect(() => {
    app.client.call('index.list', {}).then(
      (l) => {
        setIndexes(l);
        setIndex(l.selected);
      },
      () => undefined,
    );
  }, [app.client, app.workspace?.path]);
  const p = readPeriod(period, i18n.lang);
  const c = readPeriod(customCompare, i18n.lang);
  const ok = !!p.period && (compare !== 'custom' || !customCompare.trim() || !!c.period);
  const [notReady, setNotReady] = useState<ApiError | null>(null);
  const run = async (allowIncomplete = false) => {
    if (!p.period) return;
    setNotReady(null);
    try {
      const r = await app.runJob(
        'evaluate.run',
        {
          period: p.period.label,
          ...(compare === 'none' ? { compare: null } : compare === 'custom' && c.period ? { compare: c.period.label } : {}),
          ...(index ? { index } : {}),
          ...(weights ? { weights: weights as 'equal' } : {}),
          ...(allowIncomplete ? { allowIncomplete } : {}),
        },
        t.e.running,
      );
      app.notify('ok', t.e.runDone(r.run_id, r.seconds.toFixed(1)));
      app.setRunId(r.run_id);
      onDone();
    } catch (e) {
      // too little data: say what is missing, and offer to evaluate anyway (marked)
      if (e instanceof ApiError && e.info.code === 'DATA_NOT_READY') setNotReady(e);
      else app.notify('error', e instanceof ApiError ? i18n.err(e.info) : String(e));
    }
  };
  return (
    <form
      className="toolbar run-form"
      onSubmit={(e) => {
        e.preventDefault();
        if (ok) void run();
      }}
      data-testid="run-form"
    >
      <label>
        {t.e.period}
        <PeriodInput value={period} onChange={setPeriod} testId="run-period" />
      </label>
      <label>
        {t.e.compare}
        <select value={compare} onChange={(e) => setCompare(e.target.value as 'prev')}>
          <option value="prev">{t.e.comparePrev}</option>
          <option value="none">{t.e.compareNone}</option>
          <option value="custom">…</option>
        </select>
      </label>
      {compare === 'custom' && (
        <label>
          {t.e.compare}
          <PeriodInput value={customCompare} onChange={setCustomCompare} testId="run-compare" label={t.e.compare} />
        </label>
      )}
      <label className="grow">
        {t.e.index}
        <select value={index} onChange={(e) => setIndex(e.target.value)}>
          {(indexes?.systems ?? []).map((s) => (
            <option key={s.path} value={s.path} disabled={!!s.error}>
              {i18n.pick(s.name)} v{s.version}
              {s.builtin ? ` (${t.e.builtin})` : ''}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.e.weights}
        <select value={weights} onChange={(e) => setWeights(e.target.value)} data-testid="run-weights">
          <option value="">{t.ux.weightsDefault}</option>
          {(['equal', 'expert', 'ahp', 'entropy'] as const).map((m) => (
            <option key={m} value={m}>
              {t.e.weightNames[m]}
            </option>
          ))}
        </select>
      </label>
      <button className="btn primary" type="submit" disabled={!!app.job || !ok} data-testid="run-evaluate">
        <Icon name="chart" /> {t.e.run}
      </button>
      {notReady && (
        <div className="notice-inline not-ready" role="alert" data-testid="not-ready">
          <Icon name="info" /> <b>{methodWords(i18n.lang).notReadyTitle}</b> {i18n.err(notReady.info)}
          <button type="button" className="btn small" onClick={() => void run(true)} disabled={!!app.job} data-testid="run-anyway">
            {methodWords(i18n.lang).notReadyGo}
          </button>
        </div>
      )}
    </form>
  );
}

function Dashboard({ run, onUnit }: { run: EvaluationResult; onUnit: (id: string) => void }) {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const units = run.entities.filter((e) => e.entity_type === 'unit');
  const county = run.entities.find((e) => e.entity_type === 'county');
  const redNames = new Map(run.red_lines.map((r) => [r.id, r.name]));
  const ranking = useMemo(() => rankingBarOption(rankingInput(run, undefined, i18n.lang)), [run, i18n.lang]);
  const order = ['seed', 'law', 'published', 'assumed'];
  const [allTargets, setAllTargets] = useState(false);
  const [targetsOpen, setTargetsOpen] = useState(true);
  const sorted = [...run.targets].sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source));
  const seed = sorted.filter((x) => x.source === 'seed');
  const targets = allTargets || !seed.length ? sorted : seed;
  const ind = (id: string) => run.indicators.find((x) => x.id === id);
  return (
    <div data-testid="dashboard" className="dashboard">
      <RunNotes run={run} />
      <div className="two-col wide-left">
        <section className="panel" data-testid="ranking">
          <div className="panel-head">
            <h2>
              <Icon name="list" /> {t.e.ranking}
            </h2>
            <span className="muted small">{t.e.rankingNote}</span>
          </div>
          <TableWrap label={t.e.ranking}>
            <table className="list-table ranking-table" data-testid="ranking-table">
              <thead>
                <tr>
                  <th className="num">{t.e.rank}</th>
                  <th>{t.e.unit}</th>
                  <th className="num">{t.e.total}</th>
                  <th>{t.e.grade}</th>
                  {run.compare && <th className="num">{t.e.change}</th>}
                  {run.compare && (
                    <th className="num" title={t.ux.rankChangeTip}>
                      {t.e.rankChange}
                    </th>
                  )}
                  <th title={t.ux.flagsTip}>{t.e.flags}</th>
                </tr>
              </thead>
              <tbody>
                {[...units, ...(county ? [county] : [])].map((u) => (
                  <tr key={u.entity_id} className={u.entity_type === 'county' ? 'county-row' : ''} data-testid="ranking-row" data-entity={u.entity_id}>
                    <td className="num">{u.rank ?? '—'}</td>
                    <td className="nowrap" title={u.entity_type === 'county' ? '' : `${u.name}${u.unit_type ? ` · ${u.unit_type}` : ''}`}>
                      {u.entity_type === 'county' ? (
                        <b>{t.e.county}</b>
                      ) : (
                        <button className="link" onClick={() => onUnit(u.entity_id)} data-testid="unit-link">
                          {u.short_name}
                        </button>
                      )}
                    </td>
                    <td className="num mono" title={u.unranked ? i18n.pick(u.unranked) : undefined}>{fmtScore(u.total)}</td>
                    <td>
                      {u.grade && (
                        <span className="grade" data-grade={u.grade} style={{ ['--grade' as string]: GRADE_COLORS[u.grade] }}>
                          {gradeText(u.grade, i18n)}
                        </span>
                      )}
                      {/* too little data, or abolished within the period: said, not ranked */}
                      {!u.grade && u.unranked && (
                        <span className="muted small nowrap" title={i18n.pick(u.unranked)} data-testid="unranked">
                          {t.e.unranked}
                        </span>
                      )}
                    </td>
                    {run.compare && <td className={`num mono ${(u.change?.total ?? 0) > 0 ? 'up' : (u.change?.total ?? 0) < 0 ? 'down' : ''}`}>{u.change?.total === null || u.change?.total === undefined ? '—' : `${u.change.total > 0 ? '+' : ''}${u.change.total.toFixed(1)}`}</td>}
                    {run.compare && (
                      <td className={`num mono ${(u.change?.rank ?? 0) > 0 ? 'up' : (u.change?.rank ?? 0) < 0 ? 'down' : ''}`} title={t.ux.rankChangeTip}>
                        {u.change?.rank ? `${u.change.rank > 0 ? '▲' : '▼'}${Math.abs(u.change.rank)}` : u.change ? '–' : '—'}
                      </td>
                    )}
                    <td>
                      <div className="flags">
                        {u.flags.map((f) => (
                          <button
                            key={f.id}
                            className={`chip flag${f.veto ? ' veto' : ''}`}
                            onClick={() => app.openLineage({ runId: run.run_id, entityId: u.entity_id, indicatorId: f.id, entityName: u.short_name })}
                            title={`${i18n.pick(redNames.get(f.id) ?? f.name)} · ${f.basis}`}
                            data-testid="flag-chip"
                          >
                            {i18n.pick(redNames.get(f.id) ?? f.name)} ×{f.hits}
                            {u.vetoed_by.includes(f.id) && <b> · {t.e.veto}</b>}
                          </button>
                        ))}
                      </div>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
        </section>
        <section className="panel">
          <Chart
            option={ranking}
            height={Math.max(320, units.length * 26 + 80)}
            testId="ranking-chart"
            label={t.e.ranking}
            onClick={(p) => {
              const u = units[units.length - 1 - p.dataIndex] ?? units.find((x) => x.short_name === p.name);
              if (u) onUnit(u.entity_id);
            }}
          />
          <p className="muted small pad-x chart-caption" data-testid="ranking-caption">
            {t.ux.rankingCaption}
          </p>
        </section>
      </div>
      <section className="panel">
        <div className="panel-head">
          <h2>
            <Icon name="check" /> {t.e.targets}
          </h2>
          <span className="muted small grow">{t.e.targetsNote}</span>
          {targetsOpen && seed.length > 0 && seed.length < sorted.length && (
            <button className="btn small ghost" onClick={() => setAllTargets((v) => !v)} data-testid="targets-toggle">
              {allTargets ? t.e.seedTargets : t.e.allTargets(sorted.length)}
            </button>
          )}
          <button className="btn small ghost" onClick={() => setTargetsOpen((v) => !v)} aria-expanded={targetsOpen} data-testid="targets-collapse">
            {targetsOpen ? t.ux.kpiHide : t.ux.kpiShow(targets.length)}
          </button>
        </div>
        {targetsOpen && (
          <div className="kpis compact" data-testid="kpi-cards">
            {targets.map((x) => (
              <div key={x.id} className={`kpi ${x.met === null ? 'na' : x.met ? 'met' : 'miss'}`} data-testid="kpi-card" data-indicator={x.indicator}>
                <div className="kpi-name" title={i18n.pick(x.name)}>
                  {i18n.pick(x.name)}
                </div>
                <div className="kpi-line">
                  <button className="kpi-value link" onClick={() => app.openLineage({ runId: run.run_id, entityId: 'COUNTY', indicatorId: x.indicator })} title={t.e.lineage} data-testid="kpi-value">
                    {fmtValue(x.unit, x.actual, i18n.lang)}
                  </button>
                  <span className={`badge ${x.met === null ? '' : x.met ? 'ok' : 'bad'}`}>{x.met === null ? t.e.noData : x.met ? `✓ ${t.e.met}` : `✗ ${t.e.notMet}`}</span>
                </div>
                <div className="kpi-target" title={x.previous !== undefined && x.previous !== null ? `${t.e.previous} ${fmtValue(x.unit, x.previous, i18n.lang)}` : undefined}>
                  {t.e.target} {opText(x.op)} {fmtValue(x.unit, x.target, i18n.lang)}
                  {x.previous !== undefined && x.previous !== null && (
                    <span className="muted">
                      {' '}
                      · {t.e.previous} {fmtValue(x.unit, x.previous, i18n.lang)}
                    </span>
                  )}
                </div>
                <div className="kpi-foot">
                  <Provenance source={x.source} note={x.note} />
                  {ind(x.indicator)?.direction === 'lower' && (
                    <span className="muted small" title={t.e.lower}>
                      ↓ {t.e.lower}
                    </span>
                  )}
                </div>
              </div>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}

function UnitProfile({ run }: { run: EvaluationResult }) {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const units = run.entities.filter((e) => e.entity_type === 'unit');
  const county = run.entities.find((e) => e.entity_type === 'county')!;
  const unit = units.find((u) => u.entity_id === app.focusUnit) ?? units[0]!;
  const radar = useMemo(() => dimensionRadarOption(radarInput(run, unit.entity_id, undefined, i18n.lang)), [run, unit.entity_id, i18n.lang]);
  const dims = new Map(run.dimensions.map((d) => [d.id, d]));
  const open = (e: Entity, id: string) => app.openLineage({ runId: run.run_id, entityId: e.entity_id, indicatorId: id, entityName: e.short_name });
  return (
    <div className="unit-layout" data-testid="unit-profile">
      <section className="panel unit-list">
        <ul className="group-list" role="listbox" aria-label={t.e.unit}>
          {units.map((u) => (
            <li
              key={u.entity_id}
              className={u.entity_id === unit.entity_id ? 'on' : ''}
              onClick={() => app.setFocusUnit(u.entity_id)}
              data-testid="unit-item"
              role="option"
              aria-selected={u.entity_id === unit.entity_id}
              tabIndex={u.entity_id === unit.entity_id ? 0 : -1}
              onKeyDown={(e) => {
                const i = units.indexOf(u);
                const next = e.key === 'ArrowDown' ? units[i + 1] : e.key === 'ArrowUp' ? units[i - 1] : null;
                if (next) {
                  e.preventDefault();
                  const list = e.currentTarget.parentElement;
                  app.setFocusUnit(next.entity_id);
                  requestAnimationFrame(() => (list?.querySelector('li.on') as HTMLElement | null)?.focus());
                }
              }}
            >
              <span className="mono small muted">{u.rank ?? '—'}</span>
              <span className="grow">{u.short_name}</span>
              <b className="mono">{fmtScore(u.total)}</b>
            </li>
          ))}
        </ul>
      </section>
      <div className="unit-main">
        <section className="panel">
          <div className="panel-head">
            <h2 data-testid="unit-title">
              {unit.name} <span className="muted small">{unit.unit_type}</span>
            </h2>
            <div className="spacer" />
            <span className="mono">{fmtScore(unit.total)}</span>
            {unit.grade && (
              <span className="grade" data-grade={unit.grade} style={{ ['--grade' as string]: GRADE_COLORS[unit.grade] }}>
                {gradeText(unit.grade, i18n)}
              </span>
            )}
            <span className="muted small">
              {t.e.rank} {unit.rank ?? '—'}
            </span>
          </div>
          <div className="two-col">
            <div>
              <div className="muted small pad-x">{t.e.radar}</div>
              <Chart option={radar} height={320} testId="radar-chart" label={t.e.radar} />
            </div>
            <table className="list-table dims-table">
              <thead>
                <tr>
                  <th>{t.e.dimension}</th>
                  <th className="num">{t.e.unit}</th>
                  <th className="num">{t.e.county}</th>
                </tr>
              </thead>
              <tbody>
                {run.dimensions.map((d) => (
                  <tr key={d.id}>
                    <td>{i18n.pick(d.name)}</td>
                    <td className="num mono">{fmtScore(unit.dimensions[d.id])}</td>
                    <td className="num mono muted">{fmtScore(county.dimensions[d.id])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
        <section className="panel">
          <div className="panel-head">
            <h2>{t.e.unitIndicators}</h2>
          </div>
          <TableWrap label={t.e.unitIndicators}>
            <table className="list-table" data-testid="unit-indicators">
              <thead>
                <tr>
                  <th>{t.e.indicator}</th>
                  <th>{t.e.dimension}</th>
                  <th className="num">{t.e.value}</th>
                  <th className="num">{t.e.score}</th>
                  <th className="num">{t.e.countyValue}</th>
                  <th>{t.e.status}</th>
                </tr>
              </thead>
              <tbody>
                {run.indicators.map((x) => {
                  const v = unit.indicators[x.id];
                  if (!v || !v.applicable) return null;
                  return (
                    <tr key={x.id} data-indicator={x.id}>
                      <td>{i18n.pick(x.name)}</td>
                      <td className="muted small">{i18n.pick(dims.get(x.dimension)?.name ?? { zh: x.dimension, en: x.dimension })}</td>
                      <td className="num mono">
                        <button className="link" onClick={() => open(unit, x.id)} title={`${t.e.numerator} ${v.numerator ?? '—'} / ${t.e.denominator} ${v.denominator ?? '—'}`} data-testid="indicator-value">
                          {fmtValue(x.unit, v.raw, i18n.lang)}
                        </button>
                      </td>
                      <td className="num mono">{fmtScore(v.score)}</td>
                      <td className="num mono muted">{fmtValue(x.unit, county.indicators[x.id]?.raw, i18n.lang)}</td>
                      <td className="small">
                        {v.status === 'small_sample' ? (
                          <span className="warn-text" title={v.na_reason ? i18n.pick(v.na_reason) : ''}>{methodWords(i18n.lang).statusSmall}</span>
                        ) : v.adjusted ? (
                          <span className="warn-text">{methodWords(i18n.lang).statusShrunk(fmtValue(x.unit, v.adjusted.observed, i18n.lang))}</span>
                        ) : v.status !== 'ok' ? (
                          <span className="muted" title={v.na_reason ? i18n.pick(v.na_reason) : ''}>{t.e.statusNames[v.status]}</span>
                        ) : !v.reliable ? (
                          <span className="warn-text">{t.e.unreliable}</span>
                        ) : (
                          ''
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
        </section>
        <UnitFunnels run={run} unitId={unit.entity_id} />
      </div>
    </div>
  );
}

/**
 * The heatmap's option per run and language, kept with the run (not with the tab): the chart stays
 * drawn while another tab is shown (Chart's `keep`) and is shown again without drawing only for the
 * same option object.
 */
const heatmaps = new WeakMap<EvaluationResult, Map<string, { option: EChartsOption; rows: number }>>();
function heatmapFor(run: EvaluationResult, lang: I18n['lang']): { option: EChartsOption; rows: number } {
  let byLang = heatmaps.get(run);
  if (!byLang) heatmaps.set(run, (byLang = new Map()));
  let h = byLang.get(lang);
  if (!h) {
    const input = heatmapInput(run, undefined, { grouped: true, lang });
    h = { option: heatmapOption(input), rows: heatmapRows(input).length };
    byLang.set(lang, h);
  }
  return h;
}

function Heatmap({ run, since }: { run: EvaluationResult; since?: number }) {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const inds = useMemo(() => unitIndicatorsByDimension(run), [run]);
  const units = run.entities.filter((e) => e.entity_type === 'unit');
  const { option, rows } = heatmapFor(run, i18n.lang);
  return (
    <section className="panel" data-testid="heatmap">
      <p className="muted small pad-x">{t.ux.heatmapNote}</p>
      <Chart
        option={option}
        height={rows * 21 + 190}
        testId="heatmap-chart"
        label={t.e.tabs.heatmap}
        since={since}
        keep="heatmap"
        onClick={(p) => {
          const v = p.value as number[] | undefined;
          if (!Array.isArray(v) || v.length < 4) return;
          const u = units[v[0]!];
          const x = inds[v[3]!];
          if (u && x) app.openLineage({ runId: run.run_id, entityId: u.entity_id, indicatorId: x.id, entityName: u.short_name });
        }}
      />
    </section>
  );
}

function Trend({ run }: { run: EvaluationResult }) {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [trend, setTrend] = useState<TrendOut | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const units = run.entities.filter((e) => e.entity_type === 'unit');
  const [pick, setPick] = useState<string | null>(app.focusUnit ?? units.find((u) => u.rank === 1)?.entity_id ?? null);
  const load = (rerun: boolean) => {
    app.runJob('evaluate.trend', { runId: run.run_id, ...(rerun ? { rerun } : {}) }, t.e.tabs.trend).then(setTrend, (e: unknown) => setError(e instanceof ApiError ? e : null));
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => load(false), [run.run_id]);
  const option = useMemo<EChartsOption | null>(
    () =>
      trend
        ? trendLineOption({
            periods: trend.periods.map((p) => periodText(p, i18n.lang)),
            series: trend.series.map((s) => ({ id: s.entity_id, name: s.entity_type === 'county' ? t.e.county : s.name, values: s.totals, role: s.entity_type === 'county' ? 'county' : 'unit' })),
            highlight: pick,
            lang: i18n.lang,
          })
        : null,
    [trend, i18n.lang, pick, t.e.county],
  );
  return (
    <section className="panel" data-testid="trend">
      <div className="panel-head">
        <h2>{t.e.trend}</h2>
        <div className="spacer" />
        <label className="toolbar inline">
          {t.ux.trendPick}
          <select value={pick ?? ''} onChange={(e) => setPick(e.target.value || null)} data-testid="trend-pick">
            <option value="">{t.ux.trendNone}</option>
            {units.map((u) => (
              <option key={u.entity_id} value={u.entity_id}>
                {u.short_name}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && <ErrorBox error={error.info} />}
      {trend && trend.missing.length > 0 && (
        <div className="notice-inline">
          <Icon name="info" /> {t.e.trendMissing(trend.missing.map((p) => periodText(p, i18n.lang)).join('、'))}
          <button className="btn small" onClick={() => load(true)} disabled={!!app.job} data-testid="trend-rerun">
            {t.e.trendRerun}
          </button>
        </div>
      )}
      {trend?.not_ready && trend.not_ready.length > 0 && (
        <div className="notice-inline" data-testid="trend-not-ready">
          <Icon name="info" /> {methodWords(i18n.lang).trendNotReady(trend.not_ready.join('、'))}
        </div>
      )}
      {option && (
        <>
          <Chart
            option={option}
            height={420}
            testId="trend-chart"
            label={t.e.trend}
            onClick={(p) => {
              if (p.seriesId && units.some((u) => u.entity_id === p.seriesId)) setPick(p.seriesId);
            }}
          />
          <p className="muted small pad-x chart-caption">{t.ux.trendNote}</p>
        </>
      )}
    </section>
  );
}

function Robust({ run }: { run: EvaluationResult }) {
  const i18n = useI18n();
  const { t } = i18n;
  const option = useMemo(() => {
    const input = intervalsInput(run, undefined, i18n.lang);
    return input ? rankIntervalsOption(input) : null;
  }, [run, i18n.lang]);
  if (!run.robustness || !option) return <Empty icon="chart" title={t.e.noRobust} />;
  const by = new Map(run.robustness.ranks.map((r) => [r.entity_id, r]));
  const units = run.entities.filter((e) => e.entity_type === 'unit' && e.rank !== null);
  return (
    <div className="two-col wide-left" data-testid="robust">
      <section className="panel">
        <div className="panel-head">
          <h2>{t.e.robust}</h2>
        </div>
        <p className="muted small pad-x">{t.e.robustNote(run.robustness.draws, run.robustness.perturbation)}</p>
        <Chart option={option} height={units.length * 28 + 100} testId="intervals-chart" label={t.e.robust} />
      </section>
      <section className="panel">
        <table className="list-table">
          <thead>
            <tr>
              <th>{t.e.unit}</th>
              <th className="num">{t.e.rank}</th>
              <th className="num">{t.e.p5}</th>
              <th className="num">{t.e.p50}</th>
              <th className="num">{t.e.p95}</th>
            </tr>
          </thead>
          <tbody>
            {units.map((u) => {
              const r = by.get(u.entity_id);
              return (
                <tr key={u.entity_id}>
                  <td>{u.short_name}</td>
                  <td className="num mono">{u.rank}</td>
                  <td className="num mono">{r?.p5 ?? '—'}</td>
                  <td className="num mono">{r?.p50 ?? '—'}</td>
                  <td className="num mono">{r?.p95 ?? '—'}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </section>
      <GeometricFloors run={run} />
    </div>
  );
}

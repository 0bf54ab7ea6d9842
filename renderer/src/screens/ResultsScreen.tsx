// 评估结果: choose or run an evaluation (period, comparison, index system, weights); the county
// dashboard (reform targets as KPI cards, the ranking with grades, changes, red lines and vetoes),
// a unit's profile (radar against the county and the best unit, its indicators), the units ×
// indicators heatmap, trends over the years, and the rank intervals of the robustness analysis.
// Every number with records behind it opens them in 明细. Charts: analytics/charts builders.
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { EChartsOption } from 'echarts';
import type { EvaluationResult, IndexList, TrendOut } from '../../../electron/contract';
import {
  dimensionRadarOption,
  GRADE_COLORS,
  heatmapInput,
  heatmapOption,
  intervalsInput,
  radarInput,
  rankIntervalsOption,
  rankingBarOption,
  rankingInput,
  trendLineOption,
  unitIndicators,
} from '../../../analytics/charts';
import { ApiError } from '../api/client';
import { Chart } from '../components/Chart';
import { Empty, ErrorBox, Icon } from '../components/Common';
import { NeedWorkspace } from '../components/NeedWorkspace';
import { fmtScore, fmtValue, opText, useResult, useRuns } from '../engine';
import { useI18n, type I18n } from '../i18n';
import { useApp } from '../state';

type Tab = 'dashboard' | 'unit' | 'heatmap' | 'trend' | 'robust';
type Entity = EvaluationResult['entities'][number];

function gradeText(g: string | null, i18n: I18n): string {
  if (!g) return '—';
  if (i18n.lang === 'zh-CN') return g;
  return ({ 优秀: 'Excellent', 良好: 'Good', 合格: 'Pass', 不合格: 'Fail' } as Record<string, string>)[g] ?? g;
}

/** The builders' Chinese labels, in English when the UI is. */
function en<T>(x: T, i18n: I18n, run: EvaluationResult): T {
  if (i18n.lang !== 'en') return x;
  const names = new Map<string, string>([['全县', 'County']]);
  for (const d of run.dimensions) names.set(d.name.zh, d.name.en);
  for (const d of run.indicators) names.set(d.name.zh, d.name.en);
  return JSON.parse(JSON.stringify(x), (_k, v: unknown) => {
    if (typeof v !== 'string') return v;
    if (names.has(v)) return names.get(v);
    // radar axes: "名称\n得分"
    const nl = v.indexOf('\n');
    if (nl > 0 && names.has(v.slice(0, nl))) return `${names.get(v.slice(0, nl))}${v.slice(nl)}`;
    const m = /^最优单位（(.*)）$/.exec(v);
    if (m) return `Best unit (${m[1]})`;
    return v.replace('名义排名', 'Nominal rank').replace('5%–95%排名区间', '5%–95% rank interval').replace(/^排名$/, 'Rank');
  }) as T;
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
  const [paint, setPaint] = useState<number | null>(null);
  const screen = useRef<HTMLDivElement>(null);

  // First paint after the data is ready: the next frame after React committed it.
  useLayoutEffect(() => {
    if (!result || !readyAt) return;
    const t0 = readyAt;
    requestAnimationFrame(() => {
      const ms = Math.round(performance.now() - t0);
      setPaint(ms);
      screen.current?.setAttribute('data-paint-ms', String(ms));
    });
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
                  {t.e.runLabel(r.run_id, r.period, r.compare, r.index_version)}
                </option>
              ))}
            </select>
          </label>
        )}
        <div className="spacer" />
        {paint !== null && (
          <span className="muted small" data-testid="paint-ms">
            {t.e.paint(paint)}
          </span>
        )}
      </header>
      <RunForm result={result ?? null} />
      {error && <ErrorBox error={error.info} />}
      {result === undefined && !error && <div className="muted pad">{t.common.loading}</div>}
      {result === null && <Empty icon="chart" title={t.e.needRun} testId="results-empty" />}
      {result && (
        <>
          <div className="tabs" role="tablist">
            {(Object.keys(t.e.tabs) as Tab[]).map((k) => (
              <button key={k} role="tab" aria-selected={tab === k} className={tab === k ? 'on' : ''} onClick={() => setTab(k)} data-testid={`tab-${k}`}>
                {t.e.tabs[k]}
              </button>
            ))}
            <div className="spacer" />
            <span className="muted small">
              {i18n.pick(result.index_name)} v{result.index_version} · {t.e.weightNames[result.params.weights]} · {result.created_at.slice(0, 16).replace('T', ' ')}
            </span>
          </div>
          {tab === 'dashboard' && <Dashboard run={result} onUnit={(id) => { app.setFocusUnit(id); setTab('unit'); }} />}
          {tab === 'unit' && <UnitProfile run={result} />}
          {tab === 'heatmap' && <Heatmap run={result} />}
          {tab === 'trend' && <Trend run={result} />}
          {tab === 'robust' && <Robust run={result} />}
        </>
      )}
    </div>
  );
}

function RunForm({ result }: { result: EvaluationResult | null }) {
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
  const years = useMemo(() => {
    const p = app.workspace?.period;
    if (!p) return [];
    const out: string[] = [];
    for (let y = Number(p.to.slice(0, 4)); y >= Number(p.from.slice(0, 4)); y--) out.push(String(y), `${y}Q4`, `${y}Q3`, `${y}Q2`, `${y}Q1`);
    return out;
  }, [app.workspace?.period]);
  const run = async () => {
    try {
      const r = await app.runJob(
        'evaluate.run',
        {
          period: period.trim(),
          ...(compare === 'none' ? { compare: null } : compare === 'custom' && customCompare.trim() ? { compare: customCompare.trim() } : {}),
          ...(index ? { index } : {}),
          ...(weights ? { weights: weights as 'equal' } : {}),
        },
        t.e.running,
      );
      app.notify('ok', t.e.runDone(r.run_id, r.seconds.toFixed(1)));
      app.setRunId(r.run_id);
    } catch (e) {
      app.notify('error', e instanceof ApiError ? i18n.err(e.info) : String(e));
    }
  };
  return (
    <form
      className="toolbar run-form"
      onSubmit={(e) => {
        e.preventDefault();
        void run();
      }}
      data-testid="run-form"
    >
      <label>
        {t.e.period}
        <input list="period-list" value={period} onChange={(e) => setPeriod(e.target.value)} className="period-input" title={t.e.periodHint} placeholder="2024" data-testid="run-period" />
        <datalist id="period-list">
          {years.map((y) => (
            <option key={y} value={y} />
          ))}
        </datalist>
      </label>
      <label>
        {t.e.compare}
        <select value={compare} onChange={(e) => setCompare(e.target.value as 'prev')}>
          <option value="prev">{t.e.comparePrev}</option>
          <option value="none">{t.e.compareNone}</option>
          <option value="custom">…</option>
        </select>
      </label>
      {compare === 'custom' && <input value={customCompare} onChange={(e) => setCustomCompare(e.target.value)} className="period-input" placeholder="2023" aria-label={t.e.compare} />}
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
        <select value={weights} onChange={(e) => setWeights(e.target.value)}>
          <option value="">—</option>
          {(['equal', 'expert', 'ahp', 'entropy'] as const).map((m) => (
            <option key={m} value={m}>
              {t.e.weightNames[m]}
            </option>
          ))}
        </select>
      </label>
      <button className="btn primary" type="submit" disabled={!!app.job || !period.trim()} data-testid="run-evaluate">
        <Icon name="chart" /> {t.e.run}
      </button>
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
  const ranking = useMemo(() => en(rankingBarOption(rankingInput(run)), i18n, run), [run, i18n]);
  const order = ['seed', 'law', 'published', 'assumed'];
  const [allTargets, setAllTargets] = useState(false);
  const sorted = [...run.targets].sort((a, b) => order.indexOf(a.source) - order.indexOf(b.source));
  const seed = sorted.filter((x) => x.source === 'seed');
  const targets = allTargets || !seed.length ? sorted : seed;
  const ind = (id: string) => run.indicators.find((x) => x.id === id);
  return (
    <div data-testid="dashboard">
      <section className="panel">
        <div className="panel-head">
          <h2>
            <Icon name="check" /> {t.e.targets}
          </h2>
          <span className="muted small grow">{t.e.targetsNote}</span>
          {seed.length > 0 && seed.length < sorted.length && (
            <button className="btn small ghost" onClick={() => setAllTargets((v) => !v)} data-testid="targets-toggle">
              {allTargets ? t.e.seedTargets : t.e.allTargets(sorted.length)}
            </button>
          )}
        </div>
        <div className="kpis" data-testid="kpi-cards">
          {targets.map((x) => (
            <div key={x.id} className={`kpi ${x.met === null ? 'na' : x.met ? 'met' : 'miss'}`} data-testid="kpi-card" data-indicator={x.indicator}>
              <div className="kpi-name" title={i18n.pick(x.name)}>
                {i18n.pick(x.name)}
              </div>
              <button className="kpi-value link" onClick={() => app.openLineage({ runId: run.run_id, entityId: 'COUNTY', indicatorId: x.indicator })} title={t.e.lineage} data-testid="kpi-value">
                {fmtValue(x.unit, x.actual, i18n.lang)}
              </button>
              <div className="kpi-target">
                {t.e.target} {opText(x.op)} {fmtValue(x.unit, x.target, i18n.lang)}
                {x.previous !== undefined && x.previous !== null && (
                  <span className="muted">
                    {' '}
                    · {t.e.previous} {fmtValue(x.unit, x.previous, i18n.lang)}
                  </span>
                )}
              </div>
              <div className="kpi-foot">
                <span className={`badge ${x.met === null ? '' : x.met ? 'ok' : 'bad'}`}>{x.met === null ? t.e.noData : x.met ? `✓ ${t.e.met}` : `✗ ${t.e.notMet}`}</span>
                <span className={`src src-${x.source}`} title={x.note}>
                  [{x.source}]
                </span>
                {ind(x.indicator)?.direction === 'lower' && <span className="muted small">↓</span>}
              </div>
            </div>
          ))}
        </div>
      </section>
      <div className="two-col wide-left">
        <section className="panel" data-testid="ranking">
          <div className="panel-head">
            <h2>
              <Icon name="list" /> {t.e.ranking}
            </h2>
            <span className="muted small">{t.e.rankingNote}</span>
          </div>
          <div className="table-wrap">
            <table className="list-table ranking-table" data-testid="ranking-table">
              <thead>
                <tr>
                  <th className="num">{t.e.rank}</th>
                  <th>{t.e.unit}</th>
                  <th className="num">{t.e.total}</th>
                  <th>{t.e.grade}</th>
                  {run.compare && <th className="num">{t.e.change}</th>}
                  {run.compare && <th className="num">{t.e.rankChange}</th>}
                  <th>{t.e.flags}</th>
                </tr>
              </thead>
              <tbody>
                {[...units, ...(county ? [county] : [])].map((u) => (
                  <tr key={u.entity_id} className={u.entity_type === 'county' ? 'county-row' : ''} data-testid="ranking-row" data-entity={u.entity_id}>
                    <td className="num">{u.rank ?? '—'}</td>
                    <td className="nowrap" title={u.unit_type ?? ''}>
                      {u.entity_type === 'county' ? (
                        <b>{t.e.county}</b>
                      ) : (
                        <button className="link" onClick={() => onUnit(u.entity_id)} data-testid="unit-link">
                          {u.short_name}
                        </button>
                      )}
                    </td>
                    <td className="num mono">{fmtScore(u.total)}</td>
                    <td>
                      {u.grade && (
                        <span className="grade" style={{ ['--grade' as string]: GRADE_COLORS[u.grade] }}>
                          {gradeText(u.grade, i18n)}
                        </span>
                      )}
                    </td>
                    {run.compare && <td className={`num mono ${(u.change?.total ?? 0) > 0 ? 'up' : (u.change?.total ?? 0) < 0 ? 'down' : ''}`}>{u.change?.total === null || u.change?.total === undefined ? '—' : `${u.change.total > 0 ? '+' : ''}${u.change.total.toFixed(1)}`}</td>}
                    {run.compare && <td className={`num mono ${(u.change?.rank ?? 0) > 0 ? 'up' : (u.change?.rank ?? 0) < 0 ? 'down' : ''}`}>{u.change?.rank ? `${u.change.rank > 0 ? '▲' : '▼'}${Math.abs(u.change.rank)}` : u.change ? '–' : '—'}</td>}
                    <td>
                      <div className="flags">
                      {u.flags.map((f) => (
                        <button
                          key={f.id}
                          className={`chip flag${f.veto ? ' veto' : ''}`}
                          onClick={() => app.openLineage({ runId: run.run_id, entityId: u.entity_id, indicatorId: f.id, entityName: u.short_name })}
                          title={`${f.basis}`}
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
          </div>
        </section>
        <section className="panel">
          <Chart option={ranking} height={Math.max(320, units.length * 26 + 80)} testId="ranking-chart" label={t.e.ranking} onClick={(p) => { const u = units[units.length - 1 - p.dataIndex] ?? units.find((x) => x.short_name === p.name); if (u) onUnit(u.entity_id); }} />
        </section>
      </div>
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
  const radar = useMemo(() => en(dimensionRadarOption(radarInput(run, unit.entity_id)), i18n, run), [run, unit.entity_id, i18n]);
  const dims = new Map(run.dimensions.map((d) => [d.id, d]));
  const open = (e: Entity, id: string) => app.openLineage({ runId: run.run_id, entityId: e.entity_id, indicatorId: id, entityName: e.short_name });
  return (
    <div className="unit-layout" data-testid="unit-profile">
      <section className="panel unit-list">
        <ul className="group-list">
          {units.map((u) => (
            <li key={u.entity_id} className={u.entity_id === unit.entity_id ? 'on' : ''} onClick={() => app.setFocusUnit(u.entity_id)} data-testid="unit-item">
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
              <span className="grade" style={{ ['--grade' as string]: GRADE_COLORS[unit.grade] }}>
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
              <Chart option={radar} height={340} testId="radar-chart" label={t.e.radar} />
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
          <div className="table-wrap">
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
                        <button className="link" onClick={() => open(unit, x.id)} title={`${v.numerator ?? '—'} / ${v.denominator ?? '—'}`} data-testid="indicator-value">
                          {fmtValue(x.unit, v.raw, i18n.lang)}
                        </button>
                      </td>
                      <td className="num mono">{fmtScore(v.score)}</td>
                      <td className="num mono muted">{fmtValue(x.unit, county.indicators[x.id]?.raw, i18n.lang)}</td>
                      <td className="small">
                        {v.status !== 'ok' ? <span className="muted">{t.e.statusNames[v.status]}</span> : !v.reliable ? <span className="warn-text">{t.e.unreliable}</span> : ''}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    </div>
  );
}

function Heatmap({ run }: { run: EvaluationResult }) {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const inds = unitIndicators(run);
  const units = run.entities.filter((e) => e.entity_type === 'unit');
  const option = useMemo(() => en(heatmapOption(heatmapInput(run)), i18n, run), [run, i18n]);
  return (
    <section className="panel" data-testid="heatmap">
      <p className="muted small pad-x">{t.e.heatmapNote}</p>
      <Chart
        option={option}
        height={inds.length * 22 + 200}
        testId="heatmap-chart"
        label={t.e.tabs.heatmap}
        onClick={(p) => {
          const v = p.value as [number, number, number] | undefined;
          if (!Array.isArray(v)) return;
          const u = units[v[0]];
          const x = inds[v[1]];
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
  const load = (rerun: boolean) => {
    app.runJob('evaluate.trend', { runId: run.run_id, ...(rerun ? { rerun } : {}) }, t.e.tabs.trend).then(setTrend, (e: unknown) => setError(e instanceof ApiError ? e : null));
  };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  useEffect(() => load(false), [run.run_id]);
  const option = useMemo<EChartsOption | null>(
    () =>
      trend
        ? trendLineOption({
            periods: trend.periods,
            series: trend.series.map((s) => ({ name: s.entity_type === 'county' ? (i18n.lang === 'en' ? 'County' : '全县') : s.name, values: s.totals, role: s.entity_type === 'county' ? 'county' : 'unit' })),
          })
        : null,
    [trend, i18n.lang],
  );
  return (
    <section className="panel" data-testid="trend">
      <div className="panel-head">
        <h2>{t.e.trend}</h2>
      </div>
      {error && <ErrorBox error={error.info} />}
      {trend && trend.missing.length > 0 && (
        <div className="notice-inline">
          <Icon name="info" /> {t.e.trendMissing(trend.missing.join('、'))}
          <button className="btn small" onClick={() => load(true)} disabled={!!app.job} data-testid="trend-rerun">
            {t.e.trendRerun}
          </button>
        </div>
      )}
      {option && <Chart option={option} height={460} testId="trend-chart" label={t.e.trend} />}
    </section>
  );
}

function Robust({ run }: { run: EvaluationResult }) {
  const i18n = useI18n();
  const { t } = i18n;
  const input = useMemo(() => intervalsInput(run), [run]);
  const option = useMemo(() => (input ? en(rankIntervalsOption(input), i18n, run) : null), [run, i18n, input]);
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
    </div>
  );
}

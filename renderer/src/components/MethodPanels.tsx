// Panels of issue 11 for 评估结果 and 指标体系: what the numbers of a run rest on (the methods
// that ran, data readiness, the values left out or shrunk for small samples), the funnel plots
// (all units, and one unit's place in them), the ranks under the geometric mean's zero floors,
// and the discrimination audit. Charts from analytics/charts; words from ../i18n-method.
import { useMemo, useState } from 'react';
import type { EvaluationResult } from '../../../electron/contract';
import { FUNNEL_LABELS_ZH, funnelInput, funnelOption, zoneVerdict, type FunnelLabels } from '../../../analytics/charts/funnel';
import { AUDIT_FLAG_TEXT } from '../../../analytics/eval/audit';
import { fmtValue, useResult } from '../engine';
import { useI18n } from '../i18n';
import { methodWords } from '../i18n-method';
import { Chart } from './Chart';
import { Icon, TableWrap } from './Common';
import { useApp } from '../state';

type Run = EvaluationResult;

const FUNNEL_LABELS_EN: FunnelLabels = {
  county: 'County rate',
  limit95: '95% limits',
  limit998: '99.8% limits',
  inside: 'Inside the limits',
  better: 'Better than the county (outside)',
  worse: 'Worse than the county (outside)',
  xName: 'Denominator (cases, officers, visits…)',
  yName: 'Rate (%)',
};

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function useWords() {
  const i18n = useI18n();
  return { i18n, w: methodWords(i18n.lang) };
}

function indName(run: Run, id: string, pick: (p: { zh: string; en: string }) => string): string {
  const m = run.indicators.find((x) => x.id === id);
  return m ? pick(m.name) : id;
}

function unitName(run: Run, id: string): string {
  return run.entities.find((e) => e.entity_id === id)?.short_name ?? id;
}

/** The methods that ran, data readiness, a dropped comparison and the small-sample values. */
export function RunNotes({ run }: { run: Run }) {
  const { i18n, w } = useWords();
  const [open, setOpen] = useState(false);
  const p = run.params;
  const rd = run.readiness;
  const dims = new Map(run.dimensions.map((d) => [d.id, i18n.pick(d.name)]));
  const fell = (p.weights_ran ?? []).filter((x) => x.method !== p.weights);
  const crs = (p.weights_ran ?? []).filter((x) => x.cr !== undefined);
  const small = run.small_numbers;
  const level = rd?.status === 'insufficient' ? 'bad' : rd?.status === 'partial' ? 'warn' : 'ok';
  return (
    <section className="panel run-notes" data-testid="run-notes">
      <div className="panel-head">
        <h2>
          <Icon name="info" /> {w.notesTitle}
        </h2>
        {rd && (
          <span className={`badge ${level}`} data-testid="readiness-badge">
            {w.ready[rd.status]}
          </span>
        )}
      </div>
      <ul className="notes-list">
        <li data-testid="method-line">
          {w.methodLine(
            `${w.weightNames[p.weights] ?? p.weights}`,
            `${w.aggNames[p.aggregation] ?? p.aggregation}${p.aggregation === 'geometric' && p.geometric_floor !== undefined ? w.floor(p.geometric_floor) : ''}`,
            w.normNames[p.normalization] ?? p.normalization,
            p.small_numbers === 'shrink' ? w.smallShrink : w.smallNa,
          )}
        </li>
        {fell.map((x) => (
          <li key={x.dimension} className="warn-text">
            {w.fellBack(dims.get(x.dimension) ?? x.dimension, w.weightNames[x.method] ?? x.method, x.note ? i18n.pick(x.note) : '')}
          </li>
        ))}
        {crs.length > 0 && <li className="muted">{crs.map((x) => w.cr(dims.get(x.dimension) ?? x.dimension, x.cr!.toFixed(3))).join('；')}</li>}
        {rd && (
          <li>
            {w.readyLine(pct(rd.weight_share))}
            {rd.missing_indicators.length > 0 && (
              <span className="warn-text" data-testid="missing-indicators">
                {' · '}
                {w.missing(rd.missing_indicators.map((m) => `${indName(run, m.id, i18n.pick)}（${m.tables.join('、')}）`).join('、'))}
              </span>
            )}
          </li>
        )}
        {rd && rd.missing_red_lines.length > 0 && <li className="warn-text">{w.missingRedLines(rd.missing_red_lines.map((m) => i18n.pick(run.red_lines.find((r) => r.id === m.id)?.name ?? { zh: m.id, en: m.id })).join('、'))}</li>}
        {run.compare_dropped && <li className="warn-text">{w.compareDropped(i18n.pick(run.compare_dropped.reason))}</li>}
        {small && (
          <li>
            <button className="link" onClick={() => setOpen((v) => !v)} data-testid="small-toggle">
              {small.affected.length ? w.smallTitle(small.affected.length) : w.smallNone}
            </button>
          </li>
        )}
      </ul>
      {open && small && small.affected.length > 0 && (
        <TableWrap label={w.smallTitle(small.affected.length)}>
          <table className="list-table" data-testid="small-table">
            <thead>
              <tr>
                <th>{w.smallCols.unit}</th>
                <th>{w.smallCols.indicator}</th>
                <th className="num">{w.smallCols.den}</th>
                <th className="num">{w.smallCols.min}</th>
                <th className="num">{w.smallCols.observed}</th>
                <th>{w.smallCols.action}</th>
              </tr>
            </thead>
            <tbody>
              {small.affected.map((a) => {
                const m = run.indicators.find((x) => x.id === a.indicator);
                return (
                  <tr key={`${a.entity_id}-${a.indicator}`}>
                    <td>{unitName(run, a.entity_id)}</td>
                    <td>{indName(run, a.indicator, i18n.pick)}</td>
                    <td className="num mono">{a.denominator}</td>
                    <td className="num mono">{a.min_denominator}</td>
                    <td className="num mono">{fmtValue(m?.unit ?? 'ratio', a.observed, i18n.lang)}</td>
                    <td>{a.action === 'shrunk' && a.estimate !== undefined ? w.shrunkTo(fmtValue(m?.unit ?? 'ratio', a.estimate, i18n.lang), pct(a.weight ?? 0)) : w.actions[a.action]}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </TableWrap>
      )}
    </section>
  );
}

function FunnelChart({ run, indicator, highlight }: { run: Run; indicator: string; highlight?: string | null }) {
  const { i18n } = useWords();
  const option = useMemo(() => {
    const input = funnelInput(run, indicator, highlight);
    if (!input) return null;
    const en = i18n.lang === 'en';
    return funnelOption({
      ...input,
      title: indName(run, indicator, i18n.pick),
      labels: en ? FUNNEL_LABELS_EN : FUNNEL_LABELS_ZH,
      points: en ? input.points.map((p) => ({ ...p, name: p.id === 'COUNTY' ? 'County' : p.name })) : input.points,
    });
  }, [run, indicator, highlight, i18n]);
  if (!option) return null;
  return <Chart option={option} height={420} testId="funnel-chart" label={indName(run, indicator, i18n.pick)} />;
}

/** 评估结果 → 漏斗图: every proportion indicator, one at a time. */
export function FunnelTab({ run }: { run: Run }) {
  const { i18n, w } = useWords();
  const funnels = run.funnels ?? [];
  const [pick, setPick] = useState(funnels[0]?.indicator ?? '');
  const f = funnels.find((x) => x.indicator === pick) ?? funnels[0];
  if (!f) return <div className="muted pad">{w.funnelNone}</div>;
  const out998 = f.points.filter((p) => p.zone === 'high_998' || p.zone === 'low_998').length;
  const out95 = f.points.filter((p) => p.zone === 'high_95' || p.zone === 'low_95').length;
  const m = run.indicators.find((x) => x.id === f.indicator);
  return (
    <section className="panel" data-testid="funnel">
      <div className="panel-head">
        <h2>{w.funnelTitle}</h2>
        <label className="toolbar inline">
          {w.funnelPick}
          <select value={f.indicator} onChange={(e) => setPick(e.target.value)} data-testid="funnel-select">
            {funnels.map((x) => (
              <option key={x.indicator} value={x.indicator}>
                {indName(run, x.indicator, i18n.pick)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small pad-x">{w.funnelNote}</p>
      <div className="two-col wide-left">
        <FunnelChart run={run} indicator={f.indicator} />
        <div>
          <p className="small" data-testid="funnel-summary">
            {fmtValue(m?.unit ?? 'percent', f.target, i18n.lang)} · {w.zoneCounts(out998, out95, f.points.length)}
            {f.phi !== null && (
              <>
                <br />
                <span className="muted">{w.overdispersion(f.phi.toFixed(2))}</span>
              </>
            )}
          </p>
          <table className="list-table" data-testid="funnel-table">
            <thead>
              <tr>
                <th>{w.smallCols.unit}</th>
                <th className="num">{w.smallCols.den}</th>
                <th className="num">{w.smallCols.observed}</th>
                <th>{w.position}</th>
              </tr>
            </thead>
            <tbody>
              {[...f.points]
                .sort((a, b) => a.rate - b.rate)
                .map((p) => {
                  const v = zoneVerdict(p.zone, f.direction);
                  return (
                    <tr key={p.id}>
                      <td>{unitName(run, p.id)}</td>
                      <td className="num mono">{p.denominator}</td>
                      <td className="num mono">{fmtValue(m?.unit ?? 'percent', p.rate, i18n.lang)}</td>
                      <td className={v === 'worse' ? 'down' : v === 'better' ? 'up' : 'muted'}>
                        {w.zones[p.zone]}
                        {v !== 'inside' ? `（${v === 'better' ? w.better : w.worse}）` : ''}
                      </td>
                    </tr>
                  );
                })}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

/** 单位画像: the unit's place in the funnel plots, the outliers first. */
export function UnitFunnels({ run, unitId }: { run: Run; unitId: string }) {
  const { i18n, w } = useWords();
  const mine = (run.funnels ?? [])
    .map((f) => ({ f, p: f.points.find((x) => x.id === unitId) }))
    .filter((x): x is { f: NonNullable<Run['funnels']>[number]; p: NonNullable<Run['funnels']>[number]['points'][number] } => !!x.p);
  const rank = (z: string) => (z.endsWith('998') ? 0 : z === 'inside' ? 2 : 1);
  const sorted = [...mine].sort((a, b) => rank(a.p.zone) - rank(b.p.zone));
  const [pick, setPick] = useState<string | null>(null);
  const cur = sorted.find((x) => x.f.indicator === pick) ?? sorted[0];
  return (
    <section className="panel" data-testid="unit-funnels">
      <div className="panel-head">
        <h2>{w.unitFunnel}</h2>
      </div>
      {!cur ? (
        <div className="muted pad">{w.unitFunnelNone}</div>
      ) : (
        <div className="two-col">
          <TableWrap label={w.unitFunnel}>
            <table className="list-table">
              <tbody>
                {sorted.map(({ f, p }) => {
                  const v = zoneVerdict(p.zone, f.direction);
                  const m = run.indicators.find((x) => x.id === f.indicator);
                  return (
                    <tr key={f.indicator} className={f.indicator === cur.f.indicator ? 'on' : ''} onClick={() => setPick(f.indicator)} data-testid="unit-funnel-row">
                      <td>
                        <button className="link">{indName(run, f.indicator, i18n.pick)}</button>
                      </td>
                      <td className="num mono">{fmtValue(m?.unit ?? 'percent', p.rate, i18n.lang)}</td>
                      <td className={v === 'worse' ? 'down' : v === 'better' ? 'up' : 'muted'}>{w.zones[p.zone]}</td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </TableWrap>
          <FunnelChart run={run} indicator={cur.f.indicator} highlight={unitId} />
        </div>
      )}
    </section>
  );
}

/** 稳健性: each unit's rank under the geometric mean's zero floors. */
export function GeometricFloors({ run }: { run: Run }) {
  const { w } = useWords();
  const g = run.robustness?.geometric_floors;
  if (!g) return null;
  const rows = [...g.ranks].sort((a, b) => (a.ranks[g.floors.indexOf(g.used)] ?? 99) - (b.ranks[g.floors.indexOf(g.used)] ?? 99));
  return (
    <section className="panel" data-testid="geometric-floors">
      <div className="panel-head">
        <h2>{w.floorsTitle}</h2>
      </div>
      <p className="muted small pad-x">{w.floorsNote(g.used)}</p>
      <table className="list-table">
        <thead>
          <tr>
            <th>{w.smallCols.unit}</th>
            {g.floors.map((f) => (
              <th key={f} className="num">
                {f}
                {f === g.used ? ' *' : ''}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.entity_id}>
              <td>{unitName(run, r.entity_id)}</td>
              {r.ranks.map((x, k) => (
                <td key={k} className="num mono">
                  {x ?? '—'}
                  <span className="muted small"> ({r.totals[k] === null ? '—' : r.totals[k]!.toFixed(1)})</span>
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

/** 指标体系: the discrimination audit of the current run. */
export function AuditPanel({ run }: { run: Run | null | undefined }) {
  const { i18n, w } = useWords();
  const a = run?.audit;
  return (
    <section className="panel" data-testid="audit-panel">
      <div className="panel-head">
        <h2>
          <Icon name="check" /> {w.auditTitle}
        </h2>
        {a && (
          <span className={`badge ${a.passed ? 'ok' : 'bad'}`} data-testid="audit-verdict">
            {a.passed ? w.auditPassed(a.warnings) : w.auditFailed(a.failures)}
          </span>
        )}
      </div>
      <p className="muted small pad-x">{w.auditNote}</p>
      {!run || !a ? (
        <div className="muted pad">{w.auditNeedRun}</div>
      ) : (
        <>
          <p className="small pad-x">{w.auditBased(run.run_id, run.period.label)}</p>
          <TableWrap label={w.auditTitle}>
            <table className="list-table audit-table" data-testid="audit-table">
              <thead>
                <tr>
                  <th />
                  <th>{w.auditCols.indicator}</th>
                  <th className="num">{w.auditCols.n}</th>
                  <th className="num">{w.auditCols.at0}</th>
                  <th className="num">{w.auditCols.at100}</th>
                  <th>{w.auditCols.range}</th>
                  <th>{w.auditCols.goalposts}</th>
                  <th>{w.auditCols.issues}</th>
                </tr>
              </thead>
              <tbody>
                {a.indicators
                  .filter((x) => x.n > 0 || x.flags.length)
                  .map((x) => {
                    const m = run.indicators.find((y) => y.id === x.id);
                    const unit = m?.unit ?? 'ratio';
                    return (
                      <tr key={x.id} className={`sev-${x.severity}`} data-testid="audit-row" data-indicator={x.id}>
                        <td>{x.severity === 'fail' ? <span className="badge bad">✗</span> : x.severity === 'warn' ? <span className="badge warn">!</span> : ''}</td>
                        <td title={x.goalposts.note ?? ''}>{i18n.pick(x.name)}</td>
                        <td className="num mono">{x.n}</td>
                        <td className="num mono">{x.at0}</td>
                        <td className="num mono">{x.at100}</td>
                        <td className="mono small">{x.min === null ? '—' : `${fmtValue(unit, x.min, i18n.lang)} – ${fmtValue(unit, x.max, i18n.lang)}`}</td>
                        <td className="small" title={x.goalposts.note ?? ''}>
                          {fmtValue(unit, x.goalposts.lower, i18n.lang)} – {fmtValue(unit, x.goalposts.upper, i18n.lang)} [{x.goalposts.basis ? w.basisNames[x.goalposts.basis] : <span className="warn-text">{w.noBasis}</span>}]
                        </td>
                        <td className="small">{x.flags.map((f) => i18n.pick(AUDIT_FLAG_TEXT[f])).join('；')}</td>
                      </tr>
                    );
                  })}
              </tbody>
            </table>
          </TableWrap>
          {a.redundant.length > 0 && (
            <ul className="notes-list small">
              {a.redundant.map((r) => (
                <li key={`${r.a}-${r.b}`} className="warn-text">
                  {w.redundant(indName(run, r.a, i18n.pick), indName(run, r.b, i18n.pick), r.r.toFixed(3))}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

/** 指标体系: the audit of the run shown in 评估结果 (the latest when none is chosen). */
export function IndexAudit() {
  const app = useApp();
  const { result } = useResult(app.runId);
  if (!app.workspace) return null;
  return <AuditPanel run={result} />;
}

/** Where an indicator's goalposts come from, under the goalposts (指标体系). */
export function GoalpostBasis({ goalposts }: { goalposts: { basis?: string; note?: string } }) {
  const { w } = useWords();
  return (
    <>
      <dt>{w.basisTitle}</dt>
      <dd className="small" data-testid="goalpost-basis">
        {goalposts.basis ? <b>{w.basisNames[goalposts.basis] ?? goalposts.basis}</b> : <span className="warn-text">{w.noBasis}</span>}
        {goalposts.note ? `：${goalposts.note}` : ''}
      </dd>
    </>
  );
}

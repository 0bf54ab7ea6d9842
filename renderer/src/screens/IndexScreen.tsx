// 指标体系: the index tree (dimensions → indicators) with definitions, direction, goalposts, targets
// and their sources, applicability; edit weights (numbers, an AHP pairwise matrix with its CR live,
// entropy as a method), goalposts; save as a new version, checked in full by the engine with the
// errors shown in place; choose which index system evaluations use.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { IndexDetail, IndexError, IndexList, InputOf } from '../../../electron/contract';
import { ahp, CR_THRESHOLD, formatJudgement, mostInconsistentJudgement } from '../../../analytics/scoring/weights';
import { ApiError } from '../api/client';
import { Empty, ErrorBox, Icon, TableWrap } from '../components/Common';
import { Provenance } from '../components/Provenance';
import { GoalpostBasis, IndexAudit } from '../components/MethodPanels';
import { fmtValue, opText } from '../engine';
import { useI18n } from '../i18n';
import { useApp } from '../state';

type Edits = InputOf<'index.save'>['edits'];
type Sys = IndexDetail['system'];
type Node = { kind: 'dim'; id: string } | { kind: 'ind'; id: string } | { kind: 'red'; id: string };

const SCALE = [9, 8, 7, 6, 5, 4, 3, 2, 1, 1 / 2, 1 / 3, 1 / 4, 1 / 5, 1 / 6, 1 / 7, 1 / 8, 1 / 9];

function countEdits(e: Edits): number {
  return (e.weights ? 1 : 0) + Object.keys(e.dimensions ?? {}).length + Object.keys(e.indicators ?? {}).length;
}

function nextVersion(v: string): string {
  const m = /^(.*?)(\d+)$/.exec(v);
  return m ? `${m[1]}${Number(m[2]) + 1}` : `${v}.1`;
}

/** The error's node: by its id, or by its path's list index. */
function errorNode(e: IndexError, sys: Sys): Node | null {
  const m = /^(dimensions|indicators|red_lines)\[(\d+)\]/.exec(e.path);
  if (!m) return null;
  const list = m[1] === 'dimensions' ? sys.dimensions : m[1] === 'indicators' ? sys.indicators : sys.red_lines;
  const id = e.id ?? list[Number(m[2])]?.id;
  if (!id) return null;
  return { kind: m[1] === 'dimensions' ? 'dim' : m[1] === 'indicators' ? 'ind' : 'red', id };
}

export function IndexScreen() {
  const app = useApp();
  const i18n = useI18n();
  const { t } = i18n;
  const [list, setList] = useState<IndexList | null>(null);
  const [path, setPath] = useState<string | null>(null);
  const [detail, setDetail] = useState<IndexDetail | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [edits, setEdits] = useState<Edits>({});
  const [node, setNode] = useState<Node | null>(null);
  const [version, setVersion] = useState('');
  const [where, setWhere] = useState<'workspace' | 'state'>('workspace');
  const [errors, setErrors] = useState<IndexError[]>([]);
  const [saving, setSaving] = useState(false);

  const loadList = useCallback(() => {
    app.client.call('index.list', {}).then(
      (l) => {
        setList(l);
        setPath((p) => p ?? l.selected);
      },
      (e: unknown) => setError(e instanceof ApiError ? e : null),
    );
  }, [app.client]);
  useEffect(loadList, [loadList, app.workspace?.path]);
  useEffect(() => {
    if (!path) return;
    app.client.call('index.get', { path }).then(
      (d) => {
        setDetail(d);
        setEdits({});
        setErrors([]);
        setVersion(nextVersion(d.system.version));
        setNode((n) => n ?? { kind: 'dim', id: d.system.dimensions[0]!.id });
      },
      (e: unknown) => setError(e instanceof ApiError ? e : null),
    );
  }, [app.client, path]);

  const sys = detail?.system;
  const dimWeight = (id: string) => edits.dimensions?.[id]?.weight ?? sys?.dimensions.find((d) => d.id === id)?.weight ?? 0;
  const indWeight = (id: string) => edits.indicators?.[id]?.weight ?? sys?.indicators.find((d) => d.id === id)?.weight ?? 0;
  const method = edits.weights ?? sys?.method.weights ?? 'equal';
  const errorIds = useMemo(() => new Set(sys ? errors.map((e) => errorNode(e, sys)).filter((n): n is Node => !!n).map((n) => `${n.kind}:${n.id}`) : []), [errors, sys]);
  // live AHP checks of every edited or existing matrix
  const ahpBad = useMemo(() => {
    if (!sys) return [] as string[];
    return sys.dimensions
      .filter((d) => {
        const m = edits.dimensions?.[d.id]?.ahp === null ? undefined : (edits.dimensions?.[d.id]?.ahp ?? d.ahp);
        if (!m) return false;
        try {
          return ahp(m, d.name.zh).cr >= CR_THRESHOLD;
        } catch {
          return true;
        }
      })
      .map((d) => d.id);
  }, [sys, edits]);

  const setDim = (id: string, patch: NonNullable<Edits['dimensions']>[string]) => setEdits((e) => ({ ...e, dimensions: { ...e.dimensions, [id]: { ...e.dimensions?.[id], ...patch } } }));
  const setInd = (id: string, patch: NonNullable<Edits['indicators']>[string]) => setEdits((e) => ({ ...e, indicators: { ...e.indicators, [id]: { ...e.indicators?.[id], ...patch } } }));

  const save = async () => {
    if (!detail) return;
    setSaving(true);
    setErrors([]);
    try {
      const r = await app.client.call('index.save', { base: detail.info.path, version, edits, where: app.workspace ? where : 'state', select: !!app.workspace });
      if (r.saved) {
        app.notify('ok', t.e.saved(r.saved.version, t.e.locations[r.saved.location] ?? r.saved.location));
        setPath(r.saved.path);
        loadList();
      } else {
        setErrors(r.errors);
        const first = sys ? errorNode(r.errors[0]!, sys) : null;
        if (first) setNode(first);
      }
    } catch (e) {
      setError(e instanceof ApiError ? e : null);
    } finally {
      setSaving(false);
    }
  };

  const select = async (p: string) => {
    try {
      setList(await app.client.call('index.select', { path: p }));
    } catch (e) {
      app.notify('error', e instanceof ApiError ? i18n.err(e.info) : String(e));
    }
  };

  const info = detail?.info;
  const nEdits = countEdits(edits);
  return (
    <div className="screen" data-testid="screen-index">
      <header className="screen-head row">
        <h1>{t.e.indexTitle}</h1>
        <label className="toolbar inline index-pick">
          <select value={path ?? ''} onChange={(e) => setPath(e.target.value)} data-testid="index-select" title={info ? `${i18n.pick(info.name)} · v${info.version}` : ''}>
            {(list?.systems ?? []).map((s) => (
              <option key={s.path} value={s.path}>
                {i18n.pick(s.name)} · v{s.version} · {t.e.locations[s.location]}
                {list?.selected === s.path ? ` · ${t.e.inUse}` : ''}
              </option>
            ))}
          </select>
        </label>
        {info && list && list.selected !== info.path && app.workspace && (
          <button className="btn small" onClick={() => void select(info.path)} data-testid="index-use">
            {t.e.useForEval}
          </button>
        )}
        {info && list?.selected === info.path && <span className="badge ok">{t.e.inUse}</span>}
        <div className="spacer" />
      </header>
      <p className="muted small pad-x">{t.e.indexNote}</p>
      {error && <ErrorBox error={error.info} onClose={() => setError(null)} />}
      {!sys && !error && <div className="muted pad">{t.common.loading}</div>}
      {sys && (
        <>
          <div className="save-bar" data-testid="index-save-bar">
            <label>
              {t.e.weights}
              <select value={method} onChange={(e) => setEdits((x) => ({ ...x, weights: e.target.value as Edits['weights'] }))} data-testid="weight-method">
                {(['equal', 'expert', 'ahp', 'entropy'] as const).map((m) => (
                  <option key={m} value={m}>
                    {t.e.weightNames[m]}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t.e.version}
              <input value={version} onChange={(e) => setVersion(e.target.value)} className="version-input" data-testid="index-version" />
            </label>
            {app.workspace && (
              <label>
                {t.e.saveWhere}
                <select value={where} onChange={(e) => setWhere(e.target.value as 'workspace' | 'state')}>
                  <option value="workspace">{t.e.locations.workspace}</option>
                  <option value="state">{t.e.locations.state}</option>
                </select>
              </label>
            )}
            <span className="muted small">{nEdits ? t.e.changed(nEdits) : ''}</span>
            <div className="spacer" />
            {nEdits > 0 && (
              <button className="btn small ghost" onClick={() => { setEdits({}); setErrors([]); }}>
                {t.e.reset}
              </button>
            )}
            <button className="btn primary small" disabled={saving || !version.trim() || ahpBad.length > 0} onClick={() => void save()} data-testid="index-save" title={ahpBad.length ? t.e.crBad : ''}>
              {t.e.saveVersion}
            </button>
          </div>
          {errors.length > 0 && (
            <div className="error-box" role="alert" data-testid="index-errors">
              <Icon name="alert" />
              <div className="error-text">
                <div className="error-main">{t.e.errors(errors.length)}</div>
                <ul className="index-errors">
                  {errors.map((e, k) => (
                    <li key={k}>
                      <button className="link mono small" onClick={() => { const n = errorNode(e, sys); if (n) setNode(n); }}>
                        {e.path}
                      </button>{' '}
                      {e.message}
                    </li>
                  ))}
                </ul>
              </div>
            </div>
          )}
          <div className="index-layout">
            <section className="panel index-tree" data-testid="index-tree">
              <ul>
                {sys.dimensions.map((d) => (
                  <li key={d.id}>
                    <button className={`tree-node dim${node?.kind === 'dim' && node.id === d.id ? ' on' : ''}${errorIds.has(`dim:${d.id}`) || ahpBad.includes(d.id) ? ' has-error' : ''}`} onClick={() => setNode({ kind: 'dim', id: d.id })} data-testid="tree-dim">
                      <span className="grow">{i18n.pick(d.name)}</span>
                      <span className="mono small">{dimWeight(d.id)}</span>
                    </button>
                    <ul>
                      {sys.indicators
                        .filter((x) => x.dimension === d.id)
                        .map((x) => (
                          <li key={x.id}>
                            <button className={`tree-node${node?.kind === 'ind' && node.id === x.id ? ' on' : ''}${errorIds.has(`ind:${x.id}`) ? ' has-error' : ''}${edits.indicators?.[x.id] ? ' edited' : ''}`} onClick={() => setNode({ kind: 'ind', id: x.id })} data-testid="tree-ind">
                              <span className="grow ellipsis">{i18n.pick(x.name)}</span>
                              {x.target && <Provenance source={x.target.source} note={x.target.note} />}
                              <span className="mono small muted">{indWeight(x.id)}</span>
                            </button>
                          </li>
                        ))}
                    </ul>
                  </li>
                ))}
                {sys.red_lines.length > 0 && (
                  <li>
                    <div className="tree-node dim static">{t.e.redLines}</div>
                    <ul>
                      {sys.red_lines.map((r) => (
                        <li key={r.id}>
                          <button className={`tree-node${node?.kind === 'red' && node.id === r.id ? ' on' : ''}`} onClick={() => setNode({ kind: 'red', id: r.id })}>
                            <span className="grow ellipsis">{i18n.pick(r.name)}</span>
                            {r.veto && <span className="badge bad">{t.e.veto}</span>}
                          </button>
                        </li>
                      ))}
                    </ul>
                  </li>
                )}
              </ul>
            </section>
            <section className="panel index-detail" data-testid="index-detail">
              {!node && <p className="muted pad">{t.e.selectNode}</p>}
              {node?.kind === 'dim' && <DimensionPanel sys={sys} id={node.id} edits={edits} method={method} setDim={setDim} errors={errors.filter((e) => errorNode(e, sys)?.id === node.id)} />}
              {node?.kind === 'ind' && <IndicatorPanel sys={sys} id={node.id} edits={edits} setInd={setInd} errors={errors.filter((e) => errorNode(e, sys)?.id === node.id)} />}
              {node?.kind === 'red' && <RedLinePanel sys={sys} id={node.id} />}
            </section>
          </div>
          <IndexAudit />
        </>
      )}
    </div>
  );
}

function FieldErrors({ errors, at }: { errors: IndexError[]; at: string }) {
  const mine = errors.filter((e) => e.path.includes(at));
  if (!mine.length) return null;
  return (
    <div className="field-error" data-testid="field-error">
      {mine.map((e, k) => (
        <div key={k}>
          <span className="mono">{e.path}</span> {e.message}
        </div>
      ))}
    </div>
  );
}

function NumberInput({ value, onChange, testId, step = 'any', label }: { value: number; onChange: (v: number) => void; testId?: string; step?: string; label: string }) {
  const [text, setText] = useState(String(value));
  useEffect(() => setText(String(value)), [value]);
  return (
    <input
      className="num-input"
      type="number"
      aria-label={label}
      step={step}
      value={text}
      data-testid={testId}
      onChange={(e) => {
        setText(e.target.value);
        const v = Number(e.target.value);
        if (e.target.value.trim() !== '' && Number.isFinite(v)) onChange(v);
      }}
    />
  );
}

function DimensionPanel({ sys, id, edits, method, setDim, errors }: { sys: Sys; id: string; edits: Edits; method: string; setDim: (id: string, p: NonNullable<Edits['dimensions']>[string]) => void; errors: IndexError[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const d = sys.dimensions.find((x) => x.id === id)!;
  const members = sys.indicators.filter((x) => x.dimension === id);
  const edited = edits.dimensions?.[id];
  const matrix = edited?.ahp === null ? undefined : (edited?.ahp ?? d.ahp);
  const result = useMemo(() => {
    if (!matrix) return null;
    try {
      return { ok: true as const, r: ahp(matrix, d.name.zh) };
    } catch (e) {
      return { ok: false as const, message: (e as Error).message };
    }
  }, [matrix, d.name.zh]);
  const worst = result?.ok && result.r.cr >= CR_THRESHOLD ? mostInconsistentJudgement(matrix!, result.r.weights) : null;
  const setCell = (i: number, j: number, v: number) => {
    const m = matrix!.map((row) => [...row]);
    m[i]![j] = v;
    m[j]![i] = 1 / v;
    setDim(id, { ahp: m });
  };
  return (
    <div className="pad-x" data-testid="dimension-panel">
      <h2>{i18n.pick(d.name)}</h2>
      <dl className="kv kv2">
        <dt>{t.e.weight}</dt>
        <dd>
          <NumberInput value={edited?.weight ?? d.weight} onChange={(v) => setDim(id, { weight: v })} testId="dim-weight" label={t.e.weight} />
        </dd>
        <dt>{t.e.indicator}</dt>
        <dd>{members.length}</dd>
      </dl>
      <FieldErrors errors={errors} at={`dimensions[`} />
      {method === 'entropy' && <p className="muted small">{t.e.entropyNote}</p>}
      <h3>{t.e.ahp}</h3>
      <p className="muted small">{t.e.ahpNote}</p>
      {!matrix ? (
        <button className="btn small" onClick={() => setDim(id, { ahp: members.map((_, i) => members.map((__, j) => (i === j ? 1 : 1))) })} data-testid="ahp-start">
          {t.e.ahpStart}
        </button>
      ) : (
        <>
          <TableWrap label={t.e.ahp}>
            <table className="ahp" data-testid="ahp-matrix">
              <thead>
                <tr>
                  <th />
                  {members.map((m, j) => (
                    <th key={m.id} title={i18n.pick(m.name)}>
                      {j + 1}
                    </th>
                  ))}
                  <th>{t.e.ahpWeights}</th>
                </tr>
              </thead>
              <tbody>
                {members.map((m, i) => (
                  <tr key={m.id}>
                    <th className="ellipsis" title={i18n.pick(m.name)}>
                      {i + 1}. {i18n.pick(m.name)}
                    </th>
                    {members.map((_, j) => (
                      <td key={j} className={worst && ((worst.i === i && worst.j === j) || (worst.i === j && worst.j === i)) ? 'worst' : ''}>
                        {i === j ? (
                          '1'
                        ) : i < j ? (
                          <select value={String(matrix[i]![j])} onChange={(e) => setCell(i, j, Number(e.target.value))} aria-label={`${i + 1}:${j + 1}`} data-testid={`ahp-${i}-${j}`}>
                            {SCALE.map((v) => (
                              <option key={v} value={String(v)}>
                                {formatJudgement(v)}
                              </option>
                            ))}
                            {!SCALE.some((v) => Math.abs(v - matrix[i]![j]!) < 1e-9) && <option value={String(matrix[i]![j])}>{formatJudgement(matrix[i]![j]!)}</option>}
                          </select>
                        ) : (
                          <span className="muted">{formatJudgement(matrix[i]![j]!)}</span>
                        )}
                      </td>
                    ))}
                    <td className="num mono">{result?.ok ? `${(result.r.weights[i]! * 100).toFixed(1)}%` : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableWrap>
          {result?.ok ? (
            <div className={`cr ${result.r.cr >= CR_THRESHOLD ? 'bad' : 'good'}`} data-testid="ahp-cr">
              <b>{t.e.cr(result.r.cr.toFixed(3))}</b> — {result.r.cr >= CR_THRESHOLD ? `${t.e.crBad}${worst ? `（${worst.i + 1} : ${worst.j + 1} = ${formatJudgement(worst.value)}，≈ ${formatJudgement(Math.round(worst.implied * 10) / 10)}）` : ''}。` : t.e.crOk}
            </div>
          ) : (
            result && <div className="cr bad">{result.message}</div>
          )}
          <button className="btn small ghost" onClick={() => setDim(id, { ahp: null })}>
            {t.e.ahpRemove}
          </button>
        </>
      )}
    </div>
  );
}

function IndicatorPanel({ sys, id, edits, setInd, errors }: { sys: Sys; id: string; edits: Edits; setInd: (id: string, p: NonNullable<Edits['indicators']>[string]) => void; errors: IndexError[] }) {
  const i18n = useI18n();
  const { t } = i18n;
  const x = sys.indicators.find((v) => v.id === id)!;
  const e = edits.indicators?.[id];
  const gp = e?.goalposts ?? x.goalposts;
  const dim = sys.dimensions.find((d) => d.id === x.dimension);
  const applies = [x.applies_to.county ? t.e.appliesCounty : null, x.applies_to.units === true ? t.e.appliesUnits : Array.isArray(x.applies_to.units) ? `${t.e.appliesUnits}（${x.applies_to.units.join('、')}）` : null].filter(Boolean).join(' · ') || t.e.appliesNone;
  const show = (v: number) => fmtValue(x.unit, v / (x.unit === 'percent' ? 1 : 1), i18n.lang);
  return (
    <div className="pad-x" data-testid="indicator-panel">
      <h2>{i18n.pick(x.name)}</h2>
      <p className="definition">{i18n.lang === 'en' && x.definition_en ? x.definition_en : x.definition}</p>
      <dl className="kv kv2">
        <dt>{t.e.dimension}</dt>
        <dd>{dim ? i18n.pick(dim.name) : x.dimension}</dd>
        <dt>{t.e.direction}</dt>
        <dd>{x.direction === 'higher' ? `↑ ${t.e.higher}` : `↓ ${t.e.lower}`}</dd>
        <dt>{t.e.kind}</dt>
        <dd>
          {t.e.kinds[x.kind]}
          {x.unit !== 'ratio' && x.unit !== x.kind ? ` · ${t.ux.units[x.unit] ?? x.unit}` : ''}
        </dd>
        <dt>{t.e.weight}</dt>
        <dd>
          <NumberInput value={e?.weight ?? x.weight} onChange={(v) => setInd(id, { weight: v })} testId="ind-weight" label={t.e.weight} />
        </dd>
        <dt>{t.e.goalposts}</dt>
        <dd className="row gap">
          <NumberInput value={gp.lower} onChange={(v) => setInd(id, { goalposts: { lower: v, upper: gp.upper } })} testId="gp-lower" label={t.e.gpLower} />
          <span>–</span>
          <NumberInput value={gp.upper} onChange={(v) => setInd(id, { goalposts: { lower: gp.lower, upper: v } })} testId="gp-upper" label={t.e.gpUpper} />
          <span className="muted small">
            （{show(gp.lower)} – {show(gp.upper)}）
          </span>
        </dd>
        <GoalpostBasis goalposts={x.goalposts} />
        {x.target && (
          <>
            <dt>{t.e.target}</dt>
            <dd>
              {opText(x.target.op)} {fmtValue(x.unit, x.target.value, i18n.lang)} <Provenance source={x.target.source} note={x.target.note} />
              <div className="muted small">{x.target.note}</div>
            </dd>
          </>
        )}
        <dt>{t.e.appliesTo}</dt>
        <dd>{applies}</dd>
        {x.min_denominator > 0 && (
          <>
            <dt>{t.e.minDen}</dt>
            <dd>{x.min_denominator}</dd>
          </>
        )}
        {x.deduction && (
          <>
            <dt>{t.e.deduction}</dt>
            <dd>{t.e.deductionText(x.deduction.full, x.deduction.per_occurrence, x.deduction.cap)}</dd>
          </>
        )}
      </dl>
      <FieldErrors errors={errors} at="indicators[" />
      {x.note && <p className="muted small">{x.note}</p>}
      <details className="sql">
        <summary>{t.ux.techInfo}</summary>
        <div className="muted small mono">{x.id}</div>
        <pre>{x.sql.trim()}</pre>
      </details>
    </div>
  );
}

function RedLinePanel({ sys, id }: { sys: Sys; id: string }) {
  const i18n = useI18n();
  const { t } = i18n;
  const r = sys.red_lines.find((v) => v.id === id)!;
  return (
    <div className="pad-x">
      <h2>
        {i18n.pick(r.name)} {r.veto && <span className="badge bad">{t.e.veto}</span>}
      </h2>
      <dl className="kv kv2">
        <dt>{t.e.basis}</dt>
        <dd>{r.basis}</dd>
      </dl>
      <details className="sql">
        <summary>{t.ux.techInfo}</summary>
        <div className="muted small mono">{r.id}</div>
        <pre>{r.sql.trim()}</pre>
      </details>
    </div>
  );
}

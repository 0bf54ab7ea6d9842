// Shared pieces of the engine's screens: saved runs and results (cached per run), value formatting,
// and what to do with a file the engine wrote (show it in its folder, or download it).
import { useCallback, useEffect, useState } from 'react';
import type { EvaluationResult, ExportedFile, RunInfo } from '../../electron/contract';
import { ApiError, type Client } from './api/client';
import { periodText } from '../../analytics/eval/period';
import type { I18n } from './i18n';
import { useApp } from './state';

/** Per open workspace (its info object: a reopened, re-created or re-imported workspace is a new
 * one, so run ids of another file never mix in): results by run id, and per data version (every
 * import, undo and new run bumps it) the saved runs and which run "the latest" was — 评估结果, 明细
 * and 问题线索 then paint from memory at once instead of asking again. */
interface Memo {
  results: Map<number, EvaluationResult>;
  runs: Map<number, RunInfo[]>;
  latest: Map<number, number>;
}
const known = new WeakMap<object, Memo>();
function memo(ws: object | null): Memo {
  if (!ws) return { results: new Map(), runs: new Map(), latest: new Map() };
  let m = known.get(ws);
  if (!m) known.set(ws, (m = { results: new Map(), runs: new Map(), latest: new Map() }));
  return m;
}

export function useRuns(): { runs: RunInfo[] | null; error: ApiError | null; reload: () => void } {
  const app = useApp();
  const cache = memo(app.workspace).runs;
  const version = app.dataVersion;
  const [runs, setRuns] = useState<RunInfo[] | null>(cache.get(version) ?? null);
  const [error, setError] = useState<ApiError | null>(null);
  const load = useCallback(() => {
    if (!app.workspace) return;
    app.client.call('evaluate.runs', {}).then(
      (r) => {
        cache.set(version, r);
        setRuns(r);
        setError(null);
      },
      (e: unknown) => setError(e instanceof ApiError ? e : null),
    );
  }, [app.client, app.workspace, cache, version]);
  useEffect(() => {
    const cached = cache.get(version);
    if (cached) setRuns(cached);
    else load();
  }, [load, cache, version]);
  return { runs, error, reload: load };
}

/** The result of a run (the latest when runId is null); undefined while loading, null when there is none. */
export function useResult(runId: number | null): { result: EvaluationResult | null | undefined; error: ApiError | null; readyAt: number } {
  const app = useApp();
  const { results, latest } = memo(app.workspace);
  const version = app.dataVersion;
  const id = runId ?? latest.get(version) ?? null;
  const [result, setResult] = useState<EvaluationResult | null | undefined>(id !== null ? results.get(id) : undefined);
  const [error, setError] = useState<ApiError | null>(null);
  const [readyAt, setReadyAt] = useState(() => (id !== null && results.has(id) ? performance.now() : 0));
  useEffect(() => {
    if (!app.workspace) return;
    if (id !== null && results.has(id)) {
      setResult(results.get(id));
      setReadyAt(performance.now());
      return;
    }
    let live = true;
    app.client.call('evaluate.results', runId !== null ? { runId } : {}).then(
      (r) => {
        if (r) results.set(r.run_id, r);
        if (runId === null && r) latest.set(version, r.run_id);
        if (!live) return;
        setResult(r);
        setError(null);
        setReadyAt(performance.now());
      },
      (e: unknown) => live && setError(e instanceof ApiError ? e : null),
    );
    return () => {
      live = false;
    };
  }, [app.client, app.workspace, runId, id, results, latest, runId === null ? version : 0]);
  return { result, error, readyAt };
}

/** An indicator value as people read it: 97.5%, 3, 12.0 学时. */
export function fmtValue(unit: string, x: number | null | undefined, lang: I18n['lang']): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '—';
  switch (unit) {
    case 'percent':
      return `${(x * 100).toFixed(1)}%`;
    case 'count':
      return Number.isInteger(x) ? String(x) : x.toFixed(1);
    case 'hours':
      return `${x.toFixed(1)}${lang === 'en' ? ' h' : ' 学时'}`;
    case 'per100':
      return x.toFixed(2);
    default:
      return x.toFixed(2);
  }
}

export function fmtScore(x: number | null | undefined): string {
  return x === null || x === undefined || !Number.isFinite(x) ? '—' : x.toFixed(1);
}

export function opText(op: string): string {
  return op === '>=' ? '≥' : op === '<=' ? '≤' : '=';
}

/** The link of an exported file in the browser host (null in the desktop app): no token in it —
 *  clicking it goes through downloadClick, which asks for a one-time ticket. */
export function downloadHref(f: ExportedFile): string | null {
  if (!f.download) return null;
  return `/api/download?file=${encodeURIComponent(f.download)}`;
}

/** The click handler of a download link: the file by a one-time ticket (see Client.download). */
export function downloadClick(client: Client, f: ExportedFile, onError: (e: unknown) => void): (e: { preventDefault(): void }) => void {
  return (e) => {
    e.preventDefault();
    if (f.download) void client.download(f.download, f.name).catch(onError);
  };
}

/** A saved run as listed: its period and comparison as people read them, and the index version. */
export function runText(r: { run_id: number; period: string; compare: string | null; index_version: string }, i18n: I18n): string {
  return i18n.t.e.runLabel(r.run_id, periodText(r.period, i18n.lang), r.compare ? periodText(r.compare, i18n.lang) : null, r.index_version);
}

// The service's memo of overview and lineage pages: one computation per generation of the data, a
// copy for every caller (the worker transfers Arrow bytes away), and a new answer once the data
// changed — checked on the imported sample: the listing against the run's own number, the overview
// against the import's count of loaded rows.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { tempDir } from '../../analytics/test/helpers.js';
import { REPO } from '../../analytics/test/paths.js';
import type { EvaluationResult, EventName, ImportRun, LineagePageOut, Result, RunInfo } from '../contract.js';
import type { Overview } from '../../analytics/overview/overview.js';
import { DataMemo } from './memo.js';
import { AnalyticsService } from './service.js';

describe('DataMemo', () => {
  it('computes once per generation, hands out copies, forgets failures', async () => {
    const memo = new DataMemo(2);
    let runs = 0;
    const compute = async () => ({ n: ++runs, bytes: new Uint8Array([1, 2, 3]) });
    const a = await memo.get('k', 1, compute);
    a.n = 99;
    // what the worker does to a result: its byte arrays are transferred, which detaches them
    structuredClone(a, { transfer: [a.bytes.buffer as ArrayBuffer] });
    expect(a.bytes.length).toBe(0);
    for (let i = 0; i < 2; i++) {
      const b = await memo.get('k', 1, compute);
      expect(b).toEqual({ n: 1, bytes: new Uint8Array([1, 2, 3]) });
      structuredClone(b, { transfer: [b.bytes.buffer as ArrayBuffer] });
    }
    expect(runs).toBe(1);
    expect((await memo.get('k', 2, compute)).n).toBe(2); // the data changed
    await expect(memo.get('bad', 2, () => Promise.reject(new Error('no')))).rejects.toThrow('no');
    expect(await memo.get('bad', 2, async () => 'ok')).toBe('ok');
    // at most `max` entries: the least recently used goes first
    await memo.get('x', 2, async () => 'x');
    await memo.get('k', 2, compute);
    expect(runs).toBe(3);
  });
});

const services: AnalyticsService[] = [];
afterEach(async () => {
  while (services.length) await services.pop()!.shutdown();
});

describe('the service’s memo over the sample', () => {
  it('answers overview and lineage from memory until an import changes the data', async () => {
    const svc = new AnalyticsService({ stateDir: tempDir(), sampleDir: null, emit: (_e: EventName) => undefined });
    services.push(svc);
    const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
      const r = (await svc.dispatch(method, input)) as Result<T>;
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.en}`);
      return r.value;
    };
    const ws = join(tempDir(), 'shengsi.duckdb');
    copyFileSync(inject('sampleWorkspace'), ws);
    await call('workspace.open', { path: ws });
    const info = await call<RunInfo>('evaluate.run', { jobId: 'e', period: '2024', draws: 0 });
    const run = (await call<EvaluationResult>('evaluate.results', { runId: info.run_id }))!;
    const q = { runId: info.run_id, entityId: 'COUNTY', indicatorId: 'uncertified_acts', offset: 0, limit: 500 };
    const numerator = run.entities.find((e) => e.entity_id === 'COUNTY')!.indicators.uncertified_acts!.numerator!;
    expect(numerator).toBeGreaterThan(0);

    for (let i = 0; i < 3; i++) {
      const page = await call<LineagePageOut>('lineage.get', q);
      expect(tableFromIPC(page.arrow).numRows).toBe(numerator);
      expect(page.total).toBe(numerator);
      structuredClone(page, { transfer: [page.arrow.buffer as ArrayBuffer] }); // sent away, as the worker does
    }

    const before = await call<Overview>('overview.get');
    const cases = () => before.tables.find((t) => t.table === 'penalty_case')!.rows;
    const extra = join(REPO, 'samples/dirty/01_行政处罚案件_问题数据.csv');
    const r = await call<ImportRun>('import.run', { jobId: 'i', files: [{ path: extra }] });
    const loaded = (r.results[0] as { rows_loaded: number }).rows_loaded;
    expect(loaded).toBeGreaterThan(0);
    const after = await call<Overview>('overview.get');
    expect(after.tables.find((t) => t.table === 'penalty_case')!.rows).toBe(cases() + loaded);
    expect(after.totals.imports).toBe(before.totals.imports + 1);
  });
});

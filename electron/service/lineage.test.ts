// lineage.get through the service over a copy of the imported sample, for every indicator and red
// line of a run: each listing runs (derived relations — the index system's temporary views — are
// built on the read connection first) and an exact listing has as many rows as its number.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { tempDir } from '../../analytics/test/helpers.js';
import type { EvaluationResult, EventName, LineagePageOut, Result, RunInfo } from '../contract.js';
import { AnalyticsService } from './service.js';

const services: AnalyticsService[] = [];
afterEach(async () => {
  while (services.length) await services.pop()!.shutdown();
});

describe('lineage.get', () => {
  it('lists the records behind the county’s numbers, derived relations included', async () => {
    const svc = new AnalyticsService({ stateDir: tempDir(), sampleDir: null, emit: (_e: EventName) => undefined });
    services.push(svc);
    const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
      const r = (await svc.dispatch(method, input)) as Result<T>;
      if (!r.ok) throw new Error(`${method} ${JSON.stringify(input)}: ${r.error.code} ${r.error.en}`);
      return r.value;
    };
    const ws = join(tempDir(), 'shengsi.duckdb');
    copyFileSync(inject('sampleWorkspace'), ws);
    await call('workspace.open', { path: ws });
    const info = await call<RunInfo>('evaluate.run', { jobId: 'e', period: '2024', draws: 0 });
    const run = (await call<EvaluationResult>('evaluate.results', { runId: info.run_id }))!;
    const county = run.entities.find((e) => e.entity_type === 'county')!;
    let checked = 0;
    for (const m of run.indicators) {
      const v = county.indicators[m.id];
      if (!v || !v.applicable || v.status === 'no_data') continue;
      // every listing runs (it threw on a missing derived relation before)
      const page = await call<LineagePageOut>('lineage.get', { runId: info.run_id, entityId: county.entity_id, indicatorId: m.id, offset: 0, limit: 1 });
      expect(page.columns.length, m.id).toBeGreaterThan(0);
      checked++;
    }
    expect(checked).toBeGreaterThan(20);
    // the listing of the e2e test: acts by officers without a valid certificate (reads officer_acts)
    const un = county.indicators['uncertified_acts']!;
    const page = await call<LineagePageOut>('lineage.get', { runId: info.run_id, entityId: county.entity_id, indicatorId: 'uncertified_acts', offset: 0, limit: 100 });
    expect(page.total).toBe(un.numerator);
  }, 120_000);
});

// lineage.get through the service over a copy of the imported sample, for every indicator and red
// line of a run: each listing runs (derived relations — the index system's temporary views — are
// built on the read connection first) and an exact listing has as many rows as its number.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { Workspace } from '../../analytics/workspace/workspace.js';
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

describe('names, not codes, in 明细', () => {
  it('shows unit short names and (unmasked) officers’ names, the codes at the end; search finds names, short names, full names and codes', async () => {
    const svc = new AnalyticsService({ stateDir: tempDir(), sampleDir: null, emit: (_e: EventName) => undefined });
    services.push(svc);
    const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
      const r = (await svc.dispatch(method, input)) as Result<T>;
      if (!r.ok) throw new Error(`${method} ${JSON.stringify(input)}: ${r.error.code} ${r.error.en}`);
      return r.value;
    };
    const ws = join(tempDir(), 'shengsi.duckdb');
    copyFileSync(inject('sampleWorkspace'), ws);
    // what the workspace itself says, read before the service opens it
    const direct = await Workspace.open(ws, { create: false });
    const units = await direct.db.all<{ unit_id: string; name: string; short_name: string }>(`SELECT unit_id, name, short_name FROM unit`);
    const officers = new Map((await direct.db.all<{ officer_id: string; name: string }>(`SELECT officer_id, arg_max(name, year) AS name FROM officer GROUP BY officer_id`)).map((o) => [o.officer_id, o.name]));
    direct.close();
    const short = new Map(units.map((u) => [u.unit_id, u.short_name]));
    const market = units.find((u) => u.short_name === '市场监管局')!;
    expect(market.name).toBe('嵊泗县市场监督管理局');

    await call('workspace.open', { path: ws });
    const info = await call<RunInfo>('evaluate.run', { jobId: 'e', period: '2024', draws: 0 });
    const q = { runId: info.run_id, entityId: 'COUNTY', indicatorId: 'overdue_rate', part: 'denominator' as const };
    const rows = async (extra: Record<string, unknown> = {}) => {
      const p = await call<LineagePageOut>('lineage.get', { ...q, offset: 0, limit: 2000, ...extra });
      const t = tableFromIPC(p.arrow);
      return { page: p, rows: t.toArray().map((r) => r.toJSON() as Record<string, unknown>) };
    };
    const all = await rows({ unmask: true });
    const names = all.page.columns.map((c) => c.name);
    // the index's denominator listing (full-body-check.yaml): since issue 11 it also holds cases
    // still open past their limit (办理情况 says which) and each case's limit with its extension
    // (办案期限); the unit's code comes last
    expect(names).toEqual(['案件编号', '执法主体', '立案日期', '处罚决定日期', '办理情况', '办案天数', '办案期限', '执法主体编码']);
    expect(all.rows.length).toBe(all.page.total);
    expect(all.rows.length).toBeGreaterThan(500);
    for (const r of all.rows) expect(r['执法主体']).toBe(short.get(String(r['执法主体编码'])));
    // an open case is listed only when past its limit at the period's end (2024-12-31)
    const open = all.rows.filter((r) => r['办理情况'] !== '期内作出决定');
    expect(open.length).toBeGreaterThan(0);
    for (const r of open) {
      expect(r['办理情况']).toBe('期末仍未决定且已超期');
      expect(Number(r['办案天数'])).toBeGreaterThan(Number(r['办案期限']));
    }
    // officers: names when unmasked, masked otherwise; their codes last
    const overdue = await call<LineagePageOut>('lineage.get', { ...q, part: 'numerator', offset: 0, limit: 2000, unmask: true });
    const ov = tableFromIPC(overdue.arrow).toArray().map((r) => r.toJSON() as Record<string, unknown>);
    expect(overdue.columns.map((c) => c.name).slice(-2)).toEqual(['执法主体编码', '承办人编码']);
    expect(ov.length).toBeGreaterThan(0);
    for (const r of ov) {
      const ids = [...((r['承办人编码'] as Iterable<string>) ?? [])];
      expect(ids.length).toBeGreaterThan(0);
      expect([...((r['承办人'] as Iterable<string>) ?? [])]).toEqual(ids.map((id) => officers.get(id) ?? id));
    }
    const masked = await call<LineagePageOut>('lineage.get', { ...q, part: 'numerator', offset: 0, limit: 2000 });
    expect(masked.masked).toBe(true);
    for (const r of tableFromIPC(masked.arrow).toArray()) for (const n of r.toJSON()['承办人'] as Iterable<string>) expect(n).toMatch(/^.\*+$/);

    // searching: the short name, a piece of the full name, the code all find the unit's rows
    const expected = all.rows.filter((r) => r['执法主体编码'] === market.unit_id).length;
    expect(expected).toBeGreaterThan(0);
    for (const search of ['市场监管', '市场监督管理局', market.unit_id]) {
      const found = await rows({ search, unmask: true });
      expect(found.page.total, search).toBe(expected);
      expect(found.rows.every((r) => r['执法主体'] === '市场监管局'), search).toBe(true);
      expect(found.page.unfiltered).toBe(all.page.total);
    }
    // sorting by the names
    const sorted = await rows({ orderBy: { column: '执法主体', desc: false } });
    const col = sorted.rows.map((r) => String(r['执法主体']));
    expect(col).toEqual([...col].sort());
  }, 120_000);
});


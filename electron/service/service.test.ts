// The contract's service methods over a real temporary workspace, in process (the worker and the
// transports are covered by the browser end-to-end test).
import { cpSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterEach, describe, expect, it } from 'vitest';
import { tempDir } from '../../analytics/test/helpers.js';
import type { EvaluationResult, EventName, Events, ImportRun, Page, PreviewOut, Result, SampleOut, WorkspaceInfo } from '../contract.js';
import { AnalyticsService } from './service.js';

const FIXTURES = join(import.meta.dirname, '../test/fixtures');

type Ev = { event: EventName; payload: unknown };

function make(opts: { sampleDir?: string | null; delay?: number } = {}) {
  const events: Ev[] = [];
  const state = tempDir('tijian-svc-');
  const svc = new AnalyticsService({
    stateDir: state,
    sampleDir: opts.sampleDir ?? null,
    ...(opts.delay ? { testImportDelay: { ms: opts.delay, match: '' } } : {}),
    emit: <E extends EventName>(event: E, payload: Events[E]) => events.push({ event, payload }),
  });
  services.push(svc);
  const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
    const r = (await svc.dispatch(method, input)) as Result<T>;
    if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.en}`);
    return r.value;
  };
  return { svc, events, state, call };
}

const services: AnalyticsService[] = [];
afterEach(async () => {
  while (services.length) await services.pop()!.shutdown();
});

describe('the analytics service', () => {
  it('creates a workspace, previews, imports, lists, pages rejected rows, undoes — with events', async () => {
    const { svc, events, state, call } = make();
    const info = await call<WorkspaceInfo>('workspace.create', { path: '测试' });
    expect(info.path).toBe(join(state, 'workspaces', '测试.duckdb'));
    expect(info.rows).toBe(0);
    expect(events.some((e) => e.event === 'workspace.changed')).toBe(true);

    const dirty = join(FIXTURES, 'extra', '行政处罚案件台账_问题数据.csv');
    const prev = await call<PreviewOut>('import.preview', { path: dirty });
    expect(prev.mapping?.table).toBe('penalty_case');
    expect(prev.problem).toBeNull();
    expect(prev.headers).toEqual(['案件编号', '执法机关', '立案日期', '罚款金额（元）', '适用程序']);
    const sample = tableFromIPC(prev.sample!);
    expect(sample.numRows).toBe(6); // the ragged line is not a row of the relation
    expect(sample.getChildAt(0)!.get(0)).toBe('B001');
    // the pre-check predicts exactly what the import will reject
    expect(prev.validation).toMatchObject({ rows: 7, rejected: 5 });
    expect(prev.validation!.reasons.map((r) => r.code)).toEqual(
      expect.arrayContaining(['filed_date.invalid', 'fine_amount.invalid', 'key.duplicate_in_file', 'row.ragged', 'case_id.required', 'filed_date.range', 'fine_amount.min']),
    );
    // an enum value matching nothing (特别程序) is not a reason to reject: the row has others
    expect(prev.validation!.reasons.map((r) => r.code)).not.toContain('procedure.invalid');

    // a dropped folder is walked into its data files (desktop), nothing passed over silently
    const ex = await call<{ files: string[]; skipped: unknown[]; missing: string[] }>('import.expand', { paths: [join(FIXTURES, 'sample'), join(FIXTURES, 'nope.csv')] });
    expect(ex.files.map((f) => f.split('/').pop())).toEqual(['执法人员花名册_2024年.csv', '执法单位名录.csv', '行政处罚案件台账_2024.csv', '行政检查记录_2023年（GBK）.csv']);
    expect(ex.missing).toEqual([join(FIXTURES, 'nope.csv')]);

    // nothing in it names a field: the closest table is offered, with what it lacks (no refusal)
    const unknown = await call<PreviewOut>('import.preview', { path: join(FIXTURES, 'extra', '会议纪要.csv') });
    expect(unknown.problem?.code).toBe('MAPPING_MISSING_REQUIRED');
    expect(unknown.mapping!.columns.every((c) => c.field === null)).toBe(true);

    const units = join(FIXTURES, 'sample', '执法单位名录.csv');
    const run = await call<ImportRun>('import.run', { jobId: 'job1', files: [{ path: units }, { path: dirty }, { path: join(FIXTURES, 'extra', '会议纪要.csv') }] });
    expect(run.totals).toMatchObject({ files: 3, failed: 1, rows_loaded: 9 + 2, rows_rejected: 5 });
    // the import itself refuses it as of no known table: no header comes close to any field
    expect(run.results[2]).toMatchObject({ error: { code: 'TABLE_UNKNOWN' } });
    const progress = events.filter((e) => e.event === 'job.progress').map((e) => e.payload as Events['job.progress']);
    expect(progress.length).toBeGreaterThan(3);
    expect(progress.every((p) => p.jobId === 'job1')).toBe(true);
    expect(progress.some((p) => p.file === '行政处罚案件台账_问题数据.csv' && p.fileIndex === 1 && p.fileCount === 3)).toBe(true);
    expect(events.find((e) => e.event === 'job.done')?.payload).toMatchObject({ jobId: 'job1', ok: true, cancelled: false });

    const log = await call<Array<{ import_id: number; file_name: string; status: string; rows_rejected: number }>>('import.list');
    expect(log.map((l) => [l.file_name, l.status, l.rows_rejected])).toEqual([
      ['行政处罚案件台账_问题数据.csv', 'done', 5],
      ['执法单位名录.csv', 'done', 0],
    ]);

    const page = await call<Page>('import.rejected', { importId: log[0]!.import_id, offset: 0, limit: 3 });
    expect(page.total).toBe(5);
    const t = tableFromIPC(page.arrow);
    expect(t.numRows).toBe(3);
    expect(page.columns.map((c) => c.name)).toEqual(t.schema.fields.map((f) => f.name));
    expect(t.getChild('line_no')!.get(0)).toBe(3);
    expect(String(t.getChild('reason_zh')!.get(0))).toMatch(/立案日期/);
    expect([...t.getChild('error_codes')!.get(0)!]).toContain('filed_date.invalid');
    expect(JSON.parse(String(t.getChild('raw')!.get(0)))).toMatchObject({ 案件编号: 'B002' });
    const page2 = await call<Page>('import.rejected', { importId: log[0]!.import_id, offset: 3, limit: 3 });
    expect(tableFromIPC(page2.arrow).numRows).toBe(2);

    const cases = await call<Page>('table.page', { table: 'penalty_case', offset: 0, limit: 10 });
    expect(cases.total).toBe(2);
    const ct = tableFromIPC(cases.arrow);
    // the unit's name where it was its id; the id in a column at the end
    expect(ct.getChild('unit_id')!.get(0)).toBe('综合执法局');
    expect(ct.getChild('unit_id__code')!.get(0)).toBe('ZH01');
    expect(cases.columns.slice(-3).map((c) => c.zh)).toEqual(['执法主体编码', '执法事项编码', '承办人编码']);
    // the two rows: B001 of 综合执法局 (ZH01) and B007 of 洋山镇. Found by the unit's short name, a
    // piece of its full name and its code; not by another unit's
    for (const search of ['综合执法', '综合行政执法局', 'zh01']) {
      const found = await call<Page>('table.page', { table: 'penalty_case', offset: 0, limit: 10, search });
      expect(found.total, search).toBe(1);
      expect(tableFromIPC(found.arrow).getChild('case_id')!.get(0)).toBe('B001');
    }
    expect((await call<Page>('table.page', { table: 'penalty_case', offset: 0, limit: 10, search: '市场监管' })).total).toBe(0);
    expect(ct.getChild('filed_date')!.get(0)).toBe(Date.UTC(2024, 2, 5));
    expect(ct.getChild('fine_amount')!.get(0)).toBe(200);

    const undo = await call<{ rows_removed: number }>('import.undo', { importId: log[0]!.import_id });
    expect(undo.rows_removed).toBe(2);
    expect((await call<Page>('table.page', { table: 'penalty_case', offset: 0, limit: 10 })).total).toBe(0);
    const again = await svc.dispatch('import.undo', { importId: log[0]!.import_id });
    expect(again).toMatchObject({ ok: false, error: { code: 'IMPORT_ALREADY_UNDONE' } });
    expect(events.filter((e) => e.event === 'data.changed').length).toBe(2);
  });

  it('applies an edited mapping and remembers it for files of the same layout', async () => {
    const { call } = make();
    await call('workspace.create', { path: 'm' });
    const dir = tempDir();
    const f = join(dir, '单位.csv');
    writeFileSync(f, '编码,全称,类别\nA1,甲单位,综合\n');
    const p = await call<PreviewOut>('import.preview', { path: f });
    // recognised, but only as a guess: bare 编码/全称/类别 say little
    expect(p.mapping!.tableConfidence).toBe('likely');
    expect(p.mapping!.columns.every((c) => c.confidence !== 'sure')).toBe(true);
    const mapping = { table: 'unit', columns: { 编码: 'unit_id', 全称: 'name', 类别: 'unit_type' } };
    const p2 = await call<PreviewOut>('import.preview', { path: f, mapping });
    expect(p2.problem).toBeNull();
    expect(p2.mapping?.origin).toBe('mapping-file');
    const run = await call<ImportRun>('import.run', { jobId: 'm1', files: [{ path: f, mapping }] });
    expect(run.totals.rows_loaded).toBe(1);
    const f2 = join(dir, '单位2.csv');
    writeFileSync(f2, '编码,全称,类别\nA2,乙单位,专业\n');
    const p3 = await call<PreviewOut>('import.preview', { path: f2 });
    expect(p3.mapping?.origin).toBe('remembered');
    expect(p3.problem).toBeNull();
  });

  it('answers clearly without a workspace, for reserved methods and for bad requests', async () => {
    const { svc } = make();
    expect(await svc.dispatch('overview.get', {})).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } });
    expect(await svc.dispatch('report.build', { jobId: 'e1', kind: 'county', format: 'pdf', period: '2024' })).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } });
    expect(await svc.dispatch('evaluate.run', { jobId: 'e1', period: '2024' })).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } });
    expect(await svc.dispatch('evaluate.results', {})).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } });
    expect(await svc.dispatch('shell.openFilesDialog', {})).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
    const r = await svc.dispatch('table.page', { table: 'unit', offset: 0, limit: 100000 });
    expect(r).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await svc.dispatch('workspace.open', { path: join(tempDir(), 'none.duckdb') })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
    const notDb = join(tempDir(), 'x.duckdb');
    writeFileSync(notDb, 'this is not a database, just text long enough');
    const e = await svc.dispatch('workspace.open', { path: notDb });
    expect(e).toMatchObject({ ok: false, error: { code: 'WORKSPACE_NOT_DUCKDB' } });
    if (!e.ok) expect(e.error.zh).toMatch(/不是 Tijian 工作区/);
  });

  it('cancels an import: the workspace is unchanged and the job says so', async () => {
    const { svc, events, call } = make({ delay: 5000 });
    await call('workspace.create', { path: 'c' });
    const pending = svc.dispatch('import.run', { jobId: 'c1', files: [{ path: join(FIXTURES, 'sample', '执法单位名录.csv') }] });
    // wait until the import is inside its transaction, then cancel
    while (!events.some((e) => e.event === 'job.progress' && (e.payload as Events['job.progress']).phase === 'load')) await new Promise((r) => setTimeout(r, 20));
    expect(await call('job.cancel', { jobId: 'c1' })).toEqual({ cancelled: true });
    const r = (await pending) as Result<ImportRun>;
    expect(r.ok && r.value.cancelled).toBe(true);
    if (r.ok) expect(r.value.results[0]).toMatchObject({ error: { code: 'IMPORT_CANCELLED' } });
    expect(events.find((e) => e.event === 'job.done')?.payload).toMatchObject({ jobId: 'c1', cancelled: true });
    expect((await call<Page>('table.page', { table: 'unit', offset: 0, limit: 10 })).total).toBe(0);
    expect(await call<unknown[]>('import.list')).toEqual([]);
    expect(await call('job.cancel', { jobId: 'c1' })).toEqual({ cancelled: false });
  });

  it('opens the sample: a fresh workspace with every sample file imported, and the overview’s warnings', async () => {
    const dir = tempDir();
    cpSync(join(FIXTURES, 'sample'), dir, { recursive: true });
    const { call, state, svc } = make({ sampleDir: dir });
    const s = await call<SampleOut>('workspace.sample', { jobId: 's1' });
    expect(s.workspace.path.startsWith(state)).toBe(true);
    expect(s.run.totals).toMatchObject({ files: 4, failed: 0, rows_rejected: 0 });
    expect(s.workspace.period).toEqual({ from: '2023-03-02', to: '2024-12-01' });
    // and evaluates the latest year against the year before with the default index system
    expect(s.evaluationError).toBeUndefined();
    expect(s.evaluation).toMatchObject({ period: '2024', compare: '2023', run_id: expect.any(Number) });
    expect(s.evaluation!.entities).toBeGreaterThan(0);
    // four files are too little to evaluate on: the run is made (a sample is shown) and marked
    const run = await call<EvaluationResult>('evaluate.results', { runId: s.evaluation!.run_id });
    expect(run.readiness!.status).toBe('insufficient');
    expect(run.readiness!.missing_indicators.map((m) => m.id)).toContain('coordination');
    // asked for directly, the same period is refused with what is missing
    const refused = await svc.dispatch('evaluate.run', { jobId: 'e9', period: '2024' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'DATA_NOT_READY' } });
    const ov = await call<{ warnings: Array<{ kind: string; table: string; field?: string; samples: Array<{ value: string }> }>; coverage: { years: number[] } }>('overview.get');
    expect(ov.coverage.years).toEqual([2023, 2024]);
    const unresolvedUnits = ov.warnings.find((w) => w.kind === 'unresolved_ref' && w.table === 'penalty_case' && w.field === 'unit_id');
    expect(unresolvedUnits?.samples.map((x) => x.value)).toEqual(['县城市管理大队']);
    const officers = ov.warnings.find((w) => w.kind === 'unresolved_list' && w.table === 'penalty_case');
    expect(officers?.samples.map((x) => x.value)).toEqual(['赵六']);
    const drill = await call<Page>('table.page', { table: 'penalty_case', offset: 0, limit: 50, filter: { kind: 'unresolved', field: 'unit_id' } });
    expect(drill.total).toBe(2);
    // opening the sample again starts it afresh
    const again = await call<SampleOut>('workspace.sample', { jobId: 's2' });
    expect(again.workspace.imports).toBe(4);
    expect(existsSync(again.workspace.path)).toBe(true);
    const recent = await call<Array<{ path: string }>>('workspace.recent');
    expect(recent[0]!.path).toBe(again.workspace.path);
  });

  it('masks personal data in table pages unless asked', async () => {
    const { call } = make();
    await call('workspace.create', { path: 'p' });
    await call('import.run', { jobId: 'p1', files: [{ path: join(FIXTURES, 'sample', '执法人员花名册_2024年.csv') }] });
    const masked = tableFromIPC((await call<Page>('table.page', { table: 'officer', offset: 0, limit: 1 })).arrow);
    expect(masked.getChild('name')!.get(0)).toBe('张*');
    const clear = tableFromIPC((await call<Page>('table.page', { table: 'officer', offset: 0, limit: 1, unmask: true })).arrow);
    expect(clear.getChild('name')!.get(0)).toBe('张三');
  });
});

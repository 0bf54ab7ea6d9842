// report.build and report.list over a copy of the imported Shengsi sample: from a saved run or a
// period evaluated on the spot, one report or several units, every format (PDF through a stand-in
// printer here; the real Chromium printer is the report module's and the e2e test's business),
// masking, cancelling between files, the list of batches — and, through a real worker thread, a
// PDF printed by the host when the host has a printer (the desktop app's printToPDF).
import { copyFileSync, existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { tempDir } from '../../analytics/test/helpers.js';
import type { PdfPrinter, PdfPrintOptions } from '../../analytics/report/render/pdf.js';
import type { EventName, Events, ReportBatch, Result, RunInfo } from '../contract.js';
import { ServiceClient } from './client.js';
import { AnalyticsService } from './service.js';
import { spawnThread } from './thread.js';

function standInPrinter() {
  const printed: Array<{ html: string; opts: PdfPrintOptions }> = [];
  let closed = 0;
  const printer: PdfPrinter = {
    print: async (html, opts) => {
      printed.push({ html, opts });
      return Buffer.from(`%PDF-1.7 stand-in ${opts.title}`);
    },
    close: async () => void closed++,
  };
  return { printer, printed, closed: () => closed };
}

function sampleCopy(): string {
  const path = join(tempDir('tijian-report-ws-'), 'shengsi.duckdb');
  copyFileSync(inject('sampleWorkspace'), path);
  return path;
}

const services: AnalyticsService[] = [];
afterEach(async () => {
  while (services.length) await services.pop()!.shutdown();
});

function make(printer?: PdfPrinter) {
  const events: Array<{ event: EventName; payload: unknown }> = [];
  const state = tempDir('tijian-report-state-');
  const svc = new AnalyticsService({
    stateDir: state,
    sampleDir: null,
    ...(printer ? { printer: async () => printer } : {}),
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

describe('report.build', () => {
  it('writes a county report from a saved run (DOCX, HTML, XLSX, PDF), lists the batches, masks by default', async () => {
    const p = standInPrinter();
    const { call, svc, state, events } = make(p.printer);
    expect(await svc.dispatch('report.build', { jobId: 'x', kind: 'county', format: 'docx', period: '2024' })).toMatchObject({ ok: false, error: { code: 'NO_WORKSPACE' } });
    await call('workspace.open', { path: sampleCopy() });
    expect(await call<ReportBatch[]>('report.list')).toEqual([]);
    const run = await call<RunInfo>('evaluate.run', { jobId: 'e', period: '2024', compare: '2023', draws: 0 });

    const docx = await call<ReportBatch>('report.build', { jobId: 'r1', kind: 'county', format: 'docx', runId: run.run_id });
    expect(docx).toMatchObject({ kind: 'county', format: 'docx', run_id: run.run_id, period: '2024', compare: '2023', masked: true });
    expect(docx.files).toHaveLength(1);
    const f = docx.files[0]!;
    expect(f.title).toContain('嵊泗县2024年度');
    expect(f.path.startsWith(join(state, 'exports', '报告'))).toBe(true);
    expect(f.download).toMatch(/^报告\/县级年度报告_2024_[^/]+\/.+\.docx$/);
    expect(f.bytes).toBeGreaterThan(10_000);
    expect(readFileSync(f.path).subarray(0, 2).toString()).toBe('PK');
    expect(docx.county_total).toBeGreaterThan(0);
    // progress came as files written
    expect(events.some((e) => e.event === 'job.progress' && (e.payload as Events['job.progress']).phase === 'report')).toBe(true);

    const html = await call<ReportBatch>('report.build', { jobId: 'r2', kind: 'county', format: 'html', runId: run.run_id });
    const text = readFileSync(html.files[0]!.path, 'utf8');
    const total = (Math.round(docx.county_total! * 10) / 10).toFixed(1);
    expect(text.replace(/<[^>]+>/g, '').replace(/\s+/g, '')).toContain(`全县综合得分${total}分`);
    const xlsx = await call<ReportBatch>('report.build', { jobId: 'r3', kind: 'county', format: 'xlsx', runId: run.run_id });
    expect(readFileSync(xlsx.files[0]!.path).subarray(0, 2).toString()).toBe('PK');

    const pdf = await call<ReportBatch>('report.build', { jobId: 'r4', kind: 'county', format: 'pdf', runId: run.run_id });
    expect(readFileSync(pdf.files[0]!.path, 'utf8')).toMatch(/^%PDF-1\.7 stand-in /);
    expect(p.printed).toHaveLength(1);
    // the HTML's text (numbers sit in nowrap spans)
    expect(p.printed[0]!.html.replace(/<[^>]+>/g, '').replace(/\s+/g, '')).toContain(`全县综合得分${total}分`);
    // page numbers are the HTML's own (CSS @page margin boxes), odd right and even left
    expect(p.printed[0]!.html).toContain('@bottom-right');
    expect(p.closed()).toBe(1);

    const list = await call<ReportBatch[]>('report.list');
    expect(list.map((b) => b.format)).toEqual(['pdf', 'xlsx', 'html', 'docx']);
  }, 120_000);

  it('evaluates a period on the spot; unit reports for chosen units; unmasked on request; the review pack', async () => {
    const { call } = make();
    await call('workspace.open', { path: sampleCopy() });
    const units = await call<ReportBatch>('report.build', { jobId: 'u', kind: 'unit', format: 'html', period: '2024', compare: null, units: ['ZY07', 'ZH01'] });
    expect(units.compare).toBeNull();
    expect(units.files).toHaveLength(2);
    expect(units.files.map((f) => f.name).join(' ')).toMatch(/ZY07.*ZH01|ZH01.*ZY07/);
    const runs = await call<RunInfo[]>('evaluate.runs');
    expect(runs.some((r) => r.run_id === units.run_id && r.period === '2024' && r.compare === null)).toBe(true);

    const masked = await call<ReportBatch>('report.build', { jobId: 'm', kind: 'review', format: 'html', runId: units.run_id });
    const clear = await call<ReportBatch>('report.build', { jobId: 'c', kind: 'review', format: 'html', runId: units.run_id, unmask: true });
    expect(masked.masked).toBe(true);
    expect(clear.masked).toBe(false);
    expect(clear.folder).toMatch(/_未脱敏$/);
    // the unmasked pack holds full names that the masked one does not
    const names = (t: string) => new Set(t.match(/[\u4e00-\u9fff]\*{1,2}/g) ?? []);
    expect(names(readFileSync(masked.files[0]!.path, 'utf8')).size).toBeGreaterThan(0);
    expect(names(readFileSync(clear.files[0]!.path, 'utf8')).size).toBe(0);
    await expect(call('report.build', { jobId: 'n', kind: 'unit', format: 'html', runId: units.run_id, units: ['NOPE'] })).rejects.toThrow(/NOT_FOUND/);
    await expect(call('report.build', { jobId: 'n2', kind: 'county', format: 'html', runId: 999 })).rejects.toThrow(/RUN_NOT_FOUND/);
  }, 120_000);

  it('refuses bad requests with the field named', async () => {
    const { svc } = make();
    for (const input of [
      { jobId: 'a', kind: 'county', format: 'docx' }, // neither run nor period
      { jobId: 'a', kind: 'county', format: 'odt', period: '2024' },
      { jobId: 'a', kind: 'country', format: 'pdf', period: '2024' },
      { jobId: 'a', kind: 'county', format: 'pdf', period: '2024', units: ['ZY07'] }, // units only for unit reports
      { jobId: 'a', kind: 'unit', format: 'pdf', period: '2024', units: [] },
      { jobId: 'a', kind: 'unit', format: 'pdf', period: '2024', date: '2024/1/1' },
    ]) {
      expect(await svc.dispatch('report.build', input), JSON.stringify(input)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
  });

  it('cancels between files: nothing half-written is left', async () => {
    const { svc, state, events } = make();
    await svc.dispatch('workspace.open', { path: sampleCopy() });
    const run = (await svc.dispatch('evaluate.run', { jobId: 'e', period: '2024', draws: 0 })) as Result<RunInfo>;
    const pending = svc.dispatch('report.build', { jobId: 'all', kind: 'unit', format: 'docx', runId: run.ok ? run.value.run_id : 0 });
    // cancel once the first file is written
    for (let i = 0; i < 600 && !events.some((e) => e.event === 'job.progress' && (e.payload as Events['job.progress']).phase === 'report' && (e.payload as Events['job.progress']).done >= 1); i++) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await svc.dispatch('job.cancel', { jobId: 'all' });
    const r = await pending;
    expect(r).toMatchObject({ ok: false, error: { code: 'CANCELLED' } });
    expect(events.find((e) => e.event === 'job.done' && (e.payload as Events['job.done']).jobId === 'all')?.payload).toMatchObject({ cancelled: true });
    const root = join(state, 'exports', '报告');
    expect(existsSync(root) ? readdirSync(root) : []).toEqual([]);
    expect(((await svc.dispatch('report.list', {})) as Result<ReportBatch[]>)).toEqual({ ok: true, value: [] });
  }, 120_000);

  it('without a host printer, one Chromium serves the PDF batches and is kept; a batch it fails closes it', async () => {
    const started: Array<ReturnType<typeof standInPrinter>> = [];
    let failNext = false;
    const events: Array<{ event: EventName; payload: unknown }> = [];
    const svc = new AnalyticsService({
      stateDir: tempDir('tijian-report-state-'),
      sampleDir: null,
      testOwnPrinter: async () => {
        const p = standInPrinter();
        const print = p.printer.print;
        p.printer.print = async (html, opts) => {
          if (failNext) throw new Error('the browser crashed');
          return print(html, opts);
        };
        started.push(p);
        return p.printer;
      },
      emit: <E extends EventName>(event: E, payload: Events[E]) => events.push({ event, payload }),
    });
    services.push(svc);
    await svc.dispatch('workspace.open', { path: sampleCopy() });
    const run = (await svc.dispatch('evaluate.run', { jobId: 'e', period: '2024', draws: 0 })) as Result<RunInfo>;
    const runId = run.ok ? run.value.run_id : 0;
    const pdf = (jobId: string) => svc.dispatch('report.build', { jobId, kind: 'county', format: 'pdf', runId }) as Promise<Result<ReportBatch>>;
    expect((await pdf('a')).ok).toBe(true);
    expect((await pdf('b')).ok).toBe(true);
    // one browser for both batches, still open
    expect(started).toHaveLength(1);
    expect(started[0]!.printed).toHaveLength(2);
    expect(started[0]!.closed()).toBe(0);
    failNext = true;
    expect(await pdf('c')).toMatchObject({ ok: false });
    expect(started[0]!.closed()).toBe(1);
    failNext = false;
    expect((await pdf('d')).ok).toBe(true);
    expect(started).toHaveLength(2);
    await svc.shutdown();
    services.splice(services.indexOf(svc), 1);
    expect(started[1]!.closed()).toBe(1);
  }, 120_000);

  it('through the worker: PDFs are printed by the host’s printer when it has one', async () => {
    const p = standInPrinter();
    const state = tempDir('tijian-report-host-');
    const client = new ServiceClient(() => spawnThread(), { stateDir: state, sampleDir: null }, p.printer);
    try {
      expect(await client.call('workspace.open', { path: sampleCopy() })).toMatchObject({ ok: true });
      const r = (await client.call('report.build', { jobId: 'p', kind: 'county', format: 'pdf', period: '2024' })) as Result<ReportBatch>;
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(p.printed).toHaveLength(1);
      expect(readFileSync(r.value.files[0]!.path, 'utf8')).toBe(`%PDF-1.7 stand-in ${p.printed[0]!.opts.title}`);
    } finally {
      await client.close();
    }
  }, 120_000);
});

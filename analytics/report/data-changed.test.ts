// A report built from a saved run says in the document itself when the workspace changed since the
// run (probe 11, F6 leftover: only the CLI printed it): the DOCX, HTML and XLSX of the county report,
// a unit report and the review pack, read back from the files.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, it } from 'vitest';
import type { ReportBatch, Result, RunInfo } from '../../electron/contract.js';
import { AnalyticsService } from '../../electron/service/service.js';
import { evaluate } from '../eval/run.js';
import { importFile } from '../import/import-file.js';
import { sampleWorkspace, tempDir } from '../test/helpers.js';
import { buildReports, reportContext, writeReport } from './generate.js';
import type { ReportDoc } from './model.js';
import { readDocx, readXlsx } from './testing/read-back.js';

// one more 市场监管局 case after the run (as analytics/eval/run-data.test.ts)
const EXTRA = `案件编号,执法主体,所属乡镇,事项编码,案件来源,关联检查编号,适用程序,立案日期,处罚决定日期,结案日期,办案期限（天）,是否批准延期,延长天数,是否重大案件,法制审核日期,是否集体讨论,是否听证,当事人类型,当事人,当事人证件号码,处罚种类,罚款金额（元）,没收违法所得（元）,不予处罚情形,是否涉嫌犯罪,移送公安日期,执行完毕日期,是否网上办案,承办人
PROBE-A21,嵊泗县市场监督管理局,菜园镇,,检查,,普通,2024-01-01,2024-06-01,2024-06-10,90,否,,否,,否,否,单位,甲公司,,罚款,1000.00,,,否,,2024-06-05,是,ZF0002
`;

interface Read {
  /** DOCX paragraphs outside tables, in order. */
  paragraphs: string[];
  html: string;
  sheets: Map<string, { rows: unknown[][] }>;
}

async function writeAndRead(doc: ReportDoc, dir: string): Promise<Read> {
  const stem = `${doc.kind}-${doc.fileStem.slice(0, 20)}`;
  await writeReport(doc, 'docx', join(dir, `${stem}.docx`));
  await writeReport(doc, 'html', join(dir, `${stem}.html`));
  await writeReport(doc, 'xlsx', join(dir, `${stem}.xlsx`));
  return {
    paragraphs: (await readDocx(join(dir, `${stem}.docx`))).paragraphs,
    // the text of the HTML (numbers are wrapped in spans)
    html: readFileSync(join(dir, `${stem}.html`), 'utf8').replace(/<[^>]+>/g, ''),
    sheets: await readXlsx(join(dir, `${stem}.xlsx`)),
  };
}

describe('a report of a saved run after the workspace changed', () => {
  it('carries the notice (which run, when, what changed) in DOCX, HTML and XLSX; none while the data is the run’s', async () => {
    const ws = await sampleWorkspace();
    const run = await evaluate(ws, { period: '2024', draws: 0 });
    const unit = run.entities.find((e) => e.name === '嵊泗县市场监督管理局')!;
    expect(unit).toBeDefined();
    // the run's date in China (UTC+8), written by hand: 2026-12-07T23:30Z is 2026年12月8日
    const cn = new Date(Date.parse(run.created_at) + 8 * 3600_000);
    const day = `${cn.getUTCFullYear()}年${cn.getUTCMonth() + 1}月${cn.getUTCDate()}日`;
    const dayIso = cn.toISOString().slice(0, 10);
    const docsOf = (ctx: Awaited<ReturnType<typeof reportContext>>) => [...buildReports(ctx, 'county'), ...buildReports(ctx, 'unit', unit.entity_id), ...buildReports(ctx, 'review')];

    // the data unchanged: no notice anywhere
    const ctx0 = await reportContext(ws, { runId: run.run_id, records: true });
    const dir0 = tempDir();
    const before = new Map<string, string>();
    for (const doc of docsOf(ctx0)) {
      const r = await writeAndRead(doc, dir0);
      before.set(doc.kind, r.html);
      expect(r.paragraphs.join('\n')).not.toContain('数据已变动');
      expect(r.html).not.toContain('数据已变动');
      expect([...r.sheets.keys()]).not.toContain('数据已变动');
      expect(JSON.stringify([...r.sheets.values()].map((s) => s.rows))).not.toContain('数据已变动');
    }

    const file = join(tempDir(), 'extra.csv');
    writeFileSync(file, EXTRA);
    const imp = await importFile(ws, file);
    expect(imp.rows_loaded).toBe(1);
    const ctx1 = await reportContext(ws, { runId: run.run_id, records: true });
    const dir1 = tempDir();
    const docs = docsOf(ctx1);
    expect(docs.map((d) => d.kind)).toEqual(['county', 'unit', 'review']);
    for (const doc of docs) {
      const r = await writeAndRead(doc, dir1);
      const what = doc.kind === 'review' ? '本材料' : '本报告';
      const head = `【数据已变动】${what}依据评估批次第${run.run_id}号（${day}评估）的数据生成`;
      const file = `extra.csv（导入 #${imp.import_id}）`;
      // DOCX: the paragraph right under the title and the issuer (before the addressee)
      const i = r.paragraphs.findIndex((p) => p.startsWith(head));
      expect(i, `${doc.kind} docx`).toBeGreaterThan(0);
      expect(r.paragraphs[i]).toContain(file);
      expect(r.paragraphs[i]).toContain('不是该批次读取的数据');
      expect(r.paragraphs[i - 1]).toBe(doc.subtitle);
      expect(r.paragraphs.filter((p) => p.includes('数据已变动'))).toHaveLength(1);
      // HTML (and the PDF printed from it)
      expect(r.html).toContain(head);
      expect(r.html).toContain(file);
      // XLSX: a first sheet with the notice in zh-CN and English
      expect([...r.sheets.keys()][0]).toBe('数据已变动');
      const rows = r.sheets.get('数据已变动')!.rows.map((x) => String(x[0] ?? ''));
      expect(rows[0]).toBe('说明 / Note');
      expect(rows[1]).toContain(head);
      expect(rows[1]).toContain(file);
      expect(rows[2]).toContain(`Data changed: built from run #${run.run_id} (evaluated ${dayIso})`);
      expect(rows[2]).toContain(`extra.csv (import #${imp.import_id})`);
      // otherwise the document is the one made before the import, word for word: the run's clues,
      // the unit's records cited in its requirements and the county's 罚没金额 (all read from the
      // run's imports; the unit report had lost every record it cites)
      const squeeze = (t: string) => t.replace(/\s+/g, '');
      expect(squeeze(r.html.replace(/【数据已变动】[^]*?请重新评估后再生成。/, ''))).toBe(squeeze(before.get(doc.kind)!));
    }
  }, 180_000);

  it('the app’s export of a saved run (report.build): the same notice, and the clues of the run’s imports', async () => {
    const path = join(tempDir(), 'shengsi.duckdb');
    copyFileSync(inject('sampleWorkspace'), path);
    const svc = new AnalyticsService({ stateDir: tempDir(), sampleDir: null, emit: () => {} });
    const call = async <T>(method: string, input: unknown = {}): Promise<T> => {
      const r = (await svc.dispatch(method, input)) as Result<T>;
      if (!r.ok) throw new Error(`${method}: ${r.error.code} ${r.error.en}`);
      return r.value;
    };
    try {
      await call('workspace.open', { path });
      const run = await call<RunInfo>('evaluate.run', { jobId: 'e', period: '2024', draws: 0 });
      const unitHtml = async (job: string) => {
        const b = await call<ReportBatch>('report.build', { jobId: job, kind: 'unit', format: 'html', runId: run.run_id, units: ['ZY01'] });
        return readFileSync(b.files[0]!.path, 'utf8').replace(/<[^>]+>/g, '');
      };
      const before = await unitHtml('u0');
      expect(before).not.toContain('数据已变动');
      const file = join(tempDir(), 'extra.csv');
      writeFileSync(file, EXTRA);
      await call('import.run', { jobId: 'i', files: [{ path: file }] });
      const after = await unitHtml('u1');
      expect(after).toContain(`【数据已变动】本报告依据评估批次第${run.run_id}号`);
      expect(after).toMatch(/extra\.csv（导入 #\d+）不是该批次读取的数据/);
      // the clues listed are the run's: the new case is not among them (it was, from today's review)
      expect(after).not.toContain('PROBE-A21');
      // otherwise the document is the one made before the import, word for word
      const squeeze = (t: string) => t.replace(/\s+/g, '');
      expect(squeeze(after.replace(/【数据已变动】[^]*?请重新评估后再生成。/, ''))).toBe(squeeze(before));
      const docx = await call<ReportBatch>('report.build', { jobId: 'c', kind: 'county', format: 'docx', runId: run.run_id });
      expect((await readDocx(docx.files[0]!.path)).paragraphs.some((p) => p.startsWith(`【数据已变动】本报告依据评估批次第${run.run_id}号`))).toBe(true);
    } finally {
      await svc.shutdown();
    }
  }, 180_000);
});

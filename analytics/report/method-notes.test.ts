// What the reports say about how the numbers were made (issue 11): data readiness, the small-number
// rule, the funnel plots — in the county report (DOCX written and read back, the PDF page with the
// first funnel rendered to PNG under test-artifacts/report/method/) and the unit report.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { evaluate } from '../eval/run.js';
import { sampleWorkspace } from '../test/helpers.js';
import { buildReports, reportContext, writeReport } from './generate.js';
import { plainText } from './render/html.js';
import { chromiumPrinter } from './render/pdf.js';
import { artifactDir, hasChromium, pdfText, pdfToPngs, readDocx } from './testing/read-back.js';


describe('method notes in the reports', () => {
  it('county report: the small-number rule with its count, a note on missing data, the funnel figures', async () => {
    const ws = await sampleWorkspace();
    await ws.db.exec('DELETE FROM complaint');
    const run = await evaluate(ws, { period: '2024', draws: 0 });
    const ctx = await reportContext(ws, { runId: run.run_id, date: '2025-01-15' });
    const [doc] = buildReports(ctx, 'county');
    const text = plainText(doc!);
    expect(text).toContain(`本期共有${run.small_numbers!.affected.length}个单位指标值属于这种情况`);
    expect(text).toContain('【数据不全】');
    expect(text).toContain('投诉按时办结率');
    expect(text).toContain('按“无数据”处理，不计为0分');
    // and the overview does not report "0 complaints received"
    expect(text).not.toContain('受理投诉举报0件');
    // the funnels with units outside the 95% limits, most outliers first, at most four
    const charts = doc!.blocks.filter((b) => b.type === 'chart' && b.id.startsWith('funnel_')) as Array<{ id: string; caption: string }>;
    const expected = run.funnels!.filter((f) => f.points.some((p) => p.zone !== 'inside')).sort((a, z) => z.points.filter((p) => p.zone !== 'inside').length - a.points.filter((p) => p.zone !== 'inside').length);
    expect(charts.map((c) => c.id)).toEqual(expected.slice(0, 4).map((f) => `funnel_${f.indicator}`));
    expect(charts[0]!.caption).toMatch(/^图\d+  .+漏斗图（灰线为全县比率/);
    // written and read back
    const out = join(artifactDir('method'), 'county.docx');
    await writeReport(doc!, 'docx', out);
    const d = await readDocx(out);
    expect(d.paragraphs.some((p) => p.includes('漏斗图（灰线为全县比率'))).toBe(true);
    expect(d.paragraphs.some((p) => p.includes('最小样本量的不计分'))).toBe(true);
    if (hasChromium()) {
      const printer = await chromiumPrinter();
      try {
        const pdf = join(artifactDir('method'), 'county.pdf');
        await writeReport(doc!, 'pdf', pdf, { printer });
        expect(pdfText(pdf).replace(/\s+/g, '')).toContain('漏斗图');
        pdfToPngs(pdf, join(artifactDir('method'), 'county'), 40);
      } finally {
        await printer.close();
      }
    }
  }, 240_000);

  it('unit report: the unit’s values left out for small samples, by name', async () => {
    const ws = await sampleWorkspace();
    const run = await evaluate(ws, { period: '2024', draws: 0 });
    const ctx = await reportContext(ws, { runId: run.run_id, date: '2025-01-15' });
    const a = run.small_numbers!.affected.find((x) => x.action === 'na')!;
    const u = run.entities.find((e) => e.entity_id === a.entity_id)!;
    const [doc] = buildReports(ctx, 'unit', u.entity_id);
    const name = run.indicators.find((m) => m.id === a.indicator)!.name.zh;
    expect(plainText(doc!)).toContain(`${name}（分母${a.denominator}，低于${a.min_denominator}）`);
    expect(plainText(doc!)).toContain('样本过少，不计分');
  }, 120_000);
});

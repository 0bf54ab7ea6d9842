// The reports on the imported Shengsi sample: every format comes out, and the numbers in the DOCX,
// the XLSX and the PDF are the run's numbers. Pages are rendered to PNG under test-artifacts/report/.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { main } from '../cli/main.js';
import { evaluate } from '../eval/run.js';
import type { EvaluationResult } from '../eval/types.js';
import { REPO } from '../test/paths.js';
import { Workspace } from '../workspace/workspace.js';
import type { ReportContext } from './common.js';
import { runFacts } from './facts.js';
import { int, parseNum, pct, score } from './format.js';
import { unitMean } from './narrative.js';
import { isOrganisationName } from '../privacy/mask.js';
import { buildReports, reportContext, writeReport, writeReports } from './generate.js';
import { plainText } from './render/html.js';
import type { ReportDoc } from './model.js';
import { NAME_MAX } from '../charts/text.js';
import { artifactDir, readDocx, readXlsx, sheetRecords, tableWith, wText } from './testing/read-back.js';
import { PERSONAL, reviewFixture } from './testing/review-fixture.js';

const TIMEOUT = 180_000;
const DATE = '2025-01-15';

let dir: string;
let ws: Workspace;
let run: EvaluationResult;
let ctx: ReportContext;

const r1 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 10) / 10);
const units = () => run.entities.filter((e) => e.entity_type === 'unit');
const county = () => run.entities.find((e) => e.entity_type === 'county')!;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tijian-report-'));
  const path = join(dir, 'shengsi.duckdb');
  copyFileSync(inject('sampleWorkspace'), path);
  ws = await Workspace.open(path);
  run = await evaluate(ws, { period: '2024', compare: '2023' });
  ctx = await reportContext(ws, { runId: run.run_id, date: DATE });
}, TIMEOUT);

afterAll(() => {
  ws?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('county annual evaluation report', () => {
  it('DOCX: the tables hold the run\'s numbers; government layout; editable structure', async () => {
    const [doc] = buildReports(ctx, 'county');
    const out = join(artifactDir('county'), 'county.docx');
    await writeReport(doc!, 'docx', out);
    const d = await readDocx(out);

    expect(d.paragraphs[0]).toBe('嵊泗县2024年度行政执法\n“全方位体检式”评估报告');
    // Ranking table: every unit's rank, total, grade and dimension scores.
    const rank = tableWith(d, '排名', '单位', '综合得分', '等次');
    const header = rank[0]!;
    for (const u of units()) {
      const row = rank.find((r) => r[1] === u.short_name);
      expect(row, u.short_name).toBeDefined();
      expect(row![0]).toBe(String(u.rank));
      expect(Number(row![header.indexOf('综合得分')])).toBe(r1(u.total));
      expect(row![header.indexOf('等次')]).toBe(u.grade);
      for (const dim of run.dimensions) expect(Number(row![header.indexOf(dim.name.zh)])).toBe(r1(u.dimensions[dim.id]));
      if (u.change?.total != null) expect(parseNum(row![header.indexOf('较上年')]!)).toBeCloseTo(r1(u.change.total)!, 5);
    }
    const crow = rank.find((r) => r[1] === '全县')!;
    expect(Number(crow[2])).toBe(r1(county().total));
    // Targets table: actual values of the seed targets.
    const targets = tableWith(d, '目标', '要求', '完成情况');
    for (const t of run.targets.filter((x) => x.source === 'seed')) {
      const row = targets.find((r) => r[0] === t.name.zh)!;
      expect(row[4]).toBe(t.met === null ? '无数据' : t.met ? '达成' : '未达成');
      if (t.unit === 'percent') expect(row[2]).toBe(pct(t.actual));
      else expect(parseFloat(row[2]!)).toBe(t.actual);
    }
    // Provenance: every file with its rows and sha256; the run id.
    const prov = tableWith(d, '文件', 'SHA-256');
    for (const f of run.data) {
      const row = prov.find((r) => r[1] === f.file_name)!;
      expect(row[5]).toBe(f.sha256);
      expect(row[3]).toBe(int(f.rows_loaded));
    }
    const text = d.paragraphs.join('\n');
    expect(text).toContain(`评估批次第${run.run_id}号`);
    // Narrative from the run's numbers.
    const facts = runFacts(run);
    expect(text).toContain(`全县共立案办理行政处罚案件${int(facts.cases_filed!.current)}件，同比`);
    expect(text).toContain(`全县综合得分${score(county().total)}分，等次为${county().grade}，较上年提高`);
    expect(text).toContain('罚没金额合计');
    expect(text).toMatch(/万元，同比(增长|下降)\d+\.\d%/);
    // Robustness table: rank intervals.
    const rob = tableWith(d, '名义排名', '5%分位', '95%分位');
    for (const r of run.robustness!.ranks) {
      const u = units().find((x) => x.entity_id === r.entity_id)!;
      const row = rob.find((x) => x[0] === u.short_name)!;
      expect(row.slice(1, 5)).toEqual([r.nominal, r.p5, r.p50, r.p95].map(String));
    }

    // Layout: A4, GB/T 9704 margins, repeated header rows, page numbers, Chinese fonts with fallbacks.
    expect(d.xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(d.xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    // every table but the 版记 (two rules, no header) repeats its header row
    expect((d.xml.match(/<w:tblHeader\/>/g) ?? []).length).toBe(d.tables.length - 1);
    expect(d.tables.at(-1)!.flat().join('')).toContain(`${ctx.issuer}`);
    const styles = d.files.get('word/styles.xml')!;
    expect(styles).toContain('w:eastAsia="仿宋_GB2312"');
    expect(styles).toContain('w:eastAsia="黑体"');
    expect(styles).toContain('w:eastAsia="楷体_GB2312"');
    expect(styles).toContain('w:eastAsia="方正小标宋简体"');
    expect(styles).toMatch(/<w:sz w:val="32"\/>/); // 3号 = 16 pt
    expect(d.files.get('word/fontTable.xml')).toContain('<w:font w:name="仿宋_GB2312"><w:altName w:val="仿宋"/>');
    const footers = [...d.files.entries()].filter(([k]) => /word\/footer\d+\.xml/.test(k)).map(([, v]) => v);
    expect(footers.length).toBe(2); // odd (right) and even (left)
    for (const f of footers) {
      expect(f).toContain('PAGE');
      expect(wText(f)).toMatch(/^— .* —$/);
    }
    expect(d.files.get('word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
    // Charts embedded as images: ranking, targets, heatmap, dimensions, intervals.
    const charts = doc!.blocks.filter((b) => b.type === 'chart').length;
    expect(charts).toBeGreaterThanOrEqual(5);
    expect([...d.files.keys()].filter((k) => k.startsWith('word/media/')).length).toBe(charts);
    // Headings are real Word headings (navigation pane).
    expect(d.xml).toContain('<w:pStyle w:val="Heading1"/>');
    expect(d.xml).toContain('<w:pStyle w:val="Heading2"/>');
  }, TIMEOUT);

  it('XLSX: the results at full precision', async () => {
    const [doc] = buildReports(ctx, 'county');
    const out = join(artifactDir('county'), 'county.xlsx');
    await writeReport(doc!, 'xlsx', out);
    const x = await readXlsx(out);
    const ranking = sheetRecords(x.get('排名与得分')!, '单位编码');
    for (const e of run.entities) {
      const row = ranking.find((r) => r['单位编码'] === e.entity_id)!;
      expect(row['综合得分']).toBe(e.total);
      expect(row['等次']).toBe(e.grade);
      expect(row['排名']).toBe(e.rank);
      for (const dim of run.dimensions) expect(row[dim.name.zh]).toBe(e.dimensions[dim.id]);
    }
    const values = sheetRecords(x.get('指标明细')!, '单位编码');
    expect(values.length).toBe(run.entities.length * run.indicators.length);
    for (const e of run.entities) {
      for (const m of run.indicators) {
        const row = values.find((r) => r['单位编码'] === e.entity_id && r['指标编码'] === m.id)!;
        // one measure per column: ratios apart from counts, hours and per-100 figures
        expect(row[m.unit === 'percent' ? '指标值（比率）' : '指标值（数值）']).toBe(e.indicators[m.id]!.raw);
        expect(row[m.unit === 'percent' ? '指标值（数值）' : '指标值（比率）']).toBeNull();
        expect(row['得分']).toBe(e.indicators[m.id]!.score);
      }
    }
    // without --date the reports carry the run's date (in China), not today's
    const undated = await reportContext(ws, { runId: run.run_id });
    expect(undated.date).toBe(new Date(Date.parse(run.created_at) + 8 * 3600_000).toISOString().slice(0, 10));
    const prov = sheetRecords(x.get('数据来源')!, '导入编号');
    expect(prov.map((r) => r['SHA-256'])).toEqual(run.data.map((d) => d.sha256));
  }, TIMEOUT);

  // PDF and LibreOffice pages of every report: pages.test.ts

  it('HTML: one self-contained file', async () => {
    const [doc] = buildReports(ctx, 'county');
    const out = join(artifactDir('county'), 'county.html');
    await writeReport(doc!, 'html', out);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<(script|link)\b/i);
    expect(html).not.toMatch(/src="(?!data:)/);
    // charts inline as SVG (their labels are text in the PDF)
    expect((html.match(/<figure [^>]*>\s*<svg /g) ?? []).length).toBe(doc!.blocks.filter((b) => b.type === 'chart').length);
    expect(html).toContain('@page { size: A4');
    expect(html).toContain(`<td class="c b"><span class="n">${score(county().total)}</span></td>`);
  }, TIMEOUT);

  // hostile probe 9 (F5): a 3,000-character short name ran its ranking row across five PDF pages
  it('a unit name past NAME_MAX characters: cut with “…” in the tables and charts, whole in the HTML title and the data', async () => {
    const long = '长'.repeat(3000);
    const cut = `${'长'.repeat(NAME_MAX)}…`;
    const named: EvaluationResult = structuredClone(run);
    const u = named.entities.find((e) => e.entity_type === 'unit' && e.rank !== null)!;
    u.short_name = long;
    const [doc] = buildReports({ ...ctx, run: named }, 'county');
    const ranking = doc!.blocks.find((b) => b.type === 'table' && b.id === 'ranking') as Extract<ReportDoc['blocks'][number], { type: 'table' }>;
    const row = ranking.rows.find((r) => r.some((c) => c.value === u.entity_id))!;
    expect(row[1]!.text).toBe(cut);
    expect([...row[1]!.text].length).toBe(21);
    expect(row[1]!.title).toBe(long);
    // every table cell that names the unit is cut
    const cells = doc!.blocks.flatMap((b) => (b.type === 'table' ? b.rows.flat() : []));
    expect(cells.filter((c) => c.text.includes('长'.repeat(NAME_MAX + 1)))).toEqual([]);
    expect(cells.filter((c) => c.text === cut).length).toBeGreaterThanOrEqual(2);
    const out = join(artifactDir('county'), 'county-long-name.html');
    await writeReport(doc!, 'html', out);
    const html = readFileSync(out, 'utf8');
    expect(html).toContain(`<td title="${long}">${cut}</td>`);
    // the charts' labels: the name cut, never whole
    const figures = html.match(/<figure [\s\S]*?<\/figure>/g) ?? [];
    expect(figures.length).toBeGreaterThan(0);
    expect(figures.filter((f) => f.includes('长'.repeat(NAME_MAX + 1)))).toEqual([]);
    expect(figures.some((f) => f.includes(cut))).toBe(true);
    // the data behind the report keep the whole name
    expect(JSON.stringify(doc!.sheets)).toContain(long);
  }, TIMEOUT);

  it('says nothing about what is missing: no comparison period, an indicator without data', () => {
    const noCompare: EvaluationResult = structuredClone(run);
    noCompare.compare = null;
    for (const e of noCompare.entities) {
      delete e.previous;
      delete e.change;
    }
    for (const t of noCompare.targets) delete t.previous;
    const c0 = buildReports({ ...ctx, run: noCompare, facts: { items: runFacts(noCompare), workspaceNote: null } }, 'county')[0]!;
    // (one indicator is called 涉企检查户次同比)
    const t0 = plainText(c0).replaceAll('涉企检查户次同比', '');
    expect(t0.match(/.{0,20}(同比|环比|较上年|上年为).{0,10}/g) ?? []).toEqual([]);
    expect(t0).toContain('全县共立案办理行政处罚案件');

    const gap: EvaluationResult = structuredClone(run);
    const cty = gap.entities.find((e) => e.entity_type === 'county')!;
    cty.indicators.online_handling = { ...cty.indicators.online_handling!, raw: null, score: null, numerator: null, denominator: null, status: 'no_data', na_reason: { zh: '无数据', en: 'no data' } };
    gap.targets = gap.targets.map((t) => (t.indicator === 'online_handling' ? { ...t, actual: null, met: null } : t));
    const c1 = buildReports({ ...ctx, run: gap, facts: { items: runFacts(gap), workspaceNote: null } }, 'county')[0]!;
    const narrative = c1.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.content.map((x) => (typeof x === 'string' ? x : x.text)).join('')] : []));
    expect(narrative.join('')).not.toContain('立案办理行政处罚案件');
    expect(narrative.filter((p) => p.includes('网上办案率'))).toEqual([]);
    expect(narrative.join('')).toContain('1项因缺少数据暂无法评价');
  });
});

describe('unit health-check reports', () => {
  it('all units in one go: scores against the county and the best unit, radar, problem list', async () => {
    const docs = buildReports(ctx, 'unit', 'all');
    expect(docs.length).toBe(units().length);
    const folder = join(artifactDir('units'), 'docx');
    rmSync(folder, { recursive: true, force: true });
    const written = await writeReports(docs, 'docx', folder, { folder: true });
    expect(readdirSync(folder).filter((f) => f.endsWith('.docx')).length).toBe(units().length);
    const best = units().find((u) => u.rank === 1)!;
    for (const u of units()) {
      const w = written.find((x) => x.title.startsWith(u.name))!;
      const d = await readDocx(w.path);
      expect(d.paragraphs[0]).toBe(`${u.name}\n2024年度行政执法体检报告`);
      // like with like: the unit's scores against the average of the units' scores
      const scores = tableWith(d, '项目', '本单位', '各单位平均');
      expect(Number(scores[1]![1])).toBe(r1(u.total));
      expect(Number(scores[1]![2])).toBe(r1(unitMean(units(), null)));
      expect(Number(scores[1]![2])).toBe(r1(units().reduce((a, x) => a + x.total!, 0) / units().length));
      if (u.entity_id !== best.entity_id) {
        expect(scores[0]).toContain(`最优单位（${best.short_name}）`);
        expect(Number(scores[1]![3])).toBe(r1(best.total));
      }
      for (const [i, dim] of run.dimensions.entries()) expect(Number(scores[i + 2]![1])).toBe(r1(u.dimensions[dim.id]));
      // Indicators with target and gap.
      const inds = tableWith(d, '指标', '本单位', '得分', '目标', '差距');
      for (const m of run.indicators.filter((x) => u.indicators[x.id]?.status === 'ok' && x.unit === 'percent')) {
        const row = inds.find((r) => r[0] === m.name.zh)!;
        expect(row[1]!.replace('*', '')).toBe(pct(u.indicators[m.id]!.raw));
      }
      expect([...d.files.keys()].filter((k) => k.startsWith('word/media/')).length).toBe(1); // the radar
      const text = d.paragraphs.join('');
      expect(text).toContain(`在全县${units().filter((x) => x.rank !== null).length}个参评单位中排名第${u.rank}位`);
      if (u.flags.length) {
        const problems = tableWith(d, '问题描述', '整改措施（单位填写）');
        for (const f of u.flags) expect(problems.some((r) => r[2]!.startsWith(`${f.name.zh}${f.hits}起`))).toBe(true);
        expect(problems.slice(1).every((r) => r[4] === '')).toBe(true); // the rectification column is left to the unit
      }
    }
  }, TIMEOUT);

  it('one unit as XLSX and PDF', async () => {
    const u = units().find((x) => x.flags.length > 0)!;
    const [doc] = buildReports(ctx, 'unit', u.entity_id);
    const dirOut = artifactDir('units');
    await writeReport(doc!, 'xlsx', join(dirOut, 'unit.xlsx'));
    const x = await readXlsx(join(dirOut, 'unit.xlsx'));
    const vals = sheetRecords(x.get('指标明细')!, '指标编码');
    for (const r of vals) {
      const m = run.indicators.find((x) => x.id === r['指标编码'])!;
      expect(r[m.unit === 'percent' ? '本单位指标值（比率）' : '本单位指标值（数值）']).toBe(u.indicators[m.id]!.raw);
    }
    expect(sheetRecords(x.get('问题清单')!, '序号').length).toBeGreaterThan(0);
  }, TIMEOUT);
});

describe('review pack (问题线索汇总)', () => {
  it('from a ReviewResult: summary and evidence, masked by default', async () => {
    const review = reviewFixture(run.period);
    const [doc] = buildReports({ ...ctx, review }, 'review');
    const dirOut = artifactDir('review');
    await writeReport(doc!, 'docx', join(dirOut, 'review.docx'));
    await writeReport(doc!, 'xlsx', join(dirOut, 'review.xlsx'));
    await writeReport(doc!, 'html', join(dirOut, 'review.html'));
    const d = await readDocx(join(dirOut, 'review.docx'));
    const all = [d.xml, readFileSync(join(dirOut, 'review.html'), 'utf8'), ...[...(await readXlsx(join(dirOut, 'review.xlsx'))).values()].map((s) => JSON.stringify(s.rows))].join('\n');
    for (const v of Object.values(PERSONAL)) expect(all).not.toContain(v);
    expect(all).toContain('李**');
    expect(all).toContain('3309********1234');
    expect(all).toContain('138****5678');
    expect(d.paragraphs[0]).toBe('内部资料　注意保密');
    const rules = tableWith(d, '线索类型', '风险等级', '线索数');
    for (const r of review.rules) expect(rules.find((row) => row[1] === r.name.zh)![4]).toBe(String(r.hits));
    // Three evidence columns or more than the page holds go into one column next to the summary.
    const ev = d.tables.find((t) => t.some((r) => r.join('').includes('嵊应急罚〔2024〕12号')))!;
    expect(ev.length).toBe(1 + 2);
    expect(ev[1]).toContain('已核实');
    expect(ev[1]!.join('|')).toContain('当事人：李**');
    const text = d.paragraphs.join('');
    expect(text).toContain('共排查出问题线索3条，其中高风险2条、中风险1条');
    expect(text).toContain('目前已核查2条，其中核实1条、排除1条');
  }, TIMEOUT);

  it('--unmask shows the personal data', async () => {
    const [doc] = buildReports({ ...ctx, review: reviewFixture(run.period), unmask: true }, 'review');
    const out = join(artifactDir('review'), 'review-unmasked.docx');
    await writeReport(doc!, 'docx', out);
    const d = await readDocx(out);
    expect(d.xml).toContain(PERSONAL.idNumber);
    expect(d.xml).toContain(PERSONAL.party);
    expect(d.paragraphs.join('')).toContain('本材料含未脱敏的个人信息');
  }, TIMEOUT);

  it('from the review engine on the sample: rule counts, evidence masked', async () => {
    const review = ctx.review!;
    expect(review.rules.length).toBeGreaterThan(5);
    expect(review.hits.length).toBeGreaterThan(0);
    const [doc] = buildReports(ctx, 'review');
    const dirOut = artifactDir('review');
    const out = join(dirOut, 'sample-review.docx');
    await writeReport(doc!, 'docx', out);
    const d = await readDocx(out);
    const rules = tableWith(d, '线索类型', '风险等级', '线索数');
    for (const r of review.rules) expect(rules.find((row) => row[1] === r.name.zh)![4]).toBe(String(r.hits));
    expect(d.paragraphs.join('')).toContain(`共排查出问题线索${int(review.hits.length)}条`);
    // No natural person's value of any hit appears in the document; businesses do (subjects stay distinguishable).
    let checked = 0;
    let shown = 0;
    const text = d.paragraphs.join('\n') + d.tables.flat(2).join('\n');
    for (const h of review.hits) {
      const r = review.rules.find((x) => x.id === h.rule)!;
      for (const col of r.personal_columns) {
        const raw = h.evidence[col];
        for (const v of Array.isArray(raw) ? raw : [raw]) {
          if (typeof v !== 'string' || v.length < 2) continue;
          if (r.personal_kinds?.[col] === 'name' && isOrganisationName(v)) {
            expect(text, `${r.id} ${col}`).toContain(v.replace(/（[^）]*）/g, ''));
            shown++;
          } else {
            expect(text, `${r.id} ${col}`).not.toContain(v);
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    expect(shown).toBeGreaterThan(0);
  }, TIMEOUT);
});

describe('tijian report (CLI)', () => {
  it('--unit all writes one file per unit into the folder; bad arguments are usage errors', async () => {
    // A workspace of its own (the suite's is open).
    const wsPath = join(dir, 'cli.duckdb');
    copyFileSync(inject('sampleWorkspace'), wsPath);
    const out = join(dir, 'units-xlsx');
    const lines: string[] = [];
    const io = { out: (s: string) => lines.push(s), err: () => {} };
    const code = await main(['report', '--workspace', wsPath, '--period', '2024', '--compare', '2023', '--type', 'unit', '--unit', 'all', '--format', 'xlsx', '--out', out], io);
    expect(code).toBe(0);
    expect(readdirSync(out).length).toBe(units().length);
    expect(lines.join('\n').split('\n').length).toBe(units().length);
    expect(await main(['report', '--workspace', wsPath, '--period', '2024', '--type', 'nation', '--format', 'docx', '--out', join(dir, 'x.docx')], io)).toBe(2);
    expect(await main(['report', '--workspace', wsPath, '--run', '1', '--period', '2023', '--type', 'county', '--format', 'docx', '--out', join(dir, 'x.docx')], io)).toBe(2);
  }, TIMEOUT);

  it('reuses the saved run of the same inputs; --fresh, or new data, evaluates again', async () => {
    const wsPath = join(dir, 'reuse.duckdb');
    copyFileSync(inject('sampleWorkspace'), wsPath);
    const runIds = async () => {
      const w = await Workspace.open(wsPath, { create: false });
      try {
        return (await w.db.all<{ run_id: number }>('SELECT run_id FROM eval_run ORDER BY run_id')).map((r) => Number(r.run_id));
      } finally {
        w.close();
      }
    };
    const report = async (...extra: string[]) => {
      const err: string[] = [];
      const code = await main(['report', '--workspace', wsPath, '--period', '2024', '--compare', '2023', '--type', 'county', '--format', 'html', '--out', join(dir, 'reuse.html'), ...extra], { out: () => {}, err: (s) => err.push(s) });
      expect(code, err.join('\n')).toBe(0);
      return err.join('\n');
    };
    const before = await runIds();
    expect(await report()).not.toMatch(/沿用/);
    const first = await runIds();
    expect(first.length).toBe(before.length + 1);
    const made = first.at(-1)!;
    // same inputs: the run just made is reported on, nothing new is saved
    expect(await report()).toMatch(new RegExp(`评估批次 #${made}（2024 对比 2023，沿用`));
    expect(await runIds()).toEqual(first);
    // another comparison period is another run
    const err = [] as string[];
    expect(await main(['report', '--workspace', wsPath, '--period', '2024', '--type', 'county', '--format', 'html', '--out', join(dir, 'reuse.html')], { out: () => {}, err: (s) => err.push(s) })).toBe(0);
    expect((await runIds()).length).toBe(first.length + 1);
    // --fresh evaluates again
    expect(await report('--fresh')).not.toMatch(/沿用/);
    const afterFresh = await runIds();
    expect(afterFresh.length).toBe(first.length + 2);
    // new data: the saved runs no longer match
    expect(await main(['import', '--workspace', wsPath, join(REPO, 'samples', 'dirty', '05_投诉举报工单_问题数据.csv')], { out: () => {}, err: () => {} })).toBe(0);
    expect(await report()).not.toMatch(/沿用/);
    expect((await runIds()).length).toBe(afterFresh.length + 1);
  }, TIMEOUT);
});

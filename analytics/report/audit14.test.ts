// Auditor's probe 14 on the county report of the Shengsi sample (2024 vs 2023): each finding's
// report written for real (DOCX, HTML, XLSX) and read back; expected values by hand or by SQL.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { evaluate } from '../eval/run.js';
import type { EvaluationResult } from '../eval/types.js';
import { REPO } from '../test/paths.js';
import { Workspace } from '../workspace/workspace.js';
import type { ReportContext } from './common.js';
import { buildReports, reportContext, writeReport } from './generate.js';
import type { ReportDoc } from './model.js';
import { fitColumns, TEXT_WIDTH_PT } from './render/fit.js';
import { artifactDir, hasChromium, pdfText, readDocx, readXlsx, sheetRecords } from './testing/read-back.js';

const TIMEOUT = 180_000;
const DATE = '2026-12-08';

let dir: string;
let ws: Workspace;
let run: EvaluationResult;
let ctx: ReportContext;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tijian-audit14-'));
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

const unitByName = (name: string) => run.entities.find((e) => e.entity_type === 'unit' && e.short_name === name)!;
const indByName = (zh: string) => run.indicators.find((m) => m.name.zh === zh)!;

async function countyDocx(name: string) {
  const [doc] = buildReports(ctx, 'county');
  const out = join(artifactDir('audit14'), `${name}.docx`);
  await writeReport(doc!, 'docx', out);
  return readDocx(out);
}

async function countyHtml(name: string): Promise<string> {
  const [doc] = buildReports(ctx, 'county');
  const out = join(artifactDir('audit14'), `${name}.html`);
  await writeReport(doc!, 'html', out);
  return readFileSync(out, 'utf8');
}

describe('F1: county annex 2 shows small-sample values with “*”, as its legend says', () => {
  it('DOCX and HTML: 枸杞乡 计划检查完成率 7/8 → 87.5*; every small-sample cell a number with *, none 缺', async () => {
    const gq = unitByName('枸杞乡');
    const plan = indByName('计划检查完成率');
    // by hand from the auditor's SQL: 7 of 8 planned inspections done; 8 < min_denominator 10
    expect(gq.indicators[plan.id]).toMatchObject({ status: 'small_sample', numerator: 7, denominator: 8 });
    const d = await countyDocx('f1');
    const annex = d.tables.filter((t) => t[0]?.[0] === '单位' && t.some((r) => r[0] === '全县') && t[0]!.length > 2);
    expect(annex.length).toBeGreaterThan(0);
    const cellOf = (unit: string, ind: string): string | undefined => {
      for (const t of annex) {
        const col = t[0]!.findIndex((h) => h.startsWith(ind));
        if (col < 0) continue;
        return t.find((r) => r[0] === unit)?.[col];
      }
      return undefined;
    };
    expect(cellOf('枸杞乡', '计划检查完成率')).toBe('87.5*');
    // every small-sample value of the run: its number (numerator/denominator by hand) with *
    let n = 0;
    for (const u of run.entities.filter((e) => e.entity_type === 'unit')) {
      for (const m of run.indicators) {
        const v = u.indicators[m.id];
        if (v?.status !== 'small_sample') continue;
        const cell = cellOf(u.short_name, m.name.zh);
        if (cell === undefined) continue; // county-only indicators are not in the annex
        n++;
        expect(cell, `${u.short_name} ${m.name.zh}`).toMatch(/^\d[\d,.]*\*$/);
        if (m.unit === 'percent') expect(Math.abs(Number(cell!.slice(0, -1)) - (v.numerator! / v.denominator!) * 100), `${u.short_name} ${m.name.zh}`).toBeLessThanOrEqual(0.05 + 1e-9);
      }
    }
    expect(n).toBeGreaterThanOrEqual(50); // the auditor counted 57
    const html = (await countyHtml('f1')).replace(/<[^>]+>/g, '');
    // the HTML (and the PDF printed from it) likewise: as many “n*” cells in the annex as the DOCX has
    const annexHtml = html.slice(html.indexOf('下列各表列出各单位适用指标的数值'));
    expect(annexHtml).toContain('87.5*');
    expect((annexHtml.match(/\d\*/g) ?? []).length).toBeGreaterThanOrEqual(n);
  }, TIMEOUT);
});

describe('F2: “作出处罚决定N件” counts the cases decided in the period, its change on the same basis', () => {
  it('DOCX and HTML: the count of penalty_case rows with a decision date in 2024 (SQL), vs 2023', async () => {
    const decided = async (y: number) => Number(await ws.db.scalar(`SELECT count(*) FROM penalty_case WHERE decision_date BETWEEN DATE '${y}-01-01' AND DATE '${y}-12-31'`));
    const [cur, prev] = [await decided(2024), await decided(2023)];
    expect([cur, prev]).toEqual([1839, 1837]); // the auditor's SQL on the same sample
    // by hand: 1,839 vs 1,837 → +0.109% → “增长0.1%”
    const expected = '作出处罚决定1,839件，同比增长0.1%';
    const d = await countyDocx('f2');
    const text = d.paragraphs.join('\n');
    expect(text).toContain(expected);
    expect(text).not.toContain('1,842件');
    const html = (await countyHtml('f2')).replace(/<[^>]+>/g, '');
    expect(html).toContain(expected);
  }, TIMEOUT);
});

describe('F3: county XLSX 指标明细 — 样本充足 from the run', () => {
  it('否 on every row whose denominator is below the index file\'s min_denominator, 是 on scored rows, — without a value', async () => {
    const index = parse(readFileSync(join(REPO, 'analytics', 'index', 'full-body-check.yaml'), 'utf8')) as { indicators: Array<{ id: string; kind?: string; min_denominator?: number }> };
    const minDen = new Map(index.indicators.map((m) => [m.id, m.min_denominator ?? 0]));
    const [doc] = buildReports(ctx, 'county');
    const out = join(artifactDir('audit14'), 'f3.xlsx');
    await writeReport(doc!, 'xlsx', out);
    const rows = sheetRecords((await readXlsx(out)).get('指标明细')!, '单位编码');
    const counts = { 是: 0, 否: 0, '—': 0 };
    for (const r of rows) {
      const flag = r['样本充足'] as keyof typeof counts;
      counts[flag]++;
      const hasValue = r['指标值（比率）'] !== null || r['指标值（数值）'] !== null;
      const den = r['分母'] as number | null;
      const small = r['单位编码'] !== 'COUNTY' && hasValue && den !== null && den > 0 && den < minDen.get(r['指标编码'] as string)!;
      expect(flag, `${r['单位']} ${r['指标']} ${den}`).toBe(!hasValue ? '—' : small ? '否' : '是');
    }
    expect(counts['否']).toBe(57); // the auditor's count of small-sample values
    const gq = rows.find((r) => r['单位'] === '枸杞乡' && r['指标'] === '计划检查完成率')!;
    expect([gq['分子'], gq['分母'], gq['样本充足']]).toEqual([7, 8, '否']);
  }, TIMEOUT);
});

describe('F4: ties in the county text — every tied unit named, not one of them', () => {
  const text = async (r: EvaluationResult, name: string) => {
    const [doc] = buildReports({ ...ctx, run: r }, 'county');
    const out = join(artifactDir('audit14'), `${name}.docx`);
    await writeReport(doc!, 'docx', out);
    return (await readDocx(out)).paragraphs.join('\n');
  };

  it('the sample: 14 units at 100 in 执法制度, 枸杞乡 and 花鸟乡 at 100 in 队伍建设 (先进单位示范带动)', async () => {
    const t = await text(run, 'f4-sample');
    const lead = t.split('\n').find((p) => p.includes('得分最高的分别是'))!;
    expect(lead).toBeDefined();
    // by hand from the run: who has 100 in each dimension
    const at100 = (dim: string) => run.entities.filter((e) => e.entity_type === 'unit' && e.rank !== null && (e.dimensions[dim] ?? 0) >= 99.95);
    const sys = run.dimensions.find((d) => d.name.zh === '执法制度')!;
    const team = run.dimensions.find((d) => d.name.zh === '队伍建设')!;
    expect(at100(sys.id).length).toBe(14);
    expect(at100(team.id).map((u) => u.short_name).sort()).toEqual(['枸杞乡', '花鸟乡'].sort());
    expect(lead).toMatch(/执法制度维度[^、]*(、[^、]*)*等14个单位/);
    const teamPart = lead.slice(lead.indexOf('队伍建设维度'));
    expect(teamPart).toContain('枸杞乡');
    expect(teamPart).toContain('花鸟乡');
  }, TIMEOUT);

  it('two units with the same total at the bottom, the same lowest score in a dimension: both named, “并列”', async () => {
    const r: EvaluationResult = structuredClone(run);
    const rankedUnits = r.entities.filter((e) => e.entity_type === 'unit' && e.rank !== null).sort((a, z) => a.rank! - z.rank!);
    const last = rankedUnits.at(-1)!;
    const other = rankedUnits.at(-2)!;
    // make the second-last a copy of the last in total and dimension scores: they tie for last place
    other.total = last.total;
    other.rank = last.rank;
    other.dimensions = { ...last.dimensions };
    // and the second tied with the first
    const [first, second] = rankedUnits as [typeof last, typeof last];
    second.total = first.total;
    second.rank = first.rank;
    const t = await text(r, 'f4-tie');
    const leading = t.split('\n').find((p) => p.includes('全县第一'))!;
    expect(leading).toContain(`${first.short_name}和${second.short_name}综合得分均为`);
    expect(leading).toContain('并列全县第一');
    expect(t.split('\n').find((p) => p.includes('位列第一') || p.includes('并列第一'))).toContain(`${first.short_name}和${second.short_name}以`);
    const overall = t.split('\n').find((p) => p.includes('并列第一'))!;
    expect(overall).toContain(other.short_name);
    expect(overall).toContain(last.short_name);
    expect(overall).toMatch(/并列最后/);
    // each dimension where the last unit is the lowest: both are named lowest
    for (const d of r.dimensions) {
      const scored = rankedUnits.filter((u) => u.dimensions[d.id] != null);
      const min = Math.min(...scored.map((u) => u.dimensions[d.id]!));
      const max = Math.max(...scored.map((u) => u.dimensions[d.id]!));
      if (last.dimensions[d.id] !== min || max === min) continue;
      const p = t.split('\n').find((x) => x.includes(`全县${d.name.zh}维度得分`))!;
      const lowest = p.slice(0, p.indexOf('最低'));
      expect(lowest, d.name.zh).toContain(other.short_name);
      expect(lowest, d.name.zh).toContain(last.short_name);
    }
  }, TIMEOUT);
});

describe('F5: the work plan’s deadlines all follow the report’s date of issue', () => {
  const plan = async (date: string) => {
    const c = await reportContext(ws, { runId: run.run_id, date });
    const [doc] = buildReports(c, 'county');
    const out = join(artifactDir('audit14'), `f5-${date}.docx`);
    await writeReport(doc!, 'docx', out);
    const t = (await readDocx(out)).tables.find((x) => x[0]?.includes('完成时限') || x[0]?.some((h) => h.includes('时限')))!;
    expect(t).toBeDefined();
    const iso = (s: string) => {
      const m = /(\d{4})年(\d{1,2})月(\d{1,2})日/.exec(s)!;
      return `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
    };
    return t.slice(1).map((r) => ({ task: r[1]!, deadline: iso(r.at(-1)!) }));
  };

  it('issued 2026-12-08 on the 2024 run: the next evaluation by 2027-12-31, no deadline before the issue date', async () => {
    const rows = await plan('2026-12-08');
    const next = rows.find((r) => r.task.includes('开展下一周期'))!;
    expect(next.deadline).toBe('2027-12-31'); // by hand: the end of the year after the half-year deadline 2027-05-31
    for (const r of rows) expect(r.deadline > '2026-12-08', r.task).toBe(true);
    // the other deadlines as before: 30 days after issue, end of the fifth month after it
    expect(new Set(rows.filter((r) => r !== next).map((r) => r.deadline))).toEqual(new Set(['2027-01-07', '2027-05-31']));
  }, TIMEOUT);

  it('issued 2025-01-15 (the usual case): the next evaluation by the end of the year after the period, 2025-12-31', async () => {
    const rows = await plan('2025-01-15');
    expect(rows.find((r) => r.task.includes('开展下一周期'))!.deadline).toBe('2025-12-31');
  }, TIMEOUT);
});

describe('F6: records listed in a fixed order — date, then number; a record’s several numbers in number order', () => {
  it('应急管理局 unit DOCX: the permits not followed up, as SQL lists them', async () => {
    const u = unitByName('应急管理局');
    // by SQL: the unit's 2023 permit subjects not inspected by it within 12 months (leading or in a joint visit)
    const rows = await ws.db.all<{ subject_id: string; d: string; ids: string[] }>(`
      SELECT p.subject_id, strftime(min(p.issued_date), '%Y-%m-%d') AS d, list(DISTINCT p.permit_id) AS ids FROM permit p
      WHERE p.unit_id = '${u.entity_id}' AND p.issued_date BETWEEN DATE '2023-01-01' AND DATE '2023-12-31'
        AND NOT EXISTS (SELECT 1 FROM permit q JOIN inspection i ON i.subject_id = q.subject_id AND i.date > q.issued_date AND i.date <= q.issued_date + INTERVAL 365 DAY
                        AND (i.lead_unit_id = q.unit_id OR (i.is_joint AND list_contains(i.unit_ids, q.unit_id)))
                        WHERE q.subject_id = p.subject_id AND q.unit_id = p.unit_id AND q.issued_date BETWEEN DATE '2023-01-01' AND DATE '2023-12-31')
      GROUP BY p.subject_id`);
    expect(rows.length).toBe(7);
    const permitNo = (id: string) => Number(/〔\d+〕(\d+)号/.exec(id)![1]);
    const listed = rows
      .map((r) => ({ d: r.d, ids: [...r.ids].sort((a, z) => permitNo(a) - permitNo(z)) }))
      .sort((a, z) => a.d.localeCompare(z.d) || a.ids.join('、').localeCompare(z.ids.join('、')));
    const zh = (iso: string) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`;
    const [a, b] = listed as [(typeof listed)[0], (typeof listed)[0]];
    const expected = `${a.ids.join('、')}${a.d === b.d ? '' : `（${zh(a.d)}许可）`}、${b.ids.join('、')}（${zh(b.d)}许可）`;
    // by hand (the auditor's reading): 5号、23号 (2023-02-28), then 6号、9号 (2023-03-02)
    expect(expected).toBe('嵊应急许〔2023〕5号、嵊应急许〔2023〕23号（2023年2月28日许可）、嵊应急许〔2023〕6号、嵊应急许〔2023〕9号（2023年3月2日许可）');
    for (const k of [1, 2]) {
      const [doc] = buildReports(ctx, 'unit', u.entity_id);
      const out = join(artifactDir('audit14'), `f6-${k}.docx`);
      await writeReport(doc!, 'docx', out);
      const text = (await readDocx(out)).xml.replace(/<[^>]+>/g, '');
      expect(text).toContain(`许可后12个月内未被检查的有7个：${expected}`);
    }
  }, TIMEOUT);
});

describe('F8: the ranking table’s 等次 column holds “不合格” on one line', () => {
  it('the column is at least as wide as 不合格 set bold at 五号 (by hand: 3 em × 10.5 pt × 1.1 + 8 pt padding); the PDF prints it whole', async () => {
    const [doc] = buildReports(ctx, 'county');
    const ranking = doc!.blocks.find((b) => b.type === 'table' && b.id === 'ranking') as Extract<ReportDoc['blocks'][number], { type: 'table' }>;
    const i = ranking.columns.findIndex((c) => c.header === '等次');
    const widthPt = fitColumns(ranking).fractions[i]! * TEXT_WIDTH_PT;
    expect(widthPt).toBeGreaterThanOrEqual(3 * 10.5 * 1.1 + 8);
    if (!hasChromium()) return; // the PDF itself where Chromium is installed (pages.test.ts likewise)
    const out = join(artifactDir('audit14'), 'f8.pdf');
    await writeReport(doc!, 'pdf', out);
    const text = pdfText(out);
    const table = text.slice(text.indexOf('各单位综合得分及排名'));
    // 应急管理局 and 黄龙乡 are 不合格 (vetoed): their rows say it whole
    for (const name of ['应急管理局', '黄龙乡']) {
      const line = table.split('\n').find((l) => /^\s*\d+\s/.test(l) && l.includes(name))!;
      expect(line, name).toContain('不合格');
    }
  }, TIMEOUT);
});


describe('F4 in the unit reports: a tie for first named as a tie', () => {
  it('two units tied first: each says 并列全县第一 with the other; a third names both', async () => {
    const r: EvaluationResult = structuredClone(run);
    const rankedUnits = r.entities.filter((e) => e.entity_type === 'unit' && e.rank !== null).sort((a, z) => a.rank! - z.rank!);
    const [first, second, third] = rankedUnits as [EvaluationResult['entities'][number], EvaluationResult['entities'][number], EvaluationResult['entities'][number]];
    second.total = first.total;
    second.rank = first.rank;
    const text = async (id: string) => {
      const [doc] = buildReports({ ...ctx, run: r }, 'unit', id);
      const out = join(artifactDir('audit14'), `f4-unit-${id}.docx`);
      await writeReport(doc!, 'docx', out);
      return (await readDocx(out)).paragraphs.join('\n');
    };
    expect(await text(first.entity_id)).toContain(`你单位与${second.short_name}并列全县第一`);
    expect(await text(second.entity_id)).toContain(`你单位与${first.short_name}并列全县第一`);
    const t3 = await text(third.entity_id);
    expect(t3).toContain(`并列第一的${first.short_name}和${second.short_name}为`);
  }, TIMEOUT);
});

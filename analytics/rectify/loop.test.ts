// The whole loop on the committed Shengsi sample: items created from the 2023 run (twice: no
// duplicates), feedback forms for three units filled in with exceljs and imported (rows read =
// updated + rejected, each rejection with its reason), the 2024 evaluation checking every closed
// item against the 2024 data, the two rectification indicators, and the 2024 county report's
// 上年整改落实情况 — every number held to one computed here independently: SQL over the raw
// tables and the saved runs, or counts of what this test itself wrote into the forms.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { parse as parseYaml } from 'yaml';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Db } from '../db/duck.js';
import { evaluate } from '../eval/run.js';
import type { EvaluationResult } from '../eval/types.js';
import { importFile } from '../import/import-file.js';
import { previewFile } from '../import/preview.js';
import { undoImport } from '../import/undo.js';
import { buildCountyReport } from '../report/county.js';
import { reportContext, writeReport } from '../report/generate.js';
import { artifactDir, hasChromium, hasProgram, pdfText, readDocx, readXlsx } from '../report/testing/read-back.js';
import { docxToPdf, sofficePath } from '../report/render/libreoffice.js';
import { lineage } from '../eval/lineage.js';
import { execFileSync } from 'node:child_process';
import { buildUnitReport } from '../report/unit.js';
import { markHit } from '../review/marks.js';
import { runReview } from '../review/run.js';
import { Workspace } from '../workspace/workspace.js';
import { createFromRun } from './create.js';
import { exportUnitFiles, writeLedger } from './export.js';
import { importFeedback } from './feedback.js';
import { listItems } from './ledger.js';
import { HEADER_ROW, MARKER_SHEET, TEMPLATE_COLUMNS } from './template.js';
import { fillForm } from './testing/fill-form.js';
import { itemCode } from './types.js';

const ISSUED = '2024-03-01';
const REPORT_DATE = '2025-01-15';


/** Goalpost score written out here (not the scoring module): 0–100, clipped. */
function score(x: number, lower: number, upper: number, dir: 'higher' | 'lower'): number {
  const t = dir === 'higher' ? (x - lower) / (upper - lower) : (upper - x) / (upper - lower);
  return Math.max(0, Math.min(1, t)) * 100;
}

/** Is a value a problem (short of its target, or without one scoring below 60)? Written out here. */
function isProblem(m: EvaluationResult['indicators'][number], raw: number): boolean {
  if (m.target) {
    const t = m.target.value;
    return m.target.op === '>=' ? raw < t - 1e-9 : m.target.op === '<=' ? raw > t + 1e-9 : Math.abs(raw - t) > 1e-9;
  }
  return score(raw, m.goalposts.lower, m.goalposts.upper, m.direction) < 60;
}

const col = (key: string) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;

interface Filled {
  unit: string;
  path: string;
  /** What the test wrote, per item id. */
  expect: Map<number, { status: string; completed?: string }>;
  rejectedLines: Map<number, string>;
  rows: number;
}

let ws: Workspace;
let db: Db;
let run23: EvaluationResult;
let run24: EvaluationResult;
let dir: string;
let verifiedUnit: string;
const filled: Filled[] = [];

/** Opens the exported form with exceljs, lets `fill` change it, saves it under a new name. */
// One workspace through the whole file (the steps build on each other): a copy of the imported
// sample, in a directory of this file's own.
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tijian-rectify-'));
  copyFileSync(inject('sampleWorkspace'), join(dir, 'w.duckdb'));
  ws = await Workspace.open(join(dir, 'w.duckdb'));
  db = ws.db;
  run23 = await evaluate(ws, { period: '2023', draws: 0 });
  // a reviewer confirms one red flag of 2023 and dismisses another
  const review = await runReview(ws, { period: '2023' });
  const confirmed = review.hits.find((h) => h.rule === 'single_officer' && h.unit_id)!;
  const dismissed = review.hits.find((h) => h.rule === 'crime_not_transferred' && h.unit_id)!;
  verifiedUnit = confirmed.unit_id!;
  await markHit(ws, { rule: confirmed.rule, hitKey: confirmed.hit_key, status: '已核实', note: '经核实', keys: confirmed.keys, period: '2023' });
  await markHit(ws, { rule: dismissed.rule, hitKey: dismissed.hit_key, status: '已排除', keys: dismissed.keys, period: '2023' });
}, 120_000);

afterAll(() => {
  ws?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('items from the 2023 run', () => {
  it('one per unit per problem, as counted here from the saved run; creating again adds nothing', async () => {
    // independently: indicator problems from the run's saved values, red lines from its flags
    const values = await db.all<{ entity_id: string; indicator_id: string; raw: number; denominator: number | null }>(
      `SELECT v.entity_id, v.indicator_id, v.raw, v.denominator FROM eval_value v JOIN eval_entity e USING (run_id, period_role, entity_id)
       WHERE v.run_id = ${run23.run_id} AND v.period_role = 'current' AND e.entity_type = 'unit' AND v.applicable AND v.raw IS NOT NULL`,
    );
    // a unit's rate below its indicator's minimum denominator is not scored (issue 11, the index's
    // small_numbers: na): a rate from two cases raises no item. The minimums from the index text
    // saved with the run (a ratio unless the file says count; no minimum unless it gives one).
    const idx = parseYaml(String(await db.scalar(`SELECT index_text FROM eval_run WHERE run_id = ${run23.run_id}`))) as {
      method: { small_numbers?: string };
      indicators: Array<{ id: string; kind?: string; min_denominator?: number }>;
    };
    expect(idx.method.small_numbers ?? 'na').toBe('na');
    const minDen = new Map(idx.indicators.map((i) => [i.id, (i.kind ?? 'ratio') === 'ratio' ? (i.min_denominator ?? 0) : 0]));
    const small = values.filter((v) => v.denominator !== null && v.denominator < minDen.get(v.indicator_id)!);
    expect(small.length).toBeGreaterThan(0);
    const flags = await db.all<{ entity_id: string; id: string }>(
      `SELECT entity_id, unnest(from_json(flags, '[{"id":"VARCHAR","hits":"INTEGER"}]')).id AS id FROM eval_entity
       WHERE run_id = ${run23.run_id} AND period_role = 'current' AND entity_type = 'unit'`,
    );
    const uncertifiedUnits = new Set(flags.filter((f) => f.id === 'uncertified_enforcement').map((f) => f.entity_id));
    const indicatorProblems = values.filter(
      (v) => !small.includes(v) && isProblem(run23.indicators.find((m) => m.id === v.indicator_id)!, v.raw) && !(v.indicator_id === 'uncertified_acts' && uncertifiedUnits.has(v.entity_id)),
    );
    expect(flags.length).toBeGreaterThan(0);
    const expected = indicatorProblems.length + flags.length + 1; // + the one confirmed red flag (single_officer is no red line)

    const r = await createFromRun(ws, run23.run_id, { issuedOn: ISSUED });
    process.stdout.write(`\nitems from the 2023 run #${run23.run_id}: ${JSON.stringify(r.by_kind)} = ${r.created}\n`);
    expect(r.created).toBe(expected);
    expect(r.by_kind).toEqual({ indicator: indicatorProblems.length, red_line: flags.length, review: 1 });
    expect(Number(await db.scalar(`SELECT count(*) FROM rectify_item`))).toBe(expected);
    expect(Number(await db.scalar(`SELECT count(DISTINCT natural_key) FROM rectify_item`))).toBe(expected);
    // the dismissed red flag raised nothing, the confirmed one an item of its unit with its key
    const rv = await db.one<{ unit_id: string; evidence: string }>(`SELECT unit_id, CAST(evidence AS VARCHAR) AS evidence FROM rectify_item WHERE kind = 'review'`);
    expect(rv!.unit_id).toBe(verifiedUnit);
    expect(JSON.parse(rv!.evidence).refs).toHaveLength(1);
    expect(Number(await db.scalar(`SELECT count(*) FROM rectify_item WHERE source_id = 'crime_not_transferred'`))).toBe(0);
    // deadlines by severity, 30/60/90 days after the notice
    expect(await db.all(`SELECT DISTINCT severity, deadline - issued_on AS days FROM rectify_item ORDER BY days`)).toEqual([
      { severity: '高', days: 30 },
      { severity: '中', days: 60 },
      { severity: '低', days: 90 },
    ]);
    // every red line item holds the records behind its hits: as many as the run's hits
    const rl = await db.all<{ n: number; hits: number }>(
      `SELECT json_array_length(evidence->'records') AS n, CAST(evidence->>'hits' AS INTEGER) AS hits FROM rectify_item WHERE kind = 'red_line'`,
    );
    for (const x of rl) expect(x.n).toBe(x.hits);
    // each record named by its number (案件编号; 类型 and 编号 for acts by uncertified officers), no two alike
    const recs = await db.all<{ source_id: string; records: string }>(`SELECT source_id, CAST(evidence->'records' AS VARCHAR) AS records FROM rectify_item WHERE kind = 'red_line'`);
    expect(new Set(recs.map((x) => x.source_id))).toContain('uncertified_enforcement');
    for (const x of recs) {
      const list = JSON.parse(x.records) as Array<Record<string, unknown>>;
      for (const r of list) expect(Object.entries(r).some(([k, v]) => k.endsWith('编号') && typeof v === 'string' && v.length > 3), `${x.source_id} ${JSON.stringify(r)}`).toBe(true);
      expect(new Set(list.map((r) => JSON.stringify(r))).size).toBe(list.length);
    }

    const again = await createFromRun(ws, run23.run_id, { issuedOn: '2024-04-01' });
    expect(again).toMatchObject({ created: 0, existing: expected });
    expect(Number(await db.scalar(`SELECT count(*) FROM rectify_item`))).toBe(expected);
    expect(Number(await db.scalar(`SELECT count(*) FROM rectify_event`))).toBe(expected);
  });

  it('逾期 is derived from the deadline against the as-of date', async () => {
    const before = await listItems(db, { asOf: '2024-03-31' });
    expect(before.filter((i) => i.status === '逾期')).toHaveLength(0);
    const after = await listItems(db, { asOf: '2024-04-01' });
    const hi = Number(await db.scalar(`SELECT count(*) FROM rectify_item WHERE deadline < DATE '2024-04-01'`));
    expect(hi).toBeGreaterThan(0);
    expect(after.filter((i) => i.status === '逾期')).toHaveLength(hi);
    // overdue first
    expect(after[0]!.status).toBe('逾期');
  });
});

describe('notices out, feedback in', () => {
  let files: Awaited<ReturnType<typeof exportUnitFiles>>;
  let u1: string;
  let u2: string;
  let u3: string;

  it('writes a notice and a feedback form per unit', async () => {
    files = await exportUnitFiles(db, join(dir, 'out'), { period: '2023' });
    const units = await db.all<{ unit_id: string; n: number }>(`SELECT unit_id, count(*) AS n FROM rectify_item GROUP BY unit_id ORDER BY unit_id`);
    expect(files.map((f) => [f.unit_id, f.items])).toEqual(units.map((u) => [u.unit_id, u.n]));
    const notice = await readDocx(files[0]!.notice);
    expect(notice.paragraphs.join('')).toContain('限期整改的通知');
    const t = notice.tables.find((x) => x[0]?.includes('事项编号'))!;
    expect(t.length - 1).toBe(units[0]!.n);
    // the form: a very hidden marker sheet, the fixed header, one row per item
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files[0]!.template);
    expect(wb.getWorksheet(MARKER_SHEET)!.state).toBe('veryHidden');
    expect(wb.worksheets[0]!.getRow(HEADER_ROW).values).toEqual([undefined, ...TEMPLATE_COLUMNS.map((c) => c.header)]);
    expect(wb.worksheets[0]!.rowCount - HEADER_ROW).toBe(units[0]!.n);
    // unit 1 has the confirmed red flag; unit 3 the most red-line items (its first half, closed
    // below, holds them: an item's id follows red lines, red flags, indicators); unit 2 another
    u1 = verifiedUnit;
    u3 = String(await db.scalar(`SELECT unit_id FROM rectify_item WHERE kind = 'red_line' AND unit_id <> '${u1}' GROUP BY unit_id ORDER BY count(*) DESC, unit_id LIMIT 1`));
    u2 = units.map((u) => u.unit_id).find((u) => u !== u1 && u !== u3)!;
  });

  it('three units fill their forms (written with exceljs) and they are imported', async () => {
    const form = (u: string) => files.find((f) => f.unit_id === u)!.template;
    const ids = async (u: string) => (await db.all<{ item_id: number }>(`SELECT item_id FROM rectify_item WHERE unit_id = '${u}' ORDER BY item_id`)).map((r) => r.item_id);

    // unit 1: everything rectified
    const a = await ids(u1);
    const f1: Filled = { unit: u1, path: join(dir, 'fb1.xlsx'), expect: new Map(), rejectedLines: new Map(), rows: a.length };
    await fillForm(form(u1), f1.path, (s, rowOf) => {
      for (const id of a) {
        const r = s.getRow(rowOf(id));
        r.getCell(col('status')).value = '已整改';
        r.getCell(col('measures')).value = '已逐项整改，建立台账';
        r.getCell(col('completed_on')).value = new Date(Date.UTC(2024, 4, 20));
        r.getCell(col('completed_on')).numFmt = 'yyyy-mm-dd';
        r.getCell(col('proof')).value = '整改报告、制度文件';
        r.getCell(col('owner')).value = '张三丰';
        f1.expect.set(id, { status: '已整改', completed: '2024-05-20' });
      }
    });

    // unit 2: in progress, one declined, one done (a Chinese date), and four rows that cannot be imported
    const b = await ids(u2);
    expect(b.length).toBeGreaterThanOrEqual(7);
    const f2: Filled = { unit: u2, path: join(dir, 'fb2.xlsx'), expect: new Map(), rejectedLines: new Map(), rows: b.length + 2 };
    await fillForm(form(u2), f2.path, (s, rowOf, last) => {
      for (const id of b.slice(0, 2)) {
        s.getRow(rowOf(id)).getCell(col('status')).value = '整改中';
        s.getRow(rowOf(id)).getCell(col('measures')).value = '正在修订制度';
        f2.expect.set(id, { status: '整改中' });
      }
      s.getRow(rowOf(b[2]!)).getCell(col('status')).value = '不予整改';
      s.getRow(rowOf(b[2]!)).getCell(col('status_reason')).value = '职能已划转，不再承担该项工作';
      f2.expect.set(b[2]!, { status: '不予整改' });
      s.getRow(rowOf(b[3]!)).getCell(col('status')).value = '已整改';
      s.getRow(rowOf(b[3]!)).getCell(col('completed_on')).value = '2024年6月1日';
      s.getRow(rowOf(b[3]!)).getCell(col('measures')).value = '=HYPERLINK("http://x","点我")';
      f2.expect.set(b[3]!, { status: '已整改', completed: '2024-06-01' });
      s.getRow(rowOf(b[4]!)).getCell(col('status')).value = '已整改';
      s.getRow(rowOf(b[4]!)).getCell(col('completed_on')).value = '下周';
      f2.rejectedLines.set(rowOf(b[4]!), 'rectify.bad_date');
      s.getRow(rowOf(b[5]!)).getCell(col('status')).value = '搞定了';
      f2.rejectedLines.set(rowOf(b[5]!), 'rectify.bad_status');
      // another unit's item, and an item code that does not exist
      s.getRow(last + 1).values = [itemCode(a[0]!), u2, '', '', '', '', '已整改', '', '2024-05-01'];
      f2.rejectedLines.set(last + 1, 'rectify.wrong_unit');
      s.getRow(last + 2).values = ['ZG999999', u2, '', '', '', '', '整改中'];
      f2.rejectedLines.set(last + 2, 'rectify.unknown_item');
      for (const id of b.slice(6)) f2.expect.set(id, { status: '待整改' });
    });

    // unit 3: the first half done, one done without a date, one row twice
    const c = await ids(u3);
    const half = Math.ceil(c.length / 2);
    const f3: Filled = { unit: u3, path: join(dir, 'fb3.xlsx'), expect: new Map(), rejectedLines: new Map(), rows: c.length + 1 };
    await fillForm(form(u3), f3.path, (s, rowOf, last) => {
      for (const id of c.slice(0, half)) {
        s.getRow(rowOf(id)).getCell(col('status')).value = '已完成';
        s.getRow(rowOf(id)).getCell(col('completed_on')).value = '2024/6/30';
        f3.expect.set(id, { status: '已整改', completed: '2024-06-30' });
      }
      const nodate = c[half]!;
      s.getRow(rowOf(nodate)).getCell(col('status')).value = '已整改';
      f3.rejectedLines.set(rowOf(nodate), 'rectify.completed_required');
      for (const id of c.slice(half + 1)) f3.expect.set(id, { status: '待整改' });
      s.getRow(last + 1).values = [itemCode(c[0]!), u3, '', '', '', '', '整改中'];
      f3.rejectedLines.set(last + 1, 'rectify.duplicate_row');
    });
    filled.push(f1, f2, f3);

    for (const f of filled) process.stdout.write(`\nform of ${f.unit}: ${f.rows} rows, ${f.rejectedLines.size} rejected (${[...f.rejectedLines.values()].join(', ')})\n`);
    for (const f of filled) {
      // the import screen's preview says what the import will do, without doing it
      const pv = await previewFile(ws, f.path);
      expect(pv.problem).toBeNull();
      expect(pv.validation).toMatchObject({ rows: f.rows, rejected: f.rejectedLines.size });
      expect(pv.warnings[0]).toContain('整改反馈表');
      // through the import pipeline's own entry: the form is recognised by its layout
      const r = (await importFile(ws, f.path)) as Awaited<ReturnType<typeof importFeedback>>;
      expect(r.table).toBe('rectify_item');
      expect(r.rows_read).toBe(f.rows);
      expect(r.rows_rejected).toBe(f.rejectedLines.size);
      expect(r.rows_loaded).toBe(f.rows - f.rejectedLines.size);
      const log = await db.one<{ rows_read: number; rows_loaded: number; rows_rejected: number; status: string }>(`SELECT rows_read, rows_loaded, rows_rejected, status FROM import_log WHERE import_id = ${r.import_id}`);
      expect(log).toEqual({ rows_read: f.rows, rows_loaded: f.rows - f.rejectedLines.size, rows_rejected: f.rejectedLines.size, status: 'done' });
      const rejected = await db.all<{ line_no: number; error_codes: string[]; reason_zh: string; reason_en: string }>(`SELECT line_no, error_codes, reason_zh, reason_en FROM rejected_row WHERE import_id = ${r.import_id} ORDER BY line_no`);
      expect(rejected.map((x) => [x.line_no, x.error_codes[0]])).toEqual([...f.rejectedLines].sort((x, y) => x[0] - y[0]));
      for (const x of rejected) expect(x.reason_zh.length * x.reason_en.length).toBeGreaterThan(0);
      // the same bytes again change nothing
      expect((await importFile(ws, f.path)).skipped_duplicate).toBe(true);
    }
    // every item holds what its form said (or what it held: rejected rows changed nothing)
    for (const f of filled) {
      const rows = await db.all<{ item_id: number; status: string; completed_on: string | null }>(`SELECT item_id, status, completed_on FROM rectify_item WHERE unit_id = '${f.unit}' ORDER BY item_id`);
      for (const r of rows) {
        const e = f.expect.get(r.item_id) ?? { status: '待整改' };
        expect([r.item_id, r.status, r.completed_on ?? undefined]).toEqual([r.item_id, e.status, e.completed]);
      }
    }
    // the history: the import event of each changed item, with the file and the import it came from
    const ev = await db.all<{ n: number }>(`SELECT count(*) AS n FROM rectify_event WHERE action = 'import' AND source LIKE '导入反馈表“fb%' AND import_id IS NOT NULL`);
    const changedItems = filled.reduce((s, f) => s + [...f.expect.values()].filter((e) => e.status !== '待整改').length, 0);
    expect(ev[0]!.n).toBe(changedItems);
  });

  it('undoing a feedback import puts the items back, as a new event', async () => {
    const f = filled[2]!;
    const id = Number(await db.scalar(`SELECT max(import_id) FROM import_log WHERE file_name = 'fb3.xlsx'`));
    const before = Number(await db.scalar(`SELECT count(*) FROM rectify_item WHERE unit_id = '${f.unit}' AND status = '已整改'`));
    expect(before).toBeGreaterThan(0);
    const u = await undoImport(ws, id);
    expect(u.rows_removed).toBe(before);
    expect(Number(await db.scalar(`SELECT count(*) FROM rectify_item WHERE unit_id = '${f.unit}' AND status = '已整改'`))).toBe(0);
    expect(Number(await db.scalar(`SELECT count(*) FROM rectify_event WHERE action = 'undo'`))).toBe(before);
    // and in again (the log shows it undone, so the same bytes import anew)
    const again = await importFeedback(ws, f.path);
    expect(again.rows_loaded).toBe(f.rows - f.rejectedLines.size);
    expect(Number(await db.scalar(`SELECT count(*) FROM rectify_item WHERE unit_id = '${f.unit}' AND status = '已整改'`))).toBe(before);
  });
});

describe('the 2024 evaluation checks the closed items against the 2024 data', () => {
  const expected = new Map<number, string>();

  beforeAll(async () => {
    run24 = await evaluate(ws, { period: '2024', compare: '2023', draws: 0 });
  }, 120_000);

  it('fixed or recurred as the 2024 data say (computed here)', async () => {
    const closed = await db.all<{ item_id: number; unit_id: string; kind: string; source_id: string }>(
      `SELECT item_id, unit_id, kind, source_id FROM rectify_item WHERE status = '已整改' ORDER BY item_id`,
    );
    expect(closed.length).toBeGreaterThan(10);
    // every kind of item is among them: indicators, red lines, the confirmed red flag
    expect(new Set(closed.map((c) => c.kind))).toEqual(new Set(['indicator', 'red_line', 'review']));
    // indicators: the 2024 run's saved values; red lines and the red flag: SQL over the raw tables
    const v24 = new Map(
      (
        await db.all<{ entity_id: string; indicator_id: string; raw: number | null; applicable: boolean; denominator: number | null }>(
          `SELECT entity_id, indicator_id, raw, applicable, denominator FROM eval_value WHERE run_id = ${run24.run_id} AND period_role = 'current'`,
        )
      ).map((r) => [`${r.entity_id}|${r.indicator_id}`, r]),
    );
    // minimum denominators of the (same) index, from the 2024 run's saved text: a rate below its
    // minimum is too small a sample to check
    const idx24 = parseYaml(String(await db.scalar(`SELECT index_text FROM eval_run WHERE run_id = ${run24.run_id}`))) as { indicators: Array<{ id: string; kind?: string; min_denominator?: number }> };
    const minDen24 = new Map(idx24.indicators.map((i) => [i.id, (i.kind ?? 'ratio') === 'ratio' ? (i.min_denominator ?? 0) : 0]));
    const overdue = async (u: string) =>
      Number(await db.scalar(`SELECT count(*) FROM penalty_case WHERE unit_id = '${u}' AND year(decision_date) = 2024 AND decision_date - filed_date > coalesce(deadline_days, 90) AND NOT coalesce(extension_approved, FALSE)`));
    const noReview = async (u: string) =>
      Number(await db.scalar(`SELECT count(*) FROM penalty_case WHERE unit_id = '${u}' AND major_case AND year(decision_date) = 2024 AND (legal_review_date IS NULL OR legal_review_date > decision_date)`));
    const singleOfficer = async (u: string) =>
      Number(
        await db.scalar(
          `SELECT count(*) FROM (
             SELECT unit_id, len(list_distinct(coalesce(officer_ids, []))) + len(list_distinct(coalesce(officer_unresolved, []))) AS n FROM penalty_case WHERE year(filed_date) = 2024
             UNION ALL SELECT lead_unit_id, len(list_distinct(coalesce(officer_ids, []))) + len(list_distinct(coalesce(officer_unresolved, []))) FROM inspection WHERE year(date) = 2024)
           WHERE unit_id = '${u}' AND n < 2`,
        ),
      );
    // a unit's own records of 2024 that the red lines and the rule judge: cases filed or decided,
    // and (for acts by officers) inspections led or joined; none → nothing to check (无法核验)
    const ownRecords = async (u: string, acts: boolean) =>
      Number(await db.scalar(`SELECT count(*) FROM penalty_case WHERE unit_id = '${u}' AND (year(filed_date) = 2024 OR year(decision_date) = 2024)`)) +
      (acts ? Number(await db.scalar(`SELECT count(*) FROM inspection WHERE year(date) = 2024 AND (lead_unit_id = '${u}' OR list_contains(coalesce(unit_ids, []), '${u}'))`)) : 0);
    const flags24 = new Map(
      (await db.all<{ entity_id: string; flags: string }>(`SELECT entity_id, CAST(flags AS VARCHAR) AS flags FROM eval_entity WHERE run_id = ${run24.run_id} AND period_role = 'current'`)).map((r) => [
        r.entity_id,
        JSON.parse(r.flags) as Array<{ id: string; hits: number }>,
      ]),
    );
    for (const c of closed) {
      let outcome: string;
      if (c.kind === 'indicator') {
        const v = v24.get(`${c.unit_id}|${c.source_id}`);
        if (!v || !v.applicable || v.raw === null || (v.denominator !== null && v.denominator < minDen24.get(c.source_id)!)) outcome = '无法核验';
        else outcome = isProblem(run24.indicators.find((m) => m.id === c.source_id)!, v.raw) ? '复发' : '已整改';
      } else if (c.kind === 'red_line') {
        const hits =
          c.source_id === 'overdue_cases' ? await overdue(c.unit_id) : c.source_id === 'major_without_review' ? await noReview(c.unit_id) : (flags24.get(c.unit_id)!.find((f) => f.id === c.source_id)?.hits ?? 0);
        outcome = hits > 0 ? '复发' : (await ownRecords(c.unit_id, c.source_id === 'uncertified_enforcement')) === 0 ? '无法核验' : '已整改';
      } else {
        expect(c.source_id).toBe('single_officer');
        outcome = (await singleOfficer(c.unit_id)) > 0 ? '复发' : (await ownRecords(c.unit_id, true)) === 0 ? '无法核验' : '已整改';
      }
      expected.set(c.item_id, outcome);
    }
    const checks = await db.all<{ item_id: number; outcome: string }>(`SELECT item_id, outcome FROM rectify_check WHERE period_label = '2024' ORDER BY item_id`);
    expect(checks.map((c) => [c.item_id, c.outcome])).toEqual([...expected].sort((a, b) => a[0] - b[0]));
    const counts = [...expected.values()].reduce<Record<string, number>>((m, o) => ({ ...m, [o]: (m[o] ?? 0) + 1 }), {});
    expect(counts['已整改']).toBeGreaterThan(0);
    expect(counts['复发']).toBeGreaterThan(0);
    process.stdout.write(`\n2024 checks of ${expected.size} closed items (${closed.map((c) => `${c.unit_id}/${c.source_id}=${expected.get(c.item_id)}`).join(', ')}): ${JSON.stringify(counts)}\n`);
    // evaluating again with the same data stores nothing new
    const n = Number(await db.scalar(`SELECT count(*) FROM rectify_check`));
    await evaluate(ws, { period: '2024', compare: '2023', draws: 0, save: false });
    expect(Number(await db.scalar(`SELECT count(*) FROM rectify_check`))).toBe(n);
  });

  it('整改完成率 and 问题复发率 of the 2024 run: the units’ counts; NA where nothing to count', async () => {
    const items = await db.all<{ unit_id: string; total: number; done: number; declined: number }>(
      `SELECT unit_id, count(*) AS total, count(*) FILTER (WHERE status = '已整改') AS done, count(*) FILTER (WHERE status = '不予整改') AS declined FROM rectify_item GROUP BY unit_id`,
    );
    const unitOf = new Map((await db.all<{ item_id: number; unit_id: string }>(`SELECT item_id, unit_id FROM rectify_item`)).map((r) => [r.item_id, r.unit_id]));
    for (const e of run24.entities.filter((x) => x.entity_type === 'unit')) {
      const it = items.find((x) => x.unit_id === e.entity_id);
      const comp = e.indicators['rectify_completion']!;
      const rec = e.indicators['rectify_recurrence']!;
      if (!it) {
        expect(comp.raw).toBeNull();
        continue;
      }
      expect(comp.raw).toBeCloseTo(it.done / (it.total - it.declined), 12);
      const mine = [...expected].filter(([id]) => unitOf.get(id) === e.entity_id);
      const rc = mine.filter(([, o]) => o === '复发').length;
      const fx = mine.filter(([, o]) => o === '已整改').length;
      if (rc + fx === 0) {
        expect(rec.raw).toBeNull();
        expect(rec.status).toBe('nothing_to_evaluate');
      } else expect(rec.raw).toBeCloseTo(rc / (rc + fx), 12);
    }
    const c = run24.entities.find((x) => x.entity_type === 'county')!;
    const all = items.reduce((a, x) => ({ t: a.t + x.total - x.declined, d: a.d + x.done }), { t: 0, d: 0 });
    expect(c.indicators['rectify_completion']!.raw).toBeCloseTo(all.d / all.t, 12);
    // the 2023 side of the same run: no items from 2022, so NA — not 0
    expect(c.previous!.indicators['rectify_completion']).toMatchObject({ raw: null, status: 'nothing_to_evaluate' });
  });

  it('the 2024 county report states them in 上年整改落实情况', async () => {
    const ctx = await reportContext(ws, { runId: run24.run_id, date: REPORT_DATE });
    const doc = buildCountyReport(ctx);
    const path = join(dir, 'county.docx');
    await writeReport(doc, 'docx', path);
    const d = await readDocx(path);
    const text = d.paragraphs.join('\n');
    // one section, under one heading; the units' story told once, by the ledger (no count of the
    // units' unmet targets from the runs beside it)
    expect(d.paragraphs.filter((p) => p.includes('上年整改落实情况'))).toEqual(['六、上年整改落实情况']);
    expect(text).not.toContain('各单位层面');
    expect(text).not.toContain('整改达标率');
    // the county's targets of 2023: a value that reads the same in both years is no change
    const ct = d.tables.find((x) => x[0]?.[0] === '指标' && x[0]?.includes('整改情况'))!;
    expect(ct.length).toBeGreaterThan(1);
    for (const r of ct.slice(1)) if (r[2] === r[3]) expect(['未改善', '已达标'], r.join(' ')).toContain(r[4]);
    const n = await db.one<{ units: number; total: number; done: number; doing: number; todo: number; declined: number; overdue: number }>(
      `SELECT count(DISTINCT unit_id) AS units, count(*) AS total, count(*) FILTER (WHERE status = '已整改') AS done,
              count(*) FILTER (WHERE status = '整改中' AND deadline >= DATE '${REPORT_DATE}') AS doing,
              count(*) FILTER (WHERE status = '待整改' AND deadline >= DATE '${REPORT_DATE}') AS todo,
              count(*) FILTER (WHERE status = '不予整改') AS declined,
              count(*) FILTER (WHERE status IN ('待整改', '整改中') AND deadline < DATE '${REPORT_DATE}') AS overdue
       FROM rectify_item WHERE period_label = '2023'`,
    );
    const recurred = [...expected.values()].filter((o) => o === '复发').length;
    const fixed = [...expected.values()].filter((o) => o === '已整改').length;
    expect(text).toContain(`2023年体检共向${n!.units}个单位下发整改事项${n!.total}个`);
    expect(text).toContain(`已整改${n!.done}个`);
    expect(text).toContain(`整改中${n!.doing}个，待整改${n!.todo}个，逾期未整改${n!.overdue}个`);
    expect(text).toContain(`${fixed}个问题未再出现，${recurred}个问题复发`);
    process.stdout.write(`\n2024 county report, 上年整改落实情况 as of ${REPORT_DATE}: ${JSON.stringify({ ...n, fixed, recurred })}\n`);
    // overdue items named: the longest overdue first
    // (units by their short names, as in the rest of the report)
    const first = await db.one<{ item_id: number; short_name: string }>(
      `SELECT i.item_id, u.short_name FROM rectify_item i JOIN unit u USING (unit_id) WHERE i.status IN ('待整改', '整改中') AND i.deadline < DATE '${REPORT_DATE}' ORDER BY i.deadline, i.item_id LIMIT 1`,
    );
    expect(text).toContain(`${first!.short_name}${itemCode(first!.item_id)}`);
    // the table: one row per unit with items and the total, its counts as counted here
    const t = d.tables.find((x) => x[0]?.[0] === '单位' && x[0]?.includes('复发'))!;
    expect(t.at(-1)!.slice(0, 7)).toEqual(['合计', String(n!.total), String(n!.done), String(n!.doing), String(n!.todo), String(n!.overdue), String(n!.declined)]);
    expect(t.at(-1)![8]).toBe(String(recurred));
    expect(t.length).toBe(1 + n!.units + 1);
    // the unit report lists the unit's own items with their status
    const u1 = filled[0]!.unit;
    const ud = buildUnitReport(ctx, u1);
    // last year's problems once: the ledger's items (with their status and checks), not the runs'
    // list of unmet targets beside them
    const heads = ud.blocks.flatMap((b) => (b.type === 'heading' ? [b.text.replace(/^[一二三四五六七八九十]+、/, '')] : []));
    expect(heads).toContain('整改事项落实情况');
    expect(heads).not.toContain('上年问题整改情况');
    const ut = ud.blocks.find((b) => b.type === 'table' && b.id === 'rectify_previous');
    expect(ut && ut.type === 'table' ? ut.rows.length : 0).toBe(Number(await db.scalar(`SELECT count(*) FROM rectify_item WHERE unit_id = '${u1}'`)));
  });

  it('the rectification indicators\' records are as many as their numbers', async () => {
    for (const e of run24.entities.filter((x) => x.indicators['rectify_completion']!.status === 'ok')) {
      for (const id of ['rectify_completion', 'rectify_recurrence']) {
        const v = e.indicators[id]!;
        if (v.status !== 'ok') continue;
        expect((await lineage(ws, { runId: run24.run_id, entityId: e.entity_id, indicatorId: id })).total, `${e.entity_id} ${id}`).toBe(v.numerator);
        expect((await lineage(ws, { runId: run24.run_id, entityId: e.entity_id, indicatorId: id, part: 'denominator' })).total, `${e.entity_id} ${id}`).toBe(v.denominator);
      }
    }
  });

  it.skipIf(!hasChromium() || !hasProgram('pdftoppm'))('PDF pages of the county and unit sections and of a notice, for looking at (test-artifacts/report/rectify)', async () => {
    const out = artifactDir('rectify');
    const ctx = await reportContext(ws, { runId: run24.run_id, date: REPORT_DATE });
    const county = join(out, 'county.pdf');
    await writeReport(buildCountyReport(ctx), 'pdf', county);
    const unit = join(out, 'unit.pdf');
    await writeReport(buildUnitReport(ctx, filled[0]!.unit), 'pdf', unit);
    for (const [pdf, name] of [[county, 'county'], [unit, 'unit']] as const) {
      const pages = pdfText(pdf).split('\f');
      const at = pages.findIndex((p) => /上年整改落实情况|整改事项落实情况/.test(p.replace(/\s+/g, '')));
      expect(at, name).toBeGreaterThanOrEqual(0);
      execFileSync('pdftoppm', ['-r', '60', '-f', String(at + 1), '-l', String(at + 2), '-png', pdf, join(out, `${name}-section`)]);
    }
    if (sofficePath()) {
      const pdf = await docxToPdf(join(dir, 'out', (await import('node:fs')).readdirSync(join(dir, 'out')).find((f) => f.startsWith('整改通知书'))!), out);
      execFileSync('pdftoppm', ['-r', '60', '-f', '1', '-l', '2', '-png', pdf, join(out, 'notice')]);
    }
  }, 180_000);

  it('the 整改台账 XLSX: every item, masked names, formulas written as text', async () => {
    const path = join(dir, 'ledger.xlsx');
    const r = await writeLedger(db, path, { asOf: REPORT_DATE });
    expect(r.items).toBe(Number(await db.scalar(`SELECT count(*) FROM rectify_item`)));
    const sheets = await readXlsx(path);
    const rows = sheets.get('整改台账')!.rows;
    // the header in row 1, the title in the printed page header (every XLSX since issue 13)
    expect(rows[0]![0]).toBe('事项编号');
    const body = rows.slice(1);
    expect(body).toHaveLength(r.items);
    expect(body.map((x) => String(x[0])).sort()).toEqual((await db.all<{ code: string }>(`SELECT printf('ZG%06d', item_id) AS code FROM rectify_item ORDER BY code`)).map((x) => x.code));
    const flat = JSON.stringify(rows);
    expect(flat).toContain('张**');
    expect(flat).not.toContain('张三丰');
    expect(flat).toContain(`'=HYPERLINK`);
  });
});

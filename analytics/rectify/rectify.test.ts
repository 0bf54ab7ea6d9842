// The ledger's pieces one by one: codes, 逾期 against the as-of date, the problem conditions and
// the check of one indicator item, edits and their history, feedback forms that cannot be read
// (the workspace unchanged), formula injection both ways, cancel, masking of personal record keys,
// run reuse after a ledger change, and the CLI.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { lit } from '../db/duck.js';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.js';
import { parsePeriod } from '../eval/period.js';
import { findReusableRun } from '../eval/reuse.js';
import { evaluate, loadDefaultIndex } from '../eval/run.js';
import type { Indicator } from '../index/schema.js';
import { importFile } from '../import/import-file.js';
import { markHit } from '../review/marks.js';
import { runReview } from '../review/run.js';
import { sampleWorkspace, snapshot, tempDir } from '../test/helpers.js';
import type { Workspace } from '../workspace/workspace.js';
import { createFromRun } from './create.js';
import { indicatorCriterion, missesTarget } from './criteria.js';
import { exportUnitFiles } from './export.js';
import { importFeedback } from './feedback.js';
import { effectiveStatus, getItem, itemHistory, listItems, maskItem, updateItem } from './ledger.js';
import { HEADER_ROW, TEMPLATE_COLUMNS } from './template.js';
import { itemCode, parseItemCode } from './types.js';
import { indicatorCheck } from './verify.js';

const col = (key: string) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

/** The sample with 2023 evaluated and its items created (issued 2024-03-01). */
async function ledger(): Promise<{ ws: Workspace; runId: number }> {
  const ws = await sampleWorkspace();
  const r = await evaluate(ws, { period: '2023', draws: 0 });
  await createFromRun(ws, r.run_id, { issuedOn: '2024-03-01' });
  return { ws, runId: r.run_id };
}

/** One unit's exported form, with `fill` applied, saved as a new file. */
async function form(ws: Workspace, unit: string, name: string, fill: (s: ExcelJS.Worksheet) => void): Promise<string> {
  const dir = tempDir();
  const [f] = await exportUnitFiles(ws.db, join(dir, 'out'), { period: '2023', units: [unit] });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(f!.template);
  fill(wb.worksheets[0]!);
  const path = join(dir, name);
  await wb.xlsx.writeFile(path);
  return path;
}

describe('codes and statuses', () => {
  it('item codes round-trip; what is not a code is refused', () => {
    expect(itemCode(42)).toBe('ZG000042');
    expect(parseItemCode('ZG000042')).toBe(42);
    expect(parseItemCode(' zg42 ')).toBe(42);
    expect(parseItemCode('42')).toBe(42);
    // typed in full width (an IME's full-width mode): the same code (was: "unknown item")
    expect(parseItemCode('ＺＧ０００１０１')).toBe(101);
    expect(parseItemCode('ZG0')).toBeNull();
    expect(parseItemCode('AB000042')).toBeNull();
    expect(parseItemCode('')).toBeNull();
  });

  it('逾期: open and past the deadline on the as-of date; due today is not overdue; closed never', () => {
    expect(effectiveStatus('待整改', '2024-03-31', '2024-03-31')).toBe('待整改');
    expect(effectiveStatus('待整改', '2024-03-31', '2024-04-01')).toBe('逾期');
    expect(effectiveStatus('整改中', '2024-03-31', '2024-04-01')).toBe('逾期');
    expect(effectiveStatus('已整改', '2024-03-31', '2025-01-01')).toBe('已整改');
    expect(effectiveStatus('不予整改', '2024-03-31', '2025-01-01')).toBe('不予整改');
  });
});

describe('the problem condition and the check of an indicator item', () => {
  const ind = (over: Partial<Indicator>): Indicator =>
    ({ id: 'x', name: { zh: '测试指标', en: 'Test' }, dimension: 'd', definition: '.', direction: 'higher', kind: 'ratio', scale: 1, unit: 'percent', goalposts: { lower: 0.5, upper: 1 }, weight: 1, applies_to: { county: true, units: true }, min_denominator: 0, empty_county: 'gap', sql: 'SELECT 1', lineage: { numerator: 'SELECT 1', numerator_exact: true, denominator_exact: true }, ...over }) as Indicator;
  const p = parsePeriod('2024');

  it('a target is missed or met (with the engine’s tolerance); without one, the bottom band is a score below 60', () => {
    expect(missesTarget(0.999, '>=', 1)).toBe(true);
    expect(missesTarget(1 - 1e-12, '>=', 1)).toBe(false);
    expect(missesTarget(0.2, '<=', 0.1)).toBe(true);
    const t = { direction: 'higher' as const, goalposts: { lower: 0.5, upper: 1 } };
    // score = (x − 0.5) / 0.5 × 100: 0.79 → 58, 0.8 → 60
    expect(indicatorCriterion(0.79, t)).toBe('band');
    expect(indicatorCriterion(0.8, t)).toBeNull();
    expect(indicatorCriterion(0.9, { ...t, target: { op: '>=', value: 0.95, source: 'seed' } })).toBe('target');
  });

  it('fixed, recurred, or not checkable — with the reason', () => {
    const i = ind({ target: { value: 0.9, op: '>=', source: 'seed', note: '.' } });
    const c = { criterion: 'target' as const, source_name: '测试指标' };
    expect(indicatorCheck(i, { numerator: 8, denominator: 10 }, c, '专业', p)).toMatchObject({ outcome: '复发', observed: 0.8 });
    expect(indicatorCheck(i, { numerator: 9, denominator: 10 }, c, '专业', p)).toMatchObject({ outcome: '已整改', observed: 0.9 });
    expect(indicatorCheck(i, { numerator: 0, denominator: 0 }, c, '专业', p)).toMatchObject({ outcome: '无法核验', detail_zh: expect.stringContaining('无可评价事项') });
    expect(indicatorCheck(i, undefined, c, '专业', p).outcome).toBe('无法核验');
    // 3 cases of a rate that needs 10: not scored by the evaluation, not evidence here
    const small = ind({ min_denominator: 10, target: { value: 0.9, op: '>=', source: 'seed', note: '.' } });
    expect(indicatorCheck(small, { numerator: 3, denominator: 3 }, c, '专业', p)).toMatchObject({ outcome: '无法核验', observed: null, detail_zh: expect.stringContaining('只有3件可评价事项，少于最小样本量10件') });
    expect(indicatorCheck(small, { numerator: 10, denominator: 10 }, c, '专业', p)).toMatchObject({ outcome: '已整改', observed: 1 });
    expect(indicatorCheck(undefined, { numerator: 9, denominator: 10 }, c, '专业', p)).toMatchObject({ outcome: '无法核验', detail_zh: expect.stringContaining('已没有') });
    expect(indicatorCheck(ind({ applies_to: { county: true, units: ['乡镇'] } }), { numerator: 1, denominator: 1 }, c, '专业', p)).toMatchObject({ outcome: '无法核验', detail_zh: expect.stringContaining('不适用') });
    // a count indicator against a ≤ target
    const cnt = ind({ kind: 'count', unit: 'count', direction: 'lower', goalposts: { lower: 0, upper: 3 }, target: { value: 0, op: '<=', source: 'seed', note: '.' } });
    expect(indicatorCheck(cnt, { numerator: 2, denominator: null }, c, '专业', p)).toMatchObject({ outcome: '复发', observed: 2 });
    expect(indicatorCheck(cnt, { numerator: 0, denominator: null }, c, '专业', p)).toMatchObject({ outcome: '已整改', observed: 0 });
  });
});

describe('editing an item', () => {
  it('checks the state, writes it and appends the change; nothing changed adds nothing', async () => {
    const { ws } = await ledger();
    const [it0] = await listItems(ws.db, { period: '2023' });
    const id = it0!.item_id;
    await expect(updateItem(ws.db, id, { status: '不予整改' }, { source: 'test' })).rejects.toMatchObject({ code: 'USAGE', zh: expect.stringContaining('理由') });
    await expect(updateItem(ws.db, id, { status: '已整改' }, { source: 'test' })).rejects.toMatchObject({ code: 'USAGE', zh: expect.stringContaining('完成时间') });
    expect(await itemHistory(ws.db, id)).toHaveLength(1);
    const r = await updateItem(ws.db, id, { status: '已整改', completed_on: '2024-04-02', owner: '王五', measures: '整改完毕' }, { source: 'test', actor: 'tester' });
    expect(r.changed.sort()).toEqual(['completed_on', 'measures', 'owner', 'status']);
    const h = await itemHistory(ws.db, id);
    expect(h).toHaveLength(2);
    expect(h[1]).toMatchObject({ action: 'edit', source: 'test', actor: 'tester', prev_status: '待整改', status: '已整改', completed_on: '2024-04-02', owner: '王五' });
    expect((await updateItem(ws.db, id, { measures: '整改完毕' }, { source: 'test' })).changed).toEqual([]);
    expect(await itemHistory(ws.db, id)).toHaveLength(2);
    // masked in what leaves the ledger
    expect(maskItem(await getItem(ws.db, id)).owner).toBe('王**');
  });
});

describe('feedback forms that cannot be used leave the workspace as it was', () => {
  it('a changed header, a form of a unit without items, a cancel', async () => {
    const { ws } = await ledger();
    const unit = (await listItems(ws.db))[0]!.unit_id;
    const before = await snapshot(ws.db);
    const items = await ws.db.all(`SELECT * FROM rectify_item ORDER BY item_id`);
    const badHeader = await form(ws, unit, 'bad-header.xlsx', (s) => {
      s.getRow(HEADER_ROW).getCell(col('measures')).value = '措施';
      s.getRow(HEADER_ROW + 1).getCell(col('status')).value = '整改中';
    });
    await expect(importFile(ws, badHeader)).rejects.toMatchObject({ code: 'FILE_UNSUPPORTED', zh: expect.stringContaining('表头被改动') });
    // the same form, cancelled
    const ok = await form(ws, unit, 'ok.xlsx', (s) => {
      s.getRow(HEADER_ROW + 1).getCell(col('status')).value = '整改中';
    });
    const ac = new AbortController();
    ac.abort();
    await expect(importFeedback(ws, ok, { signal: ac.signal })).rejects.toMatchObject({ code: 'IMPORT_CANCELLED' });
    expect(await snapshot(ws.db)).toEqual(before);
    expect(await ws.db.all(`SELECT * FROM rectify_item ORDER BY item_id`)).toEqual(items);
    // a form for another workspace's unit
    await ws.db.exec(`DELETE FROM rectify_event WHERE item_id IN (SELECT item_id FROM rectify_item WHERE unit_id = '${unit}'); DELETE FROM rectify_item WHERE unit_id = '${unit}'`);
    await expect(importFeedback(ws, ok)).rejects.toMatchObject({ code: 'IMPORT_FAILED', zh: expect.stringContaining('没有该单位的整改事项') });
    expect(await snapshot(ws.db)).toEqual(before);
  });
});

describe('formula injection', () => {
  it('a formula sent back is kept as text, and written with an apostrophe in the next form; read back without it', async () => {
    const { ws } = await ledger();
    const unit = (await listItems(ws.db))[0]!.unit_id;
    const id = (await listItems(ws.db, { unit }))[0]!.item_id;
    const f1 = await form(ws, unit, 'f1.xlsx', (s) => {
      s.eachRow((row, n) => {
        if (n > HEADER_ROW && parseItemCode(String(row.getCell(1).value)) === id) {
          row.getCell(col('status')).value = '整改中';
          row.getCell(col('measures')).value = '=cmd|" /C calc"!A0';
        }
      });
    });
    expect((await importFeedback(ws, f1)).rows_rejected).toBe(0);
    expect((await getItem(ws.db, id)).measures).toBe('=cmd|" /C calc"!A0');
    // the next form of the unit: the cell is text starting with an apostrophe, no formula
    const dir = tempDir();
    const [f] = await exportUnitFiles(ws.db, dir, { period: '2023', units: [unit] });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(f!.template);
    let cell: ExcelJS.Cell | null = null;
    wb.worksheets[0]!.eachRow((row, n) => {
      if (n > HEADER_ROW && parseItemCode(String(row.getCell(1).value)) === id) cell = row.getCell(col('measures'));
    });
    expect(cell!.type).toBe(ExcelJS.ValueType.String);
    expect(cell!.value).toBe(`'=cmd|" /C calc"!A0`);
    // sent back unchanged, it is the same text (the apostrophe is ours)
    const f2 = join(dir, 'f2.xlsx');
    await wb.xlsx.writeFile(f2);
    await importFeedback(ws, f2);
    expect((await getItem(ws.db, id)).measures).toBe('=cmd|" /C calc"!A0');
    expect((await itemHistory(ws.db, id)).filter((e) => e.action === 'import')).toHaveLength(1);
  });
});

describe('personal data in record keys', () => {
  it('a confirmed red flag whose keys hold a party’s id number: kept in the ledger, masked on the way out', async () => {
    const ws = await sampleWorkspace();
    const r = await evaluate(ws, { period: '2024', draws: 0 });
    const review = await runReview(ws, { period: '2024' });
    const hit = review.hits.find((h) => h.rule === 'officer_party_lenient' && h.unit_id)!;
    expect(String(hit.keys.party_id)).toMatch(/^\d{17}[\dX]$/);
    await markHit(ws, { rule: hit.rule, hitKey: hit.hit_key, status: '已核实', keys: hit.keys, period: '2024' });
    await createFromRun(ws, r.run_id, { issuedOn: '2025-03-01' });
    const item = (await listItems(ws.db, { kind: 'review' }))[0]!;
    expect(item.evidence.records![0]!.party_id).toBe(hit.keys.party_id);
    const masked = maskItem(item);
    expect(masked.evidence.records![0]!.party_id).toBe(`${String(hit.keys.party_id).slice(0, 4)}********${String(hit.keys.party_id).slice(-4)}`);
    ws.close();
    const cli = await run('rectify', 'list', '--workspace', ws.path, '--json');
    expect(cli.code, cli.err).toBe(0);
    expect(cli.out).not.toContain(String(hit.keys.party_id));
  });
});

describe('a saved run is not reused once the ledger changed', () => {
  it('the same inputs reuse the run; an edit of an item makes a new one needed', async () => {
    const ws = await sampleWorkspace();
    const index = await loadDefaultIndex();
    const r23 = await evaluate(ws, { period: '2023', draws: 0 });
    await createFromRun(ws, r23.run_id, { issuedOn: '2024-03-01' });
    const r24 = await evaluate(ws, { period: '2024', compare: '2023' });
    const q = { period: parsePeriod('2024'), compare: parsePeriod('2023'), index };
    expect(await findReusableRun(ws, q)).toBe(r24.run_id);
    const id = (await listItems(ws.db))[0]!.item_id;
    await updateItem(ws.db, id, { status: '已整改', completed_on: '2024-04-01' }, { source: 'test' });
    expect(await findReusableRun(ws, q)).toBeNull();
  });
});

describe('tijian rectify', () => {
  it('list --item prints the ledger\'s text with control characters, line feeds and bidi controls escaped (hostile probe 9, F2: a workspace from elsewhere drove the terminal)', async () => {
    const { ws } = await ledger();
    const id = (await listItems(ws.db))[0]!.item_id;
    await updateItem(ws.db, id, { status: '整改中', measures: '措施', owner: '张三' }, { source: '测试\x1b]8;;http://evil.example\x1b\\' });
    // (typed text is refused such characters now: the ledger's text as a workspace from elsewhere holds it)
    await ws.db.exec(`UPDATE rectify_item SET measures = ${lit('措施\x1b[2K\x1b[1A伪造\n✓ 已整改\u202e本文转反')}, owner = ${lit('张\x9b三')} WHERE item_id = ${id}`);
    ws.close();
    const r = await run('rectify', 'list', '--workspace', ws.path, '--item', itemCode(id), '--unmask');
    expect(r.code, r.err).toBe(0);
    expect(r.out).not.toMatch(/[\x1b\x9b\u202e]/);
    expect(r.out).toContain('  整改措施：措施\\x1b[2K\\x1b[1A伪造\\n✓ 已整改\\u202e本文转反\n');
    expect(r.out).toContain('  责任人：张\\u009b三\n');
    expect(r.out).toContain('测试\\x1b]8;;http://evil.example\\x1b\\');
  });


  it('create (twice), list, set, export, import, verify', async () => {
    const ws = await sampleWorkspace();
    const r = await evaluate(ws, { period: '2023', draws: 0 });
    ws.close();
    const w = ws.path;
    const c1 = await run('rectify', 'create', '--workspace', w, '--period', '2023', '--issued', '2024-03-01', '--json');
    expect(c1.code, c1.err).toBe(0);
    const j1 = JSON.parse(c1.out) as { created: number; existing: number; run_id: number };
    expect(j1.run_id).toBe(r.run_id);
    expect(j1.created).toBeGreaterThan(0);
    const c2 = JSON.parse((await run('rectify', 'create', '--workspace', w, '--run', String(r.run_id), '--json')).out) as { created: number; existing: number };
    expect(c2).toMatchObject({ created: 0, existing: j1.created });
    const l = JSON.parse((await run('rectify', 'list', '--workspace', w, '--as-of', '2024-04-15', '--json')).out) as { counts: { total: number; by_status: Record<string, number> }; items: Array<{ code: string; status: string; deadline: string }> };
    expect(l.counts.total).toBe(j1.created);
    expect(l.counts.by_status['逾期']).toBe(l.items.filter((i) => i.deadline < '2024-04-15').length);
    expect(l.items[0]!.status).toBe('逾期');
    const code = l.items[0]!.code;
    expect((await run('rectify', 'set', '--workspace', w, '--item', code, '--status', '逾期')).code).toBe(2);
    const s = await run('rectify', 'set', '--workspace', w, '--item', code, '--status', '已整改', '--completed', '2024-04-10', '--owner', '赵六');
    expect(s.code, s.err).toBe(0);
    const one = JSON.parse((await run('rectify', 'list', '--workspace', w, '--item', code, '--json')).out) as { item: { status: string; owner: string }; history: unknown[] };
    expect(one.item).toMatchObject({ status: '已整改', owner: '赵**' });
    expect(one.history).toHaveLength(2);
    const out = join(tempDir(), 'out');
    const e = await run('rectify', 'export', '--workspace', w, '--out', out);
    expect(e.code, e.err).toBe(0);
    const paths = e.out.trim().split('\n');
    const units = new Set(await listUnits(w));
    expect(paths.filter((p) => p.endsWith('.docx'))).toHaveLength(units.size);
    expect(paths.filter((p) => /整改反馈表_.*\.xlsx$/.test(p))).toHaveLength(units.size);
    expect(paths.filter((p) => /整改台账_2023\.xlsx$/.test(p))).toHaveLength(1);
    // a data file is not a feedback form
    const notForm = await run('rectify', 'import', '--workspace', w, join(out, '..', '..', 'nothing.xlsx'));
    expect(notForm.code).toBe(1);
    const form0 = paths.find((p) => /整改反馈表_/.test(p))!;
    const imp = await run('rectify', 'import', '--workspace', w, '--json', form0);
    expect(imp.code, imp.err).toBe(0);
    expect(JSON.parse(imp.out).files[0]).toMatchObject({ table: 'rectify_item', rows_rejected: 0 });
    const v = await run('rectify', 'verify', '--workspace', w, '--period', '2024', '--json');
    expect(v.code, v.err).toBe(0);
    expect(JSON.parse(v.out)).toMatchObject({ period: '2024', checked: 1 });
  });
});

async function listUnits(w: string): Promise<string[]> {
  const r = JSON.parse((await run('rectify', 'list', '--workspace', w, '--json')).out) as { items: Array<{ unit_id: string }> };
  return [...new Set(r.items.map((i) => i.unit_id))];
}

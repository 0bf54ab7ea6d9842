// The evidence pack opened with exceljs: a summary, per-unit and per-officer counts and one sheet
// per rule; personal data masked unless unmasked; nothing can run as a formula.
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, sampleWorkspace, tempDir } from '../test/helpers.js';
import type { Workspace } from '../workspace/workspace.js';
import { isOrganisationName } from '../privacy/mask.js';
import { displayHit, reviewJson, writeEvidencePack } from './export.js';
import { baseFixture, insertRows, kase } from './fixtures.js';
import { runReview } from './run.js';

const EVIL_PARTY = '=HYPERLINK("http://evil.example/x","点我领取")';
const PARTY_ID = '330203198001011234';

async function fixture(): Promise<Workspace> {
  const ws = await freshWorkspace();
  await baseFixture(ws);
  await insertRows(ws, 'officer', [{ officer_id: 'O8', year: 2024, name: '+SUM(1,2)', unit_id: 'U1', cert_no: 'C8', cert_valid_from: '2020-01-01', cert_valid_to: '2030-01-01' }]);
  const lenient = { no_penalty_reason: '首违不罚', penalty_types: null, fine_amount: null, executed_date: null };
  await insertRows(ws, 'penalty_case', [
    // overdue, with a party name that is a formula and an officer whose name looks like one
    kase({ case_id: '@CASE1', filed_date: '2024-01-01', decision_date: '2024-05-01', party_name: EVIL_PARTY, party_id: PARTY_ID, officer_ids: ['O8', 'O1'] }),
    // three lenient cases of O1 and O2 with the same party: personal keys (party_id)
    ...['L1', 'L2', 'L3'].map((id) => kase({ case_id: id, filed_date: '2024-03-01', party_name: EVIL_PARTY, party_id: PARTY_ID, ...lenient })),
  ]);
  return ws;
}

async function readBook(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function cells(wb: ExcelJS.Workbook): ExcelJS.Cell[] {
  const out: ExcelJS.Cell[] = [];
  for (const ws of wb.worksheets) ws.eachRow((row) => row.eachCell((c) => void out.push(c)));
  return out;
}

// the cells, and the titles and notes in the printed page header and footer
const texts = (wb: ExcelJS.Workbook) => [
  ...cells(wb).map((c) => (typeof c.value === 'string' ? c.value : String(c.value ?? ''))),
  ...wb.worksheets.flatMap((ws) => [ws.headerFooter.oddHeader ?? '', ws.headerFooter.oddFooter ?? '']),
];

describe('the evidence pack', () => {
  it('masks personal data by default, escapes formula-like text, and has a sheet per rule', async () => {
    const ws = await fixture();
    const r = await runReview(ws, { period: '2024' });
    expect(r.hits.map((h) => h.rule).sort()).toEqual(['officer_party_lenient', 'officer_party_lenient', 'overdue_case']);
    const path = join(tempDir(), 'pack.xlsx');
    await writeEvidencePack(r, path);
    const wb = await readBook(path);
    expect(wb.worksheets.map((s) => s.name).slice(0, 3)).toEqual(['汇总', '按单位', '按人员']);
    expect(wb.worksheets).toHaveLength(3 + 13);
    expect(wb.worksheets[3]!.name).toBe('01 办案超期');

    // nothing is a formula, and no text starts with = + - @
    for (const c of cells(wb)) {
      expect(c.type, c.address).not.toBe(ExcelJS.ValueType.Formula);
      if (typeof c.value === 'string') expect(c.value, `${c.worksheet.name}!${c.address}`).not.toMatch(/^[=+\-@]/);
    }
    const all = texts(wb).join('\n');
    for (const secret of ['HYPERLINK', PARTY_ID, '赵一', '钱二', 'SUM(1,2)']) expect(all).not.toContain(secret);
    expect(all).toContain("'=**"); // the masked party name, escaped
    expect(all).toContain("'+**、赵**"); // the list of masked officer names, escaped as a whole
    expect(all).toContain('赵**');
    expect(all).toContain('3302********1234');
    expect(all).toContain("'@CASE1"); // a case id starting with @ is escaped, not masked
    expect(all).toContain('个人信息（姓名、证件号码、电话）已脱敏');

    // the rule sheet: the header in row 1, then one row per hit with its ref and summary
    const sheet = wb.getWorksheet('01 办案超期')!;
    const rows: unknown[][] = [];
    sheet.eachRow((row) => void rows.push((row.values as unknown[]).slice(1)));
    const header = rows.findIndex((x) => x[0] === '序号');
    expect(rows[header]).toEqual(expect.arrayContaining(['线索号', '摘要', '核查状态', '核查意见', '案件编号', '承办人', '当事人']));
    const hit = rows[header + 1]!;
    expect(hit[1]).toBe(r.hits.find((h) => h.rule === 'overdue_case')!.ref);
    expect(hit).toContain('未标记');
    expect(hit).toContain("'+**、赵**");
    expect(hit).toContain("'=**");
  });

  it('shows personal data only when unmasked explicitly, still escaped', async () => {
    const ws = await fixture();
    const r = await runReview(ws, { period: '2024' });
    const path = join(tempDir(), 'unmasked.xlsx');
    await writeEvidencePack(r, path, { unmask: true });
    const wb = await readBook(path);
    for (const c of cells(wb)) expect(c.type).not.toBe(ExcelJS.ValueType.Formula);
    const all = texts(wb);
    expect(all).toContain(`'${EVIL_PARTY}`);
    expect(all.join('\n')).toContain(PARTY_ID);
    expect(all.join('\n')).toContain('赵一');
    expect(all.join('\n')).toContain('含未脱敏的个人信息');
  });

  it('masks the --json shape too, keeping refs to identify hits', async () => {
    const ws = await fixture();
    const r = await runReview(ws, { period: '2024' });
    const masked = reviewJson(r) as { masked: boolean; hits: Array<Record<string, any>>; rules: Array<Record<string, any>> };
    expect(masked.masked).toBe(true);
    const lenient = masked.hits.find((h) => h.rule === 'officer_party_lenient')!;
    expect(lenient.keys.party_id).toBe('3302********1234');
    expect(lenient.hit_key).toBeUndefined(); // it would carry the party's id number
    expect(lenient.evidence.当事人).toBe('=**');
    expect(lenient.ref).toMatch(/^[0-9a-f]{10}$/);
    const overdue = masked.hits.find((h) => h.rule === 'overdue_case')!;
    expect(overdue.hit_key).toBe('case_id=@CASE1'); // no personal key: the hit_key is shown
    expect(JSON.stringify(masked)).not.toContain(PARTY_ID);
    const unmasked = reviewJson(r, { unmask: true }) as typeof masked;
    expect(unmasked.hits.find((h) => h.rule === 'officer_party_lenient')!.keys.party_id).toBe(PARTY_ID);
    expect(masked.rules.find((x) => x.id === 'overdue_case')).toMatchObject({ hits: 1, units: { U1: 1 }, severity: '中', name: { zh: '办案超期' } });
    // the result itself is never changed by masking
    expect(r.hits.find((h) => h.rule === 'officer_party_lenient')!.keys.party_id).toBe(PARTY_ID);
    expect(displayHit(r.hits[0]!, r.rules[0], { unmask: true }).evidence).toEqual(r.hits[0]!.evidence);
  });

  it('on the sample: the 2024 pack opens, lists every rule, and no personal value of any hit appears', async () => {
    const ws = await sampleWorkspace();
    const r = await runReview(ws, { period: '2024' });
    const path = join(tempDir(), 'shengsi-2024.xlsx');
    await writeEvidencePack(r, path);
    const wb = await readBook(path);
    expect(wb.worksheets).toHaveLength(16);
    const summary: unknown[][] = [];
    wb.getWorksheet('汇总')!.eachRow((row) => void summary.push((row.values as unknown[]).slice(1)));
    const ids = summary.map((x) => x[0]);
    for (const s of r.rules) {
      const row = summary[ids.indexOf(s.id)]!;
      expect(row[5], s.id).toBe(s.hits);
    }
    const all = texts(wb).join('\n');
    // natural persons are masked; businesses (检查对象 嵊泗县…民宿) are shown so subjects stay distinguishable
    let people = 0;
    let businesses = 0;
    for (const h of r.hits) {
      const rule = r.rules.find((s) => s.id === h.rule)!;
      for (const col of rule.personal_columns) {
        const v = h.evidence[col];
        for (const x of (Array.isArray(v) ? v : [v]).filter((y): y is string => typeof y === 'string' && y.length > 1)) {
          if (rule.personal_kinds?.[col] === 'name' && isOrganisationName(x)) {
            expect(all, `${h.rule} ${col}`).toContain(x.replace(/（[^）]*）/g, ''));
            businesses++;
          } else {
            expect(all, `${h.rule} ${col}`).not.toContain(x);
            people++;
          }
        }
      }
    }
    expect(people).toBeGreaterThan(0);
    expect(businesses).toBeGreaterThan(0);
  });
});

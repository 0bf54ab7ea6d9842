// Test fixtures for the review rules: small hand-made rows in a fresh workspace (used by the tests
// only). Every default below is clean for every rule: two certified officers, a fine inside the
// discretion range, decided within 90 days, executed, closed, not major, not a suspected crime.
import { ident, lit } from '../db/duck.js';
import type { Workspace } from '../workspace/workspace.js';

type Row = Record<string, unknown>;

function sqlValue(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (Array.isArray(v)) return v.length ? `[${v.map(sqlValue).join(', ')}]` : '[]::VARCHAR[]';
  if (typeof v === 'number' || typeof v === 'boolean') return lit(v);
  return lit(String(v));
}

/** Inserts rows (column → value; dates as 'YYYY-MM-DD', lists as arrays) into a canonical table. */
export async function insertRows(ws: Workspace, table: string, rows: Row[]): Promise<void> {
  for (const row of rows) {
    const cols = Object.keys(row);
    await ws.db.exec(`INSERT INTO ${ident(table)} (${cols.map(ident).join(', ')}) VALUES (${cols.map((c) => sqlValue(row[c])).join(', ')})`);
  }
}

/** Units U1–U3, matters M1 (fines 1000–10000), M2 (1000–10000), M3 (minimum 500 only), officers
 *  O1, O2 (certified all of 2023 and 2024), O3 (certificate to 2024-05-31), O4 (no certificate),
 *  O5 (certificate from 2024-07-03), O6 (certificate to 2024-09-30), O7 (2023 roster only). */
export async function baseFixture(ws: Workspace): Promise<void> {
  await insertRows(ws, 'unit', [
    { unit_id: 'U1', name: '测试县综合行政执法局', short_name: '综合执法局', unit_type: '综合' },
    { unit_id: 'U2', name: '测试县市场监督管理局', short_name: '市场监管局', unit_type: '专业' },
    { unit_id: 'U3', name: '测试县卫生健康局', short_name: '卫健局', unit_type: '专业' },
  ]);
  await insertRows(ws, 'matter', [
    { matter_code: 'M1', name: '事项一', domain: '城管', power_type: '处罚', owner_type: '综合', fine_min: 1000, fine_max: 10000 },
    { matter_code: 'M2', name: '事项二', domain: '市场', power_type: '处罚', owner_type: '专业', fine_min: 1000, fine_max: 10000 },
    { matter_code: 'M3', name: '事项三', domain: '卫生', power_type: '处罚', owner_type: '专业', fine_min: 500, fine_max: null },
  ]);
  const officer = (id: string, year: number, name: string, cert: string | null, from: string | null, to: string | null) => ({
    officer_id: id,
    year,
    name,
    unit_id: 'U1',
    cert_no: cert,
    cert_valid_from: from,
    cert_valid_to: to,
  });
  await insertRows(ws, 'officer', [
    officer('O1', 2023, '赵一', 'C1', '2020-01-01', '2026-12-31'),
    officer('O1', 2024, '赵一', 'C1', '2020-01-01', '2026-12-31'),
    officer('O2', 2023, '钱二', 'C2', '2020-01-01', '2026-12-31'),
    officer('O2', 2024, '钱二', 'C2', '2020-01-01', '2026-12-31'),
    officer('O3', 2024, '孙三', 'C3', '2021-06-01', '2024-05-31'),
    officer('O4', 2024, '李四', null, null, null),
    officer('O5', 2024, '周五', 'C5', '2024-07-03', '2027-07-02'),
    officer('O6', 2024, '吴六', 'C6', '2021-10-01', '2024-09-30'),
    officer('O7', 2023, '郑七', 'C7', '2020-01-01', '2026-12-31'),
  ]);
}

let caseNo = 0;

/** A clean penalty case filed on `filed`, decided 30 days later, fined 2000 (M1), executed. */
export function kase(over: Row & { filed_date: string }): Row {
  const filed = new Date(`${over.filed_date}T00:00:00Z`);
  const plus = (days: number) => new Date(filed.getTime() + days * 86400000).toISOString().slice(0, 10);
  return {
    case_id: `AJ${++caseNo}`,
    unit_id: 'U1',
    unit_raw: '综合执法局',
    matter_code: 'M1',
    decision_date: plus(30),
    closed_date: plus(40),
    deadline_days: 90,
    major_case: false,
    party_type: '个人',
    party_name: '王某',
    party_id: '330203198001011234',
    penalty_types: ['罚款'],
    fine_amount: 2000,
    suspected_crime: false,
    executed_date: plus(35),
    officer_ids: ['O1', 'O2'],
    officer_unresolved: [],
    ...over,
  };
}

let inspectionNo = 0;

/** A clean single-unit inspection by U1 with two certified officers. */
export function inspection(over: Row & { date: string }): Row {
  return {
    inspection_id: `JC${++inspectionNo}`,
    lead_unit_id: 'U1',
    lead_unit_raw: '综合执法局',
    unit_ids: [String(over.lead_unit_id ?? 'U1')],
    is_joint: false,
    subject_id: 'S0',
    subject_name: '某某商店',
    officer_ids: ['O1', 'O2'],
    officer_unresolved: [],
    ...over,
  };
}

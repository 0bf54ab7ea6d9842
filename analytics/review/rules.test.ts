// Every default rule on small hand-made rows: records that must hit, and near-misses that must not
// (one day, one officer or one case on the other side of each threshold).
import { describe, expect, it } from 'vitest';
import { freshWorkspace } from '../test/helpers.js';
import type { Workspace } from '../workspace/workspace.js';
import { baseFixture, inspection, insertRows, kase } from './fixtures.js';
import { hitKey } from './keys.js';
import { runReview } from './run.js';

async function setup(rows: { cases?: Record<string, unknown>[]; inspections?: Record<string, unknown>[]; complaints?: Record<string, unknown>[]; findings?: Record<string, unknown>[] }): Promise<Workspace> {
  const ws = await freshWorkspace();
  await baseFixture(ws);
  if (rows.cases) await insertRows(ws, 'penalty_case', rows.cases);
  if (rows.inspections) await insertRows(ws, 'inspection', rows.inspections);
  if (rows.complaints) await insertRows(ws, 'complaint', rows.complaints);
  if (rows.findings) await insertRows(ws, 'supervision_finding', rows.findings);
  return ws;
}

/** The hit keys of one rule for a period, canonical. */
async function hitsOf(ws: Workspace, rule: string, period = '2024'): Promise<string[]> {
  const r = await runReview(ws, { period, only: [rule] });
  return r.hits.map((h) => h.hit_key).sort();
}

const caseKeys = (...ids: string[]) => ids.map((case_id) => hitKey({ case_id })).sort();

describe('default rules on hand-made fixtures', () => {
  it('a clean case and a clean inspection hit no rule', async () => {
    const ws = await setup({ cases: [kase({ case_id: 'CLEAN', filed_date: '2024-03-01' })], inspections: [inspection({ inspection_id: 'JCCLEAN', date: '2024-03-01' })] });
    const r = await runReview(ws, { period: '2024' });
    expect(r.rules).toHaveLength(13);
    expect(r.hits).toEqual([]);
  });

  it('overdue_case: decided past the deadline, or open past it at period end; an extension extends the limit', async () => {
    const ws = await setup({
      cases: [
        kase({ case_id: 'D91', filed_date: '2024-01-01', decision_date: '2024-04-01' }), // 91 days, extension empty
        kase({ case_id: 'D91NO', filed_date: '2024-01-01', decision_date: '2024-04-01', extension_approved: false }),
        kase({ case_id: 'D31OF30', filed_date: '2024-02-01', decision_date: '2024-03-03', deadline_days: 30 }), // 31 days of 30
        kase({ case_id: 'FILED2023', filed_date: '2023-11-01', decision_date: '2024-02-15' }), // decided in 2024
        // an approved extension without its days adds 30: 150 days > 90 + 30
        kase({ case_id: 'EXT', filed_date: '2024-01-01', decision_date: '2024-05-30', extension_approved: true }),
        // 150 days with 50 days approved: > 140
        kase({ case_id: 'EXT50', filed_date: '2024-01-01', decision_date: '2024-05-30', extension_approved: true, extension_days: 50 }),
        // open at the end of 2024 after 365 days (and so at the end of 2025 too)
        kase({ case_id: 'OPEN', filed_date: '2024-01-01', decision_date: null, closed_date: null, executed_date: null }),
        // near-misses
        kase({ case_id: 'D90', filed_date: '2024-01-01', decision_date: '2024-03-31' }), // exactly 90 days
        kase({ case_id: 'EXT120', filed_date: '2024-01-01', decision_date: '2024-04-30', extension_approved: true }), // 120 of 120
        kase({ case_id: 'EXT60', filed_date: '2024-01-01', decision_date: '2024-05-30', extension_approved: true, extension_days: 60 }), // 150 of 150
        kase({ case_id: 'D120OF180', filed_date: '2024-01-01', decision_date: '2024-04-30', deadline_days: 180 }),
        kase({ case_id: 'NEXTYEAR', filed_date: '2024-10-01', decision_date: '2025-01-15', executed_date: '2025-01-18', closed_date: '2025-01-20' }), // decided in 2025, open 91 days at the end of 2024
        kase({ case_id: 'OPENSHORT', filed_date: '2024-11-01', decision_date: null, closed_date: null, executed_date: null }), // 60 days
        kase({ case_id: 'POLICE', filed_date: '2024-01-01', decision_date: null, closed_date: null, executed_date: null, suspected_crime: true, police_transfer_date: '2024-02-01' }),
        kase({ case_id: 'CLOSEDNODECISION', filed_date: '2024-01-01', decision_date: null, closed_date: '2024-06-01', executed_date: null }),
      ],
    });
    // NEXTYEAR: filed 2024-10-01, open at 2024-12-31 after 91 days > 90 — overdue in 2024 already
    expect(await hitsOf(ws, 'overdue_case')).toEqual(caseKeys('D91', 'D91NO', 'D31OF30', 'FILED2023', 'EXT', 'EXT50', 'OPEN', 'NEXTYEAR'));
    // by the end of 2025 OPENSHORT is open 425 days too
    expect(await hitsOf(ws, 'overdue_case', '2025')).toEqual(caseKeys('NEXTYEAR', 'OPEN', 'OPENSHORT'));
    const r = await runReview(ws, { period: '2024', only: ['overdue_case'] });
    const d91 = r.hits.find((h) => h.keys.case_id === 'D91')!;
    expect(d91.evidence).toMatchObject({ 办案天数: 91, 办案期限: 90, 延期审批: '未填写', 办理情况: '才作出处罚决定' });
    expect(d91.summary).toContain('立案后 91 天才作出处罚决定');
    expect(d91.unit_id).toBe('U1');
    expect(d91.officer_ids).toEqual(['O1', 'O2']);
    expect(r.hits.find((h) => h.keys.case_id === 'EXT50')!.evidence).toMatchObject({ 办案天数: 150, 办案期限: 140, 延期审批: '已批准延期 50 天' });
    const open = r.hits.find((h) => h.keys.case_id === 'OPEN')!;
    expect(open.evidence).toMatchObject({ 办案天数: 365, 办案期限: 90, 办理情况: '到期末仍未作出决定' });
    expect(open.summary).toContain('到期末仍未作出决定');
  });

  it('major_without_review: no legal review, or one dated after the decision', async () => {
    const ws = await setup({
      cases: [
        kase({ case_id: 'NOREVIEW', filed_date: '2024-04-01', decision_date: '2024-05-10', major_case: true, legal_review_date: null }),
        kase({ case_id: 'LATE1', filed_date: '2024-04-01', decision_date: '2024-05-10', major_case: true, legal_review_date: '2024-05-11' }),
        kase({ case_id: 'SAMEDAY', filed_date: '2024-04-01', decision_date: '2024-05-10', major_case: true, legal_review_date: '2024-05-10' }),
        kase({ case_id: 'BEFORE', filed_date: '2024-04-01', decision_date: '2024-05-10', major_case: true, legal_review_date: '2024-05-08' }),
        kase({ case_id: 'NOTMAJOR', filed_date: '2024-04-01', decision_date: '2024-05-10', major_case: false, legal_review_date: null }),
        kase({ case_id: 'UNDECIDED', filed_date: '2024-04-01', decision_date: null, major_case: true, legal_review_date: null }),
      ],
    });
    expect(await hitsOf(ws, 'major_without_review')).toEqual(caseKeys('NOREVIEW', 'LATE1'));
    const r = await runReview(ws, { period: '2024', only: ['major_without_review'] });
    expect(r.hits.find((h) => h.keys.case_id === 'LATE1')!.evidence.审核情况).toBe('法制审核日期晚于处罚决定 1 天');
  });

  it('uncertified_officer: no certificate, expired, not yet valid, or not in that year’s roster — checked on the day', async () => {
    const ws = await setup({
      cases: [
        kase({ case_id: 'EXPIRED', filed_date: '2024-06-01', officer_ids: ['O1', 'O3'] }),
        kase({ case_id: 'LASTDAY', filed_date: '2024-05-31', officer_ids: ['O1', 'O3'] }),
        kase({ case_id: 'NOTINROSTER', filed_date: '2024-02-01', officer_ids: ['O1', 'O7'] }),
        kase({ case_id: 'ROSTER2023', filed_date: '2023-06-01', officer_ids: ['O1', 'O7'] }),
        // 2022: no roster imported for the year
        kase({ case_id: 'NOROSTER2022', filed_date: '2022-05-01', officer_ids: ['O1', 'O2'] }),
      ],
      inspections: [
        inspection({ inspection_id: 'BEFOREVALID', date: '2024-07-02', officer_ids: ['O5', 'O1'] }),
        inspection({ inspection_id: 'FIRSTDAY', date: '2024-07-03', officer_ids: ['O5', 'O1'] }),
        inspection({ inspection_id: 'NOCERT', date: '2024-03-03', officer_ids: ['O4', 'O2'] }),
        inspection({ inspection_id: 'O6LAST', date: '2024-09-30', officer_ids: ['O6', 'O2'] }),
        inspection({ inspection_id: 'O6AFTER', date: '2024-10-01', officer_ids: ['O6', 'O2'] }),
        // the same officer listed twice is one hit; no officers listed, nothing to check
        inspection({ inspection_id: 'NOCERTTWICE', date: '2024-03-04', officer_ids: ['O4', 'O4'] }),
        inspection({ inspection_id: 'EMPTYLIST', date: '2024-03-04', officer_ids: [] }),
        inspection({ inspection_id: 'NULLLIST', date: '2024-03-04', officer_ids: null, officer_unresolved: null }),
      ],
    });
    expect(await hitsOf(ws, 'uncertified_officer')).toEqual(
      [
        { officer_id: 'O3', case_id: 'EXPIRED' },
        { officer_id: 'O7', case_id: 'NOTINROSTER' },
        { officer_id: 'O5', inspection_id: 'BEFOREVALID' },
        { officer_id: 'O4', inspection_id: 'NOCERT' },
        { officer_id: 'O6', inspection_id: 'O6AFTER' },
        { officer_id: 'O4', inspection_id: 'NOCERTTWICE' },
      ]
        .map(hitKey)
        .sort(),
    );
    expect(await hitsOf(ws, 'uncertified_officer', '2023')).toEqual([]);
    // without the year's roster nothing shows a certificate was missing: 数据不全, not two hits
    const r2022 = await runReview(ws, { period: '2022', only: ['uncertified_officer'] });
    expect(r2022.hits).toEqual([]);
    expect(r2022.data_gaps!.map((g) => g.keys)).toEqual([
      { officer_id: 'O1', case_id: 'NOROSTER2022' },
      { officer_id: 'O2', case_id: 'NOROSTER2022' },
    ]);
    expect(r2022.data_gaps![0]!.reason).toBe('没有导入 2022 年度的执法人员花名册，无法核对执法证');
    const r = await runReview(ws, { period: '2024', only: ['uncertified_officer'] });
    const problems = Object.fromEntries(r.hits.map((h) => [h.evidence.记录编号, h.evidence.问题]));
    expect(problems).toEqual({
      NOTINROSTER: '2024 年度花名册中没有此人',
      NOCERT: '当年花名册中没有执法证号',
      EXPIRED: '执法证已于 2024-05-31 到期',
      BEFOREVALID: '执法证自 2024-07-03 起才生效',
      O6AFTER: '执法证已于 2024-09-30 到期',
      NOCERTTWICE: '当年花名册中没有执法证号',
    });
    // the hit names the one officer without a certificate, not the partner
    expect(r.hits.find((h) => h.keys.case_id === 'EXPIRED')!.officer_ids).toEqual(['O3']);
  });

  it('single_officer: fewer than two officers (unmatched names count as officers; none recorded is 数据不全)', async () => {
    const ws = await setup({
      cases: [
        kase({ case_id: 'ONE', filed_date: '2024-03-01', officer_ids: ['O1'] }),
        kase({ case_id: 'SAMETWICE', filed_date: '2024-03-01', officer_ids: ['O1', 'O1'] }),
        kase({ case_id: 'TWO', filed_date: '2024-03-01', officer_ids: ['O1', 'O2'] }),
        kase({ case_id: 'ONEPLUSNAME', filed_date: '2024-03-01', officer_ids: ['O1'], officer_unresolved: ['张三'] }),
      ],
      inspections: [
        inspection({ inspection_id: 'NOBODY', date: '2024-04-01', officer_ids: [] }),
        inspection({ inspection_id: 'NULLLIST', date: '2024-04-01', officer_ids: null, officer_unresolved: null }),
        inspection({ inspection_id: 'INSPTWO', date: '2024-04-01', officer_ids: ['O1', 'O2'] }),
        inspection({ inspection_id: 'INSPONE', date: '2024-04-01', officer_ids: ['O2'] }),
      ],
    });
    expect(await hitsOf(ws, 'single_officer')).toEqual([{ case_id: 'ONE' }, { case_id: 'SAMETWICE' }, { inspection_id: 'INSPONE' }].map(hitKey).sort());
    // no officer recorded at all is missing data, not evidence: 数据不全, never a hit
    const r = await runReview(ws, { period: '2024', only: ['single_officer'] });
    expect(r.data_gaps!.map((g) => g.hit_key).sort()).toEqual([{ inspection_id: 'NOBODY' }, { inspection_id: 'NULLLIST' }].map(hitKey).sort());
    expect(r.data_gaps![0]!.reason).toBe('没有记录执法人员，无法判断执法人数');
    expect(r.rules[0]).toMatchObject({ hits: 3, data_gaps: 2 });
  });

  it('fine_out_of_range: below the minimum or above the maximum of the matter (bounds included)', async () => {
    const ws = await setup({
      cases: [
        kase({ case_id: 'ABOVE', filed_date: '2024-03-01', fine_amount: 10000.01 }),
        kase({ case_id: 'BELOW', filed_date: '2024-03-01', fine_amount: 999 }),
        kase({ case_id: 'ATMAX', filed_date: '2024-03-01', fine_amount: 10000 }),
        kase({ case_id: 'ATMIN', filed_date: '2024-03-01', fine_amount: 1000 }),
        kase({ case_id: 'NOFINE', filed_date: '2024-03-01', fine_amount: null, penalty_types: ['警告'] }),
        kase({ case_id: 'M3BELOW', filed_date: '2024-03-01', matter_code: 'M3', fine_amount: 400 }),
        kase({ case_id: 'M3NOMAX', filed_date: '2024-03-01', matter_code: 'M3', fine_amount: 1000000 }),
        kase({ case_id: 'UNKNOWNMATTER', filed_date: '2024-03-01', matter_code: null, fine_amount: 1 }),
        // 罚款 decided but no amount to compare (probe 11 F7: −500 and 1e15 are stored empty by the
        // import, with a warning; 0 read as 0): 数据不全, never a hit, never passed over
        kase({ case_id: 'UNREADABLE', filed_date: '2024-03-01', fine_amount: null, extras: JSON.stringify({ '罚款金额（元）': '-500' }) }),
        kase({ case_id: 'EMPTY', filed_date: '2024-03-01', fine_amount: null }),
        kase({ case_id: 'ZERO', filed_date: '2024-03-01', fine_amount: 0 }),
        kase({ case_id: 'M3UNREADABLE', filed_date: '2024-03-01', matter_code: 'M3', fine_amount: null, penalty_types: ['警告', '罚款'] }),
        kase({ case_id: 'UNREADABLE2023', filed_date: '2023-03-01', fine_amount: null }), // another year
      ],
    });
    expect(await hitsOf(ws, 'fine_out_of_range')).toEqual(caseKeys('ABOVE', 'BELOW', 'M3BELOW'));
    const gaps = (await runReview(ws, { period: '2024', only: ['fine_out_of_range'] })).data_gaps!;
    expect(gaps.map((g) => g.keys.case_id).sort()).toEqual(['EMPTY', 'M3UNREADABLE', 'UNREADABLE', 'ZERO']);
    expect(gaps.find((g) => g.keys.case_id === 'ZERO')!.reason).toBe('处罚种类含罚款，但罚款金额为 0，无法对照裁量基准判断：请调阅案卷核实');
    expect(gaps.find((g) => g.keys.case_id === 'UNREADABLE')!.reason).toBe('处罚种类含罚款，但罚款金额导入时无法读取（原值“-500”，见导入警告），无法对照裁量基准判断：请调阅案卷核实');
    expect(gaps.find((g) => g.keys.case_id === 'EMPTY')!.reason).toBe('处罚种类含罚款，但罚款金额为空，无法对照裁量基准判断：请调阅案卷核实');
    expect(gaps.find((g) => g.keys.case_id === 'UNREADABLE')!.evidence.偏离情况).toBe('罚款金额为空或无法读取');
    const r = await runReview(ws, { period: '2024', only: ['fine_out_of_range'] });
    expect(r.hits.find((h) => h.keys.case_id === 'ABOVE')!.evidence.偏离情况).toBe('比裁量上限 10000 元高 0.01 元');
    expect(r.hits.find((h) => h.keys.case_id === 'BELOW')!.evidence.偏离情况).toBe('比裁量下限 1000 元低 1 元');
  });

  it('inconsistent_fine: beyond 3 × MAD of the median of ≥ 8 fined cases of the matter and year; MAD 0 groups skipped', async () => {
    // M1 2024: median 1200, MAD 150, 3 × MAD = 450: 5000 hits, 1650 (exactly 450 away) does not
    const m1 = [1000, 1000, 1100, 1200, 1200, 1300, 1650, 5000];
    // M2 2024: seven cases only, one extreme
    const m2 = [1000, 1100, 1200, 1300, 1400, 1500, 9900];
    // M3 2024: nine identical fines and one extreme: MAD 0 → the group is not judged
    const m3 = [...Array(9).fill(600), 6000];
    const cases = [
      ...m1.map((f, i) => kase({ case_id: `M1_${f}_${i}`, filed_date: i === 7 ? '2024-05-20' : '2024-02-01', matter_code: 'M1', fine_amount: f })),
      ...m2.map((f, i) => kase({ case_id: `M2_${f}_${i}`, filed_date: '2024-02-01', matter_code: 'M2', fine_amount: f })),
      ...m3.map((f, i) => kase({ case_id: `M3_${f}_${i}`, filed_date: '2024-02-01', matter_code: 'M3', fine_amount: f })),
      // 2023 cases of M1 are another group (their extreme fine does not move the 2024 median)
      ...[50, 60, 70, 80, 90, 100, 110, 120].map((f, i) => kase({ case_id: `M1_2023_${i}`, filed_date: '2023-05-01', matter_code: 'M1', fine_amount: f })),
    ];
    const ws = await setup({ cases });
    expect(await hitsOf(ws, 'inconsistent_fine')).toEqual(caseKeys('M1_5000_7'));
    // a quarter still compares with the whole year's group; the hit belongs to its filing quarter
    expect(await hitsOf(ws, 'inconsistent_fine', '2024Q2')).toEqual(caseKeys('M1_5000_7'));
    expect(await hitsOf(ws, 'inconsistent_fine', '2024Q1')).toEqual([]);
    const r = await runReview(ws, { period: '2024', only: ['inconsistent_fine'] });
    expect(r.hits[0]!.evidence).toMatchObject({ 同组案件数: 8, 组中位数: 1200, 绝对中位差: 150, 偏离倍数: 25.3 });
    expect(r.hits[0]!.summary).toContain('偏离达 25.3 倍绝对中位差（超过 3 倍即提示）'); // |5000 − 1200| / 150 = 25.33
  });

  it('inconsistent_fine: a hit just above 3 × MAD reads above it, with the decimals it takes (probe 11 C4: 3.0001 read "3 倍")', async () => {
    // median 1100, deviations 100 100 0 0 0 100 100 300.01 → MAD 100; 1400.01 is 3.0001 × MAD away
    const fines = [1000, 1000, 1100, 1100, 1100, 1200, 1200, 1400.01];
    const ws = await setup({ cases: fines.map((f, i) => kase({ case_id: `C4_${i}`, filed_date: '2024-02-01', matter_code: 'M2', fine_amount: f })) });
    const r = await runReview(ws, { period: '2024', only: ['inconsistent_fine'] });
    expect(r.hits.map((h) => h.keys.case_id)).toEqual(['C4_7']);
    expect(r.hits[0]!.evidence).toMatchObject({ 组中位数: 1100, 绝对中位差: 100, 偏离倍数: 3.0001 });
    expect(r.hits[0]!.summary).toBe('C4_7：罚款 1400.01 元，同一事项同年 8 件罚款案件的中位数为 1100 元，偏离达 3.0001 倍绝对中位差（超过 3 倍即提示）。');
  });

  it('crime_not_transferred: a suspected crime with no transfer to police', async () => {
    const ws = await setup({
      cases: [
        kase({ case_id: 'NOTSENT', filed_date: '2024-03-01', suspected_crime: true, police_transfer_date: null }),
        kase({ case_id: 'SENT', filed_date: '2024-03-01', suspected_crime: true, police_transfer_date: '2024-03-20' }),
        kase({ case_id: 'NOCRIME', filed_date: '2024-03-01', suspected_crime: false }),
        kase({ case_id: 'UNKNOWN', filed_date: '2024-03-01', suspected_crime: null }),
      ],
    });
    expect(await hitsOf(ws, 'crime_not_transferred')).toEqual(caseKeys('NOTSENT'));
  });

  it('repeat_inspection: two units within 30 days (the 30th included), outside joint visits', async () => {
    const ins = (id: string, subject: string, date: string, unit: string, joint = false) =>
      inspection({ inspection_id: id, subject_id: subject, date, lead_unit_id: unit, unit_ids: joint ? ['U1', 'U2', 'U3'] : [unit], is_joint: joint });
    const ws = await setup({
      inspections: [
        ins('A1', 'S30', '2024-03-01', 'U1'),
        ins('A2', 'S30', '2024-03-31', 'U2'), // 30 days: hit
        ins('B1', 'S31', '2024-03-01', 'U1'),
        ins('B2', 'S31', '2024-04-01', 'U2'), // 31 days: no
        ins('C1', 'SJOINT', '2024-05-01', 'U1', true),
        ins('C2', 'SJOINT', '2024-05-01', 'U3'), // one of the two is a joint visit: no
        ins('D1', 'SSAME', '2024-06-01', 'U1'),
        ins('D2', 'SSAME', '2024-06-10', 'U1'), // the same unit twice: no
        ins('E1', 'S3', '2024-09-05', 'U1'),
        ins('E2', 'S3', '2024-09-14', 'U2'),
        ins('E3', 'S3', '2024-09-25', 'U3'), // three units within 20 days: one hit
        ins('F1', 'SYEAR', '2023-12-20', 'U2'),
        ins('F2', 'SYEAR', '2024-01-05', 'U3'), // across the new year: the period of the second visit
      ],
    });
    expect(await hitsOf(ws, 'repeat_inspection')).toEqual(
      [
        { subject_id: 'S30', inspection_ids: ['A1', 'A2'] },
        { subject_id: 'S3', inspection_ids: ['E1', 'E2', 'E3'] },
        { subject_id: 'SYEAR', inspection_ids: ['F1', 'F2'] },
      ]
        .map(hitKey)
        .sort(),
    );
    expect(await hitsOf(ws, 'repeat_inspection', '2023')).toEqual([]);
    const r = await runReview(ws, { period: '2024', only: ['repeat_inspection'] });
    const s3 = r.hits.find((h) => h.keys.subject_id === 'S3')!;
    expect(s3.unit_id).toBe('U3'); // the unit that came last
    expect(s3.evidence).toMatchObject({ 检查次数: 3, 单位数: 3, 首末间隔天数: 20, 最短间隔天数: 9, 检查单位: ['综合执法局', '市场监管局', '卫健局'] });
    expect(s3.summary).toContain('20 天内被 3 个单位先后检查 3 次');
  });

  it('officer_party_lenient: ≥ 3 lenient cases (no penalty or the minimum fine) of one officer with one party', async () => {
    const c = (id: string, party: string, over: Record<string, unknown>) =>
      kase({ case_id: id, filed_date: '2024-03-01', party_id: party, officer_ids: ['O1', 'O2'], ...over });
    const ws = await setup({
      cases: [
        c('P1A', 'P1', { no_penalty_reason: '首违不罚', penalty_types: null, fine_amount: null }),
        c('P1B', 'P1', { penalty_types: ['不予处罚'], fine_amount: null }),
        c('P1C', 'P1', { fine_amount: 1000 }), // the minimum of M1
        // near-miss: three cases with the same party, only two lenient
        c('P2A', 'P2', { no_penalty_reason: '轻微免罚', penalty_types: null, fine_amount: null }),
        c('P2B', 'P2', { fine_amount: 1000 }),
        c('P2C', 'P2', { fine_amount: 1500 }),
        // near-miss: three lenient cases, but split between two officer pairs
        c('P3A', 'P3', { no_penalty_reason: '首违不罚', fine_amount: null, officer_ids: ['O1', 'O2'] }),
        c('P3B', 'P3', { no_penalty_reason: '首违不罚', fine_amount: null, officer_ids: ['O1', 'O2'] }),
        c('P3C', 'P3', { no_penalty_reason: '首违不罚', fine_amount: null, officer_ids: ['O5', 'O6'] }),
      ],
    });
    expect(await hitsOf(ws, 'officer_party_lenient')).toEqual(
      [
        { officer_id: 'O1', party_id: 'P1', case_ids: ['P1A', 'P1B', 'P1C'] },
        { officer_id: 'O2', party_id: 'P1', case_ids: ['P1A', 'P1B', 'P1C'] },
      ]
        .map(hitKey)
        .sort(),
    );
    const r = await runReview(ws, { period: '2024', only: ['officer_party_lenient'] });
    expect(r.hits[0]!.evidence.处理结果).toEqual(['首违不罚', '不予处罚', '按裁量下限罚款 1000 元']);
  });

  it('officer_party_lenient: a party with no usable id number (none, or masked) is grouped by its name as data to check, never a hit', async () => {
    const c = (id: string, party_name: string) =>
      kase({ case_id: id, filed_date: '2024-03-01', party_id: null, party_name, officer_ids: ['O1'], no_penalty_reason: '首违不罚', penalty_types: null, fine_amount: null });
    const ws = await setup({
      cases: [
        c('N1', '李某某'), c('N2', '李某某'), c('N3', '李某某'),
        // masked names are not grouped (张* is anyone named 张)
        c('M1', '张*'), c('M2', '张*'), c('M3', '张*'),
        // three different names
        c('D1', '赵甲'), c('D2', '钱乙'), c('D3', '孙丙'),
      ],
    });
    const r = await runReview(ws, { period: '2024', only: ['officer_party_lenient'] });
    expect(r.hits).toEqual([]);
    expect(r.data_gaps!.map((g) => g.hit_key)).toEqual([hitKey({ officer_id: 'O1', case_ids: ['N1', 'N2', 'N3'] })]);
    expect(r.data_gaps![0]!.reason).toBe('当事人没有可用的证件号码（未填或已脱敏），这些从宽案件只是当事人名称相同，无法确认是同一当事人：请调阅案卷核实');
    expect(r.rules[0]).toMatchObject({ hits: 0, data_gaps: 1 });
  });

  it('long_open_case: open for more than 365 days at the end of the period', async () => {
    const open = { decision_date: null, closed_date: null, executed_date: null, fine_amount: null, penalty_types: null };
    const ws = await setup({
      cases: [
        kase({ case_id: 'D366', filed_date: '2023-12-31', ...open }), // 366 days at 2024-12-31
        kase({ case_id: 'D365', filed_date: '2024-01-01', ...open }), // 365: no
        kase({ case_id: 'CLOSEDLATER', filed_date: '2023-06-01', ...open, closed_date: '2025-02-01' }),
        kase({ case_id: 'CLOSEDONEND', filed_date: '2023-06-01', ...open, closed_date: '2024-12-31' }),
        // transferred to the police (no decision, no closing): the administrative handling ended
        // with the transfer, as overdue_case counts it (probe 11 F2: listed every year as 仍未结案)
        kase({ case_id: 'POLICE', filed_date: '2023-06-01', ...open, suspected_crime: true, police_transfer_date: '2024-02-01' }),
        // transferred only after the end of 2024: still open at 2024-12-31 (579 days), not in 2025
        kase({ case_id: 'POLICELATER', filed_date: '2023-06-01', ...open, suspected_crime: true, police_transfer_date: '2025-02-01' }),
      ],
    });
    expect(await hitsOf(ws, 'long_open_case')).toEqual(caseKeys('D366', 'CLOSEDLATER', 'POLICELATER'));
    expect(await hitsOf(ws, 'long_open_case', '2023')).toEqual([]);
    // 2025: D366 and D365 still open (731 / 730 days); CLOSEDLATER closed, both transfers done
    expect(await hitsOf(ws, 'long_open_case', '2025')).toEqual(caseKeys('D366', 'D365'));
  });

  it('complaint_overdue: closed after the deadline, or never closed — by the deadline\'s period, as complaint_ontime counts them', async () => {
    const q = (id: string, received: string, deadline: string | null, closed: string | null) => ({
      complaint_id: id,
      received_date: received,
      deadline_date: deadline,
      closed_date: closed,
      unit_id: 'U2',
      unit_raw: '市场监管局',
    });
    const ws = await setup({
      complaints: [
        q('LATE1', '2024-03-01', '2024-03-15', '2024-03-16'),
        q('ONTIME', '2024-03-01', '2024-03-15', '2024-03-15'),
        q('OPENDUE', '2024-12-01', '2024-12-30', null),
        q('NODEADLINE', '2024-03-01', null, '2024-09-01'),
        q('LASTYEAR', '2023-03-01', '2023-03-15', '2023-03-30'),
        // probe 11 F9's tickets (cases/complaints/c.csv): complaint_ontime's failures are K9 in
        // 2023, K2, K3, K6 in 2024 and K4, K7 in 2025 (deadline in the period, not closed by it)
        q('K1', '2024-03-01', '2024-03-10', '2024-03-10'), // on its deadline: on time
        q('K2', '2024-03-01', '2024-03-10', '2024-03-11'),
        q('K3', '2024-03-01', '2024-03-10', null),
        q('K4', '2024-12-20', '2025-01-05', '2025-01-10'), // received 2024, due and late in 2025
        q('K5', '2023-12-25', '2024-01-08', '2024-01-08'),
        q('K6', '2024-12-01', '2024-12-31', null), // due on the period's last day, never closed
        q('K7', '2024-12-25', '2025-01-05', null), // due in 2025, never closed
        q('K8', '2024-02-20', '2024-02-29', '2024-02-29'),
        q('K9', '2023-12-01', '2023-12-20', '2024-01-15'), // due 2023, closed after the year
      ],
    });
    expect(await hitsOf(ws, 'complaint_overdue', '2023')).toEqual(['complaint_id=K9', 'complaint_id=LASTYEAR']);
    expect(await hitsOf(ws, 'complaint_overdue')).toEqual(['complaint_id=K2', 'complaint_id=K3', 'complaint_id=K6', 'complaint_id=LATE1', 'complaint_id=OPENDUE']);
    expect(await hitsOf(ws, 'complaint_overdue', '2025')).toEqual(['complaint_id=K4', 'complaint_id=K7']);
    const r = await runReview(ws, { period: '2024', only: ['complaint_overdue'] });
    // ordered by deadline: K2, K3 (03-10), LATE1 (03-15), OPENDUE (12-30), K6 (12-31)
    expect(r.hits.map((h) => [h.keys.complaint_id, h.evidence.超期天数, h.evidence.办理情况, h.unit_id])).toEqual([
      ['K2', 1, '超过时限 1 天才办结', 'U2'],
      ['K3', 296, '到期末仍未办结，已超过时限 296 天', 'U2'], // 2024-03-10 → 2024-12-31
      ['LATE1', 1, '超过时限 1 天才办结', 'U2'],
      ['OPENDUE', 1, '到期末仍未办结，已超过时限 1 天', 'U2'],
      ['K6', 0, '到期末（即时限当日）仍未办结', 'U2'],
    ]);
    const r23 = await runReview(ws, { period: '2023', only: ['complaint_overdue'] });
    expect(r23.hits.find((h) => h.keys.complaint_id === 'K9')!.summary).toBe('工单 K9：办结时限为 2023-12-20，期末后才办结，超过时限 26 天。');
  });

  it('finding_overdue: rectified after the due date, or not at all by the end of the period', async () => {
    const f = (id: string, found: string, due: string | null, done: string | null) => ({
      finding_id: id,
      source: '执法监督',
      unit_id: 'U3',
      unit_raw: '卫健局',
      found_date: found,
      due_date: due,
      rectified_date: done,
    });
    const ws = await setup({
      findings: [
        f('LATE', '2024-02-01', '2024-03-01', '2024-03-02'),
        f('ONDUE', '2024-02-01', '2024-03-01', '2024-03-01'),
        f('NEVER', '2024-09-01', '2024-10-31', null),
        f('NOTYETDUE', '2024-11-01', '2025-01-31', null),
        // probe 11 F9 (cases/complaints/f.csv): rectification_rate counts SF2 as a failure in 2024
        // (due on the last day, never rectified) and SF1 in 2025 — so must the clues
        f('SF1', '2024-11-01', '2025-01-31', null),
        f('SF2', '2024-11-01', '2024-12-31', null),
        f('LATEINTO2025', '2024-10-01', '2024-11-30', '2025-01-15'),
      ],
    });
    expect(await hitsOf(ws, 'finding_overdue')).toEqual(['finding_id=LATE', 'finding_id=LATEINTO2025', 'finding_id=NEVER', 'finding_id=SF2']);
    expect(await hitsOf(ws, 'finding_overdue', '2025')).toEqual(['finding_id=NOTYETDUE', 'finding_id=SF1']);
    const r = await runReview(ws, { period: '2024', only: ['finding_overdue'] });
    expect(Object.fromEntries(r.hits.map((h) => [h.keys.finding_id, h.evidence.整改情况]))).toEqual({
      LATE: '超过期限 1 天才整改完成',
      NEVER: '到期末仍未整改，已超过期限 61 天', // 2024-10-31 → 2024-12-31
      LATEINTO2025: '期末后才整改，超过期限 46 天', // 2024-11-30 → 2025-01-15
      SF2: '到期末（即期限当日）仍未整改',
    });
  });

  it('penalty_not_executed: not executed by the 90th day after the decision, judged in the period holding that day (as execution_rate)', async () => {
    const ws = await setup({
      cases: [
        kase({ case_id: 'E89', filed_date: '2024-02-01', decision_date: '2024-03-01', executed_date: '2024-05-29' }),
        kase({ case_id: 'E90', filed_date: '2024-02-01', decision_date: '2024-03-01', executed_date: '2024-05-30' }),
        kase({ case_id: 'E91', filed_date: '2024-02-01', decision_date: '2024-03-01', executed_date: '2024-05-31' }),
        kase({ case_id: 'OPEN91', filed_date: '2024-09-01', decision_date: '2024-10-01', executed_date: null }), // 91 days at 2024-12-31
        // day 90 is 2024-12-31, unexecuted: a failure of 2024 in execution_rate, so a 2024 clue
        // (probe 11 F1's A19: no clue, as `$end − decision > 90` was false)
        kase({ case_id: 'OPEN90', filed_date: '2024-09-01', decision_date: '2024-10-02', executed_date: null }),
        kase({ case_id: 'WARNING', filed_date: '2024-02-01', decision_date: '2024-03-01', executed_date: null, fine_amount: null, penalty_types: ['警告'] }),
        // confiscation only: no fine, nothing to execute for execution_rate — no clue either (it
        // was one, a clue outside the rate: probe 11 F1)
        kase({ case_id: 'CONFISCATED', filed_date: '2024-02-01', decision_date: '2024-03-01', executed_date: null, fine_amount: null, penalty_types: ['没收违法所得'], confiscation_amount: 800 }),
        // a fine and a confiscation, unexecuted: the fine makes it a clue
        kase({ case_id: 'FINEANDCONF', filed_date: '2024-02-01', decision_date: '2024-03-01', executed_date: null, penalty_types: ['罚款', '没收违法所得'], confiscation_amount: 800 }),
        // executed before its decision (the dates cannot both be right): 数据不全, not "in time"
        kase({ case_id: 'BEFORE', filed_date: '2024-02-01', decision_date: '2024-03-01', executed_date: '2024-02-20' }),
        // decided in Q4 of 2024: day 90 is 2025-01-30 — a 2025 clue when unexecuted or executed
        // after it (probe 11 F1's A17: in no year's clues), none when executed on day 90
        kase({ case_id: 'Q4OPEN', filed_date: '2024-10-15', decision_date: '2024-11-01', executed_date: null }),
        kase({ case_id: 'Q4LATE', filed_date: '2024-10-15', decision_date: '2024-11-01', executed_date: '2025-03-01' }),
        kase({ case_id: 'Q4DAY90', filed_date: '2024-10-15', decision_date: '2024-11-01', executed_date: '2025-01-30' }),
        // decided 2023-11-15: day 90 is 2024-02-13 — a 2024 clue, not a 2023 one
        kase({ case_id: 'FROM2023', filed_date: '2023-11-01', decision_date: '2023-11-15', executed_date: null }),
      ],
    });
    expect(await hitsOf(ws, 'penalty_not_executed')).toEqual(caseKeys('E91', 'OPEN91', 'OPEN90', 'FINEANDCONF', 'FROM2023'));
    expect(await hitsOf(ws, 'penalty_not_executed', '2025')).toEqual(caseKeys('Q4OPEN', 'Q4LATE'));
    expect(await hitsOf(ws, 'penalty_not_executed', '2023')).toEqual([]);
    const r = await runReview(ws, { period: '2024', only: ['penalty_not_executed'] });
    expect(r.hits.find((h) => h.keys.case_id === 'OPEN90')!.evidence).toMatchObject({ 执行期满日期: '2024-12-31', 决定后天数: 90, 执行情况: '到期末已 90 天仍未执行完毕' });
    expect(r.data_gaps!.map((g) => [g.keys.case_id, g.reason])).toEqual([
      ['BEFORE', '执行完毕日期（2024-02-20）早于处罚决定日期（2024-03-01），日期不可能都对，无法判断是否按期执行：请在原系统核对'],
    ]);
    const r25 = await runReview(ws, { period: '2025', only: ['penalty_not_executed'] });
    expect(r25.hits.find((h) => h.keys.case_id === 'Q4LATE')!.evidence).toMatchObject({ 执行期满日期: '2025-01-30', 执行情况: '决定后第 120 天才执行完毕' });
  });

  it('a rule whose rows repeat a key is refused, naming the rule', async () => {
    const { loadDefaultRules } = await import('./load.js');
    const base = await loadDefaultRules();
    const broken = structuredClone(base);
    broken.rules.rules = [{ ...base.rules.rules[0]!, sql: `SELECT 'X' AS case_id, NULL::VARCHAR AS unit_id, NULL::VARCHAR[] AS officer_ids, ${base.rules.rules[0]!.evidence.map((c) => `1 AS ${c}`).join(', ')} FROM range(2)` }];
    const ws = await freshWorkspace();
    await expect(runReview(ws, { period: '2024', rules: broken })).rejects.toMatchObject({ code: 'RULES_INVALID', en: expect.stringContaining('overdue_case') });
  });

  it('stops between rules when cancelled', async () => {
    const ws = await setup({});
    const ac = new AbortController();
    ac.abort();
    await expect(runReview(ws, { period: '2024', signal: ac.signal })).rejects.toMatchObject({ code: 'IMPORT_CANCELLED' });
  });
});

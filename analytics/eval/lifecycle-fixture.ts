// A copy of the sample with three units added (tests only): XZ09 空白乡 with no row in any table,
// XZ08 新设乡 set up on 1 July 2024 with the three systems from that day and 13 cases, ZY19 水务执法队
// abolished on 30 June 2024 with 6 cases decided in 2024, one 100 days after filing (probe 11, F3,
// F14, F4).
import { insertRows, kase } from '../review/fixtures.js';
import { sampleWorkspace } from '../test/helpers.js';

export async function lifecycleWorkspace() {
  const ws = await sampleWorkspace();
  await insertRows(ws, 'unit', [
    // no row in any table, in 2023 or 2024
    { unit_id: 'XZ09', name: '嵊泗县空白乡人民政府', short_name: '空白乡', unit_type: '乡镇', established_date: '2020-01-01' },
    // set up on 1 July 2024, with the three systems from that day
    { unit_id: 'XZ08', name: '嵊泗县新设乡人民政府', short_name: '新设乡', unit_type: '乡镇', established_date: '2024-07-01' },
    // abolished on 30 June 2024, 6 cases decided in 2024, one of them 100 days after filing
    { unit_id: 'ZY19', name: '嵊泗县水务执法队', short_name: '水务执法队', unit_type: '专业', established_date: '2016-07-01', abolished_date: '2024-06-30' },
  ]);
  const items = ['TS_PUBLICITY', 'TS_RECORDING', 'TS_LEGAL_REVIEW'];
  await insertRows(
    ws,
    'institution_checklist',
    items.map((item_code) => ({ unit_id: 'XZ08', year: 2024, item_code, done: true, done_date: '2024-07-01' })),
  );
  const cases = [
    ...Array.from({ length: 5 }, (_, i) => kase({ unit_id: 'ZY19', filed_date: `2024-0${i + 1}-10`, officer_ids: [] })),
    kase({ unit_id: 'ZY19', filed_date: '2024-01-05', decision_date: '2024-04-14', closed_date: '2024-04-24', officer_ids: [] }),
    // 13 cases filed 10 July – 22 July
    ...Array.from({ length: 13 }, (_, i) => kase({ unit_id: 'XZ08', filed_date: `2024-07-${String(10 + i)}`, officer_ids: [] })),
  ];
  await insertRows(ws, 'penalty_case', cases);
  return ws;
}

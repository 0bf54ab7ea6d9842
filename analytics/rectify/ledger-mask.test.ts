// The 整改台账 XLSX masks the ID and phone numbers units type into its free text (整改措施, 佐证材料,
// 不予整改理由), in the items and in the history, as it masks 责任人; unmasked as typed (probe 13, F1).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeXlsx } from '../export/tabular.js';
import { readXlsx, sheetRecords } from '../report/testing/read-back.js';
import { tempDir } from '../test/helpers.js';
import { ledgerSheets } from './export.js';
import type { RectifyEvent, RectifyItem } from './types.js';

const MEASURES = '已约谈当事人（身份证330922198703154321，手机13698765432）';
const PROOF = '谈话笔录，联系座机0580-5081234';
const REASON = '当事人139-1234-5678已迁出';
// by hand: four, eight stars, four; three, four stars, four (dashes dropped)
const MEASURES_MASKED = '已约谈当事人（身份证3309********4321，手机136****5432）';
const PROOF_MASKED = '谈话笔录，联系座机058****1234';
const REASON_MASKED = '当事人139****5678已迁出';

const item = {
  item_id: 7, code: 'ZG000007', natural_key: 'k', period: '2024', period_start: '2024-01-01', period_end: '2024-12-31', run_id: 1,
  unit_id: 'ZY07', unit_name: '应急管理局', kind: 'red_flag', source_id: 'fine_outside_range', source_name: '罚款超出裁量基准',
  criterion: {}, severity: '高', problem: '问题', requirement: '要求', evidence: {}, issued_on: '2025-01-15', deadline: '2025-03-15',
  stored_status: '整改中', status: '整改中', status_reason: REASON, measures: MEASURES, completed_on: null, proof: PROOF, owner: '李小明',
  created_at: '2025-01-15', updated_at: '2025-01-16', days_overdue: 0, check: null,
} as unknown as RectifyItem;
const event = {
  event_id: 1, item_id: 7, changed_at: '2025-01-16 00:00:00', action: 'edit', source: 'cli', import_id: null, actor: null, changed: ['measures'],
  prev_status: '待整改', status: '整改中', status_reason: REASON, deadline: '2025-03-15', measures: MEASURES, completed_on: null, proof: PROOF, owner: '李小明',
} as unknown as RectifyEvent;

async function sheets(unmask: boolean) {
  const path = join(tempDir(), 'ledger.xlsx');
  await writeXlsx(path, ledgerSheets([item], [event], { asOf: '2025-02-01', unmask }));
  const x = await readXlsx(path);
  return { items: sheetRecords(x.get('整改台账')!, '事项编号')[0]!, events: sheetRecords(x.get('变更记录')!, '事项编号')[0]! };
}

describe('整改台账: free text masked', () => {
  it('measures, proof and reasons masked in items and history; as typed when unmasked', async () => {
    const m = await sheets(false);
    for (const rec of [m.items, m.events]) {
      expect(rec['整改措施']).toBe(MEASURES_MASKED);
      expect(rec['不予整改理由']).toBe(REASON_MASKED);
    }
    expect(Object.values(m.items)).toContain(PROOF_MASKED);
    expect(Object.values(m.events)).toContain(PROOF_MASKED);
    expect(m.items['责任人']).toBe('李**');
    const o = await sheets(true);
    expect(o.items['整改措施']).toBe(MEASURES);
    expect(o.events['不予整改理由']).toBe(REASON);
    expect(Object.values(o.items)).toContain(PROOF);
  });
});

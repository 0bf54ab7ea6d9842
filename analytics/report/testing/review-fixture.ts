// A small hand-made ReviewResult (the review engine's output type) with personal data in it, for
// testing the review pack until the engine lands. Units are the sample's (ZY07 应急管理局, XZ05 黄龙乡,
// ZY01 市场监管局).
import type { Period } from '../../eval/period.js';
import type { ReviewResult } from '../../review/types.js';

export const PERSONAL = {
  officer: '王建国',
  party: '李小明',
  idNumber: '330922199001011234',
  phone: '13812345678',
  party2: '张三',
  id2: '33092219850505567X',
};

export function reviewFixture(period: Period = { label: '2024', start: '2024-01-01', end: '2024-12-31', kind: 'year' }): ReviewResult {
  return {
    period,
    rules_id: 'default_rules@2024.1',
    rules_sha256: 'f'.repeat(64),
    created_at: '2025-01-10T02:00:00Z',
    rules: [
      {
        id: 'fine_outside_range',
        name: { zh: '罚款超出裁量基准', en: 'Fine outside the discretion range' },
        basis: '《浙江省行政处罚裁量基准适用规定》',
        severity: '高',
        explanation: '罚款金额超出该事项裁量基准规定的上下限，可能存在滥用裁量权。',
        hits: 2,
        units: { ZY07: 1, XZ05: 1 },
        evidence_columns: ['案件编号', '执法主体', '当事人', '证件号码', '联系电话', '罚款金额', '裁量上限'],
        personal_columns: ['当事人', '证件号码', '联系电话'],
      },
      {
        id: 'single_officer',
        name: { zh: '单人执法', en: 'Act by a single officer' },
        basis: '《行政处罚法》第四十二条',
        severity: '中',
        explanation: '执法人员不得少于两人。',
        hits: 1,
        units: { ZY01: 1 },
        evidence_columns: ['检查编号', '执法主体', '检查日期', '执法人员'],
        personal_columns: ['执法人员'],
      },
      {
        id: 'complaint_overdue',
        name: { zh: '投诉举报逾期未办结', en: 'Complaint overdue' },
        basis: '《浙江省投诉举报处理办法》',
        severity: '低',
        explanation: '投诉举报超过办结时限仍未办结。',
        hits: 0,
        units: {},
        evidence_columns: ['工单编号'],
        personal_columns: [],
      },
    ],
    hits: [
      {
        rule: 'fine_outside_range',
        hit_key: '嵊应急罚〔2024〕12号',
        keys: { case_id: '嵊应急罚〔2024〕12号' },
        unit_id: 'ZY07',
        officer_ids: ['ZF0171'],
        summary: `案件嵊应急罚〔2024〕12号对${PERSONAL.party}（${PERSONAL.idNumber}）罚款80000元，超出裁量上限50000元。`,
        evidence: { 案件编号: '嵊应急罚〔2024〕12号', 执法主体: 'ZY07', 当事人: PERSONAL.party, 证件号码: PERSONAL.idNumber, 联系电话: PERSONAL.phone, 罚款金额: 80000, 裁量上限: 50000 },
        mark: { status: '已核实', note: `已约谈承办人，联系电话${PERSONAL.phone}`, reviewer: '审核员', updated_at: '2025-01-12T00:00:00Z' },
      },
      {
        rule: 'fine_outside_range',
        hit_key: '嵊综执黄龙罚〔2024〕40号',
        keys: { case_id: '嵊综执黄龙罚〔2024〕40号' },
        unit_id: 'XZ05',
        officer_ids: ['ZF0288'],
        summary: '案件嵊综执黄龙罚〔2024〕40号罚款低于裁量下限。',
        evidence: { 案件编号: '嵊综执黄龙罚〔2024〕40号', 执法主体: 'XZ05', 当事人: PERSONAL.party2, 证件号码: PERSONAL.id2, 联系电话: null, 罚款金额: 100, 裁量上限: 5000 },
        mark: null,
      },
      {
        rule: 'single_officer',
        hit_key: 'JC2024030100011',
        keys: { inspection_id: 'JC2024030100011' },
        unit_id: 'ZY01',
        officer_ids: ['ZF0001'],
        summary: '检查JC2024030100011仅一名执法人员参与。',
        evidence: { 检查编号: 'JC2024030100011', 执法主体: 'ZY01', 检查日期: '2024-03-01', 执法人员: PERSONAL.officer },
        mark: { status: '已排除', note: '另一名人员漏录，已补录', reviewer: null, updated_at: '2025-01-12T00:00:00Z' },
      },
    ],
    by_unit: { ZY07: 1, XZ05: 1, ZY01: 1 },
    by_officer: { ZF0171: 1, ZF0288: 1, ZF0001: 1 },
  };
}

// How an indicator's records are named in a sentence about one unit: what the denominator counts,
// what the records that fall short did, and their measure word — so that a requirement can say
// "你单位期内作出决定的案件58件中，超过办案期限且未批准延期的有2件（…）". Indicators whose value is an
// average or a rate per hundred are named by their two counts instead. An id missing here (an index
// system of one's own) is written with the indicator's name and value only.

export type Phrase =
  /** records: `den` counted `m`, of which `bad` fall short (the listing gives them). */
  | { kind: 'records'; den: string | null; bad: string; m: string }
  /** counts only: `den` (counted `denM`), `num` (counted `numM`). */
  | { kind: 'counts'; num: string; numM: string; den: string; denM: string };

export const PHRASES: Record<string, Phrase> = {
  three_systems: { kind: 'records', den: '应落实的三项制度', bad: '尚未落实', m: '项' },
  joint_inspection_share: { kind: 'records', den: '参加的行政检查', bad: '未以“综合查一次”方式开展', m: '户次' },
  repeat_inspection_rate: { kind: 'records', den: '被检查对象', bad: '30日内被多个单位重复检查', m: '户' },
  mobile_inspection_rate: { kind: 'records', den: '行政检查', bad: '未通过“浙政钉·掌上执法”记录', m: '户次' },
  plan_completion: { kind: 'records', den: '到期的计划检查任务', bad: '未按期完成', m: '项' },
  permit_followup: { kind: 'records', den: '上期取得许可的对象', bad: '许可后12个月内未被检查', m: '个' },
  complaint_ontime: { kind: 'records', den: '到期的投诉举报工单', bad: '未按时办结', m: '件' },
  legal_review_rate: { kind: 'records', den: '作出决定的重大案件', bad: '决定前未经法制审核', m: '件' },
  overdue_rate: { kind: 'records', den: '作出决定的案件', bad: '超过办案期限且未批准延期', m: '件' },
  reconsideration_correction: { kind: 'records', den: '审结的行政复议案件', bad: '被纠错', m: '件' },
  litigation_loss: { kind: 'records', den: '审结的行政诉讼案件', bad: '败诉', m: '件' },
  head_appearance: { kind: 'records', den: '开庭审理的行政诉讼案件', bad: '负责人未出庭应诉', m: '件' },
  casefile_pass: { kind: 'records', den: '评查的案卷', bad: '评查不合格', m: '件' },
  police_transfer: { kind: 'records', den: '涉嫌犯罪案件', bad: '未移送公安机关', m: '件' },
  online_handling: { kind: 'records', den: '立案的案件', bad: '未在办案系统网上办理', m: '件' },
  certified_rate: { kind: 'records', den: '有执法记录的执法人员', bad: '执法时未持有效执法证', m: '人' },
  uncertified_acts: { kind: 'records', den: null, bad: '由未持有效执法证人员参与的执法活动', m: '次' },
  reviewer_ratio: { kind: 'counts', num: '其中专职法制审核人员', numM: '人', den: '执法人员', denM: '人' },
  reviewer_qualified: { kind: 'records', den: '法制审核人员', bad: '未取得法律职业资格', m: '人' },
  legal_qualification_rate: { kind: 'counts', num: '其中取得法律职业资格的', numM: '人', den: '执法人员', denM: '人' },
  training_hours: { kind: 'counts', num: '培训学时合计', numM: '学时', den: '执法人员', denM: '人' },
  mixed_staffing_rate: { kind: 'records', den: '执法人员', bad: '编制为事业编或编外（混编混岗）', m: '人' },
  satisfaction: { kind: 'records', den: '已评价的投诉举报工单', bad: '评价为不满意', m: '件' },
  conduct_complaint_rate: { kind: 'records', den: null, bad: '涉及执法行为的投诉', m: '件' },
  rectification_rate: { kind: 'records', den: '到期的监督发现问题', bad: '未按期整改到位', m: '项' },
  closed_loop_rate: { kind: 'records', den: '作出决定的案件', bad: '来源、决定、执行、结案记录不完整', m: '件' },
  execution_rate: { kind: 'records', den: '执行期届满的罚款案件', bad: '未在决定后90日内执行到位', m: '件' },
  // red lines
  major_without_review: { kind: 'records', den: null, bad: '重大案件未经法制审核即作出决定', m: '件' },
  uncertified_enforcement: { kind: 'records', den: null, bad: '无有效执法证从事执法活动', m: '次' },
  overdue_cases: { kind: 'records', den: null, bad: '办案超期且未批准延期', m: '件' },
};

// Recommendations (意见建议) and rectification requirements (整改要求) keyed to what the evaluation
// found: an indicator below its target, a red line hit, a review rule with hits. The wording follows
// the seed document (嵊政发〔2021〕11号) and the laws the indicators cite. An id without an entry gets
// a generic sentence built from its name and target. A unit's requirement first cites the unit's own
// records (recordsSentence: how many fall short, their numbers and dates), then says what to do.
import type { IndicatorValue } from '../eval/types.js';
import { dateZh, int, num } from './format.js';
import { PHRASES } from './phrases.js';
import type { UnitRecords } from './records.js';

/** What the county should do (county report), by indicator / red line / rule id. */
const COUNTY: Record<string, string> = {
  comp_matter_share: '进一步梳理高频率、高综合、高需求执法事项，按照“一领域、一方案”推动更多事项纳入综合行政执法事项目录，确保综合执法事项占比稳定在20%以上。',
  transferred_domains: '对照实施方案明确的16个领域，逐一核对处罚权划转情况，未划转到位的领域限期完成事项划转和目录调整。',
  team_structure: '严格按照“1+8+1”架构整合执法队伍，除中央、省明确保留的领域外不再保留专业执法队伍。',
  three_systems: '全面落实行政执法公示、执法全过程记录、重大执法决定法制审核三项制度，未落实的单位限期建章立制。',
  coordination: '健全县执法协调委运行机制，完善统一指挥平台、执法职责争议评估处理机制和案件移送标准。',
  catalogue_published: '及时向社会公布综合行政执法事项目录清单，并依法进行动态调整。',
  joint_inspection_share: '全面推行“综合查一次”联合执法模式，统筹制定年度联合检查计划，使其成为各部门开展行政检查的主要方式。',
  repeat_inspection_rate: '依托统一指挥平台对同一对象的检查计划进行统筹，30日内多部门检查同一对象的，原则上合并为“综合查一次”。',
  inspection_burden_yoy: '落实“进一次门、查多项事”，压减涉企检查户次，减少对市场主体的干扰。',
  mobile_inspection_rate: '全面推广应用“浙政钉·掌上执法”，实现检查事项“应入尽入”、检查过程全程在线记录。',
  plan_completion: '加强检查计划执行情况的跟踪督办，确保计划任务按期完成。',
  permit_followup: '按照“谁审批谁监管、谁主管谁监管”原则，对取得许可的对象及时开展许可后监管，筑牢审批—监管闭环。',
  complaint_ontime: '加强投诉举报工单办理时限管理，对临期工单实行预警提醒，确保按时办结。',
  legal_review_rate: '严格执行《行政处罚法》第五十八条，重大执法决定一律在作出决定前完成法制审核，未经法制审核或审核未通过的不得作出决定。',
  overdue_rate: '严格执行《行政处罚法》第六十条办案期限规定，建立案件办理节点预警，确需延期的依法履行审批手续。',
  reconsideration_correction: '针对复议纠错案件逐案剖析原因，完善执法程序和证据规则，提高执法决定的合法性和适当性。',
  litigation_loss: '加强对败诉案件的复盘分析，完善重大执法决定法制审核和集体讨论机制，降低行政诉讼败诉率。',
  head_appearance: '落实行政机关负责人出庭应诉制度，开庭审理的行政诉讼案件负责人应当出庭应诉。',
  casefile_pass: '常态化开展案卷评查，对不合格案卷逐一整改，规范执法文书制作和案卷归档。',
  police_transfer: '健全行刑衔接机制，完善案件移送标准，涉嫌犯罪的案件一律依法及时移送公安机关。',
  online_handling: '依托省统一处罚办案系统，实现执法办案“应入尽入”、全流程网上运行、可回溯管理。',
  township_force_share: '按照“县乡一体、条抓块统”原则，继续推动执法力量下沉，确保乡镇执法力量占比达到50%以上。',
  certified_rate: '严格实行行政执法人员持证上岗和资格管理制度，对证件过期人员及时换证，未取得有效执法证件的一律不得从事执法活动。',
  uncertified_acts: '全面清查无证执法行为，对无证人员参与的执法活动逐一复核，并追究相关责任。',
  reviewer_ratio: '建立健全专职法制审核人员制度，按照执法人员5%的比例配齐专职法制审核人员。',
  reviewer_qualified: '初次从事法制审核的人员应当取得法律职业资格，加强法制审核队伍专业化建设。',
  legal_qualification_rate: '鼓励和支持行政执法人员参加国家统一法律职业资格考试，提升队伍法治能力。',
  training_hours: '多渠道、多途径开展执法培训，确保执法人员年度培训学时达标。',
  mixed_staffing_rate: '按照“急用先行”原则，逐步解决执法队伍混编混岗问题，确保“人尽其用、履职到位”。',
  comp_case_share: '推动执法事项和力量向综合行政执法队伍集中，提高综合执法办案比重。',
  township_case_share: '强化乡镇综合行政执法队伍办案能力，落实赋权、派驻、片区兼管等下沉方式的办案职责。',
  disturbance_saved: '扩大“综合查一次”场景覆盖面，以联合检查减少入企次数。',
  satisfaction: '提升投诉举报办理质量，加强回访评价和不满意件的跟踪整改。',
  conduct_complaint_rate: '规范执法行为和执法用语，对涉及执法行为的投诉逐件核查、依规处理。',
  rectification_rate: '建立监督发现问题整改台账，实行销号管理，确保问题按期整改到位。',
  closed_loop_rate: '构建“审批—监管—处罚—监督评价”执法闭环，确保案件来源、决定、执行、结案各环节记录完整。',
  execution_rate: '加强处罚决定执行跟踪，对逾期未履行的依法催告或申请强制执行。',
  // red lines
  major_without_review: '对重大案件未经法制审核即作出决定的，逐案核查，依法予以纠正，并倒查责任。',
  uncertified_enforcement: '对无有效执法证从事执法活动的情形逐一核实，相关执法行为依法予以复核补正，并追究有关单位和人员责任。',
  overdue_cases: '对超期未批准延期的案件逐案说明情况，完善办案期限预警和延期审批制度。',
};

/** What the unit is asked to do (unit report, 问题清单), by indicator, red line or review rule id. */
const UNIT: Record<string, string> = {
  three_systems: '对未落实的制度限期建章立制，报县执法协调办备案。',
  joint_inspection_share: '参与县统筹的年度联合检查计划，同一对象的检查事项原则上以“综合查一次”方式开展。',
  repeat_inspection_rate: '检查前通过统一指挥平台查询对象近期受检情况，30日内已受检的对象原则上并入联合检查。',
  inspection_burden_yoy: '梳理本单位涉企检查事项，合并同类检查，压减检查户次。',
  mobile_inspection_rate: '检查一律通过“浙政钉·掌上执法”亮码、记录，做到检查过程全程在线。',
  plan_completion: '对未完成的计划任务说明原因并限期补查，按月跟踪计划执行。',
  permit_followup: '对许可后未检查的对象列出清单，限期开展许可后监管检查。',
  complaint_ontime: '对逾期工单逐件说明原因，建立临期预警，确保按时办结。',
  legal_review_rate: '对这些案件逐件复核，完善重大执法决定法制审核流程，确保审核在决定之前完成。',
  overdue_rate: '逐案说明超期原因，建立办案节点预警，确需延期的依法报批。',
  reconsideration_correction: '逐案剖析被纠错原因，完善执法程序和证据规则。',
  litigation_loss: '逐案复盘败诉原因，完善法制审核和集体讨论机制。',
  head_appearance: '落实行政机关负责人出庭应诉制度，开庭审理的案件负责人应当出庭。',
  casefile_pass: '对不合格案卷逐一整改，规范执法文书制作和案卷归档。',
  police_transfer: '对未移送的案件逐案核查，涉嫌犯罪的依法及时移送公安机关。',
  online_handling: '将上述案件补录入省统一处罚办案系统，今后案件一律网上办理。',
  certified_rate: '清查执法人员证件有效期，证件过期或无证人员立即停止执法并限期换证、取证。',
  uncertified_acts: '对上述执法活动逐一复核，依法补正或纠正，并追究相关责任。',
  reviewer_ratio: '按照执法人员5%的比例配备专职法制审核人员。',
  reviewer_qualified: '法制审核岗位人员应当取得法律职业资格，未取得的调整岗位或限期取得。',
  legal_qualification_rate: '鼓励和支持执法人员参加国家统一法律职业资格考试。',
  training_hours: '制定年度培训计划，确保执法人员人均培训学时达到60学时。',
  mixed_staffing_rate: '按照“急用先行”原则，逐步将混编混岗人员调整到位。',
  disturbance_saved: '扩大“综合查一次”场景覆盖面，以联合检查减少入企次数。',
  satisfaction: '对不满意工单逐件回访，查找办理中的问题并整改。',
  conduct_complaint_rate: '对涉及执法行为的投诉逐件核查，规范执法行为和执法用语。',
  rectification_rate: '对逾期未整改的问题实行销号管理，限期整改到位。',
  closed_loop_rate: '补齐上述案件缺失的执行、结案等环节记录，确保执法闭环完整。',
  execution_rate: '对逾期未履行的处罚决定依法催告或申请强制执行。',
  // red lines
  major_without_review: '逐案核查未经法制审核即作出决定的原因，依法纠正，并倒查责任。',
  uncertified_enforcement: '对无有效执法证从事执法活动的情形逐一核实、复核补正，并落实责任追究。',
  overdue_cases: '对超期未批准延期的案件逐案说明情况，完善办案期限管理。',
  // review rules
  overdue_case: '逐案说明超期原因和延期审批情况，完善办案期限管理。',
  uncertified_officer: '核实相关人员执法时的持证情况，无证执法的依法补正，并落实责任追究。',
  single_officer: '核实执法人员人数记录，确属一人执法的依法纠正，严格执行两人以上执法的规定。',
  fine_out_of_range: '对照裁量基准逐案说明罚款数额的依据，确属超出的依法纠正。',
  inconsistent_fine: '对同类案件罚款差异较大的逐案说明理由，统一裁量尺度。',
  crime_not_transferred: '对已认定涉嫌犯罪的案件逐案核查，依法移送公安机关。',
  repeat_inspection: '说明重复检查的必要性，今后同一对象的检查纳入“综合查一次”统筹。',
  officer_party_lenient: '对同一承办人反复从宽处理同一当事人的案件逐案说明从宽依据，必要时调整承办人。',
  long_open_case: '对长期未结案件逐案说明原因，限期办结。',
  complaint_overdue: '对超期工单逐件说明原因并限期办结。',
  finding_overdue: '对超期未整改的监督问题限期整改到位。',
  penalty_not_executed: '对未执行到位的处罚决定依法催告或申请强制执行。',
};

export function countyAdvice(id: string, name: string, targetText?: string | null): string {
  return COUNTY[id] ?? `针对${name}${targetText ? `未达到${targetText}的目标` : '偏低'}的问题，查找原因，制定针对性措施，限期提升。`;
}

export function unitAdvice(id: string, name: string, targetText?: string | null): string {
  return UNIT[id] ?? `针对${name}${targetText ? `未达到${targetText}的目标` : '偏低'}的问题，查找原因，制定整改措施，限期提升。`;
}

/** A review rule with hits (county report): the units are urged to do what their reports ask, with the legal basis. */
export function ruleAdvice(id: string, name: string, basis: string): string {
  if (COUNTY[id]) return COUNTY[id]!;
  const what = UNIT[id];
  return what
    ? `对“${name}”线索，督促相关单位${what.replace(/。$/, '')}${basis ? `（依据${basis}）` : ''}。`
    : `对“${name}”线索逐条核查${basis ? `（依据${basis}）` : ''}，属实的依法依规处理，不属实的说明情况后予以排除。`;
}

/** "嵊黄龙罚〔2024〕12号（2024年5月3日立案）、…等5件" — the records cited, or null when there are none. */
export function recordList(r: UnitRecords | undefined, measure: string): string | null {
  if (!r || !r.sample.length) return null;
  const items = r.sample.map((x) => (x.date ? `${x.id}（${dateZh(x.date)}${(x.dateLabel ?? '').replace(/日期$/, '')}）` : x.id));
  return `${items.join('、')}${r.total > r.sample.length ? `等${int(r.total)}${measure}` : ''}`;
}

/**
 * The unit's own records behind a finding, in a sentence ending with "。": what was counted and how
 * many fell short, with their numbers and dates ("你单位期内作出决定的案件58件中，超过办案期限且未批准
 * 延期的有2件：…。"); for an average or a per-hundred figure, its two counts. Null when there is
 * nothing to cite.
 */
export function recordsSentence(id: string, v: IndicatorValue | undefined, r: UnitRecords | undefined): string | null {
  const ph = PHRASES[id];
  if (!ph) return null;
  if (ph.kind === 'counts') {
    if (!v || v.numerator === null || v.denominator === null) return null;
    const n = Number.isInteger(v.numerator) ? int(v.numerator) : num(v.numerator, 1);
    return `你单位${ph.den}${int(v.denominator)}${ph.denM}，${ph.num}${n}${ph.numM}。`;
  }
  if (!r || r.total === 0) return null;
  const list = recordList(r, ph.m);
  const den = ph.den && v?.denominator !== null && v?.denominator !== undefined && v.denominator >= r.total ? `${ph.den}${int(v.denominator)}${ph.m}中，` : '';
  const head = den ? `你单位${den}${ph.bad}的有${int(r.total)}${ph.m}` : `你单位${ph.bad}${int(r.total)}${ph.m}`;
  return `${head}${list ? `：${list}` : ''}。`;
}

// Recommendations (意见建议) and rectification requirements (整改要求) keyed to what the evaluation
// found: an indicator below its target, a red line hit, a review rule with hits. The wording follows
// the seed document (嵊政发〔2021〕11号) and the laws the indicators cite. An id without an entry gets
// a generic sentence built from its name and target.

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

/** What the unit is asked to do (unit report, 问题清单), by id. Falls back to the county text. */
const UNIT: Record<string, string> = {
  legal_review_rate: '对期内重大案件逐件核查法制审核情况，完善重大执法决定法制审核流程，确保审核在决定之前完成。',
  overdue_rate: '对超期案件逐案说明原因，建立办案节点预警，确需延期的依法报批。',
  certified_rate: '清查本单位执法人员证件有效期，过期人员立即停止执法并限期换证。',
  uncertified_acts: '对无证人员参与的执法活动逐一复核，依法补正或纠正，并追究相关责任。',
  major_without_review: '逐案核查未经法制审核即作出决定的重大案件，依法纠正，并倒查责任。',
  uncertified_enforcement: '对无有效执法证从事执法活动的情形逐一核实、复核补正，并落实责任追究。',
  overdue_cases: '对超期未批准延期的案件逐案说明情况，完善办案期限管理。',
};

export function countyAdvice(id: string, name: string, targetText?: string | null): string {
  return COUNTY[id] ?? `针对${name}${targetText ? `未达到${targetText}的目标` : '偏低'}的问题，查找原因，制定针对性措施，限期提升。`;
}

export function unitAdvice(id: string, name: string, targetText?: string | null): string {
  return UNIT[id] ?? COUNTY[id] ?? `针对${name}${targetText ? `未达到${targetText}的目标` : '偏低'}的问题，查找原因，制定整改措施，限期提升。`;
}

/** A review rule with hits: the requirement, from its explanation and legal basis. */
export function ruleAdvice(id: string, name: string, basis: string): string {
  return COUNTY[id] ?? `对“${name}”线索逐条核查${basis ? `（依据${basis}）` : ''}，属实的依法依规处理，不属实的说明情况后予以排除。`;
}

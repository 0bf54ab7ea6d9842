// The canonical tables of a Tijian workspace (see ../shared/design/data-model.md), with the header
// names real enforcement-system exports use for each field. Changing a field here needs a
// migration in ../workspace/migrations.ts; the drift test compares the two.
import type { FieldDef, FieldKind, TableDef } from './types.js';

type Opts = Omit<Partial<FieldDef>, 'name' | 'zh' | 'en' | 'kind' | 'aliases'>;

function f(
  name: string,
  kind: FieldKind,
  zh: string,
  en: string,
  aliases: readonly string[],
  opts: Opts = {},
): FieldDef {
  return { name, kind, zh, en, aliases, ...opts };
}

const UNIT_TYPES = {
  综合: ['综合执法', '综合行政执法', 'comprehensive'],
  专业: ['专业执法', '部门专业执法', 'professional'],
  海洋: ['海洋执法', '海洋综合执法', '海洋综合行政执法', 'marine'],
  乡镇: ['乡镇街道', '街道', '乡镇综合执法', 'township'],
} as const;

const OFFICER_REF = { ref: 'officer', raw: 'officer_raw', unresolved: 'officer_unresolved' } as const;

export const unitTable: TableDef = {
  name: 'unit',
  zh: '执法单位',
  en: 'Enforcement units',
  description: 'One row per enforcement body evaluated: the 1+8+1 teams and the townships.',
  key: ['unit_id'],
  detectBy: ['unit_id', 'name', 'unit_type'],
  fields: [
    f('unit_id', 'id', '单位编码', 'Unit id', ['单位编码', '单位代码', '单位编号', '机构编码', '机构代码', '执法主体编码', '主体编码', 'unit_id'], { required: true }),
    f('name', 'text', '单位名称', 'Name', ['单位名称', '机构名称', '执法主体名称', '执法队伍名称', '名称', 'name'], { required: true }),
    f('short_name', 'text', '简称', 'Short name', ['简称', '单位简称', '机构简称', 'short_name']),
    f('aliases', 'list', '别名', 'Other names', ['别名', '曾用名', '其他名称', 'aliases']),
    f('unit_type', 'enum', '队伍类型', 'Unit type', ['队伍类型', '单位类型', '执法队伍类型', '类型', 'unit_type'], { required: true, values: UNIT_TYPES }),
    f('domain', 'text', '执法领域', 'Domain', ['执法领域', '所属领域', '领域', 'domain']),
    f('level', 'enum', '层级', 'Level', ['层级', '级别', '行政层级', 'level'], { values: { 县: ['县级', '县本级', 'county'], 乡镇: ['乡镇级', '乡级', '镇级', 'township'] } }),
    f('township', 'text', '所在乡镇', 'Township', ['所在乡镇', '乡镇', '所属乡镇', 'township']),
    f('mode', 'enum', '执法模式', 'Mode', ['执法模式', '下沉方式', '下沉模式', '模式', 'mode'], {
      values: { 县级: ['县级执法', '县本级', 'county'], 派驻: ['派驻执法', '派驻中队', 'posted'], 赋权: ['赋权乡镇', '赋权执法', 'empowered'], 片区兼管: ['1+X片区兼管', '兼管', '片区', 'hub'] },
    }),
    f('hub_unit_id', 'ref', '驻点单位', 'Hub unit', ['驻点单位', '兼管单位', '片区驻点', '驻点乡镇', 'hub_unit_id'], { ref: 'unit', raw: 'hub_unit_raw' }),
    f('established_date', 'date', '成立日期', 'Established', ['成立日期', '组建日期', 'established_date']),
    f('abolished_date', 'date', '撤销日期', 'Abolished', ['撤销日期', '撤并日期', '取消日期', 'abolished_date']),
  ],
};

export const matterTable: TableDef = {
  name: 'matter',
  zh: '执法事项目录',
  en: 'Enforcement matter catalogue',
  description: 'One row per enforcement matter of the catalogue (事项目录), with its discretion range.',
  key: ['matter_code'],
  detectBy: ['matter_code', 'name', 'power_type'],
  fields: [
    f('matter_code', 'id', '事项编码', 'Matter code', ['事项编码', '事项代码', '权力事项编码', '基本码', '事项基本码', 'matter_code'], { required: true }),
    f('name', 'text', '事项名称', 'Matter name', ['事项名称', '权力事项名称', '名称', 'name'], { required: true }),
    f('domain', 'text', '所属领域', 'Domain', ['所属领域', '领域', '条线', '执法领域', 'domain'], { required: true }),
    f('power_type', 'enum', '权力类型', 'Power type', ['权力类型', '事项类型', '职权类型', 'power_type'], {
      required: true,
      values: { 处罚: ['行政处罚'], 强制: ['行政强制', '行政强制措施'], 检查: ['行政检查', '监督检查'] },
    }),
    f('owner_type', 'enum', '实施队伍类型', 'Owner type', ['实施队伍类型', '行使主体类型', '实施主体类型', '执法队伍类型', 'owner_type'], { required: true, values: UNIT_TYPES }),
    f('owner_unit_id', 'ref', '实施主体', 'Owner unit', ['实施主体', '行使主体', '实施单位', 'owner_unit_id'], { ref: 'unit', raw: 'owner_unit_raw' }),
    f('transferred', 'bool', '是否划转', 'Transferred', ['是否划转', '划转事项', '是否划转综合执法', 'transferred']),
    f('from_domain', 'text', '原所属领域', 'Transferred from', ['原所属领域', '划出领域', '原领域', '原主管部门领域', 'from_domain']),
    f('high_frequency', 'bool', '是否高频', 'High frequency', ['是否高频', '高频事项', 'high_frequency']),
    f('fine_min', 'money', '罚款下限（元）', 'Fine minimum', ['罚款下限', '罚款下限（元）', '裁量下限', '裁量基准下限', 'fine_min'], { min: 0 }),
    f('fine_max', 'money', '罚款上限（元）', 'Fine maximum', ['罚款上限', '罚款上限（元）', '裁量上限', '裁量基准上限', 'fine_max'], { min: 0 }),
    f('catalogue_version', 'text', '目录版本', 'Catalogue version', ['目录版本', '版本', '目录年本', 'catalogue_version']),
    f('effective_date', 'date', '生效日期', 'Effective date', ['生效日期', '实施日期', '施行日期', 'effective_date']),
    f('revised_date', 'date', '调整日期', 'Revised date', ['调整日期', '动态调整日期', '修订日期', 'revised_date']),
    f('published', 'bool', '是否公布', 'Published', ['是否公布', '是否公开', '已公布', 'published']),
  ],
};

export const officerTable: TableDef = {
  name: 'officer',
  zh: '执法人员',
  en: 'Officers',
  description: 'One row per officer per roster year.',
  key: ['officer_id', 'year'],
  detectBy: ['officer_id', 'name', 'year'],
  // Rosters often have no 人员编号 (执法人员花名册 lists 姓名, 身份证号, 执法证号 — and staff without
  // a certificate are the ones 持证上岗 counts): the id number makes the key, the same every year.
  derivedKey: { field: 'officer_id', from: ['id_number'], prefix: 'SFZ' },
  fields: [
    f('officer_id', 'id', '人员编号', 'Officer id', ['人员编号', '执法人员编号', '人员编码', '工号', '人员代码', 'officer_id'], { required: true }),
    f('year', 'int', '年度', 'Roster year', ['年度', '年份', '统计年度', 'year'], { required: true, min: 2000, max: 2100 }),
    f('name', 'text', '姓名', 'Name', ['姓名', '执法人员姓名', '人员姓名', 'name'], { required: true, personal: true }),
    f('id_number', 'text', '身份证号', 'ID number', ['身份证号', '身份证号码', '公民身份号码', 'id_number'], { personal: true, personId: true }),
    f('phone', 'text', '联系电话', 'Phone', ['联系电话', '手机号', '手机号码', '电话', 'phone'], { personal: true }),
    f('unit_id', 'ref', '所属单位', 'Unit', ['所属单位', '工作单位', '单位', '单位名称', '所在单位', 'unit_id'], { required: true, ref: 'unit', raw: 'unit_raw' }),
    f('posting', 'enum', '岗位层级', 'Posting', ['岗位层级', '工作层级', '下沉情况', '是否下沉乡镇', 'posting'], {
      values: { 县级: ['县', '县本级', '机关', '否'], 乡镇: ['下沉乡镇', '派驻乡镇', '乡镇一线', '是'] },
    }),
    f('township', 'text', '派驻乡镇', 'Township', ['派驻乡镇', '下沉乡镇名称', '所在乡镇', 'township']),
    f('role', 'enum', '岗位类别', 'Role', ['岗位类别', '岗位', '岗位类型', '职责', 'role'], {
      values: { 执法: ['一线执法', '执法岗'], 法制审核: ['法制审核岗', '法制员', '法制审核人员'], 管理: ['管理岗', '领导'], 其他: ['内勤', '辅助'] },
    }),
    f('fulltime_reviewer', 'bool', '是否专职法制审核', 'Full-time legal reviewer', ['是否专职法制审核', '专职法制审核', '专职法制审核人员', 'fulltime_reviewer']),
    f('staffing_type', 'enum', '编制类型', 'Staffing type', ['编制类型', '编制性质', '人员性质', 'staffing_type'], {
      values: {
        行政编: ['行政编制', '公务员'],
        参公: ['参公编制', '参照公务员法管理', '参照管理'],
        事业编: ['事业编制', '事业'],
        编外: ['编外人员', '合同制', '聘用', '协管员', '辅助人员'],
      },
    }),
    f('cert_no', 'id', '执法证号', 'Certificate no.', ['执法证号', '执法证件号', '执法证编号', '执法证件编号', 'cert_no']),
    f('cert_valid_from', 'date', '执法证有效期起', 'Certificate valid from', ['执法证有效期起', '发证日期', '证件有效期起', '有效期起', 'cert_valid_from']),
    f('cert_valid_to', 'date', '执法证有效期至', 'Certificate valid to', ['执法证有效期至', '证件有效期至', '有效期至', '有效期止', 'cert_valid_to']),
    f('legal_qualification', 'bool', '法律职业资格', 'Legal professional qualification', ['法律职业资格', '是否具有法律职业资格', '持有法律职业资格', 'legal_qualification']),
    f('training_hours', 'number', '年度培训学时', 'Training hours', ['年度培训学时', '培训学时', '培训时长（学时）', 'training_hours'], { min: 0 }),
  ],
};

export const caseTable: TableDef = {
  name: 'penalty_case',
  zh: '处罚案件',
  en: 'Penalty cases',
  description: 'One row per administrative penalty case (处罚案件).',
  key: ['case_id'],
  detectBy: ['case_id', 'unit_id', 'filed_date'],
  fields: [
    f('case_id', 'id', '案件编号', 'Case id', ['案件编号', '案件号', '案号', '立案编号', '案件编码', 'case_id'], { required: true }),
    f('unit_id', 'ref', '执法主体', 'Unit', ['执法主体', '执法机关', '办案单位', '承办单位', '办案机关', '处罚机关', 'unit_id'], { required: true, ref: 'unit', raw: 'unit_raw' }),
    f('township', 'text', '所属乡镇', 'Township', ['所属乡镇', '案发乡镇', '乡镇', '案发地乡镇', 'township']),
    f('matter_code', 'ref', '执法事项', 'Matter', ['事项编码', '执法事项编码', '违法行为编码', '执法事项', '违法行为', '案由', 'matter_code'], { ref: 'matter', raw: 'matter_raw' }),
    f('source', 'enum', '案件来源', 'Source', ['案件来源', '线索来源', '来源', 'source'], {
      values: { 检查: ['日常检查', '监督检查', '执法检查', '巡查发现'], 投诉举报: ['投诉', '举报', '投诉举报平台'], 移送: ['部门移送', '上级交办', '移送案件'], '12345': ['12345热线', '热线'], 其他: [] },
    }),
    f('inspection_id', 'id', '关联检查编号', 'Inspection id', ['关联检查编号', '检查编号', '检查记录编号', 'inspection_id']),
    f('procedure', 'enum', '适用程序', 'Procedure', ['适用程序', '程序类型', '办案程序', '程序', 'procedure'], { values: { 简易: ['简易程序'], 普通: ['普通程序', '一般程序'] } }),
    f('filed_date', 'date', '立案日期', 'Filed', ['立案日期', '立案时间', '受案日期', 'filed_date'], { required: true }),
    f('decision_date', 'date', '处罚决定日期', 'Decision date', ['处罚决定日期', '决定日期', '作出决定日期', '决定书日期', 'decision_date']),
    f('closed_date', 'date', '结案日期', 'Closed', ['结案日期', '结案时间', '办结日期', 'closed_date']),
    f('deadline_days', 'int', '办案期限（天）', 'Deadline (days)', ['办案期限（天）', '办案期限', '办理期限', 'deadline_days'], { min: 1, max: 3650 }),
    f('extension_approved', 'bool', '是否批准延期', 'Extension approved', ['是否批准延期', '延期审批', '是否延期', '批准延长', 'extension_approved']),
    f('extension_days', 'int', '延长天数', 'Extension (days)', ['延长天数', '延期天数', '批准延长天数', '延长期限（天）', '延长期限', 'extension_days'], { min: 1, max: 3650 }),
    f('major_case', 'bool', '是否重大案件', 'Major case', ['是否重大案件', '重大执法决定', '重大案件', 'major_case']),
    f('legal_review_date', 'date', '法制审核日期', 'Legal review date', ['法制审核日期', '法制审核时间', '审核日期', 'legal_review_date']),
    f('collective_discussion', 'bool', '是否集体讨论', 'Collective discussion', ['是否集体讨论', '集体讨论', 'collective_discussion']),
    f('hearing', 'bool', '是否听证', 'Hearing held', ['是否听证', '听证', 'hearing']),
    f('party_type', 'enum', '当事人类型', 'Party type', ['当事人类型', '当事人性质', 'party_type'], {
      values: { 个人: ['自然人', '公民', '个体'], 单位: ['法人', '企业', '其他组织', '法人或其他组织', '个体工商户'] },
    }),
    f('party_name', 'text', '当事人', 'Party', ['当事人', '当事人名称', '当事人姓名', '被处罚人', 'party_name'], { personal: true }),
    f('party_id', 'id', '当事人证件号码', 'Party id number', ['当事人证件号码', '证件号码', '统一社会信用代码', '当事人身份证号', 'party_id'], { personal: true, personId: true }),
    f('penalty_types', 'list', '处罚种类', 'Penalty types', ['处罚种类', '处罚类型', '处罚内容', 'penalty_types']),
    f('fine_amount', 'money', '罚款金额（元）', 'Fine', ['罚款金额（元）', '罚款金额', '罚款数额', '罚没金额', 'fine_amount'], { min: 0 }),
    f('confiscation_amount', 'money', '没收违法所得（元）', 'Confiscation', ['没收违法所得（元）', '没收金额', '没收违法所得', 'confiscation_amount'], { min: 0 }),
    f('no_penalty_reason', 'text', '不予处罚情形', 'No-penalty reason', ['不予处罚情形', '不予处罚原因', '免罚情形', 'no_penalty_reason']),
    f('suspected_crime', 'bool', '是否涉嫌犯罪', 'Suspected crime', ['是否涉嫌犯罪', '涉嫌犯罪', 'suspected_crime']),
    f('police_transfer_date', 'date', '移送公安日期', 'Transferred to police', ['移送公安日期', '移送司法机关日期', '移送日期', 'police_transfer_date']),
    f('executed_date', 'date', '执行完毕日期', 'Executed', ['执行完毕日期', '执行日期', '履行日期', '缴款日期', 'executed_date']),
    f('handled_online', 'bool', '是否网上办案', 'Handled online', ['是否网上办案', '网上办案', '是否网上办理', 'handled_online']),
    f('officer_ids', 'reflist', '承办人', 'Officers', ['承办人', '承办人员', '办案人员', '执法人员', '办案人', 'officer_ids'], OFFICER_REF),
  ],
};

export const inspectionTable: TableDef = {
  name: 'inspection',
  zh: '行政检查',
  en: 'Inspections',
  description: 'One row per inspection visit; a 综合查一次 joint visit is one row with several units.',
  key: ['inspection_id'],
  detectBy: ['inspection_id', 'date', 'subject_id'],
  // A 双随机 抽查结果 list (the results the 抽查 publishes) has no 检查编号: a subject is inspected
  // once under a task, so the task, the subject and the day make the key.
  derivedKey: { field: 'inspection_id', from: ['plan_task_id', 'subject_id', 'date'], prefix: 'JC', digits: 16 },
  fields: [
    f('inspection_id', 'id', '检查编号', 'Inspection id', ['检查编号', '检查记录编号', '检查单号', 'inspection_id'], { required: true }),
    f('date', 'date', '检查日期', 'Date', ['检查日期', '检查时间', '实施日期', 'date'], { required: true }),
    f('lead_unit_id', 'ref', '实施单位', 'Lead unit', ['实施单位', '牵头单位', '检查单位', '检查主体', '执法主体', 'lead_unit_id'], { required: true, ref: 'unit', raw: 'lead_unit_raw' }),
    f('unit_ids', 'reflist', '参与单位', 'Participating units', ['参与单位', '联合检查单位', '协同单位', '参检单位', 'unit_ids'], { ref: 'unit', raw: 'units_raw', unresolved: 'units_unresolved' }),
    f('is_joint', 'bool', '是否综合查一次', 'Joint visit', ['是否综合查一次', '综合查一次', '是否联合检查', 'is_joint']),
    f('scene_id', 'id', '检查场景', 'Scene', ['检查场景', '场景编号', '综合查一次场景', 'scene_id']),
    f('subject_id', 'id', '检查对象代码', 'Subject id', ['检查对象代码', '统一社会信用代码', '对象代码', '检查对象编码', 'subject_id'], { required: true, personal: true, personId: true }),
    f('subject_name', 'text', '检查对象', 'Subject', ['检查对象', '检查对象名称', '被检查对象', '被检查单位', 'subject_name'], { personal: true }),
    f('is_enterprise', 'bool', '是否涉企', 'Enterprise', ['是否涉企', '是否企业', '涉企检查', 'is_enterprise']),
    f('inspection_type', 'enum', '检查类型', 'Type', ['检查类型', '检查方式', '检查类别', 'inspection_type'], {
      values: { 双随机: ['双随机一公开', '双随机抽查'], 日常巡查: ['日常检查', '巡查'], 专项: ['专项检查', '专项整治'], 综合查一次: ['联合检查'], 投诉核查: ['投诉举报核查', '举报核查'] },
    }),
    f('plan_task_id', 'id', '计划任务编号', 'Plan task', ['计划任务编号', '任务编号', '检查任务编号', 'plan_task_id']),
    f('via_mobile', 'bool', '是否掌上执法', 'Via mobile terminal', ['是否掌上执法', '掌上执法', '是否使用掌上执法', 'via_mobile']),
    f('code_shown', 'bool', '是否亮码检查', 'Code shown', ['是否亮码检查', '亮码检查', '是否亮码', 'code_shown']),
    f('officer_ids', 'reflist', '检查人员', 'Officers', ['检查人员', '执法人员', '检查人', 'officer_ids'], OFFICER_REF),
    f('problem_found', 'bool', '是否发现问题', 'Problem found', ['是否发现问题', '发现问题', 'problem_found']),
    f('result', 'enum', '检查结果', 'Result', ['检查结果', '处理结果', '处置结果', 'result'], {
      values: { 无问题: ['未发现问题', '正常', '合格'], 责令整改: ['限期整改', '整改'], 立案: ['立案查处', '转立案'], 移送: ['移送处理', '移交'] },
    }),
    f('case_id', 'id', '关联案件编号', 'Case id', ['关联案件编号', '立案编号', '案件编号', 'case_id']),
  ],
};

export const inspectionPlanTable: TableDef = {
  name: 'inspection_plan',
  zh: '检查计划',
  en: 'Inspection plan',
  description: 'One row per planned inspection task.',
  key: ['plan_task_id'],
  detectBy: ['plan_task_id', 'due_date'],
  fields: [
    f('plan_task_id', 'id', '任务编号', 'Task id', ['任务编号', '计划任务编号', '检查任务编号', 'plan_task_id'], { required: true }),
    f('unit_id', 'ref', '责任单位', 'Unit', ['责任单位', '实施单位', '承担单位', 'unit_id'], { required: true, ref: 'unit', raw: 'unit_raw' }),
    f('plan_type', 'text', '任务类型', 'Task type', ['任务类型', '计划类型', 'plan_type']),
    f('due_date', 'date', '计划完成日期', 'Due', ['计划完成日期', '完成时限', '截止日期', '计划完成时间', 'due_date'], { required: true }),
    f('subject_id', 'id', '检查对象代码', 'Subject id', ['检查对象代码', '统一社会信用代码', '对象代码', 'subject_id'], { personal: true, personId: true }),
    f('subject_name', 'text', '检查对象', 'Subject', ['检查对象', '检查对象名称', 'subject_name'], { personal: true }),
  ],
};

export const reviewLitigationTable: TableDef = {
  name: 'review_litigation',
  zh: '复议诉讼',
  en: 'Reconsiderations and lawsuits',
  description: 'One row per administrative reconsideration (复议) or lawsuit (诉讼) about an enforcement act.',
  key: ['id'],
  detectBy: ['id', 'kind', 'outcome'],
  fields: [
    f('id', 'id', '复议诉讼编号', 'Id', ['复议诉讼编号', '复议案号', '诉讼案号', '收案编号', 'id'], { required: true }),
    f('case_id', 'id', '原案件编号', 'Case id', ['原案件编号', '关联案件编号', '案件编号', 'case_id']),
    f('unit_id', 'ref', '被申请人（被告）', 'Respondent unit', ['被申请人（被告）', '被申请人', '被告', '被诉单位', '被申请单位', 'unit_id'], { required: true, ref: 'unit', raw: 'unit_raw' }),
    f('kind', 'enum', '类别', 'Kind', ['类别', '案件类别', '复议或诉讼', 'kind'], { required: true, values: { 复议: ['行政复议'], 诉讼: ['行政诉讼'] } }),
    f('outcome', 'enum', '结果', 'Outcome', ['结果', '审理结果', '复议结果', '判决结果', 'outcome'], {
      values: { 维持: [], 驳回: ['驳回复议申请', '驳回诉讼请求'], 撤销: [], 变更: [], 确认违法: [], 责令履行: [], 调解撤回: ['调解', '撤回', '和解撤回'], 败诉: [], 胜诉: [] },
    }),
    f('filed_date', 'date', '收案日期', 'Filed', ['收案日期', '受理日期', '立案日期', 'filed_date']),
    f('decided_date', 'date', '结案日期', 'Decided', ['结案日期', '决定日期', '判决日期', '审结日期', 'decided_date']),
    f('hearing_held', 'bool', '是否开庭', 'Hearing held', ['是否开庭', '开庭审理', 'hearing_held']),
    f('head_appeared', 'bool', '负责人是否出庭', 'Head appeared', ['负责人是否出庭', '负责人出庭应诉', '行政机关负责人出庭', 'head_appeared']),
  ],
};

export const complaintTable: TableDef = {
  name: 'complaint',
  zh: '投诉举报',
  en: 'Complaints and hotline tickets',
  description: 'One row per complaint, report or 12345 hotline ticket.',
  key: ['complaint_id'],
  detectBy: ['complaint_id', 'received_date'],
  fields: [
    f('complaint_id', 'id', '工单编号', 'Ticket id', ['工单编号', '工单号', '投诉编号', '件号', 'complaint_id'], { required: true }),
    f('received_date', 'date', '受理日期', 'Received', ['受理日期', '登记日期', '来电时间', '受理时间', 'received_date'], { required: true }),
    f('channel', 'enum', '来源渠道', 'Channel', ['来源渠道', '渠道', '来源', 'channel'], {
      values: { '12345': ['12345热线', '12345政务服务热线'], 投诉举报平台: ['全省统一投诉举报平台', '投诉举报'], '110联动': ['110社会联动', '110'], 基层治理四平台: ['四平台'], 执法监督热线: ['监督热线'] },
    }),
    f('township', 'text', '所属乡镇', 'Township', ['所属乡镇', '发生地乡镇', '乡镇', 'township']),
    f('unit_id', 'ref', '承办单位', 'Unit', ['承办单位', '处理单位', '责任单位', '办理单位', 'unit_id'], { ref: 'unit', raw: 'unit_raw' }),
    f('domain', 'text', '问题领域', 'Domain', ['问题领域', '所属领域', '问题类别', 'domain']),
    f('about_conduct', 'bool', '是否涉及执法行为', 'About enforcement conduct', ['是否涉及执法行为', '是否执法行为投诉', '涉执法行为', 'about_conduct']),
    f('deadline_date', 'date', '办结时限', 'Deadline', ['办结时限', '办理时限', '限办日期', 'deadline_date']),
    f('closed_date', 'date', '办结日期', 'Closed', ['办结日期', '办结时间', '结案日期', 'closed_date']),
    f('satisfaction', 'enum', '满意度', 'Satisfaction', ['满意度', '评价结果', '回访评价', 'satisfaction'], {
      values: { 满意: ['非常满意'], 基本满意: ['比较满意', '一般'], 不满意: ['很不满意'], 未评价: ['未回访', '无评价'] },
    }),
    f('jurisdiction_dispute', 'bool', '是否管辖争议', 'Jurisdiction dispute', ['是否管辖争议', '管辖争议', 'jurisdiction_dispute']),
  ],
};

export const supervisionFindingTable: TableDef = {
  name: 'supervision_finding',
  zh: '监督发现问题',
  en: 'Supervision findings',
  description: 'One row per finding of enforcement supervision or case-file review (案卷评查).',
  key: ['finding_id'],
  detectBy: ['finding_id', 'source'],
  fields: [
    f('finding_id', 'id', '问题编号', 'Finding id', ['问题编号', '发现问题编号', '评查编号', 'finding_id'], { required: true }),
    f('source', 'enum', '问题来源', 'Source', ['问题来源', '监督来源', '来源', 'source'], {
      required: true,
      values: { 执法监督: ['行政执法监督'], 案卷评查: ['评查'], 检察建议: [], 纪委监委: ['纪检监察'], 特邀监督: ['特邀监督员'], 人大: ['人大监督'] },
    }),
    f('unit_id', 'ref', '被监督单位', 'Unit', ['被监督单位', '责任单位', '被评查单位', 'unit_id'], { required: true, ref: 'unit', raw: 'unit_raw' }),
    f('case_id', 'id', '关联案件编号', 'Case id', ['关联案件编号', '案件编号', 'case_id']),
    f('casefile_score', 'number', '评查得分', 'Case-file score', ['评查得分', '案卷得分', '评查分数', 'casefile_score'], { min: 0, max: 100 }),
    f('casefile_grade', 'enum', '评查等次', 'Case-file grade', ['评查等次', '评查结果', '案卷等次', 'casefile_grade'], { values: { 优秀: ['优'], 合格: ['良好', '基本合格'], 不合格: ['差'] } }),
    f('found_date', 'date', '发现日期', 'Found', ['发现日期', '检查日期', '评查日期', 'found_date'], { required: true }),
    f('due_date', 'date', '整改期限', 'Due', ['整改期限', '整改时限', '应整改日期', 'due_date']),
    f('rectified_date', 'date', '整改完成日期', 'Rectified', ['整改完成日期', '整改日期', '销号日期', 'rectified_date']),
    f('severity', 'enum', '问题等级', 'Severity', ['问题等级', '严重程度', '问题性质', 'severity'], { values: { 一般: ['轻微'], 较重: ['较严重'], 严重: ['重大'] } }),
    f('description', 'text', '问题描述', 'Description', ['问题描述', '问题内容', '具体问题', 'description']),
  ],
};

// A subject's id is a natural person's id number as often as an organisation's code (证件号码 fills
// 统一社会信用代码's empty rows, recognise/fallbacks.ts): masked like the name.
export const permitTable: TableDef = {
  name: 'permit',
  zh: '行政许可',
  en: 'Permits',
  description: 'One row per approval issued (审批), for the approval → supervision loop.',
  key: ['permit_id'],
  detectBy: ['permit_id', 'issued_date'],
  fields: [
    f('permit_id', 'id', '许可编号', 'Permit id', ['许可编号', '许可证号', '审批编号', '决定书文号', 'permit_id'], { required: true }),
    f('subject_id', 'id', '统一社会信用代码', 'Subject id', ['统一社会信用代码', '申请人证件号码', '对象代码', '被许可人代码', 'subject_id'], { required: true, personal: true, personId: true }),
    f('subject_name', 'text', '被许可人', 'Subject', ['被许可人', '申请人', '许可对象', 'subject_name'], { personal: true }),
    // Approvals (许可事项) are not enforcement matters: kept as written, not resolved against the catalogue.
    f('matter_code', 'text', '审批事项', 'Approval matter', ['审批事项编码', '事项编码', '审批事项', 'matter_code']),
    f('unit_id', 'ref', '审批单位', 'Issuing unit', ['审批单位', '发证机关', '许可机关', 'unit_id'], { ref: 'unit', raw: 'unit_raw' }),
    f('issued_date', 'date', '许可日期', 'Issued', ['许可日期', '发证日期', '批准日期', '审批日期', 'issued_date'], { required: true }),
  ],
};

export const institutionChecklistTable: TableDef = {
  name: 'institution_checklist',
  zh: '制度机制清单',
  en: 'Institution checklist',
  description: 'One row per required institution or mechanism per unit and year, and whether it is in place. County-level items use the unit 全县 (COUNTY).',
  key: ['unit_id', 'year', 'item_code'],
  detectBy: ['item_code', 'done'],
  fields: [
    f('unit_id', 'ref', '单位', 'Unit', ['单位', '单位名称', '责任单位', 'unit_id'], { required: true, ref: 'unit', raw: 'unit_raw' }),
    f('year', 'int', '年度', 'Year', ['年度', '年份', 'year'], { required: true, min: 2000, max: 2100 }),
    f('item_code', 'id', '制度编码', 'Item code', ['制度编码', '事项编码', '清单编码', 'item_code'], { required: true }),
    f('item_name', 'text', '制度名称', 'Item', ['制度名称', '制度机制', '清单事项', 'item_name']),
    f('done', 'bool', '是否落实', 'In place', ['是否落实', '是否建立', '落实情况', '完成情况', 'done'], { required: true }),
    f('done_date', 'date', '落实日期', 'Date in place', ['落实日期', '建立日期', '印发日期', 'done_date']),
    f('evidence', 'text', '佐证材料', 'Evidence', ['佐证材料', '佐证', '依据文件', 'evidence']),
  ],
};

export const CANONICAL_TABLES: readonly TableDef[] = [
  unitTable,
  matterTable,
  officerTable,
  caseTable,
  inspectionTable,
  inspectionPlanTable,
  reviewLitigationTable,
  complaintTable,
  supervisionFindingTable,
  permitTable,
  institutionChecklistTable,
];

export type CanonicalTableName =
  | 'unit'
  | 'matter'
  | 'officer'
  | 'penalty_case'
  | 'inspection'
  | 'inspection_plan'
  | 'review_litigation'
  | 'complaint'
  | 'supervision_finding'
  | 'permit'
  | 'institution_checklist';

export function tableDef(name: string): TableDef | undefined {
  return CANONICAL_TABLES.find((t) => t.name === name);
}

/** The id of the county as a whole, used where an item is county-level rather than a unit's. */
export const COUNTY_ID = 'COUNTY';
export const COUNTY_NAMES = ['全县', '县本级', '县级', '全县统筹', COUNTY_ID] as const;

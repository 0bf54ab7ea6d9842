// The recognition lexicon, part 2: how each field of each table is described in headers, beyond the
// aliases in ../../schema/tables.ts. Phrases here are cut into concepts like headers are, so one
// phrase covers its synonyms (执法主体 also reads 执法机关, 处罚单位, 办案部门 …). Written from general
// knowledge of the ledgers (统一行政处罚办案系统, 行政执法监管平台 / 互联网+监管, 浙政钉·掌上执法,
// 12345 工单, 复议应诉台账, 执法人员信息管理, 权力事项清单, 双公示), never from the test corpus.

/** Concepts a table is about: in that table they say little (案件编号 = 编号 in a case ledger).
 *  办理/承办 (HANDLE) says who does the work, in any table: it says little about which field. */
export const TABLE_TOPICS: Readonly<Record<string, readonly string[]>> = {
  unit: ['UNIT', 'HANDLE'],
  matter: ['MATTER', 'HANDLE'],
  // a roster's only validity period is the certificate's
  officer: ['OFFICER', 'VALIDITY', 'HANDLE'],
  penalty_case: ['CASE', 'PENALTY', 'HANDLE'],
  inspection: ['INSPECT', 'HANDLE'],
  inspection_plan: ['TASK', 'PLAN', 'INSPECT', 'HANDLE'],
  review_litigation: ['RECONSIDER', 'LITIGATE', 'CASE', 'HANDLE'],
  complaint: ['COMPLAINT', 'HANDLE'],
  supervision_finding: ['PROBLEM', 'SUPERVISION', 'CASEFILE_REVIEW', 'HANDLE'],
  permit: ['PERMIT', 'HANDLE'],
  institution_checklist: ['INSTITUTION', 'HANDLE'],
};

/** Concepts whose presence in a header marks a kind of ledger (许可机关, 复议机关, 罚没金额): each
 *  header holding one adds to that table's score. */
export const TABLE_MARKERS: Readonly<Record<string, readonly string[]>> = {
  unit: ['ESTABLISH', 'ABOLISH', 'SHORT', 'ALIAS', 'HUB', 'MODE'],
  matter: ['MATTER', 'POWER', 'DISCRETION', 'LOWER', 'UPPER', 'TRANSFER_POWER', 'HIGH_FREQ', 'VERSION', 'EFFECTIVE'],
  // (a certificate list says who issued the certificates and when: 发证机关, 发证日期)
  officer: ['OFFICER', 'CERT', 'STAFFING', 'LEGAL_QUAL', 'TRAINING', 'GENDER', 'EDU', 'POLITICS', 'NATION', 'AGE', 'POSITION', 'ROLE', 'SINK', 'ISSUE'],
  penalty_case: ['PENALTY', 'FINE', 'CONFISCATE', 'PENALTY_KIND', 'NO_PENALTY', 'CRIME', 'HEARING', 'COLLECTIVE', 'LEGAL_REVIEW', 'EXTEND', 'ONLINE'],
  inspection: ['INSPECT', 'JOINT', 'QRCODE', 'MOBILE', 'SCENE', 'SUBJECT', 'ENTERPRISE'],
  inspection_plan: ['TASK', 'PLAN', 'SUBJECT'],
  review_litigation: ['RECONSIDER', 'LITIGATE', 'RESPONDENT', 'COURT', 'APPEAR', 'COURT_BODY', 'JUDGE'],
  complaint: ['COMPLAINT', 'COMPLAINANT', 'SATISFACTION', 'CHANNEL', 'CONDUCT', 'DISPUTE', 'OVERDUE'],
  supervision_finding: ['SUPERVISION', 'CASEFILE_REVIEW', 'RECTIFY', 'SEVERITY', 'SCORE', 'GRADE', 'PROBLEM'],
  permit: ['PERMIT', 'PERMIT_ITEM', 'APPLICANT', 'ISSUE', 'VALIDITY', 'SCOPE'],
  institution_checklist: ['INSTITUTION', 'DONE', 'EVIDENCE', 'ISSUE_DOC'],
};

/** Words in a file name that point to a table (a weak hint, used only to break near ties). */
export const FILE_HINTS: Readonly<Record<string, readonly string[]>> = {
  unit: ['单位名录', '主体名录', '执法主体', '单位清单', '机构名录', '执法单位', '队伍'],
  matter: ['事项目录', '事项清单', '权力清单', '权力事项', '执法事项', '事项', '权责清单'],
  officer: ['花名册', '执法人员', '人员名单', '人员信息', '执法证', '人员'],
  penalty_case: ['处罚', '案件台账', '案件', '办案'],
  inspection: ['检查记录', '检查台账', '行政检查', '检查', '巡查'],
  inspection_plan: ['检查计划', '计划', '任务', '抽查任务'],
  review_litigation: ['复议', '诉讼', '应诉'],
  complaint: ['投诉', '举报', '12345', '工单', '热线', '诉求'],
  supervision_finding: ['监督', '评查', '督查', '发现问题'],
  permit: ['许可', '审批', '双公示'],
  institution_checklist: ['制度', '机制', '落实情况'],
};

export interface FieldLexicon {
  /** More ways of naming the field. */
  also?: readonly string[];
  /** Phrases that point to the field without naming it exactly (applied as likely at most). */
  near?: readonly string[];
  /** Aliases of tables.ts that mislead in real ledgers of this table (read as another field). */
  not?: readonly string[];
}

/** table → field → phrases. */
export const FIELD_LEXICON: Readonly<Record<string, Readonly<Record<string, FieldLexicon>>>> = {
  unit: {
    // a unit's credit code identifies it, but a catalogue's own unit code (单位编码) comes first
    unit_id: { also: ['单位编码', '主体编码', '执法主体代码', '机构编码', '单位标识'], near: ['统一社会信用代码', '组织机构代码'] },
    name: { also: ['单位名称', '执法主体名称', '机构名称', '部门名称', '执法队伍名称', '单位全称', '主体名称'] },
    short_name: { also: ['单位简称', '简称'] },
    aliases: { also: ['别名', '其他名称', '曾用名称', '其他称谓'] },
    unit_type: { also: ['队伍类型', '单位类型', '主体类型', '机构类型', '执法队伍类别', '主体类别', '执法主体类型', '单位性质', '执法类别'] },
    domain: { also: ['执法领域', '所属领域', '行业领域', '执法门类'] },
    level: { also: ['层级', '行政层级', '单位层级', '机构层级', '所属层级', '主体层级'] },
    township: { also: ['所在乡镇', '所属乡镇', '乡镇街道', '驻地乡镇'] },
    mode: { also: ['执法模式', '下沉方式', '下沉模式', '运行模式', '派驻方式', '执法方式', '管理模式'] },
    hub_unit_id: { also: ['驻点单位', '兼管单位', '片区驻点单位', '驻点乡镇', '兼管乡镇', '片区中心'] },
    established_date: { also: ['成立日期', '组建日期', '设立日期', '挂牌日期'] },
    abolished_date: { also: ['撤销日期', '撤并日期', '注销日期', '取消日期'] },
  },
  matter: {
    matter_code: { also: ['事项编码', '事项代码', '权力事项编码', '基本码', '事项编号', '权力编码', '职权编码', '权力事项代码', '基本编码'], near: ['实施编码'] },
    name: { also: ['事项名称', '权力事项名称', '职权名称', '权力名称', '违法行为名称', '处罚事项名称', '子项名称'] },
    domain: { also: ['所属领域', '执法领域', '条线', '行业', '所属行业', '业务条线', '执法门类'] },
    power_type: { also: ['权力类型', '事项类型', '职权类型', '权力类别', '事项类别', '职权类别'] },
    owner_type: { also: ['实施队伍类型', '实施主体类型', '行使主体类型', '主体类型', '执法队伍类型'] },
    owner_unit_id: { also: ['实施主体', '行使主体', '实施单位', '实施机关', '承办单位', '责任单位', '执法主体', '实施部门', '管理主体', '管理部门'] },
    transferred: { also: ['是否划转', '划转事项', '是否划转综合执法', '是否综合执法事项', '划转情况'] },
    from_domain: { also: ['原所属领域', '原领域', '原主管部门', '划出部门', '原业务领域', '划出领域'] },
    high_frequency: { also: ['是否高频', '高频事项', '是否高频事项', '是否常用'] },
    fine_min: { also: ['罚款下限', '裁量下限', '罚款最低额', '最低罚款', '罚款起点', '处罚下限'] },
    fine_max: { also: ['罚款上限', '裁量上限', '罚款最高额', '最高罚款', '处罚上限'] },
    catalogue_version: { also: ['目录版本', '版本', '版本号', '清单版本', '年本'] },
    effective_date: { also: ['生效日期', '实施日期', '施行日期', '启用日期', '发布日期'] },
    revised_date: { also: ['调整日期', '修订日期', '变更日期', '动态调整日期'] },
    published: { also: ['是否公布', '是否公开', '是否公示', '对外公布', '公布状态', '公开状态'] },
  },
  officer: {
    officer_id: { also: ['人员编号', '人员编码', '人员代码', '工号', '人员标识', '执法人员编码', '执法人员代码'] },
    year: { also: ['年度', '年份', '统计年度', '所属年度'] },
    name: { also: ['姓名', '人员姓名', '执法人员姓名', '名字'] },
    id_number: { also: ['身份证号', '身份证号码', '公民身份号码', '身份证件号码'] },
    phone: { also: ['联系电话', '手机号码', '电话', '联系方式'] },
    unit_id: { also: ['所属单位', '工作单位', '单位', '所在单位', '执法主体', '执法单位', '所在部门', '所属部门', '单位名称', '所属执法主体', '执法机关'] },
    // a roster has one level: the one an officer works at (县级 or down in a township)
    posting: { also: ['层级', '执法层级', '岗位层级', '工作层级', '下沉情况', '是否下沉乡镇', '下沉层级', '派驻情况', '是否下沉', '是否派驻', '下沉派驻情况'] },
    township: { also: ['派驻乡镇', '下沉乡镇', '所在乡镇', '下沉乡镇名称', '派驻乡镇街道'] },
    role: { also: ['岗位类别', '岗位类型', '岗位', '工作岗位', '职责', '执法岗位'] },
    fulltime_reviewer: { also: ['是否专职法制审核', '专职法制审核人员', '是否专职法制审核人员', '专职法制员'] },
    staffing_type: { also: ['编制类型', '编制性质', '人员性质', '人员类别', '编制情况', '身份类别', '用工性质'] },
    cert_no: { also: ['执法证号', '执法证件号', '执法证编号', '执法证件编号', '执法证号码', '行政执法证号'], near: ['证件编号', '证书编号', '证件号'] },
    cert_valid_from: { also: ['执法证有效期起', '证件有效期起', '有效期起', '发证日期', '有效期开始日期', '领证日期', '颁证日期', '有效期自'] },
    cert_valid_to: { also: ['执法证有效期至', '证件有效期至', '有效期至', '有效期止', '有效期截止日期', '证件到期日期', '执法证到期日期', '有效期结束日期', '有效截止日期', '证件截止日期', '到期日期'] },
    legal_qualification: { also: ['法律职业资格', '是否具有法律职业资格', '是否取得法律职业资格', '法律资格'] },
    training_hours: { also: ['年度培训学时', '培训学时', '培训时长', '学时', '培训时间', '参加培训学时', '本年度参加培训学时'] },
  },
  penalty_case: {
    case_id: {
      also: ['案件编号', '案号', '立案编号', '案件编码', '案件号', '办案编号', '案件标识'],
      // 双公示 exports identify a case by its decision's number
      near: ['处罚决定书文号', '决定书文号', '决定文书号'],
    },
    unit_id: {
      also: ['执法主体', '执法机关', '办案单位', '承办单位', '办案机关', '处罚机关', '立案机关', '承办机构', '作出处罚决定的机关', '处罚决定机关', '实施机关', '执法部门', '主办单位'],
    },
    township: { also: ['所属乡镇', '案发乡镇', '乡镇', '案发地乡镇', '乡镇街道', '属地'] },
    // 案由 is the case's cause in words: it points to the matter (likely) but a coded column names it
    matter_code: {
      also: ['事项编码', '执法事项编码', '违法行为编码', '执法事项', '违法行为', '违法事项', '处罚事项', '权力事项编码', '违法行为代码'],
      near: ['违法类型', '违法种类', '案由', '违法行为类型', '违法行为类别'],
      not: ['案由', '违法行为类型', '违法行为类别'],
    },
    source: { also: ['案件来源', '线索来源', '来源', '案源', '案源类型', '案件来源方式'] },
    inspection_id: { also: ['关联检查编号', '检查编号', '检查记录编号', '检查单号', '来源检查编号'] },
    procedure: { also: ['适用程序', '程序类型', '办案程序', '程序', '案件程序', '处罚程序'] },
    filed_date: { also: ['立案日期', '立案时间', '受案日期', '立案审批日期', '立案审批时间'] },
    decision_date: { also: ['处罚决定日期', '决定日期', '作出决定日期', '决定书日期', '处罚日期', '决定书签发日期'] },
    closed_date: { also: ['结案日期', '结案时间', '办结日期', '办结时间', '结案审批日期'] },
    deadline_days: { also: ['办案期限', '办理期限', '办案时限'] },
    extension_approved: { also: ['是否批准延期', '延期审批', '是否延期', '批准延长', '是否延长办案期限', '延期情况'] },
    major_case: { also: ['是否重大案件', '重大执法决定', '重大案件', '是否重大执法决定', '是否重大行政执法决定'] },
    // 审核日期 alone may be when a record was approved for publication (a 信用公示 entry list puts it
    // after the decision), not the 法制审核: a guess to confirm, never sure
    legal_review_date: { also: ['法制审核日期', '法制审核时间', '法制审核完成日期'], near: ['审核日期'], not: ['审核日期'] },
    collective_discussion: { also: ['是否集体讨论', '集体讨论', '是否经集体讨论', '集体讨论情况', '负责人集体讨论', '机关负责人集体讨论'] },
    hearing: { also: ['是否听证', '听证', '是否举行听证', '听证情况'] },
    party_type: { also: ['当事人类型', '当事人性质', '当事人类别', '相对人类型', '相对人类别', '行政相对人类别'] },
    party_name: { also: ['当事人', '当事人名称', '当事人姓名', '被处罚人', '相对人名称', '行政相对人名称', '违法主体名称'] },
    party_id: { also: ['当事人证件号码', '证件号码', '统一社会信用代码', '当事人身份证号', '身份证号码', '当事人代码', '相对人代码', '行政相对人代码', '证照号码'] },
    penalty_types: { also: ['处罚种类', '处罚类型', '处罚内容', '处罚类别', '处罚结果', '处罚决定种类', '处罚决定类型'] },
    // 双公示 lists and supervision platforms say 处罚金额 for the fine (the one amount a penalty states)
    fine_amount: { also: ['罚款金额', '罚款数额', '罚没金额', '罚款', '处罚金额'] },
    confiscation_amount: { also: ['没收违法所得', '没收金额', '没收违法所得金额', '没收财物金额'] },
    no_penalty_reason: { also: ['不予处罚情形', '不予处罚原因', '免罚情形', '不予处罚理由', '免罚原因'] },
    suspected_crime: { also: ['是否涉嫌犯罪', '涉嫌犯罪', '是否涉刑'] },
    police_transfer_date: { also: ['移送公安日期', '移送司法机关日期', '移送日期', '移送公安时间'] },
    executed_date: { also: ['执行完毕日期', '执行日期', '履行日期', '缴款日期', '执行完成日期', '缴纳日期'] },
    handled_online: { also: ['是否网上办案', '网上办案', '是否网上办理', '是否线上办理', '网上办理'] },
    officer_ids: { also: ['承办人', '承办人员', '办案人员', '执法人员', '办案人', '主办人', '经办人'] },
  },
  inspection: {
    inspection_id: { also: ['检查编号', '检查记录编号', '检查单号', '检查单编号', '记录编号', '检查标识', '行政行为码'] },
    // (not 检查完成日期, the date of the 双随机 抽查结果 notices: as a spelling, even a near one, it
    // drew a plan's 实际完成日期 and broke that plan's three-row header; a required date's only
    // candidate is taken instead — see decide in recognise.ts)
    date: { also: ['检查日期', '检查时间', '实施日期', '检查开始时间', '巡查日期', '检查实施日期'] },
    lead_unit_id: { also: ['实施单位', '牵头单位', '检查单位', '检查主体', '执法主体', '实施机关', '检查机关', '牵头部门', '检查部门', '执法机关'] },
    unit_ids: { also: ['参与单位', '联合检查单位', '协同单位', '参检单位', '配合单位', '联合单位', '参与部门'] },
    is_joint: { also: ['是否综合查一次', '综合查一次', '是否联合检查', '联合检查', '是否跨部门联合'] },
    scene_id: { also: ['检查场景', '场景编号', '综合查一次场景', '场景', '场景编码'] },
    subject_id: { also: ['检查对象代码', '统一社会信用代码', '对象代码', '检查对象编码', '证件号码', '检查对象证件号码', '信用代码'] },
    subject_name: { also: ['检查对象', '检查对象名称', '被检查对象', '被检查单位', '企业名称', '对象名称', '被检查人'] },
    is_enterprise: { also: ['是否涉企', '是否企业', '涉企检查', '是否涉企检查'] },
    inspection_type: { also: ['检查类型', '检查方式', '检查类别', '检查形式'] },
    // a plan (计划) holds tasks (任务): its number points to the task only where nothing else does
    plan_task_id: { also: ['计划任务编号', '任务编号', '检查任务编号', '抽查任务编号', '随机抽查任务编号'], near: ['计划编号', '随机抽查计划编号'] },
    via_mobile: { also: ['是否掌上执法', '掌上执法', '是否使用掌上执法', '是否移动执法'] },
    code_shown: { also: ['是否亮码检查', '亮码检查', '是否亮码', '是否扫码检查'] },
    officer_ids: { also: ['检查人员', '执法人员', '检查人', '巡查人员'] },
    problem_found: { also: ['是否发现问题', '发现问题', '有无问题', '存在问题'] },
    result: { also: ['检查结果', '处理结果', '处置结果', '检查结论', '处理措施'] },
    case_id: { also: ['关联案件编号', '立案编号', '案件编号', '案号'] },
  },
  inspection_plan: {
    plan_task_id: { also: ['任务编号', '计划任务编号', '检查任务编号', '任务编码'], near: ['计划编号'] },
    unit_id: { also: ['责任单位', '实施单位', '承担单位', '检查单位', '执法主体', '实施机关', '牵头单位'] },
    plan_type: { also: ['任务类型', '计划类型', '任务类别'] },
    due_date: { also: ['计划完成日期', '完成时限', '截止日期', '计划完成时间', '完成期限', '要求完成日期', '期限', '时限'] },
    subject_id: { also: ['检查对象代码', '统一社会信用代码', '对象代码', '信用代码'] },
    subject_name: { also: ['检查对象', '检查对象名称', '对象名称', '企业名称'] },
  },
  review_litigation: {
    // a ledger of decided reconsiderations numbers them by the decision (复议决定书文号)
    id: { also: ['复议诉讼编号', '复议案号', '诉讼案号', '收案编号', '案号', '案件编号', '复议编号', '诉讼编号', '复议决定书文号', '行政复议决定书文号'] },
    case_id: { also: ['原案件编号', '原处罚案件编号', '关联案件编号', '原案号', '原行政处罚决定书文号', '被诉行政行为文号', '行政行为文号'], not: ['案件编号'] },
    unit_id: { also: ['被申请人', '被告', '被诉单位', '被申请单位', '被诉机关', '被申请人被告'] },
    kind: { also: ['类别', '案件类别', '复议或诉讼', '案件类型', '类型'] },
    outcome: { also: ['结果', '审理结果', '复议结果', '判决结果', '结案方式', '复议决定', '裁判结果', '处理结果'] },
    // a reconsideration starts with its 申请, a lawsuit with its 起诉
    filed_date: { also: ['收案日期', '受理日期', '立案日期', '收案时间', '受理时间', '申请日期', '复议申请日期', '申请复议日期', '起诉日期', '起诉时间'] },
    decided_date: { also: ['结案日期', '决定日期', '判决日期', '审结日期', '结案时间', '裁判日期', '办结日期', '审理完成日期'] },
    hearing_held: { also: ['是否开庭', '开庭审理', '是否开庭审理'] },
    head_appeared: { also: ['负责人是否出庭', '负责人出庭应诉', '行政机关负责人出庭', '是否负责人出庭', '负责人出庭情况'] },
  },
  complaint: {
    // a 信访 or mayor's-mailbox system numbers letters (信件编号, 来信编号)
    complaint_id: { also: ['工单编号', '工单号', '投诉编号', '件号', '举报编号', '诉求编号', '受理编号', '信件编号', '来信编号'] },
    // a 12345 ticket reaches the unit when it is assigned (区交办时间, 派单时间): close to received
    received_date: {
      also: ['受理日期', '登记日期', '来电时间', '受理时间', '投诉日期', '举报日期', '登记时间', '诉求受理时间', '来信时间', '来信日期'],
      near: ['交办时间', '交办日期', '派单时间', '派发时间', '转办时间', '签收时间'],
    },
    channel: { also: ['来源渠道', '渠道', '来源', '受理渠道', '投诉渠道', '诉求渠道'] },
    township: { also: ['所属乡镇', '发生地乡镇', '乡镇', '乡镇街道', '属地'] },
    unit_id: { also: ['承办单位', '处理单位', '责任单位', '办理单位', '主办单位', '承办部门'] },
    domain: { also: ['问题领域', '所属领域', '问题类别', '问题分类', '分类', '领域'] },
    about_conduct: { also: ['是否涉及执法行为', '是否执法行为投诉', '涉执法行为', '涉及执法', '是否涉及执法'] },
    deadline_date: { also: ['办结时限', '办理时限', '限办日期', '承诺办结日期', '要求办结日期'] },
    // a letter or complaint is closed by its answer (回复时间, 答复日期)
    closed_date: { also: ['办结日期', '办结时间', '结案日期', '办理完成时间', '回复时间', '回复日期', '答复时间', '答复日期'] },
    satisfaction: { also: ['满意度', '评价结果', '回访评价', '回访满意度', '满意度评价'] },
    jurisdiction_dispute: { also: ['是否管辖争议', '管辖争议', '是否存在管辖争议'] },
  },
  supervision_finding: {
    // (a 检察建议 ledger: each 检察建议书 is a finding, its 文号 the id, 制发 the day it was found and
    // the written reply it asks for by its 回复期限 the due date — 人民检察院检察建议工作规定)
    finding_id: { also: ['问题编号', '发现问题编号', '评查编号', '检察建议书文号', '建议书文号'] },
    source: { also: ['问题来源', '监督来源', '来源', '监督方式', '发现渠道', '建议类型'] },
    unit_id: { also: ['被监督单位', '责任单位', '被评查单位', '被检查单位', '涉及单位', '被建议单位'] },
    case_id: { also: ['关联案件编号', '案件编号', '案卷编号', '案号'] },
    // (a 评查 score sheet gives the parts' points, then the sum: 总分, 合计得分)
    casefile_score: { also: ['评查得分', '案卷得分', '评查分数', '得分', '总分', '评查总分', '合计得分'] },
    casefile_grade: { also: ['评查等次', '评查结果', '案卷等次', '等次'] },
    found_date: { also: ['发现日期', '检查日期', '评查日期', '发现时间', '监督日期', '制发日期'] },
    due_date: { also: ['整改期限', '整改时限', '应整改日期', '整改截止日期', '回复期限'] },
    rectified_date: { also: ['整改完成日期', '整改日期', '销号日期', '整改完成时间', '完成日期'] },
    severity: { also: ['问题等级', '严重程度', '问题性质', '问题级别'] },
    description: { also: ['问题描述', '问题内容', '具体问题', '问题'] },
  },
  permit: {
    // a 文书号 numbers the decision document: the permit's id when nothing else numbers it, but the
    // permit's own 编号 comes first
    permit_id: {
      // (a licence's kind before its number: 卫生许可证号, 食品经营许可证号)
      also: ['许可编号', '许可证号', '审批编号', '许可证编号', '卫生许可证号', '食品经营许可证号', '经营许可证号'],
      near: ['决定书文号', '许可文书号', '行政许可决定文书号', '许可决定书文号', '证照编号'],
      not: ['决定书文号'],
    },
    subject_id: { also: ['统一社会信用代码', '申请人证件号码', '对象代码', '被许可人代码', '行政相对人代码', '证件号码', '相对人代码', '申请人代码', '持证主体代码'] },
    // (not 单位名称, though in a permit list the 单位 named is the holder's: as a spelling, even a
    // near one, it drew a roster's 执法主体名称, 80–96 % alike, and turned the roster into permits)
    subject_name: { also: ['被许可人', '申请人', '许可对象', '行政相对人名称', '申请人名称', '相对人名称', '企业名称', '经营者名称', '持证单位', '持证人', '持证主体'] },
    matter_code: { also: ['审批事项编码', '事项编码', '审批事项', '许可事项', '事项名称', '许可项目', '审批项目', '项目名称', '许可项目名称', '证照类型名称'] },
    unit_id: { also: ['审批单位', '发证机关', '许可机关', '审批机关', '审批部门', '许可部门', '证照颁发机构'] },
    issued_date: { also: ['许可日期', '发证日期', '批准日期', '审批日期', '许可决定日期', '决定日期', '办结日期'] },
  },
  institution_checklist: {
    unit_id: { also: ['单位', '单位名称', '责任单位', '执法主体', '被考核单位'] },
    // (a statistical report's 报告期: 2024年)
    year: { also: ['年度', '年份', '考核年度', '报告期', '报告年度'] },
    item_code: { also: ['制度编码', '清单编码', '制度编号', '项目编码', '指标编码'] },
    item_name: { also: ['制度名称', '制度机制', '清单事项', '制度机制名称', '考核项目'] },
    done: { also: ['是否落实', '是否建立', '落实情况', '完成情况', '是否完成', '建立情况'] },
    done_date: { also: ['落实日期', '建立日期', '印发日期', '完成日期', '出台日期'] },
    evidence: { also: ['佐证材料', '佐证', '依据文件', '证明材料', '支撑材料'] },
  },
};

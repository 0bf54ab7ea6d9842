// The recognition lexicon, part 1: the words Chinese enforcement ledgers use in their column headers,
// grouped into concepts. Written from general knowledge of administrative-enforcement terminology
// (行政处罚法, 行政检查, 双随机一公开, 综合查一次, 12345 工单, 复议诉讼, 案卷评查, 双公示, 执法人员管理)
// and the field descriptions of ../../schema/tables.ts — never from the recognition test corpus
// (samples/corpus), which measures how well this generalises.
//
// A header is normalised (normalise.ts), then cut into these terms by longest match (tokens.ts):
// each term becomes its concept; characters no term covers become weak unknown tokens.

/** Kinds of class words: what sort of value a header says its column holds. */
/** PERIOD: 期限/时限, a date or a number of days depending on the field. */
export type ClassId = 'DATE' | 'CODE' | 'NAME' | 'TYPE' | 'AMOUNT' | 'COUNT' | 'PERIOD';

export interface ClassWords {
  id: ClassId;
  terms: readonly string[];
}

/** Class words, usually the last word of a header (立案日期, 案件编号, 单位名称, 处罚种类, 罚款金额). */
export const CLASS_WORDS: readonly ClassWords[] = [
  { id: 'DATE', terms: ['日期', '时间', '时间点', '年月日', '日', '时日', '日子', 'date', 'time'] },
  { id: 'CODE', terms: ['编码', '代码', '编号', '号码', '号', '文号', '字号', '代号', '识别码', '序列号', '流水号', '码', 'id', 'no', 'code'] },
  { id: 'NAME', terms: ['名称', '姓名', '名字', '全称', '名', 'name'] },
  { id: 'TYPE', terms: ['类型', '类别', '种类', '性质', '方式', '形式', '类', '种', 'type'] },
  { id: 'AMOUNT', terms: ['金额', '数额', '款额', '额度', '额', 'amount'] },
  { id: 'COUNT', terms: ['数量', '次数', '件数', '人数', '个数', '总数', '数'] },
];

export interface Concept {
  id: string;
  terms: readonly string[];
  /** Weight of the concept in a header (1 unless said). */
  weight?: number;
  /** The class a header ending in this concept has when it carries no class word. */
  implies?: ClassId;
}

/**
 * Concepts. Order does not matter (longest match decides); a term belongs to one concept.
 * Terms that contain a class word (身份证号码, 有效期) are listed whole so the longest match keeps them
 * together.
 */
export const CONCEPTS: readonly Concept[] = [
  // --- who ---------------------------------------------------------------------------------
  {
    id: 'UNIT',
    terms: [
      '执法主体', '执法机关', '执法单位', '执法部门', '执法队伍', '执法机构', '行政机关', '行政执法机关', '行政执法主体', '行政执法单位',
      '机关', '单位', '部门', '主体', '机构', '队伍', '中队', '大队', '科室', '处室', '所队', '执法局', '执法队', '部门单位', '组织单位',
      '处罚机关', '处罚单位', '处罚部门', '决定机关', '作出决定机关', '作出处罚决定机关', '处罚决定机关', '实施机关', '主管部门', '主管单位',
    ],
  },
  { id: 'HANDLE', weight: 0.4, terms: ['办案', '承办', '办理', '经办', '主办', '处理', '处置', '负责'] },
  { id: 'IMPLEMENT', weight: 0.6, terms: ['实施', '行使', '执行主体', '承担', '牵头', '承接', '组织', '发起'] },
  {
    id: 'OFFICER',
    terms: [
      '执法人员', '执法人', '执法者', '执法队员', '队员', '人员', '工作人员', '承办人', '承办人员', '办案人', '办案人员', '经办人', '主办人',
      '协办人', '主办人员', '协办人员', '检查人', '检查人员', '执法检查人员', '巡查人员', '办理人', '处理人', '干部', '执法证持有人',
      '名册', '花名册', '人员名册',
    ],
  },
  {
    id: 'PARTY',
    terms: [
      '当事人', '被处罚人', '被处罚单位', '被处罚对象', '处罚对象', '违法主体', '违法行为人', '违法人',
      '违法当事人', '涉案主体', '涉案当事人', '涉案对象', '被处罚主体', '当事单位',
    ],
  },
  {
    id: 'SUBJECT',
    terms: [
      '检查对象', '被检查对象', '被检查单位', '被检查人', '被检查主体', '被检查企业', '监管对象', '抽查对象', '检查主体对象', '被查对象',
    ],
  },
  { id: 'APPLICANT', terms: ['申请人', '申请单位', '被许可人', '被许可单位', '许可对象', '持证人', '持证单位', '申请主体'] },
  { id: 'RESPONDENT', terms: ['被申请人', '被申请', '被告', '被诉', '被诉单位', '被诉机关', '被申请单位', '被申请机关', '被告单位', '被诉行政机关', '被诉主体'] },
  { id: 'COMPLAINANT', terms: ['投诉人', '举报人', '诉求人', '来电人', '反映人', '投诉举报人', '来访人', '信访人', '求助人', '咨询人'] },
  { id: 'PERSON', weight: 0.8, terms: ['人', '者'] },
  { id: 'COURT_BODY', terms: ['法院', '人民法院', '审理法院', '受理法院', '复议机关', '审理机关'] },
  { id: 'OVERDUE', terms: ['超期', '逾期', '超时', '超过期限', '超期限', '延误'] },
  { id: 'MEASURE', terms: ['措施', '强制措施', '行政强制措施', '行政强制'] },
  { id: 'PERMIT_ITEM', terms: ['审批事项', '许可事项', '许可项目', '审批项目', '项目'] },
  { id: 'COUNTERPART', terms: ['行政相对人', '相对人', '管理相对人', '市场主体', '经营主体', '对象', '信用主体', '主体对象', '法人或其他组织', '单位或个人'] },
  { id: 'ENTERPRISE_ORG', terms: ['企业', '经营者', '商户', '公司', '个体工商户', '经营户', '自然人'] },
  { id: 'CATEGORY', terms: ['分类', '大类', '小类', '一级分类', '二级分类', '三级分类', '业务分类', '业务类别', '类目', '事项分类', '归口', '归类'] },
  { id: 'OPINION', terms: ['意见', '审核意见', '处理意见', '批示', '建议'] },
  { id: 'SCOPE', terms: ['范围', '经营范围', '许可范围', '业务范围'] },
  { id: 'COMPREHENSIVE', weight: 0.5, terms: ['综合', '综合执法', '综合行政执法'] },
  { id: 'LEGAL_REP', terms: ['法定代表人', '法人代表', '负责人', '法人', '经营者姓名', '主要负责人', '联系人'] },
  { id: 'REVIEWER', terms: ['法制审核人员', '法制审核员', '法制员', '审核人', '审核人员', '法制审核人'] },

  // --- what -------------------------------------------------------------------------------
  { id: 'CASE', terms: ['案件', '案卷', '处罚案件', '违法案件', '行政处罚案件', '案子', '案', '卷宗'] },
  { id: 'PENALTY', terms: ['处罚', '行政处罚', '罚'] },
  { id: 'ILLEGAL', weight: 0.5, terms: ['违法', '违规', '违法违规'] },
  { id: 'DECISION_DOC', terms: ['决定书', '处罚决定书', '行政处罚决定书', '文书', '许可决定书', '法律文书', '文件', '决定文书', '许可文件', '许可决定文书'] },
  {
    id: 'MATTER',
    terms: [
      '执法事项', '事项', '权力事项', '违法事项', '处罚事项', '职权事项', '权责事项', '违法行为', '违法行为类型', '检查事项', '抽查事项',
      '行政权力事项', '权力', '职权', '权力清单', '事项清单',
      // Zhejiang publishes its catalogues as 权责清单 (powers and duties): 权责代码, 权责名称
      '权责', '权责清单', '权责清单事项',
    ],
  },
  // 案由: the cause of a case in words (张某未经许可经营案), a description — it points to the matter
  // without being its code, so a coded matter column beats it
  { id: 'CAUSE', terms: ['案由', '案由名称', '立案案由', '案件案由'] },
  { id: 'TOWNSHIP', terms: ['乡镇', '街道', '乡镇街道', '镇街', '镇', '乡', '乡镇街', '属地', '属地乡镇', '社区', '村'] },
  { id: 'REGION', terms: ['行政区划', '区划', '所属区域', '区域', '地区', '区县', '县区', '市县', '省份', '城市', '辖区', '所属地区', '地域'] },
  { id: 'DOMAIN', terms: ['领域', '执法领域', '条线', '行业', '行业领域', '专业领域', '监管领域', '业务领域', '门类', '业务条线', '执法门类', '行业类别', '所属行业', '业务类型'] },
  {
    id: 'IDNO_ORG',
    implies: 'CODE',
    terms: ['统一社会信用代码', '社会信用代码', '信用代码', '组织机构代码', '统一代码', '营业执照号', '营业执照号码', '注册号', '工商注册号', '社会统一信用代码', '信用码'],
  },
  { id: 'IDNO_PERSON', implies: 'CODE', terms: ['身份证号', '身份证号码', '身份证', '公民身份号码', '身份证件号码', '居民身份证号码', '身份证件号'] },
  { id: 'IDNO', implies: 'CODE', terms: ['证件号码', '证件号', '证照号码', '证件编号', '证照编号', '证件代码', '证照号', '有效证件号'] },
  { id: 'DOC', weight: 0.6, terms: ['证件', '证书', '证明', '证'] },
  { id: 'CERT', terms: ['执法证', '执法证件', '行政执法证', '行政执法证件', '执法资格证', '执法资格', '执法证书'] },
  { id: 'PHONE', terms: ['联系电话', '电话', '手机', '手机号', '手机号码', '联系方式', '电话号码', '移动电话', '联系手机'] },
  { id: 'ADDRESS', terms: ['地址', '住所', '住址', '经营地址', '注册地址', '所在地', '地点', '场所', '经营场所', '住所地', '通讯地址', '详细地址', '坐落', '位置'] },
  { id: 'ROLE', terms: ['岗位', '岗位类别', '岗位类型', '职责', '岗位性质', '工作岗位', '岗位职责', '执法岗位'] },
  { id: 'POSITION', terms: ['职务', '职位', '职级', '职称', '级别职务', '行政职务', '技术职称'] },
  { id: 'STAFFING', terms: ['编制', '编制类型', '编制性质', '人员性质', '人员类别', '身份类别', '用工性质', '人员身份', '编制情况', '人员类型', '身份性质', '编制类别'] },
  { id: 'LEVEL', terms: ['层级', '级别', '行政层级', '层次'] },
  { id: 'SINK', terms: ['下沉', '派驻', '下派', '驻点派驻', '下沉派驻', '派驻执法', '下沉执法'] },
  { id: 'HUB', terms: ['驻点', '兼管', '片区', '片区兼管', '驻点单位', '驻点乡镇', '中心镇'] },
  { id: 'MODE', terms: ['执法模式', '运行模式', '执法方式', '管理模式', '模式'] },
  { id: 'LEGAL_QUAL', terms: ['法律职业资格', '法律职业资格证', '法律资格', '司法考试', '法律职业资格证书', '律师资格', '法律执业资格'] },
  { id: 'TRAINING', terms: ['培训', '学时', '培训学时', '培训时长', '培训时间', '学习时长', '继续教育'] },
  { id: 'FULLTIME', terms: ['专职', '专职人员', '全职'] },
  { id: 'LEGAL_REVIEW', terms: ['法制审核', '法制审查', '法审', '法核', '合法性审核', '法制机构审核'] },
  { id: 'YEAR', terms: ['年度', '年份', '统计年度', '所属年度', '考核年度', '评估年度', '年'] },
  { id: 'GENDER', terms: ['性别'] },
  { id: 'AGE', terms: ['年龄', '出生', '出生年月', '出生日期'] },
  { id: 'NATION', terms: ['民族', '籍贯', '国籍'] },
  { id: 'EDU', terms: ['学历', '学位', '毕业院校', '所学专业', '专业', '文化程度'] },
  { id: 'POLITICS', terms: ['政治面貌', '党员'] },

  // --- case events and attributes -------------------------------------------------------------
  { id: 'FILE', terms: ['立案', '受案', '立案审批', '案件受理', '立案登记'] },
  // 处罚决定, 许可决定, 复议决定 are read as 处罚/许可/复议 + 决定: whose decision it is tells the ledger
  { id: 'DECIDE', terms: ['决定', '作出决定', '决定作出', '审批决定', '批准决定'] },
  { id: 'CLOSE', terms: ['结案', '办结', '审结', '完结', '终结', '结办', '办毕', '已办结'] },
  // 销案/撤案: a case withdrawn (its filing cancelled), not a case closed
  { id: 'CANCEL_CASE', terms: ['销案', '撤案', '撤销立案', '撤销案件'] },
  { id: 'EXECUTE', terms: ['执行完毕', '执行', '履行', '缴款', '缴纳', '缴纳罚款', '执行完成', '履行完毕', '罚没款缴纳', '缴清', '执行情况'] },
  { id: 'DELIVER', terms: ['送达', '告知', '通知'] },
  { id: 'COLLECTIVE', terms: ['集体讨论', '集体研究', '集体审议', '负责人集体讨论', '重大案件集体讨论', '集体讨论决定', '集体研究决定', '集体讨论通过', '集体审议决定', '集体决定'] },
  { id: 'HEARING', terms: ['听证', '听证会', '举行听证', '组织听证'] },
  { id: 'COURT', terms: ['开庭', '庭审', '开庭审理', '出庭审理'] },
  { id: 'APPEAR', terms: ['出庭', '出庭应诉', '负责人出庭', '负责人出庭应诉', '机关负责人出庭', '行政机关负责人出庭', '行政机关负责人出庭应诉', '应诉'] },
  { id: 'CRIME', terms: ['涉嫌犯罪', '涉刑', '犯罪', '涉嫌刑事犯罪', '刑事犯罪'] },
  { id: 'POLICE', terms: ['公安', '公安机关', '司法机关', '司法', '刑事', '检察机关', '公安部门'] },
  { id: 'TRANSFER', terms: ['移送', '移交', '转交', '移转', '转送', '移送至', '交办', '转办', '转立案'] },
  { id: 'EXTEND', terms: ['延期', '延长', '延长期限', '延期办理', '延长办案期限', '延期审批', '延期情况'] },
  { id: 'APPROVE', weight: 0.5, terms: ['批准', '审批', '核准', '同意'] },
  { id: 'CHECK', weight: 0.5, terms: ['审核', '审查', '复核', '核实'] },
  { id: 'MAJOR', terms: ['重大', '重大案件', '重大执法决定', '重大行政执法决定', '重大处罚', '重大行政处罚', '重大复杂'] },
  { id: 'ONLINE', terms: ['网上办案', '网上办理', '线上办理', '网上', '线上', '在线办理', '全流程网上办案', '网办', '网上流转', '在线'] },
  { id: 'DEADLINE', implies: 'PERIOD', terms: ['期限', '时限', '限期', '办理期限', '法定期限', '规定期限', '承诺期限', '承诺完成', '承诺办结', '要求办结', '应办结', '要求完成', '应完成', '计划完成', '限办'] },
  // 要求/应/规定… before what is to be done make it a due date (要求整改完成时间, 应整改日期); at the
  // end of a header (整改要求) they name a requirement, not a date — see DUE in score.ts
  { id: 'DUE', terms: ['要求', '应', '应当', '须', '需', '规定', '限定', '最迟', '最晚', '承诺', '预计', '计划应'] },
  // 实际…: what was done, as against what was due (实际整改完成时间)
  { id: 'ACTUAL', terms: ['实际', '实际上', '事实上'] },
  // 最近/上次…: the latest of repeated events, not the one that closes the record
  { id: 'RECENT', weight: 0.5, terms: ['最近', '最新', '上次', '最近一次', '上一次', '末次'] },
  { id: 'PROCEDURE', terms: ['程序', '适用程序', '办案程序', '处罚程序', '程序类型', '案件程序'] },
  { id: 'SOURCE', terms: ['来源', '案源', '线索来源', '案件来源', '问题来源', '信息来源', '来源方式'] },
  { id: 'CHANNEL', terms: ['渠道', '途径', '来源渠道', '受理渠道', '反映渠道', '诉求渠道', '投诉渠道', '来件渠道'] },
  { id: 'PENALTY_KIND', terms: ['处罚种类', '处罚类型', '处罚类别', '处罚内容', '处罚结果', '处罚措施', '行政处罚种类', '处罚决定内容'] },
  { id: 'FINE', terms: ['罚款', '罚金', '罚没款', '罚没', '罚款数', '罚款额', '罚没金额'] },
  { id: 'CONFISCATE', terms: ['没收', '没收违法所得', '违法所得', '没收金额', '没收财物', '没收非法财物', '没收款'] },
  { id: 'NO_PENALTY', terms: ['不予处罚', '免罚', '免于处罚', '不予行政处罚', '免予处罚', '首违不罚', '轻微免罚', '不罚'] },
  { id: 'REASON', weight: 0.6, terms: ['原因', '情形', '理由', '事由', '说明理由'] },
  { id: 'BASIS', terms: ['依据', '法律依据', '处罚依据', '违法依据', '检查依据', '法规依据', '法律条款', '条款', '裁量依据', '设定依据'] },
  { id: 'FACTS', terms: ['事实', '违法事实', '案情', '简要案情', '主要事实', '案情摘要', '案件事实', '主要违法事实', '案情简介'] },
  { id: 'CONTENT', weight: 0.7, terms: ['内容', '描述', '具体问题', '情况说明', '简述', '详情', '概述', '摘要', '具体内容', '描述信息', '表现', '具体表现', '主要表现', '表现形式'] },
  // the administrative act under review or in suit (被复议的具体行政行为, 被诉行政行为)
  { id: 'ACT', terms: ['行政行为', '具体行政行为', '具体行为', '行为', '原行政行为'] },
  // where the record came from (a system, a platform, a reporting unit): metadata, not a case's source
  { id: 'DATA_ORIGIN', terms: ['数据来源', '数据提供单位', '来源系统', '数据来源系统', '信息来源单位', '数据来源部门', '报送单位', '填报单位'] },
  { id: 'REMARK', terms: ['备注', '附注', '说明', '其他说明', '备考'] },
  { id: 'STATUS', terms: ['状态', '当前状态', '办理状态', '流程状态', '环节', '当前环节', '节点', '进度', '办理进度', '当前节点'] },
  { id: 'ROWNO', terms: ['序号', '行号', '排序', '顺序号'] },
  { id: 'SYSTEM', terms: ['创建', '新建', '录入', '更新', '修改', '同步', '上报', '推送', '入库', '归集', '交换', '采集', '导入', '导出', '数据更新', '最后修改'] },
  { id: 'SIGN', terms: ['签收', '签字', '签名', '签章', '盖章', '审签'] },

  // --- inspection --------------------------------------------------------------------------
  { id: 'INSPECT', terms: ['检查', '巡查', '抽查', '核查', '执法检查', '监督检查', '行政检查', '现场检查', '查验', '检验', '检测', '排查', '隐患排查', '摸排'] },
  // 双随机一公开: the random-inspection programme whose tasks inspections belong to
  { id: 'RANDOM', terms: ['双随机', '双随机一公开', '双随机抽查', '随机抽查', '随机'] },
  { id: 'JOINT', terms: ['综合查一次', '联合检查', '联合执法', '综合查', '跨部门联合', '部门联合', '多跨协同', '联合', '协同检查'] },
  { id: 'PARTICIPANT', terms: ['参与单位', '参与部门', '协同单位', '联合检查单位', '参检单位', '配合单位', '协同部门', '配合部门', '参与', '协同', '配合'] },
  { id: 'SCENE', terms: ['场景', '检查场景', '综合查一次场景', '应用场景', '一件事场景'] },
  { id: 'ENTERPRISE', terms: ['涉企', '涉及企业', '企业检查', '涉企检查'] },
  { id: 'MOBILE', terms: ['掌上执法', '掌上', '移动执法', '浙政钉', '执法终端', '移动终端', '掌上执法系统', '掌执', '手持终端'] },
  { id: 'QRCODE', terms: ['亮码', '亮码检查', '扫码', '扫码检查', '行政行为码', '检查码', '执法码', '亮证亮码'] },
  { id: 'FIND', weight: 0.6, terms: ['发现', '查出', '查处', '检出'] },
  { id: 'PROBLEM', terms: ['问题', '隐患', '违法问题', '存在问题', '问题线索', '发现问题'] },
  { id: 'RESULT', terms: ['结果', '结论', '处理结果', '处置结果', '检查结果', '处理情况', '结果情况', '检查结论', '审理结果', '判决结果', '裁判结果', '处理措施', '处置措施', '处理方式', '处置方式'] },
  // a plan (抽查计划) is carried out as tasks (抽查任务): a task list is keyed by the task
  { id: 'PLAN', terms: ['计划', '检查计划', '抽查计划', '工作计划', '年度计划'] },
  { id: 'TASK', terms: ['任务', '检查任务', '抽查任务', '计划任务', '任务书'] },
  { id: 'COMPLETE', terms: ['完成'] },

  // --- complaints --------------------------------------------------------------------------
  { id: 'COMPLAINT', terms: ['投诉', '举报', '投诉举报', '工单', '诉求', '来电', '信访', '热线', '举报投诉', '咨询投诉', '件', '来件', '诉求件', '投诉件', '办件', '事件', '案卷件', '12345', '12345热线', '热线工单'] },
  { id: 'RECEIVE', terms: ['受理', '登记', '接收', '收件', '接件', '收到', '接到', '收案', '受案登记', '收文', '受理登记'] },
  // 派单/派发 is when a ticket is sent on to the unit that handles it, not when it was received
  { id: 'DISPATCH', terms: ['派单', '派发', '分派', '转派', '下发', '派遣', '交派'] },
  { id: 'CONDUCT', terms: ['执法行为', '涉及执法行为', '执法行为投诉', '涉执法行为', '执法作风', '执法态度', '执法人员行为', '人员行为', '工作人员行为', '执法人员作风'] },
  { id: 'SATISFACTION', terms: ['满意度', '评价', '回访评价', '满意情况', '满意程度', '回访', '评价结果', '回访结果', '群众评价', '满意率'] },
  { id: 'DISPUTE', terms: ['管辖争议', '争议', '推诿', '管辖', '职责争议', '权责争议'] },

  // --- reconsideration and lawsuits ----------------------------------------------------------
  { id: 'RECONSIDER', terms: ['复议', '行政复议', '复议案件'] },
  { id: 'LITIGATE', terms: ['诉讼', '行政诉讼', '应诉案件', '诉讼案件', '行政应诉'] },
  { id: 'JUDGE', terms: ['判决', '裁判', '裁定', '审理', '一审', '二审', '审判', '标的', '执行标的', '诉讼标的', '标的额', '标的金额', '判决书', '裁定书', '审级'] },

  // --- supervision findings -----------------------------------------------------------------
  // 督办: a supervising office presses a unit to deal with a matter (挂牌督办, 督办件)
  { id: 'SUPERVISION', terms: ['监督', '执法监督', '行政执法监督', '督查', '督察', '监察', '巡察', '督办', '挂牌督办', '督查督办'] },
  { id: 'CASEFILE_REVIEW', terms: ['评查', '案卷评查', '卷宗评查', '案卷检查', '评审', '点评', '评卷'] },
  { id: 'SCORE', terms: ['得分', '分数', '评分', '分值', '成绩', '打分'] },
  { id: 'GRADE', terms: ['等次', '档次', '评定等次', '评查等次', '评价等次', '质量等级', '评定等级', '等级', '等第'] },
  { id: 'SEVERITY', terms: ['严重程度', '问题等级', '问题性质', '严重性', '风险等级', '问题级别', '轻重程度', '定性', '性质认定', '定性结论'] },
  { id: 'RECTIFY', terms: ['整改', '整改完成', '销号', '整治', '纠正', '整改落实', '改正'] },

  // --- permits ---------------------------------------------------------------------------------
  { id: 'PERMIT', terms: ['许可', '行政许可', '许可证', '审批服务', '行政审批', '许可证书', '证照'] },
  { id: 'ISSUE', terms: ['发证', '颁发', '核发', '签发', '发放', '颁证', '出具'] },
  { id: 'VALIDITY', implies: 'DATE', terms: ['有效期', '有效期限', '有效日期'] },
  { id: 'START', weight: 0.8, implies: 'DATE', terms: ['起', '始', '开始', '起始', '自', '起日', '生效起'] },
  { id: 'END', weight: 0.8, implies: 'DATE', terms: ['止', '至', '截止', '到期', '终止', '截至', '终', '止日', '失效', '结束'] },

  // --- unit list and matter catalogue --------------------------------------------------------
  // the catalogue's basic code of a matter (基本码), as against an implementing unit's code (实施编码)
  { id: 'BASECODE', implies: 'CODE', terms: ['基本码', '基本编码', '事项基本码', '基本代码'] },
  { id: 'SHORT', terms: ['简称', '短名', '简写'] },
  { id: 'ALIAS', terms: ['别名', '曾用名', '其他名称', '又名', '别称', '旧称'] },
  { id: 'ESTABLISH', terms: ['成立', '组建', '设立', '挂牌'] },
  { id: 'ABOLISH', terms: ['撤销', '撤并', '取消', '注销', '撤除', '撤并撤销', '作废', '废止'] },
  { id: 'POWER', terms: ['权力类型', '职权类型', '权力类别', '事项类型', '权力性质', '职权类别', '事项类别'] },
  { id: 'TRANSFER_POWER', terms: ['划转', '划转事项', '划入', '划出', '转移'] },
  { id: 'ORIGINAL', weight: 0.6, terms: ['原', '原有', '原来', '之前'] },
  { id: 'HIGH_FREQ', terms: ['高频', '高频事项', '常用', '高发'] },
  { id: 'DISCRETION', weight: 0.6, terms: ['裁量', '裁量基准', '自由裁量', '处罚幅度', '罚款幅度'] },
  { id: 'LOWER', terms: ['下限', '最低', '起点', '最低额', '最少', '最小'] },
  { id: 'UPPER', terms: ['上限', '最高', '封顶', '最高额', '最多', '最大'] },
  { id: 'VERSION', terms: ['版本', '年本', '版次', '版本号'] },
  { id: 'EFFECTIVE', terms: ['生效', '施行', '启用', '发布实施'] },
  { id: 'REVISE', terms: ['调整', '修订', '动态调整', '修改调整', '变更', '修正'] },
  { id: 'PUBLISH', terms: ['公布', '对外公布', '公开发布', '向社会公布', '发布', '公示', '公告', '公开'] },

  // --- institution checklist ---------------------------------------------------------------
  { id: 'INSTITUTION', terms: ['制度', '机制', '制度机制', '清单事项', '制度建设', '考核事项', '考核项目', '指标项'] },
  { id: 'DONE', terms: ['落实', '建立', '完成情况', '落实情况', '建立情况', '达标'] },
  { id: 'EVIDENCE', terms: ['佐证', '佐证材料', '依据文件', '证明材料', '附件', '支撑材料', '印证材料', '材料'] },
  { id: 'ISSUE_DOC', terms: ['印发', '出台', '发文', '制定'] },
];

/**
 * Words that qualify a header without changing what it names (所属单位 = 单位, 关联案件编号 = 案件编号).
 * They count for little when comparing headers.
 */
export const MODIFIERS: readonly string[] = [
  '所属', '所在', '关联', '相关', '对应', '涉及', '具体', '主要', '本', '该', '其', '信息', '数据', '记录', '明细', '基本', '登记表',
  '单', '单据', '表', '书', '情况', '是', '否', '有', '无', '已', '未', '的', '及', '和', '与', '或', '之', '为', '作出', '进行',
  '当前', '最终', '首次', '本次', '有关', '行政', '执法', '一般', '统一', '其他', '填写', '填报', '选择', '做出', '最后', '简要',
  // function words and qualifiers of level or time
  '属于', '通过', '使用', '采用', '经过', '经', '被', '由', '对', '于', '在', '按', '按照', '依照', '本年', '当年',
  '全部', '所有', '各', '市本级', '县本级', '本级', '市级', '县级', '省级', '县', '市', '省', '是否属于',
  // a system's or a platform's own number is the record's number (系统编号, 平台人员编号); 存在的问题 is the problem
  '系统', '平台', '内部', '存在', '提出', '反映的', '一级', '二级', '三级', '四级',
  // 规范简称, 正式名称: the official form of what follows, the same field
  '规范', '正式',
  // 统计年份, 统计日期: the period a list is counted for, the same field
  '统计',
];

/** Notes in brackets that say how to fill a column, not what it is (dropped). */
export const FILL_NOTES: readonly RegExp[] = [
  /^(必填|选填|可选|必须|非必填|必录|可不填|可空|必选|选录)(项)?$/,
  /^(格式|如|例|例如|填写|请填写|请选择|下拉|多个|多人|多值)/,
  /^(yyyy|y{2,4}[-/.年]?m{1,2}|\d{4}[-/.年])/i,
  /(用|以)[、，,;；/]?.{0,6}(分隔|隔开)/,
];

/** Bracketed units and what kind of value they imply. */
export const UNIT_NOTES: Readonly<Record<string, { kind: 'money' | 'days' | 'hours' | 'count' | 'percent' | 'score'; scale?: number }>> = {
  元: { kind: 'money' },
  人民币元: { kind: 'money' },
  人民币: { kind: 'money' },
  万元: { kind: 'money', scale: 10000 },
  万: { kind: 'money', scale: 10000 },
  天: { kind: 'days' },
  日: { kind: 'days' },
  工作日: { kind: 'days' },
  个工作日: { kind: 'days' },
  自然日: { kind: 'days' },
  学时: { kind: 'hours' },
  小时: { kind: 'hours' },
  课时: { kind: 'hours' },
  次: { kind: 'count' },
  件: { kind: 'count' },
  人: { kind: 'count' },
  个: { kind: 'count' },
  '%': { kind: 'percent' },
  分: { kind: 'score' },
};

/** Bracket notes that say the column is yes/no. */
export const BOOL_NOTES: readonly RegExp[] = [/^(是[/、或|]否|否[/、或|]是|y[/|]n|是否|1[/、]0|有[/、或]无|√[/、]×)$/i];

/** Prefixes and suffixes that make a header a yes/no question (是否重大案件, 有无听证, 网上办理与否). */
export const BOOL_PREFIXES: readonly string[] = ['是否为', '是否已', '是否', '有无', '是不是', '有否', '可否', '能否'];
export const BOOL_SUFFIXES: readonly string[] = ['与否'];

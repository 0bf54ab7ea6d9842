// The recognition lexicon, part 4: English words of the field names systems use where a person
// would write a Chinese header — JSON APIs (acceptTime, handleDeptName), database columns and data
// platforms (dept_name, stat_year, is_done, IDCARD). Each word becomes the Chinese term a ledger
// would use, so a name is read as the header it translates (acceptTime → 受理时间) by the same
// rules as a Chinese one. Written from general knowledge of how such systems name things, never
// from the recognition test corpus. Words with no meaning of their own here (info, data) are left
// out of the translation; a word not listed stops it (the name stays unread).

/** Several words that make one term (taken before single words). */
export const ENGLISH_PHRASES: Readonly<Record<string, string>> = {
  'law enforcement': '执法',
  'credit code': '信用代码',
  'social credit code': '社会信用代码',
  'unified social credit code': '统一社会信用代码',
  'id card': '身份证号',
  'id number': '证件号码',
  'phone number': '电话',
  'work order': '工单',
  'created at': '创建时间',
  'updated at': '更新时间',
  // an enforcement body's kind and field, as a unit list's API names them
  'subject type': '主体类别',
  'law field': '执法领域',
  'other names': '其他名称',
  'other name': '其他名称',
  // the label of a coded value, beside its code (inspectType 02, inspectTypeName 日常检查)
  'type name': '类型',
  'result name': '结果',
  'status name': '状态',
  // the code Zhejiang gives each administrative act (an inspection's id: 行政行为码)
  'act code': '行政行为码',
  // a finding's severity as a BI dataset's caption names it (severity_level)
  'severity level': '严重程度',
};

export const ENGLISH_WORDS: Readonly<Record<string, string>> = {
  // what sort of value
  id: '编号', no: '编号', num: '编号', number: '编号', code: '编码', sn: '编号', serial: '序号',
  name: '名称', title: '标题', date: '日期', time: '时间', day: '日期', dt: '日期', at: '时间',
  type: '类型', kind: '类别', category: '类别', status: '状态', state: '状态', result: '结果',
  outcome: '结果', amount: '金额', money: '金额', count: '数量', total: '合计', desc: '描述',
  description: '描述', content: '内容', detail: '详情', remark: '备注', remarks: '备注', memo: '备注',
  note: '备注', notes: '备注', flag: '标志',
  // who
  dept: '部门', department: '部门', org: '机构', organ: '机关', organization: '机构', organisation: '机构',
  unit: '单位', agency: '机关', authority: '机关', office: '机关', bureau: '局',
  organizing: '承办', organiser: '承办', organizer: '承办', handle: '办理', handling: '办理',
  handler: '经办人', operator: '操作人', user: '用户', staff: '人员', person: '人员', people: '人员',
  officer: '执法人员', enforcer: '执法人员', executor: '执法人员', inspector: '检查人员',
  party: '当事人', applicant: '申请人', citizen: '市民', complainant: '投诉人', subject: '对象',
  object: '对象', target: '对象', enterprise: '企业', company: '企业', corp: '企业', leader: '负责人',
  head: '负责人',
  // where
  street: '街道', town: '乡镇', township: '乡镇', area: '区域', region: '区域', address: '地址', addr: '地址',
  // when and how long
  year: '年度', month: '月份', start: '开始', begin: '开始', end: '结束', from: '起', to: '止',
  until: '止', valid: '有效', validity: '有效期', expire: '到期', expiry: '到期', limit: '限办',
  deadline: '期限', due: '期限', period: '期限',
  // what happens to a case, a ticket, a check
  accept: '受理', accepted: '受理', receive: '受理', received: '受理', register: '登记',
  registered: '登记', reg: '登记', filing: '立案', filed: '立案', finish: '办结', finished: '办结',
  close: '结案', closed: '结案', complete: '完成', completed: '完成', done: '完成',
  create: '创建', created: '创建', update: '更新', updated: '更新', modify: '修改', modified: '修改',
  delete: '删除', del: '删除', decision: '决定', decide: '决定', decided: '决定', approve: '批准',
  approved: '批准', approval: '审批', issue: '问题', issued: '发证', issuing: '发证',
  reply: '答复', response: '答复', feedback: '反馈', dispatch: '派单', assign: '交办', assigned: '交办',
  transfer: '移送', transferred: '移送', execute: '执行', executed: '执行', execution: '执行',
  rectify: '整改', rectified: '整改', rectification: '整改', found: '发现', find: '发现',
  involve: '涉及', involved: '涉及', evaluate: '评价', evaluation: '评价', review: '评查',
  apply: '申请', application: '申请', report: '举报', reported: '举报',
  // things
  case: '案件', penalty: '处罚', punish: '处罚', punishment: '处罚', fine: '罚款', confiscation: '没收',
  confiscate: '没收', illegal: '违法', violation: '违法行为', crime: '犯罪', suspected: '涉嫌',
  enforce: '执法', enforcement: '执法', police: '公安', procedure: '程序', hearing: '听证', collective: '集体', discussion: '讨论',
  major: '重大', online: '网上', joint: '联合', legal: '法制', extension: '延期', extend: '延期',
  inspection: '检查', inspect: '检查', check: '检查', patrol: '巡查', plan: '计划', task: '任务',
  scene: '场景', mobile: '移动', qrcode: '亮码',
  complaint: '投诉', complain: '投诉', petition: '信访', letter: '信件', order: '工单', ticket: '工单',
  event: '事件', source: '来源', channel: '渠道', satisfaction: '满意度', satisfied: '满意',
  dispute: '争议', jurisdiction: '管辖',
  reconsider: '复议', reconsideration: '复议', litigation: '诉讼', lawsuit: '诉讼', court: '法院',
  judgment: '判决', appear: '出庭', appeared: '出庭',
  problem: '问题', finding: '问题', severity: '严重程度', score: '得分', grade: '等次', level: '层级',
  supervision: '监督', supervise: '监督', supervised: '被监督', inspected: '被检查', related: '关联',
  cert: '证件', certificate: '证件', license: '许可', licence: '许可', permit: '许可',
  item: '项目', matter: '事项', power: '权力', domain: '领域', field: '领域', industry: '行业',
  evidence: '佐证', attachment: '附件', institution: '制度',
  phone: '电话', tel: '电话', telephone: '电话', contact: '联系', mobilephone: '手机',
  idcard: '身份证号', identity: '身份', uscc: '统一社会信用代码', credit: '信用', social: '社会',
  unified: '统一', gender: '性别', sex: '性别', age: '年龄', birth: '出生', birthday: '出生日期',
  education: '学历', post: '岗位', position: '职务', role: '岗位', training: '培训', hours: '学时',
  hour: '学时', stat: '统计', statistics: '统计', main: '主要',
  is: '是否', has: '有无',
  // a unit list's and a permit interface's words
  abbr: '简称', abbreviation: '简称', short: '简称', alias: '别名', aliases: '别名', admin: '行政',
  administrative: '行政', mode: '方式', way: '方式', hub: '驻点', setup: '设立', establish: '设立',
  established: '设立', establishment: '设立', revoke: '撤销', revoked: '撤销', abolish: '撤销',
  abolished: '撤销', counterpart: '相对人', licensing: '许可', licensed: '许可',
  // no meaning of their own in a field name
  info: '', data: '', the: '', of: '', and: '', for: '', by: '',
};

// The dirty sample: small files whose bad rows are planted one by one, with the exact reason codes
// the importer must give each (samples/dirty/_expected.json). Every CSV row is one physical line
// (no blank lines, no line breaks inside quotes), so "line" is the line number in the file; in the
// XLSX it is the sheet row number.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { day } from './dates.js';
import { encodeGbk } from './gbk.js';
import { CsvWriter, XlsxWriter, type XlsxCell, csvCell } from './writers.js';

export interface ExpectedRow {
  line: number;
  codes: string[];
  note: string;
}

export interface ExpectedFile {
  order: number;
  file: string;
  table: string;
  format: 'csv' | 'xlsx';
  encoding: string;
  rows_read: number;
  rows_loaded: number;
  rows_rejected: number;
  rejected: ExpectedRow[];
  /** Rows that load with optional fields left empty (their text unreadable, kept in extras): the
   *  line and the codes of the checks that failed. */
  emptied: ExpectedRow[];
}

/** What _expected.json holds. */
export interface DirtyExpectation {
  description: string;
  codes: Record<string, string>;
  totals: { rows_read: number; rows_loaded: number; rows_rejected: number };
  files: ExpectedFile[];
}

/** A dirty row: the cells (or a raw line), the codes it must be rejected with ([] = loads), and
 *  the codes of optional fields it loads without (their values unreadable: the field is emptied). */
interface Row {
  cells?: readonly XlsxCell[];
  /** a physical line written as is (ragged rows) */
  raw?: string;
  /** the whole line written in GBK bytes into a UTF-8 file */
  gbk?: boolean;
  codes: string[];
  emptied?: string[];
  note: string;
}

const CODES: Record<string, string> = {
  '<field>.required': '必填字段为空 / a required field is empty',
  '<field>.invalid': '无法解析的日期、金额、整数、数字或是/否。必填字段或主键：该行被拒绝；其他字段：该行照常导入，该字段留空，原文保留并列出（可选值字段的未知取值同样不拒绝，列为未匹配）/ unparseable date, money, integer, number or yes/no. A required or key field: the row is rejected; any other field: the row loads with the field empty, the text kept and listed (an unknown enum value does not reject the row either: listed as unmatched)',
  '<field>.range': '日期超出 1949—2100 年 / date outside 1949–2100',
  '<field>.min': '小于字段下限（tables.ts 中的 min）/ below the field minimum',
  '<field>.max': '大于字段上限（tables.ts 中的 max）/ above the field maximum',
  'row.encoding': '该行含无法解码的字符（编码错误）/ undecodable characters in the row',
  'row.ragged': '该行列数与表头不一致（多列或少列）/ the row has more or fewer columns than the header',
  'key.duplicate_in_file': '主键在本文件中已出现过（首次出现的行导入）/ key seen earlier in the same file (the first occurrence loads)',
  'key.exists': '主键已存在于工作区（先前导入的文件）/ key already in the workspace from an earlier import',
};

// ---------------------------------------------------------------------------------------------
// 01 penalty cases (UTF-8, LF)

const CASE_HEADERS = ['案件编号', '执法主体', '事项编码', '适用程序', '立案日期', '处罚决定日期', '结案日期', '办案期限（天）', '是否重大案件', '法制审核日期', '当事人类型', '当事人', '罚款金额（元）', '是否涉嫌犯罪', '执行完毕日期', '承办人'];

interface CaseCells {
  id: string;
  unit: string;
  matter: string;
  proc: string;
  filed: string;
  decision: string;
  closed: string;
  deadline: string;
  major: string;
  review: string;
  ptype: string;
  party: string;
  fine: string;
  crime: string;
  executed: string;
  officers: string;
}

const GOOD_CASE: CaseCells = {
  id: '嵊市监罚〔2024〕9001号',
  unit: '嵊泗县市场监督管理局',
  matter: '330110001000',
  proc: '普通',
  filed: '2024-03-05',
  decision: '2024-04-12',
  closed: '2024-05-06',
  deadline: '90',
  major: '否',
  review: '2024-04-10',
  ptype: '单位',
  party: '嵊泗县海韵餐饮店',
  fine: '3000.00',
  crime: '否',
  executed: '2024-05-02',
  officers: 'ZF0101、ZF0102',
};

function caseCells(o: Partial<CaseCells>): string[] {
  const c = { ...GOOD_CASE, ...o };
  return [c.id, c.unit, c.matter, c.proc, c.filed, c.decision, c.closed, c.deadline, c.major, c.review, c.ptype, c.party, c.fine, c.crime, c.executed, c.officers];
}

const id = (n: number) => `嵊市监罚〔2024〕${9000 + n}号`;

const CASES_01: Row[] = [
  { cells: caseCells({ id: id(1) }), codes: [], note: '正常行 / good' },
  { cells: caseCells({ id: id(2), unit: '市场监管局', filed: '2024/3/8', decision: '2024年4月2日', fine: '1,234.50', major: 'N', crime: 'N' }), codes: [], note: '正常行：简称、2024/3/8、2024年4月2日、千分位金额、Y/N / good, other value forms' },
  { cells: caseCells({ id: id(3), filed: '2024-02-30' }), codes: ['filed_date.invalid'], note: '不存在的日期 2024-02-30' },
  { cells: caseCells({ id: id(4), decision: '2024/13/01' }), codes: [], emptied: ['decision_date.invalid'], note: '处罚决定日期月份为 13：照常导入，该字段留空，原文保留' },
  { cells: caseCells({ id: id(5), filed: '三月五日' }), codes: ['filed_date.invalid'], note: '汉字日期“三月五日”' },
  { cells: caseCells({ id: '' }), codes: ['case_id.required'], note: '案件编号为空' },
  { cells: caseCells({ id: id(7), fine: '约壹佰元' }), codes: [], emptied: ['fine_amount.invalid'], note: '金额写作“约壹佰元”（不是确定的金额）：照常导入，罚款金额留空，原文保留' },
  { cells: caseCells({ id: id(8), deadline: 'abc' }), codes: [], emptied: ['deadline_days.invalid'], note: '办案期限为 abc：照常导入，该字段留空' },
  { cells: caseCells({ id: id(9), proc: '简易', filed: '20240311', decision: '20240311', closed: '20240311', deadline: '', review: '', ptype: '个人', party: '张伟', fine: '200', executed: '20240311' }), codes: [], note: '正常行：简易程序，20240311 日期格式 / good' },
  { raw: caseCells({ id: id(10) }).map(csvCell).join(',') + ',多出的一列', codes: ['row.ragged'], note: '比表头多一列 / one cell more than the header' },
  { raw: caseCells({ id: id(11) }).slice(0, -1).map(csvCell).join(','), codes: ['row.ragged'], note: '比表头少一列（缺承办人）/ one cell fewer than the header' },
  { cells: caseCells({ id: id(1), fine: '2500.00' }), codes: ['key.duplicate_in_file'], note: `案件编号与第 2 行重复 / repeats line 2's key` },
  {
    cells: caseCells({ id: 'GBK-0001', unit: '嵊泗县市场监督管理局', proc: '', ptype: '', party: '嵊泗县东海渔业有限公司', major: 'N', crime: 'N' }),
    gbk: true,
    codes: ['row.encoding'],
    note: '该行的中文以 GBK 字节写入 UTF-8 文件 / this row’s Chinese is written in GBK bytes',
  },
  { cells: caseCells({ id: id(14), proc: '特别程序' }), codes: [], note: '适用程序“特别程序”不在可选值内：照常导入，该字段为空，原文保留在附加信息中并列为未匹配的取值' },
  { cells: caseCells({ id: id(15), major: '可能' }), codes: [], emptied: ['major_case.invalid'], note: '是否重大案件为“可能”：照常导入，该字段留空' },
  { cells: caseCells({ id: id(16), fine: '-500' }), codes: [], emptied: ['fine_amount.min'], note: '罚款为负数：照常导入，罚款金额留空 / negative fine: loads, the fine empty' },
  { cells: caseCells({ id: id(17), filed: '1900-01-01' }), codes: ['filed_date.range'], note: '立案日期 1900-01-01 超出范围' },
  { cells: caseCells({ id: id(18), decision: '2024-13-45', fine: 'abc', crime: '也许' }), codes: [], emptied: ['decision_date.invalid', 'fine_amount.invalid', 'suspected_crime.invalid'], note: '一行三处可选字段无法识别：照常导入，三个字段留空 / three unreadable optional values: loads, three fields empty' },
  { cells: caseCells({ id: id(19), deadline: '0' }), codes: [], emptied: ['deadline_days.min'], note: '办案期限 0 天（下限 1）：照常导入，该字段留空' },
  { cells: caseCells({ id: id(20), deadline: '5000' }), codes: [], emptied: ['deadline_days.max'], note: '办案期限 5000 天（上限 3650）：照常导入，该字段留空' },
  { cells: caseCells({ id: id(21), filed: '' }), codes: ['filed_date.required'], note: '立案日期为空' },
  { cells: caseCells({ id: id(22), unit: '' }), codes: ['unit_id.required'], note: '执法主体为空' },
  { cells: caseCells({ id: id(23), review: '2101-01-01' }), codes: [], emptied: ['legal_review_date.range'], note: '法制审核日期 2101-01-01 超出范围：照常导入，该字段留空' },
  { cells: caseCells({ id: id(24), deadline: '90天', major: '√', review: '2024-04-08', fine: '1.2万元', crime: '×' }), codes: [], note: '正常行：90天、√/×、1.2万元 / good' },
  { cells: caseCells({ id: id(25), decision: '', closed: '', fine: '', executed: '', review: '' }), codes: [], note: '正常行：尚未决定 / good, not decided yet' },
  { cells: caseCells({ id: id(26), unit: '嵊泗县综合行政执法局', matter: '331010001000', party: '李娜', ptype: '个人', fine: '150', officers: 'ZF0002，ZF0003' }), codes: [], note: '正常行 / good' },
  {
    cells: caseCells({ id: id(27), filed: '2024-04-31', fine: '约五百', party: '=HYPERLINK("http://example.com","点此查看")' }),
    codes: ['filed_date.invalid', 'fine_amount.invalid'],
    note: '立案日期不存在（必填）：拒绝，原因中也列出无法识别的罚款金额；当事人一栏写成公式（导出补正表时须转义）/ filed date does not exist (required): rejected, the unreadable fine listed too; the party written as a formula (escaped when exported for correction)',
  },
];

// ---------------------------------------------------------------------------------------------
// 02 penalty cases, a supplementary export (UTF-8 with BOM, CRLF), imported after 01

const CASES_02: Row[] = [
  { cells: caseCells({ id: id(101) }), codes: [], note: '正常行 / good' },
  { cells: caseCells({ id: id(2), fine: '800.00' }), codes: ['key.exists'], note: '案件编号已由 01 文件第 3 行导入 / key loaded from file 01, line 3' },
  { cells: caseCells({ id: id(102), filed: '2024-06-03', decision: '2024-07-01', review: '2024-06-28', closed: '2024-07-20', executed: '2024-07-15' }), codes: [], note: '正常行 / good' },
  { cells: caseCells({ id: id(101), fine: '900.00' }), codes: ['key.duplicate_in_file'], note: '与本文件第 2 行重复 / repeats line 2 of this file' },
  { cells: caseCells({ id: id(3) }), codes: [], note: '案件编号在 01 文件中仅出现于被拒绝的行（第 4 行），故可导入 / the key appeared in file 01 only in a rejected row, so it loads' },
  { cells: caseCells({ id: id(103), crime: '不确定' }), codes: [], emptied: ['suspected_crime.invalid'], note: '是否涉嫌犯罪为“不确定”：照常导入，该字段留空' },
  { cells: caseCells({ id: id(104), review: '2024-04-31' }), codes: [], emptied: ['legal_review_date.invalid'], note: '法制审核日期 4 月 31 日不存在：照常导入，该字段留空' },
  { cells: caseCells({ id: id(105), executed: '2024.05.03' }), codes: [], note: '正常行：2024.05.03 / good' },
  { cells: caseCells({ id: id(106), ptype: '团体' }), codes: [], note: '当事人类型“团体”不在可选值内：照常导入，该字段为空，原文保留并列为未匹配' },
  { cells: caseCells({ id: id(107) }), codes: [], note: '正常行 / good' },
];

// ---------------------------------------------------------------------------------------------
// 03 officer roster (XLSX, title row 1, header row 2, data from row 3)

const OFFICER_HEADERS = ['人员编号', '年度', '姓名', '所属单位', '岗位层级', '岗位类别', '是否专职法制审核', '编制类型', '执法证号', '执法证有效期起', '执法证有效期至', '法律职业资格', '年度培训学时'];

interface OfficerCells {
  id: XlsxCell;
  year: XlsxCell;
  name: XlsxCell;
  unit: XlsxCell;
  posting: XlsxCell;
  role: XlsxCell;
  reviewer: XlsxCell;
  staffing: XlsxCell;
  cert: XlsxCell;
  from: XlsxCell;
  to: XlsxCell;
  legal: XlsxCell;
  hours: XlsxCell;
}

const GOOD_OFFICER: OfficerCells = {
  id: 'ZF9001',
  year: 2024,
  name: '王海涛',
  unit: '嵊泗县综合行政执法局',
  posting: '县级',
  role: '执法',
  reviewer: '否',
  staffing: '参公',
  cert: '浙执202400901',
  from: { day: day(2024, 1, 1) },
  to: { day: day(2029, 12, 31) },
  legal: '否',
  hours: 56,
};

function officerCells(o: Partial<OfficerCells>): XlsxCell[] {
  const c = { ...GOOD_OFFICER, ...o };
  return [c.id, c.year, c.name, c.unit, c.posting, c.role, c.reviewer, c.staffing, c.cert, c.from, c.to, c.legal, c.hours];
}

const oid = (n: number) => `ZF${9000 + n}`;

const OFFICERS_03: Row[] = [
  { cells: officerCells({ id: oid(1) }), codes: [], note: '正常行 / good' },
  { cells: officerCells({ id: oid(2), name: '李娜', posting: '乡镇', role: '法制审核', reviewer: '是', legal: '是', hours: '64学时' }), codes: [], note: '正常行 / good' },
  { cells: officerCells({ id: oid(3), year: 'abc' }), codes: ['year.invalid'], note: '年度为 abc' },
  { cells: officerCells({ id: oid(4), year: 1999 }), codes: ['year.min'], note: '年度 1999（下限 2000）' },
  { cells: officerCells({ id: oid(5), year: 2101 }), codes: ['year.max'], note: '年度 2101（上限 2100）' },
  { cells: officerCells({ id: oid(6), name: null }), codes: ['name.required'], note: '姓名为空' },
  { cells: officerCells({ id: null }), codes: ['officer_id.required'], note: '人员编号为空' },
  { cells: officerCells({ id: oid(8), hours: -8 }), codes: [], emptied: ['training_hours.min'], note: '培训学时为负数：照常导入，该字段留空' },
  { cells: officerCells({ id: oid(9), to: '2024-13-01' }), codes: [], emptied: ['cert_valid_to.invalid'], note: '有效期至 2024-13-01（文本）：照常导入，该字段留空' },
  { cells: officerCells({ id: oid(10), posting: '借调' }), codes: [], note: '岗位层级“借调”不在可选值内：照常导入，该字段为空，原文保留并列为未匹配' },
  { cells: officerCells({ id: oid(11), reviewer: '可能' }), codes: [], emptied: ['fulltime_reviewer.invalid'], note: '是否专职法制审核为“可能”：照常导入，该字段留空' },
  { cells: officerCells({ id: oid(1), name: '王海涛', hours: 40 }), codes: ['key.duplicate_in_file'], note: '人员编号+年度与第 3 行重复 / repeats row 3' },
  { cells: officerCells({ id: oid(13), staffing: '临时工' }), codes: [], note: '编制类型“临时工”不在可选值内：照常导入，该字段为空，原文保留并列为未匹配' },
  { cells: officerCells({ id: oid(14), unit: null }), codes: ['unit_id.required'], note: '所属单位为空' },
  { cells: officerCells({ id: oid(15), from: '1900-01-01' }), codes: [], emptied: ['cert_valid_from.range'], note: '有效期起 1900-01-01（文本）超出范围：照常导入，该字段留空' },
  { cells: officerCells({ id: oid(1), year: 2023 }), codes: [], note: '正常行：同一人员 2023 年度（主键为人员编号+年度）/ good: same officer, other year' },
  { cells: officerCells({ id: oid(17), cert: null, from: null, to: null, staffing: '编外', role: '其他' }), codes: [], note: '正常行：编外人员无执法证 / good, no certificate' },
  { cells: officerCells({ id: oid(18), year: '二〇二四', hours: '很多' }), codes: ['year.invalid', 'training_hours.invalid'], note: '年度无法识别（主键）：拒绝；原因中也列出无法识别的培训学时 / the year (key) unreadable: rejected, the unreadable hours listed too' },
  { cells: officerCells({ id: oid(19), from: '2024/1/1', to: '2029年12月31日' }), codes: [], note: '正常行：文本日期 / good, dates as text' },
];

// ---------------------------------------------------------------------------------------------
// 04 inspections (UTF-8 with BOM, LF)

const INSP_HEADERS = ['检查编号', '检查日期', '实施单位', '参与单位', '是否综合查一次', '检查对象代码', '检查对象', '检查类型', '检查人员', '是否发现问题', '检查结果'];

function inspCells(n: number, o: Partial<Record<'date' | 'lead' | 'units' | 'joint' | 'subject' | 'name' | 'type' | 'officers' | 'problem' | 'result', string>> = {}): string[] {
  const c = {
    date: '2024-06-12',
    lead: '市场监管局',
    units: '',
    joint: '否',
    subject: '91330922MA2A00001X',
    name: '嵊泗县海韵餐饮店',
    type: '日常巡查',
    officers: 'ZF0101、ZF0102',
    problem: '否',
    result: '无问题',
    ...o,
  };
  return [`JC20240612${String(90000 + n)}`, c.date, c.lead, c.units, c.joint, c.subject, c.name, c.type, c.officers, c.problem, c.result];
}

const INSPECTIONS_04: Row[] = [
  { cells: inspCells(1), codes: [], note: '正常行 / good' },
  { cells: inspCells(2, { joint: '是', units: '市场监管局、综合执法局、卫健局', type: '综合查一次' }), codes: [], note: '正常行：综合查一次 / good, joint visit' },
  { cells: inspCells(3, { joint: '也许' }), codes: [], emptied: ['is_joint.invalid'], note: '是否综合查一次为“也许”：照常导入，该字段留空' },
  { cells: inspCells(4, { date: '2024-06-31' }), codes: ['date.invalid'], note: '6 月 31 日不存在' },
  { cells: inspCells(5, { subject: '' }), codes: ['subject_id.required'], note: '检查对象代码为空' },
  { cells: inspCells(6, { result: '待定' }), codes: [], note: '检查结果“待定”不在可选值内：照常导入，该字段为空，原文保留并列为未匹配' },
  { raw: inspCells(7).map(csvCell).join(',') + ',备注,另一列', codes: ['row.ragged'], note: '比表头多两列 / two cells more' },
  { cells: inspCells(8, { lead: '' }), codes: ['lead_unit_id.required'], note: '实施单位为空' },
  { cells: inspCells(9, { type: '突击检查' }), codes: [], note: '检查类型“突击检查”不在可选值内：照常导入，该字段为空，原文保留并列为未匹配' },
  { cells: inspCells(1, { date: '2024-06-13' }), codes: ['key.duplicate_in_file'], note: '检查编号与第 2 行重复 / repeats line 2' },
  { cells: inspCells(11, { date: '0024-06-12' }), codes: ['date.range'], note: '年份写成 0024' },
  { cells: inspCells(12, { date: '2024/6/12 10:30', problem: 'Y', result: '责令整改' }), codes: [], note: '正常行：带时间的日期 / good, date with time' },
];

// ---------------------------------------------------------------------------------------------
// 05 complaints (GBK, CRLF, as Chinese Excel saves CSV), one row with bytes GBK cannot decode

const COMPLAINT_HEADERS = ['工单编号', '受理日期', '来源渠道', '所属乡镇', '承办单位', '问题领域', '是否涉及执法行为', '办结时限', '办结日期', '满意度'];

function complaintCells(n: number, o: Partial<Record<'received' | 'channel' | 'town' | 'unit' | 'domain' | 'conduct' | 'deadline' | 'closed' | 'sat', string>> = {}): string[] {
  const c = {
    received: '2024-05-06',
    channel: '12345',
    town: '菜园镇',
    unit: '嵊泗县菜园镇人民政府',
    domain: '市容环卫',
    conduct: '否',
    deadline: '2024-05-21',
    closed: '2024-05-15',
    sat: '满意',
    ...o,
  };
  return [`GD2024050690${String(n).padStart(3, '0')}`, c.received, c.channel, c.town, c.unit, c.domain, c.conduct, c.deadline, c.closed, c.sat];
}

const COMPLAINTS_05: Row[] = [
  { cells: complaintCells(1), codes: [], note: '正常行 / good' },
  { cells: complaintCells(2, { channel: '12345政务服务热线', sat: '基本满意' }), codes: [], note: '正常行 / good' },
  { cells: complaintCells(3), raw: 'BROKEN', codes: ['row.encoding'], note: '该行含 GBK 无法解码的字节（0xFF）/ bytes that are not GBK' },
  { cells: complaintCells(4, { channel: '微信' }), codes: [], note: '来源渠道“微信”不在可选值内：照常导入，该字段为空，原文保留并列为未匹配' },
  { cells: complaintCells(5, { received: '' }), codes: ['received_date.required'], note: '受理日期为空' },
  { cells: complaintCells(6, { sat: '还行' }), codes: [], note: '满意度“还行”不在可选值内：照常导入，该字段为空，原文保留并列为未匹配' },
  { cells: complaintCells(7, { closed: '2024-11-31' }), codes: [], emptied: ['closed_date.invalid'], note: '办结日期 11 月 31 日不存在：照常导入，该字段留空' },
  { cells: complaintCells(8, { conduct: '是', channel: '执法监督热线', unit: '嵊泗县综合行政执法局', domain: '执法行为' }), codes: [], note: '正常行 / good' },
];

// ---------------------------------------------------------------------------------------------

function expectedOf(order: number, file: string, table: string, format: 'csv' | 'xlsx', encoding: string, rows: Row[], firstLine: number): ExpectedFile {
  const rejected: ExpectedRow[] = [];
  const emptied: ExpectedRow[] = [];
  rows.forEach((r, i) => {
    if (r.codes.length) rejected.push({ line: firstLine + i, codes: r.codes, note: r.note });
    else if (r.emptied?.length) emptied.push({ line: firstLine + i, codes: r.emptied, note: r.note });
  });
  return { order, file, table, format, encoding, rows_read: rows.length, rows_loaded: rows.length - rejected.length, rows_rejected: rejected.length, rejected, emptied };
}

function writeCsvRows(path: string, headers: string[], rows: Row[], opts: { bom?: boolean; eol?: '\n' | '\r\n'; encoding?: 'utf8' | 'gbk' }): void {
  const w = new CsvWriter(path, headers, opts);
  for (const r of rows) {
    const text = (r.cells ?? []) as string[];
    if (r.gbk) w.rawBytesLine(encodeGbk(text.map(csvCell).join(',')));
    else if (r.raw === 'BROKEN') {
      // GBK text with two 0xFF bytes in the middle of the party's township (not decodable as GBK)
      const cells = text;
      const pre = encodeGbk(cells.slice(0, 3).map(csvCell).join(',') + ',');
      const post = encodeGbk(',' + cells.slice(4).map(csvCell).join(','));
      w.rawBytesLine(Buffer.concat([pre, encodeGbk('菜'), Buffer.from([0xff, 0xff]), encodeGbk('园镇'), post]));
    } else if (r.raw !== undefined) w.rawLine(r.raw);
    else w.row(text);
  }
  w.close();
}

export const DIRTY_FILES = {
  cases: '01_行政处罚案件_问题数据.csv',
  casesMore: '02_行政处罚案件_补充导出.csv',
  officers: '03_执法人员花名册_问题数据.xlsx',
  inspections: '04_行政检查记录_问题数据.csv',
  complaints: '05_投诉举报工单_问题数据.csv',
} as const;

/** Writes the dirty sample and its _expected.json into `outDir`; returns the paths written. */
export async function writeDirtySample(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  const expected: ExpectedFile[] = [];

  let p = join(outDir, DIRTY_FILES.cases);
  writeCsvRows(p, CASE_HEADERS, CASES_01, {});
  files.push(p);
  expected.push(expectedOf(1, DIRTY_FILES.cases, 'penalty_case', 'csv', 'utf-8 (one row in GBK bytes)', CASES_01, 2));

  p = join(outDir, DIRTY_FILES.casesMore);
  writeCsvRows(p, CASE_HEADERS, CASES_02, { bom: true, eol: '\r\n' });
  files.push(p);
  expected.push(expectedOf(2, DIRTY_FILES.casesMore, 'penalty_case', 'csv', 'utf-8 with BOM, CRLF', CASES_02, 2));

  p = join(outDir, DIRTY_FILES.officers);
  const w = new XlsxWriter(p, { sheetName: '人员名册', title: '执法人员名册（问题数据样例）', headers: OFFICER_HEADERS, widths: [10, 8, 10, 24, 10, 10, 12, 10, 16, 16, 16, 12, 12] });
  for (const r of OFFICERS_03) w.row(r.cells!);
  await w.close();
  files.push(p);
  expected.push(expectedOf(3, DIRTY_FILES.officers, 'officer', 'xlsx', 'xlsx (title row 1, header row 2)', OFFICERS_03, 3));

  p = join(outDir, DIRTY_FILES.inspections);
  writeCsvRows(p, INSP_HEADERS, INSPECTIONS_04, { bom: true });
  files.push(p);
  expected.push(expectedOf(4, DIRTY_FILES.inspections, 'inspection', 'csv', 'utf-8 with BOM', INSPECTIONS_04, 2));

  p = join(outDir, DIRTY_FILES.complaints);
  writeCsvRows(p, COMPLAINT_HEADERS, COMPLAINTS_05, { encoding: 'gbk', eol: '\r\n' });
  files.push(p);
  expected.push(expectedOf(5, DIRTY_FILES.complaints, 'complaint', 'csv', 'gbk, CRLF (one row with bytes that are not GBK)', COMPLAINTS_05, 2));

  const totals = expected.reduce(
    (a, f) => ({ rows_read: a.rows_read + f.rows_read, rows_loaded: a.rows_loaded + f.rows_loaded, rows_rejected: a.rows_rejected + f.rows_rejected }),
    { rows_read: 0, rows_loaded: 0, rows_rejected: 0 },
  );
  const ex = join(outDir, '_expected.json');
  writeFileSync(
    ex,
    JSON.stringify(
      {
        description:
          '导入一个空工作区，按 order 顺序逐个导入；每个文件的读取、导入、拒绝行数及被拒绝行的行号（CSV 为物理行号，表头为第 1 行；XLSX 为工作表行号）与原因代码。/ Import into an empty workspace in `order`; per file the rows read, loaded and rejected, and each rejected row with its line (CSV physical line, header = line 1; XLSX sheet row) and reason codes.',
        codes: CODES,
        totals,
        files: expected,
      } satisfies DirtyExpectation,
      null,
      2,
    ) + '\n',
  );
  files.push(ex);
  return files;
}

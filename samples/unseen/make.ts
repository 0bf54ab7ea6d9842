// Writes samples/unseen: four exports in spellings that appear nowhere in the generator, the lexicon's
// field phrases or the corpus — headers and values as other county systems might write them, GBK
// and BOM CSV and XLSX with title rows — with the answer key _expected.json: each column's field
// (null: none), the rows that must load, the rows that must be rejected and why.
//
//   npx tsx samples/unseen/make.ts
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const here = dirname(fileURLToPath(import.meta.url));

interface Expected {
  file: string;
  table: string;
  /** header → field (null: no field; kept in extras). */
  columns: Record<string, string | null>;
  rows_loaded: number;
  /** line (CSV) or sheet row (XLSX) → reason codes. */
  rejected: Record<string, string[]>;
  /** enum texts that match no value: field → texts. */
  unmatched: Record<string, string[]>;
}

const csvCell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

// 1. A county case-handling ledger: GBK, CRLF, two title lines above the header.
const CASE_HEADERS: Array<[string, string | null]> = [
  ['序号', null],
  ['案件字号', 'case_id'],
  ['立案部门', 'unit_id'],
  ['发生地镇（街道）', 'township'],
  ['违法事项代码', 'matter_code'],
  ['案源', 'source'],
  ['办理程序', 'procedure'],
  ['立案审批时间', 'filed_date'],
  ['处罚决定作出时间', 'decision_date'],
  ['结案时间', 'closed_date'],
  ['是否属重大执法决定', 'major_case'],
  ['法制审核完成时间', 'legal_review_date'],
  ['被处罚单位或个人', 'party_name'],
  ['被处罚人证照号码', 'party_id'],
  ['罚款数额（元）', 'fine_amount'],
  ['是否涉嫌刑事犯罪', 'suspected_crime'],
  ['移交公安时间', 'police_transfer_date'],
  ['是否全程网办', 'handled_online'],
  ['主办执法人员', 'officer_ids'],
  ['经营地址', null],
  ['备注说明', null],
];
const cases: string[][] = [
  ['1', '嵊综执罚〔2024〕101号', '嵊泗县综合行政执法局', '菜园镇', '330217001000', '日常巡查发现', '普通程序', '2024/3/1', '2024/4/2', '2024/4/20', '否', '2024/3/28', '嵊泗县渔港餐饮有限公司', '91330922MA2A1B2C3D', '5000', '否', '', '是', '张伟、李娜', '菜园镇沙河路1号', ''],
  ['2', '嵊综执罚〔2024〕102号', '嵊泗县综合行政执法局', '嵊山镇', '330217002000', '群众来信举报', '简易程序', '2024/3/5', '2024/3/5', '2024/3/5', '否', '', '王某某', '330922198801011234', '200', '否', '', '是', '张伟、王强', '', ''],
  ['3', '嵊综执罚〔2024〕103号', '嵊泗县综合行政执法局', '洋山镇', '330217003000', '相关部门移送', '普通程序', '2024/4/1', '2024/6/10', '2024/6/30', '是', '2024/6/1', '洋山港务物流有限公司', '91330922MA2A9Z8Y7X', '80000', '是', '2024/6/20', '是', '李娜、王强', '', '涉刑移送'],
  ['4', '嵊综执罚〔2024〕104号', '嵊泗县综合行政执法局', '菜园镇', '330217001000', '新闻媒体曝光', '普通程序', '2024/5/6', '', '', '否', '', '某某烧烤店', '92330922MA2B3C4D5E', '', '否', '', '否', '张伟、李娜', '', '在办'],
  ['5', '', '嵊泗县综合行政执法局', '菜园镇', '330217001000', '日常巡查发现', '普通程序', '2024/5/7', '', '', '否', '', '无编号案件', '', '', '否', '', '是', '张伟', '', '缺案号'], // no key: rejected
  ['6', '嵊综执罚〔2024〕106号', '嵊泗县综合行政执法局', '菜园镇', '330217001000', '日常巡查发现', '普通程序', '二〇二四年五月', '', '', '否', '', '某商户', '', '', '否', '', '是', '张伟', '', ''], // date unreadable: rejected
  ['7', '嵊综执罚〔2024〕107号', '嵊泗县综合行政执法局', '黄龙乡', '330217004000', '上级交办', '一般程序', '2024/6/3', '2024/7/1', '2024/7/15', '否', '2024/6/28', '黄龙渔业合作社', '93330922MA2C5D6E7F', '3000', '否', '', '是', '王强、李娜', '', ''],
];
const caseLines = ['嵊泗县综合行政执法局', '案件办理台账（2024年度）', CASE_HEADERS.map(([h]) => h).join(','), ...cases.map((r) => r.map(csvCell).join(',')), '8,嵊综执罚〔2024〕108号,嵊泗县综合行政执法局,菜园镇']; // ragged: rejected
writeFileSync(join(here, '案件办理台账（2024年度）.csv'), iconv.encode(caseLines.join('\r\n') + '\r\n', 'gbk'));

// 2. A 12345 work-order export: UTF-8 with BOM.
const TICKET_HEADERS: Array<[string, string | null]> = [
  ['工单流水号', 'complaint_id'],
  ['派单时间', 'received_date'],
  ['诉求来源', 'channel'],
  ['事发乡镇（街道）', 'township'],
  ['承办部门', 'unit_id'],
  ['诉求分类', 'domain'],
  ['是否涉及执法人员行为', 'about_conduct'],
  ['承诺办结时间', 'deadline_date'],
  ['实际办结时间', 'closed_date'],
  ['回访满意情况', 'satisfaction'],
  ['诉求人联系方式', null],
  ['诉求内容摘要', null],
];
const tickets: string[][] = [
  ['GD20240001', '2024-02-01 09:12', '12345政务服务热线', '菜园镇', '县综合执法局', '市容环境', '否', '2024-02-08', '2024-02-05 16:00', '满意', '138****0001', '店外堆放杂物'],
  ['GD20240002', '2024-02-03 10:30', '浙里办', '嵊山镇', '县市场监管局', '食品安全', '否', '2024-02-10', '2024-02-12 09:00', '基本满意', '139****0002', '过期食品'],
  ['GD20240003', '2024-03-11 14:05', '网格员上报', '洋山镇', '县综合执法局', '违法建设', '是', '2024-03-18', '', '未回访', '', '执法人员态度'],
  ['GD20240004', '2024-04-20 08:40', '信件', '菜园镇', '县综合执法局', '噪声扰民', '否', '2024-04-27', '2024-04-25 10:00', '不满意', '', '夜间施工'],
];
const ticketText = [TICKET_HEADERS.map(([h]) => h).join(','), ...tickets.map((r) => r.map(csvCell).join(','))].join('\n') + '\n';
writeFileSync(join(here, '12345工单导出.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(ticketText, 'utf8')]));

// 3. An inspection summary: XLSX, a merged title row, real dates.
const INSP_HEADERS: Array<[string, string | null]> = [
  ['检查单据号', 'inspection_id'],
  ['实施检查日期', 'date'],
  ['检查实施部门', 'lead_unit_id'],
  ['被检查单位名称', 'subject_name'],
  ['被检查单位统一社会信用代码', 'subject_id'],
  ['检查形式', 'inspection_type'],
  ['是否“综合查一次”', 'is_joint'],
  ['是否通过浙政钉掌上执法', 'via_mobile'],
  ['执法检查人员', 'officer_ids'],
  ['检查处理情况', 'result'],
  ['现场负责人', null],
];
const insp: Array<Array<string | Date>> = [
  ['JC-2024-0001', new Date(Date.UTC(2024, 2, 4)), '县综合执法局', '嵊泗县渔港餐饮有限公司', '91330922MA2A1B2C3D', '“双随机、一公开”抽查', '否', '是', '张伟、李娜', '未发现违法违规问题', '陈某'],
  ['JC-2024-0002', new Date(Date.UTC(2024, 2, 9)), '县综合执法局', '洋山港务物流有限公司', '91330922MA2A9Z8Y7X', '日常监督检查', '是', '是', '李娜、王强', '责令限期整改', '周某'],
  ['JC-2024-0003', new Date(Date.UTC(2024, 3, 15)), '县市场监管局', '黄龙渔业合作社', '93330922MA2C5D6E7F', '专项整治行动', '否', '否', '王强、张伟', '立案查处', ''],
  ['JC-2024-0004', new Date(Date.UTC(2024, 4, 20)), '县综合执法局', '某某烧烤店', '92330922MA2B3C4D5E', '信访件核查', '否', '是', '张伟、李娜', '待复查', ''],
];
async function writeXlsx(): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.created = new Date(Date.UTC(2024, 11, 31));
  wb.modified = wb.created;
  const ws = wb.addWorksheet('检查汇总');
  ws.addRow(['2024年行政检查情况汇总表']);
  ws.mergeCells(1, 1, 1, INSP_HEADERS.length);
  ws.addRow(INSP_HEADERS.map(([h]) => h));
  for (const r of insp) {
    const row = ws.addRow(r);
    row.getCell(2).numFmt = 'yyyy"年"m"月"d"日"';
  }
  await wb.xlsx.writeFile(join(here, '检查情况汇总表.xlsx'));
}

const expected: Expected[] = [
  {
    file: '案件办理台账（2024年度）.csv',
    table: 'penalty_case',
    columns: Object.fromEntries(CASE_HEADERS),
    rows_loaded: 5,
    rejected: { '8': ['case_id.required'], '9': ['filed_date.invalid'], '11': ['row.ragged'] },
    unmatched: { source: ['新闻媒体曝光'] },
  },
  {
    file: '12345工单导出.csv',
    table: 'complaint',
    columns: Object.fromEntries(TICKET_HEADERS),
    rows_loaded: 4,
    rejected: {},
    unmatched: { channel: ['信件'] },
  },
  {
    file: '检查情况汇总表.xlsx',
    table: 'inspection',
    columns: Object.fromEntries(INSP_HEADERS),
    rows_loaded: 4,
    rejected: {},
    unmatched: { result: ['待复查'] },
  },
];

await writeXlsx();
writeFileSync(join(here, '_expected.json'), JSON.stringify(expected, null, 2) + '\n');
console.log('samples/unseen written');

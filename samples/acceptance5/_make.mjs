// Writes the fifth acceptance set (samples/acceptance5) and its answer key _answer.json.
// Run: node samples/acceptance5/_make.mjs
//
// Eight exports imitating county systems, report templates and clerks' printed ledgers with layouts the
// earlier sets did not have (see README.md): three-row headers in a CSV saved from merged cells and in an
// XLSX; an XLSX whose header is pasted again every 40 rows between page footers; an HTML-as-.xls with a
// rowspan/colspan two-row header; a report template with a 填表说明 sheet in front, starred headers and a
// 合计 row under the header; a JeecgBoot list API with code/_dictText pairs and ISO +08:00 times; .NET
// date strings (2024/3/5 0:00:00), 20240305, ¥1,200.00 / 1.2万 / 1,200元, counts like 3次.
// The answer key is declared here by hand and never computed by the importer under test.
// Deterministic: the same rows every run. Byte-identical except 07 (.xls written by LibreOffice).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { acceptanceKit } from '../acceptance-kit.mjs';

const DIR = dirname(fileURLToPath(import.meta.url));
// the helpers shared with the other blind sets' generators, with this set's seed and document date
const { TMP, pick, int, pad, iso, addDays, randDate, isoD, UNITS, COUNTY_SHORT, readRoster, readMatters, BUSINESSES, answer, columnsOf, newWorkbook, saveWorkbook, THIN, setRow, dateCell } = acceptanceKit({ set: 'acceptance5', dir: DIR, seed: 20250307, stamp: Date.UTC(2025, 2, 7, 2, 15), htmlRows: true });

// ---------------------------------------------------------------- set 5 helpers
/** DateTime.ToString() of .NET under zh-CN: 2024/3/5 9:30:05 (hour unpadded, 0:00:00 for a date). */
const netDT = ([y, m, d], h = 0, mi = 0, s = 0) => `${y}/${m}/${d} ${h}:${pad(mi)}:${pad(s)}`;
const compact = ([y, m, d]) => `${y}${pad(m)}${pad(d)}`;
/** Jackson's StdDateFormat with spring.jackson.time-zone=GMT+8: 2024-03-05T09:30:00.000+08:00 */
const isoOff = ([y, m, d], h = 0, mi = 0, s = 0) => `${iso(y, m, d)}T${pad(h)}:${pad(mi)}:${pad(s)}.000+08:00`;
const money = (n) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const htmlEsc = (s) => String(s ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
function uniqueOfficers(roster) {
  const count = {};
  for (const o of roster) count[o.name] = (count[o.name] ?? 0) + 1;
  return (unit) => roster.filter((o) => o.unit === unit && o.cert && count[o.name] === 1);
}
const DOMAIN_OF = { ZH01: '城乡建设', ZY01: '市场监管', ZY02: '生态环境', ZY03: '文化旅游', ZY04: '交通运输', ZY05: '农业农村', ZY06: '自然资源', ZY07: '安全生产', ZY08: '卫生健康', HY01: '海洋渔业', XZ01: '城乡建设', XZ02: '城乡建设', XZ03: '城乡建设' };

// ============================================================================================
// 01 投诉举报 — a 12345 诉求明细 export with a three-row merged header
// ============================================================================================
async function file01() {
  const file = '01_12345诉求明细导出_2024年7-12月.xlsx';
  const spec = [
    ['序号', null, { note: 'merged down rows 2–4' }],
    ['诉求编号', 'complaint_id', { note: 'merged down rows 2–4' }],
    ['登记时间', 'received_date', { note: 'label in the lowest header row only (rows 2–3 empty above it); .NET strings 2024/7/5 9:30:05' }],
    ['诉求信息 诉求来源', 'channel'],
    ['诉求信息 诉求分类 一级分类', 'domain', { note: 'the problem domain of the 12345 classification' }],
    ['诉求信息 诉求分类 二级分类', null],
    ['诉求信息 诉求标题', null],
    ['诉求信息 事发区域', 'township'],
    ['办理信息 承办单位', 'unit_id'],
    ['办理信息 办理时限 部门办理截止时间', 'deadline_date', { note: '2024/7/12 0:00:00' }],
    ['办理信息 办理时限 办理结束时间', 'closed_date'],
    ['办理信息 催办次数', null, { note: 'counts written 2次' }],
    ['办理信息 事件状态', null],
    ['回访评价 评价满意度', 'satisfaction'],
    ['回访评价 评价内容', null],
    ['备注', null, { note: 'label in the lowest header row only' }],
  ];
  const CHANNELS = [['12345热线电话', '12345'], ['12345热线电话', '12345'], ['12345网站', '12345'], ['12315平台转办', '投诉举报平台'], ['110联动转办', '110联动'], ['基层治理四平台流转', '基层治理四平台']];
  const SAT = ['满意', '满意', '基本满意', '不满意', '未评价'];
  const L2 = { 城乡建设: ['占道经营', '违章搭建', '夜间施工噪声'], 市场监管: ['食品安全', '价格欺诈', '虚假宣传'], 生态环境: ['油烟污染', '废水排放'], 文化旅游: ['民宿经营', '景区秩序'], 交通运输: ['非法营运', '客运船舶'], 卫生健康: ['公共场所卫生', '医疗机构'], 海洋渔业: ['违规捕捞', '渔船管理'] };
  const units = ['ZH01', 'ZY01', 'ZY02', 'ZY03', 'ZY04', 'ZY08', 'HY01', 'XZ01', 'XZ02', 'XZ03'];
  const TOWNS = ['菜园镇', '嵊山镇', '洋山镇', '五龙乡', '黄龙乡', '枸杞乡', '花鸟乡'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('诉求明细');
  const W = spec.length;
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).value = '嵊泗县12345政务服务便民热线诉求明细（2024年7月—12月）';
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  // three header rows 2–4
  for (const [c, t] of [[1, '序号'], [2, '诉求编号']]) {
    ws.mergeCells(2, c, 4, c);
    ws.getCell(2, c).value = t;
  }
  ws.getCell(4, 3).value = '登记时间';
  ws.getCell(4, 16).value = '备注';
  ws.mergeCells(2, 4, 2, 8);
  ws.getCell(2, 4).value = '诉求信息';
  for (const [c, t] of [[4, '诉求来源'], [7, '诉求标题'], [8, '事发区域']]) {
    ws.mergeCells(3, c, 4, c);
    ws.getCell(3, c).value = t;
  }
  ws.mergeCells(3, 5, 3, 6);
  ws.getCell(3, 5).value = '诉求分类';
  ws.getCell(4, 5).value = '一级分类';
  ws.getCell(4, 6).value = '二级分类';
  ws.mergeCells(2, 9, 2, 13);
  ws.getCell(2, 9).value = '办理信息';
  for (const [c, t] of [[9, '承办单位'], [12, '催办次数'], [13, '事件状态']]) {
    ws.mergeCells(3, c, 4, c);
    ws.getCell(3, c).value = t;
  }
  ws.mergeCells(3, 10, 3, 11);
  ws.getCell(3, 10).value = '办理时限';
  ws.getCell(4, 10).value = '部门办理截止时间';
  ws.getCell(4, 11).value = '办理结束时间';
  ws.mergeCells(2, 14, 2, 15);
  ws.getCell(2, 14).value = '回访评价';
  for (const [c, t] of [[14, '评价满意度'], [15, '评价内容']]) {
    ws.mergeCells(3, c, 4, c);
    ws.getCell(3, c).value = t;
  }
  for (let r = 2; r <= 4; r++) for (let c = 1; c <= W; c++) ws.getCell(r, c).border = THIN;
  const rejected = [];
  const records = [];
  const checks = [];
  const N = 44;
  const ids = [];
  for (let n = 1; n <= N; n++) {
    const line = n + 4;
    const u = units[n % units.length];
    const month = 7 + Math.floor(((n - 1) * 6) / N);
    const got = [2024, month, int(1, 28)];
    const h = int(8, 20);
    const mi = int(0, 59);
    const s = int(0, 59);
    let id = `ZS${compact(got)}${pad(int(1, 999), 4)}`;
    while (ids.includes(id)) id = `ZS${compact(got)}${pad(int(1, 999), 4)}`;
    const [chText] = CHANNELS[n % CHANNELS.length];
    const domain = DOMAIN_OF[u];
    const l2 = pick(L2[domain]);
    const town = u.startsWith('XZ') ? TOWNS[Number(u[3]) - 1] : TOWNS[n % TOWNS.length];
    const deadline = addDays(got, n % 3 ? 7 : 15);
    const closed = n % 9 === 4 ? null : addDays(got, int(1, 12));
    const sat = closed ? SAT[n % SAT.length] : '';
    const unitText = n % 4 === 1 && COUNTY_SHORT[u] ? COUNTY_SHORT[u] : UNITS[u][0];
    const urge = closed && isoD(closed) > isoD(deadline) ? `${int(1, 3)}次` : n % 5 === 0 ? '0次' : '';
    let receivedText = netDT(got, h, mi, s);
    let broken = null;
    if (n === 13) {
      id = '';
      broken = '诉求编号为空（坐席误建的空工单）/ no ticket id: no key';
    }
    if (n === 31) {
      id = ids[21];
      broken = `诉求编号 ${id} 与第 22 条重复（退回重派后再次导出）/ duplicate key`;
    }
    if (n === 38) {
      receivedText = '2024/9/31 10:12:00';
      broken = '登记时间 2024/9/31 不存在 / impossible required date';
    }
    ids.push(id);
    setRow(ws, line, [
      n, id, receivedText, chText, domain, l2, `反映${town}${l2}问题`, town, unitText, netDT(deadline), closed ? netDT(closed, int(8, 18), int(0, 59), int(0, 59)) : '',
      urge, closed ? '已办结' : '办理中', sat, sat === '不满意' ? '处理不及时' : sat ? '' : '', n % 11 === 0 ? '重复来电' : '',
    ], W);
    if (broken) {
      rejected.push({ line, why: broken });
      continue;
    }
    records.push({ id: [id], enums: { channel: chText, ...(sat ? { satisfaction: sat } : {}) } });
    const w = { complaint_id: id };
    if (n <= 2) checks.push({ where: w, field: 'received_date', expected: isoD(got), why: receivedText });
    if (n === 1) checks.push({ where: w, field: 'deadline_date', expected: isoD(deadline), why: netDT(deadline) });
    if (n === 1 && closed) checks.push({ where: w, field: 'closed_date', expected: isoD(closed), why: '.NET date-time string' });
    if (n === 1 || n === 5) checks.push({ where: w, field: 'unit_id', expected: u, why: unitText });
    if (n === 2) checks.push({ where: w, field: 'township', expected: town, why: '诉求信息 › 事发区域' });
    if (n === 2) checks.push({ where: w, field: 'domain', expected: domain, why: '诉求信息 › 诉求分类 › 一级分类' });
    if (n === 4) checks.push({ where: w, field: 'closed_date', expected: null, why: 'still open: empty 办理结束时间' });
  }
  ws.getColumn(2).width = 18;
  ws.getColumn(3).width = 18;
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'complaint', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: 'row 1 merged title; three header rows 2–4: 序号 and 诉求编号 merged down 2–4; 登记时间 and 备注 written in row 4 only (rows 2–3 empty above); 诉求信息 over 诉求来源 | 诉求分类 (一级分类 | 二级分类) | 诉求标题 | 事发区域; 办理信息 over 承办单位 | 办理时限 (部门办理截止时间 | 办理结束时间) | 催办次数 | 事件状态; 回访评价 over 评价满意度 | 评价内容; data from row 5',
    header_rows: [2, 3, 4], first_data_row: 5, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {
      channel: Object.fromEntries(CHANNELS),
      satisfaction: { 满意: '满意', 基本满意: '基本满意', 不满意: '不满意', 未评价: '未评价' },
    },
    identity: ['complaint_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 02 检查计划 — a 双随机 plan table with a three-row merged header, saved by Excel as CSV (GBK)
// ============================================================================================
function file02() {
  const file = '02_2024年度部门联合双随机抽查计划表（另存为CSV）.csv';
  const spec = [
    ['序号', null],
    ['任务编号', 'plan_task_id'],
    ['任务名称', null],
    ['抽查部门 牵头部门', 'unit_id'],
    ['抽查部门 配合部门', null, { note: 'partner departments, no field' }],
    ['抽查类型', 'plan_type'],
    ['检查对象 对象名称', 'subject_name'],
    ['检查对象 统一社会信用代码', 'subject_id'],
    ['时间安排 计划 开始日期', null, { note: 'start of the task window (trap next to the due date)' }],
    ['时间安排 计划 完成日期', 'due_date', { note: '20240630' }],
    ['时间安排 实际完成日期', null, { note: 'label in the middle row, merged down; not a field of inspection_plan' }],
    ['备注', null],
  ];
  const W = spec.length;
  const LEAD = [['ZY01', '县市场监管局、县卫健局'], ['ZY08', '县市场监管局'], ['ZY03', '县综合执法局'], ['ZY04', '县海洋执法队'], ['ZH01', '县市场监管局、县应急管理局'], ['ZY07', '县市场监管局'], ['HY01', '县交通运输局'], ['ZY02', '']];
  const TYPES = ['部门联合双随机抽查', '部门联合双随机抽查', '双随机抽查', '专项检查', '综合查一次'];
  const TASKNAME = { ZY01: '食品经营单位联合抽查', ZY08: '公共场所卫生抽查', ZY03: '民宿及旅游经营单位抽查', ZY04: '水路运输经营者抽查', ZH01: '餐饮油烟及燃气安全联合检查', ZY07: '加油站安全生产检查', HY01: '渔港及渔船综合检查', ZY02: '排污单位执法监测抽查' };
  const q = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const lines = [];
  const row = (cells) => lines.push(Array.from({ length: W }, (_, i) => q(cells[i] ?? '')).join(','));
  row(['嵊泗县2024年度部门联合“双随机、一公开”抽查计划表']);
  row(['序号', '任务编号', '任务名称', '抽查部门', '', '抽查类型', '检查对象', '', '时间安排', '', '', '备注']);
  row(['', '', '', '牵头部门', '配合部门', '', '对象名称', '统一社会信用代码', '计划', '', '实际完成日期', '']);
  row(['', '', '', '', '', '', '', '', '开始日期', '完成日期', '', '']);
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [];
  const N = 41;
  const ids = [];
  for (let n = 1; n <= N; n++) {
    const [u, partners] = LEAD[n % LEAD.length];
    const type = TYPES[n % TYPES.length];
    const biz = BUSINESSES[(n * 7) % BUSINESSES.length];
    const q1 = 1 + Math.floor(((n - 1) * 4) / N);
    const start = [2024, q1 * 3 - 2, 1];
    const due = [2024, q1 * 3, [31, 30, 30, 31][q1 - 1]];
    const done = q1 < 4 && n % 4 !== 0 ? addDays(due, -int(3, 40)) : null;
    let id = `嵊联抽〔2024〕${n + 4}号`;
    let dueText = compact(due);
    let broken = null;
    if (n === 9) {
      id = '';
      broken = '任务编号为空（尚未在平台生成任务）/ no task id: no key';
    }
    if (n === 27) {
      id = ids[14];
      broken = `任务编号 ${id} 与第 15 行重复（同一任务编号被第二个对象再用了一次）/ duplicate key`;
    }
    if (n === 35) {
      dueText = '20240631';
      broken = '计划完成日期 20240631（6月没有31日）/ impossible required date';
    }
    ids.push(id);
    row([n, id, `2024年${TASKNAME[u]}`, UNITS[u][0], partners, type, biz.name, biz.code, compact(start), dueText, done ? compact(done) : '', n % 10 === 0 ? '含跨部门联合检查' : '']);
    const line = lines.length;
    if (broken) {
      rejected.push({ line, why: broken });
      continue;
    }
    records.push({ id: [id], enums: {} });
    const w = { plan_task_id: id };
    if (n <= 2) checks.push({ where: w, field: 'due_date', expected: isoD(due), why: dueText });
    if (n === 1 || n === 4) checks.push({ where: w, field: 'unit_id', expected: u, why: `${UNITS[u][0]} under 抽查部门 › 牵头部门` });
    if (n === 3) checks.push({ where: w, field: 'subject_id', expected: biz.code, why: '检查对象 › 统一社会信用代码' });
    if (n === 3) checks.push({ where: w, field: 'subject_name', expected: biz.name, why: '检查对象 › 对象名称' });
    if (n === 5) checks.push({ where: w, field: 'plan_type', expected: type, why: 'text as written' });
  }
  row(['注：1.计划完成日期为任务期限截止日；2.实际完成日期以平台结果公示日期为准。']);
  footer.push({ line: lines.length, why: '注 line under the table / a note line' });
  writeFileSync(join(DIR, file), iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));
  answer.files.push({
    file, table: 'inspection_plan', workspace: ['units', 'matters', 'officers'], format: 'csv (GBK)',
    layout: 'GBK, CRLF, comma; line 1 title (A1, the rest empty as Excel saves a merged title); header on lines 2–4 as Excel saves merged cells: parents written once with empty cells after them (抽查部门, 检查对象, 时间安排 › 计划), single-level columns on line 2 with empty cells below, 实际完成日期 on line 3; data from line 5; a 注 line at the end',
    header_rows: [2, 3, 4], first_data_row: 5, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: {}, identity: ['plan_task_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 03 行政检查 — a ledger laid out for printing: the header pasted again every 40 rows, page footers
// ============================================================================================
async function file03(roster) {
  const file = '03_行政检查台账_2024年第二季度（打印版）.xlsx';
  const spec = [
    ['序号', null],
    ['检查编号', 'inspection_id'],
    ['检查日期', 'date', { note: '.NET strings 2024/4/3 0:00:00' }],
    ['实施单位', 'lead_unit_id'],
    ['检查对象', 'subject_name'],
    ['统一社会信用代码', 'subject_id'],
    ['检查类型', 'inspection_type'],
    ['检查人员', 'officer_ids'],
    ['是否发现问题', 'problem_found'],
    ['检查结果', 'result'],
    ['关联案件编号', 'case_id'],
    ['备注', null],
  ];
  const TYPES = [['双随机抽查', '双随机'], ['日常巡查', '日常巡查'], ['日常巡查', '日常巡查'], ['专项检查', '专项'], ['综合查一次', '综合查一次'], ['投诉举报核查', '投诉核查']];
  const RESULTS = [['未发现问题', '无问题'], ['责令改正', '责令整改'], ['立案查处', '立案'], ['移送有关部门', '移送']];
  const PREFIX = { ZH01: '嵊综执罚', ZY01: '嵊市监罚', ZY08: '嵊卫健罚', XZ01: '嵊菜执罚', XZ02: '嵊嵊执罚', HY01: '嵊海执罚' };
  const units = Object.keys(PREFIX);
  const officersOf = uniqueOfficers(roster);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('检查台账');
  const W = spec.length;
  ws.pageSetup = { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 };
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).value = '嵊泗县行政检查台账（2024年第二季度）';
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const header = spec.map((s) => s[0]);
  setRow(ws, 2, header, W);
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [];
  const N = 100;
  const PAGE = 40;
  const pages = Math.ceil(N / PAGE);
  let r = 2;
  const ids = [];
  for (let n = 1; n <= N; n++) {
    r += 1;
    const u = units[n % units.length];
    const month = 4 + Math.floor(((n - 1) * 3) / N);
    const day = [2024, month, int(1, 30)];
    const [typeText] = TYPES[n % TYPES.length];
    const biz = BUSINESSES[(n * 5) % BUSINESSES.length];
    const ofs = officersOf(u);
    const o1 = ofs[(n * 2) % ofs.length];
    const o2 = ofs[(n * 2 + 1) % ofs.length];
    const res = n % 7 === 3 ? RESULTS[2] : n % 11 === 5 ? RESULTS[3] : n % 3 === 0 ? RESULTS[1] : RESULTS[0];
    const problem = res[1] !== '无问题';
    const caseId = res[1] === '立案' ? `${PREFIX[u]}〔2024〕${100 + n}号` : '';
    let id = `JC${compact(day)}${pad(n, 4)}`;
    let dayText = netDT(day);
    let broken = null;
    if (n === 17) {
      id = '';
      broken = '检查编号为空（手工补录的检查，未编号）/ no inspection id: no key';
    }
    if (n === 58) {
      id = ids[49];
      broken = `检查编号 ${id} 与第 50 条重复（粘贴分页时重复粘贴）/ duplicate key`;
    }
    if (n === 71) {
      dayText = '2024/6/31 0:00:00';
      broken = '检查日期 2024/6/31 不存在 / impossible required date';
    }
    if (n === 92) {
      id = ids[90];
      broken = `检查编号 ${id} 与上一条重复 / duplicate key`;
    }
    ids.push(id);
    setRow(ws, r, [n, id, dayText, UNITS[u][0], biz.name, biz.code, typeText, `${o1.name}、${o2.name}`, problem ? '是' : '否', res[0], caseId, n % 13 === 0 ? '复查' : ''], W);
    if (broken) rejected.push({ line: r, why: broken });
    else {
      records.push({ id: [id], enums: { inspection_type: typeText, result: res[0] } });
      const w = { inspection_id: id };
      if (n <= 2 || n === 45) checks.push({ where: w, field: 'date', expected: isoD(day), why: dayText });
      if (n === 1 || n === 88) checks.push({ where: w, field: 'lead_unit_id', expected: u, why: UNITS[u][0] });
      if (n === 3) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: `${o1.name}、${o2.name}` });
      if (n === 41) checks.push({ where: w, field: 'subject_id', expected: biz.code, why: 'first record after the repeated header of page 2' });
      if (caseId && !checks.some((c) => c.field === 'case_id')) checks.push({ where: w, field: 'case_id', expected: caseId, why: '关联案件编号' });
      if (problem && !checks.some((c) => c.field === 'problem_found' && c.expected === true)) checks.push({ where: w, field: 'problem_found', expected: true, why: '是' });
      if (!problem && !checks.some((c) => c.field === 'problem_found' && c.expected === false)) checks.push({ where: w, field: 'problem_found', expected: false, why: '否' });
    }
    if (n % PAGE === 0 || n === N) {
      r += 1;
      ws.mergeCells(r, 1, r, W);
      ws.getCell(r, 1).value = `第 ${Math.ceil(n / PAGE)} 页，共 ${pages} 页`;
      ws.getCell(r, 1).alignment = { horizontal: 'center' };
      footer.push({ line: r, why: '页脚（第N页，共M页）/ page footer' });
      if (n < N) {
        r += 1;
        setRow(ws, r, header, W);
        footer.push({ line: r, why: '每页重新粘贴的表头 / the header pasted again for the next page' });
      }
    }
  }
  r += 1;
  ws.mergeCells(r, 1, r, W);
  ws.getCell(r, 1).value = '制表人：王婷　　　审核人：李晨慧　　　制表日期：2024年7月5日';
  footer.push({ line: r, why: '制表/审核 line / the made-by line' });
  ws.getColumn(5).width = 30;
  ws.getColumn(3).width = 18;
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'inspection', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: `row 1 merged title, row 2 header; ${N} records in pages of ${PAGE}: after every ${PAGE} records a merged 第N页，共M页 row and the header pasted again; a 制表人/审核人 line at the end`,
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: { inspection_type: Object.fromEntries(TYPES), result: Object.fromEntries(RESULTS) },
    identity: ['inspection_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 04 复议诉讼 — 行政复议信息管理系统 list exported as an HTML table under .xls, two-row header (rowspan/colspan)
// ============================================================================================
function file04() {
  const file = '04_行政复议应诉案件列表导出_行政复议信息管理系统.xls';
  const spec = [
    ['序号', null],
    ['案件号', 'id'],
    ['案件类别', 'kind'],
    ['收案日期', 'filed_date'],
    ['申请人（原告）', null],
    ['被申请人（被告）', 'unit_id'],
    ['原行政行为 行政行为名称', null],
    ['原行政行为 行政行为文号', null, { accept: ['case_id'], note: 'the decision number of the act under review; case_id accepted' }],
    ['审理情况 是否听证（开庭）', 'hearing_held'],
    ['审理情况 负责人出庭', 'head_appeared', { note: '/ for a 复议 (not applicable): empty' }],
    ['审理情况 结案方式', 'outcome'],
    ['审理情况 结案日期', 'decided_date'],
    ['案件状态', null, { note: 'the system status label (已结案 / 办理中 / 中止)' }],
    ['复议机关（审理法院）', null],
  ];
  const W = spec.length;
  const FY = [['维持', '维持'], ['驳回行政复议请求', '驳回'], ['撤销', '撤销'], ['确认违法', '确认违法'], ['变更', '变更'], ['责令履行', '责令履行'], ['调解结案', '调解撤回'], ['终止（申请人撤回申请）', '调解撤回'], ['维持', '维持']];
  const SS = [['判决驳回诉讼请求', '驳回'], ['判决撤销行政行为', '撤销'], ['原告撤诉', '调解撤回'], ['判决驳回诉讼请求', '驳回']];
  const PREFIX = { ZH01: '嵊综执罚', ZY01: '嵊市监罚', ZY04: '嵊交执罚', ZY06: '嵊资规罚', HY01: '嵊海执罚', XZ01: '嵊菜执罚', ZY08: '嵊卫健罚' };
  const units = Object.keys(PREFIX);
  const ACTS = { ZH01: '占道经营行政处罚', ZY01: '食品安全行政处罚', ZY04: '非法营运行政处罚', ZY06: '违法占地行政处罚', HY01: '渔业行政处罚', XZ01: '违法建筑拆除决定', ZY08: '公共场所卫生行政处罚' };
  const PERSONS = ['张某明', '李某芳', '王某强', '陈某', '刘某华', '周某军', '吴某丽'];
  const rows = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const N = 39;
  const ids = [];
  let fy = 0;
  let ss = 0;
  for (let n = 1; n <= N; n++) {
    const line = n + 3;
    const u = units[n % units.length];
    const lawsuit = n % 4 === 0;
    const filed = randDate(1, 11);
    let outcome;
    let id;
    if (lawsuit) {
      ss += 1;
      id = `（2024）浙0922行初${ss + 3}号`;
      outcome = n % 17 === 0 ? ['', null] : SS[ss % SS.length];
    } else {
      fy += 1;
      id = `嵊政复〔2024〕${fy + 2}号`;
      outcome = n % 13 === 0 ? ['', null] : FY[fy % FY.length];
    }
    const pending = !outcome[0];
    const decided = pending ? null : addDays(filed, int(30, 80));
    const hearing = lawsuit ? '是' : n % 5 === 1 ? '是' : '否';
    const head = lawsuit ? (n % 8 === 0 ? '否' : '是') : '/';
    const person = n % 3 === 0 ? BUSINESSES[n % 10].name : PERSONS[n % PERSONS.length];
    const actNo = `${PREFIX[u]}〔2023〕${int(10, 99)}号`;
    let unitName = UNITS[u][0];
    let broken = null;
    if (n === 7) {
      id = '';
      broken = '案件号为空（登记后尚未编号）/ no case id: no key';
    }
    if (n === 25) {
      id = ids[10];
      broken = `案件号 ${id} 与第 11 行重复（同一案件补登时再录了一次）/ duplicate key`;
    }
    if (n === 33) {
      unitName = '';
      broken = '被申请人（被告）为空（required unit missing）/ no respondent: a required field empty';
    }
    ids.push(id);
    const cells = [
      n, id, lawsuit ? '行政诉讼' : '行政复议', isoD(filed), person, unitName, ACTS[u], actNo, hearing, head, outcome[0], decided ? isoD(decided) : '',
      pending ? '办理中' : '已结案', lawsuit ? '嵊泗县人民法院' : '嵊泗县人民政府',
    ];
    rows.push(cells);
    if (broken) {
      rejected.push({ line, why: broken });
      continue;
    }
    records.push({ id: [id], enums: { kind: lawsuit ? '行政诉讼' : '行政复议', outcome: outcome[0] } });
    const w = { id };
    if (n <= 2) checks.push({ where: w, field: 'filed_date', expected: isoD(filed), why: '收案日期' });
    if (n === 1 || n === 4) checks.push({ where: w, field: 'unit_id', expected: u, why: unitName });
    if (n === 2 && decided) checks.push({ where: w, field: 'decided_date', expected: isoD(decided), why: '审理情况 › 结案日期' });
    if (n === 4) checks.push({ where: w, field: 'head_appeared', expected: true, why: '是' });
    if (n === 8) checks.push({ where: w, field: 'head_appeared', expected: false, why: '否' });
    if (n === 1) checks.push({ where: w, field: 'head_appeared', expected: null, why: '/ (a 复议: not applicable)' });
    if (n === 1) checks.push({ where: w, field: 'hearing_held', expected: true, why: '是' });
    if (n === 2) checks.push({ where: w, field: 'hearing_held', expected: false, why: '否' });
  }
  const th = (t, extra = '') => `<td class="xl-head"${extra}>${htmlEsc(t)}</td>`;
  const td = (v, i) => `<td${i === 1 || i === 7 ? ' style="mso-number-format:\'\\@\'"' : ''}>${htmlEsc(v)}</td>`;
  const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">\r
<head>\r
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">\r
<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>案件列表</x:Name><x:WorksheetOptions><x:DisplayGridlines/></x:WorksheetOptions></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->\r
<style>td{border:0.5pt solid #000;font-size:10pt;} .xl-head{font-weight:bold;text-align:center;background:#DDEBF7;} .xl-title{font-size:16pt;font-weight:bold;text-align:center;border:none;}</style>\r
</head>\r
<body>\r
<table border="1" cellspacing="0" cellpadding="0">\r
<tr><td class="xl-title" colspan="${W}">行政复议应诉案件列表（2024年度）</td></tr>\r
<tr>${th('序号', ' rowspan="2"')}${th('案件号', ' rowspan="2"')}${th('案件类别', ' rowspan="2"')}${th('收案日期', ' rowspan="2"')}${th('申请人（原告）', ' rowspan="2"')}${th('被申请人（被告）', ' rowspan="2"')}${th('原行政行为', ' colspan="2"')}${th('审理情况', ' colspan="4"')}${th('案件状态', ' rowspan="2"')}${th('复议机关（审理法院）', ' rowspan="2"')}</tr>\r
<tr>${th('行政行为名称')}${th('行政行为文号')}${th('是否听证（开庭）')}${th('负责人出庭')}${th('结案方式')}${th('结案日期')}</tr>\r
${rows.map((c) => `<tr>${c.map(td).join('')}</tr>`).join('\r\n')}\r
</table>\r
</body>\r
</html>\r
`;
  writeFileSync(join(DIR, file), html, 'utf8');
  answer.files.push({
    file, table: 'review_litigation', workspace: ['units', 'matters', 'officers'], format: 'html-as-xls',
    layout: 'HTML table under an .xls name (UTF-8 meta, x:ExcelWorkbook block); row 1 title (colspan); header rows 2–3: 序号 … 被申请人（被告）, 案件状态, 复议机关 with rowspan=2, 原行政行为 (colspan 2) and 审理情况 (colspan 4) over their leaves in row 3; data from row 4',
    header_rows: [2, 3], first_data_row: 4, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {
      kind: { 行政复议: '复议', 行政诉讼: '诉讼' },
      outcome: { ...Object.fromEntries(FY), ...Object.fromEntries(SS), '': null },
    },
    enum_accept: { outcome: { 判决驳回诉讼请求: ['胜诉'], 判决撤销行政行为: ['败诉'] } },
    identity: ['id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 05 处罚案件 — a report template: 填表说明 sheet first, starred headers, a 合计 row under the header
// ============================================================================================
async function file05(roster, matters) {
  const file = '05_2024年行政处罚案件信息报送表（模板填报）.xlsx';
  const SHEET = '案件信息';
  const spec = [
    ['序号', null],
    ['案件编号*', 'case_id'],
    ['执法主体*', 'unit_id'],
    ['执法事项编码', 'matter_code'],
    ['案件来源', 'source'],
    ['适用程序*', 'procedure'],
    ['立案日期(必填)', 'filed_date', { note: '20240305 text and date cells' }],
    ['处罚决定日期', 'decision_date'],
    ['结案日期', 'closed_date'],
    ['当事人类型*', 'party_type'],
    ['当事人名称', 'party_name'],
    ['处罚种类', 'penalty_types'],
    ['罚款金额（元）*', 'fine_amount', { note: '¥5,000.00 / 1.2万 / 2万 / 1,200元 / numbers' }],
    ['没收违法所得（元）', 'confiscation_amount'],
    ['是否重大案件', 'major_case'],
    ['承办人', 'officer_ids'],
    ['案件状态', null, { note: 'codes 1/2/3 with the legend on the 填表说明 sheet (1=已立案 2=已作出决定 3=已结案); no field' }],
    ['备注：已申请法院强制执行的请注明', null],
  ];
  const SRC = [['检查发现', '检查'], ['投诉举报', '投诉举报'], ['12345交办', '12345'], ['部门移送', '移送'], ['检查发现', '检查'], ['其他', '其他']];
  const PARTY = [['自然人', '个人'], ['法人', '单位'], ['其他组织', '单位']];
  const PROC = [['简易程序', '简易'], ['普通程序', '普通']];
  const PREFIX = { ZH01: '嵊综执罚', ZY01: '嵊市监罚', HY01: '嵊海执罚', XZ01: '嵊菜执罚', ZY03: '嵊文旅罚', ZY07: '嵊应急罚' };
  const OWNER = { ZH01: '综合执法局', ZY01: '市场监管局', HY01: '海洋执法队', XZ01: '综合执法局', ZY03: '文广旅体局', ZY07: '应急管理局' };
  const PERSONS = ['沈某华', '方某军', '邵某娟', '虞某平', '林某燕', '贺某远'];
  const FINES = [500, 1200, 3000, 12000, 5000, 20000, 35000, 800, 2000, 50000];
  const officersOf = uniqueOfficers(roster);
  const units = Object.keys(PREFIX);
  const wb = newWorkbook();
  const help = wb.addWorksheet('填表说明');
  const notes = [
    '填表说明',
    '1. 带“*”及“(必填)”的列为必填项，其余按实际填写。',
    '2. 执法主体填写单位全称；执法事项编码按《嵊泗县综合行政执法事项目录（2024年版）》填写。',
    '3. 日期格式：yyyymmdd（如20240305）或日期格式单元格。',
    '4. 罚款金额、没收违法所得以“元”为单位。',
    '5. 案件状态代码：1=已立案，2=已作出处罚决定，3=已结案。',
    '6. 第2行“合计”由公式自动计算，请勿删除或改动。',
    '7. 承办人填写姓名，两人以上用“、”分隔。',
  ];
  notes.forEach((t, i) => (help.getCell(i + 1, 1).value = t));
  help.getColumn(1).width = 90;
  const ws = wb.addWorksheet(SHEET);
  const W = spec.length;
  setRow(ws, 1, spec.map((s) => s[0]), W);
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [{ line: 2, sheet: SHEET, why: '合计行紧接表头（数据之前）/ the total row right under the header' }];
  const N = 40;
  const ids = [];
  let fineSum = 0;
  let confSum = 0;
  let good = 0;
  const dataRows = [];
  const seqU = Object.fromEntries(units.map((u) => [u, 0]));
  for (let n = 1; n <= N; n++) {
    const line = n + 2;
    const u = units[n % units.length];
    seqU[u] += 1;
    const month = 1 + Math.floor(((n - 1) * 11) / N);
    const filed = [2024, month, int(1, 28)];
    const [procText, proc] = n % 7 === 0 ? PROC[0] : PROC[1];
    const decided = addDays(filed, proc === '简易' ? 0 : int(15, 45));
    const closed = n % 6 === 5 ? null : addDays(decided, int(3, 20));
    const status = closed ? 3 : 2;
    const ms = matters.filter((m) => m.ownerShort === OWNER[u] && m.power === '行政处罚');
    const matter = ms[(n * 3) % ms.length];
    const [srcText] = SRC[n % SRC.length];
    const [partyText] = PARTY[n % 3];
    const party = partyText === '自然人' ? PERSONS[n % PERSONS.length] : BUSINESSES[n % 10].name;
    const fine = proc === '简易' ? 200 : FINES[n % FINES.length];
    const conf = n % 9 === 4 ? [1500, 3600, 8000][n % 3] : 0;
    const form = n % 4;
    const fineText = form === 0 ? `¥${money(fine)}` : form === 1 && fine >= 10000 ? `${fine / 10000}万` : form === 1 ? `${money(fine).replace('.00', '')}元` : form === 2 ? `${money(fine).replace('.00', '')}元` : fine;
    const ofs = officersOf(u);
    const o1 = ofs[(n * 3) % ofs.length];
    const o2 = ofs[(n * 3 + 1) % ofs.length];
    let id = `${PREFIX[u]}〔2024〕${seqU[u] * 3 + 1}号`;
    let filedCell = n % 2 ? compact(filed) : dateCell(filed, 'yyyy/m/d');
    let broken = null;
    if (n === 12) {
      id = '';
      broken = '案件编号为空 / no case id: no key';
    }
    if (n === 29) {
      id = ids[17];
      broken = `案件编号 ${id} 与第 18 件重复（复制行未改编号）/ duplicate key`;
    }
    if (n === 36) {
      filedCell = '20240431';
      broken = '立案日期 20240431（4月没有31日）/ impossible required date';
    }
    ids.push(id);
    const types = conf ? '罚款、没收违法所得' : n % 8 === 0 ? '警告、罚款' : '罚款';
    dataRows.push([line, [
      n, id, UNITS[u][0], matter.code, srcText, procText, filedCell, dateCell(decided, 'yyyy/m/d'), closed ? dateCell(closed, 'yyyy/m/d') : '', partyText, party, types,
      fineText, conf ? `¥${money(conf)}` : '', proc === '普通' && n % 10 === 3 ? '是' : '否', `${o1.name}、${o2.name}`, status, n % 15 === 1 ? '已申请法院强制执行' : '',
    ]]);
    if (broken) {
      rejected.push({ line, sheet: SHEET, why: broken });
      continue;
    }
    good += 1;
    fineSum += fine;
    confSum += conf;
    records.push({ id: [id], enums: { source: srcText, procedure: procText, party_type: partyText } });
    const w = { case_id: id };
    if (n <= 2) checks.push({ where: w, field: 'filed_date', expected: isoD(filed), why: typeof filedCell === 'string' ? filedCell : 'date cell' });
    if (n === 1) checks.push({ where: w, field: 'decision_date', expected: isoD(decided), why: 'date cell' });
    if ([1, 2, 3, 4, 5, 8, 13, 17].includes(n)) checks.push({ where: w, field: 'fine_amount', expected: fine, why: String(fineText) });
    if (conf && !checks.some((c) => c.field === 'confiscation_amount')) checks.push({ where: w, field: 'confiscation_amount', expected: conf, why: `¥${money(conf)}` });
    if (n === 3) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: `${o1.name}、${o2.name}` });
    if (n === 3) checks.push({ where: w, field: 'matter_code', expected: matter.code, why: '执法事项编码' });
    if (n === 3) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (n === 5 && !closed) checks.push({ where: w, field: 'closed_date', expected: null, why: 'not closed' });
  }
  // the template's 合计 row right under the header, as its formulas leave it when values are pasted
  setRow(ws, 2, ['合计', `共${good}件`, '', '', '', '', '', '', '', '', '', '', `¥${money(fineSum)}`, `¥${money(confSum)}`, '', '', '', ''], W);
  for (const [line, cells] of dataRows) setRow(ws, line, cells, W);
  ws.getColumn(2).width = 22;
  ws.getColumn(3).width = 26;
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'penalty_case', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: 'a report template: first sheet 填表说明 (notes, the 案件状态 code legend), data sheet 案件信息 second; row 1 header with * and (必填) marks and a 备注：… header; row 2 a 合计 row (共N件, sums); data from row 3',
    sheets: [{ sheet: SHEET, rows_loaded: records.length }],
    header_rows: [1], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: {
      source: Object.fromEntries(SRC),
      procedure: Object.fromEntries(PROC),
      party_type: Object.fromEntries(PARTY),
    },
    identity: ['case_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 06 投诉举报 — a JeecgBoot list API (Result<IPage>) saved as a file: code/_dictText pairs, ISO +08:00 times
// ============================================================================================
function file06() {
  const file = '06_投诉举报工单_list接口返回_2024Q4.json';
  const spec = [
    ['id', null, { note: 'the row id (snowflake), not the ticket' }],
    ['workOrderNo', 'complaint_id'],
    ['title', null],
    ['receiveTime', 'received_date', { note: 'ISO with +08:00' }],
    ['sourceChannel', null, { accept: ['channel'], note: 'dictionary code 1–5; its text is in sourceChannel_dictText' }],
    ['sourceChannel_dictText', 'channel'],
    ['townName', 'township'],
    ['handleDeptName', 'unit_id'],
    ['problemType', null, { accept: ['domain'], note: 'dictionary code' }],
    ['problemType_dictText', 'domain'],
    ['involveEnforce', null, { accept: ['about_conduct'], note: '1/0 dictionary code of yn' }],
    ['involveEnforce_dictText', 'about_conduct'],
    ['limitTime', 'deadline_date'],
    ['finishTime', 'closed_date'],
    ['satisfaction', null, { accept: ['satisfaction'], note: 'dictionary code' }],
    ['satisfaction_dictText', 'satisfaction'],
    ['jurisdictionDispute', 'jurisdiction_dispute', { note: 'JSON true/false' }],
    ['createBy', null],
    ['createTime', null, { note: 'record creation time (trap next to receiveTime)' }],
    ['sysOrgCode', null],
  ];
  const CH = [['1', '12345政务服务热线', '12345'], ['2', '全国12315平台', '投诉举报平台'], ['3', '110社会联动', '110联动'], ['4', '基层治理四平台', '基层治理四平台'], ['5', '行政执法监督热线', '执法监督热线']];
  const PT = { 城乡建设: '01', 市场监管: '02', 生态环境: '03', 文化旅游: '04', 交通运输: '05', 卫生健康: '06', 海洋渔业: '07' };
  const SATS = [['1', '满意'], ['2', '基本满意'], ['3', '不满意'], ['4', '未评价']];
  const units = ['ZH01', 'ZY01', 'ZY02', 'ZY03', 'ZY04', 'ZY08', 'HY01', 'XZ01', 'XZ02', 'XZ03'];
  const TOWNS = ['菜园镇', '嵊山镇', '洋山镇', '五龙乡', '黄龙乡', '枸杞乡', '花鸟乡'];
  const recs = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const N = 42;
  const ids = [];
  let rowId = 1843200000000000000n;
  for (let n = 1; n <= N; n++) {
    const u = units[(n * 3) % units.length];
    const month = 10 + Math.floor(((n - 1) * 3) / N);
    const got = [2024, month, int(1, 28)];
    const h = n % 6 === 0 ? int(0, 7) : int(8, 21); // 0–7 h at +08:00 is the day before in UTC
    const mi = int(0, 59);
    const s = int(0, 59);
    const ch = CH[n % 9 === 0 ? 4 : n % CH.length];
    const domain = DOMAIN_OF[u];
    const limit = addDays(got, n % 2 ? 7 : 15);
    const finish = n % 8 === 5 ? null : addDays(got, int(1, 14));
    const sat = finish ? SATS[n % SATS.length] : null;
    const conduct = ch[0] === '5' || n % 10 === 2;
    let no = `TS${compact(got)}${pad(n * 37 % 1000, 4)}`;
    let receive = isoOff(got, h, mi, s);
    let broken = null;
    if (n === 14) {
      no = null;
      broken = 'workOrderNo 为 null（草稿工单）/ no ticket id: no key';
    }
    if (n === 33) {
      no = ids[20];
      broken = `workOrderNo ${no} 与第 21 条重复（分页接口翻页时重复返回）/ duplicate key`;
    }
    if (n === 39) {
      receive = null;
      broken = 'receiveTime 为 null / a required date empty';
    }
    ids.push(no);
    rowId += BigInt(int(1000, 90000));
    recs.push({
      id: String(rowId),
      workOrderNo: no,
      title: `关于${TOWNS[n % TOWNS.length]}${domain}问题的投诉`,
      receiveTime: receive,
      sourceChannel: ch[0],
      sourceChannel_dictText: ch[1],
      townName: TOWNS[n % TOWNS.length],
      handleDeptName: UNITS[u][0],
      problemType: PT[domain],
      problemType_dictText: domain,
      involveEnforce: conduct ? '1' : '0',
      involveEnforce_dictText: conduct ? '是' : '否',
      limitTime: isoOff(limit),
      finishTime: finish ? isoOff(finish, int(8, 18), int(0, 59), int(0, 59)) : null,
      satisfaction: sat ? sat[0] : null,
      satisfaction_dictText: sat ? sat[1] : null,
      jurisdictionDispute: n % 12 === 7,
      createBy: 'admin',
      createTime: receive ? isoOff(got, h, mi, Math.min(59, s + 1)) : isoOff(got, 12, 0, 0),
      sysOrgCode: 'A01A05',
    });
    if (broken) {
      rejected.push({ line: n, why: broken });
      continue;
    }
    records.push({ id: [no], enums: { channel: ch[1], ...(sat ? { satisfaction: sat[1] } : {}) } });
    const w = { complaint_id: no };
    if (n <= 2 || (h < 8 && !checks.some((c) => c.field === 'received_date' && c.why.includes('early')))) checks.push({ where: w, field: 'received_date', expected: isoD(got), why: `${receive}${h < 8 ? ' (early morning: the day before in UTC)' : ''}` });
    if (n === 1) checks.push({ where: w, field: 'deadline_date', expected: isoD(limit), why: isoOff(limit) });
    if (n === 1 && finish) checks.push({ where: w, field: 'closed_date', expected: isoD(finish), why: 'ISO +08:00' });
    if (n === 5) checks.push({ where: w, field: 'closed_date', expected: null, why: 'finishTime null' });
    if (n === 2) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (n === 2) checks.push({ where: w, field: 'about_conduct', expected: true, why: 'involveEnforce 1 / 是' });
    if (n === 3) checks.push({ where: w, field: 'about_conduct', expected: false, why: 'involveEnforce 0 / 否' });
    if (n === 7) checks.push({ where: w, field: 'jurisdiction_dispute', expected: true, why: 'JSON true' });
    if (n === 3) checks.push({ where: w, field: 'domain', expected: domain, why: 'problemType_dictText' });
  }
  const body = {
    success: true,
    message: '',
    code: 200,
    result: { records: recs, total: recs.length, size: 500, current: 1, orders: [], optimizeCountSql: true, searchCount: true, maxLimit: null, countId: null, pages: 1 },
    timestamp: 1735873512345,
  };
  writeFileSync(join(DIR, file), JSON.stringify(body));
  answer.files.push({
    file, table: 'complaint', workspace: ['units', 'matters', 'officers'], format: 'json',
    layout: 'JeecgBoot Result: {"success","message","code":200,"result":{"records":[…],"total","size","current","orders",…,"pages"},"timestamp"}, one line; every dictionary field twice, as its code (sourceChannel "2") and as @Dict\'s translation (sourceChannel_dictText "全国12315平台"); times as Jackson writes java.util.Date with time-zone GMT+8 (2024-10-05T06:10:00.000+08:00); null for empty',
    header_rows: [], first_data_row: 1, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {
      channel: Object.fromEntries(CH.map((c) => [c[1], c[2]])),
      satisfaction: Object.fromEntries(SATS.map((s) => [s[1], s[1]])),
    },
    identity: ['complaint_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 07 制度机制 — the 司法局's .xls statistics form: .NET-style date strings, counts like 4次
// ============================================================================================
async function file07() {
  const file = '07_2024年度行政执法制度机制落实情况统计表.xls';
  const spec = [
    ['序号', null],
    ['单位名称', 'unit_id'],
    ['年度', 'year'],
    ['制度编码', 'item_code'],
    ['制度名称', 'item_name'],
    ['落实情况', 'done', { note: '已落实 / 未落实' }],
    ['落实日期', 'done_date', { note: '2024/3/5 0:00:00 text' }],
    ['年度开展次数', null, { note: 'counts written 4次, no field' }],
    ['佐证材料', 'evidence'],
    ['备注', null],
  ];
  const ITEMS = [['TS_PUBLICITY', '行政执法公示制度'], ['TS_RECORDING', '执法全过程记录制度'], ['TS_LEGAL_REVIEW', '重大执法决定法制审核制度']];
  const COUNTY = [['CO_COMMITTEE', '县执法协调委'], ['CO_DISPUTE', '执法职责争议评估处理机制'], ['CO_PLATFORM', '行政执法统一指挥平台'], ['CO_TRANSFER_STD', '案件移送标准'], ['CAT_PUBLISHED', '事项目录清单公布'], ['CAT_REVISED', '事项目录动态调整']];
  const units = ['ZH01', 'ZY01', 'ZY02', 'ZY03', 'ZY04', 'ZY07', 'ZY08', 'HY01', 'XZ01', 'XZ02', 'XZ03', 'XZ06'];
  const rows = [];
  for (const u of units) for (const it of ITEMS) rows.push({ u, it });
  for (const it of COUNTY) rows.push({ u: 'COUNTY', it });
  const wb = newWorkbook();
  const ws = wb.addWorksheet('统计表');
  const W = spec.length;
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).value = '嵊泗县2024年度行政执法制度机制落实情况统计表';
  ws.mergeCells(2, 1, 2, W);
  ws.getCell(2, 1).value = '填报单位：嵊泗县司法局　　　　填报日期：2025年1月10日';
  setRow(ws, 3, spec.map((s) => s[0]), W);
  const rejected = [];
  const records = [];
  const checks = [];
  let line = 3;
  let n = 0;
  const seen = [];
  // planted: one row with no 制度编码, one row repeated, one with no 单位名称
  const plan = rows.map((x) => ({ ...x }));
  plan.splice(9, 0, { u: 'ZY03', it: ['', '行政执法公示制度'], broken: '制度编码为空 / no item code: no key' });
  plan.splice(27, 0, { u: 'ZY08', it: ITEMS[1], broken: '（ZY08, 2024, TS_RECORDING）重复 / duplicate key (unit, year, item)' });
  plan.splice(33, 0, { u: '', it: ITEMS[2], broken: '单位名称为空 / a required field (unit) empty' });
  for (const p of plan) {
    line += 1;
    n += 1;
    const unitName = p.u === 'COUNTY' ? '全县' : p.u ? UNITS[p.u][0] : '';
    const done = (n % 9) !== 4;
    const d = randDate(1, 11);
    const count = p.it[0] === 'TS_PUBLICITY' ? int(4, 30) : p.it[0] === 'TS_LEGAL_REVIEW' ? int(1, 12) : p.it[0] === 'TS_RECORDING' ? int(10, 60) : int(1, 4);
    const evidence = done ? `${p.u === 'COUNTY' ? '县政府办' : UNITS[p.u]?.[1] ?? ''}${p.it[1]}${p.it[0].startsWith('TS') ? '（2024年修订）' : '相关文件'}` : '';
    setRow(ws, line, [n, unitName, 2024, p.it[0], p.it[1], done ? '已落实' : '未落实', done ? netDT(d) : '', done ? `${count}次` : '0次', evidence, done ? '' : '正在制定'], W);
    if (p.broken) {
      rejected.push({ line, why: p.broken });
      continue;
    }
    const k = `${p.u}|${p.it[0]}`;
    if (seen.includes(k)) {
      rejected.push({ line, why: 'duplicate key' });
      continue;
    }
    seen.push(k);
    records.push({ id: [p.u, 2024, p.it[0]], enums: {} });
    const w = { unit_id: p.u, year: 2024, item_code: p.it[0] };
    if (n <= 2) checks.push({ where: w, field: 'done_date', expected: isoD(d), why: netDT(d) });
    if (n === 1) checks.push({ where: w, field: 'done', expected: true, why: '已落实' });
    if (!done && !checks.some((c) => c.field === 'done' && c.expected === false)) checks.push({ where: w, field: 'done', expected: false, why: '未落实' });
    if (!done && !checks.some((c) => c.field === 'done_date' && c.expected === null)) checks.push({ where: w, field: 'done_date', expected: null, why: 'empty' });
    if (n === 2) checks.push({ where: w, field: 'evidence', expected: evidence, why: '佐证材料' });
    if (p.u === 'COUNTY' && !checks.some((c) => c.where.unit_id === 'COUNTY')) checks.push({ where: w, field: 'item_name', expected: p.it[1], why: '全县 → COUNTY' });
  }
  ws.getColumn(2).width = 28;
  ws.getColumn(9).width = 40;
  mkdirSync(TMP, { recursive: true });
  const xlsx = join(TMP, '07.xlsx');
  await saveWorkbook(wb, xlsx);
  rmSync(join(TMP, '07.xls'), { force: true });
  execFileSync('soffice', ['--headless', '--convert-to', 'xls:MS Excel 97', '--outdir', TMP, xlsx], { stdio: 'ignore' });
  copyFileSync(join(TMP, '07.xls'), join(DIR, file));
  answer.files.push({
    file, table: 'institution_checklist', workspace: ['units', 'matters', 'officers'], format: 'xls (BIFF8)',
    layout: 'BIFF8 .xls (LibreOffice "MS Excel 97"); row 1 merged title, row 2 merged 填报单位 line, header row 3, data from row 4; 落实日期 as text 2024/3/5 0:00:00; 年度开展次数 4次; county items under 全县',
    header_rows: [3], first_data_row: 4, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {}, identity: ['unit_id', 'year', 'item_code'], records, value_checks: checks,
  });
}

// ============================================================================================
// 08 复议诉讼 — a 行政应诉 ledger workbook: a 汇总 sheet first, the 明细 sheet second, notes in headers
// ============================================================================================
async function file08() {
  const file = '08_2024年行政应诉案件及负责人出庭应诉情况台账.xlsx';
  const SHEET = '应诉明细';
  const spec = [
    ['序号', null],
    ['案号', 'id'],
    ['案件类别', 'kind'],
    ['原告', null],
    ['被告（必填）', 'unit_id'],
    ['案由', null],
    ['原行政处罚案件编号', 'case_id'],
    ['立案日期', 'filed_date'],
    ['是否开庭', 'hearing_held'],
    ['开庭次数', null, { note: 'counts 2次' }],
    ['负责人是否出庭（必填）', 'head_appeared'],
    ['出庭负责人及职务', null],
    ['裁判结果', 'outcome'],
    ['结案日期', 'decided_date'],
    ['备注：败诉案件请说明原因', null],
  ];
  const RES = [['判决驳回诉讼请求', '驳回'], ['判决撤销行政行为', '撤销'], ['判决确认违法', '确认违法'], ['准予撤诉', '调解撤回'], ['判决驳回诉讼请求', '驳回'], ['判决履行法定职责', '责令履行'], ['驳回上诉，维持原判', '维持']];
  const PREFIX = { ZH01: '嵊综执罚', ZY01: '嵊市监罚', ZY04: '嵊交执罚', ZY06: '嵊资规罚', HY01: '嵊海执罚', XZ01: '嵊菜执罚' };
  const units = Object.keys(PREFIX);
  const PERSONS = ['张某明', '李某芳', '王某强', '陈某', '刘某华', '周某军', '吴某丽', '孙某'];
  const HEADS = ['局长', '副局长', '党组成员、副局长', '镇长', '副镇长'];
  const wb = newWorkbook();
  const sum = wb.addWorksheet('汇总');
  sum.mergeCells(1, 1, 1, 5);
  sum.getCell(1, 1).value = '2024年行政应诉案件及负责人出庭应诉情况汇总';
  setRow(sum, 2, ['单位', '收案数', '审结数', '负责人出庭次数', '出庭率'], 5);
  const ws = wb.addWorksheet(SHEET);
  const W = spec.length;
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).value = '2024年行政应诉案件及负责人出庭应诉情况台账';
  setRow(ws, 2, spec.map((s) => s[0]), W);
  const rejected = [];
  const records = [];
  const checks = [];
  const N = 38;
  const ids = [];
  const tally = {};
  for (let n = 1; n <= N; n++) {
    const line = n + 2;
    const u = units[n % units.length];
    const second = n % 9 === 0;
    const filed = randDate(1, 10);
    let id = second ? `（2024）浙09行终${n + 10}号` : `（2024）浙0922行初${n + 1}号`;
    const res = n % 11 === 6 ? ['', null] : second ? RES[6] : RES[n % 6];
    const decided = res[0] ? addDays(filed, int(40, 120)) : null;
    const hearings = res[0] === '准予撤诉' ? 0 : int(1, 2);
    const head = hearings > 0 && n % 5 !== 2;
    let unitText = n % 3 === 0 && COUNTY_SHORT[u] ? COUNTY_SHORT[u] : UNITS[u][0];
    let broken = null;
    if (n === 10) {
      id = '';
      broken = '案号为空（法院尚未立案编号）/ no case id: no key';
    }
    if (n === 30) {
      id = ids[15];
      broken = `案号 ${id} 与第 16 行重复 / duplicate key`;
    }
    ids.push(id);
    const lost = ['撤销', '确认违法', '责令履行'].includes(res[1]);
    setRow(ws, line, [
      n, id, second ? '二审行政诉讼' : '一审行政诉讼', n % 3 === 0 ? BUSINESSES[n % 10].name : PERSONS[n % PERSONS.length], unitText, '不服行政处罚决定',
      `${PREFIX[u]}〔2023〕${20 + n}号`, dateCell(filed), hearings ? '是' : '否', `${hearings}次`, head ? '是' : '否', head ? `${pick(HEADS)}　${pick(['徐', '钱', '朱', '胡', '郑'])}某` : '',
      res[0], decided ? dateCell(decided) : '', lost ? '执法程序存在瑕疵' : '',
    ], W);
    if (broken) {
      rejected.push({ line, sheet: SHEET, why: broken });
      continue;
    }
    tally[u] = tally[u] ?? [0, 0, 0];
    tally[u][0] += 1;
    if (decided) tally[u][1] += 1;
    if (head) tally[u][2] += 1;
    records.push({ id: [id], enums: { kind: second ? '二审行政诉讼' : '一审行政诉讼', outcome: res[0] } });
    const w = { id };
    if (n <= 2) checks.push({ where: w, field: 'filed_date', expected: isoD(filed), why: 'date cell' });
    if (n === 1 && decided) checks.push({ where: w, field: 'decided_date', expected: isoD(decided), why: 'date cell' });
    if (n === 1) checks.push({ where: w, field: 'case_id', expected: `${PREFIX[u]}〔2023〕${20 + n}号`, why: '原行政处罚案件编号' });
    if (n === 3) checks.push({ where: w, field: 'unit_id', expected: u, why: unitText });
    if (head && !checks.some((c) => c.field === 'head_appeared' && c.expected === true)) checks.push({ where: w, field: 'head_appeared', expected: true, why: '是' });
    if (!head && !checks.some((c) => c.field === 'head_appeared' && c.expected === false)) checks.push({ where: w, field: 'head_appeared', expected: false, why: '否' });
    if (!hearings && !checks.some((c) => c.field === 'hearing_held')) checks.push({ where: w, field: 'hearing_held', expected: false, why: '否 (0次)' });
  }
  let r = 2;
  for (const u of units) {
    const t = tally[u] ?? [0, 0, 0];
    r += 1;
    setRow(sum, r, [UNITS[u][0], `${t[0]}件`, `${t[1]}件`, `${t[2]}次`, t[0] ? `${((t[2] / t[0]) * 100).toFixed(1)}%` : '—'], 5);
  }
  ws.getColumn(2).width = 24;
  ws.getColumn(5).width = 26;
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'review_litigation', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: 'first sheet 汇总 (a per-unit summary: 收案数 3件, 负责人出庭次数 2次, 出庭率), data sheet 应诉明细 second: row 1 merged title, row 2 header with （必填） and a 备注：… header, data from row 3; 开庭次数 2次',
    sheets: [{ sheet: SHEET, rows_loaded: records.length }],
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {
      kind: { 一审行政诉讼: '诉讼', 二审行政诉讼: '诉讼' },
      outcome: { ...Object.fromEntries(RES), '': null },
    },
    enum_accept: { outcome: { 判决驳回诉讼请求: ['胜诉'], 判决撤销行政行为: ['败诉'], 判决确认违法: ['败诉'], 判决履行法定职责: ['败诉'], '驳回上诉，维持原判': ['胜诉', '驳回'] } },
    identity: ['id'], records, value_checks: checks,
  });
}

// ---------------------------------------------------------------- main
if (!existsSync(DIR)) mkdirSync(DIR, { recursive: true });
mkdirSync(TMP, { recursive: true });
const roster = await readRoster();
const matters = await readMatters();
await file01();
file02();
await file03(roster);
file04();
await file05(roster, matters);
file06();
await file07();
await file08();
for (const f of answer.files) {
  f.rows_data = f.rows_loaded + f.rejected.length;
  f.columns_expected = f.columns.filter((c) => c.field).length;
}
writeFileSync(join(DIR, '_answer.json'), JSON.stringify(answer, null, 2) + '\n');
console.log(answer.files.map((f) => `${f.file}: ${f.table}, ${f.columns.length} columns (${f.columns_expected} to find), ${f.rows_data} records = ${f.rows_loaded} + ${f.rejected.length} broken, ${f.footer_lines.length} footer`).join('\n'));

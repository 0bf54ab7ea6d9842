// Writes the thirteenth acceptance set (samples/acceptance13) and its answer key _answer.json.
// Run: node samples/acceptance13/_make.mjs
//
// Theme: the collaboration and office platforms a county actually keeps its ledgers in, exported as
// those platforms export them (see README.md for what each layout follows): a 腾讯文档 在线表格
// download (title row, frozen header, 下拉选项, 复选框 TRUE/FALSE, @mentions); a 金山文档 在线表格
// download (boolean 复选框 cells, 最后修改人); a WPS 表单 collection (提交序号, 提交时间, 填写人,
// 来源, IP, then the questions as "1. 人员编号"); a 飞书多维表格 CSV (人员 and 多选 fields joined by
// commas, 关联记录 ["rec…"], 创建人/创建时间/最后更新时间, 2024/03/05 dates); a 钉钉 智能填表
// summary (提交人 `王婷(ZF0001)`, person fields with 工号, photos as URLs); a 金数据 CSV (answers
// first, then 提交人/提交时间/填写设备/操作系统/浏览器/填写地域/IP); a 浙政钉 OA 审批 export
// (审批编号 … 审批记录, then the form's fields); a 腾讯文档 sheet saved as CSV (its title row kept);
// a 腾讯收集表 export ("1.单位名称", attachments as URLs).
// The answer key is declared here by hand and never computed by the importer under test.
// Deterministic: the same rows every run, byte-identical files.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acceptanceKit } from '../acceptance-kit.mjs';

const DIR = dirname(fileURLToPath(import.meta.url));
const STAMP = Date.UTC(2025, 0, 20, 1, 30);
const { pick, int, pad, randDate, isoD, addDays, UNITS, TOWN_OF, readRoster, readMatters, BUSINESSES, answer, columnsOf, newWorkbook, saveWorkbook, dateCell } =
  acceptanceKit({ set: 'acceptance13', dir: DIR, seed: 20250120, stamp: STAMP });

const csvq = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const invert = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));
const UNIT_BY_SHORT = Object.fromEntries(Object.entries(UNITS).map(([id, u]) => [u[1], id]));
const PERSONS = ['张某明', '李某芳', '王某强', '陈某', '刘某华', '周某军', '吴某丽', '孙某', '郑某平', '徐某', '钱某东', '朱某英'];
const slash = ([y, m, d]) => `${y}/${pad(m)}/${pad(d)}`;
const slashNoPad = ([y, m, d]) => `${y}/${m}/${d}`;
const hm = (k) => `${pad(8 + (k % 9))}:${pad((k * 7) % 60)}`;
const hms = (k) => `${hm(k)}:${pad((k * 13) % 60)}`;
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('');
const b62 = (n) => Array.from({ length: n }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'[int(0, 61)]).join('');
function uniqueOfficers(roster) {
  const count = {};
  for (const o of roster) count[o.name] = (count[o.name] ?? 0) + 1;
  return (unit) => roster.filter((o) => o.unit === unit && o.cert && count[o.name] === 1);
}
function finish(entry) {
  entry.rows_data = entry.rows_loaded + entry.rejected.length;
  entry.columns_expected = entry.columns.filter((c) => c.field).length;
  answer.files.push(entry);
}
function headerRow(ws, r, spec) {
  spec.forEach((s, i) => {
    const c = ws.getCell(r, i + 1);
    c.value = s[0];
    c.font = { bold: true };
  });
}
function putRow(ws, r, row) {
  row.forEach((v, i) => {
    if (v === '' || v === null || v === undefined) return;
    if (typeof v === 'object' && 'numFmt' in v) {
      ws.getCell(r, i + 1).value = v.value;
      ws.getCell(r, i + 1).numFmt = v.numFmt;
    } else ws.getCell(r, i + 1).value = v;
  });
}

// ============================================================================================
// 01 执法单位 — 腾讯文档 在线表格, downloaded as .xlsx: title row, frozen header, 下拉, 复选框, @
// ============================================================================================
async function file01() {
  const file = '01_执法单位信息表（腾讯文档在线表格下载）.xlsx';
  const spec = [
    ['序号', null],
    ['单位编码', 'unit_id'],
    ['单位名称', 'name'],
    ['简称', 'short_name'],
    ['队伍类型', 'unit_type', { note: '下拉选项 综合执法队伍/专业执法队伍/海洋执法队伍/乡镇执法队伍' }],
    ['执法领域', 'domain'],
    ['层级', 'level', { note: '县级 / 乡镇级' }],
    ['所在乡镇', 'township'],
    ['执法模式', 'mode', { note: '下拉选项 县级执法/派驻执法/赋权执法/片区兼管' }],
    ['驻点单位', 'hub_unit_id', { note: 'short name' }],
    ['成立日期', 'established_date', { note: 'date cell' }],
    ['已撤销', null, { note: '复选框 TRUE/FALSE (boolean cells): no field (abolished_date is a date)' }],
    ['联络员', null, { note: '@mention, @王婷' }],
    ['备注', null],
  ];
  const TYPE = { 综合: '综合执法队伍', 专业: '专业执法队伍', 海洋: '海洋执法队伍', 乡镇: '乡镇执法队伍' };
  const LEVEL = { 县: '县级', 乡镇: '乡镇级' };
  const MODE = { 县级: '县级执法', 派驻: '派驻执法', 赋权: '赋权执法', 片区兼管: '片区兼管' };
  const INFO = {
    ZH01: ['综合', '综合行政执法', '县', '县级', [2019, 3, 15]], ZY01: ['专业', '市场监管', '县', '县级', [2019, 1, 20]], ZY02: ['专业', '生态环境', '县', '县级', [2019, 4, 1]],
    ZY03: ['专业', '文广旅体', '县', '县级', [2019, 2, 26]], ZY04: ['专业', '交通运输', '县', '县级', [2019, 2, 26]], ZY05: ['专业', '农业农村', '县', '县级', [2019, 2, 26]],
    ZY06: ['专业', '自然资源', '县', '县级', [2019, 2, 26]], ZY07: ['专业', '应急管理', '县', '县级', [2019, 2, 26]], ZY08: ['专业', '卫生健康', '县', '县级', [2019, 2, 26]],
    ZY09: ['专业', '水利', '县', '县级', [2016, 7, 1]], HY01: ['海洋', '海洋渔业', '县', '县级', [2019, 9, 1]],
    XZ01: ['乡镇', '乡镇综合执法', '乡镇', '赋权', [2021, 7, 1]], XZ02: ['乡镇', '乡镇综合执法', '乡镇', '赋权', [2021, 7, 1]], XZ03: ['乡镇', '乡镇综合执法', '乡镇', '赋权', [2021, 7, 1]],
    XZ04: ['乡镇', '乡镇综合执法', '乡镇', '派驻', [2022, 1, 1]], XZ05: ['乡镇', '乡镇综合执法', '乡镇', '派驻', [2022, 1, 1]], XZ06: ['乡镇', '乡镇综合执法', '乡镇', '片区兼管', [2022, 1, 1]], XZ07: ['乡镇', '乡镇综合执法', '乡镇', '片区兼管', [2022, 1, 1]],
  };
  const HUB = { XZ06: 'XZ02', XZ07: 'XZ02' };
  const CONTACT = ['王婷', '李晨慧', '吴根', '陈珍松', '周洁'];
  const order = ['ZH01', 'ZY01', 'ZY02', 'ZY03', 'ZY04', 'NEW', 'ZY05', 'ZY06', 'ZY07', 'ZY08', 'ZY09', 'HY01', 'XZ01', 'XZ02', 'XZ03', 'XZ04', 'XZ05', 'XZ06', 'XZ07', 'DUP'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('执法单位');
  ws.getCell(1, 1).value = '嵊泗县行政执法单位信息表（在线协作，请勿改动表头）';
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(1, 1, 1, spec.length);
  headerRow(ws, 2, spec);
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: 2 }];
  const rejected = [];
  const records = [];
  const checks = [];
  order.forEach((key, k) => {
    const r = k + 3;
    const id = key === 'DUP' ? 'ZY03' : key === 'NEW' ? '' : key;
    if (key === 'NEW') {
      putRow(ws, r, [k + 1, '', '嵊泗县马鞍列岛海岛综合执法站（筹）', '马鞍列岛执法站', TYPE['乡镇'], '乡镇综合执法', LEVEL['乡镇'], '嵊山镇', MODE['片区兼管'], '嵊山镇', '', false, '@周洁', '筹建中，编码待司法局分配']);
      rejected.push({ line: r, why: '单位编码为空（筹建中）/ no unit id: no key' });
      return;
    }
    const [type, domain, level, mode, est] = INFO[id];
    const typeText = key === 'ZY06' ? '' : TYPE[type];
    const hub = HUB[id] ? UNITS[HUB[id]][1] : '';
    putRow(ws, r, [k + 1, id, UNITS[id][0], UNITS[id][1], typeText, domain, LEVEL[level], TOWN_OF[id] ?? '', MODE[mode], hub, dateCell(est, 'yyyy/m/d'), false, `@${CONTACT[k % CONTACT.length]}`, key === 'DUP' ? '重复录入' : '']);
    ws.getCell(r, 5).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${Object.values(TYPE).join(',')}"`] };
    ws.getCell(r, 9).dataValidation = { type: 'list', allowBlank: true, formulae: [`"${Object.values(MODE).join(',')}"`] };
    if (key === 'DUP') { rejected.push({ line: r, why: '单位编码 ZY03 与第 6 行重复（协作者重复录入）/ duplicate key' }); return; }
    if (key === 'ZY06') { rejected.push({ line: r, why: '队伍类型为空（必填）/ required unit_type empty' }); return; }
    records.push({ id: [id], enums: { unit_type: TYPE[type], level: LEVEL[level], mode: MODE[mode] } });
    const w = { unit_id: id };
    if (id === 'ZH01') checks.push({ where: w, field: 'established_date', expected: isoD(est), why: 'date cell yyyy/m/d' });
    if (id === 'XZ06') checks.push({ where: w, field: 'hub_unit_id', expected: 'XZ02', why: '驻点单位 嵊山镇 (short name)' });
    if (id === 'XZ03') checks.push({ where: w, field: 'township', expected: '洋山镇', why: '所在乡镇' });
    if (id === 'ZY08') checks.push({ where: w, field: 'short_name', expected: '卫健局', why: '简称' });
  });
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'unit', workspace: [], format: 'xlsx (exceljs), one sheet 执法单位',
    layout: 'row 1 a merged title, header row 2 frozen (ySplit 2), records rows 3–22; 序号 first; 队伍类型 and 执法模式 with list validations (下拉选项); 已撤销 a 复选框 column of boolean cells (FALSE); 联络员 @mentions; 成立日期 date cells yyyy/m/d',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: 1, why: 'title row' }],
    enums: { unit_type: invert(TYPE), level: invert(LEVEL), mode: invert(MODE) },
    identity: ['unit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 02 执法事项 — 金山文档 在线表格 .xlsx: 复选框 as boolean cells, 下拉, 最后修改人
// ============================================================================================
async function file02(matters) {
  const file = '02_执法事项目录动态调整（金山文档在线表格）.xlsx';
  const spec = [
    ['事项编码', 'matter_code'],
    ['事项名称', 'name'],
    ['所属领域', 'domain'],
    ['权力类型', 'power_type', { note: '下拉 行政处罚/行政强制/行政检查' }],
    ['实施队伍类型', 'owner_type', { note: '下拉 综合执法/专业执法/海洋执法/乡镇执法' }],
    ['实施主体', 'owner_unit_id', { note: 'short name' }],
    ['是否划转', 'transferred', { note: '复选框: boolean cell' }],
    ['原所属领域', 'from_domain'],
    ['是否高频', 'high_frequency', { note: '复选框: boolean cell' }],
    ['罚款下限（元）', 'fine_min'],
    ['罚款上限（元）', 'fine_max'],
    ['目录版本', 'catalogue_version'],
    ['生效日期', 'effective_date', { note: 'date cell' }],
    ['是否公布', 'published', { note: '复选框: boolean cell' }],
    ['最后修改人', null, { note: '@王婷' }],
    ['最后修改时间', null, { accept: ['revised_date'], note: 'the row\'s edit time, yyyy-mm-dd hh:mm' }],
  ];
  const POWER = { 处罚: '行政处罚', 强制: '行政强制', 检查: '行政检查' };
  const OWNER = { 综合: '综合执法', 专业: '专业执法', 海洋: '海洋执法', 乡镇: '乡镇执法' };
  const pickM = matters.filter((m, i) => i % 21 === 5 || (m.power !== '行政处罚' && i % 19 === 2)).slice(0, 30);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('事项目录');
  headerRow(ws, 1, spec);
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 1 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.length } };
  const rejected = [];
  const records = [];
  const checks = [];
  const codes = [];
  const EDITORS = ['@王婷', '@李晨慧', '@吴根'];
  pickM.forEach((m, k) => {
    const r = k + 2;
    let code = m.code;
    let power = POWER[m.power.replace('行政', '')];
    let broken = null;
    if (k === 4) { code = ''; broken = '事项编码为空（新增事项待赋码）/ no matter code: no key'; }
    if (k === 17) { code = codes[8]; broken = `事项编码 ${code} 与第 10 行重复 / duplicate key`; }
    if (k === 25) { power = ''; broken = '权力类型为空（必填）/ required power_type empty'; }
    codes.push(code);
    const owner = UNIT_BY_SHORT[m.ownerShort];
    const eff = m.eff.split('-').map(Number);
    const edit = randDate(1, 12);
    putRow(ws, r, [code, m.name, m.domain, power, OWNER[m.owner], m.ownerShort, m.transferred === '是', m.from, m.hf === '是', m.min ?? '', m.max ?? '', m.version, dateCell(eff, 'yyyy-mm-dd'), m.pub === '是', EDITORS[k % 3], `${isoD(edit)} ${hm(k)}`]);
    ws.getCell(r, 4).dataValidation = { type: 'list', allowBlank: true, formulae: ['"行政处罚,行政强制,行政检查"'] };
    if (broken) { rejected.push({ line: r, why: broken }); return; }
    records.push({ id: [code], enums: { power_type: power, owner_type: OWNER[m.owner] } });
    const w = { matter_code: code };
    if (k === 0) checks.push({ where: w, field: 'owner_unit_id', expected: owner, why: m.ownerShort });
    if (m.transferred === '是' && !checks.some((c) => c.field === 'transferred' && c.expected === true)) checks.push({ where: w, field: 'transferred', expected: true, why: 'boolean cell TRUE' });
    if (k === 1) checks.push({ where: w, field: 'published', expected: m.pub === '是', why: `boolean cell ${m.pub === '是' ? 'TRUE' : 'FALSE'}` });
    if (k === 2) checks.push({ where: w, field: 'effective_date', expected: m.eff, why: 'date cell' });
    if (k === 3 && m.max != null) checks.push({ where: w, field: 'fine_max', expected: m.max, why: 'number cell' });
  });
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'matter', workspace: ['units'], format: 'xlsx (exceljs), one sheet 事项目录',
    layout: 'header row 1 frozen (2 columns, 1 row) with an autofilter; 复选框 columns 是否划转/是否高频/是否公布 as boolean cells; 权力类型 with a list validation; 实施主体 short names; 最后修改人 @name and 最后修改时间 at the end',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { power_type: invert(POWER), owner_type: invert(OWNER) },
    identity: ['matter_code'], records, value_checks: checks,
  });
}

// ============================================================================================
// 03 执法人员 — WPS 表单 collection result: 提交序号, 提交时间, 填写人, 来源, IP, "1. 人员编号" …
// ============================================================================================
async function file03(roster) {
  const file = '03_2025年度执法人员信息采集（WPS表单收集结果）.xlsx';
  const spec = [
    ['提交序号', null],
    ['提交时间', null],
    ['填写人', null, { note: 'the WPS account nickname of who filled in (often the unit\'s clerk)' }],
    ['来源', null, { note: '微信 / WPS / 链接' }],
    ['IP', null],
    ['1. 人员编号', 'officer_id'],
    ['2. 姓名', 'name'],
    ['3. 所属单位', 'unit_id', { note: 'full name' }],
    ['4. 填报年度', 'year'],
    ['5. 岗位层级', 'posting', { note: '县级机关 / 乡镇一线' }],
    ['6. 派驻乡镇', 'township'],
    ['7. 岗位类别', 'role', { note: '一线执法 / 法制审核 / 综合管理 / 其他' }],
    ['8. 是否专职法制审核人员', 'fulltime_reviewer'],
    ['9. 编制类型', 'staffing_type'],
    ['10. 行政执法证号', 'cert_no'],
    ['11. 执法证有效期至', 'cert_valid_to', { note: 'text yyyy-mm-dd' }],
    ['12. 是否取得法律职业资格', 'legal_qualification'],
    ['13. 2024年度培训学时', 'training_hours'],
  ];
  const POSTING = { 县级: '县级机关', 乡镇: '乡镇一线' };
  const ROLE = { 执法: '一线执法', 法制审核: '法制审核', 管理: '综合管理', 其他: '其他' };
  const STAFF = { 行政编: '行政编制', 参公: '参公管理', 事业编: '事业编制', 编外: '编外聘用' };
  const officers = roster.filter((o, i) => o.cert && i % 9 === 3).slice(0, 29);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('收集结果');
  headerRow(ws, 1, spec);
  const rejected = [];
  const records = [];
  const checks = [];
  const SRC = ['微信', '微信', 'WPS', '链接'];
  officers.forEach((o, k) => {
    const r = k + 2;
    let id = o.id;
    let unitName = UNITS[o.unit][0];
    let broken = null;
    if (k === 6) { id = ''; broken = '人员编号为空（填写人漏填）/ no officer id: no key'; }
    if (k === 14) { unitName = ''; broken = '所属单位为空（必填）/ required unit empty'; }
    const posting = o.posting === '乡镇一线' ? '乡镇' : '县级';
    const to = o.to ? [o.to.getUTCFullYear(), o.to.getUTCMonth() + 1, o.to.getUTCDate()] : null;
    const submitted = [2025, 1, 3 + (k % 12)];
    const row = (seq, time) => [seq, time, `${UNITS[o.unit][1]}${pick(['内勤', '办公室', '政工科'])}`, SRC[k % 4], `115.220.${int(1, 254)}.${int(1, 254)}`, id, o.name, unitName, '2025', POSTING[posting], o.town, ROLE[o.role], o.fulltime, STAFF[o.staffing], o.cert, to ? isoD(to) : '', o.lq, o.hours];
    putRow(ws, r, row(k + 1, `${isoD(submitted)} ${hms(k)}`));
    if (broken) { rejected.push({ line: r, why: broken }); return; }
    records.push({ id: [id, 2025], enums: { posting: POSTING[posting], role: ROLE[o.role], staffing_type: STAFF[o.staffing] } });
    const w = { officer_id: id, year: 2025 };
    if (k === 0) checks.push({ where: w, field: 'unit_id', expected: o.unit, why: UNITS[o.unit][0] });
    if (k === 1) checks.push({ where: w, field: 'training_hours', expected: o.hours, why: 'number cell' });
    if (k === 2 && to) checks.push({ where: w, field: 'cert_valid_to', expected: isoD(to), why: 'text yyyy-mm-dd' });
    if (k === 3) checks.push({ where: w, field: 'fulltime_reviewer', expected: o.fulltime === '是', why: o.fulltime });
    if (k === 5) checks.push({ where: w, field: 'name', expected: o.name, why: '2. 姓名 (not 填写人)' });
  });
  // the same person submitted twice (a correction submitted as a new answer)
  const o = officers[11];
  const r = officers.length + 2;
  const to = [o.to.getUTCFullYear(), o.to.getUTCMonth() + 1, o.to.getUTCDate()];
  const posting = o.posting === '乡镇一线' ? '乡镇' : '县级';
  putRow(ws, r, [officers.length + 1, '2025-01-16 17:40:02', `${UNITS[o.unit][1]}内勤`, '微信', '115.220.31.9', o.id, o.name, UNITS[o.unit][0], '2025', POSTING[posting], o.town, ROLE[o.role], o.fulltime, STAFF[o.staffing], o.cert, isoD(to), o.lq, o.hours + 4]);
  rejected.push({ line: r, why: `人员编号 ${o.id} 与 2025 年度第 13 行重复（同一人提交两次）/ duplicate key` });
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'officer', workspace: ['units', 'matters'], format: 'xlsx (exceljs), one sheet 收集结果',
    layout: 'header row 1: five collection columns (提交序号, 提交时间 text yyyy-mm-dd hh:mm:ss, 填写人 the account nickname, 来源, IP) then the questions numbered "1. 人员编号" … "13. 2024年度培训学时"; 年度 as the text 2025; one answer per line; the last line a second submission of an earlier person',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { posting: invert(POSTING), role: invert(ROLE), staffing_type: invert(STAFF) },
    identity: ['officer_id', 'year'], records, value_checks: checks,
  });
}

// ============================================================================================
// 04 处罚案件 — 飞书多维表格 exported as CSV: primary field first, 人员/多选 joined by ",", 关联记录
// ============================================================================================
function file04(matters, roster) {
  const file = '04_行政处罚案件库（飞书多维表格导出）.csv';
  const spec = [
    ['案件编号', 'case_id', { note: 'the primary (index) field' }],
    ['执法主体', 'unit_id', { note: '单选, short name' }],
    ['执法事项', 'matter_code', { note: '单向关联 to the catalogue table: the linked record\'s primary text, the matter\'s name' }],
    ['案件来源', 'source', { note: '单选' }],
    ['适用程序', 'procedure'],
    ['立案日期', 'filed_date', { note: 'yyyy/MM/dd' }],
    ['处罚决定日期', 'decision_date'],
    ['结案日期', 'closed_date'],
    ['当事人类型', 'party_type'],
    ['当事人', 'party_name'],
    ['处罚种类', 'penalty_types', { note: '多选, joined by ","' }],
    ['罚款金额', 'fine_amount'],
    ['重大案件', 'major_case', { note: '复选框 true/false' }],
    ['承办人', 'officer_ids', { note: '人员, names joined by ","' }],
    ['关联检查', null, { note: '双向关联 written as record ids ["recv…"]: no inspection id' }],
    ['附件', null, { note: 'file name (url)' }],
    ['创建人', null],
    ['创建时间', null, { note: 'yyyy/MM/dd HH:mm' }],
    ['最后更新时间', null],
  ];
  const SRC = { 12345: '12345热线', 检查: '日常检查发现', 投诉举报: '群众投诉举报', 移送: '部门移送', 其他: '其他' };
  const PROC = { 简易: '简易程序', 普通: '普通程序' };
  const PT = { 个人: '自然人', 单位: '法人或其他组织' };
  const officersOf = uniqueOfficers(roster);
  const units = ['ZH01', 'ZY01', 'ZY03', 'ZY07', 'HY01'];
  const punish = matters.filter((m) => m.power === '行政处罚' && units.includes(UNIT_BY_SHORT[m.ownerShort]));
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let k = 1; k <= 31; k++) {
    const line = lines.length + 1;
    const m = punish[(k * 13) % punish.length];
    const u = UNIT_BY_SHORT[m.ownerShort];
    const offs = officersOf(u);
    const o1 = offs[k % offs.length];
    const o2 = offs[(k + 3) % offs.length] === o1 ? offs[(k + 4) % offs.length] : offs[(k + 3) % offs.length];
    const sk = pick(['12345', '检查', '检查', '投诉举报', '移送', '其他']);
    const pk = k % 5 === 0 ? '简易' : '普通';
    const party = k % 3 === 0 ? '个人' : '单位';
    const biz = BUSINESSES[(k * 5) % BUSINESSES.length];
    const filed = randDate(1, 10);
    const dec = addDays(filed, pk === '简易' ? 0 : int(12, 60));
    const closed = k % 7 === 4 ? null : addDays(dec, int(3, 20));
    const fine = pick([200, 500, 1000, 2000, 3000, 5000, 10000]);
    const types = k % 4 === 1 ? ['警告', '罚款'] : k % 6 === 2 ? ['罚款', '没收违法所得'] : ['罚款'];
    const major = k % 9 === 0;
    const pre = { ZH01: '嵊综执罚决字', ZY01: '嵊市监处罚', ZY03: '嵊文旅罚决字', ZY07: '嵊应急罚', HY01: '嵊海执罚' }[u];
    let id = `${pre}〔2024〕${k * 2 + 5}号`;
    let filedText = slash(filed);
    let broken = null;
    if (k === 8) { id = ''; broken = '案件编号为空（新建记录未填）/ no case id: no key'; }
    if (k === 23) { id = ids[14]; broken = `案件编号 ${id} 与第 16 行重复 / duplicate key`; }
    if (k === 12) { filedText = '2024/02/30'; broken = '立案日期 2024/02/30 不存在（必填）/ impossible required date'; }
    ids.push(id);
    const created = `${slash(filed)} ${hm(k)}`;
    const updated = `${slash(closed ?? dec)} ${hm(k + 5)}`;
    lines.push([
      id, m.ownerShort, m.name, SRC[sk], PROC[pk], filedText, slash(dec), closed ? slash(closed) : '', PT[party], party === '个人' ? PERSONS[k % 12] : biz.name,
      types.join(','), fine, major ? 'true' : 'false', `${o1.name},${o2.name}`, k % 3 === 1 ? `["recv${b62(10)}"]` : '', k % 2 ? `立案审批表.pdf (https://internal-api-drive-stream.feishu.cn/space/api/box/stream/download/all/${b62(27)}/)` : '',
      o1.name, created, updated,
    ].map(csvq).join(','));
    if (broken) { rejected.push({ line, why: broken }); continue; }
    records.push({ id: [id], enums: { source: SRC[sk], procedure: PROC[pk], party_type: PT[party] } });
    const w = { case_id: id };
    if (k === 1) checks.push({ where: w, field: 'penalty_types', expected: types, why: types.join(',') });
    if (k === 2) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: `${o1.name},${o2.name}` });
    if (k === 3) checks.push({ where: w, field: 'matter_code', expected: m.code, why: m.name });
    if (k === 4) checks.push({ where: w, field: 'filed_date', expected: isoD(filed), why: filedText });
    if (k === 5) checks.push({ where: w, field: 'unit_id', expected: u, why: m.ownerShort });
    if (major && !checks.some((c) => c.field === 'major_case')) checks.push({ where: w, field: 'major_case', expected: true, why: 'true' });
    if (k === 6) checks.push({ where: w, field: 'fine_amount', expected: fine, why: String(fine) });
  }
  writeFileSync(join(DIR, file), '\ufeff' + lines.join('\n') + '\n');
  finish({
    file, table: 'penalty_case', workspace: ['units', 'matters', 'officers'], format: 'csv (UTF-8 with BOM, LF)',
    layout: 'header line 1; the primary field 案件编号 first; 单选 执法主体 short names; 执法事项 a link field shown as the matter\'s name; dates yyyy/MM/dd; 多选 处罚种类 and 人员 承办人 joined by "," inside quotes; 重大案件 true/false; 关联检查 ["recv…"]; 附件 name (url); 创建人 / 创建时间 / 最后更新时间 system columns last',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { source: invert(SRC), procedure: invert(PROC), party_type: invert(PT) },
    identity: ['case_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 05 行政检查 — 钉钉 智能填表 summary export: 提交人 王婷(ZF0001), person fields with 工号, photo URLs
// ============================================================================================
async function file05(roster) {
  const file = '05_日常检查登记（钉钉智能填表汇总导出）.xlsx';
  const spec = [
    ['提交人', null, { accept: ['officer_ids'], note: '王婷(ZF0001): the inspector who filled the form' }],
    ['提交人部门', null, { accept: ['lead_unit_id'], note: 'the submitter\'s department path' }],
    ['提交时间', null, { accept: ['date'] }],
    ['检查编号', 'inspection_id'],
    ['检查日期', 'date', { note: 'date cell' }],
    ['实施单位', 'lead_unit_id', { note: 'full name' }],
    ['参与单位', 'unit_ids', { note: 'multi-select joined by ；' }],
    ['是否综合查一次', 'is_joint'],
    ['检查对象名称', 'subject_name'],
    ['统一社会信用代码', 'subject_id'],
    ['检查类型', 'inspection_type'],
    ['检查人员', 'officer_ids', { note: 'person field 王婷(ZF0001),李晨慧(ZF0003)' }],
    ['是否亮码', 'code_shown'],
    ['是否发现问题', 'problem_found'],
    ['处理结果', 'result'],
    ['现场照片', null, { note: 'URLs joined by ,' }],
  ];
  const TYPE = { 双随机: '双随机抽查', 日常巡查: '日常巡查', 专项: '专项检查', 综合查一次: '综合查一次', 投诉核查: '投诉举报核查' };
  const RES = { 无问题: '未发现问题', 责令整改: '责令限期整改', 立案: '立案查处', 移送: '移送处理' };
  const officersOf = uniqueOfficers(roster);
  const units = ['ZH01', 'ZY01', 'ZY03', 'ZY07', 'ZY08', 'HY01'].filter((u) => officersOf(u).length >= 2);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('汇总数据');
  headerRow(ws, 1, spec);
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  const person = (o) => `${o.name}(${o.id})`;
  for (let k = 1; k <= 30; k++) {
    const r = k + 1;
    const u = units[k % units.length];
    const offs = officersOf(u);
    const o1 = offs[(k * 3) % offs.length];
    const o2 = offs[(k * 3 + 1) % offs.length];
    const joint = k % 6 === 0;
    const tk = joint ? '综合查一次' : pick(['双随机', '日常巡查', '日常巡查', '专项', '投诉核查']);
    const others = joint ? [units[(k + 1) % units.length], units[(k + 2) % units.length]] : [];
    const problem = k % 3 === 0;
    const rk = problem ? pick(['责令整改', '责令整改', '立案', '移送']) : '无问题';
    const biz = BUSINESSES[(k * 7) % BUSINESSES.length];
    const d = randDate(2, 11);
    let id = `JC2024${pad(d[1])}${pad(d[2])}${pad(k * 17, 5)}`;
    let code = biz.code;
    let broken = null;
    if (k === 10) { id = ''; broken = '检查编号为空 / no inspection id: no key'; }
    if (k === 26) { id = ids[2]; broken = `检查编号 ${id} 与第 4 行重复（同一次检查两人各提交一次）/ duplicate key`; }
    if (k === 17) { code = ''; broken = '统一社会信用代码为空（必填的检查对象代码）/ required subject id empty'; }
    ids.push(id);
    const photos = Array.from({ length: 1 + (k % 2) }, () => `https://static.dingtalk.com/media/lQLP${b62(22)}_1080_1440.jpg`).join(',');
    putRow(ws, r, [person(o1), `嵊泗县/${UNITS[u][0]}/执法${['一', '二', '三'][k % 3]}中队`, `${isoD(d)} ${hm(k)}`, id, dateCell(d, 'yyyy-mm-dd'), UNITS[u][0], others.map((x) => UNITS[x][0]).join('；'), joint ? '是' : '否', biz.name, code, TYPE[tk], `${person(o1)},${person(o2)}`, k % 5 ? '是' : '否', problem ? '是' : '否', RES[rk], photos]);
    if (broken) { rejected.push({ line: r, why: broken }); continue; }
    records.push({ id: [id], enums: { inspection_type: TYPE[tk], result: RES[rk] } });
    const w = { inspection_id: id };
    if (k === 1) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: `${person(o1)},${person(o2)}` });
    if (k === 2) checks.push({ where: w, field: 'date', expected: isoD(d), why: 'date cell' });
    if (k === 3) checks.push({ where: w, field: 'lead_unit_id', expected: u, why: UNITS[u][0] });
    if (joint && !checks.some((c) => c.field === 'unit_ids')) checks.push({ where: w, field: 'unit_ids', expected: others, why: others.map((x) => UNITS[x][0]).join('；') });
    if (k === 4) checks.push({ where: w, field: 'subject_id', expected: code, why: '统一社会信用代码' });
  }
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'inspection', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet 汇总数据',
    layout: 'header row 1; three submission columns first (提交人 王婷(ZF0001), 提交人部门 嵊泗县/单位/中队, 提交时间); 检查日期 date cells; 参与单位 full names joined by ；; 检查人员 person field name(工号) joined by ","; 现场照片 static.dingtalk.com URLs',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { inspection_type: invert(TYPE), result: invert(RES) },
    identity: ['inspection_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 06 投诉举报 — 金数据 CSV: answers first, then 提交人 / 提交时间 / 填写设备 / 操作系统 / 浏览器 / 填写地域 / IP
// ============================================================================================
function file06() {
  const file = '06_投诉举报登记表（金数据导出）.csv';
  const spec = [
    ['序号', null],
    ['工单编号', 'complaint_id'],
    ['受理日期', 'received_date', { note: 'yyyy-MM-dd' }],
    ['来源渠道', 'channel'],
    ['所属乡镇', 'township'],
    ['承办单位', 'unit_id', { note: 'full name' }],
    ['问题领域', 'domain'],
    ['是否涉及执法人员行为', 'about_conduct'],
    ['办结时限', 'deadline_date'],
    ['办结日期', 'closed_date'],
    ['群众满意度', 'satisfaction'],
    ['是否存在管辖争议', 'jurisdiction_dispute'],
    ['提交人', null, { note: 'the form account (微信昵称)' }],
    ['提交时间', null, { accept: ['received_date'] }],
    ['填写设备', null],
    ['操作系统', null],
    ['浏览器', null],
    ['填写地域', null, { note: '浙江省舟山市: no township' }],
    ['IP', null],
  ];
  const CH = { 12345: '12345政务服务热线', 投诉举报平台: '浙江省统一投诉举报平台', '110联动': '110社会联动', 基层治理四平台: '基层治理四平台', 执法监督热线: '行政执法监督电话' };
  const SAT = { 满意: '满意', 基本满意: '基本满意', 不满意: '不满意', 未评价: '未回访' };
  const DOM = [['城市管理', 'ZH01'], ['市场监管', 'ZY01'], ['文化旅游', 'ZY03'], ['交通运输', 'ZY04'], ['安全生产', 'ZY07'], ['卫生健康', 'ZY08'], ['海洋渔业', 'HY01']];
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let k = 1; k <= 32; k++) {
    const line = lines.length + 1;
    const [dom, u] = DOM[k % DOM.length];
    const chk = pick(['12345', '12345', '12345', '投诉举报平台', '110联动', '基层治理四平台', '执法监督热线']);
    const satk = pick(['满意', '满意', '基本满意', '不满意', '未评价']);
    const town = Object.values(TOWN_OF)[k % 7];
    const d = randDate(6, 12);
    const due = addDays(d, 10);
    const closed = k % 7 === 3 ? null : addDays(d, int(1, 12));
    let id = `TS2024${pad(k * 29, 5)}`;
    let rec = isoD(d);
    let broken = null;
    if (k === 5) { id = ''; broken = '工单编号为空 / no ticket id: no key'; }
    if (k === 27) { id = ids[10]; broken = `工单编号 ${id} 与第 12 行重复（同一工单再次登记）/ duplicate key`; }
    if (k === 19) { rec = '2024-09-31'; broken = '受理日期 2024-09-31 不存在（必填）/ impossible required date'; }
    ids.push(id);
    const device = k % 4 ? '手机' : '电脑';
    lines.push([k, id, rec, CH[chk], town, UNITS[u][0], dom, k % 8 === 2 ? '是' : '否', isoD(due), closed ? isoD(closed) : '', closed ? SAT[satk] : '', k % 10 === 7 ? '是' : '否',
      pick(['嵊泗执法-小王', '海岛晨光', 'sszf_li', '司法所周洁']), `${isoD(d)} ${hms(k)}`, device, device === '手机' ? pick(['iOS', 'Android']) : 'Windows', device === '手机' ? '微信' : 'Chrome', '浙江省舟山市', `60.190.${int(1, 254)}.${int(1, 254)}`].map(csvq).join(','));
    if (broken) { rejected.push({ line, why: broken }); continue; }
    records.push({ id: [id], enums: { channel: CH[chk], ...(closed ? { satisfaction: SAT[satk] } : {}) } });
    const w = { complaint_id: id };
    if (k === 1) checks.push({ where: w, field: 'received_date', expected: isoD(d), why: rec });
    if (k === 2) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (k === 3) checks.push({ where: w, field: 'closed_date', expected: null, why: 'empty: not closed' });
    if (k === 4) checks.push({ where: w, field: 'deadline_date', expected: isoD(due), why: isoD(due) });
    if (k === 6) checks.push({ where: w, field: 'township', expected: town, why: '所属乡镇 (not 填写地域)' });
  }
  writeFileSync(join(DIR, file), '\ufeff' + lines.join('\r\n') + '\r\n');
  finish({
    file, table: 'complaint', workspace: ['units', 'matters', 'officers'], format: 'csv (UTF-8 with BOM, CRLF)',
    layout: 'header line 1: 序号, the form\'s fields, then the collection columns 提交人 (account nickname), 提交时间, 填写设备, 操作系统, 浏览器, 填写地域, IP last; dates yyyy-MM-dd; 满意度 未回访 for not rated',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { channel: invert(CH), satisfaction: invert(SAT) },
    identity: ['complaint_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 07 复议诉讼 — 浙政钉 OA 审批 export: 审批编号 … 审批记录 (13 system columns), then the form's fields
// ============================================================================================
async function file07() {
  const file = '07_行政复议应诉案件报备（浙政钉审批导出）.xlsx';
  const spec = [
    ['审批编号', null, { note: '202403051021000123: the approval\'s number, not the case\'s' }],
    ['标题', null],
    ['审批状态', null, { note: '已结束 / 审批中' }],
    ['审批结果', null, { note: '同意 / 拒绝 / empty' }],
    ['发起时间', null],
    ['完成时间', null],
    ['发起人工号', null],
    ['发起人姓名', null],
    ['发起人部门', null, { accept: ['unit_id'] }],
    ['历史审批人姓名', null],
    ['审批记录', null, { note: 'several lines' }],
    ['当前处理人姓名', null],
    ['审批耗时', null],
    ['案件类别', 'kind', { note: '行政复议 / 行政诉讼' }],
    ['案号', 'id'],
    ['被申请人（被告）', 'unit_id', { note: 'full name' }],
    ['原行政行为文书号', 'case_id'],
    ['收案日期', 'filed_date'],
    ['结案日期', 'decided_date'],
    ['审理结果', 'outcome'],
    ['是否开庭', 'hearing_held'],
    ['负责人出庭应诉', 'head_appeared'],
    ['出庭负责人', null, { note: 'person 张某明(0123)' }],
    ['附件', null, { note: 'URL' }],
  ];
  const KIND = { 复议: '行政复议', 诉讼: '行政诉讼' };
  const OUT = { 维持: '维持', 驳回: '驳回复议申请', 撤销: '撤销', 变更: '变更', 确认违法: '确认违法', 调解撤回: '申请人撤回申请', 败诉: '败诉', 胜诉: '胜诉' };
  const ulist = ['ZH01', 'ZY01', 'ZY03', 'ZY04', 'ZY07', 'HY01', 'XZ01'];
  const CLERKS = [['周洁', '0107'], ['陈珍松', '0112'], ['吴根', '0125']];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('行政复议应诉案件报备');
  headerRow(ws, 1, spec);
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let k = 1; k <= 28; k++) {
    const r = k + 1;
    const u = ulist[k % ulist.length];
    const lit = k % 3 === 0;
    const ok = lit ? pick(['胜诉', '胜诉', '败诉', '调解撤回']) : pick(['维持', '维持', '驳回', '撤销', '确认违法', '变更', '调解撤回']);
    const outText = lit && ok === '调解撤回' ? '原告撤诉' : OUT[ok];
    const f = randDate(1, 9);
    const dd = addDays(f, int(30, 90));
    let id = lit ? `（2024）浙0922行初${k}号` : `嵊政复〔2024〕${k}号`;
    let unitName = UNITS[u][0];
    let broken = null;
    if (k === 7) { id = ''; broken = '案号为空（尚未立案编号）/ no id: no key'; }
    if (k === 20) { id = ids[10]; broken = `案号 ${id} 与第 12 行重复（重新发起的报备）/ duplicate key`; }
    if (k === 14) { unitName = ''; broken = '被申请人（被告）为空（必填）/ required unit empty'; }
    ids.push(id);
    const [cname, cno] = CLERKS[k % 3];
    const start = addDays(f, 1);
    const done = k % 9 === 5 ? null : addDays(start, int(0, 3));
    const hearing = lit ? '是' : pick(['是', '否']);
    const head = lit ? pick(['是', '否']) : '';
    const approvalNo = `2024${pad(start[1])}${pad(start[2])}${pad(8 + (k % 9))}${pad((k * 7) % 60)}000${pad(k * 37, 5)}`;
    const record = [`${cname}(${cno}) 发起审批 ${isoD(start)} ${hm(k)}`, ...(done ? [`李晨慧(0003) 已同意 ${isoD(done)} ${hm(k + 4)}`] : [])].join('\n');
    const head1 = PERSONS[(k + 5) % 12];
    putRow(ws, r, [
      approvalNo, `${cname}提交的行政复议应诉案件报备`, done ? '已结束' : '审批中', done ? '同意' : '', `${isoD(start)} ${hms(k)}`, done ? `${isoD(done)} ${hms(k + 4)}` : '', cno, cname, UNITS[u][1], done ? '李晨慧' : '', record, done ? '' : '李晨慧', done ? `${int(1, 70)}小时${int(0, 59)}分钟` : '',
      KIND[lit ? '诉讼' : '复议'], id, unitName, `嵊综执罚决字〔2023〕${k * 4}号`, isoD(f), isoD(dd), outText, hearing, head, head === '是' ? `${head1}(0${100 + k})` : '', `https://down.dingtalk.com/file/${hex(16)}/${lit ? '起诉状' : '复议申请书'}.pdf`,
    ]);
    if (broken) { rejected.push({ line: r, why: broken }); continue; }
    records.push({ id: [id], enums: { kind: KIND[lit ? '诉讼' : '复议'], outcome: outText } });
    const w = { id };
    if (k === 1) checks.push({ where: w, field: 'filed_date', expected: isoD(f), why: isoD(f) });
    if (k === 2) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (k === 3) checks.push({ where: w, field: 'case_id', expected: `嵊综执罚决字〔2023〕${k * 4}号`, why: '原行政行为文书号 (not 审批编号)' });
    if (k === 4) checks.push({ where: w, field: 'hearing_held', expected: hearing === '是', why: hearing });
    if (k === 5) checks.push({ where: w, field: 'head_appeared', expected: null, why: 'empty for a 复议' });
  }
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'review_litigation', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet named after the form',
    layout: 'header row 1: the 13 system columns of an approval export (审批编号 a long number as text, 标题, 审批状态, 审批结果, 发起时间, 完成时间, 发起人工号, 发起人姓名, 发起人部门 short name, 历史审批人姓名, 审批记录 several lines, 当前处理人姓名, 审批耗时) then the form\'s fields; dates yyyy-MM-dd text; 出庭负责人 name(工号); 附件 URL',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { kind: invert(KIND), outcome: { ...invert(OUT), 原告撤诉: '调解撤回' } },
    identity: ['id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 08 监督发现问题 — a 腾讯文档 sheet exported as CSV: its title line kept, @mentions, 复选框 TRUE/FALSE
// ============================================================================================
function file08() {
  const file = '08_执法监督问题整改跟踪表（腾讯文档导出CSV）.csv';
  const spec = [
    ['问题编号', 'finding_id'],
    ['问题来源', 'source', { note: '下拉' }],
    ['被监督单位', 'unit_id', { note: 'full name' }],
    ['关联案号', 'case_id'],
    ['评查得分', 'casefile_score'],
    ['评查等次', 'casefile_grade'],
    ['发现日期', 'found_date', { note: 'yyyy/M/d' }],
    ['整改期限', 'due_date'],
    ['整改完成日期', 'rectified_date'],
    ['问题等级', 'severity'],
    ['问题描述', 'description'],
    ['整改责任人', null, { note: '@mention' }],
    ['已销号', null, { note: '复选框 TRUE/FALSE: no field' }],
  ];
  const SRC = { 执法监督: '执法监督检查', 案卷评查: '案卷评查', 检察建议: '检察建议', 纪委监委: '纪委监委移送', 特邀监督: '特邀监督员反映', 人大: '人大监督' };
  const SEV = { 一般: '一般', 较重: '较重', 严重: '严重' };
  const ulist = ['ZH01', 'ZY01', 'ZY03', 'ZY04', 'ZY07', 'ZY08', 'HY01', 'XZ01', 'XZ03'];
  const DESC = ['执法文书送达回证缺失', '行政处罚决定书未载明履行方式', '现场检查笔录未记录检查时间', '案件超期未结且无延期审批', '法制审核意见未附卷', '执法记录仪视频未归档'];
  const W = spec.length;
  const lines = [['执法监督发现问题整改跟踪（2024年度，县司法局维护）', ...Array(W - 1).fill('')].map(csvq).join(','), spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let k = 1; k <= 30; k++) {
    const line = lines.length + 1;
    const u = ulist[k % ulist.length];
    const sk = k % 3 === 0 ? '案卷评查' : pick(['执法监督', '执法监督', '检察建议', '纪委监委', '特邀监督', '人大']);
    const sev = pick(['一般', '一般', '较重', '严重']);
    const f = randDate(2, 10);
    const due = addDays(f, 30);
    const done = k % 4 === 2 ? null : addDays(f, int(5, 28));
    const score = sk === '案卷评查' ? int(60, 97) : null;
    const grade = score === null ? '' : score >= 90 ? '优秀' : score >= 70 ? '合格' : '不合格';
    let id = `WT-2024-${pad(k * 2 + 1, 3)}`;
    let found = slashNoPad(f);
    let broken = null;
    if (k === 9) { id = ''; broken = '问题编号为空 / no finding id: no key'; }
    if (k === 22) { id = ids[5]; broken = `问题编号 ${id} 与第 8 行重复 / duplicate key`; }
    if (k === 15) { found = '2024/2/30'; broken = '发现日期 2024/2/30 不存在（必填）/ impossible required date'; }
    ids.push(id);
    lines.push([id, SRC[sk], UNITS[u][0], sk === '案卷评查' ? `嵊综执罚决字〔2024〕${k + 40}号` : '', score ?? '', grade, found, slashNoPad(due), done ? slashNoPad(done) : '', SEV[sev], DESC[k % DESC.length], `@${pick(['王婷', '李晨慧', '周洁', '吴根'])}`, done ? 'TRUE' : 'FALSE'].map(csvq).join(','));
    if (broken) { rejected.push({ line, why: broken }); continue; }
    records.push({ id: [id], enums: { source: SRC[sk], severity: SEV[sev], ...(grade ? { casefile_grade: grade } : {}) } });
    const w = { finding_id: id };
    if (score !== null && !checks.some((c) => c.field === 'casefile_score')) checks.push({ where: w, field: 'casefile_score', expected: score, why: String(score) });
    if (k === 1) checks.push({ where: w, field: 'found_date', expected: isoD(f), why: found });
    if (k === 2) checks.push({ where: w, field: 'rectified_date', expected: null, why: 'empty (TRUE/FALSE 已销号 is no date)' });
    if (k === 4) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
  }
  writeFileSync(join(DIR, file), '\ufeff' + lines.join('\r\n') + '\r\n');
  finish({
    file, table: 'supervision_finding', workspace: ['units', 'matters', 'officers'], format: 'csv (UTF-8 with BOM, CRLF)',
    layout: 'line 1 the sheet\'s title padded with commas, header line 2, records from line 3; dates yyyy/M/d; 整改责任人 @mentions; 已销号 a 复选框 written TRUE/FALSE',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: 1, why: 'title line' }],
    enums: { source: invert(SRC), severity: invert(SEV), casefile_grade: { 优秀: '优秀', 合格: '合格', 不合格: '不合格' } },
    identity: ['finding_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 09 制度机制清单 — 腾讯收集表 export: 编号, 提交者, 提交时间, then "1.单位名称" …, files as URLs
// ============================================================================================
async function file09() {
  const file = '09_制度机制落实情况收集（腾讯收集表导出）.xlsx';
  const spec = [
    ['编号', null],
    ['提交者', null, { note: 'the QQ/WeChat nickname of who submitted' }],
    ['提交时间', null, { accept: ['done_date'] }],
    ['1.单位名称', 'unit_id', { note: 'full name' }],
    ['2.年度', 'year'],
    ['3.制度编码', 'item_code'],
    ['4.制度名称', 'item_name'],
    ['5.是否已落实', 'done', { note: '已落实 / 未落实' }],
    ['6.落实日期', 'done_date', { note: 'yyyy-MM-dd' }],
    ['7.佐证材料说明', 'evidence'],
    ['8.上传佐证文件', null, { note: 'file URL' }],
  ];
  const ITEMS = [['TS_PUBLICITY', '行政执法公示制度'], ['TS_RECORDING', '执法全过程记录制度'], ['TS_LEGAL_REVIEW', '重大执法决定法制审核制度']];
  const ulist = ['ZH01', 'ZY01', 'ZY03', 'ZY04', 'ZY07', 'ZY08', 'HY01', 'XZ01', 'XZ02', 'XZ03'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Sheet1');
  headerRow(ws, 1, spec);
  const rejected = [];
  const records = [];
  const checks = [];
  const rows = [];
  ulist.forEach((u) => ITEMS.forEach((it) => rows.push([u, it])));
  rows.splice(17, 0, ['DUP', null]);
  rows.forEach(([u0, it0], k) => {
    const r = k + 2;
    const [u, it] = u0 === 'DUP' ? rows[4] : [u0, it0];
    const done = (k * 7) % 10 !== 3;
    const dd = done ? randDate(1, 11) : null;
    let code = it[0];
    let doneText = done ? '已落实' : '未落实';
    let broken = null;
    if (k === 11) { code = ''; broken = '制度编码为空 / no item code: no key'; }
    if (u0 === 'DUP') broken = `${UNITS[u][1]} 2024 ${it[0]} 与第 6 行重复（同一单位重复提交）/ duplicate key`;
    if (k === 24) { doneText = ''; broken = '是否已落实为空（必填）/ required done empty'; }
    putRow(ws, r, [k + 1, `${UNITS[u][1]}-${pick(['小周', '李晨慧', '法制科', 'ss_zf'])}`, `2024-12-${pad(2 + (k % 20))} ${hms(k)}`, UNITS[u][0], 2024, code, it[1], doneText, dd ? isoD(dd) : '', done ? `${UNITS[u][1]}${it[1]}（2024年印发）` : '', done ? `https://docs.qq.com/form/file/${b62(16)}.pdf` : '']);
    if (broken) { rejected.push({ line: r, why: broken }); return; }
    records.push({ id: [u, 2024, code], enums: {} });
    const w = { unit_id: u, year: 2024, item_code: code };
    if (k === 0) checks.push({ where: w, field: 'done', expected: done, why: doneText });
    if (!done && !checks.some((c) => c.field === 'done' && c.expected === false)) checks.push({ where: w, field: 'done', expected: false, why: '未落实' });
    if (k === 1 && dd) checks.push({ where: w, field: 'done_date', expected: isoD(dd), why: isoD(dd) });
    if (k === 2) checks.push({ where: w, field: 'item_name', expected: it[1], why: '4.制度名称' });
  });
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'institution_checklist', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet Sheet1',
    layout: 'header row 1: 编号, 提交者 (nickname), 提交时间, then the questions "1.单位名称" … "8.上传佐证文件" (number and dot, no space); one unit × institution per line; 年度 a number cell; 是否已落实 已落实/未落实; the uploaded file as a docs.qq.com URL',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {}, identity: ['unit_id', 'year', 'item_code'], records, value_checks: checks,
  });
}

// ---------------------------------------------------------------- run
const roster = await readRoster();
const matters = await readMatters();
await file01();
await file02(matters);
await file03(roster);
file04(matters, roster);
await file05(roster);
file06();
await file07();
file08();
await file09();
writeFileSync(join(DIR, '_answer.json'), JSON.stringify(answer, null, 2) + '\n');
console.log(answer.files.map((f) => `${f.file}: ${f.rows_loaded} loaded, ${f.rejected.length} broken, ${f.footer_lines.length} no record`).join('\n'));

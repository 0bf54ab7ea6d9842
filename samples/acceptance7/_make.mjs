// Writes the seventh acceptance set (samples/acceptance7) and its answer key _answer.json.
// Run: node samples/acceptance7/_make.mjs
//
// Nine exports imitating county systems, web APIs, questionnaires and report tools with layouts the
// earlier sets did not have (see README.md): a paged API answer with snake_case English keys, numbers as
// strings, aliases as a JSON array and dates as epoch SECONDS (0 for none); a Java "导出Excel" that is
// GBK tab-separated text under an .xls name, with code legends in the headers ((1是 2否)); a bilingual
// catalogue whose second header row is the English translation of the first, bilingual values
// (行政处罚 Administrative Penalty, 是 Yes) and fines as numbers shown with a 元 number format; a 12345
// ticket list with 子工单 suffixes and dates as 8-digit NUMBER cells (20241105); a task list whose
// headers are "English/中文" in one cell; a 统计报表 (表号, 栏次 row 甲 乙 丙 丁 1 2 3, 单位负责人 line);
// a 问卷星 (wjx.cn) export with numbered question headers, (跳过)/(空) and 〖〗; a FineReport grouped
// report with the unit shown only on each group's first row (repeats suppressed, not merged), 小计 and
// 总计 rows; a 公共数据平台 interface answer whose records are a JSON STRING inside the JSON.
// The answer key is declared here by hand and never computed by the importer under test.
// Deterministic: the same rows every run, byte-identical files.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { acceptanceKit } from '../acceptance-kit.mjs';

const DIR = dirname(fileURLToPath(import.meta.url));
const { TMP, pick, int, pad, iso, addDays, randDate, isoD, uscc, zhDate, fullWidth, UNITS, TOWN_OF, COUNTY_SHORT, readRoster, readMatters, BUSINESSES, answer, columnsOf, newWorkbook, saveWorkbook, setRow, dateCell } = acceptanceKit({ set: 'acceptance7', dir: DIR, seed: 20250115, stamp: Date.UTC(2025, 0, 15, 2, 0) });

// ---------------------------------------------------------------- set 7 helpers
const dotted1 = ([y, m, d]) => `${y}.${m}.${d}`;
const slash = ([y, m, d]) => `${y}/${m}/${d}`;
const ymd = ([y, m, d]) => `${y}${pad(m)}${pad(d)}`;
const ymdNum = (d) => Number(ymd(d));
/** Seconds since 1970 of Beijing midnight of a day (what a PHP/Go system stores in an int column). */
const epochSec = ([y, m, d]) => Date.UTC(y, m - 1, d) / 1000 - 8 * 3600;
const fromDate = (d) => (d instanceof Date ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] : null);
function uniqueOfficers(roster) {
  const count = {};
  for (const o of roster) count[o.name] = (count[o.name] ?? 0) + 1;
  return (unit) => roster.filter((o) => o.unit === unit && o.cert && count[o.name] === 1);
}
const PERSONS = ['张某明', '李某芳', '王某强', '陈某', '刘某华', '周某军', '吴某丽', '孙某', '郑某平', '徐某'];

// ============================================================================================
// 01 执法单位 — a paged list API answer (PageHelper-like), snake_case English keys, epoch seconds
// ============================================================================================
function file01() {
  const file = '01_执法主体列表_org-list接口返回（第1页）.json';
  const spec = [
    ['id', null, { note: 'snowflake row id (string)' }],
    ['org_code', 'unit_id'],
    ['org_name', 'name'],
    ['abbr', 'short_name'],
    ['other_names', 'aliases', { note: 'a JSON array of strings' }],
    ['subject_type', 'unit_type'],
    ['law_field', 'domain'],
    ['admin_level', 'level', { note: '区县级 / 乡镇街道级' }],
    ['street_name', 'township'],
    ['enforce_mode', 'mode'],
    ['hub_org_code', 'hub_unit_id', { note: 'the hub by its code' }],
    ['setup_time', 'established_date', { note: 'epoch SECONDS of Beijing midnight (an int column), e.g. 1552579200' }],
    ['revoke_time', 'abolished_date', { note: 'epoch seconds; 0 = not abolished' }],
    ['staff_num', null, { note: 'string "86"' }],
    ['sort_no', null],
    ['is_show', null, { note: '"1"' }],
    ['update_time', null, { note: '"2025-01-14 16:02:11" (row update time)' }],
    ['del_flag', null],
  ];
  const TYPE = { 综合: '综合行政执法机关', 专业: '部门专业执法机构', 海洋: '海洋行政执法机构', 乡镇: '乡镇人民政府（街道办事处）' };
  const LEVEL = { 县: '区县级', 乡镇: '乡镇街道级' };
  const MODE = { 县级: '县级直接执法', 派驻: '派驻执法', 赋权: '赋权乡镇执法', 片区兼管: '“1+X”片区兼管' };
  const INFO = {
    ZH01: ['综合', '综合行政执法', '县', '', '县级', '', [2019, 3, 15], null, 86, ['县综合执法局', '县综合行政执法局']],
    ZY01: ['专业', '市场监管', '县', '', '县级', '', [2019, 1, 20], null, 64, ['县市场监管局']],
    ZY02: ['专业', '生态环境', '县', '', '县级', '', [2019, 4, 1], null, 18, ['嵊泗生态环境分局']],
    ZY03: ['专业', '文广旅体', '县', '', '县级', '', [2019, 2, 26], null, 22, ['县文广旅体局']],
    ZY04: ['专业', '交通运输', '县', '', '县级', '', [2019, 2, 26], null, 25, ['县交通运输局']],
    ZY05: ['专业', '农业农村', '县', '', '县级', '', [2019, 2, 26], null, 16, []],
    ZY06: ['专业', '资源规划', '县', '', '县级', '', [2019, 2, 26], null, 20, ['县资规局', '自然资源规划局']],
    ZY07: ['专业', '应急管理', '县', '', '县级', '', [2019, 2, 26], null, 15, ['县应急管理局']],
    ZY08: ['专业', '卫生健康', '县', '', '县级', '', [2019, 2, 26], null, 19, ['县卫健局']],
    ZY09: ['专业', '水利', '县', '', '县级', '', [2016, 7, 1], [2023, 3, 31], 0, ['县水利执法队']],
    HY01: ['海洋', '海洋渔业', '县', '', '县级', '', [2019, 9, 1], null, 38, ['县海洋执法队', '海洋综合执法大队']],
    XZ01: ['乡镇', '乡镇综合执法', '乡镇', '菜园镇', '派驻', '', [2021, 7, 1], null, 12, ['菜园中队']],
    XZ02: ['乡镇', '乡镇综合执法', '乡镇', '嵊山镇', '派驻', '', [2021, 7, 1], null, 10, ['嵊山中队', '马鞍列岛片区执法队']],
    XZ03: ['乡镇', '乡镇综合执法', '乡镇', '洋山镇', '赋权', '', [2021, 7, 1], null, 8, ['洋山镇综合行政执法队']],
    XZ04: ['乡镇', '乡镇综合执法', '乡镇', '五龙乡', '派驻', '', [2021, 7, 1], null, 5, ['五龙中队']],
    XZ05: ['乡镇', '乡镇综合执法', '乡镇', '黄龙乡', '派驻', '', [2021, 7, 1], null, 5, ['黄龙中队']],
    XZ06: ['乡镇', '乡镇综合执法', '乡镇', '枸杞乡', '片区兼管', 'XZ02', [2021, 7, 1], null, 3, ['枸杞执法点']],
    XZ07: ['乡镇', '乡镇综合执法', '乡镇', '花鸟乡', '片区兼管', 'XZ02', [2021, 7, 1], null, 2, ['花鸟执法点']],
  };
  const order = ['ZH01', 'ZY01', 'ZY02', 'ZY03', 'ZY04', 'ZY05', 'ZY06', 'ZY07', 'NEW', 'ZY08', 'ZY09', 'HY01', 'XZ01', 'XZ02', 'XZ03', 'XZ04', 'XZ05', 'XZ06', 'XZ07', 'DUP'];
  const list = [];
  const rejected = [];
  const records = [];
  const checks = [];
  let n = 0;
  for (const key of order) {
    n += 1;
    const rowId = String(1738290000000000000n + BigInt(n * 7919));
    if (key === 'NEW') {
      list.push({ id: rowId, org_code: '', org_name: '嵊泗县马鞍列岛片区综合行政执法队（筹）', abbr: '马鞍列岛片区', other_names: [], subject_type: TYPE['乡镇'], law_field: '乡镇综合执法', admin_level: LEVEL['乡镇'], street_name: '嵊山镇', enforce_mode: MODE['片区兼管'], hub_org_code: '', setup_time: 0, revoke_time: 0, staff_num: '0', sort_no: String(n), is_show: '0', update_time: '2025-01-14 16:02:11', del_flag: '0' });
      rejected.push({ line: n, why: 'org_code 为空字符串（筹建中的片区队伍，尚未赋码）/ no unit id: no key' });
      continue;
    }
    const id = key === 'DUP' ? 'XZ03' : key;
    const [type, domain, level, town, mode, hub, est, abol, staff, aliases] = INFO[id];
    list.push({
      id: rowId, org_code: id, org_name: UNITS[id][0], abbr: UNITS[id][1], other_names: aliases, subject_type: TYPE[type], law_field: domain, admin_level: LEVEL[level], street_name: town || null,
      enforce_mode: MODE[mode], hub_org_code: hub || null, setup_time: epochSec(est), revoke_time: abol ? epochSec(abol) : 0, staff_num: String(staff), sort_no: String(n), is_show: abol ? '0' : '1',
      update_time: `2025-01-${key === 'DUP' ? 14 : 13} ${pad(9 + (n % 8))}:${pad((n * 7) % 60)}:${pad((n * 13) % 60)}`, del_flag: '0',
    });
    // (after set 14's fix: with an update-time column the newest version of a key loads — the
    // second XZ03, whose update_time is a day later; the first, record 15, is rejected instead)
    if (key === 'XZ03') {
      rejected.push({ line: n, why: 'org_code XZ03 与第 20 条重复（接口同步时同一主体返回两次）；第 20 条的 update_time 较新，导入第 20 条 / duplicate key (record 20, updated later, loads)' });
      continue;
    }
    records.push({ id: [id], enums: { unit_type: TYPE[type], level: LEVEL[level], mode: MODE[mode] } });
    const w = { unit_id: id };
    if (['ZH01', 'ZY02', 'XZ01'].includes(id)) checks.push({ where: w, field: 'established_date', expected: isoD(est), why: `setup_time ${epochSec(est)} (epoch seconds, Beijing midnight; 16:00 UTC the day before)` });
    if (id === 'ZY09') checks.push({ where: w, field: 'abolished_date', expected: isoD(abol), why: `revoke_time ${epochSec(abol)}` });
    if (id === 'ZH01') checks.push({ where: w, field: 'abolished_date', expected: null, why: 'revoke_time 0 means not abolished (not 1970-01-01)' });
    if (id === 'XZ07') checks.push({ where: w, field: 'hub_unit_id', expected: 'XZ02', why: 'hub_org_code XZ02' });
    if (id === 'HY01' || id === 'XZ02') checks.push({ where: w, field: 'aliases', expected: aliases, why: `other_names ${JSON.stringify(aliases)} (a JSON array)` });
    if (id === 'XZ05') checks.push({ where: w, field: 'township', expected: '黄龙乡', why: 'street_name' });
    if (id === 'ZY06') checks.push({ where: w, field: 'short_name', expected: '资规局', why: 'abbr' });
    if (id === 'ZY07') checks.push({ where: w, field: 'domain', expected: '应急管理', why: 'law_field' });
  }
  const body = { code: '0000', message: '操作成功', success: true, data: { pageInfo: { pageNum: '1', pageSize: '50', total: String(list.length), pages: '1', hasNextPage: false }, list }, traceId: '6f1c2a9e4b7d4e0f', timestamp: 1736928131000 };
  writeFileSync(join(DIR, file), JSON.stringify(body, null, 2) + '\n');
  answer.files.push({
    file, table: 'unit', workspace: [], format: 'json',
    layout: 'one JSON object {code, message, success, data:{pageInfo:{pageNum,pageSize,total,pages,hasNextPage}, list:[…]}, traceId, timestamp}; records under data.list (record place = line); snake_case English keys; numbers as strings; other_names a JSON array; setup_time/revoke_time epoch seconds (0 = none)',
    header_rows: [], first_data_row: 1, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {
      unit_type: Object.fromEntries(Object.entries(TYPE).map(([k, v]) => [v, k])),
      level: { 区县级: '县', 乡镇街道级: '乡镇' },
      mode: { 县级直接执法: '县级', 派驻执法: '派驻', 赋权乡镇执法: '赋权', '“1+X”片区兼管': '片区兼管' },
    },
    identity: ['unit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 02 执法人员 — a Java "导出Excel" that writes GBK tab-separated text under an .xls name
// ============================================================================================
function file02(roster) {
  const file = '02_执法人员信息导出_执法证件管理系统.xls';
  const spec = [
    ['序号', null],
    ['人员编码', 'officer_id'],
    ['姓名', 'name'],
    ['性别', null],
    ['公民身份号码', 'id_number'],
    ['手机号码', 'phone'],
    ['所在单位', 'unit_id'],
    ['人员层级(1:县级 2:乡镇)', 'posting', { note: 'codes 1/2, legend in the header' }],
    ['下沉乡镇', 'township'],
    ['岗位类型', 'role'],
    ['专职法制审核(1:是 2:否)', 'fulltime_reviewer', { note: '1/2 — 2 is 否' }],
    ['编制类别', 'staffing_type'],
    ['执法证件号', 'cert_no'],
    ['发证日期', 'cert_valid_from', { note: '20210101 (8 digits, text)' }],
    ['有效截止日期', 'cert_valid_to'],
    ['法律职业资格(1:是 2:否)', 'legal_qualification'],
    ['本年度培训学时', 'training_hours'],
    ['年审年度', 'year'],
    ['证件状态', null, { note: '有效 / 暂扣 / 注销' }],
  ];
  const ROLE = { 执法: '执法岗', 法制审核: '法制审核岗', 管理: '管理岗', 其他: '其他岗位' };
  const STAFF = { 行政编: '行政', 参公: '参公', 事业编: '事业', 编外: '聘用' };
  const picked = roster.filter((o, i) => i % 8 === 5).slice(0, 40);
  const lines = [spec.map((s) => s[0]).join('\t')];
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [];
  const ids = [];
  for (let n = 1; n <= picked.length; n++) {
    const o = picked[n - 1];
    let id = o.id;
    let unit = n % 5 === 2 && COUNTY_SHORT[o.unit] ? COUNTY_SHORT[o.unit] : UNITS[o.unit][0];
    let broken = null;
    if (n === 11) {
      id = '';
      broken = '人员编码为空（新调入人员未赋码）/ no officer id: no key';
    }
    if (n === 26) {
      id = ids[7];
      broken = `人员编码 ${id} 与第 9 行重复（同一人员两条记录）/ duplicate key (officer, year)`;
    }
    if (n === 33) {
      unit = '';
      broken = '所在单位为空（必填）/ required unit empty';
    }
    ids.push(id);
    const posting = o.posting === '机关' ? '1' : '2';
    const from = fromDate(o.from);
    const to = fromDate(o.to);
    const hours = Number(o.hours).toFixed(1);
    lines.push([n, id, o.name, Number(o.idNo.slice(16, 17)) % 2 ? '男' : '女', o.idNo, o.phone, unit, posting, o.town, ROLE[o.role], o.fulltime === '是' ? '1' : '2', STAFF[o.staffing], o.cert, from ? ymd(from) : '', to ? ymd(to) : '', o.lq === '是' ? '1' : '2', hours, '2024', o.cert ? '有效' : ''].join('\t'));
    const line = lines.length;
    if (broken) {
      rejected.push({ line, why: broken });
      continue;
    }
    records.push({ id: [id, 2024], enums: { posting, role: ROLE[o.role], staffing_type: STAFF[o.staffing] } });
    const w = { officer_id: id, year: 2024 };
    if (n === 1) checks.push({ where: w, field: 'unit_id', expected: o.unit, why: `所在单位 ${unit}` });
    if (n === 2) checks.push({ where: w, field: 'unit_id', expected: o.unit, why: `所在单位 ${unit}` });
    if (n === 1 && from) checks.push({ where: w, field: 'cert_valid_from', expected: isoD(from), why: ymd(from) });
    if (n === 3 && to) checks.push({ where: w, field: 'cert_valid_to', expected: isoD(to), why: ymd(to) });
    if (n === 4) checks.push({ where: w, field: 'training_hours', expected: Number(hours), why: hours });
    if (n === 5) checks.push({ where: w, field: 'id_number', expected: o.idNo, why: '公民身份号码' });
    if (n === 6) checks.push({ where: w, field: 'phone', expected: o.phone, why: '手机号码' });
    if (o.town && !checks.some((c) => c.field === 'township')) checks.push({ where: w, field: 'township', expected: o.town, why: '下沉乡镇' });
    if (o.fulltime === '是' && !checks.some((c) => c.field === 'fulltime_reviewer' && c.expected === true)) checks.push({ where: w, field: 'fulltime_reviewer', expected: true, why: '1 (legend 1:是)' });
    if (o.fulltime !== '是' && !checks.some((c) => c.field === 'fulltime_reviewer' && c.expected === false)) checks.push({ where: w, field: 'fulltime_reviewer', expected: false, why: '2 (legend 2:否) — not a truthy number' });
    if (o.lq !== '是' && !checks.some((c) => c.field === 'legal_qualification' && c.expected === false)) checks.push({ where: w, field: 'legal_qualification', expected: false, why: '2 (legend 2:否)' });
    if (o.lq === '是' && !checks.some((c) => c.field === 'legal_qualification' && c.expected === true)) checks.push({ where: w, field: 'legal_qualification', expected: true, why: '1 (legend 1:是)' });
  }
  lines.push(`共${picked.length}条记录\t导出人：sfj_admin\t导出时间：2025-01-14 09:12:33`);
  footer.push({ line: lines.length, why: '共N条记录 / 导出人 line at the end' });
  writeFileSync(join(DIR, file), iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));
  const roles = Object.fromEntries(Object.entries(ROLE).map(([k, v]) => [v, k]));
  const staffing = Object.fromEntries(Object.entries(STAFF).map(([k, v]) => [v, k]));
  answer.files.push({
    file, table: 'officer', workspace: ['units', 'matters'], format: 'xls name, GBK tab-separated text, CRLF',
    layout: 'no workbook: GBK text, tab between cells, no quoting, CRLF, under an .xls name (a Java exporter that sets the Excel content type and writes text); header line 1, data from line 2; a 共N条记录/导出人 line at the end',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: { posting: { 1: '县级', 2: '乡镇' }, role: roles, staffing_type: staffing },
    identity: ['officer_id', 'year'], records, value_checks: checks,
  });
}

// ============================================================================================
// 03 事项目录 — a bilingual catalogue: a Chinese header row and its English translation row
// ============================================================================================
async function file03(matters) {
  const file = '03_嵊泗县综合行政执法事项清单（中英文对照版）.xlsx';
  const spec = [
    ['序号\nNo.', null],
    ['事项编码\nItem Code', 'matter_code'],
    ['事项名称\nItem Name', 'name'],
    ['执法领域\nField', 'domain'],
    ['事项类别\nType of Power', 'power_type', { note: 'bilingual values: 行政处罚 Administrative Penalty …' }],
    ['承接队伍类型\nType of Undertaking Team', 'owner_type'],
    ['实施主体\nImplementing Agency', 'owner_unit_id', { note: 'short name' }],
    ['是否划转\nTransferred', 'transferred', { note: '是 Yes / 否 No' }],
    ['原所属领域\nOriginal Field', 'from_domain'],
    ['高频事项\nHigh-frequency', 'high_frequency', { note: '是 Yes / 否 No' }],
    ['罚款下限\nMin. Fine', 'fine_min', { note: 'number cell with format #,##0"元"' }],
    ['罚款上限\nMax. Fine', 'fine_max'],
    ['目录版本\nVersion', 'catalogue_version'],
    ['生效日期\nEffective Date', 'effective_date', { note: '8-digit number cell 20210701' }],
    ['调整日期\nRevision Date', 'revised_date', { note: '8-digit number cell or empty' }],
    ['是否公开\nPublished', 'published', { note: '是 Yes / 否 No' }],
    ['备注\nRemarks', null],
  ];
  const W = spec.length;
  const POWER = { 行政处罚: '行政处罚 Administrative Penalty', 行政强制: '行政强制 Administrative Coercion', 行政检查: '行政检查 Administrative Inspection' };
  const OWNER = { 综合: '综合行政执法队伍', 专业: '专业执法队伍', 海洋: '海洋执法队伍', 乡镇: '乡镇（街道）执法队伍' };
  const YN = (v) => (v === '是' ? '是 Yes' : '否 No');
  const wb = newWorkbook();
  const ws = wb.addWorksheet('事项清单 Catalogue');
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).value = '嵊泗县综合行政执法事项清单（2024年版）\nCatalogue of Administrative Law Enforcement Matters of Shengsi County (2024)';
  ws.getCell(1, 1).alignment = { horizontal: 'center', wrapText: true };
  ws.getRow(1).height = 36;
  setRow(ws, 2, spec.map((s) => s[0].split('\n')[0]), W);
  setRow(ws, 3, spec.map((s) => s[0].split('\n')[1]), W);
  const picked = matters.filter((m, i) => i % 17 === 2).slice(0, 36);
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [];
  const ids = [];
  let r = 3;
  for (let n = 1; n <= picked.length; n++) {
    const m = picked[n - 1];
    r += 1;
    let code = m.code;
    let domain = m.domain;
    let broken = null;
    if (n === 9) {
      code = '';
      broken = '事项编码为空（新增事项待赋码）/ no matter code: no key';
    }
    if (n === 24) {
      code = ids[12];
      broken = `事项编码 ${code} 与第 13 项重复 / duplicate key`;
    }
    if (n === 31) {
      domain = '';
      broken = '执法领域为空（必填）/ required domain empty';
    }
    ids.push(code);
    const eff = m.eff.split('-').map(Number);
    const rev = m.rev ? m.rev.split('.').map(Number) : null;
    const money = (v) => (v === null || v === undefined || v === '' ? '' : { value: Number(v), numFmt: '#,##0"元"' });
    setRow(ws, r, [
      n, code, m.name, domain, POWER[m.power], OWNER[m.owner], m.ownerShort, YN(m.transferred), m.from, YN(m.hf), money(m.min), money(m.max), m.version,
      { value: ymdNum(eff), numFmt: '0' }, rev ? { value: ymdNum(rev), numFmt: '0' } : '', YN(m.pub), n % 10 === 4 ? '英文译文待审定 Translation pending' : '',
    ], W);
    if (broken) {
      rejected.push({ line: r, why: broken });
      continue;
    }
    records.push({ id: [code], enums: { power_type: POWER[m.power], owner_type: OWNER[m.owner] } });
    const w = { matter_code: code };
    if (n === 1) checks.push({ where: w, field: 'effective_date', expected: isoD(eff), why: `${ymdNum(eff)} (number cell)` });
    if (rev && !checks.some((c) => c.field === 'revised_date')) checks.push({ where: w, field: 'revised_date', expected: isoD(rev), why: `${ymdNum(rev)} (number cell)` });
    if (typeof m.min === 'number' && m.min > 0 && checks.filter((c) => c.field === 'fine_min').length < 2) checks.push({ where: w, field: 'fine_min', expected: m.min, why: `${m.min} shown as ${m.min.toLocaleString('en-US')}元` });
    if (typeof m.max === 'number' && m.max >= 10000 && !checks.some((c) => c.field === 'fine_max')) checks.push({ where: w, field: 'fine_max', expected: m.max, why: `${m.max} shown as ${m.max.toLocaleString('en-US')}元` });
    if (m.transferred === '是' && !checks.some((c) => c.field === 'transferred')) checks.push({ where: w, field: 'transferred', expected: true, why: '是 Yes' });
    if (m.hf === '否' && !checks.some((c) => c.field === 'high_frequency')) checks.push({ where: w, field: 'high_frequency', expected: false, why: '否 No' });
    if (n === 2) checks.push({ where: w, field: 'owner_unit_id', expected: Object.keys(UNITS).find((k) => UNITS[k][1] === m.ownerShort), why: m.ownerShort });
    if (n === 2) checks.push({ where: w, field: 'domain', expected: m.domain, why: '执法领域' });
  }
  r += 1;
  ws.mergeCells(r, 1, r, W);
  ws.getCell(r, 1).value = '注：本清单英文译文仅供参考，中英文不一致的，以中文为准。\nNote: The English translation is for reference only. In case of any discrepancy, the Chinese version shall prevail.';
  ws.getCell(r, 1).alignment = { wrapText: true };
  footer.push({ line: r, why: '注/Note line under the table / a note line' });
  ws.views = [{ state: 'frozen', ySplit: 3, topLeftCell: 'A4', activeCell: 'A4' }];
  ws.getColumn(3).width = 48;
  for (const c of [5, 6]) ws.getColumn(c).width = 30;
  await saveWorkbook(wb, join(DIR, file));
  const power = Object.fromEntries(Object.entries(POWER).map(([k, v]) => [v, k.slice(2)]));
  const owner = Object.fromEntries(Object.entries(OWNER).map(([k, v]) => [v, k]));
  answer.files.push({
    file, table: 'matter', workspace: ['units'], format: 'xlsx',
    layout: 'row 1 merged bilingual title; row 2 the Chinese header, row 3 its English translation (not child labels: each column has one label in two languages); data from row 4; a bilingual 注/Note line at the end; frozen under row 3',
    header_rows: [2, 3], first_data_row: 4, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: { power_type: power, owner_type: owner },
    identity: ['matter_code'], records, value_checks: checks,
  });
}

// ============================================================================================
// 04 投诉举报 — a 12345 ticket list with 子工单 (-01/-02) and dates as 8-digit NUMBER cells
// ============================================================================================
async function file04() {
  const file = '04_12345工单明细（含子工单）_2024年11月.xlsx';
  const spec = [
    ['工单编号', 'complaint_id', { note: 'sub-ticket number GD…-01' }],
    ['主工单号', null, { note: 'the parent ticket, repeated over its sub-tickets' }],
    ['诉求渠道', 'channel'],
    ['受理日期', 'received_date', { note: 'number cell 20241105' }],
    ['受理时间', null, { note: 'time of day text 09:32:17' }],
    ['事发镇街', 'township'],
    ['承办部门', 'unit_id'],
    ['诉求分类', 'domain'],
    ['是否涉及执法行为', 'about_conduct'],
    ['办理时限', 'deadline_date', { note: 'number cell' }],
    ['办结日期', 'closed_date', { note: 'number cell or empty' }],
    ['回访结果', 'satisfaction'],
    ['是否管辖争议', 'jurisdiction_dispute'],
    ['工单状态', null],
  ];
  const W = spec.length;
  const CH = [['12345热线', '12345'], ['浙里办', '12345'], ['统一投诉举报平台', '投诉举报平台'], ['110联动', '110联动'], ['四平台流转', '基层治理四平台'], ['执法监督电话', '执法监督热线']];
  const SAT = [['非常满意', '满意'], ['满意', '满意'], ['基本满意', '基本满意'], ['不满意', '不满意'], ['未回访', '未评价'], ['联系不上', '未评价']];
  const UNIT_DOMAIN = { ZH01: '城市管理', ZY01: '市场监管', ZY03: '文化旅游', ZY04: '交通运输', ZY07: '安全生产', ZY08: '卫生健康', HY01: '海洋渔业', XZ01: '城市管理', XZ02: '城市管理' };
  const units = Object.keys(UNIT_DOMAIN);
  const towns = Object.values(TOWN_OF);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('工单明细');
  setRow(ws, 1, spec.map((s) => s[0]), W);
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [];
  const ids = [];
  let r = 1;
  let main = 0;
  let n = 0;
  const N = 52;
  while (n < N) {
    main += 1;
    const parts = main % 4 === 0 ? 2 : 1;
    const recv = [2024, 11, Math.min(30, 1 + Math.floor(main * 0.8))];
    const mainNo = `GD${ymd(recv)}${pad(100 + main * 3, 5)}`;
    const town = towns[main % towns.length];
    const [chText, ch] = CH[main % CH.length];
    for (let p = 1; p <= parts && n < N; p++) {
      n += 1;
      r += 1;
      const u = units[(main + p) % units.length];
      let id = `${mainNo}-${pad(p)}`;
      let recvCell = ymdNum(recv);
      let broken = null;
      if (n === 12) {
        id = '';
        broken = '工单编号为空（坐席暂存未生成）/ no ticket id: no key';
      }
      if (n === 30) {
        id = ids[20];
        broken = `工单编号 ${id} 与第 21 条重复（退回重派后再次导出）/ duplicate key`;
      }
      if (n === 39) {
        recvCell = 20241131;
        broken = '受理日期 20241131（11月没有31日）/ impossible required date';
      }
      ids.push(id);
      const deadline = addDays(recv, main % 3 === 0 ? 3 : 7);
      const closed = n % 9 === 8 ? null : addDays(recv, int(1, 9));
      const [satText, sat] = closed ? SAT[n % SAT.length] : ['', null];
      const conduct = n % 7 === 3;
      const dispute = n % 15 === 6;
      setRow(ws, r, [
        id, mainNo, chText, recvCell, `${pad(8 + (n % 10))}:${pad((n * 17) % 60)}:${pad((n * 23) % 60)}`, town, n % 3 === 0 && COUNTY_SHORT[u] ? COUNTY_SHORT[u] : UNITS[u][0], UNIT_DOMAIN[u],
        conduct ? '是' : '否', ymdNum(deadline), closed ? ymdNum(closed) : '', satText, dispute ? '是' : '否', closed ? '已办结' : '办理中',
      ], W);
      if (broken) {
        rejected.push({ line: r, why: broken });
        continue;
      }
      records.push({ id: [id], enums: { channel: chText, ...(satText ? { satisfaction: satText } : {}) } });
      const w = { complaint_id: id };
      if (n <= 2) checks.push({ where: w, field: 'received_date', expected: isoD(recv), why: `${ymdNum(recv)} (number cell)` });
      if (n === 1) checks.push({ where: w, field: 'deadline_date', expected: isoD(deadline), why: `${ymdNum(deadline)} (number cell)` });
      if (closed && !checks.some((c) => c.field === 'closed_date')) checks.push({ where: w, field: 'closed_date', expected: isoD(closed), why: `${ymdNum(closed)} (number cell)` });
      if (!closed && !checks.some((c) => c.field === 'satisfaction')) checks.push({ where: w, field: 'satisfaction', expected: null, why: 'no 回访 yet (办理中)' });
      if (n === 3) checks.push({ where: w, field: 'unit_id', expected: u, why: COUNTY_SHORT[u] ?? UNITS[u][0] });
      if (n === 4) checks.push({ where: w, field: 'township', expected: town, why: '事发镇街' });
      if (conduct && !checks.some((c) => c.field === 'about_conduct')) checks.push({ where: w, field: 'about_conduct', expected: true, why: '是' });
      if (dispute && !checks.some((c) => c.field === 'jurisdiction_dispute')) checks.push({ where: w, field: 'jurisdiction_dispute', expected: true, why: '是' });
    }
  }
  r += 1;
  setRow(ws, r, [`合计：${N}件（主工单${main}件）`], W);
  footer.push({ line: r, why: '合计 row at the end / a total line' });
  ws.getColumn(1).width = 22;
  ws.getColumn(2).width = 20;
  ws.getColumn(7).width = 26;
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'complaint', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: 'no title: header row 1, data from row 2; 工单编号 with a 子工单 suffix (-01/-02), the parent number in 主工单号; 受理日期/办理时限/办结日期 as 8-digit NUMBER cells (General), 受理时间 a separate time text; a 合计 row at the end',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: { channel: Object.fromEntries(CH), satisfaction: Object.fromEntries(SAT) },
    enum_accept: { channel: { 浙里办: ['投诉举报平台'] }, satisfaction: { 满意: ['基本满意'] } },
    identity: ['complaint_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 05 检查计划 — a 双随机 task list whose headers are "EnglishName/中文" in one cell
// ============================================================================================
async function file05() {
  const file = '05_双随机抽查任务导出_TaskList_2024.xlsx';
  const spec = [
    ['TaskCode/任务编号', 'plan_task_id'],
    ['TaskName/任务名称', null, { note: 'the task title (free text)' }],
    ['TaskType/抽查方式', 'plan_type', { note: '定向抽查 / 不定向抽查 / 重点检查 (text field)' }],
    ['TaskLeadDeptName/任务组织部门', null, { note: 'the county joint office, not the responsible unit' }],
    ['TaskInspectDeptName/任务实施部门', 'unit_id'],
    ['TaskStartTime/任务期限起', null, { note: 'start of the period (trap)' }],
    ['TaskEndTime/任务期限止', 'due_date', { note: 'date-time cells 2024-06-30 23:59:59' }],
    ['EntName/检查对象名称', 'subject_name'],
    ['UniSCID/统一社会信用代码', 'subject_id'],
    ['TaskState/任务状态', null, { note: '待执行 / 执行中 / 已完成' }],
    ['SetUserName/创建人', null],
  ];
  const W = spec.length;
  const TYPES = ['定向抽查', '不定向抽查', '重点检查'];
  const UNITS5 = ['ZY01', 'ZY08', 'ZY03', 'ZY07', 'ZH01', 'ZY04', 'HY01'];
  const NAME = { ZY01: '食品经营者监督检查', ZY08: '公共场所卫生监督抽查', ZY03: '文化市场经营单位抽查', ZY07: '危险化学品经营单位检查', ZH01: '城市管理领域抽查', ZY04: '道路运输经营者检查', HY01: '渔业船舶安全检查' };
  const wb = newWorkbook();
  const ws = wb.addWorksheet('TaskList');
  setRow(ws, 1, spec.map((s) => s[0]), W);
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  const N = 46;
  for (let n = 1; n <= N; n++) {
    const r = 1 + n;
    const u = UNITS5[n % UNITS5.length];
    const type = TYPES[n % 3];
    const biz = BUSINESSES[(n * 5 + 3) % BUSINESSES.length];
    const q = 1 + (n % 4);
    const start = [2024, q * 3 - 2, 1];
    const due = [2024, q * 3, [31, 30, 30, 31][q - 1]];
    let id = `330922SCJC2024${pad(n * 3 + 11, 4)}`;
    let dueCell = { value: new Date(Date.UTC(...[due[0], due[1] - 1, due[2]], 23, 59, 59)), numFmt: 'yyyy-mm-dd hh:mm:ss' };
    let broken = null;
    if (n === 7) {
      id = '';
      broken = 'TaskCode 为空（任务草稿，尚未发布）/ no task id: no key';
    }
    if (n === 22) {
      id = ids[9];
      broken = `TaskCode ${id} 与第 10 条重复 / duplicate key`;
    }
    if (n === 35) {
      dueCell = '';
      broken = '任务期限止为空（必填）/ required due date empty';
    }
    ids.push(id);
    setRow(ws, r, [
      id, `2024年${NAME[u]}（第${q}批）`, type, '嵊泗县“双随机、一公开”监管工作联席会议办公室', UNITS[u][0], { value: new Date(Date.UTC(start[0], start[1] - 1, start[2])), numFmt: 'yyyy-mm-dd hh:mm:ss' }, dueCell,
      biz.name, biz.code, n % 5 === 0 ? '待执行' : n % 2 ? '已完成' : '执行中', pick(['zhangwei', 'lijing', 'sfj_wang']),
    ], W);
    if (broken) {
      rejected.push({ line: r, why: broken });
      continue;
    }
    records.push({ id: [id], enums: {} });
    const w = { plan_task_id: id };
    if (n <= 2) checks.push({ where: w, field: 'due_date', expected: isoD(due), why: `${isoD(due)} 23:59:59 (date-time cell)` });
    if (n === 1) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (n === 3) checks.push({ where: w, field: 'subject_id', expected: biz.code, why: 'UniSCID' });
    if (n === 3) checks.push({ where: w, field: 'plan_type', expected: type, why: 'TaskType (text field, stored as written)' });
    if (n === 4) checks.push({ where: w, field: 'subject_name', expected: biz.name, why: 'EntName' });
  }
  ws.autoFilter = { from: 'A1', to: { row: 1, column: W } };
  for (let c = 1; c <= W; c++) ws.getColumn(c).width = [20, 36, 12, 40, 28, 20, 20, 32, 22, 10, 10][c - 1];
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'inspection_plan', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: 'header row 1 with "DbColumnName/中文名" headers (an export of the 双随机 system’s task table, PascalCase column names as in its entity), autofilter; data from row 2; 任务期限起/止 as date-time cells (止 at 23:59:59)',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {},
    identity: ['plan_task_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 06 制度机制 — a 统计报表: 表号/制定机关 lines, header, 栏次 row (甲 乙 丙 丁 1 2 3), signature line
// ============================================================================================
async function file06() {
  const file = '06_行政执法制度机制建设情况统计表（嵊司统3表）_2024年度.xlsx';
  const spec = [
    ['单位名称', 'unit_id'],
    ['报告期', 'year', { note: '2024年' }],
    ['制度代码', 'item_code'],
    ['制度名称', 'item_name'],
    ['是否建立', 'done', { note: '1/0 number cells (1 = 建立), legend in the 填表说明' }],
    ['建立（印发）日期', 'done_date'],
    ['佐证材料', 'evidence'],
    ['备注', null],
  ];
  const W = spec.length;
  const ITEMS = [['TS_PUBLICITY', '行政执法公示制度'], ['TS_RECORDING', '执法全过程记录制度'], ['TS_LEGAL_REVIEW', '重大执法决定法制审核制度']];
  const COUNTY_ITEMS = [['CAT_PUBLISHED', '事项目录清单公布'], ['CAT_REVISED', '事项目录动态调整'], ['CO_COMMITTEE', '县执法协调委'], ['CO_DISPUTE', '执法职责争议评估处理机制'], ['CO_PLATFORM', '行政执法统一指挥平台'], ['CO_TRANSFER_STD', '案件移送标准']];
  const UNITS6 = ['ZH01', 'ZY01', 'ZY02', 'ZY03', 'ZY04', 'ZY07', 'ZY08', 'HY01', 'XZ01', 'XZ03', 'XZ06'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('嵊司统3表');
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).value = '行政执法制度机制建设情况统计表';
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getCell(1, 1).font = { size: 16, bold: true };
  ws.getCell(2, 7).value = '表　　号：嵊司统3表';
  ws.getCell(3, 7).value = '制定机关：嵊泗县司法局';
  ws.getCell(4, 1).value = '填报单位（盖章）：';
  ws.getCell(4, 4).value = '2024年度';
  ws.getCell(4, 7).value = '有效期至：2025年12月';
  setRow(ws, 5, spec.map((s) => s[0]), W);
  setRow(ws, 6, ['甲', '乙', '丙', '丁', '1', '2', '3', '4'], W);
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [{ line: 6, why: '栏次 row (甲 乙 丙 丁 1 2 3 4) under the header / column numbering, no record' }];
  const rows = [];
  for (const u of UNITS6) for (const [code, name] of ITEMS) rows.push([u, code, name]);
  for (const [code, name] of COUNTY_ITEMS) rows.push(['COUNTY', code, name]);
  let r = 6;
  let n = 0;
  const seen = [];
  for (const [u0, code0, name] of rows) {
    n += 1;
    r += 1;
    let u = u0;
    let code = code0;
    let unitText = u === 'COUNTY' ? '全县' : UNITS[u][0];
    let broken = null;
    if (n === 8) {
      code = '';
      broken = '制度代码为空 / no item code: no key';
    }
    if (n === 20) {
      unitText = '';
      broken = '单位名称为空（必填）/ required unit empty';
    }
    const done = !(n % 7 === 5 || (u === 'XZ06' && code === 'TS_LEGAL_REVIEW'));
    const day = randDate(1, 11);
    setRow(ws, r, [unitText, '2024年', code, name, done ? 1 : 0, done ? dateCell(day, 'yyyy"年"m"月"d"日"') : '', done ? `${u === 'COUNTY' ? '县执法协调委' : UNITS[u][1]}${name}（${day[0]}年${day[1]}月印发）` : '', done ? '' : '正在制定'], W);
    if (broken) {
      rejected.push({ line: r, why: broken });
      continue;
    }
    seen.push([u, code]);
    records.push({ id: [u, 2024, code], enums: {} });
    const w = { unit_id: u, year: 2024, item_code: code };
    if (n === 1) checks.push({ where: w, field: 'done_date', expected: isoD(day), why: 'date cell yyyy"年"m"月"d"日"' });
    if (n === 1) checks.push({ where: w, field: 'done', expected: true, why: '1' });
    if (!done && !checks.some((c) => c.field === 'done' && c.expected === false)) checks.push({ where: w, field: 'done', expected: false, why: '0' });
    if (u === 'COUNTY' && !checks.some((c) => c.where.unit_id === 'COUNTY')) checks.push({ where: w, field: 'item_name', expected: name, why: '全县 → COUNTY' });
    if (n === 2) checks.push({ where: w, field: 'evidence', expected: `${UNITS[u][1]}${name}（${day[0]}年${day[1]}月印发）`, why: '佐证材料' });
  }
  // a duplicate: the clerk pasted 县卫健局's first item again under the county items
  r += 1;
  const dupDay = [2024, 4, 18];
  setRow(ws, r, [UNITS.ZY08[0], '2024年', 'TS_PUBLICITY', '行政执法公示制度', 1, dateCell(dupDay, 'yyyy"年"m"月"d"日"'), '卫健局行政执法公示制度（2024年4月印发）', ''], W);
  rejected.push({ line: r, why: '（ZY08, 2024, TS_PUBLICITY）与前面重复 / duplicate key (unit, year, item)' });
  r += 1;
  ws.mergeCells(r, 1, r, W);
  ws.getCell(r, 1).value = '单位负责人：　　　　　统计负责人：　　　　　填表人：　　　　　联系电话：　　　　　报出日期：2025年1月10日';
  footer.push({ line: r, why: '单位负责人/统计负责人/填表人/报出日期 signature line' });
  r += 1;
  ws.mergeCells(r, 1, r, W);
  ws.getCell(r, 1).value = '填表说明：1．第1栏已建立的填“1”，未建立的填“0”；2．县级层面事项的单位名称填“全县”；3．第2栏填制度印发或机制建立日期。';
  footer.push({ line: r, why: '填表说明 line / a note line' });
  ws.getColumn(1).width = 28;
  ws.getColumn(4).width = 28;
  ws.getColumn(7).width = 44;
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'institution_checklist', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: 'a 统计报表: row 1 merged title, rows 2–4 表号/制定机关/填报单位/报告期/有效期至 cells spread over the row (not merged), header row 5, 栏次 row 6 (甲 乙 丙 丁 1 2 3 4), data from row 7; a signature line and a 填表说明 line at the end',
    header_rows: [5], first_data_row: 7, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: {},
    identity: ['unit_id', 'year', 'item_code'], records, value_checks: checks,
  });
}

// ============================================================================================
// 07 监督发现问题 — a 问卷星 (wjx.cn) questionnaire export, 按文本 (All_Data_Readable)
// ============================================================================================
async function file07() {
  const file = '07_2024年执法监督发现问题整改情况填报（问卷星导出_按文本）.xlsx';
  const spec = [
    ['序号', null, { note: 'the answer sheet number' }],
    ['提交答卷时间', null, { note: '2024/12/20 15:32:11 — when the form was submitted, not a date of the finding' }],
    ['所用时间', null, { note: '312秒' }],
    ['来源', null],
    ['来源详情', null],
    ['来自IP', null],
    ['1、问题编号：', 'finding_id'],
    ['2、被监督单位：', 'unit_id'],
    ['3、问题来源：', 'source'],
    ['4、关联案件编号（没有请填“无”）：', 'case_id', { note: '无 = none' }],
    ['5、评查得分（非案卷评查类可不填）：', 'casefile_score', { note: '(空) when not answered' }],
    ['6、发现日期：', 'found_date'],
    ['7、整改期限：', 'due_date'],
    ['8、整改状态：', null, { note: '已整改 / 整改中 / 逾期未整改 (no field)' }],
    ['9、整改完成日期：', 'rectified_date', { note: '(跳过) when 整改状态 is not 已整改' }],
    ['10、问题等级：', 'severity'],
    ['11、问题描述：', 'description'],
  ];
  const W = spec.length;
  const SRC = [['司法局执法监督检查', '执法监督'], ['案卷评查', '案卷评查'], ['检察院检察建议', '检察建议'], ['纪检监察建议书', '纪委监委'], ['特邀行政执法监督员反映', '特邀监督'], ['人大执法检查', '人大']];
  const SEV = ['一般', '一般', '较重', '一般', '严重'];
  const DESC = ['行政处罚决定书未载明救济途径', '现场检查未全程记录', '案卷证据目录不完整', '未按规定进行法制审核', '执法人员未出示执法证件', '自由裁量说明理由不充分', '送达回证缺少签名', '行政检查未录入掌上执法系统'];
  const UNITS7 = ['ZH01', 'ZY01', 'ZY03', 'ZY04', 'ZY07', 'ZY08', 'HY01', 'XZ01', 'XZ02', 'XZ03'];
  const PREFIX = { ZH01: '嵊综执罚', ZY01: '嵊市监处罚', ZY03: '嵊文旅罚', ZY04: '嵊交执罚', ZY07: '嵊应急罚', ZY08: '嵊卫健罚', HY01: '嵊海执罚', XZ01: '嵊菜园罚', XZ02: '嵊嵊山罚', XZ03: '嵊洋山罚' };
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Sheet1');
  setRow(ws, 1, spec.map((s) => s[0]), W);
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  const N = 42;
  for (let n = 1; n <= N; n++) {
    const r = 1 + n;
    const u = UNITS7[n % UNITS7.length];
    const [srcText, src] = SRC[n % SRC.length];
    const found = randDate(2, 10);
    const due = addDays(found, 30);
    const status = n % 6 === 2 ? '整改中' : n % 11 === 7 ? '逾期未整改' : '已整改';
    const rect = status === '已整改' ? addDays(found, int(5, 28)) : null;
    const isCasefile = src === '案卷评查';
    const score = isCasefile ? 60 + ((n * 7) % 38) : null;
    const caseId = isCasefile || n % 4 === 1 ? `${PREFIX[u]}〔2024〕${10 + n}号` : '无';
    let id = `JDWT2024-${pad(n + 40, 3)}`;
    let foundText = n % 3 === 0 ? dotted1(found) : slash(found);
    let broken = null;
    let submit = addDays([2024, 12, 2], Math.floor(n / 3));
    if (n === 10) {
      id = '(空)';
      broken = '问题编号 (空)（选填题未作答）/ no finding id: no key';
    }
    if (n === 27) {
      id = ids[14];
      broken = `问题编号 ${id} 与第 15 份答卷重复（同一单位重复提交问卷）/ duplicate key`;
    }
    if (n === 33) {
      foundText = '2024.11.31';
      broken = '发现日期 2024.11.31（11月没有31日，填空题手工输入）/ impossible required date';
    }
    ids.push(id);
    const desc = DESC[n % DESC.length];
    setRow(ws, r, [
      n, `${slash(submit)} ${pad(9 + (n % 8))}:${pad((n * 11) % 60)}:${pad((n * 29) % 60)}`, `${120 + ((n * 37) % 400)}秒`, n % 3 ? '微信' : '手机提交', 'N/A', `115.220.${(n * 13) % 200}.${(n * 7) % 250}(浙江-舟山)`,
      id, UNITS[u][0], srcText, caseId, score === null ? '(空)' : String(score), foundText, slash(due), status, rect ? slash(rect) : '(跳过)', SEV[n % SEV.length], desc,
    ], W);
    if (broken) {
      rejected.push({ line: r, why: broken });
      continue;
    }
    records.push({ id: [id], enums: { source: srcText, severity: SEV[n % SEV.length] } });
    const w = { finding_id: id };
    if (n <= 3) checks.push({ where: w, field: 'found_date', expected: isoD(found), why: foundText });
    if (n === 1) checks.push({ where: w, field: 'due_date', expected: isoD(due), why: slash(due) });
    if (!rect && !checks.some((c) => c.field === 'rectified_date')) checks.push({ where: w, field: 'rectified_date', expected: null, why: '(跳过) — a skipped question, not a value' });
    if (rect && !checks.some((c) => c.field === 'rectified_date' && c.expected)) checks.push({ where: w, field: 'rectified_date', expected: isoD(rect), why: slash(rect) });
    if (caseId === '无' && !checks.some((c) => c.field === 'case_id' && c.expected === null)) checks.push({ where: w, field: 'case_id', expected: null, why: '无 (the form asks for 无 when there is none)' });
    if (caseId !== '无' && !checks.some((c) => c.field === 'case_id' && c.expected)) checks.push({ where: w, field: 'case_id', expected: caseId, why: '关联案件编号' });
    if (score !== null && !checks.some((c) => c.field === 'casefile_score' && c.expected !== null)) checks.push({ where: w, field: 'casefile_score', expected: score, why: String(score) });
    if (score === null && !checks.some((c) => c.field === 'casefile_score' && c.expected === null)) checks.push({ where: w, field: 'casefile_score', expected: null, why: '(空) — an unanswered question, not a value' });
    if (n === 2) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
  }
  ws.getColumn(2).width = 20;
  for (const c of [7, 8, 9, 10]) ws.getColumn(c).width = 26;
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'supervision_finding', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: '问卷星 “按文本导出” (All_Data_Readable): sheet Sheet1, header row 1 = 序号, 提交答卷时间, 所用时间, 来源, 来源详情, 来自IP, then the questions as numbered titles “1、问题编号：” …; data from row 2; (空) for an unanswered question, (跳过) for a skipped one',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { source: Object.fromEntries(SRC), severity: { 一般: '一般', 较重: '较重', 严重: '严重' } },
    identity: ['finding_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 08 处罚案件 — a FineReport grouped report: the unit only on each group's first row, 小计/总计 rows
// ============================================================================================
async function file08(roster, matters) {
  const file = '08_行政处罚案件明细表（帆软报表导出）_2024年.xlsx';
  const spec = [
    ['执法主体', 'unit_id', { note: 'shown on the first row of each group only (repeats suppressed, not merged)' }],
    ['序号', null],
    ['案件编号', 'case_id'],
    ['案件来源', 'source'],
    ['执法类别', null, { note: 'the enforcement line (市场监管, 交通运输…), no field of a case' }],
    ['适用程序', 'procedure'],
    ['当事人名称', 'party_name'],
    ['当事人类型', 'party_type'],
    ['违法行为事项编码', 'matter_code'],
    ['立案日期', 'filed_date'],
    ['处罚决定日期', 'decision_date'],
    ['结案日期', 'closed_date'],
    ['处罚种类', 'penalty_types', { note: '警告,罚款 (comma)' }],
    ['罚款金额（元）', 'fine_amount', { note: 'number cells #,##0.00' }],
    ['没收违法所得（元）', 'confiscation_amount'],
    ['承办人', 'officer_ids', { note: 'names split by ,' }],
    ['案件状态', null],
  ];
  const W = spec.length;
  const SRC = [['日常巡查', '检查'], ['投诉举报', '投诉举报'], ['上级交办', '其他'], ['部门移送', '移送'], ['12345交办', '12345'], ['掌上执法检查发现', '检查']];
  const PARTY = [['自然人', '个人'], ['法人', '单位'], ['非法人组织', '单位'], ['个体工商户', '单位']];
  const GROUPS = [['ZH01', '城市管理', '嵊综执罚', 9], ['ZY01', '市场监管', '嵊市监处罚', 10], ['ZY04', '交通运输', '嵊交执罚', 7], ['HY01', '海洋渔业', '嵊海执罚', 8], ['ZY08', '卫生健康', '嵊卫健罚', 6]];
  const officersOf = uniqueOfficers(roster);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('行政处罚案件明细表');
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).value = '嵊泗县行政处罚案件明细表';
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, W);
  ws.getCell(2, 1).value = '统计区间：2024-01-01 至 2024-12-31　　执法主体：全部　　案件状态：全部';
  setRow(ws, 3, spec.map((s) => s[0]), W);
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [];
  const ids = [];
  let r = 3;
  let n = 0;
  let total = 0;
  let totalFine = 0;
  for (const [u, line, prefix, count] of GROUPS) {
    const ms = matters.filter((m) => m.ownerShort === UNITS[u][1] && m.power === '行政处罚');
    const ofs = officersOf(u);
    let groupFine = 0;
    for (let k = 1; k <= count; k++) {
      n += 1;
      r += 1;
      const m = ms[(n * 5) % ms.length];
      const [srcText] = SRC[n % SRC.length];
      const [ptText, pt] = PARTY[n % PARTY.length];
      const biz = ptText === '个体工商户' ? BUSINESSES.filter((b) => b.kind === 'G')[n % 12] : BUSINESSES.filter((b) => b.kind === 'C')[n % 10];
      const party = pt === '个人' ? PERSONS[n % PERSONS.length] : ptText === '非法人组织' ? BUSINESSES.filter((b) => b.kind === 'H')[n % 2].name : biz.name;
      const proc = pt === '个人' && n % 2 ? '简易程序' : '一般程序';
      const filed = randDate(1, 10);
      const decided = addDays(filed, proc === '简易程序' ? 0 : int(10, 45));
      const closed = n % 9 === 4 ? null : addDays(decided, int(5, 30));
      const fine = proc === '简易程序' ? 200 : [2000, 5000, 1500, 12000, 30000, 800][n % 6];
      const conf = n % 7 === 3 ? 1370 : 0;
      const types = conf ? ['罚款', '没收违法所得'] : n % 5 === 0 ? ['警告', '罚款'] : ['罚款'];
      const o1 = ofs[(n * 2) % ofs.length];
      const o2 = ofs[(n * 2 + 1) % ofs.length];
      let id = `${prefix}〔2024〕${n + 20}号`;
      let filedCell = dateCell(filed);
      let broken = null;
      if (n === 14) {
        id = '';
        broken = '案件编号为空 / no case id: no key';
      }
      if (n === 29) {
        id = ids[21];
        broken = `案件编号 ${id} 与第 22 件重复（同一案件录入两次）/ duplicate key`;
      }
      if (n === 33) {
        filedCell = '2024-02-30';
        broken = '立案日期 2024-02-30（文本，2月没有30日）/ impossible required date';
      }
      ids.push(id);
      setRow(ws, r, [
        k === 1 ? UNITS[u][0] : '', k, id, srcText, line, proc, party, ptText, m.code, filedCell, dateCell(decided), closed ? dateCell(closed) : '', types.join(','),
        { value: fine, numFmt: '#,##0.00' }, conf ? { value: conf, numFmt: '#,##0.00' } : '', `${o1.name},${o2.name}`, closed ? '已结案' : '执行中',
      ], W);
      groupFine += fine;
      if (broken) {
        rejected.push({ line: r, why: broken });
        continue;
      }
      records.push({ id: [id], enums: { source: srcText, procedure: proc, party_type: ptText } });
      const w = { case_id: id };
      if (k === 2 || (k === 5 && u === 'ZY04')) checks.push({ where: w, field: 'unit_id', expected: u, why: `执法主体 empty on this row: the group's ${UNITS[u][0]} (first row of the group)` });
      if (k === 1 && u === 'ZH01') checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
      if (n <= 2) checks.push({ where: w, field: 'filed_date', expected: isoD(filed), why: 'date cell' });
      if (n === 3) checks.push({ where: w, field: 'fine_amount', expected: fine, why: `${fine} (#,##0.00)` });
      if (conf && !checks.some((c) => c.field === 'confiscation_amount')) checks.push({ where: w, field: 'confiscation_amount', expected: conf, why: String(conf) });
      if (n === 4) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: `${o1.name},${o2.name}` });
      if (types.length === 2 && !checks.some((c) => c.field === 'penalty_types')) checks.push({ where: w, field: 'penalty_types', expected: types, why: types.join(',') });
      if (n === 5) checks.push({ where: w, field: 'matter_code', expected: m.code, why: '违法行为事项编码' });
    }
    r += 1;
    setRow(ws, r, ['', '', `小计：${count}件`, '', '', '', '', '', '', '', '', '', '', { value: groupFine, numFmt: '#,##0.00' }], W);
    footer.push({ line: r, why: `小计 row of ${UNITS[u][1]} / a subtotal line` });
    total += count;
    totalFine += groupFine;
  }
  r += 1;
  setRow(ws, r, ['总计', '', `${total}件`, '', '', '', '', '', '', '', '', '', '', { value: totalFine, numFmt: '#,##0.00' }], W);
  footer.push({ line: r, why: '总计 row / a total line' });
  r += 2;
  ws.getCell(r, 1).value = '制表：嵊泗县综合行政执法指导办　　数据来源：浙江省统一行政执法办案系统　　打印时间：2025-01-13 10:22';
  footer.push({ line: r, why: '制表/数据来源/打印时间 line under the report' });
  ws.getColumn(1).width = 28;
  ws.getColumn(3).width = 24;
  ws.getColumn(7).width = 30;
  for (const c of [10, 11, 12]) ws.getColumn(c).width = 12;
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'penalty_case', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: 'a FineReport (帆软) grouped report exported to Excel: rows 1–2 merged title and 统计区间 line, header row 3, data from row 4 grouped by 执法主体 — the unit written on the first row of each group only, the cells below it EMPTY (not merged); after each group a 小计 row, at the end a 总计 row and, after a blank row, a 制表/打印时间 line',
    header_rows: [3], first_data_row: 4, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: {
      source: Object.fromEntries(SRC),
      procedure: { 一般程序: '普通', 简易程序: '简易' },
      party_type: Object.fromEntries(PARTY),
    },
    enum_accept: { source: { 上级交办: ['移送'] }, party_type: { 个体工商户: ['个人'] } },
    identity: ['case_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 09 行政许可 — a 公共数据平台 interface answer whose records are a JSON string inside the JSON
// ============================================================================================
function file09() {
  const file = '09_行政许可信息_公共数据平台接口返回（datas为字符串）.json';
  const spec = [
    ['licenseNo', 'permit_id'],
    ['decisionDocNo', null, { note: '决定文书号, not the permit number' }],
    ['adminCounterpartName', 'subject_name'],
    ['creditCode', 'subject_id'],
    ['legalPerson', null],
    ['licenseItem', 'matter_code', { note: '审批事项 (text)' }],
    ['licensingAuthority', 'unit_id'],
    ['decisionDate', 'issued_date', { note: '"20240305" (8-digit string)' }],
    ['validFrom', null, { accept: ['issued_date'], note: '有效期自 — the same day as the decision here' }],
    ['validTo', null],
    ['dataSourceUnitCode', null],
    ['updateTime', null, { note: '"2025-01-12 02:00:13"' }],
  ];
  const KINDS = [
    ['ZY01', '食品经营许可', (n) => `JY2330922${pad(4000 + n * 37, 8)}`, '嵊市监许'],
    ['ZY08', '公共场所卫生许可', (n) => `嵊卫公字〔2024〕第${pad(n, 3)}号`, '嵊卫许'],
    ['ZY03', '娱乐场所经营许可', (n) => `330922240${pad(n, 3)}`, '嵊文旅许'],
    ['ZY04', '道路运输经营许可', (n) => `浙交运管许可舟字330922${pad(200 + n, 6)}号`, '嵊交许'],
  ];
  const datas = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  const N = 34;
  for (let n = 1; n <= N; n++) {
    const [u, item, numberOf, docPrefix] = KINDS[n % KINDS.length];
    const biz = BUSINESSES[(n * 3) % BUSINESSES.length];
    const day = randDate(1, 11);
    let id = numberOf(n);
    let code = biz.code;
    let dayText = ymd(day);
    let broken = null;
    if (n === 6) {
      id = null;
      broken = 'licenseNo 为 null / no permit id: no key';
    }
    // (after set 14's fix: with an update-time column the newest version of a key loads — record
    // 19, pushed later; record 5 is rejected instead)
    if (n === 5) broken = `licenseNo ${id} 与第 19 条重复（接口增量推送重复）；第 19 条的 updateTime 较新，导入第 19 条 / duplicate key (record 19, updated later, loads)`;
    if (n === 19) id = ids[4];
    if (n === 28) {
      code = '';
      broken = 'creditCode 为空字符串（被许可人代码必填）/ required subject id empty';
    }
    ids.push(id);
    datas.push({
      licenseNo: id, decisionDocNo: `${docPrefix}〔2024〕${n + 100}号`, adminCounterpartName: biz.name, creditCode: code, legalPerson: PERSONS[n % PERSONS.length], licenseItem: item,
      licensingAuthority: UNITS[u][0], decisionDate: dayText, validFrom: dayText, validTo: ymd([day[0] + 5, day[1], Math.min(day[2], 28)]), dataSourceUnitCode: '11330922MB1A2B3C4D', updateTime: `2025-01-12 02:${pad(n % 60)}:13`,
    });
    if (broken) {
      rejected.push({ line: n, why: broken });
      continue;
    }
    records.push({ id: [id], enums: {} });
    const w = { permit_id: id };
    if (n <= 2) checks.push({ where: w, field: 'issued_date', expected: isoD(day), why: `"${ymd(day)}"` });
    if (n === 1) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (n === 3) checks.push({ where: w, field: 'subject_id', expected: code, why: 'creditCode' });
    if (n === 4) checks.push({ where: w, field: 'subject_name', expected: biz.name, why: 'adminCounterpartName' });
    if (n === 19) checks.push({ where: w, field: 'matter_code', expected: item, why: 'licenseItem (record 19, the later push of record 5\'s licenseNo)' });
  }
  const body = { code: '00', msg: '成功', dataCount: String(N), requestId: 'a4c1f2e07b9d4c35', datas: JSON.stringify(datas) };
  writeFileSync(join(DIR, file), JSON.stringify(body) + '\n');
  answer.files.push({
    file, table: 'permit', workspace: ['units', 'matters', 'officers'], format: 'json',
    layout: 'one JSON object {code:"00", msg, dataCount:"34", requestId, datas:"[{…},…]"} — the records are a JSON array serialised as a STRING in datas (record place = line); camelCase English keys; dates "20240305"',
    header_rows: [], first_data_row: 1, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {},
    identity: ['permit_id'], records, value_checks: checks,
  });
}

// ---------------------------------------------------------------- main
if (!existsSync(DIR)) mkdirSync(DIR, { recursive: true });
mkdirSync(TMP, { recursive: true });
const roster = await readRoster();
const matters = await readMatters();
file01();
file02(roster);
await file03(matters);
await file04();
await file05();
await file06();
await file07();
await file08(roster, matters);
file09();
for (const f of answer.files) {
  f.rows_data = f.rows_loaded + f.rejected.length;
  f.columns_expected = f.columns.filter((c) => c.field).length;
}
writeFileSync(join(DIR, '_answer.json'), JSON.stringify(answer, null, 2) + '\n');
console.log(answer.files.map((f) => `${f.file}: ${f.table}, ${f.columns.length} columns (${f.columns_expected} to find), ${f.rows_data} records = ${f.rows_loaded} + ${f.rejected.length} broken, ${f.footer_lines.length} footer`).join('\n'));

// Writes the eighteenth acceptance set (samples/acceptance18) and its answer key _answer.json.
// Run: node samples/acceptance18/_make.mjs
//
// Theme: exports made ABOVE or BESIDE the county — what 嵊泗县 receives from 舟山市 or from the
// province rather than from its own systems: city-wide exports covering the four counties/districts
// (定海区 330902, 普陀区 330903, 岱山县 330921, 嵊泗县 330922) with a 区县 / 所属区县 column, exports
// that say the county by its 行政区划代码, unit names with the city before them (舟山市嵊泗县…) or in
// the 嵊泗… abbreviation (嵊泗综合执法局), the city's own bureaus (舟山市综合行政执法局, which is NOT the
// county's 综合行政执法局), other counties' bodies whose names end like the county's own, a 复议 register
// keyed by the respondents' 统一社会信用代码, cases transferred to and from 岱山县 (移送), a 双随机 plan the
// city made for several counties, and a province-wide ranking with one row per county (a summary,
// not records). See README.md for each decision.
// The answer key is declared here by hand and never computed by the importer under test.
// Deterministic: the same rows every run, byte-identical files.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { acceptanceKit } from '../acceptance-kit.mjs';

const DIR = dirname(fileURLToPath(import.meta.url));
const STAMP = Date.UTC(2025, 0, 17, 2, 10);
const { pick, int, pad, randDate, isoD, addDays, uscc, readRoster, BUSINESSES, answer, columnsOf, newWorkbook, saveWorkbook, dateCell } =
  acceptanceKit({ set: 'acceptance18', dir: DIR, seed: 20250117, stamp: STAMP });

const invert = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));
const csvq = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
function finish(entry) {
  entry.rows_data = entry.rows_loaded + entry.rejected.length;
  entry.columns_expected = entry.columns.filter((c) => c.field).length;
  answer.files.push(entry);
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
const PERSONS = ['张某明', '李某芳', '王某强', '陈某', '刘某华', '周某军', '吴某丽', '孙某', '郑某平', '徐某', '钱某东', '朱某英'];

// ============================================================================================
// The four counties/districts of 舟山市 (GB/T 2260 codes) and the names, each with the unit the key
// says it names (null: stays unresolved) and why. The rule (README "Judgement calls"):
// - a name of the county's own unit resolves when it is a name the workspace records, or such a name
//   with the city and/or the county before it — 舟山市嵊泗县, 嵊泗县, or the county's short name 嵊泗
//   (嵊泗综合执法局 = 嵊泗 + the recorded short name 综合执法局);
// - a body of ANOTHER county (定海区/普陀区/岱山县, also abbreviated 岱山…) or of the CITY itself
//   (舟山市综合行政执法局, 舟山市市场监督管理局) stays unresolved, however its name ends: taking the prefix
//   off 舟山市定海区综合行政执法局 or 舟山市综合行政执法局 leaves 综合行政执法局, which names ZH01 — a guess
//   that would credit the county's bureau with another body's acts.
// Rows of other counties are LOADED with their unit unresolved (README: rows are rejected only when
// they cannot be placed; a name that names no unit loads empty and is listed among the unresolved
// names — the user sees them and can undo the import or keep them).
// ============================================================================================
const COUNTY = { 定海区: '330902', 普陀区: '330903', 岱山县: '330921', 嵊泗县: '330922' };
const N = {
  // resolve
  zh_full: ['嵊泗县综合行政执法局', 'ZH01', 'full name'],
  zh_city: ['舟山市嵊泗县综合行政执法局', 'ZH01', 'full name with 舟山市 before it'],
  zh_abbr: ['嵊泗综合执法局', 'ZH01', '嵊泗 (the county\'s short name) + the recorded short name 综合执法局'],
  zy01_city: ['舟山市嵊泗县市场监督管理局', 'ZY01', 'full name with 舟山市 before it'],
  zy01_abbr: ['嵊泗市场监管局', 'ZY01', '嵊泗 + the recorded short name 市场监管局'],
  zy01_full: ['嵊泗县市场监督管理局', 'ZY01', 'full name'],
  zy02_full: ['舟山市生态环境局嵊泗分局', 'ZY02', 'full name (the city bureau\'s county branch is the county\'s unit)'],
  zy04_city: ['舟山市嵊泗县交通运输局', 'ZY04', 'full name with 舟山市 before it'],
  zy05_full: ['嵊泗县农业农村局', 'ZY05', 'full name'],
  zy08_abbr: ['嵊泗卫健局', 'ZY08', '嵊泗 + the recorded short name 卫健局'],
  hy_city: ['舟山市嵊泗县海洋综合行政执法队', 'HY01', 'full name with 舟山市 before it'],
  xz01_city: ['舟山市嵊泗县菜园镇人民政府', 'XZ01', 'full name with 舟山市 before it'],
  xz03_full: ['嵊泗县洋山镇人民政府', 'XZ03', 'full name'],
  // stay unresolved
  dh_zh: ['舟山市定海区综合行政执法局', null, '定海区\'s bureau: without 舟山市定海区 it would read as ZH01 — another county'],
  dh_zh2: ['定海区综合行政执法局', null, '定海区\'s bureau — another county'],
  dh_town: ['舟山市定海区金塘镇人民政府', null, 'a township of 定海区 — another county'],
  pt_sj: ['舟山市普陀区市场监督管理局', null, '普陀区\'s bureau: without the prefix it would read as ZY01 — another district'],
  pt_jt: ['普陀区交通运输局', null, '普陀区\'s bureau — another district'],
  ds_zh: ['岱山县综合行政执法局', null, '岱山县\'s bureau: without 岱山县 it would read as ZH01 — another county'],
  ds_abbr: ['岱山综合执法局', null, '岱山 + 综合执法局: 岱山县\'s bureau, not 嵊泗\'s — another county'],
  ds_sj: ['岱山县市场监督管理局', null, '岱山县\'s bureau — another county'],
  ds_town: ['岱山县高亭镇人民政府', null, 'a township of 岱山县 — another county'],
  city_zh: ['舟山市综合行政执法局', null, 'the CITY\'s own bureau: without 舟山市 it reads 综合行政执法局 (ZH01 without 嵊泗县) — a different body'],
  city_sj: ['舟山市市场监督管理局', null, 'the CITY\'s own bureau — a different body from ZY01'],
};
const NAME = (k) => N[k][0];
const UID = (k) => N[k][1];
const countyOf = (k) => (UID(k) ? '嵊泗县' : /定海/.test(NAME(k)) ? '定海区' : /普陀/.test(NAME(k)) ? '普陀区' : /岱山/.test(NAME(k)) ? '岱山县' : '舟山市（市本级）');
// credit codes of the enforcement bodies (机关: 登记管理部门 1 机构编制, 类别 1 机关, then the area code)
const BODY_CODE = {};
for (const k of Object.keys(N)) {
  const c = countyOf(k);
  BODY_CODE[k] = uscc('1', '1', COUNTY[c] ?? '330900');
}
// a business of another county (名称 and code of that county)
const OTHER_BIZ = [
  ['舟山市定海区金塘港航物流有限公司', '330902'], ['舟山市普陀区沈家门渔港餐饮店', '330903'], ['岱山县高亭镇海悦宾馆', '330921'],
  ['舟山市定海区盐仓建材商行', '330902'], ['岱山县衢山镇渔需物资经营部', '330921'], ['舟山市普陀区朱家尖海景民宿', '330903'],
].map(([name, area], i) => ({ name, code: uscc('9', i % 2 ? '2' : '1', area) }));

// ============================================================================================
// 01 执法人员 — the city's 执法证 management list of all four counties (所属区县, 2024)
// ============================================================================================
async function file01(roster) {
  const file = '01_舟山市行政执法人员信息（全市，执法证件管理系统导出）.xlsx';
  const spec = [
    ['序号', null, { note: 'a row number' }],
    ['所属区县', null, { note: 'the county/district: no field (not the officer\'s 派驻乡镇)' }],
    ['执法主体', 'unit_id'],
    ['人员编号', 'officer_id'],
    ['姓名', 'name'],
    ['执法证号', 'cert_no'],
    ['年度', 'year'],
  ];
  const pickU = { ZH01: 'zh_city', ZY01: 'zy01_abbr', ZY04: 'zy04_city', HY01: 'hy_city', XZ01: 'xz01_city', ZY08: 'zy08_abbr' };
  const ours = [];
  for (const [u, k] of Object.entries(pickU)) ours.push(...roster.filter((o) => o.unit === u && o.cert).slice(0, u === 'ZH01' ? 3 : 2).map((o) => ({ o, k })));
  const others = [
    ['dh_zh', 'DH0101', '沈某杰', '浙执202400901'], ['dh_zh2', 'DH0102', '方某婷', '浙执202400902'], ['pt_sj', 'PT0201', '胡某斌', '浙执202400903'],
    ['ds_zh', 'DS0301', '葛某', '浙执202400904'], ['ds_abbr', 'DS0302', '童某红', '浙执202400905'], ['city_zh', 'ZS0001', '邵某峰', '浙执202400906'],
  ];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('人员信息');
  ws.mergeCells(1, 1, 1, spec.length);
  ws.getCell(1, 1).value = '舟山市行政执法人员信息一览表（2024年度，含各县区）';
  putRow(ws, 2, spec.map((s) => s[0]));
  const rows = [...ours.map((x) => ({ ...x, mine: true })), ...others.map(([k, id, name, cert]) => ({ k, o: { id, name, cert } }))];
  // sorted by county as the city's system lists them: 定海区, 普陀区, 岱山县, 嵊泗县, then 市本级
  const ORDER = ['定海区', '普陀区', '岱山县', '嵊泗县', '舟山市（市本级）'];
  rows.sort((a, b) => ORDER.indexOf(countyOf(a.k)) - ORDER.indexOf(countyOf(b.k)));
  const order = rows.map((x, i) => ({ x, i }));
  order.splice(5, 0, { broken: 'nokey' });
  order.splice(13, 0, { broken: 'unit' });
  const rejected = [];
  const records = [];
  const checks = [];
  let r = 3;
  let n = 1;
  for (const { x, broken } of order) {
    if (broken === 'nokey') {
      putRow(ws, r, [n++, '岱山县', NAME('ds_zh'), '', '鲍某', '浙执202400907', 2024]);
      rejected.push({ line: r, why: '人员编号为空 / no officer id: no key' });
    } else if (broken === 'unit') {
      const o = roster.find((y) => y.unit === 'ZY05' && y.cert);
      putRow(ws, r, [n++, '嵊泗县', '', o.id, o.name, o.cert, 2024]);
      rejected.push({ line: r, why: '执法主体为空（必填）/ required unit empty' });
    } else {
      const { o, k } = x;
      putRow(ws, r, [n++, countyOf(k), NAME(k), o.id, o.name, o.cert, 2024]);
      records.push({ id: [o.id, 2024], enums: {} });
      const w = { officer_id: o.id, year: 2024 };
      if (!checks.some((c) => c.why.startsWith(`执法主体 ${NAME(k)}:`))) checks.push({ where: w, field: 'unit_id', expected: UID(k), why: `执法主体 ${NAME(k)}: ${N[k][2]}${UID(k) ? '' : ' — the row loads, its unit unresolved'}` });
    }
    r++;
  }
  checks.push({ where: { officer_id: 'DS0301', year: 2024 }, field: 'cert_no', expected: '浙执202400904', why: 'another county\'s officer loads as written (unit unresolved)' });
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'officer', workspace: ['units', 'matters'], format: 'xlsx (exceljs), one sheet 人员信息',
    layout: 'row 1 a merged title, header row 2; 序号; 所属区县 of four counties and 市本级; 执法主体 with 舟山市 before it, 嵊泗… abbreviations, other counties\' and the city\'s bodies',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [{ line: 1, why: 'title' }],
    enums: {}, identity: ['officer_id', 'year'], records, value_checks: checks,
  });
}

// ============================================================================================
// 02 处罚案件 — the city's 全市 case list (GBK CSV), with cases moved to and from 岱山县
// ============================================================================================
function file02(roster) {
  const file = '02_舟山市行政处罚案件汇总（全市各县区_含跨区域移送）.csv';
  const spec = [
    ['所属区县', null, { note: 'the county/district: no field' }],
    ['案件编号', 'case_id'],
    ['执法主体', 'unit_id'],
    ['案件来源', 'source'],
    ['立案日期', 'filed_date'],
    ['结案日期', 'closed_date'],
    ['罚款金额（元）', 'fine_amount'],
    ['当事人', 'party_name'],
    ['承办人', 'officer_ids'],
    ['移送情况', null, { note: 'where a case went or came from (已移送岱山县综合行政执法局): a text, no field' }],
  ];
  const SOURCE = { 检查: '日常检查', 投诉举报: '投诉举报', 12345: '12345热线', 移送: '外县（区）移送' };
  const zh = roster.filter((o) => o.unit === 'ZH01').slice(0, 4);
  const sj = roster.filter((o) => o.unit === 'ZY01').slice(0, 2);
  // [unitKey, source, transfer text, officers]
  const cases = [
    ['dh_zh', '检查', '', '沈某杰、方某婷'], ['dh_zh2', '投诉举报', '', '方某婷'], ['dh_town', '12345', '', '何某'],
    ['pt_sj', '检查', '', '胡某斌'], ['pt_jt', '投诉举报', '', '严某'],
    ['ds_zh', '移送', '由嵊泗县综合行政执法局移送（管辖权异议，违法行为地在岱山县）', '葛某'], ['ds_sj', '检查', '', '童某红'], ['ds_town', '12345', '', '林某'],
    ['zh_city', '检查', '', `${zh[0].name}、${zh[1].name}`], ['zh_city', '投诉举报', '已移送岱山县综合行政执法局', `${zh[2].name}、${zh[3].name}`],
    ['zh_abbr', '移送', '由岱山县综合行政执法局移送', `${zh[0].name}、${zh[2].name}`], ['zy01_city', '12345', '', `${sj[0].name}、${sj[1].name}`],
    ['zy01_abbr', '检查', '', `${sj[1].name}`], ['zh_full', '检查', '', `${zh[1].name}、${zh[3].name}`],
    ['city_zh', '检查', '', '邵某峰'], ['city_sj', '投诉举报', '', '宋某'],
  ];
  const PREFIX = { 定海区: '舟定', 普陀区: '舟普', 岱山县: '岱', 嵊泗县: '嵊', '舟山市（市本级）': '舟' };
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const order = cases.map((c, k) => ({ c, k }));
  order.splice(4, 0, { broken: 'date' });
  order.splice(12, 0, { broken: 'nokey' });
  const seq = {};
  for (const { c, k, broken } of order) {
    const line = lines.length + 1;
    if (broken === 'date') {
      lines.push(['普陀区', '舟普综执罚〔2024〕88号', NAME('pt_sj'), SOURCE['检查'], '2024-09-31', '2024-10-20', '3000', PERSONS[4], '胡某斌', ''].map(csvq).join(','));
      rejected.push({ line, why: '立案日期 2024-09-31 不存在 / impossible required date' });
      continue;
    }
    if (broken === 'nokey') {
      lines.push(['嵊泗县', '', NAME('zh_city'), SOURCE['移送'], '2024-06-03', '', '', PERSONS[5], zh[0].name, '由岱山县综合行政执法局移送（待立案编号）'].map(csvq).join(','));
      rejected.push({ line, why: '案件编号为空（移送来的案件尚未编号）/ no case id: no key' });
      continue;
    }
    const [u, src, moved, off] = c;
    const county = countyOf(u);
    const p = `${PREFIX[county]}${/市场|市监/.test(NAME(u)) ? '市监' : /交通/.test(NAME(u)) ? '交' : /镇/.test(NAME(u)) ? '镇' : '综执'}罚`;
    seq[p] = (seq[p] ?? 0) + 1;
    const id = `${p}〔2024〕${seq[p] + 10 * (k % 4)}号`;
    const filed = randDate(1, 10);
    const closed = addDays(filed, int(10, 60));
    const fine = pick([500, 1000, 2000, 5000, 10000]);
    const biz = BUSINESSES[k % BUSINESSES.length];
    const party = UID(u) ? (k % 2 ? biz.name : PERSONS[k % PERSONS.length]) : OTHER_BIZ[k % OTHER_BIZ.length].name;
    lines.push([county, id, NAME(u), SOURCE[src], isoD(filed), isoD(closed), String(fine), party, off, moved].map(csvq).join(','));
    records.push({ id: [id], enums: { source: SOURCE[src] } });
    const w = { case_id: id };
    checks.push({ where: w, field: 'unit_id', expected: UID(u), why: `执法主体 ${NAME(u)}: ${N[u][2]}${moved ? ` (${moved})` : ''}` });
    if (UID(u) && k === 8) checks.push({ where: w, field: 'officer_ids', expected: [zh[0].id, zh[1].id].sort(), why: `承办人 ${off}` });
    if (k === 9) checks.push({ where: w, field: 'fine_amount', expected: fine, why: 'a case moved out to 岱山县 after filing is still the county\'s case record' });
  }
  writeFileSync(join(DIR, file), iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));
  finish({
    file, table: 'penalty_case', workspace: ['units', 'matters', 'officers'], format: 'csv, GBK, CRLF',
    layout: 'header line 1; 所属区县 first; rows of 定海区, 普陀区, 岱山县, 嵊泗县 and 市本级; 执法主体 with 舟山市 before it or abbreviated; 案件来源 外县（区）移送; 移送情况 text',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { source: invert(SOURCE) },
    identity: ['case_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 03 行政检查 — a provincial platform's list: the county by 行政区划代码, bodies abbreviated
// ============================================================================================
function file03() {
  const file = '03_行政检查记录（省执法监管平台按行政区划代码导出_舟山市）.csv';
  const spec = [
    ['行政区划代码', null, { note: 'the county\'s GB/T 2260 code (330922 = 嵊泗县): no field' }],
    ['检查编号', 'inspection_id'],
    ['检查日期', 'date'],
    ['实施机关', 'lead_unit_id'],
    ['检查对象名称', 'subject_name'],
    ['检查对象统一社会信用代码', 'subject_id'],
    ['检查类型', 'inspection_type'],
    ['检查结果', 'result'],
  ];
  const TYPE = { 双随机: '双随机抽查', 日常巡查: '日常检查', 专项: '专项检查' };
  const RESULT = { 无问题: '未发现问题', 责令整改: '责令整改', 立案: '立案查处' };
  const keys = ['zh_abbr', 'ds_abbr', 'zy01_abbr', 'dh_zh2', 'zy08_abbr', 'zh_abbr', 'pt_jt', 'zy02_full', 'ds_sj', 'xz03_full', 'zy01_abbr', 'city_sj', 'zy05_full', 'ds_abbr', 'zh_city', 'dh_zh'];
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const order = keys.map((u, k) => ({ u, k }));
  order.splice(6, 0, { broken: 'nokey' });
  order.splice(13, 0, { broken: 'nosubject' });
  for (const { u, k, broken } of order) {
    const line = lines.length + 1;
    if (broken === 'nokey') {
      lines.push(['330922', '', '2024-05-14', NAME('zh_abbr'), BUSINESSES[2].name, BUSINESSES[2].code, TYPE['日常巡查'], RESULT['无问题']].map(csvq).join(','));
      rejected.push({ line, why: '检查编号为空 / no inspection id: no key' });
      continue;
    }
    if (broken === 'nosubject') {
      lines.push(['330922', 'JC330922202400913', '2024-08-21', NAME('zy01_abbr'), '', '', TYPE['专项'], RESULT['责令整改']].map(csvq).join(','));
      rejected.push({ line, why: '检查对象统一社会信用代码为空（必填）/ required subject id empty' });
      continue;
    }
    const county = countyOf(u);
    const area = COUNTY[county] ?? '330900';
    const d = randDate(1, 11);
    const id = `JC${area}2024${pad(k + 1, 5)}`;
    const biz = UID(u) ? BUSINESSES[(k * 5) % BUSINESSES.length] : OTHER_BIZ[k % OTHER_BIZ.length];
    const type = pick(Object.keys(TYPE));
    const res = pick(Object.keys(RESULT));
    lines.push([area, id, isoD(d), NAME(u), biz.name, biz.code, TYPE[type], RESULT[res]].map(csvq).join(','));
    records.push({ id: [id], enums: { inspection_type: TYPE[type], result: RESULT[res] } });
    checks.push({ where: { inspection_id: id }, field: 'lead_unit_id', expected: UID(u), why: `实施机关 ${NAME(u)} (区划 ${area}): ${N[u][2]}` });
  }
  writeFileSync(join(DIR, file), '\ufeff' + lines.join('\n') + '\n');
  finish({
    file, table: 'inspection', workspace: ['units', 'matters', 'officers'], format: 'csv, UTF-8 with BOM, LF',
    layout: 'header line 1; 行政区划代码 first (330902/330903/330921/330922, 330900 市本级); 实施机关 abbreviated (嵊泗综合执法局, 岱山综合执法局) or in full',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { inspection_type: invert(TYPE), result: invert(RESULT) }, identity: ['inspection_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 04 检查计划 — the city's 部门联合双随机 plan for several counties (发起部门 the city's bureau)
// ============================================================================================
async function file04() {
  const file = '04_舟山市2024年度部门联合双随机抽查计划（市级统筹_分县区任务）.xlsx';
  const spec = [
    ['任务编号', 'plan_task_id'],
    ['任务名称', 'plan_type', { note: 'the kind of task in words' }],
    ['发起部门', null, { note: 'the CITY body that made the plan (舟山市市场监督管理局): not the unit that must do it' }],
    ['责任单位', 'unit_id'],
    ['实施区县', null, { note: 'the county/district: no field' }],
    ['计划完成日期', 'due_date'],
    ['检查对象', 'subject_name'],
    ['统一社会信用代码', 'subject_id'],
  ];
  const tasks = [
    ['zy01_city', '市场监管'], ['ds_sj', '市场监管'], ['pt_sj', '市场监管'], ['zy01_full', '市场监管'], ['dh_zh2', '综合执法'],
    ['zh_city', '综合执法'], ['ds_zh', '综合执法'], ['zy04_city', '交通运输'], ['pt_jt', '交通运输'], ['zy08_abbr', '卫生健康'],
    ['zh_abbr', '综合执法'], ['hy_city', '海洋渔业'], ['city_zh', '综合执法'], ['xz01_city', '乡镇综合执法'],
  ];
  const NAMEOF = { 市场监管: '食品经营单位部门联合双随机抽查', 综合执法: '燃气经营场所部门联合双随机抽查', 交通运输: '道路运输企业部门联合双随机抽查', 卫生健康: '公共场所卫生部门联合双随机抽查', 海洋渔业: '渔业船舶部门联合双随机抽查', 乡镇综合执法: '沿街店铺部门联合双随机抽查' };
  const ISSUER = { 市场监管: NAME('city_sj'), 综合执法: NAME('city_zh'), 交通运输: '舟山市交通运输局', 卫生健康: '舟山市卫生健康委员会', 海洋渔业: '舟山市海洋与渔业局', 乡镇综合执法: NAME('city_zh') };
  const wb = newWorkbook();
  const ws = wb.addWorksheet('任务清单');
  putRow(ws, 1, spec.map((s) => s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const order = tasks.map((t, k) => ({ t, k }));
  order.splice(3, 0, { broken: 'due' });
  order.splice(11, 0, { dupOf: 6 });
  let r = 2;
  const written = [];
  for (const { t, k, broken, dupOf } of order) {
    if (broken === 'due') {
      putRow(ws, r, ['SSJ-ZS-2024-099', NAMEOF['市场监管'], ISSUER['市场监管'], NAME('zy01_city'), '嵊泗县', '', BUSINESSES[1].name, BUSINESSES[1].code]);
      rejected.push({ line: r, why: '计划完成日期为空（必填）/ required due date empty' });
      r++;
      continue;
    }
    if (dupOf !== undefined) {
      putRow(ws, r, written[dupOf]);
      rejected.push({ line: r, why: `任务编号 ${written[dupOf][0]} 重复（与第 ${dupOf + 3} 行完全相同：市里合并各县区清单时重复）/ duplicate key` });
      r++;
      continue;
    }
    const [u, dom] = t;
    const id = `SSJ-ZS-2024-${pad(k + 1, 3)}`;
    const due = randDate(6, 12);
    const biz = UID(u) ? BUSINESSES[(k * 7) % BUSINESSES.length] : OTHER_BIZ[k % OTHER_BIZ.length];
    const cells = [id, NAMEOF[dom], ISSUER[dom], NAME(u), countyOf(u).replace('舟山市（市本级）', '市本级'), dateCell(due), biz.name, biz.code];
    putRow(ws, r, cells);
    written.push(cells);
    records.push({ id: [id], enums: {} });
    checks.push({ where: { plan_task_id: id }, field: 'unit_id', expected: UID(u), why: `责任单位 ${NAME(u)}: ${N[u][2]} (发起部门 ${ISSUER[dom]} is the city body that planned it, another column)` });
    if (k === 0) checks.push({ where: { plan_task_id: id }, field: 'due_date', expected: isoD(due), why: '计划完成日期 (a date cell)' });
    r++;
  }
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'inspection_plan', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet 任务清单',
    layout: 'header row 1; 发起部门 a city bureau beside 责任单位 the county body; 实施区县; due dates as date cells',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {}, identity: ['plan_task_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 05 投诉举报 — 舟山市12345 tickets of all four counties (UTF-8 CSV, 所属区县 and 所属乡镇（街道）)
// ============================================================================================
function file05() {
  const file = '05_舟山市12345政务服务热线工单（全市_按区县分派）.csv';
  const spec = [
    ['工单编号', 'complaint_id'],
    ['受理时间', 'received_date'],
    ['来源渠道', 'channel'],
    ['所属区县', null, { note: 'the county/district: no field — it is not the township' }],
    ['所属乡镇（街道）', 'township'],
    ['承办单位', 'unit_id'],
    ['办结时间', 'closed_date'],
    ['满意度', 'satisfaction'],
  ];
  const CHANNEL = { 12345: '12345热线', 投诉举报平台: '浙江省统一投诉举报平台', 基层治理四平台: '基层治理四平台' };
  const SAT = { 满意: '满意', 基本满意: '基本满意', 不满意: '不满意', 未评价: '未评价' };
  const items = [
    ['dh_zh2', '盐仓街道'], ['dh_town', '金塘镇'], ['pt_sj', '沈家门街道'], ['pt_jt', '东港街道'], ['ds_zh', '高亭镇'], ['ds_town', '高亭镇'],
    ['zh_city', '菜园镇'], ['zy01_abbr', '菜园镇'], ['xz01_city', '菜园镇'], ['zh_abbr', '嵊山镇'], ['zy04_city', '洋山镇'], ['zy08_abbr', '五龙乡'],
    ['xz03_full', '洋山镇'], ['city_zh', '临城街道'], ['hy_city', '枸杞乡'], ['ds_abbr', '衢山镇'],
  ];
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const order = items.map((x, k) => ({ x, k }));
  order.splice(2, 0, { broken: 'date' });
  order.splice(10, 0, { broken: 'nokey' });
  for (const { x, k, broken } of order) {
    const line = lines.length + 1;
    if (broken === 'date') {
      lines.push(['ZS12345202402300011', '2024-02-30 09:12:40', CHANNEL[12345], '定海区', '昌国街道', NAME('dh_zh'), '2024-03-05 16:00:00', '满意'].map(csvq).join(','));
      rejected.push({ line, why: '受理时间 2024-02-30 不存在 / impossible required date' });
      continue;
    }
    if (broken === 'nokey') {
      lines.push(['', '2024-07-02 10:05:11', CHANNEL[12345], '嵊泗县', '菜园镇', NAME('zh_city'), '2024-07-09 11:30:00', '未评价'].map(csvq).join(','));
      rejected.push({ line, why: '工单编号为空 / no ticket id: no key' });
      continue;
    }
    const [u, town] = x;
    const d = randDate(1, 11);
    const id = `ZS12345${d[0]}${pad(d[1])}${pad(d[2])}${pad(k + 1, 4)}`;
    const ch = pick(Object.keys(CHANNEL));
    const sat = pick(Object.keys(SAT));
    const county = countyOf(u).replace('舟山市（市本级）', '定海区');
    lines.push([id, `${isoD(d)} ${pad(int(8, 17))}:${pad(int(0, 59))}:${pad(int(0, 59))}`, CHANNEL[ch], county, town, NAME(u), `${isoD(addDays(d, int(2, 14)))} ${pad(int(8, 17))}:00:00`, SAT[sat]].map(csvq).join(','));
    records.push({ id: [id], enums: { channel: CHANNEL[ch], satisfaction: SAT[sat] } });
    checks.push({ where: { complaint_id: id }, field: 'unit_id', expected: UID(u), why: `承办单位 ${NAME(u)}: ${N[u][2]}` });
    if (k === 0 || k === 6) checks.push({ where: { complaint_id: id }, field: 'township', expected: town, why: `所属乡镇（街道） ${town} kept as written (not the 所属区县 ${county})` });
  }
  writeFileSync(join(DIR, file), lines.join('\n') + '\n');
  finish({
    file, table: 'complaint', workspace: ['units', 'matters', 'officers'], format: 'csv, UTF-8 (no BOM), LF',
    layout: 'header line 1; 所属区县 beside 所属乡镇（街道）(streets of 定海区/普陀区 too); 承办单位 of four counties and the city; date-times',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { channel: invert(CHANNEL), satisfaction: invert(SAT) }, identity: ['complaint_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 06 复议诉讼 — the city 司法局's 复议 register: respondents with their 统一社会信用代码
// ============================================================================================
async function file06() {
  const file = '06_舟山市行政复议案件登记（市司法局_被申请人含统一社会信用代码）.xlsx';
  const spec = [
    ['复议案号', 'id'],
    ['被申请人名称', 'unit_id'],
    ['被申请人统一社会信用代码', null, { note: 'the respondent body\'s own credit code: no field of the schema holds a unit\'s credit code (unit has none)' }],
    ['所属区县', null, { note: 'no field' }],
    ['类别', 'kind'],
    ['收案日期', 'filed_date'],
    ['结案日期', 'decided_date'],
    ['复议结果', 'outcome'],
  ];
  const KIND = { 复议: '行政复议', 诉讼: '行政诉讼' };
  const OUT = { 维持: '维持', 驳回: '驳回复议申请', 撤销: '撤销', 确认违法: '确认违法' };
  const keys = ['zh_city', 'dh_zh', 'zy01_city', 'ds_zh', 'pt_sj', 'zy02_full', 'city_zh', 'zh_abbr', 'ds_sj', 'zy04_city', 'dh_town', 'hy_city', 'city_sj', 'zy01_abbr'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('复议登记');
  putRow(ws, 1, spec.map((s) => s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const order = keys.map((u, k) => ({ u, k }));
  order.splice(4, 0, { broken: 'codeonly' });
  order.splice(12, 0, { broken: 'kind' });
  let r = 2;
  for (const { u, k, broken } of order) {
    if (broken === 'codeonly') {
      putRow(ws, r, ['舟政复〔2024〕77号', '', BODY_CODE.zh_city, '嵊泗县', KIND['复议'], dateCell([2024, 4, 8]), dateCell([2024, 6, 3]), OUT['维持']]);
      rejected.push({ line: r, why: '被申请人名称为空（只有统一社会信用代码，单位名录没有信用代码可对）/ required unit empty' });
      r++;
      continue;
    }
    if (broken === 'kind') {
      putRow(ws, r, ['舟政复〔2024〕81号', NAME('zh_city'), BODY_CODE.zh_city, '嵊泗县', '', dateCell([2024, 9, 2]), '', '']);
      rejected.push({ line: r, why: '类别为空（必填）/ required kind empty' });
      r++;
      continue;
    }
    const kind = k % 4 === 3 ? '诉讼' : '复议';
    const id = kind === '复议' ? `舟政复〔2024〕${k + 10}号` : `（2024）浙0902行初${k + 30}号`;
    const filed = randDate(1, 9);
    const out = pick(Object.keys(OUT));
    putRow(ws, r, [id, NAME(u), BODY_CODE[u], countyOf(u).replace('舟山市（市本级）', '市本级'), KIND[kind], dateCell(filed), dateCell(addDays(filed, int(30, 80))), OUT[out]]);
    records.push({ id: [id], enums: { kind: KIND[kind], outcome: OUT[out] } });
    checks.push({ where: { id }, field: 'unit_id', expected: UID(u), why: `被申请人 ${NAME(u)}: ${N[u][2]}` });
    r++;
  }
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'review_litigation', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet 复议登记',
    layout: 'header row 1; 被申请人名称 beside 被申请人统一社会信用代码 (11330922…, 机关 codes of each county and 11330900… of the city); 所属区县; date cells',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { kind: invert(KIND), outcome: { 维持: '维持', 驳回复议申请: '驳回', 撤销: '撤销', 确认违法: '确认违法' } }, identity: ['id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 07 监督发现问题 — the city's 案卷评查 of all four counties, grouped by county with section rows
// ============================================================================================
async function file07() {
  const file = '07_舟山市2024年度行政执法案卷评查结果（全市）.xlsx';
  const spec = [
    ['问题编号', 'finding_id'],
    ['区县', null, { note: 'the county/district: no field' }],
    ['被评查单位', 'unit_id'],
    ['案卷编号', 'case_id'],
    ['评查得分', 'casefile_score'],
    ['评查等次', 'casefile_grade'],
    ['问题来源', 'source'],
    ['发现日期', 'found_date'],
    ['存在问题', 'description'],
  ];
  const GRADE = { 优秀: '优秀', 合格: '合格', 不合格: '不合格' };
  const DESC = ['处罚决定书未载明救济途径', '现场检查笔录无当事人签名', '裁量理由说明不充分', '送达程序不规范', '证据目录与案卷材料不符'];
  const groups = [
    ['定海区', ['dh_zh', 'dh_zh2', 'dh_town']], ['普陀区', ['pt_sj', 'pt_jt']], ['岱山县', ['ds_zh', 'ds_abbr', 'ds_sj']],
    ['嵊泗县', ['zh_city', 'zy01_city', 'zh_abbr', 'zy08_abbr', 'xz01_city', 'zy05_full']], ['市本级', ['city_zh']],
  ];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('评查结果');
  ws.mergeCells(1, 1, 1, spec.length);
  ws.getCell(1, 1).value = '舟山市2024年度行政执法案卷评查结果汇总（市司法局）';
  putRow(ws, 2, spec.map((s) => s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [{ line: 1, why: 'title' }];
  let r = 3;
  let k = 0;
  for (const [county, keys] of groups) {
    for (const u of keys) {
      if (k === 4) {
        putRow(ws, r, ['PC2024-099', county, NAME('pt_jt'), '舟普交罚〔2024〕3号', 92, GRADE['优秀'], '案卷评查', '2024年11月31日', DESC[0]]);
        rejected.push({ line: r, why: '发现日期 2024年11月31日 不存在 / impossible required date' });
        r++;
      }
      if (k === 10) {
        putRow(ws, r, ['', county, NAME('zy01_abbr'), '嵊市监罚〔2024〕5号', 58, GRADE['不合格'], '案卷评查', '2024年11月20日', DESC[2]]);
        rejected.push({ line: r, why: '问题编号为空 / no finding id: no key' });
        r++;
      }
      const id = `PC2024-${pad(k + 1, 3)}`;
      const score = int(55, 98);
      const grade = score >= 90 ? '优秀' : score >= 60 ? '合格' : '不合格';
      const d = randDate(10, 12);
      putRow(ws, r, [id, county, NAME(u), `案卷${pad(k + 1, 3)}`, score, GRADE[grade], '案卷评查', `${d[0]}年${d[1]}月${d[2]}日`, DESC[k % DESC.length]]);
      records.push({ id: [id], enums: { casefile_grade: GRADE[grade] } });
      checks.push({ where: { finding_id: id }, field: 'unit_id', expected: UID(u), why: `被评查单位 ${NAME(u)}: ${N[u][2]}` });
      if (k === 9) checks.push({ where: { finding_id: id }, field: 'casefile_score', expected: score, why: '评查得分' });
      r++;
      k++;
    }
  }
  putRow(ws, r, ['注：评查等次按90分以上为优秀、60分以上为合格划分；各县区排名见另表。']);
  footer.push({ line: r, why: 'a note under the table' });
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'supervision_finding', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet 评查结果',
    layout: 'row 1 a merged title, header row 2; 区县 column, rows sorted 定海区, 普陀区, 岱山县, 嵊泗县, 市本级; dates 2024年11月5日; a note under the records',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: { casefile_grade: invert(GRADE) }, identity: ['finding_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 08 行政许可 — the province's 政务服务 permit list for 舟山市, the county by its 行政区划代码 (GB18030)
// ============================================================================================
function file08() {
  const file = '08_行政许可信息（浙江政务服务网_舟山市_按区划代码）.csv';
  const spec = [
    ['许可编号', 'permit_id'],
    ['行政相对人名称', 'subject_name'],
    ['统一社会信用代码', 'subject_id'],
    ['许可事项', 'matter_code', { note: 'the approval matter in words' }],
    ['许可机关', 'unit_id'],
    ['许可机关行政区划代码', null, { note: 'the issuing body\'s county code: no field' }],
    ['许可决定日期', 'issued_date'],
  ];
  const MAT = ['食品经营许可', '公共场所卫生许可', '道路货物运输经营许可', '渔业捕捞许可'];
  const keys = ['zy01_city', 'ds_sj', 'zy01_abbr', 'pt_sj', 'zy08_abbr', 'dh_zh2', 'zy04_city', 'city_sj', 'hy_city', 'zy01_full', 'ds_abbr', 'zh_city', 'pt_jt', 'zy08_abbr'];
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const order = keys.map((u, k) => ({ u, k }));
  order.splice(5, 0, { broken: 'subject' });
  order.splice(11, 0, { broken: 'date' });
  for (const { u, k, broken } of order) {
    const line = lines.length + 1;
    if (broken === 'subject') {
      lines.push(['JY23309220024511', BUSINESSES[7].name, '', MAT[0], NAME('zy01_city'), '330922', '2024-03-12'].map(csvq).join(','));
      rejected.push({ line, why: '统一社会信用代码为空（必填）/ required subject id empty' });
      continue;
    }
    if (broken === 'date') {
      lines.push(['JY23309210031877', OTHER_BIZ[2].name, OTHER_BIZ[2].code, MAT[0], NAME('ds_sj'), '330921', ''].map(csvq).join(','));
      rejected.push({ line, why: '许可决定日期为空（必填）/ required issued date empty' });
      continue;
    }
    const county = countyOf(u);
    const area = COUNTY[county] ?? '330900';
    const biz = UID(u) ? BUSINESSES[(k * 3) % BUSINESSES.length] : OTHER_BIZ[k % OTHER_BIZ.length];
    const mat = /市场|市监/.test(NAME(u)) ? MAT[0] : /卫健/.test(NAME(u)) ? MAT[1] : /交通/.test(NAME(u)) ? MAT[2] : /海洋/.test(NAME(u)) ? MAT[3] : MAT[0];
    const id = `XK${area}2024${pad(k + 1, 4)}`;
    const d = randDate(1, 12);
    lines.push([id, biz.name, biz.code, mat, NAME(u), area, isoD(d)].map(csvq).join(','));
    records.push({ id: [id], enums: {} });
    checks.push({ where: { permit_id: id }, field: 'unit_id', expected: UID(u), why: `许可机关 ${NAME(u)} (区划 ${area}): ${N[u][2]}` });
    if (k === 0) checks.push({ where: { permit_id: id }, field: 'subject_id', expected: biz.code, why: '统一社会信用代码 of the permit holder (not the body\'s)' });
  }
  writeFileSync(join(DIR, file), iconv.encode(lines.join('\r\n') + '\r\n', 'gb18030'));
  finish({
    file, table: 'permit', workspace: ['units', 'matters', 'officers'], format: 'csv, GB18030, CRLF',
    layout: 'header line 1; 许可机关 with 舟山市 before it or abbreviated, other counties\' and the city\'s bureaus; 许可机关行政区划代码 last but one',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {}, identity: ['permit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 09 — the province's ranking: one row per county of Zhejiang (a SUMMARY, not records).
// Not in _answer.json (the kit can only say which table a file's records go to); acceptance18.test.ts
// checks it on its own: no row of it may load into any table.
// ============================================================================================
async function file09() {
  const file = '09_浙江省2024年度各县（市、区）行政执法质效评价排名（统计表）.xlsx';
  const rows = [
    ['330922', '嵊泗县', '舟山市', 1287, 4312, 96.4, 87.2, 91.35, 12],
    ['330921', '岱山县', '舟山市', 1854, 5120, 95.1, 85.4, 89.88, 21],
    ['330902', '定海区', '舟山市', 3921, 9877, 97.8, 88.9, 93.02, 5],
    ['330903', '普陀区', '舟山市', 3310, 8765, 96.9, 86.3, 90.71, 15],
    ['330102', '上城区', '杭州市', 8123, 20114, 98.2, 90.1, 94.66, 2],
    ['330281', '余姚市', '宁波市', 5540, 13204, 97.3, 89.0, 92.41, 8],
    ['330324', '永嘉县', '温州市', 2985, 7421, 94.8, 84.7, 88.15, 30],
    ['331127', '景宁畲族自治县', '丽水市', 611, 2033, 93.5, 83.2, 86.90, 41],
  ];
  const header = ['行政区划代码', '县（市、区）', '所属设区市', '处罚案件数（件）', '检查次数（次）', '持证率（%）', '案卷评查平均分', '综合得分', '全省排名'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('排名');
  ws.mergeCells(1, 1, 1, header.length);
  ws.getCell(1, 1).value = '浙江省2024年度各县（市、区）行政执法质效评价排名（节选）';
  putRow(ws, 2, header);
  rows.forEach((row, i) => putRow(ws, 3 + i, row));
  putRow(ws, 3 + rows.length, ['合计', '', '', rows.reduce((a, x) => a + x[3], 0), rows.reduce((a, x) => a + x[4], 0)]);
  await saveWorkbook(wb, join(DIR, file));
}

// ---------------------------------------------------------------- run
const roster = await readRoster();
await file01(roster);
file02(roster);
file03();
await file04();
file05();
await file06();
await file07();
file08();
await file09();
writeFileSync(join(DIR, '_answer.json'), JSON.stringify(answer, null, 2) + '\n');
console.log(answer.files.map((f) => `${f.file}: ${f.rows_loaded} loaded, ${f.rejected.length} broken, ${f.footer_lines.length} no record, ${f.value_checks.length} checks`).join('\n'));

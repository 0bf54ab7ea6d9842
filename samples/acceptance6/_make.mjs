// Writes the sixth acceptance set (samples/acceptance6) and its answer key _answer.json.
// Run: node samples/acceptance6/_make.mjs
//
// Nine exports imitating county systems, clerks' ledgers and database dumps with layouts the earlier
// sets did not have (see README.md): an ODF spreadsheet (.ods); a DataX-style pipe dump with upper-case
// pinyin column names and \N for NULL; a CSV with Excel text guards ="…" on some columns, amounts in 万元,
// dates mixed within a column (2024.3.5 / 2024年3月5日 / Excel serials as text / 二〇二四年三月五日) and
// officers with their certificate numbers in brackets, several per cell; an XLSX with an Excel Table
// (ListObject) with a totals row, hidden rows and a frozen pane; two tables stacked on one sheet with
// their own, differently ordered headers; a Word (.docx) ledger with a vertically merged unit cell;
// ☑/☐ checkboxes and 12-digit codes as number cells; formulas with cached results (SUM, IF, date+30)
// and rich-text headers with a red *; a sheet per unit.
// The answer key is declared here by hand and never computed by the importer under test.
// Deterministic: the same rows every run. Byte-identical except 01 (.ods written by LibreOffice).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import JSZip from 'jszip';
import { acceptanceKit } from '../acceptance-kit.mjs';

const DIR = dirname(fileURLToPath(import.meta.url));
const { TMP, pick, int, pad, iso, addDays, randDate, isoD, uscc, cnDate, dotted, zhDate, zhDate0, fullWidth, xmlEsc, UNITS, COUNTY_SHORT, readRoster, readMatters, BUSINESSES, answer, columnsOf, newWorkbook, saveWorkbook, THIN, setRow, dateCell } = acceptanceKit({ set: 'acceptance6', dir: DIR, seed: 20250110, stamp: Date.UTC(2025, 0, 10, 1, 30) });

// ---------------------------------------------------------------- set 6 helpers
const dotted1 = ([y, m, d]) => `${y}.${m}.${d}`;
const slash = ([y, m, d]) => `${y}/${m}/${d}`;
/** Excel's serial day number (1900 system) of a date. */
const serial = ([y, m, d]) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
function uniqueOfficers(roster) {
  const count = {};
  for (const o of roster) count[o.name] = (count[o.name] ?? 0) + 1;
  return (unit) => roster.filter((o) => o.unit === unit && o.cert && count[o.name] === 1);
}
/** An 18-digit resident id number with its check character (made up). */
function idNumber(birth) {
  const body = `330922${birth[0]}${pad(birth[1])}${pad(birth[2])}${pad(int(10, 99))}${int(0, 9)}`;
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const s = body.split('').reduce((a, c, i) => a + Number(c) * W[i], 0);
  return body + '10X98765432'[s % 11];
}
const PERSONS = ['张某明', '李某芳', '王某强', '陈某', '刘某华', '周某军', '吴某丽', '孙某', '郑某平', '徐某'];

// ============================================================================================
// 01 执法单位 — the 执法主体 list kept in WPS/LibreOffice and sent as an ODF spreadsheet (.ods)
// ============================================================================================
async function file01() {
  const file = '01_嵊泗县行政执法主体信息表（ODF电子表格）.ods';
  const spec = [
    ['序号', null],
    ['执法主体编码', 'unit_id'],
    ['执法主体名称', 'name'],
    ['主体简称', 'short_name'],
    ['其他名称', 'aliases', { note: 'several names split by a line break inside the cell or by ；' }],
    ['执法主体类别', 'unit_type', { note: 'code and label: 01-综合行政执法部门 …' }],
    ['所属领域', 'domain'],
    ['主体层级', 'level', { note: '县（市、区）级 / 乡镇（街道）级' }],
    ['所在乡镇（街道）', 'township'],
    ['执法方式', 'mode'],
    ['驻点主体', 'hub_unit_id', { note: 'the hub by its full name' }],
    ['设立日期', 'established_date', { note: 'date cells, 2019.3.15, 2019年3月15日, 二〇一九年三月十五日 mixed' }],
    ['撤销日期', 'abolished_date'],
    ['是否公开显示', null, { note: 'publication flag of the 公示 page, no field of unit' }],
    ['编制人数', null],
  ];
  const W = spec.length;
  const INFO = {
    ZH01: ['综合执法局', ['县综合行政执法局', '县综合执法局'], '01-综合行政执法部门', '综合行政执法', '县', '', '县级', '', [2019, 3, 15], null, 86],
    ZY01: ['市场监管局', ['县市场监管局'], '02-专业执法部门', '市场监管', '县', '', '县级', '', [2019, 1, 20], null, 64],
    ZY02: ['生态环境分局', ['嵊泗生态环境分局'], '02-专业执法部门', '生态环境', '县', '', '县级', '', [2019, 4, 1], null, 18],
    ZY03: ['文广旅体局', ['县文广旅体局'], '02-专业执法部门', '文广旅体', '县', '', '县级', '', [2019, 2, 26], null, 22],
    ZY04: ['交通运输局', ['县交通运输局'], '02-专业执法部门', '交通运输', '县', '', '县级', '', [2019, 2, 26], null, 25],
    ZY05: ['农业农村局', ['县农业农村局'], '02-专业执法部门', '农业农村', '县', '', '县级', '', [2019, 2, 26], null, 16],
    ZY06: ['资规局', ['自然资源规划局', '县资规局'], '02-专业执法部门', '资源规划', '县', '', '县级', '', [2019, 2, 26], null, 20],
    ZY07: ['应急管理局', ['县应急管理局'], '02-专业执法部门', '应急管理', '县', '', '县级', '', [2019, 2, 26], null, 15],
    ZY08: ['卫健局', ['卫生健康局', '县卫健局'], '02-专业执法部门', '卫生健康', '县', '', '县级', '', [2019, 2, 26], null, 19],
    ZY09: ['水利执法队', ['县水利执法队'], '02-专业执法部门', '水利', '县', '', '县级', '', [2016, 7, 1], [2023, 3, 31], 0],
    HY01: ['海洋执法队', ['县海洋执法队', '嵊泗海洋综合执法大队'], '03-海洋综合执法队伍', '海洋渔业', '县', '', '县级', '', [2019, 9, 1], null, 38],
    XZ01: ['菜园镇', ['菜园镇综合行政执法队', '菜园中队'], '04-乡镇（街道）', '乡镇综合执法', '乡镇', '菜园镇', '派驻', '', [2021, 7, 1], null, 12],
    XZ02: ['嵊山镇', ['马鞍列岛片区综合行政执法队', '嵊山中队'], '04-乡镇（街道）', '乡镇综合执法', '乡镇', '嵊山镇', '派驻', '', [2021, 7, 1], null, 10],
    XZ03: ['洋山镇', ['洋山镇综合行政执法队'], '04-乡镇（街道）', '乡镇综合执法', '乡镇', '洋山镇', '赋权', '', [2021, 7, 1], null, 8],
    XZ04: ['五龙乡', ['五龙中队'], '04-乡镇（街道）', '乡镇综合执法', '乡镇', '五龙乡', '派驻', '', [2021, 7, 1], null, 5],
    XZ05: ['黄龙乡', ['黄龙中队'], '04-乡镇（街道）', '乡镇综合执法', '乡镇', '黄龙乡', '派驻', '', [2021, 7, 1], null, 5],
    XZ06: ['枸杞乡', ['枸杞执法点'], '04-乡镇（街道）', '乡镇综合执法', '乡镇', '枸杞乡', '片区兼管', 'XZ02', [2021, 7, 1], null, 3],
    XZ07: ['花鸟乡', ['花鸟执法点'], '04-乡镇（街道）', '乡镇综合执法', '乡镇', '花鸟乡', '片区兼管', 'XZ02', [2021, 7, 1], null, 2],
  };
  const TYPE = { '01-综合行政执法部门': '综合', '02-专业执法部门': '专业', '03-海洋综合执法队伍': '海洋', '04-乡镇（街道）': '乡镇' };
  const LEVEL = { 县: '县（市、区）级', 乡镇: '乡镇（街道）级' };
  const MODE = { 县级: '县级部门直接执法', 派驻: '派驻乡镇执法', 赋权: '赋权乡镇执法', 片区兼管: '片区统筹兼管' };
  const wb = newWorkbook();
  const ws = wb.addWorksheet('执法主体');
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).value = '嵊泗县行政执法主体信息表';
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, W);
  ws.getCell(2, 1).value = '填报单位（盖章）：嵊泗县司法局　　　　　　　　填报日期：2025年1月6日';
  setRow(ws, 3, spec.map((s) => s[0]), W);
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [];
  const ids = Object.keys(INFO);
  let r = 3;
  let n = 0;
  const rowsOut = [...ids.slice(0, 11), 'NEW', ...ids.slice(11)];
  for (const id of rowsOut) {
    n += 1;
    r += 1;
    if (id === 'NEW') {
      setRow(ws, r, [n, '', '嵊泗县马鞍列岛片区综合行政执法队（筹）', '马鞍列岛片区', '', '04-乡镇（街道）', '乡镇综合执法', LEVEL['乡镇'], '嵊山镇', MODE['片区兼管'], '', '', '', '否', ''], W);
      rejected.push({ line: r, why: '执法主体编码为空（筹建中的片区队伍，尚未赋码）/ no unit id: no key' });
      continue;
    }
    const [short, aliases, type, domain, level, town, mode, hub, est, abol, staff] = INFO[id];
    const aliasText = n % 3 === 0 ? aliases.join('；') : aliases.join('\n');
    const estCell = n % 4 === 1 ? dateCell(est, 'yyyy"年"m"月"d"日"') : n % 4 === 2 ? dotted1(est) : n % 4 === 3 ? zhDate(est) : cnDate(est);
    const abolCell = abol ? zhDate(abol) : '';
    setRow(ws, r, [n, id, UNITS[id][0], short, aliasText, type, domain, LEVEL[level], town, MODE[mode], hub ? UNITS[hub][0] : '', estCell, abolCell, abol ? '否' : '是', staff], W);
    records.push({ id: [id], enums: { unit_type: type, level: LEVEL[level], mode: MODE[mode] } });
    const w = { unit_id: id };
    if (['ZH01', 'ZY01', 'ZY02', 'ZY03'].includes(id)) checks.push({ where: w, field: 'established_date', expected: isoD(est), why: `${typeof estCell === 'string' ? estCell : 'date cell'}` });
    if (id === 'ZY09') checks.push({ where: w, field: 'abolished_date', expected: isoD(abol), why: abolCell });
    if (id === 'XZ06') checks.push({ where: w, field: 'hub_unit_id', expected: 'XZ02', why: `驻点主体 ${UNITS.XZ02[0]} (full name)` });
    if (id === 'XZ02' || id === 'ZH01') checks.push({ where: w, field: 'aliases', expected: aliases, why: `其他名称 ${JSON.stringify(aliasText)}` });
    if (id === 'XZ03') checks.push({ where: w, field: 'township', expected: '洋山镇', why: '所在乡镇（街道）' });
    if (id === 'ZY06') checks.push({ where: w, field: 'short_name', expected: '资规局', why: '主体简称' });
    if (id === 'ZY04') checks.push({ where: w, field: 'domain', expected: '交通运输', why: '所属领域' });
  }
  r += 1;
  ws.mergeCells(r, 1, r, W);
  ws.getCell(r, 1).value = '注：执法主体类别代码 01 综合行政执法部门，02 专业执法部门，03 海洋综合执法队伍，04 乡镇（街道）。';
  footer.push({ line: r, why: '注 line under the table / a note line' });
  ws.getColumn(3).width = 30;
  ws.getColumn(5).width = 28;
  const xlsx = join(TMP, 'unit.xlsx');
  await saveWorkbook(wb, xlsx);
  execFileSync('soffice', ['--headless', '--convert-to', 'ods', '--outdir', TMP, xlsx], { stdio: 'ignore' });
  copyFileSync(join(TMP, 'unit.ods'), join(DIR, file));
  answer.files.push({
    file, table: 'unit', workspace: [], format: 'ods',
    layout: 'ODF spreadsheet (.ods, written by LibreOffice Calc); row 1 merged title, row 2 merged 填报单位/填报日期 line, row 3 header, data from row 4; a 注 line at the end',
    header_rows: [3], first_data_row: 4, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: { unit_type: TYPE, level: { '县（市、区）级': '县', '乡镇（街道）级': '乡镇' }, mode: { 县级部门直接执法: '县级', 派驻乡镇执法: '派驻', 赋权乡镇执法: '赋权', 片区统筹兼管: '片区兼管' } },
    identity: ['unit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 02 执法人员 — a DataX / database dump: '|' separated, upper-case pinyin-initial column names, \N for NULL
// ============================================================================================
function file02(roster) {
  const file = '02_T_ZFRY_JBXX_2025（数据交换导出）.txt';
  const spec = [
    ['RYBH', 'officer_id', { note: '人员编号' }],
    ['ND', 'year', { note: '年度' }],
    ['XM', 'name', { note: '姓名' }],
    ['XB', null, { note: '性别' }],
    ['SFZH', 'id_number', { note: '身份证号' }],
    ['LXDH', 'phone', { note: '联系电话' }],
    ['SSDW', 'unit_id', { note: '所属单位 (full name)' }],
    ['GWCJ', 'posting', { note: '岗位层级' }],
    ['PZXZ', 'township', { note: '派驻乡镇' }],
    ['GWLB', 'role', { note: '岗位类别' }],
    ['SFZZFZSH', 'fulltime_reviewer', { note: '是否专职法制审核 1/0' }],
    ['BZLX', 'staffing_type', { note: '编制类型' }],
    ['ZFZH', 'cert_no', { note: '执法证号' }],
    ['ZJYXQQ', 'cert_valid_from', { note: '证件有效期起, 2021-01-01 00:00:00' }],
    ['ZJYXQZ', 'cert_valid_to', { note: '证件有效期至' }],
    ['SFJYFLZYZG', 'legal_qualification', { note: '是否具有法律职业资格 1/0' }],
    ['NDPXXS', 'training_hours', { note: '年度培训学时' }],
    ['CJSJ', null, { note: '创建时间 (row creation time)' }],
    ['SCBZ', null, { note: '删除标志 0' }],
  ];
  const POSTING = { 机关: '县级', 乡镇一线: '乡镇' };
  const lines = [spec.map((s) => s[0]).join('|')];
  const N = 44;
  const picked = roster.filter((o, i) => i % 7 === 3).slice(0, N);
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  const dt = (d) => (d ? `${iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate())} 00:00:00` : '\\N');
  const NUL = (v) => (v === null || v === undefined || v === '' ? '\\N' : String(v));
  for (let n = 1; n <= picked.length; n++) {
    const o = picked[n - 1];
    let id = o.id;
    let unit = UNITS[o.unit][0];
    let broken = null;
    if (n === 9) {
      id = null;
      broken = 'RYBH 为 \\N（新进人员未分配编号）/ no officer id: no key';
    }
    if (n === 27) {
      id = ids[11];
      broken = `RYBH ${id} 与第 13 行重复（同一人员两条记录）/ duplicate key`;
    }
    if (n === 35) {
      unit = null;
      broken = 'SSDW 为 \\N（所属单位必填）/ required unit empty';
    }
    ids.push(id);
    const posting = POSTING[o.posting] ?? o.posting;
    const fulltime = o.fulltime === '是' ? 1 : 0;
    const lq = o.lq === '是' ? 1 : 0;
    const hours = Number(o.hours).toFixed(1);
    const from = o.from instanceof Date ? o.from : null;
    const to = o.to instanceof Date ? o.to : null;
    lines.push([NUL(id), 2025, o.name, Number(o.idNo.slice(16, 17)) % 2 ? '男' : '女', o.idNo, o.phone, NUL(unit), posting, NUL(o.town), o.role, fulltime, o.staffing, NUL(o.cert), dt(from), dt(to), lq, hours, `2025-01-0${2 + (n % 7)} 0${8 + (n % 2)}:${pad(int(0, 59))}:${pad(int(0, 59))}`, 0].join('|'));
    const line = lines.length;
    if (broken) {
      rejected.push({ line, why: broken });
      continue;
    }
    records.push({ id: [id, 2025], enums: { posting, role: o.role, staffing_type: o.staffing } });
    const w = { officer_id: id, year: 2025 };
    if (n === 1) checks.push({ where: w, field: 'unit_id', expected: o.unit, why: `SSDW ${unit}` });
    if (n === 1 && from) checks.push({ where: w, field: 'cert_valid_from', expected: isoD([from.getUTCFullYear(), from.getUTCMonth() + 1, from.getUTCDate()]), why: dt(from) });
    if (n === 2 && to) checks.push({ where: w, field: 'cert_valid_to', expected: isoD([to.getUTCFullYear(), to.getUTCMonth() + 1, to.getUTCDate()]), why: dt(to) });
    if (n === 2) checks.push({ where: w, field: 'id_number', expected: o.idNo, why: 'SFZH' });
    if (n === 3) checks.push({ where: w, field: 'training_hours', expected: Number(hours), why: `NDPXXS ${hours}` });
    if (n === 3) checks.push({ where: w, field: 'cert_no', expected: o.cert || null, why: 'ZFZH' });
    if (!o.town && !checks.some((c) => c.field === 'township')) checks.push({ where: w, field: 'township', expected: null, why: 'PZXZ \\N is NULL, not the text \\N' });
    if (fulltime && !checks.some((c) => c.field === 'fulltime_reviewer' && c.expected === true)) checks.push({ where: w, field: 'fulltime_reviewer', expected: true, why: 'SFZZFZSH 1' });
    if (!fulltime && !checks.some((c) => c.field === 'fulltime_reviewer' && c.expected === false)) checks.push({ where: w, field: 'fulltime_reviewer', expected: false, why: 'SFZZFZSH 0' });
    if (lq && !checks.some((c) => c.field === 'legal_qualification' && c.expected === true)) checks.push({ where: w, field: 'legal_qualification', expected: true, why: 'SFJYFLZYZG 1' });
    if (!o.cert && !checks.some((c) => c.field === 'cert_no')) checks.push({ where: w, field: 'cert_no', expected: null, why: 'ZFZH \\N' });
  }
  writeFileSync(join(DIR, file), lines.join('\n') + '\n');
  const roles = Object.fromEntries([...new Set(picked.map((o) => o.role))].map((x) => [x, { 执法: '执法', 法制审核: '法制审核', 管理: '管理', 其他: '其他' }[x] ?? null]));
  const staffing = Object.fromEntries([...new Set(picked.map((o) => o.staffing))].map((x) => [x, x]));
  answer.files.push({
    file, table: 'officer', workspace: ['units', 'matters'], format: 'txt (pipe-separated, UTF-8, no BOM, LF)',
    layout: "a DataX txtfilewriter / database dump: line 1 the table's column names (upper-case pinyin initials, no Chinese), '|' between fields, no quoting, \\N for NULL; data from line 2",
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { posting: { 县级: '县级', 乡镇: '乡镇' }, role: roles, staffing_type: staffing },
    identity: ['officer_id', 'year'], records, value_checks: checks,
  });
}

// ============================================================================================
// 03 处罚案件 — 行政处罚结果信息公开 export: CSV with ="…" guards, 万元, mixed dates, officers with cert nos
// ============================================================================================
function file03(roster, matters) {
  const file = '03_行政处罚结果信息公开_导出20250108.csv';
  const spec = [
    ['序号', null],
    ['案件编号', 'case_id', { note: 'written ="330922202400007" (Excel text guard)' }],
    ['行政处罚决定书文号', null, { note: 'the decision document number, not the case id' }],
    ['行政相对人名称', 'party_name'],
    ['行政相对人类别', 'party_type'],
    ['证件号码', 'party_id', { note: '="…" guarded credit code or id number' }],
    ['执法事项编码', 'matter_code', { note: '="331010001000"' }],
    ['处罚类别', 'penalty_types', { note: 'split by ；' }],
    ['罚款金额（万元）', 'fine_amount', { note: '万元: 0.5 is stored as 5000 (the schema keeps 元)' }],
    ['没收金额（万元）', 'confiscation_amount', { note: '万元' }],
    ['处罚机关', 'unit_id'],
    ['立案日期', 'filed_date', { note: '2024.3.5 / 2024年3月5日 / 45356 (Excel serial as text) / 二〇二四年三月五日 / 2024-03-05 mixed in the column' }],
    ['处罚决定日期', 'decision_date', { note: '2024年03月05日' }],
    ['办结日期', 'closed_date', { note: '2024/3/5 and Excel serials as text' }],
    ['承办科室', null, { note: 'an inner section of the unit, not the unit' }],
    ['执法人员', 'officer_ids', { note: '王婷（浙执202400002）；李晨慧（浙执202100005） or a line break between' }],
    ['是否重大案件', 'major_case', { note: 'Y/N' }],
    ['程序类型', 'procedure'],
    ['公示截止期', null, { note: 'end of the publication period' }],
  ];
  const W = spec.length;
  const PREFIX = { ZH01: '嵊综执罚决', ZY01: '嵊市监处罚', ZY03: '嵊文旅罚', ZY04: '嵊交执罚', ZY08: '嵊卫健罚', HY01: '嵊海执罚' };
  const SECTION = { ZH01: ['执法一中队', '法制科'], ZY01: ['执法稽查科', '食品安全科'], ZY03: ['市场管理科'], ZY04: ['运政执法科'], ZY08: ['监督执法科'], HY01: ['渔政中队', '海监中队'] };
  const units = Object.keys(PREFIX);
  const officersOf = uniqueOfficers(roster);
  const PARTY = [['法人及非法人组织', '单位'], ['自然人', '个人'], ['个体工商户', '单位']];
  const q = (v) => (/[",\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));
  const guard = (v) => `="${v}"`;
  const lines = [];
  let physical = 0;
  const push = (cells) => {
    const text = cells.map((c) => (c && typeof c === 'object' && 'raw' in c ? c.raw : q(c ?? ''))).join(',');
    lines.push(text);
    const start = physical + 1;
    physical += text.split('\n').length;
    return start;
  };
  push(spec.map((s) => s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [];
  const ids = [];
  const N = 42;
  const FINES = [0.5, 0.02, 0.2, 1.2, 0.05, 0.35, 3, 0.1, 0.8, 1.5];
  for (let n = 1; n <= N; n++) {
    const u = units[n % units.length];
    const short = UNITS[u][1];
    const ms = matters.filter((m) => m.ownerShort === short && m.power === '行政处罚');
    const m = ms[(n * 3) % ms.length];
    const filed = randDate(1, 10);
    const decided = addDays(filed, int(8, 40));
    const closed = n % 8 === 5 ? null : addDays(decided, int(3, 30));
    const [ptText, pt] = PARTY[n % 3];
    const biz = BUSINESSES[(n * 5) % BUSINESSES.length];
    const person = PERSONS[n % PERSONS.length];
    const partyName = pt === '个人' ? person : ptText === '个体工商户' ? BUSINESSES.filter((b) => b.kind === 'G')[n % 12].name : biz.name;
    const partyId = pt === '个人' ? idNumber([int(1960, 2000), int(1, 12), int(1, 28)]) : ptText === '个体工商户' ? BUSINESSES.filter((b) => b.kind === 'G')[n % 12].code : biz.code;
    const fine = FINES[n % FINES.length];
    const conf = n % 6 === 2 ? 0.137 : null;
    const types = conf ? ['罚款', '没收违法所得'] : n % 5 === 0 ? ['警告', '罚款'] : ['罚款'];
    const ofs = officersOf(u);
    const o1 = ofs[(n * 2) % ofs.length];
    const o2 = ofs[(n * 2 + 1) % ofs.length];
    const offText = n % 2 ? `${o1.name}（${o1.cert}）；${o2.name}（${o2.cert}）` : `${o1.name}（${o1.cert}）\n${o2.name}（${o2.cert}）`;
    const major = fine >= 1;
    const proc = fine <= 0.02 && pt === '个人' ? '简易程序' : '普通程序';
    let id = `3309222024${pad(n * 7 + 100, 5)}`;
    const fmts = [dotted1, zhDate, (d) => String(serial(d)), cnDate, isoD];
    let filedText = fmts[n % 5](filed);
    let broken = null;
    if (n === 7) {
      id = '';
      broken = '案件编号为空（="" ）/ no case id: no key';
    }
    if (n === 22) {
      id = ids[14];
      broken = `案件编号 ${id} 与第 15 条重复（同一案件推送两次）/ duplicate key`;
    }
    if (n === 31) {
      filedText = '2024.2.30';
      broken = '立案日期 2024.2.30 不存在 / impossible required date';
    }
    ids.push(id);
    const closedText = !closed ? '' : n % 3 === 0 ? String(serial(closed)) : slash(closed);
    const line = push([
      n, { raw: guard(id) }, `${PREFIX[u]}〔2024〕${20 + n}号`, partyName, ptText, { raw: guard(partyId) }, { raw: guard(m.code) }, types.join('；'),
      String(fine), conf ? String(conf) : '', UNITS[u][0], filedText, zhDate0(decided), closedText, SECTION[u][n % SECTION[u].length], offText,
      major ? 'Y' : 'N', proc, zhDate0(addDays(decided, 1095)),
    ]);
    if (broken) {
      rejected.push({ line, why: broken });
      continue;
    }
    records.push({ id: [id], enums: { party_type: ptText, procedure: proc } });
    const w = { case_id: id };
    if (n <= 5) checks.push({ where: w, field: 'filed_date', expected: isoD(filed), why: `立案日期 ${filedText}` });
    if (n === 1) checks.push({ where: w, field: 'decision_date', expected: isoD(decided), why: zhDate0(decided) });
    if (closed && closedText && !/\//.test(closedText) && !checks.some((c) => c.field === 'closed_date')) checks.push({ where: w, field: 'closed_date', expected: isoD(closed), why: `办结日期 ${closedText} (Excel serial as text)` });
    if ([1, 2, 4].includes(n)) checks.push({ where: w, field: 'fine_amount', expected: Math.round(fine * 10000), why: `罚款金额（万元） ${fine}` });
    if (conf && !checks.some((c) => c.field === 'confiscation_amount')) checks.push({ where: w, field: 'confiscation_amount', expected: 1370, why: '没收金额（万元） 0.137' });
    if (n === 1 || n === 2) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: JSON.stringify(offText) });
    if (n === 3) checks.push({ where: w, field: 'party_id', expected: partyId, why: `="${partyId}"` });
    if (n === 3) checks.push({ where: w, field: 'matter_code', expected: m.code, why: `="${m.code}"` });
    if (n === 1) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (n === 10) checks.push({ where: w, field: 'penalty_types', expected: types, why: types.join('；') });
    if (n === 4) checks.push({ where: w, field: 'major_case', expected: major, why: major ? 'Y' : 'N' });
  }
  const noteLine = push(['注：金额单位为万元；数据来源：浙江省行政执法监管（大综合一体化）平台，导出时间 2025-01-08 09:31:22。']);
  footer.push({ line: noteLine, why: '注 line under the table / a note line' });
  writeFileSync(join(DIR, file), '\ufeff' + lines.join('\r\n') + '\r\n');
  answer.files.push({
    file, table: 'penalty_case', workspace: ['units', 'matters', 'officers'], format: 'csv (UTF-8 BOM, CRLF)',
    layout: 'UTF-8 with BOM, CRLF, comma; header on line 1, data from line 2; 案件编号, 证件号码, 执法事项编码 written ="…" (unquoted Excel text guard); 执法人员 cells quoted with a line break inside for every second record, so physical lines run ahead of record numbers; a 注 line at the end',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: {
      party_type: { 法人及非法人组织: '单位', 自然人: '个人', 个体工商户: '单位' },
      procedure: { 普通程序: '普通', 简易程序: '简易' },
    },
    enum_accept: { party_type: { 个体工商户: ['个人'] } },
    identity: ['case_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 04 行政检查 — 双随机抽查结果公示表: an Excel Table (ListObject) with a totals row, hidden rows, frozen pane
// ============================================================================================
async function file04(roster) {
  const file = '04_2024年下半年双随机抽查结果公示表（表格对象）.xlsx';
  const spec = [
    ['序号', null],
    ['检查编号', 'inspection_id'],
    ['抽查任务编号', 'plan_task_id'],
    ['抽查类型', 'inspection_type', { note: '定向抽查 / 不定向抽查 / 部门联合抽查 — all 双随机' }],
    ['检查对象名称', 'subject_name'],
    ['统一社会信用代码', 'subject_id'],
    ['检查实施机关', 'lead_unit_id'],
    ['联合抽查部门', 'unit_ids', { note: 'partners, split by ,' }],
    ['检查完成日期', 'date'],
    ['执法检查人员', 'officer_ids', { note: 'names split by 、' }],
    ['是否涉企', 'is_enterprise', { note: '✓/✗' }],
    ['掌上执法', 'via_mobile', { note: '✓/✗' }],
    ['是否发现问题', 'problem_found', { note: '✓/✗' }],
    ['抽查结果', 'result'],
    ['关联案件编号', 'case_id'],
    ['备注', null],
  ];
  const W = spec.length;
  const TYPES = ['定向抽查', '不定向抽查', '部门联合抽查'];
  const RESULTS = [['未发现问题', '无问题'], ['发现问题已责令改正', '责令整改'], ['未发现开展本次抽查涉及的经营活动', '无问题'], ['发现问题已立案查处', '立案'], ['发现问题已移送有关部门', '移送']];
  const PARTNERS = { ZY01: ['ZY08'], ZY08: ['ZY01'], ZY03: ['ZH01', 'ZY07'], ZY07: ['ZY01'], ZH01: ['ZY01', 'ZY08'] };
  const PREFIX = { ZY01: '嵊市监罚', ZY08: '嵊卫健罚', ZY03: '嵊文旅罚', ZY07: '嵊应急罚', ZH01: '嵊综执罚' };
  const units = Object.keys(PARTNERS);
  const officersOf = uniqueOfficers(roster);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('抽查结果');
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).value = '嵊泗县2024年下半年“双随机、一公开”抽查结果公示表';
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, W);
  ws.getCell(2, 1).value = '公示机关：嵊泗县市场监督管理局（县双随机联席会议办公室）　　公示日期：2025年1月10日';
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [];
  const rows = [];
  const ids = [];
  const hidden = [];
  const N = 44;
  for (let n = 1; n <= N; n++) {
    const line = 3 + n;
    const u = units[n % units.length];
    const type = TYPES[n % 3];
    const joint = type === '部门联合抽查';
    const biz = BUSINESSES[(n * 7) % BUSINESSES.length];
    const day = randDate(7, 12);
    const ofs = officersOf(u);
    const o1 = ofs[(n * 3) % ofs.length];
    const o2 = ofs[(n * 3 + 1) % ofs.length];
    const res = n % 9 === 4 ? RESULTS[3] : n % 13 === 6 ? RESULTS[4] : n % 4 === 1 ? RESULTS[1] : n % 10 === 7 ? RESULTS[2] : RESULTS[0];
    const problem = !['无问题'].includes(res[1]);
    const caseId = res[1] === '立案' ? `${PREFIX[u]}〔2024〕${200 + n}号` : '';
    const mobile = n % 6 !== 0;
    let id = `SSJ2024${pad(n + 300, 5)}`;
    let dayCell = dateCell(day);
    let broken = null;
    if (n === 6) {
      id = '';
      broken = '检查编号为空 / no inspection id: no key';
    }
    if (n === 29) {
      id = ids[16];
      broken = `检查编号 ${id} 与第 17 条重复 / duplicate key`;
    }
    if (n === 37) {
      dayCell = '2024-09-31';
      broken = '检查完成日期 2024-09-31（文本，9月没有31日）/ impossible required date';
    }
    ids.push(id);
    const partners = joint ? PARTNERS[u] : [];
    rows.push([
      n, id, `嵊双随机〔2024〕${10 + (n % 6)}号`, type, biz.name, biz.code, UNITS[u][0], partners.map((p) => COUNTY_SHORT[p] ?? UNITS[p][0]).join(','),
      dayCell.value instanceof Date ? dayCell.value : dayCell, `${o1.name}、${o2.name}`, biz.kind === 'H' ? '✗' : '✓', mobile ? '✓' : '✗', problem ? '✓' : '✗', res[0], caseId, n % 11 === 0 ? '企业已注销' : '',
    ]);
    if (n === 11 || n === 12) hidden.push(line);
    if (broken) {
      rejected.push({ line, why: broken });
      continue;
    }
    records.push({ id: [id], enums: { inspection_type: type, result: res[0] } });
    const w = { inspection_id: id };
    if (n <= 2) checks.push({ where: w, field: 'date', expected: isoD(day), why: 'date cell in a table column' });
    if (n === 1) checks.push({ where: w, field: 'lead_unit_id', expected: u, why: UNITS[u][0] });
    if (n === 11 || n === 12) checks.push({ where: w, field: 'subject_id', expected: biz.code, why: 'a hidden row is still data' });
    if (n === 2) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: `${o1.name}、${o2.name}` });
    if (joint && !checks.some((c) => c.field === 'unit_ids')) checks.push({ where: w, field: 'unit_ids', expected: partners, why: `联合抽查部门 ${partners.map((p) => COUNTY_SHORT[p] ?? UNITS[p][0]).join(',')}` });
    if (!mobile && !checks.some((c) => c.field === 'via_mobile')) checks.push({ where: w, field: 'via_mobile', expected: false, why: '✗' });
    if (problem && !checks.some((c) => c.field === 'problem_found')) checks.push({ where: w, field: 'problem_found', expected: true, why: '✓' });
    if (caseId && !checks.some((c) => c.field === 'case_id')) checks.push({ where: w, field: 'case_id', expected: caseId, why: '关联案件编号' });
    if (biz.kind === 'H' && !checks.some((c) => c.field === 'is_enterprise')) checks.push({ where: w, field: 'is_enterprise', expected: false, why: '✗' });
  }
  ws.addTable({
    name: 'tbl_sjcc_jg',
    ref: 'A3',
    headerRow: true,
    totalsRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: spec.map(([h], i) => ({ name: h, filterButton: true, ...(i === 0 ? { totalsRowLabel: '合计' } : i === 1 ? { totalsRowFunction: 'count' } : {}) })),
    rows,
  });
  for (let i = 0; i < rows.length; i++) {
    const c = ws.getCell(4 + i, 9);
    if (c.value instanceof Date) c.numFmt = 'yyyy-mm-dd';
  }
  for (const h of hidden) ws.getRow(h).hidden = true;
  footer.push({ line: 4 + N, why: 'the Excel Table totals row (合计, a count) / totals row' });
  ws.views = [{ state: 'frozen', xSplit: 2, ySplit: 3, topLeftCell: 'C4', activeCell: 'C4' }];
  ws.getColumn(5).width = 32;
  ws.getColumn(6).width = 22;
  ws.getColumn(14).width = 30;
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'inspection', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: 'rows 1–2 merged title and 公示机关 lines; an Excel Table (ListObject tbl_sjcc_jg, style TableStyleMedium2, filter buttons) from A3: header row 3, data rows 4–47, its totals row 48 (合计 / a count of 检查编号); rows 14 and 15 hidden (still data); frozen pane at C4',
    header_rows: [3], first_data_row: 4, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: {
      inspection_type: { 定向抽查: '双随机', 不定向抽查: '双随机', 部门联合抽查: '双随机' },
      result: Object.fromEntries(RESULTS),
    },
    enum_accept: { inspection_type: { 部门联合抽查: ['综合查一次'] } },
    identity: ['inspection_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 05 行政许可 — two ledgers stacked on one sheet (一、食品经营许可 / 二、公共场所卫生许可), their own headers
// ============================================================================================
async function file05() {
  const file = '05_2024年行政许可办理情况台账（食品经营、公共场所卫生两表合一）.xlsx';
  const specA = [
    ['序号', null],
    ['许可证编号', 'permit_id'],
    ['经营者名称', 'subject_name'],
    ['社会信用代码', 'subject_id'],
    ['许可项目', 'matter_code', { note: 'the schema calls it 审批事项 (text)' }],
    ['发证机关', 'unit_id'],
    ['发证日期', 'issued_date', { note: 'date cells' }],
    ['有效期至', null],
  ];
  const W = specA.length;
  const headB = ['序号', '单位名称', '统一社会信用代码', '卫生许可证号', '许可项目', '发证日期', '发证机关', '有效期限'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('许可台账');
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).value = '嵊泗县2024年行政许可办理情况台账';
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.mergeCells(2, 1, 2, W);
  ws.getCell(2, 1).value = '一、食品经营许可';
  setRow(ws, 3, specA.map((s) => s[0]), W);
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [{ line: 2, why: 'section title 一、食品经营许可 above the first header' }];
  const names = [...BUSINESSES];
  const extra = ['嵊泗县菜园镇阿香面馆', '嵊泗县五龙乡海味小吃店', '嵊泗县嵊山镇鲜达超市', '嵊泗县洋山镇渔港快餐店', '嵊泗县黄龙乡小林烧烤店', '嵊泗县菜园镇甜心烘焙坊', '嵊泗县花鸟乡灯塔咖啡馆', '嵊泗县枸杞乡贻贝小馆'];
  for (const e of extra) names.push({ name: e, kind: 'G', code: uscc('9', '2') });
  let r = 3;
  const NA = 20;
  const idsA = [];
  for (let n = 1; n <= NA; n++) {
    r += 1;
    const b = names[(n * 5) % names.length];
    const day = randDate(1, 12);
    let id = `JY${pad(23309220000000 + n * 173, 14)}`.replace(/^JY0*/, 'JY');
    let code = b.code;
    let broken = null;
    if (n === 8) {
      id = '';
      broken = '许可证编号为空 / no permit id: no key';
    }
    if (n === 15) {
      code = '';
      broken = '社会信用代码为空（必填）/ required subject id empty';
    }
    idsA.push(id);
    setRow(ws, r, [n, id, b.name, code, '食品经营许可', UNITS.ZY01[0], dateCell(day), dateCell(addDays(day, 365 * 5 - 1))], W);
    if (broken) {
      rejected.push({ line: r, why: broken });
      continue;
    }
    records.push({ id: [id], enums: {} });
    const w = { permit_id: id };
    if (n === 1) checks.push({ where: w, field: 'issued_date', expected: isoD(day), why: 'date cell, block 一' });
    if (n === 1) checks.push({ where: w, field: 'subject_id', expected: b.code, why: '社会信用代码, block 一' });
    if (n === 2) checks.push({ where: w, field: 'unit_id', expected: 'ZY01', why: UNITS.ZY01[0] });
    if (n === 2) checks.push({ where: w, field: 'matter_code', expected: '食品经营许可', why: '许可项目 as written' });
  }
  r += 1; // blank line between the two tables
  footer.push({ line: r, why: 'blank row between the two tables' });
  r += 1;
  ws.mergeCells(r, 1, r, W);
  ws.getCell(r, 1).value = '二、公共场所卫生许可';
  footer.push({ line: r, why: 'section title 二、公共场所卫生许可' });
  r += 1;
  setRow(ws, r, headB, W);
  footer.push({ line: r, why: "the second table's own header (a different column order: 单位名称, 统一社会信用代码, 卫生许可证号, 许可项目, 发证日期, 发证机关, 有效期限)" });
  const NB = 18;
  const idsB = [];
  const KIND = ['住宿场所', '沐浴场所', '美容美发场所', '游泳场所'];
  for (let n = 1; n <= NB; n++) {
    r += 1;
    const b = names[(n * 7 + 3) % names.length];
    const day = randDate(1, 12);
    let id = `嵊卫公字〔2024〕第${pad(n * 3, 3)}号`;
    let broken = null;
    if (n === 11) {
      id = idsB[3];
      broken = `卫生许可证号 ${id} 与本表第 4 条重复 / duplicate key`;
    }
    idsB.push(id);
    const kind = KIND[n % KIND.length];
    setRow(ws, r, [n, b.name, b.code, id, `公共场所卫生许可（${kind}）`, zhDate(day), UNITS.ZY08[0], `${zhDate(day)}至${zhDate(addDays(day, 365 * 4 - 1))}`], W);
    if (broken) {
      rejected.push({ line: r, why: broken });
      continue;
    }
    records.push({ id: [id], enums: {} });
    const w = { permit_id: id };
    if (n <= 2) checks.push({ where: w, field: 'issued_date', expected: isoD(day), why: `block 二 发证日期 ${zhDate(day)} (6th column there, 7th in block 一)` });
    if (n === 1) checks.push({ where: w, field: 'subject_name', expected: b.name, why: 'block 二 单位名称 is its 2nd column' });
    if (n === 1) checks.push({ where: w, field: 'subject_id', expected: b.code, why: 'block 二 统一社会信用代码 is its 3rd column' });
    if (n === 2) checks.push({ where: w, field: 'unit_id', expected: 'ZY08', why: `block 二 发证机关 ${UNITS.ZY08[0]} is its 7th column` });
  }
  r += 2;
  ws.mergeCells(r, 1, r, W);
  ws.getCell(r, 1).value = '填报人：王某　　审核人：陈某　　填报日期：2025年1月6日';
  footer.push({ line: r, why: '填报人/审核人 signature line' });
  ws.getColumn(2).width = 22;
  ws.getColumn(3).width = 30;
  ws.getColumn(4).width = 22;
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'permit', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: `row 1 title; row 2 "一、食品经营许可"; row 3 header 一; rows 4–${3 + NA} data 一; row ${4 + NA} blank; row ${5 + NA} "二、公共场所卫生许可"; row ${6 + NA} header 二 (${headB.join(' | ')}: its own order); rows ${7 + NA}–${6 + NA + NB} data 二; a 填报人 line. The key's columns are table 一's; table 二's rows must be read by its own header (its records and value checks say so)`,
    header_rows: [3, 6 + NA], first_data_row: 4, columns: columnsOf(specA), second_header: headB, rows_loaded: records.length, rejected, footer_lines: footer,
    enums: {}, identity: ['permit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 06 监督发现问题 — a Word (.docx) 整改台账: the table in a document, the unit merged down its group
// ============================================================================================
async function file06() {
  const file = '06_2024年度行政执法监督发现问题整改台账.docx';
  const spec = [
    ['序号', null, { note: 'restarts for every unit' }],
    ['问题编号', 'finding_id'],
    ['被监督单位', 'unit_id', { note: 'merged vertically (w:vMerge) over the unit\'s findings' }],
    ['问题来源', 'source'],
    ['发现日期', 'found_date', { note: '2024年3月5日 / 2024.3.5' }],
    ['问题表现', 'description'],
    ['问题等级', 'severity'],
    ['整改期限', 'due_date'],
    ['整改完成日期', 'rectified_date', { note: 'some 二〇二四年…' }],
    ['整改落实情况', null],
  ];
  const SRC = [['执法监督检查', '执法监督'], ['案卷评查', '案卷评查'], ['检察建议', '检察建议'], ['特邀监督员反映', '特邀监督'], ['人大代表意见', '人大'], ['纪检监察机关移送', '纪委监委']];
  const DESC = ['行政检查未通过掌上执法系统录入', '处罚决定书未载明救济途径', '执法全过程记录缺失', '案卷装订不规范，证据目录缺页', '法制审核意见书未签署日期', '超期未结案', '亮码检查率偏低', '行政处罚裁量说理不充分'];
  const SEV = ['一般', '一般', '较重', '一般', '严重', '较重'];
  const units = ['ZH01', 'ZY01', 'ZY04', 'HY01', 'XZ01', 'XZ03'];
  const rejected = [];
  const records = [];
  const checks = [];
  const rowsXml = [];
  const cell = (text, { vMerge, w = 1200 } = {}) => {
    const paras = String(text ?? '').split('\n').map((t) => `<w:p><w:r><w:rPr><w:rFonts w:hint="eastAsia"/><w:sz w:val="18"/></w:rPr><w:t xml:space="preserve">${xmlEsc(t)}</w:t></w:r></w:p>`).join('');
    return `<w:tc><w:tcPr><w:tcW w:w="${w}" w:type="dxa"/>${vMerge === 'restart' ? '<w:vMerge w:val="restart"/>' : vMerge === 'cont' ? '<w:vMerge/>' : ''}<w:vAlign w:val="center"/></w:tcPr>${paras || '<w:p/>'}</w:tc>`;
  };
  const WIDTH = [600, 1500, 1800, 1300, 1400, 2600, 800, 1400, 1400, 1800];
  rowsXml.push(`<w:tr><w:trPr><w:tblHeader/></w:trPr>${spec.map((s, i) => cell(s[0], { w: WIDTH[i] })).join('')}</w:tr>`);
  let tableRow = 1;
  let n = 0;
  const ids = [];
  for (const u of units) {
    for (let k = 1; k <= 6; k++) {
      n += 1;
      tableRow += 1;
      const found = randDate(1, 10);
      const due = addDays(found, 30);
      const done = n % 7 === 3 ? null : addDays(found, int(5, 40));
      const src = SRC[(n + k) % SRC.length];
      const sev = SEV[n % SEV.length];
      let id = `JDWT-2024-${pad(n + 40, 4)}`;
      let foundText = n % 2 ? zhDate(found) : dotted1(found);
      let broken = null;
      if (n === 9) {
        id = '';
        broken = '问题编号为空 / no finding id: no key';
      }
      if (n === 28) {
        id = ids[19];
        broken = `问题编号 ${id} 与第 20 条重复 / duplicate key`;
      }
      if (n === 33) {
        foundText = '2024年2月30日';
        broken = '发现日期 2024年2月30日 不存在 / impossible required date';
      }
      ids.push(id);
      const doneText = !done ? '' : n % 3 === 0 ? cnDate(done) : zhDate(done);
      const unitName = u === 'ZH01' || u === 'ZY01' ? UNITS[u][0] : UNITS[u][1];
      rowsXml.push(
        `<w:tr>${[
          cell(k, { w: WIDTH[0] }), cell(id, { w: WIDTH[1] }), cell(k === 1 ? unitName : '', { vMerge: k === 1 ? 'restart' : 'cont', w: WIDTH[2] }), cell(src[0], { w: WIDTH[3] }), cell(foundText, { w: WIDTH[4] }),
          cell(DESC[n % DESC.length], { w: WIDTH[5] }), cell(sev, { w: WIDTH[6] }), cell(zhDate(due), { w: WIDTH[7] }), cell(doneText, { w: WIDTH[8] }), cell(done ? '已整改到位' : '正在整改', { w: WIDTH[9] }),
        ].join('')}</w:tr>`,
      );
      if (broken) {
        rejected.push({ line: tableRow, why: broken });
        continue;
      }
      records.push({ id: [id], enums: { source: src[0], severity: sev } });
      const w = { finding_id: id };
      if (k === 2 && (u === 'ZH01' || u === 'ZY04')) checks.push({ where: w, field: 'unit_id', expected: u, why: `被监督单位 merged from the group's first row (${unitName})` });
      if (n <= 2) checks.push({ where: w, field: 'found_date', expected: isoD(found), why: foundText });
      if (n === 1) checks.push({ where: w, field: 'due_date', expected: isoD(due), why: zhDate(due) });
      if (done && n % 3 === 0 && !checks.some((c) => c.field === 'rectified_date')) checks.push({ where: w, field: 'rectified_date', expected: isoD(done), why: doneText });
      if (n === 2) checks.push({ where: w, field: 'description', expected: DESC[n % DESC.length], why: '问题表现' });
    }
  }
  const para = (t, { bold = false, center = false, size = 21 } = {}) => `<w:p><w:pPr>${center ? '<w:jc w:val="center"/>' : ''}</w:pPr><w:r><w:rPr>${bold ? '<w:b/>' : ''}<w:sz w:val="${size}"/></w:rPr><w:t xml:space="preserve">${xmlEsc(t)}</w:t></w:r></w:p>`;
  const border = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((b) => `<w:${b} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`).join('');
  const doc = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${para('2024年度行政执法监督发现问题整改台账', { bold: true, center: true, size: 36 })}${para('填报单位：嵊泗县司法局（县综合行政执法指导办公室）　　　　　　　　填报日期：2025年1月9日')}<w:tbl><w:tblPr><w:tblW w:w="14800" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>${border}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${WIDTH.map((x) => `<w:gridCol w:w="${x}"/>`).join('')}</w:tblGrid>${rowsXml.join('')}</w:tbl>${para('备注：1.问题等级分为一般、较重、严重；2.整改完成后请附佐证材料报县司法局备案。')}<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1021" w:bottom="1134" w:left="1021" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`;
  const zip = new JSZip();
  const date = new Date(Date.UTC(2025, 0, 10, 1, 30));
  zip.file('[Content_Types].xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>', { date, createFolders: false });
  zip.file('_rels/.rels', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>', { date, createFolders: false });
  zip.file('docProps/core.xml', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>2024年度行政执法监督发现问题整改台账</dc:title><dc:creator>Administrator</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">2025-01-09T01:30:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">2025-01-10T01:30:00Z</dcterms:modified></cp:coreProperties>', { date, createFolders: false });
  zip.file('word/document.xml', doc, { date, createFolders: false });
  writeFileSync(join(DIR, file), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
  answer.files.push({
    file, table: 'supervision_finding', workspace: ['units', 'matters', 'officers'], format: 'docx',
    layout: 'a Word document: a title paragraph and a 填报单位 paragraph, then ONE table (header row marked as repeating w:tblHeader, 36 data rows; 被监督单位 merged vertically with w:vMerge over each unit\'s 6 rows; 序号 restarts per unit), then a 备注 paragraph. line = row of the Word table, its header row being 1 (the harness has no convention for documents; a user expects the table to import)',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { source: Object.fromEntries(SRC), severity: { 一般: '一般', 较重: '较重', 严重: '严重' } },
    identity: ['finding_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 07 执法事项 — a catalogue revision kept in Excel: ☑/☐ checkboxes, codes as number cells, two-row fine header
// ============================================================================================
async function file07(matters) {
  const file = '07_嵊泗县综合行政执法事项目录（2024年动态调整稿）.xlsx';
  const spec = [
    ['序号', null],
    ['事项代码', 'matter_code', { note: '12-digit codes as number cells (numFmt 0)' }],
    ['事项名称', 'name'],
    ['条线', 'domain'],
    ['事项类别', 'power_type'],
    ['承接队伍', 'owner_type', { note: '综合执法 / 专业执法 / 海洋执法 / 乡镇执法' }],
    ['实施主体', 'owner_unit_id'],
    ['是否划转', 'transferred', { note: '☑ / ☐' }],
    ['划出条线', 'from_domain'],
    ['是否高频', 'high_frequency', { note: '"☑是 ☐否" / "☐是 ☑否"' }],
    ['罚款幅度（元） 最低', 'fine_min'],
    ['罚款幅度（元） 最高', 'fine_max'],
    ['目录版本', 'catalogue_version'],
    ['施行日期', 'effective_date', { note: 'date cells' }],
    ['调整日期', 'revised_date', { note: '2023年6月15日 text' }],
    ['是否公开', 'published', { note: '☑ / ☐' }],
    ['备注', null],
  ];
  const W = spec.length;
  const OWNER = { 综合: '综合执法', 专业: '专业执法', 海洋: '海洋执法', 乡镇: '乡镇执法' };
  const wb = newWorkbook();
  const ws = wb.addWorksheet('事项目录');
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).value = '嵊泗县综合行政执法事项目录（2024年动态调整稿）';
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  const single = spec.map((s) => s[0]);
  for (let c = 1; c <= W; c++) {
    if (c === 11 || c === 12) continue;
    ws.mergeCells(2, c, 3, c);
    ws.getCell(2, c).value = single[c - 1];
  }
  ws.mergeCells(2, 11, 2, 12);
  ws.getCell(2, 11).value = '罚款幅度（元）';
  ws.getCell(3, 11).value = '最低';
  ws.getCell(3, 12).value = '最高';
  for (let r = 2; r <= 3; r++) for (let c = 1; c <= W; c++) ws.getCell(r, c).border = THIN;
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [];
  const picked = matters.filter((m, i) => i % 16 === 5).slice(0, 40);
  const ids = [];
  let r = 3;
  const box = (b) => (b === '是' ? '☑' : '☐');
  const pair = (b) => (b === '是' ? '☑是 ☐否' : '☐是 ☑否');
  for (let n = 1; n <= picked.length; n++) {
    r += 1;
    const m = picked[n - 1];
    let code = Number(m.code);
    let domain = m.domain;
    let broken = null;
    if (n === 5) {
      code = '';
      broken = '事项代码为空（新增事项待赋码）/ no matter code: no key';
    }
    if (n === 26) {
      code = Number(picked[9].code);
      broken = `事项代码 ${picked[9].code} 与第 10 条重复 / duplicate key`;
    }
    if (n === 33) {
      domain = '';
      broken = '条线为空（所属领域必填）/ required domain empty';
    }
    ids.push(code);
    const eff = m.eff ? m.eff.split(/[-.]/).map(Number) : null;
    const rev = m.rev ? String(m.rev).split(/[-.]/).map(Number) : null;
    setRow(ws, r, [
      n, code === '' ? '' : { value: code, numFmt: '0' }, m.name, domain, m.power, OWNER[m.owner], m.ownerShort, box(m.transferred), m.from, pair(m.hf),
      m.min ?? '', m.max ?? '', m.version, eff ? dateCell(eff) : '', rev ? zhDate(rev) : '', box(m.pub), n % 9 === 0 ? '2024年调整裁量基准' : '',
    ], W);
    if (broken) {
      rejected.push({ line: r, why: broken });
      continue;
    }
    records.push({ id: [m.code], enums: { power_type: m.power, owner_type: OWNER[m.owner] } });
    const w = { matter_code: m.code };
    if (n === 1) checks.push({ where: w, field: 'name', expected: m.name, why: 'code read from a number cell as text 12 digits' });
    if (n <= 2 && eff) checks.push({ where: w, field: 'effective_date', expected: isoD(eff), why: 'date cell' });
    if (rev && !checks.some((c) => c.field === 'revised_date')) checks.push({ where: w, field: 'revised_date', expected: isoD(rev), why: zhDate(rev) });
    if (m.transferred === '是' && !checks.some((c) => c.field === 'transferred')) checks.push({ where: w, field: 'transferred', expected: true, why: '☑' });
    if (m.transferred !== '是' && !checks.some((c) => c.field === 'transferred' && c.expected === false)) checks.push({ where: w, field: 'transferred', expected: false, why: '☐' });
    if (m.hf === '是' && !checks.some((c) => c.field === 'high_frequency' && c.expected === true)) checks.push({ where: w, field: 'high_frequency', expected: true, why: '☑是 ☐否' });
    if (m.hf !== '是' && !checks.some((c) => c.field === 'high_frequency' && c.expected === false)) checks.push({ where: w, field: 'high_frequency', expected: false, why: '☐是 ☑否' });
    if (n === 3 && m.max != null) checks.push({ where: w, field: 'fine_max', expected: m.max, why: '罚款幅度（元） › 最高' });
    if (n === 3 && m.min != null) checks.push({ where: w, field: 'fine_min', expected: m.min, why: '罚款幅度（元） › 最低' });
    if (n === 4) checks.push({ where: w, field: 'owner_unit_id', expected: { 综合执法局: 'ZH01', 市场监管局: 'ZY01', 生态环境分局: 'ZY02', 文广旅体局: 'ZY03', 交通运输局: 'ZY04', 农业农村局: 'ZY05', 资规局: 'ZY06', 应急管理局: 'ZY07', 卫健局: 'ZY08', 海洋执法队: 'HY01', 洋山镇: 'XZ03' }[m.ownerShort], why: `实施主体 ${m.ownerShort}` });
  }
  r += 1;
  ws.mergeCells(r, 1, r, W);
  ws.getCell(r, 1).value = '说明：☑为“是”，☐为“否”；罚款幅度单位为元，无罚款的留空。';
  footer.push({ line: r, why: '说明 line under the table / a note line' });
  ws.getColumn(2).width = 15;
  ws.getColumn(3).width = 48;
  ws.views = [{ state: 'frozen', ySplit: 3 }];
  await saveWorkbook(wb, join(DIR, file), { wps: true });
  const powers = Object.fromEntries([...new Set(picked.map((m) => m.power))].map((p) => [p, p.replace('行政', '')]));
  answer.files.push({
    file, table: 'matter', workspace: ['units'], format: 'xlsx (WPS custom properties)',
    layout: 'row 1 title; two header rows 2–3: every column merged down rows 2–3 but 罚款幅度（元） over 最低 / 最高; data from row 4; frozen under the header; a 说明 line at the end',
    header_rows: [2, 3], first_data_row: 4, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: { power_type: powers, owner_type: { 综合执法: '综合', 专业执法: '专业', 海洋执法: '海洋', 乡镇执法: '乡镇' } },
    identity: ['matter_code'], records, value_checks: checks,
  });
}

// ============================================================================================
// 08 监督发现问题 — 案卷评查得分汇总表 with formulas (SUM, IF, date+30) and rich-text headers with a red *
// ============================================================================================
async function file08() {
  const file = '08_2024年度行政处罚案卷评查得分汇总表（含公式）.xlsx';
  const spec = [
    ['序号', null],
    ['*评查编号', 'finding_id', { note: 'rich text: a red * run and the label' }],
    ['*被评查单位', 'unit_id', { note: '县xx局 short names' }],
    ['案卷编号', 'case_id'],
    ['评查方式', 'source', { note: '集中评查 / 交叉评查 / 网上评查 — all 案卷评查' }],
    ['*评查日期', 'found_date'],
    ['主体资格（10分）', null],
    ['办案程序（30分）', null],
    ['证据材料（20分）', null],
    ['法律适用（20分）', null],
    ['文书制作（20分）', null],
    ['总分', 'casefile_score', { note: '=SUM(G:K) with its cached result' }],
    ['等次', 'casefile_grade', { note: '=IF(L>=90,"优秀",IF(L>=60,"合格","不合格")) cached' }],
    ['问题等级', 'severity'],
    ['主要问题', 'description'],
    ['整改期限', 'due_date', { note: '=F+30 cached, a date format' }],
    ['整改完成日期', 'rectified_date'],
  ];
  const W = spec.length;
  const METHODS = ['集中评查', '交叉评查', '网上评查'];
  const PREFIX = { ZH01: '嵊综执罚', ZY01: '嵊市监罚', ZY03: '嵊文旅罚', ZY04: '嵊交执罚', ZY07: '嵊应急罚', ZY08: '嵊卫健罚', HY01: '嵊海执罚' };
  const units = Object.keys(PREFIX);
  const PROBLEMS = ['立案审批表缺少负责人签字', '调查询问笔录未告知权利义务', '处罚告知书送达回证缺失', '裁量理由未说明', '证据未经当事人确认', '文书用语不规范', '案卷目录与实际不符', '无明显问题'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('评查得分');
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).value = '2024年度行政处罚案卷评查得分汇总表';
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  for (let c = 1; c <= W; c++) {
    const h = spec[c - 1][0];
    const cellH = ws.getCell(2, c);
    cellH.value = h.startsWith('*') ? { richText: [{ font: { color: { argb: 'FFFF0000' }, bold: true }, text: '*' }, { font: { bold: true }, text: h.slice(1) }] } : h;
    cellH.border = THIN;
  }
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [];
  const ids = [];
  const N = 38;
  for (let n = 1; n <= N; n++) {
    const r = 2 + n;
    const u = units[n % units.length];
    const found = randDate(5, 11);
    const parts = [10 - (n % 3 === 0 ? 2 : 0), 30 - int(0, 12), 20 - int(0, 8), 20 - int(0, 6), 20 - int(0, 7)];
    if (n % 10 === 7) parts[1] = 8;
    const total = parts.reduce((a, b) => a + b, 0);
    const grade = total >= 90 ? '优秀' : total >= 60 ? '合格' : '不合格';
    const sev = grade === '不合格' ? '严重' : total < 80 ? '较重' : '一般';
    const due = addDays(found, 30);
    const done = n % 6 === 1 ? null : addDays(found, int(5, 28));
    let id = `PC2024-${pad(n + 100, 4)}`;
    let unitText = COUNTY_SHORT[u] ?? UNITS[u][1];
    let broken = null;
    if (n === 4) {
      id = '';
      broken = '评查编号为空 / no finding id: no key';
    }
    if (n === 24) {
      id = ids[12];
      broken = `评查编号 ${id} 与第 13 条重复 / duplicate key`;
    }
    if (n === 31) {
      unitText = '';
      broken = '被评查单位为空（必填）/ required unit empty';
    }
    ids.push(id);
    setRow(ws, r, [
      n, id, unitText, `${PREFIX[u]}〔2024〕${30 + n}号`, METHODS[n % 3], dateCell(found), ...parts,
      { value: { formula: `SUM(G${r}:K${r})`, result: total }, numFmt: 'General' },
      { value: { formula: `IF(L${r}>=90,"优秀",IF(L${r}>=60,"合格","不合格"))`, result: grade }, numFmt: 'General' },
      sev, PROBLEMS[n % PROBLEMS.length], { value: { formula: `F${r}+30`, result: serial(due) }, numFmt: 'yyyy-mm-dd' }, done ? dateCell(done) : '',
    ], W);
    if (broken) {
      rejected.push({ line: r, why: broken });
      continue;
    }
    records.push({ id: [id], enums: { source: METHODS[n % 3], casefile_grade: grade, severity: sev } });
    const w = { finding_id: id };
    if (n <= 3) checks.push({ where: w, field: 'casefile_score', expected: total, why: `=SUM(G${r}:K${r}) cached ${total}` });
    if (n === 1) checks.push({ where: w, field: 'due_date', expected: isoD(due), why: `=F${r}+30 cached` });
    if (n === 2) checks.push({ where: w, field: 'found_date', expected: isoD(found), why: 'date cell' });
    if (n === 1 || n === 2) checks.push({ where: w, field: 'unit_id', expected: u, why: unitText });
    if (n === 2) checks.push({ where: w, field: 'case_id', expected: `${PREFIX[u]}〔2024〕${30 + n}号`, why: '案卷编号' });
    if (done && !checks.some((c) => c.field === 'rectified_date')) checks.push({ where: w, field: 'rectified_date', expected: isoD(done), why: 'date cell' });
  }
  const rAvg = 3 + N;
  setRow(ws, rAvg, ['平均分', '', '', '', '', '', ...'GHIJKL'.split('').map((c) => ({ value: { formula: `ROUND(AVERAGE(${c}3:${c}${rAvg - 1}),1)`, result: 0 }, numFmt: '0.0' }))], W);
  footer.push({ line: rAvg, why: '平均分 row (AVERAGE formulas) / a totals row' });
  ws.views = [{ state: 'frozen', xSplit: 3, ySplit: 2 }];
  ws.getColumn(4).width = 20;
  ws.getColumn(15).width = 30;
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'supervision_finding', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: 'row 1 title; row 2 header, three cells rich text (a red * run + the label); data from row 3; 总分 =SUM, 等次 =IF, 整改期限 =F+30 formulas with cached results; a 平均分 row at the end with AVERAGE formulas (cached 0); frozen at D3',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: { source: { 集中评查: '案卷评查', 交叉评查: '案卷评查', 网上评查: '案卷评查' }, casefile_grade: { 优秀: '优秀', 合格: '合格', 不合格: '不合格' }, severity: { 一般: '一般', 较重: '较重', 严重: '严重' } },
    identity: ['finding_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 09 复议诉讼 — a 复议/应诉 ledger with a sheet per unit, same layout, header abbreviations
// ============================================================================================
async function file09() {
  const file = '09_行政复议应诉案件台账（分单位）_2024.xlsx';
  const spec = [
    ['序号', null],
    ['案号', 'id'],
    ['类型', 'kind', { note: '复议 / 一审 / 二审' }],
    ['申请人（原告）', null],
    ['被申请人（被告）', 'unit_id'],
    ['原处罚决定书号', 'case_id'],
    ['收案日期', 'filed_date', { note: 'date cells, 2024.03.05, 2024年3月5日' }],
    ['审结日期', 'decided_date'],
    ['审理结果', 'outcome'],
    ['是否开庭', 'hearing_held', { note: '1/0 number cells' }],
    ['负责人出庭', 'head_appeared', { note: '1/0, / for a 复议' }],
    ['备注', null],
  ];
  const W = spec.length;
  const SHEETS = [['综合执法局', 'ZH01', '嵊综执罚'], ['市场监管局', 'ZY01', '嵊市监罚'], ['交通运输局', 'ZY04', '嵊交执罚'], ['海洋执法队', 'HY01', '嵊海执罚']];
  const OUT = {
    复议: [['维持', '维持'], ['驳回申请', '驳回'], ['撤销', '撤销'], ['终止审理（申请人撤回）', '调解撤回'], ['确认违法', '确认违法'], ['', null]],
    诉讼: [['驳回诉讼请求', '驳回'], ['原告撤诉', '调解撤回'], ['判决撤销', '撤销'], ['驳回诉讼请求', '驳回'], ['', null]],
  };
  const wb = newWorkbook();
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [];
  const sheets = [];
  const allIds = [];
  let seq = 0;
  for (const [sheet, u, prefix] of SHEETS) {
    const ws = wb.addWorksheet(sheet);
    ws.mergeCells(1, 1, 1, W);
    ws.getCell(1, 1).value = `${UNITS[u][0]}行政复议、行政应诉案件台账（2024年）`;
    ws.getCell(1, 1).alignment = { horizontal: 'center' };
    setRow(ws, 2, spec.map((s) => s[0]), W);
    let loaded = 0;
    const ids = [];
    const N = 9;
    for (let n = 1; n <= N; n++) {
      seq += 1;
      const r = 2 + n;
      const kindText = n % 3 === 0 ? '一审' : n === 8 ? '二审' : '复议';
      const kind = kindText === '复议' ? '复议' : '诉讼';
      const filed = randDate(1, 10);
      const [outText, out] = OUT[kind][(n + seq) % OUT[kind].length];
      const decided = outText ? addDays(filed, int(30, 90)) : null;
      let id = kind === '复议' ? `嵊政复〔2024〕${seq + 2}号` : kindText === '一审' ? `（2024）浙0922行初${seq}号` : `（2024）浙09行终${seq}号`;
      let unitText = UNITS[u][0];
      const hearing = kind === '诉讼' && outText !== '原告撤诉' ? 1 : 0;
      const head = kind === '诉讼' ? (hearing && n % 2 ? 1 : 0) : '/';
      const fmt = seq % 3;
      const filedCell = fmt === 0 ? dateCell(filed) : fmt === 1 ? dotted(filed) : zhDate(filed);
      let broken = null;
      if (sheet === '综合执法局' && n === 5) {
        id = '';
        broken = '案号为空 / no case id: no key';
      }
      if (sheet === '交通运输局' && n === 7) {
        id = ids[1];
        broken = `案号 ${id} 与本表第 2 条重复 / duplicate key`;
      }
      if (sheet === '海洋执法队' && n === 4) {
        unitText = '';
        broken = '被申请人（被告）为空（必填）/ required unit empty';
      }
      ids.push(id);
      allIds.push(id);
      setRow(ws, r, [n, id, kindText, PERSONS[seq % PERSONS.length], unitText, `${prefix}〔2023〕${40 + seq}号`, filedCell, decided ? dateCell(decided) : '', outText, hearing, head, outText ? '' : '审理中'], W);
      if (broken) {
        rejected.push({ line: r, sheet, why: broken });
        continue;
      }
      loaded += 1;
      records.push({ id: [id], enums: { kind: kindText, outcome: outText } });
      const w = { id };
      if (n === 1) checks.push({ where: w, field: 'unit_id', expected: u, why: `sheet ${sheet}: ${unitText}` });
      if (n <= 2 && sheet === '综合执法局') checks.push({ where: w, field: 'filed_date', expected: isoD(filed), why: typeof filedCell === 'string' ? filedCell : 'date cell' });
      if (n === 3) checks.push({ where: w, field: 'hearing_held', expected: hearing === 1, why: String(hearing) });
      if (n === 1 && sheet === '市场监管局') checks.push({ where: w, field: 'head_appeared', expected: null, why: '/ (a 复议 has no court hearing)' });
      if (kind === '诉讼' && head === 1 && !checks.some((c) => c.field === 'head_appeared' && c.expected === true)) checks.push({ where: w, field: 'head_appeared', expected: true, why: '1' });
      if (n === 2 && decided) checks.push({ where: w, field: 'decided_date', expected: isoD(decided), why: 'date cell' });
    }
    const rEnd = 2 + N + 1;
    ws.mergeCells(rEnd, 1, rEnd, W);
    ws.getCell(rEnd, 1).value = `本表共${N}件。制表：法制科　　${zhDate([2025, 1, 8])}`;
    footer.push({ line: rEnd, sheet, why: '本表共N件 / 制表 line' });
    ws.getColumn(2).width = 24;
    ws.getColumn(5).width = 28;
    sheets.push({ sheet, rows_loaded: loaded });
  }
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'review_litigation', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: 'a sheet per unit (综合执法局, 市场监管局, 交通运输局, 海洋执法队), same layout: row 1 merged title naming the unit, row 2 header, data rows 3–11, row 12 a merged 本表共N件/制表 line',
    sheets, header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: {
      kind: { 复议: '复议', 一审: '诉讼', 二审: '诉讼' },
      outcome: { 维持: '维持', 驳回申请: '驳回', 撤销: '撤销', '终止审理（申请人撤回）': '调解撤回', 确认违法: '确认违法', 驳回诉讼请求: '驳回', 原告撤诉: '调解撤回', 判决撤销: '撤销', '': null },
    },
    enum_accept: { outcome: { 驳回诉讼请求: ['胜诉'], 判决撤销: ['败诉'] } },
    identity: ['id'], records, value_checks: checks,
  });
}

// ---------------------------------------------------------------- main
if (!existsSync(DIR)) mkdirSync(DIR, { recursive: true });
mkdirSync(TMP, { recursive: true });
const roster = await readRoster();
const matters = await readMatters();
await file01();
file02(roster);
file03(roster, matters);
await file04(roster);
await file05();
await file06();
await file07(matters);
await file08();
await file09();
for (const f of answer.files) {
  f.rows_data = f.rows_loaded + f.rejected.length;
  f.columns_expected = f.columns.filter((c) => c.field).length;
}
writeFileSync(join(DIR, '_answer.json'), JSON.stringify(answer, null, 2) + '\n');
console.log(answer.files.map((f) => `${f.file}: ${f.table}, ${f.columns.length} columns (${f.columns_expected} to find), ${f.rows_data} records = ${f.rows_loaded} + ${f.rejected.length} broken, ${f.footer_lines.length} footer`).join('\n'));

// Writes the fifteenth acceptance set (samples/acceptance15) and its answer key _answer.json.
// Run: node samples/acceptance15/_make.mjs
//
// Theme: exports of report and BI tools — what county data staff hand over after pulling the data
// through a reporting layer instead of the business system (see README.md for what each layout
// follows): a 润乾报表 HTML table saved as .xls (title, 制表单位/制表时间, 队伍类型 rowspan groups,
// 第1页 共1页); a 永洪 BI 明细表 CSV (thousands separators, 罚款上限 in 万元, 合计 row); a Tableau
// 交叉表 download (UTF-16LE + BOM, tabs, "Null", 总计 row); an Excel pivot table pasted as values
// (报表筛选 row, 值 row, 求和项:…, 汇总 rows, (空白), 总计); a FineReport 分页导出 (merged unit cells,
// header repeated every page, 第N页 共M页, 合计); a Power BI 导出数据 CSV with 已应用的筛选器 lines;
// a Quick BI download with its 总计 row on top; a Superset CSV with English snake_case captions; a
// FineBI 明细表 with 维度.字段 dotted captions.
// The answer key is declared here by hand and never computed by the importer under test.
// Deterministic: the same rows every run, byte-identical files.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { acceptanceKit } from '../acceptance-kit.mjs';

const DIR = dirname(fileURLToPath(import.meta.url));
const STAMP = Date.UTC(2025, 0, 10, 1, 30);
const { pick, int, pad, randDate, isoD, addDays, UNITS, TOWN_OF, readRoster, readMatters, BUSINESSES, answer, columnsOf, newWorkbook, saveWorkbook, dateCell, xmlEsc } =
  acceptanceKit({ set: 'acceptance15', dir: DIR, seed: 20250110, stamp: STAMP, htmlRows: true });

const csvq = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const invert = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));
const UNIT_BY_SHORT = Object.fromEntries(Object.entries(UNITS).map(([id, u]) => [u[1], id]));
const PERSONS = ['张某明', '李某芳', '王某强', '陈某', '刘某华', '周某军', '吴某丽', '孙某', '郑某平', '徐某', '钱某东', '朱某英'];
const thousands = (n) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const slash = ([y, m, d]) => `${y}/${m}/${d}`;
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
function putRow(ws, r, row) {
  row.forEach((v, i) => {
    if (v === '' || v === null || v === undefined) return;
    if (typeof v === 'object' && 'numFmt' in v) {
      ws.getCell(r, i + 1).value = v.value;
      ws.getCell(r, i + 1).numFmt = v.numFmt;
    } else ws.getCell(r, i + 1).value = v;
  });
}
const LEAD_UNITS = ['ZH01', 'ZY01', 'ZY03', 'ZY07', 'HY01', 'XZ01', 'XZ02'];

// ============================================================================================
// 01 执法单位 — 润乾报表 “导出Excel”: an HTML table under .xls, 队伍类型 as rowspan groups
// ============================================================================================
function file01() {
  const file = '01_行政执法单位一览表（润乾报表导出Excel）.xls';
  const spec = [
    ['队伍类型', 'unit_type', { note: 'rowspan over each group: 综合执法队伍/专业执法队伍/海洋执法队伍/乡镇（街道）' }],
    ['单位编码', 'unit_id'],
    ['单位名称', 'name'],
    ['简称', 'short_name'],
    ['层级', 'level', { note: '县级 / 乡镇级' }],
    ['所在乡镇', 'township'],
    ['执法模式', 'mode'],
    ['成立日期', 'established_date', { note: 'yyyy年MM月dd日' }],
  ];
  const TYPE = { 综合: '综合执法队伍', 专业: '专业执法队伍', 海洋: '海洋执法队伍', 乡镇: '乡镇（街道）' };
  const LEVEL = { 县: '县级', 乡镇: '乡镇级' };
  const MODE = { 县级: '县级', 派驻: '派驻', 赋权: '赋权', 片区兼管: '片区兼管' };
  const groups = [
    ['综合', ['ZH01']],
    ['专业', ['ZY01', 'ZY02', 'ZY03', 'ZY04', 'ZY05', 'ZY06', 'ZY07', 'ZY08', 'ZY09', 'DUP']],
    ['海洋', ['HY01']],
    ['乡镇', ['XZ01', 'XZ02', 'XZ03', 'NEW', 'XZ04', 'XZ05', 'XZ06', 'XZ07']],
  ];
  const MODE_OF = { XZ01: '赋权', XZ02: '赋权', XZ03: '赋权', XZ04: '派驻', XZ05: '派驻', XZ06: '片区兼管', XZ07: '片区兼管' };
  const EST = (id) => (id.startsWith('XZ') ? [2021, 7, 1] : id === 'ZH01' ? [2019, 3, 15] : id === 'HY01' ? [2019, 9, 1] : [2019, 2, 26]);
  const zh = ([y, m, d]) => `${y}年${pad(m)}月${pad(d)}日`;
  const W = spec.length;
  const td = (v, attrs = '') => `<td${attrs}>${xmlEsc(v ?? '')}</td>`;
  const rows = [];
  rows.push(`<tr style="height:30px">${td('嵊泗县行政执法单位一览表', ` colspan="${W}" class="report1_1" align="center"`)}</tr>`);
  rows.push(`<tr>${td('制表单位：嵊泗县司法局　　　　　　制表时间：2025-01-10 09:30:12', ` colspan="${W}" class="report1_2"`)}</tr>`);
  rows.push(`<tr>${spec.map((s) => td(s[0], ' class="report1_3"')).join('')}</tr>`);
  const rejected = [];
  const records = [];
  const checks = [];
  for (const [type, ids] of groups) {
    ids.forEach((key, k) => {
      const line = rows.length + 1;
      const first = k === 0 ? td(TYPE[type], ` rowspan="${ids.length}" class="report1_4" style="vertical-align:middle"`) : '';
      if (key === 'NEW') {
        rows.push(`<tr>${first}${td('')}${td('嵊泗县马鞍列岛海岛综合执法站')}${td('马鞍执法站')}${td(LEVEL['乡镇'])}${td('嵊山镇')}${td('片区兼管')}${td(zh([2024, 6, 1]))}</tr>`);
        rejected.push({ line, why: '单位编码为空 / no unit id: no key' });
        return;
      }
      if (key === 'DUP') {
        rows.push(`<tr>${first}${td('ZY03')}${td('嵊泗县文化和广电旅游体育局（文物）')}${td('文广旅体局')}${td(LEVEL['县'])}${td('')}${td('县级')}${td(zh([2019, 2, 26]))}</tr>`);
        rejected.push({ line, why: '单位编码 ZY03 与前面的行重复（报表数据集关联出的第二行）/ duplicate key' });
        return;
      }
      const id = key;
      const level = type === '乡镇' ? '乡镇' : '县';
      const mode = MODE_OF[id] ?? '县级';
      const name = id === 'XZ05' ? '' : UNITS[id][0];
      rows.push(`<tr>${first}${td(id)}${td(name)}${td(UNITS[id][1])}${td(LEVEL[level])}${td(TOWN_OF[id] ?? '')}${td(mode)}${td(zh(EST(id)))}</tr>`);
      if (id === 'XZ05') { rejected.push({ line, why: '单位名称为空（必填）/ required name empty' }); return; }
      records.push({ id: [id], enums: { unit_type: TYPE[type], level: LEVEL[level], mode } });
      const w = { unit_id: id };
      if (id === 'ZH01') checks.push({ where: w, field: 'established_date', expected: '2019-03-15', why: '成立日期 2019年03月15日' });
      if (id === 'ZY07') checks.push({ where: w, field: 'unit_type', expected: '专业', why: 'the 专业执法队伍 cell spans its row (rowspan, 7th row of the group)' });
      if (id === 'XZ03') checks.push({ where: w, field: 'township', expected: '洋山镇', why: '所在乡镇' });
    });
  }
  const footers = [];
  footers.push({ line: rows.length + 1, why: '合计 row of the report' });
  rows.push(`<tr>${td('合计', ' class="report1_5"')}${td(`共 ${records.length + rejected.length} 个单位`, ` colspan="${W - 1}"`)}</tr>`);
  footers.push({ line: rows.length + 1, why: 'page footer 第1页 共1页' });
  rows.push(`<tr>${td('第1页 共1页', ` colspan="${W}" align="center"`)}</tr>`);
  const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">
<meta name="ProgId" content="Excel.Sheet">
<meta name="Generator" content="RAQSoft Report">
<style>
.report1_1 { font-family:宋体; font-size:16pt; font-weight:bold; }
.report1_3 { font-weight:bold; background-color:#D9E1F2; border:0.5pt solid #000000; }
td { mso-number-format:'\\@'; border:0.5pt solid #000000; }
</style>
</head>
<body>
<table id="report1" border="0" cellspacing="0" cellpadding="0" style="border-collapse:collapse">
${rows.join('\n')}
</table>
</body>
</html>
`;
  writeFileSync(join(DIR, file), html);
  finish({
    file, table: 'unit', workspace: [], format: 'html table under .xls (UTF-8 <meta>, mso-number-format)',
    layout: 'row 1 title (colspan), row 2 制表单位/制表时间 (colspan), header row 3; 队伍类型 written once per group with rowspan; 合计 row and 第1页 共1页 under the table',
    header_rows: [3], first_data_row: 4, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: 1, why: 'report title' }, { line: 2, why: '制表单位/制表时间 line' }, ...footers],
    enums: { unit_type: invert(TYPE), level: invert(LEVEL), mode: invert(MODE) },
    identity: ['unit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 02 执法事项 — 永洪 BI 明细表导出 CSV: thousands separators, 罚款上限（万元）, 合计 row
// ============================================================================================
function file02(matters) {
  const file = '02_执法事项目录明细（永洪BI明细表导出）.csv';
  const spec = [
    ['事项编码', 'matter_code'],
    ['事项名称', 'name'],
    ['所属领域', 'domain'],
    ['权力类型', 'power_type'],
    ['实施队伍类型', 'owner_type'],
    ['实施主体', 'owner_unit_id', { note: 'short name' }],
    ['罚款下限（元）', 'fine_min', { note: '"1,000.00" thousands separators' }],
    ['罚款上限（万元）', 'fine_max', { note: 'in 万元: 0.02 = 200 元' }],
    ['目录版本', 'catalogue_version'],
    ['生效日期', 'effective_date'],
  ];
  const POWER = { 处罚: '行政处罚', 强制: '行政强制', 检查: '行政检查' };
  const OWNER = { 综合: '综合执法', 专业: '专业执法', 海洋: '海洋执法', 乡镇: '乡镇' };
  const pickM = matters.filter((m, i) => i % 23 === 7).slice(0, 24);
  const lines = [spec.map((s) => s[0]).map(csvq).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  let sumMin = 0;
  let sumMax = 0;
  const order = [...pickM.map((m, k) => ({ m, k })), { m: pickM[5], k: 5, dup: true }];
  order.splice(14, 0, order.pop());
  order.forEach(({ m, k, dup }) => {
    const line = lines.length + 1;
    let code = m.code;
    let power = POWER[m.power.replace('行政', '')];
    let broken = null;
    if (!dup && k === 9) { code = ''; broken = '事项编码为空 / no matter code: no key'; }
    if (!dup && k === 17) { power = ''; broken = '权力类型为空（必填）/ required power_type empty'; }
    if (dup) broken = `事项编码 ${code} 重复（与第 7 行相同的事项再次出现）/ duplicate key`;
    sumMin += m.min ?? 0;
    sumMax += m.max ?? 0;
    lines.push([code, m.name, m.domain, power, OWNER[m.owner], m.ownerShort, m.min == null ? '' : thousands(m.min), m.max == null ? '' : (m.max / 10000).toFixed(4).replace(/0+$/, '').replace(/\.$/, ''), m.version, m.eff].map(csvq).join(','));
    if (broken) { rejected.push({ line, why: broken }); return; }
    records.push({ id: [code], enums: { power_type: power, owner_type: OWNER[m.owner] } });
    const w = { matter_code: code };
    if (m.max != null && m.max >= 1000 && !checks.some((c) => c.field === 'fine_max')) checks.push({ where: w, field: 'fine_max', expected: m.max, why: `罚款上限（万元） ${m.max / 10000} × 10,000` });
    if (m.min != null && m.min >= 1000 && !checks.some((c) => c.field === 'fine_min')) checks.push({ where: w, field: 'fine_min', expected: m.min, why: `"${thousands(m.min)}"` });
    if (k === 0) checks.push({ where: w, field: 'owner_unit_id', expected: UNIT_BY_SHORT[m.ownerShort], why: m.ownerShort });
    if (k === 2) checks.push({ where: w, field: 'effective_date', expected: m.eff, why: '生效日期' });
  });
  const footer = lines.length + 1;
  lines.push(['合计', '', '', '', '', '', thousands(sumMin), (sumMax / 10000).toFixed(2), '', ''].map(csvq).join(','));
  writeFileSync(join(DIR, file), '\ufeff' + lines.join('\r\n') + '\r\n');
  finish({
    file, table: 'matter', workspace: ['units'], format: 'csv (UTF-8 with BOM, CRLF)',
    layout: 'header line 1 (the dataset captions); 罚款下限 with thousands separators in quotes, 罚款上限 in 万元 (decimals); a 合计 line at the end with both sums',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: footer, why: '合计 row of the 明细表' }],
    enums: { power_type: invert(POWER), owner_type: invert(OWNER) },
    identity: ['matter_code'], records, value_checks: checks,
  });
}

// ============================================================================================
// 03 执法人员 — Tableau 下载 → 交叉表 (CSV): UTF-16LE with BOM, tabs, Null, 总计
// ============================================================================================
function file03(roster) {
  const file = '03_执法人员明细（Tableau下载交叉表）.csv';
  const spec = [
    ['人员编号', 'officer_id'],
    ['姓名', 'name'],
    ['所属单位', 'unit_id', { note: 'full name' }],
    ['年度', 'year'],
    ['派驻乡镇', 'township', { note: 'Null for county staff' }],
    ['岗位类别', 'role'],
    ['编制类型', 'staffing_type'],
    ['执法证号', 'cert_no'],
    ['执法证有效期至', 'cert_valid_to', { note: 'yyyy/M/d' }],
    ['年度培训学时', 'training_hours', { note: 'the measure, one decimal' }],
  ];
  const ROLE = { 执法: '执法', 法制审核: '法制审核', 管理: '管理', 其他: '其他' };
  const STAFF = { 行政编: '行政编制', 参公: '参公', 事业编: '事业编制', 编外: '编外' };
  const officers = roster.filter((o, i) => o.cert && i % 9 === 4).slice(0, 24);
  const lines = [spec.map((s) => s[0]).join('\t')];
  const rejected = [];
  const records = [];
  const checks = [];
  let total = 0;
  const order = officers.map((o, k) => ({ o, k }));
  order.push({ o: officers[2], k: 2, dup: true });
  order.forEach(({ o, k, dup }) => {
    const line = lines.length + 1;
    let id = o.id;
    let unit = UNITS[o.unit][0];
    let broken = null;
    if (!dup && k === 6) { id = 'Null'; broken = '人员编号为 Null（空）/ no officer id: no key'; }
    if (!dup && k === 15) { unit = 'Null'; broken = '所属单位为 Null（必填）/ required unit empty'; }
    if (dup) broken = `人员编号 ${id} 年度 2025 与第 4 行重复 / duplicate key`;
    const to = o.to ? slash([o.to.getUTCFullYear(), o.to.getUTCMonth() + 1, o.to.getUTCDate()]) : 'Null';
    total += o.hours;
    lines.push([id, o.name, unit, '2025', o.town || 'Null', ROLE[o.role], STAFF[o.staffing], o.cert, to, o.hours.toFixed(1)].join('\t'));
    if (broken) { rejected.push({ line, why: broken }); return; }
    records.push({ id: [id, 2025], enums: { role: ROLE[o.role], staffing_type: STAFF[o.staffing] } });
    const w = { officer_id: id, year: 2025 };
    if (k === 0) checks.push({ where: w, field: 'unit_id', expected: o.unit, why: unit });
    if (k === 1) checks.push({ where: w, field: 'training_hours', expected: o.hours, why: o.hours.toFixed(1) });
    if (!o.town && !checks.some((c) => c.field === 'township')) checks.push({ where: w, field: 'township', expected: null, why: 'Null is no township' });
    if (o.to && !checks.some((c) => c.field === 'cert_valid_to')) checks.push({ where: w, field: 'cert_valid_to', expected: isoD([o.to.getUTCFullYear(), o.to.getUTCMonth() + 1, o.to.getUTCDate()]), why: to });
  });
  const footer = lines.length + 1;
  lines.push(['总计', '', '', '', '', '', '', '', '', total.toFixed(1)].join('\t'));
  writeFileSync(join(DIR, file), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf16le')]));
  finish({
    file, table: 'officer', workspace: ['units', 'matters'], format: 'csv named, UTF-16LE with BOM, tab-separated, CRLF',
    layout: 'header line 1 (dimension captions, then the measure 年度培训学时); Null for empty dimension members; a 总计 line (grand total) at the end',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: footer, why: 'Tableau grand total 总计' }],
    enums: { role: invert(ROLE), staffing_type: invert(STAFF) },
    identity: ['officer_id', 'year'], records, value_checks: checks,
  });
}

// ============================================================================================
// 04 处罚案件 — an Excel pivot table copied and pasted as values (tabular form, labels repeated)
// ============================================================================================
async function file04(matters) {
  const file = '04_2024年行政处罚案件数据透视表（复制粘贴为数值）.xlsx';
  const spec = [
    ['执法主体', 'unit_id', { note: 'full name, repeated on every row' }],
    ['案件编号', 'case_id'],
    ['立案日期', 'filed_date', { note: 'date cells yyyy/m/d; (空白) for none' }],
    ['处罚决定日期', 'decision_date'],
    ['案件来源', 'source', { note: '(空白) for none' }],
    ['适用程序', 'procedure'],
    ['当事人类型', 'party_type'],
    ['求和项:罚款金额（元）', 'fine_amount'],
    ['求和项:没收违法所得（元）', 'confiscation_amount'],
  ];
  const SOURCE = { 12345: '12345热线', 检查: '日常检查', 投诉举报: '投诉举报', 移送: '部门移送', 其他: '其他' };
  const PARTY = { 个人: '个人', 单位: '单位' };
  const PROC = { 简易: '简易程序', 普通: '普通程序' };
  const units = ['ZH01', 'ZY01', 'ZY04', 'HY01', 'XZ01'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Sheet1');
  putRow(ws, 1, ['年度', '2024']);
  putRow(ws, 3, ['', '', '', '', '', '', '', '值']);
  putRow(ws, 4, spec.map((s) => s[0]));
  let r = 5;
  const rejected = [];
  const records = [];
  const checks = [];
  const footers = [{ line: 1, why: 'pivot report filter 年度 2024' }, { line: 3, why: 'pivot 值 caption row' }];
  let gFine = 0;
  let gConf = 0;
  let n = 0;
  let dupId = null;
  for (const u of units) {
    const cases = [];
    for (let j = 0; j < 5; j++) cases.push(`${u}-2024-${pad(11 + j * 7, 3)}`);
    if (u === 'XZ01') cases.push('DUP');
    let sFine = 0;
    let sConf = 0;
    for (const c of cases) {
      n++;
      const filed = randDate(1, 11);
      const dec = addDays(filed, int(5, 40));
      const src = pick(Object.keys(SOURCE));
      const proc = n % 4 === 0 ? '简易' : '普通';
      const party = n % 3 === 0 ? '单位' : '个人';
      const fine = proc === '简易' ? pick([50, 100, 200]) : pick([1000, 2000, 5000, 12000, 30000]);
      const conf = n % 5 === 0 ? pick([800, 1500, 3600]) : null;
      let id = c;
      let filedCell = dateCell(filed, 'yyyy/m/d');
      let srcText = SOURCE[src];
      let broken = null;
      if (c === 'DUP') { id = dupId; broken = `案件编号 ${dupId} 重复（另一执法主体下同一编号）/ duplicate key`; }
      if (n === 7) { id = '(空白)'; broken = '案件编号为 (空白)（透视表的空值）/ no case id: no key'; }
      if (n === 13) { filedCell = '(空白)'; broken = '立案日期为 (空白)（必填）/ required filed_date empty'; }
      if (n === 18) srcText = '(空白)';
      if (n === 2) dupId = id;
      const unitName = c === 'DUP' ? UNITS.ZY01[0] : UNITS[u][0];
      putRow(ws, r, [unitName, id, filedCell, dateCell(dec, 'yyyy/m/d'), srcText, PROC[proc], PARTY[party], fine, conf ?? '']);
      sFine += fine;
      sConf += conf ?? 0;
      if (broken) rejected.push({ line: r, why: broken });
      else {
        records.push({ id: [id], enums: { source: srcText, procedure: PROC[proc], party_type: PARTY[party] } });
        const w = { case_id: id };
        if (n === 1) checks.push({ where: w, field: 'unit_id', expected: u, why: unitName });
        if (n === 3) checks.push({ where: w, field: 'filed_date', expected: isoD(filed), why: 'date cell' });
        if (n === 3) checks.push({ where: w, field: 'fine_amount', expected: fine, why: '求和项:罚款金额（元） of one case' });
        if (conf && !checks.some((x) => x.field === 'confiscation_amount')) checks.push({ where: w, field: 'confiscation_amount', expected: conf, why: '求和项:没收违法所得（元）' });
      }
      r++;
    }
    putRow(ws, r, [`${UNITS[u][0]} 汇总`, '', '', '', '', '', '', sFine, sConf || '']);
    footers.push({ line: r, why: 'pivot subtotal …汇总' });
    gFine += sFine;
    gConf += sConf;
    r++;
  }
  putRow(ws, r, ['总计', '', '', '', '', '', '', gFine, gConf]);
  footers.push({ line: r, why: 'pivot grand total 总计' });
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'penalty_case', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet Sheet1',
    layout: 'row 1 the report filter (年度 | 2024), row 2 empty, row 3 值 over the value columns, header row 4 (row fields, then 求和项:… value fields); labels repeated; a …汇总 row after each unit, 总计 last; (空白) where the source was empty',
    header_rows: [4], first_data_row: 5, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footers,
    enums: { source: { ...invert(SOURCE), '(空白)': null }, procedure: invert(PROC), party_type: invert(PARTY) },
    enum_accept: { source: { '(空白)': ['其他'] } },
    identity: ['case_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 05 行政检查 — FineReport 分页导出 Excel: header repeated each page, merged unit cells, page footers
// ============================================================================================
async function file05(roster) {
  const file = '05_行政检查记录明细报表（帆软FineReport分页导出）.xlsx';
  const spec = [
    ['序号', null, { note: 'row number of the report' }],
    ['实施单位', 'lead_unit_id', { note: 'merged down over the unit\'s rows on each page' }],
    ['检查编号', 'inspection_id'],
    ['检查日期', 'date'],
    ['检查对象', 'subject_name'],
    ['统一社会信用代码', 'subject_id'],
    ['检查类型', 'inspection_type'],
    ['检查人员', 'officer_ids', { note: 'names joined by 、' }],
    ['是否发现问题', 'problem_found'],
    ['检查结果', 'result'],
  ];
  const TYPE = { 双随机: '双随机抽查', 日常巡查: '日常巡查', 专项: '专项检查', 综合查一次: '综合查一次', 投诉核查: '投诉举报核查' };
  const RESULT = { 无问题: '未发现问题', 责令整改: '责令整改', 立案: '立案查处', 移送: '移送' };
  const W = spec.length;
  const officersOf = uniqueOfficers(roster);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('行政检查记录明细');
  const recs = [];
  let k = 0;
  for (const u of LEAD_UNITS) for (let j = 0; j < 4; j++) recs.push({ u, k: k++ });
  recs.splice(12, 0, { u: 'ZY03', k: 99, dup: true });
  const PER_PAGE = 10;
  const pages = Math.ceil(recs.length / PER_PAGE);
  let r = 1;
  const rejected = [];
  const records = [];
  const checks = [];
  const footers = [];
  let seq = 0;
  let dupOf = null;
  for (let p = 0; p < pages; p++) {
    ws.mergeCells(r, 1, r, W);
    ws.getCell(r, 1).value = '嵊泗县行政检查记录明细表';
    footers.push({ line: r, why: `page ${p + 1} title` });
    r++;
    ws.mergeCells(r, 1, r, W);
    ws.getCell(r, 1).value = '制表单位：嵊泗县综合行政执法局　　　　统计区间：2024-01-01 至 2024-12-31　　　　制表时间：2025-01-10 09:12:45';
    footers.push({ line: r, why: '制表单位/制表时间 line' });
    r++;
    putRow(ws, r, spec.map((s) => s[0]));
    if (p > 0) footers.push({ line: r, why: 'header repeated on each page' });
    r++;
    const page = recs.slice(p * PER_PAGE, (p + 1) * PER_PAGE);
    let runStart = r;
    page.forEach((x, i) => {
      seq++;
      const b = BUSINESSES[(x.k * 5) % BUSINESSES.length];
      const d = randDate(1, 12);
      const t = pick(Object.keys(TYPE));
      const res = pick(Object.keys(RESULT));
      const offs = officersOf(x.u);
      const o1 = offs[x.k % offs.length];
      const o2 = offs[(x.k + 1) % offs.length];
      let id = `JC${x.u}2024${pad(x.k + 1, 4)}`;
      let dateText = isoD(d);
      let broken = null;
      if (x.dup) { id = dupOf; broken = `检查编号 ${dupOf} 重复 / duplicate key`; }
      if (x.k === 5) { id = ''; broken = '检查编号为空 / no inspection id: no key'; }
      if (x.k === 17) { dateText = '2024-06-31'; broken = '检查日期 2024-06-31 不存在（必填）/ impossible date'; }
      if (x.k === 9) dupOf = id;
      putRow(ws, r, [seq, UNITS[x.u][0], id, dateText, b.name, b.code, TYPE[t], `${o1.name}、${o2.name}`, res === '无问题' ? '否' : '是', RESULT[res]]);
      if (broken) rejected.push({ line: r, why: broken });
      else {
        records.push({ id: [id], enums: { inspection_type: TYPE[t], result: RESULT[res] } });
        const w = { inspection_id: id };
        if (x.k === 2) checks.push({ where: w, field: 'lead_unit_id', expected: x.u, why: 'merged 实施单位 cell over the group (3rd row)' });
        if (x.k === 11) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: `${o1.name}、${o2.name}` });
        if (x.k === 13) checks.push({ where: w, field: 'date', expected: isoD(d), why: 'text date' });
      }
      const next = page[i + 1];
      if (!next || next.u !== x.u) {
        if (r > runStart) ws.mergeCells(runStart, 2, r, 2);
        runStart = r + 1;
      }
      r++;
    });
    if (p === pages - 1) {
      ws.mergeCells(r, 1, r, 2);
      ws.getCell(r, 1).value = '合计';
      ws.getCell(r, 3).value = `共 ${recs.length} 条`;
      footers.push({ line: r, why: '合计 row' });
      r++;
    }
    ws.mergeCells(r, 1, r, W);
    ws.getCell(r, 1).value = `第${p + 1}页 共${pages}页`;
    footers.push({ line: r, why: 'page footer 第N页 共M页' });
    r++;
  }
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'inspection', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet 行政检查记录明细',
    layout: `${pages} pages of ${PER_PAGE} records on one sheet: each page starts with the merged title, the 制表单位/统计区间/制表时间 line and the header, and ends with 第N页 共M页; 实施单位 merged down over a unit's rows within a page; 合计 before the last footer`,
    header_rows: [3], first_data_row: 4, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: footers.filter((f) => f.line > 3),
    enums: { inspection_type: invert(TYPE), result: invert(RESULT) },
    identity: ['inspection_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 06 投诉举报 — Power BI “导出数据” CSV with the 已应用的筛选器 lines at the end
// ============================================================================================
function file06() {
  const file = '06_投诉举报工单明细（Power BI导出数据）.csv';
  const spec = [
    ['工单编号', 'complaint_id'],
    ['受理日期', 'received_date', { note: 'yyyy/M/d 0:00:00' }],
    ['来源渠道', 'channel'],
    ['所属乡镇', 'township'],
    ['承办单位', 'unit_id', { note: 'short name' }],
    ['问题领域', 'domain'],
    ['是否涉及执法行为', 'about_conduct', { note: 'True / False' }],
    ['办结日期', 'closed_date'],
    ['满意度', 'satisfaction'],
  ];
  const CH = { 12345: '12345热线', 投诉举报平台: '投诉举报平台', '110联动': '110联动', 基层治理四平台: '基层治理四平台', 执法监督热线: '执法监督热线' };
  const SAT = { 满意: '满意', 基本满意: '基本满意', 不满意: '不满意', 未评价: '未评价' };
  const DOMAINS = ['市容环境', '市场监管', '交通运输', '海洋渔业', '文化旅游', '安全生产'];
  const units = ['ZH01', 'ZY01', 'ZY04', 'HY01', 'ZY03', 'ZY07'];
  const pbDate = (d) => `${slash(d)} 0:00:00`;
  const lines = [spec.map((s) => s[0]).map(csvq).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let k = 0; k < 24; k++) ids.push({ k });
  ids.splice(19, 0, { k: 3, dup: true });
  let dupId = null;
  ids.forEach(({ k, dup }) => {
    const line = lines.length + 1;
    const d = randDate(7, 12);
    const u = units[k % units.length];
    const town = pick(Object.values(TOWN_OF));
    const ch = pick(Object.keys(CH));
    const sat = pick(Object.keys(SAT));
    const closed = addDays(d, int(2, 15));
    let id = `GD2024${pad(d[1])}${pad(d[2])}${pad(100 + k * 7, 4)}`;
    let recv = pbDate(d);
    let broken = null;
    if (dup) { id = dupId; broken = `工单编号 ${dupId} 重复 / duplicate key`; }
    if (k === 8) { id = ''; broken = '工单编号为空 / no ticket id: no key'; }
    if (k === 14) { recv = '2024/11/31 0:00:00'; broken = '受理日期 2024/11/31 不存在（必填）/ impossible date'; }
    if (k === 3) dupId = id;
    lines.push([id, recv, CH[ch], town, UNITS[u][1], DOMAINS[k % DOMAINS.length], k % 5 === 0 ? 'True' : 'False', pbDate(closed), SAT[sat]].map(csvq).join(','));
    if (broken) { rejected.push({ line, why: broken }); return; }
    records.push({ id: [id], enums: { channel: CH[ch], satisfaction: SAT[sat] } });
    const w = { complaint_id: id };
    if (k === 0) checks.push({ where: w, field: 'about_conduct', expected: true, why: 'True' });
    if (k === 1) checks.push({ where: w, field: 'received_date', expected: isoD(d), why: recv });
    if (k === 2) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][1] });
  });
  const f0 = lines.length + 1;
  lines.push('');
  lines.push(csvq('已应用的筛选器：'));
  lines.push(csvq('受理日期 在 2024/7/1 之后或等于 2024/7/1 并且 在 2025/1/1 之前'));
  lines.push(csvq('承办单位 不是 (空白)'));
  writeFileSync(join(DIR, file), '\ufeff' + lines.join('\r\n') + '\r\n');
  finish({
    file, table: 'complaint', workspace: ['units', 'matters', 'officers'], format: 'csv (UTF-8 with BOM, CRLF)',
    layout: 'header line 1 (the model\'s column names); dates yyyy/M/d 0:00:00; True/False; after the records an empty line, 已应用的筛选器： and two filter descriptions (one cell each)',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [0, 1, 2, 3].map((i) => ({ line: f0 + i, why: i === 0 ? 'empty line before the filter notes' : 'Power BI 已应用的筛选器 note' })),
    enums: { channel: invert(CH), satisfaction: invert(SAT) },
    identity: ['complaint_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 07 复议诉讼 — Quick BI 交叉表 下载 (xlsx): the 总计 row on top, under the header
// ============================================================================================
async function file07() {
  const file = '07_行政复议应诉案件（Quick BI交叉表下载）.xlsx';
  const spec = [
    ['案件编号', 'id'],
    ['原处罚案件编号', 'case_id'],
    ['被申请人/被告', 'unit_id', { note: 'full name' }],
    ['案件类别', 'kind', { note: '行政复议 / 行政诉讼' }],
    ['收案日期', 'filed_date', { note: 'yyyy-MM-dd text' }],
    ['结案日期', 'decided_date'],
    ['审理结果', 'outcome'],
    ['是否开庭', 'hearing_held'],
    ['负责人是否出庭', 'head_appeared'],
    ['案件数', null, { note: 'the measure, 1 per row (记录数)' }],
  ];
  const KIND = { 复议: '行政复议', 诉讼: '行政诉讼' };
  const OUT = { 维持: '维持', 驳回: '驳回', 撤销: '撤销', 确认违法: '确认违法', 败诉: '败诉', 胜诉: '胜诉' };
  const units = ['ZH01', 'ZY01', 'ZY02', 'ZY04', 'HY01', 'ZY06'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('复议应诉明细');
  putRow(ws, 1, spec.map((s) => s[0]));
  const N = 22;
  putRow(ws, 2, ['总计', '', '', '', '', '', '', '', '', N]);
  const rejected = [];
  const records = [];
  const checks = [];
  for (let k = 0; k < N; k++) {
    const r = k + 3;
    const u = units[k % units.length];
    const kindK = k % 3 === 0 ? '诉讼' : '复议';
    const outK = kindK === '诉讼' ? pick(['胜诉', '败诉', '驳回']) : pick(['维持', '驳回', '撤销', '确认违法']);
    const f = randDate(1, 9);
    const dd = addDays(f, int(30, 80));
    let id = `${kindK === '复议' ? 'FY' : 'SS'}2024${pad(k + 1, 3)}`;
    let unitName = UNITS[u][0];
    let broken = null;
    if (k === 6) { id = ''; broken = '案件编号为空 / no id: no key'; }
    if (k === 15) { unitName = ''; broken = '被申请人/被告为空（必填）/ required unit empty'; }
    putRow(ws, r, [id, `${u}-2023-${pad(40 + k, 3)}`, unitName, KIND[kindK], isoD(f), isoD(dd), OUT[outK], kindK === '诉讼' ? '是' : '否', kindK === '诉讼' ? (k % 2 ? '是' : '否') : '', 1]);
    if (broken) { rejected.push({ line: r, why: broken }); continue; }
    records.push({ id: [id], enums: { kind: KIND[kindK], outcome: OUT[outK] } });
    const w = { id };
    if (k === 0) checks.push({ where: w, field: 'unit_id', expected: u, why: unitName });
    if (k === 1) checks.push({ where: w, field: 'decided_date', expected: isoD(dd), why: '结案日期' });
    if (k === 3) checks.push({ where: w, field: 'hearing_held', expected: true, why: '是' });
  }
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'review_litigation', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet 复议应诉明细',
    layout: 'header row 1; the 总计 row (the measure 案件数 summed) on row 2, above the records, as Quick BI puts a total at the top; dates as text',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: 2, why: 'Quick BI 总计 row on top' }],
    enums: { kind: invert(KIND), outcome: invert(OUT) },
    identity: ['id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 08 监督发现问题 — Superset CSV: English snake_case captions of a Chinese dataset
// ============================================================================================
function file08() {
  const file = '08_supervision_finding_detail_20250110T091530.csv';
  const spec = [
    ['finding_no', 'finding_id'],
    ['finding_source', 'source'],
    ['supervised_unit', 'unit_id', { note: 'full name' }],
    ['related_case_no', 'case_id'],
    ['review_score', 'casefile_score'],
    ['review_grade', 'casefile_grade'],
    ['found_date', 'found_date', { note: 'yyyy-MM-dd 00:00:00' }],
    ['rectify_deadline', 'due_date'],
    ['rectified_date', 'rectified_date'],
    ['severity_level', 'severity'],
    ['description', 'description'],
  ];
  const SRC = { 执法监督: '执法监督', 案卷评查: '案卷评查', 检察建议: '检察建议', 纪委监委: '纪委监委', 特邀监督: '特邀监督', 人大: '人大' };
  const GRADE = { 优秀: '优秀', 合格: '合格', 不合格: '不合格' };
  const SEV = { 一般: '一般', 较重: '较重', 严重: '严重' };
  const PROBLEMS = ['未按规定送达处罚决定书', '执法文书填写不规范', '证据收集不充分', '超期结案未办理延期', '法制审核意见缺失', '未告知陈述申辩权利'];
  const units = ['ZH01', 'ZY01', 'ZY03', 'ZY05', 'ZY08', 'HY01', 'XZ02'];
  const ts = (d) => `${isoD(d)} 00:00:00`;
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const order = [];
  for (let k = 0; k < 24; k++) order.push({ k });
  order.splice(21, 0, { k: 4, dup: true });
  let dupId = null;
  order.forEach(({ k, dup }) => {
    const line = lines.length + 1;
    const u = units[k % units.length];
    const srcK = pick(Object.keys(SRC));
    const isReview = srcK === '案卷评查';
    const score = isReview ? int(55, 98) : null;
    const grade = score == null ? null : score >= 90 ? '优秀' : score >= 60 ? '合格' : '不合格';
    const sev = pick(Object.keys(SEV));
    const f = randDate(2, 10);
    const due = addDays(f, 30);
    const done = k % 4 === 3 ? null : addDays(f, int(5, 40));
    let id = `JDWT2024${pad(k + 1, 3)}`;
    let found = ts(f);
    let broken = null;
    if (dup) { id = dupId; broken = `finding_no ${dupId} 重复 / duplicate key`; }
    if (k === 7) { id = ''; broken = 'finding_no 为空 / no finding id: no key'; }
    if (k === 16) { found = '2024-02-30 00:00:00'; broken = 'found_date 2024-02-30 不存在（必填）/ impossible date'; }
    if (k === 4) dupId = id;
    lines.push([id, SRC[srcK], UNITS[u][0], isReview ? `${u}-2024-${pad(20 + k, 3)}` : '', score ?? '', grade ?? '', found, ts(due), done ? ts(done) : '', SEV[sev], PROBLEMS[k % PROBLEMS.length]].map(csvq).join(','));
    if (broken) { rejected.push({ line, why: broken }); return; }
    const en = { source: SRC[srcK], severity: SEV[sev] };
    if (grade) en.casefile_grade = grade;
    records.push({ id: [id], enums: en });
    const w = { finding_id: id };
    if (k === 0) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (k === 1) checks.push({ where: w, field: 'found_date', expected: isoD(f), why: found });
    if (score != null && !checks.some((c) => c.field === 'casefile_score')) checks.push({ where: w, field: 'casefile_score', expected: score, why: 'review_score' });
    if (k === 2) checks.push({ where: w, field: 'due_date', expected: isoD(due), why: 'rectify_deadline' });
  });
  writeFileSync(join(DIR, file), lines.join('\n') + '\n');
  finish({
    file, table: 'supervision_finding', workspace: ['units', 'matters', 'officers'], format: 'csv (UTF-8 without BOM, LF)',
    layout: 'header line 1: English snake_case column captions of the dataset (finding_no, finding_source, supervised_unit, related_case_no, review_score, review_grade, found_date, rectify_deadline, rectified_date, severity_level, description); values Chinese; timestamps yyyy-MM-dd 00:00:00',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { source: invert(SRC), casefile_grade: invert(GRADE), severity: invert(SEV) },
    identity: ['finding_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 09 行政许可 — FineBI 明细表导出 Excel: 维度.字段 dotted captions (two joined datasets)
// ============================================================================================
async function file09() {
  const file = '09_行政许可明细（FineBI明细表导出Excel）.xlsx';
  const spec = [
    ['行政许可信息.许可编号', 'permit_id'],
    ['行政许可信息.统一社会信用代码', 'subject_id'],
    ['行政许可信息.被许可人', 'subject_name'],
    ['行政许可信息.审批事项', 'matter_code', { note: 'the approval matter\'s name (a text field)' }],
    ['审批单位维表.单位名称', 'unit_id', { note: 'full name from the joined unit dimension' }],
    ['行政许可信息.许可日期', 'issued_date', { note: 'date cells yyyy-mm-dd' }],
    ['审批单位维表.单位类型', null, { note: '专业/综合/乡镇 of the issuing unit: no permit field' }],
  ];
  const MATTERS = ['食品经营许可', '公共场所卫生许可', '道路运输经营许可', '娱乐场所经营许可', '药品经营许可', '渔业捕捞许可'];
  const ISSUER = { 食品经营许可: 'ZY01', 公共场所卫生许可: 'ZY08', 道路运输经营许可: 'ZY04', 娱乐场所经营许可: 'ZY03', 药品经营许可: 'ZY01', 渔业捕捞许可: 'ZY05' };
  const wb = newWorkbook();
  const ws = wb.addWorksheet('行政许可明细');
  ws.mergeCells(1, 1, 1, spec.length);
  ws.getCell(1, 1).value = '行政许可明细';
  putRow(ws, 2, spec.map((s) => s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const N = 23;
  let dupId = null;
  for (let k = 0; k < N; k++) {
    const r = k + 3;
    const b = BUSINESSES[k % BUSINESSES.length];
    const m = MATTERS[k % MATTERS.length];
    const u = ISSUER[m];
    const d = randDate(1, 12);
    let id = `XK3309222024${pad(k + 1, 4)}`;
    let code = b.code;
    let broken = null;
    if (k === 20) { id = dupId; broken = `许可编号 ${dupId} 重复 / duplicate key`; }
    if (k === 5) { id = ''; broken = '许可编号为空 / no permit id: no key'; }
    if (k === 13) { code = ''; broken = '统一社会信用代码为空（必填）/ required subject_id empty'; }
    if (k === 2) dupId = id;
    putRow(ws, r, [id, code, b.name, m, UNITS[u][0], dateCell(d), '专业']);
    if (broken) { rejected.push({ line: r, why: broken }); continue; }
    records.push({ id: [id], enums: {} });
    const w = { permit_id: id };
    if (k === 0) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (k === 1) checks.push({ where: w, field: 'issued_date', expected: isoD(d), why: 'date cell' });
    if (k === 3) checks.push({ where: w, field: 'subject_id', expected: b.code, why: '行政许可信息.统一社会信用代码' });
  }
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'permit', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet 行政许可明细',
    layout: 'row 1 the component title (merged), header row 2 with 数据集.字段 captions from two joined datasets (行政许可信息, 审批单位维表); 许可日期 date cells',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: 1, why: 'component title' }],
    enums: {}, identity: ['permit_id'], records, value_checks: checks,
  });
}

// ---------------------------------------------------------------- run
const roster = await readRoster();
const matters = await readMatters();
file01();
file02(matters);
file03(roster);
await file04(matters);
await file05(roster);
file06();
await file07();
file08();
await file09();
writeFileSync(join(DIR, '_answer.json'), JSON.stringify(answer, null, 2) + '\n');
console.log(answer.files.map((f) => `${f.file}: ${f.rows_loaded} loaded, ${f.rejected.length} broken, ${f.footer_lines.length} no record`).join('\n'));

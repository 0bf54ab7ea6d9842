// Writes the eleventh acceptance set (samples/acceptance11) and its answer key _answer.json.
// Run: node samples/acceptance11/_make.mjs
//
// Theme: what a clerk's hands and the office's tools do to an export before it reaches the
// evaluator (see README.md for what each file imitates): a unit list whose table starts in column C
// beside merged 填报说明 notes in A–B, its credit codes turned into 1.13309E+17 number cells; a matter
// catalogue left with an autofilter hiding rows, ☑/□ for yes/no, fines in 万元 and 大写, dates in
// Chinese numerals; penalty cases kept a sheet a month (1月 … 6月) with officers in separate
// columns (执法人员1/执法证号1/执法人员2/执法证号2), #N/A from a VLOOKUP, fines in 大写, a 合计 row per
// sheet; an officer roster CSV opened in Excel and saved again (ID numbers 3.30903E+17, dates
// 2024/1/1); 12345 tickets copied out of the browser's table into a .txt (TSV, an empty checkbox
// column, the header repeated where page 2 was pasted, the pager line); inspections written by
// openpyxl (formulas with no cached value beside ones Excel had computed, #N/A and #REF!, officers
// as 姓名（执法证号：…）); permits as a DataTables JSON {"columns":[{title}],"data":[[…]]}; a 复议/诉讼
// ledger with ☑是 □否 and dates in Chinese numerals; supervision findings with AVERAGE formulas
// giving #DIV/0! and a 整改期限 range 2024-05-06至2024-06-05 in one cell.
// The answer key is declared here by hand and never computed by the importer under test.
// Deterministic: the same rows every run, byte-identical files.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { acceptanceKit } from '../acceptance-kit.mjs';

const DIR = dirname(fileURLToPath(import.meta.url));
const STAMP = Date.UTC(2025, 2, 3, 2, 0);
const { pick, int, pad, randDate, isoD, addDays, uscc, cnDate, daxie, UNITS, TOWN_OF, COUNTY_SHORT, readRoster, readMatters, BUSINESSES, answer, columnsOf, newWorkbook, saveWorkbook, setRow, dateCell } =
  acceptanceKit({ set: 'acceptance11', dir: DIR, seed: 20250303, stamp: STAMP });

// ---------------------------------------------------------------- set 11 helpers
const csvq = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const invert = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));
const UNIT_BY_SHORT = Object.fromEntries(Object.entries(UNITS).map(([id, u]) => [u[1], id]));
const PERSONS = ['张某明', '李某芳', '王某强', '陈某', '刘某华', '周某军', '吴某丽', '孙某', '郑某平', '徐某', '钱某东', '朱某英'];
/** Excel's General format for a number of 12+ digits: 6 significant digits and an exponent (3.30903E+17). */
function excelGeneral(digits) {
  const n = Number(digits);
  const e = digits.length - 1;
  let m = (n / 10 ** e).toFixed(5).replace(/0+$/, '').replace(/\.$/, '');
  return `${m}E+${e}`;
}
/** What Excel keeps of an 18-digit number typed or pasted into a cell: 15 significant digits. */
const excel15 = (digits) => Number(digits.slice(0, 15) + '0'.repeat(digits.length - 15));
const slashDate = ([y, m, d]) => `${y}/${m}/${d}`;
const ymd = (d) => (d instanceof Date ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] : null);
/** A 大写 amount only where the kit's daxie writes it right (no zero inside). */
const daxieOk = (n) => n > 0 && n < 100000 && !/0[1-9]/.test(String(n).replace(/0+$/, '')) && !/^\d0+[1-9]/.test(String(n));
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

const UNIT_INFO = {
  ZH01: ['综合', '综合行政执法', '县', '', '县级', '', [2019, 3, 15], null],
  ZY01: ['专业', '市场监管', '县', '', '县级', '', [2019, 1, 20], null],
  ZY02: ['专业', '生态环境', '县', '', '县级', '', [2019, 4, 1], null],
  ZY03: ['专业', '文广旅体', '县', '', '县级', '', [2019, 2, 26], null],
  ZY04: ['专业', '交通运输', '县', '', '县级', '', [2019, 2, 26], null],
  ZY05: ['专业', '农业农村', '县', '', '县级', '', [2019, 2, 26], null],
  ZY06: ['专业', '资源规划', '县', '', '县级', '', [2019, 2, 26], null],
  ZY07: ['专业', '应急管理', '县', '', '县级', '', [2019, 2, 26], null],
  ZY08: ['专业', '卫生健康', '县', '', '县级', '', [2019, 2, 26], null],
  ZY09: ['专业', '水利', '县', '', '县级', '', [2016, 7, 1], [2023, 3, 31]],
  HY01: ['海洋', '海洋渔业', '县', '', '县级', '', [2019, 9, 1], null],
  XZ01: ['乡镇', '乡镇综合执法', '乡镇', '菜园镇', '派驻', '', [2021, 7, 1], null],
  XZ02: ['乡镇', '乡镇综合执法', '乡镇', '嵊山镇', '派驻', '', [2021, 7, 1], null],
  XZ03: ['乡镇', '乡镇综合执法', '乡镇', '洋山镇', '赋权', '', [2021, 7, 1], null],
  XZ04: ['乡镇', '乡镇综合执法', '乡镇', '五龙乡', '派驻', '', [2021, 7, 1], null],
  XZ05: ['乡镇', '乡镇综合执法', '乡镇', '黄龙乡', '派驻', '', [2021, 7, 1], null],
  XZ06: ['乡镇', '乡镇综合执法', '乡镇', '枸杞乡', '片区兼管', 'XZ02', [2021, 7, 1], null],
  XZ07: ['乡镇', '乡镇综合执法', '乡镇', '花鸟乡', '片区兼管', 'XZ02', [2021, 7, 1], null],
};

// ============================================================================================
// 01 执法单位 — the table starts in column C; A–B hold merged 填报说明; credit codes as 1.13309E+17
// ============================================================================================
async function file01() {
  const file = '01_行政执法主体基本情况表（表格从C列起_左侧为填报说明）.xlsx';
  const spec = [
    ['序号', null],
    ['主体代码', 'unit_id'],
    ['执法主体名称', 'name'],
    ['简称', 'short_name'],
    ['统一社会信用代码', null, { note: 'no field of unit; all-digit codes are number cells shown 1.13309E+17 (precision lost)' }],
    ['主体类型', 'unit_type'],
    ['执法领域', 'domain'],
    ['行政层级', 'level'],
    ['所在乡镇', 'township'],
    ['执法模式', 'mode'],
    ['中心镇主体代码', 'hub_unit_id'],
    ['成立时间', 'established_date', { note: 'date cells shown yyyy/m/d' }],
    ['撤销时间', 'abolished_date'],
  ];
  const TYPE = { 综合: '综合行政执法部门', 专业: '专业执法部门', 海洋: '海洋综合执法机构', 乡镇: '乡镇人民政府' };
  const LEVEL = { 县: '县级', 乡镇: '乡镇级' };
  const MODE = { 县级: '县级直接执法', 派驻: '派驻乡镇执法', 赋权: '赋权乡镇执法', 片区兼管: '片区兼管执法' };
  const wb = newWorkbook();
  const ws = wb.addWorksheet('主体信息');
  const C0 = 3; // column C
  const W = spec.length;
  const put = (r, cells) => cells.forEach((v, i) => {
    if (v === null || v === undefined || v === '') return;
    const c = ws.getCell(r, C0 + i);
    if (typeof v === 'object' && 'numFmt' in v) {
      c.value = v.value;
      c.numFmt = v.numFmt;
    } else c.value = v;
  });
  ws.getCell(1, C0).value = '嵊泗县行政执法主体基本情况表';
  ws.mergeCells(1, C0, 1, C0 + W - 1);
  ws.getCell(2, C0).value = '填报单位（盖章）：嵊泗县司法局　　　　填报日期：2025年3月3日';
  ws.mergeCells(2, C0, 2, C0 + W - 1);
  put(3, spec.map((s) => s[0]));
  const order = ['ZH01', 'ZY01', 'ZY02', 'ZY03', 'ZY04', 'ZY05', 'ZY06', 'ZY07', 'ZY08', 'ZY09', 'HY01', 'XZ01', 'XZ02', 'NEW', 'XZ03', 'XZ04', 'XZ05', 'XZ06', 'XZ07', 'DUP'];
  const rejected = [];
  const records = [];
  const checks = [];
  let r = 3;
  order.forEach((key, i) => {
    r++;
    // 11 + 330922 + …: an organ's credit code; most of the county's are all digits (those Excel turns into numbers)
    let code = uscc('1', '1');
    while (i % 4 !== 1 && !/^\d{18}$/.test(code)) code = uscc('1', '1');
    const codeCell = /^\d{18}$/.test(code) ? { value: excel15(code), numFmt: 'General' } : code;
    if (key === 'NEW') {
      put(r, [i + 1, '', '嵊泗县马鞍列岛综合执法片区（筹）', '马鞍片区', codeCell, TYPE['乡镇'], '乡镇综合执法', LEVEL['乡镇'], '嵊山镇', MODE['片区兼管'], '', '', '']);
      rejected.push({ line: r, why: '主体代码为空（筹建中）/ no unit id: no key' });
      return;
    }
    const id = key === 'DUP' ? 'XZ04' : key;
    const [type, domain, level, town, mode, hub, est, abol] = UNIT_INFO[id];
    put(r, [i + 1, id, UNITS[id][0], UNITS[id][1], codeCell, TYPE[type], domain, LEVEL[level], town, MODE[mode], hub, dateCell(est, 'yyyy/m/d'), abol ? dateCell(abol, 'yyyy/m/d') : '']);
    if (key === 'DUP') {
      rejected.push({ line: r, why: '主体代码 XZ04 与第 19 行重复（复制粘贴时多粘了一行）/ duplicate key' });
      return;
    }
    records.push({ id: [id], enums: { unit_type: TYPE[type], level: LEVEL[level], mode: MODE[mode] } });
    const w = { unit_id: id };
    if (id === 'ZH01') checks.push({ where: w, field: 'established_date', expected: isoD(est), why: 'date cell yyyy/m/d' });
    if (id === 'ZY09') checks.push({ where: w, field: 'abolished_date', expected: isoD(abol), why: 'date cell' });
    if (id === 'XZ06') checks.push({ where: w, field: 'hub_unit_id', expected: 'XZ02', why: 'XZ02' });
    if (id === 'XZ03') checks.push({ where: w, field: 'name', expected: UNITS[id][0], why: 'column E of the sheet' });
  });
  const foot = r + 2;
  put(foot, ['', '填表人：王某　　联系电话：0580-5081234']);
  // the notes: merged A1:B(last), text in A1 only (what Excel keeps of a merge)
  ws.getCell(1, 1).value =
    '填报说明：\n1. 主体代码按县司法局统一编码填写；\n2. 统一社会信用代码以事业单位登记证书、组织机构代码证为准；\n3. 执法模式填县级直接执法、派驻乡镇执法、赋权乡镇执法、片区兼管执法之一；\n4. 撤销的主体保留，填写撤销时间；\n5. 本表于3月10日前报县司法局执法监督科。';
  ws.getCell(1, 1).alignment = { wrapText: true, vertical: 'top' };
  ws.mergeCells(1, 1, foot, 2);
  ws.getColumn(1).width = 16;
  ws.getColumn(2).width = 16;
  await saveWorkbook(wb, join(DIR, file), { wps: true });
  finish({
    file, table: 'unit', workspace: [], format: 'xlsx (exceljs, saved with WPS custom properties)',
    layout: 'sheet 主体信息: A1:B(last row) merged, holding the 填报说明 in A1; the table from column C: title row 1 and 填报单位 row 2 merged across C:O, header row 3 (C3:O3), records rows 4–23; 统一社会信用代码 as General number cells (an 18-digit code keeps 15 digits, shown 1.13309E+17) or text where it has a letter; dates as date cells yyyy/m/d; 填表人 line two rows under the table in column D',
    header_rows: [3], first_data_row: 4, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: foot, why: '填表人 / 联系电话 line under the table' }],
    enums: { unit_type: invert(TYPE), level: invert(LEVEL), mode: invert(MODE) },
    identity: ['unit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 02 执法事项 — autofilter left on (rows hidden), ☑/□, fines in 万元 and 大写, dates in Chinese numerals
// ============================================================================================
async function file02(matters) {
  const file = '02_综合行政执法事项目录（筛选状态下保存_含隐藏行）.xlsx';
  const spec = [
    ['序号', null],
    ['事项代码', 'matter_code'],
    ['事项名称', 'name'],
    ['所属领域', 'domain'],
    ['权力类型', 'power_type'],
    ['实施主体', 'owner_unit_id', { note: "the unit's full name" }],
    ['实施队伍类型', 'owner_type'],
    ['是否划转', 'transferred', { note: '☑ / □' }],
    ['划转前领域', 'from_domain'],
    ['是否高频', 'high_frequency', { note: '☑ / □' }],
    ['罚款下限', 'fine_min', { note: 'text: 200元, 0.5万元, 大写' }],
    ['罚款上限', 'fine_max', { note: 'text: 2万元, 贰仟元整' }],
    ['目录版本', 'catalogue_version'],
    ['生效日期', 'effective_date', { note: 'Chinese numerals 二〇二一年七月一日' }],
    ['是否公布', 'published', { note: '☑ / □; the autofilter shows ☑ only: □ rows hidden' }],
  ];
  const POWER = { 处罚: '行政处罚', 强制: '行政强制', 检查: '行政检查' };
  const OWNER = { 综合: '综合执法', 专业: '部门专业执法', 海洋: '海洋执法', 乡镇: '乡镇（街道）执法' };
  const box = (b) => (b ? '☑' : '□');
  const money = (n, k) => {
    if (n === null || n === undefined || n === '') return '';
    if (k % 3 === 0 && daxieOk(n)) return daxie(n);
    if (n >= 10000 && n % 1000 === 0) return `${n / 10000}万元`;
    if (k % 3 === 1 && n >= 1000 && n % 1000 === 0) return `${n / 10000}万元`;
    return `${n}元`;
  };
  const pickM = matters.filter((m, i) => i % 19 === 5 || (m.power !== '行政处罚' && i % 23 === 2)).slice(0, 36);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('事项目录');
  const W = spec.length;
  setRow(ws, 1, spec.map((s) => s[0]), W);
  const rejected = [];
  const records = [];
  const checks = [];
  const hidden = [];
  const codes = [];
  let r = 1;
  pickM.forEach((m, k) => {
    r++;
    let code = m.code;
    let domain = m.domain;
    let broken = null;
    if (k === 8) {
      code = '';
      broken = '事项代码为空（新增事项未赋码）/ no matter code: no key';
    }
    if (k === 24) {
      code = codes[4];
      broken = `事项代码 ${code} 与第 6 行重复 / duplicate key`;
    }
    if (k === 31) {
      domain = '';
      broken = '所属领域为空（必填）/ required domain empty';
    }
    codes.push(code);
    const owner = UNIT_BY_SHORT[m.ownerShort];
    const pub = m.pub === '是' && k % 7 !== 3;
    const eff = m.eff ? String(m.eff).slice(0, 10).split(/[-.]/).map(Number) : [2024, 1, 1];
    setRow(ws, r, [k + 1, code, m.name, domain, m.power, UNITS[owner][0], OWNER[m.owner], box(m.transferred === '是'), m.from || '', box(m.hf === '是'), money(m.min, k), money(m.max, k + 1), m.version, cnDate(eff), box(pub)], W);
    if (!pub) hidden.push(r);
    if (broken) {
      rejected.push({ line: r, why: broken + (pub ? '' : ' (a hidden row)') });
      return;
    }
    records.push({ id: [code], enums: { power_type: m.power, owner_type: OWNER[m.owner] } });
    const w = { matter_code: code };
    if (k === 0 || k === 1 || k === 2 || k === 10) {
      if (m.max !== null && m.max !== undefined && m.max !== '') checks.push({ where: w, field: 'fine_max', expected: m.max, why: money(m.max, k + 1) });
      if (m.min !== null && m.min !== undefined && m.min !== '') checks.push({ where: w, field: 'fine_min', expected: m.min, why: money(m.min, k) });
    }
    if (k === 3) checks.push({ where: w, field: 'effective_date', expected: isoD(eff), why: cnDate(eff) });
    if (!pub && checks.filter((c) => c.field === 'published').length < 2) checks.push({ where: w, field: 'published', expected: false, why: '□ in a row hidden by the autofilter: still data' });
    if (k === 5) checks.push({ where: w, field: 'high_frequency', expected: m.hf === '是', why: box(m.hf === '是') });
    if (k === 6) checks.push({ where: w, field: 'owner_unit_id', expected: owner, why: UNITS[owner][0] });
  });
  const foot = r + 1;
  ws.getCell(foot, 1).value = '注：☑表示“是”，□表示“否”；罚款幅度以法律法规规定为准。';
  ws.mergeCells(foot, 1, foot, W);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: r, column: W } };
  for (const h of hidden) ws.getRow(h).hidden = true;
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'matter', workspace: ['units'], format: 'xlsx (exceljs)',
    layout: `sheet 事项目录: header row 1 with an autofilter over A1:O${r}; rows of unpublished matters (是否公布 □) hidden (${hidden.join(', ')}) as the filter left them — data all the same; ☑/□ for yes/no; fines as text 200元 / 2万元 / 0.5万元 / 贰仟元整; 生效日期 二〇二一年七月一日; note row ${foot} merged across`,
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: foot, why: '注：☑表示“是” … note row' }],
    enums: { power_type: invert(POWER), owner_type: invert(OWNER) },
    identity: ['matter_code'], records, value_checks: checks,
  });
}

// ============================================================================================
// 03 处罚案件 — a sheet a month, officers in separate columns, #N/A, 大写 fines, 合计 rows
// ============================================================================================
async function file03(matters, roster) {
  const file = '03_2024年上半年行政处罚案件登记台账（分月）.xlsx';
  const spec = [
    ['序号', null],
    ['案件编号', 'case_id'],
    ['办案单位', 'unit_id', { note: "the unit's full name" }],
    ['事项编码', 'matter_code', { note: '=VLOOKUP(…) pasted as values: #N/A where the lookup failed' }],
    ['案由', null],
    ['当事人', 'party_name'],
    ['当事人类别', 'party_type'],
    ['立案日期', 'filed_date'],
    ['处罚决定日期', 'decision_date', { note: 'Chinese numerals, as the 决定书 says' }],
    ['罚款金额', 'fine_amount', { note: 'number, or 大写 壹万贰仟元整' }],
    ['执法人员1', 'officer_ids'],
    ['执法证号1', null, { accept: ['officer_ids'] }],
    ['执法人员2', 'officer_ids', { note: "the second officer: with 执法人员1 the case's officer_ids (checked in value_checks). At hand-over listed unmapped (accept: officer_ids) because a mapping file took one column per field; since 2026-12-07 a list's later columns add to it ({field: officer_ids, fallback: true})" }],
    ['执法证号2', null, { accept: ['officer_ids'] }],
    ['适用程序', 'procedure'],
  ];
  const PARTY = { 个人: '自然人', 单位: '法人或其他组织' };
  const PROC = { 简易: '简易程序', 普通: '一般程序' };
  const officersOf = uniqueOfficers(roster);
  const punish = matters.filter((m) => m.power === '行政处罚' && officersOf(UNIT_BY_SHORT[m.ownerShort]).length >= 2);
  const wb = newWorkbook();
  const W = spec.length;
  const rejected = [];
  const footer = [];
  const records = [];
  const checks = [];
  const sheets = [];
  let n = 0;
  const ids = [];
  for (let month = 1; month <= 6; month++) {
    const name = `${month}月`;
    const ws = wb.addWorksheet(name);
    setRow(ws, 1, spec.map((s) => s[0]), W);
    const count = 5 + (month % 3);
    let loaded = 0;
    let total = 0;
    let r = 1;
    for (let k = 0; k < count; k++) {
      r++;
      n++;
      const m = punish[(n * 7) % punish.length];
      const unit = UNIT_BY_SHORT[m.ownerShort];
      const offs = officersOf(unit);
      const o1 = offs[n % offs.length];
      const o2 = offs[(n + 1) % offs.length];
      const filed = [2024, month, int(1, 25)];
      const dec = addDays(filed, int(8, 40));
      const personal = n % 3 !== 0;
      const party = personal ? pick(PERSONS) : pick(BUSINESSES).name;
      const simple = n % 5 === 0;
      let fine = simple ? pick([50, 100, 200]) : Math.max(m.min || 0, Math.round((int(1, 30) * 500)));
      let id = `ZJ2024${pad(3309221000 + n * 37, 10)}`;
      let broken = null;
      let filedCell = dateCell(filed);
      if (n === 9) {
        id = '';
        broken = '案件编号为空（尚未生成编号）/ no case id: no key';
      }
      if (n === 23) {
        id = ids[18];
        broken = `案件编号 ${id} 与 4月 表中的同一案件重复（跨月重复登记）/ duplicate key`;
      }
      if (n === 31) {
        filedCell = '2024-05-32';
        broken = '立案日期 2024-05-32 不存在（必填）/ impossible required date';
      }
      ids.push(id);
      const na = n % 6 === 4;
      const fineCell = !simple && n % 2 === 0 && daxieOk(fine) ? daxie(fine) : fine;
      setRow(ws, r, [k + 1, id, UNITS[unit][0], na ? { error: '#N/A' } : m.code, m.name.replace(/^对/, '').replace(/的行政处罚$/, ''), party, personal ? PARTY['个人'] : PARTY['单位'], filedCell, cnDate(dec), fineCell, o1.name, o1.cert, o2.name, o2.cert, simple ? PROC['简易'] : PROC['普通']], W);
      if (na) ws.getCell(r, 4).value = { error: '#N/A' };
      if (typeof fineCell === 'number') total += fine;
      if (broken) {
        rejected.push({ line: r, sheet: name, why: broken });
        continue;
      }
      loaded++;
      records.push({ id: [id], enums: { party_type: personal ? PARTY['个人'] : PARTY['单位'], procedure: simple ? PROC['简易'] : PROC['普通'] } });
      const w = { case_id: id };
      if (n === 2 || n === 14) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: `${o1.name} / ${o2.name} in 执法人员1 / 执法人员2` });
      if (typeof fineCell === 'string' && checks.filter((c) => c.why.endsWith('元整')).length < 2) checks.push({ where: w, field: 'fine_amount', expected: fine, why: fineCell });
      if (n === 3) checks.push({ where: w, field: 'decision_date', expected: isoD(dec), why: cnDate(dec) });
      if (na && checks.filter((c) => c.field === 'matter_code').length < 2) checks.push({ where: w, field: 'matter_code', expected: null, why: '#N/A: the VLOOKUP found nothing, no code' });
      if (n === 5) checks.push({ where: w, field: 'unit_id', expected: unit, why: UNITS[unit][0] });
    }
    r++;
    setRow(ws, r, ['合计', '', `本月共 ${loaded} 件`, '', '', '', '', '', '', { value: { formula: `SUM(J2:J${r - 1})`, result: total }, numFmt: 'General' }], W);
    footer.push({ line: r, sheet: name, why: '合计 row (本月共 n 件, SUM of the numeric fines)' });
    sheets.push({ sheet: name, rows_loaded: loaded });
  }
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'penalty_case', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs)',
    layout: 'six sheets 1月 … 6月, the same header in row 1 of each, records from row 2, a 合计 row under each month; officers in separate columns 执法人员1 / 执法证号1 / 执法人员2 / 执法证号2; 事项编码 #N/A (error cells) where a VLOOKUP found nothing; 罚款金额 a number or 大写 text; 处罚决定日期 二〇二四年三月五日',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer, sheets,
    enums: { party_type: invert(PARTY), procedure: invert(PROC) },
    identity: ['case_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 04 执法人员 — the roster CSV opened in Excel and saved again (3.30903E+17, 2024/1/1)
// ============================================================================================
async function file04(roster) {
  const file = '04_2024年执法人员花名册（Excel打开后另存为CSV）.csv';
  const spec = [
    ['序号', null],
    ['人员编号', 'officer_id'],
    ['年度', 'year'],
    ['姓名', 'name'],
    ['身份证号', 'id_number', { note: 'all-digit numbers saved as Excel displays them: 3.30903E+17 (unreadable); those ending in X stayed text' }],
    ['联系电话', 'phone'],
    ['所属单位', 'unit_id', { note: "the unit's full name" }],
    ['岗位层级', 'posting'],
    ['派驻乡镇', 'township'],
    ['岗位类别', 'role'],
    ['专职法制审核', 'fulltime_reviewer'],
    ['编制类型', 'staffing_type'],
    ['执法证号', 'cert_no'],
    ['执法证有效期起', 'cert_valid_from', { note: '2024/1/1 (Excel rewrote the ISO dates)' }],
    ['执法证有效期至', 'cert_valid_to'],
    ['法律职业资格', 'legal_qualification'],
    ['年度培训学时', 'training_hours'],
  ];
  const POSTING = { 县级: '机关', 乡镇: '乡镇一线' };
  const list = roster.filter((o, i) => i % 9 === 2).slice(0, 34);
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  let sci = 0;
  list.forEach((o, k) => {
    const line = lines.length + 1;
    let id = o.id;
    let unit = UNITS[o.unit][0];
    let broken = null;
    if (k === 7) {
      id = '';
      broken = '人员编号为空（新进人员未编号）/ no officer id: no key';
    }
    if (k === 21) {
      id = list[12].id;
      broken = `人员编号 ${id} 与第 14 行重复（同一人员两条）/ duplicate key`;
    }
    if (k === 28) {
      unit = '';
      broken = '所属单位为空（必填）/ required unit empty';
    }
    const digits = /^\d{18}$/.test(o.idNo);
    const idCell = digits ? excelGeneral(o.idNo) : o.idNo;
    const d = (x) => (x instanceof Date ? slashDate(ymd(x)) : '');
    lines.push([k + 1, id, 2024, o.name, idCell, o.phone, unit, o.posting, o.town, o.role, o.fulltime, o.staffing, o.cert, d(o.from), d(o.to), o.lq, o.hours].map(csvq).join(','));
    if (broken) {
      rejected.push({ line, why: broken });
      return;
    }
    records.push({ id: [o.id, 2024], enums: { posting: o.posting } });
    if (!Object.values(POSTING).includes(o.posting)) throw new Error(`posting ${o.posting}`);
    const w = { officer_id: o.id, year: 2024 };
    if (digits && sci < 3) {
      sci++;
      checks.push({ where: w, field: 'id_number', expected: null, why: `${idCell}: Excel kept 6 significant digits of ${o.idNo.slice(0, 6)}…; the number is lost and must not be stored (empty, with a word)` });
    }
    if (!digits && checks.filter((c) => c.field === 'id_number' && c.expected).length < 1) checks.push({ where: w, field: 'id_number', expected: o.idNo, why: 'ends in X: stayed text' });
    if (k === 2 && o.from) checks.push({ where: w, field: 'cert_valid_from', expected: isoD(ymd(o.from)), why: d(o.from) });
    if (k === 4 && o.to) checks.push({ where: w, field: 'cert_valid_to', expected: isoD(ymd(o.to)), why: d(o.to) });
    if (k === 5) checks.push({ where: w, field: 'phone', expected: o.phone, why: 'an 11-digit number Excel shows whole' });
    if (k === 6) checks.push({ where: w, field: 'unit_id', expected: o.unit, why: unit });
  });
  lines.push(',,,,,,,,,,,,,,,,');
  lines.push(`制表：县综合执法局办公室　审核：　　　　制表日期：2025/1/6,,,,,,,,,,,,,,,,`);
  writeFileSync(join(DIR, file), iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));
  finish({
    file, table: 'officer', workspace: ['units', 'matters'], format: 'csv, GBK (Excel “CSV (逗号分隔)”), CRLF',
    layout: 'header line 1, one officer per line; as Excel re-saves a CSV it opened: 18-digit ID numbers written as displayed (3.30903E+17), dates 2024/1/1, every line as wide as the widest (an all-comma line and a 制表 line padded with commas at the end)',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: lines.length - 1, why: 'a line of commas only (an empty row Excel kept)' }, { line: lines.length, why: '制表 / 审核 line' }],
    enums: { posting: invert(POSTING) },
    identity: ['officer_id', 'year'], records, value_checks: checks,
  });
}

// ============================================================================================
// 05 投诉举报 — the 12345 platform's list copied out of the browser into a .txt (TSV)
// ============================================================================================
async function file05() {
  const file = '05_12345工单列表（网页表格复制粘贴）.txt';
  const spec = [
    ['', null, { note: 'the selection checkbox column of the web table: empty header, empty cells' }],
    ['序号', null],
    ['工单编号', 'complaint_id'],
    ['登记时间', 'received_date', { note: '2024-07-03 09:15:22' }],
    ['诉求来源', 'channel'],
    ['所属乡镇', 'township'],
    ['承办单位', 'unit_id', { note: '县xx局 / 镇名' }],
    ['问题分类', 'domain'],
    ['涉及执法行为', 'about_conduct'],
    ['办理时限', 'deadline_date'],
    ['办结时间', 'closed_date'],
    ['回访评价', 'satisfaction'],
    ['操作', null, { note: 'the links 查看 督办' }],
  ];
  const CHANNEL = { 12345: '12345热线', 投诉举报平台: '投诉举报平台', '110联动': '110非警务警情', 基层治理四平台: '基层治理四平台', 执法监督热线: '执法监督热线' };
  const SAT = { 满意: '满意', 基本满意: '基本满意', 不满意: '不满意', 未评价: '未回访' };
  const DOMAINS = ['市场监管', '城市管理', '生态环境', '交通运输', '文化旅游', '海洋渔业'];
  const unitsFor = ['ZH01', 'ZY01', 'ZY03', 'ZY04', 'ZY07', 'ZY08', 'HY01', 'XZ01', 'XZ02', 'XZ03'];
  const unitText = (u) => COUNTY_SHORT[u] ?? UNITS[u][1];
  const header = spec.map((s) => s[0]).join('\t');
  const lines = [header];
  const rejected = [];
  const footer = [];
  const records = [];
  const checks = [];
  const idList = [];
  const N = 38;
  for (let k = 1; k <= N; k++) {
    if (k === 21) {
      lines.push(header);
      footer.push({ line: lines.length, why: 'the header again: page 2 copied and pasted under page 1' });
    }
    const line = lines.length + 1;
    const d = randDate(7, 12);
    const hh = int(8, 17);
    const recv = `${isoD(d)} ${pad(hh)}:${pad(int(0, 59))}:${pad(int(0, 59))}`;
    let id = `2024${pad(d[1])}${pad(d[2])}${pad(int(100, 999), 3)}${pad(k, 3)}`;
    const u = unitsFor[k % unitsFor.length];
    const town = TOWN_OF[u] ?? pick(Object.values(TOWN_OF));
    const chKey = pick(['12345', '12345', '12345', '投诉举报平台', '110联动', '基层治理四平台', '执法监督热线']);
    const satKey = pick(['满意', '满意', '基本满意', '不满意', '未评价']);
    const conduct = k % 6 === 0;
    const deadline = addDays(d, 5);
    const closedD = k % 9 === 4 ? null : addDays(d, int(1, 7));
    let recvCell = recv;
    let broken = null;
    if (k === 6) {
      id = '';
      broken = '工单编号为空（草稿工单）/ no ticket id: no key';
    }
    if (k === 27) {
      id = idList[10];
      broken = `工单编号 ${id} 与第 12 行重复（翻页时同一工单出现两次）/ duplicate key`;
    }
    if (k === 33) {
      recvCell = '';
      broken = '登记时间为空（必填）/ required received date empty';
    }
    idList.push(id);
    // a browser copy: cell text as shown, a trailing space where the page had padding, the links' text
    lines.push(['', k, id, recvCell, CHANNEL[chKey], town, unitText(u), pick(DOMAINS), conduct ? '是' : '否', isoD(deadline), closedD ? `${isoD(closedD)} ${pad(int(8, 18))}:${pad(int(0, 59))}` : '', SAT[satKey] + (k % 4 === 1 ? ' ' : ''), '查看 督办'].join('\t'));
    if (broken) {
      rejected.push({ line, why: broken });
      continue;
    }
    records.push({ id: [id], enums: { channel: CHANNEL[chKey], satisfaction: SAT[satKey] } });
    const w = { complaint_id: id };
    if (k === 2) checks.push({ where: w, field: 'received_date', expected: isoD(d), why: recv });
    if (k === 3) checks.push({ where: w, field: 'unit_id', expected: u, why: unitText(u) });
    if (k === 4) checks.push({ where: w, field: 'closed_date', expected: null, why: 'not closed: empty' });
    if (k === 5) checks.push({ where: w, field: 'deadline_date', expected: isoD(deadline), why: isoD(deadline) });
    if (k === 12) checks.push({ where: w, field: 'about_conduct', expected: true, why: '是' });
  }
  lines.push('共 38 条\t\t10条/页\t\t上一页\t1\t2\t3\t4\t下一页');
  footer.push({ line: lines.length, why: 'the pager under the web table, copied with it' });
  writeFileSync(join(DIR, file), lines.join('\r\n') + '\r\n');
  finish({
    file, table: 'complaint', workspace: ['units', 'matters', 'officers'], format: 'text, UTF-8 without BOM, CRLF, tab-separated (Notepad, after Ctrl+C on the web table)',
    layout: 'header line 1 (first cell empty: the checkbox column), one ticket per line; line 22 repeats the header (page 2 pasted under page 1); the pager line last; a trailing space after some 回访评价; unit as 县xx局 or the township',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: { channel: invert(CHANNEL), satisfaction: invert(SAT) },
    identity: ['complaint_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 06 行政检查 — openpyxl-written: formulas without cached values, #N/A / #REF!, 姓名（执法证号：…）
// ============================================================================================
async function file06(roster) {
  const file = '06_2024年四季度行政检查记录（Python脚本汇总_公式未计算）.xlsx';
  const spec = [
    ['序号', null, { note: '=ROW()-1 without a cached value' }],
    ['检查编号', 'inspection_id'],
    ['检查日期', 'date', { note: 'date cells; two rows a range 2024-10-05至2024-10-06 as text' }],
    ['实施单位', 'lead_unit_id', { note: "the unit's full name" }],
    ['检查对象', 'subject_name'],
    ['检查对象代码', 'subject_id', { note: '#N/A error cells where the lookup failed' }],
    ['是否涉企', 'is_enterprise', { note: '=IF(LEFT(F2,1)="9","是","否"): cached 是/否 in rows 2–16 (Excel had computed them), no cached value in the rows the script appended' }],
    ['检查方式', 'inspection_type'],
    ['检查人员', 'officer_ids', { note: '王婷（执法证号：浙执202400002）、李晨慧（执法证号：…）' }],
    ['检查结论', 'result'],
    ['关联案件编号', 'case_id', { note: '#REF! in some rows (a deleted sheet)' }],
  ];
  const TYPE = { 双随机: '“双随机、一公开”抽查', 日常巡查: '日常检查', 专项: '专项检查', 投诉核查: '投诉举报核查', 综合查一次: '“综合查一次”' };
  const RESULT = { 无问题: '未发现问题', 责令整改: '责令限期整改', 立案: '立案查处', 移送: '移送有关部门' };
  const officersOf = uniqueOfficers(roster);
  const units = ['ZH01', 'ZY01', 'ZY03', 'ZY07', 'ZY08', 'HY01', 'XZ01', 'XZ02'].filter((u) => officersOf(u).length >= 2);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Sheet');
  const W = spec.length;
  spec.forEach((s, i) => (ws.getCell(1, i + 1).value = s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  const N = 36;
  for (let k = 1; k <= N; k++) {
    const r = k + 1;
    const u = units[k % units.length];
    const offs = officersOf(u);
    const o1 = offs[k % offs.length];
    const o2 = offs[(k + 2) % offs.length];
    const two = o1 !== o2 && k % 3 !== 0;
    const d = randDate(10, 12);
    const biz = BUSINESSES[k % BUSINESSES.length];
    const typeKey = pick(['双随机', '双随机', '日常巡查', '专项', '投诉核查', '综合查一次']);
    const resKey = pick(['无问题', '无问题', '无问题', '责令整改', '立案', '移送']);
    let id = `JC2024${pad(33092200 + k * 13, 8)}`;
    let subject = biz.code;
    let broken = null;
    if (k === 5) {
      id = '';
      broken = '检查编号为空 / no inspection id: no key';
    }
    if (k === 25) {
      id = ids[14];
      broken = `检查编号 ${id} 与第 16 行重复（两份汇总表合并时重复）/ duplicate key`;
    }
    if (k === 19) {
      subject = null;
      broken = '检查对象代码 #N/A（VLOOKUP 未找到，必填）/ required subject id an Excel error';
    }
    ids.push(id);
    const caseNo = resKey === '立案' ? (k % 2 ? { error: '#REF!' } : `ZJ2024${pad(3309222000 + k * 17, 10)}`) : '';
    const cached = k <= 15;
    const isEnt = subject ? subject.startsWith('9') : false;
    const who = `${o1.name}（执法证号：${o1.cert}）${two ? `、${o2.name}（执法证号：${o2.cert}）` : ''}`;
    const range = k === 8 || k === 30;
    const dateValue = range ? `${isoD(d)}至${isoD(addDays(d, 1))}` : dateCell(d);
    const cells = [
      { formula: 'ROW()-1' }, id || null, null, UNITS[u][0], biz.name, subject ?? { error: '#N/A' },
      cached ? { formula: `IF(LEFT(F${r},1)="9","是","否")`, result: isEnt ? '是' : '否' } : { formula: `IF(LEFT(F${r},1)="9","是","否")` },
      TYPE[typeKey], who, RESULT[resKey], caseNo || null,
    ];
    cells.forEach((v, i) => {
      if (v === null || v === '') return;
      ws.getCell(r, i + 1).value = v;
    });
    if (range) ws.getCell(r, 3).value = dateValue;
    else {
      ws.getCell(r, 3).value = dateValue.value;
      ws.getCell(r, 3).numFmt = 'yyyy-mm-dd';
    }
    if (broken) {
      rejected.push({ line: r, why: broken });
      continue;
    }
    records.push({ id: [id], enums: { inspection_type: TYPE[typeKey], result: RESULT[resKey] } });
    const w = { inspection_id: id };
    if (k === 2 || k === 4) checks.push({ where: w, field: 'officer_ids', expected: two ? [o1.id, o2.id] : [o1.id], why: who });
    if (k === 3) checks.push({ where: w, field: 'is_enterprise', expected: isEnt, why: 'formula with its cached value' });
    if (k === 20) checks.push({ where: w, field: 'is_enterprise', expected: null, why: 'formula with NO cached value (<f> only, written by openpyxl): the file holds no value' });
    if (range) checks.push({ where: w, field: 'date', expected: isoD(d), why: `${dateValue}: a two-day visit, the inspection's date is its first day` });
    if (caseNo && typeof caseNo === 'object' && checks.filter((c) => c.field === 'case_id').length < 2) checks.push({ where: w, field: 'case_id', expected: null, why: '#REF!: no case number' });
    if (k === 6) checks.push({ where: w, field: 'lead_unit_id', expected: u, why: UNITS[u][0] });
  }
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'inspection', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs, imitating openpyxl: one sheet named Sheet, no styles)',
    layout: 'header row 1, one inspection per row 2–37; 序号 =ROW()-1 with no cached value in every row; 是否涉企 an IF formula with a cached value in rows 2–16 and none (<f> only) in rows 17–37; #N/A (t="e") in 检查对象代码, #REF! in 关联案件编号; two rows with 检查日期 as text 2024-10-05至2024-10-06; 检查人员 姓名（执法证号：…） joined by 、',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { inspection_type: invert(TYPE), result: invert(RESULT) },
    identity: ['inspection_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 07 行政许可 — a DataTables JSON {"draw","recordsTotal","columns":[{title}],"data":[[…]]}
// ============================================================================================
async function file07() {
  const file = '07_行政许可信息（DataTables表格数据）.json';
  const spec = [
    ['序号', null],
    ['许可文书编号', 'permit_id'],
    ['行政相对人名称', 'subject_name'],
    ['统一社会信用代码', 'subject_id', { note: 'one 9.13309E+17: pasted from an Excel sheet' }],
    ['许可事项', 'matter_code'],
    ['许可机关', 'unit_id', { note: "the unit's full name" }],
    ['许可决定日期', 'issued_date', { note: '2024年3月5日' }],
    ['有效期', null, { note: '2024-03-05至2029-03-04' }],
    ['许可状态', null],
  ];
  const ITEMS = [['食品经营许可', 'ZY01', 'JY'], ['公共场所卫生许可', 'ZY08', 'WS'], ['娱乐场所经营许可', 'ZY03', 'WH'], ['道路运输经营许可', 'ZY04', 'YS'], ['危险化学品经营许可', 'ZY07', 'WH']];
  const data = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let k = 1; k <= 34; k++) {
    const [item, u, pre] = ITEMS[k % ITEMS.length];
    const biz = BUSINESSES[(k * 5) % BUSINESSES.length];
    const d = randDate(1, 12);
    let id = `${pre}3309222024${pad(k * 7, 4)}`;
    let code = biz.code;
    let issued = `${d[0]}年${d[1]}月${d[2]}日`;
    let broken = null;
    if (k === 4) {
      id = '';
      broken = '许可文书编号为空 / no permit id: no key';
    }
    if (k === 17) {
      id = ids[9];
      broken = `许可文书编号 ${id} 与第 10 条重复 / duplicate key`;
    }
    if (k === 12) {
      code = excelGeneral(code.replace(/\D/g, '0').slice(0, 18));
      broken = `统一社会信用代码 ${code}：Excel 科学计数法，18 位只剩 6 位有效数字，无法还原（必填）/ required subject id unreadable: must be rejected, not loaded as a wrong code`;
    }
    if (k === 29) {
      issued = '';
      broken = '许可决定日期为空（必填）/ required issued date empty';
    }
    ids.push(id);
    const to = [d[0] + 5, d[1], d[2]];
    data.push([String(k), id, biz.name, code, item, UNITS[u][0], issued, `${isoD(d)}至${isoD(addDays(to, -1))}`, '有效']);
    if (broken) {
      rejected.push({ line: k, why: broken });
      continue;
    }
    records.push({ id: [id], enums: {} });
    const w = { permit_id: id };
    if (k === 2) checks.push({ where: w, field: 'issued_date', expected: isoD(d), why: issued });
    if (k === 3) checks.push({ where: w, field: 'subject_id', expected: biz.code, why: 'credit code as text' });
    if (k === 5) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (k === 6) checks.push({ where: w, field: 'matter_code', expected: item, why: item });
  }
  const json = {
    draw: 1,
    recordsTotal: data.length,
    recordsFiltered: data.length,
    columns: spec.map((s, i) => ({ data: i, title: s[0], orderable: i > 0 })),
    data,
  };
  writeFileSync(join(DIR, file), JSON.stringify(json));
  finish({
    file, table: 'permit', workspace: ['units', 'matters', 'officers'], format: 'json, UTF-8, one line (a DataTables server-side answer saved from the browser)',
    layout: '{"draw":1,"recordsTotal":34,"recordsFiltered":34,"columns":[{"data":0,"title":"序号","orderable":false},…],"data":[["1","JY…",…],…]}: column names are the columns\' title, each record an array in column order, every value a string; records numbered by their place in data (1…34)',
    header_rows: [], first_data_row: 1, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {}, identity: ['permit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 08 复议诉讼 — ☑是 □否 in one cell, dates in Chinese numerals, #N/A
// ============================================================================================
async function file08() {
  const file = '08_行政复议行政应诉案件登记表（勾选框_中文日期）.xlsx';
  const spec = [
    ['序号', null],
    ['案号', 'id'],
    ['案件类型', 'kind'],
    ['申请人（原告）', null],
    ['被申请人（被告）', 'unit_id', { note: "the unit's full name" }],
    ['原案件编号', 'case_id', { note: '#N/A where the lookup failed' }],
    ['收案日期', 'filed_date', { note: '二〇二四年三月五日' }],
    ['结案日期', 'decided_date', { note: '二〇二四年三月五日 or empty' }],
    ['审理结果', 'outcome'],
    ['是否开庭', 'hearing_held', { note: '☑是 □否 / □是 ☑否 / □是 □否 (not ticked: no value)' }],
    ['负责人出庭应诉', 'head_appeared', { note: 'same' }],
  ];
  const KIND = { 复议: '行政复议', 诉讼: '行政诉讼' };
  const OUT = { 维持: '维持', 驳回: '驳回', 撤销: '撤销', 确认违法: '确认违法', 调解撤回: '撤回申请', 变更: '变更' };
  const units = ['ZH01', 'ZY01', 'ZY03', 'ZY04', 'ZY06', 'ZY07', 'HY01', 'XZ01'];
  const tick = (v) => (v === true ? '☑是 □否' : v === false ? '□是 ☑否' : '□是 □否');
  const wb = newWorkbook();
  const ws = wb.addWorksheet('登记表');
  const W = spec.length;
  ws.getCell(1, 1).value = '2024年度行政复议、行政应诉案件登记表';
  ws.mergeCells(1, 1, 1, W);
  setRow(ws, 2, spec.map((s) => s[0]), W);
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  let r = 2;
  let nf = 0;
  let nl = 0;
  for (let k = 1; k <= 32; k++) {
    r++;
    const isLaw = k % 3 === 0;
    const u = units[k % units.length];
    let id = isLaw ? `（2024）浙0922行初${++nl}号` : `嵊政复〔2024〕${++nf}号`;
    const filed = randDate(1, 10);
    const done = k % 7 === 2 ? null : addDays(filed, int(30, 80));
    const outKey = done ? pick(Object.keys(OUT)) : null;
    const hearing = isLaw ? k % 2 === 0 : null;
    const head = isLaw ? k % 4 !== 1 : null;
    const caseNo = k % 5 === 1 ? { error: '#N/A' } : `ZJ2023${pad(3309223000 + k * 29, 10)}`;
    let unitTxt = UNITS[u][0];
    let broken = null;
    if (k === 10) {
      id = '';
      broken = '案号为空（尚未立案）/ no id: no key';
    }
    if (k === 20) {
      id = ids[13];
      broken = `案号 ${id} 与第 16 行重复 / duplicate key`;
    }
    if (k === 26) {
      unitTxt = '';
      broken = '被申请人（被告）为空（必填）/ required respondent empty';
    }
    ids.push(id);
    setRow(ws, r, [k, id, isLaw ? KIND['诉讼'] : KIND['复议'], pick(PERSONS), unitTxt, caseNo, cnDate(filed), done ? cnDate(done) : '', outKey ? OUT[outKey] : '', tick(hearing), tick(head)], W);
    if (broken) {
      rejected.push({ line: r, why: broken });
      continue;
    }
    const enums = { kind: isLaw ? KIND['诉讼'] : KIND['复议'] };
    if (outKey) enums.outcome = OUT[outKey];
    records.push({ id: [id], enums });
    const w = { id };
    if (k === 1) checks.push({ where: w, field: 'filed_date', expected: isoD(filed), why: cnDate(filed) });
    if (k === 3) checks.push({ where: w, field: 'hearing_held', expected: hearing, why: tick(hearing) });
    if (k === 6 || k === 5) checks.push({ where: w, field: 'head_appeared', expected: head, why: tick(head) });
    if (k === 1) checks.push({ where: w, field: 'case_id', expected: null, why: '#N/A' });
    if (k === 2) checks.push({ where: w, field: 'case_id', expected: caseNo, why: caseNo });
    if (k === 4) checks.push({ where: w, field: 'unit_id', expected: u, why: unitTxt });
  }
  r++;
  setRow(ws, r, ['合计', `复议 ${nf} 件，诉讼 ${nl} 件`], W);
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'review_litigation', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs)',
    layout: 'sheet 登记表: title row 1 merged, header row 2, one case per row 3–34, 合计 row 35; 收案/结案日期 in Chinese numerals 二〇二四年三月五日; 是否开庭 and 负责人出庭应诉 as a printed checkbox pair in one cell (☑是 □否 / □是 ☑否 / □是 □否 for 复议, where it does not apply); 原案件编号 #N/A error cells',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: r, why: '合计 row' }],
    enums: { kind: invert(KIND), outcome: invert(OUT) },
    identity: ['id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 09 监督发现问题 — AVERAGE formulas (#DIV/0! cached), 整改期限 as a date range in one cell
// ============================================================================================
async function file09() {
  const file = '09_2024年执法监督及案卷评查问题整改台账.xlsx';
  const spec = [
    ['序号', null],
    ['问题编号', 'finding_id'],
    ['问题来源', 'source'],
    ['被监督单位', 'unit_id', { note: 'short names 综合执法局 …' }],
    ['关联案件编号', 'case_id'],
    ['评查人A', null],
    ['评查人B', null],
    ['评查人C', null],
    ['评查得分', 'casefile_score', { note: '=ROUND(AVERAGE(F:H),1) cached; #DIV/0! where nobody scored' }],
    ['评查等次', 'casefile_grade'],
    ['发现日期', 'found_date'],
    ['整改期限', 'due_date', { note: '2024-05-06至2024-06-05: the due date is the end' }],
    ['整改完成日期', 'rectified_date'],
    ['问题等级', 'severity'],
    ['问题描述', 'description'],
  ];
  const SRC = { 执法监督: '执法监督检查', 案卷评查: '案卷评查', 检察建议: '检察建议', 纪委监委: '纪检监察', 特邀监督: '特邀监督员', 人大: '人大监督' };
  const PROBLEMS = ['现场检查笔录未记录检查人员执法证号', '处罚决定书未载明救济途径', '案卷材料未按规定装订归档', '调查取证不全面，证据链不完整', '未按规定进行法制审核', '超期办案未履行延期审批手续'];
  const units = ['ZH01', 'ZY01', 'ZY02', 'ZY03', 'ZY05', 'ZY07', 'ZY08', 'HY01', 'XZ01', 'XZ02'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('问题台账');
  const W = spec.length;
  ws.getCell(1, 1).value = '2024年嵊泗县行政执法监督及案卷评查发现问题整改台账';
  ws.mergeCells(1, 1, 1, W);
  setRow(ws, 2, spec.map((s) => s[0]), W);
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  let r = 2;
  for (let k = 1; k <= 34; k++) {
    r++;
    const srcKey = k % 2 ? '案卷评查' : pick(Object.keys(SRC));
    const u = units[k % units.length];
    const found = randDate(2, 9);
    const due = addDays(found, 30);
    const dueStart = addDays(found, 1);
    const done = k % 5 === 3 ? null : addDays(found, int(10, 40));
    const sev = pick(['一般', '一般', '较重', '严重']);
    let id = `JD2024${pad(k * 3, 4)}`;
    let foundCell = dateCell(found);
    let broken = null;
    if (k === 7) {
      id = '';
      broken = '问题编号为空 / no finding id: no key';
    }
    if (k === 22) {
      id = ids[15];
      broken = `问题编号 ${id} 与第 18 行重复 / duplicate key`;
    }
    if (k === 30) {
      foundCell = '2024-02-30';
      broken = '发现日期 2024-02-30 不存在（必填）/ impossible required date';
    }
    ids.push(id);
    const scored = srcKey === '案卷评查' && k % 7 !== 5;
    const sc = scored ? [int(70, 98), int(70, 98), int(70, 98)] : [null, null, null];
    const avg = scored ? Math.round(((sc[0] + sc[1] + sc[2]) / 3) * 10) / 10 : null;
    const grade = avg === null ? '' : avg >= 90 ? '优秀' : avg >= 75 ? '合格' : '不合格';
    const scoreCell = srcKey !== '案卷评查' ? '' : { value: { formula: `ROUND(AVERAGE(F${r}:H${r}),1)`, result: scored ? avg : { error: '#DIV/0!' } }, numFmt: 'General' };
    const caseNo = srcKey === '案卷评查' ? `ZJ2024${pad(3309224000 + k * 41, 10)}` : '';
    setRow(ws, r, [k, id, SRC[srcKey], UNITS[u][1], caseNo, sc[0] ?? '', sc[1] ?? '', sc[2] ?? '', scoreCell, grade, foundCell, `${isoD(dueStart)}至${isoD(due)}`, done ? dateCell(done) : '', sev, PROBLEMS[k % PROBLEMS.length]], W);
    if (broken) {
      rejected.push({ line: r, why: broken });
      continue;
    }
    records.push({ id: [id], enums: { source: SRC[srcKey], severity: sev } });
    const w = { finding_id: id };
    if (scored && checks.filter((c) => c.field === 'casefile_score').length < 1) checks.push({ where: w, field: 'casefile_score', expected: avg, why: 'cached value of ROUND(AVERAGE(…),1)' });
    if (srcKey === '案卷评查' && !scored && checks.filter((c) => c.field === 'casefile_score').length < 2) checks.push({ where: w, field: 'casefile_score', expected: null, why: '#DIV/0! cached: no score' });
    if (k === 2 || k === 9) checks.push({ where: w, field: 'due_date', expected: isoD(due), why: `${isoD(dueStart)}至${isoD(due)}: the term ends on the due date` });
    if (k === 4) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][1] });
    if (k === 3) checks.push({ where: w, field: 'rectified_date', expected: null, why: 'not rectified yet: empty' });
  }
  const r1 = r + 1;
  const r2 = r + 2;
  ws.getCell(r1, 1).value = '说明：1.评查得分为三名评查人员打分的平均分；2.整改期限自通知送达次日起计算。';
  ws.mergeCells(r1, 1, r1, W);
  ws.getCell(r2, 1).value = '嵊泗县司法局（县行政执法监督局）　2025年1月10日';
  ws.mergeCells(r2, 1, r2, W);
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'supervision_finding', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs)',
    layout: `sheet 问题台账: title row 1 merged, header row 2, one finding per row 3–36; three reviewers' scores and 评查得分 =ROUND(AVERAGE(F:H),1) with its cached value, #DIV/0! cached (t="e") where no one scored, empty for findings of other sources; 整改期限 a range 2024-05-06至2024-06-05 in one cell; a note row ${r1} and a signature row ${r2}, merged across`,
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: r1, why: '说明 note row' }, { line: r2, why: 'signature and date row' }],
    enums: { source: invert(SRC), severity: { 一般: '一般', 较重: '较重', 严重: '严重' } },
    enum_accept: {},
    identity: ['finding_id'], records, value_checks: checks,
  });
}

// ---------------------------------------------------------------- run
const roster = await readRoster();
const matters = await readMatters();
await file01();
await file02(matters);
await file03(matters, roster);
await file04(roster);
await file05();
await file06(roster);
await file07();
await file08();
await file09();
writeFileSync(join(DIR, '_answer.json'), JSON.stringify(answer, null, 2) + '\n');
console.log(answer.files.map((f) => `${f.file}: ${f.rows_loaded} loaded, ${f.rejected.length} broken, ${f.footer_lines.length} no record`).join('\n'));

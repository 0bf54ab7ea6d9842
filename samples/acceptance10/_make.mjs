// Writes the tenth acceptance set (samples/acceptance10) and its answer key _answer.json.
// Run: node samples/acceptance10/_make.mjs
//
// Nine exports with FILE-LEVEL variations the earlier sets (3–9) did not have (see README.md): a
// unit list as a .NET program writes it with the Open XML SDK (every SpreadsheetML element with the
// x: prefix, t="str" text cells, DateTime.ToString() dates 2019/3/15 0:00:00, a GUID id column, no
// docProps); the matter catalogue saved by Excel as "Strict Open XML 电子表格" (purl.oclc.org
// namespaces, conformance="strict", dates as ISO 8601 t="d" cells); a penalty-case list written by
// Alibaba EasyExcel on Apache POI SXSSF (inline strings, a two-level @ExcelProperty header merged,
// Boolean cells t="b"); an officer collection form as a macro-enabled .xlsm (vbaProject.bin, a
// hidden code-list sheet, list validations, a title and a 填报单位 row above the header, notes
// below); a 12345 ticket export downloaded as a .zip holding one GBK CSV; 双随机 results exported
// as an XLSX whose rows and cells carry no r attribute; inspection-plan tasks as a GraphQL (Relay)
// connection answer {data:{…:{edges:[{cursor,node:{…}}]}}}; a 复议/诉讼 ledger CSV opening with
// Excel's sep=, line; a filled-in import template whose required heads carry a red * in rich
// text, with absolute part names in its relationships.
// The answer key is declared here by hand and never computed by the importer under test.
// Deterministic: the same rows every run, byte-identical files.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { acceptanceKit } from '../acceptance-kit.mjs';
import { writeXlsx } from './_xlsx.mjs';

const DIR = dirname(fileURLToPath(import.meta.url));
const STAMP = Date.UTC(2025, 1, 14, 1, 30);
const { pick, int, pad, randDate, isoD, addDays, UNITS, TOWN_OF, readRoster, readMatters, BUSINESSES, answer, columnsOf } = acceptanceKit({ set: 'acceptance10', dir: DIR, seed: 20250214, stamp: STAMP });

// ---------------------------------------------------------------- set 10 helpers
const csvq = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const invert = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));
function uniqueOfficers(roster) {
  const count = {};
  for (const o of roster) count[o.name] = (count[o.name] ?? 0) + 1;
  return (unit) => roster.filter((o) => o.unit === unit && o.cert && count[o.name] === 1);
}
const PERSONS = ['张某明', '李某芳', '王某强', '陈某', '刘某华', '周某军', '吴某丽', '孙某', '郑某平', '徐某', '钱某东', '朱某英'];
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('');
const guid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[int(0, 3)]}${hex(3)}-${hex(12)}`;
const netDate = ([y, m, d]) => `${y}/${m}/${d} 0:00:00`; // DateTime.ToString() under zh-CN
const ymd = (d) => (d instanceof Date ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] : null);
const UNIT_BY_SHORT = Object.fromEntries(Object.entries(UNITS).map(([id, u]) => [u[1], id]));

// ============================================================================================
// 01 执法单位 — a .NET program's export with the Open XML SDK (x: prefix, t="str", DateTime text)
// ============================================================================================
async function file01() {
  const file = '01_执法主体信息_OpenXmlSdk导出（x前缀）.xlsx';
  const spec = [
    ['Id', null, { note: 'a GUID primary key (Guid.NewGuid()), not the unit code' }],
    ['主体编码', 'unit_id'],
    ['主体名称', 'name'],
    ['简称', 'short_name'],
    ['其他称谓', 'aliases', { note: '；-separated' }],
    ['主体类别', 'unit_type'],
    ['执法领域', 'domain'],
    ['行政层级', 'level'],
    ['驻地乡镇', 'township'],
    ['执法方式', 'mode'],
    ['片区中心主体编码', 'hub_unit_id'],
    ['设立时间', 'established_date', { note: 'DateTime.ToString() zh-CN: 2019/3/15 0:00:00' }],
    ['撤销时间', 'abolished_date'],
    ['排序', null],
    ['IsDeleted', null, { note: '.NET bool as text False' }],
  ];
  const TYPE = { 综合: '综合执法部门', 专业: '行业主管部门（专业执法）', 海洋: '海洋执法机构', 乡镇: '乡镇（街道）' };
  const LEVEL = { 县: '县（区）', 乡镇: '乡镇（街道）' };
  const MODE = { 县级: '县级部门执法', 派驻: '派驻执法', 赋权: '赋权乡镇执法', 片区兼管: '片区兼管' };
  const INFO = {
    ZH01: ['综合', '综合行政执法', '县', '', '县级', '', [2019, 3, 15], null, ['县综合执法局', '县城管局']],
    ZY01: ['专业', '市场监管', '县', '', '县级', '', [2019, 1, 20], null, ['县市场监管局']],
    ZY02: ['专业', '生态环境', '县', '', '县级', '', [2019, 4, 1], null, []],
    ZY03: ['专业', '文广旅体', '县', '', '县级', '', [2019, 2, 26], null, ['县文广旅体局']],
    ZY04: ['专业', '交通运输', '县', '', '县级', '', [2019, 2, 26], null, ['县交通运输局']],
    ZY05: ['专业', '农业农村', '县', '', '县级', '', [2019, 2, 26], null, []],
    ZY06: ['专业', '资源规划', '县', '', '县级', '', [2019, 2, 26], null, ['县资规局']],
    ZY07: ['专业', '应急管理', '县', '', '县级', '', [2019, 2, 26], null, ['县应急管理局']],
    ZY08: ['专业', '卫生健康', '县', '', '县级', '', [2019, 2, 26], null, ['县卫健局']],
    ZY09: ['专业', '水利', '县', '', '县级', '', [2016, 7, 1], [2023, 3, 31], []],
    HY01: ['海洋', '海洋渔业', '县', '', '县级', '', [2019, 9, 1], null, ['县海洋执法队']],
    XZ01: ['乡镇', '乡镇综合执法', '乡镇', '菜园镇', '派驻', '', [2021, 7, 1], null, ['菜园中队']],
    XZ02: ['乡镇', '乡镇综合执法', '乡镇', '嵊山镇', '派驻', '', [2021, 7, 1], null, ['嵊山中队']],
    XZ03: ['乡镇', '乡镇综合执法', '乡镇', '洋山镇', '赋权', '', [2021, 7, 1], null, []],
    XZ04: ['乡镇', '乡镇综合执法', '乡镇', '五龙乡', '派驻', '', [2021, 7, 1], null, ['五龙中队']],
    XZ05: ['乡镇', '乡镇综合执法', '乡镇', '黄龙乡', '派驻', '', [2021, 7, 1], null, ['黄龙中队']],
    XZ06: ['乡镇', '乡镇综合执法', '乡镇', '枸杞乡', '片区兼管', 'XZ02', [2021, 7, 1], null, ['枸杞执法点']],
    XZ07: ['乡镇', '乡镇综合执法', '乡镇', '花鸟乡', '片区兼管', 'XZ02', [2021, 7, 1], null, ['花鸟执法点']],
  };
  const order = ['ZH01', 'ZY01', 'ZY02', 'ZY03', 'ZY04', 'ZY05', 'ZY06', 'ZY07', 'ZY08', 'ZY09', 'HY01', 'NEW', 'XZ01', 'XZ02', 'XZ03', 'XZ04', 'XZ05', 'XZ06', 'XZ07', 'DUP'];
  const rows = [spec.map((s) => ({ str: s[0] }))];
  const rejected = [];
  const records = [];
  const checks = [];
  const S = (v) => (v === null || v === undefined || v === '' ? null : { str: String(v) });
  order.forEach((key, i) => {
    const r = i + 2;
    if (key === 'NEW') {
      rows.push([S(guid()), null, S('嵊泗县马鞍列岛综合执法片区（筹）'), S('马鞍片区'), null, S(TYPE['乡镇']), S('乡镇综合执法'), S(LEVEL['乡镇']), S('嵊山镇'), S(MODE['片区兼管']), null, null, null, S(i + 1), S('False')]);
      rejected.push({ line: r, why: '主体编码为空（筹建中，未赋码）/ no unit id: no key' });
      return;
    }
    const id = key === 'DUP' ? 'XZ02' : key;
    const [type, domain, level, town, mode, hub, est, abol, aliases] = INFO[id];
    rows.push([S(guid()), S(id), S(UNITS[id][0]), S(UNITS[id][1]), S(aliases.join('；')), S(TYPE[type]), S(domain), S(LEVEL[level]), S(town), S(MODE[mode]), S(hub), S(netDate(est)), abol ? S(netDate(abol)) : null, S(i + 1), S(key === 'DUP' ? 'True' : 'False')]);
    if (key === 'DUP') {
      rejected.push({ line: r, why: '主体编码 XZ02 与第 15 行重复（逻辑删除的旧记录 IsDeleted=True 仍被导出）/ duplicate key' });
      return;
    }
    records.push({ id: [id], enums: { unit_type: TYPE[type], level: LEVEL[level], mode: MODE[mode] } });
    const w = { unit_id: id };
    if (id === 'ZH01') {
      checks.push({ where: w, field: 'established_date', expected: isoD(est), why: netDate(est) });
      checks.push({ where: w, field: 'aliases', expected: aliases, why: aliases.join('；') });
      checks.push({ where: w, field: 'name', expected: UNITS[id][0], why: 't="str" cell' });
    }
    if (id === 'ZY09') checks.push({ where: w, field: 'abolished_date', expected: isoD(abol), why: netDate(abol) });
    if (id === 'XZ07') checks.push({ where: w, field: 'hub_unit_id', expected: 'XZ02', why: 'XZ02' });
    if (id === 'XZ03') checks.push({ where: w, field: 'township', expected: '洋山镇', why: '洋山镇' });
  });
  await writeXlsx(join(DIR, file), { prefix: 'x', ridStyle: 'sdk', stamp: STAMP, sheets: [{ name: 'Sheet1', rows }] }, writeFileSync);
  answer.files.push({
    file, table: 'unit', workspace: [], format: 'xlsx written by the .NET Open XML SDK (DocumentFormat.OpenXml): x: prefix on every SpreadsheetML part, no docProps, relationship ids R3f1a…',
    layout: 'one sheet Sheet1, header row 1 (no styles on it), one unit per row; every cell t="str" with <x:v> text (CellValues.String), numbers and dates too; dates DateTime.ToString() under zh-CN 2019/3/15 0:00:00; a GUID Id column; IsDeleted False/True; 其他称谓 ；-separated',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { unit_type: invert(TYPE), level: invert(LEVEL), mode: invert(MODE) },
    identity: ['unit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 02 执法事项 — the catalogue saved by Excel as Strict Open XML (purl.oclc.org, t="d" dates)
// ============================================================================================
async function file02(matters) {
  const file = '02_嵊泗县综合行政执法事项目录（Strict Open XML 电子表格）.xlsx';
  const spec = [
    ['序号', null],
    ['事项编码', 'matter_code'],
    ['事项名称', 'name'],
    ['职权类别', 'power_type'],
    ['执法领域', 'domain'],
    ['实施主体', 'owner_unit_id', { note: "the unit's full name" }],
    ['承接队伍', 'owner_type'],
    ['是否划转', 'transferred'],
    ['划转前所属领域', 'from_domain'],
    ['高频事项', 'high_frequency', { note: '√ or empty' }],
    ['罚款下限（元）', 'fine_min'],
    ['罚款上限（元）', 'fine_max'],
    ['目录版本', 'catalogue_version'],
    ['施行日期', 'effective_date', { note: 'ISO 8601 date cell t="d" (Strict)' }],
    ['调整日期', 'revised_date', { note: 't="d"' }],
    ['公布状态', 'published', { note: '已公布 / 未公布' }],
  ];
  const POWER = { 处罚: '行政处罚', 强制: '行政强制', 检查: '行政检查' };
  const OWNER = { 综合: '综合执法队伍', 专业: '专业执法队伍', 海洋: '海洋执法队伍', 乡镇: '乡镇（街道）执法队伍' };
  const pickM = matters.filter((m, i) => i % 15 === 3 || (m.owner === '乡镇' && i % 3 === 0) || (m.power !== '行政处罚' && i % 20 === 7)).slice(0, 44);
  const rows = [spec.map((s) => s[0])];
  const rejected = [];
  const records = [];
  const checks = [];
  const codes = [];
  const isoOf = (t) => (t ? String(t).slice(0, 10).replace(/\./g, '-') : ''); // the catalogue writes 2023.06.01; a t="d" cell holds ISO 8601
  let seq = 0;
  pickM.forEach((m, k) => {
    seq++;
    const r = rows.length + 1;
    let code = m.code;
    let domain = m.domain;
    let eff = isoOf(m.eff) || '2024-01-01';
    let broken = null;
    if (k === 9) {
      code = '';
      broken = '事项编码为空（新增事项待省级赋码）/ no matter code: no key';
    }
    if (k === 27) {
      code = codes[5];
      broken = `事项编码 ${code} 与第 7 行重复（同一事项分列两个实施主体）/ duplicate key`;
    }
    if (k === 36) {
      domain = '';
      broken = '执法领域为空（必填）/ required domain empty';
    }
    codes.push(code);
    const power = m.power.replace(/^行政/, '');
    const owner = UNIT_BY_SHORT[m.ownerShort];
    const rev = isoOf(m.rev);
    rows.push([
      seq, code ? { text: code } : null, m.name, m.power, domain, UNITS[owner][0], OWNER[m.owner], m.transferred, m.from || null, m.hf === '是' ? '√' : null,
      m.min ?? null, m.max ?? null, m.version, eff ? { iso: eff } : null, rev ? { iso: rev } : null, m.pub === '是' ? '已公布' : '未公布',
    ]);
    if (broken) {
      rejected.push({ line: r, why: broken });
      return;
    }
    records.push({ id: [code], enums: { power_type: m.power, owner_type: OWNER[m.owner] } });
    const w = { matter_code: code };
    if (checks.length < 1) {
      checks.push({ where: w, field: 'effective_date', expected: eff, why: `t="d" ${eff}` });
      checks.push({ where: w, field: 'owner_unit_id', expected: owner, why: UNITS[owner][0] });
      checks.push({ where: w, field: 'published', expected: m.pub === '是', why: m.pub === '是' ? '已公布' : '未公布' });
    }
    if (rev && !checks.some((c) => c.field === 'revised_date')) checks.push({ where: w, field: 'revised_date', expected: rev, why: `t="d" ${rev}` });
    if (m.hf === '是' && !checks.some((c) => c.field === 'high_frequency')) checks.push({ where: w, field: 'high_frequency', expected: true, why: '√' });
    if (m.max && !checks.some((c) => c.field === 'fine_max')) checks.push({ where: w, field: 'fine_max', expected: m.max, why: String(m.max) });
    if (m.owner === '乡镇' && !checks.some((c) => c.field === 'owner_type')) checks.push({ where: w, field: 'owner_type', expected: '乡镇', why: OWNER['乡镇'] });
  });
  await writeXlsx(join(DIR, file), { strict: true, docProps: true, stamp: STAMP, sheets: [{ name: '事项目录', rows, headerRows: 1, freeze: 1, widths: [6, 16, 48, 10, 12, 28, 16, 8, 14, 8, 12, 12, 10, 12, 12, 10] }] }, writeFileSync);
  answer.files.push({
    file, table: 'matter', workspace: ['units'], format: 'xlsx saved by Excel as “Strict Open XML 电子表格” (ISO/IEC 29500 Strict): purl.oclc.org namespaces in every part and relationship type, conformance="strict"',
    layout: 'one sheet 事项目录, header row 1 (bold, frozen), one matter per row; 事项编码 as text; 施行日期 / 调整日期 ISO 8601 date cells <c t="d"><v>2021-07-01</v></c> as Strict stores dates; 高频事项 √ or empty; 公布状态 已公布/未公布; 实施主体 full unit names',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { power_type: invert(POWER), owner_type: invert(OWNER) },
    identity: ['matter_code'], records, value_checks: checks,
  });
}

// ============================================================================================
// 03 处罚案件 — Alibaba EasyExcel on POI SXSSF: inline strings, a two-level header, Boolean cells
// ============================================================================================
async function file03(roster, matters) {
  const file = '03_行政处罚案件导出_EasyExcel（多级表头）.xlsx';
  // [parent, leaf, field, extra]: @ExcelProperty({"parent","leaf"}); parent === leaf: merged down
  const heads = [
    ['序号', '序号', null],
    ['案件基本信息', '案件编号', 'case_id'],
    ['案件基本信息', '执法事项编码', 'matter_code'],
    ['案件基本信息', '执法主体', 'unit_id'],
    ['案件基本信息', '所属乡镇', 'township'],
    ['案件基本信息', '案件来源', 'source'],
    ['案件基本信息', '适用程序', 'procedure'],
    ['案件基本信息', '立案时间', 'filed_date', { note: 'a Date written by EasyExcel: number with yyyy-mm-dd hh:mm:ss' }],
    ['当事人信息', '当事人类型', 'party_type'],
    ['当事人信息', '当事人名称', 'party_name'],
    ['当事人信息', '证件号码', 'party_id'],
    ['处罚决定', '决定书文号', null],
    ['处罚决定', '决定日期', 'decision_date', { note: '@DateTimeFormat("yyyy年MM月dd日") text' }],
    ['处罚决定', '处罚种类', 'penalty_types', { note: '、-separated' }],
    ['处罚决定', '罚款金额（元）', 'fine_amount'],
    ['处罚决定', '没收违法所得（元）', 'confiscation_amount'],
    ['处罚决定', '是否重大案件', 'major_case', { note: 'Boolean cell t="b"' }],
    ['处罚决定', '是否法制审核', null, { note: 'Boolean cell; no field' }],
    ['执行情况', '执行完毕日期', 'executed_date', { note: 'text' }],
    ['执行情况', '结案日期', 'closed_date', { note: 'text' }],
    ['承办人员', '承办人员', 'officer_ids', { note: '、-separated names' }],
  ];
  const spec = heads.map(([p, l, f, x]) => [p === l ? l : `${p}\n${l}`, f, x ?? {}]);
  const SOURCE = { 检查: '监督检查', 投诉举报: '投诉举报', 12345: '12345转办', 移送: '其他部门移送', 其他: '其他' };
  const PROC = { 简易: '简易程序', 普通: '普通程序' };
  const PARTY = { 个人: '个人', 单位: '单位（法人或其他组织）' };
  const UNITS_USED = [['ZH01', '嵊综执罚决', '综合执法局'], ['ZY01', '嵊市监罚决', '市场监管局'], ['ZY04', '嵊交执罚决', '交通运输局'], ['ZY07', '嵊应急罚决', '应急管理局'], ['HY01', '嵊海执罚决', '海洋执法队'], ['ZY05', '嵊农执罚决', '农业农村局']];
  const officersOf = uniqueOfficers(roster);
  // EasyExcel writes every head cell with its name (a single-level head padded down with its own
  // name), then merges: the cells under a merge keep their text
  const rows = [heads.map((h) => h[0]), heads.map((h) => h[1])];
  const merges = [];
  // parents merged across, single-level merged down (EasyExcel's head merge)
  let c = 0;
  while (c < heads.length) {
    let e = c;
    while (e + 1 < heads.length && heads[e + 1][0] === heads[c][0]) e++;
    const col = (n) => String.fromCharCode(65 + n);
    if (heads[c][0] === heads[c][1]) merges.push(`${col(c)}1:${col(c)}2`);
    else if (e > c) merges.push(`${col(c)}1:${col(e)}1`);
    c = e + 1;
  }
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  const seq = {};
  for (let n = 1; n <= 40; n++) {
    const r = n + 2;
    const [unit, prefix, short] = UNITS_USED[n % UNITS_USED.length];
    const ms = matters.filter((m) => m.ownerShort === short && m.power === '行政处罚');
    const mat = ms[(n * 7) % ms.length];
    let id = `ZJ${2024}${pad(3309220000 + n * 113, 10)}`;
    const srcKey = pick(['检查', '检查', '投诉举报', '12345', '移送', '其他']);
    const simple = n % 6 === 2;
    const person = n % 3 === 1;
    const biz = BUSINESSES[(n * 5) % BUSINESSES.length];
    const partyName = person ? PERSONS[n % PERSONS.length] : biz.name;
    const partyId = person ? `33092219${70 + (n % 25)}${pad(int(1, 12))}${pad(int(1, 28))}${int(100, 999)}${int(0, 9)}` : biz.code;
    let filed = randDate(1, 10);
    const dec = simple ? filed : addDays(filed, int(8, 50));
    const open = n % 9 === 4;
    const executed = open ? null : addDays(dec, int(2, 20));
    const closed = open ? null : addDays(executed, int(1, 10));
    const fine = simple ? pick([50, 100, 200]) : pick([1000, 3000, 5000, 10000, 20000, 50000]);
    const conf = !simple && n % 5 === 0 ? int(3, 40) * 100 : 0;
    const types = simple ? ['警告', '罚款'] : conf ? ['罚款', '没收违法所得'] : ['罚款'];
    const major = !simple && fine >= 50000;
    const offs = officersOf(unit);
    const o1 = offs[n % offs.length];
    const o2 = offs[(n + 2) % offs.length];
    seq[prefix] = (seq[prefix] ?? 0) + 1;
    const decNo = open ? null : `${prefix}〔2024〕${seq[prefix]}号`;
    let broken = null;
    let filedCell = { date: filed, style: 2 };
    if (n === 11) {
      id = '';
      broken = '案件编号为空（简易程序案件当场处罚未生成编号）/ no case id: no key';
    }
    if (n === 33) {
      id = ids[19];
      broken = `案件编号 ${id} 与第 22 行重复（分页导出时第 2 页重复了上一页末条）/ duplicate key`;
    }
    if (n === 25) {
      filedCell = null;
      broken = '立案时间为空（必填）/ required filed date empty';
    }
    ids.push(id);
    const town = unit === 'ZH01' ? pick(Object.values(TOWN_OF)) : null;
    const zh = (d) => (d ? `${d[0]}年${pad(d[1])}月${pad(d[2])}日` : null);
    rows.push([
      n, id || null, { text: mat.code }, UNITS[unit][0], town, SOURCE[srcKey], PROC[simple ? '简易' : '普通'], filedCell,
      PARTY[person ? '个人' : '单位'], partyName, { text: partyId }, decNo, open ? null : zh(dec), open ? null : types.join('、'), open ? null : fine, conf || null,
      open ? null : { bool: major }, open || simple ? null : { bool: true }, executed ? isoD(executed) : null, closed ? isoD(closed) : null, `${o1.name}、${o2.name}`,
    ]);
    if (broken) {
      rejected.push({ line: r, why: broken });
      continue;
    }
    records.push({ id: [id], enums: { source: SOURCE[srcKey], procedure: PROC[simple ? '简易' : '普通'], party_type: PARTY[person ? '个人' : '单位'] } });
    const w = { case_id: id };
    if (n === 1) {
      checks.push({ where: w, field: 'filed_date', expected: isoD(filed), why: 'number with yyyy-mm-dd hh:mm:ss' });
      checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: `${o1.name}、${o2.name}` });
      checks.push({ where: w, field: 'matter_code', expected: mat.code, why: '执法事项编码' });
      checks.push({ where: w, field: 'party_id', expected: partyId, why: '证件号码 (inline string)' });
    }
    if (n === 2) checks.push({ where: w, field: 'penalty_types', expected: types, why: types.join('、') });
    if (n === 3) checks.push({ where: w, field: 'decision_date', expected: isoD(dec), why: zh(dec) });
    if (n === 3) checks.push({ where: w, field: 'closed_date', expected: isoD(closed), why: isoD(closed) });
    if (major && !checks.some((x) => x.field === 'major_case' && x.expected)) checks.push({ where: w, field: 'major_case', expected: true, why: 't="b" 1' });
    if (!major && !open && !checks.some((x) => x.field === 'major_case' && !x.expected)) checks.push({ where: w, field: 'major_case', expected: false, why: 't="b" 0' });
    if (conf && !checks.some((x) => x.field === 'confiscation_amount')) checks.push({ where: w, field: 'confiscation_amount', expected: conf, why: String(conf) });
    if (open && !checks.some((x) => x.field === 'closed_date')) checks.push({ where: w, field: 'closed_date', expected: null, why: 'open: empty' });
    if (n === 6) checks.push({ where: w, field: 'township', expected: town, why: town });
  }
  await writeXlsx(join(DIR, file), { inline: true, emptySst: true, docProps: true, app: 'Apache POI', stamp: STAMP, sheets: [{ name: '处罚案件', rows, merges, headerRows: 2, widths: heads.map(() => 18) }] }, writeFileSync);
  answer.files.push({
    file, table: 'penalty_case', workspace: ['units', 'matters', 'officers'], format: 'xlsx as EasyExcel writes it through Apache POI SXSSF: every string an inline string (<c t="inlineStr"><is><t>…</t></is></c>), an empty sharedStrings.xml, docProps Application “Apache POI”',
    layout: 'two header rows from @ExcelProperty({"parent","leaf"}): parents merged across (案件基本信息, 当事人信息, 处罚决定, 执行情况), single-level heads (序号, 承办人员) merged down rows 1–2 — as EasyExcel does, every cell under a merge still holds its text (案件基本信息 in B1…H1, 序号 in A1 and A2); data from row 3; 立案时间 a date number yyyy-mm-dd hh:mm:ss; 决定日期 text 2024年03月05日; 是否重大案件 / 是否法制审核 Boolean cells t="b"; 处罚种类 and 承办人员 、-separated',
    header_rows: [1, 2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { source: invert(SOURCE), procedure: invert(PROC), party_type: invert(PARTY) },
    identity: ['case_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 04 执法人员 — a macro-enabled collection form (.xlsm): title, 填报单位, hidden code list, notes
// ============================================================================================
async function file04(roster) {
  const file = '04_2024年度行政执法人员信息采集表（启用宏）.xlsm';
  const spec = [
    ['序号', null],
    ['人员编号', 'officer_id'],
    ['姓名', 'name'],
    ['性别', null],
    ['公民身份号码', 'id_number'],
    ['手机号码', 'phone'],
    ['所在单位', 'unit_id', { note: 'full unit name' }],
    ['工作岗位层级', 'posting'],
    ['派驻乡镇（街道）', 'township'],
    ['岗位性质', 'role'],
    ['是否专职法制审核人员', 'fulltime_reviewer'],
    ['人员编制', 'staffing_type'],
    ['行政执法证件号', 'cert_no'],
    ['证件有效期起', 'cert_valid_from', { note: 'date cells' }],
    ['证件有效期止', 'cert_valid_to', { note: 'date cells' }],
    ['取得法律职业资格', 'legal_qualification', { note: '有/无' }],
    ['本年度参加培训学时', 'training_hours'],
    ['采集年度', 'year'],
  ];
  const POST = { 机关: '县级机关', 乡镇一线: '乡镇（街道）一线' };
  const ROLE = { 执法: '一线执法', 法制审核: '法制审核', 管理: '综合管理', 其他: '其他岗位' };
  const STAFF = { 行政编: '行政编制', 参公: '参照公务员法管理事业编制', 事业编: '事业编制', 编外: '编外聘用' };
  const POSTC = { 县级机关: '县级', '乡镇（街道）一线': '乡镇' };
  const ROLEC = { 一线执法: '执法', 法制审核: '法制审核', 综合管理: '管理', 其他岗位: '其他' };
  const STAFFC = { 行政编制: '行政编', 参照公务员法管理事业编制: '参公', 事业编制: '事业编', 编外聘用: '编外' };
  const pickR = roster.filter((o, i) => i % 8 === 2).slice(0, 38);
  const W = spec.length;
  const rows = [['2024年度行政执法人员信息采集表'], ['填报单位：嵊泗县司法局（汇总）          填报时间：2025年1月10日'], spec.map((s) => s[0])];
  const merges = [`A1:${String.fromCharCode(64 + W)}1`, `A2:${String.fromCharCode(64 + W)}2`];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  pickR.forEach((o, k) => {
    const r = rows.length + 1;
    let id = o.id;
    let unitName = UNITS[o.unit][0];
    let broken = null;
    if (k === 12) {
      id = '';
      broken = '人员编号为空（新录用人员未编号）/ no officer id: no key';
    }
    if (k === 30) {
      id = ids[4];
      broken = `人员编号 ${id} 与第 8 行重复（同一人被两个单位同时填报）/ duplicate key`;
    }
    if (k === 21) {
      unitName = '';
      broken = '所在单位为空（必填）/ required unit empty';
    }
    ids.push(id);
    const sex = Number(o.idNo[16]) % 2 ? '男' : '女';
    const from = ymd(o.from);
    const to = ymd(o.to);
    rows.push([
      k + 1, id || null, o.name, sex, { text: o.idNo }, { text: o.phone }, unitName || null, POST[o.posting], o.town || null, ROLE[o.role], o.fulltime, STAFF[o.staffing], o.cert || null,
      from ? { date: from } : null, to ? { date: to } : null, o.lq === '是' ? '有' : '无', o.hours, 2024,
    ]);
    if (broken) {
      rejected.push({ line: r, why: broken });
      return;
    }
    records.push({ id: [id, 2024], enums: { posting: POST[o.posting], role: ROLE[o.role], staffing_type: STAFF[o.staffing] } });
    const w = { officer_id: id, year: 2024 };
    if (k === 0) {
      checks.push({ where: w, field: 'unit_id', expected: o.unit, why: unitName });
      checks.push({ where: w, field: 'id_number', expected: o.idNo, why: 'text' });
      if (from) checks.push({ where: w, field: 'cert_valid_from', expected: isoD(from), why: 'date cell' });
      checks.push({ where: w, field: 'training_hours', expected: o.hours, why: String(o.hours) });
    }
    if (o.lq === '是' && !checks.some((c) => c.field === 'legal_qualification')) checks.push({ where: w, field: 'legal_qualification', expected: true, why: '有' });
    if (o.town && !checks.some((c) => c.field === 'township')) checks.push({ where: w, field: 'township', expected: o.town, why: o.town });
    if (to && k > 3 && !checks.some((c) => c.field === 'cert_valid_to')) checks.push({ where: w, field: 'cert_valid_to', expected: isoD(to), why: 'date cell' });
  });
  const firstNote = rows.length + 1;
  rows.push(['填表说明：1.人员编号由县司法局统一编制，新录用人员暂不填写；2.“工作岗位层级”“岗位性质”“人员编制”请从下拉列表选择；3.本表请于1月15日前报送。']);
  rows.push(['审核人：                    填表人：                    联系电话：']);
  merges.push(`A${firstNote}:${String.fromCharCode(64 + W)}${firstNote}`, `A${firstNote + 1}:${String.fromCharCode(64 + W)}${firstNote + 1}`);
  const dict = [['工作岗位层级', '岗位性质', '人员编制', '是否'], ...Array.from({ length: 4 }, (_, i) => [Object.values(POST)[i] ?? null, Object.values(ROLE)[i] ?? null, Object.values(STAFF)[i] ?? null, ['是', '否'][i] ?? null])];
  const last = rows.length;
  await writeXlsx(
    join(DIR, file),
    {
      macro: {
        project: 'ID="{6A1F2C3D-4B5E-4F60-8A7B-9C0D1E2F3A4B}"\r\nDocument=ThisWorkbook/&H00000000\r\nDocument=Sheet1/&H00000000\r\nModule=Module1\r\nName="VBAProject"\r\nHelpContextID="0"\r\nVersionCompatible32="393222000"\r\nCMG="C4C6E5E9E9E9E9"\r\nDPB="2E2C0D8F0E8F0E8F"\r\nGC="8E8CAD2DAE2DAE"\r\n\r\n[Host Extender Info]\r\n&H00000001={3832D640-CF90-11CF-8E43-00A0C911005A};VBE;&H00000000\r\n',
        module: 'Attribute VB_Name = "Module1"\r\nSub 校验()\r\nEnd Sub\r\n',
      },
      docProps: true,
      stamp: STAMP,
      definedNames: '<definedNames><definedName name="_xlnm.Print_Titles" localSheetId="0">采集表!$3:$3</definedName></definedNames>',
      sheets: [
        {
          name: '采集表', rows, merges, headerRows: 0, freeze: 3, widths: [6, 10, 8, 6, 20, 14, 28, 14, 14, 10, 10, 16, 16, 12, 12, 10, 10, 8],
          validations: [{ sqref: `H4:H${last}`, list: '字典!$A$2:$A$3' }, { sqref: `J4:J${last}`, list: '字典!$B$2:$B$5' }, { sqref: `K4:K${last}`, list: '"是,否"' }, { sqref: `L4:L${last}`, list: '字典!$C$2:$C$5' }],
        },
        { name: '字典', rows: dict, hidden: true },
      ],
    },
    writeFileSync,
  );
  answer.files.push({
    file, table: 'officer', workspace: ['units', 'matters'], format: 'xlsm (Excel macro-enabled workbook: content type sheet.macroEnabled.main+xml, xl/vbaProject.bin)',
    layout: 'sheet 采集表: row 1 the title (merged), row 2 填报单位/填报时间 (merged), header row 3, data from row 4, then a 填表说明 row and an 审核人/填表人 row (merged); list validations on 岗位 columns pointing at the hidden sheet 字典 (a code list, no data); dates as date cells; 采集年度 2024 on every row',
    header_rows: [3], first_data_row: 4, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: firstNote, why: '填表说明 (a note)' }, { line: firstNote + 1, why: '审核人/填表人 (signature line)' }],
    enums: { posting: POSTC, role: ROLEC, staffing_type: STAFFC },
    identity: ['officer_id', 'year'], records, value_checks: checks,
  });
}

// ============================================================================================
// 05 投诉举报 — a 12345 ticket export downloaded as a .zip holding one GBK CSV
// ============================================================================================
async function file05() {
  const file = '05_12345工单导出_2024年下半年（压缩包下载）.zip';
  const inner = '工单导出_20250106091532.csv';
  const spec = [
    ['工单编号', 'complaint_id'],
    ['登记时间', 'received_date', { note: '2024/7/3 9:15 (Excel-style, no seconds)' }],
    ['诉求渠道', 'channel'],
    ['诉求类型', null, { note: '投诉 / 举报 / 咨询 / 求助 / 建议' }],
    ['诉求标题', null],
    ['所属乡镇', 'township'],
    ['主办单位', 'unit_id', { note: 'short names 县综合执法局 …' }],
    ['事项分类', 'domain'],
    ['是否涉及执法', 'about_conduct'],
    ['办理时限', 'deadline_date'],
    ['办结时间', 'closed_date'],
    ['回访结果', 'satisfaction'],
    ['是否争议工单', 'jurisdiction_dispute'],
    ['工单状态', null, { note: '已办结 / 办理中 / 已退回' }],
  ];
  const CHANNEL = { 12345: '12345热线', 投诉举报平台: '全国12315平台', '110联动': '110非警务警情联动', 基层治理四平台: '基层治理四平台', 执法监督热线: '行政执法监督热线' };
  const CH_TEXTS = { '12345热线': '12345', '12345网站': '12345', 全国12315平台: '投诉举报平台', '110非警务警情联动': '110联动', 基层治理四平台: '基层治理四平台', 行政执法监督热线: '执法监督热线' };
  const SAT = { 满意: '满意', 基本满意: '基本满意', 不满意: '不满意', 未回访: '未评价' };
  const UNIT_SHORT = { ZH01: '县综合执法局', ZY01: '县市场监管局', ZY03: '县文广旅体局', ZY04: '县交通运输局', ZY07: '县应急管理局', ZY08: '县卫健局', XZ01: '菜园镇', XZ02: '嵊山镇', XZ03: '洋山镇' };
  const DOMAIN = { ZH01: '城市管理', ZY01: '市场监管', ZY03: '文化旅游', ZY04: '交通运输', ZY07: '安全生产', ZY08: '卫生健康', XZ01: '城市管理', XZ02: '城市管理', XZ03: '城市管理' };
  const TITLES = ['夜间施工噪音扰民', '占道经营', '商家缺斤短两', '民宿无证经营', '渔港乱停车', '违规排放油烟', '网吧接纳未成年人', '非法营运载客', '仓库消防通道堵塞', '理发店卫生条件差'];
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let n = 1; n <= 40; n++) {
    const line = n + 1;
    const unit = pick(Object.keys(UNIT_SHORT));
    const ch = pick(['12345热线', '12345热线', '12345热线', '12345网站', '全国12315平台', '110非警务警情联动', '基层治理四平台', '行政执法监督热线']);
    const day = randDate(7, 12);
    const h = int(8, 20);
    let recv = `${day[0]}/${day[1]}/${day[2]} ${h}:${pad(int(0, 59))}`;
    let id = `ZS${day[0]}${pad(day[1])}${pad(day[2])}${pad(int(1, 9999), 4)}`;
    while (ids.includes(id)) id = `ZS${day[0]}${pad(day[1])}${pad(day[2])}${pad(int(1, 9999), 4)}`;
    const deadline = addDays(day, pick([3, 5, 7, 15]));
    const open = n % 8 === 5;
    const closed = open ? null : addDays(day, int(1, 12));
    const sat = open ? '未回访' : pick(['满意', '满意', '满意', '基本满意', '不满意', '未回访']);
    const dispute = n % 13 === 6;
    const conduct = ch === '行政执法监督热线' || n % 7 === 2;
    const town = unit.startsWith('XZ') ? TOWN_OF[unit] : pick(Object.values(TOWN_OF));
    let broken = null;
    if (n === 14) {
      id = '';
      broken = '工单编号为空（坐席暂存未提交的工单）/ no ticket id: no key';
    }
    if (n === 31) {
      id = ids[9];
      broken = `工单编号 ${id} 与第 11 行重复（退回后重新派单）/ duplicate key`;
    }
    if (n === 22) {
      recv = '2024/9/31 10:05';
      broken = '登记时间 2024/9/31 不存在 / impossible required date';
    }
    ids.push(id);
    const fmt = (d) => (d ? `${d[0]}/${d[1]}/${d[2]}` : '');
    lines.push([id, recv, ch, pick(['投诉', '举报', '求助', '建议']), TITLES[n % TITLES.length], town, dispute ? '' : UNIT_SHORT[unit], DOMAIN[unit], conduct ? '是' : '否', fmt(deadline), closed ? `${fmt(closed)} ${int(8, 18)}:${pad(int(0, 59))}` : '', sat, dispute ? '是' : '否', open ? '办理中' : '已办结'].map(csvq).join(','));
    if (broken) {
      rejected.push({ line, why: broken });
      continue;
    }
    records.push({ id: [id], enums: { channel: ch, satisfaction: sat } });
    const w = { complaint_id: id };
    if (n === 1) {
      checks.push({ where: w, field: 'received_date', expected: isoD(day), why: recv });
      checks.push({ where: w, field: 'deadline_date', expected: isoD(deadline), why: fmt(deadline) });
    }
    if (!dispute && n === 2) checks.push({ where: w, field: 'unit_id', expected: unit, why: UNIT_SHORT[unit] });
    if (dispute && !checks.some((c) => c.field === 'jurisdiction_dispute')) checks.push({ where: w, field: 'jurisdiction_dispute', expected: true, why: '是' });
    if (open && !checks.some((c) => c.field === 'closed_date')) checks.push({ where: w, field: 'closed_date', expected: null, why: 'open: empty' });
    if (closed && n > 3 && !checks.some((c) => c.field === 'closed_date' && c.expected)) checks.push({ where: w, field: 'closed_date', expected: isoD(closed), why: 'date and time' });
  }
  const footer = lines.length + 1;
  lines.push(`共 40 条记录,导出人：admin,导出时间：2025-01-06 09:15:32`);
  const zip = new JSZip();
  zip.file(inner, iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'), { date: new Date(Date.UTC(2025, 0, 6, 1, 15, 32)), createFolders: false });
  writeFileSync(join(DIR, file), await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
  answer.files.push({
    file, table: 'complaint', workspace: ['units', 'matters', 'officers'], format: `zip (the browser download of a large export) holding one CSV ${inner}: GBK, CRLF`,
    layout: `the CSV inside: header line 1, one ticket per line, a closing line 共 40 条记录,导出人… (lines = physical lines of the CSV inside the zip); 登记时间 2024/7/3 9:15; 办理时限 2024/7/10; 办结时间 date and time; 主办单位 short names (县综合执法局, 菜园镇); empty for disputed tickets`,
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: footer, why: '共 40 条记录,导出人…,导出时间… (a closing line; 3 cells)' }],
    enums: { channel: CH_TEXTS, satisfaction: SAT },
    identity: ['complaint_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 06 行政检查 — 双随机 results exported as an XLSX whose rows and cells have no r attribute
// ============================================================================================
async function file06(roster) {
  const file = '06_双随机抽查检查结果导出_协同监管平台（无单元格坐标）.xlsx';
  const spec = [
    ['序号', null],
    ['检查记录编号', 'inspection_id'],
    ['抽查任务编号', 'plan_task_id'],
    ['抽查任务名称', null],
    ['检查实施机关', 'lead_unit_id'],
    ['联合检查部门', 'unit_ids', { note: '、-separated, empty when alone' }],
    ['统一社会信用代码', 'subject_id'],
    ['市场主体名称', 'subject_name'],
    ['检查完成日期', 'date', { note: 'text 2024-10-09' }],
    ['检查事项', null],
    ['检查结果', 'result'],
    ['检查人员', 'officer_ids', { note: '、-separated names' }],
    ['是否联合抽查', 'is_joint', { note: '是/否' }],
    ['公示状态', null, { note: '已公示' }],
  ];
  const RESULT = { 无问题: '未发现问题', 责令整改: '发现问题已责令改正', 立案: '发现问题已立案查处', 移送: '发现问题已移送有关部门' };
  const RTEXTS = { 未发现问题: '无问题', 未发现开展本次抽查涉及的经营活动: '无问题', 发现问题已责令改正: '责令整改', 发现问题已立案查处: '立案', 发现问题已移送有关部门: '移送' };
  const LEADS = [['ZY01', '市场监管局', '食品经营者监督检查'], ['ZY08', '卫健局', '公共场所卫生监督检查'], ['ZY03', '文广旅体局', '娱乐场所经营活动检查'], ['ZY07', '应急管理局', '危险化学品经营企业安全检查'], ['ZY04', '交通运输局', '道路运输企业经营行为检查']];
  const officersOf = uniqueOfficers(roster);
  const rows = [spec.map((s) => s[0])];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let n = 1; n <= 38; n++) {
    const r = n + 1;
    const [lead, , topic] = LEADS[n % LEADS.length];
    const joint = n % 4 === 1;
    const partner = joint ? pick(['ZY08', 'ZH01', 'ZY07'].filter((u) => u !== lead)) : null;
    const biz = BUSINESSES[(n * 7) % BUSINESSES.length];
    const day = randDate(7, 12);
    let dateTxt = isoD(day);
    const task = `SJ3309222024${pad(Math.ceil(n / 4), 3)}`;
    let id = `JC${day[0]}${pad(day[1])}${pad(day[2])}${pad(n * 17, 4)}`;
    const rk = pick(['无问题', '无问题', '无问题', '无问题', '责令整改', '责令整改', '立案', '移送', 'NOACT']);
    const rtext = rk === 'NOACT' ? '未发现开展本次抽查涉及的经营活动' : RESULT[rk];
    const offs = officersOf(lead);
    const o1 = offs[n % offs.length];
    const o2 = offs[(n + 3) % offs.length];
    let subj = biz.code;
    let broken = null;
    if (n === 10) {
      id = '';
      broken = '检查记录编号为空（检查结果未录入即导出）/ no inspection id: no key';
    }
    if (n === 29) {
      id = ids[16];
      broken = `检查记录编号 ${id} 与第 18 行重复（结果更正后重复公示）/ duplicate key`;
    }
    if (n === 20) {
      dateTxt = '2024-11-31';
      broken = '检查完成日期 2024-11-31 不存在 / impossible required date';
    }
    ids.push(id);
    rows.push([n, id || null, task, `2024年嵊泗县${topic}“双随机”抽查`, UNITS[lead][0], partner ? UNITS[partner][0] : null, { text: subj }, biz.name, dateTxt, topic, rtext, `${o1.name}、${o2.name}`, joint ? '是' : '否', '已公示']);
    if (broken) {
      rejected.push({ line: r, why: broken });
      continue;
    }
    records.push({ id: [id], enums: { result: rtext } });
    const w = { inspection_id: id };
    if (n === 1) {
      checks.push({ where: w, field: 'date', expected: isoD(day), why: dateTxt });
      checks.push({ where: w, field: 'lead_unit_id', expected: lead, why: UNITS[lead][0] });
      checks.push({ where: w, field: 'unit_ids', expected: [partner], why: UNITS[partner][0] });
      checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: `${o1.name}、${o2.name}` });
      checks.push({ where: w, field: 'subject_id', expected: subj, why: 'text' });
      checks.push({ where: w, field: 'plan_task_id', expected: task, why: task });
    }
    if (n === 2) checks.push({ where: w, field: 'is_joint', expected: false, why: '否' });
  }
  const note = rows.length + 1;
  rows.push(['注：检查结果按“双随机、一公开”抽查结果公示的统一表述填写，导出数据以公示系统为准。']);
  await writeXlsx(join(DIR, file), { noR: true, stamp: STAMP, sheets: [{ name: '检查结果', rows }] }, writeFileSync);
  answer.files.push({
    file, table: 'inspection', workspace: ['units', 'matters', 'officers'], format: 'xlsx whose <row> and <c> elements carry no r attribute (ECMA-376 §18.3.1.4/§18.3.1.73: optional; positions implicit), no <dimension>, shared strings, no docProps',
    layout: 'one sheet 检查结果, header row 1, one inspection per row, a 注 row at the end; empty cells written <c/> to keep later cells in place; 检查完成日期 text 2024-10-09; 检查结果 in the 公示 wording (未发现问题 / 未发现开展本次抽查涉及的经营活动 / 发现问题已责令改正 / 发现问题已立案查处 / 发现问题已移送有关部门); the kind 双随机 is given by the file (no column)',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: note, why: '注：… (a note)' }],
    enums: { result: RTEXTS },
    identity: ['inspection_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 07 检查计划 — a GraphQL (Relay connection) answer saved as JSON
// ============================================================================================
function file07() {
  const file = '07_检查计划任务_GraphQL查询结果（Relay连接）.json';
  const spec = [
    ['cursor', null, { note: 'base64 arrayconnection:N' }],
    ['node.id', null, { note: 'the GraphQL global id base64("PlanTask:123"), not the task number', accept: ['plan_task_id'] }],
    ['node.taskNo', 'plan_task_id'],
    ['node.taskName', null],
    ['node.taskType', 'plan_type'],
    ['node.orgName', 'unit_id'],
    ['node.planEndTime', 'due_date', { note: 'ISO 8601 UTC 2024-06-30T15:59:59.000Z (end of the Beijing day)' }],
    ['node.objectCreditCode', 'subject_id'],
    ['node.objectName', 'subject_name'],
    ['node.status', null, { note: 'FINISHED / IN_PROGRESS / NOT_STARTED' }],
    ['node.__typename', null],
  ];
  const TYPES = ['双随机抽查', '重点检查', '专项检查', '信用风险分类检查'];
  const ORGS = ['ZY01', 'ZY03', 'ZY04', 'ZY07', 'ZY08', 'ZH01', 'HY01'];
  const edges = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let n = 1; n <= 40; n++) {
    const org = ORGS[n % ORGS.length];
    const biz = BUSINESSES[(n * 11) % BUSINESSES.length];
    const due = randDate(3, 12);
    let dueTxt = `${isoD(due)}T15:59:59.000Z`;
    let taskNo = `JH3309222024${pad(n * 3 + 100, 4)}`;
    let orgName = UNITS[org][0];
    let broken = null;
    if (n === 7) {
      taskNo = null;
      broken = 'taskNo null（草稿任务）/ no task id: no key';
    }
    if (n === 34) {
      taskNo = ids[24];
      broken = `taskNo ${taskNo} 与第 25 条重复 / duplicate key`;
    }
    if (n === 18) {
      dueTxt = '2024-06-31T15:59:59.000Z';
      broken = 'planEndTime 2024-06-31 不存在 / impossible required date';
    }
    if (n === 27) {
      orgName = null;
      broken = 'orgName null（责任单位必填）/ required unit empty';
    }
    ids.push(taskNo);
    const type = TYPES[n % TYPES.length];
    const status = pick(['FINISHED', 'FINISHED', 'IN_PROGRESS', 'NOT_STARTED']);
    edges.push({
      cursor: Buffer.from(`arrayconnection:${n - 1}`).toString('base64'),
      node: {
        id: Buffer.from(`PlanTask:${2000 + n}`).toString('base64'),
        taskNo, taskName: `${UNITS[org][1]}2024年${type}任务（第${n}批）`, taskType: type, orgName, planEndTime: dueTxt,
        objectCreditCode: biz.code, objectName: biz.name, status, __typename: 'PlanTask',
      },
    });
    if (broken) {
      rejected.push({ line: n, why: broken });
      continue;
    }
    records.push({ id: [taskNo], enums: {} });
    const w = { plan_task_id: taskNo };
    if (n === 1) {
      checks.push({ where: w, field: 'due_date', expected: isoD(due), why: dueTxt });
      checks.push({ where: w, field: 'unit_id', expected: org, why: orgName });
      checks.push({ where: w, field: 'subject_id', expected: biz.code, why: 'objectCreditCode' });
      checks.push({ where: w, field: 'plan_type', expected: type, why: type });
    }
  }
  const doc = { data: { inspectionPlanTasks: { totalCount: 40, pageInfo: { hasNextPage: false, hasPreviousPage: false, startCursor: edges[0].cursor, endCursor: edges.at(-1).cursor }, edges } } };
  writeFileSync(join(DIR, file), JSON.stringify(doc, null, 2) + '\n');
  answer.files.push({
    file, table: 'inspection_plan', workspace: ['units', 'matters', 'officers'], format: 'json, UTF-8: a GraphQL answer saved from the query console (Relay cursor connection)',
    layout: '{"data":{"inspectionPlanTasks":{"totalCount","pageInfo":{…},"edges":[{"cursor","node":{…}}]}}}: the records are data.inspectionPlanTasks.edges (record place = line), each edge a cursor and the task under node (columns node.x); camelCase English keys; planEndTime in UTC at 15:59:59Z (23:59:59 in Beijing, the same day); null for no value; node.id a base64 global id (PlanTask:2001)',
    header_rows: [], first_data_row: 1, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {}, identity: ['plan_task_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 08 复议诉讼 — a ledger CSV that opens with Excel's sep=, line (GBK)
// ============================================================================================
function file08() {
  const file = '08_行政复议应诉案件台账_2024（含sep行）.csv';
  const spec = [
    ['案件编号', 'id'],
    ['案件类别', 'kind'],
    ['申请人（原告）', null],
    ['被申请人（被告）', 'unit_id', { note: 'full unit names' }],
    ['原处罚决定书文号', null, { note: 'the decision number', accept: ['case_id'] }],
    ['原案件编号', 'case_id'],
    ['收案日期', 'filed_date', { note: '2024-3-5 (no zero padding)' }],
    ['审结日期', 'decided_date'],
    ['审理结果', 'outcome'],
    ['是否开庭审理', 'hearing_held', { note: '是/否/—' }],
    ['行政机关负责人出庭', 'head_appeared', { note: '是/否/—' }],
    ['备注', null],
  ];
  const KIND = { 行政复议: '复议', 行政诉讼一审: '诉讼', 行政诉讼二审: '诉讼' };
  const OUTC = { 维持: '维持', 驳回复议申请: '驳回', 撤销: '撤销', 变更: '变更', 确认违法: '确认违法', 责令履行: '责令履行', '终止（申请人撤回申请）': '调解撤回', 判决驳回诉讼请求: '驳回', '原告撤诉，准予撤诉': '调解撤回', 判决撤销: '撤销', 驳回上诉维持原判: '维持' };
  const OUT_ACCEPT = { 判决驳回诉讼请求: ['胜诉'], 判决撤销: ['败诉'], 驳回上诉维持原判: ['胜诉', '驳回'], 驳回复议申请: ['维持'] };
  const UNITS_USED = ['ZH01', 'ZY01', 'ZY04', 'ZY07', 'HY01', 'ZY06', 'XZ01'];
  const lines = ['sep=,', spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  const seqs = { 复: 0, 初: 0, 终: 0 };
  for (let n = 1; n <= 34; n++) {
    const line = n + 2;
    const kindTxt = n % 3 === 0 ? '行政诉讼一审' : n % 7 === 0 ? '行政诉讼二审' : '行政复议';
    const unit = UNITS_USED[n % UNITS_USED.length];
    const filed = randDate(1, 10);
    const done = n % 10 === 4 ? null : addDays(filed, int(30, 85));
    let id;
    if (kindTxt === '行政复议') id = `嵊政复〔2024〕${++seqs.复}号`;
    else if (kindTxt === '行政诉讼一审') id = `（2024）浙0922行初${++seqs.初}号`;
    else id = `（2024）浙09行终${++seqs.终}号`;
    const outs = kindTxt === '行政复议' ? ['维持', '维持', '驳回复议申请', '撤销', '变更', '确认违法', '责令履行', '终止（申请人撤回申请）'] : kindTxt === '行政诉讼一审' ? ['判决驳回诉讼请求', '判决驳回诉讼请求', '原告撤诉，准予撤诉', '判决撤销'] : ['驳回上诉维持原判'];
    const out = done ? pick(outs) : '';
    const caseNo = `ZJ2023${pad(3309220000 + n * 131, 10)}`;
    const decNo = `嵊综执罚决〔2023〕${n * 3}号`;
    const court = kindTxt !== '行政复议';
    const hearing = court ? (done ? pick(['是', '是', '否']) : '') : pick(['否', '否', '是']);
    const head = court ? (done ? pick(['是', '否']) : '') : '—';
    const fmt = (d) => `${d[0]}-${d[1]}-${d[2]}`;
    let filedTxt = fmt(filed);
    let unitName = UNITS[unit][0];
    let broken = null;
    if (n === 9) {
      id = '';
      broken = '案件编号为空（尚未受理，仅登记）/ no id: no key';
    }
    if (n === 26) {
      id = ids[11];
      broken = `案件编号 ${id} 与第 14 行重复（同一案件登记两次）/ duplicate key`;
    }
    if (n === 17) {
      unitName = '';
      broken = '被申请人（被告）为空（必填）/ required respondent empty';
    }
    ids.push(id);
    lines.push([id, kindTxt, pick(PERSONS), unitName, decNo, caseNo, filedTxt, done ? fmt(done) : '', out, hearing || '', head, n % 11 === 3 ? '申请人同时申请停止执行' : ''].map(csvq).join(','));
    if (broken) {
      rejected.push({ line, why: broken });
      continue;
    }
    const enums = { kind: kindTxt };
    if (out) enums.outcome = out;
    records.push({ id: [id], enums });
    const w = { id };
    if (n === 1) {
      checks.push({ where: w, field: 'filed_date', expected: isoD(filed), why: filedTxt });
      checks.push({ where: w, field: 'unit_id', expected: unit, why: unitName });
      checks.push({ where: w, field: 'case_id', expected: caseNo, why: '原案件编号' });
    }
    if (!done && !checks.some((c) => c.field === 'decided_date')) checks.push({ where: w, field: 'decided_date', expected: null, why: 'pending: empty' });
    if (court && head === '是' && !checks.some((c) => c.field === 'head_appeared')) checks.push({ where: w, field: 'head_appeared', expected: true, why: '是' });
  }
  writeFileSync(join(DIR, file), iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));
  answer.files.push({
    file, table: 'review_litigation', workspace: ['units', 'matters', 'officers'], format: 'csv, GBK, CRLF, first line sep=, (Excel\'s delimiter hint)',
    layout: 'line 1 sep=, (no record, no header), header line 2, one case per line; 收案日期 2024-3-5 unpadded; 案件类别 行政复议 / 行政诉讼一审 / 行政诉讼二审; 审理结果 in the ledger\'s words, empty while pending; 是/否, — where not applicable',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { kind: KIND, outcome: OUTC }, enum_accept: { outcome: OUT_ACCEPT },
    identity: ['id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 09 监督发现问题 — a system's import template filled in: a 填写说明 row above the header, required
// heads marked with a red * (rich text in the shared strings), absolute part names in the rels
// ============================================================================================
async function file09() {
  const file = '09_执法监督发现问题导入模板（已填写_必填项红色星号）.xlsx';
  const spec = [
    ['*问题编号', 'finding_id'],
    ['*问题来源', 'source'],
    ['*被监督单位', 'unit_id', { note: 'full unit names' }],
    ['关联案件编号', 'case_id'],
    ['案卷评查得分', 'casefile_score'],
    ['评查等次', 'casefile_grade'],
    ['*发现日期', 'found_date', { note: 'date cells' }],
    ['整改时限', 'due_date', { note: 'date cells' }],
    ['整改完成日期', 'rectified_date', { note: 'date cells, empty while open' }],
    ['问题性质', 'severity'],
    ['*问题描述', 'description'],
    ['整改措施', null],
    ['录入人', null],
  ];
  const SOURCE = { 执法监督: '日常执法监督检查', 案卷评查: '行政执法案卷评查', 检察建议: '检察机关检察建议', 纪委监委: '纪检监察机关移送', 特邀监督: '特邀行政执法监督员反映', 人大: '人大代表建议' };
  const GRADE = { 优秀: '优秀', 合格: '合格', 不合格: '不合格' };
  const SEV = { 一般: '一般问题', 较重: '较重问题', 严重: '严重问题' };
  const PROBLEMS = ['案卷中送达回证缺少受送达人签名', '自由裁量基准适用说明不充分', '现场检查笔录未记录执法证号', '超过办案期限未办理延期审批', '听证告知书未载明听证期限', '处罚决定书法律依据引用不完整', '掌上执法检查未亮码', '重大执法决定未经法制审核'];
  const UNITS_USED = ['ZH01', 'ZY01', 'ZY03', 'ZY04', 'ZY07', 'ZY08', 'HY01', 'XZ01', 'XZ03'];
  const star = (h) => (h.startsWith('*') ? { rich: [['*', 'FFFF0000'], [h.slice(1)]] } : { rich: [[h]] });
  const note = '填写说明：1.带红色*号的为必填项；2.问题来源、评查等次、问题性质请按下拉选项填写；3.日期格式为yyyy-mm-dd；4.请勿修改表头，请勿删除本行。';
  const rows = [[note], spec.map((s) => star(s[0]))];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let n = 1; n <= 36; n++) {
    const r = n + 2;
    const srcKey = pick(['执法监督', '执法监督', '案卷评查', '案卷评查', '案卷评查', '检察建议', '纪委监委', '特邀监督', '人大']);
    const unit = UNITS_USED[n % UNITS_USED.length];
    let id = `JD2024${pad(n * 7 + 30, 4)}`;
    let found = randDate(2, 11);
    const due = addDays(found, pick([15, 30, 30, 60]));
    const open = n % 6 === 5;
    const rect = open ? null : addDays(found, int(5, 50));
    const isFile = srcKey === '案卷评查';
    const score = isFile ? int(58, 98) : null;
    const grade = isFile ? (score >= 90 ? '优秀' : score >= 70 ? '合格' : '不合格') : null;
    const sev = pick(['一般', '一般', '一般', '较重', '严重']);
    const caseNo = isFile || n % 4 === 0 ? `ZJ2024${pad(3309220000 + n * 59, 10)}` : null;
    let unitName = UNITS[unit][0];
    let foundCell = { date: found };
    let broken = null;
    if (n === 8) {
      id = '';
      broken = '问题编号为空（必填）/ no finding id: no key';
    }
    if (n === 30) {
      id = ids[2];
      broken = `问题编号 ${id} 与第 5 行重复（同一问题重复录入）/ duplicate key`;
    }
    if (n === 19) {
      foundCell = '2024-04-31';
      broken = '发现日期 2024-04-31 不存在（文本）/ impossible required date';
    }
    if (n === 24) {
      unitName = '';
      broken = '被监督单位为空（必填）/ required unit empty';
    }
    ids.push(id);
    rows.push([id || null, SOURCE[srcKey], unitName || null, caseNo, score, grade, foundCell, { date: due }, rect ? { date: rect } : null, SEV[sev], `${UNITS[unit][1]}${PROBLEMS[n % PROBLEMS.length]}`, open ? null : '已组织专题学习并完善案卷', pick(['陈某', '林某', '张某'])]);
    if (broken) {
      rejected.push({ line: r, why: broken });
      continue;
    }
    const enums = { source: SOURCE[srcKey], severity: SEV[sev] };
    if (grade) enums.casefile_grade = grade;
    records.push({ id: [id], enums });
    const w = { finding_id: id };
    if (n === 1) {
      checks.push({ where: w, field: 'found_date', expected: isoD(found), why: 'date cell' });
      checks.push({ where: w, field: 'unit_id', expected: unit, why: unitName });
      checks.push({ where: w, field: 'due_date', expected: isoD(due), why: 'date cell' });
    }
    if (isFile && !checks.some((c) => c.field === 'casefile_score')) checks.push({ where: w, field: 'casefile_score', expected: score, why: String(score) });
    if (open && !checks.some((c) => c.field === 'rectified_date')) checks.push({ where: w, field: 'rectified_date', expected: null, why: 'open: empty' });
  }
  await writeXlsx(join(DIR, file), { absTargets: true, docProps: true, stamp: STAMP, sheets: [{ name: '导入模板', rows, merges: ['A1:M1'], headerRows: 2, freeze: 2, widths: [12, 22, 28, 22, 10, 8, 12, 12, 12, 10, 40, 28, 8] }] }, writeFileSync);
  answer.files.push({
    file, table: 'supervision_finding', workspace: ['units', 'matters', 'officers'], format: 'xlsx (an import template downloaded from a system, filled in Excel): relationship targets as absolute part names (/xl/workbook.xml, /xl/worksheets/sheet1.xml), shared strings with rich-text runs',
    layout: 'sheet 导入模板: row 1 a 填写说明 merged across the table (请勿删除本行), header row 2 whose required heads begin with a red * (a rich-text run <r><rPr><color rgb="FFFF0000"/></rPr><t>*</t></r> then the name), data from row 3; dates as date cells; 问题来源 in the template\'s words (日常执法监督检查, 行政执法案卷评查, 检察机关检察建议, 纪检监察机关移送, 特邀行政执法监督员反映, 人大代表建议); 问题性质 一般问题/较重问题/严重问题',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { source: invert(SOURCE), casefile_grade: GRADE, severity: invert(SEV) },
    identity: ['finding_id'], records, value_checks: checks,
  });
}

// ---------------------------------------------------------------- main
if (!existsSync(DIR)) mkdirSync(DIR, { recursive: true });
const roster = await readRoster();
const matters = await readMatters();
await file01();
await file02(matters);
await file03(roster, matters);
await file04(roster);
await file05();
await file06(roster);
file07();
file08();
await file09();
for (const f of answer.files) {
  f.rows_data = f.rows_loaded + f.rejected.length;
  f.columns_expected = f.columns.filter((c) => c.field).length;
}
writeFileSync(join(DIR, '_answer.json'), JSON.stringify(answer, null, 2) + '\n');
console.log(answer.files.map((f) => `${f.file}: ${f.table}, ${f.columns.length} columns (${f.columns_expected} to find), ${f.rows_data} records = ${f.rows_loaded} + ${f.rejected.length} broken, ${f.footer_lines.length} footer`).join('\n'));

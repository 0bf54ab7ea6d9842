// Writes the twelfth acceptance set (samples/acceptance12) and its answer key _answer.json.
// Run: node samples/acceptance12/_make.mjs
//
// Theme: exports from provincial and national platforms rather than the county's own systems, laid
// out as those platforms publish or export them, with the field names and value words of public
// data standards (see README.md for the public source of each layout): a 执法主体 open-data CSV keyed
// by 统一社会信用代码; a 政务服务事项 catalogue with 代码-名称 enum values (02-行政处罚) and a 基本编码 /
// 实施编码 pair; 双公示 行政处罚 as an XML exchange package with the 2021 standard's CF_ element names,
// amounts in 万元 and a HEAD block; 双公示 行政许可 as a credit-platform JSON {"total","rows"} with
// XK_ keys; "互联网+监管" 监管行为 data with a Chinese-name row over a 数据项标识 row; 12345 open data
// CSV with every field quoted; a court/复议 case list with a 查询条件 row; 执法监督 findings as a
// data-sharing JSON of fieldName/fieldValue pairs; a 双随机 抽查任务 CSV (GB18030) as the 公示系统 writes.
// The answer key is declared here by hand and never computed by the importer under test.
// Deterministic: the same rows every run, byte-identical files.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { acceptanceKit } from '../acceptance-kit.mjs';

const DIR = dirname(fileURLToPath(import.meta.url));
const STAMP = Date.UTC(2025, 2, 5, 2, 0);
const { pick, int, pad, randDate, isoD, addDays, uscc, xmlEsc, UNITS, TOWN_OF, readRoster, readMatters, BUSINESSES, answer, columnsOf, newWorkbook, saveWorkbook } =
  acceptanceKit({ set: 'acceptance12', dir: DIR, seed: 20250305, stamp: STAMP });

const csvq = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const allq = (v) => `"${(v === null || v === undefined ? '' : String(v)).replace(/"/g, '""')}"`;
const invert = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));
const UNIT_BY_SHORT = Object.fromEntries(Object.entries(UNITS).map(([id, u]) => [u[1], id]));
const PERSONS = ['张某明', '李某芳', '王某强', '陈某', '刘某华', '周某军', '吴某丽', '孙某', '郑某平', '徐某', '钱某东', '朱某英'];
const slash = ([y, m, d]) => `${y}/${pad(m)}/${pad(d)}`;
const hms = (k) => `${pad(8 + (k % 9))}:${pad((k * 7) % 60)}:${pad((k * 13) % 60)}`;
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
// the units' credit codes (organs: 11 + 330922 …), fixed for the set
const UNIT_CODE = Object.fromEntries(Object.keys(UNITS).map((id) => [id, uscc('1', '1')]));

// ============================================================================================
// 01 执法单位 — 公共数据开放平台 dataset CSV, keyed by 统一社会信用代码
// ============================================================================================
function file01() {
  const file = '01_行政执法主体信息（公共数据开放平台下载）.csv';
  const spec = [
    ['统一社会信用代码', 'unit_id', { note: "the platform's key for a body: its credit code" }],
    ['执法主体名称', 'name'],
    ['主体性质', null, { note: '法定行政机关 / 法律法规授权组织 / 受委托组织: no field' }],
    ['执法类别', 'unit_type'],
    ['执法领域', 'domain'],
    ['主体层级', 'level'],
    ['所在乡镇（街道）', 'township'],
    ['行政区划代码', null],
    ['行政区划名称', null],
    ['成立日期', 'established_date', { note: 'yyyy/MM/dd' }],
    ['数据来源单位', null],
    ['数据更新时间', null],
  ];
  const TYPE = { 综合: '综合执法', 专业: '专业执法', 海洋: '海上执法', 乡镇: '乡镇（街道）综合执法' };
  const LEVEL = { 县: '区县级', 乡镇: '乡镇（街道）级' };
  const INFO = {
    ZH01: ['综合', '综合行政执法', '县', [2019, 3, 15]], ZY01: ['专业', '市场监管', '县', [2019, 1, 20]], ZY02: ['专业', '生态环境', '县', [2019, 4, 1]],
    ZY03: ['专业', '文广旅体', '县', [2019, 2, 26]], ZY04: ['专业', '交通运输', '县', [2019, 2, 26]], ZY05: ['专业', '农业农村', '县', [2019, 2, 26]],
    ZY06: ['专业', '资源规划', '县', [2019, 2, 26]], ZY07: ['专业', '应急管理', '县', [2019, 2, 26]], ZY08: ['专业', '卫生健康', '县', [2019, 2, 26]],
    ZY09: ['专业', '水利', '县', [2016, 7, 1]], HY01: ['海洋', '海洋渔业', '县', [2019, 9, 1]],
    XZ01: ['乡镇', '乡镇综合执法', '乡镇', [2021, 7, 1]], XZ02: ['乡镇', '乡镇综合执法', '乡镇', [2021, 7, 1]], XZ03: ['乡镇', '乡镇综合执法', '乡镇', [2021, 7, 1]],
    XZ04: ['乡镇', '乡镇综合执法', '乡镇', [2021, 7, 1]], XZ05: ['乡镇', '乡镇综合执法', '乡镇', [2021, 7, 1]], XZ06: ['乡镇', '乡镇综合执法', '乡镇', [2021, 7, 1]], XZ07: ['乡镇', '乡镇综合执法', '乡镇', [2021, 7, 1]],
  };
  const order = ['ZH01', 'ZY01', 'ZY02', 'ZY03', 'ZY04', 'ZY05', 'NEW', 'ZY06', 'ZY07', 'ZY08', 'ZY09', 'HY01', 'XZ01', 'XZ02', 'XZ03', 'XZ04', 'XZ05', 'XZ06', 'XZ07', 'DUP'];
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  for (const key of order) {
    const line = lines.length + 1;
    const upd = '2025/03/01 02:00:00';
    if (key === 'NEW') {
      lines.push(['', '嵊泗县马鞍列岛综合执法片区（筹）', '受委托组织', TYPE['乡镇'], '乡镇综合执法', LEVEL['乡镇'], '嵊山镇', '330922', '嵊泗县', '', '嵊泗县司法局', upd].map(csvq).join(','));
      rejected.push({ line, why: '统一社会信用代码为空（筹建中，未赋码）/ no unit id: no key' });
      continue;
    }
    const id = key === 'DUP' ? 'XZ04' : key;
    const [type, domain, level, est] = INFO[id];
    const code = UNIT_CODE[id];
    const nature = id === 'ZY09' ? '法律法规授权组织' : '法定行政机关';
    lines.push([code, UNITS[id][0], nature, key === 'ZY05' ? '' : TYPE[type], domain, LEVEL[level], TOWN_OF[id] ?? '', '330922', '嵊泗县', slash(est), '嵊泗县司法局', upd].map(csvq).join(','));
    if (key === 'DUP') {
      rejected.push({ line, why: `统一社会信用代码 ${code}（五龙乡）与第 17 行重复（接口重复推送）/ duplicate key` });
      continue;
    }
    if (key === 'ZY05') {
      rejected.push({ line, why: '执法类别为空（必填）/ required unit_type empty' });
      continue;
    }
    records.push({ id: [code], enums: { unit_type: TYPE[type], level: LEVEL[level] } });
    const w = { unit_id: code };
    if (id === 'ZH01') checks.push({ where: w, field: 'established_date', expected: isoD(est), why: slash(est) });
    if (id === 'XZ03') checks.push({ where: w, field: 'name', expected: UNITS[id][0], why: 'name beside the code' });
    if (id === 'XZ02') checks.push({ where: w, field: 'township', expected: '嵊山镇', why: '所在乡镇（街道）' });
  }
  const foot = lines.length + 1;
  lines.push(csvq('数据来源：浙江省公共数据开放平台（data.zjzwfw.gov.cn），开放属性：无条件开放'));
  writeFileSync(join(DIR, file), '\ufeff' + lines.join('\r\n') + '\r\n');
  finish({
    file, table: 'unit', workspace: [], format: 'csv (UTF-8 with BOM, CRLF)',
    layout: 'header line 1, one body per line; the key is the 统一社会信用代码 (the platform has no county code); 执法类别 综合执法/专业执法/海上执法/乡镇（街道）综合执法; 主体层级 区县级/乡镇（街道）级; 行政区划代码/名称 330922 嵊泗县 on every line; dates yyyy/MM/dd; last line the 数据来源 note',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: foot, why: '数据来源 note line' }],
    enums: { unit_type: invert(TYPE), level: invert(LEVEL) },
    identity: ['unit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 02 执法事项 — 政务服务事项 (权力事项库) export: 代码-名称 values, 基本编码 + 实施编码
// ============================================================================================
async function file02(matters) {
  const file = '02_权力事项实施清单导出（政务服务事项管理系统）.xlsx';
  const spec = [
    ['基本编码', 'matter_code', { note: "the catalogue's code (the county's matter_code)" }],
    ['实施编码', null, { accept: ['matter_code'], note: 'the implementing body\'s credit code + 基本编码: a second code' }],
    ['事项名称', 'name'],
    ['事项类型', 'power_type', { note: '代码-名称: 02-行政处罚 / 03-行政强制 / 06-行政检查' }],
    ['行业领域', 'domain'],
    ['实施主体', 'owner_unit_id', { note: "the unit's full name" }],
    ['实施主体编码', null, { note: "the unit's credit code" }],
    ['执法队伍类别', 'owner_type'],
    ['行使层级', null, { note: '县级' }],
    ['是否划转综合执法', 'transferred', { note: '1-是 / 0-否' }],
    ['事项版本', 'catalogue_version'],
    ['事项状态', null, { note: '在用' }],
  ];
  const POWER = { 处罚: '02-行政处罚', 强制: '03-行政强制', 检查: '06-行政检查' };
  const OWNER = { 综合: '综合执法队伍', 专业: '部门专业执法队伍', 海洋: '海洋执法队伍', 乡镇: '乡镇（街道）执法队伍' };
  const pickM = matters.filter((m, i) => i % 23 === 7 || (m.power !== '行政处罚' && i % 17 === 3)).slice(0, 30);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('实施清单');
  spec.forEach((s, i) => (ws.getCell(1, i + 1).value = s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const codes = [];
  pickM.forEach((m, k) => {
    const r = k + 2;
    let code = m.code;
    let domain = m.domain;
    let broken = null;
    if (k === 6) { code = ''; broken = '基本编码为空（新增事项待赋码）/ no matter code: no key'; }
    if (k === 21) { code = codes[3]; broken = `基本编码 ${code} 与第 5 行重复（同一事项两个实施主体）/ duplicate key`; }
    if (k === 27) { domain = ''; broken = '行业领域为空（必填）/ required domain empty'; }
    codes.push(code);
    const owner = UNIT_BY_SHORT[m.ownerShort];
    const pk = m.power.replace('行政', '');
    const row = [code, code ? `${UNIT_CODE[owner]}${code}` : '', m.name, POWER[pk], domain, UNITS[owner][0], UNIT_CODE[owner], OWNER[m.owner], '县级', m.transferred === '是' ? '1-是' : '0-否', m.version, '在用'];
    row.forEach((v, i) => { if (v !== '') ws.getCell(r, i + 1).value = v; });
    if (broken) { rejected.push({ line: r, why: broken }); return; }
    records.push({ id: [code], enums: { power_type: POWER[pk], owner_type: OWNER[m.owner] } });
    const w = { matter_code: code };
    if (k === 0) checks.push({ where: w, field: 'owner_unit_id', expected: owner, why: UNITS[owner][0] });
    if (k === 1 || k === 2) checks.push({ where: w, field: 'transferred', expected: m.transferred === '是', why: m.transferred === '是' ? '1-是' : '0-否' });
    if (k === 4) checks.push({ where: w, field: 'name', expected: m.name, why: '事项名称' });
  });
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'matter', workspace: ['units'], format: 'xlsx (exceljs), one sheet 实施清单, no styles',
    layout: 'header row 1, records from row 2; two codes per matter: 基本编码 (the catalogue code) and 实施编码 (the body\'s credit code followed by it); enum values written 代码-名称 (02-行政处罚, 1-是 / 0-否)',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { power_type: invert(POWER), owner_type: invert(OWNER) },
    identity: ['matter_code'], records, value_checks: checks,
  });
}

// ============================================================================================
// 03 处罚案件 — 双公示 行政处罚 XML exchange package, CF_ element names (2021 standard), 万元
// ============================================================================================
function file03(matters) {
  const file = '03_双公示行政处罚数据交换包_CF_2024.xml';
  const spec = [
    ['CF_XDR_MC', 'party_name', { note: '行政相对人名称' }],
    ['CF_XDR_LB', 'party_type', { note: '行政相对人类别: 法人及非法人组织 / 自然人 / 个体工商户' }],
    ['CF_XDR_SHXYM', 'party_id', { note: '行政相对人代码_1（统一社会信用代码）; empty for 自然人' }],
    ['CF_FRDB', null, { note: '法定代表人' }],
    ['CF_XDR_ZJLX', null, { note: '证件类型' }],
    ['CF_XDR_ZJHM', null, { accept: ['party_id'], note: '证件号码, masked 330922********123X' }],
    ['CF_WSH', 'case_id', { note: '行政处罚决定书文号' }],
    ['CF_WFXW', null, { note: '违法行为类型' }],
    ['CF_CFLB', 'penalty_types', { note: '处罚类别, several joined by ;' }],
    ['CF_FKJE', 'fine_amount', { note: '罚款金额（万元）' }],
    ['CF_MSJE', 'confiscation_amount', { note: '没收违法所得、没收非法财物的金额（万元）' }],
    ['CF_JDRQ', 'decision_date', { note: '处罚决定日期 yyyy/MM/dd' }],
    ['CF_GSJZQ', null, { note: '公示截止期' }],
    ['CF_CFJG', 'unit_id', { note: '处罚机关, full name' }],
    ['CF_CFJGDM', null, { note: '处罚机关统一社会信用代码' }],
    ['CF_SJLY', null, { accept: ['unit_id'], note: '数据来源单位' }],
    ['CF_SJLYDM', null, { note: '数据来源单位统一社会信用代码' }],
    ['CF_LASJ', 'filed_date', { note: "立案时间: the provincial platform's extension to the standard, yyyy/MM/dd" }],
  ];
  const LB = { 单位: '法人及非法人组织', 个人: '自然人' };
  const punish = matters.filter((m) => m.power === '行政处罚' && ['ZH01', 'ZY01', 'ZY03', 'ZY07', 'ZY08', 'HY01'].includes(UNIT_BY_SHORT[m.ownerShort]));
  const rows = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  const N = 30;
  for (let k = 1; k <= N; k++) {
    const m = punish[(k * 11) % punish.length];
    const unit = UNIT_BY_SHORT[m.ownerShort];
    const kind = k % 4 === 0 ? '个人' : k % 4 === 1 ? '个体' : '单位';
    const biz = kind === '个体' ? BUSINESSES.filter((b) => b.kind === 'G')[k % 12] : BUSINESSES.filter((b) => b.kind === 'C')[k % 10];
    const filed = randDate(1, 10);
    const dec = addDays(filed, int(10, 50));
    const fineWan = pick([0.02, 0.05, 0.1, 0.2, 0.3, 0.5, 1, 1.2, 2]);
    const conf = k % 5 === 2 ? pick([0.035, 0.12, 0.068]) : 0;
    const types = ['罚款', ...(conf ? ['没收违法所得'] : []), ...(k % 7 === 3 ? ['警告'] : [])];
    const pre = { ZH01: '嵊综执罚决字', ZY01: '嵊市监处罚', ZY03: '嵊文旅罚决字', ZY07: '嵊应急罚', ZY08: '嵊卫罚', HY01: '嵊海执罚' }[unit];
    let id = `${pre}〔2024〕${k * 3 + 10}号`;
    let filedText = slash(filed);
    let broken = null;
    if (k === 7) { id = ''; broken = 'CF_WSH 为空（决定书文号未填）/ no case id: no key'; }
    if (k === 26) { id = ids[11]; broken = `CF_WSH ${id} 与第 12 条重复（更正后重复推送）/ duplicate key`; }
    if (k === 18) { filedText = '2024/06/31'; broken = 'CF_LASJ 2024/06/31 不存在（必填的立案日期）/ impossible required date'; }
    ids.push(id);
    const person = kind === '个人';
    const name = person ? PERSONS[k % PERSONS.length] : biz.name;
    const lb = kind === '个人' ? '自然人' : kind === '个体' ? '个体工商户' : '法人及非法人组织';
    const gs = slash(addDays(dec, kind === '个人' ? 90 : 365));
    rows.push({
      CF_XDR_MC: name, CF_XDR_LB: lb, CF_XDR_SHXYM: person ? '' : biz.code, CF_FRDB: person ? '' : PERSONS[(k + 3) % PERSONS.length],
      CF_XDR_ZJLX: person ? '身份证' : '', CF_XDR_ZJHM: person ? `330922********${pad(k * 37 % 1000, 3)}X` : '', CF_WSH: id,
      CF_WFXW: m.name.replace(/^对/, '').replace(/的行政处罚$/, ''), CF_CFLB: types.join(';'), CF_FKJE: String(fineWan), CF_MSJE: conf ? String(conf) : '',
      CF_JDRQ: slash(dec), CF_GSJZQ: gs, CF_CFJG: UNITS[unit][0], CF_CFJGDM: UNIT_CODE[unit], CF_SJLY: UNITS[unit][0], CF_SJLYDM: UNIT_CODE[unit], CF_LASJ: filedText,
    });
    if (broken) { rejected.push({ line: k, why: broken }); continue; }
    records.push({ id: [id], enums: { party_type: lb } });
    const w = { case_id: id };
    if (k === 2 || k === 9) checks.push({ where: w, field: 'fine_amount', expected: Math.round(fineWan * 10000), why: `CF_FKJE ${fineWan} (万元)` });
    if (conf && checks.filter((c) => c.field === 'confiscation_amount').length < 1) checks.push({ where: w, field: 'confiscation_amount', expected: Math.round(conf * 10000), why: `CF_MSJE ${conf} (万元)` });
    if (types.length > 1 && checks.filter((c) => c.field === 'penalty_types').length < 1) checks.push({ where: w, field: 'penalty_types', expected: types, why: types.join(';') });
    if (k === 3) checks.push({ where: w, field: 'unit_id', expected: unit, why: UNITS[unit][0] });
    if (k === 4) checks.push({ where: w, field: 'filed_date', expected: isoD(filed), why: slash(filed) });
    if (k === 5) checks.push({ where: w, field: 'decision_date', expected: isoD(dec), why: slash(dec) });
    if (k === 8) checks.push({ where: w, field: 'party_id', expected: null, why: '自然人: no credit code (the masked 证件号码 is no id)' });
  }
  const body = rows.map((r) => `    <ROW>\n${Object.entries(r).map(([k, v]) => (v === '' ? `      <${k}/>` : `      <${k}>${xmlEsc(v)}</${k}>`)).join('\n')}\n    </ROW>`).join('\n');
  const xml = `<?xml version="1.0" encoding="UTF-8"?>\n<ROOT>\n  <HEAD>\n    <SJLX>XZCF</SJLX>\n    <BZBB>2021</BZBB>\n    <SJLYDW>嵊泗县发展和改革局</SJLYDW>\n    <TSSJ>2025/03/05 10:00:00</TSSJ>\n    <JLS>${N}</JLS>\n  </HEAD>\n  <BODY>\n${body}\n  </BODY>\n</ROOT>\n`;
  writeFileSync(join(DIR, file), xml);
  finish({
    file, table: 'penalty_case', workspace: ['units', 'matters', 'officers'], format: 'xml (UTF-8, LF), a data-exchange package <ROOT><HEAD/><BODY><ROW/>…</BODY></ROOT>',
    layout: 'HEAD (数据类型 XZCF, 标准版本 2021, 数据来源单位, 推送时间, 记录数) then one <ROW> per decision with CF_ elements; empty values as <X/>; record place = the ROW\'s place in BODY; amounts in 万元 (0.5 = 5000 元); 处罚类别 joined by ;; 自然人 with masked 证件号码 and no credit code; 个体工商户 a third 行政相对人类别',
    header_rows: [], first_data_row: 1, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { party_type: { 法人及非法人组织: '单位', 自然人: '个人', 个体工商户: '单位' } },
    enum_accept: { party_type: { 个体工商户: ['个人'] } },
    identity: ['case_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 04 行政许可 — credit-platform JSON {"total","rows":[{XK_…}]} (2021 双公示 standard keys)
// ============================================================================================
function file04() {
  const file = '04_行政许可公示信息_信用平台接口返回（XK字段）.json';
  const spec = [
    ['XK_XDR_MC', 'subject_name'],
    ['XK_XDR_LB', null, { note: '行政相对人类别' }],
    ['XK_XDR_SHXYM', 'subject_id'],
    ['XK_XDR_GSZC', null], ['XK_XDR_ZZJG', null], ['XK_XDR_SWDJ', null], ['XK_XDR_SYDW', null], ['XK_XDR_SHZZ', null],
    ['XK_FRDB', null, { note: '法定代表人' }],
    ['XK_FR_ZJLX', null],
    ['XK_XKWS', null, { accept: ['matter_code'], note: '行政许可决定文书名称' }],
    ['XK_WSH', 'permit_id', { note: '行政许可决定文书号' }],
    ['XK_XKLB', null, { note: '许可类别 普通/特许/认可/核准/登记/其他' }],
    ['XK_XKZS', 'matter_code', { accept: [], note: '许可证书名称' }],
    ['XK_XKBH', null, { accept: ['permit_id'], note: '许可编号, null throughout' }],
    ['XK_NR', null, { accept: ['matter_code'], note: '许可内容' }],
    ['XK_JDRQ', 'issued_date', { note: '许可决定日期 yyyy/MM/dd' }],
    ['XK_YXQZ', null, { accept: ['issued_date'], note: '有效期自' }],
    ['XK_YXQZI', null, { note: '有效期至' }],
    ['XK_XKJG', 'unit_id', { note: '许可机关, full name' }],
    ['XK_XKJGDM', null],
    ['XK_ZT', null, { note: '当前状态 1' }],
    ['XK_LYDW', null, { accept: ['unit_id'], note: '数据来源单位' }],
    ['XK_LYDWDM', null],
    ['BZ', null],
    ['ID', null, { note: 'a 32-hex row id of the platform' }],
    ['CREATE_DATE', null, { note: 'epoch ms' }],
  ];
  const ITEMS = [['食品经营许可', 'ZY01', 'JY', '预包装食品销售，热食类食品制售'], ['公共场所卫生许可', 'ZY08', 'WS', '住宿场所'], ['娱乐场所经营许可', 'ZY03', 'WH', '歌舞娱乐场所'], ['道路运输经营许可', 'ZY04', 'YS', '道路旅客运输'], ['危险化学品经营许可', 'ZY07', 'WHP', '不带储存设施经营']];
  const rows = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  const N = 32;
  for (let k = 1; k <= N; k++) {
    const [item, u, pre, nr] = ITEMS[k % ITEMS.length];
    const biz = BUSINESSES[(k * 7) % BUSINESSES.length];
    const d = randDate(1, 12);
    let id = `嵊${pre}许〔2024〕${pad(k * 5, 3)}号`;
    let code = biz.code;
    let jdrq = slash(d);
    let broken = null;
    if (k === 5) { id = null; broken = 'XK_WSH 为 null / no permit id: no key'; }
    if (k === 23) { id = ids[13]; broken = `XK_WSH ${id} 与第 14 条重复 / duplicate key`; }
    if (k === 11) { code = ''; broken = 'XK_XDR_SHXYM 为空（必填）/ required subject id empty'; }
    if (k === 29) { jdrq = '2024/02/30'; broken = 'XK_JDRQ 2024/02/30 不存在（必填）/ impossible required date'; }
    ids.push(id);
    const lb = biz.kind === 'G' ? '个体工商户' : '法人及非法人组织';
    const hex = Array.from({ length: 32 }, () => '0123456789abcdef'[int(0, 15)]).join('');
    rows.push({
      XK_XDR_MC: biz.name, XK_XDR_LB: lb, XK_XDR_SHXYM: code, XK_XDR_GSZC: null, XK_XDR_ZZJG: null, XK_XDR_SWDJ: null, XK_XDR_SYDW: null, XK_XDR_SHZZ: null,
      XK_FRDB: PERSONS[k % PERSONS.length], XK_FR_ZJLX: '身份证', XK_XKWS: `${item}决定书`, XK_WSH: id, XK_XKLB: '普通', XK_XKZS: `${item}证`, XK_XKBH: null, XK_NR: nr,
      XK_JDRQ: jdrq, XK_YXQZ: slash(d), XK_YXQZI: slash(addDays([d[0] + 5, d[1], d[2]], -1)), XK_XKJG: UNITS[u][0], XK_XKJGDM: UNIT_CODE[u], XK_ZT: '1',
      XK_LYDW: UNITS[u][0], XK_LYDWDM: UNIT_CODE[u], BZ: null, ID: hex, CREATE_DATE: STAMP - (N - k) * 86400000,
    });
    if (broken) { rejected.push({ line: k, why: broken }); continue; }
    records.push({ id: [id], enums: {} });
    const w = { permit_id: id };
    if (k === 2) checks.push({ where: w, field: 'issued_date', expected: isoD(d), why: slash(d) });
    if (k === 3) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (k === 4) checks.push({ where: w, field: 'subject_id', expected: code, why: 'XK_XDR_SHXYM' });
    if (k === 6) checks.push({ where: w, field: 'subject_name', expected: biz.name, why: 'XK_XDR_MC' });
  }
  writeFileSync(join(DIR, file), JSON.stringify({ total: N, rows }) + '\n');
  finish({
    file, table: 'permit', workspace: ['units', 'matters', 'officers'], format: 'json (UTF-8, one line)',
    layout: '{"total":32,"rows":[{…}]} as a credit platform\'s list API answers (bootstrap-table style); each row the 2021 双公示 行政许可 keys XK_* in the platform\'s order, unused codes null, plus BZ, ID (32 hex), CREATE_DATE (epoch ms); record place = place in rows; dates yyyy/MM/dd',
    header_rows: [], first_data_row: 1, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {}, identity: ['permit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 05 行政检查 — "互联网+监管" 监管行为 data: Chinese names row 1, 数据项标识 row 2
// ============================================================================================
async function file05(roster) {
  const file = '05_监管行为数据（互联网+监管系统_检查行为）.xlsx';
  const spec = [
    ['检查行为编码', 'inspection_id', {}, 'ACT_CODE'],
    ['监管事项编码', null, {}, 'ITEM_CODE'],
    ['检查对象名称', 'subject_name', {}, 'OBJ_NAME'],
    ['检查对象类型', null, { accept: ['is_enterprise'], note: '企业 / 个体工商户' }, 'OBJ_TYPE'],
    ['检查对象统一社会信用代码', 'subject_id', {}, 'OBJ_CREDIT_CODE'],
    ['检查类别', 'inspection_type', {}, 'CHECK_TYPE'],
    ['检查方式', null, { note: '现场检查 / 书面检查 / 远程检查' }, 'CHECK_MODE'],
    ['检查开始日期', 'date', {}, 'CHECK_BEGIN_DATE'],
    ['检查结束日期', null, { accept: ['date'] }, 'CHECK_END_DATE'],
    ['检查实施机构', 'lead_unit_id', { note: 'full name' }, 'IMPL_ORG_NAME'],
    ['检查实施机构统一社会信用代码', null, {}, 'IMPL_ORG_CODE'],
    ['执法人员姓名', 'officer_ids', { note: 'names joined by ,' }, 'LAW_PERSON_NAME'],
    ['执法证号', null, { accept: ['officer_ids'], note: 'certificates joined by ,' }, 'LAW_CERT_NO'],
    ['检查结果', 'result', {}, 'CHECK_RESULT'],
    ['是否联合检查', 'is_joint', { note: '1 / 0' }, 'IS_JOINT'],
    ['联合检查部门', 'unit_ids', { note: 'full names joined by ;' }, 'JOINT_ORG_NAMES'],
  ];
  const TYPE = { 双随机: '双随机抽查', 日常巡查: '日常检查', 专项: '专项检查', 投诉核查: '投诉举报核查', 综合查一次: '联合检查（综合查一次）' };
  const RESULT = { 无问题: '未发现问题', 责令整改: '发现问题，责令改正', 立案: '发现问题，立案查处', 移送: '发现问题，移送有关部门' };
  const officersOf = uniqueOfficers(roster);
  const units = ['ZH01', 'ZY01', 'ZY03', 'ZY07', 'ZY08', 'HY01'].filter((u) => officersOf(u).length >= 2);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('监管行为');
  spec.forEach((s, i) => { ws.getCell(1, i + 1).value = s[0]; ws.getCell(2, i + 1).value = s[3]; });
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  const N = 33;
  for (let k = 1; k <= N; k++) {
    const r = k + 2;
    const u = units[k % units.length];
    const offs = officersOf(u);
    const o1 = offs[k % offs.length];
    const o2 = offs[(k + 1) % offs.length];
    const d = randDate(7, 12);
    const biz = BUSINESSES[(k * 5) % BUSINESSES.length];
    const tk = pick(['双随机', '双随机', '日常巡查', '专项', '投诉核查', '综合查一次']);
    const rk = pick(['无问题', '无问题', '无问题', '责令整改', '立案', '移送']);
    const joint = tk === '综合查一次';
    const other = units[(k + 2) % units.length];
    let id = `33092220241${pad(k * 29, 5)}`;
    let subj = biz.code;
    let broken = null;
    if (k === 6) { id = ''; broken = '检查行为编码为空 / no inspection id: no key'; }
    if (k === 27) { id = ids[9]; broken = `检查行为编码 ${id} 与第 12 行重复（重复上报）/ duplicate key`; }
    if (k === 15) { subj = ''; broken = '检查对象统一社会信用代码为空（必填）/ required subject id empty'; }
    ids.push(id);
    const row = [id, `${330922}${pad(k * 7, 6)}`, biz.name, biz.kind === 'G' ? '个体工商户' : '企业', subj, TYPE[tk], pick(['现场检查', '现场检查', '书面检查', '远程检查']), slash(d), slash(d), UNITS[u][0], UNIT_CODE[u],
      `${o1.name},${o2.name}`, `${o1.cert},${o2.cert}`, RESULT[rk], joint ? '1' : '0', joint ? `${UNITS[u][0]};${UNITS[other][0]}` : ''];
    row.forEach((v, i) => { if (v !== '') ws.getCell(r, i + 1).value = v; });
    if (broken) { rejected.push({ line: r, why: broken }); continue; }
    records.push({ id: [id], enums: { inspection_type: TYPE[tk], result: RESULT[rk] } });
    const w = { inspection_id: id };
    if (k === 2 || k === 3) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: `${o1.name},${o2.name}` });
    if (k === 4) checks.push({ where: w, field: 'date', expected: isoD(d), why: slash(d) });
    if (k === 5) checks.push({ where: w, field: 'lead_unit_id', expected: u, why: UNITS[u][0] });
    if (joint && checks.filter((c) => c.field === 'is_joint').length < 1) checks.push({ where: w, field: 'is_joint', expected: true, why: 'IS_JOINT 1' });
    if (!joint && k === 7) checks.push({ where: w, field: 'is_joint', expected: false, why: 'IS_JOINT 0' });
  }
  const foot = N + 4;
  ws.getCell(foot, 1).value = '导出时间：2025/03/05 10:00:00　导出机构：嵊泗县市场监督管理局（互联网+监管系统）';
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'inspection', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet 监管行为, text cells',
    layout: 'row 1 the data items\' Chinese names, row 2 their 数据项标识 (ACT_CODE, OBJ_CREDIT_CODE …) — both header; records rows 3–35; dates as text yyyy/MM/dd; officers and certificates joined by , in two columns; IS_JOINT 1/0; an 导出时间 line one row under the table',
    header_rows: [1, 2], first_data_row: 3, columns: columnsOf(spec.map(([h, f, e]) => [h, f, e])), rows_loaded: records.length, rejected,
    footer_lines: [{ line: foot, why: '导出时间 / 导出机构 line' }],
    enums: { inspection_type: invert(TYPE), result: invert(RESULT) },
    identity: ['inspection_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 06 投诉举报 — 12345 open-data CSV, every field quoted, date-times
// ============================================================================================
function file06() {
  const file = '06_12345政务服务热线工单数据（开放数据集）.csv';
  const spec = [
    ['工单编号', 'complaint_id'],
    ['受理时间', 'received_date', { note: 'yyyy/MM/dd HH:mm:ss' }],
    ['诉求渠道', 'channel'],
    ['诉求类型', null, { note: '投诉 / 举报 / 咨询 / 求助 / 建议' }],
    ['诉求人', null, { note: 'desensitised 张**' }],
    ['所属区县', null],
    ['所属乡镇（街道）', 'township'],
    ['问题分类', 'domain'],
    ['承办单位', 'unit_id', { note: 'full name' }],
    ['办理时限', 'deadline_date'],
    ['办结时间', 'closed_date'],
    ['办理状态', null, { note: '已办结 / 办理中' }],
    ['满意度', 'satisfaction'],
  ];
  const CH = { 12345: '12345热线电话', 投诉举报平台: '全国12315平台', '110联动': '110非警务警情移交', 基层治理四平台: '基层治理四平台流转' };
  const SAT = { 满意: '满意', 基本满意: '基本满意', 不满意: '不满意', 未评价: '未参评' };
  const DOM = [['城市管理', 'ZH01'], ['市场监管', 'ZY01'], ['文化旅游', 'ZY03'], ['交通运输', 'ZY04'], ['安全生产', 'ZY07'], ['卫生健康', 'ZY08'], ['海洋渔业', 'HY01']];
  const lines = [spec.map((s) => allq(s[0])).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let k = 1; k <= 34; k++) {
    const line = lines.length + 1;
    const [dom, u] = DOM[k % DOM.length];
    const chk = pick(['12345', '12345', '12345', '投诉举报平台', '110联动', '基层治理四平台']);
    const satk = pick(['满意', '满意', '基本满意', '不满意', '未评价']);
    const town = Object.values(TOWN_OF)[k % 7];
    const d = randDate(7, 12);
    const due = addDays(d, 7);
    const closed = k % 6 === 5 ? null : addDays(d, int(1, 9));
    let id = `2024${pad(d[1])}${pad(d[2])}${pad(k * 31, 6)}`;
    let rec = `${slash(d)} ${hms(k)}`;
    let broken = null;
    if (k === 9) { id = ''; broken = '工单编号为空 / no ticket id: no key'; }
    if (k === 30) { id = ids[19]; broken = `工单编号 ${id} 与第 21 行重复（数据集增量更新重复）/ duplicate key`; }
    if (k === 16) { rec = ''; broken = '受理时间为空（必填）/ required received date empty'; }
    ids.push(id);
    lines.push([id, rec, CH[chk], pick(['投诉', '举报', '求助', '建议']), `${PERSONS[k % 12][0]}**`, '嵊泗县', town, dom, UNITS[u][0], `${slash(due)} 23:59:59`, closed ? `${slash(closed)} ${hms(k + 3)}` : '', closed ? '已办结' : '办理中', closed ? SAT[satk] : ''].map(allq).join(','));
    if (broken) { rejected.push({ line, why: broken }); continue; }
    records.push({ id: [id], enums: { channel: CH[chk], ...(closed ? { satisfaction: SAT[satk] } : {}) } });
    const w = { complaint_id: id };
    if (k === 2) checks.push({ where: w, field: 'received_date', expected: isoD(d), why: rec });
    if (k === 3) checks.push({ where: w, field: 'deadline_date', expected: isoD(due), why: `${slash(due)} 23:59:59` });
    if (k === 4) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (!closed && checks.filter((c) => c.field === 'closed_date').length < 1) checks.push({ where: w, field: 'closed_date', expected: null, why: '办理中: empty' });
  }
  const foot = lines.length + 1;
  lines.push(allq('数据提供单位：嵊泗县人民政府办公室（12345政务服务热线）；更新周期：每月'));
  writeFileSync(join(DIR, file), '\ufeff' + lines.join('\r\n') + '\r\n');
  finish({
    file, table: 'complaint', workspace: ['units', 'matters', 'officers'], format: 'csv (UTF-8 with BOM, CRLF, every field quoted)',
    layout: 'header line 1 quoted, every field of every line in double quotes (empty as ""); date-times yyyy/MM/dd HH:mm:ss; 办理时限 at 23:59:59; 诉求人 desensitised; last line a one-field 数据提供单位 note',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: foot, why: '数据提供单位 / 更新周期 note line' }],
    enums: { channel: invert(CH), satisfaction: invert(SAT) },
    identity: ['complaint_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 07 复议诉讼 — a case list from the 复议应诉 / court open-data query, a 查询条件 row on top
// ============================================================================================
async function file07() {
  const file = '07_行政复议行政诉讼案件查询结果（复议应诉平台导出）.xlsx';
  const spec = [
    ['案号', 'id'],
    ['案件类型', 'kind', { note: '行政复议 / 行政一审 / 行政二审' }],
    ['申请人（原告）', null],
    ['被申请人（被告）', 'unit_id', { note: 'full name' }],
    ['被诉行政行为文书号', 'case_id'],
    ['收案日期', 'filed_date', { note: 'yyyy-MM-dd HH:mm:ss' }],
    ['结案日期', 'decided_date'],
    ['结案方式', 'outcome'],
    ['是否开庭审理', 'hearing_held', { note: '是 / 否' }],
    ['行政机关负责人出庭应诉', 'head_appeared', { note: '是 / 否 / 不适用' }],
    ['审理机关', null],
  ];
  const KIND = { 复议: '行政复议', 诉讼: '行政一审' };
  const OUT = { 维持: '维持原行政行为', 驳回: '驳回申请（诉讼请求）', 撤销: '撤销原行政行为', 确认违法: '确认违法', 调解撤回: '调解后撤回申请（起诉）', 变更: '变更原行政行为' };
  const ulist = ['ZH01', 'ZY01', 'ZY03', 'ZY04', 'ZY07', 'HY01', 'XZ01'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('案件列表');
  ws.getCell(1, 1).value = '查询条件：被申请人（被告）所在地区 = 嵊泗县；收案日期 2024/01/01 — 2024/12/31；共 28 条';
  ws.mergeCells(1, 1, 1, spec.length);
  spec.forEach((s, i) => (ws.getCell(2, i + 1).value = s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let k = 1; k <= 28; k++) {
    const r = k + 2;
    const u = ulist[k % ulist.length];
    const lit = k % 3 === 0;
    const kk = lit ? '诉讼' : '复议';
    const ok = pick(['维持', '维持', '驳回', '撤销', '确认违法', '调解撤回', '变更']);
    const f = randDate(1, 9);
    const dd = addDays(f, int(30, 80));
    let id = lit ? `（2024）浙0922行初${k}号` : `嵊政复〔2024〕${k}号`;
    let unitName = UNITS[u][0];
    let broken = null;
    if (k === 4) { id = ''; broken = '案号为空（尚未编号）/ no id: no key'; }
    if (k === 19) { id = ids[9]; broken = `案号 ${id} 与第 12 行重复 / duplicate key`; }
    if (k === 25) { unitName = ''; broken = '被申请人（被告）为空（必填）/ required unit empty'; }
    ids.push(id);
    const hearing = lit ? '是' : pick(['是', '否']);
    const head = lit ? pick(['是', '否']) : '不适用';
    const row = [id, KIND[kk], PERSONS[k % 12], unitName, `嵊综执罚决字〔2023〕${k * 4}号`, `${isoD(f)} 00:00:00`, `${isoD(dd)} 00:00:00`, OUT[ok], hearing, head, lit ? '嵊泗县人民法院' : '嵊泗县人民政府'];
    row.forEach((v, i) => { if (v !== '') ws.getCell(r, i + 1).value = v; });
    if (broken) { rejected.push({ line: r, why: broken }); continue; }
    records.push({ id: [id], enums: { kind: KIND[kk], outcome: OUT[ok] } });
    const w = { id };
    if (k === 2) checks.push({ where: w, field: 'filed_date', expected: isoD(f), why: `${isoD(f)} 00:00:00` });
    if (k === 3) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (k === 6) checks.push({ where: w, field: 'hearing_held', expected: hearing === '是', why: hearing });
    if (k === 5) checks.push({ where: w, field: 'head_appeared', expected: null, why: '不适用 (a 复议): no value' });
  }
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'review_litigation', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs)',
    layout: 'row 1 the 查询条件 line (merged across), header row 2, records rows 3–30; 案号 （2024）浙0922行初12号 for lawsuits, 嵊政复〔2024〕5号 for 复议; dates as text yyyy-MM-dd 00:00:00; 结案方式 long words; 负责人出庭 不适用 for 复议',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: 1, why: '查询条件 row above the header' }],
    enums: { kind: { 行政复议: '复议', 行政一审: '诉讼' }, outcome: invert(OUT) },
    identity: ['id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 08 监督发现问题 — data-sharing JSON, each record a list of {fieldName, fieldCode, fieldValue}
// ============================================================================================
function file08() {
  const file = '08_执法监督问题数据_共享接口返回（字段名值对）.json';
  const spec = [
    ['问题编号', 'finding_id', {}, 'WTBH'],
    ['问题来源', 'source', {}, 'WTLY'],
    ['被监督单位', 'unit_id', { note: 'full name' }, 'BJDDW'],
    ['关联案件编号', 'case_id', {}, 'GLAJBH'],
    ['评查得分', 'casefile_score', { note: 'a string' }, 'PCDF'],
    ['评查等次', 'casefile_grade', {}, 'PCDC'],
    ['发现日期', 'found_date', {}, 'FXRQ'],
    ['整改期限', 'due_date', {}, 'ZGQX'],
    ['整改完成日期', 'rectified_date', {}, 'ZGWCRQ'],
    ['问题等级', 'severity', {}, 'WTDJ'],
    ['问题描述', 'description', {}, 'WTMS'],
  ];
  const SRC = { 执法监督: '行政执法监督检查', 案卷评查: '行政执法案卷评查', 检察建议: '行政检察监督', 纪委监委: '纪检监察机关移送', 特邀监督: '特邀行政执法监督员反映', 人大: '人大代表建议' };
  const SEV = { 一般: '一般问题', 较重: '较重问题', 严重: '严重问题' };
  const ulist = ['ZH01', 'ZY01', 'ZY03', 'ZY04', 'ZY07', 'ZY08', 'HY01', 'XZ01', 'XZ02'];
  const DESC = ['未按规定出示执法证件', '案卷文书编号不连续', '法制审核意见书缺失', '罚款决定未载明救济途径', '检查记录未双人签字', '超期未结案'];
  const list = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let k = 1; k <= 30; k++) {
    const u = ulist[k % ulist.length];
    const sk = k % 3 === 0 ? '案卷评查' : pick(['执法监督', '执法监督', '检察建议', '纪委监委', '特邀监督', '人大']);
    const sev = pick(['一般', '一般', '较重', '严重']);
    const f = randDate(2, 10);
    const due = addDays(f, 30);
    const done = k % 4 === 1 ? null : addDays(f, int(5, 28));
    const score = sk === '案卷评查' ? int(62, 96) : null;
    const grade = score === null ? '' : score >= 90 ? '优秀' : score >= 70 ? '合格' : '不合格';
    let id = `JDWT2024${pad(k * 3, 4)}`;
    let found = slash(f);
    let broken = null;
    if (k === 8) { id = ''; broken = '问题编号为空 / no finding id: no key'; }
    if (k === 24) { id = ids[4]; broken = `问题编号 ${id} 与第 5 条重复 / duplicate key`; }
    if (k === 14) { found = '2024/04/31'; broken = '发现日期 2024/04/31 不存在（必填）/ impossible required date'; }
    ids.push(id);
    const vals = [id, SRC[sk], UNITS[u][0], sk === '案卷评查' ? `嵊综执罚决字〔2024〕${k}号` : '', score === null ? '' : String(score), grade, found, slash(due), done ? slash(done) : '', SEV[sev], DESC[k % DESC.length]];
    list.push({ rowNum: k, fieldList: spec.map(([name, , , code], i) => ({ fieldName: name, fieldCode: code, fieldValue: vals[i] })) });
    if (broken) { rejected.push({ line: k, why: broken }); continue; }
    records.push({ id: [id], enums: { source: SRC[sk], severity: SEV[sev], ...(grade ? { casefile_grade: grade } : {}) } });
    const w = { finding_id: id };
    if (score !== null && checks.filter((c) => c.field === 'casefile_score').length < 1) checks.push({ where: w, field: 'casefile_score', expected: score, why: `"${score}"` });
    if (k === 2) checks.push({ where: w, field: 'due_date', expected: isoD(due), why: slash(due) });
    if (k === 4) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (k === 5) checks.push({ where: w, field: 'found_date', expected: isoD(f), why: slash(f) });
  }
  const out = { resultCode: '0000', resultMsg: '调用成功', requestId: '5f3c2a9e7b1d4e08a6c4b2d1e0f9a8b7', data: { pageNo: 1, pageSize: 50, totalCount: list.length, records: list } };
  writeFileSync(join(DIR, file), JSON.stringify(out, null, 2) + '\n');
  finish({
    file, table: 'supervision_finding', workspace: ['units', 'matters', 'officers'], format: 'json (UTF-8, indented)',
    layout: '{"resultCode","resultMsg","requestId","data":{"pageNo","pageSize","totalCount","records":[{"rowNum","fieldList":[{"fieldName","fieldCode","fieldValue"}…]}]}}: every record a list of name/code/value triples, every value a string ("" for none); columns are the fieldName values; record place = place in records; dates yyyy/MM/dd',
    header_rows: [], first_data_row: 1, columns: columnsOf(spec.map(([h, f, e]) => [h, f, e])), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { source: invert(SRC), severity: invert(SEV), casefile_grade: { 优秀: '优秀', 合格: '合格', 不合格: '不合格' } },
    identity: ['finding_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 09 检查计划 — 双随机 抽查任务 CSV as the 公示系统 / 协同监管平台 writes (GB18030)
// ============================================================================================
function file09() {
  const file = '09_双随机抽查任务及检查对象名单（协同监管平台）.csv';
  const spec = [
    ['抽查任务编号', 'plan_task_id'],
    ['抽查任务名称', null],
    ['抽查类型', 'plan_type', { note: '定向抽查 / 不定向抽查' }],
    ['发起部门', 'unit_id', { note: 'full name' }],
    ['配合部门', null],
    ['检查对象名称', 'subject_name'],
    ['统一社会信用代码/注册号', 'subject_id'],
    ['任务开始日期', null],
    ['任务完成时限', 'due_date', { note: 'yyyy年MM月dd日' }],
    ['任务状态', null],
  ];
  const ulist = ['ZY01', 'ZY03', 'ZY07', 'ZY08', 'ZH01', 'HY01'];
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let k = 1; k <= 30; k++) {
    const line = lines.length + 1;
    const u = ulist[k % ulist.length];
    const o = ulist[(k + 1) % ulist.length];
    const biz = BUSINESSES[(k * 3) % BUSINESSES.length];
    const q = 3 + (k % 2);
    const start = [2024, q * 3 - 2, 1];
    const due = [2024, q * 3, q === 3 ? 30 : 31];
    const zh = ([y, m, d]) => `${y}年${pad(m)}月${pad(d)}日`;
    let id = `SSJ3309222024${q}${pad(k * 13, 4)}`;
    let dueText = zh(due);
    let broken = null;
    if (k === 5) { id = ''; broken = '抽查任务编号为空 / no task id: no key'; }
    if (k === 21) { id = ids[6]; broken = `抽查任务编号 ${id} 与第 8 行重复 / duplicate key`; }
    if (k === 13) { dueText = ''; broken = '任务完成时限为空（必填）/ required due date empty'; }
    ids.push(id);
    const typ = k % 3 === 0 ? '定向抽查' : '不定向抽查';
    lines.push([id, `2024年${['', '', '', '第三季度', '第四季度'][q]}${UNITS[u][1]}双随机抽查`, typ, UNITS[u][0], k % 2 ? UNITS[o][0] : '', biz.name, biz.code, zh(start), dueText, pick(['已完成', '已完成', '检查中'])].map(csvq).join(','));
    if (broken) { rejected.push({ line, why: broken }); continue; }
    records.push({ id: [id], enums: {} });
    const w = { plan_task_id: id };
    if (k === 2) checks.push({ where: w, field: 'due_date', expected: isoD(due), why: dueText });
    if (k === 3) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (k === 4) checks.push({ where: w, field: 'subject_id', expected: biz.code, why: '统一社会信用代码/注册号' });
  }
  const foot = lines.length + 1;
  lines.push('制表：嵊泗县市场监督管理局（双随机办）,,,,,,,,,');
  writeFileSync(join(DIR, file), iconv.encode(lines.join('\r\n') + '\r\n', 'gb18030'));
  finish({
    file, table: 'inspection_plan', workspace: ['units', 'matters', 'officers'], format: 'csv (GB18030, CRLF)',
    layout: 'header line 1, one planned check (task × object) per line; 统一社会信用代码/注册号 with a slash in the header; dates yyyy年MM月dd日; a 制表 line padded with commas at the end',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: foot, why: '制表 line' }],
    enums: {}, identity: ['plan_task_id'], records, value_checks: checks,
  });
}

// ---------------------------------------------------------------- run
const roster = await readRoster();
const matters = await readMatters();
file01();
await file02(matters);
file03(matters);
file04();
await file05(roster);
file06();
await file07();
file08();
file09();
writeFileSync(join(DIR, '_answer.json'), JSON.stringify(answer, null, 2) + '\n');
console.log(answer.files.map((f) => `${f.file}: ${f.rows_loaded} loaded, ${f.rejected.length} broken, ${f.footer_lines.length} no record`).join('\n'));

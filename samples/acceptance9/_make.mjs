// Writes the ninth acceptance set (samples/acceptance9) and its answer key _answer.json.
// Run: node samples/acceptance9/_make.mjs
//
// Eight exports with layouts the earlier sets (3–8) did not have (see README.md): the unit list as
// the MySQL command-line client writes a result set with --xml (<resultset><row><field name=…>,
// NULL as xsi:nil, GROUP_CONCAT's commas, a surrogate `id`); an 电子证照库 (e-licence store) CSV with
// the licence metadata names and ISO 8601 date-times with T and +08:00 / Z; a 大综合一体化 case list
// with 当前环节 and 案件状态 columns, 立案日期 20240305, amounts as text 5,000.00; a 裁判文书 search-result
// export (a search-condition block above the header, hyperlinks, the kind 诉讼 given only by the
// file's name); a 检察建议 ledger exported as a Word 2003 XML document under .doc; an elasticdump of
// an inspection index (NDJSON, the record under _source, times in UTC Z, arrays); an SQL*Plus spool
// of the officer table (GBK, columns aligned by display width, the header repeated every 14 lines,
// Oracle's default Chinese date format 05-3月 -24); a 基层治理 ticket table copied out of PostgreSQL
// with psql \copy … CSV HEADER (t/f booleans, timestamptz +08, array literals {…}, NULL as nothing).
// The answer key is declared here by hand and never computed by the importer under test.
// Deterministic: the same rows every run, byte-identical files.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { acceptanceKit } from '../acceptance-kit.mjs';

const DIR = dirname(fileURLToPath(import.meta.url));
const STAMP = Date.UTC(2025, 1, 10, 2, 15);
const { TMP, pick, int, pad, randDate, isoD, zhDate, xmlEsc, UNITS, TOWN_OF, readRoster, readMatters, BUSINESSES, answer, columnsOf, newWorkbook, saveWorkbook, setRow, dateCell } = acceptanceKit({ set: 'acceptance9', dir: DIR, seed: 20250210, stamp: STAMP });

// ---------------------------------------------------------------- set 9 helpers
const csvq = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const invert = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));
const fromDate = (d) => (d instanceof Date ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] : null);
function uniqueOfficers(roster) {
  const count = {};
  for (const o of roster) count[o.name] = (count[o.name] ?? 0) + 1;
  return (unit) => roster.filter((o) => o.unit === unit && o.cert && count[o.name] === 1);
}
const PERSONS = ['张某明', '李某芳', '王某强', '陈某', '刘某华', '周某军', '吴某丽', '孙某', '郑某平', '徐某', '钱某东', '朱某英'];
const hex = (n) => Array.from({ length: n }, () => '0123456789abcdef'[int(0, 15)]).join('');

// ============================================================================================
// 01 执法单位 — MySQL command-line client, `mysql --xml -e "SELECT …"` redirected to a file
// ============================================================================================
function file01() {
  const file = '01_执法主体表_mysql客户端导出（--xml）.xml';
  const spec = [
    ['id', null, { note: 'AUTO_INCREMENT surrogate key (1, 2, 3 …), not the unit code' }],
    ['单位编码', 'unit_id'],
    ['单位名称', 'name'],
    ['简称', 'short_name'],
    ['其他名称', 'aliases', { note: "GROUP_CONCAT's default separator: a comma" }],
    ['队伍类别', 'unit_type'],
    ['执法领域', 'domain'],
    ['层级', 'level'],
    ['所在乡镇', 'township', { note: 'xsi:nil for county units' }],
    ['执法模式', 'mode'],
    ['片区中心单位编码', 'hub_unit_id'],
    ['成立日期', 'established_date', { note: 'MySQL DATE 2019-03-15' }],
    ['撤销日期', 'abolished_date', { note: 'xsi:nil when not abolished' }],
    ['del_flag', null, { note: "0 (a soft-delete flag; every row here is 0)" }],
    ['update_time', null, { note: 'DATETIME 2025-01-20 09:13:27' }],
  ];
  const TYPE = { 综合: '综合执法队伍', 专业: '专业执法队伍', 海洋: '海洋执法队伍', 乡镇: '乡镇综合执法队伍' };
  const LEVEL = { 县: '县（市、区）级', 乡镇: '乡镇（街道）级' };
  const MODE = { 县级: '县级部门直接执法', 派驻: '派驻乡镇', 赋权: '乡镇赋权执法', 片区兼管: '片区兼管' };
  const INFO = {
    ZH01: ['综合', '综合行政执法', '县', '', '县级', '', [2019, 3, 15], null, ['县综合执法局', '县综合行政执法局']],
    ZY01: ['专业', '市场监管', '县', '', '县级', '', [2019, 1, 20], null, ['县市场监管局']],
    ZY02: ['专业', '生态环境', '县', '', '县级', '', [2019, 4, 1], null, ['嵊泗生态环境分局']],
    ZY03: ['专业', '文广旅体', '县', '', '县级', '', [2019, 2, 26], null, ['县文广旅体局']],
    ZY04: ['专业', '交通运输', '县', '', '县级', '', [2019, 2, 26], null, ['县交通运输局']],
    ZY05: ['专业', '农业农村', '县', '', '县级', '', [2019, 2, 26], null, []],
    ZY06: ['专业', '资源规划', '县', '', '县级', '', [2019, 2, 26], null, ['县资规局']],
    ZY07: ['专业', '应急管理', '县', '', '县级', '', [2019, 2, 26], null, ['县应急管理局']],
    ZY08: ['专业', '卫生健康', '县', '', '县级', '', [2019, 2, 26], null, ['县卫健局']],
    ZY09: ['专业', '水利', '县', '', '县级', '', [2016, 7, 1], [2023, 3, 31], ['县水利执法队']],
    HY01: ['海洋', '海洋渔业', '县', '', '县级', '', [2019, 9, 1], null, ['县海洋执法队', '海洋综合执法大队']],
    XZ01: ['乡镇', '乡镇综合执法', '乡镇', '菜园镇', '派驻', '', [2021, 7, 1], null, ['菜园中队']],
    XZ02: ['乡镇', '乡镇综合执法', '乡镇', '嵊山镇', '派驻', '', [2021, 7, 1], null, ['嵊山中队']],
    XZ03: ['乡镇', '乡镇综合执法', '乡镇', '洋山镇', '赋权', '', [2021, 7, 1], null, ['洋山镇综合行政执法队']],
    XZ04: ['乡镇', '乡镇综合执法', '乡镇', '五龙乡', '派驻', '', [2021, 7, 1], null, ['五龙中队']],
    XZ05: ['乡镇', '乡镇综合执法', '乡镇', '黄龙乡', '派驻', '', [2021, 7, 1], null, ['黄龙中队']],
    XZ06: ['乡镇', '乡镇综合执法', '乡镇', '枸杞乡', '片区兼管', 'XZ02', [2021, 7, 1], null, ['枸杞执法点']],
    XZ07: ['乡镇', '乡镇综合执法', '乡镇', '花鸟乡', '片区兼管', 'XZ02', [2021, 7, 1], null, ['花鸟执法点']],
  };
  const order = ['ZH01', 'ZY01', 'ZY02', 'ZY03', 'ZY04', 'ZY05', 'ZY06', 'ZY07', 'ZY08', 'ZY09', 'HY01', 'XZ01', 'XZ02', 'NEW', 'XZ03', 'XZ04', 'XZ05', 'XZ06', 'XZ07', 'DUP'];
  const rejected = [];
  const records = [];
  const checks = [];
  const statement = "SELECT t.id, t.dwbm AS 单位编码, t.dwmc AS 单位名称, t.jc AS 简称, GROUP_CONCAT(b.bm) AS 其他名称, t.dwlb AS 队伍类别, t.zfly AS 执法领域, t.cj AS 层级, t.szxz AS 所在乡镇, t.zfms AS 执法模式, t.pqzx AS 片区中心单位编码, t.clrq AS 成立日期, t.cxrq AS 撤销日期, t.del_flag, t.update_time FROM t_zfzt t LEFT JOIN t_zfzt_bm b ON b.zt_id = t.id GROUP BY t.id ORDER BY t.px";
  let out = `<?xml version="1.0"?>\n\n<resultset statement="${xmlEsc(statement)}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n`;
  const field = (name, v) => (v === null || v === undefined || v === '' ? `\t<field name="${name}" xsi:nil="true" />\n` : `\t<field name="${name}">${xmlEsc(v)}</field>\n`);
  order.forEach((key, i) => {
    const n = i + 1;
    const upd = `2025-01-20 ${pad(8 + (n % 9))}:${pad((n * 7) % 60)}:${pad((n * 13) % 60)}`;
    let vals;
    if (key === 'NEW') {
      vals = [n, null, '嵊泗县马鞍列岛片区综合行政执法队（筹）', '马鞍列岛片区', null, TYPE['乡镇'], '乡镇综合执法', LEVEL['乡镇'], '嵊山镇', MODE['片区兼管'], null, null, null, 0, upd];
      rejected.push({ line: n, why: '单位编码 xsi:nil（筹建中的队伍尚未赋码）/ no unit id: no key' });
    } else {
      const id = key === 'DUP' ? 'XZ04' : key;
      const [type, domain, level, town, mode, hub, est, abol, aliases] = INFO[id];
      vals = [n, id, UNITS[id][0], UNITS[id][1], aliases.length ? aliases.join(',') : null, TYPE[type], domain, LEVEL[level], town || null, MODE[mode], hub || null, isoD(est), abol ? isoD(abol) : null, 0, upd];
      if (key === 'DUP') rejected.push({ line: n, why: '单位编码 XZ04 与第 16 条重复（LEFT JOIN 别名表后 GROUP BY 前的一条残留）/ duplicate key' });
      else {
        records.push({ id: [id], enums: { unit_type: TYPE[type], level: LEVEL[level], mode: MODE[mode] } });
        const w = { unit_id: id };
        if (id === 'ZH01') checks.push({ where: w, field: 'aliases', expected: aliases, why: aliases.join(',') });
        if (id === 'ZH01') checks.push({ where: w, field: 'established_date', expected: isoD(est), why: isoD(est) });
        if (id === 'ZH01') checks.push({ where: w, field: 'abolished_date', expected: null, why: 'xsi:nil' });
        if (id === 'ZY09') checks.push({ where: w, field: 'abolished_date', expected: isoD(abol), why: isoD(abol) });
        if (id === 'XZ06') checks.push({ where: w, field: 'hub_unit_id', expected: 'XZ02', why: 'XZ02' });
        if (id === 'XZ03') checks.push({ where: w, field: 'township', expected: '洋山镇', why: '洋山镇' });
        if (id === 'ZY05') checks.push({ where: w, field: 'aliases', expected: null, why: 'xsi:nil (GROUP_CONCAT of nothing)' });
        if (id === 'HY01') checks.push({ where: w, field: 'short_name', expected: '海洋执法队', why: '简称' });
      }
    }
    out += '  <row>\n' + spec.map((s, j) => field(s[0], vals[j])).join('') + '  </row>\n\n';
  });
  out += '</resultset>\n';
  writeFileSync(join(DIR, file), out);
  answer.files.push({
    file, table: 'unit', workspace: [], format: 'xml (mysql --xml result set), UTF-8, LF',
    layout: 'the MySQL client\'s --xml output: <resultset statement="…"> with one <row> per record and one <field name="…"> per column; NULL written <field name="…" xsi:nil="true" />; record place = line; `id` an AUTO_INCREMENT surrogate; 其他名称 GROUP_CONCAT with commas',
    header_rows: [], first_data_row: 1, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { unit_type: invert(TYPE), level: invert(LEVEL), mode: invert(MODE) },
    identity: ['unit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 02 行政许可 — 电子证照库 licence list, licence metadata names, ISO 8601 date-times
// ============================================================================================
function file02() {
  const file = '02_电子证照库_证照信息导出_2024年度.csv';
  const spec = [
    ['证照标识', null, { note: '32 hex digits: the e-licence record id, not the licence number', accept: ['permit_id'] }],
    ['证照类型名称', 'matter_code', { note: '食品经营许可证 … (the approval it stands for)', accept: [] }],
    ['证照类型代码', null, { note: '11330000MB…: code of the licence type', accept: ['matter_code'] }],
    ['证照编号', 'permit_id'],
    ['持证主体', 'subject_name'],
    ['持证主体代码', 'subject_id'],
    ['持证主体代码类型', null, { note: '统一社会信用代码 (the same text on every row)' }],
    ['证照颁发机构', 'unit_id'],
    ['证照颁发机构代码', null, { note: "the issuing body's own credit code 11330922…" }],
    ['证照颁发日期', 'issued_date', { note: '2024-03-05T00:00:00+08:00 / 2024-03-05T02:31:07Z' }],
    ['有效期起始日期', null, { note: 'trap: a date next to the issue date', accept: [] }],
    ['有效期截止日期', null],
    ['证照状态', null, { note: '有效 / 注销' }],
    ['归集时间', null, { note: 'a date-time of the data load' }],
  ];
  const TYPES = [
    ['食品经营许可证', '11330000002482204D1', 'ZY01', () => `JY2330922${pad(int(1, 9999999), 7)}`],
    ['药品经营许可证', '11330000002482204D2', 'ZY01', () => `浙CB58${pad(int(1, 99999), 5)}`],
    ['公共场所卫生许可证', '11330000002482173E3', 'ZY08', () => `嵊卫公证字〔2024〕第${pad(int(1, 300), 3)}号`],
    ['娱乐经营许可证', '11330000002482165K4', 'ZY03', () => `3309221202400${pad(int(1, 99), 2)}`],
    ['道路运输经营许可证', '11330000002482181P5', 'ZY04', () => `浙交运管许可舟字330922${pad(int(1, 999999), 6)}号`],
    ['渔业捕捞许可证', '11330000002482157C6', 'ZY05', () => `(浙嵊)船网捕（2024）HY-${pad(int(1, 999999), 6)}号`],
  ];
  const ORG_CODE = { ZY01: '11330922MB1790536G', ZY08: '11330922002585427K', ZY03: '113309220025854353', ZY04: '11330922002585419R', ZY05: '11330922002585400Y' };
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let n = 1; n <= 38; n++) {
    const [tname, tcode, unit, num] = TYPES[(n * 5) % TYPES.length];
    const biz = BUSINESSES[(n * 7) % BUSINESSES.length];
    let id = num();
    while (ids.includes(id)) id = num();
    const day = randDate(1, 12);
    const [y, m, d] = day;
    const useZ = n % 3 === 0;
    const h = int(0, 7);
    let issued = useZ ? `${isoD(day)}T${pad(h)}:${pad(int(0, 59))}:${pad(int(0, 59))}Z` : `${isoD(day)}T00:00:00+08:00`;
    let subj = biz.code;
    let broken = null;
    if (n === 9) {
      id = '';
      broken = '证照编号为空（证照未制证，仅有证照标识）/ no permit id: no key';
    }
    if (n === 20) {
      issued = '2024-02-30T00:00:00+08:00';
      broken = '证照颁发日期 2024-02-30 不存在 / impossible required date';
    }
    if (n === 33) {
      subj = '';
      broken = '持证主体代码为空（必填）/ required subject id empty';
    }
    ids.push(id);
    const valid = `${y + 5}-${pad(m)}-${pad(d)}`;
    const status = n % 11 === 5 ? '注销' : '有效';
    const load = `2025-01-0${int(2, 8)} 0${int(1, 5)}:${pad(int(0, 59))}:${pad(int(0, 59))}`;
    lines.push([hex(32), tname, tcode, id, biz.name, subj, '统一社会信用代码', UNITS[unit][0], ORG_CODE[unit], issued, `${isoD(day)}`, tname === '娱乐经营许可证' ? '长期' : valid, status, load].map(csvq).join(','));
    if (broken) rejected.push({ line: n + 1, why: broken });
    else {
      records.push({ id: [id], enums: {} });
      const w = { permit_id: id };
      if (n === 1 || (useZ && !checks.some((c) => c.why.includes('Z')))) checks.push({ where: w, field: 'issued_date', expected: isoD(day), why: issued });
      if (n === 2) checks.push({ where: w, field: 'unit_id', expected: unit, why: UNITS[unit][0] });
      if (n === 2) checks.push({ where: w, field: 'subject_id', expected: subj, why: '持证主体代码' });
      if (n === 4) checks.push({ where: w, field: 'subject_name', expected: biz.name, why: '持证主体' });
    }
  }
  writeFileSync(join(DIR, file), '\ufeff' + lines.join('\r\n') + '\r\n');
  answer.files.push({
    file, table: 'permit', workspace: ['units', 'matters', 'officers'], format: 'csv, UTF-8 BOM, CRLF',
    layout: 'header line 1, one licence per line; the 电子证照 metadata names (证照标识, 证照类型名称/代码, 证照编号, 持证主体, 持证主体代码, 持证主体代码类型, 证照颁发机构/代码, 证照颁发日期, 有效期起始/截止日期, 证照状态); 证照颁发日期 ISO 8601 with T: midnight +08:00, or a UTC time with Z (always before 16:00Z, so the day is the same in Beijing)',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {}, identity: ['permit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 03 处罚案件 — 大综合一体化 case list with 当前环节 / 案件状态
// ============================================================================================
async function file03(roster, matters) {
  const file = '03_行政处罚案件列表_大综合一体化执法监管数字应用导出.xlsx';
  const spec = [
    ['序号', null],
    ['案件编号', 'case_id', { note: 'AJ3309222024xxxxxx' }],
    ['处罚决定书文号', null, { note: '嵊综执罚决〔2024〕N号; empty before the decision', accept: ['case_id'] }],
    ['案件名称', null],
    ['执法事项编码', 'matter_code'],
    ['办案机构', 'unit_id'],
    ['所属乡镇（街道）', 'township'],
    ['案件来源', 'source'],
    ['适用程序', 'procedure'],
    ['当前环节', null, { note: '立案审批 / 调查取证 / 案件审核 / 处罚告知 / 处罚决定 / 执行 / 结案归档' }],
    ['案件状态', null, { note: '办理中 / 已办结 / 已终止' }],
    ['立案日期', 'filed_date', { note: 'text 20240305' }],
    ['决定日期', 'decision_date', { note: 'date cells yyyy-mm-dd' }],
    ['结案日期', 'closed_date', { note: 'text 2024.03.05' }],
    ['当事人类型', 'party_type'],
    ['当事人名称', 'party_name'],
    ['证件号码', 'party_id'],
    ['处罚种类', 'penalty_types', { note: '警告;罚款 (semicolons)' }],
    ['罚款金额（元）', 'fine_amount', { note: 'text 5,000.00' }],
    ['没收违法所得（元）', 'confiscation_amount'],
    ['是否重大案件', 'major_case'],
    ['主办人/协办人', 'officer_ids', { note: '韩洋/乐梅' }],
  ];
  const SOURCE = { 检查: '日常检查', 投诉举报: '投诉举报', 12345: '12345热线', 移送: '部门移送', 其他: '上级交办' };
  const PARTY = { 个人: '自然人', 单位: '法人' };
  const UNITS_USED = [['ZH01', '嵊综执罚决', '综合执法局'], ['ZY01', '嵊市监罚决', '市场监管局'], ['ZY03', '嵊文旅罚决', '文广旅体局'], ['ZY07', '嵊应急罚决', '应急管理局'], ['HY01', '嵊海执罚决', '海洋执法队'], ['ZY08', '嵊卫罚决', '卫健局']];
  const officersOf = uniqueOfficers(roster);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('案件列表');
  const W = spec.length;
  setRow(ws, 1, spec.map((s) => s[0]), W);
  ws.getRow(1).font = { bold: true };
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  const seq = {};
  const STAGES = ['立案审批', '调查取证', '案件审核', '处罚告知'];
  for (let n = 1; n <= 38; n++) {
    const r = n + 1;
    const [unit, prefix, short] = UNITS_USED[n % UNITS_USED.length];
    const ms = matters.filter((m) => m.ownerShort === short && m.power === '行政处罚');
    const mat = ms[(n * 3) % ms.length];
    let id = `AJ3309222024${pad(100000 + n * 37, 6)}`;
    const srcKey = pick(['检查', '检查', '投诉举报', '12345', '移送', '其他']);
    const simple = n % 7 === 3;
    const person = n % 3 === 0;
    const biz = BUSINESSES[(n * 5) % BUSINESSES.length];
    const partyName = person ? PERSONS[n % PERSONS.length] : biz.name;
    const partyId = person ? `3309221980${pad(int(1, 12))}${pad(int(1, 28))}${pad(int(10, 99))}${int(0, 9)}${int(1, 9)}` : biz.code;
    const filed = randDate(1, 10);
    const open = n % 6 === 1;
    const stopped = n === 17;
    const dec = open || stopped ? null : (() => { const t = new Date(Date.UTC(filed[0], filed[1] - 1, filed[2]) + int(5, 40) * 86400000); return fromDate(t); })();
    const closed = dec ? fromDate(new Date(Date.UTC(dec[0], dec[1] - 1, dec[2]) + int(3, 30) * 86400000)) : stopped ? fromDate(new Date(Date.UTC(filed[0], filed[1] - 1, filed[2]) + 20 * 86400000)) : null;
    const fine = simple ? pick([50, 100, 200]) : pick([2000, 5000, 8000, 12000, 30000, 50000]);
    const conf = !simple && n % 4 === 0 ? int(5, 60) * 100 : 0;
    const types = stopped ? [] : simple ? ['警告', '罚款'] : conf ? ['罚款', '没收违法所得'] : ['罚款'];
    const offs = officersOf(unit);
    const o1 = offs[n % offs.length];
    const o2 = offs[(n + 1) % offs.length];
    seq[prefix] = (seq[prefix] ?? 0) + 1;
    const decNo = dec ? `${prefix}〔2024〕${seq[prefix]}号` : '';
    const stage = open ? STAGES[n % STAGES.length] : stopped ? '结案归档' : '结案归档';
    const status = open ? '办理中' : stopped ? '已终止' : '已办结';
    let filedTxt = `${filed[0]}${pad(filed[1])}${pad(filed[2])}`;
    let unitName = UNITS[unit][0];
    let broken = null;
    if (n === 8) {
      id = '';
      broken = '案件编号为空（线下案件补录未赋号）/ no case id: no key';
    }
    if (n === 29) {
      id = ids[13];
      broken = `案件编号 ${id} 与第 14 条重复（重复推送）/ duplicate key`;
    }
    if (n === 22) {
      filedTxt = '20240231';
      broken = '立案日期 20240231 不存在 / impossible required date';
    }
    ids.push(id);
    const town = unit === 'ZH01' ? pick(Object.values(TOWN_OF)) : '';
    const fineTxt = stopped ? '' : fine.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    setRow(ws, r, [
      n, id, decNo, `${partyName}${mat.name.replace(/^对/, '').replace(/的行政处罚$/, '')}案`, mat.code, unitName, town, SOURCE[srcKey], simple ? '简易程序' : '普通程序', stage, status,
      filedTxt, dec ? dateCell(dec) : '', closed ? `${closed[0]}.${pad(closed[1])}.${pad(closed[2])}` : '', PARTY[person ? '个人' : '单位'], partyName, partyId,
      types.join(';'), fineTxt, conf || '', !simple && fine >= 30000 ? '是' : '否', `${o1.name}/${o2.name}`,
    ], W);
    if (broken) rejected.push({ line: r, why: broken });
    else {
      records.push({ id: [id], enums: { source: SOURCE[srcKey], procedure: simple ? '简易程序' : '普通程序', party_type: PARTY[person ? '个人' : '单位'] } });
      const w = { case_id: id };
      if (n === 2) {
        checks.push({ where: w, field: 'filed_date', expected: isoD(filed), why: filedTxt });
        checks.push({ where: w, field: 'fine_amount', expected: fine, why: fineTxt });
        checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: `${o1.name}/${o2.name}` });
        checks.push({ where: w, field: 'matter_code', expected: mat.code, why: '执法事项编码' });
      }
      if (n === 3) checks.push({ where: w, field: 'penalty_types', expected: types, why: types.join(';') });
      if (n === 4) checks.push({ where: w, field: 'closed_date', expected: isoD(closed), why: `${closed[0]}.${pad(closed[1])}.${pad(closed[2])}` });
      if (n === 4) checks.push({ where: w, field: 'decision_date', expected: isoD(dec), why: 'date cell' });
      if (n === 7) checks.push({ where: w, field: 'closed_date', expected: null, why: '办理中: 结案日期 empty' });
      if (n === 12) checks.push({ where: w, field: 'fine_amount', expected: fine, why: fineTxt });
      if (n === 12) checks.push({ where: w, field: 'confiscation_amount', expected: conf, why: String(conf) });
      if (n === 6) checks.push({ where: w, field: 'township', expected: town, why: town });
    }
  }
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.autoFilter = { from: 'A1', to: `V1` };
  ws.columns.forEach((c, i) => (c.width = [6, 22, 22, 40, 16, 28, 12, 12, 12, 12, 10, 12, 12, 12, 10, 30, 22, 18, 14, 14, 10, 14][i] ?? 10));
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'penalty_case', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: 'header row 1, autofilter, frozen; 当前环节 / 案件状态 columns (workflow, no field); 案件编号 AJ… next to 处罚决定书文号 (empty while open); 立案日期 text 20240305, 决定日期 date cells, 结案日期 text 2024.03.05; 罚款金额 text 5,000.00; 处罚种类 警告;罚款; officers 主办/协办 joined by /',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { source: { 日常检查: '检查', 投诉举报: '投诉举报', '12345热线': '12345', 部门移送: '移送', 上级交办: '其他' }, procedure: { 简易程序: '简易', 普通程序: '普通' }, party_type: { 自然人: '个人', 法人: '单位' } },
    identity: ['case_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 04 复议诉讼 — 裁判文书 search results exported (a legal database's 检索结果导出)
// ============================================================================================
async function file04() {
  const file = '04_行政诉讼裁判文书检索结果导出（被告：嵊泗县，2024年）.xlsx';
  const spec = [
    ['序号', null],
    ['标题', null, { note: '张某明与嵊泗县综合行政执法局行政处罚一审行政判决书' }],
    ['案号', 'id', { note: '（2024）浙0922行初3号 / （2024）浙09行终11号' }],
    ['审理法院', null],
    ['审理程序', null, { note: '一审 / 二审' }],
    ['裁判日期', 'decided_date', { note: 'text 2024-03-05' }],
    ['文书类型', null, { note: '判决书 / 裁定书' }],
    ['案由', null, { note: '行政处罚 / 行政强制 / 行政许可' }],
    ['原告（上诉人）', null],
    ['被告（被上诉人）', 'unit_id'],
    ['裁判结果', 'outcome'],
    ['原文链接', null, { note: 'hyperlink cells' }],
  ];
  const OUT = ['驳回原告的诉讼请求', '准许原告撤回起诉', '驳回原告的诉讼请求', '撤销被诉行政处罚决定', '确认被诉行政行为违法', '驳回起诉', '驳回上诉，维持原判'];
  const OUT_CANON = { 驳回原告的诉讼请求: '驳回', 准许原告撤回起诉: '调解撤回', 撤销被诉行政处罚决定: '撤销', 确认被诉行政行为违法: '确认违法', 驳回起诉: '驳回', '驳回上诉，维持原判': '维持' };
  const UNITS_USED = ['ZH01', 'ZY01', 'ZY04', 'HY01', 'ZY03', 'XZ02', 'ZY06'];
  const CAUSE = { ZH01: '行政处罚', ZY01: '行政处罚', ZY04: '行政处罚', HY01: '行政强制', ZY03: '行政许可', XZ02: '行政处罚', ZY06: '行政强制' };
  const wb = newWorkbook();
  const ws = wb.addWorksheet('检索结果');
  const W = spec.length;
  const N = 32;
  ws.getCell(1, 1).value = '检索条件：案件类型：行政案件；当事人：嵊泗县；裁判年份：2024；文书类型：判决书、裁定书';
  ws.getCell(2, 1).value = `检索结果：共 ${N} 篇`;
  ws.getCell(3, 1).value = '导出时间：2025-01-09 10:21:36';
  setRow(ws, 5, spec.map((s) => s[0]), W);
  ws.getRow(5).font = { bold: true };
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  let first = 0;
  let second = 0;
  for (let n = 1; n <= N; n++) {
    const r = n + 5;
    const unit = UNITS_USED[n % UNITS_USED.length];
    const appeal = n % 6 === 5;
    let outcome = appeal ? '驳回上诉，维持原判' : n % 13 === 7 ? '驳回起诉' : OUT[n % 6];
    const caseNo = appeal ? `（2024）浙09行终${++second * 3 + 10}号` : `（2024）浙0922行初${++first * 2 + 1}号`;
    let id = caseNo;
    const plaintiff = PERSONS[n % PERSONS.length];
    const day = randDate(2, 12);
    let dayTxt = isoD(day);
    const ruling = ['准许原告撤回起诉', '驳回起诉'].includes(outcome);
    let docType = ruling ? '裁定书' : '判决书';
    let unitName = UNITS[unit][0];
    let broken = null;
    if (n === 11) {
      id = '';
      broken = '案号为空（不公开文书，仅有标题）/ no id: no key';
    }
    if (n === 24) {
      id = ids[8];
      outcome = '驳回原告的诉讼请求';
      docType = '裁定书';
      broken = `案号 ${id} 与第 9 条重复（同一案件的补正裁定书，案号相同）/ duplicate key`;
    }
    if (n === 30) {
      unitName = '';
      broken = '被告为空（检索结果未抽取出被告）/ required respondent unit empty';
    }
    ids.push(id);
    const court = appeal ? '浙江省舟山市中级人民法院' : '浙江省嵊泗县人民法院';
    const title = `${plaintiff}与${UNITS[unit][0]}${CAUSE[unit]}${appeal ? '二审' : '一审'}行政${docType}`;
    const docId = hex(8) + '-' + hex(4) + '-' + hex(4);
    setRow(ws, r, [n, title, id, court, appeal ? '二审' : '一审', dayTxt, docType, CAUSE[unit], plaintiff, unitName, outcome, ''], W);
    ws.getCell(r, 12).value = { text: '查看原文', hyperlink: `https://wenshu.court.gov.cn/website/wenshu/181107ANFZ0BXSK4/index.html?docId=${docId}` };
    if (broken) rejected.push({ line: r, why: broken });
    else {
      records.push({ id: [id], enums: { outcome } });
      const w = { id };
      if (n === 1) {
        checks.push({ where: w, field: 'kind', expected: '诉讼', why: "the file's name: 行政诉讼裁判文书 (no column says it)" });
        checks.push({ where: w, field: 'unit_id', expected: unit, why: UNITS[unit][0] });
        checks.push({ where: w, field: 'decided_date', expected: isoD(day), why: dayTxt });
      }
      if (appeal && !checks.some((c) => c.why.includes('二审'))) checks.push({ where: w, field: 'kind', expected: '诉讼', why: '二审 case, the file name says 行政诉讼' });
      if (n === 9) checks.push({ where: w, field: 'outcome', expected: OUT_CANON[outcome], why: outcome });
    }
  }
  ws.columns.forEach((c, i) => (c.width = [6, 50, 26, 26, 10, 12, 10, 10, 12, 30, 24, 12][i] ?? 10));
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'review_litigation', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: 'rows 1–3 the search condition, result count and export time (A column only), row 4 empty, header row 5, data from row 6; every row a lawsuit (the file is a 行政诉讼 document search: kind 诉讼 is given by the file name only); 案号 of 一审 (行初) and 二审 (行终) cases; 被告 by full name; 裁判结果 in the court\'s words; a hyperlink column',
    header_rows: [5], first_data_row: 6, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { outcome: OUT_CANON },
    enum_accept: { outcome: { 驳回原告的诉讼请求: ['胜诉'], 驳回起诉: ['胜诉'], '驳回上诉，维持原判': ['胜诉', '驳回'], 撤销被诉行政处罚决定: ['败诉'], 确认被诉行政行为违法: ['败诉'] } },
    identity: ['id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 05 监督发现问题 — 检察建议 ledger exported as Word 2003 XML under .doc
// ============================================================================================
function file05() {
  const file = '05_2024年度行政检察建议办理情况台账（导出Word）.doc';
  const spec = [
    ['序号', null],
    ['检察建议书文号', 'finding_id', { note: '嵊检行建〔2024〕3号 / 嵊检民公建〔2024〕2号' }],
    ['建议类型', 'source', { note: '行政检察建议 / 公益诉讼诉前检察建议 / 社会治理检察建议 — all 检察建议' }],
    ['被建议单位', 'unit_id'],
    ['涉及案件', 'case_id', { note: 'a decision number or empty' }],
    ['制发日期', 'found_date', { note: '2024年3月5日' }],
    ['回复期限', 'due_date', { note: '2024年5月5日' }],
    ['书面回复日期', null, { note: 'the written reply, not the rectification', accept: ['rectified_date'] }],
    ['整改落实日期', 'rectified_date'],
    ['建议内容摘要', 'description'],
    ['采纳情况', null, { note: '已采纳 / 部分采纳 / 未回复' }],
  ];
  const KIND = ['行政检察建议', '公益诉讼诉前检察建议', '社会治理检察建议'];
  const PREFIX = { 行政检察建议: '嵊检行建', 公益诉讼诉前检察建议: '嵊检民公建', 社会治理检察建议: '嵊检建' };
  const ISSUES = ['罚款未按期执行到位，未依法申请强制执行', '案卷中调查询问笔录执法人员签名不全', '违法建设拆除决定未送达当事人即组织实施', '海岸线违法占用问题长期未查处', '餐饮油烟扰民投诉处置不到位', '涉案财物未依法登记保存', '行政处罚决定未在法定期限内公示', '未依法履行渔船安全监管职责'];
  const UNITS_USED = ['ZH01', 'ZY01', 'ZY02', 'ZY04', 'HY01', 'XZ01', 'XZ03', 'ZY07'];
  const CASE_PREFIX = { ZH01: '嵊综执罚决', ZY01: '嵊市监罚决', ZY04: '嵊交执罚决', HY01: '嵊海执罚决', XZ01: '嵊菜综执罚决', XZ03: '嵊洋综执罚决', ZY02: '舟环嵊罚', ZY07: '嵊应急罚决' };
  const rows = [spec.map((s) => s[0])];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  const seq = {};
  for (let n = 1; n <= 30; n++) {
    const kind = KIND[n % 5 === 0 ? 1 : n % 7 === 0 ? 2 : 0];
    const unit = UNITS_USED[n % UNITS_USED.length];
    seq[kind] = (seq[kind] ?? 0) + 1;
    let id = `${PREFIX[kind]}〔2024〕${seq[kind]}号`;
    const found = randDate(1, 10);
    const due = [found[0], found[1] + 2 > 12 ? 12 : found[1] + 2, Math.min(found[2], 28)];
    const replied = n % 8 !== 3;
    const reply = replied ? fromDate(new Date(Date.UTC(found[0], found[1] - 1, found[2]) + int(20, 55) * 86400000)) : null;
    const rect = replied && n % 4 !== 2 ? fromDate(new Date(Date.UTC(reply[0], reply[1] - 1, reply[2]) + int(0, 30) * 86400000)) : null;
    const caseId = kind === '行政检察建议' ? `${CASE_PREFIX[unit]}〔2024〕${int(1, 60)}号` : '';
    let foundTxt = zhDate(found);
    let unitName = UNITS[unit][0];
    let broken = null;
    if (n === 6) {
      id = '';
      broken = '检察建议书文号为空（口头建议后补登）/ no finding id: no key';
    }
    if (n === 14) {
      foundTxt = '2024年2月30日';
      broken = '制发日期 2024年2月30日 不存在 / impossible required date';
    }
    if (n === 26) {
      unitName = '';
      broken = '被建议单位为空（必填）/ required unit empty';
    }
    ids.push(id);
    const adopt = !replied ? '未回复' : n % 9 === 4 ? '部分采纳' : '已采纳';
    const desc = ISSUES[n % ISSUES.length];
    rows.push([String(n), id, kind, unitName, caseId, foundTxt, zhDate(due), reply ? zhDate(reply) : '', rect ? zhDate(rect) : '', desc, adopt]);
    if (broken) rejected.push({ line: n + 1, why: broken });
    else {
      records.push({ id: [id], enums: { source: kind } });
      const w = { finding_id: id };
      if (n === 1) {
        checks.push({ where: w, field: 'found_date', expected: isoD(found), why: foundTxt });
        checks.push({ where: w, field: 'unit_id', expected: unit, why: unitName });
        checks.push({ where: w, field: 'case_id', expected: caseId, why: '涉及案件' });
        checks.push({ where: w, field: 'due_date', expected: isoD(due), why: zhDate(due) });
      }
      if (rect && !checks.some((c) => c.field === 'rectified_date')) checks.push({ where: w, field: 'rectified_date', expected: isoD(rect), why: `整改落实日期 ${zhDate(rect)} (书面回复日期 ${zhDate(reply)} is another column)` });
      if (n === 3) checks.push({ where: w, field: 'description', expected: desc, why: '建议内容摘要' });
    }
  }
  const cell = (t, bold = false) => `<w:tc><w:tcPr><w:tcW w:w="0" w:type="auto"/></w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr>${t ? `<w:r><w:rPr><w:rFonts w:hint="fareast"/>${bold ? '<w:b/>' : ''}<w:sz w:val="18"/></w:rPr><w:t>${xmlEsc(t)}</w:t></w:r>` : ''}</w:p></w:tc>`;
  const para = (t, opts = '') => `<w:p><w:pPr>${opts}</w:pPr><w:r><w:rPr><w:rFonts w:hint="fareast"/></w:rPr><w:t>${xmlEsc(t)}</w:t></w:r></w:p>\n`;
  let xml = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n';
  xml += '<w:wordDocument xmlns:w="http://schemas.microsoft.com/office/word/2003/wordml" xmlns:wx="http://schemas.microsoft.com/office/word/2003/auxHint" xmlns:o="urn:schemas-microsoft-com:office:office" w:macrosPresent="no" w:embeddedObjPresent="no" w:ocxPresent="no" xml:space="preserve">\n';
  xml += '<o:DocumentProperties><o:Author>admin</o:Author><o:Created>2025-01-08T02:00:00Z</o:Created></o:DocumentProperties>\n';
  xml += '<w:body><wx:sect>\n';
  xml += para('2024年度行政检察建议办理情况台账', '<w:jc w:val="center"/>');
  xml += para('填报单位：嵊泗县司法局（县委全面依法治县委员会办公室）　　　导出时间：2025年1月8日');
  xml += '<w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/><w:tblBorders><w:top w:val="single" w:sz="4"/><w:left w:val="single" w:sz="4"/><w:bottom w:val="single" w:sz="4"/><w:right w:val="single" w:sz="4"/><w:insideH w:val="single" w:sz="4"/><w:insideV w:val="single" w:sz="4"/></w:tblBorders></w:tblPr>\n';
  rows.forEach((row, i) => {
    xml += `<w:tr>${i === 0 ? '<w:trPr><w:tblHeader/></w:trPr>' : ''}${row.map((t) => cell(t, i === 0)).join('')}</w:tr>\n`;
  });
  xml += '</w:tbl>\n';
  xml += para('注：1. 本台账由系统“导出Word”生成；2. 整改落实日期以被建议单位书面回复所附佐证材料为准。');
  xml += '<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/><w:pgMar w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"/></w:sectPr>\n</wx:sect></w:body></w:wordDocument>\n';
  writeFileSync(join(DIR, file), xml);
  answer.files.push({
    file, table: 'supervision_finding', workspace: ['units', 'matters', 'officers'], format: 'Word 2003 XML document (WordprocessingML, <?mso-application progid="Word.Document"?>) under .doc, UTF-8',
    layout: 'a title and a 填报单位 paragraph, one table (header row 1 repeated on each page, w:tblHeader), a 注 paragraph after it; rows counted as table rows (header 1); 建议类型 行政检察建议 / 公益诉讼诉前检察建议 / 社会治理检察建议 (all 检察建议); dates 2024年3月5日; 书面回复日期 next to 整改落实日期',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { source: { 行政检察建议: '检察建议', 公益诉讼诉前检察建议: '检察建议', 社会治理检察建议: '检察建议' } },
    identity: ['finding_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 06 行政检查 — elasticdump of an inspection index (NDJSON, the record under _source)
// ============================================================================================
function file06(roster) {
  const file = '06_zf_inspection_record_2024q4（elasticdump导出）.json';
  const spec = [
    ['_index', null],
    ['_type', null],
    ['_id', null, { note: "Elasticsearch's document id (20 characters), not the 行政行为码" }],
    ['_score', null],
    ['_source.actCode', 'inspection_id', { note: '行政行为码, 18 digits' }],
    ['_source.inspectTime', 'date', { note: 'UTC with Z: 2024-10-05T01:30:00.000Z (= 09:30 in Beijing, same day)' }],
    ['_source.orgName', 'lead_unit_id'],
    ['_source.jointOrgNames', 'unit_ids', { note: 'a JSON array of names' }],
    ['_source.jointFlag', 'is_joint', { note: 'true / false' }],
    ['_source.subjectCreditCode', 'subject_id'],
    ['_source.subjectName', 'subject_name'],
    ['_source.enterpriseFlag', 'is_enterprise', { note: '"1" / "0"' }],
    ['_source.inspectTypeName', 'inspection_type'],
    ['_source.taskCode', 'plan_task_id'],
    ['_source.officerNames', 'officer_ids', { note: 'a JSON array of names' }],
    ['_source.problemFound', 'problem_found', { note: 'true / false' }],
    ['_source.resultName', 'result'],
    ['_source.caseNo', 'case_id', { note: 'null unless a case was filed' }],
    ['_source.@timestamp', null, { note: 'the indexing time' }],
  ];
  const TYPE = { 双随机: '双随机一公开', 日常巡查: '日常检查', 专项: '专项检查', 综合查一次: '综合查一次', 投诉核查: '投诉举报核查' };
  const RESULT = { 无问题: '未发现问题', 责令整改: '责令限期整改', 立案: '立案查处', 移送: '移送处理' };
  const officersOf = uniqueOfficers(roster);
  const LEADS = ['ZY01', 'ZH01', 'ZY08', 'ZY03', 'ZY07', 'HY01', 'XZ01', 'ZY04'];
  const lines = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let n = 1; n <= 40; n++) {
    const lead = LEADS[n % LEADS.length];
    const typeKey = ['双随机', '日常巡查', '专项', '综合查一次', '投诉核查'][n % 5];
    const joint = typeKey === '综合查一次';
    const others = joint ? [pick(['ZY01', 'ZY08', 'ZY07', 'ZY03'].filter((u) => u !== lead))] : [];
    const biz = BUSINESSES[(n * 3) % BUSINESSES.length];
    const day = randDate(10, 12);
    let act = `330922${day[0]}${pad(day[1])}${pad(day[2])}${pad(n, 4)}`;
    const resKey = n % 9 === 4 ? '立案' : n % 7 === 2 ? '移送' : n % 3 === 0 ? '责令整改' : '无问题';
    const offs = officersOf(lead);
    const o1 = offs[n % offs.length];
    const o2 = offs[(n + 2) % offs.length];
    let time = `${isoD(day)}T0${int(0, 7)}:${pad(int(0, 59))}:00.000Z`;
    let subj = biz.code;
    let broken = null;
    if (n === 7) {
      act = null;
      broken = '_source.actCode 为 null（离线检查未赋码）/ no inspection id: no key';
    }
    if (n === 31) {
      act = ids[15];
      broken = `actCode ${act} 与第 16 行重复（索引重建后重复写入）/ duplicate key`;
    }
    if (n === 19) {
      time = '2024-11-31T02:10:00.000Z';
      broken = 'inspectTime 2024-11-31 不存在 / impossible required date';
    }
    ids.push(act);
    const taskCode = typeKey === '双随机' ? `SSJ-2024-${pad(int(1, 60), 3)}` : null;
    const caseNo = resKey === '立案' ? `AJ3309222024${pad(200000 + n, 6)}` : null;
    const src = {
      actCode: act, inspectTime: time, orgName: UNITS[lead][0], jointOrgNames: others.map((u) => UNITS[u][0]), jointFlag: joint,
      subjectCreditCode: subj, subjectName: biz.name, enterpriseFlag: biz.kind === 'C' ? '1' : '0', inspectTypeName: TYPE[typeKey], taskCode,
      officerNames: [o1.name, o2.name], problemFound: resKey !== '无问题', resultName: RESULT[resKey], caseNo, '@timestamp': `2025-01-0${int(2, 6)}T1${int(0, 5)}:${pad(int(0, 59))}:${pad(int(0, 59))}.${pad(int(0, 999), 3)}Z`,
    };
    const esId = hex(20);
    lines.push(JSON.stringify({ _index: 'zf_inspection_record_v3', _type: '_doc', _id: esId, _score: 1, _source: src }));
    if (broken) rejected.push({ line: n, why: broken });
    else {
      records.push({ id: [act], enums: { inspection_type: TYPE[typeKey], result: RESULT[resKey] } });
      const w = { inspection_id: act };
      if (n === 1) {
        checks.push({ where: w, field: 'date', expected: isoD(day), why: time });
        checks.push({ where: w, field: 'lead_unit_id', expected: lead, why: UNITS[lead][0] });
        checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: JSON.stringify(src.officerNames) });
        checks.push({ where: w, field: 'is_enterprise', expected: biz.kind === 'C', why: src.enterpriseFlag });
      }
      if (joint && !checks.some((c) => c.field === 'unit_ids')) {
        checks.push({ where: w, field: 'unit_ids', expected: others, why: JSON.stringify(src.jointOrgNames) });
        checks.push({ where: w, field: 'is_joint', expected: true, why: 'true' });
      }
      if (taskCode && !checks.some((c) => c.field === 'plan_task_id')) checks.push({ where: w, field: 'plan_task_id', expected: taskCode, why: 'taskCode' });
      if (caseNo && !checks.some((c) => c.field === 'case_id')) checks.push({ where: w, field: 'case_id', expected: caseNo, why: 'caseNo' });
      if (n === 2) checks.push({ where: w, field: 'problem_found', expected: src.problemFound, why: String(src.problemFound) });
    }
  }
  writeFileSync(join(DIR, file), lines.join('\n') + '\n');
  answer.files.push({
    file, table: 'inspection', workspace: ['units', 'matters', 'officers'], format: 'NDJSON (one Elasticsearch hit per line, elasticdump --type=data) under .json, UTF-8, LF',
    layout: 'each line {"_index","_type","_id","_score","_source":{…}}: the record is _source (flattened as _source.x), the rest is Elasticsearch metadata; record place = line; English camelCase keys; times UTC with Z (all before 08:00Z, so the Beijing day is the same); jointOrgNames and officerNames JSON arrays; enterpriseFlag "1"/"0"; booleans true/false; caseNo null',
    header_rows: [], first_data_row: 1, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { inspection_type: invert(TYPE), result: invert(RESULT) },
    identity: ['inspection_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 07 执法人员 — an SQL*Plus spool of the officer table (GBK, fixed width, pagesize 14)
// ============================================================================================
function file07(roster) {
  const file = '07_执法人员_sqlplus_spool_2024.txt';
  const spec = [
    ['人员编号', 'officer_id', { w: 10 }],
    ['年度', 'year', { w: 6, num: true }],
    ['姓名', 'name', { w: 8 }],
    ['性别', null, { w: 4 }],
    ['身份证号', 'id_number', { w: 18 }],
    ['联系电话', 'phone', { w: 11 }],
    ['所属单位', 'unit_id', { w: 30 }],
    ['岗位层级', 'posting', { w: 8 }],
    ['派驻乡镇', 'township', { w: 8 }],
    ['岗位类别', 'role', { w: 8 }],
    ['专职法审', 'fulltime_reviewer', { w: 8, note: 'Y / N' }],
    ['编制类型', 'staffing_type', { w: 8 }],
    ['执法证号', 'cert_no', { w: 14 }],
    ['发证日期', 'cert_valid_from', { w: 10, note: "Oracle's default NLS_DATE_FORMAT in Chinese: 01-1月 -24" }],
    ['有效期至', 'cert_valid_to', { w: 10 }],
    ['法律职业资格', 'legal_qualification', { w: 12, note: 'Y / N' }],
    ['培训学时', 'training_hours', { w: 8, num: true }],
  ];
  const dw = (s) => [...String(s)].reduce((a, c) => a + (c.codePointAt(0) > 0x7f ? 2 : 1), 0);
  const padR = (s, w) => String(s) + ' '.repeat(Math.max(0, w - dw(s)));
  const padL = (s, w) => ' '.repeat(Math.max(0, w - dw(s))) + String(s);
  const fmtRow = (vals) => spec.map((s, i) => (s[2].num ? padL(vals[i], s[2].w) : padR(vals[i], s[2].w))).join(' ').replace(/\s+$/, '');
  const head = fmtRow(spec.map((s) => s[0]));
  const dash = spec.map((s) => '-'.repeat(s[2].w)).join(' ');
  const oraDate = (d) => (d ? `${pad(d.getUTCDate())}-${d.getUTCMonth() + 1}月 -${String(d.getUTCFullYear()).slice(2)}` : '');
  const POSTING = { 机关: '县级', 乡镇一线: '乡镇' };
  const picked = roster.filter((o, i) => i % 8 === 1).slice(0, 38);
  const out = [];
  out.push("SQL> select rybh 人员编号, nd 年度, xm 姓名, xb 性别, sfzh 身份证号, lxdh 联系电话, ssdw 所属单位, gwcj 岗位层级, pzxz 派驻乡镇, gwlb 岗位类别, zzfs 专职法审, bzlx 编制类型, zfzh 执法证号, fzrq 发证日期, yxqz 有效期至, flzyzg 法律职业资格, pxxs 培训学时 from t_zfry where nd = 2024 order by px;");
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [];
  const keys = [];
  let onPage = 14;
  picked.forEach((o, i) => {
    const n = i + 1;
    if (onPage >= 14) {
      out.push('');
      out.push(head);
      out.push(dash);
      if (n > 1) {
        footer.push({ line: out.length - 1, why: 'the header repeated at the top of a page (pagesize 14)' });
        footer.push({ line: out.length, why: "the header's dashes repeated at the top of a page" });
      }
      onPage = 3;
    }
    let id = o.id;
    let unitName = UNITS[o.unit][0];
    let name = o.name;
    let broken = null;
    if (n === 10) {
      id = '';
      broken = '人员编号为空（NULL，新进人员未编号）/ no officer id: no key';
    }
    if (n === 27) {
      id = keys[5];
      broken = `人员编号 ${id}（2024 年度）与第 6 条重复（调动后两条在岗记录）/ duplicate key`;
    }
    if (n === 18) {
      unitName = '';
      broken = '所属单位为空（NULL）/ required unit empty';
    }
    keys.push(id);
    const sex = Number(o.idNo[16]) % 2 ? '男' : '女';
    const vals = [id, 2024, name, sex, o.idNo, o.phone, unitName, POSTING[o.posting] ?? o.posting, o.town, o.role, o.fulltime === '是' ? 'Y' : 'N', o.staffing, o.cert, oraDate(o.from), oraDate(o.to), o.lq === '是' ? 'Y' : 'N', o.hours];
    out.push(fmtRow(vals));
    onPage++;
    if (broken) rejected.push({ line: out.length, why: broken });
    else {
      records.push({ id: [id, 2024], enums: { posting: POSTING[o.posting] ?? o.posting, role: o.role, staffing_type: o.staffing } });
      const w = { officer_id: id, year: 2024 };
      if (n === 1) {
        checks.push({ where: w, field: 'unit_id', expected: o.unit, why: unitName });
        checks.push({ where: w, field: 'name', expected: name, why: '姓名 (fixed width)' });
        checks.push({ where: w, field: 'id_number', expected: o.idNo, why: '身份证号' });
      }
      if (o.from && !checks.some((c) => c.field === 'cert_valid_from')) checks.push({ where: w, field: 'cert_valid_from', expected: isoD(fromDate(o.from)), why: oraDate(o.from) });
      if (o.to && !checks.some((c) => c.field === 'cert_valid_to')) checks.push({ where: w, field: 'cert_valid_to', expected: isoD(fromDate(o.to)), why: oraDate(o.to) });
      if (o.fulltime === '是' && !checks.some((c) => c.field === 'fulltime_reviewer')) checks.push({ where: w, field: 'fulltime_reviewer', expected: true, why: 'Y' });
      if (o.lq === '否' && !checks.some((c) => c.field === 'legal_qualification')) checks.push({ where: w, field: 'legal_qualification', expected: false, why: 'N' });
      if (o.town && !checks.some((c) => c.field === 'township')) checks.push({ where: w, field: 'township', expected: o.town, why: o.town });
      if (n === 3) checks.push({ where: w, field: 'training_hours', expected: o.hours, why: String(o.hours) });
    }
  });
  out.push('');
  out.push(`已选择 ${picked.length} 行。`);
  footer.push({ line: out.length, why: 'SQL*Plus feedback line 已选择 N 行。' });
  out.push('');
  out.push('SQL> spool off');
  footer.push({ line: out.length, why: 'the spool off command' });
  writeFileSync(join(DIR, file), iconv.encode(out.join('\r\n') + '\r\n', 'gbk'));
  answer.files.push({
    file, table: 'officer', workspace: ['units', 'matters'], format: 'text, GBK, CRLF: an SQL*Plus spool (fixed-width columns, space-aligned by display width — a Chinese character 2 columns)',
    layout: 'line 1 the SQL> SELECT with Chinese column aliases (echoed into the spool), line 2 empty, header line 3, dashes line 4 (column widths), records from line 5; pagesize 14: every 11 records an empty line, the header and the dashes again; numbers right-aligned; NULL as blanks; dates DD-MON-RR in Chinese (05-3月 -24); Y/N flags; at the end 已选择 38 行。 and SQL> spool off. Lines counted physically',
    header_rows: [3, 4], first_data_row: 5, columns: columnsOf(spec.map(([h, f, x]) => [h, f, x.note ? { note: x.note } : {}])), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: { posting: { 县级: '县级', 乡镇: '乡镇' }, role: { 执法: '执法', 法制审核: '法制审核', 管理: '管理', 其他: '其他' }, staffing_type: { 行政编: '行政编', 参公: '参公', 事业编: '事业编', 编外: '编外' } },
    identity: ['officer_id', 'year'], records, value_checks: checks,
  });
}

// ============================================================================================
// 08 投诉举报 — psql \copy (SELECT …) TO … CSV HEADER from a 基层治理 PostgreSQL database
// ============================================================================================
function file08() {
  const file = '08_jczl_ticket_2024h2（psql_copy导出）.csv';
  const spec = [
    ['id', null, { note: 'bigint surrogate key' }],
    ['工单编号', 'complaint_id'],
    ['受理时间', 'received_date', { note: 'timestamptz as psql writes it: 2024-10-05 09:32:17+08' }],
    ['来源渠道', 'channel'],
    ['所属乡镇', 'township'],
    ['承办单位', 'unit_id'],
    ['问题分类', 'domain'],
    ['标签', null, { note: 'a text[] array: {占道经营,夜间} (PostgreSQL array literal)' }],
    ['涉及执法行为', 'about_conduct', { note: 't / f' }],
    ['办理时限', 'deadline_date', { note: 'date 2024-10-12' }],
    ['办结时间', 'closed_date', { note: 'timestamptz, NULL (unquoted empty) while open' }],
    ['满意度', 'satisfaction'],
    ['管辖争议', 'jurisdiction_dispute', { note: 't / f' }],
    ['诉求内容', null, { note: 'free text, quoted when it holds a comma' }],
  ];
  const CHANNEL = { 12345: '12345政务服务便民热线', 投诉举报平台: '浙江省统一投诉举报平台', 基层治理四平台: '基层治理四平台', 执法监督热线: '执法监督热线' };
  const SAT = { 满意: '满意', 基本满意: '基本满意', 不满意: '不满意', 未评价: '未评价' };
  const TOPICS = [['ZH01', '城市管理', '占道经营', '菜园镇沙河路夜市摊位占道经营，影响通行'], ['ZY01', '市场监管', '食品安全', '某饭店后厨卫生差，疑似使用过期食材'], ['ZH01', '城市管理', '噪声扰民', '夜间施工噪声扰民，凌晨仍在作业'], ['ZY03', '文化旅游', '民宿', '民宿价格与网上标价不符，要求退款'], ['ZY04', '交通运输', '非法营运', '码头附近有私家车非法拉客'], ['HY01', '海洋渔业', '违规捕捞', '休渔期有渔船违规出海捕捞'], ['ZY08', '卫生健康', '公共场所', '理发店未办理卫生许可，毛巾消毒不到位'], ['ZY07', '应急管理', '安全生产', '加油站旁违规堆放易燃物品']];
  const lines = [spec.map((x) => x[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  const tsz = ([y, m, d], h, mi, sec) => `${y}-${pad(m)}-${pad(d)} ${pad(h)}:${pad(mi)}:${pad(sec)}+08`;
  for (let n = 1; n <= 40; n++) {
    const [unit, domain, tag, text] = TOPICS[(n * 3) % TOPICS.length];
    const chKey = n % 5 === 0 ? '投诉举报平台' : n % 7 === 0 ? '基层治理四平台' : n % 11 === 0 ? '执法监督热线' : '12345';
    const day = randDate(7, 12);
    let id = `ZJ12345-3309222024${pad(day[1])}${pad(day[2])}${pad(n, 4)}`;
    let received = tsz(day, int(8, 20), int(0, 59), int(0, 59));
    const deadline = fromDate(new Date(Date.UTC(day[0], day[1] - 1, day[2]) + 7 * 86400000));
    const open = n % 8 === 6;
    const closedDay = open ? null : fromDate(new Date(Date.UTC(day[0], day[1] - 1, day[2]) + int(1, 9) * 86400000));
    const satKey = open ? '未评价' : pick(['满意', '满意', '满意', '基本满意', '不满意', '未评价']);
    const conduct = n % 6 === 2;
    const dispute = n % 9 === 4;
    const town = pick(Object.values(TOWN_OF));
    let unitName = UNITS[unit][0];
    let broken = null;
    if (n === 5) {
      id = '';
      broken = '工单编号为 NULL（草稿工单未生成编号）/ no ticket id: no key';
    }
    if (n === 23) {
      id = ids[9];
      broken = `工单编号 ${id} 与第 10 条重复（工单重派后两条记录）/ duplicate key`;
    }
    if (n === 34) {
      received = '2024-09-31 10:05:44+08';
      broken = '受理时间 2024-09-31 不存在 / impossible required date';
    }
    ids.push(id);
    const tags = `{${tag}${n % 4 === 0 ? ',夜间' : ''}}`;
    lines.push([n * 7 + 1000300, id, received, CHANNEL[chKey], town, dispute && n % 2 ? '' : unitName, domain, tags, conduct ? 't' : 'f', isoD(deadline), closedDay ? tsz(closedDay, int(9, 17), int(0, 59), int(0, 59)) : '', SAT[satKey], dispute ? 't' : 'f', `${text}，请尽快处理`].map(csvq).join(','));
    if (broken) rejected.push({ line: n + 1, why: broken });
    else {
      records.push({ id: [id], enums: { channel: CHANNEL[chKey], satisfaction: SAT[satKey] } });
      const w = { complaint_id: id };
      if (n === 1) {
        checks.push({ where: w, field: 'received_date', expected: isoD(day), why: received });
        checks.push({ where: w, field: 'unit_id', expected: unit, why: unitName });
        checks.push({ where: w, field: 'deadline_date', expected: isoD(deadline), why: isoD(deadline) });
        checks.push({ where: w, field: 'about_conduct', expected: conduct, why: conduct ? 't' : 'f' });
      }
      if (conduct && !checks.some((c) => c.field === 'about_conduct' && c.expected === true)) checks.push({ where: w, field: 'about_conduct', expected: true, why: 't' });
      if (dispute && !checks.some((c) => c.field === 'jurisdiction_dispute')) checks.push({ where: w, field: 'jurisdiction_dispute', expected: true, why: 't' });
      if (open && !checks.some((c) => c.field === 'closed_date')) checks.push({ where: w, field: 'closed_date', expected: null, why: 'NULL (unquoted empty)' });
      if (closedDay && n === 2) checks.push({ where: w, field: 'closed_date', expected: isoD(closedDay), why: 'timestamptz +08' });
      if (n === 3) checks.push({ where: w, field: 'township', expected: town, why: town });
    }
  }
  writeFileSync(join(DIR, file), lines.join('\n') + '\n');
  answer.files.push({
    file, table: 'complaint', workspace: ['units', 'matters', 'officers'], format: 'csv as PostgreSQL COPY … CSV HEADER writes it: UTF-8 without BOM, LF',
    layout: "psql \\copy (SELECT … AS \"中文\") TO … WITH (FORMAT csv, HEADER): header line 1; NULL as an unquoted empty field; booleans t / f; timestamptz 2024-10-05 09:32:17+08; a text[] column as an array literal {占道经营,夜间} (quoted when it holds a comma); a bigint id",
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { channel: invert(CHANNEL), satisfaction: invert(SAT) },
    identity: ['complaint_id'], records, value_checks: checks,
  });
}

// ---------------------------------------------------------------- main
if (!existsSync(DIR)) mkdirSync(DIR, { recursive: true });
mkdirSync(TMP, { recursive: true });
const roster = await readRoster();
const matters = await readMatters();
file01();
file02();
await file03(roster, matters);
await file04();
file05();
file06(roster);
file07(roster);
file08();
for (const f of answer.files) {
  f.rows_data = f.rows_loaded + f.rejected.length;
  f.columns_expected = f.columns.filter((c) => c.field).length;
}
writeFileSync(join(DIR, '_answer.json'), JSON.stringify(answer, null, 2) + '\n');
console.log(answer.files.map((f) => `${f.file}: ${f.table}, ${f.columns.length} columns (${f.columns_expected} to find), ${f.rows_data} records = ${f.rows_loaded} + ${f.rejected.length} broken, ${f.footer_lines.length} footer`).join('\n'));

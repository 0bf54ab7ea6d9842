// Writes the third acceptance set (samples/acceptance3) and its answer key _answer.json.
// Run: node samples/acceptance3/_make.mjs
//
// Ten exports imitating county systems and clerks' ledgers in formats and layouts the earlier sets
// did not have (see README.md). The answer key is declared here by hand — every column's expected
// field, every enum text's canonical value, which records are broken and why, the identity and raw
// enum texts of every record written — and never computed by the importer under test.
// Deterministic: the same rows every run. Byte-identical except 04 (.xls written by LibreOffice,
// which stamps its own document dates) and 09 (Parquet written by DuckDB, which stamps its version).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const DIR = dirname(fileURLToPath(import.meta.url));
const SHENGSI = join(DIR, '..', 'shengsi');
const TMP = '/tmp/acc3/make';

// ---------------------------------------------------------------- deterministic helpers
let seed = 20250106;
function rnd() {
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pad = (n, w = 2) => String(n).padStart(w, '0');
const iso = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;
function addDays([y, m, d], n) {
  const t = new Date(Date.UTC(y, m - 1, d) + n * 86400000);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}
const DAYS = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function randDate(fromMonth, toMonth, y = 2024) {
  const m = int(fromMonth, toMonth);
  return [y, m, int(1, DAYS[m - 1] - (m === 2 ? 1 : 0))];
}
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const serial = ([y, m, d]) => Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / 86400000);

const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function uscc(dept, type, area = '330922') {
  const orgBody = Array.from({ length: 8 }, () => (rnd() < 0.85 ? String(int(0, 9)) : pick('ABCDEFGHJKLMNPQRTUWXY'.split('')))).join('');
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const val = (c) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  const s = orgBody.split('').reduce((a, c, i) => a + val(c) * w[i], 0);
  const c9 = 11 - (s % 11);
  const org = orgBody + (c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9));
  const body = `${dept}${type}${area}${org}`;
  const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = body.split('').reduce((a, c, i) => a + USCC_CHARS.indexOf(c) * W[i], 0);
  return body + USCC_CHARS[(31 - (sum % 31)) % 31];
}
function idNumber(area, y, m, d, seq) {
  const body = `${area}${y}${pad(m)}${pad(d)}${pad(seq, 3)}`;
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const s = body.split('').reduce((a, c, i) => a + Number(c) * W[i], 0);
  return body + '10X98765432'[s % 11];
}
/** 330***********1234: how published and exported lists mask a resident ID number. */
const maskId = (id) => `${id.slice(0, 3)}${'*'.repeat(11)}${id.slice(-4)}`;
const money2 = (n) => n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
/** 大写 amounts for the round sums a fine is (no inner zeros in the values used). */
function daxie(n) {
  const D = '零壹贰叁肆伍陆柒捌玖';
  const parts = [];
  const wan = Math.floor(n / 10000);
  let rest = n % 10000;
  if (wan) parts.push(`${D[wan]}万`);
  for (const [u, name] of [[1000, '仟'], [100, '佰'], [10, '拾']]) {
    const q = Math.floor(rest / u);
    if (q) parts.push(`${D[q]}${name}`);
    rest %= u;
  }
  if (rest) parts.push(D[rest]);
  return `${parts.join('')}元`;
}
const xmlEsc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

// ---------------------------------------------------------------- county reference (samples/shengsi)
const UNITS = {
  ZH01: ['嵊泗县综合行政执法局', '综合执法局', ['县综合行政执法局', '县综合执法局']],
  ZY01: ['嵊泗县市场监督管理局', '市场监管局', ['县市场监管局']],
  ZY02: ['舟山市生态环境局嵊泗分局', '生态环境分局', ['嵊泗生态环境分局']],
  ZY03: ['嵊泗县文化和广电旅游体育局', '文广旅体局', ['县文广旅体局']],
  ZY04: ['嵊泗县交通运输局', '交通运输局', ['县交通运输局']],
  ZY05: ['嵊泗县农业农村局', '农业农村局', ['县农业农村局']],
  ZY06: ['嵊泗县自然资源和规划局', '资规局', ['县资规局']],
  ZY07: ['嵊泗县应急管理局', '应急管理局', ['县应急管理局']],
  ZY08: ['嵊泗县卫生健康局', '卫健局', ['县卫健局']],
  HY01: ['嵊泗县海洋综合行政执法队', '海洋执法队', ['县海洋执法队']],
  XZ01: ['嵊泗县菜园镇人民政府', '菜园镇', ['菜园中队']],
  XZ02: ['嵊泗县嵊山镇人民政府', '嵊山镇', ['嵊山中队']],
  XZ03: ['嵊泗县洋山镇人民政府', '洋山镇', ['洋山镇综合行政执法队']],
  XZ04: ['嵊泗县五龙乡人民政府', '五龙乡', ['五龙中队']],
  XZ05: ['嵊泗县黄龙乡人民政府', '黄龙乡', ['黄龙中队']],
  XZ06: ['嵊泗县枸杞乡人民政府', '枸杞乡', ['枸杞执法点']],
  XZ07: ['嵊泗县花鸟乡人民政府', '花鸟乡', ['花鸟执法点']],
};
const UNIT_BY_NAME = Object.fromEntries(Object.entries(UNITS).map(([id, u]) => [u[0], id]));
const SHORT_TO_ID = Object.fromEntries(Object.entries(UNITS).map(([id, u]) => [u[1], id]));
const TOWN_OF = { XZ01: '菜园镇', XZ02: '嵊山镇', XZ03: '洋山镇', XZ04: '五龙乡', XZ05: '黄龙乡', XZ06: '枸杞乡', XZ07: '花鸟乡' };

async function readSheet(file) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(join(SHENGSI, file));
  const rows = [];
  wb.worksheets[0].eachRow((r, i) => rows.push({ i, v: r.values.slice(1) }));
  return rows;
}
async function readRoster() {
  const rows = await readSheet('执法人员花名册_2024年.xlsx');
  return rows.filter((r) => r.i > 2).map(({ v }) => ({
    id: v[0], name: v[2], idNo: String(v[3]), phone: String(v[4]), unit: UNIT_BY_NAME[v[5]], posting: v[6], town: v[7] ?? '',
    role: v[8], fulltime: v[9], staffing: v[10], cert: v[11] ?? '', from: v[12] ?? null, to: v[13] ?? null, lq: v[14], hours: v[15],
  }));
}
async function readMatters() {
  const rows = await readSheet('执法事项目录清单（2024年版）.xlsx');
  return rows.filter((r) => r.i > 1).map(({ v }) => ({
    code: String(v[0]), name: v[1], domain: v[2], power: v[3], owner: v[4], ownerShort: v[5], transferred: v[6], from: v[7] ?? '',
    hf: v[8], min: v[9], max: v[10], version: v[11], eff: v[12], rev: v[13] ?? '', pub: v[14],
  }));
}

const BUSINESSES = [
  ['嵊泗县海韵旅游开发有限公司', 'C', '菜园镇'], ['嵊泗县东海渔业有限公司', 'C', '嵊山镇'], ['舟山市嵊泗港隆物流有限公司', 'C', '洋山镇'],
  ['嵊泗县金沙湾酒店管理有限公司', 'C', '五龙乡'], ['嵊泗县枸杞乡贻贝养殖专业合作社', 'H', '枸杞乡'], ['嵊泗县黄龙岛海钓俱乐部有限公司', 'C', '黄龙乡'],
  ['嵊泗县花鸟岛灯塔民宿有限公司', 'C', '花鸟乡'], ['嵊泗县马鞍列岛船务有限公司', 'C', '嵊山镇'], ['嵊泗县海之星超市有限公司', 'C', '菜园镇'],
  ['嵊泗县新城建材有限公司', 'C', '菜园镇'], ['舟山鸿运汽车维修有限公司嵊泗分公司', 'C', '菜园镇'], ['嵊泗县天悦娱乐有限公司', 'C', '菜园镇'],
  ['嵊泗县海岛燃气有限公司', 'C', '菜园镇'], ['嵊泗县菜园镇阿敏海鲜排档', 'G', '菜园镇'], ['嵊泗县菜园镇老杨小吃店', 'G', '菜园镇'],
  ['嵊泗县嵊山镇海哥渔家乐', 'G', '嵊山镇'], ['嵊泗县五龙乡会城农家乐', 'G', '五龙乡'], ['嵊泗县黄龙乡东咀头小卖部', 'G', '黄龙乡'],
  ['嵊泗县枸杞乡王家民宿', 'G', '枸杞乡'], ['嵊泗县花鸟乡岛上咖啡馆', 'G', '花鸟乡'], ['嵊泗县洋山镇港口快餐店', 'G', '洋山镇'],
  ['嵊泗县菜园镇顺发五金店', 'G', '菜园镇'], ['嵊泗县洋山镇小陈水产经营部', 'G', '洋山镇'], ['嵊泗县菜园镇益康大药房', 'G', '菜园镇'],
  ['嵊泗县嵊山镇后头湾民宿', 'G', '嵊山镇'], ['嵊泗县五龙乡边礁岙烧烤店', 'G', '五龙乡'],
].map(([name, kind, town]) => ({ name, kind, town, code: kind === 'C' ? uscc('9', '1') : kind === 'G' ? uscc('9', '2') : uscc('9', '3') }));
const PERSONS = [
  ['沈国华', 1970], ['方海军', 1982], ['邵美娟', 1967], ['虞建平', 1978], ['林晓燕', 1991], ['贺志远', 1986], ['俞小芳', 1994],
  ['钱永福', 1968], ['顾春花', 1989], ['翁伟民', 1975], ['乐海霞', 1984], ['应斌', 1996],
].map(([name, y], i) => ({ name, idNo: idNumber('330922', y, int(1, 12), int(1, 28), 200 + i * 7) }));

// ---------------------------------------------------------------- answer key
const answer = {
  note:
    'Answer key of samples/acceptance3, declared by hand in _make.mjs (never computed by the importer). ' +
    'columns[i] is the i-th column of the table as a person reads it (after joining two header rows); field null = must stay unmapped; accept = other outcomes not counted as wrong. ' +
    'rejected = records that must be rejected (line = physical line for text, sheet row for workbooks and HTML, record place for JSON/JSONL/Parquet; sheet = which sheet); ' +
    'footer_lines = lines that are no record (totals, subtotals, repeated headers, page lines, notes): rejected or skipped, either is right. ' +
    'enums: canonical value expected for each raw text (null = stays empty); records: the identity and raw enum texts of every record that must load. ' +
    'value_checks: stored values of single rows, found by their key.',
  files: [],
};
function columnsOf(spec) {
  return spec.map(([header, field, extra = {}], index) => ({ index, header, field, ...extra }));
}

// ---------------------------------------------------------------- workbook helpers
function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Administrator';
  wb.lastModifiedBy = 'Administrator';
  wb.created = new Date(Date.UTC(2025, 0, 6, 1, 30));
  wb.modified = new Date(Date.UTC(2025, 0, 6, 1, 30));
  return wb;
}
async function saveWorkbook(wb, path) {
  const buf = await wb.xlsx.writeBuffer();
  const { default: JSZip } = await import('jszip');
  const src = await JSZip.loadAsync(buf);
  const zip = new JSZip();
  const date = new Date(Date.UTC(2025, 0, 6, 1, 30));
  for (const name of Object.keys(src.files).sort()) {
    const e = src.files[name];
    if (!e.dir) zip.file(name, await e.async('uint8array'), { date, createFolders: false });
  }
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
}
const THIN = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
function setRow(ws, r, cells, width) {
  for (let i = 0; i < width; i++) {
    const v = cells[i];
    const c = ws.getCell(r, i + 1);
    c.border = THIN;
    if (v === undefined || v === null || v === '') continue;
    if (typeof v === 'object' && 'numFmt' in v) {
      c.value = v.value;
      c.numFmt = v.numFmt;
    } else c.value = v;
  }
}
const dateCell = ([y, m, d], fmt = 'yyyy-mm-dd') => ({ value: new Date(Date.UTC(y, m - 1, d)), numFmt: fmt });

// ============================================================================================
// 01 行政处罚案件 — an .xls that is an HTML page (a Java case system's 导出Excel)
// ============================================================================================
function file01(roster, matters) {
  const file = '01_行政处罚案件查询结果_20250106093122.xls';
  const spec = [
    ['序号', null],
    ['立案时间', 'filed_date'],
    ['案件编号', 'case_id'],
    ['案件名称', null, { note: 'the case title (当事人+案由+案): not the party, not the matter' }],
    ['执法事项', 'matter_code', { note: 'matter names of the catalogue' }],
    ['执法主体', 'unit_id'],
    ['承办科室', null, { note: 'an inner section (城管执法一中队): no unit of the county list' }],
    ['程序类型', 'procedure'],
    ['案件来源', 'source'],
    ['当事人类型', 'party_type'],
    ['当事人名称', 'party_name'],
    ['证件号码', 'party_id'],
    ['处罚种类', 'penalty_types'],
    ['罚款金额', 'fine_amount'],
    ['没收违法所得', 'confiscation_amount'],
    ['处罚决定日期', 'decision_date'],
    ['结案日期', 'closed_date'],
    ['是否重大案件', 'major_case'],
    ['是否听证', 'hearing'],
    ['执行情况', null, { note: '已执行/未执行: a status, not the executed date' }],
    ['承办人员', 'officer_ids'],
    ['案件状态', null],
  ];
  const PROC = { 简易: '1-简易程序', 普通: '2-普通程序' };
  const SRC = [['01-日常检查发现', '检查'], ['02-投诉举报', '投诉举报'], ['03-12345热线交办', '12345'], ['04-部门移送', '移送'], ['05-上级交办', '其他'], ['99-其他', '其他']];
  const PARTY = { 个人: '自然人', 单位: '法人', 组织: '其他组织' };
  const SECTION = { ZH01: '城管执法一中队', ZY01: '市场监管执法大队', HY01: '海洋执法一中队', XZ01: '菜园中队', XZ03: '洋山镇综合行政执法队' };
  const PREFIX = { ZH01: '嵊综执罚', ZY01: '嵊市监罚', HY01: '嵊海执罚', XZ01: '嵊菜执罚', XZ03: '嵊洋执罚' };
  const OWNER = { ZH01: '综合执法局', ZY01: '市场监管局', HY01: '海洋执法队', XZ01: '综合执法局', XZ03: '洋山镇' };
  const FINES = [200, 500, 800, 1000, 1500, 2000, 3000, 5000, 8000, 10000, 15000, 20000];
  const unitIds = Object.keys(PREFIX);
  const rows = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const seq = Object.fromEntries(unitIds.map((u) => [u, 0]));
  const N = 42;
  for (let n = 1; n <= N; n++) {
    const unit = unitIds[(n - 1) % unitIds.length];
    seq[unit] += 1;
    const caseId = `${PREFIX[unit]}〔2024〕第${pad(seq[unit] * 3 + 2, 4)}号`;
    const ms = matters.filter((m) => m.ownerShort === OWNER[unit] && m.power === '行政处罚');
    const matter = ms[(n * 7) % ms.length];
    const procedure = n % 4 === 0 ? '简易' : '普通';
    const [srcText] = SRC[n % SRC.length];
    const isPerson = n % 3 === 0;
    const party = isPerson ? PERSONS[n % PERSONS.length] : BUSINESSES[n % BUSINESSES.length];
    const partyType = isPerson ? '个人' : party.kind === 'H' ? '组织' : '单位';
    const partyId = isPerson ? maskId(party.idNo) : party.code;
    const filed = randDate(1, 10);
    const decided = addDays(filed, procedure === '简易' ? 0 : int(12, 60));
    const closed = addDays(decided, int(3, 20));
    const fine = procedure === '简易' ? pick([50, 100, 200]) : pick(FINES);
    const form = n % 5;
    const fineText = form === 0 ? `${money2(fine)}元` : form === 1 ? `${fine / 10000}万元` : form === 2 ? daxie(fine) : form === 3 ? String(fine) : `${fine}.00`;
    const conf = n % 7 === 3 ? `${money2(1200 + n * 10)}元` : n % 7 === 5 ? '0.00元' : '';
    const officers = roster.filter((o) => o.unit === unit && o.cert);
    const o1 = officers[(n * 3) % officers.length];
    const o2 = officers[(n * 3 + 1) % officers.length];
    const offText = `${o1.name}(${o1.cert})、${o2.name}(${o2.cert})`;
    const hh = int(8, 17);
    const mi = int(0, 59);
    let filedText = `${filed[0]}年${filed[1]}月${filed[2]}日 ${hh}:${pad(mi)}`;
    let id = caseId;
    let broken = null;
    if (n === 17) {
      id = '';
      broken = '案件编号为空（暂存案件）/ no case number: no key';
    }
    if (n === 33) {
      filedText = '2024年2月30日 09:00';
      broken = '立案时间 2024年2月30日 不存在 / filed date 2024-02-30 does not exist (required date)';
    }
    const cells = [
      String(n), filedText, id, `${isPerson ? party.name.slice(0, 1) + '某某' : party.name}${matter.name.replace(/^对/, '').replace(/的行政处罚$/, '')}案`,
      matter.name, n % 2 ? UNITS[unit][0] : UNITS[unit][1], SECTION[unit], PROC[procedure], srcText, PARTY[partyType], party.name, partyId,
      conf ? '罚款；没收违法所得' : n % 9 === 0 ? '警告；罚款' : '罚款', fineText, conf,
      `${iso(...decided)} 00:00:00.0`, `${closed[0]}${pad(closed[1])}${pad(closed[2])}`, n % 11 === 0 ? '是' : '否', n % 11 === 0 ? '是' : '否',
      n % 6 === 0 ? '未执行' : '已执行', offText, n % 6 === 0 ? '执行中' : '已结案',
    ];
    rows.push(cells);
    const line = rows.length + 3; // title, 导出 line, header above
    if (broken) rejected.push({ line, why: broken });
    else {
      records.push({ id: [caseId], enums: { procedure: PROC[procedure], source: srcText, party_type: PARTY[partyType] } });
      if (n === 1) checks.push({ where: { case_id: caseId }, field: 'filed_date', expected: iso(...filed), why: filedText });
      if (n === 1) checks.push({ where: { case_id: caseId }, field: 'decision_date', expected: iso(...decided), why: `${iso(...decided)} 00:00:00.0 (java.sql.Timestamp)` });
      if (n === 1) checks.push({ where: { case_id: caseId }, field: 'closed_date', expected: iso(...closed), why: '8-digit yyyymmdd' });
      if ([1, 2, 3, 4, 5].includes(n)) checks.push({ where: { case_id: caseId }, field: 'fine_amount', expected: fine, why: fineText });
      if (n === 3) checks.push({ where: { case_id: caseId }, field: 'party_id', expected: null, why: `masked id ${partyId}: no one` });
      if (n === 2) checks.push({ where: { case_id: caseId }, field: 'party_id', expected: partyId, why: 'credit code' });
      if (n === 10) checks.push({ where: { case_id: caseId }, field: 'confiscation_amount', expected: 1200 + n * 10, why: conf });
      if (n === 2) checks.push({ where: { case_id: caseId }, field: 'officer_ids', expected: [o1.id, o2.id], why: offText });
      if (n === 2) checks.push({ where: { case_id: caseId }, field: 'unit_id', expected: unit, why: cells[5] });
      if (n === 2) checks.push({ where: { case_id: caseId }, field: 'matter_code', expected: matter.code, why: 'matter by name' });
      if (n === 11) checks.push({ where: { case_id: caseId }, field: 'major_case', expected: true, why: '是' });
    }
  }
  const total = rows.length + 4;
  const footer = [{ line: total, why: '合计行 / the total line' }];
  const th = spec.map(([h]) => `<th style="background:#D9E1F2">${h}</th>`).join('');
  const tr = rows
    .map((c) => `<tr>${c.map((v, i) => `<td${[2, 11].includes(i) ? ` style="mso-number-format:'\\@'"` : ''}>${xmlEsc(v)}</td>`).join('')}</tr>`)
    .join('\r\n');
  const html = `<html xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns="http://www.w3.org/TR/REC-html40">\r
<head>\r
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8">\r
<style>td{mso-number-format:General;border:.5pt solid windowtext;} .title{font-size:16pt;font-weight:700;text-align:center}</style>\r
<!--[if gte mso 9]><xml><x:ExcelWorkbook><x:ExcelWorksheets><x:ExcelWorksheet><x:Name>案件查询结果</x:Name><x:WorksheetOptions><x:DisplayGridlines/></x:WorksheetOptions></x:ExcelWorksheet></x:ExcelWorksheets></x:ExcelWorkbook></xml><![endif]-->\r
</head>\r
<body>\r
<table border="1" cellspacing="0" cellpadding="0">\r
<tr><td colspan="${spec.length}" class="title">行政处罚案件查询结果</td></tr>\r
<tr><td colspan="${spec.length}">导出时间：2025-01-06 09:31:22　　导出人：综合执法局法制科　　查询条件：立案时间 2024-01-01 至 2024-12-31</td></tr>\r
<tr>${th}</tr>\r
${tr}\r
<tr><td>合计</td><td colspan="12">共 ${rows.length} 件</td><td>—</td><td colspan="${spec.length - 14}"></td></tr>\r
</table>\r
</body>\r
</html>\r
`;
  writeFileSync(join(DIR, file), html, 'utf8');
  answer.files.push({
    file, table: 'penalty_case', workspace: ['units', 'matters', 'officers'], format: 'html',
    layout: 'HTML table under an .xls name (UTF-8 meta); row 1 title (colspan), row 2 export line (colspan), header row 3 (<th>), data from row 4, a 合计 row at the end',
    header_rows: [3], first_data_row: 4, columns: columnsOf(spec), rows_loaded: N - rejected.length, rejected, footer_lines: footer,
    enums: {
      procedure: { '1-简易程序': '简易', '2-普通程序': '普通' },
      source: Object.fromEntries(SRC),
      party_type: { 自然人: '个人', 法人: '单位', 其他组织: '单位' },
    },
    enum_accept: { source: { '05-上级交办': ['移送'] } },
    identity: ['case_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 02 投诉举报 — a 12345 platform's JSON API answer saved as a file (MyBatis-Plus page)
// ============================================================================================
function file02() {
  const file = '02_12345工单接口数据_2024年第四季度.json';
  const spec = [
    ['id', null, { note: 'the database row id (a snowflake number), not the ticket number' }],
    ['orderNo', 'complaint_id'],
    ['title', null],
    ['content', null],
    ['acceptTime', 'received_date', { note: 'milliseconds since 1970 (Jackson default); the day in Beijing' }],
    ['sourceChannel', 'channel'],
    ['streetName', 'township'],
    ['handleDeptName', 'unit_id'],
    ['eventTypeName', 'domain'],
    ['involveLawEnforcement', 'about_conduct'],
    ['limitTime', 'deadline_date'],
    ['finishTime', 'closed_date'],
    ['satisfactionName', 'satisfaction'],
    ['isDispute', 'jurisdiction_dispute'],
    ['citizenName', null],
    ['citizenPhone', null],
    ['status', null],
  ];
  const CH = [['12345热线', '12345'], ['浙江省统一投诉举报平台', '投诉举报平台'], ['110社会联动', '110联动'], ['基层治理四平台', '基层治理四平台'], ['执法监督投诉热线', '执法监督热线'], ['浙里办', null]];
  const SAT = [['满意', '满意'], ['基本满意', '基本满意'], ['不满意', '不满意'], ['未回访', '未评价']];
  const TYPES = [['城市管理-占道经营', 'ZH01'], ['城市管理-噪声扰民', 'ZH01'], ['市场监管-食品安全', 'ZY01'], ['市场监管-价格欺诈', 'ZY01'], ['海洋渔业-违规捕捞', 'HY01'], ['生态环境-油烟污染', 'ZY02'], ['卫生健康-非法行医', 'ZY08'], ['交通运输-非法营运', 'ZY04']];
  const records = [];
  const rejected = [];
  const checks = [];
  const out = [];
  const N = 44;
  let snow = 1843829178237452000n;
  for (let n = 1; n <= N; n++) {
    snow += BigInt(int(1000, 90000));
    const [chText] = CH[n % CH.length];
    const [type, unit] = TYPES[n % TYPES.length];
    const town = pick(Object.values(TOWN_OF));
    const day = randDate(10, 12);
    const hh = n % 5 === 0 ? 23 : int(8, 20); // 23:xx Beijing is 15:xx UTC the same day; the ms value is zone-free
    const mi = int(0, 59);
    const ms = Date.UTC(day[0], day[1] - 1, day[2], hh - 8, mi, int(0, 59));
    const limit = addDays(day, 15);
    const done = n % 8 !== 7;
    const fin = addDays(day, int(2, 20));
    const [sat] = done ? SAT[n % SAT.length] : [null];
    let orderNo = `ZJ${day[0]}${pad(day[1])}${pad(day[2])}${pad(n * 37, 6)}`;
    let accept = ms;
    let broken = null;
    if (n === 12) { orderNo = null; broken = 'orderNo 为空 / no ticket number: no key'; }
    if (n === 29) { accept = null; broken = 'acceptTime 为空 / no received date (required)'; }
    const unitText = n % 3 === 0 ? UNITS[unit][1] : n % 3 === 1 ? UNITS[unit][0] : UNITS[unit][2][0];
    const rec = {
      id: snow.toString(),
      orderNo,
      title: `${town}${type.split('-')[1]}问题`,
      content: `市民反映${town}某处存在${type.split('-')[1]}情况，要求相关部门处理。`,
      acceptTime: accept,
      sourceChannel: chText,
      streetName: town,
      handleDeptName: unitText,
      eventTypeName: type,
      involveLawEnforcement: n % 9 === 4,
      limitTime: `${iso(...limit)} 17:30:00`,
      finishTime: done ? `${iso(...fin)} ${pad(int(9, 17))}:${pad(int(0, 59))}:${pad(int(0, 59))}` : null,
      satisfactionName: sat,
      isDispute: n % 10 === 6 ? 1 : 0,
      citizenName: `${pick(['张', '王', '李', '陈', '周'])}**`,
      citizenPhone: `1${int(30, 89)}****${pad(int(0, 9999), 4)}`,
      status: done ? '已办结' : '办理中',
    };
    out.push(rec);
    if (broken) rejected.push({ line: n, why: broken });
    else {
      records.push({ id: [orderNo], enums: { channel: chText, ...(sat ? { satisfaction: sat } : {}) } });
      if (n === 5) checks.push({ where: { complaint_id: orderNo }, field: 'received_date', expected: iso(...day), why: `acceptTime ${ms} = ${iso(...day)} 23:${pad(mi)} Beijing (15:${pad(mi)} UTC)` });
      if (n === 1) checks.push({ where: { complaint_id: orderNo }, field: 'received_date', expected: iso(...day), why: `acceptTime ${ms}` });
      if (n === 1) checks.push({ where: { complaint_id: orderNo }, field: 'unit_id', expected: unit, why: unitText });
      if (n === 1) checks.push({ where: { complaint_id: orderNo }, field: 'closed_date', expected: iso(...fin), why: rec.finishTime });
      if (n === 4) checks.push({ where: { complaint_id: orderNo }, field: 'about_conduct', expected: true, why: 'JSON true' });
      if (n === 6) checks.push({ where: { complaint_id: orderNo }, field: 'jurisdiction_dispute', expected: true, why: 'isDispute 1' });
      if (n === 7) checks.push({ where: { complaint_id: orderNo }, field: 'closed_date', expected: null, why: 'finishTime null (办理中)' });
    }
  }
  const body = { code: 0, msg: '操作成功', data: { records: out, total: N, size: 500, current: 1, orders: [], optimizeCountSql: true, searchCount: true, pages: 1 } };
  // Jackson writes a long as a number; keep the snowflake id exact by writing it unquoted
  const text = JSON.stringify(body).replace(/"id":"(\d+)"/g, '"id":$1');
  writeFileSync(join(DIR, file), text, 'utf8');
  answer.files.push({
    file, table: 'complaint', workspace: ['units', 'matters', 'officers'], format: 'json',
    layout: 'one JSON object {code,msg,data:{records:[…],total,size,current,pages}}; English camelCase keys; acceptTime as epoch milliseconds; booleans and 0/1; nulls',
    header_rows: [], first_data_row: 1, columns: columnsOf(spec), rows_loaded: N - rejected.length, rejected, footer_lines: [],
    enums: { channel: Object.fromEntries(CH), satisfaction: Object.fromEntries(SAT) },
    enum_accept: { channel: { 浙里办: ['投诉举报平台', '12345'] } },
    identity: ['complaint_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 03 执法事项目录 — GB18030 tab-separated text from a 权力事项库 export; header cells with line breaks
// ============================================================================================
function file03(matters) {
  const file = '03_嵊泗县行政执法事项目录_事项库导出.csv';
  const spec = [
    ['序号', null],
    ['事项基本编码', 'matter_code'],
    ['实施编码', null, { note: 'the implementing code (unit credit code + basic code): not the catalogue key' }],
    ['权力事项名称', 'name'],
    ['权力类型', 'power_type'],
    ['所属领域\n（行业）', 'domain'],
    ['行使层级', null],
    ['执法队伍\n类型', 'owner_type'],
    ['实施主体', 'owner_unit_id'],
    ['是否划转\n综合执法', 'transferred'],
    ['划转前所属\n行业领域', 'from_domain'],
    ['高频\n事项', 'high_frequency'],
    ['罚款下限\n（元）', 'fine_min'],
    ['罚款上限\n（元）', 'fine_max'],
    ['目录版本', 'catalogue_version'],
    ['生效日期', 'effective_date'],
    ['最近调整\n日期', 'revised_date'],
    ['是否向社会\n公布', 'published'],
    ['设定依据', null],
    ['备注', null],
    ['', null, { note: 'empty trailing column (header and cells empty)' }],
    ['', null, { note: 'empty trailing column (header and cells empty)' }],
  ];
  const POWER = { 行政处罚: '02-行政处罚', 行政强制: '03-行政强制', 行政检查: '06-行政检查' };
  const OWNER = { 综合: '综合行政执法', 专业: '专业部门执法', 海洋: '海洋综合执法', 乡镇: '乡镇（街道）' };
  const picked = [];
  const byOwner = {};
  for (const m of matters) (byOwner[m.ownerShort + m.power + m.domain] ??= []).push(m);
  for (const list of Object.values(byOwner)) picked.push(...list.slice(0, list.length > 20 ? 2 : 1));
  const sel = picked.slice(0, 40);
  const lines = [];
  const W = spec.length;
  const q = (s) => (/[\t"\n]/.test(s) ? `"${String(s).replace(/"/g, '""')}"` : String(s));
  lines.push(spec.map(([h]) => q(h)).join('\t'));
  const rejected = [];
  const records = [];
  const checks = [];
  let line = 3; // the header occupies two physical lines per line-break cell: counted below
  const headerLines = lines[0].split('\n').length;
  line = headerLines + 1;
  sel.forEach((m, i) => {
    const n = i + 1;
    const fmt = (v, k) => {
      if (v === null || v === undefined || v === '') return '—';
      const f = (n + k) % 4;
      if (f === 0) return money2(v);
      if (f === 1) return `${v / 10000}万元`;
      if (f === 2 && v < 100000 && /^[1-9]+0*$/.test(String(v))) return daxie(v);
      return `${money2(v)}元`;
    };
    const fineMin = m.min ?? null;
    const fineMax = m.max ?? null;
    const minText = m.power === '行政处罚' ? fmt(fineMin, 0) : '/';
    const maxText = m.power === '行政处罚' ? fmt(fineMax, 1) : '/';
    const eff = String(m.eff).replace(/-/g, '');
    const rev = m.rev ? String(m.rev).replace(/^(\d{4})\.0?(\d+)\.0?(\d+)$/, '$1-$2-$3') : '';
    let code = m.code;
    let broken = null;
    let basis = `《${m.domain === '城市管理' ? '城市市容和环境卫生管理条例' : '中华人民共和国行政处罚法'}》第${int(10, 60)}条`;
    if (n === 9) { code = ''; broken = '事项基本编码为空（子项）/ no matter code: no key'; }
    let cells = [String(n), code, code ? `11330922${pad(int(10000000, 99999999), 8)}${code}` : '', m.name, POWER[m.power], m.domain, '县级', OWNER[m.owner], m.ownerShort,
      m.transferred === '是' ? 'Y' : 'N', m.from || '', m.hf === '是' ? '√' : '', minText, maxText, m.version, n % 3 === 0 ? `${eff.slice(0, 4)}-${Number(eff.slice(4, 6))}-${Number(eff.slice(6))}` : eff,
      rev, m.pub === '是' ? '是' : '否', basis, n === 5 ? '经办人：王𬭊' : '', '', ''];
    let text = cells.map(q).join('\t');
    if (n === 23) {
      // a tab typed inside 设定依据 (copied from a Word table), unquoted: one field too many
      text = text.replace(basis, basis.replace('》', '》\t'));
      broken = '设定依据中夹带一个未加引号的制表符，多出一列 / an unquoted tab inside 设定依据: one field too many (ragged)';
    }
    lines.push(text);
    if (broken) rejected.push({ line, why: broken });
    else {
      records.push({ id: [code], enums: { power_type: POWER[m.power], owner_type: OWNER[m.owner] } });
      if (m.power === '行政处罚' && fineMin != null && checks.filter((c) => c.field === 'fine_min').length < 4 && !/^\//.test(minText) && minText !== '—')
        checks.push({ where: { matter_code: code }, field: 'fine_min', expected: fineMin, why: minText });
      if (m.power === '行政处罚' && fineMax != null && checks.filter((c) => c.field === 'fine_max').length < 4 && maxText !== '—')
        checks.push({ where: { matter_code: code }, field: 'fine_max', expected: fineMax, why: maxText });
      if (n === 1) checks.push({ where: { matter_code: code }, field: 'effective_date', expected: String(m.eff), why: eff });
      if (n === 3) checks.push({ where: { matter_code: code }, field: 'effective_date', expected: String(m.eff), why: cells[15] });
      if (n === 1) checks.push({ where: { matter_code: code }, field: 'owner_unit_id', expected: SHORT_TO_ID[m.ownerShort], why: m.ownerShort });
      if (m.transferred === '是' && !checks.some((c) => c.field === 'transferred')) checks.push({ where: { matter_code: code }, field: 'transferred', expected: true, why: 'Y' });
      if (m.hf === '是' && !checks.some((c) => c.field === 'high_frequency')) checks.push({ where: { matter_code: code }, field: 'high_frequency', expected: true, why: '√' });
    }
    line += text.split('\n').length;
  });
  const text = lines.join('\r\n') + '\r\n';
  writeFileSync(join(DIR, file), iconv.encode(text, 'gb18030'));
  answer.files.push({
    file, table: 'matter', workspace: ['units'], format: 'csv', encoding: 'gb18030', delimiter: '\t',
    layout: 'GB18030, tab-separated, CRLF, header on line 1 with line breaks inside quoted cells (Alt+Enter), two empty trailing columns',
    header_rows: [1], first_data_row: headerLines + 1, columns: columnsOf(spec), rows_loaded: sel.length - rejected.length, rejected, footer_lines: [],
    enums: {
      power_type: { '02-行政处罚': '处罚', '03-行政强制': '强制', '06-行政检查': '检查' },
      owner_type: { 综合行政执法: '综合', 专业部门执法: '专业', 海洋综合执法: '海洋', '乡镇（街道）': '乡镇' },
    },
    identity: ['matter_code'], records, value_checks: checks,
  });
}

// ============================================================================================
// 04 执法人员 — an old binary .xls (BIFF8, written by LibreOffice as 执法证件管理系统 exports are)
// ============================================================================================
async function file04(roster) {
  const file = '04_行政执法人员信息导出.xls';
  const spec = [
    ['姓名', 'name'],
    ['性别', null],
    ['证件号码', 'id_number', { note: 'masked 330***********1234: loads empty' }],
    ['所在单位', 'unit_id'],
    ['执法证号', 'cert_no'],
    ['发证日期', 'cert_valid_from'],
    ['执法证\n有效期至', 'cert_valid_to'],
    ['执法证状态', null],
    ['执法类别', null],
    ['工作岗位', 'role'],
    ['是否专职\n法制审核员', 'fulltime_reviewer'],
    ['人员性质', 'staffing_type'],
    ['岗位层级', 'posting'],
    ['下沉乡镇', 'township'],
    ['年度培训\n学时', 'training_hours'],
    ['法律职业\n资格', 'legal_qualification'],
    ['统计年度', 'year'],
    ['人员编号', 'officer_id'],
    ['联系方式', 'phone', { accept: [], note: 'masked mobile 136****8647' }],
    ['备注', null],
  ];
  const ROLE = { 执法: '一线执法', 法制审核: '法制审核岗', 管理: '综合管理', 其他: '后勤保障' };
  const STAFF = { 行政编: '行政编制', 参公: '参照公务员管理', 事业编: '事业编制', 编外: '编外（协管）' };
  const POST = { 机关: '1-县本级', 乡镇一线: '2-乡镇（街道）' };
  const CAT = { ZH01: '综合执法', ZY01: '市场监管', HY01: '海洋渔业', ZY07: '应急管理', ZY08: '卫生健康' };
  const people = roster.filter((o) => CAT[o.unit]).filter((_, i) => i % 4 === 0).slice(0, 40);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('人员信息');
  const W = spec.length;
  ws.getCell(1, 1).value = '嵊泗县行政执法人员信息表';
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(2, 1).value = '导出时间：2025-01-06　数据范围：嵊泗县';
  ws.mergeCells(2, 1, 2, W);
  setRow(ws, 3, spec.map(([h]) => h), W);
  ws.getRow(3).alignment = { wrapText: true };
  let r = 4;
  const rejected = [];
  const records = [];
  const checks = [];
  const toYmd = (d) => (d instanceof Date ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] : null);
  const all = [...people, { ...people[3], id: '', name: '金晓东', idNo: idNumber('330922', 1993, 5, 6, 311), cert: '', from: null, to: null }, { ...people[7] }];
  all.forEach((o, i) => {
    const n = i + 1;
    const from = toYmd(o.from);
    const to = toYmd(o.to);
    let year = 2024;
    let broken = null;
    if (n === all.length - 1) broken = '人员编号为空（新进人员未赋号）/ no officer id: no key';
    if (n === all.length) { year = '2O24'; broken = '统计年度「2O24」（字母O）不是年份 / year 2O24 (a letter O) is no year (required)'; }
    const cells = [
      o.name, Number(o.idNo[16]) % 2 ? '男' : '女', maskId(o.idNo), UNITS[o.unit][0], o.cert, from ? dateCell(from) : '',
      to ? (n % 4 === 0 ? `${to[0]}/${to[1]}/${to[2]}` : dateCell(to, 'yyyy"年"m"月"d"日"')) : '', o.cert ? '有效' : '', CAT[o.unit],
      ROLE[o.role], o.fulltime === '是' ? '√' : '×', STAFF[o.staffing], POST[o.posting], o.town || '', o.hours ?? '', o.lq === '是' ? '是' : '否', year, n === all.length - 1 ? '' : o.id,
      `${o.phone.slice(0, 3)}****${o.phone.slice(-4)}`, '',
    ];
    setRow(ws, r, cells, W);
    if (broken) rejected.push({ line: r, why: broken });
    else {
      records.push({ id: [o.id, 2024], enums: { role: ROLE[o.role], staffing_type: STAFF[o.staffing], posting: POST[o.posting] } });
      if (n === 1) checks.push({ where: { officer_id: o.id, year: 2024 }, field: 'id_number', expected: null, why: 'masked id number' });
      if (n === 1) checks.push({ where: { officer_id: o.id, year: 2024 }, field: 'unit_id', expected: o.unit, why: UNITS[o.unit][0] });
      if (n === 1 && from) checks.push({ where: { officer_id: o.id, year: 2024 }, field: 'cert_valid_from', expected: iso(...from), why: 'date cell' });
      if (n === 4 && to) checks.push({ where: { officer_id: o.id, year: 2024 }, field: 'cert_valid_to', expected: iso(...to), why: cells[6] });
      if (n === 2 && to) checks.push({ where: { officer_id: o.id, year: 2024 }, field: 'cert_valid_to', expected: iso(...to), why: 'date cell yyyy"年"m"月"d"日"' });
      if (o.fulltime === '是' && !checks.some((c) => c.field === 'fulltime_reviewer')) checks.push({ where: { officer_id: o.id, year: 2024 }, field: 'fulltime_reviewer', expected: true, why: '√' });
      if (n === 3) checks.push({ where: { officer_id: o.id, year: 2024 }, field: 'training_hours', expected: o.hours, why: 'number' });
    }
    r++;
  });
  ws.columns.forEach((c, i) => (c.width = [8, 5, 20, 26, 14, 12, 14, 9, 10, 10, 10, 14, 12, 9, 8, 8, 8, 9, 13, 6][i] ?? 10));
  mkdirSync(TMP, { recursive: true });
  const x = join(TMP, '04.xlsx');
  await saveWorkbook(wb, x);
  rmSync(join(TMP, '04.xls'), { force: true });
  execFileSync('soffice', ['--headless', '--convert-to', 'xls:MS Excel 97', '--outdir', TMP, x], { stdio: 'ignore', env: { ...process.env, HOME: TMP } });
  copyFileSync(join(TMP, '04.xls'), join(DIR, file));
  answer.files.push({
    file, table: 'officer', workspace: ['units', 'matters'], format: 'xls',
    layout: 'BIFF8 .xls (LibreOffice “MS Excel 97”); merged title row 1, merged export line row 2, header row 3 with Alt+Enter line breaks; 姓名 first, 人员编号 second to last; masked id numbers and phones',
    header_rows: [3], first_data_row: 4, columns: columnsOf(spec), rows_loaded: all.length - rejected.length, rejected, footer_lines: [],
    enums: {
      role: Object.fromEntries(Object.entries(ROLE).map(([k, v]) => [v, k])),
      staffing_type: Object.fromEntries(Object.entries(STAFF).map(([k, v]) => [v, k])),
      posting: { '1-县本级': '县级', '2-乡镇（街道）': '乡镇' },
    },
    identity: ['officer_id', 'year'], records, value_checks: checks,
  });
}

// ============================================================================================
// 05 监督发现问题 — 案卷评查 results as XML Spreadsheet 2003 under an .xls name, 小计 rows per unit
// ============================================================================================
function file05() {
  const file = '05_2024年度行政执法案卷评查结果汇总表.xls';
  const spec = [
    ['序号', null],
    ['评查编号', 'finding_id'],
    ['被评查单位', 'unit_id'],
    ['案号', 'case_id'],
    ['案卷名称', null],
    ['案卷类别', null, { note: '行政处罚/行政许可/行政检查: the kind of file, not the source' }],
    ['问题来源', 'source'],
    ['评查得分', 'casefile_score'],
    ['评查等次', 'casefile_grade'],
    ['主要问题', 'description'],
    ['问题性质', 'severity'],
    ['评查时间', 'found_date'],
    ['整改时限', 'due_date'],
    ['整改情况', null, { note: '已整改/整改中: a status' }],
    ['整改完成时间', 'rectified_date'],
  ];
  const PROBLEMS = ['案件材料归档不及时', '现场检查笔录未载明检查人员执法证号', '送达回证缺少受送达人签名；\n处罚决定书未告知救济途径', '证据目录与卷内材料不一致', '法制审核意见书未载明审核依据', '自由裁量说明理由不充分', '询问笔录未交当事人核对'];
  const SRC = [['2024年度全县行政执法案卷集中评查', '案卷评查'], ['案卷交叉评查', '案卷评查'], ['执法监督检查', '执法监督']];
  const SEV = [['一般问题', '一般'], ['较重问题', '较重'], ['严重问题', '严重']];
  const GR = (s) => (s >= 90 ? '优秀' : s >= 70 ? '合格' : '不合格');
  const groups = [['ZH01', 6], ['ZY01', 5], ['HY01', 4], ['ZY07', 5], ['XZ05', 4], ['ZY03', 5], ['XZ03', 5], ['XZ01', 4]];
  const PFX = { ZH01: '嵊综执罚', ZY01: '嵊市监罚', HY01: '嵊海执罚', ZY07: '嵊应急罚', XZ05: '嵊综执黄龙罚', ZY03: '嵊文旅罚', XZ03: '嵊洋执罚', XZ01: '嵊综执菜园罚' };
  const rows = []; // {cells, kind}
  const rejected = [];
  const footer = [];
  const records = [];
  const checks = [];
  let n = 0;
  let idn = 0;
  const headerRow = 3;
  for (const [unit, k] of groups) {
    let sum = 0;
    for (let j = 0; j < k; j++) {
      n++;
      idn++;
      const scoreV = (unit === 'ZY07' || unit === 'XZ05' || unit === 'ZY03' ? int(120, 185) : int(150, 196)) / 2;
      sum += scoreV;
      const [srcText] = SRC[n % 7 === 3 ? 2 : n % 2];
      const [sevText] = SEV[scoreV < 70 ? 2 : scoreV < 80 ? 1 : 0];
      const found = [2024, int(5, 10), int(1, 28)];
      const due = addDays(found, 30);
      const rect = n % 5 === 4 ? null : addDays(found, int(5, 28));
      let fid = `AJPC2024-${pad(idn, 4)}`;
      let foundCell = { t: 'String', v: `${found[0]}年${found[1]}月${found[2]}日` };
      let broken = null;
      if (n === 8) { fid = ''; broken = '评查编号为空 / no finding id: no key'; }
      if (n === 27) { foundCell = { t: 'String', v: '2024年9月31日' }; broken = '评查时间 2024年9月31日 不存在 / found date 2024-09-31 does not exist (required date)'; }
      const caseId = `${PFX[unit]}〔2024〕${int(1, 120)}号`;
      const cells = [
        { t: 'Number', v: n }, { t: 'String', v: fid }, { t: 'String', v: UNITS[unit][1] }, { t: 'String', v: caseId },
        { t: 'String', v: `${pick(BUSINESSES).name}${pick(['未按规定经营', '违规排放', '无证经营', '违规占道'])}案` }, { t: 'String', v: '行政处罚' },
        { t: 'String', v: srcText }, { t: 'Number', v: scoreV }, { t: 'String', v: GR(scoreV) }, { t: 'String', v: pick(PROBLEMS) }, { t: 'String', v: sevText },
        foundCell, { t: 'DateTime', v: `${iso(...due)}T00:00:00.000`, s: 'd' }, { t: 'String', v: rect ? '已整改' : '整改中' },
        rect ? { t: 'DateTime', v: `${iso(...rect)}T00:00:00.000`, s: 'd' } : null,
      ];
      rows.push({ cells });
      const line = headerRow + rows.length;
      if (broken) rejected.push({ line, why: broken });
      else {
        records.push({ id: [fid], enums: { source: srcText, casefile_grade: GR(scoreV), severity: sevText } });
        if (n === 1) checks.push({ where: { finding_id: fid }, field: 'found_date', expected: iso(...found), why: foundCell.v });
        if (n === 1) checks.push({ where: { finding_id: fid }, field: 'due_date', expected: iso(...due), why: 'ss:Type DateTime with a date style' });
        if (n === 1) checks.push({ where: { finding_id: fid }, field: 'casefile_score', expected: scoreV, why: 'Number cell' });
        if (n === 1) checks.push({ where: { finding_id: fid }, field: 'unit_id', expected: unit, why: UNITS[unit][1] });
        if (n === 1) checks.push({ where: { finding_id: fid }, field: 'case_id', expected: caseId, why: '案号' });
        if (n === 4) checks.push({ where: { finding_id: fid }, field: 'rectified_date', expected: null, why: 'empty: 整改中' });
      }
    }
    rows.push({ cells: [null, null, { t: 'String', v: `${UNITS[unit][1]} 小计` }, { t: 'String', v: `${k}卷` }, null, null, null, { t: 'Number', v: Math.round((sum / k) * 10) / 10 }], sub: true });
    footer.push({ line: headerRow + rows.length, why: `小计行（${UNITS[unit][1]}）/ a per-unit subtotal in the middle of the data` });
  }
  rows.push({ cells: [{ t: 'String', v: '合计' }, null, { t: 'String', v: `共${n}卷` }], sub: true });
  footer.push({ line: headerRow + rows.length, why: '合计行 / the total line' });
  rows.push({ cells: [{ t: 'String', v: '评查组长：周建平　　评查人员：李晨慧、吴根　　填报日期：2024年11月30日' }], merge: spec.length - 1 });
  footer.push({ line: headerRow + rows.length, why: '签名行 / the signature line' });
  const cellXml = (c) => {
    if (!c) return '<Cell/>';
    const st = c.s === 'd' ? ' ss:StyleID="d"' : '';
    return `<Cell${st}><Data ss:Type="${c.t}">${xmlEsc(c.v)}</Data></Cell>`;
  };
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<?mso-application progid="Excel.Sheet"?>
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40">
 <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office"><Author>sfj</Author><Created>2024-11-30T08:00:00Z</Created></DocumentProperties>
 <Styles>
  <Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Center"/><Font ss:FontName="宋体" x:CharSet="134" ss:Size="11"/></Style>
  <Style ss:ID="t"><Alignment ss:Horizontal="Center"/><Font ss:FontName="宋体" x:CharSet="134" ss:Size="16" ss:Bold="1"/></Style>
  <Style ss:ID="h"><Alignment ss:Horizontal="Center" ss:WrapText="1"/><Font ss:FontName="宋体" x:CharSet="134" ss:Bold="1"/></Style>
  <Style ss:ID="d"><NumberFormat ss:Format="yyyy/m/d"/></Style>
 </Styles>
 <Worksheet ss:Name="评查结果">
  <Table ss:ExpandedColumnCount="${spec.length}" ss:ExpandedRowCount="${headerRow + rows.length}" x:FullColumns="1" x:FullRows="1" ss:DefaultColumnWidth="54" ss:DefaultRowHeight="14.25">
   <Row ss:Height="27"><Cell ss:MergeAcross="${spec.length - 1}" ss:StyleID="t"><Data ss:Type="String">2024年度嵊泗县行政执法案卷评查结果汇总表</Data></Cell></Row>
   <Row><Cell ss:MergeAcross="${spec.length - 1}"><Data ss:Type="String">组织单位：嵊泗县司法局（县综合行政执法指导办公室）　　评查方式：集中评查、交叉评查</Data></Cell></Row>
   <Row>${spec.map(([h]) => `<Cell ss:StyleID="h"><Data ss:Type="String">${xmlEsc(h)}</Data></Cell>`).join('')}</Row>
${rows.map((r) => (r.merge ? `   <Row><Cell ss:MergeAcross="${r.merge}">${cellXml(r.cells[0]).replace(/^<Cell>/, '')}</Row>` : `   <Row>${r.cells.map(cellXml).join('')}</Row>`)).join('\n')}
  </Table>
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Selected/><ProtectObjects>False</ProtectObjects></WorksheetOptions>
 </Worksheet>
</Workbook>
`;
  writeFileSync(join(DIR, file), xml, 'utf8');
  answer.files.push({
    file, table: 'supervision_finding', workspace: ['units', 'matters', 'officers'], format: 'xml2003',
    layout: 'XML Spreadsheet 2003 under an .xls name; merged title and 组织单位 rows, header row 3, a 小计 row after each unit, 合计 and a merged signature row at the end',
    header_rows: [3], first_data_row: 4, columns: columnsOf(spec), rows_loaded: n - rejected.length, rejected, footer_lines: footer,
    enums: { source: Object.fromEntries(SRC), casefile_grade: { 优秀: '优秀', 合格: '合格', 不合格: '不合格' }, severity: Object.fromEntries(SEV) },
    identity: ['finding_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 06 行政检查 — a clerk's ledger, one sheet per month (10月, 11月, 12月)
// ============================================================================================
async function file06(roster) {
  const file = '06_菜园镇2024年四季度行政检查台账（分月）.xlsx';
  const spec = [
    ['序号', null],
    ['检查日期', 'date'],
    ['检查编号', 'inspection_id'],
    ['检查对象', 'subject_name'],
    ['统一社会信用代码', 'subject_id'],
    ['实施主体', 'lead_unit_id'],
    ['联合检查单位', 'unit_ids'],
    ['是否“综合查一次”', 'is_joint'],
    ['检查类型', 'inspection_type'],
    ['掌上执法', 'via_mobile'],
    ['亮码检查', 'code_shown'],
    ['检查人员', 'officer_ids'],
    ['发现问题', 'problem_found', { note: '有/无 (无 as a yes/no is no)' }],
    ['处理结果', 'result'],
    ['关联案件号', 'case_id'],
    ['备注', null],
  ];
  const TYPE = [['01-双随机抽查', '双随机'], ['02-日常巡查', '日常巡查'], ['03-专项检查', '专项'], ['04-综合查一次', '综合查一次'], ['05-投诉举报核查', '投诉核查']];
  const RES = [['未发现问题', '无问题'], ['责令改正', '责令整改'], ['立案调查', '立案'], ['移送市场监管部门', '移送']];
  const officers = roster.filter((o) => o.unit === 'ZH01' && o.town === '菜园镇' && o.cert);
  const subjects = BUSINESSES.filter((b) => b.town === '菜园镇');
  const wb = newWorkbook();
  const sheets = [];
  const W = spec.length;
  let gn = 0;
  for (const [month, dateKind] of [[10, 'serial'], [11, 'text'], [12, 'datetime']]) {
    const ws = wb.addWorksheet(`${month}月`);
    ws.getCell(1, 1).value = `菜园镇综合行政执法队2024年${month}月行政检查台账`;
    ws.mergeCells(1, 1, 1, W);
    setRow(ws, 2, spec.map(([h]) => h), W);
    let r = 3;
    const rejected = [];
    const records = [];
    const checks = [];
    const K = 14;
    for (let j = 1; j <= K; j++) {
      gn++;
      const day = [2024, month, int(1, month === 11 ? 30 : 31)];
      const [typeText, type] = TYPE[gn % TYPE.length];
      const joint = type === '综合查一次';
      const [resText, res] = RES[gn % 4 === 2 ? 1 : gn % 9 === 4 ? 2 : gn % 13 === 6 ? 3 : 0];
      const problem = res !== '无问题';
      const sub = subjects[gn % subjects.length];
      const o1 = officers[gn % officers.length];
      const o2 = officers[(gn + 1) % officers.length];
      let id = `JC-XZ01-2024${pad(month)}-${pad(j, 3)}`;
      let dateVal = dateKind === 'serial' ? serial(day) : dateKind === 'text' ? `${day[0]}-${day[1]}-${day[2]}` : { value: new Date(Date.UTC(2024, month - 1, day[2], 9, 30)), numFmt: 'yyyy/m/d h:mm' };
      let subId = sub.code;
      let broken = null;
      if (month === 10 && j === 6) { id = ''; broken = '检查编号为空 / no inspection id: no key'; }
      if (month === 11 && j === 9) { dateVal = '2024-11-31'; broken = '检查日期 2024-11-31 不存在 / date 2024-11-31 does not exist (required)'; }
      if (month === 12 && j === 4) { subId = maskId(PERSONS[2].idNo); broken = '检查对象代码是脱敏的身份证号，不能识别是谁 / subject id is a masked ID number (required)'; }
      const caseNo = res === '立案' ? `嵊菜执罚〔2024〕第${pad(gn, 4)}号` : '';
      const cells = [j, dateVal, id, sub.name, subId, gn % 2 ? '菜园中队' : '嵊泗县菜园镇人民政府', joint ? '县市场监管局、县卫健局' : '', joint ? 'Y' : 'N', typeText,
        gn % 7 === 3 ? '×' : '√', gn % 5 === 2 ? '×' : '√', `${o1.name}(${o1.cert})，${o2.name}`, problem ? '有' : '无', resText, caseNo, ''];
      setRow(ws, r, cells, W);
      if (broken) rejected.push({ line: r, why: broken });
      else {
        records.push({ id: [id], enums: { inspection_type: typeText, result: resText } });
        if (j === 1) checks.push({ where: { inspection_id: id }, field: 'date', expected: iso(...day), why: dateKind === 'serial' ? `Excel serial ${serial(day)} in a General cell` : dateKind === 'text' ? `${day[0]}-${day[1]}-${day[2]}` : 'date-time cell 9:30' });
        if (j === 1 && month === 10) checks.push({ where: { inspection_id: id }, field: 'lead_unit_id', expected: 'XZ01', why: cells[5] });
        if (j === 1 && month === 10) checks.push({ where: { inspection_id: id }, field: 'officer_ids', expected: [o1.id, o2.id], why: cells[11] });
        if (joint && !checks.some((c) => c.field === 'unit_ids')) checks.push({ where: { inspection_id: id }, field: 'unit_ids', expected: ['ZY01', 'ZY08'], why: cells[6] });
        if (!problem && !checks.some((c) => c.field === 'problem_found')) checks.push({ where: { inspection_id: id }, field: 'problem_found', expected: false, why: '无 as a yes/no' });
        if (problem && !checks.some((c) => c.field === 'problem_found' && c.expected === true)) checks.push({ where: { inspection_id: id }, field: 'problem_found', expected: true, why: '有' });
        if (gn % 5 === 2 && !checks.some((c) => c.field === 'code_shown')) checks.push({ where: { inspection_id: id }, field: 'code_shown', expected: false, why: '×' });
      }
      r++;
    }
    setRow(ws, r, [`本月合计：${K}次`], W);
    const footer = [{ line: r, why: '本月合计行 / the month total' }];
    ws.columns.forEach((c, i) => (c.width = [5, 12, 20, 30, 22, 18, 22, 10, 14, 8, 8, 30, 8, 16, 22, 6][i] ?? 10));
    sheets.push({ sheet: `${month}月`, rows_loaded: K - rejected.length, rejected, footer_lines: footer, records, checks });
  }
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'inspection', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: 'XLSX, one sheet a month (10月, 11月, 12月), each a merged title row 1, header row 2, a 本月合计 row at the end; dates as Excel serials in General cells (10月), text 2024-11-5 (11月), date-time cells (12月)',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec),
    rows_loaded: sheets.reduce((a, s) => a + s.rows_loaded, 0),
    rejected: sheets.flatMap((s) => s.rejected.map((x) => ({ ...x, sheet: s.sheet }))),
    footer_lines: sheets.flatMap((s) => s.footer_lines.map((x) => ({ ...x, sheet: s.sheet }))),
    sheets: sheets.map(({ sheet, rows_loaded }) => ({ sheet, rows_loaded })),
    enums: { inspection_type: Object.fromEntries(TYPE), result: Object.fromEntries(RES) },
    identity: ['inspection_id'], records: sheets.flatMap((s) => s.records), value_checks: sheets.flatMap((s) => s.checks),
  });
}

// ============================================================================================
// 07 复议诉讼 — a printed 登记簿: GB18030, semicolons, the title and header repeated on every page
// ============================================================================================
function file07() {
  const file = '07_行政复议和行政应诉案件登记簿_2024（打印版）.csv';
  const spec = [
    ['序号', null],
    ['登记号', 'id'],
    ['案件类别', 'kind'],
    ['申请人（原告）', null],
    ['被申请人（被告）', 'unit_id'],
    ['原行政行为文号', 'case_id'],
    ['复议机关/审理法院', null, { note: 'the body deciding, not the respondent' }],
    ['收案日期', 'filed_date'],
    ['审结日期', 'decided_date'],
    ['结案方式', 'outcome'],
    ['是否开庭审理', 'hearing_held'],
    ['负责人出庭应诉', 'head_appeared'],
    ['承办人', null],
  ];
  const OUT_FY = [['维持原行政行为', '维持'], ['驳回复议申请', '驳回'], ['撤销原行政行为', '撤销'], ['确认违法', '确认违法'], ['申请人撤回申请', '调解撤回'], ['变更', '变更'], ['责令履行法定职责', '责令履行']];
  const OUT_SS = [['判决驳回原告诉讼请求', '驳回'], ['原告撤诉', '调解撤回'], ['判决撤销', '撤销'], ['行政机关败诉', '败诉']];
  const UNITS7 = ['ZH01', 'ZY01', 'HY01', 'ZY07', 'XZ01', 'ZY04', 'ZY02', 'XZ03'];
  const PFX = { ZH01: '嵊综执罚决', ZY01: '嵊市监罚决', HY01: '嵊海执罚决', ZY07: '嵊应急罚决', XZ01: '嵊菜执罚决', ZY04: '嵊交罚决', ZY02: '舟环嵊罚', XZ03: '嵊洋执罚决' };
  const hdr = spec.map(([h]) => h).join(';');
  const title = '嵊泗县行政复议和行政应诉案件登记簿（2024年度）';
  const lines = [];
  const rejected = [];
  const footer = [];
  const records = [];
  const checks = [];
  const N = 40;
  const PER = 15;
  const pages = Math.ceil(N / PER);
  for (let n = 1; n <= N; n++) {
    if ((n - 1) % PER === 0) {
      const page = (n - 1) / PER + 1;
      if (page > 1) {
        lines.push(`第 ${page - 1} 页　共 ${pages} 页;;;;;;;;;;;;`);
        footer.push({ line: lines.length, why: '页脚（第N页 共M页）/ page footer' });
        lines.push(`${title};;;;;;;;;;;;`);
        footer.push({ line: lines.length, why: '每页重复的标题 / the title printed on every page' });
        lines.push(hdr);
        footer.push({ line: lines.length, why: '每页重复的表头 / the header printed on every page' });
      } else {
        lines.push(`${title};;;;;;;;;;;;`);
        lines.push(hdr);
      }
    }
    const fy = n % 4 !== 0;
    const unit = UNITS7[n % UNITS7.length];
    const filed = randDate(1, 10);
    const pending = n % 9 === 5;
    const decided = pending ? null : addDays(filed, fy ? int(30, 60) : int(60, 150));
    const [outText] = pending ? ['审理中'] : fy ? OUT_FY[n % OUT_FY.length] : OUT_SS[n % OUT_SS.length];
    const id = fy ? `嵊政复〔2024〕${n}号` : `（2024）浙0903行初${100 + n}号`;
    let idText = id;
    let filedText = `${filed[0]}${pad(filed[1])}${pad(filed[2])}`;
    let broken = null;
    let applicant = n % 3 === 0 ? `${pick(['张', '王', '李', '陈'])}某某` : pick(BUSINESSES).name;
    if (n === 14) { idText = ''; broken = '登记号为空 / no id: no key'; }
    if (n === 31) { applicant = '嵊泗县海之星超市有限公司;法定代表人王某'; broken = '申请人名称中夹带一个分号（未加引号），多出一列 / an unquoted semicolon in 申请人: one field too many (ragged)'; }
    const caseId = `${PFX[unit]}〔2024〕${int(1, 90)}号`;
    const hearing = fy ? (n % 5 === 1 ? '是' : '否') : '是';
    const head = fy ? '—' : n % 8 === 0 ? '√' : '×';
    const cells = [n, idText, fy ? '行政复议' : '行政诉讼（一审）', applicant, n % 2 ? UNITS[unit][0] : UNITS[unit][1], caseId, fy ? '嵊泗县人民政府' : '舟山市普陀区人民法院',
      filedText, decided ? `${decided[0]}-${decided[1]}-${decided[2]}` : '', outText, hearing, head, pick(['周敏', '胡立军', '沈佳'])];
    lines.push(cells.join(';'));
    if (broken) rejected.push({ line: lines.length, why: broken });
    else {
      records.push({ id: [id], enums: { kind: fy ? '行政复议' : '行政诉讼（一审）', outcome: outText } });
      if (n === 1) checks.push({ where: { id }, field: 'filed_date', expected: iso(...filed), why: filedText });
      if (n === 1 && decided) checks.push({ where: { id }, field: 'decided_date', expected: iso(...decided), why: cells[8] });
      if (n === 1) checks.push({ where: { id }, field: 'unit_id', expected: unit, why: cells[4] });
      if (n === 8) checks.push({ where: { id }, field: 'head_appeared', expected: true, why: '√' });
      if (n === 4) checks.push({ where: { id }, field: 'head_appeared', expected: false, why: '×' });
      if (n === 5) checks.push({ where: { id }, field: 'outcome', expected: null, why: '审理中: no outcome yet' });
      if (n === 2) checks.push({ where: { id }, field: 'head_appeared', expected: null, why: '— (a 复议 has no court hearing): empty' });
    }
  }
  lines.push(`第 ${pages} 页　共 ${pages} 页;;;;;;;;;;;;`);
  footer.push({ line: lines.length, why: '页脚 / page footer' });
  lines.push('制表：嵊泗县司法局行政复议科;;;;;;;;;;;;');
  footer.push({ line: lines.length, why: '制表行 / made-by line' });
  writeFileSync(join(DIR, file), iconv.encode(lines.join('\r\n') + '\r\n', 'gb18030'));
  const enumsOut = Object.fromEntries([...OUT_FY, ...OUT_SS, ['审理中', null]]);
  answer.files.push({
    file, table: 'review_litigation', workspace: ['units', 'matters', 'officers'], format: 'csv', encoding: 'gb18030', delimiter: ';',
    layout: 'GB18030, semicolon-separated, CRLF; a title line and the header on line 1–2 and again on every page of 15 rows, a 第N页 共M页 line between pages, a 制表 line at the end',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: N - rejected.length, rejected, footer_lines: footer,
    enums: { kind: { 行政复议: '复议', '行政诉讼（一审）': '诉讼' }, outcome: enumsOut },
    enum_accept: { outcome: { 判决驳回原告诉讼请求: ['胜诉'] } },
    identity: ['id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 08 行政许可 — 双公示 报送 CSV: the standard's field codes (XK_…) on line 1, Chinese names on line 2
// ============================================================================================
function file08() {
  const file = '08_双公示_行政许可信息报送_2024.csv';
  const spec = [
    ['XK_WSH 行政许可决定书文号', 'permit_id', { note: 'no 许可编号 column in the 2016 standard: the 文书号 is the permit’s id' }],
    ['XK_XMMC 项目名称', 'matter_code', { accept: [], note: 'the approval matter by name (schema: 审批事项, text)' }],
    ['XK_SPLB 审批类别', null],
    ['XK_NR 许可内容', null],
    ['XK_XDR 行政相对人名称', 'subject_name'],
    ['XK_XDR_SHXYM 行政相对人代码_1(统一社会信用代码)', 'subject_id'],
    ['XK_XDR_ZDM 行政相对人代码_2(组织机构代码)', null],
    ['XK_XDR_GSDJ 行政相对人代码_3(工商登记码)', null],
    ['XK_XDR_SWDJ 行政相对人代码_4(税务登记号)', null],
    ['XK_XDR_SFZ 行政相对人代码_5(居民身份证号)', null, { accept: ['subject_id'], note: 'a natural person’s id: the fallback of subject_id, or unmapped' }],
    ['XK_FR 法定代表人姓名', null],
    ['XK_JDRQ 许可决定日期', 'issued_date'],
    ['XK_JZQ 许可截止期', null],
    ['XK_XZJG 许可机关', 'unit_id'],
    ['XK_ZT 当前状态', null],
    ['DFBM 地方编码', null],
    ['SJC 数据更新时间戳', null],
    ['BZ 备注', null],
  ];
  const AG = [['ZY01', '食品经营许可', '嵊市监食许'], ['ZY01', '药品零售企业许可', '嵊市监药许'], ['ZH01', '城市建筑垃圾处置核准', '嵊综执许'], ['ZY08', '公共场所卫生许可', '嵊卫公许'], ['ZY03', '娱乐场所经营许可', '嵊文旅娱许'], ['ZY04', '道路货物运输经营许可', '嵊交运许']];
  const lines = [];
  const q = (s) => (/[",\r\n]/.test(String(s)) ? `"${String(s).replace(/"/g, '""')}"` : String(s));
  lines.push(spec.map(([h]) => h.split(' ')[0]).join(','));
  lines.push(spec.map(([h]) => q(h.split(' ').slice(1).join(' '))).join(','));
  const rejected = [];
  const records = [];
  const checks = [];
  const N = 42;
  for (let n = 1; n <= N; n++) {
    const [unit, item, pfx] = AG[n % AG.length];
    const b = BUSINESSES[(n * 5) % BUSINESSES.length];
    const d = randDate(1, 11);
    const end = addDays(d, 5 * 365);
    let wsh = `${pfx}〔2024〕${pad(n * 3, 3)}号`;
    let date = `${d[0]}/${d[1]}/${d[2]}`;
    let code = b.code;
    let sfz = '';
    let name = b.name;
    let broken = null;
    if (n === 11) { wsh = ''; broken = 'XK_WSH（文书号）为空 / no decision number: no key'; }
    if (n === 26) { date = '2024/2/30'; broken = '许可决定日期 2024/2/30 不存在 / issued date 2024-02-30 does not exist (required)'; }
    if (n === 37) { code = ''; name = PERSONS[5].name; sfz = maskId(PERSONS[5].idNo); broken = '相对人为自然人，只有脱敏的身份证号 / only a masked ID number: subject id unknown (required)'; }
    const cells = [wsh, item, pick(['普通', '核准', '登记']), `${item}（${pick(['新办', '延续', '变更'])}）`, name, code, '', '', '', sfz, n === 37 ? '' : pick(['陈国平', '王海军', '李建华']),
      date, `${end[0]}/${end[1]}/${end[2]}`, UNITS[unit][0], '0', '330922', `${iso(...d)} 17:${pad(int(0, 59))}:${pad(int(0, 59))}`, ''];
    lines.push(cells.map(q).join(','));
    if (broken) rejected.push({ line: lines.length, why: broken });
    else {
      records.push({ id: [wsh], enums: {} });
      if (n === 1) checks.push({ where: { permit_id: wsh }, field: 'issued_date', expected: iso(...d), why: date });
      if (n === 1) checks.push({ where: { permit_id: wsh }, field: 'subject_id', expected: code, why: 'XK_XDR_SHXYM' });
      if (n === 2) checks.push({ where: { permit_id: wsh }, field: 'unit_id', expected: unit, why: UNITS[unit][0] });
      if (n === 3) checks.push({ where: { permit_id: wsh }, field: 'subject_name', expected: name, why: 'XK_XDR' });
    }
  }
  writeFileSync(join(DIR, file), lines.join('\n') + '\n', 'utf8');
  answer.files.push({
    file, table: 'permit', workspace: ['units', 'matters', 'officers'], format: 'csv', encoding: 'utf-8',
    layout: 'UTF-8 (no BOM), LF; line 1 the 双公示 field codes (XK_WSH …), line 2 their Chinese names, data from line 3; dates 2024/3/5',
    header_rows: [1, 2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: N - rejected.length, rejected, footer_lines: [],
    enums: {}, identity: ['permit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 09 制度机制清单 — a data warehouse's Parquet with English snake_case columns
// ============================================================================================
async function file09() {
  const file = '09_ods_zfjd_institution_2024.parquet';
  const spec = [
    ['id', null, { note: 'a row id (BIGINT)' }],
    ['dept_name', 'unit_id'],
    ['dept_uscc', null, { note: 'the unit’s own credit code' }],
    ['stat_year', 'year'],
    ['item_code', 'item_code'],
    ['item_name', 'item_name'],
    ['is_done', 'done', { note: 'BOOLEAN' }],
    ['done_date', 'done_date', { note: 'DATE' }],
    ['evidence_desc', 'evidence'],
    ['etl_time', null, { note: 'TIMESTAMP of the load' }],
    ['del_flag', null],
  ];
  const ITEMS = [['TS_PUBLICITY', '行政执法公示制度'], ['TS_RECORDING', '执法全过程记录制度'], ['TS_LEGAL_REVIEW', '重大执法决定法制审核制度']];
  const COUNTY = [['CO_COMMITTEE', '县执法协调委'], ['CO_PLATFORM', '行政执法统一指挥平台'], ['CO_DISPUTE', '执法职责争议评估处理机制'], ['CAT_PUBLISHED', '事项目录清单公布']];
  const units = ['ZH01', 'ZY01', 'ZY02', 'ZY03', 'ZY04', 'ZY07', 'ZY08', 'HY01', 'XZ01', 'XZ02', 'XZ03', 'XZ05'];
  const rows = [];
  const rejected = [];
  const records = [];
  const checks = [];
  let n = 0;
  const push = (unitName, unitId, code, name, done, date, ev, broken) => {
    n++;
    rows.push({ id: 1000 + n, dept_name: unitName, dept_uscc: unitName === '全县' ? null : uscc('1', '1'), stat_year: 2024, item_code: code, item_name: name, is_done: done, done_date: date, evidence_desc: ev, etl_time: `2025-01-05 02:00:${pad(n % 60)}`, del_flag: '0' });
    if (broken) rejected.push({ line: n, why: broken });
    else records.push({ id: [unitId, 2024, code], enums: {} });
  };
  for (const u of units) {
    for (const [code, name] of ITEMS) {
      const done = !(u === 'ZY07' && code === 'TS_LEGAL_REVIEW') && !(u === 'XZ05' && code === 'TS_RECORDING');
      const d = done ? randDate(2, 9) : null;
      const nm = n % 3 === 0 ? UNITS[u][1] : UNITS[u][0];
      push(nm, u, code, name, done, d ? iso(...d) : null, done ? `${UNITS[u][1]}${name}（2024年印发）` : null, null);
      if (u === 'ZY01' && code === 'TS_PUBLICITY') checks.push({ where: { unit_id: 'ZY01', year: 2024, item_code: code }, field: 'done_date', expected: iso(...d), why: 'DATE' });
      if (!done && !checks.some((c) => c.field === 'done')) checks.push({ where: { unit_id: u, year: 2024, item_code: code }, field: 'done', expected: false, why: 'BOOLEAN false' });
    }
  }
  for (const [code, name] of COUNTY) push('全县', 'COUNTY', code, name, true, iso(...randDate(3, 8)), `县政府办文件（${name}）`, null);
  checks.push({ where: { unit_id: 'COUNTY', year: 2024, item_code: 'CO_COMMITTEE' }, field: 'done', expected: true, why: '全县' });
  // broken: no item code; no unit
  push('嵊泗县卫生健康局', 'ZY08', null, '行政执法案例指导制度', true, '2024-05-06', null, 'item_code 为空 / no item code: no key');
  push(null, null, 'TS_PUBLICITY', '行政执法公示制度', true, '2024-05-06', null, 'dept_name 为空 / no unit (required)');
  mkdirSync(TMP, { recursive: true });
  const json = join(TMP, '09.json');
  writeFileSync(json, JSON.stringify(rows));
  const out = join(DIR, file);
  rmSync(out, { force: true });
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const inst = await DuckDBInstance.create(':memory:');
  const con = await inst.connect();
  await con.run(`COPY (SELECT CAST(id AS BIGINT) AS id, dept_name, dept_uscc, CAST(stat_year AS INTEGER) AS stat_year, item_code, item_name, CAST(is_done AS BOOLEAN) AS is_done,
    CAST(done_date AS DATE) AS done_date, evidence_desc, CAST(etl_time AS TIMESTAMP) AS etl_time, del_flag FROM read_json('${json}', format='array',
    columns={id:'BIGINT', dept_name:'VARCHAR', dept_uscc:'VARCHAR', stat_year:'INTEGER', item_code:'VARCHAR', item_name:'VARCHAR', is_done:'BOOLEAN', done_date:'VARCHAR', evidence_desc:'VARCHAR', etl_time:'VARCHAR', del_flag:'VARCHAR'}))
    TO '${out}' (FORMAT parquet, COMPRESSION snappy)`);
  answer.files.push({
    file, table: 'institution_checklist', workspace: ['units', 'matters', 'officers'], format: 'parquet',
    layout: 'Parquet (snappy); English snake_case column names of a data warehouse ODS table; BOOLEAN, DATE, INTEGER, TIMESTAMP types; units by full and short names and 全县',
    header_rows: [], first_data_row: 1, columns: columnsOf(spec), rows_loaded: n - rejected.length, rejected, footer_lines: [],
    enums: {}, identity: ['unit_id', 'year', 'item_code'], records, value_checks: checks,
  });
}

// ============================================================================================
// 10 检查计划 — JSON Lines from a 公共数据平台 interface, pinyin-initial keys only
// ============================================================================================
function file10() {
  const file = '10_sjgx_jcjh_rw_2024.jsonl';
  const spec = [
    ['xh', null, { note: '序号' }],
    ['rwbh', 'plan_task_id', { note: '任务编号' }],
    ['rwmc', null, { note: '任务名称' }],
    ['rwlx', 'plan_type', { note: '任务类型' }],
    ['zrbm', 'unit_id', { note: '责任部门' }],
    ['jhwcrq', 'due_date', { note: '计划完成日期' }],
    ['jcdxmc', 'subject_name', { note: '检查对象名称' }],
    ['tyshxydm', 'subject_id', { note: '统一社会信用代码' }],
    ['cjsj', null, { note: '创建时间' }],
    ['sfyx', null, { note: '是否有效' }],
  ];
  const lines = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const N = 40;
  const U = ['ZY01', 'ZH01', 'ZY08', 'ZY07', 'HY01', 'ZY03', 'XZ01', 'XZ03'];
  for (let n = 1; n <= N; n++) {
    const unit = U[n % U.length];
    const b = BUSINESSES[(n * 3) % BUSINESSES.length];
    const due = [2024, int(3, 12), 0];
    due[2] = DAYS[due[1] - 1] - (due[1] === 2 ? 1 : 0);
    const type = pick(['双随机抽查', '专项检查', '综合查一次']);
    let rwbh = `RW330922${2024}${pad(n, 5)}`;
    let dueText = `${due[0]}${pad(due[1])}${pad(due[2])}`;
    let broken = null;
    if (n === 15) { rwbh = ''; broken = 'rwbh 为空 / no task id: no key'; }
    if (n === 34) { dueText = '20240431'; broken = 'jhwcrq 20240431 不存在 / due date 2024-04-31 does not exist (required)'; }
    const rec = { xh: n, rwbh, rwmc: `2024年${UNITS[unit][1]}${type}任务（${b.name}）`, rwlx: type, zrbm: n % 2 ? UNITS[unit][0] : UNITS[unit][1], jhwcrq: dueText,
      jcdxmc: b.name, tyshxydm: b.code, cjsj: `2024-01-${pad(int(2, 28))} 10:${pad(int(0, 59))}:00`, sfyx: '1' };
    lines.push(JSON.stringify(rec));
    if (broken) rejected.push({ line: n, why: broken });
    else {
      records.push({ id: [rwbh], enums: {} });
      if (n === 1) checks.push({ where: { plan_task_id: rwbh }, field: 'due_date', expected: iso(...due), why: dueText });
      if (n === 1) checks.push({ where: { plan_task_id: rwbh }, field: 'unit_id', expected: unit, why: rec.zrbm });
      if (n === 2) checks.push({ where: { plan_task_id: rwbh }, field: 'subject_id', expected: b.code, why: 'tyshxydm' });
    }
  }
  writeFileSync(join(DIR, file), lines.join('\n') + '\n', 'utf8');
  answer.files.push({
    file, table: 'inspection_plan', workspace: ['units', 'matters', 'officers'], format: 'jsonl',
    layout: 'JSON Lines; pinyin-initial keys only (rwbh 任务编号, zrbm 责任部门, jhwcrq 计划完成日期, tyshxydm 统一社会信用代码…); dates yyyymmdd',
    header_rows: [], first_data_row: 1, columns: columnsOf(spec), rows_loaded: N - rejected.length, rejected, footer_lines: [],
    enums: {}, identity: ['plan_task_id'], records, value_checks: checks,
  });
}

// ---------------------------------------------------------------- main
if (!existsSync(DIR)) mkdirSync(DIR, { recursive: true });
const roster = await readRoster();
const matters = await readMatters();
file01(roster, matters);
file02();
file03(matters);
await file04(roster);
file05();
await file06(roster);
file07();
file08();
await file09();
file10();
for (const f of answer.files) {
  f.rows_data = f.rows_loaded + f.rejected.length;
  f.columns_expected = f.columns.filter((c) => c.field).length;
}
writeFileSync(join(DIR, '_answer.json'), JSON.stringify(answer, null, 2) + '\n');
console.log(answer.files.map((f) => `${f.file}: ${f.table}, ${f.columns.length} columns (${f.columns_expected} to find), ${f.rows_data} records = ${f.rows_loaded} + ${f.rejected.length} broken, ${f.footer_lines.length} footer`).join('\n'));

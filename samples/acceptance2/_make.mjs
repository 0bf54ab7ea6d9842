// Writes the second acceptance set (samples/acceptance2) and its answer key _answer.json.
// Run: node samples/acceptance2/_make.mjs  (deterministic: the same bytes every run).
//
// The files imitate what county systems and clerks produce (see README.md for the model of each
// layout). The answer key is declared here by hand — the expected field of every column, the
// canonical value of every enum text, which rows are broken and why — and never computed by the
// importer under test. The script only counts lines while it writes them, so that the line numbers
// in the key are the physical lines (CSV) or sheet rows (XLSX) of the files as written.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

const DIR = dirname(fileURLToPath(import.meta.url));
const ROSTER = join(DIR, '..', 'shengsi', '执法人员花名册_2024年.xlsx');

// ---------------------------------------------------------------- deterministic helpers
let seed = 20241206;
function rnd() {
  // mulberry32
  seed |= 0;
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (a) => a[Math.floor(rnd() * a.length)];
const int = (lo, hi) => lo + Math.floor(rnd() * (hi - lo + 1));
const pad = (n, w = 2) => String(n).padStart(w, '0');

/** GB 32100-2015 unified social credit code with valid check characters. */
const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function uscc(dept, type, area = '330922') {
  const orgBody = Array.from({ length: 8 }, () => (rnd() < 0.85 ? String(int(0, 9)) : pick('ABCDEFGHJKLMNPQRTUWXY'.split('')))).join('');
  // GB 11714 check digit of the organisation code
  const w = [3, 7, 9, 10, 5, 8, 4, 2];
  const val = (c) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  const s = orgBody.split('').reduce((a, c, i) => a + val(c) * w[i], 0);
  const c9 = 11 - (s % 11);
  const org = orgBody + (c9 === 10 ? 'X' : c9 === 11 ? '0' : String(c9));
  const body = `${dept}${type}${area}${org}`;
  const W = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = body.split('').reduce((a, c, i) => a + USCC_CHARS.indexOf(c) * W[i], 0);
  const chk = (31 - (sum % 31)) % 31;
  return body + USCC_CHARS[chk];
}
/** A resident ID number with a valid check digit. */
function idNumber(area, y, m, d, seq) {
  const body = `${area}${y}${pad(m)}${pad(d)}${pad(seq, 3)}`;
  const W = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const s = body.split('').reduce((a, c, i) => a + Number(c) * W[i], 0);
  return body + '10X98765432'[s % 11];
}
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const serial = (y, m, d) => Math.round((Date.UTC(y, m - 1, d) - EXCEL_EPOCH) / 86400000);
const iso = (y, m, d) => `${y}-${pad(m)}-${pad(d)}`;
function addDays(y, m, d, n) {
  const t = new Date(Date.UTC(y, m - 1, d) + n * 86400000);
  return [t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate()];
}
function randDate2024(fromMonth = 1, toMonth = 11) {
  const m = int(fromMonth, toMonth);
  const d = int(1, [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]);
  return [2024, m, d];
}

// ---------------------------------------------------------------- county reference (samples/shengsi)
const UNITS = [
  // id, full name, short, aliases as the county writes them, kind, domain, level, township, mode, hub, established, abolished, staff
  ['ZH01', '嵊泗县综合行政执法局', '综合执法局', '县综合行政执法局、县综合执法局', '综合', '城市管理、市容环卫、园林绿化及划转领域', '县', '', '县级', '', [2019, 3, 15], null, 68],
  ['ZY01', '嵊泗县市场监督管理局', '市场监管局', '县市场监管局', '专业', '市场监管', '县', '', '县级', '', [2019, 1, 20], null, 45],
  ['ZY02', '舟山市生态环境局嵊泗分局', '生态环境分局', '嵊泗生态环境分局', '专业', '生态环境', '县', '', '县级', '', [2019, 4, 1], null, 15],
  ['ZY03', '嵊泗县文化和广电旅游体育局', '文广旅体局', '县文广旅体局', '专业', '文化旅游、广电、体育', '县', '', '县级', '', [2019, 2, 26], null, 10],
  ['ZY04', '嵊泗县交通运输局', '交通运输局', '县交通运输局', '专业', '交通运输、港航', '县', '', '县级', '', [2019, 2, 26], null, 18],
  ['ZY05', '嵊泗县农业农村局', '农业农村局', '县农业农村局', '专业', '农业农村', '县', '', '县级', '', [2019, 2, 26], null, 12],
  ['ZY06', '嵊泗县自然资源和规划局', '资规局', '自然资源规划局、县资规局', '专业', '自然资源、规划', '县', '', '县级', '', [2019, 2, 26], null, 12],
  ['ZY07', '嵊泗县应急管理局', '应急管理局', '县应急管理局', '专业', '应急管理、安全生产', '县', '', '县级', '', [2019, 2, 26], null, 10],
  ['ZY08', '嵊泗县卫生健康局', '卫健局', '卫生健康局、县卫健局', '专业', '卫生健康', '县', '', '县级', '', [2019, 2, 26], null, 10],
  ['ZY09', '嵊泗县水利局执法队', '水利执法队', '县水利执法队', '专业', '水利', '县', '', '县级', '', [2016, 7, 1], [2023, 3, 31], 0],
  ['HY01', '嵊泗县海洋综合行政执法队', '海洋执法队', '县海洋执法队、嵊泗海洋综合执法大队', '海洋', '海洋渔业', '县', '', '县级', '', [2019, 9, 1], null, 31],
  ['XZ01', '嵊泗县菜园镇人民政府', '菜园镇', '菜园镇综合行政执法队、菜园中队', '乡镇', '乡镇综合执法', '乡镇', '菜园镇', '派驻', '', [2021, 7, 1], null, 27],
  ['XZ02', '嵊泗县嵊山镇人民政府', '嵊山镇', '马鞍列岛片区综合行政执法队、嵊山中队', '乡镇', '乡镇综合执法', '乡镇', '嵊山镇', '派驻', '', [2021, 7, 1], null, 20],
  ['XZ03', '嵊泗县洋山镇人民政府', '洋山镇', '洋山镇综合行政执法队', '乡镇', '乡镇综合执法', '乡镇', '洋山镇', '赋权', '', [2021, 7, 1], null, 22],
  ['XZ04', '嵊泗县五龙乡人民政府', '五龙乡', '五龙中队', '乡镇', '乡镇综合执法', '乡镇', '五龙乡', '派驻', '', [2021, 7, 1], null, 9],
  ['XZ05', '嵊泗县黄龙乡人民政府', '黄龙乡', '黄龙中队', '乡镇', '乡镇综合执法', '乡镇', '黄龙乡', '派驻', '', [2021, 7, 1], null, 8],
  ['XZ06', '嵊泗县枸杞乡人民政府', '枸杞乡', '枸杞执法点', '乡镇', '乡镇综合执法', '乡镇', '枸杞乡', '片区兼管', '嵊山镇', [2021, 7, 1], null, 3],
  ['XZ07', '嵊泗县花鸟乡人民政府', '花鸟乡', '花鸟执法点', '乡镇', '乡镇综合执法', '乡镇', '花鸟乡', '片区兼管', '嵊山镇', [2021, 7, 1], null, 3],
];
const U = Object.fromEntries(UNITS.map((u) => [u[0], { id: u[0], name: u[1], short: u[2], aliases: u[3].split('、') }]));
const TOWNS = ['菜园镇', '嵊山镇', '洋山镇', '五龙乡', '黄龙乡', '枸杞乡', '花鸟乡'];

async function readRoster() {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(ROSTER);
  const ws = wb.worksheets[0];
  const out = [];
  const byName = Object.fromEntries(UNITS.map((u) => [u[1], u[0]]));
  ws.eachRow((r, i) => {
    if (i <= 2) return;
    const v = r.values.slice(1).map((x) => (x instanceof Date ? x : x ?? ''));
    out.push({
      id: v[0], name: v[2], idNo: String(v[3]), phone: String(v[4]), unit: byName[v[5]], posting: v[6], town: v[7],
      role: v[8], fulltime: v[9], staffing: v[10], cert: v[11], from: v[12] || null, to: v[13] || null, lq: v[14], hours: v[15],
    });
  });
  return out;
}

// ---------------------------------------------------------------- business subjects of the county
const BUSINESSES = [
  // name, kind: C company, G 个体工商户, H 合作社, town
  ['嵊泗县海韵旅游开发有限公司', 'C', '菜园镇'],
  ['嵊泗县东海渔业有限公司', 'C', '嵊山镇'],
  ['舟山市嵊泗港隆物流有限公司', 'C', '洋山镇'],
  ['嵊泗县洋山港区建设工程有限公司', 'C', '洋山镇'],
  ['嵊泗县金沙湾酒店管理有限公司', 'C', '五龙乡'],
  ['嵊泗县枸杞乡贻贝养殖专业合作社', 'H', '枸杞乡'],
  ['嵊泗县黄龙岛海钓俱乐部有限公司', 'C', '黄龙乡'],
  ['嵊泗县花鸟岛灯塔民宿有限公司', 'C', '花鸟乡'],
  ['嵊泗县马鞍列岛船务有限公司', 'C', '嵊山镇'],
  ['嵊泗县绿华船舶修造有限公司', 'C', '菜园镇'],
  ['嵊泗县海之星超市有限公司', 'C', '菜园镇'],
  ['嵊泗县新城建材有限公司', 'C', '菜园镇'],
  ['嵊泗县博雅培训学校有限公司', 'C', '菜园镇'],
  ['舟山鸿运汽车维修有限公司嵊泗分公司', 'C', '菜园镇'],
  ['嵊泗县蓝海文化传媒有限公司', 'C', '菜园镇'],
  ['嵊泗县天悦娱乐有限公司', 'C', '菜园镇'],
  ['嵊泗县海岛燃气有限公司', 'C', '菜园镇'],
  ['嵊泗县基湖沙滩旅游服务有限公司', 'C', '五龙乡'],
  ['嵊泗县菜园镇阿敏海鲜排档', 'G', '菜园镇'],
  ['嵊泗县菜园镇老杨小吃店', 'G', '菜园镇'],
  ['嵊泗县嵊山镇海哥渔家乐', 'G', '嵊山镇'],
  ['嵊泗县五龙乡会城农家乐', 'G', '五龙乡'],
  ['嵊泗县黄龙乡东咀头小卖部', 'G', '黄龙乡'],
  ['嵊泗县枸杞乡王家民宿', 'G', '枸杞乡'],
  ['嵊泗县花鸟乡岛上咖啡馆', 'G', '花鸟乡'],
  ['嵊泗县洋山镇港口快餐店', 'G', '洋山镇'],
  ['嵊泗县菜园镇顺发五金店', 'G', '菜园镇'],
  ['嵊泗县洋山镇小陈水产经营部', 'G', '洋山镇'],
  ['嵊泗县嵊山镇阿娟理发店', 'G', '嵊山镇'],
  ['嵊泗县五龙乡边礁岙烧烤店', 'G', '五龙乡'],
  ['嵊泗县菜园镇益康大药房', 'G', '菜园镇'],
  ['嵊泗县嵊山镇后头湾民宿', 'G', '嵊山镇'],
].map(([name, kind, town]) => ({ name, kind, town, code: kind === 'C' ? uscc('9', '1') : kind === 'G' ? uscc('9', '2') : uscc('9', '3') }));
const PERSONS = [
  ['陈国强', 1972], ['王海波', 1981], ['李秀英', 1966], ['张建军', 1979], ['周丽娜', 1990], ['吴志明', 1985], ['徐小芬', 1993],
  ['孙永康', 1969], ['胡春燕', 1988], ['朱伟东', 1976], ['郑海燕', 1983], ['杨林', 1995],
].map(([name, y], i) => ({ name, idNo: idNumber('330922', y, int(1, 12), int(1, 28), 100 + i * 7) }));

// ---------------------------------------------------------------- writers
const answer = {
  note:
    'Answer key of samples/acceptance2, declared by hand in _make.mjs (not computed by the importer). ' +
    'columns[i] is the i-th physical column; field null = must stay unmapped; accept = other outcomes that are not counted as wrong. ' +
    'rejected = data lines that must be rejected; footer_lines = title-like lines below the data (totals, notes, blank padded lines) that must not load: rejected or skipped, either is right. ' +
    'enums: for each enum field, the canonical value expected for each raw text (null = the field stays empty: the enum has no 其他); enum_accept: other values not counted as wrong for a genuinely ambiguous text. ' +
    'value_checks: stored values of single rows, found by their key.',
  files: [],
};

function csvCell(v) {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
/** Builds CSV text line by line and knows each record's first physical line. */
class CsvBook {
  constructor(width) {
    this.width = width;
    this.lines = [];
  }
  get nextLine() {
    return this.lines.reduce((a, l) => a + l.split('\n').length, 0) + 1;
  }
  /** A row as Excel saves it: padded with empty cells to the sheet's width. */
  row(cells) {
    const line = this.nextLine;
    const padded = [...cells];
    while (padded.length < this.width) padded.push('');
    this.lines.push(padded.map(csvCell).join(','));
    return line;
  }
  raw(text) {
    const line = this.nextLine;
    this.lines.push(text);
    return line;
  }
  /** Rows end with `eol`; a line break inside a quoted cell stays a bare LF, as Excel writes it. */
  text(eol) {
    return this.lines.join(eol) + eol;
  }
}

function colLetter(i) {
  let s = '';
  i += 1;
  while (i > 0) {
    const m = (i - 1) % 26;
    s = String.fromCharCode(65 + m) + s;
    i = Math.floor((i - 1) / 26);
  }
  return s;
}
const THIN = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
const HEAD_FILL = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };

function setRow(ws, r, cells, opts = {}) {
  cells.forEach((v, i) => {
    if (v === undefined || v === '' || v === null) return;
    const c = ws.getCell(r, i + 1);
    if (v && typeof v === 'object' && 'numFmt' in v) {
      c.value = v.value;
      c.numFmt = v.numFmt;
    } else c.value = v;
    if (opts.border) c.border = THIN;
  });
  if (opts.border) for (let i = 0; i < opts.width; i++) ws.getCell(r, i + 1).border = THIN;
}
const dateCell = (y, m, d, fmt = 'yyyy/m/d') => ({ value: new Date(Date.UTC(y, m - 1, d)), numFmt: fmt });

/** Writes a workbook with fixed zip entry times (JSZip, exceljs's own zip library), so the
 *  bytes are the same every run. */
async function saveWorkbook(wb, file) {
  const buf = await wb.xlsx.writeBuffer();
  let out = Buffer.from(buf);
  try {
    const { default: JSZip } = await import('jszip');
    const src = await JSZip.loadAsync(buf);
    const zip = new JSZip();
    const date = new Date(Date.UTC(2025, 0, 6, 1, 30));
    for (const name of Object.keys(src.files).sort()) {
      const e = src.files[name];
      if (e.dir) continue;
      zip.file(name, await e.async('uint8array'), { date, createFolders: false });
    }
    out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  } catch {
    // without jszip the file is the same but for the zip entry times
  }
  writeFileSync(join(DIR, file), out);
}

/** A workbook with fixed document dates, so the files are the same bytes every run. */
function newWorkbook() {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Administrator';
  wb.lastModifiedBy = 'Administrator';
  wb.created = new Date(Date.UTC(2025, 0, 6, 1, 30));
  wb.modified = new Date(Date.UTC(2025, 0, 6, 1, 30));
  return wb;
}

function columnsOf(spec) {
  return spec.map(([header, field, extra = {}], index) => ({ index, header, field, ...extra }));
}

// ============================================================================================
// 01 执法主体名录 (unit) — XLSX: merged title row, a 填报 line, header on row 3, a merged note below.
// ============================================================================================
async function file01() {
  const file = '01_嵊泗县行政执法主体名录（2024年12月更新）.xlsx';
  const spec = [
    ['序号', null],
    ['主体代码', 'unit_id'],
    ['执法主体名称', 'name'],
    ['规范简称', 'short_name'],
    ['曾用名/俗称', 'aliases'],
    ['统一社会信用代码', null, { note: 'the body’s own credit code: the unit table has no field for it (must not take unit_id)' }],
    ['主体类别', 'unit_type'],
    ['主要执法领域', 'domain'],
    ['主体层级', 'level'],
    ['所在乡镇（街道）', 'township'],
    ['运行模式', 'mode'],
    ['片区驻点', 'hub_unit_id'],
    ['设立日期', 'established_date'],
    ['撤销日期', 'abolished_date'],
    ['在编执法人员数', null, { note: 'a head count: no field' }],
    ['联系电话', null, { note: 'the unit table has no phone field' }],
    ['备注', null],
  ];
  const TYPE = { 综合: '综合行政执法', 专业: '专业领域执法', 海洋: '海洋综合执法', 乡镇: '乡镇（街道）' };
  const LEVEL = { 县: '县级', 乡镇: '乡镇级' };
  const MODE = { 县级: '县级直属', 派驻: '县局派驻', 赋权: '乡镇赋权', 片区兼管: '片区兼管' };
  const wb = newWorkbook();
  const ws = wb.addWorksheet('主体名录');
  const W = spec.length;
  ws.getCell(1, 1).value = '嵊泗县行政执法主体名录';
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  ws.getCell(2, 1).value = '填报单位：嵊泗县司法局（县综合行政执法指导办公室）                  更新时间：2024年12月20日';
  ws.mergeCells(2, 1, 2, W);
  setRow(ws, 3, spec.map((s) => s[0]), { border: true, width: W });
  ws.getRow(3).eachCell((c) => (c.fill = HEAD_FILL));
  let r = 4;
  const rejected = [];
  const checks = [];
  UNITS.forEach((u, i) => {
    const [id, name, short, aliases, kind, domain, level, town, mode, hub, est, abol, staff] = u;
    // established dates: date cells for the county bodies, text as typed for the townships
    const estCell = kind === '乡镇' ? `${est[0]}年${est[1]}月${est[2]}日` : dateCell(...est, 'yyyy-mm-dd');
    const row = [i + 1, id, name, short, aliases, uscc('1', '1'), TYPE[kind], domain, LEVEL[level], town, MODE[mode], hub, estCell,
      abol ? `${abol[0]}.${pad(abol[1])}.${pad(abol[2])}` : '', staff, `0580-${int(5080000, 5089999)}`, id === 'ZY09' ? '2023年3月31日撤销，人员并入县综合行政执法局' : ''];
    setRow(ws, r, row, { border: true, width: W });
    r++;
  });
  checks.push({ where: { unit_id: 'ZH01' }, field: 'established_date', expected: '2019-03-15', why: 'a date cell' });
  checks.push({ where: { unit_id: 'XZ03' }, field: 'established_date', expected: '2021-07-01', why: '2021年7月1日 as text' });
  checks.push({ where: { unit_id: 'ZY09' }, field: 'abolished_date', expected: '2023-03-31', why: '2023.03.31 as text' });
  checks.push({ where: { unit_id: 'XZ06' }, field: 'hub_unit_id', expected: 'XZ02', why: 'the hub by its short name, resolved within the same file' });
  // a unit the clerk added without its code yet, and a numbered line left empty
  setRow(ws, r, [19, '', '嵊泗县港航和口岸管理服务中心', '港航口岸中心', '', '', '专业领域执法', '港航', '县级', '', '县级直属', '', '2024年10月'], { border: true, width: W });
  rejected.push({ line: r, why: '主体代码为空（新设单位尚未赋码）/ no unit code: no key' });
  r++;
  setRow(ws, r, [20], { border: true, width: W });
  rejected.push({ line: r, why: '只有序号的空行 / a numbered line with nothing else: no key' });
  r++;
  ws.getCell(r, 1).value =
    '注：1.“运行模式”中“县局派驻”指县综合行政执法局派驻乡镇的执法队伍，“片区兼管”指由片区驻点乡镇统筹执法；2.设立日期以编委批复时间为准；3.本名录每年12月更新。';
  ws.mergeCells(r, 1, r, W);
  const footer = [{ line: r, why: '注释行 / the notes under the table' }];
  ws.columns.forEach((c, i) => (c.width = [5, 8, 28, 12, 30, 22, 14, 26, 9, 12, 10, 9, 12, 12, 8, 14, 30][i] ?? 10));
  await saveWorkbook(wb, file);
  answer.files.push({
    file,
    table: 'unit',
    workspace: [],
    layout: 'XLSX; row 1 merged title, row 2 merged 填报 line, header row 3, data from row 4, a merged note row under the data',
    header_rows: [3],
    first_data_row: 4,
    columns: columnsOf(spec),
    rows_loaded: 18,
    rejected,
    footer_lines: footer,
    enums: {
      unit_type: { 综合行政执法: '综合', 专业领域执法: '专业', 海洋综合执法: '海洋', '乡镇（街道）': '乡镇' },
      level: { 县级: '县', 乡镇级: '乡镇' },
      mode: { 县级直属: '县级', 县局派驻: '派驻', 乡镇赋权: '赋权', 片区兼管: '片区兼管' },
    },
    identity: ['unit_id'],
    value_checks: checks,
  });
}

// ============================================================================================
// 02 执法事项目录及裁量基准 (matter) — XLSX: title, a note row, two header rows (merged parents
// 划转情况 → 是否划转/原行业领域 and 罚款幅度（万元） → 下限/上限), 执法领域 merged down each block.
// ============================================================================================
async function file02() {
  const file = '02_嵊泗县综合行政执法事项目录及裁量基准（2024年版）.xlsx';
  // [leaf header, parent or null, field, extra]
  const cols = [
    ['序号', null, null],
    ['事项编码', null, 'matter_code'],
    ['事项名称', null, 'name'],
    ['职权类别', null, 'power_type'],
    ['执法领域', null, 'domain', { note: 'merged down over each block of rows: every row of the block has that domain' }],
    ['是否划转', '划转情况', 'transferred'],
    ['原行业领域', '划转情况', 'from_domain'],
    ['实施主体', null, 'owner_unit_id'],
    ['执法队伍类别', null, 'owner_type'],
    ['高频事项', null, 'high_frequency'],
    ['下限', '罚款幅度（万元）', 'fine_min', { note: 'in 万元 (the unit is in the parent header): stored × 10000' }],
    ['上限', '罚款幅度（万元）', 'fine_max', { note: 'in 万元 (the unit is in the parent header): stored × 10000' }],
    ['设定依据', null, null, { note: 'the legal basis, long text: no field' }],
    ['目录版本', null, 'catalogue_version'],
    ['生效日期', null, 'effective_date'],
    ['调整日期', null, 'revised_date', { note: 'Excel serial numbers (General format) and text in the same column' }],
    ['向社会公布', null, 'published'],
    ['备注', null, null],
  ];
  const P = { 处罚: '行政处罚', 强制: '行政强制措施', 强制执行: '行政强制执行', 检查: '行政检查' };
  const T = { 综合: '综合执法队伍', 专业: '专业执法队伍', 海洋: '海洋执法队伍', 乡镇: '乡镇（街道）执法队伍' };
  const BASIS = {
    城市管理: '《城市市容和环境卫生管理条例》',
    市场监管: '《中华人民共和国食品安全法》',
    海洋渔业: '《中华人民共和国渔业法》',
    水利: '《中华人民共和国水法》',
    档案: '《中华人民共和国档案法》',
    乡镇赋权: '《浙江省综合行政执法条例》',
  };
  // domain blocks: [domain, rows: [code, name, power, ownerType, owner, transferred, fromDomain, hf, min(元), max(元), version, eff, rev]]
  const blocks = [
    ['城市管理', [
      ['331010001000', '对建设单位擅自占用、挖掘城市道路的行政处罚', '处罚', '综合', '综合执法局', '否', '', '否', 2000, 20000, '2021版', '2021-07-01', null],
      ['331010002000', '对个人随地吐痰、乱扔果皮纸屑等废弃物的行政处罚', '处罚', '综合', '综合执法局', '否', '', '否', 20, 200, '2021版', '2021-07-01', null],
      ['331010003000', '对单位未按规定倾倒餐厨垃圾的行政处罚', '处罚', '综合', '综合执法局', '否', '', '是', 50, 200, '2021版', '2021-07-01', [2024, 6, 15, 'serial']],
      ['', '　其中：对单位未按规定倾倒餐厨垃圾且拒不改正的（子项）', '处罚', '综合', '综合执法局', '否', '', '否', 200, 2000, '2021版', '2021-07-01', null],
      ['331010007000', '对施工单位未按规定覆盖裸露土方的行政处罚', '处罚', '综合', '综合执法局', '否', '', '否', 1000, 10000, '2021版', '2021-07-01', null],
      ['331020037000', '查封、扣押擅自设摊经营的物品', '强制', '综合', '综合执法局', '否', '', '否', null, null, '2021版', '2021-07-01', null],
      ['331020040000', '代为拆除违法建筑物、构筑物', '强制执行', '综合', '综合执法局', '否', '', '否', null, null, '2021版', '2021-07-01', null],
      ['331030043000', '对市容环境卫生的行政检查', '检查', '综合', '综合执法局', '否', '', '否', null, null, '2021版', '2021-07-01', [2023, 6, 15, 'dot']],
    ]],
    ['市场监管', [
      ['330110001000', '对食品生产者未取得食品生产经营许可从事食品生产经营活动的行政处罚', '处罚', '专业', '市场监管局', '否', '', '是', 1000, 10000, '2021版', '2021-07-01', [2023, 6, 1, 'dot']],
      ['330110002000', '对食品经营者未取得食品生产经营许可从事食品生产经营活动的行政处罚', '处罚', '专业', '市场监管局', '否', '', '否', 1000, 10000, '2021版', '2021-07-01', null],
      ['330120090000', '查封、扣押有证据证明不符合食品安全标准的食品', '强制', '专业', '市场监管局', '否', '', '否', null, null, '2021版', '2021-07-01', null],
      ['330130102000', '对食品生产经营的行政检查', '检查', '专业', '市场监管局', '否', '', '否', null, null, '2021版', '2021-07-01', [2024, 3, 15, 'serial']],
      ['330130104000', '对特种设备安全的行政检查', '检查', '专业', '市场监管局', '否', '', '否', null, null, '2021版', '2021-07-01', [2023, 6, 15, 'serial']],
    ]],
    ['海洋渔业', [
      ['330910001000', '对渔船未依法取得捕捞许可证擅自进行捕捞的行政处罚', '处罚', '海洋', '海洋执法队', '否', '', '否', 5000, 50000, '2021版', '2021-07-01', null],
      ['330910003000', '对渔船违反捕捞许可证关于作业类型的规定捕捞的行政处罚', '处罚', '海洋', '海洋执法队', '否', '', '否', 2000, 20000, '2021版', '2021-07-01', [2024, 3, 15, 'dot']],
      ['330920027000', '查封、扣押违禁渔具', '强制', '海洋', '海洋执法队', '否', '', '否', null, null, '2021版', '2021-07-01', [2024, 6, 15, 'serial']],
      ['330930032000', '对伏季休渔的行政检查', '检查', '海洋', '海洋执法队', '否', '', '否', null, null, '2021版', '2021-07-01', null],
    ]],
    ['水利', [
      ['332410001000', '对单位和个人未经批准擅自取水的行政处罚', '处罚', '综合', '综合执法局', '是', '水利', '否', 5000, 50000, '2023版', '2023-04-01', null],
      ['332410002000', '对单位和个人未经批准在河道管理范围内建设的行政处罚', '处罚', '综合', '综合执法局', '是', '水利', '否', 10000, 100000, '2023版', '2023-04-01', null],
      ['332410003000', '对单位和个人拒不缴纳水资源费的行政处罚', '处罚', '综合', '综合执法局', '是', '水利', '否', 1000, 10000, '2023版', '2023-04-01', null],
    ]],
    ['档案', [
      ['332110001000', '对单位擅自销毁档案的行政处罚', '处罚', '综合', '综合执法局', '是', '档案', '是', 1000, 10000, '2022版', '2022-01-01', null],
      ['332110002000', '对单位不按规定归档或者不按期移交档案的行政处罚', '处罚', '综合', '综合执法局', '是', '档案', '否', null, null, '2022版', '2022-01-01', null],
      ['', '　其中：对档案服务企业违规处置档案的（子项）', '处罚', '综合', '综合执法局', '是', '档案', '否', 10000, 100000, '2022版', '2022-01-01', null],
      ['332110003000', '对单位涂改、伪造档案的行政处罚', '处罚', '综合', '综合执法局', '是', '档案', '否', 2000, 20000, '2022版', '2022-01-01', null],
    ]],
    ['乡镇赋权', [
      ['331110001000', '对单位和个人在村庄规划区内未取得乡村建设规划许可证进行建设的行政处罚', '处罚', '乡镇', '洋山镇', '否', '', '否', 2000, 20000, '2021版', '2021-07-01', null],
      ['331110002000', '对单位和个人擅自占用农村道路的行政处罚', '处罚', '乡镇', '洋山镇', '否', '', '是', 200, 2000, '2021版', '2021-07-01', null],
      ['331110003000', '对单位和个人在村庄公共场所乱堆乱放的行政处罚', '处罚', '乡镇', '洋山镇', '否', '', '否', 20, 200, '2021版', '2021-07-01', [2024, 9, 15, 'cn']],
    ]],
  ];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('事项目录');
  const W = cols.length;
  ws.getCell(1, 1).value = '嵊泗县综合行政执法事项目录及行政处罚裁量基准（2024年版）';
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(2, 1).value = '发布文号：嵊政办发〔2024〕3号                                                        罚款幅度单位：万元';
  ws.mergeCells(2, 1, 2, W);
  // two header rows
  let c = 0;
  while (c < W) {
    const [leaf, parent] = cols[c];
    if (!parent) {
      ws.getCell(3, c + 1).value = leaf;
      ws.mergeCells(3, c + 1, 4, c + 1);
      c++;
    } else {
      let e = c;
      while (e + 1 < W && cols[e + 1][1] === parent) e++;
      ws.getCell(3, c + 1).value = parent;
      ws.mergeCells(3, c + 1, 3, e + 1);
      for (let k = c; k <= e; k++) ws.getCell(4, k + 1).value = cols[k][0];
      c = e + 1;
    }
  }
  for (const rr of [3, 4]) for (let k = 1; k <= W; k++) Object.assign(ws.getCell(rr, k), { border: THIN, fill: HEAD_FILL });
  let r = 5;
  let n = 0;
  const rejected = [];
  const checks = [];
  const revForms = [];
  for (const [domain, rows] of blocks) {
    const top = r;
    for (const m of rows) {
      const [code, name, power, otype, owner, tr, from, hf, min, max, ver, eff, rev] = m;
      n++;
      const money = (v) => (v === null ? (rnd() < 0.5 ? '/' : '—') : v / 10000);
      let revCell = '';
      if (rev) {
        const [y, mo, d, form] = rev;
        revCell = form === 'serial' ? serial(y, mo, d) : form === 'dot' ? `${y}.${pad(mo)}.${pad(d)}` : `${y}年${mo}月${d}日`;
        revForms.push(form);
      }
      const row = [n, code, name, P[power], r === top ? domain : '', tr, from, owner, T[otype], hf, money(min), money(max),
        `${BASIS[domain] ?? ''}第${int(20, 90)}条`, ver, eff, revCell, '是', ''];
      setRow(ws, r, row);
      for (let k = 1; k <= W; k++) ws.getCell(r, k).border = THIN;
      if (!code) rejected.push({ line: r, why: '子项行没有事项编码 / a sub-item line without a matter code: no key' });
      r++;
    }
    ws.mergeCells(top, 5, r - 1, 5);
    ws.getCell(top, 5).alignment = { vertical: 'middle' };
  }
  checks.push({ where: { matter_code: '331010001000' }, field: 'fine_min', expected: 2000, why: '0.2 万元' });
  checks.push({ where: { matter_code: '331010001000' }, field: 'fine_max', expected: 20000, why: '2 万元' });
  checks.push({ where: { matter_code: '331010002000' }, field: 'fine_min', expected: 20, why: '0.002 万元' });
  checks.push({ where: { matter_code: '332410002000' }, field: 'fine_max', expected: 100000, why: '10 万元' });
  checks.push({ where: { matter_code: '330120090000' }, field: 'fine_max', expected: null, why: '“/” or “—”: no fine for a coercive measure' });
  checks.push({ where: { matter_code: '330110002000' }, field: 'domain', expected: '市场监管', why: 'second row of the merged 执法领域 block' });
  checks.push({ where: { matter_code: '331110003000' }, field: 'domain', expected: '乡镇赋权', why: 'last row of a merged block' });
  checks.push({ where: { matter_code: '331010003000' }, field: 'revised_date', expected: '2024-06-15', why: 'Excel serial number 45458 in a General cell' });
  checks.push({ where: { matter_code: '330110001000' }, field: 'revised_date', expected: '2023-06-01', why: '2023.06.01 as text' });
  checks.push({ where: { matter_code: '331110003000' }, field: 'revised_date', expected: '2024-09-15', why: '2024年9月15日 as text' });
  checks.push({ where: { matter_code: '332410001000' }, field: 'transferred', expected: true, why: '是' });
  checks.push({ where: { matter_code: '331010003000' }, field: 'high_frequency', expected: true, why: '是' });
  checks.push({ where: { matter_code: '331110002000' }, field: 'owner_unit_id', expected: 'XZ03', why: '洋山镇' });
  ws.getCell(r, 1).value = '注：1.“职权类别”按权力清单分类填写；2.罚款幅度为法定罚款幅度，具体裁量按《嵊泗县行政处罚裁量基准》执行；3.子项不单独编码。';
  ws.mergeCells(r, 1, r, W);
  const footer = [{ line: r, why: '注释行 / the notes under the table' }];
  ws.columns.forEach((col, i) => (col.width = [5, 15, 46, 12, 10, 8, 10, 12, 16, 8, 8, 8, 30, 9, 11, 11, 9, 8][i] ?? 10));
  await saveWorkbook(wb, file);
  answer.files.push({
    file,
    table: 'matter',
    workspace: ['units'],
    layout: 'XLSX; row 1 merged title, row 2 a merged note (罚款幅度单位：万元), header rows 3–4 (merged parents 划转情况 and 罚款幅度（万元）, other headers merged down over both rows), data from row 5; 执法领域 merged down over each domain block; a merged note row under the data',
    header_rows: [3, 4],
    first_data_row: 5,
    columns: cols.map(([leaf, parent, field, extra = {}], index) => ({ index, header: parent ? `${parent} ${leaf}` : leaf, leaf, ...(parent ? { parent } : {}), field, ...extra })),
    rows_loaded: n - rejected.length,
    rejected,
    footer_lines: footer,
    enums: {
      power_type: { 行政处罚: '处罚', 行政强制措施: '强制', 行政强制执行: '强制', 行政检查: '检查' },
      owner_type: { 综合执法队伍: '综合', 专业执法队伍: '专业', 海洋执法队伍: '海洋', '乡镇（街道）执法队伍': '乡镇' },
    },
    identity: ['matter_code'],
    value_checks: checks,
  });
}


// ============================================================================================
// 03 双随机抽查任务清单 (inspection_plan) — GBK CSV saved from Excel: title and 制表 lines above the
// header, a blank line and a 说明 line below the data (padded with commas like every Excel row).
// ============================================================================================
function file03() {
  const file = '03_2024年度部门联合双随机抽查任务清单.csv';
  const spec = [
    ['序号', null],
    ['任务编号', 'plan_task_id'],
    ['任务名称', null, { note: 'the task’s title: no field (plan_type is the kind of task)' }],
    ['抽查类型', 'plan_type'],
    ['发起部门', 'unit_id'],
    ['配合部门', null, { note: 'co-operating departments: the plan table has no field for them (must not take unit_id)' }],
    ['抽查事项', null],
    ['检查对象名称', 'subject_name'],
    ['统一社会信用代码', 'subject_id'],
    ['开始时间', null, { note: 'the start of the window: no field (must not take due_date)' }],
    ['截止时间', 'due_date'],
    ['任务状态', null],
    ['备注', null],
  ];
  const W = spec.length;
  const B = (name) => BUSINESSES.find((b) => b.name === name);
  const tasks = [
    ['SJ001', '2024年度餐饮服务单位食品安全“双随机”抽查', '不定向抽查', '县市场监管局', '', '对餐饮服务食品安全的行政检查', [3, 1], [11, 30], '已完成',
      ['嵊泗县菜园镇阿敏海鲜排档', '嵊泗县菜园镇老杨小吃店', '嵊泗县洋山镇港口快餐店', '嵊泗县五龙乡边礁岙烧烤店', '嵊泗县嵊山镇海哥渔家乐']],
    ['SJ002', '2024年度民宿行业部门联合抽查', '定向抽查', '嵊泗县文化和广电旅游体育局', '县市场监管局、卫健局', '对旅游民宿经营的行政检查', [4, 1], [10, 31], '已完成',
      ['嵊泗县枸杞乡王家民宿', '嵊泗县花鸟岛灯塔民宿有限公司', '嵊泗县嵊山镇后头湾民宿', '嵊泗县五龙乡会城农家乐']],
    ['ZX003', '2024年伏季休渔期间渔船安全生产专项检查', '专项检查', '海洋执法队', '', '对伏季休渔的行政检查', [5, 1], [9, 16], '已完成',
      ['嵊泗县东海渔业有限公司', '嵊泗县马鞍列岛船务有限公司', '嵊泗县枸杞乡贻贝养殖专业合作社']],
    ['SJ004', '2024年度危险化学品经营企业部门联合抽查', '部门联合抽查', '应急管理局', '县市场监管局', '对危险化学品经营的行政检查', [3, 15], [11, 15], '已完成',
      ['嵊泗县海岛燃气有限公司', '嵊泗县新城建材有限公司', '嵊泗县菜园镇顺发五金店']],
    ['SJ005', '2024年度道路运输及机动车维修企业“双随机”抽查', '不定向抽查', '县交通运输局', '', '对道路运输经营的行政检查', [4, 1], [11, 30], '检查中',
      ['舟山市嵊泗港隆物流有限公司', '舟山鸿运汽车维修有限公司嵊泗分公司', '嵊泗县基湖沙滩旅游服务有限公司']],
    ['SJ006', '2024年度公共场所卫生“双随机”抽查', '不定向抽查', '卫健局', '', '对公共场所卫生的行政检查', [3, 1], [10, 31], '已完成',
      ['嵊泗县嵊山镇阿娟理发店', '嵊泗县金沙湾酒店管理有限公司', '嵊泗县天悦娱乐有限公司', '嵊泗县海韵旅游开发有限公司']],
    ['ZX007', '建筑工地扬尘及渣土运输专项检查', '专项检查', '综合执法局', '资规局', '对建筑垃圾处置的行政检查', [6, 1], [8, 31], '已完成',
      ['嵊泗县洋山港区建设工程有限公司', '嵊泗县新城建材有限公司', '嵊泗县绿华船舶修造有限公司']],
    ['SJ008', '2024年度重点排污单位“双随机”抽查', '定向抽查', '舟山市生态环境局嵊泗分局', '', '对排污许可执行的行政检查', [3, 1], [11, 30], '已完成',
      ['嵊泗县绿华船舶修造有限公司', '嵊泗县东海渔业有限公司', '嵊泗县洋山港区建设工程有限公司']],
    ['ZH009', '菜园镇沿街商铺“综合查一次”', '综合查一次', '菜园中队', '县市场监管局、综合执法局', '对市容环境卫生的行政检查', [5, 10], [6, 30], '已完成',
      ['嵊泗县海之星超市有限公司', '嵊泗县菜园镇益康大药房', '嵊泗县菜园镇顺发五金店', '嵊泗县蓝海文化传媒有限公司']],
    ['ZH010', '洋山镇港区企业“综合查一次”', '综合查一次', '洋山镇综合行政执法队', '应急管理局、县交通运输局', '对港口经营安全的行政检查', [7, 1], [12, 20], '未开始',
      ['舟山市嵊泗港隆物流有限公司', '嵊泗县洋山镇小陈水产经营部', '嵊泗县洋山镇港口快餐店']],
    ['SJ011', '2024年度校外培训机构部门联合抽查', '部门联合抽查', '嵊泗县市场监督管理局', '文广旅体局', '对校外培训机构收费行为的行政检查', [9, 1], [12, 15], '检查中',
      ['嵊泗县博雅培训学校有限公司', '嵊泗县黄龙岛海钓俱乐部有限公司']],
  ];
  const book = new CsvBook(W);
  book.row(['嵊泗县2024年度部门联合“双随机、一公开”抽查任务清单']);
  book.row(['制表单位：嵊泗县市场监督管理局（县“双随机、一公开”监管工作联席会议办公室）', '', '', '', '', '', '', '', '', '', '制表日期：2024年1月15日']);
  book.row(spec.map((s) => s[0]));
  let n = 0;
  const rejected = [];
  const checks = [];
  const UNITTEXT = { '县市场监管局': 'ZY01', 嵊泗县文化和广电旅游体育局: 'ZY03', 海洋执法队: 'HY01', 应急管理局: 'ZY07', 县交通运输局: 'ZY04', 卫健局: 'ZY08', 综合执法局: 'ZH01', 舟山市生态环境局嵊泗分局: 'ZY02', 菜园中队: 'XZ01', 洋山镇综合行政执法队: 'XZ03', 嵊泗县市场监督管理局: 'ZY01' };
  for (const [tid, title, type, unit, coop, item, start, due, status, objs] of tasks) {
    objs.forEach((o, k) => {
      n++;
      const id = `2024${tid}-${pad(k + 1)}`;
      const b = B(o);
      if (!b) throw new Error(o);
      let idCell = id;
      let dueCell = `2024/${due[0]}/${due[1]}`;
      let line;
      if (tid === 'SJ005' && k === 1) {
        // a clerk pasted a name with an ASCII comma into the CSV by hand: one field too many
        line = book.raw([n, id, title, type, unit, coop, item, '舟山鸿运汽车维修有限公司嵊泗分公司,城关维修点', b.code, `2024/${start[0]}/${start[1]}`, dueCell, status, ''].map(csvCell).join(',').replace('"舟山鸿运汽车维修有限公司嵊泗分公司,城关维修点"', '舟山鸿运汽车维修有限公司嵊泗分公司,城关维修点'));
        rejected.push({ line, why: '检查对象名称中的英文逗号未加引号，多出一列 / an unquoted comma in a name: one field too many (ragged)' });
        return;
      }
      if (tid === 'SJ006' && k === 2) {
        idCell = '';
      }
      if (tid === 'SJ008' && k === 1) dueCell = '2024/11/31';
      line = book.row([n, idCell, title, type, unit, coop, item, o, b.code, `2024/${start[0]}/${start[1]}`, dueCell, status, k === 0 && coop ? '牵头部门负责录入结果' : '']);
      if (!idCell) rejected.push({ line, why: '任务编号为空 / no task number: no key' });
      else if (dueCell === '2024/11/31') rejected.push({ line, why: '截止时间 2024/11/31 不存在 / due date 2024-11-31 does not exist (required date)' });
      else if (k === 0) checks.push({ where: { plan_task_id: id }, field: 'unit_id', expected: UNITTEXT[unit], why: unit });
    });
  }
  checks.push({ where: { plan_task_id: '2024SJ001-01' }, field: 'due_date', expected: '2024-11-30', why: '2024/11/30' });
  checks.push({ where: { plan_task_id: '2024ZH009-02' }, field: 'subject_id', expected: B('嵊泗县菜园镇益康大药房').code, why: 'credit code' });
  checks.push({ where: { plan_task_id: '2024ZH009-02' }, field: 'plan_type', expected: '综合查一次', why: 'text kept as written' });
  const footer = [];
  footer.push({ line: book.row([]), why: '空行（Excel 另存时以逗号补齐）/ a blank line padded with commas' });
  footer.push({ line: book.row(['说明：1.抽查类型分为定向抽查、不定向抽查；2.任务编号由县双随机监管平台生成；3.检查结果应于检查结束之日起20个工作日内录入并公示。']), why: '说明行 / the notes under the table' });
  writeFileSync(join(DIR, file), iconv.encode(book.text('\r\n'), 'gbk'));
  answer.files.push({
    file,
    table: 'inspection_plan',
    workspace: ['units', 'matters', 'officers'],
    layout: 'CSV, GBK, CRLF, saved from Excel: line 1 title, line 2 制表 line, header on line 3; a blank padded line and a 说明 line below the data',
    encoding: 'gbk',
    header_rows: [3],
    first_data_row: 4,
    columns: columnsOf(spec),
    rows_loaded: n - rejected.length,
    rejected,
    footer_lines: footer,
    enums: {},
    identity: ['plan_task_id'],
    value_checks: checks,
  });
}

// ============================================================================================
// 04 三项制度落实情况台账 (institution_checklist) — UTF-8 with BOM, header on line 1, √/×.
// ============================================================================================
function file04() {
  const file = '04_三项制度落实情况台账_2024年度.csv';
  const spec = [
    ['序号', null],
    ['单位名称', 'unit_id'],
    ['考核年度', 'year'],
    ['项目编号', 'item_code'],
    ['制度名称', 'item_name'],
    ['工作要求', null, { note: 'the requirement, long text: no field' }],
    ['落实情况', 'done'],
    ['完成时间', 'done_date'],
    ['佐证材料', 'evidence'],
    ['附件', null, { note: '“有（3个）/无”: an attachment count, no field' }],
    ['责任科室', null],
    ['经办人联系电话', null, { note: 'no phone field in the checklist' }],
    ['备注', null],
  ];
  const W = spec.length;
  const ITEMS = [
    ['GS01', '行政执法公示制度（事前公开）', '通过浙江政务服务网、部门网站公开执法主体、人员、职责、权限、依据、程序、救济渠道和随机抽查事项清单'],
    ['GS02', '行政执法公示制度（事后公开）', '行政处罚决定自作出之日起7个工作日内公示，公示信息准确完整'],
    ['JL01', '执法全过程记录制度', '对立案、调查、审查、决定、送达、执行等环节进行文字记录，对现场执法全程音像记录'],
    ['JL02', '执法全过程记录制度（音像设备管理）', '按规定配备执法记录仪等音像记录设备，建立音像资料存储、调取、归档管理制度'],
    ['FS01', '重大执法决定法制审核制度', '明确法制审核机构，配备不少于本单位执法人员总数5%的法制审核人员'],
    ['FS02', '重大执法决定法制审核制度（目录清单）', '编制并公布重大执法决定法制审核目录清单，未经法制审核或审核未通过的不得作出决定'],
  ];
  const UNITS4 = [
    ['综合执法局', 'ZH01', '法制科'],
    ['嵊泗县市场监督管理局', 'ZY01', '政策法规科'],
    ['生态环境分局', 'ZY02', '综合科'],
    ['县交通运输局', 'ZY04', '政策法规科'],
    ['应急管理局', 'ZY07', '执法大队'],
    ['海洋执法队', 'HY01', '法制审核室'],
    ['菜园镇', 'XZ01', '综合执法办'],
    ['嵊泗县洋山镇人民政府', 'XZ03', '综合信息指挥室'],
  ];
  const EVIDENCE = {
    GS01: ['浙江政务服务网公示页面截图', '本单位门户网站执法公示专栏截图'],
    GS02: ['行政处罚结果公开情况统计表', '处罚决定公示网页截图'],
    JL01: ['执法案卷文字记录抽查表', '执法记录仪数据导出清单'],
    JL02: ['执法记录仪配备台账', '音像资料管理制度文件'],
    FS01: ['法制审核人员名单及任命文件', '法制审核机构设置文件'],
    FS02: ['重大执法决定法制审核目录清单', '目录清单公布网页截图'],
  };
  // which (unit, item) were not done in 2024
  const NOT_DONE = new Set(['ZY02/JL02', 'ZY07/FS01', 'ZY07/FS02', 'XZ01/JL02', 'HY01/GS02']);
  const book = new CsvBook(W);
  book.row(spec.map((s) => s[0]));
  let n = 0;
  const rejected = [];
  const checks = [];
  const dateForms = [(m, d) => `2024.${pad(m)}.${pad(d)}`, (m, d) => `2024年${m}月${d}日`, (m, d) => `2024/${m}/${d}`];
  UNITS4.forEach(([utext, uid, office], ui) => {
    ITEMS.forEach(([code, name, req], ii) => {
      n++;
      const notDone = NOT_DONE.has(`${uid}/${code}`);
      const [m, d] = [int(1, 11), int(1, 28)];
      const done = notDone ? '×' : '√';
      const doneDate = notDone ? (uid === 'ZY07' && code === 'FS01' ? '待完成' : '') : dateForms[(ui + ii) % 3](m, d);
      const ev = notDone ? '' : pick(EVIDENCE[code]);
      const phone = `1${pick(['35', '38', '58', '59', '87'])}${int(10000000, 99999999)}`;
      let row = [n, utext, '2024', code, name, req, done, doneDate, ev, notDone ? '无' : `有（${int(1, 5)}个）`, office, phone, notDone ? '已列入整改清单' : ''];
      let broken = null;
      if (uid === 'ZY04' && code === 'JL01') {
        row[3] = '';
        broken = '项目编号为空 / no item code: no key';
      }
      if (uid === 'XZ01' && code === 'FS01') {
        row[1] = '';
        broken = '单位名称为空 / no unit: no key';
      }
      let line;
      if (uid === 'HY01' && code === 'JL01') {
        // a line cut short when the clerk deleted cells in a text editor
        line = book.raw([n, utext, '2024', code, name].map(csvCell).join(','));
        broken = '只有 5 列（应为 13 列）/ 5 fields instead of 13 (ragged)';
      } else line = book.row(row);
      if (broken) rejected.push({ line, why: broken });
    });
  });
  // county-level items
  for (const [code, name, req, done, dd] of [
    ['QX01', '县级行政执法协调监督工作体系', '建立县综合行政执法协调指挥机制，定期通报执法监督情况', '√', '2024年6月30日'],
    ['QX02', '行政执法监督平台应用', '县域执法主体全部接入省行政执法监督平台并按月报送数据', '√', '2024.09.30'],
  ]) {
    n++;
    book.row([n, '全县', '2024', code, name, req, done, dd, '县政府办公室文件', '有（2个）', '县司法局', '0580-5082315', '县级事项']);
  }
  checks.push({ where: { unit_id: 'ZY07', year: 2024, item_code: 'FS01' }, field: 'done', expected: false, why: '×' });
  checks.push({ where: { unit_id: 'ZY07', year: 2024, item_code: 'FS01' }, field: 'done_date', expected: null, why: '“待完成” in an optional date: loads empty' });
  checks.push({ where: { unit_id: 'ZH01', year: 2024, item_code: 'GS01' }, field: 'done', expected: true, why: '√' });
  checks.push({ where: { unit_id: 'COUNTY', year: 2024, item_code: 'QX01' }, field: 'done_date', expected: '2024-06-30', why: '全县 and 2024年6月30日' });
  checks.push({ where: { unit_id: 'XZ03', year: 2024, item_code: 'FS02' }, field: 'done', expected: true, why: 'unit by its full name' });
  writeFileSync(join(DIR, file), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(book.text('\r\n'), 'utf8')]));
  answer.files.push({
    file,
    table: 'institution_checklist',
    workspace: ['units', 'matters', 'officers'],
    layout: 'CSV, UTF-8 with BOM, CRLF, header on line 1; √/× flags',
    encoding: 'utf-8-bom',
    header_rows: [1],
    first_data_row: 2,
    columns: columnsOf(spec),
    rows_loaded: n - rejected.length,
    rejected,
    footer_lines: [],
    enums: {},
    identity: ['unit_id', 'year', 'item_code'],
    value_checks: checks,
  });
}

// ============================================================================================
// 05 行政处罚案件结案登记表 (penalty_case) — XLSX: title, 填报 line, two header rows (当事人 →
// 名称/类型/证件号码, 处罚决定 → 日期/文号/罚款金额（元）/没收违法所得（万元）, 法制审核 → 审核人/日期),
// 立案日期 as Excel serial numbers and as text in the same column, a 合计 row under the data.
// ============================================================================================
async function file05(roster) {
  const file = '05_行政处罚案件结案登记表_2024年度.xlsx';
  const cols = [
    ['序号', null, null],
    ['案件编号', null, 'case_id'],
    ['案由', null, null, { note: 'the case’s title in words: no field (the matter is the coded column)' }],
    ['执法事项编码', null, 'matter_code'],
    ['执法主体', null, 'unit_id'],
    ['案发乡镇', null, 'township'],
    ['名称', '当事人', 'party_name'],
    ['类型', '当事人', 'party_type'],
    ['证件号码', '当事人', 'party_id'],
    ['案件来源', null, 'source'],
    ['适用程序', null, 'procedure'],
    ['立案日期', null, 'filed_date', { note: 'Excel serial numbers (General format) and text dates in the same column' }],
    ['日期', '处罚决定', 'decision_date'],
    ['文号', '处罚决定', null, { note: 'the decision’s document number: no field while 案件编号 is the case id' }],
    ['罚款金额（元）', '处罚决定', 'fine_amount'],
    ['没收违法所得（万元）', '处罚决定', 'confiscation_amount', { note: 'in 万元: stored × 10000' }],
    ['处罚种类', null, 'penalty_types'],
    ['审核人', '法制审核', null, { note: 'the reviewer’s name (an officer): no field — must not take officer_ids' }],
    ['日期', '法制审核', 'legal_review_date'],
    ['重大案件', null, 'major_case'],
    ['办案人员', null, 'officer_ids'],
    ['结案日期', null, 'closed_date'],
    ['网上办案', null, 'handled_online'],
    ['备注', null, null],
  ];
  const W = cols.length;
  const byUnit = (u, role) => roster.filter((o) => o.unit === u && o.role === role && o.cert);
  const PREFIX = { ZH01: '嵊综执', ZY01: '嵊市监', HY01: '嵊海执', ZY07: '嵊应急', ZY04: '嵊交', ZY08: '嵊卫', ZY02: '舟环嵊', XZ01: '嵊菜园', XZ03: '嵊洋山', XZ02: '嵊嵊山' };
  const UNITTEXT = {
    ZH01: ['嵊泗县综合行政执法局', '县综合执法局'], ZY01: ['嵊泗县市场监督管理局', '市场监管局'], HY01: ['嵊泗县海洋综合行政执法队', '海洋执法队'],
    ZY07: ['嵊泗县应急管理局'], ZY04: ['嵊泗县交通运输局', '交通运输局'], ZY08: ['嵊泗县卫生健康局'], ZY02: ['舟山市生态环境局嵊泗分局', '生态环境分局'],
    XZ01: ['菜园中队', '嵊泗县菜园镇人民政府'], XZ03: ['洋山镇综合行政执法队', '洋山镇'], XZ02: ['嵊山中队'],
  };
  const MATTERS = {
    ZH01: [['331010001000', '擅自占用、挖掘城市道路', 2000, 20000], ['331010003000', '未按规定倾倒餐厨垃圾', 50, 200], ['331010007000', '未按规定覆盖裸露土方', 1000, 10000], ['332410001000', '未经批准擅自取水', 5000, 50000]],
    ZY01: [['330110001000', '未取得食品生产许可从事食品生产', 1000, 10000], ['330110002000', '未取得食品经营许可从事食品经营', 1000, 10000], ['330110003000', '餐饮服务未取得许可', 1000, 10000]],
    HY01: [['330910001000', '未依法取得捕捞许可证擅自捕捞', 5000, 50000], ['330910003000', '违反捕捞许可证作业类型规定捕捞', 2000, 20000]],
    ZY07: [['330710001000', '未按规定对从业人员进行安全生产教育和培训', 1000, 10000]],
    ZY04: [['330410001000', '未取得道路运输经营许可擅自从事道路运输经营', 5000, 50000], ['330410003000', '机动车维修经营者未取得许可擅自经营', 5000, 50000]],
    ZY08: [['330810001000', '医疗机构使用非卫生技术人员', 1000, 10000]],
    ZY02: [['330210003000', '超过排放标准排放水污染物', 10000, 100000]],
    XZ01: [['331010002000', '随地吐痰、乱扔果皮纸屑等废弃物', 20, 200], ['331010003000', '未按规定倾倒餐厨垃圾', 50, 200]],
    XZ03: [['331110002000', '擅自占用农村道路', 200, 2000], ['331110003000', '在村庄公共场所乱堆乱放', 20, 200]],
    XZ02: [['331010002000', '随地吐痰、乱扔果皮纸屑等废弃物', 20, 200]],
  };
  const TOWN_OF = { XZ01: '菜园镇', XZ03: '洋山镇', XZ02: '嵊山镇' };
  const PLAN = [['ZH01', 9], ['ZY01', 7], ['HY01', 5], ['ZY07', 3], ['ZY04', 3], ['ZY08', 2], ['ZY02', 2], ['XZ01', 3], ['XZ03', 3], ['XZ02', 2]];
  const SOURCES = ['日常巡查', '日常巡查', '日常巡查', '群众举报', '12345交办', '部门移送', '双随机抽查发现', '上级交办', '媒体曝光'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('结案登记');
  ws.getCell(1, 1).value = '嵊泗县行政处罚案件结案登记表（2024年度）';
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(2, 1).value = '填报单位：嵊泗县司法局（汇总）          统计区间：2024年1月1日至2024年12月31日          金额单位：元（没收违法所得为万元）';
  ws.mergeCells(2, 1, 2, W);
  let c = 0;
  while (c < W) {
    const [leaf, parent] = cols[c];
    if (!parent) {
      ws.getCell(3, c + 1).value = leaf;
      ws.mergeCells(3, c + 1, 4, c + 1);
      c++;
    } else {
      let e = c;
      while (e + 1 < W && cols[e + 1][1] === parent) e++;
      ws.getCell(3, c + 1).value = parent;
      ws.mergeCells(3, c + 1, 3, e + 1);
      for (let k = c; k <= e; k++) ws.getCell(4, k + 1).value = cols[k][0];
      c = e + 1;
    }
  }
  for (const rr of [3, 4]) for (let k = 1; k <= W; k++) Object.assign(ws.getCell(rr, k), { border: THIN, fill: HEAD_FILL });
  let r = 5;
  let n = 0;
  const rejected = [];
  const checks = [];
  let fineSum = 0;
  const usedBiz = new Map();
  for (const [uid, count] of PLAN) {
    const officers = byUnit(uid, '执法');
    const reviewers = byUnit(uid, '法制审核');
    for (let k = 0; k < count; k++) {
      n++;
      const seq = 10 + n * 3 + k;
      const caseId = `${PREFIX[uid]}立〔2024〕${seq}号`;
      const [code, cause, lo, hi] = MATTERS[uid][k % MATTERS[uid].length];
      const person = (uid === 'XZ01' || uid === 'XZ02' || uid === 'XZ03') ? rnd() < 0.7 : rnd() < 0.2;
      let party, ptype, pid, town;
      if (person) {
        const p = PERSONS[(n * 5) % PERSONS.length];
        party = p.name; ptype = '自然人'; pid = p.idNo;
        town = TOWN_OF[uid] ?? TOWNS[n % 5];
      } else {
        const pool = BUSINESSES.filter((b) => b.kind !== 'G' && (!TOWN_OF[uid] || b.town === TOWN_OF[uid]));
        const b = pool[(n * 7) % pool.length];
        party = b.name; ptype = b.name.endsWith('分公司') ? '非法人组织' : '法人'; pid = b.code;
        town = b.town;
        usedBiz.set(caseId, b);
      }
      const simple = hi <= 200 || (person && rnd() < 0.3 && lo <= 50);
      const fine = simple ? Math.min(hi, person ? 50 * int(1, 4) : 200) : Math.round((lo + rnd() * (hi - lo) * 0.6) / 100) * 100;
      fineSum += fine;
      const [fy, fm, fd] = randDate2024(1, 9);
      const [dy, dm, dd] = simple ? [fy, fm, fd] : addDays(fy, fm, fd, int(12, 60));
      const [ry, rm, rd] = addDays(dy, dm, dd, -int(2, 6));
      const [cy, cm, cdd] = addDays(dy, dm, dd, int(3, 25));
      const major = !simple && fine >= 10000 && rnd() < 0.6;
      const offs = officers.length >= 2 ? [officers[(n * 3) % officers.length], officers[(n * 3 + 1) % officers.length]] : officers;
      const sep = ['、', '，', ' '][n % 3];
      const src = SOURCES[n % SOURCES.length];
      const filedForm = n % 3;
      let filedCell = filedForm === 0 ? serial(fy, fm, fd) : filedForm === 1 ? iso(fy, fm, fd) : `${fy}.${fm}.${fd}`;
      let idCell = caseId;
      let decisionCell = `${dy}年${dm}月${dd}日`;
      let broken = null;
      if (n === 8) { idCell = ''; broken = '案件编号为空 / no case number: no key'; }
      if (n === 17) { filedCell = '2024-02-30'; broken = '立案日期 2024-02-30 不存在 / filing date 2024-02-30 does not exist (required date)'; }
      if (n === 29) { filedCell = ''; broken = '立案日期为空 / no filing date (required)'; }
      if (n === 22) decisionCell = '2024-13-02';
      const confisc = !simple && (n % 7 === 3) ? [0.35, 1.2, 0.08][n % 3] : '';
      const kinds = confisc ? '罚款、没收违法所得' : simple && n % 2 ? '警告、罚款' : '罚款';
      const fineCell = n % 4 === 1 ? fine.toLocaleString('en-US', { minimumFractionDigits: 2 }) : fine;
      const open = n === 35 || n === 38;
      const closedCell = open ? '' : n === 39 ? '/' : iso(cy, cm, cdd);
      const online = n % 6 === 5 ? 'N' : 'Y';
      const reviewer = reviewers.length ? reviewers[n % reviewers.length].name : '';
      const row = [
        n, idCell, `${party}${cause}案`, code, UNITTEXT[uid][k % UNITTEXT[uid].length], town,
        party, ptype, pid, src, simple ? '简易程序' : '一般程序', filedCell, decisionCell, `${PREFIX[uid]}罚决〔2024〕${seq}号`, fineCell, confisc, kinds,
        simple ? '/' : reviewer, simple ? '/' : iso(ry, rm, rd), major ? '√' : '×', offs.map((o) => o.name).join(sep), closedCell, online, open ? '执行中' : '',
      ];
      setRow(ws, r, row);
      for (let q = 1; q <= W; q++) ws.getCell(r, q).border = THIN;
      if (broken) rejected.push({ line: r, why: broken });
      else {
        if (n === 1) checks.push({ where: { case_id: caseId }, field: 'filed_date', expected: iso(fy, fm, fd), why: `Excel serial number ${serial(fy, fm, fd)}` });
        if (n === 2) checks.push({ where: { case_id: caseId }, field: 'filed_date', expected: iso(fy, fm, fd), why: 'ISO text' });
        if (n === 3) checks.push({ where: { case_id: caseId }, field: 'filed_date', expected: iso(fy, fm, fd), why: `${fy}.${fm}.${fd}` });
        if (n === 3 || n === 4) checks.push({ where: { case_id: caseId }, field: 'decision_date', expected: iso(dy, dm, dd), why: decisionCell });
        if (n === 5) checks.push({ where: { case_id: caseId }, field: 'fine_amount', expected: fine, why: `${fineCell} (text with thousands separator)` });
        if (n === 6) checks.push({ where: { case_id: caseId }, field: 'fine_amount', expected: fine, why: 'a number cell' });
        if (confisc) checks.push({ where: { case_id: caseId }, field: 'confiscation_amount', expected: Math.round(confisc * 10000), why: `${confisc} 万元` });
        if (n === 22) checks.push({ where: { case_id: caseId }, field: 'decision_date', expected: null, why: '2024-13-02 in an optional date: the row loads, the date empty' });
        if (n === 39) checks.push({ where: { case_id: caseId }, field: 'closed_date', expected: null, why: '“/”' });
        if (n === 9 || n === 10) checks.push({ where: { case_id: caseId }, field: 'major_case', expected: major, why: major ? '√' : '×' });
        if (n === 11 || n === 12) checks.push({ where: { case_id: caseId }, field: 'handled_online', expected: online === 'Y', why: online });
        if (n === 13) checks.push({ where: { case_id: caseId }, field: 'unit_id', expected: uid, why: UNITTEXT[uid][k % UNITTEXT[uid].length] });
        if (n === 31 || n === 38) checks.push({ where: { case_id: caseId }, field: 'unit_id', expected: uid, why: UNITTEXT[uid][k % UNITTEXT[uid].length] });
        if (n === 14) checks.push({ where: { case_id: caseId }, field: 'officer_ids', expected: offs.map((o) => o.id), why: offs.map((o) => o.name).join(sep) });
        if (n === 15) checks.push({ where: { case_id: caseId }, field: 'legal_review_date', expected: simple ? null : iso(ry, rm, rd), why: 'the 法制审核 日期, not the decision date' });
        if (n === 16) checks.push({ where: { case_id: caseId }, field: 'matter_code', expected: code, why: 'code' });
      }
      r++;
    }
  }
  // the 合计 row
  setRow(ws, r, ['合计', `共${n}件`, '', '', '', '', '', '', '', '', '', '', '', '', { formula: `SUM(O5:O${r - 1})`, result: fineSum }, '', '', '', '', '', '', '', '', '']);
  for (let q = 1; q <= W; q++) ws.getCell(r, q).border = THIN;
  const footer = [{ line: r, why: '合计行 / the totals row' }];
  ws.columns.forEach((col, i) => (col.width = [5, 20, 36, 14, 22, 8, 28, 10, 20, 12, 10, 11, 13, 22, 12, 10, 16, 8, 11, 8, 16, 11, 8, 8][i] ?? 10));
  await saveWorkbook(wb, file);
  answer.files.push({
    file,
    table: 'penalty_case',
    workspace: ['units', 'matters', 'officers'],
    layout: 'XLSX; row 1 merged title, row 2 merged 填报 line, header rows 3–4 (merged parents 当事人, 处罚决定, 法制审核; the other headers merged down), data from row 5, a 合计 row with a SUM formula under the data',
    header_rows: [3, 4],
    first_data_row: 5,
    columns: cols.map(([leaf, parent, field, extra = {}], index) => ({ index, header: parent ? `${parent} ${leaf}` : leaf, leaf, ...(parent ? { parent } : {}), field, ...extra })),
    rows_loaded: n - rejected.length,
    rejected,
    footer_lines: footer,
    enums: {
      party_type: { 自然人: '个人', 法人: '单位', 非法人组织: '单位' },
      source: { 日常巡查: '检查', 双随机抽查发现: '检查', 群众举报: '投诉举报', '12345交办': '12345', 部门移送: '移送', 上级交办: '其他', 媒体曝光: '其他' },
      procedure: { 一般程序: '普通', 简易程序: '简易' },
    },
    // 上级交办 (assigned by a superior body) has no category of its own: 其他 is the answer, 移送 is defensible
    enum_accept: { source: { 上级交办: ['移送'] } },
    identity: ['case_id'],
    value_checks: checks,
  });
}

// ============================================================================================
// 06 互联网+监管 检查行为数据 (inspection) — XLSX exported by the platform: header on row 1, Y/N,
// 检查日期 as Excel serial numbers, text dates and date-times in the same column, officers by
// certificate number, an 操作 column.
// ============================================================================================
async function file06(roster) {
  const file = '06_互联网+监管_检查行为数据导出_2024.xlsx';
  const spec = [
    ['检查行为编码', 'inspection_id'],
    ['监管事项名称', null, { note: 'the supervised matter’s name: the inspection table has no matter field' }],
    ['检查实施清单编码', null, { note: 'a catalogue code, not the inspection id' }],
    ['检查类别', 'inspection_type'],
    ['检查方式', null, { note: '现场/非现场/书面: how, not which kind — must not take inspection_type' }],
    ['实施机关', 'lead_unit_id'],
    ['实施机关统一社会信用代码', null, { note: 'the agency’s own credit code — must not take subject_id' }],
    ['是否联合检查', 'is_joint'],
    ['联合检查部门', 'unit_ids'],
    ['检查对象名称', 'subject_name'],
    ['检查对象证件号码', 'subject_id'],
    ['是否涉企检查', 'is_enterprise'],
    ['检查日期', 'date', { note: 'Excel serial numbers (General), text dates and text date-times in one column' }],
    ['执法人员证号', 'officer_ids', { note: 'certificate numbers of the roster' }],
    ['双随机任务编号', 'plan_task_id'],
    ['是否发现问题', 'problem_found'],
    ['检查结果', 'result'],
    ['关联案件编号', 'case_id'],
    ['亮码检查', 'code_shown'],
    ['数据来源', null, { note: '浙政钉·掌上执法 / PC端补录: the record’s source system — must stay unmapped (not via_mobile)' }],
    ['操作', null],
  ];
  const W = spec.length;
  const AGENCY_CODE = Object.fromEntries(UNITS.map((u) => [u[0], uscc('1', '1')]));
  const certs = (uid) => roster.filter((o) => o.unit === uid && o.role === '执法' && o.cert);
  const KINDS = [
    // [type text, result text, problem?]
    ['双随机抽查', '未发现问题', 'N'], ['日常检查', '未发现问题', 'N'], ['日常检查', '责令限期整改', 'Y'], ['专项检查', '责令限期整改', 'Y'],
    ['联合检查', '未发现问题', 'N'], ['投诉举报核查', '立案查处', 'Y'], ['双随机抽查', '责令限期整改', 'Y'], ['专项检查', '移送有关部门', 'Y'],
    ['其他检查', '其他', 'Y'], ['日常检查', '未发现问题', 'N'],
  ];
  const LEADS = ['ZY01', 'ZH01', 'HY01', 'ZY07', 'ZY08', 'ZY04', 'XZ01', 'XZ03', 'ZY03', 'ZY02'];
  const MATTER_NAME = { ZY01: '对餐饮服务食品安全的行政检查', ZH01: '对市容环境卫生的行政检查', HY01: '对渔船安全生产的行政检查', ZY07: '对安全生产的行政检查', ZY08: '对公共场所卫生的行政检查', ZY04: '对道路运输经营的行政检查', XZ01: '对市容环境卫生的行政检查', XZ03: '对市容环境卫生的行政检查', ZY03: '对娱乐场所经营的行政检查', ZY02: '对排污许可执行的行政检查' };
  // each agency's own tasks in file 03 (a 双随机 inspection carries its task number)
  const PLAN_IDS = { ZY01: ['2024SJ001-01', '2024SJ001-03', '2024SJ011-01'], ZY03: ['2024SJ002-02'], ZY07: ['2024SJ004-02'], ZY04: ['2024SJ005-01'], ZY08: ['2024SJ006-01', '2024SJ006-04'], ZY02: ['2024SJ008-03'] };
  const SUBJECTS = {
    ZY01: ['嵊泗县菜园镇阿敏海鲜排档', '嵊泗县菜园镇老杨小吃店', '嵊泗县海之星超市有限公司', '嵊泗县菜园镇益康大药房', '嵊泗县洋山镇港口快餐店', '嵊泗县五龙乡边礁岙烧烤店'],
    ZH01: ['嵊泗县新城建材有限公司', '嵊泗县洋山港区建设工程有限公司', '嵊泗县绿华船舶修造有限公司', '嵊泗县菜园镇顺发五金店', '嵊泗县海韵旅游开发有限公司'],
    HY01: ['嵊泗县东海渔业有限公司', '嵊泗县马鞍列岛船务有限公司', '嵊泗县枸杞乡贻贝养殖专业合作社', '嵊泗县洋山镇小陈水产经营部'],
    ZY07: ['嵊泗县海岛燃气有限公司', '嵊泗县新城建材有限公司', '嵊泗县绿华船舶修造有限公司', '嵊泗县菜园镇顺发五金店'],
    ZY08: ['嵊泗县嵊山镇阿娟理发店', '嵊泗县金沙湾酒店管理有限公司', '嵊泗县天悦娱乐有限公司', '嵊泗县嵊山镇后头湾民宿'],
    ZY04: ['舟山市嵊泗港隆物流有限公司', '舟山鸿运汽车维修有限公司嵊泗分公司', '嵊泗县基湖沙滩旅游服务有限公司', '嵊泗县马鞍列岛船务有限公司'],
    XZ01: ['嵊泗县菜园镇阿敏海鲜排档', '嵊泗县菜园镇老杨小吃店', '嵊泗县菜园镇顺发五金店', '嵊泗县菜园镇益康大药房', '嵊泗县海之星超市有限公司'],
    XZ03: ['嵊泗县洋山镇港口快餐店', '嵊泗县洋山镇小陈水产经营部', '嵊泗县洋山港区建设工程有限公司', '舟山市嵊泗港隆物流有限公司'],
    ZY03: ['嵊泗县天悦娱乐有限公司', '嵊泗县蓝海文化传媒有限公司', '嵊泗县花鸟岛灯塔民宿有限公司', '嵊泗县枸杞乡王家民宿', '嵊泗县博雅培训学校有限公司'],
    ZY02: ['嵊泗县绿华船舶修造有限公司', '嵊泗县东海渔业有限公司', '嵊泗县洋山港区建设工程有限公司'],
  };
  const wb = newWorkbook();
  const ws = wb.addWorksheet('检查行为');
  setRow(ws, 1, spec.map((s) => s[0]));
  ws.getRow(1).font = { bold: true };
  let r = 2;
  const rejected = [];
  const checks = [];
  const N = 43;
  let planK = 0;
  for (let n = 1; n <= N; n++) {
    const lead = LEADS[n % LEADS.length];
    const [type, result, problem] = pick(KINDS);
    const joint = type === '联合检查' || n % 11 === 0;
    const partners = joint ? [lead, lead === 'ZY01' ? 'ZY08' : 'ZY01'] : [];
    const pool = SUBJECTS[lead];
    const want = pick(pool);
    const b = BUSINESSES.find((x) => x.name === want);
    if (!b) throw new Error(`not a business of the pool: ${want}`);
    const personal = n === 16 || n === 27; // a private house checked by the township: an individual
    const subjName = personal ? PERSONS[n % PERSONS.length].name : b.name;
    const subjId = personal ? PERSONS[n % PERSONS.length].idNo : b.code;
    const [y, m, d] = randDate2024(1, 11);
    const form = n % 3;
    let dateCell = form === 0 ? serial(y, m, d) : form === 1 ? iso(y, m, d) : `${y}/${m}/${d} ${int(8, 16)}:${pad(int(0, 59))}`;
    const offs = certs(lead);
    const two = [offs[n % offs.length], offs[(n + 1) % offs.length]];
    const id = `3309222024${pad(m)}${pad(d)}${pad(n, 4)}`;
    let idCell = id;
    let broken = null;
    if (n === 9) { idCell = ''; broken = '检查行为编码为空 / no inspection id: no key'; }
    if (n === 20) { dateCell = '2024-04-31'; broken = '检查日期 2024-04-31 不存在 / inspection date 2024-04-31 does not exist (required date)'; }
    if (n === 34) { dateCell = ''; broken = '检查日期为空 / no inspection date (required)'; }
    const plan = type === '双随机抽查' && PLAN_IDS[lead] ? PLAN_IDS[lead][planK++ % PLAN_IDS[lead].length] : '';
    const caseId = result === '立案查处' ? `嵊${lead === 'ZY01' ? '市监' : lead === 'ZH01' ? '综执' : '执'}立〔2024〕${100 + n}号` : '';
    const source = n % 4 === 0 ? 'PC端补录' : '浙政钉·掌上执法';
    const row = [idCell, MATTER_NAME[lead], `330922${lead === 'ZY01' ? '0013' : '0021'}${pad(n, 5)}`, type, pick(['现场检查', '现场检查', '非现场检查', '书面检查']),
      UNITS.find((u) => u[0] === lead)[1], AGENCY_CODE[lead], joint ? 'Y' : 'N', partners.map((p) => U[p].name).join('、'), subjName, subjId,
      personal ? 'N' : 'Y', dateCell, two.map((o) => o.cert).join(n % 2 ? ',' : '、'), plan, problem, result, caseId, n % 5 === 0 ? 'N' : 'Y', source, '查看'];
    setRow(ws, r, row);
    if (broken) rejected.push({ line: r, why: broken });
    else {
      if (form === 0 && !checks.some((c) => c.why.startsWith('Excel'))) checks.push({ where: { inspection_id: id }, field: 'date', expected: iso(y, m, d), why: `Excel serial number ${serial(y, m, d)}` });
      if (form === 2 && !checks.some((c) => c.why.startsWith('date-time'))) checks.push({ where: { inspection_id: id }, field: 'date', expected: iso(y, m, d), why: `date-time text ${dateCell}` });
      if (n === 4) checks.push({ where: { inspection_id: id }, field: 'is_joint', expected: true, why: 'Y' });
      if (n === 4) checks.push({ where: { inspection_id: id }, field: 'unit_ids', expected: partners, why: partners.map((p) => U[p].name).join('、') });
      if (n === 5) checks.push({ where: { inspection_id: id }, field: 'officer_ids', expected: two.map((o) => o.id), why: `certificate numbers ${two.map((o) => o.cert).join(',')}` });
      if (n === 16) checks.push({ where: { inspection_id: id }, field: 'is_enterprise', expected: false, why: 'N' });
      if (n === 10) checks.push({ where: { inspection_id: id }, field: 'code_shown', expected: false, why: 'N' });
      if (n === 11) checks.push({ where: { inspection_id: id }, field: 'lead_unit_id', expected: lead, why: 'full name' });
      // the row drawn has no related case: its empty cell is stored empty (NULL), not as ''
      if (n === 15) checks.push({ where: { inspection_id: id }, field: 'case_id', expected: caseId || null, why: caseId ? 'related case' : 'no related case: the empty cell stays empty' });
    }
    r++;
  }
  ws.columns.forEach((col, i) => (col.width = [22, 30, 18, 12, 10, 26, 22, 8, 40, 30, 22, 8, 16, 30, 14, 8, 14, 20, 8, 16, 6][i] ?? 10));
  await saveWorkbook(wb, file);
  answer.files.push({
    file,
    table: 'inspection',
    workspace: ['units', 'matters', 'officers'],
    layout: 'XLSX exported by the platform: header on row 1, data from row 2; Y/N; 检查日期 as serial numbers, ISO text and date-time text',
    header_rows: [1],
    first_data_row: 2,
    columns: columnsOf(spec),
    rows_loaded: N - rejected.length,
    rejected,
    footer_lines: [],
    enums: {
      inspection_type: { 双随机抽查: '双随机', 日常检查: '日常巡查', 专项检查: '专项', 联合检查: '综合查一次', 投诉举报核查: '投诉核查', 其他检查: null },
      result: { 未发现问题: '无问题', 责令限期整改: '责令整改', 立案查处: '立案', 移送有关部门: '移送', 其他: null },
    },
    identity: ['inspection_id'],
    value_checks: checks,
  });
}

// ============================================================================================
// 07 信访举报件登记台账 (complaint) — GBK CSV from Excel: a title line, header on line 2, a 主要诉求
// cell with a line break inside (quoted), a blank padded line and a 制表人 line below the data.
// ============================================================================================
function file07() {
  const file = '07_信访举报件登记台账_2024.csv';
  const spec = [
    ['序号', null],
    ['信访件编号', 'complaint_id'],
    ['登记日期', 'received_date'],
    ['信访形式', null, { note: '来信/来访/网上/电话: the form, not the channel — must not take channel' }],
    ['来源渠道', 'channel'],
    ['信访人', null, { note: 'the petitioner (masked): no field' }],
    ['联系电话', null, { note: 'the petitioner’s phone (masked): no field' }],
    ['问题属地', 'township'],
    ['内容分类', 'domain'],
    ['主要诉求', null],
    ['责任单位', 'unit_id'],
    ['应办结日期', 'deadline_date'],
    ['办结日期', 'closed_date'],
    ['涉及执法行为', 'about_conduct'],
    ['群众评价', 'satisfaction'],
    ['是否涉及职责争议', 'jurisdiction_dispute'],
    ['经办人', null, { note: 'the clerk who registered it: no field' }],
    ['经办人联系电话', null],
    ['备注', null],
  ];
  const W = spec.length;
  const CHANNELS = ['12345政务服务便民热线', '12345政务服务便民热线', '12345政务服务便民热线', '省统一投诉举报平台', '110社会应急联动', '基层治理四平台', '县执法监督投诉电话', '浙里访'];
  const FORMS = { '12345政务服务便民热线': '电话', 省统一投诉举报平台: '网上投诉', '110社会应急联动': '电话', 基层治理四平台: '网格上报', 县执法监督投诉电话: '电话', 浙里访: '网上信访' };
  const TOPICS = [
    ['城市管理', '综合执法局', '反映菜园镇沿街店铺占道经营、夜间噪声扰民'],
    ['市场监管', '县市场监管局', '反映某海鲜排档价格不明码标价、缺斤短两'],
    ['生态环境', '生态环境分局', '反映船舶修造厂喷漆异味扰民'],
    ['交通运输', '交通运输局', '反映岛际客运班次不按时发班'],
    ['文化旅游', '文广旅体局', '反映民宿未经许可经营、价格欺诈'],
    ['海洋渔业', '海洋执法队', '反映休渔期有渔船违规出海捕捞'],
    ['安全生产', '应急管理局', '反映燃气经营点违规储存钢瓶'],
    ['城市管理', '嵊山中队', '反映渔港码头垃圾长期堆放未清运'],
    ['城市管理', '嵊泗县洋山镇人民政府', '反映村道旁违规搭建棚屋'],
    ['卫生健康', '卫健局', '反映诊所无资质人员坐诊'],
  ];
  const UNIT_ID = { 综合执法局: 'ZH01', 县市场监管局: 'ZY01', 生态环境分局: 'ZY02', 交通运输局: 'ZY04', 文广旅体局: 'ZY03', 海洋执法队: 'HY01', 应急管理局: 'ZY07', 嵊山中队: 'XZ02', 嵊泗县洋山镇人民政府: 'XZ03', 卫健局: 'ZY08' };
  const SAT = ['满意', '满意', '满意', '基本满意', '不满意', '未回访', '满意', ''];
  const CLERKS = [['林晓', '0580-5081236'], ['陈蓓', '0580-5082217']];
  const SURN = '王李张刘陈杨黄赵周吴徐孙胡朱';
  const book = new CsvBook(W);
  book.row(['嵊泗县综合行政执法领域信访举报件登记台账（2024年1月—12月）']);
  book.row(spec.map((s) => s[0]));
  const rejected = [];
  const checks = [];
  const N = 46;
  for (let n = 1; n <= N; n++) {
    const [y, m, d] = randDate2024(1, 11);
    const t = `${pad(int(8, 17))}:${pad(int(0, 59))}:${pad(int(0, 59))}`;
    const ch = CHANNELS[n % CHANNELS.length];
    const [domain, unit, ask] = TOPICS[n % TOPICS.length];
    const limit = ch.startsWith('12345') ? 15 : 30;
    const [ly, lm, ld] = addDays(y, m, d, limit);
    const late = n % 9 === 4;
    const [cy, cm, cd] = addDays(y, m, d, late ? limit + int(3, 12) : int(2, limit - 1));
    const pending = n % 13 === 7;
    const closed = pending ? (n % 2 ? '办理中' : '') : `${cy}-${pad(cm)}-${pad(cd)} ${pad(int(8, 17))}:${pad(int(0, 59))}`;
    const sat = pending ? '' : SAT[n % SAT.length];
    const town = domain === '城市管理' && unit === '嵊山中队' ? '嵊山镇' : TOWNS[n % TOWNS.length];
    const [clerk, ctel] = CLERKS[n % 2];
    const id = `XF330922-2024-${pad(100 + n * 4, 4)}`;
    let idCell = id;
    let recv = `${y}-${pad(m)}-${pad(d)} ${t}`;
    let askCell = ask + (n % 5 === 0 ? '，要求依法查处' : '');
    if (n === 6) askCell = `${ask}。\n补充：已多次反映未果，要求书面答复`;
    let broken = null;
    if (n === 12) { idCell = ''; broken = '信访件编号为空 / no complaint number: no key'; }
    if (n === 25) { recv = '2024-06-31 09:12:00'; broken = '登记日期 2024-06-31 不存在 / received date 2024-06-31 does not exist (required date)'; }
    const row = [n, idCell, recv, FORMS[ch], ch, n % 10 === 3 ? '匿名' : `${SURN[n % SURN.length]}**`, n % 10 === 3 ? '' : `1${pick(['38', '39', '58', '57'])}****${int(1000, 9999)}`,
      town, domain, askCell, unit, iso(ly, lm, ld), closed, n % 4 === 1 ? '是' : '否', sat, n % 15 === 2 ? '是' : '否', clerk, ctel, late ? '超期办结' : ''];
    let line;
    if (n === 38) {
      // hand-edited: a full stop typed as an ASCII comma inside 主要诉求, not quoted
      row[9] = `${ask},情况属实请尽快处理`;
      line = book.raw(row.map(csvCell).join(',').replace(`"${ask},情况属实请尽快处理"`, `${ask},情况属实请尽快处理`));
      broken = '主要诉求中的英文逗号未加引号，多出一列 / an unquoted comma in the text: one field too many (ragged)';
    } else line = book.row(row);
    if (broken) rejected.push({ line, why: broken });
    else {
      if (n === 1) checks.push({ where: { complaint_id: id }, field: 'received_date', expected: iso(y, m, d), why: `date-time ${recv}` });
      if (n === 2) checks.push({ where: { complaint_id: id }, field: 'deadline_date', expected: iso(ly, lm, ld), why: '应办结日期' });
      if (pending && n % 2) checks.push({ where: { complaint_id: id }, field: 'closed_date', expected: null, why: '“办理中” in an optional date' });
      if (n === 3) checks.push({ where: { complaint_id: id }, field: 'closed_date', expected: iso(cy, cm, cd), why: closed });
      if (n === 5) checks.push({ where: { complaint_id: id }, field: 'about_conduct', expected: true, why: '是' });
      if (n === 17) checks.push({ where: { complaint_id: id }, field: 'jurisdiction_dispute', expected: true, why: '是' });
      if (n === 7) checks.push({ where: { complaint_id: id }, field: 'unit_id', expected: UNIT_ID[unit], why: unit });
      if (n === 8) checks.push({ where: { complaint_id: id }, field: 'unit_id', expected: UNIT_ID[unit], why: unit });
      if (n === 6) checks.push({ where: { complaint_id: id }, field: 'township', expected: town, why: 'the row after the quoted line break' });
    }
  }
  const footer = [];
  footer.push({ line: book.row([]), why: '空行（以逗号补齐）/ a blank line padded with commas' });
  footer.push({ line: book.row(['制表人：林晓', '', '', '审核人：陈国平', '', '', '', '', '', '制表日期：2025年1月6日']), why: '制表人行 / the signature line' });
  writeFileSync(join(DIR, file), iconv.encode(book.text('\r\n'), 'gbk'));
  answer.files.push({
    file,
    table: 'complaint',
    workspace: ['units', 'matters', 'officers'],
    layout: 'CSV, GBK, CRLF, saved from Excel: line 1 title, header on line 2; one quoted cell holds a line break; a blank padded line and a 制表人 line below the data',
    encoding: 'gbk',
    header_rows: [2],
    first_data_row: 3,
    columns: columnsOf(spec),
    rows_loaded: N - rejected.length,
    rejected,
    footer_lines: footer,
    enums: {
      channel: { '12345政务服务便民热线': '12345', 省统一投诉举报平台: '投诉举报平台', '110社会应急联动': '110联动', 基层治理四平台: '基层治理四平台', 县执法监督投诉电话: '执法监督热线', 浙里访: null },
      satisfaction: { 满意: '满意', 基本满意: '基本满意', 不满意: '不满意', 未回访: '未评价' },
    },
    identity: ['complaint_id'],
    value_checks: checks,
  });
}

// ============================================================================================
// 08 行政执法证件信息表 (officer) — XLSX: merged title on row 1, header on row 2, 合计 row below.
// ============================================================================================
async function file08(roster) {
  const file = '08_行政执法证件信息表_2024年度.xlsx';
  const spec = [
    ['序号', null],
    ['人员编码', 'officer_id'],
    ['年审年度', 'year'],
    ['姓名', 'name'],
    ['性别', null],
    ['公民身份号码', 'id_number'],
    ['执法单位', 'unit_id'],
    ['所在层级', 'posting'],
    ['派驻乡镇', 'township'],
    ['岗位', 'role'],
    ['编制性质', 'staffing_type'],
    ['专职法制审核', 'fulltime_reviewer'],
    ['执法证号', 'cert_no'],
    ['执法类别', null, { note: 'the certificate’s field of enforcement: no field' }],
    ['发证日期', 'cert_valid_from'],
    ['有效期至', 'cert_valid_to'],
    ['证件状态', null, { note: '有效/过期/未申领: derived, no field' }],
    ['法律职业资格', 'legal_qualification'],
    ['年度培训学时', 'training_hours'],
    ['手机号码', 'phone'],
    ['备注', null],
  ];
  const W = spec.length;
  const POSTING = { 机关: '县本级', 乡镇一线: '乡镇（街道）' };
  const ROLE = { 执法: '执法岗', 法制审核: '法制审核岗', 管理: '管理岗', 其他: '综合内勤' };
  const STAFF = { 行政编: '行政编制', 参公: '参照公务员法管理', 事业编: '事业编制', 编外: '编外聘用' };
  const CAT = { ZH01: '综合行政执法', ZY01: '市场监管', ZY02: '生态环境', ZY03: '文化旅游', ZY04: '交通运输', ZY05: '农业农村', ZY06: '自然资源', ZY07: '应急管理', ZY08: '卫生健康', HY01: '海洋渔业' };
  // four per unit, in roster order
  const seen = {};
  const chosen = roster.filter((o) => {
    seen[o.unit] = (seen[o.unit] ?? 0) + 1;
    return seen[o.unit] <= (o.unit.startsWith('XZ') ? 2 : 3);
  }).slice(0, 40);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('证件信息');
  ws.getCell(1, 1).value = '嵊泗县行政执法人员执法证件信息表（2024年度年审）';
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).font = { bold: true, size: 16 };
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  setRow(ws, 2, spec.map((s) => s[0]), { border: true, width: W });
  ws.getRow(2).eachCell((c) => (c.fill = HEAD_FILL));
  let r = 3;
  const rejected = [];
  const checks = [];
  let n = 0;
  let certified = 0;
  for (const o of chosen) {
    n++;
    const male = Number(o.idNo[16]) % 2 === 1;
    const unitText = n % 3 === 0 ? U[o.unit].short : U[o.unit].name;
    const valid = o.cert ? (o.to && o.to.getTime() >= Date.UTC(2024, 11, 31) ? '有效' : '已过期') : '未申领';
    if (o.cert) certified++;
    const fromCell = o.from ? dateCell(o.from.getUTCFullYear(), o.from.getUTCMonth() + 1, o.from.getUTCDate()) : '';
    let toCell = o.to ? `${o.to.getUTCFullYear()}年${o.to.getUTCMonth() + 1}月${o.to.getUTCDate()}日` : '';
    if (n === 7 && o.cert) toCell = '长期';
    let hours = n % 4 === 2 ? `${o.hours}学时` : o.hours;
    if (n === 19) hours = '待统计';
    let idCell = o.id;
    let yearCell = 2024;
    let broken = null;
    if (n === 11) { idCell = ''; broken = '人员编码为空 / no officer id: no key'; }
    if (n === 26) { yearCell = ''; broken = '年审年度为空 / no year: no key (officer id + year)'; }
    const row = [n, idCell, yearCell, o.name, male ? '男' : '女', o.idNo, unitText, POSTING[o.posting], o.town, ROLE[o.role], STAFF[o.staffing],
      o.fulltime === '是' ? '√' : '×', o.cert, o.cert ? CAT[o.unit] ?? '乡镇综合执法' : '', fromCell, toCell, valid, o.lq === '是' ? '√' : '×', hours, o.phone, o.cert ? '' : '新进人员，待参加执法资格考试'];
    setRow(ws, r, row, { border: true, width: W });
    if (broken) rejected.push({ line: r, why: broken });
    else {
      if (n === 1) checks.push({ where: { officer_id: o.id, year: 2024 }, field: 'cert_valid_from', expected: o.from ? o.from.toISOString().slice(0, 10) : null, why: 'a date cell' });
      if (n === 1) checks.push({ where: { officer_id: o.id, year: 2024 }, field: 'cert_valid_to', expected: o.to ? o.to.toISOString().slice(0, 10) : null, why: toCell });
      if (n === 7) checks.push({ where: { officer_id: o.id, year: 2024 }, field: 'cert_valid_to', expected: o.cert ? null : null, why: '“长期” in an optional date: the row loads, the date empty' });
      if (n === 2) checks.push({ where: { officer_id: o.id, year: 2024 }, field: 'training_hours', expected: o.hours, why: `${o.hours}学时` });
      if (n === 19) checks.push({ where: { officer_id: o.id, year: 2024 }, field: 'training_hours', expected: null, why: '“待统计” in an optional number' });
      if (n === 3) checks.push({ where: { officer_id: o.id, year: 2024 }, field: 'unit_id', expected: o.unit, why: unitText });
      if (o.lq === '是' && !checks.some((c) => c.field === 'legal_qualification')) checks.push({ where: { officer_id: o.id, year: 2024 }, field: 'legal_qualification', expected: true, why: '√' });
      if (o.fulltime === '是' && !checks.some((c) => c.field === 'fulltime_reviewer')) checks.push({ where: { officer_id: o.id, year: 2024 }, field: 'fulltime_reviewer', expected: true, why: '√' });
      if (n === 5) checks.push({ where: { officer_id: o.id, year: 2024 }, field: 'cert_no', expected: o.cert || null, why: 'certificate number' });
    }
    r++;
  }
  setRow(ws, r, ['合计', '', '', `${n}人`, '', '', '', '', '', '', '', '', `持证${certified}人`], { border: true, width: W });
  const footer = [{ line: r, why: '合计行 / the totals row' }];
  ws.columns.forEach((col, i) => (col.width = [5, 9, 8, 8, 5, 20, 26, 11, 8, 10, 16, 8, 15, 12, 11, 15, 8, 8, 8, 13, 24][i] ?? 10));
  await saveWorkbook(wb, file);
  answer.files.push({
    file,
    table: 'officer',
    workspace: ['units', 'matters'],
    layout: 'XLSX; row 1 merged title, header on row 2, data from row 3, a 合计 row under the data; 发证日期 as date cells, 有效期至 as text (2029年12月31日), 培训学时 as numbers and “48学时”',
    header_rows: [2],
    first_data_row: 3,
    columns: columnsOf(spec),
    rows_loaded: n - rejected.length,
    rejected,
    footer_lines: footer,
    enums: {
      posting: { 县本级: '县级', '乡镇（街道）': '乡镇' },
      role: { 执法岗: '执法', 法制审核岗: '法制审核', 管理岗: '管理', 综合内勤: '其他' },
      staffing_type: { 行政编制: '行政编', 参照公务员法管理: '参公', 事业编制: '事业编', 编外聘用: '编外' },
    },
    identity: ['officer_id', 'year'],
    value_checks: checks,
  });
}

// ============================================================================================
// 09 行政许可信息公示 (permit) — UTF-8 BOM CSV in the national 双公示 layout (行政许可信息数据标准):
// header on line 1, yyyy/mm/dd dates, several credit-code and agency columns that are not the key.
// ============================================================================================
function file09() {
  const file = '09_行政许可信息公示_双公示_2024.csv';
  const spec = [
    ['行政相对人名称', 'subject_name'],
    ['行政相对人类别', null, { note: '法人及非法人组织/个体工商户: no field' }],
    ['行政相对人代码_1（统一社会信用代码）', 'subject_id'],
    ['行政相对人代码_2（工商注册号）', null, { note: 'mostly empty legacy registration number' }],
    ['法定代表人', null],
    ['行政许可决定文书名称', null],
    ['行政许可决定文书号', null, { note: 'the decision’s document number; 许可编号 is the permit id' }],
    ['许可类别', null, { note: '普通/特许/认可/核准/登记: no field' }],
    ['许可证书名称', null, { accept: ['matter_code'], note: '食品经营许可证 …: the nearest thing to 审批事项; either unmapped or matter_code is right' }],
    ['许可编号', 'permit_id'],
    ['许可内容', null],
    ['许可决定日期', 'issued_date'],
    ['有效期自', null, { note: 'validity: the permit table has no field — must not take issued_date' }],
    ['有效期至', null],
    ['许可机关', 'unit_id'],
    ['许可机关统一社会信用代码', null, { note: 'the agency’s credit code — must not take subject_id' }],
    ['当前状态', null],
    ['数据来源单位', null, { note: 'the unit that reported the record — must not take unit_id (许可机关 is the approving unit)' }],
    ['数据来源单位统一社会信用代码', null],
    ['备注', null],
  ];
  const W = spec.length;
  const AG = {
    ZY01: ['嵊泗县市场监督管理局', uscc('1', '1')], ZY08: ['嵊泗县卫生健康局', uscc('1', '1')], ZY04: ['嵊泗县交通运输局', uscc('1', '1')],
    ZY05: ['嵊泗县农业农村局', uscc('1', '1')], ZY03: ['嵊泗县文化和广电旅游体育局', uscc('1', '1')], ZY06: ['嵊泗县自然资源和规划局', uscc('1', '1')], ZH01: ['嵊泗县综合行政执法局', uscc('1', '1')],
  };
  const KINDS = [
    // agency, 文书名称, 许可类别, 证书名称, 编号 maker, 内容
    ['ZY01', '食品经营许可决定书', '普通', '食品经营许可证', (k) => `JY13309220${pad(10000 + k * 37, 5)}`, '预包装食品销售（含冷藏冷冻食品）；热食类食品制售'],
    ['ZY01', '食品经营许可决定书', '普通', '食品经营许可证', (k) => `JY23309220${pad(10000 + k * 41, 5)}`, '热食类食品制售；冷食类食品制售'],
    ['ZY08', '公共场所卫生许可决定书', '普通', '公共场所卫生许可证', (k) => `浙卫公证字〔2024〕第330922${pad(k, 4)}号`, '住宿、美容美发'],
    ['ZY04', '道路运输经营许可决定书', '普通', '道路运输经营许可证', (k) => `浙交运管许可舟字330922${pad(200 + k, 6)}号`, '道路普通货物运输'],
    ['ZY05', '渔业捕捞许可决定书', '特许', '渔业捕捞许可证', (k) => `（浙嵊）船捕（2024）HY-${pad(300 + k, 6)}号`, '近海捕捞，作业类型：拖网'],
    ['ZY03', '娱乐经营许可决定书', '普通', '娱乐经营许可证', (k) => `330922120024${pad(k, 4)}`, '歌舞娱乐场所'],
    ['ZY06', '建设工程规划许可决定书', '普通', '建设工程规划许可证', (k) => `建字第330922202400${pad(k, 3)}号`, '新建厂房及配套用房'],
    ['ZH01', '准予行政许可决定书', '普通', '城市建筑垃圾处置核准', (k) => `嵊综执核〔2024〕${k}号`, '建筑垃圾运输处置'],
  ];
  const book = new CsvBook(W);
  book.row(spec.map((s) => s[0]));
  const rejected = [];
  const checks = [];
  const N = 42;
  for (let n = 1; n <= N; n++) {
    const [ag, docName, cat, certName, num, content] = KINDS[n % KINDS.length];
    const b = BUSINESSES[(n * 3) % BUSINESSES.length];
    const [y, m, d] = randDate2024(1, 12);
    const [ey, em, ed] = addDays(y + 5, m, d, -1);
    let permitId = num(n);
    let issued = `${y}/${pad(m)}/${pad(d)}`;
    let broken = null;
    if (n === 14) { permitId = ''; broken = '许可编号为空 / no permit number: no key'; }
    if (n === 30) { issued = '2024/09/31'; broken = '许可决定日期 2024/09/31 不存在 / decision date 2024-09-31 does not exist (required date)'; }
    const agencyName = AG[ag][0];
    const row = [b.name, b.kind === 'G' ? '个体工商户' : '法人及非法人组织', b.code, '', b.kind === 'G' ? '' : pick(['陈国平', '王海军', '李建华', '张晓燕', '周立新']), docName,
      `嵊${ag === 'ZY01' ? '市监' : ag === 'ZH01' ? '综执' : ag === 'ZY08' ? '卫' : '许'}许〔2024〕${100 + n}号`, cat, certName, permitId, content, issued, issued,
      n % 8 === 4 ? '长期' : `${ey}/${pad(em)}/${pad(ed)}`, agencyName, AG[ag][1], n % 10 === 9 ? '注销' : '有效', agencyName, AG[ag][1], ''];
    let line;
    if (n === 21) {
      row[10] = '预包装食品销售,散装食品销售';
      line = book.raw(row.map(csvCell).join(',').replace('"预包装食品销售,散装食品销售"', '预包装食品销售,散装食品销售'));
      broken = '许可内容中的英文逗号未加引号，多出一列 / an unquoted comma in 许可内容: one field too many (ragged)';
    } else line = book.row(row);
    if (broken) rejected.push({ line, why: broken });
    else {
      if (n === 1) checks.push({ where: { permit_id: permitId }, field: 'issued_date', expected: iso(y, m, d), why: issued });
      if (n === 1) checks.push({ where: { permit_id: permitId }, field: 'subject_id', expected: b.code, why: '行政相对人代码_1' });
      if (n === 2) checks.push({ where: { permit_id: permitId }, field: 'unit_id', expected: ag, why: agencyName });
      if (n === 3) checks.push({ where: { permit_id: permitId }, field: 'subject_name', expected: b.name, why: 'name' });
    }
  }
  writeFileSync(join(DIR, file), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(book.text('\r\n'), 'utf8')]));
  answer.files.push({
    file,
    table: 'permit',
    workspace: ['units', 'matters', 'officers'],
    layout: 'CSV, UTF-8 with BOM, CRLF, header on line 1, the 双公示 行政许可 columns in their standard order; yyyy/mm/dd dates',
    encoding: 'utf-8-bom',
    header_rows: [1],
    first_data_row: 2,
    columns: columnsOf(spec),
    rows_loaded: N - rejected.length,
    rejected,
    footer_lines: [],
    enums: {},
    identity: ['permit_id'],
    value_checks: checks,
  });
}

// ---------------------------------------------------------------- main
const roster = await readRoster();
await file01();
await file02();
file03();
file04();
await file05(roster);
await file06(roster);
file07();
await file08(roster);
file09();
for (const f of answer.files) {
  f.rows_data = f.rows_loaded + f.rejected.length;
  f.columns_expected = f.columns.filter((c) => c.field).length;
}
writeFileSync(join(DIR, '_answer.json'), JSON.stringify(answer, null, 2) + '\n');
console.log(answer.files.map((f) => `${f.file}: ${f.table}, ${f.columns.length} columns (${f.columns_expected} to find), ${f.rows_data} rows = ${f.rows_loaded} + ${f.rejected.length} broken, ${f.footer_lines.length} footer`).join('\n'));

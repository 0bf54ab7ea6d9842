// Writes the eighth acceptance set (samples/acceptance8) and its answer key _answer.json.
// Run: node samples/acceptance8/_make.mjs
//
// Nine exports with layouts the earlier sets (3–7) did not have (see README.md): a pandas
// DataFrame.to_json(orient='split') dump (columns / index / data arrays, every non-ASCII character
// escaped \uXXXX, '/' escaped, dates as epoch MILLISECONDS, NaN as null, ints turned floats, an
// 'Unnamed: 0' column); a 复议/应诉 workbook with one sheet per unit and the unit ONLY in the sheet's
// name (no title, no unit column) and a case listed by two units (co-defendants); a 掌上执法 CSV whose
// quoted cells hold line breaks (several physical lines per record), 行政行为码 ids, officers as
// 姓名（执法证号）; a 钉钉宜搭 process-form export (system columns 实例标题 / 审批状态 / 审批结果 / 发起人 /
// 创建时间 / 修改时间 before the form's fields, 罚款（万元）, a multi-select as a JSON array text); a web
// page saved from a 12345 system (GBK, charset=gb2312) whose list is a table NESTED in a layout table,
// next to a pager table; a data-platform CSV whose dates are Excel serial numbers written as floats
// (45473.0), with full-width codes and trailing spaces; a roster whose table starts at C5 with ID
// numbers as number cells (3.30922E+17); a checklist whose 已落实 column is Excel check-box booleans
// (TRUE/FALSE cells); a catalogue with a units-of-measure row (元 / 万元) under its header.
// The answer key is declared here by hand and never computed by the importer under test.
// Deterministic: the same rows every run, byte-identical files.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { acceptanceKit } from '../acceptance-kit.mjs';

const DIR = dirname(fileURLToPath(import.meta.url));
const { TMP, pick, int, pad, iso, randDate, isoD, zhDate, fullWidth, xmlEsc, UNITS, TOWN_OF, COUNTY_SHORT, readRoster, readMatters, BUSINESSES, answer, columnsOf, newWorkbook, saveWorkbook, setRow, dateCell } = acceptanceKit({ set: 'acceptance8', dir: DIR, seed: 20250203, stamp: Date.UTC(2025, 1, 3, 1, 30) });

// ---------------------------------------------------------------- set 8 helpers
const slash0 = ([y, m, d]) => `${y}/${pad(m)}/${pad(d)}`;
const slash = ([y, m, d]) => `${y}/${m}/${d}`;
const fromDate = (d) => (d instanceof Date ? [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] : null);
/** Excel's serial day number (1900 system) of a day. */
const serial = ([y, m, d]) => Math.round((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
function uniqueOfficers(roster) {
  const count = {};
  for (const o of roster) count[o.name] = (count[o.name] ?? 0) + 1;
  return (unit) => roster.filter((o) => o.unit === unit && o.cert && count[o.name] === 1);
}
const PERSONS = ['张某明', '李某芳', '王某强', '陈某', '刘某华', '周某军', '吴某丽', '孙某', '郑某平', '徐某'];
/** A CSV field as Excel writes it: quoted when it holds a comma, a quote or a line break. */
const csvq = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const invert = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));

// ============================================================================================
// 01 执法单位 — pandas DataFrame.to_json(orient='split') with its defaults
// ============================================================================================
class Float {
  constructor(v) {
    this.v = v;
  }
}
/** JSON as pandas' ujson writes it by default: compact, force_ascii (\uXXXX), '/' escaped, floats with .0. */
function pandasJson(v) {
  if (v === null || v === undefined) return 'null';
  if (v instanceof Float) return Number.isInteger(v.v) ? `${v.v}.0` : String(v.v);
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'string') {
    let out = '"';
    for (const ch of v) {
      const c = ch.codePointAt(0);
      if (ch === '"') out += '\\"';
      else if (ch === '\\') out += '\\\\';
      else if (ch === '/') out += '\\/';
      else if (ch === '\n') out += '\\n';
      else if (c < 0x20) out += `\\u${c.toString(16).padStart(4, '0')}`;
      else if (c > 0x7e) out += ch.split('').map((u) => `\\u${u.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
      else out += ch;
    }
    return out + '"';
  }
  if (Array.isArray(v)) return `[${v.map(pandasJson).join(',')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${pandasJson(k)}:${pandasJson(x)}`).join(',')}}`;
}

function file01() {
  const file = '01_执法主体清单（pandas导出_orient=split）.json';
  const spec = [
    ['Unnamed: 0', null, { note: 'the index column of an earlier to_csv read back by read_csv (0, 1, 2 …)' }],
    ['主体编码', 'unit_id'],
    ['执法主体名称', 'name'],
    ['主体简称', 'short_name'],
    ['其他名称', 'aliases', { note: '、-separated text' }],
    ['主体性质', 'unit_type'],
    ['执法领域', 'domain', { note: "one value holds a '/', written \\/" }],
    ['行政层级', 'level'],
    ['所属乡镇（街道）', 'township', { note: 'null (NaN) for county units' }],
    ['执法方式', 'mode'],
    ['片区中心单位', 'hub_unit_id', { note: 'the hub by its code; null elsewhere' }],
    ['设立时间', 'established_date', { note: 'epoch MILLISECONDS of a naive datetime64 (midnight read as UTC): 1552608000000 = 2019-03-15' }],
    ['撤销时间', 'abolished_date', { note: 'null (NaT) when not abolished' }],
    ['核定编制数', null, { note: 'floats 86.0 (an int column with one NaN becomes float)' }],
    ['数据更新时间', null, { note: 'epoch ms with a time of day' }],
  ];
  const TYPE = { 综合: '综合类', 专业: '专业类', 海洋: '海洋类', 乡镇: '乡镇（街道）类' };
  const LEVEL = { 县: '县级', 乡镇: '乡镇级' };
  const MODE = { 县级: '县级直管', 派驻: '部门派驻', 赋权: '乡镇赋权', 片区兼管: '片区兼管' };
  const INFO = {
    ZH01: ['综合', '综合行政执法', '县', '', '县级', '', [2019, 3, 15], null, 86, ['县综合执法局', '县综合行政执法局']],
    ZY01: ['专业', '市场监管/知识产权', '县', '', '县级', '', [2019, 1, 20], null, 64, ['县市场监管局']],
    ZY02: ['专业', '生态环境', '县', '', '县级', '', [2019, 4, 1], null, 18, ['嵊泗生态环境分局']],
    ZY03: ['专业', '文广旅体', '县', '', '县级', '', [2019, 2, 26], null, 22, ['县文广旅体局']],
    ZY04: ['专业', '交通运输', '县', '', '县级', '', [2019, 2, 26], null, 25, ['县交通运输局']],
    ZY05: ['专业', '农业农村', '县', '', '县级', '', [2019, 2, 26], null, 16, []],
    ZY06: ['专业', '资源规划', '县', '', '县级', '', [2019, 2, 26], null, 20, ['县资规局']],
    ZY07: ['专业', '应急管理', '县', '', '县级', '', [2019, 2, 26], null, 15, ['县应急管理局']],
    ZY08: ['专业', '卫生健康', '县', '', '县级', '', [2019, 2, 26], null, 19, ['县卫健局']],
    ZY09: ['专业', '水利', '县', '', '县级', '', [2016, 7, 1], [2023, 3, 31], 0, ['县水利执法队']],
    HY01: ['海洋', '海洋渔业', '县', '', '县级', '', [2019, 9, 1], null, 38, ['县海洋执法队', '海洋综合执法大队']],
    XZ01: ['乡镇', '乡镇综合执法', '乡镇', '菜园镇', '派驻', '', [2021, 7, 1], null, 12, ['菜园中队']],
    XZ02: ['乡镇', '乡镇综合执法', '乡镇', '嵊山镇', '派驻', '', [2021, 7, 1], null, 10, ['嵊山中队']],
    XZ03: ['乡镇', '乡镇综合执法', '乡镇', '洋山镇', '赋权', '', [2021, 7, 1], null, 8, ['洋山镇综合行政执法队']],
    XZ04: ['乡镇', '乡镇综合执法', '乡镇', '五龙乡', '派驻', '', [2021, 7, 1], null, 5, ['五龙中队']],
    XZ05: ['乡镇', '乡镇综合执法', '乡镇', '黄龙乡', '派驻', '', [2021, 7, 1], null, 5, ['黄龙中队']],
    XZ06: ['乡镇', '乡镇综合执法', '乡镇', '枸杞乡', '片区兼管', 'XZ02', [2021, 7, 1], null, 3, ['枸杞执法点']],
    XZ07: ['乡镇', '乡镇综合执法', '乡镇', '花鸟乡', '片区兼管', 'XZ02', [2021, 7, 1], null, 2, ['花鸟执法点']],
  };
  const order = ['ZH01', 'ZY01', 'ZY02', 'ZY03', 'ZY04', 'ZY05', 'ZY06', 'NEW', 'ZY07', 'ZY08', 'ZY09', 'HY01', 'XZ01', 'XZ02', 'XZ03', 'XZ04', 'XZ05', 'XZ06', 'XZ07', 'DUP'];
  const data = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const ms = ([y, m, d]) => Date.UTC(y, m - 1, d);
  order.forEach((key, i) => {
    const n = i + 1;
    const upd = Date.UTC(2025, 0, 20, 1 + (n % 8), (n * 7) % 60, (n * 13) % 60);
    if (key === 'NEW') {
      data.push([i, null, '嵊泗县马鞍列岛片区综合行政执法队（筹）', '马鞍列岛片区', null, TYPE['乡镇'], '乡镇综合执法', LEVEL['乡镇'], '嵊山镇', MODE['片区兼管'], null, null, null, null, upd]);
      rejected.push({ line: n, why: '主体编码为 null（NaN，筹建中的队伍尚未赋码）/ no unit id: no key' });
      return;
    }
    const id = key === 'DUP' ? 'XZ05' : key;
    const [type, domain, level, town, mode, hub, est, abol, staff, aliases] = INFO[id];
    data.push([i, id, UNITS[id][0], UNITS[id][1], aliases.length ? aliases.join('、') : null, TYPE[type], domain, LEVEL[level], town || null, MODE[mode], hub || null, ms(est), abol ? ms(abol) : null, new Float(staff), upd]);
    // (after set 14's fix: with an update-time column the newest version of a key loads — the
    // second XZ05, record 20, whose 数据更新时间 is later; record 17 is rejected instead)
    if (key === 'XZ05') {
      rejected.push({ line: n, why: '主体编码 XZ05 与第 20 条重复（两张表 concat 后未去重）；第 20 条的数据更新时间较新，导入第 20 条 / duplicate key (record 20, updated later, loads)' });
      return;
    }
    records.push({ id: [id], enums: { unit_type: TYPE[type], level: LEVEL[level], mode: MODE[mode] } });
    const w = { unit_id: id };
    if (['ZH01', 'XZ01'].includes(id)) checks.push({ where: w, field: 'established_date', expected: isoD(est), why: `设立时间 ${ms(est)} (epoch ms)` });
    if (id === 'ZY09') checks.push({ where: w, field: 'abolished_date', expected: isoD(abol), why: `撤销时间 ${ms(abol)}` });
    if (id === 'ZH01') checks.push({ where: w, field: 'abolished_date', expected: null, why: '撤销时间 null (NaT)' });
    if (id === 'ZY01') checks.push({ where: w, field: 'domain', expected: '市场监管/知识产权', why: '"\\u5e02\\u573a\\u76d1\\u7ba1\\/…" — \\/ is a plain /' });
    if (id === 'XZ07') checks.push({ where: w, field: 'hub_unit_id', expected: 'XZ02', why: '片区中心单位 XZ02' });
    if (id === 'HY01') checks.push({ where: w, field: 'aliases', expected: aliases, why: aliases.join('、') });
    if (id === 'XZ04') checks.push({ where: w, field: 'township', expected: '五龙乡', why: '\\u4e94\\u9f99\\u4e61' });
    if (id === 'ZY06') checks.push({ where: w, field: 'short_name', expected: '资规局', why: '主体简称' });
    if (id === 'ZY02') checks.push({ where: w, field: 'name', expected: UNITS.ZY02[0], why: '执法主体名称 (escaped)' });
  });
  const body = { columns: spec.map((s) => s[0]), index: data.map((_, i) => i), data };
  writeFileSync(join(DIR, file), pandasJson(body));
  answer.files.push({
    file, table: 'unit', workspace: [], format: 'json',
    layout: "pandas DataFrame.to_json(orient='split') with the defaults: one object {columns:[…], index:[0…19], data:[[…],…]} — the records are the arrays in data, their names in columns (record place = line); one line, no newline at the end; every non-ASCII character escaped \\uXXXX and '/' escaped \\/; dates epoch milliseconds; NaN/NaT null; 核定编制数 floats (86.0); an 'Unnamed: 0' column",
    header_rows: [], first_data_row: 1, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { unit_type: invert(TYPE), level: invert(LEVEL), mode: invert(MODE) },
    identity: ['unit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 02 复议诉讼 — one sheet per unit, the unit ONLY in the sheet's name
// ============================================================================================
async function file02() {
  const file = '02_2024年度行政复议和应诉案件报送汇总（各单位分表）.xlsx';
  const spec = [
    ['序号', null],
    ['案号', 'id', { note: '嵊政复〔2024〕N号 / （2024）浙0922行初N号 (full-width brackets) / (2024)浙09行终N号 (half-width)' }],
    ['类别', 'kind', { note: '复议 / 应诉' }],
    ['审级', null, { note: '— / 一审 / 二审' }],
    ['申请人（原告）', null],
    ['被复议（诉）行政行为', null],
    ['原决定书文号', 'case_id'],
    ['收到日期', 'filed_date', { note: 'text 2024年3月5日' }],
    ['办结日期', 'decided_date', { note: 'date cells shown 2024年3月5日; empty while pending' }],
    ['审理结果', 'outcome'],
    ['是否开庭（听证）', 'hearing_held'],
    ['行政机关负责人出庭应诉', 'head_appeared', { note: '是 / 否 / — (复议: not applicable, empty)' }],
    ['备注', null],
  ];
  const SHEETS = [
    ['综合执法局', 'ZH01', '嵊综执罚', 8],
    ['市场监管局', 'ZY01', '嵊市监处罚', 7],
    ['交通运输局', 'ZY04', '嵊交执罚', 6],
    ['卫健局', 'ZY08', '嵊卫健罚', 5],
    ['海洋执法队', 'HY01', '嵊海执罚', 7],
    ['嵊山镇', 'XZ02', '嵊山综执罚', 6],
  ];
  const ACT = { ZH01: '行政处罚（违法建设）', ZY01: '行政处罚（食品安全）', ZY04: '行政处罚（非法营运）', ZY08: '行政处罚（公共场所卫生）', HY01: '行政处罚（违规捕捞）', XZ02: '行政处罚（占道经营）' };
  const OUT_FY = ['维持', '驳回复议申请', '维持', '撤销', '确认违法', '终止（申请人撤回）', '审理中'];
  const OUT_SS = ['驳回诉讼请求', '准予撤诉', '驳回诉讼请求', '判决撤销', '判决确认违法', '审理中'];
  const wb = newWorkbook();
  const W = spec.length;
  const sheets = [];
  let fy = 0;
  let ys = 0;
  let es = 0;
  let sharedCase = null;
  for (const [sheet, unit, prefix, K] of SHEETS) {
    const ws = wb.addWorksheet(sheet);
    setRow(ws, 1, spec.map((s) => s[0]), W);
    ws.getRow(1).font = { bold: true };
    const rejected = [];
    const records = [];
    const checks = [];
    const footer = [];
    let r = 2;
    for (let j = 1; j <= K; j++) {
      const kindText = j % 3 === 0 ? '应诉' : '复议';
      let level = '—';
      let id;
      if (kindText === '复议') id = `嵊政复〔2024〕${++fy}号`;
      else if (j === 6 && sheet !== '嵊山镇') {
        level = '二审';
        id = `(2024)浙09行终${++es + 10}号`;
      } else {
        level = '一审';
        id = `（2024）浙0922行初${++ys}号`;
      }
      const outcomes = kindText === '复议' ? OUT_FY : OUT_SS;
      const out = outcomes[(j + r + fy) % outcomes.length];
      const filed = randDate(1, 9);
      const decided = out === '审理中' ? null : [2024, Math.min(filed[1] + int(1, 3), 12), int(1, 28)];
      const hearing = kindText === '应诉' ? '是' : j % 4 === 1 ? '是' : '否';
      const head = kindText === '应诉' ? (j % 2 ? '是' : '否') : '—';
      const caseId = `${prefix}〔2024〕${10 + j * 3}号`;
      let kindCell = kindText;
      let broken = null;
      let idCell = id;
      if (sheet === '交通运输局' && j === 4) {
        idCell = '';
        broken = '案号为空（复议机关尚未编号）/ no case id: no key';
      }
      if (sheet === '海洋执法队' && j === 5) {
        kindCell = '';
        broken = '类别为空（必填）/ required kind empty';
      }
      if (sheet === '综合执法局' && kindText === '应诉' && level === '一审' && !sharedCase) sharedCase = { id, row: r };
      const cells = [j, idCell, kindCell, level, j % 2 ? PERSONS[(j + r) % PERSONS.length] : BUSINESSES[(j * 5 + r) % BUSINESSES.length].name, ACT[unit], caseId, zhDate(filed), decided ? dateCell(decided, 'yyyy"年"m"月"d"日"') : '', out, hearing, head, out === '审理中' ? '尚未审结' : ''];
      setRow(ws, r, cells, W);
      if (broken) rejected.push({ line: r, why: broken });
      else {
        records.push({ id: [id], enums: { kind: kindText, outcome: out } });
        if (j === 1) checks.push({ where: { id }, field: 'unit_id', expected: unit, why: `the sheet's name ${sheet} (no unit column)` });
        if (j === 2 && decided) checks.push({ where: { id }, field: 'decided_date', expected: isoD(decided), why: 'date cell yyyy"年"m"月"d"日"' });
        if (j === 2) checks.push({ where: { id }, field: 'filed_date', expected: isoD(filed), why: zhDate(filed) });
        if (j === 3 && sheet === '综合执法局') checks.push({ where: { id }, field: 'case_id', expected: caseId, why: '原决定书文号' });
        if (j === 1 && sheet === '卫健局') checks.push({ where: { id }, field: 'head_appeared', expected: null, why: '— (not applicable to a 复议)' });
        if (j === 3 && sheet === '市场监管局') checks.push({ where: { id }, field: 'hearing_held', expected: true, why: '是' });
      }
      r++;
    }
    // 市场监管局 lists the 综合执法局's first 一审 case again (co-defendant): the later one is rejected
    if (sheet === '市场监管局' && sharedCase) {
      setRow(ws, r, [K + 1, sharedCase.id, '应诉', '一审', PERSONS[3], '行政处罚（违法建设）（共同被告）', '嵊综执罚〔2024〕19号', zhDate([2024, 4, 2]), '', '审理中', '是', '否', '与县综合执法局为共同被告'], W);
      rejected.push({ line: r, why: `案号 ${sharedCase.id} 已在“综合执法局”表第 ${sharedCase.row} 行报送（共同被告，两单位各报一次）/ duplicate key (later sheet)` });
      r++;
    }
    if (['综合执法局', '交通运输局', '嵊山镇'].includes(sheet)) {
      setRow(ws, r + 1, [`填报人：${pick(['张敏', '李婷', '王磊'])}　　审核人：${pick(['陈刚', '周洁'])}　　填报日期：2025年1月8日`], W);
      footer.push({ line: r + 1, why: '填报人/审核人/填报日期 line under the table' });
    }
    ws.columns.forEach((c, i) => (c.width = [6, 24, 8, 8, 26, 26, 22, 16, 16, 18, 10, 12, 16][i] ?? 10));
    sheets.push({ sheet, rows_loaded: records.length, rejected, footer_lines: footer, records, checks });
  }
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'review_litigation', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: "XLSX, one sheet per unit (综合执法局, 市场监管局, 交通运输局, 卫健局, 海洋执法队, 嵊山镇 — the units' short names); the unit is written NOWHERE but in the sheet's name: no title row, no unit column; header row 1, data from row 2; a 填报人/审核人 line under three of the tables; a case listed by two units (co-defendants)",
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec),
    rows_loaded: sheets.reduce((a, s) => a + s.rows_loaded, 0),
    rejected: sheets.flatMap((s) => s.rejected.map((x) => ({ ...x, sheet: s.sheet }))),
    footer_lines: sheets.flatMap((s) => s.footer_lines.map((x) => ({ ...x, sheet: s.sheet }))),
    sheets: sheets.map(({ sheet, rows_loaded }) => ({ sheet, rows_loaded })),
    enums: {
      kind: { 复议: '复议', 应诉: '诉讼' },
      outcome: { 维持: '维持', 驳回复议申请: '驳回', 撤销: '撤销', 确认违法: '确认违法', '终止（申请人撤回）': '调解撤回', 审理中: null, 驳回诉讼请求: '驳回', 准予撤诉: '调解撤回', 判决撤销: '撤销', 判决确认违法: '确认违法' },
    },
    enum_accept: { outcome: { 驳回诉讼请求: ['胜诉'], 判决撤销: ['败诉'], 判决确认违法: ['败诉'] } },
    identity: ['id'], records: sheets.flatMap((s) => s.records), value_checks: sheets.flatMap((s) => s.checks),
  });
}

// ============================================================================================
// 03 行政检查 — a 掌上执法 CSV whose quoted cells hold line breaks
// ============================================================================================
function file03(roster) {
  const file = '03_掌上执法检查记录导出_2024年第四季度.csv';
  const spec = [
    ['行政行为码', 'inspection_id', { note: '18 digits, text' }],
    ['检查时间', 'date', { note: '2024/10/05 09:30 (text)' }],
    ['检查主体', 'lead_unit_id'],
    ['联合检查部门', 'unit_ids', { note: '；-separated 县xx局, empty for single-unit visits' }],
    ['是否“综合查一次”', 'is_joint'],
    ['检查类别', 'inspection_type'],
    ['检查方式', null, { note: '现场检查 / 书面检查 — how, not which type' }],
    ['被检查对象', 'subject_name'],
    ['统一社会信用代码', 'subject_id'],
    ['检查任务编号', 'plan_task_id'],
    ['亮码情况', 'code_shown', { note: '已亮码 / 未亮码' }],
    ['检查人员（执法证号）', 'officer_ids', { note: '姓名（浙执…）, two people on two lines inside one quoted cell' }],
    ['检查情况', null, { note: 'narrative, often several lines inside one quoted cell, with "quotes"' }],
    ['检查结果', 'result'],
    ['关联案件编号', 'case_id'],
    ['数据来源', null],
  ];
  const TYPE = { 双随机: '双随机一公开监管', 日常巡查: '日常监管', 专项: '专项检查', 综合查一次: '综合查一次', 投诉核查: '投诉举报处置' };
  const RES = { 无问题: '未发现问题', 责令整改: '发现问题，责令整改', 立案: '发现问题，立案查处', 移送: '移送相关部门处理' };
  const UNITS3 = ['XZ01', 'XZ03', 'ZY01', 'ZH01', 'ZY08', 'XZ02'];
  const officersOf = uniqueOfficers(roster);
  const lines = [spec.map((s) => csvq(s[0])).join(',')];
  let physical = 1;
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [];
  const ids = [];
  const N = 42;
  for (let n = 1; n <= N; n++) {
    const unit = UNITS3[n % UNITS3.length];
    const offs = officersOf(unit);
    const o1 = offs[n % offs.length];
    const o2 = offs[(n + 1) % offs.length];
    const typeKey = ['日常巡查', '双随机', '日常巡查', '专项', '综合查一次', '投诉核查'][n % 6];
    const joint = typeKey === '综合查一次';
    const resKey = n % 4 === 1 ? '责令整改' : n % 11 === 3 ? '立案' : n % 13 === 7 ? '移送' : '无问题';
    const biz = BUSINESSES[(n * 7) % BUSINESSES.length];
    const month = 10 + (n % 3);
    const day = [2024, month, int(1, month === 11 ? 30 : 31)];
    const hh = n % 5 === 0 ? '00:00' : `${pad(8 + (n % 9))}:${pad((n * 17) % 60)}`;
    let id = `330922${day[0]}${pad(month)}${pad(day[2])}${pad(n, 4)}`;
    let dateText = `${slash0(day)} ${hh}`;
    let subId = biz.code;
    let broken = null;
    const partners = joint ? ['ZY01', 'ZY08'].filter((u) => u !== unit).concat(unit === 'ZY01' ? ['ZY03'] : []) : [];
    let officersCell = n % 3 === 0 ? `${o1.name}（${o1.cert}）\n${o2.name}（${o2.cert}）` : `${o1.name}（${o1.cert}）、${o2.name}（${o2.cert}）`;
    let narrative =
      resKey === '无问题'
        ? n % 2
          ? '现场检查了证照公示、台账记录，未发现问题。'
          : '1.证照齐全并已公示；\n2.“两书一档”齐全；\n3.未发现违法行为。'
        : resKey === '责令整改'
          ? '发现“消毒记录”未按要求填写，\n已当场下达《责令改正通知书》，限期7日整改。'
          : resKey === '立案'
            ? '发现无证经营，现场制作询问笔录，\n报请立案。'
            : '发现涉嫌无证运输危险化学品，\n移送县应急管理局处理。';
    if (n === 9) {
      id = '';
      broken = '行政行为码为空（离线检查未同步赋码）/ no inspection id: no key';
    }
    if (n === 23) {
      id = ids[13];
      broken = `行政行为码 ${id} 与第 14 条记录重复（离线数据重复上传）/ duplicate key`;
    }
    if (n === 31) {
      dateText = '2024/11/31 10:00';
      broken = '检查时间 2024/11/31 不存在（11 月没有 31 日）/ impossible required date';
    }
    if (n === 37) {
      subId = '';
      broken = '统一社会信用代码为空（检查对象代码必填）/ required subject id empty';
    }
    if (broken) {
      officersCell = `${o1.name}（${o1.cert}）、${o2.name}（${o2.cert}）`;
      narrative = narrative.replace(/\n/g, '');
    }
    ids.push(id);
    const caseNo = resKey === '立案' ? `${unit === 'ZY01' ? '嵊市监处罚' : '嵊综执罚'}〔2024〕${200 + n}号` : '';
    const task = typeKey === '双随机' ? `SSJ-2024-${pad(n, 3)}` : '';
    const cells = [id, dateText, UNITS[unit][0], partners.map((u) => COUNTY_SHORT[u] ?? UNITS[u][0]).join('；'), joint ? '是' : '否', TYPE[typeKey], n % 7 === 2 ? '书面检查' : '现场检查', biz.name, subId, task, n % 6 === 4 ? '未亮码' : '已亮码', officersCell, narrative, RES[resKey], caseNo, '浙政钉·掌上执法'];
    const line = cells.map(csvq).join(',');
    const start = physical + 1;
    physical += 1 + (line.match(/\n/g)?.length ?? 0);
    lines.push(line);
    if (broken) {
      rejected.push({ line: start, why: broken });
      continue;
    }
    records.push({ id: [id], enums: { inspection_type: TYPE[typeKey], result: RES[resKey] } });
    const w = { inspection_id: id };
    if (n === 1 || n === 5) checks.push({ where: w, field: 'date', expected: isoD(day), why: dateText });
    if (n === 3) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: officersCell.replace('\n', '⏎') });
    if (n === 4) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: officersCell });
    if (n === 2) checks.push({ where: w, field: 'lead_unit_id', expected: unit, why: UNITS[unit][0] });
    if (joint && !checks.some((c) => c.field === 'unit_ids')) checks.push({ where: w, field: 'unit_ids', expected: partners, why: cells[3] });
    if (joint && !checks.some((c) => c.field === 'is_joint')) checks.push({ where: w, field: 'is_joint', expected: true, why: '是' });
    if (n % 6 === 4 && !checks.some((c) => c.field === 'code_shown')) checks.push({ where: w, field: 'code_shown', expected: false, why: '未亮码' });
    if (n === 6) checks.push({ where: w, field: 'code_shown', expected: true, why: '已亮码' });
    if (task && !checks.some((c) => c.field === 'plan_task_id')) checks.push({ where: w, field: 'plan_task_id', expected: task, why: '检查任务编号' });
    if (caseNo && !checks.some((c) => c.field === 'case_id')) checks.push({ where: w, field: 'case_id', expected: caseNo, why: '关联案件编号' });
    if (n === 8) checks.push({ where: w, field: 'subject_id', expected: subId, why: '统一社会信用代码' });
  }
  lines.push(csvq(`共 ${N} 条记录，导出时间：2025-01-06 10:22:13，导出人：县司法局执法监督科`));
  footer.push({ line: physical + 1, why: '共N条记录/导出时间 line at the end' });
  writeFileSync(join(DIR, file), '\ufeff' + lines.join('\r\n') + '\r\n');
  answer.files.push({
    file, table: 'inspection', workspace: ['units', 'matters', 'officers'], format: 'csv, UTF-8 BOM, CRLF between records, LF inside quoted cells',
    layout: 'CSV as Excel writes it: fields holding a comma, a quote or a line break are quoted, quotes doubled; 检查人员 (every third record) and 检查情况 (many) hold LINE BREAKS inside the quotes, so a record spans 1–3 physical lines; line numbers here are PHYSICAL lines where the record starts (header line 1); a 共N条记录 line at the end',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: { inspection_type: invert(TYPE), result: invert(RES) },
    identity: ['inspection_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 04 处罚案件 — a 钉钉宜搭 process-form export
// ============================================================================================
async function file04(roster) {
  const file = '04_行政处罚案件登记_宜搭流程表单数据导出.xlsx';
  const spec = [
    ['实例标题', null, { note: '“王婷发起的行政处罚案件登记”' }],
    ['审批状态', null, { note: '已完成 / 审批中' }],
    ['审批结果', null, { note: '同意 / empty' }],
    ['发起人', null, { note: "the unit's 内勤 who registered the form (not the case officers)" }],
    ['创建时间', null],
    ['修改时间', null],
    ['案件编号', 'case_id'],
    ['办案单位', 'unit_id', { note: 'some with trailing spaces' }],
    ['案件来源', 'source'],
    ['程序类型', 'procedure'],
    ['立案时间', 'filed_date', { note: 'text 2024-03-05' }],
    ['决定时间', 'decision_date'],
    ['结案时间', 'closed_date'],
    ['当事人类别', 'party_type'],
    ['当事人', 'party_name'],
    ['证件号码', 'party_id'],
    ['处罚类型', 'penalty_types', { note: 'multi-select as a JSON array text ["警告","罚款"]' }],
    ['罚款（万元）', 'fine_amount', { note: '万元: 0.5 = 5000 yuan' }],
    ['没收违法所得（元）', 'confiscation_amount'],
    ['重大案件', 'major_case'],
    ['承办人员', 'officer_ids', { note: '成员 field: names joined by ，' }],
    ['附件', null],
  ];
  const SRC = { 检查: '日常检查发现', 投诉举报: '群众投诉举报', 12345: '12345平台交办', 移送: '部门移送', 其他: '其他' };
  const PROC = { 普通: '普通程序', 简易: '简易程序' };
  const PARTY = { 个人: '自然人', 单位: '企业', 个体: '个体户' };
  const U4 = [['ZH01', '嵊综执罚'], ['ZY01', '嵊市监处罚'], ['ZY03', '嵊文旅罚'], ['ZY07', '嵊应急罚'], ['HY01', '嵊海执罚'], ['XZ01', '嵊菜综执罚']];
  const officersOf = uniqueOfficers(roster);
  const clerks = { ZH01: '王婷', ZY01: '刘颂怡', ZY03: '谢宇雪', ZY07: '王桂', HY01: '蔡红晓', XZ01: '江欣云' };
  const wb = newWorkbook();
  const ws = wb.addWorksheet('表单数据');
  const W = spec.length;
  setRow(ws, 1, spec.map((s) => s[0]), W);
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  const N = 41;
  let r = 2;
  for (let n = 1; n <= N; n++) {
    const [unit, prefix] = U4[n % U4.length];
    const offs = officersOf(unit);
    const o1 = offs[n % offs.length];
    const o2 = offs[(n + 2) % offs.length];
    const simple = n % 7 === 3;
    const srcKey = ['检查', '投诉举报', '12345', '检查', '移送', '其他'][n % 6];
    const partyKey = n % 4 === 0 ? '个人' : n % 4 === 1 ? '个体' : '单位';
    const biz = partyKey === '个人' ? null : BUSINESSES[(n * 5) % BUSINESSES.length];
    const filed = randDate(1, 10);
    const decided = [2024, Math.min(filed[1] + (simple ? 0 : 1), 12), simple ? filed[2] : int(1, 28)];
    const closed = [2024, Math.min(decided[1] + 1, 12), int(1, 28)];
    const fineWan = simple ? [0.005, 0.01, 0.02][n % 3] : [0.2, 0.5, 1.2, 0.3, 2, 0.85][n % 6];
    const confis = n % 5 === 2 ? [1370, 800, 2560][n % 3] : 0;
    const types = simple ? ['警告', '罚款'] : confis ? ['罚款', '没收违法所得'] : n % 9 === 0 ? ['警告'] : ['罚款'];
    const fine = types.includes('罚款') ? fineWan : null;
    const major = !simple && fineWan >= 1.2;
    const running = n % 10 === 7;
    let id = `${prefix}〔2024〕${pad(n + 20, 3)}号`;
    let filedText = isoD(filed);
    let broken = null;
    if (n === 12) {
      id = '';
      broken = '案件编号为空（表单暂存，未取号）/ no case id: no key';
    }
    // (after set 14's fix: with an update-time column (修改时间) the newest version of a key loads
    // — the second flow, line 28, modified later; the first, line 17, is rejected instead)
    if (n === 16) broken = `案件编号 ${id} 与第 28 行重复（同一案件重复发起流程）；第 28 行的修改时间较新，导入第 28 行 / duplicate key (line 28, modified later, loads)`;
    if (n === 27) id = ids[15];
    if (n === 35) {
      filedText = '';
      broken = '立案时间为空（必填）/ required filed date empty';
    }
    ids.push(id);
    const unitText = n % 4 === 2 ? `${UNITS[unit][0]} ` : UNITS[unit][0];
    const created = `${isoD(filed)} ${pad(9 + (n % 8))}:${pad((n * 11) % 60)}:${pad((n * 29) % 60)}`;
    const cells = [
      `${clerks[unit]}发起的行政处罚案件登记`, running ? '审批中' : '已完成', running ? '' : '同意', clerks[unit], created, `${isoD(closed)} 17:${pad((n * 3) % 60)}:05`,
      id, unitText, SRC[srcKey], PROC[simple ? '简易' : '普通'], filedText, isoD(decided), running ? '' : isoD(closed), PARTY[partyKey], biz ? biz.name : PERSONS[n % PERSONS.length],
      biz ? biz.code : `330922${1970 + (n % 25)}${pad(1 + (n % 12))}${pad(1 + (n % 28))}${pad(n, 3)}${n % 10}`,
      JSON.stringify(types), fine, confis || null, major ? '是' : '否', `${o1.name}，${o2.name}`, n % 3 ? '行政处罚决定书.pdf' : '',
    ];
    setRow(ws, r, cells, W);
    if (typeof fine === 'number') ws.getCell(r, 18).numFmt = '0.000';
    if (broken) rejected.push({ line: r, why: broken });
    else {
      records.push({ id: [id], enums: { source: SRC[srcKey], procedure: PROC[simple ? '简易' : '普通'], party_type: PARTY[partyKey] } });
      const w = { case_id: id };
      if (n === 2) checks.push({ where: w, field: 'unit_id', expected: unit, why: `"${unitText}" (trailing space)` });
      if (n === 1) checks.push({ where: w, field: 'unit_id', expected: unit, why: unitText });
      if (n === 1) checks.push({ where: w, field: 'filed_date', expected: isoD(filed), why: filedText });
      if (n === 4 || n === 5) checks.push({ where: w, field: 'fine_amount', expected: Math.round(fine * 10000), why: `${fine} 万元` });
      if (simple && !checks.some((c) => c.why.includes('简易'))) checks.push({ where: w, field: 'fine_amount', expected: Math.round(fine * 10000), why: `${fine} 万元 (简易)` });
      if (n === 2) checks.push({ where: w, field: 'confiscation_amount', expected: confis, why: '没收违法所得（元）' });
      if (n === 3) checks.push({ where: w, field: 'penalty_types', expected: types, why: JSON.stringify(types) });
      if (n === 2) checks.push({ where: w, field: 'penalty_types', expected: types, why: JSON.stringify(types) });
      if (n === 6) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: `${o1.name}，${o2.name}` });
      if (major && !checks.some((c) => c.field === 'major_case')) checks.push({ where: w, field: 'major_case', expected: true, why: '是' });
      if (running && !checks.some((c) => c.field === 'closed_date')) checks.push({ where: w, field: 'closed_date', expected: null, why: 'still 审批中: 结案时间 empty (修改时间 is no closing date)' });
      if (n === 8) checks.push({ where: w, field: 'decision_date', expected: isoD(decided), why: '决定时间' });
    }
    r++;
  }
  ws.columns.forEach((c, i) => (c.width = [30, 10, 10, 10, 20, 20, 22, 24, 14, 10, 12, 12, 12, 10, 30, 22, 22, 12, 14, 8, 16, 20][i] ?? 12));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: W } };
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'penalty_case', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: '钉钉宜搭 process-form data export: sheet 表单数据, header row 1, data from row 2, autofilter; six system columns first (实例标题, 审批状态, 审批结果, 发起人, 创建时间, 修改时间), then the form fields; dates as text 2024-03-05; 罚款（万元） number cells; 处罚类型 a JSON array text; trailing spaces in some 办案单位',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { source: invert(SRC), procedure: invert(PROC), party_type: { 自然人: '个人', 企业: '单位', 个体户: '单位' } },
    enum_accept: { party_type: { 个体户: ['个人'] } },
    identity: ['case_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 05 投诉举报 — a web page saved from a 12345 system: the list nested in a layout table
// ============================================================================================
function file05() {
  const file = '05_12345工单查询列表（网页另存为）.htm';
  const spec = [
    ['序号', null],
    ['工单编号', 'complaint_id'],
    ['来源', 'channel'],
    ['受理时间', 'received_date', { note: '2024-10-05 09:32:17' }],
    ['诉求人', null, { note: 'masked 张**' }],
    ['诉求标题', null],
    ['所属镇乡', 'township'],
    ['承办单位', 'unit_id'],
    ['诉求分类', 'domain'],
    ['办理期限', 'deadline_date'],
    ['办结时间', 'closed_date'],
    ['回访满意度', 'satisfaction'],
    ['涉及执法行为', 'about_conduct'],
    ['状态', null],
    ['操作', null, { note: '查看 link' }],
  ];
  const CH = { 12345: '12345政务服务热线', 投诉举报平台: '浙江省统一投诉举报平台', '110联动': '110社会联动', 基层治理四平台: '基层治理四平台', 执法监督热线: '执法监督热线' };
  const SAT = { 满意: '满意', 基本满意: '基本满意', 不满意: '不满意', 未评价: '未回访' };
  const DOM = [['ZY01', '食品安全', '噪音扰民'], ['ZH01', '城市管理', '占道经营'], ['ZY08', '卫生健康', '公共场所卫生'], ['ZY04', '交通运输', '非法营运'], ['XZ01', '城市管理', '违章搭建'], ['ZY03', '文化旅游', '网吧接纳未成年人'], ['HY01', '海洋渔业', '违规捕捞']];
  const TOWNS = ['菜园镇', '嵊山镇', '洋山镇', '五龙乡', '黄龙乡', '枸杞乡', '花鸟乡'];
  const rows = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [];
  const ids = [];
  const N = 43;
  let line = 1; // header row of the list table
  for (let n = 1; n <= N; n++) {
    const [unit, domain, title] = DOM[n % DOM.length];
    const chKey = ['12345', '12345', '投诉举报平台', '110联动', '基层治理四平台', '12345', '执法监督热线'][n % 7];
    const month = 10 + (n % 3);
    const day = [2024, month, int(1, 28)];
    const t = `${pad(8 + (n % 10))}:${pad((n * 13) % 60)}:${pad((n * 7) % 60)}`;
    const deadline = [2024, month, Math.min(day[2] + 7, 30)];
    const open = n % 9 === 4;
    const closed = open ? null : [2024, month, Math.min(day[2] + int(1, 6), 30)];
    const satKey = open ? null : ['满意', '满意', '基本满意', '不满意', '未评价'][n % 5];
    const conduct = n % 8 === 5;
    let id = `GD${day[0]}${pad(month)}${pad(day[2])}${pad(100 + n, 5)}`;
    let recv = `${isoD(day)} ${t}`;
    let broken = null;
    if (n === 7) {
      id = '';
      broken = '工单编号为空（草稿工单）/ no ticket id: no key';
    }
    if (n === 20) {
      id = ids[10];
      broken = `工单编号 ${id} 与第 11 条重复（翻页时同一工单出现两次）/ duplicate key`;
    }
    if (n === 33) {
      recv = '2024-11-31 10:12:05';
      broken = '受理时间 2024-11-31 不存在 / impossible required date';
    }
    ids.push(id);
    const unitText = COUNTY_SHORT[unit] ?? UNITS[unit][0];
    const town = unit.startsWith('XZ') ? TOWN_OF[unit] : TOWNS[n % TOWNS.length];
    rows.push([n, id, CH[chKey], recv, `${PERSONS[n % PERSONS.length][0]}**`, `关于${town}${title}的${chKey === '执法监督热线' ? '投诉' : '诉求'}`, town, unitText, domain, isoD(deadline), closed ? `${isoD(closed)} 16:${pad((n * 3) % 60)}` : '', satKey ? SAT[satKey] : '—', conduct ? '是' : '否', open ? '办理中' : '已办结', '查看']);
    line++;
    if (broken) {
      rejected.push({ line, why: broken });
      continue;
    }
    records.push({ id: [id], enums: { channel: CH[chKey], satisfaction: satKey ? SAT[satKey] : '—' } });
    const w = { complaint_id: id };
    if (n === 1) checks.push({ where: w, field: 'received_date', expected: isoD(day), why: recv });
    if (n === 1) checks.push({ where: w, field: 'unit_id', expected: unit, why: unitText });
    if (n === 2) checks.push({ where: w, field: 'deadline_date', expected: isoD(deadline), why: '办理期限' });
    if (n === 3 && closed) checks.push({ where: w, field: 'closed_date', expected: isoD(closed), why: '办结时间' });
    if (open && !checks.some((c) => c.field === 'closed_date' && c.expected === null)) checks.push({ where: w, field: 'closed_date', expected: null, why: 'open ticket: 办结时间 empty' });
    if (conduct && !checks.some((c) => c.field === 'about_conduct')) checks.push({ where: w, field: 'about_conduct', expected: true, why: '是' });
    if (n === 4) checks.push({ where: w, field: 'township', expected: town, why: '所属镇乡' });
    if (n === 5) checks.push({ where: w, field: 'domain', expected: domain, why: '诉求分类' });
  }
  line++;
  footer.push({ line, why: '合计：N 件 row at the end of the list table' });
  const esc = (v) => xmlEsc(v ?? '').replace(/\n/g, '<br>');
  const th = spec.map((s) => `<th nowrap>${esc(s[0])}</th>`).join('');
  const trs = rows
    .map((c, i) => `<tr class="${i % 2 ? 'even' : 'odd'}">${c.map((v, k) => (k === 14 ? `<td><a href="javascript:viewOrder('${esc(c[1])}')">查看</a></td>` : `<td>${esc(v)}</td>`)).join('')}</tr>`)
    .join('\r\n');
  const html = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" "http://www.w3.org/TR/html4/loose.dtd">\r
<!-- saved from url=(0071)http://10.23.8.16:8080/rx12345/order/orderQuery.do?method=list&pageNo=1 -->\r
<html><head>\r
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">\r
<title>工单查询</title>\r
<link href="./05_12345工单查询列表（网页另存为）_files/main.css" rel="stylesheet" type="text/css">\r
<script src="./05_12345工单查询列表（网页另存为）_files/jquery-1.4.2.min.js"></script>\r
</head>\r
<body leftmargin="0" topmargin="0">\r
<table width="100%" border="0" cellspacing="0" cellpadding="0" class="layout">\r
<tr><td colspan="2" class="banner"><img src="./05_12345工单查询列表（网页另存为）_files/logo.gif">嵊泗县12345政务服务热线工单管理系统　　当前用户：县司法局 执法监督科　<a href="#">退出</a></td></tr>\r
<tr><td width="160" valign="top" class="menu"><ul><li><a href="#">工单受理</a></li><li><a href="#">工单派发</a></li><li class="cur"><a href="#">工单查询</a></li><li><a href="#">回访管理</a></li><li><a href="#">统计分析</a></li></ul></td>\r
<td valign="top" class="content">\r
<div class="crumb">当前位置：工单管理 &gt; 工单查询</div>\r
<form name="queryForm" method="post" action="orderQuery.do?method=list"><div class="query">受理时间：<input name="beginTime" value="2024-10-01" class="Wdate"> 至 <input name="endTime" value="2024-12-31" class="Wdate">　承办单位：<select name="deptId"><option value="">--全部--</option></select>　<input type="submit" value="查 询" class="btn"></div></form>\r
<table width="100%" border="1" cellspacing="0" cellpadding="2" class="list" bordercolor="#A6C9E2">\r
<tr class="head">${th}</tr>\r
${trs}\r
<tr class="total"><td colspan="15">合计：${N} 件</td></tr>\r
</table>\r
<table width="100%" class="pager"><tr><td align="right">共 ${N} 条记录　第 1/1 页　每页 50 条　<a href="#">首页</a> <a href="#">上一页</a> <a href="#">下一页</a> <a href="#">尾页</a></td></tr></table>\r
</td></tr>\r
<tr><td colspan="2" class="footer">嵊泗县人民政府办公室　技术支持：浙江某某信息技术有限公司</td></tr>\r
</table>\r
</body></html>\r
`;
  writeFileSync(join(DIR, file), iconv.encode(html, 'gbk'));
  answer.files.push({
    file, table: 'complaint', workspace: ['units', 'matters', 'officers'], format: 'htm (web page saved by a browser), GBK bytes, charset=gb2312',
    layout: 'a whole page saved from an old JSP system: an outer layout table (banner row, menu cell, content cell, footer row) with the LIST TABLE NESTED in the content cell after a query form, and a pager table after it; lines are rows of the list table (its header row 1, data from row 2), a 合计 row at its end',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: { channel: invert(CH), satisfaction: { ...invert(SAT), '—': null } },
    identity: ['complaint_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 06 检查计划 — a data-platform CSV: Excel serial dates as floats, full-width codes, trailing spaces
// ============================================================================================
function file06() {
  const file = '06_dws_jcjh_task_2024（数据中台下载）.csv';
  const spec = [
    ['计划任务编号', 'plan_task_id'],
    ['任务名称', null],
    ['任务类别', 'plan_type'],
    ['责任单位', 'unit_id', { note: 'full names, some with trailing spaces' }],
    ['计划开始', null, { note: 'Excel serial (float) — the start, not the due date' }],
    ['计划完成', 'due_date', { note: 'Excel serial written as a float: 45473.0 = 2024-06-30' }],
    ['检查对象', 'subject_name'],
    ['对象代码', 'subject_id', { note: 'a few typed in full-width characters' }],
    ['任务状态', null],
    ['dt', null, { note: 'partition date 20250105' }],
  ];
  const U6 = ['ZY01', 'ZY07', 'ZY02', 'ZY05', 'ZY06', 'ZY03', 'XZ03'];
  const KIND = ['双随机抽查', '重点监管', '专项检查', '信用分类监管'];
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  const N = 40;
  for (let n = 1; n <= N; n++) {
    const unit = U6[n % U6.length];
    const biz = BUSINESSES[(n * 11) % BUSINESSES.length];
    const q = 1 + (n % 4);
    const start = [2024, q * 3 - 2, 1];
    const due = [2024, q * 3, [31, 30, 30, 31][q - 1]];
    let id = `JH2024${unit}${pad(n, 4)}`;
    let dueText = `${serial(due)}.0`;
    let code = n % 6 === 5 ? fullWidth(biz.code) : biz.code;
    let broken = null;
    if (n === 10) {
      id = '';
      broken = '计划任务编号为空 / no task id: no key';
    }
    if (n === 24) {
      id = ids[5];
      broken = `计划任务编号 ${id} 与第 6 条重复（增量同步重复）/ duplicate key`;
    }
    if (n === 33) {
      dueText = '';
      broken = '计划完成为空（必填）/ required due date empty';
    }
    ids.push(id);
    const unitText = n % 5 === 3 ? `${UNITS[unit][0]}  ` : UNITS[unit][0];
    const kind = KIND[n % KIND.length];
    lines.push([id, `${2024}年第${'一二三四'[q - 1]}季度${kind}（${biz.name.replace('嵊泗县', '')}）`, kind, unitText, `${serial(start)}.0`, dueText, biz.name, code, n % 3 ? '已完成' : '执行中', '20250105'].map(csvq).join(','));
    const line = lines.length;
    if (broken) {
      rejected.push({ line, why: broken });
      continue;
    }
    records.push({ id: [id], enums: {} });
    const w = { plan_task_id: id };
    if (n === 1 || n === 2) checks.push({ where: w, field: 'due_date', expected: isoD(due), why: `${serial(due)}.0 (Excel serial)` });
    if (n === 3) checks.push({ where: w, field: 'unit_id', expected: unit, why: `"${unitText}" (trailing spaces)` });
    if (n === 5) checks.push({ where: w, field: 'subject_id', expected: biz.code, why: `${code} (full-width)` });
    if (n === 11) checks.push({ where: w, field: 'subject_id', expected: biz.code, why: code });
    if (n === 4) checks.push({ where: w, field: 'plan_type', expected: kind, why: '任务类别' });
    if (n === 6) checks.push({ where: w, field: 'subject_name', expected: biz.name, why: '检查对象' });
  }
  writeFileSync(join(DIR, file), lines.join('\n') + '\n');
  answer.files.push({
    file, table: 'inspection_plan', workspace: ['units', 'matters', 'officers'], format: 'csv, UTF-8 without BOM, LF',
    layout: 'a table pulled from a data platform (read from Excel without date parsing, written by pandas): header line 1, data from line 2; 计划开始/计划完成 as Excel serial day numbers written as floats (45473.0); some 对象代码 in full-width characters (９１３３…); some 责任单位 with trailing spaces; a dt partition column',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {},
    identity: ['plan_task_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 07 执法人员 — a roster whose table starts at C5; ID numbers as number cells
// ============================================================================================
async function file07(roster) {
  const file = '07_2024年度行政执法人员底数核对表.xlsx';
  const spec = [
    ['序号', null],
    ['人员编号', 'officer_id'],
    ['姓名', 'name', { note: 'some with a trailing space' }],
    ['性别', null],
    ['公民身份号码', 'id_number', { note: 'NUMBER cells as Excel keeps an 18-digit number typed into a General cell: 15 significant digits, the last three 0 (shown 3.30922E+17); those ending in X stay text. No value is checked: the digits are lost' }],
    ['手机', 'phone', { note: 'number cells' }],
    ['工作单位', 'unit_id'],
    ['层级', 'posting'],
    ['派驻乡镇', 'township'],
    ['岗位类别', 'role'],
    ['编制性质', 'staffing_type'],
    ['执法证件号', 'cert_no', { note: 'a few typed in full-width digits 浙执２０２１…' }],
    ['证件有效期起', 'cert_valid_from', { note: 'date cells' }],
    ['证件有效期止', 'cert_valid_to'],
    ['核对年度', 'year', { note: '2024 number, a few full-width text ２０２４' }],
    ['法律职业资格', 'legal_qualification'],
    ['培训学时', 'training_hours'],
  ];
  const POST = { 机关: '县本级', 乡镇一线: '派驻乡镇' };
  const ROLE = { 执法: '一线执法', 法制审核: '法制审核', 管理: '综合管理', 其他: '其他' };
  const STAFF = { 行政编: '行政编制', 参公: '参公编制', 事业编: '事业编制', 编外: '编外人员' };
  const picked = roster.filter((o, i) => i % 8 === 3 && POST[o.posting] && ROLE[o.role] && STAFF[o.staffing]).slice(0, 40);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('核对表');
  const C0 = 3; // column C
  const W = spec.length;
  ws.getCell(3, C0).value = '嵊泗县2024年度行政执法人员底数核对表';
  ws.getCell(3, C0).font = { bold: true, size: 14 };
  const put = (r, cells) => {
    for (let i = 0; i < W; i++) {
      const v = cells[i];
      const c = ws.getCell(r, C0 + i);
      c.border = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };
      if (v === undefined || v === null || v === '') continue;
      if (typeof v === 'object' && 'numFmt' in v) {
        c.value = v.value;
        c.numFmt = v.numFmt;
      } else c.value = v;
    }
  };
  put(5, spec.map((s) => s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  let r = 6;
  for (let n = 1; n <= picked.length; n++) {
    const o = picked[n - 1];
    let id = o.id;
    let unitText = UNITS[o.unit][0];
    let broken = null;
    if (n === 8) {
      id = '';
      broken = '人员编号为空 / no officer id: no key';
    }
    if (n === 29) {
      id = ids[16];
      broken = `人员编号 ${id} 与第 17 条重复（同一人员 2024 年两条）/ duplicate key (officer, year)`;
    }
    if (n === 36) {
      unitText = '';
      broken = '工作单位为空（必填）/ required unit empty';
    }
    ids.push(id);
    const from = fromDate(o.from);
    const to = fromDate(o.to);
    // what Excel keeps of an 18-digit number typed into a General cell: 15 significant digits, the rest 0
    const idCell = /X$/i.test(o.idNo) ? o.idNo : { value: Number(`${o.idNo.slice(0, 15)}000`), numFmt: 'General' };
    const certCell = o.cert && n % 7 === 4 ? o.cert.replace(/[0-9]/g, (d) => fullWidth(d)) : o.cert;
    const yearCell = n % 9 === 5 ? '２０２４' : 2024;
    const nameCell = n % 6 === 1 ? `${o.name} ` : o.name;
    put(r, [n, id, nameCell, Number(o.idNo.slice(16, 17)) % 2 ? '男' : '女', idCell, Number(o.phone), unitText, POST[o.posting], o.town, ROLE[o.role], STAFF[o.staffing], certCell, from ? dateCell(from) : '', to ? dateCell(to) : '', yearCell, o.lq, Number(o.hours)]);
    if (broken) rejected.push({ line: r, why: broken });
    else {
      records.push({ id: [id, 2024], enums: { posting: POST[o.posting], role: ROLE[o.role], staffing_type: STAFF[o.staffing] } });
      const w = { officer_id: id, year: 2024 };
      if (n === 1) checks.push({ where: w, field: 'name', expected: o.name, why: `"${nameCell}" (trailing space)` });
      if (n === 1 || n === 2) checks.push({ where: w, field: 'unit_id', expected: o.unit, why: unitText });
      if (certCell !== o.cert && !checks.some((c) => c.field === 'cert_no')) checks.push({ where: w, field: 'cert_no', expected: o.cert, why: `${certCell} (full-width digits)` });
      if (yearCell !== 2024 && !checks.some((c) => c.field === 'year')) checks.push({ where: { officer_id: id }, field: 'year', expected: 2024, why: '２０２４ (full-width text)' });
      if (n === 3 && to) checks.push({ where: w, field: 'cert_valid_to', expected: isoD(to), why: 'date cell' });
      if (n === 4) checks.push({ where: w, field: 'phone', expected: o.phone, why: 'number cell' });
      if (n === 5) checks.push({ where: w, field: 'training_hours', expected: Number(o.hours), why: '培训学时' });
      if (o.town && !checks.some((c) => c.field === 'township')) checks.push({ where: w, field: 'township', expected: o.town, why: '派驻乡镇' });
      if (o.lq === '否' && !checks.some((c) => c.field === 'legal_qualification')) checks.push({ where: w, field: 'legal_qualification', expected: false, why: '否' });
    }
    r++;
  }
  ws.getColumn(1).width = 3;
  ws.getColumn(2).width = 3;
  [6, 10, 8, 6, 22, 14, 26, 10, 10, 10, 10, 18, 12, 12, 10, 12, 10].forEach((w, i) => (ws.getColumn(C0 + i).width = w));
  await saveWorkbook(wb, join(DIR, file), { wps: true });
  answer.files.push({
    file, table: 'officer', workspace: ['units', 'matters'], format: 'xlsx (WPS custom property)',
    layout: 'the table does not start at A1: columns A–B empty, rows 1–2 empty, a title in C3 (not merged), row 4 empty, header row 5 from column C, data from row 6; 公民身份号码 and 手机 as NUMBER cells (ID numbers lose their last digits: 3.30922E+17); a few 执法证件号 and 核对年度 in full-width digits; trailing spaces in a few names',
    header_rows: [5], first_data_row: 6, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { posting: { 县本级: '县级', 派驻乡镇: '乡镇' }, role: invert(ROLE), staffing_type: invert(STAFF) },
    identity: ['officer_id', 'year'], records, value_checks: checks,
  });
}

// ============================================================================================
// 08 制度机制 — a checklist whose 已落实 column is Excel check-box booleans
// ============================================================================================
async function file08() {
  const file = '08_2024年制度机制落实情况核查表（勾选版）.xlsx';
  const spec = [
    ['单位', 'unit_id', { note: '全县 for county items' }],
    ['年份', 'year'],
    ['编码', 'item_code'],
    ['制度（机制）名称', 'item_name'],
    ['已落实', 'done', { note: 'BOOLEAN cells TRUE / FALSE (Excel check boxes linked to the cells)' }],
    ['印发（落实）时间', 'done_date', { note: 'date cells yyyy/m/d and text 2024/3/5' }],
    ['佐证材料', 'evidence'],
    ['核查人', null],
    ['核查意见', null],
  ];
  const UNIT_ITEMS = [['TS_PUBLICITY', '行政执法公示制度'], ['TS_RECORDING', '执法全过程记录制度'], ['TS_LEGAL_REVIEW', '重大执法决定法制审核制度']];
  const COUNTY_ITEMS = [['CAT_PUBLISHED', '事项目录清单公布'], ['CAT_REVISED', '事项目录动态调整'], ['CO_COMMITTEE', '县执法协调委'], ['CO_DISPUTE', '执法职责争议评估处理机制'], ['CO_PLATFORM', '行政执法统一指挥平台'], ['CO_TRANSFER_STD', '案件移送标准']];
  const U8 = ['ZH01', 'ZY01', 'ZY02', 'ZY04', 'ZY07', 'HY01', 'XZ01', 'XZ03'];
  const rows = [];
  for (const u of U8) for (const [code, name] of UNIT_ITEMS) rows.push([u, code, name]);
  for (const [code, name] of COUNTY_ITEMS) rows.push(['COUNTY', code, name]);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('核查表');
  const W = spec.length;
  setRow(ws, 1, spec.map((s) => s[0]), W);
  const rejected = [];
  const records = [];
  const checks = [];
  let r = 2;
  let k = 0;
  const plan = [];
  rows.forEach((x, i) => {
    plan.push(x);
    if (i === 6) plan.push(['BROKEN_CODE', 'TS_RECORDING', '执法全过程记录制度']);
    if (i === 17) plan.push(['BROKEN_UNIT', 'TS_PUBLICITY', '行政执法公示制度']);
  });
  plan.push(['DUP', 'TS_RECORDING', '执法全过程记录制度']);
  for (const [u0, code0, name] of plan) {
    k++;
    let unit = u0;
    let code = code0;
    let unitText;
    let broken = null;
    if (u0 === 'BROKEN_CODE') {
      unit = 'ZY02';
      code = '';
      broken = '编码为空 / no item code: no key';
    } else if (u0 === 'BROKEN_UNIT') {
      unit = null;
      broken = '单位为空（必填）/ required unit empty';
    } else if (u0 === 'DUP') {
      unit = 'ZY01';
      broken = '(ZY01, 2024, TS_RECORDING) 与前面重复（核查时补录了一次）/ duplicate key';
    }
    unitText = unit === 'COUNTY' ? '全县' : unit ? UNITS[unit][0] : '';
    const done = k % 7 !== 3;
    const day = [2024, 1 + (k % 11), 1 + ((k * 5) % 27)];
    const dateVal = done ? (k % 2 ? dateCell(day, 'yyyy/m/d') : slash(day)) : '';
    const evidence = done ? `${unit === 'COUNTY' ? '县协调委' : unit ? UNITS[unit][1] : ''}${name}（${day[0]}年印发）` : '';
    setRow(ws, r, [unitText, 2024, code, name, done, dateVal, evidence, pick(['张敏', '李婷', '王磊']), done ? '已核实' : '未提供佐证材料'], W);
    if (broken) rejected.push({ line: r, why: broken });
    else {
      records.push({ id: [unit, 2024, code], enums: {} });
      const w = { unit_id: unit, year: 2024, item_code: code };
      if (k === 1) checks.push({ where: w, field: 'done', expected: true, why: 'TRUE (boolean cell)' });
      if (!done && !checks.some((c) => c.field === 'done' && c.expected === false)) checks.push({ where: w, field: 'done', expected: false, why: 'FALSE (boolean cell)' });
      if (done && k % 2 && !checks.some((c) => c.field === 'done_date' && c.why.includes('cell'))) checks.push({ where: w, field: 'done_date', expected: isoD(day), why: 'date cell yyyy/m/d' });
      if (done && !(k % 2) && !checks.some((c) => c.field === 'done_date' && c.why.includes('text'))) checks.push({ where: w, field: 'done_date', expected: isoD(day), why: `text ${slash(day)}` });
      if (unit === 'COUNTY' && !checks.some((c) => c.where.unit_id === 'COUNTY')) checks.push({ where: w, field: 'item_name', expected: name, why: '全县 item' });
    }
    r++;
  }
  ws.columns.forEach((c, i) => (c.width = [26, 8, 18, 28, 8, 14, 40, 8, 16][i] ?? 10));
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'institution_checklist', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: 'header row 1, data from row 2; 已落实 as BOOLEAN cells (t="b", TRUE/FALSE — what Excel check boxes linked to cells store); 印发（落实）时间 alternately date cells (yyyy/m/d) and text 2024/3/5; county items under 全县',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {},
    identity: ['unit_id', 'year', 'item_code'], records, value_checks: checks,
  });
}

// ============================================================================================
// 09 执法事项 — a catalogue with a units-of-measure row under the header (元 / 万元)
// ============================================================================================
async function file09(matters) {
  const file = '09_嵊泗县综合行政执法事项目录（含计量单位行）.xlsx';
  const spec = [
    ['序号', null],
    ['事项编码', 'matter_code'],
    ['事项名称', 'name'],
    ['所属领域', 'domain'],
    ['权力类型', 'power_type'],
    ['实施队伍', 'owner_type'],
    ['实施主体', 'owner_unit_id', { note: "the unit's short name" }],
    ['是否划转', 'transferred', { note: '已划转 / —' }],
    ['原主管领域', 'from_domain'],
    ['高频事项', 'high_frequency', { note: '高频 / empty' }],
    ['罚款下限', 'fine_min', { note: 'unit row says 元' }],
    ['罚款上限', 'fine_max', { note: 'unit row says 万元: 2 = 20,000 yuan' }],
    ['目录版本', 'catalogue_version'],
    ['生效日期', 'effective_date', { note: 'text 2021-7-1' }],
  ];
  const POWER = { 行政处罚: '行政处罚', 行政强制: '行政强制措施', 行政检查: '行政检查' };
  const OWNER = { 综合: '综合执法队伍', 专业: '专业执法队伍', 海洋: '海洋执法队伍', 乡镇: '乡镇（街道）执法队伍' };
  const SHORT_ID = Object.fromEntries(Object.entries(UNITS).map(([id, u]) => [u[1], id]));
  const picked = matters.filter((x, i) => i % 17 === 4).slice(0, 37);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('事项目录');
  const W = spec.length;
  setRow(ws, 1, spec.map((x) => x[0]), W);
  setRow(ws, 2, ['', '', '', '', '', '', '', '', '', '', '元', '万元', '', ''], W);
  ws.getRow(1).font = { bold: true };
  ws.getRow(2).font = { italic: true, color: { argb: 'FF808080' } };
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [{ line: 2, why: '计量单位 row under the header (元 / 万元): part of the header, no record' }];
  const codes = [];
  let r = 3;
  picked.forEach((m, i) => {
    const n = i + 1;
    let code = m.code;
    let domain = m.domain;
    let broken = null;
    if (n === 9) {
      code = '';
      broken = '事项编码为空（新增事项待赋码）/ no matter code: no key';
    }
    if (n === 30) {
      code = codes[20];
      broken = `事项编码 ${code} 与第 21 项重复（复制粘贴时重复）/ duplicate key`;
    }
    if (n === 34) {
      domain = '';
      broken = '所属领域为空（必填）/ required domain empty';
    }
    codes.push(code);
    const [y, mo, d] = m.eff.split('-').map(Number);
    const maxWan = typeof m.max === 'number' ? m.max / 10000 : null;
    setRow(ws, r, [n, code, m.name, domain, POWER[m.power], OWNER[m.owner], m.ownerShort, m.transferred === '是' ? '已划转' : '—', m.from, m.hf === '是' ? '高频' : '', typeof m.min === 'number' ? m.min : '', maxWan, m.version, `${y}-${mo}-${d}`], W);
    if (broken) rejected.push({ line: r, why: broken });
    else {
      records.push({ id: [code], enums: { power_type: POWER[m.power], owner_type: OWNER[m.owner] } });
      const w = { matter_code: code };
      if (typeof m.max === 'number' && checks.filter((c) => c.field === 'fine_max').length < 3) checks.push({ where: w, field: 'fine_max', expected: m.max, why: `${maxWan} with the unit row 万元` });
      if (typeof m.min === 'number' && !checks.some((c) => c.field === 'fine_min')) checks.push({ where: w, field: 'fine_min', expected: m.min, why: `${m.min} with the unit row 元` });
      if (n === 1) checks.push({ where: w, field: 'effective_date', expected: m.eff, why: `${y}-${mo}-${d}` });
      if (n === 2) checks.push({ where: w, field: 'owner_unit_id', expected: SHORT_ID[m.ownerShort], why: m.ownerShort });
      if (m.transferred === '是' && !checks.some((c) => c.field === 'transferred')) checks.push({ where: w, field: 'transferred', expected: true, why: '已划转' });
      // — under 是否划转 is read as no or as empty by a careful reader alike: not checked
      if (m.hf === '是' && !checks.some((c) => c.field === 'high_frequency')) checks.push({ where: w, field: 'high_frequency', expected: true, why: '高频' });
    }
    r++;
  });
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  ws.columns.forEach((c, i) => (c.width = [6, 16, 50, 12, 14, 18, 12, 10, 12, 10, 10, 10, 10, 12][i] ?? 10));
  await saveWorkbook(wb, join(DIR, file), { wps: true });
  answer.files.push({
    file, table: 'matter', workspace: ['units'], format: 'xlsx (WPS custom property)',
    layout: 'header row 1, then a UNITS-OF-MEASURE row 2 (empty but 元 under 罚款下限 and 万元 under 罚款上限, grey italic), data from row 3, frozen under row 2; 罚款上限 in 万元 (2 = 20,000), 罚款下限 in 元; 权力类型 行政处罚 / 行政强制措施 / 行政检查; 是否划转 已划转 / —; 高频事项 高频 / empty',
    header_rows: [1, 2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: { power_type: { 行政处罚: '处罚', 行政强制措施: '强制', 行政检查: '检查' }, owner_type: invert(OWNER) },
    identity: ['matter_code'], records, value_checks: checks,
  });
}

// ---------------------------------------------------------------- main
if (!existsSync(DIR)) mkdirSync(DIR, { recursive: true });
mkdirSync(TMP, { recursive: true });
const roster = await readRoster();
file01();
await file02();
file03(roster);
await file04(roster);
file05();
file06();
await file07(roster);
await file08();
await file09(await readMatters());
for (const f of answer.files) {
  f.rows_data = f.rows_loaded + f.rejected.length;
  f.columns_expected = f.columns.filter((c) => c.field).length;
}
writeFileSync(join(DIR, '_answer.json'), JSON.stringify(answer, null, 2) + '\n');
console.log(answer.files.map((f) => `${f.file}: ${f.table}, ${f.columns.length} columns (${f.columns_expected} to find), ${f.rows_data} records = ${f.rows_loaded} + ${f.rejected.length} broken, ${f.footer_lines.length} footer`).join('\n'));

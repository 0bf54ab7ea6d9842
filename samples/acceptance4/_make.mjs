// Writes the fourth acceptance set (samples/acceptance4) and its answer key _answer.json.
// Run: node samples/acceptance4/_make.mjs
//
// Nine exports imitating county systems and clerks' ledgers with layouts and spellings the earlier sets
// did not have (see README.md). The answer key is declared here by hand — every column's expected field,
// every enum text's canonical value, which records are broken and why, the identity and raw enum texts of
// every record written — and never computed by the importer under test.
// Deterministic: the same rows every run. Byte-identical except 02 (.et written by LibreOffice, which
// stamps its own document dates).
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { acceptanceKit } from '../acceptance-kit.mjs';

const DIR = dirname(fileURLToPath(import.meta.url));
// the helpers shared with the other blind sets' generators, with this set's seed and document date
const { TMP, pick, int, pad, addDays, DAYS, randDate, fromDateObj, isoD, uscc, cnSmall, cnDate, dotted, zhDate, zhDate0, daxie, fullWidth, xmlEsc, UNITS, TOWN_OF, COUNTY_SHORT, readRoster, readMatters, BUSINESSES, answer, columnsOf, newWorkbook, saveWorkbook, THIN, setRow, dateCell, colLetter } = acceptanceKit({ set: 'acceptance4', dir: DIR, seed: 20250213, stamp: Date.UTC(2025, 1, 13, 1, 30) });

// ============================================================================================
// 01 执法单位 — the 执法主体 list of the province's 行政执法监管平台, re-saved by WPS
// ============================================================================================
async function file01() {
  const file = '01_执法主体信息_行政执法监管平台导出（WPS另存）.xlsx';
  const spec = [
    ['序号', null],
    ['主体编码', 'unit_id'],
    ['执法主体名称', 'name'],
    ['简称', 'short_name'],
    ['统一社会信用代码', null, { note: 'hidden column; the unit\'s USCC, no field of the schema' }],
    ['主体类别', 'unit_type'],
    ['执法领域', 'domain'],
    ['主体层级', 'level'],
    ['执法模式', 'mode'],
    ['所在乡镇（街道）', 'township', { note: 'hidden column: still data' }],
    ['驻点单位', 'hub_unit_id'],
    ['曾用名/其他名称', 'aliases'],
    ['成立时间', 'established_date'],
    ['撤销时间', 'abolished_date'],
    ['是否启用', null, { note: '是/否: in use in the platform, not a field' }],
    ['联系电话', null],
  ];
  const TYPE = { ZH01: '综合行政执法部门', HY01: '海洋综合行政执法队伍' };
  const typeText = (u) => TYPE[u] ?? (u.startsWith('ZY') ? '专业执法部门' : '乡镇（街道）');
  const DOMAIN = { ZH01: '综合行政执法', ZY01: '市场监管', ZY02: '生态环境', ZY03: '文化旅游', ZY04: '交通运输', ZY05: '农业农村', ZY06: '自然资源', ZY07: '应急管理', ZY08: '卫生健康', ZY09: '水利', HY01: '海洋渔业' };
  const MODE = { XZ01: '派驻执法', XZ02: '派驻执法', XZ04: '派驻执法', XZ05: '派驻执法', XZ03: '赋权乡镇执法', XZ06: '片区兼管（1+X）', XZ07: '片区兼管（1+X）' };
  const modeText = (u) => MODE[u] ?? '县级部门直接执法';
  const ALIASES = {
    ZH01: [['县综合行政执法局', '县综合执法局', '综合执法大队'], '\n'],
    ZY01: [['县市场监管局', '市监局'], '；'],
    ZY03: [['县文广旅体局'], ''],
    ZY09: [['县水利执法队', '水务执法队'], '、'],
    HY01: [['县海洋执法队', '海洋与渔业执法大队'], '\n'],
    XZ01: [['菜园中队'], ''],
    XZ03: [['洋山镇综合行政执法队', '洋山中队'], '；'],
    XZ06: [['枸杞执法点'], ''],
  };
  const EST = {
    ZH01: [2019, 6, 28], ZY01: [2019, 3, 5], ZY02: [2019, 11, 18], ZY03: [2019, 3, 5], ZY04: [2019, 3, 5], ZY05: [2019, 3, 5], ZY06: [2019, 3, 5],
    ZY07: [2019, 3, 5], ZY08: [2019, 3, 5], ZY09: [2020, 1, 1], HY01: [2021, 9, 1], XZ01: [2022, 4, 1], XZ02: [2022, 4, 1], XZ03: [2022, 7, 1],
    XZ04: [2022, 4, 1], XZ05: [2022, 4, 1], XZ06: [2022, 10, 8], XZ07: [2022, 10, 8],
  };
  const wb = newWorkbook();
  wb.addWorksheet('Sheet1'); // WPS's own empty first sheet, left in front
  const ws = wb.addWorksheet('执法主体信息', { views: [{ state: 'frozen', xSplit: 3, ySplit: 2 }] });
  const W = spec.length;
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).value = '嵊泗县行政执法主体信息表';
  ws.getCell(1, 1).alignment = { horizontal: 'center' };
  setRow(ws, 2, spec.map((s) => s[0]), W);
  ws.autoFilter = `A2:${colLetter(W)}2`;
  ws.getColumn(5).hidden = true;
  ws.getColumn(10).hidden = true;
  const rejected = [];
  const records = [];
  const checks = [];
  const order = Object.keys(UNITS);
  const rows = [];
  for (const [k, u] of order.entries()) rows.push({ u, n: k + 1 });
  // a supervision office with no 主体编码 (not an enforcement body of the list) and XZ01 pasted twice
  rows.splice(11, 0, { u: null, n: 0 });
  rows.push({ u: 'XZ01', n: 0, dup: true });
  let seq = 0;
  for (const [i, r] of rows.entries()) {
    const line = i + 3;
    seq += 1;
    if (!r.u) {
      setRow(ws, line, [seq, '', '嵊泗县司法局（县行政执法协调监督局）', '县司法局', uscc('1', '1'), '其他', '执法监督', '县级', '', '', '', '', '二〇二四年十二月一日', '', '是', '0580-5081206'], W);
      rejected.push({ line, sheet: '执法主体信息', why: '主体编码为空 / no unit id: no key' });
      continue;
    }
    const u = r.u;
    const [name, short] = UNITS[u];
    let idText = u;
    if (u === 'ZY03') idText = 'ZY03  ';
    if (u === 'HY01') idText = fullWidth('HY01');
    const est = EST[u];
    const estCell = r.n % 3 === 0 ? cnDate(est) : r.n % 3 === 1 ? dotted(est) : dateCell(est, 'yyyy"年"m"月"d"日"');
    const al = ALIASES[u];
    const aliasText = al ? al[0].join(al[1]) : '';
    const level = u.startsWith('XZ') ? '乡镇级' : '县级';
    const hub = u === 'XZ06' || u === 'XZ07' ? '嵊山镇' : '';
    const abolished = u === 'ZY09' ? cnDate([2023, 3, 31]) : '';
    const phone = `0580-50${pad(int(10000, 99999), 5)}`;
    setRow(ws, line, [seq, idText, name, short, uscc('1', '1'), typeText(u), DOMAIN[u] ?? '乡镇综合执法', level, modeText(u), TOWN_OF[u] ?? '', hub, aliasText, estCell, abolished, u === 'ZY09' ? '否' : '是', r.dup ? '0580-5088888' : phone], W);
    if (r.dup) {
      rejected.push({ line, sheet: '执法主体信息', why: '主体编码 XZ01 重复（同一单位粘贴了两次，电话不同）/ duplicate key XZ01 in the same file' });
      continue;
    }
    records.push({ id: [u], enums: { unit_type: typeText(u), level, mode: modeText(u) } });
    if (u === 'ZY03') checks.push({ where: { unit_id: 'ZY03' }, field: 'name', expected: name, why: 'key typed with trailing spaces "ZY03  "' });
    if (u === 'HY01') checks.push({ where: { unit_id: 'HY01' }, field: 'name', expected: name, why: `full-width key ${idText}` });
    if (u === 'HY01') checks.push({ where: { unit_id: 'HY01' }, field: 'aliases', expected: al[0], why: 'aliases on lines of one cell (Alt+Enter)' });
    if (u === 'ZY01') checks.push({ where: { unit_id: 'ZY01' }, field: 'aliases', expected: al[0], why: 'aliases separated by ；' });
    if (u === 'ZY09') checks.push({ where: { unit_id: 'ZY09' }, field: 'aliases', expected: al[0], why: 'aliases separated by 、' });
    if (u === 'ZY09') checks.push({ where: { unit_id: 'ZY09' }, field: 'abolished_date', expected: '2023-03-31', why: abolished });
    if (['ZY02', 'ZY03', 'ZY04'].includes(u)) checks.push({ where: { unit_id: u }, field: 'established_date', expected: isoD(est), why: typeof estCell === 'string' ? estCell : 'date cell yyyy"年"m"月"d"日"' });
    if (u === 'XZ06') checks.push({ where: { unit_id: 'XZ06' }, field: 'hub_unit_id', expected: 'XZ02', why: 'hub by short name 嵊山镇, a unit of the same file' });
    if (u === 'XZ03') checks.push({ where: { unit_id: 'XZ03' }, field: 'township', expected: '洋山镇', why: 'value in a hidden column' });
  }
  ws.getColumn(3).width = 30;
  await saveWorkbook(wb, join(DIR, file), { wps: true });
  const uniq = (v) => [...new Set(v)];
  answer.files.push({
    file, table: 'unit', workspace: [], format: 'xlsx',
    layout: 'XLSX re-saved by WPS (docProps/custom.xml KSOProductBuildVer); an empty sheet Sheet1 before the data sheet 执法主体信息; row 1 merged title, row 2 header with an autofilter, frozen at C2; columns E and J hidden; data from row 3',
    sheets: [{ sheet: '执法主体信息', rows_loaded: records.length }],
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {
      unit_type: { 综合行政执法部门: '综合', 专业执法部门: '专业', 海洋综合行政执法队伍: '海洋', '乡镇（街道）': '乡镇' },
      level: { 县级: '县', 乡镇级: '乡镇' },
      mode: Object.fromEntries(uniq(Object.keys(UNITS).map(modeText)).map((t) => [t, t.startsWith('派驻') ? '派驻' : t.startsWith('赋权') ? '赋权' : t.startsWith('片区') ? '片区兼管' : '县级'])),
    },
    identity: ['unit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 02 执法人员 — a 执法证件 roster kept in WPS (.et), three header rows with merged parents
// ============================================================================================
async function file02(roster) {
  const file = '02_2024年度行政执法人员持证情况统计表.et';
  const spec = [
    ['序号', null, { note: 'restarts for every unit block' }],
    ['人员编号', 'officer_id'],
    ['姓名', 'name'],
    ['性别', null],
    ['公民身份号码', 'id_number'],
    ['所在单位', 'unit_id'],
    ['岗位信息 岗位层级', 'posting'],
    ['岗位信息 派驻乡镇', 'township'],
    ['岗位信息 岗位类别', 'role'],
    ['岗位信息 编制性质', 'staffing_type'],
    ['执法证件 执法证号', 'cert_no'],
    ['执法证件 有效期 起', 'cert_valid_from'],
    ['执法证件 有效期 止', 'cert_valid_to'],
    ['执法证件 证件状态', null, { note: '正常/待换发: a status' }],
    ['资格与培训 法律职业资格', 'legal_qualification'],
    ['资格与培训 专职法制审核', 'fulltime_reviewer'],
    ['资格与培训 年度培训（学时）', 'training_hours'],
    ['联系电话', 'phone'],
    ['统计年度', 'year'],
  ];
  const POST = { 机关: '县本级', 乡镇一线: '乡镇（街道）' };
  const ROLE = { 执法: '执法岗', 法制审核: '法制审核岗', 管理: '综合管理岗', 其他: '其他岗位' };
  const STAFF = { 行政编: '行政编制', 参公: '参照公务员法管理', 事业编: '事业编制', 编外: '编外聘用' };
  const blocks = [['ZH01', 12], ['ZY01', 8], ['HY01', 8], ['XZ01', 7], ['XZ03', 6]];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('持证情况');
  const W = spec.length;
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).value = '嵊泗县2024年度行政执法人员持证情况统计表';
  ws.mergeCells(2, 1, 2, W);
  ws.getCell(2, 1).value = '填报单位：嵊泗县司法局（行政执法协调监督科）　　　　统计截止：2024年12月31日';
  // three header rows: parents in row 3, middle in row 4, leaves in row 5
  const single = { 1: '序号', 2: '人员编号', 3: '姓名', 4: '性别', 5: '公民身份号码', 6: '所在单位', 18: '联系电话', 19: '统计年度' };
  for (const [c, t] of Object.entries(single)) {
    ws.mergeCells(3, Number(c), 5, Number(c));
    ws.getCell(3, Number(c)).value = t;
  }
  ws.mergeCells(3, 7, 3, 10);
  ws.getCell(3, 7).value = '岗位信息';
  for (const [c, t] of [[7, '岗位层级'], [8, '派驻乡镇'], [9, '岗位类别'], [10, '编制性质']]) {
    ws.mergeCells(4, c, 5, c);
    ws.getCell(4, c).value = t;
  }
  ws.mergeCells(3, 11, 3, 14);
  ws.getCell(3, 11).value = '执法证件';
  ws.mergeCells(4, 11, 5, 11);
  ws.getCell(4, 11).value = '执法证号';
  ws.mergeCells(4, 12, 4, 13);
  ws.getCell(4, 12).value = '有效期';
  ws.getCell(5, 12).value = '起';
  ws.getCell(5, 13).value = '止';
  ws.mergeCells(4, 14, 5, 14);
  ws.getCell(4, 14).value = '证件状态';
  ws.mergeCells(3, 15, 3, 17);
  ws.getCell(3, 15).value = '资格与培训';
  for (const [c, t] of [[15, '法律职业资格'], [16, '专职法制审核'], [17, '年度培训（学时）']]) {
    ws.mergeCells(4, c, 5, c);
    ws.getCell(4, c).value = t;
  }
  for (let r = 3; r <= 5; r++) for (let c = 1; c <= W; c++) ws.getCell(r, c).border = THIN;
  const rejected = [];
  const records = [];
  const checks = [];
  let line = 5;
  let moved = null;
  for (const [b, [unit, count]] of blocks.entries()) {
    const people = roster.filter((o) => o.unit === unit && o.cert).slice(0, count);
    let seq = 0;
    const extra = [];
    if (unit === 'XZ01') extra.push('dup');
    if (unit === 'HY01') extra.push('nokey');
    for (const item of [...people, ...extra]) {
      line += 1;
      seq += 1;
      if (item === 'nokey') {
        setRow(ws, line, [seq, '', '陈嘉怡', '女', '330922199905213026', UNITS[unit][0], '县本级', '', '执法岗', '事业编制', '', '', '', '待申领', '无', '✘', 16, '15968027715', '2024年'], W);
        rejected.push({ line, why: '人员编号为空（新进人员，尚未赋号）/ no officer id: no key' });
        continue;
      }
      if (item === 'dup') {
        const o = moved;
        setRow(ws, line, [seq, o.id, o.name, Number(o.idNo[16]) % 2 ? '男' : '女', o.idNo, UNITS[unit][0], '乡镇（街道）', '菜园镇', ROLE[o.role], STAFF[o.staffing], o.cert, dotted(fromDateObj(o.from)), dotted(fromDateObj(o.to)), '正常', o.lq === '是' ? '有' : '无', '✘', o.hours, o.phone, '2024年'], W);
        rejected.push({ line, why: `人员编号 ${o.id} 在 2024 年度出现两次（年中调往菜园镇，两个单位各报一次）/ duplicate key (officer_id, year)` });
        continue;
      }
      const o = item;
      if (b === 0 && seq === 3) moved = o;
      let idText = o.id;
      if (b === 0 && seq === 5) idText = `${o.id} `;
      if (b === 1 && seq === 2) idText = fullWidth(o.id);
      const from = o.from ? fromDateObj(o.from) : null;
      const to = o.to ? fromDateObj(o.to) : null;
      const toText = to ? (seq % 2 ? cnDate(to) : dotted(to)) : '';
      const lq = o.lq === '是' ? '有' : '无';
      const ft = o.fulltime === '是' ? '✔' : '✘';
      const hours = seq % 4 === 0 ? `${o.hours}` : o.hours;
      setRow(ws, line, [seq, idText, o.name, Number(o.idNo[16]) % 2 ? '男' : '女', o.idNo, seq % 3 === 0 ? UNITS[unit][1] : UNITS[unit][0], POST[o.posting], o.town, ROLE[o.role], STAFF[o.staffing], o.cert, from ? dotted(from) : '', toText, '正常', lq, ft, hours, o.phone, '2024年'], W);
      records.push({ id: [o.id, 2024], enums: { posting: POST[o.posting], role: ROLE[o.role], staffing_type: STAFF[o.staffing] } });
      const w = { officer_id: o.id, year: 2024 };
      if (b === 0 && seq === 1) {
        checks.push({ where: w, field: 'cert_valid_from', expected: isoD(from), why: dotted(from) });
        checks.push({ where: w, field: 'cert_valid_to', expected: isoD(to), why: toText });
        checks.push({ where: w, field: 'training_hours', expected: o.hours, why: 'a number under 年度培训（学时）' });
        checks.push({ where: w, field: 'unit_id', expected: unit, why: UNITS[unit][0] });
      }
      if (b === 0 && seq === 2) checks.push({ where: w, field: 'cert_valid_to', expected: isoD(to), why: toText });
      if (b === 0 && seq === 5) checks.push({ where: w, field: 'name', expected: o.name, why: `key "${idText}" with a trailing space` });
      if (b === 1 && seq === 2) checks.push({ where: w, field: 'name', expected: o.name, why: `full-width key ${idText}` });
      if (b === 0 && seq === 3) checks.push({ where: w, field: 'unit_id', expected: unit, why: 'short name, the first of two rows of this officer (the second is rejected)' });
      if (o.lq === '是' && !checks.some((c) => c.field === 'legal_qualification' && c.expected === true)) checks.push({ where: w, field: 'legal_qualification', expected: true, why: '有' });
      if (o.lq === '否' && !checks.some((c) => c.field === 'legal_qualification' && c.expected === false)) checks.push({ where: w, field: 'legal_qualification', expected: false, why: '无 (no, not empty)' });
      if (o.fulltime === '是' && !checks.some((c) => c.field === 'fulltime_reviewer' && c.expected === true)) checks.push({ where: w, field: 'fulltime_reviewer', expected: true, why: '✔' });
      if (o.fulltime === '否' && !checks.some((c) => c.field === 'fulltime_reviewer' && c.expected === false)) checks.push({ where: w, field: 'fulltime_reviewer', expected: false, why: '✘' });
      if (b === 3 && seq === 1) checks.push({ where: w, field: 'year', expected: 2024, why: '2024年' });
    }
  }
  mkdirSync(TMP, { recursive: true });
  const xlsx = join(TMP, '02.xlsx');
  await saveWorkbook(wb, xlsx);
  rmSync(join(TMP, '02.xls'), { force: true });
  execFileSync('soffice', ['--headless', '--convert-to', 'xls:MS Excel 97', '--outdir', TMP, xlsx], { stdio: 'ignore' });
  copyFileSync(join(TMP, '02.xls'), join(DIR, file));
  answer.files.push({
    file, table: 'officer', workspace: ['units', 'matters'], format: 'et (BIFF8)',
    layout: 'WPS .et (BIFF8 compound file); row 1 merged title, row 2 填报单位 line; three header rows 3–5: 岗位信息 over four leaves, 执法证件 over 执法证号 | 有效期 (起 | 止) | 证件状态, 资格与培训 over three; data from row 6; 序号 restarts for every unit',
    header_rows: [3, 4, 5], first_data_row: 6, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {
      posting: { 县本级: '县级', '乡镇（街道）': '乡镇' },
      role: { 执法岗: '执法', 法制审核岗: '法制审核', 综合管理岗: '管理', 其他岗位: '其他' },
      staffing_type: { 行政编制: '行政编', 参照公务员法管理: '参公', 事业编制: '事业编', 编外聘用: '编外' },
    },
    identity: ['officer_id', 'year'], records, value_checks: checks,
  });
}

// ============================================================================================
// 03 执法事项 — a catalogue download whose every value is written ="…" (to keep codes as text)
// ============================================================================================
function file03(matters) {
  const file = '03_嵊泗县综合行政执法事项目录（公布稿）.csv';
  const spec = [
    ['序号', null],
    ['事项代码', 'matter_code'],
    ['事项名称', 'name'],
    ['事项类别', 'power_type'],
    ['所属领域', 'domain'],
    ['实施主体', 'owner_unit_id'],
    ['实施主体类型', 'owner_type'],
    ['是否划转', 'transferred'],
    ['划转前所属领域', 'from_domain'],
    ['是否高频事项', 'high_frequency'],
    ['罚款下限（元）', 'fine_min'],
    ['罚款上限（万元）', 'fine_max', { note: 'in 万元: 2 = 20,000 yuan' }],
    ['目录版本', 'catalogue_version'],
    ['生效日期', 'effective_date'],
    ['调整日期', 'revised_date'],
    ['是否公开', 'published'],
    ['设定依据', null],
  ];
  const POWER = { 行政处罚: '行政处罚', 行政强制: '行政强制措施', 行政检查: '行政检查' };
  const OWNER = { 综合: '综合行政执法部门', 专业: '业务主管部门', 海洋: '海洋行政执法队伍', 乡镇: '乡镇（街道）' };
  // a spread of the catalogue: transferred ones with their old domain, every power type and owner
  const chosen = [];
  const take = (f, n) => {
    for (const m of matters.filter(f)) {
      if (n <= 0) break;
      if (!chosen.includes(m)) {
        chosen.push(m);
        n--;
      }
    }
  };
  take((m) => m.transferred === '是' && m.rev, 6);
  take((m) => m.transferred === '是' && !m.rev, 5);
  take((m) => m.ownerShort === '综合执法局' && m.transferred === '否', 5);
  take((m) => m.ownerShort === '市场监管局', 6);
  take((m) => m.ownerShort === '海洋执法队', 5);
  take((m) => m.ownerShort === '洋山镇', 4);
  take((m) => m.ownerShort === '卫健局', 5);
  take((m) => m.ownerShort === '应急管理局', 4);
  const W = spec.length;
  const eq = (v) => `="${v}"`;
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const wan = (n) => String(Number((n / 10000).toFixed(4)));
  let n = 0;
  const emit = (m, { dup = false, ragged = false } = {}) => {
    n += 1;
    const effective = m.eff.split('-').map(Number);
    const revised = m.rev ? m.rev.split('.').map(Number) : null;
    const isFine = m.power === '行政处罚' && m.max != null;
    let name = m.name;
    if (ragged) name = name.replace('、', ',');
    const cells = [
      String(n), m.code, name, POWER[m.power], dup ? '城乡建设' : m.domain, n % 2 ? m.ownerShort : UNITS[Object.keys(UNITS).find((k) => UNITS[k][1] === m.ownerShort)][0],
      OWNER[m.owner], m.transferred === '是' ? '已划转' : '未划转', m.from, m.hf === '是' ? '✔' : '', isFine ? String(m.min) : '', isFine ? wan(m.max) : '',
      m.version, dotted(effective), revised ? cnDate(revised) : '', m.pub === '是' ? '是' : '否',
      `《${m.domain === '城市管理' ? '城市市容和环境卫生管理条例' : '浙江省综合行政执法条例'}》第${cnSmall(int(10, 39))}条`,
    ];
    lines.push(cells.map(eq).join(','));
    const line = lines.length;
    if (dup) return rejected.push({ line, why: `事项代码 ${m.code} 重复（同一事项在两个领域下各列一次）/ duplicate key` });
    if (ragged) return rejected.push({ line, why: '事项名称里有一个半角逗号，="…" 不是 CSV 的引号，整行多出一列 / an ASCII comma inside ="…" splits the line: ragged' });
    records.push({ id: [m.code], enums: { power_type: POWER[m.power], owner_type: OWNER[m.owner] } });
    const w = { matter_code: m.code };
    if (n === 1) {
      checks.push({ where: w, field: 'name', expected: m.name, why: 'value written ="…"' });
      checks.push({ where: w, field: 'effective_date', expected: isoD(effective), why: dotted(effective) });
      checks.push({ where: w, field: 'revised_date', expected: isoD(revised), why: cnDate(revised) });
      checks.push({ where: w, field: 'transferred', expected: true, why: '已划转' });
      checks.push({ where: w, field: 'from_domain', expected: m.from, why: 'text' });
    }
    if (isFine && !checks.some((c) => c.field === 'fine_max')) {
      checks.push({ where: w, field: 'fine_max', expected: m.max, why: `${wan(m.max)} under 罚款上限（万元）` });
      checks.push({ where: w, field: 'fine_min', expected: m.min, why: 'yuan' });
    }
    if (isFine && m.max < 10000 && !checks.some((c) => c.field === 'fine_max' && c.expected < 10000)) checks.push({ where: w, field: 'fine_max', expected: m.max, why: `${wan(m.max)} 万元` });
    if (m.transferred === '否' && !checks.some((c) => c.field === 'transferred' && c.expected === false)) checks.push({ where: w, field: 'transferred', expected: false, why: '未划转' });
    if (m.hf === '是' && !checks.some((c) => c.field === 'high_frequency')) checks.push({ where: w, field: 'high_frequency', expected: true, why: '✔' });
    if (m.ownerShort === '洋山镇' && !checks.some((c) => c.field === 'owner_unit_id')) checks.push({ where: w, field: 'owner_unit_id', expected: 'XZ03', why: cells[5] });
    if (m.ownerShort === '海洋执法队' && !checks.some((c) => c.field === 'owner_type')) checks.push({ where: w, field: 'owner_type', expected: '海洋', why: OWNER[m.owner] });
  };
  for (const [i, m] of chosen.entries()) {
    emit(m);
    if (i === 14) emit(chosen[3], { dup: true });
    if (i === 27) emit(matters.find((x) => x.name.includes('、') && !chosen.includes(x)), { ragged: true });
  }
  writeFileSync(join(DIR, file), '\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
  answer.files.push({
    file, table: 'matter', workspace: ['units'], format: 'csv',
    layout: 'UTF-8 with BOM, CRLF, comma; plain header line; every value written as ="…" (an Excel formula that keeps long codes as text), empty values as =""',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {
      power_type: { 行政处罚: '处罚', 行政强制措施: '强制', 行政检查: '检查' },
      owner_type: { 综合行政执法部门: '综合', 业务主管部门: '专业', 海洋行政执法队伍: '海洋', '乡镇（街道）': '乡镇' },
    },
    identity: ['matter_code'], records, value_checks: checks,
  });
}

// ============================================================================================
// 04 检查计划 — 双随机 task list copied out of the platform and saved as Excel "Unicode 文本"
// ============================================================================================
function file04() {
  const file = '04_2024年度双随机抽查任务清单（Unicode文本）.txt';
  const spec = [
    ['序号', null],
    ['任务编号', 'plan_task_id'],
    ['任务名称', null],
    ['抽查类型', 'plan_type'],
    ['任务组织部门', null, { note: 'the county 双随机 joint office, not a unit' }],
    ['检查实施部门', 'unit_id'],
    ['抽查事项', null],
    ['检查对象名称', 'subject_name'],
    ['统一社会信用代码', 'subject_id'],
    ['任务开始日期', null, { note: 'start of the task window: not the due date' }],
    ['任务完成期限', 'due_date'],
    ['任务状态', null],
  ];
  const PREFIX = { ZY01: '嵊市监', ZY08: '嵊卫健', ZY07: '嵊应急', ZY03: '嵊文旅', ZH01: '嵊综执', ZY04: '嵊交运', HY01: '嵊海执' };
  const ITEM = { ZY01: '食品经营者经营活动检查', ZY08: '公共场所卫生监督检查', ZY07: '安全生产监督检查', ZY03: '娱乐场所经营活动检查', ZH01: '户外广告设施设置检查', ZY04: '道路运输经营行为检查', HY01: '渔业船舶安全检查' };
  const TYPES = ['部门双随机抽查', '跨部门联合双随机抽查', '重点检查', '专项检查'];
  const units = Object.keys(PREFIX);
  const rows = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const seqOf = Object.fromEntries(units.map((u) => [u, 0]));
  const N = 42;
  for (let n = 1; n <= N; n++) {
    const u = units[n % units.length];
    seqOf[u] += 1;
    const b = BUSINESSES[(n * 5) % BUSINESSES.length];
    let id = `${PREFIX[u]}抽查〔2024〕${seqOf[u]}号`;
    const m = int(3, 11);
    const due = [2024, m, DAYS[m - 1] - (m === 2 ? 1 : 0)];
    const start = [2024, m, 1];
    let dueText = n % 3 === 0 ? zhDate(due) : n % 3 === 1 ? dotted(due) : `${due[0]}/${due[1]}/${due[2]}`;
    const type = TYPES[n % TYPES.length];
    let broken = null;
    if (n === 13) {
      id = '';
      broken = '任务编号为空（草稿任务，未生成编号）/ no task id: no key';
    }
    if (n === 31) {
      dueText = '2024年6月31日';
      broken = '任务完成期限 2024年6月31日 不存在 / due date 2024-06-31 does not exist (required)';
    }
    const cells = [String(n), id, `2024年${UNITS[u][1]}${type}（第${seqOf[u]}批）`, type, '嵊泗县“双随机、一公开”监管工作联席会议办公室', n % 4 === 0 ? UNITS[u][1] : UNITS[u][0], ITEM[u], b.name, b.code, zhDate(start), dueText, n < 30 ? '已完成' : '检查中'];
    rows.push(cells);
    const line = rows.length + 1;
    if (broken) rejected.push({ line, why: broken });
    else {
      records.push({ id: [id], enums: {} });
      const w = { plan_task_id: id };
      if (n === 1) checks.push({ where: w, field: 'due_date', expected: isoD(due), why: dueText });
      if (n === 2) checks.push({ where: w, field: 'due_date', expected: isoD(due), why: dueText });
      if (n === 3) checks.push({ where: w, field: 'due_date', expected: isoD(due), why: dueText });
      if (n === 4) checks.push({ where: w, field: 'unit_id', expected: u, why: cells[5] });
      if (n === 5) checks.push({ where: w, field: 'unit_id', expected: u, why: cells[5] });
      if (n === 5) checks.push({ where: w, field: 'subject_id', expected: b.code, why: 'credit code' });
      if (n === 6) checks.push({ where: w, field: 'plan_type', expected: type, why: 'text kept as written' });
    }
  }
  const esc = (v) => (/[\t"\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const text = [spec.map((s) => s[0]), ...rows].map((r) => r.map(esc).join('\t')).join('\r\n') + '\r\n';
  writeFileSync(join(DIR, file), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  answer.files.push({
    file, table: 'inspection_plan', workspace: ['units', 'matters', 'officers'], format: 'utf16 tsv',
    layout: 'Excel "Unicode 文本 (*.txt)": UTF-16LE with BOM, tab-separated, CRLF, named .txt; header line 1; 任务编号 in the 浙工商抽查[2017]1号 style with 〔〕; 任务完成期限 2024年6月30日 / 2024.06.30 / 2024/6/30',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {}, identity: ['plan_task_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 05 监督发现问题 — a JSON array of objects with nested objects (a 执法监督 system's list API)
// ============================================================================================
function file05() {
  const file = '05_执法监督问题清单_接口导出.json';
  const spec = [
    ['问题编号', 'finding_id'],
    ['问题来源.代码', null, { note: 'the source code 01…06' }],
    ['问题来源.名称', 'source'],
    ['被监督单位.名称', 'unit_id'],
    ['被监督单位.统一社会信用代码', null],
    ['关联案件.案件编号', 'case_id'],
    ['关联案件.案件名称', null],
    ['评查结果.得分', 'casefile_score'],
    ['评查结果.等次', 'casefile_grade'],
    ['发现日期', 'found_date'],
    ['整改期限', 'due_date'],
    ['整改完成时间', 'rectified_date'],
    ['问题等级', 'severity'],
    ['问题描述', 'description'],
    ['录入人', null],
    ['录入时间', null, { note: 'when the record was typed in, not when the problem was found' }],
  ];
  const SOURCES = [
    ['01', '行政执法监督检查', '执法监督'], ['02', '案卷评查', '案卷评查'], ['03', '检察建议书', '检察建议'], ['04', '纪委监委移送', '纪委监委'],
    ['05', '特邀行政执法监督员反映', '特邀监督'], ['06', '人大代表建议', '人大'],
  ];
  const SEV = [['一般', '一般'], ['较重', '较重'], ['严重', '严重'], ['一般问题', '一般'], ['较重问题', '较重']];
  const PROBLEMS = ['未按规定出示执法证件', '案卷装订不规范，送达回证缺失', '法制审核意见书未载明审核人员', '处罚决定书未告知救济途径', '检查记录未由当事人签字确认', '自由裁量理由说明不充分', '执法全过程记录视频缺失'];
  const units = ['ZH01', 'ZY01', 'ZY02', 'ZY03', 'ZY04', 'ZY07', 'ZY08', 'HY01', 'XZ01', 'XZ03'];
  const PREFIX = { ZH01: '嵊综执罚', ZY01: '嵊市监罚', ZY02: '舟环嵊罚', ZY03: '嵊文旅罚', ZY04: '嵊交运罚', ZY07: '嵊应急罚', ZY08: '嵊卫健罚', HY01: '嵊海执罚', XZ01: '嵊菜执罚', XZ03: '嵊洋执罚' };
  const USCC = Object.fromEntries(units.map((u) => [u, uscc('1', '1')]));
  const out = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const N = 42;
  for (let n = 1; n <= N; n++) {
    const u = units[n % units.length];
    const src = n % 2 === 1 ? SOURCES[1] : SOURCES[(n / 2) % SOURCES.length];
    const isReview = src[2] === '案卷评查';
    const found = randDate(2, 10);
    const due = addDays(found, 30);
    const done = n % 5 === 4 ? null : addDays(found, int(5, 28));
    let id = `JD2024${pad(n, 4)}`;
    const form = n % 3;
    let foundText = form === 0 ? cnDate(found) : form === 1 ? dotted(found) : `${zhDate(found)}${int(8, 17)}时${pad(int(0, 59))}分`;
    const sev = SEV[n % SEV.length];
    const score = isReview ? [92, 85.5, 78, 66, 58.5][n % 5] : null;
    const grade = score == null ? null : score >= 90 ? '优秀' : score >= 60 ? '合格' : '不合格';
    const caseId = isReview || n % 4 === 0 ? `${PREFIX[u]}〔2024〕第${pad(n * 3 + 1, 4)}号` : null;
    let broken = null;
    if (n === 9) {
      id = '';
      broken = '问题编号为空 / no finding id: no key';
    }
    if (n === 26) {
      foundText = '二〇二四年二月三十日';
      broken = '发现日期 二〇二四年二月三十日 不存在 / found date 2024-02-30 does not exist (required)';
    }
    const doneText = done ? `${zhDate(done)}${int(8, 17)}时${pad(int(0, 59))}分` : null;
    const rec = {
      问题编号: id,
      问题来源: { 代码: src[0], 名称: src[1] },
      被监督单位: { 名称: n % 3 === 0 ? UNITS[u][1] : UNITS[u][0], 统一社会信用代码: USCC[u] },
      关联案件: caseId ? { 案件编号: caseId, 案件名称: `${pick(BUSINESSES).name}违法案` } : null,
      评查结果: isReview ? { 得分: n % 4 === 1 ? `${score}分` : score, 等次: grade } : { 得分: null, 等次: null },
      发现日期: foundText,
      整改期限: isoD(due),
      整改完成时间: doneText,
      问题等级: sev[0],
      问题描述: `${UNITS[u][1]}${pick(PROBLEMS)}`,
      录入人: pick(['司法局执法监督科', '县执法协调委办公室']),
      录入时间: `${isoD(addDays(found, 1))} 09:${pad(int(0, 59))}:${pad(int(0, 59))}`,
    };
    if (n === 1) rec.关联案件 = { 案件编号: caseId, 案件名称: `${BUSINESSES[0].name}违法案` };
    out.push(rec);
    if (broken) rejected.push({ line: n, why: broken });
    else {
      const enums = { source: src[1], severity: sev[0] };
      if (grade) enums.casefile_grade = grade;
      records.push({ id: [id], enums });
      const w = { finding_id: id };
      if (n === 1) {
        checks.push({ where: w, field: 'unit_id', expected: u, why: `nested 被监督单位.名称 ${rec.被监督单位.名称}` });
        checks.push({ where: w, field: 'case_id', expected: caseId, why: 'nested 关联案件.案件编号' });
        checks.push({ where: w, field: 'casefile_score', expected: score, why: `"${rec.评查结果.得分}"` });
        checks.push({ where: w, field: 'found_date', expected: isoD(found), why: foundText });
      }
      if (n === 2 || n === 3) checks.push({ where: w, field: 'found_date', expected: isoD(found), why: foundText });
      if (n === 3) checks.push({ where: w, field: 'unit_id', expected: u, why: `short name ${rec.被监督单位.名称}` });
      if (n === 2) checks.push({ where: w, field: 'rectified_date', expected: isoD(done), why: doneText });
      if (!caseId && !checks.some((c) => c.field === 'case_id' && c.expected === null)) checks.push({ where: w, field: 'case_id', expected: null, why: '关联案件 null' });
      if (n === 4) checks.push({ where: w, field: 'rectified_date', expected: null, why: 'null' });
      if (n === 3) checks.push({ where: w, field: 'casefile_score', expected: score, why: 'a JSON number' });
      if (n === 2) checks.push({ where: w, field: 'due_date', expected: isoD(due), why: 'ISO' });
    }
  }
  writeFileSync(join(DIR, file), JSON.stringify(out, null, 2) + '\n', 'utf8');
  answer.files.push({
    file, table: 'supervision_finding', workspace: ['units', 'matters', 'officers'], format: 'json',
    layout: 'a JSON array of objects (not wrapped), Chinese keys, nested objects 问题来源{代码,名称}, 被监督单位{名称,统一社会信用代码}, 关联案件{案件编号,案件名称} (null when there is none), 评查结果{得分,等次}; the columns of the key are the nested keys as parent.child',
    header_rows: [], first_data_row: 1, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {
      source: Object.fromEntries(SOURCES.map((s) => [s[1], s[2]])),
      severity: Object.fromEntries(SEV),
      casefile_grade: { 优秀: '优秀', 合格: '合格', 不合格: '不合格' },
    },
    identity: ['finding_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 06 制度机制 — a clerk's 自查表: a note row under the header, hidden rows, ✔/✘ and 已/未
// ============================================================================================
async function file06() {
  const file = '06_2024年度行政执法制度机制落实情况自查表.xlsx';
  const spec = [
    ['序号', null, { note: 'restarts for every unit' }],
    ['单位', 'unit_id', { note: 'merged down over the unit\'s items; 全县 for county items' }],
    ['年度', 'year'],
    ['制度编码', 'item_code'],
    ['制度（机制）名称', 'item_name'],
    ['是否落实', 'done'],
    ['落实时间', 'done_date'],
    ['佐证材料', 'evidence'],
    ['备注', null],
  ];
  const TS = [['TS_PUBLICITY', '行政执法公示制度'], ['TS_RECORDING', '执法全过程记录制度'], ['TS_LEGAL_REVIEW', '重大执法决定法制审核制度']];
  const CO = [['CO_COMMITTEE', '县执法协调委'], ['CO_DISPUTE', '执法职责争议评估处理机制'], ['CO_PLATFORM', '行政执法统一指挥平台'], ['CO_TRANSFER_STD', '案件移送标准'], ['CAT_PUBLISHED', '事项目录清单公布'], ['CAT_REVISED', '事项目录动态调整']];
  const units = ['ZH01', 'ZY01', 'ZY02', 'ZY08', 'HY01', 'XZ01', 'XZ02', 'XZ03', 'XZ04', 'XZ05'];
  const YES = ['✔', '已', '是'];
  const NO = ['✘', '未', '否'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('自查表');
  const W = spec.length;
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).value = '嵊泗县2024年度行政执法制度机制落实情况自查表';
  ws.mergeCells(2, 1, 2, W);
  ws.getCell(2, 1).value = '填报单位（盖章）：县执法协调委办公室　　　　填报时间：2025年1月10日';
  setRow(ws, 3, spec.map((s) => s[0]), W);
  ws.mergeCells(4, 1, 4, W);
  ws.getCell(4, 1).value = '填写说明：已落实的在“是否落实”栏打“✔”（或填“已”），未落实的打“✘”（或填“未”）；落实时间填写制度印发或机制建立的日期；县级统筹事项单位填“全县”。';
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [{ line: 4, why: '填写说明 row between the header and the data (merged across)' }];
  let line = 4;
  let k = 0;
  const blocks = [...units.map((u) => [u, TS]), ['COUNTY', CO]];
  for (const [u, items] of blocks) {
    const first = line + 1;
    let seq = 0;
    const list = items.map((x) => ({ x }));
    if (u === 'ZY08') list.push({ x: ['', '行政执法案卷评查制度（自定）'], nokey: true });
    if (u === 'XZ01') list.push({ x: TS[0], dup: true });
    for (const it of list) {
      line += 1;
      seq += 1;
      k += 1;
      const [code, name] = it.x;
      const done = it.nokey || it.dup ? true : k % 6 !== 5;
      const doneText = done ? YES[k % 3] : NO[Math.floor(k / 6) % 3];
      const date = [2024, 1 + (k % 11), 1 + ((k * 7) % 27)];
      const form = k % 4;
      const dateCellV = !done ? '' : form === 0 ? dotted(date) : form === 1 ? dateCell(date) : form === 2 ? cnDate(date) : `${date[0]}年${date[1]}月`;
      const who = u === 'COUNTY' ? '县执法协调委' : UNITS[u][1];
      setRow(ws, line, [seq, seq === 1 ? (u === 'COUNTY' ? '全县' : UNITS[u][0]) : '', '2024年度', code, name, doneText, dateCellV, done ? `${who}${name}（2024年印发）` : '', k % 9 === 0 ? '已报县司法局备案' : ''], W);
      if (it.nokey) {
        rejected.push({ line, why: '制度编码为空（单位自加的制度，不在清单中）/ no item code: no key' });
        continue;
      }
      if (it.dup) {
        rejected.push({ line, why: `${u} 2024 ${code} 重复（同一制度填了两行）/ duplicate key (unit_id, year, item_code)` });
        continue;
      }
      records.push({ id: [u, 2024, code], enums: {} });
      const w = { unit_id: u, year: 2024, item_code: code };
      if (['✔', '✘', '已', '未', '否', '是'].includes(doneText) && !checks.some((c) => c.field === 'done' && c.why === doneText)) checks.push({ where: w, field: 'done', expected: done, why: doneText });
      if (done && form === 0 && !checks.some((c) => c.why === dotted(date))) checks.push({ where: w, field: 'done_date', expected: isoD(date), why: dotted(date) });
      if (done && form === 2 && !checks.some((c) => c.why === cnDate(date))) checks.push({ where: w, field: 'done_date', expected: isoD(date), why: cnDate(date) });
      if (u === 'ZY02' && seq === 2) checks.push({ where: w, field: 'item_name', expected: name, why: 'a hidden row: still data' });
      if (u === 'XZ03' && seq === 3) checks.push({ where: w, field: 'item_name', expected: name, why: 'unit cell merged down: the third row of the block' });
      if (u === 'COUNTY' && seq === 1) checks.push({ where: w, field: 'item_name', expected: name, why: '全县' });
    }
    ws.mergeCells(first, 2, line, 2);
    ws.getCell(first, 2).alignment = { vertical: 'middle', wrapText: true };
    if (u === 'ZY02') for (let r = first; r <= line; r++) ws.getRow(r).hidden = true;
  }
  ws.getColumn(2).width = 26;
  ws.getColumn(5).width = 28;
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'institution_checklist', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: 'row 1 merged title, row 2 填报 line, row 3 header, row 4 a merged 填写说明 note row, data from row 5; 单位 merged down over each unit\'s rows; 序号 restarts per unit; the ZY02 rows are hidden; 是否落实 ✔/✘, 已/未, 是/否; 落实时间 2024.03.05 / date cell / 二〇二四年三月五日 / 2024年3月 (month only; not value-checked)',
    header_rows: [3], first_data_row: 5, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: {}, identity: ['unit_id', 'year', 'item_code'], records, value_checks: checks,
  });
}

// ============================================================================================
// 07 处罚案件 — the 法制科's yearly case ledger: month sections, (万元), 大写, 14时20分, officer lists
// ============================================================================================
async function file07(roster, matters) {
  const file = '07_2024年行政处罚案件汇总台账（法制科）.xlsx';
  const spec = [
    ['序号', null, { note: 'restarts every month' }],
    ['案件编号', 'case_id'],
    ['案件来源', 'source'],
    ['办案单位', 'unit_id'],
    ['违法行为', 'matter_code', { note: 'matter names of the catalogue' }],
    ['当事人', 'party_name'],
    ['当事人类别', 'party_type'],
    ['适用程序', 'procedure'],
    ['立案 日期', 'filed_date'],
    ['立案 办案期限（天）', 'deadline_days'],
    ['法制审核 审核时间', 'legal_review_date'],
    ['法制审核 重大案件', 'major_case'],
    ['法制审核 集体讨论', 'collective_discussion'],
    ['处罚决定 决定日期', 'decision_date'],
    ['处罚决定 罚款金额（万元）', 'fine_amount', { note: 'in 万元' }],
    ['处罚决定 没收违法所得', 'confiscation_amount', { note: '大写 amounts' }],
    ['处罚决定 处罚种类', 'penalty_types'],
    ['结案日期', 'closed_date'],
    ['承办人员', 'officer_ids'],
    ['备注', null],
  ];
  const SRC = [['日常巡查发现', '检查'], ['群众投诉举报', '投诉举报'], ['12345热线交办', '12345'], ['部门移送', '移送'], ['上级交办', '其他']];
  const PARTY = [['公民', '个人'], ['法人', '单位'], ['其他组织', '单位']];
  const PROC = { 简易: '简易程序', 普通: '一般程序' };
  const PREFIX = { ZH01: '嵊综执罚', ZY01: '嵊市监罚', HY01: '嵊海执罚', XZ01: '嵊菜执罚', XZ03: '嵊洋执罚', ZY08: '嵊卫健罚', ZY07: '嵊应急罚' };
  const OWNER = { ZH01: '综合执法局', ZY01: '市场监管局', HY01: '海洋执法队', XZ01: '综合执法局', XZ03: '洋山镇', ZY08: '卫健局', ZY07: '应急管理局' };
  const PERSONS = ['沈某华', '方某军', '邵某娟', '虞某平', '林某燕', '贺某远'];
  const nameCount = {};
  for (const o of roster) nameCount[o.name] = (nameCount[o.name] ?? 0) + 1;
  const FINES = [0.05, 0.1, 0.2, 0.3, 0.5, 0.8, 1, 1.2, 2, 2.5];
  const CONF = [1200, 3500, 800, 25000, 1500];
  const SEPS = ['、', '/', '；', '\n'];
  const units = Object.keys(PREFIX);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('2024年台账');
  const W = spec.length;
  ws.mergeCells(1, 1, 1, W);
  ws.getCell(1, 1).value = '嵊泗县2024年行政处罚案件汇总台账';
  ws.mergeCells(2, 1, 2, W);
  ws.getCell(2, 1).value = '汇总单位：县综合行政执法局法制科　　　　金额单位：罚款为万元，没收违法所得为元';
  const singles = [[1, '序号'], [2, '案件编号'], [3, '案件来源'], [4, '办案单位'], [5, '违法行为'], [6, '当事人'], [7, '当事人类别'], [8, '适用程序'], [18, '结案日期'], [19, '承办人员'], [20, '备注']];
  for (const [c, t] of singles) {
    ws.mergeCells(3, c, 4, c);
    ws.getCell(3, c).value = t;
  }
  const groups = [[9, 10, '立案', ['日期', '办案期限（天）']], [11, 13, '法制审核', ['审核时间', '重大案件', '集体讨论']], [14, 17, '处罚决定', ['决定日期', '罚款金额（万元）', '没收违法所得', '处罚种类']]];
  for (const [a, b, t, leaves] of groups) {
    ws.mergeCells(3, a, 3, b);
    ws.getCell(3, a).value = t;
    leaves.forEach((l, i) => (ws.getCell(4, a + i).value = l));
  }
  for (let r = 3; r <= 4; r++) for (let c = 1; c <= W; c++) ws.getCell(r, c).border = THIN;
  const rejected = [];
  const records = [];
  const checks = [];
  const footer = [];
  const N = 42;
  const cases = [];
  const seqU = Object.fromEntries(units.map((u) => [u, 0]));
  for (let n = 1; n <= N; n++) {
    const u = units[n % units.length];
    seqU[u] += 1;
    const month = 1 + Math.floor(((n - 1) * 10) / N);
    const filed = [2024, month, int(1, 28)];
    cases.push({ n, u, filed, id: `${PREFIX[u]}〔2024〕${seqU[u] * 4 + 1}号` });
  }
  let line = 4;
  let lastMonth = 0;
  let seq = 0;
  for (const c of cases) {
    const { n, u, filed } = c;
    if (filed[1] !== lastMonth) {
      line += 1;
      ws.mergeCells(line, 1, line, W);
      ws.getCell(line, 1).value = `${'一二三四五六七八九十'[filed[1] - 1]}月份`;
      footer.push({ line, why: `month section row ${filed[1]}月份 (merged across)` });
      lastMonth = filed[1];
      seq = 0;
    }
    line += 1;
    seq += 1;
    const ms = matters.filter((m) => m.ownerShort === OWNER[u] && m.power === '行政处罚');
    const matter = ms[(n * 5) % ms.length];
    const procedure = n % 6 === 0 ? '简易' : '普通';
    const [srcText] = SRC[n % SRC.length];
    const [partyText, partyType] = PARTY[n % 3];
    const party = partyText === '公民' ? PERSONS[n % PERSONS.length] : BUSINESSES[n % 10].name;
    const review = addDays(filed, procedure === '简易' ? 0 : int(10, 30));
    const decided = addDays(review, int(1, 5));
    const closed = addDays(decided, int(5, 25));
    const fine = procedure === '简易' ? 0.02 : FINES[n % FINES.length];
    const conf = n % 5 === 2 ? CONF[n % CONF.length] : null;
    const officers = roster.filter((o) => o.unit === u && o.cert && nameCount[o.name] === 1);
    const o1 = officers[(n * 3) % officers.length];
    const o2 = officers[(n * 3 + 1) % officers.length];
    const sep = SEPS[n % SEPS.length];
    const offText = `${o1.name}${sep}${o2.name}`;
    const form = n % 3;
    let filedText = form === 0 ? dotted(filed) : form === 1 ? cnDate(filed) : `${zhDate(filed)}${int(8, 17)}时${pad(int(0, 59))}分`;
    const reviewText = procedure === '简易' ? '' : `${zhDate(review)}${int(8, 17)}时${pad(int(0, 59))}分`;
    const major = procedure === '普通' && n % 7 === 0;
    const collective = major ? '有' : procedure === '普通' ? '无' : '';
    let id = c.id;
    let broken = null;
    if (n === 11) {
      id = '';
      broken = '案件编号为空（尚未编号的案件）/ no case id: no key';
    }
    if (n === 30) {
      id = cases[19].id;
      broken = `案件编号 ${id} 与第 20 件重复（录入时复制了上一行未改编号）/ duplicate key`;
    }
    const types = conf ? '罚款、没收违法所得' : n % 8 === 0 ? '警告、罚款' : '罚款';
    setRow(ws, line, [
      seq, id, srcText, n % 2 ? UNITS[u][1] : UNITS[u][0], matter.name, party, partyText, PROC[procedure], filedText, procedure === '简易' ? '' : 90,
      reviewText, major ? '✔' : '', collective, cnDate(decided), fine, conf ? daxie(conf) : '', types, dotted(closed), offText, n % 9 === 0 ? '已申请法院强制执行' : '',
    ], W);
    if (broken) {
      rejected.push({ line, why: broken });
      continue;
    }
    records.push({ id: [id], enums: { source: srcText, party_type: partyText, procedure: PROC[procedure] } });
    const w = { case_id: id };
    if (n <= 3) checks.push({ where: w, field: 'filed_date', expected: isoD(filed), why: filedText });
    if (n === 1) checks.push({ where: w, field: 'decision_date', expected: isoD(decided), why: cnDate(decided) });
    if (n === 1) checks.push({ where: w, field: 'closed_date', expected: isoD(closed), why: dotted(closed) });
    if (n === 1 && reviewText) checks.push({ where: w, field: 'legal_review_date', expected: isoD(review), why: reviewText });
    if (n === 1) checks.push({ where: w, field: 'deadline_days', expected: 90, why: '90 under 办案期限（天）' });
    if ([1, 2, 4, 5].includes(n)) checks.push({ where: w, field: 'fine_amount', expected: Math.round(fine * 10000), why: `${fine} under 罚款金额（万元）` });
    if (conf && !checks.some((x) => x.field === 'confiscation_amount' && x.expected === conf)) checks.push({ where: w, field: 'confiscation_amount', expected: conf, why: daxie(conf) });
    if (n >= 1 && n <= 4) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: JSON.stringify(offText) });
    if (major && !checks.some((x) => x.field === 'major_case')) checks.push({ where: w, field: 'major_case', expected: true, why: '✔' });
    if (collective === '有' && !checks.some((x) => x.field === 'collective_discussion' && x.expected === true)) checks.push({ where: w, field: 'collective_discussion', expected: true, why: '有' });
    if (collective === '无' && !checks.some((x) => x.field === 'collective_discussion' && x.expected === false)) checks.push({ where: w, field: 'collective_discussion', expected: false, why: '无' });
    if (n === 2) checks.push({ where: w, field: 'matter_code', expected: matter.code, why: 'matter by name' });
    if (n === 2 || n === 3) checks.push({ where: w, field: 'unit_id', expected: u, why: n % 2 ? UNITS[u][1] : UNITS[u][0] });
    if (n === 8) checks.push({ where: w, field: 'penalty_types', expected: ['罚款', '警告'], why: types });
  }
  ws.getColumn(5).width = 36;
  await saveWorkbook(wb, join(DIR, file));
  answer.files.push({
    file, table: 'penalty_case', workspace: ['units', 'matters', 'officers'], format: 'xlsx',
    layout: 'row 1 merged title, row 2 金额单位 line, two header rows 3–4 (立案 / 法制审核 / 处罚决定 merged over their leaves, the rest merged down), data from row 5 under merged month rows (一月份 …) with 序号 restarting every month',
    header_rows: [3, 4], first_data_row: 5, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footer,
    enums: {
      source: Object.fromEntries(SRC),
      party_type: Object.fromEntries(PARTY),
      procedure: { 简易程序: '简易', 一般程序: '普通' },
    },
    enum_accept: { source: { 上级交办: ['移送'] } },
    identity: ['case_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 08 行政许可 — a 双公示 download in the 2021 national standard's Chinese column names
// ============================================================================================
function file08() {
  const file = '08_行政许可信息_信用浙江公示下载.csv';
  const spec = [
    ['行政相对人名称', 'subject_name'],
    ['行政相对人类别', null],
    ['行政相对人代码_1（统一社会信用代码）', 'subject_id'],
    ['行政相对人代码_2（工商注册号）', null],
    ['行政相对人代码_3（组织机构代码）', null],
    ['法定代表人', null],
    ['证件类型', null],
    ['证件号码', null, { accept: ['subject_id'], note: 'the 相对人\'s own id document when it is a natural person (the 2021 standard has 法定代表人身份证号 apart): empty here, every 相对人 has a credit code; subject_id as a fallback is right too' }],
    ['行政许可决定文书名称', null],
    ['行政许可决定文书号', null, { note: 'there is a 许可编号 column: the 文书号 is not the permit number here' }],
    ['许可类别', null],
    ['许可证书名称', 'matter_code', { note: 'the schema\'s 审批事项 (a text)' }],
    ['许可编号', 'permit_id'],
    ['许可内容', null, { accept: ['matter_code'] }],
    ['许可决定日期', 'issued_date'],
    ['有效期自', null],
    ['有效期至', null],
    ['许可机关', 'unit_id'],
    ['许可机关统一社会信用代码', null],
    ['当前状态', null],
    ['数据来源单位', null, { note: 'the reporting office, not the issuing unit' }],
    ['数据来源单位统一社会信用代码', null],
    ['备注', null],
  ];
  const KINDS = [
    ['ZY01', '食品经营许可证', 'JY1330922', '普通', '预包装食品销售（含冷藏冷冻食品），热食类食品制售'],
    ['ZY08', '卫生许可证', '浙舟卫公证字〔2024〕第', '普通', '住宿场所'],
    ['ZY03', '娱乐经营许可证', '330922', '普通', '歌舞娱乐场所'],
    ['ZY04', '道路运输经营许可证', '浙交运管许可舟字330922', '普通', '道路旅客运输（县内班车客运）'],
  ];
  const DATA_SRC = ['嵊泗县发展和改革局（县信用办）', uscc('1', '1')];
  const USCC_OF = Object.fromEntries(['ZY01', 'ZY08', 'ZY03', 'ZY04'].map((u) => [u, uscc('1', '1')]));
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const q = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  const N = 42;
  let dupOf = null;
  for (let n = 1; n <= N; n++) {
    const [u, cert, prefix, cat, content] = KINDS[n % KINDS.length];
    const b = BUSINESSES[n % BUSINESSES.length];
    const issued = randDate(1, 11);
    const to = [issued[0] + 5, issued[1], Math.min(issued[2], 28)];
    let pid = u === 'ZY08' ? `${prefix}${pad(n, 4)}号` : `${prefix}${pad(n * 37 + 1000, 7)}`;
    const trueId = pid;
    let broken = null;
    let status = '有效';
    if (n === 5) pid = `${pid}  `;
    if (n === 10) pid = fullWidth(pid);
    if (n === 7) dupOf = { pid, issued };
    if (n === 17) {
      pid = '';
      broken = '许可编号为空 / no permit number: no key';
    }
    if (n === 33) {
      pid = dupOf.pid;
      status = '注销';
      broken = `许可编号 ${dupOf.pid} 与第 7 行重复（同一许可注销后再次推送）/ duplicate key`;
    }
    const wsh = `嵊${UNITS[u][1].replace(/局$/, '')}许〔2024〕${n}号`;
    const cells = [
      b.name, b.kind === 'G' ? '个体工商户' : '法人及非法人组织', b.code, '', '', b.kind === 'G' ? '' : pick(['沈建国', '王丽萍', '周海东', '李雪芬']), '', '',
      '准予行政许可决定书', wsh, cat, cert, pid, content, zhDate0(issued), zhDate0(issued), zhDate0(to), UNITS[u][0], USCC_OF[u], status, DATA_SRC[0], DATA_SRC[1], '',
    ];
    if (n === 24) {
      // a clerk's edit in the text file: an unquoted ASCII comma inside 许可内容
      lines.push(cells.map((v, i) => (i === 13 ? `${v.replace(/（.*）/, '')},${v.match(/（(.*)）/)?.[1] ?? '零售'}` : q(v))).join(','));
      broken = '许可内容里有一个未加引号的半角逗号，整行多出一列 / an unquoted comma inside 许可内容: ragged line';
    } else lines.push(cells.map(q).join(','));
    const line = lines.length;
    if (broken) {
      rejected.push({ line, why: broken });
      continue;
    }
    records.push({ id: [trueId], enums: {} });
    const w = { permit_id: trueId };
    if (n === 1) {
      checks.push({ where: w, field: 'issued_date', expected: isoD(issued), why: zhDate0(issued) });
      checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
      checks.push({ where: w, field: 'subject_id', expected: b.code, why: 'credit code' });
      checks.push({ where: w, field: 'matter_code', expected: cert, why: '许可证书名称' });
    }
    if (n === 5) checks.push({ where: w, field: 'subject_name', expected: b.name, why: `permit number with trailing spaces "${pid}"` });
    if (n === 10) checks.push({ where: w, field: 'subject_name', expected: b.name, why: `full-width permit number ${pid}` });
    if (n === 2) checks.push({ where: w, field: 'issued_date', expected: isoD(issued), why: zhDate0(issued) });
  }
  writeFileSync(join(DIR, file), '\ufeff' + lines.join('\r\n') + '\r\n', 'utf8');
  answer.files.push({
    file, table: 'permit', workspace: ['units', 'matters', 'officers'], format: 'csv',
    layout: 'UTF-8 with BOM, CRLF, comma; the 2021 双公示 行政许可 column names (行政相对人代码_1（统一社会信用代码） … 数据来源单位统一社会信用代码); dates 2024年03月05日',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {}, identity: ['permit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 09 行政检查 — Excel's own "XML 表格 2003" (.xml): hidden columns and row, frozen panes, autofilter
// ============================================================================================
function file09(roster) {
  const file = '09_掌上执法检查记录_2024年第三季度.xml';
  const spec = [
    ['序号', null],
    ['检查编号', 'inspection_id'],
    ['检查时间', 'date'],
    ['实施单位', 'lead_unit_id'],
    ['联合检查单位', 'unit_ids'],
    ['综合查一次', 'is_joint'],
    ['检查对象', 'subject_name'],
    ['对象地址', null, { note: 'hidden column' }],
    ['统一社会信用代码（身份证号）', 'subject_id'],
    ['是否涉企', 'is_enterprise'],
    ['检查类别', 'inspection_type'],
    ['任务编号', 'plan_task_id'],
    ['掌上执法', 'via_mobile'],
    ['亮码检查', 'code_shown', { note: 'hidden column: still data' }],
    ['执法人员', 'officer_ids'],
    ['是否发现问题', 'problem_found'],
    ['处理结果', 'result'],
    ['关联案件编号', 'case_id'],
    ['备注', null],
  ];
  const TYPES = [['“双随机、一公开”抽查', '双随机'], ['日常检查', '日常巡查'], ['专项检查', '专项'], ['综合查一次', '综合查一次'], ['投诉举报核查', '投诉核查']];
  const RESULTS = [['未发现问题', '无问题'], ['责令限期整改', '责令整改'], ['立案查处', '立案'], ['移交有关部门处理', '移送']];
  const units = ['ZH01', 'ZY01', 'ZY08', 'ZY07', 'XZ01', 'XZ03'];
  const nameCount = {};
  for (const o of roster) nameCount[o.name] = (nameCount[o.name] ?? 0) + 1;
  const rows = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const N = 42;
  const hiddenRow = 15;
  for (let n = 1; n <= N; n++) {
    const u = units[n % units.length];
    const [typeText] = TYPES[n % TYPES.length];
    const joint = typeText === '综合查一次';
    const partners = joint ? ['ZY01', 'ZY08', 'ZY07', 'ZH01'].filter((x) => x !== u).slice(0, 2) : [];
    const b = BUSINESSES[(n * 7) % BUSINESSES.length];
    const enterprise = b.kind !== 'H';
    const d = [2024, 7 + (n % 3), int(1, 28)];
    const hh = int(8, 17);
    const mi = int(0, 59);
    let dateCell = n % 2 ? { type: 'String', v: `${isoD(d)} ${hh}时${pad(mi)}分` } : { type: 'DateTime', v: `${isoD(d)}T${pad(hh)}:${pad(mi)}:00.000` };
    const [resText, res] = RESULTS[n % 4 === 0 ? 0 : n % RESULTS.length];
    const found = res !== '无问题';
    const officers = roster.filter((o) => o.unit === u && o.cert && nameCount[o.name] === 1);
    const o1 = officers[(n * 2) % officers.length];
    const o2 = officers[(n * 2 + 1) % officers.length];
    const sep = n % 3 === 0 ? '\n' : n % 3 === 1 ? '、' : ' / ';
    const offText = `${o1.name}${sep}${o2.name}`;
    let id = `JC330922${2024}${pad(n * 11 + 300, 6)}`;
    let broken = null;
    if (n === 21) {
      id = '';
      broken = '检查编号为空（离线暂存未同步的记录）/ no inspection id: no key';
    }
    if (n === 38) {
      dateCell = { type: 'String', v: '2024-09-31 10时00分' };
      broken = '检查时间 2024-09-31 不存在 / date 2024-09-31 does not exist (required)';
    }
    const task = typeText.includes('双随机') ? `嵊市监抽查〔2024〕${n}号` : '';
    const caseId = res === '立案' ? `嵊综执罚〔2024〕${n + 200}号` : '';
    const cells = [
      { type: 'Number', v: String(n) }, { type: 'String', v: id }, dateCell, { type: 'String', v: n % 2 ? UNITS[u][0] : (COUNTY_SHORT[u] ?? UNITS[u][1]) },
      { type: 'String', v: partners.map((p) => COUNTY_SHORT[p] ?? UNITS[p][1]).join(n % 2 ? '/' : '、') }, { type: 'String', v: joint ? '✔' : '✘' },
      { type: 'String', v: b.name }, { type: 'String', v: `嵊泗县${pick(['菜园镇', '嵊山镇', '洋山镇', '五龙乡'])}${pick(['海滨路', '沙河路', '渔港路'])}${int(1, 188)}号` },
      { type: 'String', v: b.code }, { type: 'String', v: enterprise ? '是' : '否' }, { type: 'String', v: typeText }, { type: 'String', v: task },
      { type: 'String', v: n % 5 === 0 ? '否' : '是' }, { type: 'String', v: n % 4 === 0 ? '✘' : '✔' }, { type: 'String', v: offText },
      { type: 'String', v: found ? '有' : '无' }, { type: 'String', v: resText }, { type: 'String', v: caseId }, { type: 'String', v: '' },
    ];
    rows.push({ cells, hidden: n === hiddenRow });
    const line = n + 2;
    if (broken) {
      rejected.push({ line, why: broken });
      continue;
    }
    records.push({ id: [id], enums: { inspection_type: typeText, result: resText } });
    const w = { inspection_id: id };
    if (n === 1 || n === 2) checks.push({ where: w, field: 'date', expected: isoD(d), why: dateCell.type === 'String' ? dateCell.v : 'DateTime cell' });
    if (n <= 3) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: JSON.stringify(offText) });
    if (joint && !checks.some((c) => c.field === 'unit_ids')) {
      checks.push({ where: w, field: 'unit_ids', expected: partners, why: cells[4].v });
      checks.push({ where: w, field: 'is_joint', expected: true, why: '✔' });
    }
    if (n === 1) checks.push({ where: w, field: 'is_joint', expected: false, why: '✘' });
    if (n === 2) checks.push({ where: w, field: 'lead_unit_id', expected: u, why: cells[3].v });
    if (n === hiddenRow) checks.push({ where: w, field: 'subject_id', expected: b.code, why: 'a hidden row: still data' });
    if (n === 3) checks.push({ where: w, field: 'code_shown', expected: true, why: '✔ in a hidden column' });
    if (n === 4) checks.push({ where: w, field: 'code_shown', expected: false, why: '✘ in a hidden column' });
    if (n === 5) checks.push({ where: w, field: 'via_mobile', expected: false, why: '否' });
    if (found && !checks.some((c) => c.field === 'problem_found')) checks.push({ where: w, field: 'problem_found', expected: true, why: '有' });
    if (n === 4) checks.push({ where: w, field: 'problem_found', expected: false, why: '无' });
    if (task && !checks.some((c) => c.field === 'plan_task_id')) checks.push({ where: w, field: 'plan_task_id', expected: task, why: 'task id' });
  }
  const W = spec.length;
  const hiddenCols = [8, 14];
  const col = (i) => `   <Column ss:Index="${i}" ss:AutoFitWidth="0" ss:Width="${i === 7 ? 180 : 90}"${hiddenCols.includes(i) ? ' ss:Hidden="1"' : ''}/>`;
  const cellXml = (c) => {
    if (!c.v) return '    <Cell ss:StyleID="s21"/>';
    if (c.type === 'DateTime') return `    <Cell ss:StyleID="s23"><Data ss:Type="DateTime">${c.v}</Data></Cell>`;
    return `    <Cell ss:StyleID="s21"><Data ss:Type="${c.type}">${xmlEsc(c.v)}</Data></Cell>`;
  };
  const xml = `<?xml version="1.0"?>\r
<?mso-application progid="Excel.Sheet"?>\r
<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"\r
 xmlns:o="urn:schemas-microsoft-com:office:office"\r
 xmlns:x="urn:schemas-microsoft-com:office:excel"\r
 xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"\r
 xmlns:html="http://www.w3.org/TR/REC-html40">\r
 <DocumentProperties xmlns="urn:schemas-microsoft-com:office:office">\r
  <Author>zfj</Author>\r
  <LastAuthor>zfj</LastAuthor>\r
  <Created>2024-10-08T01:12:40Z</Created>\r
  <Version>16.00</Version>\r
 </DocumentProperties>\r
 <ExcelWorkbook xmlns="urn:schemas-microsoft-com:office:excel">\r
  <WindowHeight>12000</WindowHeight>\r
  <WindowWidth>28800</WindowWidth>\r
  <ProtectStructure>False</ProtectStructure>\r
  <ProtectWindows>False</ProtectWindows>\r
 </ExcelWorkbook>\r
 <Styles>\r
  <Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Center"/><Font ss:FontName="等线" x:CharSet="134" ss:Size="11"/></Style>\r
  <Style ss:ID="s20"><Alignment ss:Horizontal="Center" ss:Vertical="Center"/><Font ss:FontName="等线" x:CharSet="134" ss:Size="16" ss:Bold="1"/></Style>\r
  <Style ss:ID="s21"><Alignment ss:Vertical="Center" ss:WrapText="1"/><Borders><Border ss:Position="Bottom" ss:LineStyle="Continuous" ss:Weight="1"/></Borders></Style>\r
  <Style ss:ID="s22"><Alignment ss:Horizontal="Center" ss:Vertical="Center" ss:WrapText="1"/><Font ss:FontName="等线" x:CharSet="134" ss:Bold="1"/><Interior ss:Color="#D9E1F2" ss:Pattern="Solid"/></Style>\r
  <Style ss:ID="s23"><NumberFormat ss:Format="yyyy/m/d\\ h:mm"/></Style>\r
 </Styles>\r
 <Worksheet ss:Name="检查记录">\r
  <Names><NamedRange ss:Name="_FilterDatabase" ss:RefersTo="=检查记录!R2C1:R${N + 2}C${W}" ss:Hidden="1"/></Names>\r
  <Table ss:ExpandedColumnCount="${W}" ss:ExpandedRowCount="${N + 2}" x:FullColumns="1" x:FullRows="1" ss:DefaultRowHeight="14.25">\r
${Array.from({ length: W }, (_, i) => col(i + 1)).join('\r\n')}\r
   <Row ss:Height="27"><Cell ss:MergeAcross="${W - 1}" ss:StyleID="s20"><Data ss:Type="String">嵊泗县掌上执法检查记录（2024年第三季度）</Data></Cell></Row>\r
   <Row>\r
${spec.map((s) => `    <Cell ss:StyleID="s22"><Data ss:Type="String">${xmlEsc(s[0])}</Data><NamedCell ss:Name="_FilterDatabase"/></Cell>`).join('\r\n')}\r
   </Row>\r
${rows.map((r) => `   <Row${r.hidden ? ' ss:Hidden="1"' : ''}>\r\n${r.cells.map(cellXml).join('\r\n')}\r\n   </Row>`).join('\r\n')}\r
  </Table>\r
  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel">\r
   <PageSetup><Layout x:Orientation="Landscape"/></PageSetup>\r
   <Selected/>\r
   <FreezePanes/>\r
   <FrozenNoSplit/>\r
   <SplitHorizontal>2</SplitHorizontal>\r
   <TopRowBottomPane>2</TopRowBottomPane>\r
   <SplitVertical>2</SplitVertical>\r
   <LeftColumnRightPane>2</LeftColumnRightPane>\r
   <ActivePane>0</ActivePane>\r
   <ProtectObjects>False</ProtectObjects>\r
   <ProtectScenarios>False</ProtectScenarios>\r
  </WorksheetOptions>\r
  <AutoFilter x:Range="R2C1:R${N + 2}C${W}" xmlns="urn:schemas-microsoft-com:office:excel"/>\r
 </Worksheet>\r
</Workbook>\r
`;
  writeFileSync(join(DIR, file), xml, 'utf8');
  answer.files.push({
    file, table: 'inspection', workspace: ['units', 'matters', 'officers'], format: 'xml2003',
    layout: 'Excel "XML 表格 2003" saved as .xml; row 1 merged title (MergeAcross), row 2 header with an AutoFilter, frozen panes at B3; columns 8 (对象地址) and 14 (亮码检查) hidden, data row 15 (sheet row 17) hidden; 检查时间 as String "2024-07-05 14时20分" and DateTime cells; 执法人员 separated by 、, " / " or a line break',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { inspection_type: Object.fromEntries(TYPES), result: Object.fromEntries(RESULTS) },
    identity: ['inspection_id'], records, value_checks: checks,
  });
}

// ---------------------------------------------------------------- main
if (!existsSync(DIR)) mkdirSync(DIR, { recursive: true });
mkdirSync(TMP, { recursive: true });
const roster = await readRoster();
const matters = await readMatters();
await file01();
await file02(roster);
file03(matters);
file04();
file05();
await file06();
await file07(roster, matters);
file08();
file09(roster);
for (const f of answer.files) {
  f.rows_data = f.rows_loaded + f.rejected.length;
  f.columns_expected = f.columns.filter((c) => c.field).length;
}
writeFileSync(join(DIR, '_answer.json'), JSON.stringify(answer, null, 2) + '\n');
console.log(answer.files.map((f) => `${f.file}: ${f.table}, ${f.columns.length} columns (${f.columns_expected} to find), ${f.rows_data} records = ${f.rows_loaded} + ${f.rejected.length} broken, ${f.footer_lines.length} footer`).join('\n'));

// Writes the fourteenth acceptance set (samples/acceptance14) and its answer key _answer.json.
// Run: node samples/acceptance14/_make.mjs
//
// Theme: exports that carry their own history — what data-sharing and synchronisation platforms
// write (see README.md for what each layout follows): a 数据快照 CSV with its 统计截止日期 line and
// tong_time/dt columns; an incremental XLSX (操作类型 新增/修改, 版本号, 更新时间, newest first); a
// sharing-interface JSON with 版本号 and 删除标记; a GB18030 CSV of an exchange table (id, tong_time,
// cd_operation, cd_time, cd_batch, dt, is_deleted; a revoked decision as its own row); a JSON Lines
// change log with pinyin-initial keys (jcbh, jcrq …) and cd_operation I/U/D; a mysql --xml dump with
// 数据状态 有效/作废/已删除; an XLSX middle table with 版本号 and 是否最新版本; a snapshot CSV with
// 删除标记; a 拉链表 XLSX (start_dt/end_dt 9999-12-31) with a permit revoked as its own row.
// The answer key is declared here by hand and never computed by the importer under test.
// Deterministic: the same rows every run, byte-identical files.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { acceptanceKit } from '../acceptance-kit.mjs';

const DIR = dirname(fileURLToPath(import.meta.url));
const STAMP = Date.UTC(2025, 0, 21, 2, 0);
const { pick, int, pad, randDate, isoD, addDays, UNITS, TOWN_OF, readRoster, readMatters, BUSINESSES, answer, columnsOf, newWorkbook, saveWorkbook, dateCell, xmlEsc } =
  acceptanceKit({ set: 'acceptance14', dir: DIR, seed: 20250121, stamp: STAMP });

const csvq = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const invert = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));
const UNIT_BY_SHORT = Object.fromEntries(Object.entries(UNITS).map(([id, u]) => [u[1], id]));
const PERSONS = ['张某明', '李某芳', '王某强', '陈某', '刘某华', '周某军', '吴某丽', '孙某', '郑某平', '徐某', '钱某东', '朱某英'];
const hms = (k) => `${pad(8 + (k % 10))}:${pad((k * 7) % 60)}:${pad((k * 13) % 60)}`;
/** the exchange platform's sync stamp: a day or two after the business date */
const stamp = (d, k) => `${isoD(addDays(d, 1 + (k % 3)))} ${pad(1 + (k % 5))}:${pad((k * 11) % 60)}:${pad((k * 17) % 60)}`;
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
function headerRow(ws, r, spec) {
  spec.forEach((s, i) => {
    const c = ws.getCell(r, i + 1);
    c.value = s[0];
    c.font = { bold: true };
  });
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

// ============================================================================================
// 01 执法单位 — 数据快照 CSV of the public-data platform: a 统计截止日期 line, tong_time, dt
// ============================================================================================
function file01() {
  const file = '01_执法单位信息_数据快照（统计截止2024-12-31）.csv';
  const spec = [
    ['单位编码', 'unit_id'],
    ['单位名称', 'name'],
    ['简称', 'short_name'],
    ['队伍类型', 'unit_type'],
    ['层级', 'level'],
    ['所在乡镇', 'township'],
    ['执法模式', 'mode'],
    ['成立日期', 'established_date', { note: 'yyyy-MM-dd' }],
    ['数据状态', null, { note: '有效 (all rows): the record\'s status on the platform, no field' }],
    ['统计截止日期', null, { note: '2024-12-31 on every row: the snapshot\'s date, not the unit\'s' }],
    ['tong_time', null, { note: '同步时间 of the exchange platform' }],
    ['dt', null, { note: 'partition date yyyyMMdd' }],
  ];
  const INFO = {
    ZH01: ['综合', '县', '县级', [2019, 3, 15]], ZY01: ['专业', '县', '县级', [2019, 1, 20]], ZY02: ['专业', '县', '县级', [2019, 4, 1]], ZY03: ['专业', '县', '县级', [2019, 2, 26]],
    ZY04: ['专业', '县', '县级', [2019, 2, 26]], ZY05: ['专业', '县', '县级', [2019, 2, 26]], ZY06: ['专业', '县', '县级', [2019, 2, 26]], ZY07: ['专业', '县', '县级', [2019, 2, 26]],
    ZY08: ['专业', '县', '县级', [2019, 2, 26]], ZY09: ['专业', '县', '县级', [2016, 7, 1]], HY01: ['海洋', '县', '县级', [2019, 9, 1]],
    XZ01: ['乡镇', '乡镇', '赋权', [2021, 7, 1]], XZ02: ['乡镇', '乡镇', '赋权', [2021, 7, 1]], XZ03: ['乡镇', '乡镇', '赋权', [2021, 7, 1]], XZ04: ['乡镇', '乡镇', '派驻', [2022, 1, 1]],
    XZ05: ['乡镇', '乡镇', '派驻', [2022, 1, 1]], XZ06: ['乡镇', '乡镇', '片区兼管', [2022, 1, 1]], XZ07: ['乡镇', '乡镇', '片区兼管', [2022, 1, 1]],
  };
  const TYPE = { 综合: '综合执法', 专业: '专业执法', 海洋: '海洋执法', 乡镇: '乡镇执法' };
  const LEVEL = { 县: '县级', 乡镇: '乡镇级' };
  const MODE = { 县级: '县级', 派驻: '派驻', 赋权: '赋权', 片区兼管: '片区兼管' };
  const W = spec.length;
  const lines = [['数据快照：嵊泗县行政执法单位信息（全量）', '统计截止日期：2024-12-31', ...Array(W - 2).fill('')].map(csvq).join(','), spec.map((s) => s[0]).join(',')];
  const order = ['ZH01', 'ZY01', 'ZY02', 'ZY03', 'ZY04', 'ZY05', 'NEW', 'ZY06', 'ZY07', 'ZY08', 'ZY09', 'HY01', 'XZ01', 'XZ02', 'DUP', 'XZ03', 'XZ04', 'XZ05', 'XZ06', 'XZ07'];
  const rejected = [];
  const records = [];
  const checks = [];
  order.forEach((key, k) => {
    const line = lines.length + 1;
    const tt = `2025-01-01 02:${pad(10 + k)}:${pad((k * 7) % 60)}`;
    if (key === 'NEW') {
      lines.push(['', '嵊泗县马鞍列岛海岛综合执法站', '马鞍执法站', TYPE['乡镇'], LEVEL['乡镇'], '嵊山镇', MODE['片区兼管'], '', '有效', '2024-12-31', tt, '20250101'].map(csvq).join(','));
      rejected.push({ line, why: '单位编码为空 / no unit id: no key' });
      return;
    }
    const id = key === 'DUP' ? 'ZY05' : key;
    const [type, level, mode, est] = INFO[id];
    const typeText = id === 'ZY08' ? '' : TYPE[type];
    lines.push([id, UNITS[id][0], UNITS[id][1], typeText, LEVEL[level], TOWN_OF[id] ?? '', MODE[mode], isoD(est), '有效', '2024-12-31', tt, '20250101'].map(csvq).join(','));
    // (after the fix of set 14: a file with an update or sync time column loads each key's newest
    // version — ZY05's second copy, line 17, whose tong_time is later; line 8 is the older copy)
    if (key === 'ZY05') { rejected.push({ line, why: '单位编码 ZY05 与第 17 行重复（快照合并两个分区时重复；第 17 行的 tong_time 较新，导入第 17 行）/ duplicate key (the copy with the later tong_time, line 17, loads)' }); return; }
    if (id === 'ZY08') { rejected.push({ line, why: '队伍类型为空（必填）/ required unit_type empty' }); return; }
    records.push({ id: [id], enums: { unit_type: TYPE[type], level: LEVEL[level], mode: MODE[mode] } });
    const w = { unit_id: id };
    if (id === 'ZH01') checks.push({ where: w, field: 'established_date', expected: isoD(est), why: '成立日期, not 统计截止日期 or tong_time' });
    if (id === 'XZ03') checks.push({ where: w, field: 'township', expected: '洋山镇', why: '所在乡镇' });
    if (id === 'ZY03') checks.push({ where: w, field: 'abolished_date', expected: null, why: '统计截止日期 is no 撤销日期' });
  });
  writeFileSync(join(DIR, file), '\ufeff' + lines.join('\r\n') + '\r\n');
  finish({
    file, table: 'unit', workspace: [], format: 'csv (UTF-8 with BOM, CRLF)',
    layout: 'line 1 the snapshot\'s title and 统计截止日期：2024-12-31 padded with commas, header line 2; 数据状态 有效, 统计截止日期 2024-12-31, tong_time yyyy-MM-dd HH:mm:ss and dt 20250101 on every row',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: 1, why: 'snapshot title line' }],
    enums: { unit_type: invert(TYPE), level: invert(LEVEL), mode: invert(MODE) },
    identity: ['unit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 02 执法事项 — incremental XLSX of the catalogue (操作类型 新增/修改, 版本号, 更新时间), newest first
// ============================================================================================
async function file02(matters) {
  const file = '02_执法事项目录_增量变更数据（按更新时间倒序）.xlsx';
  const spec = [
    ['事项编码', 'matter_code'],
    ['事项名称', 'name'],
    ['所属领域', 'domain'],
    ['权力类型', 'power_type'],
    ['实施队伍类型', 'owner_type'],
    ['实施主体', 'owner_unit_id', { note: 'full name' }],
    ['罚款下限（元）', 'fine_min'],
    ['罚款上限（元）', 'fine_max'],
    ['目录版本', 'catalogue_version'],
    ['生效日期', 'effective_date', { note: 'date cell' }],
    ['版本号', null, { note: 'the record\'s version 1, 2 (number): no catalogue version' }],
    ['操作类型', null, { note: '新增 / 修改' }],
    ['更新时间', null, { accept: ['revised_date'], note: 'yyyy-MM-dd HH:mm:ss text' }],
    ['cd_batch', null, { note: 'batch number' }],
  ];
  const POWER = { 处罚: '行政处罚', 强制: '行政强制', 检查: '行政检查' };
  const OWNER = { 综合: '综合', 专业: '专业', 海洋: '海洋', 乡镇: '乡镇' };
  const pickM = matters.filter((m, i) => i % 17 === 3).slice(0, 27);
  // rows newest first; three matters were changed (修改, 版本号 2) and their 新增 rows follow further down
  const rows = [];
  pickM.forEach((m, k) => rows.push({ m, k, ver: [2, 9, 15].includes(k) ? 2 : 1 }));
  const older = [2, 9, 15].map((k) => ({ m: pickM[k], k, ver: 1, old: true }));
  rows.splice(20, 0, older[0]);
  rows.splice(24, 0, older[1]);
  rows.push(older[2]);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('增量数据');
  headerRow(ws, 1, spec);
  const rejected = [];
  const records = [];
  const checks = [];
  const lineOf = {};
  rows.forEach(({ m, k, ver, old }, i) => {
    const r = i + 2;
    let code = m.code;
    let power = POWER[m.power.replace('行政', '')];
    let broken = null;
    if (!old && k === 6) { code = ''; broken = '事项编码为空 / no matter code: no key'; }
    if (!old && k === 12) { power = ''; broken = '权力类型为空（必填）/ required power_type empty'; }
    if (old) broken = `事项编码 ${code} 与第 ${lineOf[code]} 行重复（同一事项的旧版本，版本号 1，操作类型 新增）/ duplicate key (older version)`;
    const owner = UNIT_BY_SHORT[m.ownerShort];
    const eff = m.eff.split('-').map(Number);
    const upd = ver === 2 && !old ? `2024-${pad(11 - (k % 3))}-${pad(10 + k)} ${hms(k)}` : `2024-0${1 + (k % 3)}-${pad(5 + k)} ${hms(k + 1)}`;
    const fmax = ver === 2 && !old && m.max != null ? m.max * 2 : m.max;
    putRow(ws, r, [code, m.name, m.domain, power, OWNER[m.owner], UNITS[owner][0], m.min ?? '', fmax ?? '', m.version, dateCell(eff, 'yyyy-mm-dd'), ver, old || ver === 1 ? '新增' : '修改', upd, `B2024${pad(ver === 2 && !old ? 11 : 1 + (k % 3))}${pad(k, 3)}`]);
    if (code && !lineOf[code]) lineOf[code] = r;
    if (broken) { rejected.push({ line: r, why: broken }); return; }
    records.push({ id: [code], enums: { power_type: power, owner_type: OWNER[m.owner] } });
    const w = { matter_code: code };
    if ([2, 9, 15].includes(k) && m.max != null && !checks.some((c) => c.field === 'fine_max')) checks.push({ where: w, field: 'fine_max', expected: fmax, why: 'the 修改 row (版本号 2, first line of the key, fine_max doubled) is the one kept' });
    if (k === 0) checks.push({ where: w, field: 'owner_unit_id', expected: owner, why: UNITS[owner][0] });
    if (k === 1) checks.push({ where: w, field: 'catalogue_version', expected: String(m.version), why: '目录版本, not 版本号' });
    if (k === 3) checks.push({ where: w, field: 'effective_date', expected: m.eff, why: 'date cell' });
  });
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'matter', workspace: ['units'], format: 'xlsx (exceljs), one sheet 增量数据',
    layout: 'header row 1; rows ordered by 更新时间 descending: three matters appear twice, first their 修改 row (版本号 2, later 更新时间, doubled fine_max) then further down their older 新增 row (版本号 1); 版本号 number, 操作类型, 更新时间 text, cd_batch',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { power_type: invert(POWER), owner_type: invert(OWNER) },
    identity: ['matter_code'], records, value_checks: checks,
  });
}

// ============================================================================================
// 03 执法人员 — sharing-interface JSON with 版本号, 删除标记 0, 更新时间, tong_time
// ============================================================================================
function file03(roster) {
  const file = '03_执法人员信息_共享接口返回（含版本号）.json';
  const spec = [
    ['人员编号', 'officer_id'],
    ['姓名', 'name'],
    ['所属单位', 'unit_id', { note: 'full name' }],
    ['年度', 'year', { note: 'number 2025' }],
    ['岗位类别', 'role'],
    ['编制类型', 'staffing_type'],
    ['执法证号', 'cert_no'],
    ['执法证有效期至', 'cert_valid_to'],
    ['是否专职法制审核', 'fulltime_reviewer', { note: '1 / 0' }],
    ['培训学时', 'training_hours'],
    ['版本号', null],
    ['删除标记', null, { note: '0 on every record (none deleted here)' }],
    ['更新时间', null],
    ['tong_time', null],
  ];
  const ROLE = { 执法: '执法', 法制审核: '法制审核', 管理: '管理', 其他: '其他' };
  const STAFF = { 行政编: '行政编制', 参公: '参照公务员法管理', 事业编: '事业编制', 编外: '编外人员' };
  const officers = roster.filter((o, i) => o.cert && i % 8 === 5).slice(0, 28);
  const list = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const rec = (o, id, unitName, ver, k, hoursAdd = 0) => {
    const to = o.to ? isoD([o.to.getUTCFullYear(), o.to.getUTCMonth() + 1, o.to.getUTCDate()]) : null;
    return { 人员编号: id, 姓名: o.name, 所属单位: unitName, 年度: 2025, 岗位类别: ROLE[o.role], 编制类型: STAFF[o.staffing], 执法证号: o.cert, 执法证有效期至: to, 是否专职法制审核: o.fulltime === '是' ? 1 : 0, 培训学时: o.hours + hoursAdd, 版本号: ver, 删除标记: 0, 更新时间: `2025-01-${pad(5 + (k % 10))} ${hms(k)}`, tong_time: `2025-01-${pad(6 + (k % 10))} 03:${pad(k)}:00` };
  };
  officers.forEach((o, k) => {
    let id = o.id;
    let unitName = UNITS[o.unit][0];
    let broken = null;
    if (k === 4) { id = null; broken = '人员编号为 null / no officer id: no key'; }
    if (k === 19) { unitName = ''; broken = '所属单位为空（必填）/ required unit empty'; }
    list.push(rec(o, id, unitName, 1, k));
    const place = list.length;
    // (after the fix of set 14: of several versions of one key the highest 版本号 loads — the
    // second officer's 版本号 2, the last record; its 版本号 1 here is rejected)
    if (k === 1) broken = `人员编号 ${id} 在最后一条有版本号 2 的较新记录，本条（版本号 1）被取代 / an older version (版本号 1): the last record, 版本号 2, loads`;
    if (broken) { rejected.push({ line: place, why: broken }); return; }
    records.push({ id: [id, 2025], enums: { role: ROLE[o.role], staffing_type: STAFF[o.staffing] } });
    const w = { officer_id: id, year: 2025 };
    if (k === 0) checks.push({ where: w, field: 'unit_id', expected: o.unit, why: UNITS[o.unit][0] });
    if (k === 2) checks.push({ where: w, field: 'fulltime_reviewer', expected: o.fulltime === '是', why: `${o.fulltime === '是' ? 1 : 0}` });
  });
  // version 2 of officer #1 (training hours corrected) sent in the same response
  list.push(rec(officers[1], officers[1].id, UNITS[officers[1].unit][0], 2, 30, 6));
  const v2 = officers[1];
  records.push({ id: [v2.id, 2025], enums: { role: ROLE[v2.role], staffing_type: STAFF[v2.staffing] } });
  checks.push({ where: { officer_id: v2.id, year: 2025 }, field: 'training_hours', expected: v2.hours + 6, why: '版本号 2 (the last record; its 版本号 1, record 2, is rejected)' });
  writeFileSync(join(DIR, file), JSON.stringify({ code: 200, msg: '操作成功', data: { total: list.length, pageNum: 1, pageSize: 50, list } }, null, 2) + '\n');
  finish({
    file, table: 'officer', workspace: ['units', 'matters'], format: 'json (UTF-8, indented)',
    layout: '{"code":200,"msg","data":{"total","pageNum","pageSize","list":[{…}]}}; Chinese keys; 年度 2025 number; 是否专职法制审核 1/0; 版本号, 删除标记 0, 更新时间, tong_time; the last record the second version of the second officer',
    header_rows: [], first_data_row: 1, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { role: invert(ROLE), staffing_type: invert(STAFF) },
    identity: ['officer_id', 'year'], records, value_checks: checks,
  });
}

// ============================================================================================
// 04 处罚案件 — exchange table as CSV in GB18030: id, tong_time, cd_operation, cd_time, cd_batch, dt, is_deleted
// ============================================================================================
function file04(matters, roster) {
  const file = '04_行政处罚案件_交换库表导出（ods_xzcf_aj）.csv';
  const spec = [
    ['id', null, { note: 'the exchange table\'s row number (surrogate key), not the case id' }],
    ['案件编号', 'case_id'],
    ['执法主体', 'unit_id', { note: 'full name' }],
    ['执法事项编码', 'matter_code'],
    ['案件来源', 'source'],
    ['适用程序', 'procedure'],
    ['立案日期', 'filed_date'],
    ['处罚决定日期', 'decision_date'],
    ['结案日期', 'closed_date'],
    ['当事人类型', 'party_type'],
    ['当事人', 'party_name'],
    ['处罚种类', 'penalty_types', { note: 'joined by 、' }],
    ['罚款金额', 'fine_amount'],
    ['承办人', 'officer_ids', { note: 'names joined by 、' }],
    ['案件状态', null, { note: '已结案 / 办理中 / 已撤销: no field' }],
    ['tong_time', null],
    ['cd_operation', null, { note: 'I / U' }],
    ['cd_time', null],
    ['cd_batch', null],
    ['dt', null],
    ['is_deleted', null, { note: '0 / 1' }],
  ];
  const SRC = { 12345: '12345热线', 检查: '监督检查', 投诉举报: '投诉举报', 移送: '部门移送', 其他: '其他' };
  const PROC = { 简易: '简易程序', 普通: '普通程序' };
  const PT = { 个人: '自然人', 单位: '法人' };
  const officersOf = uniqueOfficers(roster);
  const units = ['ZH01', 'ZY01', 'ZY03', 'ZY07', 'HY01'];
  const punish = matters.filter((m) => m.power === '行政处罚' && units.includes(UNIT_BY_SHORT[m.ownerShort]));
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const made = [];
  let rowId = 100230;
  const push = (cells) => lines.push(cells.map(csvq).join(','));
  for (let k = 1; k <= 30; k++) {
    const line = lines.length + 1;
    const m = punish[(k * 11) % punish.length];
    const u = UNIT_BY_SHORT[m.ownerShort];
    const offs = officersOf(u);
    const o1 = offs[k % offs.length];
    const o2 = offs[(k + 1) % offs.length];
    const f = randDate(1, 9);
    const simple = k % 5 === 0;
    const dd = addDays(f, simple ? 0 : int(15, 60));
    const cd = addDays(dd, int(3, 30));
    const open = k % 7 === 3;
    const person = k % 3 === 0;
    const biz = BUSINESSES[k % BUSINESSES.length];
    const sk = pick(['12345', '检查', '检查', '投诉举报', '移送', '其他']);
    const types = simple ? ['警告'] : pick([['罚款'], ['警告', '罚款'], ['罚款', '没收违法所得']]);
    const fine = types.includes('罚款') ? int(2, 60) * 500 : '';
    let id = `嵊${UNITS[u][1].slice(0, 2)}罚〔2024〕${100 + k}号`;
    let filed = isoD(f);
    let broken = null;
    if (k === 8) { id = ''; broken = '案件编号为空 / no case id: no key'; }
    if (k === 17) { filed = '2024-02-30'; broken = '立案日期 2024-02-30 不存在（必填）/ impossible required date'; }
    const deleted = k === 24;
    if (deleted) broken = 'is_deleted = 1：源系统已删除的记录（误录后删除）/ deleted in the source system (is_deleted 1)';
    const row = [rowId++, id, UNITS[u][0], m.code, SRC[sk], PROC[simple ? '简易' : '普通'], filed, isoD(dd), open ? '' : isoD(cd), PT[person ? '个人' : '单位'], person ? PERSONS[k % 12] : biz.name, types.join('、'), fine, [o1.name, o2.name].join('、'), open ? '办理中' : '已结案', stamp(f, k), 'I', `${isoD(addDays(f, 1))} ${hms(k)}`, `20240${1 + (k % 9)}${pad(k, 2)}01`, isoD(addDays(f, 1)).replace(/-/g, ''), deleted ? 1 : 0];
    push(row);
    made.push({ k, id, row, line, f });
    if (broken) { rejected.push({ line, why: broken }); continue; }
    records.push({ id: [id], enums: { source: SRC[sk], procedure: PROC[simple ? '简易' : '普通'], party_type: PT[person ? '个人' : '单位'] } });
    const w = { case_id: id };
    if (k === 1) checks.push({ where: w, field: 'filed_date', expected: isoD(f), why: '立案日期, not cd_time/tong_time/dt' });
    if (k === 2) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (k === 4) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: `${o1.name}、${o2.name}` });
    if (k === 6 && fine) checks.push({ where: w, field: 'fine_amount', expected: fine, why: String(fine) });
    if (k === 9) checks.push({ where: w, field: 'matter_code', expected: m.code, why: m.code });
  }
  // two later change rows (cd_operation U) of cases already in the file: a correction and a revocation
  for (const [k, what] of [[5, 'fix'], [11, 'revoke']]) {
    const src = made.find((x) => x.k === k);
    const row = [...src.row];
    row[0] = rowId++;
    const later = addDays(src.f, 70);
    if (what === 'fix') row[12] = Number(row[12] || 0) + 500;
    else { row[14] = '已撤销'; row[8] = isoD(later); }
    row[15] = stamp(later, k);
    row[16] = 'U';
    row[17] = `${isoD(later)} ${hms(k + 3)}`;
    row[18] = `2024${pad(later[1])}${pad(k, 2)}02`;
    row[19] = isoD(later).replace(/-/g, '');
    push(row);
    // (after the fix of set 14: with a change-time column (cd_time) the newest version of a key
    // loads — the U row; the case's first row, its older version, is rejected)
    rejected.push({ line: src.line, why: `案件编号 ${src.id} 在第 ${lines.length} 行有较新的版本（cd_operation U：${what === 'fix' ? '罚款金额更正' : '处罚决定撤销'}），本行被取代 / an older version (the later change row, line ${lines.length}, loads${what === 'fix' ? '' : ': the decision revoked'})` });
    if (what === 'fix' && row[12] !== '') checks.push({ where: { case_id: src.id }, field: 'fine_amount', expected: row[12], why: `${row[12]} (the U row's corrected fine, not the I row's ${src.row[12]})` });
  }
  writeFileSync(join(DIR, file), iconv.encode(lines.join('\r\n') + '\r\n', 'gb18030'));
  finish({
    file, table: 'penalty_case', workspace: ['units', 'matters', 'officers'], format: 'csv (GB18030, CRLF)',
    layout: 'header line 1; id (row surrogate 100230…) first; business columns in Chinese; then tong_time, cd_operation I/U, cd_time, cd_batch, dt yyyyMMdd, is_deleted 0/1; dates yyyy-MM-dd; one row is_deleted 1; the last two lines are U rows of earlier cases (a fine corrected, a decision revoked: 案件状态 已撤销)',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { source: invert(SRC), procedure: invert(PROC), party_type: invert(PT) },
    identity: ['case_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 05 行政检查 — JSON Lines change log with pinyin-initial keys and cd_operation I/U/D
// ============================================================================================
function file05(roster) {
  const file = '05_行政检查_增量同步日志（jcxx_cdc）.jsonl';
  const spec = [
    ['jcbh', 'inspection_id', { note: '检查编号' }],
    ['jcrq', 'date', { note: '检查日期 yyyy-MM-dd' }],
    ['ssdw', 'lead_unit_id', { note: '实施单位, full name' }],
    ['jcdxmc', 'subject_name', { note: '检查对象名称' }],
    ['tyshxydm', 'subject_id', { note: '统一社会信用代码' }],
    ['jclx', 'inspection_type', { note: '检查类型' }],
    ['jcry', 'officer_ids', { note: '检查人员, names joined by ,' }],
    ['sfzszf', 'via_mobile', { note: '是否掌上执法 是/否' }],
    ['jcjg', 'result', { note: '检查结果' }],
    ['cd_operation', null, { note: 'I / U / D' }],
    ['cd_time', null],
    ['cd_batch', null],
    ['tong_time', null],
    ['dt', null],
  ];
  const TYPE = { 双随机: '双随机抽查', 日常巡查: '日常检查', 专项: '专项检查', 投诉核查: '投诉举报核查' };
  const RES = { 无问题: '未发现问题', 责令整改: '责令改正', 立案: '立案查处', 移送: '移送' };
  const officersOf = uniqueOfficers(roster);
  const ulist = ['ZY01', 'ZH01', 'ZY04', 'ZY07', 'ZY08', 'HY01'];
  const out = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const made = [];
  for (let k = 1; k <= 29; k++) {
    const u = ulist[k % ulist.length];
    const offs = officersOf(u);
    const o1 = offs[k % offs.length];
    const o2 = offs[(k + 2) % offs.length];
    const biz = BUSINESSES[(k * 5) % BUSINESSES.length];
    const d = randDate(3, 11);
    const tk = pick(['双随机', '双随机', '日常巡查', '专项', '投诉核查']);
    const rk = pick(['无问题', '无问题', '无问题', '责令整改', '立案', '移送']);
    let id = `JC3309222024${pad(k * 3, 5)}`;
    let code = biz.code;
    let broken = null;
    if (k === 10) { id = ''; broken = 'jcbh 为空 / no inspection id: no key'; }
    if (k === 21) { code = ''; broken = 'tyshxydm 为空（检查对象代码必填）/ required subject_id empty'; }
    const op = k === 26 ? 'D' : 'I';
    if (op === 'D') broken = 'cd_operation = D：源系统删除该检查记录的同步日志 / a delete in the change log: the record no longer exists';
    const rec = { jcbh: id, jcrq: isoD(d), ssdw: UNITS[u][0], jcdxmc: biz.name, tyshxydm: code, jclx: TYPE[tk], jcry: `${o1.name},${o2.name}`, sfzszf: k % 4 === 1 ? '否' : '是', jcjg: RES[rk], cd_operation: op, cd_time: `${isoD(addDays(d, op === 'D' ? 40 : 0))} ${hms(k)}`, cd_batch: `${isoD(addDays(d, 1)).replace(/-/g, '')}0${1 + (k % 3)}`, tong_time: stamp(d, k), dt: isoD(addDays(d, 1)).replace(/-/g, '') };
    out.push(rec);
    made.push({ k, rec, place: out.length, d });
    if (broken) { rejected.push({ line: out.length, why: broken }); continue; }
    records.push({ id: [id], enums: { inspection_type: TYPE[tk], result: RES[rk] } });
    const w = { inspection_id: id };
    if (k === 1) checks.push({ where: w, field: 'date', expected: isoD(d), why: 'jcrq, not cd_time/tong_time/dt' });
    if (k === 2) checks.push({ where: w, field: 'lead_unit_id', expected: u, why: UNITS[u][0] });
    if (k === 3) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: rec.jcry });
    if (k === 4) checks.push({ where: w, field: 'subject_id', expected: code, why: 'tyshxydm' });
    if (k === 5) checks.push({ where: w, field: 'via_mobile', expected: rec.sfzszf === '是', why: rec.sfzszf });
  }
  // an update (U) of inspection #7 later in the log: its result changed
  const src = made.find((x) => x.k === 7);
  out.push({ ...src.rec, jcjg: RES['责令整改'], cd_operation: 'U', cd_time: `${isoD(addDays(src.d, 9))} 10:12:00`, cd_batch: `${isoD(addDays(src.d, 10)).replace(/-/g, '')}01`, tong_time: stamp(addDays(src.d, 9), 7), dt: isoD(addDays(src.d, 10)).replace(/-/g, '') });
  // (after the fix of set 14: with a change-time column (cd_time) the newest version loads — the U
  // row; line 7, the older version, is rejected, and the record's result is the U row's)
  rejected.push({ line: src.place, why: `jcbh ${src.rec.jcbh} 在第 ${out.length} 行有较新的版本（cd_operation U：检查结果改为责令改正），本行被取代 / an older version (the later update, line ${out.length}, loads)` });
  records.find((r) => r.id[0] === src.rec.jcbh).enums.result = RES['责令整改'];
  writeFileSync(join(DIR, file), out.map((r) => JSON.stringify(r)).join('\n') + '\n');
  finish({
    file, table: 'inspection', workspace: ['units', 'matters', 'officers'], format: 'jsonl (UTF-8, LF, one object per line)',
    layout: 'one change per line, keys the exchange DB\'s lower-case pinyin initials (jcbh, jcrq, ssdw, jcdxmc, tyshxydm, jclx, jcry, sfzszf, jcjg) then cd_operation I/U/D, cd_time, cd_batch, tong_time, dt; line 26 a D (delete), the last line a U of line 7',
    header_rows: [], first_data_row: 1, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { inspection_type: invert(TYPE), result: invert(RES) },
    identity: ['inspection_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 06 投诉举报 — mysql --xml dump of a shared table with 数据状态 有效/作废/已删除
// ============================================================================================
function file06() {
  const file = '06_投诉举报工单_共享库导出（含数据状态）.xml';
  const spec = [
    ['工单编号', 'complaint_id'],
    ['受理日期', 'received_date'],
    ['来源渠道', 'channel'],
    ['所属乡镇', 'township'],
    ['承办单位', 'unit_id', { note: 'full name' }],
    ['问题领域', 'domain'],
    ['是否涉及执法行为', 'about_conduct'],
    ['办结时限', 'deadline_date'],
    ['办结日期', 'closed_date'],
    ['满意度', 'satisfaction'],
    ['数据状态', null, { note: '有效 / 作废 / 已删除' }],
    ['tong_time', null],
    ['dt', null],
  ];
  const CH = { 12345: '12345热线', 投诉举报平台: '投诉举报平台', '110联动': '110联动', 基层治理四平台: '基层治理四平台', 执法监督热线: '执法监督热线' };
  const SAT = { 满意: '满意', 基本满意: '基本满意', 不满意: '不满意', 未评价: '未评价' };
  const ulist = ['ZH01', 'ZY01', 'ZY08', 'ZY04', 'XZ01', 'XZ02', 'XZ03'];
  const DOM = ['市容环境', '食品安全', '噪声污染', '交通运输', '违法建设', '医疗卫生'];
  const rows = [];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let k = 1; k <= 31; k++) {
    const u = ulist[k % ulist.length];
    const d = randDate(1, 10);
    const dl = addDays(d, 15);
    const cl = k % 6 === 4 ? null : addDays(d, int(2, 14));
    const ck = pick(['12345', '12345', '投诉举报平台', '110联动', '基层治理四平台', '执法监督热线']);
    const sk = cl ? pick(['满意', '满意', '基本满意', '不满意']) : '未评价';
    let id = `GD2024${pad(k * 7, 6)}`;
    let recv = isoD(d);
    let state = '有效';
    let broken = null;
    if (k === 6) { id = ''; broken = '工单编号为空 / no ticket id: no key'; }
    if (k === 13) { recv = '2024-09-31'; broken = '受理日期 2024-09-31 不存在（必填）/ impossible required date'; }
    // (after the fix of set 14: with a sync-time column (tong_time) the copy synchronised last
    // loads — this one; record 9, synchronised earlier, is rejected instead)
    if (k === 19) id = ids[8];
    if (k === 23) { state = '作废'; broken = '数据状态 作废：工单已作废（重复受理后作废）/ the record is voided in the source (作废)'; }
    if (k === 28) { state = '已删除'; broken = '数据状态 已删除：源系统已删除 / deleted in the source (已删除)'; }
    ids.push(id);
    const town = TOWN_OF[u] ?? pick(['菜园镇', '嵊山镇', '洋山镇', '五龙乡']);
    rows.push({ 工单编号: id, 受理日期: recv, 来源渠道: CH[ck], 所属乡镇: town, 承办单位: UNITS[u][0], 问题领域: DOM[k % DOM.length], 是否涉及执法行为: k % 5 === 2 ? '是' : '否', 办结时限: isoD(dl), 办结日期: cl ? isoD(cl) : null, 满意度: SAT[sk], 数据状态: state, tong_time: stamp(d, k), dt: isoD(addDays(d, 1)).replace(/-/g, '') });
    if (broken) { rejected.push({ line: rows.length, why: broken }); continue; }
    if (k === 19) {
      rejected.push({ line: 9, why: `工单编号 ${id} 与第 19 条重复（重复派单）；第 19 条的 tong_time 较新，导入第 19 条 / duplicate key (record 19, synchronised later, loads)` });
      records.splice(records.findIndex((r) => r.id[0] === id), 1);
    }
    records.push({ id: [id], enums: { channel: CH[ck], satisfaction: SAT[sk] } });
    const w = { complaint_id: id };
    if (k === 1) checks.push({ where: w, field: 'received_date', expected: isoD(d), why: '受理日期, not tong_time/dt' });
    if (k === 2) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (k === 4) checks.push({ where: w, field: 'closed_date', expected: null, why: 'NULL (xsi:nil)' });
    if (k === 7) checks.push({ where: w, field: 'about_conduct', expected: true, why: '是' });
  }
  const xml = ['<?xml version="1.0"?>', '', `<resultset statement="SELECT * FROM share_tsjb_gd WHERE dt &gt;= '20240101'" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">`];
  for (const r of rows) {
    xml.push('  <row>');
    for (const [k, v] of Object.entries(r)) xml.push(v === null || v === '' ? `\t<field name="${k}" xsi:nil="true" />` : `\t<field name="${k}">${xmlEsc(v)}</field>`);
    xml.push('  </row>', '');
  }
  xml.push('</resultset>');
  writeFileSync(join(DIR, file), xml.join('\n') + '\n');
  finish({
    file, table: 'complaint', workspace: ['units', 'matters', 'officers'], format: 'xml (mysql --xml, UTF-8, LF)',
    layout: '<resultset statement=…><row><field name="工单编号">…</field>…</row>…; empty values xsi:nil="true"; 数据状态 有效 / 作废 (record 23) / 已删除 (record 28); tong_time, dt',
    header_rows: [], first_data_row: 1, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { channel: invert(CH), satisfaction: invert(SAT) },
    identity: ['complaint_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 07 复议诉讼 — a middle table (XLSX) with 版本号 and 是否最新版本, old versions first
// ============================================================================================
async function file07() {
  const file = '07_行政复议应诉案件_同步中间表（含历史版本）.xlsx';
  const spec = [
    ['案号', 'id'],
    ['类别', 'kind'],
    ['被申请人（被告）', 'unit_id', { note: 'full name' }],
    ['原案件编号', 'case_id'],
    ['收案日期', 'filed_date', { note: 'date cell' }],
    ['结案日期', 'decided_date', { note: 'date cell' }],
    ['审理结果', 'outcome'],
    ['是否开庭', 'hearing_held'],
    ['负责人是否出庭', 'head_appeared'],
    ['版本号', null],
    ['是否最新版本', null, { note: '是 / 否' }],
    ['更新时间', null],
    ['tong_time', null],
  ];
  const KIND = { 复议: '行政复议', 诉讼: '行政诉讼' };
  const OUT = { 维持: '维持', 驳回: '驳回', 撤销: '撤销', 确认违法: '确认违法', 调解撤回: '撤回', 胜诉: '胜诉', 败诉: '败诉' };
  const ulist = ['ZH01', 'ZY01', 'ZY03', 'ZY04', 'ZY07', 'HY01'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('dwd_fyys_aj');
  headerRow(ws, 1, spec);
  const rejected = [];
  const records = [];
  const checks = [];
  const firstLine = {};
  let r = 1;
  const ids = [];
  for (let k = 1; k <= 27; k++) {
    const u = ulist[k % ulist.length];
    const lit = k % 3 === 0;
    const f = randDate(1, 8);
    const dd = addDays(f, int(40, 100));
    const ok = lit ? pick(['胜诉', '胜诉', '败诉', '调解撤回']) : pick(['维持', '维持', '驳回', '撤销', '确认违法', '调解撤回']);
    let id = lit ? `（2024）浙0922行初${k}号` : `嵊政复〔2024〕${k}号`;
    let unitName = UNITS[u][0];
    let broken = null;
    if (k === 5) { id = ''; broken = '案号为空 / no id: no key'; }
    if (k === 16) { unitName = ''; broken = '被申请人（被告）为空（必填）/ required unit empty'; }
    ids.push(id);
    const versions = [4, 11, 20].includes(k) ? 2 : 1;
    for (let v = 1; v <= versions; v++) {
      r++;
      const last = v === versions;
      // version 1 of a twice-kept record: still open (no 结案日期, no 结果)
      const cells = [id, KIND[lit ? '诉讼' : '复议'], unitName, `嵊综执罚决字〔2023〕${k * 3}号`, dateCell(f), last ? dateCell(dd) : '', last ? OUT[ok] : '', lit ? '是' : pick(['是', '否']), lit ? (k % 2 ? '是' : '否') : '', v, last ? '是' : '否', `${isoD(last ? dd : addDays(f, 2))} ${hms(k + v)}`, stamp(last ? dd : addDays(f, 2), k)];
      putRow(ws, r, cells);
      // (after the fix of set 14: the highest 版本号 of a key loads — version 2, decided; version 1,
      // the row above it, is rejected as the older version)
      if (!last) { rejected.push({ line: r, why: `案号 ${id} 在第 ${r + 1} 行有版本号 2 的较新版本（结案后），本行（版本号 1）被取代 / an older version (版本号 2, line ${r + 1}, loads)` }); continue; }
      firstLine[id] = r;
      if (broken) { rejected.push({ line: r, why: broken }); continue; }
      records.push({ id: [id], enums: { kind: KIND[lit ? '诉讼' : '复议'], ...(last ? { outcome: OUT[ok] } : {}) } });
      const w = { id };
      if (k === 1) checks.push({ where: w, field: 'filed_date', expected: isoD(f), why: 'date cell' });
      if (k === 2) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
      if (k === 4) checks.push({ where: w, field: 'decided_date', expected: isoD(dd), why: '版本号 2 (the row kept) is decided' });
      if (k === 6) checks.push({ where: w, field: 'case_id', expected: `嵊综执罚决字〔2023〕${k * 3}号`, why: '原案件编号' });
    }
  }
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'review_litigation', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet dwd_fyys_aj',
    layout: 'header row 1; dates as date cells; three cases have two rows in a row: 版本号 1 (是否最新版本 否, still open) then 版本号 2 (是否最新版本 是, 结案日期 and 审理结果 filled); 更新时间, tong_time text',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { kind: invert(KIND), outcome: invert(OUT) },
    identity: ['id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 08 监督发现问题 — snapshot CSV (UTF-8 without BOM, LF) with 快照日期, 删除标记 0/1
// ============================================================================================
function file08() {
  const file = '08_执法监督问题_每日快照（snapshot_20241231）.csv';
  const spec = [
    ['问题编号', 'finding_id'],
    ['问题来源', 'source'],
    ['被监督单位', 'unit_id', { note: 'full name' }],
    ['关联案件编号', 'case_id'],
    ['评查得分', 'casefile_score'],
    ['评查等次', 'casefile_grade'],
    ['发现日期', 'found_date', { note: 'yyyy-MM-dd' }],
    ['整改期限', 'due_date'],
    ['整改完成日期', 'rectified_date'],
    ['问题等级', 'severity'],
    ['问题描述', 'description'],
    ['删除标记', null, { note: '0 / 1' }],
    ['快照日期', null, { note: '2024-12-31 on every row' }],
    ['tong_time', null],
  ];
  const SRC = { 执法监督: '执法监督', 案卷评查: '案卷评查', 检察建议: '检察建议', 纪委监委: '纪委监委', 特邀监督: '特邀监督员', 人大: '人大监督' };
  const SEV = { 一般: '一般', 较重: '较重', 严重: '严重' };
  const ulist = ['ZH01', 'ZY01', 'ZY03', 'ZY04', 'ZY07', 'HY01', 'XZ01', 'XZ02'];
  const DESC = ['送达回证缺失', '处罚决定书未载明履行方式', '检查笔录无检查时间', '超期未结无延期审批', '法制审核意见未附卷'];
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const ids = [];
  for (let k = 1; k <= 30; k++) {
    const line = lines.length + 1;
    const u = ulist[k % ulist.length];
    const sk = k % 3 === 0 ? '案卷评查' : pick(['执法监督', '执法监督', '检察建议', '纪委监委', '特邀监督', '人大']);
    const sev = pick(['一般', '一般', '较重', '严重']);
    const f = randDate(2, 10);
    const due = addDays(f, 30);
    const done = k % 4 === 1 ? null : addDays(f, int(5, 25));
    const score = sk === '案卷评查' ? int(62, 96) : null;
    const grade = score === null ? '' : score >= 90 ? '优秀' : score >= 70 ? '合格' : '不合格';
    let id = `JDWT2024${pad(k * 4, 4)}`;
    let found = isoD(f);
    let del = 0;
    let broken = null;
    if (k === 7) { id = ''; broken = '问题编号为空 / no finding id: no key'; }
    if (k === 14) { found = '2024-02-30'; broken = '发现日期 2024-02-30 不存在（必填）/ impossible required date'; }
    // (after the fix of set 14: with a sync-time column (tong_time) the copy synchronised last
    // loads — this one, line 26; line 13, synchronised earlier, is rejected instead)
    if (k === 25) id = ids[11];
    if (k === 20) { del = 1; broken = '删除标记 1：源系统已删除（重复登记后删除）/ deleted in the source (删除标记 1)'; }
    ids.push(id);
    lines.push([id, SRC[sk], UNITS[u][0], sk === '案卷评查' ? `嵊综执罚决字〔2024〕${k + 20}号` : '', score ?? '', grade, found, isoD(due), done ? isoD(done) : '', SEV[sev], DESC[k % DESC.length], del, '2024-12-31', `2025-01-01 00:${pad(k)}:${pad((k * 7) % 60)}`].map(csvq).join(','));
    if (broken) { rejected.push({ line, why: broken }); continue; }
    if (k === 25) {
      rejected.push({ line: 13, why: `问题编号 ${id} 与第 26 行重复；第 26 行的 tong_time 较新，导入第 26 行 / duplicate key (line 26, synchronised later, loads)` });
      records.splice(records.findIndex((r) => r.id[0] === id), 1);
    }
    records.push({ id: [id], enums: { source: SRC[sk], severity: SEV[sev], ...(grade ? { casefile_grade: grade } : {}) } });
    const w = { finding_id: id };
    if (score !== null && !checks.some((c) => c.field === 'casefile_score')) checks.push({ where: w, field: 'casefile_score', expected: score, why: String(score) });
    if (k === 1) checks.push({ where: w, field: 'rectified_date', expected: null, why: 'empty (快照日期 is no rectification date)' });
    if (k === 2) checks.push({ where: w, field: 'found_date', expected: isoD(f), why: found });
    if (k === 4) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
  }
  writeFileSync(join(DIR, file), lines.join('\n') + '\n');
  finish({
    file, table: 'supervision_finding', workspace: ['units', 'matters', 'officers'], format: 'csv (UTF-8 without BOM, LF)',
    layout: 'header line 1; dates yyyy-MM-dd; 删除标记 0/1 (line 21 is 1); 快照日期 2024-12-31 and tong_time on every row',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { source: invert(SRC), severity: invert(SEV), casefile_grade: { 优秀: '优秀', 合格: '合格', 不合格: '不合格' } },
    identity: ['finding_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 09 行政许可 — 拉链表 (zipper history table) XLSX: start_dt / end_dt 9999-12-31, a revocation row
// ============================================================================================
async function file09() {
  const file = '09_行政许可信息_历史拉链表（dws_xzxk_his）.xlsx';
  const spec = [
    ['许可编号', 'permit_id'],
    ['统一社会信用代码', 'subject_id'],
    ['被许可人', 'subject_name'],
    ['审批事项', 'matter_code', { note: 'the approval item\'s name' }],
    ['审批单位', 'unit_id', { note: 'full name' }],
    ['许可日期', 'issued_date', { note: 'date cell' }],
    ['许可状态', null, { note: '有效 / 已撤销' }],
    ['撤销日期', null, { note: 'the permit\'s revocation, no field of permit' }],
    ['start_dt', null, { note: 'the version\'s start' }],
    ['end_dt', null, { note: '9999-12-31 for the current version' }],
  ];
  const ITEMS = [['食品经营许可', 'ZY01'], ['公共场所卫生许可', 'ZY08'], ['道路货物运输经营许可', 'ZY04'], ['娱乐场所经营许可', 'ZY03'], ['城市建筑垃圾处置核准', 'ZH01']];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('dws_xzxk_his');
  headerRow(ws, 1, spec);
  const rejected = [];
  const records = [];
  const checks = [];
  const firstLine = {};
  let r = 1;
  for (let k = 1; k <= 28; k++) {
    const [item, u] = ITEMS[k % ITEMS.length];
    const biz = BUSINESSES[(k * 7) % BUSINESSES.length];
    const d = randDate(1, 10);
    let id = `XK3309222024${pad(k * 9, 4)}`;
    let code = biz.code;
    let issued = dateCell(d);
    let broken = null;
    if (k === 9) { id = ''; broken = '许可编号为空 / no permit id: no key'; }
    if (k === 22) { code = ''; broken = '统一社会信用代码为空（必填）/ required subject_id empty'; }
    if (k === 15) { issued = ''; broken = '许可日期为空（必填）/ required issued_date empty'; }
    const revoked = k === 12;
    const rev = addDays(d, 120);
    r++;
    // the first version of a revoked permit is closed on its revocation day; the revocation is its own row
    putRow(ws, r, [id, code, biz.name, item, UNITS[u][0], issued, '有效', '', dateCell(d), revoked ? dateCell(rev) : dateCell([9999, 12, 31])]);
    firstLine[id] = r;
    if (broken) rejected.push({ line: r, why: broken });
    else {
      records.push({ id: [id], enums: {} });
      const w = { permit_id: id };
      if (k === 1) checks.push({ where: w, field: 'issued_date', expected: isoD(d), why: '许可日期, not start_dt/end_dt' });
      if (k === 2) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
      if (k === 3) checks.push({ where: w, field: 'subject_id', expected: code, why: '统一社会信用代码' });
    }
    if (revoked) {
      r++;
      putRow(ws, r, [id, code, biz.name, item, UNITS[u][0], dateCell(d), '已撤销', dateCell(rev), dateCell(rev), dateCell([9999, 12, 31])]);
      // (was: this line rejected as the later one of a key. A 拉链表's current version is the row
      // whose end_dt is open (9999-12-31), wherever it stands: the importer now reads start_dt/end_dt
      // as the versions' period, so the closed first version is the one rejected — see README)
      rejected.push({ line: firstLine[id], why: `许可编号 ${id} 的旧版本（end_dt 已闭链），被第 ${r} 行的当前版本（end_dt 9999-12-31，许可已撤销）取代 / an older version (closed end_dt), superseded by the current one on line ${r} (the revocation)` });
    }
  }
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'permit', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet dws_xzxk_his',
    layout: 'header row 1; a 拉链表: start_dt / end_dt date cells (9999-12-31 for the current version); one permit has two versions, 有效 (closed on the revocation day) then 已撤销 with 撤销日期; 许可日期 date cells',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {}, identity: ['permit_id'], records, value_checks: checks,
  });
}

// ---------------------------------------------------------------- run
const roster = await readRoster();
const matters = await readMatters();
file01();
await file02(matters);
file03(roster);
file04(matters, roster);
file05(roster);
file06();
await file07();
file08();
await file09();
writeFileSync(join(DIR, '_answer.json'), JSON.stringify(answer, null, 2) + '\n');
console.log(answer.files.map((f) => `${f.file}: ${f.rows_loaded} loaded, ${f.rejected.length} broken, ${f.footer_lines.length} no record`).join('\n'));

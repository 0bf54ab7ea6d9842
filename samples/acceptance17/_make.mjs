// Writes the seventeenth acceptance set (samples/acceptance17) and its answer key _answer.json.
// Run: node samples/acceptance17/_make.mjs
//
// Theme: names that changed — exports from before and across Zhejiang's 综合行政执法 and 大综合一体化
// reforms, where the same body, person or matter is written under another name than the county's
// reference lists (samples/shengsi) hold: units under former names (城市管理行政执法局, 城管执法局,
// 综合行政执法大队, 工商局, 食药监局, 卫计局, 环保局, 海洋与渔业局), with and without 嵊泗县 / 舟山市, with a
// bracketed old name (嵊泗县综合行政执法局（原城管局）), a township as 人民政府 / 综合行政执法队 / 中队;
// matter codes with their catalogue version in brackets or from an older catalogue, matter names
// reworded; officers by name with an old 执法证号 in brackets, by an old 证号 alone, officers who moved
// from the abolished 水利局执法队 to 综合执法局; a unit list whose 曾用名 column holds the old names;
// parties under a 统一社会信用代码 or an older 组织机构代码. See README.md for each decision.
// The answer key is declared here by hand and never computed by the importer under test.
// Deterministic: the same rows every run, byte-identical files.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import { acceptanceKit } from '../acceptance-kit.mjs';

const DIR = dirname(fileURLToPath(import.meta.url));
const STAMP = Date.UTC(2025, 0, 16, 1, 40);
const { pick, int, pad, randDate, isoD, addDays, UNITS, TOWN_OF, readRoster, readMatters, BUSINESSES, answer, columnsOf, newWorkbook, saveWorkbook, dateCell } =
  acceptanceKit({ set: 'acceptance17', dir: DIR, seed: 20250116, stamp: STAMP });

const invert = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));
const csvq = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
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
const PERSONS = ['张某明', '李某芳', '王某强', '陈某', '刘某华', '周某军', '吴某丽', '孙某', '郑某平', '徐某', '钱某东', '朱某英'];

// ============================================================================================
// The names, each with the unit the key says it names (null: stays unresolved) and why.
// The rule the key follows (README "Judgement calls"): a name resolves when it IS a name the
// workspace records for the unit (全称, 简称, 别名 of samples/shengsi's unit list), or such a name
// with only the county's or the city's prefix added or taken away (嵊泗县 / 舟山市 / 舟山市嵊泗县), or
// followed by a bracket that says it was formerly something else (（原城管局）); any other former
// name — one nobody recorded as an alias — stays unresolved, kept as written, and is never guessed
// into a unit, however alike (嵊泗县综合行政执法大队 is not 嵊泗海洋综合执法大队).
// ============================================================================================
const N = {
  // resolve
  zh_bracket: ['嵊泗县综合行政执法局（原城管局）', 'ZH01', 'full name + a bracket naming the former body'],
  zh_bracket2: ['嵊泗县综合行政执法局（原嵊泗县城市管理行政执法局）', 'ZH01', 'full name + a bracket naming the former body in full'],
  zh_alias: ['县综合执法局', 'ZH01', 'an alias of the unit list'],
  zh_alias2: ['县综合行政执法局', 'ZH01', 'an alias of the unit list'],
  zh_nocounty: ['综合行政执法局', 'ZH01', 'the full name without 嵊泗县'],
  zy01_full: ['嵊泗县市场监督管理局', 'ZY01', 'full name'],
  zy01_city: ['舟山市嵊泗县市场监督管理局', 'ZY01', 'full name with 舟山市 before it'],
  zy01_nocounty: ['市场监督管理局', 'ZY01', 'the full name without 嵊泗县'],
  zy02_alias: ['嵊泗生态环境分局', 'ZY02', 'an alias of the unit list'],
  zy04_city: ['舟山市嵊泗县交通运输局', 'ZY04', 'full name with 舟山市 before it'],
  zy06_alias: ['自然资源规划局', 'ZY06', 'an alias of the unit list'],
  zy08_alias: ['县卫健局', 'ZY08', 'an alias of the unit list'],
  zy08_full: ['嵊泗县卫生健康局', 'ZY08', 'full name'],
  zy09_full: ['嵊泗县水利局执法队', 'ZY09', 'full name of the abolished water team (a name names its unit whatever the date)'],
  hy_alias: ['嵊泗海洋综合执法大队', 'HY01', 'an alias of the unit list (the 海洋 team\'s old 大队 name, recorded)'],
  xz01_full: ['嵊泗县菜园镇人民政府', 'XZ01', 'full name'],
  xz01_nocounty: ['菜园镇人民政府', 'XZ01', 'the full name without 嵊泗县'],
  xz01_alias: ['菜园中队', 'XZ01', 'an alias of the unit list'],
  xz01_team: ['菜园镇综合行政执法队', 'XZ01', 'an alias of the unit list'],
  xz01_team_county: ['嵊泗县菜园镇综合行政执法队', 'XZ01', 'an alias of the unit list with 嵊泗县 before it'],
  xz02_area: ['马鞍列岛片区综合行政执法队', 'XZ02', 'an alias of the unit list'],
  xz03_team: ['洋山镇综合行政执法队', 'XZ03', 'an alias of the unit list'],
  xz04_alias: ['五龙中队', 'XZ04', 'an alias of the unit list'],
  xz06_alias: ['枸杞执法点', 'XZ06', 'an alias of the unit list'],
  // stay unresolved
  cg_full: ['嵊泗县城市管理行政执法局', null, 'a former name of 综合执法局 that the unit list does not record'],
  cg_short: ['县城管执法局', null, 'a former short name nobody recorded'],
  cg_dadui: ['嵊泗县综合行政执法大队', null, 'a former name nobody recorded — must not be taken for HY01\'s alias 嵊泗海洋综合执法大队'],
  gs: ['嵊泗县工商行政管理局', null, 'a predecessor of 市场监管局 (merged 2019), not recorded'],
  sy: ['嵊泗县食品药品监督管理局', null, 'a predecessor of 市场监管局, not recorded'],
  wj: ['嵊泗县卫生和计划生育局', null, 'the former 卫计局, not recorded'],
  hb: ['嵊泗县环境保护局', null, 'the former 环保局, not recorded'],
  hyyy: ['嵊泗县海洋与渔业局', null, 'the former 海洋与渔业局 (its duties went to two units), not recorded'],
  xz02_zd: ['嵊山镇综合行政执法中队', null, 'not recorded (嵊山中队 is): a new spelling is the user\'s to map'],
  xz01_zd: ['菜园镇综合执法中队', null, 'not recorded (菜园中队 is)'],
};
const NAME = (k) => N[k][0];
const UID = (k) => N[k][1];

// ============================================================================================
// 01 执法单位 — the unit list of 2024 with a 曾用名 column (the old names, separated by ；)
// ============================================================================================
async function file01() {
  const file = '01_嵊泗县行政执法主体名录（含曾用名）.xlsx';
  const spec = [
    ['单位编码', 'unit_id'],
    ['单位名称', 'name'],
    ['简称', 'short_name'],
    ['曾用名', 'aliases', { note: 'former names separated by ；: the unit\'s other names' }],
    ['队伍类型', 'unit_type'],
    ['所在乡镇', 'township'],
    ['执法模式', 'mode'],
    ['驻点单位', 'hub_unit_id', { note: 'written by a name this file\'s 曾用名 lists for the hub' }],
    ['成立日期', 'established_date'],
    ['撤销日期', 'abolished_date'],
    ['更名依据', null, { note: 'the document that renamed the unit: a text, no field' }],
  ];
  const TYPE = { 综合: '综合行政执法', 专业: '专业执法', 海洋: '海洋执法', 乡镇: '乡镇（街道）' };
  const MODE = { 县级: '县级', 派驻: '派驻', 赋权: '赋权', 片区兼管: '片区兼管' };
  const MODE_OF = { XZ01: '派驻', XZ02: '派驻', XZ03: '赋权', XZ04: '派驻', XZ05: '派驻', XZ06: '片区兼管', XZ07: '片区兼管' };
  const typeOf = (id) => (id === 'ZH01' ? '综合' : id === 'HY01' ? '海洋' : id.startsWith('XZ') ? '乡镇' : '专业');
  const EST = (id) => (id.startsWith('XZ') ? [2021, 7, 1] : id === 'ZH01' ? [2019, 3, 15] : id === 'HY01' ? [2019, 9, 1] : id === 'ZY09' ? [2016, 7, 1] : [2019, 2, 26]);
  const OLD = {
    ZH01: ['嵊泗县城市管理行政执法局', '县城管执法局', '嵊泗县综合行政执法大队'],
    ZY01: ['嵊泗县工商行政管理局', '嵊泗县质量技术监督局', '嵊泗县食品药品监督管理局'],
    ZY02: ['嵊泗县环境保护局'],
    ZY08: ['嵊泗县卫生和计划生育局'],
    HY01: ['嵊泗县海洋与渔业执法大队'],
    XZ02: ['嵊山镇综合行政执法中队', '马鞍列岛片区综合行政执法队'],
  };
  const BASIS = { ZH01: '嵊委办〔2019〕12号（示例）', ZY01: '嵊委办〔2019〕5号（示例）', XZ02: '嵊政办〔2021〕30号（示例）' };
  const wb = newWorkbook();
  const ws = wb.addWorksheet('主体名录');
  putRow(ws, 1, spec.map((s) => s[0]));
  const order = Object.keys(UNITS);
  order.splice(4, 0, 'NEW');
  order.splice(15, 0, 'DUP');
  const rejected = [];
  const records = [];
  const checks = [];
  order.forEach((key, i) => {
    const r = i + 2;
    if (key === 'NEW') {
      putRow(ws, r, ['', '嵊泗县城市管理局', '城管局', TYPE['综合'], '', '县级', '', dateCell([2002, 5, 1]), dateCell([2019, 3, 14]), '已并入综合执法局']);
      rejected.push({ line: r, why: '单位编码为空（撤并前的旧单位，没有编码）/ no unit id: no key' });
      return;
    }
    if (key === 'DUP') {
      putRow(ws, r, ['ZY01', '嵊泗县工商行政管理局', '工商局', TYPE['专业'], '', '县级', '', dateCell([1985, 1, 1]), dateCell([2019, 1, 19]), '']);
      rejected.push({ line: r, why: '单位编码 ZY01 重复（旧名的一行照抄了新单位的编码）/ duplicate key' });
      return;
    }
    const id = key;
    const t = typeOf(id);
    const mode = MODE_OF[id] ?? '县级';
    const old = OLD[id] ?? [];
    // XZ06's hub by 马鞍列岛片区综合行政执法队 — a name this file's 曾用名 gives XZ02; XZ07's by 嵊山中队,
    // which no 曾用名 or name of this file holds (the unit list of samples/shengsi does, but this file
    // goes into an empty workspace): unresolved, not guessed
    const hub = id === 'XZ06' ? '马鞍列岛片区综合行政执法队' : id === 'XZ07' ? '嵊山中队' : '';
    const est = EST(id);
    putRow(ws, r, [id, UNITS[id][0], UNITS[id][1], old.join('；'), TYPE[t], TOWN_OF[id] ?? '', mode, hub, dateCell(est), id === 'ZY09' ? dateCell([2023, 3, 31]) : '', BASIS[id] ?? '']);
    records.push({ id: [id], enums: { unit_type: TYPE[t], mode } });
    const w = { unit_id: id };
    if (id === 'ZH01') checks.push({ where: w, field: 'aliases', expected: [...OLD.ZH01].sort(), why: `曾用名 ${old.join('；')}: the former names are the unit's other names` });
    if (id === 'ZY01') checks.push({ where: w, field: 'aliases', expected: [...OLD.ZY01].sort(), why: `曾用名 ${old.join('；')}` });
    if (id === 'XZ06') checks.push({ where: w, field: 'hub_unit_id', expected: 'XZ02', why: 'hub 马鞍列岛片区综合行政执法队: a 曾用名 of XZ02 in this same file' });
    if (id === 'XZ07') checks.push({ where: w, field: 'hub_unit_id', expected: null, why: 'hub 嵊山中队: no name of this file (which goes into an empty workspace): unresolved, not guessed' });
    if (id === 'ZY09') checks.push({ where: w, field: 'abolished_date', expected: '2023-03-31', why: '撤销日期' });
    if (id === 'ZY03') checks.push({ where: w, field: 'name', expected: UNITS.ZY03[0], why: '单位名称 (the current name, not a 曾用名)' });
  });
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'unit', workspace: [], format: 'xlsx (exceljs), one sheet 主体名录',
    layout: 'header row 1; 曾用名 lists former names separated by ；; 驻点单位 by a name; date cells; 更名依据 a text; a row for the abolished 城市管理局 without code and the old 工商局 under ZY01\'s code',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { unit_type: invert(TYPE), mode: invert(MODE) },
    identity: ['unit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 02 执法事项 — an older catalogue (2019版), 实施主体 written under the names of that time
// ============================================================================================
function file02(matters) {
  const file = '02_行政执法事项目录（2019版，机构改革前）.csv';
  const spec = [
    ['事项编码', 'matter_code'],
    ['事项名称', 'name'],
    ['所属领域', 'domain'],
    ['权力类型', 'power_type'],
    ['实施队伍类型', 'owner_type'],
    ['实施主体', 'owner_unit_id', { note: 'the implementing body under the name of 2019' }],
    ['目录版本', 'catalogue_version'],
    ['生效日期', 'effective_date'],
  ];
  const POWER = { 处罚: '行政处罚', 强制: '行政强制', 检查: '行政检查' };
  const OWNER = { 综合: '综合执法', 专业: '专业执法', 海洋: '海洋执法', 乡镇: '乡镇执法' };
  // the implementing body as a 2019 list writes it, and what the key resolves it to
  const OWNER_NAME = {
    综合执法局: ['zh_alias', 'cg_full', 'zh_bracket', 'cg_short'],
    市场监管局: ['gs', 'zy01_full', 'sy'],
    生态环境分局: ['hb', 'zy02_alias'],
    卫健局: ['wj', 'zy08_full'],
    海洋执法队: ['hyyy', 'hy_alias'],
    交通运输局: ['zy04_city'],
  };
  const pickM = matters.filter((m, i) => i % 31 === 7 && OWNER_NAME[m.ownerShort]).slice(0, 20);
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const used = {};
  const order = pickM.map((m, k) => ({ m, k }));
  order.splice(12, 0, { m: pickM[3], k: 3, dup: true });
  order.forEach(({ m, k, dup }) => {
    const line = lines.length + 1;
    const list = OWNER_NAME[m.ownerShort];
    const nk = list[(used[m.ownerShort] = (used[m.ownerShort] ?? -1) + 1) % list.length];
    let code = m.code;
    let broken = null;
    if (!dup && k === 9) { code = ''; broken = '事项编码为空 / no matter code: no key'; }
    if (dup) broken = `事项编码 ${code} 重复（与第 5 行相同）/ duplicate key`;
    const power = POWER[m.power.replace('行政', '')];
    // 2019 names: 行政处罚 written 处罚 in the old catalogue's wording
    const name = m.name.replace(/的行政处罚$/, '的处罚');
    lines.push([code, name, m.domain, power, OWNER[m.owner], NAME(nk), '2019版', '2019/1/1'].map(csvq).join(','));
    if (broken) { rejected.push({ line, why: broken }); return; }
    records.push({ id: [code], enums: { power_type: power, owner_type: OWNER[m.owner] } });
    const w = { matter_code: code };
    if (!checks.some((c) => c.why.startsWith(`实施主体 ${NAME(nk)}:`))) checks.push({ where: w, field: 'owner_unit_id', expected: UID(nk), why: `实施主体 ${NAME(nk)}: ${N[nk][2]}` });
    if (k === 1) checks.push({ where: w, field: 'catalogue_version', expected: '2019版', why: '目录版本' });
    if (k === 2) checks.push({ where: w, field: 'name', expected: name, why: 'the old wording is the name this list gives' });
  });
  writeFileSync(join(DIR, file), '\ufeff' + lines.join('\r\n') + '\r\n');
  finish({
    file, table: 'matter', workspace: ['units'], format: 'csv, UTF-8 with BOM, CRLF',
    layout: 'header line 1; one matter a line; 实施主体 under the names of 2019 (城管执法局, 工商局, 食药监局, 环保局, 卫计局, 海洋与渔业局) mixed with current names and aliases; 目录版本 2019版',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { power_type: invert(POWER), owner_type: invert(OWNER) },
    identity: ['matter_code'], records, value_checks: checks,
  });
}

// ============================================================================================
// 03 执法人员 2019 — the roster of the reform year: units under old and new names
// ============================================================================================
async function file03(roster) {
  const file = '03_2019年度执法人员花名册（改革过渡期）.xlsx';
  const spec = [
    ['人员编号', 'officer_id'],
    ['年度', 'year'],
    ['姓名', 'name'],
    ['所属单位', 'unit_id', { note: 'old and new names of the year of the reform' }],
    ['岗位类别', 'role'],
    ['执法证号', 'cert_no'],
  ];
  const ROLE = { 执法: '执法', 法制审核: '法制审核', 管理: '管理', 其他: '其他' };
  // the unit of each officer (by the 2024 roster) as a 2019 clerk wrote it
  const WRITE = { ZH01: ['zh_bracket', 'cg_full', 'zh_alias2', 'cg_dadui'], ZY01: ['zy01_full', 'gs', 'zy01_nocounty'], ZY08: ['wj', 'zy08_alias'], HY01: ['hy_alias', 'hyyy'], XZ01: ['xz01_full', 'xz01_alias'] };
  const used = {};
  const officers = [];
  for (const u of Object.keys(WRITE)) officers.push(...roster.filter((o) => o.unit === u && o.cert).slice(0, u === 'ZH01' ? 5 : u === 'ZY01' ? 4 : 3));
  const wb = newWorkbook();
  const ws = wb.addWorksheet('2019年');
  ws.mergeCells(1, 1, 1, spec.length);
  ws.getCell(1, 1).value = '嵊泗县2019年度行政执法人员花名册（机构改革过渡期，单位按报送时名称填写）';
  putRow(ws, 2, spec.map((s) => s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const order = officers.map((o, k) => ({ o, k }));
  order.splice(9, 0, { o: officers[2], k: 2, dup: true });
  let r = 3;
  for (const { o, k, dup } of order) {
    const list = WRITE[o.unit];
    const nk = dup ? 'zh_bracket' : list[(used[o.unit] = (used[o.unit] ?? -1) + 1) % list.length];
    let id = o.id;
    let name = o.name;
    let broken = null;
    if (!dup && k === 6) { id = ''; broken = '人员编号为空 / no officer id: no key'; }
    if (!dup && k === 13) { name = ''; broken = '姓名为空（必填）/ required name empty'; }
    if (dup) broken = `人员编号 ${id} 年度 2019 重复（与第 5 行同一人，所属单位写法不同）/ duplicate key`;
    putRow(ws, r, [id, 2019, name, NAME(nk), o.role, o.cert]);
    if (broken) rejected.push({ line: r, why: broken });
    else {
      records.push({ id: [id, 2019], enums: { role: o.role } });
      const w = { officer_id: id, year: 2019 };
      if (!checks.some((c) => c.why.startsWith(`所属单位 ${NAME(nk)}:`))) checks.push({ where: w, field: 'unit_id', expected: UID(nk), why: `所属单位 ${NAME(nk)}: ${N[nk][2]}` });
    }
    r++;
  }
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'officer', workspace: ['units', 'matters'], format: 'xlsx (exceljs), one sheet 2019年',
    layout: 'row 1 the merged title, header row 2; 所属单位 as the clerk of 2019 wrote it (城市管理行政执法局, 综合行政执法大队, 工商行政管理局, 卫计局, 海洋与渔业局 beside current names, aliases and the bracketed old name)',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [{ line: 1, why: 'title' }],
    enums: { role: invert(ROLE) },
    identity: ['officer_id', 'year'], records, value_checks: checks,
  });
}

// ============================================================================================
// 04 执法人员 2023 — after the water team was abolished: officers who moved, old 证号 beside the new
// ============================================================================================
async function file04(roster, history) {
  const file = '04_2023年度执法人员名册（含调动情况）.xlsx';
  const spec = [
    ['执法人员编号', 'officer_id'],
    ['统计年度', 'year'],
    ['执法人员姓名', 'name'],
    ['工作单位', 'unit_id'],
    ['执法证号', 'cert_no'],
    ['原执法证号', null, { note: 'the certificate number before the 2023 renewal: no field (cert_no is the current one)' }],
    ['调动情况', null, { note: 'a text (2023年4月由水利局执法队转入): no field' }],
  ];
  const moved = ['ZF0189', 'ZF0192', 'ZF0193', 'ZF0194'];
  const rows = [];
  // the four water-team officers now at 综合执法局 (ZF0192 written under his old unit by mistake)
  for (const id of moved) {
    const h = history[id];
    const unitKey = id === 'ZF0192' ? 'zy09_full' : id === 'ZF0193' ? 'zh_bracket' : 'zh_alias';
    rows.push({ id, name: h.name, unitKey, cert: h[2023].cert, old: h[2022].cert !== h[2023].cert ? h[2022].cert : '', move: '2023年4月由嵊泗县水利局执法队转入' });
  }
  const W2 = [['ZY04', 'zy04_city'], ['ZY06', 'zy06_alias'], ['XZ02', 'xz02_area'], ['XZ02', 'xz02_zd'], ['XZ03', 'xz03_team'], ['XZ04', 'xz04_alias'], ['ZY08', 'zy08_full'], ['ZY02', 'zy02_alias'], ['XZ01', 'xz01_team_county'], ['XZ01', 'xz01_zd']];
  const taken = new Set(moved);
  for (const [u, k] of W2) {
    const o = Object.entries(history).find(([id, h]) => !taken.has(id) && h[2023] && h[2022] && roster.some((x) => x.id === id && x.unit === u) && h[2023].cert);
    taken.add(o[0]);
    const h = o[1];
    rows.push({ id: o[0], name: h.name, unitKey: k, cert: h[2023].cert, old: h[2022].cert !== h[2023].cert ? h[2022].cert : '', move: '' });
    const o2 = Object.entries(history).find(([id, hh]) => !taken.has(id) && hh[2023] && roster.some((x) => x.id === id && x.unit === u) && hh[2023].cert);
    if (rows.length < 22 && o2 && (u === 'ZY04' || u === 'ZY08' || u === 'XZ03' || u === 'ZY06')) {
      taken.add(o2[0]);
      rows.push({ id: o2[0], name: o2[1].name, unitKey: k, cert: o2[1][2023].cert, old: '', move: '' });
    }
  }
  const wb = newWorkbook();
  const ws = wb.addWorksheet('名册');
  putRow(ws, 1, spec.map((s) => s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const order = rows.map((x, k) => ({ x, k }));
  order.splice(11, 0, { x: rows[1], k: 1, dup: true });
  let r = 2;
  for (const { x, k, dup } of order) {
    let unit = NAME(x.unitKey);
    let broken = null;
    if (!dup && k === 7) { unit = ''; broken = '工作单位为空（必填）/ required unit empty'; }
    if (dup) { unit = NAME('zh_alias'); broken = `执法人员编号 ${x.id} 年度 2023 重复（与第 3 行同一人：一行按原单位，一行按新单位，名册一年一人一个单位）/ duplicate key`; }
    putRow(ws, r, [x.id, '2023年', x.name, unit, x.cert, x.old, dup ? '' : x.move]);
    if (broken) rejected.push({ line: r, why: broken });
    else {
      records.push({ id: [x.id, 2023], enums: {} });
      const w = { officer_id: x.id, year: 2023 };
      if (!checks.some((c) => c.why.startsWith(`工作单位 ${unit}:`))) checks.push({ where: w, field: 'unit_id', expected: UID(x.unitKey), why: `工作单位 ${unit}: ${N[x.unitKey][2]}` });
      if (x.old && !checks.some((c) => c.field === 'cert_no')) checks.push({ where: w, field: 'cert_no', expected: x.cert, why: `执法证号 ${x.cert}, not the 原执法证号 ${x.old}` });
    }
    r++;
  }
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'officer', workspace: ['units', 'matters'], format: 'xlsx (exceljs), one sheet 名册',
    layout: 'header row 1; 统计年度 2023年; 工作单位 under current names, aliases, prefixed names and two spellings nobody recorded; 原执法证号 beside 执法证号; 调动情况 text for the water-team officers moved to 综合执法局',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {},
    identity: ['officer_id', 'year'], records, value_checks: checks,
  });
}

// ============================================================================================
// 05 处罚案件 2019–2024 — units, matters, officers and parties under old and new names and numbers
// ============================================================================================
function file05(history, matters) {
  const file = '05_行政处罚案件汇总（2019-2024，含改革前案件）.csv';
  const spec = [
    ['案件编号', 'case_id'],
    ['执法主体', 'unit_id'],
    ['执法事项', 'matter_code', { note: 'a code (with its catalogue version in brackets, or an older catalogue\'s), or a name' }],
    ['当事人', 'party_name'],
    ['当事人证件号码', 'party_id', { note: '统一社会信用代码, or an older 组织机构代码 (xxxxxxxx-x) in old records' }],
    ['立案日期', 'filed_date'],
    ['结案日期', 'closed_date'],
    ['适用程序', 'procedure'],
    ['案件来源', 'source'],
    ['罚款金额（元）', 'fine_amount'],
    ['承办人', 'officer_ids', { note: '姓名（执法证号）, an old 证号 alone, names' }],
  ];
  const PROC = { 简易: '简易程序', 普通: '普通程序' };
  const SOURCE = { 检查: '日常检查', 投诉举报: '投诉举报', 12345: '12345', 移送: '移送' };
  const zh = matters.filter((m) => m.ownerShort === '综合执法局' && m.power === '行政处罚');
  const zy01 = matters.filter((m) => m.ownerShort === '市场监管局' && m.power === '行政处罚');
  const H = (id) => ({ id, ...history[id] });
  const wang = H('ZF0001'); // 王婷: 浙执201800001 until 2023, 浙执202400002 in 2024
  const wei = H('ZF0008'); // 魏帆莉: 浙执201800010 → 浙执202400011
  const han = H('ZF0002');
  const li = H('ZF0003');
  const zyOff = Object.entries(history).filter(([, h]) => h[2024] && /市场监督/.test(h[2024].unit) && h[2024].cert).slice(0, 3).map(([id, h]) => ({ id, ...h }));
  const cases = [
    // [year, unitKey, matter: {code|name|raw, expect}, officers text, expected ids, party kind]
    { y: 2019, u: 'cg_full', m: { raw: `${zh[0].code}（2021版）`, expect: zh[0].code, why: 'the code with its own catalogue version in brackets' }, off: `${wang.name}（${wang[2022].cert}）、${han.name}`, ids: [wang.id, han.id], org: true },
    { y: 2019, u: 'gs', m: { raw: zy01[0].code, expect: zy01[0].code, why: 'a current code' }, off: `${zyOff[0].name}、${zyOff[1].name}`, ids: [zyOff[0].id, zyOff[1].id], org: true },
    { y: 2020, u: 'zh_bracket', m: { raw: zh[1].name, expect: zh[1].code, why: 'the catalogue\'s name' }, off: `${wang[2022].cert}、${li.name}`, ids: [wang.id, li.id], org: true },
    { y: 2020, u: 'sy', m: { raw: `CF-SY-${pad(7, 4)}`, expect: null, why: 'a code of the former 食药监 catalogue: no matter of the county\'s list, not guessed' }, off: `${zyOff[1].name}、${zyOff[2].name}`, ids: [zyOff[1].id, zyOff[2].id], org: true },
    { y: 2021, u: 'zh_alias', m: { raw: zh[2].name.replace(/的行政处罚$/, '的处罚'), expect: null, why: 'the name reworded (…的处罚 for …的行政处罚): no name of the catalogue, not guessed' }, off: `${wei.name}（${wei[2022].cert}）、${han.name}（${han[2022].cert}）`, ids: [wei.id, han.id] },
    { y: 2021, u: 'cg_dadui', m: { raw: zh[3].code, expect: zh[3].code, why: 'a current code' }, off: `${li.name}、${han.name}`, ids: [li.id, han.id] },
    { y: 2022, u: 'zy01_city', m: { raw: zy01[1].code, expect: zy01[1].code, why: 'a current code' }, off: `${zyOff[0].name}、${zyOff[2].name}`, ids: [zyOff[0].id, zyOff[2].id] },
    { y: 2022, u: 'zh_bracket2', m: { raw: zh[4].code, expect: zh[4].code, why: 'a current code' }, off: `${wang.name}、张国栋（浙执201500999）`, ids: [wang.id], offWhy: '张国栋 and 浙执201500999 are in no roster: only 王婷 resolves, no second officer invented' },
    { y: 2023, u: 'zh_nocounty', m: { raw: zh[5].code, expect: zh[5].code, why: 'a current code' }, off: `${wei[2022].cert}、${li.name}`, ids: [wei.id, li.id], offWhy: `${wei[2022].cert} is 魏帆莉's certificate until 2023 (the 2022 and 2023 rosters)` },
    { y: 2023, u: 'zy01_nocounty', m: { raw: `${zy01[2].code}（2021版）`, expect: zy01[2].code, why: 'the code with its own catalogue version in brackets' }, off: `${zyOff[0].name}（${zyOff[0][2024].cert}）、${zyOff[1].name}`, ids: [zyOff[0].id, zyOff[1].id] },
    { y: 2024, u: 'zh_alias2', m: { raw: zh[6].code, expect: zh[6].code, why: 'a current code' }, off: `${wang.name}（${wang[2022].cert}）、${wei.name}（${wei[2024].cert}）`, ids: [wang.id, wei.id], offWhy: `王婷 with her old 证号 ${wang[2022].cert} (2022–2023 rosters), 魏帆莉 with her new one` },
    { y: 2024, u: 'xz01_team', m: { raw: zh[7].name, expect: zh[7].code, why: 'the catalogue\'s name' }, off: `${li.name}、${han.name}`, ids: [li.id, han.id] },
    { y: 2024, u: 'cg_short', m: { raw: zh[8].code, expect: zh[8].code, why: 'a current code' }, off: `${wang[2024].cert}、${li.name}`, ids: [wang.id, li.id] },
    { y: 2024, u: 'xz01_alias', m: { raw: `331010${pad(9, 3)}`, expect: null, why: 'a 9-digit code of an older numbering: no matter, not guessed (331010009000 is another catalogue\'s form)' }, off: `${li.name}、${han.name}`, ids: [li.id, han.id] },
    { y: 2024, u: 'zy09_full', m: { raw: zh[9].code, expect: zh[9].code, why: 'a current code' }, off: `${wang.name}、${li.name}`, ids: [wang.id, li.id] },
    { y: 2022, u: 'zy09_full', m: { raw: zh[10].code, expect: zh[10].code, why: 'a current code' }, off: `${history.ZF0189.name}（${history.ZF0189[2022].cert}）、${history.ZF0192.name}`, ids: ['ZF0189', 'ZF0192'], offWhy: 'water-team officers of 2022 (moved to 综合执法局 in 2023): the same persons' },
    { y: 2024, u: 'zh_alias', m: { raw: zh[11].code, expect: zh[11].code, why: 'a current code' }, off: `${history.ZF0189.name}、${history.ZF0193.name}`, ids: ['ZF0189', 'ZF0193'] },
    { y: 2023, u: 'xz01_zd', m: { raw: zh[12].code, expect: zh[12].code, why: 'a current code' }, off: `${li.name}、${han.name}`, ids: [li.id, han.id] },
    { y: 2024, u: 'zh_bracket', m: { raw: zh[13].code, expect: zh[13].code, why: 'a current code' }, off: `${han.name}、${li.name}`, ids: [han.id, li.id] },
    { y: 2024, u: 'zy01_full', m: { raw: zy01[3].code, expect: zy01[3].code, why: 'a current code' }, off: `${zyOff[2].name}、${zyOff[0].name}`, ids: [zyOff[2].id, zyOff[0].id] },
  ];
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const order = cases.map((c, k) => ({ c, k }));
  order.splice(6, 0, { broken: 'nokey' });
  order.splice(15, 0, { broken: 'date' });
  const seq = {};
  for (const { c, k, broken } of order) {
    const line = lines.length + 1;
    if (broken === 'nokey') {
      lines.push(['', NAME('cg_full'), zh[14].code, PERSONS[1], '', '2019-08-12', '2019-09-02', '简易程序', '日常检查', '200', han.name].map(csvq).join(','));
      rejected.push({ line, why: '案件编号为空 / no case id: no key' });
      continue;
    }
    if (broken === 'date') {
      lines.push(['嵊综执罚〔2023〕77号', NAME('zh_alias'), zh[15].code, PERSONS[2], '', '2023-02-29', '2023-03-20', '普通程序', '投诉举报', '1000', li.name].map(csvq).join(','));
      rejected.push({ line, why: '立案日期 2023-02-29 不存在（2023 年不是闰年）/ impossible required date' });
      continue;
    }
    const prefix = c.y <= 2019 && /城市管理|城管|大队/.test(NAME(c.u)) ? '嵊城管罚' : UID(c.u) === 'ZY01' || /工商|食品/.test(NAME(c.u)) ? (c.y <= 2019 ? '嵊工商处字' : '嵊市监罚') : '嵊综执罚';
    seq[`${prefix}${c.y}`] = (seq[`${prefix}${c.y}`] ?? 0) + 1;
    const id = `${prefix}〔${c.y}〕${seq[`${prefix}${c.y}`] + 10 * (k % 3)}号`;
    const filed = randDate(2, 10, c.y);
    const closed = addDays(filed, int(5, 45));
    const proc = k % 5 === 2 ? '简易' : '普通';
    const fine = proc === '简易' ? pick([50, 100, 200]) : pick([1000, 2000, 5000, 8000]);
    const src = pick(Object.keys(SOURCE));
    const biz = BUSINESSES[(k * 3) % 10];
    const orgCode = `${biz.code.slice(8, 16)}-${biz.code[16]}`;
    const partyId = k % 2 === 0 ? (c.org ? orgCode : biz.code) : '';
    const party = k % 2 === 0 ? biz.name : PERSONS[k % PERSONS.length];
    lines.push([id, NAME(c.u), c.m.raw, party, partyId, isoD(filed), isoD(closed), PROC[proc], SOURCE[src], String(fine), c.off].map(csvq).join(','));
    records.push({ id: [id], enums: { procedure: PROC[proc], source: SOURCE[src] } });
    const w = { case_id: id };
    checks.push({ where: w, field: 'unit_id', expected: UID(c.u), why: `执法主体 ${NAME(c.u)}: ${N[c.u][2]}` });
    if (c.m.expect === null || c.m.raw.includes('（') || /[^\d]/.test(c.m.raw) || k < 2) checks.push({ where: w, field: 'matter_code', expected: c.m.expect, why: `执法事项 ${c.m.raw}: ${c.m.why}` });
    if (c.offWhy || k < 3 || k === 4) checks.push({ where: w, field: 'officer_ids', expected: [...c.ids].sort(), why: `承办人 ${c.off}${c.offWhy ? `: ${c.offWhy}` : ''}` });
    if (partyId && (k === 0 || k === 4 || k === 10)) checks.push({ where: w, field: 'party_id', expected: partyId, why: c.org ? `an older 组织机构代码 kept as written (the 统一社会信用代码 cannot be made from it without the other digits; not guessed)` : '统一社会信用代码' });
  }
  writeFileSync(join(DIR, file), lines.join('\n') + '\n');
  finish({
    file, table: 'penalty_case', workspace: ['units', 'matters', 'officers'], format: 'csv, UTF-8 without BOM, LF',
    layout: 'header line 1; cases of 2019–2024 under the unit names of their time; 执法事项 a code, a code with （2021版）, an older code, a name or a reworded name; 承办人 names, 姓名（证号）, old 证号 alone; 当事人证件号码 a USCC or an old 组织机构代码',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { procedure: invert(PROC), source: invert(SOURCE) },
    identity: ['case_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 06 行政检查 — joint visits whose lead and partner units are written under old and new names
// ============================================================================================
async function file06(history) {
  const file = '06_综合查一次检查记录（2021-2024）.xlsx';
  const spec = [
    ['检查编号', 'inspection_id'],
    ['检查日期', 'date'],
    ['牵头单位', 'lead_unit_id'],
    ['参与单位', 'unit_ids', { note: 'names separated by 、, old and new' }],
    ['检查对象', 'subject_name'],
    ['检查对象代码', 'subject_id'],
    ['检查类型', 'inspection_type'],
    ['检查人员', 'officer_ids'],
    ['检查结果', 'result'],
  ];
  const TYPE = { 综合查一次: '综合查一次', 双随机: '双随机抽查', 日常巡查: '日常巡查', 专项: '专项检查' };
  const RESULT = { 无问题: '未发现问题', 责令整改: '责令整改', 立案: '立案查处' };
  const off = ['ZF0001', 'ZF0003', 'ZF0002', 'ZF0008'].map((id) => ({ id, ...history[id] }));
  const zyOff = Object.entries(history).filter(([, h]) => h[2024] && /市场监督/.test(h[2024].unit) && h[2024].cert).slice(0, 2).map(([id, h]) => ({ id, ...h }));
  const visits = [
    // [lead key, partner keys, expected unit_ids]
    ['zh_bracket', ['zh_bracket', 'zy01_full'], ['ZH01', 'ZY01']],
    ['cg_full', ['cg_full', 'gs'], null],
    ['zh_alias', ['zh_alias', 'xz01_alias', 'zy08_alias'], ['ZH01', 'XZ01', 'ZY08']],
    ['zy01_nocounty', ['zy01_nocounty', 'sy'], ['ZY01']],
    ['xz01_team_county', ['xz01_team_county', 'zh_alias2'], ['XZ01', 'ZH01']],
    ['xz02_area', ['xz02_area', 'hy_alias'], ['XZ02', 'HY01']],
    ['xz02_zd', ['xz02_zd', 'zh_alias'], ['ZH01']],
    ['hy_alias', ['hy_alias', 'hyyy'], ['HY01']],
    ['zy04_city', ['zy04_city', 'zh_nocounty'], ['ZY04', 'ZH01']],
    ['cg_dadui', ['cg_dadui', 'hy_alias'], ['HY01']],
    ['zy08_full', ['zy08_full', 'wj'], ['ZY08']],
    ['xz03_team', ['xz03_team', 'zy01_city'], ['XZ03', 'ZY01']],
    ['xz06_alias', ['xz06_alias', 'xz02_area'], ['XZ06', 'XZ02']],
    ['zh_bracket2', ['zh_bracket2', 'zy02_alias', 'hb'], ['ZH01', 'ZY02']],
    ['xz04_alias', ['xz04_alias', 'zh_alias'], ['XZ04', 'ZH01']],
    ['zy06_alias', ['zy06_alias', 'zh_alias2'], ['ZY06', 'ZH01']],
    ['zy01_full', ['zy01_full', 'zh_bracket'], ['ZY01', 'ZH01']],
    ['cg_short', ['cg_short', 'zy01_full'], ['ZY01']],
    ['xz01_full', ['xz01_full', 'zh_alias'], ['XZ01', 'ZH01']],
    ['zh_alias', ['zh_alias', 'zy09_full'], ['ZH01', 'ZY09']],
  ];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('检查记录');
  putRow(ws, 1, spec.map((s) => s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const order = visits.map((v, k) => ({ v, k }));
  order.splice(8, 0, { broken: 'nokey' });
  order.splice(17, 0, { dupOf: 3 });
  let r = 2;
  const written = [];
  for (const { v, k, broken, dupOf } of order) {
    if (broken) {
      putRow(ws, r, ['', dateCell([2022, 6, 9]), NAME('cg_full'), `${NAME('cg_full')}、${NAME('gs')}`, BUSINESSES[3].name, BUSINESSES[3].code, TYPE['综合查一次'], `${off[0].name}、${off[1].name}`, RESULT['无问题']]);
      rejected.push({ line: r, why: '检查编号为空 / no inspection id: no key' });
      r++;
      continue;
    }
    if (dupOf !== undefined) {
      putRow(ws, r, written[dupOf]);
      rejected.push({ line: r, why: `检查编号 ${written[dupOf][0]} 重复（与第 5 行完全相同，两次导出拼接）/ duplicate key` });
      r++;
      continue;
    }
    const [lead, partners, expIds] = v;
    const y = k < 5 ? 2021 : k < 10 ? 2022 : k < 15 ? 2023 : 2024;
    const d = randDate(3, 11, y);
    const id = `JC${y}${pad(k + 1, 4)}`;
    const biz = BUSINESSES[k % BUSINESSES.length];
    const type = k % 3 === 0 ? '综合查一次' : pick(['双随机', '日常巡查', '专项']);
    const res = pick(Object.keys(RESULT));
    const o = UID(lead) === 'ZY01' ? zyOff : off.slice(k % 2, k % 2 + 2);
    const cells = [id, dateCell(d), NAME(lead), partners.map(NAME).join('、'), biz.name, biz.code, TYPE[type], o.map((x) => x.name).join('、'), RESULT[res]];
    putRow(ws, r, cells);
    written.push(cells);
    records.push({ id: [id], enums: { inspection_type: TYPE[type], result: RESULT[res] } });
    const w = { inspection_id: id };
    checks.push({ where: w, field: 'lead_unit_id', expected: UID(lead), why: `牵头单位 ${NAME(lead)}: ${N[lead][2]}` });
    if (expIds) checks.push({ where: w, field: 'unit_ids', expected: [...expIds].sort(), why: `参与单位 ${partners.map(NAME).join('、')}: ${partners.filter((p) => !UID(p)).map((p) => `${NAME(p)} unresolved (${N[p][2]})`).join('; ') || 'every name resolves'}` });
    r++;
  }
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'inspection', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet 检查记录',
    layout: 'header row 1; 检查日期 date cells; 牵头单位 and 参与单位 (、) under old and new names; 检查人员 names',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { inspection_type: invert(TYPE), result: invert(RESULT) },
    identity: ['inspection_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 07 投诉举报 — 12345 tickets of 2019–2024 routed to bodies under the names of their time (GBK CSV)
// ============================================================================================
function file07() {
  const file = '07_12345工单承办单位明细（2019-2024）.csv';
  const spec = [
    ['工单编号', 'complaint_id'],
    ['受理日期', 'received_date'],
    ['来源渠道', 'channel'],
    ['承办单位', 'unit_id'],
    ['所属乡镇', 'township'],
    ['办结日期', 'closed_date'],
    ['满意度', 'satisfaction'],
  ];
  const CHANNEL = { 12345: '12345热线', 投诉举报平台: '投诉举报平台', 基层治理四平台: '基层治理四平台' };
  const SAT = { 满意: '满意', 基本满意: '基本满意', 不满意: '不满意', 未评价: '未评价' };
  const keys = ['sy', 'xz01_team', 'zy01_city', 'hb', 'xz04_alias', 'cg_full', 'zh_bracket', 'wj', 'zy08_alias', 'xz02_zd', 'xz02_area', 'gs', 'zy02_alias', 'xz01_nocounty', 'cg_short', 'zh_alias', 'hyyy', 'hy_alias'];
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const order = keys.map((u, k) => ({ u, k }));
  order.splice(5, 0, { broken: 'nokey' });
  order.splice(14, 0, { broken: 'date' });
  for (const { u, k, broken } of order) {
    const line = lines.length + 1;
    if (broken === 'nokey') {
      lines.push(['', '2020-05-06', '12345热线', NAME('cg_full'), '菜园镇', '2020-05-20', '满意'].map(csvq).join(','));
      rejected.push({ line, why: '工单编号为空 / no ticket id: no key' });
      continue;
    }
    if (broken === 'date') {
      lines.push(['GD202104310001', '2021-04-31', '12345热线', NAME('zy01_full'), '', '2021-05-10', '满意'].map(csvq).join(','));
      rejected.push({ line, why: '受理日期 2021-04-31 不存在 / impossible required date' });
      continue;
    }
    const y = 2019 + Math.floor((k * 6) / keys.length);
    const d = randDate(1, 11, y);
    const id = `GD${y}${pad(d[1])}${pad(d[2])}${pad(k + 1, 4)}`;
    const ch = pick(Object.keys(CHANNEL));
    const sat = pick(Object.keys(SAT));
    const uid = UID(u);
    const town = uid && TOWN_OF[uid] ? TOWN_OF[uid] : /菜园|嵊山|五龙/.test(NAME(u)) ? NAME(u).match(/菜园镇|嵊山镇|五龙乡|菜园|嵊山|五龙/)[0].replace(/^(菜园|嵊山)$/, '$1镇').replace(/^五龙$/, '五龙乡') : '';
    lines.push([id, isoD(d), CHANNEL[ch], NAME(u), town, isoD(addDays(d, int(2, 12))), SAT[sat]].map(csvq).join(','));
    records.push({ id: [id], enums: { channel: CHANNEL[ch], satisfaction: SAT[sat] } });
    checks.push({ where: { complaint_id: id }, field: 'unit_id', expected: uid, why: `承办单位 ${NAME(u)}: ${N[u][2]}` });
  }
  writeFileSync(join(DIR, file), iconv.encode(lines.join('\r\n') + '\r\n', 'gbk'));
  finish({
    file, table: 'complaint', workspace: ['units', 'matters', 'officers'], format: 'csv, GBK, CRLF',
    layout: 'header line 1; 承办单位 under the names of each ticket\'s year (食药监局, 环保局, 卫计局, 城管执法局, 工商局, 海洋与渔业局 beside current names and aliases)',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { channel: invert(CHANNEL), satisfaction: invert(SAT) },
    identity: ['complaint_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 08 复议诉讼 — respondents named as the decisions of their time name them
// ============================================================================================
async function file08() {
  const file = '08_行政复议诉讼案件（2018-2024，被申请人按原名称）.xlsx';
  const spec = [
    ['案号', 'id'],
    ['原案件编号', 'case_id'],
    ['被申请人（被告）', 'unit_id'],
    ['类别', 'kind'],
    ['收案日期', 'filed_date'],
    ['结案日期', 'decided_date'],
    ['结果', 'outcome'],
    ['现承继机关', null, { note: 'the body that now answers for the act (a text the clerk added): no field' }],
  ];
  const KIND = { 复议: '行政复议', 诉讼: '行政诉讼' };
  const OUT = { 维持: '维持', 驳回: '驳回', 撤销: '撤销', 确认违法: '确认违法' };
  const items = [
    ['cg_full', 2018, '嵊泗县综合行政执法局'], ['hyyy', 2018, '嵊泗县海洋综合行政执法队'], ['gs', 2018, '嵊泗县市场监督管理局'],
    ['zh_bracket2', 2019, ''], ['sy', 2019, '嵊泗县市场监督管理局'], ['hb', 2019, '舟山市生态环境局嵊泗分局'],
    ['zh_alias2', 2020, ''], ['zy01_full', 2021, ''], ['zy09_full', 2022, '嵊泗县综合行政执法局'],
    ['cg_dadui', 2020, '嵊泗县综合行政执法局'], ['xz03_team', 2023, ''], ['zy04_city', 2024, ''], ['xz01_full', 2024, ''], ['wj', 2018, '嵊泗县卫生健康局'],
  ];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('复议诉讼');
  ws.mergeCells(1, 1, 1, spec.length);
  ws.getCell(1, 1).value = '嵊泗县行政复议、行政诉讼案件登记（被申请人、被告按决定作出时的机关名称填写）';
  putRow(ws, 2, spec.map((s) => s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const order = items.map((x, k) => ({ x, k }));
  order.splice(4, 0, { broken: 'kind' });
  order.splice(11, 0, { broken: 'nokey' });
  let r = 3;
  for (const { x, k, broken } of order) {
    if (broken === 'kind') {
      putRow(ws, r, ['嵊政复〔2019〕9号', '', NAME('cg_full'), '', dateCell([2019, 4, 2]), dateCell([2019, 6, 1]), '维持', '嵊泗县综合行政执法局']);
      rejected.push({ line: r, why: '类别为空（必填）/ required kind empty' });
      r++;
      continue;
    }
    if (broken === 'nokey') {
      putRow(ws, r, ['', '', NAME('gs'), KIND['诉讼'], dateCell([2018, 9, 3]), '', '', '嵊泗县市场监督管理局']);
      rejected.push({ line: r, why: '案号为空 / no id: no key' });
      r++;
      continue;
    }
    const [u, y, heir] = x;
    const kind = k % 3 === 1 ? '诉讼' : '复议';
    const id = kind === '复议' ? `嵊政复〔${y}〕${k + 1}号` : `（${y}）浙0922行初${k + 20}号`;
    const filed = randDate(1, 8, y);
    const out = pick(Object.keys(OUT));
    putRow(ws, r, [id, '', NAME(u), KIND[kind], dateCell(filed), dateCell(addDays(filed, int(30, 90))), OUT[out], heir]);
    records.push({ id: [id], enums: { kind: KIND[kind], outcome: OUT[out] } });
    checks.push({ where: { id }, field: 'unit_id', expected: UID(u), why: `被申请人 ${NAME(u)}: ${N[u][2]}${heir && !UID(u) ? ` — 现承继机关 ${heir} is a remark in another column, not the respondent named` : ''}` });
    r++;
  }
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'review_litigation', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet 复议诉讼',
    layout: 'row 1 the merged title, header row 2; 被申请人（被告） as named in the decision (former bodies of 2018–2019 among them); 现承继机关 the body answering now (a remark)',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [{ line: 1, why: 'title' }],
    enums: { kind: invert(KIND), outcome: invert(OUT) },
    identity: ['id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 09 监督发现问题 — a 案卷评查 of old files: units under the names the case files bear
// ============================================================================================
async function file09() {
  const file = '09_案卷评查及执法监督问题清单（2019-2024）.xlsx';
  const spec = [
    ['问题编号', 'finding_id'],
    ['问题来源', 'source'],
    ['被监督单位', 'unit_id'],
    ['发现日期', 'found_date'],
    ['整改期限', 'due_date'],
    ['问题等级', 'severity'],
    ['问题描述', 'description'],
  ];
  const SRC = { 案卷评查: '案卷评查', 执法监督: '执法监督', 检察建议: '检察建议' };
  const SEV = { 一般: '一般', 较重: '较重', 严重: '严重' };
  const keys = ['zy08_alias', 'wj', 'xz06_alias', 'cg_dadui', 'hy_alias', 'zh_bracket', 'cg_short', 'zy01_nocounty', 'sy', 'xz02_zd', 'xz01_team_county', 'zy02_alias', 'hyyy', 'zy06_alias'];
  const DESC = ['处罚决定书引用的法律条款已废止', '案卷缺少现场检查笔录', '执法人员执法证过期仍参与办案', '送达回证无当事人签名', '罚款未按裁量基准说明理由', '案卷装订不规范、目录缺失'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('问题清单');
  putRow(ws, 1, spec.map((s) => s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const order = keys.map((u, k) => ({ u, k }));
  order.splice(3, 0, { broken: 'date' });
  order.splice(12, 0, { broken: 'unit' });
  let r = 2;
  for (const { u, k, broken } of order) {
    if (broken === 'date') {
      putRow(ws, r, ['JD2022-031', '执法监督', NAME('zh_alias'), '2022年6月31日', '2022年7月31日', '一般', DESC[0]]);
      rejected.push({ line: r, why: '发现日期 2022年6月31日 不存在 / impossible required date' });
      r++;
      continue;
    }
    if (broken === 'unit') {
      putRow(ws, r, ['JD2023-044', '案卷评查', '', '2023年9月5日', '2023年10月5日', '较重', DESC[1]]);
      rejected.push({ line: r, why: '被监督单位为空（必填）/ required unit empty' });
      r++;
      continue;
    }
    const y = 2019 + Math.floor((k * 6) / keys.length);
    const d = randDate(2, 10, y);
    const id = `JD${y}-${pad(k + 1, 3)}`;
    const src = pick(Object.keys(SRC));
    const sev = pick(Object.keys(SEV));
    putRow(ws, r, [id, SRC[src], NAME(u), `${d[0]}年${d[1]}月${d[2]}日`, `${addDays(d, 30)[0]}年${addDays(d, 30)[1]}月${addDays(d, 30)[2]}日`, SEV[sev], DESC[k % DESC.length]]);
    records.push({ id: [id], enums: { source: SRC[src], severity: SEV[sev] } });
    checks.push({ where: { finding_id: id }, field: 'unit_id', expected: UID(u), why: `被监督单位 ${NAME(u)}: ${N[u][2]}` });
    r++;
  }
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'supervision_finding', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet 问题清单',
    layout: 'header row 1; 被监督单位 under the name each case file bears (卫计局, 综合行政执法大队, 城管执法局, 食药监局, 海洋与渔业局 beside aliases); dates 2019年3月5日',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { source: invert(SRC), severity: invert(SEV) },
    identity: ['finding_id'], records, value_checks: checks,
  });
}

// ---------------------------------------------------------------- run
// every officer's unit and certificate number per roster year (2022–2024), from samples/shengsi
async function readHistory() {
  const ExcelJS = (await import('exceljs')).default;
  const out = {};
  for (const y of [2022, 2023, 2024]) {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(DIR, '..', 'shengsi', `执法人员花名册_${y}年.xlsx`));
    wb.worksheets[0].eachRow((row, i) => {
      if (i < 3) return;
      const v = row.values.slice(1);
      (out[v[0]] ??= { name: v[2] })[y] = { unit: v[5], cert: v[11] ?? null };
    });
  }
  return out;
}
const roster = await readRoster();
const matters = await readMatters();
const history = await readHistory();
await file01();
file02(matters);
await file03(roster);
await file04(roster, history);
file05(history, matters);
await file06(history);
file07();
await file08();
await file09();
writeFileSync(join(DIR, '_answer.json'), JSON.stringify(answer, null, 2) + '\n');
console.log(answer.files.map((f) => `${f.file}: ${f.rows_loaded} loaded, ${f.rejected.length} broken, ${f.footer_lines.length} no record, ${f.value_checks.length} checks`).join('\n'));

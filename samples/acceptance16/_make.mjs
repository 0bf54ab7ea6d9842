// Writes the sixteenth acceptance set (samples/acceptance16) and its answer key _answer.json.
// Run: node samples/acceptance16/_make.mjs
//
// Theme: ledgers that passed through phones, chat apps and OCR — what reaches the evaluator after
// township clerks handled the files on their phones (see README.md for what each layout follows):
// an Apple Numbers export to .xlsx (its 导出摘要 sheet first); an Excel-for-Mac "逗号分隔值" CSV
// (Mac Chinese Simplified = GB2312 bytes, CR-only line ends) forwarded with "(1)" in its name; a
// WeChat 群接龙 pasted into Excel and split on spaces; a paper ledger photographed twice and turned
// into a table by WPS 图片转表格 (letter O for 0, l for 1, 〇, stray spaces, the overlap row and the
// header twice); a real .xlsx forwarded as "…(1).xls"; a tab-separated text named ".csv"; a printed
// register read by 微信 提取表格文字 with a column split in two at a fold; chat replies pasted one
// message a cell ("问题编号：…⏎被监督单位：…"); a WPS Office mobile re-save with pictures in cells
// (=DISPIMG("ID_…",1)) in the evidence column.
// The answer key is declared here by hand and never computed by the importer under test.
// Deterministic: the same rows every run, byte-identical files.
import { writeFileSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { acceptanceKit } from '../acceptance-kit.mjs';

const DIR = dirname(fileURLToPath(import.meta.url));
const STAMP = Date.UTC(2025, 0, 15, 2, 20);
const { pick, int, pad, randDate, isoD, addDays, UNITS, TOWN_OF, readRoster, readMatters, BUSINESSES, answer, columnsOf, newWorkbook, saveWorkbook, dateCell, fullWidth } =
  acceptanceKit({ set: 'acceptance16', dir: DIR, seed: 20250115, stamp: STAMP });

const csvq = (v) => {
  const s = v === null || v === undefined ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
};
const invert = (o) => Object.fromEntries(Object.entries(o).map(([k, v]) => [v, k]));
const dots = ([y, m, d]) => `${y}.${m}.${d}`;
const zh = ([y, m, d]) => `${y}年${m}月${d}日`;
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
// 01 执法单位 — Apple Numbers “导出到 Excel”: the 导出摘要 sheet first, the table on “工作表 1 - 表格 1”
// ============================================================================================
async function file01() {
  const file = '01_执法单位名录（Numbers导出Excel）.xlsx';
  const spec = [
    ['单位编码', 'unit_id'],
    ['单位名称', 'name'],
    ['简称', 'short_name'],
    ['队伍类型', 'unit_type', { note: 'pop-up menu: 综合执法/专业执法/海洋执法/乡镇执法' }],
    ['层级', 'level'],
    ['所在乡镇', 'township'],
    ['执法模式', 'mode'],
    ['成立日期', 'established_date', { note: 'date cells, format yyyy年m月d日' }],
    ['已核对', null, { note: 'a Numbers check box (TRUE/FALSE): the clerk\'s own tick, no field' }],
  ];
  const TYPE = { 综合: '综合执法', 专业: '专业执法', 海洋: '海洋执法', 乡镇: '乡镇执法' };
  const LEVEL = { 县: '县', 乡镇: '乡镇' };
  const MODE = { 县级: '县级', 派驻: '派驻', 赋权: '赋权', 片区兼管: '片区兼管' };
  const MODE_OF = { XZ01: '赋权', XZ02: '赋权', XZ03: '赋权', XZ04: '派驻', XZ05: '派驻', XZ06: '片区兼管', XZ07: '片区兼管' };
  const EST = (id) => (id.startsWith('XZ') ? [2021, 7, 1] : id === 'ZH01' ? [2019, 3, 15] : id === 'HY01' ? [2019, 9, 1] : [2019, 2, 26]);
  const typeOf = (id) => (id === 'ZH01' ? '综合' : id === 'HY01' ? '海洋' : id.startsWith('XZ') ? '乡镇' : '专业');
  const wb = newWorkbook();
  wb.creator = '';
  wb.lastModifiedBy = '';
  const sum = wb.addWorksheet('导出摘要');
  sum.getCell('A1').value = '导出摘要';
  sum.getCell('A3').value = '此文稿已从 Numbers 导出。每个表格都已转换为 Excel 工作表。每个 Numbers 工作表上的所有其他对象都已放在单独的工作表上。请注意，公式计算在 Excel 中可能有所不同。';
  putRow(sum, 5, ['Numbers 工作表名称', 'Numbers 表格名称', 'Excel 工作表名称']);
  putRow(sum, 6, ['工作表 1', '表格 1', '工作表 1 - 表格 1']);
  const ws = wb.addWorksheet('工作表 1 - 表格 1');
  putRow(ws, 1, spec.map((s) => s[0]));
  ws.getRow(1).font = { name: 'Helvetica Neue', bold: true };
  const order = Object.keys(UNITS);
  order.splice(5, 0, 'NEW');
  order.splice(12, 0, 'DUP');
  const rejected = [];
  const records = [];
  const checks = [];
  order.forEach((key, i) => {
    const r = i + 2;
    if (key === 'NEW') {
      putRow(ws, r, ['', '嵊泗县马鞍列岛综合执法站', '马鞍执法站', TYPE['乡镇'], LEVEL['乡镇'], '嵊山镇', '片区兼管', dateCell([2024, 6, 1], 'yyyy"年"m"月"d"日"'), false]);
      rejected.push({ line: r, why: '单位编码为空 / no unit id: no key' });
      return;
    }
    if (key === 'DUP') {
      putRow(ws, r, ['ZY02', '舟山市生态环境局嵊泗分局', '生态环境分局', TYPE['专业'], LEVEL['县'], '', '县级', dateCell([2019, 2, 26], 'yyyy"年"m"月"d"日"'), true]);
      rejected.push({ line: r, why: '单位编码 ZY02 重复（同一单位录了两遍）/ duplicate key' });
      return;
    }
    const id = key;
    const t = typeOf(id);
    const level = t === '乡镇' ? '乡镇' : '县';
    const mode = MODE_OF[id] ?? '县级';
    const name = id === 'XZ06' ? '' : UNITS[id][0];
    putRow(ws, r, [id, name, UNITS[id][1], TYPE[t], LEVEL[level], TOWN_OF[id] ?? '', mode, dateCell(EST(id), 'yyyy"年"m"月"d"日"'), i % 3 !== 0]);
    if (id === 'XZ06') { rejected.push({ line: r, why: '单位名称为空（必填）/ required name empty' }); return; }
    records.push({ id: [id], enums: { unit_type: TYPE[t], level: LEVEL[level], mode } });
    const w = { unit_id: id };
    if (id === 'ZH01') checks.push({ where: w, field: 'established_date', expected: '2019-03-15', why: 'date cell 2019年3月15日' });
    if (id === 'XZ03') checks.push({ where: w, field: 'township', expected: '洋山镇', why: '所在乡镇' });
    if (id === 'ZY07') checks.push({ where: w, field: 'short_name', expected: '应急管理局', why: '简称' });
  });
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'unit', workspace: [], format: 'xlsx as Apple Numbers exports it: sheet 1 导出摘要 (the export summary, no data), sheet 2 工作表 1 - 表格 1',
    layout: 'summary sheet first (title, the sentence Numbers writes, a small 3-column list of sheet/table names); the table on sheet 2 from A1, header row 1; 成立日期 date cells; 已核对 TRUE/FALSE check boxes',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { unit_type: invert(TYPE), level: invert(LEVEL), mode: invert(MODE) },
    identity: ['unit_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 02 执法事项 — Excel for Mac “逗号分隔值 (.csv)”: Mac Chinese Simplified (GB2312) bytes, CR line ends
// ============================================================================================
function file02(matters) {
  const file = '02_执法事项目录（Mac版Excel另存为CSV）(1).csv';
  const spec = [
    ['事项编码', 'matter_code'],
    ['事项名称', 'name'],
    ['所属领域', 'domain'],
    ['权力类型', 'power_type'],
    ['实施队伍类型', 'owner_type'],
    ['实施主体', 'owner_unit_id', { note: 'short name' }],
    ['是否划转', 'transferred'],
    ['是否高频', 'high_frequency'],
    ['罚款下限（元）', 'fine_min'],
    ['罚款上限（元）', 'fine_max'],
    ['生效日期', 'effective_date', { note: 'as Excel for Mac shows a date: 2021/7/1' }],
  ];
  const POWER = { 处罚: '行政处罚', 强制: '行政强制', 检查: '行政检查' };
  const OWNER = { 综合: '综合', 专业: '专业', 海洋: '海洋', 乡镇: '乡镇' };
  // only matters whose every character GB2312 holds (a Mac Chinese Simplified file cannot hold others)
  const gb2312 = (s) => {
    const b = iconv.encode(s, 'gbk');
    for (let i = 0; i < b.length; i++) {
      if (b[i] < 0x80) continue;
      if (b[i] < 0xa1 || b[i] > 0xf7 || b[i + 1] < 0xa1 || b[i + 1] > 0xfe) return false;
      i++;
    }
    return iconv.decode(b, 'gbk') === s;
  };
  const pickM = matters.filter((m, i) => i % 29 === 11 && gb2312(`${m.name}${m.domain}${m.ownerShort}`)).slice(0, 22);
  const lines = [spec.map((s) => s[0]).join(',')];
  const rejected = [];
  const records = [];
  const checks = [];
  const order = pickM.map((m, k) => ({ m, k }));
  order.splice(17, 0, { m: pickM[4], k: 4, dup: true });
  order.forEach(({ m, k, dup }) => {
    const line = lines.length + 1;
    let code = m.code;
    let name = m.name;
    let broken = null;
    if (!dup && k === 8) { code = ''; broken = '事项编码为空 / no matter code: no key'; }
    if (!dup && k === 13) { name = ''; broken = '事项名称为空（必填）/ required name empty'; }
    if (dup) broken = `事项编码 ${code} 重复（与第 6 行相同）/ duplicate key`;
    const eff = m.eff.split('-').map(Number);
    const power = POWER[m.power.replace('行政', '')];
    lines.push([code, name, m.domain, power, OWNER[m.owner], m.ownerShort, m.transferred, m.hf, m.min ?? '', m.max ?? '', `${eff[0]}/${eff[1]}/${eff[2]}`].map(csvq).join(','));
    if (broken) { rejected.push({ line, why: broken }); return; }
    records.push({ id: [code], enums: { power_type: power, owner_type: OWNER[m.owner] } });
    const w = { matter_code: code };
    const owner = Object.entries(UNITS).find(([, u]) => u[1] === m.ownerShort);
    if (owner && !checks.some((c) => c.field === 'owner_unit_id')) checks.push({ where: w, field: 'owner_unit_id', expected: owner[0], why: m.ownerShort });
    if (k === 1) checks.push({ where: w, field: 'effective_date', expected: m.eff, why: `${eff[0]}/${eff[1]}/${eff[2]}` });
    if (m.max != null && m.max >= 1000 && !checks.some((c) => c.field === 'fine_max')) checks.push({ where: w, field: 'fine_max', expected: m.max, why: '罚款上限（元）' });
    if (k === 2) checks.push({ where: w, field: 'name', expected: m.name, why: 'GB2312 bytes read as Chinese' });
  });
  // Excel for Mac ends every line with CR alone (classic Mac OS), the last one too
  writeFileSync(join(DIR, file), iconv.encode(lines.join('\r') + '\r', 'gbk'));
  finish({
    file, table: 'matter', workspace: ['units'], format: 'csv, Mac Chinese Simplified (GB2312 bytes, read as GBK), no BOM, CR-only line ends',
    layout: 'header line 1; one matter a line; 是否划转/是否高频 是/否; fines as plain numbers; 生效日期 yyyy/M/d; every line ends in CR alone',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { power_type: invert(POWER), owner_type: invert(OWNER) },
    identity: ['matter_code'], records, value_checks: checks,
  });
}

// ============================================================================================
// 03 执法人员 — a WeChat 群接龙 copied into Excel and split on spaces (数据 → 分列)
// ============================================================================================
async function file03(roster) {
  const file = '03_2025年执法人员信息接龙（微信群接龙粘贴分列）.xlsx';
  const spec = [
    ['例', null, { note: 'the 接龙 numbers 1. 2. 3. …; the header cell is the 例 of the example line' }],
    ['人员编号', 'officer_id'],
    ['姓名', 'name'],
    ['所属单位', 'unit_id', { note: 'short name' }],
    ['年度', 'year'],
    ['岗位类别', 'role'],
    ['执法证号', 'cert_no'],
    ['执法证有效期至', 'cert_valid_to', { note: 'typed on a phone: 2029.12.31' }],
    ['联系电话', 'phone'],
  ];
  const ROLE = { 执法: '执法', 法制审核: '法制审核', 管理: '管理', 其他: '其他' };
  const officers = roster.filter((o, i) => o.cert && o.to && i % 11 === 3).slice(0, 23);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell('A1').value = '#接龙';
  ws.getCell('A2').value = '2025年度执法人员信息报送，各单位内勤按例子格式接龙，空格隔开，没有的写无';
  putRow(ws, 3, spec.map((s) => s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const order = officers.map((o, k) => ({ o, k }));
  order.splice(15, 0, { o: officers[5], k: 5, dup: true });
  let r = 4;
  order.forEach(({ o, k, dup }, i) => {
    let id = o.id;
    let unit = UNITS[o.unit][1];
    let broken = null;
    if (!dup && k === 9) { id = '无'; broken = '人员编号写“无”（占位，没有编号）/ no officer id: no key'; }
    if (!dup && k === 19) { unit = '无'; broken = '所属单位写“无”（必填）/ required unit empty'; }
    if (dup) broken = `人员编号 ${id} 年度 2025 重复（同一人接龙两次，与第 ${4 + 5} 行相同）/ duplicate key`;
    const to = [o.to.getUTCFullYear(), o.to.getUTCMonth() + 1, o.to.getUTCDate()];
    putRow(ws, r, [`${i + 1}.`, id, o.name, unit, '2025', ROLE[o.role], o.cert, dots(to), o.phone]);
    if (broken) rejected.push({ line: r, why: broken });
    else {
      records.push({ id: [id, 2025], enums: { role: ROLE[o.role] } });
      const w = { officer_id: id, year: 2025 };
      if (k === 0) checks.push({ where: w, field: 'unit_id', expected: o.unit, why: unit });
      if (k === 1) checks.push({ where: w, field: 'cert_valid_to', expected: isoD(to), why: dots(to) });
      if (k === 2) checks.push({ where: w, field: 'cert_no', expected: o.cert, why: '执法证号' });
    }
    r++;
  });
  ws.getCell(r, 1).value = '（接龙到此截止，未接的单位请私聊我）';
  const footer = r;
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'officer', workspace: ['units', 'matters'], format: 'xlsx (exceljs), one sheet Sheet1, every cell text',
    layout: 'A1 #接龙, A2 the organiser\'s instruction, row 3 the example line split into cells (例 | 人员编号 | 姓名 | …) = the header; rows 4… one 接龙 line each, A the 接龙 number (1. 2. …); the organiser\'s closing note in A under the list',
    header_rows: [3], first_data_row: 4, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: footer, why: 'the organiser\'s closing note under the 接龙' }],
    enums: { role: invert(ROLE) },
    identity: ['officer_id', 'year'], records, value_checks: checks,
  });
}

// ============================================================================================
// 04 处罚案件 — a paper ledger photographed twice, WPS 图片转表格: OCR confusions, overlap row, header twice
// ============================================================================================
async function file04() {
  const file = '04_菜园镇行政处罚案件登记台账（手机拍照_WPS图片转表格）.xlsx';
  const spec = [
    ['序号', null],
    ['案件编号', 'case_id'],
    ['执法主体', 'unit_id', { note: 'full name' }],
    ['立案日期', 'filed_date', { note: 'OCR text: 2O24-03-15, 2024 -04-0 2, 2024年8月l2日 …' }],
    ['当事人', 'party_name'],
    ['案件来源', 'source'],
    ['适用程序', 'procedure'],
    ['罚款金额（元）', 'fine_amount', { note: 'OCR text: 5OOO, l000' }],
    ['结案日期', 'closed_date'],
  ];
  const SOURCE = { 检查: '日常检查', 投诉举报: '群众举报', 12345: '12345转办', 移送: '部门移送' };
  const PROC = { 简易: '简易程序', 普通: '一般程序' };
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.mergeCells(1, 1, 1, spec.length);
  ws.getCell(1, 1).value = '嵊泗县菜园镇人民政府行政处罚案件登记台账（2024年）';
  putRow(ws, 2, spec.map((s) => s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const footers = [{ line: 1, why: 'ledger title (OCR)' }];
  const N = 22;
  const recs = [];
  for (let k = 0; k < N; k++) {
    const filed = randDate(1 + Math.floor((k * 10) / N), 1 + Math.floor((k * 10) / N));
    const closed = addDays(filed, int(3, 40));
    const proc = k % 4 === 1 ? '简易' : '普通';
    const fine = proc === '简易' ? pick([50, 100, 200]) : pick([1000, 2000, 3000, 5000, 8000]);
    recs.push({ k, id: `CYZ-2024-${pad(k + 1, 3)}`, filed, closed, proc, fine, src: pick(Object.keys(SOURCE)), party: k % 3 === 0 ? BUSINESSES[(k * 7) % 12 + 10].name : PERSONS[k % PERSONS.length] });
  }
  recs[12].fine = 1000; // written lOOO by the OCR
  // OCR readings (raw text) of some cells, with what the key wants read
  const iso = (d) => isoD(d);
  const rawFiled = (x) => {
    const [y, m, d] = x.filed;
    if (x.k === 1) return { raw: `2O24-${pad(m)}-${pad(d)}`, why: 'letter O for 0 in the year' };
    if (x.k === 3) return { raw: `2024 -${pad(m)}-${String(pad(d)).split('').join(' ')}`, why: 'stray spaces inside the date' };
    if (x.k === 7) return { raw: `2024-O${m}-${pad(d).replace(/1/g, 'l')}`, why: 'O for 0 and l for 1' };
    if (x.k === 10) return { raw: `2〇24年${m}月${String(d).replace(/1/g, 'l')}日`, why: '〇 for 0 in a date written with digits' };
    if (x.k === 16) return { raw: `2024.${pad(m)}.${pad(d)}`.replace(/0/g, 'o'), why: 'small o for 0' };
    return { raw: iso(x.filed) };
  };
  let r = 3;
  const PAGE1 = 12;
  const write = (x, opts = {}) => {
    const f = rawFiled(x);
    let id = x.id;
    let filedText = f.raw;
    let fineText = String(x.fine);
    let closedText = iso(x.closed);
    let broken = null;
    if (x.k === 5) id = 'CYZ-2024-O06';
    if (x.k === 8) id = fullWidth('CYZ') + '-2024-009';
    if (x.k === 4) { fineText = String(x.fine).replace(/0/g, 'O'); }
    if (x.k === 12) { fineText = String(x.fine).replace(/^1/, 'l').replace(/0/g, 'O'); }
    if (x.k === 9) closedText = `2〇24-${pad(x.closed[1])}-${pad(x.closed[2])}`;
    if (x.k === 2) { id = ''; broken = '案件编号为空（照片上被印章盖住，识别为空）/ no case id: no key'; }
    if (x.k === 14) { filedText = '2024-02-30'; broken = '立案日期 2024-02-30 不存在（必填，台账原文如此）/ impossible date'; }
    if (opts.dup) broken = `案件编号 ${id} 重复（两张照片重叠，上一页最后一行又识别了一遍）/ duplicate key`;
    putRow(ws, r, [String(x.k + 1), id, UNITS.XZ01[0], filedText, x.party, SOURCE[x.src], PROC[x.proc], fineText, closedText]);
    if (broken) rejected.push({ line: r, why: broken });
    else {
      const storedId = x.k === 8 ? 'CYZ-2024-009' : id;
      records.push({ id: [storedId], enums: { source: SOURCE[x.src], procedure: PROC[x.proc] } });
      const w = { case_id: storedId };
      if (f.why) checks.push({ where: w, field: 'filed_date', expected: iso(x.filed), why: `立案日期 「${f.raw}」: ${f.why}` });
      if (x.k === 4) checks.push({ where: w, field: 'fine_amount', expected: x.fine, why: `罚款金额 「${fineText}」: letter O for 0 in an amount` });
      if (x.k === 12) checks.push({ where: w, field: 'fine_amount', expected: x.fine, why: `罚款金额 「${fineText}」: l for 1, O for 0` });
      if (x.k === 9) checks.push({ where: w, field: 'closed_date', expected: iso(x.closed), why: `结案日期 「${closedText}」: 〇 for 0` });
      if (x.k === 0) checks.push({ where: w, field: 'unit_id', expected: 'XZ01', why: UNITS.XZ01[0] });
      if (x.k === 8) checks.push({ where: w, field: 'party_name', expected: x.party, why: 'the record whose key was full-width ＣＹＺ' });
    }
    r++;
  };
  for (const x of recs.slice(0, PAGE1)) write(x);
  // the second photograph: the header again, then the last row of the first photograph again
  putRow(ws, r, spec.map((s) => s[0]));
  footers.push({ line: r, why: 'header of the second photograph' });
  r++;
  write(recs[PAGE1 - 1], { dup: true });
  for (const x of recs.slice(PAGE1)) write(x);
  ws.mergeCells(r, 1, r, spec.length);
  ws.getCell(r, 1).value = '登记人：王某强　　　审核人：陈某　　　2025年1月6日';
  footers.push({ line: r, why: 'signature line at the foot of the paper ledger' });
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'penalty_case', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet Sheet1, every cell text (OCR output)',
    layout: 'row 1 the merged title, header row 2; rows of the first photograph, then its header again and the last row of the first photograph again (the two photos overlap), then the rest; a signature line last; OCR confusions in dates, amounts and two ids',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: footers,
    enums: { source: invert(SOURCE), procedure: invert(PROC) },
    identity: ['case_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 05 行政检查 — a real .xlsx forwarded through WeChat and saved as “…(1).xls”; phone-typed dates
// ============================================================================================
async function file05(roster) {
  const file = '05_2024年行政检查记录汇总(1).xls';
  const spec = [
    ['检查编号', 'inspection_id'],
    ['检查日期', 'date', { note: 'typed on a phone: 2024.3.15' }],
    ['实施单位', 'lead_unit_id', { note: 'short name' }],
    ['检查对象', 'subject_name'],
    ['统一社会信用代码', 'subject_id'],
    ['检查类型', 'inspection_type'],
    ['检查人员', 'officer_ids', { note: 'names separated by ，' }],
    ['是否掌上执法', 'via_mobile'],
    ['检查结果', 'result'],
  ];
  const TYPE = { 双随机: '双随机', 日常巡查: '日常巡查', 专项: '专项检查', 投诉核查: '投诉核查' };
  const RESULT = { 无问题: '无问题', 责令整改: '责令整改', 立案: '立案', 移送: '移送' };
  const units = ['ZH01', 'ZY01', 'ZY04', 'ZY07', 'HY01', 'XZ01', 'XZ02'];
  const officersOf = uniqueOfficers(roster);
  const wb = newWorkbook();
  const ws = wb.addWorksheet('检查记录');
  putRow(ws, 1, spec.map((s) => s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const order = [];
  for (let k = 0; k < 24; k++) order.push({ k });
  order.splice(20, 0, { k: 6, dup: true });
  let dupId = null;
  let dupDate = null;
  order.forEach(({ k, dup }, i) => {
    const r = i + 2;
    const u = units[k % units.length];
    const b = BUSINESSES[(k * 5 + 3) % BUSINESSES.length];
    const d = randDate(1, 12);
    const t = pick(Object.keys(TYPE));
    const res = pick(Object.keys(RESULT));
    const offs = officersOf(u);
    const o1 = offs[k % offs.length];
    const o2 = offs[(k + 3) % offs.length];
    let id = `JC${u}2024${pad(k + 1, 4)}`;
    let dateText = dots(d);
    let broken = null;
    if (dup) { id = dupId; dateText = dupDate; broken = `检查编号 ${dupId} 重复（同一编号出现两次，内容有出入）/ duplicate key`; }
    if (!dup && k === 3) { id = ''; broken = '检查编号为空 / no inspection id: no key'; }
    if (!dup && k === 15) { dateText = '2024.9.31'; broken = '检查日期 2024.9.31 不存在（必填）/ impossible date'; }
    if (k === 6 && !dup) { dupId = id; dupDate = dateText; }
    putRow(ws, r, [id, dateText, UNITS[u][1], b.name, b.code, TYPE[t], `${o1.name}，${o2.name}`, k % 3 === 0 ? '否' : '是', RESULT[res]]);
    if (broken) { rejected.push({ line: r, why: broken }); return; }
    records.push({ id: [id], enums: { inspection_type: TYPE[t], result: RESULT[res] } });
    const w = { inspection_id: id };
    if (k === 0) checks.push({ where: w, field: 'date', expected: isoD(d), why: dateText });
    if (k === 1) checks.push({ where: w, field: 'lead_unit_id', expected: u, why: UNITS[u][1] });
    if (k === 2) checks.push({ where: w, field: 'officer_ids', expected: [o1.id, o2.id], why: `${o1.name}，${o2.name}` });
    if (k === 4) checks.push({ where: w, field: 'via_mobile', expected: true, why: '是' });
  });
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'inspection', workspace: ['units', 'matters', 'officers'], format: 'xlsx bytes (a zip) under an .xls name, “(1)” added by the chat app',
    layout: 'one sheet 检查记录, header row 1; 检查日期 text typed with dots (2024.3.15); 实施单位 short names; 检查人员 names separated by ，',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { inspection_type: invert(TYPE), result: invert(RESULT) },
    identity: ['inspection_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 06 投诉举报 — tab-separated UTF-8 text under a “(1).csv” name; full-width ids typed on a phone
// ============================================================================================
function file06() {
  const file = '06_12345工单汇总(1).csv';
  const spec = [
    ['工单编号', 'complaint_id', { note: 'some typed in full-width (ＧＤ２０２４…)' }],
    ['受理日期', 'received_date', { note: '2024年7月5日' }],
    ['来源渠道', 'channel'],
    ['所属乡镇', 'township'],
    ['承办单位', 'unit_id', { note: 'full name' }],
    ['问题领域', 'domain'],
    ['是否涉及执法行为', 'about_conduct'],
    ['办结日期', 'closed_date'],
    ['满意度', 'satisfaction'],
  ];
  const CH = { 12345: '12345', 投诉举报平台: '投诉举报平台', '110联动': '110联动', 基层治理四平台: '基层治理四平台' };
  const SAT = { 满意: '满意', 基本满意: '基本满意', 不满意: '不满意', 未评价: '未评价' };
  const DOMAINS = ['市容环境', '市场监管', '交通运输', '海洋渔业', '文化旅游', '安全生产'];
  const units = ['ZH01', 'ZY01', 'ZY04', 'HY01', 'XZ02', 'XZ03'];
  const lines = [spec.map((s) => s[0]).join('\t')];
  const rejected = [];
  const records = [];
  const checks = [];
  const order = [];
  for (let k = 0; k < 23; k++) order.push({ k });
  order.splice(16, 0, { k: 2, dup: true });
  let dupId = null;
  order.forEach(({ k, dup }) => {
    const line = lines.length + 1;
    const d = randDate(7, 12);
    const u = units[k % units.length];
    const town = pick(Object.values(TOWN_OF));
    const ch = pick(Object.keys(CH));
    const sat = pick(Object.keys(SAT));
    const closed = addDays(d, int(2, 15));
    let id = `GD2024${pad(d[1])}${pad(d[2])}${pad(200 + k * 3, 4)}`;
    let written = id;
    let recv = zh(d);
    let broken = null;
    if (k === 5 || k === 11) written = fullWidth(id);
    if (dup) { id = dupId; written = fullWidth(dupId); broken = `工单编号 ${dupId} 重复（手机上用全角重新录了一遍，与第 4 行同一工单）/ duplicate key`; }
    if (!dup && k === 9) { written = ''; broken = '工单编号为空 / no ticket id: no key'; }
    if (!dup && k === 18) { recv = '2024年11月31日'; broken = '受理日期 2024年11月31日 不存在（必填）/ impossible date'; }
    if (k === 2 && !dup) dupId = id;
    lines.push([written, recv, CH[ch], town, UNITS[u][0], DOMAINS[k % DOMAINS.length], k % 4 === 0 ? '是' : '否', zh(closed), SAT[sat]].join('\t'));
    if (broken) { rejected.push({ line, why: broken }); return; }
    records.push({ id: [id], enums: { channel: CH[ch], satisfaction: SAT[sat] } });
    const w = { complaint_id: id };
    if (k === 0) checks.push({ where: w, field: 'received_date', expected: isoD(d), why: recv });
    if (k === 1) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (k === 5) checks.push({ where: w, field: 'closed_date', expected: isoD(closed), why: 'the record whose id was typed full-width' });
    if (k === 4) checks.push({ where: w, field: 'about_conduct', expected: true, why: '是' });
  });
  writeFileSync(join(DIR, file), lines.join('\n') + '\n');
  finish({
    file, table: 'complaint', workspace: ['units', 'matters', 'officers'], format: 'text named .csv: UTF-8 without BOM, TAB-separated, LF',
    layout: 'header line 1; tab-separated (a table copied from a chat / web page and saved as text, then renamed .csv); 受理日期 2024年7月5日; two ids typed in full-width',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { channel: invert(CH), satisfaction: invert(SAT) },
    identity: ['complaint_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 07 复议诉讼 — a printed register read by 微信 “提取表格文字”: one column split in two at a fold
// ============================================================================================
async function file07() {
  const file = '07_行政复议应诉案件登记表（微信提取表格文字）.xlsx';
  const spec = [
    ['序号', null],
    ['案号', 'id'],
    ['被申请人（被告）', 'unit_id', { note: 'long names cut in two at the paper\'s fold; the tail in the next column' }],
    ['', null, { note: 'no header: the fold\'s second column, holding the tail of a long unit name or nothing' }],
    ['类别', 'kind'],
    ['原案件编号', 'case_id'],
    ['收案日期', 'filed_date'],
    ['结案日期', 'decided_date'],
    ['审理结果', 'outcome'],
    ['是否开庭', 'hearing_held'],
  ];
  const KIND = { 复议: '行政复议', 诉讼: '行政诉讼' };
  const OUT = { 维持: '维持', 驳回: '驳回', 撤销: '撤销', 确认违法: '确认违法', 胜诉: '胜诉', 败诉: '败诉' };
  const units = ['ZH01', 'ZY02', 'ZY03', 'ZY01', 'HY01', 'ZY06'];
  const SPLIT = { ZY02: ['舟山市生态环境局', '嵊泗分局'], ZY03: ['嵊泗县文化和广电', '旅游体育局'], ZY06: ['嵊泗县自然资源和', '规划局'] };
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Sheet1');
  ws.getCell(1, 1).value = '嵊泗县行政复议、行政应诉案件登记表（2024年度）';
  putRow(ws, 2, spec.map((s) => s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const N = 21;
  for (let k = 0; k < N; k++) {
    const r = k + 3;
    const u = units[k % units.length];
    const kindK = k % 3 === 2 ? '诉讼' : '复议';
    const outK = kindK === '诉讼' ? pick(['胜诉', '败诉', '驳回']) : pick(['维持', '驳回', '撤销', '确认违法']);
    const f = randDate(1, 9);
    const dd = addDays(f, int(30, 80));
    let id = kindK === '复议' ? `嵊政复〔2024〕${k + 1}号` : `（2024）浙0922行初${k + 1}号`;
    if (k === 4) id = `嵊政复[2024]${k + 1}号`;
    let kindText = KIND[kindK];
    let broken = null;
    if (k === 7) { id = ''; broken = '案号为空 / no id: no key'; }
    if (k === 13) { kindText = ''; broken = '类别为空（必填）/ required kind empty'; }
    const [head, tail] = SPLIT[u] ?? [UNITS[u][0], ''];
    putRow(ws, r, [String(k + 1), id, head, tail, kindText, `${u}-2023-${pad(30 + k, 3)}`, isoD(f), isoD(dd), OUT[outK], kindK === '诉讼' ? '是' : '否']);
    if (broken) { rejected.push({ line: r, why: broken }); continue; }
    records.push({ id: [id], enums: { kind: KIND[kindK], outcome: OUT[outK] } });
    const w = { id };
    if (k === 0) checks.push({ where: w, field: 'unit_id', expected: u, why: UNITS[u][0] });
    if (k === 1) checks.push({ where: w, field: 'unit_id', expected: u, why: `「${head}」|「${tail}」: the unit's name cut in two by the OCR at the fold` });
    if (k === 3) checks.push({ where: w, field: 'decided_date', expected: isoD(dd), why: '结案日期' });
    if (k === 4) checks.push({ where: w, field: 'filed_date', expected: isoD(f), why: 'the record whose 案号 has [ ] for 〔 〕 (kept as written)' });
  }
  ws.getCell(N + 3, 1).value = '填表人：李某芳　　　联系电话：0580-5081234';
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'review_litigation', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet Sheet1, every cell text (OCR output)',
    layout: 'row 1 the title (one cell), header row 2 with an empty 4th header (the OCR split 被申请人（被告） at the paper\'s fold); long unit names in two cells; a 填表人 line last',
    header_rows: [2], first_data_row: 3, columns: columnsOf(spec), rows_loaded: records.length, rejected,
    footer_lines: [{ line: 1, why: 'register title' }, { line: N + 3, why: '填表人/联系电话 line' }],
    enums: { kind: invert(KIND), outcome: invert(OUT) },
    identity: ['id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 08 监督发现问题 — replies in a WeChat group pasted one message a cell (“问题编号：…⏎被监督单位：…”)
// ============================================================================================
async function file08() {
  const file = '08_执法监督问题整改反馈（微信群回复逐条粘贴）.xlsx';
  const spec = [
    ['序号', null],
    ['问题编号', 'finding_id'],
    ['问题来源', 'source'],
    ['被监督单位', 'unit_id', { note: 'short name' }],
    ['发现日期', 'found_date', { note: '2024年3月5日' }],
    ['整改期限', 'due_date'],
    ['问题等级', 'severity'],
    ['问题描述', 'description'],
  ];
  const SRC = { 执法监督: '执法监督', 案卷评查: '案卷评查', 检察建议: '检察建议', 特邀监督: '特邀监督' };
  const SEV = { 一般: '一般', 较重: '较重', 严重: '严重' };
  const PROBLEMS = ['未按规定送达处罚决定书', '执法文书填写不规范', '证据收集不充分', '超期结案未办理延期', '法制审核意见缺失', '未告知陈述申辩权利'];
  const units = ['ZH01', 'ZY01', 'ZY03', 'ZY05', 'ZY08', 'HY01', 'XZ02', 'XZ04'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Sheet1');
  putRow(ws, 1, ['序号', '回复内容（从微信群复制）']);
  ws.getColumn(2).width = 60;
  const rejected = [];
  const records = [];
  const checks = [];
  const order = [];
  for (let k = 0; k < 21; k++) order.push({ k });
  order.splice(14, 0, { k: 3, dup: true });
  let dupText = null;
  order.forEach(({ k, dup }, i) => {
    const r = i + 2;
    const u = units[k % units.length];
    const srcK = pick(Object.keys(SRC));
    const sev = pick(Object.keys(SEV));
    const f = randDate(2, 10);
    const due = addDays(f, 30);
    const id = `JDWT2024${pad(k + 1, 3)}`;
    let found = zh(f);
    let broken = null;
    const parts = [];
    if (!dup && k === 6) broken = '回复里没有“问题编号”一行 / no finding id: no key';
    else parts.push(`问题编号：${id}`);
    if (!dup && k === 11) { found = '2024年2月30日'; broken = '发现日期 2024年2月30日 不存在（必填）/ impossible date'; }
    parts.push(`问题来源：${SRC[srcK]}`, `被监督单位：${UNITS[u][1]}`, `发现日期：${found}`, `整改期限：${zh(due)}`, `问题等级：${SEV[sev]}`, `问题描述：${PROBLEMS[k % PROBLEMS.length]}`);
    let text = parts.join('\n');
    if (dup) { text = dupText; broken = `问题编号 JDWT2024004 重复（同一条回复转发了两次，与第 5 行相同）/ duplicate key`; }
    if (k === 3 && !dup) dupText = text;
    ws.getCell(r, 1).value = String(i + 1);
    ws.getCell(r, 2).value = text;
    ws.getCell(r, 2).alignment = { wrapText: true, vertical: 'top' };
    if (broken) { rejected.push({ line: r, why: broken }); return; }
    records.push({ id: [id], enums: { source: SRC[srcK], severity: SEV[sev] } });
    const w = { finding_id: id };
    if (k === 0) checks.push({ where: w, field: 'unit_id', expected: u, why: `被监督单位：${UNITS[u][1]}` });
    if (k === 1) checks.push({ where: w, field: 'found_date', expected: isoD(f), why: `发现日期：${found}` });
    if (k === 2) checks.push({ where: w, field: 'due_date', expected: isoD(due), why: `整改期限：${zh(due)}` });
    if (k === 4) checks.push({ where: w, field: 'description', expected: PROBLEMS[4], why: '问题描述：…' });
  });
  await saveWorkbook(wb, join(DIR, file));
  finish({
    file, table: 'supervision_finding', workspace: ['units', 'matters', 'officers'], format: 'xlsx (exceljs), one sheet Sheet1',
    layout: 'header row 1: 序号 | 回复内容（从微信群复制）; one reply a row, the whole message in one cell, one “标签：值” line per field in the order of the template the 司法局 posted (问题编号, 问题来源, 被监督单位, 发现日期, 整改期限, 问题等级, 问题描述); the key\'s columns are those labels as a person reads them',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: { source: invert(SRC), severity: invert(SEV) },
    identity: ['finding_id'], records, value_checks: checks,
  });
}

// ============================================================================================
// 09 制度机制 — re-saved by WPS Office on a phone: pictures in cells, =DISPIMG("ID_…",1) in 佐证材料
// ============================================================================================
async function file09() {
  const file = '09_2024年制度机制落实情况自查表（WPS手机版编辑）.xlsx';
  const spec = [
    ['单位', 'unit_id', { note: 'full name' }],
    ['年度', 'year'],
    ['制度编码', 'item_code'],
    ['制度名称', 'item_name'],
    ['是否落实', 'done'],
    ['落实日期', 'done_date', { note: 'date cells' }],
    ['佐证材料', 'evidence', { note: 'a text, or a photo placed in the cell: =DISPIMG("ID_…",1) with that text as its cached value' }],
    ['备注', null],
  ];
  const ITEMS = [['TS_PUBLICITY', '行政执法公示制度'], ['TS_RECORDING', '执法全过程记录制度'], ['TS_LEGAL_REVIEW', '重大执法决定法制审核制度']];
  const units = ['ZH01', 'ZY01', 'ZY04', 'ZY07', 'HY01', 'XZ01', 'XZ03'];
  const wb = newWorkbook();
  const ws = wb.addWorksheet('Sheet1');
  putRow(ws, 1, spec.map((s) => s[0]));
  const rejected = [];
  const records = [];
  const checks = [];
  const imageIds = [];
  const rows = [];
  units.forEach((u) => ITEMS.forEach((it) => rows.push({ u, it })));
  rows.splice(9, 0, { u: 'ZY04', it: ITEMS[0], dup: true });
  rows.splice(17, 0, { u: 'ZY07', it: ['', '案件移送制度'], nokey: true });
  let r = 2;
  rows.forEach((x, i) => {
    const done = !(i % 5 === 4) || x.dup;
    const d = randDate(2, 11);
    let doneCell = done ? '是' : '否';
    let broken = null;
    if (x.dup) broken = `单位 ${UNITS[x.u][1]} 2024 ${x.it[0]} 重复（同一单位同一制度录了两行）/ duplicate key`;
    if (x.nokey) broken = '制度编码为空 / no item code: no key';
    if (i === 13) { doneCell = ''; broken = '是否落实为空（必填）/ required done empty'; }
    let evidence = '';
    const photo = done && i % 2 === 0;
    if (done && !photo) evidence = `${UNITS[x.u][1]}${x.it[1]}（2024年印发）`;
    putRow(ws, r, [UNITS[x.u][0], 2024, x.it[0], x.it[1], doneCell, done ? dateCell(d) : '', '', photo ? '现场照片' : '']);
    if (photo) {
      const h = (i * 2654435761 + 97) >>> 0;
      const id = `ID_${h.toString(16).toUpperCase().padStart(8, '0')}${'5E2C41A7B3D94F60A8C1'}${pad(i, 4)}`;
      imageIds.push(id);
      ws.getCell(r, 7).value = { formula: `_xlfn.DISPIMG("${id}",1)`, result: `=DISPIMG("${id}",1)` };
    } else if (evidence) ws.getCell(r, 7).value = evidence;
    if (broken) rejected.push({ line: r, why: broken });
    else {
      records.push({ id: [x.u, 2024, x.it[0]], enums: {} });
      const w = { unit_id: x.u, year: 2024, item_code: x.it[0] };
      if (!checks.some((c) => c.field === 'done_date') && done) checks.push({ where: w, field: 'done_date', expected: isoD(d), why: 'date cell' });
      if (!checks.some((c) => c.field === 'evidence') && evidence) checks.push({ where: w, field: 'evidence', expected: evidence, why: '佐证材料 as text' });
      if (!done && !checks.some((c) => c.field === 'done')) checks.push({ where: w, field: 'done', expected: false, why: '否' });
    }
    r++;
  });
  const path = join(DIR, file);
  await saveWorkbook(wb, path, { wps: true });
  await addCellImages(path, imageIds);
  finish({
    file, table: 'institution_checklist', workspace: ['units', 'matters', 'officers'], format: 'xlsx re-saved by WPS Office (KSOProductBuildVer custom property, xl/cellimages.xml with its media and relationships)',
    layout: 'one sheet Sheet1, header row 1; 落实日期 date cells; 佐证材料 either a text or a picture placed in the cell (cell formula _xlfn.DISPIMG("ID_…",1), cached value the text =DISPIMG("ID_…",1)); 备注 现场照片 beside the pictures',
    header_rows: [1], first_data_row: 2, columns: columnsOf(spec), rows_loaded: records.length, rejected, footer_lines: [],
    enums: {}, identity: ['unit_id', 'year', 'item_code'], records, value_checks: checks,
  });
}

/** Adds what WPS writes for pictures placed in cells: xl/cellimages.xml naming each ID_… with its
 *  picture, its relationships to xl/media, and the workbook's relationship to it. Fixed zip dates. */
async function addCellImages(path, ids) {
  const date = new Date(STAMP);
  const src = await JSZip.loadAsync(readFileSync(path));
  const zip = new JSZip();
  // a 1×1 grey PNG: the photo itself does not matter here
  const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg==', 'base64');
  const pics = ids.map((id, i) => `<etc:cellImage><xdr:pic><xdr:nvPicPr><xdr:cNvPr id="${i + 2}" name="${id}" descr="IMG_20240${(i % 9) + 1}1${i % 10}_0931${pad(i)}.jpg"/><xdr:cNvPicPr><a:picLocks noChangeAspect="1"/></xdr:cNvPicPr></xdr:nvPicPr><xdr:blipFill><a:blip r:embed="rId${i + 1}"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill><xdr:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="1143000" cy="857250"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic></etc:cellImage>`).join('');
  const cellimages = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<etc:cellImages xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData">${pics}</etc:cellImages>`;
  const rels = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${ids.map((_, i) => `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="media/image${i + 1}.png"/>`).join('')}</Relationships>`;
  for (const name of Object.keys(src.files).sort()) {
    const e = src.files[name];
    if (e.dir) continue;
    let data = Buffer.from(await e.async('uint8array'));
    if (name === '[Content_Types].xml') {
      let t = data.toString('utf8');
      if (!t.includes('Extension="png"')) t = t.replace('<Default ', '<Default Extension="png" ContentType="image/png"/><Default ');
      t = t.replace('</Types>', '<Override PartName="/xl/cellimages.xml" ContentType="application/vnd.wps-officedocument.cellimage+xml"/></Types>');
      data = Buffer.from(t);
    }
    if (name === 'xl/_rels/workbook.xml.rels') {
      data = Buffer.from(data.toString('utf8').replace('</Relationships>', '<Relationship Id="rId99" Type="http://www.wps.cn/officeDocument/2020/cellImage" Target="cellimages.xml"/></Relationships>'));
    }
    zip.file(name, data, { date, createFolders: false });
  }
  zip.file('xl/cellimages.xml', cellimages, { date, createFolders: false });
  zip.file('xl/_rels/cellimages.xml.rels', rels, { date, createFolders: false });
  ids.forEach((_, i) => zip.file(`xl/media/image${i + 1}.png`, png, { date, createFolders: false }));
  writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } }));
}

// ---------------------------------------------------------------- run
const roster = await readRoster();
const matters = await readMatters();
await file01();
file02(matters);
await file03(roster);
await file04();
await file05(roster);
file06();
await file07();
await file08();
await file09();
writeFileSync(join(DIR, '_answer.json'), JSON.stringify(answer, null, 2) + '\n');
console.log(answer.files.map((f) => `${f.file}: ${f.rows_loaded} loaded, ${f.rejected.length} broken, ${f.footer_lines.length} no record`).join('\n'));

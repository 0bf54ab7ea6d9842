// The helpers the blind acceptance sets' generators share (samples/acceptance4, samples/acceptance5):
// a seeded random stream, dates in the forms exports write them, credit codes with their check
// characters, 大写 amounts, the county's units, roster and matters read from samples/shengsi, the
// answer key's frame, and deterministic workbook saving. Each set makes its own kit (its seed, its
// document date), so one set's rows do not depend on another's; the generated files are committed
// and the tests read those, never this.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

/**
 * @param {{ set: string, dir: string, seed: number, stamp: number, htmlRows?: boolean }} opts
 *   set: the folder's name; dir: its path; seed: the random stream's; stamp: the workbooks' dates
 *   (ms since 1970); htmlRows: the key's note says HTML rows are sheet rows too.
 */
export function acceptanceKit(opts) {
  const SHENGSI = join(opts.dir, '..', 'shengsi');
  const TMP = `/tmp/${opts.set.replace('acceptance', 'acc')}/make`;

  // ---------------------------------------------------------------- deterministic helpers
  let seed = opts.seed;
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
  const fromDateObj = (d) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  const isoD = (a) => iso(...a);

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

  // Chinese-numeral dates as typed in 公文 (二〇二四年三月五日)
  const CN_DIGIT = '〇一二三四五六七八九';
  function cnSmall(n) {
    if (n < 10) return '〇一二三四五六七八九'[n];
    if (n === 10) return '十';
    if (n < 20) return `十${CN_DIGIT[n - 10]}`;
    return `${CN_DIGIT[Math.floor(n / 10)]}十${n % 10 ? CN_DIGIT[n % 10] : ''}`;
  }
  const cnDate = ([y, m, d]) => `${String(y).split('').map((c) => CN_DIGIT[Number(c)]).join('')}年${cnSmall(m)}月${cnSmall(d)}日`;
  const dotted = ([y, m, d]) => `${y}.${pad(m)}.${pad(d)}`;
  const zhDate = ([y, m, d]) => `${y}年${m}月${d}日`;
  const zhDate0 = ([y, m, d]) => `${y}年${pad(m)}月${pad(d)}日`;
  /** 大写 amount with 元整, for the sums used here (no inner zeros but 万 boundaries). */
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
    return `${parts.join('')}元整`;
  }
  /** Full-width form of an ASCII id (what an IME in full-width mode types). */
  const fullWidth = (s) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
  const xmlEsc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');

  // ---------------------------------------------------------------- county reference (samples/shengsi)
  const UNITS = {
    ZH01: ['嵊泗县综合行政执法局', '综合执法局'],
    ZY01: ['嵊泗县市场监督管理局', '市场监管局'],
    ZY02: ['舟山市生态环境局嵊泗分局', '生态环境分局'],
    ZY03: ['嵊泗县文化和广电旅游体育局', '文广旅体局'],
    ZY04: ['嵊泗县交通运输局', '交通运输局'],
    ZY05: ['嵊泗县农业农村局', '农业农村局'],
    ZY06: ['嵊泗县自然资源和规划局', '资规局'],
    ZY07: ['嵊泗县应急管理局', '应急管理局'],
    ZY08: ['嵊泗县卫生健康局', '卫健局'],
    ZY09: ['嵊泗县水利局执法队', '水利执法队'],
    HY01: ['嵊泗县海洋综合行政执法队', '海洋执法队'],
    XZ01: ['嵊泗县菜园镇人民政府', '菜园镇'],
    XZ02: ['嵊泗县嵊山镇人民政府', '嵊山镇'],
    XZ03: ['嵊泗县洋山镇人民政府', '洋山镇'],
    XZ04: ['嵊泗县五龙乡人民政府', '五龙乡'],
    XZ05: ['嵊泗县黄龙乡人民政府', '黄龙乡'],
    XZ06: ['嵊泗县枸杞乡人民政府', '枸杞乡'],
    XZ07: ['嵊泗县花鸟乡人民政府', '花鸟乡'],
  };
  const UNIT_BY_NAME = Object.fromEntries(Object.entries(UNITS).map(([id, u]) => [u[0], id]));
  const TOWN_OF = { XZ01: '菜园镇', XZ02: '嵊山镇', XZ03: '洋山镇', XZ04: '五龙乡', XZ05: '黄龙乡', XZ06: '枸杞乡', XZ07: '花鸟乡' };
  /** 县xx局 — how county papers write a bureau's name (the unit list's aliases). */
  const COUNTY_SHORT = { ZH01: '县综合执法局', ZY01: '县市场监管局', ZY03: '县文广旅体局', ZY04: '县交通运输局', ZY07: '县应急管理局', ZY08: '县卫健局', HY01: '县海洋执法队' };

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
    ['嵊泗县蓝湾度假酒店有限公司', 'C'], ['嵊泗县远航海运有限公司', 'C'], ['嵊泗县基湖沙滩旅游服务有限公司', 'C'], ['嵊泗县绿华岛水产品加工有限公司', 'C'],
    ['嵊泗县东崖绝壁景区管理有限公司', 'C'], ['嵊泗县鑫港加油站有限公司', 'C'], ['嵊泗县海天一色文化传媒有限公司', 'C'], ['嵊泗县岛屿人家餐饮管理有限公司', 'C'],
    ['嵊泗县沙河客运有限公司', 'C'], ['嵊泗县嵊山冷链仓储有限公司', 'C'], ['嵊泗县菜园镇海港宾馆', 'G'], ['嵊泗县菜园镇渔嫂饭店', 'G'],
    ['嵊泗县五龙乡田岙民宿', 'G'], ['嵊泗县嵊山镇老渔夫海鲜馆', 'G'], ['嵊泗县黄龙乡峙岙便利店', 'G'], ['嵊泗县洋山镇港湾网吧', 'G'],
    ['嵊泗县枸杞乡山海民宿', 'G'], ['嵊泗县花鸟乡云雾客栈', 'G'], ['嵊泗县菜园镇惠民药店', 'G'], ['嵊泗县菜园镇海鲜大排档', 'G'],
    ['嵊泗县洋山镇顺风汽车修理部', 'G'], ['嵊泗县嵊山镇渔港理发店', 'G'], ['嵊泗县枸杞乡贻贝养殖专业合作社联合社', 'H'], ['嵊泗县五龙乡渔家乐协会', 'H'],
  ].map(([name, kind]) => ({ name, kind, code: kind === 'C' ? uscc('9', '1') : kind === 'G' ? uscc('9', '2') : uscc('9', '3') }));

  // ---------------------------------------------------------------- answer key
  const answer = {
    note:
      `Answer key of samples/${opts.set}, declared by hand in _make.mjs (never computed by the importer). ` +
      'columns[i] is the i-th column of the table as a person reads it (after joining multi-row headers, or flattening nested JSON objects as parent.child); field null = must stay unmapped; accept = other outcomes not counted as wrong. ' +
      `rejected = records that must be rejected (line = physical line for text, sheet row for workbooks${opts.htmlRows ? ' and HTML' : ''}, record place for JSON; sheet = which sheet); ` +
      'footer_lines = lines that are no record (section rows, notes): rejected or skipped, either is right. ' +
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
    wb.created = new Date(opts.stamp);
    wb.modified = new Date(opts.stamp);
    return wb;
  }
  /** Saves deterministically; `wps` adds the custom property WPS Office writes into every workbook it saves. */
  async function saveWorkbook(wb, path, { wps = false } = {}) {
    const buf = await wb.xlsx.writeBuffer();
    const { default: JSZip } = await import('jszip');
    const src = await JSZip.loadAsync(buf);
    const zip = new JSZip();
    const date = new Date(opts.stamp);
    for (const name of Object.keys(src.files).sort()) {
      const e = src.files[name];
      if (e.dir) continue;
      let data = await e.async('uint8array');
      if (wps && name === '[Content_Types].xml') {
        data = Buffer.from(
          Buffer.from(data).toString('utf8').replace('</Types>', '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>'),
        );
      }
      if (wps && name === '_rels/.rels') {
        data = Buffer.from(
          Buffer.from(data).toString('utf8').replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/></Relationships>'),
        );
      }
      zip.file(name, data, { date, createFolders: false });
    }
    if (wps) {
      zip.file(
        'docProps/custom.xml',
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="KSOProductBuildVer"><vt:lpwstr>2052-12.1.0.19770</vt:lpwstr></property><property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="3" name="ICV"><vt:lpwstr>3A1F0E5C2B6D4F1E9C8B7A6D5E4F3A2B_13</vt:lpwstr></property></Properties>',
        { date, createFolders: false },
      );
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
      if (typeof c.value === 'string' && c.value.includes('\n')) c.alignment = { wrapText: true, vertical: 'middle' };
    }
  }
  const dateCell = ([y, m, d], fmt = 'yyyy-mm-dd') => ({ value: new Date(Date.UTC(y, m - 1, d)), numFmt: fmt });
  const colLetter = (n) => (n > 26 ? String.fromCharCode(64 + Math.floor((n - 1) / 26)) : '') + String.fromCharCode(65 + ((n - 1) % 26));
  return { SHENGSI, TMP, rnd, pick, int, pad, iso, addDays, DAYS, randDate, fromDateObj, isoD, USCC_CHARS, uscc, CN_DIGIT, cnSmall, cnDate, dotted, zhDate, zhDate0, daxie, fullWidth, xmlEsc, UNITS, UNIT_BY_NAME, TOWN_OF, COUNTY_SHORT, readSheet, readRoster, readMatters, BUSINESSES, answer, columnsOf, newWorkbook, saveWorkbook, THIN, setRow, dateCell, colLetter };
}

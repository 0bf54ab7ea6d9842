// A large, realistic case export for benchmarks: the headers and value forms of the sample's
// case file (mixed date forms, thousands separators, officer lists, unit full and short names),
// streamed to disk with a seeded generator so every run measures the same bytes.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { biffFile, type BiffCell } from '../import/testing/biff.js';

export const CASE_HEADERS = [
  '案件编号', '执法机关', '所属乡镇', '事项编码', '案件来源', '适用程序', '立案日期', '处罚决定日期', '结案日期', '办案期限（天）',
  '是否批准延期', '是否重大案件', '法制审核日期', '当事人类型', '当事人', '当事人证件号码', '处罚种类', '罚款金额（元）',
  '没收违法所得（元）', '是否涉嫌犯罪', '执行完毕日期', '是否网上办案', '承办人',
];

export interface RefData {
  units: string[];
  officers: string[];
  matters: string[];
  townships: string[];
}

/** mulberry32: small, seeded, well known. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

function* caseRows(n: number, ref: RefData, seed: number): Generator<string[]> {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(r() * xs.length)]!;
  const day0 = Date.UTC(2022, 0, 1);
  for (let i = 0; i < n; i++) {
    const filed = new Date(day0 + Math.floor(r() * 1000) * 86400000);
    const dec = new Date(filed.getTime() + Math.floor(5 + r() * 80) * 86400000);
    const exe = new Date(dec.getTime() + Math.floor(1 + r() * 60) * 86400000);
    const y = filed.getUTCFullYear();
    const fine = Math.round(100 + r() * 50000);
    const o1 = pick(ref.officers);
    let o2 = pick(ref.officers);
    if (o2 === o1) o2 = ref.officers[(ref.officers.indexOf(o1) + 1) % ref.officers.length]!;
    yield [
      `BJ${y}${String(i).padStart(8, '0')}`,
      pick(ref.units),
      pick(ref.townships),
      pick(ref.matters),
      pick(['检查', '投诉举报', '移送', '12345']),
      r() < 0.2 ? '简易程序' : '普通程序',
      `${y}-${pad(filed.getUTCMonth() + 1)}-${pad(filed.getUTCDate())}`,
      `${dec.getUTCFullYear()}/${dec.getUTCMonth() + 1}/${dec.getUTCDate()}`,
      `${exe.getUTCFullYear()}年${exe.getUTCMonth() + 1}月${exe.getUTCDate()}日`,
      '90',
      '否',
      r() < 0.05 ? '是' : '否',
      `${dec.getUTCFullYear()}-${pad(dec.getUTCMonth() + 1)}-${pad(dec.getUTCDate())}`,
      r() < 0.6 ? '单位' : '个人',
      `当事人${Math.floor(r() * 50000)}`,
      `91330922MA${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
      '罚款',
      `${fine.toLocaleString('en-US')}.00`,
      '0',
      '否',
      `${exe.getUTCFullYear()}-${pad(exe.getUTCMonth() + 1)}-${pad(exe.getUTCDate())}`,
      r() < 0.95 ? '是' : '否',
      `${o1}、${o2}`,
    ];
  }
}

function csvLine(cells: string[]): string {
  return cells.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',') + '\n';
}

/** `remarks`: an empty 备注 column at the end, so that every line ends with the delimiter (as many
 *  real exports write them; the import then checks each row's width). */
export async function writeCaseCsv(path: string, n: number, ref: RefData, seed = 7, remarks = false): Promise<void> {
  const out = createWriteStream(path);
  out.write(csvLine(remarks ? [...CASE_HEADERS, '备注'] : CASE_HEADERS));
  let buf = '';
  let k = 0;
  for (const row of caseRows(n, ref, seed)) {
    buf += csvLine(remarks ? [...row, ''] : row);
    if (++k % 5000 === 0) {
      if (!out.write(buf)) await once(out, 'drain');
      buf = '';
    }
  }
  out.write(buf);
  out.end();
  await once(out, 'finish');
}

export async function writeCaseXlsx(path: string, n: number, ref: RefData, seed = 7): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const ws = wb.addWorksheet('案件');
  ws.addRow(CASE_HEADERS).commit();
  for (const row of caseRows(n, ref, seed)) ws.addRow(row).commit();
  ws.commit();
  await wb.commit();
}

/** The same rows as an old binary workbook (.xls, BIFF8 with its shared strings, every cell text as
 *  many systems' .xls exports write it; at most 65,535 rows). Built in memory: an .xls is small. */
export async function writeCaseXls(path: string, n: number, ref: RefData, seed = 7): Promise<void> {
  if (n > 65_535) throw new Error('an .xls holds at most 65,536 rows (the header included)');
  const cells: BiffCell[] = CASE_HEADERS.map((text, col) => ({ row: 0, col, text }));
  let row = 1;
  for (const values of caseRows(n, ref, seed)) {
    values.forEach((text, col) => {
      if (text !== '') cells.push({ row, col, text });
    });
    row++;
  }
  await writeFile(path, biffFile({ version: 'biff8', sheets: [{ name: '案件', cells }] }));
}

// The old binary .xls reader, on files other writers made: Excel's own (the xlrd project's and
// SheetJS's test workbooks), WPS's, LibreOffice Calc's (samples/xls/_make.mts), and BIFF5 in the GBK
// code page built record by record (testing/biff.ts: LibreOffice no longer writes BIFF5). Expected
// values are the inputs the files were made from, or what xlrd 1.2 (another reader) reads.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SAMPLES } from '../test/paths.js';
import { tempDir, tijianFailure } from '../test/helpers.js';
import { detectFormat } from './sniff-format.js';
import { biffFile, biffStream, compoundFile, record, u16, u32, xlString } from './testing/biff.js';
import { openXlsWorkbook, readXlsRows } from './xls-reader.js';

const X = join(SAMPLES, 'xls');

async function rows(path: string, sheet?: string) {
  const out: (string | number)[][] = [];
  let info: unknown;
  const r = await readXlsRows(
    path,
    (i) => (info = i),
    (row) => {
      const c = [...row.cells];
      while (c.length && c[c.length - 1] === '') c.pop();
      out.push([row.rowNumber, ...c]);
    },
    sheet === undefined ? {} : { sheet },
  );
  return { out, info, merges: [...r.merges].map((m) => [m.r1, m.r2, m.c1, m.c2]) };
}

function write(bytes: Buffer, name = 'book.xls'): string {
  const p = join(tempDir(), name);
  writeFileSync(p, bytes);
  return p;
}

describe('.xls written by LibreOffice Calc (BIFF8)', () => {
  it('a case ledger: every row of the chosen sheet as written, shared strings across CONTINUE records, dates, formulas', async () => {
    const path = join(X, 'libreoffice-cases.xls');
    expect((await openXlsWorkbook(path, 'x')).sheets).toEqual([
      { name: '填表说明', hidden: false },
      { name: '案件台账', hidden: false },
      { name: '代码表', hidden: true },
    ]);
    const { out, info, merges } = await rows(path, '案件台账');
    expect(info).toMatchObject({ name: '案件台账', allSheets: ['填表说明', '案件台账', '代码表'] });
    expect(out).toHaveLength(603);
    expect(out[0]).toEqual([1, '嵊泗县行政处罚案件台账（2024年度）']);
    expect(out[1]).toEqual([2, '案件编号', '执法机关', '立案日期', '罚款金额（元）', '是否重大案件', '备注']);
    // the inputs of _make.mts, case i on sheet row i + 2
    for (let i = 1; i <= 600; i++) {
      const day = new Date(Date.UTC(2024, 0, i)).toISOString().slice(0, 10);
      expect(out[i + 1]).toEqual([
        i + 2,
        `AJ2024${String(i).padStart(4, '0')}`,
        i % 2 ? '嵊泗县综合行政执法局' : '嵊泗县市场监督管理局',
        day,
        String(i * 100.5),
        i % 7 === 0 ? 'TRUE' : 'FALSE',
        `第${i}号案件备注，含逗号,与"引号"以及较长的文字用于撑大共享字符串表${'字'.repeat(i % 13)}`,
      ]);
    }
    // the formulas' cached results: 100.5 × (1 + … + 600) = 18,120,150; COUNTA = 600
    expect(out[602]).toEqual([603, '合计', '', '', '18120150', '', '共600件']);
    expect(merges).toEqual([[1, 1, 0, 5]]);
  });

  it('with no sheet named, the first; the 1904 date system, times of day, a line break and digit text kept', async () => {
    expect((await rows(join(X, 'libreoffice-cases.xls'))).out).toEqual([
      [1, '本表由执法监管平台导出'],
      [2, '请勿修改表头'],
    ]);
    const { out, merges } = await rows(join(X, 'libreoffice-1904.xls'));
    expect(out).toEqual([
      [1, '检查编号', '检查时间', '检查人员', '证件号码', '结果'],
      [2, 'JC001', '2024-03-05 10:20:00', '张三\n李四', '330922198001011234', '合格'],
      [3, 'JC002', '2024-12-31', '王五', '00123', '责令整改'],
      // E4 is covered by E3:E4 (the fill is the import's)
      [4, 'JC003', '2023-02-28 23:59:59', '赵六', '330922199912319999'],
    ]);
    expect(merges).toEqual([[3, 4, 4, 4]]);
  });
});

describe('.xls written by Excel (xlrd test workbooks, values as xlrd 1.2 reads them)', () => {
  it('non-Latin text and formula results: number, text, empty text, boolean, error', async () => {
    const { out } = await rows(join(X, 'xlrd-formula_test_sjmachin.xls'));
    expect(out.slice(0, 7)).toEqual([
      [1, 'Description', 'Data'],
      [2, 'Non-latin1 text', 'МОСКВА Москва'],
      [3, 'formula number', '0.14285714285714285'],
      [4, 'formula text', 'ABCDEF'],
      [5, 'formula zero-length text'],
      [6, 'formula boolean', 'TRUE'],
      [7, 'formula error', '#DIV/0!'],
    ]);
  });

  it('dates in a German workbook, numbers in MULRK runs, ragged rows', async () => {
    const f = await rows(join(X, 'xlrd-Formate.xls'));
    expect(f.info).toMatchObject({ name: 'Blätt1' });
    expect(f.out.slice(0, 3)).toEqual([
      [1, 'Huber', '1907-07-03'],
      [2, 'Äcker', '2005-02-23'],
      [3, 'Öcker', '1988-05-03'],
    ]);
    expect(f.out[6]).toEqual([7, 'gut', '0.974']);
    const p = await rows(join(X, 'xlrd-profiles.xls'));
    expect(p.out[1]).toEqual([2, 'P8.2', ...Array.from({ length: 12 }, (_, i) => String(100 + i))]);
    const r = await rows(join(X, 'xlrd-ragged.xls'));
    expect(r.out).toEqual([
      [1, 'a', 'b', 'c'],
      [2, 'd', 'e'],
      [3, 'f'],
      [4, 'g', 'h', 'I', 'j'],
      [5, 'k', '', '', 'l'],
    ]);
  });

  it('a workbook whose compound file xlrd calls corrupt (a sector listed twice) but Excel opens', async () => {
    const { out } = await rows(join(X, 'xlrd-corrupted_error.xls'));
    expect(out[2]).toEqual([4, 'ТИП', 'Наименование', 'ГОСТ', 'Длина', 'Сталь', 'Остаток', 'Цена за тонну']);
    expect(out[3]).toEqual([5, 'Труба вгп', 'ду 15х2,5', '3262', '8', '10', '1.21', '55800']);
  });
});

describe('.xls written by WPS and by Excel 95 (SheetJS test files, values as xlrd 1.2 reads them)', () => {
  // what xlrd 1.2 reads from both files (the .et copied under an .xls name)
  const WPS_ROWS = [
    [1, '1', '2', '3'],
    [2, 'TRUE', 'FALSE', '', 'sheetjs'],
    [3, 'foo', 'bar', '2014-02-19', '0.3'],
    [4, 'baz', '', 'qux'],
  ];

  it('WPS Spreadsheets: booleans, a date, a decimal, gaps', async () => {
    expect((await rows(join(X, 'sheetjs-wps_write.xls'))).out).toEqual(WPS_ROWS);
  });

  it("WPS Spreadsheets' own .et format (the same workbook saved as .et) reads as the .xls does", async () => {
    expect((await rows(join(X, 'sheetjs-wps_write.et'))).out).toEqual(WPS_ROWS);
  });

  it('BIFF5 in code page 1252: “…” (0x85) read as the ellipsis, not as a control character', async () => {
    expect((await rows(join(X, 'sheetjs-biff5_merge_cells.xls'))).out).toEqual([
      [1, 'A1:B2', '', 'C1:C2', 'Separate blocks'],
      [3, 'A3:B3', '', 'C3'],
      [4, '… are merged separately'],
    ]);
  });

  it('a workbook Excel encrypted (FILEPASS) is refused with how to remove the password', async () => {
    const e = await tijianFailure(rows(join(X, 'sheetjs-password_2002_40_xor.xls')));
    expect(e.code).toBe('FILE_UNSUPPORTED');
    expect(e.message).toMatch(/设置了打开密码/);
  });
});

describe('BIFF5 and BIFF8 built record by record', () => {
  it('BIFF5 (Excel 95) in the GBK code page, in a compound file and as a bare stream named .xls', async () => {
    const book = {
      version: 'biff5' as const,
      codepage: 936,
      dateXf: true,
      sheets: [
        {
          name: '案件',
          cells: [
            { row: 0, col: 0, text: '案件编号' },
            { row: 0, col: 1, text: '立案日期' },
            { row: 0, col: 2, text: '罚款金额' },
            { row: 1, col: 0, text: 'AJ001' },
            // 45356 = 2024-03-05 (serial days from 1899-12-30)
            { row: 1, col: 1, number: 45356, xf: 15 },
            // RK: 12345 × 4 + 2 (an integer), and 123.45 as 12345 ÷ 100 (+1)
            { row: 1, col: 2, rk: 12345 * 4 + 2 },
            { row: 2, col: 0, text: '嵊泗县综合行政执法局' },
            { row: 2, col: 2, rk: 12345 * 4 + 3 },
          ],
        },
      ],
    };
    const expected = [
      [1, '案件编号', '立案日期', '罚款金额'],
      [2, 'AJ001', '2024-03-05', '12345'],
      [3, '嵊泗县综合行政执法局', '', '123.45'],
    ];
    const inBox = write(biffFile(book));
    expect(detectFormat(inBox)).toBe('xls');
    expect((await rows(inBox)).out).toEqual(expected);
    expect((await openXlsWorkbook(inBox, 'x')).sheets).toEqual([{ name: '案件', hidden: false }]);
    const bare = write(biffStream(book));
    expect(detectFormat(bare)).toBe('xls');
    expect((await rows(bare)).out).toEqual(expected);
  });

  it('a shared string split across CONTINUE records, its characters switching from one byte to two', async () => {
    // "AB" + "中文": the SST record ends after "AB"; the CONTINUE starts with flags 1 (UTF-16)
    const sst = Buffer.concat([u32(2), u32(2), u16(4), Buffer.from([0]), Buffer.from('AB', 'latin1')]);
    const cont = Buffer.concat([Buffer.from([1]), Buffer.from('中文', 'utf16le'), xlString('尾')]);
    const p = write(biffFile({ version: 'biff8', sstRecords: [sst, cont], sheets: [{ name: 'S', cells: [{ row: 0, col: 0, sst: 0 }, { row: 0, col: 1, sst: 1 }] }] }));
    expect((await rows(p)).out).toEqual([[1, 'AB中文', '尾']]);
  });

  it('3,000 shared strings over many CONTINUE records, split inside one- and two-byte characters as Excel splits them', async () => {
    const texts = Array.from({ length: 3000 }, (_, i) => (i % 3 ? `第${i}号` + '字'.repeat(i % 50) : `ascii-${i}-` + 'x'.repeat(i % 90)));
    const p = write(biffFile({ version: 'biff8', sheets: [{ name: 'S', cells: texts.map((text, i) => ({ row: i, col: 0, text })) }] }));
    const { out } = await rows(p);
    expect(out).toEqual(texts.map((t, i) => [i + 1, t]));
  });

  it('cells out of row order come out in sheet order; rows without text are not sent', async () => {
    const p = write(biffFile({ version: 'biff8', sheets: [{ name: 'S', cells: [{ row: 5, col: 1, text: 'b' }, { row: 2, col: 0, text: 'a' }, { row: 5, col: 0, text: 'c' }] }] }));
    expect((await rows(p)).out).toEqual([
      [3, 'a'],
      [6, 'c', 'b'],
    ]);
  });
});

describe('hostile and damaged .xls: refused in words, never a hang', () => {
  it('two cell records for one cell are refused naming it (was: the later one overwrote the first without a word)', async () => {
    const p = write(biffFile({ version: 'biff8', sheets: [{ name: 'S', cells: [{ row: 0, col: 0, text: '编号' }, { row: 2, col: 0, text: 'A1' }, { row: 2, col: 0, text: '覆盖' }] }] }));
    const e = await tijianFailure(rows(p));
    expect([e.code, e.zh]).toEqual(['FILE_DAMAGED', expect.stringContaining('单元格 A3 有两个值（两条单元格记录）')]);
  });

  const ok = { version: 'biff8' as const, sheets: [{ name: 'S', cells: [{ row: 0, col: 0, text: '案件编号' }] }] };

  it('an encrypted workbook (FILEPASS) is refused with how to remove the password', async () => {
    const p = write(biffFile({ ...ok, globals: [[0x002f, Buffer.from([0, 0])]] }));
    const e = await tijianFailure(rows(p));
    expect(e.code).toBe('FILE_UNSUPPORTED');
    expect(e.message).toMatch(/密码/);
  });

  it('a compound file with no workbook in it (a Word file named .xls)', async () => {
    const e = await tijianFailure(rows(write(compoundFile(Buffer.from('hello'), 'WordDocument'))));
    expect(e.code).toBe('FILE_UNSUPPORTED');
    expect(e.message).toMatch(/不是 Excel 工作簿/);
  });

  it('a cell naming a shared string that does not exist; a shared-string count larger than its bytes', async () => {
    const bad = write(biffFile({ version: 'biff8', sheets: [{ name: 'S', cells: [{ row: 0, col: 0, sst: 7 }] }] }));
    const e = await tijianFailure(rows(bad));
    expect(e.code).toBe('FILE_DAMAGED');
    expect(e.message).toMatch(/A1.*共享字符串 7 不存在/);
    const lie = write(biffFile({ version: 'biff8', sstRecords: [Buffer.concat([u32(1), u32(4_000_000_000), xlString('x')])], sheets: [{ name: 'S', cells: [] }] }));
    expect((await tijianFailure(rows(lie))).message).toMatch(/声明了 4000000000 个字符串/);
  });

  it('a file cut short, a record running past the end, a sheet offset pointing nowhere, a column beyond IV', async () => {
    const whole = readFileSync(join(X, 'libreoffice-cases.xls'));
    for (const n of [whole.length >> 1, 600]) {
      const e = await tijianFailure(rows(write(whole.subarray(0, n))));
      expect(e.code).toMatch(/FILE_DAMAGED/);
      // in words, never a JavaScript fault's ("Cannot read properties of undefined")
      expect(e.zh).not.toMatch(/Cannot read|undefined|is not a function/);
    }
    // the sheet's last record (EOF) replaced by one that says it is longer than what is left
    const stream = biffStream(ok);
    const long = Buffer.concat([stream.subarray(0, stream.length - 4), u16(0x00fd), u16(1000), Buffer.alloc(10)]);
    expect((await tijianFailure(rows(write(compoundFile(long))))).message).toMatch(/超出了工作簿数据的末尾/);
    const s = Buffer.from(stream);
    // the first BOUNDSHEET (found by its record type, 85 00; nothing before it holds those bytes)
    const at = s.indexOf(Buffer.from([0x85, 0x00]));
    s.writeUInt32LE(0x7fffffff, at + 4);
    expect((await tijianFailure(rows(write(compoundFile(s))))).message).toMatch(/工作表“S”的位置/);
    const wide = write(biffFile({ version: 'biff8', sheets: [{ name: 'S', cells: [{ row: 0, col: 300, text: 'x' }] }] }));
    expect((await tijianFailure(rows(wide))).message).toMatch(/KO1.*IV/);
  });

  it('a record length that lies by whole records (the reader lands on a record again) is found, not read past', async () => {
    const cells = Array.from({ length: 20 }, (_, i) => ({ row: i, col: 0, text: `AJ${i}` }));
    const stream = biffStream({ version: 'biff8', sheets: [{ name: 'S', cells }] });
    // the 5th cell's LABELSST (14 bytes with its header) claims 10 + 3 × 14 bytes: it swallows the next three
    const labels: number[] = [];
    for (let p = 0; p + 4 <= stream.length; p += 4 + stream.readUInt16LE(p + 2)) if (stream.readUInt16LE(p) === 0x00fd) labels.push(p);
    const b = Buffer.from(stream);
    b.writeUInt16LE(10 + 3 * 14, labels[4]! + 2);
    const e = await tijianFailure(rows(write(compoundFile(b))));
    expect(e.code).toBe('FILE_DAMAGED');
    expect(e.message).toMatch(new RegExp(`第 ${labels[4]} 字节处的记录（类型 0xfd，52 字节）不成立`));
  });

  it('BIFF2–4 without a compound file is refused as too old by the format check', () => {
    const p = write(Buffer.concat([record(0x0409, Buffer.from([0, 0, 0x10, 0, 0, 0])), record(0x000a, Buffer.alloc(0))]));
    expect(() => detectFormat(p)).toThrow(/Excel 2\.x–4\.x/);
  });
});

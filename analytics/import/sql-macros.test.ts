import { afterAll, describe, expect, it } from 'vitest';
import { Db, lit } from '../db/duck.js';
import { MACROS_SQL } from './sql-macros.js';
import { CLEANING_WRAPPERS_SQL, memoryDb } from '../test/helpers.js';

// The scalar cases below only read (one SELECT of a macro over a literal, nothing written): they
// share one database with the macros, made once for the file — a fresh one for each of ~250 cases
// took 2.5 minutes of CI. Tests that write make their own (memoryDb below).
// (not memoryDb's: its databases are closed after each test)
let shared: Promise<Db> | undefined;
afterAll(async () => (await shared)?.close());
async function value(sql: string): Promise<unknown> {
  shared ??= (async () => {
    const db = await Db.open(':memory:');
    await db.exec(MACROS_SQL);
    await db.exec(CLEANING_WRAPPERS_SQL);
    return db;
  })();
  return (await shared).scalar(sql);
}

describe('tj_date: the date forms Chinese exports write', () => {
  const cases: Array<[string, string | null]> = [
    ['2024-03-05', '2024-03-05'],
    ['2024-3-5', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024/03/05', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024年03月05日', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['20240305102000', '2024-03-05'],
    ['202403051020', '2024-03-05'],
    ['20240305250000', null],
    // milliseconds since 1970, the day in Beijing time: 23:59:59 on the 5th, then midnight (UTC 16:00 on the 5th)
    ['1709654399000', '2024-03-05'],
    ['1709654400000', '2024-03-06'],
    // digits %Y%m%d%H%M%S would read as 1646-09-28 00:00:00 (pandas' 2022-03-01, a naive midnight)
    ['1646092800000', '2022-03-01'],
    ['1552608000000', '2019-03-15'],
    // Excel serial numbers count days from 1899-12-30: 45356 is 2024-03-05
    ['45356', '2024-03-05'],
    ['45356.75', '2024-03-05'],
    ['2024-03-05 14:30:00', '2024-03-05'],
    ['2024/3/5 14:30', '2024-03-05'],
    ['2024-03-05T08:00:00', '2024-03-05'],
    ['2024年3月5日 09:15', '2024-03-05'],
    ['  2024-03-05\u3000', '2024-03-05'],
    ['2024-02-29', '2024-02-29'],
    ['2023-02-29', null],
    ['2024-02-30', null],
    ['2024/13/01', null],
    // official documents' dates (公文日期), in Chinese numerals, with 〇, ○ or 零 for zero
    ['二〇二四年三月五日', '2024-03-05'],
    ['二○二四年十二月三十一日', '2024-12-31'],
    ['二零二四年十月二十日', '2024-10-20'],
    ['一九九九年九月九日', '1999-09-09'],
    ['二〇二四年二月二十九日', '2024-02-29'],
    ['二〇二三年二月二十九日', null],
    ['二〇二四年十三月一日', null],
    ['二〇二四年五月', null],
    // java.util.Date's toString() on a server in China (CST, UTC+8)
    ['Tue Mar 05 00:00:00 CST 2024', '2024-03-05'],
    ['Mon Dec 30 09:15:00 CST 2024', '2024-12-30'],
    // a time with its zone is the day in Beijing (UTC+8): Jackson and JSON.stringify write UTC, so
    // midnight of 5 March in Beijing is 16:00 on the 4th; 15:59 on the 4th is still the 4th
    ['2024-03-04T16:00:00.000+0000', '2024-03-05'],
    ['2024-03-04T16:00:00Z', '2024-03-05'],
    ['2024-03-04T15:59:59.999Z', '2024-03-04'],
    ['2024-03-04 16:00:00 UTC', '2024-03-05'],
    ['2024/03/05 00:30:00 +08:00', '2024-03-05'],
    ['2024-03-05T23:30:00+0800', '2024-03-05'],
    // JavaScript's Date.prototype.toString()
    ['Tue Mar 05 2024 00:00:00 GMT+0800 (中国标准时间)', '2024-03-05'],
    ['Mon Mar 04 2024 16:00:00 GMT+0000 (Coordinated Universal Time)', '2024-03-05'],
    // a time range is not a zone
    ['2024-03-05 09:05-10:30', '2024-03-05'],
    // a time straight after 日
    ['2024年3月5日9:05', '2024-03-05'],
    // two-digit years: 00–49 are 20xx, 50–99 19xx (not the year 0024)
    ['24年3月5日', '2024-03-05'],
    ['99年12月31日', '1999-12-31'],
    ['24年2月30日', null],
    // seconds since 1970: midnight in Beijing
    ['1709568000', '2024-03-05'],
    // Oracle's DD-MON-RR as SQL*Plus spools it, in Chinese and English
    ['05-3月 -24', '2024-03-05'],
    ['05-3月-2024', '2024-03-05'],
    ['05-MAR-24', '2024-03-05'],
    ['5-Mar-2024', '2024-03-05'],
    ['30-FEB-24', null],
    ['Mar 5, 2024', '2024-03-05'],
    ['March 5, 2024', '2024-03-05'],
    ['5 Mar 2024', '2024-03-05'],
    // Gson's default for a java.util.Date (DateFormat's medium form, English locale); Java 20+
    // writes a narrow no-break space before AM/PM
    ['Mar 5, 2024 10:20:00 AM', '2024-03-05'],
    ['Mar 5, 2024, 11:59:59 PM', '2024-03-05'],
    ['Dec 31, 2024, 9:05:00\u202fPM', '2024-12-31'],
    ['Feb 30, 2024 10:20:00 AM', null],
    ['三月五日', null],
    ['abc', null],
    ['', null],
  ];
  it.each(cases)('%j → %j', async (input, expected) => {
    expect(await value(`SELECT CAST(tj_date(${lit(input)}) AS VARCHAR)`)).toBe(expected);
  });
  it('is NULL for NULL', async () => {
    expect(await value('SELECT tj_date(NULL)')).toBeNull();
  });
  it('flags years outside 1949–2100 as out of range', async () => {
    expect(await value(`SELECT tj_date_ok(tj_date('1900-01-01'))`)).toBe(false);
    expect(await value(`SELECT tj_date_ok(tj_date('1949-10-01'))`)).toBe(true);
    expect(await value(`SELECT tj_date_ok(NULL::DATE)`)).toBe(true);
  });
});

describe('tj_money: amounts with separators and units', () => {
  const cases: Array<[string, number, number | null]> = [
    ['1234.5', 1, 1234.5],
    ['1,234.50', 1, 1234.5],
    ['1，234', 1, 1234],
    ['12,345,678.9', 1, 12345678.9],
    ['1234元', 1, 1234],
    ['￥1,234', 1, 1234],
    ['¥ 50', 1, 50],
    ['RMB200', 1, 200],
    ['1.5万元', 1, 15000],
    ['1.2345万', 1, 12345],
    ['3万', 1, 30000],
    // a column headed 罚款金额（万元）: bare numbers are 万元
    ['2.5', 10000, 25000],
    ['2.5万元', 10000, 25000],
    ['0', 1, 0],
    ['-5', 1, -5],
    // 元整 and 人民币 as documents write an amount
    ['500元整', 1, 500],
    ['人民币1,200元整', 1, 1200],
    ['2,000万元', 1, 20000000],
    // a comma that does not separate thousands makes no amount (it was read as one: 1,23 → 123,
    // 12,50 → 1250, 1 234,50 → 123450)
    ['1,23', 1, null],
    ['12,50', 1, null],
    ['1,2345', 1, null],
    ['1 234,50', 1, null],
    ['1，23元', 1, null],
    // 大写 as documents write an amount (a column of 万元 still reads 元 as written)
    ['壹佰元', 1, 100],
    ['人民币伍佰元整', 1, 500],
    ['壹万零伍拾元', 1, 10050],
    ['壹拾万零伍佰元整', 10000, 100500],
    ['伍元叁角贰分', 1, 5.32],
    ['十五元', 1, 15],
    ['两千元', 1, 2000],
    ['伍元叁', 1, null],
    ['元整', 1, null],
    // no overflow: a trillion yuan or more is no amount, whatever the numerals
    // as hand-kept ledgers write them: 罚款 before, a remark in a bracket after, 千元
    ['罚款5000元', 1, 5000],
    ['罚款人民币5,000元', 1, 5000],
    // and in 大写 as a decision quotes it
    ['罚款人民币伍仟元整', 1, 5000],
    ['罚金贰佰元', 1, 200],
    ['罚款', 1, null],
    ['罚款人民币', 1, null],
    ['5000元（已缴）', 1, 5000],
    ['5000元(当场收缴)', 1, 5000],
    ['12000（元）', 1, 12000],
    ['1.2万元（已缴）', 1, 12000],
    ['5千元', 1, 5000],
    ['0.5千元', 1, 500],
    // a bracket holding a digit or a unit says another amount: none
    ['1.2（万元）', 1, null],
    ['5000(2024年)', 1, null],
    ['5000元,没收违法所得200元', 1, null],
    ['（已缴）', 1, null],
    ['罚款', 1, null],
    ['壹亿亿亿亿亿亿亿元', 1, null],
    ['壹万亿元', 1, null],
    ['abc', 1, null],
    ['12.3.4', 1, null],
    ['', 1, null],
  ];
  it.each(cases)('%j (scale %d) → %j', async (input, scale, expected) => {
    const v = await value(`SELECT CAST(tj_money(${lit(input)}, ${scale}) AS DOUBLE)`);
    expect(v).toBe(expected);
  });
  it('rounds to fen (2 decimals)', async () => {
    expect(await value(`SELECT CAST(tj_money('10.005', 1) AS VARCHAR)`)).toBe('10.01');
  });
});

describe('tj_bool: yes/no in every common form', () => {
  // (■ ▣ and ☐ □: a form's check boxes, filled and empty; ☑是 ☐否: both answers printed, one ticked)
  // (☒: the ticked glyph of Word's check-box content control; a blind probe's ticked boxes had
  // loaded as no)
  const truthy = ['是', 'Y', 'y', 'YES', 'yes', '1', '√', '✓', '✔', '☑', '☒', '■', '▣', 'TRUE', 'true', 'T', '有', '☑是 ☐否', '■是□否', '√是 □否', '☒是 ☐否'];
  // (✘ ✖: the crosses WPS and Word offer beside ×)
  const falsy = ['否', 'N', 'n', 'NO', '0', '×', '✗', '✘', '✕', '✖', '☐', '□', 'X', 'FALSE', 'false', 'F', '无', '☐是 ☑否', '□是■否', '☐是 ☒否'];
  it.each(truthy)('%j → true', async (s) => expect(await value(`SELECT tj_bool(${lit(s)})`)).toBe(true));
  it.each(falsy)('%j → false', async (s) => expect(await value(`SELECT tj_bool(${lit(s)})`)).toBe(false));
  // (both boxes ticked, or none: no answer)
  it.each(['可能', '待定', 'maybe', '☑是 ☑否', '☐是 ☐否'])('%j → NULL (unreadable)', async (s) => expect(await value(`SELECT tj_bool(${lit(s)})`)).toBeNull());
  // as ledgers write a yes or no in 是否批准延期, 法制审核, 听证, 是否网上办理
  it.each([
    ['已批准', true],
    ['已审核', true],
    ['已听证', true],
    ['未批准', false],
    ['尚未审核', false],
    ['没有听证', false],
    ['线上', true],
    ['网上', true],
    ['线下', false],
    ['是（网上）', true],
    ['√（已审核）', true],
    ['否（线下）', false],
    ['有（3次）', true],
    // not so: a long sentence, a bracket holding no remark after a word, no yes/no word before it
    ['已经批准同意延期', null],
    ['不涉及', null],
    ['(是)', null],
    ['是（', null],
    ['可能（待定）', null],
    ['已a', null],
  ])('%j → %j', async (s, want) => expect(await value(`SELECT tj_bool(${lit(s)})`)).toBe(want));
  it('empty → NULL', async () => expect(await value(`SELECT tj_bool('  ')`)).toBeNull());
});

describe('tj_int and tj_number', () => {
  it.each([
    ['90', 90],
    ['90天', 90],
    ['30 日', 30],
    ['3次', 3],
    // a year as ledgers write it
    ['2024年度', 2024],
    ['90.0', 90],
    ['9x', null],
    ['九十', null],
  ] as Array<[string, number | null]>)('int %j → %j', async (s, n) => expect(await value(`SELECT tj_int(${lit(s)})`)).toBe(n));
  it.each([
    ['40.5', 40.5],
    ['40学时', 40],
    ['1,200.5', 1200.5],
    ['12.5小时', 12.5],
    ['四十', null],
  ] as Array<[string, number | null]>)('number %j → %j', async (s, n) => expect(await value(`SELECT tj_number(${lit(s)})`)).toBe(n));
});

describe('tj_list: officer and unit lists in one cell', () => {
  it.each([
    ['ZF0002、ZF0003', ['ZF0002', 'ZF0003']],
    ['张三，李四', ['张三', '李四']],
    ['张三,李四;王五；赵六', ['张三', '李四', '王五', '赵六']],
    ['甲／乙/丙', ['甲', '乙', '丙']],
    ['张三 李四', ['张三', '李四']],
    ['张三、、李四、', ['张三', '李四']],
    ['ZF0001', ['ZF0001']],
  ] as Array<[string, string[]]>)('%j → %j', async (s, l) => {
    expect(await value(`SELECT tj_list(${lit(s)})`)).toEqual(l);
  });
  it('empty → NULL', async () => expect(await value(`SELECT tj_list('')`)).toBeNull());
  // a form tool's multi-select (钉钉宜搭, 简道云) exported as the text of a JSON array
  it.each([
    ['["警告","罚款"]', ['警告', '罚款']],
    ['[ "警告" , " 罚款 ", "" ]', ['警告', '罚款']],
    ['["没收违法所得、没收非法财物"]', ['没收违法所得、没收非法财物']],
    ['["ZF0002"]', ['ZF0002']],
    ['[1001, 1002]', ['1001', '1002']],
    ['["\\u8b66\\u544a","a\\/b"]', ['警告', 'a/b']],
  ] as Array<[string, string[]]>)('JSON array %j → %j', async (s, l) => {
    expect(await value(`SELECT tj_list(${lit(s)})`)).toEqual(l);
  });
  it('an empty JSON array → NULL', async () => {
    expect(await value(`SELECT tj_list('[]')`)).toBeNull();
    expect(await value(`SELECT tj_list('["", " "]')`)).toBeNull();
  });
  // an item that is no text or number is its JSON text, a null none (hostile probe 10: they were
  // split on the commas, [[1,2],"a"] into [[1 | 2] | "a"])
  it.each([
    ['[{"a":"警告"}]', ['{"a":"警告"}']],
    ['[["警告"],["罚款"]]', ['["警告"]', '["罚款"]']],
    ['[[1,2],"a"]', ['[1,2]', 'a']],
    ['["警告",null]', ['警告']],
    ['["警告",true]', ['警告', 'true']],
    ['[null]', null],
  ] as Array<[string, string[] | null]>)('a JSON array with other items %j → %j', async (s, l) => {
    expect(await value(`SELECT tj_list(${lit(s)})`)).toEqual(l);
  });
  it.each([
    ['[警告,罚款]', ['[警告', '罚款]']],
    ['["警告","罚款"', ['["警告"', '"罚款"']],
    // an escaped control character is not decoded into the list (hostile probe 10: ["\u0000"]
    // loaded a NUL the cell check had not seen)
    ['["\\u0000","x\\u001by"]', ['["\\u0000"', '"x\\u001by"]']],
  ] as Array<[string, string[]]>)('no JSON array %j: split as before → %j', async (s, l) => {
    expect(await value(`SELECT tj_list(${lit(s)})`)).toEqual(l);
  });
});

describe('tj_name_key', () => {
  it('ignores spaces, bracket width and case', async () => {
    expect(await value(`SELECT tj_name_key(' 嵊泗县（菜园镇） abc ') = tj_name_key('嵊泗县(菜园镇)ABC')`)).toBe(true);
  });
});

describe('the cheap cleaning paths give what tj_clean gives', () => {
  // cleanExpr('none') is for texts without any space separator or U+FEFF, 'ascii' for texts
  // whose only space is U+0020 (what the file scan reports).
  // (a tab, an apostrophe, =" or a full-width digit makes a text 'any': tj_clean changes those)
  // (a zero-width space or another invisible format character makes a text 'any': tj_clean deletes it)
  const none = ['', 'a', '案件', 'a\u2010b', '“引号”—…', '（甲）', 'x\ny', '=a', '=', '"x"', 'a\u2028', '\u2027', '‰'];
  const breaks = ['x\n', '\nx', '\r\nx\r\n', '\n', '\r', 'a\nb\n', '\n\r'];
  const ascii = [...none, ' ', '  a ', 'a b', ' 案件 ', '2024-03-05 10:00', '= x', ' =a ', '"a b"', ' \n a \r ', ' x\n', '\n y '];
  const run = async (cls: 'none' | 'ascii', texts: string[], lineBreaks: boolean) => {
    const { cleanExpr } = await import('./convert.js');
    const db = await memoryDb();
    const rows = await db.all<{ same: boolean }>(
      `SELECT tj_clean(c) IS NOT DISTINCT FROM ${cleanExpr('c', cls, lineBreaks)} AS same FROM (SELECT unnest([${texts.map(lit).join(', ')}]) AS c)`,
    );
    return rows.map((r) => r.same);
  };
  it.each([
    ['none', none],
    ['ascii', ascii],
  ] as const)('%s, cells that may hold line breaks', async (cls, texts) => {
    const all = [...texts, ...breaks];
    expect(await run(cls, all, true)).toEqual(all.map(() => true));
  });
  it.each([
    ['none', none],
    ['ascii', ascii],
  ] as const)('%s, cells that hold no line break at their ends', async (cls, texts) => {
    const plain = texts.filter((t) => !/^[\r\n]|[\r\n]$/.test(t.replace(/ +/g, '')));
    expect(await run(cls, plain, false)).toEqual(plain.map(() => true));
  });
  it('random texts of the ascii class', async () => {
    // every text of these characters is in the ascii class: no other space, tab, apostrophe, =", BOM
    const alphabet = ['a', '案', ' ', '\n', '\r', '=', '"', '-', '\u2010', '1'];
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const texts = Array.from({ length: 3000 }, () => Array.from({ length: Math.floor(rnd() * 7) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('')).filter((t) => !t.includes('="'));
    expect((await run('ascii', texts, true)).filter((x) => !x).length).toBe(0);
    expect((await run('none', texts.filter((t) => !t.includes(' ')), true)).filter((x) => !x).length).toBe(0);
  });
  it('any text: the text-by-text path (and tj_clean_1) give what tj_clean gives', async () => {
    // every character tj_clean acts on, the marks, and ordinary ones
    const alphabet = ['a', '案', ' ', '\n', '\r', '\t', '=', '"', "'", '\u3000', '\u00a0', '\u2000', '\u2005', '\u200a', '\u202f', '\u205f', '\u1680', '\ufeff', '０', '９', 'Ａ', 'ｚ', '＠', '5', '\u200b', '\u202e', '\u00ad', '\u2060', '-'];
    let seed = 11;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    const texts = [
      ...Array.from({ length: 4000 }, () => Array.from({ length: Math.floor(rnd() * 8) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join('')),
      // the marked forms, with spaces around
      '="330922"', ' ="330922" ', "'330922", "\u3000'330922\t", '="" ', "'", 'a="b"', '="a"b"', '\t="x"\r\n',
    ];
    const { cleanExpr } = await import('./convert.js');
    const db = await memoryDb();
    const rows = await db.all<{ c: string; same: boolean; same1: boolean }>(
      `SELECT c, tj_clean(c) IS NOT DISTINCT FROM ${cleanExpr('c', 'any')} AS same, tj_clean(c) IS NOT DISTINCT FROM tj_clean_1(c) AS same1
       FROM (SELECT unnest([${texts.map(lit).join(', ')}]) AS c)`,
    );
    expect(rows.filter((r) => !r.same || !r.same1).map((r) => r.c)).toEqual([]);
    expect(rows.length).toBe(texts.length);
  });
});

describe('tj_clean takes off the marks that keep a value text', () => {
  it.each([
    ['="330922198001011234"', '330922198001011234'],
    ['\t330922198001011234', '330922198001011234'],
    ["'330922198001011234", '330922198001011234'],
    ['\u3000\t 嵊综执罚〔2024〕1号 \r\n', '嵊综执罚〔2024〕1号'],
    ['="" ', null],
    ["'", null],
    ['a="b"', 'a="b"'],
    ['第一行\n第二行', '第一行\n第二行'],
    ['２０２４－０３－２０', '2024－03－20'],
    ['ＺＦ０１９９', 'ZF0199'],
    ['９１３３０９２２ＭＡ２ｂ', '91330922MA2b'],
    ['（甲）＠［］', '（甲）＠［］'],
    // invisible format characters are deleted (not made spaces): a name copied from a web page
    ['海洋执法队\u200b', '海洋执法队'],
    ['\u200b嵊海执罚〔2024〕1号', '嵊海执罚〔2024〕1号'],
    ['蒋飞\u00ad秀', '蒋飞秀'],
    ['\u202e司公某某\u202c', '司公某某'],
    ['\u2066张三\u2069、\u200e李四\u200f', '张三、李四'],
    ['海洋\ufeff执法队', '海洋执法队'],
    ['\u3000\u200b\u3000', null],
    // the rarer space separators inside a value are spaces, as U+3000 and U+00A0 were
    ['9:05:00\u202fPM', '9:05:00 PM'],
    ['张\u2005三\u1680李\u205f四\u2000', '张 三 李 四'],
    ['‐‧‰', '‐‧‰'],
  ])('%j → %j', async (raw, want) => {
    const db = await memoryDb();
    expect(await db.scalar(`SELECT tj_clean(${lit(raw)})`)).toBe(want);
  });
});

describe('full-width digits', () => {
  it('read as dates and amounts', async () => {
    const db = await memoryDb();
    expect(await db.scalar(`SELECT CAST(tj_date('２０２４－０３－２０') AS VARCHAR)`)).toBe('2024-03-20');
    expect(await db.scalar(`SELECT CAST(tj_date('２０２４年３月５日') AS VARCHAR)`)).toBe('2024-03-05');
    expect(await db.scalar(`SELECT CAST(tj_money('１，２００元', 1) AS VARCHAR)`)).toBe('1200.00');
  });
});

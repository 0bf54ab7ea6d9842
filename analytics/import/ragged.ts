// Why a row with more or fewer cells than the header is rejected, in words — the same text whether
// DuckDB's reader refused the line (a structural reject) or the width check of csvSource found it
// (a row check in SQL). A row with more cells is nearly always a value holding the delimiter
// without quotes (舟山某某公司嵊泗分公司,城关维修点): every value after it sits one column to the
// right, so loading it would put a name in the id column and a start date in the due date.
import { lit } from '../db/duck.js';

/** The delimiter as a person names it. */
export function delimiterName(delimiter: string): { zh: string; en: string } {
  switch (delimiter) {
    case ',':
      return { zh: '逗号「,」', en: 'comma (,)' };
    case '\t':
      return { zh: '制表符', en: 'tab' };
    case ';':
      return { zh: '分号「;」', en: 'semicolon (;)' };
    case '|':
      return { zh: '竖线「|」', en: 'bar (|)' };
    default:
      return { zh: `「${delimiter}」`, en: `"${delimiter}"` };
  }
}

/** The reason for a row of `found` cells under a header of `width` (`atLeast`: the row has at
 *  least that many; `surplus`: the text of the cells beyond the header, when known). */
export function raggedReason(width: number, found: number | null, delimiter: string, opts: { atLeast?: boolean; surplus?: string | null } = {}): { zh: string; en: string } {
  // (the count unknown: said without one, not as "?")
  const zh = found === null ? `列数与表头不一致（表头 ${width} 列）` : `列数与表头不一致（表头 ${width} 列，该行${opts.atLeast ? '至少' : ''} ${found} 列）`;
  const en = found === null ? `column count differs from the header (header ${width})` : `column count differs from the header (header ${width}, row ${opts.atLeast ? 'at least ' : ''}${found})`;
  if (found === null || found <= width) return { zh, en };
  const d = delimiterName(delimiter);
  const extra = found - width;
  const surplus = opts.surplus ? `（表头以外的内容：「${opts.surplus}」）` : '';
  const surplusEn = opts.surplus ? ` (beyond the header: "${opts.surplus}")` : '';
  return {
    zh: `${zh}：该行比表头多${opts.atLeast ? '出至少 ' : ' '}${extra} 个单元格，可能是某个值里有未加引号的${d.zh}，其后的值都错开了列${surplus}。未导入该行，以免数据错位；请给含${d.zh}的值加上英文双引号，或删去多余的${d.zh}后重新导入`,
    en: `${en}: the row has ${opts.atLeast ? 'at least ' : ''}${extra} cell(s) more than the header — probably a value holding an unquoted ${d.en}, which shifts every later value one column${surplusEn}. The row is not loaded, so that no value lands in the wrong column; quote that value or remove the extra ${d.en} and import again`,
  };
}

/**
 * The same reason as SQL text expressions over `__cells` (the row's number of cells when it differs
 * from the header's, NULL otherwise; `width + 2` means at least that many) and `__over` (the text
 * beyond the header).
 */
export function raggedReasonSql(width: number, delimiter: string): { zh: string; en: string } {
  const over = (lang: 'zh' | 'en', atLeast: boolean) => {
    const withSurplus = raggedReason(width, width + (atLeast ? 2 : 1), delimiter, { atLeast, surplus: '\u0000' })[lang];
    const [before, after] = withSurplus.split('\u0000') as [string, string];
    const without = raggedReason(width, width + (atLeast ? 2 : 1), delimiter, { atLeast })[lang];
    return `CASE WHEN nullif(__over, '') IS NULL THEN ${lit(without)} ELSE ${lit(before)} || __over || ${lit(after)} END`;
  };
  // fewer cells: the count is the only thing that varies
  const fewer = {
    zh: `${lit(`列数与表头不一致（表头 ${width} 列，该行 `)} || __cells || ' 列）'`,
    en: `${lit(`column count differs from the header (header ${width}, row `)} || __cells || ')'`,
  };
  const expr = (lang: 'zh' | 'en') =>
    `CASE WHEN __cells > ${width + 1} THEN ${over(lang, true)} WHEN __cells > ${width} THEN ${over(lang, false)} ELSE ${fewer[lang]} END`;
  return { zh: expr('zh'), en: expr('en') };
}

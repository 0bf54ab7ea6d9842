// A rejected row's reason codes (filed_date.invalid, row.ragged…) as the kind of problem a person
// reads: "立案日期：不是有效的日期". Used where rejected rows are counted by kind (the pre-check,
// the export sent back for 补正); the codes themselves stay in the data for technical users.
import { tableDef } from '../schema/tables.js';

const ROW_KINDS: Record<string, { zh: string; en: string }> = {
  'row.ragged': { zh: '列数与表头不一致', en: 'cells do not match the header' },
  'row.header_repeat': { zh: '重复的表头行', en: 'the header repeated' },
  'row.empty': { zh: '空行（所有单元格为空）', en: 'an empty line (every cell empty)' },
  'row.summary': { zh: '合计行或表尾说明', en: 'a total or a note under the table' },
  'row.encoding': { zh: '含有无法识别的字符（编码错误）', en: 'characters that could not be decoded' },
  'row.quote': { zh: '引号不配对，无法拆分', en: 'unbalanced quotes' },
  'row.malformed': { zh: '格式错误，无法读取', en: 'malformed line' },
  'key.duplicate_in_file': { zh: '与本文件中前面的行重复', en: 'duplicate of an earlier line of the file' },
  'key.exists': { zh: '工作区中已有同一编号的记录', en: 'already in the workspace' },
};

const KIND_TEXT: Record<string, (kind: string) => { zh: string; en: string }> = {
  required: () => ({ zh: '未填写（必填）', en: 'empty (required)' }),
  invalid: (kind) =>
    kind === 'date'
      ? { zh: '不是有效的日期', en: 'not a date' }
      : kind === 'money'
        ? { zh: '不是有效的金额', en: 'not an amount' }
        : kind === 'int' || kind === 'number'
          ? { zh: '不是有效的数字', en: 'not a number' }
          : kind === 'bool'
            ? { zh: '不是“是/否”', en: 'not yes/no' }
            : kind === 'enum'
              ? { zh: '不在可选值内', en: 'not one of the allowed values' }
              : { zh: '格式不对', en: 'not valid' },
  // dates outside 1949–2100; numbers too large for their column (value-limits.ts)
  range: (kind) =>
    kind === 'date'
      ? { zh: '日期超出合理范围', en: 'date out of range' }
      : kind === 'money'
        ? { zh: '超出可处理的范围（须小于 1 万亿元），可能误填了证件号码或编号', en: 'out of range (must be below one trillion yuan); an id number may have been pasted in' }
        : { zh: '超出整数范围，可能误填了证件号码或编号', en: 'out of range for a whole number; an id number may have been pasted in' },
  // an id Excel turned into a number (3.30922E+17)
  scientific: () => ({ zh: '编号被 Excel 改成了科学计数法，数字已丢失', en: 'an id Excel turned into scientific notation (digits lost)' }),
  min: () => ({ zh: '小于允许的最小值', en: 'below the minimum' }),
  max: () => ({ zh: '大于允许的最大值', en: 'above the maximum' }),
};

/** The problem alone, without the field's name ("不是有效的日期"); null for codes of no field. */
export function problemOf(table: string, code: string): { zh: string; en: string } | null {
  const dot = code.lastIndexOf('.');
  const field = tableDef(table)?.fields.find((f) => f.name === code.slice(0, dot));
  const text = KIND_TEXT[code.slice(dot + 1)];
  return field && text ? text(field.kind) : null;
}

/** The kind of problem a reason code stands for, in plain words (the code itself when unknown). */
export function reasonKind(table: string, code: string): { zh: string; en: string } {
  const row = ROW_KINDS[code];
  if (row) return row;
  const dot = code.lastIndexOf('.');
  const field = tableDef(table)?.fields.find((f) => f.name === code.slice(0, dot));
  const text = KIND_TEXT[code.slice(dot + 1)];
  if (field && text) {
    const t = text(field.kind);
    return { zh: `${field.zh}：${t.zh}`, en: `${field.en}: ${t.en}` };
  }
  return { zh: code, en: code };
}

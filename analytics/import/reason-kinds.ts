// A rejected row's reason codes (filed_date.invalid, row.ragged…) as the kind of problem a person
// reads: "立案日期：不是有效的日期". Used where rejected rows are counted by kind (the pre-check,
// the export sent back for 补正); the codes themselves stay in the data for technical users.
// Every code a reader, the import or the feedback import (rectify/feedback.ts) can give a rejected
// row has an entry here or is a field's code (KIND_TEXT); reason-kinds.test.ts scans the sources.
import { tableDef } from '../schema/tables.js';

const ROW_KINDS: Record<string, { zh: string; en: string }> = {
  'row.ragged': { zh: '列数与表头不一致', en: 'cells do not match the header' },
  'row.fixed_width': { zh: '定宽文本的值超出列宽，无法切分', en: 'a value of fixed-width text runs past its column' },
  'row.header_repeat': { zh: '重复的表头行', en: 'the header repeated' },
  'row.empty': { zh: '空行（所有单元格为空）', en: 'an empty line (every cell empty)' },
  'row.summary': { zh: '合计、页码、标题或表尾说明', en: 'a total, a page number, a title or a note under the table' },
  'row.other_table': { zh: '文件中另一张表的行（另一张表头之下）', en: 'a row of another table in the file (under another header)' },
  'row.encoding': { zh: '含有无法识别的字符（编码错误）', en: 'characters that could not be decoded' },
  'row.quote': { zh: '引号不配对，无法拆分', en: 'unbalanced quotes' },
  'row.malformed': { zh: '格式错误，无法读取', en: 'malformed line' },
  'row.control_char': { zh: '含有控制字符（如 NUL）', en: 'control characters (such as NUL)' },
  'row.too_long': { zh: '内容过长（单元格或整行超过长度上限）', en: 'too long (a cell or the line is over the limit)' },
  'row.name_too_long': { zh: '名称过长（单位名称、简称、别名不超过 100 个字符，事项名称 300 个，人员姓名 50 个）', en: 'a name too long (unit names, short names and other names up to 100 characters, matter names 300, officer names 50)' },
  'row.too_wide': { zh: '列数过多（超过 Excel 的列数上限）', en: 'too many columns (more than Excel allows)' },
  'row.duplicate_key': { zh: '同一记录中一个键出现多次', en: 'a key named twice in one record' },
  'row.repeated': { zh: '同一行在文件中重复了上千次（多为填充到表底）', en: 'one row repeated thousands of times (filled down to the end)' },
  'key.duplicate_in_file': { zh: '与本文件中前面的行重复', en: 'duplicate of an earlier line of the file' },
  'row.cell_labels': { zh: '消息中有其他消息没有的标签（每格一条消息的表）', en: 'a message with labels the others do not have (a sheet of one message per cell)' },
  'row.deleted': { zh: '源系统中已删除或作废的记录', en: 'a record the source system deleted or voided' },
  'key.superseded': { zh: '同一记录的较旧版本（本文件中有较新的版本）', en: 'an older version of a record (a newer one is in the file)' },
  'key.exists': { zh: '工作区中已有同一编号的记录', en: 'already in the workspace' },
  // the rows of an imported feedback form (整改情况反馈表) that could not be taken
  'rectify.no_item': { zh: '缺少事项编号', en: 'no item code' },
  'rectify.unknown_item': { zh: '事项编号在工作区中不存在', en: 'unknown item code' },
  'rectify.wrong_unit': { zh: '事项与单位不符', en: 'item and unit do not match' },
  'rectify.duplicate_row': { zh: '同一事项重复填报', en: 'the same item on several rows' },
  'rectify.bad_status': { zh: '整改状态无法识别', en: 'unknown status' },
  'rectify.bad_date': { zh: '完成时间不是有效的日期', en: 'completion date not a date' },
  'rectify.future_date': { zh: '完成时间晚于今天', en: 'completion date after today' },
  // (a note on a row that was applied, kept in the import log — not a rejection)
  'rectify.overdue_status': { zh: '状态填为“逾期”：逾期由期限判断，状态未改，其余内容已更新', en: 'status written 逾期 (overdue): overdue follows the deadline, the status was left, the rest applied' },
  'rectify.reason_required': { zh: '不予整改未说明理由', en: 'no reason given for 不予整改 (not to be rectified)' },
  'rectify.completed_required': { zh: '已整改未填写完成时间', en: 'no completion date for 已整改 (rectified)' },
  'rectify.deadline': { zh: '整改期限不是有效的日期', en: 'deadline not a date' },
  'rectify.wrong_period': { zh: '事项不属于本反馈表（年度或导出时间不符）', en: 'the item is not of this form (period or export time)' },
  'rectify.early_date': { zh: '完成时间早于问题所属年度', en: 'completion date before the item\'s period' },
  'rectify.date_without_done': { zh: '未整改却填写了完成时间', en: 'a completion date without 已整改' },
  'rectify.control_char': { zh: '含有控制字符或双向文字控制符', en: 'control characters or bidirectional controls' },
  'rectify.error_value': { zh: '填写的是 Excel 错误值', en: 'an Excel error value as the answer' },
  'rectify.stale_form': { zh: '反馈表导出后事项已更新，表中状态较旧', en: 'the item changed after the form was exported' },
  'rectify.not_in_form': { zh: '不是反馈表导出时的事项', en: 'not an item the form was exported with' },
  'rectify.item_mismatch': { zh: '事项编号在本工作区指另一个问题', en: 'the item code names another problem here' },
  'rectify.problem_mismatch': { zh: '问题描述与事项不符', en: "the problem shown is not the item's" },
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
  // /, 无, NULL, N/A… written for "empty" (PLACEHOLDERS in sql-macros.ts)
  placeholder: () => ({ zh: '是表示“空”的占位符（如 /、无、NULL）', en: 'a placeholder for "empty" (such as /, 无, NULL)' }),
  // an id number printed masked (3302**********1234: MASK_CHARS in sql-macros.ts)
  masked: () => ({ zh: '是脱敏的号码（部分数字被 * 等遮盖），不能识别是谁', en: 'a masked number (digits hidden by * or the like); it identifies no one' }),
  // text with no digit in an id number's column (未提供, 见附件)
  noid: () => ({ zh: '不是证件号码或代码（没有数字）', en: 'not an id number or code (it has no digit)' }),
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

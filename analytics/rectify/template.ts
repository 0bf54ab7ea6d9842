// The feedback template (整改情况反馈表): one XLSX per unit listing its items, for the unit to fill in
// 整改措施, 完成时间, 佐证材料, 责任人 and the status, and send back. Its layout is what the import
// recognises: a very hidden sheet `_tijian_rectify` whose first cells say what the file is, for
// which unit and period; the defined name TIJIAN_RECTIFY_HEADER on the fixed header row (row 3)
// of the first sheet; the stable item code (ZG000123) in column A. Every text cell goes through
// safeCell: text starting with = + - @ is written with a leading apostrophe (no formula runs), and a
// character XML cannot hold as U+FFFD (the marker's texts get the latter only: the import reads them).
// The marker is signed (form-sign.ts): an HMAC-SHA256, keyed by the workspace's secret, over the
// workspace id, unit, period, export time and, per item row of the form, its code and item key.
import type ExcelJS from 'exceljs';
import { formSignature, itemKey, type FormSecret } from './form-sign.js';
import { safeCell } from '../export/tabular.js';
import { writeAtomic } from '../io/atomic-write.js';
import { xmlText } from '../export/xml-text.js';
import { maskName, maskNumbersInText } from '../privacy/mask.js';
import { dateZh } from '../report/format.js';
import { KIND_ZH, STORED_STATUSES, type RectifyItem } from './types.js';

export const TEMPLATE_KIND = 'tijian-rectify-feedback';
/** 2: the marker is signed and lists the form's items (1: unsigned, refused on import). */
export const TEMPLATE_VERSION = 2;
export const MARKER_SHEET = '_tijian_rectify';
export const FEEDBACK_SHEET = '整改情况反馈表';
export const HEADER_NAME = 'TIJIAN_RECTIFY_HEADER';
/** The header is on this row (1-based); data below it. */
export const HEADER_ROW = 3;

export interface TemplateColumn {
  key: 'code' | 'unit_id' | 'kind' | 'problem' | 'requirement' | 'deadline' | 'status' | 'measures' | 'completed_on' | 'proof' | 'owner' | 'status_reason';
  header: string;
  width: number;
  /** Filled in by the unit. */
  input?: true;
}

/** The fixed header, in order. The import refuses a file whose header row differs. */
export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  { key: 'code', header: '事项编号', width: 11 },
  { key: 'unit_id', header: '单位编码', width: 9 },
  { key: 'kind', header: '问题类型', width: 9 },
  { key: 'problem', header: '问题描述', width: 46 },
  { key: 'requirement', header: '整改要求', width: 40 },
  { key: 'deadline', header: '整改期限', width: 12 },
  { key: 'status', header: '整改状态', width: 10, input: true },
  { key: 'measures', header: '整改措施', width: 36, input: true },
  { key: 'completed_on', header: '完成时间', width: 12, input: true },
  { key: 'proof', header: '佐证材料', width: 28, input: true },
  { key: 'owner', header: '责任人', width: 10, input: true },
  { key: 'status_reason', header: '不予整改理由', width: 24, input: true },
];

export const INSTRUCTIONS =
  '填写说明：请只在浅黄色列填写，不要改动“事项编号”列和表头。整改状态填 待整改、整改中、已整改 或 不予整改（“逾期”由整改期限自动判定，不必填写）；' +
  '已整改的须填写完成时间（如 2024-05-31），不予整改的须填写理由；空白单元格不会清除已报送的内容。填好后把本文件原样交回，由评估办公室导入 Tijian。';

const COL_LETTER = (i: number) => String.fromCharCode(65 + i);

export interface TemplateOptions {
  unitId: string;
  unitName: string;
  /** The period the items were raised from (a label), for the title and the marker. */
  period: string;
  /** Write 责任人 and the numbers in the answers in the clear (default masked: a masked name sent
   *  back unchanged is ignored, a masked number in an answer is read as the number it masks). */
  unmask?: boolean;
  issuer?: string;
  /** The date printed (default: today). */
  date?: string;
  /** The workspace's id and form key: the marker is signed with it. */
  secret: FormSecret;
  /** The export time written in the marker (default: now). */
  generatedAt?: string;
}

/** Writes one unit's feedback template. */
export async function writeFeedbackTemplate(path: string, items: readonly RectifyItem[], o: TemplateOptions): Promise<void> {
  // loaded here: this module's constants are read by every import and undo (feedback.ts), which
  // should not load exceljs for them
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  wb.creator = 'Tijian 执法体检工作台';
  wb.created = new Date();
  const ws = wb.addWorksheet(FEEDBACK_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW, xSplit: 1 }] });
  ws.columns = TEMPLATE_COLUMNS.map((c) => ({ key: c.key, width: c.width }));
  const last = COL_LETTER(TEMPLATE_COLUMNS.length - 1);
  ws.mergeCells(`A1:${last}1`);
  ws.getCell('A1').value = safeCell(`${o.unitName}（${o.unitId}）${/^\d{4}$/.test(o.period) ? `${o.period}年度` : o.period}行政执法体检问题整改情况反馈表`) as string;
  ws.getCell('A1').font = { bold: true, size: 14 };
  ws.getCell('A1').alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 26;
  ws.mergeCells(`A2:${last}2`);
  ws.getCell('A2').value = safeCell(`${INSTRUCTIONS}${o.date ? `（${o.issuer ? `${o.issuer}，` : ''}${dateZh(o.date)}导出）` : ''}`) as string;
  ws.getCell('A2').alignment = { wrapText: true, vertical: 'top' };
  ws.getCell('A2').font = { size: 9, color: { argb: 'FF555555' } };
  ws.getRow(2).height = 42;
  const header = ws.getRow(HEADER_ROW);
  TEMPLATE_COLUMNS.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.value = c.header;
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.input ? 'FFFFE699' : 'FFE8EEF5' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  const statusList = `"${STORED_STATUSES.join(',')}"`;
  // ID and phone numbers typed in the answers masked as 责任人 is (the form is mailed out); the
  // import takes a masked number sent back for the number it masks (feedback.ts, unmaskTyped)
  const typed = (x: string | null) => (x === null || o.unmask ? x : maskNumbersInText(x));
  items.forEach((it, k) => {
    const r = ws.getRow(HEADER_ROW + 1 + k);
    const values: Record<TemplateColumn['key'], unknown> = {
      code: it.code,
      unit_id: it.unit_id,
      kind: KIND_ZH[it.kind],
      problem: it.problem,
      requirement: it.requirement,
      deadline: it.deadline,
      status: it.stored_status,
      measures: typed(it.measures),
      completed_on: it.completed_on,
      proof: typed(it.proof),
      owner: it.owner === null ? null : o.unmask ? it.owner : maskName(it.owner),
      status_reason: typed(it.status_reason),
    };
    TEMPLATE_COLUMNS.forEach((c, i) => {
      const cell = r.getCell(i + 1);
      const v = values[c.key];
      cell.value = (v === null || v === undefined ? null : safeCell(v)) as ExcelJS.CellValue;
      cell.alignment = { wrapText: true, vertical: 'top' };
      if (c.input) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF8DC' } };
      if (c.key === 'status') cell.dataValidation = { type: 'list', allowBlank: true, showErrorMessage: true, errorTitle: '整改状态', error: `请选择：${STORED_STATUSES.join('、')}`, formulae: [statusList] };
    });
  });
  // The header row as a defined name: part of what makes the layout recognisable.
  wb.definedNames.add(`'${FEEDBACK_SHEET}'!$A$${HEADER_ROW}:$${last}$${HEADER_ROW}`, HEADER_NAME);
  const marker = wb.addWorksheet(MARKER_SHEET, { state: 'veryHidden' });
  // every signed value written as text: it is read back as the text it was signed as (an .xls
  // saved again by a unit keeps it)
  const signed = {
    kind: TEMPLATE_KIND,
    version: TEMPLATE_VERSION,
    workspace_id: xmlText(o.secret.workspace_id),
    unit_id: xmlText(o.unitId),
    period: xmlText(o.period),
    masked: !o.unmask,
    generated_at: o.generatedAt ?? new Date().toISOString(),
    items: items.map((it) => [it.code, itemKey(it)] as const),
  };
  marker.addRow([TEMPLATE_KIND, TEMPLATE_VERSION]);
  marker.addRow(['unit_id', signed.unit_id]);
  marker.addRow(['period', signed.period]);
  marker.addRow(['items', items.length]);
  marker.addRow(['masked', signed.masked ? 'yes' : 'no']);
  marker.addRow(['generated_at', signed.generated_at]);
  marker.addRow(['workspace_id', signed.workspace_id]);
  for (const [code, key] of signed.items) marker.addRow(['item', code, key]);
  marker.addRow(['signature', formSignature(o.secret.key, signed)]);
  await writeAtomic(path, (tmp) => wb.xlsx.writeFile(tmp));
}

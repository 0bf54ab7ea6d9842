// Arrow pages from the engine, decoded for display.
import { tableFromIPC, Type, type Table } from 'apache-arrow';
import type { ColumnInfo, Page } from '../../../electron/contract';

export interface DecodedPage {
  total: number;
  offset: number;
  columns: ColumnInfo[];
  table: Table;
}

export function decodePage(page: Page): DecodedPage {
  return { total: page.total, offset: page.offset, columns: page.columns, table: tableFromIPC(page.arrow) };
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

export function isoDate(ms: number): string {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

const money = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A cell as text: dates ISO, lists joined with 、, booleans 是/否, money with two decimals. */
export function cellText(v: unknown, typeId: Type, kind: ColumnInfo['kind'] | undefined, bool: { t: string; f: string }): string {
  if (v === null || v === undefined) return '';
  if (typeId === Type.Date) return isoDate(v as number);
  if (typeId === Type.Bool) return v ? bool.t : bool.f;
  if (typeId === Type.List) return [...(v as Iterable<unknown>)].map((x) => (x === null ? '∅' : String(x))).join('、');
  if (typeof v === 'number') {
    if (kind === 'money') return money.format(v);
    return String(v);
  }
  return String(v);
}

/** Numbers and dates align right. */
export function isNumeric(typeId: Type): boolean {
  return typeId === Type.Int || typeId === Type.Float || typeId === Type.Decimal;
}

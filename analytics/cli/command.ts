// The shape of a CLI command, and the helpers they share.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { TijianError } from '../i18n/errors.js';
import { jsonShown } from '../i18n/shown.js';
import { isCalendarDate } from '../report/format.js';

export interface CliIO {
  out: (s: string) => void;
  err: (s: string) => void;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Returns the exit code. */
  run(argv: string[], io: CliIO): Promise<number>;
}

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new TijianError('USAGE', `参数错误：${(e as Error).message}\n用法：${usage}`, `Bad arguments: ${(e as Error).message}\nUsage: ${usage}`);
  }
}

export function requireOption(value: string | undefined, name: string, usage: string): string {
  if (!value) throw new TijianError('USAGE', `缺少参数 --${name}。用法：${usage}`, `Missing --${name}. Usage: ${usage}`);
  return value;
}

/** Pads to `width` terminal columns, counting CJK and full-width characters as two. */
export function padCols(s: string, width: number, start = false): string {
  let w = 0;
  for (const ch of s) w += (ch.codePointAt(0) ?? 0) >= 0x2e80 ? 2 : 1;
  const pad = ' '.repeat(Math.max(0, width - w));
  return start ? pad + s : s + pad;
}

/** A value as the JSON a command prints: C0 controls are escaped by JSON itself; DEL, C1 and
 *  bidirectional controls, which JSON leaves as they are, too (\u202e: the same value read back). */
export function json(value: unknown): string {
  return jsonShown(JSON.stringify(value, (_, v) => (typeof v === 'bigint' ? Number(v) : v), 2));
}

/**
 * A date option (--date, --as-of, --deadline…) checked before any work: YYYY-MM-DD and a real day
 * of the calendar. 2025-02-30 had signed a notice 2025年2月30日, or stopped a command with DuckDB's
 * raw conversion error (probe 15, F3). Undefined stays undefined.
 */
export function dateOption(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const v = value.trim();
  if (isCalendarDate(v)) return v;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(v);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) {
    const days = new Date(Date.UTC(Number(m[1]), Number(m[2]), 0)).getUTCDate();
    throw new TijianError(
      'USAGE',
      `--${name} 的日期“${v}”不存在：${Number(m[1])}年${Number(m[2])}月只有 ${days} 天。请写一个有效日期（YYYY-MM-DD，如 ${m[1]}-${m[2]}-${String(days).padStart(2, '0')}）。`,
      `--${name}: "${v}" is not a date — ${m[1]}-${m[2]} has ${days} days. Give a real date as YYYY-MM-DD (e.g. ${m[1]}-${m[2]}-${String(days).padStart(2, '0')}).`,
    );
  }
  throw new TijianError('USAGE', `--${name} 的日期“${v}”无法识别：请写作 YYYY-MM-DD（如 2025-03-01）。`, `--${name}: "${v}" is not a date; write it as YYYY-MM-DD (e.g. 2025-03-01).`);
}

// The shape of a CLI command, and the helpers they share.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { TijianError } from '../i18n/errors.js';
import { jsonShown } from '../i18n/shown.js';

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

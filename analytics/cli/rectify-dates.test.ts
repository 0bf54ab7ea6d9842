// Dates given on the command line are real calendar days or a clear zh+en refusal naming the
// option, before any work (probe 15, F3: `rectify export --date 2025-02-30` signed the notices
// 2025年2月30日; list --as-of, set --deadline/--completed, create --issued and report --date stopped
// with DuckDB's raw "Conversion Error"); a bad --status is refused in English too.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { asOfDate } from '../rectify/ledger.js';
import { isCalendarDate } from '../report/format.js';
import { sampleWorkspace, tempDir } from '../test/helpers.js';
import { dateOption } from './command.js';
import { main } from './main.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

describe('calendar dates', () => {
  it('isCalendarDate and dateOption', () => {
    expect(['2024-02-29', '2025-02-28', '2025-12-31'].map(isCalendarDate)).toEqual([true, true, true]);
    expect(['2025-02-29', '2025-02-30', '2025-04-31', '2025-13-01', '2025-00-10', '2025-1-1', '20250301'].map(isCalendarDate)).toEqual([false, false, false, false, false, false, false]);
    expect(dateOption(' 2025-03-01 ', 'date')).toBe('2025-03-01');
    expect(dateOption(undefined, 'date')).toBeUndefined();
    expect(() => dateOption('2025-02-30', 'as-of')).toThrow(expect.objectContaining({ zh: expect.stringContaining('--as-of 的日期“2025-02-30”不存在：2025年2月只有 28 天'), en: expect.stringContaining('--as-of: "2025-02-30" is not a date — 2025-02 has 28 days') }));
    expect(() => dateOption('2025/03/01', 'deadline')).toThrow(expect.objectContaining({ code: 'USAGE', en: expect.stringContaining('--deadline: "2025/03/01" is not a date; write it as YYYY-MM-DD') }));
    expect(() => asOfDate('2025-02-30')).toThrow(expect.objectContaining({ code: 'USAGE' }));
  });

  it('every rectify and report date option refuses 2025-02-30 before any work, zh and en; --status in English too', async () => {
    const ws = await sampleWorkspace();
    const path = ws.path;
    ws.close();
    const out = join(tempDir(), 'out');
    const cases: Array<[string[], string]> = [
      [['rectify', 'export', '--workspace', path, '--out', out, '--date', '2025-02-30'], 'date'],
      [['rectify', 'export', '--workspace', path, '--out', out, '--as-of', '2025-02-30'], 'as-of'],
      [['rectify', 'list', '--workspace', path, '--as-of', '2025-02-30'], 'as-of'],
      [['rectify', 'set', '--workspace', path, '--item', 'ZG000001', '--deadline', '2025-02-30'], 'deadline'],
      [['rectify', 'set', '--workspace', path, '--item', 'ZG000001', '--status', '已整改', '--completed', '2025-02-30'], 'completed'],
      [['rectify', 'create', '--workspace', path, '--run', '1', '--issued', '2025-02-30'], 'issued'],
      [['report', '--workspace', path, '--period', '2023', '--type', 'county', '--format', 'docx', '--out', join(out, 'r.docx'), '--date', '2025-02-30'], 'date'],
    ];
    for (const [args, opt] of cases) {
      const r = await run(args);
      expect([r.code, r.err], args.join(' ')).toEqual([2, expect.stringContaining(`错误：--${opt} 的日期“2025-02-30”不存在：2025年2月只有 28 天`)]);
      expect(r.err).toContain(`Error: --${opt}: "2025-02-30" is not a date — 2025-02 has 28 days`);
      expect(r.err).not.toMatch(/内部错误|Conversion Error/);
    }
    expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
    const st = await run(['rectify', 'set', '--workspace', path, '--item', 'ZG000001', '--status', '逾期']);
    expect(st.err).toContain('Error: --status must be one of 待整改, 整改中, 已整改, 不予整改 (to rectify, in progress, rectified, not to be rectified; 逾期, overdue, follows from the deadline and cannot be set): 逾期');
    const ls = await run(['rectify', 'list', '--workspace', path, '--status', '逾期期']);
    expect(ls.err).toContain('Error: --status must be one of 待整改, 整改中, 逾期, 已整改, 不予整改 (to rectify, in progress, overdue, rectified, not to be rectified): 逾期期');
  });
});

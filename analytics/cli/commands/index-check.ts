import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { AUDIT_FLAG_TEXT, type DiscriminationAudit } from '../../eval/audit.js';
import { DEFAULT_INDEX_PATH, evaluate } from '../../eval/run.js';
import { TijianError } from '../../i18n/errors.js';
import { formatIndexErrors } from '../../index/parse.js';
import { checkIndexText, loadIndexFile, MAX_INDEX_FILE } from '../../index/validate.js';
import { Workspace } from '../../workspace/workspace.js';
import { json, parse, type CliIO, type Command } from '../command.js';

const usage = 'tijian index check [FILE] [--workspace W --period P] [--json]   |   tijian index path';

const num = (x: number | null, d = 4) => (x === null ? '—' : String(Number(x.toFixed(d))));

/** The discrimination audit as a table for the terminal. */
export function printAudit(a: DiscriminationAudit, io: CliIO): void {
  io.out(`区分度审查 Discrimination audit — ${a.period}，${a.units} 个单位 / units`);
  io.out(`指标                          单位数  0分  满分  取值范围            目标值区间 [依据]               问题`);
  for (const i of a.indicators) {
    if (!i.n && !i.flags.length) continue;
    const mark = i.severity === 'fail' ? '✗' : i.severity === 'warn' ? '!' : ' ';
    const range = i.min === null ? '—' : `${num(i.min)}–${num(i.max)}`;
    const gp = `${num(i.goalposts.lower)}–${num(i.goalposts.upper)} [${i.goalposts.basis ?? '无依据'}]`;
    io.out(
      `${mark} ${i.name.zh.padEnd(14, '　')} ${String(i.n).padStart(4)} ${String(i.at0).padStart(4)} ${String(i.at100).padStart(5)}  ${range.padEnd(18)}  ${gp.padEnd(28)} ${i.flags.map((f) => AUDIT_FLAG_TEXT[f].zh).join('；')}`,
    );
  }
  for (const r of a.redundant) io.out(`! 高度相关 redundant: ${r.a} ~ ${r.b} r = ${r.r.toFixed(3)}`);
  io.out(
    a.passed
      ? `✓ 通过：没有不区分单位的指标，目标值区间均有依据（提示 ${a.warnings} 项）/ passed (${a.warnings} warning(s))`
      : `✗ 未通过：${a.failures} 项指标不合格（不区分单位，或目标值区间没有依据）/ failed: ${a.failures} indicator(s)`,
  );
}

export const indexCommand: Command = {
  name: 'index',
  summary: '检查指标体系文件及其区分度 / check an index-system file and its discrimination',
  usage,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' }, workspace: { type: 'string' }, period: { type: 'string' } }, usage);
    const [sub, fileArg] = positionals;
    if (sub === 'path') {
      io.out(DEFAULT_INDEX_PATH);
      return 0;
    }
    if (sub !== 'check' || (!fileArg && !values.workspace)) throw new TijianError('USAGE', `用法：${usage}`, `Usage: ${usage}`);
    if (values.workspace && !values.period) throw new TijianError('USAGE', `审查区分度需要 --period（如 2024）。用法：${usage}`, `The audit needs --period (e.g. 2024). Usage: ${usage}`);
    const file = fileArg ?? DEFAULT_INDEX_PATH;
    let text: string;
    try {
      if (statSync(file).size > MAX_INDEX_FILE) {
        throw new TijianError('INDEX_INVALID', `“${file}”过大（超过 ${MAX_INDEX_FILE >> 20} MiB），不是指标体系文件。`, `"${file}" is too large (over ${MAX_INDEX_FILE >> 20} MiB) to be an index-system file.`);
      }
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if (e instanceof TijianError) throw e;
      throw new TijianError('FILE_NOT_FOUND', `找不到文件：${file}`, `File not found: ${file}`);
    }
    const { system, errors } = await checkIndexText(text);
    if (!system) {
      if (values.json) io.out(json({ file, valid: false, errors, indicators: null }));
      else {
        io.out(`✗ ${file}: ${errors.length} 处错误 / error(s)`);
        io.out(formatIndexErrors(errors, file));
      }
      return 1;
    }
    if (!values.workspace) {
      if (values.json) io.out(json({ file, valid: true, errors, indicators: system.indicators.length }));
      else io.out(`✓ ${file}: ${system.name.zh}，${system.dimensions.length} 个维度、${system.indicators.length} 项指标、${system.red_lines.length} 条红线，全部 SQL 可执行 / valid`);
      return 0;
    }
    // the discrimination audit: the index evaluated on the workspace's period (not saved)
    const index = await loadIndexFile(resolve(file));
    const ws = await Workspace.open(resolve(values.workspace), { create: false, readOnlyFallback: true });
    try {
      const r = await evaluate(ws, { period: values.period!, index, draws: 0, save: false, allowIncomplete: true });
      const audit = r.audit!;
      if (values.json) {
        io.out(json({ file, valid: true, indicators: system.indicators.length, readiness: r.readiness, audit }));
        return audit.passed ? 0 : 1;
      }
      io.out(`✓ ${file}: ${system.name.zh}，${system.indicators.length} 项指标，全部 SQL 可执行 / valid`);
      if (r.readiness && r.readiness.status !== 'ready') {
        io.out(`! 数据${r.readiness.status === 'insufficient' ? '不足' : '不全'}：无数据的指标 ${r.readiness.missing_indicators.map((m) => m.id).join('、') || '—'}`);
      }
      printAudit(audit, io);
      return audit.passed ? 0 : 1;
    } finally {
      ws.close();
    }
  },
};

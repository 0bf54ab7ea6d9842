import { resolve } from 'node:path';
import { resultJson, writeResult } from '../../eval/export.js';
import { evaluate, type WeightMethod } from '../../eval/run.js';
import { TijianError } from '../../i18n/errors.js';
import { loadIndexFile } from '../../index/validate.js';
import { Workspace } from '../../workspace/workspace.js';
import { json, parse, requireOption, type CliIO, type Command } from '../command.js';
import { prepareOut } from '../out-path.js';
import type { EvaluationResult } from '../../eval/types.js';

const usage =
  'tijian evaluate --workspace FILE --period 2024 [--compare 2023] [--index FILE] [--weights equal|expert|ahp|entropy] [--draws N] [--json] [--out FILE.json|.xlsx|.csv]';

const WEIGHTS = ['equal', 'expert', 'ahp', 'entropy'];

/** The ranking and the seed's targets, as a table for the terminal. */
export function printResult(r: EvaluationResult, io: CliIO): void {
    io.out(`评估批次 #${r.run_id}  ${r.index_name.zh}  ${r.period.label}${r.compare ? ` 对比 ${r.compare.label}` : ''}  (${r.seconds.toFixed(2)} s)`);
    io.out(`排名 单位                    总分   等次   变化   ${r.dimensions.map((d) => d.name.zh).join('  ')}   红线`);
    for (const e of r.entities) {
      const dims = r.dimensions.map((d) => fmt(e.dimensions[d.id]).padStart(6)).join('  ');
      const flags = e.flags.map((f) => `${f.name.zh}×${f.hits}${e.vetoed_by.includes(f.id) ? '（否决）' : ''}`).join('；');
      io.out(
        `${String(e.rank ?? '—').padStart(3)}  ${e.short_name.padEnd(12, '　')} ${fmt(e.total).padStart(6)}  ${(e.grade ?? '—').padEnd(3, '　')} ${e.change?.total != null ? (e.change.total >= 0 ? '+' : '') + fmt(e.change.total) : '   —'}  ${dims}  ${flags}`,
      );
    }
    io.out('\n改革目标 Targets:');
    for (const t of r.targets.filter((x) => x.source === 'seed')) {
      const pct = t.unit === 'percent';
      const v = (x: number | null | undefined) => (x === null || x === undefined ? '—' : pct ? `${(x * 100).toFixed(1)}%` : Number.isInteger(x) ? String(x) : x.toFixed(2));
      io.out(`  ${t.met ? '✓' : t.met === false ? '✗' : '?'} ${t.name.zh}: ${v(t.actual)}（目标 ${t.op} ${v(t.target)}）`);
    }
}

function fmt(n: number | null | undefined, d = 1): string {
  return n === null || n === undefined ? '—' : n.toFixed(d);
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: '运行体检评估 / run the evaluation',
  usage,
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        workspace: { type: 'string' },
        period: { type: 'string' },
        compare: { type: 'string' },
        index: { type: 'string' },
        weights: { type: 'string' },
        draws: { type: 'string' },
        json: { type: 'boolean' },
        out: { type: 'string' },
      },
      usage,
    );
    const wsPath = requireOption(values.workspace, 'workspace', usage);
    const period = requireOption(values.period, 'period', usage);
    if (values.weights && !WEIGHTS.includes(values.weights)) {
      throw new TijianError('USAGE', `--weights 只能是 ${WEIGHTS.join('、')}`, `--weights must be one of ${WEIGHTS.join(', ')}`);
    }
    // the output's folder before the run is saved: a bad --out is told now, not after
    const out = values.out ? prepareOut(values.out, { exts: ['.json', '.xlsx', '.csv'] }) : undefined;
    const index = values.index ? await loadIndexFile(resolve(values.index)) : undefined;
    const ws = await Workspace.open(wsPath, { create: false });
    try {
      const r = await evaluate(ws, {
        period,
        ...(values.compare ? { compare: values.compare } : {}),
        ...(index ? { index } : {}),
        ...(values.weights ? { weights: values.weights as WeightMethod } : {}),
        ...(values.draws ? { draws: Number(values.draws) } : {}),
      });
      if (out) await writeResult(r, out);
      if (values.json) {
        io.out(json(resultJson(r)));
        return 0;
      }
      printResult(r, io);
      if (values.out) io.err(`已写入 wrote ${values.out}`);
      return 0;
    } finally {
      ws.close();
    }
  },
};

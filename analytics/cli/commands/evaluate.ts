import { extname, resolve } from 'node:path';
import { stageAtomic, type StagedFile } from '../../io/atomic-write.js';
import { workspaceWriteError } from '../../i18n/machine-errors.js';
import { resultJson, writeResult } from '../../eval/export.js';
import { evaluate, type WeightMethod } from '../../eval/run.js';
import { TijianError } from '../../i18n/errors.js';
import { loadIndexFile } from '../../index/validate.js';
import { Workspace } from '../../workspace/workspace.js';
import { json, parse, requireOption, type CliIO, type Command } from '../command.js';
import { prepareOut } from '../out-path.js';
import type { EvaluationResult } from '../../eval/types.js';

const usage =
  'tijian evaluate --workspace FILE --period 2024 [--compare 2023] [--index FILE] [--weights equal|expert|ahp|entropy] [--small-numbers na|shrink] [--allow-incomplete] [--draws N] [--json] [--out FILE.json|.xlsx|.csv]';

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
    printNotes(r, io);
    io.out('\n改革目标 Targets:');
    for (const t of r.targets.filter((x) => x.source === 'seed')) {
      const pct = t.unit === 'percent';
      const v = (x: number | null | undefined) => (x === null || x === undefined ? '—' : pct ? `${(x * 100).toFixed(1)}%` : Number.isInteger(x) ? String(x) : x.toFixed(2));
      io.out(`  ${t.met ? '✓' : t.met === false ? '✗' : '?'} ${t.name.zh}: ${v(t.actual)}（目标 ${t.op} ${v(t.target)}）`);
    }
}

const WEIGHT_ZH: Record<string, string> = { equal: '等权', expert: '专家赋权', ahp: '层次分析法', entropy: '熵权法' };

/** What ran and what the numbers rest on: methods, data readiness, the small-number rule. */
export function printNotes(r: EvaluationResult, io: CliIO): void {
  const p = r.params;
  const ran = (p.weights_ran ?? []).filter((x) => x.method !== p.weights || x.entropy_excluded?.length);
  io.out(
    `\n方法 Method: ${p.normalization} 归一化，${WEIGHT_ZH[p.weights] ?? p.weights}${ran.length ? `（${ran.map((x) => `${x.dimension}: ${WEIGHT_ZH[x.method] ?? x.method}${x.note ? `，${x.note.zh}` : ''}`).join('；')}）` : ''}，${p.aggregation === 'geometric' ? `几何平均（0分按 ${p.geometric_floor ?? 1} 分计）` : '算术平均'}；样本少：${p.small_numbers === 'shrink' ? '经验贝叶斯收缩' : '不计分'}`,
  );
  const rd = r.readiness;
  if (rd) {
    const st = { ready: '齐全', partial: '不全', insufficient: '不足（仍评估，结果仅供参考）' }[rd.status];
    io.out(`数据 Data: ${st}，有数据的指标占权重 ${(rd.weight_share * 100).toFixed(1)}%${rd.missing_indicators.length ? `；无数据：${rd.missing_indicators.map((m) => `${m.id}（${m.tables.join('、')}）`).join('，')}` : ''}`);
  }
  if (r.compare_dropped) io.out(`对比 Compare: ${r.compare_dropped.reason.zh}`);
  const unranked = r.entities.filter((e) => e.unranked);
  if (unranked.length) io.out(`不参加排名 Not ranked: ${unranked.map((e) => `${e.short_name}：${e.unranked!.zh}`).join('；')}`);
  const sn = r.small_numbers;
  if (sn && sn.affected.length) {
    const byInd = new Map<string, string[]>();
    for (const a of sn.affected) byInd.set(a.indicator, [...(byInd.get(a.indicator) ?? []), `${r.entities.find((e) => e.entity_id === a.entity_id)?.short_name ?? a.entity_id}(${a.denominator})`]);
    io.out(`样本少 Small samples (${sn.affected.length}，${sn.method === 'shrink' ? '已收缩' : '不计分'}): ${[...byInd].map(([k, v]) => `${k}: ${v.join('、')}`).join('；')}`);
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
        'small-numbers': { type: 'string' },
        'allow-incomplete': { type: 'boolean' },
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
    const small = values['small-numbers'];
    if (small && small !== 'na' && small !== 'shrink') {
      throw new TijianError('USAGE', '--small-numbers 只能是 na（样本少不计分）或 shrink（经验贝叶斯收缩）', '--small-numbers must be na (not scored) or shrink (empirical-Bayes shrinkage)');
    }
    // the output's folder before the run is saved: a bad --out is told now, not after
    const out = values.out ? prepareOut(values.out, { exts: ['.json', '.xlsx', '.csv'] }) : undefined;
    const index = values.index ? await loadIndexFile(resolve(values.index)) : undefined;
    const ws = await Workspace.open(wsPath, { create: false });
    // --out is written before the run is committed and put in place after: a file that cannot be
    // written saves no run, and a run that cannot be saved leaves no file
    let staged: StagedFile | undefined;
    try {
      const r = await evaluate(ws, {
        period,
        ...(values.compare ? { compare: values.compare } : {}),
        ...(index ? { index } : {}),
        ...(values.weights ? { weights: values.weights as WeightMethod } : {}),
        ...(values.draws ? { draws: Number(values.draws) } : {}),
        ...(small ? { smallNumbers: small as 'na' | 'shrink' } : {}),
        ...(values['allow-incomplete'] ? { allowIncomplete: true } : {}),
        ...(out
          ? {
              beforeCommit: async (res: EvaluationResult) => {
                try {
                  staged = await stageAtomic(out, (tmp) => writeResult(res, tmp, extname(out).toLowerCase()));
                } catch (e) {
                  if (!(e instanceof TijianError)) throw e;
                  throw new TijianError(e.code, `${e.zh}评估结果没有保存（没有生成评估批次）。`, `${e.en} The evaluation was not saved (no run was made).`, e.details);
                }
              },
            }
          : {}),
      });
      try {
        staged?.commit();
      } catch (e) {
        staged = undefined;
        if (!(e instanceof TijianError)) throw e;
        throw new TijianError(e.code, `${e.zh}评估批次 #${r.run_id} 已保存在工作区中。`, `${e.en} Run #${r.run_id} is saved in the workspace.`, e.details);
      }
      if (values.json) {
        io.out(json(resultJson(r)));
        return 0;
      }
      printResult(r, io);
      if (values.out) io.err(`已写入 wrote ${values.out}`);
      return 0;
    } catch (e) {
      staged?.discard();
      throw workspaceWriteError(e, wsPath, { zh: '评估结果', en: 'The evaluation' }) ?? e;
    } finally {
      ws.close();
    }
  },
};

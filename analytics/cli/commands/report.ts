import { prepareOut } from '../out-path.js';
import { resolve } from 'node:path';
import { TijianError } from '../../i18n/errors.js';
import type { ReportFormat } from '../../report/generate.js';
import type { ReportKind } from '../../report/model.js';
import { Workspace } from '../../workspace/workspace.js';
import { dateOption, parse, requireOption, type Command } from '../command.js';

const usage =
  'tijian report --workspace FILE --period 2024 [--compare 2023] --type county|unit|review --format docx|pdf|html|xlsx --out PATH [--unit ID|all] [--unmask] [--run RUN_ID | --fresh] [--issuer TEXT] [--date YYYY-MM-DD]';

export const reportCommand: Command = {
  name: 'report',
  summary: '生成报告（年度评估报告、单位体检报告、问题线索汇总）/ write reports',
  usage,
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        workspace: { type: 'string' },
        period: { type: 'string' },
        compare: { type: 'string' },
        type: { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        unit: { type: 'string' },
        unmask: { type: 'boolean' },
        run: { type: 'string' },
        fresh: { type: 'boolean' },
        issuer: { type: 'string' },
        date: { type: 'string' },
      },
      usage,
    );
    // Loaded when the command runs, not with the command line: docx, echarts and the PDF printer.
    const { buildReports, REPORT_FORMATS, REPORT_KINDS, reportContext, writeReports } = await import('../../report/generate.js');
    const { chromiumPrinter } = await import('../../report/render/pdf.js');
    const wsPath = requireOption(values.workspace, 'workspace', usage);
    const kind = requireOption(values.type, 'type', usage) as ReportKind;
    const format = requireOption(values.format, 'format', usage) as ReportFormat;
    const out = resolve(requireOption(values.out, 'out', usage));
    if (!REPORT_KINDS.includes(kind)) throw new TijianError('USAGE', `--type 只能是 ${REPORT_KINDS.join('、')}`, `--type must be one of ${REPORT_KINDS.join(', ')}`);
    if (!REPORT_FORMATS.includes(format)) throw new TijianError('USAGE', `--format 只能是 ${REPORT_FORMATS.join('、')}`, `--format must be one of ${REPORT_FORMATS.join(', ')}`);
    if (!values.run && !values.period) throw new TijianError('USAGE', `请指定 --period（或 --run）。用法：${usage}`, `Give --period (or --run). Usage: ${usage}`);
    if (values.run && !/^\d+$/.test(values.run)) throw new TijianError('USAGE', '--run 应为评估批次编号（整数）', '--run must be a run id (an integer)');
    const date = dateOption(values.date, 'date');
    if (values.unit && kind !== 'unit') throw new TijianError('USAGE', '--unit 只用于 --type unit', '--unit is for --type unit only');
    if (values.run && values.fresh) throw new TijianError('USAGE', '--run 与 --fresh 不能同时使用', '--run and --fresh exclude each other');
    // the output's place before any work (a folder for all units' reports, else a file)
    prepareOut(out, { folder: kind === 'unit' && (values.unit ?? 'all') === 'all' });
    const t0 = performance.now();
    const ws = await Workspace.open(wsPath, { create: false, readOnlyFallback: true });
    // PDF: Chromium starts while the run, the review and the models are prepared
    const printerP = format === 'pdf' ? chromiumPrinter() : null;
    printerP?.catch(() => undefined);
    try {
      const ctx = await reportContext(ws, {
        ...(values.run ? { runId: Number(values.run) } : {}),
        ...(values.period ? { period: values.period } : {}),
        ...(values.compare ? { compare: values.compare } : {}),
        reuse: !values.fresh,
        ...(values.issuer ? { issuer: values.issuer } : {}),
        ...(date ? { date } : {}),
        unmask: !!values.unmask,
        records: kind === 'unit',
      });
      const docs = buildReports(ctx, kind, kind === 'unit' ? (values.unit ?? 'all') : undefined);
      const folder = kind === 'unit' && (values.unit ?? 'all') === 'all';
      const reused = !!ctx.reused;
      io.err(
        `评估批次 #${ctx.run.run_id}（${ctx.run.period.label}${ctx.run.compare ? ` 对比 ${ctx.run.compare.label}` : ''}${reused ? `，沿用 ${ctx.run.created_at.slice(0, 10)} 已保存的批次：数据、指标体系和参数均未变化；--fresh 重新评估` : ''}），生成 ${docs.length} 份报告 / ` +
          `${reused ? 'reusing the saved run (same data, index and parameters), ' : ''}${docs.length} report(s)`,
      );
      if (ctx.data_changed) io.err(`注意 Note: ${ctx.data_changed.zh} / ${ctx.data_changed.en}`);
      const printer = printerP ? await printerP : undefined;
      const written = await writeReports(docs, format, out, { folder, ...(printer ? { printer } : {}), onDone: (w) => io.err(`  ✓ ${w.path}  (${w.seconds.toFixed(2)} s)`) });
      io.out(written.map((w) => w.path).join('\n'));
      io.err(`完成 done in ${((performance.now() - t0) / 1000).toFixed(2)} s${values.unmask ? '（未脱敏，注意保密 / UNMASKED）' : ''}`);
      return 0;
    } finally {
      ws.close();
      if (printerP) await printerP.then((p) => p.close()).catch(() => undefined);
    }
  },
};

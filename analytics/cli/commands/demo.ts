import { join, resolve } from 'node:path';
import { evaluate } from '../../eval/run.js';
import { shellQuote } from '../../i18n/shell.js';
import { importFile } from '../../import/import-file.js';
import { expandPaths } from '../../import/import-paths.js';
import { Workspace } from '../../workspace/workspace.js';
import { parse, type Command } from '../command.js';
import { ProgressBar } from '../progress-bar.js';
import { printResult } from './evaluate.js';

const usage = 'tijian demo [--workspace tijian-demo.duckdb]';
const SAMPLE_DIR = resolve(import.meta.dirname, '../../../samples/shengsi');

export const demoCommand: Command = {
  name: 'demo',
  summary: '导入内置嵊泗示例并评估 / import the bundled Shengsi sample and evaluate it',
  usage,
  async run(argv, io) {
    const { values } = parse(argv, { workspace: { type: 'string' } }, usage);
    const wsPath = resolve(values.workspace ?? 'tijian-demo.duckdb');
    const ws = await Workspace.open(wsPath);
    const bar = new ProgressBar();
    try {
      let read = 0;
      let loaded = 0;
      for (const f of expandPaths([SAMPLE_DIR]).files) {
        const r = await importFile(ws, f, { onProgress: (e) => bar.update(e) });
        bar.clear();
        read += r.rows_read;
        loaded += r.rows_loaded;
      }
      io.err(`示例数据 sample: ${SAMPLE_DIR}\n工作区 workspace: ${wsPath}（本次导入 ${loaded}/${read} 行；已导入过的文件不会重复导入）`);
      const r = await evaluate(ws, { period: '2024', compare: '2023' });
      printResult(r, io);
      io.out(
        `\n下一步 next: npm run --silent tijian -- lineage --workspace ${shellQuote(wsPath)} --run ${r.run_id} --entity COUNTY --indicator overdue_rate` +
          `\n            npm run --silent tijian -- evaluate --workspace ${shellQuote(wsPath)} --period 2024 --compare 2023 --out ${shellQuote(join('.', '评估结果_2024.xlsx'))}`,
      );
      return 0;
    } finally {
      ws.close();
    }
  },
};

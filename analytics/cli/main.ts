// tijian — the command line of the workstation. Everything the desktop app does, on the same
// engine: `npm run --silent tijian -- <command> ...`.
import { errorText, isTijianError } from '../i18n/errors.js';
import type { CliIO, Command } from './command.js';
import { demoCommand } from './commands/demo.js';
import { evaluateCommand } from './commands/evaluate.js';
import { importCommand } from './commands/import.js';
import { indexCommand } from './commands/index-check.js';
import { lineageCommand } from './commands/lineage.js';
import { importsCommand } from './commands/imports.js';
import { mapCommand } from './commands/map.js';
import { overviewCommand } from './commands/overview.js';
import { rejectedCommand } from './commands/rejected.js';
import { reportCommand } from './commands/report.js';
import { rectifyCommand } from './commands/rectify.js';
import { markCommand, reviewCommand } from './commands/review.js';
import { sampleCommand } from './commands/sample.js';
import { tablesCommand } from './commands/tables.js';
import { undoCommand } from './commands/undo.js';
import { valuesCommand } from './commands/values.js';

export const COMMANDS: readonly Command[] = [
  sampleCommand,
  importCommand,
  undoCommand,
  mapCommand,
  tablesCommand,
  importsCommand,
  rejectedCommand,
  overviewCommand,
  evaluateCommand,
  lineageCommand,
  indexCommand,
  reviewCommand,
  markCommand,
  demoCommand,
  reportCommand,
  rectifyCommand,
  valuesCommand,
];

function help(io: CliIO): void {
  io.out('执法体检工作台 Tijian — 命令 / commands:');
  for (const c of COMMANDS) io.out(`  ${c.name.padEnd(10)} ${c.summary}\n             ${c.usage}`);
}

export async function main(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    help(io);
    return name ? 0 : 2;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  if (!cmd) {
    io.err(`未知命令“${name}” / unknown command "${name}"`);
    help(io);
    return 2;
  }
  try {
    return await cmd.run(rest, io);
  } catch (e) {
    const jsonMode = rest.includes('--json');
    if (isTijianError(e)) {
      if (jsonMode) io.out(JSON.stringify({ error: { code: e.code, zh: e.zh, en: e.en } }, null, 2));
      io.err(`错误：${e.zh}\nError: ${e.en}`);
      return e.code === 'USAGE' ? 2 : 1;
    }
    io.err(`内部错误 / internal error: ${errorText(e)}`);
    if (e instanceof Error && e.stack && process.env.TIJIAN_DEBUG) io.err(e.stack);
    return 1;
  }
}

const isEntry = process.argv[1] && /cli[\\/]main\.(ts|js|mjs)$/.test(process.argv[1]);
if (isEntry) {
  // `tijian … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const io: CliIO = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };
  main(process.argv.slice(2), io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${errorText(e)}\n`);
      process.exitCode = 1;
    },
  );
}

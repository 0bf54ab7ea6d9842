// tijian — the command line of the workstation. Everything the desktop app does, on the same
// engine: `npm run --silent tijian -- <command> ...`.
import { errorText, isTijianError } from '../i18n/errors.js';
import { machineError } from '../i18n/machine-errors.js';
import { shownText } from '../i18n/shown.js';
import type { CliIO, Command } from './command.js';

// Each command's module is loaded only when it runs (all of them only for the help text): a command
// that does no real work must not pay for loading the reports', charts' and spreadsheets' libraries.
// The order is the help text's.
export const COMMANDS: ReadonlyArray<readonly [name: string, load: () => Promise<Command>]> = [
  ['sample', async () => (await import('./commands/sample.js')).sampleCommand],
  ['import', async () => (await import('./commands/import.js')).importCommand],
  ['undo', async () => (await import('./commands/undo.js')).undoCommand],
  ['map', async () => (await import('./commands/map.js')).mapCommand],
  ['tables', async () => (await import('./commands/tables.js')).tablesCommand],
  ['imports', async () => (await import('./commands/imports.js')).importsCommand],
  ['rejected', async () => (await import('./commands/rejected.js')).rejectedCommand],
  ['overview', async () => (await import('./commands/overview.js')).overviewCommand],
  ['evaluate', async () => (await import('./commands/evaluate.js')).evaluateCommand],
  ['lineage', async () => (await import('./commands/lineage.js')).lineageCommand],
  ['index', async () => (await import('./commands/index-check.js')).indexCommand],
  ['review', async () => (await import('./commands/review.js')).reviewCommand],
  ['mark', async () => (await import('./commands/review.js')).markCommand],
  ['demo', async () => (await import('./commands/demo.js')).demoCommand],
  ['report', async () => (await import('./commands/report.js')).reportCommand],
  ['rectify', async () => (await import('./commands/rectify.js')).rectifyCommand],
  ['values', async () => (await import('./commands/values.js')).valuesCommand],
];

async function help(io: CliIO): Promise<void> {
  io.out('执法体检工作台 Tijian — 命令 / commands:');
  for (const c of await Promise.all(COMMANDS.map(([, load]) => load()))) io.out(`  ${c.name.padEnd(10)} ${c.summary}\n             ${c.usage}`);
}

export async function main(argv: string[], terminal: CliIO): Promise<number> {
  // Every line printed goes through shownText: text of a workspace (notes, returned forms' answers,
  // names, rejected rows) may hold ESC sequences or bidirectional overrides — shown as \x1b, \u202e.
  // The lines of a message stay lines; commands escape the line feeds of a stored text themselves.
  const io: CliIO = { out: (s) => terminal.out(shownText(s, { keepLines: true })), err: (s) => terminal.err(shownText(s, { keepLines: true })) };
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    await help(io);
    return name ? 0 : 2;
  }
  const load = COMMANDS.find(([n]) => n === name)?.[1];
  if (!load) {
    io.err(`未知命令“${name}” / unknown command "${name}"`);
    await help(io);
    return 2;
  }
  try {
    return await (await load()).run(rest, io);
  } catch (caught) {
    // a full disk, a read-only folder, a missing temporary folder: told in words, not as an
    // internal error (probe 12, F5)
    const e = machineError(caught, workspaceArg(rest)) ?? caught;
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

/** The --workspace a command was given, to tell its disk from others in a failure. */
function workspaceArg(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--workspace') return argv[i + 1];
    if (argv[i]!.startsWith('--workspace=')) return argv[i]!.slice('--workspace='.length);
  }
  return undefined;
}

/** Runs the command line as this process: exit code, stdout/stderr, a closed pipe. */
export function runCli(argv: string[]): void {
  // `tijian … | head` closes the pipe early: stop quietly instead of crashing on EPIPE.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  const io: CliIO = { out: (s) => process.stdout.write(s + '\n'), err: (s) => process.stderr.write(s + '\n') };
  main(argv, io).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${errorText(e)}\n`);
      process.exitCode = 1;
    },
  );
}

// Run as a script: the sources under tsx (tests), or the bundle `out/cli/main.mjs` (bin/tijian.mjs
// imports the bundle and calls runCli itself).
const isEntry = process.argv[1] && /cli[\\/]main\.(ts|js|mjs)$/.test(process.argv[1]);
if (isEntry) runCli(process.argv.slice(2));

// The data a saved run read (probe 11, F6): the run records the imports it read (eval_run.data_imports);
// its lineage and the records a report built from it lists are read from those imports' rows only —
// not from whatever the workspace holds today — and what cannot be restored (an import undone
// since) is said in words.
import { ident, type Db } from '../db/duck.js';
import { CANONICAL_TABLES } from '../schema/tables.js';
import type { Workspace } from '../workspace/workspace.js';

export interface RunDataState {
  run_id: number;
  /** Imports loaded after the run (not read by it): their rows are left out. */
  added: Array<{ import_id: number; file_name: string }>;
  /** Imports the run read that are no longer in the workspace (undone since): their rows are gone. */
  removed: Array<{ import_id: number; file_name: string | null }>;
  /** False when rows the run read are gone: listings may be shorter than the run's numbers. */
  exact: boolean;
  /** The change in words (absent when the workspace holds exactly the run's imports). */
  note?: { zh: string; en: string };
}

/** Compares the imports run N read with the imports done now. */
export async function runDataState(db: Db, runId: number): Promise<RunDataState> {
  const text = await db.scalar(`SELECT data_imports::VARCHAR FROM eval_run WHERE run_id = ${Number(runId)}`);
  const read = new Set<number>((JSON.parse(String(text ?? '[]')) as Array<{ import_id: number }>).map((d) => Number(d.import_id)));
  const log = await db.all<{ import_id: number; file_name: string; status: string }>(`SELECT import_id, file_name, status FROM import_log ORDER BY import_id`);
  const done = log.filter((l) => l.status === 'done');
  const added = done.filter((l) => !read.has(Number(l.import_id))).map((l) => ({ import_id: Number(l.import_id), file_name: l.file_name }));
  const doneIds = new Set(done.map((l) => Number(l.import_id)));
  const removed = [...read]
    .filter((id) => !doneIds.has(id))
    .map((id) => ({ import_id: id, file_name: log.find((l) => Number(l.import_id) === id)?.file_name ?? null }));
  const state: RunDataState = { run_id: runId, added, removed, exact: removed.length === 0 };
  if (added.length || removed.length) {
    const files = (xs: Array<{ import_id: number; file_name: string | null }>) => xs.map((x) => `${x.file_name ?? '?'}（导入 #${x.import_id}）`).join('、');
    const filesEn = (xs: Array<{ import_id: number; file_name: string | null }>) => xs.map((x) => `${x.file_name ?? '?'} (import #${x.import_id})`).join(', ');
    const zh: string[] = [`评估批次 #${runId} 之后工作区数据已变动`];
    const en: string[] = [`The workspace changed since run #${runId}`];
    if (added.length) {
      zh.push(`之后导入的${files(added)}不是该批次读取的数据，明细中不列其记录`);
      en.push(`${filesEn(added)} imported after it were not read by the run; their records are not listed`);
    }
    if (removed.length) {
      zh.push(`该批次读取的${files(removed)}已撤销，其记录已不在工作区中，明细可能少于该批次的数字`);
      en.push(`${filesEn(removed)} read by the run have been undone; their records are no longer in the workspace, so listings may fall short of the run's numbers`);
    }
    state.note = { zh: `${zh.join('；')}。`, en: `${en.join('; ')}.` };
  }
  return state;
}

/**
 * Runs fn against the data run N read: when the workspace holds imports the run did not read, on a
 * second connection whose temporary views shadow every canonical table with its rows of the run's
 * imports (rows of no import, if any, kept); otherwise on the workspace itself. Rows of imports
 * undone since cannot come back: state.exact is false and state.note says so.
 */
export async function withRunData<T>(ws: Workspace, runId: number, fn: (ws: Workspace, state: RunDataState) => Promise<T>): Promise<T> {
  const state = await runDataState(ws.db, runId);
  if (!state.added.length) return fn(ws, state);
  const read = (JSON.parse(String((await ws.db.scalar(`SELECT data_imports::VARCHAR FROM eval_run WHERE run_id = ${Number(runId)}`)) ?? '[]')) as Array<{ import_id: number }>).map((d) =>
    Number(d.import_id),
  );
  const fork = await ws.db.fork();
  try {
    const catalog = String(await fork.scalar(`SELECT current_database()`));
    const present = new Set((await fork.all<{ t: string }>(`SELECT table_name AS t FROM duckdb_tables() WHERE database_name = current_database() AND schema_name = 'main'`)).map((r) => r.t));
    const only = read.length ? `import_id IS NULL OR import_id IN (${read.map((id) => String(Math.trunc(id))).join(', ')})` : 'import_id IS NULL';
    for (const t of CANONICAL_TABLES) {
      if (!present.has(t.name)) continue;
      await fork.exec(`CREATE OR REPLACE TEMP VIEW ${ident(t.name)} AS SELECT * FROM ${ident(catalog)}.main.${ident(t.name)} WHERE ${only}`);
    }
    // the same workspace, read through the shadowing connection
    const view = Object.create(ws) as Workspace;
    Object.defineProperty(view, 'db', { value: fork });
    return await fn(view, state);
  } finally {
    fork.close();
  }
}

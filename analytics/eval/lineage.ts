// Lineage: the records behind any number of a saved run — the numerator's and the denominator's
// rows, from the lineage queries of the very index text the run used, paged.
import { readerRows } from '../db/duck.js';
import { TijianError } from '../i18n/errors.js';
import { checkStoredIndexText } from '../index/validate.js';
import type { IndexSystem } from '../index/schema.js';
import type { Workspace } from '../workspace/workspace.js';
import { bindFor, periodParams } from './params.js';
import { loadDefaultIndex, materializeDerived } from './run.js';
import { parsePeriod } from './period.js';
import { withRunData } from './run-data.js';

export interface LineageRequest {
  runId: number;
  entityId: string;
  /** An indicator id, or a red line id (its evidence). */
  indicatorId: string;
  part?: 'numerator' | 'denominator';
  page?: number;
  pageSize?: number;
}

export interface LineagePage {
  run_id: number;
  entity_id: string;
  indicator_id: string;
  part: 'numerator' | 'denominator';
  title: { zh: string; en: string };
  columns: string[];
  rows: Array<Record<string, unknown>>;
  total: number;
  page: number;
  page_size: number;
  /** Whether the indicator has a separate denominator listing. */
  has_denominator: boolean;
  /** Whether the listing has one row per unit counted (so its total equals the number); false
   *  also when records the run read have been undone since. */
  exact: boolean;
  /** The workspace changed since the run (imports added — left out of the listing — or undone). */
  data_changed?: { zh: string; en: string };
  sql: string;
}

interface RunRow {
  index_text: string;
  period_label: string;
  compare_label: string | null;
}

const derivedFor = new WeakMap<object, number>();

/** An indicator without a denominator listing, saying why in words: the run's index system gives
 *  none — its denominator is not records (16 named domains) or there is none (a count); and when
 *  the default index now lists it (an older run), that a new evaluation shows it. */
export async function noDenominatorListing(ind: IndexSystem['indicators'][number]): Promise<TijianError> {
  const now = (await loadDefaultIndex()).system.indicators.find((x) => x.id === ind.id);
  const newer = !!now?.lineage.denominator;
  return new TijianError(
    'NOT_FOUND',
    `指标“${ind.name.zh}”没有单独的分母明细：本批次所用的指标体系没有列出其分母的记录${newer ? '（当前指标体系已列出，重新评估后即可查看）' : `，分母口径见指标定义：${ind.definition}`}。`,
    `Indicator ${ind.id} has no separate denominator listing: the index system of this run gives no record list for its denominator${newer ? ' (the current index system does: evaluate again to see it)' : ` — see its definition: ${ind.definition_en ?? ind.definition}`}.`,
  );
}

export async function lineage(ws: Workspace, req: LineageRequest): Promise<LineagePage> {
  // the records of the imports the run read, not of the workspace as it is now
  const exists = await ws.db.scalar(`SELECT count(*) FROM eval_run WHERE run_id = ${Number(req.runId)}`);
  if (!Number(exists)) throw new TijianError('RUN_NOT_FOUND', `没有评估批次 #${req.runId}。`, `There is no evaluation run #${req.runId}.`);
  return withRunData(ws, Number(req.runId), async (w, state) => {
    const page = await lineageOf(w, req);
    if (state.note) page.data_changed = state.note;
    if (!state.exact) page.exact = false;
    return page;
  });
}

async function lineageOf(ws: Workspace, req: LineageRequest): Promise<LineagePage> {
  const run = await ws.db.one<RunRow>(`SELECT index_text, period_label, compare_label FROM eval_run WHERE run_id = ${Number(req.runId)}`);
  if (!run) throw new TijianError('RUN_NOT_FOUND', `没有评估批次 #${req.runId}。`, `There is no evaluation run #${req.runId}.`);
  // the stored text is checked like a file before any of its SQL runs (the workspace may have been altered)
  const sys: IndexSystem = await checkStoredIndexText(run.index_text, req.runId);
  const part = req.part ?? 'numerator';
  const ind = sys.indicators.find((x) => x.id === req.indicatorId);
  const rl = sys.red_lines.find((x) => x.id === req.indicatorId);
  if (!ind && !rl) {
    throw new TijianError('NOT_FOUND', `评估批次 #${req.runId} 中没有指标或红线“${req.indicatorId}”。`, `Run #${req.runId} has no indicator or red line "${req.indicatorId}".`);
  }
  let sql: string;
  let title: { zh: string; en: string };
  let hasDen = false;
  let exact = true;
  if (ind) {
    hasDen = !!ind.lineage.denominator;
    if (part === 'denominator' && !ind.lineage.denominator) {
      throw await noDenominatorListing(ind);
    }
    sql = part === 'denominator' ? ind.lineage.denominator! : ind.lineage.numerator;
    exact = part === 'denominator' ? ind.lineage.denominator_exact : ind.lineage.numerator_exact;
    title = { zh: `${ind.name.zh} · ${part === 'denominator' ? '分母' : ind.kind === 'count' ? '计数' : '分子'}明细`, en: `${ind.name.en} · ${part} records` };
  } else {
    sql = rl!.lineage;
    title = { zh: `${rl!.name.zh} · 明细`, en: `${rl!.name.en} · records` };
  }
  const period = parsePeriod(run.period_label);
  // The comparison window ($prev_start, $prev_end) of indicator SQL is always the period just before.
  const params = { ...periodParams(period), entity_id: req.entityId };
  // Derived relations the listing may read, built for this run's period (once per connection).
  const present = sys.derived.length
    ? Number(await ws.db.scalar(`SELECT count(*) FROM duckdb_views() WHERE temporary AND view_name IN (${sys.derived.map((d) => `'${d.name}'`).join(', ')})`))
    : 0;
  if (sys.derived.length && (derivedFor.get(ws.db) !== req.runId || present < sys.derived.length)) {
    await materializeDerived(ws.db, sys, periodParams(period), { views: true });
    derivedFor.set(ws.db, req.runId);
  }
  const inner = sql.trim().replace(/;\s*$/, '');
  // one statement, so wrapping it below cannot make a second one (a line break: a trailing comment)
  await ws.db.assertOneStatement(inner);
  const bound = await bindFor(ws.db, inner, params);
  const pageSize = Math.min(Math.max(1, req.pageSize ?? 50), 10_000);
  const page = Math.max(1, req.page ?? 1);
  const [counted] = await ws.db.allOne<{ n: number }>(`SELECT count(*) AS n FROM (${inner}\n)`, bound);
  const total = Number(counted?.n ?? 0);
  const stmt = await ws.db.conn.prepare(`SELECT * FROM (${inner}\n) LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`);
  let reader;
  try {
    stmt.bind(bound);
    reader = await stmt.runAndReadAll();
  } finally {
    stmt.destroySync();
  }
  return {
    run_id: req.runId,
    entity_id: req.entityId,
    indicator_id: req.indicatorId,
    part,
    title,
    columns: reader.columnNames(),
    rows: readerRows(reader),
    total,
    page,
    page_size: pageSize,
    has_denominator: hasDen,
    exact,
    sql: inner,
  };
}

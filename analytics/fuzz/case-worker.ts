// The child side of the isolated runner: runs one case at a time (read an XLSX, import a file
// into a workspace, check an index file) and answers with the outcome. It runs in its own process
// so a case that crashes V8 or never ends cannot take the caller down (see isolated.ts).
import { importFile } from '../import/import-file.js';
import { readXlsxRows, type XlsxReadOptions } from '../import/xlsx-reader.js';
import { checkIndexText } from '../index/validate.js';
import { isTijianError } from '../i18n/errors.js';
import { CANONICAL_TABLES } from '../schema/tables.js';
import { Workspace } from '../workspace/workspace.js';
import type { CaseError, CaseRequest } from './isolated.js';

function errorOf(e: unknown): CaseError {
  if (isTijianError(e)) return { code: e.code, zh: e.zh, en: e.en, tijian: true };
  const err = e as Error;
  return { code: 'RAW', zh: '', en: String(err?.message ?? e), tijian: false, stack: err?.stack ?? '' };
}

async function run(req: CaseRequest): Promise<unknown> {
  switch (req.op) {
    case 'read-xlsx': {
      let rows = 0;
      let problems = 0;
      let cells = 0;
      let lastRow: number | null = null;
      const first: string[][] = [];
      let abort: AbortController | undefined;
      if (req.abortAfterMs !== undefined) {
        abort = new AbortController();
        setTimeout(() => abort!.abort(), req.abortAfterMs);
      }
      const opts: XlsxReadOptions = { ...(req.limits ?? {}), ...(abort ? { signal: abort.signal } : {}) };
      await readXlsxRows(
        req.path,
        (i) => (lastRow = i.lastRow ?? null),
        (r) => {
          rows++;
          cells += r.cells.length;
          if (r.problem) problems++;
          if (first.length < (req.keep ?? 0)) first.push(r.cells);
        },
        opts,
      );
      return { rows, problems, cells, lastRow, first };
    }
    case 'import': {
      const ws = await Workspace.open(req.workspace);
      try {
        return await importFile(ws, req.path, { ...(req.limits ? { limits: req.limits } : {}) });
      } finally {
        ws.close();
      }
    }
    case 'fuzz-case': {
      // one fuzz case: the workspace's fingerprint before and after, the import, and what the
      // workspace says of it (rows in the table and rejected rows of this import, its log line)
      const ws = await Workspace.open(req.workspace);
      try {
        const before = await fingerprint(ws);
        let result: unknown = null;
        let error: CaseError | null = null;
        try {
          result = await importFile(ws, req.path, { ...(req.limits ? { limits: req.limits } : {}) });
        } catch (e) {
          error = errorOf(e);
        }
        const after = await fingerprint(ws);
        let check: unknown = null;
        const r = result as { import_id: number | null; table: string | null } | null;
        if (r?.import_id && r.table) {
          check = await ws.db.one(
            `SELECT (SELECT count(*) FROM "${r.table}" WHERE import_id = ${r.import_id})::BIGINT AS loaded,
                    (SELECT count(*) FROM rejected_row WHERE import_id = ${r.import_id})::BIGINT AS rejected,
                    (SELECT status FROM import_log WHERE import_id = ${r.import_id}) AS status`,
          );
        }
        // the same data unmutated, imported as the case was, each into a new empty workspace:
        // every table and the rejected rows' reasons must come out the same
        let same: unknown = null;
        if (req.same && result) same = { case: await contentOf(req.same.case, req.path), reference: await contentOf(req.same.reference, req.same.path) };
        return { result, error, before, after, check, same };
      } finally {
        ws.close();
      }
    }
    case 'check-index':
      return await checkIndexText(req.text);
    case 'hang':
      for (;;) {
        // a case that never answers
      }
    case 'crash':
      process.abort();
  }
}

/** What an import of `file` into a new workspace at `path` puts in it: each table's fingerprint
 *  but for line numbers, and the rejected rows' reasons (codes, in line order). */
async function contentOf(path: string, file: string): Promise<Record<string, string>> {
  const ws = await Workspace.open(path);
  try {
    await importFile(ws, file);
    // a row's line number (row_no) may differ: blank lines, rows of a sheet
    const out = await fingerprint(ws, CANONICAL_TABLES.map((x) => x.name), 'row_no');
    const codes = await ws.db.all<{ c: string }>(`SELECT array_to_string(error_codes, '+') AS c FROM rejected_row ORDER BY line_no`);
    out.rejected = codes.map((x) => x.c).join(' ');
    return out;
  } finally {
    ws.close();
  }
}

/** Per table: rows and a hash of their content (but for the column `except`) — equal before and
 *  after means unchanged. */
async function fingerprint(
  ws: Workspace,
  tables: readonly string[] = [...CANONICAL_TABLES.map((x) => x.name), 'import_log', 'rejected_row', 'header_mapping'],
  except?: string,
): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const t of tables) {
    const rel = except ? `(SELECT COLUMNS(c -> c <> '${except}') FROM "${t}")` : `"${t}"`;
    const row = await ws.db.one<{ n: number; h: number }>(`SELECT count(*)::BIGINT AS n, coalesce(sum(hash(t) % 1000000007), 0)::BIGINT AS h FROM ${rel} t`);
    out[t] = `${row?.n}:${row?.h}`;
  }
  return out;
}

process.on('message', (msg: { id: number; req: CaseRequest }) => {
  const t0 = performance.now();
  run(msg.req).then(
    (value) => process.send!({ id: msg.id, ok: true, value, ms: performance.now() - t0 }),
    (e: unknown) => process.send!({ id: msg.id, ok: false, error: errorOf(e), ms: performance.now() - t0 }),
  );
});
process.send!({ ready: true });

// Undoing an import removes exactly the rows it loaded and the rows it rejected, in one
// transaction, and marks it undone in the log (the log itself keeps the history).
import { ident } from '../db/duck.js';
import { TijianError } from '../i18n/errors.js';
import type { Workspace } from '../workspace/workspace.js';
import { resolveAfterReferenceChange } from './resolve.js';
import { FEEDBACK_TABLE, undoFeedback } from '../rectify/feedback.js';

export interface UndoResult {
  import_id: number;
  file: string;
  table: string;
  rows_removed: number;
  rejected_removed: number;
}

export async function undoImport(ws: Workspace, importId: number): Promise<UndoResult> {
  const db = ws.db;
  const log = await db.one<{ file_name: string; table_name: string; status: string }>(
    `SELECT file_name, table_name, status FROM import_log WHERE import_id = ${Number(importId)}`,
  );
  if (!log) {
    throw new TijianError('IMPORT_NOT_FOUND', `没有导入批次 #${importId}。用 \`tijian imports\` 查看导入记录。`, `There is no import #${importId}. List imports with \`tijian imports\`.`);
  }
  if (log.status !== 'done') {
    throw new TijianError('IMPORT_ALREADY_UNDONE', `导入批次 #${importId}（${log.file_name}）已撤销过。`, `Import #${importId} (${log.file_name}) was already undone.`);
  }
  // A feedback form (整改反馈表) changed ledger items rather than loading rows: its own undo.
  if (log.table_name === FEEDBACK_TABLE) return undoFeedback(ws, importId, log.file_name);
  return db.transaction(async () => {
    const removed = await db.exec(`DELETE FROM ${ident(log.table_name)} WHERE import_id = ${Number(importId)}`);
    const rejected = await db.exec(`DELETE FROM rejected_row WHERE import_id = ${Number(importId)}`);
    await db.exec(`UPDATE import_log SET status = 'undone', undone_at = now()::TIMESTAMP WHERE import_id = ${Number(importId)}`);
    const county = (await ws.meta('county_name')) ?? '嵊泗县';
    await resolveAfterReferenceChange(db, log.table_name, county);
    return { import_id: importId, file: log.file_name, table: log.table_name, rows_removed: removed, rejected_removed: rejected };
  });
}

// A record per cell: replies collected in a chat group (微信群, 钉钉群) and pasted into a sheet one
// message per cell, each message a form filled in as 标签：值 lines (问题编号：JD-2024-001 ⏎ 问题来源：
// 执法监督 ⏎ …). Such a sheet has one column of messages (and perhaps a 序号): read as it is, no
// column names a field and the file is refused. Here the messages' labels become the columns.
// Acceptance set 16 (blind), file 08.

/** One 标签：值 line: a label of 1–15 characters (no colon, no bracket opening a sentence) and its
 *  value (may be empty). */
const LABEL_LINE = /^\s*([^：:\n]{1,15}?)\s*[：:]\s*(.*?)\s*$/;

/** The label-value pairs of a cell, or null when it is no such block: its first line and three at
 *  least labelled, half of its non-empty lines at least (a line without a label continues the value
 *  before it: a description over two lines). */
export function labelBlock(cell: string): Array<[string, string]> | null {
  if (cell.indexOf('\n') < 0) return null;
  const lines = cell.split(/\r?\n/).filter((l) => l.trim() !== '');
  if (lines.length < 3) return null;
  const pairs: Array<[string, string]> = [];
  let labelled = 0;
  for (const l of lines) {
    const m = LABEL_LINE.exec(l);
    // a label is words, not a number or a time (10:30 is no label)
    if (m && /\p{Script=Han}|[A-Za-z]/u.test(m[1]!) && !/^\d+$/.test(m[1]!.trim())) {
      labelled++;
      pairs.push([m[1]!.trim(), m[2]!]);
    } else if (pairs.length) {
      const last = pairs[pairs.length - 1]!;
      last[1] = last[1] ? `${last[1]}\n${l.trim()}` : l.trim();
    } else return null; // text before the first label: a message, not a form
  }
  return labelled >= 3 && labelled >= 0.5 * lines.length ? pairs : null;
}

export interface CellRecords {
  /** The column holding the messages. */
  column: number;
  /** The labels in the order first met: the columns the messages become. */
  labels: string[];
}

/**
 * Whether the rows under a header are records per cell: one column whose non-empty cells are, four
 * in five and three at least, label blocks, and whose other cells are short (a 序号, a sender's
 * name). The labels are those the blocks share in at least half of them (a label one message
 * misspelt makes no column of its own: that message is rejected naming it).
 */
export function findCellRecords(rows: ReadonlyArray<readonly string[]>): CellRecords | null {
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    const cells = rows.map((r) => r[c] ?? '').filter((v) => v.trim() !== '');
    if (cells.length < 3) continue;
    const blocks = cells.map(labelBlock);
    const ok = blocks.filter((b) => b !== null) as Array<Array<[string, string]>>;
    if (ok.length < 3 || ok.length < 0.8 * cells.length) continue;
    // the other columns hold no more than a number or a short name
    if (rows.some((r) => r.some((v, i) => i !== c && v.length > 20))) continue;
    const count = new Map<string, number>();
    for (const b of ok) for (const l of new Set(b.map(([k]) => k))) count.set(l, (count.get(l) ?? 0) + 1);
    const labels = [...count].filter(([, n]) => n >= 0.5 * ok.length).map(([l]) => l);
    if (labels.length >= 3) return { column: c, labels };
  }
  return null;
}

/** A row's cells with the message column replaced by one cell per label, or the labels the
 *  message has that no column takes (the row is then rejected, naming them). A label written twice
 *  keeps its first value. An empty message gives empty cells. */
export function expandRow(cells: readonly string[], rec: CellRecords): { cells: string[] } | { unknown: string[] } {
  const msg = cells[rec.column] ?? '';
  const before = cells.slice(0, rec.column);
  const after = cells.slice(rec.column + 1);
  const values = new Map<string, string>();
  if (msg.trim() !== '') {
    const block = labelBlock(msg);
    // a cell that is no block (a message of plain text) holds no label: kept whole under no column
    if (!block) return { unknown: [msg.length > 30 ? msg.slice(0, 30) + '…' : msg] };
    const unknown = [...new Set(block.map(([k]) => k).filter((k) => !rec.labels.includes(k)))];
    if (unknown.length) return { unknown };
    for (const [k, v] of block) if (!values.has(k)) values.set(k, v);
  }
  return { cells: [...before, ...rec.labels.map((l) => values.get(l) ?? ''), ...after] };
}

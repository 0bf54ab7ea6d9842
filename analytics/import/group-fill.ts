// Grouped reports: a report tool (FineReport's 帆软 grouped report, a pivot's "repeat item labels"
// off, a clerk's ledger by unit) writes a group's value — the 执法主体 — on the group's first row
// only and leaves the cells below it EMPTY (not merged: merge-fill.ts does merged ranges). Read as
// they are, every record below a group's first row lacks a required field and is rejected. A
// column is taken as grouped, and its empty cells filled from the row above, only when the rows
// say so without doubt:
//   - its field is required and not the table's key (a key is never copied from another row);
//   - among the rows with a key (others are rejected anyway), no value follows the same value
//     (a ledger sorted by unit repeats it; a grouped report never does), at least two groups, on
//     average two rows a group, and the empty cells at least 30 % of those rows;
//   - no keyed row before the first value of its section lacks one (nothing to fill it from).
// A section ends at a total or footer line (小计：9件, 总计, 制表人：…): a value is never carried
// past one. The filled cells are said in the import's warnings, with their count.
import { lit, type Db } from '../db/duck.js';
import type { TableDef } from '../schema/types.js';
import type { ColumnMapping } from './headers.js';
import type { StagedSource } from './sources.js';
import { GROUP_TOTAL_PATTERN, SUMMARY_ROW_PATTERN } from './convert.js';

export interface GroupFill {
  /** The relation with the grouped columns filled (file order kept). */
  relation: string;
  /** Per filled column: its header and how many cells were filled. */
  filled: Array<{ header: string; cells: number }>;
}

const empty = (c: string) => `nullif(trim(${c}), '')`;

/** The rows the first look reads. */
const PRE_ROWS = 2000;

/** The grouped columns of a sheet's rows and the relation that fills them, or null when none is
 *  (or the source is no sheet: a text file, JSON records). */
export async function fillGroupedColumns(db: Db, t: TableDef, columns: readonly ColumnMapping[], source: StagedSource): Promise<GroupFill | null> {
  if (source.lineKind !== 'sheet_row' || !source.passColumns.includes('__line')) return null;
  const width = source.headers.length;
  const relation = source.relation;
  const candidates = columns.filter((c) => {
    if (!c.field || c.fallback || t.key.includes(c.field)) return false;
    return t.fields.find((f) => f.name === c.field)?.required === true && columns.filter((x) => x.field === c.field).length === 1;
  });
  if (!candidates.length || width < 2) return null;
  const keyCol = columns.find((c) => c.field !== null && t.key.includes(c.field) && !c.fallback);
  const keyed = keyCol ? `${empty(`c${keyCol.index}`)} IS NOT NULL` : 'TRUE';
  // cheap first: a column that is empty on fewer than 30 % of the keyed rows is no grouped one —
  // looked at in the first rows only (a grouping shows from the first groups on; reading every row
  // for it cost an import of 100,000 rows a pass over its staged text)
  const pre = (await db.all<Record<string, number>>(
    `SELECT count(*)::INTEGER AS n, ${candidates.map((c) => `count(*) FILTER (${empty(`c${c.index}`)} IS NULL)::INTEGER AS e${c.index}`).join(', ')} FROM (SELECT * FROM ${relation} LIMIT ${PRE_ROWS}) WHERE ${keyed}`,
  ))[0]!;
  const n = Number(pre.n);
  const likely = candidates.filter((c) => n >= 3 && Number(pre[`e${c.index}`]) >= Math.max(2, 0.3 * n) && Number(pre[`e${c.index}`]) < n);
  if (!likely.length) return null;
  const all = Array.from({ length: width }, (_, i) => `c${i}`);
  const text = `concat_ws(' ', ${all.join(', ')})`;
  const boundary = `coalesce(regexp_matches(${text}, ${lit(SUMMARY_ROW_PATTERN)}) OR regexp_matches(${text}, ${lit(GROUP_TOTAL_PATTERN)}), FALSE)`;
  const sectioned = `(SELECT *, sum(__gb::INTEGER) OVER (ORDER BY __line ROWS UNBOUNDED PRECEDING) AS __gsec FROM (SELECT *, ${boundary} AS __gb, ${keyed} AS __gk FROM ${relation}))`;
  const prev = (i: number) =>
    `last_value(CASE WHEN ${empty(`c${i}`)} IS NOT NULL THEN c${i} END IGNORE NULLS) OVER (PARTITION BY __gsec ORDER BY __line ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING)`;
  const withPrev = `(SELECT *, ${likely.map((c) => `${prev(c.index)} AS __gp${c.index}`).join(', ')} FROM ${sectioned})`;
  await db.exec(`CREATE OR REPLACE TEMP TABLE tj_group_fill AS SELECT * FROM ${withPrev} ORDER BY __line`);
  try {
    const stats = (await db.all<Record<string, number>>(
      `SELECT ${likely
        .map((c) => {
          const v = empty(`c${c.index}`);
          const p = `nullif(trim(__gp${c.index}), '')`;
          return [
            `count(*) FILTER (__gk AND NOT __gb AND ${v} IS NOT NULL)::INTEGER AS f${c.index}`,
            `count(*) FILTER (__gk AND NOT __gb AND ${v} IS NULL AND ${p} IS NOT NULL)::INTEGER AS b${c.index}`,
            `count(*) FILTER (__gk AND NOT __gb AND ${v} IS NULL AND ${p} IS NULL)::INTEGER AS l${c.index}`,
            `count(*) FILTER (__gk AND NOT __gb AND ${v} = ${p})::INTEGER AS r${c.index}`,
          ].join(', ');
        })
        .join(', ')} FROM tj_group_fill`,
    ))[0]!;
    const grouped = likely.filter((c) => {
      const f = Number(stats[`f${c.index}`]);
      const b = Number(stats[`b${c.index}`]);
      return f >= 2 && b >= f && Number(stats[`l${c.index}`]) === 0 && Number(stats[`r${c.index}`]) === 0;
    });
    if (!grouped.length) {
      await db.exec('DROP TABLE IF EXISTS tj_group_fill');
      return null;
    }
    const fill = grouped.map((c) => `CASE WHEN ${empty(`c${c.index}`)} IS NULL AND __gk AND NOT __gb THEN __gp${c.index} ELSE c${c.index} END AS c${c.index}`);
    const extra = ['__gb', '__gk', '__gsec', ...likely.map((c) => `__gp${c.index}`)];
    await db.exec(`CREATE OR REPLACE TEMP TABLE tj_group_fill AS SELECT * EXCLUDE (${extra.join(', ')}) REPLACE (${fill.join(', ')}) FROM tj_group_fill ORDER BY __line`);
    return { relation: 'tj_group_fill', filled: grouped.map((c) => ({ header: c.header, cells: Number(stats[`b${c.index}`]) })) };
  } catch (e) {
    await db.exec('DROP TABLE IF EXISTS tj_group_fill').catch(() => undefined);
    throw e;
  }
}

/** The import's note on the filled columns. */
export function groupFillNote(filled: GroupFill['filled']): string {
  const zh = filled.map((f) => `“${f.header}”${f.cells} 格`).join('、');
  const en = filled.map((f) => `"${f.header}" (${f.cells} cells)`).join(', ');
  return (
    `分组报表：${zh}只写在每组的第一行、其下为空，已按组填入（不跨越小计、合计行）；如某行确实缺这一项，请在原表中补上后重新导入 / ` +
    `grouped report: ${en} written on each group's first row only with the cells below empty were filled from the group's value (never past a subtotal or total line); if a row really lacks it, fill it in the file and import again`
  );
}

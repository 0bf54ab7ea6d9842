// A Parquet file's texts are looked over once for the space characters they hold (parquetSource):
// the cleaning takes the cheap path only when that allows it, and trims every value as tj_clean does.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Db, lit } from '../db/duck.js';
import { REPO, tempDir } from '../test/helpers.js';
import { Workspace } from '../workspace/workspace.js';
import { importFile } from './import-file.js';

const SAMPLE = join(REPO, 'samples', 'shengsi', '检查计划任务_2022-2024.parquet');

/** The sample's first 20 tasks with the first one's 检查对象 set to `name`, as Parquet. */
async function parquetWith(name: string): Promise<{ path: string; want: string[] }> {
  const dir = tempDir();
  const path = join(dir, '检查计划任务_test.parquet');
  const db = await Db.open(':memory:');
  try {
    await db.exec(`CREATE TABLE t AS SELECT * FROM read_parquet(${lit(SAMPLE)}) ORDER BY 任务编号 LIMIT 20`);
    const want = (await db.all<{ s: string }>(`SELECT 检查对象 AS s FROM t ORDER BY 任务编号`)).map((r) => r.s);
    await db.exec(`UPDATE t SET 检查对象 = ${lit(name)} WHERE 任务编号 = (SELECT min(任务编号) FROM t)`);
    await db.exec(`COPY (SELECT * FROM t ORDER BY 任务编号) TO ${lit(path)} (FORMAT parquet)`);
    return { path, want };
  } finally {
    db.close();
  }
}

describe('Parquet texts and the space characters', () => {
  it.each([
    ['plain spaces', (s: string) => `  ${s} `],
    ['an ideographic space and a tab', (s: string) => `\u3000\t${s}`],
    ['line breaks', (s: string) => `\r\n${s}\n`],
    ['a no-break space', (s: string) => `${s}\u00a0`],
    ['nothing to trim', (s: string) => s],
  ])('%s around a value: trimmed', async (_, around) => {
    const first = (await parquetWith('x')).want[0]!;
    const { path, want } = await parquetWith(around(first));
    const dir = tempDir();
    const ws = await Workspace.open(join(dir, 'w.duckdb'));
    try {
      const r = await importFile(ws, path);
      expect(r.rows_loaded).toBe(20);
      const got = (await ws.db.all<{ s: string }>(`SELECT subject_name AS s FROM inspection_plan ORDER BY row_no`)).map((x) => x.s);
      expect(got).toEqual(want);
    } finally {
      ws.close();
    }
  });
});

describe('Parquet instants', () => {
  it('a TIMESTAMP WITH TIME ZONE is the day in Beijing, whatever zone the machine is in', async () => {
    const dir = tempDir();
    const path = join(dir, '检查计划任务_tz.parquet');
    const db = await Db.open(':memory:');
    try {
      // 16:30 UTC is 00:30 the next day in Beijing; 15:30 UTC is 23:30 the same day
      await db.exec(`CREATE TABLE t AS SELECT * FROM read_parquet(${lit(SAMPLE)}) ORDER BY 任务编号 LIMIT 2`);
      await db.exec(
        `COPY (SELECT * REPLACE (CASE WHEN 任务编号 = (SELECT min(任务编号) FROM t) THEN TIMESTAMPTZ '2024-01-01 16:30:00+00'
                                      ELSE TIMESTAMPTZ '2024-01-01 15:30:00+00' END AS 计划完成日期) FROM t ORDER BY 任务编号) TO ${lit(path)} (FORMAT parquet)`,
      );
    } finally {
      db.close();
    }
    // the machine's zone is the process's TZ (a workspace's settings are locked): a child process
    // in New York, and this one
    const wsPath = join(dir, 'w.duckdb');
    execFileSync(process.execPath, ['--import', 'tsx', 'analytics/cli/main.ts', 'import', '--workspace', wsPath, path], {
      cwd: REPO,
      env: { ...process.env, TZ: 'America/New_York' },
      stdio: 'ignore',
    });
    const ws = await Workspace.open(wsPath);
    try {
      const got = await ws.db.all<{ d: string }>(`SELECT CAST(due_date AS VARCHAR) AS d FROM inspection_plan ORDER BY row_no`);
      expect(got.map((r) => r.d)).toEqual(['2024-01-02', '2024-01-01']);
      const here = await Workspace.open(join(dir, 'w2.duckdb'));
      try {
        expect((await importFile(here, path)).rows_loaded).toBe(2);
        expect(await here.db.all(`SELECT CAST(due_date AS VARCHAR) AS d FROM inspection_plan ORDER BY row_no`)).toEqual(got);
      } finally {
        here.close();
      }
    } finally {
      ws.close();
    }
  });
});

describe('Parquet column names', () => {
  it('a column named file_row_number is kept in extras and every row keeps its place (was: the file "damaged")', async () => {
    const dir = tempDir();
    const path = join(dir, '检查计划任务_frn.parquet');
    const db = await Db.open(':memory:');
    let ids: string[];
    try {
      await db.exec(`CREATE TABLE t AS SELECT * FROM read_parquet(${lit(SAMPLE)}) ORDER BY 任务编号 LIMIT 30`);
      ids = (await db.all<{ s: string }>(`SELECT 任务编号 AS s FROM t ORDER BY 任务编号`)).map((r) => r.s);
      // the column counts down, so its values are no row numbers
      await db.exec(`COPY (SELECT *, 100 - row_number() OVER (ORDER BY 任务编号) AS FILE_ROW_NUMBER FROM t ORDER BY 任务编号) TO ${lit(path)} (FORMAT parquet)`);
    } finally {
      db.close();
    }
    const ws = await Workspace.open(join(dir, 'w.duckdb'));
    try {
      expect(await importFile(ws, path)).toMatchObject({ rows_read: 30, rows_loaded: 30, rows_rejected: 0 });
      const got = await ws.db.all<{ row_no: number; id: string; extra: string }>(
        `SELECT row_no, plan_task_id AS id, json_extract_string(extras, '$.FILE_ROW_NUMBER') AS extra FROM inspection_plan ORDER BY row_no`,
      );
      expect(got.map((r) => [Number(r.row_no), r.id, r.extra])).toEqual(ids.map((id, i) => [i + 1, id, String(99 - i)]));
    } finally {
      ws.close();
    }
  });
});

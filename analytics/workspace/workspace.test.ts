import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Db } from '../db/duck.js';
import { tableColumns } from '../schema/ddl.js';
import { CANONICAL_TABLES } from '../schema/tables.js';
import { REPO, tempDir, workspaceOpenError } from '../test/helpers.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';
import { Workspace } from './workspace.js';

describe('Workspace', () => {
  it('creates a workspace at the current schema version and reopens it', async () => {
    const path = join(tempDir(), 'w.duckdb');
    const ws = await Workspace.open(path);
    expect(ws.schemaVersion).toBe(SCHEMA_VERSION);
    expect(await ws.meta('schema_version')).toBe(String(SCHEMA_VERSION));
    await ws.db.exec(`INSERT INTO unit (unit_id, name, unit_type) VALUES ('U1', '测试单位', '综合')`);
    ws.close();
    const again = await Workspace.open(path, { create: false });
    expect(again.migratedFrom).toBeNull();
    expect(await again.db.scalar(`SELECT name FROM unit`)).toBe('测试单位');
    again.close();
  });

  it('writes new workspaces in the storage format of STORAGE_VERSION (text columns compressed by DICT_FSST), and opens and writes a file in DuckDB\'s default format too', async () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `('U${i}', '单位${i % 7}', '综合')`).join(', ');
    const compressions = async (ws: Workspace) => {
      await ws.db.exec(`INSERT INTO unit (unit_id, name, unit_type) VALUES ${rows}; CHECKPOINT`);
      return (await ws.db.all<{ c: string }>(`SELECT DISTINCT compression AS c FROM pragma_storage_info('unit') WHERE segment_type = 'VARCHAR' ORDER BY 1`)).map((r) => r.c);
    };
    const ws = await Workspace.open(join(tempDir(), 'new.duckdb'));
    expect(await compressions(ws)).toContain('DICT_FSST');
    // a large insert writes each row group as it is made (WRITE_SETTINGS; DuckDB's default is 5)
    expect(await ws.db.scalar(`SELECT current_setting('write_buffer_row_group_count')::INTEGER`)).toBe(1);
    ws.close();
    // a workspace file made before (DuckDB's default format, what version 1.0 reads): the schema
    // from a plain database, then opened as a workspace
    const path = join(tempDir(), 'default-format.duckdb');
    const plain = await Db.open(path);
    plain.close();
    const old = await Workspace.open(path);
    expect(await compressions(old)).not.toContain('DICT_FSST');
    expect(await old.db.scalar(`SELECT count(*) FROM unit`)).toBe(3000);
    old.close();
  });

  it('migrates a workspace made by the previous schema version, keeping its data', async () => {
    const path = join(tempDir(), 'old.duckdb');
    const old = await Workspace.open(path, { migrateTo: SCHEMA_VERSION - 1 });
    expect(old.schemaVersion).toBe(SCHEMA_VERSION - 1);
    await old.db.exec(`INSERT INTO unit (unit_id, name, unit_type) VALUES ('U1', '旧单位', '专业')`);
    old.close();
    const ws = await Workspace.open(path);
    expect(ws.schemaVersion).toBe(SCHEMA_VERSION);
    expect(ws.migratedFrom).toBe(SCHEMA_VERSION - 1);
    expect(await ws.db.scalar(`SELECT name FROM unit WHERE unit_id = 'U1'`)).toBe('旧单位');
    // every table of the newest migration exists
    expect(await ws.db.scalar(`SELECT count(*) FROM header_mapping`)).toBe(0);
    ws.close();
  });

  it('migrations are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
  });

  it('the migrated schema matches the table definitions (no drift)', async () => {
    const ws = await Workspace.open(join(tempDir(), 'w.duckdb'));
    for (const t of CANONICAL_TABLES) {
      const cols = await ws.db.all<{ name: string; type: string }>(
        `SELECT column_name AS name, data_type AS type FROM information_schema.columns WHERE table_name = '${t.name}' ORDER BY ordinal_position`,
      );
      expect(cols.map((c) => `${c.name} ${c.type}`), t.name).toEqual(tableColumns(t).map((c) => `${c.name} ${c.type}`));
    }
    ws.close();
  });

  it('refuses a file that is not a DuckDB database, with a message saying what to do', async () => {
    const path = join(tempDir(), 'cases.duckdb');
    writeFileSync(path, '案件编号,立案日期\nAJ1,2024-03-05\n'.repeat(10));
    const e = await workspaceOpenError(path);
    expect(e.code).toBe('WORKSPACE_NOT_DUCKDB');
    expect(e.zh).toContain('不是 Tijian 工作区');
    expect(e.en).toContain('not a Tijian workspace');
  });

  it('refuses a DuckDB database that is not a workspace', async () => {
    const path = join(tempDir(), 'other.duckdb');
    const db = await Db.open(path);
    await db.exec('CREATE TABLE t (x INTEGER)');
    db.close();
    const e = await workspaceOpenError(path);
    expect(e.code).toBe('WORKSPACE_NOT_TIJIAN');
  });

  it('refuses a workspace from a newer version', async () => {
    const path = join(tempDir(), 'new.duckdb');
    const ws = await Workspace.open(path);
    await ws.db.exec(`UPDATE tijian_meta SET value = '${SCHEMA_VERSION + 1}' WHERE key = 'schema_version'`);
    ws.close();
    expect((await workspaceOpenError(path)).code).toBe('WORKSPACE_TOO_NEW');
  });

  it('says clearly when another process holds the workspace', async () => {
    const path = join(tempDir(), 'locked.duckdb');
    (await Workspace.open(path)).close();
    const holder = spawn(process.execPath, ['--import', 'tsx', '-e', `
      import { Db } from './analytics/db/duck.ts';
      const db = await Db.open(${JSON.stringify(path)});
      console.log('holding');
      setTimeout(() => db.close(), 30000);
    `], { cwd: REPO, stdio: ['ignore', 'pipe', 'inherit'] });
    try {
      await new Promise<void>((resolve, reject) => {
        holder.stdout.on('data', (d: Buffer) => d.toString().includes('holding') && resolve());
        holder.on('exit', (code) => reject(new Error(`holder exited ${code}`)));
      });
      const e = await workspaceOpenError(path);
      expect(e.code).toBe('WORKSPACE_LOCKED');
      expect(e.zh).toContain('正被另一个程序');
      expect(e.zh).toContain(String(holder.pid));
    } finally {
      holder.kill('SIGKILL');
    }
  });

  it('missing file with create: false', async () => {
    expect((await workspaceOpenError(join(tempDir(), 'none.duckdb'), { create: false })).code).toBe('FILE_NOT_FOUND');
  });
});

describe('migrating a workspace with data from the first schema version', () => {
  it('keeps every row, including the permit whose approval matter moved in v5', async () => {
    const path = join(tempDir(), 'v1.duckdb');
    const old = await Workspace.open(path, { migrateTo: 1 });
    await old.db.exec(`INSERT INTO unit (unit_id, name, unit_type, import_id) VALUES ('U1', '单位', '综合', 1)`);
    await old.db.exec(
      `INSERT INTO permit (permit_id, subject_id, subject_name, matter_code, matter_raw, unit_id, unit_raw, issued_date, import_id, row_no)
       VALUES ('P1', 'S1', '某店', NULL, '食品经营许可', 'U1', '单位', DATE '2024-01-05', 1, 2)`,
    );
    old.close();
    const ws = await Workspace.open(path);
    expect(ws.migratedFrom).toBe(1);
    expect(ws.schemaVersion).toBe(SCHEMA_VERSION);
    expect(await ws.db.one(`SELECT permit_id, matter_code, unit_id, issued_date, row_no FROM permit`)).toEqual({
      permit_id: 'P1',
      matter_code: '食品经营许可',
      unit_id: 'U1',
      issued_date: '2024-01-05',
      row_no: 2,
    });
    expect(await ws.db.scalar(`SELECT count(*) FROM unit`)).toBe(1);
    ws.close();
  });
});

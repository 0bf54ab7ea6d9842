// A workspace is one DuckDB file holding the canonical tables, the import log and everything the
// evaluation writes. Opening one creates it or migrates it to the current schema version.
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { Db, lit } from '../db/duck.js';
import { TijianError } from '../i18n/errors.js';
import { diskCode, workspaceReadOnly, workspaceWriteError, type DiskCode } from '../i18n/machine-errors.js';
import { MACROS_SQL } from '../import/sql-macros.js';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations/index.js';
import { APP_VERSION } from '../version.js';
import { IoSandbox } from './sandbox.js';

export interface OpenOptions {
  /** Create the file when it does not exist (default true). */
  create?: boolean;
  /** Tests: stop migrating at this version, to make a workspace of an older release. */
  migrateTo?: number;
  /** Open without migrating or writing (another process may still not hold it). */
  readOnly?: boolean;
  /** For commands that only read: when the file or its folder cannot be written (a read-only
   *  disk, no permission), open it read-only instead of refusing it. */
  readOnlyFallback?: boolean;
}

export class Workspace {
  private constructor(
    readonly db: Db,
    readonly path: string,
    readonly schemaVersion: number,
    readonly migratedFrom: number | null,
    /** The one folder the database may touch (see sandbox.ts). */
    readonly io: IoSandbox,
    /** Opened read-only (asked for, or the readOnlyFallback of a file that cannot be written). */
    readonly readOnly: boolean,
    /** Why it could not be opened for writing (readOnlyFallback); null when it was not tried. */
    readonly notWritable: DiskCode | null,
  ) {}

  static async open(path: string, options: OpenOptions = {}): Promise<Workspace> {
    const create = options.create ?? true;
    const exists = path !== ':memory:' && existsSync(path);
    if (path !== ':memory:' && !exists && !create) {
      throw new TijianError('FILE_NOT_FOUND', `工作区文件不存在：${path}`, `Workspace file not found: ${path}`);
    }
    if (exists) checkDuckDbMagic(path);

    let db: Db;
    try {
      db = await Db.open(path, { ...(options.readOnly ? { access_mode: 'READ_ONLY' } : {}), storage_compatibility_version: STORAGE_VERSION, ...WRITE_SETTINGS });
    } catch (e) {
      const code = diskCode(e);
      // a sound workspace on a CD or a read-only share: looked at as it is (nothing to migrate)
      if (exists && !options.readOnly && options.readOnlyFallback && (code === 'EROFS' || code === 'EACCES' || code === 'EPERM')) {
        try {
          const ws = await Workspace.open(path, { ...options, readOnly: true, readOnlyFallback: false });
          return new Workspace(ws.db, ws.path, ws.schemaVersion, ws.migratedFrom, ws.io, true, code);
        } catch (e2) {
          // a workspace of an older schema cannot be upgraded where it is: told as not writable
          if (e2 instanceof TijianError && e2.code === 'WORKSPACE_NEEDS_UPGRADE') throw workspaceReadOnly(path, code);
          throw e2;
        }
      }
      throw translateOpenError(e, path);
    }
    const io = IoSandbox.create();
    try {
      // DuckDB reports a query's progress (polled for the progress bars) only with this on.
      await db.exec(`SET enable_progress_bar = true; SET enable_progress_bar_print = false`);
      // Before any other statement: SQL stored in the file (a macro, a view) could otherwise run
      // with file access on — a workspace someone sent, whose main.now() read /etc/passwd into
      // tijian_meta while it was migrated. From here on SQL reaches no file but its own folder.
      await io.lock(db);
      // …and none of it runs at all: a workspace holds only Tijian's tables.
      await refuseForeignObjects(db, path);
      await db.exec(MACROS_SQL);
      const { version, from } = await ensureSchema(db, path, options);
      return new Workspace(db, path, version, from, io, !!options.readOnly, null);
    } catch (e) {
      db.close();
      io.remove();
      // a migration that cannot be written (a full disk) changed nothing: told as such
      throw e instanceof TijianError ? e : (workspaceWriteError(e, path, { zh: '工作区结构的升级', en: 'Upgrading the workspace' }) ?? damagedOr(e, path));
    }
  }

  close(): void {
    this.db.close();
    this.io.remove();
  }

  async meta(key: string): Promise<string | null> {
    const row = await this.db.one<{ value: string }>(`SELECT value FROM tijian_meta WHERE key = ${lit(key)}`);
    return row?.value ?? null;
  }
}

/** The storage format new workspace files are written in. DuckDB writes, by default, what its
 *  1.0 release could read, which leaves out the DICT_FSST compression of 1.3: text columns are then
 *  analysed for dictionary and FSST compression separately. Writing 1,000,000 case rows (36 columns,
 *  from memory) took 1.78–1.87 s and 3.3–3.4 s of CPU by default, 1.20–1.29 s and 2.1–2.2 s of CPU
 *  with v1.3.0, the file 46.9 instead of 42.2 MB. The app ships its own DuckDB (≥ 1.3), the only
 *  reader of the file; a file written before keeps the format it has. */
export const STORAGE_VERSION = 'v1.3.0';

/** How DuckDB writes a large insert: each full row group goes to the file as soon as it is made
 *  (DuckDB buffers 5 by default, to write them together). Measured alternating on 2 cores: the
 *  1,000,000-row case CSV's import peaked at 890–952 MiB instead of 1,197–1,230 MiB, in the same time
 *  (3.43–3.51 s against 3.43–3.62 s); the scale-180 folder 17.9–18.3 s against 18.9–21.0 s. */
export const WRITE_SETTINGS = { write_buffer_row_group_count: '1' };

const DUCKDB_MAGIC = 'DUCK';

function checkDuckDbMagic(path: string): void {
  // (what is at the path, told in words before DuckDB or Node is asked: probe 12, F5/F9)
  const st = statSync(path);
  if (st.isDirectory()) {
    throw new TijianError('WORKSPACE_NOT_DUCKDB', `“${path}”是一个文件夹，不是工作区文件。请选择 .duckdb 工作区文件，或给出一个新的文件名以新建工作区。`, `"${path}" is a folder, not a workspace file. Choose a .duckdb workspace file, or give a new file name to create a workspace.`);
  }
  if (!st.isFile()) {
    throw new TijianError('WORKSPACE_NOT_DUCKDB', `“${path}”不是普通文件（是设备、管道或指向它们的链接），不能用作工作区。请选择 .duckdb 工作区文件，或给出一个新的文件名以新建工作区。`, `"${path}" is not a regular file (a device, a pipe, or a link to one) and cannot be a workspace. Choose a .duckdb workspace file, or give a new file name to create a workspace.`);
  }
  // DuckDB (1.3) refuses an empty file rather than starting a database in it: an empty file made
  // with 新建文件, or a copy cut at 0 bytes, is told as what it is
  if (st.size === 0) {
    throw new TijianError('WORKSPACE_NOT_DUCKDB', `“${path}”是空文件（0 字节），不是工作区：其中没有任何数据（也可能是复制时被截断）。如是备份的工作区，请使用原来的文件；如要新建工作区，请删除这个空文件，或给出一个新的文件名。`, `"${path}" is an empty file (0 bytes), not a workspace: it holds no data (perhaps a copy cut short). If it was a workspace, use the original file; to create a workspace, delete the empty file or give a new file name.`);
  }
  const buf = Buffer.alloc(12);
  const fd = openSync(path, 'r');
  try {
    readSync(fd, buf, 0, 12, 0);
  } finally {
    closeSync(fd);
  }
  if (buf.subarray(8, 12).toString('latin1') !== DUCKDB_MAGIC) {
    throw new TijianError(
      'WORKSPACE_NOT_DUCKDB',
      `“${path}”不是 Tijian 工作区（不是 DuckDB 数据库文件）。请选择 .duckdb 工作区文件，或新建一个工作区；导入数据请使用“导入”而不是“打开”。`,
      `"${path}" is not a Tijian workspace (not a DuckDB database file). Choose a .duckdb workspace or create a new one; to load data files use Import, not Open.`,
    );
  }
}

/**
 * A workspace holds Tijian's tables and nothing that runs: Tijian stores no macro, function or
 * view in the file. One that does was made or changed by someone else — a macro named like a
 * built-in function (now, round, coalesce) is found before the built-in, and so runs inside
 * Tijian's own queries: it read files at the opening and changed every score silently. Such a
 * workspace is refused, naming what it holds. The catalog is read through system.main's table
 * functions, which a macro in the file cannot replace.
 */
async function refuseForeignObjects(db: Db, path: string): Promise<void> {
  const found = await db.all<{ kind: string; name: string }>(
    `SELECT 'macro' AS kind, function_name AS name FROM system.main.duckdb_functions() WHERE NOT internal AND database_name NOT IN ('system', 'temp')
     UNION ALL SELECT 'view', view_name FROM system.main.duckdb_views() WHERE NOT internal AND database_name NOT IN ('system', 'temp')
     ORDER BY 1, 2 LIMIT 20`,
  );
  if (!found.length) return;
  const zh = found.map((f) => `${f.kind === 'view' ? '视图' : '宏/函数'} ${f.name}`).join('、');
  const en = found.map((f) => `${f.kind === 'view' ? 'view' : 'macro/function'} ${f.name}`).join(', ');
  throw new TijianError(
    'WORKSPACE_FOREIGN_OBJECTS',
    `工作区“${path}”含有 Tijian 不会创建的对象（${zh}）：它被其他程序改动过，其中的 SQL 可能读取本机文件或改变评估结果，为安全起见不打开。请向发送方索取原始数据重新导入，或新建一个工作区。`,
    `Workspace "${path}" holds objects Tijian never creates (${en}): another program changed it, and its SQL could read files on this computer or change the results, so it is not opened. Ask the sender for the original data and import it, or create a new workspace.`,
    { objects: found },
  );
}

/** A file DuckDB cannot read to its end (cut short, damaged): said so, not as an internal error. */
function damagedOr(e: unknown, path: string): unknown {
  const msg = e instanceof Error ? e.message : String(e);
  // a file that cannot be written (a read-only disk — "Read-only file system" holds "read" —, no
  // permission, a full disk) is not damaged
  if (diskCode(e) && diskCode(e) !== 'EISDIR') return e;
  if (!/Could not read enough bytes|Corrupt database|checksum|IO Error: .*(read|block)/i.test(msg)) return e;
  return new TijianError(
    'WORKSPACE_DAMAGED',
    `工作区“${path}”已损坏（文件不完整或内容有误，可能复制或传送时被截断），无法打开。请使用备份或原来的文件，或新建工作区后重新导入数据。`,
    `Workspace "${path}" is damaged (the file is incomplete or corrupt, perhaps cut short when copied or sent) and cannot be opened. Use a backup or the original file, or create a new workspace and import the data again.`,
  );
}

/** DuckDB's failure to open a workspace file, in words (exported for its tests). */
export function translateOpenError(e: unknown, path: string): TijianError {
  const code = diskCode(e);
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return workspaceReadOnly(path, code);
  const written = workspaceWriteError(e, path, { zh: '打开时的写入', en: 'Writing while opening' });
  if (written) return written;
  const damaged = damagedOr(e, path);
  if (damaged instanceof TijianError) return damaged;
  const msg = e instanceof Error ? e.message : String(e);
  const lock = /Could not set lock on file|Conflicting lock is held/i.test(msg);
  if (lock) {
    const pid = /PID (\d+)/.exec(msg)?.[1];
    const holder = pid ? `（进程 PID ${pid}）` : '';
    return new TijianError(
      'WORKSPACE_LOCKED',
      `工作区“${path}”正被另一个程序${holder}使用。请先关闭另一个 Tijian 窗口或命令，再重试。`,
      `Workspace "${path}" is in use by another process${pid ? ` (PID ${pid})` : ''}. Close the other Tijian window or command and try again.`,
      { pid: pid ? Number(pid) : undefined },
    );
  }
  if (/not a valid DuckDB database file|database file.*invalid|Unable to open database/i.test(msg) && !/lock/i.test(msg)) {
    return new TijianError(
      'WORKSPACE_NOT_DUCKDB',
      `无法打开“${path}”：它不是有效的工作区文件（${msg}）。`,
      `Cannot open "${path}": not a valid workspace file (${msg}).`,
    );
  }
  return new TijianError('WORKSPACE_OPEN_FAILED', `无法打开工作区“${path}”：${msg}`, `Cannot open workspace "${path}": ${msg}`);
}

async function ensureSchema(
  db: Db,
  path: string,
  options: OpenOptions,
): Promise<{ version: number; from: number | null }> {
  const tables = await db.all<{ name: string }>(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'main' AND table_catalog = current_database()`,
  );
  const hasMeta = tables.some((t) => t.name === 'tijian_meta');
  if (!hasMeta && tables.length > 0) {
    throw new TijianError(
      'WORKSPACE_NOT_TIJIAN',
      `“${path}”是一个 DuckDB 数据库，但不是 Tijian 工作区（缺少 tijian_meta 表）。请新建工作区，再把数据导入其中。`,
      `"${path}" is a DuckDB database but not a Tijian workspace (no tijian_meta table). Create a new workspace and import the data into it.`,
    );
  }
  if (options.readOnly) {
    if (!hasMeta) {
      throw new TijianError('WORKSPACE_NOT_TIJIAN', `“${path}”不是 Tijian 工作区。`, `"${path}" is not a Tijian workspace.`);
    }
    const v = Number(await db.scalar(`SELECT value FROM tijian_meta WHERE key = 'schema_version'`));
    if (options.readOnlyFallback === false && v < SCHEMA_VERSION) {
      throw new TijianError('WORKSPACE_NEEDS_UPGRADE', `工作区“${path}”需要升级结构才能使用。`, `Workspace "${path}" needs its structure upgraded.`);
    }
    return { version: v, from: null };
  }

  const target = options.migrateTo ?? SCHEMA_VERSION;
  let current = 0;
  if (hasMeta) {
    const v = await db.scalar<string | null>(`SELECT value FROM tijian_meta WHERE key = 'schema_version'`);
    // a missing or garbled version would run every migration again over the existing tables
    // ("Table with name "unit" already exists!", probe 12 F5): refused, the file untouched
    if (v === null || v === undefined || !/^\d+$/.test(String(v))) {
      throw new TijianError(
        'WORKSPACE_DAMAGED',
        `工作区“${path}”的结构版本记录缺失或有误（tijian_meta 中 schema_version 为 ${v === null || v === undefined ? '空' : `“${String(v)}”`}），无法确定如何打开；文件未被改动。请使用备份或原来的文件，或新建工作区后重新导入数据。`,
        `Workspace "${path}" has a missing or garbled structure version (schema_version in tijian_meta is ${v === null || v === undefined ? 'absent' : `"${String(v)}"`}), so it cannot be told how to open it; the file was not changed. Use a backup or the original file, or create a new workspace and import the data again.`,
      );
    }
    current = Number(v);
  }
  if (current > SCHEMA_VERSION) {
    throw new TijianError(
      'WORKSPACE_TOO_NEW',
      `工作区由更新版本的 Tijian 创建（结构版本 ${current}，本程序支持到 ${SCHEMA_VERSION}）。请升级 Tijian。`,
      `The workspace was written by a newer Tijian (schema ${current}; this build supports up to ${SCHEMA_VERSION}). Upgrade Tijian.`,
    );
  }
  if (current >= target) return { version: current, from: null };

  await db.transaction(async () => {
    if (!hasMeta) {
      await db.exec(`CREATE TABLE tijian_meta (key VARCHAR PRIMARY KEY, value VARCHAR)`);
      await db.exec(
        `INSERT INTO tijian_meta VALUES ('schema_version', '0'), ('created_at', CAST(now() AS VARCHAR)), ('created_by', ${lit(APP_VERSION)})`,
      );
    }
    for (const m of MIGRATIONS) {
      if (m.version <= current || m.version > target) continue;
      await db.exec(typeof m.sql === 'function' ? m.sql() : m.sql);
      await db.exec(`UPDATE tijian_meta SET value = ${lit(String(m.version))} WHERE key = 'schema_version'`);
    }
    await db.exec(
      `INSERT OR REPLACE INTO tijian_meta VALUES ('migrated_by', ${lit(APP_VERSION)}), ('migrated_at', CAST(now() AS VARCHAR))`,
    );
  });
  return { version: target, from: hasMeta ? current : null };
}

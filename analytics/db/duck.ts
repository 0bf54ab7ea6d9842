// Thin helpers over @duckdb/node-api: plain JS rows (numbers, ISO date strings), quoting, transactions.
import {
  DuckDBConnection,
  DuckDBInstance,
  DuckDBTypeId,
  type DuckDBPreparedStatement,
  type DuckDBListType,
  type DuckDBResultReader,
  type DuckDBStructType,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';

export type Row = Record<string, unknown>;

/** SQL that had to be one statement was a list (or none). */
export class SqlStatementsError extends Error {
  constructor(readonly count: number) {
    super(`expected exactly one SQL statement, found ${count}`);
    this.name = 'SqlStatementsError';
  }
}

/** TIJIAN_SQL_TIMING=1 prints each statement's time to stderr (for profiling). */
const TIMING = !!process.env.TIJIAN_SQL_TIMING;

function timingLine(t0: number, c0: NodeJS.CpuUsage, sql: string): void {
  const cpu = process.cpuUsage(c0);
  // @ the start, in seconds since the process began: where the time between statements goes
  process.stderr.write(`@${(t0 / 1000).toFixed(2)} [sql ${(performance.now() - t0).toFixed(0)} ms, cpu ${((cpu.user + cpu.system) / 1000).toFixed(0)} ms] ${sql.replace(/\s+/g, ' ').slice(0, Number(process.env.TIJIAN_SQL_TIMING) > 1 ? undefined : 140)}\n`);
}
export type Params = DuckDBValue[] | Record<string, DuckDBValue>;

/** SQL string literal. */
export function lit(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return 'NULL';
    return String(value);
  }
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  const quoted = `'${value.replace(/'/g, "''")}'`;
  // DuckDB's parser takes the SQL text as a C string: a NUL would end it mid-literal. Spelled as
  // chr(0) the text is the same value.
  return value.indexOf('\0') >= 0 ? `(${quoted.split('\0').join("' || chr(0) || '")})` : quoted;
}

/** SQL identifier (a NUL, which no identifier can hold, becomes U+FFFD). */
export function ident(name: string): string {
  return `"${name.replace(/"/g, '""').replace(/\0/g, '\ufffd')}"`;
}

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

type Converter = (v: unknown) => unknown;

function isoDate(v: Date): string {
  return `${pad(v.getUTCFullYear(), 4)}-${pad(v.getUTCMonth() + 1)}-${pad(v.getUTCDate())}`;
}

/** A converter for values of a DuckDB type: BIGINT → number (string when beyond 2^53), DATE →
 *  'YYYY-MM-DD', timestamps → ISO strings, recursively through lists and structs. */
function converterFor(type: DuckDBType): Converter {
  switch (type.typeId) {
    case DuckDBTypeId.DATE:
      return (v) => (v instanceof Date ? isoDate(v) : v);
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY: {
      const child = converterFor((type as DuckDBListType).valueType);
      return (v) => (Array.isArray(v) ? v.map((x) => (x === null || x === undefined ? null : child(x))) : v);
    }
    case DuckDBTypeId.STRUCT: {
      const st = type as DuckDBStructType;
      const fields = st.entryNames.map((n, i) => [n, converterFor(st.entryTypes[i]!)] as const);
      return (v) => {
        if (!v || typeof v !== 'object') return v;
        const o = v as Record<string, unknown>;
        const out: Record<string, unknown> = {};
        for (const [n, c] of fields) out[n] = o[n] === null || o[n] === undefined ? null : c(o[n]);
        return out;
      };
    }
    default:
      return (v) => {
        if (typeof v === 'bigint') {
          const n = Number(v);
          return Number.isSafeInteger(n) ? n : v.toString();
        }
        if (v instanceof Date) return v.toISOString();
        return v;
      };
  }
}

/** Rows of a materialised result as plain objects: BIGINT → number, DATE → 'YYYY-MM-DD'. */
export function readerRows<T = Row>(reader: DuckDBResultReader): T[] {
  const names = reader.deduplicatedColumnNames();
  const convs = names.map((_, i) => converterFor(reader.columnType(i)));
  const raw = reader.getRowsJS();
  const out: T[] = new Array(raw.length);
  for (let r = 0; r < raw.length; r++) {
    const src = raw[r]!;
    const obj: Row = {};
    for (let c = 0; c < names.length; c++) {
      const v = src[c];
      obj[names[c]!] = v === null || v === undefined ? null : convs[c]!(v);
    }
    out[r] = obj as T;
  }
  return out;
}

export class Db {
  private txDepth = 0;
  constructor(
    readonly instance: DuckDBInstance,
    readonly conn: DuckDBConnection,
    readonly path: string,
    private readonly ownsInstance = true,
  ) {}

  /** Another connection to the same database, for running queries side by side. Temporary
   *  objects (macros, temp tables) are per connection and not shared. */
  async fork(): Promise<Db> {
    return new Db(this.instance, await this.instance.connect(), this.path, false);
  }

  static async open(path: string, options?: Record<string, string>): Promise<Db> {
    const instance = await DuckDBInstance.create(path, options);
    const conn = await instance.connect();
    return new Db(instance, conn, path);
  }

  async exec(sql: string, params?: Params): Promise<number> {
    const t0 = TIMING ? performance.now() : 0;
    const c0 = TIMING ? process.cpuUsage() : undefined;
    const r = await this.conn.run(sql, params);
    if (TIMING) timingLine(t0, c0!, sql);
    return r.rowsChanged;
  }

  async all<T = Row>(sql: string, params?: Params): Promise<T[]> {
    const t0 = TIMING ? performance.now() : 0;
    const c0 = TIMING ? process.cpuUsage() : undefined;
    const reader = await this.conn.runAndReadAll(sql, params);
    if (TIMING) timingLine(t0, c0!, sql);
    return readerRows<T>(reader);
  }

  /**
   * Exactly one statement, never a list: for SQL that comes from an index or rules file or is
   * stored with a run. (run() with parameters runs every statement of a list but the last
   * unbound — `SELECT 1; COPY … TO …; SELECT …` would write the file.)
   */
  async allOne<T = Row>(sql: string, params?: Params): Promise<T[]> {
    const stmt = await this.prepareOne(sql);
    try {
      if (params) stmt.bind(params);
      const t0 = TIMING ? performance.now() : 0;
      const c0 = TIMING ? process.cpuUsage() : undefined;
      const reader = await stmt.runAndReadAll();
      if (TIMING) timingLine(t0, c0!, sql);
      return readerRows<T>(reader);
    } finally {
      stmt.destroySync();
    }
  }

  async execOne(sql: string, params?: Params): Promise<number> {
    const stmt = await this.prepareOne(sql);
    try {
      if (params) stmt.bind(params);
      return (await stmt.run()).rowsChanged;
    } finally {
      stmt.destroySync();
    }
  }

  /** Throws unless `sql` is exactly one statement. */
  async assertOneStatement(sql: string): Promise<void> {
    let count: number;
    try {
      count = (await this.conn.extractStatements(sql)).count;
    } catch {
      count = 0;
    }
    if (count !== 1) throw new SqlStatementsError(count);
  }

  private async prepareOne(sql: string): Promise<DuckDBPreparedStatement> {
    let ex;
    try {
      ex = await this.conn.extractStatements(sql);
    } catch (e) {
      // a syntax error: the prepare of a single statement would say the same, in DuckDB's words
      throw e;
    }
    if (ex.count !== 1) throw new SqlStatementsError(ex.count);
    return ex.prepare(0);
  }

  async one<T = Row>(sql: string, params?: Params): Promise<T | undefined> {
    const rows = await this.all<T>(sql, params);
    return rows[0];
  }

  async scalar<T = unknown>(sql: string, params?: Params): Promise<T> {
    const reader = await this.conn.runAndReadAll(sql, params);
    const rows = readerRows<Row>(reader);
    const first = rows[0];
    if (!first) return null as T;
    return Object.values(first)[0] as T;
  }

  /** Runs fn in one transaction; any throw rolls everything back. Nested calls join the outer one. */
  async transaction<T>(fn: () => Promise<T>): Promise<T> {
    if (this.txDepth > 0) return fn();
    await this.exec('BEGIN TRANSACTION');
    this.txDepth++;
    try {
      const result = await fn();
      this.txDepth--;
      await this.exec('COMMIT');
      return result;
    } catch (err) {
      this.txDepth--;
      try {
        await this.exec('ROLLBACK');
      } catch {
        // the transaction may already be aborted by DuckDB; the original error matters
      }
      throw err;
    }
  }

  get inTransaction(): boolean {
    return this.txDepth > 0;
  }

  interrupt(): void {
    this.conn.interrupt();
  }

  close(): void {
    this.conn.closeSync();
    if (this.ownsInstance) this.instance.closeSync();
  }
}

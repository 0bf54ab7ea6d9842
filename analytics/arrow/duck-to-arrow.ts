// DuckDB results → Apache Arrow tables → IPC bytes, column by column from the result's chunks
// (typed arrays per column, never row objects). @duckdb/node-api has no Arrow export of its own.
//
// Type mapping (what the renderer gets):
//   BOOLEAN → Bool; TINYINT..INTEGER, UTINYINT, USMALLINT → Int32; UINTEGER, FLOAT, DOUBLE → Float64;
//   BIGINT, UBIGINT, HUGEINT, UHUGEINT → Float64 when every value is a safe integer, else Utf8
//   (exact decimal text); DECIMAL → Float64; DATE → DateDay (Date32); TIMESTAMP* → Utf8 as DuckDB
//   writes it; LIST / ARRAY → List<Utf8>; VARCHAR, JSON, ENUM, UUID and everything else → Utf8.
import {
  DuckDBDataChunk,
  DuckDBListVector,
  DuckDBArrayVector,
  DuckDBTypeId,
  type DuckDBConnection,
  type DuckDBType,
  type DuckDBValue,
  type DuckDBVector,
} from '@duckdb/node-api';
import {
  Bool,
  DateDay,
  Field,
  Float64,
  Int32,
  List,
  makeData,
  RecordBatch,
  Schema,
  Struct,
  Table,
  tableToIPC,
  Utf8,
  type Data,
  type DataType,
} from 'apache-arrow';

type ArrowKind = 'bool' | 'int32' | 'float64' | 'bigint' | 'decimal' | 'date' | 'utf8' | 'list';

function kindOf(type: DuckDBType): ArrowKind {
  switch (type.typeId) {
    case DuckDBTypeId.BOOLEAN:
      return 'bool';
    case DuckDBTypeId.TINYINT:
    case DuckDBTypeId.SMALLINT:
    case DuckDBTypeId.INTEGER:
    case DuckDBTypeId.UTINYINT:
    case DuckDBTypeId.USMALLINT:
      return 'int32';
    case DuckDBTypeId.UINTEGER:
    case DuckDBTypeId.FLOAT:
    case DuckDBTypeId.DOUBLE:
      return 'float64';
    case DuckDBTypeId.BIGINT:
    case DuckDBTypeId.UBIGINT:
    case DuckDBTypeId.HUGEINT:
    case DuckDBTypeId.UHUGEINT:
      return 'bigint';
    case DuckDBTypeId.DECIMAL:
      return 'decimal';
    case DuckDBTypeId.DATE:
      return 'date';
    case DuckDBTypeId.LIST:
    case DuckDBTypeId.ARRAY:
      return 'list';
    default:
      return 'utf8';
  }
}

const encoder = new TextEncoder();

/** Validity bitmap (LSB first) and null count of `n` values. */
class Validity {
  readonly bits: Uint8Array;
  nulls = 0;
  constructor(n: number) {
    this.bits = new Uint8Array(Math.ceil(n / 8)).fill(0xff);
  }
  setNull(i: number): void {
    this.bits[i >> 3]! &= ~(1 << (i & 7));
    this.nulls++;
  }
}

/** Growing UTF-8 buffer with Int32 offsets: the body of a Utf8 vector. */
class Utf8Buffer {
  private buf: Uint8Array;
  private used = 0;
  readonly offsets: Int32Array;
  private count = 0;
  constructor(n: number, guess = n * 12) {
    this.buf = new Uint8Array(Math.max(64, guess));
    this.offsets = new Int32Array(n + 1);
  }
  push(s: string | null): void {
    if (s !== null && s.length) {
      const need = this.used + s.length * 3;
      if (need > this.buf.length) {
        const next = new Uint8Array(Math.max(need, this.buf.length * 2));
        next.set(this.buf.subarray(0, this.used));
        this.buf = next;
      }
      this.used += encoder.encodeInto(s, this.buf.subarray(this.used)).written;
    }
    this.offsets[++this.count] = this.used;
  }
  get data(): Uint8Array {
    return this.buf.subarray(0, this.used);
  }
}

function textOf(v: DuckDBValue): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  return String(v);
}

function utf8Data(values: Array<string | null>): Data<Utf8> {
  const n = values.length;
  const valid = new Validity(n);
  const body = new Utf8Buffer(n);
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (v === null) valid.setNull(i);
    body.push(v);
  }
  return makeData({ type: new Utf8(), length: n, nullCount: valid.nulls, nullBitmap: valid.nulls ? valid.bits : null, valueOffsets: body.offsets, data: body.data });
}

interface Column {
  name: string;
  type: DuckDBType;
  kind: ArrowKind;
}

/** One column of every chunk, as one Arrow Data. */
function columnData(col: Column, chunks: readonly DuckDBDataChunk[], index: number, n: number): Data {
  const vectors: DuckDBVector[] = chunks.map((c) => c.getColumnVector(index));
  const valid = new Validity(n);
  const each = (fn: (v: DuckDBVector, i: number, at: number) => void) => {
    let at = 0;
    for (const v of vectors) {
      const len = v.itemCount;
      for (let i = 0; i < len; i++, at++) fn(v, i, at);
    }
  };
  const nullBitmap = () => (valid.nulls ? valid.bits : null);
  switch (col.kind) {
    case 'bool': {
      const bits = new Uint8Array(Math.ceil(n / 8));
      each((v, i, at) => {
        const x = v.getItem(i);
        if (x === null) valid.setNull(at);
        else if (x) bits[at >> 3]! |= 1 << (at & 7);
      });
      return makeData({ type: new Bool(), length: n, nullCount: valid.nulls, nullBitmap: nullBitmap(), data: bits });
    }
    case 'int32': {
      const data = new Int32Array(n);
      each((v, i, at) => {
        const x = v.getItem(i) as number | null;
        if (x === null) valid.setNull(at);
        else data[at] = x;
      });
      return makeData({ type: new Int32(), length: n, nullCount: valid.nulls, nullBitmap: nullBitmap(), data });
    }
    case 'float64':
    case 'decimal': {
      const data = new Float64Array(n);
      const dec = col.kind === 'decimal';
      each((v, i, at) => {
        const x = v.getItem(i);
        if (x === null) valid.setNull(at);
        else data[at] = dec ? (x as { toDouble(): number }).toDouble() : (x as number);
      });
      return makeData({ type: new Float64(), length: n, nullCount: valid.nulls, nullBitmap: nullBitmap(), data });
    }
    case 'bigint': {
      const data = new Float64Array(n);
      let safe = true;
      const raw: Array<bigint | null> = [];
      each((v, i, at) => {
        const x = v.getItem(i) as bigint | null;
        raw.push(x);
        if (x === null) valid.setNull(at);
        else {
          const d = Number(x);
          if (!Number.isSafeInteger(d)) safe = false;
          data[at] = d;
        }
      });
      if (!safe) return utf8Data(raw.map((x) => (x === null ? null : x.toString())));
      return makeData({ type: new Float64(), length: n, nullCount: valid.nulls, nullBitmap: nullBitmap(), data });
    }
    case 'date': {
      const data = new Int32Array(n);
      each((v, i, at) => {
        const x = v.getItem(i) as { days: number } | null;
        if (x === null) valid.setNull(at);
        else data[at] = x.days;
      });
      return makeData({ type: new DateDay(), length: n, nullCount: valid.nulls, nullBitmap: nullBitmap(), data });
    }
    case 'list': {
      const offsets = new Int32Array(n + 1);
      const items: Array<string | null> = [];
      each((v, i, at) => {
        const lv = v as DuckDBListVector | DuckDBArrayVector;
        if (lv.getItem(i) === null) {
          valid.setNull(at);
        } else if (lv instanceof DuckDBListVector) {
          const child = lv.childVector;
          const start = lv.getEntryOffset(i);
          const len = lv.getEntryLength(i);
          for (let k = 0; k < len; k++) {
            const x = child.getItem(start + k);
            items.push(x === null ? null : textOf(x));
          }
        } else {
          const x = lv.getItem(i)!;
          for (const e of x.items) items.push(e === null ? null : textOf(e));
        }
        offsets[at + 1] = items.length;
      });
      const child = utf8Data(items);
      return makeData({ type: new List(new Field('item', new Utf8(), true)), length: n, nullCount: valid.nulls, nullBitmap: nullBitmap(), valueOffsets: offsets, child });
    }
    case 'utf8':
    default: {
      const values: Array<string | null> = new Array(n);
      each((v, i, at) => {
        const x = v.getItem(i);
        values[at] = x === null ? null : textOf(x);
      });
      return utf8Data(values);
    }
  }
}

/** Unique column names: Arrow lookups by name need them. */
function uniqueNames(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((n) => {
    const k = seen.get(n) ?? 0;
    seen.set(n, k + 1);
    return k ? `${n}_${k + 1}` : n;
  });
}

/** Arrow table of materialised DuckDB chunks. */
export function chunksToArrow(names: readonly string[], types: readonly DuckDBType[], chunks: readonly DuckDBDataChunk[]): Table {
  const cols: Column[] = uniqueNames(names).map((name, i) => ({ name, type: types[i]!, kind: kindOf(types[i]!) }));
  const n = chunks.reduce((s, c) => s + c.rowCount, 0);
  const data = cols.map((c, i) => columnData(c, chunks, i, n));
  const fields = cols.map((c, i) => new Field(c.name, data[i]!.type as DataType, true));
  const schema = new Schema(fields);
  const struct = makeData({ type: new Struct(fields), length: n, nullCount: 0, children: data });
  return new Table([new RecordBatch(schema, struct)]);
}

/** Runs a query and returns its result as an Arrow table. */
export async function queryArrow(conn: DuckDBConnection, sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<Table> {
  const result = await conn.run(sql, params);
  const chunks = await result.fetchAllChunks();
  return chunksToArrow(result.deduplicatedColumnNames(), result.columnTypes(), chunks);
}

/** Arrow IPC stream bytes of a table (what travels to the renderer). */
export function toIPC(table: Table): Uint8Array {
  return tableToIPC(table, 'stream');
}

/** Convenience: a query straight to IPC bytes. */
export async function queryIPC(conn: DuckDBConnection, sql: string, params?: DuckDBValue[] | Record<string, DuckDBValue>): Promise<Uint8Array> {
  return toIPC(await queryArrow(conn, sql, params));
}

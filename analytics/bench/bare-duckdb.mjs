// The baseline of `npm run bench:e2e`: what bare DuckDB does with the same folder of exports, as
// one plain `node` process (JavaScript, so no compile step is timed): every file DuckDB reads by
// itself (CSV, JSON, JSON Lines, Parquet) into a table of a new database file with read_* CTAS,
// then four indicators per unit for 2024 from the two case exports — the index system's four
// case indicators, with its definitions (办案超期率 as revised in issue 11): 法制审核率 (legal_review_rate), 办案超期率 (overdue_rate),
// 行刑衔接移送率 (police_transfer), 网上办案率 (online_handling). No name resolution, no checks,
// no rejected rows: units are the raw unit names as written, dates parsed in the formats the files
// use. A CSV that is not UTF-8 (GBK) is decoded in Node into a UTF-8 copy first, as DuckDB cannot
// read GBK without its encodings extension; XLSX files are listed and left out (no excel extension
// offline either).
//
//   node analytics/bench/bare-duckdb.mjs FOLDER DB_FILE   → prints one JSON object
import { createReadStream, createWriteStream, readdirSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { dirname, extname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const [dir, dbPath] = process.argv.slice(2);
if (!dir || !dbPath) {
  process.stderr.write('usage: node analytics/bench/bare-duckdb.mjs FOLDER DB_FILE\n');
  process.exit(2);
}
rmSync(dbPath, { force: true });
const lit = (s) => `'${s.replaceAll("'", "''")}'`;
const t0 = performance.now();
const db = await DuckDBInstance.create(dbPath);
const con = await db.connect();
const scalar = async (sql) => (await con.runAndReadAll(sql)).getRows()[0][0];

/** A GBK (GB18030) file decoded, streaming, into a UTF-8 copy next to the database. */
async function utf8Copy(path, out) {
  const w = createWriteStream(out);
  const dec = new TextDecoder('gb18030');
  for await (const chunk of createReadStream(path)) if (!w.write(dec.decode(chunk, { stream: true }))) await once(w, 'drain');
  w.end(dec.decode());
  await once(w, 'finish');
  return out;
}

const tables = [];
const skipped = [];
let caseEarly = null;
let caseLate = null;
for (const name of readdirSync(dir).sort()) {
  if (/^[._]|^~\$/.test(name)) continue; // hidden, metadata, temporary: Tijian's import passes them over too
  const ext = extname(name).toLowerCase();
  const path = join(dir, name);
  const reader =
    ext === '.csv' ? `read_csv(${lit(path)})` : ext === '.json' || ext === '.jsonl' ? `read_json_auto(${lit(path)})` : ext === '.parquet' ? `read_parquet(${lit(path)})` : null;
  if (!reader) {
    if (ext !== '.md') skipped.push(name);
    continue;
  }
  const table = `t${tables.length + 1}`;
  try {
    await con.run(`CREATE TABLE ${table} AS SELECT * FROM ${reader}`);
  } catch (e) {
    if (ext !== '.csv' || !/not utf-8 encoded/i.test(String(e))) throw e;
    const copy = await utf8Copy(path, join(dirname(dbPath), `${table}.utf8.csv`));
    await con.run(`CREATE TABLE ${table} AS SELECT * FROM read_csv(${lit(copy)})`);
    rmSync(copy);
  }
  tables.push({ file: name, table, rows: Number(await scalar(`SELECT count(*) FROM ${table}`)) });
  if (name.startsWith('行政处罚案件台账_2022')) caseEarly = table;
  if (name.startsWith('行政处罚案件台账_2024')) caseLate = table;
}
const loaded = performance.now();
if (!caseEarly || !caseLate) throw new Error('no case exports (行政处罚案件台账_*.csv) in the folder');

// the two layouts of the case export in one relation: dates in three formats, 是/否 and √/×
const d = (c) => `coalesce(try_strptime(CAST(${c} AS VARCHAR), '%Y-%m-%d'), try_strptime(CAST(${c} AS VARCHAR), '%Y/%m/%d'), try_strptime(CAST(${c} AS VARCHAR), '%Y年%m月%d日'))::DATE`;
const yes = (c) => `coalesce(CAST(${c} AS VARCHAR) IN ('是', '√', 'Y', '1', 'true'), FALSE)`;
const int = (c) => `TRY_CAST(regexp_extract(CAST(${c} AS VARCHAR), '\\d+') AS INTEGER)`;
const cases = `
  SELECT 执法主体 AS unit, ${d('立案日期')} AS filed, ${d('处罚决定日期')} AS decided, ${int('"办案期限（天）"')} AS deadline,
         ${yes('是否批准延期')} AS extension, ${int('延长天数')} AS extension_days, ${d('结案日期')} AS closed,
         ${yes('是否重大案件')} AS major, ${d('法制审核日期')} AS reviewed,
         ${yes('是否涉嫌犯罪')} AS crime, ${d('移送公安日期')} AS police, ${yes('是否网上办案')} AS online
  FROM ${caseEarly}
  UNION ALL
  SELECT 执法机关, ${d('立案时间')}, ${d('决定书日期')}, ${int('办理期限')}, ${yes('延期审批')}, ${int('延期天数')}, ${d('办结日期')},
         ${yes('重大执法决定')}, ${d('法制审核时间')}, ${yes('涉嫌犯罪')}, ${d('移送司法机关日期')}, ${yes('是否网上办理')}
  FROM ${caseLate}`;
const inYear = (c) => `${c} BETWEEN DATE '2024-01-01' AND DATE '2024-12-31'`;
const limit = `(coalesce(deadline, 90) + CASE WHEN extension THEN coalesce(extension_days, 30) ELSE 0 END)`;
const openAtEnd = `(filed <= DATE '2024-12-31' AND (decided IS NULL OR decided > DATE '2024-12-31') AND (closed IS NULL OR closed > DATE '2024-12-31')
  AND (police IS NULL OR police > DATE '2024-12-31'))`;
const reader = await con.runAndReadAll(`
  SELECT CASE WHEN grouping(unit) = 1 THEN 'COUNTY' ELSE unit END AS unit,
         count(*) FILTER (WHERE major AND ${inYear('decided')} AND reviewed <= decided) AS legal_review_rate_num,
         count(*) FILTER (WHERE major AND ${inYear('decided')}) AS legal_review_rate_den,
         -- the index's revised definition: cases decided in the year, and cases still open at its
         -- end (not closed, not transferred) past their limit; an extension adds its days (30)
         count(*) FILTER (WHERE ${inYear('decided')} AND decided - filed > ${limit}
                           OR ${openAtEnd} AND DATE '2024-12-31' - filed > ${limit}) AS overdue_rate_num,
         count(*) FILTER (WHERE ${inYear('decided')} OR ${openAtEnd} AND DATE '2024-12-31' - filed > ${limit}) AS overdue_rate_den,
         count(*) FILTER (WHERE crime AND ${inYear('filed')} AND police IS NOT NULL) AS police_transfer_num,
         count(*) FILTER (WHERE crime AND ${inYear('filed')}) AS police_transfer_den,
         count(*) FILTER (WHERE ${inYear('filed')} AND online) AS online_handling_num,
         count(*) FILTER (WHERE ${inYear('filed')}) AS online_handling_den
  FROM (${cases})
  GROUP BY GROUPING SETS ((unit), ())`);
const rows = reader.getRowObjectsJson();
const done = performance.now();
const county = rows.find((r) => r.unit === 'COUNTY');
const indicators = {};
for (const id of ['legal_review_rate', 'overdue_rate', 'police_transfer', 'online_handling']) {
  indicators[id] = { numerator: Number(county[`${id}_num`]), denominator: Number(county[`${id}_den`]) };
}
con.closeSync();
db.closeSync();
process.stdout.write(
  JSON.stringify({
    load_seconds: (loaded - t0) / 1000,
    compute_seconds: (done - loaded) / 1000,
    tables,
    skipped,
    units: rows.length - 1,
    county: indicators,
  }) + '\n',
);

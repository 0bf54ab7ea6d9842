// The twelfth acceptance set, written blind (without looking at the recogniser, its lexicon or the
// other sets but 3–11, whose structure it copies and whose layouts it avoids): nine exports from
// provincial and national platforms rather than the county's own systems, with the field names and
// value words of public data standards — a 执法主体 open-data CSV keyed by credit code; a 政务服务
// 事项 实施清单 with 代码-名称 values (02-行政处罚, 1-是) and a 基本编码 / 实施编码 pair; 双公示 行政处罚
// as an XML exchange package with CF_ elements and amounts in 万元; 双公示 行政许可 as a credit
// platform's {"total","rows"} JSON with XK_ keys; "互联网+监管" 监管行为 data with a Chinese-name row
// over a 数据项标识 row; 12345 open data with every field quoted; a 复议/诉讼 query result under a
// 查询条件 row; findings as a data-sharing JSON of fieldName/fieldValue pairs; a 双随机 抽查任务 CSV.
//
// Imported and compared by analytics/test/acceptance-cli.ts (how, and what fails a file, is said
// there). KNOWN and KNOWN_REFUSED are empty at hand-over: the test fails wherever the importer is
// wrong. First measurement (blind): see README.md.
import { describeAcceptanceSet } from '../../analytics/test/acceptance-cli.js';

/** Misses left as they are (by file number), each with why. Empty when the set was handed over. */
const KNOWN: Record<string, RegExp[]> = {};

/** Files the importer still refuses, each with why. Empty when the set was handed over. */
const KNOWN_REFUSED: Record<string, string> = {};

describeAcceptanceSet({
  set: 'acceptance12',
  title: 'acceptance set 12: exports from provincial and national platforms (open-data CSV, 政务服务事项 代码-名称, 双公示 CF_ XML and XK_ JSON, 互联网+监管 数据项标识 rows, 12345 open data, 复议/诉讼 query results, fieldName/fieldValue JSON, 双随机 抽查任务), imported with no mapping',
  strictEnv: 'TIJIAN_ACC12_STRICT',
  known: KNOWN,
  knownRefused: KNOWN_REFUSED,
});

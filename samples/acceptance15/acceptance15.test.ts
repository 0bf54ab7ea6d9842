// The fifteenth acceptance set, written blind (without looking at the recogniser, its lexicon or the
// other sets but 3–14, whose structure it copies and whose layouts it avoids): nine exports of report
// and BI tools — a 润乾报表 HTML table under .xls with rowspan groups; a 永洪 BI 明细表 CSV with
// thousands separators, 万元 and a 合计 line; a Tableau 交叉表 download (UTF-16LE, tabs, Null, 总计);
// an Excel pivot table pasted as values (报表筛选, 值, 求和项:…, 汇总, (空白), 总计); a FineReport 分页导出
// (header and page footer on every page, merged unit cells, 合计); a Power BI 导出数据 CSV with its
// 已应用的筛选器 lines; a Quick BI download with its 总计 row on top; a Superset CSV with English
// snake_case captions; a FineBI 明细表 with 数据集.字段 captions.
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
  set: 'acceptance15',
  title: 'acceptance set 15: exports of report and BI tools (润乾, 永洪, Tableau, pivot table, FineReport, Power BI, Quick BI, Superset, FineBI), imported with no mapping',
  strictEnv: 'TIJIAN_ACC15_STRICT',
  known: KNOWN,
  knownRefused: KNOWN_REFUSED,
});

// The fifth acceptance set, written blind (without looking at the recogniser, its lexicon or the other
// sets but 3 and 4, whose structure it copies): eight exports with layouts the earlier sets did not have
// (three-row headers in a CSV saved from merged cells and in an XLSX, some labels only in the lowest
// header row; an XLSX ledger with the header pasted again every 40 rows between page footers; an
// HTML-as-.xls with a rowspan/colspan two-row header; a report template with a 填表说明 sheet in front,
// starred and (必填) headers, a 备注：… header and a 合计 row right under the header; a JeecgBoot list API
// with code/_dictText pairs and ISO +08:00 times; .NET date strings 2024/3/5 0:00:00, 20240305;
// amounts ¥1,200.00 / 1.2万 / 1,200元; counts like 3次; a summary sheet in front of the data sheet).
//
// Imported and compared by analytics/test/acceptance-cli.ts (how, and what fails a file, is said
// there). KNOWN and KNOWN_REFUSED were empty at hand-over (5 of 8 files right, 54/75 columns, 1 wrong:
// 01 and 02 refused, 06 keyed on its snowflake id); after the fixes of 2026-12-07 KNOWN names what is left.
import { describeAcceptanceSet } from '../../analytics/test/acceptance-cli.js';

/** Misses left as they are (by file number), each with why. Empty when the set was handed over. */
const KNOWN: Record<string, RegExp[]> = {
  // 办理时限 (a deadline's own name) is the parent of two dates, 部门办理截止时间 and 办理结束时间: the
  // parent reads as the deadline for both and the second takes it (likely, to confirm); neither leaf
  // is a spelling the lexicon lists, and none was added from this set. 事发区域 (an area, not a
  // township by name) is not read as 所属乡镇.
  '01': [
    /^wrong 「办理信息 办理时限 办理结束时间」 → deadline_date \(likely\)/,
    /^missed 「办理信息 办理时限 部门办理截止时间」/,
    /^missed 「诉求信息 事发区域」/,
    /^value closed_date of /,
    /^value township of /,
  ],
};

/** Files the importer still refuses, each with why. Empty when the set was handed over. */
const KNOWN_REFUSED: Record<string, string> = {};

describeAcceptanceSet({
  set: 'acceptance5',
  title: 'acceptance set 5: three-row headers, print layouts, templates and API dictionaries, imported with no mapping',
  strictEnv: 'TIJIAN_ACC5_STRICT',
  known: KNOWN,
  knownRefused: KNOWN_REFUSED,
});

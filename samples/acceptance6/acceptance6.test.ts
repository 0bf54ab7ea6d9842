// The sixth acceptance set, written blind (without looking at the recogniser, its lexicon or the other
// sets but 3, 4 and 5, whose structure it copies): nine exports with layouts the earlier sets did not have
// (an ODF spreadsheet; a DataX pipe dump with upper-case pinyin column names and \N; a CSV with ="…" text
// guards, amounts in 万元, dates mixed within a column and officers with certificate numbers in brackets;
// an Excel Table with a totals row and hidden rows; two tables stacked on one sheet with their own,
// differently ordered headers; a Word .docx ledger with a vertically merged unit cell; ☑/☐ checkboxes and
// codes as number cells; formulas with cached results and rich-text headers; a sheet per unit).
//
// Imported and compared by analytics/test/acceptance-cli.ts (how, and what fails a file, is said
// there). KNOWN and KNOWN_REFUSED were empty at hand-over (4 of 9 files right, 69/106 columns, none
// wrong; 01 .ods and 06 .docx refused as file types, 04 refused for 检查完成日期); after the fixes of
// 2026-12-07 (the ODF and Word readers, stacked tables, \N, ☑/☐ and ☑是 ☐否, notes and 本表共…件 /
// 平均分 lines as no records, a required date's only candidate, 总分, 卫生许可证号) 9 of 9 files right,
// 106/106 columns, none wrong; KNOWN names the one value left.
import { describeAcceptanceSet } from '../../analytics/test/acceptance-cli.js';

/** Misses left as they are (by file number), each with why. Empty when the set was handed over. */
const KNOWN: Record<string, RegExp[]> = {
  // The second table's 单位名称 (the permit holder: the issuing office is 发证机关) is left unmapped,
  // its text kept in extras: as a spelling of the holder's name it turned a roster's 执法主体名称
  // (80–96 % alike) into a permit list in the corpus, so it is not one.
  // (in the control run too: the key's mapping names the first table's headers only)
  '05': [/^(control run \(key's mapping\): )?value subject_name of \{"permit_id":"嵊卫公字〔2024〕第003号"\}: null instead of "嵊泗县菜园镇海港宾馆"/],
};

/** Files the importer still refuses, each with why. Empty when the set was handed over. */
const KNOWN_REFUSED: Record<string, string> = {};

describeAcceptanceSet({
  set: 'acceptance6',
  title: 'acceptance set 6: ODS, pipe dumps, text guards, Excel Tables, stacked tables, Word ledgers and formulas, imported with no mapping',
  strictEnv: 'TIJIAN_ACC6_STRICT',
  known: KNOWN,
  knownRefused: KNOWN_REFUSED,
});

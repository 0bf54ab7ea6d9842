// README.md texts of the committed sample sets (Chinese and English), built from what was written.
import { UNIT, UNITS, YEARS, buildMatters, buildRosters } from './reference.js';
import { INSPECTIONS_PER_YEAR, JOINT_SHARE } from './facts.js';
import { FILES } from './index.js';
import { TRANSFER_WAVES } from './vocab.js';
import { day, yearEnd } from './dates.js';

interface ShengsiInfo {
  seed: number;
  counts: Record<string, number>;
  sizes: Record<string, number>;
  planted: { rules: Record<string, { hits: Array<{ year: number }>; near_misses: unknown[] }> };
  fileRows?: Record<string, number>;
}

const kb = (n: number) => (n >= 1e6 ? `${(n / 1e6).toFixed(2)} MB` : `${(n / 1024).toFixed(1)} KB`);

interface FileDoc {
  file: string;
  table: string;
  format: string;
  notes: string;
}

const DOCS: FileDoc[] = [
  { file: FILES.unit, table: 'unit', format: 'XLSX；第 1 行为合并标题“嵊泗县行政执法单位名录（2024年）”，第 2 行表头 / title row 1, header row 2', notes: '成立/撤销日期为 Excel 日期单元格（yyyy"年"m"月"d"日"）；别名以“、”分隔；驻点单位写简称 / dates as Excel date cells; aliases separated by 、; hub unit by short name' },
  { file: FILES.matter, table: 'matter', format: 'XLSX', notes: '权力类型写作“行政处罚/行政强制/行政检查”；实施主体写简称；罚款上下限为数值单元格；生效日期 2022-01-01，调整日期 2023.06.15 / power type as 行政处罚 etc.; owner by short name; fines as numbers; dates as text in two forms' },
  { file: FILES.officer(2022), table: 'officer', format: 'XLSX；第 1 行标题 / title row 1', notes: '所属单位写全称；岗位层级 县级/乡镇；执法证有效期为日期单元格（yyyy-mm-dd）/ unit by full name; dates as date cells' },
  { file: FILES.officer(2023), table: 'officer', format: 'XLSX；第 1 行标题 / title row 1', notes: '另一套表头：执法人员编号、工作单位（简称）、是否下沉乡镇（是/否）、岗位（一线执法/法制审核岗/领导/内勤）、编制性质（行政编制/参照公务员法管理/事业编制/编外人员）、发证日期/证件有效期至（文本“2018年1月1日”）、培训学时（“48学时”）/ other header aliases and value synonyms' },
  { file: FILES.officer(2024), table: 'officer', format: 'XLSX；第 1 行标题 / title row 1', notes: '工作层级写“机关/乡镇一线”；有效期为日期单元格（yyyy/m/d）/ posting as 机关/乡镇一线' },
  { file: FILES.caseEarly, table: 'penalty_case', format: 'CSV，UTF-8（无 BOM），LF', notes: '执法主体混用全称、简称、中队别名；事项编码；立案/结案日期 2022-03-05，决定/法制审核日期 2022/3/5；金额 1500.00；是/否；批准延期的写延长天数（30 或 60）；承办人为人员编号“ZF0002、ZF0003” / units by full, short or alias name; extension days; officer ids' },
  { file: FILES.caseLate, table: 'penalty_case', format: 'CSV，UTF-8（无 BOM），LF', notes: '另一套表头（案号、执法机关、违法行为……）；违法行为写事项名称；日期 2024年3月5日；办理期限“90天”、延期天数“30天”；金额带千分位“1,500.00”（加引号）；√/×；程序类型“一般程序/简易程序”；当事人性质“自然人/法人或其他组织”；办案人员写姓名“张三，李四” / other headers, matter by name, Chinese dates, grouped money, √/×, officers by name' },
  { file: FILES.inspection(2022), table: 'inspection', format: 'CSV，UTF-8 带 BOM，LF', notes: '综合查一次为一行，参与单位（含牵头单位）以“、”分隔；日期 2022-03-05；是/否；检查人员为人员编号 / a joint visit is one row; participating units include the lead' },
  { file: FILES.inspection(2023), table: 'inspection', format: 'CSV，UTF-8 带 BOM，LF', notes: '另一套表头；日期 2023/3/5；Y/N；检查方式“双随机抽查/日常检查/专项检查/联合检查/投诉举报核查”；处理结果“未发现问题/限期整改/立案查处/移送处理” / other headers and synonyms' },
  { file: FILES.inspection(2024), table: 'inspection', format: 'CSV，UTF-8 带 BOM，LF', notes: '检查时间带时刻“2024-03-05 09:30”；牵头单位写全称；检查人员写姓名 / date with time, officers by name' },
  { file: FILES.complaint, table: 'complaint', format: 'CSV，GBK（中文 Excel“另存为 CSV”），CRLF', notes: '受理时间“2024-03-05 10:23:11”，办结时间“2024/3/18 16:02”，办结时限为日期；来源渠道“12345政务服务热线/全省统一投诉举报平台/110社会联动/基层治理四平台/执法监督热线” / GBK encoded; date-times' },
  { file: FILES.plan, table: 'inspection_plan', format: 'Parquet（zstd），计划完成日期为 DATE 类型 / due date typed DATE', notes: '责任单位写全称；任务类型 双随机抽查/专项检查/综合查一次 / unit by full name' },
  { file: FILES.review, table: 'review_litigation', format: 'XLSX', notes: '收案/结案日期为日期单元格；类别“行政复议/行政诉讼”；诉讼的驳回写作“驳回诉讼请求”；未审结的结果与结案日期为空 / dates as date cells; pending cases have no outcome' },
  { file: FILES.finding, table: 'supervision_finding', format: 'JSON 数组，UTF-8 / a JSON array', notes: '评查得分为数字；空值为 null；被监督单位写简称 / score as a number, missing values null' },
  { file: FILES.permit, table: 'permit', format: 'JSON Lines，UTF-8', notes: '审批事项写事项名称（如“食品经营许可”），不在执法事项目录中 / approval matters by name (not in the enforcement catalogue)' },
  { file: FILES.checklist, table: 'institution_checklist', format: 'CSV，UTF-8（无 BOM），LF', notes: '县级事项的单位写“全县”；落实日期 2022年6月1日 / county-level items under 全县' },
];

const RULE_ZH: Record<string, string> = {
  overdue_case: '办案超期',
  major_without_review: '重大案件未经法制审核',
  uncertified_officer: '无证执法',
  single_officer: '单人执法',
  fine_out_of_range: '罚款超出裁量基准',
  inconsistent_fine: '同案不同罚',
  crime_not_transferred: '涉嫌犯罪未移送',
  repeat_inspection: '多头重复检查',
  officer_party_lenient: '同一承办人与同一当事人反复从宽',
  long_open_case: '长期未结案',
  complaint_overdue: '投诉超期办结',
  finding_overdue: '监督问题超期整改',
  penalty_not_executed: '处罚未执行到位',
};

function designFigures(seed: number): string[] {
  const matters = buildMatters(seed);
  const rosters = buildRosters(seed);
  const lines: string[] = [];
  for (const y of YEARS) {
    const end = yearEnd(y);
    const live = matters.filter((m) => m.effective <= end);
    const comp = live.filter((m) => m.ownerType === '综合').length;
    const pen = live.filter((m) => m.power === '处罚');
    const compPen = pen.filter((m) => m.ownerType === '综合').length;
    const domains = new Set(TRANSFER_WAVES.filter((w) => day(Number(w.effective.slice(0, 4)), Number(w.effective.slice(5, 7)), Number(w.effective.slice(8, 10))) <= end).map((w) => w.domain)).size;
    const roster = rosters.byYear.get(y)!;
    const town = roster.filter((r) => r.posting === '乡镇').length;
    const teams = UNITS.filter((u) => u.type === '专业' && (u.abolished === null || u.abolished > end)).length;
    lines.push(
      `| ${y} | ${live.length} | ${comp} (${((100 * comp) / live.length).toFixed(1)}%) | ${((100 * compPen) / pen.length).toFixed(1)}% | ${domains}/16 | ${teams} | ${roster.length} | ${town} (${((100 * town) / roster.length).toFixed(1)}%) | ${Math.round(JOINT_SHARE[y]! * 100)}% of ${INSPECTIONS_PER_YEAR[y]} |`,
    );
  }
  return lines;
}

export function shengsiReadme(info: ShengsiInfo): string {
  const total = Object.values(info.sizes).reduce((a, b) => a + b, 0);
  const rows = info.fileRows ?? {};
  const fileLines = DOCS.map((d) => `| ${d.file} | \`${d.table}\` | ${rows[d.file] ?? ''} | ${kb(info.sizes[d.file] ?? 0)} | ${d.format} | ${d.notes} |`);
  const tableLines = Object.entries(info.counts).map(([t, n]) => `| \`${t}\` | ${n} |`);
  const ruleLines = Object.entries(info.planted.rules).map(([id, r]) => {
    const by = (y: number) => r.hits.filter((h) => h.year === y).length;
    return `| \`${id}\` | ${RULE_ZH[id] ?? ''} | ${r.hits.length} | ${by(2023)} | ${by(2024)} | ${r.near_misses.length} |`;
  });
  const unitLines = UNITS.map(
    (u) => `| ${u.id} | ${u.name} | ${u.short} | ${u.type} | ${u.mode}${u.hub ? `（驻点 ${UNIT[u.hub]!.short}）` : ''} | ${u.abolished ? `撤销 ${new Date(u.abolished * 86400000).toISOString().slice(0, 10)}` : ''} |`,
  );
  return `# 嵊泗县行政执法体检样例数据（2022—2024） / Shengsi County sample exports, 2022–2024

由 \`samples/generator\` 按固定种子生成的模拟数据（非真实数据；人名、身份证号、电话、统一社会信用代码均为虚构，校验位有效）。
重新生成：\`npx tsx samples/generate.ts\`（种子 ${info.seed}，规模 1）。同一种子与规模得到逐字节相同的文件。

Synthetic data made by \`samples/generator\` with a fixed seed (not real records: names, ID numbers, phone numbers and credit codes
are made up, with valid check characters). Regenerate with \`npx tsx samples/generate.ts\` (seed ${info.seed}, scale 1); the same seed and
scale give byte-identical files. Larger sets: \`npx tsx samples/generate.ts --scale 100 --out /tmp/shengsi100\`.

总大小 / total size: ${kb(total)}。

## 文件 / Files

| 文件 file | 数据表 table | 行数 rows | 大小 size | 格式与编码 format, encoding | 说明 notes |
|---|---|---|---|---|---|
${fileLines.join('\n')}
| _planted.json | — | — | ${kb(info.sizes['_planted.json'] ?? 0)} | JSON | 埋设的问题线索及“险些命中”记录清单（见下）；文件名以 _ 开头，导入整个文件夹时作为说明文件跳过 / planted red flags and near-misses; the leading _ makes a folder import pass it over |

每个文件的表头都取自 \`analytics/schema/tables.ts\` 的别名；不同文件有意使用不同别名与取值写法（同一列内写法一致）。
Every header is one of the aliases in \`analytics/schema/tables.ts\`; files deliberately use different aliases and value forms (each column is consistent).

## 各表行数 / Rows per table

| 表 table | 行数 rows |
|---|---|
${tableLines.join('\n')}

## 单位 / Units

| 编码 id | 名称 name | 简称 short | 类型 type | 模式 mode | |
|---|---|---|---|---|---|
${unitLines.join('\n')}

“1+8+1”：2022 年另有专业队伍“嵊泗县水利局执法队”（ZY09，2023-03-31 撤销，人员并入综合执法局，水利处罚事项自 2023-04-01 划转）。
嵊山镇为马鞍列岛“1+X”片区兼管驻点（其执法模式按派驻记），枸杞乡、花鸟乡为片区兼管；洋山镇为赋权；菜园镇、五龙乡、黄龙乡为派驻。
In 2022 a ninth professional team (ZY09, water) exists; it is abolished on 2023-03-31. 嵊山镇 is the hub of the 1+X area (its own mode is recorded as 派驻).

## 设计指标 / Designed figures

| 年度 year | 有效事项 matters in force | 综合执法事项 comprehensive | 其中处罚类占比 among penalty matters | 划转领域 domains | 专业队伍 professional teams | 执法人员 officers | 下沉乡镇 in townships | 综合查一次 joint share |
|---|---|---|---|---|---|---|---|---|
${designFigures(info.seed).join('\n')}

质量画像 / quality profiles：较强 strong — 市场监管局 ZY01、洋山镇 XZ03、综合执法局 ZH01；较弱 weak — 应急管理局 ZY07、黄龙乡 XZ05、文广旅体局 ZY03；其余居中，2022→2024 逐年改进（掌上执法率、计划完成率、满意度、案卷评查得分、复议纠错与败诉、培训学时、负责人出庭等随之变化）。
Strong units: ZY01, XZ03, ZH01; weak: ZY07, XZ05, ZY03; all improve year by year.

## 问题线索 / Planted red flags (_planted.json)

_planted.json 列出每条规则的全部命中记录（\`hits\`）和不应命中的近似记录（\`near_misses\`），含年度、表、主键与说明。背景数据对这些规则是干净的：
用测试中的独立规则实现扫描全部文件，命中集合与 _planted.json 完全一致。
Each rule lists every record that hits it and near-misses that must not; the background data is clean, so a full scan finds exactly the hits listed.

| 规则 rule | 含义 | 命中 hits | 2023 | 2024 | 近似 near-misses |
|---|---|---|---|---|---|
${ruleLines.join('\n')}

规则口径 / definitions (period = calendar year, period end = 31 Dec): see \`samples/generator/testkit/rules.ts\`. 同案不同罚按（事项编码，立案年度）分组（所有罚款案件的决定与立案同年，按决定年度分组结果相同），
组内罚款案件 ≥ 8 件时，偏离中位数超过 3×MAD 为命中。长期未结案、投诉与问题超期按各年度末判断。
Fines are grouped by (matter, filing year) — decisions fall in the filing year, so grouping by decision year gives the same result.

## 导入提示 / Notes for the importer

- 单位以全称、简称、别名（如“菜园中队”）或编码出现；人员以编号或姓名出现（姓名在全部名册中唯一）；事项以编码或名称出现（名称唯一）。
  Units appear by full name, short name, alias or id; officers by id or by name (names are unique); matters by code or by name (unique).
- 日期写法：2024-03-05、2024/3/5、2024年3月5日、2024.03.05、带时刻的 2024-03-05 09:30(:11)、2024/3/18 16:02，以及 XLSX 日期单元格。
- 金额：1500.00 或带千分位 "1,500.00"；布尔：是/否、√/×、Y/N；办案期限“90天”；培训学时“48学时”。
- 综合查一次为一行多单位（参与单位含牵头单位）。涉企检查对象代码为 18 位统一社会信用代码；渔船等个人对象为身份证号。
- 规模 N（\`--scale N\`）时事实表为 N 倍：副本 0 含全部问题线索；副本 1—3 独立生成；其后的副本复用副本 1—3 的事件（日期、单位、人员、事项），
  但检查对象、当事人、编号和罚款各自不同，故对各规则同样干净。参考表（单位、事项、人员、制度清单）不随规模变化。
  At scale N the fact tables hold N replicas: replica 0 carries the planted records; replicas 1–3 are generated independently; later replicas
  re-use their events with their own subjects, parties, ids and fines (equally clean). Reference tables do not grow.
`;
}

interface DirtyExpected {
  totals: { rows_read: number; rows_loaded: number; rows_rejected: number };
  files: Array<{ order: number; file: string; table: string; format: string; encoding: string; rows_read: number; rows_loaded: number; rows_rejected: number; rejected: Array<{ line: number; codes: string[]; note: string }>; emptied?: Array<{ line: number; codes: string[]; note: string }> }>;
  codes: Record<string, string>;
}

export function dirtyReadme(ex: DirtyExpected, sizes: Record<string, number>): string {
  const files = ex.files.map((f) => `| ${f.order} | ${f.file} | \`${f.table}\` | ${f.encoding} | ${f.rows_read} | ${f.rows_loaded} | ${f.rows_rejected} | ${kb(sizes[f.file] ?? 0)} |`);
  const details = ex.files.map(
    (f) =>
      `### ${f.order}. ${f.file}\n\n| 行 line | 原因代码 codes | 说明 note |\n|---|---|---|\n` +
      f.rejected.map((r) => `| ${r.line} | ${r.codes.map((c) => `\`${c}\``).join(', ')} | ${r.note} |`).join('\n'),
  );
  const emptied = ex.files
    .filter((f) => f.emptied?.length)
    .map(
      (f) =>
        `### ${f.order}. ${f.file}\n\n| 行 line | 留空的字段 codes | 说明 note |\n|---|---|---|\n` +
        f.emptied!.map((r) => `| ${r.line} | ${r.codes.map((c) => `\`${c}\``).join(', ')} | ${r.note} |`).join('\n'),
    );
  const codes = Object.entries(ex.codes).map(([c, d]) => `| \`${c}\` | ${d} |`);
  return `# 问题数据样例 / Dirty sample

导入校验用的小文件：每个坏行都是有意埋设的，原因代码与数量精确记录在 \`_expected.json\`。重新生成：\`npx tsx samples/generate.ts\`。
Small files whose bad rows are planted on purpose; \`_expected.json\` gives the exact counts and reason codes. Regenerate with \`npx tsx samples/generate.ts\`.

在空工作区中按顺序导入（第 2 个文件依赖第 1 个文件已导入的主键）。CSV 行号为物理行号（表头为第 1 行，文件中无空行、无引号内换行）；XLSX 行号为工作表行号（第 1 行标题，第 2 行表头）。
Import into an empty workspace in this order (file 2 depends on keys loaded from file 1). CSV lines are physical lines (header = line 1; no blank lines,
no line breaks inside quotes); XLSX lines are sheet rows (title row 1, header row 2).

合计 / totals：读取 read ${ex.totals.rows_read}，导入 loaded ${ex.totals.rows_loaded}，拒绝 rejected ${ex.totals.rows_rejected}。

| 顺序 order | 文件 file | 数据表 table | 编码 encoding | 读取 read | 导入 loaded | 拒绝 rejected | 大小 size |
|---|---|---|---|---|---|---|---|
${files.join('\n')}

## 被拒绝的行 / Rejected rows

${details.join('\n\n')}

## 照常导入、个别字段留空的行 / Rows loaded with a field left empty

非必填、非主键字段的值无法识别（日期、金额、数字或是/否）时不拒绝该行：该字段留空，原文保留在附加信息中，并在导入结果与数据概览中列出。
An unreadable value of a field that is neither required nor part of the key does not reject its row: the field loads empty, the text
is kept in extras and listed in the import result and the overview.

${emptied.join('\n\n')}

## 原因代码 / Reason codes

字段名为 \`analytics/schema/tables.ts\` 中的规范字段名（如 \`case_id.required\`、\`filed_date.invalid\`、\`fine_amount.min\`）。一行可有多个代码。
Field names are the canonical ones from tables.ts. A row can have several codes.

| 代码 code | 含义 meaning |
|---|---|
${codes.join('\n')}

说明 / notes:
- 01 文件第 14 行整行以 GBK 字节写入 UTF-8 文件（文件其余部分与表头为 UTF-8），应按 UTF-8 解码后该行出现替换字符而被拒绝；该行的枚举与布尔列只用 ASCII（Y/N 或空），故仅有 \`row.encoding\`。
  Line 14 of file 01 is GBK bytes inside a UTF-8 file; its enum and boolean cells are ASCII or empty, so \`row.encoding\` is its only code.
- 05 文件为 GBK 编码，第 4 行“所属乡镇”中夹有两个 0xFF 字节（GBK 无法解码）。File 05 is GBK; line 4 holds two 0xFF bytes.
- 少列的行（01 文件第 12 行，缺最后一列“承办人”）按 \`row.ragged\` 拒绝。A row with one cell fewer than the header is \`row.ragged\`.
- 02 文件第 6 行的案件编号在 01 文件中只出现在被拒绝的行中，因此可以导入。Line 6 of file 02 loads: its key appeared in file 01 only in a rejected row.
- 年份写成 0024 的日期是合法日期但超出 1949—2100，故为 \`date.range\` 而非 \`invalid\`。
`;
}

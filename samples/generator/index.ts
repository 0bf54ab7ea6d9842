// Deterministic, seeded generator of Shengsi County (嵊泗县) enforcement-system exports, 2022–2024.
//
//   generateSample({ outDir, scale, seed }) writes one county's exports: reference tables (units,
//   matter catalogue, officer rosters, institution checklist) once, and `scale` replicas of the
//   fact tables (cases, inspections, plans, complaints, permits, findings, reviews). Replica 0
//   carries the planted red flags listed in _planted.json; other replicas are clean background
//   with their own subjects and parties. Rows are streamed to disk replica-year by replica-year.
//
//   Same seed and scale → byte-identical files (XLSX re-zipped with fixed timestamps, Parquet
//   written single-threaded).
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fmt, fmtTime } from './dates.js';
import {
  type ChecklistRow,
  type Matter,
  type RosterRow,
  UNIT,
  UNITS,
  YEARS,
  applyLapses,
  buildChecklist,
  buildMatters,
  buildRosters,
} from './reference.js';
import { Rng } from './rng.js';
import {
  type CaseRec,
  type ComplaintRec,
  type FindingRec,
  type InspRec,
  type PermitRec,
  type PlanRec,
  Replica,
  type ReviewRec,
  type Shared,
  type YearData,
  buildShared,
  cloneState,
  cloneYear,
} from './facts.js';
import { type SubjectPool, derivePool } from './subjects.js';

/** Replicas generated from scratch after replica 0; later replicas re-use their events. */
const TEMPLATES = 3;
import { NO_PLANTS, PLANT_COUNTS, Planter, preparePlants } from './plants.js';
import { CsvWriter, JsonArrayWriter, JsonlWriter, ParquetWriter, type PartSink, XlsxWriter, type XlsxCell, csvCell } from './writers.js';

export { writeDirtySample } from './dirty.js';

export const DEFAULT_SEED = 20241231;

export interface GenerateOptions {
  outDir: string;
  scale?: number;
  seed?: number;
  onProgress?: (done: number, total: number, label: string) => void;
}

export interface GenerateResult {
  files: string[];
  /** rows per canonical table */
  counts: Record<string, number>;
  /** data rows per file (file name → rows; title and header rows not counted) */
  fileRows: Record<string, number>;
}

/** File names of the sample, by table. */
export const FILES = {
  unit: '执法单位名录.xlsx',
  matter: '执法事项目录清单（2024年版）.xlsx',
  officer: (y: number) => `执法人员花名册_${y}年.xlsx`,
  caseEarly: '行政处罚案件台账_2022-2023.csv',
  caseLate: '行政处罚案件台账_2024.csv',
  inspection: (y: number) => `行政检查记录_${y}年.csv`,
  complaint: '投诉举报工单_2022-2024.csv',
  plan: '检查计划任务_2022-2024.parquet',
  review: '行政复议诉讼案件_2022-2024.xlsx',
  finding: '执法监督发现问题_2022-2024.json',
  permit: '行政许可信息_2022-2024.jsonl',
  checklist: '制度机制落实情况_2022-2024.csv',
  /** the manifest of planted red flags: a leading _ marks it as metadata, so importing the whole
   *  folder (analytics/import/import-paths.ts) passes it over */
  planted: '_planted.json',
} as const;

const yn = (b: boolean | null | undefined, t = '是', f = '否') => (b === null || b === undefined ? '' : b ? t : f);
const money = (v: number | null) => (v === null ? '' : v.toFixed(2));
/** 1234.5 → "1,234.50" (thousands separators, as some systems export money). */
function moneyGrouped(v: number | null): string {
  if (v === null) return '';
  const [int, dec] = v.toFixed(2).split('.') as [string, string];
  return `${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${dec}`;
}

function unitName(rng: Rng, id: string): string {
  const un = UNIT[id]!;
  const x = rng.float();
  if (un.type === '乡镇' && un.aliases.length && x < 0.15) return un.aliases[un.aliases.length - 1]!;
  return x < 0.75 ? un.name : un.short;
}

// ---------------------------------------------------------------------------------------------
// reference files

async function writeUnits(dir: string): Promise<string> {
  const path = join(dir, FILES.unit);
  const w = new XlsxWriter(path, {
    sheetName: '单位名录',
    title: '嵊泗县行政执法单位名录（2024年）',
    headers: ['单位编码', '单位名称', '简称', '别名', '队伍类型', '执法领域', '层级', '所在乡镇', '执法模式', '驻点单位', '成立日期', '撤销日期'],
    widths: [10, 30, 14, 30, 10, 14, 8, 10, 10, 10, 16, 16],
    dateFormat: 'yyyy"年"m"月"d"日"',
  });
  for (const un of UNITS) {
    w.row([
      un.id,
      un.name,
      un.short,
      un.aliases.join('、'),
      un.type,
      un.domain,
      un.level,
      un.township ?? '',
      un.mode,
      un.hub ? UNIT[un.hub]!.short : '',
      { day: un.established },
      un.abolished === null ? null : { day: un.abolished },
    ]);
  }
  await w.close();
  return path;
}

async function writeMatters(dir: string, matters: Matter[]): Promise<string> {
  const path = join(dir, FILES.matter);
  const w = new XlsxWriter(path, {
    sheetName: '事项目录',
    headers: ['事项编码', '事项名称', '所属领域', '权力类型', '实施队伍类型', '实施主体', '是否划转', '原所属领域', '是否高频', '罚款下限（元）', '罚款上限（元）', '目录版本', '生效日期', '调整日期', '是否公布'],
    widths: [16, 60, 12, 10, 12, 14, 8, 12, 8, 14, 14, 10, 12, 12, 8],
  });
  for (const m of matters) {
    w.row([
      m.code,
      m.name,
      m.domain,
      `行政${m.power}`,
      m.ownerType,
      UNIT[m.ownerUnit]!.short,
      yn(m.transferred),
      m.fromDomain ?? '',
      yn(m.high),
      m.fineMin,
      m.fineMax,
      m.version,
      fmt(m.effective, 'iso'),
      m.revised === null ? '' : fmt(m.revised, 'dot'),
      yn(m.published),
    ]);
  }
  await w.close();
  return path;
}

const ROLE_2023: Record<string, string> = { 执法: '一线执法', 法制审核: '法制审核岗', 管理: '领导', 其他: '内勤' };
const STAFF_2023: Record<string, string> = { 行政编: '行政编制', 参公: '参照公务员法管理', 事业编: '事业编制', 编外: '编外人员' };

async function writeRoster(dir: string, year: number, rows: RosterRow[]): Promise<string> {
  const path = join(dir, FILES.officer(year));
  const headers =
    year === 2022
      ? ['人员编号', '年度', '姓名', '身份证号', '联系电话', '所属单位', '岗位层级', '派驻乡镇', '岗位类别', '是否专职法制审核', '编制类型', '执法证号', '执法证有效期起', '执法证有效期至', '法律职业资格', '年度培训学时']
      : year === 2023
        ? ['执法人员编号', '统计年度', '执法人员姓名', '身份证号码', '手机号码', '工作单位', '是否下沉乡镇', '下沉乡镇名称', '岗位', '专职法制审核人员', '编制性质', '执法证件编号', '发证日期', '证件有效期至', '是否具有法律职业资格', '培训学时']
        : ['人员编号', '年度', '姓名', '公民身份号码', '联系电话', '单位名称', '工作层级', '所在乡镇', '岗位类型', '专职法制审核', '编制类型', '执法证号', '有效期起', '有效期至', '法律职业资格', '培训时长（学时）'];
  const w = new XlsxWriter(path, {
    sheetName: `${year}年`,
    title: `${year}年度嵊泗县行政执法人员花名册`,
    headers,
    widths: [10, 8, 10, 22, 14, 28, 10, 10, 10, 10, 10, 14, 14, 14, 10, 10],
    dateFormat: year === 2022 ? 'yyyy-mm-dd' : 'yyyy/m/d',
  });
  for (const r of rows) {
    const p = r.person;
    const c = r.cert;
    const un = UNIT[r.unit]!;
    let cells: XlsxCell[];
    if (year === 2023) {
      cells = [
        p.id,
        year,
        p.name,
        p.idNumber,
        p.phone,
        un.short,
        r.posting === '乡镇' ? '是' : '否',
        r.township ?? '',
        ROLE_2023[r.role]!,
        yn(r.fulltimeReviewer),
        STAFF_2023[p.staffing]!,
        c?.no ?? '',
        c ? fmt(c.from, 'cn') : '',
        c ? fmt(c.to, 'cn') : '',
        yn(p.legal),
        `${r.training}学时`,
      ];
    } else {
      cells = [
        p.id,
        year,
        p.name,
        p.idNumber,
        p.phone,
        un.name,
        year === 2022 ? r.posting : r.posting === '乡镇' ? '乡镇一线' : '机关',
        r.township ?? '',
        r.role,
        yn(r.fulltimeReviewer),
        p.staffing,
        c?.no ?? '',
        c ? { day: c.from } : null,
        c ? { day: c.to } : null,
        yn(p.legal),
        r.training,
      ];
    }
    w.row(cells);
  }
  await w.close();
  return path;
}

function writeChecklist(dir: string, rows: ChecklistRow[]): string {
  const path = join(dir, FILES.checklist);
  const w = new CsvWriter(path, ['单位', '年度', '制度编码', '制度名称', '是否落实', '落实日期', '佐证材料']);
  for (const r of rows) {
    w.row([r.unit === '全县' ? '全县' : UNIT[r.unit]!.name, String(r.year), r.code, r.name, yn(r.done), fmt(r.doneDate, 'cn'), r.evidence]);
  }
  w.close();
  return path;
}

// ---------------------------------------------------------------------------------------------
// fact files

const CASE_HEADERS_EARLY = [
  '案件编号', '执法主体', '所属乡镇', '事项编码', '案件来源', '关联检查编号', '适用程序', '立案日期', '处罚决定日期', '结案日期', '办案期限（天）', '是否批准延期', '延长天数', '是否重大案件', '法制审核日期',
  '是否集体讨论', '是否听证', '当事人类型', '当事人', '当事人证件号码', '处罚种类', '罚款金额（元）', '没收违法所得（元）', '不予处罚情形', '是否涉嫌犯罪', '移送公安日期', '执行完毕日期', '是否网上办案', '承办人',
];
const CASE_HEADERS_LATE = [
  '案号', '执法机关', '案发乡镇', '违法行为', '线索来源', '检查记录编号', '程序类型', '立案时间', '决定书日期', '办结日期', '办理期限', '延期审批', '延期天数', '重大执法决定', '法制审核时间',
  '集体讨论', '听证', '当事人性质', '当事人名称', '证件号码', '处罚内容', '罚款数额', '没收违法所得', '免罚情形', '涉嫌犯罪', '移送司法机关日期', '缴款日期', '是否网上办理', '办案人员',
];
const SOURCE_LATE: Record<string, string> = { 检查: '执法检查', 投诉举报: '投诉举报', 移送: '部门移送', '12345': '12345热线', 其他: '其他' };

/** A free-text CSV field (names, descriptions): quoted only when it needs it. */
function q(v: string): string {
  return v.indexOf(',') < 0 && v.indexOf('"') < 0 && v.indexOf('\n') < 0 && v.indexOf('\r') < 0 ? v : csvCell(v);
}

const js = (v: string | number | null) => JSON.stringify(v);

// Row writers: every field but the free-text ones (q) is an id, code, date, number, enum or flag
// the generator wrote itself, which never needs CSV quoting. The parts a re-used copy of the
// record keeps (see cloneYear) are encoded once and cached on the record; a copy only writes
// its own ids, subjects, parties and fines between them.
function writeCaseEarly(w: PartSink, c: CaseRec, rng: Rng): void {
  let k = c.fmt;
  if (!k) {
    c.fmt = k = [
      w.enc(',' + q(unitName(rng, c.unit)) + ',' + (c.township ?? '') + ',' + c.matter.code + ',' + c.source + ','),
      w.enc(
        ',' + c.procedure + ',' + fmt(c.filed, 'iso') + ',' + fmt(c.decision, 'slash') + ',' + fmt(c.closed, 'iso') + ',' + (c.deadline === null ? '' : c.deadline) + ',' +
          yn(c.extension) + ',' + (c.extensionDays ?? '') + ',' + yn(c.major) + ',' + fmt(c.review, 'slash') + ',' + yn(c.collective) + ',' + yn(c.hearing) + ',' + c.partyType + ',' + q(c.partyName) + ',',
      ),
      w.enc(',' + c.penalty.join('、') + ','),
      w.enc(
        ',' + money(c.confiscation) + ',' + (c.noPenalty ?? '') + ',' + yn(c.crime) + ',' + fmt(c.police, 'iso') + ',' + fmt(c.executed, 'iso') + ',' + yn(c.online) + ',' +
          c.officers.join('、'),
      ),
    ];
  }
  w.write(c.id);
  w.bytes(k[0]!);
  w.write(c.inspection?.id ?? '');
  w.bytes(k[1]!);
  w.write(c.partyId);
  w.bytes(k[2]!);
  w.write(money(c.fine));
  w.bytes(k[3]!);
}

function writeCaseLate(w: PartSink, c: CaseRec, rng: Rng, sh: Shared): void {
  let k = c.fmt;
  if (!k) {
    const unit = rng.chance(0.5) ? UNIT[c.unit]!.short : unitName(rng, c.unit);
    let officers = '';
    for (let n = 0; n < c.officers.length; n++) officers += (n ? '，' : '') + sh.names.get(c.officers[n]!)!;
    c.fmt = k = [
      w.enc(',' + q(unit) + ',' + (c.township ?? '') + ',' + q(c.matter.name) + ',' + SOURCE_LATE[c.source]! + ','),
      w.enc(
        ',' + (c.procedure === '简易' ? '简易程序' : '一般程序') + ',' + fmt(c.filed, 'cn') + ',' + fmt(c.decision, 'cn') + ',' + fmt(c.closed, 'cn') + ',' +
          (c.deadline === null ? '' : `${c.deadline}天`) + ',' + yn(c.extension, '√', '×') + ',' + (c.extensionDays === null ? '' : `${c.extensionDays}天`) + ',' + yn(c.major, '√', '×') + ',' + fmt(c.review, 'cn') + ',' +
          yn(c.collective, '√', '×') + ',' + yn(c.hearing, '√', '×') + ',' + (c.partyType === '个人' ? '自然人' : '法人或其他组织') + ',' + q(c.partyName) + ',',
      ),
      w.enc(',' + c.penalty.join('、') + ','),
      w.enc(
        ',' + csvCell(moneyGrouped(c.confiscation)) + ',' + (c.noPenalty ?? '') + ',' + yn(c.crime, '√', '×') + ',' + fmt(c.police, 'cn') + ',' + fmt(c.executed, 'cn') + ',' +
          yn(c.online, '√', '×') + ',' + officers,
      ),
    ];
  }
  w.write(c.id);
  w.bytes(k[0]!);
  w.write(c.inspection?.id ?? '');
  w.bytes(k[1]!);
  w.write(c.partyId);
  w.bytes(k[2]!);
  w.write(csvCell(moneyGrouped(c.fine)));
  w.bytes(k[3]!);
}

const INSP_HEADERS: Record<number, string[]> = {
  2022: ['检查编号', '检查日期', '实施单位', '参与单位', '是否综合查一次', '检查场景', '检查对象代码', '检查对象', '是否涉企', '检查类型', '计划任务编号', '是否掌上执法', '是否亮码检查', '检查人员', '是否发现问题', '检查结果', '关联案件编号'],
  2023: ['检查记录编号', '检查日期', '检查主体', '联合检查单位', '综合查一次', '场景编号', '统一社会信用代码', '检查对象名称', '是否企业', '检查方式', '任务编号', '掌上执法', '亮码检查', '执法人员', '发现问题', '处理结果', '立案编号'],
  2024: ['检查编号', '检查时间', '牵头单位', '参与单位', '是否综合查一次', '检查场景', '检查对象代码', '被检查对象', '是否涉企', '检查类型', '检查任务编号', '是否掌上执法', '是否亮码', '检查人员', '是否发现问题', '检查结果', '关联案件编号'],
};
const TYPE_2023: Record<string, string> = { 双随机: '双随机抽查', 日常巡查: '日常检查', 专项: '专项检查', 综合查一次: '联合检查', 投诉核查: '投诉举报核查' };
const RESULT_2023: Record<string, string> = { 无问题: '未发现问题', 责令整改: '限期整改', 立案: '立案查处', 移送: '移送处理' };

function writeInsp(w: PartSink, i: InspRec, year: number, sh: Shared): void {
  let k = i.fmt;
  if (!k) {
    let units = '';
    for (let n = 0; n < i.units.length; n++) units += (n ? '、' : '') + UNIT[i.units[n]!]!.short;
    const subj = i.subject;
    if (year === 2023) {
      k = [
        ',' + fmt(i.date, 'slash') + ',' + UNIT[i.lead]!.short + ',' + units + ',' + yn(i.joint, 'Y', 'N') + ',' + (i.scene ?? '') + ',',
        ',' + q(subj.name) + ',' + yn(subj.enterprise, 'Y', 'N') + ',' + TYPE_2023[i.type]! + ',',
        ',' + yn(i.mobile, 'Y', 'N') + ',' + yn(i.codeShown, 'Y', 'N') + ',' + i.officers.join('、') + ',' + yn(i.problem, 'Y', 'N') + ',' + RESULT_2023[i.result]! + ',',
      ].map((x) => w.enc(x));
    } else {
      let officers: string;
      if (year === 2024) {
        officers = '';
        for (let n = 0; n < i.officers.length; n++) officers += (n ? '、' : '') + sh.names.get(i.officers[n]!)!;
      } else officers = i.officers.join('、');
      k = [
        ',' + (year === 2024 ? fmtTime(i.date, i.minutes) : fmt(i.date, 'iso')) + ',' + (year === 2024 ? UNIT[i.lead]!.name : UNIT[i.lead]!.short) + ',' + units + ',' +
          yn(i.joint) + ',' + (i.scene ?? '') + ',',
        ',' + q(subj.name) + ',' + yn(subj.enterprise) + ',' + i.type + ',',
        ',' + yn(i.mobile) + ',' + yn(i.codeShown) + ',' + officers + ',' + yn(i.problem) + ',' + i.result + ',',
      ].map((x) => w.enc(x));
    }
    i.fmt = k;
  }
  w.write(i.id);
  w.bytes(k[0]!);
  w.write(i.subject.id);
  w.bytes(k[1]!);
  w.write(i.plan?.id ?? '');
  w.bytes(k[2]!);
  w.write(i.caseRec?.id ?? '');
}

const CHANNEL_TEXT: Record<string, string> = {
  '12345': '12345政务服务热线',
  投诉举报平台: '全省统一投诉举报平台',
  '110联动': '110社会联动',
  基层治理四平台: '基层治理四平台',
  执法监督热线: '执法监督热线',
};

function writeComplaint(w: PartSink, c: ComplaintRec): void {
  let k = c.fmt;
  if (!k) {
    const secs = (c.minutes * 7 + c.received) % 60;
    c.fmt = k = [
      w.enc(
        ',' + fmtTime(c.received, c.minutes, '-', secs) + ',' + CHANNEL_TEXT[c.channel]! + ',' + c.township + ',' + UNIT[c.unit]!.name + ',' + c.domain + ',' +
          yn(c.conduct) + ',' + fmt(c.deadline, 'iso') + ',' + (c.closed === null ? '' : fmtTime(c.closed, c.closedMinutes, '/')) + ',' + (c.satisfaction ?? '') + ',' +
          yn(c.dispute),
      ),
    ];
  }
  w.write(c.id);
  w.bytes(k[0]!);
}

function writePlan(w: PartSink, p: PlanRec): void {
  let k = p.fmt;
  if (!k) p.fmt = k = [w.enc(',' + UNIT[p.unit]!.name + ',' + p.type + ',' + fmt(p.due, 'iso') + ','), w.enc(',' + q(p.subject!.name))];
  w.write(p.id);
  w.bytes(k[0]!);
  w.write(p.subject!.id);
  w.bytes(k[1]!);
}

function reviewRow(r: ReviewRec): XlsxCell[] {
  return [
    r.id,
    r.caseRec?.id ?? '',
    UNIT[r.unit]!.name,
    r.kind === '复议' ? '行政复议' : '行政诉讼',
    r.outcome === '驳回' && r.kind === '诉讼' ? '驳回诉讼请求' : (r.outcome ?? ''),
    { day: r.filed },
    r.decided === null ? null : { day: r.decided },
    yn(r.hearing),
    yn(r.head),
  ];
}

/** One finding as a JSON object (keys in the order below; the id and case id change in copies). */
function writeFinding(w: PartSink, f: FindingRec): void {
  let k = f.fmt;
  if (!k) {
    f.fmt = k = [
      w.enc(`,"问题来源":${js(f.source)},"被监督单位":${js(UNIT[f.unit]!.short)},"关联案件编号":`),
      w.enc(
        `,"评查得分":${js(f.score)},"评查等次":${js(f.grade)},"发现日期":${js(fmt(f.found, 'iso'))},"整改期限":${js(f.due === null ? null : fmt(f.due, 'iso'))},` +
          `"整改完成日期":${js(f.rectified === null ? null : fmt(f.rectified, 'iso'))},"问题等级":${js(f.severity)},"问题描述":${js(f.description)}}`,
      ),
    ];
  }
  w.write(`{"问题编号":${js(f.id)}`);
  w.bytes(k[0]!);
  w.write(js(f.caseRec?.id ?? null));
  w.bytes(k[1]!);
}

function writePermit(w: PartSink, p: PermitRec): void {
  let k = p.fmt;
  if (!k) p.fmt = k = [w.enc(`,"被许可人":${js(p.subject.name)},"审批事项":${js(p.matterName)},"审批单位":${js(UNIT[p.unit]!.name)},"许可日期":${js(fmt(p.issued, 'iso'))}}`)];
  w.write(`{"许可编号":${js(p.id)},"统一社会信用代码":${js(p.subject.id)}`);
  w.bytes(k[0]!);
}

// ---------------------------------------------------------------------------------------------

export async function generateSample(opts: GenerateOptions): Promise<GenerateResult> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const scale = opts.scale ?? 1;
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be a positive whole number (got ${scale})`);
  const dir = opts.outDir;
  mkdirSync(dir, { recursive: true });
  const progress = opts.onProgress ?? (() => {});
  const totalSteps = 6 + scale * YEARS.length;
  let step = 0;
  const tick = (label: string) => progress(++step, totalSteps, label);

  // reference data
  const matters = buildMatters(seed);
  const rosters = buildRosters(seed);
  const prep = preparePlants(rosters, matters);
  applyLapses(rosters, seed, prep.skip);
  const checklist = buildChecklist(seed);
  const sh = buildShared(seed, matters, rosters);

  const files: string[] = [];
  const counts: Record<string, number> = {};
  const add = (table: string, n: number) => (counts[table] = (counts[table] ?? 0) + n);

  const fileRows: Record<string, number> = {};
  files.push(await writeUnits(dir));
  add('unit', UNITS.length);
  fileRows[FILES.unit] = UNITS.length;
  files.push(await writeMatters(dir, matters));
  add('matter', matters.length);
  fileRows[FILES.matter] = matters.length;
  tick('参考数据 reference tables');
  for (const y of YEARS) {
    const rows = rosters.byYear.get(y)!;
    files.push(await writeRoster(dir, y, rows));
    add('officer', rows.length);
    fileRows[FILES.officer(y)] = rows.length;
  }
  files.push(writeChecklist(dir, checklist));
  fileRows[FILES.checklist] = checklist.length;
  add('institution_checklist', checklist.length);
  tick('执法人员 officer rosters');

  // fact writers
  const caseEarly = new CsvWriter(join(dir, FILES.caseEarly), CASE_HEADERS_EARLY);
  const caseLate = new CsvWriter(join(dir, FILES.caseLate), CASE_HEADERS_LATE);
  const insp = new Map(YEARS.map((y) => [y, new CsvWriter(join(dir, FILES.inspection(y)), INSP_HEADERS[y]!, { bom: true })]));
  const complaints = new CsvWriter(join(dir, FILES.complaint), ['工单编号', '受理时间', '来源渠道', '所属乡镇', '承办单位', '问题类别', '是否涉及执法行为', '办结时限', '办结时间', '满意度', '是否管辖争议'], {
    encoding: 'gbk',
    eol: '\r\n',
  });
  const plans = new ParquetWriter(join(dir, FILES.plan), [
    { name: '任务编号', type: 'VARCHAR' },
    { name: '责任单位', type: 'VARCHAR' },
    { name: '任务类型', type: 'VARCHAR' },
    { name: '计划完成日期', type: 'DATE' },
    { name: '检查对象代码', type: 'VARCHAR' },
    { name: '检查对象', type: 'VARCHAR' },
  ]);
  const reviews = new XlsxWriter(join(dir, FILES.review), {
    sheetName: '复议诉讼',
    headers: ['收案编号', '原案件编号', '被申请人（被告）', '类别', '结果', '收案日期', '结案日期', '是否开庭', '负责人是否出庭'],
    widths: [26, 26, 30, 10, 14, 14, 14, 10, 14],
    dateFormat: 'yyyy-mm-dd',
  });
  const findings = new JsonArrayWriter(join(dir, FILES.finding));
  const permits = new JsonlWriter(join(dir, FILES.permit));

  const planter = new Planter(prep, seed);
  // Replicas 0..TEMPLATES are generated; later ones re-use the events of replica
  // 1 + (r − 1) mod TEMPLATES with their own subjects, parties, ids and fines (see cloneYear).
  const templates = new Map<number, { pool: SubjectPool; years: Map<number, YearData> }>();
  for (let r = 0; r < scale; r++) {
    const generated = r <= TEMPLATES;
    const rep = generated ? new Replica(sh, r) : null;
    const tpl = generated ? null : templates.get(1 + ((r - 1) % TEMPLATES))!;
    const st = tpl ? cloneState(r, derivePool(tpl.pool, r)) : null;
    if (rep && r >= 1 && scale > TEMPLATES + 1) templates.set(r, { pool: rep.pool, years: new Map() });
    for (const year of YEARS) {
      let yd: YearData;
      if (rep) {
        yd = rep.generateYear(year, r === 0 ? PLANT_COUNTS[year]! : NO_PLANTS, r === 0 ? (d, x) => planter.plant(d, x) : undefined);
        templates.get(r)?.years.set(year, yd);
      } else yd = cloneYear(sh, tpl!.years.get(year)!, st!);
      const rng = Rng.of(seed, 'format', r, year);
      if (year < 2024) {
        for (const c of yd.cases) {
          writeCaseEarly(caseEarly.begin(), c, rng);
          caseEarly.end();
        }
      } else {
        for (const c of yd.cases) {
          writeCaseLate(caseLate.begin(), c, rng, sh);
          caseLate.end();
        }
      }
      add('penalty_case', yd.cases.length);
      const iw = insp.get(year)!;
      for (const i of yd.inspections) {
        writeInsp(iw.begin(), i, year, sh);
        iw.end();
      }
      add('inspection', yd.inspections.length);
      for (const c of yd.complaints) {
        writeComplaint(complaints.begin(), c);
        complaints.end();
      }
      add('complaint', yd.complaints.length);
      for (const p of yd.plans) {
        writePlan(plans.begin(), p);
        plans.end();
      }
      add('inspection_plan', yd.plans.length);
      for (const v of yd.reviews) reviews.row(reviewRow(v));
      add('review_litigation', yd.reviews.length);
      for (const f of yd.findings) {
        writeFinding(findings.begin(), f);
        findings.end();
      }
      add('supervision_finding', yd.findings.length);
      for (const p of yd.permits) {
        writePermit(permits.begin(), p);
        permits.end();
      }
      add('permit', yd.permits.length);
      tick(`事实数据 facts: replica ${r + 1}/${scale}, ${year}`);
    }
    // let progress callbacks and I/O breathe between replicas
    await new Promise((res) => setImmediate(res));
  }
  caseEarly.close();
  caseLate.close();
  for (const w of insp.values()) w.close();
  complaints.close();
  findings.close();
  permits.close();
  files.push(caseEarly.path, caseLate.path, ...[...insp.values()].map((w) => w.path), complaints.path, findings.path, permits.path);
  for (const w of [caseEarly, caseLate, ...insp.values(), complaints, findings, permits, reviews, plans]) fileRows[basename(w.path)] = w.rows;
  await reviews.close();
  files.push(reviews.path);
  tick('复议诉讼 XLSX');
  await plans.close();
  files.push(plans.path);
  tick('检查计划 Parquet');

  const manifest = planter.manifest(seed);
  const planted = join(dir, FILES.planted);
  writeFileSync(planted, JSON.stringify({ seed, scale, rules: manifest.rules }, null, 2) + '\n');
  files.push(planted);
  tick('问题线索清单 _planted.json');
  files.sort();
  return { files, counts, fileRows };
}

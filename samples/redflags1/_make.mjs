// Writes the blind red-flag set (samples/redflags1): small CSV exports with planted situations for the
// 13 discipline-review rules, and _answer.json — the expected hits, non-hits (near misses at each
// boundary) and 数据不全 per rule, declared BY HAND below from the README's "Red flags (问题线索)" and
// "How the evaluation works" and the 行政处罚法, without reading the rules' SQL. The records are written
// from the same hand-made list the answer is taken from, but no expectation is computed: every
// `expect` is typed in. Run: node samples/redflags1/_make.mjs
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = dirname(fileURLToPath(import.meta.url));

// ------------------------------------------------------------------ helpers
/** date + n days (calendar, UTC) */
function add(d, n) {
  const t = new Date(`${d}T00:00:00Z`);
  t.setUTCDate(t.getUTCDate() + n);
  return t.toISOString().slice(0, 10);
}
function csv(rows, header) {
  const q = (v) => {
    const s = v == null ? '' : String(v);
    return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return [header.join(','), ...rows.map((r) => header.map((h) => q(r[h])).join(','))].join('\n') + '\n';
}
/** An 18-digit resident id with a valid check character (GB 11643). */
function personId(seq) {
  const body = `330922${String(19700101 + (seq % 28) + Math.floor(seq / 28) * 10000)}${String(100 + seq).slice(-3)}`;
  const w = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((a, c, i) => a + Number(c) * w[i], 0);
  return body + '10X98765432'[sum % 11];
}
/** An 18-character unified social credit code with a valid check character (GB 32100). */
function creditCode(seq) {
  const A = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const body = `91330922MA2${String(seq).padStart(6, '0')}A`.slice(0, 17);
  const w = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = [...body].reduce((a, c, i) => a + A.indexOf(c) * w[i], 0);
  return body + A[(31 - (sum % 31)) % 31];
}

// ------------------------------------------------------------------ reference data (names and codes of samples/shengsi)
const units = [
  { 单位编码: 'ZH01', 单位名称: '嵊泗县综合行政执法局', 简称: '综合执法局', 队伍类型: '综合', 层级: '县', 执法模式: '县级' },
  { 单位编码: 'ZY01', 单位名称: '嵊泗县市场监督管理局', 简称: '市场监管局', 队伍类型: '专业', 层级: '县', 执法模式: '县级' },
  { 单位编码: 'ZY02', 单位名称: '舟山市生态环境局嵊泗分局', 简称: '生态环境分局', 队伍类型: '专业', 层级: '县', 执法模式: '县级' },
  { 单位编码: 'XZ01', 单位名称: '嵊泗县菜园镇人民政府', 简称: '菜园镇', 队伍类型: '乡镇', 层级: '乡镇', 执法模式: '派驻' },
];
const M = (code, name, domain, owner, unit, min, max) => ({ 事项编码: code, 事项名称: name, 所属领域: domain, 权力类型: '处罚', 实施队伍类型: owner, 实施主体: unit, 罚款下限: min, 罚款上限: max });
const matters = [
  M('330110001000', '对食品生产者未取得食品生产经营许可从事食品生产经营活动的行政处罚', '市场监管', '专业', 'ZY01', 1000, 10000),
  M('330110002000', '对食品经营者未取得食品生产经营许可从事食品生产经营活动的行政处罚', '市场监管', '专业', 'ZY01', 1000, 10000),
  M('330110003000', '对餐饮服务提供者未取得食品生产经营许可从事食品生产经营活动的行政处罚', '市场监管', '专业', 'ZY01', 1000, 10000),
  M('330110004000', '对网络食品交易第三方平台提供者未取得食品生产经营许可从事食品生产经营活动的行政处罚', '市场监管', '专业', 'ZY01', 1000, 10000),
  M('330110005000', '对食品生产者经营超过保质期的食品的行政处罚', '市场监管', '专业', 'ZY01', 2000, 20000),
  M('330110006000', '对食品经营者经营超过保质期的食品的行政处罚', '市场监管', '专业', 'ZY01', 2000, 20000),
  M('330110007000', '对餐饮服务提供者经营超过保质期的食品的行政处罚', '市场监管', '专业', 'ZY01', 2000, 20000),
  M('330110008000', '对网络食品交易第三方平台提供者经营超过保质期的食品的行政处罚', '市场监管', '专业', 'ZY01', 2000, 20000),
  M('330110041000', '对经营者不按规定明码标价的行政处罚', '市场监管', '专业', 'ZY01', null, null),
  M('331010001000', '对建设单位擅自占用、挖掘城市道路的行政处罚', '城市管理', '综合', 'ZH01', 2000, 20000),
  M('331010002000', '对个人随地吐痰、乱扔果皮纸屑等废弃物的行政处罚', '城市管理', '综合', 'ZH01', 20, 200),
  M('331010006000', '对施工单位夜间违规施工产生噪声的行政处罚', '城市管理', '综合', 'ZH01', 500, 5000),
];
const matterByCode = new Map(matters.map((m) => [m.事项编码, m]));

// Officers: ZF9001–ZF9006 ZH01, ZF9007–ZF9010 ZY01, ZF9011–ZF9012 ZY02, all certified 2021–2026;
// ZF9101 certificate to 2024-06-09; ZF9102 certificate from 2024-07-01; ZF9103 no certificate.
const NAMES = ['周启明', '钱晓东', '孙立平', '郑海涛', '冯建华', '陈志远', '褚文博', '卫国庆', '蒋少华', '沈一鸣', '韩德胜', '杨永清'];
const officerBase = [];
NAMES.forEach((name, i) => {
  const id = `ZF${9001 + i}`;
  officerBase.push({ 人员编号: id, 姓名: name, 所属单位: i < 6 ? 'ZH01' : i < 10 ? 'ZY01' : 'ZY02', 岗位类别: '执法', 编制类型: '行政编', 执法证号: `浙执2021${String(9001 + i).padStart(5, '0')}`, 执法证有效期起: '2021-01-01', 执法证有效期至: '2026-12-31' });
});
officerBase.push({ 人员编号: 'ZF9101', 姓名: '朱秋生', 所属单位: 'ZH01', 岗位类别: '执法', 编制类型: '行政编', 执法证号: '浙执201909101', 执法证有效期起: '2019-06-10', 执法证有效期至: '2024-06-09' });
officerBase.push({ 人员编号: 'ZF9102', 姓名: '秦海波', 所属单位: 'ZH01', 岗位类别: '执法', 编制类型: '行政编', 执法证号: '浙执202409102', 执法证有效期起: '2024-07-01', 执法证有效期至: '2029-06-30' });
officerBase.push({ 人员编号: 'ZF9103', 姓名: '尤小军', 所属单位: 'ZH01', 岗位类别: '执法', 编制类型: '事业编', 执法证号: '', 执法证有效期起: '', 执法证有效期至: '' });
// Rosters for 2023 and 2024 only: 2022 has none (the 数据不全 check of uncertified_officer for period 2022).
const officers = [2023, 2024].flatMap((y) => officerBase.map((o) => ({ ...o, 年度: y })));

// ------------------------------------------------------------------ the answer, typed by hand
// answer[rule] = { hits: [...], not_hits: [...], gaps: [...], not_gaps: [...], doubtful: [...] }; each
// entry { records: [ids], officer?: id, why }. A hit entry matches a hit whose record ids are exactly
// `records`; a not_hit entry fails on any hit naming one of its records; a gap entry wants a 数据不全 row
// naming its record; a doubtful entry is reported, never failed.
const RULES = ['overdue_case', 'major_without_review', 'uncertified_officer', 'single_officer', 'fine_out_of_range', 'inconsistent_fine', 'crime_not_transferred', 'repeat_inspection', 'officer_party_lenient', 'long_open_case', 'complaint_overdue', 'finding_overdue', 'penalty_not_executed'];
const answer = Object.fromEntries(RULES.map((r) => [r, { hits: [], not_hits: [], gaps: [], not_gaps: [], doubtful: [] }]));
const E = (rule, kind, records, why, extra = {}) => answer[rule][kind].push({ records: [].concat(records), why, ...extra });

// ------------------------------------------------------------------ penalty cases
const cases = [];
let partySeq = 0;
const ZY01_POOL = ['330110002000', '330110003000', '330110004000', '330110005000', '330110006000', '330110007000', '330110008000'];
let poolAt = 0;
const pairs = { ZY01: [['ZF9007', 'ZF9008'], ['ZF9009', 'ZF9010'], ['ZF9007', 'ZF9009'], ['ZF9008', 'ZF9010']], ZH01: [['ZF9001', 'ZF9002'], ['ZF9003', 'ZF9004'], ['ZF9005', 'ZF9006']] };
let pairAt = 0;
/** A clean case: two certified officers, fine three times the matter's minimum, decided 20 days after
 *  filing, executed 15 days later and closed that day, a party of its own. `o` overrides. */
function kase(id, o = {}) {
  const unit = o.unit ?? 'ZY01';
  const matter = o.matter ?? (unit === 'ZY01' ? ZY01_POOL[poolAt++ % ZY01_POOL.length] : '331010001000');
  const m = matterByCode.get(matter);
  const filed = o.filed;
  const decided = 'decided' in o ? o.decided : add(filed, 20);
  const lenient = o.lenient;
  // an undecided case has no penalty yet
  const fine = 'fine' in o ? o.fine : lenient || !decided ? null : (m.罚款下限 ?? 1000) * 3;
  const types = o.types ?? (lenient ? '不予处罚' : decided ? '罚款' : '');
  const executed = 'executed' in o ? o.executed : decided && fine != null && fine !== '' ? add(decided, 15) : null;
  const closed = 'closed' in o ? o.closed : executed ?? (decided && (lenient || types !== '罚款') ? decided : null);
  const offs = o.officers ?? pairs[unit][pairAt++ % pairs[unit].length];
  partySeq++;
  cases.push({
    案件编号: id, 执法主体: unit, 执法事项: matter, 案件来源: '检查', 适用程序: o.procedure ?? '普通',
    立案日期: filed, 处罚决定日期: decided ?? '', 结案日期: closed ?? '',
    '办案期限（天）': o.deadline ?? 90, 是否批准延期: o.ext ?? '否', 延长天数: o.extDays ?? '',
    是否重大案件: o.major ? '是' : '否', 法制审核日期: o.review ?? '', 是否集体讨论: o.major ? '是' : '否',
    当事人类型: '个人', 当事人: o.partyName ?? `当事人${String(partySeq).padStart(3, '0')}`, 当事人证件号码: 'partyId' in o ? o.partyId : personId(partySeq),
    处罚种类: types, '罚款金额（元）': fine ?? '', '没收违法所得（元）': o.confiscation ?? '', 不予处罚情形: lenient ?? '',
    是否涉嫌犯罪: o.crime ? '是' : '否', 移送公安日期: o.police ?? '', 执行完毕日期: executed ?? '', 是否网上办案: '是',
    承办人: offs.join('、'),
  });
}

// --- overdue_case (行政处罚法第六十条: 90 days from filing; approved extension adds its days, 30 when not given)
kase('RFC-OC-H1', { filed: '2024-02-01', decided: add('2024-02-01', 91) }); E('overdue_case', 'hits', 'RFC-OC-H1', 'decided on day 91 after filing (limit 90)');
kase('RFC-OC-N1', { filed: '2024-02-01', decided: add('2024-02-01', 90) }); E('overdue_case', 'not_hits', 'RFC-OC-N1', 'decided on day 90: within the limit');
kase('RFC-OC-H2', { filed: '2024-03-01', decided: add('2024-03-01', 121), ext: '是', extDays: 30 }); E('overdue_case', 'hits', 'RFC-OC-H2', 'extension 30 approved, decided day 121 (limit 120)');
kase('RFC-OC-N2', { filed: '2024-03-01', decided: add('2024-03-01', 120), ext: '是', extDays: 30 }); E('overdue_case', 'not_hits', 'RFC-OC-N2', 'extension 30 approved, decided day 120');
kase('RFC-OC-N3', { filed: '2024-03-04', decided: add('2024-03-04', 120), ext: '是' }); E('overdue_case', 'not_hits', 'RFC-OC-N3', 'extension approved without days (README: 30 when not given), decided day 120');
kase('RFC-OC-H3', { filed: '2024-03-04', decided: add('2024-03-04', 121), ext: '是' }); E('overdue_case', 'hits', 'RFC-OC-H3', 'extension approved without days (30), decided day 121');
kase('RFC-OC-H4', { filed: '2024-03-05', decided: add('2024-03-05', 100), ext: '否', extDays: 30 }); E('overdue_case', 'hits', 'RFC-OC-H4', 'extension days written but NOT approved: limit stays 90, decided day 100');
kase('RFC-OC-H5', { filed: '2024-09-01', decided: null }); E('overdue_case', 'hits', 'RFC-OC-H5', 'no decision, 121 days open at 2024-12-31');
kase('RFC-OC-N5', { filed: '2024-10-02', decided: null }); E('overdue_case', 'not_hits', 'RFC-OC-N5', 'no decision, exactly 90 days open at 2024-12-31: not past the limit');
kase('RFC-OC-H6', { filed: '2024-08-01', decided: '2025-01-20' }); E('overdue_case', 'hits', 'RFC-OC-H6', 'decided 2025-01-20: at period end open 152 days');
kase('RFC-OC-N6', { filed: '2024-05-01', decided: null, crime: true, police: '2024-06-01' }); E('overdue_case', 'not_hits', 'RFC-OC-N6', 'transferred to police on day 31: no longer open (README)');
kase('RFC-OC-H7', { filed: '2023-11-01', decided: '2024-03-01' }); E('overdue_case', 'hits', 'RFC-OC-H7', 'filed 2023, decided in 2024 on day 121');
kase('RFC-OC-N7', { filed: '2023-01-10', decided: '2023-06-01' }); E('overdue_case', 'not_hits', 'RFC-OC-N7', 'decided late but in 2023: a clue of period 2023, not 2024');
kase('RFC-OC-H8', { filed: '2024-04-01', decided: add('2024-04-01', 75), deadline: 60 }); E('overdue_case', 'hits', 'RFC-OC-H8', 'the case records a 60-day limit (办案期限（天）60), decided day 75');
kase('RFC-OC-D1', { filed: '2024-06-10', decided: '2024-04-01' }); E('overdue_case', 'gaps', 'RFC-OC-D1', 'decided before filed: dates cannot both be right (README)'); E('overdue_case', 'not_hits', 'RFC-OC-D1', '数据不全 is never a hit');

// --- long_open_case (> 365 days open at period end; a transfer to police closes it)
kase('RFC-LO-H1', { filed: '2023-10-01', decided: null }); E('long_open_case', 'hits', 'RFC-LO-H1', 'open 457 days at 2024-12-31'); E('overdue_case', 'hits', 'RFC-LO-H1', 'open 457 days, no decision');
kase('RFC-LO-H2', { filed: '2023-12-31', decided: null }); E('long_open_case', 'hits', 'RFC-LO-H2', 'open 366 days at 2024-12-31 (over 365)'); E('overdue_case', 'hits', 'RFC-LO-H2', 'open 366 days, no decision');
kase('RFC-LO-N1', { filed: '2024-01-01', decided: null }); E('long_open_case', 'not_hits', 'RFC-LO-N1', 'open exactly 365 days: not over a year'); E('overdue_case', 'hits', 'RFC-LO-N1', 'open 365 days, no decision');
kase('RFC-LO-N2', { filed: '2023-06-01', decided: null, crime: true, police: '2023-09-01' }); E('long_open_case', 'not_hits', 'RFC-LO-N2', 'transferred to police 2023-09-01: no longer open'); E('overdue_case', 'not_hits', 'RFC-LO-N2', 'transferred to police 2023-09-01, before the period: no longer open'); E('crime_not_transferred', 'not_hits', 'RFC-LO-N2', 'transferred');
kase('RFC-LO-N3', { filed: '2023-03-01', decided: '2023-05-20', executed: '2023-06-10', closed: '2024-02-01' }); E('long_open_case', 'not_hits', 'RFC-LO-N3', 'closed 2024-02-01, not open at period end');
kase('RFC-LO-Q1', { filed: '2023-06-01', decided: '2023-08-01', executed: '2023-08-20', closed: null }); E('long_open_case', 'doubtful', 'RFC-LO-Q1', 'decided and executed in 2023 but no 结案日期: "open" = no closing date (hit) or no decision (no hit)? README does not say');

// --- major_without_review (第五十八条: legal review before the decision)
kase('RFC-MR-H1', { filed: '2024-03-20', decided: '2024-04-10', major: true }); E('major_without_review', 'hits', 'RFC-MR-H1', 'major case, no legal review date');
kase('RFC-MR-H2', { filed: '2024-03-20', decided: '2024-04-10', major: true, review: '2024-04-11' }); E('major_without_review', 'hits', 'RFC-MR-H2', 'reviewed the day after the decision');
kase('RFC-MR-N1', { filed: '2024-03-20', decided: '2024-04-10', major: true, review: '2024-04-10' }); E('major_without_review', 'not_hits', 'RFC-MR-N1', 'reviewed on the decision day (dates have no time: cannot say it came after)');
kase('RFC-MR-N2', { filed: '2024-03-20', decided: '2024-04-10', major: true, review: '2024-04-09' }); E('major_without_review', 'not_hits', 'RFC-MR-N2', 'reviewed the day before');
kase('RFC-MR-N3', { filed: '2024-03-20', decided: '2024-04-10' }); E('major_without_review', 'not_hits', 'RFC-MR-N3', 'not a major case, no review');
kase('RFC-MR-N4', { filed: '2024-11-20', decided: null, major: true }); E('major_without_review', 'not_hits', 'RFC-MR-N4', 'major case not decided yet: no decision without review');

// --- uncertified_officer, cases (simple procedure: act on one day)
kase('RFC-UC-H3', { unit: 'ZH01', procedure: '简易', filed: '2024-05-05', decided: '2024-05-05', officers: ['ZF9103', 'ZF9005'] }); E('uncertified_officer', 'hits', 'RFC-UC-H3', 'ZF9103 has no certificate in the 2024 roster', { officer: 'ZF9103' });
kase('RFC-UC-H4', { unit: 'ZH01', procedure: '简易', filed: '2024-05-06', decided: '2024-05-06', officers: ['ZF9001', 'ZF9999'] }); E('uncertified_officer', 'hits', 'RFC-UC-H4', 'ZF9999 matches no roster entry: counted as without certificate (README, 当年花名册中没有此人)');
// --- single_officer, case
kase('RFC-SO-H2', { filed: '2024-04-20', officers: ['ZF9007'] }); E('single_officer', 'hits', 'RFC-SO-H2', 'one officer on a 普通程序 case (第四十二条: 不得少于两人)');

// --- fine_out_of_range (330110001000: 1000–10000)
const FR = '330110001000';
kase('RFC-FR-N1', { matter: FR, filed: '2024-05-10', fine: 10000 }); E('fine_out_of_range', 'not_hits', 'RFC-FR-N1', 'fine exactly at the maximum 10000');
kase('RFC-FR-H1', { matter: FR, filed: '2024-05-10', fine: 10001 }); E('fine_out_of_range', 'hits', 'RFC-FR-H1', 'fine 10001 over the maximum 10000');
kase('RFC-FR-N2', { matter: FR, filed: '2024-05-11', fine: 1000 }); E('fine_out_of_range', 'not_hits', 'RFC-FR-N2', 'fine exactly at the minimum 1000');
kase('RFC-FR-H2', { matter: FR, filed: '2024-05-11', fine: 999 }); E('fine_out_of_range', 'hits', 'RFC-FR-H2', 'fine 999 under the minimum 1000');
kase('RFC-FR-D1', { matter: FR, filed: '2024-05-12', fine: '', executed: '2024-06-10' }); E('fine_out_of_range', 'gaps', 'RFC-FR-D1', '罚款 decision with an empty amount (README)'); E('fine_out_of_range', 'not_hits', 'RFC-FR-D1', 'gap, not hit');
kase('RFC-FR-D2', { matter: FR, filed: '2024-05-12', fine: 0, executed: '2024-06-10' }); E('fine_out_of_range', 'gaps', 'RFC-FR-D2', '罚款 decision with amount 0 (README)'); E('fine_out_of_range', 'not_hits', 'RFC-FR-D2', 'gap, not hit');
kase('RFC-FR-D3', { matter: FR, filed: '2024-05-13', fine: -500, executed: '2024-06-10' }); E('fine_out_of_range', 'gaps', 'RFC-FR-D3', '罚款 -500: unreadable on import, so empty (README: negative)'); E('fine_out_of_range', 'not_hits', 'RFC-FR-D3', 'gap, not hit');
kase('RFC-FR-N3', { matter: '330110041000', filed: '2024-05-14', fine: 50000 }); E('fine_out_of_range', 'not_hits', 'RFC-FR-N3', 'the matter has no discretion range: nothing to be outside of');
kase('RFC-FR-N4', { filed: '2024-05-15', types: '没收违法所得', fine: null, confiscation: 3000, executed: null, closed: '2024-06-04' }); E('fine_out_of_range', 'not_hits', 'RFC-FR-N4', 'confiscation only: no fine'); E('fine_out_of_range', 'not_gaps', 'RFC-FR-N4', 'no 罚款 in its penalty types: the amount is not missing'); E('penalty_not_executed', 'not_hits', 'RFC-FR-N4', 'no fine: nothing to execute (README)'); E('penalty_not_executed', 'not_gaps', 'RFC-FR-N4', 'no fine, not a gap either');

// --- inconsistent_fine: group A = 8 fines of 331010006000 (500–5000) in 2024: median 1300, MAD 100
const IFA = [1000, 1200, 1200, 1300, 1300, 1400, 1400, 5000];
IFA.forEach((f, i) => kase(`RFC-IF-A${i + 1}`, { unit: 'ZH01', matter: '331010006000', filed: add('2024-02-05', i * 7), fine: f }));
E('inconsistent_fine', 'hits', 'RFC-IF-A8', '5000 is 3700 from the median 1300 of a group of 8 (MAD 100: 37×MAD)');
E('inconsistent_fine', 'not_hits', 'RFC-IF-A1', '1000 is exactly 300 = 3×MAD from the median: not beyond');
for (const i of [2, 3, 4, 5, 6, 7]) E('inconsistent_fine', 'not_hits', `RFC-IF-A${i}`, 'within 1×MAD of the median');
E('fine_out_of_range', 'not_hits', 'RFC-IF-A8', '5000 is exactly the matter maximum');
// group B = 7 fines of 331010002000 (20–200): would be a hit in a group of 8, but the group is too small
const IFB = [50, 55, 60, 60, 65, 70, 200];
IFB.forEach((f, i) => kase(`RFC-IF-B${i + 1}`, { unit: 'ZH01', matter: '331010002000', filed: add('2024-02-06', i * 7), fine: f }));
E('inconsistent_fine', 'not_hits', 'RFC-IF-B7', 'group of 7 (< 8): 200 vs median 60, MAD 5, not judged');
E('fine_out_of_range', 'not_hits', 'RFC-IF-B7', '200 is exactly the matter maximum');

// --- crime_not_transferred
kase('RFC-CT-H1', { filed: '2024-05-01', crime: true }); E('crime_not_transferred', 'hits', 'RFC-CT-H1', 'suspected crime, no transfer to police recorded');
kase('RFC-CT-N1', { filed: '2024-06-15', decided: null, crime: true, police: '2024-07-01' }); E('crime_not_transferred', 'not_hits', 'RFC-CT-N1', 'suspected crime, transferred 2024-07-01'); E('overdue_case', 'not_hits', 'RFC-CT-N1', 'transferred: no longer open');
E('crime_not_transferred', 'not_hits', 'RFC-OC-N6', 'suspected crime, transferred');
kase('RFC-CT-N2', { filed: '2024-05-02' }); E('crime_not_transferred', 'not_hits', 'RFC-CT-N2', 'no suspected crime');

// --- officer_party_lenient (same officer, same party, >= 3 cases, lenient outcomes)
const P1 = personId(900), P2 = personId(901), P6 = personId(905);
const LEN = (id, officers, party, partyName, lenient, filed, extra = {}) => kase(id, { unit: 'ZH01', filed, officers, partyId: party, partyName, lenient, ...extra });
LEN('RFC-OL-H1a', ['ZF9001', 'ZF9002'], P1, '方卫星', '首违不罚', '2024-03-11');
LEN('RFC-OL-H1b', ['ZF9001', 'ZF9003'], P1, '方卫星', '轻微免罚', '2024-06-11');
LEN('RFC-OL-H1c', ['ZF9001', 'ZF9004'], P1, '方卫星', '首违不罚', '2024-09-11');
E('officer_party_lenient', 'hits', ['RFC-OL-H1a', 'RFC-OL-H1b', 'RFC-OL-H1c'], 'ZF9001 and party P1 (valid id): 3 cases, all 不予处罚', { officer: 'ZF9001' });
LEN('RFC-OL-N1a', ['ZF9005', 'ZF9002'], P2, '任国栋', '首违不罚', '2024-03-12');
LEN('RFC-OL-N1b', ['ZF9005', 'ZF9003'], P2, '任国栋', '轻微免罚', '2024-06-12');
E('officer_party_lenient', 'not_hits', ['RFC-OL-N1a', 'RFC-OL-N1b'], 'only 2 cases of ZF9005 with P2');
LEN('RFC-OL-N2a', ['ZF9006', 'ZF9002'], personId(902), '吕明杰', '首违不罚', '2024-03-13');
LEN('RFC-OL-N2b', ['ZF9006', 'ZF9003'], personId(903), '施文斌', '首违不罚', '2024-06-13');
LEN('RFC-OL-N2c', ['ZF9006', 'ZF9004'], personId(904), '张振华', '首违不罚', '2024-09-13');
E('officer_party_lenient', 'not_hits', ['RFC-OL-N2a', 'RFC-OL-N2b', 'RFC-OL-N2c'], '3 lenient cases of ZF9006 but 3 different parties');
LEN('RFC-OL-D1a', ['ZF9005', 'ZF9004'], '', '王建国', '首违不罚', '2024-03-14');
LEN('RFC-OL-D1b', ['ZF9005', 'ZF9006'], '', '王建国', '轻微免罚', '2024-06-14');
LEN('RFC-OL-D1c', ['ZF9005', 'ZF9001'], '', '王建国', '首违不罚', '2024-09-14');
E('officer_party_lenient', 'gaps', ['RFC-OL-D1a', 'RFC-OL-D1b', 'RFC-OL-D1c'], 'ZF9005, 3 lenient cases of a party with no id but the same name: data to check (README)');
E('officer_party_lenient', 'not_hits', ['RFC-OL-D1a', 'RFC-OL-D1b', 'RFC-OL-D1c'], 'a name is no identity: never a hit');
LEN('RFC-OL-D2a', ['ZF9004', 'ZF9005'], '330922********1234', '李卫东', '首违不罚', '2024-03-15');
LEN('RFC-OL-D2b', ['ZF9004', 'ZF9006'], '330922********1234', '李卫东', '首违不罚', '2024-06-15');
LEN('RFC-OL-D2c', ['ZF9004', 'ZF9001'], '330922********1234', '李卫东', '轻微免罚', '2024-09-15');
E('officer_party_lenient', 'gaps', ['RFC-OL-D2a', 'RFC-OL-D2b', 'RFC-OL-D2c'], 'ZF9004, masked id (no id) and the same name: data to check');
E('officer_party_lenient', 'not_hits', ['RFC-OL-D2a', 'RFC-OL-D2b', 'RFC-OL-D2c'], 'a masked id names no one: never a hit');
LEN('RFC-OL-N3a', ['ZF9003', 'ZF9005'], '', '张*', '首违不罚', '2024-03-16');
LEN('RFC-OL-N3b', ['ZF9003', 'ZF9006'], '', '张*', '首违不罚', '2024-06-16');
LEN('RFC-OL-N3c', ['ZF9003', 'ZF9001'], '', '张*', '首违不罚', '2024-09-16');
E('officer_party_lenient', 'not_hits', ['RFC-OL-N3a', 'RFC-OL-N3b', 'RFC-OL-N3c'], 'masked name 张* without id: not grouped');
E('officer_party_lenient', 'not_gaps', ['RFC-OL-N3a', 'RFC-OL-N3b', 'RFC-OL-N3c'], 'README: masked names such as 张* are not grouped (not even as 数据不全)');
LEN('RFC-OL-Q1a', ['ZF9006', 'ZF9005'], P6, '何建平', '首违不罚', '2024-03-18');
LEN('RFC-OL-Q1b', ['ZF9006', 'ZF9001'], P6, '何建平', '轻微免罚', '2024-06-18');
LEN('RFC-OL-Q1c', ['ZF9006', 'ZF9002'], P6, '何建平', null, '2024-09-18', { fine: 8000 });
E('officer_party_lenient', 'doubtful', ['RFC-OL-Q1a', 'RFC-OL-Q1b', 'RFC-OL-Q1c'], '3 meetings, 2 lenient + 1 fine of 4×minimum: is "again and again with lenient outcomes" 3 meetings or 3 lenient ones?');

// --- penalty_not_executed (fines; judged in the period holding the 90th day after the decision)
kase('RFC-PE-N1', { filed: '2024-02-10', decided: '2024-03-01', executed: add('2024-03-01', 90) }); E('penalty_not_executed', 'not_hits', 'RFC-PE-N1', 'executed on the 90th day (2024-05-30)');
kase('RFC-PE-H1', { filed: '2024-02-10', decided: '2024-03-01', executed: add('2024-03-01', 91) }); E('penalty_not_executed', 'hits', 'RFC-PE-H1', 'executed on day 91');
kase('RFC-PE-H2', { filed: '2024-03-20', decided: '2024-04-01', executed: null }); E('penalty_not_executed', 'hits', 'RFC-PE-H2', 'never executed, 90th day 2024-06-30');
kase('RFC-PE-N2', { filed: '2024-11-01', decided: '2024-11-15', executed: null }); E('penalty_not_executed', 'not_hits', 'RFC-PE-N2', 'Q4 decision: 90th day 2025-02-13 is judged in 2025');
kase('RFC-PE-H3', { filed: '2023-11-01', decided: '2023-11-15', executed: null }); E('penalty_not_executed', 'hits', 'RFC-PE-H3', '2023 Q4 decision, 90th day 2024-02-13, never executed: judged in 2024');
E('long_open_case', 'doubtful', 'RFC-PE-H3', 'decided 2023-11-15, never executed, no 结案日期, filed 426 days before period end: open?');
kase('RFC-PE-H4', { filed: '2024-09-20', decided: '2024-10-02', executed: null }); E('penalty_not_executed', 'hits', 'RFC-PE-H4', '90th day = 2024-12-31, the period\'s last day, unexecuted (README: the last day included)');
kase('RFC-PE-N3', { filed: '2024-09-20', decided: '2024-10-03', executed: null }); E('penalty_not_executed', 'not_hits', 'RFC-PE-N3', '90th day = 2025-01-01: next period');
kase('RFC-PE-H5', { filed: '2023-11-20', decided: '2023-12-01', executed: '2024-03-15' }); E('penalty_not_executed', 'hits', 'RFC-PE-H5', '90th day 2024-02-29, executed 2024-03-15 (day 105): judged in 2024');
kase('RFC-PE-D1', { filed: '2024-04-10', decided: '2024-05-01', executed: '2024-04-20' }); E('penalty_not_executed', 'gaps', 'RFC-PE-D1', 'executed before the decision (README)'); E('penalty_not_executed', 'not_hits', 'RFC-PE-D1', 'gap, not hit');

// ------------------------------------------------------------------ inspections
const inspections = [];
let subjSeq = 0;
function visit(id, date, unit, officers, o = {}) {
  subjSeq++;
  inspections.push({
    检查编号: id, 检查日期: date, 实施单位: unit, 参与单位: (o.units ?? [unit]).join('、'), 是否综合查一次: o.joint ? '是' : '否',
    检查对象代码: o.subject ?? creditCode(subjSeq), 检查对象: o.subjectName ?? `嵊泗县测试商户${String(subjSeq).padStart(3, '0')}`, 是否涉企: '是',
    检查类型: o.joint ? '综合查一次' : '日常巡查', 是否掌上执法: '是', 检查人员: officers.join('、'), 是否发现问题: '否', 检查结果: '无问题',
  });
}
// uncertified_officer
visit('RFJ-UC-H1', '2024-06-10', 'ZH01', ['ZF9101', 'ZF9001']); E('uncertified_officer', 'hits', 'RFJ-UC-H1', 'ZF9101\'s certificate expired 2024-06-09, the day before the act', { officer: 'ZF9101' });
visit('RFJ-UC-N1', '2024-06-09', 'ZH01', ['ZF9101', 'ZF9002']); E('uncertified_officer', 'not_hits', 'RFJ-UC-N1', 'certificate valid to 2024-06-09, the day of the act');
visit('RFJ-UC-H2', '2024-06-30', 'ZH01', ['ZF9102', 'ZF9003']); E('uncertified_officer', 'hits', 'RFJ-UC-H2', 'ZF9102\'s certificate valid only from 2024-07-01', { officer: 'ZF9102' });
visit('RFJ-UC-N2', '2024-07-01', 'ZH01', ['ZF9102', 'ZF9004']); E('uncertified_officer', 'not_hits', 'RFJ-UC-N2', 'certificate valid from the day of the act');
visit('RFJ-UC-D1', '2024-07-05', 'ZH01', []); E('uncertified_officer', 'gaps', 'RFJ-UC-D1', 'no officer recorded (README)'); E('single_officer', 'gaps', 'RFJ-UC-D1', 'no officer recorded: cannot judge (README: "no officer recorded")'); E('single_officer', 'not_hits', 'RFJ-UC-D1', 'a gap, never a hit'); E('uncertified_officer', 'not_hits', 'RFJ-UC-D1', 'a gap, never a hit');
visit('RFJ-UC-D2', '2022-05-05', 'ZH01', ['ZF9001', 'ZF9002']); // period 2022: no roster for 2022 (checked apart)
// single_officer
visit('RFJ-SO-H1', '2024-04-15', 'ZH01', ['ZF9001']); E('single_officer', 'hits', 'RFJ-SO-H1', 'one officer');
visit('RFJ-SO-N1', '2024-04-16', 'ZH01', ['ZF9001', 'ZF9002']); E('single_officer', 'not_hits', 'RFJ-SO-N1', 'exactly two officers');
visit('RFJ-SO-H3', '2024-04-17', 'ZH01', ['ZF9003', 'ZF9003']); E('single_officer', 'hits', 'RFJ-SO-H3', 'the same officer written twice: one person');
// repeat_inspection (several units, same subject, within 30 days, not a joint visit)
const S = (n) => creditCode(800 + n);
visit('RFJ-RI-H1a', '2024-03-01', 'ZY01', ['ZF9007', 'ZF9008'], { subject: S(1), subjectName: '嵊泗县海之味餐饮店' });
visit('RFJ-RI-H1b', '2024-03-31', 'ZH01', ['ZF9001', 'ZF9002'], { subject: S(1), subjectName: '嵊泗县海之味餐饮店' });
E('repeat_inspection', 'hits', ['RFJ-RI-H1a', 'RFJ-RI-H1b'], 'ZY01 then ZH01, 30 days apart, neither joint');
visit('RFJ-RI-N1a', '2024-04-01', 'ZY01', ['ZF9009', 'ZF9010'], { subject: S(2), subjectName: '嵊泗县渔港便利店' });
visit('RFJ-RI-N1b', '2024-05-02', 'ZH01', ['ZF9003', 'ZF9004'], { subject: S(2), subjectName: '嵊泗县渔港便利店' });
E('repeat_inspection', 'not_hits', ['RFJ-RI-N1a', 'RFJ-RI-N1b'], '31 days apart');
visit('RFJ-RI-N2', '2024-05-10', 'ZH01', ['ZF9001', 'ZF9007'], { subject: S(3), subjectName: '嵊泗县东海民宿', units: ['ZH01', 'ZY01'], joint: true });
E('repeat_inspection', 'not_hits', 'RFJ-RI-N2', 'one 综合查一次 visit of two units (one row)');
E('single_officer', 'not_hits', 'RFJ-RI-N2', 'joint visit, two officers');
visit('RFJ-RI-N3a', '2024-06-01', 'ZH01', ['ZF9002', 'ZF9008'], { subject: S(4), subjectName: '嵊泗县金沙滩排档', units: ['ZH01', 'ZY01'], joint: true });
visit('RFJ-RI-N3b', '2024-06-15', 'ZY01', ['ZF9009', 'ZF9003'], { subject: S(4), subjectName: '嵊泗县金沙滩排档', units: ['ZY01', 'ZH01'], joint: true });
E('repeat_inspection', 'not_hits', ['RFJ-RI-N3a', 'RFJ-RI-N3b'], 'two joint visits 14 days apart: both 综合查一次');
visit('RFJ-RI-Q1a', '2024-07-01', 'ZH01', ['ZF9004', 'ZF9010'], { subject: S(5), subjectName: '嵊泗县渔家乐客栈', units: ['ZH01', 'ZY01'], joint: true });
visit('RFJ-RI-Q1b', '2024-07-10', 'ZY02', ['ZF9011', 'ZF9012'], { subject: S(5), subjectName: '嵊泗县渔家乐客栈' });
E('repeat_inspection', 'doubtful', ['RFJ-RI-Q1a', 'RFJ-RI-Q1b'], 'a joint visit then a lone ZY02 visit 9 days later: is one non-joint visit after a joint one "outside a joint visit"?');
visit('RFJ-RI-Q2a', '2024-08-01', 'ZY01', ['ZF9007', 'ZF9010'], { subject: S(6), subjectName: '嵊泗县岛礁烧烤' });
visit('RFJ-RI-Q2b', '2024-08-20', 'ZY01', ['ZF9008', 'ZF9009'], { subject: S(6), subjectName: '嵊泗县岛礁烧烤' });
E('repeat_inspection', 'doubtful', ['RFJ-RI-Q2a', 'RFJ-RI-Q2b'], 'the same unit twice in 19 days: README says "repeat inspections", the design "inspected by several units"');
visit('RFJ-RI-Q3a', '2023-12-20', 'ZY01', ['ZF9007', 'ZF9009'], { subject: S(7), subjectName: '嵊泗县跨年商行' });
visit('RFJ-RI-Q3b', '2024-01-10', 'ZH01', ['ZF9005', 'ZF9006'], { subject: S(7), subjectName: '嵊泗县跨年商行' });
E('repeat_inspection', 'doubtful', ['RFJ-RI-Q3a', 'RFJ-RI-Q3b'], 'two units 21 days apart across the year boundary: a 2024 clue?');

// ------------------------------------------------------------------ complaints
const complaints = [];
function ticket(id, received, deadline, closed) {
  complaints.push({ 工单编号: id, 受理日期: received, 来源渠道: '12345', 承办单位: 'ZH01', 问题领域: '城市管理', 是否涉及执法行为: '否', 办结时限: deadline ?? '', 办结日期: closed ?? '', 满意度: closed ? '满意' : '' });
}
ticket('RFG-CO-H1', '2024-04-25', '2024-05-10', '2024-05-11'); E('complaint_overdue', 'hits', 'RFG-CO-H1', 'closed the day after its deadline');
ticket('RFG-CO-N1', '2024-04-25', '2024-05-10', '2024-05-10'); E('complaint_overdue', 'not_hits', 'RFG-CO-N1', 'closed on its deadline day');
ticket('RFG-CO-H2', '2024-11-01', '2024-11-30', null); E('complaint_overdue', 'hits', 'RFG-CO-H2', 'never closed, deadline 2024-11-30');
ticket('RFG-CO-H3', '2024-12-10', '2024-12-31', null); E('complaint_overdue', 'hits', 'RFG-CO-H3', 'never closed, deadline = period end: not closed by its deadline (as the unexecuted fine on its 90th day, the last day included)');
ticket('RFG-CO-N3', '2024-12-20', '2025-01-05', null); E('complaint_overdue', 'not_hits', 'RFG-CO-N3', 'deadline in 2025: judged in 2025');
ticket('RFG-CO-H4', '2023-12-15', '2024-01-05', '2024-01-10'); E('complaint_overdue', 'hits', 'RFG-CO-H4', 'received 2023, deadline 2024-01-05, closed late: in the deadline\'s period');
ticket('RFG-CO-N4', '2023-11-01', '2023-11-20', '2024-01-03'); E('complaint_overdue', 'not_hits', 'RFG-CO-N4', 'deadline 2023-11-20: a 2023 clue even though closed in 2024');
ticket('RFG-CO-D1', '2024-06-10', '2024-06-25', '2024-06-01'); E('complaint_overdue', 'gaps', 'RFG-CO-D1', 'closed before received (README)'); E('complaint_overdue', 'not_hits', 'RFG-CO-D1', 'gap, not hit');
ticket('RFG-CO-N5', '2024-02-01', '2024-02-15', '2024-02-10'); E('complaint_overdue', 'not_hits', 'RFG-CO-N5', 'closed 5 days early');

// ------------------------------------------------------------------ supervision findings
const findings = [];
function finding(id, found, due, rectified) {
  findings.push({ 问题编号: id, 问题来源: '执法监督', 被监督单位: 'ZH01', 发现日期: found, 整改期限: due ?? '', 整改完成日期: rectified ?? '', 问题等级: '一般', 问题描述: `测试问题 ${id}` });
}
finding('RFW-FO-H1', '2024-03-01', '2024-04-30', '2024-05-01'); E('finding_overdue', 'hits', 'RFW-FO-H1', 'rectified the day after its due date');
finding('RFW-FO-N1', '2024-03-01', '2024-04-30', '2024-04-30'); E('finding_overdue', 'not_hits', 'RFW-FO-N1', 'rectified on its due date');
finding('RFW-FO-H2', '2024-08-01', '2024-09-30', null); E('finding_overdue', 'hits', 'RFW-FO-H2', 'never rectified, due 2024-09-30');
finding('RFW-FO-N2', '2024-11-01', '2025-02-01', null); E('finding_overdue', 'not_hits', 'RFW-FO-N2', 'due in 2025: judged in 2025');
finding('RFW-FO-D1', '2024-07-01', '2024-07-31', '2024-06-20'); E('finding_overdue', 'gaps', 'RFW-FO-D1', 'rectified before found (README)'); E('finding_overdue', 'not_hits', 'RFW-FO-D1', 'gap, not hit');
finding('RFW-FO-N3', '2023-10-01', '2023-12-31', '2024-01-02'); E('finding_overdue', 'not_hits', 'RFW-FO-N3', 'due 2023-12-31: a 2023 clue');
finding('RFW-FO-H3', '2023-11-01', '2024-01-15', null); E('finding_overdue', 'hits', 'RFW-FO-H3', 'found 2023, due 2024-01-15, never rectified');

// ------------------------------------------------------------------ sanity of the fixture itself (not of the rules)
// Every matter-year but the two planted groups keeps fewer than 8 fines, so 同案不同罚 has nothing else to judge.
const perGroup = new Map();
for (const c of cases) if (c['罚款金额（元）'] !== '' && c.处罚决定日期) {
  const k = `${c.执法事项}/${c.处罚决定日期.slice(0, 4)}`;
  perGroup.set(k, (perGroup.get(k) ?? 0) + 1);
}
for (const [k, n] of perGroup) if (n >= 8 && k !== '331010006000/2024') throw new Error(`fixture: ${k} has ${n} fines`);
if (new Set(cases.map((c) => c.案件编号)).size !== cases.length) throw new Error('fixture: duplicate case id');

// ------------------------------------------------------------------ files
const files = {
  '01_执法单位.csv': csv(units, ['单位编码', '单位名称', '简称', '队伍类型', '层级', '执法模式']),
  '02_执法事项目录.csv': csv(matters.map((m) => ({ ...m, '罚款下限（元）': m.罚款下限 ?? '', '罚款上限（元）': m.罚款上限 ?? '' })), ['事项编码', '事项名称', '所属领域', '权力类型', '实施队伍类型', '实施主体', '罚款下限（元）', '罚款上限（元）']),
  '03_执法人员花名册_2023-2024.csv': csv(officers, ['人员编号', '年度', '姓名', '所属单位', '岗位类别', '编制类型', '执法证号', '执法证有效期起', '执法证有效期至']),
  '04_行政处罚案件.csv': csv(cases, Object.keys(cases[0])),
  '05_行政检查记录.csv': csv(inspections, Object.keys(inspections[0])),
  '06_投诉举报工单.csv': csv(complaints, Object.keys(complaints[0])),
  '07_执法监督发现问题.csv': csv(findings, Object.keys(findings[0])),
};
for (const [name, text] of Object.entries(files)) writeFileSync(join(DIR, name), text);
const rows = { unit: units.length, matter: matters.length, officer: officers.length, penalty_case: cases.length, inspection: inspections.length, complaint: complaints.length, supervision_finding: findings.length };
writeFileSync(
  join(DIR, '_answer.json'),
  JSON.stringify({
    period: '2024',
    files: Object.keys(files),
    rows,
    rules: answer,
    extra: [{ period: '2022', rule: 'uncertified_officer', gaps: [{ records: ['RFJ-UC-D2'], why: 'an inspection of 2022 and no roster imported for 2022 (README: no roster imported for the year)' }] }],
  }, null, 2) + '\n',
);
console.log(rows);

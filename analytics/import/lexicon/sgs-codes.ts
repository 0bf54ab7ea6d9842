// The field codes of the 双公示 (行政许可、行政处罚信用信息公示) data standard, as credit platforms'
// interfaces and exchange packages name their fields (XK_XDR_SHXYM, CF_WSH …): each code read as the
// Chinese name the standard gives it, then recognised like that header. Public: the 2021 standard's
// field list as data dictionaries and code of public projects carry it (DW_SHL_SGSXZXK, CF_XDR_MC …);
// the initials alone (pinyin) missed the ones whose abbreviation is not a phrase's initials
// (SHXYM for 统一社会信用代码, YXQZI for 有效期至: acceptance set 12's 04).
// Only the codes of fields Tijian's tables hold: the others (有效期至, 数据来源单位, 许可机关统一社会
// 信用代码 …) are read as before, by their initials — named, they drew a permit list of such codes
// toward another table's fields in the corpus (fresh2-permit-ningbo-uap-over-api).
const COMMON: Record<string, string> = {
  XDR_MC: '行政相对人名称',
  XDR_SHXYM: '统一社会信用代码',
  XDR_ZJHM: '证件号码',
};

const PERMIT: Record<string, string> = {
  WSH: '行政许可决定文书号',
  XKBH: '许可编号',
  JDRQ: '许可决定日期',
  XKJG: '许可机关',
};

const PENALTY: Record<string, string> = {
  XDR_LB: '行政相对人类别',
  WSH: '行政处罚决定书文号',
  CFLB: '处罚类别',
  NR_FK: '罚款金额（万元）',
  FKJE: '罚款金额（万元）',
  NR_WFFF: '没收违法所得、没收非法财物的金额（万元）',
  MSJE: '没收违法所得、没收非法财物的金额（万元）',
  JDRQ: '处罚决定日期',
  CFJG: '处罚机关',
};

/** The standard's code (any case, XK_ or CF_ first) → its Chinese name; undefined for any other. */
export function sgsFieldName(code: string): string | undefined {
  const m = /^(XK|CF)_([A-Z_]+)$/.exec(code.trim().toUpperCase());
  if (!m) return undefined;
  const own = m[1] === 'XK' ? PERMIT : PENALTY;
  return own[m[2]!] ?? COMMON[m[2]!];
}

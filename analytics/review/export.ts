// A review's results leaving the workspace: the --json shape and the XLSX evidence pack (汇总, 按单位,
// 按人员, then one sheet per rule). Personal data (names, ID numbers, phones) is masked unless the
// caller unmasks explicitly — in the evidence and keys, and in the free text (summaries, notes);
// cells that could run as formulas are escaped by writeXlsx.
import { periodText, periodZh } from '../eval/period.js';
import { writeXlsx, type Column, type Sheet } from '../export/tabular.js';
import { maskNumbersInText, maskValue, type MaskKind } from '../privacy/mask.js';
import { hitRef } from './keys.js';
import { UNRESOLVED_UNIT, type PreviousMark, type ReviewHit, type ReviewResult, type ReviewRuleSummary } from './types.js';

export interface MaskOptions {
  /** Show personal data as stored (default false: masked). */
  unmask?: boolean;
}

/** Column → mask kind (undefined: guessed from the value) of a rule's personal columns. */
function personalKinds(rule: ReviewRuleSummary | undefined): Record<string, MaskKind | undefined> {
  if (!rule) return {};
  const out: Record<string, MaskKind | undefined> = {};
  for (const c of rule.personal_columns) out[c] = undefined;
  return { ...out, ...rule.personal_kinds };
}

function maskCols(values: Record<string, unknown>, kinds: Record<string, MaskKind | undefined>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = k in kinds ? maskValue(v, kinds[k]) : v;
  return out;
}

/** The other evidence columns' text (问题描述, 备注: typed by people) with ID and phone numbers in it
 *  masked. A column named …编号 holds a record's number, which the reviewer needs to find it. */
function maskFreeCols(values: Record<string, unknown>, kinds: Record<string, MaskKind | undefined>): Record<string, unknown> {
  const text = (v: unknown): unknown => (typeof v === 'string' ? maskNumbersInText(v) : Array.isArray(v) ? v.map(text) : v);
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) out[k] = k in kinds || /编号$/.test(k) ? v : text(v);
  return out;
}

/**
 * Free text about a hit (its summary, a reviewer's note) with personal data masked: the personal
 * values of its evidence and keys wherever they appear, then anything that looks like an identity
 * number or a phone number (maskNumbersInText). The engine writes summaries without personal columns; notes are
 * typed by reviewers, so this is the safety net.
 */
export function maskedText(text: string, h: ReviewHit, rule: ReviewRuleSummary | undefined): string {
  let out = text;
  const kinds = { ...Object.fromEntries((rule?.personal_columns ?? []).map((c) => [c, undefined])), ...rule?.personal_kinds };
  const pairs: Array<[string, string]> = [];
  for (const [c, kind] of Object.entries(kinds)) {
    for (const src of [h.evidence, h.keys]) {
      const v = src[c];
      for (const x of Array.isArray(v) ? v : [v]) if (typeof x === 'string' && x.trim().length > 1) pairs.push([x, String(maskValue(x, kind))]);
    }
  }
  for (const [raw, masked] of pairs.sort((a, z) => z[0].length - a[0].length)) out = out.split(raw).join(masked);
  return maskNumbersInText(out);
}

/** The review with its free text masked: hit summaries and reviewers' notes (see maskedText), as
 *  the XLSX pack, --json, the command line's list and the reports show it unless unmasked. */
export function withMaskedText(review: ReviewResult): ReviewResult {
  const rules = new Map(review.rules.map((r) => [r.id, r]));
  return {
    ...review,
    hits: review.hits.map((h) => {
      const r = rules.get(h.rule);
      return {
        ...h,
        summary: maskedText(h.summary, h, r),
        mark: h.mark ? { ...h.mark, note: maskedText(h.mark.note, h, r) } : null,
        ...(h.previous_mark ? { previous_mark: { ...h.previous_mark, note: maskedText(h.previous_mark.note, h, r) } } : {}),
      };
    }),
  };
}

/** An earlier period's conclusion on the same record, as the pack and the screen show it:
 *  2023年：已排除（note）. */
export function previousMarkText(p: PreviousMark): string {
  return `${p.period ? periodText(p.period, 'zh-CN') : '未注明期间'}：${p.status}${p.note ? `（${p.note}）` : ''}`;
}

/** A hit as shown outside the workspace: evidence and keys masked unless unmasked. The hit_key is
 *  dropped when masked and a key column is personal (the ref identifies the hit instead). */
export function displayHit(hit: ReviewHit, rule: ReviewRuleSummary | undefined, opts: MaskOptions = {}): ReviewHit {
  const ref = hit.ref ?? hitRef(hit.rule, hit.hit_key);
  if (opts.unmask) return { ...hit, ref };
  const kinds = personalKinds(rule);
  const personalKey = Object.keys(hit.keys).some((k) => k in kinds);
  const out: ReviewHit = { ...hit, ref, keys: maskCols(hit.keys, kinds), evidence: maskFreeCols(maskCols(hit.evidence, kinds), kinds) };
  if (personalKey) out.hit_key = '';
  return out;
}

function markCounts(r: ReviewResult, ruleId: string): Record<string, number> {
  const out: Record<string, number> = { 已核实: 0, 已排除: 0, 待核查: 0, 未标记: 0 };
  for (const h of r.hits) if (h.rule === ruleId) out[h.mark?.status ?? '未标记'] = (out[h.mark?.status ?? '未标记'] ?? 0) + 1;
  return out;
}

/** The --json shape: { rules: [{ id, name, severity, hits, units, … }], hits: [{ rule, keys, unit_id, officer_ids, summary, … }] }. */
export function reviewJson(review: ReviewResult, opts: MaskOptions = {}): Record<string, unknown> {
  const r = opts.unmask ? review : withMaskedText(review);
  const rules = new Map(r.rules.map((s) => [s.id, s]));
  return {
    period: r.period.label,
    period_range: { start: r.period.start, end: r.period.end },
    rules_id: r.rules_id,
    rules_version: r.rules_version ?? null,
    rules_sha256: r.rules_sha256,
    created_at: r.created_at,
    masked: !opts.unmask,
    rules: r.rules.map((s) => ({
      id: s.id,
      name: s.name,
      severity: s.severity,
      basis: s.basis,
      hits: s.hits,
      units: s.units,
      marks: markCounts(r, s.id),
      params: s.params ?? {},
      data_gaps: s.data_gaps ?? 0,
    })),
    // 数据不全: records a rule could not judge (keys that hold personal data left out)
    data_gaps: (r.data_gaps ?? []).map((g) => {
      const personal = rules.get(g.rule)?.personal_kinds ?? {};
      return { rule: g.rule, unit_id: g.unit_id, reason: g.reason, keys: Object.fromEntries(Object.entries(g.keys).filter(([k]) => !(k in personal))) };
    }),
    hits: r.hits.map((h) => {
      const d = displayHit(h, rules.get(h.rule), opts);
      return {
        rule: d.rule,
        ref: d.ref,
        ...(d.hit_key ? { hit_key: d.hit_key } : {}),
        keys: d.keys,
        unit_id: d.unit_id,
        officer_ids: d.officer_ids,
        summary: d.summary,
        evidence: d.evidence,
        mark: d.mark,
        // an earlier period's conclusion on the same record: history, not this period's status
        previous_mark: d.previous_mark ?? null,
      };
    }),
    by_unit: r.by_unit,
    by_officer: r.by_officer,
    unit_names: r.unit_names ?? {},
    seconds: r.seconds ?? null,
  };
}

function unitLabel(r: ReviewResult, id: string): string {
  if (id === UNRESOLVED_UNIT) return '（单位未能识别）';
  return r.unit_names?.[id] ?? id;
}

function paramsText(p: Record<string, number> | undefined): string {
  return Object.entries(p ?? {})
    .map(([k, v]) => `${k} = ${v}`)
    .join('；');
}

/** The sheets of the evidence pack (exposed for the report builders). */
export function evidenceSheets(review: ReviewResult, opts: MaskOptions = {}): Sheet[] {
  // reviewers' notes are typed free text: masked as the DOCX pack masks them (they were written as typed)
  const r = opts.unmask ? review : withMaskedText(review);
  const masked = !opts.unmask;
  const head = [
    `执法问题线索核查包（${periodZh(r.period)}，${r.period.start} 至 ${r.period.end}）`,
    `规则集 ${r.rules_id}${r.rules_version ? ` 版本 ${r.rules_version}` : ''} · sha256 ${r.rules_sha256.slice(0, 16)} · 生成于 ${r.created_at}`,
    masked ? '个人信息（姓名、证件号码、电话）已脱敏。' : '注意：本文件含未脱敏的个人信息（姓名、证件号码、电话），仅供核查使用，不得外传。',
  ];
  const sheets: Sheet[] = [];

  sheets.push({
    name: '汇总',
    title: head,
    columns: [
      { key: 'id', header: '规则编号', width: 22 },
      { key: 'name', header: '问题线索', width: 26 },
      { key: 'name_en', header: 'Red flag', width: 30 },
      { key: 'severity', header: '严重程度', width: 8 },
      { key: 'basis', header: '法律依据', width: 40 },
      { key: 'hits', header: '命中数', width: 8 },
      ...['已核实', '已排除', '待核查', '未标记'].map((s) => ({ key: s, header: s, width: 8 })),
      { key: 'units', header: '涉及单位', width: 36 },
      { key: 'params', header: '阈值参数', width: 24 },
      { key: 'explanation', header: '为什么需要关注', width: 80 },
    ],
    rows: r.rules.map((s) => ({
      id: s.id,
      name: s.name.zh,
      name_en: s.name.en,
      severity: s.severity,
      basis: s.basis,
      hits: s.hits,
      ...markCounts(r, s.id),
      units: Object.entries(s.units)
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([u, n]) => `${unitLabel(r, u)} ${n}`)
        .join('、'),
      params: paramsText(s.params),
      explanation: s.explanation,
    })),
  });

  const perRuleColumns: Column[] = r.rules.map((s) => ({ key: `r_${s.id}`, header: s.name.zh, width: 12 }));
  const countRows = (groups: Record<string, number>, of: (h: ReviewHit) => string[]) =>
    Object.entries(groups)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([id, total]) => {
        const row: Record<string, unknown> = { id, total };
        for (const s of r.rules) row[`r_${s.id}`] = r.hits.filter((h) => h.rule === s.id && of(h).includes(id)).length || null;
        return row;
      });
  sheets.push({
    name: '按单位',
    title: [head[0]!],
    columns: [{ key: 'id', header: '单位编码', width: 12 }, { key: 'name', header: '单位', width: 16 }, { key: 'total', header: '合计', width: 8 }, ...perRuleColumns],
    rows: countRows(r.by_unit, (h) => [h.unit_id ?? UNRESOLVED_UNIT]).map((row) => ({ ...row, name: unitLabel(r, row.id as string) })),
  });
  sheets.push({
    name: '按人员',
    title: [head[0]!, '按人员编号统计（姓名见各规则明细）。'],
    columns: [{ key: 'id', header: '人员编号', width: 12 }, { key: 'total', header: '合计', width: 8 }, ...perRuleColumns],
    rows: countRows(r.by_officer, (h) => h.officer_ids),
  });

  r.rules.forEach((s, i) => {
    const hits = r.hits.filter((h) => h.rule === s.id).map((h) => displayHit(h, s, opts));
    const title = [
      `${s.name.zh}（${s.id}）· 严重程度：${s.severity} · 命中 ${s.hits} 条`,
      `法律依据：${s.basis}`,
      `为什么需要关注：${s.explanation}`,
      ...(s.params && Object.keys(s.params).length ? [`阈值参数：${paramsText(s.params)}`] : []),
      ...(hits.length ? [] : ['本期没有命中。']),
      masked ? '个人信息已脱敏。' : '含未脱敏的个人信息。',
    ];
    sheets.push({
      name: `${String(i + 1).padStart(2, '0')} ${s.name.zh}`,
      title,
      columns: [
        { key: '_n', header: '序号', width: 6 },
        { key: '_ref', header: '线索号', width: 12 },
        { key: '_unit', header: '责任单位', width: 14 },
        { key: '_summary', header: '摘要', width: 60 },
        { key: '_status', header: '核查状态', width: 10 },
        { key: '_note', header: '核查意见', width: 30 },
        { key: '_reviewer', header: '核查人', width: 10 },
        { key: '_updated', header: '标记时间', width: 20 },
        { key: '_previous', header: '上期核查结论', width: 30 },
        ...s.evidence_columns.map((c) => ({ key: `e_${c}`, header: c, width: Math.max(10, Math.min(30, c.length * 2 + 4)) })),
      ],
      rows: hits.map((h, k) => {
        const row: Record<string, unknown> = {
          _n: k + 1,
          _ref: h.ref,
          _unit: unitLabel(r, h.unit_id ?? UNRESOLVED_UNIT),
          _summary: h.summary,
          _status: h.mark?.status ?? '未标记',
          _note: h.mark?.note ?? null,
          _reviewer: h.mark?.reviewer ?? null,
          _updated: h.mark?.updated_at ?? null,
          _previous: h.previous_mark ? previousMarkText(h.previous_mark) : null,
        };
        for (const c of s.evidence_columns) row[`e_${c}`] = h.evidence[c] ?? null;
        return row;
      }),
    });
  });
  return sheets;
}

/** Writes the XLSX evidence pack. Personal data is masked unless `unmask` is true. */
export async function writeEvidencePack(r: ReviewResult, path: string, opts: MaskOptions = {}): Promise<void> {
  await writeXlsx(path, evidenceSheets(r, opts));
}


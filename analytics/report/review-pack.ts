// 问题线索汇总 (the review pack) for discipline-inspection reviewers: the red-flag summary by rule and by
// unit, then every hit with its evidence record — personal data masked unless asked otherwise.
import { evidenceSheets, type ReviewResult, type Severity } from '../review/index.js';
import { ruleAdvice } from './advice.js';
import { countyName, periodTitle, rangeZh, signatureDate, type ReportContext } from './common.js';
import { int } from './format.js';
import { autoWidths, cell, DocBuilder, safeFileStem, type Cell, type ReportDoc } from './model.js';
import { listZh, sentence } from './narrative.js';
import { evidenceText, evidenceValue, maskedText, shownEvidence, unitLabel } from './review-source.js';

const SEVERITIES: Severity[] = ['高', '中', '低'];
/** More evidence rows than this per rule go to the XLSX only. */
export const MAX_EVIDENCE_ROWS = 200;

export function buildReviewPack(ctx: ReportContext, review: ReviewResult): ReportDoc {
  const { run } = ctx;
  const cname = countyName(run);
  const pt = periodTitle(run);
  const unitName = (id: string | null) => unitLabel(run, review, id);
  const b = new DocBuilder();
  const rules = review.rules;
  const withHits = rules.filter((r) => r.hits > 0);
  const total = review.hits.length;
  let tab = 0;

  b.p(
    `根据《嵊泗县“大综合一体化”行政执法改革实施方案》（嵊政发〔2021〕11号）关于“强化与纪委监委、法院、检察院的监督协作”的要求，依据${rules.length}条问题线索规则，对${rangeZh(review.period)}全县行政执法数据进行了比对排查。现将问题线索汇总如下。`,
  );
  b.styled('note', '说明：问题线索是数据比对的结果，需经核查方能认定；核查时请以原始案卷和系统记录为准。');
  b.styled(
    'note',
    ctx.unmask
      ? '本材料含未脱敏的个人信息，仅限核查人员使用，不得复制、外传。'
      : '本材料中的个人信息已作脱敏处理：姓名仅保留姓氏，身份证号码、电话号码隐去中间位。',
  );
  b.styled('note', `规则集：${review.rules_id}${review.rules_version ? `（版本${review.rules_version}）` : ''}，SHA-256：${review.rules_sha256}。`);

  // 一、总体情况
  b.heading(1, '总体情况');
  const bySev = SEVERITIES.map((s) => [s, review.hits.filter((h) => rules.find((r) => r.id === h.rule)?.severity === s).length] as const).filter(([, n]) => n > 0);
  const unitsHit = Object.entries(review.by_unit).filter(([, n]) => n > 0).sort((a, z) => z[1] - a[1]);
  const officers = Object.keys(review.by_officer).filter((k) => review.by_officer[k]! > 0);
  const marks = review.hits.filter((h) => h.mark);
  b.p(
    total
      ? sentence(
          `共排查出问题线索${int(total)}条`,
          bySev.length ? `其中${bySev.map(([s, n]) => `${s}风险${int(n)}条`).join('、')}` : null,
          `涉及${withHits.length}类问题、${unitsHit.length}个单位${officers.length ? `、${int(officers.length)}名执法人员` : ''}`,
        )
      : '本期排查未发现问题线索。',
    unitsHit.length ? `线索较多的单位为${listZh(unitsHit.slice(0, 3).map(([id, n]) => `${unitName(id)}（${int(n)}条）`))}。` : null,
    marks.length
      ? `目前已核查${int(marks.filter((h) => h.mark!.status !== '待核查').length)}条，其中核实${int(marks.filter((h) => h.mark!.status === '已核实').length)}条、排除${int(marks.filter((h) => h.mark!.status === '已排除').length)}条。`
      : total
        ? '以上线索均待核查。'
        : null,
  );
  {
    const tn = `表${++tab}`;
    b.table({
      id: 'rules',
      caption: `${tn}  问题线索分类汇总`,
      columns: [
        { header: '序号', width: 6, align: 'center' },
        { header: '线索类型', width: 28 },
        { header: '依据', width: 32 },
        { header: '风险等级', width: 9, align: 'center' },
        { header: '线索数', width: 9, align: 'center' },
        { header: '涉及单位', width: 16 },
      ],
      rows: rules.map((r, i) => {
        const us = Object.entries(r.units).filter(([, n]) => n > 0);
        return [
          cell(String(i + 1), { align: 'center' }),
          cell(r.name.zh, { value: r.id }),
          cell(r.basis),
          cell(r.severity, { align: 'center', bold: r.severity === '高' && r.hits > 0 }),
          cell(int(r.hits), { align: 'center', value: r.hits }),
          cell(us.length ? us.map(([id, n]) => `${unitName(id)}${n}`).join('、') : '—'),
        ];
      }),
      dense: true,
    });
  }
  if (unitsHit.length) {
    const tn = `表${++tab}`;
    b.table({
      id: 'units',
      caption: `${tn}  各单位问题线索分布`,
      columns: [
        { header: '单位', width: 20 },
        { header: '线索数', width: 10, align: 'center' },
        ...SEVERITIES.map((s) => ({ header: `${s}风险`, width: 9, align: 'center' as const })),
        { header: '主要类型', width: 40 },
      ],
      rows: unitsHit.map(([id, n]) => {
        const mine = review.hits.filter((h) => h.unit_id === id);
        const byRule = new Map<string, number>();
        for (const h of mine) byRule.set(h.rule, (byRule.get(h.rule) ?? 0) + 1);
        return [
          cell(unitName(id), { value: id }),
          cell(int(n), { align: 'center', value: n }),
          ...SEVERITIES.map((s) => cell(int(mine.filter((h) => rules.find((r) => r.id === h.rule)?.severity === s).length), { align: 'center' })),
          cell([...byRule].sort((a, z) => z[1] - a[1]).slice(0, 3).map(([rid, k]) => `${rules.find((r) => r.id === rid)?.name.zh ?? rid}${k}`).join('、')),
        ];
      }),
      dense: true,
    });
  }

  // 二、线索明细
  if (withHits.length) {
    b.heading(1, '线索明细');
    for (const r of withHits) {
      const hits = review.hits.filter((h) => h.rule === r.id);
      b.heading(2, `${r.name.zh}（${int(hits.length)}条）`);
      b.p(sentence(r.explanation.replace(/。$/, ''), r.basis ? `依据：${r.basis}` : null));
      const shown = hits.slice(0, MAX_EVIDENCE_ROWS);
      const cols = r.evidence_columns.length ? r.evidence_columns : Object.keys(hits[0]?.evidence ?? {});
      const tn = `表${++tab}`;
      const evCols = cols.filter((c) => !/^执法主体$/.test(c));
      const rows = shown.map((h, i) => {
        const rec = shownEvidence(h, r, ctx.unmask);
        const row: Cell[] = [
          cell(String(i + 1), { align: 'center' }),
          cell(unitName(h.unit_id), { value: h.unit_id }),
          ...evCols.map((c) => cell(evidenceValue(rec[c]) || '—', { value: typeof rec[c] === 'number' ? (rec[c] as number) : evidenceValue(rec[c]) })),
          cell(h.mark?.status ?? '待核查', { align: 'center' }),
        ];
        return row;
      });
      const headers = ['序号', '单位', ...evCols, '核查状态'];
      const widths = autoWidths(headers, rows, 3, 16);
      // A table as wide as the page allows (about 42 characters of 五号 across 156 mm); wider
      // evidence goes into one column as "列：值；…" next to the hit's summary.
      const wide = widths.reduce((a, w) => a + w, 0) > 48;
      const compactRows = (): Cell[][] =>
        shown.map((h, i) => [
          cell(String(i + 1), { align: 'center' }),
          cell(unitName(h.unit_id), { value: h.unit_id }),
          cell(ctx.unmask ? h.summary : maskedText(h.summary, h, r)),
          cell(evidenceText(h, r, { unmask: ctx.unmask, skip: /^执法主体$/ })),
          cell(h.mark?.status ?? '待核查', { align: 'center' }),
        ]);
      b.table({
        id: `hits_${r.id}`,
        caption: `${tn}  ${r.name.zh}线索明细${ctx.unmask ? '' : '（已脱敏）'}`,
        ...(wide
          ? {
              columns: [
                { header: '序号', width: 5, align: 'center' as const },
                { header: '单位', width: 10 },
                { header: '线索摘要', width: 36 },
                { header: '证据记录', width: 40 },
                { header: '核查状态', width: 9, align: 'center' as const },
              ],
              rows: compactRows(),
            }
          : { columns: headers.map((h, i) => ({ header: h, width: widths[i]!, ...(i === 0 || i === headers.length - 1 ? { align: 'center' as const } : {}) })), rows }),
        ...(hits.length > shown.length ? { note: `注：共${int(hits.length)}条，此处列出前${MAX_EVIDENCE_ROWS}条，全部明细见同名XLSX文件。` } : {}),
        dense: true,
      });
    }
  }

  // 三、核查建议
  b.heading(1, '核查处理建议');
  if (withHits.length) {
    for (const r of [...withHits].sort((a, z) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(z.severity) || z.hits - a.hits)) {
      b.p(`${r.name.zh}：${ruleAdvice(r.id, r.name.zh, r.basis)}`);
    }
  }
  b.p('核查结果请在执法体检工作台中逐条标注（已核实／已排除）并填写核查说明，作为下一评估周期复核和考评的依据。');

  b.signature(ctx.issuer, signatureDate(ctx));

  return {
    kind: 'review',
    title: `${cname}${pt}行政执法问题线索汇总`,
    subtitle: ctx.issuer,
    marking: '内部资料　注意保密',
    issuer: ctx.issuer,
    date: ctx.date,
    fileStem: safeFileStem(`${cname}${pt}行政执法问题线索汇总${ctx.unmask ? '（未脱敏）' : ''}`),
    meta: { runId: run.run_id, period: review.period.label, subject: `${cname}${pt}行政执法问题线索`, keywords: ['问题线索', '执法监督', cname, review.period.label] },
    blocks: b.blocks,
    // The XLSX is the review engine's own evidence pack (汇总, 按单位, 按人员, one sheet per rule),
    // with free text (summaries, reviewers' notes) masked too.
    sheets: evidenceSheets(ctx.unmask ? review : withMaskedText(review), { unmask: ctx.unmask }),
  };
}

/** The review with its free text masked: hit summaries and reviewers' notes (see maskedText). */
export function withMaskedText(review: ReviewResult): ReviewResult {
  const rules = new Map(review.rules.map((r) => [r.id, r]));
  return {
    ...review,
    hits: review.hits.map((h) => {
      const r = rules.get(h.rule);
      return { ...h, summary: maskedText(h.summary, h, r), mark: h.mark ? { ...h.mark, note: maskedText(h.mark.note, h, r) } : null };
    }),
  };
}

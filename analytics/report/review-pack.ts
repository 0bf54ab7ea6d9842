// 问题线索汇总 (the review pack) for discipline-inspection reviewers: addressed to the county's
// discipline-inspection and supervisory commissions; the clues by rule, by unit and by officer, then
// every clue with its tracking number (线索编号, the same in the unit reports) and evidence record,
// and a suggested handling per clue from its risk level and review status. Natural persons are masked
// unless asked otherwise; businesses are shown. The wording stays neutral: a clue is a result of
// comparing data, to be verified, not a finding.
import { evidenceSheets, maskedText, withMaskedText, type ReviewHit, type ReviewResult, type ReviewRuleSummary, type Severity } from '../review/index.js';
import { previousMarkText } from '../review/export.js';
import type { Sheet } from '../export/tabular.js';
import { addDays, beforeZh, countyName, issuerShort, periodTitle, rangeZh, reviewRecipient, signatureDate, type ReportContext } from './common.js';
import { dateZh, int } from './format.js';
import { clipName } from '../charts/text.js';
import { autoWidths, cell, DocBuilder, nameCell, safeFileStem, type Cell, type ReportDoc } from './model.js';
import { listZh, namesZh, sentence } from './narrative.js';
import { evidenceText, evidenceValue, hitId, shownEvidence, trackingNumbers, unitLabel, zhDates } from './review-source.js';

const SEVERITIES: Severity[] = ['高', '中', '低'];
/** More evidence rows than this per rule go to the XLSX only. */
export const MAX_EVIDENCE_ROWS = 200;

/**
 * The suggested handling of a clue from its risk level and review status: clues not yet verified are
 * looked into (by the unit, by letter, by reading the files), verified ones are handled according to
 * their weight, excluded ones are closed.
 */
export function suggestedHandling(severity: Severity, status: '待核查' | '已核实' | '已排除' | null): string {
  switch (status ?? '待核查') {
    case '已排除':
      return '予以了结，留存核查记录';
    case '已核实':
      return severity === '高' ? '移送有权机关依规依纪依法处理' : severity === '中' ? '对相关责任人谈话提醒，责令整改' : '责令所在单位整改并报告结果';
    case '待核查':
      return severity === '高' ? '调阅案卷核实，必要时函询所在单位' : severity === '中' ? '函询所在单位，限期书面说明情况' : '由所在单位自查并说明情况';
    default:
      return '由所在单位自查并说明情况';
  }
}

export function buildReviewPack(ctx: ReportContext, review: ReviewResult): ReportDoc {
  const { run } = ctx;
  const cname = countyName(run);
  const pt = periodTitle(run);
  const unitName = (id: string | null) => unitLabel(run, review, id);
  const b = new DocBuilder();
  const rules = review.rules;
  const ruleOf = new Map<string, ReviewRuleSummary>(rules.map((r) => [r.id, r]));
  const withHits = rules.filter((r) => r.hits > 0);
  const total = review.hits.length;
  const numbers = trackingNumbers(review);
  const no = (h: ReviewHit) => numbers.get(hitId(h)) ?? '—';
  const sevOf = (h: ReviewHit): Severity => ruleOf.get(h.rule)?.severity ?? '低';
  const ordered = [...review.hits].sort((a, z) => no(a).localeCompare(no(z)));
  const office = issuerShort(ctx);
  let tab = 0;

  b.recipient(reviewRecipient(run));
  b.p(
    `根据《嵊泗县“大综合一体化”行政执法改革实施方案》（嵊政发〔2021〕11号）关于“强化与纪委监委、法院、检察院的监督协作”的要求，${office}依据${rules.length}条问题线索规则，对${rangeZh(review.period)}全县行政执法数据进行了比对排查。现将问题线索汇总送上，请按程序核查处理。`,
  );
  b.styled('note', '说明：问题线索是数据比对的结果，不是对任何单位或个人的认定，需经核查方能定性；核查时请以原始案卷和系统记录为准。');
  b.styled(
    'note',
    ctx.unmask
      ? '本材料含未脱敏的个人信息，仅限核查人员使用，不得复制、外传。'
      : '本材料中自然人的个人信息已作脱敏处理：姓名仅保留姓氏，身份证号码、电话号码隐去中间位（问题描述、核查意见等文字中写到的号码同样处理）；企业等单位名称照常显示，以便区分核查对象。文字中写到的姓名无法可靠识别，未作脱敏，外传前请核看。',
  );
  b.styled('note', `规则集版本${review.rules_version ?? '—'}，SHA-256校验值：${review.rules_sha256}。线索编号与各单位体检报告一致。`);

  // 一、总体情况
  b.heading(1, '总体情况');
  const bySev = SEVERITIES.map((s) => [s, review.hits.filter((h) => sevOf(h) === s).length] as const).filter(([, n]) => n > 0);
  const unitsHit = Object.entries(review.by_unit).filter(([, n]) => n > 0).sort((a, z) => z[1] - a[1]);
  const officers = Object.entries(review.by_officer).filter(([, n]) => n > 0).sort((a, z) => z[1] - a[1] || a[0].localeCompare(z[0]));
  const marks = review.hits.filter((h) => h.mark);
  const withPrevious = review.hits.filter((h) => h.previous_mark).length;
  // 上期核查结论 as the XLSX pack writes it (2023年：已排除（note）), the note masked like the summaries
  const previousCell = (h: ReviewHit, r: ReviewRuleSummary) => {
    const p = h.previous_mark;
    return cell(p ? previousMarkText(ctx.unmask ? p : { ...p, note: maskedText(p.note, h, r) }) : '—');
  };
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
    // an earlier period's conclusion on the same record is history, not this period's status (F16)
    withPrevious ? `其中${int(withPrevious)}条线索的同一记录在以前期间已有核查结论，见线索明细“上期核查结论”栏，仅供参考，本期线索仍需按本期情况核查。` : null,
  );
  {
    const tn = `表${++tab}`;
    const tn2 = unitsHit.length ? `表${tab + 1}` : null;
    const tn3 = officers.length ? `表${tab + (tn2 ? 2 : 1)}` : null;
    b.lead(`线索按类型、单位和执法人员的分布见${listZh([tn, tn2, tn3].filter((x): x is string => !!x))}。`);
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
          cell(us.length ? us.map(([id, n]) => `${clipName(unitName(id))}${n}条`).join('、') : '—'),
        ];
      }),
      dense: true,
    });
  }
  const mainTypes = (hits: ReviewHit[]) => {
    const byRule = new Map<string, number>();
    for (const h of hits) byRule.set(h.rule, (byRule.get(h.rule) ?? 0) + 1);
    return [...byRule].sort((a, z) => z[1] - a[1]).slice(0, 3).map(([rid, k]) => `${ruleOf.get(rid)?.name.zh ?? rid}${k}条`).join('、');
  };
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
        const mine = review.hits.filter((h) => (h.unit_id ?? 'UNRESOLVED') === id);
        return [
          nameCell(unitName(id), { value: id }),
          cell(int(n), { align: 'center', value: n }),
          ...SEVERITIES.map((s) => cell(int(mine.filter((h) => sevOf(h) === s).length), { align: 'center' })),
          cell(mainTypes(mine)),
        ];
      }),
      dense: true,
    });
  }
  if (officers.length) {
    const tn = `表${++tab}`;
    b.table({
      id: 'officers',
      caption: `${tn}  执法人员问题线索分布`,
      columns: [
        { header: '人员编号', width: 14, align: 'center' },
        { header: '所属单位', width: 16 },
        { header: '线索数', width: 9, align: 'center' },
        ...SEVERITIES.map((s) => ({ header: `${s}风险`, width: 8, align: 'center' as const })),
        { header: '线索编号', width: 18 },
      ],
      rows: officers.map(([id, n]) => {
        const mine = ordered.filter((h) => h.officer_ids.includes(id));
        const unitsOf = [...new Set(mine.map((h) => clipName(unitName(h.unit_id))))];
        return [
          cell(id, { align: 'center' }),
          cell(unitsOf.join('、')),
          cell(int(n), { align: 'center', value: n }),
          ...SEVERITIES.map((s) => cell(int(mine.filter((h) => sevOf(h) === s).length), { align: 'center' })),
          cell(mine.map(no).join('\n')),
        ];
      }),
      note: '注：按人员编号统计，姓名见各类线索明细（已脱敏）；一条线索涉及多名执法人员的，计入每一名人员。',
      dense: true,
    });
  }

  // 二、线索明细
  if (withHits.length) {
    b.heading(1, '线索明细');
    for (const r of withHits) {
      const hits = ordered.filter((h) => h.rule === r.id);
      b.heading(2, `${r.name.zh}（${int(hits.length)}条）`);
      const tn = `表${tab + 1}`;
      b.lead(`${r.explanation.replace(/\s+/g, '')}${/[。！？]$/.test(r.explanation.trim()) ? '' : '。'}`, r.basis ? `${r.name.zh}的判定依据为${r.basis}。` : null, `明细见${tn}。`);
      tab++;
      const shown = hits.slice(0, MAX_EVIDENCE_ROWS);
      const cols = r.evidence_columns.length ? r.evidence_columns : Object.keys(hits[0]?.evidence ?? {});
      const evCols = cols.filter((c) => !/^执法主体$/.test(c));
      // the column only where a clue of the rule has an earlier period's conclusion
      const prev = hits.some((h) => h.previous_mark);
      const rows = shown.map((h) => {
        const rec = shownEvidence(h, r, ctx.unmask);
        const row: Cell[] = [
          cell(no(h), { align: 'center' }),
          nameCell(unitName(h.unit_id), { value: h.unit_id }),
          ...evCols.map((c) => cell(zhDates(evidenceValue(rec[c])) || '—', { value: typeof rec[c] === 'number' ? (rec[c] as number) : evidenceValue(rec[c]) })),
          cell(h.mark?.status ?? '待核查', { align: 'center' }),
          ...(prev ? [previousCell(h, r)] : []),
        ];
        return row;
      });
      const headers = ['线索编号', '单位', ...evCols, '核查状态', ...(prev ? ['上期核查结论'] : [])];
      const widths = autoWidths(headers, rows, 3, 16);
      // A table as wide as the page allows (about 42 characters of 五号 across 156 mm); wider
      // evidence goes into one column as "列：值；…" next to the hit's summary.
      const wide = widths.reduce((a, w) => a + w, 0) > 48;
      const compactRows = (): Cell[][] =>
        shown.map((h) => [
          cell(no(h), { align: 'center' }),
          nameCell(unitName(h.unit_id), { value: h.unit_id }),
          cell(zhDates(ctx.unmask ? h.summary : maskedText(h.summary, h, r))),
          cell(zhDates(evidenceText(h, r, { unmask: ctx.unmask, skip: /^执法主体$/, separator: '\n' }))),
          cell(h.mark?.status ?? '待核查', { align: 'center' }),
          ...(prev ? [previousCell(h, r)] : []),
        ]);
      b.table({
        id: `hits_${r.id}`,
        caption: `${tn}  ${r.name.zh}线索明细${ctx.unmask ? '' : '（已脱敏）'}`,
        ...(wide
          ? {
              columns: [
                { header: '线索编号', width: 10, align: 'center' as const },
                { header: '单位', width: 10 },
                { header: '线索摘要', width: prev ? 26 : 34 },
                { header: '证据记录', width: prev ? 27 : 37 },
                { header: '核查状态', width: 9, align: 'center' as const },
                ...(prev ? [{ header: '上期核查结论', width: 18 }] : []),
              ],
              rows: compactRows(),
            }
          : { columns: headers.map((h, i) => ({ header: h, width: widths[i]!, ...(i === 0 || i === headers.length - 1 ? { align: 'center' as const } : {}) })), rows }),
        ...(hits.length > shown.length ? { note: `注：共${int(hits.length)}条，此处列出前${MAX_EVIDENCE_ROWS}条，全部明细见同名XLSX文件。` } : {}),
        dense: true,
      });
    }
  }

  // 三、核查处理建议
  b.heading(1, '核查处理建议');
  if (total) {
    const high = ordered.filter((h) => sevOf(h) === '高' && (h.mark?.status ?? '待核查') === '待核查');
    const tn = `表${tab + 1}`;
    b.lead(
      '根据线索的风险等级和核查状态，提出以下处理建议：待核查的高风险线索调阅案卷核实，中风险线索函询所在单位，低风险线索由所在单位自查说明；已核实的线索视情节谈话提醒、责令整改或移送处理；已排除的线索予以了结。',
      high.length ? `其中待核查的高风险线索${int(high.length)}条（${namesZh(high.map(no), 4, '条')}）建议优先核查。` : null,
      `逐条建议见${tn}。`,
    );
    tab++;
    b.table({
      id: 'handling',
      caption: `${tn}  问题线索处理建议`,
      columns: [
        { header: '线索编号', width: 12, align: 'center' },
        { header: '单位', width: 12 },
        { header: '线索类型', width: 24 },
        { header: '风险等级', width: 8, align: 'center' },
        { header: '核查状态', width: 9, align: 'center' },
        { header: '建议处理方式', width: 28 },
      ],
      rows: ordered.map((h) => [
        cell(no(h), { align: 'center' }),
        nameCell(unitName(h.unit_id), { value: h.unit_id }),
        cell(ruleOf.get(h.rule)?.name.zh ?? h.rule),
        cell(sevOf(h), { align: 'center', bold: sevOf(h) === '高' }),
        cell(h.mark?.status ?? '待核查', { align: 'center' }),
        cell(suggestedHandling(sevOf(h), h.mark?.status ?? null)),
      ]),
      dense: true,
    });
  }
  b.p(`核查结果请在执法体检工作台中逐条标注（已核实或已排除）并填写核查说明，于${beforeZh(addDays(ctx.date, 30))}反馈${office}，作为下一评估周期复核和考评的依据。`);

  b.signature(ctx.issuer, signatureDate(ctx));
  b.imprint(null, ctx.issuer, dateZh(ctx.date));

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
    sheets: reviewSheets(ctx, review, numbers),
  };
}

/**
 * The XLSX: every clue in one sheet (tracking number, unit, type, risk, summary, status, suggested
 * handling), the counts by unit and by officer, then one sheet per rule with the evidence records
 * (the review engine's own sheets, with the tracking number added and free text masked).
 */
function reviewSheets(ctx: ReportContext, review: ReviewResult, numbers: Map<string, string>): Sheet[] {
  const rv = ctx.unmask ? review : withMaskedText(review);
  const rules = new Map(rv.rules.map((r) => [r.id, r]));
  const ordered = [...rv.hits].sort((a, z) => (numbers.get(hitId(a)) ?? '').localeCompare(numbers.get(hitId(z)) ?? ''));
  const title = `${countyName(ctx.run)}${periodTitle(ctx.run)}行政执法问题线索${ctx.unmask ? '（含未脱敏个人信息）' : '（个人信息已脱敏）'}`;
  // (the engine's sheets mask the free text themselves)
  const engine = evidenceSheets(review, { unmask: ctx.unmask });
  const perRule = engine.slice(3).map((s, i) => {
    const r = rv.rules[i]!;
    const byRef = new Map(rv.hits.filter((h) => h.rule === r.id).map((h) => [h.ref ?? '', numbers.get(hitId(h)) ?? '']));
    return {
      ...s,
      title: [`${r.name.zh}（风险等级：${r.severity}；依据：${r.basis}）`],
      columns: [{ key: '_no', header: '线索编号', width: 14 }, ...s.columns.filter((c) => c.key !== '_n')],
      rows: [...(s.rows as Array<Record<string, unknown>>)].map((row) => ({ ...row, _no: byRef.get(String(row._ref ?? '')) ?? null })),
    };
  });
  return [
    {
      name: '线索清单',
      title: [title],
      columns: [
        { key: 'no', header: '线索编号', width: 14 },
        { key: 'unit', header: '单位', width: 14 },
        { key: 'rule', header: '线索类型', width: 26 },
        { key: 'severity', header: '风险等级', width: 8 },
        { key: 'summary', header: '线索摘要', width: 70 },
        { key: 'status', header: '核查状态', width: 10 },
        { key: 'previous', header: '上期核查结论', width: 30 },
        { key: 'handling', header: '建议处理方式', width: 30 },
        { key: 'officers', header: '执法人员编号', width: 18 },
        { key: 'basis', header: '依据', width: 40 },
      ],
      rows: ordered.map((h) => {
        const r = rules.get(h.rule);
        return {
          no: numbers.get(hitId(h)) ?? '',
          unit: unitLabel(ctx.run, rv, h.unit_id),
          rule: r?.name.zh ?? h.rule,
          severity: r?.severity ?? '',
          summary: h.summary,
          status: h.mark?.status ?? '待核查',
          previous: h.previous_mark ? previousMarkText(h.previous_mark) : null,
          handling: suggestedHandling(r?.severity ?? '低', h.mark?.status ?? null),
          officers: h.officer_ids.join('、'),
          basis: r?.basis ?? '',
        };
      }),
    },
    ...engine.slice(1, 3).map((s) => ({ ...s, title: [title] })),
    ...perRule,
  ];
}

// 问题线索汇总 (the review pack) for discipline-inspection reviewers: the red-flag summary by rule and by
// unit, then every hit with its evidence record — personal data masked unless asked otherwise.
import type { Sheet } from '../export/tabular.js';
import { maskRecord } from '../privacy/mask.js';
import type { ReviewHit, ReviewResult, Severity } from '../review/types.js';
import { ruleAdvice } from './advice.js';
import { countyName, periodTitle, rangeZh, signatureDate, type ReportContext } from './common.js';
import { int } from './format.js';
import { autoWidths, cell, DocBuilder, safeFileStem, type Cell, type ReportDoc } from './model.js';
import { listZh, sentence } from './narrative.js';
import { evidenceValue, isRedLineReview, maskedSummary } from './review-source.js';

const SEVERITIES: Severity[] = ['高', '中', '低'];
/** More evidence rows than this per rule go to the XLSX only. */
export const MAX_EVIDENCE_ROWS = 200;

export function buildReviewPack(ctx: ReportContext, review: ReviewResult): ReportDoc {
  const { run } = ctx;
  const cname = countyName(run);
  const pt = periodTitle(run);
  const unitName = (id: string | null) => (id ? (run.entities.find((e) => e.entity_id === id)?.short_name ?? id) : '未能识别单位');
  const b = new DocBuilder();
  const redline = isRedLineReview(review);
  const rules = review.rules;
  const withHits = rules.filter((r) => r.hits > 0);
  const total = review.hits.length;
  let tab = 0;

  b.p(
    `根据《嵊泗县“大综合一体化”行政执法改革实施方案》（嵊政发〔2021〕11号）关于“强化与纪委监委、法院、检察院的监督协作”的要求，依据${redline ? `评估指标体系确定的${rules.length}条法定红线` : `${rules.length}条问题线索规则`}，对${rangeZh(review.period)}全县行政执法数据进行了比对排查。现将问题线索汇总如下。`,
  );
  b.styled('note', '说明：问题线索是数据比对的结果，需经核查方能认定；核查时请以原始案卷和系统记录为准。');
  b.styled(
    'note',
    ctx.unmask
      ? '本材料含未脱敏的个人信息，仅限核查人员使用，不得复制、外传。'
      : '本材料中的个人信息已作脱敏处理：姓名仅保留姓氏，身份证号码、电话号码隐去中间位。',
  );
  if (redline) b.styled('note', `本汇总依据评估批次第${run.run_id}号的法定红线明细生成（尚未提供问题线索规则引擎的排查结果）。`);

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
        const rec = ctx.unmask ? h.evidence : maskRecord(h.evidence, r.personal_columns);
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
      b.table({
        id: `hits_${r.id}`,
        caption: `${tn}  ${r.name.zh}线索明细${ctx.unmask ? '' : '（已脱敏）'}`,
        columns: headers.map((h, i) => ({ header: h, width: widths[i]!, ...(i === 0 || i === headers.length - 1 ? { align: 'center' as const } : {}) })),
        rows,
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
    sheets: reviewSheets(ctx, review, unitName),
  };
}

function reviewSheets(ctx: ReportContext, review: ReviewResult, unitName: (id: string | null) => string): Sheet[] {
  const title = [`问题线索 · ${review.period.label} · 规则 ${review.rules_id}（SHA-256 ${review.rules_sha256}）${ctx.unmask ? ' · 含个人信息，注意保密' : ' · 个人信息已脱敏'}`];
  const sheets: Sheet[] = [
    {
      name: '线索汇总',
      title,
      columns: [
        { key: 'id', header: '规则编码', width: 26 },
        { key: 'name', header: '线索类型', width: 30 },
        { key: 'severity', header: '风险等级', width: 8 },
        { key: 'hits', header: '线索数' },
        { key: 'basis', header: '依据', width: 40 },
        { key: 'explanation', header: '说明', width: 60 },
      ],
      rows: review.rules.map((r) => ({ ...r, name: r.name.zh })),
    },
    {
      name: '各单位分布',
      title,
      columns: [
        { key: 'unit_id', header: '单位编码', width: 10 },
        { key: 'unit', header: '单位', width: 16 },
        { key: 'hits', header: '线索数' },
        ...review.rules.map((r) => ({ key: `r_${r.id}`, header: r.name.zh, width: 14 })),
      ],
      rows: Object.entries(review.by_unit).map(([id, n]) => ({
        unit_id: id,
        unit: unitName(id),
        hits: n,
        ...Object.fromEntries(review.rules.map((r) => [`r_${r.id}`, r.units[id] ?? 0])),
      })),
    },
  ];
  for (const r of review.rules.filter((x) => x.hits > 0)) {
    const hits = review.hits.filter((h) => h.rule === r.id);
    const cols = r.evidence_columns.length ? r.evidence_columns : Object.keys(hits[0]?.evidence ?? {});
    sheets.push({
      name: r.name.zh,
      title: [...title, `${r.name.zh}（${r.basis}）`],
      columns: [
        { key: '__unit', header: '单位', width: 14 },
        { key: '__key', header: '线索编号', width: 24 },
        ...cols.map((c) => ({ key: `e_${c}`, header: c, width: 16 })),
        { key: '__summary', header: '摘要', width: 40 },
        { key: '__status', header: '核查状态', width: 10 },
        { key: '__note', header: '核查说明', width: 30 },
      ],
      rows: hits.map((h: ReviewHit) => {
        const rec = ctx.unmask ? h.evidence : maskRecord(h.evidence, r.personal_columns);
        return {
          __unit: unitName(h.unit_id),
          __key: h.hit_key,
          ...Object.fromEntries(cols.map((c) => [`e_${c}`, rec[c] instanceof Date ? evidenceValue(rec[c]) : typeof rec[c] === 'boolean' ? evidenceValue(rec[c]) : (rec[c] ?? null)])),
          __summary: ctx.unmask ? h.summary : maskedSummary(h.summary, h, r),
          __status: h.mark?.status ?? '待核查',
          __note: h.mark ? (ctx.unmask ? h.mark.note : maskedSummary(h.mark.note, h, r)) : '',
        };
      }),
    });
  }
  return sheets;
}


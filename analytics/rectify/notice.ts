// 整改通知书: the notice a unit gets with its items — a report model in the government document
// layout, written by the report renderers (analytics/report/render/docx.ts for DOCX, the HTML one
// for PDF). Pure: built from the items, no database.
import { dateZh } from '../report/format.js';
import { cell, DocBuilder, safeFileStem, type ReportDoc } from '../report/model.js';
import { KIND_ZH, type ItemKind, type RectifyItem } from './types.js';

export interface NoticeOptions {
  unitId: string;
  unitName: string;
  /** The period the items were raised from (label). */
  period: string;
  issuer: string;
  /** ISO date of the notice. */
  date: string;
}

function periodWords(label: string): string {
  return /^\d{4}$/.test(label) ? `${label}年度` : label;
}

const KIND_ORDER: ItemKind[] = ['red_line', 'review', 'indicator'];

export function buildNotice(items: readonly RectifyItem[], o: NoticeOptions): ReportDoc {
  const sorted = [...items].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || a.item_id - b.item_id);
  const pt = periodWords(o.period);
  const office = o.issuer.replace(/^嵊泗县/, '县');
  const b = new DocBuilder();
  const count = (k: ItemKind) => sorted.filter((i) => i.kind === k).length;
  const parts = KIND_ORDER.filter((k) => count(k) > 0).map((k) => `${KIND_ZH[k]}${count(k)}个`);
  const runs = [...new Set(sorted.map((i) => i.run_id))];
  const latest = sorted.reduce((d, i) => (i.deadline > d ? i.deadline : d), '');
  const earliest = sorted.reduce((d, i) => (!d || i.deadline < d ? i.deadline : d), '');

  b.styled('flush', `${o.unitName}：`);
  b.p(
    `根据${pt}行政执法“全方位体检式”评估结果（评估批次${runs.map((r) => `#${r}`).join('、')}），你单位存在以下${sorted.length}个需要整改的问题${parts.length ? `（${parts.join('、')}）` : ''}。现将问题清单印发给你们，请严格按照整改要求和期限抓好整改落实。`,
  );

  b.heading(1, '需要整改的问题');
  b.table({
    id: 'rectify_items',
    caption: `表1  ${o.unitName}整改事项清单`,
    columns: [
      { header: '序号', width: 5, align: 'center' },
      { header: '事项编号', width: 15, align: 'center' },
      { header: '问题类型', width: 8, align: 'center' },
      { header: '问题描述', width: 33 },
      { header: '整改要求', width: 24 },
      { header: '整改期限', width: 15, align: 'center' },
    ],
    rows: sorted.map((i, k) => [
      cell(String(k + 1), { align: 'center' }),
      cell(i.code, { align: 'center', value: i.item_id }),
      cell(KIND_ZH[i.kind], { align: 'center', bold: i.kind === 'red_line' }),
      cell(i.problem),
      cell(i.requirement),
      cell(i.deadline, { align: 'center', value: i.deadline }),
    ]),
    note: '注：整改期限按问题严重程度确定，法定红线和高风险问题30日，中等问题60日，一般问题90日，自本通知印发之日起计算。',
    dense: true,
  });

  b.heading(1, '整改要求');
  b.heading(2, '逐项整改到位');
  b.p(
    '请对照问题清单逐项分析原因，制定具体整改措施，明确责任人和完成时限。触及法定红线的，要依法纠正相关案件和执法行为，并倒查制度漏洞；经核查属实的问题线索，要依纪依法处理相关责任人员。',
  );
  b.heading(2, '按期报送整改情况');
  b.p(
    `请于${earliest && latest && earliest !== latest ? `${dateZh(earliest)}至${dateZh(latest)}各事项整改期限届满前` : latest ? `${dateZh(latest)}前` : '整改期限届满前'}，在随本通知下发的《整改情况反馈表》（Excel）中逐项填写整改状态、整改措施、完成时间、佐证材料和责任人，报送${office}。请勿改动反馈表的“事项编号”列和表头；确因客观原因不能整改的，整改状态填写“不予整改”并说明理由。`,
  );
  b.heading(2, '跟踪复核');
  b.p(
    '逾期未整改的事项将予以通报。已整改的事项，将在下一评估周期用数据逐项复核：指标仍未达标、再次触及红线或问题线索再次出现的，视为问题复发，重新列入整改。整改完成率和问题复发率纳入下一年度执法绩效评估。',
  );
  b.signature(o.issuer, dateZh(o.date));

  return {
    kind: 'unit',
    title: `关于${o.unitName}\n${pt}行政执法体检问题限期整改的通知`,
    issuer: o.issuer,
    date: o.date,
    fileStem: safeFileStem(`整改通知书_${o.unitId}_${o.unitName}_${o.period}`),
    meta: { runId: runs[0] ?? 0, period: o.period, subject: `${o.unitName}${pt}行政执法体检问题整改通知`, keywords: ['执法体检', '整改通知书', o.unitName, o.period] },
    blocks: b.blocks,
    sheets: [
      {
        name: '整改事项',
        columns: [
          { key: 'code', header: '事项编号', width: 11 },
          { key: 'kind', header: '问题类型', width: 10 },
          { key: 'problem', header: '问题描述', width: 60 },
          { key: 'requirement', header: '整改要求', width: 50 },
          { key: 'deadline', header: '整改期限', width: 12 },
        ],
        rows: sorted.map((i) => ({ code: i.code, kind: KIND_ZH[i.kind], problem: i.problem, requirement: i.requirement, deadline: i.deadline })),
      },
    ],
  };
}

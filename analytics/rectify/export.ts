// Files out of the ledger: per unit the 整改通知书 (DOCX) and its feedback template (XLSX), and
// the 整改台账 (XLSX) for the supervision office — every item with its status, the counts by unit,
// the history of changes. 责任人 is masked unless unmasking is asked for; every text cell is
// written safe from formula injection (writeXlsx).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Db } from '../db/duck.js';
import { writeXlsx, type Sheet } from '../export/tabular.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { TijianError } from '../i18n/errors.js';
import { maskName, maskNumbersInText } from '../privacy/mask.js';
import { DEFAULT_ISSUER } from '../report/common.js';
import { dateZh } from '../report/format.js';
import { safeFileStem } from '../report/model.js';
import { asOfDate, countItems, FIELD_ZH, listItems, type ItemState } from './ledger.js';
import { formSecret } from './form-sign.js';
import { buildNotice } from './notice.js';
import { writeFeedbackTemplate } from './template.js';
import { KIND_ZH, OUTCOMES, STATUSES, type RectifyEvent, type RectifyItem } from './types.js';

export interface UnitFiles {
  unit_id: string;
  unit_name: string;
  items: number;
  notice: string;
  template: string;
}

export interface ExportOptions {
  /** Items raised from this period (label); default: the newest period with items. */
  period?: string;
  /** These units (ids or names); default: every unit with items of the period. */
  units?: readonly string[];
  issuer?: string;
  /** The notices' date (default: the day the items were issued). */
  date?: string;
  unmask?: boolean;
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** The newest period the ledger has items of. */
export async function newestPeriod(db: Db): Promise<string | null> {
  return (await db.scalar<string | null>(`SELECT period_label FROM rectify_item ORDER BY period_end DESC, item_id DESC LIMIT 1`)) ?? null;
}

/** Per unit: the notice (DOCX) and the feedback template (XLSX), into `dir`. */
export async function exportUnitFiles(db: Db, dir: string, o: ExportOptions = {}): Promise<UnitFiles[]> {
  const period = o.period ?? (await newestPeriod(db));
  if (!period) throw new TijianError('NOT_FOUND', '整改台账中还没有事项。请先用评估批次生成整改事项（tijian rectify create）。', 'The ledger holds no item yet. Create items from a run first (tijian rectify create).');
  const items = await listItems(db, { period });
  if (!items.length) throw new TijianError('NOT_FOUND', `整改台账中没有 ${period} 的事项。`, `The ledger holds no item of ${period}.`);
  const unitIds = [...new Set(items.map((i) => i.unit_id))].sort();
  const wanted = o.units?.length
    ? o.units.map((u) => {
        const hit = items.find((i) => i.unit_id === u || i.unit_name === u);
        if (!hit) throw new TijianError('NOT_FOUND', `单位“${u}”在 ${period} 没有整改事项。有事项的单位：${unitIds.join('、')}`, `Unit "${u}" has no item of ${period}.`);
        return hit.unit_id;
      })
    : unitIds;
  const secret = await formSecret(db);
  mkdirSync(dir, { recursive: true });
  const issuer = o.issuer ?? DEFAULT_ISSUER;
  const out: UnitFiles[] = [];
  let done = 0;
  for (const unitId of [...new Set(wanted)]) {
    if (o.signal?.aborted) throw new TijianError('IMPORT_CANCELLED', '已取消。', 'Cancelled.');
    const mine = items.filter((i) => i.unit_id === unitId).sort((a, b) => a.item_id - b.item_id);
    const unitName = mine[0]!.unit_name;
    const date = o.date ?? mine.reduce((d, i) => (i.issued_on > d ? i.issued_on : d), '');
    const stem = safeFileStem(`${unitId}_${unitName}_${period}`);
    const notice = join(dir, `整改通知书_${stem}.docx`);
    const template = join(dir, `整改反馈表_${stem}.xlsx`);
    // the DOCX writer is loaded when a notice is written (the command line's other work needs none of it)
    const { renderDocx } = await import('../report/render/docx.js');
    await writeFileAtomic(notice, await renderDocx(buildNotice(mine, { unitId, unitName, period, issuer, date })));
    await writeFeedbackTemplate(template, mine, { unitId, unitName, period, issuer, date, secret, ...(o.unmask ? { unmask: true } : {}) });
    out.push({ unit_id: unitId, unit_name: unitName, items: mine.length, notice, template });
    o.onProgress?.(++done, wanted.length);
  }
  return out;
}

const owner = (x: string | null, unmask: boolean) => (x === null ? null : unmask ? x : maskName(x));
// what units type (整改措施, 佐证材料, 不予整改理由) may hold a party's ID or phone number
const typed = (x: string | null, unmask: boolean) => (x === null || unmask ? x : maskNumbersInText(x));

/** The 整改台账: items, counts by unit, the history of changes. */
export function ledgerSheets(items: readonly RectifyItem[], events: readonly RectifyEvent[], o: { asOf: string; unmask: boolean }): Sheet[] {
  const note = o.unmask ? '含个人信息，注意保密' : '个人信息（责任人，文字中的证件号码、电话号码）已脱敏';
  const title = [`行政执法体检整改台账（截至${dateZh(o.asOf)}）`, note];
  const codes = new Map(items.map((i) => [i.item_id, i.code]));
  const unitIds = [...new Set(items.map((i) => i.unit_id))].sort();
  return [
    {
      name: '整改台账',
      title,
      columns: [
        { key: 'code', header: '事项编号', width: 11 },
        { key: 'period', header: '来源期间', width: 9 },
        { key: 'run', header: '评估批次', width: 8 },
        { key: 'unit_id', header: '单位编码', width: 9 },
        { key: 'unit', header: '责任单位', width: 24 },
        { key: 'kind', header: '问题类型', width: 9 },
        { key: 'severity', header: '严重程度', width: 8 },
        { key: 'source', header: '问题来源', width: 24 },
        { key: 'problem', header: '问题描述', width: 50 },
        { key: 'requirement', header: '整改要求', width: 40 },
        { key: 'issued', header: '下发日期', width: 11 },
        { key: 'deadline', header: '整改期限', width: 11 },
        { key: 'status', header: '状态', width: 9 },
        { key: 'overdue', header: '逾期天数', width: 8 },
        { key: 'measures', header: '整改措施', width: 36 },
        { key: 'completed', header: '完成时间', width: 11 },
        { key: 'proof', header: '佐证材料', width: 28 },
        { key: 'owner', header: '责任人', width: 9 },
        { key: 'reason', header: '不予整改理由', width: 24 },
        { key: 'check_period', header: '数据复核期间', width: 10 },
        { key: 'check', header: '复核结果', width: 9 },
        { key: 'check_detail', header: '复核说明', width: 44 },
        { key: 'records', header: '证据记录', width: 40 },
      ],
      rows: items.map((i) => ({
        code: i.code,
        period: i.period,
        run: i.run_id,
        unit_id: i.unit_id,
        unit: i.unit_name,
        kind: KIND_ZH[i.kind],
        severity: i.severity,
        source: `${i.source_name}（${i.source_id}）`,
        problem: i.problem,
        requirement: i.requirement,
        issued: i.issued_on,
        deadline: i.deadline,
        status: i.status,
        overdue: i.days_overdue || null,
        measures: typed(i.measures, o.unmask),
        completed: i.completed_on,
        proof: typed(i.proof, o.unmask),
        owner: owner(i.owner, o.unmask),
        reason: typed(i.status_reason, o.unmask),
        check_period: i.check?.period ?? null,
        check: i.check?.outcome ?? null,
        check_detail: i.check?.detail_zh ?? null,
        records: i.evidence.refs?.length ? `线索号 ${i.evidence.refs.join('、')}` : i.evidence.records?.length ? i.evidence.records.map((r) => Object.values(r).join('/')).join('、') : null,
      })),
    },
    {
      name: '按单位统计',
      title,
      columns: [
        { key: 'unit_id', header: '单位编码', width: 9 },
        { key: 'unit', header: '责任单位', width: 24 },
        { key: 'total', header: '事项数' },
        ...STATUSES.map((s) => ({ key: s, header: s })),
        { key: 'completion', header: '完成率', numFmt: '0.0%' },
        ...OUTCOMES.map((x) => ({ key: `check_${x}`, header: `复核${x === '已整改' ? '未复发' : x}` })),
      ],
      rows: unitIds.map((id) => {
        const mine = items.filter((i) => i.unit_id === id);
        const c = countItems(mine);
        const den = c.total - c.by_status['不予整改'];
        const row: Record<string, unknown> = { unit_id: id, unit: mine[0]!.unit_name, total: c.total, completion: den ? c.by_status['已整改'] / den : null };
        for (const s of STATUSES) row[s] = c.by_status[s];
        for (const x of OUTCOMES) row[`check_${x}`] = mine.filter((i) => i.stored_status === '已整改' && i.check?.outcome === x).length;
        return row;
      }),
    },
    {
      name: '变更记录',
      title,
      columns: [
        { key: 'code', header: '事项编号', width: 11 },
        { key: 'at', header: '时间（UTC）', width: 20 },
        { key: 'action', header: '操作', width: 8 },
        { key: 'source', header: '来源', width: 40 },
        { key: 'actor', header: '操作人', width: 10 },
        { key: 'changed', header: '变更内容', width: 24 },
        { key: 'from', header: '原状态', width: 9 },
        { key: 'status', header: '新状态', width: 9 },
        { key: 'deadline', header: '整改期限', width: 11 },
        { key: 'measures', header: '整改措施', width: 36 },
        { key: 'completed', header: '完成时间', width: 11 },
        { key: 'proof', header: '佐证材料', width: 28 },
        { key: 'owner', header: '责任人', width: 9 },
        { key: 'reason', header: '不予整改理由', width: 24 },
      ],
      rows: events.map((e) => ({
        code: codes.get(e.item_id) ?? e.item_id,
        at: e.changed_at,
        action: ACTION_ZH[e.action],
        source: e.source,
        actor: e.actor,
        changed: e.changed.map((f) => FIELD_ZH[f as keyof ItemState] ?? f).join('、'),
        from: e.prev_status,
        status: e.status,
        deadline: e.deadline,
        measures: typed(e.measures, o.unmask),
        completed: e.completed_on,
        proof: typed(e.proof, o.unmask),
        owner: owner(e.owner, o.unmask),
        reason: typed(e.status_reason, o.unmask),
      })),
    },
  ];
}

export const ACTION_ZH: Record<RectifyEvent['action'], string> = { create: '生成', import: '导入反馈', edit: '修改', undo: '撤销导入' };

/** Writes the 整改台账 XLSX (items of one period, or all). */
export async function writeLedger(db: Db, path: string, o: { period?: string; asOf?: string; unmask?: boolean } = {}): Promise<{ items: number; events: number }> {
  const asOf = asOfDate(o.asOf);
  const items = await listItems(db, { asOf, ...(o.period ? { period: o.period } : {}) });
  const ids = items.map((i) => i.item_id);
  const events = ids.length
    ? await db.all<RectifyEvent>(
        `SELECT event_id, item_id, strftime(changed_at, '%Y-%m-%d %H:%M:%S') AS changed_at, action, source, import_id, actor, changed, prev_status, status, status_reason,
                deadline, measures, completed_on, proof, owner
         FROM rectify_event WHERE item_id IN (${ids.join(', ')}) ORDER BY item_id, event_id`,
      )
    : [];
  await writeXlsx(path, ledgerSheets(items, events, { asOf, unmask: !!o.unmask }));
  return { items: items.length, events: events.length };
}

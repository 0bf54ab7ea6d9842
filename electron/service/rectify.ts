// The 整改 methods' work over analytics/rectify, for the service (service.ts holds only their
// one-line dispatch): the ledger as the screen shows it (masked unless asked), one item with its
// history and checks, and where exported files go.
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Db } from '../../analytics/db/duck.js';
import { parsePeriod } from '../../analytics/eval/period.js';
import { asOfDate, countItems, getItem, itemChecks, itemHistory, listItems, maskEvent, maskItem } from '../../analytics/rectify/ledger.js';
import type { RectifyStatus } from '../../analytics/rectify/types.js';
import type { ExportedFile, ParsedInputOf, RectifyItemOut, RectifyListOut } from '../contract.js';
import { downloadName, exportsDir } from './engine.js';

export async function rectifyList(db: Db, q: ParsedInputOf<'rectify.list'>): Promise<RectifyListOut> {
  const asOf = asOfDate(q.asOf);
  const periods = (await db.all<{ p: string }>(`SELECT period_label AS p FROM rectify_item GROUP BY period_label ORDER BY max(period_end) DESC`)).map((r) => r.p);
  const period = q.period ? parsePeriod(q.period).label : (periods[0] ?? null);
  const base = { asOf, ...(period ? { period } : {}) };
  // the unit list and the counts are over the period, whatever the other filters
  const all = period ? await listItems(db, base) : [];
  const items = await listItems(db, {
    ...base,
    ...(q.unit ? { unit: q.unit } : {}),
    ...(q.status ? { status: q.status as RectifyStatus } : {}),
    ...(q.kind ? { kind: q.kind } : {}),
    ...(q.severity ? { severity: q.severity } : {}),
    ...(q.search ? { search: q.search } : {}),
  });
  const units = [...new Set(all.map((i) => i.unit_id))].map((id) => {
    const mine = all.filter((i) => i.unit_id === id);
    return { unit_id: id, unit_name: mine[0]!.unit_name, counts: countItems(mine), recurred: mine.filter((i) => i.stored_status === '已整改' && i.check?.outcome === '复发').length };
  });
  // most overdue first, then most open
  units.sort((a, b) => b.counts.by_status['逾期'] - a.counts.by_status['逾期'] || b.counts.by_status['待整改'] + b.counts.by_status['整改中'] - (a.counts.by_status['待整改'] + a.counts.by_status['整改中']) || a.unit_id.localeCompare(b.unit_id));
  const checks = { 已整改: 0, 复发: 0, 无法核验: 0 };
  for (const i of items) if (i.stored_status === '已整改' && i.check) checks[i.check.outcome]++;
  return { as_of: asOf, items: q.unmask ? items : items.map(maskItem), counts: countItems(all), units, periods, period, checks, masked: !q.unmask };
}

export async function rectifyItem(db: Db, itemId: number, unmask: boolean, asOf?: string): Promise<RectifyItemOut> {
  const item = await getItem(db, itemId, asOf);
  const history = await itemHistory(db, itemId);
  return { item: unmask ? item : maskItem(item), history: unmask ? history : history.map(maskEvent), checks: await itemChecks(db, itemId), masked: !unmask };
}

/** A new folder under exports/整改/ for one export. */
export function rectifyFolder(stateDir: string, what: 'notices' | 'ledger', period: string | null, unmask: boolean, now = new Date()): string {
  const stamp = now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  const base = `${what === 'notices' ? '整改通知书和反馈表' : '整改台账'}_${(period ?? '全部').replace(/[\\/:*?"<>|\s.]+/g, '_')}_${stamp}${unmask ? '_未脱敏' : ''}`;
  const root = join(exportsDir(stateDir), '整改');
  let dir = join(root, base);
  for (let n = 2; existsSync(dir); n++) dir = join(root, `${base}_${n}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function exportedFile(stateDir: string, path: string, masked: boolean): ExportedFile {
  return { path, name: basename(path), bytes: statSync(path).size, download: downloadName(stateDir, path), masked };
}

// The feedback form's signature. The hidden marker sheet says which workspace, unit and period a
// form is of, when it was exported and which items it holds; a unit fills in the form and sends it
// back. Before, the marker was plain text: a form's export time moved to 2099 made a stale form
// overwrite what the office had closed since, a form of another workspace (its item numbers
// meaning other problems there) closed unrelated items, and anyone could write a form for another
// unit. Now the marker carries an HMAC-SHA256 over its fields, keyed by a secret made once per
// workspace (tijian_meta.rectify_form_key, migration 9), and per item a key of the item itself
// (its natural key and problem, hashed) so that a code naming another problem is seen row by row.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Db } from '../db/duck.js';
import { TijianError } from '../i18n/errors.js';

export interface FormSecret {
  workspace_id: string;
  key: Buffer;
}

/** The workspace's id and form key (made by migration 9). */
export async function formSecret(db: Db): Promise<FormSecret> {
  const rows = await db.all<{ key: string; value: string }>(`SELECT key, value FROM tijian_meta WHERE key IN ('workspace_id', 'rectify_form_key')`);
  const get = (k: string) => rows.find((r) => r.key === k)?.value ?? '';
  const id = get('workspace_id');
  const key = get('rectify_form_key');
  if (!id || !/^[0-9a-f]{64}$/.test(key)) {
    throw new TijianError(
      'DATA_NOT_READY',
      '工作区还没有反馈表签名密钥（由旧版本 Tijian 建立，且以只读方式打开）。请用本版本 Tijian 正常打开该工作区一次（会自动升级），再导出或导入整改反馈表。',
      'The workspace has no key to sign feedback forms with (made by an older Tijian and opened read-only). Open it once normally with this Tijian (it is upgraded), then export or import feedback forms.',
    );
  }
  return { workspace_id: id, key: Buffer.from(key, 'hex') };
}

/** An item's key in the form: its natural key (period, unit, kind, source) and problem, hashed —
 *  the same code in another workspace, or after items were renumbered, names another problem. */
export function itemKey(item: { natural_key: string; problem: string }): string {
  return createHash('sha256').update(`${item.natural_key}\u0000${item.problem}`).digest('hex').slice(0, 16);
}

/** What the signature covers, as the marker holds it (texts as written in the sheet). */
export interface SignedMarker {
  kind: string;
  version: number;
  workspace_id: string;
  unit_id: string;
  period: string;
  masked: boolean;
  generated_at: string;
  /** Item code and item key, in the form's order. */
  items: ReadonlyArray<readonly [string, string]>;
}

export function formSignature(key: Buffer, m: SignedMarker): string {
  const body = JSON.stringify([m.kind, m.version, m.workspace_id, m.unit_id, m.period, m.masked ? 'yes' : 'no', m.generated_at, m.items.map(([c, k]) => [c, k])]);
  return createHmac('sha256', key).update(body).digest('hex');
}

export function signatureValid(key: Buffer, m: SignedMarker, signature: string): boolean {
  if (!/^[0-9a-f]{64}$/.test(signature)) return false;
  return timingSafeEqual(Buffer.from(formSignature(key, m), 'hex'), Buffer.from(signature, 'hex'));
}

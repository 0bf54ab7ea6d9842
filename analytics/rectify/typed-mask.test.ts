// ID and phone numbers typed in an item's free text (整改措施, 佐证材料, 不予整改理由) are masked
// wherever the item is shown masked — `rectify list` (text and --json), the 整改 screen, a feedback
// form exported again — as the ledger XLSX and 责任人 are; and a form sent back with the masked
// text (as exported, or with words added) does not turn the ledger's numbers into stars (probe 15,
// F1: the list and the re-exported form showed them in full). Values by hand.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate } from '../eval/run.js';
import { readXlsx } from '../report/testing/read-back.js';
import { sampleWorkspace, tempDir } from '../test/helpers.js';
import { createFromRun } from './create.js';
import { exportUnitFiles } from './export.js';
import { importFeedback, unmaskPatch, unmaskTyped } from './feedback.js';
import { getItem, itemHistory, maskEvent, maskItem, updateItem } from './ledger.js';
import { HEADER_ROW, TEMPLATE_COLUMNS } from './template.js';
import { fillForm } from './testing/fill-form.js';

const MEASURES = '联系人张三丰 13812345678，身份证330922198805120012';
const MEASURES_MASKED = '联系人张三丰 138****5678，身份证3309********0012';
const PROOF = '回访记录，座机0580-5081234';
const PROOF_MASKED = '回访记录，座机058****1234';
const col = (key: string) => TEMPLATE_COLUMNS.findIndex((c) => c.key === key) + 1;

describe('numbers typed in an item masked where it is shown masked', () => {
  it('maskItem and maskEvent mask measures, proof and the reason as well as 责任人', () => {
    const it0 = { owner: '李小明', measures: MEASURES, proof: PROOF, status_reason: '当事人139-1234-5678已迁出' };
    expect(maskItem(it0)).toEqual({ owner: '李**', measures: MEASURES_MASKED, proof: PROOF_MASKED, status_reason: '当事人139****5678已迁出' });
    const ev = { owner: null, measures: MEASURES, proof: null, status_reason: null } as unknown as Parameters<typeof maskEvent>[0];
    expect(maskEvent(ev)).toMatchObject({ owner: null, measures: MEASURES_MASKED, proof: null, status_reason: null });
  });

  it('a masked number sent back is the number it masks; a mask two numbers share is left as written', () => {
    expect(unmaskTyped(MEASURES_MASKED, MEASURES)).toBe(MEASURES);
    expect(unmaskTyped(`${MEASURES_MASKED}；已回访`, MEASURES)).toBe(`${MEASURES}；已回访`);
    expect(unmaskTyped('新电话 139****0000', MEASURES)).toBe('新电话 139****0000');
    // 13812345678 and 13899995678 both mask to 138****5678
    expect(unmaskTyped('联系 138****5678', '甲13812345678乙13899995678')).toBe('联系 138****5678');
    expect(unmaskTyped('没有星号', MEASURES)).toBe('没有星号');
    // an edit on the masked 整改 screen: only the texts it changes, each read the same way
    const stored = { status: '整改中', status_reason: null, deadline: '2024-05-01', measures: MEASURES, completed_on: null, proof: PROOF, owner: null } as const;
    expect(unmaskPatch({ measures: `${MEASURES_MASKED}。`, status: '已整改' as const }, stored)).toEqual({ measures: `${MEASURES}。`, status: '已整改' });
    expect(unmaskPatch({ proof: null }, stored)).toEqual({ proof: null });
  });

  it('the re-exported form masks them; returned as exported or with words added, the ledger keeps the numbers', async () => {
    const ws = await sampleWorkspace();
    const run23 = await evaluate(ws, { period: '2023', draws: 0 });
    await createFromRun(ws, run23.run_id, { issuedOn: '2024-03-01' });
    const ids = (await ws.db.all<{ item_id: number }>(`SELECT item_id FROM rectify_item WHERE unit_id = 'HY01' ORDER BY item_id`)).map((r) => Number(r.item_id));
    const [a, b] = ids as [number, number];
    await updateItem(ws.db, a, { status: '整改中', measures: MEASURES, proof: PROOF }, { source: '测试' });
    await updateItem(ws.db, b, { status: '整改中', measures: MEASURES }, { source: '测试' });
    const [masked] = await exportUnitFiles(ws.db, join(tempDir(), 'm'), { period: '2023', units: ['HY01'] });
    const sheet = (await readXlsx(masked!.template)).get('整改情况反馈表')!.rows;
    const cell = (line: number, key: string) => sheet[line - 1]![col(key) - 1];
    expect([cell(HEADER_ROW + 1, 'measures'), cell(HEADER_ROW + 1, 'proof'), cell(HEADER_ROW + 2, 'measures')]).toEqual([MEASURES_MASKED, PROOF_MASKED, MEASURES_MASKED]);
    const [clear] = await exportUnitFiles(ws.db, join(tempDir(), 'u'), { period: '2023', units: ['HY01'], unmask: true });
    expect((await readXlsx(clear!.template)).get('整改情况反馈表')!.rows[HEADER_ROW]![col('measures') - 1]).toBe(MEASURES);

    // the unit returns row a as it was and adds words to row b's masked measures
    const out = join(tempDir(), 'back.xlsx');
    await fillForm(masked!.template, out, (s, rowOf) => {
      s.getRow(rowOf(b)).getCell(col('measures')).value = `${MEASURES_MASKED}；已回访`;
    });
    const r = await importFeedback(ws, out, { today: '2024-06-01' });
    expect(r).toMatchObject({ rows_rejected: 0, rectify: { changed: 1 } });
    expect([(await getItem(ws.db, a)).measures, (await getItem(ws.db, a)).proof]).toEqual([MEASURES, PROOF]);
    expect((await getItem(ws.db, b)).measures).toBe(`${MEASURES}；已回访`);
    // the list's masked item and history
    expect(maskItem(await getItem(ws.db, b)).measures).toBe(`${MEASURES_MASKED}；已回访`);
    expect((await itemHistory(ws.db, b)).map(maskEvent).map((e) => e.measures)).toEqual([null, MEASURES_MASKED, `${MEASURES_MASKED}；已回访`]);
  });
});

// An office's edit of an item (`rectify set`, the 整改 screen) follows the date rules of a
// returned form (probe 15, F4: `--completed 2099-06-01` was accepted and counted as completed,
// while the same date in a form was rejected; a deadline before the notice was accepted and made
// the item overdue at once). Values by hand.
import { describe, expect, it } from 'vitest';
import { evaluate } from '../eval/run.js';
import { sampleWorkspace } from '../test/helpers.js';
import { createFromRun } from './create.js';
import { getItem, updateItem } from './ledger.js';

describe('rectify set: the form import date rules', () => {
  it('refuses a completion after today or before the period, and a deadline before the notice', async () => {
    const ws = await sampleWorkspace();
    const run23 = await evaluate(ws, { period: '2023', draws: 0 });
    await createFromRun(ws, run23.run_id, { issuedOn: '2024-03-01' });
    const id = Number(await ws.db.scalar(`SELECT min(item_id) FROM rectify_item`));
    const today = '2024-06-01';
    await expect(updateItem(ws.db, id, { status: '已整改', completed_on: '2099-06-01' }, { source: '测试' }, today)).rejects.toMatchObject({
      code: 'USAGE',
      zh: expect.stringContaining('完成时间 2099-06-01 晚于今天（2024-06-01），不能标为已整改'),
      en: expect.stringContaining('completion date 2099-06-01 is after today (2024-06-01)'),
    });
    await expect(updateItem(ws.db, id, { status: '已整改', completed_on: '2024-06-02' }, { source: '测试' }, today)).rejects.toMatchObject({ code: 'USAGE' });
    // the 2023 problem's period began 2023-01-01
    await expect(updateItem(ws.db, id, { status: '已整改', completed_on: '2022-12-31' }, { source: '测试' }, today)).rejects.toMatchObject({
      zh: expect.stringContaining('完成时间 2022-12-31 早于问题所属年度的开始（2023-01-01）'),
    });
    // issued 2024-03-01: a deadline the day before is refused, the day itself is not
    await expect(updateItem(ws.db, id, { deadline: '2024-02-29' }, { source: '测试' }, today)).rejects.toMatchObject({
      zh: expect.stringContaining('整改期限 2024-02-29 早于整改通知的下发日期（2024-03-01）'),
      en: expect.stringContaining('deadline 2024-02-29 is before the notice was issued (2024-03-01)'),
    });
    expect((await getItem(ws.db, id)).stored_status).toBe('待整改');
    // today itself and the notice day are fine
    const ok = await updateItem(ws.db, id, { status: '已整改', completed_on: '2024-06-01', deadline: '2024-03-01' }, { source: '测试' }, today);
    expect([ok.item.stored_status, ok.item.completed_on, ok.item.deadline]).toEqual(['已整改', '2024-06-01', '2024-03-01']);
  });
});

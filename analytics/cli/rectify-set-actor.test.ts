// `rectify set` records who made the change, as form imports and the 整改 screen do: --by NAME,
// else the account running Tijian (probe 15, F5: its history events had no actor; `rectify list
// --item` showed （root） after imports and nothing after 命令行 rectify set).
import { userInfo } from 'node:os';
import { expect, it } from 'vitest';
import { evaluate } from '../eval/run.js';
import { createFromRun } from '../rectify/create.js';
import { sampleWorkspace } from '../test/helpers.js';
import { Workspace } from '../workspace/workspace.js';
import { main } from './main.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

it('rectify set: the actor is --by, else the OS account; shown in the item history', async () => {
  const ws = await sampleWorkspace();
  const run23 = await evaluate(ws, { period: '2023', draws: 0 });
  await createFromRun(ws, run23.run_id, { issuedOn: '2024-03-01' });
  const path = ws.path;
  ws.close();
  const a = await run(['rectify', 'set', '--workspace', path, '--item', 'ZG000001', '--status', '整改中']);
  expect(a.code, a.err).toBe(0);
  const b = await run(['rectify', 'set', '--workspace', path, '--item', 'ZG000001', '--measures', '已约谈', '--by', '王科长']);
  expect(b.code, b.err).toBe(0);
  const w = await Workspace.open(path, { create: false });
  const events = await w.db.all<{ action: string; actor: string | null }>(`SELECT action, actor FROM rectify_event WHERE item_id = 1 ORDER BY event_id`);
  w.close();
  const me = userInfo().username;
  expect(events).toEqual([
    { action: 'create', actor: me },
    { action: 'edit', actor: me },
    { action: 'edit', actor: '王科长' },
  ]);
  const shown = await run(['rectify', 'list', '--workspace', path, '--item', 'ZG000001']);
  expect(shown.out).toMatch(/edit {2}整改中 → 整改中 {2}命令行 rectify set（王科长）/);
});

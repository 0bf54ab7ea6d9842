// overview names the officers it could not find in the roster (the commonest texts behind a
// warning): masked with the shared mask, as lineage and review mask names, unless --unmask.
import { expect, it } from 'vitest';
import { sampleWorkspace } from '../test/helpers.js';
import { main } from './main.js';

async function run(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s + '\n'), err: (s) => (err += s + '\n') });
  return { code, out, err };
}

interface Printed {
  masked: boolean;
  warnings: Array<{ kind: string; table: string; field?: string; samples: Array<{ value: string; rows: number }> }>;
}

it('officers matching no roster entry: masked in the warnings, text and --json (was: shown as written); --unmask shows them', async () => {
  const ws = await sampleWorkspace();
  // three cases naming officers the roster does not hold: two 王婷婷, one 欧阳娜娜 with an officer's number
  await ws.db.exec(`UPDATE penalty_case SET officer_unresolved = ['王婷婷'] WHERE case_id IN (SELECT case_id FROM penalty_case ORDER BY case_id LIMIT 2)`);
  await ws.db.exec(`UPDATE penalty_case SET officer_unresolved = ['欧阳娜娜', 'ZF9999'] WHERE case_id = (SELECT case_id FROM penalty_case ORDER BY case_id LIMIT 1 OFFSET 2)`);
  const path = ws.path;
  ws.close();

  const text = await run(['overview', '--workspace', path]);
  expect(text.code, text.err).toBe(0);
  // 王婷婷 → 王**, 欧阳娜娜 → 欧** (first character, two stars); an officer's number is no name
  expect(text.out).toContain('（王**×2、ZF9999×1、欧**×1）');
  expect(text.out).not.toMatch(/婷婷|欧阳娜娜/);
  expect(text.out).toContain('个人信息已脱敏');

  const j = JSON.parse((await run(['overview', '--workspace', path, '--json'])).out) as Printed;
  expect(j.masked).toBe(true);
  const w = j.warnings.find((x) => x.kind === 'unresolved_list' && x.table === 'penalty_case' && x.field === 'officer_ids')!;
  expect(w.samples).toEqual([
    { value: '王**', rows: 2 },
    { value: 'ZF9999', rows: 1 },
    { value: '欧**', rows: 1 },
  ]);

  const open = await run(['overview', '--workspace', path, '--unmask']);
  expect(open.code, open.err).toBe(0);
  expect(open.out).toContain('（王婷婷×2、ZF9999×1、欧阳娜娜×1）');
  expect(open.out).toContain('UNMASKED');
});

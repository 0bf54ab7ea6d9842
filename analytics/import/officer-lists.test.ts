// How case systems write the officers of an act: a name with its certificate number in a bracket
// (蒋飞秀（执法证号：浙执202400261）), a role before a colon (主办：蒋飞秀), a name and its number side
// by side. Before, the first two were unresolved names, and a name beside its own number was two
// officers — the act counted twice for him wherever acts are counted per officer (持证上岗率, the
// acts without a certificate).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { freshWorkspace, SAMPLES, tempDir } from '../test/helpers.js';
import { importFile } from './import-file.js';

// In the sample's 2024 roster: ZF0199 蒋飞秀 浙执202400261 and ZF0209 刘立兴 浙执202200275, both of
// the marine unit.
const LISTS: Array<[string, string[], string[]]> = [
  ['蒋飞秀(浙执202400261)、刘立兴(浙执202200275)', ['ZF0199', 'ZF0209'], []],
  ['蒋飞秀（执法证号：浙执202400261）；刘立兴（执法证号：浙执202200275）', ['ZF0199', 'ZF0209'], []],
  ['蒋飞秀 浙执202400261/刘立兴 浙执202200275', ['ZF0199', 'ZF0209'], []],
  ['主办：蒋飞秀；协办：刘立兴', ['ZF0199', 'ZF0209'], []],
  // a remark in the bracket is no officer and no unresolved name
  ['蒋飞秀（组长）、ZF0209', ['ZF0199', 'ZF0209'], []],
  // an item none of whose parts names anyone is unresolved, as written
  ['某某某（无证）、刘立兴', ['ZF0209'], ['某某某（无证）']],
  ['ZF0199、ZF0199', ['ZF0199'], []],
  ['刘立兴、蒋飞秀', ['ZF0209', 'ZF0199'], []],
];

function casesFile(): string {
  const path = join(tempDir(), '行政处罚案件.csv');
  const rows = LISTS.map(([list], i) => [`T${i + 1}`, '嵊泗县海洋综合行政执法队', '2024-03-01', `"${list}"`].join(','));
  writeFileSync(path, ['案件编号,执法主体,立案日期,承办人', ...rows].join('\n') + '\n');
  return path;
}

async function listsOf(ws: Awaited<ReturnType<typeof freshWorkspace>>): Promise<Array<[string, string[], string[]]>> {
  const got = await ws.db.all<{ raw: string; ids: string[] | null; unres: string[] | null }>(
    `SELECT officer_raw AS raw, officer_ids AS ids, officer_unresolved AS unres FROM penalty_case ORDER BY row_no`,
  );
  return got.map((g) => [g.raw, [...(g.ids ?? [])], [...(g.unres ?? [])]]);
}

const REFERENCES = ['执法单位名录.xlsx', '执法人员花名册_2024年.xlsx'].map((f) => join(SAMPLES, 'shengsi', f));

describe('officer lists as case systems write them', () => {
  it('a name with its certificate number, a role before a colon, a name beside its number: one officer each, each once', async () => {
    const ws = await freshWorkspace();
    for (const f of REFERENCES) await importFile(ws, f);
    const r = await importFile(ws, casesFile());
    expect(r).toMatchObject({ rows_loaded: LISTS.length, rows_rejected: 0 });
    expect(await listsOf(ws)).toEqual(LISTS);
    expect((r.unresolved ?? []).find((u) => u.field === 'officer_ids')?.samples.map((s) => s.value)).toEqual(['某某某（无证）']);
  });

  it('the same when the roster comes after the cases (the lists resolved again)', async () => {
    const ws = await freshWorkspace();
    await importFile(ws, REFERENCES[0]!);
    await importFile(ws, casesFile());
    await importFile(ws, REFERENCES[1]!);
    expect(await listsOf(ws)).toEqual(LISTS);
  });
});

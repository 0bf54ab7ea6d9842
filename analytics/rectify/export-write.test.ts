// Rectification notices and feedback forms are written whole or not at all (probe 12, F1): a
// failure writing one unit's form keeps its earlier file byte for byte and leaves no partial file.
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { evaluate } from '../eval/run.js';
import { TijianError } from '../i18n/errors.js';
import { injectWriteFailure } from '../io/atomic-write.js';
import { sampleWorkspace, tempDir } from '../test/helpers.js';
import { createFromRun } from './create.js';
import { exportUnitFiles } from './export.js';

afterEach(() => injectWriteFailure(null));

it('notice (DOCX) and form (XLSX): a full disk on either keeps its earlier file, nothing partial', async () => {
  const ws = await sampleWorkspace();
  const r = await evaluate(ws, { period: '2023', draws: 0 });
  await createFromRun(ws, r.run_id, { issuedOn: '2024-03-01' });
  const out = join(tempDir(), 'out');
  const [first] = await exportUnitFiles(ws.db, out, { period: '2023' }).then((fs) => fs.slice(0, 1));
  const before = new Map(readdirSync(out).map((n) => [n, readFileSync(join(out, n))]));
  expect(before.size).toBeGreaterThan(2);
  for (const target of [first!.notice, first!.template]) {
    injectWriteFailure((tmp) => {
      if (basename(tmp).startsWith(`.${basename(target)}.tijian-`)) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    });
    const e = await exportUnitFiles(ws.db, out, { period: '2023', units: [first!.unit_id] }).then(
      () => null,
      (x: unknown) => x,
    );
    expect(e).toBeInstanceOf(TijianError);
    expect((e as TijianError).zh).toBe(`无法写入“${target}”：文件夹“${out}”所在的磁盘已满（或已超出配额）。原有的同名文件（如有）未被改动，也没有留下不完整的文件。请清理该磁盘的空间，或另选一个文件夹后重试。`);
    expect(readdirSync(out).sort()).toEqual([...before.keys()].sort());
    // the file that failed is the earlier one byte for byte (the notice before a failing form is
    // written anew, whole: DOCX carries its time of writing)
    expect(readFileSync(target).equals(before.get(basename(target))!)).toBe(true);
  }
});

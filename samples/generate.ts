// Regenerates the committed sample sets:
//   samples/shengsi/  the Shengsi County exports 2022–2024 (scale 1, default seed) + _planted.json
//   samples/dirty/    the dirty sample + _expected.json
// and their README.md files (row counts, sizes, formats).
//
//   npx tsx samples/generate.ts            both sets
//   npx tsx samples/generate.ts --scale 100 --out /tmp/shengsi100   a larger set elsewhere
import { readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, generateSample, writeDirtySample } from './generator/index.js';
import { dirtyReadme, shengsiReadme } from './generator/readme.js';

const here = dirname(fileURLToPath(import.meta.url));

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const scale = Number(arg('scale') ?? 1);
  const seed = Number(arg('seed') ?? DEFAULT_SEED);
  const out = arg('out');
  if (out) {
    const t0 = Date.now();
    const r = await generateSample({
      outDir: out,
      scale,
      seed,
      onProgress: (d, n, label) => process.stderr.write(`\r[${d}/${n}] ${label}`.padEnd(60)),
    });
    process.stderr.write('\n');
    console.log(JSON.stringify({ outDir: out, scale, seed, ms: Date.now() - t0, counts: r.counts }, null, 2));
    return;
  }
  const shengsi = join(here, 'shengsi');
  const dirty = join(here, 'dirty');
  for (const dir of [shengsi, dirty]) {
    for (const f of safeList(dir)) if (f !== 'README.md') rmSync(join(dir, f), { force: true });
  }
  const t0 = Date.now();
  const r = await generateSample({ outDir: shengsi, scale: 1, seed });
  const ms = Date.now() - t0;
  const sizes = Object.fromEntries(r.files.map((f) => [basename(f), statSync(f).size]));
  const planted = JSON.parse(readFileSync(join(shengsi, '_planted.json'), 'utf8')) as { rules: Record<string, { hits: Array<{ year: number }>; near_misses: unknown[] }> };
  writeFileSync(join(shengsi, 'README.md'), shengsiReadme({ seed, counts: r.counts, sizes, planted, fileRows: r.fileRows }));
  const d = await writeDirtySample(dirty);
  const expected = JSON.parse(readFileSync(join(dirty, '_expected.json'), 'utf8'));
  const dsizes = Object.fromEntries(d.map((f) => [basename(f), statSync(f).size]));
  writeFileSync(join(dirty, 'README.md'), dirtyReadme(expected, dsizes));
  const total = Object.values(sizes).reduce((a, b) => a + b, 0);
  console.log(`samples/shengsi: ${r.files.length} files, ${(total / 1e6).toFixed(2)} MB, ${ms} ms`);
  console.log(JSON.stringify(r.counts));
  console.log(`samples/dirty: ${d.length} files`);
}

function safeList(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});

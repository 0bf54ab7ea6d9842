import { resolve } from 'node:path';
import { json, parse, requireOption, type Command } from '../command.js';

const usage = 'tijian sample --out DIR [--scale N] [--seed S] [--style canonical|variant] [--json]';

export const sampleCommand: Command = {
  name: 'sample',
  summary: '生成嵊泗县示例数据 / write the Shengsi sample exports',
  usage,
  async run(argv, io) {
    const { values } = parse(argv, { out: { type: 'string' }, scale: { type: 'string' }, seed: { type: 'string' }, style: { type: 'string' }, json: { type: 'boolean' } }, usage);
    const out = resolve(requireOption(values.out, 'out', usage));
    const scale = values.scale ? Number(values.scale) : 1;
    const seed = values.seed ? Number(values.seed) : undefined;
    if (!Number.isInteger(scale) || scale < 1) {
      io.err(`--scale 必须是正整数 / --scale must be a positive whole number`);
      return 2;
    }
    const style = values.style ?? 'canonical';
    if (style !== 'canonical' && style !== 'variant') {
      io.err(`--style 只能是 canonical 或 variant / --style is canonical or variant`);
      return 2;
    }
    // Loaded on demand: the generator is only needed by this command. The variant style writes the
    // canonical sample's records with header and value spellings of other systems, picked by --seed.
    const r =
      style === 'variant'
        ? await (await import('../../../samples/generator/variant.js')).generateVariantSample({ outDir: out, scale, seed: seed ?? 1 })
        : await (await import('../../../samples/generator/index.js')).generateSample({ outDir: out, scale, ...(seed !== undefined ? { seed } : {}) });
    if (values.json) io.out(json({ out, ...r }));
    else {
      io.err(`已写入 ${r.files.length} 个文件到 ${out} / wrote ${r.files.length} files to ${out}`);
      for (const [t, n] of Object.entries(r.counts)) io.err(`  ${t}: ${n}`);
    }
    return 0;
  },
};

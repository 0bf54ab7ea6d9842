import { readFileSync, statSync } from 'node:fs';
import { TijianError } from '../../i18n/errors.js';
import { formatIndexErrors } from '../../index/parse.js';
import { checkIndexText, MAX_INDEX_FILE } from '../../index/validate.js';
import { DEFAULT_INDEX_PATH } from '../../eval/run.js';
import { json, parse, type Command } from '../command.js';

const usage = 'tijian index check FILE [--json]   |   tijian index path';

export const indexCommand: Command = {
  name: 'index',
  summary: '检查指标体系文件 / check an index-system file',
  usage,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { json: { type: 'boolean' } }, usage);
    const [sub, file] = positionals;
    if (sub === 'path') {
      io.out(DEFAULT_INDEX_PATH);
      return 0;
    }
    if (sub !== 'check' || !file) throw new TijianError('USAGE', `用法：${usage}`, `Usage: ${usage}`);
    let text: string;
    try {
      if (statSync(file).size > MAX_INDEX_FILE) {
        throw new TijianError('INDEX_INVALID', `“${file}”过大（超过 ${MAX_INDEX_FILE >> 20} MiB），不是指标体系文件。`, `"${file}" is too large (over ${MAX_INDEX_FILE >> 20} MiB) to be an index-system file.`);
      }
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if (e instanceof TijianError) throw e;
      throw new TijianError('FILE_NOT_FOUND', `找不到文件：${file}`, `File not found: ${file}`);
    }
    const { system, errors } = await checkIndexText(text);
    if (values.json) {
      io.out(json({ file, valid: !!system, errors, indicators: system?.indicators.length ?? null }));
      return system ? 0 : 1;
    }
    if (system) {
      io.out(`✓ ${file}: ${system.name.zh}，${system.dimensions.length} 个维度、${system.indicators.length} 项指标、${system.red_lines.length} 条红线，全部 SQL 可执行 / valid`);
      return 0;
    }
    io.out(`✗ ${file}: ${errors.length} 处错误 / error(s)`);
    io.out(formatIndexErrors(errors, file));
    return 1;
  },
};

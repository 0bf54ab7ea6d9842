import { basename } from 'node:path';
import { mappingTemplate } from '../../import/mapping-file.js';
import { readHeaders } from '../../import/read-headers.js';
import { parse, type Command } from '../command.js';

const usage = 'tijian map FILE  (prints a column-mapping template to fill in)';

export const mapCommand: Command = {
  name: 'map',
  summary: '生成列映射模板 / print a column-mapping template for a file',
  usage,
  async run(argv, io) {
    const { positionals } = parse(argv, {}, usage);
    const file = positionals[0];
    if (!file) {
      io.err(`用法 usage: ${usage}`);
      return 2;
    }
    const headers = await readHeaders(file);
    io.out(mappingTemplate(basename(file), headers));
    return 0;
  },
};

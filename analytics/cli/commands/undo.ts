import { TijianError } from '../../i18n/errors.js';
import { undoImport } from '../../import/undo.js';
import { Workspace } from '../../workspace/workspace.js';
import { json, parse, requireOption, type Command } from '../command.js';

const usage = 'tijian undo --workspace FILE [--json] IMPORT_ID';

export const undoCommand: Command = {
  name: 'undo',
  summary: '撤销一次导入 / undo an import',
  usage,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { workspace: { type: 'string' }, json: { type: 'boolean' } }, usage);
    const wsPath = requireOption(values.workspace, 'workspace', usage);
    const id = Number(positionals[0]);
    if (!Number.isInteger(id) || id <= 0) throw new TijianError('USAGE', `请给出导入批次号。用法：${usage}`, `Give an import id. Usage: ${usage}`);
    const ws = await Workspace.open(wsPath, { create: false });
    try {
      const r = await undoImport(ws, id);
      if (values.json) io.out(json(r));
      else io.err(`已撤销导入 #${r.import_id}（${r.file} → ${r.table}）：删除 ${r.rows_removed} 行数据、${r.rejected_removed} 条拒绝记录\nUndid import #${r.import_id} (${r.file} → ${r.table}): removed ${r.rows_removed} rows and ${r.rejected_removed} rejected rows`);
      return 0;
    } finally {
      ws.close();
    }
  },
};

import { ident } from '../../db/duck.js';
import { CANONICAL_TABLES } from '../../schema/tables.js';
import { Workspace } from '../../workspace/workspace.js';
import { json, padCols, parse, requireOption, type Command } from '../command.js';

const usage = 'tijian tables --workspace FILE [--json]';

export const tablesCommand: Command = {
  name: 'tables',
  summary: '各表行数 / row counts of the tables',
  usage,
  async run(argv, io) {
    const { values } = parse(argv, { workspace: { type: 'string' }, json: { type: 'boolean' } }, usage);
    const ws = await Workspace.open(requireOption(values.workspace, 'workspace', usage), { create: false, readOnlyFallback: true });
    try {
      const rows: Array<{ table: string; zh: string; rows: number }> = [];
      for (const t of CANONICAL_TABLES) {
        rows.push({ table: t.name, zh: t.zh, rows: Number(await ws.db.scalar(`SELECT count(*) FROM ${ident(t.name)}`)) });
      }
      const imports = Number(await ws.db.scalar(`SELECT count(*) FROM import_log WHERE status = 'done'`));
      const rejected = Number(await ws.db.scalar(`SELECT count(*) FROM rejected_row`));
      if (values.json) {
        io.out(json({ workspace: ws.path, schema_version: ws.schemaVersion, tables: rows, imports, rejected_rows: rejected }));
      } else {
        // by the names people use (the ids are in --json)
        for (const r of rows) io.out(`${padCols(r.zh, 16)}${String(r.rows).padStart(9)} 行`);
        io.out(`${padCols('导入批次 imports', 16)}${String(imports).padStart(9)}`);
        io.out(`${padCols('被拒绝的行', 16)}${String(rejected).padStart(9)} 行`);
      }
      return 0;
    } finally {
      ws.close();
    }
  },
};

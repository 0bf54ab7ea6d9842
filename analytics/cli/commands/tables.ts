import { ident } from '../../db/duck.js';
import { CANONICAL_TABLES } from '../../schema/tables.js';
import { Workspace } from '../../workspace/workspace.js';
import { json, parse, requireOption, type Command } from '../command.js';

const usage = 'tijian tables --workspace FILE [--json]';

export const tablesCommand: Command = {
  name: 'tables',
  summary: '各表行数 / row counts of the tables',
  usage,
  async run(argv, io) {
    const { values } = parse(argv, { workspace: { type: 'string' }, json: { type: 'boolean' } }, usage);
    const ws = await Workspace.open(requireOption(values.workspace, 'workspace', usage), { create: false });
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
        const w = Math.max(...rows.map((r) => r.table.length));
        for (const r of rows) io.out(`${r.table.padEnd(w)}  ${String(r.rows).padStart(9)}  ${r.zh}`);
        io.out(`${'import_log'.padEnd(w)}  ${String(imports).padStart(9)}  导入批次 imports`);
        io.out(`${'rejected_row'.padEnd(w)}  ${String(rejected).padStart(9)}  拒绝记录 rejected rows`);
      }
      return 0;
    } finally {
      ws.close();
    }
  },
};

import { Workspace } from '../../workspace/workspace.js';
import { shownText } from '../../i18n/shown.js';
import { tableDef } from '../../schema/tables.js';
import { json, padCols, parse, requireOption, type Command } from '../command.js';

const usage = 'tijian imports --workspace FILE [--json]';

interface Note {
  line: number;
  code: string;
  zh: string;
  en: string;
}

export const importsCommand: Command = {
  name: 'imports',
  summary: '导入记录 / the import log',
  usage,
  async run(argv, io) {
    const { values } = parse(argv, { workspace: { type: 'string' }, json: { type: 'boolean' } }, usage);
    const ws = await Workspace.open(requireOption(values.workspace, 'workspace', usage), { create: false, readOnlyFallback: true });
    try {
      const rows = await ws.db.all<Record<string, unknown>>(
        `SELECT import_id, file_name, table_name, format, encoding, rows_read, rows_loaded, rows_rejected, status,
                strftime(started_at, '%Y-%m-%d %H:%M:%S') AS started_at, sha256,
                coalesce(sheet, json_extract_string(mapping, '$.sheet')) AS sheet, CAST(json_extract(mapping, '$.notes') AS VARCHAR) AS notes
         FROM import_log ORDER BY import_id`,
      );
      // rows imported with a note (a feedback form's status written 逾期): kept with the import
      for (const r of rows) r.notes = r.notes == null ? [] : (JSON.parse(String(r.notes)) as Note[]);
      if (values.json) io.out(json({ imports: rows }));
      else
        for (const r of rows) {
          io.out(
            `${padCols(`#${r.import_id}`, 5)}${r.started_at}  ${padCols(tableDef(String(r.table_name))?.zh ?? String(r.table_name), 14)}← ${shownText(String(r.file_name))}${r.sheet != null ? `［${shownText(String(r.sheet))}］` : ''}：读取 ${r.rows_read} = 导入 ${r.rows_loaded} + 拒绝 ${r.rows_rejected}${r.status !== 'done' ? '（已撤销 undone）' : ''}`,
          );
          for (const n of r.notes as Note[]) io.out(`      ! 第 ${n.line} 行 row ${n.line}: ${shownText(n.zh)} / ${shownText(n.en)}`);
        }
      return 0;
    } finally {
      ws.close();
    }
  },
};

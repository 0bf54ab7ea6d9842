import { Workspace } from '../../workspace/workspace.js';
import { json, parse, requireOption, type Command } from '../command.js';

const usage = 'tijian rejected --workspace FILE [--import ID] [--limit N] [--json]';

export const rejectedCommand: Command = {
  name: 'rejected',
  summary: '被拒绝的行及原因 / rejected rows and why',
  usage,
  async run(argv, io) {
    const { values } = parse(argv, { workspace: { type: 'string' }, import: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' } }, usage);
    const ws = await Workspace.open(requireOption(values.workspace, 'workspace', usage), { create: false });
    try {
      const where = values.import ? `WHERE import_id = ${Number(values.import)}` : '';
      const limit = values.limit ? `LIMIT ${Number(values.limit)}` : values.json ? '' : 'LIMIT 200';
      const rows = await ws.db.all<{ import_id: number; file_name: string; line_no: number; reason_zh: string; reason_en: string; error_codes: string[]; raw: string }>(
        `SELECT import_id, file_name, line_no, reason_zh, reason_en, error_codes, CAST(raw AS VARCHAR) AS raw FROM rejected_row ${where}
         ORDER BY import_id, line_no ${limit}`,
      );
      if (values.json) io.out(json({ rejected: rows.map((r) => ({ ...r, raw: JSON.parse(r.raw) })) }));
      else for (const r of rows) io.out(`#${r.import_id} ${r.file_name}:${r.line_no}  ${r.reason_zh}\n    ${r.reason_en}`);
      return 0;
    } finally {
      ws.close();
    }
  },
};

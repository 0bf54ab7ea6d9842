import { writeRejectedXlsx } from '../../import/rejected-export.js';
import { shownText } from '../../i18n/shown.js';
import { Workspace } from '../../workspace/workspace.js';
import { json, parse, requireOption, type Command } from '../command.js';

const usage = 'tijian rejected --workspace FILE [--import ID] [--limit N] [--json] [--out FILE.xlsx]';

export const rejectedCommand: Command = {
  name: 'rejected',
  summary: '被拒绝的行及原因；--out 导出为 XLSX（每个文件一个工作表），发回补正 / rejected rows and why; --out writes them to XLSX to send back',
  usage,
  async run(argv, io) {
    const { values } = parse(argv, { workspace: { type: 'string' }, import: { type: 'string' }, limit: { type: 'string' }, json: { type: 'boolean' }, out: { type: 'string' } }, usage);
    const ws = await Workspace.open(requireOption(values.workspace, 'workspace', usage), { create: false, readOnlyFallback: true });
    try {
      if (values.out) {
        const r = await writeRejectedXlsx(ws.db, values.out, values.import ? { importId: Number(values.import) } : {});
        if (values.json) io.out(json({ out: values.out, rows: r.rows, files: r.files }));
        else {
          io.out(`已导出被拒绝的行：${r.rows} 行，${r.files.length} 个文件 → ${values.out}`);
          for (const f of r.files) io.out(`  ${shownText(f.file_name)}：${f.rows} 行（工作表“${shownText(f.sheet)}”）`);
        }
        return 0;
      }
      const where = values.import ? `WHERE import_id = ${Number(values.import)}` : '';
      const limit = values.limit ? `LIMIT ${Number(values.limit)}` : values.json ? '' : 'LIMIT 200';
      const rows = await ws.db.all<{ import_id: number; file_name: string; line_no: number; reason_zh: string; reason_en: string; error_codes: string[]; raw: string }>(
        `SELECT import_id, file_name, line_no, reason_zh, reason_en, error_codes, CAST(raw AS VARCHAR) AS raw FROM rejected_row ${where}
         ORDER BY import_id, line_no ${limit}`,
      );
      if (values.json) io.out(json({ rejected: rows.map((r) => ({ ...r, raw: JSON.parse(r.raw) })) }));
      else for (const r of rows) io.out(`${shownText(r.file_name)} 第 ${r.line_no} 行（批次 #${r.import_id}）：${shownText(r.reason_zh)}\n    ${shownText(r.reason_en)}`);
      return 0;
    } finally {
      ws.close();
    }
  },
};

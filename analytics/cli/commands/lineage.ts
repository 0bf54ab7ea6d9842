import { lineage } from '../../eval/lineage.js';
import { shownText } from '../../i18n/shown.js';
import { TijianError } from '../../i18n/errors.js';
import { Workspace } from '../../workspace/workspace.js';
import { json, parse, requireOption, type Command } from '../command.js';

const usage = 'tijian lineage --workspace FILE --run RUN_ID --entity ID --indicator ID [--part numerator|denominator] [--page N] [--page-size N] [--json]';

export const lineageCommand: Command = {
  name: 'lineage',
  summary: '某个数字背后的记录 / the records behind a number',
  usage,
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        workspace: { type: 'string' },
        run: { type: 'string' },
        entity: { type: 'string' },
        indicator: { type: 'string' },
        part: { type: 'string' },
        page: { type: 'string' },
        'page-size': { type: 'string' },
        json: { type: 'boolean' },
      },
      usage,
    );
    const part = values.part ?? 'numerator';
    if (part !== 'numerator' && part !== 'denominator') throw new TijianError('USAGE', `--part 只能是 numerator 或 denominator`, `--part must be numerator or denominator`);
    const ws = await Workspace.open(requireOption(values.workspace, 'workspace', usage), { create: false });
    try {
      const r = await lineage(ws, {
        runId: Number(requireOption(values.run, 'run', usage)),
        entityId: requireOption(values.entity, 'entity', usage),
        indicatorId: requireOption(values.indicator, 'indicator', usage),
        part,
        ...(values.page ? { page: Number(values.page) } : {}),
        ...(values['page-size'] ? { pageSize: Number(values['page-size']) } : {}),
      });
      if (values.json) {
        io.out(json(r));
        return 0;
      }
      if (r.data_changed) io.out(`注意 Note: ${r.data_changed.zh}`);
      io.out(`${r.title.zh}（${r.entity_id}，共 ${r.total} 条，第 ${r.page} 页）`);
      io.out(r.columns.map((c) => shownText(c)).join('\t'));
      for (const row of r.rows) io.out(r.columns.map((c) => (row[c] === null || row[c] === undefined ? '' : shownText(Array.isArray(row[c]) ? (row[c] as unknown[]).join('、') : String(row[c])))).join('\t'));
      return 0;
    } finally {
      ws.close();
    }
  },
};

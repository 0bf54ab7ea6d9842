import { lineage } from '../../eval/lineage.js';
import { personalColumn } from '../../overview/ref-names.js';
import { codeColumn, maskNumbersShort, maskText } from '../../overview/table-page.js';
import { shownText } from '../../i18n/shown.js';
import { TijianError } from '../../i18n/errors.js';
import { Workspace } from '../../workspace/workspace.js';
import { json, parse, requireOption, type Command } from '../command.js';

const usage = 'tijian lineage --workspace FILE --run RUN_ID --entity ID --indicator ID [--part numerator|denominator] [--page N] [--page-size N] [--unmask] [--json]';

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
        unmask: { type: 'boolean' },
      },
      usage,
    );
    const part = values.part ?? 'numerator';
    if (part !== 'numerator' && part !== 'denominator') throw new TijianError('USAGE', `--part 只能是 numerator 或 denominator`, `--part must be numerator or denominator`);
    const ws = await Workspace.open(requireOption(values.workspace, 'workspace', usage), { create: false, readOnlyFallback: true });
    try {
      const r = await lineage(ws, {
        runId: Number(requireOption(values.run, 'run', usage)),
        entityId: requireOption(values.entity, 'entity', usage),
        indicatorId: requireOption(values.indicator, 'indicator', usage),
        part,
        ...(values.page ? { page: Number(values.page) } : {}),
        ...(values['page-size'] ? { pageSize: Number(values['page-size']) } : {}),
      });
      // personal columns (姓名, 当事人, 证件号码 …) masked as 明细 and its export mask them, unless asked
      const personal = r.columns.filter(personalColumn);
      const masked = !values.unmask && personal.length > 0;
      if (masked) r.rows = r.rows.map((row) => ({ ...row, ...Object.fromEntries(personal.map((c) => [c, maskCell(row[c])])) }));
      // numbers typed in free text (问题描述, 备注) as 明细 and its export mask them
      if (!values.unmask) {
        const free = r.columns.filter((c) => !personal.includes(c) && !codeColumn(c));
        r.rows = r.rows.map((row) => ({ ...row, ...Object.fromEntries(free.filter((c) => typeof row[c] === 'string').map((c) => [c, maskNumbersShort(row[c] as string)])) }));
      }
      if (values.json) {
        io.out(json({ ...r, masked }));
        return 0;
      }
      if (r.data_changed) io.out(`注意 Note: ${r.data_changed.zh}`);
      io.out(`${r.title.zh}（${r.entity_id}，共 ${r.total} 条，第 ${r.page} 页）`);
      io.out(r.columns.map((c) => shownText(c)).join('\t'));
      for (const row of r.rows) io.out(r.columns.map((c) => (row[c] === null || row[c] === undefined ? '' : shownText(Array.isArray(row[c]) ? (row[c] as unknown[]).join('、') : String(row[c])))).join('\t'));
      if (masked) io.out(`个人信息已脱敏（${personal.map((c) => shownText(c)).join('、')}），加 --unmask 显示原文 / personal data masked; --unmask shows it`);
      else if (values.unmask && personal.length) io.out('未脱敏，注意保密 / UNMASKED');
      return 0;
    } finally {
      ws.close();
    }
  },
};

/** A text, or each text of a list, masked; numbers, dates and empties as they are (as the export). */
function maskCell(v: unknown): unknown {
  if (typeof v === 'string') return maskText(v);
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? maskText(x) : x));
  return v;
}

import { maskedWarnings, overview, personalSamples } from '../../overview/overview.js';
import { shownText } from '../../i18n/shown.js';
import { Workspace } from '../../workspace/workspace.js';
import { json, padCols, parse, requireOption, type Command } from '../command.js';

const usage = 'tijian overview --workspace FILE [--unmask] [--json]';

/** The desktop app's 数据概览, on the command line. */
export const overviewCommand: Command = {
  name: 'overview',
  summary: '数据概览与数据质量提示 / what the workspace holds, and data-quality warnings',
  usage,
  async run(argv, io) {
    const { values } = parse(argv, { workspace: { type: 'string' }, json: { type: 'boolean' }, unmask: { type: 'boolean' } }, usage);
    const ws = await Workspace.open(requireOption(values.workspace, 'workspace', usage), { create: false, readOnly: true });
    try {
      const found = await overview(ws.db);
      // the officers a warning names (not in the roster) masked, as lineage and review mask names
      const masked = !values.unmask;
      const ov = masked ? { ...found, warnings: maskedWarnings(found.warnings) } : found;
      if (values.json) {
        io.out(json({ ...ov, masked }));
        return 0;
      }
      io.out(`数据期间 period: ${ov.period ? `${ov.period.from} – ${ov.period.to}` : '—'}；记录 ${ov.totals.rows} 行，导入批次 ${ov.totals.imports}，拒绝 ${ov.totals.rejected} 行`);
      for (const t of ov.tables) {
        io.out(`  ${padCols(t.zh, 14)}${String(t.rows).padStart(9)} 行${t.from && t.to ? `  ${t.from} – ${t.to}` : ''}`);
      }
      if (ov.coverage.years.length) {
        io.out(`各单位数据期间 records per unit and year: ${ov.coverage.years.join(' ')}`);
        for (const u of ov.coverage.units) {
          // the unit by name, its code last
          io.out(`  ${padCols(u.unit_id === null ? '未关联单位 no unit matched' : shownText(u.name), 26)}${ov.coverage.years.map((y) => String(u.years[String(y)] ?? 0).padStart(7)).join('')}  ${u.unit_id ?? ''}`);
        }
      }
      io.out(ov.warnings.length ? `数据质量提示 warnings (${ov.warnings.length}):` : '没有数据质量提示 / no data-quality warnings');
      for (const x of ov.warnings) {
        const samples = x.samples.map((s) => `${shownText(String(s.value))}×${s.rows}`).join('、');
        io.out(`  ${x.severity === 'warn' ? '!' : 'i'} ${x.zh}${samples ? `（${samples}）` : ''}\n    ${x.en}`);
      }
      if (ov.warnings.some(personalSamples)) io.out(masked ? '个人信息已脱敏，加 --unmask 显示原文 / personal data masked; --unmask shows it' : '未脱敏，注意保密 / UNMASKED');
      return 0;
    } finally {
      ws.close();
    }
  },
};

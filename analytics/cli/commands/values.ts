import { loadMappingFile } from '../../import/mapping-file.js';
import { shownText } from '../../i18n/shown.js';
import { applyValueMapping, unmatchedValues, type ApplyValuesResult } from '../../import/value-mapping.js';
import { TijianError } from '../../i18n/errors.js';
import { Workspace } from '../../workspace/workspace.js';
import { json, parse, requireOption, type Command } from '../command.js';

const usage =
  'tijian values --workspace FILE [--json]   (lists the enum texts that matched nothing)\n' +
  '             tijian values --workspace FILE --table T --field F TEXT=VALUE...   (maps them in the rows already loaded)\n' +
  '             tijian values --workspace FILE --mapping M.yaml   (the values: section of a mapping file)';

/** Enum texts that matched nothing: listed, and mapped onto the rows already loaded (remembered
 *  for the header layouts they came from). */
export const valuesCommand: Command = {
  name: 'values',
  summary: '未匹配的可选值：列出，或对应到可选值（作用于已导入的行）/ unmatched enum values: list, or map them in loaded rows',
  usage,
  async run(argv, io) {
    const { values, positionals } = parse(
      argv,
      { workspace: { type: 'string' }, table: { type: 'string' }, field: { type: 'string' }, mapping: { type: 'string' }, json: { type: 'boolean' } },
      usage,
    );
    const wsPath = requireOption(values.workspace, 'workspace', usage);
    const jobs: Array<{ table: string; field: string; map: Record<string, string> }> = [];
    if (values.mapping) {
      const m = loadMappingFile(values.mapping);
      for (const [field, map] of Object.entries(m.values ?? {})) {
        jobs.push({ table: m.table, field, map: Object.fromEntries(Object.entries(map).filter((e): e is [string, string] => e[1] !== null)) });
      }
    } else if (values.table || values.field || positionals.length) {
      const table = requireOption(values.table, 'table', usage);
      const field = requireOption(values.field, 'field', usage);
      const map: Record<string, string> = {};
      for (const p of positionals) {
        const i = p.lastIndexOf('=');
        if (i <= 0 || i === p.length - 1) throw new TijianError('USAGE', `“${p}”应写作 原文=可选值。用法：${usage}`, `"${p}" should be TEXT=VALUE. Usage: ${usage}`);
        map[p.slice(0, i)] = p.slice(i + 1);
      }
      jobs.push({ table, field, map });
    }
    // the listing only reads: a workspace that cannot be written is looked at read-only
    const ws = await Workspace.open(wsPath, { create: false, readOnlyFallback: !jobs.length });
    try {
      if (!jobs.length) {
        const list = await unmatchedValues(ws.db);
        if (values.json) io.out(json({ unmatched: list }));
        else if (!list.length) io.out('没有未匹配的取值 / no unmatched values');
        else for (const u of list) io.out(`${u.table}.${u.field}（${u.zh}） 「${shownText(u.value)}」 ×${u.rows} → ${u.fallback ?? '（空 empty）'}；可选 options: ${u.options.join('、')}`);
        return 0;
      }
      const results: ApplyValuesResult[] = [];
      for (const j of jobs) results.push(await applyValueMapping(ws.db, j.table, j.field, j.map));
      if (values.json) io.out(json({ applied: results }));
      else for (const r of results) io.out(`${r.table}.${r.field}: 已更新 ${r.rows} 行，对应关系已记住（${r.layouts} 种表头布局）/ ${r.rows} row(s) updated, remembered for ${r.layouts} layout(s)`);
      return 0;
    } finally {
      ws.close();
    }
  },
};

import { errorText, isTijianError } from '../../i18n/errors.js';
import { shellQuote } from '../../i18n/shell.js';
import { importFileSheets, shownName, type ImportFileResult } from '../../import/import-file.js';
import { expandPaths } from '../../import/import-paths.js';
import { loadMappingFile } from '../../import/mapping-file.js';
import { isMaskedCode, isPlaceholderCode } from '../../import/sql-macros.js';
import { tableDef } from '../../schema/tables.js';
import { Workspace } from '../../workspace/workspace.js';
import { json, parse, requireOption, type Command } from '../command.js';
import { ProgressBar } from '../progress-bar.js';

const usage = 'tijian import --workspace FILE [--mapping FILE] [--json] PATH...';

export const importCommand: Command = {
  name: 'import',
  summary: '导入数据文件或文件夹 / import data files or folders',
  usage,
  async run(argv, io) {
    const { values, positionals } = parse(argv, { workspace: { type: 'string' }, mapping: { type: 'string' }, json: { type: 'boolean' } }, usage);
    const wsPath = requireOption(values.workspace, 'workspace', usage);
    if (!positionals.length) return usageError(io, usage);
    const mapping = values.mapping ? loadMappingFile(values.mapping) : undefined;
    const expanded = expandPaths(positionals);
    const ws = await Workspace.open(wsPath);
    const bar = new ProgressBar();
    const results: Array<ImportFileResult | { file: string; path: string; sheet?: string; error: { code: string; zh: string; en: string } }> = [];
    let failed = expanded.missing.length;
    // Ctrl+C / SIGTERM: the file being imported is rolled back and its staged copy in the temporary
    // folder removed (the workspace's close), then told; a second signal ends at once (probe 12, F7)
    const cancel = new AbortController();
    let signalled: NodeJS.Signals | null = null;
    const onSignal = (sig: NodeJS.Signals) => {
      if (signalled) process.exit(sig === 'SIGINT' ? 130 : 143);
      signalled = sig;
      bar.clear();
      cancel.abort();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    try {
      for (const path of expanded.files) {
        if (signalled) break;
        try {
          // a workbook's other data sheets are batches of their own after the first
          for (const r of await importFileSheets(ws, path, { ...(mapping ? { mapping } : {}), onProgress: (e) => bar.update(e), signal: cancel.signal, ...testHooksFromEnv(cancel.signal) })) {
            bar.clear();
            if ('error' in r) {
              failed++;
              const error = { code: r.error.code, zh: r.error.zh, en: r.error.en };
              results.push({ file: r.file, path: r.path, sheet: r.sheet, error });
              if (!values.json) io.err(`✗ ${r.sheet ? `${r.file}［${r.sheet}］` : r.file}\n  ${error.zh}\n  ${error.en}`);
              continue;
            }
            results.push(r);
            if (!values.json) io.err(describe(r));
          }
        } catch (e) {
          bar.clear();
          failed++;
          const file = shownName(path.split(/[\\/]/).pop()!);
          const error = isTijianError(e) ? { code: e.code, zh: e.zh, en: e.en } : { code: 'INTERNAL', zh: errorText(e), en: errorText(e) };
          results.push({ file, path, error });
          if (!values.json) {
            io.err(`✗ ${file}\n  ${error.zh}\n  ${error.en}`);
            if (error.code === 'MAPPING_MISSING_REQUIRED') io.err(`  命令行：tijian map ${shellQuote(file)} 生成映射模板，填写后用 --mapping 导入 / on the command line: tijian map ${shellQuote(file)} prints a mapping template; import with --mapping`);
          }
        }
      }
    } finally {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      ws.close();
    }
    if (signalled) {
      const done = results.filter((r) => !('error' in r) && !r.skipped_duplicate).length;
      io.err(
        `已取消：正在导入的文件未导入，工作区未因它改变；临时副本已删除。${done ? `此前已完成的 ${done} 个批次已保存。` : ''}\n` +
          `Cancelled: the file being imported was not imported and left the workspace unchanged; its temporary copy was removed.${done ? ` The ${done} batch(es) finished before are saved.` : ''}`,
      );
      return signalled === 'SIGINT' ? 130 : 143;
    }
    const ok = results.filter((r): r is ImportFileResult => !('error' in r));
    const totals = ok.reduce((a, r) => ({ read: a.read + r.rows_read, loaded: a.loaded + r.rows_loaded, rejected: a.rejected + r.rows_rejected }), { read: 0, loaded: 0, rejected: 0 });
    if (values.json) {
      io.out(
        json({
          workspace: wsPath,
          files: results.map((r) =>
            'error' in r
              ? { file: r.file, path: r.path, table: null, import_id: null, rows_read: 0, rows_loaded: 0, rows_rejected: 0, skipped_duplicate: false, error: r.error }
              : r,
          ),
          skipped_files: expanded.skipped,
          missing: expanded.missing,
          totals: { rows_read: totals.read, rows_loaded: totals.loaded, rows_rejected: totals.rejected },
        }),
      );
    } else {
      for (const s of expanded.skipped) io.err(`- 跳过 skipped ${s.path}: ${s.reason_zh} / ${s.reason_en}`);
      for (const m of expanded.missing) io.err(`✗ 找不到 not found: ${m}`);
      // a workbook's data sheets are batches of one file
      const files = new Set(ok.map((r) => r.path)).size;
      const batches = files !== ok.length ? { zh: `（${ok.length} 个批次）`, en: ` (${ok.length} batches)` } : { zh: '', en: '' };
      io.err(
        `合计 ${files} 个文件${batches.zh}：读取 ${totals.read} 行 = 导入 ${totals.loaded} + 拒绝 ${totals.rejected}` +
          (failed ? `；${failed} 个失败` : '') +
          `\nTotal ${files} file(s)${batches.en}: read ${totals.read} = loaded ${totals.loaded} + rejected ${totals.rejected}` +
          (failed ? `; ${failed} failed` : ''),
      );
    }
    return failed ? 1 : 0;
  },
};

/** A table as people call it: 处罚案件 / Penalty cases (the id only for a table we do not know). */
function tableText(name: string | null): { zh: string; en: string } {
  const t = name ? tableDef(name) : undefined;
  return t ? { zh: t.zh, en: t.en } : { zh: name ?? '', en: name ?? '' };
}

function describe(r: ImportFileResult): string {
  const t = tableText(r.table);
  // a workbook of several sheets: the sheet read (its other data sheets follow as batches of their own)
  const name = r.sheet !== undefined ? `${r.file}［${r.sheet}］` : r.file;
  const others = r.other_sheets?.length
    ? [`  工作表“${r.other_sheets.join('”“')}”也是数据表，各作为单独批次导入（见下）/ sheet(s) "${r.other_sheets.join('", "')}" hold data too: each imported as a batch of its own (below)`]
    : [];
  if (r.skipped_duplicate) {
    return [`= ${name} → ${t.zh}：与导入批次 #${r.duplicate_of} 相同，未改变 / identical to import #${r.duplicate_of}, nothing changed`, ...others].join('\n');
  }
  const lines = [
    `✓ ${name} → ${t.zh}（批次 #${r.import_id}，${r.format}${r.encoding ? `，${r.encoding}` : ''}）：读取 ${r.rows_read} = 导入 ${r.rows_loaded} + 拒绝 ${r.rows_rejected} / ${t.en}: read ${r.rows_read} = loaded ${r.rows_loaded} + rejected ${r.rows_rejected}`,
  ];
  if (r.rows_rejected) lines.push(`  被拒绝的行及原因：tijian rejected --workspace … --import ${r.import_id}（--out 文件.xlsx 可导出发回补正）/ rejected rows: tijian rejected --import ${r.import_id} [--out FILE.xlsx]`);
  if (r.table_confidence === 'likely') lines.push(`  ? 数据表“${r.table}”是推测，待确认 / the table is a guess, to be confirmed`);
  for (const d of r.likely ?? []) lines.push(`  ? 待确认 to confirm: 「${d.column}」→ ${d.field}（${d.why}）`);
  for (const u of r.unresolved ?? []) {
    const eg = u.samples.map((x) => `「${x.value}」`).join('、');
    const egEn = u.samples.map((x) => `"${x.value}"`).join(', ');
    lines.push(
      `  ! 未能对应 unresolved: “${u.zh}”有 ${u.rows} 行未能对应到${u.list_zh}${u.no_list ? `（尚未导入${u.list_zh}）` : ''}，如${eg}；行已导入、原文保留 / ${u.rows} row(s): "${u.en}" matched no entry of the ${u.list_en}${u.no_list ? ` (none imported yet)` : ''}, e.g. ${egEn}; rows loaded, text kept`,
    );
  }
  if (r.unmapped_headers.length) {
    // a file of a thousand extra columns is not listed whole on the terminal (--json has them all)
    const shown = r.unmapped_headers.slice(0, 40).join('、');
    const more = r.unmapped_headers.length > 40 ? ` …（共 ${r.unmapped_headers.length} 列 / ${r.unmapped_headers.length} in all）` : '';
    lines.push(`  未映射的列（原样保留在“未映射的列”中）/ unmapped columns (kept as written): ${shown}${more}`);
  }
  for (const v of r.values_likely ?? []) lines.push(`  ? 待确认 to confirm: ${v.field} 「${v.value}」→ ${v.to}（${v.rows} 行 rows）`);
  for (const v of r.values_unmatched ?? []) {
    lines.push(`  ! 未匹配的取值 unmatched value: ${v.field} 「${v.value}」 ×${v.rows} → ${v.to ?? '（空 empty）'}，原文保留 / text kept (tijian values 可对应 / map with tijian values)`);
  }
  // a placeholder for "empty" (/, 无, NULL) is no problem of the value, only said; a masked id
  // number is read but names no one
  for (const v of r.values_invalid ?? [])
    lines.push(`  ${isPlaceholderCode(v.code) ? '· 按空值读取 read as empty' : isMaskedCode(v.code) ? '! 脱敏号码 masked id' : '! 无法识别的值 unreadable value'}: ${v.zh} / ${v.en} ×${v.rows}`);
  for (const w of r.warnings) lines.push(`  ! ${w}`);
  return [...lines, ...others].join('\n');
}

function usageError(io: { err: (s: string) => void }, u: string): number {
  io.err(`用法 usage: ${u}`);
  return 2;
}

/** Tests kill the process in the middle of a transaction: TIJIAN_TEST_PAUSE_BEFORE_COMMIT=1 makes
 *  the import stop just before COMMIT and say so on stderr (until cancelled by a signal). */
function testHooksFromEnv(signal: AbortSignal) {
  if (!process.env.TIJIAN_TEST_PAUSE_BEFORE_COMMIT) return {};
  return {
    testHooks: {
      beforeCommit: () =>
        new Promise<void>((_, reject) => {
          // a timer keeps the process alive while it waits (a bare pending promise would let it end)
          const alive = setInterval(() => {}, 1000);
          signal.addEventListener('abort', () => {
            clearInterval(alive);
            reject(new Error('INTERRUPT: cancelled before commit'));
          });
          process.stderr.write('TIJIAN_PAUSED_BEFORE_COMMIT\n');
        }),
    },
  };
}

// tijian rectify — the rectification ledger (整改台账): create items from a saved run, list them,
// export the notices, feedback forms and the ledger, import the filled forms, edit one item,
// check the closed ones against a period's data.
import { checkTypedText, shownText } from '../../i18n/shown.js';
import { join, resolve } from 'node:path';
import { lit } from '../../db/duck.js';
import { parsePeriod } from '../../eval/period.js';
import { errorText, isTijianError, TijianError } from '../../i18n/errors.js';
// The modules that write notices (docx, charts) and spreadsheets are loaded by `rectify export`
// only, so the other subcommands (and `tijian --help`, which loads every command) do without them.
import { createFromRun } from '../../rectify/create.js';
import { importFeedback, isFeedbackTemplate } from '../../rectify/feedback.js';
import { countItems, currentActor, getItem, itemChecks, itemHistory, listItems, maskEvent, maskItem, updateItem } from '../../rectify/ledger.js';
import { KIND_ZH, parseItemCode, STATUSES, STORED_STATUSES, type ItemPatch, type RectifyItem, type RectifyStatus, type StoredStatus } from '../../rectify/types.js';
import { verifyPeriod } from '../../rectify/verify.js';
import { Workspace } from '../../workspace/workspace.js';
import { dateOption, json, parse, requireOption, type CliIO, type Command } from '../command.js';
import { ProgressBar } from '../progress-bar.js';

const usage = [
  'tijian rectify create --workspace FILE (--run RUN_ID | --period 2023) [--issued YYYY-MM-DD] [--json]',
  '             tijian rectify list --workspace FILE [--unit ID] [--status 待整改|整改中|逾期|已整改|不予整改] [--period P] [--as-of YYYY-MM-DD] [--item ZG…] [--unmask] [--json]',
  '             tijian rectify export --workspace FILE --out DIR [--period P] [--unit ID]... [--date YYYY-MM-DD] [--what all|notices|ledger] [--unmask]',
  '             tijian rectify import --workspace FILE [--json] FILE.xlsx|.xls...',
  '             tijian rectify set --workspace FILE --item ZG… [--status S] [--deadline D] [--measures T] [--completed D] [--proof T] [--owner NAME] [--reason T] [--by NAME] [--json]',
  '             tijian rectify verify --workspace FILE --period 2024 [--json]',
].join('\n');

function fail(msg: string, en = msg): never {
  throw new TijianError('USAGE', `${msg}\n用法：${usage}`, `${en}\nUsage: ${usage}`);
}

const STATUS_WORD_EN: Record<string, string> = { 待整改: 'to rectify', 整改中: 'in progress', 逾期: 'overdue', 已整改: 'rectified', 不予整改: 'not to be rectified' };
const STATUS_EN = STATUSES.map((x) => STATUS_WORD_EN[x]).join(', ');

function itemLine(i: RectifyItem): string {
  const overdue = i.status === '逾期' ? `（逾期${i.days_overdue}天）` : '';
  const check = i.check ? `  [${i.check.period}复核：${i.check.outcome}]` : '';
  return `${i.code}  ${shownText(i.unit_name).padEnd(12, '　')}  ${KIND_ZH[i.kind]}  ${i.severity}  ${i.status}${overdue}  期限 ${i.deadline}  ${shownText(i.source_name)}${check}`;
}

async function withWorkspace<T>(path: string, fn: (ws: Workspace) => Promise<T>): Promise<T> {
  const ws = await Workspace.open(path, { create: false });
  try {
    return await fn(ws);
  } finally {
    ws.close();
  }
}

async function create(argv: string[], io: CliIO): Promise<number> {
  const { values } = parse(argv, { workspace: { type: 'string' }, run: { type: 'string' }, period: { type: 'string' }, issued: { type: 'string' }, json: { type: 'boolean' } }, usage);
  const wsPath = requireOption(values.workspace, 'workspace', usage);
  if (!values.run === !values.period) fail('请指定 --run 或 --period 之一 / give --run or --period');
  if (values.run && !/^\d+$/.test(values.run)) fail('--run 应为评估批次编号 / --run must be a run id');
  const issued = dateOption(values.issued, 'issued');
  return withWorkspace(wsPath, async (ws) => {
    let runId = values.run ? Number(values.run) : 0;
    if (!runId) {
      const p = parsePeriod(values.period!);
      runId = Number((await ws.db.scalar(`SELECT max(run_id) FROM eval_run WHERE period_label = ${lit(p.label)}`)) ?? 0);
      if (!runId) {
        throw new TijianError('RUN_NOT_FOUND', `没有 ${p.label} 的评估批次。请先运行 tijian evaluate --period ${p.label}。`, `No saved run of ${p.label}. Run tijian evaluate --period ${p.label} first.`);
      }
    }
    const r = await createFromRun(ws, runId, { ...(issued ? { issuedOn: issued } : {}), source: `命令行：由评估批次 #${runId} 生成` });
    if (r.data_changed) io.err(`注意 Note: ${r.data_changed.zh} / ${r.data_changed.en}`);
    if (values.json) io.out(json(r));
    else {
      io.out(
        `评估批次 #${r.run_id}（${r.period}）发现问题 ${r.problems} 个：新建整改事项 ${r.created} 个（法定红线 ${r.by_kind.red_line}、问题线索 ${r.by_kind.review}、指标问题 ${r.by_kind.indicator}），已在台账中 ${r.existing} 个（未改动）。\n` +
          `Run #${r.run_id} (${r.period}): ${r.problems} problem(s); ${r.created} item(s) created, ${r.existing} already in the ledger (unchanged).`,
      );
    }
    return 0;
  });
}

async function list(argv: string[], io: CliIO): Promise<number> {
  const { values } = parse(
    argv,
    { workspace: { type: 'string' }, unit: { type: 'string' }, status: { type: 'string' }, period: { type: 'string' }, 'as-of': { type: 'string' }, item: { type: 'string' }, unmask: { type: 'boolean' }, json: { type: 'boolean' } },
    usage,
  );
  const wsPath = requireOption(values.workspace, 'workspace', usage);
  if (values.status && !(STATUSES as readonly string[]).includes(values.status)) fail(`--status 只能是 ${STATUSES.join('、')}：${values.status}`, `--status must be one of ${STATUSES.join(', ')} (${STATUS_EN}): ${values.status}`);
  const asOf = dateOption(values['as-of'], 'as-of');
  return withWorkspace(wsPath, async (ws) => {
    const unmask = !!values.unmask;
    if (values.item) {
      const id = parseItemCode(values.item);
      if (id === null) fail(`事项编号无法识别：${values.item}`, `Not an item code (ZG000123): ${values.item}`);
      const item = await getItem(ws.db, id, asOf);
      const history = await itemHistory(ws.db, id);
      const checks = await itemChecks(ws.db, id);
      const shown = unmask ? item : maskItem(item);
      if (values.json) io.out(json({ item: shown, history: unmask ? history : history.map(maskEvent), checks, masked: !unmask }));
      else {
        io.out(itemLine(shown));
        const ev = shown.evidence;
        io.out(`  问题：${shownText(item.problem)}\n  要求：${shownText(item.requirement)}\n  证据：评估批次 #${ev.run_id}${ev.refs?.length ? `，线索号 ${ev.refs.join('、')}` : ev.records?.length ? `，记录 ${ev.records.map((r) => shownText(Object.values(r).join('/'))).join('、')}` : ''}`);
        if (shown.measures) io.out(`  整改措施：${shownText(shown.measures)}`);
        if (shown.completed_on) io.out(`  完成时间：${shown.completed_on}`);
        if (shown.owner) io.out(`  责任人：${shownText(shown.owner)}`);
        io.out('  变更记录 history:');
        for (const e of unmask ? history : history.map(maskEvent)) io.out(`    ${e.changed_at}  ${e.action}  ${e.prev_status ?? '—'} → ${e.status}  ${shownText(e.source)}${e.actor ? `（${shownText(e.actor)}）` : ''}`);
        for (const c of checks) io.out(`  ${c.period} 数据复核：${c.outcome}  ${shownText(c.detail_zh)}`);
      }
      return 0;
    }
    const items = await listItems(ws.db, {
      ...(values.unit ? { unit: values.unit } : {}),
      ...(values.status ? { status: values.status as RectifyStatus } : {}),
      ...(values.period ? { period: parsePeriod(values.period).label } : {}),
      ...(asOf ? { asOf } : {}),
    });
    const c = countItems(items);
    if (values.json) io.out(json({ counts: c, items: unmask ? items : items.map(maskItem), masked: !unmask }));
    else {
      if (!items.length) io.out('没有整改事项 / no items');
      for (const i of items) io.out(itemLine(i));
      io.out(`共 ${c.total} 个：${STATUSES.map((s) => `${s} ${c.by_status[s]}`).join('，')} / ${c.total} item(s)`);
    }
    return 0;
  });
}

async function exportCmd(argv: string[], io: CliIO): Promise<number> {
  const { values } = parse(
    argv,
    { workspace: { type: 'string' }, out: { type: 'string' }, period: { type: 'string' }, unit: { type: 'string', multiple: true }, date: { type: 'string' }, what: { type: 'string' }, unmask: { type: 'boolean' }, 'as-of': { type: 'string' } },
    usage,
  );
  const wsPath = requireOption(values.workspace, 'workspace', usage);
  const out = resolve(requireOption(values.out, 'out', usage));
  const what = values.what ?? 'all';
  if (!['all', 'notices', 'ledger'].includes(what)) fail('--what 只能是 all、notices、ledger', '--what must be all, notices or ledger');
  const date = dateOption(values.date, 'date');
  const asOf = dateOption(values['as-of'], 'as-of');
  return withWorkspace(wsPath, async (ws) => {
    const { exportUnitFiles, newestPeriod, writeLedger } = await import('../../rectify/export.js');
    const period = values.period ? parsePeriod(values.period).label : ((await newestPeriod(ws.db)) ?? undefined);
    const unmask = !!values.unmask;
    if (what !== 'ledger') {
      const files = await exportUnitFiles(ws.db, out, {
        ...(period ? { period } : {}),
        ...(values.unit?.length ? { units: values.unit } : {}),
        ...(date ? { date } : {}),
        unmask,
        onProgress: (d, t) => io.err(`  ${d}/${t}`),
      });
      for (const f of files) io.out(`${f.notice}\n${f.template}`);
      io.err(`已为 ${files.length} 个单位写出整改通知书和反馈表 / notices and feedback forms for ${files.length} unit(s)`);
    }
    if (what !== 'notices') {
      const path = join(out, `整改台账${period ? `_${period}` : ''}${unmask ? '_未脱敏' : ''}.xlsx`);
      const r = await writeLedger(ws.db, path, { ...(period ? { period } : {}), ...(asOf ? { asOf } : {}), unmask });
      io.out(path);
      io.err(`整改台账：${r.items} 个事项、${r.events} 条变更记录${unmask ? '（未脱敏，注意保密）' : '（责任人已脱敏）'} / ledger: ${r.items} item(s), ${r.events} change(s)`);
    }
    return 0;
  });
}

async function importCmd(argv: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parse(argv, { workspace: { type: 'string' }, json: { type: 'boolean' } }, usage);
  const wsPath = requireOption(values.workspace, 'workspace', usage);
  if (!positionals.length) fail('请给出反馈表文件 / give the feedback form file(s)');
  return withWorkspace(wsPath, async (ws) => {
    const bar = new ProgressBar();
    const results: unknown[] = [];
    let failed = 0;
    for (const p of positionals) {
      try {
        if (!(await isFeedbackTemplate(resolve(p)))) {
          throw new TijianError('FILE_UNSUPPORTED', `“${p}”不是 Tijian 导出的整改反馈表（缺少隐藏的标识工作表）。数据文件请用 tijian import 导入。`, `"${p}" is not a feedback form exported by Tijian (no marker sheet). Import data files with tijian import.`);
        }
        const r = await importFeedback(ws, resolve(p), { onProgress: (e) => bar.update(e) });
        bar.clear();
        results.push(r);
        if (!values.json) {
          io.err(
            r.skipped_duplicate
              ? `= ${shownText(r.file)}: ${shownText(r.warnings[0] ?? `与导入 #${r.duplicate_of} 相同，未改变 / identical to import #${r.duplicate_of}`)}`
              : `✓ ${shownText(r.file)} (#${r.import_id}, 单位 ${r.rectify.unit_id}): 读取 ${r.rows_read} = 更新 ${r.rows_loaded} + 拒绝 ${r.rows_rejected}；${r.rectify.changed} 个事项有变化 / read ${r.rows_read} = updated ${r.rows_loaded} + rejected ${r.rows_rejected}`,
          );
          // what the import said besides its summary (statuses written 逾期, formulas with no result)
          for (const w of r.skipped_duplicate ? [] : r.warnings.slice(1)) io.err(`  ! ${w}`);
          if (r.rows_rejected) {
            const rows = await ws.db.all<{ line_no: number; reason_zh: string; reason_en: string }>(`SELECT line_no, reason_zh, reason_en FROM rejected_row WHERE import_id = ${r.import_id} ORDER BY line_no`);
            for (const x of rows) io.err(`    第 ${x.line_no} 行 row ${x.line_no}: ${shownText(x.reason_zh)} / ${shownText(x.reason_en)}`);
          }
        }
      } catch (e) {
        bar.clear();
        failed++;
        const error = isTijianError(e) ? { code: e.code, zh: e.zh, en: e.en } : { code: 'INTERNAL', zh: errorText(e), en: errorText(e) };
        results.push({ file: p, error });
        if (!values.json) io.err(`✗ ${p}\n  ${error.zh}\n  ${error.en}`);
      }
    }
    if (values.json) io.out(json({ files: results }));
    return failed ? 1 : 0;
  });
}

async function setCmd(argv: string[], io: CliIO): Promise<number> {
  const { values } = parse(
    argv,
    {
      workspace: { type: 'string' },
      item: { type: 'string' },
      status: { type: 'string' },
      deadline: { type: 'string' },
      measures: { type: 'string' },
      completed: { type: 'string' },
      proof: { type: 'string' },
      owner: { type: 'string' },
      reason: { type: 'string' },
      by: { type: 'string' },
      json: { type: 'boolean' },
    },
    usage,
  );
  const wsPath = requireOption(values.workspace, 'workspace', usage);
  const id = parseItemCode(requireOption(values.item, 'item', usage));
  if (id === null) fail(`事项编号无法识别：${values.item}`, `Not an item code (ZG000123): ${values.item}`);
  if (values.status && !(STORED_STATUSES as readonly string[]).includes(values.status)) {
    fail(
      `--status 只能是 ${STORED_STATUSES.join('、')}（逾期由期限自动判定，不能设置）：${values.status}`,
      `--status must be one of ${STORED_STATUSES.join(', ')} (${STORED_STATUSES.map((x) => STATUS_WORD_EN[x]).join(', ')}; 逾期, overdue, follows from the deadline and cannot be set): ${values.status}`,
    );
  }
  const deadline = dateOption(values.deadline, 'deadline');
  const completed = dateOption(values.completed, 'completed');
  const patch: ItemPatch = {
    ...(values.status ? { status: values.status as StoredStatus } : {}),
    ...(deadline ? { deadline } : {}),
    ...(values.measures !== undefined ? { measures: values.measures } : {}),
    ...(completed ? { completed_on: completed } : {}),
    ...(values.proof !== undefined ? { proof: values.proof } : {}),
    ...(values.owner !== undefined ? { owner: values.owner } : {}),
    ...(values.reason !== undefined ? { status_reason: values.reason } : {}),
  };
  if (!Object.keys(patch).length) fail('没有要修改的内容 / nothing to change');
  return withWorkspace(wsPath, async (ws) => {
    // who made the change, for the history: --by, else the account running Tijian, as form imports
    // and the 整改 screen record it (it was left empty: probe 15, F5)
    const by = values.by?.trim();
    if (by !== undefined) checkTypedText(by, ['操作人', 'by']);
    if (by && Array.from(by).length > 100) fail('--by 不超过 100 个字', '--by takes at most 100 characters');
    const r = await updateItem(ws.db, id, patch, { source: '命令行 rectify set', actor: by || currentActor() });
    if (values.json) io.out(json({ item: maskItem(r.item), changed: r.changed }));
    else io.out(r.changed.length ? `已更新 ${r.item.code}：${r.changed.join('、')}；状态 ${r.item.status}` : `${r.item.code} 没有变化 / nothing changed`);
    return 0;
  });
}

async function verifyCmd(argv: string[], io: CliIO): Promise<number> {
  const { values } = parse(argv, { workspace: { type: 'string' }, period: { type: 'string' }, json: { type: 'boolean' } }, usage);
  const wsPath = requireOption(values.workspace, 'workspace', usage);
  const p = parsePeriod(requireOption(values.period, 'period', usage));
  return withWorkspace(wsPath, async (ws) => {
    const r = await verifyPeriod(ws, p);
    if (values.json) io.out(json(r));
    else {
      io.out(`${p.label} 数据复核已整改事项 ${r.checked} 个：未复发 ${r.by_outcome['已整改']}，复发 ${r.by_outcome['复发']}，无法核验 ${r.by_outcome['无法核验']}（新记录 ${r.written} 条）`);
      for (const x of r.results.filter((x) => x.outcome !== '已整改')) io.out(`  ZG${String(x.item_id).padStart(6, '0')}  ${x.outcome}  ${shownText(x.detail_zh)}`);
    }
    return 0;
  });
}

export const rectifyCommand: Command = {
  name: 'rectify',
  summary: '整改台账：生成、列出、导出通知书和反馈表、导入反馈 / the rectification ledger',
  usage,
  async run(argv, io) {
    const [sub, ...rest] = argv;
    switch (sub) {
      case 'create':
        return create(rest, io);
      case 'list':
        return list(rest, io);
      case 'export':
        return exportCmd(rest, io);
      case 'import':
        return importCmd(rest, io);
      case 'set':
        return setCmd(rest, io);
      case 'verify':
        return verifyCmd(rest, io);
      default:
        return fail(sub ? `未知的子命令“${sub}”` : '请给出子命令 create、list、export、import、set 或 verify', sub ? `unknown subcommand "${sub}"` : 'give a subcommand: create, list, export, import, set or verify');
    }
  },
};

// tijian review — the discipline-review red flags (问题线索) of a period, with evidence; and
// tijian mark — a reviewer's conclusion on a hit (已核实 / 已排除 / 待核查) with a note.
import { shownText } from '../../i18n/shown.js';
import { periodText, periodZh } from '../../eval/period.js';
import { extname, resolve } from 'node:path';
import { TijianError } from '../../i18n/errors.js';
import { hitKeyNames } from '../../review/keys.js';
import {
  MARK_STATUSES,
  UNRESOLVED_UNIT,
  isMarkStatus,
  isRef,
  listMarks,
  loadDefaultRules,
  loadRulesFile,
  markHit,
  reviewJson,
  ruleById,
  runReview,
  withMaskedText,
  writeEvidencePack,
  type LoadedRules,
  type MarkStatus,
} from '../../review/index.js';
import { Workspace } from '../../workspace/workspace.js';
import { prepareOut } from '../out-path.js';
import { json, parse, requireOption, type CliIO, type Command } from '../command.js';

const reviewUsage = 'tijian review --workspace FILE --period 2024 [--rules FILE] [--rule ID]... [--json] [--out FILE.xlsx] [--unmask]';

async function rulesFrom(path: string | undefined): Promise<LoadedRules> {
  return path ? loadRulesFile(resolve(path)) : loadDefaultRules();
}

function printHuman(io: CliIO, r: Awaited<ReturnType<typeof runReview>>): void {
  io.out(`问题线索 ${periodZh(r.period)}（${r.period.start} 至 ${r.period.end}） 规则集 ${r.rules_id} ${r.rules_version ?? ''}  共 ${r.hits.length} 条  (${(r.seconds ?? 0).toFixed(2)} s)`);
  const unit = (u: string) => (u === UNRESOLVED_UNIT ? '未识别单位' : (r.unit_names?.[u] ?? u));
  for (const s of r.rules) {
    const units = Object.entries(s.units)
      .sort((a, b) => b[1] - a[1])
      .map(([u, n]) => `${unit(u)}×${n}`)
      .join(' ');
    io.out(`  [${s.severity}] ${s.name.zh}（${s.id}）: ${s.hits}${units ? `  ${units}` : ''}`);
  }
  for (const s of r.rules) {
    const hits = r.hits.filter((h) => h.rule === s.id);
    if (!hits.length) continue;
    io.out(`\n${s.name.zh}（${s.basis}）`);
    for (const h of hits) {
      // an earlier period's conclusion is history, told apart from this period's status
      const prev = h.previous_mark ? `  （${h.previous_mark.period ? periodText(h.previous_mark.period, 'zh-CN') : '未注明期间'}的核查结论：${h.previous_mark.status}${h.previous_mark.note ? `，${shownText(h.previous_mark.note)}` : ''}）` : '';
      io.out(`  ${h.ref}  ${(h.mark?.status ?? '未标记').padEnd(3, '　')}  ${shownText(h.summary)}${h.mark?.note ? `  —— ${shownText(h.mark.note)}` : ''}${prev}`);
    }
  }
  io.out('\n个人信息未在此列出；用 --out 导出证据包（默认脱敏）。标注：tijian mark --workspace W --rule 规则 --key 线索号 --period 期间 --status 已核实 --note 意见');
}

export const reviewCommand: Command = {
  name: 'review',
  summary: '问题线索核查 / discipline-review red flags with evidence',
  usage: reviewUsage,
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        workspace: { type: 'string' },
        period: { type: 'string' },
        rules: { type: 'string' },
        rule: { type: 'string', multiple: true },
        json: { type: 'boolean' },
        out: { type: 'string' },
        unmask: { type: 'boolean' },
      },
      reviewUsage,
    );
    const wsPath = requireOption(values.workspace, 'workspace', reviewUsage);
    const period = requireOption(values.period, 'period', reviewUsage);
    const out = values.out ? prepareOut(values.out, { exts: ['.xlsx'] }) : undefined;
    const rules = await rulesFrom(values.rules);
    const ws = await Workspace.open(wsPath, { create: false, readOnlyFallback: true });
    try {
      const r = await runReview(ws, { period, rules, ...(values.rule?.length ? { only: values.rule } : {}) });
      const unmask = values.unmask === true;
      if (values.out) {
        await writeEvidencePack(r, out!, { unmask });
        io.err(`已写入证据包 wrote ${values.out}${unmask ? '（未脱敏 / unmasked）' : '（个人信息已脱敏 / personal data masked）'}`);
      }
      if (values.json) io.out(json(reviewJson(r, { unmask })));
      else printHuman(io, unmask ? r : withMaskedText(r));
      return 0;
    } finally {
      ws.close();
    }
  },
};

const markUsage =
  'tijian mark --workspace FILE --rule ID --key HIT_KEY|REF --period 2024 --status 已核实|已排除|待核查 [--note TEXT] [--reviewer NAME] [--rules FILE] [--json]\n' +
  '             tijian mark --workspace FILE --list [--rule ID] [--json]';

const STATUS_ALIASES: Record<string, MarkStatus> = {
  verified: '已核实',
  confirmed: '已核实',
  excluded: '已排除',
  dismissed: '已排除',
  pending: '待核查',
};

export const markCommand: Command = {
  name: 'mark',
  summary: '标注问题线索核查结论 / mark a red-flag hit as reviewed',
  usage: markUsage,
  async run(argv, io) {
    const { values } = parse(
      argv,
      {
        workspace: { type: 'string' },
        rule: { type: 'string' },
        key: { type: 'string' },
        status: { type: 'string' },
        note: { type: 'string' },
        reviewer: { type: 'string' },
        period: { type: 'string' },
        rules: { type: 'string' },
        list: { type: 'boolean' },
        json: { type: 'boolean' },
      },
      markUsage,
    );
    const wsPath = requireOption(values.workspace, 'workspace', markUsage);
    if (values.list) {
      const ws = await Workspace.open(wsPath, { create: false, readOnlyFallback: true });
      try {
        const marks = await listMarks(ws, values.rule ? { rule: values.rule } : {});
        if (values.json) io.out(json({ marks }));
        else {
          if (!marks.length) io.out('没有核查标注 / no marks');
          for (const m of marks) io.out(`${m.updated_at}  ${m.period_label ?? '（未注明期间）'}  ${m.rule}  ${m.ref}  ${m.status}  ${m.reviewer ? shownText(m.reviewer) : '—'}  ${shownText(m.note)}`);
        }
        return 0;
      } finally {
        ws.close();
      }
    }
    const ruleId = requireOption(values.rule, 'rule', markUsage);
    const key = requireOption(values.key, 'key', markUsage).trim();
    const rawStatus = requireOption(values.status, 'status', markUsage).trim();
    const status = STATUS_ALIASES[rawStatus.toLowerCase()] ?? rawStatus;
    if (!isMarkStatus(status)) {
      throw new TijianError('USAGE', `--status 只能是 ${MARK_STATUSES.join('、')}`, `--status must be one of ${MARK_STATUSES.join(', ')} (or verified, excluded, pending)`);
    }
    const rules = await rulesFrom(values.rules);
    const rule = ruleById(rules, ruleId);
    if (!rule) {
      throw new TijianError('NOT_FOUND', `没有规则“${ruleId}”，可选：${rules.rules.rules.map((r) => r.id).join('、')}`, `No rule "${ruleId}"`);
    }
    // A mark concludes one period's clue (a case still open next year is a new clue), so the
    // period is required and the hit must be among that period's hits.
    const period = requireOption(values.period, 'period', markUsage);
    const ws = await Workspace.open(wsPath, { create: false });
    try {
      const r = await runReview(ws, { period, rules, only: [ruleId] });
      const hit = r.hits.find((h) => h.hit_key === key || h.ref === key);
      if (!hit) {
        if (!isRef(key) && key.includes('=')) {
          const unknown = hitKeyNames(key).filter((n) => !rule.keys.includes(n));
          if (unknown.length) {
            throw new TijianError('USAGE', `hit_key 中的键 ${unknown.join('、')} 不属于规则 ${ruleId}（应为 ${rule.keys.join('、')}）`, `Keys ${unknown.join(', ')} do not belong to rule ${ruleId}`);
          }
        }
        throw new TijianError('NOT_FOUND', `规则 ${ruleId} 在 ${r.period.label} 没有线索“${key}”`, `Rule ${ruleId} has no hit "${key}" in ${r.period.label}`);
      }
      const hitKey = hit.hit_key;
      const mark = await markHit(ws, {
        rule: ruleId,
        hitKey,
        status,
        note: values.note ?? '',
        reviewer: values.reviewer ?? null,
        keys: hit.keys,
        period: r.period.label,
      });
      const stored = (await listMarks(ws, { rule: ruleId, hitKey }))[0]!;
      if (values.json) io.out(json({ rule: ruleId, ref: stored.ref, hit_key: hitKey, mark }));
      else io.out(`已标注 ${ruleId} ${stored.ref}：${mark.status}${mark.note ? `（${shownText(mark.note)}）` : ''}`);
      return 0;
    } finally {
      ws.close();
    }
  },
};

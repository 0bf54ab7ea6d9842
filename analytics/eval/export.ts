// A run's results as files: JSON (the whole result), CSV (one row per unit and the county) and
// XLSX (ranking, indicator values, targets, robustness).
import { extname } from 'node:path';
import { TijianError } from '../i18n/errors.js';
import { writeCsv, writeXlsx, type Column } from '../export/tabular.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import type { EvaluationResult } from './types.js';

/** The --json shape: periods as labels; everything else as in EvaluationResult. */
export function resultJson(r: EvaluationResult): Record<string, unknown> {
  return {
    run_id: r.run_id,
    period: r.period.label,
    period_range: { start: r.period.start, end: r.period.end },
    compare: r.compare?.label ?? null,
    index_id: r.index_id,
    index_version: r.index_version,
    index_sha256: r.index_sha256,
    engine_version: r.engine_version,
    params: r.params,
    entities: r.entities.map((e) => ({
      entity_id: e.entity_id,
      name: e.name,
      short_name: e.short_name,
      entity_type: e.entity_type,
      unit_type: e.unit_type,
      total: e.total,
      grade: e.grade,
      rank: e.rank,
      // why a unit has no rank (数据不足 / 期内撤销), and the date of a unit abolished within the period
      unranked: e.unranked ?? null,
      abolished_date: e.abolished_date ?? null,
      flags: e.flags,
      vetoed_by: e.vetoed_by,
      dimensions: e.dimensions,
      dimension_notes: e.dimension_notes,
      indicators: e.indicators,
      change: e.change ?? null,
      previous: e.previous ? { total: e.previous.total, grade: e.previous.grade, rank: e.previous.rank, dimensions: e.previous.dimensions } : null,
    })),
    targets: r.targets,
    dimensions: r.dimensions,
    indicators: r.indicators,
    robustness: r.robustness,
    // data readiness, the small-number rule's cases, the funnel plots and the discrimination audit
    readiness: r.readiness ?? null,
    compare_readiness: r.compare_readiness ?? null,
    compare_dropped: r.compare_dropped ?? null,
    small_numbers: r.small_numbers ?? null,
    funnels: r.funnels ?? [],
    audit: r.audit ?? null,
    data: r.data,
    seconds: r.seconds,
  };
}

function wideRows(r: EvaluationResult): { columns: Column[]; rows: Array<Record<string, unknown>> } {
  const columns: Column[] = [
    { key: 'rank', header: '排名', width: 6 },
    { key: 'entity_id', header: '单位编码', width: 10 },
    { key: 'name', header: '单位名称', width: 28 },
    { key: 'unit_type', header: '队伍类型', width: 8 },
    { key: 'total', header: '总分', numFmt: '0.0' },
    { key: 'grade', header: '等次', width: 8 },
    { key: 'change', header: '总分变化', numFmt: '+0.0;-0.0;0.0' },
    { key: 'flags', header: '红线', width: 30 },
    ...r.dimensions.map((d) => ({ key: `dim_${d.id}`, header: d.name.zh, numFmt: '0.0' })),
    ...r.indicators.flatMap((i) => [
      { key: `raw_${i.id}`, header: `${i.name.zh}（值）`, numFmt: i.unit === 'percent' ? '0.0%' : '0.00' },
      { key: `score_${i.id}`, header: `${i.name.zh}（得分）`, numFmt: '0.0' },
    ]),
  ];
  const rows = r.entities.map((e) => {
    const row: Record<string, unknown> = {
      rank: e.rank,
      entity_id: e.entity_id,
      name: e.name,
      unit_type: e.unit_type ?? '全县',
      total: e.total,
      grade: e.grade,
      change: e.change?.total ?? null,
      flags: e.flags.map((f) => `${f.name.zh}×${f.hits}`).join('；'),
    };
    for (const d of r.dimensions) row[`dim_${d.id}`] = e.dimensions[d.id];
    for (const i of r.indicators) {
      const v = e.indicators[i.id]!;
      row[`raw_${i.id}`] = v.raw;
      row[`score_${i.id}`] = v.score;
    }
    return row;
  });
  return { columns, rows };
}

/** `ext`: the format, when `path` is not named by it (a temporary file). */
export async function writeResult(r: EvaluationResult, path: string, ext = extname(path).toLowerCase()): Promise<void> {
  switch (ext) {
    case '.json':
      await writeFileAtomic(path, JSON.stringify(resultJson(r), null, 2));
      return;
    case '.csv': {
      const { columns, rows } = wideRows(r);
      await writeCsv(path, columns, rows);
      return;
    }
    case '.xlsx': {
      const { columns, rows } = wideRows(r);
      const title = [`${r.index_name.zh} · ${r.period.label}${r.compare ? `（对比 ${r.compare.label}）` : ''} · 评估批次 #${r.run_id}`];
      await writeXlsx(path, [
        { name: '排名与得分', title, columns, rows },
        {
          name: '目标达成',
          title,
          columns: [
            { key: 'name', header: '指标', width: 28 },
            { key: 'op', header: '要求', width: 6 },
            { key: 'target', header: '目标值', numFmt: '0.###' },
            { key: 'actual', header: '实际值', numFmt: '0.###' },
            { key: 'previous', header: '上期', numFmt: '0.###' },
            { key: 'met', header: '是否达成', width: 8 },
            { key: 'source', header: '目标来源', width: 10 },
            { key: 'note', header: '依据', width: 60 },
          ],
          rows: r.targets.map((t) => ({ ...t, name: t.name.zh, met: t.met === null ? '无数据' : t.met ? '达成' : '未达成' })),
        },
        {
          name: '稳健性',
          title,
          columns: [
            { key: 'entity_id', header: '单位编码' },
            { key: 'name', header: '单位名称', width: 28 },
            { key: 'nominal', header: '名义排名' },
            { key: 'p5', header: '5%分位排名' },
            { key: 'p50', header: '中位排名' },
            { key: 'p95', header: '95%分位排名' },
          ],
          rows: (r.robustness?.ranks ?? []).map((x) => ({ ...x, name: r.entities.find((e) => e.entity_id === x.entity_id)?.name })),
        },
      ]);
      return;
    }
    default:
      throw new TijianError('USAGE', `--out 的扩展名应为 .json、.csv 或 .xlsx：${path}`, `--out must end in .json, .csv or .xlsx: ${path}`);
  }
}

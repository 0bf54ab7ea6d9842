// What a report must say about how its numbers were made (issue 11): the data readiness of the
// period, the unit values left out (or shrunk) for small samples, and the funnel plots of the
// rate indicators. Each is one function adding its blocks, so the report layouts call them in one
// place each.
import { funnelInput, funnelOption, zoneVerdict } from '../charts/funnel.js';
import type { EntityResult, EvaluationResult } from '../eval/types.js';
import { listZh } from './narrative.js';
import type { DocBuilder } from './model.js';

const pct = (x: number) => `${Number((x * 100).toFixed(1))}%`;
const indZh = (run: EvaluationResult, id: string) => run.indicators.find((m) => m.id === id)?.name.zh ?? id;
const unitZh = (run: EvaluationResult, id: string) => run.entities.find((e) => e.entity_id === id)?.short_name ?? id;

/** The period's data readiness and the small-sample rule, in a paragraph or two (county report). */
export function dataNotesBlock(b: DocBuilder, run: EvaluationResult): void {
  const rd = run.readiness;
  if (rd && rd.status !== 'ready') {
    b.styled(
      'note',
      `${rd.status === 'insufficient' ? '【数据不足】' : '【数据不全】'}本期有数据的指标占单位综合得分权重的${pct(rd.weight_share)}。${
        rd.missing_indicators.length ? `${listZh(rd.missing_indicators.map((m) => indZh(run, m.id)))}所需的数据表本期没有记录，按“无数据”处理，不计为0分。` : ''
      }${rd.missing_red_lines.length ? `红线“${listZh(rd.missing_red_lines.map((m) => run.red_lines.find((r) => r.id === m.id)?.name.zh ?? m.id))}”因数据不全未作判断。` : ''}${
        rd.status === 'insufficient' ? '本期结果仅供参考，不宜用于排名和考核。' : ''
      }`,
    );
  }
  if (run.compare_dropped) b.styled('note', `${run.compare_dropped.reason.zh}。`);
  const sn = run.small_numbers;
  if (!sn) return;
  const shrink = sn.method === 'shrink';
  b.p(
    `对样本量小的单位指标值，${
      shrink
        ? '采用经验贝叶斯（贝塔-二项）方法向全县比率收缩：单位数据越少，越接近全县水平'
        : '分母低于该指标最小样本量的不计分，该指标权重由同一维度的其他指标分担，避免一两件事项决定0分或满分'
    }。${
      sn.affected.length
        ? `本期共有${sn.affected.length}个单位指标值属于这种情况，涉及${listZh([...new Set(sn.affected.map((a) => indZh(run, a.indicator)))])}等指标。`
        : '本期没有这种情况。'
    }`,
  );
}

/** One unit's values left out or shrunk for small samples, in a sentence (unit report). */
export function unitSmallNumbersText(run: EvaluationResult, u: EntityResult): string | null {
  const mine = (run.small_numbers?.affected ?? []).filter((a) => a.entity_id === u.entity_id);
  if (!mine.length) return null;
  const shrunk = mine.filter((a) => a.action === 'shrunk');
  const na = mine.filter((a) => a.action === 'na');
  return [
    na.length ? `${listZh(na.map((a) => `${indZh(run, a.indicator)}（分母${a.denominator}，低于${a.min_denominator}）`))}样本过少，不计分，其权重由同一维度其他指标分担。` : '',
    shrunk.length ? `${listZh(shrunk.map((a) => indZh(run, a.indicator)))}样本较少，按向全县比率收缩后的估计值计分。` : '',
  ].join('');
}

/**
 * The funnel plots of the rate indicators on which some unit lies outside the 95% limits (at most
 * `max`, those with the most units outside first), with one paragraph on how to read them.
 */
export function funnelBlock(b: DocBuilder, run: EvaluationResult, figNo: () => string, max = 4): void {
  const county = run.entities.find((e) => e.entity_type === 'county');
  const fs = (run.funnels ?? [])
    // the county rate is the funnel's centre: none without it
    .filter((f) => county?.indicators[f.indicator]?.status === 'ok')
    .map((f) => ({ f, out: f.points.filter((p) => p.zone !== 'inside') }))
    .filter((x) => x.out.length > 0)
    .sort((a, z) => z.out.length - a.out.length)
    .slice(0, max);
  if (!fs.length) return;
  const first = figNo();
  const figs = [first, ...fs.slice(1).map(() => figNo())];
  b.p(
    `各单位的规模相差很大，少数几件事项就能让小单位的比率大起大落。漏斗图（${figs.length > 1 ? `${first}至${figs[figs.length - 1]}` : first}）按分母大小给出全县比率的95%和99.8%控制限（精确二项分布）：落在控制限内的差异可能只是偶然，超出99.8%控制限的单位与全县的差异不能用偶然解释，应重点关注。`,
    fs
      .map(({ f, out }) => {
        const worse = out.filter((p) => zoneVerdict(p.zone, f.direction) === 'worse').map((p) => unitZh(run, p.id));
        const better = out.filter((p) => zoneVerdict(p.zone, f.direction) === 'better').map((p) => unitZh(run, p.id));
        return `${indZh(run, f.indicator)}：${worse.length ? `${listZh(worse)}差于全县` : ''}${worse.length && better.length ? '，' : ''}${better.length ? `${listZh(better)}优于全县` : ''}`;
      })
      .join('；') + '。',
  );
  fs.forEach(({ f }, k) => {
    const input = funnelInput(run, f.indicator);
    if (!input) return;
    b.chart({ id: `funnel_${f.indicator}`, caption: `${figs[k]}  ${indZh(run, f.indicator)}漏斗图（灰线为全县比率，虚线为95%控制限，实线为99.8%控制限）`, option: funnelOption({ ...input, title: undefined }), width: 640, height: 360 });
  });
}

// The style checker on sentences written by hand (each fault once, and its corrected form), the
// judgement of strengths and weaknesses, the suggested handling of a clue, the column fitting.
import { describe, expect, it } from 'vitest';
import { DocBuilder, type ReportDoc } from './model.js';
import { judge } from './narrative.js';
import { fitColumns, numberTokens } from './render/fit.js';
import { zhDates } from './review-source.js';
import { suggestedHandling } from './review-pack.js';
import { checkStyle, checkText } from './style.js';

const rules = (t: string) => checkText(t).map((i) => i.rule);

describe('style checker', () => {
  it('finds each fault and passes its correction', () => {
    expect(rules('乡镇执法力量占比为全县层面指标，全县分别为53.8%。')).toEqual(['分别']);
    expect(rules('综合执法办案占比和乡镇办案占比为全县层面指标，全县分别为53.8%、35.4%。')).toEqual([]);
    expect(rules('评估采用“嵊泗县行政执法“全方位体检式”评估指标体系”。')).toEqual(['quotes']);
    expect(rules('评估采用“嵊泗县行政执法‘全方位体检式’评估指标体系”。')).toEqual([]);
    expect(rules('生态环境分局（-2.3分）下降较多。')).toEqual(['minus']);
    expect(rules('生态环境分局（\u22122.3分）下降较多；编号XS2024-001，日期2024-03-05。')).toEqual([]);
    expect(rules('无证执法次数为3次，较上年增加1。')).toEqual(['measure']);
    expect(rules('无证执法次数为3次，较上年增加1次；差2.5个百分点。')).toEqual([]);
    expect(rules('罚款超出裁量基准。），依据：《行政处罚法》')).toContain('punctuation');
    expect(rules('数据表为penalty_case，偏离超过3倍MAD。')).toEqual(['internal', 'internal']);
    expect(rules('浙江省某县公布的压降目标。')).toEqual(['internal']);
  });

  it('a repeated sentence and a lone （一） in a report', () => {
    const b = new DocBuilder();
    b.heading(1, '存在的主要问题');
    b.heading(2, '唯一的小标题');
    b.p('属实的依法依规处理，不属实的说明情况后予以排除。');
    b.heading(1, '下一步工作');
    b.heading(2, '甲');
    b.p('属实的依法依规处理，不属实的说明情况后予以排除。');
    b.heading(2, '乙');
    b.p('另一句话写在这里。');
    const doc = { blocks: b.blocks, title: '标题', issuer: '', date: '', fileStem: 'x', kind: 'county', meta: { runId: 1, period: '2024', subject: '', keywords: [] }, sheets: [] } as ReportDoc;
    expect(checkStyle(doc).map((i) => i.rule).sort()).toEqual(['numbering', 'repeated']);
  });
});

describe('strengths and weaknesses follow the targets', () => {
  const m = (op: string, value: number) => ({ id: 'x', name: { zh: '群众满意率' }, target: { op, value } });
  const v = (raw: number, score: number) => ({ numerator: null, denominator: null, raw, score, applicable: true, status: 'ok' as const, reliable: true });
  it('a met target is never a weakness, even with a low score; an unmet one always is', () => {
    expect(judge(m('>=', 0.9), v(0.932, 45))!.standing).toBe('neutral');
    expect(judge(m('>=', 0.9), v(0.932, 95))!.standing).toBe('strength');
    expect(judge(m('>=', 0.9), v(0.89, 99))!.standing).toBe('weakness');
    expect(judge(m('<=', 0), v(0, 100))!.met).toBe(true);
    // without a target the score decides
    expect(judge({ ...m('>=', 0), target: null }, v(1.08, 46))!.standing).toBe('weakness');
    expect(judge({ ...m('>=', 0), target: null }, v(2, 75))!.standing).toBe('neutral');
  });
});

describe('review pack', () => {
  it('suggests a handling from the risk level and the review status', () => {
    expect(suggestedHandling('高', null)).toContain('调阅案卷');
    expect(suggestedHandling('中', '待核查')).toContain('函询');
    expect(suggestedHandling('低', '待核查')).toContain('自查');
    expect(suggestedHandling('中', '已核实')).toContain('谈话提醒');
    expect(suggestedHandling('高', '已核实')).toContain('移送');
    expect(suggestedHandling('高', '已排除')).toContain('了结');
  });
  it('writes ISO dates the Chinese way in report text', () => {
    expect(zhDates('立案日期：2024-03-05；编号JDWT2024-00036')).toBe('立案日期：2024年3月5日；编号JDWT2024-00036');
  });
});

describe('column fitting', () => {
  it('gives each column the room of its widest number and keeps numbers whole', () => {
    expect(numberTokens('目标≥100.0%，差17.2个百分点，−2.3分，XS2024-017')).toEqual(['≥100.0%', '17.2', '\u22122.3', 'XS2024-017']);
    const t = {
      type: 'table' as const,
      id: 't',
      caption: '',
      dense: true,
      columns: [{ header: '指标', width: 80 }, { header: '目标', width: 5 }, { header: '本单位', width: 15 }],
      rows: [[{ text: '法制审核人员法律职业资格率' }, { text: '≥100.0%' }, { text: '186.05次/百户' }]],
    };
    const f = fitColumns(t);
    expect(f.fits).toBe(true);
    expect(f.fractions.reduce((a, x) => a + x, 0)).toBeCloseTo(1, 9);
    // "≥100.0%" at 10.5 pt needs about 51 pt + padding of the 442 pt text width: more than the 5% asked
    expect(f.fractions[1]!).toBeGreaterThanOrEqual(f.minimums[1]!);
    expect(f.fractions[1]! * 442.2).toBeGreaterThan(50);
    expect(f.fractions[0]!).toBeGreaterThan(0.5);
  });

  it('gives a bold number the room of bold digits', () => {
    // "89.7" in DejaVu Serif Bold (what LibreOffice sets for Times New Roman here) is 2.44 em — measured
    // in Chromium: 0.696 em per digit, 0.348 the point — 27.3 pt at 五号 (10.5 pt) + 7 pt of cell margins
    const col = (bold: boolean) => {
      const t = { type: 'table' as const, id: 't', caption: '', dense: true, columns: [{ header: '单位', width: 95 }, { header: '得分', width: 5 }], rows: [[{ text: '枸杞乡' }, { text: '89.7', bold }]] };
      return fitColumns(t).minimums[1]! * 442.2;
    };
    expect(col(true)).toBeGreaterThan(2.44 * 10.5 + 7);
    expect(col(false)).toBeLessThan(col(true));
  });
});

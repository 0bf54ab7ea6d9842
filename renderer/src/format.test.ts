import { Type } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { cellText, isoDate } from './api/arrow';
import { DICTS } from './i18n';
import { jobFraction, phaseText } from './progress';

describe('renderer formatting', () => {
  it('shows Arrow cells the way an evaluator reads them', () => {
    const bool = { t: '是', f: '否' };
    expect(cellText(Date.UTC(2024, 1, 29), Type.Date, 'date', bool)).toBe('2024-02-29');
    expect(isoDate(Date.UTC(1969, 11, 31))).toBe('1969-12-31');
    expect(cellText(true, Type.Bool, 'bool', bool)).toBe('是');
    expect(cellText(12000, Type.Float, 'money', bool)).toBe('12,000.00');
    expect(cellText(2024, Type.Int, 'int', bool)).toBe('2024');
    expect(cellText(null, Type.Utf8, 'text', bool)).toBe('');
    expect(cellText(['张三', null, '李四'], Type.List, 'reflist', bool)).toBe('张三、∅、李四');
  });

  it('turns a job’s progress events into one fraction and one line', () => {
    const base = { jobId: 'j', method: 'import.run' as const, unit: 'percent' as const };
    expect(jobFraction({ ...base, phase: 'queued', done: 0, total: 2 })).toBeNull();
    expect(jobFraction({ ...base, phase: 'convert', done: 50, total: 100, fileIndex: 1, fileCount: 2 })).toBeCloseTo((1 + 0.55) / 2);
    expect(jobFraction({ ...base, phase: 'done', done: 9, total: 9, fileIndex: 1, fileCount: 2 })).toBe(1);
    const zh = phaseText({ ...base, phase: 'load', done: 0, total: 100, file: '案件.csv', fileIndex: 0, fileCount: 3 }, DICTS['zh-CN']);
    expect(zh).toBe('写入 · 第 1/3 个文件 · 案件.csv · 23%');
    const en = phaseText({ ...base, phase: 'load', done: 0, total: 100, file: 'cases.csv' }, DICTS.en);
    expect(en).toBe('Loading · cases.csv · 70%');
    // a report being written: indeterminate until a file is done, then files done of all
    const rep = { jobId: 'r', method: 'report.build' as const, unit: 'files' as const, phase: 'report' as const };
    expect(jobFraction({ ...rep, done: 0, total: 1 })).toBeNull();
    expect(phaseText({ ...rep, done: 0, total: 1 }, DICTS['zh-CN'])).toBe('生成报告');
    expect(jobFraction({ ...rep, done: 3, total: 17 })).toBeCloseTo(3 / 17);
  });

  it('has every word in both languages', () => {
    const shape = (o: unknown): unknown =>
      o && typeof o === 'object' ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, shape(v)])) : typeof o;
    const zh = shape(DICTS['zh-CN']) as Record<string, unknown>;
    const en = shape(DICTS.en) as Record<string, unknown>;
    // origin/phase maps are open records; everything else must match key for key
    expect(en).toEqual(zh);
  });
});

// Validation of the engine's contract methods (index systems, runs, lineage, 问题线索): every bad
// field is refused with its path, in both languages, before anything acts on it.
import { describe, expect, it } from 'vitest';
import { MAX_PAGE, parseRequest } from './contract.js';

function bad(method: string, input: unknown) {
  const r = parseRequest(method, input);
  if (r.ok) throw new Error(`expected ${method} ${JSON.stringify(input)} to be rejected`);
  return r.error;
}

const lineage = { runId: 1, entityId: 'COUNTY', indicatorId: 'overdue_rate' };

describe('the engine’s contract methods', () => {
  it('accept well-formed calls', () => {
    const good: Array<[string, unknown]> = [
      ['index.list', {}],
      ['index.get', {}],
      ['index.get', { path: '/x/指标体系/a-v2.yaml' }],
      ['index.check', { text: 'id: x' }],
      ['index.save', { base: '/a.yaml', version: '2025.1', edits: { weights: 'ahp', dimensions: { institutions: { weight: 0.3, ahp: [[1, 3], [1 / 3, 1]] } }, indicators: { overdue_rate: { weight: 2, goalposts: { lower: 0, upper: 0.2 } } } } }],
      ['index.save', { base: '/a.yaml', version: 'v2', edits: { dimensions: { d: { ahp: null } } }, where: 'state', select: true }],
      ['index.select', { path: null }],
      ['evaluate.run', { jobId: 'e1', period: '2024' }],
      ['evaluate.run', { jobId: 'e1', period: '2024Q1', compare: null, weights: 'entropy', draws: 0 }],
      ['evaluate.run', { jobId: 'e1', period: '2024-01-01..2024-06-30', compare: '2023-03', index: '/i.yaml' }],
      ['evaluate.runs', {}],
      ['evaluate.results', {}],
      ['evaluate.results', { runId: 3 }],
      ['evaluate.trend', { jobId: 't', runId: 1, rerun: true }],
      ['lineage.get', { ...lineage, offset: 0, limit: MAX_PAGE, part: 'denominator', search: '嵊泗', orderBy: { column: '案件编号', desc: true }, unmask: true }],
      ['lineage.export', { ...lineage, format: 'csv' }],
      ['review.list', { period: '2024' }],
      ['review.list', { jobId: 'r1', period: '2024Q2', unmask: true }],
      ['review.hits', { period: '2024', offset: 0, limit: 200, rule: 'overdue_no_extension', unitId: 'ZH01', officerId: 'ZF0001', status: '未标记', severity: '高' }],
      ['review.mark', { period: '2024', ref: '0123456789', status: '已核实', note: '核实属实' }],
      ['review.export', { period: '2024', unmask: true }],
      ['shell.showItemInFolder', { path: '/tmp/a.xlsx' }],
      ['report.build', { jobId: 'r', kind: 'county', format: 'pdf', runId: 3 }],
      ['report.build', { jobId: 'r', kind: 'unit', format: 'docx', period: '2024', compare: null, units: ['ZY07', 'ZH01'], unmask: true, issuer: '县司法局', date: '2025-01-20' }],
      ['report.build', { jobId: 'r', kind: 'review', format: 'xlsx', period: '2024', compare: '2023' }],
      ['report.list', {}],
    ];
    for (const [m, input] of good) expect(parseRequest(m, input), `${m} ${JSON.stringify(input)}`).toMatchObject({ ok: true });
  });

  it('refuse bad fields with their path', () => {
    const cases: Array<[string, unknown, string]> = [
      ['index.get', { path: '' }, 'path'],
      ['index.check', { text: '' }, 'text'],
      ['index.save', { base: '/a.yaml', version: '../../evil', edits: {} }, 'version'],
      ['index.save', { base: '/a.yaml', version: '2', edits: { weights: 'magic' } }, 'edits.weights'],
      ['index.save', { base: '/a.yaml', version: '2', edits: { indicators: { x: { weight: -1 } } } }, 'edits.indicators.x.weight'],
      ['index.save', { base: '/a.yaml', version: '2', edits: { indicators: { x: { goalposts: { lower: 0 } } } } }, 'edits.indicators.x.goalposts.upper'],
      ['index.save', { base: '/a.yaml', version: '2', edits: { dimensions: { d: { ahp: [[1, 10]] } } } }, 'edits.dimensions.d.ahp[0][1]'],
      ['index.save', { base: '/a.yaml', version: '2', edits: { dimensions: { d: { ahp: [[1, 0]] } } } }, 'edits.dimensions.d.ahp[0][1]'],
      ['index.save', { base: '/a.yaml', version: '2', edits: {}, where: 'desktop' }, 'where'],
      ['index.select', {}, 'path'],
      ['evaluate.run', { period: '2024' }, 'jobId'],
      ['evaluate.run', { jobId: 'e', period: '24' }, 'period'],
      ['evaluate.run', { jobId: 'e', period: "2024'; DROP TABLE unit; --" }, 'period'],
      ['evaluate.run', { jobId: 'e', period: '2024', compare: '去年' }, 'compare'],
      ['evaluate.run', { jobId: 'e', period: '2024', weights: 'random' }, 'weights'],
      ['evaluate.run', { jobId: 'e', period: '2024', draws: 1e9 }, 'draws'],
      ['evaluate.results', { runId: 0 }, 'runId'],
      ['evaluate.results', { runId: '1' }, 'runId'],
      ['evaluate.trend', { jobId: 't' }, 'runId'],
      ['lineage.get', { ...lineage, offset: 0, limit: MAX_PAGE + 1 }, 'limit'],
      ['lineage.get', { ...lineage, offset: -1, limit: 10 }, 'offset'],
      ['lineage.get', { ...lineage, entityId: "X' OR 1=1 --", offset: 0, limit: 10 }, 'entityId'],
      ['lineage.get', { ...lineage, indicatorId: '', offset: 0, limit: 10 }, 'indicatorId'],
      ['lineage.get', { ...lineage, part: 'both', offset: 0, limit: 10 }, 'part'],
      ['lineage.get', { ...lineage, search: 'x'.repeat(201), offset: 0, limit: 10 }, 'search'],
      ['lineage.export', { ...lineage, format: 'pdf' }, 'format'],
      ['review.list', { period: 'last year' }, 'period'],
      ['review.hits', { period: '2024', offset: 0, limit: 10, status: '已删除' }, 'status'],
      ['review.hits', { period: '2024', offset: 0, limit: 10, severity: 'critical' }, 'severity'],
      ['review.hits', { period: '2024', offset: 0, limit: 10, rule: 'a b' }, 'rule'],
      ['review.mark', { period: '2024', ref: 'xyz', status: '已核实' }, 'ref'],
      ['review.mark', { period: '2024', ref: '0123456789', status: 'done' }, 'status'],
      ['review.mark', { period: '2024', ref: '0123456789', status: '已核实', note: 'x'.repeat(2001) }, 'note'],
      ['review.export', { period: '2024', unmask: 'yes' }, 'unmask'],
      ['shell.showItemInFolder', { path: 'a\0b' }, 'path'],
    ];
    for (const [m, input, path] of cases) {
      const e = bad(m, input);
      expect(e.code, `${m} ${JSON.stringify(input)}`).toBe('BAD_REQUEST');
      expect((e.details as { issues: Array<{ path: string }> }).issues[0]!.path, `${m} ${JSON.stringify(input)}`).toBe(path);
      if (path === 'period' || path === 'compare') {
        // a period someone typed: what is accepted, in plain words, without the field's name
        const typed = (input as Record<string, string>)[path]!;
        expect(e.zh).toBe(`看不懂评估期间“${typed}”。可以这样写：2024年、2024年上半年、2024年一季度（或 2024Q1）、2024年3月（或 2024-03），或一段日期如 2024年1月1日至6月30日。`);
        expect(e.en).toContain(`Could not read the period "${typed}"`);
        continue;
      }
      expect(e.zh, `${m} ${JSON.stringify(input)}`).toContain(`字段 ${path}`);
      expect(e.en, `${m} ${JSON.stringify(input)}`).toContain(`field ${path}`);
    }
  });

  it('accepts the periods people write', () => {
    for (const period of ['2024年', '2024年一季度', '2024年第1季度', '2024Q1', '2024年3月', '2024-03', '2024上半年', '2024年下半年', '2024年1月1日至6月30日']) {
      expect(parseRequest('evaluate.run', { jobId: 'e', period, compare: period }).ok, period).toBe(true);
      expect(parseRequest('review.list', { period }).ok, period).toBe(true);
    }
  });
});

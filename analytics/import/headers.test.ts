import { describe, expect, it } from 'vitest';
import { TijianError } from '../i18n/errors.js';
import { CANONICAL_TABLES, tableDef } from '../schema/tables.js';
import { checkMapping, detectTable, layoutKey, matchHeader, normHeader } from './headers.js';

describe('normHeader', () => {
  it('folds full-width brackets, spaces, required markers and case', () => {
    expect(normHeader(' *罚款金额（元） ')).toBe('罚款金额(元)');
    expect(normHeader('Case_ID')).toBe('case_id');
    expect(normHeader('立案日期(必填)')).toBe('立案日期');
    expect(normHeader('案件编号：')).toBe('案件编号');
  });
});

describe('aliases', () => {
  it('no two fields of a table share an alias', () => {
    for (const t of CANONICAL_TABLES) {
      const seen = new Map<string, string>();
      for (const f of t.fields) {
        for (const a of [f.name, ...f.aliases]) {
          const n = normHeader(a);
          const prior = seen.get(n);
          expect(prior === undefined || prior === f.name, `${t.name}: "${a}" names ${prior} and ${f.name}`).toBe(true);
          seen.set(n, f.name);
        }
      }
    }
  });

  it('reads the header names real exports use', () => {
    const t = tableDef('penalty_case')!;
    const cases: Array<[string, string]> = [
      ['案件编号', 'case_id'],
      ['案件号', 'case_id'],
      ['立案日期', 'filed_date'],
      ['立案时间', 'filed_date'],
      ['执法主体', 'unit_id'],
      ['执法机关', 'unit_id'],
      ['罚款金额（元）', 'fine_amount'],
      ['罚款金额(元)', 'fine_amount'],
      ['罚款金额', 'fine_amount'],
      ['承办人', 'officer_ids'],
    ];
    for (const [h, f] of cases) expect(matchHeader(t, h)?.field.name, h).toBe(f);
  });

  it('a money header in 万元 scales bare numbers by 10,000', () => {
    const t = tableDef('penalty_case')!;
    expect(matchHeader(t, '罚款金额（万元）')).toMatchObject({ field: { name: 'fine_amount' }, scale: 10000 });
    expect(matchHeader(t, '罚款金额（元）')?.scale).toBeUndefined();
  });
});

describe('detectTable', () => {
  it('detects each table from typical headers', () => {
    const samples: Record<string, string[]> = {
      unit: ['单位编码', '单位名称', '队伍类型', '简称'],
      matter: ['事项编码', '事项名称', '所属领域', '权力类型', '实施队伍类型'],
      officer: ['人员编号', '年度', '姓名', '所属单位', '执法证号'],
      penalty_case: ['案件编号', '执法机关', '立案日期', '罚款金额（元）', '承办人'],
      inspection: ['检查编号', '检查日期', '实施单位', '检查对象代码', '是否综合查一次'],
      inspection_plan: ['任务编号', '责任单位', '计划完成日期'],
      review_litigation: ['复议诉讼编号', '被申请人', '类别', '结果'],
      complaint: ['工单编号', '受理日期', '来源渠道', '承办单位'],
      supervision_finding: ['问题编号', '问题来源', '被监督单位', '发现日期'],
      permit: ['许可编号', '统一社会信用代码', '许可日期'],
      institution_checklist: ['单位', '年度', '制度编码', '是否落实'],
    };
    for (const [table, headers] of Object.entries(samples)) {
      expect(detectTable(headers, 'f.csv').table, table).toBe(table);
    }
  });

  it('picks the closest table instead of refusing, and reports a missing required field with the columns that come closest', () => {
    const m = detectTable(['案件编号', '当事人', '受理时间', '罚款金额'], 'x.csv');
    expect(m.table).toBe('penalty_case');
    expect(m.missing!.map((x) => x.field)).toEqual(['unit_id', 'filed_date']);
    // 受理时间 is a date column, the nearest thing to 立案日期 there is, but not the same
    expect(m.missing!.find((x) => x.field === 'filed_date')!.candidates.map((c) => c.header)).toContain('受理时间');
    try {
      checkMapping(m, 'x.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(TijianError);
      const err = e as TijianError;
      expect(err.code).toBe('MAPPING_MISSING_REQUIRED');
      expect(err.zh).toContain('“立案日期”（可能是：“受理时间”）');
      expect(err.zh).not.toMatch(/tijian|--mapping/);
    }
  });

  it('offers for a missing id only columns that may hold one: not a type, an office or a name, however close their words (was: 抽查类型、检查日期、抽查机关 for 检查编号)', () => {
    // (no 抽查计划编号 or 抽查任务编号: with one, the key is made from it, the subject and the day —
    // derived-key.test.ts)
    const headers = ['序号', '抽查计划名称', '抽查任务名称', '抽查类型', '抽查机关', '检查实施机关', '市场主体名称', '统一社会信用代码', '检查事项', '检查日期', '检查结果'];
    const m = detectTable(headers, '双随机抽查结果公示_2024.csv');
    expect(m.table).toBe('inspection');
    // (before: 抽查类型、检查日期、抽查机关); 统一社会信用代码 is the subject's, taken
    expect(m.missing!.find((x) => x.field === 'inspection_id')!.candidates.map((c) => c.header)).toEqual([]);
    expect(() => checkMapping(m, 'x.csv')).toThrow(/“检查编号”（文件中没有相近的列）/);
    const withPlan = detectTable(['序号', '抽查计划编号', ...headers.slice(1)], '双随机抽查结果公示_2024.csv');
    expect(withPlan.columns.find((c) => c.header === '抽查计划编号')!.field).toBe('plan_task_id');
    expect(withPlan.missing ?? []).toEqual([]);
    expect(() => checkMapping(withPlan, 'x.csv')).not.toThrow();
  });

  it('checkMapping names missing required fields', () => {
    expect(() =>
      checkMapping({ table: 'penalty_case', columns: [{ index: 0, header: '案件编号', field: 'case_id' }], origin: 'mapping-file' }, 'x.csv'),
    ).toThrow(/立案日期/);
  });

  it('layoutKey ignores bracket width and spaces but not order', () => {
    expect(layoutKey(['罚款金额（元）', '案件编号'])).toBe(layoutKey(['罚款金额(元) ', '案件编号']));
    expect(layoutKey(['a', 'b'])).not.toBe(layoutKey(['b', 'a']));
  });
});

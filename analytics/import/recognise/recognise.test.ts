import { describe, expect, it } from 'vitest';
import { assignColumns, recognise, recogniseFor } from './recognise.js';
import { matchValue } from './values.js';
import { normaliseHeader } from './normalise.js';

const fieldOf = (table: string, headers: string[], header: string) => recogniseFor(table, headers).columns.find((c) => c.header === header)!;

describe('recognition', () => {
  it('reads the seven headers of issue #10 that exact aliases missed', () => {
    const cases: Array<[string, string[], string, string]> = [
      ['penalty_case', ['案件编号', '执法主体', '乡镇（街道）', '立案日期'], '乡镇（街道）', 'township'],
      ['penalty_case', ['案件编号', '执法主体', '违法事项编码', '立案日期'], '违法事项编码', 'matter_code'],
      ['penalty_case', ['案件编号', '执法主体', '是否重大执法决定', '立案日期'], '是否重大执法决定', 'major_case'],
      ['penalty_case', ['案件编号', '执法主体', '移送公安机关日期', '立案日期'], '移送公安机关日期', 'police_transfer_date'],
      ['officer', ['人员编号', '年度', '姓名', '证件有效期止'], '证件有效期止', 'cert_valid_to'],
      ['officer', ['人员编号', '年度', '姓名', '派驻层级'], '派驻层级', 'posting'],
      ['inspection', ['检查编号', '检查日期', '实施单位', '检查对象统一社会信用代码'], '检查对象统一社会信用代码', 'subject_id'],
    ];
    for (const [table, headers, header, field] of cases) {
      const c = fieldOf(table, headers, header);
      expect(c.field, header).toBe(field);
      expect(c.confidence, header).not.toBe('none');
    }
    // …and with the table detected, the inspection file is no longer "table unknown"
    expect(recognise(['检查编号', '检查日期', '实施单位', '检查对象统一社会信用代码', '检查对象名称']).table).toBe('inspection');
  });

  it('assigns one to one by total: a column that fits two fields gives way to one that fits only one', () => {
    // column 0 fits field 0 (0.95) and field 1 (0.9); column 1 fits only field 0 (0.9). Greedy
    // by score would give field 0 to column 0 and leave column 1 out; the best total maps both.
    expect([...assignColumns([
      [0.95, 0.9],
      [0.9, 0],
    ])].sort()).toEqual([
      [0, 1],
      [1, 0],
    ]);
    // one strong match outweighs two weak ones: 1.0 alone beats 0.7 + 0.7
    expect([...assignColumns([
      [1.0, 0.7],
      [0.7, 0],
    ])].sort()).toEqual([[0, 0]]);
    // below LIKELY nothing is assigned; ties go to the earlier column
    expect(assignColumns([[0.5]]).size).toBe(0);
    expect([...assignColumns([[0.9], [0.9]])]).toEqual([[0, 0]]);
  });

  it('two columns naming one field: the better one has it, the other is kept, nothing is sure', () => {
    // (主办人 and 协办人, or 执法人员1 and 执法人员2, are one list over two columns: see list-columns.test.ts)
    const r = recogniseFor('penalty_case', ['案件编号', '承办人', '办案人员']);
    const [a, b] = [r.columns[1]!, r.columns[2]!];
    expect([a.field, b.field].filter(Boolean)).toEqual(['officer_ids']);
    const mapped = a.field ? a : b;
    const other = a.field ? b : a;
    expect(mapped.confidence).toBe('likely');
    expect(other).toMatchObject({ field: null, nearest: 'officer_ids', taken: true });
  });

  it('a list over two columns (主办人 / 协办人, 执法人员1 / 执法人员2): the second adds to the first, likely', () => {
    for (const [h1, h2] of [['主办人', '协办人'], ['执法人员1', '执法人员2'], ['承办人（一）', '承办人（二）']]) {
      const r = recogniseFor('penalty_case', ['案件编号', h1!, h2!]);
      expect(r.columns[1], h1).toMatchObject({ field: 'officer_ids' });
      expect(r.columns[2], h2).toMatchObject({ field: 'officer_ids', fallback: true, confidence: 'likely' });
    }
  });

  it('weighs the values: a column of credit codes under a bare 代码 header is the subject id', () => {
    const codes = ['91330922MA2A1B2C3D', '91330922MA2A9K8Y7X', '92330922MA2B3C4D5E', '93330922MA2C5D6E7F'];
    const dates = ['2024-03-01', '2024-03-02', '2024-03-05', '2024-04-01'];
    const r = recogniseFor('inspection', ['检查编号', '日期', '代码'], { samples: [['A1', 'A2', 'A3', 'A4'], dates, codes] });
    expect(r.columns[2]).toMatchObject({ field: 'subject_id' });
    expect(r.columns[2]!.why).toContain('统一社会信用代码');
    // a column whose values are not dates is not a date, whatever its header says
    const r2 = recogniseFor('penalty_case', ['案件编号', '执法主体', '立案日期'], { samples: [['A1', 'A2', 'A3'], ['甲', '乙', '丙'], ['甲', '乙', '丙']] });
    expect(r2.columns[2]!.field).toBeNull();
  });

  it('reads enum values as a person would: synonym, containment, similarity; nothing forced', () => {
    expect(matchValue('penalty_case', 'source', '检查发现')).toMatchObject({ value: '检查' });
    expect(matchValue('penalty_case', 'source', '其他部门移送')).toMatchObject({ value: '移送' });
    expect(matchValue('penalty_case', 'source', '日常巡查')).toMatchObject({ value: '检查' });
    expect(matchValue('penalty_case', 'source', '日常巡查中发现')).toMatchObject({ value: '检查', how: 'contains', confidence: 'likely' });
    expect(matchValue('complaint', 'satisfaction', '不满意')).toMatchObject({ value: '不满意' });
    // a negation before a spelling rules it out: 未立案 is not 立案
    expect(matchValue('inspection', 'result', '未立案')).toBeNull();
    // …and a text a negated spelling holds is its opposite, not that spelling's value: 发现问题
    // is not 未发现问题 (无问题), 异常 not 无异常, 合格 still 合格
    expect(matchValue('inspection', 'result', '发现问题')).toBeNull();
    expect(matchValue('inspection', 'result', '发现违法行为')).toBeNull();
    expect(matchValue('inspection', 'result', '异常')).toBeNull();
    expect(matchValue('inspection', 'result', '发现')).toBeNull();
    expect(matchValue('inspection', 'result', '合格')).toMatchObject({ value: '无问题' });
    expect(matchValue('inspection', 'result', '未发现违法违规')).toMatchObject({ value: '无问题' });
    expect(matchValue('penalty_case', 'source', '领导批示')).toBeNull();
    // the English codes a system stores for a grade; judgments of 行政诉讼法 arts. 73 and 75
    expect(matchValue('supervision_finding', 'casefile_grade', 'Excellent')).toMatchObject({ value: '优秀' });
    expect(matchValue('supervision_finding', 'casefile_grade', 'UNQUALIFIED')).toMatchObject({ value: '不合格' });
    expect(matchValue('review_litigation', 'outcome', '判决确认无效')).toMatchObject({ value: '确认违法' });
    expect(matchValue('review_litigation', 'outcome', '判决履行给付义务')).toMatchObject({ value: '责令履行' });
    expect(matchValue('complaint', 'satisfaction', '差评')).toMatchObject({ value: '不满意' });
    // a spelling that holds another value's names the narrower value: 海洋综合行政执法 holds
    // 综合行政执法, so a 海洋综合行政执法队伍 is a 海洋 team though 综合行政执法队伍 ends it
    expect(matchValue('unit', 'unit_type', '海洋综合行政执法队伍')).toMatchObject({ value: '海洋' });
    expect(matchValue('unit', 'unit_type', '乡镇综合行政执法队伍')).toMatchObject({ value: '乡镇' });
    expect(matchValue('unit', 'unit_type', '综合行政执法队伍')).toMatchObject({ value: '综合' });
    // the value in brackets after words that name none (acceptance set 10); brackets naming two
    // values, or none, give nothing
    expect(matchValue('unit', 'unit_type', '行业主管部门（专业执法）')).toMatchObject({ value: '专业', how: 'contains', confidence: 'likely' });
    expect(matchValue('unit', 'unit_type', '主管部门（综合、专业）')).toBeNull();
    expect(matchValue('penalty_case', 'source', '其他（请注明）')).toMatchObject({ value: '其他' });
  });
});

describe('what a table is about, and what only points to a field', () => {
  // Spellings here are made up for the rules, unlike the acceptance sets' headers.
  const col = (r: ReturnType<typeof recognise>, header: string) => r.columns.find((c) => c.header === header)!;

  it('X编号 naming what the table is about is its own key, and the table is the one whose key it is', () => {
    const r = recognise(['抽查任务号码', '发起单位', '被检查对象', '完成期限']);
    expect(r.table).toBe('inspection_plan');
    expect(col(r, '抽查任务号码').field).toBe('plan_task_id');
    expect(col(r, '发起单位').field).toBe('unit_id');
    // 行为 after what the table is about is the record itself: 巡查行为编号 in a list of inspections
    const i = recogniseFor('inspection', ['巡查行为编号', '巡查日期', '检查对象名称']);
    expect(col(i, '巡查行为编号').field).toBe('inspection_id');
    // a task's plan is not the task: with both, the task number is the key
    const p = recogniseFor('inspection_plan', ['年度计划编号', '检查任务编码', '截止日期']);
    expect(col(p, '检查任务编码').field).toBe('plan_task_id');
    expect(col(p, '年度计划编号').field).toBeNull();
  });

  it('who issued a thing is not whom it belongs to (发证机关, 签发人), unless the field says so', () => {
    // a certificate list without the officers' unit: the issuing government is not their unit
    const certs = recogniseFor('officer', ['姓名', '执法证号', '发证机关', '发证日期', '有效期至']);
    expect(col(certs, '发证机关').field).toBeNull();
    expect(col(certs, '发证日期').field).toBe('cert_valid_from');
    expect(recognise(['姓名', '执法证号', '发证机构', '发证日期', '有效期至']).table).toBe('officer');
    // the leader who signed a decision is not the officer who handled the case
    const cases = recogniseFor('penalty_case', ['案件编号', '执法机关', '立案日期', '签发人']);
    expect(col(cases, '签发人').field).toBeNull();
    // a permit's 发证机关 is its unit
    const permits = recogniseFor('permit', ['许可证编号', '被许可人', '发证机关', '发证日期']);
    expect(col(permits, '发证机关').field).toBe('unit_id');
  });

  it('a document number or a cause in words points to the field only when nothing names it', () => {
    const both = recogniseFor('permit', ['许可决定书文号', '许可证号码', '许可日期']);
    expect(col(both, '许可证号码').field).toBe('permit_id');
    expect(col(both, '许可决定书文号').field).toBeNull();
    const alone = recogniseFor('permit', ['许可决定书文号', '许可日期']);
    expect(col(alone, '许可决定书文号')).toMatchObject({ field: 'permit_id', confidence: 'likely' });
    const coded = recogniseFor('penalty_case', ['案件编号', '案件案由', '违法行为代码']);
    expect(col(coded, '违法行为代码').field).toBe('matter_code');
    expect(col(coded, '案件案由').field).toBeNull();
    const cause = recogniseFor('penalty_case', ['案件编号', '案件案由']);
    expect(col(cause, '案件案由')).toMatchObject({ field: 'matter_code', confidence: 'likely' });
  });

  it('层级 in a roster is where an officer works; 规范/统计 qualify without changing the field', () => {
    expect(col(recogniseFor('officer', ['人员编号', '姓名', '人员层级']), '人员层级').field).toBe('posting');
    expect(col(recogniseFor('unit', ['单位编码', '单位名称', '规范简称']), '规范简称').field).toBe('short_name');
    expect(col(recogniseFor('officer', ['人员编号', '姓名', '统计年份']), '统计年份').field).toBe('year');
  });

  it('a catch-all word gets the fallback, never a category whose spelling holds it', () => {
    // 移送其他部门 is a spelling of 移送: 其他 alone is not (it was, by containment)
    expect(matchValue('inspection', 'result', '其他')).toBeNull();
    expect(matchValue('inspection', 'result', '其它')).toBeNull();
    expect(matchValue('inspection', 'result', '移送其他部门')).toMatchObject({ value: '移送' });
    // where the enum has 其他, it is that
    expect(matchValue('penalty_case', 'source', '其它')).toMatchObject({ value: '其他' });
  });
});

describe('value matching on long texts', () => {
  it('a bilingual header is read by its Chinese name; a code after it (ID, USCC) stays part of it', () => {
    // headers written here for the rule (not taken from the corpus), as 信用 templates print them
    const headers = ['行政处罚决定书文号 Decision Number', '当事人名称 Party Name', '处罚决定日期\nDecision Date', '罚款金额（万元） Fine Amount, 10k Yuan', '处罚机关 Authority'];
    const r = recognise(headers);
    expect(r.table).toBe('penalty_case');
    expect(r.columns.map((c) => c.field)).toEqual(['case_id', 'party_name', 'decision_date', 'fine_amount', 'unit_id']);
    expect(r.columns[3]!.scale).toBe(10000);
    expect(normaliseHeader('检查对象 ID').core).toBe('检查对象id');
    expect(normaliseHeader('统一社会信用代码 USCC').core).toBe('统一社会信用代码uscc');
    expect(normaliseHeader('罚款金额 Fine Amount').core).toBe('罚款金额');
    // a header longer than any real one is not looked at for a translation (the pattern would
    // backtrack over its spaces)
    expect(normaliseHeader(`罚款金额${' '.repeat(300)}Fine Amount`).core).toBe('罚款金额fineamount');
  });

  it('weighs values in the forms the import reads: 已/未 yes-or-no, dates in Chinese numerals or with 时/分, 大写 amounts', () => {
    // columns written for the rule; each header alone scores enough, the values must not speak against it
    const headers = ['事项编码', '事项名称', '是否划转', '调整日期'];
    const samples = [
      ['330001', '330002', '330003', '330004'],
      ['甲', '乙', '丙', '丁'],
      ['已划转', '未划转', '已划转', '尚未划转'],
      ['二〇二四年九月一日', '二〇二四年三月五日', '2024年10月14日13时58分', '二〇二三年十二月三十一日'],
    ];
    const r = recogniseFor('matter', headers, { samples });
    expect(r.columns.map((c) => c.field)).toEqual(['matter_code', 'name', 'transferred', 'revised_date']);
    const money = recogniseFor('penalty_case', ['案件编号', '没收违法所得'], { samples: [['A1', 'A2', 'A3'], ['捌佰元整', '壹仟贰佰元', '罚款人民币伍仟元整']] });
    expect(money.columns[1]).toMatchObject({ field: 'confiscation_amount' });
    expect(money.columns[1]!.why).toContain('值为数字');
  });

  it('a megabyte in a category column is no spelling of one', () => {
    // a shifted or pasted cell: before the cap this took ~30 s of pairwise comparison (fuzz case #219)
    const long = '检查' + '长'.repeat(1_000_000);
    // (before, it was taken for 检查 after ~30 s; the fuzz suite holds the time)
    expect(matchValue('penalty_case', 'source', long)).toBeNull();
    // a short text holding the same spelling still matches
    expect(matchValue('penalty_case', 'source', '日常检查发现')).toMatchObject({ value: '检查' });
  });
});

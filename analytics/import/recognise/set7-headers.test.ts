// Headers of the seventh blind acceptance set, and what each rule made of them (fields by hand):
// a form's own 来源 column loses 问题来源 to the question (a tie goes to the header that says more);
// a placeholder (空) is no value when a column's values are weighed; a code legend in the header
// (1:县级 2:乡镇) weighs the codes as their texts; an API's snake_case and camelCase English names of
// a unit list and a permit interface; 0 for "no time" among epoch seconds.
import { describe, expect, it } from 'vitest';
import { parseLegend } from './normalise.js';
import { recognise, recogniseFor } from './recognise.js';

const fields = (r: ReturnType<typeof recognise>) => Object.fromEntries(r.columns.map((c) => [c.header, c.field]));

describe('the seventh set’s headers', () => {
  it('a 问卷星 export: the question 3、问题来源： is the source, not the form’s 来源; (空) is no value', () => {
    const headers = ['序号', '提交答卷时间', '所用时间', '来源', '来源详情', '来自IP', '1、问题编号：', '2、被监督单位：', '3、问题来源：', '5、评查得分（非案卷评查类可不填）：', '11、问题描述：'];
    const n = 10;
    const col = (v: (i: number) => string) => Array.from({ length: n }, (_, i) => v(i));
    const samples = [
      col((i) => String(i + 1)),
      col(() => '2024/12/2 10:11:29'),
      col(() => '157秒'),
      col((i) => (i % 3 ? '微信' : '手机提交')),
      col(() => 'N/A'),
      col(() => '115.220.13.7(浙江-舟山)'),
      col((i) => `JDWT2024-0${40 + i}`),
      col(() => '嵊泗县市场监督管理局'),
      col((i) => ['案卷评查', '检察院检察建议', '人大执法检查'][i % 3]!),
      col((i) => (i < 2 ? String(67 + i) : '(空)')),
      col(() => '现场检查未全程记录'),
    ];
    const r = recognise(headers, { samples });
    expect(r.table).toBe('supervision_finding');
    const f = fields(r);
    expect(f['来源']).toBeNull();
    expect(f['3、问题来源：']).toBe('source');
    expect(f['5、评查得分（非案卷评查类可不填）：']).toBe('casefile_score');
  });

  it('reads a code legend in a header', () => {
    expect(parseLegend('人员层级(1:县级 2:乡镇)')).toEqual({ '1': '县级', '2': '乡镇' });
    expect(parseLegend('专职法制审核（1:是 2:否）')).toEqual({ '1': '是', '2': '否' });
    expect(parseLegend('性别(1男2女)')).toEqual({ '1': '男', '2': '女' });
    expect(parseLegend('检查结果(1-合格,2-不合格)')).toEqual({ '1': '合格', '2': '不合格' });
    expect(parseLegend('等次(A:优秀 B:合格)')).toEqual({ A: '优秀', B: '合格' });
    for (const h of ['有效期(2年)', '罚款(万元)', '统一社会信用代码（18位）', '备注(1、2、3)', '人数(2人)', '序号']) expect(parseLegend(h)).toBeNull();
    // the codes weighed as their texts: 1/2 under 人员层级 is the posting (县级/乡镇), 1/2 under
    // 法律职业资格 a yes/no
    const r = recogniseFor('officer', ['人员编码', '姓名', '人员层级(1:县级 2:乡镇)', '法律职业资格(1:是 2:否)', '下沉乡镇'], {
      samples: [['ZF0001', 'ZF0002', 'ZF0003'], ['张三', '李四', '王五'], ['1', '2', '2'], ['1', '2', '1'], ['', '嵊山镇', '洋山镇']],
    });
    const f = fields(r);
    expect(f['人员层级(1:县级 2:乡镇)']).toBe('posting');
    expect(f['法律职业资格(1:是 2:否)']).toBe('legal_qualification');
    expect(f['下沉乡镇']).toBe('township');
  });

  it('an API’s English names: a unit list (snake_case, 0 for no time among epoch seconds) and a permit interface (camelCase)', () => {
    const unit = recognise(['id', 'org_code', 'org_name', 'abbr', 'other_names', 'subject_type', 'law_field', 'admin_level', 'street_name', 'enforce_mode', 'hub_org_code', 'setup_time', 'revoke_time', 'staff_num'], {
      samples: [
        ['1', '2', '3'],
        ['ZH01', 'SC02', 'CY01'],
        ['嵊泗县综合行政执法局', '嵊泗县市场监督管理局', '菜园镇人民政府'],
        ['综合执法局', '市场监管局', '菜园镇'],
        ['[]', '["市监局"]', '[]'],
        ['综合行政执法机关', '部门专业执法机构', '乡镇人民政府（街道办事处）'],
        ['综合', '市场监管', '综合'],
        ['区县级', '区县级', '乡镇街道级'],
        ['', '', '菜园镇'],
        ['县级直接执法', '县级直接执法', '赋权乡镇执法'],
        ['', '', 'ZH01'],
        ['1552579200', '1547913600', '1554048000'],
        ['0', '0', '1680192000'],
        ['86', '40', '12'],
      ],
    });
    expect(unit.table).toBe('unit');
    expect(fields(unit)).toMatchObject({
      org_code: 'unit_id',
      org_name: 'name',
      abbr: 'short_name',
      other_names: 'aliases',
      subject_type: 'unit_type',
      law_field: 'domain',
      admin_level: 'level',
      street_name: 'township',
      enforce_mode: 'mode',
      hub_org_code: 'hub_unit_id',
      setup_time: 'established_date',
      revoke_time: 'abolished_date',
    });
    const permit = recogniseFor('permit', ['licenseNo', 'decisionDocNo', 'adminCounterpartName', 'creditCode', 'licenseItem', 'licensingAuthority', 'decisionDate']);
    expect(fields(permit)).toMatchObject({ licenseNo: 'permit_id', adminCounterpartName: 'subject_name', creditCode: 'subject_id', licensingAuthority: 'unit_id', decisionDate: 'issued_date' });
  });

  it('a database name beside the Chinese one is read too: TaskType/抽查方式 is the task type (抽查方式 alone is not)', () => {
    const headers = ['TaskCode/任务编号', 'TaskName/任务名称', 'TaskType/抽查方式', 'TaskInspectDeptName/任务实施部门', 'TaskEndTime/任务期限止'];
    expect(fields(recogniseFor('inspection_plan', headers))['TaskType/抽查方式']).toBe('plan_type');
    expect(fields(recogniseFor('inspection_plan', ['任务编号', '任务名称', '抽查方式', '任务实施部门']))['抽查方式']).toBeNull();
  });
});

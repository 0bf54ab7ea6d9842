// Field names in Latin letters read as the Chinese headers they stand for. The names here are
// written for the rules (not taken from the corpus or the acceptance sets).
import { describe, expect, it } from 'vitest';
import { nameWords, readAsciiName } from './ascii-names.js';
import { recognise } from './recognise.js';

describe('field names in Latin letters', () => {
  it('splits camelCase, PascalCase, snake_case and runs of capitals into words', () => {
    expect(nameWords('handleDeptName')).toEqual(['handle', 'dept', 'name']);
    expect(nameWords('USCCCode')).toEqual(['uscc', 'code']);
    expect(nameWords('dept_name')).toEqual(['dept', 'name']);
    expect(nameWords('XK-XDR.MC')).toEqual(['xk', 'xdr', 'mc']);
  });

  it('reads English words as the terms a ledger uses, compounds included', () => {
    const text = (s: string) => readAsciiName(s)?.text ?? null;
    expect(readAsciiName('receivedTime')).toEqual({ text: '受理时间', how: 'english' });
    expect(text('closeDate')).toBe('结案日期');
    expect(text('is_major')).toBe('是否重大');
    expect(text('unitName')).toBe('单位名称');
    // a run of letters cut into listed words, one of four letters or more
    expect(text('OFFICERNAME')).toBe('执法人员名称');
    expect(text('deptid')).toBe('部门编号');
    // several words making one term
    expect(text('unified_social_credit_code')).toBe('统一社会信用代码');
    // a word not listed stops the reading; is/has only at the start
    expect(text('flurbDate')).toBeNull();
    expect(text('caseIs')).toBeNull();
    // spellings the lexicon lists stay as they are (its own matching reads them surely)
    expect(readAsciiName('case_id')).toBeNull();
    expect(readAsciiName('id')).toBeNull();
    // Chinese, or a name with other characters, is no Latin name
    expect(readAsciiName('案件编号')).toBeNull();
    expect(readAsciiName('case#1')).toBeNull();
  });

  it('a listed spelling written another way (camelCase of a snake_case name) is read by its words, not skipped', () => {
    // jurisdiction_dispute is a field's own name; jurisdictionDispute was taken for it and then not
    // matched as written (left unread)
    expect(readAsciiName('jurisdictionDispute')?.text).toBe('管辖争议');
    expect(readAsciiName('jurisdiction_dispute')).toBeNull();
    expect(readAsciiName('workOrderNo')?.text).toBe('工单编号');
  });

  it('the text of a dictionary code (_dictText, as JeecgBoot writes it) is the field; the code beside it is read as nothing', () => {
    expect(readAsciiName('sourceChannel_dictText')?.text).toBe('来源渠道');
    const r = recognise(['workOrderNo', 'receiveTime', 'sourceChannel', 'sourceChannel_dictText', 'satisfaction', 'satisfaction_dictText', 'handleDeptName'], { fileName: 'list.json' });
    expect(r.table).toBe('complaint');
    const field = (h: string) => r.columns.find((c) => c.header === h)?.field ?? null;
    expect([field('sourceChannel'), field('sourceChannel_dictText'), field('satisfaction'), field('satisfaction_dictText')]).toEqual([null, 'channel', null, 'satisfaction']);
    // and the code column says why it is left
    expect(r.columns.find((c) => c.header === 'sourceChannel')?.why).toBe('字典代码，其文字在“sourceChannel_dictText”列（读取该列），本列保存在附加信息中');
    // a code with no text beside it is read by its own name
    expect(recognise(['workOrderNo', 'receiveTime', 'sourceChannel', 'handleDeptName'], { fileName: 'list.json' }).columns.find((c) => c.header === 'sourceChannel')?.field).toBe('channel');
  });

  it('reads pinyin initials as the phrase of the lexicon, or of a word of the same meaning', () => {
    const text = (s: string) => readAsciiName(s)?.text ?? null;
    expect(readAsciiName('ajly')).toEqual({ text: '案件来源', how: 'pinyin' });
    expect(text('LASJ')).toBe('立案时间');
    expect(text('DSRMC')).toBe('当事人名称');
    // a table's prefix before the field's initials (许可, 处罚)
    expect(text('CF_JDRQ')).toBe('处罚决定日期');
    // 部门 for 单位, as the concept lexicon has them
    expect(text('zrbm')).toBe('责任部门');
    // initials two fields share are neither: 检查结果 / 检查机关, 处罚结果 / 处罚机关
    expect(text('jcjg')).toBeNull();
    expect(text('cfjg')).toBeNull();
    // initials of nothing the lexicon knows
    expect(text('qwzx')).toBeNull();
  });

  it('recognises an API page by its English names, never surely, saying how it read them', () => {
    const headers = ['id', 'ticketNo', 'receivedTime', 'sourceChannel', 'handleDeptName', 'finishTime', 'satisfaction', 'title'];
    const r = recognise(headers);
    expect(r.table).toBe('complaint');
    expect(Object.fromEntries(r.columns.map((c) => [c.header, c.field]))).toEqual({
      id: null,
      ticketNo: 'complaint_id',
      receivedTime: 'received_date',
      sourceChannel: 'channel',
      handleDeptName: 'unit_id',
      finishTime: 'closed_date',
      satisfaction: 'satisfaction',
      title: null,
    });
    const received = r.columns.find((c) => c.header === 'receivedTime')!;
    expect(received.confidence).toBe('likely');
    expect(received.why).toMatch(/^英文字段名读作“受理时间”，/);
    // satisfaction is a canonical name: read as it is
    expect(r.columns.find((c) => c.header === 'satisfaction')!.why).not.toContain('英文字段名');
  });

  it('an id alone is no sign of the table whose key is named id (review_litigation)', () => {
    // (before, the exact match of id to review_litigation's key and its key bonus won the table)
    const r = recognise(['id', '标题', '内容', '受理时间']);
    expect(r.table).toBe('complaint');
    expect(r.columns[3]!.field).toBe('received_date');
  });

  it('recognises a data-platform table by its pinyin initials', () => {
    const r = recognise(['xh', 'rwbh', 'rwlx', 'zrbm', 'jhwcrq', 'jcdxmc', 'tyshxydm']);
    expect(r.table).toBe('inspection_plan');
    expect(r.columns.map((c) => c.field)).toEqual([null, 'plan_task_id', 'plan_type', 'unit_id', 'due_date', 'subject_name', 'subject_id']);
    expect(r.columns.every((c) => c.confidence !== 'sure')).toBe(true);
    expect(r.columns[1]!.why).toMatch(/^拼音首字母字段名读作“任务编号”/);
  });

  it('a date header over Excel serials or timestamps is a date; words under it are not', () => {
    const headers = ['检查编号', '检查日期', '实施单位', '检查对象代码', '检查对象'];
    const samples = [
      ['JC1', 'JC2', 'JC3', 'JC4'],
      ['45575', '45576', '45590.5', '45601'],
      ['县市场监管局', '县市场监管局', '县市场监管局', '县市场监管局'],
      ['91330922MA2A0B1C2D', '91330922MA2A0B1C2E', '91330922MA2A0B1C2F', '91330922MA2A0B1C2G'],
      ['甲', '乙', '丙', '丁'],
    ];
    expect(recognise(headers, { samples }).columns[1]!.field).toBe('date');
    const millis = samples.map((s, i) => (i === 1 ? ['1734663914000', '1734750314000', '1734836714000', '1734923114000'] : s));
    expect(recognise(headers, { samples: millis }).columns[1]!.field).toBe('date');
    // words under a date's header still speak against it
    const words = samples.map((s, i) => (i === 1 ? ['已检查', '已检查', '未检查', '已检查'] : s));
    expect(recognise(headers, { samples: words }).columns[1]!.field).toBeNull();
  });

  describe('initials two phrases share, read as the one the column\'s values choose', () => {
    // an inspection log with pinyin keys; the last column's values vary
    const headers = ['jcbh', 'jcrq', 'jcdxmc', 'tyshxydm', 'jclx', 'jcjg'];
    const base = [
      ['JC1', 'JC2', 'JC3', 'JC4', 'JC5'],
      ['2024-03-01', '2024-03-02', '2024-03-05', '2024-03-06', '2024-03-07'],
      ['甲商行', '乙超市', '丙饭店', '丁旅馆', '戊药店'],
      ['91330922MA2A0B1C2D', '91330922MA2A0B1C2E', '91330922MA2A0B1C2F', '91330922MA2A0B1C2G', '91330922MA2A0B1C2H'],
      ['日常检查', '专项检查', '双随机抽查', '日常检查', '日常检查'],
    ];
    const jcjg = (values: string[]) => recognise(headers, { samples: [...base, values] }).columns[5]!;

    it('jcjg (检查结果 / 检查机关) over an inspection result\'s values is the result, likely, saying why', () => {
      const c = jcjg(['未发现问题', '责令改正', '立案查处', '移送', '未发现问题']);
      expect(c.field).toBe('result');
      expect(c.confidence).toBe('likely');
      expect(c.why).toMatch(/^拼音首字母字段名读作“检查结果”（也可读作“检查机关”，按列中的值）/);
      // most values, not all: one free text among five (4/5 = 80% ≥ 60%)
      expect(jcjg(['未发现问题', '责令改正', '现场已整改完毕', '移送', '未发现问题']).field).toBe('result');
    });

    it('jcjg over values that are no result stays unread, as from the header alone', () => {
      // words no result is spelled as (2 of 5 would be: below most)
      expect(jcjg(['良好', '一般', '较差', '良好', '一般']).field).toBeNull();
      expect(jcjg(['良好', '一般', '责令改正', '未发现问题', '较差']).field).toBeNull();
      // unit names, with no workspace to know them by: nothing speaks for 检查机关 either
      expect(jcjg(['县市场监管局', '县市场监管局', '县综合执法局', '县市场监管局', '县综合执法局']).field).toBeNull();
      // too few values to tell
      expect(jcjg(['未发现问题', '责令改正', '', '', '']).field).toBeNull();
      // and without values at all, as before
      expect(recognise(headers).columns[5]!.field).toBeNull();
    });

    it('pjjg (判决结果 / 评价结果): a satisfaction\'s values or a judgment\'s', () => {
      const one = (values: string[]) => recognise(['pjjg'], { samples: [values] });
      const a = one(['满意', '基本满意', '不满意', '满意']);
      expect([a.table, a.columns[0]!.field]).toEqual(['complaint', 'satisfaction']);
      const b = one(['维持', '驳回', '撤销', '维持']);
      expect([b.table, b.columns[0]!.field]).toEqual(['review_litigation', 'outcome']);
    });

    it('cfsx (处罚上限 / 处罚事项): amounts are the upper limit; words rule the amount out, leaving the matter', () => {
      const matter = recognise(['事项编码', '事项名称', '权力类型', 'cfsx'], {
        samples: [['330001', '330002', '330003', '330004'], ['甲', '乙', '丙', '丁'], ['行政处罚', '行政处罚', '行政检查', '行政处罚'], ['5000', '10000', '20000', '3000']],
      });
      expect(matter.columns[3]!.field).toBe('fine_max');
      const penalty = (values: string[]) =>
        recognise(['案件编号', '立案日期', '当事人名称', '罚款金额', 'cfsx'], {
          samples: [['A1', 'A2', 'A3', 'A4'], ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04'], ['甲', '乙', '丙', '丁'], ['100', '200', '300', '400'], values],
        }).columns[4]!;
      const c = penalty(['对占道经营的处罚', '对乱堆放的处罚', '对噪声扰民的处罚', '对无证经营的处罚']);
      expect(c.field).toBe('matter_code');
      expect(c.why).toMatch(/^拼音首字母字段名读作“处罚事项”（也可读作“处罚上限”，按列中的值）/);
      // amounts in a penalty ledger: 处罚上限 is no field of a case, and the values speak for nothing else
      expect(penalty(['5000', '10000', '20000', '3000']).field).toBeNull();
    });
  });
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessMaskKind, isOrganisationName, maskIdNumber, maskName, maskNumbersInText, maskPhone, maskRecord, maskValue } from './mask.js';

const cp = (s: string) => Array.from(s);

describe('maskName', () => {
  it('keeps the first character and hides the length', () => {
    expect(maskName('张三')).toBe('张**');
    expect(maskName('张三丰')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧**');
    expect(maskName(' 李四 ')).toBe('李**');
    expect(maskName('嵊泗县海天渔业有限公司')).toBe('嵊泗县海天渔业有限公司');
    expect(maskName('𠮷田')).toBe('𠮷**');
    expect(maskName('王')).toBe('*');
    expect(maskName('')).toBe('');
    expect(maskName('=HYPERLINK("http://x","点我")')).toBe('=**');
  });

  it('an id or phone number in a name field is masked as one, not taken for a vessel number (was: 330922198001011234 shown as it was)', () => {
    expect(maskName('330922198001011234')).toBe('3309********1234');
    expect(maskName('13812345678')).toBe('138****5678');
    expect(maskName('李四 13812345678')).toBe('李**');
    expect(maskName('嵊泗县海韵餐饮店 13812345678')).toBe('嵊泗县海韵餐饮店 138****5678');
    // a vessel's five digits still make an organisation's name
    expect(maskName('浙嵊渔48506')).toBe('浙嵊渔48506');
  });

  it('shows businesses, masks the people in them', () => {
    for (const b of ['嵊泗县五龙乡海韵餐饮店', '嵊泗县北鼎卫生室', '舟山海天渔业有限公司', '嵊泗县枸杞乡泗洲浴室', '嵊泗县菜园镇会城酒店', '花鸟乡渔乡渔家乐']) {
      expect(isOrganisationName(b), b).toBe(true);
      expect(maskName(b)).toBe(b);
    }
    expect(maskName('浙嵊渔48506（崔祥舟）')).toBe('浙嵊渔48506（崔**）');
    // whatever stands in brackets and is not an organisation is masked as a whole
    expect(maskName('嵊泗县阿强海鲜店（经营者：王小明）')).toBe('嵊泗县阿强海鲜店（经**）');
    // people, including four-character and compound names, and anything short, stay masked
    for (const p of ['丁勇', '张三丰', '欧阳娜娜', '司马相如', '阿依古丽·买买提', '王店', '李小园']) {
      expect(isOrganisationName(p), p).toBe(false);
      expect(maskName(p)).toBe(`${Array.from(p)[0]}**`);
    }
  });

  it('never shows more than the first character of what is not an organisation', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, unit: 'grapheme' }), (s) => {
        const t = s.trim();
        if (isOrganisationName(t)) return;
        const m = maskName(s);
        if (cp(t).length >= 2) {
          expect(m).toBe(`${cp(t)[0]}**`);
        }
        expect(cp(m).length).toBeLessThanOrEqual(3);
      }),
    );
  });
});

describe('maskIdNumber', () => {
  it('18-character numbers and credit codes: four, eight stars, four', () => {
    expect(maskIdNumber('330203198001011234')).toBe('3302********1234');
    expect(maskIdNumber('33092219711005267X')).toBe('3309********267X');
    expect(maskIdNumber('91330922428625781P')).toBe('9133********781P');
  });

  it('shorter values show a quarter at each end at most', () => {
    expect(maskIdNumber('330203800101123')).toBe('330*********123');
    expect(maskIdNumber('12345678')).toBe('12****78');
    expect(maskIdNumber('123')).toBe('***');
    expect(maskIdNumber('')).toBe('');
  });

  it('never reveals more than half of the characters, nor the birth date of an ID number', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), (s) => {
        const m = cp(maskIdNumber(s));
        const shown = m.filter((c) => c !== '*').length;
        const n = cp(s.trim()).length;
        expect(shown).toBeLessThanOrEqual(Math.max(0, Math.min(8, Math.floor(n / 2))));
      }),
    );
    fc.assert(
      fc.property(fc.stringMatching(/^[1-6]\d{5}(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d)\d{3}[\dX]$/), (id) => {
        const m = maskIdNumber(id);
        expect(m).toHaveLength(16);
        expect(m).not.toContain(id.slice(6, 14));
        expect(m.slice(0, 4)).toBe(id.slice(0, 4));
        expect(m.slice(-4)).toBe(id.slice(-4));
      }),
    );
  });
});

describe('maskPhone', () => {
  it('mobiles: three, four stars, four', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('138 1234 5678')).toBe('138****5678');
    expect(maskPhone('0580-5081234')).toBe('058****1234');
    expect(maskPhone('5081234')).toBe('50***34');
    expect(maskPhone('110')).toBe('***');
  });

  it('always hides the middle of an 11-digit mobile', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^1[3-9]\d{9}$/), (p) => {
        expect(maskPhone(p)).toBe(`${p.slice(0, 3)}****${p.slice(7)}`);
      }),
    );
  });
});

describe('maskValue and maskRecord', () => {
  it('masks lists element by element and passes empties through', () => {
    expect(maskValue(['张三', '李四'], 'name')).toEqual(['张**', '李**']);
    expect(maskValue(null, 'name')).toBeNull();
    expect(maskValue(undefined, 'phone')).toBeUndefined();
    expect(maskValue(13812345678, 'phone')).toBe('138****5678');
  });

  it('guesses the kind when none is declared', () => {
    expect(guessMaskKind('330203198001011234')).toBe('id_number');
    expect(guessMaskKind('13812345678')).toBe('phone');
    expect(guessMaskKind('张三')).toBe('name');
    expect(maskValue('330203198001011234')).toBe('3302********1234');
  });

  it('masks only the named columns, in a copy', () => {
    const row = { 案件编号: 'AJ1', 当事人: '王五', 证件号码: '330203198001011234', 电话: '13812345678' };
    const m = maskRecord(row, { 当事人: 'name', 证件号码: 'id_number', 电话: 'phone' });
    expect(m).toEqual({ 案件编号: 'AJ1', 当事人: '王**', 证件号码: '3302********1234', 电话: '138****5678' });
    expect(row.当事人).toBe('王五');
  });
});

describe('maskNumbersInText: numbers inside free text (问题描述, notes), probe 13 F1', () => {
  it('masks ID numbers, mobiles (with or without dashes) and landlines with area codes, as the structured masks do', () => {
    // by hand: 18 digits → four, eight stars, four; 15 → three, nine stars, three (a quarter at each end);
    // a mobile → three, four stars, four; a landline's 11 digits (dash dropped) likewise, 10 digits → two at each end
    expect(maskNumbersInText('举报人张三丰（电话13812345678，身份证330922199001011234）反映执法不公')).toBe('举报人张三丰（电话138****5678，身份证3309********1234）反映执法不公');
    expect(maskNumbersInText('联系人王五 手机 139-1234-5678')).toBe('联系人王五 手机 139****5678');
    expect(maskNumbersInText('手机139 1234 5678；座机0580-5081234、021-12345678、010-1234567')).toBe('手机139****5678；座机058****1234、021****5678、01******67');
    expect(maskNumbersInText('旧证330922900101123，新证33092219850505567X')).toBe('旧证330*********123，新证3309********567X');
    expect(maskNumbersInText('05805081234')).toBe('058****1234');
  });
  it('leaves dates, amounts, record numbers and short numbers alone', () => {
    for (const s of ['2024-03-01', '罚款80000元', 'JDWT2024-00001', '嵊应急罚〔2024〕12号', 'JC2024030100011', '浙嵊渔48506', '12345', '第0580号'])
      expect(maskNumbersInText(s)).toBe(s);
  });
  it('never shows more than the structured mask of the same number', () => {
    for (const [raw, kind] of [['13812345678', 'phone'], ['330922199001011234', 'id_number'], ['0580-5081234', 'phone']] as const)
      expect(maskNumbersInText(`号码${raw}。`)).toBe(`号码${maskValue(raw, kind)}。`);
  });
});

import { describe, expect, it } from 'vitest';
import { maskIdNumber, maskName, maskPhone, maskRecord, maskText, maskValue } from './mask.js';

describe('masking personal data', () => {
  it('names keep the surname', () => {
    expect(maskName('张三')).toBe('张**');
    expect(maskName('欧阳娜娜')).toBe('欧**');
    expect(maskName('')).toBe('');
  });
  it('id numbers keep the first and last four', () => {
    expect(maskIdNumber('330221199001011234')).toBe('3302********1234');
    expect(maskIdNumber('33022119900101123X')).toBe('3302********123X');
    expect(maskIdNumber('330221900101123')).toBe('3302********1123');
  });
  it('phones keep the first three and last four', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+86 138-1234-5678')).toBe('138****5678');
    expect(maskPhone('0580-5081234')).toBe('0580-****1234');
  });
  it('values by what they look like, else by column', () => {
    expect(maskValue('13812345678', '备注')).toBe('138****5678');
    expect(maskValue('330221199001011234', '当事人')).toBe('3302********1234');
    expect(maskValue('李小明', '当事人')).toBe('李**');
    expect(maskValue('嵊泗县某某水产有限公司', '当事人')).toBe('嵊******司');
    expect(maskValue(80000, '罚款金额')).toBe(80000);
    expect(maskValue(null, '当事人')).toBeNull();
  });
  it('records: only the personal columns', () => {
    expect(maskRecord({ 姓名: '王建国', 人员编号: 'ZF0001', 电话: '13812345678' }, ['姓名', '电话'])).toEqual({ 姓名: '王**', 人员编号: 'ZF0001', 电话: '138****5678' });
  });
  it('free text: id numbers and phones anywhere', () => {
    expect(maskText('对李某（330221199001011234）罚款，电话13812345678。')).toBe('对李某（3302********1234）罚款，电话138****5678。');
  });
});

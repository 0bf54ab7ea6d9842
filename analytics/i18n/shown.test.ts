// Text of a workspace as the command line prints it (hostile probe 9, F2): control characters and
// bidirectional controls as escapes. Values by hand.
import { describe, expect, it } from 'vitest';
import { jsonShown, shownText } from './shown.js';

describe('shownText', () => {
  it('writes C0, DEL, C1 and bidirectional controls as escapes; other text as it is', () => {
    expect(shownText('\x1b]8;;http://evil.example\x1b\\点此\x1b[2K')).toBe('\\x1b]8;;http://evil.example\\x1b\\点此\\x1b[2K');
    expect(shownText('伪造\u202e反转\u2066隔离\u2069')).toBe('伪造\\u202e反转\\u2066隔离\\u2069');
    expect(shownText('a\nb\r\tc\x00\x7f\x9b\u0085')).toBe('a\\nb\\r\\tc\\x00\\u007f\\u009b\\u0085');
    expect(shownText('\u200e\u200f\u061c\u2028\u2029')).toBe('\\u200e\\u200f\\u061c\\u2028\\u2029');
    // CJK, full-width forms, emoji, a backslash and quotes are left alone
    expect(shownText('嵊泗县　ＡＢ 👨‍👩‍👧 C:\\x "q" \'q\'')).toBe('嵊泗县　ＡＢ 👨‍👩‍👧 C:\\x "q" \'q\'');
  });

  it('keepLines: line feeds and tabs stay (a message of several lines), the rest is escaped', () => {
    expect(shownText('第一行\n\t第二行\r\x1b[1A\u202e', { keepLines: true })).toBe('第一行\n\t第二行\\r\\x1b[1A\\u202e');
  });
});

describe('jsonShown', () => {
  it('escapes what JSON.stringify leaves raw (DEL, C1, bidirectional controls, U+2028/9): the same value read back', () => {
    const value = { note: '伪造\u202e反转\x7f\x9b\u2028\u2067\x1b' };
    const text = jsonShown(JSON.stringify(value));
    expect(text).toBe('{"note":"伪造\\u202e反转\\u007f\\u009b\\u2028\\u2067\\u001b"}');
    expect(JSON.parse(text)).toEqual(value);
  });
});

import { describe, expect, it } from 'vitest';
import { normaliseCharacters } from '../../src/normalise/characters.js';

describe('normaliseCharacters', () => {
  it('turns full-width digits and letters into half-width ones so dates parse', () => {
    expect(normaliseCharacters('２０２０年５月１１日 ＡＢＣ')).toBe('2020年5月11日 ABC');
  });
  it('keeps Chinese full-width punctuation, which NFKC would destroy', () => {
    expect(normaliseCharacters('会议强调，要抓落实；确保完成。')).toBe('会议强调，要抓落实；确保完成。');
  });
  it('removes byte-order marks and zero-width characters and converts CRLF', () => {
    expect(normaliseCharacters('\uFEFF工作\u200B周报\r\n第1期\r')).toBe('工作周报\n第1期\n');
  });
  it('turns no-break spaces and tabs into plain spaces but leaves U+3000 for layout decisions', () => {
    expect(normaliseCharacters('a\u00A0b\tc\u3000d')).toBe('a b c\u3000d');
  });
});

describe('pinyin readings after characters', () => {
  it.each([
    ['a toned syllable in ASCII brackets', '縣政協(xié)召開會議', '縣政協召開會議'],
    ['two of them in a line', '工作動態(tài) >> 政協(xié)動態(tài)', '工作動態 >> 政協動態'],
    ['full-width brackets', '区长（zhǎng）出席', '区长出席'],
  ])('removes %s', (_why, text, expected) => {
    expect(normaliseCharacters(text)).toBe(expected);
  });

  it.each([
    ['an untoned word in brackets', '提案(tian)系统'],
    ['English in brackets', '政协(CPPCC)会议'],
    ['a photo position', '张华（右一）率队'],
  ])('keeps %s', (_why, text) => {
    expect(normaliseCharacters(text)).toBe(text);
  });
});

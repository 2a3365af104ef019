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

import { describe, expect, it } from 'vitest';
import { signatureOf, TITLED_ROLL_LINE, EDITORS_NOTE_LABEL } from '../../src/text/patterns.js';

describe('signatureOf', () => {
  it.each([
    ['a dash, the gap closed up', '——民盟柳河一支部韩素云', { body: '民盟柳河一支部', names: ['韩素云'] }],
    ['a gap and a padded two-character name', '民盟东城区委 翟 洋', { body: '民盟东城区委', names: ['翟洋'] }],
    ['several names in brackets', '（民盟某支部 聂依依 蒋淳）', { body: '民盟某支部', names: ['聂依依', '蒋淳'] }],
    ['names joined by 、', '农工党某市委　葛某某、李四', { body: '农工党某市委', names: ['葛某某', '李四'] }],
  ])('reads %s', (_why, line, expected) => {
    expect(signatureOf(line)).toEqual(expected);
  });

  it.each([
    ['a body alone in brackets', '（九三学社某市委）'],
    ['a body and a verb glued, with no dash or gap', '民盟柳河一支部开会'],
    ['a bracket left open', '（民盟某支部 甲某'],
  ])('reads no signature from %s', (_why, line) => {
    expect(signatureOf(line)).toBeNull();
  });
});

describe('the titled roll and the editor’s note', () => {
  it('knows a titled roll’s line and an editor’s note label', () => {
    expect(TITLED_ROLL_LINE.test('主　任：纳某某　　副主任：杨某某　冯　斌')).toBe(true);
    expect(TITLED_ROLL_LINE.test('会议由主任纳某某主持。')).toBe(false);
    expect(EDITORS_NOTE_LABEL.test('编者按：今年以来，…')).toBe(true);
  });
});

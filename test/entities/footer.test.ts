import { describe, expect, it } from 'vitest';
import { splitFooterNames } from '../../src/entities/index.js';

describe('splitFooterNames', () => {
  it.each([
    ['闫建军 陈 刚', ['闫建军', '陈刚']],
    ['陈 刚 闫建军', ['陈刚', '闫建军']],
    ['王东海', ['王东海']],
    ['编 辑：闫建军 陈 刚', ['闫建军', '陈刚']],
    ['李 明  王 芳', ['李明', '王芳']],
    ['欧阳 雪 张晓华', ['欧阳雪', '张晓华']],
    ['张晓华、李娜', ['张晓华', '李娜']],
    ['张晓华　李 娜', ['张晓华', '李娜']],
    ['王 东 海', ['王东海']],
    ['王 东海 陈 刚', ['王东海', '陈刚']],
    ['', []],
  ])('splits %j', (text, names) => {
    expect(splitFooterNames(text)).toEqual(names);
  });
});

describe('names whose printed gap was lost (a scan, a PDF text layer)', () => {
  it.each([
    ['a two- and a three-character name', '汪明贾文涛', ['汪明', '贾文涛']],
    ['a three- and a two-character name', '闫建军陈刚', ['闫建军', '陈刚']],
    ['two two-character names', '韦婷覃海', ['韦婷', '覃海']],
    ['three two-character names', '李明张华王强', ['李明', '张华', '王强']],
    ['a name whose second surname is the common one', '赵丽孙建华', ['赵丽', '孙建华']],
    ['a compound surname, then a name', '欧阳小红李明', ['欧阳小红', '李明']],
  ])('splits %s', (_why, text, names) => {
    expect(splitFooterNames(text)).toEqual(names);
  });

  it.each([
    ['a compound-surname name of four characters', '欧阳小红'],
    ['a transliterated minority name', '阿依古丽'],
    ['a body that opens with no surname', '政协办公室'],
  ])('keeps %s whole', (_why, text) => {
    expect(splitFooterNames(text)).toEqual([text]);
  });
});

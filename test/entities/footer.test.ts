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

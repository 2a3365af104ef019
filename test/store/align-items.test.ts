import { describe, expect, it } from 'vitest';
import { alignItems, textSimilarity } from '../../src/store/align-items.js';

const item = (id: string, text: string, headline: string | null = null) => ({ id, headline, text });

describe('textSimilarity', () => {
  it('is 1 for equal texts and 0 for texts with no character pair in common', () => {
    expect(textSimilarity('市政协召开会议', '市政协召开会议')).toBe(1);
    expect(textSimilarity('甲乙丙', '丁戊己')).toBe(0);
  });
});

describe('alignItems', () => {
  it('pairs items whose texts differ only by spaces and line breaks', () => {
    const docx = [item('d#1', '5月6日，区政协召开主席会议。'), item('d#2', '5月8日，委员视察湿地公园。')];
    const pdf = [item('p#1', '5月6日，区政协召开\n主席会议。'), item('p#2', '5月8日， 委员视察湿地公园。')];
    expect([...alignItems(docx, pdf)]).toEqual([
      ['p#1', 'd#1'],
      ['p#2', 'd#2'],
    ]);
  });

  it('leaves out an item the preferred rendition lacks, and keeps the order of the others', () => {
    const docx = [item('d#1', '第一条：区政协召开主席会议研究年度工作。'), item('d#2', '第三条：委员视察北岭区农贸市场。')];
    const txt = [
      item('t#1', '第一条：区政协召开主席会议研究年度工作。'),
      item('t#2', '第二条：页眉混入的一段无关文字，完全不同。'),
      item('t#3', '第三条：委员视察北岭区农贸市场。'),
    ];
    expect([...alignItems(docx, txt)]).toEqual([
      ['t#1', 'd#1'],
      ['t#3', 'd#2'],
    ]);
  });

  it('links nothing when the texts have little in common', () => {
    expect(alignItems([item('a#1', '甲乙丙丁戊己庚辛')], [item('b#1', '子丑寅卯辰巳午未')]).size).toBe(0);
  });
});

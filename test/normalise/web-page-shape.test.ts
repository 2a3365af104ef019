import { describe, expect, it } from 'vitest';
import { flattenedTableCells, joinBrokenBylines, splitFlatPages } from '../../src/normalise/web-page-shape.js';
import { linesFrom } from '../helpers/lines.js';

describe('joinBrokenBylines', () => {
  it('joins a byline bracket broken over two lines', () => {
    const { lines, joined } = joinBrokenBylines(linesFrom(['青禾市政协召开主席会议消息（记者', '林晓 通讯员 王一）', '4月9日上午，会议召开。']));
    expect(lines.map((l) => l.text)).toEqual(['青禾市政协召开主席会议消息（记者林晓通讯员王一）', '4月9日上午，会议召开。']);
    expect(joined).toBe(1);
  });

  it('leaves a bracket that closes no byline', () => {
    expect(joinBrokenBylines(linesFrom(['会议由主席（', '主持。'])).joined).toBe(0);
  });
});

describe('flattenedTableCells', () => {
  it('finds four cells or more copied one per line, each closed by its border', () => {
    const lines = linesFrom(['捐款单位如下：', '单位名称 |', '捐款（万元） |', '某区政协 |', '230 |', '会议要求抓好落实。']);
    expect([...flattenedTableCells(lines, new Set())]).toEqual([1, 2, 3, 4]);
  });

  it('finds no table in fewer lines', () => {
    expect(flattenedTableCells(linesFrom(['单位名称 |', '某区政协 |']), new Set()).size).toBe(0);
  });
});

describe('splitFlatPages', () => {
  it('cuts a page flattened onto one line at its layout gaps', () => {
    const flat = '区政协召开主席会议  您所在的位置：首页 > 工作动态  区政协召开主席会议 2010-04-28 09:24  4月25日，区政协召开主席会议，审议有关事项，会议由区政协主席林方主持，各位副主席出席会议。';
    expect(splitFlatPages(linesFrom([flat])).map((l) => l.text)).toEqual([
      '区政协召开主席会议',
      '您所在的位置：首页 > 工作动态',
      '区政协召开主席会议2010-04-28 09:24',
      '4月25日，区政协召开主席会议，审议有关事项，会议由区政协主席林方主持，各位副主席出席会议。',
    ]);
  });

  it('leaves a long line with no breadcrumb inside', () => {
    const line = '4月25日，区政协召开主席会议，审议有关事项。  会议由区政协主席林方主持，各位副主席出席会议，秘书长列席会议并汇报了近期工作安排。';
    expect(splitFlatPages(linesFrom([line]))).toHaveLength(1);
  });
});

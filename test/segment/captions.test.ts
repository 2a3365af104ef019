import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { closingCaptionLines, pageCreditLines } from '../../src/segment/captions.js';
import { segment } from '../../src/segment/index.js';
import { linesFrom } from '../helpers/lines.js';

const markers = parseConfig({}).markers;
const joined = (texts: string[], starts: number[]) => linesFrom(texts).map((l, i) => (starts.includes(i) ? { ...l, pageStart: l.index - 1 } : l));

describe('the lines closing each page', () => {
  const lines = joined(['2月22日，柳岸区政协举行全体会议，表彰优秀委员。', '区政协主席莫远航出席会议', '区政协委员章守拙发言', '文字：卜文静　编辑：费云', '柳岸区统一战线开展集中宣传活动', '4月21日，柳岸区统一战线开展集中宣传活动。'], [4]);

  it('finds a page’s credit line right before the next page', () => {
    expect([...pageCreditLines(lines)]).toEqual([3]);
  });

  it('finds the captions above it, after the page’s last sentence', () => {
    expect([...closingCaptionLines(lines, lines.map(() => null), pageCreditLines(lines))]).toEqual([1, 2]);
  });

  it('finds no captions where a single short line closes a page', () => {
    const one = joined(['2月22日，柳岸区政协举行全体会议。', '区政协主席莫远航出席会议', '新的一页', '4月21日，柳岸区统一战线开展集中宣传活动。'], [2]);
    expect([...closingCaptionLines(one, one.map(() => null), new Set())]).toEqual([]);
  });
});

describe('the close of each page of a file that joins several', () => {
  it('keeps photo captions closing a page in the page’s story, not a headlined item of their own', () => {
    const doc = segment(
      joined(
        [
          '2月22日下午，柳岸区政协举行全体会议，表彰优秀委员。区政协主席莫远航出席会议并讲话。',
          '区政协主席莫远航出席会议',
          '区政协委员、民进柳岸区支部主委发言',
          '柳岸区统一战线开展集中宣传活动',
          '4月21日，柳岸区统一战线在青松广场开展集中宣传活动。',
        ],
        [3],
      ),
      markers,
    );
    expect(doc.items.map((i) => [i.headline, i.paragraphs.length])).toEqual([
      [null, 3],
      ['柳岸区统一战线开展集中宣传活动', 1],
    ]);
    expect(doc.messages.map((m) => m.code)).toContain('closing-captions');
  });

  it('takes a page’s closing credit line out of its story and credits its staff in the footer', () => {
    const doc = segment(
      joined(
        [
          '2月22日下午，柳岸区政协举行全体会议，表彰优秀委员。',
          '文字：卜文静　审核：邵明远　摄影：冷小舟　编辑：费云',
          '柳岸区统一战线开展集中宣传活动',
          '4月21日，柳岸区统一战线在青松广场开展集中宣传活动。',
        ],
        [2],
      ),
      markers,
    );
    expect(doc.items.map((i) => i.paragraphs)).toEqual([['2月22日下午，柳岸区政协举行全体会议，表彰优秀委员。'], ['4月21日，柳岸区统一战线在青松广场开展集中宣传活动。']]);
    expect(doc.footer.editors).toEqual(['卜文静', '费云']);
    expect(doc.footer.reviewers).toEqual(['邵明远']);
  });

  it('reads the last page’s credit line as the footer: writers with the editors, no photographer', () => {
    const doc = segment(linesFrom(['4月21日，柳岸区统一战线开展集中宣传活动。', '文字：岑一帆　审核：邵明远　摄影：冷小舟　编辑：费云　甘露']), markers);
    expect(doc.items).toHaveLength(1);
    expect(doc.footer.editors).toEqual(['岑一帆', '费云', '甘露']);
    expect(doc.footer.reviewers).toEqual(['邵明远']);
  });
});

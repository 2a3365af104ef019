import { describe, expect, it } from 'vitest';
import { splitInlineEntries } from '../../src/normalise/inline-entries.js';
import { segment } from '../../src/segment/index.js';
import { linesFrom } from '../helpers/lines.js';

const YEARBOOK =
  '【全体委员会议】 五届二次会议 2009年2月3日至6日召开，280名委员出席会议。主席林向东作常务委员会工作报告。 【常务委员会会议】 第8次会议 2月4日召开，林向东主持。吴海燕、许文静出席会议。 第9次会议 4月10日召开，吴海燕主持。会议听取了区水务局工作情况通报。';

describe('a yearbook’s entries run together in one paragraph', () => {
  it('cuts the paragraph at each inline heading and at each entry, keeping the entry’s name apart from its date', () => {
    expect(splitInlineEntries(linesFrom([YEARBOOK])).lines.map((l) => l.text)).toEqual([
      '【全体委员会议】',
      '五届二次会议\u30002009年2月3日至6日召开，280名委员出席会议。主席林向东作常务委员会工作报告。',
      '【常务委员会会议】',
      '第8次会议\u30002月4日召开，林向东主持。吴海燕、许文静出席会议。',
      '第9次会议\u30004月10日召开，吴海燕主持。会议听取了区水务局工作情况通报。',
    ]);
  });

  it('reports the cut', () => {
    expect(splitInlineEntries(linesFrom([YEARBOOK])).messages.map((m) => m.code)).toEqual(['inline-entries-split']);
  });

  it('leaves a paragraph with one gap before a date alone', () => {
    const text = '会议决定。 第8次会议 2月4日召开。';
    expect(splitInlineEntries(linesFrom([text])).lines).toHaveLength(1);
  });

  it('gives each entry an item under its heading, dated by the yearbook’s year', () => {
    const doc = segment(linesFrom(['青川区政协2009年年鉴', '2010-03-15', YEARBOOK]));
    expect(doc.sections.map((s) => s.title)).toEqual(['全体委员会议', '常务委员会会议']);
    expect(doc.items.map((i) => i.section)).toEqual(['全体委员会议', '常务委员会会议', '常务委员会会议']);
  });
});

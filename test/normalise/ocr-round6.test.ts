import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { segment } from '../../src/segment/index.js';
import { finishOcrSegments, junkDateAtStart, repairDayGaps, repairOcrLines, repairSquareMarks, separateMastheadDate } from '../../src/normalise/ocr-repair.js';
import { ocrLines as lines } from '../helpers/ocr-lines.js';

const markers = parseConfig({}).markers;

describe('junkDateAtStart', () => {
  it.each([
    ['象7月16号，市政协召开专题协商会。', '7月16号，市政协召开专题协商会。'],
    ['命3月10H 下午，县政协视察老旧小区。', '3月10日下午，县政协视察老旧小区。'],
    ['会9月17HH易上，区政协举办读书会。', '9月17日易上，区政协举办读书会。'],
    ['急4月18晶上午，九三学社开展科普活动。', '4月18日上午，九三学社开展科普活动。'],
    ['Lh 11月2曰，市政协调研。', '11月2日，市政协调研。'],
    ['今5月14日上午，区政协召开主席会议。', '5月14日上午，区政协召开主席会议。'],
  ])('takes one junk character before a date whose 日 OCR misread for an item glyph: %s', (input, output) => {
    expect(junkDateAtStart(input)).toBe(output);
  });

  it.each([
    ['于6月16日召开会议。'],
    ['《6月16号》栏目播出。'],
    ['6月16日，市政协召开会议。'],
    ['今年6月16日，市政协召开会议。'],
    ['急13月16H，无此月份。'],
    ['会议于6月16H举行。'],
  ])('leaves words that lead a date, lines without junk and impossible dates alone: %s', (input) => {
    expect(junkDateAtStart(input)).toBeNull();
  });
});

describe('repairOcrLines: items opening with junk and a misread day', () => {
  const doc = (extra: Array<[string, number]>) =>
    lines([
      ['某某政协工作动态', 1],
      ['某某区政协办公室　2022年7月20日', 1],
      ['※重要会议※', 1],
      ['急7月6日，区政协召开主席会议。', 1],
      ['象7月16号，区政协召开专题协商会。', 1],
      ['@@ 7月8日至9日，区政协开展专题调研。', 1],
      ['命7月10H下午，区政协视察老旧小区。', 1],
      ...extra,
    ]);

  it('makes items of them where two or more other items open with junk before a date, with marker null', () => {
    const repair = repairOcrLines(doc([]), markers);
    const result = finishOcrSegments(segment(repair.lines, repair.markers), repair);
    expect(result.items.map((i) => [i.marker, i.paragraphs[0].slice(0, 8)])).toEqual([
      [null, '7月6日，区政协'],
      [null, '7月16号，区政'],
      [null, '7月8日至9日，'],
      [null, '7月10日下午，'],
    ]);
  });

  it('leaves them as read where no other item opened with junk', () => {
    const repair = repairOcrLines(lines([['◆7月6日，区政协召开主席会议。', 1], ['命7月10H下午，区政协视察老旧小区。', 1]]), markers);
    expect(repair.lines.map((l) => l.text)).toEqual(['◆7月6日，区政协召开主席会议。', '命7月10H下午，区政协视察老旧小区。']);
  });
});

describe('repairSquareMarks', () => {
  const ocred = (n: number) => new Array<boolean>(n).fill(true);

  it('reads 图 before a short title as the ■ section mark where two or more titles are read so', () => {
    const texts = ['图 协商议政', '●6月2日，市委会召开会议。', '图会员风采', '图片新闻很好看，大家都来看。'];
    expect(repairSquareMarks(texts, ocred(4))).toEqual(['■ 协商议政', '●6月2日，市委会召开会议。', '■ 会员风采', '图片新闻很好看，大家都来看。']);
  });

  it.each([
    [['图片新闻', '●6月2日，市委会召开会议。']],
    [['图书馆', '图表显示，今年增长三成。']],
  ])('leaves a lone 图 line and sentences opening with 图 alone: %j', (texts) => {
    expect(repairSquareMarks(texts, ocred(texts.length))).toEqual(texts);
  });

  it('leaves lines that were not OCR\'d alone', () => {
    expect(repairSquareMarks(['图片新闻', '图说民生'], [false, false])).toEqual(['图片新闻', '图说民生']);
  });

  it('gives the segmenter sections it discovers from the ■ mark', () => {
    const repair = repairOcrLines(
      lines([
        ['图参政议政', 1],
        ['急5月6日，市委会召开课题开题会。', 1],
        ['@@5月8日下午，市委会召开座谈会。', 1],
        ['图会员风采', 1],
        ['命5月10日上午，会员开展健康讲座。', 1],
      ]),
      markers,
    );
    const result = segment(repair.lines, repair.markers);
    expect(result.sections.map((s) => s.title)).toEqual(['参政议政', '会员风采']);
    expect(result.items.map((i) => i.section)).toEqual(['参政议政', '参政议政', '会员风采']);
  });
});

describe('repairDayGaps', () => {
  const ocred = (n: number) => new Array<boolean>(n).fill(true);

  it('reads a quote or quote and comma after a chronicle day as its gap where two or more day lines open so', () => {
    const texts = ['五月', '2日”县委会召开主委会议。', '9日至10日”、副主委带队调研。'];
    expect(repairDayGaps(texts, ocred(3))).toEqual([['五月'], ['2日\u3000县委会召开主委会议。'], ['9日至10日\u3000副主委带队调研。']]);
  });

  it('reads the gap after a day with its month the same way', () => {
    const texts = ['1月5日”市委会召开主委会议。', '1月24日“主委出席迎春座谈会。'];
    expect(repairDayGaps(texts, ocred(2))).toEqual([['1月5日\u3000市委会召开主委会议。'], ['1月24日\u3000主委出席迎春座谈会。']]);
  });

  it('sets an entry OCR glued after the sentence before it on a line of its own', () => {
    const texts = ['2日”县委会召开主委会议。', '15日”县委会召开座谈会，主委出席。21日”县委会机关开展学习。'];
    expect(repairDayGaps(texts, ocred(2))[1]).toEqual(['15日\u3000县委会召开座谈会，主委出席。', '21日\u3000县委会机关开展学习。']);
  });

  it.each([
    [['2日”县委会召开主委会议。', '会议强调，要在3日“开门红”中见成效。']],
    [['他说：“我们在12日”开会。', '会议于15日召开。']],
  ])('leaves a document with one such line, and quotes inside sentences, alone: %j', (texts) => {
    expect(repairDayGaps(texts, ocred(texts.length))).toEqual(texts.map((t) => [t]));
  });

  it('gives the segmenter one dated entry a day', () => {
    const repair = repairOcrLines(
      lines([
        ['某某简报', 1],
        ['某某县委会办公室　2023年6月12日', 1],
        ['图会务纪要', 1],
        ['图工作动态', 1],
        ['五月', 1],
        ['2日”县委会召开主委会议，主委主持。', 1],
        ['9日至10日”、副主委带队赴某县调研。', 1],
        ['15日”县委会召开座谈会，主委出席。21日”县委会机关开展学习。', 1],
      ]),
      markers,
    );
    const result = segment(repair.lines, repair.markers);
    expect(result.items.map((i) => i.paragraphs[0].slice(0, 5))).toEqual(['县委会召开', '副主委带队', '县委会召开', '县委会机关']);
  });
});

describe('separateMastheadDate: a masthead date whose 日 OCR misread', () => {
  it.each([
    ['某某县人大常委会办公室　二〇二一年三月九晶', '某某县人大常委会办公室　二〇二一年三月九日'],
    ['某某县政协办公室　2021年3月19H', '某某县政协办公室　2021年3月19日'],
    ['二〇二一年十二月二十曰　第5期', '二〇二一年十二月二十日　第5期'],
  ])('reads the misread character closing a full date as 日: %s', (input, output) => {
    expect(separateMastheadDate(input)).toBe(output);
  });

  it.each([['2021年3月19日'], ['3月19H上午，会议召开'], ['2021年3月19晶莹剔透']])('leaves dates read right, dates without a year, and words after a date alone: %s', (input) => {
    expect(separateMastheadDate(input)).toBe(input);
  });

  it('gives the masthead its date and publisher', () => {
    const repair = repairOcrLines(lines([['某某工作简报', 1], ['第4期', 1], ['某某县人大常委会办公室　二〇二一年三月九晶', 1], ['3月8日，县人大常委会召开会议。', 1]]), markers);
    const result = finishOcrSegments(segment(repair.lines, repair.markers), repair);
    expect([result.masthead.date, result.masthead.publisher]).toEqual(['2021-03-09', '某某县人大常委会办公室']);
  });
});

describe('repairOcrLines: brackets in the footer', () => {
  it('sets ASCII parentheses around Han text full-width in the lines as extracted too, which the footer reads', () => {
    const repair = repairOcrLines(lines([['◆3月8日，县政协召开会议。', 1], ['发:各乡镇(街道)政协工委，各民主党派', 1]]), markers);
    expect(repair.lines[1].raw).toBe('发：各乡镇（街道）政协工委，各民主党派');
    expect(segment(repair.lines, repair.markers).footer.distributeTo).toEqual(['各乡镇（街道）政协工委', '各民主党派']);
  });
});

describe('repairOcrLines: item glyphs read from the page image', () => {
  it('keeps them as the items\' markers, also glyphs the config does not list, with specks and a misread 日 after them mended', () => {
    const repair = repairOcrLines(
      lines([
        ['■ 参政议政', 1],
        ['●”5月6日，市委会召开课题开题会。', 1],
        ['●5月8H下午，市委会召开座谈会。', 1],
        ['○5月9日，副主委带队调研。', 1],
        ['■ 会员风采', 1],
        ['▲。5月4日至5日，市委会组织助学活动。', 1],
        ['▲5月10日上午，会员开展健康讲座。', 1],
      ]),
      markers,
    );
    const result = finishOcrSegments(segment(repair.lines, repair.markers), repair);
    expect(result.items.map((i) => [i.marker, i.section, i.paragraphs[0].slice(0, 6)])).toEqual([
      ['●', '参政议政', '5月6日，市'],
      ['●', '参政议政', '5月8日下午'],
      ['○', '参政议政', '5月9日，副'],
      ['▲', '会员风采', '5月4日至5'],
      ['▲', '会员风采', '5月10日上'],
    ]);
  });

  it('leaves a glyph that opens no date where it is, and adds no marker for it', () => {
    const repair = repairOcrLines(lines([['◆5月8日，县政协召开会议。', 1], ['●会议指出，要抓好落实。', 1]]), markers);
    expect(repair.lines.map((l) => l.text)).toEqual(['◆5月8日，县政协召开会议。', '●会议指出，要抓好落实。']);
    expect(repair.markers.items).not.toContain('●');
  });
});

import { describe, expect, it } from 'vitest';
import { CIRCLED_ONE_DIGIT as ONE, CIRCLED_TWO_DIGITS as TWO } from '../../src/extract/ocr/glyph.js';
import { fieldGaps, hanColons, numberCircledGlyphs, paragraphLabelColon, repairSectionMarks, splitDateFromSection, repairDates, repairDayGaps, repairMisreadMonth, UNREADABLE_MARKER } from '../../src/normalise/ocr-repair.js';
import { parseConfig } from '../../src/config.js';
import { ocrLines as lines, ocrItemsOf as itemsOf } from '../helpers/ocr-lines.js';

const markers = parseConfig({}).markers;

describe('numberCircledGlyphs: circled numbers read from the image, numbered by their order', () => {
  const ocred = (n: number) => new Array<boolean>(n).fill(true);

  it.each([
    ['counts on from ① read as one stroke', ['①5月3日，某会召开。', `${ONE}5月9日，某会调研。`, `${ONE}5月12日，某会视察。`], ['①5月3日，某会召开。', '②5月9日，某会调研。', '③5月12日，某会视察。']],
    ['counts from ① when the first one’s digit was not read either', [`${ONE}5月3日，某会召开。`, `${ONE}5月9日，某会调研。`], ['①5月3日，某会召开。', '②5月9日，某会调研。']],
    ['starts again at a ① read later', ['①5月3日，甲。', `${ONE}5月9日，乙。`, '①6月1日，丙。', `${ONE}6月2日，丁。`], ['①5月3日，甲。', '②5月9日，乙。', '①6月1日，丙。', '②6月2日，丁。']],
    [
      'takes a ring round two digits for ⑩ after the ninth',
      [...Array.from({ length: 9 }, (_, i) => `${i === 0 ? '①' : ONE}5月${i + 1}日，某会召开。`), `${TWO}5月20日，某会调研。`],
      [...[...'①②③④⑤⑥⑦⑧⑨'].map((c, i) => `${c}5月${i + 1}日，某会召开。`), '⑩5月20日，某会调研。'],
    ],
  ])('%s', (_what, texts, want) => {
    expect(numberCircledGlyphs(texts, ocred(texts.length)).texts).toEqual(want);
  });

  it('leaves a number unread whose count of digits disagrees with its place', () => {
    const texts = ['①5月3日，甲。', `${TWO}5月9日，乙。`];
    expect(numberCircledGlyphs(texts, ocred(2)).texts).toEqual(['①5月3日，甲。', `${UNREADABLE_MARKER}5月9日，乙。`]);
  });

  it('makes them item markers only where two or more, and most, open dated lines', () => {
    expect(numberCircledGlyphs(['①5月3日，甲。', `${ONE}5月9日，乙。`, `${ONE}某委员撰写的建议被采用。`], ocred(3)).items).toContain('③');
    expect(numberCircledGlyphs(['①加强学习；', `${ONE}深入调研；`, `${ONE}5月9日，乙。`], ocred(3)).items).toEqual([]);
  });

  it('leaves lines that were not OCR’d alone', () => {
    expect(numberCircledGlyphs([`${ONE}5月3日，甲。`], [false]).texts).toEqual([`${ONE}5月3日，甲。`]);
  });

  it('gives each item its circled number as marker, an undated one too', () => {
    const parsed = itemsOf(lines([
      ['某区政协工作动态', 1], ['2023年10月27日', 1], ['▲协商议政', 1],
      ['①10月10日上午，区政协召开常委会议，开展专题协商。', 1],
      [`${ONE}10月17日下午，区政协召开主席会议。`, 1],
      [`${ONE}区政协委员撰写的建议被省政协采用。`, 1],
      [`${ONE}10月20日，区政协委员向某街道捐赠助学金。`, 2],
    ]));
    expect(parsed.items.map((i) => i.marker)).toEqual(['①', '②', '③', '④']);
  });
});

describe('fieldGaps: stops and commas OCR read in the gaps of a titled roll', () => {
  it.each([
    ['主任:王某某。副主任:李某某', '主任:王某某　副主任:李某某'],
    ['组长:赵某，副组长:钱某某', '组长:赵某　副组长:钱某某'],
    ['委员:孙　某　周某某，吴某某”郑某某', '委员:孙　某　周某某　吴某某　郑某某'],
  ])('reads %s as gaps between fields and names', (input, output) => {
    expect(fieldGaps(input)).toBe(output);
  });

  it.each([
    ['委员:孙某周某某，吴某某'],
    ['地点：某会议室，会议由王某某主持'],
    ['会上，王某某。李某某：要加强学习'],
  ])('leaves a comma between names on a line with no other gap, or before no label, alone: %s', (input) => {
    expect(fieldGaps(input)).toBe(input);
  });
});

describe('hanColons', () => {
  it.each([
    ['主任:王某某', '主任：王某某'],
    ['编辑: 孙某　审核 :郑某', '编辑：孙某　审核：郑某'],
  ])('sets a colon between Han characters full-width: %s', (input, output) => {
    expect(hanColons(input)).toBe(output);
  });

  it.each([['时间：9:30'], ['电话: 0951-1234567'], ['E-mail:abc@126.com']])('leaves colons beside digits and Latin letters alone: %s', (input) => {
    expect(hanColons(input)).toBe(input);
  });
});

describe('a chronicle as OCR reads it', () => {
  it.each([
    ['2023年]月', '2023年1月'],
    ['2022年l月', '2022年1月'],
  ])('reads a month after a year given as a look-alike of 1: %s', (input, output) => {
    expect(repairDates(input)).toBe(output);
  });

  it('reads a day and its part of the day whose gap OCR read as a quote', () => {
    const texts = ['5日”某会召开主委会议。10日上午”副主委带队走访困难党员。', '17日”某会召开总结会。'];
    expect(repairDayGaps(texts, [true, true])).toEqual([['5日　某会召开主委会议。', '10日上午　副主委带队走访困难党员。'], ['17日　某会召开总结会。']]);
  });

  it('cuts an entry glued after a paragraph that opens with no day (an entry’s second paragraph)', () => {
    const texts = ['5日”某会召开主委会议。', '某部副部长到会讲话。19日至20日”某会开展走访活动。', '30日”某会召开节后会议。'];
    expect(repairDayGaps(texts, [true, true, true])[1]).toEqual(['某部副部长到会讲话。', '19日至20日　某会开展走访活动。']);
  });
});

describe('repairMisreadMonth: a month read as ?', () => {
  const issue = new Date(Date.UTC(2023, 1, 15));

  it.each([
    ['●?月8日上午，某会召开研讨会。', '●2月8日上午，某会召开研讨会。'],
    ['?月11日，某会开展宣传。', '2月11日，某会开展宣传。'],
  ])('reads %s as the month that falls in the weeks before the issue', (text, want) => {
    expect(repairMisreadMonth(text, issue, true)).toBe(want);
  });

  it('leaves it where neither 2 nor 7 falls in those weeks', () => {
    expect(repairMisreadMonth('?月8日，某会召开会议。', new Date(Date.UTC(2023, 9, 15)), true)).toBe('?月8日，某会召开会议。');
  });
});

describe('paragraphLabelColon', () => {
  it.each([
    ['编者按; 7日召开的全市会议，部署了下半年重点任务。', '编者按：7日召开的全市会议，部署了下半年重点任务。'],
    ['注；本期内容据各单位报送材料整理。', '注：本期内容据各单位报送材料整理。'],
  ])('reads a paragraph label’s colon that OCR read as a semicolon: %s', (input, output) => {
    expect(paragraphLabelColon(input)).toBe(output);
  });

  it.each([['会议指出; 要加强学习。'], ['注重实效；突出重点。']])('leaves other semicolons alone: %s', (input) => {
    expect(paragraphLabelColon(input)).toBe(input);
  });
});

describe('section marks with specks read beside them', () => {
  it.each([
    ['x※民主党派、工商联工作※*', '※民主党派、工商联工作※'],
    ['※专门委员会工作※x', '※专门委员会工作※'],
    ['[【重要会议】', '【重要会议】'],
  ])('takes %s for the mark read right with a speck outside it', (input, output) => {
    expect(repairSectionMarks([input], markers)).toEqual([output]);
  });

  it('leaves a line with no mark read right alone', () => {
    expect(repairSectionMarks(['x会议指出，要加强学习*'], markers)).toEqual(['x会议指出，要加强学习*']);
  });
});

describe('splitDateFromSection', () => {
  it('cuts the masthead date from a framed section title OCR joined to it', () => {
    const out = splitDateFromSection(lines([['某市工作周报', 1], ['某市政协办公室', 1], ['2020年5月11日※重要精神※', 1], ['◆5月9日，某会召开会议。', 1]]), markers);
    expect(out.map((l) => l.text)).toEqual(['某市工作周报', '某市政协办公室', '2020年5月11日', '※重要精神※', '◆5月9日，某会召开会议。']);
  });

  it('leaves a date inside a sentence and lines below the masthead alone', () => {
    const input = lines([['某会于2020年5月11日召开【会议】', 1], ...Array.from({ length: 8 }, (): [string, number] => ['正文。', 1]), ['2020年5月11日※重要精神※', 1]]);
    expect(splitDateFromSection(input, markers).map((l) => l.text)).toEqual(input.map((l) => l.text));
  });
});

import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { segment } from '../../src/segment/index.js';
import { closingQuotes, fieldGaps, repairFooterColons, repairDates, repairMonthHeaders, repairOcrLines, repairSectionMarks, restoreStopsBeforePartOfDay } from '../../src/normalise/ocr-repair.js';
import { ocrLines as lines, ocrItemsOf as itemsOf } from '../helpers/ocr-lines.js';

const markers = parseConfig({}).markers;

describe('repairOcrLines: the junk of dated items before an undated one', () => {
  const doc = (undated: string) =>
    lines([
      ['某某工作动态', 1],
      ['某某县政协办公室　2022年7月20日', 1],
      ['@7月6日，县政协召开主席会议，研究近期工作。', 1],
      ['@7月8日，县政协组织委员开展视察。', 1],
      [undated, 1],
      ['@7月12日，县政协机关开展学习活动。', 1],
    ]);

  it('opens an item where the same symbol junk that opened two dated items stands before Han text', () => {
    const result = itemsOf(doc('@县政协委员李某撰写的建议被市政协采用。'));
    expect(result.items.map((i) => [i.marker, i.paragraphs[0].slice(0, 6)])).toEqual([
      [null, '7月6日，县'],
      [null, '7月8日，县'],
      [null, '县政协委员李'],
      [null, '7月12日，'],
    ]);
  });

  it.each([
    ['#县政协委员李某撰写的建议被市政协采用。'],
    ['县政协委员李某撰写的建议被市政协采用。'],
  ])('leaves a line alone whose opening is not that junk: %s', (undated) => {
    expect(itemsOf(doc(undated)).items).toHaveLength(3);
  });

  it('leaves Han junk alone, which may be a word opening a paragraph', () => {
    const result = itemsOf(
      lines([
        ['某某县政协办公室　2022年7月20日', 1],
        ['急7月6日，县政协召开主席会议。', 1],
        ['急7月8日，县政协组织委员开展视察。', 1],
        ['急需解决的问题还有很多。', 1],
      ]),
    );
    expect(result.items).toHaveLength(2);
  });
});

describe('repairFooterColons', () => {
  const footer = (first: string) =>
    repairFooterColons(lines([['某某区政协机关开展学习活动。', 2], [first, 2], ['送:县委办公室，县政府办公室', 2], ['编辑:王某　审核:李某', 2]])).map((l) => l.text);

  it.each([
    ['报;县委主要领导，县人大常委会主任', '报：县委主要领导，县人大常委会主任'],
    ['报；县委主要领导', '报：县委主要领导'],
    ['抄送.县委主要领导', '抄送：县委主要领导'],
  ])('gives a footer label its colon back where OCR read it as a semicolon or a stop next to a footer line: %s', (input, output) => {
    expect(footer(input)[1]).toBe(output);
  });

  it('leaves such a line alone where no footer line stands near it', () => {
    const out = repairFooterColons(lines([['报;县委主要领导，县人大常委会主任', 1], ['某某区政协机关开展学习活动。', 1], ['某某区政协召开会议。', 1], ['某某区政协开展视察。', 1]]));
    expect(out[0].text).toBe('报;县委主要领导，县人大常委会主任');
  });

  it('leaves a sentence that merely opens with 发 alone', () => {
    expect(footer('发展，是第一要务。')[1]).toBe('发展，是第一要务。');
  });
});

describe('repairSectionMarks: article headlines in 【】', () => {
  const fix = (texts: string[]) => repairSectionMarks(texts, markers);

  it.each([
    ['【调研组赴某某市开展盐碱地综合利用调研]', '【调研组赴某某市开展盐碱地综合利用调研】'],
    ['[市委会机关开展消防安全知识培训】', '【市委会机关开展消防安全知识培训】'],
    ['【某某支部举办新会员培训]】', '【某某支部举办新会员培训】'],
    ['【“书香某某”送书进校园活动启动]', '【“书香某某”送书进校园活动启动】'],
  ])('takes a headline longer than a section name when one of its marks was read right: %s', (input, output) => {
    expect(fix([input, '5月3日，某某召开会议。'])[0]).toBe(output);
  });

  it.each([
    ['[调研组赴某某市开展盐碱地综合利用调研]'],
    ['【调研组赴某某市开展调研，并召开座谈会。会议指出，要进一步加强合作]'],
    ['【某某支部举办新会员培训】'],
  ])('leaves a long line with neither mark read right, a sentence, and a headline read right as they are: %s', (input) => {
    expect(fix([input])[0]).toBe(input);
  });
});

describe('closingQuotes', () => {
  it.each([
    ['召开“双减"政策落实情况座谈会', '召开“双减”政策落实情况座谈会'],
    ['开展“书香"和“健康"两项活动', '开展“书香”和“健康”两项活动'],
    ['【“开明书香"送书进校园】', '【“开明书香”送书进校园】'],
  ])('closes an opening “ that OCR closed with an ASCII quote: %s', (input, output) => {
    expect(closingQuotes(input)).toBe(output);
  });

  it.each([['版本号为"v2"'], ['一个"引号']])('leaves ASCII quotes with no opening “ before them alone unless they pair round Han text: %s', (input) => {
    expect(closingQuotes(input)).toBe(input);
  });
});

describe('repairMonthHeaders', () => {
  const fix = (texts: string[]) => repairMonthHeaders(texts, texts.map(() => true));

  it.each([
    [['世月', '3日　某某召开会议。', '九　月', '2日　某某开展调研。'], 0, '八月'],
    [['十　月', '3日　某某召开会议。', '人月', '2日　某某开展调研。'], 2, '十一月'],
    [['世月', '3日　某某召开会议。', '6月', '2日　某某开展调研。'], 0, '5月'],
  ])('gives a month header whose numeral OCR misread the month before the next header, or after the one before: %j', (texts, at, month) => {
    expect(fix(texts)[at]).toBe(month);
  });

  it.each([
    [['世月', '3日　某某召开会议。']],
    [['元月', '3日　某某召开会议。', '二月', '2日　某某开展调研。']],
    [['本月', '3日　某某召开会议。', '二月', '2日　某某开展调研。']],
  ])('leaves it as read where no header was read right, and leaves 元月 and 本月 alone: %j', (texts) => {
    expect(fix(texts)).toEqual(texts);
  });
});

describe('repairDates: the 日 closing a span of days', () => {
  it.each([
    ['5月12日至14唱，主委带领调研组赴某县调研。', '5月12日至14日，主委带领调研组赴某县调研。'],
    ['5月2日至3旧、6日，分别召开会议。', '5月2日至3日、6日，分别召开会议。'],
  ])('reads the character after a span\'s last day, before a comma, as 日: %s', (input, output) => {
    expect(repairDates(input)).toBe(output);
  });

  it.each([
    ['5月12日至14时，系统暂停服务。'],
    ['5月12日至16人，参加培训。'],
    ['5月14日至12唱，无此区间。'],
    ['5月14日至16唱歌。'],
  ])('leaves counters and units, spans that run backwards and no comma alone: %s', (input) => {
    expect(repairDates(input)).toBe(input);
  });
});

describe('restoreStopsBeforePartOfDay', () => {
  const run = (a: string, b: string) => restoreStopsBeforePartOfDay(lines([[a, 1], [b, 1]])).map((l) => l.text);

  it('gives a full stop back to a line that ends in a Han character before a paragraph opening with a part of the day', () => {
    expect(run('6日　上午，县人大常委会召开主任会议，研究会议议程', '下午，县人大常委会视察某某项目。')).toEqual([
      '6日　上午，县人大常委会召开主任会议，研究会议议程。',
      '下午，县人大常委会视察某某项目。',
    ]);
  });

  it.each([
    ['县政协定于10月8日', '下午，召开常委会议。'],
    ['县政协召开主任会议。', '下午，县人大常委会视察某某项目。'],
    ['县政协召开主任会议，研究议程', '县人大常委会视察某某项目。'],
  ])('leaves lines that end in a date or a stop, or come before no part of the day, alone: %s', (a, b) => {
    expect(run(a, b)).toEqual([a, b]);
  });
});

describe('fieldGaps', () => {
  it.each([
    ['副主委:马某某”杜某某”邢某某（专职）', '副主委:马某某　杜某某　邢某某（专职）'],
    ['编辑:孙某　”审核:郑某某　”签发:葛某某', '编辑:孙某　审核:郑某某　签发:葛某某'],
    ['主　委：王某某“李某某', '主　委：王某某　李某某'],
  ])('reads quotes between names on a field line as the printed gap: %s', (input, output) => {
    expect(fieldGaps(input)).toBe(output);
  });

  it.each([['主题：开展“书香”进校园活动'], ['会上，王某某”指出要加强学习。'], ['9月3日”县政协召开会议。']])('leaves quotations and lines with no field label alone: %s', (input) => {
    expect(fieldGaps(input)).toBe(input);
  });
});

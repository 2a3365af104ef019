import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { ChronicleDate, chronicleTitleMonth, isChronicle, matchChronicleLine, matchDayLead, opensWithPeriodLead } from '../../src/segment/chronicle.js';
import { segment } from '../../src/segment/index.js';
import { linesFrom } from '../helpers/lines.js';

const markers = parseConfig({}).markers;

describe('chronicle lines', () => {
  it.each([
    ['a month header with 份 and 大事记', '一月份大事记', { month: 1, day: null }],
    ['a month header in digits', '1月', { month: 1, day: null }],
    ['a bare Chinese month', '十二月', { month: 12, day: null }],
    ['a month header with a year', '2023年3月', { month: 3, day: null }],
    ['元月', '元月', { month: 1, day: null }],
    ['a day line with a colon', '5日：', { month: null, day: 5 }],
    ['a day line without a colon', '11日', { month: null, day: 11 }],
    ['a day line with 号', '23号', { month: null, day: 23 }],
    ['a Chinese-numeral day', '十八日', { month: null, day: 18 }],
    ['a month and day standing alone', '3月18日：', { month: 3, day: 18 }],
    ['a day line with its weekday', '5日（星期五）', { month: null, day: 5 }],
    ['a day line with 周', '1月5日 周五：', { month: 1, day: 5 }],
  ])('reads %s', (_why, text, expected) => {
    expect(matchChronicleLine(text)).toEqual(expected);
  });

  it.each([
    ['a sentence', '5日，区政协召开会议。'],
    ['a day out of range', '35日'],
    ['a month out of range', '13月'],
    ['a headline', '区政协召开一月份工作例会'],
  ])('takes no heading from %s', (_why, text) => {
    expect(matchChronicleLine(text)).toBeNull();
  });

  it('reads a day leading its text after a colon', () => {
    expect(matchDayLead('4日：区政协机关开展清明祭扫活动。')).toEqual({ day: 4, endDay: null, rest: '区政协机关开展清明祭扫活动。' });
  });

  it('calls a document a chronicle only with two day lines or more', () => {
    expect(isChronicle(['一月份大事记', '5日：', '区政协举行活动。', '11日', '区政协召开会议。'])).toBe(true);
    expect(isChronicle(['一月份大事记', '5日：', '区政协举行活动。'])).toBe(false);
  });

  it('follows the month into the day lines under it', () => {
    const c = new ChronicleDate();
    expect(c.current()).toBeNull();
    c.read('三月份大事记');
    c.read('9日');
    expect(c.current()).toEqual({ text: '3月9日', month: 3, day: 9 });
    c.read('四月');
    expect(c.current()).toBeNull();
    c.setDay(2);
    expect(c.current()).toEqual({ text: '4月2日', month: 4, day: 2 });
  });
});

describe('segmenting a chronicle', () => {
  const doc = segment(
    linesFrom([
      '2022年某区政协大事记',
      '五月份大事记',
      '6日：',
      '区政协举行委员集体生日活动，区政协主席班子参加。',
      '12日',
      '5月12日，区政协召开新委员培训会。区政协副主席王明出席会议并讲话',
      '20日',
      '上午，区政协召开专题协商会，听取委员意见建议。',
      '下午，区政协全会闭幕。',
      '会议选举产生了新一届常委。',
      '六月',
      '3日：区政协机关开展志愿服务活动。',
    ]),
    markers,
  );

  it('keeps the header as the masthead title and makes no sections', () => {
    expect(doc.masthead.title).toContain('大事记');
    expect(doc.sections).toEqual([]);
  });

  it('opens an item under each day line and gives it the heading date', () => {
    expect(doc.items.map((i) => [i.paragraphs[0].slice(0, 8), i.headingDate?.text ?? null])).toEqual([
      ['区政协举行委员集', '5月6日'],
      ['5月12日，区政', '5月12日'],
      ['上午，区政协召开', '5月20日'],
      ['下午，区政协全会', '5月20日'],
      ['区政协机关开展志', '6月3日'],
    ]);
  });

  it('never glues a day line onto the unfinished sentence before it', () => {
    expect(doc.items[1].paragraphs).toEqual(['5月12日，区政协召开新委员培训会。区政协副主席王明出席会议并讲话']);
  });

  it('keeps a paragraph that opens with neither a date nor a part of day in the item above it', () => {
    expect(doc.items[3].paragraphs).toEqual(['下午，区政协全会闭幕。', '会议选举产生了新一届常委。']);
  });
});

describe('day leads in a chronicle', () => {
  it.each([
    ['a colon', '5日：区政协举行活动。', 5, '区政协举行活动。'],
    ['a comma', '5日，区政协举行活动。', 5, '区政协举行活动。'],
    ['a space', '5日 区政协举行活动。', 5, '区政协举行活动。'],
    ['nothing between', '5日区政协举行活动。', 5, '区政协举行活动。'],
    ['a part of day', '15日上午，区政协召开会议。', 15, '上午，区政协召开会议。'],
  ])('reads a day followed by %s', (_why, text, day, rest) => {
    expect(matchDayLead(text)).toEqual({ day, endDay: null, rest });
  });

  it.each([
    ['至', '3日至5日，区政协开展视察。'],
    ['a dash and a space', '3日—5日 区政协开展视察。'],
    ['至 with the first 日 left out', '3至5日，区政协开展视察。'],
  ])('reads a range of days joined by %s', (_why, text) => {
    expect(matchDayLead(text)).toEqual({ day: 3, endDay: 5, rest: '区政协开展视察。' });
  });

  it('makes a line that opens with a body acting the same day’s next event, and keeps other lines with their entry', () => {
    const doc = segment(
      linesFrom(['2009年某市政协大事记', '10月', '16日  市政协机关开展重阳节敬老活动。', '18日  经济委员会组织部分委员视察园区。', '文史委员会走访市档案馆，了解史料征集情况。', '调研组一行还察看了两处工地。', '20日  市政协召开常委会议。']),
      markers,
    );
    expect(doc.items.map((i) => [i.headingDate?.day ?? null, i.paragraphs.length])).toEqual([[16, 1], [18, 1], [18, 2], [20, 1]]);
  });

  it('dates day lines by the one month the chronicle’s title names', () => {
    const doc = segment(linesFrom(['2021年8月份某市政协工作大事记', '4日 市政协副主席某某前往某街道调研。', '5日 市政协主席某某会见客人。']), markers);
    expect(doc.items.map((i) => i.headingDate?.text)).toEqual(['8月4日', '8月5日']);
  });

  it.each([
    ['2021年8月份某市政协工作大事记', 8],
    ['某区政协2024年5月大事记', 5],
    ['2024年某区政协大事记', null],
    ['2024年第5期大事记', null],
  ])('reads the month of the title %s', (title, month) => {
    expect(chronicleTitleMonth(title)).toBe(month);
  });

  it('takes no day lead from a day standing alone', () => {
    expect(matchDayLead('5日')).toBeNull();
  });

  it('dates the item under a range from its first to its last day, and leaves a part of the month undated', () => {
    const doc = segment(linesFrom(['2022年某区政协大事记', '一月', '4日 区政协召开主席会议。', '6日—7日 区政协组织委员视察。', '上旬 各专委会开展履职考评。', '二月', '10日', '区政协召开机关干部大会。']), markers);
    expect(doc.items.map((i) => [i.paragraphs[0], i.headingDate])).toEqual([
      ['区政协召开主席会议。', { text: '1月4日', month: 1, day: 4 }],
      ['区政协组织委员视察。', { text: '1月6日至7日', month: 1, day: 6, endDay: 7 }],
      ['上旬各专委会开展履职考评。', null],
      ['区政协召开机关干部大会。', { text: '2月10日', month: 2, day: 10 }],
    ]);
  });

  it('leaves a month header outside a chronicle out of the item above it', () => {
    const doc = segment(linesFrom(['1月8日，县政协召开主席会议。', '1月15日—16日，县政协全会召开。', '2月', '2月3日，县政协副主席走访委员。']), markers);
    expect(doc.items.map((i) => i.paragraphs.join('|'))).toEqual(['1月8日，县政协召开主席会议。', '1月15日—16日，县政协全会召开。', '2月3日，县政协副主席走访委员。']);
  });

  it('segments a chronicle whose days lead their text under month headers', () => {
    const doc = segment(linesFrom(['2021年某县政协大事记', '一月', '6日，县政协召开主席会议。', '20日 县政协机关开展慰问活动。', '二月', '3日：县政协召开常委会议。']), markers);
    expect(doc.items.map((i) => [i.paragraphs[0], i.headingDate?.text])).toEqual([
      ['县政协召开主席会议。', '1月6日'],
      ['县政协机关开展慰问活动。', '1月20日'],
      ['县政协召开常委会议。', '2月3日'],
    ]);
  });
});

describe('a chronicle whose month headers are section titles', () => {
  it('keeps the sections and dates the items by their month', () => {
    const doc = segment(linesFrom(['2021年某县政协大事记', '【一月】', '6日', '县政协召开主席会议。', '【二月】', '3日', '县政协召开常委会议。']), markers);
    expect(doc.sections.map((s) => s.title)).toEqual(['一月', '二月']);
    expect(doc.items.map((i) => i.headingDate?.text)).toEqual(['1月6日', '2月3日']);
  });
});

describe('chronicles numbered with circled numbers under month headers', () => {
  const entries = [
    '一月',
    '① 1月5日，县政协召开主席会议。',
    '② 1月12日，县政协副主席带队到石门镇调研。',
    '二月',
    '① 2月3日，县政协主席走访慰问困难群众。',
  ];

  it('opens an item at each numbered dated line, with its number as the marker', () => {
    const doc = segment(linesFrom(['2021年云岭县政协大事记', ...entries]), markers);
    expect(doc.items.map((i) => [i.marker, i.paragraphs.join('|')])).toEqual([
      ['①', '1月5日，县政协召开主席会议。'],
      ['②', '1月12日，县政协副主席带队到石门镇调研。'],
      ['①', '2月3日，县政协主席走访慰问困难群众。'],
    ]);
  });

  it('makes the month headers neither sections nor the masthead title', () => {
    const titled = segment(linesFrom(['2021年云岭县政协大事记', ...entries]), markers);
    expect(titled.sections).toEqual([]);
    expect(titled.masthead.title).toBe('2021年云岭县政协大事记');
    const untitled = segment(linesFrom(entries), markers);
    expect(untitled.masthead.title).toBeNull();
    expect(untitled.items).toHaveLength(3);
  });

  it('leaves circled numbers that enumerate points inside an item as its text', () => {
    const doc = segment(linesFrom(['◆3月2日，县政协召开常委会议，提出三点要求：', '①加强学习；', '②深入调研；', '③务实履职。']), markers);
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0].paragraphs.join('')).toContain('③务实履职');
  });
});

describe('entries numbered 1、 （2） 三、 that open with their dates', () => {
  it.each([
    ['1、', ['1、3月1日，市工商联副主席走访调研。', '2、3月2日，市工商联秘书长参加座谈会。']],
    ['（1）', ['（1）3月1日，市工商联副主席走访调研。', '（2）3月2日，市工商联秘书长参加座谈会。']],
    ['一、', ['一、3月1日，市工商联副主席走访调研。', '二、3月2日，市工商联秘书长参加座谈会。']],
    ['1． run into the month', ['1．3月1日，市工商联副主席走访调研。', '2．3月2日，市工商联秘书长参加座谈会。']],
  ])('opens an item at each entry numbered %s, without its number', (_why, entries) => {
    const doc = segment(linesFrom(['某市工商联2024年3月大事记', ...entries]), markers);
    expect(doc.items.map((i) => i.paragraphs[0])).toEqual(['3月1日，市工商联副主席走访调研。', '3月2日，市工商联秘书长参加座谈会。']);
  });

  it('keeps an agenda numbered under an item in it', () => {
    const doc = segment(linesFrom(['3月3日上午，区政协召开主席会议，会议主要内容：', '1、学习中央文件精神；', '2、协商年度工作要点。']), markers);
    expect(doc.items).toHaveLength(1);
  });
});

describe('a chronicle section closing a bulletin of glyph items', () => {
  const doc = segment(
    linesFrom([
      '某党青岚市委会信息',
      '2023年第5期',
      '某党青岚市委会办公室　　2023年5月15日',
      '■ 参政议政',
      '●5月4日，市委会召开调研课题推进会，主委林某某主持。',
      '●5月10日上午，会员钱某某在某街道开展健康讲座。',
      '■ 会务纪要',
      '四月',
      '3日　市委会召开主委会议，主委林某某主持，研究部署第二季度工作。',
      '7日至8日　副主委付某某带领调研组赴某县调研文旅融合发展情况。',
      '14日　市委会召开新会员入会仪式，秘书长胡某某主持。',
    ]),
    markers,
  );

  it('opens an item under each day line of that section, dated by its month header', () => {
    expect(doc.items.map((i) => [i.section, i.headingDate?.text ?? null])).toEqual([
      ['参政议政', null],
      ['参政议政', null],
      ['会务纪要', '4月3日'],
      ['会务纪要', '4月7日至8日'],
      ['会务纪要', '4月14日'],
    ]);
  });

  it('makes the month header no item text', () => {
    expect(doc.items.some((i) => i.paragraphs.join('').includes('四月'))).toBe(false);
  });
});

describe('a list of dated lines closing a bulletin of glyph items', () => {
  it('makes each line an item of its section', () => {
    const doc = segment(
      linesFrom([
        '【参政议政】',
        '◇1月9日至12日，市政协会议召开，党员委员提交提案12件。',
        '◇2月27日下午，市委会召开参政议政工作会议。',
        '【大事记】',
        '1月5日　市委会召开主委会议，研究部署春节前后工作。',
        '1月24日　主委林某出席市委统战部召开的迎春座谈会。',
        '3月15日至16日　副主委柯某参加省委会组织工作培训班。',
      ]),
      markers,
    );
    expect(doc.items.map((i) => [i.section, i.paragraphs[0].slice(0, 5)])).toEqual([
      ['参政议政', '1月9日至'],
      ['参政议政', '2月27日'],
      ['大事记', '1月5日　'],
      ['大事记', '1月24日'],
      ['大事记', '3月15日'],
    ]);
  });
});

describe('day leads with no month to go by', () => {
  it('keep the day in the text, for the entity pass to date by the issue', () => {
    const doc = segment(
      linesFrom(['一、区人大常委会召开主任会议', '4日，区人大常委会召开主任会议，听取代表建议办理情况汇报。', '二、区人大常委会召开机关干部大会', '5日，区人大常委会机关召开干部大会。']),
      markers,
    );
    expect(doc.items.map((i) => i.paragraphs[0].slice(0, 3))).toEqual(['4日，', '5日，']);
  });
});

describe('opensWithPeriodLead', () => {
  it.each([
    ['a month’s period', ['6月上旬以来，青溪市人大常委会开展执法检查，推动条例落实。'], true],
    ['this year', ['今年以来，县政协围绕中心工作积极建言献策，取得明显成效。'], true],
    ['a digest’s preface', ['11月以来，全县统一战线扎实开展工作，现将近期工作情况摘编如下。'], false],
    ['a dated lead', ['6月3日，青溪市人大常委会开展执法检查，推动条例落实见到实效。'], false],
  ])('tells %s', (_why, paragraphs, expected) => {
    expect(opensWithPeriodLead(paragraphs)).toBe(expected);
  });
});

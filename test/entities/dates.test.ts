import { describe, expect, it } from 'vitest';
import { extractEntities, parseFullDate } from '../../src/entities/index.js';
import { findDates, itemDate } from '../../src/entities/dates.js';
import { defaultLexicons, entitiesOf } from './helpers.js';

type Expect = { text: string; start: string; end?: string; partOfDay?: 'am' | 'pm' | 'evening' | null };

const ITEM_DATES: [string, string, string, Expect][] = [
  ['a month-day', '5月8日，市政协召开会议。', '2020-05-11', { text: '5月8日', start: '2020-05-08' }],
  ['a range within a month with 至', '5月6日至7日，调研组赴石拐区调研。', '2020-05-11', { text: '5月6日至7日', start: '2020-05-06', end: '2020-05-07' }],
  ['a range with an em dash', '5月17日—18日，召开全会。', '2020-05-20', { text: '5月17日—18日', start: '2020-05-17', end: '2020-05-18' }],
  ['a range with a hyphen', '5月17日-18日，召开全会。', '2020-05-20', { text: '5月17日-18日', start: '2020-05-17', end: '2020-05-18' }],
  ['a range with an open first day', '9月6—7日，举办培训班。', '2021-09-10', { text: '9月6—7日', start: '2021-09-06', end: '2021-09-07' }],
  ['a range across months', '4月30日至5月2日，开展志愿服务。', '2020-05-11', { text: '4月30日至5月2日', start: '2020-04-30', end: '2020-05-02' }],
  ['a full date', '2020年5月11日，市政协召开常委会议。', '2020-05-11', { text: '2020年5月11日', start: '2020-05-11' }],
  ['a full date in Chinese numerals', '二〇二一年五月二十四日，区政协召开全会。', '2021-05-25', { text: '二〇二一年五月二十四日', start: '2021-05-24' }],
  ['a full date with ○', '二○二二年十二月三十一日召开会议。', '2023-01-02', { text: '二○二二年十二月三十一日', start: '2022-12-31' }],
  ['full-width digits', '２０２１年６月１日，召开会议。', '2021-06-02', { text: '２０２１年６月１日', start: '2021-06-01' }],
  ['a month-day in Chinese numerals', '三月十五日，召开座谈会。', '2021-03-20', { text: '三月十五日', start: '2021-03-15' }],
  ['上午', '5月9日上午，召开专题协商座谈会。', '2020-05-11', { text: '5月9日上午', start: '2020-05-09', partOfDay: 'am' }],
  ['下午', '5月9日下午，召开总支党员大会。', '2020-05-11', { text: '5月9日下午', start: '2020-05-09', partOfDay: 'pm' }],
  ['晚上', '5月9日晚上，举办读书分享会。', '2020-05-11', { text: '5月9日晚上', start: '2020-05-09', partOfDay: 'evening' }],
  ['晚', '5月9日晚，举办读书分享会。', '2020-05-11', { text: '5月9日晚', start: '2020-05-09', partOfDay: 'evening' }],
  ['上午 after the day of the week', '5月8日（星期五）上午，召开会议。', '2020-05-11', { text: '5月8日（星期五）上午', start: '2020-05-08', partOfDay: 'am' }],
  ['上午 after a range', '6月3日至4日上午，开展视察。', '2021-06-10', { text: '6月3日至4日上午', start: '2021-06-03', end: '2021-06-04', partOfDay: 'am' }],
  ['a date inside a news agency line', '新华社北京5月8日电 5月8日，中共中央召开座谈会。', '2020-05-11', { text: '5月8日', start: '2020-05-08' }],
  ['a range at the year end', '12月28日至29日，召开全会。', '2021-12-31', { text: '12月28日至29日', start: '2021-12-28', end: '2021-12-29' }],
  ['元月 for January', '元月8日下午，县政协主席深入村里调研。', '2021-01-10', { text: '元月8日下午', start: '2021-01-08', partOfDay: 'pm' }],
  ['号 for 日', '7月1号，举行升旗仪式。', '2021-07-05', { text: '7月1号', start: '2021-07-01' }],
];

describe('dates', () => {
  it.each(ITEM_DATES)('reads %s', (_why, text, issueDate, expected) => {
    const { date } = entitiesOf(text, issueDate);
    expect(date).not.toBeNull();
    expect(date!.text).toBe(expected.text);
    expect(date!.start).toBe(expected.start);
    expect(date!.end).toBe(expected.end ?? expected.start);
    expect(date!.partOfDay).toBe(expected.partOfDay ?? null);
    expect(text.slice(date!.span[0], date!.span[1])).toBe(expected.text);
  });

  it.each([
    ['a month range', '1—2月份，全市规模以上工业增加值同比增长8.5%。'],
    ['a month', '5月份以来，各项工作有序推进。'],
    ['a duration', '在武汉市江汉区优抚医院奋战了45天。'],
    ['a year alone', '总结2019年工作中所取得的优异成绩。'],
    ['前4个月', '听取了前4个月工作完成情况。'],
    ['a month without a day', '2020年5月，市政协开展调研。'],
  ])('takes no day date from %s', (_why, text) => {
    const e = entitiesOf(text, '2020-05-11');
    expect(e.dates).toEqual([]);
    expect(e.date).toBeNull();
  });

  it('lists every date of an item and takes the first as its own', () => {
    const e = entitiesOf('5月7日，调研组赴武汉。据了解，他们于2月16日离包赴鄂。', '2020-05-11');
    expect(e.dates.map((d) => d.start)).toEqual(['2020-05-07', '2020-02-16']);
    expect(e.date?.start).toBe('2020-05-07');
  });

  it('puts a month-day clearly after the issue date into the year before, with a guessed-year message', () => {
    const e = entitiesOf('12月28日，市政协召开常委会议。', '2022-01-04');
    expect(e.date?.start).toBe('2021-12-28');
    expect(e.messages).toEqual([expect.objectContaining({ severity: 'info', code: 'guessed-year', offset: 0 })]);
  });

  it('keeps the issue year for a month-day shortly after the issue date', () => {
    const e = entitiesOf('1月20日，将召开全会。', '2022-01-04');
    expect(e.date?.start).toBe('2022-01-20');
    expect(e.messages).toEqual([]);
  });

  it('moves the end of a range across the new year into the next year', () => {
    const e = entitiesOf('12月30日至1月2日，开展慰问活动。', '2022-01-04');
    expect(e.date).toMatchObject({ start: '2021-12-30', end: '2022-01-02' });
  });

  it('warns about an item without a date', () => {
    const e = entitiesOf('近日，市政协召开会议。', '2022-01-04');
    expect(e.date).toBeNull();
    expect(e.messages).toEqual([expect.objectContaining({ severity: 'warning', code: 'item-without-date' })]);
  });

  it('takes the year from a full date in the issue when the issue date is unknown', () => {
    const [first, second] = extractEntities(['2021年3月2日，召开会议。', '3月5日，开展调研。'], {
      issueDate: null,
      lexicons: defaultLexicons,
    });
    expect(first.date?.start).toBe('2021-03-02');
    expect(second.date?.start).toBe('2021-03-05');
  });

  it('skips an impossible day', () => {
    expect(entitiesOf('2月30日，召开会议。', '2021-03-01').dates).toEqual([]);
  });
});

describe('parseFullDate', () => {
  it.each([
    ['2020年5月11日', '2020-05-11'],
    ['2020 年 5 月 11 日', '2020-05-11'],
    ['二〇二一年五月二十四日', '2021-05-24'],
    ['二○二一年五月二十四日', '2021-05-24'],
    ['二零二一年十月一日', '2021-10-01'],
    ['２０２１年１２月３日', '2021-12-03'],
    ['包头市政协办公室　　二〇二〇年十二月三十一日', '2020-12-31'],
  ])('reads %s', (text, iso) => {
    expect(parseFullDate(text)).toBe(iso);
  });

  it.each([['5月11日'], ['2020年5月'], ['第18期'], ['2021年2月30日']])('returns null for %s', (text) => {
    expect(parseFullDate(text)).toBeNull();
  });
});

describe('dates without a knowable year', () => {
  const noYear = (text: string) => extractEntities([text], { issueDate: null, lexicons: defaultLexicons, fallbackYear: null })[0];

  it('keeps the month and day of a month-day, with no ISO date', () => {
    const e = noYear('12月23号上午，区政协召开区情通报会。');
    expect(e.date).toMatchObject({ text: '12月23号上午', start: null, end: null, year: null, month: 12, day: 23, partOfDay: 'am', basis: 'text', span: [0, 8] });
    expect(e.messages.map((m) => m.code)).toContain('date-without-year');
  });

  it('keeps 2月29日 (a leap day in some year) but drops an impossible day', () => {
    expect(noYear('2月29日，召开会议。').date).toMatchObject({ month: 2, day: 29, start: null });
    expect(noYear('2月30日，召开会议。').date).toBeNull();
  });

  it('gives a month-day the year of the evidence when there is any', () => {
    const e = extractEntities(['3月1日市政协召开党组会议。'], { issueDate: null, lexicons: defaultLexicons, fallbackYear: 2022 })[0];
    expect(e.date).toMatchObject({ start: '2022-03-01', year: 2022, month: 3, day: 1 });
  });
});

describe('day words against the page date', () => {
  const onPage = (text: string, pageDate = '2023-01-06') =>
    extractEntities([text], { issueDate: null, lexicons: defaultLexicons, fallbackYear: 2023, itemContexts: [{ pageDate, heading: null }] })[0];

  it.each([
    ['今日上午', '今日上午，区政协组织委员开展活动。', '2023-01-06', 'am'],
    ['昨日', '昨日，区政协副主席带队视察。', '2023-01-05', null],
    ['前日', '前日，区政协召开会议。', '2023-01-04', null],
    ['当天', '（记者 某某）当天，区政协举行座谈。', '2023-01-06', null],
    ['今天下午', '今天下午，全会开幕。', '2023-01-06', 'pm'],
    ['昨日 across a year end', '昨日，区政协召开会议。', '2022-12-31', null],
  ])('reads %s', (_why, text, iso, pod) => {
    const pageDate = _why.includes('year end') ? '2023-01-01' : '2023-01-06';
    expect(onPage(text, pageDate).date).toMatchObject({ start: iso, end: iso, partOfDay: pod, basis: 'relative' });
  });

  it('leaves 日前, 近日 and 今天 meaning "nowadays" alone', () => {
    expect(onPage('日前，区政协召开会议。').date).toBeNull();
    expect(onPage('近日，区政协召开会议。').date).toBeNull();
    expect(onPage('今天的幸福生活来之不易。').date).toBeNull();
  });

  it('takes 当天 after a written date as that date, not the page date', () => {
    const e = onPage('1月3日，区政协召开会议，当天还举行了座谈。');
    expect(e.dates.map((d) => d.start)).toEqual(['2023-01-03']);
  });

  it('reads no day words without a page date', () => {
    expect(entitiesOf('昨日，区政协召开会议。', '2023-01-06').date).toBeNull();
  });
});

describe('a month glued to its day (a page that showed the month as a badge)', () => {
  const onPage = (text: string, pageDate: string) =>
    extractEntities([text], { issueDate: null, lexicons: defaultLexicons, fallbackYear: 2022, itemContexts: [{ pageDate, heading: null }] })[0];

  it.each([
    ['in brackets under a headline', '区政协召开秘书长会议（727日）\n会议由副主席林某主持。', '2022-08-15', '2022-07-27'],
    ['opening a paragraph', '615日，市政协召开常委会议。', '2022-06-20', '2022-06-15'],
    ['whose two readings only one falls before the page date', '（111日）区政协召开会议。', '2022-01-20', '2022-01-11'],
  ])('dates the item %s, keeping the digits as printed', (_why, text, pageDate, iso) => {
    expect(onPage(text, pageDate).date).toMatchObject({ start: iso, text: expect.stringMatching(/^\d{3,4}日$/u) });
  });

  it.each([
    ['a count of days', '连续120日开展活动。', '2022-06-20'],
    ['a reading months before the page date', '（727日）区政协召开会议。', '2022-12-15'],
  ])('reads no date from %s', (_why, text, pageDate) => {
    expect(onPage(text, pageDate).date).toBeNull();
  });
});

describe('dates from a chronicle heading', () => {
  const under = (text: string, heading: { text: string; month: number; day: number }, fallbackYear: number | null = 2024) =>
    extractEntities([text], { issueDate: null, lexicons: defaultLexicons, fallbackYear, itemContexts: [{ pageDate: null, heading }] })[0];

  it('dates an item by its day line, with the part of day its first sentence names', () => {
    expect(under('中国人民政治协商会议某区委员会第三次会议上午隆重开幕。下午分组讨论。', { text: '1月16日', month: 1, day: 16 }).date)
      .toMatchObject({ text: '1月16日', start: '2024-01-16', partOfDay: 'am', basis: 'heading', span: [0, 0] });
    expect(under('下午，全会闭幕。', { text: '1月18日', month: 1, day: 18 }).date).toMatchObject({ start: '2024-01-18', partOfDay: 'pm' });
  });

  it('prefers a date the item opens with to the heading', () => {
    expect(under('1月11日，区政协召开培训会。', { text: '1月11日', month: 1, day: 11 }).date).toMatchObject({ basis: 'text', span: [0, 5] });
  });

  it('keeps month and day of a heading date with no year', () => {
    expect(under('区政协举行活动。', { text: '1月5日', month: 1, day: 5 }, null).date).toMatchObject({ start: null, month: 1, day: 5, basis: 'heading' });
  });

  it('does not count a heading date among the dates written in the item', () => {
    expect(under('区政协举行活动。', { text: '1月5日', month: 1, day: 5 }).dates).toEqual([]);
  });
});

describe('a dateline with the day alone against the page date', () => {
  const onPage = (text: string, pageDate = '2021-09-06') =>
    extractEntities([text], { issueDate: null, lexicons: defaultLexicons, fallbackYear: 2021, itemContexts: [{ pageDate, heading: null }] })[0];

  it.each([
    ['a day opening the item', '6日，区政协召开主席团会议。', '2021-09-06', null],
    ['a day with a part of day', '3日下午，区政协召开常委会议。', '2021-09-03', 'pm'],
    ['a day after a news lead and byline', '本报讯（记者 某某）28日，区政协召开会议。', '2021-08-28', null],
    ['a day after the page day: the month before', '30日，区政协召开会议。', '2021-08-30', null],
  ])('reads %s', (_why, text, iso, pod) => {
    expect(onPage(text).date).toMatchObject({ start: iso, partOfDay: pod, basis: 'relative' });
  });

  it('reads no day alone after the opening clause, after a month, or with neither page nor issue date', () => {
    expect(onPage('会议通报，区政协于6日召开会议。').date).toBeNull();
    expect(onPage('9月6日，区政协召开会议。').date).toMatchObject({ basis: 'text' });
    expect(entitiesOf('6日，区政协召开会议。', null).date).toBeNull();
  });

  it('reads a day alone opening an item against the issue date when there is no page date', () => {
    expect(entitiesOf('6日，区政协召开会议。', '2021-09-10').date).toMatchObject({ start: '2021-09-06' });
    expect(onPage('区政协于6日召开会议。').date).toMatchObject({ start: '2021-09-06' });
  });
});

describe('a report filed on a day that its day words count from', () => {
  const plain = (text: string) => extractEntities([text], { issueDate: null, lexicons: defaultLexicons, fallbackYear: 2019 })[0];

  it.each([
    ['报道 and 昨天上午', '某某电视台3月12日报道：昨天上午，市政协召开主席会议。', '2019-03-11', 'am'],
    ['电 and 今天', '新华社江州4月2日电 今天，省政协举行常委会议。', '2019-04-02', null],
    ['讯 and 昨日 across a month', '本报5月1日讯 昨日，区政协组织委员视察。', '2019-04-30', null],
  ])('dates the item by %s', (_why, text, iso, pod) => {
    expect(plain(text).date).toMatchObject({ start: iso, partOfDay: pod, basis: 'relative' });
  });

  it('keeps the dateline as the date when no day word follows it', () => {
    expect(plain('新华社江州4月2日电 省政协举行常委会议。').date).toMatchObject({ start: '2019-04-02', basis: 'text' });
  });

  it('does not take 电话 after a date for a dateline', () => {
    expect(plain('3月5日电话会议后，昨天，区政协召开会议。').date).toMatchObject({ start: '2019-03-05' });
  });
});

describe('an item that opens only roughly dated', () => {
  const plain = (text: string) => extractEntities([text], { issueDate: '2021-10-20', lexicons: defaultLexicons })[0];

  it.each([
    ['日前 and a meeting it schedules', '日前，市政协召开主席会议。会议协商定于10月25日召开常委会议。'],
    ['近日 after a news lead and a later deadline', '本报讯（记者 某某）近日，区政协部署调研工作。调研须于11月30日前完成。'],
    ['连日来 and a later date', '连日来，县政协委员深入基层。10月12日，调研组召开座谈会。'],
  ])('gives no date to %s', (_why, text) => {
    expect(plain(text).date).toBeNull();
  });

  it('keeps a date written in the opening sentence itself', () => {
    expect(plain('近日，区政协于10月12日召开主席会议。').date).toMatchObject({ start: '2021-10-12' });
  });
});

describe('an item opening with a day alone under a digest month', () => {
  it('takes the month the segmenter found and keeps its part of day', () => {
    const text = '16日下午，“政协讲坛”第二讲在江州举行。';
    const dates = findDates(text, { issueDate: '2022-08-08', fallbackYear: null, pageDate: null }).dates;
    expect(itemDate(text, dates, { text: '4月16日', month: 4, day: 16 }, { issueDate: '2022-08-08', fallbackYear: null, pageDate: null })).toMatchObject({ start: '2022-04-16', partOfDay: 'pm' });
  });
});

describe('昨天 after a dateline without a year', () => {
  it('keeps the day before the dateline as month and day', () => {
    const { dates } = findDates('江州电视台2月15日报道：昨天上午，市政协召开预备会议。', { issueDate: null, fallbackYear: null, pageDate: null });
    expect(dates.map((d) => [d.text, d.month, d.day, d.start])).toEqual([['昨天上午', 2, 14, null]]);
  });

  it('leaves the day before 3月1日 unread, since it depends on the year', () => {
    const { dates } = findDates('江州电视台3月1日报道：昨天上午，市政协召开预备会议。', { issueDate: null, fallbackYear: null, pageDate: null });
    expect(dates.map((d) => d.text)).toEqual(['3月1日']);
  });
});

describe('a dispatch date before the report’s own date', () => {
  it('dates the item by the date opening the report after the lead and its byline', () => {
    expect(entitiesOf('某某网12月4日讯（记者 王明）12月3日，某党市委会召开会议。', '2015-12-10').date).toMatchObject({ start: '2015-12-03' });
  });

  it.each([
    ['a day after the subject', '中新网1月23日电 青禾市政协22日召开常委会议，审议有关事项。', '2021-01-22'],
    ['the same after a byline', '青禾网1月23日讯（记者 林晓）青禾市政协22日召开常委会议。', '2021-01-22'],
    ['a day of the month before', '中新网1月3日电 青禾市政协28日召开常委会议。', '2020-12-28'],
  ])('dates the item by %s, counted from the dispatch date', (_why, text, expected) => {
    expect(entitiesOf(text, '2021-01-25').date).toMatchObject({ start: expected });
  });

  it.each([
    ['after a purpose clause', '青禾网1月24日讯为进一步加强市政协主席会议成员与委员的联系，23日，市政协主席林某走访慰问两位委员。', '2013-01-23'],
    ['opening the second sentence', '青禾网1月24日讯为进一步发挥委员作用，市政协开展走访活动。23日上午，市政协主席林某走访委员。', '2013-01-23'],
    ['not a deadline', '青禾网1月24日讯为进一步加强联系，会议要求，23日前报送材料。', '2013-01-24'],
  ])('dates a report by the day alone that opens a later clause, %s', (_why, text, expected) => {
    expect(entitiesOf(text, '2013-01-30').date).toMatchObject({ start: expected });
  });

  it('reads a dispatch filed from a place (`2月7日青石讯`)', () => {
    expect(entitiesOf('青禾网2月7日青石讯2月6日上午，某镇政协联络委组织委员开展调研活动。', '2024-02-10').date).toMatchObject({ start: '2024-02-06', partOfDay: 'am' });
  });

  it('takes no later sentence’s date for an item opening with 昨日 and no page date', () => {
    expect(entitiesOf('昨日，市人大常委会举行主任会议。会议决定，常委会会议于2014年4月29日至30日上午举行。', null).date).toBeNull();
  });

  it('finds the dispatch at the start of a paragraph under photo captions', () => {
    const text = '应邀列席会议的九位台胞代表起立。图中右起为：青禾集团董事长林瑞河（来源：青禾日报）\n中新网1月23日电 青禾省政协九届五次会议22日在青禾开幕。';
    expect(entitiesOf(text, '2021-01-25').date).toMatchObject({ start: '2021-01-22' });
  });

  it('keeps the dispatch date when a later date is no report opening', () => {
    expect(entitiesOf('本报3月5日讯 区政协召开会议，定于3月8日举行全会。', '2015-12-10').date).toMatchObject({ start: '2015-03-05' });
  });
});

describe('a brief whose subject comes before its day (某某18日在…)', () => {
  const BRIEFS: [string, string, string | null, string | null][] = [
    ['takes the issue’s month for a day before the issue day', '市政协主席李某18日在市委党校作专题辅导。', '2021-06-25', '2021-06-18'],
    ['takes the month before for a day after the issue day', '区政协副主席王某28日带队赴某镇调研。', '2021-07-05', '2021-06-28'],
    ['keeps the part of day', '市政协党组书记张某9日上午主持召开党组会议。', '2021-06-25', '2021-06-09'],
    ['reads no date from a count of days', '调研组连续5日深入基层走访群众。', '2021-06-25', null],
    ['reads no date from a bound', '各单位须于20日前报送材料。', '2021-06-25', null],
    ['reads no date from a clause’s time', '市政协18日召开的常委会议审议了报告。', '2021-06-25', null],
    ['reads no date without an issue date', '市政协主席李某18日在市委党校作专题辅导。', null, null],
  ];
  it.each(BRIEFS)('%s', (_why, text, issueDate, expected) => {
    const date = entitiesOf(text, issueDate).date;
    if (expected === null) expect(date).toBeNull();
    else expect(date).toMatchObject({ start: expected });
  });

  it('keeps the part of day of 9日上午', () => {
    expect(entitiesOf('市政协党组书记张某9日上午主持召开党组会议。', '2021-06-25').date).toMatchObject({ partOfDay: 'am' });
  });
});

describe('a date written as digits opening the item', () => {
  it('dates the item by 20111125，…', () => {
    expect(entitiesOf('20111125，某会第四次会员大会在某宾馆举行。', null).date).toMatchObject({ start: '2011-11-25', basis: 'text', span: [0, 8] });
  });

  it.each([
    ['dots', '2021.3.5，市政协召开常委会议。', [0, 8]],
    ['dashes', '2021-03-05 市政协召开常委会议。', [0, 10]],
    ['slashes after a news lead', '本报讯 2021/3/5，市政协召开常委会议。', [4, 12]],
  ])('dates the item by a date written with %s', (_why, text, span) => {
    expect(entitiesOf(text, null).date).toMatchObject({ start: '2021-03-05', basis: 'text', span });
  });

  it.each([
    ['a phone number after a label', '电话20111125，请联系。'],
    ['digits that are no date', '20119999，编号作废。'],
    ['eight digits inside a sentence', '会议决定，编号为20111125，即日起施行。'],
  ])('reads no date from %s', (_why, text) => {
    expect(entitiesOf(text, null).date).toBeNull();
  });
});

describe('a day of this month or last month (本月8日, 上月28日)', () => {
  it.each([
    ['上月 against the issue date', '上月28日，市政协召开常委会议。', '2021-03-10', '2021-02-28', null],
    ['上月 across a year', '上月28日，市政协召开常委会议。', '2021-01-10', '2020-12-28', null],
    ['本月 with a part of day', '本月8日上午，市政协召开常委会议。', '2021-03-10', '2021-03-08', 'am'],
  ])('reads %s', (_why, text, issueDate, start, partOfDay) => {
    expect(entitiesOf(text, issueDate).date).toMatchObject({ start, partOfDay, basis: 'relative' });
  });

  it('reads nothing without a page or issue date', () => {
    expect(entitiesOf('上月28日，市政协召开常委会议。', null).date).toBeNull();
  });
});

describe('a month-day with its 日 left out', () => {
  it.each([
    ['before a part of day', '5月28上午，某党市委召开会议。', '5月28上午', 'am'],
    ['before a comma', '5月28，某党市委召开会议。', '5月28', null],
  ])('is read %s', (_why, text, written, partOfDay) => {
    expect(entitiesOf(text, '2006-06-02').date).toMatchObject({ text: written, start: '2006-05-28', partOfDay });
  });

  it('is not read from a count after a month', () => {
    expect(entitiesOf('全年5月28家企业参加。', '2006-06-02').date).toBeNull();
  });
});

describe('a deck under the headline', () => {
  it('leaves the item its lead’s date, not the later day the deck announces', () => {
    const text = '决定6月18日召开县政协九届十二次常委会议\n6月11日，县政协九届三十四次主席会议召开，决定常委会议于6月18日召开。';
    expect(entitiesOf(text, '2021-06-20').date).toMatchObject({ start: '2021-06-11' });
  });

  it('keeps the first paragraph’s date when that paragraph is a sentence', () => {
    const text = '县政协6月8日召开主席会议，研究下月工作。\n6月11日，调研组赴某镇调研。';
    expect(entitiesOf(text, '2021-06-20').date).toMatchObject({ start: '2021-06-08' });
  });
});

describe('a span of days with no month opening the item', () => {
  it('is dated from the first to the last day in the issue’s month', () => {
    expect(entitiesOf('14日至16日，市委统战部副部长刘某某带领调研组深入社区。', '2020-07-31').date).toMatchObject({ start: '2020-07-14', end: '2020-07-16' });
  });

  it('is found after an editor’s note', () => {
    expect(entitiesOf('编者按：现将会议主要情况摘编如下。\n7日，全市统战部长会议召开。', '2020-07-31').date).toMatchObject({ start: '2020-07-07' });
  });
});

describe('同日 after an entry dated by its day alone', () => {
  it('takes the day of the item before it', () => {
    const [, second] = extractEntities(['3日，县委统战部组织党外知识分子开展调研。', '同日，县工商联召开商会工作座谈会。'], { issueDate: '2021-09-20', lexicons: defaultLexicons });
    expect(second.date).toMatchObject({ start: '2021-09-03', text: '同日', basis: 'relative' });
  });

  it('takes no day when it opens the first item', () => {
    const [first] = extractEntities(['同日，县工商联召开商会工作座谈会。'], { issueDate: '2021-09-20', lexicons: defaultLexicons });
    expect(first.date).toBeNull();
  });
});

describe('an item that opens with a month and no day', () => {
  it('takes no later sentence’s day for its date', () => {
    expect(entitiesOf('3月初至4月末，区政协主席赵明分别带队走访委员。11月10日至20日，副主席钱林走访常委。', '2021-12-01').date).toBeNull();
  });
});

describe('a chronicle of a year long past, posted later', () => {
  it('dates its month-days by the year its entries name, not the page’s', () => {
    const got = extractEntities(['2004年1月9日，市人大常委会主任林某到企业慰问职工。', '1月14日，林某主持召开主任会议。', '2月2日—9日，省人大代表赴省城参加会议。'], {
      issueDate: '2014-07-30',
      lexicons: defaultLexicons,
    }).map((e) => e.date?.start ?? null);
    expect(got).toEqual(['2004-01-09', '2004-01-14', '2004-02-02']);
  });

  it('leaves last year’s news in an issue to the issue’s year rule', () => {
    const got = extractEntities(['2020年12月28日，市政协召开全会。', '1月5日，市政协召开主席会议。'], { issueDate: '2021-01-10', lexicons: defaultLexicons }).map((e) => e.date?.start ?? null);
    expect(got).toEqual(['2020-12-28', '2021-01-05']);
  });
});

describe('an item opening with the period it sums up', () => {
  it('is dated by the first day it recounts, not left undated', () => {
    const e = entitiesOf('6月上旬以来，青溪市人大常委会开展执法检查。6月3—5日市人大常委会副主任柯望舒带队深入南岭县。', '2023-06-25');
    expect(e.date?.start).toBe('2023-06-03');
  });
});

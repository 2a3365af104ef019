import { describe, expect, it } from 'vitest';
import { anniversaryYear, chronicleYear, documentYear, localSessions, pageDatesOf, pageYears, pathSpan, pathYear, publishDates, sessionYear, textYear } from '../../src/segment/year-evidence.js';
import { linesFrom } from '../helpers/lines.js';

describe('publish-date lines', () => {
  it.each([
    ['发布日期 with a time and more meta after it', '发布日期：2023-03-03 17:01作者：网站管理员来源：系统', '2023-03-03'],
    ['发布时间 with slashes', '发布时间：2024/6/22', '2024-06-22'],
    ['a bare 时间 label', '时间 2024/6/22　浏览次数：35', '2024-06-22'],
    ['a meta line led by the source', '信息来源：某某政协    发布日期：2016-12-16    被阅览数：11029', '2016-12-16'],
    ['Chinese date units', '发布时间：2021年11月5日', '2021-11-05'],
  ])('reads %s', (_why, line, iso) => {
    expect(publishDates(linesFrom([line])).map((d) => d.iso)).toEqual([iso]);
  });

  it.each([
    ['an impossible day', '发布日期：2023-02-30'],
    ['a sentence quoting a time', '会议时间：2023年3月5日，地点在区政协三楼会议室，请各位委员准时参加。'],
  ])('takes no publish date from %s', (_why, line) => {
    expect(publishDates(linesFrom([line]))).toEqual([]);
  });

  it('dates each copied page by the meta line in its stretch of lines, else the one above', () => {
    const dates = publishDates(linesFrom(['标题一', '发布时间：2022-04-08', '正文。', '标题二', '发布时间：2023-01-06', '正文。', '正文二。']));
    expect(pageDatesOf([0, 3, 6], dates)).toEqual(['2022-04-08', '2023-01-06', '2023-01-06']);
    expect(pageDatesOf([0], [])).toEqual([null]);
  });
});

describe('other evidence of the year', () => {
  it.each([
    ['2024年大事记', 2024],
    ['2024年普陀区政协大事记', 2024],
    ['某区政协2006年年鉴', 2006],
    ['二〇二四年大事记', null],
    ['大事记', null],
  ])('reads the chronicle header %s', (line, year) => {
    expect(chronicleYear(linesFrom([line]))?.year ?? null).toBe(year);
  });

  it.each([
    ['全国政协十三届五次会议', 2022],
    ['十三届全国人大二次会议', 2019],
    ['全国政协第十四届全国委员会第二次会议', 2024],
    ['全国政协十四届三次会议', 2025],
    ['政协第十五届某市委员会第四次会议', null],
    ['区政协十五届三次会议', null],
  ])('dates the national session in %s', (text, year) => {
    expect(sessionYear([`组织收看${text}开幕会。`])?.year ?? null).toBe(year);
  });

  it.each([
    ['a full date first', ['区政协2012年度工作要点', '2013年1月5日，召开会议。'], 2013],
    ['the year named most often', ['通报区政协2012年度工作安排。', '2012年工作要点。', '2022年是关键一年。'], 2012],
    ['the latest year on a tie', ['2019年成绩。', '2020年计划。'], 2020],
    ['a year before a plan horizon, not a year range', ['2003年度先进单位'], 2003],
  ])('reads years in the text: %s', (_why, texts, year) => {
    expect(textYear(texts)?.year ?? null).toBe(year);
  });

  it.each([
    ['a year in the file name', 'archive/r3-dezhou-2022-yizhou.txt', 2022],
    ['a folder named by year', 'archive/2022/issue.txt', 2022],
    ['a folder with 年', 'archive/2003年/动态.docx', 2003],
    ['a year after a hyphen', 'web/anqing-2016.txt', 2016],
    ['the nearest part first', '2019/notes-2020.txt', 2020],
    ['two years in the name: a span', 'pages/heze-2015-2024.txt', null],
    ['no year at all', 'pages/heze.txt', null],
    ['digits that are no year', 'scan/20230303170500.txt', null],
  ])('reads the path: %s', (_why, p, year) => {
    expect(pathYear(p)?.year ?? null).toBe(year);
  });
});

describe('an anniversary the text says falls this year', () => {
  it.each([
    ['the Party’s centenary', '今年是中国共产党成立100周年，委员们表示要继续努力。', 2021],
    ['in Chinese numerals', '喜迎建党一百周年', 2021],
    ['the People’s Republic', '在庆祝中华人民共和国成立70周年之际', 2019],
    ['the CPPCC', '纪念人民政协成立七十周年', 2019],
    ['the May Day call', '纪念中共中央发布“五一口号”75周年', 2023],
    ['a democratic party', '庆祝九三学社成立75周年', 2020],
    ['reform and opening', '纪念改革开放40周年', 2018],
    ['a body of its own (unknown founding)', '庆祝本会成立30周年', null],
    ['no anniversary word', '中国共产党成立100年来', null],
  ])('dates the text by %s', (_why, text, year) => {
    expect(anniversaryYear([text])?.year ?? null).toBe(year);
  });

  it('ranks below a full date written in the text', () => {
    const lines = linesFrom(['2019年3月2日，区政协召开会议。今年是中国共产党成立100周年。']);
    expect(documentYear(lines, lines.map((l) => l.text), 'x.txt').year).toMatchObject({ year: 2019, source: 'text' });
  });
});

describe('the year of a document', () => {
  const lines = linesFrom(['2021年某区政协大事记', '三月', '5日：', '区政协召开会议。']);

  it('prefers a publish date to a chronicle header, and a chronicle header to the path', () => {
    expect(documentYear(linesFrom(['发布日期：2020-01-02', ...lines.map((l) => l.text)]), [], 'x/2019.txt').year).toMatchObject({ year: 2020, source: 'publish-date' });
    expect(documentYear(lines, ['区政协召开会议。'], 'x/2019.txt').year).toMatchObject({ year: 2021, source: 'chronicle-header' });
  });

  it('prefers a national session to a full date in the text, and that to the path', () => {
    expect(documentYear([], ['收看全国政协十三届五次会议开幕会。2021年度先进。'], 'x/2019.txt').year).toMatchObject({ year: 2022, source: 'session' });
    expect(documentYear([], ['2021年5月3日，区政协召开会议。'], 'x/2019.txt').year).toMatchObject({ year: 2021, source: 'text' });
    expect(documentYear([], ['召开会议。'], 'x/2019.txt').year).toMatchObject({ year: 2019, source: 'path' });
  });

  // a meeting early in a year settles the last one's business: the year it names is not its own
  it.each([
    ['a year of account', ['1月8日，县政协召开主席会议，审定2018年度优秀提案。'], 'x/2019.txt', 2019, 'path'],
    ['a plan year named twice', ['审议2018年度考核情况和2018年度表彰名单。'], 'x/2019-dongtai.txt', 2019, 'path'],
    ['a year of account with no path year', ['2021年度先进。'], 'x/y.txt', 2021, 'text'],
  ] as const)('prefers the path to %s named in the text', (_why, texts, path, year, source) => {
    expect(documentYear([], [...texts], path).year).toMatchObject({ year, source });
  });

  it('names the source of a guessed year in a message, and says when there is none', () => {
    expect(documentYear([], ['召开会议。'], 'x/2019.txt').messages).toEqual([
      expect.objectContaining({ code: 'year-from-evidence', message: expect.stringContaining('file path') }),
    ]);
    expect(documentYear([], ['召开会议。'], 'x/y.txt')).toMatchObject({ year: null, messages: [expect.objectContaining({ code: 'year-unknown' })] });
  });
});

describe('unlabelled publish dates', () => {
  it.each([
    ['a date and a time', '2024-06-22 10:30', '2024-06-22'],
    ['a date and the source', '2024/6/22　来源：区政协', '2024-06-22'],
    ['a date alone', '2024-06-22', '2024-06-22'],
  ])('reads %s opening a meta line', (_why, line, iso) => {
    expect(publishDates(linesFrom([line])).map((d) => d.iso)).toEqual([iso]);
  });

  it('takes no date that opens a sentence', () => {
    expect(publishDates(linesFrom(['2024-06-22，区政协召开会议']))).toEqual([]);
  });
});

describe('the years of the pages of one file', () => {
  it.each([
    ['a span in the file name', 'web/heze-2015-2024.txt', [2015, 2024]],
    ['a span written backwards (the pages’ order unknown)', 'web/heze-2024-2015.txt', null],
    ['one year', 'web/heze-2015.txt', null],
    ['three years', 'web/x-2015-2018-2024.txt', null],
    ['a span only in a folder', '2015-2024/heze.txt', null],
  ])('reads %s', (_why, p, span) => {
    expect(pathSpan(p)).toEqual(span);
  });

  it('dates a page by the years its own text names, else the first and last pages by the span, else not at all', () => {
    const years = pageYears([['区政协2012年度工作安排。'], ['3月18日，区政协召开会议。'], ['11月10日，调研。'], ['7月2日，区政协召开常委会议。']], [2012, 2025]);
    expect(years.map((y) => y?.year ?? null)).toEqual([2012, null, null, 2025]);
    expect(years[3]?.evidence).toContain('last year');
  });

  it('gives no page a year from a span when there is none', () => {
    expect(pageYears([['3月1日，开会。'], ['3月2日，调研。']], null)).toEqual([null, null]);
  });
});

describe('publish dates found elsewhere', () => {
  const lines = linesFrom(['标题', '发布时间：2022-04-08', '正文。']);

  it('joins the web-chrome pass’s meta-line dates to those read here, once per line', () => {
    const doc = documentYear(lines, [], 'x.txt', [{ index: 1, iso: '2022-04-08', text: '2022-04-08' }, { index: 5, iso: '2023-01-06', text: '2023/1/6' }]);
    expect(doc.published.map((d) => [d.index, d.iso])).toEqual([[1, '2022-04-08'], [5, '2023-01-06']]);
  });

  it('takes an HTML page’s <meta> date only when no line prints one, and never an impossible day', () => {
    expect(documentYear(lines, [], 'x.txt', [{ index: -1, iso: '2021-01-01', text: 'meta' }]).published.map((d) => d.iso)).toEqual(['2022-04-08']);
    expect(documentYear([], [], 'x.txt', [{ index: -1, iso: '2021-01-01', text: 'meta' }]).published.map((d) => d.iso)).toEqual(['2021-01-01']);
    expect(documentYear([], [], 'x.txt', [{ index: 3, iso: '2023-02-30', text: '2023-02-30' }]).published).toEqual([]);
  });
});

describe('a year a period started from', () => {
  it.each([
    ['自…起', '自2006年起，市政协助学活动已连续开展了二十年。'],
    ['以来', '2015年以来，委员们累计捐款200余万元。'],
    ['从…开始', '从2012年开始，县政协每年组织委员视察。'],
    ['至今', '2010年至今，活动从未间断。'],
  ])('dates nothing (%s)', (_why, text) => {
    expect(textYear([text])).toBeNull();
  });

  it('leaves the year the text names as its own', () => {
    expect(textYear(['自2006年起开展活动。2024年，委员们又捐款30万元。'])?.year).toBe(2024);
  });
});

describe('local plenary sessions', () => {
  it.each([
    ['a short count', '市政协十六届一次会议预备会议举行。', { level: '市', term: 16, session: 1 }],
    ['the formal name with the place inside', '中国人民政治协商会议第十五届江州市委员会第四次会议开幕。', { level: '市', term: 15, session: 4 }],
    ['the formal name with the place first', '政协临江县第九届委员会第三次会议闭幕。', { level: '县', term: 9, session: 3 }],
  ])('are read from %s', (_why, text, session) => {
    expect(localSessions([text])).toMatchObject([session]);
  });

  it.each([
    ["the chair's meetings", '市政协十六届十三次主席会议召开。'],
    ["the standing committee's meetings", '区政协五届二十五次常委会议召开。'],
    ['a national session', '全国政协十四届二次会议开幕。'],
  ])('leave out %s', (_why, text) => {
    expect(localSessions([text])).toEqual([]);
  });

  it('date the pages between a file span by the sessions a dated page names', () => {
    const pages = [
      ['8月12日，市政协召开主席会议。'],
      ['1月9日，市政协委员报到，出席政协第十五届江州市委员会第四次会议。'],
      ['2月20日，市政协十六届一次会议预备会议举行。'],
      ['2月28日，市政协召开第十六届十三次主席会议。'],
      ['3月12日，市政协召开主席会议，研究市政协十六届三次会议提案交办工作。'],
    ];
    expect(pageYears(pages, [2015, 2024]).map((y) => y?.year ?? null)).toEqual([2015, 2020, 2022, null, 2024]);
  });

  it('date nothing where two dated pages disagree on the terms', () => {
    const pages = [['市政协十届一次会议开幕。2010年3月1日'], ['市政协十届二次会议开幕。2014年3月1日'], ['市政协十届三次会议开幕。']];
    expect(pageYears(pages, null)[2]).toBeNull();
  });
});

describe('page years from a path that names one year', () => {
  it('dates every page left undated by a file name with one year, while a page that names its own year keeps it', () => {
    const one = pathYear('archive/anqing-2016.txt');
    const years = pageYears([['3月1日，开会。'], ['区政协2015年度工作总结。'], ['3月2日，调研。']], null, one);
    expect(years.map((y) => y?.year ?? null)).toEqual([2016, 2015, 2016]);
  });

  it('leaves the inner pages of a span undated even when a single year is also passed', () => {
    const years = pageYears([['3月1日，开会。'], ['3月2日，调研。'], ['3月3日，视察。']], [2015, 2024], pathYear('x/2015-2024.txt'));
    expect(years.map((y) => y?.year ?? null)).toEqual([2015, null, 2024]);
  });
});

describe('a chronicle posted after the year it records', () => {
  it('reads a year standing alone as the chronicle header', () => {
    expect(chronicleYear(linesFrom(['2010年', '1月', '1月5日　省政协召开会议。']))?.year).toBe(2010);
  });

  it('dates the chronicle by its header, not by the later publish date, and says so', () => {
    const lines = linesFrom(['2010年', '发布时间：2017-09-05 19:06', '1月', '1月5日　省政协召开会议。']);
    const doc = documentYear(lines, ['1月5日　省政协召开会议。'], 'x.txt', [{ index: 1, iso: '2017-09-05', text: '2017-09-05 19:06' }]);
    expect(doc.year?.year).toBe(2010);
    expect(doc.published).toEqual([]);
    expect(doc.messages[0].message).toContain('published later');
  });

  it('keeps the publish date when it falls in the chronicle year', () => {
    const lines = linesFrom(['2017年大事记', '1月', '1月5日　省政协召开会议。']);
    const doc = documentYear(lines, ['1月5日　省政协召开会议。'], 'x.txt', [{ index: 1, iso: '2017-12-30', text: '2017-12-30' }]);
    expect(doc.published).toHaveLength(1);
  });
});

describe('page years inside a span', () => {
  it('ignores a year a page names outside the span its file is named for', () => {
    const years = pageYears([['12月10日，农工党市委召开会议，回顾1990年成立以来的历程。'], ['4月9日，调研。'], ['10月19日，视察。']], [2012, 2023]);
    expect(years.map((y) => y?.year ?? null)).toEqual([2012, null, 2023]);
  });
});

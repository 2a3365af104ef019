import { describe, expect, it } from 'vitest';
import { mastheadEnd, parseMasthead } from '../../src/segment/masthead.js';
import { segment } from '../../src/segment/index.js';
import { linesFrom } from '../helpers/lines.js';

const parse = (texts: Parameters<typeof linesFrom>[0]) => parseMasthead(linesFrom(texts)).masthead;

describe('parseMasthead', () => {
  it('reads title, issue, publisher and an Arabic-numeral date from separate lines', () => {
    expect(parse([{ text: '包头市 工作周报', kind: 'heading', level: 1 }, '第 18 期', '包头市政协办公室', '2020 年 5 月 11 日'])).toEqual({
      title: '包头市 工作周报', issue: 18, totalIssue: null, year: 2020, publisher: '包头市政协办公室', date: '2020-05-11',
    });
  });

  it('reads a year-and-issue line with a total issue, and office and Chinese-numeral date sharing a line', () => {
    expect(parse(['政 协 信 息', '2021年第5期（总第112期）', '赤峰市政协办公室　　　　二〇二一年五月二十四日'])).toEqual({
      title: '政协信息', issue: 5, totalIssue: 112, year: 2021, publisher: '赤峰市政协办公室', date: '2021-05-24',
    });
  });

  it('reads no issue date and no publisher from the period a chronicle covers', () => {
    expect(parse(['2024年政协青川市委员会5月大事记', '（2024年5月1日—5月31日）'])).toMatchObject({ date: null, publisher: null });
  });

  it('takes the year from 2021年第5期 even when the date is in another year', () => {
    expect(parse(['工作动态', '2021年第1期', '某县政协办公室编', '2020年12月31日'])).toMatchObject({ year: 2021, publisher: '某县政协办公室', issue: 1 });
  });

  it('reads Chinese-numeral issue numbers and ignores classification marks', () => {
    expect(parse(['内部资料 注意保存', '工 作 简 报', '第十八期', '中共某某区委办公室　2019年3月2日'])).toMatchObject({
      title: '工作简报', issue: 18, publisher: '中共某某区委办公室', date: '2019-03-02',
    });
  });

  it('reports a masthead without a date instead of inventing one', () => {
    const { masthead, messages } = parseMasthead(linesFrom(['工作简报', '第3期']));
    expect(masthead.date).toBeNull();
    expect(messages.map((m) => m.code)).toContain('masthead-without-date');
  });
});

describe('mastheadEnd', () => {
  it('ends the masthead after the date line, keeping classification marks printed under it', () => {
    const lines = linesFrom(['工作简报', '第3期', '某市政协办公室 2021年3月2日', '内部资料', '【重要会议】']);
    expect(mastheadEnd(lines, (l) => l.text.startsWith('【'))).toBe(4);
  });

  it('ends the masthead at the first section title when there is no date', () => {
    const lines = linesFrom(['工作简报', '第3期', '※重要活动※', '◆3月1日，召开会议。']);
    expect(mastheadEnd(lines, (l) => /^[※◆]/.test(l.text))).toBe(2);
  });
});

describe('a preface in running prose before the first section', () => {
  it('is no masthead line: the masthead ends before it', () => {
    const lines = linesFrom(['【卷首语】2021年，全市统一战线围绕中心工作凝心聚力，为高质量发展贡献力量！请看图说', '★园区共建★', '3月8日，青禾县工商联与白鹭区工商联签订合作协议。']);
    expect(mastheadEnd(lines, (l) => l.text.startsWith('★'))).toBe(0);
  });

  it('leaves a long address line in the masthead', () => {
    const lines = linesFrom(['某省人大常委会日常主要工作', 'Original URL： http://lib.example.cn/bin/mse.exe?seachword=&K=d00&A=24&rec=52&run=13', '一、重要会议及活动']);
    expect(mastheadEnd(lines, (l) => l.text.startsWith('一、'))).toBe(2);
  });
});

describe('a masthead without a date, above a page title', () => {
  it.each([
    ['a web page title', ['某某政协', '区政协召开六届七次主席会议', '3月3日上午，区政协召开主席会议，会议由主席某某主持。'], 1],
    ['a title ending in 会', ['区政协召开年度工作座谈会', '2月8日上午，区政协召开座谈会，通报年度工作安排。'], 0],
    ['a line cut inside a bracket', ['某网消息（记者', '王某）8月12日，市政协召开主席会议。'], 0],
    ['an office and a publication name', ['政协工作', '中共某县委统战部', '区政协召开六届七次主席会议', '3月3日上午，区政协召开主席会议。'], 2],
    ['a chronicle header', ['2024年某区政协大事记', '区政协召开六届七次主席会议', '3月3日上午，区政协召开主席会议。'], 1],
  ])('ends before %s', (_why, texts, end) => {
    expect(mastheadEnd(linesFrom(texts), () => false)).toBe(end);
  });
});

describe('a page that opens with a dated sentence', () => {
  it.each([
    ['alone', ['2022年6月14日上午，县政协召开主席会议。县政协主席某某主持，副主席某某出席。', '会议听取了有关汇报。'], 0],
    ['under its title', ['县政协召开主席会议', '2022年6月14日上午，县政协召开主席会议。会议听取了有关汇报。'], 0],
  ])('has no masthead %s: the full date is the item\'s', (_why, texts, end) => {
    expect(mastheadEnd(linesFrom(texts), () => false)).toBe(end);
  });

  it('still ends a masthead at its own date line', () => {
    expect(mastheadEnd(linesFrom(['工作动态', '某县政协办公室　2022年6月14日', '县政协召开主席会议。']), () => false)).toBe(2);
  });
});

describe('full dates that are no masthead date', () => {
  it('reads a short lead paragraph opening with a full date as the body, under its headline', () => {
    const doc = segment(linesFrom(['某委会新闻', '某党甲市委会专职副主委张某一行来汉调研', '2023年8月9日下午，某党甲市委会专职副主委张某一行四人率队来汉调研。', '某党乙市委会专职副主委李某热情接待了调研组一行。']));
    expect(doc.masthead.date).toBeNull();
    expect(doc.items[0].paragraphs[0]).toContain('2023年8月9日下午');
  });

  it('takes a date line under running text for a sign-off, not a masthead date', () => {
    const doc = segment(linesFrom(['5月7日下午，各党派联合调研组召开第一次工作会议。张某主持会议。', '会议讨论了调研方案，明确了分工。', '某党某市委会办公室', '2018年5月9日']));
    expect(doc.masthead.title).toBeNull();
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0].paragraphs.join('')).not.toContain('2018年5月9日');
    expect(doc.messages.filter((m) => m.code === 'sign-off')).toHaveLength(2);
  });

  it('dates the document by its sign-off when the masthead gives no date', () => {
    const doc = segment(linesFrom(['5月7日下午，各党派联合调研组召开第一次工作会议。张某主持会议。', '会议讨论了调研方案，明确了分工。', '某党某市委会办公室', '2018年5月9日']));
    expect(doc.masthead.date).toBe('2018-05-09');
    expect(doc.messages.map((m) => m.code)).toContain('date-from-sign-off');
    expect(doc.messages.map((m) => m.code)).not.toContain('masthead-without-date');
  });
});

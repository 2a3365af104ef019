import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../src/analyse.js';
import { parseConfig } from '../src/config.js';
import type { ParsedDocument } from '../src/parse.js';
import { blocksFrom } from './helpers/lines.js';

const config = parseConfig({});

function analyse(sourcePath: string, texts: string[]) {
  const parsed: ParsedDocument = {
    sourcePath,
    digest: { sha256: '0'.repeat(64), bytes: 1 },
    extraction: { format: 'txt', blocks: blocksFrom(texts), encoding: 'utf-8', pages: null, messages: [] },
  };
  return analyseDocument(parsed, config).record;
}

describe('years from the evidence a file carries', () => {
  it('takes a web page’s publish date as its masthead date and its items’ year', () => {
    const r = analyse('web/page.txt', ['区政协召开六届七次主席会议', '发布日期：2023-03-03 17:01作者：网站管理员', '3月3日上午，区政协召开六届七次主席会议，会议由主席某某主持。']);
    expect(r.masthead.date).toBe('2023-03-03');
    expect(r.items[0].date).toMatchObject({ start: '2023-03-03', partOfDay: 'am' });
    expect(r.messages).toContainEqual(expect.objectContaining({ code: 'year-from-evidence', message: expect.stringContaining('publish-date line') }));
  });

  it('keeps a chronicle’s later publish date as the page’s date, dating its days by its header', () => {
    const r = analyse('web/chronicle.txt', ['2010年', '发布时间：2017-09-05 19:06', '1月', '1月5日　省政协召开常委会议，主席某某主持。', '1月8日　省政协副主席某某赴某县调研。']);
    expect(r.masthead.date).toBe('2017-09-05');
    expect(r.items.map((i) => i.date?.start)).toEqual(['2010-01-05', '2010-01-08']);
  });

  it('takes the year from the file name of a digest that prints none', () => {
    const r = analyse('digests/zhengxie-yizhou-2022.txt', ['3月1日市政协党组会议召开，市政协主席某某主持。', '3月2日至4日市政协副主席分别召开分管委室会议。']);
    expect(r.masthead.date).toBeNull();
    expect(r.items.map((i) => [i.date?.start, i.date?.end])).toEqual([['2022-03-01', '2022-03-01'], ['2022-03-02', '2022-03-04']]);
  });

  it('keeps month and day when nothing gives the year, and says so', () => {
    const r = analyse('digests/yizhou.txt', ['3月1日市政协党组会议召开，市政协主席某某主持。', '3月4日市政协组织收听收看大会开幕会。']);
    expect(r.schemaVersion).toBe(2);
    expect(r.items[0].date).toMatchObject({ start: null, end: null, year: null, month: 3, day: 1 });
    expect(r.messages).toContainEqual(expect.objectContaining({ code: 'year-unknown' }));
  });

  it('dates the pages of a multi-page copy each by its own publish date, and gives the masthead none', () => {
    const r = analyse('web/pages.txt', [
      '区政协开展送法进社区活动', '发布时间：2022-06-17', '今日上午，区政协组织委员走进社区开展志愿服务。',
      '区政协委员视察重点项目建设', '发布时间：2023/1/6', '昨日，区政协副主席某某带领委员视察重点项目。',
    ]);
    expect(r.masthead.date).toBeNull();
    expect(r.items.map((i) => i.date?.start)).toEqual(['2022-06-17', '2023-01-05']);
  });

  it('leaves a dated masthead in charge: no evidence is sought', () => {
    const r = analyse('x/2019.txt', ['工作简报', '第1期', '某县政协办公室 2022年1月4日', '◆12月28日，县政协召开全会。']);
    expect(r.items[0].date?.start).toBe('2021-12-28');
    expect(r.messages.map((m) => m.code)).not.toContain('year-from-evidence');
  });
});

describe('a file of several pages without publish dates', () => {
  const pages = [
    '区政协召开年度工作座谈会', '2月8日上午，区政协召开年度工作座谈会，通报区政协2012年度工作安排。', '会议要求，抓好落实。',
    '区政协召开常委会议', '3月18日下午，区政协召开常委会议，围绕新城建设开展协商。',
    '区政协召开区情通报会', '12月23号上午，区政协召开区情通报会。',
  ];

  it('dates each page by its own text, then the first and last by the file name’s span, and says so', () => {
    const r = analyse('web/qingpu-2012-2025.txt', pages);
    expect(r.items.map((i) => i.date?.start ?? `${i.date?.month}-${i.date?.day}`)).toEqual(['2012-02-08', '3-18', '2025-12-23']);
    expect(r.messages).toContainEqual(expect.objectContaining({ code: 'page-years' }));
    expect(r.messages.map((m) => m.code)).not.toContain('year-from-evidence');
  });

  it('dates no page from another page’s text when the name gives no span', () => {
    const r = analyse('web/qingpu.txt', pages);
    expect(r.items.map((i) => i.date?.start ?? null)).toEqual(['2012-02-08', null, null]);
  });
});

describe('a newspaper page dated by a bare date line', () => {
  it('counts 昨天 from the date line when nothing else names the page', () => {
    const r = analyse('paper/page.txt', ['2021年05月27日', '某报讯 昨天上午，某党某市委会召开会议。市政协副主席王明华参加会议。']);
    expect(r.items[0].date).toMatchObject({ start: '2021-05-26', partOfDay: 'am', basis: 'relative' });
  });

  it('counts 昨日 from a date line printed with its weekday, under an e-paper’s page header and headline', () => {
    const r = analyse('paper/epaper.txt', ['第A4版：城事', '2021年09月14日 星期二', '市政协召开界别活动座谈会', '本报讯（记者 林晓）昨日上午，青禾市政协召开界别活动座谈会，副主席王明华出席。']);
    expect(r.masthead.title ?? '').not.toContain('星期');
    expect(r.items[0].date).toMatchObject({ start: '2021-09-13', partOfDay: 'am', basis: 'relative' });
  });

  it('counts no 昨天 from a bulletin’s issue date', () => {
    const r = analyse('bulletin/issue.txt', ['政协工作动态', '第5期', '2021年5月27日', '◆昨日，区政协召开主席会议，审议了有关事项。']);
    expect(r.items[0].date).toBeNull();
  });
});

describe('documents in traditional characters', () => {
  it('keeps the printed characters in the record and names the conversion in a message', () => {
    const r = analyse('web/trad.txt', ['縣政協召開十屆十二次主席會議', '3月2日，縣政協主席鄭國華主持會議並講話。副主席錢麗萍、孫建國參加會議。']);
    expect(r.items[0].people.map((p) => [p.name, p.titles])).toEqual([['鄭國華', ['縣政協主席']], ['錢麗萍', ['副主席']], ['孫建國', ['副主席']]]);
    expect(r.items[0].headline).toBe('縣政協召開十屆十二次主席會議');
    expect(r.messages.map((m) => m.code)).toContain('traditional-script');
  });
});

describe('a file of several pages of which only the last prints a publish date', () => {
  it('dates the earlier pages by their own evidence and gives the file no masthead date', () => {
    const r = analyse('pages/nonggong-2012-2023.txt', [
      '农工党市委召开全委会议',
      '12月10日，农工党市委召开全体委员会议，主委王明华主持。',
      '农工党市委开展调研',
      '发布日期：2023-10-20',
      '10月19日，农工党市委组织党员开展调研，主委王明华带队。',
    ]);
    expect(r.masthead.date).toBeNull();
    expect(r.items.map((i) => i.date?.start ?? null)).toEqual(['2012-12-10', '2023-10-19']);
  });
});

describe('pages separated by the credit lines that sign them', () => {
  it('dates each page of a file named with a span by its own evidence', () => {
    const r = analyse('pages/nonggong-2012-2023.txt', [
      '12月10日，农工党市委召开全体委员会议，主委王明华主持。',
      '农工党某市委 葛大可',
      '4月9日，农工党省委副主委肖渡带领专家赴我市调研。',
      '农工党某市委 屠 金',
      '农工党省委会来我市调研',
      '发布日期：2023-10-20',
      '10月19日，农工党省直工委副主委王世乐来我市调研。',
    ]);
    expect(r.items.map((i) => i.headline)).toEqual([null, null, '农工党省委会来我市调研']);
    expect(r.items.map((i) => i.date?.start ?? null)).toEqual(['2012-12-10', null, '2023-10-19']);
    expect(r.masthead.date).toBeNull();
  });
});

describe('credits closing the text', () => {
  it('makes the reviewer of a bracketed credit the footer’s reviewer, and the writer a byline', () => {
    const r = analyse('web/visit.txt', ['某大学统战部赴兄弟院校交流', '5月10日，某大学党委统战部一行赴某大学交流统战工作。双方开展了深入交流。（撰稿人：罗小梅，审稿人：甘建平）']);
    expect(r.footer.reviewers).toEqual(['甘建平']);
    expect(r.footer.editors).toEqual([]);
    expect(r.items[0].bylines.map((b) => b.name)).toEqual(['罗小梅', '甘建平']);
    expect(r.items[0].people.map((p) => p.name)).not.toContain('甘建平');
  });

  it('makes the editor of a closing credit the footer’s editor, and leaves the reporter a byline only', () => {
    const r = analyse('web/meeting.txt', ['市政协召开主席会议', '6月10日，市政协召开主席会议，主席林某某主持。会议还审议了有关人事事项。（青岚日报记者/李文 编辑/赵明轩）']);
    expect(r.footer.editors).toEqual(['赵明轩']);
    expect(r.items[0].bylines.map((b) => b.name)).toEqual(['李文', '赵明轩']);
  });

  it('credits a bare name in brackets closing the text with the editors, and keeps it the item’s byline', () => {
    const r = analyse('web/visit.txt', ['市政协开展助学活动', '6月10日，市政协组织委员到某小学开展助学活动。委员们表示要将助学活动长期坚持下去。（苏晓禾）']);
    expect(r.footer.editors).toEqual(['苏晓禾']);
    expect(r.items[0].bylines.map((b) => b.name)).toEqual(['苏晓禾']);
    expect(r.items[0].people.map((p) => p.name)).not.toContain('苏晓禾');
  });

  it('credits no name in brackets that closes a paragraph above the last', () => {
    const r = analyse('web/visit.txt', ['市政协开展助学活动', '6月10日，市政协组织委员到某小学开展助学活动。（苏晓禾）', '委员们表示要将助学活动长期坚持下去。']);
    expect(r.footer.editors).toEqual([]);
  });
});

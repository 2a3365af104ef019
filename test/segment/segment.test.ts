import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { segment } from '../../src/segment/index.js';
import { parseConfig } from '../../src/config.js';
import { linesFrom } from '../helpers/lines.js';

const markers = parseConfig({}).markers;

describe('segment', () => {
  it('nests a ### section under the ## section before it and files items under the innermost one', () => {
    const doc = segment(
      linesFrom([
        { text: '某市 工作周报', kind: 'heading', level: 1 }, '第 3 期', '某市政协办公室', '2021 年 3 月 8 日',
        { text: '※重要活动※', kind: 'heading', level: 2 },
        '◆3月1日，市政协主席张建国出席会议。',
        { text: '※领导活动※', kind: 'heading', level: 3 },
        '◇3月2日上午，市政协副主席李华调研。',
        '李华强调，要抓好落实。',
        '编辑：王明',
      ]),
      markers,
    );
    expect(doc.sections).toEqual([
      { title: '重要活动', level: 1, parent: null },
      { title: '领导活动', level: 2, parent: '重要活动' },
    ]);
    expect(doc.items.map((i) => [i.section, i.marker, i.paragraphs])).toEqual([
      ['重要活动', '◆', ['3月1日，市政协主席张建国出席会议。']],
      ['领导活动', '◇', ['3月2日上午，市政协副主席李华调研。', '李华强调，要抓好落实。']],
    ]);
    expect(doc.footer.editors).toEqual(['王明']);
  });

  it('reads an article: a headline and its paragraphs with no glyph', () => {
    const doc = segment(
      linesFrom(['工作简报', '第1期', '某县政协办公室 2022年1月4日', '【重要精神】', { text: '全国政协召开双周协商座谈会', kind: 'heading', level: 3 },
        '新华社北京1月3日电 全国政协3日召开双周协商座谈会。', '会议强调，要深入调查研究。', '【工作动态】', '◆12月28日，县政协召开全会。']),
      markers,
    );
    expect(doc.items[0]).toMatchObject({ section: '重要精神', marker: null, headline: '全国政协召开双周协商座谈会' });
    expect(doc.items[0].paragraphs).toHaveLength(2);
    expect(doc.items[1]).toMatchObject({ section: '工作动态', marker: '◆', headline: null });
  });

  it('gives a headline printed above an item to that item', () => {
    const doc = segment(linesFrom(['※重要会议※', { text: '市政协召开秘书长联席会议', kind: 'heading', level: 3 }, '◆5月9日，市政协召开联席会议。']), markers);
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0]).toMatchObject({ headline: '市政协召开秘书长联席会议', marker: '◆' });
  });

  it('takes Word list bullets as items with the glyph from the numbering definitions', () => {
    const doc = segment(linesFrom(['※重要活动※', { text: '5月7日，市政协召开会议。', kind: 'listItem', listGlyph: '◆', level: 0 }, '会议要求，抓好落实。']), markers);
    expect(doc.items).toEqual([expect.objectContaining({ marker: '◆', paragraphs: ['5月7日，市政协召开会议。', '会议要求，抓好落实。'] })]);
  });

  it('opens an item at each date-led paragraph when the glyphs were lost (legacy .doc)', () => {
    const doc = segment(linesFrom(['※重要活动※', '5月7日，市政协召开会议。', '会议要求，抓好落实。', '5月8日上午，市政协副主席调研。']), markers);
    expect(doc.items.map((i) => [i.marker, i.paragraphs.length])).toEqual([[null, 2], [null, 1]]);
  });

  it('uses configured markers: ■ titles and ●/○ items', () => {
    const custom = parseConfig({ markers: { sections: [{ open: '■', close: '' }], items: ['●', '○'] } }).markers;
    const doc = segment(linesFrom(['■ 协商议政', '●6月2日，区政协召开协商会。', '○6月3日，区政协视察。', '■ 委员风采', '●6月5日，委员捐款。']), custom);
    expect(doc.sections.map((s) => s.title)).toEqual(['协商议政', '委员风采']);
    expect(doc.items.map((i) => [i.section, i.marker])).toEqual([['协商议政', '●'], ['协商议政', '○'], ['委员风采', '●']]);
  });

  it('takes short standalone lines before items as section titles when there are no markers or heading styles', () => {
    const doc = segment(linesFrom(['重要活动', '◆12月28日下午，市委会召开全委会议。', '会议审议通过了工作总结。', '参政议政', '◆12月29日，市委会召开评审会。']), markers);
    expect(doc.sections.map((s) => s.title)).toEqual(['重要活动', '参政议政']);
    expect(doc.items.map((i) => i.section)).toEqual(['重要活动', '参政议政']);
  });

  it('discovers ■ titles and ●/○ items when none of the configured markers occur, and says so', () => {
    const doc = segment(linesFrom(['■ 协商议政', '● 6月2日，区政协召开协商会。', '○ 6月3日，区政协视察。', '■ 委员风采', '● 6月5日，委员捐款。']), markers);
    expect(doc.sections.map((s) => s.title)).toEqual(['协商议政', '委员风采']);
    expect(doc.items.map((i) => i.marker)).toEqual(['●', '○', '●']);
    expect(doc.messages.map((m) => m.code)).toContain('markers-discovered');
  });

  it('discovers titles wrapped in ★ like ※', () => {
    const doc = segment(linesFrom(['★重要会议★', '◆6月2日，区政协召开协商会。', '★视察调研★', '◆6月5日，委员视察。']), markers);
    expect(doc.sections.map((s) => s.title)).toEqual(['重要会议', '视察调研']);
  });

  it('does not discover markers when the configured ones are used', () => {
    const doc = segment(linesFrom(['※重要会议※', '◆6月2日，区政协召开协商会。', '● 要点一，抓落实。', '● 要点二，重实效。']), markers);
    expect(doc.items).toHaveLength(1);
    expect(doc.messages.map((m) => m.code)).not.toContain('markers-discovered');
  });

  it('drops the ordinal from section titles: 一、重要会议 and ※二、委员风采※ are 重要会议 and 委员风采', () => {
    const plain = segment(linesFrom(['一、重要会议', '◆3月5日，县委召开会议。', '二、委员风采', '◆3月8日，委员捐赠。']), markers);
    expect(plain.sections.map((s) => s.title)).toEqual(['重要会议', '委员风采']);
    expect(plain.items.map((i) => i.section)).toEqual(['重要会议', '委员风采']);
    const marked = segment(linesFrom(['※一、重要会议※', '◆3月5日，县委召开会议。', '※（二）委员风采※', '◆3月8日，委员捐赠。']), markers);
    expect(marked.sections.map((s) => s.title)).toEqual(['重要会议', '委员风采']);
  });

  it('takes a long numbered title standing alone between paragraphs for a section where short ones set the layout', () => {
    const doc = segment(
      linesFrom([
        '一、区人大常委会召开第二十次会议',
        '3月28日，区人大常委会第二十次会议召开。',
        '二、区人大常委会开展《某某省大气污染防治条例》执法检查',
        '4月1日，区人大常委会副主任王某某带领执法检查组开展检查。',
        '三、区人大常委会召开机关干部大会',
        '4月5日，区人大常委会机关召开干部大会。',
      ]),
      markers,
    );
    expect(doc.sections.map((s) => s.title)).toEqual(['区人大常委会召开第二十次会议', '区人大常委会开展《某某省大气污染防治条例》执法检查', '区人大常委会召开机关干部大会']);
    expect(doc.items).toHaveLength(3);
  });

  it('leaves a long numbered point of an agenda in its item', () => {
    const doc = segment(
      linesFrom([
        '一、区人大常委会召开第二十次会议',
        '3月28日，区人大常委会第二十次会议召开。会议议程如下：',
        '一、听取和审议区政府关于2018年度国有资产管理情况的报告',
        '二、审议有关人事任免事项',
        '二、区人大常委会召开机关干部大会',
        '4月5日，区人大常委会机关召开干部大会。',
      ]),
      markers,
    );
    expect(doc.sections.map((s) => s.title)).not.toContain('听取和审议区政府关于2018年度国有资产管理情况的报告');
  });

  it('never drops text that fits nowhere: it becomes a message', () => {
    const doc = segment(linesFrom(['工作简报', '第1期', '某办公室 2021年1月1日', '编者按', '※要闻※', '◆1月1日，召开会议。']), markers);
    expect(doc.messages.some((m) => m.code === 'unplaced-text' && m.message.includes('编者按'))).toBe(true);
  });

  it('segments the sample bulletin into its seven sections and eleven items', () => {
    const text = fs.readFileSync(new URL('../../fixtures/baotou-2020-18.txt', import.meta.url), 'utf8');
    const blocks = text.split('\n').map((line, index) => {
      const h = /^(#{1,6})\s+(.*)$/.exec(line);
      if (h) return { text: h[2], kind: 'heading' as const, level: h[1].length, index };
      if (/^-{3,}$/.test(line.trim())) return { text: line, kind: 'rule' as const, index };
      return { text: line, kind: 'paragraph' as const, index };
    });
    const doc = segment(linesFrom(blocks.filter((b) => b.text.trim())), markers);
    expect(doc.sections.map((s) => s.title)).toEqual(['重要精神', '重要会议', '重要活动', '领导活动', '民主党派、工商联工作', '专门委员会工作', '旗县区政协工作']);
    expect(doc.items).toHaveLength(11);
    expect(doc.items[0].paragraphs.join('')).toContain('时刻绷紧疫情防控这根弦');
    expect(doc.items[2].paragraphs.join('')).toContain('家乡人民的英雄儿女');
    expect(doc.items[10].paragraphs.join('')).not.toContain('市委各常委');
    expect(doc.masthead).toMatchObject({ issue: 18, date: '2020-05-11', publisher: '包头市政协办公室' });
  });
});

describe('segment on a page copied with its chrome', () => {
  const page = [
    '江城政协',
    '当前位置：首页 > 政协要闻 > 工作动态',
    '市政协召开十届二十三次主席会议',
    '发布日期：2024-04-09 16:20作者：网站编辑来源：本站阅读：字体大小：[ 大 ] [ 小 ]',
    '4月9日上午，市政协召开十届二十三次主席会议，市政协主席祁建平主持。',
    'IMG_2041.JPG',
    '上一篇：市政协副主席邬海平走访委员企业',
    '下一篇：区政协召开常委会议',
  ];

  it('never makes chrome the masthead, a section or part of an item, and keeps the page date', () => {
    const doc = segment(linesFrom(page), markers);
    const everything = JSON.stringify([doc.masthead, doc.sections, doc.items]);
    for (const chrome of ['当前位置', '发布日期', '网站编辑', 'IMG_2041', '上一篇', '邬海平', '常委会议']) expect(everything).not.toContain(chrome);
    expect(doc.items.map((i) => i.paragraphs.join('\n'))).toEqual(['4月9日上午，市政协召开十届二十三次主席会议，市政协主席祁建平主持。']);
    expect(doc.pageDate).toMatchObject({ date: '2024-04-09', source: 'meta-line' });
    expect(doc.messages.map((m) => m.code)).toContain('web-chrome-removed');
  });

  it('has no page date for a bulletin without chrome', () => {
    expect(segment(linesFrom(['某市 工作周报', '第 3 期', '◆3月1日，市政协召开会议。']), markers).pageDate).toBeNull();
  });
});

describe('segment on news pages', () => {
  it('keeps a title block (the title again, a subtitle, who attended) with the report under it', () => {
    const doc = segment(
      linesFrom([
        '省政协常委会第九次会议开幕 钱某出席',
        '省政协常委会第九次会议开幕',
        '为省政协十二届三次会议作准备',
        '钱某出席',
        '本报讯 3月2日，省政协常委会第九次会议在江州开幕。省政协主席钱某出席。',
        '会议审议通过了有关决定。',
      ]),
      markers,
    );
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0].headline).toBe('省政协常委会第九次会议开幕钱某出席');
    expect(doc.items[0].paragraphs.at(-1)).toBe('会议审议通过了有关决定。');
  });

  it('reads a headline that ends in a closing quotation mark', () => {
    const doc = segment(
      linesFrom([
        '县政协召开主席会议',
        '1月5日，县政协召开主席会议。（宋某）',
        '县政协为困难群众送去“暖冬礼包”',
        '春节前夕，县政协主席某某带队走访困难群众。',
      ]),
      markers,
    );
    expect(doc.items.map((i) => i.headline)).toEqual(['县政协召开主席会议', '县政协为困难群众送去“暖冬礼包”']);
  });
});

describe('a title that asks a question', () => {
  it('heads the dated report under it', () => {
    const doc = segment(linesFrom(['三位委员在履职分享会上发言，都说了啥？', '8月28日，区政协履职分享会举行。150余位委员参加。']), markers);
    expect(doc.items.map((i) => i.headline)).toEqual(['三位委员在履职分享会上发言，都说了啥？']);
  });

  it('stays in its item where no dated paragraph follows it', () => {
    const doc = segment(linesFrom(['8月28日，区政协履职分享会举行。', '如何把履职做实？', '委员们纷纷发言。']), markers);
    expect(doc.items).toHaveLength(1);
  });
});

describe('a headline naming two bodies', () => {
  it('heads the report although it holds a 、', () => {
    const doc = segment(linesFrom(['区政协经济委、科技委召开主任办公会', '3月8日，区政协经济委、科技委召开主任办公会，研究安排今年重点工作。']), markers);
    expect(doc.items.map((i) => i.headline)).toEqual(['区政协经济委、科技委召开主任办公会']);
  });

  it('is not a line listing names', () => {
    const doc = segment(linesFrom(['3月8日，区政协召开主任办公会。', '宋一鸣、韩立、钱立业', '会议研究安排今年重点工作。']), markers);
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0].headline).toBeNull();
  });
});

describe('a page copied twice into one file', () => {
  const item = '3月30日上午，区政协召开五届六次常委会议。会议由政协主席周立明主持，副主席张端平出席会议。';
  const more = '会上传达学习了全国两会精神，讨论通过了年度工作要点。';

  it('keeps the first copy of an item repeated word for word and says how many repeats were left out', () => {
    const doc = segment(linesFrom([item, more, item, more]));
    expect(doc.items).toHaveLength(1);
    expect(doc.messages.find((m) => m.code === 'repeated-items-removed')?.message).toContain('1 item');
  });

  it('keeps two items that differ', () => {
    const doc = segment(linesFrom([item, more, item.replace('3月30日', '4月2日'), more]));
    expect(doc.items).toHaveLength(2);
  });
});

describe('photo captions between the paragraphs of an article', () => {
  const opening = '近日，某党某市委会主委张某率领的调研团来某市开展交流，市委会有关负责人参加了会议。';
  const more = '会上，李某简要介绍了基本情况，双方进行了交流。';

  it('leaves out a caption printed twice, keeping one item', () => {
    const doc = segment(linesFrom([opening, '某市委会调研团到某市开展参政议政交流', '某市委会调研团到某市开展参政议政交流', more]));
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0].paragraphs).toEqual([opening, more]);
  });

  it('leaves out a caption naming what a person does when the story goes on after it', () => {
    const doc = segment(linesFrom([opening, '张某主委发言', more]));
    expect(doc.items).toHaveLength(1);
  });

  it('leaves out a run of captions (a scene, then what people do) when the story goes on after it', () => {
    const doc = segment(linesFrom([opening, '会议现场', '县政协副主席某某主持开幕式', '县政协副主席某某向大会作提案工作报告', more]));
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0].paragraphs).toEqual([opening, more]);
  });

  it('leaves out captions in brackets between the paragraphs', () => {
    const doc = segment(linesFrom([opening, '（某某一行参观某镇文化广场）', '（与会人员了解某镇集贸市场建设情况）', more]));
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0].paragraphs).toEqual([opening, more]);
  });

  it('keeps a headline and subtitle over a story that opens with its date', () => {
    const doc = segment(linesFrom([opening, '县政协召开常委会议', '某某出席并讲话', '3月5日，县政协召开常委会议，审议有关事项。']));
    expect(doc.items).toHaveLength(2);
  });

  it('keeps a headline ending in 讲话 that opens a dated story', () => {
    const doc = segment(linesFrom([opening, '市政协主席在全会上讲话', '3月5日，市政协全会开幕，主席作工作报告。']));
    expect(doc.items).toHaveLength(2);
  });
});

describe('layouts of printed bulletins met in held-out scans', () => {
  it('takes a plain title over a chronicle’s month header for a section, once plain titles set the layout', () => {
    const doc = segment(
      linesFrom([
        '工作动态',
        '2023年第2期',
        '某党青岚市委员会　　2023年2月15日',
        '参政议政',
        '●2月8日上午，某党青岚市委会召开集体提案研讨会，主委林某某出席并讲话。',
        '●2月10日，副主委黄某某带领党员赴某镇开展调研。',
        '工作纪要',
        '2023年1月',
        '5日　市委会召开主委会议，主委林某某主持，研究年度工作要点。',
        '17日　市委会召开年度工作总结会，秘书长梁某某作工作报告。',
      ]),
      markers,
    );
    expect(doc.sections.map((s) => s.title)).toEqual(['参政议政', '工作纪要']);
    expect(doc.items.map((i) => [i.section, i.headingDate?.text ?? null])).toEqual([
      ['参政议政', null],
      ['参政议政', null],
      ['工作纪要', '1月5日'],
      ['工作纪要', '1月17日'],
    ]);
  });

  it('takes titles numbered in brackets, each standing alone, for sections', () => {
    const doc = segment(
      linesFrom([
        '（一）全市统战部长会议召开',
        '7日，全市统战部长会议在市委党校召开。部长高某某出席会议并讲话。',
        '（二）民营企业家恳谈会举行',
        '10日下午，市委统战部召开民营企业家恳谈会。',
      ]),
      markers,
    );
    expect(doc.sections.map((s) => s.title)).toEqual(['全市统战部长会议召开', '民营企业家恳谈会举行']);
    expect(doc.items).toHaveLength(2);
  });

  it('leaves numbered points that follow one another inside their item', () => {
    const doc = segment(linesFrom(['7日，全市统战部长会议召开。会议提出三点要求：', '（一）提高政治站位', '（二）突出工作重点', '（三）狠抓工作落实']), markers);
    expect(doc.sections).toEqual([]);
  });

  it('leaves an issue’s table of contents out of the items, with a message', () => {
    const doc = segment(
      linesFrom([
        '统 战 工 作',
        '第7期',
        '中共某市委统战部　　　2020年7月31日',
        '本期要目',
        '全市统战部长会议召开　　　　民营企业家恳谈会举行',
        '民族团结进步创建进社区　　　新阶层人士培训班开班',
        '一、全市统战部长会议召开',
        '7日，全市统战部长会议在市委党校召开。',
        '二、民营企业家恳谈会举行',
        '10日，民营企业家恳谈会举行。',
      ]),
      markers,
    );
    expect(doc.items).toHaveLength(2);
    expect(doc.messages.map((m) => m.code)).toContain('contents-removed');
  });

  it('keeps an editor’s note and the report under it in one item', () => {
    const doc = segment(
      linesFrom(['一、全市统战部长会议召开', '编者按：7日召开的全市统战部长会议部署了下半年工作，现将主要情况摘编如下。', '7日，全市统战部长会议在市委党校召开。', '二、民营企业家恳谈会举行', '10日，民营企业家恳谈会举行。']),
      markers,
    );
    expect(doc.items.map((i) => i.paragraphs.length)).toEqual([2, 1]);
  });
});

describe('an issue’s preface before its sections', () => {
  it('is no item, and its text is kept in a message', () => {
    const doc = segment(
      linesFrom([
        '统战简报',
        '第11期',
        '中共青溪县委统一战线工作部　　2022年11月30日',
        '11月以来，全县统一战线深入学习宣传贯彻会议精神，围绕中心工作做了大量工作。现将近期工作情况摘编如下。',
        '（一）县委统战部召开专题会议',
        '11月2日上午，县委统战部召开部务会议。',
        '（二）县工商联完成换届',
        '11月8日下午，县工商联召开会员大会。',
      ]),
    );
    expect(doc.items.map((i) => i.section)).toEqual(['县委统战部召开专题会议', '县工商联完成换届']);
    expect(doc.messages.find((m) => m.code === 'preface')?.message).toContain('摘编如下');
  });

  it('is an item when it opens with its date', () => {
    const doc = segment(linesFrom(['11月1日，县委统战部召开会议。', '（一）县委统战部召开专题会议', '11月2日上午，县委统战部召开部务会议。', '（二）县工商联完成换届', '11月8日下午，县工商联召开会员大会。']));
    expect(doc.items).toHaveLength(3);
  });
});

import { describe, expect, it } from 'vitest';
import { bylineOfLine, findBylines, takeTrailingBylines } from '../../src/entities/bylines.js';
import { getLexicons } from '../../src/entities/lexicons.js';
import { repairSpacing } from '../../src/normalise/spacing.js';
import { defaultLexicons, entitiesOf, namesOf } from './helpers.js';

const lex = () => getLexicons(defaultLexicons);
/** Item texts reach the entity pass with their spacing repaired, line by line. */
const normalised = (text: string) => text.split('\n').map(repairSpacing).join('\n');
const bylinesOf = (text: string) => findBylines(normalised(text), lex()).map((b) => [b.name, b.roles]);

// Invented names in the layouts real pages print their bylines in.
const BYLINES: [string, string, [string, string[]][]][] = [
  ['a reporter in brackets after 本报讯', '本报讯（记者 柯文涛）4月9日，市政协召开主席会议。', [['柯文涛', ['记者']]]],
  ['a reporter in lenticular brackets', '新江口讯【记者 程立川】5月6日上午，县政协召开会议。', [['程立川', ['记者']]]],
  ['reporters run together in brackets', '本报讯（记者邢晓岚汤卫国）3月14日，区人大常委会召开主任会议。', [['邢晓岚', ['记者']], ['汤卫国', ['记者']]]],
  ['reporters separated by spaces in half-width brackets', '新闻网讯(记者 卢志鹏 祁海燕 蒋立伟)5月2日，调研组一行来到园区。', [['卢志鹏', ['记者']], ['祁海燕', ['记者']], ['蒋立伟', ['记者']]]],
  ['a reporter and a correspondent', '本报讯（记者 柯文涛 通讯员 滕晓丽）6月1日，座谈会召开。', [['柯文涛', ['记者']], ['滕晓丽', ['通讯员']]]],
  ['a reporter and a correspondent with a pen name set apart by 、', '某某日报讯（记者柯文涛、通讯员江协宣）2月7日，市政协主席走访。', [['柯文涛', ['记者']], ['江协宣', ['通讯员']]]],
  ['names and a reporter closed by a slashed role', '委员们参观了园区。（王小红 李明华 记者 张大伟/文图）', [['王小红', ['文图']], ['李明华', ['文图']], ['张大伟', ['记者', '文图']]]],
  ['correspondents run together before a reporter and a slashed role', '某网消息（江晓 伍建彬 记者 程海燕/文图）3月15日，某市委召开会议。', [['江晓', ['文图']], ['伍建彬', ['文图']], ['程海燕', ['记者', '文图']]]],
  ['labelled credits in brackets set apart by a comma', '双方开展了深入交流。（撰稿人：罗小梅，审稿人：甘建平）', [['罗小梅', ['撰稿人']], ['甘建平', ['审稿人']]]],
  ['a correspondent after 本报讯 whose opening bracket was lost', '本报讯通讯员 骆明辉）县政协积极采取措施，抓好报刊征订工作。', [['骆明辉', ['通讯员']]]],
  ['a letter-spaced correspondent line behind a square mark', '■通 讯 员 骆明辉', [['骆明辉', ['通讯员']]]],
  ['a photo credit', '记者 蔺晓东 摄', [['蔺晓东', ['记者', '摄']]]],
  ['a photo credit in brackets', '会议现场。（记者 蔺晓东 摄）', [['蔺晓东', ['记者', '摄']]]],
  ['a compiler line with the outlet before the role', '江城晚报全媒体记者邬海平整理', [['邬海平', ['全媒体记者', '整理']]]],
  ['a contributor with the office before the name', '（河西区政协卜俊峰供稿）', [['卜俊峰', ['供稿']]]],
  ['an editor in brackets', '（责任编辑：聂婉清）', [['聂婉清', ['责任编辑']]]],
  ['reporters before the place they report from', '晨报记者 邵文杰 阎立新 南京报道', [['邵文杰', ['记者', '报道']], ['阎立新', ['记者', '报道']]]],
  ['an unbracketed lead-in before the date', '本报讯 记者蒲建华 通讯员骆明辉 2月28日，市政协召开会议。', [['蒲建华', ['记者']], ['骆明辉', ['通讯员']]]],
  ['names kept apart by wide spaces', '记者　柯文涛　滕晓丽　南京报道', [['柯文涛', ['记者', '报道']], ['滕晓丽', ['记者', '报道']]]],
  ['a photo credit after the last sentence of a caption', '这是参加会议的委员在会场交流。新华社记者 闵晓彤摄', [['闵晓彤', ['记者', '摄']]]],
  ['a bare name in brackets closing a paragraph', '推动代表工作取得新成效。（莫雅琴）', [['莫雅琴', []]]],
  ['a name and 摄影报道 on a line of its own', '委员们在分组讨论。\n柯文涛摄影报道', [['柯文涛', ['摄影报道']]]],
  ['reporters listed with 、 and 报道 before a colon', '记者柯文涛、滕晓丽、骆明辉报道：\n3月2日，区政协召开会议。', [['柯文涛', ['记者', '报道']], ['滕晓丽', ['记者', '报道']], ['骆明辉', ['记者', '报道']]]],
  ['a transliterated name among the reporters', '记者柯文涛、岩温香报道：\n3月2日，县政协召开会议。', [['柯文涛', ['记者', '报道']], ['岩温香', ['记者', '报道']]]],
  ['a byline broken over two lines and joined again', '市融媒体中心消息（记者柯文涛）8月12日，市政协召开主席会议。', [['柯文涛', ['记者']]]],
];

const NOT_BYLINES: [string, string][] = [
  ['记者会 (a press conference)', '记者会上，柯文涛介绍了有关情况。'],
  ['a bracketed word that is no name', '会议审议了《工作要点（草案）》。'],
  ['a section title in lenticular brackets', '【重要会议】3月5日，县政协召开常委会议。'],
  ['a bracketed name inside a sentence', '副主席（柯文涛）一行出席会议并讲话。'],
  ['编辑部 opening a sentence', '编辑部主任柯文涛出席会议。'],
  ['a sentence after the last full stop that only mentions a reporter', '会议结束。记者会后采访了与会委员'],
  ['a long sentence with a role word in it', '记者从会上获悉，今年全市共收到提案四百余件，立案三百余件。'],
];

describe('findBylines', () => {
  it.each(BYLINES)('reads %s', (_why, text, expected) => {
    expect(bylinesOf(text)).toEqual(expected);
  });

  it.each(NOT_BYLINES)('finds no byline in %s', (_why, text) => {
    expect(bylinesOf(text)).toEqual([]);
  });

  it('reads names kept apart by spaces when the text was not normalised', () => {
    expect(findBylines('晨报记者 邵文杰 阎立新 南京报道', lex()).map((b) => b.name)).toEqual(['邵文杰', '阎立新']);
  });

  it('gives spans that cut the name out of the item text', () => {
    const text = '本报讯（记者 柯文涛）4月9日，市政协召开主席会议。';
    const [b] = findBylines(text, lex());
    expect(text.slice(...b.span)).toBe('柯文涛');
  });
});

describe('bylines in the entity pass', () => {
  it('records a byline on the item and never lists its name among the people', () => {
    const e = entitiesOf('本报讯（记者 柯文涛）4月9日，市政协主席祁建平主持召开主席会议。（莫雅琴）');
    expect(e.people.map((p) => p.name)).toEqual(['祁建平']);
    expect(e.bylines.map((b) => b.name)).toEqual(['柯文涛', '莫雅琴']);
  });

  it('does not take a byline name for an organisation or a place', () => {
    const e = entitiesOf('（记者 江海洋）5月3日，区政协召开常委会议。');
    expect([...e.organisations, ...e.places].map((x) => x.name)).not.toContain('江海洋');
    expect(e.people).toEqual([]);
  });
});

describe('bylineOfLine', () => {
  it('tells a byline line from a headline', () => {
    expect(bylineOfLine('晨报全媒体记者邵文杰阎立新南京报道', defaultLexicons)?.map((b) => b.name)).toEqual(['邵文杰', '阎立新']);
    expect(bylineOfLine('市政协召开十届二十三次主席会议', defaultLexicons)).toBeNull();
  });
});

describe('takeTrailingBylines', () => {
  it('takes a byline line closing the last item off it, for the record', () => {
    const items = [{ paragraphs: ['3月1日市政协召开党组会议。'] }, { paragraphs: ['3月4日市政协组织收看开幕会。', '江城晚报全媒体记者邬海平整理'] }];
    expect(takeTrailingBylines(items, defaultLexicons)).toEqual([{ name: '邬海平', roles: ['全媒体记者', '整理'], line: '江城晚报全媒体记者邬海平整理' }]);
    expect(items[1].paragraphs).toEqual(['3月4日市政协组织收看开幕会。']);
  });

  it.each([
    ['led by a dash, its gap closed up', '——民盟柳河一支部韩素云'],
    ['set apart by a gap', '民盟柳河一支部　韩素云'],
  ])('takes the writer’s signature, a body and a name %s', (_why, line) => {
    const items = [{ paragraphs: ['9月18日，民盟柳河一支部组织盟员聆听报告。', '报告提出了独到见解。', line] }];
    expect(takeTrailingBylines(items, defaultLexicons)).toEqual([{ name: '韩素云', roles: [], line }]);
    expect(items[0].paragraphs).toHaveLength(2);
  });

  it('takes the signature closing each page of a file of several, not only the last', () => {
    const items = [{ paragraphs: ['3月6日，某区召开调研工作会议。', '民盟某区委　翟洋'] }, { paragraphs: ['9月19日，某支部举办支部大会。', '会议要求，积极建言。'] }];
    expect(takeTrailingBylines(items, defaultLexicons).map((b) => b.name)).toEqual(['翟洋']);
    expect(items[0].paragraphs).toHaveLength(1);
    expect(items[1].paragraphs).toHaveLength(2);
  });

  it('takes a page’s signature from under the slogan that closes it, and leaves the slogan', () => {
    const items = [{ paragraphs: ['3月6日，某区召开调研工作会议。', '民盟某区委　翟洋', '致敬努力奋斗的盟员！'] }];
    expect(takeTrailingBylines(items, defaultLexicons).map((b) => b.name)).toEqual(['翟洋']);
    expect(items[0].paragraphs).toEqual(['3月6日，某区召开调研工作会议。', '致敬努力奋斗的盟员！']);
  });

  it('leaves a body and a word glued with no dash (no signature without one or a gap)', () => {
    const items = [{ paragraphs: ['9月18日，会议召开。', '民盟柳河一支部开会'] }];
    expect(takeTrailingBylines(items, defaultLexicons)).toEqual([]);
  });

  it('leaves a last paragraph that is text alone', () => {
    const items = [{ paragraphs: ['3月4日市政协组织收看开幕会。', '会议要求，认真学习会议精神。'] }];
    expect(takeTrailingBylines(items, defaultLexicons)).toEqual([]);
    expect(items[0].paragraphs).toHaveLength(2);
  });
});

describe('bare names closing a report', () => {
  it.each([
    ['two names in a bracket, set apart', '县政协为群众送去礼包。（宋一鸣 韩立）', [['宋一鸣', []], ['韩立', []]]],
    ['names in a bracket, joined by 、', '县政协召开会议。（宋一鸣、韩立）', [['宋一鸣', []], ['韩立', []]]],
    ['a name glued after the last sentence', '要为发展贡献力量。宋一鸣', [['宋一鸣', []]]],
  ])('reads %s as a byline', (_why, text, bylines) => {
    expect(bylinesOf(text)).toEqual(bylines);
  });

  it.each([
    ['a bracket holding a word', '会议审议了方案。（草案 修订）'],
    ['words after the last sentence', '会议结束。会议决定'],
    ['a list of names the copy cut off after its 、', '会议开幕。王立新、陈海燕、赵国强、'],
  ])('reads no byline in %s', (_why, text) => {
    expect(bylinesOf(text)).toEqual([]);
  });

  it('leaves the names of a list cut off after its 、 to the item’s people', () => {
    expect(namesOf('大会执行主席林向东、吴海燕在主席台就座。王立新、陈海燕、赵国强、')).toEqual(['林向东', '吴海燕', '王立新', '陈海燕', '赵国强']);
  });
});

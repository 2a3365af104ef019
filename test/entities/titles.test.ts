import { describe, expect, it } from 'vitest';
import { entitiesOf, titlesOf } from './helpers.js';

const TITLES: [string, string, Record<string, string[]>][] = [
  ['a title with its organisation prefix', '5月8日，市政协副主席贺俊深入企业调研。', { 贺俊: ['市政协副主席'] }],
  ['a prefix that starts after 与', '现场与市人大副主任、旗委书记陈华座谈交流。', { 陈华: ['市人大副主任', '旗委书记'] }],
  [
    'three titles joined by 、 before one name',
    '5月7日，市委常委、统战部部长、市政协党组副书记乌云一行前往医院。',
    { 乌云: ['市委常委', '统战部部长', '市政协党组副书记'] },
  ],
  ['a title over an enumeration', '中共中央政治局常委李克强、汪洋、王沪宁出席座谈会。', {
    李克强: ['中共中央政治局常委'], 汪洋: ['中共中央政治局常委'], 王沪宁: ['中共中央政治局常委'],
  }],
  ['titles that change within a list', '副主席余静漪、张爱莲，秘书长郑丽出席。', { 余静漪: ['副主席'], 张爱莲: ['副主席'], 郑丽: ['秘书长'] }],
  ['a committee title', '市政协经济委员会主任付钧，九原区政协副主席乔俊陪同调研。', {
    付钧: ['市政协经济委员会主任'], 乔俊: ['九原区政协副主席'],
  }],
  ['a party branch title', '市政协一级巡视员、九三学社包头市委主委梁瑞主持座谈。', { 梁瑞: ['市政协一级巡视员', '九三学社包头市委主委'] }],
  ['a title after the name', '最后，王元乐主委强调，要强化大局意识。', { 王元乐: ['主委'] }],
  ['总书记 after the name', '传达学习习近平总书记重要讲话精神。', { 习近平: ['总书记'] }],
  ['a title with digits after 第', '市政协第5界别活动组组长李志鹏参加调研。', { 李志鹏: ['市政协第5界别活动组组长'] }],
  ['a title with a Han ordinal', '第六界别活动组组长王雅荣参加调研活动。', { 王雅荣: ['第六界别活动组组长'] }],
  ['a section’s title whose head repeats the section’s character', '市委组织部组织处处长王小平出席。', { 王小平: ['市委组织部组织处处长'] }],
  ['a title after 有 that lists who was there', '出席的有市政协委员汪宏、高敏等。', { 汪宏: ['市政协委员'], 高敏: ['市政协委员'] }],
  ['a board’s chair (董事局, not the 董事)', '某集团董事局主席王大成出席。', { 王大成: ['某集团董事局主席'] }],
  ['a department named by two activities', '社市委宣传调研部部长李红出席。', { 李红: ['社市委宣传调研部部长'] }],
  ['an honorary adviser joined by 、 to a second title', '市工商联荣誉总顾问、某集团董事长张大明参加。', { 张大明: ['市工商联荣誉总顾问', '某集团董事长'] }],
  ['a township title', '明沙淖乡党委书记孙建磊介绍了情况。', { 孙建磊: ['明沙淖乡党委书记'] }],
  ['a committee whose name holds 政委, not the title 政委', '社市委参政议政委员会主任何建平介绍了调研情况。', { 何建平: ['社市委参政议政委员会主任'] }],
  ['政委 as a title of its own', '武警支队政委李强出席。', { 李强: ['武警支队政委'] }],
  ['a bureau title', '文化旅游广电局副局长戈明及相关科室负责人参加。', { 戈明: ['文化旅游广电局副局长'] }],
  ['national party leaders', '民革中央主席万鄂湘、全国工商联主席高云龙先后发言。', {
    万鄂湘: ['民革中央主席'], 高云龙: ['全国工商联主席'],
  }],
  ['a title before and after the name', '大学校长王成功教授作报告。', { 王成功: ['大学校长', '教授'] }],
  ['a county head', '4月12日上午，县委副书记、县长欧阳明辉主持召开县政府常务会议。', { 欧阳明辉: ['县委副书记', '县长'] }],
  ['a provincial title in another province', '省政协副主席、农工党省委主委钟国华带领调研组赴黄石市调研。', {
    钟国华: ['省政协副主席', '农工党省委主委'],
  }],
  ['a title after a date without a comma', '6月2日上午市政协秘书长胡春生主持召开专题会议。', { 胡春生: ['市政协秘书长'] }],
  ['a deputy title after a comma', '市政协经济委主任付钧，副主任田洁参加调研活动。', { 付钧: ['市政协经济委主任'], 田洁: ['副主任'] }],
  ['a banner title', '旗委书记额尔敦出席并讲话。', { 额尔敦: ['旗委书记'] }],
  ['a committee whose name holds 和', '省政协文化文史和学习委主任吴德明出席。', { 吴德明: ['省政协文化文史和学习委主任'] }],
  ['a role noun inside the organisation of a title', '市政协委员、通辽市群众艺术馆馆长欧阳春雨带领艺术团演出。', {
    欧阳春雨: ['市政协委员', '通辽市群众艺术馆馆长'],
  }],
  ['a title after a colon', '组长：张海军', { 张海军: ['组长'] }],
  ['two offices joined by 兼', '会议由市政协副主席兼秘书长戴晓明主持。', { 戴晓明: ['市政协副主席', '秘书长'] }],
  ['a title chain before the workplace that stands before the name', '会上学习了民进省委副主委、省政协常委、江城大学文学院方雅琴教授传达的精神。', {
    方雅琴: ['民进省委副主委', '省政协常委', '教授'],
  }],
  ['a body named by a number in a title chain', '在省委副秘书长、省委520办公室主任林阔陪同下，调研组走访企业。', { 林阔: ['省委副秘书长', '省委520办公室主任'] }],
  ['no 受 before the title of the person who entrusts', '受省政协副主席李青委托，秘书长王平出席。', { 李青: ['省政协副主席'] }],
  ['a deputy head of a 处 office after the office’s verb-like name (组织处副处长)', '民革市委会组织处副处长张运能出席。', { 张运能: ['民革市委会组织处副处长'] }],
  ['a name given a title with 为, its given name holding a place character', '联通公司经理何泽岭为副会长。', { 何泽岭: ['联通公司经理'] }],
  ['no chain to a title whose own name stands after it', '县委书记王海、县长李明、江城大学方雅琴教授出席。', { 李明: ['县长'], 方雅琴: ['教授'] }],
];

describe('titles', () => {
  it.each(TITLES)('gives %s', (_why, text, expected) => {
    const got = titlesOf(text);
    for (const [name, titles] of Object.entries(expected)) expect(got[name]).toEqual(titles);
  });

  it('gives the same person every title of the item once', () => {
    const got = titlesOf('市政协副主席尚云带队调研。尚云副主席一行来到村里。市政协副主席尚云指出，要抓好落实。');
    expect(got['尚云']).toEqual(['市政协副主席', '副主席']);
  });

  it('does not take an organisation for a title', () => {
    expect(titlesOf('市人大常委会办公室、市政协委员会参加。')).toEqual({});
  });
});

describe('a title word that opens the short name of a body', () => {
  it('reads 委员工委主任 as the director of the 委员工委, not a member and a 工委主任', () => {
    expect(titlesOf('会议听取委员工委主任朱来兴的汇报。')).toEqual({ 朱来兴: ['委员工委主任'] });
  });

  it('keeps two titles apart when a 、 separates them', () => {
    expect(titlesOf('区政协委员、工委主任王明出席。')).toEqual({ 王明: ['区政协委员', '工委主任'] });
  });
});

describe('a party’s name before a place opening with 长', () => {
  it('makes no 盟长 title: the party’s committee of the place and its title stay whole', () => {
    const e = entitiesOf('民盟长岭市委青年工作委员会主任、东区政协副主席许丽丽致辞。');
    expect(e.people.map((p) => [p.name, p.titles])).toEqual([['许丽丽', ['民盟长岭市委青年工作委员会主任', '东区政协副主席']]]);
  });
});

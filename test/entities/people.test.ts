import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { extractEntities } from '../../src/entities/index.js';
import { defaultLexicons, entitiesOf, namesOf } from './helpers.js';

// Invented names in the genre: the rules must find names they have never seen.
const FOUND: [string, string, string[]][] = [
  ['a title before the name', '6月3日，区政协主席张建国带队赴滨江社区调研老旧小区改造工作。', ['张建国']],
  ['a name followed by a verb that could look like a given name', '5月8日，市政协副主席贺俊深入企业调研。', ['贺俊']],
  ['a two-character name before 带领', '青山区政协主席魏旭带领区政协各专委会主任走访企业。', ['魏旭']],
  ['a three-character name before 出席', '总支主委王元乐出席并主持会议。', ['王元乐']],
  ['names split by a comma and a new title', '市政协经济委主任付钧，副主任田洁参加调研活动。', ['付钧', '田洁']],
  ['a compound surname', '4月12日上午，县委副书记、县长欧阳明辉主持召开县政府常务会议。', ['欧阳明辉']],
  ['compound surnames in an enumeration', '市政协副主席司马文涛、上官婉清出席会议。', ['司马文涛', '上官婉清']],
  ['a speech verb at the start of a clause', '会上，王国珍要求，各单位要高度重视安全生产工作。', ['王国珍']],
  ['a speech verb at the start of an item', '周立新强调，要把各项工作落到实处。', ['周立新']],
  ['会议由 … 主持', '会议由市政协秘书长韩立新主持。', ['韩立新']],
  ['X同志', '会议宣读了关于李建华同志任职的通知。', ['李建华']],
  ['a title after the name', '上官婉清副主任一行来到社区。', ['上官婉清']],
  ['总书记 after the name', '认真学习贯彻习近平总书记关于扶贫工作的重要论述。', ['习近平']],
  ['an enumeration after one title', '市人大常委会副主任刘志强、陈玉梅和宋建军参加调研。', ['刘志强', '陈玉梅', '宋建军']],
  [
    'an enumeration closed by a comma and a second title',
    '副主席余静漪、张爱莲、夏福志、周翔，秘书长郑丽出席会议。',
    ['余静漪', '张爱莲', '夏福志', '周翔', '郑丽'],
  ],
  ['a bare list of names', '出席会议的还有赵海涛、钱思远、孙丽华、冯志刚等。', ['赵海涛', '钱思远', '孙丽华', '冯志刚']],
  ['a bare list led by the first name', '杜文斌、蒋海鹰、鲍丽君、廖国栋，省直有关部门负责人出席座谈会。', ['杜文斌', '蒋海鹰', '鲍丽君', '廖国栋']],
  ['a role noun over a list', '来自民盟和农工党的医护人员朱丽萍、闫海虹、李凯回顾了援助经历。', ['朱丽萍', '闫海虹', '李凯']],
  ['a name that is an ordinary word, after a title', '市委常委、宣传部部长高峰出席活动。', ['高峰']],
  ['dotted Uyghur and Kazakh names in a list under a title', '州政协副主席努尔兰·哈米提、阿依古丽·托乎提、陈红军出席会议。', ['努尔兰·哈米提', '阿依古丽·托乎提', '陈红军']],
  ['dotted names whose first part has a character the transliteration table lacks', '副主席杨勇、伊力江·沙比尔、艾则孜·木沙，秘书长高江淮参加会议。', ['杨勇', '伊力江·沙比尔', '艾则孜·木沙', '高江淮']],
  ['a dotted name closing a list of members', '委员马建华、李娟、艾力·吐尔洪参加活动。', ['马建华', '李娟', '艾力·吐尔洪']],
  ['a name before 列席', '副县长钱建新列席会议。', ['钱建新']],
  ['an ordinary-word name before 到会', '市工商联副主席白雪到会祝贺并讲话。', ['白雪']],
  ['a name before 莅临', '县长王海莅临指导。', ['王海']],
  ['a name that is an ordinary word, in an enumeration', '中共中央政治局常委李克强、汪洋、王沪宁出席座谈会。', ['李克强', '汪洋', '王沪宁']],
  ['a Mongolian name right after a title', '旗委书记额尔敦出席并讲话。', ['额尔敦']],
  ['a Mongolian name that is an ordinary word, after a title', '市委常委、统战部部长、市政协党组副书记乌云，市政协副主席贺俊一行前往医院。', ['乌云', '贺俊']],
  ['a name with 一行', '省政协调研组组长马骏一行来我市调研。', ['马骏']],
  ['a title chain shared by one name', '现场与县人大副主任、乡党委书记陈华、乡长赵光等座谈交流。', ['陈华', '赵光']],
  ['a name before 与', '社市委医疗卫生工作委员会主任林黎明与医卫界代表进行座谈。', ['林黎明']],
  ['a two-character name at the end of a clause', '调研员许一兵、文化文史委副主任杨清宇、文旅局副局长戈明及相关科室负责人参加。', ['许一兵', '杨清宇', '戈明']],
  ['a name right after a date with a part of day', '6月2日上午胡春生主持召开专题会议。', ['胡春生']],
  ['无党派人士代表', '无党派人士代表孙其信先后发言。', ['孙其信']],
  ['names whose surnames are more often words (年, 从), right after a title', '联谊会会长年立新、县长从海波出席会议。', ['年立新', '从海波']],
  ['a name before 任 and an honorary title (no 任名誉 taken for a name)', '联谊会创会会长汤景明任名誉团长。', ['汤景明']],
  ['a given name opening with 之 before 和', '学院院长吴之恒和市政协委员林海参加座谈。', ['吴之恒', '林海']],
  ['Mongolian names after a Han surname and without one', '盟政协副主席鲍巴雅尔、斯琴图雅、刘海明出席会议。', ['鲍巴雅尔', '斯琴图雅', '刘海明']],
  ['a long Mongolian name', '苏木党委书记乌力吉巴雅尔主持会议。', ['乌力吉巴雅尔']],
  ['a name written with a middle dot', '县政协主席买买提·艾力主持会议。', ['买买提·艾力']],
  ['a count of people after the name', '会议表彰了冯建军等10名优秀政协委员。', ['冯建军']],
  ['an election', '会议选举赵文华为市政协副主席。', ['赵文华']],
  ['说 at the start of a paragraph', '孙志强说：“我们将继续发挥界别优势。”', ['孙志强']],
  ['a dictionary name after a role noun', '民进会员、市第一中学教师李娜在发言中表示，要关注青少年心理健康。', ['李娜']],
  ['ordinary words that are names in a titled list', '委员常艳、时光、安然、石磊、方圆分别分享了读书心得。', ['常艳', '时光', '安然', '石磊', '方圆']],
  ['an ordinary word opening a titled list', '副主委田野、韩冰、史永强出席会议。', ['田野', '韩冰', '史永强']],
  ['a three-character name jieba keeps whole', '市委会副主委刘志强到会指导并讲话。', ['刘志强']],
  ['a name followed by a verb of one character', '中国海洋大学教授、社员田野作“海洋生态保护”专题讲座。', ['田野']],
  ['a name ending in a character that is also a follower', '市政协文史委主任张占均，副主任李红参加。', ['张占均', '李红']],
  ['a name before 关于', '会议听取提案委主任周国桥关于活动方案的汇报。', ['周国桥']],
  ['a name opening a clause with 在 … 强调', '赵国庆在全市政协工作会议上强调，要守正创新。', ['赵国庆']],
  ['a speaker, but not the byline in brackets closing the item', '肖朝华表示，将借鉴经验，推动代表工作取得新成效。（张优优）', ['肖朝华']],
  ['a name whose last character and 日前 read as 明日', '市政协秘书长赵德明日前率队到某县开展民主监督。', ['赵德明']],
  ['a list’s last name that the dictionary knows as a word, before a verb', '会上，区政协向王强、李明、张华颁发了聘书。', ['王强', '李明', '张华']],
  ['a list after 有 opening with a name the dictionary knows as a word', '出席会议的有吴晗、李明、张丽华等委员。', ['吴晗', '李明', '张丽华']],
  ['a given name opening with 会 closed by 出席', '市政协秘书长李会昌出席会议。', ['李会昌']],
  ['a given name ending in 从 inside a list under a title', '市政协副主席王立、黄关从、刘建出席。', ['王立', '黄关从', '刘建']],
  ['a given name ending in 科 before its postposed title', '在市委会办公室，吴竹科主委、邓亦兰副主委介绍了情况。', ['吴竹科', '邓亦兰']],
  ['a rare surname after a title, before 的陪同下', '在民革市委主委花蓓的陪同下，调研组参观了园区。', ['花蓓']],
  ['a name after 由于 meaning because, with no 主持 after it', '由于王建明副主任出差，会议延期。', ['王建明']],
  ['a given name ending in 和 opening a clause before a verb of speech', '会上，李春和表示要认真落实。', ['李春和']],
  ['a given name ending in 和 opening the text before 感谢', '张庆和感谢上级部门前来实地调研。', ['张庆和']],
  ['a given name ending in 和 after a title before 感谢', '主委张庆和感谢上级部门前来调研。', ['张庆和']],
  ['the shorter form of a name ending in 和 that the item names in full', '张庆和感谢上级部门前来调研。主委、局长张庆和参会并讲话。', ['张庆和']],
  ['a name list after 我社', '开幕会上，我社张小军、李春梅、王建华3位社员作大会发言。', ['张小军', '李春梅', '王建华']],
  ['a surname 于 that jieba reads into 由于 before who presided', '会议由于玉岭副主委主持，委员们参加。', ['于玉岭']],
  ['poor households named in a list', '蒋主席深入到贫困户吴长春、吴存义和袁军民家中。', ['吴长春', '吴存义', '袁军民']],
];

const NOT_PEOPLE: [string, string][] = [
  ['a verb and its object after a collective role noun', '要为青溪人民群众谋福祉。'],
  ['年初 after a title (年 opens a name only where it makes no word with what follows)', '会长年初召开会议，部署全年工作。'],
  ['从严 after a title', '县委书记从严要求各级干部。'],
  ['a contributor\'s byline (bylines are recorded apart)', '（红山区政协吴立新供稿）'],
  ['reporters run together in a byline', '本报讯（记者王淼林光耀）3月14日，区人大常委会召开主任会议。'],
  ['宣传教育 is an ordinary word', '要加强宣传教育和舆论引导，营造良好氛围。'],
  ['胡同 in a town name', '5月8日，调研组深入哈业胡同镇调研指导脱贫攻坚工作。'],
  ['黎明 alone', '黎明时分，抢险队伍已经抵达现场。'],
  ['通顺 in a shop name', '金荣通顺商业城、金荣商厦和金荣装饰建材城向医护人员捐赠了慰问金。'],
  ['鹿城 in a company name', '走访了包头市鹿城路桥工程有限公司。'],
  ['中南海', '中共中央在中南海召开党外人士座谈会。'],
  ['place names in a list', '武汉、湖北、滨江、长河等地的经验值得借鉴。'],
  ['districts in a list', '带队深入石拐区、固阳县实地踏查。'],
  ['parties in a list', '来自民盟、农工党和九三学社的代表参加了会议。'],
  ['surname-led adjectives in a list', '推动高质量、高标准、高效率发展。'],
  ['an ordinary word after a role noun', '委员单位及企业负责人参加会议。'],
  ['an ordinary word after a title', '市政协副主席高度评价了这项工作。'],
  ['汪洋 as a word', '面对汪洋大海，救援人员毫不退缩。'],
  ['a body before a speech verb', '会议强调，要认真贯彻落实中央精神。'],
  ['双方 before a speech verb', '双方表示，将进一步深化合作。'],
  ['a title without a name', '各专委会主任、副主任参加会议。'],
  ['a village name before a verb', '冯家峪介绍了村集体经济发展情况。'],
  ['cities in a list', '包头、鄂尔多斯、呼和浩特三地联动。'],
  ['a Mongolian-looking word without a title', '乌云密布，大雨将至。'],
  ['市长 inside 城市长效', '建立城市长效管理机制。'],
  ['有关负责同志', '各民主党派中央有关负责人，中央统战部有关负责同志参加会议。'],
  ['company short names closed by 等企业', '包钢、华电、万达、苏宁等企业负责人参加座谈。'],
  ['an adverb and a one-character verb after a surname-like character', '严格按要求开展工作。'],
  ['和 joining a noun and a verb of speech', '企业和表示支持的单位都参加了。'],
  ['会上 after a surname', '县长李会上强调要抓落实。'],
  ['从 opening what a speaker covers', '主任王某从三个方面作了说明。'],
  ['a form of address', '张总介绍了企业生产情况。'],
  ['a country before a speech verb', '蒙古国表示支持。'],
  ['a title directly before a verb', '县委书记高度重视，市长亲自部署。'],
  ['a surname and a title word', '王主任表示，李局长介绍了情况。'],
  ['a city opening a clause with 在 … 表示', '乌海在全区率先表示支持，马鞍山在会上介绍经验。'],
  ['a photo caption in brackets', '委员们认真听取汇报。（左一）'],
  ['暨 before a body', '审定了新一届区人大代表暨人大干部综合培训工作方案。'],
  ['a duty-officer byline that is not a name', '（责任编辑：系统管理员）'],
];

describe('people', () => {
  it.each(FOUND)('finds a person from %s', (_why, text, expected) => {
    const names = namesOf(text);
    for (const n of expected) expect(names).toContain(n);
    expect(names.filter((n) => !expected.includes(n))).toEqual([]);
  });

  it.each(NOT_PEOPLE)('takes no person from %s', (_why, text) => {
    expect(namesOf(text)).toEqual([]);
  });

  it('lists a person once per item with every span', () => {
    const e = entitiesOf('市政协副主席贺俊深入企业。贺俊强调，要做好服务。贺俊详细询问了生产情况。');
    expect(e.people).toHaveLength(1);
    expect(e.people[0].spans).toEqual([
      [6, 8],
      [13, 15],
      [24, 26],
    ]);
  });

  it('gives spans that cut the name out of the item text', () => {
    const text = '5月7日上午，市政协副主席尚云带队深入土右旗明沙淖乡调研。尚云副主席一行来到田家圪旦村。';
    for (const p of entitiesOf(text).people) for (const [s, e] of p.spans) expect(text.slice(s, e)).toBe(p.name);
  });

  it('recognises a name established in one item in bare mentions of another item', () => {
    const [first, second] = extractEntities(
      ['6月1日，市政协副主席韩东升出席活动。', '6月2日，韩东升详细了解了企业生产情况，并与企业负责人交流。'],
      { issueDate: '2021-06-10', lexicons: defaultLexicons },
    );
    expect(first.people.map((p) => p.name)).toEqual(['韩东升']);
    expect(second.people.map((p) => p.name)).toEqual(['韩东升']);
    expect(second.people[0].titles).toEqual([]);
  });

  it('does not propagate an ordinary-word name into the word itself', () => {
    const [, second, third] = extractEntities(
      ['6月1日，常务副市长汪洋出席活动。', '6月2日，面对汪洋大海，救援队伍毫不退缩。', '6月3日，汪洋强调，要做好防汛工作。'],
      { issueDate: '2021-06-10', lexicons: defaultLexicons },
    );
    expect(second.people).toEqual([]);
    expect(third.people.map((p) => p.name)).toEqual(['汪洋']);
  });

  it('keeps a longer established name from matching inside another word', () => {
    const [, second] = extractEntities(['市政协委员林黎明发言。', '黎明时分，队伍出发。'], {
      issueDate: '2021-06-10',
      lexicons: defaultLexicons,
    });
    expect(second.people).toEqual([]);
  });

  it('never takes a word of the notNames config for a person', () => {
    const lexicons = parseConfig({ lexicons: { notNames: ['张建国'] } }).lexicons;
    const [e] = extractEntities(['区政协主席张建国带队调研。'], { issueDate: null, lexicons });
    expect(e.people).toEqual([]);
  });

  it('accepts extra surnames from the config', () => {
    const text = '区政协主席禤海明带队调研。';
    const lexicons = parseConfig({ lexicons: { surnames: ['禤'] } }).lexicons;
    const [e] = extractEntities([text], { issueDate: null, lexicons });
    expect(e.people.map((p) => p.name)).toEqual(['禤海明']);
  });
});

describe('由 opening a clause before who was elected', () => {
  it('never glues the preposition to the name', () => {
    expect(namesOf('选举产生新一届支部班子，由苗华当选为支部主委。').filter((n) => n.startsWith('由'))).toEqual([]);
  });
});

describe('a middle dot between words that are no transliterated name', () => {
  it.each([
    ['an activity brand', '开展书香·政协读书活动。'],
    ['a brand after a title', '副主席书香·政协主持。'],
  ])('gives no person in %s', (_why, text) => {
    expect(namesOf(text)).toEqual([]);
  });
});

describe('a name opening with a common surname and a word jieba tags an adverb', () => {
  it('is a person after a title (高新|亭)', () => {
    expect(namesOf('省人大常委会常务副主任高新亭出席会议并讲话。')).toEqual(['高新亭']);
  });

  it('still refuses a frequent adverb before a verb (马上|到)', () => {
    expect(namesOf('会议要求各单位马上到位。')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/entities/index.js';
import { defaultLexicons, entitiesOf, namesOf, titlesOf } from './helpers.js';

// Error categories met in bulletins that offices published on their websites (issue 10), each written anew with
// invented names and sentences: a case stands for a family of prose, not for one page.
const orgsOf = (text: string) => entitiesOf(text).organisations.map((o) => o.name);
const issue = (texts: string[]) => extractEntities(texts, { issueDate: '2024-03-10', lexicons: defaultLexicons });

describe('a title next to a date', () => {
  it.each([
    ['a digit day with no month', '12日市政协党组书记、主席邹立新主持召开主席会议。', '邹立新', ['市政协党组书记', '主席']],
    ['a day in Chinese numerals', '十二日市政协副主席钱立出席活动。', '钱立', ['市政协副主席']],
    ['a weekday', '星期日区政协副主席傅海峰带队调研。', '傅海峰', ['区政协副主席']],
    ['the next day', '次日县政协主席孟庆云出席。', '孟庆云', ['县政协主席']],
  ])('never gives the title the 日 of %s', (_why, text, name, titles) => {
    expect(titlesOf(text)[name]).toEqual(titles);
  });

  it('keeps a place whose name opens with 日 in the title', () => {
    expect(titlesOf('日照市政协主席王立出席。')['王立']).toEqual(['日照市政协主席']);
  });
});

describe('one title over an enumeration', () => {
  it.each([
    ['names after one title', '市政协副主席邓建华、蔡永红、谭立春分别召开分管工作会议。', ['邓建华', '蔡永红', '谭立春'], '市政协副主席'],
    ['a chain of titles over a list', '省政协委员、市政协副主席马明远、杜建华、孔令红出席。', ['马明远', '杜建华', '孔令红'], '市政协副主席'],
    ['a role over a list', '区领导杭明、周云、刘东、李华出席活动。', ['杭明', '周云', '刘东', '李华'], '区领导'],
  ])('gives %s the title', (_why, text, names, title) => {
    const titles = titlesOf(text);
    for (const n of names) expect(titles[n]).toContain(title);
  });

  it.each([
    ['in a titled list', '市政协副主席邓建华、才立新、蔡永红分别召开会议。', '才立新', '市政协副主席'],
    ['right after a title', '市政协主席傅明远，副主席才立新，秘书长刘宝华参加活动。', '才立新', '副主席'],
  ])('accepts a name whose surname surnames.txt does not hold %s', (_why, text, name, title) => {
    expect(titlesOf(text)[name]).toEqual([title]);
  });

  it('keeps the 和 that joins two titled people out of the first name', () => {
    expect(titlesOf('区政协主席王立和区长张明出席。')).toEqual({ 王立: ['区政协主席'], 张明: ['区长'] });
  });

  it('splits the 和 that joins a name to the next title off the name', () => {
    const titles = titlesOf('副主席张立新、黄秀兰、吴立和秘书长庞志强出席会议。');
    expect(titles).toEqual({ 张立新: ['副主席'], 黄秀兰: ['副主席'], 吴立: ['副主席'], 庞志强: ['秘书长'] });
  });

  it('gives the assistant of an office the whole title', () => {
    expect(titlesOf('县委副书记孙宏达、县委书记助理钟文博到学校检查。')['钟文博']).toEqual(['县委书记助理']);
  });
});

describe('titles after the name', () => {
  it.each([
    ['主席', '会议由王德清主席主持。', '王德清', '主席'],
    ['副区长', '李文斌副区长作了讲话。', '李文斌', '副区长'],
    ['秘书长', '会后，赵鸣远秘书长作了总结。', '赵鸣远', '秘书长'],
  ])('takes %s printed after a name', (_why, text, name, title) => {
    expect(titlesOf(text)[name]).toEqual([title]);
  });

  it.each([
    ['等常委', '纪海军、方斌华、范文斌、周思远等常委分别发言。'],
    ['等委员', '会上，潘健华等委员提交了书面建议。'],
  ])('finds names before %s without giving them the group’s office', (_why, text) => {
    const people = entitiesOf(text).people;
    expect(people.length).toBeGreaterThan(0);
    for (const p of people) expect(p.titles).toEqual([]);
  });

  it('finds every name of a list that 等 + a role closes while the clause lists bodies after it', () => {
    const text = '连日来，刘志强、孙宏达、吕德海、韦奇峰、张国良等县领导先后到县文化局、县教育局等单位。';
    expect(namesOf(text)).toEqual(['刘志强', '孙宏达', '吕德海', '韦奇峰', '张国良']);
  });

  it('takes a name with a rare surname after a title when 等 + the group closes it', () => {
    expect(titlesOf('县人大常委会副主任谈志明等县领导出席。')['谈志明']).toEqual(['县人大常委会副主任']);
  });

  it('takes a rare or unknown surname in the middle of a bare list', () => {
    expect(namesOf('纪立海、斯朝华、陶文斌、范建斌等常委参加。')).toEqual(['纪立海', '斯朝华', '陶文斌', '范建斌']);
  });
});

describe('surnames that are prepositions or verbs, and the reverse', () => {
  it.each([
    ['于', '市政协原副主席于海波到会指导。', '于海波'],
    ['向', '会议由区政协副主席向东主持。', '向东'],
    ['应', '县政协主席应建平，副县长蒲忠良出席会议。', '应建平'],
    ['冉, with 名 in the given name', '县政协副主席冉名扬出席会议。', '冉名扬'],
    ['时', '区政协主席时立平主持会议。', '时立平'],
    ['曾, with 年 in the given name', '市政协副主席曾年华出席。', '曾年华'],
    ['向, with a given name ending in 和', '市政协副主席向付和、呼延明出席。', '向付和'],
    ['a given name ending in 旗 (a banner elsewhere)', '秘书长朱红旗出席会议。', '朱红旗'],
  ])('finds a name whose surname is %s', (_why, text, name) => {
    expect(namesOf(text)).toContain(name);
  });

  it('recognises the bare mention of such a name established by a title', () => {
    const [, second] = issue(['县政协副主席冉名扬出席会议。', '冉名扬首先通报了全年工作安排。']);
    expect(second.people.map((p) => p.name)).toEqual(['冉名扬']);
  });

  it.each([
    ['于近日', '市政协将于近日召开常委会议。'],
    ['向基层', '要推动资源向基层倾斜。'],
    ['向新一届', '会议向新一届委员表示祝贺。'],
    ['于年初 after a title', '会长于年初召开会议，主任于年底前完成。'],
  ])('takes no name from %s', (_why, text) => {
    expect(namesOf(text)).toEqual([]);
  });
});

describe('names that are words, and words that are no names', () => {
  it.each([
    ['a place word after a company title', '江州恒远科技有限公司董事长高原介绍了情况。', '高原'],
    ['a name word before a title', '会议传达了常青主席的讲话精神。', '常青'],
  ])('finds %s', (_why, text, name) => {
    expect(namesOf(text)).toContain(name);
  });

  it.each([
    ['a leadership team after a title', '县政协主席班子成员出席活动。'],
    ['members as a group', '委员们纷纷表示要履职尽责。'],
    ['medical staff', '医护人员坚守岗位。'],
    ['feelings of the public that jieba tags as names', '群众的获得感、幸福感、安全感不断增强。'],
    ['the district leaders as a group', '县领导分别到联系点调研。'],
  ])('takes no person from %s', (_why, text) => {
    expect(namesOf(text)).toEqual([]);
  });

  it('takes no name from a verb of travel and a place after a role', () => {
    expect(namesOf('市政协主席钱立率省政协委员赴泰山、曲阜市考察。')).toEqual(['钱立']);
  });

  it.each([
    ['欧阳', '区委常委、统战部部长欧阳明出席。', '欧阳明'],
    ['司马', '区政协副主席司马云、上官婉出席。', '司马云'],
    ['上官', '区政协副主席司马云、上官婉出席。', '上官婉'],
  ])('keeps the two-character surname %s whole', (_why, text, name) => {
    expect(namesOf(text)).toContain(name);
  });
});

describe('organisations in real prose', () => {
  it('reads a district police sub-bureau as one body', () => {
    expect(orgsOf('区公安分局、区市场监管局负责人参加。')).toEqual(['区公安分局', '区市场监管局']);
    expect(namesOf('区公安分局局长黄志刚介绍情况。')).toEqual(['黄志刚']);
  });

  it.each([
    ['verbs of watching', '县政协组织观看全国政协会议开幕会。', '全国政协', '观看全国政协'],
    ['a verb of cooperation', '县政协联合县委统战部召开座谈会。', '县委统战部', '县政协联合县委统战部'],
    ['a verb before a known body', '主动配合提案委开展督办。', '提案委', '主动配合提案委'],
    ['a common noun before a company', '企业江州恒达电线电缆有限公司负责人介绍了情况。', '江州恒达电线电缆有限公司', '企业江州恒达电线电缆有限公司'],
  ])('drops %s before a body’s name', (_why, text, body, wrong) => {
    const orgs = orgsOf(text);
    expect(orgs).toContain(body);
    expect(orgs).not.toContain(wrong);
  });

  it.each([
    ['政协 + place + 委员会', '3月11日，政协江州市委员会组织委员视察湿地保护项目。', '政协江州市委员会'],
    ['a democratic party + place + 委员会', '民盟江州市委员会召开全委会。', '民盟江州市委员会'],
  ])('keeps the official full form of a body whose name opens with a body (%s)', (_why, text, body) => {
    expect(orgsOf(text)).toContain(body);
  });

  it.each([
    ['after a known body', '全年要紧扣县委中心任务。'],
    ['after a quantifier over a place', '始终紧扣全县中心大局。'],
    ['after 工作', '围绕我县工作中心履职。'],
  ])('reads 中心 %s as the central task, not a centre', (_why, text) => {
    expect(orgsOf(text).filter((o) => o.endsWith('中心'))).toEqual([]);
  });

  it('keeps a centre that is a body', () => {
    expect(orgsOf('区疾控中心、市政务服务中心负责人参加。')).toEqual(['区疾控中心', '市政务服务中心']);
  });

  it.each([
    ['a members’ home', '在县政协委员之家开展活动。', '县政协委员之家'],
    ['a committee numbered by its term', '他代表县政协九届委员会常务委员会报告工作。', '县政协九届委员会常务委员会'],
    ['a committee of a session', '县政协七届三次会议提案审查委员会召开会议。', '提案审查委员会'],
    ['a working group', '省政协视察组来我市视察。', '省政协视察组'],
    ['a group whose 地区 jieba split for the known 区政协', '市政协常委、地区政协工作组组长孙丽华介绍情况。', '地区政协工作组'],
    ['a study group of a party group', '区政协党组理论学习中心组召开集体学习会。', '区政协党组理论学习中心组'],
    ['a supervising group', '市委宣传部督导组来县检查。', '市委宣传部督导组'],
    ['a broadcaster', '江州人民广播电台记者进行了采访。', '江州人民广播电台'],
    ['a subdistrict among bodies', '深入区文化局、南湖路街道等单位。', '南湖路街道'],
    ['an office’s short form before a title', '县发改委副主任、开发办副主任费晓明作情况通报。', '开发办'],
    ['a party school before a hall', '县委党校中心报告厅座无虚席。', '县委党校'],
    ['a CPPCC committee by its official name', '我代表中国人民政治协商会议江州市新城区第十五届委员会常务委员会报告工作。', '中国人民政治协商会议江州市新城区第十五届委员会常务委员会'],
    ['a CPPCC committee whose official name runs past the prefix limit', '中国人民政治协商会议江州市新城区第十五届委员会第三次会议开幕。', '中国人民政治协商会议江州市新城区第十五届委员会'],
    ['the national committee of a term', '中国人民政治协商会议第十四届全国委员会第二次会议开幕。', '中国人民政治协商会议第十四届全国委员会'],
  ])('finds %s', (_why, text, body) => {
    expect(orgsOf(text)).toContain(body);
  });

  it('does not read 办 used as a verb as an office', () => {
    expect(orgsOf('要为群众办实事，认真办好民生实事，举办活动，承办会议。')).toEqual([]);
  });

  it.each([
    ['glued by jieba to the preposition after it', '县园区建设办对建设情况作介绍。', '县园区建设办'],
    ['known to jieba as one word', '市扶贫办、市合作交流办负责人参加。', '市扶贫办'],
    ['before a role', '市扶贫办、市合作交流办负责人参加。', '市合作交流办'],
  ])('finds the short form of an office %s', (_why, text, body) => {
    expect(orgsOf(text)).toContain(body);
  });

  it.each([
    ['slogans and collectives before 政协', '打造书香政协、数字政协，团结广大政协委员，为强国建设贡献政协智慧。', []],
    ['a verb glued to 区 by jieba', '座谈会由县政协主席孟华松主持。', ['县政协']],
    ['two bodies side by side', '县政府县政协联席会议召开。', ['县政府', '县政协']],
    ['an ordinary word before 区 and 县', '聚焦新时代区县政协履职开展调研。', ['区县政协']],
  ])('names a CPPCC, government or congress by places only: %s', (_why, text, bodies) => {
    expect(orgsOf(text)).toEqual(bodies);
  });

  it.each([
    ['a rare word', '调研组来到项城市政协。', '项城市政协'],
    ['a rare word that jieba splits off a frequent 城市', '市政协副主席、项城市政协主席王某出席。', '项城市政协'],
    ['a word jieba tags as a name', '调研组来到秦安县政协，敖汉旗政协主席出席。', '敖汉旗政协'],
    ['a proper noun', '和平区人大常委会主任出席。', '和平区人大常委会'],
  ])('keeps a place whose stem is %s before the body', (_why, text, body) => {
    expect(orgsOf(text)).toContain(body);
  });

  it.each([
    ['a noun for any body', '督促各单位中心组抓好学习。'],
    ['a lone conjunction', '感谢与会委员和主席团常务主席。'],
    ['an idiom ending in 大局', '更好发挥服务大局的作用。'],
  ])('takes no body from %s', (_why, text) => {
    expect(orgsOf(text)).toEqual([]);
  });

  it('keeps the title clear of a preposition jieba glued to it', () => {
    expect(titlesOf('座谈会由县政协主席孟华松主持。')['孟华松']).toEqual(['县政协主席']);
  });

  it('does not take a term of office for a committee’s number', () => {
    expect(orgsOf('向新一届委员会表示祝贺。')).not.toContain('新一届委员会');
  });

  it.each([
    ['民革', '民革江州市委'],
    ['民建', '民建江州市委'],
    ['民盟', '民盟江州市委'],
    ['农工党', '农工党江州市委'],
    ['民进', '民进江州市委'],
    ['致公党', '致公党江州市委'],
    ['九三学社', '九三学社江州市委'],
  ])('finds a city committee of %s', (_why, body) => {
    expect(orgsOf(`${body}主委钱明远出席。`)).toContain(body);
  });

  it.each([
    ['a district committee', '民建区委召开会议。', '民建区委'],
    ['a branch of a district', '民进江州市东区支部开展活动。', '民进江州市东区支部'],
    ['the federation of industry and commerce', '区工商联主席李海陪同。', '区工商联'],
  ])('finds %s', (_why, text, body) => {
    expect(orgsOf(text)).toContain(body);
  });
});

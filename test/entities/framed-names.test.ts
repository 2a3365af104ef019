/**
 * Names that only their frame reveals: names without a Han surname (Dai, Wa, Jingpo of Yunnan; Tibetan, Uyghur),
 * rare surnames (区, 覃, 冼, 禤), ordinary words closed by a strong follower (江海出席), elections
 * (当选, 选举…为), professional titles (主任医师, 副教授, 律师). Every sentence is invented for the genre.
 */
import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/entities/index.js';
import { defaultLexicons, namesOf, titlesOf } from './helpers.js';

const FOUND: [string, string, string[]][] = [
  // names without a surname right after a strong title
  ['a Dai name after a county title, closed by 主持', '县政协主席岩罕主持会议。', ['岩罕']],
  ['Dai names mixed with Han names under one title', '县政协副主席玉香、李春明、刀志强出席会议。', ['玉香', '李春明', '刀志强']],
  ['two Dai names after two titles in a list', '镇党委书记波岩罕、村党总支书记玉应香参加调研。', ['波岩罕', '玉应香']],
  ['a Dai name after an association title, closed by 介绍', '县茶业协会会长岩罕香介绍了茶叶种植情况。', ['岩罕香']],
  ['a Dai name closed by 正 and a verb', '合作社理事长岩温正带着社员采摘春茶。', ['岩温']],
  ['a Dai name closed by a comma', '乡长召罕，副乡长咪香陪同调研。', ['召罕', '咪香']],
  ['a Dai name closed by 说 and a comma', '村党支部书记、村委会主任岩罕坎说，今年茶叶收入明显增加。', ['岩罕坎']],
  ['a Dai name opening with 依', '县政协副主席依香、县工商联主席岩保出席开幕式。', ['依香', '岩保']],
  ['Tibetan names after bureau and museum titles', '县民族宗教事务局局长扎西顿珠、县文化馆馆长央金拉姆参加活动。', ['扎西顿珠', '央金拉姆']],
  ['a Uyghur name holding 不', '县长阿不都热合曼主持。', ['阿不都热合曼']],
  ['Jingpo names after titles', '镇长排早，副镇长勒排麻出席。', ['排早', '勒排麻']],
  ['Dai names in a titled list closed by 及', '县政协副主席波罕、玉叶、岩庄及县直有关部门负责人参加会议。', ['波罕', '玉叶', '岩庄']],
  ['a Dai name after a works title that jieba glues to it', '勐海县茶业协会副会长、某某茶厂厂长岩叫介绍了企业发展情况。', ['岩叫']],
  ['a Dai name closed by 就', '县政协委员、县中医院院长玉波罕就中医药发展提出建议。', ['玉波罕']],
  ['a Tibetan name after a title', '县长才让多杰主持召开县政府常务会议。', ['才让多杰']],
  ['Uyghur and Tibetan names in a titled list', '州政协副主席艾尔肯、旺堆、达娃出席。', ['艾尔肯', '旺堆', '达娃']],
  ['a Dai name established by a title, then bare', '县政协主席岩罕主持会议。岩罕表示，要做好茶产业文章。', ['岩罕']],
  // elections
  ['the name before 当选', '选举产生新一届领导班子，叶建华当选会长。', ['叶建华']],
  ['a compound surname before 当选', '令狐建军当选主委。', ['令狐建军']],
  ['a list before 当选', '会议选举产生新一届支部委员会，林秀珍、何振东当选副主委。', ['林秀珍', '何振东']],
  ['选举 … 为 with a title', '会议选举孙丽华为市工商联主席。', ['孙丽华']],
  // professional titles and rare surnames
  ['a rare surname after 主任医师', '主任医师区永安介绍了病例。', ['区永安']],
  ['a name after 副校长, closed by 上', '副校长冯志明上了一堂示范课。', ['冯志明']],
  ['a name after 教师, closed by 上', '教师林晓燕上了一堂公开课。', ['林晓燕']],
  ['a name after 副教授 with a Guangxi surname', '副教授覃海燕作专题辅导。', ['覃海燕']],
  ['Cantonese surnames in a list under a title', '主治医师佘国栋、冼丽华参加义诊。', ['佘国栋', '冼丽华']],
  ['a rare surname after 特级教师', '特级教师蔺晓东上了一堂示范课。', ['蔺晓东']],
  ['a name after 高级工程师', '高级工程师张伟介绍了技术要点。', ['张伟']],
  ['a name after 研究员, closed by 带来', '研究员李晓鸣带来专题讲座。', ['李晓鸣']],
  ['a surname 禤 after a university title', '民盟盟员、广西大学副教授禤志明讲授了课程。', ['禤志明']],
  ['Zhuang and Yao surnames that are also words, after titles', '乡长闭海军、村党支部书记盘金秀出席。', ['闭海军', '盘金秀']],
  ['a Cantonese surname 麦 after a title', '区政协委员、某某中学校长麦志坚出席。', ['麦志坚']],
  ['a rare surname after 高级农艺师', '高级农艺师蔺志军深入田间指导。', ['蔺志军']],
  ['a rare surname after 博士生导师', '研究员、博士生导师仉振华讲授了课程。', ['仉振华']],
  ['a Dai name after a role noun, closed by 讲解', '乡村医生岩温讲解了防疫知识。', ['岩温']],
  ['a Dai name after a role noun, closed by 说', '村民岩罕说，今年收入增加了。', ['岩罕']],
  // ordinary words closed by a strong follower
  ['a place word as a name closed by 出席', '市委常委、统战部部长江海出席并讲话。', ['江海']],
  ['an ordinary word as a name closed by 主持', '区长常青主持会议。', ['常青']],
  ['an ordinary word as a name before 在 … and a verb of speech', '区长常青在会上强调，要抓好落实。', ['常青']],
  ['a dictionary name before 在 … 讲话', '书记金山在会上讲话。', ['金山']],
  ['a Dai name closing a titled list with 等', '县政协副主席李春明、岩罕等出席。', ['李春明', '岩罕']],
  ['a Dai name closed by 深入', '县政协主席岩罕深入茶园调研。', ['岩罕']],
];

const NOT_PEOPLE: [string, string][] = [
  ['verbs after titles closed by commas', '书记挂点，主任坐镇，局长督战。'],
  ['more verbs after titles', '会长发声，书记包片，主任领衔，县长签批。'],
  ['verbs with a village after titles', '村长喊话，书记挂帅，镇长蹲点，乡长包村。'],
  ['verbs after titles in a list', '书记点题、部门答题。'],
  ['visits after titles', '主任接访，书记下访。'],
  ['a verb that opens like a Dai name', '书记排查，主任安排，局长依规办事。'],
  ['an ordinary word name before a weak follower', '区长常青到社区调研。'],
  ['an ordinary word name before 等', '部长江海等参加。'],
  ['a dictionary name before 在 without a verb of speech', '书记金山在乡里调研。'],
  ['a frequent noun after a title', '局长林业出席。'],
  ['a clause without a name before 当选', '新一届理事会当选，大会当选产生。'],
  ['a pronoun before 当选', '他当选为委员。'],
  ['a body before 被推选为', '会议被推选为先进集体，该同志被评为优秀委员。'],
  ['title words inside ordinary words', '学校长期坚持，协会长期关注。'],
  ['a titled clause of nouns', '县长热线，市长信箱。'],
  ['a meeting of office holders', '召开部长会议。'],
  ['a Dai-looking start of a function word', '书记依法办事，主任玉成此事。'],
  ['works titles inside ordinary words', '市场长效机制，农场长势良好，工厂长期停产。'],
  ['words opening like Dai names before 就', '主任玉成就此事，书记岩石就地取材。'],
  ['verbs opening with 依 and 不 after titles', '局长依规指导，书记依纪处理，主任不辞辛劳，主任不断强调，主任不拉。'],
  ['区 as a district before a speech verb', '区领导表示，区委强调，要抓好落实。'],
  ['words opening with a title-only surname after titles', '书记南下，主任满怀信心，局长谈到，主任楼道，局长官方，主任宾馆，行长南方。'],
  ['words opening with a title-only surname without a title', '满意度高，谈判，楼盘，官员，南方强调。'],
];

describe('names revealed by their frame', () => {
  it.each(FOUND)('finds %s', (_why, text, expected) => {
    const names = namesOf(text);
    for (const n of expected) expect(names).toContain(n);
    expect(names.filter((n) => !expected.includes(n))).toEqual([]);
  });

  it.each(NOT_PEOPLE)('takes no person from %s', (_why, text) => {
    expect(namesOf(text)).toEqual([]);
  });

  it('keeps the body after 与 out of a titled enumeration', () => {
    expect(namesOf('社市委医疗卫生工作委员会主任孟庆余与医卫界代表进行座谈。')).toEqual(['孟庆余']);
  });

  it('recognises a Dai name established in one item in a bare mention of another', () => {
    const [, second] = extractEntities(['县政协主席岩罕主持会议。', '会后，岩罕表示，要做好茶产业文章。'], {
      issueDate: '2021-06-10',
      lexicons: defaultLexicons,
    });
    expect(second.people.map((p) => p.name)).toEqual(['岩罕']);
  });
});

const TITLES: [string, string, Record<string, string[]>][] = [
  ['a county CPPCC title over a Dai name', '县政协主席岩罕主持会议。', { 岩罕: ['县政协主席'] }],
  ['a title over a mixed list', '县政协副主席玉香、李春明、刀志强出席会议。', {
    玉香: ['县政协副主席'], 李春明: ['县政协副主席'], 刀志强: ['县政协副主席'],
  }],
  ['each title of a list of titled names', '镇党委书记波岩罕、村党总支书记玉应香参加调研。', {
    波岩罕: ['镇党委书记'], 玉应香: ['村党总支书记'],
  }],
  ['a co-operative title with its full name', '县政协委员、勐海县某某茶叶农民专业合作社理事长岩温介绍经验。', {
    岩温: ['县政协委员', '勐海县某某茶叶农民专业合作社理事长'],
  }],
  ['a school title after a member role', '会员、珠海市第九中学副校长冯志明上了一堂示范课。', { 冯志明: ['会员', '珠海市第九中学副校长'] }],
  ['a hospital title with a rare surname', '市政协委员、珠海市人民医院主任医师区永安介绍了病例。', {
    区永安: ['市政协委员', '珠海市人民医院主任医师'],
  }],
  ['a party branch title with a compound surname', '民进珠海市委会主委司徒慧出席。', { 司徒慧: ['民进珠海市委会主委'] }],
  ['a department title over a list', '市委统战部副部长刘欣、马建国、孙丽芬参加。', {
    刘欣: ['市委统战部副部长'], 马建国: ['市委统战部副部长'], 孙丽芬: ['市委统战部副部长'],
  }],
  ['a school title', '常德市第一中学校长王志刚介绍了学校发展情况。', { 王志刚: ['常德市第一中学校长'] }],
  ['a state title over an ordinary-word name', '市委常委、统战部部长江海出席并讲话。', { 江海: ['市委常委', '统战部部长'] }],
  ['an office before a role noun as one title', '律师事务所主任律师佘建明为企业解答法律问题。', { 佘建明: ['律师事务所主任律师'] }],
  ['a professional title with its grade', '高级农艺师蔺志军深入田间指导。', { 蔺志军: ['高级农艺师'] }],
  ['a hospital title and a grade title over two names', '珠海市人民医院主任医师区永安、副主任医师冼志华为群众义诊。', {
    区永安: ['珠海市人民医院主任医师'], 冼志华: ['副主任医师'],
  }],
  ['a works title with its body', '勐海县茶业协会副会长、某某茶厂厂长岩叫介绍了企业发展情况。', {
    岩叫: ['勐海县茶业协会副会长', '某某茶厂厂长'],
  }],
  ['the office one is elected to', '选举产生新一届领导班子，叶建华当选会长。', { 叶建华: ['会长'] }],
  ['the office after 当选为', '王建业当选为县政协副主席，李红梅当选为秘书长。', {
    王建业: ['县政协副主席'], 李红梅: ['秘书长'],
  }],
  ['the office elected to by a list', '林秀珍、何振东当选副主委。', { 林秀珍: ['副主委'], 何振东: ['副主委'] }],
  ['a second office for a titled name elected', '某某大学附属医院副院长程建波当选主委。', { 程建波: ['某某大学附属医院副院长', '主委'] }],
  ['the office after 选举 … 为', '会议选举孙丽华为市工商联主席。', { 孙丽华: ['市工商联主席'] }],
  ['the office after 被推选为 and 被选举为', '叶建华被推选为会长，王芳被选举为秘书长。', { 叶建华: ['会长'], 王芳: ['秘书长'] }],
  ['a federation title whose body opens with 联合', '市红十字会副会长刘洋、市妇女联合会主席陈红出席。', {
    刘洋: ['市红十字会副会长'], 陈红: ['市妇女联合会主席'],
  }],
  ['a county government title over a Dai name, and a bureau title', '勐海县人民政府副县长玉罕、县农业农村局局长岩扁参加。', {
    玉罕: ['勐海县人民政府副县长'], 岩扁: ['县农业农村局局长'],
  }],
  ['a prefecture title over a Dai name', '西双版纳州政协副主席岩香出席。', { 岩香: ['西双版纳州政协副主席'] }],
];

describe('titles of framed names', () => {
  it.each(TITLES)('gives %s', (_why, text, expected) => {
    const got = titlesOf(text);
    for (const [name, titles] of Object.entries(expected)) expect(got[name]).toEqual(titles);
  });
});

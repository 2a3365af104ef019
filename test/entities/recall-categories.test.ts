import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/entities/index.js';
import { defaultLexicons, entitiesOf, namesOf, titlesOf } from './helpers.js';

// Invented items of the genre: each case stands for a family of names, titles or bodies, not for one bulletin.
const orgsOf = (text: string) => entitiesOf(text).organisations.map((o) => o.name);
const issue = (texts: string[]) => extractEntities(texts, { issueDate: '2021-06-10', lexicons: defaultLexicons });

describe('bodies below the standing committee and branches', () => {
  it('finds a township people’s congress presidium', () => {
    expect(orgsOf('3月5日，青石镇人大主席团召开第二次会议。')).toContain('青石镇人大主席团');
  });

  it('finds a deputies’ liaison station of a town', () => {
    expect(orgsOf('4月2日，柳林镇人大代表联络站开展接待选民活动。')).toContain('柳林镇人大代表联络站');
  });

  it('finds a bank branch with the bank and the city it serves', () => {
    expect(orgsOf('市工商联联合中国农业银行南阳分行举办对接会。')).toContain('中国农业银行南阳分行');
  });

  it.each([
    ['a service station of a town', '县政协委员走进城关镇便民服务站开展活动。', '城关镇便民服务站'],
    ['a rural credit co-operative', '区委组织部与县农村信用合作联社签订协议。', '县农村信用合作联社'],
    ['a supply and marketing co-operative union', '他介绍了供销合作社联合社的改革情况。', '供销合作社联合社'],
    ['a federation of the disabled after other people’s organisations', '市妇联、团市委、市残联联合开展活动。', '市残联'],
    ['a Red Cross society', '市红十字会常务副会长周敏出席。', '市红十字会'],
  ])('finds %s by its suffix', (_why, text, body) => {
    expect(orgsOf(text)).toContain(body);
  });

  it('finds a democratic party’s branch named by 市 or 县 alone', () => {
    expect(orgsOf('九三学社市基层委员会开展活动。')).toEqual(['九三学社市基层委员会']);
    expect(orgsOf('民建市委员会主委刘强讲话。')).toEqual(['民建市委员会']);
  });

  it('finds a CPPCC sector group whose name joins two fields with 和', () => {
    expect(orgsOf('县政协科技和教育界别活动组到学校开展活动。')).toContain('县政协科技和教育界别活动组');
  });

  it('keeps the 的 of the new social strata association inside the body and its officer’s title', () => {
    const e = entitiesOf('区新的社会阶层人士联谊会会长陈立军出席。');
    expect(e.organisations.map((o) => o.name)).toContain('区新的社会阶层人士联谊会');
    expect(e.people).toEqual([expect.objectContaining({ name: '陈立军', titles: ['区新的社会阶层人士联谊会会长'] })]);
  });

  it('reports the body of a party group as well as the party group', () => {
    const got = orgsOf('县卫健局党组书记、局长杨文斌出席。');
    expect(got).toContain('县卫健局党组');
    expect(got).toContain('县卫健局');
  });

  it('takes a place stem ending in a boundary character into a company’s name when the item prints the place with its suffix', () => {
    expect(orgsOf('调研组赴东至县调研，走访了池州东至春晖茶业有限公司。')).toContain('池州东至春晖茶业有限公司');
  });

  it('does not take a quantifier over bodies for the name of one', () => {
    expect(orgsOf('介绍了全市代表联络站建设经验。')).not.toContain('全市代表联络站');
    expect(orgsOf('带领部分常委会组成人员视察。')).not.toContain('部分常委会');
  });
});

describe('names in frames that were missed', () => {
  it.each(['岩罕', '岩拉', '岩保'])('finds a Dai name (%s) that jieba glued to the 正 opening its frame', (name) => {
    const text = `县政协委员、茶叶专业合作社理事长${name}正带着社员修剪茶树。`;
    expect(titlesOf(text)).toEqual({ [name]: ['县政协委员', '茶叶专业合作社理事长'] });
  });

  it('ends a transliterated name after a title at 正 or 就 before a verb', () => {
    expect(titlesOf('合作社理事长玉帕正带着社员修剪茶树。')).toEqual({ 玉帕: ['合作社理事长'] });
    expect(titlesOf('县政协副主席阿依努尔就民族团结提出建议。')).toEqual({ 阿依努尔: ['县政协副主席'] });
  });

  it('takes no ordinary word of transliteration characters for a name before 就', () => {
    expect(namesOf('县委书记多次就脱贫工作提出要求。')).toEqual([]);
  });

  it('takes a numeral-like word for a name where it opens a list of names under an office', () => {
    expect(titlesOf('县医院主任医师万千、宋晓梅为群众义诊。')).toEqual({
      万千: ['县医院主任医师'],
      宋晓梅: ['县医院主任医师'],
    });
  });

  it('takes a place word for a name where it opens a list of names under a role noun', () => {
    expect(titlesOf('县领导龙海、许丹参加。')).toEqual({ 龙海: ['县领导'], 许丹: ['县领导'] });
  });

  it('takes no place for a name at the head of a list of places under a role noun', () => {
    expect(namesOf('台商代表龙海、漳州等地客商参加。')).toEqual([]);
  });

  it('takes no verb or adjective for a name at the head of such a list', () => {
    expect(namesOf('县医院主任医师方便、快捷地服务群众。')).toEqual([]);
  });

  it('takes a word of not-names for a name when an office, a closing verb and a later speech all frame it', () => {
    const text = '市委常委、组织部部长夏天出席并讲话。\n夏天强调，要守好阵地。';
    const e = entitiesOf(text);
    expect(e.people).toHaveLength(1);
    expect(e.people[0].name).toBe('夏天');
    expect(e.people[0].titles).toEqual(['市委常委', '组织部部长']);
    expect(e.people[0].spans).toHaveLength(2);
  });

  it('does not take a word of not-names for a name on an office and a closing verb alone', () => {
    expect(namesOf('市委常委、组织部部长夏天出席并讲话。')).toEqual([]);
  });

  it('does not carry a confirmed word of not-names into the ordinary word elsewhere in the issue', () => {
    const [first, second] = issue(['市委常委、组织部部长夏天出席并讲话。\n夏天强调，要守好阵地。', '炎热的夏天，工地上一片繁忙。']);
    expect(first.people.map((p) => p.name)).toEqual(['夏天']);
    expect(second.people).toEqual([]);
  });

  it('starts a title after a name found before it and the 和 that follows the name', () => {
    expect(titlesOf('镇人大主席李平和县人大代表张红、赵海燕在站接待选民。')).toEqual({
      李平: ['镇人大主席'],
      张红: ['县人大代表'],
      赵海燕: ['县人大代表'],
    });
  });

  it('ends a name after a title before 说 and the colon, comma or quote it opens', () => {
    expect(titlesOf('委员冯涛说：“我们要把好事办好。”')).toEqual({ 冯涛: ['委员'] });
    expect(titlesOf('县政协主席刘勇说，要把好事办好。')).toEqual({ 刘勇: ['县政协主席'] });
    expect(titlesOf('县长王建说“要干好”。')).toEqual({ 王建: ['县长'] });
  });

  it('ends a dotted name where both a follower and jieba’s word end agree (艾买提|出席, not 艾买|提出)', () => {
    expect(titlesOf('县人大常委会副主任阿布都热合曼·艾买提出席。')).toEqual({ '阿布都热合曼·艾买提': ['县人大常委会副主任'] });
  });

  it('finds a person named after a household role and 一家', () => {
    expect(titlesOf('干部与结亲户米热古丽一家同吃同住。')).toEqual({ 米热古丽: ['结亲户'] });
    expect(titlesOf('副县长看望了低保户李小梅一家，送去慰问品。')).toEqual({ 李小梅: ['低保户'] });
  });
});

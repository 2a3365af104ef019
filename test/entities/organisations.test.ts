import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { extractEntities } from '../../src/entities/index.js';
import { entitiesOf } from './helpers.js';

const orgsOf = (text: string) => entitiesOf(text).organisations.map((o) => o.name);

const ORGS: [string, string, string[]][] = [
  ['a committee’s short name jieba glued to the verb after it', '市政协社法委赴石湾区政协调研。', ['市政协社法委', '石湾区政协']],
  ['a body after a one-character verb jieba glued to its 州', '州政协副主席罗平率州政协文史委成员深入县政协调研。', ['州政协', '州政协文史委', '县政协']],
  ['a party office’s short name before its verb', '昨日上午，市委外宣办召开新闻通报会，县委网信办联合参加。', ['市委外宣办', '县委网信办']],
  ['a standing committee numbered by its term', '4月2日，县政协八届常委会召开第五次会议。', ['县政协八届常委会']],
  ['a committee whose two fields, one a noun with 区, are joined by 和', '市政协界别和地区工作委员会赴江口区调研。', ['市政协界别和地区工作委员会']],
  ['a delegation, a military subdistrict and a deputies’ station', '市长刘青率领东湖市党政考察团来我县考察，松岭军分区司令员韩力陪同，并到河口镇人大代表工作站座谈。', ['东湖市党政考察团', '松岭军分区', '河口镇人大代表工作站']],
  ['a policy research office inside a title', '市委政研室副主任王一鸣到会听取意见。', ['市委政研室']],
  ['a people’s congress numbered by its term', '听取对南山市第九届人民代表大会常务委员会主任候选人的意见，南山市第九届人大常委会主任林某出席。', ['南山市第九届人民代表大会常务委员会', '南山市第九届人大常委会']],
  ['a party committee after a verb, and after 时任', '会议听取了讨论中共青石市委副书记林某的意见，获时任中共白鹭市委副书记王某肯定。', ['中共青石市委', '中共白鹭市委']],
  ['a CPPCC committee by its official name with its term (a place jieba knows)', '政协第六届洛阳市委员会主席林某主持会议。', ['政协第六届洛阳市委员会']],
  ['a liaison group of a town', '松溪镇政协联络组、县科协作交流发言。', ['松溪镇政协联络组', '县科协']],
  ['a body’s organ (its offices and staff)', '县政协机关要早作准备，市委机关干部参加活动。', ['县政协机关', '市委机关']],
  ['the organ’s party committee', '省政协机关党委召开会议。', ['省政协机关党委']],
  ['a party’s provincial committee named by 省 alone', '副主席、省民进主委某某出席，市民革也派员参加。', ['省民进', '市民革']],
  ['a committee whose verb 组织 and 部分 do not make a 组织部', '经济委员会组织部分委员视察园区。', ['经济委员会']],
  ['a committee’s short name whose first character jieba tags a verb', '区政协城建委、教文委联合调研。', ['区政协城建委', '教文委']],
  ['a session’s secretariat', '全体参会人员要按照秘书处的安排。', ['秘书处']],
  ['parties’ city committees named by 市 after a verb', '市政协主席走访市民革、市民盟。', ['市政协', '市民革', '市民盟']],
  ['a body whose place stem the lexicons do not know', '大足区政协召开常委会议，泸县政协派员参加。', ['大足区政协', '泸县政协']],
  ['a body after a conjunction jieba glued to its 区', '区委常委及区统战部负责人参加。', ['区委', '区统战部']],
  ['bodies joined by 和, not the county 和县', '县委和县政协领导参加。', ['县委', '县政协']],
  ['party and state bodies', '丁薛祥、刘鹤，中共中央、国务院有关部门负责人出席座谈会。', ['中共中央', '国务院']],
  ['democratic party central committees', '民革中央主席万鄂湘、民盟中央主席丁仲礼、农工党中央主席陈竺、九三学社中央主席武维华发言。', [
    '民革中央', '民盟中央', '农工党中央', '九三学社中央',
  ]],
  ['the federation of industry and commerce', '全国工商联主席高云龙发言。', ['全国工商联']],
  ['a party branch with a city', '5月8日，九三学社包头市委召开座谈会。', ['九三学社包头市委']],
  ['a party branch with a city and a district', '民革包头市青山区总支召开总支党员大会。', ['民革包头市青山区总支']],
  ['a party committee spelled out', '根据民革包头市委员会2020年重点工作安排。', ['民革包头市委员会']],
  ['a provincial party committee', '民盟湖北省委召开常委会议。', ['民盟湖北省委']],
  ['companies', '先后深入包头市天盛重工有限公司、包头市鹿城路桥工程有限公司。', ['包头市天盛重工有限公司', '包头市鹿城路桥工程有限公司']],
  ['a company after 和', '深入包联企业华枕世家六合枕手工坊和包头西蒙皮业服饰有限公司。', ['包头西蒙皮业服饰有限公司']],
  ['a joint-stock company', '参观了内蒙古伊利实业集团股份有限公司。', ['内蒙古伊利实业集团股份有限公司']],
  ['a hospital after a verb', '前往市肿瘤医院看望慰问医护人员。', ['市肿瘤医院']],
  ['a hospital after 在', '在武汉市江汉区优抚医院奋战了45天。', ['武汉市江汉区优抚医院']],
  ['chambers of commerce', '先后深入包头河南商会、包头山东商会。', ['包头河南商会', '包头山东商会']],
  ['a regional party department', '传达内蒙古自治区党委统战部《关于报送招商引资项目的通知》精神。', ['内蒙古自治区党委统战部']],
  ['district CPPCC bodies', '青山区政协主席魏旭、九原区政协副主席乔俊出席。', ['青山区政协', '九原区政协']],
  ['a CPPCC committee', '市政协经济委员会主任付钧陪同调研。', ['市政协经济委员会']],
  ['a committee abbreviation', '文化文史委副主任杨清宇、提案委副主任张强参加。', ['文化文史委', '提案委']],
  ['a bureau', '文化旅游广电局副局长戈明参加。', ['文化旅游广电局']],
  ['the people\'s congress office', '送市委办公室、市人大常委会办公室。', ['市委办公室', '市人大常委会办公室']],
  ['a school and an association', '走访了包头市第一中学和包头市书法家协会。', ['包头市第一中学', '包头市书法家协会']],
  ['a group', '包钢集团、北方重工集团等企业负责人参加座谈。', ['包钢集团', '北方重工集团']],
  ['a news agency', '新华社北京5月8日电', ['新华社']],
  ['a company whose name holds 和', '走访了苏州颐和康养有限公司。', ['苏州颐和康养有限公司']],
  ['bureaus whose names hold 和', '区人力资源和社会保障局、市发展和改革委员会负责同志参加。', ['区人力资源和社会保障局', '市发展和改革委员会']],
  ['a committee whose name holds 和', '联合区政协社会和法制委员会开展活动。', ['区政协社会和法制委员会']],
  ['a long special committee whose name holds 和', '副主席带领农业农村和人口资源环境委员会部分委员视察。', ['农业农村和人口资源环境委员会']],
  ['district bureaus by abbreviation', '区文旅局、区住建局负责同志通报了情况。', ['区文旅局', '区住建局']],
  ['a bureau after a generic noun', '提案承办单位区教育局分别汇报了办理情况。', ['区教育局']],
  ['a body after a one-character verb', '送市委办公室。', ['市委办公室']],
  ['a company whose city name opens with a function character', '全市工商联系统向无锡金鑫化工有限公司学习。', ['无锡金鑫化工有限公司']],
  ['a school named with its town', '委员走进斗门区莲洲镇中心小学开展活动。', ['莲洲镇中心小学']],
  ['a city CPPCC before a session count, not the count itself', '西安市政协十三届十六次常委会议召开。', ['西安市政协']],
  ['a federation of a district', '区工商联主席罗明出席。', ['区工商联']],
  ['a hospital whose name holds a verb', '前往青岛市市立医院看望医护人员。', ['青岛市市立医院']],
  ['a company whose name holds a verb', '兰州大学、兰州黄河旅游开发有限公司的委员发言。', ['兰州黄河旅游开发有限公司']],
  ['a body whose name holds a title word (委员 before 联谊会)', '市侨界委员联谊会召开年会。', ['市侨界委员联谊会']],
  ['a unit named after its institution, and the institution', '河南科技大学车辆与交通工程学院院长林某出席。', ['河南科技大学车辆与交通工程学院', '河南科技大学']],
  ['a body after 以 glued to its place', '调研组以中国民间商会名义开展调研。', ['中国民间商会']],
  ['a body after a time phrase closed by 里', '在新的一年里民进青州市委将继续努力。', ['民进青州市委']],
  ['a party’s county committee as 县委会, before a count', '民进青溪县委会3名人大代表全情投入。', ['民进青溪县委会']],
];

/** Bodies after a function word or a verb of visiting: the name starts after it, and nothing longer is kept. */
const WELL_FORMED: [string, string, string[], string[]][] = [
  ['a body after 就', '委员们就区疾控中心建设提出建议。', ['区疾控中心'], ['就区疾控中心', '委员们就区疾控中心']],
  ['bodies after 对 and 向', '对区文旅局提出要求，向市委统战部汇报。', ['区文旅局', '市委统战部'], ['对区文旅局', '向市委统战部']],
  ['a body after a verb of visiting', '县政协主席率队到区调研政协工作。', ['县政协'], ['到区调研政协', '区调研政协', '率队到区调研政协']],
  ['bodies after verbs of organising', '组织开展县政协委员培训，召开市政协常委会议。', ['县政协'], ['组织开展县政协', '召开市政协常委会']],
  ['a hospital after 深入', '县政协领导深入县人民医院调研。', ['县人民医院'], ['深入县人民医院', '县政协领导深入县人民医院']],
  ['hospitals joined by 和', '前往县中医院和区妇幼保健院调研。', ['县中医院', '区妇幼保健院'], ['县中医院和区妇幼保健院']],
];

describe('organisations', () => {
  it.each(WELL_FORMED)('cuts %s to a well-formed name', (_why, text, expected, junk) => {
    const got = orgsOf(text);
    for (const o of expected) expect(got).toContain(o);
    for (const o of junk) expect(got).not.toContain(o);
    // no body's name opens with a function word or holds a verb of visiting
    for (const o of got) expect(o).not.toMatch(/^[就在对向与和到从把被将给为]|调研|召开|深入|开展|率队/);
  });

  it.each(ORGS)('finds %s', (_why, text, expected) => {
    const got = orgsOf(text);
    for (const o of expected) expect(got).toContain(o);
  });

  it.each([
    ['格局 is not a bureau', '加快构建新发展格局。'],
    ['社会 is not a society', '统筹推进疫情防控和经济社会发展。'],
    ['举办 is not an office', '组织举办培训班。'],
    ['办 before its object is a verb', '党员们为群众办实事。'],
  ])('finds no organisation where %s', (_why, text) => {
    expect(orgsOf(text)).toEqual([]);
  });

  it('lets the longest well-formed name win', () => {
    const got = orgsOf('市政协经济委员会主任付钧陪同调研。');
    expect(got).toContain('市政协经济委员会');
    expect(got).not.toContain('市政协');
  });

  it('gives spans that cut the name out of the item text', () => {
    const text = '九三学社包头市委召开座谈会，市政协一级巡视员、九三学社包头市委主委梁瑞出席。';
    const e = entitiesOf(text);
    for (const o of e.organisations) for (const [s, end] of o.spans) expect(text.slice(s, end)).toBe(o.name);
    expect(e.organisations.find((o) => o.name === '九三学社包头市委')?.spans).toHaveLength(2);
  });

  it('takes known organisations from the config', () => {
    const lexicons = parseConfig({ lexicons: { organisations: ['华枕世家六合枕手工坊'] } }).lexicons;
    const [e] = extractEntities(['深入华枕世家六合枕手工坊调研。'], { issueDate: null, lexicons });
    expect(e.organisations.map((o) => o.name)).toContain('华枕世家六合枕手工坊');
  });
});

describe('parties listed before a shared body and a party after a common noun', () => {
  const orgsOf = (text: string) => entitiesOf(text).organisations.map((o) => o.name);

  it('ends a party at 等 before the body the list shares', () => {
    expect(orgsOf('民革、民盟、九三学社等市委会的负责同志参加。')).toEqual(expect.arrayContaining(['民革', '民盟', '九三学社']));
    expect(orgsOf('民革、民盟、九三学社等市委会的负责同志参加。').some((o) => o.includes('等'))).toBe(false);
  });

  it('starts a party body after a frequent common noun (单位)', () => {
    expect(orgsOf('牵头单位民进市委会做好协调。')).toContain('民进市委会');
  });

  it('keeps 等 inside a word of a body’s name', () => {
    expect(orgsOf('市高等学校协会召开会议。')).toContain('市高等学校协会');
  });
});

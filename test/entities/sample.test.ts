import { describe, expect, it } from 'vitest';
import { extractEntities } from '../../src/entities/index.js';
import { defaultLexicons } from './helpers.js';
import { sampleAvailable, sampleItems } from './sample-items.js';

// Expectations for the one real sample, written the way ../shared/eval/gold/baotou-2020-18.json scores it.
const PEOPLE: Record<string, string[]> = {
  A: ['习近平', '李克强', '汪洋', '王沪宁', '万鄂湘', '丁仲礼', '郝明金', '蔡达峰', '陈竺', '万钢', '武维华', '苏辉', '高云龙', '孙其信',
    '丁薛祥', '刘鹤', '孙春兰', '黄坤明', '蔡奇', '尤权', '王毅', '肖捷', '赵克志', '何立峰', '陈晓光', '郑建邦', '辜胜阻', '刘新成', '何维',
    '邵鸿', '蒋作君', '李钺锋', '谢经荣', '邵峰'],
  B: ['刘晓东'],
  C: ['乌云', '贺俊', '梁瑞', '朱丽娜', '闫志虹', '李凯'],
  D: ['杨泽繁', '付钧', '乔俊', '习近平'],
  E: ['刘晓东', '李海燕', '郎跃敏', '闫序震'],
  F: ['尚云', '付钧', '田洁', '李志鹏', '李永君', '王雅荣', '陈华', '赵光', '孙建磊'],
  G: ['贺俊'],
  H: ['梁瑞', '张凤媛', '林黎明'],
  I: ['王元乐', '习近平'],
  J: ['郝文', '许一兵', '杨清宇', '戈明'],
  K: ['魏旭'],
};
const DATES: Record<string, [string, string, string | null]> = {
  A: ['2020-05-08', '2020-05-08', null], B: ['2020-05-09', '2020-05-09', null], C: ['2020-05-07', '2020-05-07', null],
  D: ['2020-05-08', '2020-05-08', null], E: ['2020-05-06', '2020-05-07', null], F: ['2020-05-07', '2020-05-07', 'am'],
  G: ['2020-05-08', '2020-05-08', null], H: ['2020-05-08', '2020-05-08', null], I: ['2020-05-09', '2020-05-09', 'pm'],
  J: ['2020-05-09', '2020-05-09', 'am'], K: ['2020-05-07', '2020-05-07', null],
};
const TITLES: [string, string][] = [
  ['习近平', '中共中央总书记'], ['李克强', '中共中央政治局常委'], ['汪洋', '中共中央政治局常委'], ['王沪宁', '中共中央政治局常委'],
  ['万鄂湘', '民革中央主席'], ['丁仲礼', '民盟中央主席'], ['郝明金', '民建中央主席'], ['蔡达峰', '民进中央主席'],
  ['陈竺', '农工党中央主席'], ['万钢', '致公党中央主席'], ['武维华', '九三学社中央主席'], ['苏辉', '台盟中央主席'], ['高云龙', '全国工商联主席'],
  ['刘晓东', '市政协秘书长'], ['乌云', '市委常委'], ['乌云', '统战部部长'], ['乌云', '市政协党组副书记'],
  ['贺俊', '市政协副主席'], ['梁瑞', '市政协一级巡视员'], ['杨泽繁', '市政协一级巡视员'], ['付钧', '市政协经济委员会主任'],
  ['乔俊', '九原区政协副主席'], ['李海燕', '市政协副秘书长'], ['郎跃敏', '市政协副秘书长'], ['闫序震', '提案委员会副主任'],
  ['尚云', '市政协副主席'], ['李志鹏', '市政协第五界别活动组组长'], ['李永君', '市政协第五界别活动组组长'], ['王雅荣', '第六界别活动组组长'],
  ['陈华', '市人大副主任'], ['陈华', '旗委书记'], ['赵光', '旗政协副主席'], ['孙建磊', '明沙淖乡党委书记'],
  ['梁瑞', '九三学社包头市委主委'], ['王元乐', '总支主委'], ['郝文', '市政协副主席'], ['杨清宇', '文化文史委副主任'],
  ['戈明', '文化旅游广电局副局长'], ['魏旭', '青山区政协主席'],
];
const ORGANISATIONS: string[][] = [
  ['中共中央'], ['全国工商联'], ['民革中央'], ['民盟中央'], ['民建中央'], ['民进中央'], ['农工党中央'], ['致公党中央'], ['九三学社中央'], ['台盟中央'],
  ['市肿瘤医院'], ['武汉市江汉区优抚医院', '江汉区优抚医院'], ['九三学社包头市委'], ['民革包头市青山区总支'], ['民革包头市委员会'],
  ['包头西蒙皮业服饰有限公司'], ['包头市天盛重工有限公司'], ['包头市鹿城路桥工程有限公司'], ['包头河南商会'], ['包头山东商会'],
  ['内蒙古自治区党委统战部'], ['青山区政协'], ['九原区政协'], ['市政协经济委员会'], ['文化旅游广电局'],
];
const NOT_PEOPLE = ['宣传教育', '弘扬', '通顺', '胡同', '黎明', '鹿城', '沙', '中南海', '武汉', '湖北', '包头'];

describe.skipIf(!sampleAvailable())('the sample bulletin baotou-2020-18', () => {
  const items = sampleAvailable() ? sampleItems() : [];
  const results = extractEntities(
    items.map((i) => i.text),
    { issueDate: '2020-05-11', lexicons: defaultLexicons },
  );
  const byKey = Object.fromEntries(items.map((i, k) => [i.key, results[k]]));

  it('is cut into the eleven gold items', () => {
    expect(items.map((i) => i.key)).toEqual(Object.keys(PEOPLE));
  });

  it.each(Object.keys(PEOPLE))('finds exactly the people of item %s', (key) => {
    expect(byKey[key].people.map((p) => p.name).sort()).toEqual([...PEOPLE[key]].sort());
  });

  it.each(Object.keys(DATES))('reads the date of item %s', (key) => {
    const [start, end, partOfDay] = DATES[key];
    expect(byKey[key].date).toMatchObject({ start, end, partOfDay });
  });

  it('gives every gold title (a longer prefix is fine)', () => {
    const titles = (name: string) => results.flatMap((r) => r.people.filter((p) => p.name === name).flatMap((p) => p.titles));
    const missing = TITLES.filter(([n, t]) => !titles(n).some((x) => x === t || x.endsWith(t)));
    expect(missing).toEqual([]);
  });

  it('finds every gold organisation', () => {
    const found = new Set(results.flatMap((r) => r.organisations.map((o) => o.name)));
    expect(ORGANISATIONS.filter((alts) => !alts.some((a) => found.has(a)))).toEqual([]);
  });

  it('takes none of the ordinary words for a person', () => {
    const everyone = new Set(results.flatMap((r) => r.people.map((p) => p.name)));
    expect(NOT_PEOPLE.filter((w) => everyone.has(w))).toEqual([]);
  });

  it('warns about no item: every item has a date', () => {
    expect(results.flatMap((r) => r.messages)).toEqual([]);
  });
});

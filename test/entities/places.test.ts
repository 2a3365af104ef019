import { describe, expect, it } from 'vitest';
import { entitiesOf } from './helpers.js';

const placesOf = (text: string) => entitiesOf(text).places.map((p) => p.name);

const PLACES: [string, string, string[]][] = [
  ['districts and counties', '带队深入石拐区、固阳县实地踏查。', ['石拐区', '固阳县']],
  ['a banner, a township and a village in a row', '深入土右旗明沙淖乡田家圪旦村调研。', ['土右旗', '明沙淖乡', '田家圪旦村']],
  ['a town whose name holds an ordinary word', '深入哈业胡同镇调研指导脱贫攻坚工作。', ['哈业胡同镇']],
  ['provinces and cities by name', '武汉保卫战、湖北保卫战取得决定性成果。', ['武汉', '湖北']],
  ['a city with its suffix', '深入东河区包联企业包头市华枕世家。', ['东河区', '包头市']],
  ['an autonomous region', '内蒙古自治区政协召开会议。', ['内蒙古自治区']],
  ['streets and communities', '先后来到和平街道、东风社区、光明社区。', ['和平街道', '东风社区', '光明社区']],
  ['a sumu and a gacha', '走访了巴音花苏木、乌兰嘎查。', ['巴音花苏木', '乌兰嘎查']],
  ['places in another province', '赴黄石市、鄂州市开展调研，来到阳新县梁公铺村。', ['黄石市', '鄂州市', '阳新县', '梁公铺村']],
  ['counties of one character that jieba knows', '沛县、沙县、涉县的代表参加。', ['沛县', '沙县', '涉县']],
  ['a Yunnan county and town', '深入勐海县勐混镇调研茶产业。', ['勐海县', '勐混镇']],
];

describe('places', () => {
  it.each(PLACES)('finds %s', (_why, text, expected) => {
    const got = placesOf(text);
    for (const p of expected) expect(got).toContain(p);
  });

  it.each([
    ['全市 and 我市', '全市医务人员的楷模，我市第三批驰援队员。'],
    ['generic areas', '抓好重点地区疫情防控，改善城区和农村人居环境。'],
    ['乡、村 without names', '与乡、村两级干部交流了思想。'],
    ['市场 and 市委', '市委高度重视市场主体培育。'],
    ['我区 after a verb', '调研组一行来我区调研。'],
    ['a district after 就', '委员们就区里工作提出建议。'],
    ['a district after a verb of visiting', '县政协领导到区调研政协工作。'],
    ['驻村 as a verb', '驻村第一书记、驻村工作队员参加。'],
    ['镇村 and 在乡 as generic words', '深入镇村开展调研，在乡召开会议。'],
    ['a place cut at 与', '调研组与村干部座谈交流。'],
  ])('finds no place in %s', (_why, text) => {
    expect(placesOf(text)).toEqual([]);
  });

  it('gives spans that cut the name out of the item text', () => {
    const text = '深入石拐区、固阳县调研，石拐区政协主席陪同。';
    for (const p of entitiesOf(text).places) for (const [s, e] of p.spans) expect(text.slice(s, e)).toBe(p.name);
  });
});

import { describe, expect, it } from 'vitest';
import { entitiesOf, namesOf } from './helpers.js';

// Bare lists of names with no title over them (src/entities/lists.ts), invented names.
describe('a two-name list at a clause start', () => {
  it.each([
    ['a verb', '赵海涛、钱思远出席。', ['赵海涛', '钱思远']],
    ['因病 (why they were absent)', '赵海涛、钱思远因病请假。', ['赵海涛', '钱思远']],
    ['因故', '会上，赵海涛、钱思远因故未到会。', ['赵海涛', '钱思远']],
    ['未能', '张伟、李强未能出席。', ['张伟', '李强']],
  ])('is read as people when closed by %s', (_why, text, names) => {
    expect(namesOf(text)).toEqual(names);
  });

  it('keeps the last name of a longer list closed by 因故', () => {
    expect(namesOf('赵海涛、钱思远、孙丽华因故请假。')).toEqual(['赵海涛', '钱思远', '孙丽华']);
  });

  it('is no list of people when neither element is a name', () => {
    expect(namesOf('高峰、低谷并存。')).toEqual([]);
  });
});

describe('a name that the dictionary holds as a person, beside a plain one', () => {
  it.each([
    ['first, before a plain name and a verb', '王明、赵海涛出席。', ['王明', '赵海涛']],
    ['first, before a plain name and 参加', '王明、张伟参加。', ['王明', '张伟']],
  ])('is a name when %s', (_why, text, names) => {
    expect(namesOf(text)).toEqual(names);
  });

  it('needs a verb that closes the list', () => {
    expect(namesOf('王明、赵海涛的文章。')).toEqual([]);
  });
});

describe('a roll of names on a line of its own', () => {
  it('reads every name of a roll set apart by gaps', () => {
    expect(namesOf('受表扬的委员名单（按姓氏笔画排序）：\n王建萍　毕绍华　李明德　杨春雷')).toEqual(['王建萍', '毕绍华', '李明德', '杨春雷']);
  });

  it('joins a two-character name padded to the width of three', () => {
    expect(namesOf('优秀政协委员名单\n王\u3000敏\u3000刘德全\u3000李晓燕')).toEqual(['王敏', '刘德全', '李晓燕']);
  });

  it('reads no roll from a line of words set apart by gaps', () => {
    expect(namesOf('会议议程：\n学习文件　讨论方案　部署工作')).toEqual([]);
  });
});

describe('a titled roll of names', () => {
  it('gives each name on a line the title before its colon, a letter-spaced title too', () => {
    const e = entitiesOf('调整后的领导班子成员名单如下：\n主\u3000委：林文彬\n副主委：马淑云\u3000杜国明\u3000邢晓梅（专职）\n秘书长：郑永安');
    expect(e.people.map((p) => [p.name, p.titles])).toEqual([
      ['林文彬', ['主委']],
      ['马淑云', ['副主委']],
      ['杜国明', ['副主委']],
      ['邢晓梅', ['副主委']],
      ['郑永安', ['秘书长']],
    ]);
  });

  it('reads two titles on one line and a two-character name padded to the width of three', () => {
    const e = entitiesOf('表决通过了组成人员名单。\n主任：纳国强　　副主任：杨丽云\n委员：冯　斌　马晓燕　李振华');
    expect(e.people.map((p) => [p.name, p.titles])).toEqual([
      ['纳国强', ['主任']],
      ['杨丽云', ['副主任']],
      ['冯斌', ['委员']],
      ['马晓燕', ['委员']],
      ['李振华', ['委员']],
    ]);
  });

  it('reads nothing when the label is no title', () => {
    expect(namesOf('会议议程：\n地\u3000点：青石镇\u3000柳河乡')).toEqual([]);
  });
});

describe('two bare names joined by 和 that act each', () => {
  it.each([
    ['two bare names', '在签约仪式上，丁绍东和李秋云分别介绍了两地情况。', ['丁绍东', '李秋云']],
    ['a bare name and a titled one', '在座谈会上，祁远航和州政协主席梅松分别介绍了两地情况。', ['祁远航', '梅松']],
    ['与 and 共同', '张海峰与刘晓燕共同主持开幕式。', ['张海峰', '刘晓燕']],
  ])('are people: %s', (_why, text, names) => {
    expect(namesOf(text)).toEqual(expect.arrayContaining(names));
  });

  it.each([['市政协和县政协分别召开会议。'], ['建设和管理分别由两个部门负责。'], ['委员们和专家一起座谈。']])('are no people in %s', (text) => {
    expect(namesOf(text)).toEqual([]);
  });
});

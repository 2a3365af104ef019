import { describe, expect, it } from 'vitest';
import { namesOf } from './helpers.js';

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

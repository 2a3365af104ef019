import { describe, expect, it } from 'vitest';
import { creditsOf, type Credits } from '../../src/normalise/web-credits.js';

const read = (text: string): Credits & { read: boolean } => {
  const into: Credits = { editors: [], reviewers: [] };
  const read = creditsOf(text, into);
  return { ...into, read };
};

describe('creditsOf', () => {
  it('gives editors and writers to the editors, reviewers to the reviewers', () => {
    expect(read('作者：彭一鸣 刘小禾 编辑：林晓岚 审核人：贺一鸣')).toEqual({ editors: ['彭一鸣', '刘小禾', '林晓岚'], reviewers: ['贺一鸣'], read: true });
  });

  it.each([
    ['a site account', '编辑：系统管理员'],
    ['a short site account', '责任编辑：管理员'],
  ])('credits no one for %s', (_why, text) => {
    expect(read(text)).toMatchObject({ editors: [], reviewers: [] });
  });

  it('joins a name padded to three characters back together', () => {
    expect(read('作者：向晓雯 柯一鸣 欧 阳    来源：临湖日报')).toMatchObject({ editors: ['向晓雯', '柯一鸣', '欧阳'] });
  });

  it('takes no body for a writer, and reads nothing from a line whose editor is no name', () => {
    expect(read('作者：青溪县政协办公室')).toMatchObject({ editors: [] });
    expect(read('编辑：青溪网 审核：贺一鸣')).toEqual({ editors: [], reviewers: [], read: false });
  });
});

import { describe, expect, it } from 'vitest';
import { parseFooter } from '../../src/segment/footer.js';
import { segment } from '../../src/segment/index.js';
import { linesFrom } from '../helpers/lines.js';

describe('parseFooter', () => {
  it('reads distribution lists that run over several lines, editors with layout spaces, phone and e-mail', () => {
    const footer = parseFooter(
      linesFrom([
        '报：市委各常委，市政协主席，各副主席，秘书长，自治区政协办公厅。  ',
        '送：市委办公室，市人大常委会办公室，市政府办公室，市委统战部，  ',
        '各民主党派市委会，市工商联，各专委会主任、副主任。',
        '编 辑：闫建军 陈 刚',
        '审 核：王东海',
        '联系电话：0472-5616362',
        '电子邮箱：btszxxxk@126.com',
      ]),
    );
    expect(footer.reportTo).toEqual(['市委各常委', '市政协主席', '各副主席', '秘书长', '自治区政协办公厅']);
    expect(footer.copyTo).toEqual(['市委办公室', '市人大常委会办公室', '市政府办公室', '市委统战部', '各民主党派市委会', '市工商联', '各专委会主任、副主任']);
    expect(footer.editors).toEqual(['闫建军', '陈刚']);
    expect(footer.reviewers).toEqual(['王东海']);
    expect(footer.phone).toBe('0472-5616362');
    expect(footer.email).toBe('btszxxxk@126.com');
  });

  it('reads several labels on one line and the print run', () => {
    const footer = parseFooter(linesFrom(['抄送：区委办、区人大办、区政府办', '发：各委员', '编辑：欧阳明 李 华　　签发：司马文涛　　（共印 50 份）']));
    expect(footer.copyTo).toEqual(['区委办', '区人大办', '区政府办']);
    expect(footer.distributeTo).toEqual(['各委员']);
    expect(footer.editors).toEqual(['欧阳明', '李华']);
    expect(footer.reviewers).toEqual(['司马文涛']);
    expect(footer.copies).toBe(50);
  });

  it('ends a distribution list at a rule line', () => {
    const footer = parseFooter(linesFrom(['送：市委办公室，机关各科室。', { text: '---', kind: 'rule' }, '编辑：王明']));
    expect(footer.copyTo).toEqual(['市委办公室', '机关各科室']);
  });

  it.each([
    ['a label glued to the name before it', '编辑：韦婷 覃海审核：陆海波签发：覃立新', ['韦婷', '覃海'], ['陆海波', '覃立新']],
    ['a reviewer label that lost its colon after a speck', '编辑：张敏 李国强　”审核孟庆华', ['张敏', '李国强'], ['孟庆华']],
    ['names whose gap was lost', '编辑:汪明贾文涛', ['汪明', '贾文涛'], []],
  ])('reads OCR-damaged editor lines: %s', (_why, line, editors, reviewers) => {
    const footer = parseFooter(linesFrom([line]));
    expect(footer.editors).toEqual(editors);
    expect(footer.reviewers).toEqual(reviewers);
  });

  it('leaves a phone label inside a longer word to the gap rule', () => {
    const footer = parseFooter(linesFrom(['编辑：张敏　联系电话：0771-1234567']));
    expect(footer.editors).toEqual(['张敏']);
    expect(footer.phone).toBe('0771-1234567');
  });

  it('gives empty lists and nulls for an empty footer', () => {
    expect(parseFooter([])).toEqual({ reportTo: [], copyTo: [], distributeTo: [], editors: [], reviewers: [], phone: null, email: null, copies: null });
  });
});

describe('an editor line under a page headline', () => {
  it('starts no footer above the story', () => {
    const doc = segment(linesFrom(['某党某市第十届委员会第八次全体（扩大）会议召开', '编辑：李明远', '2月11日，某党某市委会召开第十届委员会第八次全体会议。主委王明华出席会议并讲话。', '会议审议通过了年度工作报告，部署了全年重点工作。']));
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0].paragraphs.join('')).toContain('部署了全年重点工作');
  });
});

describe('a newsroom’s sign-off under the story', () => {
  it('is the footer: 责编 gives the editor, 一审 and 二审 the reviewers', () => {
    const doc = segment(linesFrom(['5月3日，县政协召开主席会议，县政协主席罗青山主持。', '会议听取了提案办理情况汇报。', '责编：林晓岚', '一审：林晓岚', '二审：贺一鸣']));
    expect(doc.items).toHaveLength(1);
    expect(doc.items[0].paragraphs.join('')).not.toContain('责编');
    expect(doc.footer.editors).toEqual(['林晓岚']);
    expect(doc.footer.reviewers).toEqual(['林晓岚', '贺一鸣']);
  });
});

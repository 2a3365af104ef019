import { describe, expect, it } from 'vitest';
import { repairSpacing } from '../../src/normalise/spacing.js';

describe('repairSpacing', () => {
  it.each([
    ['2020 年 5 月 11 日', '2020年5月11日'],
    ['新华社北京 5 月 8 日电', '新华社北京5月8日电'],
    ['工 作 简 报', '工作简报'],
    ['编　辑', '编辑'],
    ['习近平主持 并发表重要讲话', '习近平主持并发表重要讲话'],
    ['◆ 5月9日，市政协召开会议', '◆5月9日，市政协召开会议'],
    ['※ 重要活动 ※', '※重要活动※'],
    ['\u3000\u30005月7日，市委召开会议。', '5月7日，市委召开会议。'],
  ])('removes typesetting spaces in %j', (input, expected) => {
    expect(repairSpacing(input)).toBe(expected);
  });

  it('keeps spaces inside and around Latin text', () => {
    expect(repairSpacing('使用 Microsoft Word 软件')).toBe('使用 Microsoft Word 软件');
  });

  it('keeps a wide gap between names as one ideographic space', () => {
    expect(repairSpacing('参加人员：张建华　　李明')).toBe('参加人员：张建华\u3000李明');
  });
});

describe('names set apart by spaces inside a credit bracket', () => {
  it.each([
    ['two bare names', '会议结束。（宋一鸣 韩文）', '会议结束。（宋一鸣　韩文）'],
    ['roles and names', '本报讯 (江州日报记者 宋一鸣 实习记者 韩文) 4月7日', '本报讯 (江州日报记者　宋一鸣　实习记者　韩文) 4月7日'],
  ])('keeps the gaps between %s as wide gaps', (_why, line, repaired) => {
    expect(repairSpacing(line)).toBe(repaired);
  });

  it('still closes a gap in a bracket of prose', () => {
    expect(repairSpacing('（会议由 县政协主席主持）')).toBe('（会议由县政协主席主持）');
  });
});

import { describe, expect, it } from 'vitest';
import { repairGluedMonths } from '../../src/normalise/glued-months.js';
import { linesFrom } from '../helpers/lines.js';

const repaired = (texts: string[]) => repairGluedMonths(linesFrom(texts)).lines.map((l) => l.text);

describe('chronicle lines whose month lost its 月', () => {
  it('reads each glued run as month and day, keeping the entries in order', () => {
    expect(repaired(['青岚市政协2020年大事记', '211日上午，市政协八届四次会议开幕。', '211日下午，市政协召开召集人会议。', '212日上午，主席看望委员。', '1130日，市政协召开常委会议。'])).toEqual([
      '青岚市政协2020年大事记',
      '2月11日上午，市政协八届四次会议开幕。',
      '2月11日下午，市政协召开召集人会议。',
      '2月12日上午，主席看望委员。',
      '11月30日，市政协召开常委会议。',
    ]);
  });

  it('takes the month after the last one written out', () => {
    expect(repaired(['10月8日，甲开会。', '111日，乙调研。', '1115日，丙视察。'])).toEqual(['10月8日，甲开会。', '11月1日，乙调研。', '11月15日，丙视察。']);
  });

  it('reports the repair', () => {
    const { messages } = repairGluedMonths(linesFrom(['111日，甲开会。', '112日，乙开会。']));
    expect(messages.map((m) => m.code)).toEqual(['glued-months-repaired']);
  });

  it.each([
    ['a single such line (a typo, not the layout)', ['111日，甲开会。', '1月12日，乙开会。']],
    ['days that are days', ['11日，甲开会。', '12日，乙开会。']],
    ['runs that split into no month and day', ['999日，甲。', '1000日，乙。']],
  ])('leaves %s alone', (_why, texts) => {
    expect(repaired(texts)).toEqual(texts);
  });
});

import { describe, expect, it } from 'vitest';
import { isPageNumber, itemsToLines, linesToParagraphs, removeCjkSpaces, removePageFurniture, type Line, type TextItem } from '../../src/extract/pdf-layout.js';

/** Items for one line: each string drawn right after the previous, 12pt, 1em per character. */
function lineItems(y: number, x: number, ...strs: string[]): TextItem[] {
  let cursor = x;
  return strs.map((str) => {
    const item = { str, x: cursor, y, width: Array.from(str).length * 12, size: 12 };
    cursor += item.width;
    return item;
  });
}

const line = (text: string, x0: number, x1: number, y: number, size = 12): Line => ({ text, x0, x1, y, size });

describe('removeCjkSpaces', () => {
  it('removes spaces pdf.js puts between Han characters and around digits', () => {
    expect(removeCjkSpaces('工 作 简 报')).toBe('工作简报');
    expect(removeCjkSpaces('2020 年 5 月 11 日')).toBe('2020年5月11日');
    expect(removeCjkSpaces('◆ 5 月 7 日，市政协')).toBe('◆5月7日，市政协');
  });

  it('keeps spaces in Latin text, between numbers, and ideographic spaces', () => {
    expect(removeCjkSpaces('Hello world 2020 2021')).toBe('Hello world 2020 2021');
    expect(removeCjkSpaces('办公室\u30002020年')).toBe('办公室\u30002020年');
    expect(removeCjkSpaces('e-mail: abc@126.com 电话')).toBe('e-mail: abc@126.com 电话');
  });
});

describe('isPageNumber', () => {
  it('recognises the page number styles of Chinese documents and pdf-parse', () => {
    for (const t of ['— 1 —', '- 1 -', '-3-', '3', '第3页 共8页', '第 3 页', '3/8', '-- 1 of 2 --', '～12～', 'Page 2 of 5']) {
      expect(isPageNumber(t), t).toBe(true);
    }
  });

  it('does not take dates, counts or text for page numbers', () => {
    for (const t of ['2020年5月11日', '第18期', '共印50份', '5月7日', '一、']) expect(isPageNumber(t), t).toBe(false);
  });
});

describe('itemsToLines', () => {
  it('groups items by baseline, orders them left to right and lines top to bottom', () => {
    const items = [...lineItems(700, 72, '第二行'), { str: '5', x: 96, y: 720, width: 6, size: 12 }, { str: '◆', x: 84, y: 720, width: 12, size: 12 }, ...lineItems(720, 102, '月7日')];
    expect(itemsToLines(items).map((l) => l.text)).toEqual(['◆5月7日', '第二行']);
  });

  it('turns a wide gap or a wide space item into an ideographic space', () => {
    const gap = [...lineItems(700, 72, '包头市政协办公室'), ...lineItems(700, 400, '2020年5月11日')];
    expect(itemsToLines(gap)[0].text).toBe('包头市政协办公室\u30002020年5月11日');
    const spaceItem = [...lineItems(700, 72, '编辑：'), { str: ' ', x: 108, y: 700, width: 12, size: 12 }, ...lineItems(700, 120, '审核：')];
    expect(itemsToLines(spaceItem)[0].text).toBe('编辑：\u3000审核：');
  });

  it('drops the tab gap after a list glyph', () => {
    const items = [{ str: '◇', x: 72, y: 700, width: 10, size: 12 }, { str: ' ', x: 82, y: 700, width: 30, size: 12 }, ...lineItems(700, 112, '5月9日')];
    expect(itemsToLines(items)[0].text).toBe('◇5月9日');
  });

  it('inserts a word space between Latin items separated by a gap', () => {
    const items = [{ str: 'Hello', x: 72, y: 700, width: 30, size: 12 }, { str: 'world', x: 106, y: 700, width: 30, size: 12 }];
    expect(itemsToLines(items)[0].text).toBe('Hello world');
  });
});

describe('removePageFurniture', () => {
  it('removes running headers, page numbers and running footers but keeps a larger masthead with the same words', () => {
    const pages: Line[][] = [1, 2, 3].map((n) => [
      line('包头市政协工作周报', 250, 350, 787, 10.5),
      ...(n === 1 ? [line('包头市政协工作周报', 150, 450, 720, 36)] : []),
      line(['正文甲', '正文乙', '正文丙'][n - 1], 72, 500, 700),
      line(`内部资料 第${n}期`, 72, 200, 80, 9),
      line(`— ${n} —`, 280, 320, 48),
    ]);
    const report = removePageFurniture(pages);
    expect(pages.map((p) => p.map((l) => l.text))).toEqual([['包头市政协工作周报', '正文甲'], ['正文乙'], ['正文丙']]);
    expect(report).toEqual({ pageNumbers: 3, runningLines: 6 });
  });

  it('leaves body lines alone even when they repeat', () => {
    const pages: Line[][] = [1, 2].map(() => [line('标题一', 72, 200, 760), line('同样的正文', 72, 200, 600), line('同样的正文', 72, 200, 580), line('标题二', 72, 200, 560), line('标题三', 72, 200, 540)]);
    removePageFurniture(pages);
    expect(pages[0].map((l) => l.text)).toContain('同样的正文');
  });
});

describe('linesToParagraphs', () => {
  const L = 72;
  const R = 504;
  it('continues a paragraph while lines reach the right margin and starts one at an indent', () => {
    const lines = [
      line('习近平强调，在抗击疫情的非常时刻，各民主党', L + 24, R, 700),
      line('派坚定不移同中国共产党想在一起。', L, 300, 680),
      line('习近平指出，大家在发言中对我国抗击疫情工作', L + 24, R, 660),
      line('给予了充分肯定。', L, 200, 640),
    ];
    expect(linesToParagraphs(lines)).toEqual(['习近平强调，在抗击疫情的非常时刻，各民主党派坚定不移同中国共产党想在一起。', '习近平指出，大家在发言中对我国抗击疫情工作给予了充分肯定。']);
  });

  it('starts a new block at an OCR line a swallowed glyph opens, after a full line', () => {
    const lines = [line('委员们围绕产业发展建言献策，会议作了具体安排。', L, R, 700), { ...line('12月30日下午，市政协召开常委会议，听取', L, R, 680), opensBlock: true }, line('有关情况通报。', L, 200, 660)];
    expect(linesToParagraphs(lines)).toEqual(['委员们围绕产业发展建言献策，会议作了具体安排。', '12月30日下午，市政协召开常委会议，听取有关情况通报。']);
    expect(linesToParagraphs(lines.map(({ opensBlock: _o, ...l }) => l))).toHaveLength(1);
  });

  it('starts a new block at an item glyph, a section mark or a footer label even without an indent', () => {
    const lines = [
      line('会议听取了各专委会的意见和建议，研究了下一步', L, R, 700),
      line('工作，强调要抓好落实，确保各项工作任务圆满完', L, R, 680),
      line('◆5月9日，市政协分别召开秘书长与专委会主任联', L, R, 660),
      line('【重要会议】', L, R, 640),
      line('报：市委各常委，市政协主席，各副主席，秘书长，', L, R, 620),
      line('送：市委办公室。', L, 200, 600),
    ];
    expect(linesToParagraphs(lines)).toEqual([
      '会议听取了各专委会的意见和建议，研究了下一步工作，强调要抓好落实，确保各项工作任务圆满完',
      '◆5月9日，市政协分别召开秘书长与专委会主任联',
      '【重要会议】',
      '报：市委各常委，市政协主席，各副主席，秘书长，',
      '送：市委办公室。',
    ]);
  });

  it('allows a character of slack at the right margin unless the line ends a sentence', () => {
    const lines = [
      line('会议听取了各专委会对《内蒙古自治区政协履职工作大', L + 24, R - 12, 700),
      line('纲》的修改意见。', L, 200, 680),
      line('会议强调，要抓好落实，确保完成任务，确保各项工作任务圆满', L + 24, R, 660),
      line('完成。会议要求，要抓好落实，确保完成任务，确保各项工作。', L, R - 12, 640),
      line('下一段写满了整个版心宽度的文字内容，写满整行的文字内容', L, R, 620),
      line('的结尾。', L, 120, 600),
    ];
    expect(linesToParagraphs(lines)).toEqual([
      '会议听取了各专委会对《内蒙古自治区政协履职工作大纲》的修改意见。',
      '会议强调，要抓好落实，确保完成任务，确保各项工作任务圆满完成。会议要求，要抓好落实，确保完成任务，确保各项工作。',
      '下一段写满了整个版心宽度的文字内容，写满整行的文字内容的结尾。',
    ]);
  });

  it('splits at a change of font size and at a wide vertical gap', () => {
    const lines = [
      line('正文第一行写满了整个版心宽度的文字内容', L, R, 700, 16),
      line('报：市委各常委，市政协主席，各副主席。', L, R, 680, 14),
      line('正文写满整行', L, R, 660, 14),
      line('隔了很远的一行', L, 200, 560, 14),
    ];
    expect(linesToParagraphs(lines)).toEqual(['正文第一行写满了整个版心宽度的文字内容', '报：市委各常委，市政协主席，各副主席。正文写满整行', '隔了很远的一行']);
  });

  it('joins a wrapped display-size headline whose second line is centred', () => {
    const lines = [
      line('中共中央召开党外人士座谈会习近平主持并发表重要讲', L + 3, R + 7, 700, 18),
      line('话', 280, 298, 672, 18),
      line('新华社北京5月8日电5月8日，中共中央在中南海召开', L + 32, R, 640, 16),
      line('党外人士座谈会。', L, 200, 612, 16),
      line('另一段正文写满了整个版心宽度的文字内容，写满', L + 32, R, 584, 16),
    ];
    expect(linesToParagraphs(lines)).toEqual(['中共中央召开党外人士座谈会习近平主持并发表重要讲话', '新华社北京5月8日电5月8日，中共中央在中南海召开党外人士座谈会。', '另一段正文写满了整个版心宽度的文字内容，写满']);
  });

  it('joins Latin lines with a space and CJK lines without one', () => {
    const lines = [line('The committee met on', L, R, 700), line('Monday.', L, 150, 680)];
    expect(linesToParagraphs(lines)).toEqual(['The committee met on Monday.']);
  });
});

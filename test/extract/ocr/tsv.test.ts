import { describe, expect, it } from 'vitest';
import { attachConfidence, toLayoutLines } from '../../../src/extract/ocr/blocks.js';
import { meanConfidence, parseTsv, SWALLOWED_GLYPH } from '../../../src/extract/ocr/tsv.js';
import type { Block } from '../../../src/types.js';

const HEADER = 'level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext';
/** A word row: [block, par, line, left, top, width, height, conf, text]. */
const word = (b: number, p: number, l: number, left: number, top: number, width: number, height: number, conf: number, text: string, page = 1) =>
  ['5', page, b, p, l, 0, left, top, width, height, conf, text].join('\t');

describe('parseTsv', () => {
  it('joins Chinese words without spaces, keeps spaces between Latin words and marks a wide gap with U+3000', () => {
    const tsv = [
      HEADER,
      '1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t',
      word(1, 1, 1, 100, 100, 60, 30, 90, '5月'),
      word(1, 1, 1, 162, 100, 15, 30, 80, '8'),
      word(1, 1, 1, 179, 100, 30, 30, 95, '日，'),
      word(1, 1, 1, 400, 100, 60, 30, 96, '办公室'),
      word(2, 1, 1, 100, 200, 60, 30, 91, 'E-mail:'),
      word(2, 1, 1, 175, 200, 150, 30, 93, 'abc@126.com'),
      word(2, 1, 1, 330, 200, 10, 30, -1, ''),
    ].join('\n');
    const [page] = parseTsv(tsv);
    expect(page.lines.map((l) => l.text)).toEqual(['5月8日，\u3000办公室', 'E-mail: abc@126.com']);
    // weighted by characters: (90·2 + 80·1 + 95·2 + 96·3) / 8
    expect(page.lines[0].confidence).toBeCloseTo((90 * 2 + 80 + 95 * 2 + 96 * 3) / 8, 5);
    expect(page.lines[0].chars).toBe(8);
  });

  it('marks a blank as wide as a character between names on a field line with U+3000, and nowhere else', () => {
    const line = (label: string) =>
      parseTsv([HEADER, word(1, 1, 1, 100, 100, 60, 30, 90, label), word(1, 1, 1, 170, 100, 30, 30, 90, '孙'), word(1, 1, 1, 235, 100, 30, 30, 90, '某'), word(1, 1, 1, 300, 100, 90, 30, 90, '周某某'), word(1, 1, 1, 400, 100, 60, 30, 90, '吴某')].join('\n'))[0].lines[0].text;
    expect(line('委员:')).toBe('委员:孙　某　周某某吴某');
    expect(line('会上')).toBe('会上孙某周某某吴某');
  });

  it('puts a field Tesseract gave as a later block back beside the line it sits on, top to bottom', () => {
    const tsv = [HEADER, word(1, 1, 1, 100, 300, 60, 30, 90, '正文'), word(2, 1, 1, 900, 100, 60, 30, 90, '日期'), word(3, 1, 1, 100, 100, 60, 30, 90, '单位')].join('\n');
    expect(parseTsv(tsv)[0].lines.map((l) => l.text)).toEqual(['单位', '日期', '正文']);
  });

  it('keeps the lines of a skewed paragraph in order even where their boxes overlap', () => {
    // a tilted page: each line's box is taller than the pitch, so neighbours overlap by more than half
    const tsv = [
      HEADER,
      word(1, 1, 1, 220, 760, 1240, 66, 90, '第一行到右边距'),
      word(1, 1, 2, 218, 790, 1000, 90, 90, '第二行较短'),
      word(1, 1, 3, 220, 875, 1240, 66, 90, '第三行'),
    ].join('\n');
    expect(parseTsv(tsv)[0].lines.map((l) => l.text)).toEqual(['第一行到右边距', '第二行较短', '第三行']);
  });

  it("keeps the confidence of a line's last word, where an unreadable closing mark shows", () => {
    const tsv = [HEADER, word(1, 1, 1, 100, 100, 24, 30, 35, '※'), word(1, 1, 1, 130, 100, 90, 30, 93, '调研视察'), word(1, 1, 1, 225, 100, 15, 30, 0, '党')].join('\n');
    const [line] = parseTsv(tsv)[0].lines;
    expect([line.text, line.lastConfidence]).toEqual(['※调研视察党', 0]);
  });

  it.each([
    { note: 'read at a confidence near 0', first: '12', width: 60, conf: 4.8, glyph: true },
    { note: 'read at a middling confidence (the digit read well, the glyph beside it not)', first: '6', width: 45, conf: 59, glyph: true },
    { note: 'read at a confidence just below the bound', first: '1', width: 50, conf: 79, glyph: true },
    { note: 'read with confidence (the box is wide for another reason)', first: '12', width: 60, conf: 93, glyph: false },
    { note: 'as wide as its digits, at a middling confidence', first: '6', width: 25, conf: 59, glyph: false },
  ])('takes a first number too wide for its digits, $note, for a swallowed glyph: $glyph', ({ first, width, conf, glyph }) => {
    const next = 208 + width + 2;
    const tsv = [HEADER, word(1, 1, 1, 208, 1178, width, 29, conf, first), word(1, 1, 1, next, 1180, 28, 28, 96, '月'), word(1, 1, 1, next + 25, 1178, 41, 29, 93, '30日下午')].join('\n');
    expect(parseTsv(tsv)[0].lines[0].text).toBe(`${glyph ? SWALLOWED_GLYPH : ''}${first}月30日下午`);
  });

  it('marks a glyph Tesseract swallowed into a first number too wide for its digits, read at a confidence near 0', () => {
    const line = (first: string, width: number, conf: number) =>
      parseTsv([HEADER, word(1, 1, 1, 208, 1178, width, 29, conf, first), word(1, 1, 1, 282, 1180, 28, 28, 96, '月'), word(1, 1, 1, 307, 1178, 41, 29, 93, '30日下午')].join('\n'))[0].lines[0].text;
    expect(line('12', 60, 4.8)).toBe(`${SWALLOWED_GLYPH}12月30日下午`);
    // a number as wide as its digits, or read with confidence, is only a number
    expect(line('12', 34, 4.8)).toBe('12月30日下午');
    expect(line('12', 60, 93)).toBe('12月30日下午');
    expect(line('会议', 90, 4.8)).toBe('会议月30日下午');
    // the layout line it becomes opens a paragraph
    const [swallowed, plain] = toLayoutLines(parseTsv([HEADER, word(1, 1, 1, 208, 100, 60, 29, 4.8, '12'), word(1, 1, 2, 208, 200, 34, 29, 90, '12')].join('\n'))[0].lines, 200);
    expect([swallowed.opensBlock, plain.opensBlock]).toEqual([true, undefined]);
  });

  it("keeps Tesseract's word order where an enumeration comma's ink lies inside the next character's box", () => {
    const tsv = [HEADER, word(1, 1, 1, 417, 1105, 48, 35, 93, '辅导'), word(1, 1, 1, 499, 1105, 5, 7, 93, '、'), word(1, 1, 1, 494, 1106, 74, 36, 93, '社'), word(1, 1, 1, 546, 1098, 37, 63, 93, '员')].join('\n');
    expect(parseTsv(tsv)[0].lines[0].text).toBe('辅导、社员');
  });

  it('keeps the pages of a multi-page image apart', () => {
    const tsv = [HEADER, word(1, 1, 1, 0, 0, 30, 30, 90, '甲', 1), word(1, 1, 1, 0, 0, 30, 30, 90, '乙', 2)].join('\n');
    expect(parseTsv(tsv).map((p) => [p.page, p.lines[0].text])).toEqual([[1, '甲'], [2, '乙']]);
  });
});

describe('confidence of blocks', () => {
  it('gives each paragraph block the mean confidence of the OCR lines it was made of', () => {
    const lines = toLayoutLines(
      [
        { text: '第一行文字', x0: 0, x1: 500, top: 0, bottom: 30, confidence: 90, chars: 5, lastConfidence: 90 },
        { text: '续行', x0: 0, x1: 200, top: 40, bottom: 70, confidence: 60, chars: 2, lastConfidence: 20 },
        { text: '第二段', x0: 60, x1: 300, top: 80, bottom: 110, confidence: 80, chars: 3, lastConfidence: 85 },
      ],
      200,
    );
    const blocks: Block[] = [
      { text: '第一行文字续行', kind: 'paragraph', page: 1, index: 0 },
      { text: '第二段', kind: 'paragraph', page: 1, index: 1 },
    ];
    attachConfidence(blocks, 1, lines);
    expect(blocks.map((b) => b.confidence)).toEqual([meanConfidence(lines.slice(0, 2)), 80]);
    expect(blocks[0].confidence).toBeCloseTo((90 * 5 + 60 * 2) / 7, 1);
    // and the confidence of its last character: that of its last line's last word
    expect(blocks.map((b) => b.lastConfidence)).toEqual([20, 85]);
  });
});

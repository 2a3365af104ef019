import { describe, expect, it } from 'vitest';
import { segmentItem } from '../../src/serve/highlight.js';

const base = { date: null, dates: [], people: [], organisations: [], places: [] };

describe('segmentItem', () => {
  it('cuts the text into plain runs and mentions that join back into the text', () => {
    const text = '5月8日，市政协秘书长刘晓东到石拐区调研，提案委员会参加。';
    const segments = segmentItem({
      ...base,
      text,
      date: { text: '5月8日', start: '2020-05-08', end: '2020-05-08', partOfDay: null, span: [0, 4], year: 2020, month: 5, day: 8, basis: 'text' },
      people: [{ name: '刘晓东', titles: ['市政协秘书长'], spans: [[11, 14]] }],
      organisations: [{ name: '市政协', canonical: null, spans: [[5, 8]] }, { name: '提案委员会', canonical: null, spans: [[21, 26]] }],
      places: [{ name: '石拐区', spans: [[15, 18]] }],
    });
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.mention).map((s) => [s.text, s.mention!.kind])).toEqual([
      ['5月8日', 'date'],
      ['市政协', 'organisation'],
      ['刘晓东', 'person'],
      ['石拐区', 'place'],
      ['提案委员会', 'organisation'],
    ]);
    expect(segments.find((s) => s.mention?.kind === 'person')!.mention).toEqual({ kind: 'person', name: '刘晓东', titles: ['市政协秘书长'] });
  });

  it('keeps the longer of two overlapping spans and drops spans outside the text', () => {
    const text = '九原区政协副主席乔俊';
    const segments = segmentItem({
      ...base,
      text,
      people: [{ name: '乔俊', titles: [], spans: [[8, 10], [9, 40]] }],
      organisations: [{ name: '九原区政协', canonical: null, spans: [[0, 5]] }],
      places: [{ name: '九原区', spans: [[0, 3]] }],
    });
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(segments.filter((s) => s.mention).map((s) => s.text)).toEqual(['九原区政协', '乔俊']);
  });

  it('marks a date given both as the item date and among its dates once', () => {
    const date = { text: '6月1日', start: '2021-06-01', end: '2021-06-01', partOfDay: 'am' as const, span: [0, 4] as [number, number], year: 2021, month: 6, day: 1, basis: 'text' as const };
    const segments = segmentItem({ ...base, text: '6月1日上午', date, dates: [date] });
    expect(segments.map((s) => s.text)).toEqual(['6月1日', '上午']);
  });

  it('marks a date whose year nothing tells, with its month and day and no ISO value', () => {
    const date = { text: '6月1日', start: null, end: null, partOfDay: null, span: [0, 4] as [number, number], year: null, month: 6, day: 1, basis: 'text' as const };
    const [first] = segmentItem({ ...base, text: '6月1日，调研。', date, dates: [date] });
    expect(first).toEqual({ text: '6月1日', mention: { kind: 'date', start: null, end: null, partOfDay: null, month: 6, day: 1 } });
  });

  it('returns the text as one plain run when nothing has a span', () => {
    expect(segmentItem({ ...base, text: 'abc', people: [{ name: '张三', titles: [], spans: [] }] })).toEqual([{ text: 'abc', mention: null }]);
  });
});

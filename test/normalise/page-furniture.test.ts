import { describe, expect, it } from 'vitest';
import { isPageNumber, removePageFurniture } from '../../src/normalise/page-furniture.js';
import { linesFrom } from '../helpers/lines.js';

describe('isPageNumber', () => {
  it.each(['— 1 —', '- 2 -', '-3-', '－4－', '第3页 共8页', '第 3 页', '3/8', '-- 1 of 2 --'])('recognises %j as a page number', (t) => {
    expect(isPageNumber(t)).toBe(true);
  });
  it.each(['1', '2021年', '第3期', '—— 市政协办公室', '5月8日'])('does not take %j for a page number', (t) => {
    expect(isPageNumber(t)).toBe(false);
  });
});

describe('removePageFurniture', () => {
  it('removes a page number and the running header after it, so the cut paragraph can be rejoined', () => {
    const lines = linesFrom(['工 作 简 报', '第 9 期', '◆5月6日，汪洋要求，注重补齐养老、托育、停', '- 1 -', '涪城政协工作简报', '车等配套设施短板。']);
    const { lines: kept, messages } = removePageFurniture(lines, '工作简报');
    expect(kept.map((l) => l.text)).toEqual(['工作简报', '第9期', '◆5月6日，汪洋要求，注重补齐养老、托育、停', '车等配套设施短板。']);
    expect(messages[0].code).toBe('page-furniture-removed');
  });

  it('leaves text without page numbers alone', () => {
    const lines = linesFrom(['工作简报', '◆5月6日，召开会议。']);
    expect(removePageFurniture(lines, '工作简报')).toEqual({ lines, messages: [] });
  });
});

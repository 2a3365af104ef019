import { describe, expect, it } from 'vitest';
import { OffsetSet } from '../../src/entities/dictionary.js';
import { EstablishedNames } from '../../src/entities/people.js';

describe('OffsetSet', () => {
  it('answers as a Set of offsets would, outside the range too', () => {
    const offsets = new OffsetSet(5);
    const reference = new Set<number>();
    for (const at of [0, 2, 5]) {
      offsets.add(at);
      reference.add(at);
    }
    for (const at of [-1, 0, 1, 2, 3, 4, 5, 6, 1.5, NaN]) expect(offsets.has(at), String(at)).toBe(reference.has(at));
  });
});

/** Mentions in the order of a scan per name: longest names first, then code-unit order, each left to right. */
function scanPerName(text: string, names: string[]): string[] {
  const sorted = [...new Set(names)].sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const out: string[] = [];
  for (const name of sorted) for (let at = text.indexOf(name); at >= 0; at = text.indexOf(name, at + 1)) out.push(`${name}@${at}`);
  return out;
}

describe('EstablishedNames', () => {
  it('visits mentions longest name first, then each name left to right', () => {
    const names = ['王芳', '欧阳明辉', '李强', '王芳', '明辉', '强'];
    const text = '李强、王芳和欧阳明辉出席，王芳主持，明辉发言，李强强调';
    const established = new EstablishedNames(names);
    const seen: string[] = [];
    established.forEachMention(text, (name, at) => seen.push(`${name}@${at}`));
    expect(seen).toEqual(scanPerName(text, names));
    expect(seen[0]).toBe('欧阳明辉@6');
  });

  it('finds nothing without names or mentions', () => {
    const seen: string[] = [];
    new EstablishedNames([]).forEachMention('王芳出席', (name) => seen.push(name));
    new EstablishedNames(['王芳']).forEachMention('', (name) => seen.push(name));
    expect(seen).toEqual([]);
  });
});

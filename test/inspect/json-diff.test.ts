import { describe, expect, it } from 'vitest';
import { jsonDiff } from '../../src/inspect/json-diff.js';

describe('jsonDiff', () => {
  it('gives nothing for equal values', () => {
    expect(jsonDiff({ a: [1, { b: null }] }, { a: [1, { b: null }] })).toEqual([]);
  });

  it('names the path of each changed, added or removed value', () => {
    expect(
      jsonDiff(
        { items: [{ people: [{ name: '贺俊' }] }], footer: { phone: '1' }, gone: true },
        { items: [{ people: [{ name: '贺' }, { name: '梁瑞' }] }], footer: { phone: '1', email: 'x@y' } },
      ),
    ).toEqual(['items[0].people[0].name: "贺俊" → "贺"', 'items[0].people[1]: + {"name":"梁瑞"}', 'footer.email: + "x@y"', 'gone: - true']);
  });
});

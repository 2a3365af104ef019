import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SameIssue, type IssueCandidate } from '../../src/batch/same-issue.js';

const issue = (publisher: string | null, year: number | null, number: number | null) => ({ publisher, year, number });

function groups(candidates: IssueCandidate[]): Map<string, string | null> {
  const sameIssue = new SameIssue(new Database(':memory:'));
  for (const c of candidates) sameIssue.add(c);
  sameIssue.settle();
  return new Map(candidates.map((c) => [c.path, sameIssue.groupOf(c.path)]));
}

describe('SameIssue', () => {
  it('groups files with the same publisher, year and issue, ignoring layout spaces, under the first path', () => {
    const result = groups([
      { path: 'a.pdf', sha256: '2', issue: issue('包头市 政协办公室', 2020, 18) },
      { path: 'a.doc', sha256: '1', issue: issue('包头市政协办公室', 2020, 18) },
      { path: 'b.pdf', sha256: '3', issue: issue('包头市政协办公室', 2020, 19) },
    ]);
    expect(result.get('a.doc')).toBe('a.doc');
    expect(result.get('a.pdf')).toBe('a.doc');
    expect(result.get('b.pdf')).toBeNull();
  });

  it('groups byte-identical copies even when their masthead could not be read', () => {
    const result = groups([
      { path: 'x/a.txt', sha256: 'same', issue: null },
      { path: 'y/a.txt', sha256: 'same', issue: null },
      { path: 'z.txt', sha256: 'other', issue: issue(null, 2020, 1) },
    ]);
    expect(result.get('y/a.txt')).toBe('x/a.txt');
    expect(result.get('z.txt')).toBeNull();
  });

  it('joins groups linked through a chain of keys: a copy of one rendition links the other rendition too', () => {
    const result = groups([
      { path: 'd/3.txt', sha256: 'h2', issue: null },
      { path: 'c/2.pdf', sha256: 'h2', issue: issue('P', 2021, 4) },
      { path: 'b/1.doc', sha256: 'h1', issue: issue('P', 2021, 4) },
      { path: 'a/0.doc', sha256: 'h1', issue: null },
      { path: 'e/4.txt', sha256: 'h3', issue: issue('P', 2021, 5) },
    ]);
    expect([...result.values()]).toEqual(['a/0.doc', 'a/0.doc', 'a/0.doc', 'a/0.doc', null]);
  });

  it('orders paths as JavaScript does, so a character beyond U+FFFF sorts after U+FFxx', () => {
    const result = groups([
      { path: '\u{20000}.txt', sha256: 's', issue: null },
      { path: '\uff21.txt', sha256: 's', issue: null },
    ]);
    expect(result.get('\uff21.txt')).toBe('\u{20000}.txt');
  });

  it('does not link issues that lack a publisher, year or number', () => {
    const result = groups([
      { path: 'a', sha256: '1', issue: issue('P', null, 3) },
      { path: 'b', sha256: '2', issue: issue('P', null, 3) },
    ]);
    expect(result.get('a')).toBeNull();
  });
});

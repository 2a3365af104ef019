import { describe, expect, it } from 'vitest';
import { findSameIssue } from '../../src/batch/same-issue.js';

const issue = (publisher: string | null, year: number | null, number: number | null) => ({ publisher, year, number });

describe('findSameIssue', () => {
  it('links files with the same publisher, year and issue, ignoring layout spaces', () => {
    const result = findSameIssue([
      { path: 'a.doc', sha256: '1', issue: issue('包头市政协办公室', 2020, 18) },
      { path: 'a.pdf', sha256: '2', issue: issue('包头市 政协办公室', 2020, 18) },
      { path: 'b.pdf', sha256: '3', issue: issue('包头市政协办公室', 2020, 19) },
    ]);
    expect(result.get('a.doc')).toEqual(['a.pdf']);
    expect(result.get('a.pdf')).toEqual(['a.doc']);
    expect(result.get('b.pdf')).toEqual([]);
  });

  it('links byte-identical copies even when their masthead could not be read', () => {
    const result = findSameIssue([
      { path: 'x/a.txt', sha256: 'same', issue: null },
      { path: 'y/a.txt', sha256: 'same', issue: null },
      { path: 'z.txt', sha256: 'other', issue: issue(null, 2020, 1) },
    ]);
    expect(result.get('x/a.txt')).toEqual(['y/a.txt']);
    expect(result.get('z.txt')).toEqual([]);
  });

  it('does not link issues that lack a publisher, year or number', () => {
    const result = findSameIssue([
      { path: 'a', sha256: '1', issue: issue('P', null, 3) },
      { path: 'b', sha256: '2', issue: issue('P', null, 3) },
    ]);
    expect(result.get('a')).toEqual([]);
  });
});

import { describe, expect, it } from 'vitest';
import { assignRecordIds, suffixedId, withRecordId } from '../../src/batch/ids.js';
import type { BulletinRecord } from '../../src/record/schema.js';

describe('assignRecordIds', () => {
  it('keeps an id that only one file claims', () => {
    const ids = assignRecordIds([
      { displayPath: 'a/x.txt', baseId: 'x-txt' },
      { displayPath: 'a/y.txt', baseId: 'y-txt' },
    ]);
    expect([...ids.values()]).toEqual(['x-txt', 'y-txt']);
  });

  it('gives every file of a clashing group a suffix from its path, whatever the order', () => {
    const claims = [
      { displayPath: 'b/report.txt', baseId: 'report-txt' },
      { displayPath: 'a/report.txt', baseId: 'report-txt' },
      { displayPath: 'c/other.txt', baseId: 'other-txt' },
    ];
    const forward = assignRecordIds(claims);
    const backward = assignRecordIds([...claims].reverse());
    expect(forward).toEqual(backward);
    expect(forward.get('a/report.txt')).toBe(suffixedId('report-txt', 'a/report.txt'));
    expect(forward.get('b/report.txt')).toMatch(/^report-txt-[0-9a-f]{8}$/);
    expect(forward.get('a/report.txt')).not.toBe(forward.get('b/report.txt'));
    expect(forward.get('c/other.txt')).toBe('other-txt');
  });
});

describe('withRecordId', () => {
  it('renames the record and every item id, keeping item numbers', () => {
    const record = { id: 'x-txt', items: [{ id: 'x-txt#1' }, { id: 'x-txt#2' }] } as unknown as BulletinRecord;
    const renamed = withRecordId(record, 'x-txt-1234abcd');
    expect(renamed.id).toBe('x-txt-1234abcd');
    expect(renamed.items.map((i) => i.id)).toEqual(['x-txt-1234abcd#1', 'x-txt-1234abcd#2']);
    expect(record.id).toBe('x-txt');
  });
});

import { describe, expect, it } from 'vitest';
import { upgradeRecord } from '../../src/record/upgrade.js';
import { recordSchema } from '../../src/record/schema.js';
import { makeRecord } from '../query/sample-records.js';

describe('upgradeRecord', () => {
  it("reads a schema-1 record by resolving its organisations' bodies", () => {
    const current = makeRecord('c2020', '2020-05-11', [{ section: null, text: '区政协召开会议。', organisations: ['区政协', '市政协'] }], {
      publisher: '东湖区政协办公室',
    });
    const v1 = JSON.parse(JSON.stringify({ ...current, schemaVersion: 1 }));
    for (const item of v1.items) for (const o of item.organisations) delete o.canonical;
    expect(recordSchema.safeParse(v1).success).toBe(false);
    const upgraded = recordSchema.parse(upgradeRecord(v1));
    expect(upgraded.schemaVersion).toBe(2);
    expect(upgraded.items[0].organisations).toEqual([
      { name: '区政协', canonical: '东湖区政协', spans: [] },
      { name: '市政协', canonical: null, spans: [] },
    ]);
  });

  it('reads a schema-1 record without bylines or date parts by adding them', () => {
    const current = makeRecord('c2022', '2022-06-01', [
      { section: null, text: '5月6日至7日，调研。', date: { text: '5月6日至7日', start: '2022-05-06', end: '2022-05-07' } },
    ]);
    const v1 = JSON.parse(JSON.stringify({ ...current, schemaVersion: 1 }));
    delete v1.bylines;
    for (const item of v1.items) {
      delete item.bylines;
      for (const o of item.organisations) delete o.canonical;
      for (const key of ['year', 'month', 'day', 'basis']) delete item.date[key];
    }
    const upgraded = recordSchema.parse(upgradeRecord(v1));
    expect(upgraded.bylines).toEqual([]);
    expect(upgraded.items[0].bylines).toEqual([]);
    expect(upgraded.items[0].date).toMatchObject({ start: '2022-05-06', year: 2022, month: 5, day: 6, basis: 'text' });
  });

  it('leaves current records and anything else as they are', () => {
    const current = makeRecord('c2021', '2021-03-03', [{ section: null, text: '无。' }]);
    expect(upgradeRecord(current)).toBe(current);
    expect(upgradeRecord(null)).toBeNull();
  });
});

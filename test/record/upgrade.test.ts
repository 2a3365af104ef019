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

  it('leaves current records and anything else as they are', () => {
    const current = makeRecord('c2021', '2021-03-03', [{ section: null, text: '无。' }]);
    expect(upgradeRecord(current)).toBe(current);
    expect(upgradeRecord(null)).toBeNull();
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import fs from 'node:fs';
import { getIssue, getItem } from '../../src/query/archive.js';
import { personTimelines, topEntities } from '../../src/query/search.js';
import { openIndexForRead } from '../../src/store/index-db.js';
import { parseRenditionOrder } from '../../src/store/issues.js';
import { rebuildIndex, setRenditionOrder, updateIndex } from '../../src/store/sqlite-index.js';
import { makeOutDir, makeRecord } from '../query/sample-records.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function indexOf(records: ReturnType<typeof makeRecord>[]) {
  const dir = makeOutDir(records);
  dirs.push(dir);
  rebuildIndex(dir);
  return { dir, db: openIndexForRead(dir)! };
}

const text = '3月8日，区政协主席周启航带队调研社区养老服务。';

describe('preferred renditions', () => {
  it('prefers the rendition first in the order, then the one with fewer warnings', () => {
    const { dir, db } = indexOf([
      makeRecord('a-txt', '2022-03-14', [{ section: null, text }], { format: 'txt' }),
      makeRecord('a-pdf', '2022-03-14', [{ section: null, text }], { format: 'pdf', warnings: 3 }),
      makeRecord('b-pdf', '2022-03-14', [{ section: null, text }], { format: 'pdf', warnings: 1 }),
    ]);
    try {
      expect(getIssue(db, '示例市政协办公室-2022-1')!.renditions.map((r) => [r.recordId, r.preferred])).toEqual([
        ['b-pdf', true],
        ['a-pdf', false],
        ['a-txt', false],
      ]);
    } finally {
      db.close();
    }
    setRenditionOrder(dir, parseRenditionOrder('txt'));
    const again = openIndexForRead(dir)!;
    try {
      expect(getIssue(again, '示例市政协办公室-2022-1')!.renditions[0].recordId).toBe('a-txt');
    } finally {
      again.close();
    }
  });

  it('moves the preference and the links when the preferred rendition leaves the archive', () => {
    const { dir, db } = indexOf([
      makeRecord('a-docx', '2022-03-14', [{ section: null, text }], { format: 'docx' }),
      makeRecord('a-pdf', '2022-03-14', [{ section: null, text: `${text} ` }], { format: 'pdf' }),
      makeRecord('a-txt', '2022-03-14', [{ section: null, text }], { format: 'txt' }),
    ]);
    db.close();
    fs.rmSync(`${dir}/bulletins/a-docx.json`);
    updateIndex(dir, [], ['a-docx']);
    const again = openIndexForRead(dir)!;
    try {
      expect(getIssue(again, '示例市政协办公室-2022-1')!.renditions.map((r) => [r.recordId, r.preferred])).toEqual([
        ['a-pdf', true],
        ['a-txt', false],
      ]);
      expect(getItem(again, 'a-txt#1')!.canonicalId).toBe('a-pdf#1');
      expect(getItem(again, 'a-pdf#1')!.canonicalId).toBe('a-pdf#1');
    } finally {
      again.close();
    }
  });

  it('links a rendition added by a later update to the preferred item', () => {
    const { dir, db } = indexOf([makeRecord('a-pdf', '2022-03-14', [{ section: null, text }], { format: 'pdf' })]);
    db.close();
    updateIndex(dir, [makeRecord('a-docx', '2022-03-14', [{ section: null, text }], { format: 'docx' })], []);
    const again = openIndexForRead(dir)!;
    try {
      expect(getItem(again, 'a-pdf#1')!.canonicalId).toBe('a-docx#1');
      expect(again.prepare('SELECT id, preferred_record_id, renditions FROM issues').all()).toEqual([
        { id: '示例市政协办公室-2022-1', preferred_record_id: 'a-docx', renditions: 2 },
      ]);
    } finally {
      again.close();
    }
  });

  it('refuses an unknown rendition kind and completes a partial order with the default', () => {
    expect(() => parseRenditionOrder('docx,epub')).toThrow(/epub/);
    expect(parseRenditionOrder('txt, pdf')).toEqual(['txt', 'pdf', 'docx', 'doc', 'scan']);
  });
});

describe('people across publishers', () => {
  it("makes one person of a name in two offices' bulletins when a title names the other office", () => {
    const { db } = indexOf([
      makeRecord('east', '2022-03-14', [{ section: null, text: '林晓岚主持。', people: [['林晓岚', ['区政协副主席']]] }], { publisher: '东湖区政协办公室' }),
      makeRecord('north', '2022-03-21', [{ section: null, text: '林晓岚出席。', people: [['林晓岚', ['东湖区政协副主席']]] }], { publisher: '北岭区政协办公室' }),
      makeRecord('west', '2022-03-28', [{ section: null, text: '林晓岚讲话。', people: [['林晓岚', ['区政协主席']]] }], { publisher: '西坡区政协办公室' }),
    ]);
    try {
      expect(topEntities(db, 'people', 10).map((e) => [e.publisher, e.items])).toEqual([
        ['东湖区政协', 2],
        ['西坡区政协', 1],
      ]);
      const [east] = personTimelines(db, '林晓岚', { publisher: '东湖' });
      expect(east.titles).toEqual([
        expect.objectContaining({ title: '东湖区政协副主席', written: ['东湖区政协副主席', '区政协副主席'], items: 2 }),
      ]);
    } finally {
      db.close();
    }
  });
});

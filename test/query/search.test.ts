import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openIndexForRead, type IndexDatabase } from '../../src/store/index-db.js';
import { rebuildIndex } from '../../src/store/sqlite-index.js';
import { queryResultSchema } from '../../src/query/result-schema.js';
import { iterateItems, personTimelines, queryItems, topEntities, type QueryFilters } from '../../src/query/search.js';
import { QUOTED_TEXT, makeOutDir } from './sample-records.js';

let outDir: string;
let db: IndexDatabase;

beforeAll(() => {
  outDir = makeOutDir();
  rebuildIndex(outDir);
  db = openIndexForRead(outDir)!;
});
afterAll(() => {
  db.close();
  fs.rmSync(outDir, { recursive: true, force: true });
});

const ids = (filters: QueryFilters) => queryItems(db, filters).map((r) => r.itemId);

describe('queryItems', () => {
  it('returns every item in date order, undated items last, without filters', () => {
    expect(ids({})).toEqual(['c2019#1', 'c2020#1', 'c2020#2', 'c2021#1', 'c2021#2', 'c2020#3']);
  });

  it('finds the items that mention a person by exact name, ignoring layout spaces', () => {
    expect(ids({ person: '刘晓东' })).toEqual(['c2019#1', 'c2020#1', 'c2020#2']);
    expect(ids({ person: '刘 晓东' })).toEqual(['c2019#1', 'c2020#1', 'c2020#2']);
    expect(ids({ person: '刘晓' })).toEqual([]);
  });

  it('finds items where someone holds a title containing the text', () => {
    expect(ids({ title: '副主席' })).toEqual(['c2020#2', 'c2020#3']);
    expect(ids({ title: '市政协主席' })).toEqual(['c2021#1']);
    expect(ids({ title: '秘书长' })).toEqual(['c2019#1', 'c2020#1']);
  });

  it('requires the named person to hold the title when --person and --title are combined', () => {
    expect(ids({ person: '贺俊', title: '主席' })).toEqual(['c2020#2', 'c2021#1', 'c2020#3']);
    // c2020#2 mentions 刘晓东 and a 副主席, but the 副主席 is 贺俊.
    expect(ids({ person: '刘晓东', title: '副主席' })).toEqual([]);
    expect(ids({ person: '刘晓东', title: '副秘书长' })).toEqual(['c2019#1']);
  });

  it('finds items by a part of an organisation or place name', () => {
    expect(ids({ org: '提案' })).toEqual(['c2020#1', 'c2021#1']);
    expect(ids({ org: '统战部' })).toEqual(['c2021#2']);
    expect(ids({ place: '青山' })).toEqual(['c2021#1']);
    expect(ids({ place: '区' })).toEqual(['c2020#1', 'c2021#1']);
  });

  it('finds items by a part of the section title', () => {
    expect(ids({ section: '领导' })).toEqual(['c2019#1', 'c2020#1', 'c2020#2', 'c2021#1']);
    expect(ids({ section: '重要会议' })).toEqual(['c2020#3']);
  });

  it('selects items whose date range overlaps the window and leaves out undated items', () => {
    // c2020#1 runs 05-06 to 05-07: a window starting on its last day still overlaps it.
    expect(ids({ from: '2020-05-07', to: '2020-05-08' })).toEqual(['c2020#1']);
    expect(ids({ from: '2020-05-08', to: '2020-05-08' })).toEqual([]);
    // c2021#1 runs 02-27 to 03-02: windows touching either end select it.
    expect(ids({ from: '2021-03-02' })).toEqual(['c2021#1']);
    expect(ids({ to: '2021-02-27' })).toEqual(['c2019#1', 'c2020#1', 'c2020#2', 'c2021#1']);
    expect(ids({ from: '2021-02-28', to: '2021-02-28' })).toEqual(['c2021#1']);
    expect(ids({ from: '2000-01-01' })).not.toContain('c2020#3');
  });

  it('searches text with the full-text index for words of three or more characters', () => {
    expect(ids({ text: '刘晓东' })).toEqual(['c2019#1', 'c2020#1', 'c2020#2']);
    expect(ids({ text: 'hello' })).toEqual(['c2020#3']);
    expect(ids({ text: 'HELLO' })).toEqual(['c2020#3']);
  });

  it('searches short words (most Chinese words) with a substring match', () => {
    expect(ids({ text: '调研' })).toEqual(['c2020#1', 'c2021#1']);
    expect(ids({ text: '议' })).toEqual(['c2020#2', 'c2021#2']);
  });

  it('searches the headline as well as the text and requires every word', () => {
    expect(ids({ text: '专题协商会' })).toEqual(['c2021#2']);
    expect(ids({ text: '专题协商会 乌云' })).toEqual(['c2021#2']);
    expect(ids({ text: '专题协商会 贺俊' })).toEqual([]);
    expect(ids({ text: '调研 青山区' })).toEqual(['c2021#1']);
  });

  it('treats quotes and LIKE wildcards in the search text literally', () => {
    expect(ids({ text: '"hello' })).toEqual(['c2020#3']);
    expect(ids({ text: '%' })).toEqual([]);
    expect(ids({ org: '_' })).toEqual([]);
  });

  it('combines filters with AND', () => {
    expect(ids({ person: '贺俊', from: '2021-01-01' })).toEqual(['c2021#1']);
    expect(ids({ org: '市政协', section: '领导活动' })).toEqual(['c2020#2', 'c2021#1']);
    expect(ids({ person: '刘晓东', text: '调研', to: '2020-12-31' })).toEqual(['c2020#1']);
    expect(ids({ person: '乌云', place: '青山区' })).toEqual([]);
  });

  it('returns at most --limit items, the earliest first', () => {
    expect(ids({ limit: 2 })).toEqual(['c2019#1', 'c2020#1']);
  });

  it('returns each item with its record, dates, people with titles, organisations, places and source', () => {
    const [first] = queryItems(db, { place: '青山区' });
    expect(first).toEqual({
      itemId: 'c2021#1',
      recordId: 'c2021',
      issueId: '示例市政协办公室-2021-1',
      publisher: '示例市政协办公室',
      seq: 1,
      issueDate: '2021-03-03',
      section: '领导活动',
      headline: null,
      date: { text: '2月27日至3月2日', start: '2021-02-27', end: '2021-03-02', partOfDay: null },
      text: '2月27日至3月2日，市政协主席贺俊到青山区调研。',
      people: [{ name: '贺俊', titles: ['市政协主席'] }],
      organisations: ['市政协', '提案委员会'],
      places: ['青山区'],
      sourcePath: 'fixtures/c2021.txt',
      page: null,
      paragraph: 10,
    });
    const [undated] = queryItems(db, { section: '重要会议' });
    expect(undated.date).toBeNull();
    expect(undated.text).toBe(QUOTED_TEXT);
    expect(queryResultSchema.safeParse(queryItems(db, {})).success).toBe(true);
  });
});

describe('personTimelines', () => {
  it("lists a person's titles in the publisher's spelling with first and last dates seen and item counts, then the items", () => {
    const [timeline, ...others] = personTimelines(db, '贺俊');
    expect(others).toEqual([]);
    expect(timeline.publisher).toBe('示例市政协');
    expect(timeline.titles).toEqual([
      { title: '示例市政协副主席', written: ['市政协副主席'], first: '2020-05-09', last: '2020-05-11', items: 2 },
      { title: '民建包头市委主委', written: ['民建包头市委主委'], first: '2020-05-11', last: '2020-05-11', items: 1 },
      { title: '示例市政协主席', written: ['市政协主席'], first: '2021-02-27', last: '2021-03-02', items: 1 },
    ]);
    expect(timeline.items.map((i) => i.itemId)).toEqual(['c2020#2', 'c2021#1', 'c2020#3']);
  });

  it('returns no timeline for an unknown person', () => {
    expect(personTimelines(db, '无名氏')).toEqual([]);
  });
});

describe('topEntities', () => {
  it('counts the distinct items that mention each person, most mentioned first', () => {
    expect(topEntities(db, 'people', 10)).toEqual([
      { name: '刘晓东', publisher: '示例市政协', items: 3, first: '2019-12-28', last: '2020-05-09' },
      { name: '贺俊', publisher: '示例市政协', items: 3, first: '2020-05-09', last: '2021-03-02' },
      { name: '乌云', publisher: '示例市政协', items: 1, first: '2021-03-01', last: '2021-03-01' },
    ]);
    expect(topEntities(db, 'people', 1).map((e) => e.name)).toEqual(['刘晓东']);
  });

  it('counts the distinct items that mention each organisation, under its canonical body with the names written', () => {
    expect(topEntities(db, 'orgs', 10).map((e) => [e.name, e.variants, e.items])).toEqual([
      ['提案委员会', ['提案委员会'], 2],
      ['示例市政协', ['市政协'], 2],
      ['民建包头市委', ['民建包头市委'], 1],
      ['示例市委统战部', ['市委统战部'], 1],
    ]);
  });
});

describe('iterateItems', () => {
  it('yields the items queryItems returns, in the same order, for any filters and paging', () => {
    const cases: QueryFilters[] = [{}, { person: '刘晓东' }, { title: '副主席' }, { allRenditions: true }, { limit: 2, offset: 1 }, { offset: 3 }, { person: '刘晓' }];
    for (const filters of cases) expect([...iterateItems(db, filters)]).toEqual(queryItems(db, filters));
  });
});

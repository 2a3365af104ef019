import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from '../../src/query/csv.js';
import { formatDate, formatItemChunks, formatItems, formatPeople, formatTop, itemsToCsv, renderTable } from '../../src/query/format.js';
import type { QueryResultItem } from '../../src/query/result-schema.js';
import { stringWidth, truncateToWidth } from '../../src/query/text-width.js';

const item: QueryResultItem = {
  itemId: 'c2020#3',
  recordId: 'c2020',
  issueId: '示例市政协办公室-2020-1',
  publisher: '示例市政协办公室',
  seq: 3,
  issueDate: '2020-05-11',
  section: '重要会议',
  headline: null,
  date: null,
  text: 'He said "hello, world"\n第二段，贺俊强调。',
  people: [
    { name: '贺俊', titles: ['市政协副主席', '民建包头市委主委'] },
    { name: '刘晓东', titles: [] },
  ],
  organisations: ['民建包头市委', '市政协'],
  places: [],
  sourcePath: 'fixtures/a,b.txt',
  page: null,
  paragraph: 12,
};

describe('CSV output', () => {
  it('quotes fields holding commas, quotes, CR or LF and doubles the quotes (RFC 4180)', () => {
    expect(csvField('plain 文本')).toBe('plain 文本');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField(null)).toBe('');
    expect(csvField(0)).toBe('0');
  });

  it('ends every row, the header too, with CRLF', () => {
    expect(toCsv(['a', 'b'], [['1', 'x,y']])).toBe('a,b\r\n1,"x,y"\r\n');
  });

  it('writes items with a header row and people as name(title1/title2);name2', () => {
    const [header, row] = itemsToCsv([item]).split('\r\n');
    expect(header).toBe(
      'item_id,record_id,seq,issue_date,section,date_start,date_end,part_of_day,date_text,headline,text,people,organisations,places,source_path,page,paragraph,issue_id,publisher',
    );
    expect(row).toBe(
      'c2020#3,c2020,3,2020-05-11,重要会议,,,,,,"He said ""hello, world""\n第二段，贺俊强调。",贺俊(市政协副主席/民建包头市委主委);刘晓东,民建包头市委;市政协,,"fixtures/a,b.txt",,12,示例市政协办公室-2020-1,示例市政协办公室',
    );
  });

  it('writes only the header when nothing was found', () => {
    expect(itemsToCsv([]).split('\r\n')).toHaveLength(2);
  });
});

describe('people and dates in text output', () => {
  it('joins people with their titles', () => {
    expect(formatPeople(item.people)).toBe('贺俊(市政协副主席/民建包头市委主委);刘晓东');
  });

  it('shortens a date range within one year and names the part of day', () => {
    expect(formatDate({ text: '', start: '2020-05-06', end: '2020-05-07', partOfDay: null })).toBe('2020-05-06~05-07');
    expect(formatDate({ text: '', start: '2020-12-30', end: '2021-01-02', partOfDay: null })).toBe('2020-12-30~2021-01-02');
    expect(formatDate({ text: '', start: '2020-05-09', end: '2020-05-09', partOfDay: 'am' })).toBe('2020-05-09 上午');
    expect(formatDate(null)).toBe('');
  });
});

describe('terminal widths', () => {
  it('counts Chinese characters and fullwidth punctuation as two columns', () => {
    expect(stringWidth('abc')).toBe(3);
    expect(stringWidth('贺俊')).toBe(4);
    expect(stringWidth('，。（）')).toBe(8);
    expect(stringWidth('２０２０')).toBe(8);
    expect(stringWidth('𠀀')).toBe(2);
  });

  it('truncates to a column width with an ellipsis, never splitting a wide character', () => {
    expect(truncateToWidth('市政协副主席贺俊', 7)).toBe('市政协…');
    expect(truncateToWidth('市政协副主席贺俊', 8)).toBe('市政协…');
    expect(truncateToWidth('市政协', 6)).toBe('市政协');
    expect(stringWidth(truncateToWidth('abc市政协副主席', 9))).toBeLessThanOrEqual(9);
  });

  it('lines up table columns when cells mix Chinese and Latin text', () => {
    const table = renderTable(
      [{ header: 'name', max: 20 }, { header: 'n', max: 5, align: 'right' }, { header: 'text', max: 1000 }],
      [
        ['贺俊', '3', '市政协副主席'],
        ['Smith', '12', 'abc'],
      ],
      80,
    );
    const lines = table.trimEnd().split('\n');
    expect(lines).toEqual(['name    n  text', '─────  ──  ────────────', '贺俊    3  市政协副主席', 'Smith  12  abc']);
  });

  it('fits the item table to the terminal, cutting long text with …', () => {
    const long = { ...item, text: '很长的文字'.repeat(50) };
    const out = formatItems([long, item], 'table', 100);
    const lines = out.trimEnd().split('\n');
    for (const line of lines.slice(0, 4)) expect(stringWidth(line)).toBeLessThanOrEqual(100);
    expect(lines[2]).toContain('…');
    expect(lines.at(-1)).toBe('2 items');
  });

  it('says so in a table, prints nothing in jsonl and an empty array in JSON when nothing was found', () => {
    expect(formatItems([], 'table', 100)).toBe('no items match\n');
    expect(formatTop([], 'table', 100)).toBe('nothing found\n');
    expect(formatItems([], 'jsonl', 100)).toBe('');
    expect(formatItems([], 'json', 100)).toBe('[]\n');
    expect(formatTop([], 'json', 100)).toBe('[]\n');
  });

  it('prints one JSON object per line in jsonl', () => {
    const out = formatItems([item, item], 'jsonl', 100);
    const lines = out.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0])).toEqual(item);
  });
});

describe('item output written piece by piece', () => {
  const second: QueryResultItem = { ...item, itemId: 'c2020#4', seq: 4, date: { text: '5月6日', start: '2020-05-06', end: '2020-05-06', partOfDay: null } };
  const pick = (it: QueryResultItem, fields?: readonly string[]) => (fields ? Object.fromEntries(fields.map((f) => [f, it[f as keyof QueryResultItem]])) : it);

  it('joins to the JSON array, JSON lines and CSV the whole list gives, with fields and a BOM', () => {
    for (const items of [[], [item], [item, second]]) {
      for (const fields of [undefined, ['itemId', 'people', 'text'] as const]) {
        const join = (format: 'json' | 'jsonl' | 'csv', bom = false) => [...formatItemChunks(items, format, { fields, bom })].join('');
        expect(join('json')).toBe(`${JSON.stringify(items.map((it) => pick(it, fields)), null, 2)}\n`);
        expect(join('jsonl')).toBe(items.map((it) => `${JSON.stringify(pick(it, fields))}\n`).join(''));
        expect(join('csv', true)).toBe(`\uFEFF${itemsToCsv(items, fields)}`);
      }
    }
  });

  it('measures a table on its first rows and cuts later, wider rows to those widths', () => {
    const wide: QueryResultItem = { ...second, itemId: 'c2020#5-with-a-much-longer-id', seq: 5 };
    const streamed = [...formatItemChunks([item, second, wide], 'table', { terminalWidth: 100, tableSample: 2 })].join('').split('\n');
    const measured = formatItems([item, second], 'table', 100).split('\n');
    expect(streamed.slice(0, 4)).toEqual(measured.slice(0, 4)); // header, rule, the two measured rows
    expect(stringWidth(streamed[4])).toBeLessThanOrEqual(Math.max(...measured.slice(0, 4).map(stringWidth)));
    expect(streamed[4]).toContain(truncateToWidth(wide.itemId, stringWidth('c2020#3')));
    expect(streamed[5]).toBe('3 items');
    expect([...formatItemChunks([], 'table', { tableSample: 2 })].join('')).toBe('no items match\n');
  });

  it('reads the items only as it is asked for pieces, one item per piece after the CSV header, and so in JSON', () => {
    let read = 0;
    function* counted() {
      for (const it of [item, second]) {
        read++;
        yield it;
      }
    }
    const chunks = formatItemChunks(counted(), 'csv');
    chunks.next(); // the header
    expect(read).toBe(0);
    chunks.next();
    expect(read).toBe(1);
    read = 0;
    const json = formatItemChunks(counted(), 'json');
    json.next();
    expect(read).toBe(1);
  });
});

/** Printing query answers as a terminal table, JSON, JSON Lines or CSV. */
import { csvRow, toCsv, type CsvValue } from './csv.js';
import type { QueryResultItem, QueryResultPerson } from './result-schema.js';
import type { CountEntry, PersonTimeline, TopEntry } from './search.js';
import { padToWidth, stringWidth, truncateToWidth } from './text-width.js';

export const OUTPUT_FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const PART_OF_DAY: Record<string, string> = { am: '上午', pm: '下午', evening: '晚上' };

/** A date as `2020-05-06~05-07 上午`; a date with no known year (start null) as it was written. */
export function formatDate(date: { text: string; start: string | null; end: string | null; partOfDay: string | null } | null): string {
  if (!date) return '';
  if (date.start === null || date.end === null) return date.text;
  let text = date.start;
  if (date.end !== date.start) text += `~${date.end.slice(0, 4) === date.start.slice(0, 4) ? date.end.slice(5) : date.end}`;
  if (date.partOfDay) text += ` ${PART_OF_DAY[date.partOfDay] ?? date.partOfDay}`;
  return text;
}

/** `name(title1/title2);name2` */
export function formatPeople(people: readonly QueryResultPerson[]): string {
  return people.map((p) => (p.titles.length > 0 ? `${p.name}(${p.titles.join('/')})` : p.name)).join(';');
}

function oneLine(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

interface Column {
  header: string;
  /** Widest the column may get; the last column takes the rest of the terminal. */
  max: number;
  align?: 'right';
}

/** A plain-text table whose columns line up for wide (CJK) characters too. */
export function renderTable(columns: readonly Column[], rows: readonly (readonly string[])[], terminalWidth: number): string {
  return [...renderTableChunks(columns, rows, terminalWidth, Number.POSITIVE_INFINITY)].join('');
}

/** How many rows a table written as its rows come measures its columns on. */
export const TABLE_SAMPLE_ROWS = 1000;

/**
 * The same table in pieces, its column widths measured on the first `sample` rows only (later rows
 * are cut to them), so a table of any length is written without holding its rows: for up to
 * `sample` rows, exactly `renderTable`.
 */
export function* renderTableChunks(columns: readonly Column[], rows: Iterable<readonly string[]>, terminalWidth: number, sample = TABLE_SAMPLE_ROWS): Generator<string> {
  const gap = '  ';
  const iterator = rows[Symbol.iterator]();
  const measured: (readonly string[])[] = [];
  let next = iterator.next();
  for (; !next.done && measured.length < sample; next = iterator.next()) measured.push(next.value);
  const widths = columns.map((c, i) => Math.min(c.max, measured.reduce((w, r) => Math.max(w, stringWidth(r[i] ?? '')), stringWidth(c.header))));
  const last = columns.length - 1;
  const fixed = widths.slice(0, last).reduce((a, b) => a + b, 0) + gap.length * last;
  // The last column takes what the terminal has left, but keeps at least 10 columns of text.
  widths[last] = Math.max(Math.min(widths[last], terminalWidth - fixed), Math.min(widths[last], 10));
  const line = (cells: readonly string[]) =>
    `${cells
      .map((cell, i) => {
        if (columns[i].align !== 'right') return padToWidth(cell, widths[i]);
        const cut = truncateToWidth(cell, widths[i]);
        return ' '.repeat(widths[i] - stringWidth(cut)) + cut;
      })
      .join(gap)
      .trimEnd()}\n`;
  yield line(columns.map((c) => c.header)) + line(widths.map((w) => '─'.repeat(w)));
  yield measured.map(line).join('');
  measured.length = 0;
  for (; !next.done; next = iterator.next()) yield line(next.value);
}

const ITEM_COLUMNS: Column[] = [
  { header: 'date', max: 24 },
  { header: 'item', max: 32 },
  { header: 'section', max: 16 },
  { header: 'people', max: 24 },
  { header: 'text', max: Number.MAX_SAFE_INTEGER },
];

function itemRow(it: QueryResultItem): string[] {
  return [
    formatDate(it.date),
    it.itemId,
    it.section ?? '',
    it.people.map((p) => p.name).join('、'),
    oneLine(it.headline ? `【${it.headline}】${it.text}` : it.text),
  ];
}

/** The fields of a query result, in output order: what `--fields` chooses from. */
export const ITEM_FIELDS = [
  'itemId', 'recordId', 'issueId', 'publisher', 'seq', 'issueDate', 'section', 'headline', 'date', 'text',
  'people', 'organisations', 'places', 'sourcePath', 'page', 'paragraph',
] as const;
export type ItemField = (typeof ITEM_FIELDS)[number];

/** A field's CSV columns and their values (a date is four columns). */
const CSV_COLUMNS: Record<ItemField, [string, (it: QueryResultItem) => CsvValue][]> = {
  itemId: [['item_id', (it) => it.itemId]],
  recordId: [['record_id', (it) => it.recordId]],
  issueId: [['issue_id', (it) => it.issueId]],
  publisher: [['publisher', (it) => it.publisher]],
  seq: [['seq', (it) => it.seq]],
  issueDate: [['issue_date', (it) => it.issueDate]],
  section: [['section', (it) => it.section]],
  headline: [['headline', (it) => it.headline]],
  date: [
    ['date_start', (it) => it.date?.start],
    ['date_end', (it) => it.date?.end],
    ['part_of_day', (it) => it.date?.partOfDay],
    ['date_text', (it) => it.date?.text],
  ],
  text: [['text', (it) => it.text]],
  people: [['people', (it) => formatPeople(it.people)]],
  organisations: [['organisations', (it) => it.organisations.join(';')]],
  places: [['places', (it) => it.places.join(';')]],
  sourcePath: [['source_path', (it) => it.sourcePath]],
  page: [['page', (it) => it.page]],
  paragraph: [['paragraph', (it) => it.paragraph]],
};

/** The CSV column order of all fields (kept from earlier versions; the issue and publisher come last). */
const CSV_FIELD_ORDER: readonly ItemField[] = [
  'itemId', 'recordId', 'seq', 'issueDate', 'section', 'date', 'headline', 'text', 'people', 'organisations', 'places',
  'sourcePath', 'page', 'paragraph', 'issueId', 'publisher',
];

export const ITEM_CSV_HEADER = CSV_FIELD_ORDER.flatMap((f) => CSV_COLUMNS[f].map(([name]) => name));

export interface ItemOutputOptions {
  /** Only these fields, in this order (default: all). */
  fields?: readonly ItemField[];
  /** Start CSV with a UTF-8 byte-order mark, so Excel on Windows reads it as UTF-8. */
  bom?: boolean;
}

export const BOM = '\uFEFF';

export function itemsToCsv(items: readonly QueryResultItem[], fields: readonly ItemField[] = CSV_FIELD_ORDER): string {
  const columns = fields.flatMap((f) => CSV_COLUMNS[f]);
  return toCsv(
    columns.map(([name]) => name),
    items.map((it) => columns.map(([, value]) => value(it))),
  );
}

function jsonLines(values: readonly unknown[]): string {
  return values.map((v) => `${JSON.stringify(v)}\n`).join('');
}

/**
 * The machine-readable forms every list shares: a JSON array, JSON lines, or CSV (with a byte-order
 * mark for Excel when asked) from the header and rows `csv` gives. undefined for `table`, which each
 * list renders its own way.
 */
function asData(
  values: readonly unknown[],
  format: OutputFormat,
  options: ItemOutputOptions,
  csv: () => [header: readonly string[], rows: readonly (readonly CsvValue[])[]],
): string | undefined {
  switch (format) {
    case 'json':
      return `${JSON.stringify(values, null, 2)}\n`;
    case 'jsonl':
      return jsonLines(values);
    case 'csv':
      return `${options.bom ? BOM : ''}${toCsv(...csv())}`;
    case 'table':
      return undefined;
  }
}

function pick(item: QueryResultItem, fields: readonly ItemField[]): Partial<QueryResultItem> {
  return Object.fromEntries(fields.map((f) => [f, item[f]]));
}

/** A field as one line of table text. */
function tableCell(it: QueryResultItem, field: ItemField): string {
  switch (field) {
    case 'date':
      return formatDate(it.date);
    case 'people':
      return it.people.map((p) => p.name).join('、');
    case 'organisations':
    case 'places':
      return it[field].join('、');
    case 'text':
      return oneLine(it.headline ? `【${it.headline}】${it.text}` : it.text);
    default:
      return oneLine(String(it[field] ?? ''));
  }
}

/**
 * Items in any output format, in pieces as the items come, so a listing of every item is never held
 * whole: a JSON array is written element by element, and a table measures its columns on its first
 * `tableSample` rows (renderTableChunks). Joined, what `formatItems` gives for the same items (the
 * header and BOM of CSV first, even when there are none).
 */
export function* formatItemChunks(
  items: Iterable<QueryResultItem>,
  format: OutputFormat,
  options: ItemOutputOptions & { terminalWidth?: number; tableSample?: number } = {},
): Generator<string> {
  const { fields } = options;
  const shown = function* () {
    for (const it of items) yield fields ? pick(it, fields) : it;
  };
  switch (format) {
    case 'jsonl':
      for (const it of shown()) yield `${JSON.stringify(it)}\n`;
      return;
    case 'json': {
      let first = true;
      for (const it of shown()) {
        yield `${first ? '[\n' : ',\n'}${JSON.stringify(it, null, 2).replace(/^/gm, '  ')}`;
        first = false;
      }
      yield first ? '[]\n' : '\n]\n';
      return;
    }
    case 'csv': {
      const columns = (fields ?? CSV_FIELD_ORDER).flatMap((f) => CSV_COLUMNS[f]);
      yield `${options.bom ? BOM : ''}${csvRow(columns.map(([name]) => name))}`;
      for (const it of items) yield csvRow(columns.map(([, value]) => value(it)));
      return;
    }
    case 'table': {
      let count = 0;
      const rows = function* () {
        for (const it of items) {
          count++;
          yield fields ? fields.map((f) => tableCell(it, f)) : itemRow(it);
        }
      };
      const columns = fields ? fields.map((f, k): Column => ({ header: f, max: k === fields.length - 1 ? Number.MAX_SAFE_INTEGER : 32 })) : ITEM_COLUMNS;
      const table: string[] = [];
      for (const chunk of renderTableChunks(columns, rows(), options.terminalWidth ?? 80, options.tableSample)) {
        // The header waits for a first row: a person at a terminal should see that the query ran and
        // found nothing, not a table without rows.
        if (count === 0) table.push(chunk);
        else {
          yield* table.splice(0);
          yield chunk;
        }
      }
      yield count === 0 ? 'no items match\n' : `${count} item${count === 1 ? '' : 's'}\n`;
    }
  }
}

export function formatItems(items: readonly QueryResultItem[], format: OutputFormat, terminalWidth: number, options: ItemOutputOptions = {}): string {
  return [...formatItemChunks(items, format, { ...options, terminalWidth, tableSample: Number.POSITIVE_INFINITY })].join('');
}

const COUNT_COLUMNS: Column[] = [
  { header: 'key', max: 40 },
  { header: 'publisher', max: 24 },
  { header: 'items', max: 8, align: 'right' },
];

/** `query --count`: key (and publisher for people) with the number of items. */
export function formatCounts(entries: readonly CountEntry[], format: OutputFormat, terminalWidth: number, options: ItemOutputOptions = {}): string {
  const withPublisher = entries.some((e) => e.publisher !== undefined);
  const data = asData(entries, format, options, () => [
    withPublisher ? ['key', 'publisher', 'items'] : ['key', 'items'],
    entries.map((e) => (withPublisher ? [e.key, e.publisher, e.items] : [e.key, e.items])),
  ]);
  if (data !== undefined) return data;
  if (entries.length === 0) return 'nothing found\n';
  const columns = withPublisher ? COUNT_COLUMNS : [COUNT_COLUMNS[0], COUNT_COLUMNS[2]];
  return renderTable(columns, entries.map((e) => (withPublisher ? [e.key ?? '(none)', e.publisher ?? '', String(e.items)] : [e.key ?? '(none)', String(e.items)])), terminalWidth);
}

const TITLE_COLUMNS: Column[] = [
  { header: 'title', max: 40 },
  { header: 'also written', max: 30 },
  { header: 'first', max: 10 },
  { header: 'last', max: 10 },
  { header: 'items', max: 6, align: 'right' },
];

/** A person's timelines (one per publisher under whom the name is counted). */
export function formatPerson(timelines: readonly PersonTimeline[], name: string, format: OutputFormat, terminalWidth: number, options: ItemOutputOptions = {}): string {
  const data = asData(timelines, format, options, () => [
    ['name', 'publisher', 'title', 'written', 'first', 'last', 'items'],
    timelines.flatMap((tl) => tl.titles.map((t) => [tl.name, tl.publisher, t.title, t.written.join(';'), t.first, t.last, t.items])),
  ]);
  if (data !== undefined) return data;
  if (timelines.length === 0) return `no items mention ${name}\n`;
  return timelines
    .map((timeline) => {
      const titles =
        timeline.titles.length > 0
          ? renderTable(
              TITLE_COLUMNS,
              timeline.titles.map((t) => [t.title, t.written.filter((w) => w !== t.title).join('、'), t.first ?? '', t.last ?? '', String(t.items)]),
              terminalWidth,
            )
          : '(no titles recorded)\n';
      return `${timeline.name} · ${timeline.publisher}\n\n${titles}\n${formatItems(timeline.items, 'table', terminalWidth)}`;
    })
    .join('\n');
}

const TOP_COLUMNS: Column[] = [
  { header: '#', max: 6, align: 'right' },
  { header: 'name', max: 40 },
  { header: 'publisher', max: 24 },
  { header: 'items', max: 8, align: 'right' },
  { header: 'first', max: 10 },
  { header: 'last', max: 10 },
];

/** `people` (with the publisher each person is counted under) and `orgs` (with the names written for each body). */
export function formatTop(entries: readonly TopEntry[], format: OutputFormat, terminalWidth: number, options: ItemOutputOptions = {}): string {
  const orgs = entries.some((e) => e.variants !== undefined);
  const extra = (e: TopEntry) => (orgs ? (e.variants ?? []).join(';') : e.publisher ?? '');
  const data = asData(entries, format, options, () => [
    ['name', orgs ? 'variants' : 'publisher', 'items', 'first', 'last'],
    entries.map((e) => [e.name, extra(e), e.items, e.first, e.last]),
  ]);
  if (data !== undefined) return data;
  if (entries.length === 0) return 'nothing found\n';
  const columns = TOP_COLUMNS.map((c) => (c.header === 'publisher' && orgs ? { ...c, header: 'written', max: 40 } : c));
  const rows = entries.map((e, i) => [String(i + 1), e.name, orgs ? (e.variants ?? []).filter((v) => v !== e.name).join('、') : e.publisher ?? '', String(e.items), e.first ?? '', e.last ?? '']);
  return renderTable(columns, rows, terminalWidth);
}

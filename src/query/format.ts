/** Printing query answers as a terminal table, JSON, JSON Lines or CSV. */
import { toCsv } from './csv.js';
import type { QueryResultItem, QueryResultPerson } from './result-schema.js';
import type { PersonTimeline, TopEntry } from './search.js';
import { padToWidth, stringWidth, truncateToWidth } from './text-width.js';

export const OUTPUT_FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

const PART_OF_DAY: Record<string, string> = { am: '上午', pm: '下午', evening: '晚上' };

export function formatDate(date: QueryResultItem['date']): string {
  if (!date) return '';
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
  const gap = '  ';
  const widths = columns.map((c, i) => Math.min(c.max, Math.max(stringWidth(c.header), ...rows.map((r) => stringWidth(r[i] ?? '')))));
  const last = columns.length - 1;
  const fixed = widths.slice(0, last).reduce((a, b) => a + b, 0) + gap.length * last;
  // The last column takes what the terminal has left, but keeps at least 10 columns of text.
  widths[last] = Math.max(Math.min(widths[last], terminalWidth - fixed), Math.min(widths[last], 10));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => {
        if (columns[i].align !== 'right') return padToWidth(cell, widths[i]);
        const cut = truncateToWidth(cell, widths[i]);
        return ' '.repeat(widths[i] - stringWidth(cut)) + cut;
      })
      .join(gap)
      .trimEnd();
  const out = [line(columns.map((c) => c.header)), widths.map((w) => '─'.repeat(w)).join(gap)];
  for (const row of rows) out.push(line(row));
  return `${out.join('\n')}\n`;
}

const ITEM_COLUMNS: Column[] = [
  { header: 'date', max: 24 },
  { header: 'item', max: 32 },
  { header: 'section', max: 16 },
  { header: 'people', max: 24 },
  { header: 'text', max: Number.MAX_SAFE_INTEGER },
];

function itemRows(items: readonly QueryResultItem[]): string[][] {
  return items.map((it) => [
    formatDate(it.date),
    it.itemId,
    it.section ?? '',
    it.people.map((p) => p.name).join('、'),
    oneLine(it.headline ? `【${it.headline}】${it.text}` : it.text),
  ]);
}

export const ITEM_CSV_HEADER = [
  'item_id', 'record_id', 'seq', 'issue_date', 'section', 'date_start', 'date_end', 'part_of_day', 'date_text',
  'headline', 'text', 'people', 'organisations', 'places', 'source_path', 'page', 'paragraph',
] as const;

export function itemsToCsv(items: readonly QueryResultItem[]): string {
  return toCsv(
    ITEM_CSV_HEADER,
    items.map((it) => [
      it.itemId, it.recordId, it.seq, it.issueDate, it.section, it.date?.start, it.date?.end, it.date?.partOfDay,
      it.date?.text, it.headline, it.text, formatPeople(it.people), it.organisations.join(';'), it.places.join(';'),
      it.sourcePath, it.page, it.paragraph,
    ]),
  );
}

function jsonLines(values: readonly unknown[]): string {
  return values.map((v) => `${JSON.stringify(v)}\n`).join('');
}

export function formatItems(items: readonly QueryResultItem[], format: OutputFormat, terminalWidth: number): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(items, null, 2)}\n`;
    case 'jsonl':
      return jsonLines(items);
    case 'csv':
      return itemsToCsv(items);
    case 'table':
      // A person at a terminal should see that the query ran and found nothing, not a blank line.
      if (items.length === 0) return 'no items match\n';
      return `${renderTable(ITEM_COLUMNS, itemRows(items), terminalWidth)}${items.length} item${items.length === 1 ? '' : 's'}\n`;
  }
}

const TITLE_COLUMNS: Column[] = [
  { header: 'title', max: 40 },
  { header: 'first', max: 10 },
  { header: 'last', max: 10 },
  { header: 'items', max: 6, align: 'right' },
];

export function formatPerson(timeline: PersonTimeline, format: OutputFormat, terminalWidth: number): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(timeline, null, 2)}\n`;
    case 'jsonl':
      return jsonLines([timeline]);
    case 'csv':
      return toCsv(['title', 'first', 'last', 'items'], timeline.titles.map((t) => [t.title, t.first, t.last, t.items]));
    case 'table': {
      if (timeline.items.length === 0) return `no items mention ${timeline.name}\n`;
      const titles =
        timeline.titles.length > 0
          ? renderTable(TITLE_COLUMNS, timeline.titles.map((t) => [t.title, t.first ?? '', t.last ?? '', String(t.items)]), terminalWidth)
          : '(no titles recorded)\n';
      return `${timeline.name}\n\n${titles}\n${formatItems(timeline.items, 'table', terminalWidth)}`;
    }
  }
}

const TOP_COLUMNS: Column[] = [
  { header: '#', max: 6, align: 'right' },
  { header: 'name', max: 40 },
  { header: 'items', max: 8, align: 'right' },
  { header: 'first', max: 10 },
  { header: 'last', max: 10 },
];

export function formatTop(entries: readonly TopEntry[], format: OutputFormat, terminalWidth: number): string {
  switch (format) {
    case 'json':
      return `${JSON.stringify(entries, null, 2)}\n`;
    case 'jsonl':
      return jsonLines(entries);
    case 'csv':
      return toCsv(['name', 'items', 'first', 'last'], entries.map((e) => [e.name, e.items, e.first, e.last]));
    case 'table':
      if (entries.length === 0) return 'nothing found\n';
      return renderTable(TOP_COLUMNS, entries.map((e, i) => [String(i + 1), e.name, String(e.items), e.first ?? '', e.last ?? '']), terminalWidth);
  }
}

/**
 * Hand-written bulletin records for the query and index tests, validated with the record schema.
 *
 * In date order the items are: c2019#1 (2019-12-28), c2020#1 (2020-05-06~07), c2020#2 (2020-05-09 am),
 * c2021#1 (2021-02-27~03-02), c2021#2 (2021-03-01 pm), then the undated c2020#3.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { recordSchema, SCHEMA_VERSION, type BulletinRecord } from '../../src/record/schema.js';
import { canonicalOrganisation, publisherContext } from '../../src/resolve/canonical-org.js';

interface SampleItem {
  section: string | null;
  text: string;
  headline?: string;
  date?: { text: string; start: string; end: string; partOfDay?: 'am' | 'pm' | 'evening' };
  people?: [string, string[]][];
  organisations?: string[];
  places?: string[];
}

const ymd = (iso: string) => ({ year: Number(iso.slice(0, 4)), month: Number(iso.slice(5, 7)), day: Number(iso.slice(8, 10)) });

export interface SampleRecordOptions {
  publisher?: string;
  issue?: number;
  format?: 'txt' | 'docx' | 'pdf' | 'doc';
  warnings?: number;
}

export function makeRecord(id: string, issueDate: string, items: SampleItem[], options: SampleRecordOptions = {}): BulletinRecord {
  const publisher = options.publisher ?? '示例市政协办公室';
  const format = options.format ?? 'txt';
  const context = publisherContext(publisher);
  return recordSchema.parse({
    schemaVersion: SCHEMA_VERSION,
    id,
    source: { path: `fixtures/${id}.${format}`, format, sha256: '0'.repeat(64), bytes: 100, encoding: format === 'txt' ? 'utf-8' : null, pages: null },
    masthead: { title: '示例市 工作周报', issue: options.issue ?? 1, totalIssue: null, year: Number(issueDate.slice(0, 4)), publisher, date: issueDate },
    sections: [],
    items: items.map((it, n) => ({
      id: `${id}#${n + 1}`,
      section: it.section,
      marker: '◆',
      headline: it.headline ?? null,
      text: it.text,
      date: it.date ? { text: it.date.text, start: it.date.start, end: it.date.end, partOfDay: it.date.partOfDay ?? null, span: [0, it.date.text.length], ...ymd(it.date.start), basis: 'text' } : null,
      dates: [],
      people: (it.people ?? []).map(([name, titles]) => ({ name, titles, spans: [] })),
      bylines: [],
      organisations: (it.organisations ?? []).map((name) => ({ name, canonical: canonicalOrganisation(name, context), spans: [] })),
      places: (it.places ?? []).map((name) => ({ name, spans: [] })),
      provenance: { page: null, paragraph: n + 10 },
    })),
    footer: { reportTo: [], copyTo: [], distributeTo: [], editors: [], reviewers: [], phone: null, email: null, copies: null },
    bylines: [],
    messages: Array.from({ length: options.warnings ?? 0 }, (_, k) => ({
      severity: 'warning', code: 'item-without-date', message: `warning ${k + 1}`, page: null, offset: null,
    })),
  });
}

export const QUOTED_TEXT = 'He said "hello, world"\n第二段，贺俊强调。';

export function sampleRecords(): BulletinRecord[] {
  return [
    makeRecord('c2020', '2020-05-11', [
      {
        section: '领导活动',
        text: '5月6日至7日，市政协秘书长刘晓东带队赴石拐区调研，提案委员会参加。',
        date: { text: '5月6日至7日', start: '2020-05-06', end: '2020-05-07' },
        people: [['刘晓东', ['市政协秘书长']]],
        organisations: ['提案委员会'],
        places: ['石拐区'],
      },
      {
        section: '领导活动',
        text: '5月9日上午，市政协副主席贺俊主持会议，刘晓东参加。',
        date: { text: '5月9日上午', start: '2020-05-09', end: '2020-05-09', partOfDay: 'am' },
        people: [['贺俊', ['市政协副主席']], ['刘晓东', []]],
        organisations: ['市政协'],
      },
      {
        section: '重要会议',
        text: QUOTED_TEXT,
        people: [['贺俊', ['市政协副主席', '民建包头市委主委']]],
        organisations: ['民建包头市委'],
      },
    ]),
    makeRecord('c2021', '2021-03-03', [
      {
        section: '领导活动',
        text: '2月27日至3月2日，市政协主席贺俊到青山区调研。',
        date: { text: '2月27日至3月2日', start: '2021-02-27', end: '2021-03-02' },
        people: [['贺俊', ['市政协主席']]],
        organisations: ['市政协', '提案委员会'],
        places: ['青山区'],
      },
      {
        section: '协商议政',
        headline: '专题协商会召开',
        text: '3月1日下午，市委常委、统战部部长乌云出席会议。',
        date: { text: '3月1日下午', start: '2021-03-01', end: '2021-03-01', partOfDay: 'pm' },
        people: [['乌云', ['市委常委', '统战部部长']]],
        organisations: ['市委统战部'],
      },
    ]),
    makeRecord('c2019', '2019-12-30', [
      {
        section: '领导活动',
        text: '12月28日，市政协副秘书长刘晓东到社区走访。',
        date: { text: '12月28日', start: '2019-12-28', end: '2019-12-28' },
        people: [['刘晓东', ['市政协副秘书长']]],
      },
    ]),
  ];
}

/** A temporary output folder holding the records as OUT/bulletins/<id>.json (no index yet). */
export function makeOutDir(records: BulletinRecord[] = sampleRecords()): string {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-query-'));
  writeRecords(outDir, records);
  return outDir;
}

export function writeRecords(outDir: string, records: BulletinRecord[]): void {
  fs.mkdirSync(path.join(outDir, 'bulletins'), { recursive: true });
  for (const record of records) {
    fs.writeFileSync(path.join(outDir, 'bulletins', `${record.id}.json`), `${JSON.stringify(record, null, 2)}\n`);
  }
}

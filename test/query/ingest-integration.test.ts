/**
 * End to end: ingest the sample bulletin with the real CLI, then query the index the ingest run
 * left behind. Assertions check what the query layer promises, not the extractor's exact output.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFilters } from '../../src/query/command.js';
import type { BulletinRecord } from '../../src/record/schema.js';
import { queryResultSchema, type QueryResultItem } from '../../src/query/result-schema.js';
import { queryItems } from '../../src/query/search.js';
import { openIndexForRead } from '../../src/store/index-db.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const fixture = path.join(repo, 'fixtures', 'baotou-2020-18.txt');
let outDir: string;

function bulletin(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'src', 'main.ts'), ...args], { cwd: repo, encoding: 'utf8' });
}

/** Queries in-process (the executable itself is covered by cli.test.ts), with CLI-style options. */
function query(...args: string[]): QueryResultItem[] {
  const options: Record<string, string> = {};
  for (let i = 0; i < args.length; i += 2) options[args[i].replace(/^--/, '')] = args[i + 1];
  const db = openIndexForRead(outDir);
  if (!db) throw new Error('the ingest run left no current index');
  try {
    return queryResultSchema.parse(queryItems(db, parseFilters(options)));
  } finally {
    db.close();
  }
}

function rowCounts(): Record<string, number> {
  const db = new Database(path.join(outDir, 'index.sqlite'), { readonly: true });
  try {
    const count = (table: string) => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return Object.fromEntries(['records', 'items', 'people', 'person_titles', 'organisations', 'places', 'items_fts'].map((t) => [t, count(t)]));
  } finally {
    db.close();
  }
}

/** The row counts the index should hold for the records in OUT/bulletins. */
function countsFromRecords(): Record<string, number> {
  const dir = path.join(outDir, 'bulletins');
  const records = fs.readdirSync(dir).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as BulletinRecord);
  const items = records.flatMap((r) => r.items);
  const distinct = (list: string[]) => new Set(list).size;
  return {
    records: records.length,
    items: items.length,
    people: items.reduce((n, i) => n + i.people.length, 0),
    person_titles: items.reduce((n, i) => n + distinct(i.people.flatMap((p) => p.titles.map((t) => `${p.name}\u0000${t}`))), 0),
    organisations: items.reduce((n, i) => n + distinct(i.organisations.map((o) => o.name)), 0),
    places: items.reduce((n, i) => n + distinct(i.places.map((o) => o.name)), 0),
    items_fts: items.length,
  };
}

beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-ingest-query-'));
  const ingest = bulletin('ingest', fixture, '--out', outDir);
  expect(ingest.status, ingest.stderr + ingest.stdout).toBe(0);
});
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe('querying an ingested bulletin', () => {
  it('finds every item of the record in the index the ingest run wrote', () => {
    const record = JSON.parse(fs.readFileSync(path.join(outDir, 'bulletins', fs.readdirSync(path.join(outDir, 'bulletins'))[0]), 'utf8'));
    const all = query();
    expect(all.map((i) => i.itemId).sort()).toEqual(record.items.map((i: { id: string }) => i.id).sort());
    expect(fs.existsSync(path.join(outDir, 'schema', 'query-result.schema.json'))).toBe(true);
  });

  it("finds 刘晓东's 5月6日至7日 inspection by person, title and date window", () => {
    const byPerson = query('--person', '刘晓东');
    expect(byPerson.length).toBeGreaterThan(0);
    for (const item of byPerson) expect(item.people.map((p) => p.name)).toContain('刘晓东');
    const inspection = query('--person', '刘晓东', '--title', '秘书长', '--from', '2020-05-06', '--to', '2020-05-06');
    expect(inspection).toHaveLength(1);
    expect(inspection[0].date).toMatchObject({ start: '2020-05-06', end: '2020-05-07' });
    expect(inspection[0].text).toContain('石拐区');
  });

  it('returns results in date order and only dated items inside a window', () => {
    const window = query('--from', '2020-05-07', '--to', '2020-05-08');
    expect(window.length).toBeGreaterThan(0);
    for (const item of window) {
      expect(item.date).not.toBeNull();
      expect(item.date!.end >= '2020-05-07' && item.date!.start <= '2020-05-08').toBe(true);
    }
    const starts = window.map((i) => i.date!.start);
    expect(starts).toEqual([...starts].sort());
  });

  it('finds text with the full-text index and with short words', () => {
    for (const item of query('--text', '脱贫攻坚')) expect(item.text + (item.headline ?? '')).toContain('脱贫攻坚');
    expect(query('--text', '脱贫攻坚').length).toBeGreaterThan(0);
    expect(query('--text', '调研').length).toBeGreaterThan(0);
  });

  it('keeps the index free of duplicates when the same file is ingested again with --force', () => {
    expect(rowCounts()).toEqual(countsFromRecords());
    const again = bulletin('ingest', fixture, '--out', outDir, '--force');
    expect(again.status, again.stderr).toBe(0);
    // Compared with the records as now written, so a concurrent change to extraction cannot fail this.
    expect(rowCounts()).toEqual(countsFromRecords());
  });
});

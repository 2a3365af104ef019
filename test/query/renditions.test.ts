/**
 * End to end: the sample issue in .txt, .docx and .pdf plus two invented offices' bulletins
 * (test/data/two-publishers: 东湖区政协 and 北岭区政协, each writing a bare 区政协, one bulletin present
 * twice), ingested with the real CLI. One issue in three files is one issue; a bare 区政协 is its
 * publisher's body; one name in two offices is two people.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getIssue, getItem, listIssues } from '../../src/query/archive.js';
import { countItems, personTimelines, queryItems, topEntities } from '../../src/query/search.js';
import { openIndexForRead, type IndexDatabase } from '../../src/store/index-db.js';
import { setRenditionOrder } from '../../src/store/sqlite-index.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
let outDir: string;
let db: IndexDatabase;

function bulletin(...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', path.join(repo, 'src', 'main.ts'), ...args], { cwd: repo, encoding: 'utf8' });
}

beforeAll(() => {
  outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-renditions-'));
  const inputs = ['txt', 'docx', 'pdf'].map((ext) => `fixtures/baotou-2020-18.${ext}`);
  const run = bulletin('ingest', ...inputs, 'test/data/two-publishers', '--out', outDir, '--concurrency', '2');
  expect(run.status, run.stderr).toBe(0);
  db = openIndexForRead(outDir)!;
}, 120_000);

afterAll(() => {
  db?.close();
  fs.rmSync(outDir, { recursive: true, force: true });
});

describe('one issue in many files', () => {
  it('makes the .txt, .docx and .pdf one issue whose preferred rendition is the .docx', () => {
    const issue = getIssue(db, '包头市政协办公室-2020-18')!;
    expect(issue.renditions.map((r) => [r.format, r.preferred])).toEqual([
      ['docx', true],
      ['pdf', false],
      ['txt', false],
    ]);
    expect(listIssues(db).map((i) => i.renditions.length).sort()).toEqual([1, 2, 3]);
  });

  it("links every item of the other renditions to the preferred one's item at the same place", () => {
    for (const ext of ['txt', 'pdf']) {
      const item = getItem(db, `baotou-2020-18-${ext}#7`)!;
      expect(item.canonicalId).toBe('baotou-2020-18-docx#7');
    }
    const rows = db.prepare("SELECT id, canonical_id FROM items WHERE record_id IN ('baotou-2020-18-txt', 'baotou-2020-18-pdf')").all() as { id: string; canonical_id: string }[];
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(row.canonical_id).toBe(`baotou-2020-18-docx#${row.id.split('#')[1]}`);
  });

  it('counts 贺俊 in 2 items, not 6, unless every rendition is asked for', () => {
    const he = topEntities(db, 'people', 1000).filter((e) => e.name === '贺俊');
    expect(he).toEqual([expect.objectContaining({ publisher: '包头市政协', items: 2 })]);
    expect(topEntities(db, 'people', 1000, { allRenditions: true }).find((e) => e.name === '贺俊')?.items).toBe(6);
    expect(queryItems(db, { person: '贺俊' }).map((i) => i.itemId)).toEqual(['baotou-2020-18-docx#3', 'baotou-2020-18-docx#7']);
    expect(queryItems(db, { person: '贺俊', allRenditions: true })).toHaveLength(6);
    expect(personTimelines(db, '贺俊')[0].titles[0]).toMatchObject({ title: '包头市政协副主席', items: 2 });
  });

  it('counts a bulletin present twice with identical text once', () => {
    expect(countItems(db, { publisher: '东湖区' }, 'month')).toEqual([{ key: '2022-03', items: 3 }]);
    expect(countItems(db, { publisher: '东湖区', allRenditions: true }, 'month')).toEqual([{ key: '2022-03', items: 6 }]);
  });

  it('carries the issue id on every items.jsonl line, the same for the three files', () => {
    const lines = fs.readFileSync(path.join(outDir, 'items.jsonl'), 'utf8').trimEnd().split('\n').map((l) => JSON.parse(l));
    const baotou = lines.filter((l) => l.recordId.startsWith('baotou-2020-18'));
    expect(baotou).toHaveLength(33);
    expect(new Set(baotou.map((l) => l.issueId))).toEqual(new Set(['包头市政协办公室-2020-18']));
  });

  it('follows another rendition order', () => {
    setRenditionOrder(outDir, ['pdf', 'txt', 'docx', 'doc', 'scan']);
    const reopened = openIndexForRead(outDir)!;
    try {
      expect(getIssue(reopened, '包头市政协办公室-2020-18')!.renditions[0]).toMatchObject({ format: 'pdf', preferred: true });
      expect(queryItems(reopened, { person: '贺俊' }).map((i) => i.itemId)).toEqual(['baotou-2020-18-pdf#3', 'baotou-2020-18-pdf#7']);
    } finally {
      reopened.close();
      setRenditionOrder(outDir, ['docx', 'doc', 'pdf', 'txt', 'scan']);
    }
  });
});

describe('entities resolved', () => {
  it("keeps two offices' 区政协 apart, each under its canonical body with what was written", () => {
    const orgs = topEntities(db, 'orgs', 1000);
    expect(orgs.find((o) => o.name === '东湖区政协')).toMatchObject({ variants: ['区政协', '政协东湖区委员会'], items: 3 });
    expect(orgs.find((o) => o.name === '北岭区政协')).toMatchObject({ variants: ['区政协'], items: 2 });
    expect(orgs.find((o) => o.name === '区政协')).toBeUndefined();
  });

  it('finds the items that wrote 区政协 by the canonical name', () => {
    const items = queryItems(db, { org: '北岭区政协' });
    expect(items.map((i) => i.itemId)).toEqual(['beiling-2022-07-txt#1', 'beiling-2022-07-txt#2']);
    expect(items[0].organisations).toContain('区政协');
  });

  it("keeps what the record wrote and adds the canonical body", () => {
    const record = JSON.parse(fs.readFileSync(path.join(outDir, 'bulletins', 'beiling-2022-07-txt.json'), 'utf8'));
    expect(record.schemaVersion).toBe(2);
    expect(record.items[0].organisations).toContainEqual(expect.objectContaining({ name: '区政协', canonical: '北岭区政协' }));
  });

  it('makes one name in two offices two people, and finds either by publisher', () => {
    const lin = topEntities(db, 'people', 1000).filter((e) => e.name === '林晓岚');
    expect(lin.map((e) => [e.publisher, e.items])).toEqual([
      ['东湖区政协', 2],
      ['北岭区政协', 1],
    ]);
    const [beiling, ...rest] = personTimelines(db, '林晓岚', { publisher: '北岭' });
    expect(rest).toEqual([]);
    expect(beiling.titles.map((t) => t.title)).toEqual(['北岭区政协主席']);
  });

  it('counts matching items by person with their publisher', () => {
    expect(countItems(db, { org: '东湖区政协' }, 'person')).toContainEqual({ key: '周启航', publisher: '东湖区政协', items: 2 });
  });
});

describe('schemas', () => {
  it('writes a JSON Schema with an $id for items.jsonl lines, and every line fits it', async () => {
    const { itemLineSchema } = await import('../../src/record/schema.js');
    const schema = JSON.parse(fs.readFileSync(path.join(outDir, 'schema', 'item-line.schema.json'), 'utf8'));
    expect(schema.$id).toBe('urn:bulletin-ingest:schema:item-line');
    expect(schema.properties.issueId.description).toMatch(/issue/);
    for (const line of fs.readFileSync(path.join(outDir, 'items.jsonl'), 'utf8').trimEnd().split('\n')) {
      expect(itemLineSchema.safeParse(JSON.parse(line)).success).toBe(true);
    }
  });
});

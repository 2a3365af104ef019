import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { captureOutput } from '../helpers/output.js';
import { parseDateBound, runIndex, runPerson, runQuery, runShow, runTop } from '../../src/query/command.js';
import { acquireOutLock } from '../../src/batch/lock.js';
import { indexPath } from '../../src/store/index-db.js';
import { makeOutDir } from './sample-records.js';

const output = captureOutput();
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function outDir(): string {
  const dir = makeOutDir();
  dirs.push(dir);
  return dir;
}

const jsonl = () => output.stdout.trimEnd().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { itemId: string });

describe('bulletin query', () => {
  it('builds the index on first use when only the records exist', async () => {
    const out = outDir();
    expect(fs.existsSync(indexPath(out))).toBe(false);
    expect(await runQuery({ out, person: '贺俊', format: 'jsonl' })).toBe(0);
    expect(fs.existsSync(indexPath(out))).toBe(true);
    expect(jsonl().map((r) => r.itemId)).toEqual(['c2020#2', 'c2021#1', 'c2020#3']);
    expect(fs.existsSync(path.join(out, 'schema', 'query-result.schema.json'))).toBe(true);
  });

  it('prints a JSON array, and an empty one when nothing matches, with exit status 0', async () => {
    const out = outDir();
    expect(await runQuery({ out, from: '2021-01-01', format: 'json' })).toBe(0);
    expect((JSON.parse(output.stdout) as { itemId: string }[]).map((r) => r.itemId)).toEqual(['c2021#1', 'c2021#2']);
    output.stdout = '';
    expect(await runQuery({ out, person: '无名氏', format: 'json' })).toBe(0);
    expect(JSON.parse(output.stdout)).toEqual([]);
  });

  it('prints nothing for no results in jsonl, and says so in a table', async () => {
    const out = outDir();
    expect(await runQuery({ out, person: '无名氏', format: 'jsonl' })).toBe(0);
    expect(output.stdout).toBe('');
    expect(await runQuery({ out, person: '无名氏', format: 'table' })).toBe(0);
    expect(output.stdout).toBe('no items match\n');
  });

  it('prints CSV with a header row', async () => {
    const out = outDir();
    expect(await runQuery({ out, section: '重要会议', format: 'csv' })).toBe(0);
    expect(output.stdout).toMatch(/^item_id,record_id,/);
    expect(output.stdout).toContain('"He said ""hello, world""\n第二段，贺俊强调。"');
  });

  it('rejects invalid dates, an inverted window and empty filters with exit status 2', async () => {
    const out = outDir();
    expect(await runQuery({ out, from: '2020-02-30' })).toBe(2);
    expect(output.stderr).toContain('--from "2020-02-30" is not a date');
    expect(await runQuery({ out, to: '20200501' })).toBe(2);
    expect(await runQuery({ out, from: '2021-01-01', to: '2020-01-01' })).toBe(2);
    expect(await runQuery({ out, person: '  ' })).toBe(2);
    expect(output.stdout).toBe('');
  });

  it('exits with status 2 when the output folder or its records are missing', async () => {
    const missing = path.join(os.tmpdir(), 'bulletin-no-such-folder');
    expect(await runQuery({ out: missing })).toBe(2);
    expect(output.stderr).toContain('no output folder');
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-empty-'));
    dirs.push(empty);
    expect(await runQuery({ out: empty })).toBe(2);
    expect(await runIndex({ out: empty })).toBe(2);
  });

  it('uses jsonl when output.stdout is not a terminal and no format is given', async () => {
    const out = outDir();
    const isTTY = process.stdout.isTTY;
    Object.defineProperty(process.stdout, 'isTTY', { value: false, configurable: true });
    try {
      expect(await runQuery({ out, limit: 1 })).toBe(0);
    } finally {
      Object.defineProperty(process.stdout, 'isTTY', { value: isTTY, configurable: true });
    }
    expect(jsonl().map((r) => r.itemId)).toEqual(['c2019#1']);
  });
});

describe('bulletin index', () => {
  it('refuses, naming the holder, while an ingest holds the lock on OUT, and rebuilds once it is free', async () => {
    const out = outDir();
    const lock = acquireOutLock(out);
    try {
      expect(await runIndex({ out })).toBe(2);
      expect(output.stderr).toContain('another bulletin ingest');
      expect(fs.existsSync(indexPath(out))).toBe(false);
    } finally {
      lock.release();
    }
    expect(await runIndex({ out })).toBe(0);
    expect(fs.existsSync(indexPath(out))).toBe(true);
  });
});

describe('a stale index', () => {
  it('is used with a warning when records changed after the index was written', async () => {
    const out = outDir();
    expect(await runIndex({ out })).toBe(0);
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(path.join(out, 'bulletins'), later, later);
    output.stderr = '';
    expect(await runQuery({ out, person: '乌云', format: 'jsonl' })).toBe(0);
    expect(output.stderr).toContain('run `bulletin index');
    expect(jsonl().map((r) => r.itemId)).toEqual(['c2021#2']);
  });
});

describe('date bounds', () => {
  it('accepts calendar dates and expands a year or month to its first or last day', () => {
    expect(parseDateBound('2020-02-29', 'from')).toBe('2020-02-29');
    expect(parseDateBound('2020', 'from')).toBe('2020-01-01');
    expect(parseDateBound('2020', 'to')).toBe('2020-12-31');
    expect(parseDateBound('2021-02', 'to')).toBe('2021-02-28');
    expect(() => parseDateBound('2021-02-29', 'from')).toThrow(/not a date/);
    expect(() => parseDateBound('2021-13', 'to')).toThrow(/not a date/);
    expect(() => parseDateBound('yesterday', 'to')).toThrow(/not a date/);
  });
});

describe('bulletin index, person, people and orgs', () => {
  it('rebuilds the index and reports the counts', async () => {
    const out = outDir();
    expect(await runIndex({ out })).toBe(0);
    expect(output.stderr).toContain('indexed 3 records, 6 items');
  });

  it('keeps a rendition order given with --prefer, and refuses an unknown kind', async () => {
    const out = outDir();
    expect(await runIndex({ out, prefer: 'pdf,epub' })).toBe(2);
    expect(output.stderr).toContain('unknown rendition "epub"');
    expect(await runIndex({ out, prefer: 'txt,pdf' })).toBe(0);
    expect(output.stderr).toContain('preferred renditions: txt > pdf > docx > doc > scan');
  });

  it("prints a person's titles over time and the items", async () => {
    const out = outDir();
    expect(await runPerson('贺俊', { out, format: 'json' })).toBe(0);
    const [timeline] = JSON.parse(output.stdout);
    expect(timeline.titles.map((t: { title: string }) => t.title)).toEqual(['示例市政协副主席', '民建包头市委主委', '示例市政协主席']);
    expect(timeline.items).toHaveLength(3);
    output.stdout = '';
    expect(await runPerson('贺俊', { out, format: 'table' })).toBe(0);
    expect(output.stdout.split('\n')[0]).toBe('贺俊 · 示例市政协');
    expect(output.stdout).toContain('市政协副主席');
    expect(output.stdout).toContain('3 items');
  });

  it('prints the most-mentioned people and organisations with counts', async () => {
    const out = outDir();
    expect(await runTop('people', { out, format: 'csv', limit: 2 })).toBe(0);
    expect(output.stdout).toBe('name,publisher,items,first,last\r\n刘晓东,示例市政协,3,2019-12-28,2020-05-09\r\n贺俊,示例市政协,3,2020-05-09,2021-03-02\r\n');
    output.stdout = '';
    expect(await runTop('orgs', { out, format: 'jsonl' })).toBe(0);
    expect(output.stdout.trimEnd().split('\n')).toHaveLength(4);
  });
});

describe('bulletin query: paging, fields, counts and CSV for Excel', () => {
  it('pages through results with --offset and --limit', async () => {
    const out = outDir();
    expect(await runQuery({ out, format: 'jsonl', limit: 2, offset: 1 })).toBe(0);
    expect(jsonl().map((r) => r.itemId)).toEqual(['c2020#1', 'c2020#2']);
    expect(await runQuery({ out, offset: -1 })).toBe(2);
  });

  it('prints only the --fields asked for, in that order', async () => {
    const out = outDir();
    expect(await runQuery({ out, person: '乌云', format: 'jsonl', fields: 'itemId,issueId' })).toBe(0);
    expect(jsonl()).toEqual([{ itemId: 'c2021#2', issueId: '示例市政协办公室-2021-1' }]);
    output.stdout = '';
    expect(await runQuery({ out, person: '乌云', format: 'csv', fields: 'itemId,date' })).toBe(0);
    expect(output.stdout.split('\r\n')[0]).toBe('item_id,date_start,date_end,part_of_day,date_text');
    expect(await runQuery({ out, fields: 'itemId,nope' })).toBe(2);
    expect(output.stderr).toContain('unknown field "nope"');
  });

  it('starts CSV with a byte-order mark when asked', async () => {
    const out = outDir();
    expect(await runQuery({ out, person: '乌云', format: 'csv', bom: true })).toBe(0);
    expect(output.stdout.startsWith('\uFEFFitem_id,')).toBe(true);
  });

  it('counts matching items by month, section, person or organisation', async () => {
    const out = outDir();
    expect(await runQuery({ out, format: 'jsonl', count: 'month' })).toBe(0);
    expect(output.stdout.trimEnd().split('\n').map((l) => JSON.parse(l))).toEqual([
      { key: '2019-12', items: 1 },
      { key: '2020-05', items: 3 },
      { key: '2021-02', items: 1 },
      { key: '2021-03', items: 1 },
    ]);
    output.stdout = '';
    expect(await runQuery({ out, format: 'csv', count: 'person', publisher: '示例市' })).toBe(0);
    expect(output.stdout.split('\r\n').slice(0, 2)).toEqual(['key,publisher,items', '刘晓东,示例市政协,3']);
    expect(await runQuery({ out, count: 'week' })).toBe(2);
  });

  it('selects items by publisher, as written or by its body', async () => {
    const out = outDir();
    expect(await runQuery({ out, format: 'jsonl', publisher: '示例市政协' })).toBe(0);
    expect(jsonl()).toHaveLength(6);
    output.stdout = '';
    expect(await runQuery({ out, format: 'jsonl', publisher: '别的市' })).toBe(0);
    expect(output.stdout).toBe('');
  });
});

describe('bulletin show', () => {
  it('shows an item with the body each organisation stands for, a record, and an issue', async () => {
    const out = outDir();
    expect(await runShow('c2020#2', { out })).toBe(0);
    expect(output.stdout).toContain('item       c2020#2');
    expect(output.stdout).toContain('市政协 → 示例市政协');
    output.stdout = '';
    expect(await runShow('c2021', { out })).toBe(0);
    expect(output.stdout).toContain('record     c2021');
    expect(output.stdout).toContain('c2021#2');
    output.stdout = '';
    expect(await runShow('示例市政协办公室-2019-1', { out, format: 'json' })).toBe(0);
    expect(JSON.parse(output.stdout)).toMatchObject({ id: '示例市政协办公室-2019-1', renditions: [{ recordId: 'c2019', preferred: true }] });
  });

  it('exits 1 for an unknown id', async () => {
    expect(await runShow('nope#1', { out: outDir() })).toBe(1);
    expect(output.stderr).toContain('no item, record or issue');
  });
});

/** items.jsonl: written by a run from staged and previous lines, always as a rebuild from the records would be. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ITEMS_FILE, ItemsStaging, rebuildItems, writeItems, type ItemsRecord } from '../../src/batch/items.js';
import type { BulletinRecord } from '../../src/record/schema.js';
import { makeOutDir, makeRecord, sampleRecords, writeRecords } from '../query/sample-records.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function outDirWith(records: BulletinRecord[] = sampleRecords()): string {
  const dir = makeOutDir(records);
  dirs.push(dir);
  return dir;
}

const entry = (record: BulletinRecord, changed = false): ItemsRecord => ({ id: record.id, file: `bulletins/${record.id}.json`, items: record.items.length, changed });
const items = (outDir: string) => fs.readFileSync(path.join(outDir, ITEMS_FILE), 'utf8');

/** What rebuildItems makes of the same record files (written aside, then put back). */
async function rebuilt(outDir: string, records: ItemsRecord[]): Promise<string> {
  const target = path.join(outDir, ITEMS_FILE);
  const kept = fs.existsSync(target) ? fs.readFileSync(target) : null;
  await rebuildItems(outDir, records);
  const text = items(outDir);
  if (kept) fs.writeFileSync(target, kept);
  return text;
}

/** Makes the previous items.jsonl count as written after every record file. */
function markItemsNewer(outDir: string): void {
  const later = new Date(Date.now() + 60_000);
  fs.utimesSync(path.join(outDir, ITEMS_FILE), later, later);
}

const edited = (record: BulletinRecord, text: string): BulletinRecord => ({ ...record, items: record.items.map((item) => ({ ...item, text })) });

describe('writeItems', () => {
  it('writes the bytes rebuildItems writes after records were changed, removed and added', async () => {
    const [c2020, c2021, c2019] = sampleRecords();
    const outDir = outDirWith([c2019, c2020, c2021]);
    await rebuildItems(outDir, [c2019, c2020, c2021].map((r) => entry(r)));
    const changed = edited(c2021, '改过的条目。');
    const fresh = makeRecord('c2018', '2018-01-01', [{ section: null, text: '新的记录。' }]);
    writeRecords(outDir, [changed, fresh]);
    fs.rmSync(path.join(outDir, 'bulletins', 'c2019.json'));
    const staging = new ItemsStaging(outDir);
    staging.add(changed);
    staging.add(fresh);
    const live = [entry(c2020), entry(changed, true), entry(fresh, true)];
    const lines = await writeItems(outDir, live, { staged: staging, reusePrevious: true });
    staging.discard();
    expect(items(outDir)).toBe(await rebuilt(outDir, live));
    expect(lines).toBe(c2020.items.length + changed.items.length + 1);
    expect(items(outDir)).toContain('改过的条目');
    expect(fs.readdirSync(outDir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('takes an unchanged record’s lines from the previous items.jsonl without reading its file', async () => {
    const records = sampleRecords();
    const outDir = outDirWith(records);
    await rebuildItems(outDir, records.map((r) => entry(r)));
    const before = items(outDir);
    markItemsNewer(outDir);
    // Were the file read, this would fail; its lines come from the previous items.jsonl instead.
    fs.writeFileSync(path.join(outDir, 'bulletins', 'c2019.json'), '{ not json');
    await writeItems(outDir, records.map((r) => entry(r)), { reusePrevious: true });
    expect(items(outDir)).toBe(before);
  });

  it('reads a record again when its file changed after items.jsonl was written', async () => {
    const records = sampleRecords();
    const outDir = outDirWith(records);
    await rebuildItems(outDir, records.map((r) => entry(r)));
    await new Promise((resolve) => setTimeout(resolve, 30));
    writeRecords(outDir, [edited(records[2], '手工改过。')]); // same id and item count
    await writeItems(outDir, records.map((r) => entry(r)), { reusePrevious: true });
    expect(items(outDir)).toContain('手工改过');
    expect(items(outDir)).toBe(await rebuilt(outDir, records.map((r) => entry(r))));
  });

  it('reads the records whose previous lines are missing, out of order, unreadable or cut short', async () => {
    const records = [...sampleRecords(), makeRecord('c2022', '2022-01-04', [{ section: null, text: '最后一条。' }])];
    const outDir = outDirWith(records);
    const live = records.map((r) => entry(r));
    await rebuildItems(outDir, live);
    const lines = items(outDir).trimEnd().split('\n');
    // c2019: one of two lines gone; c2020: lines swapped with c2021's; a stray line; c2022: no newline.
    const byRecord = (id: string) => lines.filter((l) => l.startsWith(`{"recordId":"${id}"`));
    const damaged = [byRecord('c2019')[0], 'garbage', ...byRecord('c2021'), ...byRecord('c2020'), byRecord('c2022')[0]].join('\n');
    fs.writeFileSync(path.join(outDir, ITEMS_FILE), damaged);
    markItemsNewer(outDir);
    await writeItems(outDir, live, { reusePrevious: true });
    expect(items(outDir)).toBe(await rebuilt(outDir, live));
  });

  it('never takes the previous lines of a record written this run: staged lines, or else its file', async () => {
    const records = sampleRecords();
    const outDir = outDirWith(records);
    await rebuildItems(outDir, records.map((r) => entry(r)));
    markItemsNewer(outDir);
    const staged = edited(records[0], '暂存的版本。');
    const unstaged = edited(records[1], '文件里的版本。');
    writeRecords(outDir, [staged, unstaged]);
    const staging = new ItemsStaging(outDir);
    staging.add(edited(records[0], '被替换的版本。'));
    staging.add(staged); // the later one counts
    staging.add(unstaged);
    staging.drop(unstaged.id); // renamed away, say: read from the file
    const live = [entry(staged, true), entry(unstaged, true), entry(records[2])];
    await writeItems(outDir, live, { staged: staging, reusePrevious: true });
    staging.discard();
    expect(items(outDir)).toBe(await rebuilt(outDir, live));
    expect(items(outDir)).not.toContain('被替换的版本');
    expect(fs.existsSync(staging.file)).toBe(false);
  });

  it('ignores the previous items.jsonl when told to (another tool version wrote it)', async () => {
    const records = sampleRecords();
    const outDir = outDirWith(records);
    const live = records.map((r) => entry(r));
    await rebuildItems(outDir, live);
    fs.writeFileSync(path.join(outDir, ITEMS_FILE), items(outDir).replaceAll('"section"', '"sectionTitle"'));
    markItemsNewer(outDir);
    await writeItems(outDir, live, { reusePrevious: false });
    expect(items(outDir)).toBe(await rebuilt(outDir, live));
  });
});

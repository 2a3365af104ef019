/** The batch around ingestFile, with a fake worker standing in for the pipeline. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import type { Manifest } from '../../src/batch/manifest.js';
import { runBatch, type BatchOptions } from '../../src/batch/run.js';
import { suffixedId } from '../../src/batch/ids.js';
import { indexLooksStale, indexPath } from '../../src/store/index-db.js';
import { indexContent, leftovers, rebuiltFromRecords } from './helpers/oracle.js';
import { FAKE_WORKER, fakeBulletin, makeTempDir, snapshot, writeTree } from './helpers/tree.js';

let root: string;
beforeEach(() => {
  root = makeTempDir();
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const run = (overrides: Partial<BatchOptions> = {}) =>
  runBatch({ inputs: ['in'], outDir: 'out', config: parseConfig({}), concurrency: 2, cwd: root, workerUrl: FAKE_WORKER, ...overrides });
const manifest = (): Manifest => JSON.parse(fs.readFileSync(path.join(root, 'out/manifest.json'), 'utf8'));
const readOut = (rel: string) => fs.readFileSync(path.join(root, 'out', rel), 'utf8');
const outFiles = (dir = 'bulletins') => fs.readdirSync(path.join(root, 'out', dir)).sort();

/** items.jsonl and the index hold what a rebuild from the record files gives, and nothing is left over. */
async function expectInStep(): Promise<void> {
  const out = path.join(root, 'out');
  const expected = await rebuiltFromRecords(out);
  expect(readOut('items.jsonl')).toBe(expected.items);
  expect(indexContent(out)).toEqual(expected.index);
  expect(leftovers(out)).toEqual([]);
  expect(indexLooksStale(out)).toBe(false);
}

describe('runBatch', () => {
  it('after an interruption lists unstarted files as interrupted, keeps what was done, and does the rest on the next run', async () => {
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1), 'in/b.txt': fakeBulletin('P', 2020, 2) });
    const stopped = new AbortController();
    stopped.abort();
    const first = await run({ signal: stopped.signal });
    expect(first).toMatchObject({ files: 2, ok: 0, failed: 2 });
    expect(manifest().files.map((f) => [f.path, f.status, f.error?.code])).toEqual([
      ['in/a.txt', 'failed', 'interrupted'],
      ['in/b.txt', 'failed', 'interrupted'],
    ]);
    const second = await run();
    expect(second).toMatchObject({ files: 2, ok: 2, failed: 0 });
  });

  it('writes one record per readable file and a manifest listing every file once, sorted by path', async () => {
    writeTree(root, { 'in/b.txt': fakeBulletin('P', 2020, 2), 'in/a.txt': fakeBulletin('P', 2020, 1, 3), 'in/empty.txt': '' });
    const summary = await run();
    expect(summary).toMatchObject({ files: 3, ok: 2, skipped: 0, failed: 1 });
    const m = manifest();
    expect(m.tool.name).toBe('bulletin-ingest');
    expect(m.totals).toEqual({ files: 3, ok: 2, failed: 1 });
    expect(m.files.map((f) => [f.path, f.status, f.record, f.error?.code ?? null])).toEqual([
      ['in/a.txt', 'ok', 'bulletins/a-txt.json', null],
      ['in/b.txt', 'ok', 'bulletins/b-txt.json', null],
      ['in/empty.txt', 'failed', null, 'empty-file'],
    ]);
    expect(m.files[0]).toMatchObject({ format: 'txt', messages: 1, items: 3, issueGroup: null, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(outFiles()).toEqual(['a-txt.json', 'b-txt.json']);
    expect(JSON.parse(readOut('bulletins/a-txt.json')).items.map((i: { id: string }) => i.id)).toEqual(['a-txt#1', 'a-txt#2', 'a-txt#3']);
    expect(JSON.parse(readOut('schema/record.schema.json'))).toHaveProperty('properties.items');
  });

  it('writes items.jsonl with one line per item, ordered by record id then item order', async () => {
    writeTree(root, { 'in/b.txt': fakeBulletin('P', 2020, 2, 1), 'in/a.txt': fakeBulletin('P', 2020, 1, 2) });
    await run();
    const lines = readOut('items.jsonl').trim().split('\n').map((l) => JSON.parse(l));
    expect(lines.map((l) => l.id)).toEqual(['a-txt#1', 'a-txt#2', 'b-txt#1']);
    expect(Object.keys(lines[0]).slice(0, 6)).toEqual(['recordId', 'issueId', 'issueDate', 'source', 'section', 'id']);
    expect(lines[0]).toMatchObject({ recordId: 'a-txt', source: 'in/a.txt' });
  });

  it('skips unchanged files on a re-run without starting a worker, and gives byte-identical output', async () => {
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1), 'in/sub/b.txt': fakeBulletin('P', 2020, 2) });
    await run();
    const before = { manifest: readOut('manifest.json'), items: readOut('items.jsonl'), a: readOut('bulletins/a-txt.json') };
    const again = await run();
    expect(again).toMatchObject({ files: 2, ok: 0, skipped: 2, failed: 0, workers: 0 });
    // The manifest describes the archive, not the run: the first unchanged re-run leaves it byte for byte.
    expect(readOut('manifest.json')).toBe(before.manifest);
    expect(manifest().totals).toEqual({ files: 2, ok: 2, failed: 0 });
    await run({ force: true });
    expect(readOut('manifest.json')).toBe(before.manifest);
    expect(readOut('items.jsonl')).toBe(before.items);
    expect(readOut('bulletins/a-txt.json')).toBe(before.a);
  });

  it('redoes a file whose content changed, or whose record file was deleted, and everything with force', async () => {
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1), 'in/b.txt': fakeBulletin('P', 2020, 2), 'in/c.txt': fakeBulletin('P', 2020, 3) });
    await run();
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1, 5) });
    fs.rmSync(path.join(root, 'out/bulletins/b-txt.json'));
    const second = await run();
    expect(second.entries.map((e) => [e.path, e.status])).toEqual([
      ['in/a.txt', 'ok'],
      ['in/b.txt', 'ok'],
      ['in/c.txt', 'skipped'],
    ]);
    expect(second).toMatchObject({ workers: 1, entityWorkers: 1 }); // --concurrency 2: one thread per stage
    const forced = await run({ force: true });
    expect(forced).toMatchObject({ ok: 3, skipped: 0 });
  });

  it('redoes everything when the config changes, but not when only the output or worker settings do', async () => {
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1) });
    await run();
    expect(await run({ config: parseConfig({ concurrency: 7, limits: { timeoutMs: 5000 } }) })).toMatchObject({ skipped: 1 });
    expect(await run({ config: parseConfig({ markers: { items: ['●'] } }) })).toMatchObject({ ok: 1, skipped: 0 });
  });

  it('removes the records of files that disappeared, so OUT stays in step with the inputs', async () => {
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1), 'in/b.txt': fakeBulletin('P', 2020, 2) });
    await run();
    fs.rmSync(path.join(root, 'in/b.txt'));
    const summary = await run();
    expect(summary.removed).toEqual(['in/b.txt']);
    expect(manifest().files.map((f) => f.path)).toEqual(['in/a.txt']);
    expect(outFiles()).toEqual(['a-txt.json']);
    expect(readOut('items.jsonl')).not.toContain('b-txt');
  });

  it('keeps earlier entries outside this run’s inputs when their files still exist', async () => {
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1), 'more/b.txt': fakeBulletin('P', 2020, 2) });
    await run({ inputs: ['in', 'more'] });
    const summary = await run({ inputs: ['more'] });
    expect(summary).toMatchObject({ files: 1, skipped: 1, kept: 1, removed: [] });
    expect(manifest().files.map((f) => f.path)).toEqual(['in/a.txt', 'more/b.txt']);
    expect(outFiles()).toEqual(['a-txt.json', 'b-txt.json']);
  });

  it('gives files that would share an id distinct, path-derived ids, and renames a skipped record when a twin arrives', async () => {
    writeTree(root, { 'in/x/report.txt': fakeBulletin('P', 2020, 1) });
    await run();
    expect(outFiles()).toEqual(['report-txt.json']);
    writeTree(root, { 'in/y/report.txt': fakeBulletin('Q', 2021, 4) });
    const summary = await run();
    const idX = suffixedId('report-txt', 'in/x/report.txt');
    const idY = suffixedId('report-txt', 'in/y/report.txt');
    expect(summary.entries.map((e) => [e.path, e.status, e.id])).toEqual([
      ['in/x/report.txt', 'skipped', idX],
      ['in/y/report.txt', 'ok', idY],
    ]);
    expect(outFiles()).toEqual([`${idX}.json`, `${idY}.json`].sort());
    const recordX = JSON.parse(readOut(`bulletins/${idX}.json`));
    expect(recordX.id).toBe(idX);
    expect(recordX.items[0].id).toBe(`${idX}#1`);
    // Once the twin is gone, the first file gets its plain id back: output depends only on the files.
    fs.rmSync(path.join(root, 'in/y'), { recursive: true });
    await run();
    expect(outFiles()).toEqual(['report-txt.json']);
    expect(JSON.parse(readOut('bulletins/report-txt.json')).items[0].id).toBe('report-txt#1');
  });

  it('marks files holding the same issue, and still writes a record for each', async () => {
    const same = fakeBulletin('包头市政协办公室', 2020, 18);
    writeTree(root, { 'in/a.txt': same, 'in/copy/a.txt': same, 'in/b.txt': `${fakeBulletin('包头市政协办公室', 2020, 18)}\nother layout\n`, 'in/c.txt': fakeBulletin('包头市政协办公室', 2020, 19) });
    await run();
    const byPath = Object.fromEntries(manifest().files.map((f) => [f.path, f]));
    // One group, named by its first path; a file alone with its issue has none.
    expect(['in/a.txt', 'in/b.txt', 'in/copy/a.txt'].map((p) => byPath[p].issueGroup)).toEqual(['in/a.txt', 'in/a.txt', 'in/a.txt']);
    expect(byPath['in/c.txt'].issueGroup).toBeNull();
    expect(new Set(manifest().files.map((f) => f.id)).size).toBe(4);
  });

  it('fails hung files with `timeout` and keeps going, writing nothing into the input tree', async () => {
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1), 'in/hang.txt': 'x', 'in/crash.txt': 'x' });
    const before = snapshot(path.join(root, 'in'));
    const summary = await run({ config: parseConfig({ limits: { timeoutMs: 1000 } }) });
    expect(summary.entries.map((e) => [e.path, e.status, e.error?.code ?? null])).toEqual([
      ['in/a.txt', 'ok', null],
      ['in/crash.txt', 'failed', 'internal-error'],
      ['in/hang.txt', 'failed', 'timeout'],
    ]);
    expect(snapshot(path.join(root, 'in'))).toEqual(before);
    expect(fs.readdirSync(path.join(root, 'out')).sort()).toEqual(['.bulletin-ingest', 'bulletins', 'index.sqlite', 'items.jsonl', 'manifest.json', 'schema'].filter((f) => f !== 'index.sqlite' || fs.existsSync(path.join(root, 'out', f))));
  });

  it('does not redo a file that failed for a lasting reason until it changes, but retries a timeout', async () => {
    writeTree(root, { 'in/empty.txt': '', 'in/hang.txt': 'x' });
    const config = parseConfig({ limits: { timeoutMs: 1000 } });
    await run({ config });
    const again = await run({ config });
    expect(again.entries.map((e) => [e.path, e.status, e.error?.code])).toEqual([
      ['in/empty.txt', 'failed', 'empty-file'],
      ['in/hang.txt', 'failed', 'timeout'],
    ]);
    expect(again).toMatchObject({ workers: 1, entityWorkers: 1 }); // only the timed-out file went to the workers
  });

  it('reads nothing from and writes nothing but its own output into OUT when OUT lies inside the input folder', async () => {
    writeTree(root, { 'archive/a.txt': fakeBulletin('P', 2020, 1) });
    await run({ inputs: ['archive'], outDir: 'archive/out' });
    const summary = await run({ inputs: ['archive'], outDir: 'archive/out' });
    expect(summary).toMatchObject({ files: 1, skipped: 1 });
    expect(JSON.parse(fs.readFileSync(path.join(root, 'archive/out/manifest.json'), 'utf8')).files.map((f: { path: string }) => f.path)).toEqual(['archive/a.txt']);
  });
  it('keeps items.jsonl and the index in step with the records over re-runs that change, remove and rename records', async () => {
    writeTree(root, {
      'in/a.txt': fakeBulletin('P', 2020, 1, 3), 'in/b.txt': fakeBulletin('P', 2020, 2), 'in/c.txt': fakeBulletin('P', 2020, 3, 1),
      'in/x/report.txt': fakeBulletin('P', 2020, 4),
    });
    expect((await run()).index).toEqual({ status: 'updated' });
    await expectInStep();

    // a changes, b goes, d arrives, and a twin of x/report.txt renames x's record.
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1, 5), 'in/d.txt': fakeBulletin('P', 2020, 5, 2), 'in/y/report.txt': fakeBulletin('Q', 2021, 4, 3) });
    fs.rmSync(path.join(root, 'in/b.txt'));
    const second = await run();
    expect(second).toMatchObject({ ok: 3, skipped: 2, removed: ['in/b.txt'], index: { status: 'updated' } });
    expect(outFiles()).toEqual(['a-txt.json', 'c-txt.json', 'd-txt.json', `${suffixedId('report-txt', 'in/x/report.txt')}.json`, `${suffixedId('report-txt', 'in/y/report.txt')}.json`].sort());
    await expectInStep();

    // Unchanged, then the twin gone again (x's record gets its plain id back), then forced.
    await run();
    await expectInStep();
    fs.rmSync(path.join(root, 'in/y'), { recursive: true });
    await run();
    expect(outFiles()).toEqual(['a-txt.json', 'c-txt.json', 'd-txt.json', 'report-txt.json']);
    await expectInStep();
    await run({ force: true });
    await expectInStep();

    // A lost index or items.jsonl comes back with the next run.
    fs.rmSync(indexPath(path.join(root, 'out')));
    fs.rmSync(path.join(root, 'out/items.jsonl'));
    writeTree(root, { 'in/c.txt': fakeBulletin('P', 2020, 3, 2) });
    await run();
    await expectInStep();
  });

  it('after an interruption mid-run, items.jsonl and the index list exactly the records written, and the next run adds the rest', async () => {
    // slow… files take the fake extraction 100 ms, so most are still waiting for it when the run stops
    writeTree(root, Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`in/slow-f${i}.txt`, fakeBulletin('P', 2020, i + 1, i + 1)])));
    await run({ concurrency: 1 });
    writeTree(root, Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`in/slow-f${i}.txt`, fakeBulletin('P', 2021, i + 1, 8 - i)])));
    const stopped = new AbortController();
    const first = await run({ concurrency: 1, signal: stopped.signal, onProgress: (p) => p.done >= 1 && stopped.abort() });
    expect(first.ok).toBeGreaterThan(0);
    expect(first.entries.filter((e) => e.error?.code === 'interrupted').length).toBeGreaterThan(0);
    await expectInStep();
    const second = await run({ concurrency: 1 });
    expect(second).toMatchObject({ failed: 0, ok: first.failed });
    await expectInStep();
  });

  it('after a run that died, the index still lists only records on disk and reads as stale, and the next run cleans up and brings OUT in step', async () => {
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1), 'in/b.txt': fakeBulletin('P', 2020, 2) });
    await run();
    await new Promise((resolve) => setTimeout(resolve, 20));
    // The run that died: a.txt had changed and its new record was written (temp file + rename), along
    // with its scratch files in OUT; it never got to items.jsonl, the index or the manifest.
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1, 4) });
    const out = path.join(root, 'out');
    const record = JSON.parse(readOut('bulletins/a-txt.json'));
    fs.writeFileSync(path.join(out, 'bulletins/.a-txt.json.tmp'), JSON.stringify({ ...record, items: record.items.map((i: object) => ({ ...i, text: 'half done' })) }));
    fs.renameSync(path.join(out, 'bulletins/.a-txt.json.tmp'), path.join(out, 'bulletins/a-txt.json'));
    const dead = 99_999_999; // above any pid_max: no such process
    for (const name of [`.index.sqlite.${dead}.0123abcd.staging.tmp`, `.items.jsonl.${dead}.0123abcd.staging.tmp`, `.manifest.json.${dead}.0123abcd.tmp`]) {
      fs.writeFileSync(path.join(out, name), 'scratch');
    }
    expect(indexLooksStale(out)).toBe(true);
    expect(indexContent(out).records.map((r) => (r as { id: string }).id).every((id) => fs.existsSync(path.join(out, 'bulletins', `${id}.json`)))).toBe(true);

    const next = await run();
    expect(next).toMatchObject({ ok: 1, skipped: 1 });
    expect(readOut('items.jsonl')).not.toContain('half done');
    await expectInStep();
  });
});

/**
 * Progress survives a kill -9: each finished file is journalled as its record is written, and the
 * next run folds the journal in, redoing only what was in flight.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { configHash } from '../../src/batch/hash.js';
import { JOURNAL_FILE } from '../../src/batch/journal.js';
import { LOCK_FILE } from '../../src/batch/lock.js';
import { runBatch } from '../../src/batch/run.js';
import { indexLooksStale } from '../../src/store/index-db.js';
import { journalLines, startIngest, waitFor } from './helpers/child.js';
import { indexContent, leftovers, rebuiltFromRecords } from './helpers/oracle.js';
import { FAKE_WORKER, fakeBulletin, makeTempDir, writeTree } from './helpers/tree.js';

let root: string;
beforeEach(() => {
  root = makeTempDir('bulletin-journal-');
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const FILES = 24;
const run = (out: string) => runBatch({ inputs: ['in'], outDir: out, config: parseConfig({}), concurrency: 2, cwd: root, workerUrl: FAKE_WORKER });
const read = (rel: string) => fs.readFileSync(path.join(root, rel), 'utf8');

describe('the journal', () => {
  it('lets the run after a kill -9 at ~90 % redo only the files that were in flight, and end byte-identical to an uninterrupted run', async () => {
    const tree: Record<string, string> = {};
    for (let i = 0; i < FILES; i++) tree[`in/slow-100ms-${String(i).padStart(2, '0')}.txt`] = fakeBulletin('P', 2020, i + 1, 1 + (i % 3));
    writeTree(root, tree);
    const journal = path.join(root, 'out', JOURNAL_FILE);

    const killed = startIngest(root, 'out', ['in']);
    await waitFor(() => journalLines(journal) >= FILES - 3, 'the run to journal 90 % of its files');
    killed.child.kill('SIGKILL');
    expect((await killed.exited).signal).toBe('SIGKILL');
    expect(fs.existsSync(path.join(root, 'out/manifest.json'))).toBe(false);
    expect(fs.existsSync(path.join(root, 'out', LOCK_FILE))).toBe(true); // left by the dead run
    const journalled = journalLines(journal);
    expect(journalled).toBeGreaterThanOrEqual(FILES - 3);
    expect(journalled).toBeLessThan(FILES);

    const rerun = await run('out');
    expect(rerun).toMatchObject({ files: FILES, ok: FILES - journalled, skipped: journalled, failed: 0 });
    expect(fs.existsSync(journal)).toBe(false);

    // Manifest, items.jsonl and index equal those of a run never killed.
    await run('clean');
    expect(read('out/manifest.json')).toBe(read('clean/manifest.json'));
    expect(read('out/items.jsonl')).toBe(read('clean/items.jsonl'));
    const out = path.join(root, 'out');
    expect(indexContent(out)).toEqual((await rebuiltFromRecords(out)).index);
    expect(indexLooksStale(out)).toBe(false);
    expect(leftovers(out)).toEqual([]);
  });

  it('ignores a last line cut short by the kill, and a journal made with other settings', async () => {
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1), 'in/b.txt': fakeBulletin('P', 2020, 2) });
    await run('out');
    const manifest = JSON.parse(read('out/manifest.json'));
    const journal = path.join(root, 'out', JOURNAL_FILE);
    const header = { journal: 1, tool: manifest.tool, configHash: manifest.configHash };
    fs.rmSync(path.join(root, 'out/manifest.json'));
    fs.writeFileSync(journal, `${JSON.stringify(header)}\n${JSON.stringify(manifest.files[0])}\n${JSON.stringify(manifest.files[1]).slice(0, 40)}`);
    expect(await run('out')).toMatchObject({ ok: 1, skipped: 1 });

    fs.rmSync(path.join(root, 'out/manifest.json'));
    fs.writeFileSync(journal, `${JSON.stringify({ ...header, configHash: 'other' })}\n${JSON.stringify(manifest.files[0])}\n`);
    expect(await run('out')).toMatchObject({ ok: 2, skipped: 0 });
    expect(fs.existsSync(journal)).toBe(false);
  });
});

describe('the journal after a change of settings', () => {
  it('redoes files the manifest holds from older settings, keeping the journal of the run killed under the new ones', async () => {
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1), 'in/b.txt': fakeBulletin('P', 2020, 2) });
    await run('out');
    const manifest = JSON.parse(read('out/manifest.json'));
    const newConfig = parseConfig({ markers: { items: ['●'] } });
    // The run under the new config did a.txt, then was killed.
    const journalled = { ...manifest.files[0] };
    const header = { journal: 1, tool: manifest.tool, configHash: configHash(newConfig) };
    fs.writeFileSync(path.join(root, 'out', JOURNAL_FILE), `${JSON.stringify(header)}\n${JSON.stringify(journalled)}\n`);
    const next = await runBatch({ inputs: ['in'], outDir: 'out', config: newConfig, concurrency: 2, cwd: root, workerUrl: FAKE_WORKER });
    expect(next.entries.map((e) => [e.path, e.status])).toEqual([
      ['in/a.txt', 'skipped'],
      ['in/b.txt', 'ok'],
    ]);
  });
});

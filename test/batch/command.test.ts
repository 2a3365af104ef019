import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { perFileLines, runIngest, summaryJson, summaryLines } from '../../src/batch/command.js';
import path from 'node:path';
import { JOURNAL_FILE } from '../../src/batch/journal.js';
import { LOCK_FILE } from '../../src/batch/lock.js';
import type { Manifest, ManifestEntry } from '../../src/batch/manifest.js';
import { journalLines, runIngestSync, startIngest, waitFor } from './helpers/child.js';
import type { BatchSummary } from '../../src/batch/run.js';
import { makeTempDir, writeTree } from './helpers/tree.js';

const entry = (over: Partial<ManifestEntry>): ManifestEntry => ({
  path: 'in/a.txt', status: 'ok', format: 'txt', sha256: 'f'.repeat(64), record: 'bulletins/a-txt.json', messages: 2, error: null,
  issueGroup: null, bytes: 10, id: 'a-txt', baseId: 'a-txt', items: 5, issue: null, ...over,
});

const summary: BatchSummary = {
  outDir: '/tmp/out', files: 3, ok: 1, skipped: 1, failed: 1, removed: ['in/gone.txt'], ignored: ['in/.x'], kept: 0, linksOut: [], repaired: [], outError: null,
  entries: [
    entry({}),
    entry({ path: 'in/b.txt', status: 'skipped', record: 'bulletins/b-txt.json', items: 1, messages: 1 }),
    entry({ path: 'in/c.pdf', status: 'failed', format: null, record: null, error: { code: 'encrypted', message: 'The PDF is encrypted.' } }),
  ],
  seconds: 2, timings: { scan: 0.1, process: 1.5, finish: 0.4 }, workers: 2, entityWorkers: 1, busy: { extraction: 2.8, entity: 0.9 }, index: { status: 'updated' },
};

describe('ingest output', () => {
  it('prints one line per file: where its record went, or why it failed', () => {
    expect(perFileLines(summary)).toEqual([
      'ok  in/a.txt  → bulletins/a-txt.json  (5 items, 2 messages)',
      'skip  in/b.txt  → bulletins/b-txt.json  (unchanged)',
      'FAIL  in/c.pdf  encrypted: The PDF is encrypted.',
    ]);
  });

  it('sums up counts, time and rate, then one short line per failed file', () => {
    const lines = summaryLines(summary, 'out');
    expect(lines[0]).toBe('3 files: 1 ok, 1 skipped, 1 failed in 0:02 (2.00 s, 1.5 files/s) → out');
    expect(lines).toContain('1 file gone since the last run: records removed');
    expect(lines.at(-1)).toBe('failed  in/c.pdf  encrypted');
  });

  it("says how the time was spent, and how busy each stage's workers were", () => {
    expect(summaryLines(summary, 'out')[1]).toBe(
      'time: 0.10 s finding and hashing, 1.50 s in 2 extraction workers and 1 entity worker (busy 2.80 s and 0.90 s), 0.40 s finishing manifest, items.jsonl and index',
    );
    expect(summaryJson(summary)).toMatchObject({ workers: 2, entityWorkers: 1, busySeconds: { extraction: 2.8, entity: 0.9 } });
  });

  it('gives the summary as JSON with every failure and its code', () => {
    expect(summaryJson(summary)).toMatchObject({
      files: 3, ok: 1, skipped: 1, failed: 1, filesPerSecond: 1.5,
      failures: [{ path: 'in/c.pdf', code: 'encrypted', message: 'The PDF is encrypted.' }],
      failuresNotListed: 0,
    });
  });

  it('says how many failed files a large run left unlisted (its summary holds only the first ones)', () => {
    const failed = (i: number) => entry({ path: `in/f${i}.pdf`, status: 'failed', error: { code: 'encrypted', message: 'x' } });
    const large: BatchSummary = { ...summary, files: 5000, ok: 3500, skipped: 0, failed: 1500, entries: Array.from({ length: 1000 }, (_, i) => failed(i)) };
    expect(summaryLines(large, 'out').at(-1)).toBe('… and 500 more failed: see manifest.json');
    expect(summaryJson(large)).toMatchObject({ failed: 1500, failuresNotListed: 500 });
  });
});

describe('runIngest', () => {
  let root: string;
  beforeAll(() => {
    root = makeTempDir();
    writeTree(root, { 'broken.config.ts': 'export default { outDir: "" };\n', 'in/a.txt': 'x' });
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const capture = () => {
    const out = { stdout: '', stderr: '' };
    return { out, io: { stdout: (t: string) => (out.stdout += t), stderr: (t: string) => (out.stderr += t), isTTY: false, cwd: root } };
  };

  it('returns 2 and writes nothing when an input is missing', async () => {
    const { out, io } = capture();
    expect(await runIngest(['in', 'nope'], { out: 'out' }, io)).toBe(2);
    expect(out.stderr).toContain('No such file or folder: nope');
    expect(fs.existsSync(`${root}/out`)).toBe(false);
  });

  it('returns 2 with the config problem when the config is invalid', async () => {
    const { out, io } = capture();
    expect(await runIngest(['in'], { config: 'broken.config.ts' }, io)).toBe(2);
    expect(out.stderr).toContain('outDir');
  });
});

describe('runIngest under SIGTERM', () => {
  it('finishes the files in progress, writes the manifest and exits 143, like Ctrl-C; the next run does the rest', async () => {
    const root = makeTempDir('bulletin-sigterm-');
    try {
      const tree: Record<string, string> = {};
      for (let i = 0; i < 12; i++) tree[`in/slow-150ms-${String(i).padStart(2, '0')}.txt`] = `publisher: P\nyear: 2020\nissue: ${i + 1}\nitems: 1\n`;
      writeTree(root, tree);
      const run = startIngest(root, 'out', ['in']);
      await waitFor(() => journalLines(path.join(root, 'out', JOURNAL_FILE)) >= 2, 'two files to be done');
      run.child.kill('SIGTERM');
      const ended = await run.exited;
      expect(ended.status).toBe(143);
      expect(ended.stderr).toContain('bulletin ingest: terminated; finishing the files in progress and writing the manifest');
      const manifest = JSON.parse(fs.readFileSync(path.join(root, 'out/manifest.json'), 'utf8')) as Manifest;
      const codes = manifest.files.map((f) => f.error?.code ?? f.status);
      expect(codes.filter((c) => c === 'ok').length).toBeGreaterThanOrEqual(2);
      expect(codes.filter((c) => c === 'interrupted').length).toBeGreaterThan(0);
      expect(new Set(codes)).toEqual(new Set(['ok', 'interrupted']));
      expect(fs.readdirSync(path.join(root, 'out')).filter((n) => n.endsWith('.tmp') || n === LOCK_FILE || n === JOURNAL_FILE)).toEqual([]);
      const again = runIngestSync(root, 'out', ['in']);
      expect(again.status).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({ files: 12, failed: 0, skipped: codes.filter((c) => c === 'ok').length });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

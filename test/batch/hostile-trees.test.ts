/**
 * Input trees as users' archives really are: one folder named three ways, links leading out of it,
 * GBK file names from Windows zips, folders that cannot be read or lie beyond PATH_MAX, and damage
 * in OUT itself. Each through a real batch (fake pipeline).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config.js';
import type { Manifest } from '../../src/batch/manifest.js';
import { runBatch, type BatchOptions } from '../../src/batch/run.js';
import { indexPath } from '../../src/store/index-db.js';
import { indexContent, leftovers, rebuiltFromRecords } from './helpers/oracle.js';
import { FAKE_WORKER, fakeBulletin, makeTempDir, writeTree } from './helpers/tree.js';

let root: string;
beforeEach(() => {
  root = makeTempDir('bulletin-hostile-');
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(root, { recursive: true, force: true });
});

const run = (overrides: Partial<BatchOptions> = {}) =>
  runBatch({ inputs: ['in'], outDir: 'out', config: parseConfig({}), concurrency: 2, cwd: root, workerUrl: FAKE_WORKER, ...overrides });
const manifest = (): Manifest => JSON.parse(fs.readFileSync(path.join(root, 'out/manifest.json'), 'utf8'));
const records = () => fs.readdirSync(path.join(root, 'out/bulletins')).sort();

describe('one folder named in different ways', () => {
  it('gives one entry and one record per real file whether named `docs`, `$PWD/docs`, `./docs/` or through a link', async () => {
    writeTree(root, { 'docs/a.txt': fakeBulletin('P', 2020, 1), 'docs/sub/b.txt': fakeBulletin('P', 2020, 2) });
    fs.symlinkSync('docs', path.join(root, 'docs-link'));
    for (const input of ['docs', path.join(root, 'docs'), './docs/', 'docs-link']) {
      const summary = await run({ inputs: [input] });
      expect(summary.entries.map((e) => e.path)).toEqual(['docs/a.txt', 'docs/sub/b.txt']);
      expect(manifest().files.map((f) => f.path)).toEqual(['docs/a.txt', 'docs/sub/b.txt']);
      expect(records()).toEqual(['a-txt.json', 'b-txt.json']);
    }
    const all = await run({ inputs: ['docs', path.join(root, 'docs'), 'docs-link'] });
    expect(all).toMatchObject({ files: 2, skipped: 2 });
  });

  it('takes up the entries an older version stored under another name for the same files, without doubling them', async () => {
    writeTree(root, { 'docs/a.txt': fakeBulletin('P', 2020, 1), 'docs/b.txt': fakeBulletin('P', 2020, 2) });
    await run({ inputs: ['docs'] });
    const old = manifest();
    const absolute = { ...old, files: old.files.map((f) => ({ ...f, path: path.join(root, f.path) })) };
    fs.writeFileSync(path.join(root, 'out/manifest.json'), JSON.stringify(absolute));
    const summary = await run({ inputs: ['docs'] });
    expect(summary.kept).toBe(0);
    expect(manifest().files.map((f) => [f.path, f.id])).toEqual([
      ['docs/a.txt', 'a-txt'],
      ['docs/b.txt', 'b-txt'],
    ]);
    expect(records()).toEqual(['a-txt.json', 'b-txt.json']);
  });
});

describe('symlinks inside the input tree', () => {
  it('does not follow a link to a file outside the tree unless asked, and reads a link inside it once', async () => {
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1), 'secret/shadow.txt': fakeBulletin('S', 2020, 9) });
    fs.symlinkSync(path.join(root, 'secret/shadow.txt'), path.join(root, 'in/escape.txt'));
    fs.symlinkSync('a.txt', path.join(root, 'in/again.txt'));
    const summary = await run();
    expect(summary.linksOut).toEqual(['in/escape.txt']);
    expect(summary.entries.map((e) => e.path)).toEqual(['in/a.txt']);
    expect(fs.readFileSync(path.join(root, 'out/items.jsonl'), 'utf8')).not.toContain('secret');

    const followed = await run({ followSymlinks: true });
    expect(followed.linksOut).toEqual([]);
    expect(followed.entries.map((e) => e.path)).toEqual(['in/a.txt', 'in/escape.txt']);
  });
});

describe('file names that are not UTF-8', () => {
  it('reads GBK-named files by their bytes, names them with %XX escapes, and never merges two of them', async () => {
    fs.mkdirSync(path.join(root, 'in'));
    const gbk = (hex: string) => Buffer.concat([Buffer.from(path.join(root, 'in') + path.sep), Buffer.from(hex, 'hex'), Buffer.from('.txt')]);
    fs.writeFileSync(gbk('d6d0cec4'), fakeBulletin('P', 2020, 1)); // 中文 in GBK
    fs.writeFileSync(gbk('d3a2cec4'), fakeBulletin('P', 2020, 2)); // 英文 in GBK
    fs.writeFileSync(path.join(root, 'in/%D6%D0%CE%C4.txt'), fakeBulletin('P', 2020, 3)); // a real name spelled like an escape
    const summary = await run();
    expect(summary).toMatchObject({ files: 3, ok: 3, failed: 0 });
    const paths = manifest().files.map((f) => f.path);
    expect(paths).toHaveLength(3);
    expect(new Set(paths).size).toBe(3);
    expect(paths).toContain('in/%D3%A2%CE%C4.txt');
    // 中文 escaped and the real name spelled alike: the second gets a hash of its bytes.
    expect(paths.filter((p) => p.startsWith('in/%D6%D0%CE%C4.txt'))).toHaveLength(2);
    expect(new Set(manifest().files.map((f) => f.id)).size).toBe(3);
    expect(new Set(manifest().files.map((f) => f.sha256)).size).toBe(3);
    expect(JSON.stringify(manifest())).not.toContain('\uFFFD');
    expect(await run()).toMatchObject({ skipped: 3 });
  });
});

describe('folders that cannot be read', () => {
  it('fails the run with the folder in the manifest and keeps its earlier records, then takes them up again when readable', async () => {
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1), 'in/locked/b.txt': fakeBulletin('P', 2020, 2) });
    await run();
    expect(records()).toEqual(['a-txt.json', 'b-txt.json']);
    // chmod 000 does not stop root, whom these tests may run as: the denial is injected.
    const readdir = fs.promises.readdir.bind(fs.promises);
    const spy = vi.spyOn(fs.promises, 'readdir').mockImplementation((async (dir: fs.PathLike, options?: unknown) => {
      if (String(dir).endsWith(`${path.sep}locked`)) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return readdir(dir, options as never);
    }) as typeof fs.promises.readdir);
    const blocked = await run();
    expect(blocked.failed).toBe(1);
    expect(blocked.removed).toEqual([]);
    expect(blocked.entries.find((e) => e.path === 'in/locked/')).toMatchObject({ status: 'failed', error: { code: 'read-failed', message: expect.stringContaining('permission denied (EACCES)') } });
    expect(manifest().files.map((f) => [f.path, f.status])).toEqual([
      ['in/a.txt', 'ok'],
      ['in/locked/', 'failed'],
      ['in/locked/b.txt', 'ok'],
    ]);
    expect(records()).toEqual(['a-txt.json', 'b-txt.json']);

    spy.mockRestore();
    const readable = await run();
    expect(readable).toMatchObject({ failed: 0, skipped: 2, removed: [] });
    expect(manifest().files.map((f) => f.path)).toEqual(['in/a.txt', 'in/locked/b.txt']);
  });

  it('reports a folder deeper than PATH_MAX as an error of its own, and ingests the rest', async () => {
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1) });
    // Made step by step with relative paths (no single path to it may be given; sh's cd refuses too).
    const step = 'd'.repeat(200);
    const script = `const fs = require('fs'); process.chdir('in'); for (let i = 0; i < 25; i++) { fs.mkdirSync(${JSON.stringify(step)}); process.chdir(${JSON.stringify(step)}); } fs.writeFileSync('deep.txt', 'publisher: P');`;
    expect(spawnSync(process.execPath, ['-e', script], { cwd: root }).status).toBe(0);
    const summary = await run();
    const failed = summary.entries.filter((e) => e.status === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0].path.endsWith('/')).toBe(true);
    expect(failed[0].error).toMatchObject({ code: 'read-failed', message: expect.stringContaining('ENAMETOOLONG') });
    expect(summary.entries.find((e) => e.path === 'in/a.txt')?.status).toBe('ok');
    spawnSync('rm', ['-rf', 'in'], { cwd: root }); // fs.rmSync cannot reach below PATH_MAX

  });
});

describe('damage in OUT', () => {
  it('redoes a damaged record with a message instead of failing the run', async () => {
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1), 'in/b.txt': fakeBulletin('P', 2020, 2) });
    await run();
    fs.writeFileSync(path.join(root, 'out/bulletins/a-txt.json'), '{"schemaVersion": 1, "id": "a-t');
    const summary = await run();
    expect(summary.repaired).toEqual([{ record: 'bulletins/a-txt.json', path: 'in/a.txt', reason: expect.stringMatching(/^not valid JSON/) }]);
    expect(summary).toMatchObject({ ok: 1, skipped: 1, failed: 0 });
    expect(JSON.parse(fs.readFileSync(path.join(root, 'out/bulletins/a-txt.json'), 'utf8')).id).toBe('a-txt');
    const out = path.join(root, 'out');
    expect(indexContent(out)).toEqual((await rebuiltFromRecords(out)).index);
  });

  it('flags an index it could not update as stale in the manifest, and the next run rebuilds it', async () => {
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1), 'in/b.txt': fakeBulletin('P', 2020, 2) });
    await run();
    const db = new Database(indexPath(path.join(root, 'out')));
    db.exec('DROP TABLE people');
    db.close();
    writeTree(root, { 'in/c.txt': fakeBulletin('P', 2020, 3) });
    const failed = await run();
    expect(failed.index.status).toBe('failed');
    expect(manifest().indexStale).toBe(true);

    const repaired = await run();
    expect(repaired.index.status).toBe('updated');
    expect(manifest()).not.toHaveProperty('indexStale');
    const out = path.join(root, 'out');
    expect(indexContent(out)).toEqual((await rebuiltFromRecords(out)).index);
    expect(leftovers(out)).toEqual([]);
  });
});

describe('resource bombs', () => {
  it('keeps a too-complex verdict on an unchanged re-run instead of trying the file again', async () => {
    writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1), 'in/complex.txt': 'x' });
    const first = await run();
    expect(first.entries.find((e) => e.path === 'in/complex.txt')?.error?.code).toBe('too-complex');
    const again = await run();
    expect(again).toMatchObject({ workers: 0, failed: 1, skipped: 1 });
    writeTree(root, { 'in/complex.txt': 'changed' });
    expect(await run()).toMatchObject({ workers: 1, failed: 1 });
  });
});

describe('long names', () => {
  it('ingests a file named with 80 Han characters', async () => {
    writeTree(root, { [`in/${'关于'.repeat(40)}.txt`]: fakeBulletin('P', 2020, 1) });
    const summary = await run();
    expect(summary).toMatchObject({ ok: 1, failed: 0 });
    expect(Buffer.byteLength(records()[0])).toBeLessThan(255);
  });
});

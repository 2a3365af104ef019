/**
 * OUT that stops taking writes: a full disk part-way through (an injected ENOSPC) and a read-only
 * OUT (an injected EROFS; a real one cannot be made by root, which these tests may run as).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { JOURNAL_FILE } from '../../src/batch/journal.js';
import { LOCK_FILE } from '../../src/batch/lock.js';
import { OutError } from '../../src/batch/out-errors.js';
import { runBatch } from '../../src/batch/run.js';
import { indexContent, leftovers, rebuiltFromRecords } from './helpers/oracle.js';
import { FAKE_WORKER, fakeBulletin, makeTempDir, writeTree } from './helpers/tree.js';

let root: string;
beforeEach(() => {
  root = makeTempDir('bulletin-full-');
  const tree: Record<string, string> = {};
  for (let i = 0; i < 8; i++) tree[`in/f${i}.txt`] = fakeBulletin('P', 2020, i + 1);
  writeTree(root, tree);
});
afterEach(() => {
  vi.restoreAllMocks();
  fs.rmSync(root, { recursive: true, force: true });
});

const run = () => runBatch({ inputs: ['in'], outDir: 'out', config: parseConfig({}), concurrency: 2, cwd: root, workerUrl: FAKE_WORKER });
const fsError = (code: string) => Object.assign(new Error(`${code}: injected`), { code });
/** Every temp file anywhere in OUT. */
const tempFiles = (dir: string): string[] =>
  fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((n) => n.endsWith('.tmp') || n.includes('.tmp-'));

/** From the `after`-th file written under OUT on, writes fail with `code` after half the bytes went out. */
function failWritesAfter(after: number, code: string) {
  const open = fs.promises.open.bind(fs.promises);
  let opened = 0;
  return vi.spyOn(fs.promises, 'open').mockImplementation(async (file, flags, mode) => {
    const handle = await open(file, flags, mode);
    if (String(file).includes(`${path.sep}out${path.sep}`) && flags === 'w' && ++opened > after) {
      handle.writeFile = async (data: unknown) => {
        await fs.promises.appendFile(String(file), String(data).slice(0, 10));
        throw fsError(code);
      };
    }
    return handle;
  });
}

describe('a disk that fills up during a run', () => {
  it('stops with an error naming the cause, leaves no temp file, keeps the records written and the next run does the rest', async () => {
    const spy = failWritesAfter(3, 'ENOSPC');
    const failure = await run().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(OutError);
    expect((failure as OutError).started).toBe(true);
    expect((failure as Error).message).toMatch(/cannot write the manifest in .*out: no space left on the device \(ENOSPC\)\. The records written are kept and listed in .*journal\.jsonl/);
    const out = path.join(root, 'out');
    expect(tempFiles(out)).toEqual([]);
    const kept = fs.readdirSync(path.join(out, 'bulletins'));
    expect(kept.length).toBeGreaterThan(0);
    expect(kept.length).toBeLessThan(8);
    expect(fs.existsSync(path.join(out, LOCK_FILE))).toBe(false);

    spy.mockRestore(); // space freed
    const next = await run();
    expect(next).toMatchObject({ files: 8, ok: 8 - kept.length, skipped: kept.length, failed: 0, outError: null });
    expect(fs.existsSync(path.join(out, JOURNAL_FILE))).toBe(false);
    expect(indexContent(out)).toEqual((await rebuiltFromRecords(out)).index);
    expect(leftovers(out)).toEqual([]);
  });

  it('writes the manifest when space comes back before the end, reporting the cause and leaving the rest interrupted', async () => {
    const open = fs.promises.open.bind(fs.promises);
    let records = 0;
    vi.spyOn(fs.promises, 'open').mockImplementation(async (file, flags, mode) => {
      const handle = await open(file, flags, mode);
      if (String(file).includes(`${path.sep}bulletins${path.sep}`) && ++records === 3) {
        handle.writeFile = async () => {
          throw fsError('ENOSPC');
        };
      }
      return handle;
    });
    const summary = await run();
    expect(summary.outError).toMatch(/^OUT stopped taking writes: no space left on the device \(ENOSPC\)/);
    expect(summary.entries.filter((e) => e.status === 'failed').every((e) => e.error?.code === 'interrupted')).toBe(true);
    expect(summary.ok).toBeGreaterThanOrEqual(2); // records already on their way to disk are written
    expect(summary.failed).toBeGreaterThanOrEqual(1);
    expect(fs.readdirSync(path.join(root, 'out/bulletins'))).toHaveLength(summary.ok);
    expect(JSON.parse(fs.readFileSync(path.join(root, 'out/manifest.json'), 'utf8')).totals).toEqual({ files: 8, ok: summary.ok, failed: summary.failed });
    expect(tempFiles(path.join(root, 'out'))).toEqual([]);
  });
});

describe('a read-only OUT', () => {
  it('is refused before any work, with the cause named', async () => {
    await run();
    const write = fs.writeFileSync;
    vi.spyOn(fs, 'writeFileSync').mockImplementation((file, ...rest) => {
      if (String(file).includes(`${path.sep}out${path.sep}`)) throw fsError('EROFS');
      return write(file, ...rest);
    });
    writeTree(root, { 'in/new.txt': fakeBulletin('P', 2021, 1) });
    const failure = await run().catch((err: unknown) => err);
    expect(failure).toBeInstanceOf(OutError);
    expect((failure as OutError).started).toBe(false);
    expect((failure as Error).message).toMatch(/cannot write to the output folder .*out: the file system is read-only \(EROFS\)/);
  });
});

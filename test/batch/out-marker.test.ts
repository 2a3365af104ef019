/** OUT is the tool's own: a run never takes over a folder holding someone else's files. */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { MARKER_FILE } from '../../src/batch/out-marker.js';
import { OutError } from '../../src/batch/out-errors.js';
import { runBatch } from '../../src/batch/run.js';
import { runIngestSync } from './helpers/child.js';
import { FAKE_WORKER, fakeBulletin, makeTempDir, snapshot, writeTree } from './helpers/tree.js';

let root: string;
beforeEach(() => {
  root = makeTempDir('bulletin-marker-');
  writeTree(root, { 'in/a.txt': fakeBulletin('P', 2020, 1) });
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const run = () => runBatch({ inputs: ['in'], outDir: 'out', config: parseConfig({}), concurrency: 2, cwd: root, workerUrl: FAKE_WORKER });

describe('the output folder marker', () => {
  it("refuses a non-empty folder it did not make, deleting or overwriting none of its files", async () => {
    writeTree(root, {
      'out/bulletins/theirs.json': '{"mine": true}',
      'out/draft.tmp': 'half a thought',
      'out/manifest.json': '{"files": "not yours"}',
    });
    const before = snapshot(path.join(root, 'out'));
    await expect(run()).rejects.toThrow(OutError);
    await expect(run()).rejects.toThrow(/holds files bulletin ingest did not write \(bulletins, draft\.tmp, manifest\.json\).*Choose another --out/);
    expect(snapshot(path.join(root, 'out'))).toEqual(before);

    const cli = runIngestSync(root, 'out', ['in']);
    expect(cli.status).toBe(2);
    expect(cli.stderr.trim().split('\n')).toHaveLength(1); // the message, no stack trace
    expect(snapshot(path.join(root, 'out'))).toEqual(before);
  });

  it('marks a new folder and an empty one, and takes up an OUT an older version wrote (its manifest names the tool)', async () => {
    await run();
    expect(fs.existsSync(path.join(root, 'out', MARKER_FILE))).toBe(true);

    fs.rmSync(path.join(root, 'out', MARKER_FILE)); // as an older version left it
    expect(await run()).toMatchObject({ skipped: 1 });
    expect(fs.existsSync(path.join(root, 'out', MARKER_FILE))).toBe(true);

    fs.rmSync(path.join(root, 'out'), { recursive: true });
    fs.mkdirSync(path.join(root, 'out'));
    expect(await run()).toMatchObject({ ok: 1 });
  });

  it('says plainly when OUT is a file, and leaves the file alone', async () => {
    fs.writeFileSync(path.join(root, 'out'), 'a file');
    await expect(run()).rejects.toThrow(/the output folder .*out is a file, not a folder; choose another --out/);
    const cli = runIngestSync(root, 'out', ['in']);
    expect(cli.status).toBe(2);
    expect(cli.stderr).toMatch(/^bulletin ingest: the output folder .*out is a file, not a folder/);
    expect(cli.stderr).not.toMatch(/\n\s+at /);
    expect(fs.readFileSync(path.join(root, 'out'), 'utf8')).toBe('a file');
  });
});

import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MANIFEST_FILE, MANIFEST_VERSION, readManifest, readManifestEntries, writeManifest, type ManifestEntry } from '../../src/batch/manifest.js';
import { makeTempDir } from './helpers/tree.js';

let outDir: string;
beforeEach(() => {
  outDir = makeTempDir('bulletin-manifest-');
});
afterEach(() => fs.rmSync(outDir, { recursive: true, force: true }));

const tool = { name: 'bulletin-ingest', version: '9.9.9' };

function entry(p: string, over: Partial<ManifestEntry> = {}): ManifestEntry {
  return {
    path: p, status: 'ok', format: 'txt', sha256: 'ab'.repeat(32), record: `bulletins/${p}.json`, messages: 2, error: null,
    issueGroup: null, bytes: 120, id: p, baseId: p, items: 3, issue: { publisher: '东湖市政协', year: 2021, number: 4 }, ...over,
  };
}

/** Names that try the reader: quotes, backslashes, brackets and braces inside strings, and Han text. */
const awkward = (i: number) => `卷${i}/a "quoted" \\ [x] {y} ]}],${'长'.repeat(i % 40)}.txt`;

describe('writeManifest', () => {
  it('writes the bytes JSON.stringify gives for the whole manifest, entry by entry', async () => {
    const files = [entry('a'), entry(awkward(3), { status: 'failed', error: { code: 'corrupt-file', message: 'bad "x"' }, id: null, record: null }), entry('c', { issueGroup: 'a' })];
    const totals = { files: 3, ok: 2, failed: 1 };
    for (const indexStale of [false, true]) {
      await writeManifest(outDir, { tool, configHash: 'cafe', indexStale, totals }, files);
      const whole = { manifestVersion: MANIFEST_VERSION, tool, configHash: 'cafe', ...(indexStale ? { indexStale: true } : {}), totals, files };
      expect(fs.readFileSync(path.join(outDir, MANIFEST_FILE), 'utf8')).toBe(`${JSON.stringify(whole, null, 2)}\n`);
    }
    await writeManifest(outDir, { tool, configHash: 'cafe', totals: { files: 0, ok: 0, failed: 0 } }, []);
    expect(JSON.parse(fs.readFileSync(path.join(outDir, MANIFEST_FILE), 'utf8')).files).toEqual([]);
  });

  it('writes skipped files as ok: the manifest describes the archive, not the run', async () => {
    await writeManifest(outDir, { tool, configHash: 'cafe', totals: { files: 1, ok: 1, failed: 0 } }, [entry('a', { status: 'skipped' })]);
    expect((await readManifest(outDir))!.files[0].status).toBe('ok');
  });
});

describe('readManifestEntries', () => {
  it('hands back every entry of a manifest larger than its read chunk, strings with brackets and quotes included', async () => {
    const files = Array.from({ length: 6000 }, (_, i) => entry(awkward(i)));
    await writeManifest(outDir, { tool, configHash: 'cafe', indexStale: true, totals: { files: files.length, ok: files.length, failed: 0 } }, files);
    expect(fs.statSync(path.join(outDir, MANIFEST_FILE)).size).toBeGreaterThan(2 << 20);
    const read: ManifestEntry[] = [];
    const head = await readManifestEntries(outDir, (e) => read.push(e));
    expect(head).toEqual({ tool, configHash: 'cafe', indexStale: true });
    expect(read).toEqual(files);
  });

  it('reads a version-1 manifest, leaving out entries that are not objects with a path', async () => {
    const old = { tool, configHash: 'cafe', totals: {}, files: [{ ...entry('a'), sameIssueAs: ['b'] }, { path: 3 }, { ...entry('b'), sameIssueAs: ['a'] }] };
    fs.writeFileSync(path.join(outDir, MANIFEST_FILE), JSON.stringify(old));
    expect((await readManifest(outDir))!.files.map((f) => f.path)).toEqual(['a', 'b']);
  });

  it('gives null for a manifest cut short, one that is not JSON, or one whose files are not entries', async () => {
    await writeManifest(outDir, { tool, configHash: 'cafe', totals: { files: 2, ok: 2, failed: 0 } }, [entry('a'), entry('b')]);
    const text = fs.readFileSync(path.join(outDir, MANIFEST_FILE), 'utf8');
    for (const damaged of [text.slice(0, text.length - 40), text.slice(0, text.indexOf('"b"')), 'not json', '{"tool":{},"files":[1,2]}', '{"tool":{},"files":["a"]}', '']) {
      fs.writeFileSync(path.join(outDir, MANIFEST_FILE), damaged);
      expect(await readManifestEntries(outDir, () => undefined)).toBeNull();
    }
  });

  it('gives null when there is no manifest', async () => {
    expect(await readManifest(outDir)).toBeNull();
  });
});

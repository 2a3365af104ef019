/**
 * `bulletin ingest` end to end, through the real CLI and pipeline, on a temporary tree of good
 * fixtures, hostile files, hidden/temporary files and a symlink loop.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Manifest, ManifestEntry } from '../src/batch/manifest.js';
import { makeTempDir, snapshot, writeTree } from './batch/helpers/tree.js';

const repo = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const fixtures = path.join(repo, 'fixtures');
const bad = path.join(repo, 'test/data/bad');
// Resolved from the repo: the CLI runs with a temporary folder as its current folder.
const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;

function cli(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, ['--import', tsx, path.join(repo, 'src/main.ts'), ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...process.env, NODE_OPTIONS: '' },
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Hostile files and the failure each must be explained with. */
const HOSTILE: Record<string, string> = {
  'empty.txt': 'empty-file',
  'random.bin': 'unknown-format',
  'truncated.docx': 'corrupt-file',
  'encrypted.pdf': 'encrypted',
  'image-only.pdf': 'needs-ocr',
  'zip-bomb.docx': 'zip-bomb',
  'mojibake.txt': 'undecodable-text',
  'truncated.pdf': 'corrupt-file',
  'not-a-bulletin.png': 'needs-ocr',
};

let root: string;
let first: ReturnType<typeof cli>;
let manifest: Manifest;
let inputBefore: Record<string, string>;
const entry = (p: string): ManifestEntry => {
  const found = manifest.files.find((f) => f.path === p);
  if (!found) throw new Error(`${p} is not in the manifest`);
  return found;
};
const readManifest = (): Manifest => JSON.parse(fs.readFileSync(path.join(root, 'out/manifest.json'), 'utf8'));

beforeAll(() => {
  root = makeTempDir('bulletin-cli-');
  const inDir = path.join(root, 'in');
  fs.mkdirSync(path.join(inDir, 'good'), { recursive: true });
  fs.mkdirSync(path.join(inDir, 'bad'), { recursive: true });
  for (const name of fs.readdirSync(fixtures).filter((n) => /\.(txt|docx|doc|pdf)$/.test(n))) {
    fs.copyFileSync(path.join(fixtures, name), path.join(inDir, 'good', name));
  }
  fs.mkdirSync(path.join(inDir, 'copies'));
  fs.copyFileSync(path.join(fixtures, 'baotou-2020-18.txt'), path.join(inDir, 'copies', 'baotou-2020-18.txt'));
  for (const name of [...Object.keys(HOSTILE), 'docx-named.pdf']) {
    if (fs.existsSync(path.join(bad, name))) fs.copyFileSync(path.join(bad, name), path.join(inDir, 'bad', name));
  }
  fs.writeFileSync(path.join(inDir, 'bad', 'zero-bytes.doc'), '');
  writeTree(inDir, { 'good/.hidden.txt': 'x', 'good/~$draft.docx': 'lock', 'good/.DS_Store': 'x', 'good/Thumbs.db': 'x', 'good/part.tmp': 'x' });
  fs.symlinkSync(inDir, path.join(inDir, 'good', 'loop'));
  inputBefore = snapshot(inDir);
  first = cli(['ingest', 'in', '--out', 'out', '--concurrency', '2'], root);
  manifest = readManifest();
});
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('bulletin ingest', () => {
  it('exits 1 when some files fail, after finishing the whole batch', () => {
    expect(first.status, first.stderr).toBe(1);
    expect(manifest.totals.failed).toBeGreaterThan(0);
    expect(manifest.totals.files).toBe(manifest.files.length);
  });

  it('writes a record for every good fixture, with the record path in the manifest', () => {
    const goods = manifest.files.filter((f) => f.path.startsWith('in/good/'));
    expect(goods.length).toBeGreaterThanOrEqual(3);
    for (const f of goods) {
      expect(f.status, `${f.path}: ${f.error?.message}`).toBe('ok');
      const record = JSON.parse(fs.readFileSync(path.join(root, 'out', f.record!), 'utf8'));
      expect(record.source.path).toBe(f.path);
      expect(record.id).toBe(f.id);
      for (const item of record.items) expect(item.id.startsWith(`${record.id}#`)).toBe(true);
    }
  });

  it('explains each hostile file with its error code and writes no record for it', () => {
    for (const [name, code] of Object.entries(HOSTILE)) {
      if (!fs.existsSync(path.join(bad, name))) continue;
      expect(entry(`in/bad/${name}`), name).toMatchObject({ status: 'failed', record: null, error: { code } });
    }
    expect(entry('in/bad/zero-bytes.doc')).toMatchObject({ status: 'failed', error: { code: 'empty-file' } });
    for (const f of manifest.files.filter((e) => e.status === 'failed')) expect(f.error!.message.length).toBeGreaterThan(10);
    expect(first.stderr).toMatch(/failed\s+in\/bad\/zero-bytes\.doc\s+empty-file/);
  });

  it('reads a file by its content, not its extension', () => {
    if (!fs.existsSync(path.join(bad, 'docx-named.pdf'))) return;
    expect(entry('in/bad/docx-named.pdf')).toMatchObject({ status: 'ok', format: 'docx' });
  });

  it('leaves out hidden and temporary files and does not follow the symlink loop', () => {
    const paths = manifest.files.map((f) => f.path);
    expect(paths.filter((p) => /\/(\.|~\$)|Thumbs\.db|\.tmp$/.test(p))).toEqual([]);
    expect(paths.filter((p) => p.includes('/loop/'))).toEqual([]);
    expect(paths).toEqual([...paths].sort());
    expect(new Set(paths).size).toBe(paths.length);
  });

  it('recognises the same issue in another format or folder and still gives each file its own id', () => {
    const txt = entry('in/good/baotou-2020-18.txt');
    const copy = entry('in/copies/baotou-2020-18.txt');
    expect(txt.issueGroup).toBe('in/copies/baotou-2020-18.txt');
    expect(copy.issueGroup).toBe('in/copies/baotou-2020-18.txt');
    for (const twin of ['in/good/baotou-2020-18.docx', 'in/good/baotou-2020-18.pdf']) {
      if (manifest.files.some((f) => f.path === twin && f.status === 'ok')) expect(entry(twin).issueGroup).toBe(txt.issueGroup);
    }
    expect(txt.id).not.toBe(copy.id);
    expect(txt.id).toMatch(/^baotou-2020-18-txt-[0-9a-f]{8}$/);
    const ids = manifest.files.filter((f) => f.id).map((f) => f.id);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('prints one line per file and a summary on stderr', () => {
    expect(first.stderr).toMatch(/^ok {2}in\/good\/baotou-2020-18\.txt {2}→ bulletins\/baotou-2020-18-txt-[0-9a-f]{8}\.json {2}\(\d+ items?, \d+ messages?\)$/m);
    expect(first.stderr).toMatch(/^FAIL {2}in\/bad\/zero-bytes\.doc {2}empty-file: /m);
    expect(first.stderr).toMatch(/\d+ files: \d+ ok, 0 skipped, \d+ failed in .* files\/s/);
  });

  it('writes items.jsonl, the record JSON Schema and nothing into the input tree', () => {
    const lines = fs.readFileSync(path.join(root, 'out/items.jsonl'), 'utf8').trim().split('\n');
    const totalItems = manifest.files.reduce((n, f) => n + f.items, 0);
    expect(lines.length).toBe(totalItems);
    expect(fs.existsSync(path.join(root, 'out/schema/record.schema.json'))).toBe(true);
    expect(snapshot(path.join(root, 'in'))).toEqual(inputBefore);
    expect(fs.readdirSync(path.join(root, 'out/bulletins')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('skips every unchanged file on a re-run, and redoes them all with --force', () => {
    const okCount = manifest.totals.ok;
    const again = cli(['ingest', 'in', '--out', 'out', '--json'], root);
    const summary = JSON.parse(again.stdout);
    expect(summary).toMatchObject({ ok: 0, skipped: okCount, failed: manifest.totals.failed });
    expect(readManifest().files.map((f) => f.status === 'skipped' ? 'ok' : f.status)).toEqual(manifest.files.map((f) => f.status));
    const forced = JSON.parse(cli(['ingest', 'in', '--out', 'out', '--json', '--force'], root).stdout);
    expect(forced).toMatchObject({ ok: okCount, skipped: 0 });
    expect(fs.readFileSync(path.join(root, 'out/manifest.json'), 'utf8')).toBe(`${JSON.stringify(manifest, null, 2)}\n`);
  });

  it('exits 0 when every file is ok or skipped', () => {
    const result = cli(['ingest', 'in/copies', '--out', 'out-good', '--json'], root);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ failed: 0 });
  });

  it('exits 2 and names the path when an input does not exist', () => {
    const result = cli(['ingest', 'no-such-folder', '--out', 'out2'], root);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('no-such-folder');
    expect(fs.existsSync(path.join(root, 'out2'))).toBe(false);
  });

  it('exits 2 when the config file is missing or invalid', () => {
    expect(cli(['ingest', 'in', '--config', 'missing.config.ts'], root).status).toBe(2);
    fs.writeFileSync(path.join(root, 'bad.config.ts'), 'export default { limits: { timeoutMs: -1 } };\n');
    const invalid = cli(['ingest', 'in', '--config', 'bad.config.ts'], root);
    expect(invalid.status).toBe(2);
    expect(invalid.stderr).toContain('timeoutMs');
  });

  it('fails a file over limits.maxFileBytes with `too-large`, and one past limits.timeoutMs with `timeout`', () => {
    fs.writeFileSync(path.join(root, 'small.config.ts'), 'export default { limits: { maxFileBytes: 1000 } };\n');
    fs.writeFileSync(path.join(root, 'hasty.config.ts'), 'export default { limits: { timeoutMs: 1 } };\n');
    const small = cli(['ingest', 'in/copies', '--config', 'small.config.ts', '--out', 'out-small', '--json'], root);
    expect(small.status).toBe(1);
    expect(JSON.parse(small.stdout).failures).toEqual([{ path: 'in/copies/baotou-2020-18.txt', code: 'too-large', message: expect.any(String) }]);
    const hasty = cli(['ingest', 'in/copies', '--config', 'hasty.config.ts', '--out', 'out-hasty', '--json'], root);
    expect(hasty.status).toBe(1);
    expect(JSON.parse(hasty.stdout).failures).toMatchObject([{ path: 'in/copies/baotou-2020-18.txt', code: 'timeout' }]);
  });

  it('exits 2 on a malformed --concurrency, with the mistake and a pointer to --help rather than the whole help', () => {
    const run = cli(['ingest', 'in', '--concurrency', 'zero'], root);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('not a positive integer: zero');
    expect(run.stderr).toContain('--help');
    expect(run.stderr).not.toContain('Options:');
  });
});

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parseConfig } from '../src/config.js';

const made: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-config-'));
  made.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of made.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function writeConfig(body: string): { dir: string; file: string } {
  const dir = tempDir();
  const file = path.join(dir, 'pipeline.config.ts');
  fs.writeFileSync(file, body);
  return { dir, file };
}

describe('parseConfig', () => {
  it('fills every default from an empty object', () => {
    const config = parseConfig({});
    expect(config.limits.timeoutMs).toBe(60_000);
    expect(config.markers.items).toEqual(['◆', '◇']);
  });

  it('rejects a time limit longer than a Node timer can wait, naming the key', () => {
    expect(() => parseConfig({ limits: { timeoutMs: 2 ** 31 } })).toThrow(/limits\.timeoutMs: at most 2147483647/);
    expect(parseConfig({ limits: { timeoutMs: 2 ** 31 - 1 } }).limits.timeoutMs).toBe(2 ** 31 - 1);
  });

  it('reads OCR pages as one column by default and refuses segmentation modes that find no text lines', () => {
    expect(parseConfig({}).ocr.psm).toBe(4);
    expect(parseConfig({ ocr: { psm: 3 } }).ocr.psm).toBe(3);
    expect(() => parseConfig({ ocr: { psm: 0 } })).toThrow(/ocr\.psm/);
  });

  it('reports an unknown key line by line', () => {
    expect(() => parseConfig({ limit: {} })).toThrow(ConfigError);
  });
});

describe('loadConfig', () => {
  it('rejects a config whose default export is null with a readable message, not a TypeError', async () => {
    const { dir } = writeConfig('export default null;\n');
    await expect(loadConfig(undefined, dir)).rejects.toThrow(/default export must be an object.*got null/);
  });

  it('rejects a config that exports a number', async () => {
    const { dir } = writeConfig('export default 42;\n');
    await expect(loadConfig(undefined, dir)).rejects.toThrow(/got number/);
  });

  it("lets a config outside the repo import defineConfig from 'bulletin-ingest'", async () => {
    const { dir, file } = writeConfig("import { defineConfig } from 'bulletin-ingest';\nexport default defineConfig({ concurrency: 3 });\n");
    const { config, file: loaded } = await loadConfig(undefined, dir);
    expect(loaded).toBe(file);
    expect(config.concurrency).toBe(3);
  });

  it('compiles the config in memory and leaves no cached copy in the temp folder', async () => {
    const { dir } = writeConfig('const n: number = 2;\nexport default { concurrency: n };\n');
    const tmp = tempDir();
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      expect((await loadConfig(undefined, dir)).config.concurrency).toBe(2);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
    }
    expect(fs.readdirSync(tmp)).toEqual([]);
  });

  it('uses the defaults when there is no pipeline.config.ts and fails on a named file that is missing', async () => {
    const dir = tempDir();
    expect((await loadConfig(undefined, dir)).file).toBeNull();
    await expect(loadConfig('nope.ts', dir)).rejects.toThrow(/not found/);
  });
});

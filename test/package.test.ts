/**
 * The package as users install it: `npm pack`, then `npm install -g` of the tarball into a temporary
 * prefix with npm's defaults (no .npmrc of ours), then the installed `bulletin` runs from dist/ with no
 * TypeScript loader. It builds the native modules from source (~1–3 min on 2 cores), so it runs where
 * BULLETIN_PACK_TEST=1 (CI's .ci/run sets it) and says so in one line elsewhere.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const enabled = process.env.BULLETIN_PACK_TEST === '1';
if (!enabled) console.log('package install test skipped: set BULLETIN_PACK_TEST=1 to run it (CI does; it builds native modules, 1–3 min)');

describe.runIf(enabled)('the packed package', () => {
  let tmp = '';
  let files: string[] = [];
  let bin = '';
  const env = { ...process.env, npm_config_yes: undefined, NPM_CONFIG_YES: undefined, npm_config_userconfig: '/dev/null' };

  beforeAll(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-pack-'));
    const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp], { cwd: root, env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })) as { filename: string; files: { path: string }[] }[];
    files = packed[0].files.map((f) => f.path);
    const prefix = path.join(tmp, 'prefix');
    execFileSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '--prefer-offline', path.join(tmp, packed[0].filename)], { cwd: tmp, env, stdio: 'pipe' });
    bin = path.join(prefix, 'bin', 'bulletin');
  }, 600_000);
  afterAll(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('ships the compiled code, its lexicons and the docs, but no sources, tests, fixtures or eval sets', () => {
    expect(files).toContain('dist/main.js');
    expect(files).toContain('dist/index.d.ts');
    expect(files.some((f) => f.startsWith('dist/entities/lexicons/'))).toBe(true);
    expect(files.filter((f) => /^(src|test|fixtures|eval|bench|scripts)\//.test(f))).toEqual([]);
  });

  it('installs with npm defaults and prints its version without a TypeScript loader', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string };
    expect(execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim()).toBe(pkg.version);
    const installed = path.join(path.dirname(path.dirname(bin)), 'lib', 'node_modules', 'bulletin-ingest', 'node_modules');
    expect(fs.existsSync(path.join(installed, 'tsx'))).toBe(false);
  });

  it('ingests a bulletin with a config that imports defineConfig from the package', () => {
    const work = path.join(tmp, 'work');
    fs.mkdirSync(work);
    fs.copyFileSync(path.join(root, 'fixtures', 'chifeng-2021-05.txt'), path.join(work, 'issue.txt'));
    fs.writeFileSync(path.join(work, 'pipeline.config.ts'), "import { defineConfig } from 'bulletin-ingest';\nexport default defineConfig({ concurrency: 2 });\n");
    execFileSync(bin, ['ingest', 'issue.txt', '--out', 'out'], { cwd: work, stdio: 'pipe' });
    const record = JSON.parse(fs.readFileSync(path.join(work, 'out', 'bulletins', 'issue-txt.json'), 'utf8')) as { items: unknown[] };
    expect(record.items.length).toBeGreaterThan(0);
  });
});

#!/usr/bin/env node
// Ingests the real published documents of ../shared/eval/real-dev with the compiled CLI and scores them
// with the shared scorer against their gold. Usage: npm run score:real [-- --json]
// Needs the shared evaluation folder beside the repo (developer machines and CI); says so, exit 2, without it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
const realDev = path.resolve(root, '..', 'shared', 'eval', 'real-dev');
const scorer = path.resolve(realDev, '..', 'score.mjs');
if (!fs.existsSync(path.join(realDev, 'docs')) || !fs.existsSync(scorer)) {
  console.error(`score:real: ${realDev} not found (the shared evaluation folder sits beside the repo on developer machines)`);
  process.exit(2);
}
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-real-'));
const ingest = spawnSync(process.execPath, [path.join(root, 'bin', 'bulletin.mjs'), 'ingest', path.join(realDev, 'docs'), '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
if (ingest.status !== 0 && !fs.existsSync(path.join(out, 'bulletins'))) process.exit(ingest.status ?? 1);
const run = spawnSync(process.execPath, [scorer, path.join(out, 'bulletins'), '--gold', path.join(realDev, 'gold'), ...process.argv.slice(2)], { stdio: 'inherit' });
fs.rmSync(out, { recursive: true, force: true });
process.exit(run.status ?? 1);

#!/usr/bin/env node
// Scores the compiled CLI on ../shared/eval/real-dev (real published bulletins: web pages, digests,
// chronicles, briefs) with the shared scorer. Usage: npm run score:real [-- --check] [--json]
// --check: exit 1 when a figure falls below eval/real-dev-floors.json (the same floors test/real-dev.test.ts holds).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
const realDev = path.resolve(root, '..', 'shared', 'eval', 'real-dev');
if (!fs.existsSync(path.join(realDev, 'docs'))) {
  console.error(`score:real: ${realDev} not found (the shared evaluation folder sits beside the repo on developer machines)`);
  process.exit(2);
}
const args = process.argv.slice(2);
const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-real-'));
try {
  const ingest = spawnSync(process.execPath, [path.join(root, 'bin/bulletin.mjs'), 'ingest', path.join(realDev, 'docs'), '--out', out], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (ingest.status !== 0) process.exit(ingest.status ?? 1);
  const scorer = path.join(realDev, '..', 'score.mjs');
  const gold = ['--gold', path.join(realDev, 'gold')];
  if (!args.includes('--check')) {
    const run = spawnSync(process.execPath, [scorer, out, ...gold, ...args.filter((a) => a === '--json')], { stdio: 'inherit' });
    process.exit(run.status ?? 1);
  }
  const scored = JSON.parse(spawnSync(process.execPath, [scorer, out, ...gold, '--json'], { encoding: 'utf8' }).stdout);
  const floors = JSON.parse(fs.readFileSync(path.join(root, 'eval/real-dev-floors.json'), 'utf8'));
  const below = [
    ['itemsFound', scored.mean.itemsFound, floors.itemsFound],
    ['boundaries', scored.mean.boundaries, floors.boundaries],
    ['date', scored.mean.date, floors.date],
    ['overall', scored.overall, floors.overall],
    ['extra items (most in one document, at most)', -Math.max(...scored.rows.map((r) => r.extraItems ?? 0)), -floors.maxExtraItemsPerDocument],
  ].filter(([, got, floor]) => got + 1e-9 < floor);
  for (const [name, got, floor] of below) console.log(`below the floor: ${name} ${Math.abs(got).toFixed(3)} (floor ${Math.abs(floor)})`);
  if (below.length === 0) console.log(`real-dev: every figure at or above its floor (overall ${scored.overall.toFixed(3)})`);
  process.exit(below.length ? 1 : 0);
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}

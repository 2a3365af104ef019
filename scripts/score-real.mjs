#!/usr/bin/env node
// Scores the compiled CLI on ../shared/eval/real-dev (real published bulletins: web pages, digests,
// chronicles, briefs) with the shared scorer. Usage: npm run score:real [-- --check] [--json]
// --check: exit 1 when a figure falls below eval/real-dev-floor.json (the same floors test/quality/real-dev.test.ts holds).
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
  const floor = JSON.parse(fs.readFileSync(path.join(root, 'eval/real-dev-floor.json'), 'utf8'));
  const most = (key) => Math.max(...scored.rows.map((r) => r[key] ?? 0));
  // Every entry is [name, got, floor] with "higher is better"; the per-document maxima enter negated.
  const below = [
    ['overall', scored.overall, floor.overall],
    ...Object.entries(floor.mean).map(([key, min]) => [key, scored.mean[key], min]),
    ['extra items (most in one document, at most)', -most('extraItems'), -floor.maxExtraItemsPerDocument],
    ['ordinary words taken for people (most in one document, at most)', -most('notPeopleHits'), -floor.maxOrdinaryWordsTakenForPeople],
  ].filter(([, got, min]) => !(got + 1e-9 >= min));
  for (const [name, got, floor] of below) console.log(`below the floor: ${name} ${Math.abs(got).toFixed(3)} (floor ${Math.abs(floor)})`);
  if (below.length === 0) console.log(`real-dev: every figure at or above its floor (overall ${scored.overall.toFixed(3)})`);
  process.exit(below.length ? 1 : 0);
} finally {
  fs.rmSync(out, { recursive: true, force: true });
}

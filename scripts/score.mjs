#!/usr/bin/env node
// Scores an output folder with the shared scorer (../shared/eval/score.mjs) against the shared gold
// AND our own hand-made gold in eval/gold/, eval/heldout*/gold/, eval/scans*/gold/ (for scans that were OCR'd) (the scorer reads gold from its own folder, so both are
// copied beside a copy of it in a temp folder). Usage: npm run score [-- OUTDIR] [--json]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

const root = path.resolve(import.meta.dirname, '..');
const shared = path.resolve(root, '..', 'shared', 'eval');
const scorer = path.join(shared, 'score.mjs');
if (!fs.existsSync(scorer)) {
  console.error(`score: ${scorer} not found (the shared evaluation folder sits beside the repo on developer machines)`);
  process.exit(2);
}
const args = process.argv.slice(2);
const outDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? path.join(root, 'out'));
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-score-'));
fs.mkdirSync(path.join(tmp, 'gold'));
fs.copyFileSync(scorer, path.join(tmp, 'score.mjs'));
for (const dir of [path.join(shared, 'gold'), path.join(root, 'eval', 'gold'), path.join(root, 'eval', 'heldout', 'gold'), path.join(root, 'eval', 'heldout2', 'gold'), path.join(root, 'eval', 'heldout3', 'gold')]) {
  if (!fs.existsSync(dir)) continue;
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.json'))) fs.copyFileSync(path.join(dir, f), path.join(tmp, 'gold', f));
}
// The scans' gold counts only for scans that were OCR'd (ingested with --ocr): without --ocr they fail needs-ocr.
const records = fs.existsSync(path.join(outDir, 'bulletins')) ? fs.readdirSync(path.join(outDir, 'bulletins')) : [];
for (const scansGold of ['scans', 'scans-heldout', 'scans-heldout2', 'scans-heldout3', 'scans-heldout4', 'scans-heldout5'].map((set) => path.join(root, 'eval', set, 'gold'))) {
  if (!fs.existsSync(scansGold)) continue;
  for (const f of fs.readdirSync(scansGold).filter((f) => f.endsWith('.json'))) {
    if (records.some((r) => r.startsWith(`${f.replace(/\.json$/, '')}-`))) fs.copyFileSync(path.join(scansGold, f), path.join(tmp, 'gold', f));
  }
}
const run = spawnSync(process.execPath, [path.join(tmp, 'score.mjs'), outDir, ...args.filter((a) => a.startsWith('--'))], { stdio: 'inherit' });
fs.rmSync(tmp, { recursive: true, force: true });
process.exit(run.status ?? 1);

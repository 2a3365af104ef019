import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { captureOutput } from '../helpers/output.js';
import { runCheck } from '../../src/inspect/check-command.js';
import { runExtract } from '../../src/inspect/extract-command.js';

const repo = path.resolve(import.meta.dirname, '../..');
const output = captureOutput();
const dirs: string[] = [];

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

/** A user's regression folder holding one invented bulletin. */
function regressionFolder(): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-check-')), 'mine');
  dirs.push(path.dirname(dir));
  fs.mkdirSync(dir);
  fs.copyFileSync(path.join(repo, 'test/data/two-publishers/beiling-2022-07.txt'), path.join(dir, 'beiling-2022-07.txt'));
  return dir;
}

describe('bulletin check', () => {
  it('reports a bulletin without an expected record, writes it with --update, then agrees', async () => {
    const dir = regressionFolder();
    expect(await runCheck(dir, {})).toBe(1);
    expect(output.stdout).toContain('missing    beiling-2022-07.txt');
    expect(await runCheck(dir, { update: true })).toBe(0);
    const expected = JSON.parse(fs.readFileSync(path.join(dir, 'expected', 'beiling-2022-07.txt.json'), 'utf8'));
    expect(expected.source.path).toBe('mine/beiling-2022-07.txt');
    output.stdout = '';
    expect(await runCheck(dir, {})).toBe(0);
    expect(output.stdout).toContain('1 file: 1 as expected, 0 different');
  });

  it('prints a readable difference and exits 1 when a record changed', async () => {
    const dir = regressionFolder();
    expect(await runCheck(dir, { update: true })).toBe(0);
    const file = path.join(dir, 'expected', 'beiling-2022-07.txt.json');
    const expected = JSON.parse(fs.readFileSync(file, 'utf8'));
    expected.masthead.issue = 8;
    expected.items[1].people[0].name = '韩子';
    fs.writeFileSync(file, `${JSON.stringify(expected, null, 2)}\n`);
    output.stdout = '';
    expect(await runCheck(dir, {})).toBe(1);
    expect(output.stdout).toContain('different  beiling-2022-07.txt (2 differences; expected → actual)');
    expect(output.stdout).toContain('masthead.issue: 8 → 7');
    expect(output.stdout).toContain('items[1].people[0].name: "韩子" → "韩子墨"');
  });

  it('refuses a folder that does not exist or holds no bulletins', async () => {
    expect(await runCheck(path.join(os.tmpdir(), 'no-such-folder-here'), {})).toBe(2);
    const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'bulletin-check-empty-'));
    dirs.push(empty);
    expect(await runCheck(empty, {})).toBe(2);
  });
});

describe('bulletin extract', () => {
  it('prints the blocks a .docx gave, as markdown with their kinds', async () => {
    expect(await runExtract(path.join(repo, 'fixtures/baotou-2020-18.docx'), { format: 'markdown' })).toBe(0);
    expect(output.stdout).toMatch(/^<!-- baotou-2020-18\.docx: docx, \d+ blocks/);
    expect(output.stdout).toContain('贺俊');
  });

  it('prints the extraction as JSON, pages included for a .pdf', async () => {
    expect(await runExtract(path.join(repo, 'fixtures/baotou-2020-18.pdf'), { format: 'json' })).toBe(0);
    const extraction = JSON.parse(output.stdout);
    expect(extraction.format).toBe('pdf');
    expect(extraction.blocks[0]).toHaveProperty('page', 1);
  });

  it('exits 1 with the typed error for a file it cannot read', async () => {
    expect(await runExtract(path.join(repo, 'test/data/bad/empty.txt'), {})).toBe(1);
    expect(output.stderr).toMatch(/bulletin extract: empty-file/);
  });
});

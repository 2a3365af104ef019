import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isIgnoredName, UsageError, walkInputs } from '../../src/batch/walk.js';
import { makeTempDir, writeTree } from './helpers/tree.js';

let root: string;
beforeEach(() => {
  root = makeTempDir();
});
afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const displayPaths = async (inputs: string[], outDir = 'out') =>
  (await walkInputs(inputs, { outDir, cwd: root })).files.map((f) => f.displayPath);

describe('walkInputs', () => {
  it('finds files in nested folders, sorted, with paths as given plus the path below the folder', async () => {
    writeTree(root, { 'in/b.txt': 'b', 'in/a/z.docx': 'z', 'in/a/y.pdf': 'y' });
    expect(await displayPaths(['in/'])).toEqual(['in/a/y.pdf', 'in/a/z.docx', 'in/b.txt']);
  });

  it('leaves out hidden files and folders, Office lock files, .DS_Store, Thumbs.db and *.tmp', async () => {
    writeTree(root, {
      'in/good.txt': 'g',
      'in/.hidden.txt': 'h',
      'in/.git/config': 'c',
      'in/~$report.docx': 'lock',
      'in/.DS_Store': 'x',
      'in/Thumbs.db': 'x',
      'in/upload.tmp': 'x',
      'in/draft.txt~': 'x',
    });
    const result = await walkInputs(['in'], { outDir: 'out', cwd: root });
    expect(result.files.map((f) => f.displayPath)).toEqual(['in/good.txt']);
    expect(result.ignored).toContain('in/~$report.docx');
    expect(result.ignored).toContain('in/.git');
  });

  it('reads a saved web page but leaves out the styles, scripts and fonts saved beside it', async () => {
    writeTree(root, { 'in/page.html': '<html>', 'in/old.htm': '<html>', 'in/page_files/style.css': 'p{}', 'in/page_files/app.js': 'x', 'in/page_files/logo.svg': '<svg/>', 'in/page_files/font.woff2': 'x' });
    expect(await displayPaths(['in'])).toEqual(['in/old.htm', 'in/page.html']);
  });

  it('leaves out data and project files met in a folder, but tries any file named on the command line', async () => {
    writeTree(root, { 'in/README.md': '# notes', 'in/expected/a.txt.json': '{}', 'in/scan.jpg': 'x', 'in/a.txt': 'a', 'notes.md': '# x' });
    const result = await walkInputs(['in', 'notes.md'], { outDir: 'out', cwd: root });
    expect(result.files.map((f) => f.displayPath)).toEqual(['in/a.txt', 'in/scan.jpg', 'notes.md']);
    expect(result.ignored).toEqual(['in/README.md', 'in/expected/a.txt.json']);
  });

  it('names the usual hidden and temporary files as ignored', () => {
    for (const name of ['.x', '~$x.docx', '.DS_Store', 'Thumbs.db', 'a.tmp', 'A.TMP']) expect(isIgnoredName(name)).toBe(true);
    for (const name of ['a.txt', 'b.docx', 'tmp.pdf', 'x~y.doc']) expect(isIgnoredName(name)).toBe(false);
  });

  it('does not follow symlinked folders, so a link loop cannot trap the walk', async () => {
    writeTree(root, { 'in/sub/a.txt': 'a' });
    fs.symlinkSync(path.join(root, 'in'), path.join(root, 'in/sub/loop'));
    fs.symlinkSync('..', path.join(root, 'in/sub/up'));
    expect(await displayPaths(['in'])).toEqual(['in/sub/a.txt']);
  });

  it('reads a symlinked file once, under the smallest path that reaches it', async () => {
    writeTree(root, { 'in/real.txt': 'r' });
    fs.symlinkSync('real.txt', path.join(root, 'in/alias.txt'));
    expect(await displayPaths(['in'])).toEqual(['in/alias.txt']);
  });

  it('lists a file once when it is reached through two inputs', async () => {
    writeTree(root, { 'in/a.txt': 'a' });
    expect(await displayPaths(['in', 'in/a.txt', './in'])).toEqual(['in/a.txt']);
  });

  it('never enters the output folder when it lies inside an input folder', async () => {
    writeTree(root, { 'archive/a.txt': 'a', 'archive/out/bulletins/a-txt.json': '{}', 'archive/out/manifest.json': '{}' });
    expect(await displayPaths(['archive'], 'archive/out')).toEqual(['archive/a.txt']);
  });

  it('refuses an input that does not exist, or one inside the output folder', async () => {
    writeTree(root, { 'out/x.txt': 'x' });
    await expect(walkInputs(['missing'], { outDir: 'out', cwd: root })).rejects.toBeInstanceOf(UsageError);
    await expect(walkInputs(['out/x.txt'], { outDir: 'out', cwd: root })).rejects.toThrow(/inside the output folder/);
  });

  it('skips FIFOs and other special files, which could block a reader forever', async () => {
    writeTree(root, { 'in/a.txt': 'a' });
    const { execFileSync } = await import('node:child_process');
    execFileSync('mkfifo', [path.join(root, 'in/pipe')]);
    const result = await walkInputs(['in'], { outDir: 'out', cwd: root });
    expect(result.files.map((f) => f.displayPath)).toEqual(['in/a.txt']);
    expect(result.ignored).toEqual(['in/pipe']);
  });
});

/** Temporary folder trees for batch tests, and a listing that shows what a run wrote where. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export function makeTempDir(prefix = 'bulletin-batch-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** Writes `files` (relative path → content) under `root`. */
export function writeTree(root: string, files: Record<string, string | Buffer>): void {
  for (const [rel, content] of Object.entries(files)) {
    const file = path.join(root, rel);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, content);
  }
}

/** Every file and symlink under `root` with its mtime and size, to prove a run left a tree alone. */
export function snapshot(root: string): Record<string, string> {
  const result: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, entry.name);
      const rel = path.relative(root, abs);
      if (entry.isSymbolicLink()) result[rel] = `link→${fs.readlinkSync(abs)}`;
      else if (entry.isDirectory()) walk(abs);
      else {
        const stat = fs.statSync(abs);
        result[rel] = `${stat.size}@${stat.mtimeMs}`;
      }
    }
  };
  walk(root);
  return result;
}

/** A small fake bulletin the fake worker understands. */
export const fakeBulletin = (publisher: string, year: number, issue: number, items = 2): string =>
  `publisher: ${publisher}\nyear: ${year}\nissue: ${issue}\nitems: ${items}\n`;

export const FAKE_WORKER = new URL('./fake-worker.ts', import.meta.url);

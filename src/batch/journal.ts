/**
 * OUT/journal.jsonl: a run's progress, one line per file as soon as its record (or its failure) is
 * written, so a run killed outright (kill -9, power cut before the page cache is lost aside) costs
 * only the files in flight. The first line names the tool version and config the lines were made
 * with. The next run folds the journal into the previous manifest (`foldJournal`) and keeps
 * appending to it; writing the manifest ends its use and it is deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Manifest, ManifestEntry, ManifestHead } from './manifest.js';
import type { RunState } from './run-state.js';

export const JOURNAL_FILE = 'journal.jsonl';

interface JournalHeader {
  journal: 1;
  tool: Manifest['tool'];
  configHash: string;
}

const isEntry = (e: unknown): e is ManifestEntry => {
  const x = e as ManifestEntry | null;
  return !!x && typeof x.path === 'string' && typeof x.sha256 === 'string' && (x.status === 'ok' || x.status === 'failed');
};

/** Each line of a file, read a chunk at a time; `fn` returns false to stop. A last line without its newline counts. */
function forEachLine(file: string, fn: (line: string) => boolean | void): void {
  const fd = fs.openSync(file, 'r');
  try {
    const chunk = Buffer.allocUnsafe(1 << 20);
    let rest = Buffer.alloc(0);
    for (;;) {
      const n = fs.readSync(fd, chunk, 0, chunk.length, null);
      const bytes = n === 0 ? rest : Buffer.concat([rest, chunk.subarray(0, n)]);
      let start = 0;
      for (let end = bytes.indexOf(0x0a, start); end >= 0; end = bytes.indexOf(0x0a, start)) {
        if (fn(bytes.toString('utf8', start, end)) === false) return;
        start = end + 1;
      }
      if (n === 0) {
        if (start < bytes.length) fn(bytes.toString('utf8', start));
        return;
      }
      rest = Buffer.from(bytes.subarray(start));
    }
  } finally {
    fs.closeSync(fd);
  }
}

function readHeader(outDir: string): JournalHeader | null {
  let first: string | null = null;
  try {
    forEachLine(path.join(outDir, JOURNAL_FILE), (line) => {
      first = line;
      return false;
    });
  } catch {
    return null;
  }
  try {
    const header = JSON.parse(first ?? '') as JournalHeader;
    return header?.journal === 1 && header.tool && typeof header.configHash === 'string' ? header : null;
  } catch {
    return null;
  }
}

/**
 * Lays the journal's entries over the previous manifest's in the run's state (a later line wins,
 * and is marked recovered: its record is not yet in items.jsonl or the index), when the journal was
 * made with this tool version and config. Returns the manifest's head as it now stands and how many
 * entries the journal supplied. Without a usable journal, the manifest as it was.
 */
export function foldJournal(
  outDir: string,
  state: RunState,
  previous: ManifestHead | null,
  tool: Manifest['tool'],
  configHash: string,
): { head: ManifestHead | null; recovered: number } {
  const header = readHeader(outDir);
  if (!header || header.tool.version !== tool.version || header.configHash !== configHash) return { head: previous, recovered: 0 };
  // The manifest's entries were made with other settings than the journal's (the killed run had a
  // new config or version): they stay, for files outside this run's inputs, but with no content hash,
  // so none passes for unchanged under the journal's settings.
  if (previous && (previous.tool?.version !== tool.version || previous.configHash !== configHash)) state.clearPreviousHashes();
  let recovered = 0;
  state.batch(() =>
    forEachLine(path.join(outDir, JOURNAL_FILE), (line) => {
      if (!line) return;
      try {
        const entry = JSON.parse(line) as unknown;
        if (isEntry(entry)) {
          state.addPrevious(entry, true);
          recovered++;
        }
      } catch {
        // the header, or a line cut short by the kill: that file is redone
      }
    }),
  );
  return { head: { ...(previous ?? {}), tool, configHash }, recovered };
}

/** Appends entries to OUT/journal.jsonl; starts it afresh when the one there is of other settings. */
export class Journal {
  private fd: number | null = null;

  constructor(
    private readonly outDir: string,
    private readonly header: JournalHeader,
  ) {}

  static open(outDir: string, tool: Manifest['tool'], configHash: string): Journal {
    return new Journal(outDir, { journal: 1, tool, configHash });
  }

  /** One line per entry, written with a single write() on an O_APPEND file (a kill cuts at most the last). */
  append(entry: ManifestEntry): void {
    if (this.fd === null) {
      const file = path.join(this.outDir, JOURNAL_FILE);
      const existing = readHeader(this.outDir);
      const same = existing && existing.tool.version === this.header.tool.version && existing.configHash === this.header.configHash;
      this.fd = fs.openSync(file, same ? 'a+' : 'w');
      if (!same) fs.writeSync(this.fd, `${JSON.stringify(this.header)}\n`);
      // A line the kill cut short is ended, so the next line is not glued to it.
      else if (!endsWithNewline(this.fd)) fs.writeSync(this.fd, '\n');
    }
    fs.writeSync(this.fd, `${JSON.stringify(entry)}\n`);
  }

  close(): void {
    if (this.fd !== null) fs.closeSync(this.fd);
    this.fd = null;
  }

  /** The manifest now holds everything the journal did. */
  remove(): void {
    this.close();
    fs.rmSync(path.join(this.outDir, JOURNAL_FILE), { force: true });
  }
}

function endsWithNewline(fd: number): boolean {
  const size = fs.fstatSync(fd).size;
  if (size === 0) return true;
  const last = Buffer.alloc(1);
  fs.readSync(fd, last, 0, 1, size - 1);
  return last[0] === 0x0a;
}

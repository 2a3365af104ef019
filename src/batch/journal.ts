/**
 * OUT/journal.jsonl: a run's progress, one line per file as soon as its record (or its failure) is
 * written, so a run killed outright (kill -9, power cut before the page cache is lost aside) costs
 * only the files in flight. The first line names the tool version and config the lines were made
 * with. The next run folds the journal into the previous manifest (`foldJournal`) and keeps
 * appending to it; writing the manifest ends its use and it is deleted.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Manifest, ManifestEntry } from './manifest.js';

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

function readJournal(outDir: string): { header: JournalHeader; entries: ManifestEntry[] } | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(outDir, JOURNAL_FILE), 'utf8');
  } catch {
    return null;
  }
  const lines = text.split('\n');
  let header: JournalHeader;
  try {
    header = JSON.parse(lines[0]) as JournalHeader;
  } catch {
    return null;
  }
  if (header?.journal !== 1 || !header.tool || typeof header.configHash !== 'string') return null;
  const entries: ManifestEntry[] = [];
  for (const line of lines.slice(1)) {
    if (!line) continue;
    try {
      const entry = JSON.parse(line) as unknown;
      if (isEntry(entry)) entries.push(entry);
    } catch {
      // a line cut short by the kill: that file is redone
    }
  }
  return { header, entries };
}

/**
 * The previous manifest with the journal's entries laid over it (a later line wins), when the journal
 * was made with this tool version and config; also the paths it supplied, whose records are not yet
 * in items.jsonl or the index. Without a usable journal, the manifest as it was.
 */
export function foldJournal(outDir: string, previous: Manifest | null, tool: Manifest['tool'], configHash: string): { manifest: Manifest | null; recovered: Set<string> } {
  const journal = readJournal(outDir);
  const recovered = new Set<string>();
  if (!journal || journal.header.tool.version !== tool.version || journal.header.configHash !== configHash) return { manifest: previous, recovered };
  // The manifest's entries were made with other settings than the journal's (the killed run had a
  // new config or version): they stay, for files outside this run's inputs, but with no content hash,
  // so none passes for unchanged under the journal's settings.
  const otherSettings = !!previous && (previous.tool?.version !== tool.version || previous.configHash !== configHash);
  const byPath = new Map((previous?.files ?? []).map((f) => [f.path, otherSettings ? { ...f, sha256: '' } : f]));
  for (const entry of journal.entries) {
    byPath.set(entry.path, entry);
    recovered.add(entry.path);
  }
  const base = previous ?? { tool, configHash, totals: { files: 0, ok: 0, failed: 0 }, files: [] };
  return { manifest: { ...base, tool, configHash, files: [...byPath.values()] }, recovered };
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
      const existing = readJournal(this.outDir);
      const same = existing && existing.header.tool.version === this.header.tool.version && existing.header.configHash === this.header.configHash;
      this.fd = fs.openSync(file, same ? 'a' : 'w');
      if (!same) fs.writeSync(this.fd, `${JSON.stringify(this.header)}\n`);
      // A line the kill cut short is ended, so the next line is not glued to it.
      else if (!fs.readFileSync(file, 'utf8').endsWith('\n')) fs.writeSync(this.fd, '\n');
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

/**
 * OUT/manifest.json: every file of the archive exactly once, sorted by path, with its outcome.
 * It is also the memory of incremental runs (content hash, base id, issue key per file), so it
 * holds no timestamps: an unchanged archive gives a byte-identical manifest. For that, it describes
 * the archive, not the last run: a file skipped as unchanged is written `ok` like when it was made
 * (the run's own skipped count is in its summary).
 *
 * An archive's manifest can outgrow what a run should hold in memory, so it is read entry by entry
 * (`readManifestEntries`: a scanner over the bytes hands each `files` element to JSON.parse on its
 * own) and written entry by entry (`writeManifest`, from entries given in path order).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { SourceFormat } from '../types.js';
import type { ErrorInfo } from './protocol.js';
import { writeFileAtomicChunks } from '../store/atomic-write.js';
import type { IssueKey } from './same-issue.js';

/** `skipped` lives only in a run's summary; the manifest file says `ok` or `failed`. */
export type FileStatus = 'ok' | 'skipped' | 'failed';

export interface ManifestEntry {
  path: string;
  status: FileStatus;
  format: SourceFormat | null;
  sha256: string;
  /** `bulletins/<id>.json`, or null when the file produced no record. */
  record: string | null;
  /** Number of messages on the record. */
  messages: number;
  error: ErrorInfo | null;
  /**
   * The files holding the same issue (same masthead publisher, year and issue, or same bytes) share
   * this value: the first of their paths in manifest order. Null when no other file holds the issue.
   * (Manifest version 1 listed every other file here, `sameIssueAs`, quadratic in an issue's copies.)
   */
  issueGroup: string | null;
  bytes: number;
  /** Record id, and the id ingestFile gave before making it unique within the archive. */
  id: string | null;
  baseId: string | null;
  items: number;
  issue: IssueKey | null;
}

export interface Manifest {
  /** The manifest's own format: 2 since `issueGroup` replaced `sameIssueAs` (absent in version 1). */
  manifestVersion: typeof MANIFEST_VERSION;
  tool: { name: string; version: string };
  configHash: string;
  /** Set when this run could not update OUT/index.sqlite: the next run rebuilds it whole. */
  indexStale?: true;
  totals: { files: number; ok: number; failed: number };
  files: ManifestEntry[];
}

export const MANIFEST_FILE = 'manifest.json';
export const MANIFEST_VERSION = 2;

const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);

/** What a manifest says besides its files. */
export type ManifestHead = Pick<Manifest, 'tool' | 'configHash' | 'indexStale'>;

const isEntry = (f: unknown): f is ManifestEntry => {
  const e = f as ManifestEntry | null;
  return !!e && typeof e === 'object' && typeof e.path === 'string' && typeof e.sha256 === 'string' && typeof e.status === 'string';
};

/**
 * Reads the previous run's manifest entry by entry, handing each file's entry to `onEntry` as it is
 * read (malformed ones are left out); returns the rest of the manifest, or null when there is none or
 * it cannot be used — a damaged manifest only costs a full run, and the caller then forgets the
 * entries it was given.
 */
export async function readManifestEntries(outDir: string, onEntry: (entry: ManifestEntry) => void): Promise<ManifestHead | null> {
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(path.join(outDir, MANIFEST_FILE), 'r');
  } catch {
    return null;
  }
  try {
    const scanner = new FilesScanner((element) => {
      const entry = JSON.parse(element) as unknown;
      if (isEntry(entry)) onEntry(entry);
    });
    const chunk = Buffer.allocUnsafe(1 << 20);
    for (let position = 0; ; ) {
      const { bytesRead } = await handle.read(chunk, 0, chunk.length, position);
      if (bytesRead === 0) break;
      position += bytesRead;
      scanner.push(chunk.subarray(0, bytesRead));
    }
    const head = JSON.parse(scanner.rest()) as Manifest;
    if (!head || typeof head !== 'object' || !Array.isArray(head.files) || !head.tool) return null;
    return { tool: head.tool, configHash: head.configHash, ...(head.indexStale ? { indexStale: true as const } : {}) };
  } catch {
    return null;
  } finally {
    await handle.close();
  }
}

/** The whole manifest in memory: for tests and small archives (a run reads it with `readManifestEntries`). */
export async function readManifest(outDir: string): Promise<(ManifestHead & { files: ManifestEntry[] }) | null> {
  const files: ManifestEntry[] = [];
  const head = await readManifestEntries(outDir, (entry) => files.push(entry));
  return head && { ...head, files };
}

const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;

/**
 * Splits a manifest's bytes: each object in the top-level `files` array goes to `onElement` (as
 * text), everything else is kept (`rest()`: the manifest with `"files": []`, to parse as a whole).
 * Works on UTF-8 bytes, where every byte of a multi-byte character is ≥ 0x80 and so never taken for
 * a quote, bracket or backslash.
 */
class FilesScanner {
  private depth = 0;
  private inString = false;
  private escaped = false;
  /** Bytes of the last string opened at depth 1 (a key, when a colon follows); up to 8 of them. */
  private lastString: number[] | null = null;
  private keyIsFiles = false;
  private inFiles = false;
  private element: Buffer[] | null = null;
  private readonly kept: Buffer[] = [];

  constructor(private readonly onElement: (text: string) => void) {}

  push(bytes: Buffer): void {
    let keepFrom = this.inFiles ? -1 : 0;
    let elementFrom = this.element ? 0 : -1;
    for (let i = 0; i < bytes.length; i++) {
      const c = bytes[i];
      if (this.inString) {
        if (this.escaped) this.escaped = false;
        else if (c === BACKSLASH) this.escaped = true;
        else if (c === QUOTE) this.inString = false;
        else if (this.lastString && this.lastString.length < 8) this.lastString.push(c);
        continue;
      }
      const between = this.inFiles && this.depth === 2 && !this.element;
      if (c === QUOTE) {
        if (between) throw new Error('the manifest lists something other than entries');
        this.inString = true;
        this.lastString = this.depth === 1 ? [] : null;
      } else if (c === COLON && this.depth === 1) {
        this.keyIsFiles = !!this.lastString && Buffer.from(this.lastString).toString('latin1') === 'files';
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        if (between) {
          this.element = [];
          elementFrom = i;
        }
        this.depth++;
        if (this.depth === 2 && c === OPEN_BRACKET && this.keyIsFiles) {
          this.inFiles = true;
          this.kept.push(Buffer.from(bytes.subarray(keepFrom, i + 1)));
          keepFrom = -1;
        }
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--;
        if (this.element && this.depth === 2) {
          this.element.push(bytes.subarray(elementFrom, i + 1));
          const text = Buffer.concat(this.element).toString('utf8');
          this.element = null;
          elementFrom = -1;
          if (text.startsWith('{')) this.onElement(text);
        } else if (this.inFiles && this.depth === 1) {
          this.inFiles = false; // the commas between the elements are dropped with them
          keepFrom = i;
        }
      } else if (between && c > 0x20 && c !== 0x2c) {
        throw new Error('the manifest lists something other than entries');
      }
    }
    if (this.element) this.element.push(Buffer.from(bytes.subarray(elementFrom)));
    if (keepFrom >= 0) this.kept.push(Buffer.from(bytes.subarray(keepFrom)));
  }

  /** The manifest without its entries, once every byte has been pushed. */
  rest(): string {
    if (this.inString || this.element) throw new Error('the manifest is cut short');
    return Buffer.concat(this.kept).toString('utf8');
  }
}

/** Fixed key order, so the manifest's bytes depend only on its content. */
export function normaliseEntry(e: ManifestEntry): ManifestEntry {
  return {
    path: e.path,
    status: e.status === 'skipped' ? 'ok' : e.status,
    format: e.format,
    sha256: e.sha256,
    record: e.record,
    messages: e.messages,
    error: e.error ? { code: e.error.code, message: e.error.message } : null,
    issueGroup: e.issueGroup ?? null,
    bytes: e.bytes,
    id: e.id,
    baseId: e.baseId,
    items: e.items,
    issue: e.issue ? { publisher: e.issue.publisher, year: e.issue.year, number: e.issue.number } : null,
  };
}

/**
 * Writes OUT/manifest.json atomically from entries given in path order, one at a time: the same
 * bytes as `JSON.stringify(manifest, null, 2)` of the whole, without the whole in memory.
 */
export async function writeManifest(
  outDir: string,
  head: { tool: Manifest['tool']; configHash: string; indexStale?: boolean; totals: Manifest['totals'] },
  entries: Iterable<ManifestEntry>,
): Promise<void> {
  const top = JSON.stringify(
    { manifestVersion: MANIFEST_VERSION, tool: head.tool, configHash: head.configHash, ...(head.indexStale ? { indexStale: true } : {}), totals: head.totals, files: [] },
    null,
    2,
  );
  const opening = top.slice(0, top.lastIndexOf('[]'));
  await writeFileAtomicChunks(path.join(outDir, MANIFEST_FILE), (function* () {
    yield opening;
    let first = true;
    let pending = '';
    for (const entry of entries) {
      pending += `${first ? '[\n' : ',\n'}${JSON.stringify(normaliseEntry(entry), null, 2).replace(/^/gm, '    ')}`;
      first = false;
      if (pending.length > 1 << 16) {
        yield pending;
        pending = '';
      }
    }
    yield `${pending}${first ? '[]' : '\n  ]'}\n}\n`;
  })());
}

export const recordPathOf = (id: string): string => `bulletins/${id}.json`;

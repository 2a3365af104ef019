/**
 * Finding the files of a batch: inputs are files or folders (walked recursively). Hidden and
 * temporary files are left out, symlinked folders are not followed (so a link loop cannot trap the
 * walk), links to files outside the input folder are not followed unless asked, and the output
 * folder is never entered when it lies inside an input folder. Paths are canonical (real paths),
 * and names that are not UTF-8 are read by their bytes (byte-paths.ts).
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { byteKey, displayName, joinPath, nameOf, type FsPath } from './byte-paths.js';
import { describeFsError } from './out-errors.js';

export interface FoundFile {
  /** Absolute path used for reading: bytes when a name in it is not UTF-8 (see byte-paths.ts). */
  absPath: FsPath;
  /**
   * The canonical path shown and stored: the real path (symlinks resolved) relative to the current
   * folder's real path, or absolute outside it, so `docs`, `$PWD/docs` and a link to docs agree.
   */
  displayPath: string;
}

export interface WalkResult {
  files: FoundFile[];
  /** Hidden/temporary files, non-document files, symlinked folders and special files that were left out. */
  ignored: string[];
  /** Symlinks inside an input folder pointing to a file outside it: not read unless `followSymlinks`. */
  linksOut: string[];
  /** Folders that could not be listed (permissions, a path beyond PATH_MAX), with why, `dir/` style. */
  unreadable: { displayPath: string; message: string }[];
  /** Each input's canonical display path (for telling whether an earlier entry lies under an input). */
  scopes: string[];
}

/** A mistake in the command line (a missing path, an input inside OUT): exit status 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

const IGNORED_NAMES = new Set(['.DS_Store', 'Thumbs.db', 'ehthumbs.db', 'desktop.ini', 'Desktop.ini']);

/** Hidden files, Office lock files (`~$x.docx`), editor backups and `*.tmp` leftovers. */
export function isIgnoredName(name: string): boolean {
  if (IGNORED_NAMES.has(name)) return true;
  if (name.startsWith('.') || name.startsWith('~$')) return true;
  const lower = name.toLowerCase();
  return lower.endsWith('.tmp') || lower.endsWith('~') || lower.endsWith('.swp') || lower.endsWith('.part');
}

/**
 * Files met while walking a folder that are certainly not bulletins: project, data and markup files
 * that live beside archives (README.md, checksums, our own JSON output, the styles and fonts saved with a
 * web page). Everything else is tried (web pages, .html/.htm, included),
 * since the format is sniffed from the bytes (a .docx saved as .pdf is still read); a file named
 * explicitly on the command line is always tried.
 */
const NOT_DOCUMENT_EXTENSIONS = new Set([
  '.md', '.markdown', '.json', '.jsonl', '.ndjson', '.csv', '.tsv', '.xml', '.yml', '.yaml', '.toml', '.ini', '.cfg', '.conf',
  '.js', '.mjs', '.cjs', '.ts', '.py', '.sh', '.bat', '.ps1', '.log', '.lock', '.sqlite', '.db', '.md5', '.sha1', '.sha256',
  // what a browser saves beside a web page (page_files/): the .html/.htm page itself is read
  '.css', '.svg', '.map', '.ico', '.woff', '.woff2', '.ttf', '.eot',
]);

export function isNotADocument(name: string): boolean {
  return NOT_DOCUMENT_EXTENSIONS.has(path.extname(name).toLowerCase());
}

const toPosix = (p: string): string => p.split(path.sep).join('/');

function isInside(child: FsPath, parent: FsPath): boolean {
  const rel = path.relative(byteKey(parent), byteKey(child));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function realpathOrNull(p: FsPath): Promise<FsPath | null> {
  try {
    return typeof p === 'string' ? await fs.promises.realpath(p) : nameOf(await fs.promises.realpath(p, { encoding: 'buffer' }));
  } catch {
    return null;
  }
}

/** The canonical display path of a real path: relative to the current folder's real path when inside it. */
function canonicalDisplay(real: string, cwdReal: string): string {
  return isInside(real, cwdReal) ? toPosix(path.relative(cwdReal, real)) || '.' : toPosix(real);
}

/** Where the walk puts the files it finds; each real file may be offered several times. */
export interface FoundSink {
  /**
   * A file found, under `realKey` (`byteKey` of its real path). Of the offers of one real file the one
   * with the smallest display path counts.
   */
  add(realKey: string, file: FoundFile): void;
}

/** The inputs of a walk, checked. */
export interface ResolvedInputs {
  cwdReal: string;
  outReal: FsPath;
  roots: { real: string; display: string; folder: boolean }[];
}

/**
 * Checks the inputs before anything is walked or written: each must exist, be a file or folder and
 * lie outside OUT. Throws a UsageError otherwise.
 */
export async function resolveInputs(inputs: string[], options: { outDir: string; cwd?: string }): Promise<ResolvedInputs> {
  const cwd = options.cwd ?? process.cwd();
  const cwdReal = ((await realpathOrNull(cwd)) as string | null) ?? cwd;
  const outAbs = path.resolve(cwd, options.outDir);
  const outReal = (await realpathOrNull(outAbs)) ?? outAbs;
  const roots: ResolvedInputs['roots'] = [];
  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const real = (await realpathOrNull(abs)) as string | null;
    if (!real) throw new UsageError(`No such file or folder: ${input}`);
    if (isInside(real, outReal)) throw new UsageError(`Input ${input} lies inside the output folder ${options.outDir}`);
    const stat = await fs.promises.stat(real);
    if (!stat.isDirectory() && !stat.isFile()) throw new UsageError(`Not a file or folder: ${input}`);
    roots.push({ real, display: canonicalDisplay(real, cwdReal), folder: stat.isDirectory() });
  }
  return { cwdReal, outReal, roots };
}

/** Walks checked inputs, handing every file found to `sink`; returns what was left out. */
export async function walkResolved(resolved: ResolvedInputs, sink: FoundSink, options: { followSymlinks?: boolean } = {}): Promise<Omit<WalkResult, 'files'>> {
  const { outReal } = resolved;
  const ignored: string[] = [];
  const linksOut: string[] = [];
  const unreadable: WalkResult['unreadable'] = [];
  const visitedDirs = new Set<string>();
  const addFile = (absPath: FsPath, real: FsPath, displayPath: string) => sink.add(byteKey(real), { absPath, displayPath });

  const walkDir = async (dirAbs: FsPath, dirReal: FsPath, dirDisplay: string, rootReal: FsPath) => {
    if (visitedDirs.has(byteKey(dirReal)) || isInside(dirReal, outReal)) return;
    visitedDirs.add(byteKey(dirReal));
    let entries: fs.Dirent<Buffer>[];
    try {
      entries = await fs.promises.readdir(dirAbs, { withFileTypes: true, encoding: 'buffer' });
    } catch (err) {
      unreadable.push({ displayPath: `${dirDisplay}/`, message: describeFsError(err) });
      return;
    }
    entries.sort((a, b) => Buffer.compare(a.name, b.name));
    for (const entry of entries) {
      const name = nameOf(entry.name);
      const shown = displayName(name);
      const abs = joinPath(dirAbs, name);
      const display = dirDisplay === '.' ? shown : `${dirDisplay}/${shown}`;
      if (isIgnoredName(shown) || (entry.isFile() && isNotADocument(shown))) {
        ignored.push(display);
        continue;
      }
      if (entry.isDirectory()) {
        await walkDir(abs, joinPath(dirReal, name), display, rootReal);
      } else if (entry.isFile()) {
        addFile(abs, joinPath(dirReal, name), display);
      } else if (entry.isSymbolicLink()) {
        // A link to a file in the same input folder is read like the file (once); one leading out of
        // the folder only with followSymlinks (it could reach any file the user can read); a link to
        // a folder is never followed.
        const real = await realpathOrNull(abs);
        const stat = real ? await fs.promises.stat(real).catch(() => null) : null;
        if (!real || !stat?.isFile() || isInside(real, outReal)) ignored.push(display);
        else if (!options.followSymlinks && !isInside(real, rootReal)) linksOut.push(display);
        else addFile(abs, real, display);
      } else {
        ignored.push(display); // sockets, FIFOs, devices: reading them could block forever
      }
    }
  };

  for (const root of resolved.roots) {
    if (root.folder) await walkDir(root.real, root.real, root.display, root.real);
    else addFile(root.real, root.real, root.display);
  }
  return { ignored: ignored.sort(), linksOut: linksOut.sort(), unreadable, scopes: resolved.roots.map((r) => r.display) };
}

/**
 * The display path of a file whose display path another real file already has (a %XX-escaped name
 * and a real name spelled so): the later one, in real-path order, gets its bytes' hash.
 */
export const disambiguatedDisplay = (displayPath: string, realKey: string): string =>
  `${displayPath}~${createHash('sha256').update(realKey, 'latin1').digest('hex').slice(0, 8)}`;

/**
 * Lists every file to ingest, sorted by display path, each real file once (an input given twice, by
 * another name or through a link, or a folder and a file inside it, yields one entry). Holds them all
 * in memory; a batch run walks into its state database instead (run-state.ts).
 */
export async function walkInputs(inputs: string[], options: { outDir: string; cwd?: string; followSymlinks?: boolean }): Promise<WalkResult> {
  const resolved = await resolveInputs(inputs, options);
  const byRealPath = new Map<string, FoundFile>();
  const rest = await walkResolved(
    resolved,
    {
      add(key, file) {
        const existing = byRealPath.get(key);
        if (!existing || file.displayPath < existing.displayPath) byRealPath.set(key, file);
      },
    },
    options,
  );
  const files: FoundFile[] = [];
  const shownAs = new Set<string>();
  for (const [key, file] of [...byRealPath.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const displayPath = shownAs.has(file.displayPath) ? disambiguatedDisplay(file.displayPath, key) : file.displayPath;
    shownAs.add(displayPath);
    files.push({ ...file, displayPath });
  }
  files.sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
  return { files, ...rest };
}

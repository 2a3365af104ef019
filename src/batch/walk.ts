/**
 * Finding the files of a batch: inputs are files or folders (walked recursively). Hidden and
 * temporary files are left out, symlinked folders are not followed (so a link loop cannot trap the
 * walk), and the output folder is never entered when it lies inside an input folder.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface FoundFile {
  /** Absolute path used for reading. */
  absPath: string;
  /** The path as given on the command line, or the input folder joined with the path below it. */
  displayPath: string;
}

export interface WalkResult {
  files: FoundFile[];
  /** Hidden/temporary files, non-document files, symlinked folders and special files that were left out. */
  ignored: string[];
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

function isInside(child: string, parent: string): boolean {
  const rel = path.relative(parent, child);
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

async function realpathOrNull(p: string): Promise<string | null> {
  try {
    return await fs.promises.realpath(p);
  } catch {
    return null;
  }
}

/**
 * Lists every file to ingest, sorted by display path, each real file once (an input given twice,
 * or a folder and a file inside it, yields one entry: the smallest display path).
 */
export async function walkInputs(inputs: string[], options: { outDir: string; cwd?: string }): Promise<WalkResult> {
  const cwd = options.cwd ?? process.cwd();
  const outAbs = path.resolve(cwd, options.outDir);
  const outReal = (await realpathOrNull(outAbs)) ?? outAbs;
  const byRealPath = new Map<string, FoundFile>();
  const ignored: string[] = [];
  const visitedDirs = new Set<string>();

  const addFile = (absPath: string, real: string, displayPath: string) => {
    const existing = byRealPath.get(real);
    if (!existing || displayPath < existing.displayPath) byRealPath.set(real, { absPath, displayPath });
  };

  const walkDir = async (dirAbs: string, dirReal: string, dirDisplay: string) => {
    if (visitedDirs.has(dirReal) || isInside(dirReal, outReal)) return;
    visitedDirs.add(dirReal);
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dirAbs, { withFileTypes: true });
    } catch {
      ignored.push(dirDisplay);
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const abs = path.join(dirAbs, entry.name);
      const display = toPosix(path.join(dirDisplay, entry.name));
      if (isIgnoredName(entry.name) || (entry.isFile() && isNotADocument(entry.name))) {
        ignored.push(display);
        continue;
      }
      if (entry.isDirectory()) {
        await walkDir(abs, path.join(dirReal, entry.name), display);
      } else if (entry.isFile()) {
        addFile(abs, path.join(dirReal, entry.name), display);
      } else if (entry.isSymbolicLink()) {
        // A link to a file is read like the file; a link to a folder is never followed.
        const real = await realpathOrNull(abs);
        const stat = real ? await fs.promises.stat(real).catch(() => null) : null;
        if (real && stat?.isFile() && !isInside(real, outReal)) addFile(abs, real, display);
        else ignored.push(display);
      } else {
        ignored.push(display); // sockets, FIFOs, devices: reading them could block forever
      }
    }
  };

  for (const input of inputs) {
    const abs = path.resolve(cwd, input);
    const real = await realpathOrNull(abs);
    if (!real) throw new UsageError(`No such file or folder: ${input}`);
    if (isInside(real, outReal)) throw new UsageError(`Input ${input} lies inside the output folder ${options.outDir}`);
    const stat = await fs.promises.stat(real);
    const display = toPosix(path.normalize(input)).replace(/\/$/, '') || '.';
    if (stat.isDirectory()) await walkDir(abs, real, display);
    else if (stat.isFile()) addFile(abs, real, display);
    else throw new UsageError(`Not a file or folder: ${input}`);
  }

  const files = [...byRealPath.values()].sort((a, b) => (a.displayPath < b.displayPath ? -1 : a.displayPath > b.displayPath ? 1 : 0));
  return { files, ignored: ignored.sort() };
}

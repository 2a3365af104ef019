/**
 * The query-side commands: `bulletin index`, `query`, `person`, `people`, `orgs`. Each returns an exit
 * status: 0 success (also when nothing matched), 1 the index could not be built, 2 wrong usage or no
 * output folder. Loaded lazily by the CLI; it must not import extraction or entity modules, and it
 * loads the index builder (zod, record schema) only when the index has to be built.
 */
import fs from 'node:fs';
import { bulletinsDir, indexLooksStale, indexPath, openIndexForRead, type IndexDatabase } from '../store/index-db.js';
import { ITEM_FIELDS, OUTPUT_FORMATS, formatCounts, formatItemChunks, formatPerson, formatTop, type ItemField, type OutputFormat } from './format.js';
import { COUNT_KEYS, countItems, iterateItems, personTimelines, topEntities, type CountKey, type QueryFilters } from './search.js';

export interface CommonOptions {
  out?: string;
  format?: OutputFormat;
  /** CSV output starts with a UTF-8 byte-order mark (for Excel on Windows). */
  bom?: boolean;
  /** Every file's item rather than one per item of an issue. */
  allRenditions?: boolean;
}

export interface QueryOptions extends CommonOptions, Omit<QueryFilters, 'allRenditions'> {
  /** Count the matching items by person, org, section or month instead of listing them. */
  count?: string;
  /** Comma-separated result fields to print. */
  fields?: string;
}

export interface PersonOptions extends CommonOptions {
  publisher?: string;
}

export interface TopOptions extends CommonOptions {
  limit?: number;
}

export interface IndexOptions extends CommonOptions {
  /** Rendition order, best first: `docx,doc,pdf,txt,scan`. */
  prefer?: string;
}

const DEFAULT_OUT = 'out';
const DEFAULT_TOP_LIMIT = 20;

class UsageError extends Error {}

export async function runIndex(opts: IndexOptions): Promise<number> {
  return run('index', async () => {
    const outDir = requireOutDir(opts.out);
    if (!fs.existsSync(bulletinsDir(outDir))) throw new UsageError(`${outDir} holds no records (no ${bulletinsDir(outDir)} folder); run \`bulletin ingest\` first`);
    let order: string[] | null = null;
    if (opts.prefer !== undefined) {
      const { parseRenditionOrder } = await import('../store/issues.js');
      try {
        order = parseRenditionOrder(opts.prefer);
      } catch (err) {
        throw new UsageError(`--prefer: ${(err as Error).message}`);
      }
    }
    const counts = await buildIndex(outDir);
    if (order) {
      const { setRenditionOrder } = await import('../store/sqlite-index.js');
      setRenditionOrder(outDir, order);
      process.stderr.write(`preferred renditions: ${order.join(' > ')}\n`);
    }
    process.stderr.write(`indexed ${counts.records} record${counts.records === 1 ? '' : 's'}, ${counts.items} item${counts.items === 1 ? '' : 's'} into ${indexPath(outDir)}\n`);
    return 0;
  });
}

export async function runQuery(opts: QueryOptions): Promise<number> {
  return run('query', async () => {
    const filters = parseFilters(opts);
    const format = outputFormat(opts.format);
    const count = opts.count === undefined ? undefined : countKey(opts.count);
    const fields = opts.fields === undefined ? undefined : parseFields(opts.fields);
    if (count && fields) throw new UsageError('--fields applies to items, not to --count');
    const db = await openIndex(requireOutDir(opts.out));
    try {
      if (count) print(formatCounts(countItems(db, filters, count), format, terminalWidth(), { bom: opts.bom }));
      else printChunks(formatItemChunks(iterateItems(db, filters), format, { fields, bom: opts.bom, terminalWidth: terminalWidth() }));
    } finally {
      db.close();
    }
    return 0;
  });
}

export async function runPerson(name: string, opts: PersonOptions): Promise<number> {
  return run('person', async () => {
    if (name.trim() === '') throw new UsageError('the name is empty');
    if (opts.publisher !== undefined && opts.publisher.trim() === '') throw new UsageError('--publisher is empty');
    const format = outputFormat(opts.format);
    const db = await openIndex(requireOutDir(opts.out));
    try {
      const timelines = personTimelines(db, name, { publisher: opts.publisher?.trim(), allRenditions: opts.allRenditions });
      print(formatPerson(timelines, name.trim(), format, terminalWidth(), { bom: opts.bom }));
    } finally {
      db.close();
    }
    return 0;
  });
}

export async function runTop(kind: 'people' | 'orgs', opts: TopOptions): Promise<number> {
  return run(kind, async () => {
    const format = outputFormat(opts.format);
    const limit = opts.limit === undefined ? DEFAULT_TOP_LIMIT : positiveInteger(opts.limit, '--limit');
    const db = await openIndex(requireOutDir(opts.out));
    try {
      print(formatTop(topEntities(db, kind, limit, { allRenditions: opts.allRenditions }), format, terminalWidth(), { bom: opts.bom }));
    } finally {
      db.close();
    }
    return 0;
  });
}

export async function runShow(id: string, opts: { out?: string; format?: string }): Promise<number> {
  return run('show', async () => {
    if (id.trim() === '') throw new UsageError('the id is empty');
    const format = opts.format ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`unknown --format ${format} (text or json)`);
    const outDir = requireOutDir(opts.out);
    const db = await openIndex(outDir);
    try {
      const { findShown, formatShown } = await import('./show.js');
      const shown = findShown(db, outDir, id.trim());
      if (!shown) {
        process.stderr.write(`bulletin show: no item, record or issue ${JSON.stringify(id)} in ${outDir}\n`);
        return 1;
      }
      print(formatShown(shown, format));
    } finally {
      db.close();
    }
    return 0;
  });
}

async function run(command: string, body: () => Promise<number>): Promise<number> {
  try {
    return await body();
  } catch (err) {
    if (err instanceof UsageError) {
      process.stderr.write(`bulletin ${command}: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`bulletin ${command}: ${(err as Error)?.message ?? String(err)}\n`);
    return 1;
  }
}

/** Validates the query options into filters; throws UsageError on bad input. */
export function parseFilters(opts: QueryOptions): QueryFilters {
  const filters: QueryFilters = {};
  for (const key of ['person', 'title', 'org', 'place', 'section', 'publisher', 'text'] as const) {
    const value = opts[key];
    if (value === undefined) continue;
    if (value.trim() === '') throw new UsageError(`--${key} is empty`);
    filters[key] = value.trim();
  }
  if (opts.from !== undefined) filters.from = parseDateBound(opts.from, 'from');
  if (opts.to !== undefined) filters.to = parseDateBound(opts.to, 'to');
  if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to) {
    throw new UsageError(`--from ${opts.from} is after --to ${opts.to}`);
  }
  if (opts.limit !== undefined) filters.limit = positiveInteger(opts.limit, '--limit');
  if (opts.offset !== undefined) {
    const n = Number(opts.offset);
    if (!Number.isInteger(n) || n < 0) throw new UsageError('--offset must be a whole number (0 or more)');
    filters.offset = n;
  }
  if (opts.allRenditions) filters.allRenditions = true;
  return filters;
}

function countKey(value: string): CountKey {
  if (!(COUNT_KEYS as readonly string[]).includes(value)) throw new UsageError(`--count takes one of ${COUNT_KEYS.join(', ')}, not ${JSON.stringify(value)}`);
  return value as CountKey;
}

/** `itemId,date,text`: known result fields, each once. */
export function parseFields(value: string): ItemField[] {
  const fields = value.split(',').map((f) => f.trim()).filter((f) => f.length > 0);
  if (fields.length === 0) throw new UsageError('--fields is empty');
  for (const field of fields) {
    if (!(ITEM_FIELDS as readonly string[]).includes(field)) throw new UsageError(`unknown field ${JSON.stringify(field)} in --fields (known: ${ITEM_FIELDS.join(', ')})`);
  }
  return [...new Set(fields)] as ItemField[];
}

/**
 * YYYY-MM-DD, checked against the calendar. YYYY-MM and YYYY are accepted too and stand for the
 * first day (--from) or the last day (--to) of that month or year.
 */
export function parseDateBound(value: string, bound: 'from' | 'to'): string {
  const match = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value.trim());
  const bad = () => new UsageError(`--${bound} ${JSON.stringify(value)} is not a date (YYYY-MM-DD)`);
  if (!match) throw bad();
  const year = Number(match[1]);
  const month = match[2] === undefined ? (bound === 'from' ? 1 : 12) : Number(match[2]);
  if (month < 1 || month > 12) throw bad();
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const day = match[3] === undefined ? (bound === 'from' ? 1 : daysInMonth) : Number(match[3]);
  if (day < 1 || day > daysInMonth) throw bad();
  return `${match[1]}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function positiveInteger(value: unknown, option: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${option} must be a positive integer`);
  return n;
}

function outputFormat(format: string | undefined): OutputFormat {
  if (format === undefined) return process.stdout.isTTY ? 'table' : 'jsonl';
  if (!(OUTPUT_FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown --format ${format}`);
  return format as OutputFormat;
}

function requireOutDir(out: string | undefined): string {
  const outDir = out ?? DEFAULT_OUT;
  if (!fs.existsSync(outDir) || !fs.statSync(outDir).isDirectory()) {
    throw new UsageError(`no output folder ${outDir}; run \`bulletin ingest FILES --out ${outDir}\` first`);
  }
  return outDir;
}

/** Rebuilds the index under OUT's lock, so it never races an ingest writing the same index. */
async function buildIndex(outDir: string): Promise<{ records: number; items: number }> {
  const [{ rebuildIndex }, { acquireOutLock }, { OutError }] = await Promise.all([
    import('../store/sqlite-index.js'),
    import('../batch/lock.js'),
    import('../batch/out-errors.js'),
  ]);
  let lock;
  try {
    lock = acquireOutLock(outDir);
  } catch (err) {
    if (err instanceof OutError) throw new UsageError(err.message);
    throw err;
  }
  try {
    return rebuildIndex(outDir, { onWarning: (message) => process.stderr.write(`warning: ${message}\n`) });
  } finally {
    lock.release();
  }
}

/** Opens the index, building it first when it is missing or from another version. */
async function openIndex(outDir: string): Promise<IndexDatabase> {
  const existing = openIndexForRead(outDir);
  if (existing) {
    if (indexLooksStale(outDir)) {
      process.stderr.write(`warning: ${bulletinsDir(outDir)} changed after the index was written; run \`bulletin index --out ${outDir}\` to refresh it\n`);
    }
    return existing;
  }
  if (!fs.existsSync(bulletinsDir(outDir))) {
    throw new UsageError(`${outDir} holds no records (no ${bulletinsDir(outDir)} folder); run \`bulletin ingest\` first`);
  }
  const counts = await buildIndex(outDir);
  process.stderr.write(`built ${indexPath(outDir)}: ${counts.records} records, ${counts.items} items\n`);
  const db = openIndexForRead(outDir);
  if (!db) throw new Error(`could not open ${indexPath(outDir)} after building it`);
  return db;
}

function terminalWidth(): number {
  return process.stdout.columns && process.stdout.columns > 40 ? process.stdout.columns : 120;
}

let pipeGuardInstalled = false;

/** Writes to stdout; a reader that goes away early (`| head`) is not an error. */
function print(text: string): void {
  if (!pipeGuardInstalled) {
    pipeGuardInstalled = true;
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code !== 'EPIPE') throw err;
    });
  }
  if (text.length > 0) process.stdout.write(text);
}

/**
 * Prints output made piece by piece, about 1 MB at a time, so memory does not grow with its length
 * (stdout to a file or a pipe is written synchronously on Linux and macOS).
 */
function printChunks(chunks: Iterable<string>): void {
  let buffer = '';
  for (const chunk of chunks) {
    buffer += chunk;
    if (buffer.length >= 1 << 19) {
      print(buffer);
      buffer = '';
    }
  }
  print(buffer);
}

/**
 * The query-side commands: `bulletin index`, `query`, `person`, `people`, `orgs`. Each returns an exit
 * status: 0 success (also when nothing matched), 1 the index could not be built, 2 wrong usage or no
 * output folder. Loaded lazily by the CLI; it must not import extraction or entity modules, and it
 * loads the index builder (zod, record schema) only when the index has to be built.
 */
import fs from 'node:fs';
import { bulletinsDir, indexLooksStale, indexPath, openIndexForRead, type IndexDatabase } from '../store/index-db.js';
import { OUTPUT_FORMATS, formatItems, formatPerson, formatTop, type OutputFormat } from './format.js';
import { personTimeline, queryItems, topEntities, type QueryFilters } from './search.js';

export interface CommonOptions {
  out?: string;
  format?: OutputFormat;
}

export interface QueryOptions extends CommonOptions, QueryFilters {}

export interface TopOptions extends CommonOptions {
  limit?: number;
}

const DEFAULT_OUT = 'out';
const DEFAULT_TOP_LIMIT = 20;

class UsageError extends Error {}

export async function runIndex(opts: CommonOptions): Promise<number> {
  return run('index', async () => {
    const outDir = requireOutDir(opts.out);
    if (!fs.existsSync(bulletinsDir(outDir))) throw new UsageError(`${outDir} holds no records (no ${bulletinsDir(outDir)} folder); run \`bulletin ingest\` first`);
    const counts = await buildIndex(outDir);
    process.stderr.write(`indexed ${counts.records} record${counts.records === 1 ? '' : 's'}, ${counts.items} item${counts.items === 1 ? '' : 's'} into ${indexPath(outDir)}\n`);
    return 0;
  });
}

export async function runQuery(opts: QueryOptions): Promise<number> {
  return run('query', async () => {
    const filters = parseFilters(opts);
    const format = outputFormat(opts.format);
    const db = await openIndex(requireOutDir(opts.out));
    try {
      print(formatItems(queryItems(db, filters), format, terminalWidth()));
    } finally {
      db.close();
    }
    return 0;
  });
}

export async function runPerson(name: string, opts: CommonOptions): Promise<number> {
  return run('person', async () => {
    if (name.trim() === '') throw new UsageError('the name is empty');
    const format = outputFormat(opts.format);
    const db = await openIndex(requireOutDir(opts.out));
    try {
      print(formatPerson(personTimeline(db, name), format, terminalWidth()));
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
      print(formatTop(topEntities(db, kind, limit), format, terminalWidth()));
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
  for (const key of ['person', 'title', 'org', 'place', 'section', 'text'] as const) {
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
  return filters;
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

async function buildIndex(outDir: string): Promise<{ records: number; items: number }> {
  const { rebuildIndex } = await import('../store/sqlite-index.js');
  return rebuildIndex(outDir, { onWarning: (message) => process.stderr.write(`warning: ${message}\n`) });
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

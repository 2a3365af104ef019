/**
 * The `bulletin` command: argument parsing and dispatch only. Each command's module is imported
 * lazily, so `bulletin query` never loads the extractors or the segmentation dictionaries.
 * Exit status: 0 success, 1 some files failed / nothing found, 2 wrong usage or unreadable config.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

const FORMATS = ['table', 'json', 'jsonl', 'csv'] as const;
const formatOption = () => new Option('--format <format>', 'output format (default: table on a terminal, else jsonl)').choices(FORMATS);
const positiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`not a positive integer: ${value}`);
  return n;
};

const portNumber = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`not a port number: ${value}`);
  return n;
};

export function buildProgram(): Command {
  const program = new Command('bulletin')
    .description('Turn Chinese government work bulletins (.txt .docx .doc .pdf) into structured JSON records.')
    .version(pkg.version, '-V, --version')
    // A usage mistake gets one line and a pointer to --help, not the whole help.
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride();

  program
    .command('ingest')
    .description('ingest files and folders (walked recursively) into OUT/bulletins/<id>.json, with a manifest')
    .argument('<inputs...>', 'files or folders')
    .option('-o, --out <dir>', 'output folder (default: outDir from the config, "out")')
    .option('-c, --config <file>', 'config file (default: ./pipeline.config.ts when present)')
    .option('-j, --concurrency <n>', 'worker threads in all: about one in four runs the entity pass, the rest extract, at least one of each (default: number of cores)', positiveInt)
    .option('-f, --force', 'redo files even when unchanged since the last run')
    .option('--follow-symlinks', 'read files that links inside an input folder point to outside it (default: such links are left out)')
    .option('--ocr', 'OCR scans (image-only PDF pages, .tif/.png/.jpg page images) with Tesseract (apt-get install -y tesseract-ocr tesseract-ocr-chi-sim poppler-utils)')
    .option('--json', 'print the summary as JSON on stdout')
    .option('--queue <url>', 'coordinate: the changed files become jobs on a BullMQ queue in Redis (redis://HOST:PORT[/DB]) for `bulletin worker` processes; OUT is written here as usual')
    .option('--root <dir>', 'with --queue: the folder the workers see the inputs under (a shared folder)', '.')
    .option('--in-flight <n>', 'with --queue: jobs of this run in Redis at once (default 2000)', positiveInt)
    .option('--queue-timeout <ms>', 'with --queue: how long Redis may not answer before the files still out are listed as interrupted (default 60000)', positiveInt)
    .action(async (inputs: string[], opts) => {
      const { runIngest } = await import('./batch/command.js');
      if (!opts.queue) {
        process.exitCode = await runIngest(inputs, opts);
        return;
      }
      // Only here is a Redis client loaded: a local run never imports bullmq or ioredis.
      const { runQueuedIngest } = await import('./queue/command.js');
      process.exitCode = await runQueuedIngest(inputs, opts, runIngest);
    });

  program
    .command('worker')
    .description('take file jobs from a --queue and run both stages in worker threads (on any machine that sees --root)')
    .requiredOption('--queue <url>', 'the Redis of the queue: redis://HOST:PORT[/DB]')
    .requiredOption('--root <dir>', 'the folder the inputs are under, as the coordinator named it (a shared folder)')
    .option('-j, --concurrency <n>', 'worker threads in all, shared between the stages as in a local run (default: number of cores)', positiveInt)
    .option('--lock-ms <ms>', 'how long a job stays claimed by a worker that stopped answering (default 30000)', positiveInt)
    .option('--stalled-ms <ms>', 'how often to look for jobs whose worker stopped answering (default: --lock-ms)', positiveInt)
    .option('-v, --verbose', 'one line per job on stderr')
    .action(async (opts) => {
      const { runWorkerCommand } = await import('./queue/worker.js');
      process.exitCode = await runWorkerCommand(opts);
    });

  program
    .command('queue')
    .description('the queue of a distributed run')
    .command('status')
    .description('jobs waiting, active, done and failed, and the workers seen')
    .requiredOption('--queue <url>', 'the Redis of the queue: redis://HOST:PORT[/DB]')
    .option('--json', 'as JSON')
    .action(async (opts) => {
      const { runQueueStatus } = await import('./queue/status.js');
      process.exitCode = await runQueueStatus(opts);
    });

  program
    .command('schema')
    .description('print the JSON Schema of a bulletin record (generated from the zod schema)')
    .action(async () => {
      const { recordJsonSchema } = await import('./record/schema.js');
      process.stdout.write(`${JSON.stringify(recordJsonSchema(), null, 2)}\n`);
    });

  program
    .command('index')
    .description('rebuild the SQLite query index of an output folder from its records')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('--prefer <order>', 'rendition order, best first, kept in the index (default docx,doc,pdf,txt,scan)')
    .action(async (opts) => {
      const { runIndex } = await import('./query/command.js');
      process.exitCode = await runIndex(opts);
    });

  program
    .command('query')
    .description('find items; filters combine with AND; results in date order')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('--person <name>', 'items that mention this person')
    .option('--title <text>', 'items with a person holding a title containing this text')
    .option('--org <text>', 'items that mention an organisation containing this text')
    .option('--place <text>', 'items that mention a place containing this text')
    .option('--section <text>', 'items in a section whose title contains this text')
    .option('--from <date>', 'items whose date range ends on or after YYYY-MM-DD')
    .option('--to <date>', 'items whose date range starts on or before YYYY-MM-DD')
    .option('--publisher <text>', 'items of bulletins whose publisher (as written, or its body) contains this text')
    .option('--text <words>', 'full-text search over item text')
    .option('--count <key>', 'count the matching items by person, org, section or month instead of listing them')
    .option('--fields <list>', `print only these fields, comma-separated (${'itemId,recordId,issueId,publisher,seq,issueDate,section,headline,date,text,people,organisations,places,sourcePath,page,paragraph'})`)
    .option('--limit <n>', 'at most N items', positiveInt)
    .option('--offset <n>', 'skip the first N items (with --limit: paging)')
    .option('--all-renditions', "every file's item (by default one per item of an issue, from its preferred rendition)")
    .option('--bom', 'start CSV with a byte-order mark (Excel on Windows)')
    .addOption(formatOption())
    .action(async (opts) => {
      const { runQuery } = await import('./query/command.js');
      process.exitCode = await runQuery(opts);
    });

  program
    .command('person')
    .description("a person's titles over time and the items that mention them")
    .argument('<name>', 'the name, e.g. 贺俊')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('--publisher <text>', 'only the person of that name in bulletins of this publisher (as written, or its body)')
    .option('--all-renditions', "count every file's item")
    .option('--bom', 'start CSV with a byte-order mark (Excel on Windows)')
    .addOption(formatOption())
    .action(async (name: string, opts) => {
      const { runPerson } = await import('./query/command.js');
      process.exitCode = await runPerson(name, opts);
    });

  program
    .command('show')
    .description('one item (<record id>#<n>), record or issue, readable')
    .argument('<id>', 'an item, record or issue id')
    .option('-o, --out <dir>', 'output folder', 'out')
    .addOption(new Option('--format <format>', 'text or json').choices(['text', 'json']).default('text'))
    .action(async (id: string, opts) => {
      const { runShow } = await import('./query/command.js');
      process.exitCode = await runShow(id, opts);
    });

  program
    .command('extract')
    .description('print the text and blocks the extractor read from a file (before any parsing)')
    .argument('<file>', 'a .txt, .docx, .doc or .pdf file')
    .option('-c, --config <file>', 'config file (limits)')
    .addOption(new Option('--format <format>', 'text, markdown (block kinds and pages shown) or json').choices(['text', 'markdown', 'json']).default('text'))
    .action(async (file: string, opts) => {
      const { runExtract } = await import('./inspect/extract-command.js');
      process.exitCode = await runExtract(file, opts);
    });

  program
    .command('check')
    .description('ingest a regression folder (FILES and FILES/expected/<name>.json) and report every record that differs; exit 1 on any difference')
    .argument('<fixtures>', 'folder of bulletins with an expected/ folder of records')
    .option('-c, --config <file>', 'config for fixtures without their own <name>.config.ts')
    .option('--config-dir <dir>', 'where the <name>.config.ts files are (default: the fixtures folder)')
    .option('--update', 'write the current records as the expected ones')
    .action(async (dir: string, opts) => {
      const { runCheck } = await import('./inspect/check-command.js');
      process.exitCode = await runCheck(dir, opts);
    });

  program
    .command('serve')
    .description('a read-only web view of the archive: issues, entities highlighted beside the original, people, search, warnings')
    .option('-o, --out <dir>', 'output folder', 'out')
    .option('-p, --port <n>', 'port to listen on (0: any free port)', portNumber, 8080)
    .option('--host <host>', 'address to listen on (default 127.0.0.1: this machine only)', '127.0.0.1')
    .option('--sources <dir>', 'folder the relative source paths of records are resolved against (default: the current folder)')
    .action(async (opts) => {
      const { runServe } = await import('./serve/command.js');
      process.exitCode = await runServe(opts);
    });

  for (const kind of ['people', 'orgs'] as const) {
    program
      .command(kind)
      .description(
        kind === 'people'
          ? 'the most-mentioned people (a name within its publisher), with counts of distinct items'
          : 'the most-mentioned organisations (canonical bodies, with the names written for them), with counts of distinct items',
      )
      .option('-o, --out <dir>', 'output folder', 'out')
      .option('--limit <n>', 'at most N rows', positiveInt)
      .option('--all-renditions', "count every file's item (by default one per item of an issue)")
      .option('--bom', 'start CSV with a byte-order mark (Excel on Windows)')
      .addOption(formatOption())
      .action(async (opts) => {
        const { runTop } = await import('./query/command.js');
        process.exitCode = await runTop(kind, opts);
      });
  }
  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
    return Number(process.exitCode ?? 0);
  } catch (err) {
    if (err instanceof CommanderError) {
      // --help and --version end through here with code 0; usage errors get 2.
      return err.exitCode === 0 ? 0 : 2;
    }
    const { ConfigError } = await import('./config.js');
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 2;
    }
    throw err;
  }
}

/**
 * Pipeline settings: defaults, the zod schema that validates a user's pipeline.config.ts, and loading it.
 * A config that gives `markers.sections` or `markers.items` replaces that default list.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** setTimeout's ceiling: a larger delay is taken as 1 ms. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export const sectionMarkerSchema = z.object({
  /** Text that opens a section title, e.g. `※`, `【`, `■`. */
  open: z.string().min(1),
  /** Text that closes it (`※`, `】`), or '' when the title runs to the end of the line. */
  close: z.string(),
});

const lexiconsSchema = z
  .object({
    titles: z.array(z.string().min(1)).default([]),
    surnames: z.array(z.string().min(1)).default([]),
    organisationSuffixes: z.array(z.string().min(1)).default([]),
    organisations: z.array(z.string().min(1)).default([]),
    placeSuffixes: z.array(z.string().min(1)).default([]),
    places: z.array(z.string().min(1)).default([]),
    /** Words never taken for a person's name. */
    notNames: z.array(z.string().min(1)).default([]),
  })
  .strict();

/**
 * OCR of scans (image-only PDF pages, .tif/.tiff/.png/.jpg page images) with Tesseract; off unless
 * `enabled` (the CLI's `--ocr`). See src/extract/ocr/.
 */
const ocrSchema = z
  .object({
    enabled: z.boolean().default(false),
    /**
     * Tesseract language models joined by +, e.g. `chi_sim` or `chi_sim+eng`; `auto` (the default) is chi_sim with the
     * simplified-Han script model HanS when it is installed (read better on held-out scans), else chi_sim alone.
     */
    languages: z.string().regex(/^[A-Za-z_]+(?:\+[A-Za-z_]+)*$/, 'Tesseract languages like chi_sim or chi_sim+eng').default('auto'),
    /** Resolution PDF pages are rendered at (page images are read at their own). */
    dpi: z.number().int().min(72).max(600).default(200),
    /**
     * Tesseract's page segmentation mode: 4 (one column of text of varying sizes) read bulletins'
     * single-column pages with fewer wrong characters than 3 (automatic layout); 3 suits multi-column pages.
     */
    psm: z.number().int().min(3).max(13).default(4),
    /** One page's Tesseract run is stopped after this long and the page reported unreadable (an OCR'd file's time limit restarts at each page, with room for this). */
    pageTimeoutMs: z.number().int().positive().default(120_000),
    /** Tesseract processes per extraction worker (one thread each); default: cores ÷ extraction workers. */
    processes: z.number().int().positive().optional(),
    /** Items whose mean word confidence (0–100) is below this get an `ocr-low-confidence` message. */
    lowConfidence: z.number().min(0).max(100).default(70),
  })
  .strict();

export const configSchema = z
  .object({
    outDir: z.string().min(1).default('out'),
    markers: z
      .object({
        sections: z
          .array(sectionMarkerSchema)
          .min(1)
          .default([
            { open: '※', close: '※' },
            { open: '【', close: '】' },
          ]),
        items: z.array(z.string().min(1)).min(1).default(['◆', '◇']),
      })
      .strict()
      .prefault({}),
    lexicons: lexiconsSchema.prefault({}),
    limits: z
      .object({
        /** Files larger than this fail with `too-large`. */
        maxFileBytes: z.number().int().positive().default(100 * 1024 * 1024),
        /** A docx whose parts would inflate past this fails with `zip-bomb` before inflating. */
        maxInflatedBytes: z.number().int().positive().default(200 * 1024 * 1024),
        /**
         * Per-file time limit; the worker is stopped and the file fails with `timeout`. At most 2^31 − 1 ms
         * (about 24.8 days), the longest delay a Node timer can hold; past it Node fires at once.
         */
        timeoutMs: z.number().int().positive().max(MAX_TIMER_MS, `at most ${MAX_TIMER_MS} ms (the longest a Node timer can wait)`).default(60_000),
      })
      .strict()
      .prefault({}),
    ocr: ocrSchema.prefault({}),
    /** Worker threads for `ingest` in all (about one in four runs the entity pass); default: the number of cores. */
    concurrency: z.number().int().positive().optional(),
  })
  .strict();

export type ConfigInput = z.input<typeof configSchema>;
export type Config = z.output<typeof configSchema>;

/** Typed helper for pipeline.config.ts: `export default defineConfig({...})`. */
export function defineConfig(config: ConfigInput): ConfigInput {
  return config;
}

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** Validates a raw config object; throws ConfigError with one readable line per problem. */
export function parseConfig(raw: unknown, origin = 'config'): Config {
  const result = configSchema.safeParse(raw ?? {});
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  - ${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new ConfigError(`Invalid ${origin}:\n${lines.join('\n')}`);
  }
  return result.data;
}

export const DEFAULT_CONFIG_FILE = 'pipeline.config.ts';

/**
 * Loads a config file (TS or JS, default export) with jiti, so users need no build step. A config file
 * is code that runs with the user's rights — `pipeline.config.ts` in the current folder included — so
 * it is compiled in memory only: jiti's file cache (a shared temp folder others could write to) is off.
 * With no explicit file, `pipeline.config.ts` in `cwd` is used when present, else the defaults.
 */
export async function loadConfig(file?: string, cwd = process.cwd()): Promise<{ config: Config; file: string | null }> {
  const target = file ? path.resolve(cwd, file) : path.resolve(cwd, DEFAULT_CONFIG_FILE);
  if (!fs.existsSync(target)) {
    if (file) throw new ConfigError(`Config file not found: ${file}`);
    return { config: parseConfig({}), file: null };
  }
  const { createJiti } = await import('jiti');
  const jiti = createJiti(import.meta.url, {
    moduleCache: false,
    fsCache: false,
    // jiti's default-export interop throws a bare TypeError on `export default null`; we unwrap ourselves.
    interopDefault: false,
    // `import { defineConfig } from 'bulletin-ingest'` works in a config anywhere, even when the CLI is
    // installed globally and the config's folder has no node_modules.
    alias: { 'bulletin-ingest': fileURLToPath(new URL(`./index${path.extname(fileURLToPath(import.meta.url))}`, import.meta.url)) },
  });
  const shown = path.relative(cwd, target) || target;
  let mod: unknown;
  try {
    const ns = (await jiti.import(target)) as Record<string, unknown> | null;
    mod = ns !== null && typeof ns === 'object' && 'default' in ns ? ns.default : ns;
  } catch (err) {
    throw new ConfigError(`Cannot load ${shown}: ${(err as Error)?.message ?? String(err)}`);
  }
  if (mod === null || typeof mod !== 'object' || Array.isArray(mod)) {
    const what = mod === null ? 'null' : Array.isArray(mod) ? 'an array' : typeof mod;
    throw new ConfigError(`Invalid ${shown}:\n  - (root): the default export must be an object (defineConfig({...})), got ${what}`);
  }
  return { config: parseConfig(mod, shown), file: target };
}

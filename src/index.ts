/**
 * The library API of the package (`import { ingestFile, defineConfig } from 'bulletin-ingest'`): what a
 * config file outside the repo, or a program embedding the pipeline, needs. The CLI is `src/main.ts`.
 */
export { ingestFile, ingestBytes, type IngestResult, type ParsedDocument } from './ingest.js';
export { defineConfig, parseConfig, loadConfig, configSchema, ConfigError, type Config, type ConfigInput } from './config.js';
export {
  recordSchema,
  itemSchema,
  recordJsonSchema,
  SCHEMA_VERSION,
  type BulletinRecord,
  type Item,
  type Section,
  type Masthead,
  type Footer,
  type DateMention,
  type Person,
  type NamedSpan,
} from './record/schema.js';
export { serialiseRecord } from './record/serialise.js';
export { IngestError, INGEST_ERROR_CODES, type IngestErrorCode, type Message } from './types.js';

import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseDocument } from '../src/analyse.js';
import { parseConfig } from '../src/config.js';
import { ingestBytes } from '../src/ingest.js';
import { packParsed, unpackParsed } from '../src/batch/handoff.js';
import { parseDocument } from '../src/parse.js';

const fixtures = path.resolve(import.meta.dirname, '..', 'fixtures');
const config = parseConfig({});

describe('the two stages the batch runs in separate threads', () => {
  for (const name of ['baotou-2020-18.txt', 'baotou-2020-18.docx', 'baotou-2020-18.pdf']) {
    it(`hands a parsed ${path.extname(name)} across threads intact: packed and unpacked, it analyses to the same record as the whole pipeline`, async () => {
      const bytes = fs.readFileSync(path.join(fixtures, name));
      const parsed = await parseDocument(bytes, `fixtures/${name}`, config);
      const acrossThreads = analyseDocument(unpackParsed(structuredClone(packParsed(parsed))), config);
      const inOneGo = await ingestBytes(bytes, `fixtures/${name}`, config);
      expect(acrossThreads).toEqual(inOneGo);
      expect(parsed.digest.bytes).toBe(bytes.length);
      expect(acrossThreads.record.items.length).toBeGreaterThan(5);
    });
  }
});

/**
 * Golden records: every fixture in fixtures/ is ingested and compared with
 * fixtures/expected/<name>.<ext>.json. Regenerate with `npm run golden:update` and review the diff.
 * Fixtures named cfg-* are parsed with the config in test/data/<name>.config.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../src/config.js';
import { ingestFile } from '../src/ingest.js';
import { expectedFileFor, fixtureConfig, fixtureRecord, listFixtures } from '../src/inspect/golden.js';

const root = path.resolve(import.meta.dirname, '..');
const fixtureDir = path.join(root, 'fixtures');
const update = process.env.UPDATE_GOLDEN === '1';
const fixtures = listFixtures(fixtureDir);
const configDir = path.join(root, 'test', 'data');

describe('golden records', () => {
  it('has fixtures in every supported format', () => {
    const formats = new Set(fixtures.map((f) => path.extname(f)));
    expect([...formats].sort()).toEqual(['.doc', '.docx', '.htm', '.html', '.pdf', '.txt']);
  });

  for (const name of fixtures) {
    it(`turns fixtures/${name} into the reviewed record`, async () => {
      const actual = await fixtureRecord(fixtureDir, name, await fixtureConfig(configDir, name));
      const expectedFile = expectedFileFor(fixtureDir, name);
      if (update) {
        fs.mkdirSync(path.dirname(expectedFile), { recursive: true });
        fs.writeFileSync(expectedFile, actual);
        return;
      }
      expect(fs.existsSync(expectedFile), `missing ${path.relative(root, expectedFile)}: run npm run golden:update`).toBe(true);
      expect(JSON.parse(actual)).toEqual(JSON.parse(fs.readFileSync(expectedFile, 'utf8')));
      expect(actual).toBe(fs.readFileSync(expectedFile, 'utf8'));
    });
  }
});

describe('the sample in three formats', () => {
  const squash = (s: string | null) => (s ?? '').replace(/\s+/g, '');
  it('gives the same sections, items and item texts from the .txt, .docx and .pdf', async () => {
    const config = parseConfig({});
    const [txt, docx, pdf] = await Promise.all(
      ['txt', 'docx', 'pdf'].map(async (ext) => (await ingestFile(path.join(fixtureDir, `baotou-2020-18.${ext}`), config)).record),
    );
    const shape = (r: typeof txt) => ({
      sections: r.sections.map((s) => s.title),
      items: r.items.map((i) => ({ section: i.section, marker: i.marker, headline: squash(i.headline), text: squash(i.text) })),
    });
    expect(shape(docx)).toEqual(shape(txt));
    expect(shape(pdf)).toEqual(shape(txt));
    // Nesting comes from markdown/Word heading levels; a PDF keeps no styles, so its levels are not compared.
    expect(docx.sections).toEqual(txt.sections);
  });
});

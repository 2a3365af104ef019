/** The view follows the archive while it runs: a re-index shows at the next request, a lost index is a 503. */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { rebuildIndex } from '../../src/store/sqlite-index.js';
import { makeRecord, writeRecords } from '../query/sample-records.js';
import { serve, tempDir } from './archives.js';

const outDir = tempDir('bulletin-serve-changes-');
afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

describe('an archive that changes while it is served', () => {
  it('shows an empty archive, then new records once indexed, and says when the index is gone', async () => {
    fs.mkdirSync(path.join(outDir, 'bulletins'));
    rebuildIndex(outDir);
    const server = await serve(outDir);
    try {
      const empty = await fetch(`${server.url}/`);
      expect(empty.status).toBe(200);
      expect(await empty.text()).toContain('0 issues in 0 files, 0 items.');
      for (const page of ['/people', '/orgs', '/warnings', '/search?text=abc']) expect((await fetch(`${server.url}${page}`)).status).toBe(200);

      writeRecords(outDir, [makeRecord('late-2022-01', '2022-01-04', [{ section: '领导活动', text: '1月3日，市政协主席贺俊调研。', people: [['贺俊', ['市政协主席']]] }])]);
      rebuildIndex(outDir);
      const home = await (await fetch(`${server.url}/`)).text();
      expect(home).toContain('1 issue in 1 file, 1 item.');
      expect(home).toContain('href="/issues/late-2022-01"');

      fs.rmSync(path.join(outDir, 'index.sqlite'));
      const gone = await fetch(`${server.url}/`);
      expect(gone.status).toBe(503);
      expect(await gone.text()).toContain('bulletin index --out');
    } finally {
      await server.close();
    }
  });
});

/**
 * No URL reaches a file the archive does not name: ids and names are looked up in the index, never
 * joined into paths, and an original is served only when its bytes still hash to the record's sha256.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/serve/server.js';
import { repo, serve, tempDir, useServers } from './archives.js';

const servers = useServers({ sample: true, hostile: true });

/** Sends the request line as written (fetch would normalise `..` away). */
function rawGet(server: RunningServer, target: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(server.port, '127.0.0.1', () => socket.write(`GET ${target} HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n`));
    let data = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk) => (data += chunk));
    socket.on('end', () => resolve(data));
    socket.on('error', reject);
  });
}

describe('no path traversal', () => {
  it.each([
    '/issues/..%2F..%2F..%2Fetc%2Fpasswd',
    '/issues/..%2Fmanifest/file',
    '/issues/%2E%2E%2Fbulletins%2Fbaotou-2020-18-txt/file',
    '/issues/../../package.json',
    '/issues/baotou-2020-18-txt/../../../package.json',
    '/assets/..%2F..%2Fpackage.json',
    '/assets/../../../etc/passwd',
    '/issues/baotou-2020-18-pdf/pages/..%2F..%2F..%2Fetc%2Fpasswd',
    '/issues/baotou-2020-18-pdf/pages/1.png%00.txt',
    '/people/..%2F..%2Fpackage.json',
    '/dates/..%2F2020-05-08',
  ])('answers %s without any file content', async (target) => {
    const response = await rawGet(servers.sample, target);
    const status = Number(response.split(' ')[1]);
    expect([400, 404]).toContain(status);
    expect(response).not.toContain('root:');
    expect(response).not.toContain('"name": "bulletin-ingest"');
    expect(response).not.toContain('"schemaVersion"');
  });

  it('never serves a file a record points at outside the archive unless its bytes are the ingested ones', async () => {
    const file = await fetch(`${servers.hostile.url}/issues/escape-2021-02/file`);
    expect(file.status).toBe(404);
    expect(await file.text()).not.toContain('root:');
    const original = await fetch(`${servers.hostile.url}/issues/escape-2021-02/original`);
    expect(original.status).toBe(200);
    const text = await original.text();
    expect(text).toContain('The original file is not available');
    expect(text).not.toContain('root:');
  });

  it('says so when an original cannot be converted, and serves the file itself', async () => {
    const original = await fetch(`${servers.hostile.url}/issues/damaged-2021-03/original`);
    expect(original.status).toBe(200);
    expect(await original.text()).toContain('mammoth could not convert this .docx');
    expect((await fetch(`${servers.hostile.url}/issues/damaged-2021-03/file`)).status).toBe(200);
    expect((await fetch(`${servers.hostile.url}/issues/damaged-2021-03`)).status).toBe(200);
  });

  it('stops serving an original whose bytes changed after ingest', async () => {
    // A copy of the archive whose records point at a copy of a fixture, which is then altered.
    const dir = tempDir('bulletin-serve-changed-');
    try {
      fs.mkdirSync(path.join(dir, 'fixtures'));
      fs.copyFileSync(path.join(repo, 'fixtures', 'meitan-2024-03.txt'), path.join(dir, 'fixtures', 'meitan-2024-03.txt'));
      const server = await serve(servers.sampleOut, dir);
      try {
        expect((await fetch(`${server.url}/issues/meitan-2024-03-txt/file`)).status).toBe(200);
        fs.appendFileSync(path.join(dir, 'fixtures', 'meitan-2024-03.txt'), 'changed');
        expect((await fetch(`${server.url}/issues/meitan-2024-03-txt/file`)).status).toBe(404);
      } finally {
        await server.close();
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

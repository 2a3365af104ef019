/** Starts the web app on a host and port (port 0: any free port) and says where it listens. */
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app.js';
import { Archive } from './data.js';
import { preloadMammoth } from './original.js';

export interface ServeOptions {
  out: string;
  port?: number;
  host?: string;
  /** Folder relative source paths in records are resolved against (default: the current folder). */
  sources?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  archive: Archive;
  close(): Promise<void>;
}

export const DEFAULT_HOST = '127.0.0.1';
export const DEFAULT_PORT = 8080;

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const archive = new Archive(options.out, { sourceRoot: options.sources });
  const app = createApp(archive);
  const server = createAdaptorServer({ fetch: app.fetch });
  const host = options.host ?? DEFAULT_HOST;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? DEFAULT_PORT, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  // Load the index and the lists every visit starts with now, not on the first request.
  preloadMammoth();
  try {
    archive.warm();
  } catch {
    // an unreadable index is reported by the pages (503), not here
  }
  const shownHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${shownHost}:${port}`,
    port,
    archive,
    close: () =>
      new Promise<void>((resolve) => {
        archive.close();
        if ('closeAllConnections' in server) (server as unknown as { closeAllConnections(): void }).closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

import { describe, expect, it } from 'vitest';
import { checkReachable, parseQueueUrl, QueueSetupError } from '../../src/queue/connection.js';
import { freePort } from './helpers/redis.js';

describe('queue URLs', () => {
  it('give host, port and database, and a label without the password', () => {
    const t = parseQueueUrl('redis://:s3cret@10.0.0.5:6380/2');
    expect(t.options).toMatchObject({ host: '10.0.0.5', port: 6380, db: 2, password: 's3cret' });
    expect(t.label).toBe('redis://10.0.0.5:6380/2');
  });

  it('default to port 6379 and database 0', () => {
    expect(parseQueueUrl('redis://queue.local').options).toMatchObject({ host: 'queue.local', port: 6379, db: 0 });
  });

  it('are refused when not redis:// or with a database that is not a number', () => {
    expect(() => parseQueueUrl('http://x:1')).toThrow(QueueSetupError);
    expect(() => parseQueueUrl('redis://x:1/abc')).toThrow(/database must be a number/);
    expect(() => parseQueueUrl('not a url')).toThrow(/not a URL/);
  });
});

describe('reachability', () => {
  it('fails fast with the address when nothing listens there', async () => {
    const port = await freePort();
    await expect(checkReachable(parseQueueUrl(`redis://127.0.0.1:${port}`), 2000)).rejects.toThrow(new RegExp(`cannot reach Redis at redis://127.0.0.1:${port}/0`));
  });
});

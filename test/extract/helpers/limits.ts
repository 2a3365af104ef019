import type { Config } from '../../../src/config.js';

export const limits: Config['limits'] = { maxFileBytes: 100 * 1024 * 1024, maxInflatedBytes: 200 * 1024 * 1024, timeoutMs: 60_000 };

// Loaded with `node --import` before the CLI: prints one line on stderr for every module that
// resolves into bullmq or ioredis, so a test can tell whether a command loaded a Redis client.
import { register } from 'node:module';

register(new URL('./trace-imports-hooks.mjs', import.meta.url));

#!/usr/bin/env node
// Runs the compiled CLI (dist/, built by `npm install` via the prepare script). In a checkout whose
// dist/ is missing, falls back to the TypeScript sources through tsx.
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/main.js', import.meta.url);
if (existsSync(compiled)) {
  await import(compiled.href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import(new URL('../src/main.ts', import.meta.url).href);
}

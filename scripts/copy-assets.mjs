#!/usr/bin/env node
// Part of `npm run build`: tsc compiles only .ts, so the entity lexicons (data files) are copied
// next to the compiled code, making dist/ self-contained.
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const from = path.join(root, 'src', 'entities', 'lexicons');
const to = path.join(root, 'dist', 'entities', 'lexicons');
fs.rmSync(to, { recursive: true, force: true });
fs.cpSync(from, to, { recursive: true });

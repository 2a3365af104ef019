import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/extract/index.js';
import { parseConfig } from '../../src/config.js';
import { restoreNativeBuiltins } from '../../src/extract/native-builtins.js';

const isNative = (fn: unknown) => /\[native code\]/.test(Function.prototype.toString.call(fn));

describe('native built-ins after pdf.js has loaded', () => {
  it('keeps the engine’s Array.prototype.push and JSON.parse once a PDF has been read', async () => {
    await extract(fs.readFileSync(new URL('../../fixtures/baotou-2020-18.pdf', import.meta.url)), { limits: parseConfig({}).limits, fileName: 'baotou-2020-18.pdf' });
    expect(isNative(Array.prototype.push)).toBe(true);
    expect(isNative(JSON.parse)).toBe(true);
  });

  it('puts back a replaced push and leaves a native one alone', () => {
    const native = Array.prototype.push;
    try {
      // what core-js does on Node 20: a JavaScript stand-in for push
      Array.prototype.push = function push(this: unknown[], ...items: unknown[]) {
        for (const item of items) this[this.length] = item;
        return this.length;
      };
      restoreNativeBuiltins();
      expect(Array.prototype.push).toBe(native);
      restoreNativeBuiltins();
      expect(Array.prototype.push).toBe(native);
    } finally {
      Array.prototype.push = native;
    }
  });
});

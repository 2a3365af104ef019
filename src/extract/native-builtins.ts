/**
 * pdf.js's legacy build (the one pdf-parse loads) bundles core-js, which on Node 20 replaces some
 * built-ins for the whole process with JavaScript versions: `Array.prototype.push` (over a corner of
 * the spec about non-writable lengths) and `JSON.parse` (for reviver source access). The stand-in
 * push alone made every `push` in the process — pdf.js's own font and text code and all of the
 * entity pass — several times slower (~1.5 s of 10 s over the benchmark corpus). Neither pdf.js
 * nor this project relies on the corner cases, so the engine's own versions are put back.
 *
 * This module must be evaluated before pdf-parse: it is imported ahead of it in pdf.ts.
 */
const isNative = (fn: unknown): boolean => typeof fn === 'function' && /\{\s*\[native code\]\s*\}\s*$/.test(Function.prototype.toString.call(fn));

const nativePush = isNative(Array.prototype.push) ? Array.prototype.push : null;
const nativeJsonParse = isNative(JSON.parse) ? JSON.parse : null;

/** Puts the engine's `Array.prototype.push` and `JSON.parse` back if a polyfill replaced them. Idempotent. */
export function restoreNativeBuiltins(): void {
  if (nativePush && Array.prototype.push !== nativePush) {
    Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true, enumerable: false });
  }
  if (nativeJsonParse && JSON.parse !== nativeJsonParse) {
    Object.defineProperty(JSON, 'parse', { value: nativeJsonParse, writable: true, configurable: true, enumerable: false });
  }
}

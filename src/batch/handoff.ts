/**
 * How a parsed document travels from an extraction worker to an entity worker: as one byte string
 * (V8's serialisation, the structured clone postMessage would do anyway). The main thread only
 * passes it on, so it copies bytes instead of rebuilding the object graph and serialising it again
 * (~0.7 s of the main thread's CPU over a 720-file import, time it took from the workers on 2 cores).
 */
import v8 from 'node:v8';
import type { ParsedDocument } from '../parse.js';

export function packParsed(parsed: ParsedDocument): Uint8Array {
  return v8.serialize(parsed);
}

export function unpackParsed(bytes: Uint8Array): ParsedDocument {
  return v8.deserialize(bytes) as ParsedDocument;
}

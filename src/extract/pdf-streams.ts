/**
 * A PDF bomb check before pdf.js sees the file: a few MB of PDF can hold a Flate stream that
 * inflates to gigabytes, which pdf.js would inflate whole in memory when it reaches that page. Each
 * Flate stream is inflated here once, streaming and counting (nothing kept), and the file is refused
 * as `zip-bomb` as soon as one stream passes MAX_PDF_STREAM_INFLATED or all together pass the
 * budget. Ordinary PDFs inflate to a few MB (scans to a few hundred); this costs milliseconds.
 */
import zlib from 'node:zlib';
import { IngestError } from '../types.js';
import { MAX_PDF_STREAM_INFLATED } from './bounds.js';

const STREAM = Buffer.from('stream');
const END = Buffer.from('endstream');

/** Throws `zip-bomb` when the PDF's Flate streams would inflate past the bounds. */
export async function checkPdfStreams(bytes: Buffer, totalBudget: number): Promise<void> {
  let total = 0;
  for (let at = bytes.indexOf(STREAM); at !== -1; at = bytes.indexOf(STREAM, at + STREAM.length)) {
    if (bytes[at - 3] === 0x65 && bytes.subarray(at - 3, at).toString('latin1') === 'end') continue; // "endstream"
    // The stream dictionary ends just before the keyword: look back for its filter.
    const dict = bytes.subarray(Math.max(0, at - 1024), at).toString('latin1');
    const open = dict.lastIndexOf('obj');
    if (!/\/FlateDecode|\/Fl\b/.test(open >= 0 ? dict.slice(open) : dict)) continue;
    let start = at + STREAM.length;
    if (bytes[start] === 0x0d) start++;
    if (bytes[start] === 0x0a) start++;
    const end = bytes.indexOf(END, start);
    if (end === -1) return; // damaged: pdf.js says so
    const inflated = await inflatedSize(bytes.subarray(start, end), Math.min(MAX_PDF_STREAM_INFLATED, totalBudget - total) + 1);
    total += inflated;
    if (inflated > MAX_PDF_STREAM_INFLATED) {
      throw new IngestError('zip-bomb', `A stream of ${end - start} bytes in the PDF inflates past ${MAX_PDF_STREAM_INFLATED / 2 ** 20} MiB; refusing to read it.`);
    }
    if (total > totalBudget) {
      throw new IngestError('zip-bomb', `The PDF's compressed streams inflate past ${Math.round(totalBudget / 2 ** 20)} MiB (limits.maxInflatedBytes × 8); refusing to read it.`);
    }
    at = end;
  }
}

/** Bytes the data inflates to, counting up to `cap` (then stopping); a damaged stream counts what came out. */
function inflatedSize(data: Buffer, cap: number): Promise<number> {
  return new Promise((resolve) => {
    let size = 0;
    const inflate = zlib.createInflate({ chunkSize: 256 * 1024 });
    const done = () => {
      inflate.removeAllListeners('data');
      resolve(size);
    };
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size >= cap) {
        inflate.destroy();
        done();
      }
    });
    inflate.on('end', done);
    inflate.on('error', done);
    inflate.on('close', done);
    inflate.end(data);
  });
}

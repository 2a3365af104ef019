import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../src/config.js';
import { configHash } from '../../src/batch/hash.js';

describe('configHash', () => {
  const base = parseConfig({});

  it('changes when OCR is turned on, so files that needed OCR are redone', () => {
    expect(configHash(parseConfig({ ocr: { enabled: true } }))).not.toBe(configHash(base));
  });

  it('changes with the OCR settings that shape records: languages, dpi, page segmentation and the confidence threshold', () => {
    const on = parseConfig({ ocr: { enabled: true } });
    for (const ocr of [{ languages: 'chi_sim+eng' }, { dpi: 300 }, { psm: 3 }, { lowConfidence: 60 }]) {
      expect(configHash(parseConfig({ ocr: { enabled: true, ...ocr } }))).not.toBe(configHash(on));
    }
  });

  it('stays the same when only the OCR time limit or process count change', () => {
    const on = parseConfig({ ocr: { enabled: true } });
    expect(configHash(parseConfig({ ocr: { enabled: true, pageTimeoutMs: 5000, processes: 7 } }))).toBe(configHash(on));
  });
});

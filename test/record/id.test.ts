import { describe, expect, it } from 'vitest';
import { MAX_SLUG_BYTES, recordIdFor, slugify } from '../../src/record/id.js';

describe('record ids', () => {
  it('caps a name of 80 Han characters in bytes, cutting between characters', () => {
    const name = '关于'.repeat(40);
    const id = recordIdFor(`archive/${name}.docx`, 'docx');
    expect(Buffer.byteLength(id.replace(/-docx$/, ''), 'utf8')).toBeLessThanOrEqual(MAX_SLUG_BYTES);
    expect(id).toMatch(/^(关于)+关?-docx$/u);
    expect(id).not.toContain('\uFFFD');
  });

  it('keeps a short name whole and never ends the slug on a dash', () => {
    expect(recordIdFor('a/baotou-2020-18.txt', 'txt')).toBe('baotou-2020-18-txt');
    expect(slugify(`${'a'.repeat(MAX_SLUG_BYTES - 1)} b`)).toBe('a'.repeat(MAX_SLUG_BYTES - 1));
  });
});

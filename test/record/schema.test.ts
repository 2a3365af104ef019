import { describe, expect, it } from 'vitest';

describe('the record schema', () => {
  it('has an $id and a description on every field', async () => {
    const { recordJsonSchema, itemLineJsonSchema } = await import('../../src/record/schema.js');
    const undescribed: string[] = [];
    const walk = (node: unknown, at: string) => {
      if (!node || typeof node !== 'object') return;
      const properties = (node as { properties?: Record<string, { description?: string }> }).properties;
      for (const [name, field] of Object.entries(properties ?? {})) if (!field.description) undescribed.push(`${at}.${name}`);
      for (const [key, child] of Object.entries(node)) walk(child, `${at}.${key}`);
    };
    for (const schema of [recordJsonSchema(), itemLineJsonSchema()]) {
      expect((schema as { $id?: string }).$id).toMatch(/^urn:bulletin-ingest:schema:/);
      walk(schema, '');
    }
    expect(undescribed).toEqual([]);
  });
});

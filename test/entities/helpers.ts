import { parseConfig } from '../../src/config.js';
import { extractEntities, type ItemEntities } from '../../src/entities/index.js';

export const defaultLexicons = parseConfig({}).lexicons;

/** Entities of one item text in an issue dated `issueDate`. */
export function entitiesOf(text: string, issueDate: string | null = '2021-06-10'): ItemEntities {
  return extractEntities([text], { issueDate, lexicons: defaultLexicons })[0];
}

export function namesOf(text: string): string[] {
  return entitiesOf(text).people.map((p) => p.name);
}

export function titlesOf(text: string): Record<string, string[]> {
  return Object.fromEntries(entitiesOf(text).people.map((p) => [p.name, p.titles]));
}

/**
 * `bulletin query` must start fast: the modules it loads up front must not pull in zod, the
 * extractors or the segmentation dictionaries. This follows the static (non-type) imports from the
 * query command module.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const srcDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');
const FORBIDDEN = /^(zod|nodejieba|pdf-parse|mammoth|word-extractor|yauzl|iconv-lite)$|\/(extract|entities|segment|normalise|record)\//;

/** Static value imports of a module: `import x from`, `import {…} from`, `export … from`; not `import type`. */
function staticImports(file: string): string[] {
  const source = fs.readFileSync(file, 'utf8');
  const specifiers: string[] = [];
  for (const match of source.matchAll(/^\s*(?:import|export)\s+(?!type\b)([^'";]*?)\s*from\s*['"]([^'"]+)['"]/gm)) {
    specifiers.push(match[2]);
  }
  for (const match of source.matchAll(/^\s*import\s+['"]([^'"]+)['"]/gm)) specifiers.push(match[1]);
  return specifiers;
}

function staticGraph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    for (const spec of staticImports(file)) {
      if (!spec.startsWith('.')) {
        seen.add(spec);
        continue;
      }
      const target = path.resolve(path.dirname(file), spec.replace(/\.js$/, '.ts'));
      const key = `./${path.relative(srcDir, target)}`;
      if (seen.has(key)) continue;
      seen.add(key);
      visit(target);
    }
  };
  visit(entry);
  return seen;
}

describe('the query command start-up', () => {
  it('loads neither zod nor the extraction, segmentation or entity modules', () => {
    const graph = [...staticGraph(path.join(srcDir, 'query', 'command.ts'))];
    expect(graph).toContain('better-sqlite3');
    expect(graph).toContain('./query/search.ts');
    expect(graph).not.toContain('./store/sqlite-index.ts'); // loaded only when the index must be built
    expect(graph.filter((m) => FORBIDDEN.test(m) || FORBIDDEN.test(`/${m.replace(/^\.\//, '')}`))).toEqual([]);
  });
});

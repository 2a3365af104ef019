/**
 * A readable difference between two JSON values: one line per changed leaf, with its path
 * (`items[3].people[0].name: "贺俊" → "贺"`), added and removed array elements and keys included.
 */

const MAX_SHOWN = 80;

function show(value: unknown): string {
  const text = JSON.stringify(value);
  if (text === undefined) return 'undefined';
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function key(path: string, name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `${path}${path ? '.' : ''}${name}` : `${path}[${JSON.stringify(name)}]`;
}

/** Lines `path: expected → actual`, `path: + added`, `path: - removed`; [] when equal. */
export function jsonDiff(expected: unknown, actual: unknown, path = ''): string[] {
  if (Array.isArray(expected) && Array.isArray(actual)) {
    const lines: string[] = [];
    const n = Math.max(expected.length, actual.length);
    for (let k = 0; k < n; k++) {
      const at = `${path}[${k}]`;
      if (k >= expected.length) lines.push(`${at}: + ${show(actual[k])}`);
      else if (k >= actual.length) lines.push(`${at}: - ${show(expected[k])}`);
      else lines.push(...jsonDiff(expected[k], actual[k], at));
    }
    return lines;
  }
  if (isObject(expected) && isObject(actual)) {
    const lines: string[] = [];
    for (const name of new Set([...Object.keys(expected), ...Object.keys(actual)])) {
      const at = key(path, name);
      if (!(name in actual)) lines.push(`${at}: - ${show(expected[name])}`);
      else if (!(name in expected)) lines.push(`${at}: + ${show(actual[name])}`);
      else lines.push(...jsonDiff(expected[name], actual[name], at));
    }
    return lines;
  }
  return Object.is(expected, actual) ? [] : [`${path || '(root)'}: ${show(expected)} → ${show(actual)}`];
}

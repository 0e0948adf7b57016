import { jsonTooDeep, MAX_JSON_DEPTH } from './json-depth.js';

const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;

describe('jsonTooDeep', () => {
  it('accepts nesting up to the limit and refuses one level more', () => {
    expect(jsonTooDeep(nested(MAX_JSON_DEPTH))).toBe(false);
    expect(jsonTooDeep(nested(MAX_JSON_DEPTH + 1))).toBe(true);
    expect(jsonTooDeep(`{"a":${nested(MAX_JSON_DEPTH - 1)}}`)).toBe(false);
    expect(jsonTooDeep(`{"a":${nested(MAX_JSON_DEPTH)}}`)).toBe(true);
  });

  it('counts no bracket inside a string, escaped quotes included', () => {
    const inString = JSON.stringify({ note: `"${'[{'.repeat(1000)}\\"` });
    expect(jsonTooDeep(inString)).toBe(false);
    expect(JSON.parse(inString)).toBeDefined();
  });

  it('scans 100,000 levels without recursion', () => {
    expect(jsonTooDeep(`{"code":${nested(100_000)}}`)).toBe(true);
  });

  it('counts siblings once: wide is not deep', () => {
    expect(jsonTooDeep(`[${Array.from({ length: 10_000 }, () => '{"a":[1]}').join(',')}]`)).toBe(false);
  });
});

import fc from 'fast-check';
import { canonicalJson, toJsonValue, type JsonValue } from './json.js';

/** The same JSON value with every object's keys in a shuffled order. */
function reorderKeys(value: JsonValue, seed: number): JsonValue {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item, i) => reorderKeys(item, seed + i));
  const keys = Object.keys(value);
  const shuffled = keys
    .map((key, i) => ({ key, rank: Math.sin(seed * 7919 + i * 104729) }))
    .sort((a, b) => a.rank - b.rank)
    .map((k) => k.key);
  const out: { [key: string]: JsonValue } = {};
  for (const key of shuffled) out[key] = reorderKeys(value[key], seed + 1);
  return out;
}

describe('canonicalJson', () => {
  it('writes the same text for the same object built in a different key order', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { z: true, y: null }], c: 'x' } })).toBe(
      canonicalJson({ a: { c: 'x', d: [1, { y: null, z: true }] }, b: 1 }),
    );
    expect(canonicalJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });

  it('keeps array order, since order in an array is meaning', () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]));
  });

  it.each<[string, JsonValue, string]>([
    ['Vietnamese text kept as is', { tên: 'Nguyễn Văn A' }, '{"tên":"Nguyễn Văn A"}'],
    ['quotes and control characters escaped as JSON does', { s: 'a"b\n' }, '{"s":"a\\"b\\n"}'],
    ['numbers as JSON writes them', { n: 1.5, m: -0, e: 1e21 }, '{"e":1e+21,"m":0,"n":1.5}'],
    ['empty containers', { a: [], o: {} }, '{"a":[],"o":{}}'],
    ['null at the top', null, 'null'],
  ])('%s', (_name, value, text) => {
    expect(canonicalJson(value)).toBe(text);
  });

  it('is stable across key order and survives a JSON round trip, for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.integer(), (raw, seed) => {
        const value = toJsonValue(raw);
        const text = canonicalJson(value);
        expect(canonicalJson(reorderKeys(value, seed))).toBe(text);
        expect(canonicalJson(JSON.parse(JSON.stringify(value)) as JsonValue)).toBe(text);
      }),
    );
  });

  it('refuses a non-finite number rather than hashing something the database cannot store', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
  });
});

describe('toJsonValue', () => {
  it('turns values into what the JSON column gives back', () => {
    // What a Date does (domain code has no Date global): serialise itself through toJSON().
    const when = { toJSON: () => '2026-01-16T01:02:03.004Z' };
    expect(
      toJsonValue({
        when,
        missing: undefined,
        big: 12345678901234567890n,
        inf: Number.POSITIVE_INFINITY,
        list: [undefined, 1],
        broken: 'a\uD800b',
      }),
    ).toEqual({
      when: '2026-01-16T01:02:03.004Z',
      big: '12345678901234567890',
      inf: null,
      list: [null, 1],
      broken: 'a\uFFFDb',
    });
  });
});

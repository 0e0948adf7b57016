import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError, loadConfig } from './load-config.js';
import { CONFIG_SECTIONS } from '../config-sections.js';
import { getMetadataStorage } from 'class-validator';
import { EnvironmentVariables } from './env.schema.js';

const valid = {
  DB_HOST: '127.0.0.1',
  DB_PORT: '3307',
  DB_USER: 'tiepdan',
  DB_PASSWORD: 'secret',
  DB_NAME: 'tiepdan',
  REDIS_HOST: '127.0.0.1',
  REDIS_PORT: '6380',
  JWT_SECRET: 'a-test-secret-that-is-long-enough-0123456789',
  IDENTITY_MASTER_KEYS:
    'k2:AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=,k1:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=',
  IDENTITY_INDEX_KEY: 'QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=',
};

function problemsOf(raw: Record<string, string>): string[] {
  try {
    loadConfig(raw, CONFIG_SECTIONS);
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('reads Redis Sentinel addresses and a trusted-proxy list, and refuses malformed ones', () => {
    const config = loadConfig(
      {
        ...valid,
        REDIS_SENTINELS: 'sentinel-1:26379,10.0.0.7:26380',
        REDIS_SENTINEL_MASTER: 'tiepdan-prod',
        TRUST_PROXY: '10.0.0.5, 10.0.1.0/24',
      },
      CONFIG_SECTIONS,
    );
    expect(config.redis.sentinels).toEqual([
      { host: 'sentinel-1', port: 26379 },
      { host: '10.0.0.7', port: 26380 },
    ]);
    expect(config.redis.masterName).toBe('tiepdan-prod');
    expect(config.http.trustProxy).toBe('10.0.0.5,10.0.1.0/24');
    expect(loadConfig({ ...valid, TRUST_PROXY: '2' }, CONFIG_SECTIONS).http.trustProxy).toBe(2);
    expect(loadConfig(valid, CONFIG_SECTIONS).http.trustProxy).toBe(false);
    expect(loadConfig(valid, CONFIG_SECTIONS).redis.sentinels).toEqual([]);
    const problems = problemsOf({ ...valid, REDIS_SENTINELS: 'sentinel-1', TRUST_PROXY: 'yes please' });
    expect(problems.map((p) => p.split(' ')[0]).sort()).toEqual(['REDIS_SENTINELS', 'TRUST_PROXY']);
  });

  it('parses the identity keyring (current key first) and refuses a malformed one without echoing keys', () => {
    const config = loadConfig(valid, CONFIG_SECTIONS);
    expect(config.identity.masterKeys).toBe(valid.IDENTITY_MASTER_KEYS);
    const problems = problemsOf({ ...valid, IDENTITY_MASTER_KEYS: 'k1:c2hvcnQ=' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^IDENTITY_MASTER_KEYS: /);
    expect(problems[0]).not.toContain('c2hvcnQ=');
  });

  it('refuses office hours that end before they start, and a malformed escalation ladder', () => {
    expect(problemsOf({ ...valid, WORKING_HOURS: '17:00-07:30' })).toEqual([
      'WORKING_HOURS must end after it starts (e.g. 07:30-17:00)',
    ]);
    expect(problemsOf({ ...valid, ESCALATION_LADDERS: '{"KN-3": []}' })).toEqual([
      'ESCALATION_LADDERS["KN-3"]: must be a non-empty list of levels',
    ]);
  });

  it('refuses the example identity keys in production', () => {
    const example = {
      IDENTITY_MASTER_KEYS: 'example1:12byqw+J+ddMlGn4t+wCfQe6onjn/PeDRxzUd+AgnsA=',
      IDENTITY_INDEX_KEY: 'h9IWPangu+g9RbHyuGTVRb3b68jHU9CXqOgzi1jmz30=',
    };
    expect(() => loadConfig({ ...valid, ...example }, CONFIG_SECTIONS)).not.toThrow();
    expect(problemsOf({ ...valid, ...example, NODE_ENV: 'production' })).toEqual([
      'IDENTITY_MASTER_KEYS still holds the example key: generate a key for production',
      'IDENTITY_INDEX_KEY still holds the example value: generate one for production',
    ]);
  });

  it('builds the typed config with defaults and converted numbers and booleans', () => {
    const config = loadConfig(
      {
        ...valid,
        LOG_PRETTY: 'true',
        CORS_ORIGINS: 'https://a.gov.vn,https://b.gov.vn',
      },
      CONFIG_SECTIONS,
    );
    expect(config.db.port).toBe(3307);
    expect(config.http.port).toBe(3000);
    expect(config.log.pretty).toBe(true);
    expect(config.http.corsOrigins).toEqual(['https://a.gov.vn', 'https://b.gov.vn']);
    expect(config.queue.prefix).toBe('tiepdan');
    expect(config.redis.password).toBeUndefined();
  });

  it('lists every problem at once, each naming its variable', () => {
    const problems = problemsOf({
      ...valid,
      DB_PORT: 'abc',
      HTTP_PORT: '70000',
      DB_HOST: '',
      QUEUE_PREFIX: 'a:b',
      REDIS_HOST: undefined as unknown as string,
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringContaining('DB_PORT'),
        expect.stringContaining('HTTP_PORT'),
        expect.stringContaining('DB_HOST'),
        expect.stringContaining('QUEUE_PREFIX'),
        'REDIS_HOST is required',
      ]),
    );
    expect(problems).toHaveLength(5);
  });

  it('refuses the example JWT secret in production', () => {
    expect(
      problemsOf({
        ...valid,
        NODE_ENV: 'production',
        JWT_SECRET: 'change-me-to-a-random-secret-of-32-characters-or-more',
      }),
    ).toEqual(['JWT_SECRET still holds the example value: set a random secret in production']);
  });

  it('reports a missing required variable as required', () => {
    const { DB_NAME: _omitted, ...rest } = valid;
    expect(problemsOf(rest)).toEqual(['DB_NAME is required']);
  });

  it('.env.example documents exactly the variables the schema reads', () => {
    const example = readFileSync(join(__dirname, '..', '..', '.env.example'), 'utf8');
    const documented = example
      .split('\n')
      .filter((l) => /^[A-Z_][A-Z0-9_]*=/.test(l))
      .map((l) => l.slice(0, l.indexOf('=')))
      .sort();
    const declared = [
      ...new Set(
        getMetadataStorage()
          .getTargetValidationMetadatas(EnvironmentVariables, '', true, false)
          .map((m) => m.propertyName),
      ),
    ];
    expect(declared.sort()).toEqual(documented);
    // Every documented value passes validation on its own.
    const values = Object.fromEntries(
      example
        .split('\n')
        .filter((l) => /^[A-Z_][A-Z0-9_]*=/.test(l))
        .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
    );
    expect(() => loadConfig(values, CONFIG_SECTIONS)).not.toThrow();
  });
});

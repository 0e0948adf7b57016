import { CONFIG_SECTIONS } from '../config-sections.js';
import { loadConfig } from '../config/load-config.js';
import { redisConnection, redisServer } from './redis-connection.js';

const base = {
  DB_HOST: '127.0.0.1',
  DB_PORT: '3307',
  DB_USER: 'tiepdan',
  DB_PASSWORD: 'secret',
  DB_NAME: 'tiepdan',
  REDIS_HOST: 'redis.local',
  REDIS_PORT: '6380',
  REDIS_PASSWORD: 'pw',
  JWT_SECRET: 'a-test-secret-that-is-long-enough-0123456789',
  IDENTITY_MASTER_KEYS: 'k1:ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=',
  IDENTITY_INDEX_KEY: 'QEFCQ0RFRkdISUpLTE1OT1BRUlNUVVZXWFlaW1xdXl8=',
};

describe('where the Redis clients connect', () => {
  it('to the one server when no sentinel is configured', () => {
    const options = redisServer(loadConfig(base, CONFIG_SECTIONS));
    expect(options).toMatchObject({ host: 'redis.local', port: 6380, password: 'pw', db: 0 });
    expect(options.sentinels).toBeUndefined();
  });

  it('to the master the sentinels name, for BullMQ producers and workers alike', () => {
    const config = loadConfig(
      { ...base, REDIS_SENTINELS: 's1:26379,s2:26379', REDIS_SENTINEL_MASTER: 'prod' },
      CONFIG_SECTIONS,
    );
    for (const role of ['producer', 'worker'] as const) {
      const options = redisConnection(config, role);
      expect(options).toMatchObject({
        sentinels: [
          { host: 's1', port: 26379 },
          { host: 's2', port: 26379 },
        ],
        name: 'prod',
        password: 'pw',
        sentinelPassword: 'pw',
      });
      expect(options.host).toBeUndefined();
    }
  });
});

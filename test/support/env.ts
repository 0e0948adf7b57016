import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, type RawEnvironment } from '../../src/config/load-config.js';
import { CONFIG_SECTIONS } from '../../src/config-sections.js';
import type { AppConfig } from '../../src/config/app-config.js';

/** The settings the test command exported (scripts/test.sh loads .env / .env.example). */
export function baseEnvironment(): RawEnvironment {
  return { ...process.env };
}

export function workerIndex(): number {
  return Number(process.env.JEST_WORKER_ID ?? '1');
}

/** Each jest worker owns one database, built by the real migrations in test/setup/global-setup.ts. */
export function workerDatabaseName(index = workerIndex()): string {
  const prefix = process.env.TIEPDAN_TEST_DATABASE_PREFIX;
  if (!prefix) throw new Error('test databases are made by the jest global setup (run through npm test)');
  return `${prefix}${index}`;
}

/** AppConfig for this jest worker: its own database and its own queue prefix in the shared Redis. */
export function testConfig(overrides: RawEnvironment = {}): AppConfig {
  return loadConfig(
    {
      ...baseEnvironment(),
      NODE_ENV: 'test',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      LOG_PRETTY: 'false',
      DB_NAME: workerDatabaseName(),
      DB_POOL_SIZE: '5',
      // Queues are as separate as databases: two test runs may share one Redis.
      QUEUE_PREFIX: workerDatabaseName()
        .toLowerCase()
        .replace(/[^a-z0-9_-]/g, '-'),
      // Sessions are read on every request, so a test that ends one in the database sees it at once;
      // test/integration/session-cache.int-spec.ts sets the cache the API runs with.
      AUTH_SESSION_CACHE_MS: '0',
      RATE_LIMIT_DEFAULT_PER_MINUTE: '100000',
      RATE_LIMIT_PUBLIC_PER_MINUTE: '100000',
      // Every test signs in from 127.0.0.1 and the counters outlive a file: the per-address sign-in
      // throttle stays out of the way unless a test sets it (test/e2e/auth.e2e-spec.ts).
      AUTH_THROTTLE_FREE_PER_ADDRESS: '10000',
      // Likewise the online form's per-address limit (test/e2e/letter-form.e2e-spec.ts sets its own),
      // and a proof of work cheap enough for the tests to solve in Node.
      ONLINE_FORM_PER_ADDRESS_PER_HOUR: '100000',
      ONLINE_FORM_POW_COST: '1',
      ONLINE_FORM_POW_COUNTER_MAX: '50',
      // Cheap hashing keeps the suites fast; production uses the defaults (.env.example).
      ARGON2_MEMORY_KIB: '8192',
      ARGON2_TIME_COST: '2',
      // Attachments of test letters go to a throwaway directory per worker.
      ATTACHMENTS_DIR: join(tmpdir(), 'tiepdan-test-attachments', workerDatabaseName()),
      // Background report files likewise.
      REPORTS_DIR: join(tmpdir(), 'tiepdan-test-reports', workerDatabaseName()),
      // Reminders of reporting deadlines run when a test queues a sweep, never on the real clock's schedule.
      REPORTING_REMINDERS: 'false',
      // The tests' webhook receivers listen on 127.0.0.1.
      WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true',
      ...overrides,
    },
    CONFIG_SECTIONS,
  );
}

import { join } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import type { AppConfig } from '../config/app-config.js';
import { SafeTypeOrmLogger } from './safe-typeorm.logger.js';
import { SnakeNamingStrategy } from './snake-naming.strategy.js';

/**
 * The one set of connection settings, shared by the application and the migration CLI
 * (src/database/data-source.ts). Never `synchronize`: the schema comes only from migrations/.
 */
export function databaseOptions(config: AppConfig) {
  const credentials = { username: config.db.user, password: config.db.password, database: config.db.name };
  return {
    // With replicas (ADR 0013) every query still goes to the primary unless it asks for a replica
    // (database/replica-reads.ts); a replica that fails is left out for 5 s, then tried again.
    ...(config.db.replicas.length > 0 && {
      replication: {
        master: { host: config.db.host, port: config.db.port, ...credentials },
        slaves: config.db.replicas.map(({ host, port }) => ({ host, port, ...credentials })),
        defaultMode: 'master' as const,
        restoreNodeTimeout: 5000,
      },
    }),
    // TypeORM reads the schema back differently on each (nullable defaults, JSON): the migration gate
    // needs the right one to see no false drift.
    type: config.db.type,
    host: config.db.host,
    port: config.db.port,
    username: config.db.user,
    password: config.db.password,
    database: config.db.name,
    poolSize: config.db.poolSize,
    charset: 'utf8mb4_unicode_ci',
    // Timestamps are stored and read as UTC; statutory dates are DATE columns read back as
    // 'YYYY-MM-DD' strings, so no time zone can shift a legal deadline.
    timezone: 'Z',
    dateStrings: ['DATE'],
    supportBigNumbers: true,
    bigNumberStrings: true,
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    migrationsTableName: 'migrations',
    migrationsTransactionMode: 'each',
    migrations: [join(__dirname, '..', '..', 'migrations', '*.js')],
    logger: new SafeTypeOrmLogger(),
    logging: ['error', 'warn', 'migration'],
    maxQueryExecutionTime: 2000,
    // mysql2's `trace` (on by default) captures a stack trace for every statement, to splice into the
    // error should it fail: ~0.04 ms of the API's CPU a statement, some 0.5 ms a letter (docs/load.md,
    // "Intake's CPU"). TypeORM wraps a failure in its own QueryFailedError with its own stack anyway, and
    // the SQL error's code and message (what db-errors.ts reads) are unchanged.
    extra: { trace: false },
  } satisfies DataSourceOptions;
}

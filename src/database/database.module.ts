import { Global, Injectable, Module } from '@nestjs/common';
import { InjectDataSource, TypeOrmModule } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { installPoolGuards } from '../common/database/connection-guard.js';
import { AppConfig } from '../config/app-config.js';
import { databaseOptions } from './database-options.js';
import { ReplicaReads } from './replica-reads.js';

/**
 * Bounds the wait for a pooled connection and, in development and tests, refuses a second pooled
 * connection inside a transaction (common/database/connection-guard.ts). Installed when the provider
 * is built, which is before any module's init hook can use the database.
 */
@Injectable()
export class PoolGuards {
  constructor(@InjectDataSource() dataSource: DataSource, config: AppConfig) {
    installPoolGuards(dataSource, {
      acquireTimeoutMs: config.db.acquireTimeoutMs,
      guardNestedAcquire: config.db.connectionGuard,
    });
  }
}

/** Global: any feature may inject ReplicaReads for the reads that may go to a replica (ADR 0013). */
@Global()
@Module({
  imports: [
    TypeOrmModule.forRootAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        ...databaseOptions(config),
        migrations: [],
        autoLoadEntities: true,
        // Fail fast at boot instead of retrying for minutes; the orchestrator restarts us.
        retryAttempts: 3,
        retryDelay: 1000,
      }),
    }),
  ],
  providers: [PoolGuards, ReplicaReads],
  exports: [ReplicaReads],
})
export class DatabaseModule {}

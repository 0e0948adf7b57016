import { Logger } from '@nestjs/common';
import type { Logger as TypeOrmLogger } from 'typeorm';
import { redactMessage } from '../common/http/all-exceptions.filter.js';

/**
 * TypeORM's own loggers print failed queries with their parameters — names, ID numbers, password
 * hashes. This one logs the SQL text and a redacted error only, never a parameter.
 */
export class SafeTypeOrmLogger implements TypeOrmLogger {
  private readonly logger = new Logger('Database');

  logQuery(): void {}

  logQueryError(error: string | Error, query: string): void {
    const message = typeof error === 'string' ? error : error.message;
    const code = typeof error === 'string' ? undefined : (error as { code?: string }).code;
    this.logger.warn(
      { err: { code, message: redactMessage(message) }, sql: query.slice(0, 500) },
      'query failed',
    );
  }

  logQuerySlow(time: number, query: string): void {
    this.logger.warn({ ms: time, sql: query.slice(0, 500) }, 'slow query');
  }

  logSchemaBuild(): void {}

  logMigration(message: string): void {
    this.logger.log(message);
  }

  log(level: 'log' | 'info' | 'warn', message: unknown): void {
    if (level === 'warn') this.logger.warn(redactMessage(String(message)));
  }
}

import type { EnvironmentVariables } from './env.schema.js';

/**
 * The one typed configuration object, built once at boot from validated environment variables.
 * Injected by class; nothing else in the codebase reads `process.env`.
 */
export class AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly log: { level: string; pretty: boolean };
  readonly http: {
    host: string;
    port: number;
    publicBaseUrl: string;
    corsOrigins: string[];
    bodyLimitBytes: number;
    trustProxy: boolean;
    rateLimitPublicPerMinute: number;
    rateLimitDefaultPerMinute: number;
  };
  readonly db: { host: string; port: number; user: string; password: string; name: string; poolSize: number };
  readonly redis: { host: string; port: number; password?: string; db: number };
  readonly queue: { prefix: string };
  readonly worker: { concurrency: number; heartbeatSeconds: number };
  readonly shutdownTimeoutMs: number;

  constructor(v: EnvironmentVariables) {
    this.env = v.NODE_ENV;
    this.log = { level: v.LOG_LEVEL, pretty: v.LOG_PRETTY };
    this.http = {
      host: v.HTTP_HOST,
      port: v.HTTP_PORT,
      publicBaseUrl: v.PUBLIC_BASE_URL.replace(/\/+$/, ''),
      corsOrigins: v.CORS_ORIGINS ? v.CORS_ORIGINS.split(',') : [],
      bodyLimitBytes: v.BODY_LIMIT_BYTES,
      trustProxy: v.TRUST_PROXY,
      rateLimitPublicPerMinute: v.RATE_LIMIT_PUBLIC_PER_MINUTE,
      rateLimitDefaultPerMinute: v.RATE_LIMIT_DEFAULT_PER_MINUTE,
    };
    this.db = {
      host: v.DB_HOST,
      port: v.DB_PORT,
      user: v.DB_USER,
      password: v.DB_PASSWORD,
      name: v.DB_NAME,
      poolSize: v.DB_POOL_SIZE,
    };
    this.redis = { host: v.REDIS_HOST, port: v.REDIS_PORT, password: v.REDIS_PASSWORD, db: v.REDIS_DB };
    this.queue = { prefix: v.QUEUE_PREFIX };
    this.worker = { concurrency: v.WORKER_CONCURRENCY, heartbeatSeconds: v.WORKER_HEARTBEAT_SECONDS };
    this.shutdownTimeoutMs = v.SHUTDOWN_TIMEOUT_MS;
  }
}

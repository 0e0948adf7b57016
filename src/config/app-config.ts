import { hostname } from 'node:os';
import type { EnvironmentVariables } from './env.schema.js';

/**
 * The one typed configuration object, built once at boot from validated environment variables.
 * Injected by class; nothing else in the codebase reads `process.env`.
 */
export class AppConfig {
  readonly env: 'development' | 'production' | 'test';
  readonly log: { level: string; pretty: boolean };
  /** This process among the deployment's (INSTANCE_ID, else `<host name>-<pid>`): /metrics, cache messages. */
  readonly instanceId: string;
  readonly http: {
    host: string;
    port: number;
    publicBaseUrl: string;
    corsOrigins: string[];
    bodyLimitBytes: number;
    /**
     * Which peers' X-Forwarded-For is believed (Fastify's `trustProxy`): false, true (any: only when
     * nothing but the proxy can reach the API), a hop count, or proxy addresses / CIDR ranges.
     */
    trustProxy: boolean | number | string;
    rateLimitPublicPerMinute: number;
    rateLimitDefaultPerMinute: number;
  };
  readonly db: {
    type: 'mariadb' | 'mysql';
    host: string;
    port: number;
    user: string;
    password: string;
    name: string;
    poolSize: number;
    /** How long a command waits for a pooled connection before it gets 503 DATABASE_BUSY. */
    acquireTimeoutMs: number;
    /** Throw when a command takes a second pooled connection while it holds one (docs/database.md). */
    connectionGuard: boolean;
    /**
     * Read replicas (DB_REPLICAS, same account and database): reports, the dashboard and the public
     * calendar read there while every replica is at most `replicaMaxLagSeconds` behind (ADR 0013).
     */
    replicas: Array<{ host: string; port: number }>;
    replicaMaxLagSeconds: number;
  };
  /**
   * Redis: one server (host, port), or, when `sentinels` is not empty, the master Sentinel names
   * `masterName` (REDIS_SENTINELS, REDIS_SENTINEL_MASTER; docs/deployment.md).
   */
  readonly redis: {
    host: string;
    port: number;
    password?: string;
    db: number;
    sentinels: Array<{ host: string; port: number }>;
    masterName: string;
  };
  readonly queue: { prefix: string };
  readonly worker: { concurrency: number; heartbeatSeconds: number };
  readonly escalation: { sweepSeconds: number; ladders: string | undefined };
  /** The audit sequencer's interval (docs/audit.md). */
  readonly audit: { chainSeconds: number };
  readonly mail: { smtpUrl: string | undefined; from: string; workingHours: { start: string; end: string } };
  readonly metrics: { token: string | undefined };
  readonly webhooks: { allowPrivateTargets: boolean };
  /** The national database sync (docs/national-database.md). */
  readonly nationalSync: {
    transport: 'off' | 'file' | 'https';
    dir: string;
    url: string | undefined;
    secret: string | undefined;
    timeoutMs: number;
    ackHours: number;
    denouncerIdentityBasis: string | undefined;
  };
  /** Retention per record class (`keep` or `<n>d|m|y`) and the sweep's interval (ADR 0015). */
  readonly retention: {
    periods: {
      reception_visit: string;
      letter_without_case: string;
      complaint_case: string;
      denunciation_case: string;
      anonymous_information: string;
      email_subscription: string;
    };
    sweepHours: number;
  };
  readonly shutdownTimeoutMs: number;
  readonly auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    /** How long a verified session is trusted without reading it again (ms, 0: never). */
    sessionCacheMs: number;
    refreshTokenTtlDays: number;
    throttle: {
      freePerAccountAddress: number;
      freePerAddress: number;
      freePerAccount: number;
      maxDelaySeconds: number;
    };
    argon2: { memoryCost: number; timeCost: number };
  };
  /** The first administrator, created at first start when no account exists yet. */
  readonly bootstrap: {
    adminEmail?: string;
    adminPassword?: string;
    adminName?: string;
    rootUnitCode?: string;
    rootUnitName?: string;
  };

  /** Envelope encryption of personal data: the keyring spec (parsed by src/identity) and the index key. */
  readonly identity: { masterKeys: string; indexKey: string };
  /** The built officers' console served at `/` (docs/console.md). */
  readonly console: { dir: string };
  readonly attachments: { dir: string };
  /** The public letter form (src/letters/public, docs/letters-and-cases.md, ADR 0016). */
  readonly onlineForm: {
    powCost: number;
    powCounterMax: number;
    noJsWaitSeconds: number;
    perAddressPerHour: number;
  };
  /**
   * Files of background report runs, how many days a run and its file are kept, and whether the worker
   * schedules the reminders of reporting deadlines (REPORTING_REMINDERS).
   */
  readonly reports: { dir: string; retentionDays: number; remindersScheduled: boolean };

  constructor(v: EnvironmentVariables) {
    this.env = v.NODE_ENV;
    this.log = { level: v.LOG_LEVEL, pretty: v.LOG_PRETTY };
    this.instanceId = v.INSTANCE_ID ?? `${hostname().replace(/[^A-Za-z0-9._-]/g, '_')}-${process.pid}`;
    this.http = {
      host: v.HTTP_HOST,
      port: v.HTTP_PORT,
      publicBaseUrl: v.PUBLIC_BASE_URL.replace(/\/+$/, ''),
      corsOrigins: v.CORS_ORIGINS ? v.CORS_ORIGINS.split(',') : [],
      bodyLimitBytes: v.BODY_LIMIT_BYTES,
      trustProxy: trustProxyOf(v.TRUST_PROXY),
      rateLimitPublicPerMinute: v.RATE_LIMIT_PUBLIC_PER_MINUTE,
      rateLimitDefaultPerMinute: v.RATE_LIMIT_DEFAULT_PER_MINUTE,
    };
    this.db = {
      type: v.DB_TYPE,
      host: v.DB_HOST,
      port: v.DB_PORT,
      user: v.DB_USER,
      password: v.DB_PASSWORD,
      name: v.DB_NAME,
      poolSize: v.DB_POOL_SIZE,
      acquireTimeoutMs: v.DB_ACQUIRE_TIMEOUT_MS,
      connectionGuard: v.DB_CONNECTION_GUARD ?? v.NODE_ENV !== 'production',
      replicas: hostPorts(v.DB_REPLICAS),
      replicaMaxLagSeconds: v.DB_REPLICA_MAX_LAG_SECONDS,
    };
    this.redis = {
      host: v.REDIS_HOST,
      port: v.REDIS_PORT,
      password: v.REDIS_PASSWORD,
      db: v.REDIS_DB,
      sentinels: hostPorts(v.REDIS_SENTINELS),
      masterName: v.REDIS_SENTINEL_MASTER,
    };
    this.queue = { prefix: v.QUEUE_PREFIX };
    this.worker = { concurrency: v.WORKER_CONCURRENCY, heartbeatSeconds: v.WORKER_HEARTBEAT_SECONDS };
    this.escalation = { sweepSeconds: v.ESCALATION_SWEEP_SECONDS, ladders: v.ESCALATION_LADDERS };
    this.audit = { chainSeconds: v.AUDIT_CHAIN_SECONDS };
    const [start, end] = v.WORKING_HOURS.split('-');
    this.mail = { smtpUrl: v.SMTP_URL, from: v.MAIL_FROM, workingHours: { start, end } };
    this.metrics = { token: v.METRICS_TOKEN };
    this.webhooks = { allowPrivateTargets: v.WEBHOOK_ALLOW_PRIVATE_TARGETS };
    this.nationalSync = {
      transport: v.NATIONAL_SYNC_TRANSPORT,
      dir: v.NATIONAL_SYNC_DIR,
      url: v.NATIONAL_SYNC_URL,
      secret: v.NATIONAL_SYNC_SECRET,
      timeoutMs: v.NATIONAL_SYNC_TIMEOUT_MS,
      ackHours: v.NATIONAL_SYNC_ACK_HOURS,
      denouncerIdentityBasis: v.NATIONAL_SYNC_DENOUNCER_IDENTITY_BASIS,
    };
    this.retention = {
      periods: {
        reception_visit: v.RETENTION_RECEPTION_VISITS,
        letter_without_case: v.RETENTION_LETTERS_WITHOUT_CASE,
        complaint_case: v.RETENTION_COMPLAINT_CASES,
        denunciation_case: v.RETENTION_DENUNCIATION_CASES,
        anonymous_information: v.RETENTION_ANONYMOUS_INFORMATION,
        email_subscription: v.RETENTION_EMAIL_SUBSCRIPTIONS,
      },
      sweepHours: v.RETENTION_SWEEP_HOURS,
    };
    this.shutdownTimeoutMs = v.SHUTDOWN_TIMEOUT_MS;
    this.auth = {
      jwtSecret: v.JWT_SECRET,
      accessTokenTtlSeconds: v.ACCESS_TOKEN_TTL_SECONDS,
      sessionCacheMs: v.AUTH_SESSION_CACHE_MS,
      refreshTokenTtlDays: v.REFRESH_TOKEN_TTL_DAYS,
      throttle: {
        freePerAccountAddress: v.AUTH_THROTTLE_FREE_PER_ACCOUNT_ADDRESS,
        freePerAddress: v.AUTH_THROTTLE_FREE_PER_ADDRESS,
        freePerAccount: v.AUTH_THROTTLE_FREE_PER_ACCOUNT,
        maxDelaySeconds: v.AUTH_THROTTLE_MAX_DELAY_SECONDS,
      },
      argon2: { memoryCost: v.ARGON2_MEMORY_KIB, timeCost: v.ARGON2_TIME_COST },
    };
    this.bootstrap = {
      adminEmail: v.BOOTSTRAP_ADMIN_EMAIL?.toLowerCase(),
      adminPassword: v.BOOTSTRAP_ADMIN_PASSWORD,
      adminName: v.BOOTSTRAP_ADMIN_NAME,
      rootUnitCode: v.BOOTSTRAP_ROOT_UNIT_CODE,
      rootUnitName: v.BOOTSTRAP_ROOT_UNIT_NAME,
    };
    this.identity = { masterKeys: v.IDENTITY_MASTER_KEYS, indexKey: v.IDENTITY_INDEX_KEY };
    this.console = { dir: v.CONSOLE_DIR };
    this.attachments = { dir: v.ATTACHMENTS_DIR };
    this.onlineForm = {
      powCost: v.ONLINE_FORM_POW_COST,
      powCounterMax: v.ONLINE_FORM_POW_COUNTER_MAX,
      noJsWaitSeconds: v.ONLINE_FORM_NOJS_WAIT_SECONDS,
      perAddressPerHour: v.ONLINE_FORM_PER_ADDRESS_PER_HOUR,
    };
    this.reports = {
      dir: v.REPORTS_DIR,
      retentionDays: v.REPORT_RUN_RETENTION_DAYS,
      remindersScheduled: v.REPORTING_REMINDERS,
    };
  }
}

function trustProxyOf(value: string): boolean | number | string {
  if (value === 'true' || value === 'false') return value === 'true';
  return /^\d+$/.test(value) ? Number(value) : value;
}

/** `host1:port1,host2:port2` (validated by the schema) as a list; empty or absent: none. */
function hostPorts(list: string | undefined): Array<{ host: string; port: number }> {
  return (list ?? '')
    .split(',')
    .filter(Boolean)
    .map((hostPort) => {
      const at = hostPort.lastIndexOf(':');
      return { host: hostPort.slice(0, at), port: Number(hostPort.slice(at + 1)) };
    });
}

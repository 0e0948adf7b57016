import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
} from 'class-validator';

const toInt = ({ value }: { value: unknown }) =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
const toBool = ({ value }: { value: unknown }) => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  return v === 'true' || v === '1' ? true : v === 'false' || v === '0' || v === '' ? false : value;
};
/** A retention period (src/retention/domain/retention.ts parses it): `keep` or 1–9999 days, months, years. */
const RETENTION_PERIOD_PATTERN = /^(keep|[1-9]\d{0,3}[dmy])$/;
const emptyToUndefined = ({ value }: { value: unknown }) => (value === '' ? undefined : value);

/**
 * Every environment variable the processes read, with its rules. `.env.example` documents each one;
 * a test keeps the two lists equal.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'])
  NODE_ENV: 'development' | 'production' | 'test' = 'development';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';

  @Transform(toBool)
  @IsBoolean()
  LOG_PRETTY = false;

  @IsOptional()
  @Matches(/^[A-Za-z0-9._-]{1,64}$/, {
    message: 'INSTANCE_ID must be 1-64 letters, digits, ".", "_" or "-"',
  })
  @Transform(emptyToUndefined)
  INSTANCE_ID?: string;

  @IsString()
  @IsNotEmpty()
  HTTP_HOST = '127.0.0.1';

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(65535)
  HTTP_PORT = 3000;

  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  PUBLIC_BASE_URL = 'http://127.0.0.1:3000';

  @IsOptional()
  @Matches(/^(https?:\/\/[^,\s]+)(,https?:\/\/[^,\s]+)*$/, {
    message: 'CORS_ORIGINS must be a comma-separated list of http(s) origins',
  })
  @Transform(emptyToUndefined)
  CORS_ORIGINS?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  BODY_LIMIT_BYTES = 1024 * 1024;

  @Transform(({ value }) => (typeof value === 'string' ? value.trim().replace(/\s*,\s*/g, ',') : value))
  @Matches(/^(true|false|[1-9]|[0-9a-fA-F.:]+(\/\d{1,3})?(,[0-9a-fA-F.:]+(\/\d{1,3})?)*)$/, {
    message:
      'TRUST_PROXY must be false, true, a number of proxy hops (1-9) or a comma-separated list of proxy addresses or CIDR ranges',
  })
  TRUST_PROXY = 'false';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_PUBLIC_PER_MINUTE = 60;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  RATE_LIMIT_DEFAULT_PER_MINUTE = 1200;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  SHUTDOWN_TIMEOUT_MS = 10000;

  @IsIn(['mariadb', 'mysql'], { message: 'DB_TYPE must be mariadb or mysql' })
  DB_TYPE: 'mariadb' | 'mysql' = 'mariadb';

  @IsString()
  @IsNotEmpty()
  DB_HOST: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  DB_PORT: number;

  @IsString()
  @IsNotEmpty()
  DB_USER: string;

  @IsString()
  DB_PASSWORD: string;

  @Matches(/^[A-Za-z0-9_]{1,64}$/, { message: 'DB_NAME must be 1-64 letters, digits or underscores' })
  DB_NAME: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(200)
  DB_POOL_SIZE = 10;

  @Transform(toInt)
  @IsInt()
  @Min(100)
  @Max(120000)
  DB_ACQUIRE_TIMEOUT_MS = 5000;

  @IsOptional()
  @Transform(({ value }) => (value === '' ? undefined : toBool({ value })))
  @IsBoolean()
  DB_CONNECTION_GUARD?: boolean;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, {
    message: 'DB_REPLICAS must be a comma-separated list of host:port',
  })
  DB_REPLICAS?: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  DB_REPLICA_MAX_LAG_SECONDS = 30;

  @IsString()
  @IsNotEmpty()
  REDIS_HOST: string;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(65535)
  REDIS_PORT: number;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  REDIS_PASSWORD?: string;

  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(15)
  REDIS_DB = 0;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[^\s,:]+:\d{1,5}(,[^\s,:]+:\d{1,5})*$/, {
    message: 'REDIS_SENTINELS must be a comma-separated list of host:port',
  })
  REDIS_SENTINELS?: string;

  @Matches(/^[A-Za-z0-9._-]{1,64}$/, {
    message: 'REDIS_SENTINEL_MASTER must be 1-64 letters, digits, ".", "_" or "-"',
  })
  REDIS_SENTINEL_MASTER = 'tiepdan';

  @Matches(/^[a-z0-9][a-z0-9_-]{0,39}$/, {
    message: 'QUEUE_PREFIX must be lower-case letters, digits, "-" or "_" (no ":"), at most 40',
  })
  QUEUE_PREFIX = 'tiepdan';

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(500)
  WORKER_CONCURRENCY = 10;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(3600)
  WORKER_HEARTBEAT_SECONDS = 30;

  /**
   * How often the worker's audit sequencer chains the audit entries committed since its last run
   * (seconds; docs/audit.md). Until chained, an entry is stored but not yet tamper-evident.
   */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(300)
  AUDIT_CHAIN_SECONDS = 5;

  /** How often the worker looks for deadlines to escalate (seconds). */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(3600)
  ESCALATION_SWEEP_SECONDS = 300;

  /** Escalation ladders by rule id or kind of case (JSON; empty: the default ladder). Parsed by loadConfig. */
  @IsOptional()
  @IsString()
  @Transform(emptyToUndefined)
  ESCALATION_LADDERS?: string;

  /** SMTP server for e-mail notifications (`smtp://user:pass@host:587`); empty: no e-mail is sent. */
  @IsOptional()
  @Matches(/^smtps?:\/\/\S+$/, { message: 'SMTP_URL must be an smtp:// or smtps:// URL' })
  @Transform(emptyToUndefined)
  SMTP_URL?: string;

  /** The sender of e-mail notifications. */
  @IsEmail({}, { message: 'MAIL_FROM must be an e-mail address' })
  MAIL_FROM = 'tiepdan@localhost.localdomain';

  /** Office hours in which e-mails go out, on the recipient's working days (HH:MM-HH:MM, local time). */
  @Matches(/^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, {
    message: 'WORKING_HOURS must look like 07:30-17:00',
  })
  WORKING_HOURS = '07:30-17:00';

  /** Let webhooks call loopback and private addresses (development, tests); refused otherwise. */
  @Transform(toBool)
  @IsBoolean()
  WEBHOOK_ALLOW_PRIVATE_TARGETS = false;

  /**
   * How records reach the national database (docs/national-database.md): `off` (rows wait in the
   * outbox), `file` (JSON-lines files in NATIONAL_SYNC_DIR) or `https` (signed POST to NATIONAL_SYNC_URL).
   */
  @IsIn(['off', 'file', 'https'])
  NATIONAL_SYNC_TRANSPORT: 'off' | 'file' | 'https' = 'off';

  /** The directory the `file` transport drops its JSON-lines files into. */
  @IsString()
  @IsNotEmpty()
  NATIONAL_SYNC_DIR = 'var/national-sync';

  /** The national endpoint the `https` transport posts each record to. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  @Transform(emptyToUndefined)
  NATIONAL_SYNC_URL?: string;

  /** The shared secret the `https` transport signs each call with (HMAC-SHA256). */
  @IsOptional()
  @IsString()
  @Transform(emptyToUndefined)
  @MinLength(32, { message: 'NATIONAL_SYNC_SECRET must be at least 32 characters' })
  NATIONAL_SYNC_SECRET?: string;

  /** How long the national endpoint has to answer one call (ms). */
  @Transform(toInt)
  @IsInt()
  @Min(1000)
  @Max(120000)
  NATIONAL_SYNC_TIMEOUT_MS = 15000;

  /** Hours within which the acceptance of a case must be acknowledged before the heads are told (NĐ 55/2022 art. 8: "immediately"). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  NATIONAL_SYNC_ACK_HOURS = 24;

  /**
   * The legal basis on which a denouncer's identity may be sent to the national database (a document
   * reference). Empty: never sent (LTC art. 47–48).
   */
  @IsOptional()
  @IsString()
  @Transform(emptyToUndefined)
  @MinLength(5, { message: 'NATIONAL_SYNC_DENOUNCER_IDENTITY_BASIS must name a legal basis' })
  NATIONAL_SYNC_DENOUNCER_IDENTITY_BASIS?: string;

  /** Retention of reception visits (from the visit date, once the letters handed in at it are anonymised): `keep` or `<n>d|m|y` (ADR 0015). */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @Matches(RETENTION_PERIOD_PATTERN, {
    message: 'RETENTION_RECEPTION_VISITS must be keep or a period like 90d, 18m, 10y',
  })
  RETENTION_RECEPTION_VISITS = 'keep';

  /** Retention of letters decided without a case (from the decision date): `keep` or `<n>d|m|y` (ADR 0015). */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @Matches(RETENTION_PERIOD_PATTERN, {
    message: 'RETENTION_LETTERS_WITHOUT_CASE must be keep or a period like 90d, 18m, 10y',
  })
  RETENTION_LETTERS_WITHOUT_CASE = 'keep';

  /** Retention of closed complaint cases and their letters (from the last step or enforcement closing): `keep` or `<n>d|m|y` (ADR 0015). */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @Matches(RETENTION_PERIOD_PATTERN, {
    message: 'RETENTION_COMPLAINT_CASES must be keep or a period like 90d, 18m, 10y',
  })
  RETENTION_COMPLAINT_CASES = 'keep';

  /** Retention of closed denunciation cases and their letters (same): `keep` or `<n>d|m|y` (ADR 0015). */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @Matches(RETENTION_PERIOD_PATTERN, {
    message: 'RETENTION_DENUNCIATION_CASES must be keep or a period like 90d, 18m, 10y',
  })
  RETENTION_DENUNCIATION_CASES = 'keep';

  /** Retention of anonymous information (LTC art. 25): letters and cases: `keep` or `<n>d|m|y` (ADR 0015). */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @Matches(RETENTION_PERIOD_PATTERN, {
    message: 'RETENTION_ANONYMOUS_INFORMATION must be keep or a period like 90d, 18m, 10y',
  })
  RETENTION_ANONYMOUS_INFORMATION = 'keep';

  /** Retention of e-mail subscriptions a citizen ended (from the unsubscription): `keep` or `<n>d|m|y` (ADR 0015). */
  @Transform(({ value }) => (typeof value === 'string' ? value.trim().toLowerCase() : value))
  @Matches(RETENTION_PERIOD_PATTERN, {
    message: 'RETENTION_EMAIL_SUBSCRIPTIONS must be keep or a period like 90d, 18m, 10y',
  })
  RETENTION_EMAIL_SUBSCRIPTIONS = 'keep';

  /** Hours between two runs of the retention sweep in the worker (ADR 0015). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(720)
  RETENTION_SWEEP_HOURS = 24;

  /** Bearer token that /metrics requires (empty: /metrics answers only on a loopback address). */
  @IsOptional()
  @IsString()
  @Transform(emptyToUndefined)
  @MinLength(16, { message: 'METRICS_TOKEN must be at least 16 characters' })
  METRICS_TOKEN?: string;

  @IsString()
  @MinLength(32, { message: 'JWT_SECRET must be at least 32 characters (use a random string)' })
  JWT_SECRET: string;

  @Transform(toInt)
  @IsInt()
  @Min(60)
  @Max(3600)
  ACCESS_TOKEN_TTL_SECONDS = 900;

  /**
   * How long the API trusts a session it has just checked (ms; 0: check the database on every request).
   * A sign-out, deactivation or role change made through another API instance (or in the database) takes
   * effect there at most this late; through the same instance at once (docs/security.md).
   */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(5000)
  AUTH_SESSION_CACHE_MS = 1000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(90)
  REFRESH_TOKEN_TTL_DAYS = 14;

  /** Sign-in throttling (docs/security.md): failures of one account from one address before waits. */
  @Transform(toInt)
  @IsInt()
  @Min(3)
  @Max(20)
  AUTH_THROTTLE_FREE_PER_ACCOUNT_ADDRESS = 5;

  /** …of one address, whatever the accounts (an office behind one NAT address shares it). */
  @Transform(toInt)
  @IsInt()
  @Min(5)
  @Max(10000)
  AUTH_THROTTLE_FREE_PER_ADDRESS = 50;

  /** …of one account from addresses that already failed for it. */
  @Transform(toInt)
  @IsInt()
  @Min(3)
  @Max(1000)
  AUTH_THROTTLE_FREE_PER_ACCOUNT = 10;

  /** The longest wait (seconds) the doubling reaches. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(86400)
  AUTH_THROTTLE_MAX_DELAY_SECONDS = 900;

  @Transform(toInt)
  @IsInt()
  @Min(8192)
  @Max(1048576)
  ARGON2_MEMORY_KIB = 65536;

  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(10)
  ARGON2_TIME_COST = 3;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsEmail({}, { message: 'BOOTSTRAP_ADMIN_EMAIL must be an e-mail address' })
  BOOTSTRAP_ADMIN_EMAIL?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  @MinLength(12, { message: 'BOOTSTRAP_ADMIN_PASSWORD must be at least 12 characters' })
  BOOTSTRAP_ADMIN_PASSWORD?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  BOOTSTRAP_ADMIN_NAME?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @Matches(/^[A-Z0-9][A-Z0-9._-]{1,39}$/, {
    message: 'BOOTSTRAP_ROOT_UNIT_CODE must be 2-40 upper-case letters, digits, ".", "_" or "-"',
  })
  BOOTSTRAP_ROOT_UNIT_CODE?: string;

  @IsOptional()
  @Transform(emptyToUndefined)
  @IsString()
  BOOTSTRAP_ROOT_UNIT_NAME?: string;

  /**
   * Master keys that wrap the data keys of personal data (src/identity): `id:base64-32-bytes`, comma
   * separated, the current key first. Parsed (and checked) by loadConfig.
   */
  @IsString()
  @IsNotEmpty()
  IDENTITY_MASTER_KEYS: string;

  /** The secret of the blind indexes (duplicate search on encrypted identities): base64 of 32 bytes. */
  @Matches(/^[A-Za-z0-9+/]{43}=$/, { message: 'IDENTITY_INDEX_KEY must be the base64 of 32 random bytes' })
  IDENTITY_INDEX_KEY: string;

  /** The built officers' console (web/, `vite build`) the API serves at `/`; missing: no console. */
  @IsString()
  @IsNotEmpty()
  CONSOLE_DIR = 'web/dist';

  /** Where letters' attachments are stored (created when missing). */
  @IsString()
  @IsNotEmpty()
  ATTACHMENTS_DIR = '.data/attachments';

  /** The public letter form (/gui-don): the proof of work's cost — SHA-256 rounds per attempt. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(100000)
  ONLINE_FORM_POW_COST = 100;

  /** The proof of work: the secret counter is drawn between half of this and this (attempts to find it). */
  @Transform(toInt)
  @IsInt()
  @Min(2)
  @Max(10000000)
  ONLINE_FORM_POW_COUNTER_MAX = 4000;

  /** Without JavaScript: the least time between opening the form and sending it (the slower fallback). */
  @Transform(toInt)
  @IsInt()
  @Min(0)
  @Max(3600)
  ONLINE_FORM_NOJS_WAIT_SECONDS = 30;

  /** Submissions of the form per client address and hour (every attempt counts, refused ones too). */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  ONLINE_FORM_PER_ADDRESS_PER_HOUR = 10;

  /** Where the files of background report runs are written (created when missing). */
  @IsString()
  @IsNotEmpty()
  REPORTS_DIR = '.data/reports';

  /** Days a background report run and its file are kept before the sweep deletes them. */
  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(365)
  REPORT_RUN_RETENTION_DAYS = 7;

  /**
   * Whether the worker schedules the hourly reminders of reporting deadlines (docs/reports.md). Off, the
   * schedule is removed; a sweep can still be queued by hand. The tests turn it off so that a test run on a
   * reminder day is not sent reminders nobody asked for.
   */
  @Transform(toBool)
  @IsBoolean()
  REPORTING_REMINDERS = true;

  /** Read by scripts/services.sh only; accepted here so a shared .env validates. */
  @IsOptional()
  @IsString()
  SERVICES_DIR?: string;
}

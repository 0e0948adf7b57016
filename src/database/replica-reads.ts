import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import { DataSource, type EntityManager } from 'typeorm';
import { AppConfig } from '../config/app-config.js';

/** How often the replicas' lag is read while replica reads are asked for. */
const LAG_CHECK_INTERVAL_MS = 2000;

/** What the last look at one replica found. */
export interface ReplicaState {
  readonly replica: string;
  /** Seconds behind the primary; null when replication is not running or the replica did not answer. */
  readonly lagSeconds: number | null;
}

/**
 * Reads that may be a little stale go to a read replica (ADR 0013): report figures and report runs,
 * the dashboard, the public calendar. Everything a command reads to decide, and every read a person
 * expects to see their own write in, keeps using the primary (the DataSource's default: TypeORM's
 * `replication.defaultMode` is `master`, so nothing reaches a replica without asking here).
 *
 * Staleness is bounded: the replicas' `Seconds_Behind_Master` is read every couple of seconds on a
 * connection of its own per replica; while any replica is further behind than DB_REPLICA_MAX_LAG_SECONDS,
 * has replication stopped, or does not answer, these reads go to the primary. A read that fails on a
 * replica for a connection reason is retried once on the primary. With no replica configured every read
 * is the primary's, exactly as before.
 */
@Injectable()
export class ReplicaReads implements OnModuleDestroy {
  private readonly logger = new Logger(ReplicaReads.name);
  private readonly connections = new Map<string, Connection>();
  private states: ReplicaState[] = [];
  private checkedAt = 0;
  private checking: Promise<void> | null = null;
  private closed = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly config: AppConfig,
  ) {}

  /** Whether replicas are configured at all. */
  get configured(): boolean {
    return this.config.db.replicas.length > 0;
  }

  /** Runs one read-only SQL statement where it may run: a fresh replica, else the primary. */
  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    return this.run((manager) => manager.query(sql, params) as Promise<T[]>);
  }

  /**
   * Runs read-only work on one connection of a fresh replica (else the primary). `work` must not write:
   * a replica refuses writes (read_only) and a write there would never reach the primary.
   */
  async run<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!(await this.fresh())) return work(this.dataSource.manager);
    const runner = this.dataSource.createQueryRunner('slave');
    try {
      return await work(runner.manager);
    } catch (error) {
      if (!isConnectionError(error)) throw error;
      this.logger.warn(`a replica read failed (${errorCode(error)}); read again on the primary`);
      this.checkedAt = 0;
      return work(this.dataSource.manager);
    } finally {
      await runner.release();
    }
  }

  /** The replicas as last seen (for /metrics and the health page). */
  async replicaStates(): Promise<readonly ReplicaState[]> {
    await this.fresh();
    return this.states;
  }

  /** Reads the replicas' lag now (tests and operators; reads otherwise look every couple of seconds). */
  async refresh(): Promise<readonly ReplicaState[]> {
    this.checkedAt = 0;
    await this.fresh();
    return this.states;
  }

  private async fresh(): Promise<boolean> {
    if (!this.configured || this.closed) return false;
    if (Date.now() - this.checkedAt >= LAG_CHECK_INTERVAL_MS) {
      this.checking ??= this.check().finally(() => {
        this.checking = null;
      });
      await this.checking;
    }
    const bound = this.config.db.replicaMaxLagSeconds;
    return this.states.length > 0 && this.states.every((s) => s.lagSeconds !== null && s.lagSeconds <= bound);
  }

  private async check(): Promise<void> {
    const states = await Promise.all(
      this.config.db.replicas.map(async ({ host, port }) => {
        const replica = `${host}:${port}`;
        return { replica, lagSeconds: await this.lagOf(replica, host, port) };
      }),
    );
    for (const s of states) {
      const before = this.states.find((p) => p.replica === s.replica);
      const bound = this.config.db.replicaMaxLagSeconds;
      const wasFresh = before ? before.lagSeconds !== null && before.lagSeconds <= bound : true;
      const isFresh = s.lagSeconds !== null && s.lagSeconds <= bound;
      if (wasFresh !== isFresh) {
        this.logger.warn(
          isFresh
            ? `replica ${s.replica} caught up (${s.lagSeconds} s behind): replica reads resume`
            : `replica ${s.replica} is ${s.lagSeconds === null ? 'not replicating' : `${s.lagSeconds} s behind`}: reads go to the primary`,
        );
      }
    }
    this.states = states;
    this.checkedAt = Date.now();
  }

  private async lagOf(replica: string, host: string, port: number): Promise<number | null> {
    try {
      let connection = this.connections.get(replica);
      if (!connection) {
        connection = await createConnection({
          host,
          port,
          user: this.config.db.user,
          password: this.config.db.password,
          connectTimeout: 2000,
        });
        // A dropped connection is forgotten and made again at the next look.
        connection.on('error', () => this.connections.delete(replica));
        this.connections.set(replica, connection);
      }
      // MariaDB ≥ 10.5 and MySQL ≥ 8.0.22 both know SHOW REPLICA STATUS; their column names differ.
      const [rows] = await connection.query<RowDataPacket[]>('SHOW REPLICA STATUS');
      return lagFromStatus(rows[0]);
    } catch (error) {
      this.connections.get(replica)?.destroy();
      this.connections.delete(replica);
      this.logger.warn(`replica ${replica} did not answer (${errorCode(error)})`);
      return null;
    }
  }

  async onModuleDestroy(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.connections.values()].map((c) => c.end().catch(() => c.destroy())));
    this.connections.clear();
  }
}

/** Seconds behind from a SHOW REPLICA STATUS row; null when there is none or a thread is stopped. */
export function lagFromStatus(row: Record<string, unknown> | undefined): number | null {
  if (!row) return null;
  const io = row.Slave_IO_Running ?? row.Replica_IO_Running;
  const sql = row.Slave_SQL_Running ?? row.Replica_SQL_Running;
  const lag = row.Seconds_Behind_Master ?? row.Seconds_Behind_Source;
  if (io !== 'Yes' || sql !== 'Yes' || lag === null || lag === undefined) return null;
  const seconds = Number(lag);
  return Number.isFinite(seconds) ? seconds : null;
}

const CONNECTION_ERRORS = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'PROTOCOL_CONNECTION_LOST',
  'POOL_NONEONLINE',
  'POOL_NOEXIST',
  'ER_CON_COUNT_ERROR',
]);

function isConnectionError(error: unknown): boolean {
  const code = errorCode(error);
  return CONNECTION_ERRORS.has(code);
}

function errorCode(error: unknown): string {
  const e = error as { code?: unknown; driverError?: { code?: unknown } } | null;
  return String(e?.code ?? e?.driverError?.code ?? 'unknown');
}

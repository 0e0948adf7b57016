import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { hostname } from 'node:os';
import { DataSource } from 'typeorm';

const WORKER_ID = `${hostname()}-${process.pid}`.slice(0, 120);
const STARTED_AT = new Date();

@Injectable()
export class WorkerHeartbeatService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Records that this worker is alive; a repeat is harmless (upsert on the worker id). */
  async beat(now: Date): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO worker_heartbeats (worker_id, started_at, last_seen_at, beats) VALUES (?, ?, ?, 1)
       ON DUPLICATE KEY UPDATE last_seen_at = VALUES(last_seen_at), beats = beats + 1`,
      [WORKER_ID, STARTED_AT, now],
    );
    // Workers gone for a week are forgotten.
    await this.dataSource.query('DELETE FROM worker_heartbeats WHERE last_seen_at < ? - INTERVAL 7 DAY', [
      now,
    ]);
  }
}

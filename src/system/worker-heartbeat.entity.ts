import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * The last time each worker process handled the scheduled heartbeat job: proof that the queue pipeline
 * (scheduler → Redis → worker → database) is alive (docs/operations.md has the monitoring query).
 */
@Entity({ name: 'worker_heartbeats' })
@Index('idx_worker_heartbeats_last_seen_at', ['lastSeenAt'])
export class WorkerHeartbeatEntity {
  @PrimaryColumn({ type: 'varchar', length: 120, primaryKeyConstraintName: 'pk_worker_heartbeats' })
  workerId: string;

  @Column({ type: 'datetime', precision: 3 })
  startedAt: Date;

  @Column({ type: 'datetime', precision: 3 })
  lastSeenAt: Date;

  @Column({ type: 'int', unsigned: true, default: 0 })
  beats: number;
}

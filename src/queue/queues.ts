/**
 * Every queue and every job name the system knows. The worker refuses to boot when a job name here has
 * no handler (queue/job-handlers.check.ts). Names are kebab-case; custom job ids use `-`, never `:`.
 */
export const QUEUES = {
  maintenance: {
    name: 'maintenance',
    jobs: { workerHeartbeat: 'worker-heartbeat' },
  },
  calendar: {
    name: 'calendar',
    // `calendar-change`: tell the subscribers about one outbox row (job id `calendar-change-<row id>`);
    // `calendar-change-sweep`: the scheduled safety net that re-enqueues rows left unprocessed.
    jobs: { change: 'calendar-change', sweep: 'calendar-change-sweep' },
  },
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]['name'];

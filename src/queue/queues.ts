/**
 * Every queue and every job name the system knows. The worker refuses to boot when a job name here has
 * no handler (queue/job-handlers.check.ts). Names are kebab-case; custom job ids use `-`, never `:`.
 */
export const QUEUES = {
  maintenance: {
    name: 'maintenance',
    jobs: { workerHeartbeat: 'worker-heartbeat' },
  },
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES]['name'];

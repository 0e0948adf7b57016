import type { JobRouterHost } from './job-router.host.js';
import { QUEUES } from './queues.js';

/** Refuses to boot a worker in which some declared job would have nobody to run it. */
export function assertEveryJobHasAHandler(processors: JobRouterHost[]): void {
  const missing: string[] = [];
  for (const queue of Object.values(QUEUES)) {
    const processor = processors.find((p) => p.queueName === queue.name);
    const handled = new Set(processor?.handledJobNames() ?? []);
    for (const job of Object.values(queue.jobs)) if (!handled.has(job)) missing.push(`${queue.name}/${job}`);
  }
  if (missing.length > 0) throw new Error(`jobs without a handler: ${missing.join(', ')}`);
}

import { assertEveryJobHasAHandler } from './job-handlers.check.js';
import type { JobRouterHost } from './job-router.host.js';
import { QUEUES } from './queues.js';

const processor = (queueName: string, names: string[]) =>
  ({ queueName, handledJobNames: () => names }) as unknown as JobRouterHost;

describe('assertEveryJobHasAHandler', () => {
  const everyQueue = Object.values(QUEUES).map((q) => processor(q.name, Object.values(q.jobs)));

  it('accepts processors that cover every declared job', () => {
    expect(() => assertEveryJobHasAHandler(everyQueue)).not.toThrow();
  });

  it('refuses to boot when a declared job has no handler, naming it', () => {
    const withoutHeartbeat = everyQueue.map((p) =>
      p.queueName === QUEUES.maintenance.name ? processor(p.queueName, []) : p,
    );
    expect(() => assertEveryJobHasAHandler(withoutHeartbeat)).toThrow('maintenance/worker-heartbeat');
  });
});

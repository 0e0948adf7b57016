/**
 * Nest closes the app on SIGTERM/SIGINT (enableShutdownHooks): Fastify stops accepting and finishes
 * in-flight requests, BullMQ workers finish or hand back their active jobs, pools close. Should any of
 * that hang, exit anyway after the configured time so an orchestrator is never blocked.
 */
export function forceExitAfter(timeoutMs: number): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        console.error(`tiepdan: shutdown took longer than ${timeoutMs} ms; exiting`);
        process.exit(1);
      }, timeoutMs).unref();
    });
  }
}

import { RateWindowStorage } from './rate-window.storage';

const MINUTE = 60_000;

describe('the in-memory rate window (the limiter’s fallback while Redis is away)', () => {
  it('answers a hit in constant time and memory, however many hits the window holds', async () => {
    let now = 0;
    const storage = new RateWindowStorage(() => now);
    // 200,000 hits in one minute on one key: the library's storage filters a list of them all on every
    // hit (about 2·10^10 steps); this is one record.
    const started = performance.now();
    for (let i = 0; i < 200_000; i++) {
      now = i / 4;
      await storage.increment('route-client', MINUTE, 1e9, MINUTE, 'default');
    }
    expect(performance.now() - started).toBeLessThan(2000);
    expect(storage.size).toBe(1);
    expect(await storage.increment('route-client', MINUTE, 1e9, MINUTE, 'default')).toMatchObject({
      totalHits: 200_001,
      isBlocked: false,
    });
    storage.onApplicationShutdown();
  });

  it('forgets keys idle for two windows, and keeps throttlers apart', async () => {
    let now = 0;
    const storage = new RateWindowStorage(() => now);
    await storage.increment('a', MINUTE, 1, MINUTE, 'default');
    await storage.increment('a', MINUTE, 1, MINUTE, 'other');
    await storage.increment('b', MINUTE, 10, MINUTE, 'default');
    expect(storage.size).toBe(3);
    expect((await storage.increment('a', MINUTE, 1, MINUTE, 'other')).isBlocked).toBe(true);
    now = 2 * MINUTE;
    storage.sweep();
    expect(storage.size).toBe(0);
    storage.onApplicationShutdown();
  });
});

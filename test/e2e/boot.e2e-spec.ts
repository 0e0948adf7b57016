import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');

/** Starts a built entry point with a hand-made environment (no .env: the cwd is a scratch folder). */
function boot(entry: string, env: Record<string, string>) {
  return spawnSync(process.execPath, [join(root, 'dist', 'src', entry)], {
    cwd: '/tmp',
    env: { PATH: process.env.PATH ?? '', ...env },
    encoding: 'utf8',
    timeout: 20000,
  });
}

describe('boot with a bad environment', () => {
  const bad = {
    DB_HOST: '127.0.0.1',
    DB_PORT: 'not-a-port',
    DB_USER: 'tiepdan',
    DB_PASSWORD: 'x',
    REDIS_HOST: '127.0.0.1',
    REDIS_PORT: '6380',
    HTTP_PORT: '99999',
    LOG_LEVEL: 'chatty',
  };

  it.each(['main.js', 'worker.js'])('%s refuses to start and lists every problem in one message', (entry) => {
    const run = boot(entry, bad);
    expect(run.status).toBe(1);
    const message = run.stderr;
    expect(message).toContain('Invalid configuration (7 problems)');
    for (const name of [
      'DB_PORT',
      'HTTP_PORT',
      'LOG_LEVEL',
      'DB_NAME is required',
      'JWT_SECRET is required',
      'IDENTITY_MASTER_KEYS',
      'IDENTITY_INDEX_KEY',
    ])
      expect(message).toContain(name);
    // Secrets are never echoed.
    expect(message).not.toContain('DB_PASSWORD');
  });
});

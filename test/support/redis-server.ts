import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A free TCP port on 127.0.0.1. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export async function waitForPort(port: number, timeoutMs = 10000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const open = await new Promise<boolean>((resolve) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(true);
      });
      socket.once('error', () => resolve(false));
    });
    if (open) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`nothing listened on port ${port} within ${timeoutMs} ms`);
}

function redisServerBinary(): string {
  for (const candidate of ['redis-server', '/usr/bin/redis-server', '/usr/sbin/redis-server']) {
    if (spawnSync(candidate, ['--version']).status === 0) return candidate;
  }
  throw new Error('redis-server is not installed (scripts/services.sh up installs it)');
}

/**
 * A throwaway Redis of the test's own (127.0.0.1, AOF on), so a test can kill and restart it without
 * disturbing the shared one.
 */
export class DisposableRedis {
  private process?: ChildProcess;
  readonly dir = mkdtempSync(join(tmpdir(), 'tiepdan-redis-'));

  /** `extra`: more command-line settings (`--replicaof 127.0.0.1 <port>` for a replica). */
  constructor(
    readonly port: number,
    private readonly extra: string[] = [],
  ) {}

  static async start(extra: string[] = []): Promise<DisposableRedis> {
    const redis = new DisposableRedis(await freePort(), extra);
    await redis.start();
    return redis;
  }

  async start(): Promise<void> {
    this.process = spawn(
      redisServerBinary(),
      [
        '--bind',
        '127.0.0.1',
        '--port',
        String(this.port),
        '--dir',
        this.dir,
        '--appendonly',
        'yes',
        '--save',
        '',
        ...this.extra,
      ],
      { stdio: 'ignore' },
    );
    await waitForPort(this.port);
  }

  /** Stops the server (if running) and removes its folder. */
  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }

  /** SIGKILL: no chance to flush or say goodbye, as in a crash. */
  async kill(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }
}

/**
 * A throwaway Redis Sentinel (Debian's redis-server in sentinel mode, as the redis-sentinel package
 * runs it) watching one master under `name`, quorum 1, declaring it down after `downAfterMs`.
 */
export class DisposableSentinel {
  private process?: ChildProcess;
  readonly dir = mkdtempSync(join(tmpdir(), 'tiepdan-sentinel-'));

  private constructor(readonly port: number) {}

  static async start(name: string, masterPort: number, downAfterMs = 1000): Promise<DisposableSentinel> {
    const sentinel = new DisposableSentinel(await freePort());
    const conf = join(sentinel.dir, 'sentinel.conf');
    writeFileSync(
      conf,
      [
        'bind 127.0.0.1',
        `port ${sentinel.port}`,
        `dir ${sentinel.dir}`,
        `sentinel monitor ${name} 127.0.0.1 ${masterPort} 1`,
        `sentinel down-after-milliseconds ${name} ${downAfterMs}`,
        `sentinel failover-timeout ${name} 10000`,
        `sentinel parallel-syncs ${name} 1`,
        '',
      ].join('\n'),
    );
    sentinel.process = spawn(redisServerBinary(), [conf, '--sentinel'], { stdio: 'ignore' });
    await waitForPort(sentinel.port);
    return sentinel;
  }

  async dispose(): Promise<void> {
    const child = this.process;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

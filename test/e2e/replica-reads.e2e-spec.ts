import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import { createConnection, type Connection, type RowDataPacket } from 'mysql2/promise';
import request from 'supertest';
import type { DataSource } from 'typeorm';
import { ReplicaReads } from '../../src/database/replica-reads.js';
import { startApi } from '../support/api.js';
import { testConfig, workerDatabaseName } from '../support/env.js';
import { login, twoAgencies } from '../support/fixtures.js';
import { freePort } from '../support/redis-server.js';
import { until } from '../support/wait.js';

const root = join(__dirname, '..', '..');

/** A weekday at least four days ahead (not 1 January), as a YYYY-MM-DD string. */
function comingWeekday(): string {
  const day = new Date(Date.now() + 4 * 86_400_000);
  while ([0, 6].includes(day.getUTCDay()) || day.toISOString().slice(5, 10) === '01-01')
    day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}

/**
 * A MariaDB primary and a GTID replica started by the services script itself (issue 19 point 2, ADR
 * 0013): the public calendar reads the replica while it keeps up, the primary when it lags, stops or
 * dies; commands and what a person reads back after writing stay on the primary.
 */
describe('reads that may go to a read replica', () => {
  const servicesDir = mkdtempSync(join(tmpdir(), 'tiepdan-replica-'));
  const dbName = `${workerDatabaseName()}_r`.slice(0, 64);
  let primaryPort: number;
  let replicaPort: number;
  let servicesEnv: NodeJS.ProcessEnv;
  let app: NestFastifyApplication;
  let replica: Connection;
  let officer: string;
  let unitId: string;
  let unitCode: string;
  let placeId: string;
  const date = comingWeekday();

  const services = (command: string) => {
    const run = spawnSync('bash', [join(root, 'scripts/services.sh'), command], {
      cwd: root,
      env: servicesEnv,
      encoding: 'utf8',
    });
    if (run.status !== 0) throw new Error(`services.sh ${command} failed:\n${run.stdout}\n${run.stderr}`);
  };
  const publicCalendar = () =>
    request(app.getHttpServer())
      .get('/lich-tiep-cong-dan.json')
      .query({ 'don-vi': unitCode, thang: date.slice(0, 7) })
      .expect(200);
  const newSession = async (topics: string) =>
    (
      await request(app.getHttpServer())
        .post('/api/v1/reception/sessions')
        .set('authorization', `Bearer ${officer}`)
        .send({
          unitId,
          kind: 'periodic',
          placeId,
          date,
          startTime: '07:30',
          endTime: '11:30',
          receiverName: 'Trần Văn Bình',
          receiverTitle: 'Trưởng phòng',
          topics,
        })
        .expect(201)
    ).body.session as { id: string; topics: string };
  const caughtUp = async () => {
    const states = await app.get(ReplicaReads).refresh();
    return states.length === 1 && states[0].lagSeconds === 0;
  };

  beforeAll(async () => {
    primaryPort = await freePort();
    replicaPort = await freePort();
    servicesEnv = {
      ...process.env,
      SERVICES_DIR: servicesDir,
      DB_HOST: '127.0.0.1',
      DB_PORT: String(primaryPort),
      DB_REPLICA_PORT: String(replicaPort),
      DB_NAME: dbName,
      DB_BUFFER_POOL: '32M',
    };
    services('up'); // the suite's Redis already answers: only the two databases start
    const migrate = spawnSync(
      process.execPath,
      [join(root, 'scripts/run-built.cjs'), 'typeorm', 'migration:run'],
      {
        cwd: root,
        env: servicesEnv,
        encoding: 'utf8',
      },
    );
    if (migrate.status !== 0) throw new Error(`migrations failed:\n${migrate.stdout}\n${migrate.stderr}`);
    app = await startApi(
      testConfig({
        DB_PORT: String(primaryPort),
        DB_NAME: dbName,
        DB_REPLICAS: `127.0.0.1:${replicaPort}`,
        DB_REPLICA_MAX_LAG_SECONDS: '2',
      }),
    );
    const world = await twoAgencies(app);
    officer = (await login(app.getHttpServer(), world.users.reception_officer.email)).accessToken;
    unitId = world.divisionA.id;
    const [unit] = await app
      .get<DataSource>(getDataSourceToken())
      .query('SELECT code FROM units WHERE id = ?', [unitId]);
    unitCode = unit.code;
    placeId = (
      await request(app.getHttpServer())
        .post('/api/v1/reception/places')
        .set('authorization', `Bearer ${officer}`)
        .send({ unitId, name: 'Phòng tiếp công dân', address: '1 Lê Lợi' })
        .expect(201)
    ).body.id;
    replica = await createConnection({
      host: '127.0.0.1',
      port: replicaPort,
      user: process.env.DB_USER,
      password: process.env.DB_PASSWORD,
      database: dbName,
    });
  }, 180_000);

  afterAll(async () => {
    await replica?.end().catch(() => undefined);
    await app?.close();
    if (servicesEnv) services('down');
    rmSync(servicesDir, { recursive: true, force: true });
  }, 60_000);

  it('serves the public calendar from the replica while it keeps up', async () => {
    const session = await newSession('Chế độ chính sách');
    await until(
      async () =>
        (await caughtUp()) &&
        (
          await replica.query<RowDataPacket[]>('SELECT 1 FROM reception_sessions WHERE id = ?', [session.id])
        )[0].length === 1,
      10_000,
      50,
    );
    // A value only the replica holds: whoever shows it read the replica.
    await replica.query("UPDATE reception_sessions SET topics = 'Chỉ có trên bản sao' WHERE id = ?", [
      session.id,
    ]);
    const [[primaryIds], [replicaIds]] = await Promise.all([
      app
        .get<DataSource>(getDataSourceToken())
        .query('SELECT @@server_id AS id')
        .then((r) => [r[0].id]),
      app
        .get(ReplicaReads)
        .query<{ id: number }>('SELECT @@server_id AS id')
        .then((r) => [r[0].id]),
    ]);
    expect([Number(primaryIds), Number(replicaIds)]).toEqual([1, 2]);
    const calendar = await publicCalendar();
    expect(calendar.body.sessions.map((s: { topics: string }) => s.topics)).toContain('Chỉ có trên bản sao');
    // An officer's own read-back stays on the primary.
    const mine = await request(app.getHttpServer())
      .get(`/api/v1/reception/sessions/${session.id}`)
      .set('authorization', `Bearer ${officer}`)
      .expect(200);
    expect(mine.body.topics).toBe('Chế độ chính sách');
  });

  it('reads the primary while replication is stopped, and the replica again once it has caught up', async () => {
    await replica.query('STOP SLAVE');
    try {
      expect(await app.get(ReplicaReads).refresh()).toEqual([
        { replica: `127.0.0.1:${replicaPort}`, lagSeconds: null },
      ]);
      // A change the replica has not got (the cache is invalidated by the command): the primary's answer.
      const later = await newSession('Đất đai');
      const calendar = await publicCalendar();
      const topics = calendar.body.sessions.map((s: { id: string; topics: string }) => [s.id, s.topics]);
      expect(topics).toContainEqual([later.id, 'Đất đai']);
      expect(topics.map((t: string[]) => t[1])).not.toContain('Chỉ có trên bản sao');
      expect(
        Number((await app.get(ReplicaReads).query<{ id: number }>('SELECT @@server_id AS id'))[0].id),
      ).toBe(1);
    } finally {
      await replica.query('START SLAVE');
    }
    await until(caughtUp, 10_000, 50);
    expect(
      Number((await app.get(ReplicaReads).query<{ id: number }>('SELECT @@server_id AS id'))[0].id),
    ).toBe(2);
  });

  it('restores a backup of the scripts/db-backup.sh recipe to the very same rows', async () => {
    const file = join(servicesDir, 'backup.sql.gz');
    const restored = `${dbName}_b`.slice(0, 64);
    for (const args of [
      ['dump', file],
      ['restore', file, restored],
    ]) {
      const run = spawnSync('bash', [join(root, 'scripts/db-backup.sh'), ...args], {
        cwd: root,
        env: servicesEnv,
        encoding: 'utf8',
      });
      expect({ args, status: run.status, stderr: run.status === 0 ? '' : run.stderr }).toEqual({
        args,
        status: 0,
        stderr: '',
      });
    }
    const primary = app.get<DataSource>(getDataSourceToken());
    const tables: { name: string }[] = await primary.query(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = ? AND table_type = 'BASE TABLE' ORDER BY table_name",
      [dbName],
    );
    expect(tables.length).toBeGreaterThan(30);
    const checksums = async (schema: string) =>
      (
        await primary.query(`CHECKSUM TABLE ${tables.map((t) => `\`${schema}\`.\`${t.name}\``).join(', ')}`)
      ).map((r: { Table: string; Checksum: string }) => [r.Table.split('.')[1], String(r.Checksum)]);
    const [original, copy] = await Promise.all([checksums(dbName), checksums(restored)]);
    expect(copy).toEqual(original);
    // Something to compare: the organisation, its accounts and sessions made above.
    expect(original.filter(([, sum]: string[]) => sum !== '0').length).toBeGreaterThan(5);
    await primary.query(`DROP DATABASE \`${restored}\``);
  });

  it('reads the primary at once when the replica dies, without an error to the reader', async () => {
    const pid = Number(readFileSync(join(servicesDir, 'mariadb-replica', 'mariadb.pid'), 'utf8').trim());
    await replica.end().catch(() => undefined);
    process.kill(pid, 'SIGKILL');
    await until(
      async () => {
        try {
          process.kill(pid, 0);
          return false;
        } catch {
          return true;
        }
      },
      10_000,
      20,
    );
    // The first read meets the dead replica's pooled connection and is read again on the primary.
    const ids = await Promise.all(
      [1, 2, 3].map(async () =>
        Number((await app.get(ReplicaReads).query<{ id: number }>('SELECT @@server_id AS id'))[0].id),
      ),
    );
    expect(ids).toEqual([1, 1, 1]);
    await publicCalendar();
    expect(await app.get(ReplicaReads).refresh()).toEqual([
      { replica: `127.0.0.1:${replicaPort}`, lagSeconds: null },
    ]);
  });
});

import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { demoCliModule } from '../../src/demo/demo-cli.module.js';
import { DemoLetters } from '../../src/demo/demo-letters.service.js';
import { DemoSeeder } from '../../src/demo/demo-seeder.service.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';

/**
 * `npm start` seeds the demo data through `npm run demo:seed`, in the module the CLI builds: a feature
 * that starts needing a provider the CLI lacks (a queue, the clock) would stop the README's first command
 * while every other test passes — as it once did. Seeding twice keeps what exists.
 */
describe('the demo data CLI', () => {
  let app: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(demoCliModule(testConfig()), { logger: false });
    dataSource = app.get<DataSource>(getDataSourceToken());
    await truncateAll(dataSource);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('builds its module, seeds units, accounts, letters and cases, and a second run creates nothing', async () => {
    const first = await app.get(DemoSeeder).seed();
    expect(first.unitsCreated).toBeGreaterThan(0);
    expect(first.usersCreated).toBeGreaterThan(0);
    const receipt = await app.get(DemoLetters).seed(first.departmentId);
    expect(receipt?.code).toEqual(expect.any(String));
    const [{ letters }] = await dataSource.query('SELECT COUNT(*) AS letters FROM letters');
    const [{ cases }] = await dataSource.query(
      'SELECT (SELECT COUNT(*) FROM complaint_cases) + (SELECT COUNT(*) FROM denunciation_cases) AS cases',
    );
    expect(Number(letters)).toBeGreaterThanOrEqual(4);
    expect(Number(cases)).toBe(2);

    const second = await app.get(DemoSeeder).seed();
    expect(second).toMatchObject({ unitsCreated: 0, usersCreated: 0 });
    expect(await app.get(DemoLetters).seed(second.departmentId)).toBeFalsy();
  });
});

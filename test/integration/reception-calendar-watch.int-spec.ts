import type { INestApplicationContext } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { CalendarAdminService } from '../../src/calendar/calendar-admin.service.js';
import { Clock } from '../../src/common/clock.js';
import { ReceptionPlacesService } from '../../src/reception/reception-places.service.js';
import { ReceptionSessionsService } from '../../src/reception/reception-sessions.service.js';
import { startApi } from '../support/api.js';
import { truncateAll } from '../support/database.js';
import { Fixtures } from '../support/fixtures.js';
import { until } from '../support/wait.js';
import { startWorker } from '../support/worker.js';

describe('reception sessions follow calendar changes', () => {
  let api: NestFastifyApplication;
  let worker: INestApplicationContext;
  let dataSource: DataSource;

  beforeAll(async () => {
    api = await startApi();
    jest.spyOn(api.get(Clock), 'now').mockReturnValue(new Date('2026-11-25T03:00:00Z'));
    // Emptied before the worker starts: a worker started on the last suite's rows would be busy with them
    // (deliveries, sweeps) while the tables are truncated.
    await truncateAll(api.get<DataSource>(getDataSourceToken()));
    worker = await startWorker();
    dataSource = worker.get<DataSource>(getDataSourceToken());
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('flags a coming session whose day becomes a day off, and clears it when the day off is removed', async () => {
    const f = new Fixtures(api);
    const province = await f.unit('Ủy ban nhân dân tỉnh', 'province');
    const agency = await f.unit('Sở Giáo dục', 'agency', province.id);
    const other = await f.unit('Sở Y tế', 'agency', province.id);
    const sessionAt = async (unitId: string, date: string) => {
      const place = await api
        .get(ReceptionPlacesService)
        .create(SYSTEM_ACTOR, { unitId, name: 'Trụ sở', address: '1 Lê Lợi' });
      return (
        await api.get(ReceptionSessionsService).createSession(SYSTEM_ACTOR, {
          unitId,
          kind: 'periodic',
          placeId: place.id,
          date,
          startTime: '07:30',
          endTime: '11:30',
          receiverName: 'Nguyễn Văn Hùng',
          receiverTitle: 'Giám đốc',
        })
      ).session.id;
    };
    const mine = await sessionAt(agency.id, '2026-12-15');
    const theirs = await sessionAt(other.id, '2026-12-15');
    const conflict = async (id: string) =>
      Boolean(
        (
          await dataSource.query('SELECT calendar_conflict AS c FROM reception_sessions WHERE id = ?', [id])
        )[0].c,
      );
    expect([await conflict(mine), await conflict(theirs)]).toEqual([false, false]);

    const admin = api.get(CalendarAdminService);
    await admin.setEntry(SYSTEM_ACTOR, agency.id, '2026-12-15', { kind: 'day_off', name: 'Nghỉ đột xuất' });
    await until(() => conflict(mine), 15000);
    expect(await conflict(theirs)).toBe(false);
    const [{ n }] = await dataSource.query(
      'SELECT COUNT(*) AS n FROM calendar_changes WHERE processed_at IS NULL',
    );
    expect(Number(n)).toBe(0);

    await admin.removeEntry(SYSTEM_ACTOR, agency.id, '2026-12-15');
    await until(async () => !(await conflict(mine)), 15000);
  });

  it('a flagged session names its day off and the next working day; postponing or cancelling settles the flag', async () => {
    const f = new Fixtures(api);
    const agency = await f.unit('Sở Tư pháp', 'agency');
    const place = await api
      .get(ReceptionPlacesService)
      .create(SYSTEM_ACTOR, { unitId: agency.id, name: 'Trụ sở', address: '2 Lê Lợi' });
    const sessions = api.get(ReceptionSessionsService);
    const at = async (date: string) =>
      (
        await sessions.createSession(SYSTEM_ACTOR, {
          unitId: agency.id,
          kind: 'periodic',
          placeId: place.id,
          date,
          startTime: '07:30',
          endTime: '11:30',
          receiverName: 'Nguyễn Văn Hùng',
        })
      ).session;
    // Thursday 17 and Friday 18 December 2026 become days off: the next working day is Monday 21.
    const moved = await at('2026-12-17');
    const cancelled = await at('2026-12-18');
    const admin = api.get(CalendarAdminService);
    for (const date of ['2026-12-17', '2026-12-18'])
      await admin.setEntry(SYSTEM_ACTOR, agency.id, date, {
        kind: 'day_off',
        name: 'Nghỉ theo quyết định của tỉnh',
      });
    const flagged = async () =>
      (
        await sessions.listSessions(SYSTEM_ACTOR, {
          unitId: agency.id,
          calendarConflict: true,
          page: 1,
          pageSize: 50,
        })
      ).items;
    await until(async () => (await flagged()).length === 2, 15000);
    const [first] = await flagged();
    expect(first).toMatchObject({
      id: moved.id,
      conflictReason: 'Nghỉ theo quyết định của tỉnh',
      suggestedDate: '2026-12-21',
    });
    expect(await sessions.getSession(SYSTEM_ACTOR, moved.id)).toMatchObject({ suggestedDate: '2026-12-21' });

    const postponed = await sessions.postponeSession(SYSTEM_ACTOR, moved.id, {
      version: first.version,
      newDate: first.suggestedDate!,
      reason: 'Ngày 17/12 là ngày nghỉ theo quyết định của tỉnh',
    });
    expect(postponed.session).toMatchObject({
      date: '2026-12-21',
      originalDate: '2026-12-17',
      calendarConflict: false,
    });
    await sessions.cancelSession(SYSTEM_ACTOR, cancelled.id, {
      version: cancelled.version,
      reason: 'Ngày nghỉ theo quyết định của tỉnh',
    });
    expect(await flagged()).toEqual([]);
    const rest = await sessions.listSessions(SYSTEM_ACTOR, {
      unitId: agency.id,
      calendarConflict: false,
      page: 1,
      pageSize: 50,
    });
    expect(rest.items.map((s) => s.id).sort()).toEqual([moved.id, cancelled.id].sort());
  });
});

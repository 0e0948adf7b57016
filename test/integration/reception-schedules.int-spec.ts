import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import type { DomainError } from '../../src/common/domain/domain-error.js';
import { HeadDutyService } from '../../src/reception/head-duty.service.js';
import { Clock } from '../../src/common/clock.js';
import { ReceptionPlacesService } from '../../src/reception/reception-places.service.js';
import { ReceptionSchedulesService } from '../../src/reception/reception-schedules.service.js';
import { ReceptionSessionsService } from '../../src/reception/reception-sessions.service.js';
import type { UnitKind } from '../../src/units/domain/unit-kind.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { Fixtures } from '../support/fixtures.js';

/** The error a promise rejects with; fails the test when it resolves. */
async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the call to fail');
}

describe('reception schedules and sessions (real MariaDB)', () => {
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let sessions: ReceptionSessionsService;
  let schedules: ReceptionSchedulesService;
  let places: ReceptionPlacesService;
  let headDuty: HeadDutyService;
  let clock: Clock;
  let fixtures: Fixtures;

  /** "Today" in Asia/Ho_Chi_Minh for the services (10:00 local time). */
  const setToday = (date: string) => jest.spyOn(clock, 'now').mockReturnValue(new Date(`${date}T03:00:00Z`));

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(AppModule.forRoot(testConfig()), { logger: false });
    await app.init();
    dataSource = app.get<DataSource>(getDataSourceToken());
    sessions = app.get(ReceptionSessionsService);
    schedules = app.get(ReceptionSchedulesService);
    places = app.get(ReceptionPlacesService);
    headDuty = app.get(HeadDutyService);
    clock = app.get(Clock);
    fixtures = new Fixtures(app);
  });
  afterAll(async () => {
    await app?.close();
  });
  beforeEach(async () => {
    jest.restoreAllMocks();
    await truncateAll(dataSource);
  });

  async function unitWithPlace(kind: UnitKind = 'agency') {
    const unit = await fixtures.unit(
      kind === 'commune' ? 'Ủy ban nhân dân xã Tân Lập' : 'Sở Giáo dục và Đào tạo',
      kind,
    );
    const place = await places.create(SYSTEM_ACTOR, {
      unitId: unit.id,
      name: 'Trụ sở tiếp công dân',
      address: '12 Trần Hưng Đạo',
      room: 'Phòng 101',
      hours: 'Sáng 7:30–11:30',
    });
    return { unit, place };
  }

  const session = (unitId: string, placeId: string, date: string, kind: 'periodic' | 'ad_hoc' = 'periodic') =>
    sessions.createSession(SYSTEM_ACTOR, {
      unitId,
      kind,
      placeId,
      date,
      startTime: '07:30',
      endTime: '11:30',
      receiverName: 'Nguyễn Văn Hùng',
      receiverTitle: 'Chủ tịch',
    });

  it('expands a weekly schedule across Tết 2026: the Tết Tuesday moves to 23 Feb, the first session is flagged late', async () => {
    setToday('2026-01-05');
    const { unit, place } = await unitWithPlace();
    const result = await schedules.createSchedule(SYSTEM_ACTOR, {
      unitId: unit.id,
      kind: 'periodic',
      placeId: place.id,
      recurrence: { type: 'weekly', weekdays: [2] },
      slots: [{ startTime: '07:30', endTime: '11:30' }],
      validFrom: '2026-01-06',
      validUntil: '2026-03-31',
      receiverName: 'Nguyễn Văn Hùng',
      receiverTitle: 'Giám đốc Sở',
      topics: 'Chế độ, chính sách giáo viên',
    });
    expect(result.sessionCount).toBe(13);
    // 6 Jan is due by 26 Dec 2025 (1–2 Jan are off); 13 Jan by 7 Jan (10 Jan is a make-up Saturday).
    expect(result.postedLateCount).toBe(1);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        code: 'RECEPTION_POSTED_LATE',
        sessionDate: '2026-01-06',
        due: '2025-12-26',
      }),
    ]);
    const rows: {
      session_date: string;
      nominal_date: string;
      moved_reason: string | null;
      posted_late: number;
    }[] = await dataSource.query(
      'SELECT session_date, nominal_date, moved_reason, posted_late FROM reception_sessions WHERE schedule_id = ? ORDER BY session_date',
      [result.schedule.id],
    );
    expect(rows).toHaveLength(13);
    expect(rows.filter((r) => r.posted_late).map((r) => r.session_date)).toEqual(['2026-01-06']);
    const moved = rows.find((r) => r.nominal_date === '2026-02-17');
    expect(moved).toMatchObject({ session_date: '2026-02-23' });
    expect(moved?.moved_reason).toContain('Tết');
    const [audit] = await dataSource.query(
      "SELECT action, unit_id FROM audit_log WHERE entity_type = 'reception_schedule' AND entity_id = ?",
      [result.schedule.id],
    );
    expect(audit).toEqual({ action: 'create', unit_id: unit.id });
  });

  it('the preview lays out what saving lays out (Tết moved, late posting) and writes nothing', async () => {
    setToday('2026-01-05');
    const { unit, place } = await unitWithPlace();
    const range = { validFrom: '2026-01-06', validUntil: '2026-03-31' };
    const preview = await schedules.previewSchedule(SYSTEM_ACTOR, {
      unitId: unit.id,
      recurrence: { type: 'weekly', weekdays: [2] },
      ...range,
    });
    expect(preview.recurrenceText).toBe('thứ Ba hằng tuần');
    expect(preview.occurrences.find((o) => o.nominalDate === '2026-02-17')).toMatchObject({
      date: '2026-02-23',
      moved: true,
      reason: 'Tết Âm lịch (Lunar New Year)',
    });
    expect(preview.occurrences.filter((o) => o.postedLate).map((o) => o.date)).toEqual(['2026-01-06']);
    const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM reception_sessions');
    expect(Number(n)).toBe(0);

    const saved = await schedules.createSchedule(SYSTEM_ACTOR, {
      unitId: unit.id,
      kind: 'periodic',
      placeId: place.id,
      recurrence: { type: 'weekly', weekdays: [2] },
      slots: [{ startTime: '07:30', endTime: '11:30' }],
      receiverName: 'Nguyễn Văn Hùng',
      ...range,
    });
    const rows: { session_date: string; nominal_date: string }[] = await dataSource.query(
      'SELECT session_date, nominal_date FROM reception_sessions WHERE schedule_id = ? ORDER BY session_date',
      [saved.schedule.id],
    );
    expect(rows.map((r) => [r.session_date, r.nominal_date])).toEqual(
      preview.occurrences.map((o) => [o.date, o.nominalDate]),
    );
    await expect(
      schedules.previewSchedule(SYSTEM_ACTOR, {
        unitId: unit.id,
        recurrence: { type: 'every_working_day' },
        ...range,
      }),
    ).rejects.toMatchObject({ code: 'RECEPTION_INVALID', details: [{ field: 'recurrence.type' }] });
  });

  it('with the skip policy the Tết Tuesday is left out and reported', async () => {
    setToday('2026-01-05');
    const { unit, place } = await unitWithPlace();
    const result = await schedules.createSchedule(SYSTEM_ACTOR, {
      unitId: unit.id,
      kind: 'periodic',
      placeId: place.id,
      recurrence: { type: 'weekly', weekdays: [2] },
      nonWorkingDayPolicy: 'skip',
      slots: [{ startTime: '07:30', endTime: '11:30' }],
      validFrom: '2026-02-01',
      validUntil: '2026-02-28',
      receiverName: 'Nguyễn Văn Hùng',
    });
    expect(result.sessionCount).toBe(3);
    expect(result.skipped).toEqual([{ nominalDate: '2026-02-17', reason: 'Tết Âm lịch (Lunar New Year)' }]);
  });

  it('a session created inside the 5-working-day window is published but flagged and warned; one created in time is not', async () => {
    setToday('2026-11-25');
    const { unit, place } = await unitWithPlace();
    const late = await session(unit.id, place.id, '2026-12-01');
    expect(late.session).toMatchObject({
      postedLate: true,
      postingDue: '2026-11-24',
      publishedOn: '2026-11-25',
    });
    expect(late.warnings.map((w) => w.code)).toContain('RECEPTION_POSTED_LATE');
    const inTime = await session(unit.id, place.id, '2026-12-03');
    expect(inTime.session).toMatchObject({ postedLate: false, postingDue: '2026-11-26' });
    expect(inTime.warnings.map((w) => w.code)).not.toContain('RECEPTION_POSTED_LATE');
    // Ad hoc reception has no posting rule.
    const adHoc = await session(unit.id, place.id, '2026-11-26', 'ad_hoc');
    expect(adHoc.session).toMatchObject({ postedLate: false, postingDue: null });
  });

  it("a commune's June 2026 is judged by week, its July by the new two-days-a-month rule", async () => {
    setToday('2026-05-04');
    const { unit, place } = await unitWithPlace('commune');
    await session(unit.id, place.id, '2026-06-02');
    const june = await session(unit.id, place.id, '2026-06-16');
    expect(june.warnings).toEqual([
      expect.objectContaining({
        code: 'RECEPTION_HEAD_DUTY_NOT_MET',
        month: '2026-06',
        ruleId: 'commune-weekly',
      }),
    ]);
    const firstJuly = await session(unit.id, place.id, '2026-07-07');
    expect(firstJuly.warnings).toEqual([
      expect.objectContaining({ month: '2026-07', ruleId: 'commune-twice-monthly', required: 2, held: 1 }),
    ]);
    const secondJuly = await session(unit.id, place.id, '2026-07-21');
    expect(secondJuly.warnings).toEqual([]);

    const [juneView] = await headDuty.compliance(SYSTEM_ACTOR, { month: '2026-06', unitId: unit.id });
    expect(juneView.compliant).toBe(false);
    expect(juneView.periods.map((p) => p.met)).toEqual([true, false, true, false]);
    const [julyView] = await headDuty.compliance(SYSTEM_ACTOR, { month: '2026-07', unitId: unit.id });
    expect(julyView).toMatchObject({ compliant: true, receptionDays: ['2026-07-07', '2026-07-21'] });
  });

  it("cancelling an agency head's only session of the month warns that the month falls short; ad hoc sessions do not count", async () => {
    setToday('2026-11-02');
    const { unit, place } = await unitWithPlace('agency');
    const created = await session(unit.id, place.id, '2026-12-15');
    expect(created.warnings).toEqual([]);
    await session(unit.id, place.id, '2026-12-17', 'ad_hoc');
    const cancelled = await sessions.cancelSession(SYSTEM_ACTOR, created.session.id, {
      version: created.session.version,
      reason: 'Lãnh đạo đi công tác đột xuất',
    });
    expect(cancelled.session).toMatchObject({
      status: 'cancelled',
      sequence: 1,
      statusReason: 'Lãnh đạo đi công tác đột xuất',
    });
    expect(cancelled.warnings).toEqual([
      expect.objectContaining({
        code: 'RECEPTION_HEAD_DUTY_NOT_MET',
        month: '2026-12',
        required: 1,
        held: 0,
      }),
    ]);
    const all = await headDuty.compliance(SYSTEM_ACTOR, { month: '2026-12' });
    expect(all.map((c) => [c.unit.id, c.compliant])).toEqual([[unit.id, false]]);
  });

  it('postponing moves the session later, keeps the first date, raises the sequence, and refuses moving it earlier', async () => {
    setToday('2026-11-02');
    const { unit, place } = await unitWithPlace();
    const { session: s } = await session(unit.id, place.id, '2026-12-15');
    const postponed = await sessions.postponeSession(SYSTEM_ACTOR, s.id, {
      version: s.version,
      newDate: '2026-12-22',
      reason: 'Trùng lịch họp Ủy ban',
    });
    expect(postponed.session).toMatchObject({
      status: 'postponed',
      date: '2026-12-22',
      originalDate: '2026-12-15',
      originalStartTime: '07:30',
      sequence: 1,
      statusReason: 'Trùng lịch họp Ủy ban',
    });
    const again = await sessions.postponeSession(SYSTEM_ACTOR, s.id, {
      version: postponed.session.version,
      newDate: '2026-12-29',
      reason: 'Hoãn lần hai',
    });
    expect(again.session).toMatchObject({ date: '2026-12-29', originalDate: '2026-12-15', sequence: 2 });

    const earlier = await rejection(
      sessions.postponeSession(SYSTEM_ACTOR, s.id, {
        version: again.session.version,
        newDate: '2026-12-20',
        reason: 'Sớm hơn',
      }),
    );
    expect(earlier).toMatchObject({ code: 'RECEPTION_INVALID', kind: 'invalid' });
    expect(earlier.details).toEqual([expect.objectContaining({ field: 'newDate' })]);
    const stale = await rejection(
      sessions.postponeSession(SYSTEM_ACTOR, s.id, {
        version: s.version,
        newDate: '2027-01-05',
        reason: 'Cũ',
      }),
    );
    expect(stale).toMatchObject({ code: 'RECEPTION_VERSION_CONFLICT', kind: 'conflict' });
    const [{ n }] = await dataSource.query(
      "SELECT COUNT(*) AS n FROM audit_log WHERE entity_type = 'reception_session' AND entity_id = ? AND action = 'postpone'",
      [s.id],
    );
    expect(Number(n)).toBe(2);
  });

  it('a cancelled session cannot be changed again', async () => {
    setToday('2026-11-02');
    const { unit, place } = await unitWithPlace();
    const { session: s } = await session(unit.id, place.id, '2026-12-15');
    const cancelled = await sessions.cancelSession(SYSTEM_ACTOR, s.id, {
      version: s.version,
      reason: 'Nghỉ đột xuất',
    });
    const error = await rejection(
      sessions.updateSession(SYSTEM_ACTOR, s.id, { version: cancelled.session.version, topics: 'Khác' }),
    );
    expect(error).toMatchObject({ code: 'RECEPTION_SESSION_CANCELLED', kind: 'unprocessable' });
  });

  it('an online session before 1 July 2026 and a direct one without a place are refused field by field', async () => {
    setToday('2026-05-04');
    const { unit } = await unitWithPlace();
    const error = await rejection(
      sessions.createSession(SYSTEM_ACTOR, {
        unitId: unit.id,
        kind: 'ad_hoc',
        mode: 'online',
        date: '2026-06-10',
        startTime: '14:00',
        endTime: '13:00',
        receiverName: 'Nguyễn Văn Hùng',
      }),
    );
    expect(error.code).toBe('RECEPTION_INVALID');
    expect(error.details?.map((d) => d.field).sort()).toEqual(['endTime', 'mode', 'onlineUrl']);
    const direct = await rejection(
      sessions.createSession(SYSTEM_ACTOR, {
        unitId: unit.id,
        kind: 'ad_hoc',
        date: '2026-06-10',
        startTime: '08:00',
        endTime: '09:00',
        receiverName: 'Nguyễn Văn Hùng',
      }),
    );
    expect(direct.details?.map((d) => d.field)).toEqual(['placeId']);
  });

  it('ending a schedule cancels its sessions from that day with the public reason, and nothing before it', async () => {
    setToday('2026-11-02');
    const { unit, place } = await unitWithPlace();
    const { schedule } = await schedules.createSchedule(SYSTEM_ACTOR, {
      unitId: unit.id,
      kind: 'periodic',
      placeId: place.id,
      recurrence: { type: 'monthly_day', day: 15 },
      slots: [{ startTime: '07:30', endTime: '11:30' }],
      validFrom: '2026-12-01',
      validUntil: '2027-05-31',
      receiverName: 'Nguyễn Văn Hùng',
    });
    const ended = await schedules.endSchedule(SYSTEM_ACTOR, schedule.id, {
      version: schedule.version,
      from: '2027-03-01',
      reason: 'Sáp nhập đơn vị',
    });
    expect(ended.sessionCount).toBe(3);
    expect(ended.schedule).toMatchObject({ active: false, endedFrom: '2027-03-01' });
    const rows: { session_date: string; status: string; sequence: number }[] = await dataSource.query(
      'SELECT session_date, status, sequence FROM reception_sessions WHERE schedule_id = ? ORDER BY session_date',
      [schedule.id],
    );
    expect(rows.map((r) => [r.session_date, r.status, r.sequence])).toEqual([
      ['2026-12-15', 'scheduled', 0],
      ['2027-01-15', 'scheduled', 0],
      ['2027-02-15', 'scheduled', 0],
      ['2027-03-15', 'cancelled', 1],
      ['2027-04-15', 'cancelled', 1],
      ['2027-05-17', 'cancelled', 1], // 15 May 2027 is a Saturday
    ]);
  });

  it('a unit outside the actor’s scope is not found, and nothing is written', async () => {
    setToday('2026-11-02');
    const { unit, place } = await unitWithPlace();
    const other = await fixtures.unit('Sở khác', 'agency');
    const outsider = { ...SYSTEM_ACTOR, scopeRootUnitIds: [other.id] };
    const error = await rejection(
      sessions.createSession(outsider, {
        unitId: unit.id,
        kind: 'periodic',
        placeId: place.id,
        date: '2026-12-15',
        startTime: '07:30',
        endTime: '11:30',
        receiverName: 'Nguyễn Văn Hùng',
      }),
    );
    expect(error.code).toBe('RECEPTION_UNIT_NOT_FOUND');
    const [{ n }] = await dataSource.query('SELECT COUNT(*) AS n FROM reception_sessions');
    expect(Number(n)).toBe(0);
  });
});

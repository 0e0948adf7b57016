import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { getDataSourceToken } from '@nestjs/typeorm';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { DataSource } from 'typeorm';
import { AppModule } from '../../src/app.module.js';
import { SYSTEM_ACTOR, type Actor } from '../../src/auth/domain/actor.js';
import { permissionsOf, type Role } from '../../src/auth/domain/roles.js';
import type { DomainError } from '../../src/common/domain/domain-error.js';
import { MAU_03_COLUMNS } from '../../src/reception/domain/reception-book.js';
import type { CreateVisitDto } from '../../src/reception/dto/visit.dto.js';
import { ReceptionBookService } from '../../src/reception/reception-book.service.js';
import { Clock } from '../../src/common/clock.js';
import { truncateAll } from '../support/database.js';
import { testConfig } from '../support/env.js';
import { Fixtures } from '../support/fixtures.js';

async function rejection(promise: Promise<unknown>): Promise<DomainError> {
  try {
    await promise;
  } catch (error) {
    return error as DomainError;
  }
  throw new Error('expected the call to fail');
}

const actorWith = (role: Role, unitId: string, userId: string | null = null): Actor => ({
  userId,
  unitId,
  roles: [role],
  permissions: permissionsOf([role]),
  scopeRootUnitIds: [unitId],
  requestId: 'req-reception-test',
  clientIp: '127.0.0.1',
});

const CITIZEN = {
  fullName: 'Nguyễn Văn An',
  address: 'thôn 3, xã Tân Lập',
  idNumber: '075203004567',
  phone: '0912 345 678',
};

describe('the reception book (real MariaDB)', () => {
  let app: INestApplicationContext;
  let dataSource: DataSource;
  let book: ReceptionBookService;
  let unitId: string;

  const visit = (overrides: Partial<CreateVisitDto> = {}): CreateVisitDto => ({
    unitId,
    visitDate: '2026-09-10',
    visitTime: '08:30',
    receivingOfficerName: 'Lê Văn Cường',
    receivingOfficerTitle: 'Thanh tra viên',
    citizens: [{ ...CITIZEN }],
    peopleCount: 1,
    summary: 'Đề nghị xem xét việc thu hồi đất nông nghiệp',
    contentKind: 'complaint',
    withinCompetence: true,
    outcome: 'letter_received',
    ...overrides,
  });

  const people = (count: number, representatives: number) =>
    Array.from({ length: count }, (_, i) => ({
      fullName: `Công dân ${i + 1}`,
      address: 'xã Tân Lập',
      idNumber: String(75203004000 + i).padStart(12, '0'),
      representative: i < representatives,
    }));

  beforeAll(async () => {
    app = await NestFactory.createApplicationContext(AppModule.forRoot(testConfig()), { logger: false });
    await app.init();
    dataSource = app.get<DataSource>(getDataSourceToken());
    book = app.get(ReceptionBookService);
  });
  afterAll(async () => {
    await app?.close();
  });
  beforeEach(async () => {
    jest.restoreAllMocks();
    jest.spyOn(app.get(Clock), 'now').mockReturnValue(new Date('2026-11-25T03:00:00Z'));
    await truncateAll(dataSource);
    unitId = (await new Fixtures(app).unit('Sở Giáo dục và Đào tạo', 'agency')).id;
  });

  it.each([
    [7, 3, false], // 5–10 people: 1 or 2 representatives
    [7, 2, true],
    [12, 5, true], // more than 10: at most 5
    [12, 6, false],
    [12, 0, false],
  ])(
    'a group of %i people with %i representatives is accepted: %s (LTCD art. 29)',
    async (count, reps, ok) => {
      const citizens = people(Math.max(reps, 1), reps);
      const call = book.record(SYSTEM_ACTOR, visit({ peopleCount: count, citizens }));
      if (ok) {
        await expect(call).resolves.toMatchObject({ peopleCount: count, group: true });
      } else {
        const error = await rejection(call);
        expect(error).toMatchObject({ code: 'RECEPTION_INVALID', kind: 'invalid' });
        expect(error.details).toEqual([
          expect.objectContaining({ field: 'citizens', message: expect.stringContaining('art. 29') }),
        ]);
      }
    },
  );

  it('repeat visits join their matter, so first and repeat visits are counted', async () => {
    const first = await book.record(SYSTEM_ACTOR, visit({ visitDate: '2026-09-01' }));
    const second = await book.record(
      SYSTEM_ACTOR,
      visit({ visitDate: '2026-09-15', matterId: first.matterId }),
    );
    const third = await book.record(
      SYSTEM_ACTOR,
      visit({
        visitDate: '2026-10-01',
        matterId: first.matterId,
        outcome: 'guided',
        guidanceBody: 'Tòa án nhân dân tỉnh',
      }),
    );
    const other = await book.record(
      SYSTEM_ACTOR,
      visit({ visitDate: '2026-10-02', citizens: people(6, 2), peopleCount: 6, contentKind: 'petition' }),
    );
    expect([first.visitNumber, second.visitNumber, third.visitNumber, other.visitNumber]).toEqual([
      1, 2, 3, 1,
    ]);
    expect(second.matterId).toBe(first.matterId);
    const stats = await book.stats(SYSTEM_ACTOR, { unitId, from: '2026-09-01', to: '2026-10-31' });
    expect(stats).toEqual({
      visits: 4,
      firstVisits: 2,
      repeatVisits: 2,
      matters: 2,
      people: 9,
      groupVisits: 1,
      byContentKind: { complaint: 3, petition: 1 },
      byOutcome: { letter_received: 3, guided: 1 },
    });
    const [matter] = await dataSource.query(
      'SELECT visit_count, last_visit_on FROM reception_matters WHERE id = ?',
      [first.matterId],
    );
    expect(matter).toEqual({ visit_count: 3, last_visit_on: '2026-10-01' });
  });

  it('a letter received leaves one pending intake for the letters feature and starts the 10-working-day reply (TCD-2)', async () => {
    const received = await book.record(SYSTEM_ACTOR, visit({ visitDate: '2026-02-12' }));
    expect(received.replyDue).toBe('2026-03-05');
    const intakes = await book.pendingIntakes(SYSTEM_ACTOR, { page: 1, pageSize: 50 });
    expect(intakes.items).toEqual([
      expect.objectContaining({
        visitId: received.id,
        unitId,
        receivedOn: '2026-02-12',
        contentKind: 'complaint',
        status: 'pending',
      }),
    ]);
    await book.record(
      SYSTEM_ACTOR,
      visit({ outcome: 'guided', guidanceBody: 'UBND xã Tân Lập', guidanceRef: '15/HD' }),
    );
    expect((await book.pendingIntakes(SYSTEM_ACTOR, { page: 1, pageSize: 50 })).total).toBe(1);
  });

  it('a refusal for a persistent complaint after 1 July 2026 is due in writing within 3 working days (TCD-5); a new ground before then is refused', async () => {
    const refused = await book.record(
      SYSTEM_ACTOR,
      visit({ visitDate: '2026-07-02', outcome: 'refused', refusalGround: 'ltcd_9_3_already_resolved' }),
    );
    expect(refused).toMatchObject({
      refusalNoticeRequired: true,
      refusalNoticeDue: '2026-07-07',
      replyDue: null,
    });
    const early = await rejection(
      book.record(
        SYSTEM_ACTOR,
        visit({ visitDate: '2026-06-30', outcome: 'refused', refusalGround: 'nd154_recording' }),
      ),
    );
    expect(early.details).toEqual([expect.objectContaining({ field: 'refusalGround' })]);
  });

  it('a visit in the future, a căn cước number twice, and outcome fields that do not fit are refused field by field', async () => {
    const error = await rejection(
      book.record(
        SYSTEM_ACTOR,
        visit({
          visitDate: '2026-11-26',
          citizens: [{ ...CITIZEN }, { ...CITIZEN, fullName: 'Trần Thị Bình' }],
          peopleCount: 2,
          outcome: 'transferred',
          guidanceRef: '1/HD',
        }),
      ),
    );
    expect(error.details?.map((d) => d.field).sort()).toEqual([
      'citizens[1].idNumber',
      'guidanceRef',
      'transferBody',
      'visitDate',
    ]);
  });

  it('personal data: a reception officer reads the citizens and the read is audited; a case handler gets none and leaves no read', async () => {
    const created = await book.record(SYSTEM_ACTOR, visit());
    const officer = await book.get(actorWith('reception_officer', unitId), created.id);
    expect(officer.citizens).toEqual([{ ...CITIZEN, phone: '0912345678', representative: false }]);
    const handler = await book.get(actorWith('case_handler', unitId), created.id);
    expect(handler.citizens).toBeNull();
    expect(handler.summary).toBe(created.summary);
    const reads: { changes: string }[] = await dataSource.query(
      "SELECT changes FROM audit_log WHERE action = 'read' AND entity_type = 'reception_visit' AND entity_id = ?",
      [created.id],
    );
    expect(reads).toHaveLength(1);
    const logged = typeof reads[0].changes === 'string' ? JSON.parse(reads[0].changes) : reads[0].changes;
    expect(logged).toEqual({
      fields: [
        'citizens.address',
        'citizens.fullName',
        'citizens.idNumber',
        'citizens.phone',
        'citizens.representative',
      ],
    });
  });

  it('no citizen data reaches the audit trail: names, addresses, numbers and dictated text are not in it', async () => {
    await book.record(SYSTEM_ACTOR, visit({ summary: 'Ông Nguyễn Văn An khiếu nại quyết định thu hồi đất' }));
    const [{ text }] = await dataSource.query(
      "SELECT GROUP_CONCAT(changes SEPARATOR ' ') AS text FROM audit_log",
    );
    expect(text).toContain('"citizens"');
    for (const value of [
      CITIZEN.fullName,
      CITIZEN.address,
      CITIZEN.idNumber,
      '0912345678',
      'khiếu nại quyết định',
    ]) {
      expect(text).not.toContain(value);
    }
  });

  it('finds the matters of a citizen by căn cước number, and audits the lookup', async () => {
    const first = await book.record(SYSTEM_ACTOR, visit());
    await book.record(SYSTEM_ACTOR, visit({ citizens: people(1, 0) }));
    const found = await book.lookupMatters(SYSTEM_ACTOR, { unitId, idNumber: CITIZEN.idNumber });
    expect(found.map((m) => m.id)).toEqual([first.matterId]);
    const none = await book.lookupMatters(SYSTEM_ACTOR, { unitId, idNumber: '001001001001' });
    expect(none).toEqual([]);
    const reads: { entity_type: string }[] = await dataSource.query(
      "SELECT entity_type FROM audit_log WHERE action = 'read' ORDER BY id",
    );
    expect(reads.map((r) => r.entity_type)).toEqual(['reception_matter', 'reception_book']);
  });

  it('exports the book as XLSX with the 13 columns of Mẫu 03/TCD, read back with exceljs', async () => {
    const group = people(8, 2);
    await book.record(
      SYSTEM_ACTOR,
      visit({
        visitDate: '2026-09-11',
        visitTime: '14:00',
        citizens: group.slice(0, 2),
        peopleCount: 8,
        contentKind: 'petition',
        outcome: 'transferred',
        transferBody: 'Sở Tài nguyên và Môi trường',
        transferRef: '12/CV-TTr',
        earlierHandling: 'UBND xã Tân Lập',
      }),
    );
    await book.record(SYSTEM_ACTOR, visit({ visitDate: '2026-09-10' }));
    await book.record(SYSTEM_ACTOR, visit({ visitDate: '2026-10-20' })); // outside the range
    const file = await book.export(SYSTEM_ACTOR, {
      unitId,
      from: '2026-09-01',
      to: '2026-09-30',
      format: 'xlsx',
    });
    expect(file.filename).toBe('so-tiep-cong-dan_2026-09-01_2026-09-30.xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(file.body as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(String(sheet.getCell(1, 1).value)).toBe('SỔ TIẾP CÔNG DÂN');
    expect(row(4)).toEqual([...MAU_03_COLUMNS]);
    expect(row(5)).toEqual(MAU_03_COLUMNS.map((_, i) => `(${i + 1})`));
    expect(sheet.rowCount).toBe(7);
    const [first, second] = [row(6), row(7)];
    expect(first.slice(0, 7)).toEqual([
      1,
      '10/09/2026 08:30',
      `${CITIZEN.fullName}, ${CITIZEN.address}`,
      CITIZEN.idNumber,
      'Đề nghị xem xét việc thu hồi đất nông nghiệp',
      'KN',
      1,
    ]);
    expect(first[8]).toBe('x');
    expect(first[10]).toBe('Sở Giáo dục và Đào tạo (tiếp nhận đơn)');
    expect(second[0]).toBe(2);
    expect(second[2]).toBe(
      'Công dân 1 (người đại diện), xã Tân Lập\nCông dân 2 (người đại diện), xã Tân Lập',
    );
    expect(second[3]).toBe(`${group[0].idNumber}\n${group[1].idNumber}`);
    expect(second[5]).toBe('KN-PA');
    expect(second[6]).toBe(8);
    expect(second[7]).toBe('UBND xã Tân Lập');
    expect(second[10]).toBe('Sở Tài nguyên và Môi trường; văn bản chuyển số 12/CV-TTr');
    expect(second[11]).toContain('(TCD-2)');
    const [read] = await dataSource.query(
      "SELECT entity_type, entity_id FROM audit_log WHERE action = 'read' AND entity_type = 'reception_book'",
    );
    expect(read).toEqual({ entity_type: 'reception_book', entity_id: unitId });
  });

  it('exports the same book as CSV (UTF-8 with BOM) and neutralises text a spreadsheet would run as a formula', async () => {
    await book.record(SYSTEM_ACTOR, visit({ summary: '=HYPERLINK("http://x","bấm")' }));
    const file = await book.export(SYSTEM_ACTOR, {
      unitId,
      from: '2026-09-01',
      to: '2026-09-30',
      format: 'csv',
    });
    expect(file.contentType).toBe('text/csv; charset=utf-8');
    expect([...file.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records: string[][] = parse(file.body.subarray(3).toString('utf8'));
    expect(records[0]).toEqual([...MAU_03_COLUMNS]);
    expect(records).toHaveLength(2);
    expect(records[1][2]).toBe(`${CITIZEN.fullName}, ${CITIZEN.address}`);
    expect(records[1][4]).toBe(`'=HYPERLINK("http://x","bấm")`);
  });
});

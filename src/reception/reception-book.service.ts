import { Injectable } from '@nestjs/common';
import { NationalOutbox } from '../national-sync/national-outbox.js';
import { receptionVisit } from '../national-sync/national-records.js';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import type { Actor } from '../auth/domain/actor.js';
import { UnitCalendarService } from '../calendar/unit-calendar.service.js';
import type { DomainErrorDetail } from '../common/domain/domain-error.js';
import type { Page } from '../common/http/page.dto.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { recordInScope, unitInScope, whereInScope } from '../units/unit-scope.js';
import { bookToCsv, bookToXlsx } from './book-export.js';
import { groupProblems, isGroup } from './domain/group-visit.js';
import { normalisePhone } from '../common/domain/vietnamese-format.js';
import { citizenProblems, mau03Row, outcomeProblems, visitDeadlines } from './domain/reception-book.js';
import type {
  CreateVisitDto,
  ExportBookQueryDto,
  FollowUpDto,
  ListVisitsQueryDto,
  MatterLookupDto,
  MatterView,
  PendingIntakesQueryDto,
  PendingIntakeView,
  VisitStatsQueryDto,
  VisitStatsView,
  VisitSummaryView,
  VisitView,
} from './dto/visit.dto.js';
import { ReceptionMatterEntity } from './entities/reception-matter.entity.js';
import { ReceptionPendingIntakeEntity } from './entities/reception-pending-intake.entity.js';
import { ReceptionSessionEntity } from './entities/reception-session.entity.js';
import { ReceptionVisitCitizenEntity } from './entities/reception-visit-citizen.entity.js';
import { ReceptionVisitEntity } from './entities/reception-visit.entity.js';
import { Clock } from '../common/clock.js';
import { ReceptionErrors } from './reception.errors.js';
import { hhmm } from './domain/session.js';
import { doubtfulIdentity, revealsIdentity } from '../identity/domain/identity-matcher.js';
import { IdentityAccess } from '../identity/identity-access.js';
import { identityInText } from '../identity/identity.errors.js';
import { VisitorVault, type VisitorIdentity } from '../identity/visitor-vault.js';
import type { LetterEntity } from '../letters/entities/letter.entity.js';
import type { BookCitizen } from './domain/reception-book.js';

/** The personal data of a visit: who may see it needs `reception:personal_data`; every read is audited. */
export const CITIZEN_FIELDS = [
  'citizens.fullName',
  'citizens.address',
  'citizens.idNumber',
  'citizens.phone',
  'citizens.representative',
] as const;

/** Free text a citizen dictates may name people: the audit trail records that it changed, not what it says. */
const SENSITIVE_TEXT = ['summary', 'earlierHandling', 'notes', 'followUp'];

/** The most rows one export may hold; a larger range is refused (ask for a shorter one). */
export const EXPORT_ROW_LIMIT = 20_000;

/**
 * What a denouncer dictates often identifies them, and verifiers get a redacted copy only (LTC art.
 * 56(2)): without `reception:personal_data`, the free text of denunciation and mixed visits is withheld.
 */
function withholdsText(v: ReceptionVisitEntity, actor: Actor): boolean {
  return (
    !actor.permissions.has('reception:personal_data') &&
    (v.contentKind === 'denunciation' || v.contentKind === 'mixed')
  );
}

/** What a reader who may not see a protected visit's visitors is shown in their place. */
export const PROTECTED_VISITORS = 'người tố cáo — thông tin được bảo vệ';

/** A visit about a denunciation (or several kinds, one a denunciation) protects its visitors from the start. */
const protectsVisitors = (contentKind: string) => contentKind === 'denunciation' || contentKind === 'mixed';

function toSummaryView(v: ReceptionVisitEntity, actor: Actor, seesVisitors = false): VisitSummaryView {
  const withheld = withholdsText(v, actor);
  return {
    id: v.id,
    unitId: v.unitId,
    matterId: v.matterId,
    visitNumber: v.visitNumber,
    sessionId: v.sessionId,
    visitDate: v.visitDate,
    visitTime: hhmm(v.visitTime),
    receivingOfficerName: v.receivingOfficerName,
    receivingOfficerTitle: v.receivingOfficerTitle,
    peopleCount: v.peopleCount,
    group: isGroup(v.peopleCount),
    summary: withheld ? null : v.summary,
    contentKind: v.contentKind,
    earlierHandling: withheld ? null : v.earlierHandling,
    withinCompetence: v.withinCompetence,
    outcome: v.outcome,
    guidanceBody: v.guidanceBody,
    guidanceRef: v.guidanceRef,
    transferBody: v.transferBody,
    transferRef: v.transferRef,
    refusalGround: v.refusalGround,
    replyDue: v.replyDue,
    refusalNoticeRequired: v.refusalNoticeRequired,
    refusalNoticeDue: v.refusalNoticeDue,
    followUp: withheld ? null : v.followUp,
    notes: withheld ? null : v.notes,
    textWithheld: withheld,
    identityProtected: v.identityProtected,
    visitorsLabel: v.identityProtected && !seesVisitors ? PROTECTED_VISITORS : null,
    version: v.version,
  };
}

function toCitizenViews(citizens: ReadonlyArray<VisitorIdentity & { representative: boolean }>) {
  return citizens.map((c) => ({
    fullName: c.fullName,
    address: c.address,
    idNumber: c.idNumber,
    phone: c.phone,
    representative: c.representative,
  }));
}

function auditedVisit(v: ReceptionVisitEntity) {
  const {
    createdAt: _c,
    updatedAt: _u,
    version: _v,
    unit: _u2,
    matter: _m,
    session: _s,
    recordedBy: _r,
    citizens: _ci,
    ...fields
  } = v;
  return fields;
}

/**
 * The reception book: recording visits (with their matter, deadlines and the intake hook), reading them with
 * or without the citizens' personal data, statistics, and the Mẫu 03/TCD export.
 */
@Injectable()
export class ReceptionBookService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly calendars: UnitCalendarService,
    private readonly clock: Clock,
    private readonly visitors: VisitorVault,
    private readonly access: IdentityAccess,
    private readonly nationalOutbox: NationalOutbox,
  ) {}

  async record(actor: Actor, dto: CreateVisitDto): Promise<VisitView> {
    const today = this.clock.today();
    const citizens = dto.citizens.map((c) => ({
      ...c,
      phone: c.phone ? normalisePhone(c.phone) : null,
      representative: c.representative ?? false,
    }));
    const problems: DomainErrorDetail[] = [
      ...groupProblems(dto.peopleCount, citizens),
      ...citizenProblems(citizens),
      ...outcomeProblems(dto),
    ];
    if (dto.visitDate > today) problems.push({ field: 'visitDate', message: 'must not be in the future' });
    if (dto.outcome !== 'guided' && dto.guidanceRef) {
      problems.push({ field: 'guidanceRef', message: 'is only for the outcome guided' });
    }
    if (dto.outcome !== 'transferred' && dto.transferRef) {
      problems.push({ field: 'transferRef', message: 'is only for the outcome transferred' });
    }
    if (problems.length > 0) throw ReceptionErrors.invalid(problems);
    const protect = protectsVisitors(dto.contentKind);
    if (protect) {
      // What the book shows of a denouncer's visit never names them (issue 14): refused, not stored.
      const named = (
        [
          ['summary', dto.summary],
          ['earlierHandling', dto.earlierHandling],
          ['notes', dto.notes],
        ] as const
      ).flatMap(([field, text]) =>
        text && (revealsIdentity(text, citizens) || doubtfulIdentity(text, citizens))
          ? [{ field, message: 'names or may identify the denouncer: write it without' }]
          : [],
      );
      if (named.length > 0) throw identityInText(named);
    }

    return this.dataSource.transaction(async (manager) => {
      const unit = await unitInScope(manager, actor, dto.unitId, ReceptionErrors.unitNotFound);
      if (dto.sessionId) {
        const session = await manager.findOneBy(ReceptionSessionEntity, {
          id: dto.sessionId,
          unitId: unit.id,
        });
        if (!session) throw ReceptionErrors.sessionNotFound('sessionId');
        if (session.sessionDate !== dto.visitDate) {
          throw ReceptionErrors.invalid([
            { field: 'sessionId', message: `is a session of ${session.sessionDate}` },
          ]);
        }
      }
      const calendar = await this.calendars.calendarFor(unit.id, manager);
      const deadlines = visitDeadlines(dto.visitDate, dto.outcome, dto.refusalGround, calendar);

      let matterId: string;
      let visitNumber: number;
      if (dto.matterId) {
        const matter = await manager
          .getRepository(ReceptionMatterEntity)
          .createQueryBuilder('m')
          .where('m.id = :id AND m.unit_id = :unitId', { id: dto.matterId, unitId: unit.id })
          .setLock('pessimistic_write')
          .getOne();
        if (!matter) throw ReceptionErrors.matterNotFound();
        matterId = matter.id;
        visitNumber = matter.visitCount + 1;
        await manager.update(
          ReceptionMatterEntity,
          { id: matter.id },
          {
            visitCount: visitNumber,
            lastVisitOn: dto.visitDate > matter.lastVisitOn ? dto.visitDate : matter.lastVisitOn,
            version: matter.version + 1,
          },
        );
      } else {
        matterId = uuid7();
        visitNumber = 1;
        await manager.insert(ReceptionMatterEntity, {
          id: matterId,
          unitId: unit.id,
          openedOn: dto.visitDate,
          contentKind: dto.contentKind,
          summary: dto.summary,
          visitCount: 1,
          lastVisitOn: dto.visitDate,
        });
      }

      const id = uuid7();
      await manager.insert(ReceptionVisitEntity, {
        id,
        unitId: unit.id,
        matterId,
        visitNumber,
        sessionId: dto.sessionId ?? null,
        visitDate: dto.visitDate,
        visitTime: dto.visitTime,
        receivingOfficerName: dto.receivingOfficerName,
        receivingOfficerTitle: dto.receivingOfficerTitle ?? null,
        recordedByUserId: actor.userId,
        peopleCount: dto.peopleCount,
        summary: dto.summary,
        contentKind: dto.contentKind,
        earlierHandling: dto.earlierHandling ?? null,
        withinCompetence: dto.withinCompetence,
        outcome: dto.outcome,
        guidanceBody: dto.guidanceBody ?? null,
        guidanceRef: dto.guidanceRef ?? null,
        transferBody: dto.transferBody ?? null,
        transferRef: dto.transferRef ?? null,
        refusalGround: dto.refusalGround ?? null,
        replyDue: deadlines.reply?.due ?? null,
        refusalNoticeRequired: deadlines.refusalNotice !== null,
        refusalNoticeDue: deadlines.refusalNotice?.due ?? null,
        deadlineCalendarVersion: deadlines.calendarVersion,
        followUp: null,
        notes: dto.notes ?? null,
        identityProtected: protect,
      });
      await manager.insert(
        ReceptionVisitCitizenEntity,
        citizens.map((c, position) => {
          const rowId = uuid7();
          const identity = { fullName: c.fullName, address: c.address, idNumber: c.idNumber, phone: c.phone };
          return {
            id: rowId,
            visitId: id,
            position,
            representative: c.representative,
            ...(protect ? this.visitors.sealedColumns(rowId, identity) : identity),
          };
        }),
      );
      if (dto.outcome === 'letter_received') {
        // The hook of the letters feature: one pending intake per visit (docs/reception.md).
        await manager.insert(ReceptionPendingIntakeEntity, {
          id: uuid7(),
          visitId: id,
          unitId: unit.id,
          receivedOn: dto.visitDate,
          contentKind: dto.contentKind,
          status: 'pending',
          letterId: null,
          takenAt: null,
        });
      }
      const visit = await manager.findOneByOrFail(ReceptionVisitEntity, { id });
      await this.nationalOutbox.record(manager, receptionVisit(visit));
      await this.audit.record(manager, actor, {
        action: 'create',
        entityType: 'reception_visit',
        entityId: id,
        unitId: unit.id,
        changes: {
          ...diffChanges(null, auditedVisit(visit)),
          citizens: { before: null, after: citizens.length },
        },
        sensitiveFields: SENSITIVE_TEXT,
      });
      // The officer who recorded the visit is its receiver: they see what they typed.
      return {
        ...toSummaryView(visit, actor, true),
        citizens: toCitizenViews(await this.visitors.visitors(manager, id)),
      };
    });
  }

  /** The book without who came (any `reception:read` role). */
  async list(actor: Actor, query: ListVisitsQueryDto): Promise<Page<VisitSummaryView>> {
    const qb = this.dataSource.getRepository(ReceptionVisitEntity).createQueryBuilder('v');
    whereInScope(qb, 'v.unit_id', actor);
    if (query.unitId) {
      // A unit outside the caller's scope is not found (404), like any out-of-scope id.
      await unitInScope(this.dataSource.manager, actor, query.unitId, ReceptionErrors.unitNotFound);
      qb.andWhere('v.unit_id = :unitId', { unitId: query.unitId });
    }
    if (query.matterId) qb.andWhere('v.matter_id = :matterId', { matterId: query.matterId });
    if (query.from) qb.andWhere('v.visit_date >= :from', { from: query.from });
    if (query.to) qb.andWhere('v.visit_date <= :to', { to: query.to });
    if (query.outcome) qb.andWhere('v.outcome = :outcome', { outcome: query.outcome });
    const [rows, total] = await qb
      .orderBy('v.visit_date', 'DESC')
      .addOrderBy('v.visit_time', 'DESC')
      .addOrderBy('v.id', 'DESC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return {
      items: rows.map((v) => toSummaryView(v, actor)),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }

  /**
   * One visit. The citizens come with it, and the read is audited in the same transaction (the entry
   * commits only if the read is served), for those with `reception:personal_data` — and, when the visit
   * is protected (a denouncer came), only for those the letter's rules allow (`visitorBasis`): everyone
   * else gets `citizens: null` and the label.
   */
  async get(actor: Actor, id: string): Promise<VisitView> {
    return this.dataSource.transaction(async (manager) => {
      const visit = await recordInScope(
        manager,
        ReceptionVisitEntity,
        actor,
        id,
        ReceptionErrors.visitNotFound,
      );
      const basis = await this.visitorBasis(manager, actor, visit);
      if (!basis) return { ...toSummaryView(visit, actor), citizens: null };
      const citizens = await this.visitors.visitors(manager, id);
      await this.audit.recordRead(manager, actor, {
        entityType: 'reception_visit',
        entityId: id,
        unitId: visit.unitId,
        fields: [...CITIZEN_FIELDS, ...(visit.identityProtected ? [`basis:${basis}`] : [])],
      });
      return { ...toSummaryView(visit, actor, true), citizens: toCitizenViews(citizens) };
    });
  }

  /**
   * Why the actor may see a visit's visitors (null: they may not). An unprotected visit: the
   * `reception:personal_data` permission. A protected one, the letter's rules (LTC art. 47;
   * src/identity/identity-access.ts): an identity custodian of the unit, the officer who recorded the
   * visit (its receiver), or whoever may see the identity of a protected letter handed in at it.
   */
  async visitorBasis(
    manager: EntityManager,
    actor: Actor,
    visit: ReceptionVisitEntity,
  ): Promise<string | null> {
    if (!visit.identityProtected)
      return actor.permissions.has('reception:personal_data') ? 'personal_data' : null;
    if (actor.permissions.has('identity:custody')) return 'custodian';
    if (actor.userId && visit.recordedByUserId === actor.userId) return 'receiver';
    const letters: Array<{ id: string; registered_by_user_id: string | null }> = await manager.query(
      'SELECT id, registered_by_user_id FROM letters WHERE visit_id = ? AND identity_protected = TRUE',
      [visit.id],
    );
    for (const l of letters) {
      const letter = { id: l.id, identityProtected: true, registeredByUserId: l.registered_by_user_id };
      const basis = await this.access.basis(manager, actor, letter as LetterEntity);
      if (basis) return basis;
    }
    return null;
  }

  /** Column 12 of the book: what came of the visit. */
  async followUp(actor: Actor, id: string, dto: FollowUpDto): Promise<VisitSummaryView> {
    return this.dataSource.transaction(async (manager) => {
      const visit = await recordInScope(
        manager,
        ReceptionVisitEntity,
        actor,
        id,
        ReceptionErrors.visitNotFound,
        true,
      );
      if (visit.version !== dto.version) throw ReceptionErrors.versionConflict('visit', visit.version);
      if (visit.identityProtected && dto.followUp) {
        const people = await this.visitors.visitors(manager, id);
        if (revealsIdentity(dto.followUp, people) || doubtfulIdentity(dto.followUp, people)) {
          throw identityInText([
            { field: 'followUp', message: 'names or may identify the denouncer: write it without' },
          ]);
        }
      }
      await manager.update(
        ReceptionVisitEntity,
        { id },
        { followUp: dto.followUp, version: visit.version + 1 },
      );
      const updated = await manager.findOneByOrFail(ReceptionVisitEntity, { id });
      await this.audit.record(manager, actor, {
        action: 'update',
        entityType: 'reception_visit',
        entityId: id,
        unitId: visit.unitId,
        changes: diffChanges({ followUp: visit.followUp }, { followUp: updated.followUp }),
        sensitiveFields: SENSITIVE_TEXT,
      });
      return toSummaryView(updated, actor);
    });
  }

  /** Counts for a period: visits, first and repeat visits, matters, people, groups, by kind and outcome. */
  async stats(actor: Actor, query: VisitStatsQueryDto): Promise<VisitStatsView> {
    if (query.to < query.from)
      throw ReceptionErrors.invalid([{ field: 'to', message: 'must not be before from' }]);
    if (query.unitId)
      await unitInScope(this.dataSource.manager, actor, query.unitId, ReceptionErrors.unitNotFound);
    const qb = this.dataSource
      .getRepository(ReceptionVisitEntity)
      .createQueryBuilder('v')
      .select('v.content_kind', 'contentKind')
      .addSelect('v.outcome', 'outcome')
      .addSelect('COUNT(*)', 'visits')
      .addSelect('SUM(CASE WHEN v.visit_number = 1 THEN 1 ELSE 0 END)', 'firstVisits')
      .addSelect('SUM(v.people_count)', 'people')
      .addSelect('SUM(CASE WHEN v.people_count >= 5 THEN 1 ELSE 0 END)', 'groupVisits')
      .where('v.visit_date BETWEEN :from AND :to', { from: query.from, to: query.to });
    whereInScope(qb, 'v.unit_id', actor);
    if (query.unitId) qb.andWhere('v.unit_id = :unitId', { unitId: query.unitId });
    const rows: Record<string, string>[] = await qb
      .groupBy('v.content_kind')
      .addGroupBy('v.outcome')
      .getRawMany();
    const matters = this.dataSource
      .getRepository(ReceptionVisitEntity)
      .createQueryBuilder('v')
      .select('COUNT(DISTINCT v.matter_id)', 'n')
      .where('v.visit_date BETWEEN :from AND :to', { from: query.from, to: query.to });
    whereInScope(matters, 'v.unit_id', actor);
    if (query.unitId) matters.andWhere('v.unit_id = :unitId', { unitId: query.unitId });
    const out: VisitStatsView = {
      visits: 0,
      firstVisits: 0,
      repeatVisits: 0,
      matters: Number((await matters.getRawOne<{ n: string }>())?.n ?? 0),
      people: 0,
      groupVisits: 0,
      byContentKind: {},
      byOutcome: {},
    };
    for (const r of rows) {
      const visits = Number(r.visits);
      out.visits += visits;
      out.firstVisits += Number(r.firstVisits);
      out.people += Number(r.people);
      out.groupVisits += Number(r.groupVisits);
      out.byContentKind[r.contentKind] = (out.byContentKind[r.contentKind] ?? 0) + visits;
      out.byOutcome[r.outcome] = (out.byOutcome[r.outcome] ?? 0) + visits;
    }
    out.repeatVisits = out.visits - out.firstVisits;
    return out;
  }

  /**
   * The matters of a unit a citizen (by căn cước number) came about, so a repeat visit joins its matter.
   * Each matter found is a read of personal data (who came about it) and is audited; so is a search that
   * finds nothing.
   */
  async lookupMatters(actor: Actor, dto: MatterLookupDto): Promise<MatterView[]> {
    return this.dataSource.transaction(async (manager) => {
      const unit = await unitInScope(manager, actor, dto.unitId, ReceptionErrors.unitNotFound);
      const matters = await manager
        .getRepository(ReceptionMatterEntity)
        .createQueryBuilder('m')
        .where('m.unit_id = :unitId', { unitId: unit.id })
        .andWhere(
          // A denouncer's visits (sealed) are found by the blind index of the number, and only by an
          // identity custodian: anyone else would learn that this person denounced (LTC art. 47).
          actor.permissions.has('identity:custody')
            ? `m.id IN (SELECT v.matter_id FROM reception_visits v JOIN reception_visit_citizens c ON c.visit_id = v.id
                    WHERE v.unit_id = :unitId AND (c.id_number = :idNumber OR c.id_number_index = :idNumberIndex))`
            : `m.id IN (SELECT v.matter_id FROM reception_visits v JOIN reception_visit_citizens c ON c.visit_id = v.id
                    WHERE v.unit_id = :unitId AND c.id_number = :idNumber AND v.identity_protected = FALSE)`,
          { idNumber: dto.idNumber, idNumberIndex: this.visitors.idNumberIndex(dto.idNumber) },
        )
        .orderBy('m.last_visit_on', 'DESC')
        .addOrderBy('m.id', 'DESC')
        .limit(50)
        .getMany();
      const reads = matters.length
        ? matters.map((m) => ({ entityType: 'reception_matter', entityId: m.id }))
        : [{ entityType: 'reception_book', entityId: unit.id }];
      for (const read of reads) {
        await this.audit.recordRead(manager, actor, {
          ...read,
          unitId: unit.id,
          fields: ['citizens.idNumber'],
        });
      }
      return matters.map((m) => ({
        id: m.id,
        unitId: m.unitId,
        openedOn: m.openedOn,
        contentKind: m.contentKind,
        summary: m.summary,
        visitCount: m.visitCount,
        lastVisitOn: m.lastVisitOn,
      }));
    });
  }

  /** The book of one unit for a date range in Mẫu 03/TCD columns, as XLSX or CSV; the read is audited. */
  async export(
    actor: Actor,
    query: ExportBookQueryDto,
  ): Promise<{ filename: string; contentType: string; body: Buffer }> {
    if (query.to < query.from)
      throw ReceptionErrors.invalid([{ field: 'to', message: 'must not be before from' }]);
    const format = query.format ?? 'xlsx';
    const { unitName, rows } = await this.dataSource.transaction(async (manager) => {
      const unit = await unitInScope(manager, actor, query.unitId, ReceptionErrors.unitNotFound);
      const visits = await manager
        .getRepository(ReceptionVisitEntity)
        .createQueryBuilder('v')
        .where('v.unit_id = :unitId', { unitId: unit.id })
        .andWhere('v.visit_date BETWEEN :from AND :to', { from: query.from, to: query.to })
        .orderBy('v.visit_date', 'ASC')
        .addOrderBy('v.visit_time', 'ASC')
        .addOrderBy('v.id', 'ASC')
        .limit(EXPORT_ROW_LIMIT + 1)
        .getMany();
      if (visits.length > EXPORT_ROW_LIMIT) throw ReceptionErrors.tooManyRows(EXPORT_ROW_LIMIT);
      const plain = visits.length
        ? await manager.find(ReceptionVisitCitizenEntity, {
            where: { visitId: In(visits.filter((v) => !v.identityProtected).map((v) => v.id)) },
          })
        : [];
      const byVisit = new Map<string, BookCitizen[]>();
      for (const c of [...plain].sort((a, b) => a.position - b.position)) {
        const citizen = {
          fullName: c.fullName ?? '',
          address: c.address ?? '',
          idNumber: c.idNumber ?? '',
          representative: c.representative,
        };
        byVisit.set(c.visitId, [...(byVisit.get(c.visitId) ?? []), citizen]);
      }
      const protectedReads: string[] = [];
      for (const v of visits.filter((x) => x.identityProtected)) {
        // A denouncer's visit: the visitors only for those the letter's rules allow; the label otherwise.
        const basis = await this.visitorBasis(manager, actor, v);
        if (basis) protectedReads.push(`${v.id}:${basis}`);
        byVisit.set(
          v.id,
          basis
            ? await this.visitors.visitors(manager, v.id)
            : [{ fullName: PROTECTED_VISITORS, address: '', idNumber: '', representative: false }],
        );
      }
      const rows = visits.map((v, i) =>
        mau03Row(i + 1, {
          ...v,
          visitTime: hhmm(v.visitTime),
          unitName: unit.name,
          citizens: byVisit.get(v.id) ?? [],
          receivingOfficer: [v.receivingOfficerName, v.receivingOfficerTitle].filter(Boolean).join(', '),
        }),
      );
      for (const read of protectedReads) {
        const [visitId, basis] = read.split(':');
        await this.audit.recordRead(manager, actor, {
          entityType: 'reception_visit',
          entityId: visitId,
          unitId: unit.id,
          fields: [...CITIZEN_FIELDS, `basis:${basis}`, `export.${format}`],
        });
      }
      await this.audit.recordRead(manager, actor, {
        entityType: 'reception_book',
        entityId: unit.id,
        unitId: unit.id,
        fields: [...CITIZEN_FIELDS, `export.${format}`],
      });
      return { unitName: unit.name, rows };
    });
    const meta = { unitName, from: query.from, to: query.to };
    const base = `so-tiep-cong-dan_${query.from}_${query.to}`;
    return format === 'csv'
      ? { filename: `${base}.csv`, contentType: 'text/csv; charset=utf-8', body: bookToCsv(rows) }
      : {
          filename: `${base}.xlsx`,
          contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          body: await bookToXlsx(meta, rows),
        };
  }

  /** Visits that ended with a letter received, waiting for the letters feature to take them. */
  async pendingIntakes(actor: Actor, query: PendingIntakesQueryDto): Promise<Page<PendingIntakeView>> {
    const qb = this.dataSource.getRepository(ReceptionPendingIntakeEntity).createQueryBuilder('i');
    whereInScope(qb, 'i.unit_id', actor);
    qb.andWhere('i.status = :status', { status: query.status ?? 'pending' });
    if (query.unitId) {
      // A unit outside the caller's scope is not found (404), like any out-of-scope id.
      await unitInScope(this.dataSource.manager, actor, query.unitId, ReceptionErrors.unitNotFound);
      qb.andWhere('i.unit_id = :unitId', { unitId: query.unitId });
    }
    const [rows, total] = await qb
      .orderBy('i.received_on', 'ASC')
      .addOrderBy('i.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return {
      items: rows.map((i) => ({
        id: i.id,
        visitId: i.visitId,
        unitId: i.unitId,
        receivedOn: i.receivedOn,
        contentKind: i.contentKind,
        status: i.status,
        letterId: i.letterId,
      })),
      page: query.page,
      pageSize: query.pageSize,
      total,
    };
  }
}

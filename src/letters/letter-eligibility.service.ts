import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import type { Actor } from '../auth/domain/actor.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import type { DomainErrorDetail } from '../common/domain/domain-error.js';
import { redact } from '../identity/domain/identity-matcher.js';
import { assessEligibility } from './domain/letter-rules.js';
import type { CheckEligibilityDto, LetterView } from './dto/letter.dto.js';
import { LetterEntity } from './entities/letter.entity.js';
import { LetterIdentityService } from './letter-identity.service.js';
import { LetterRecords } from './letter-records.service.js';
import { SENSITIVE_TEXT, toLetterView } from './letter-views.js';
import { LetterErrors } from './letters.errors.js';

/**
 * An officer answers the eligibility checks (TT 05/2021 art. 6; LTC art. 25(2) for anonymous
 * information) of a letter a citizen filed on the public form, which arrived "chưa kiểm tra": once,
 * before any decision, with the letter's version. Notes on a protected letter are redacted like its text.
 */
@Injectable()
export class LetterEligibilityService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly records: LetterRecords,
    private readonly identities: LetterIdentityService,
  ) {}

  async check(actor: Actor, id: string, dto: CheckEligibilityDto): Promise<LetterView> {
    return transactionWithRetry(this.dataSource, async (manager) => {
      const letter = await this.records.lockLetter(manager, actor, id, dto.version);
      if (letter.eligibilityChecked || letter.status !== 'registered') {
        throw LetterErrors.decisionNotAllowed([
          {
            field: 'eligibility',
            message: 'only an undecided letter filed online, not yet checked, is checked here',
          },
        ]);
      }
      const people = letter.identityProtected ? await this.identities.petitionersOf(manager, letter.id) : [];
      const answers = dto.eligibility.map((a) => ({
        ...a,
        note: a.note && people.length > 0 ? redact(a.note, people) : (a.note ?? null),
      }));
      const problems: DomainErrorDetail[] = [];
      const outcome = assessEligibility(letter.classification, answers, problems);
      if (problems.length > 0) throw LetterErrors.invalid(problems);
      const version = letter.version + 1;
      await manager.update(
        LetterEntity,
        { id: letter.id },
        { eligibility: outcome.checks, eligible: outcome.eligible, eligibilityChecked: true, version },
      );
      await this.audit.record(manager, actor, {
        action: 'check_eligibility',
        entityType: 'letter',
        entityId: letter.id,
        unitId: letter.unitId,
        changes: {
          eligibilityChecked: { before: false, after: true },
          eligible: { before: letter.eligible, after: outcome.eligible },
          eligibility: {
            before: letter.eligibility.map((a) => ({ ...a, note: a.note ?? null })),
            after: outcome.checks.map((a) => ({ ...a, note: a.note ?? null })),
          },
        },
        sensitiveFields: SENSITIVE_TEXT,
      });
      return toLetterView({
        ...letter,
        eligibility: outcome.checks,
        eligible: outcome.eligible,
        eligibilityChecked: true,
        version,
      });
    });
  }
}

import { compareLocalDates, type LocalDate } from '../../common/domain/local-date.js';

/**
 * Authorised representatives of a complainant (issue 20, point 3; ../shared/docs/legal-reference.md §0
 * "Transitional rules" and §9a, "Authorisation of a complaint"). Pure: the lodging date is an argument.
 *
 * - An individual (a relative, or another adult with full civil capacity) lodges for the complainant on
 *   a written authorisation (Mẫu 02). Up to 31 Dec 2026 it must be notarised or certified; the
 *   provision requiring it "hết hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2027"
 *   (NĐ 155/2026/NĐ-CP art. 21(2)) [T], so from 1 Jan 2027 it need not be. The rule is chosen by the
 *   date the complaint was lodged (the letter's `receivedOn`), like every dated rule (legal-reference §0).
 * - A lawyer, or a legal aid officer, follows its own rule whatever the date: the authorisation plus the
 *   practising card (a legal aid officer also the assignment decision of the legal aid organisation);
 *   no notarisation is asked (LKN art. 12 — the clause numbers and the papers are UNCONFIRMED in the
 *   legal reference: check the official text before relying on them).
 */

export const AUTHORISED_PERSON_KINDS = ['relative', 'lawyer', 'legal_aid'] as const;
export type AuthorisedPersonKind = (typeof AUTHORISED_PERSON_KINDS)[number];

/** The last day on which an individual's authorisation must be notarised or certified (NĐ 155/2026 art. 21(2)). */
export const NOTARISATION_REQUIRED_UNTIL: LocalDate = '2026-12-31';

export type AuthorisationRuleId =
  'KN-AUTH-INDIVIDUAL-CERTIFIED' | 'KN-AUTH-INDIVIDUAL' | 'KN-AUTH-LAWYER' | 'KN-AUTH-LEGAL-AID';

export interface AuthorisationRule {
  id: AuthorisationRuleId;
  kinds: readonly AuthorisedPersonKind[];
  /** Inclusive validity interval by lodging date; null: open. */
  validFrom: LocalDate | null;
  validTo: LocalDate | null;
  notarisationRequired: boolean;
  practisingCardRequired: boolean;
  assignmentDecisionRequired: boolean;
  legalBasis: string;
}

export const AUTHORISATION_RULES: readonly AuthorisationRule[] = [
  {
    id: 'KN-AUTH-INDIVIDUAL-CERTIFIED',
    kinds: ['relative'],
    validFrom: null,
    validTo: NOTARISATION_REQUIRED_UNTIL,
    notarisationRequired: true,
    practisingCardRequired: false,
    assignmentDecisionRequired: false,
    legalBasis:
      'NĐ 124/2020/NĐ-CP (authorisation notarised or certified), in force up to 2026-12-31: NĐ 155/2026/NĐ-CP art. 21(2); legal-reference §0, §9a',
  },
  {
    id: 'KN-AUTH-INDIVIDUAL',
    kinds: ['relative'],
    validFrom: '2027-01-01',
    validTo: null,
    notarisationRequired: false,
    practisingCardRequired: false,
    assignmentDecisionRequired: false,
    legalBasis: 'NĐ 155/2026/NĐ-CP art. 21(2): no notarisation from 2027-01-01; legal-reference §0, §9a',
  },
  {
    id: 'KN-AUTH-LAWYER',
    kinds: ['lawyer'],
    validFrom: null,
    validTo: null,
    notarisationRequired: false,
    practisingCardRequired: true,
    assignmentDecisionRequired: false,
    legalBasis: 'LKN art. 12 (lawyer; clause UNCONFIRMED); legal-reference §9a',
  },
  {
    id: 'KN-AUTH-LEGAL-AID',
    kinds: ['legal_aid'],
    validFrom: null,
    validTo: null,
    notarisationRequired: false,
    practisingCardRequired: true,
    assignmentDecisionRequired: true,
    legalBasis: 'LKN art. 12 (legal aid; clause UNCONFIRMED); legal-reference §9a',
  },
];

/** The one rule for a kind of authorised person and a lodging date. */
export function authorisationRule(kind: AuthorisedPersonKind, lodgedOn: LocalDate): AuthorisationRule {
  const rule = AUTHORISATION_RULES.find(
    (r) =>
      r.kinds.includes(kind) &&
      (r.validFrom === null || compareLocalDates(lodgedOn, r.validFrom) >= 0) &&
      (r.validTo === null || compareLocalDates(lodgedOn, r.validTo) <= 0),
  );
  // The table covers every kind on every date (a unit test walks it).
  if (!rule) throw new Error(`no authorisation rule for ${kind} on ${lodgedOn}`);
  return rule;
}

export interface AuthorisationFacts {
  kind: AuthorisedPersonKind;
  /** The day the complaint was lodged (the letter's receivedOn). */
  lodgedOn: LocalDate;
  /** The authorisation document's date. */
  documentDate: LocalDate;
  /** Today (Asia/Ho_Chi_Minh), for "not in the future". */
  today: LocalDate;
  notarised: boolean;
  hasPractisingCard: boolean;
  hasAssignmentDecision: boolean;
}

export interface AuthorisationProblem {
  field: string;
  message: string;
}

/** What is missing or wrong in an authorisation under its rule; empty when it is in order. */
export function authorisationProblems(facts: AuthorisationFacts): {
  rule: AuthorisationRule;
  problems: AuthorisationProblem[];
} {
  const rule = authorisationRule(facts.kind, facts.lodgedOn);
  const problems: AuthorisationProblem[] = [];
  if (compareLocalDates(facts.documentDate, facts.today) > 0) {
    problems.push({ field: 'documentDate', message: 'must not be in the future' });
  }
  if (rule.notarisationRequired && !facts.notarised) {
    problems.push({
      field: 'notarised',
      message: `an individual's authorisation of a complaint lodged up to ${NOTARISATION_REQUIRED_UNTIL} must be notarised or certified (${rule.legalBasis})`,
    });
  }
  if (rule.practisingCardRequired && !facts.hasPractisingCard) {
    problems.push({
      field: 'practisingCardNumber',
      message: `is required for a ${facts.kind === 'lawyer' ? 'lawyer' : 'legal aid officer'} (${rule.legalBasis})`,
    });
  }
  if (rule.assignmentDecisionRequired && !facts.hasAssignmentDecision) {
    problems.push({
      field: 'assignmentDecisionRef',
      message: `the legal aid organisation's assignment decision is required (${rule.legalBasis})`,
    });
  }
  return { rule, problems };
}

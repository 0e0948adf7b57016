import { addDays } from '../../common/domain/local-date.js';
import {
  AUTHORISATION_RULES,
  AUTHORISED_PERSON_KINDS,
  authorisationProblems,
  authorisationRule,
  type AuthorisationFacts,
} from './complaint-authorisation.js';

const facts = (over: Partial<AuthorisationFacts> = {}): AuthorisationFacts => ({
  kind: 'relative',
  lodgedOn: '2026-12-31',
  documentDate: '2026-12-20',
  today: '2027-01-10',
  notarised: false,
  hasPractisingCard: false,
  hasAssignmentDecision: false,
  ...over,
});

const fields = (f: AuthorisationFacts) => authorisationProblems(f).problems.map((p) => p.field);

describe('authorisation of a complaint (NĐ 155/2026/NĐ-CP art. 21(2))', () => {
  it.each([
    ['2026-07-01', 'KN-AUTH-INDIVIDUAL-CERTIFIED', true],
    ['2026-12-31', 'KN-AUTH-INDIVIDUAL-CERTIFIED', true],
    ['2027-01-01', 'KN-AUTH-INDIVIDUAL', false],
    ['2027-06-30', 'KN-AUTH-INDIVIDUAL', false],
  ] as const)('an individual lodging on %s: rule %s, notarisation required %s', (lodgedOn, id, required) => {
    const rule = authorisationRule('relative', lodgedOn);
    expect(rule.id).toBe(id);
    expect(rule.notarisationRequired).toBe(required);
    expect(rule.legalBasis).toContain('NĐ 155/2026/NĐ-CP art. 21(2)');
  });

  it('refuses an unnotarised individual authorisation lodged on 31 Dec 2026 and accepts it on 1 Jan 2027', () => {
    expect(fields(facts({ lodgedOn: '2026-12-31' }))).toEqual(['notarised']);
    expect(fields(facts({ lodgedOn: '2027-01-01' }))).toEqual([]);
    expect(fields(facts({ lodgedOn: '2026-12-31', notarised: true }))).toEqual([]);
  });

  it('a lawyer and a legal aid officer follow their own rule, the same on both sides of 1 Jan 2027', () => {
    for (const lodgedOn of ['2026-12-31', '2027-01-01']) {
      expect(authorisationRule('lawyer', lodgedOn).id).toBe('KN-AUTH-LAWYER');
      expect(authorisationRule('legal_aid', lodgedOn).id).toBe('KN-AUTH-LEGAL-AID');
      expect(fields(facts({ kind: 'lawyer', lodgedOn }))).toEqual(['practisingCardNumber']);
      expect(fields(facts({ kind: 'lawyer', lodgedOn, hasPractisingCard: true }))).toEqual([]);
      expect(fields(facts({ kind: 'legal_aid', lodgedOn, hasPractisingCard: true }))).toEqual([
        'assignmentDecisionRef',
      ]);
      expect(
        fields(facts({ kind: 'legal_aid', lodgedOn, hasPractisingCard: true, hasAssignmentDecision: true })),
      ).toEqual([]);
    }
  });

  it('refuses a document dated in the future', () => {
    expect(fields(facts({ lodgedOn: '2027-01-02', documentDate: '2027-01-11' }))).toEqual(['documentDate']);
  });

  it('exactly one rule answers for every kind on every day of 2026–2027', () => {
    for (const kind of AUTHORISED_PERSON_KINDS) {
      for (let d = '2026-01-01', i = 0; i < 730; d = addDays(d, 1), i++) {
        const matching = AUTHORISATION_RULES.filter(
          (r) =>
            r.kinds.includes(kind) &&
            (r.validFrom === null || r.validFrom <= d) &&
            (r.validTo === null || r.validTo >= d),
        );
        expect(matching).toHaveLength(1);
      }
    }
  });
});

import {
  subjectDisclosure,
  WITHHELD_NAMED_OTHER,
  WITHHELD_NAMED_PROTECTED,
  WITHHELD_NEEDS_CUSTODIAN,
  WITHHELD_NEEDS_NUMBER,
  type SubjectRole,
} from './subject-disclosure.js';

/**
 * What a subject-access answer may disclose of a record (LTC art. 8(3), 47, 29(3); Law 91/2025/QH15):
 * role × protected record × whether the officer may see protected identities.
 */
describe('subjectDisclosure', () => {
  const Y = true;
  const N = false;
  it.each<[SubjectRole, boolean, boolean, boolean, boolean, boolean, string | null]>([
    // role,        protected, officer may see, by number, own data, own texts, withheld
    ['petitioner', N, N, Y, Y, Y, null],
    ['petitioner', N, Y, N, Y, Y, null], // a complaint found by name and address
    ['petitioner', Y, Y, Y, Y, Y, null], // a denouncer's own letter: theirs (art. 47(2))
    ['petitioner', Y, Y, N, N, N, WITHHELD_NEEDS_NUMBER], // name and address: anyone may know them
    ['petitioner', Y, N, Y, N, N, WITHHELD_NEEDS_CUSTODIAN],
    ['authorised_person', N, N, Y, Y, N, null],
    ['authorised_person', Y, Y, Y, Y, N, null],
    ['visitor', N, N, N, Y, Y, null],
    ['visitor', Y, Y, Y, Y, Y, null],
    ['visitor', Y, Y, N, N, N, WITHHELD_NEEDS_NUMBER],
    ['visitor', Y, N, Y, N, N, WITHHELD_NEEDS_CUSTODIAN],
    ['subscriber', N, N, N, Y, N, null],
    ['subscriber', Y, Y, Y, Y, N, null],
    ['subscriber', Y, N, Y, N, N, WITHHELD_NEEDS_CUSTODIAN],
    ['account_holder', N, N, N, Y, N, null],
    // The denounced person: the record exists, nothing of who wrote it nor what (art. 8(3), 47, 29(3)).
    ['named_in_text', Y, Y, Y, N, N, WITHHELD_NAMED_PROTECTED],
    ['named_in_text', Y, N, N, N, N, WITHHELD_NAMED_PROTECTED],
    ['named_in_text', N, Y, Y, N, N, WITHHELD_NAMED_OTHER],
  ])(
    '%s, protected %s, officer may see %s, by number %s → own data %s, own texts %s',
    (role, prot, may, byNumber, own, texts, why) => {
      const d = subjectDisclosure({
        role,
        protectedRecord: prot,
        actorMaySeeProtected: may,
        matchedByNumber: byNumber,
      });
      expect(d).toEqual({
        reference: true,
        otherPeople: false,
        ownData: own,
        ownTexts: texts,
        withheld: why,
      });
    },
  );

  it('never discloses anyone else, whatever the facts', () => {
    const roles: SubjectRole[] = [
      'petitioner',
      'authorised_person',
      'visitor',
      'subscriber',
      'account_holder',
      'named_in_text',
    ];
    for (const role of roles) {
      for (const protectedRecord of [true, false]) {
        for (const actorMaySeeProtected of [true, false]) {
          for (const matchedByNumber of [true, false]) {
            const d = subjectDisclosure({ role, protectedRecord, actorMaySeeProtected, matchedByNumber });
            expect(d.otherPeople).toBe(false);
          }
        }
      }
    }
  });

  it('cites the articles it applies', () => {
    expect(WITHHELD_NAMED_PROTECTED).toContain('điều 47');
    expect(WITHHELD_NAMED_PROTECTED).toContain('điều 29 khoản 3');
    expect(WITHHELD_NEEDS_CUSTODIAN).toContain('điều 47');
    expect(WITHHELD_NEEDS_NUMBER).toContain('điều 47');
  });
});

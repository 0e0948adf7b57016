import { COMPLAINT_LIFECYCLE, type ComplaintStep } from '../../complaints/domain/complaint-lifecycle.js';
import {
  DENUNCIATION_LIFECYCLE,
  type DenunciationStep,
} from '../../denunciations/domain/denunciation-lifecycle.js';
import { caseStepProblems, stepDateProblems } from './case-step.js';

const TODAY = '2026-11-24';
const fields = (problems: Array<{ field: string }>) => problems.map((p) => p.field);

describe('caseStepProblems: the checks the kernel makes of every step before the transaction', () => {
  it.each<[string, ComplaintStep, string[]]>([
    [
      'a handler step with nothing missing',
      { event: 'start_verification', date: TODAY, legalBasis: 'LKN' },
      [],
    ],
    [
      'accept without its notice number',
      { event: 'accept', date: TODAY, legalBasis: 'LKN' },
      ['documentRef'],
    ],
    [
      'suspend without number or reason',
      { event: 'suspend', date: TODAY, legalBasis: 'LKN' },
      ['documentRef', 'note'],
    ],
    [
      'decide without an outcome',
      { event: 'decide', date: TODAY, legalBasis: 'LKN', documentRef: '1/QĐ' },
      ['outcome'],
    ],
    [
      'an outcome on a step that is not decide',
      { event: 'start_verification', date: TODAY, legalBasis: 'LKN', outcome: 'right' },
      ['outcome'],
    ],
    [
      'the system step second_complaint_lodged',
      { event: 'second_complaint_lodged', date: TODAY, legalBasis: 'LKN' },
      ['event'],
    ],
    [
      'a step dated tomorrow',
      { event: 'start_verification', date: '2026-11-25', legalBasis: 'LKN' },
      ['date'],
    ],
  ])('complaint: %s', (_name, step, expected) => {
    expect(fields(caseStepProblems(COMPLAINT_LIFECYCLE, step, TODAY))).toEqual(expected);
  });

  it.each<[string, DenunciationStep, string[]]>([
    [
      'extend without a reason',
      { event: 'extend', date: TODAY, legalBasis: 'LTC', documentRef: '2/QĐ' },
      ['note'],
    ],
    [
      'conclude with its outcome',
      { event: 'conclude', date: TODAY, legalBasis: 'LTC', documentRef: '3/KL', outcome: 'wrong' },
      [],
    ],
    [
      'signsOfViolation on a step that is not withdraw',
      { event: 'accept', date: TODAY, legalBasis: 'LTC', documentRef: '4/TB', signsOfViolation: true },
      ['signsOfViolation'],
    ],
    [
      'withdraw with signsOfViolation and a reason',
      { event: 'withdraw', date: TODAY, legalBasis: 'LTC', note: 'rút', signsOfViolation: true },
      [],
    ],
  ])('denunciation: %s', (_name, step, expected) => {
    expect(fields(caseStepProblems(DENUNCIATION_LIFECYCLE, step, TODAY))).toEqual(expected);
  });
});

describe('stepDateProblems: a step is dated on or after the previous one', () => {
  it.each<[string | null, string, boolean]>([
    [null, '2026-01-01', true],
    ['2026-11-20', '2026-11-20', true],
    ['2026-11-20', '2026-11-21', true],
    ['2026-11-20', '2026-11-19', false],
  ])('previous %s, step on %s: allowed %s', (previous, date, allowed) => {
    expect(stepDateProblems(date, previous)).toHaveLength(allowed ? 0 : 1);
  });
});

describe('the lifecycles as the kernel drives them', () => {
  it('never offers the system step second_complaint_lodged as a next step', () => {
    const facts = {
      track: 'first_time' as const,
      state: 'second_complaint_window' as const,
      dialogueHeld: true,
      noticePending: false,
    };
    expect(COMPLAINT_LIFECYCLE.allowed(facts, TODAY)).not.toContain('second_complaint_lodged');
    expect(() =>
      COMPLAINT_LIFECYCLE.transition(facts, {
        event: 'second_complaint_lodged',
        date: TODAY,
        legalBasis: 'x',
      }),
    ).not.toThrow();
  });

  it.each([
    ['complaint', COMPLAINT_LIFECYCLE.manageEvents, 'decide', 'start_verification'],
    ['denunciation', DENUNCIATION_LIFECYCLE.manageEvents, 'conclude', 'start_verification'],
  ] as const)("%s: %s is the head's decision, %s the handler's", (_track, manage, head, handler) => {
    expect(manage as readonly string[]).toContain(head);
    expect(manage as readonly string[]).not.toContain(handler);
  });
});

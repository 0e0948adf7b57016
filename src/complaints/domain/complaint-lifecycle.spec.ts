import {
  COMPLAINT_EVENTS,
  COMPLAINT_LIFECYCLE,
  COMPLAINT_STATES,
  ComplaintTransitionError,
  allowedComplaintEvents,
  transitionComplaint,
  type ComplaintCaseFacts,
  type ComplaintEvent,
  type ComplaintState,
} from './complaint-lifecycle.js';

/**
 * The allowed steps of a first-time complaint, written out by hand from LKN and NĐ 124/155 (not derived
 * from the implementation): state → event → next state. Every pair not listed must be refused.
 */
const FIRST_TIME: Partial<Record<ComplaintState, Partial<Record<ComplaintEvent, ComplaintState>>>> = {
  received: { accept: 'accepted', refuse: 'refused', withdraw: 'terminated', terminate: 'terminated' },
  accepted: {
    start_verification: 'verifying',
    schedule_dialogue: 'dialogue',
    decide: 'decided',
    suspend: 'suspended',
    withdraw_partially: 'accepted',
    withdraw: 'terminated',
    terminate: 'terminated',
  },
  verifying: {
    schedule_dialogue: 'dialogue',
    decide: 'decided',
    suspend: 'suspended',
    withdraw_partially: 'verifying',
    withdraw: 'terminated',
    terminate: 'terminated',
  },
  dialogue: {
    hold_dialogue: 'dialogue',
    decide: 'decided',
    suspend: 'suspended',
    withdraw_partially: 'dialogue',
    withdraw: 'terminated',
    terminate: 'terminated',
  },
  suspended: {
    continue: 'verifying',
    withdraw_partially: 'suspended',
    withdraw: 'terminated',
    terminate: 'terminated',
  },
  decided: { send_decision: 'second_complaint_window' },
  second_complaint_window: {
    second_complaint_lodged: 'superseded',
    lawsuit_filed: 'superseded',
    become_legally_effective: 'legally_effective',
  },
  awaiting_legal_effect: { become_legally_effective: 'legally_effective' },
  legally_effective: { hand_to_enforcement: 'enforcement' },
};

const facts = (state: ComplaintState, extra: Partial<ComplaintCaseFacts> = {}): ComplaintCaseFacts => ({
  track: 'first_time',
  state,
  suspendedFrom: state === 'suspended' ? 'verifying' : null,
  dialogueHeld: true,
  legalEffectFrom: '2026-08-01',
  ...extra,
});

const pairs = COMPLAINT_STATES.flatMap((state) => COMPLAINT_EVENTS.map((event) => [state, event] as const));

describe('the complaint lifecycle', () => {
  it('counts the dialogue invitation back from a dialogue day ahead of the scheduling (KN-10)', () => {
    const ahead = transitionComplaint(facts('verifying', { track: 'second_time', dialogueHeld: false }), {
      event: 'schedule_dialogue',
      date: '2026-12-07',
      dialogueOn: '2026-12-21',
    });
    expect(ahead.effects).toEqual([
      { kind: 'open', ruleId: 'KN-10', trigger: '2026-12-21', purpose: 'dialogue_invitation' },
    ]);
    const sameDay = transitionComplaint(facts('verifying', { track: 'second_time', dialogueHeld: false }), {
      event: 'schedule_dialogue',
      date: '2026-12-07',
    });
    expect(sameDay.effects).toEqual([
      { kind: 'open', ruleId: 'KN-10', trigger: '2026-12-07', purpose: 'dialogue_invitation' },
    ]);
  });

  it.each([
    ['schedule_dialogue', '2026-12-21', []],
    [
      'schedule_dialogue',
      '2026-12-06',
      [{ field: 'dialogueOn', message: 'must not be before the day the dialogue is scheduled' }],
    ],
    [
      'hold_dialogue',
      '2026-12-21',
      [{ field: 'dialogueOn', message: 'is given only with the step schedule_dialogue' }],
    ],
  ] as const)('%s with a dialogue day %s: %j', (event, dialogueOn, problems) => {
    expect(
      COMPLAINT_LIFECYCLE.stepProblems!({ event, date: '2026-12-07', legalBasis: 'LKN art. 30', dialogueOn }),
    ).toEqual(problems);
  });

  it.each(pairs)(
    'first-time complaint in state %s, step %s: allowed exactly as the law table says',
    (state, event) => {
      const expected = FIRST_TIME[state]?.[event];
      const attempt = () => transitionComplaint(facts(state), { event, date: '2026-09-01' });
      if (expected) {
        expect(attempt().to).toBe(expected);
      } else {
        expect(attempt).toThrow(ComplaintTransitionError);
        try {
          attempt();
        } catch (error) {
          expect((error as ComplaintTransitionError).code).toBe('CASE_TRANSITION_NOT_ALLOWED');
          expect((error as ComplaintTransitionError).kind).toBe('unprocessable');
        }
      }
    },
  );

  it('holding the dialogue records it and keeps the case in dialogue', () => {
    const held = transitionComplaint(facts('dialogue', { dialogueHeld: false }), {
      event: 'hold_dialogue',
      date: '2026-09-01',
    });
    expect(held).toMatchObject({ to: 'dialogue', dialogueHeld: true, effects: [] });
    expect(
      transitionComplaint(facts('accepted'), { event: 'start_verification', date: '2026-09-01' })
        .dialogueHeld,
    ).toBeUndefined();
  });

  it('a pending KN-12 notice can be recorded as sent, and only then', () => {
    const sent = transitionComplaint(facts('suspended', { noticePending: true }), {
      event: 'send_notice',
      date: '2026-09-02',
    });
    expect(sent).toMatchObject({
      to: 'suspended',
      suspendedFrom: 'verifying',
      effects: [{ kind: 'settle', purpose: 'suspension_notice', outcome: 'met' }],
    });
    expect(
      transitionComplaint(facts('terminated', { noticePending: true }), {
        event: 'send_notice',
        date: '2026-09-02',
      }).to,
    ).toBe('terminated');
  });

  it('termination opens the KN-12 notice from 2026-07-01, not before', () => {
    const after = transitionComplaint(facts('verifying'), { event: 'terminate', date: '2026-09-01' });
    expect(after.effects).toContainEqual({
      kind: 'open',
      ruleId: 'KN-12',
      trigger: '2026-09-01',
      purpose: 'suspension_notice',
    });
    const before = transitionComplaint(facts('verifying'), { event: 'terminate', date: '2026-06-01' });
    expect(before.effects.some((e) => e.kind === 'open')).toBe(false);
  });

  it('closed states allow no step at all', () => {
    for (const state of ['refused', 'terminated', 'superseded', 'enforcement'] as const) {
      expect(allowedComplaintEvents(facts(state), '2026-09-01')).toEqual([]);
    }
  });

  it('accepting settles the acceptance deadline and opens the resolution period from the acceptance date', () => {
    expect(transitionComplaint(facts('received'), { event: 'accept', date: '2026-08-20' }).effects).toEqual([
      { kind: 'settle', purpose: 'acceptance', outcome: 'met' },
      { kind: 'open', ruleId: 'KN-3', trigger: '2026-08-20', purpose: 'resolution' },
    ]);
    expect(
      transitionComplaint(facts('received', { track: 'second_time' }), {
        event: 'accept',
        date: '2026-08-20',
      }).effects[1],
    ).toMatchObject({ ruleId: 'KN-6' });
    expect(
      transitionComplaint(facts('received', { track: 'disciplinary_first' }), {
        event: 'accept',
        date: '2026-08-20',
      }).effects[1],
    ).toMatchObject({ ruleId: 'KL-4' });
  });

  it.each(['second_time', 'disciplinary_first', 'disciplinary_second'] as const)(
    'a %s complaint cannot be decided before the dialogue (LKN arts. 39, 53)',
    (track) => {
      const attempt = () =>
        transitionComplaint(facts('verifying', { track, dialogueHeld: false }), {
          event: 'decide',
          date: '2026-09-01',
        });
      expect(attempt).toThrow(expect.objectContaining({ code: 'CASE_DIALOGUE_REQUIRED' }));
      expect(
        transitionComplaint(facts('dialogue', { track, dialogueHeld: true }), {
          event: 'decide',
          date: '2026-09-01',
        }).to,
      ).toBe('decided');
    },
  );

  it('a first-time complaint may be decided without a dialogue', () => {
    expect(
      transitionComplaint(facts('verifying', { dialogueHeld: false }), {
        event: 'decide',
        date: '2026-09-01',
      }).to,
    ).toBe('decided');
  });

  it('deciding opens the sending and legal-effect periods from the decision date', () => {
    const effects = transitionComplaint(facts('dialogue'), { event: 'decide', date: '2026-02-13' }).effects;
    expect(effects.filter((e) => e.kind === 'open')).toEqual([
      { kind: 'open', ruleId: 'KN-4', trigger: '2026-02-13', purpose: 'send_decision' },
      { kind: 'open', ruleId: 'KN-9', trigger: '2026-02-13', purpose: 'legal_effect' },
    ]);
  });

  it('sending a first-time decision opens the second-complaint window from the day it was received', () => {
    const r = transitionComplaint(facts('decided'), { event: 'send_decision', date: '2026-03-02' });
    expect(r.to).toBe('second_complaint_window');
    expect(r.effects).toContainEqual({
      kind: 'open',
      ruleId: 'KN-5',
      trigger: '2026-03-02',
      purpose: 'second_complaint_window',
    });
  });

  it('sending a second-time decision waits for legal effect; no further complaint window', () => {
    const r = transitionComplaint(facts('decided', { track: 'second_time' }), {
      event: 'send_decision',
      date: '2026-03-02',
    });
    expect(r.to).toBe('awaiting_legal_effect');
    expect(r.effects.some((e) => e.kind === 'open')).toBe(false);
  });

  it('a decision becomes legally effective only from its date (LKN art. 44)', () => {
    const early = () =>
      transitionComplaint(facts('second_complaint_window'), {
        event: 'become_legally_effective',
        date: '2026-07-31',
      });
    expect(early).toThrow(expect.objectContaining({ code: 'CASE_NOT_YET_EFFECTIVE' }));
    const r = transitionComplaint(facts('second_complaint_window'), {
      event: 'become_legally_effective',
      date: '2026-08-01',
    });
    expect(r.to).toBe('legally_effective');
    expect(r.effects).toContainEqual({
      kind: 'open',
      ruleId: 'KN-11',
      trigger: '2026-08-01',
      purpose: 'enforcement',
    });
  });

  it('suspension exists only from 2026-07-01 and returns to the step it interrupted', () => {
    expect(() => transitionComplaint(facts('verifying'), { event: 'suspend', date: '2026-06-30' })).toThrow(
      expect.objectContaining({ code: 'CASE_SUSPENSION_NOT_IN_FORCE' }),
    );
    const suspended = transitionComplaint(facts('dialogue'), { event: 'suspend', date: '2026-07-01' });
    expect(suspended).toMatchObject({ to: 'suspended', suspendedFrom: 'dialogue' });
    expect(suspended.effects).toContainEqual({ kind: 'pause', purpose: 'resolution' });
    const resumed = transitionComplaint(facts('suspended', { suspendedFrom: 'dialogue' }), {
      event: 'continue',
      date: '2026-07-20',
    });
    expect(resumed.to).toBe('dialogue');
    expect(resumed.effects).toContainEqual({ kind: 'resume', purpose: 'resolution' });
  });

  it('a whole withdrawal ends the case and cancels its open periods; a partial one keeps it going', () => {
    const whole = transitionComplaint(facts('verifying'), { event: 'withdraw', date: '2026-09-01' });
    expect(whole.to).toBe('terminated');
    expect(whole.effects).toContainEqual({ kind: 'settle', purpose: 'resolution', outcome: 'cancelled' });
    expect(
      transitionComplaint(facts('verifying'), { event: 'withdraw_partially', date: '2026-09-01' }).to,
    ).toBe('verifying');
  });
});

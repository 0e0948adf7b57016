import {
  DENUNCIATION_EVENTS,
  DENUNCIATION_STATES,
  DenunciationTransitionError,
  allowedDenunciationEvents,
  initialEffects,
  transitionDenunciation,
  type DenunciationEvent,
  type DenunciationFacts,
  type DenunciationState,
  type DenunciationTrack,
} from './denunciation-lifecycle.js';

/**
 * The allowed steps of a denunciation, written out by hand from LTC 2018 and NĐ 31/156 (not derived from
 * the implementation): state → event → next state. Every pair not listed must be refused. The facts used:
 * a complicated case with no extension yet, the conclusion neither sent nor handled.
 */
const DENUNCIATION: Partial<
  Record<DenunciationState, Partial<Record<DenunciationEvent, DenunciationState>>>
> = {
  received: { accept: 'accepted', refuse: 'refused', withdraw: 'terminated', terminate: 'terminated' },
  accepted: {
    notify_acceptance: 'accepted',
    start_verification: 'verifying',
    extend: 'accepted',
    suspend: 'suspended',
    conclude: 'concluded',
    withdraw: 'terminated',
    terminate: 'terminated',
  },
  verifying: {
    notify_acceptance: 'verifying',
    extend: 'verifying',
    suspend: 'suspended',
    conclude: 'concluded',
    withdraw: 'terminated',
    terminate: 'terminated',
  },
  suspended: {
    notify_acceptance: 'suspended',
    continue: 'verifying',
    withdraw: 'terminated',
    terminate: 'terminated',
  },
  concluded: {
    send_conclusion: 'concluded',
    handle_conclusion: 'concluded',
    publicise_conclusion: 'concluded',
  },
  monitoring: { publicise_conclusion: 'monitoring', close: 'closed' },
  awaiting_report: {},
};

const facts = (state: DenunciationState, extra: Partial<DenunciationFacts> = {}): DenunciationFacts => ({
  track: 'denunciation',
  state,
  suspendedFrom: state === 'suspended' ? 'verifying' : null,
  complexity: 'complicated',
  extensions: 0,
  conclusionSent: false,
  conclusionHandled: false,
  noticePending: false,
  ...extra,
});

const pairs = DENUNCIATION_STATES.flatMap((s) => DENUNCIATION_EVENTS.map((e) => [s, e] as const));

function refusedWith(attempt: () => unknown): string {
  try {
    attempt();
  } catch (error) {
    expect(error).toBeInstanceOf(DenunciationTransitionError);
    return (error as DenunciationTransitionError).code;
  }
  throw new Error('the step was allowed');
}

describe('the denunciation lifecycle', () => {
  it.each(pairs)(
    'denunciation in state %s, step %s: allowed exactly as the law table says',
    (state, event) => {
      const expected = DENUNCIATION[state]?.[event];
      const attempt = () =>
        transitionDenunciation(facts(state), { event, date: '2026-09-01', signsOfViolation: false });
      // Allowed in this state only once the conclusion was sent and handled (tested below).
      const refusal =
        state === 'concluded' && event === 'start_monitoring'
          ? 'CASE_CONCLUSION_NOT_HANDLED'
          : 'CASE_TRANSITION_NOT_ALLOWED';
      if (expected) expect(attempt().to).toBe(expected);
      else expect(refusedWith(attempt)).toBe(refusal);
    },
  );

  it('acceptance opens TC-2 and TC-3 from the acceptance decision', () => {
    expect(
      transitionDenunciation(facts('received'), { event: 'accept', date: '2026-09-01' }).effects,
    ).toEqual([
      { kind: 'open', purpose: 'acceptance_notice', ruleId: 'TC-2', trigger: '2026-09-01' },
      { kind: 'open', purpose: 'resolution', ruleId: 'TC-3', trigger: '2026-09-01' },
    ]);
  });

  it('extensions: none for a normal case, one for complicated, two for especially complicated (LTC art. 30)', () => {
    expect(
      refusedWith(() =>
        transitionDenunciation(facts('verifying', { complexity: 'normal' }), {
          event: 'extend',
          date: '2026-09-01',
        }),
      ),
    ).toBe('CASE_EXTENSION_NOT_ALLOWED');
    const once = transitionDenunciation(facts('verifying'), { event: 'extend', date: '2026-09-01' });
    expect(once).toMatchObject({ to: 'verifying', set: { extensions: 1 } });
    expect(once.effects).toEqual([{ kind: 'extend', purpose: 'resolution', extensions: 1 }]);
    expect(
      refusedWith(() =>
        transitionDenunciation(facts('verifying', { extensions: 1 }), {
          event: 'extend',
          date: '2026-09-01',
        }),
      ),
    ).toBe('CASE_EXTENSION_LIMIT');
    const special = facts('verifying', { complexity: 'especially_complicated', extensions: 1 });
    expect(transitionDenunciation(special, { event: 'extend', date: '2026-09-01' }).set).toEqual({
      extensions: 2,
    });
    expect(
      refusedWith(() =>
        transitionDenunciation({ ...special, extensions: 2 }, { event: 'extend', date: '2026-09-01' }),
      ),
    ).toBe('CASE_EXTENSION_LIMIT');
  });

  it('suspension pauses TC-3 and continuation resumes it, each with a TC-4 notice', () => {
    const s = transitionDenunciation(facts('verifying'), { event: 'suspend', date: '2026-09-01' });
    expect(s).toMatchObject({ to: 'suspended', suspendedFrom: 'verifying' });
    expect(s.effects).toEqual([
      { kind: 'pause', purpose: 'resolution' },
      { kind: 'open', purpose: 'suspension_notice', ruleId: 'TC-4', trigger: '2026-09-01' },
    ]);
    const c = transitionDenunciation(facts('suspended'), { event: 'continue', date: '2026-09-10' });
    expect(c.to).toBe('verifying');
    expect(c.effects[0]).toEqual({ kind: 'resume', purpose: 'resolution' });
  });

  it('withdrawal: resolution continues when there are signs of a violation, otherwise it ends (LTC art. 33)', () => {
    const kept = transitionDenunciation(facts('verifying'), {
      event: 'withdraw',
      date: '2026-09-01',
      signsOfViolation: true,
    });
    expect(kept).toMatchObject({ to: 'verifying', effects: [], set: { withdrawn: true } });
    const ended = transitionDenunciation(facts('verifying'), {
      event: 'withdraw',
      date: '2026-09-01',
      signsOfViolation: false,
    });
    expect(ended.to).toBe('terminated');
    expect(ended.effects).toContainEqual({ kind: 'settle', purpose: 'resolution', outcome: 'cancelled' });
    expect(
      refusedWith(() =>
        transitionDenunciation(facts('verifying'), { event: 'withdraw', date: '2026-09-01' }),
      ),
    ).toBe('CASE_WITHDRAWAL_NEEDS_ASSESSMENT');
  });

  it('the conclusion opens TC-5, TC-6 and TC-8; monitoring starts only after sending and handling it', () => {
    const concluded = transitionDenunciation(facts('verifying'), { event: 'conclude', date: '2026-09-20' });
    expect(concluded.effects.map((e) => ('ruleId' in e ? e.ruleId : `${e.kind}:${e.purpose}`))).toEqual([
      'settle:resolution',
      'TC-5',
      'TC-6',
      'TC-8',
    ]);
    expect(
      refusedWith(() =>
        transitionDenunciation(facts('concluded', { conclusionSent: true }), {
          event: 'start_monitoring',
          date: '2026-09-25',
        }),
      ),
    ).toBe('CASE_CONCLUSION_NOT_HANDLED');
    expect(
      transitionDenunciation(facts('concluded', { conclusionSent: true, conclusionHandled: true }), {
        event: 'start_monitoring',
        date: '2026-09-25',
      }).to,
    ).toBe('monitoring');
    expect(
      refusedWith(() =>
        transitionDenunciation(facts('concluded', { conclusionSent: true }), {
          event: 'send_conclusion',
          date: '2026-09-25',
        }),
      ),
    ).toBe('CASE_TRANSITION_NOT_ALLOWED');
  });

  const REDENUNCIATION: Record<
    Exclude<DenunciationTrack, 'denunciation' | 'anonymous_information'>,
    Partial<Record<DenunciationState, Partial<Record<DenunciationEvent, DenunciationState>>>>
  > = {
    // LTC art. 37: the superior reviews within 20 days (TC-10).
    redenunciation_wrong_resolution: {
      received: {
        review_no_re_resolution: 'closed',
        review_re_resolve: 'accepted',
        take_over: 'accepted',
        terminate: 'terminated',
      },
    },
    // LTC art. 38: the superior asks for a report (TC-11); the resolver reports (TC-12) or the superior takes over.
    redenunciation_overdue: {
      received: { request_report: 'awaiting_report', take_over: 'accepted', terminate: 'terminated' },
      awaiting_report: { report_received: 'closed', take_over: 'accepted', terminate: 'terminated' },
    },
  };

  it.each(
    (Object.keys(REDENUNCIATION) as (keyof typeof REDENUNCIATION)[]).flatMap((track) =>
      (['received', 'awaiting_report'] as const).flatMap((state) =>
        DENUNCIATION_EVENTS.map((e) => [track, state, e] as const),
      ),
    ),
  )('%s in state %s, step %s: allowed exactly as the law table says', (track, state, event) => {
    const expected = REDENUNCIATION[track][state]?.[event];
    const attempt = () =>
      transitionDenunciation(facts(state, { track }), { event, date: '2026-09-01', signsOfViolation: false });
    if (expected) expect(attempt().to).toBe(expected);
    else expect(refusedWith(attempt)).toBe('CASE_TRANSITION_NOT_ALLOWED');
  });

  it('re-denunciations open their review or report request on receipt', () => {
    expect(initialEffects('redenunciation_wrong_resolution', '2026-09-01')).toEqual([
      { kind: 'open', purpose: 'review', ruleId: 'TC-10', trigger: '2026-09-01' },
    ]);
    expect(initialEffects('redenunciation_overdue', '2026-09-01')).toEqual([
      { kind: 'open', purpose: 'report_request', ruleId: 'TC-11', trigger: '2026-09-01' },
    ]);
    expect(initialEffects('denunciation', '2026-09-01')).toEqual([]);
    expect(initialEffects('anonymous_information', '2026-09-01')).toEqual([]);
  });

  it('anonymous information is only inspected or forwarded, with no deadline and no notice', () => {
    const anon = facts('received', { track: 'anonymous_information' });
    expect(allowedDenunciationEvents(anon, '2026-09-01').sort()).toEqual(['forward', 'inspect']);
    expect(transitionDenunciation(anon, { event: 'inspect', date: '2026-09-01' })).toMatchObject({
      to: 'inspected',
      effects: [],
    });
    expect(transitionDenunciation(anon, { event: 'forward', date: '2026-09-01' })).toMatchObject({
      to: 'forwarded',
      effects: [],
    });
  });

  it('a pending TC-4 notice can be recorded as sent in any state, and only then', () => {
    for (const state of ['suspended', 'verifying', 'terminated'] as const) {
      const sent = transitionDenunciation(facts(state, { noticePending: true }), {
        event: 'send_notice',
        date: '2026-09-02',
      });
      expect(sent).toMatchObject({
        to: state,
        effects: [{ kind: 'settle', purpose: 'suspension_notice', outcome: 'met' }],
      });
    }
  });

  it('closed states allow no step', () => {
    for (const state of ['closed', 'refused', 'terminated'] as const) {
      expect(allowedDenunciationEvents(facts(state), '2026-09-01')).toEqual([]);
    }
  });
});

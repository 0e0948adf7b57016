import {
  registration,
  registrationProblems,
  requiredChecks,
  type LetterClassification,
  type RegistrationInput,
} from './letter-rules.js';

const TODAY = '2026-11-25';
const WRITER = {
  fullName: 'Phạm Thị Tố Cáo',
  idNumber: '079300001234',
  phone: '0973516284',
  address: 'Số 12, đường Lê Lợi',
};

const allPassed = (classification: LetterClassification) =>
  requiredChecks(classification).map((check) => ({ check, passed: true }));

/** A complaint letter by post with nothing wrong. */
function complaint(extra: Partial<RegistrationInput> = {}): RegistrationInput {
  return {
    receivedOn: '2026-11-20',
    classification: 'complaint',
    complaintTrack: 'first_time',
    channel: 'post',
    subject: 'Khiếu nại quyết định thu hồi đất',
    content: 'Tôi khiếu nại Quyết định số 45/QĐ-UBND ngày 02/10/2026.',
    eligibility: allPassed('complaint'),
    ...extra,
  };
}

const fields = (input: RegistrationInput, people: readonly object[] = [WRITER]) =>
  registrationProblems(input, people, TODAY).map((p) => p.field);

describe('registering a letter: the cross-field rules (TT 05/2021 art. 6–7; LTC art. 25, 56(2))', () => {
  it('accepts a complete complaint letter', () => {
    expect(fields(complaint())).toEqual([]);
  });

  it.each<[string, Partial<RegistrationInput>, object[] | undefined, string[]]>([
    ['a date in the future', { receivedOn: '2026-11-26' }, undefined, ['receivedOn']],
    ['a complaint without a track', { complaintTrack: null }, undefined, ['complaintTrack']],
    [
      'a complaint track on a petition',
      { classification: 'petition', eligibility: allPassed('petition') },
      undefined,
      ['complaintTrack'],
    ],
    ['no petitioner', {}, [], ['petitioners']],
    [
      'a petitioner on anonymous information',
      { classification: 'anonymous', complaintTrack: null, eligibility: allPassed('anonymous') },
      undefined,
      ['petitioners'],
    ],
    ['fewer people counted than listed', { petitionerCount: 0 }, undefined, ['petitionerCount']],
    ['a previous case on a first-time complaint', { previousCaseId: 'c-1' }, undefined, ['previousCaseId']],
    [
      'a re-denunciation without the case it is about',
      {
        classification: 'denunciation',
        complaintTrack: null,
        denunciationTrack: 'redenunciation_overdue',
        eligibility: allPassed('denunciation'),
      },
      undefined,
      ['previousCaseId'],
    ],
    [
      'a denunciation track on a complaint',
      { denunciationTrack: 'denunciation' },
      undefined,
      ['denunciationTrack'],
    ],
    ['a redacted copy of a complaint', { redactedContent: 'đã che' }, undefined, ['redactedContent']],
    ['a forwarded letter without its forwarder', { channel: 'press' }, undefined, ['forwardedBy']],
    ['a forwarder on a letter by post', { forwardedBy: 'Báo Tuổi Trẻ' }, undefined, ['forwardedBy']],
    ['a reception visit without the visit', { channel: 'reception_visit' }, undefined, ['visitId']],
    ['a visit on a letter by post', { visitId: 'v-1' }, undefined, ['visitId']],
    ['a check left unanswered', { eligibility: allPassed('complaint').slice(1) }, undefined, ['eligibility']],
  ])('refuses %s', (_what, change, people, expected) => {
    expect(fields(complaint(change), people)).toEqual(expected);
  });

  it('lists every problem of the form at once', () => {
    expect(
      fields(complaint({ receivedOn: '2027-01-01', complaintTrack: null, channel: 'press', visitId: 'v-1' })),
    ).toEqual(['receivedOn', 'complaintTrack', 'forwardedBy', 'visitId']);
  });

  describe('a denunciation: the writer is never in what readers see', () => {
    const denunciation = (extra: Partial<RegistrationInput> = {}) =>
      complaint({
        classification: 'denunciation',
        complaintTrack: null,
        subject: `Tố cáo của ${WRITER.fullName}`,
        content: `Tôi là ${WRITER.fullName}, điện thoại 0973 516 284, tố cáo ông Trần Văn B nhận hối lộ.`,
        eligibility: allPassed('denunciation'),
        ...extra,
      });

    it('redacts subject and content itself, keeping the rest of the text', () => {
      const r = registration(denunciation(), [WRITER], TODAY);
      expect(r.problems).toEqual([]);
      expect(r.protect).toBe(true);
      expect(r.denunciationTrack).toBe('denunciation');
      for (const text of [r.shown.subject, r.shown.content]) {
        expect(text).not.toContain('Tố Cáo');
        expect(text).not.toContain('516');
      }
      expect(r.shown.content).toContain('Trần Văn B nhận hối lộ');
    });

    it('refuses an officer’s redacted copy that still names the writer', () => {
      expect(
        fields(denunciation({ redactedContent: `Người tố cáo ${WRITER.fullName} tố cáo ông B.` })),
      ).toEqual(['redactedContent']);
    });

    it('refuses an officer’s copy with most of the writer’s number left in it', () => {
      expect(fields(denunciation({ redactedSubject: 'Tố cáo (liên hệ 0973 516 28x)' }))).toEqual([
        'redactedSubject',
      ]);
    });

    it('redacts notes on the eligibility checks, which describe the writer', () => {
      const eligibility = allPassed('denunciation').map((a, i) =>
        i === 0 ? { ...a, note: `Ký tên ${WRITER.fullName}` } : a,
      );
      const r = registration(denunciation({ eligibility }), [WRITER], TODAY);
      expect(r.eligibility.checks.map((c) => c.note ?? '').join(' ')).not.toContain('Tố Cáo');
    });
  });

  it('keeps a complaint’s text as written, cut to the subject column', () => {
    const long = 'K'.repeat(600);
    const r = registration(complaint({ subject: long }), [WRITER], TODAY);
    expect(r.protect).toBe(false);
    expect(r.shown.subject).toHaveLength(500);
    expect(r.shown.content).toBe(complaint().content);
  });
});

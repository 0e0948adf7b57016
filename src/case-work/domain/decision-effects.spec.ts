import { deadlinesOpenedBy, settlementOutcome, settlesProcessing } from './decision-effects.js';

const letter = (over: Partial<Parameters<typeof deadlinesOpenedBy>[0]> = {}) => ({
  classification: 'complaint',
  complaintTrack: 'first_time',
  denunciationTrack: null,
  receivedOn: '2026-12-01',
  ...over,
});

describe('a processing decision’s effects on deadlines (before it is taken)', () => {
  it('accepting a complaint opens KN-2, a disciplinary one KL-3, from the day the letter came', () => {
    expect(deadlinesOpenedBy(letter(), 'accept')).toEqual([
      { on: 'case', purpose: 'acceptance', ruleId: 'KN-2', trigger: '2026-12-01' },
    ]);
    expect(deadlinesOpenedBy(letter({ complaintTrack: 'disciplinary_second' }), 'accept')[0].ruleId).toBe(
      'KL-3',
    );
  });

  it('re-denunciations open TC-10 / TC-11; a denunciation and anonymous information open nothing yet', () => {
    const den = (track: string) =>
      deadlinesOpenedBy(
        letter({ classification: 'denunciation', complaintTrack: null, denunciationTrack: track }),
        'accept',
      ).map((d) => d.ruleId);
    expect(den('redenunciation_wrong_resolution')).toEqual(['TC-10']);
    expect(den('redenunciation_overdue')).toEqual(['TC-11']);
    expect(den('denunciation')).toEqual([]);
    expect(
      deadlinesOpenedBy(letter({ classification: 'anonymous', complaintTrack: null }), 'accept'),
    ).toEqual([]);
  });

  it('no other decision opens a deadline; every decision but accepting a denunciation settles XLD', () => {
    for (const d of ['guide', 'transfer', 'return', 'archive']) {
      expect(deadlinesOpenedBy(letter(), d)).toEqual([]);
      expect(settlesProcessing(letter(), d)).toBe(true);
    }
    const denunciation = letter({
      classification: 'denunciation',
      complaintTrack: null,
      denunciationTrack: 'denunciation',
    });
    expect(settlesProcessing(denunciation, 'accept')).toBe(false);
    expect(settlesProcessing(denunciation, 'archive')).toBe(true);
    expect(settlesProcessing(letter(), 'accept')).toBe(true);
  });

  it('met on or before the due date, missed after it', () => {
    expect(settlementOutcome('2026-12-11', '2026-12-11')).toBe('met');
    expect(settlementOutcome('2026-12-11', '2026-12-12')).toBe('missed');
  });
});

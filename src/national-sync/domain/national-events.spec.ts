import { COMPLAINT_EVENTS } from '../../complaints/domain/complaint-lifecycle.js';
import { DENUNCIATION_EVENTS } from '../../denunciations/domain/denunciation-lifecycle.js';
import {
  NATIONAL_EVENTS,
  idempotencyKey,
  nationalEventOfCaseStep,
  nationalRetryDelayMs,
  recordSyncStatus,
} from './national-events.js';

describe('national events (NĐ 55/2022/NĐ-CP art. 6, 8)', () => {
  it('maps every step of both case tracks to a national event', () => {
    for (const step of ['received', ...COMPLAINT_EVENTS, ...DENUNCIATION_EVENTS]) {
      expect(NATIONAL_EVENTS).toContain(nationalEventOfCaseStep(step));
    }
  });

  it.each([
    ['received', 'case.received'],
    ['accept', 'case.accepted'],
    ['suspend', 'case.suspended'],
    ['decide', 'case.decided'],
    ['conclude', 'case.concluded'],
    ['take_over', 'case.transferred'],
    ['hand_to_enforcement', 'case.enforcement'],
    ['start_verification', 'case.progress'],
  ])('the step %s is %s', (step, event) => {
    expect(nationalEventOfCaseStep(step)).toBe(event);
  });

  it('keys an event by record and sequence, stable across attempts', () => {
    expect(idempotencyKey('letter', 'abc', 2)).toBe('letter-abc-2');
  });

  it('backs off longer after each failure and gives up after the 8th', () => {
    const delays = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => nationalRetryDelayMs(n)!);
    expect(delays.every((d, i) => i === 0 || d > delays[i - 1])).toBe(true);
    expect(nationalRetryDelayMs(9)).toBeNull();
  });

  it("a record's status is its worst row's", () => {
    expect(recordSyncStatus([])).toBeNull();
    expect(recordSyncStatus(['acknowledged', 'sent'])).toBe('sent');
    expect(recordSyncStatus(['acknowledged', 'pending', 'failed'])).toBe('failed');
    expect(recordSyncStatus(['acknowledged'])).toBe('acknowledged');
  });
});

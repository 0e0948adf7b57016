import { grantUntil, requestStatus } from './reveal-labels';

describe('reveal requests as the console shows them', () => {
  it('names each status; an approved request that ran out says "Hết hạn"', () => {
    expect(
      [
        { status: 'pending', active: false },
        { status: 'approved', active: true },
        { status: 'approved', active: false },
        { status: 'refused', active: false },
      ].map(requestStatus),
    ).toEqual(['Chờ duyệt', 'Đang được xem', 'Hết hạn', 'Từ chối']);
  });

  it('keeps the panel open until the latest unexpired approval, and not for expired or pending ones', () => {
    expect(
      grantUntil([
        { active: true, expiresAt: '2026-12-07T10:00:00.000Z' },
        { active: true, expiresAt: '2026-12-07T12:30:00.000Z' },
        { active: false, expiresAt: '2026-12-08T00:00:00.000Z' },
        { active: false, expiresAt: null },
      ]),
    ).toBe('2026-12-07T12:30:00.000Z');
    expect(grantUntil([{ active: false, expiresAt: '2026-12-08T00:00:00.000Z' }])).toBeNull();
    expect(grantUntil([])).toBeNull();
  });
});

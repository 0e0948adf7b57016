import { REDACTION_MARK } from '../../identity/domain/identity-matcher.js';
import { daysSinceReceipt, QUEUE_SUMMARY_LENGTH, queueSummary } from './intake-queue.js';

const writer = {
  fullName: 'Nguyễn Văn Khánh',
  idNumber: '079301009901',
  phone: '0903123401',
  email: 'khanh.nv@example.vn',
  address: 'Số 12 đường Lê Lợi, phường Bến Thành',
};

describe('the intake queue summary', () => {
  it("cuts the writer's name, numbers and e-mail out of the subject, however typed", () => {
    const summary = queueSummary(
      'Ông nguyen van KHANH (0903.123.401, khanh.nv@example.vn) khiếu nại quyết định thu hồi đất',
      [writer],
    );
    expect(summary).toBe(
      `Ông ${REDACTION_MARK} (${REDACTION_MARK}, ${REDACTION_MARK}) khiếu nại quyết định thu hồi đất`,
    );
  });

  it('redacts before shortening: a name at the cut is still cut out, never half shown', () => {
    const lead =
      'Khiếu nại quyết định hành chính về việc bồi thường, hỗ trợ khi Nhà nước thu hồi đất nông nghiệp của hộ';
    const subject = `${lead} ${writer.fullName} tại xã Tân Lập, huyện Long Thành và các hộ liền kề khác nữa`;
    const summary = queueSummary(subject, [writer]);
    expect(summary.length).toBeLessThanOrEqual(QUEUE_SUMMARY_LENGTH);
    expect(summary.endsWith('…')).toBe(true);
    expect(summary.toLowerCase()).not.toMatch(/khanh|khánh/);
    // Without redaction the cut would keep the name's first words.
    expect(subject.slice(0, QUEUE_SUMMARY_LENGTH)).toContain('Nguyễn Văn');
  });

  it('never ends inside a redaction mark, and keeps a short subject whole (spaces folded)', () => {
    const pad = 'x'.repeat(QUEUE_SUMMARY_LENGTH - 4);
    const summary = queueSummary(`${pad} ${writer.phone} thêm`, [writer]);
    expect(summary).toBe(`${pad}…`);
    expect(queueSummary('  Kiến nghị\n về   đường  ', [])).toBe('Kiến nghị về đường');
  });

  it('counts calendar days since receipt, never negative', () => {
    expect(daysSinceReceipt('2026-11-25', '2026-11-25')).toBe(0);
    expect(daysSinceReceipt('2026-11-25', '2026-12-07')).toBe(12);
    expect(daysSinceReceipt('2026-12-08', '2026-12-07')).toBe(0);
  });
});

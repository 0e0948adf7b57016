import { deadlineStatusText } from './deadline-status';

describe('a deadline’s state in Vietnamese', () => {
  it('says a step done after its due date was done late, and one done in time was done in time', () => {
    expect(deadlineStatusText('resolution', 'missed')).toBe('Đã thực hiện nhưng quá hạn');
    expect(deadlineStatusText('resolution', 'met')).toBe('Đã thực hiện trong thời hạn');
    expect(deadlineStatusText('acceptance', 'open')).toBe('Chưa thực hiện');
    expect(deadlineStatusText('resolution', 'paused')).toBe('Tạm dừng tính thời hạn');
    expect(deadlineStatusText('resolution', 'cancelled')).toBe('Không còn áp dụng');
  });

  it('never calls a legal-effect period (KN-9) "done late": the decision has become legally effective', () => {
    // The engine files it `missed`: legal effect is recorded from the day after the period ends.
    expect(deadlineStatusText('legal_effect', 'missed')).toBe('Quyết định đã có hiệu lực pháp luật');
    expect(deadlineStatusText('legal_effect', 'open')).toBe('Đang tính thời hạn');
    expect(deadlineStatusText('legal_effect', 'cancelled')).toBe('Không còn áp dụng');
    expect(deadlineStatusText('second_complaint_window', 'missed')).toBe('Đã kết thúc');
  });

  it('shows an unknown state as it is', () => {
    expect(deadlineStatusText('resolution', 'something_new')).toBe('something_new');
  });
});

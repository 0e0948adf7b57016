// A case deadline's state as Vietnamese officers say it. Pure (no imports): unit-tested by jest
// (web/src/lib/deadline-status.spec.ts).
//
// Most deadlines are for a step the agency must take (thụ lý, giải quyết, gửi quyết định…): done by the
// due date or after it. Two are periods that simply run out, with nothing to "complete late":
// - `legal_effect` (KN-9 / KL-6): the decision takes legal effect when the period has ended (LKN arts.
//   44, 57) — it is recorded on or after the day after the due date, so the engine files it as `missed`;
//   it is not "hoàn thành quá hạn", the decision has become legally effective;
// - `second_complaint_window` (KN-5 / KL-2): the complainant's time to complain again or sue; it ends
//   with a second complaint, a lawsuit, or the decision's legal effect — not the agency's step.

const STEP_STATUS: Record<string, string> = {
  open: 'Chưa thực hiện',
  paused: 'Tạm dừng tính thời hạn',
  met: 'Đã thực hiện trong thời hạn',
  missed: 'Đã thực hiện nhưng quá hạn',
  cancelled: 'Không còn áp dụng',
};

const PERIOD_STATUS: Record<string, Record<string, string>> = {
  legal_effect: {
    open: 'Đang tính thời hạn',
    met: 'Quyết định đã có hiệu lực pháp luật',
    missed: 'Quyết định đã có hiệu lực pháp luật',
  },
  second_complaint_window: {
    open: 'Đang tính thời hạn',
    met: 'Đã kết thúc',
    missed: 'Đã kết thúc',
  },
};

/** The state of a deadline of `purpose`, in Vietnamese. */
export function deadlineStatusText(purpose: string, status: string): string {
  return PERIOD_STATUS[purpose]?.[status] ?? STEP_STATUS[status] ?? status;
}

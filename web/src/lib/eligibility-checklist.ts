/**
 * The eligibility checklist of a letter, per kind: the conditions for processing a complaint, a
 * denunciation, a petition and anonymous information, each with what to look for and its legal basis
 * (../shared/docs/legal-reference.md §4 — TT 05/2021/TT-TTCP art. 6 —, §5.1 — LKN art. 8 —, §6.1 —
 * LTC art. 23 —, §6.2 — LTC art. 25(2)). The checks are the API's (`requiredChecks` in
 * src/letters/domain/letter-rules.ts); a unit test keeps them equal, kind by kind.
 */
export interface ChecklistItem {
  check: string;
  label: string;
  basis: string;
}

const TT05 = 'Điều 6 Thông tư 05/2021/TT-TTCP';

const common = {
  language: {
    check: 'language',
    label: 'Viết bằng tiếng Việt (tiếng nước ngoài phải kèm bản dịch có công chứng)',
    basis: TT05,
  },
  lawful_content: {
    check: 'lawful_content',
    label:
      'Không có nội dung chống phá chủ trương, chính sách của Nhà nước, chia rẽ đoàn kết; không có lời lẽ thô tục, bôi nhọ, xúc phạm',
    basis: TT05,
  },
  legible: {
    check: 'legible',
    label: 'Đọc được; tệp kèm theo mở được, không rách nát, tẩy xóa',
    basis: TT05,
  },
} satisfies Record<string, ChecklistItem>;

const CHECKLISTS: Record<string, ChecklistItem[]> = {
  complaint: [
    common.language,
    { check: 'dated', label: 'Ghi rõ ngày, tháng, năm khiếu nại', basis: 'khoản 2 Điều 8 Luật Khiếu nại' },
    {
      check: 'identified_and_signed',
      label:
        'Có họ tên, địa chỉ của người khiếu nại (đơn gửi trực tuyến: họ tên, địa chỉ, số căn cước người gửi đã khai thay chữ ký)',
      basis: 'khoản 2 Điều 8 Luật Khiếu nại',
    },
    {
      check: 'content_complete',
      label:
        'Nêu tên, địa chỉ cơ quan, người bị khiếu nại; nội dung, lý do khiếu nại, tài liệu liên quan và yêu cầu giải quyết',
      basis: 'khoản 2 Điều 8 Luật Khiếu nại',
    },
    common.lawful_content,
    common.legible,
  ],
  denunciation: [
    common.language,
    { check: 'dated', label: 'Ghi rõ ngày, tháng, năm tố cáo', basis: 'khoản 1 Điều 23 Luật Tố cáo' },
    {
      check: 'identified_and_signed',
      label:
        'Có họ tên, địa chỉ, cách thức liên hệ của người tố cáo (thiếu: xử lý như thông tin tố cáo không ghi tên, Điều 25 Luật Tố cáo)',
      basis: 'khoản 1 Điều 23 Luật Tố cáo',
    },
    {
      check: 'content_complete',
      label: 'Nêu hành vi vi phạm pháp luật bị tố cáo, người bị tố cáo và thông tin khác có liên quan',
      basis: 'khoản 1 Điều 23 Luật Tố cáo',
    },
    common.lawful_content,
    common.legible,
  ],
  petition: [
    common.language,
    { check: 'dated', label: 'Ghi rõ ngày, tháng, năm viết đơn', basis: TT05 },
    {
      check: 'identified_and_signed',
      label: 'Có họ tên, địa chỉ của người kiến nghị, phản ánh',
      basis: TT05,
    },
    { check: 'content_complete', label: 'Nêu rõ nội dung kiến nghị, phản ánh', basis: TT05 },
    common.lawful_content,
    common.legible,
  ],
  anonymous: [
    common.language,
    common.lawful_content,
    common.legible,
    {
      check: 'names_violator',
      label: 'Nêu rõ người có hành vi vi phạm pháp luật',
      basis: 'khoản 2 Điều 25 Luật Tố cáo',
    },
    {
      check: 'has_evidence',
      label: 'Có tài liệu, chứng cứ cụ thể về hành vi vi phạm',
      basis: 'khoản 2 Điều 25 Luật Tố cáo',
    },
    {
      check: 'verifiable',
      label: 'Có cơ sở để kiểm tra, xác minh',
      basis: 'khoản 2 Điều 25 Luật Tố cáo; Điều 20 Nghị định 31/2019/NĐ-CP',
    },
  ],
};

/** The checklist of a letter of this kind (a mixed letter is split first: it has the complaint's). */
export function eligibilityChecklist(classification: string): ChecklistItem[] {
  return CHECKLISTS[classification] ?? CHECKLISTS.complaint;
}

/** What the officer is told the outcome will be, before saving. */
export function checklistOutcome(classification: string, passed: readonly string[]): string {
  const failed = eligibilityChecklist(classification).filter((c) => !passed.includes(c.check)).length;
  if (failed === 0) return 'Đủ điều kiện xử lý.';
  return classification === 'anonymous'
    ? `Chưa đủ điều kiện (${failed} điều kiện không đạt): thông tin không có cơ sở kiểm tra, xác minh thì không xử lý (khoản 2 Điều 25 Luật Tố cáo).`
    : `Chưa đủ điều kiện xử lý (${failed} điều kiện không đạt): khi quyết định xử lý, có thể lưu đơn hoặc hướng dẫn người viết đơn (${TT05}).`;
}

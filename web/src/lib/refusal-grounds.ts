// Legal grounds for refusing a visit (LTCD art. 9; NĐ 154/2026/NĐ-CP art. 4), as the API's domain names
// them (src/reception/domain/reception-book.ts); a unit test keeps the two equal.
export const REFUSAL_GROUNDS: readonly { code: string; legalBasis: string; vi: string }[] = [
  {
    code: 'ltcd_9_1_not_in_control',
    legalBasis: 'LTCD 42/2013/QH13 art. 9(1)',
    vi: 'Trong tình trạng say do dùng chất kích thích, mắc bệnh tâm thần hoặc bệnh khác làm mất khả năng nhận thức, điều khiển hành vi',
  },
  {
    code: 'ltcd_9_2_disorderly',
    legalBasis: 'LTCD 42/2013/QH13 art. 9(2)',
    vi: 'Có hành vi đe dọa, xúc phạm cơ quan, tổ chức, người tiếp công dân hoặc vi phạm nội quy nơi tiếp công dân',
  },
  {
    code: 'ltcd_9_3_already_resolved',
    legalBasis: 'LTCD 42/2013/QH13 art. 9(3); NĐ 154/2026/NĐ-CP art. 4(2)',
    vi: 'Khiếu nại, tố cáo đã được giải quyết đúng chính sách, pháp luật, được kiểm tra, rà soát, thông báo bằng văn bản nhưng vẫn cố tình khiếu nại, tố cáo kéo dài',
  },
  {
    code: 'nd154_weapons',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Mang theo vũ khí, vật liệu nổ, công cụ hỗ trợ hoặc vật nguy hiểm và không chấp hành việc gửi lại',
  },
  {
    code: 'nd154_security_screening',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Không chấp hành việc kiểm tra an ninh',
  },
  {
    code: 'nd154_recording',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Ghi âm, ghi hình, phát trực tiếp khi đã được yêu cầu không thực hiện hoặc gây mất trật tự',
  },
  {
    code: 'nd154_inciting',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Kích động, gây rối trật tự công cộng',
  },
  {
    code: 'nd154_no_civil_capacity',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Không có năng lực hành vi dân sự đầy đủ mà không có người đại diện hợp pháp',
  },
  {
    code: 'nd154_no_authority',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Người đại diện, người được ủy quyền không có giấy tờ chứng minh tính hợp pháp của việc đại diện',
  },
  {
    code: 'nd154_not_a_petition',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Nội dung không phải là khiếu nại, tố cáo, kiến nghị, phản ánh',
  },
  {
    code: 'nd154_repeated_petition',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)(h), 4(3)',
    vi: 'Kiến nghị, phản ánh đã được trả lời đúng quy định nhưng vẫn tiếp tục kiến nghị, phản ánh mà không có tình tiết mới',
  },
  {
    code: 'nd154_court_judgment',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Vụ việc đã có bản án, quyết định của Tòa án có hiệu lực pháp luật, không thuộc trường hợp xem xét lại',
  },
  {
    code: 'nd154_handled_elsewhere',
    legalBasis: 'NĐ 154/2026/NĐ-CP art. 4(1)',
    vi: 'Vụ việc đang được cơ quan có thẩm quyền khác thụ lý, giải quyết',
  },
];

/**
 * What a unit is, which decides its head's legal duties (e.g. how often the head must receive citizens:
 * LTCD art. 12(5), 15(2)(d), 18(2); NĐ 154/2026 art. 9–10) and where an agency's tree starts.
 */
export const UNIT_KINDS = [
  'province', // Ủy ban nhân dân tỉnh/thành phố — provincial People's Committee
  'commune', // Ủy ban nhân dân xã/phường/đặc khu — commune-level People's Committee
  'agency', // cơ quan hành chính nhà nước: sở, ban, ngành — a state administrative agency (department)
  'inspectorate', // Thanh tra — inspectorate
  'office', // Văn phòng — office
  'division', // phòng, ban chuyên môn — division
  'public_service_unit', // đơn vị sự nghiệp công lập: trường học, bệnh viện — public service unit (school)
  'other',
] as const;

export type UnitKind = (typeof UNIT_KINDS)[number];

/** Kinds whose head leads an agency: an inspectorate leader watches the whole tree under one. */
export const AGENCY_KINDS: readonly UnitKind[] = ['province', 'commune', 'agency'];

export const UNIT_CODE_PATTERN = /^[A-Z0-9][A-Z0-9._-]{1,39}$/;

import type { Role } from '../auth/domain/roles.js';
import type { UnitKind } from '../units/domain/unit-kind.js';

/**
 * A provincial Department of Education and Training like the one of the 2023 plan in shared/seed
 * (Sở Giáo dục và Đào tạo tỉnh Bình Phước), with commune-level units and one remote area.
 */
export interface DemoUnit {
  code: string;
  name: string;
  kind: UnitKind;
  parent?: string;
  remoteReason?: string;
  receptionAddress?: string;
}

export const DEMO_UNITS: DemoUnit[] = [
  {
    code: 'UBND-BP',
    name: 'Ủy ban nhân dân tỉnh Bình Phước',
    kind: 'province',
    receptionAddress: 'Trụ sở Ban Tiếp công dân tỉnh, phường Đồng Xoài',
  },
  {
    code: 'SGDDT',
    name: 'Sở Giáo dục và Đào tạo tỉnh Bình Phước',
    kind: 'agency',
    parent: 'UBND-BP',
    receptionAddress: 'Phòng tiếp công dân, tầng 1, trụ sở Sở Giáo dục và Đào tạo, phường Đồng Xoài',
  },
  { code: 'SGDDT-VP', name: 'Văn phòng Sở', kind: 'office', parent: 'SGDDT' },
  { code: 'SGDDT-TTR', name: 'Thanh tra Sở', kind: 'inspectorate', parent: 'SGDDT' },
  { code: 'SGDDT-GDTRH', name: 'Phòng Giáo dục Trung học', kind: 'division', parent: 'SGDDT' },
  { code: 'SGDDT-GDMNTH', name: 'Phòng Giáo dục Mầm non - Tiểu học', kind: 'division', parent: 'SGDDT' },
  { code: 'SGDDT-TCCB', name: 'Phòng Tổ chức cán bộ', kind: 'division', parent: 'SGDDT' },
  { code: 'THPT-DONGXOAI', name: 'Trường THPT Đồng Xoài', kind: 'public_service_unit', parent: 'SGDDT' },
  {
    code: 'PTDTNT-TINH',
    name: 'Trường Phổ thông Dân tộc nội trú tỉnh',
    kind: 'public_service_unit',
    parent: 'SGDDT',
  },
  { code: 'XA-TANTIEN', name: 'Ủy ban nhân dân xã Tân Tiến', kind: 'commune', parent: 'UBND-BP' },
  {
    code: 'XA-TANTIEN-VHXH',
    name: 'Phòng Văn hóa - Xã hội xã Tân Tiến',
    kind: 'division',
    parent: 'XA-TANTIEN',
  },
  {
    code: 'TH-TANTIEN',
    name: 'Trường Tiểu học Tân Tiến',
    kind: 'public_service_unit',
    parent: 'XA-TANTIEN-VHXH',
  },
  {
    code: 'XA-DAKO',
    name: 'Ủy ban nhân dân xã Đắk Ơ',
    kind: 'commune',
    parent: 'UBND-BP',
    remoteReason: 'Xã biên giới, đặc biệt khó khăn; đi lại khó khăn',
  },
  {
    code: 'XA-DAKO-VHXH',
    name: 'Phòng Văn hóa - Xã hội xã Đắk Ơ',
    kind: 'division',
    parent: 'XA-DAKO',
    remoteReason: 'Thuộc xã biên giới, đặc biệt khó khăn',
  },
  {
    code: 'PTDTBT-DAKO',
    name: 'Trường Phổ thông Dân tộc bán trú Tiểu học Đắk Ơ',
    kind: 'public_service_unit',
    parent: 'XA-DAKO-VHXH',
    remoteReason: 'Thuộc xã biên giới, đặc biệt khó khăn',
  },
];

export interface DemoUser {
  email: string;
  fullName: string;
  title: string;
  unit: string;
  roles: Role[];
  /** Demo only: printed when the demo starts. Real accounts get their passwords from an administrator. */
  password: string;
}

export const DEMO_USERS: DemoUser[] = [
  {
    email: 'admin@tiepdan.demo',
    fullName: 'Trần Văn Quản',
    title: 'Quản trị hệ thống',
    unit: 'SGDDT-VP',
    roles: ['admin'],
    password: 'demo-quantri-2026',
  },
  {
    email: 'chanhthanhtra@tiepdan.demo',
    fullName: 'Nguyễn Thị Thanh',
    title: 'Chánh Thanh tra Sở',
    unit: 'SGDDT-TTR',
    roles: ['inspectorate_leader'],
    password: 'demo-thanhtra-2026',
  },
  {
    email: 'giamdoc@tiepdan.demo',
    fullName: 'Lê Minh Đức',
    title: 'Giám đốc Sở',
    unit: 'SGDDT',
    roles: ['unit_head'],
    password: 'demo-lanhdaoso-2026',
  },
  {
    email: 'truongphong.trh@tiepdan.demo',
    fullName: 'Phạm Quốc Hùng',
    title: 'Trưởng phòng Giáo dục Trung học',
    unit: 'SGDDT-GDTRH',
    roles: ['unit_head'],
    password: 'demo-truongphong-2026',
  },
  {
    email: 'tiepdan@tiepdan.demo',
    fullName: 'Võ Thị Hoa',
    title: 'Cán bộ tiếp công dân',
    unit: 'SGDDT',
    roles: ['reception_officer'],
    password: 'demo-tiepcongdan-2026',
  },
  {
    email: 'xacminh@tiepdan.demo',
    fullName: 'Đặng Văn Minh',
    title: 'Thanh tra viên',
    unit: 'SGDDT-TTR',
    roles: ['case_handler'],
    password: 'demo-canboxm-2026',
  },
  {
    email: 'baomat@tiepdan.demo',
    fullName: 'Hoàng Thị Mai',
    title: 'Cán bộ quản lý thông tin người tố cáo',
    // In the department, where the demo's letters are: a custodian decides reveal requests for the letters
    // of their own units' subtree (docs/identity-protection.md), and the inspectorate is beside it.
    unit: 'SGDDT',
    roles: ['identity_custodian'],
    password: 'demo-nguoigiu-2026',
  },
];

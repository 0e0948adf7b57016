/**
 * The roles of tiepdan (docs/security.md) and what each may do. This table is the one place
 * permissions are granted; every route declares the permission it needs (`@RequirePermission`).
 */
export const ROLES = [
  'admin', // quản trị: units, users, roles, calendars, policy settings
  'inspectorate_leader', // lãnh đạo Thanh tra: watches every unit of its agency, gets escalations
  'unit_head', // thủ trưởng đơn vị: accepts cases, decides, answers for the unit's deadlines
  'reception_officer', // cán bộ tiếp công dân: reception book, letters, classification
  'case_handler', // người được giao xác minh: verification, dialogue, drafts; never sees a denouncer
  'identity_custodian', // người quản lý thông tin người tố cáo: holds and discloses denouncer identity
] as const;

export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  'units:read',
  'units:write',
  'users:read',
  'users:write',
  'audit:read',
  // Reception (docs/reception.md): schedules, sessions and the reception book without citizens' data…
  'reception:read',
  // …recording visits and managing places, schedules and sessions…
  'reception:write',
  // …and the citizens' personal data in the book (names, addresses, căn cước numbers, phones).
  'reception:personal_data',
  // Working-day calendars (docs/deadlines.md): every signed-in role reads them (deadlines depend on them)…
  'calendars:read',
  // …administrators change them (days off, make-up days, confirmed years, imports).
  'calendars:write',
  // The deadline calculator (POST /api/v1/deadlines/preview): every signed-in role.
  'deadlines:preview',
  // Letters (docs/letters-and-cases.md): reading them without who wrote them…
  'letters:read',
  // …logging, classifying, splitting and deciding them…
  'letters:write',
  // …and the petitioners' identities (decrypted; every read audited).
  'letters:personal_data',
  // Complaint cases: reading them and the work lists…
  'cases:read',
  // …the handler's steps (verification, dialogue, sending the decision, recording legal effect)…
  'cases:handle',
  // …and the head's decisions (accept, decide, suspend, continue, terminate, flags, assignment).
  'cases:manage',
  // Identity protection (docs/identity-protection.md): asking to see a denouncer's identity, and listing
  // one's requests (custodians: their units' requests)…
  'identity:request',
  // …and keeping it: seeing every protected identity of one's units, deciding reveal requests,
  // recording a denouncer's own disclosure or waiver.
  'identity:custody',
  // Periodic reports, their exports and the inspectorate dashboard (aggregates, never personal data).
  'reports:read',
  // Reporting schedules of one's agencies and their upcoming reporting deadlines (docs/reports.md)…
  'reports:deadlines',
  // …and configuring them: which reports an agency owes, when, whom to remind.
  'reports:configure',
  // Enforcement of final decisions (docs/enforcement.md: KN-11, TC-6, TC-9): the records, their
  // obligations, progress reports, evidence and the inspectorate's backlog…
  'enforcement:read',
  // …and directing it: setting obligations, reporting progress, attaching evidence.
  'enforcement:write',
  // Webhook endpoints (docs/notifications.md): registering other systems that receive signed events.
  'webhooks:manage',
  // Escalation ladders kept as data (docs/escalations.md, ADR 0017): reading and changing who hears about
  // a deadline and when, for every agency or for one agency of one's units.
  'escalations:configure',
  // A data subject's request (docs/personal-data.md; Law 91/2025/QH15): finding everything held about a
  // person in one's units, exporting it decrypted and correcting it, every step audited.
  'personal_data:subject_access',
] as const;

export type Permission = (typeof PERMISSIONS)[number];

/** Role → permissions. Reading is always limited to the role's unit scope (src/units/unit-scope.ts). */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  admin: [
    'units:read',
    'units:write',
    'users:read',
    'users:write',
    'audit:read',
    'reception:read',
    'calendars:read',
    'calendars:write',
    'deadlines:preview',
    'webhooks:manage',
    'reports:deadlines',
    'reports:configure',
    'escalations:configure',
  ],
  inspectorate_leader: [
    'units:read',
    'users:read',
    'audit:read',
    'reception:read',
    'reception:personal_data',
    'calendars:read',
    'deadlines:preview',
    'letters:read',
    'letters:personal_data',
    'cases:read',
    'identity:request',
    'enforcement:read',
    'reports:read',
    'reports:deadlines',
    'reports:configure',
  ],
  unit_head: [
    'units:read',
    'users:read',
    'reception:read',
    'reception:write',
    'reception:personal_data',
    'calendars:read',
    'deadlines:preview',
    'letters:read',
    'letters:write',
    'letters:personal_data',
    'cases:read',
    'cases:handle',
    'cases:manage',
    'identity:request',
    'enforcement:read',
    'enforcement:write',
    'reports:read',
    'reports:deadlines',
  ],
  reception_officer: [
    'units:read',
    'reception:read',
    'reception:write',
    'reception:personal_data',
    'calendars:read',
    'deadlines:preview',
    'letters:read',
    'letters:write',
    'letters:personal_data',
    'cases:read',
    'identity:request',
    'enforcement:read',
  ],
  // Case handlers see the book's content and deadlines, never who came (legal-reference §3.4).
  case_handler: [
    'units:read',
    'reception:read',
    'calendars:read',
    'deadlines:preview',
    'letters:read',
    'cases:read',
    'cases:handle',
    'identity:request',
    'enforcement:read',
    'enforcement:write',
  ],
  // Custodians hold denouncers' identities (LTC art. 47): they read letters to judge reveal requests.
  identity_custodian: [
    'units:read',
    'calendars:read',
    'deadlines:preview',
    'letters:read',
    'identity:request',
    'identity:custody',
    // The data-protection duty sits with those who already hold the most protected data (docs/personal-data.md).
    'personal_data:subject_access',
  ],
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}

export function permissionsOf(roles: readonly Role[]): Set<Permission> {
  return new Set(roles.flatMap((r) => ROLE_PERMISSIONS[r]));
}

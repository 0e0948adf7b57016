import { auditEntryProblems, type AuditEntryFields } from './entry.js';

const valid: AuditEntryFields = {
  action: 'case.accept',
  entityType: 'case',
  entityId: '0193a7c2-5f1e-7c3a-9b1d-2f4e6a8c0d12',
  unitId: null,
  actorUserId: '0193a7c2-5f1e-7c3a-9b1d-2f4e6a8c0d13',
  actorUnitId: null,
  requestId: null,
  clientIp: null,
};

describe('audit entry fields', () => {
  it('accepts machine words, opaque ids and UUIDs', () => {
    expect(auditEntryProblems(valid)).toEqual([]);
    expect(auditEntryProblems({ ...valid, action: 'login_failed', entityId: 'KN-2026:17' })).toEqual([]);
  });

  it.each<[string, Partial<AuditEntryFields>, string]>([
    ['an action with capitals', { action: 'Update' }, 'action'],
    ['an action starting with a digit', { action: '1create' }, 'action'],
    ['an empty action', { action: '' }, 'action'],
    ['an action longer than 64', { action: 'a'.repeat(65) }, 'action'],
    ['an entity type with a space', { entityType: 'unit x' }, 'entityType'],
    ['an entity id of free text', { entityId: 'Nguyễn Văn A' }, 'entityId'],
    ['a unit id that is not a UUID', { unitId: 'unit-1' }, 'unitId'],
  ])('rejects %s, naming the field but not its value', (_name, change, field) => {
    const problems = auditEntryProblems({ ...valid, ...change });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${field} `));
    for (const value of Object.values(change)) if (value) expect(problems[0]).not.toContain(value);
  });
});

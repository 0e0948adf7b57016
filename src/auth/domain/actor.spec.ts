import { actorWithPermission, SYSTEM_ACTOR, type Actor } from './actor.js';
import { permissionsOf, type Role } from './roles.js';

const actor = (roles: Role[], scope: string[] | null): Actor => ({
  userId: 'u1',
  unitId: 'inspectorate',
  roles,
  permissions: permissionsOf(roles),
  scopeRootUnitIds: scope,
  requestId: null,
  clientIp: null,
});

describe('actorWithPermission', () => {
  it('narrows an inspectorate leader who is also a unit head to their own unit for cases:manage', () => {
    const both = actor(['inspectorate_leader', 'unit_head'], ['inspectorate', 'agency']);
    const head = actorWithPermission(both, 'cases:manage');
    expect(head.scopeRootUnitIds).toEqual(['inspectorate']);
    expect(head.roles).toEqual(['unit_head']);
    // cases:read is granted by the leader's role too: the agency stays.
    expect(actorWithPermission(both, 'cases:read').scopeRootUnitIds).toEqual(['inspectorate', 'agency']);
  });

  it('gives no unit to an actor without the permission', () => {
    const handler = actorWithPermission(actor(['case_handler'], ['inspectorate']), 'cases:manage');
    expect(handler.scopeRootUnitIds).toEqual([]);
    expect(handler.permissions.has('cases:manage')).toBe(false);
  });

  it('leaves the system unchanged', () => {
    expect(actorWithPermission(SYSTEM_ACTOR, 'cases:manage')).toBe(SYSTEM_ACTOR);
  });
});

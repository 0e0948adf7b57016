import type { INestApplicationContext } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import request from 'supertest';
import type { App } from 'supertest/types.js';
import { SYSTEM_ACTOR } from '../../src/auth/domain/actor.js';
import { ROLES, type Role } from '../../src/auth/domain/roles.js';
import type { UnitView } from '../../src/units/dto/unit.dto.js';
import type { UnitKind } from '../../src/units/domain/unit-kind.js';
import { UnitsService } from '../../src/units/units.service.js';
import { UsersService } from '../../src/users/users.service.js';

export const TEST_PASSWORD = 'a-long-test-password';

export const uniqueCode = (prefix = 'U') => `${prefix}-${randomBytes(5).toString('hex').toUpperCase()}`;
export const uniqueEmail = (prefix = 'user') => `${prefix}.${randomBytes(5).toString('hex')}@test.tiepdan.vn`;

/** Builds organisation data through the real services (as the system), so every row is audited. */
export class Fixtures {
  constructor(private readonly app: INestApplicationContext) {}

  unit(
    name: string,
    kind: UnitKind,
    parentId?: string,
    extra: { remoteReason?: string } = {},
  ): Promise<UnitView> {
    return this.app.get(UnitsService).create(SYSTEM_ACTOR, {
      code: uniqueCode(kind.slice(0, 3).toUpperCase()),
      name,
      kind,
      parentId,
      remote: extra.remoteReason !== undefined,
      remoteReason: extra.remoteReason,
    });
  }

  async user(unitId: string, roles: Role[], password = TEST_PASSWORD) {
    return this.app.get(UsersService).create(SYSTEM_ACTOR, {
      email: uniqueEmail(roles[0] ?? 'nobody'),
      fullName: `Cán bộ ${roles.join(' ')}`,
      unitId,
      roles,
      password,
    });
  }
}

export async function login(server: App, email: string, password = TEST_PASSWORD) {
  const res = await request(server).post('/api/v1/auth/login').send({ email, password });
  if (res.status !== 200)
    throw new Error(`login failed for ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { accessToken: string; refreshToken: string; expiresIn: number };
}

/**
 * Two agencies under one province. Every role's user sits in agency A (the inspectorate leader in its
 * inspectorate, the others in division A), so division A's subtree is in everyone's scope and agency B's
 * in no one's but the admin's.
 */
export async function twoAgencies(app: INestApplicationContext) {
  const f = new Fixtures(app);
  const province = await f.unit('Ủy ban nhân dân tỉnh Thử nghiệm', 'province');
  const agencyA = await f.unit('Sở A', 'agency', province.id);
  const inspectorateA = await f.unit('Thanh tra Sở A', 'inspectorate', agencyA.id);
  const divisionA = await f.unit('Phòng A1', 'division', agencyA.id);
  const schoolA = await f.unit('Trường A1', 'public_service_unit', divisionA.id);
  const agencyB = await f.unit('Sở B', 'agency', province.id);
  const divisionB = await f.unit('Phòng B1', 'division', agencyB.id);
  const schoolB = await f.unit('Trường B1', 'public_service_unit', divisionB.id);
  const users = {} as Record<Role, { id: string; email: string }>;
  for (const role of ROLES) {
    const unitId = role === 'inspectorate_leader' ? inspectorateA.id : divisionA.id;
    users[role] = await f.user(unitId, [role]);
  }
  const outsider = await f.user(divisionB.id, ['case_handler']);
  return {
    f,
    province,
    agencyA,
    inspectorateA,
    divisionA,
    schoolA,
    agencyB,
    divisionB,
    schoolB,
    users,
    outsider,
  };
}

import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import { SYSTEM_ACTOR } from '../auth/domain/actor.js';
import { PasswordService } from '../auth/password.service.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { AppConfig } from '../config/app-config.js';
import { UnitEntity } from '../units/unit.entity.js';
import { UserRoleEntity } from './user-role.entity.js';
import { UserEntity } from './user.entity.js';

export interface FirstAdminInput {
  email: string;
  password: string;
  fullName: string;
  unitCode: string;
  unitName?: string;
}

/**
 * The first administrator: from BOOTSTRAP_ADMIN_* at first start (only while no account exists) or from
 * `npm run admin:create`. No default password exists outside the demo data.
 */
@Injectable()
export class FirstAdminService implements OnApplicationBootstrap {
  private readonly logger = new Logger(FirstAdminService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const b = this.config.bootstrap;
    if (!b.adminEmail || !b.adminPassword || !b.rootUnitCode) return;
    const [{ n }] = await this.dataSource.query('SELECT COUNT(*) AS n FROM users');
    if (Number(n) > 0) return;
    await this.createAdmin({
      email: b.adminEmail,
      password: b.adminPassword,
      fullName: b.adminName ?? 'Quản trị hệ thống',
      unitCode: b.rootUnitCode,
      unitName: b.rootUnitName,
    });
    this.logger.log('first administrator created from BOOTSTRAP_ADMIN_* settings');
  }

  /** Creates an admin in the unit with `unitCode` (created as a root unit when missing). Idempotent per e-mail. */
  async createAdmin(input: FirstAdminInput): Promise<{ userId: string; created: boolean }> {
    const email = input.email.trim().toLowerCase();
    const problems = this.passwords.problems(input.password, { email, fullName: input.fullName });
    if (problems.length) throw new Error(`the password ${problems.join(', ')}`);
    const passwordHash = await this.passwords.hash(input.password);
    return this.dataSource.transaction(async (manager) => {
      const existing = await manager.findOneBy(UserEntity, { email });
      if (existing) return { userId: existing.id, created: false };
      let unit = await manager.findOneBy(UnitEntity, { code: input.unitCode });
      if (!unit) {
        const unitId = uuid7();
        await manager.insert(UnitEntity, {
          id: unitId,
          code: input.unitCode,
          name: input.unitName ?? input.unitCode,
          kind: 'province',
          parentId: null,
          remote: false,
          active: true,
        });
        await manager.query('INSERT INTO unit_closure (ancestor_id, descendant_id, depth) VALUES (?, ?, 0)', [
          unitId,
          unitId,
        ]);
        unit = await manager.findOneByOrFail(UnitEntity, { id: unitId });
        await this.audit.record(manager, SYSTEM_ACTOR, {
          action: 'create',
          entityType: 'unit',
          entityId: unitId,
          unitId,
          changes: diffChanges(null, { code: unit.code, name: unit.name, kind: unit.kind }),
        });
      }
      const userId = uuid7();
      await manager.insert(UserEntity, {
        id: userId,
        email,
        fullName: input.fullName,
        unitId: unit.id,
        passwordHash,
        active: true,
        passwordChangedAt: new Date(),
      });
      await manager.insert(UserRoleEntity, { userId, role: 'admin' });
      await this.audit.record(manager, SYSTEM_ACTOR, {
        action: 'create',
        entityType: 'user',
        entityId: userId,
        unitId: unit.id,
        changes: diffChanges(null, { email, fullName: input.fullName, unitId: unit.id, roles: ['admin'] }),
      });
      return { userId, created: true };
    });
  }
}

import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SYSTEM_ACTOR } from '../auth/domain/actor.js';
import { UnitsService } from '../units/units.service.js';
import { UsersService } from '../users/users.service.js';
import { DEMO_UNITS, DEMO_USERS } from './demo-data.js';

/** Loads the demo organisation and one account per role; running it again changes nothing. */
@Injectable()
export class DemoSeeder {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly units: UnitsService,
    private readonly users: UsersService,
  ) {}

  async seed(): Promise<{ unitsCreated: number; usersCreated: number; departmentId: string }> {
    const idsByCode = new Map<string, string>();
    let unitsCreated = 0;
    let usersCreated = 0;
    for (const unit of DEMO_UNITS) {
      const [existing] = await this.dataSource.query('SELECT id FROM units WHERE code = ?', [unit.code]);
      if (existing) {
        idsByCode.set(unit.code, existing.id);
        continue;
      }
      const created = await this.units.create(SYSTEM_ACTOR, {
        code: unit.code,
        name: unit.name,
        kind: unit.kind,
        parentId: unit.parent ? idsByCode.get(unit.parent) : undefined,
        remote: unit.remoteReason !== undefined,
        remoteReason: unit.remoteReason,
        receptionAddress: unit.receptionAddress,
      });
      idsByCode.set(unit.code, created.id);
      unitsCreated++;
    }
    for (const user of DEMO_USERS) {
      const [existing] = await this.dataSource.query('SELECT id FROM users WHERE email = ?', [user.email]);
      if (existing) continue;
      await this.users.create(SYSTEM_ACTOR, {
        email: user.email,
        fullName: user.fullName,
        title: user.title,
        unitId: idsByCode.get(user.unit)!,
        roles: user.roles,
        password: user.password,
      });
      usersCreated++;
    }
    return { unitsCreated, usersCreated, departmentId: idsByCode.get('SGDDT')! };
  }
}

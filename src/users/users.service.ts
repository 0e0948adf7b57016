import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, type EntityManager } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { diffChanges } from '../audit/domain/changes.js';
import { AuthErrors } from '../auth/auth.errors.js';
import type { Actor } from '../auth/domain/actor.js';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../auth/domain/password-policy.js';
import { isRole, ROLE_PERMISSIONS, ROLES, type Role } from '../auth/domain/roles.js';
import { SessionEntity } from '../auth/session.entity.js';
import { transactionWithRetry } from '../common/database/transactions.js';
import { PasswordService } from '../auth/password.service.js';
import { AuthService } from '../auth/auth.service.js';
import { SignInThrottleService } from '../auth/sign-in-throttle.service.js';
import { isDuplicateKey } from '../common/database/db-errors.js';
import type { Page } from '../common/http/page.dto.js';
import { uuid7 } from '../common/ids/uuid7.js';
import { UnitEntity } from '../units/unit.entity.js';
import { whereInScope } from '../units/unit-scope.js';
import type {
  CreateUserDto,
  ListUsersQueryDto,
  PasswordCheckDto,
  PasswordCheckView,
  ResetPasswordDto,
  RoleView,
  SessionsEndedView,
  UpdateUserDto,
  UserView,
} from './dto/user.dto.js';
import { UserRoleEntity } from './user-role.entity.js';
import { UserEntity } from './user.entity.js';
import { UserErrors } from './users.errors.js';

function toUserView(user: UserEntity): UserView {
  return {
    id: user.id,
    email: user.email,
    fullName: user.fullName,
    title: user.title,
    unitId: user.unitId,
    roles: (user.roles ?? [])
      .map((r) => r.role)
      .filter(isRole)
      .sort(),
    active: user.active,
    lockedUntil: user.lockedUntil ? user.lockedUntil.toISOString() : null,
    lastLoginAt: user.lastLoginAt ? user.lastLoginAt.toISOString() : null,
    version: user.version,
    createdAt: user.createdAt.toISOString(),
    updatedAt: user.updatedAt.toISOString(),
  };
}

function audited(user: UserEntity) {
  return {
    email: user.email,
    fullName: user.fullName,
    title: user.title,
    unitId: user.unitId,
    active: user.active,
    roles: (user.roles ?? []).map((r) => r.role).sort(),
  };
}

@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
    private readonly throttle: SignInThrottleService,
  ) {}

  async list(actor: Actor, query: ListUsersQueryDto): Promise<Page<UserView>> {
    const qb = this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .leftJoinAndSelect('u.roles', 'r');
    whereInScope(qb, 'u.unit_id', actor);
    if (query.unitId) {
      qb.andWhere('u.unit_id IN (SELECT c.descendant_id FROM unit_closure c WHERE c.ancestor_id = :unitId)', {
        unitId: query.unitId,
      });
    }
    if (query.role) {
      qb.andWhere('u.id IN (SELECT ur.user_id FROM user_roles ur WHERE ur.role = :role)', {
        role: query.role,
      });
    }
    if (query.active !== undefined) qb.andWhere('u.active = :active', { active: query.active });
    if (query.q) {
      qb.andWhere('(u.full_name LIKE :q OR u.email LIKE :q)', {
        q: `%${query.q.replace(/[\\%_]/g, '\\$&')}%`,
      });
    }
    const [users, total] = await qb
      .orderBy('u.fullName', 'ASC')
      .addOrderBy('u.id', 'ASC')
      .skip((query.page - 1) * query.pageSize)
      .take(query.pageSize)
      .getManyAndCount();
    return { items: users.map(toUserView), page: query.page, pageSize: query.pageSize, total };
  }

  async get(actor: Actor, id: string): Promise<UserView> {
    return toUserView(await this.load(this.dataSource.manager, actor, id));
  }

  async create(actor: Actor, dto: CreateUserDto): Promise<UserView> {
    const problems = this.passwords.problems(dto.password, { email: dto.email, fullName: dto.fullName });
    if (problems.length) throw AuthErrors.weakPassword('password', problems);
    const passwordHash = await this.passwords.hash(dto.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.assertUnitUsable(manager, actor, dto.unitId);
        const id = uuid7();
        await manager.insert(UserEntity, {
          id,
          email: dto.email,
          fullName: dto.fullName,
          title: dto.title ?? null,
          unitId: dto.unitId,
          passwordHash,
          active: true,
          passwordChangedAt: new Date(),
        });
        await this.setRoles(manager, id, dto.roles);
        const created = await this.load(manager, actor, id);
        await this.audit.record(manager, actor, {
          action: 'create',
          entityType: 'user',
          entityId: id,
          unitId: created.unitId,
          changes: diffChanges(null, audited(created)),
        });
        return toUserView(created);
      });
    } catch (error) {
      if (isDuplicateKey(error, 'uq_users_email')) throw UserErrors.emailTaken();
      throw error;
    }
  }

  async update(actor: Actor, id: string, dto: UpdateUserDto): Promise<UserView> {
    return this.dataSource.transaction(async (manager) => {
      const user = await this.load(manager, actor, id, true);
      if (user.version !== dto.version) throw UserErrors.versionConflict(user.version);
      if (dto.active === false && id === actor.userId) throw UserErrors.cannotDeactivateSelf();
      const losesAdmin =
        user.roles!.some((r) => r.role === 'admin') &&
        ((dto.roles !== undefined && !dto.roles.includes('admin')) || dto.active === false);
      if (losesAdmin) await this.assertAnotherActiveAdmin(manager, id);
      if (dto.unitId && dto.unitId !== user.unitId) await this.assertUnitUsable(manager, actor, dto.unitId);
      const before = audited(user);
      await manager.update(
        UserEntity,
        { id },
        {
          fullName: dto.fullName ?? user.fullName,
          title: dto.title !== undefined ? dto.title || null : user.title,
          unitId: dto.unitId ?? user.unitId,
          active: dto.active ?? user.active,
          version: user.version + 1,
        },
      );
      if (dto.roles) await this.setRoles(manager, id, dto.roles);
      // Their signed-in requests are checked against the database again (roles, unit, state).
      this.auth.forgetUser(id);
      if (dto.active === false && user.active)
        await this.auth.revokeSessions(manager, { userId: id }, 'deactivated');
      const updated = await this.load(manager, actor, id);
      await this.audit.record(manager, actor, {
        action: 'update',
        entityType: 'user',
        entityId: id,
        unitId: updated.unitId,
        changes: diffChanges(before, audited(updated)),
      });
      return toUserView(updated);
    });
  }

  /**
   * An administrator sets a new password; every sign-in of the account ends and its own sign-in
   * throttling counter starts afresh (the legacy lock columns are cleared too).
   */
  async resetPassword(actor: Actor, id: string, dto: ResetPasswordDto): Promise<UserView> {
    const target = await this.load(this.dataSource.manager, actor, id);
    const problems = this.passwords.problems(dto.newPassword, {
      email: target.email,
      fullName: target.fullName,
    });
    if (problems.length) throw AuthErrors.weakPassword('newPassword', problems);
    const passwordHash = await this.passwords.hash(dto.newPassword);
    return this.dataSource.transaction(async (manager) => {
      const user = await this.load(manager, actor, id, true);
      if (user.version !== dto.version) throw UserErrors.versionConflict(user.version);
      const now = new Date();
      await manager.update(
        UserEntity,
        { id },
        {
          passwordHash,
          passwordChangedAt: now,
          failedLoginCount: 0,
          lockedUntil: null,
          version: user.version + 1,
        },
      );
      await this.auth.revokeSessions(manager, { userId: id }, 'password_reset');
      await this.throttle.forgetAccount(manager, user.email);
      const updated = await this.load(manager, actor, id);
      await this.audit.record(manager, actor, {
        action: 'password_reset',
        entityType: 'user',
        entityId: id,
        unitId: updated.unitId,
        changes: diffChanges(
          { passwordChangedAt: user.passwordChangedAt, lockedUntil: user.lockedUntil },
          { passwordChangedAt: now, lockedUntil: null },
        ),
      });
      return toUserView(updated);
    });
  }

  /** The roles and their permissions, from the one table that grants them (src/auth/domain/roles.ts). */
  roles(): RoleView[] {
    return ROLES.map((role) => ({ role, permissions: [...ROLE_PERMISSIONS[role]] }));
  }

  /** The policy a save applies (docs/security.md), for the console to show as a password is typed. */
  passwordCheck(dto: PasswordCheckDto): PasswordCheckView {
    return {
      minLength: PASSWORD_MIN_LENGTH,
      maxLength: PASSWORD_MAX_LENGTH,
      problems: this.passwords.problems(dto.password, { email: dto.email, fullName: dto.fullName }),
    };
  }

  /**
   * An administrator ends every open sign-in of an account (a lost telephone, a suspected theft): its
   * access tokens stop working at once (each request checks its session) and its refresh tokens with them.
   */
  async endSessions(actor: Actor, id: string): Promise<SessionsEndedView> {
    return transactionWithRetry(this.dataSource, async (manager) => {
      const user = await this.load(manager, actor, id, true);
      const now = new Date();
      const open = await manager
        .getRepository(SessionEntity)
        .createQueryBuilder('s')
        .where('s.user_id = :id AND s.revoked_at IS NULL AND s.expires_at > :now', { id, now })
        .getCount();
      await this.auth.revokeSessions(manager, { userId: id }, 'admin', now);
      await this.audit.record(manager, actor, {
        action: 'sessions_ended',
        entityType: 'user',
        entityId: id,
        unitId: user.unitId,
        changes: diffChanges({ openSessions: open }, { openSessions: 0 }),
      });
      return { ended: open };
    });
  }

  private async load(manager: EntityManager, actor: Actor, id: string, lock = false): Promise<UserEntity> {
    const qb = manager.getRepository(UserEntity).createQueryBuilder('u').where('u.id = :id', { id });
    whereInScope(qb, 'u.unit_id', actor);
    if (lock) qb.setLock('pessimistic_write');
    const user = await qb.getOne();
    if (!user) throw UserErrors.notFound();
    user.roles = await manager.findBy(UserRoleEntity, { userId: id });
    return user;
  }

  private async assertUnitUsable(manager: EntityManager, actor: Actor, unitId: string): Promise<void> {
    const qb = manager.getRepository(UnitEntity).createQueryBuilder('u').where('u.id = :unitId', { unitId });
    whereInScope(qb, 'u.id', actor);
    // A shared lock: the unit cannot be deactivated until this account is committed.
    qb.setLock('pessimistic_read');
    const unit = await qb.getOne();
    if (!unit) throw UserErrors.unitNotFound();
    if (!unit.active) throw UserErrors.unitInactive();
  }

  /** The last active administrator can neither lose the role nor be deactivated: nobody could manage accounts. */
  private async assertAnotherActiveAdmin(manager: EntityManager, userId: string): Promise<void> {
    const others: unknown[] = await manager.query(
      `SELECT u.id FROM users u JOIN user_roles r ON r.user_id = u.id AND r.role = 'admin'
       WHERE u.active = 1 AND u.id <> ? FOR UPDATE`,
      [userId],
    );
    if (others.length === 0) throw UserErrors.lastAdmin();
  }

  private async setRoles(manager: EntityManager, userId: string, roles: Role[]): Promise<void> {
    await manager.delete(UserRoleEntity, { userId });
    if (roles.length)
      await manager.insert(
        UserRoleEntity,
        roles.map((role) => ({ userId, role })),
      );
  }
}

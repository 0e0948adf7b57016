import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { IdParamDto } from '../common/http/id.js';
import { ApiPageResponse } from '../common/http/page.dto.js';
import {
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
import { UsersService } from './users.service.js';

@ApiTags('users')
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @RequirePermission('users:read')
  @ApiOperation({ summary: 'Accounts of the units in your scope' })
  @ApiPageResponse(UserView)
  list(@CurrentActor() actor: Actor, @Query() query: ListUsersQueryDto) {
    return this.users.list(actor, query);
  }

  @Get('roles')
  @RequirePermission('users:read')
  @ApiOperation({ summary: 'The roles and what each may do (the permissions it grants)' })
  @ApiOkResponse({ type: RoleView, isArray: true })
  roles(): RoleView[] {
    return this.users.roles();
  }

  @Post('password-check')
  @HttpCode(200)
  @RequirePermission('users:write')
  @ApiOperation({
    summary: 'The password policy applied to a password being typed; nothing is stored or logged',
  })
  @ApiOkResponse({ type: PasswordCheckView })
  passwordCheck(@Body() dto: PasswordCheckDto): PasswordCheckView {
    return this.users.passwordCheck(dto);
  }

  @Get(':id')
  @RequirePermission('users:read')
  @ApiOkResponse({ type: UserView })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.users.get(actor, id);
  }

  @Post()
  @RequirePermission('users:write')
  @ApiOperation({ summary: 'Create an account (409 USER_EMAIL_TAKEN; 400 on an unknown role)' })
  @ApiCreatedResponse({ type: UserView })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUserDto) {
    return this.users.create(actor, dto);
  }

  @Patch(':id')
  @RequirePermission('users:write')
  @ApiOperation({ summary: 'Edit an account: name, unit, roles, active (deactivation ends its sign-ins)' })
  @ApiOkResponse({ type: UserView })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: UpdateUserDto) {
    return this.users.update(actor, id, dto);
  }

  @Post(':id/password')
  @HttpCode(200)
  @RequirePermission('users:write')
  @ApiOperation({ summary: 'Set a new password for an account; unlocks it and ends its sign-ins' })
  @ApiOkResponse({ type: UserView })
  resetPassword(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: ResetPasswordDto) {
    return this.users.resetPassword(actor, id, dto);
  }

  @Post(':id/sessions/end')
  @HttpCode(200)
  @RequirePermission('users:write')
  @ApiOperation({ summary: 'End every sign-in of an account (its next call is 401); audited' })
  @ApiOkResponse({ type: SessionsEndedView })
  endSessions(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.users.endSessions(actor, id);
  }
}

import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { IdParamDto } from '../common/http/id.js';
import {
  ChangeUnitStatusDto,
  CreateUnitDto,
  ListUnitsQueryDto,
  MoveUnitDto,
  UnitView,
  UpdateUnitDto,
} from './dto/unit.dto.js';
import { UnitsService } from './units.service.js';

@ApiTags('units')
@Controller('units')
export class UnitsController {
  constructor(private readonly units: UnitsService) {}

  @Get()
  @RequirePermission('units:read')
  @ApiOperation({ summary: 'Units in your scope (flat; build the tree from parentId)' })
  @ApiOkResponse({ type: UnitView, isArray: true })
  list(@CurrentActor() actor: Actor, @Query() query: ListUnitsQueryDto) {
    return this.units.list(actor, query);
  }

  @Get(':id')
  @RequirePermission('units:read')
  @ApiOkResponse({ type: UnitView })
  get(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.units.get(actor, id);
  }

  @Post()
  @RequirePermission('units:write')
  @ApiOperation({ summary: 'Create a unit (409 UNIT_CODE_TAKEN when the code is used)' })
  @ApiCreatedResponse({ type: UnitView })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateUnitDto) {
    return this.units.create(actor, dto);
  }

  @Patch(':id')
  @RequirePermission('units:write')
  @ApiOperation({ summary: 'Rename or edit a unit (optimistic: send the version you read)' })
  @ApiOkResponse({ type: UnitView })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: UpdateUnitDto) {
    return this.units.update(actor, id, dto);
  }

  @Post(':id/move')
  @HttpCode(200)
  @RequirePermission('units:write')
  @ApiOperation({
    summary: 'Move a unit under another parent (422 UNIT_MOVE_CYCLE under its own descendant)',
  })
  @ApiOkResponse({ type: UnitView })
  move(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: MoveUnitDto) {
    return this.units.move(actor, id, dto);
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @RequirePermission('units:write')
  @ApiOperation({ summary: 'Deactivate a unit (units are never deleted)' })
  @ApiOkResponse({ type: UnitView })
  deactivate(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: ChangeUnitStatusDto) {
    return this.units.setActive(actor, id, false, dto);
  }

  @Post(':id/activate')
  @HttpCode(200)
  @RequirePermission('units:write')
  @ApiOkResponse({ type: UnitView })
  activate(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: ChangeUnitStatusDto) {
    return this.units.setActive(actor, id, true, dto);
  }
}

import { Body, Controller, Get, Param, Patch, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentActor } from '../auth/current-actor.decorator.js';
import type { Actor } from '../auth/domain/actor.js';
import { RequirePermission } from '../auth/require-permission.decorator.js';
import { IdParamDto } from '../common/http/id.js';
import {
  CreatedWebhookEndpointView,
  CreateWebhookEndpointDto,
  UpdateWebhookEndpointDto,
  WebhookEndpointView,
  WebhookTestView,
} from './dto/webhook-endpoint.dto.js';
import { WebhookEndpointsService } from './webhook-endpoints.service.js';

@ApiTags('webhooks')
@Controller('webhook-endpoints')
export class WebhookEndpointsController {
  constructor(private readonly endpoints: WebhookEndpointsService) {}

  @Post()
  @RequirePermission('webhooks:manage')
  @ApiOperation({ summary: 'Register an endpoint; the answer carries its signing secret, this once only' })
  @ApiCreatedResponse({ type: CreatedWebhookEndpointView })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateWebhookEndpointDto) {
    return this.endpoints.create(actor, dto);
  }

  @Get()
  @RequirePermission('webhooks:manage')
  @ApiOkResponse({ type: [WebhookEndpointView] })
  list() {
    return this.endpoints.list();
  }

  @Patch(':id')
  @RequirePermission('webhooks:manage')
  @ApiOperation({ summary: 'Pause or resume an endpoint (active)' })
  @ApiOkResponse({ type: WebhookEndpointView })
  update(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto, @Body() dto: UpdateWebhookEndpointDto) {
    return this.endpoints.update(actor, id, dto);
  }

  @Post(':id/test')
  @RequirePermission('webhooks:manage')
  @ApiOperation({
    summary: 'Send the endpoint one signed test call now; shows the body, timestamp and signature sent',
  })
  @ApiCreatedResponse({ type: WebhookTestView })
  test(@CurrentActor() actor: Actor, @Param() { id }: IdParamDto) {
    return this.endpoints.test(actor, id);
  }
}

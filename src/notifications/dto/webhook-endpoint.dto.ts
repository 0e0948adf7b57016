import { ApiProperty } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsUrl,
  Matches,
  MaxLength,
} from 'class-validator';

export class CreateWebhookEndpointDto {
  @ApiProperty({ example: 'https://he-thong-khac.gov.vn/hooks/tiepdan' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @MaxLength(500)
  url: string;

  @ApiProperty({
    example: ['escalation', 'enforcement_overdue'],
    description: 'Notification kinds it receives',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @ArrayUnique()
  @Matches(/^[a-z][a-z0-9_]{0,31}$/, { each: true, message: 'each event must be a lower-case word' })
  events: string[];
}

export class UpdateWebhookEndpointDto {
  @ApiProperty()
  @IsBoolean()
  active: boolean;
}

export class WebhookEndpointView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty()
  url: string;

  @ApiProperty({ type: [String] })
  events: string[];

  @ApiProperty()
  active: boolean;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class CreatedWebhookEndpointView extends WebhookEndpointView {
  @ApiProperty({
    description:
      'The signing secret (X-Tiepdan-Signature: v1=<HMAC-SHA256 of "<X-Tiepdan-Timestamp>.<raw body>">): ' +
      'shown this once only',
  })
  secret: string;
}

/** What a test call sent and what the receiver answered: the signature to check a receiver against. */
export class WebhookTestView {
  @ApiProperty({ format: 'uuid', description: 'X-Tiepdan-Delivery of the test call' })
  deliveryId: string;

  @ApiProperty({ type: Number, nullable: true, description: "The receiver's status; null: not reached" })
  status: number | null;

  @ApiProperty({ description: 'A 2xx answer: the receiver acknowledged' })
  acknowledged: boolean;

  @ApiProperty() durationMs: number;

  @ApiProperty({ description: 'X-Tiepdan-Timestamp (seconds since 1970, UTC)' }) timestamp: number;

  @ApiProperty({ description: 'X-Tiepdan-Signature: v1=<HMAC-SHA256 of "<timestamp>.<body>">' })
  signature: string;

  @ApiProperty({ description: 'The exact body sent (event "test", nothing about any citizen)' })
  body: string;
}

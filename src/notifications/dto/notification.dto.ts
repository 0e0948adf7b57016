import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional } from 'class-validator';
import { PageQueryDto } from '../../common/http/page.dto.js';
import { toQueryBoolean } from '../../common/http/query-boolean.js';

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'true: unread ones only' })
  @IsOptional()
  @Transform(toQueryBoolean)
  @IsBoolean()
  unread?: boolean;
}

export class NotificationView {
  @ApiProperty({ format: 'uuid' })
  id: string;

  @ApiProperty({ example: 'escalation' })
  kind: string;

  @ApiProperty()
  title: string;

  @ApiProperty()
  body: string;

  @ApiProperty({ nullable: true, type: String, example: '/api/v1/complaint-cases/…' })
  link: string | null;

  @ApiProperty({ nullable: true, type: String })
  subjectType: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  subjectId: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'uuid' })
  unitId: string | null;

  @ApiProperty({ nullable: true, type: String, format: 'date-time' })
  readAt: string | null;

  @ApiProperty({ format: 'date-time' })
  createdAt: string;
}

export class NotificationPage {
  @ApiProperty({ type: [NotificationView] })
  items: NotificationView[];

  @ApiProperty()
  page: number;

  @ApiProperty()
  pageSize: number;

  @ApiProperty()
  total: number;
}

export class UnreadCountView {
  @ApiProperty()
  unread: number;
}

export class MarkedView {
  @ApiProperty({ description: 'How many notifications this call marked read' })
  marked: number;
}

export class NotificationSettingsDto {
  @ApiProperty({ description: 'true: one e-mail a day listing the notifications instead of one each' })
  @IsBoolean()
  emailDigest: boolean;
}

export class NotificationSettingsView {
  @ApiProperty()
  emailDigest: boolean;
}

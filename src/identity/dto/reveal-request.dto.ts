import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Length, Max, MaxLength, Min } from 'class-validator';
import { IsId } from '../../common/http/id.js';
import { PageQueryDto } from '../../common/http/page.dto.js';
import { NoControlCharacters, trim } from '../../common/http/text.js';
import { trimToNull } from '../../common/http/validators.js';

/** The longest access a reveal request may grant (hours). */
export const MAX_REVEAL_HOURS = 72;

export class CreateRevealRequestDto {
  @ApiProperty({ example: 'Cần liên hệ người tố cáo để bổ sung tài liệu chứng minh' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(10, 1000)
  reason: string;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_REVEAL_HOURS, default: 24 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_REVEAL_HOURS)
  hours?: number;
}

export class DecideRevealRequestDto {
  @ApiProperty()
  @IsBoolean()
  approve: boolean;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(1000)
  note?: string | null;

  @ApiPropertyOptional({ minimum: 1, maximum: MAX_REVEAL_HOURS, description: 'Shorten the access asked for' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_REVEAL_HOURS)
  hours?: number;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class ListRevealRequestsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: ['pending', 'approved', 'refused'] })
  @IsOptional()
  @IsIn(['pending', 'approved', 'refused'])
  status?: 'pending' | 'approved' | 'refused';

  @ApiPropertyOptional({ format: 'uuid', description: 'The requests about one letter' })
  @IsOptional()
  @IsId()
  letterId?: string;

  @ApiPropertyOptional({
    enum: ['mine'],
    description: 'mine: only my own requests (a custodian otherwise sees the units’ requests)',
  })
  @IsOptional()
  @IsIn(['mine'])
  requester?: 'mine';
}

export class IdentityDisclosureDto {
  @ApiProperty({
    enum: ['self_disclosed', 'waived'],
    description: 'The denouncer disclosed it, or waived protection',
  })
  @IsIn(['self_disclosed', 'waived'])
  kind: 'self_disclosed' | 'waived';

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(5, 1000)
  note: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class RevealRequestView {
  @ApiProperty() id: string;
  @ApiProperty() letterId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() requestedByUserId: string;
  @ApiProperty({ description: 'The letter’s receipt code (what the custodian looks for)' })
  letterReceiptCode: string;
  @ApiProperty({ description: 'Who asked (an officer’s name)' }) requestedByName: string;
  @ApiProperty() reason: string;
  @ApiProperty() hours: number;
  @ApiProperty({ enum: ['pending', 'approved', 'refused'] }) status: string;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedByUserId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedByName: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedAt: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionNote: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) expiresAt: string | null;
  @ApiProperty({ description: 'Approved and not yet expired' }) active: boolean;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
}

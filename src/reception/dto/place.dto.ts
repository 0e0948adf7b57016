import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoControlCharacters } from '../../common/http/text.js';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Length, MaxLength, Min } from 'class-validator';
import { IsId } from '../../common/http/id.js';
import { trim } from '../../common/http/text.js';
import { trimToNull } from '../../common/http/validators.js';

// ── places ────────────────────────────────────────────────────────────────────────────────────────

export class CreatePlaceDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  unitId: string;

  @ApiProperty({ example: 'Trụ sở tiếp công dân Sở Giáo dục và Đào tạo' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 255)
  name: string;

  @ApiProperty({ example: '12 Trần Hưng Đạo, phường Tân Phú' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 500)
  address: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Phòng 101, tầng 1' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(255)
  room?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: 'Sáng 7:30–11:30, chiều 13:30–17:00 các ngày làm việc',
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(500)
  hours?: string | null;
}

export class UpdatePlaceDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 255)
  name?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 500)
  address?: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(255)
  room?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(500)
  hours?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class UnitFilterQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only this unit (default: every unit in your scope)' })
  @IsOptional()
  @IsId()
  unitId?: string;
}

export class PlaceView {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty({ nullable: true, type: String }) room: string | null;
  @ApiProperty({ nullable: true, type: String }) hours: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty() version: number;
}

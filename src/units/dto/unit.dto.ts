import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateIf,
} from 'class-validator';
import { IsId } from '../../common/http/id.js';
import { trim } from '../../common/http/text.js';
import { UNIT_CODE_PATTERN, UNIT_KINDS, type UnitKind } from '../domain/unit-kind.js';
import { toQueryBoolean } from '../../common/http/query-boolean.js';

const upperTrim = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim().toUpperCase() : value;

export class CreateUnitDto {
  @ApiProperty({
    example: 'SGDDT-TTRA',
    description: 'Unique code: 2–40 upper-case letters, digits, ".", "_" or "-"',
  })
  @Transform(upperTrim)
  @Matches(UNIT_CODE_PATTERN, { message: 'code must be 2-40 upper-case letters, digits, ".", "_" or "-"' })
  code: string;

  @ApiProperty({ example: 'Thanh tra Sở Giáo dục và Đào tạo' })
  @Transform(trim)
  @IsString()
  @Length(2, 255)
  name: string;

  @ApiProperty({ enum: UNIT_KINDS })
  @IsIn(UNIT_KINDS, { message: `kind must be one of: ${UNIT_KINDS.join(', ')}` })
  kind: UnitKind;

  @ApiPropertyOptional({ description: 'Parent unit id; omit for a root (admins only)', format: 'uuid' })
  @IsOptional()
  @IsId()
  parentId?: string;

  @ApiPropertyOptional({ description: 'Vùng sâu, vùng xa: longer statutory periods', default: false })
  @IsOptional()
  @IsBoolean()
  remote?: boolean;

  @ApiPropertyOptional({ description: 'Why the unit counts as remote (required when remote)' })
  @ValidateIf((o: CreateUnitDto) => o.remote === true)
  @Transform(trim)
  @IsString()
  @Length(3, 500, { message: 'remoteReason must say why the unit is remote (3-500 characters)' })
  remoteReason?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  receptionAddress?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @Matches(/^[0-9 +().-]{6,50}$/, { message: 'contactPhone must be a telephone number' })
  contactPhone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsEmail()
  @MaxLength(255)
  contactEmail?: string;
}

export class UpdateUnitDto {
  @ApiProperty({ description: 'The version you read; a stale one gets 409 with the current version' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional()
  @IsOptional()
  @Transform(trim)
  @IsString()
  @Length(2, 255)
  name?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS, { message: `kind must be one of: ${UNIT_KINDS.join(', ')}` })
  kind?: UnitKind;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  remote?: boolean;

  @ApiPropertyOptional()
  @ValidateIf((o: UpdateUnitDto) => o.remote === true || o.remoteReason !== undefined)
  @Transform(trim)
  @IsString()
  @Length(3, 500, { message: 'remoteReason must say why the unit is remote (3-500 characters)' })
  remoteReason?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @MaxLength(500)
  receptionAddress?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @Matches(/^[0-9 +().-]{6,50}$/, { message: 'contactPhone must be a telephone number' })
  contactPhone?: string;

  @ApiPropertyOptional({ nullable: true })
  @IsOptional()
  @Transform(trim)
  @IsEmail()
  @MaxLength(255)
  contactEmail?: string;

  @ApiPropertyOptional({
    nullable: true,
    example: 'H39.01',
    description: 'The agency identification code (mã định danh) for the national database; empty clears it',
  })
  @IsOptional()
  @Transform(trim)
  @Matches(/^$|^[A-Za-z0-9][A-Za-z0-9.-]{1,39}$/, {
    message: 'agencyCode must be 2-40 letters, digits, dots or hyphens',
  })
  agencyCode?: string;
}

export class MoveUnitDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  parentId: string;

  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class ChangeUnitStatusDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;
}

export class ListUnitsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Only the direct children of this unit' })
  @IsOptional()
  @IsId()
  parentId?: string;

  @ApiPropertyOptional({ enum: UNIT_KINDS })
  @IsOptional()
  @IsIn(UNIT_KINDS)
  kind?: UnitKind;

  @ApiPropertyOptional({ description: 'true: active only; false: inactive only' })
  @IsOptional()
  @Transform(toQueryBoolean)
  @IsBoolean()
  active?: boolean;

  @ApiPropertyOptional({ description: 'Matches code or name, diacritics ignored' })
  @IsOptional()
  @Type(() => String)
  @IsString()
  @Length(1, 100)
  q?: string;
}

/** What the API shows of a unit. */
export class UnitView {
  @ApiProperty() id: string;
  @ApiProperty() code: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: UNIT_KINDS }) kind: UnitKind;
  @ApiProperty({ nullable: true, type: String }) parentId: string | null;
  @ApiProperty() remote: boolean;
  @ApiProperty({ nullable: true, type: String }) remoteReason: string | null;
  @ApiProperty({ nullable: true, type: String }) receptionAddress: string | null;
  @ApiProperty({ nullable: true, type: String }) contactPhone: string | null;
  @ApiProperty({ nullable: true, type: String }) contactEmail: string | null;
  @ApiProperty() active: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'Mã định danh for the national database' })
  agencyCode: string | null;
  @ApiProperty() version: number;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsId } from '../../common/http/id.js';
import { NoControlCharacters, trim } from '../../common/http/text.js';
import { CCCD_PATTERN, normalisePhone, PHONE_PATTERN } from '../../common/domain/vietnamese-format.js';
import { IsLocalDate, trimToNull } from '../../common/http/validators.js';
import type { LocalDate } from '../../common/domain/local-date.js';
import {
  AUTHORISED_PERSON_KINDS,
  type AuthorisationRuleId,
  type AuthorisedPersonKind,
} from '../domain/complaint-authorisation.js';

const idDigits = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/[\s.]/g, '') || null : value;
const phone = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normalisePhone(value.trim()) || null : value;

export class AuthorisedPersonDto {
  @ApiProperty({ example: 'Lê Văn Bình' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 255)
  fullName: string;

  @ApiPropertyOptional({ example: 'thôn 3, xã Tân Lập, tỉnh Đồng Nai' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @Length(2, 500)
  address?: string | null;

  @ApiPropertyOptional({ example: '075203004567', description: 'Căn cước number: 12 digits' })
  @IsOptional()
  @Transform(idDigits)
  @IsString()
  @Matches(CCCD_PATTERN, { message: 'idNumber must be a căn cước number of 12 digits' })
  idNumber?: string | null;

  @ApiPropertyOptional({ example: '0912345678' })
  @IsOptional()
  @Transform(phone)
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be a Vietnamese telephone number (0… or +84…)' })
  phone?: string | null;

  @ApiPropertyOptional({ example: 'con trai', description: "A relative's relationship to the complainant" })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(100)
  relationship?: string | null;

  @ApiPropertyOptional({ description: "A lawyer's or legal aid officer's practising card number" })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(50)
  practisingCardNumber?: string | null;
}

export class SetLetterAuthorisationDto {
  @ApiProperty({ enum: AUTHORISED_PERSON_KINDS })
  @IsIn(AUTHORISED_PERSON_KINDS)
  kind: AuthorisedPersonKind;

  @ApiProperty({ type: AuthorisedPersonDto })
  @ValidateNested()
  @Type(() => AuthorisedPersonDto)
  person: AuthorisedPersonDto;

  @ApiProperty({ example: 'GUQ 15/2026', description: 'The authorisation document (Mẫu 02) number' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(1, 100)
  documentRef: string;

  @ApiProperty({ example: '2026-12-20' })
  @IsLocalDate()
  documentDate: LocalDate;

  @ApiProperty({ description: 'Notarised or certified (required for an individual up to 2026-12-31)' })
  @IsBoolean()
  notarised: boolean;

  @ApiPropertyOptional({ description: 'The notarisation / certification number' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(100)
  certificationRef?: string | null;

  @ApiPropertyOptional({ description: "A legal aid organisation's assignment decision" })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(100)
  assignmentDecisionRef?: string | null;

  @ApiPropertyOptional({ format: 'uuid', description: 'The scanned authorisation: a file of this letter' })
  @IsOptional()
  @IsId()
  documentAttachmentId?: string | null;

  @ApiProperty({ description: 'The letter version you read' })
  @IsInt()
  @Min(1)
  version: number;
}

export class AuthorisedPersonView {
  @ApiProperty() fullName: string;
  @ApiProperty({ type: String, nullable: true }) address: string | null;
  @ApiProperty({ type: String, nullable: true }) idNumber: string | null;
  @ApiProperty({ type: String, nullable: true }) phone: string | null;
  @ApiProperty({ type: String, nullable: true }) relationship: string | null;
  @ApiProperty({ type: String, nullable: true }) practisingCardNumber: string | null;
}

export class LetterAuthorisationView {
  @ApiProperty({ format: 'uuid' }) letterId: string;
  @ApiProperty({ enum: AUTHORISED_PERSON_KINDS }) kind: AuthorisedPersonKind;
  @ApiProperty() documentRef: string;
  @ApiProperty({ example: '2026-12-20' }) documentDate: string;
  @ApiProperty() notarised: boolean;
  @ApiProperty({ type: String, nullable: true }) certificationRef: string | null;
  @ApiProperty({ type: String, nullable: true }) assignmentDecisionRef: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) documentAttachmentId: string | null;
  @ApiProperty({ description: 'The dated rule applied (by the day the letter was received)' })
  ruleId: AuthorisationRuleId;
  @ApiProperty() legalBasis: string;
  @ApiProperty({ description: 'Whether the rule asks for notarisation or certification' })
  notarisationRequired: boolean;
  @ApiProperty({
    type: AuthorisedPersonView,
    nullable: true,
    description: 'Only with letters:personal_data on the letter (the read is audited)',
  })
  person: AuthorisedPersonView | null;
  @ApiProperty({ description: "The letter's version after the change" }) letterVersion: number;
}

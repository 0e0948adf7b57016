import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Min, ValidateNested } from 'class-validator';
import { CCCD_PATTERN } from '../../common/domain/vietnamese-format.js';
import { IsId } from '../../common/http/id.js';
import { NoControlCharacters, trim } from '../../common/http/text.js';
import { trimToNull } from '../../common/http/validators.js';
import { PetitionerDto } from '../../letters/dto/letter.dto.js';
import type { SubjectRole } from '../domain/subject-disclosure.js';

const idDigits = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/[\s.]/g, '') : value;

/**
 * The request's reference in the agency's register of data-subject requests (e.g. `YC-2026/15`): letters,
 * digits and `/ . _ -` only, so that it cannot carry a name into the audit trail.
 */
export const REQUEST_REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9/._-]{0,49}$/;

export const SUBJECT_RECORD_KINDS = [
  'letter_petitioner',
  'letter_authorisation',
  'reception_visitor',
  'letter_subscription',
  'account',
  'letter_mention',
  'visit_mention',
] as const;
export type SubjectRecordKind = (typeof SUBJECT_RECORD_KINDS)[number];

export const CORRECTABLE_KINDS = ['letter_petitioner', 'letter_authorisation', 'reception_visitor'] as const;
export type CorrectableKind = (typeof CORRECTABLE_KINDS)[number];

/** Who the request is about: a căn cước number, or a name with an address. Sent in a body, never a URL. */
export class SubjectQueryDto {
  @ApiProperty({ example: 'YC-2026/15', description: 'The request’s reference (letters, digits, / . _ -)' })
  @Transform(trim)
  @IsString()
  @Matches(REQUEST_REF_PATTERN, {
    message: 'requestRef must be a reference of letters, digits and / . _ - (at most 50)',
  })
  requestRef: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '075203004567' })
  @IsOptional()
  @Transform(idDigits)
  @IsString()
  @Matches(CCCD_PATTERN, { message: 'idNumber must be a căn cước number of 12 digits' })
  idNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Nguyễn Văn An' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @Length(2, 255)
  fullName?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'thôn 3, xã Tân Lập, tỉnh Đồng Nai' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @Length(2, 500)
  address?: string | null;
}

export class SubjectExportDto extends SubjectQueryDto {
  @ApiProperty({ enum: ['json', 'html'] })
  @IsIn(['json', 'html'])
  format: 'json' | 'html';
}

/**
 * The corrected values, validated as a petitioner's are (PetitionerDto); a field left out is unchanged,
 * null clears an optional one.
 */
export class SubjectCorrectionValuesDto extends PartialType(
  OmitType(PetitionerDto, ['representative'] as const),
) {}

export class SubjectCorrectionDto extends SubjectQueryDto {
  @ApiProperty({ enum: CORRECTABLE_KINDS })
  @IsIn(CORRECTABLE_KINDS)
  kind: CorrectableKind;

  @ApiProperty({ format: 'uuid', description: 'The row of the search result (`rowId`)' })
  @IsId()
  rowId: string;

  @ApiProperty({ description: 'The record’s version from the search result (409 when stale)' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ description: 'Why the datum is corrected (never the datum itself)' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(5, 1000)
  reason: string;

  @ApiProperty({ type: SubjectCorrectionValuesDto })
  @ValidateNested()
  @Type(() => SubjectCorrectionValuesDto)
  values: SubjectCorrectionValuesDto;
}

export class SubjectRecordView {
  @ApiProperty({ enum: SUBJECT_RECORD_KINDS }) kind: SubjectRecordKind;
  @ApiProperty({
    enum: ['petitioner', 'authorised_person', 'visitor', 'subscriber', 'account_holder', 'named_in_text'],
  })
  role: SubjectRole;
  @ApiProperty({ enum: ['id_number', 'name_and_address', 'email', 'name_in_text', 'record'] })
  matchedOn: 'id_number' | 'name_and_address' | 'email' | 'name_in_text' | 'record';
  @ApiProperty({ format: 'uuid', description: 'The row holding the data (what a correction names)' })
  rowId: string;
  @ApiProperty({ format: 'uuid', description: 'The letter, visit or account' }) recordId: string;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty({ type: String, nullable: true, example: '2026-11-20' }) date: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Letter classification or visit content kind' })
  category: string | null;
  @ApiProperty() protectedRecord: boolean;
  @ApiProperty({ type: [String], description: 'The personal data fields held (names only)' })
  fields: string[];
  @ApiProperty() correctable: boolean;
  @ApiProperty({ type: Number, nullable: true, description: 'The version a correction must send' })
  version: number | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why data of this record is withheld' })
  withheld: string | null;
}

export class SubjectSearchView {
  @ApiProperty() requestRef: string;
  @ApiProperty({ enum: ['id_number', 'name_and_address'] }) searchedBy: 'id_number' | 'name_and_address';
  @ApiProperty({ type: [SubjectRecordView] }) records: SubjectRecordView[];
}

export class SubjectExportRecordView extends SubjectRecordView {
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    nullable: true,
    description: 'The subject’s own data in the record, decrypted',
  })
  data: Record<string, unknown> | null;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string' },
    nullable: true,
    description: 'Texts the subject wrote or said, with anyone else cut out',
  })
  texts: Record<string, string> | null;
}

export class SubjectExportView {
  @ApiProperty() requestRef: string;
  @ApiProperty({ description: 'UTC' }) generatedAt: string;
  @ApiProperty({ enum: ['id_number', 'name_and_address'] }) searchedBy: 'id_number' | 'name_and_address';
  @ApiProperty({ type: [SubjectExportRecordView] }) records: SubjectExportRecordView[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { IsId } from '../../common/http/id.js';
import { PageQueryDto } from '../../common/http/page.dto.js';
import { NoControlCharacters, trim } from '../../common/http/text.js';
import { CCCD_PATTERN, normalisePhone, PHONE_PATTERN } from '../../common/domain/vietnamese-format.js';
import { IsLocalDate, trimToNull } from '../../common/http/validators.js';
import {
  DENUNCIATION_LETTER_TRACKS,
  ARCHIVE_REASONS,
  COMPLAINT_TRACKS,
  ELIGIBILITY_CHECKS,
  LETTER_CHANNELS,
  LETTER_CLASSIFICATIONS,
  LETTER_STATUSES,
  PROCESSING_DECISIONS,
  type ArchiveReason,
  type EligibilityCheck,
  type LetterChannel,
  type LetterClassification,
  type LetterStatus,
  type ProcessingDecision,
} from '../domain/letter-rules.js';
import type { LetterFlag } from '../entities/letter.entity.js';
import { QUEUE_SUMMARY_LENGTH } from '../domain/intake-queue.js';
import {
  COMPETENT_BODY_CATEGORIES,
  type CompetentBodyCategory,
} from '../../national-sync/domain/national-events.js';

const idDigits = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/[\s.]/g, '') || null : value;
const phone = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normalisePhone(value.trim()) || null : value;

/** Most petitioners one letter may list (a group of more is recorded by its representatives). */
export const MAX_LETTER_PETITIONERS = 50;

/** Most people one letter may count as its signers (letters.petitioner_count is a SMALLINT UNSIGNED). */
export const MAX_PETITIONER_COUNT = 65535;

export class PetitionerDto {
  @ApiProperty({ example: 'Nguyễn Văn An' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 255)
  fullName: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'thôn 3, xã Tân Lập, tỉnh Đồng Nai' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @Length(2, 500)
  address?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    example: '075203004567',
    description: 'Căn cước number: 12 digits',
  })
  @IsOptional()
  @Transform(idDigits)
  @IsString()
  @Matches(CCCD_PATTERN, { message: 'idNumber must be a căn cước number of 12 digits' })
  idNumber?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0912345678' })
  @IsOptional()
  @Transform(phone)
  @IsString()
  @Matches(PHONE_PATTERN, { message: 'phone must be a Vietnamese telephone number (0… or +84…)' })
  phone?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'an.nguyen@example.vn' })
  @IsOptional()
  @Transform(trimToNull)
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({ default: false, description: 'A representative of the group (LTCD art. 29)' })
  @IsOptional()
  @IsBoolean()
  representative?: boolean;
}

export class EligibilityAnswerDto {
  @ApiProperty({ enum: ELIGIBILITY_CHECKS })
  @IsIn(ELIGIBILITY_CHECKS)
  check: EligibilityCheck;

  @ApiProperty()
  @IsBoolean()
  passed: boolean;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(1000)
  note?: string | null;
}

export class CreateLetterDto {
  @ApiProperty({ format: 'uuid', description: 'The receiving unit' })
  @IsId()
  unitId: string;

  @ApiProperty({ example: '2026-11-20' })
  @IsLocalDate()
  receivedOn: string;

  @ApiProperty({ enum: LETTER_CHANNELS })
  @IsIn(LETTER_CHANNELS)
  channel: LetterChannel;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'The forwarding body (forwarded channels)',
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @Length(2, 500)
  forwardedBy?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(100)
  forwardedRef?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The reception-book visit (channel reception_visit)',
  })
  @IsOptional()
  @IsId()
  visitId?: string | null;

  @ApiProperty({ enum: LETTER_CLASSIFICATIONS })
  @IsIn(LETTER_CLASSIFICATIONS)
  classification: LetterClassification;

  @ApiPropertyOptional({ enum: COMPLAINT_TRACKS, description: 'Required for a complaint' })
  @IsOptional()
  @IsIn(COMPLAINT_TRACKS)
  complaintTrack?: (typeof COMPLAINT_TRACKS)[number] | null;

  @ApiPropertyOptional({
    enum: DENUNCIATION_LETTER_TRACKS,
    description: 'Denunciations: a first denunciation (default) or a re-denunciation (LTC arts. 37, 38)',
  })
  @IsOptional()
  @IsIn(DENUNCIATION_LETTER_TRACKS)
  denunciationTrack?: (typeof DENUNCIATION_LETTER_TRACKS)[number] | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'Second-time complaint: the first-time case; re-denunciation: the denunciation case',
  })
  @IsOptional()
  @IsId()
  previousCaseId?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description:
      'Denunciations: the redacted subject handlers will see (default: the subject with the denouncer’s name, ID, phone, e-mail and address removed)',
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @Length(3, 500)
  redactedSubject?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Denunciations: the redacted content (default: removed automatically)',
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @Length(3, 20000)
  redactedContent?: string | null;

  @ApiProperty({ example: 'Khiếu nại quyết định thu hồi đất' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(3, 500)
  subject: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(3, 20000)
  content: string;

  @ApiProperty({ type: [PetitionerDto], description: 'Empty only for anonymous information' })
  @IsArray()
  @ArrayMaxSize(MAX_LETTER_PETITIONERS)
  @ValidateNested({ each: true })
  @Type(() => PetitionerDto)
  petitioners: PetitionerDto[];

  @ApiPropertyOptional({ description: 'People who signed (a group may list only its representatives)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  // The column is a SMALLINT UNSIGNED: a larger count would fail in the database (a 500), not here.
  @Max(MAX_PETITIONER_COUNT)
  petitionerCount?: number;

  @ApiProperty({ type: [EligibilityAnswerDto], description: 'TT 05/2021 art. 6 checks' })
  @IsArray()
  @ArrayMaxSize(ELIGIBILITY_CHECKS.length)
  @ValidateNested({ each: true })
  @Type(() => EligibilityAnswerDto)
  eligibility: EligibilityAnswerDto[];
}

export class LetterPartDto {
  @ApiProperty({ enum: ['complaint', 'denunciation', 'petition'] })
  @IsIn(['complaint', 'denunciation', 'petition'])
  classification: 'complaint' | 'denunciation' | 'petition';

  @ApiPropertyOptional({ enum: COMPLAINT_TRACKS })
  @IsOptional()
  @IsIn(COMPLAINT_TRACKS)
  complaintTrack?: (typeof COMPLAINT_TRACKS)[number] | null;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(3, 500)
  subject: string;

  @ApiProperty()
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(3, 20000)
  content: string;

  @ApiProperty({ type: [EligibilityAnswerDto] })
  @IsArray()
  @ArrayMaxSize(ELIGIBILITY_CHECKS.length)
  @ValidateNested({ each: true })
  @Type(() => EligibilityAnswerDto)
  eligibility: EligibilityAnswerDto[];
}

/** An officer's check of a letter filed on the public form (its eligibility "chưa kiểm tra"). */
export class CheckEligibilityDto {
  @ApiProperty({ type: [EligibilityAnswerDto], description: 'TT 05/2021 art. 6 checks' })
  @IsArray()
  @ArrayMaxSize(ELIGIBILITY_CHECKS.length)
  @ValidateNested({ each: true })
  @Type(() => EligibilityAnswerDto)
  eligibility: EligibilityAnswerDto[];

  @ApiProperty({ description: 'The version read (optimistic lock)' })
  @IsInt()
  @Min(1)
  version: number;
}

export class SplitLetterDto {
  @ApiProperty({ type: [LetterPartDto] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => LetterPartDto)
  parts: LetterPartDto[];

  @ApiProperty({ description: 'The version read (optimistic lock)' })
  @IsInt()
  @Min(1)
  version: number;
}

export class ProcessingDecisionDto {
  @ApiProperty({ enum: PROCESSING_DECISIONS })
  @IsIn(PROCESSING_DECISIONS)
  decision: ProcessingDecision;

  @ApiProperty({ example: '2026-11-24' })
  @IsLocalDate()
  decidedOn: string;

  @ApiProperty({ example: 'LKN 2011 art. 27; NĐ 124/2020 art. 16(1)' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(3, 500)
  legalBasis: string;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(100)
  guidanceRef?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(500)
  guidanceBody?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @IsId()
  transferToUnitId?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(500)
  transferToBody?: string | null;

  @ApiPropertyOptional({
    enum: COMPETENT_BODY_CATEGORIES,
    description:
      'A transfer: the category of the competent body (for the national database; default unspecified)',
  })
  @IsOptional()
  @IsIn(COMPETENT_BODY_CATEGORIES)
  transferToBodyCategory?: CompetentBodyCategory;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(100)
  transferRef?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(100)
  returnRef?: string | null;

  @ApiPropertyOptional({ enum: ARCHIVE_REASONS })
  @IsOptional()
  @IsIn(ARCHIVE_REASONS)
  archiveReason?: ArchiveReason | null;

  @ApiPropertyOptional({ type: String, nullable: true, format: 'uuid' })
  @IsOptional()
  @IsId()
  duplicateOfLetterId?: string | null;

  @ApiPropertyOptional({
    description:
      'transfer of a denunciation: send the denouncer’s identity with it (an explicit, audited decision; default false)',
  })
  @IsOptional()
  @IsBoolean()
  includeIdentity?: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'accept: the handler to assign the case to',
  })
  @IsOptional()
  @IsId()
  handlerUserId?: string | null;

  @ApiProperty({ description: 'The version read (optimistic lock)' })
  @IsInt()
  @Min(1)
  version: number;
}

export class ListLettersQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({ enum: LETTER_STATUSES })
  @IsOptional()
  @IsIn(LETTER_STATUSES)
  status?: LetterStatus;

  @ApiPropertyOptional({ enum: LETTER_CLASSIFICATIONS })
  @IsOptional()
  @IsIn(LETTER_CLASSIFICATIONS)
  classification?: LetterClassification;

  @ApiPropertyOptional({ enum: LETTER_CHANNELS })
  @IsOptional()
  @IsIn(LETTER_CHANNELS)
  channel?: LetterChannel;

  @ApiPropertyOptional({
    description: 'Undecided letters whose processing deadline is on or before this day',
  })
  @IsOptional()
  @IsLocalDate()
  dueTo?: string;

  @ApiPropertyOptional({
    enum: ['received', 'due'],
    default: 'received',
    description: 'received: newest first; due: nearest processing deadline first',
  })
  @IsOptional()
  @IsIn(['received', 'due'])
  sort?: 'received' | 'due';

  @ApiPropertyOptional({ description: 'true: undecided letters past their processing deadline' })
  @IsOptional()
  @IsIn(['true', 'false'])
  overdue?: 'true' | 'false';

  @ApiPropertyOptional({
    description: 'true: letters filed on the public form whose eligibility no officer has checked yet',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  unchecked?: 'true' | 'false';

  @ApiPropertyOptional({ description: 'Words of the subject or content; diacritics and case ignored' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 200)
  q?: string;
}

/** The officers' intake queue: letters filed on the public form waiting for their eligibility check. */
export class IntakeQueueQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'One unit of my scope (and its sub-units)' })
  @IsOptional()
  @IsId()
  unitId?: string;
}

/** One row of the intake queue: nothing of the writer, the subject shortened and redacted. */
export class IntakeQueueItemView {
  @ApiProperty() id: string;
  @ApiProperty() receiptCode: string;
  @ApiProperty() unitId: string;
  @ApiProperty({ description: 'The receiving agency or unit' }) unitName: string;
  @ApiProperty({ description: 'YYYY-MM-DD, Asia/Ho_Chi_Minh' }) receivedOn: string;
  @ApiProperty({ description: 'Calendar days since receipt' }) daysSinceReceipt: number;
  @ApiProperty({ enum: LETTER_CLASSIFICATIONS }) classification: LetterClassification;
  @ApiPropertyOptional({ type: String, nullable: true }) complaintTrack: string | null;
  @ApiProperty({
    description: `The subject without the writers' name, numbers, e-mail or address, at most ${QUEUE_SUMMARY_LENGTH} characters`,
  })
  summary: string;
  @ApiProperty({ type: [String] }) flags: LetterFlag[];
  @ApiProperty() processingDue: string;
  @ApiProperty() identityProtected: boolean;
  @ApiProperty() version: number;
}

export class PetitionerView {
  @ApiProperty() fullName: string;
  @ApiPropertyOptional({ type: String, nullable: true }) address: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) idNumber: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) phone: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) email: string | null;
  @ApiProperty() representative: boolean;
}

export class LetterView {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() receivedOn: string;
  @ApiProperty({ enum: LETTER_CHANNELS }) channel: LetterChannel;
  @ApiPropertyOptional({ type: String, nullable: true }) forwardedBy: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) forwardedRef: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) visitId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) parentLetterId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) transferredFromLetterId: string | null;
  @ApiProperty({ enum: LETTER_CLASSIFICATIONS }) classification: LetterClassification;
  @ApiPropertyOptional({ type: String, nullable: true }) complaintTrack: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) previousCaseId: string | null;
  @ApiProperty() subject: string;
  @ApiProperty() content: string;
  @ApiProperty() petitionerCount: number;
  @ApiProperty() eligible: boolean;
  @ApiProperty({ type: [EligibilityAnswerDto] }) eligibility: EligibilityAnswerDto[];
  @ApiProperty({
    description: 'false: filed on the public form, eligibility not checked yet (chưa kiểm tra)',
  })
  eligibilityChecked: boolean;
  @ApiProperty({ type: [String] }) flags: LetterFlag[];
  @ApiProperty({ enum: LETTER_STATUSES }) status: LetterStatus;
  @ApiProperty() processingDue: string;
  @ApiPropertyOptional({ nullable: true, enum: PROCESSING_DECISIONS }) decision: ProcessingDecision | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedOn: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decidedByUserId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) decisionLegalBasis: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) guidanceBody: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) guidanceRef: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) transferToUnitId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) transferToBody: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) transferRef: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) returnRef: string | null;
  @ApiPropertyOptional({ nullable: true, enum: ARCHIVE_REASONS }) archiveReason: ArchiveReason | null;
  @ApiPropertyOptional({ type: String, nullable: true }) duplicateOfLetterId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true }) caseId: string | null;
  @ApiProperty() receiptCode: string;
  @ApiProperty() version: number;
  @ApiPropertyOptional({ type: String, nullable: true }) denunciationTrack: string | null;
  @ApiProperty({ description: 'Subject and content are the redacted copy (denunciations)' })
  identityProtected: boolean;
  @ApiPropertyOptional({ nullable: true, enum: ['self_disclosed', 'waived'] })
  identityDisclosure: string | null;
  @ApiPropertyOptional({
    type: [PetitionerView],
    nullable: true,
    description:
      'Only to those who may see them (letters:personal_data; a denouncer: see docs/identity-protection.md)',
  })
  petitioners?: PetitionerView[] | null;
}

/** `GET /letters/{id}`: how a denouncer's identity is read (docs/identity-protection.md). */
export class GetLetterQueryDto {
  @ApiPropertyOptional({
    enum: ['include', 'on_request'],
    default: 'include',
    description:
      'on_request: a protected letter (denunciation, mixed) comes without its petitioners, nothing is ' +
      'opened or audited; `identityBasis` says whether GET /letters/{id}/identity would open them',
  })
  @IsOptional()
  @IsIn(['include', 'on_request'])
  identity?: 'include' | 'on_request';
}

/** One letter as its page reads it: the view and on which basis the reader may open who wrote it. */
export class LetterPageView extends LetterView {
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['personal_data', 'custodian', 'receiver', 'accepting_head', 'reveal_grant'],
    description:
      'Why the reader may see who wrote the letter (GET /letters/{id}/identity); null: they may not',
  })
  identityBasis: string | null;
}

export class DuplicateSuggestionView {
  @ApiProperty() letterId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() receivedOn: string;
  @ApiProperty({ enum: LETTER_CLASSIFICATIONS }) classification: LetterClassification;
  @ApiProperty() subject: string;
  @ApiProperty({ enum: ['id_number', 'name_and_address'] }) matchedOn: 'id_number' | 'name_and_address';
  @ApiProperty({ description: 'Content similarity in [0, 1], diacritics ignored' }) similarity: number;
  @ApiPropertyOptional({ nullable: true, enum: PROCESSING_DECISIONS }) decision: ProcessingDecision | null;
  @ApiPropertyOptional({ type: String, nullable: true }) caseId: string | null;
}

export class CreatedLetterView extends LetterView {
  @ApiProperty({ description: 'Shown once: give it to the petitioner with the receipt code' })
  receiptSecret: string;

  @ApiProperty({ type: [DuplicateSuggestionView] })
  duplicates: DuplicateSuggestionView[];
}

export class LetterIdentityView {
  @ApiProperty({ enum: ['personal_data', 'custodian', 'receiver', 'accepting_head', 'reveal_grant'] })
  basis: string;
  @ApiProperty({ type: [PetitionerView] }) petitioners: PetitionerView[];
  @ApiProperty({ description: 'The original subject (denunciations: before redaction)' }) subject: string;
  @ApiProperty({ description: 'The original content' }) content: string;
}

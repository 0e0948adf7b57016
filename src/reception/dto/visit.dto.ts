import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { NoControlCharacters } from '../../common/http/text.js';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
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
import { MAX_PEOPLE } from '../domain/group-visit.js';
import { CCCD_PATTERN, normalisePhone, PHONE_PATTERN } from '../../common/domain/vietnamese-format.js';
import { trim } from '../../common/http/text.js';
import { IsLocalDate, trimToNull } from '../../common/http/validators.js';
import {
  CONTENT_KINDS,
  OUTCOMES,
  REFUSAL_GROUND_CODES,
  type ContentKind,
  type Outcome,
} from '../domain/reception-book.js';
import { IsTimeOfDay } from './validators.js';

/** Digits only: spaces and dots people type into a căn cước number are dropped, nothing else. */
const idDigits = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.replace(/[\s.]/g, '') : value;
const phone = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? normalisePhone(value.trim()) || null : value;

export class CitizenDto {
  @ApiProperty({ example: 'Nguyễn Văn An' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 255)
  fullName: string;

  @ApiProperty({ example: 'thôn 3, xã Tân Lập, tỉnh Đồng Nai' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 500)
  address: string;

  @ApiProperty({ example: '075203004567', description: 'Căn cước number: 12 digits' })
  @Transform(idDigits)
  @IsString()
  @NoControlCharacters()
  @Matches(CCCD_PATTERN, { message: 'idNumber must be a căn cước number of 12 digits' })
  idNumber: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: '0912345678' })
  @IsOptional()
  @Transform(phone)
  @IsString()
  @NoControlCharacters()
  @Matches(PHONE_PATTERN, { message: 'phone must be a Vietnamese telephone number (0… or +84…)' })
  phone?: string | null;

  @ApiPropertyOptional({ default: false, description: 'A representative of the group (LTCD art. 29)' })
  @IsOptional()
  @IsBoolean()
  representative?: boolean;
}

export class CreateVisitDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  unitId: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A repeat visit: the matter of the earlier visit' })
  @IsOptional()
  @IsId()
  matterId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'The session the visit took place in, if any' })
  @IsOptional()
  @IsId()
  sessionId?: string;

  @ApiProperty({ example: '2026-11-20', description: 'Not in the future' })
  @IsLocalDate()
  visitDate: string;

  @ApiProperty({ example: '08:30' })
  @IsTimeOfDay()
  visitTime: string;

  @ApiProperty({ example: 'Lê Văn Cường' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 255)
  receivingOfficerName: string;

  @ApiPropertyOptional({ type: String, nullable: true, example: 'Thanh tra viên' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(255)
  receivingOfficerTitle?: string | null;

  @ApiProperty({ type: [CitizenDto], description: 'Who came; for a group, at least its representatives' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CitizenDto)
  citizens: CitizenDto[];

  @ApiProperty({ example: 1, description: 'People who came about the same content (5 or more: a group)' })
  @IsInt()
  @Min(1)
  @Max(MAX_PEOPLE)
  peopleCount: number;

  @ApiProperty({ description: 'Content of the matter (nội dung vụ việc)' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(3, 4000)
  summary: string;

  @ApiProperty({ enum: CONTENT_KINDS })
  @IsIn(CONTENT_KINDS)
  contentKind: ContentKind;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'Bodies that have already handled it (Mẫu 03/TCD column 8)',
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(1000)
  earlierHandling?: string | null;

  @ApiProperty({ description: 'Within the unit’s competence (column 9)' })
  @IsBoolean()
  withinCompetence: boolean;

  @ApiProperty({ enum: OUTCOMES })
  @IsIn(OUTCOMES)
  outcome: Outcome;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'guided: the competent body' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(500)
  guidanceBody?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'guided: the guidance document number' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(100)
  guidanceRef?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, description: 'transferred: the body it went to' })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(500)
  transferBody?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'transferred: the transfer document number',
  })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(100)
  transferRef?: string | null;

  @ApiPropertyOptional({ enum: REFUSAL_GROUND_CODES, description: 'refused: the legal ground' })
  @IsOptional()
  @IsIn(REFUSAL_GROUND_CODES)
  refusalGround?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true })
  @IsOptional()
  @Transform(trimToNull)
  @IsString()
  @NoControlCharacters()
  @MaxLength(2000)
  notes?: string | null;
}

export class FollowUpDto {
  @ApiProperty()
  @IsInt()
  @Min(1)
  version: number;

  @ApiProperty({ description: 'What came of it (Mẫu 03/TCD column 12)' })
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 2000)
  followUp: string;
}

export class ListVisitsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  matterId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({ enum: OUTCOMES })
  @IsOptional()
  @IsIn(OUTCOMES)
  outcome?: Outcome;
}

export class VisitStatsQueryDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'Default: every unit in your scope' })
  @IsOptional()
  @IsId()
  unitId?: string;

  @ApiProperty({ example: '2026-01-01' })
  @IsLocalDate()
  from: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsLocalDate()
  to: string;
}

export class ExportBookQueryDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  unitId: string;

  @ApiProperty({ example: '2026-07-01' })
  @IsLocalDate()
  from: string;

  @ApiProperty({ example: '2026-12-31' })
  @IsLocalDate()
  to: string;

  @ApiPropertyOptional({ enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';
}

export class MatterLookupDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  unitId: string;

  @ApiProperty({
    description: 'Căn cước number of a citizen of an earlier visit (in the body, never in a URL)',
  })
  @Transform(idDigits)
  @IsString()
  @NoControlCharacters()
  @Matches(CCCD_PATTERN, { message: 'idNumber must be a căn cước number of 12 digits' })
  idNumber: string;
}

export class PendingIntakesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({ enum: ['pending', 'taken'], default: 'pending' })
  @IsOptional()
  @IsIn(['pending', 'taken'])
  status?: 'pending' | 'taken';
}

// ── views ─────────────────────────────────────────────────────────────────────────────────────────

export class CitizenView {
  @ApiProperty() fullName: string;
  @ApiProperty() address: string;
  @ApiProperty() idNumber: string;
  @ApiProperty({ nullable: true, type: String }) phone: string | null;
  @ApiProperty() representative: boolean;
}

export class VisitDeadlineView {
  @ApiProperty({ enum: ['TCD-2', 'TCD-5'] }) ruleId: string;
  @ApiProperty({ nullable: true, type: String }) due: string | null;
}

/** A book entry without who came: what lists and roles without `reception:personal_data` get. */
export class VisitSummaryView {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() matterId: string;
  @ApiProperty({ description: '1: the first visit of the matter; 2…: repeat visits' }) visitNumber: number;
  @ApiProperty({ nullable: true, type: String }) sessionId: string | null;
  @ApiProperty() visitDate: string;
  @ApiProperty() visitTime: string;
  @ApiProperty() receivingOfficerName: string;
  @ApiProperty({ nullable: true, type: String }) receivingOfficerTitle: string | null;
  @ApiProperty() peopleCount: number;
  @ApiProperty() group: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'null when withheld (see textWithheld)',
  })
  summary: string | null;
  @ApiProperty({ enum: CONTENT_KINDS }) contentKind: ContentKind;
  @ApiProperty({ nullable: true, type: String }) earlierHandling: string | null;
  @ApiProperty() withinCompetence: boolean;
  @ApiProperty({ enum: OUTCOMES }) outcome: Outcome;
  @ApiProperty({ nullable: true, type: String }) guidanceBody: string | null;
  @ApiProperty({ nullable: true, type: String }) guidanceRef: string | null;
  @ApiProperty({ nullable: true, type: String }) transferBody: string | null;
  @ApiProperty({ nullable: true, type: String }) transferRef: string | null;
  @ApiProperty({ nullable: true, type: String }) refusalGround: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'TCD-2' }) replyDue: string | null;
  @ApiProperty() refusalNoticeRequired: boolean;
  @ApiProperty({ nullable: true, type: String, description: 'TCD-5' }) refusalNoticeDue: string | null;
  @ApiProperty({ nullable: true, type: String }) followUp: string | null;
  @ApiProperty({ nullable: true, type: String }) notes: string | null;
  @ApiProperty({
    description:
      'true when the dictated text of a denunciation (or mixed) visit is withheld from a role without reception:personal_data: it may identify the denouncer (LTC art. 56(2))',
  })
  textWithheld: boolean;
  @ApiProperty({
    description:
      'A denouncer came: the visitors are sealed and shown only under the letter’s rules (docs/identity-protection.md)',
  })
  identityProtected: boolean;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'For a protected visit the reader may not see: “người tố cáo — thông tin được bảo vệ”',
  })
  visitorsLabel: string | null;
  @ApiProperty() version: number;
}

export class VisitView extends VisitSummaryView {
  @ApiProperty({
    type: [CitizenView],
    nullable: true,
    description: 'Only for reception:personal_data (each read is audited); null otherwise',
  })
  citizens: CitizenView[] | null;
}

export class VisitStatsView {
  @ApiProperty() visits: number;
  @ApiProperty() firstVisits: number;
  @ApiProperty() repeatVisits: number;
  @ApiProperty() matters: number;
  @ApiProperty() people: number;
  @ApiProperty() groupVisits: number;
  @ApiProperty({ type: Object }) byContentKind: Record<string, number>;
  @ApiProperty({ type: Object }) byOutcome: Record<string, number>;
}

export class MatterView {
  @ApiProperty() id: string;
  @ApiProperty() unitId: string;
  @ApiProperty() openedOn: string;
  @ApiProperty({ enum: CONTENT_KINDS }) contentKind: ContentKind;
  @ApiProperty() summary: string;
  @ApiProperty() visitCount: number;
  @ApiProperty() lastVisitOn: string;
}

export class PendingIntakeView {
  @ApiProperty() id: string;
  @ApiProperty() visitId: string;
  @ApiProperty() unitId: string;
  @ApiProperty() receivedOn: string;
  @ApiProperty({ enum: CONTENT_KINDS }) contentKind: ContentKind;
  @ApiProperty({ enum: ['pending', 'taken'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) letterId: string | null;
}

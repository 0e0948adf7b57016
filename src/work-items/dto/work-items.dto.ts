import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsIn, IsOptional, IsString, Length, Matches } from 'class-validator';
import { IsId } from '../../common/http/id.js';
import { PageQueryDto } from '../../common/http/page.dto.js';
import { NoControlCharacters, trim } from '../../common/http/text.js';
import { WORK_ITEM_KINDS, type WorkItemKind } from '../domain/work-list.js';

export class ListWorkItemsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['mine', 'unit'],
    default: 'unit',
    description:
      'mine: cases assigned to me, letters awaiting my decision (cases:manage over their unit), my unit’s obligations; unit: everything in my units',
  })
  @IsOptional()
  @IsIn(['mine', 'unit'])
  scope: 'mine' | 'unit' = 'unit';

  @ApiPropertyOptional({ enum: WORK_ITEM_KINDS })
  @IsOptional()
  @IsIn(WORK_ITEM_KINDS)
  kind?: WorkItemKind;

  @ApiPropertyOptional({ format: 'uuid', description: 'One unit (a head may pick a unit below theirs)' })
  @IsOptional()
  @IsId()
  unitId?: string;

  @ApiPropertyOptional({ description: 'The state of a case, the status of a letter or obligation' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{2,40}$/)
  state?: string;

  @ApiPropertyOptional({ description: 'A case’s track or an obligation’s kind' })
  @IsOptional()
  @IsString()
  @Matches(/^[a-z_]{2,40}$/)
  track?: string;

  @ApiPropertyOptional({
    enum: ['this_week', 'overdue'],
    description: 'By the nearest open statutory deadline',
  })
  @IsOptional()
  @IsIn(['this_week', 'overdue'])
  due?: 'this_week' | 'overdue';

  @ApiPropertyOptional({ description: 'Words of the title or number; diacritics and case ignored' })
  @IsOptional()
  @Transform(trim)
  @IsString()
  @NoControlCharacters()
  @Length(2, 200)
  q?: string;

  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc', description: 'By the nearest due date' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order: 'asc' | 'desc' = 'asc';
}

export class WorkItemView {
  @ApiProperty({ enum: WORK_ITEM_KINDS }) kind: WorkItemKind;
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ description: 'Receipt code of a letter, case number of a case or of the obligation’s case' })
  ref: string;
  @ApiProperty({ description: 'The subject (a denunciation’s redacted copy) or the obligation' })
  title: string;
  @ApiProperty() state: string;
  @ApiPropertyOptional({ type: String, nullable: true }) track: string | null;
  @ApiProperty({ format: 'uuid' }) unitId: string;
  @ApiProperty() unitName: string;
  @ApiPropertyOptional({ type: String, nullable: true }) handlerUserId: string | null;
  @ApiPropertyOptional({ type: String, nullable: true, description: 'The nearest open statutory due date' })
  nextDue: string | null;
  @ApiProperty({ description: 'Received on (letters, cases) or opened on (obligations)' })
  since: string;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    format: 'uuid',
    description: 'The enforcement record of an obligation',
  })
  parentId: string | null;
  @ApiProperty({ description: 'Whether the item is in "Việc của tôi"' }) mine: boolean;
}

export class WorkItemKindCounts {
  @ApiProperty() letter: number;
  @ApiProperty() complaint: number;
  @ApiProperty() denunciation: number;
  @ApiProperty() obligation: number;
}

export class WorkItemCounts {
  @ApiProperty({ description: 'Items matching every filter but kind and due' }) all: number;
  @ApiProperty({ type: WorkItemKindCounts }) byKind: WorkItemKindCounts;
  @ApiProperty() dueThisWeek: number;
  @ApiProperty() overdue: number;
}

export class WorkItemsPage {
  @ApiProperty({ type: [WorkItemView] }) items: WorkItemView[];
  @ApiProperty() page: number;
  @ApiProperty() pageSize: number;
  @ApiProperty() total: number;
  @ApiProperty({ type: WorkItemCounts }) counts: WorkItemCounts;
  @ApiProperty({ description: 'Today in Asia/Ho_Chi_Minh, the day the counts were made on' }) today: string;
}

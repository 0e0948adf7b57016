import { ApiProperty } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { UUID_PATTERN } from '../ids/uuid7.js';

/** Record ids are UUIDs (version 7, time-ordered). */
export const IsId = () => Matches(UUID_PATTERN, { message: '$property must be an id (a lower-case UUID)' });

/** `:id` route parameter, validated like any other input (400 VALIDATION_FAILED on field `id`). */
export class IdParamDto {
  @ApiProperty({ format: 'uuid' })
  @IsId()
  id: string;
}

import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsString, Length } from 'class-validator';
import { ApiProperty } from '@nestjs/swagger';
import { PublicRoute } from '../../common/http/public-route.decorator.js';
import { trim } from '../../common/http/text.js';
import { LetterStatusService } from './letter-status.service.js';

export class LetterStatusQueryDto {
  @ApiProperty({ example: 'TD-2026-7KQ4-M9XP' })
  @Transform(trim)
  @IsString()
  @Length(8, 40)
  code: string;

  @ApiProperty({ example: 'K7M2QX9PRA' })
  @Transform(trim)
  @IsString()
  @Length(4, 40)
  secret: string;
}

/**
 * The petitioner's status lookup (JSON). POST so the secret stays out of URLs, proxies and browser
 * history. A wrong secret, an unknown code and a malformed code all answer the same 404.
 */
@ApiTags('public letter status')
@PublicRoute()
@Controller('public')
export class LetterStatusController {
  constructor(private readonly status: LetterStatusService) {}

  @Post('letter-status')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Milestones and the current statutory deadline of a letter, by receipt code and secret',
  })
  @ApiOkResponse({ description: 'Citizen-safe status; 404 RECEIPT_NOT_FOUND otherwise' })
  lookup(@Body() dto: LetterStatusQueryDto) {
    return this.status.status(dto.code, dto.secret);
  }
}

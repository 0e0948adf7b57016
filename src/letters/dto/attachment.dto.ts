import { ApiProperty } from '@nestjs/swagger';

/** A file of a letter (or of a case's dossier: its letter's files), as its reader may see it. */
export class AttachmentView {
  @ApiProperty({ format: 'uuid' }) id: string;

  @ApiProperty({
    description: 'The file’s name; `tep-nhan-dang` for an identifying file the reader may not see',
  })
  fileName: string;

  @ApiProperty({ description: 'Detected from the file’s first bytes' }) mediaType: string;
  @ApiProperty() sizeBytes: number;

  @ApiProperty({
    type: String,
    nullable: true,
    description:
      'Hidden (null) with the name when the file identifies its author and the reader may not see it',
  })
  sha256: string | null;

  @ApiProperty({ description: 'The file identifies its author (protected like a denouncer’s identity)' })
  identifying: boolean;

  @ApiProperty({ type: String, nullable: true, format: 'uuid' }) uploadedByUserId: string | null;

  @ApiProperty({ type: String, nullable: true, description: 'The officer who uploaded it' })
  uploadedByName: string | null;

  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

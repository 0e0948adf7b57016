import type { ColumnOptions } from 'typeorm';

/** Ids are UUIDv7 strings (src/common/ids/uuid7.ts), stored as ASCII with a binary collation. */
export const ID_COLUMN = { type: 'char', length: 36, charset: 'ascii', collation: 'ascii_bin' } as const;

/** Short machine words (kinds, statuses, codes). */
export const CODE_COLUMN = (length = 20): ColumnOptions => ({
  type: 'varchar',
  length,
  charset: 'ascii',
  collation: 'ascii_bin',
});

export const CREATED_AT = { type: 'datetime', precision: 3, default: () => 'CURRENT_TIMESTAMP(3)' } as const;
export const UPDATED_AT = {
  type: 'datetime',
  precision: 3,
  default: () => 'CURRENT_TIMESTAMP(3)',
  onUpdate: 'CURRENT_TIMESTAMP(3)',
} as const;

import { createHash } from 'node:crypto';

/** SHA-256 of the UTF-8 text as lower-case hex: the digest the audit chain uses (domain/chain.ts). */
export function sha256Hex(input: string): string {
  return createHash('sha256').update(input, 'utf8').digest('hex');
}

import type { CreateLetterDto } from '../../src/letters/dto/letter.dto.js';

/**
 * The answers of a letter that passes every eligibility check (TT 05/2021 art. 6): what an officer
 * logging an ordinary, processable letter sends as `eligibility`.
 */
export const ALL_PASSED: CreateLetterDto['eligibility'] = [
  'language',
  'dated',
  'identified_and_signed',
  'content_complete',
  'lawful_content',
  'legible',
].map((check) => ({ check, passed: true }) as CreateLetterDto['eligibility'][number]);

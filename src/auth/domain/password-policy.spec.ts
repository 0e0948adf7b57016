import { passwordProblems } from './password-policy.js';

const COMMON = new Set(['123456789012', 'passwordpassword']);
const isCommon = (p: string) => COMMON.has(p.toLowerCase());
const EMAIL = 'lan.nguyen@sgddt.gov.vn';

describe('passwordProblems', () => {
  it.each([
    ['a long passphrase of words', []],
    ['short', ['must be at least 12 characters']],
    ['aaaaaaaaaaaaaaa', ['must not repeat a single character']],
    ['lan.nguyen@sgddt.gov.vn', ['must not be the e-mail address']],
    ['x'.repeat(300), ['must be at most 256 characters', 'must not repeat a single character']],
    ['123456789012', ['is one of the most commonly used passwords: choose another']],
    ['PasswordPassword', ['is one of the most commonly used passwords: choose another']],
    ['lan.nguyen-2026!', ['must not contain the e-mail address']],
  ])('%s → %j', (password, expected) => {
    expect(passwordProblems(password, { email: EMAIL, isCommon })).toEqual(expected);
  });

  it('refuses the account’s own name, with or without diacritics, in either order', () => {
    const fullName = 'Nguyễn Thị Lan Hương';
    for (const password of [
      'nguyenthilanhuong',
      'Nguyễn Thị Lan Hương',
      'huonglanthinguyen',
      'NguyenThiLanHuong1',
    ]) {
      expect(passwordProblems(password, { fullName })).toEqual(['must not be made of your name']);
    }
    expect(passwordProblems('Hương đi chợ mua rau muống', { fullName })).toEqual([]);
  });

  it('counts characters, not UTF-16 units (Vietnamese with diacritics)', () => {
    expect(passwordProblems('Tiếp dân ngày')).toEqual([]);
    expect(passwordProblems('Tiếp dân')).toEqual(['must be at least 12 characters']);
  });
});

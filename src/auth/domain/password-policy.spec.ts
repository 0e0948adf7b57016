import { passwordProblems } from './password-policy.js';

describe('passwordProblems', () => {
  it.each([
    ['a long passphrase of words', []],
    ['short', ['must be at least 12 characters']],
    ['aaaaaaaaaaaaaaa', ['must not repeat a single character']],
    ['lan.nguyen@sgddt.gov.vn', ['must not be the e-mail address']],
    ['x'.repeat(300), ['must be at most 256 characters', 'must not repeat a single character']],
  ])('%s → %j', (password, expected) => {
    expect(passwordProblems(password, 'lan.nguyen@sgddt.gov.vn')).toEqual(expected);
  });

  it('counts characters, not UTF-16 units (Vietnamese with diacritics)', () => {
    expect(passwordProblems('Tiếp dân ngày', undefined)).toEqual([]);
    expect(passwordProblems('Tiếp dân', undefined)).toEqual(['must be at least 12 characters']);
  });
});

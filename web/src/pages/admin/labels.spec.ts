import { PASSWORD_MIN_LENGTH, passwordProblems } from '../../../../src/auth/domain/password-policy';
import { PERMISSIONS, ROLES } from '../../../../src/auth/domain/roles';
import { ladderProblems, RECIPIENT_RULES } from '../../../../src/escalations/domain/ladder';
import { UNIT_KINDS } from '../../../../src/units/domain/unit-kind';
import {
  ladderProblemText,
  PERMISSION_TEXT,
  PASSWORD_POLICY_TEXT,
  passwordProblemText,
  RECIPIENT_TEXT,
  ROLE_TEXT,
  UNIT_KIND_TEXT,
} from './labels';

describe('the administration screens’ Vietnamese', () => {
  it('names every role, permission, unit kind and recipient rule the API defines, and nothing else', () => {
    expect(Object.keys(ROLE_TEXT).sort()).toEqual([...ROLES].sort());
    expect(Object.keys(PERMISSION_TEXT).sort()).toEqual([...PERMISSIONS].sort());
    expect(Object.keys(UNIT_KIND_TEXT).sort()).toEqual([...UNIT_KINDS].sort());
    expect(Object.keys(RECIPIENT_TEXT).sort()).toEqual([...RECIPIENT_RULES].sort());
  });

  it('translates every problem the password policy can answer', () => {
    const account = { email: 'lan.nguyen@so.gov.vn', fullName: 'Nguyễn Thị Lan', isCommon: () => true };
    const problems = [
      ...passwordProblems('ngắn', account),
      ...passwordProblems('a'.repeat(300), account),
      ...passwordProblems('password1234', account),
      ...passwordProblems('lan.nguyen@so.gov.vn', account),
      ...passwordProblems('xx-lan.nguyen-2026', account),
      ...passwordProblems('nguyenthilan2026', account),
    ];
    expect(new Set(problems).size).toBe(7);
    for (const p of problems)
      expect([p, passwordProblemText(p)]).not.toEqual([p, 'Mật khẩu chưa đạt yêu cầu']);
    expect(passwordProblemText('must be at least 12 characters')).toBe('Cần ít nhất 12 ký tự');
    expect(PASSWORD_POLICY_TEXT).toMatch(new RegExp(`^Ít nhất ${PASSWORD_MIN_LENGTH} ký tự;`));
  });

  it('translates every problem of a ladder', () => {
    const problems = [
      ...ladderProblems([]),
      ...ladderProblems([
        { level: 2, workingDaysFromDue: -3, recipients: ['handler'] },
        { level: 1, workingDaysFromDue: 0, recipients: ['handler'] },
        { level: 3, workingDaysFromDue: -5, recipients: ['unit_head'] },
        { level: 4, workingDaysFromDue: 99, recipients: ['unit_head'] },
        { level: 5, workingDaysFromDue: 9, recipients: ['mayor'] },
      ]),
    ].map((p) => p.message);
    expect(problems).toHaveLength(5);
    for (const p of problems) expect([p, ladderProblemText(p)]).not.toEqual([p, 'Giá trị không hợp lệ']);
  });
});

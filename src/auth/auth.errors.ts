import { DomainError, type DomainErrorDetail } from '../common/domain/domain-error.js';

export const AuthErrors = {
  required: () =>
    new DomainError(
      'AUTH_REQUIRED',
      'Sign in first: send "Authorization: Bearer <access token>".',
      'unauthenticated',
    ),
  tokenInvalid: () =>
    new DomainError('AUTH_TOKEN_INVALID', 'The access token is not valid.', 'unauthenticated'),
  tokenExpired: () =>
    new DomainError('AUTH_TOKEN_EXPIRED', 'The access token has expired; refresh it.', 'unauthenticated'),
  sessionEnded: () =>
    new DomainError(
      'AUTH_SESSION_ENDED',
      'This sign-in has ended (signed out, expired or revoked); sign in again.',
      'unauthenticated',
    ),
  invalidCredentials: () =>
    new DomainError(
      'AUTH_INVALID_CREDENTIALS',
      'The e-mail address or password is wrong.',
      'unauthenticated',
    ),
  tooManyAttempts: (retryAfterSeconds: number) =>
    new DomainError(
      'AUTH_TOO_MANY_ATTEMPTS',
      `Too many failed attempts: wait ${retryAfterSeconds} s before trying again.`,
      'too_many',
      undefined,
      { retryAfterSeconds },
    ),
  refreshRace: () =>
    new DomainError(
      'AUTH_REFRESH_RACE',
      'This refresh token was just exchanged by another request; use the tokens that request received.',
      'conflict',
    ),
  refreshInvalid: () =>
    new DomainError(
      'AUTH_REFRESH_INVALID',
      'The refresh token is not valid; sign in again.',
      'unauthenticated',
    ),
  refreshReused: () =>
    new DomainError(
      'AUTH_REFRESH_REUSED',
      'This refresh token was already used, so it may have been stolen: the sign-in has been ended everywhere. Sign in again.',
      'unauthenticated',
    ),
  forbidden: () => new DomainError('AUTH_FORBIDDEN', 'Your roles do not allow this action.', 'forbidden'),
  routeNotDeclared: () =>
    new DomainError(
      'AUTH_ROUTE_NOT_DECLARED',
      'This route declares no access rule, so it is closed.',
      'forbidden',
    ),
  currentPasswordWrong: () =>
    new DomainError('AUTH_CURRENT_PASSWORD_WRONG', 'The current password is wrong.', 'unprocessable', [
      { field: 'currentPassword', message: 'is wrong' },
    ]),
  weakPassword: (field: string, problems: string[]) =>
    new DomainError(
      'AUTH_PASSWORD_TOO_WEAK',
      `The new password ${problems.join(', ')}.`,
      'invalid',
      problems.map((message): DomainErrorDetail => ({ field, message })),
    ),
};

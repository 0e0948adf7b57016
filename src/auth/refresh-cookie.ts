import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../common/domain/domain-error.js';
import { cookieValue } from '../common/http/signed-session-cookie.js';

/**
 * The officers' console keeps its refresh token in a cookie that scripts cannot read (docs/console.md):
 * HttpOnly, Secure (browsers accept Secure cookies from http://localhost and http://127.0.0.1 too),
 * SameSite=Strict, and sent to the browser sign-in routes only.
 */
export const REFRESH_COOKIE = 'tiepdan_refresh';
export const BROWSER_AUTH_PATH = '/api/v1/auth/browser';

/**
 * The header every browser-session route requires. A cross-site form cannot send a custom header, and a
 * cross-site script that tries needs a CORS preflight, which only CORS_ORIGINS pass: with SameSite=Strict
 * this closes CSRF on the cookie routes.
 */
export const CONSOLE_HEADER = 'x-tiepdan-console';

export function refreshCookie(token: string, expiresAt: Date, now: Date): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - now.getTime()) / 1000));
  return `${REFRESH_COOKIE}=${token}; Path=${BROWSER_AUTH_PATH}; Max-Age=${maxAge}; HttpOnly; Secure; SameSite=Strict`;
}

export function clearedRefreshCookie(): string {
  return `${REFRESH_COOKIE}=; Path=${BROWSER_AUTH_PATH}; Max-Age=0; HttpOnly; Secure; SameSite=Strict`;
}

export function refreshTokenFrom(request: FastifyRequest): string | undefined {
  const value = cookieValue(request.headers.cookie, REFRESH_COOKIE);
  return value ? value : undefined;
}

/** Refuses a request to a cookie route that lacks the console's header (a forged cross-site request). */
export function requireConsoleHeader(request: FastifyRequest): void {
  if (request.headers[CONSOLE_HEADER] !== '1') {
    throw new DomainError(
      'AUTH_CONSOLE_HEADER_MISSING',
      `Browser sign-in routes need the "${CONSOLE_HEADER}: 1" header.`,
      'forbidden',
    );
  }
}

export function setNoStore(reply: FastifyReply): void {
  void reply.header('cache-control', 'no-store');
}

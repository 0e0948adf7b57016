import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import { Injectable, NotFoundException, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { DomainError } from '../common/domain/domain-error.js';
import { AppConfig } from '../config/app-config.js';

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms. */
export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  const plain = address.startsWith('::ffff:') ? address.slice(7) : address;
  if (isIP(plain) === 4) return plain.startsWith('127.');
  return plain === '::1';
}

const digest = (value: string) => createHash('sha256').update(value, 'utf8').digest();

/**
 * /metrics: with METRICS_TOKEN set, only `Authorization: Bearer <token>` (401 otherwise, whoever
 * asks); without it, only a scraper connected over the loopback interface, and not through a proxy
 * (a request carrying Forwarded / X-Forwarded-For came from elsewhere, whatever the socket says) — for
 * any other client the route does not exist (404).
 */
@Injectable()
export class MetricsAccessGuard implements CanActivate {
  constructor(private readonly config: AppConfig) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const token = this.config.metrics.token;
    if (token) {
      const header = request.headers.authorization;
      const presented = typeof header === 'string' ? /^Bearer (\S+)$/.exec(header)?.[1] : undefined;
      if (presented !== undefined && timingSafeEqual(digest(presented), digest(token))) return true;
      throw new DomainError(
        'METRICS_TOKEN_INVALID',
        'Send "Authorization: Bearer <METRICS_TOKEN>" to read the metrics.',
        'unauthenticated',
      );
    }
    const proxied =
      request.headers['x-forwarded-for'] !== undefined || request.headers.forwarded !== undefined;
    if (!proxied && isLoopback(request.raw.socket.remoteAddress)) return true;
    throw new NotFoundException();
  }
}

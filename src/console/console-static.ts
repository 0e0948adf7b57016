import fastifyStatic from '@fastify/static';
import { NotFoundException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { toErrorResponse } from '../common/http/all-exceptions.filter.js';
import type { AppConfig } from '../config/app-config.js';

/** Hashed file names change with their content: cached for a year, never revalidated. */
export const ASSET_CACHE_CONTROL = 'public, max-age=31536000, immutable';
/** The HTML shell names the current assets: always asked again. */
export const SHELL_CACHE_CONTROL = 'no-cache';

/**
 * Paths the console never answers: the API, the operations pages, the assets and the public pages keep
 * their own answers and their own 404s (the list of routes outside /api/v1 is passed in).
 */
function reservedPrefixes(routesOutsidePrefix: readonly { path: string }[]): string[] {
  const tops = new Set(['api', 'admin', 'assets', 'health', 'metrics']);
  for (const route of routesOutsidePrefix) tops.add(route.path.split('/')[0].replace(/\.[a-z]+$/, ''));
  return [...tops];
}

export function isConsolePath(path: string, reserved: string[]): boolean {
  const first = path.split('/')[1] ?? '';
  if (reserved.some((top) => first === top || first.startsWith(`${top}.`))) return false;
  // A file name (favicon.ico, robots.txt…) is not a console page.
  return !/\.[A-Za-z0-9]+$/.test(path);
}

/**
 * Serves the built console (docs/console.md): `CONSOLE_DIR/assets/*` with long-lived caching, and the
 * HTML shell `index.html` (never cached) for `/` and any other GET of a console page (the client-side
 * router takes it from there). A shell without a build is a 404 like any unknown path.
 */
export async function registerConsole(
  app: NestFastifyApplication,
  config: AppConfig,
  routesOutsidePrefix: readonly { path: string }[],
): Promise<void> {
  const dir = resolve(config.console.dir);
  const shellFile = join(dir, 'index.html');
  if (!existsSync(shellFile)) return;
  const shell = readFileSync(shellFile);
  if (existsSync(join(dir, 'assets'))) {
    await app.register(fastifyStatic as never, {
      root: join(dir, 'assets'),
      prefix: '/assets/',
      index: false,
      // ASSET_CACHE_CONTROL: public, max-age=31536000, immutable
      maxAge: 365 * 24 * 3600 * 1000,
      immutable: true,
      // The build writes each script and style sheet also as .br and .gz (web/vite.config.ts): the one the
      // browser accepts is sent, with Content-Encoding and Vary: Accept-Encoding.
      preCompressed: true,
    });
  }
  const reserved = reservedPrefixes(routesOutsidePrefix);
  const fastify = app.getHttpAdapter().getInstance();
  const answer = async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0];
    if (!isConsolePath(path, reserved)) {
      const body = toErrorResponse(new NotFoundException(), String(request.id));
      return reply.code(404).type('application/json; charset=utf-8').send(body);
    }
    return reply.header('cache-control', SHELL_CACHE_CONTROL).type('text/html; charset=utf-8').send(shell);
  };
  fastify.get('/', answer);
  fastify.get('/*', answer);
}

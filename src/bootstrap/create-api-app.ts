import { registerMultipart } from '../attachments/multipart.js';
import { acceptStatusPageForm } from '../letters/public/letter-status.controller.js';
import { RequestMethod, type DynamicModule, type INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import secureJson from 'secure-json-parse';
import { AppModule } from '../app.module.js';
import { DomainError } from '../common/domain/domain-error.js';
import { AllExceptionsFilter } from '../common/http/all-exceptions.filter.js';
import { jsonTooDeep, MAX_JSON_DEPTH } from '../common/http/json-depth.js';
import { requestIdFor } from '../common/http/request-id.js';
import { registerSecurityHeaders } from '../common/http/security-headers.js';
import { registerLeanRequestLog } from '../common/logging/lean-request-log.js';
import { createValidationPipe } from '../common/http/validation.js';
import { registerQueueBoard } from '../operations/queue-board.js';
import { registerConsole } from '../console/console-static.js';
import type { AppConfig } from '../config/app-config.js';

export const API_PREFIX = 'api/v1';

/** Routes served at their own paths, outside `/api/v1` (the console's SPA fallback leaves them alone). */
export const ROUTES_OUTSIDE_PREFIX = [
  { path: 'health/live', method: RequestMethod.GET },
  { path: 'health/ready', method: RequestMethod.GET },
  // The public reception calendar: a page and feeds citizens open without login (src/reception/public).
  { path: 'lich-tiep-cong-dan', method: RequestMethod.GET },
  { path: 'lich-tiep-cong-dan.json', method: RequestMethod.GET },
  { path: 'lich-tiep-cong-dan.ics', method: RequestMethod.GET },
  { path: 'tra-cuu-don', method: RequestMethod.ALL }, // the receipt-code status page (src/letters/public)
  // The online letter form, its proof-of-work challenge and its scripts (src/letters/public).
  { path: 'gui-don', method: RequestMethod.ALL },
  { path: 'gui-don/thu-thach', method: RequestMethod.GET },
  { path: 'gui-don/tai-nguyen/:file', method: RequestMethod.GET },
  // The links of the citizen's e-mails: checking a mail, unsubscribing (src/letters/public).
  { path: 'xac-thuc-thu', method: RequestMethod.GET },
  { path: 'huy-nhan-thu', method: RequestMethod.ALL },
  { path: 'metrics', method: RequestMethod.GET }, // Prometheus (src/operations)
  { path: 'bang-dieu-khien', method: RequestMethod.GET }, // the inspectorate dashboard page (src/dashboard)
] as const;

/**
 * Builds the API application exactly as production runs it; tests use the same function (and may wrap
 * the root module to add a probe).
 */
export async function createApiApp(
  config: AppConfig,
  rootModule: DynamicModule = AppModule.forRoot(config),
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: config.http.bodyLimitBytes,
    trustProxy: fastifyTrustProxy(config.http.trustProxy),
    genReqId: requestIdFor,
    logger: false,
    return503OnClosing: true,
  });
  // Request logs name the matched route's pattern, not the path (src/common/logging). The adapter's own
  // request hook runs before Nest middleware — the request logger among them — so the pattern is known
  // when that logger takes its fields; a hook added later ran after it, and each request line carried
  // `route` twice, the first "(no route)".
  adapter.setOnRequestHook((request, _reply, done) => {
    (request.raw as { routePattern?: string }).routePattern = request.routeOptions.url;
    done();
  });
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    bufferLogs: true,
    abortOnError: false,
    // Body parsing is ours (below): Nest would otherwise install Fastify's JSON parser again at init.
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();

  app.setGlobalPrefix(API_PREFIX, { exclude: [...ROUTES_OUTSIDE_PREFIX] });
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableCors({
    origin: config.http.corsOrigins.length > 0 ? config.http.corsOrigins : false,
    credentials: true,
    exposedHeaders: ['x-request-id', 'etag'],
  });
  const fastify = app.getHttpAdapter().getInstance();
  // Helmet's headers with our Content-Security-Policy, computed once (src/common/http/security-headers.ts).
  registerSecurityHeaders(fastify);
  // Letters' attachments arrive as multipart/form-data (src/attachments/multipart.ts).
  await registerMultipart(app);
  // The status page's and the letter form's forms post application/x-www-form-urlencoded, read for them only.
  acceptStatusPageForm(app);
  // Fastify's own JSON parser answers bad JSON with an untyped 400; ours gives the house error code,
  // still refuses prototype-poisoning keys, and refuses nesting deeper than MAX_JSON_DEPTH before parsing
  // (the parser and the validation recurse: 100,000 levels would be a 500).
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (_request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (text.trim() === '') return done(null, undefined);
    if (jsonTooDeep(text)) {
      return done(
        new DomainError(
          'REQUEST_TOO_DEEP',
          `The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels.`,
          'invalid',
          [
            {
              field: 'body',
              message: `must not nest objects or arrays deeper than ${MAX_JSON_DEPTH} levels`,
            },
          ],
        ),
        undefined,
      );
    }
    try {
      done(null, secureJson.parse(text, undefined, { protoAction: 'error', constructorAction: 'error' }));
    } catch {
      done(
        new DomainError('REQUEST_INVALID_JSON', 'The request body is not valid JSON.', 'invalid'),
        undefined,
      );
    }
  });
  // The public calendar's requests are logged by a lean hook, not pino-http (src/common/logging).
  registerLeanRequestLog(fastify);
  fastify.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // Answers of the API may carry personal data (identities, petitioners, the reception book, exports):
    // no browser or proxy keeps them, unless a route chose its own caching (docs/security.md).
    if (request.url.startsWith(`/${API_PREFIX}/`) && !reply.hasHeader('cache-control')) {
      reply.header('cache-control', 'no-store');
    }
  });

  await registerQueueBoard(app); // Bull Board at /admin/queues, administrators only (src/operations)
  // The officers' console at / (web/, built into CONSOLE_DIR; src/console, docs/console.md).
  await registerConsole(app, config, ROUTES_OUTSIDE_PREFIX);

  const document = buildApiDocument(app);
  SwaggerModule.setup('api/docs', app, document, {
    jsonDocumentUrl: 'api/docs-json',
    useGlobalPrefix: false,
  });

  app.enableShutdownHooks();
  return app;
}

/** The OpenAPI document of the routes `app` serves (also written for the console by scripts/openapi.ts). */
export function buildApiDocument(app: INestApplication) {
  return SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('tiepdan API')
      .setDescription(
        'Citizen reception (tiếp công dân), letters (đơn), complaints (khiếu nại), denunciations (tố cáo) and petitions (kiến nghị, phản ánh).',
      )
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
}

/** TRUST_PROXY as Fastify takes it: a number of hops becomes "trust the nearest N" (docs/deployment.md). */
function fastifyTrustProxy(value: boolean | number | string) {
  return typeof value === 'number' ? (_address: string, hop: number) => hop < value : value;
}

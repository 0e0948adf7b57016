import { Module, RequestMethod, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AppConfig } from '../../config/app-config.js';
import { LEAN_LOGGED_PATHS } from './lean-request-log.js';

/**
 * Structured JSON logs, one object a line, each with the request id (`req.id`) of the request that
 * caused it. Only method, path (never the query string: it can carry names or ID numbers), status and
 * timing are logged — no bodies, no headers but the request id.
 */
@Module({})
export class LoggingModule {
  static forRoot(processName: 'api' | 'worker' | 'cli'): DynamicModule {
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            // Probes call these every few seconds; logging them would drown everything else.
            exclude: [
              { method: RequestMethod.GET, path: 'health/live' },
              { method: RequestMethod.GET, path: 'health/ready' },
              // Logged by a lean hook instead, each request one line as here (lean-request-log.ts).
              ...LEAN_LOGGED_PATHS.map((path) => ({ method: RequestMethod.GET, path })),
            ],
            pinoHttp: {
              level: config.log.level,
              base: { process: processName },
              transport: config.log.pretty
                ? { target: 'pino-pretty', options: { singleLine: true } }
                : undefined,
              autoLogging: processName === 'api',
              quietReqLogger: true,
              customAttributeKeys: { reqId: 'requestId' },
              // The route's pattern (`/api/v1/reception/visits/:id`), never the raw path: a caller may put
              // anything in a URL, a citizen's ID number included. Known before this middleware runs (the
              // adapter's request hook in create-api-app.ts): bound once, each line has one `route`.
              customProps: (req: IncomingMessage & { routePattern?: string }) => ({
                route: req.routePattern ?? '(no route)',
              }),
              serializers: {
                req: (req: IncomingMessage & { id?: string }) => ({ id: req.id, method: req.method }),
                res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
              },
              redact: {
                paths: ['req.headers', 'res.headers', '*.password', '*.token', '*.refreshToken'],
                remove: true,
              },
            },
          }),
        }),
      ],
      exports: [LoggerModule],
    };
  }
}

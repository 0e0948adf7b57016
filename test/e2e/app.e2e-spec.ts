import { Body, Controller, Get, Module, Post, type DynamicModule } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { Type } from 'class-transformer';
import { IsInt, IsString, Length, Min, ValidateNested } from 'class-validator';
import request from 'supertest';
import { AppModule } from '../../src/app.module.js';
import { DomainError } from '../../src/common/domain/domain-error.js';
import { PublicRoute } from '../../src/common/http/public-route.decorator.js';
import { startApi } from '../support/api.js';
import { testConfig } from '../support/env.js';
import { securityHeaders, SECURITY_HEADER_OPTIONS } from '../../src/common/http/security-headers.js';

class ProbeAddressDto {
  @IsString()
  @Length(1, 20)
  commune: string;
}

class ProbeDto {
  @IsString()
  @Length(2, 10)
  name: string;

  @IsInt()
  @Min(1)
  count: number;

  @ValidateNested()
  @Type(() => ProbeAddressDto)
  address: ProbeAddressDto;
}

/** A probe mounted beside the real application to exercise the global pipe and filter. */
@PublicRoute()
@Controller('probe')
class ProbeController {
  @Post()
  echo(@Body() body: ProbeDto) {
    return { name: body.name, count: body.count };
  }

  @Get('domain-error')
  domainError() {
    throw new DomainError('PROBE_CONFLICT', 'The probe is in the way.', 'conflict', undefined, {
      currentVersion: 3,
    });
  }

  @Get('crash')
  crash() {
    throw new Error("Duplicate entry 'secret-citizen-name' for key 'uq_probe'");
  }
}

/** A route that forgot to declare who may call it. */
@Controller('forgotten')
class ForgottenController {
  @Get()
  open() {
    return { leaked: true };
  }
}

@Module({ controllers: [ProbeController, ForgottenController] })
class ProbeModule {}

describe('the API application', () => {
  let app: NestFastifyApplication;

  beforeAll(async () => {
    const config = testConfig({ BODY_LIMIT_BYTES: '2048' });
    const root: DynamicModule = {
      module: class ProbeRoot {},
      imports: [AppModule.forRoot(config), ProbeModule],
    };
    app = await startApi(config, root);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('answers /health/live without touching dependencies', async () => {
    const res = await request(app.getHttpServer()).get('/health/live').expect(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('reports database and Redis on /health/ready', async () => {
    const res = await request(app.getHttpServer()).get('/health/ready').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.details).toEqual({
      database: expect.objectContaining({ status: 'up' }),
      redis: expect.objectContaining({ status: 'up' }),
    });
  });

  it('answers an unknown route with the 404 error shape', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/no-such-thing').expect(404);
    expect(res.body).toEqual({
      statusCode: 404,
      code: 'NOT_FOUND',
      message: expect.any(String),
      details: [],
    });
  });

  it('rejects invalid input field by field, unknown fields included', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/probe')
      .send({ name: 'x', count: 0, address: { commune: '' }, isAdmin: true })
      .expect(400);
    expect(res.body.statusCode).toBe(400);
    expect(res.body.code).toBe('VALIDATION_FAILED');
    expect(res.body.message).toMatch(/name/);
    const fields = res.body.details.map((d: { field: string }) => d.field).sort();
    expect(fields).toEqual(['address.commune', 'count', 'isAdmin', 'name']);
    for (const d of res.body.details) expect(typeof d.message).toBe('string');
  });

  it('accepts valid input after the pipe has whitelisted and converted it', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/probe')
      .send({ name: 'Lan', count: 2, address: { commune: 'Đồng Xoài' } })
      .expect(201);
    expect(res.body).toEqual({ name: 'Lan', count: 2 });
  });

  it('answers malformed JSON with its own code', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/probe')
      .set('content-type', 'application/json')
      .send('{"name": ')
      .expect(400);
    expect(res.body).toEqual({
      statusCode: 400,
      code: 'REQUEST_INVALID_JSON',
      message: expect.any(String),
      details: [],
    });
  });

  it('refuses prototype-poisoning keys', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/probe')
      .set('content-type', 'application/json')
      .send('{"__proto__": {"isAdmin": true}, "name": "Lan", "count": 1, "address": {"commune": "A"}}')
      .expect(400);
    expect(res.body.code).toBe('REQUEST_INVALID_JSON');
  });

  it('answers a body over the limit with 413', async () => {
    const res = await request(app.getHttpServer())
      .post('/api/v1/probe')
      .send({ name: 'x'.repeat(5000), count: 1, address: { commune: 'A' } })
      .expect(413);
    expect(res.body).toEqual({
      statusCode: 413,
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.any(String),
      details: [],
    });
  });

  it('maps a domain error by its kind and keeps its safe extra facts', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/probe/domain-error').expect(409);
    expect(res.body).toEqual({
      statusCode: 409,
      code: 'PROBE_CONFLICT',
      message: 'The probe is in the way.',
      currentVersion: 3,
      details: [],
    });
  });

  it('turns an unexpected error into a 500 with the request id and no internals', async () => {
    const res = await request(app.getHttpServer())
      .get('/api/v1/probe/crash')
      .set('x-request-id', 'req-12345678')
      .expect(500);
    expect(res.body).toEqual({
      statusCode: 500,
      code: 'INTERNAL_ERROR',
      message: expect.any(String),
      details: [],
      requestId: 'req-12345678',
    });
    expect(JSON.stringify(res.body)).not.toContain('secret-citizen-name');
    expect(res.headers['x-request-id']).toBe('req-12345678');
  });

  it('keeps a route closed when it declares no access rule', async () => {
    const res = await request(app.getHttpServer()).get('/api/v1/forgotten').expect(403);
    expect(res.body.code).toBe('AUTH_ROUTE_NOT_DECLARED');
  });

  it('gives every response a request id and security headers', async () => {
    const res = await request(app.getHttpServer()).get('/health/live');
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    // Every one of Helmet's headers, on a probe, a refusal, an unknown path and the API's documents.
    const expected = Object.fromEntries(
      securityHeaders(SECURITY_HEADER_OPTIONS).map(([name, value]) => [name.toLowerCase(), value]),
    );
    expect(Object.keys(expected)).toHaveLength(12);
    for (const path of ['/health/live', '/api/v1/forgotten', '/no-such-page', '/api/docs-json']) {
      const answer = await request(app.getHttpServer()).get(path);
      expect({ path, headers: answer.headers }).toEqual({ path, headers: expect.objectContaining(expected) });
    }
  });

  it('publishes the OpenAPI document and Swagger UI', async () => {
    const doc = await request(app.getHttpServer()).get('/api/docs-json').expect(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining(['/health/live', '/health/ready', '/api/v1/probe']),
    );
    const ui = await request(app.getHttpServer()).get('/api/docs').expect(200);
    expect(ui.text).toContain('swagger');
  });
});

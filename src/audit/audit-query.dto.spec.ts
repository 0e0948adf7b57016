import type { ArgumentMetadata } from '@nestjs/common';
import { DomainError } from '../common/domain/domain-error.js';
import { createValidationPipe } from '../common/http/validation.js';
import { AuditQueryDto } from './audit-query.dto.js';

const metadata: ArgumentMetadata = { type: 'query', metatype: AuditQueryDto };
const parse = (query: Record<string, string>) => createValidationPipe().transform(query, metadata);

async function rejectedFields(query: Record<string, string>): Promise<string[]> {
  try {
    await parse(query);
  } catch (error) {
    if (error instanceof DomainError) return (error.details ?? []).map((d) => d.field);
    throw error;
  }
  throw new Error('expected the query to be rejected');
}

describe('the audit query string', () => {
  it('defaults to the first page of 50', async () => {
    expect(await parse({})).toEqual(Object.assign(new AuditQueryDto(), { page: 1, pageSize: 50 }));
  });

  it('accepts every filter, turning page numbers into numbers', async () => {
    const query = await parse({
      entityType: 'unit',
      entityId: '0193a7c2-5f1e-7c3a-9b1d-2f4e6a8c0d12',
      actorUserId: '0193a7c2-5f1e-7c3a-9b1d-2f4e6a8c0d13',
      from: '2026-01-01T00:00:00Z',
      to: '2026-02-01T00:00:00.000+07:00',
      page: '3',
      pageSize: '200',
    });
    expect(query).toMatchObject({ page: 3, pageSize: 200, to: '2026-02-01T00:00:00.000+07:00' });
  });

  it.each<[string, Record<string, string>, string]>([
    ['page 0', { page: '0' }, 'page'],
    ['a page that is not a number', { page: 'two' }, 'page'],
    ['a page size over 200', { pageSize: '201' }, 'pageSize'],
    ['a page size of 0', { pageSize: '0' }, 'pageSize'],
    ['a time without a zone', { from: '2026-01-01T00:00:00' }, 'from'],
    ['a date without a time', { to: '2026-01-01' }, 'to'],
    ['an impossible date', { from: '2026-02-30T00:00:00Z' }, 'from'],
    ['an actor id that is not a UUID', { actorUserId: 'admin' }, 'actorUserId'],
    ['an entity type with capitals', { entityType: 'Unit' }, 'entityType'],
    ['an unknown parameter', { sort: 'asc' }, 'sort'],
  ])('rejects %s', async (_name, query, field) => {
    expect(await rejectedFields(query)).toContain(field);
  });
});

import { chainHash, chainHashInput, GENESIS_HASH, type AuditEntryContent } from './chain.js';

/**
 * The identity stands in for SHA-256 (domain code imports no platform module): it shows exactly what is
 * hashed. The integration tests check the real digest against stored rows.
 */
const sha256Hex = (input: string) => input;

const entry: AuditEntryContent = {
  id: '1',
  occurredAt: '2026-01-16T01:02:03.004Z',
  actorUserId: '0193a7c2-5f1e-7c3a-9b1d-2f4e6a8c0d12',
  actorUnitId: null,
  unitId: null,
  action: 'update',
  entityType: 'unit',
  entityId: '0193a7c2-5f1e-7c3a-9b1d-2f4e6a8c0d13',
  changes: { name: { before: 'A', after: 'B' } },
  requestId: 'req-12345678',
  clientIp: '127.0.0.1',
};

describe('the audit chain hash', () => {
  it('hashes the format tag, the previous hash and the canonical content, one per line', () => {
    const input = chainHashInput(GENESIS_HASH, entry);
    const lines = input.split('\n');
    expect(lines[0]).toBe('tiepdan-audit-v1');
    expect(lines[1]).toBe(GENESIS_HASH);
    expect(JSON.parse(lines[2])).toEqual(entry);
    expect(chainHash(GENESIS_HASH, entry, sha256Hex)).toBe(sha256Hex(input));
  });

  it('does not depend on the key order of the content or of its changes', () => {
    const reordered: AuditEntryContent = {
      clientIp: entry.clientIp,
      changes: { name: { after: 'B', before: 'A' } },
      requestId: entry.requestId,
      entityId: entry.entityId,
      entityType: entry.entityType,
      action: entry.action,
      unitId: entry.unitId,
      actorUnitId: entry.actorUnitId,
      actorUserId: entry.actorUserId,
      occurredAt: entry.occurredAt,
      id: entry.id,
    };
    expect(chainHash(GENESIS_HASH, reordered, sha256Hex)).toBe(chainHash(GENESIS_HASH, entry, sha256Hex));
  });

  it.each<[string, Partial<AuditEntryContent>]>([
    ['the id', { id: '2' }],
    ['the time, by one millisecond', { occurredAt: '2026-01-16T01:02:03.005Z' }],
    ['the actor', { actorUserId: null }],
    ['the unit', { unitId: '0193a7c2-5f1e-7c3a-9b1d-2f4e6a8c0d14' }],
    ['a changed value', { changes: { name: { before: 'A', after: 'C' } } }],
    ['the client address', { clientIp: '127.0.0.2' }],
  ])('changes when %s changes', (_name, change) => {
    expect(chainHash(GENESIS_HASH, { ...entry, ...change }, sha256Hex)).not.toBe(
      chainHash(GENESIS_HASH, entry, sha256Hex),
    );
  });

  it('changes when the previous hash changes, which is what links the chain', () => {
    expect(chainHash('f'.repeat(64), entry, sha256Hex)).not.toBe(chainHash(GENESIS_HASH, entry, sha256Hex));
  });

  it.each<[string, string, Partial<AuditEntryContent>]>([
    ['a previous hash that is not 64 hex digits', 'abc', {}],
    ['an id that is not a positive integer', GENESIS_HASH, { id: '0' }],
    ['a time without milliseconds', GENESIS_HASH, { occurredAt: '2026-01-16T01:02:03Z' }],
    ['a time not in UTC', GENESIS_HASH, { occurredAt: '2026-01-16T08:02:03.004+07:00' }],
  ])('refuses %s', (_name, prevHash, change) => {
    expect(() => chainHashInput(prevHash, { ...entry, ...change })).toThrow(TypeError);
  });
});

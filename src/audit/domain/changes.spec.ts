import { diffChanges, isSecretFieldName, REDACTED, redactChanges } from './changes.js';

describe('diffChanges', () => {
  it('records only the fields that changed, with their values before and after', () => {
    expect(
      diffChanges(
        { name: 'Phòng Tiếp dân', code: 'TCD', active: true },
        { name: 'Ban Tiếp công dân', code: 'TCD', active: true },
      ),
    ).toEqual({ name: { before: 'Phòng Tiếp dân', after: 'Ban Tiếp công dân' } });
  });

  it('records nothing when nothing changed', () => {
    expect(diffChanges({ a: 1, b: { c: [1, 2] } }, { b: { c: [1, 2] }, a: 1 })).toEqual({});
  });

  it('treats creation as every field going from null, and deletion as every field going to null', () => {
    expect(diffChanges(null, { code: 'TCD', remote: false })).toEqual({
      code: { before: null, after: 'TCD' },
      remote: { before: null, after: false },
    });
    expect(diffChanges({ code: 'TCD' }, undefined)).toEqual({ code: { before: 'TCD', after: null } });
  });

  it('counts a field missing on one side as null there, and null to undefined as no change', () => {
    expect(diffChanges({ a: 1 }, { b: 2 })).toEqual({
      a: { before: 1, after: null },
      b: { before: null, after: 2 },
    });
    expect(diffChanges({ a: null }, { a: undefined })).toEqual({});
  });

  it('compares nested objects by content regardless of key order and records them whole', () => {
    const before = { address: { street: '1 Lê Lợi', ward: 'Bến Nghé' } };
    expect(diffChanges(before, { address: { ward: 'Bến Nghé', street: '1 Lê Lợi' } })).toEqual({});
    expect(diffChanges(before, { address: { street: '2 Lê Lợi', ward: 'Bến Nghé' } })).toEqual({
      address: { before: before.address, after: { street: '2 Lê Lợi', ward: 'Bến Nghé' } },
    });
  });

  it.each([
    ['an element added', ['a'], ['a', 'b']],
    ['an element removed', ['a', 'b'], ['a']],
    ['the order changed', ['a', 'b'], ['b', 'a']],
    ['a nested element changed', [{ id: 1, on: true }], [{ id: 1, on: false }]],
  ])('records an array whole when %s', (_name, before, after) => {
    expect(diffChanges({ roles: before }, { roles: after })).toEqual({ roles: { before, after } });
  });

  it('compares values that serialise themselves (dates) by what they serialise to', () => {
    // A Date has toJSON(); domain code has no Date global, so a stand-in with the same contract.
    const at = (iso: string) => ({ toJSON: () => iso });
    expect(
      diffChanges(
        { lockedUntil: at('2026-01-01T00:00:00.000Z') },
        { lockedUntil: at('2026-01-01T00:00:00.000Z') },
      ),
    ).toEqual({});
    expect(diffChanges({ lockedUntil: null }, { lockedUntil: at('2026-01-01T00:00:00.001Z') })).toEqual({
      lockedUntil: { before: null, after: '2026-01-01T00:00:00.001Z' },
    });
  });

  it('masks secret fields by name but still shows that they changed', () => {
    expect(
      diffChanges(
        { passwordHash: '$argon2id$old', refresh_token: null, email: 'a@b.vn' },
        { passwordHash: '$argon2id$new', refresh_token: 'tok', email: 'a@b.vn' },
      ),
    ).toEqual({
      passwordHash: { before: REDACTED, after: REDACTED },
      refresh_token: { before: null, after: REDACTED },
    });
  });

  it('masks the fields the caller lists as sensitive, at any depth', () => {
    expect(
      diffChanges(
        { denouncer: { fullName: 'Trần Thị B', idNumber: '001', role: 'x' }, fullName: 'Trần Thị B' },
        { denouncer: { fullName: 'Trần Thị C', idNumber: '002', role: 'x' }, fullName: 'Trần Thị C' },
        ['fullName', 'idNumber'],
      ),
    ).toEqual({
      denouncer: {
        before: { fullName: REDACTED, idNumber: REDACTED, role: 'x' },
        after: { fullName: REDACTED, idNumber: REDACTED, role: 'x' },
      },
      fullName: { before: REDACTED, after: REDACTED },
    });
  });

  it('masks secrets nested inside arrays and objects of a changed field', () => {
    const changes = diffChanges(
      { smtp: [{ host: 'a', password: 'p1' }] },
      { smtp: [{ host: 'b', password: 'p1' }] },
    );
    expect(changes).toEqual({
      smtp: { before: [{ host: 'a', password: REDACTED }], after: [{ host: 'b', password: REDACTED }] },
    });
    expect(JSON.stringify(changes)).not.toContain('p1');
  });
});

describe('redactChanges', () => {
  it('masks secrets in changes a caller computed without diffChanges', () => {
    expect(
      redactChanges({ apiKey: { before: 'k1', after: 'k2' }, title: { before: 'a', after: 'b' } }, []),
    ).toEqual({ apiKey: { before: REDACTED, after: REDACTED }, title: { before: 'a', after: 'b' } });
  });
});

describe('isSecretFieldName', () => {
  it.each([
    'password',
    'passwordHash',
    'password_hash',
    'newPassword',
    'token',
    'refreshToken',
    'refresh-token',
    'secret',
    'clientSecret',
    'JWT_SECRET',
    'apiKey',
    'private_key',
    'credentials',
  ])('%s is a secret', (name) => {
    expect(isSecretFieldName(name)).toBe(true);
  });

  it.each(['email', 'fullName', 'title', 'footprint', 'code', 'passwordChangedAt', 'token_expires_at'])(
    '%s is not a secret',
    (name) => {
      expect(isSecretFieldName(name)).toBe(false);
    },
  );
});

import { assertExternalTarget, isInternalAddress } from './webhook-target.js';

describe('webhook targets', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.20.0.1',
    '192.168.1.10',
    '169.254.169.254',
    '::1',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
  ])('%s is internal', (ip) => expect(isInternalAddress(ip)).toBe(true));
  it.each(['8.8.8.8', '203.113.131.1', '2001:4860:4860::8888'])('%s is not', (ip) =>
    expect(isInternalAddress(ip)).toBe(false),
  );
  it('refuses internal literal hosts and localhost unless private targets are allowed', async () => {
    await expect(assertExternalTarget('http://169.254.169.254/latest', false)).rejects.toMatchObject({
      code: 'WEBHOOK_TARGET_INTERNAL',
    });
    await expect(assertExternalTarget('http://localhost:8080/hook', false)).rejects.toMatchObject({
      code: 'WEBHOOK_TARGET_INTERNAL',
    });
    await expect(assertExternalTarget('http://[::1]:8080/hook', false)).rejects.toMatchObject({
      code: 'WEBHOOK_TARGET_INTERNAL',
    });
    await expect(assertExternalTarget('http://127.0.0.1:8080/hook', true)).resolves.toBeUndefined();
    await expect(assertExternalTarget('https://8.8.8.8/hook', false)).resolves.toBeUndefined();
  });
});

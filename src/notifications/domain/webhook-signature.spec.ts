import fc from 'fast-check';
import { verifyWebhookSignature, WEBHOOK_TOLERANCE_SECONDS, webhookSignature } from './webhook-signature.js';

const SECRET = 'whsec_test-secret';
const SENT = 1_773_241_200; // 2026-03-11 15:00:00 UTC
const BODY = '{"id":"0190a1b2-0000-7000-8000-00000000000d","event":"escalation"}';
// Independent oracle: printf '%s' "1773241200.$BODY" | openssl dgst -sha256 -hmac "$SECRET"
const KNOWN = 'v1=1d72413f6d64a6ec8873d56b5bdfe97adcd20642b0e14b6d4db16fe6676eca0d';
// The old scheme's HMAC, over the body alone: printf '%s' "$BODY" | openssl dgst -sha256 -hmac "$SECRET"
const BODY_ONLY = 'f11956b1e83f2bfc45555d56a1348e87b1bb5b2459888849daa278aea42df6a4';
const signed = webhookSignature(SECRET, SENT, BODY);

describe('webhookSignature', () => {
  it('is v1= and the hex HMAC-SHA256 of "<timestamp>.<raw body>" (matches openssl)', () => {
    expect(signed).toBe(KNOWN);
  });

  it('signs the timestamp: the same body a second later has another signature', () => {
    expect(webhookSignature(SECRET, SENT + 1, BODY)).not.toBe(signed);
  });

  it.each([-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1])('refuses the timestamp %p', (timestamp) => {
    expect(() => webhookSignature(SECRET, timestamp, BODY)).toThrow(RangeError);
  });
});

describe('verifyWebhookSignature (tolerance 300 s)', () => {
  it('uses a 5-minute window by default', () => {
    expect(WEBHOOK_TOLERANCE_SECONDS).toBe(300);
  });

  it.each([
    ['received at once', SENT],
    ['received 5 minutes later exactly', SENT + 300],
    ['the receiver’s clock 5 minutes behind exactly', SENT - 300],
  ])('accepts a call %s', (_case, now) => {
    expect(verifyWebhookSignature(SECRET, String(SENT), BODY, signed, now)).toBe(true);
  });

  it.each([
    ['a tampered body', String(SENT), `${BODY} `, signed, SENT],
    [
      'a body differing in one character',
      String(SENT),
      BODY.replace('escalation', 'escalatiom'),
      signed,
      SENT,
    ],
    ['another timestamp than the one signed', String(SENT + 1), BODY, signed, SENT],
    ['a signature of the body only (the old scheme)', String(SENT), BODY, `v1=${BODY_ONLY}`, SENT],
    ['a replay 301 s after it was sent', String(SENT), BODY, signed, SENT + 301],
    ['a replay a day later', String(SENT), BODY, signed, SENT + 86_400],
    ['a timestamp 301 s in the future', String(SENT), BODY, signed, SENT - 301],
    [
      'a timestamp in milliseconds (signed, but far in the future)',
      String(SENT * 1000),
      BODY,
      webhookSignature(SECRET, SENT * 1000, BODY),
      SENT,
    ],
  ])('rejects %s', (_case, timestamp, body, header, now) => {
    expect(verifyWebhookSignature(SECRET, timestamp, body, header, now)).toBe(false);
  });

  it('rejects a signature made with another secret', () => {
    const forged = webhookSignature('whsec_another-secret', SENT, BODY);
    expect(verifyWebhookSignature(SECRET, String(SENT), BODY, forged, SENT)).toBe(false);
    expect(verifyWebhookSignature('whsec_another-secret', String(SENT), BODY, forged, SENT)).toBe(true);
  });

  it.each([
    ['no signature header', String(SENT), undefined],
    ['no timestamp header', undefined, signed],
    ['the old sha256= prefix', String(SENT), signed.replace('v1=', 'sha256=')],
    ['an unknown scheme', String(SENT), signed.replace('v1=', 'v0=')],
    ['no scheme', String(SENT), signed.slice(3)],
    ['upper-case hex', String(SENT), `v1=${signed.slice(3).toUpperCase()}`],
    ['a short signature', String(SENT), signed.slice(0, -2)],
    ['a long signature', String(SENT), `${signed}00`],
    ['two signatures', String(SENT), `${signed},${signed}`],
    ['surrounding spaces', String(SENT), ` ${signed}`],
    ['an empty header', String(SENT), ''],
    ['a signed timestamp', `+${SENT}`, signed],
    ['a fractional timestamp', `${SENT}.0`, signed],
    ['an ISO timestamp', '2026-03-11T15:00:00Z', signed],
    ['an empty timestamp', '', signed],
  ])('rejects a malformed call: %s', (_case, timestamp, header) => {
    expect(verifyWebhookSignature(SECRET, timestamp, BODY, header, SENT)).toBe(false);
  });

  it('honours a tolerance given by the receiver', () => {
    expect(verifyWebhookSignature(SECRET, String(SENT), BODY, signed, SENT + 60, 60)).toBe(true);
    expect(verifyWebhookSignature(SECRET, String(SENT), BODY, signed, SENT + 61, 60)).toBe(false);
  });

  it.each([
    ['a negative tolerance', SENT, -1],
    ['a tolerance that is not a number', SENT, Number.NaN],
    ['a clock that is not a number', Number.NaN, 300],
  ])('refuses %s (a programming error, not a bad call)', (_case, now, tolerance) => {
    expect(() => verifyWebhookSignature(SECRET, String(SENT), BODY, signed, now, tolerance)).toThrow(
      RangeError,
    );
  });

  it('accepts what it signs within the window and nothing with any other body (property)', () => {
    fc.assert(
      fc.property(
        fc.string({ minLength: 1 }),
        fc.integer({ min: 0, max: 4_000_000_000 }),
        fc.integer({ min: -300, max: 300 }),
        fc.string({ unit: 'grapheme' }),
        fc.string({ unit: 'grapheme' }),
        (secret, sentAt, skew, body, other) => {
          const header = webhookSignature(secret, sentAt, body);
          expect(verifyWebhookSignature(secret, String(sentAt), body, header, sentAt + skew)).toBe(true);
          if (other !== body) {
            expect(verifyWebhookSignature(secret, String(sentAt), other, header, sentAt + skew)).toBe(false);
          }
        },
      ),
    );
  });
});

// eslint-disable-next-line no-restricted-imports -- node:crypto is computation, not I/O (see identity/domain/keyring.ts)
import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Webhook signatures (docs/notifications.md): `X-Tiepdan-Timestamp: <unix seconds>` and
 * `X-Tiepdan-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`, keyed with the endpoint's
 * secret. The timestamp is signed with the body, so a captured call cannot be replayed once it is older
 * than the receiver's tolerance; within it, receivers drop repeats by `X-Tiepdan-Delivery`.
 */
export const WEBHOOK_SIGNATURE_SCHEME = 'v1';

/** How far a timestamp may be from the receiver's clock, either way: 5 minutes. */
export const WEBHOOK_TOLERANCE_SECONDS = 300;

const TIMESTAMP = /^[0-9]{1,15}$/;
const SIGNATURE = /^v1=([0-9a-f]{64})$/;

function hmacHex(secret: string, timestamp: string, rawBody: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${rawBody}`, 'utf8').digest('hex');
}

/** The `X-Tiepdan-Signature` value for a call sent at `timestamp` (whole unix seconds). */
export function webhookSignature(secret: string, timestamp: number, rawBody: string): string {
  if (!Number.isSafeInteger(timestamp) || timestamp < 0) {
    throw new RangeError(`timestamp must be whole unix seconds: ${timestamp}`);
  }
  return `${WEBHOOK_SIGNATURE_SCHEME}=${hmacHex(secret, String(timestamp), rawBody)}`;
}

/**
 * Whether a received call is authentic and fresh: `timestamp` and `header` are the raw
 * `X-Tiepdan-Timestamp` and `X-Tiepdan-Signature` values (undefined when absent), `body` the raw body
 * before any parsing, `now` the receiver's clock in unix seconds. False for a malformed header or
 * timestamp, a timestamp more than `toleranceSeconds` before or after `now`, or a signature that does not
 * match (compared in constant time).
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string | undefined,
  body: string,
  header: string | undefined,
  now: number,
  toleranceSeconds: number = WEBHOOK_TOLERANCE_SECONDS,
): boolean {
  if (!Number.isFinite(now)) throw new RangeError(`now must be unix seconds: ${now}`);
  if (!Number.isFinite(toleranceSeconds) || toleranceSeconds < 0) {
    throw new RangeError(`toleranceSeconds must be ≥ 0: ${toleranceSeconds}`);
  }
  if (timestamp === undefined || header === undefined || !TIMESTAMP.test(timestamp)) return false;
  const signature = SIGNATURE.exec(header);
  if (!signature) return false;
  if (Math.abs(now - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(hmacHex(secret, timestamp, body), 'hex');
  return timingSafeEqual(expected, Buffer.from(signature[1], 'hex'));
}

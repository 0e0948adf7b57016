import { createHmac } from 'node:crypto';
import { appendFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { envelopeJson, type NationalEnvelope, type TransportResult } from './domain/national-envelope.js';

/** How records leave the system: the plug-in boundary of docs/national-database.md. */
export interface NationalTransport {
  readonly name: string;
  deliver(envelope: NationalEnvelope, now: Date): Promise<TransportResult>;
}

export const NATIONAL_TRANSPORT = Symbol('NATIONAL_TRANSPORT');

/** `off`: nothing leaves; rows stay pending (the worker does not even try). */
export class NoTransport implements NationalTransport {
  readonly name = 'off';
  deliver(): Promise<TransportResult> {
    return Promise.resolve({ outcome: 'rejected', reason: 'NATIONAL_SYNC_OFF', retryable: true });
  }
}

/**
 * The JSON-lines file drop: one line per record event, appended to `<dir>/<agency code>-<YYYY-MM-DD>.jsonl`
 * (UTC day of the attempt) and flushed before the row is marked `sent`. The national side (or an operator's
 * uploader) acknowledges by an acknowledgement file that `national-sync reconcile --acks` reads.
 */
export class FileDropTransport implements NationalTransport {
  readonly name = 'file';
  constructor(private readonly dir: string) {}

  async deliver(envelope: NationalEnvelope, now: Date): Promise<TransportResult> {
    await mkdir(this.dir, { recursive: true });
    const day = now.toISOString().slice(0, 10);
    const file = join(this.dir, `${envelope.agencyCode.replace(/[^A-Za-z0-9.-]/g, '_')}-${day}.jsonl`);
    await appendFile(file, `${envelopeJson(envelope)}\n`, { encoding: 'utf8', flush: true });
    return { outcome: 'sent' };
  }
}

/** The signature header value: `v1=` + hex HMAC-SHA256 of `<timestamp>.<body>` under the shared secret. */
export function nationalSignature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * The signed HTTPS POST: the envelope as the JSON body, `Idempotency-Key`, `X-Tiepdan-Timestamp` and
 * `X-Tiepdan-Signature` (as webhooks, docs/notifications.md). 200/201 with `{ "reference": … }` is an
 * acknowledgement, 202 a receipt without one; 409 with the same key means "already have it"
 * (acknowledged); 4xx a refusal for good (its `reason`), 5xx, 429, a timeout or no connection: retry.
 */
export class HttpsTransport implements NationalTransport {
  readonly name = 'https';
  constructor(
    private readonly url: string,
    private readonly secret: string,
    private readonly timeoutMs: number,
  ) {}

  async deliver(envelope: NationalEnvelope, now: Date): Promise<TransportResult> {
    const body = envelopeJson(envelope);
    const timestamp = Math.floor(now.getTime() / 1000);
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'user-agent': 'tiepdan-national-sync/1',
          'idempotency-key': envelope.idempotencyKey,
          'x-tiepdan-timestamp': String(timestamp),
          'x-tiepdan-signature': nationalSignature(this.secret, timestamp, body),
        },
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      const timeout = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
      return { outcome: 'rejected', reason: timeout ? 'TIMEOUT' : 'UNREACHABLE', retryable: true };
    }
    const answer = await readAnswer(response);
    if (response.status === 200 || response.status === 201 || response.status === 409) {
      return { outcome: 'acknowledged', reference: answer.reference };
    }
    if (response.status === 202) return { outcome: 'sent' };
    const retryable = response.status >= 500 || response.status === 429 || response.status < 400;
    return {
      outcome: 'rejected',
      reason: `HTTP_${response.status}${answer.reason ? `: ${answer.reason}` : ''}`,
      retryable,
    };
  }
}

/** The national side's `reference` and `reason`, short and printable; anything else is ignored. */
async function readAnswer(response: Response): Promise<{ reference: string | null; reason: string | null }> {
  try {
    const text = (await response.text()).slice(0, 10_000);
    const json = JSON.parse(text) as { reference?: unknown; reason?: unknown };
    const clean = (v: unknown, max: number) =>
      typeof v === 'string' ? v.replace(/[^\p{L}\p{N} .,:;_/()-]/gu, '').slice(0, max) || null : null;
    return { reference: clean(json.reference, 100), reason: clean(json.reason, 200) };
  } catch {
    return { reference: null, reason: null };
  }
}

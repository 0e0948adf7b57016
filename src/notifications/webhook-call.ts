import { assertExternalTarget } from './webhook-target.js';

/** A receiver that has not answered in this long has not acknowledged the call. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

/**
 * One signed POST to a webhook receiver: the receiver's status code, or null when it could not be
 * reached, was internal (checked again before each call: the host may have been re-pointed since
 * registration) or did not answer in time. A redirect is not followed (it could carry the call to
 * another host) and counts as not acknowledged.
 */
export async function postWebhook(
  url: string,
  body: string,
  headers: Record<string, string>,
  allowPrivateTargets: boolean,
): Promise<number | null> {
  try {
    await assertExternalTarget(url, allowPrivateTargets);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'tiepdan-webhooks/1', ...headers },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel();
    return response.status;
  } catch {
    return null;
  }
}

import { DomainError } from '../common/domain/domain-error.js';

/** Errors of notifications and webhooks (codes prefixed NOTIFICATION_ and WEBHOOK_). */
export const NotificationErrors = {
  notFound: () => new DomainError('NOTIFICATION_NOT_FOUND', 'No such notification among yours.', 'not_found'),
  /** A caller of `notify` broke its contract: a programming error, reported before anything is written. */
  invalidInput: (field: string, message: string) =>
    new DomainError('NOTIFICATION_INPUT_INVALID', `Invalid notification: ${field} ${message}.`, 'invalid', [
      { field, message },
    ]),
  endpointNotFound: () =>
    new DomainError('WEBHOOK_ENDPOINT_NOT_FOUND', 'No such webhook endpoint.', 'not_found'),
};

import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isLocalDate } from '../domain/local-date.js';

/** Validators and transforms every feature's DTOs share. */

/** Optional text: trimmed; an empty string means "none" (null). */
export const trimToNull = ({ value }: { value: unknown }) =>
  typeof value === 'string' ? value.trim() || null : value;

/** `YYYY-MM-DD`, a real calendar date. */
export const IsLocalDate = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isLocalDate',
      validator: {
        validate: (value) => isLocalDate(value),
        defaultMessage: (args) => `${args?.property} must be a date YYYY-MM-DD`,
      },
    },
    options,
  );

import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isLocalDate } from '../../common/domain/local-date.js';
import { isYearMonth } from '../domain/month.js';
import { TIME_OF_DAY } from '../domain/session.js';

export { trim } from '../../common/http/text.js';

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

/** `YYYY-MM`. */
export const IsYearMonth = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isYearMonth',
      validator: {
        validate: (value) => isYearMonth(value),
        defaultMessage: (args) => `${args?.property} must be a month YYYY-MM`,
      },
    },
    options,
  );

/** `HH:MM`, 24-hour. */
export const IsTimeOfDay = (options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'isTimeOfDay',
      validator: {
        validate: (value) => typeof value === 'string' && TIME_OF_DAY.test(value),
        defaultMessage: (args) => `${args?.property} must be a time HH:MM (24-hour)`,
      },
    },
    options,
  );

import { ValidateBy, type ValidationOptions } from 'class-validator';
import { isYearMonth } from '../domain/month.js';
import { TIME_OF_DAY } from '../domain/session.js';

/** Reception's own formats; the shared ones (IsLocalDate, trimToNull) are in common/http/validators.ts. */

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

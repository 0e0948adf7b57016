/**
 * A query string's `true` / `false` as a boolean, for `@Transform(toQueryBoolean)` before `@IsBoolean()`;
 * anything else is left as it came, so the validator names it (`400`, field by field).
 */
export const toQueryBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

import { Matches } from 'class-validator';

/** C0 control characters other than tab and line breaks, and DEL: never meaningful in text people type. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL_CHARACTERS = /^[^\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]*$/;

/**
 * Refuses text with control characters (a NUL would reach the public page, the iCalendar feed and the
 * XLSX exports as is).
 */
export const NoControlCharacters = () =>
  Matches(CONTROL_CHARACTERS, { message: '$property must not contain control characters' });

/** Transform for text inputs: surrounding white space is never meaningful. */
export const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

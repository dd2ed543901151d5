/**
 * Value rules of connection fields, free of TypeBox so the hub can import them without pulling
 * the schema library into its bundle. The schemas in connection.ts use the same constants.
 */

/** Short name rule: 1-32 chars, letters, digits, '.', '_', '-', starting with a letter or digit. */
export const SHORT_NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$";
/** Connection name rule: 1-80 chars, letters, digits, spaces, '.', '_', '-'; not only spaces. */
export const CONNECTION_NAME_PATTERN = "^[A-Za-z0-9._-][A-Za-z0-9 ._-]{0,79}$";
/** Longest description, in UTF-16 code units. */
export const DESCRIPTION_MAX_LENGTH = 1000;

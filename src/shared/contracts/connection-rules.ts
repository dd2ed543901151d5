/**
 * Value rules of connection fields, free of TypeBox so the hub can import them without pulling
 * the schema library into its bundle. The schemas in connection.ts use the same constants.
 */

/** Short name rule: 1-32 chars, letters, digits, '.', '_', '-', starting with a letter or digit. */
export const SHORT_NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$";
/**
 * Connection name rule: 1-80 characters, letters and digits of any script ("Café sync",
 * "Синхронизация"), spaces, '.', '_', '-'; not only spaces. A Unicode pattern: compile it
 * with the "u" flag (Ajv does).
 */
export const CONNECTION_NAME_PATTERN = "^[\\p{L}\\p{N}._-][\\p{L}\\p{N}\\p{M} ._-]{0,79}$";
/** Longest description, in UTF-16 code units. */
export const DESCRIPTION_MAX_LENGTH = 1000;

/**
 * pino options for the node's logger: level and redaction (docs/architecture.md#invariants). Redact
 * paths are exact in pino (`*.pat` does not match a top-level `pat`), so each name is listed both
 * at the top level and one level down.
 */
import type { LoggerOptions } from "pino";

/** Field names that may carry a secret anywhere in a log line. */
const SECRET_FIELDS = [
  "authorization",
  "accessToken",
  "appToken",
  "invitationCode",
  "secret",
  "sec",
  "pat",
  "password",
  "masterKey",
  "token",
];

/** Every redacted path: headers of logged requests, and the secret fields at two depths. */
export const REDACT_PATHS = [
  "req.headers.authorization",
  'req.headers["x-azdo-access-token"]',
  "req.headers.cookie",
  "headers.authorization",
  'headers["x-azdo-access-token"]',
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
];

/** pino options with redaction at `level`. */
export function logOptions(level: string): LoggerOptions {
  return { level, redact: { paths: REDACT_PATHS, censor: "[redacted]" } };
}

/**
 * Sync node configuration, read once from environment variables (README, "Configuration").
 * Every variable has a safe default for local use, so `npm run node` works on a clean clone.
 */
import path from "node:path";

/** Supported log levels (pino's names). */
export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The validated configuration of one sync node. */
export interface NodeConfig {
  /** TCP port to listen on (Default: 8080; 0 picks a free port). */
  readonly port: number;
  /** Interface to listen on (Default: 127.0.0.1). */
  readonly host: string;
  /** The node's public URL without a trailing slash; null for a private node. */
  readonly publicUrl: string | null;
  /** `sqlite:<file>` or `postgres://...` (Default: `sqlite:<dataDir>/node.sqlite`). */
  readonly databaseUrl: string;
  /** Folder for the SQLite file and the generated master key (Default: `.data`). */
  readonly dataDir: string;
  /** Extension certificates that sign app tokens: current first, then previous (rotation). */
  readonly appSecrets: readonly string[];
  /** Azure DevOps organization (Services) or collection (Server) URL, no trailing slash. */
  readonly organizationUrl: string | null;
  /** Personal access token for background sync, when given by environment. */
  readonly syncPat: string | null;
  /** Allowed CORS origins; the literal `null` allows sandboxed iframes (Server). */
  readonly corsOrigins: readonly string[];
  /** Base64 of 32 bytes; null: generated into `<dataDir>/master.key` on first start. */
  readonly masterKey: string | null;
  readonly logLevel: LogLevel;
  /** How long an invitation code stays valid, in milliseconds (Default: 7 days). */
  readonly invitationTtlMs: number;
  /** Bearer token `GET /metrics` requires (`METRICS_TOKEN`); null: metrics are open. */
  readonly metricsToken: string | null;
  /** Change detection interval, in milliseconds (`SYNC_POLL_SECONDS`; Default: 5 s). */
  readonly syncPollMs: number;
  /**
   * How long a claimed sync request stays with its worker, in milliseconds
   * (`SYNC_LEASE_SECONDS`; Default: 120 s). After a crash, the request is applied again once
   * the lease runs out; it must exceed the longest apply (rate-limit waits included).
   */
  readonly syncLeaseMs: number;
}

/** Thrown when an environment variable has a value the node cannot use. */
export class ConfigError extends Error {
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = "ConfigError";
  }
}

const DEFAULT_PORT = 8080;
/** 7 days: long enough for a partner in another company to act, short enough to limit leaks. */
const DEFAULT_INVITATION_TTL_HOURS = 24 * 7;
const HOUR_MS = 3_600_000;

type Env = Readonly<Record<string, string | undefined>>;

/** Trimmed value of `name`, or undefined when absent or blank. */
function read(env: Env, name: string): string | undefined {
  const value = env[name]?.trim();
  return value ? value : undefined;
}

function parsePort(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PORT;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError("PORT", "must be an integer from 0 to 65535");
  }
  return port;
}

/** An absolute http(s) URL without query or fragment, returned without a trailing slash. */
function parseHttpUrl(name: string, value: string | undefined): string | null {
  if (value === undefined) return null;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(name, "must be an absolute http(s) URL");
  }
  if (!["http:", "https:"].includes(url.protocol) || url.search || url.hash) {
    throw new ConfigError(name, "must be an http(s) URL without query or fragment");
  }
  return url.href.replace(/\/+$/, "");
}

function parseLogLevel(value: string | undefined): LogLevel {
  if (value === undefined) return "info";
  if (!(LOG_LEVELS as readonly string[]).includes(value)) {
    throw new ConfigError("LOG_LEVEL", `must be one of ${LOG_LEVELS.join(", ")}`);
  }
  return value as LogLevel;
}

/** A whole number of seconds, at least `min`, as milliseconds. */
function parseSeconds(name: string, value: string | undefined, fallback: number, min: number) {
  if (value === undefined) return fallback * 1000;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < min) {
    throw new ConfigError(name, `must be a whole number of seconds, at least ${min}`);
  }
  return seconds * 1000;
}

function parseTtlHours(value: string | undefined): number {
  if (value === undefined) return DEFAULT_INVITATION_TTL_HOURS * HOUR_MS;
  const hours = Number(value);
  if (!Number.isFinite(hours) || hours <= 0) {
    throw new ConfigError("INVITATION_TTL_HOURS", "must be a positive number of hours");
  }
  return Math.round(hours * HOUR_MS);
}

/**
 * Reads and validates the configuration.
 * @param env the environment (Default: `process.env`)
 * @throws ConfigError naming the variable when a value is unusable
 */
export function loadConfig(env: Env = process.env): NodeConfig {
  const dataDir = path.resolve(read(env, "DATA_DIR") ?? ".data");
  const databaseUrl = read(env, "DATABASE_URL") ?? `sqlite:${path.join(dataDir, "node.sqlite")}`;
  if (!/^(sqlite:|postgres:\/\/|postgresql:\/\/)/.test(databaseUrl)) {
    throw new ConfigError("DATABASE_URL", "must start with sqlite: or postgres://");
  }
  const appSecrets = [
    read(env, "EXALATE_APP_SECRET"),
    read(env, "EXALATE_APP_SECRET_PREVIOUS"),
  ].filter((secret): secret is string => secret !== undefined);
  return {
    port: parsePort(read(env, "PORT")),
    host: read(env, "HOST") ?? "127.0.0.1",
    publicUrl: parseHttpUrl("PUBLIC_URL", read(env, "PUBLIC_URL")),
    databaseUrl,
    dataDir,
    appSecrets,
    organizationUrl: parseHttpUrl("AZDO_ORG_URL", read(env, "AZDO_ORG_URL")),
    syncPat: read(env, "AZDO_PAT") ?? null,
    corsOrigins: (read(env, "CORS_ORIGINS") ?? "")
      .split(",")
      .map((origin) => origin.trim())
      .filter(Boolean),
    masterKey: read(env, "MASTER_KEY") ?? null,
    logLevel: parseLogLevel(read(env, "LOG_LEVEL")),
    invitationTtlMs: parseTtlHours(read(env, "INVITATION_TTL_HOURS")),
    metricsToken: read(env, "METRICS_TOKEN") ?? null,
    syncPollMs: parseSeconds("SYNC_POLL_SECONDS", read(env, "SYNC_POLL_SECONDS"), 5, 1),
    syncLeaseMs: parseSeconds("SYNC_LEASE_SECONDS", read(env, "SYNC_LEASE_SECONDS"), 120, 5),
  };
}

/**
 * Rules for connection fields beyond their schema shape (src/shared/contracts/connection.ts).
 * Short names: `SHORT_NAME_PATTERN`; connection names: `CONNECTION_NAME_PATTERN`, unique per
 * organization ignoring case, default `<local>_to_<destination>`.
 */
import { SyncError } from "../../shared/errors";
import type { ConnectionType } from "../../shared/states";
import type { ConnectionSide } from "./connection-tables";

/** The default connection name for two short names. */
export function defaultConnectionName(localShortName: string, remoteShortName: string): string {
  return `${localShortName}_to_${remoteShortName}`;
}

/** Trims trailing spaces (the pattern already forbids leading ones). */
export function normalizeName(name: string): string {
  return name.trim();
}

/**
 * Checks a destination node URL: absolute http(s), no credentials, query or fragment.
 * @returns the URL without a trailing slash
 * @throws SyncError SYNC_ERR_CONNECTION_URL_INVALID
 */
export function normalizeDestinationUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw new SyncError("SYNC_ERR_CONNECTION_URL_INVALID");
  }
  const bad =
    !["http:", "https:"].includes(url.protocol) ||
    url.username !== "" ||
    url.password !== "" ||
    url.search !== "" ||
    url.hash !== "" ||
    value.includes("?") ||
    value.includes("#");
  if (bad) throw new SyncError("SYNC_ERR_CONNECTION_URL_INVALID");
  return url.href.replace(/\/+$/, "");
}

/**
 * Type of a connection and this node's side, from whether each node has a public URL.
 * @throws SyncError SYNC_ERR_INVITATION_BOTH_PRIVATE when neither has one
 */
export function connectionShape(
  localUrl: string | null,
  remoteUrl: string | null,
): { type: ConnectionType; localSide: ConnectionSide } {
  if (localUrl === null && remoteUrl === null) {
    throw new SyncError("SYNC_ERR_INVITATION_BOTH_PRIVATE");
  }
  return {
    type: localUrl !== null && remoteUrl !== null ? "public" : "private",
    localSide: localUrl !== null ? "public" : "private",
  };
}

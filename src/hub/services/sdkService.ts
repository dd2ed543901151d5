/**
 * Bounded access to the host's SDK services. `SDK.getService` waits forever when a host does not
 * know a service; wrappers use `getHostService` so a missing service becomes an error they can
 * fall back from instead of a hang.
 */
import * as SDK from "azure-devops-extension-sdk";

import { SyncError } from "../../shared/errors";

/**
 * How long to wait for the host to hand out a service, in milliseconds. Real hosts answer in
 * well under a second; a longer wait only delays the fallback (e.g. the in-iframe toast).
 */
export const SERVICE_TIMEOUT_MS = 5_000;

/** Host service ids used by the hub (the dev host implements each). */
export const SERVICE_IDS = {
  extensionData: "ms.vss-features.extension-data-service",
  globalMessages: "ms.vss-tfs-web.tfs-global-messages-service",
  location: "ms.vss-features.location-service",
} as const;

/**
 * The host's service `id`, or a `SYNC_ERR_HOST_HANDSHAKE_TIMEOUT` SyncError when the host does not
 * answer within `SERVICE_TIMEOUT_MS`.
 */
export async function getHostService<T>(id: string, timeoutMs = SERVICE_TIMEOUT_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SyncError("SYNC_ERR_HOST_HANDSHAKE_TIMEOUT", undefined, { service: id })),
      timeoutMs,
    );
  });
  try {
    return await Promise.race([SDK.getService<T>(id), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

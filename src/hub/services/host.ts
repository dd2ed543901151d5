/**
 * The hub's connection to its Azure DevOps host: the SDK handshake with a bounded wait
 * (`SDK.init()` has no timeout of its own, MicrosoftDocs/azure-devops-docs#13934), and the few host
 * facts the hub needs. Components never import the SDK directly; they use this module and its
 * siblings.
 */
import * as SDK from "azure-devops-extension-sdk";

import { SyncError } from "../../shared/errors";

/**
 * How long the hub waits for the host to answer the handshake, in milliseconds; after it the hub
 * shows that it could not reach Azure DevOps, with Reload.
 */
export const HANDSHAKE_TIMEOUT_MS = 10_000;

/** What the hub knows about where it runs, read once after the handshake. */
export interface HostContext {
  /** Organization (Services) or collection (Server) name. */
  organizationName: string;
  /** True on Azure DevOps Services, false on Azure DevOps Server. */
  isHosted: boolean;
  /**
   * The host's service version as `SDK.getHost().serviceVersion` reports it (on Server it names
   * the product version, e.g. "19.205.33122.1" for Azure DevOps Server 2022); picks REST
   * api-versions (see projects.ts).
   */
  serviceVersion: string;
  /** Display name of the signed-in user. */
  userDisplayName: string;
  /** Full extension id, e.g. "idalko-tools.exalate". */
  extensionId: string;
}

let handshake: Promise<HostContext> | undefined;

/**
 * Completes the SDK handshake once per page load (re-mounts reuse it, so leaving and re-entering
 * the page renders again: microsoft/azure-devops-extension-sdk#41) and reports the load to the host
 * exactly once.
 * @param timeoutMs bounded wait before giving up (Default: `HANDSHAKE_TIMEOUT_MS`)
 * @throws SyncError `SYNC_ERR_HOST_HANDSHAKE_TIMEOUT` when there is no host or it never answers
 */
export function connectToHost(timeoutMs = HANDSHAKE_TIMEOUT_MS): Promise<HostContext> {
  handshake ??= initWithTimeout(timeoutMs).catch((error: unknown) => {
    handshake = undefined;
    throw error;
  });
  return handshake;
}

async function initWithTimeout(timeoutMs: number): Promise<HostContext> {
  if (window.parent === window) {
    throw new SyncError("SYNC_ERR_HOST_HANDSHAKE_TIMEOUT", undefined, { reason: "no-host-frame" });
  }
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new SyncError("SYNC_ERR_HOST_HANDSHAKE_TIMEOUT", undefined, { timeoutMs })),
      timeoutMs,
    );
  });
  try {
    await Promise.race([SDK.init({ loaded: false, applyTheme: true }), timeout]);
  } finally {
    clearTimeout(timer);
  }
  const host = SDK.getHost();
  const user = SDK.getUser();
  const extension = SDK.getExtensionContext();
  SDK.notifyLoadSucceeded();
  return {
    organizationName: host.name,
    isHosted: host.isHosted,
    serviceVersion: host.serviceVersion ?? "",
    userDisplayName: user.displayName,
    extensionId: extension.id,
  };
}

/** Tells the host the hub failed to load; safe to call when the handshake never completed. */
export function reportLoadFailure(error: Error): void {
  void SDK.notifyLoadFailed(error).catch(() => undefined);
}

/** Resets the cached handshake; for tests only. */
export function resetHostConnectionForTests(): void {
  handshake = undefined;
}

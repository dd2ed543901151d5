/**
 * Toasts through the host's global messages service (`ms.vss-tfs-web.tfs-global-messages-service`),
 * so they look like every other Azure DevOps toast and outlive the iframe's layout. When the
 * host has no such service, the message goes to an in-iframe fallback (src/hub/components/
 * ToastArea.tsx registers it).
 */
import type { IGlobalMessagesService } from "azure-devops-extension-api/Common";

import { getHostService, SERVICE_IDS } from "./sdkService";

/** How long a toast stays, in milliseconds: long enough to read two short sentences. */
export const TOAST_DURATION_MS = 5_000;

type Fallback = (message: string) => void;
let fallback: Fallback | undefined;

/** Registers the in-iframe toast used when the host has no global messages service. */
export function setToastFallback(show: Fallback | undefined): void {
  fallback = show;
}

/** Shows a toast; never throws. */
export async function showToast(message: string): Promise<void> {
  try {
    const service = await getHostService<IGlobalMessagesService>(SERVICE_IDS.globalMessages);
    if (typeof service?.addToast !== "function") throw new Error("no addToast");
    await service.addToast({ message, duration: TOAST_DURATION_MS });
  } catch {
    fallback?.(message);
  }
}

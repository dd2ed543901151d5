/**
 * Where the hub keeps its settings: the extension's organization-scoped data
 * (`ms.vss-features.extension-data-service`, default scope = shared by the organization or
 * collection). Key `syncNodeUrl` holds the sync node's base URL.
 */
import type {
  IExtensionDataManager,
  IExtensionDataService,
} from "azure-devops-extension-api/Common";
import * as SDK from "azure-devops-extension-sdk";

import { getHostService, SERVICE_IDS } from "./sdkService";

/** Extension data key of the sync node URL (shared with the dev host). */
export const NODE_URL_KEY = "syncNodeUrl";

async function dataManager(): Promise<IExtensionDataManager> {
  const service = await getHostService<IExtensionDataService>(SERVICE_IDS.extensionData);
  const accessToken = await SDK.getAccessToken();
  return service.getExtensionDataManager(SDK.getExtensionContext().id, accessToken);
}

/** The stored sync node URL, or null when none is stored yet (first run). */
export async function readNodeUrl(): Promise<string | null> {
  const manager = await dataManager();
  const value = await manager.getValue<unknown>(NODE_URL_KEY, { defaultValue: null });
  return typeof value === "string" && value.trim() !== "" ? value : null;
}

/** Stores the sync node URL for the whole organization. */
export async function saveNodeUrl(url: string): Promise<void> {
  const manager = await dataManager();
  await manager.setValue(NODE_URL_KEY, url);
}

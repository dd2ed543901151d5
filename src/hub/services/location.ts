/**
 * The Azure DevOps base URL of this organization (Services) or collection (Server), from the
 * host's location service (`ms.vss-features.location-service`, `getServiceLocation()`), e.g.
 * `https://dev.azure.com/contoso/` or `https://server/DefaultCollection/`.
 */
import type { ILocationService } from "azure-devops-extension-api/Common";

import { getHostService, SERVICE_IDS } from "./sdkService";

/** The organization's or collection's base URL, always ending in "/". */
export async function getOrganizationUrl(): Promise<string> {
  const service = await getHostService<ILocationService>(SERVICE_IDS.location);
  const url = await service.getServiceLocation();
  return url.endsWith("/") ? url : `${url}/`;
}

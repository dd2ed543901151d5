/**
 * Checks the project for incoming sync against Azure DevOps with the user's access token
 * (Core `Projects_Get`). When Azure DevOps cannot be asked (no AZDO_ORG_URL, or unreachable),
 * the project is accepted as given: its shape was already validated by the request schema.
 */
import type { ProjectRef } from "../../shared/contracts/connection";
import { isSyncError, SyncError } from "../../shared/errors";
import type { AdoIdentityClient } from "../ado/ado-identity";

/**
 * The project as Azure DevOps names it.
 * @throws SyncError SYNC_ERR_CONNECTION_PROJECT_INVALID when Azure DevOps has no such project
 */
export async function checkIncomingProject(
  client: AdoIdentityClient | null,
  accessToken: string,
  project: ProjectRef,
): Promise<ProjectRef> {
  if (!client) return project;
  try {
    const found = await client.getProject(accessToken, project.id);
    if (!found) throw new SyncError("SYNC_ERR_CONNECTION_PROJECT_INVALID");
    return { id: found.id, name: found.name };
  } catch (error) {
    if (isSyncError(error) && error.code === "SYNC_ERR_ADO_UNREACHABLE") return project;
    throw error;
  }
}

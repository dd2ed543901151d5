/**
 * The "write work items" probe of the credential check: a create with `validateOnly=true`
 * (Work Items_Create parameter) runs the service's permission and rule checks without saving
 * anything. Rule errors (a required field, a state) are not permission problems and count as
 * success: only 401/403 and TF237111 mean the write right is missing.
 */
import { isSyncError } from "../../shared/errors";
import { adoInfoOf } from "../ado/ado-error-map";
import type { AdoHttp } from "../ado/ado-http";
import { listWorkItemTypes } from "../ado/project-api";
import { postWorkItem } from "../ado/work-item-api";
import { fieldOperations } from "../work-items/json-patch";

/** Types tried first (every built-in process has one of them); else the first enabled type. */
const PREFERRED_TYPES = ["Task", "Issue", "Bug", "User Story", "Product Backlog Item"];

/** A type of the project to create; "Task" when the type list cannot be read. */
async function typeToProbe(http: AdoHttp, project: string): Promise<string> {
  const types = await listWorkItemTypes(http, project).catch(() => []);
  const enabled = types.filter((type) => !type.isDisabled);
  return (
    PREFERRED_TYPES.find((name) => enabled.some((t) => t.name === name)) ??
    enabled[0]?.name ??
    "Task"
  );
}

/** Sends the validate-only create; rejects only for permission refusals. */
export async function projectPostValidate(http: AdoHttp, project: string): Promise<void> {
  const type = await typeToProbe(http, project);
  try {
    await postWorkItem(http, {
      project,
      type,
      operations: fieldOperations({ "System.Title": "Sync node credential check (not saved)" }),
      validateOnly: true,
    });
  } catch (error) {
    if (!isSyncError(error)) throw error;
    const info = adoInfoOf(error);
    const permission = [401, 403].includes(info.status) || info.adoCode === "TF237111";
    if (permission || error.code !== "SYNC_ERR_ADO_REJECTED") throw error;
  }
}

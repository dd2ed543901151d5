/**
 * Projects and process metadata: projects (core/7.1 Projects_List, Projects_Get), work item
 * types and their states, and fields (wit/7.1 Work Item Types_List, Work Item Type
 * States_List, Fields_List).
 */
import type { AdoHttp } from "./ado-http";
import { witPath } from "./ado-paths";
import type { AdoField, AdoList, AdoProject, AdoWorkItemState, AdoWorkItemType } from "./ado-types";

/** Page size of Projects_List. (100: the service's default page; paged with a continuation token.) */
const PROJECT_PAGE = 100;

/** Lists every well-formed project, following `x-ms-continuationtoken`. */
export async function listProjects(http: AdoHttp): Promise<AdoProject[]> {
  const projects: AdoProject[] = [];
  let continuationToken: string | undefined;
  do {
    const response = await http.send<AdoList<AdoProject>>({
      method: "GET",
      path: "_apis/projects",
      query: { $top: PROJECT_PAGE, continuationToken, stateFilter: "wellFormed" },
    });
    projects.push(...response.data.value);
    continuationToken = response.headers.get("x-ms-continuationtoken") ?? undefined;
  } while (continuationToken);
  return projects;
}

/** Reads one project by name or id (throws SYNC_ERR_ADO_REJECTED with status 404 if absent). */
export async function getProject(http: AdoHttp, projectIdOrName: string): Promise<AdoProject> {
  const response = await http.send<AdoProject>({
    method: "GET",
    path: `_apis/projects/${encodeURIComponent(projectIdOrName)}`,
  });
  return response.data;
}

/** The work item types of a project. */
export async function listWorkItemTypes(
  http: AdoHttp,
  project: string,
): Promise<AdoWorkItemType[]> {
  const response = await http.send<AdoList<AdoWorkItemType>>({
    method: "GET",
    path: witPath(project, "workitemtypes"),
  });
  return response.data.value;
}

/** The states of one work item type, with their categories. */
export async function listWorkItemTypeStates(
  http: AdoHttp,
  project: string,
  type: string,
): Promise<AdoWorkItemState[]> {
  const response = await http.send<AdoList<AdoWorkItemState>>({
    method: "GET",
    path: witPath(project, `workitemtypes/${encodeURIComponent(type)}/states`),
  });
  return response.data.value;
}

/** The fields of the organization, or of one project when given. */
export async function listFields(http: AdoHttp, project?: string): Promise<AdoField[]> {
  const response = await http.send<AdoList<AdoField>>({
    method: "GET",
    path: witPath(project, "fields"),
  });
  return response.data.value;
}

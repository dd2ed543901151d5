/**
 * The few Azure DevOps work item REST calls the dev host's Boards page makes against an
 * organization's emulator, acting as the signed-in person (Ada Admin) so that the sync node
 * sees ordinary user changes. Shapes and api-versions follow the wit 7.1 REST specification.
 */
import type { DevOrganization } from "../process/dev-organization";

/** api-version of the calls (Azure DevOps Services 7.1; comments are 7.1-preview.4). */
const API = "api-version=7.1";
const COMMENTS_API = "api-version=7.1-preview.4";
/** Most work items a page lists; the batch API takes at most 200 ids per call. */
export const BOARD_PAGE_SIZE = 200;

/** A work item as the Boards page shows it. */
export interface BoardWorkItem {
  id: number;
  rev: number;
  fields: Record<string, unknown>;
}

/** A comment as the Boards page shows it. */
export interface BoardComment {
  id: number;
  text: string;
  createdBy?: { displayName?: string };
  createdDate?: string;
}

/** Field values a person edits on the Boards page (reference names in the patch). */
export interface WorkItemEdit {
  title?: string;
  description?: string;
  state?: string;
  assignedTo?: string;
  tags?: string;
}

/** Field reference names of `WorkItemEdit`. */
const FIELD_OF: Record<keyof WorkItemEdit, string> = {
  title: "System.Title",
  description: "System.Description",
  state: "System.State",
  assignedTo: "System.AssignedTo",
  tags: "System.Tags",
};

/** A failed call, with the emulator's status and message. */
export class BoardsApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Client of one organization's work items, as `user` ("ada" by default). */
export function boardsClient(org: DevOrganization) {
  const call = async <T>(
    method: string,
    path: string,
    body?: unknown,
    type = "application/json",
  ) => {
    const token = await org.accessToken("ada");
    const response = await fetch(`${org.url}/${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        Accept: "application/json",
        ...(body === undefined ? {} : { "Content-Type": type }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    const payload = text ? (JSON.parse(text) as unknown) : undefined;
    if (!response.ok) {
      const message = (payload as { message?: string } | undefined)?.message ?? response.statusText;
      throw new BoardsApiError(response.status, message);
    }
    return payload as T;
  };
  const p = encodeURIComponent;
  return {
    projects: async () =>
      (await call<{ value: Array<{ id: string; name: string }> }>("GET", `_apis/projects?${API}`))
        .value,
    types: async (project: string) =>
      (
        await call<{ value: Array<{ name: string }> }>(
          "GET",
          `${p(project)}/_apis/wit/workitemtypes?${API}`,
        )
      ).value,
    states: async (project: string, type: string) =>
      (
        await call<{ value: Array<{ name: string }> }>(
          "GET",
          `${p(project)}/_apis/wit/workitemtypes/${p(type)}/states?${API}`,
        )
      ).value,
    async list(project: string): Promise<BoardWorkItem[]> {
      const query = `SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = '${project.replace(/'/g, "''")}' ORDER BY [System.ChangedDate] DESC`;
      const found = await call<{ workItems: Array<{ id: number }> }>(
        "POST",
        `_apis/wit/wiql?${API}`,
        { query },
      );
      const ids = found.workItems.slice(0, BOARD_PAGE_SIZE).map((w) => w.id);
      if (ids.length === 0) return [];
      const batch = await call<{ value: BoardWorkItem[] }>(
        "GET",
        `_apis/wit/workitems?ids=${ids.join(",")}&${API}`,
      );
      return batch.value;
    },
    get: (id: number) => call<BoardWorkItem>("GET", `_apis/wit/workitems/${id}?${API}`),
    create: (project: string, type: string, edit: WorkItemEdit) =>
      call<BoardWorkItem>(
        "POST",
        `${p(project)}/_apis/wit/workitems/$${p(type)}?${API}`,
        toPatch(edit),
        "application/json-patch+json",
      ),
    update: (id: number, edit: WorkItemEdit) =>
      call<BoardWorkItem>(
        "PATCH",
        `_apis/wit/workitems/${id}?${API}`,
        toPatch(edit),
        "application/json-patch+json",
      ),
    comments: async (project: string, id: number) =>
      (
        await call<{ comments: BoardComment[] }>(
          "GET",
          `${p(project)}/_apis/wit/workItems/${id}/comments?${COMMENTS_API}`,
        )
      ).comments,
    addComment: (project: string, id: number, text: string) =>
      call<BoardComment>(
        "POST",
        `${p(project)}/_apis/wit/workItems/${id}/comments?${COMMENTS_API}`,
        { text },
      ),
  };
}

/** JSON Patch of the given edits (`add` sets a field; an empty value clears it, as in Azure DevOps). */
export function toPatch(edit: WorkItemEdit): Array<{ op: string; path: string; value?: unknown }> {
  return (Object.keys(FIELD_OF) as Array<keyof WorkItemEdit>)
    .filter((key) => edit[key] !== undefined)
    .map((key) => ({ op: "add", path: `/fields/${FIELD_OF[key]}`, value: edit[key] }));
}

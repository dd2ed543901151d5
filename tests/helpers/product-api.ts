/**
 * API-level set-up and checks for the browser tests on the dev host: each organization's sync
 * node hub API (as Ada Admin, with the app and access tokens the host page hands the hub) and
 * its emulator's Azure DevOps REST API (wit 7.1), plus a private connection contoso -> fabrikam
 * made the way the hub makes it (Initiate on contoso, Accept on fabrikam).
 */
import type { DevEnvironment } from "../../src/devhost/process/dev-environment";
import type { DevOrganizationName } from "../../src/devhost/process/dev-ports";
import { ACCESS_TOKEN_HEADER, routePath, ROUTES } from "../../src/shared/contracts/routes";

/** A work item as the emulator's REST API answers it. */
export interface AdoWorkItem {
  id: number;
  rev: number;
  fields: Record<string, unknown>;
}

/** An emulated organization's Azure DevOps REST API (wit 7.1). */
export interface EmulatorRest {
  /**
   * Calls the emulator's REST API; `path` is relative to the organization URL. JSON Patch bodies
   * (arrays) go as application/json-patch+json.
   * @throws Error with the status and answer on a non-2xx answer
   */
  ado<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
  /** A work item by id. */
  workItem(id: number): Promise<AdoWorkItem>;
  /** The newest work item of `project` with exactly this title, or undefined. */
  findByTitle(title: string, project?: string): Promise<AdoWorkItem | undefined>;
  /** Work items of `project` whose title contains `text`, oldest first. */
  itemsTitled(text: string, project?: string): Promise<AdoWorkItem[]>;
  /** Id of a project by name. @throws Error when there is none */
  projectId(name: string): Promise<string>;
}

/** One organization of a running dev environment, seen through its APIs. */
export interface OrganizationApi extends EmulatorRest {
  /**
   * Calls the organization's sync node hub API as Ada Admin.
   * @throws Error with the status and answer on a non-2xx answer
   */
  node<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<T>;
}

async function send<T>(url: string, method: string, headers: object, body: unknown): Promise<T> {
  const response = await fetch(url, {
    method,
    headers: { ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${text}`);
  return (text ? JSON.parse(text) : undefined) as T;
}

const wiqlQuote = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * The REST API of the emulator at `emulatorUrl` (an organization URL), with bearer tokens
 * from `accessToken` (e.g. `emulator.issueAccessToken()`: Ada Admin).
 */
export function emulatorRest(
  emulatorUrl: string,
  accessToken: () => Promise<string>,
): EmulatorRest {
  /** Ids of the work items of `project` matching `condition`, by id. */
  const idsWhere = async (project: string, condition: string, order: "ASC" | "DESC") => {
    const found = await api.ado<{ workItems: Array<{ id: number }> }>(
      "POST",
      "_apis/wit/wiql?api-version=7.1",
      {
        query:
          `SELECT [System.Id] FROM WorkItems WHERE [System.TeamProject] = ${wiqlQuote(project)}` +
          ` AND ${condition} ORDER BY [System.Id] ${order}`,
      },
    );
    return found.workItems.map(({ id }) => id);
  };
  const api: EmulatorRest = {
    async ado<T>(method: string, path: string, body?: unknown) {
      const headers = {
        authorization: `Bearer ${await accessToken()}`,
        ...(body === undefined
          ? {}
          : {
              "content-type": Array.isArray(body)
                ? "application/json-patch+json"
                : "application/json",
            }),
      };
      return send<T>(`${emulatorUrl}/${path}`, method, headers, body);
    },
    workItem: (id) => api.ado<AdoWorkItem>("GET", `_apis/wit/workitems/${id}?api-version=7.1`),
    async findByTitle(title, project = "Alpha") {
      const [id] = await idsWhere(project, `[System.Title] = ${wiqlQuote(title)}`, "DESC");
      return id === undefined ? undefined : api.workItem(id);
    },
    async itemsTitled(text, project = "Alpha") {
      const ids = await idsWhere(project, `[System.Title] CONTAINS ${wiqlQuote(text)}`, "ASC");
      return Promise.all(ids.map((id) => api.workItem(id)));
    },
    async projectId(name) {
      const { value } = await api.ado<{ value: Array<{ id: string; name: string }> }>(
        "GET",
        "_apis/projects?api-version=7.1",
      );
      const project = value.find((p) => p.name === name);
      if (!project) throw new Error(`${emulatorUrl} has no project ${name}.`);
      return project.id;
    },
  };
  return api;
}

/** Each organization's APIs, from the host's token endpoints (`/_devhost/api/:org/...`). */
export function organizationApi(env: DevEnvironment, org: DevOrganizationName): OrganizationApi {
  const urls = env.organizations[org];
  const token = async (kind: "app-token" | "access-token") => {
    const response = await fetch(`${env.hostUrl}/_devhost/api/${org}/${kind}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    if (!response.ok) throw new Error(`${kind} for ${org}: ${response.status}`);
    return ((await response.json()) as { token: string }).token;
  };
  return {
    ...emulatorRest(urls.emulatorUrl, () => token("access-token")),
    async node<T>(method: string, path: string, body?: unknown) {
      if (!urls.nodeUrl) throw new Error(`${org} runs no sync node.`);
      const [app, access] = await Promise.all([token("app-token"), token("access-token")]);
      const headers = {
        authorization: `Bearer ${app}`,
        [ACCESS_TOKEN_HEADER]: access,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      };
      return send<T>(`${urls.nodeUrl}${path}`, method, headers, body);
    },
  };
}

/**
 * Makes an Active private connection contoso -> fabrikam over the hub API, as the seed flow
 * does in the hub: Initiate on contoso (Script mode, no destination URL, twins in Alpha), Accept
 * on fabrikam (twins in Alpha). @returns the connection id (the same on both nodes)
 */
export async function connectContosoToFabrikam(env: DevEnvironment): Promise<string> {
  const contoso = organizationApi(env, "contoso");
  const fabrikam = organizationApi(env, "fabrikam");
  const initiated = await contoso.node<{
    connection: { id: string };
    invitation: { invitationCode: string };
  }>("POST", ROUTES.connections, {
    destinationUrl: null,
    mode: "script",
    localShortName: "contoso",
    remoteShortName: "fabrikam",
    description: "Browser test connection",
    incomingProject: { id: await contoso.projectId("Alpha"), name: "Alpha" },
  });
  await fabrikam.node("POST", ROUTES.invitationAccept, {
    invitationCode: initiated.invitation.invitationCode,
    incomingProject: { id: await fabrikam.projectId("Alpha"), name: "Alpha" },
  });
  return initiated.connection.id;
}

/** Adds a trigger sending every work item of `workItemType` on `org`'s side of the connection. */
export async function addTrigger(
  env: DevEnvironment,
  org: DevOrganizationName,
  connectionId: string,
  workItemType = "Task",
): Promise<void> {
  await organizationApi(env, org).node(
    "POST",
    routePath(ROUTES.connectionTriggers, { id: connectionId }),
    { workItemType, where: "" },
  );
}

/** Budget for a change to cross between the organizations (change detection polls every 5 s). */
export const SYNC_WAIT_MS = 90_000;

/**
 * Calls `probe` every `intervalMs` until it returns something other than undefined.
 * @throws Error naming `what` when `timeoutMs` passes first (a deadline, not a timed assertion)
 */
export async function eventually<T>(
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = SYNC_WAIT_MS,
  intervalMs = 1000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Gave up waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

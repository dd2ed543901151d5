/**
 * A fake `fetch` for jsdom hub tests that answers like a sync node (in memory) and like Azure
 * DevOps' project list. Tests drive it: failures per route, requests that never answer, and
 * the app tokens the node accepts (to expire a token while the hub stays open).
 */
import type {
  Connection,
  ConnectionScripts,
  InvitationPreview,
  NodeCredentialStatus,
  NodeInfo,
  SyncErrorItem,
  SyncStatistics,
} from "../../../src/shared/contracts";
import type { ErrorCode } from "../../../src/shared/errors";
import { type Answer, errorAnswer } from "./fake-answers";
import { createSettingsState, type FakeSettingsState, settingsRoute } from "./fake-settings-routes";

export { errorAnswer };

export const NODE_URL = "http://node.test";

export interface Recorded {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export interface FakeBackend {
  fetch: (input: string, init?: RequestInit) => Promise<Response>;
  requests: Recorded[];
  connections: Connection[];
  projects: { id: string; name: string }[];
  validAppTokens: Set<string>;
  /** Answers to give instead of the normal one, keyed "METHOD /path" (persistent). */
  failures: Map<string, Answer>;
  /** Routes ("METHOD /path") that never answer. */
  hanging: Set<string>;
  /** Routes ("METHOD /path") that answer only once the promise settles. */
  gates: Map<string, Promise<void>>;
  /** Errors for invitation codes (inspect and accept). */
  invitationErrors: Map<string, ErrorCode>;
  /** Current invitation code per connection id once regenerated (absent: `INV-<id>`). */
  invitationCodes: Map<string, string>;
  preview: InvitationPreview;
  /** Stored scripts per connection id (absent: defaults). */
  scripts: Map<string, ConnectionScripts>;
  statistics: SyncStatistics;
  /** The node credential status; a PUT with a pat in `credentialErrors` fails with that code. */
  credential: NodeCredentialStatus;
  credentialErrors: Map<string, ErrorCode>;
  /** Sync errors per connection id; retry and resolve remove them. */
  syncErrors: Map<string, SyncErrorItem[]>;
  /** Triggers, bulk sync jobs and script test run answers (fake-settings-routes.ts). */
  settings: FakeSettingsState;
}

/** What the fake node says about itself (`GET /api/v1/node`). */
export const FAKE_NODE_INFO: NodeInfo = {
  product: "exalate-adnode-sync-node",
  version: "0.1.0",
  apiVersions: ["v1"],
  publicUrl: NODE_URL,
  organizationUrl: "http://ado.test/contoso",
  hasSyncCredential: false,
};

/** Scripts the fake node answers when none are stored. */
export const DEFAULT_TEST_SCRIPTS: ConnectionScripts = {
  outgoing: "replica.title = workItem.title;",
  incoming: "workItem.title = replica.title;",
};

/** A syntax error answer with the node's details (script, 1-based line and column). */
export function syntaxAnswer(
  script: keyof ConnectionScripts,
  line: number,
  column: number,
): Answer {
  return {
    status: 400,
    body: {
      statusCode: 400,
      code: "SYNC_ERR_SCRIPT_SYNTAX",
      error: "Bad Request",
      message: `Script failed at line ${line}`,
      details: { script, line, column, message: "SyntaxError: unexpected token" },
    },
  };
}

export function connection(overrides: Partial<Connection> = {}): Connection {
  return {
    id: "c-1",
    name: "contoso_to_fabrikam",
    description: "Bugs both ways",
    localShortName: "contoso",
    remoteShortName: "fabrikam",
    type: "public",
    localSide: "public",
    role: "initiator",
    mode: "script",
    status: "active",
    statusReason: null,
    remoteUrl: null,
    incomingProject: { id: "p-alpha", name: "Alpha" },
    createdAt: "2026-01-01T00:00:00.000Z",
    lastActivityAt: null,
    lastContactAt: null,
    ...overrides,
  };
}

function response(answer: Answer, headers: Record<string, string> = {}): Response {
  const text = answer.body === undefined ? "" : JSON.stringify(answer.body);
  return {
    ok: answer.status >= 200 && answer.status < 300,
    status: answer.status,
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
    headers: { get: (name: string) => headers[name.toLowerCase()] ?? null },
  } as unknown as Response;
}

export function createFakeBackend(): FakeBackend {
  const backend: FakeBackend = {
    requests: [],
    connections: [],
    projects: [
      { id: "p-beta", name: "Beta" },
      { id: "p-alpha", name: "Alpha" },
    ],
    validAppTokens: new Set(["app-token-1"]),
    failures: new Map(),
    hanging: new Set(),
    gates: new Map(),
    invitationErrors: new Map(),
    invitationCodes: new Map(),
    preview: {
      connectionId: "c-remote",
      connectionName: "fabrikam_to_contoso",
      description: "From Fabrikam",
      initiatorShortName: "fabrikam",
      acceptorShortName: "contoso",
      mode: "basic",
      initiatorUrl: "http://fabrikam.test",
      expiresAt: "2026-02-01T00:00:00.000Z",
    },
    scripts: new Map(),
    credential: { source: "none", identity: null, updatedAt: null },
    credentialErrors: new Map(),
    syncErrors: new Map(),
    settings: createSettingsState(),
    statistics: {
      twins: 12,
      outgoing: { queued: 2, failed: 1 },
      incoming: { queued: 0, failed: 3 },
      lastSentAt: "2026-01-01T00:00:00.000Z",
      lastReceivedAt: null,
      lastContactAt: "2026-01-01T00:00:00.000Z",
    },
    fetch: async (input, init = {}) => {
      const url = new URL(input);
      const method = (init.method ?? "GET").toUpperCase();
      const headers = Object.fromEntries(
        Object.entries((init.headers ?? {}) as Record<string, string>).map(([k, v]) => [
          k.toLowerCase(),
          v,
        ]),
      );
      const body = typeof init.body === "string" ? (JSON.parse(init.body) as unknown) : undefined;
      backend.requests.push({ method, url: input, headers, body });
      const key = `${method} ${url.pathname}`;
      if (backend.hanging.has(key)) return new Promise<Response>(() => undefined);
      await backend.gates.get(key);
      const failure = backend.failures.get(key);
      if (failure) return response(failure);
      if (url.origin === "http://ado.test") return response(projectsAnswer(backend, url));
      if (url.origin !== NODE_URL) throw new TypeError("Failed to fetch");
      return response(nodeAnswer(backend, method, url.pathname, headers, body));
    },
  };
  return backend;
}

function projectsAnswer(backend: FakeBackend, url: URL): Answer {
  if (url.pathname !== "/contoso/_apis/projects") return { status: 404 };
  return { status: 200, body: { count: backend.projects.length, value: backend.projects } };
}

function nodeAnswer(
  backend: FakeBackend,
  method: string,
  path: string,
  headers: Record<string, string>,
  body: unknown,
): Answer {
  if (method === "GET" && path === "/api/v1/node") return { status: 200, body: FAKE_NODE_INFO };
  const token = (headers.authorization ?? "").replace(/^Bearer /, "");
  if (!backend.validAppTokens.has(token)) return errorAnswer("SYNC_ERR_AUTH_APP_TOKEN_EXPIRED");
  if (!headers["x-azdo-access-token"]) return errorAnswer("SYNC_ERR_AUTH_ACCESS_TOKEN_MISSING");
  return connectionRoutes(backend, method, path, body);
}

function connectionRoutes(
  backend: FakeBackend,
  method: string,
  path: string,
  body: unknown,
): Answer {
  const find = (id: string) => backend.connections.find((c) => c.id === id);
  const match = /^\/api\/v1\/connections\/([^/]+)(?:\/(\w+))?$/.exec(path);
  if (path === "/api/v1/connections" && method === "GET") {
    return { status: 200, body: { connections: backend.connections } };
  }
  if (path === "/api/v1/connections" && method === "POST") return initiate(backend, body);
  if (path === "/api/v1/node/credential") return credentialRoute(backend, method, body);
  if (path === "/api/v1/invitations/inspect") return inspect(backend, body);
  if (path === "/api/v1/invitations/accept") return accept(backend, body);
  const errorsAction = /^\/api\/v1\/connections\/([^/]+)\/errors\/(retry|resolve)$/.exec(path);
  if (errorsAction && method === "POST") return actOnErrors(backend, errorsAction[1], body);
  const nested =
    /^\/api\/v1\/connections\/([^/]+)\/((?:triggers|bulk-sync|scripts\/test)\/?.*)$/.exec(path);
  if (nested) {
    if (!find(decodeURIComponent(nested[1]))) return errorAnswer("SYNC_ERR_CONNECTION_NOT_FOUND");
    const answer = settingsRoute(backend.settings, nested[1], method, nested[2], body);
    if (answer) return answer;
  }
  if (!match) return errorAnswer("SYNC_ERR_ROUTE_NOT_FOUND");
  const target = find(decodeURIComponent(match[1]));
  if (!target) return errorAnswer("SYNC_ERR_CONNECTION_NOT_FOUND");
  switch (`${method} ${match[2] ?? ""}`) {
    case "GET invitation": {
      const invitationCode = backend.invitationCodes.get(target.id) ?? `INV-${target.id}`;
      return { status: 200, body: { invitationCode, expiresAt: "2026-02-01T00:00:00Z" } };
    }
    case "POST invitation": {
      const invitationCode = `INV-${target.id}-${backend.invitationCodes.size + 2}`;
      backend.invitationCodes.set(target.id, invitationCode);
      return { status: 200, body: { invitationCode, expiresAt: "2026-03-01T00:00:00Z" } };
    }
    case "POST activate":
      target.status = "active";
      return { status: 200, body: target };
    case "POST deactivate":
      target.status = "deactivated";
      return { status: 200, body: target };
    case "GET scripts":
      return { status: 200, body: backend.scripts.get(target.id) ?? DEFAULT_TEST_SCRIPTS };
    case "PUT scripts":
      return saveScripts(backend, target, body as ConnectionScripts);
    case "GET errors":
      return { status: 200, body: { errors: backend.syncErrors.get(target.id) ?? [] } };
    case "GET statistics":
      return { status: 200, body: backend.statistics };
    case "DELETE ":
      backend.connections = backend.connections.filter((c) => c !== target);
      return { status: 204 };
    default:
      return errorAnswer("SYNC_ERR_ROUTE_NOT_FOUND");
  }
}

function initiate(backend: FakeBackend, body: unknown): Answer {
  const request = body as {
    destinationUrl: string | null;
    mode: Connection["mode"];
    localShortName: string;
    remoteShortName: string;
    name: string;
    description: string;
    incomingProject: { id: string; name: string };
  };
  if (backend.connections.some((c) => c.name === request.name)) {
    return errorAnswer("SYNC_ERR_CONNECTION_NAME_TAKEN");
  }
  const created = connection({
    id: `c-${backend.connections.length + 1}`,
    name: request.name,
    description: request.description,
    localShortName: request.localShortName,
    remoteShortName: null,
    type: request.destinationUrl ? "public" : "private",
    mode: request.mode,
    status: "pending",
    remoteUrl: request.destinationUrl,
    incomingProject: request.incomingProject,
  });
  backend.connections.push(created);
  return {
    status: 201,
    body: {
      connection: created,
      invitation: { invitationCode: "INV-NEW-CODE-123", expiresAt: "2026-02-01T00:00:00Z" },
    },
  };
}

function codeError(backend: FakeBackend, body: unknown): Answer | null {
  const code = (body as { invitationCode: string }).invitationCode;
  const error = backend.invitationErrors.get(code);
  return error ? errorAnswer(error) : null;
}

function inspect(backend: FakeBackend, body: unknown): Answer {
  return codeError(backend, body) ?? { status: 200, body: backend.preview };
}

function accept(backend: FakeBackend, body: unknown): Answer {
  const failure = codeError(backend, body);
  if (failure) return failure;
  const project = (body as { incomingProject: { id: string; name: string } }).incomingProject;
  const created = connection({
    id: backend.preview.connectionId,
    name: backend.preview.connectionName,
    localShortName: backend.preview.acceptorShortName,
    remoteShortName: backend.preview.initiatorShortName,
    role: "acceptor",
    mode: backend.preview.mode,
    incomingProject: project,
  });
  backend.connections.push(created);
  return { status: 200, body: { connection: created } };
}

/** Like the node: Basic mode is locked; a script with "@@" in it has a syntax error there. */
function saveScripts(backend: FakeBackend, target: Connection, body: ConnectionScripts): Answer {
  if (target.mode === "basic") return errorAnswer("SYNC_ERR_CONNECTION_SCRIPT_LOCKED");
  for (const script of ["outgoing", "incoming"] as const) {
    const lines = body[script].split("\n");
    const line = lines.findIndex((text) => text.includes("@@"));
    if (line >= 0) return syntaxAnswer(script, line + 1, lines[line].indexOf("@@") + 1);
  }
  backend.scripts.set(target.id, body);
  return { status: 200, body };
}

/** GET answers the status (never a token); PUT "verifies" the pat and stores it. */
function credentialRoute(backend: FakeBackend, method: string, body: unknown): Answer {
  if (method === "GET") return { status: 200, body: backend.credential };
  const { pat } = body as { pat: string };
  const refusal = backend.credentialErrors.get(pat);
  if (refusal) return errorAnswer(refusal);
  backend.credential = {
    source: "stored",
    identity: "Sync Service",
    updatedAt: "2026-01-01T00:00:00.000Z",
  };
  return { status: 200, body: backend.credential };
}

/** Bulk retry/resolve: removes the listed (or all) errors; unknown ids are "not-found". */
function actOnErrors(backend: FakeBackend, id: string, body: unknown): Answer {
  const { ids, all } = body as { ids?: string[]; all?: boolean };
  const listed = backend.syncErrors.get(id) ?? [];
  const chosen = all ? listed.map((e) => e.id) : (ids ?? []);
  const results = chosen.map((errorId) => ({
    id: errorId,
    status: listed.some((e) => e.id === errorId) ? "done" : "not-found",
  }));
  backend.syncErrors.set(
    id,
    listed.filter((e) => !chosen.includes(e.id)),
  );
  return { status: 200, body: { results } };
}

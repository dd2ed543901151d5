/**
 * The fake sync node's hub API routes (src/server/connections, src/server/http) in memory:
 * node info, connections, invitations, scripts, statistics, sync errors, the node credential;
 * triggers, bulk sync and test runs are in settings-routes.ts.
 */
import type { Connection, ConnectionScripts } from "../../../src/shared/contracts";
import { type Answer, errorAnswer, syntaxAnswer } from "./answer";
import { connection } from "./connection";
import type { FakeBackend } from "./fake-backend";
import { FAKE_NODE_INFO } from "./fake-node-info";
import { settingsRoute } from "./settings-routes";

/** Scripts the fake node answers when none are stored. */
export const DEFAULT_TEST_SCRIPTS: ConnectionScripts = {
  outgoing: "replica.title = workItem.title;",
  incoming: "workItem.title = replica.title;",
};

/**
 * The node's answer to a hub API request: `GET /api/v1/node` for anyone; every other route
 * needs an app token in `validAppTokens` and an access token, then answers from the state.
 */
export function nodeAnswer(
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

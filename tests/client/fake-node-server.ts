/**
 * A small fastify server on loopback that answers like a sync node's hub API, for client tests.
 * It records each request's headers and body; a test queues special answers per route.
 */
import Fastify, { type FastifyInstance } from "fastify";

import type { Connection } from "../../src/shared/contracts";
import { ROUTES } from "../../src/shared/contracts/routes";
import { type ErrorCode, ERRORS } from "../../src/shared/errors";

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string | string[] | undefined>;
  body: unknown;
}

export interface FakeNode {
  url: string;
  app: FastifyInstance;
  requests: RecordedRequest[];
  /** App tokens the node accepts; any other gets 401 SYNC_ERR_AUTH_APP_TOKEN_EXPIRED. */
  validAppTokens: Set<string>;
  /** One-off answers keyed by "METHOD /path": raw text, status, and an optional delay. */
  overrides: Map<string, Override>;
  close(): Promise<void>;
}

export interface Override {
  status: number;
  /** A string is sent as is (text/plain); anything else as JSON. */
  body?: unknown;
  delayMs?: number;
}

export function sampleConnection(overrides: Partial<Connection> = {}): Connection {
  return {
    id: "c-1",
    name: "contoso_to_fabrikam",
    description: "",
    localShortName: "contoso",
    remoteShortName: null,
    type: "public",
    localSide: "public",
    role: "initiator",
    mode: "script",
    status: "pending",
    statusReason: null,
    remoteUrl: "http://127.0.0.1:9/fabrikam",
    incomingProject: { id: "p-1", name: "Alpha" },
    createdAt: "2026-01-01T00:00:00.000Z",
    lastActivityAt: null,
    lastContactAt: null,
    ...overrides,
  };
}

export function errorBody(code: ErrorCode, requestId = "req-1") {
  return {
    statusCode: ERRORS[code].status,
    code,
    error: "Error",
    message: ERRORS[code].message,
    requestId,
  };
}

/** Starts the fake node on 127.0.0.1 with a random port. */
export async function startFakeNode(): Promise<FakeNode> {
  const app = Fastify();
  const requests: RecordedRequest[] = [];
  const validAppTokens = new Set(["app-token-1"]);
  const overrides = new Map<string, Override>();
  app.addHook("onRequest", async (request, reply) => {
    requests.push({
      method: request.method,
      url: request.url,
      headers: request.headers,
      body: undefined,
    });
    if (request.url === ROUTES.nodeInfo) return;
    const token = (request.headers.authorization ?? "").replace(/^Bearer /, "");
    if (!validAppTokens.has(token)) {
      return reply.code(401).send(errorBody("SYNC_ERR_AUTH_APP_TOKEN_EXPIRED"));
    }
  });
  app.addHook("preHandler", async (request) => {
    requests[requests.length - 1].body = request.body;
  });
  app.addHook("preHandler", async (request, reply) => {
    const override = overrides.get(`${request.method} ${request.url}`);
    if (!override) return;
    if (override.delayMs) await new Promise((resolve) => setTimeout(resolve, override.delayMs));
    if (typeof override.body === "string") reply.type("text/plain");
    return reply.code(override.status).send(override.body);
  });
  registerRoutes(app);
  const url = await app.listen({ host: "127.0.0.1", port: 0 });
  return { url, app, requests, validAppTokens, overrides, close: () => app.close() };
}

const invitation = { invitationCode: "INV-abc.def", expiresAt: "2026-01-08T00:00:00.000Z" };

function registerRoutes(app: FastifyInstance): void {
  app.get(ROUTES.nodeInfo, async () => ({
    product: "exalate-adnode-sync-node",
    version: "0.1.0",
    apiVersions: ["v1"],
    publicUrl: null,
    organizationUrl: "http://127.0.0.1:3010/contoso",
    hasSyncCredential: false,
  }));
  app.get(ROUTES.connections, async () => ({ connections: [sampleConnection()] }));
  app.post(ROUTES.connections, async (request, reply) => {
    const body = request.body as { name?: string; localShortName: string };
    const connection = sampleConnection({ name: body.name ?? "generated" });
    return reply.code(201).send({ connection, invitation });
  });
  app.get(ROUTES.connectionInvitation, async () => invitation);
  app.post(ROUTES.connectionInvitation, async () => ({ ...invitation, invitationCode: "INV-new" }));
  app.post(ROUTES.connectionActivate, async () => sampleConnection({ status: "active" }));
  app.post(ROUTES.connectionDeactivate, async () => ({
    connection: sampleConnection({ status: "deactivated" }),
  }));
  app.delete(ROUTES.connection, async (_request, reply) => reply.code(204).send());
  app.post(ROUTES.invitationInspect, async () => ({
    connectionId: "c-9",
    connectionName: "fabrikam_to_contoso",
    description: "",
    initiatorShortName: "fabrikam",
    acceptorShortName: "contoso",
    mode: "basic",
    initiatorUrl: null,
    expiresAt: invitation.expiresAt,
  }));
  app.post(ROUTES.invitationAccept, async () => ({
    connection: sampleConnection({
      status: "active",
      role: "acceptor",
      remoteShortName: "fabrikam",
    }),
  }));
}

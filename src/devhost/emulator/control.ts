/**
 * Dev-only control routes under `http://127.0.0.1:PORT/_emulator` (no authentication: the
 * emulator listens on loopback only):
 * - `GET  /_emulator/info` -> `{organization, url, product, users:[{id, displayName, email}], projects}`
 * - `POST /_emulator/tokens` `{userId? | email?, ttlSeconds?}` -> `{token, userId}`
 * - `POST /_emulator/pats` `{userId? | email?, scopes?, expiresAt?}` -> `{token, userId}`
 * - `GET|POST|DELETE /_emulator/faults` (list, add `FaultSpec` -> `{id}`, clear all);
 *   `DELETE /_emulator/faults/:id`
 * - `POST /_emulator/reset` -> restores the seed (credentials survive).
 */
import type { FastifyInstance } from "fastify";

import type { FaultSpec, FaultTable } from "./faults";

/** What the control routes act on (implemented by `startEmulator`). */
export interface ControlHandlers {
  info(): Record<string, unknown>;
  /** Resolves a user by id or email; undefined when unknown. */
  resolveUser(idOrEmail: string | undefined): string | undefined;
  issueAccessToken(userId: string, ttlMs?: number): string;
  createPat(options: { userId: string; scopes?: string[]; expiresAt?: Date }): string;
  faults: FaultTable;
  reset(): void;
}

type UserBody = { userId?: string; email?: string };

/** Registers the control routes on a plugin prefixed `/_emulator`. */
export function registerControl(app: FastifyInstance, control: ControlHandlers) {
  const user = (body: UserBody | undefined) => control.resolveUser(body?.userId ?? body?.email);
  const unknownUser = { message: "Unknown user: pass userId or email of a seeded user." };

  app.get("/info", async () => control.info());

  app.post<{ Body: UserBody & { ttlSeconds?: number } }>("/tokens", async (request, reply) => {
    const userId = user(request.body);
    if (!userId) return reply.code(400).send(unknownUser);
    const ttl = request.body?.ttlSeconds === undefined ? undefined : request.body.ttlSeconds * 1000;
    return { token: control.issueAccessToken(userId, ttl), userId };
  });

  app.post<{ Body: UserBody & { scopes?: string[]; expiresAt?: string } }>(
    "/pats",
    async (request, reply) => {
      const userId = user(request.body);
      if (!userId) return reply.code(400).send(unknownUser);
      const expiresAt = request.body?.expiresAt ? new Date(request.body.expiresAt) : undefined;
      return {
        token: control.createPat({ userId, scopes: request.body?.scopes, expiresAt }),
        userId,
      };
    },
  );

  registerFaultRoutes(app, control);

  app.post("/reset", async () => {
    control.reset();
    return { reset: true };
  });
}

/** `/_emulator/faults`: list (with hit counts), add, clear all, clear one. */
function registerFaultRoutes(app: FastifyInstance, control: ControlHandlers) {
  app.get("/faults", async () => ({ faults: control.faults.list(), hits: control.faults.hits() }));
  app.post<{ Body: FaultSpec }>("/faults", async (request, reply) => {
    try {
      return { id: control.faults.add(request.body) };
    } catch (error) {
      return reply.code(400).send({ message: (error as Error).message });
    }
  });
  app.delete("/faults", async () => {
    control.faults.clear();
    return { cleared: true };
  });
  app.delete<{ Params: { id: string } }>("/faults/:id", async (request) => {
    control.faults.clear(Number(request.params.id));
    return { cleared: true };
  });
}

/**
 * A tiny Azure DevOps stand-in on loopback for the calls the sync node makes with a user's
 * access token: connectionData, the Collection permission check and Projects_Get. It answers
 * as Azure DevOps does (shapes from the REST docs; 401 for an unknown token). Replace it with
 * the emulator (src/devhost/emulator, `startEmulator`) once that has landed.
 */
import Fastify from "fastify";

/** A user known to the fake, keyed by access token. */
export interface FakeUser {
  id: string;
  displayName: string;
  /** Project Collection Administrator. */
  admin: boolean;
}

/** Seeded users' tokens. */
export const ADMIN_TOKEN = "access-token-ada-admin";
export const MEMBER_TOKEN = "access-token-max-member";
/** Seeded projects (id -> name). */
export const PROJECTS: Readonly<Record<string, string>> = {
  "6ce954b1-ce1f-45d1-b94d-e6bf2464ba2c": "Alpha",
  "2a7c2f8e-14b1-4c1a-9c3e-0b1f6d0b4e11": "Beta",
};

/** A running fake organization. */
export interface FakeAdo {
  /** Organization URL, e.g. http://127.0.0.1:PORT/contoso. */
  url: string;
  /** Number of requests per route (connectionData, permissions, projects). */
  calls: Record<string, number>;
  /** When set, every request fails with this HTTP status (e.g. 503). */
  failWith: number | null;
  users: Map<string, FakeUser>;
  close(): Promise<void>;
}

/** Starts the fake for organization `organization` on 127.0.0.1, random port. */
export async function startFakeAdo(organization = "contoso"): Promise<FakeAdo> {
  const app = Fastify({ logger: false });
  const users = new Map<string, FakeUser>([
    [
      ADMIN_TOKEN,
      { id: "a1d2c3e4-0000-4000-8000-00000000ada1", displayName: "Ada Admin", admin: true },
    ],
    [
      MEMBER_TOKEN,
      { id: "a1d2c3e4-0000-4000-8000-0000000000ma", displayName: "Max Member", admin: false },
    ],
  ]);
  const fake: FakeAdo = { url: "", calls: {}, failWith: null, users, close: () => app.close() };
  const userOf = (authorization: string | undefined) =>
    users.get((authorization ?? "").replace(/^Bearer /, ""));
  const count = (name: string) => (fake.calls[name] = (fake.calls[name] ?? 0) + 1);

  app.addHook("onRequest", async (_request, reply) => {
    if (fake.failWith !== null) return reply.status(fake.failWith).send({ message: "fault" });
  });
  app.get(`/${organization}/_apis/connectionData`, async (request, reply) => {
    count("connectionData");
    const user = userOf(request.headers.authorization);
    if (!user) return reply.status(401).send({ message: "TF400813: not authorized" });
    return {
      authenticatedUser: {
        id: user.id,
        descriptor: `Microsoft.IdentityModel.Claims.ClaimsIdentity;${user.id}`,
        providerDisplayName: user.displayName,
        isActive: true,
      },
      authorizedUser: { id: user.id, providerDisplayName: user.displayName },
      instanceId: "00000000-0000-4000-8000-00000000c0a0",
    };
  });
  app.get(
    `/${organization}/_apis/permissions/3e65f728-f8bc-4ecd-8764-7e378b19bfa7/2`,
    async (request, reply) => {
      count("permissions");
      const user = userOf(request.headers.authorization);
      if (!user) return reply.status(401).send({ message: "TF400813: not authorized" });
      return { count: 1, value: [user.admin] };
    },
  );
  app.get<{ Params: { id: string } }>(
    `/${organization}/_apis/projects/:id`,
    async (request, reply) => {
      count("projects");
      if (!userOf(request.headers.authorization)) return reply.status(401).send({});
      const name = PROJECTS[request.params.id];
      if (!name) {
        return reply
          .status(404)
          .send({ message: `TF200016: project ${request.params.id} not found` });
      }
      return { id: request.params.id, name, state: "wellFormed", visibility: "private" };
    },
  );
  const address = await app.listen({ port: 0, host: "127.0.0.1" });
  fake.url = `${address}/${organization}`;
  return fake;
}

/**
 * Identity routes: `GET _apis/connectionData` (who is calling), `GET _apis/identities`
 * (search by `searchFilter`/`filterValue`, or by `identityIds`/`descriptors`), and the graph
 * lookups `GET _apis/graph/users[/{descriptor}]` and `POST _apis/graph/subjectquery`.
 * The service serves identities and graph from vssps.dev.azure.com; the emulator serves them
 * under the organization URL, as Azure DevOps Server does.
 */
import type { FastifyInstance } from "fastify";

import type { OrgSettings } from "./context";
import { sendList } from "./context";
import { graphUser, identityShape, subjectDescriptor } from "./identity-refs";
import type { EmulatorStore, IdentityRow } from "./store";

/** Search filters of the identities API. */
const SEARCH_FILTERS = ["general", "accountname", "displayname", "mailaddress"] as const;

/**
 * Users matching a search: by email (`uniqueName`), display name, "Name <email>", or id;
 * case-insensitive; groups excluded unless `includeGroups`.
 */
export function findIdentities(
  store: EmulatorStore,
  value: string,
  includeGroups = false,
): IdentityRow[] {
  const angle = /<([^>]+)>\s*$/.exec(value);
  const key = (angle ? angle[1] : value).trim().toLowerCase();
  return store
    .identities()
    .filter((i) => includeGroups || !i.isGroup)
    .filter(
      (i) =>
        i.email.toLowerCase() === key ||
        i.displayName.toLowerCase() === key ||
        i.id.toLowerCase() === key ||
        subjectDescriptor(i).toLowerCase() === key,
    );
}

function connectionData(settings: OrgSettings, user: IdentityRow) {
  const shape = identityShape(user);
  return {
    authenticatedUser: shape,
    authorizedUser: shape,
    instanceId: settings.instanceId,
    deploymentId: settings.instanceId,
    deploymentType: settings.product === "services" ? "hosted" : "onPremises",
    locationServiceData: {
      serviceOwner: "00025394-6065-48ca-87d9-7f5672854ef7",
      defaultAccessMappingMoniker: "PublicAccessMapping",
      lastChangeId: 1,
      lastChangeId64: 1,
    },
  };
}

function searchIdentities(settings: OrgSettings, query: Record<string, string | undefined>) {
  const { store } = settings;
  if (query.identityIds) {
    return query.identityIds.split(",").map((id) => store.identity(id.trim()));
  }
  if (query.descriptors) {
    return query.descriptors.split(",").map((d) => {
      const key = d.trim().toLowerCase();
      return store
        .identities()
        .find(
          (i) =>
            subjectDescriptor(i).toLowerCase() === key ||
            `microsoft.identitymodel.claims.claimsidentity;${i.email}`.toLowerCase() === key,
        );
    });
  }
  const filter = (query.searchFilter ?? "general").toLowerCase();
  if (!SEARCH_FILTERS.includes(filter as (typeof SEARCH_FILTERS)[number])) return [];
  return findIdentities(store, query.filterValue ?? "", true);
}

/** Registers the identity routes. */
export function registerIdentity(app: FastifyInstance, settings: OrgSettings) {
  const { store } = settings;
  app.get("/_apis/connectionData", { config: { versionOptional: true } }, async (request) =>
    connectionData(settings, request.ado.caller.user),
  );

  app.get("/_apis/identities", { config: { scope: "vso.identity" } }, async (request, reply) => {
    const found = searchIdentities(settings, request.query as Record<string, string | undefined>);
    const shapes = found.map((i) => (i ? identityShape(i, [...store.groupsOf(i.id)]) : null));
    return sendList(request, reply, shapes);
  });

  registerGraph(app, settings);
}

/** Graph user lookups (list, by descriptor, subject query by name or email prefix). */
function registerGraph(app: FastifyInstance, settings: OrgSettings) {
  const { store } = settings;
  app.get("/_apis/graph/users", { config: { scope: "vso.identity" } }, async (request, reply) => {
    const users = store.identities().filter((i) => !i.isGroup);
    return sendList(
      request,
      reply,
      users.map((u) => graphUser(u, request.ado.baseUrl)),
    );
  });

  app.get<{ Params: { descriptor: string } }>(
    "/_apis/graph/users/:descriptor",
    { config: { scope: "vso.identity" } },
    async (request, reply) => {
      const [user] = findIdentities(store, request.params.descriptor);
      if (!user) return reply.code(404).send(null);
      return graphUser(user, request.ado.baseUrl);
    },
  );

  app.post<{ Body: { query?: string; subjectKind?: string[] } }>(
    "/_apis/graph/subjectquery",
    { config: { scope: "vso.identity" } },
    async (request, reply) => {
      const query = (request.body?.query ?? "").toLowerCase();
      const users = store
        .identities()
        .filter((i) => !i.isGroup)
        .filter(
          (i) =>
            i.email.toLowerCase().startsWith(query) || i.displayName.toLowerCase().includes(query),
        );
      return sendList(
        request,
        reply,
        users.map((u) => graphUser(u, request.ado.baseUrl)),
      );
    },
  );
}

/**
 * Security checks: `GET /{org}/_apis/permissions/{securityNamespaceId}/{permissions}?tokens=`
 * answers one boolean per token (`{count, value: [bool]}`), and the work item routes ask
 * `canEditWorkItems`. Group membership is transitive: a user in a group that is itself a member
 * of Project Collection Administrators is an administrator, so rights held only through a
 * nested group count.
 */
import type { FastifyInstance } from "fastify";

import type { OrgSettings } from "./context";
import { queryParam, sendList } from "./context";
import { groupId, GROUPS } from "./seed";
import type { EmulatorStore, ProjectRow } from "./store";

/** Security namespaces the emulator evaluates (ids as the service defines them). */
export const NAMESPACES = {
  collection: "3e65f728-f8bc-4ecd-8764-7e378b19bfa7",
  project: "52d39943-cb85-4d7f-8fa8-c6baac873819",
  css: "83e28ad4-2d72-4ceb-97b0-c7726d5502c3",
} as const;

/** Permission bits: Collection GENERIC_READ 1, GENERIC_WRITE 2; CSS WORK_ITEM_READ 16 / WRITE 32. */
const BIT = { read: 1, write: 2, workItemRead: 16, workItemWrite: 32 } as const;

interface Membership {
  isAdmin: boolean;
  groups: Set<string>;
}

function membership(store: EmulatorStore, organization: string, userId: string): Membership {
  const groups = store.groupsOf(userId);
  return { isAdmin: groups.has(groupId(organization, GROUPS.collectionAdmins)), groups };
}

function projectRole(organization: string, m: Membership, project: ProjectRow | undefined) {
  if (!project) return { read: m.isAdmin, write: m.isAdmin };
  const contributor = m.groups.has(groupId(organization, `${project.name}\\Contributors`));
  const reader = m.groups.has(groupId(organization, `${project.name}\\Readers`));
  return { read: m.isAdmin || contributor || reader, write: m.isAdmin || contributor };
}

/** True when the user may create and edit work items in the project (Contributors or admins). */
export function canEditWorkItems(settings: OrgSettings, userId: string, project: ProjectRow) {
  const m = membership(settings.store, settings.organization, userId);
  return projectRole(settings.organization, m, project).write;
}

/** The project a security token names (`$PROJECT:vstfs:///Classification/TeamProject/<id>`). */
function projectOfToken(store: EmulatorStore, token: string): ProjectRow | undefined {
  const project = /TeamProject\/([0-9a-f-]{36})/i.exec(token);
  if (project) return store.project(project[1]);
  const node = /Classification\/Node\/([0-9a-f-]{36})/i.exec(token);
  if (!node) return undefined;
  const row = store.db.prepare("SELECT project_id FROM nodes WHERE identifier = ?").get(node[1]) as
    { project_id: string } | undefined;
  return row ? store.project(row.project_id) : undefined;
}

/** Evaluates `bits` of `namespaceId` on `token` for a user. */
export function hasPermission(
  settings: OrgSettings,
  userId: string,
  namespaceId: string,
  bits: number,
  token: string,
  alwaysAllowAdministrators: boolean,
): boolean {
  const m = membership(settings.store, settings.organization, userId);
  if (alwaysAllowAdministrators && m.isAdmin) return true;
  const namespace = namespaceId.toLowerCase();
  if (namespace === NAMESPACES.collection) {
    // GENERIC_READ: every member; every other bit: Project Collection Administrators only.
    return bits === BIT.read
      ? m.groups.has(groupId(settings.organization, GROUPS.validUsers)) || m.isAdmin
      : m.isAdmin;
  }
  const role = projectRole(settings.organization, m, projectOfToken(settings.store, token));
  if (namespace === NAMESPACES.project) return bits === BIT.read ? role.read : m.isAdmin;
  if (namespace === NAMESPACES.css) {
    const readBits = BIT.read | BIT.workItemRead;
    return (bits & ~readBits) === 0
      ? role.read
      : bits === BIT.workItemWrite || bits === (BIT.workItemWrite | readBits)
        ? role.write
        : m.isAdmin;
  }
  return m.isAdmin;
}

/** Registers the permissions route. */
export function registerPermissions(app: FastifyInstance, settings: OrgSettings) {
  app.get<{ Params: { namespaceId: string; permissions: string } }>(
    "/_apis/permissions/:namespaceId/:permissions",
    async (request, reply) => {
      const delimiter = queryParam(request, "delimiter") ?? ",";
      const tokens = (queryParam(request, "tokens") ?? "").split(delimiter);
      const bits = Number(request.params.permissions);
      const always = queryParam(request, "alwaysAllowAdministrators") === "true";
      const user = request.ado.caller.user.id;
      const value = tokens.map((token) =>
        hasPermission(settings, user, request.params.namespaceId, bits, token, always),
      );
      return sendList(request, reply, value);
    },
  );
}

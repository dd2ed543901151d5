/**
 * Seed data of an emulated organization: users and groups (with a nested group making Ada a
 * Project Collection Administrator), projects "Alpha" and "Beta", and each project's area and
 * iteration nodes. Ids are stable per organization name, so they survive restarts and resets.
 */
import { type EmulatorStore, stableUuid } from "./store";

/** A user to seed: key (used in ids and emails), display name, and group memberships. */
export interface SeedUser {
  /** Short key, e.g. "ada"; the email is `<key>@<organization>.example`. */
  key: string;
  displayName: string;
  /** Project Collection Administrator (through the nested "Organization Admins" group). */
  admin?: boolean;
  /** Projects where the user is a Contributor (can edit work items); default all. */
  contributorOf?: string[];
  /** Projects where the user is only a Reader. */
  readerOf?: string[];
}

/**
 * Default users: an administrator, a member, the sync identity, and a reader for tests of a
 * background-sync credential whose user lacks the rights the sync needs.
 */
export const DEFAULT_SEED_USERS: readonly SeedUser[] = [
  { key: "ada", displayName: "Ada Admin", admin: true },
  { key: "max", displayName: "Max Member" },
  { key: "sync", displayName: "Sync Service" },
  { key: "rita", displayName: "Rita Reader", contributorOf: [], readerOf: ["Alpha", "Beta"] },
];

/** Default projects. */
export const DEFAULT_PROJECTS = ["Alpha", "Beta"] as const;

/** Well-known group names; the id of each is `groupId(org, name)`. */
export const GROUPS = {
  collectionAdmins: "Project Collection Administrators",
  orgAdmins: "Organization Admins",
  validUsers: "Project Collection Valid Users",
} as const;

/** The stable id of a user seeded with `key` in `organization`. */
export const userId = (organization: string, key: string) =>
  stableUuid(`${organization}/user/${key}`);

/** The stable id of a collection-level group, or of a project group (`Alpha\Contributors`). */
export const groupId = (organization: string, name: string) =>
  stableUuid(`${organization}/group/${name.toLowerCase()}`);

/** The stable id of a project. */
export const projectId = (organization: string, name: string) =>
  stableUuid(`${organization}/project/${name.toLowerCase()}`);

/** Iterations seeded under each project root: name and [start, finish] offsets in days. */
const ITERATIONS: ReadonlyArray<[string, number, number]> = [
  ["Sprint 1", -14, -1],
  ["Sprint 2", 0, 13],
  ["Sprint 3", 14, 27],
];
const AREAS = ["Web", "Mobile"];
const DAY_MS = 86_400_000;

/** Writes the seed into an empty store. */
export function seedOrganization(
  store: EmulatorStore,
  organization: string,
  users: readonly SeedUser[] = DEFAULT_SEED_USERS,
): void {
  store.transaction(() => {
    seedGroups(store, organization);
    for (const name of DEFAULT_PROJECTS) seedProject(store, organization, name);
    for (const user of users) seedUser(store, organization, user);
  });
}

function addGroup(store: EmulatorStore, organization: string, name: string): string {
  const id = groupId(organization, name);
  store.addIdentity({ id, displayName: name, email: `[${organization}]\\${name}`, isGroup: true });
  return id;
}

function seedGroups(store: EmulatorStore, organization: string): void {
  const admins = addGroup(store, organization, GROUPS.collectionAdmins);
  const orgAdmins = addGroup(store, organization, GROUPS.orgAdmins);
  addGroup(store, organization, GROUPS.validUsers);
  // Nested: Organization Admins is a member of Project Collection Administrators.
  store.addMembership(orgAdmins, admins);
}

function seedProject(store: EmulatorStore, organization: string, name: string): void {
  const id = projectId(organization, name);
  const created = "2026-01-05T09:00:00.000Z";
  store.addProject({
    id,
    name,
    description: `${name} project`,
    revision: 1,
    lastUpdateTime: created,
  });
  for (const role of ["Contributors", "Readers"]) {
    const gid = groupId(organization, `${name}\\${role}`);
    store.addIdentity({
      id: gid,
      displayName: `${name} ${role}`,
      email: `[${name}]\\${role}`,
      isGroup: true,
    });
  }
  seedNodes(store, id, name);
}

/** Area root with AREAS, iteration root with ITERATIONS (dates around today). */
function seedNodes(store: EmulatorStore, id: string, name: string): void {
  const insert = store.db.prepare(
    "INSERT INTO nodes (identifier, project_id, structure, parent_id, name, attributes) VALUES (?, ?, ?, ?, ?, ?)",
  );
  const areaRoot = insert.run(stableUuid(`${id}/area`), id, "area", null, name, null);
  for (const area of AREAS) {
    insert.run(stableUuid(`${id}/area/${area}`), id, "area", areaRoot.lastInsertRowid, area, null);
  }
  const iterationRoot = insert.run(
    stableUuid(`${id}/iteration`),
    id,
    "iteration",
    null,
    name,
    null,
  );
  const today = Math.floor(Date.now() / DAY_MS) * DAY_MS;
  for (const [iteration, start, finish] of ITERATIONS) {
    const attributes = JSON.stringify({
      startDate: new Date(today + start * DAY_MS).toISOString().replace(".000", ""),
      finishDate: new Date(today + finish * DAY_MS).toISOString().replace(".000", ""),
    });
    insert.run(
      stableUuid(`${id}/iteration/${iteration}`),
      id,
      "iteration",
      iterationRoot.lastInsertRowid,
      iteration,
      attributes,
    );
  }
}

function seedUser(store: EmulatorStore, organization: string, user: SeedUser): void {
  const id = userId(organization, user.key);
  store.addIdentity({
    id,
    displayName: user.displayName,
    email: `${user.key}@${organization}.example`,
    isGroup: false,
  });
  store.addMembership(id, groupId(organization, GROUPS.validUsers));
  if (user.admin) store.addMembership(id, groupId(organization, GROUPS.orgAdmins));
  for (const project of user.contributorOf ?? DEFAULT_PROJECTS) {
    store.addMembership(id, groupId(organization, `${project}\\Contributors`));
  }
  for (const project of user.readerOf ?? []) {
    store.addMembership(id, groupId(organization, `${project}\\Readers`));
  }
}

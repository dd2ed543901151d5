/**
 * One emulated organization as the dev host sees it: its emulator (REST API and token issuer),
 * the signed-in users it can impersonate, and its folder under the data directory.
 */
import { createHash } from "node:crypto";

import type { DevUser, HostContext, UserContext } from "../host-page/browser/page-config";

/** What the dev host needs of a running emulator (`startEmulator`'s handle satisfies it). */
export interface EmulatorLink {
  /** Organization URL, e.g. http://127.0.0.1:3010/contoso. */
  url: string;
  organization: string;
  /** Seeded user ids by key (ada, max, sync, ...). */
  users: Record<string, string>;
  /** Issues a user access token (Bearer) for a user id. */
  issueAccessToken(userId?: string): Promise<string>;
}

/** An emulated organization served by the dev host. */
export interface DevOrganization {
  name: string;
  /** Organization URL on its emulator. */
  url: string;
  /** Folder of this organization's dev host data, e.g. .data/contoso. */
  dataDir: string;
  /** The organization's sync node URL (seeded into extension data), if one runs. */
  nodeUrl?: string;
  /** `SDK.getHost()` of this organization. */
  host: HostContext;
  /** Stable tenant id (a GUID) for app tokens. */
  tenantId: string;
  /** A fresh access token for `user`, issued by the emulator. */
  accessToken(user: DevUser): Promise<string>;
  /** `SDK.getUser()` of `user`, read from the emulator's connection data. */
  user(user: DevUser): Promise<UserContext>;
}

/** Shape of `GET {org}/_apis/connectionData` that we read (Azure DevOps Location API). */
interface ConnectionData {
  authenticatedUser: {
    id: string;
    descriptor?: string;
    subjectDescriptor?: string;
    providerDisplayName: string;
    properties?: { Account?: { $value?: string } };
  };
}

/** Wraps an emulator for the dev host. */
export function createDevOrganization(
  emulator: EmulatorLink,
  dataDir: string,
  nodeUrl?: string,
): DevOrganization {
  const users = new Map<DevUser, Promise<UserContext>>();
  const accessToken = (user: DevUser) => {
    const id = emulator.users[user];
    if (!id) throw new Error(`The ${emulator.organization} emulator has no seeded user "${user}".`);
    return emulator.issueAccessToken(id);
  };
  const lookUp = async (user: DevUser): Promise<UserContext> => {
    const token = await accessToken(user);
    const response = await fetch(`${emulator.url}/_apis/connectionData`, {
      headers: { Authorization: `Bearer ${token}`, Accept: "application/json" },
    });
    if (!response.ok) throw new Error(`connectionData answered ${response.status} for ${user}`);
    const { authenticatedUser: me } = (await response.json()) as ConnectionData;
    const email = me.properties?.Account?.$value ?? `${user}@${emulator.organization}.example`;
    return {
      id: me.id,
      name: email,
      displayName: me.providerDisplayName,
      descriptor: me.subjectDescriptor ?? me.descriptor ?? "",
      imageUrl: "",
    };
  };
  return {
    name: emulator.organization,
    url: emulator.url,
    dataDir,
    nodeUrl,
    tenantId: stableGuid(`tenant:${emulator.organization}`),
    host: {
      id: stableGuid(`host:${emulator.organization}`),
      name: emulator.organization,
      serviceVersion: "dev-host",
      type: 4, // HostType.Organization
      isHosted: true,
    },
    accessToken,
    user(user) {
      let known = users.get(user);
      if (!known) {
        known = lookUp(user);
        users.set(user, known);
        known.catch(() => users.delete(user)); // Retry on the next page load.
      }
      return known;
    },
  };
}

/** A GUID-formatted id derived from `seed`, stable across restarts. */
export function stableGuid(seed: string): string {
  const hex = createHash("sha1").update(seed).digest("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

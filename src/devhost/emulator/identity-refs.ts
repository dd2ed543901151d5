/**
 * Rendering of identities in the service's shapes: IdentityRef (work item fields, comments),
 * the connectionData user, Identity (identities API) and GraphUser (graph API).
 */
import type { IdentityRow } from "./store";

/** The subject descriptor of a user (`aad.<base64 id>`) or group (`vssgp.<base64 id>`). */
export function subjectDescriptor(identity: IdentityRow): string {
  const prefix = identity.isGroup ? "vssgp" : "aad";
  return `${prefix}.${Buffer.from(identity.id).toString("base64").replace(/=+$/, "")}`;
}

/** The legacy identity descriptor (`Microsoft.IdentityModel.Claims.ClaimsIdentity;...`). */
export function identityDescriptor(identity: IdentityRow): string {
  return identity.isGroup
    ? `Microsoft.TeamFoundation.Identity;${identity.id}`
    : `Microsoft.IdentityModel.Claims.ClaimsIdentity;${identity.email}`;
}

/** `IdentityRef` as work item fields and comments carry it. */
export function identityRef(identity: IdentityRow, baseUrl: string) {
  const descriptor = subjectDescriptor(identity);
  return {
    displayName: identity.displayName,
    url: `${baseUrl}/_apis/Identities/${identity.id}`,
    _links: { avatar: { href: `${baseUrl}/_apis/GraphProfile/MemberAvatars/${descriptor}` } },
    id: identity.id,
    uniqueName: identity.email,
    imageUrl: `${baseUrl}/_api/_common/identityImage?id=${identity.id}`,
    descriptor,
  };
}

const prop = (value: string) => ({ $type: "System.String", $value: value });

/** `Identity` as the identities API and connectionData answer it. */
export function identityShape(identity: IdentityRow, memberOf: string[] = []) {
  return {
    id: identity.id,
    descriptor: identityDescriptor(identity),
    subjectDescriptor: subjectDescriptor(identity),
    providerDisplayName: identity.displayName,
    isActive: true,
    isContainer: identity.isGroup,
    members: [],
    memberOf,
    memberIds: [],
    properties: identity.isGroup
      ? { SchemaClassName: prop("Group"), Account: prop(identity.displayName) }
      : {
          SchemaClassName: prop("User"),
          Description: prop(""),
          Domain: prop("AzureDirectory"),
          Account: prop(identity.email),
          Mail: prop(identity.email),
        },
    resourceVersion: 2,
    metaTypeId: identity.isGroup ? 255 : 0,
  };
}

/** `GraphUser` as the graph API answers it. */
export function graphUser(identity: IdentityRow, baseUrl: string) {
  const descriptor = subjectDescriptor(identity);
  return {
    subjectKind: "user",
    metaType: "member",
    domain: "AzureDirectory",
    principalName: identity.email,
    mailAddress: identity.email,
    origin: "aad",
    originId: identity.id,
    displayName: identity.displayName,
    _links: { self: { href: `${baseUrl}/_apis/Graph/Users/${descriptor}` } },
    url: `${baseUrl}/_apis/Graph/Users/${descriptor}`,
    descriptor,
  };
}

/**
 * Connection resources of the hub API (`/api/v1/connections`): TypeBox schemas that the node
 * validates against and serializes with, and the static types the hub and client use.
 * The hub imports these as types only (`import type`), so TypeBox stays out of its bundle.
 */
import { type Static, Type } from "typebox";

import {
  CONNECTION_MODES,
  CONNECTION_ROLES,
  CONNECTION_STATUSES,
  CONNECTION_TYPES,
} from "../states";

/** A string enum schema whose static type is the union of `values`. */
const literals = <T extends readonly string[]>(values: T) => Type.Enum([...values] as T[number][]);

/** Short name rule: 1-32 chars, letters, digits, '.', '_', '-', starting with a letter or digit. */
export const SHORT_NAME_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$";
/** Connection name rule: 1-80 chars, letters, digits, spaces, '.', '_', '-'; not only spaces. */
export const CONNECTION_NAME_PATTERN = "^[A-Za-z0-9._-][A-Za-z0-9 ._-]{0,79}$";
/** Longest description, in UTF-16 code units. */
export const DESCRIPTION_MAX_LENGTH = 1000;

export const ConnectionStatusSchema = literals(CONNECTION_STATUSES);
export const ConnectionModeSchema = literals(CONNECTION_MODES);
export const ConnectionTypeSchema = literals(CONNECTION_TYPES);
export const ConnectionRoleSchema = literals(CONNECTION_ROLES);

/** The project a connection creates and updates twins in (a project of this organization). */
export const ProjectRefSchema = Type.Object({
  /** Azure DevOps project id (GUID). */
  id: Type.String({ minLength: 1, maxLength: 64 }),
  /** Project name as Azure DevOps shows it. */
  name: Type.String({ minLength: 1, maxLength: 128 }),
});
export type ProjectRef = Static<typeof ProjectRefSchema>;

/** A connection as listed in the hub. Times are ISO 8601 strings (UTC). */
export const ConnectionSchema = Type.Object({
  id: Type.String({ description: "Connection id (UUID), the same on both nodes." }),
  name: Type.String(),
  description: Type.String(),
  localShortName: Type.String(),
  /** Null while the partner has not accepted: the hub shows "unknown". */
  remoteShortName: Type.Union([Type.String(), Type.Null()]),
  type: ConnectionTypeSchema,
  /** Whether this node is the public or the private side of the connection. */
  localSide: Type.Union([Type.Literal("public"), Type.Literal("private")]),
  role: ConnectionRoleSchema,
  mode: ConnectionModeSchema,
  status: ConnectionStatusSchema,
  /** Why the status is `error` (a catalogue code and message), else null. */
  statusReason: Type.Union([
    Type.Object({ code: Type.String(), message: Type.String() }),
    Type.Null(),
  ]),
  /** The partner node's URL, when it is public and known. */
  remoteUrl: Type.Union([Type.String(), Type.Null()]),
  incomingProject: Type.Union([ProjectRefSchema, Type.Null()]),
  createdAt: Type.String(),
  /** Last sync activity (event sent or request applied), or null. */
  lastActivityAt: Type.Union([Type.String(), Type.Null()]),
  /** Last successful contact with the partner node (private side: last poll), or null. */
  lastContactAt: Type.Union([Type.String(), Type.Null()]),
});
export type Connection = Static<typeof ConnectionSchema>;

export const ConnectionListSchema = Type.Object({ connections: Type.Array(ConnectionSchema) });
export type ConnectionList = Static<typeof ConnectionListSchema>;

/** Body of `POST /api/v1/connections` (Initiate connection). */
export const InitiateConnectionRequestSchema = Type.Object(
  {
    /** The destination's sync node URL; null for "I don't have a URL" (private destination). */
    destinationUrl: Type.Union([Type.String({ maxLength: 2048 }), Type.Null()]),
    mode: ConnectionModeSchema,
    localShortName: Type.String({ pattern: SHORT_NAME_PATTERN }),
    remoteShortName: Type.String({ pattern: SHORT_NAME_PATTERN }),
    /** Defaults to `<localShortName>_to_<remoteShortName>`. */
    name: Type.Optional(Type.String({ pattern: CONNECTION_NAME_PATTERN })),
    description: Type.Optional(Type.String({ maxLength: DESCRIPTION_MAX_LENGTH })),
    incomingProject: ProjectRefSchema,
  },
  { additionalProperties: false },
);
export type InitiateConnectionRequest = Static<typeof InitiateConnectionRequestSchema>;

/** An invitation code and when it stops working. */
export const InvitationCodeSchema = Type.Object({
  invitationCode: Type.String(),
  expiresAt: Type.String(),
});
export type InvitationCode = Static<typeof InvitationCodeSchema>;

/** Answer of Initiate connection: the new Pending connection and its invitation code. */
export const InitiateConnectionResponseSchema = Type.Object({
  connection: ConnectionSchema,
  invitation: InvitationCodeSchema,
});
export type InitiateConnectionResponse = Static<typeof InitiateConnectionResponseSchema>;

/** Body of `PATCH /api/v1/connections/:id`. */
export const UpdateConnectionRequestSchema = Type.Object(
  {
    name: Type.Optional(Type.String({ pattern: CONNECTION_NAME_PATTERN })),
    description: Type.Optional(Type.String({ maxLength: DESCRIPTION_MAX_LENGTH })),
    incomingProject: Type.Optional(ProjectRefSchema),
  },
  { additionalProperties: false },
);
export type UpdateConnectionRequest = Static<typeof UpdateConnectionRequestSchema>;

/** Outgoing and incoming sync scripts of a connection (JavaScript source text). */
export const ConnectionScriptsSchema = Type.Object(
  {
    outgoing: Type.String({ maxLength: 200_000 }),
    incoming: Type.String({ maxLength: 200_000 }),
  },
  { additionalProperties: false },
);
export type ConnectionScripts = Static<typeof ConnectionScriptsSchema>;

/** Path parameter `:id` of connection routes. */
export const ConnectionIdParamsSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
});

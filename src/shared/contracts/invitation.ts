/**
 * Invitation resources of the hub API (`/api/v1/invitations`). An invitation code is text
 * that survives copy and paste: URL-safe characters only; whitespace and line breaks anywhere
 * in it are ignored.
 */
import { type Static, Type } from "typebox";

import { ConnectionModeSchema, ConnectionSchema, ProjectRefSchema } from "./connection";

/** Longest invitation code accepted, whitespace included (a guard against pasted documents). */
export const INVITATION_CODE_MAX_LENGTH = 8192;

/** Body of `POST /api/v1/invitations/inspect`: what is this code? Changes nothing. */
export const InspectInvitationRequestSchema = Type.Object(
  { invitationCode: Type.String({ maxLength: INVITATION_CODE_MAX_LENGTH }) },
  { additionalProperties: false },
);
export type InspectInvitationRequest = Static<typeof InspectInvitationRequestSchema>;

/** What the acceptor sees before confirming. */
export const InvitationPreviewSchema = Type.Object({
  connectionId: Type.String(),
  connectionName: Type.String(),
  description: Type.String(),
  /** The initiator's short name (it becomes the acceptor's destination short name). */
  initiatorShortName: Type.String(),
  /** The short name the initiator chose for the acceptor (its local short name). */
  acceptorShortName: Type.String(),
  mode: ConnectionModeSchema,
  /** Initiator's node URL; null when the initiator is the private side. */
  initiatorUrl: Type.Union([Type.String(), Type.Null()]),
  expiresAt: Type.String(),
});
export type InvitationPreview = Static<typeof InvitationPreviewSchema>;

/** Body of `POST /api/v1/invitations/accept`. */
export const AcceptInvitationRequestSchema = Type.Object(
  {
    invitationCode: Type.String({ maxLength: INVITATION_CODE_MAX_LENGTH }),
    incomingProject: ProjectRefSchema,
  },
  { additionalProperties: false },
);
export type AcceptInvitationRequest = Static<typeof AcceptInvitationRequestSchema>;

export const AcceptInvitationResponseSchema = Type.Object({ connection: ConnectionSchema });
export type AcceptInvitationResponse = Static<typeof AcceptInvitationResponseSchema>;

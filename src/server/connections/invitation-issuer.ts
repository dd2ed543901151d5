/**
 * The issuing side of invitation codes: mint, render again, and (for the node-to-node half of
 * acceptance, handshake-redeem.ts) verify and redeem a code this node issued.
 *
 * Only a SHA-256 of each code's one-time secret is stored. The secret itself is derived as
 * HMAC-SHA256(invitation key, "invitation-secret:" + invitation id), so the same code can be
 * shown again while the connection is Pending without keeping it anywhere.
 */
import { createHash, createHmac, randomUUID } from "node:crypto";

import type { InvitationCode } from "../../shared/contracts/connection";
import { SyncError } from "../../shared/errors";
import { assertNever } from "../../shared/states";
import type { IssuerContext, NodeIdentity } from "../node-settings/node-identity";
import type { Db } from "../storage/store";
import { type ConnectionRow, updateConnection } from "./connection-repository";
import {
  decodeInvitationCode,
  encodeInvitationCode,
  INVITATION_FORMAT_VERSION,
  type InvitationClaims,
  verifyInvitationSignature,
} from "./invitation-code";
import {
  findInvitationBySecretHash,
  insertInvitation,
  type InvitationRow,
  markInvitationUsed,
} from "./invitation-repository";

/** The one-time secret of invitation `invitationId` (base64url of 32 bytes). */
export function oneTimeSecret(identity: NodeIdentity, invitationId: string): string {
  return createHmac("sha256", identity.invitationKey)
    .update(`invitation-secret:${invitationId}`)
    .digest("base64url");
}

/** SHA-256 (hex) of a one-time secret: the only form in which it is stored. */
export function hashSecret(secret: string): string {
  return createHash("sha256").update(secret).digest("hex");
}

/**
 * Creates a new active invitation for `connection` (the caller revokes older ones first).
 * Expiry is whole seconds, as in the code's `exp` claim.
 */
export async function issueInvitation(
  db: Db,
  context: IssuerContext,
  connection: ConnectionRow,
  now: number,
): Promise<InvitationRow> {
  const id = randomUUID();
  const row: InvitationRow = {
    id,
    connection_id: connection.id,
    secret_hash: hashSecret(oneTimeSecret(context.identity, id)),
    state: "active",
    expires_at: Math.floor((now + context.ttlMs) / 1000) * 1000,
    created_at: now,
    closed_at: null,
  };
  await insertInvitation(db, row);
  return row;
}

/** Renders the code of an invitation (the same text every time for the same data). */
export async function renderInvitation(
  context: IssuerContext,
  connection: ConnectionRow,
  invitation: InvitationRow,
): Promise<InvitationCode> {
  const claims: InvitationClaims = {
    v: INVITATION_FORMAT_VERSION,
    iss: context.identity.nodeId,
    cid: connection.id,
    name: connection.name,
    desc: connection.description,
    ish: connection.local_short_name,
    ash: connection.remote_short_name,
    mode: connection.mode,
    url: context.publicUrl,
    sec: oneTimeSecret(context.identity, invitation.id),
    iat: Math.floor(invitation.created_at / 1000),
    exp: invitation.expires_at / 1000,
  };
  return {
    invitationCode: await encodeInvitationCode(claims, context.identity.invitationKey),
    expiresAt: new Date(invitation.expires_at).toISOString(),
  };
}

/**
 * The issuer's full check of a code it issued: format, signature under its own key, and the
 * stored state of the invitation.
 * @throws SyncError SYNC_ERR_INVITATION_{MALFORMED,TRUNCATED,TAMPERED,VERSION,EXPIRED,
 *   WRONG_NODE (issued by another node),USED,REVOKED (regenerated or connection deleted)}
 */
export async function verifyIssuedInvitation(
  db: Db,
  context: IssuerContext,
  code: string,
  now: number,
): Promise<{ claims: InvitationClaims; invitation: InvitationRow }> {
  const { claims, jws } = decodeInvitationCode(code, now);
  if (claims.iss !== context.identity.nodeId) throw new SyncError("SYNC_ERR_INVITATION_WRONG_NODE");
  await verifyInvitationSignature(jws, context.identity.invitationKey);
  const invitation = await findInvitationBySecretHash(db, hashSecret(claims.sec));
  if (!invitation || invitation.connection_id !== claims.cid) {
    throw new SyncError("SYNC_ERR_INVITATION_REVOKED");
  }
  switch (invitation.state) {
    case "active":
      if (invitation.expires_at <= now) throw new SyncError("SYNC_ERR_INVITATION_EXPIRED");
      return { claims, invitation };
    case "used":
      throw new SyncError("SYNC_ERR_INVITATION_USED");
    case "revoked":
      throw new SyncError("SYNC_ERR_INVITATION_REVOKED");
    default:
      return assertNever(invitation.state);
  }
}

/**
 * Redeems a code this node issued: marks the invitation used and the connection Active, with
 * the acceptor's node URL when it is public. Single-use even under concurrent redemptions (the
 * state update only succeeds once). The node-to-node exchange around it is handshake-redeem.ts.
 * @throws SyncError as `verifyIssuedInvitation`; SYNC_ERR_INVITATION_USED on a lost race
 */
export async function redeemIssuedInvitation(
  db: Db,
  context: IssuerContext,
  code: string,
  acceptorUrl: string | null,
  now: number,
): Promise<InvitationClaims> {
  const { claims, invitation } = await verifyIssuedInvitation(db, context, code, now);
  if (!(await markInvitationUsed(db, invitation.id, now))) {
    throw new SyncError("SYNC_ERR_INVITATION_USED");
  }
  await updateConnection(db, claims.cid, {
    status: "active",
    accepted_at: now,
    updated_at: now,
    remote_url: acceptorUrl,
  });
  return claims;
}

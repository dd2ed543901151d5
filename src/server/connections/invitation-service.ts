/**
 * Invitation use cases of the hub API.
 *
 * Initiator side: show a Pending connection's code again; regenerate it (older codes of the
 * connection are revoked and stop working).
 *
 * Acceptor side: inspect a pasted code (changes nothing) and accept it. An acceptor can check
 * format, version, integrity (checksum) and expiry, recognise its own codes (wrong node) and
 * codes it already accepted (used); the issuer's signature, revocation and single use are
 * checked by the issuer when the acceptor contacts it: `context.lifecycle.accepting`
 * (connections/connection-lifecycle.ts) redeems the code at a public initiator before
 * the row is stored, or stores it Pending, with the one-time secret sealed in `secret_sealed`,
 * for a private initiator to confirm. Without a lifecycle the row is stored as built here.
 */
import type { InvitationCode } from "../../shared/contracts/connection";
import type { Connection } from "../../shared/contracts/connection";
import type { AcceptInvitationRequest, InvitationPreview } from "../../shared/contracts/invitation";
import { SyncError } from "../../shared/errors";
import { defaultScripts } from "../sandbox/default-scripts";
import type { Db } from "../storage/store";
import type { ConnectionContext } from "./connection-context";
import {
  type ConnectionRow,
  findConnection,
  insertConnection,
  nameKey,
} from "./connection-repository";
import { connectionShape } from "./connection-rules";
import { inTransaction, requireConnection, requireFreeName } from "./connection-service";
import { toConnection } from "./connection-view";
import { decodeInvitationCode, type InvitationClaims } from "./invitation-code";
import { issueInvitation, renderInvitation } from "./invitation-issuer";
import { closeActiveInvitations, findActiveInvitation } from "./invitation-repository";
import { checkIncomingProject } from "./project-check";
import { saveScripts } from "./script-repository";

/** Context string under which an acceptor seals the one-time secret of a connection. */
export const connectionSecretContext = (connectionId: string): string =>
  `connections:${connectionId}:secret`;

/** Invitation use cases; every method throws `SyncError` for a rejected request. */
export class InvitationService {
  constructor(private readonly context: ConnectionContext) {}

  /**
   * The current code of a Pending connection this node initiated; an expired one is replaced.
   * @throws SyncError SYNC_ERR_CONNECTION_{NOT_FOUND,NOT_PENDING}
   */
  async current(connectionId: string): Promise<InvitationCode> {
    const { context } = this;
    const connection = await requirePending(context.store.db, connectionId);
    const invitation = await findActiveInvitation(context.store.db, connectionId);
    if (invitation && invitation.expires_at > context.now()) {
      return renderInvitation(context.issuer, connection, invitation);
    }
    return this.regenerate(connectionId);
  }

  /**
   * A new code for a Pending connection; every older code of it stops working (revoked).
   * @throws SyncError SYNC_ERR_CONNECTION_{NOT_FOUND,NOT_PENDING}
   */
  async regenerate(connectionId: string): Promise<InvitationCode> {
    const { context } = this;
    const { connection, invitation } = await inTransaction(context, async (tx) => {
      const row = await requirePending(tx, connectionId);
      const now = context.now();
      await closeActiveInvitations(tx, connectionId, "revoked", now);
      return { connection: row, invitation: await issueInvitation(tx, context.issuer, row, now) };
    });
    return renderInvitation(context.issuer, connection, invitation);
  }

  /**
   * What a pasted code offers; changes nothing.
   * @throws SyncError SYNC_ERR_INVITATION_* (see `checkAcceptable`)
   */
  async inspect(code: string): Promise<InvitationPreview> {
    const claims = await this.checkAcceptable(this.context.store.db, code);
    return {
      connectionId: claims.cid,
      connectionName: claims.name,
      description: claims.desc,
      initiatorShortName: claims.ish,
      acceptorShortName: claims.ash,
      mode: claims.mode,
      initiatorUrl: claims.url,
      expiresAt: new Date(claims.exp * 1000).toISOString(),
    };
  }

  /**
   * Accepts a code: records the connection (acceptor role) with default scripts.
   * @throws SyncError SYNC_ERR_INVITATION_*, SYNC_ERR_CONNECTION_{NAME_TAKEN,PROJECT_INVALID}
   */
  async accept(request: AcceptInvitationRequest, accessToken: string): Promise<Connection> {
    const { context } = this;
    const claims = await this.checkAcceptable(context.store.db, request.invitationCode);
    await requireFreeName(context.store.db, claims.name);
    const project = await checkIncomingProject(context.ado, accessToken, request.incomingProject);
    const local = this.#acceptedRow(claims, project);
    const accepted = context.lifecycle
      ? await context.lifecycle.accepting(request.invitationCode, claims, local)
      : { row: local, write: async () => undefined };
    const { row } = accepted;
    try {
      await inTransaction(context, async (tx) => {
        await this.checkAcceptable(tx, request.invitationCode);
        await requireFreeName(tx, claims.name);
        await insertConnection(tx, row);
        await saveScripts(tx, row.id, defaultScripts(row.mode), row.created_at);
        await accepted.write(tx);
      });
    } catch (error) {
      // A concurrent accept of the same code won the insert (PostgreSQL, several replicas).
      if (await findConnection(context.store.db, claims.cid)) {
        throw new SyncError("SYNC_ERR_INVITATION_USED");
      }
      throw error;
    }
    return toConnection(row);
  }

  /**
   * The claims of a code this node may accept.
   * @throws SyncError SYNC_ERR_INVITATION_{MALFORMED,TRUNCATED,TAMPERED,VERSION,EXPIRED,
   *   WRONG_NODE (issued by this node),USED (already accepted here),BOTH_PRIVATE}
   */
  async checkAcceptable(db: Db, code: string): Promise<InvitationClaims> {
    const { claims } = decodeInvitationCode(code, this.context.now());
    if (claims.iss === this.context.issuer.identity.nodeId) {
      throw new SyncError("SYNC_ERR_INVITATION_WRONG_NODE");
    }
    if (await findConnection(db, claims.cid)) throw new SyncError("SYNC_ERR_INVITATION_USED");
    connectionShape(this.context.issuer.publicUrl, claims.url);
    return claims;
  }

  #acceptedRow(claims: InvitationClaims, project: { id: string; name: string }): ConnectionRow {
    const { context } = this;
    const shape = connectionShape(context.issuer.publicUrl, claims.url);
    const now = context.now();
    return {
      id: claims.cid,
      name: claims.name,
      name_key: nameKey(claims.name),
      description: claims.desc,
      local_short_name: claims.ash,
      remote_short_name: claims.ish,
      type: shape.type,
      local_side: shape.localSide,
      role: "acceptor",
      mode: claims.mode,
      status: "active",
      status_reason_code: null,
      status_reason_message: null,
      remote_url: claims.url,
      incoming_project_id: project.id,
      incoming_project_name: project.name,
      secret_sealed: context.box.seal(claims.sec, connectionSecretContext(claims.cid)),
      created_at: now,
      updated_at: now,
      accepted_at: now,
      last_activity_at: null,
      last_contact_at: null,
    };
  }
}

/** @throws SyncError SYNC_ERR_CONNECTION_{NOT_FOUND,NOT_PENDING} */
async function requirePending(db: Db, connectionId: string): Promise<ConnectionRow> {
  const connection = await requireConnection(db, connectionId);
  if (connection.status !== "pending" || connection.role !== "initiator") {
    throw new SyncError("SYNC_ERR_CONNECTION_NOT_PENDING");
  }
  return connection;
}

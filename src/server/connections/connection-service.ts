/**
 * Connection use cases of the hub API: list, get, initiate, update, activate, deactivate and
 * delete. Each change runs in one transaction, so a rejected request changes nothing.
 *
 * Status transitions handled here (src/shared/states.ts):
 *   (new) --initiate--> pending; active|error --deactivate--> deactivated;
 *   deactivated|error --activate--> active; any --delete--> (gone).
 */
import { randomUUID } from "node:crypto";

import type {
  Connection,
  InitiateConnectionRequest,
  InitiateConnectionResponse,
  ProjectRef,
  UpdateConnectionRequest,
} from "../../shared/contracts/connection";
import { SyncError } from "../../shared/errors";
import { assertNever, type ConnectionStatus } from "../../shared/states";
import { defaultScripts } from "../sandbox/default-scripts";
import type { Db } from "../storage/store";
import { isUniqueViolation } from "../storage/store-errors";
import type { ConnectionContext } from "./connection-context";
import {
  type ConnectionChanges,
  type ConnectionRow,
  deleteConnection,
  findConnection,
  findConnectionByName,
  insertConnection,
  listConnections,
  nameKey,
  updateConnection,
} from "./connection-repository";
import {
  connectionShape,
  defaultConnectionName,
  normalizeDestinationUrl,
  normalizeName,
} from "./connection-rules";
import { toConnection } from "./connection-view";
import { issueInvitation, renderInvitation } from "./invitation-issuer";
import { checkIncomingProject } from "./project-check";
import { saveScripts } from "./script-repository";

/** The connection `id`. @throws SyncError SYNC_ERR_CONNECTION_NOT_FOUND */
export async function requireConnection(db: Db, id: string): Promise<ConnectionRow> {
  const row = await findConnection(db, id);
  if (!row) throw new SyncError("SYNC_ERR_CONNECTION_NOT_FOUND");
  return row;
}

/** @throws SyncError SYNC_ERR_CONNECTION_NAME_TAKEN when another connection uses `name` */
export async function requireFreeName(db: Db, name: string, exceptId?: string): Promise<void> {
  const holder = await findConnectionByName(db, name);
  if (holder && holder.id !== exceptId) throw new SyncError("SYNC_ERR_CONNECTION_NAME_TAKEN");
}

/** Runs `work` in a transaction; a unique-name race becomes SYNC_ERR_CONNECTION_NAME_TAKEN. */
export async function inTransaction<T>(
  context: ConnectionContext,
  work: (tx: Db) => Promise<T>,
): Promise<T> {
  try {
    return await context.store.db.transaction().execute(work);
  } catch (error) {
    if (isUniqueViolation(error)) throw new SyncError("SYNC_ERR_CONNECTION_NAME_TAKEN");
    throw error;
  }
}

/** Connection use cases; every method throws `SyncError` for a rejected request. */
export class ConnectionService {
  constructor(private readonly context: ConnectionContext) {}

  /** Every connection, newest first. */
  async list(): Promise<Connection[]> {
    return (await listConnections(this.context.store.db)).map(toConnection);
  }

  /** One connection. @throws SyncError SYNC_ERR_CONNECTION_NOT_FOUND */
  async get(id: string): Promise<Connection> {
    return toConnection(await requireConnection(this.context.store.db, id));
  }

  /**
   * Initiate connection: a Pending connection with default scripts and an invitation code.
   * @throws SyncError SYNC_ERR_CONNECTION_{URL_INVALID,NAME_TAKEN,PROJECT_INVALID},
   *   SYNC_ERR_INVITATION_BOTH_PRIVATE
   */
  async initiate(
    request: InitiateConnectionRequest,
    accessToken: string,
  ): Promise<InitiateConnectionResponse> {
    const { context } = this;
    const remoteUrl =
      request.destinationUrl === null ? null : normalizeDestinationUrl(request.destinationUrl);
    const shape = connectionShape(context.issuer.publicUrl, remoteUrl);
    const name = normalizeName(
      request.name ?? defaultConnectionName(request.localShortName, request.remoteShortName),
    );
    await requireFreeName(context.store.db, name);
    const project = await checkIncomingProject(context.ado, accessToken, request.incomingProject);
    const now = context.now();
    const row = initiatorRow(request, { name, remoteUrl, project, now, ...shape });
    const invitation = await inTransaction(context, async (tx) => {
      await requireFreeName(tx, name);
      await insertConnection(tx, row);
      await saveScripts(tx, row.id, defaultScripts(row.mode), now);
      return issueInvitation(tx, context.issuer, row, now);
    });
    return {
      connection: toConnection(row),
      invitation: await renderInvitation(context.issuer, row, invitation),
    };
  }

  /**
   * Changes name, description or incoming project.
   * @throws SyncError SYNC_ERR_CONNECTION_{NOT_FOUND,NAME_TAKEN,PROJECT_INVALID}
   */
  async update(
    id: string,
    request: UpdateConnectionRequest,
    accessToken: string,
  ): Promise<Connection> {
    const { context } = this;
    await requireConnection(context.store.db, id);
    const changes: ConnectionChanges = {};
    if (request.name !== undefined) {
      changes.name = normalizeName(request.name);
      changes.name_key = nameKey(changes.name);
    }
    if (request.description !== undefined) changes.description = request.description;
    if (request.incomingProject !== undefined) {
      const project = await checkIncomingProject(context.ado, accessToken, request.incomingProject);
      changes.incoming_project_id = project.id;
      changes.incoming_project_name = project.name;
    }
    const row = await inTransaction(context, async (tx) => {
      if (changes.name !== undefined) await requireFreeName(tx, changes.name, id);
      return updateConnection(tx, id, { ...changes, updated_at: context.now() });
    });
    if (!row) throw new SyncError("SYNC_ERR_CONNECTION_NOT_FOUND");
    return toConnection(row);
  }

  /**
   * Activates (`active` true) or deactivates a connection. Repeating the current state is a
   * no-op. @throws SyncError SYNC_ERR_CONNECTION_{NOT_FOUND,STATE} (e.g. while Pending)
   */
  async setActive(id: string, active: boolean): Promise<Connection> {
    const row = await inTransaction(this.context, async (tx) => {
      const current = await requireConnection(tx, id);
      const next = nextStatus(current.status, active);
      if (next === current.status) return current;
      return updateConnection(tx, id, {
        status: next,
        status_reason_code: null,
        status_reason_message: null,
        updated_at: this.context.now(),
      });
    });
    if (!row) throw new SyncError("SYNC_ERR_CONNECTION_NOT_FOUND");
    return toConnection(row);
  }

  /** Deletes a connection with its invitations and scripts. @throws SyncError SYNC_ERR_CONNECTION_NOT_FOUND */
  async delete(id: string): Promise<void> {
    const row = await findConnection(this.context.store.db, id);
    if (row) await this.context.lifecycle?.deleting(row);
    if (!(await deleteConnection(this.context.store.db, id))) {
      throw new SyncError("SYNC_ERR_CONNECTION_NOT_FOUND");
    }
  }
}

/** The row of a connection this node initiates (status Pending). */
function initiatorRow(
  request: InitiateConnectionRequest,
  fields: { name: string; remoteUrl: string | null; project: ProjectRef; now: number } & ReturnType<
    typeof connectionShape
  >,
): ConnectionRow {
  return {
    id: randomUUID(),
    name: fields.name,
    name_key: nameKey(fields.name),
    description: request.description ?? "",
    local_short_name: request.localShortName,
    remote_short_name: request.remoteShortName,
    type: fields.type,
    local_side: fields.localSide,
    role: "initiator",
    mode: request.mode,
    status: "pending",
    status_reason_code: null,
    status_reason_message: null,
    remote_url: fields.remoteUrl,
    incoming_project_id: fields.project.id,
    incoming_project_name: fields.project.name,
    secret_sealed: null,
    created_at: fields.now,
    updated_at: fields.now,
    accepted_at: null,
    last_activity_at: null,
    last_contact_at: null,
  };
}

/** The status after activate/deactivate. @throws SyncError SYNC_ERR_CONNECTION_STATE */
function nextStatus(status: ConnectionStatus, active: boolean): ConnectionStatus {
  switch (status) {
    case "pending":
      throw new SyncError(
        "SYNC_ERR_CONNECTION_STATE",
        "A Pending connection can be activated only by accepting its invitation.",
      );
    case "active":
    case "deactivated":
    case "error":
      return active ? "active" : "deactivated";
    default:
      return assertNever(status);
  }
}

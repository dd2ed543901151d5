/**
 * What the sync engine's parts share: storage, the sync queue, the script runner, the Azure
 * DevOps client, a clock and a logger, plus the connection lookups every part needs.
 */
import type { ConnectionScripts } from "../../shared/contracts/connection";
import type { ScriptContext } from "../../shared/contracts/replica";
import type { AdoHttp } from "../ado/ado-http";
import type { AdoIdentityRef } from "../ado/ado-types";
import type { ConnectionRow } from "../connections/connection-repository";
import { findScripts } from "../connections/script-repository";
import { defaultScripts } from "../sandbox/default-scripts";
import type { ScriptRunner } from "../sandbox/script-runner";
import type { Db, Store } from "../storage/store";
import type { SyncQueuePort } from "./sync-queue-port";
import { listTwinIds } from "./twin-repository";

/** The Azure DevOps access the engine needs (see `AdoClientProvider`). */
export interface SyncAdoAccess {
  client(): Promise<AdoHttp>;
  syncIdentity(): Promise<AdoIdentityRef>;
  /**
   * The active user of this organization whose sign-in or mail address is `email`
   * (case-insensitive), or undefined; answers are cached by the implementation.
   * @throws SyncError SYNC_ERR_ADO_* when the Identities API cannot answer
   */
  userByEmail(email: string): Promise<AdoIdentityRef | undefined>;
}

/** The subset of a pino logger the engine uses (never given secrets). */
export interface SyncLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/** Limits of the engine; every field has a default in `DEFAULT_SYNC_LIMITS`. */
export interface SyncLimits {
  /**
   * Largest attachment whose bytes travel inside a sync event. (Default: 10 MiB: events are
   * stored in the queue tables of both nodes and sent in one request; bigger files are left
   * out with a warning rather than bloating every retry.)
   */
  maxAttachmentBytes: number;
  /** Twins passed to scripts for `syncHelper.getLocalIssueKeyFromRemoteId`. (Default: 1000.) */
  scriptTwins: number;
  /**
   * Work items read per trigger per poll. (Default: 200, one batch read; a burst larger than
   * that is worked off over the next polls, oldest first, since the cursor advances per item.)
   */
  pollPageSize: number;
  /**
   * Work items a bulk sync reads per query. (Default: 20000, the service's cap on one flat WIQL
   * result, VS402337; a trigger matching more is read in further pages by id.)
   */
  bulkSyncPageSize: number;
}

export const DEFAULT_SYNC_LIMITS: SyncLimits = {
  maxAttachmentBytes: 10 * 1024 * 1024,
  scriptTwins: 1000,
  pollPageSize: 200,
  bulkSyncPageSize: 20_000,
};

/** Dependencies of the engine's parts. */
export interface SyncContext {
  readonly store: Store;
  readonly queue: SyncQueuePort;
  readonly scripts: ScriptRunner;
  readonly ado: SyncAdoAccess;
  readonly now: () => number;
  readonly logger: SyncLogger;
  readonly limits: SyncLimits;
}

/** The scripts a connection runs: always the defaults in Basic mode (not editable). */
export async function scriptsOf(db: Db, connection: ConnectionRow): Promise<ConnectionScripts> {
  if (connection.mode === "basic") return defaultScripts("basic");
  return (await findScripts(db, connection.id)) ?? defaultScripts(connection.mode);
}

/**
 * What scripts know about the connection (`connection`, `incomingProject`, lookups). `users`:
 * the people `nodeHelper.getUserByEmail` finds (see `scriptUsersFor`; none for outgoing runs).
 */
export async function scriptContextOf(
  db: Db,
  connection: ConnectionRow,
  limits: SyncLimits,
  users: ScriptContext["users"] = [],
): Promise<ScriptContext> {
  const project = connection.incoming_project_name;
  return {
    connection: {
      name: connection.name,
      localShortName: connection.local_short_name,
      remoteShortName: connection.remote_short_name,
    },
    incomingProject: project ? { key: project, name: project } : null,
    users,
    twins: await listTwinIds(db, connection.id, limits.scriptTwins),
  };
}

/** Reading and saving a connection's outgoing and incoming scripts. */
import type { ConnectionScripts } from "../../shared/contracts/connection";
import { SyncError } from "../../shared/errors";
import { defaultScripts } from "../sandbox/default-scripts";
import { findScripts, saveScripts } from "../storage/script-repository";
import type { ConnectionContext } from "./connection-context";
import { inTransaction, requireConnection } from "./connection-service";

/** Script use cases; every method throws `SyncError` for a rejected request. */
export class ScriptService {
  constructor(private readonly context: ConnectionContext) {}

  /** The connection's scripts (defaults when none are stored). @throws SyncError SYNC_ERR_CONNECTION_NOT_FOUND */
  async get(connectionId: string): Promise<ConnectionScripts> {
    const connection = await requireConnection(this.context.store.db, connectionId);
    return (
      (await findScripts(this.context.store.db, connectionId)) ?? defaultScripts(connection.mode)
    );
  }

  /**
   * Replaces both scripts of a Script-mode connection.
   * @throws SyncError SYNC_ERR_CONNECTION_{NOT_FOUND,SCRIPT_LOCKED (Basic mode)}
   */
  async save(connectionId: string, scripts: ConnectionScripts): Promise<ConnectionScripts> {
    await inTransaction(this.context, async (tx) => {
      const connection = await requireConnection(tx, connectionId);
      if (connection.mode === "basic") throw new SyncError("SYNC_ERR_CONNECTION_SCRIPT_LOCKED");
      await saveScripts(tx, connectionId, scripts, this.context.now());
    });
    return scripts;
  }
}

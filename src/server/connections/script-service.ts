/** Reading and saving a connection's outgoing and incoming scripts. */
import type { ConnectionScripts } from "../../shared/contracts/connection";
import { SyncError } from "../../shared/errors";
import { defaultScripts } from "../sandbox/default-scripts";
import type { ConnectionContext } from "./connection-context";
import { inTransaction, requireConnection } from "./connection-service";
import { findScripts, saveScripts } from "./script-repository";

/** Checks a script's syntax without running it (the sandbox's `checkSyntax`). */
export type SyntaxChecker = (
  script: string,
) => Promise<
  { ok: true } | { ok: false; line: number | null; column: number | null; message: string }
>;

/** Script use cases; every method throws `SyncError` for a rejected request. */
export class ScriptService {
  /**
   * @param checkSyntax when given, `save` refuses a script that does not parse (Default: none;
   *   scripts are then stored unchecked)
   */
  constructor(
    private readonly context: ConnectionContext,
    private readonly checkSyntax?: SyntaxChecker,
  ) {}

  /** The connection's scripts (defaults when none are stored). @throws SyncError SYNC_ERR_CONNECTION_NOT_FOUND */
  async get(connectionId: string): Promise<ConnectionScripts> {
    const connection = await requireConnection(this.context.store.db, connectionId);
    return (
      (await findScripts(this.context.store.db, connectionId)) ?? defaultScripts(connection.mode)
    );
  }

  /**
   * Replaces both scripts of a Script-mode connection, after checking that both parse.
   * @throws SyncError SYNC_ERR_CONNECTION_{NOT_FOUND,SCRIPT_LOCKED (Basic mode)};
   *   SYNC_ERR_SCRIPT_SYNTAX with details `{script: "outgoing"|"incoming", line, column, message}`
   */
  async save(connectionId: string, scripts: ConnectionScripts): Promise<ConnectionScripts> {
    await this.requireValidSyntax(scripts);
    await inTransaction(this.context, async (tx) => {
      const connection = await requireConnection(tx, connectionId);
      if (connection.mode === "basic") throw new SyncError("SYNC_ERR_CONNECTION_SCRIPT_LOCKED");
      await saveScripts(tx, connectionId, scripts, this.context.now());
    });
    return scripts;
  }

  private async requireValidSyntax(scripts: ConnectionScripts): Promise<void> {
    if (!this.checkSyntax) return;
    for (const script of ["outgoing", "incoming"] as const) {
      const result = await this.checkSyntax(scripts[script]);
      if (!result.ok) {
        const { line, column, message } = result;
        const where =
          line === null ? "" : ` at line ${line}${column === null ? "" : `, column ${column}`}`;
        throw new SyncError(
          "SYNC_ERR_SCRIPT_SYNTAX",
          `The ${script} script has a syntax error${where}: ${message}`,
          {
            script,
            line,
            column,
            message,
          },
        );
      }
    }
  }
}

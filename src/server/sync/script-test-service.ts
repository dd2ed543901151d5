/**
 * Script test runs for the hub's Test run tab: run the outgoing script on a work item and show
 * the replica, or run the incoming script on a given replica and show the JSON Patch that would
 * be applied. Nothing is written anywhere. Script errors come back as the usual
 * SYNC_ERR_SCRIPT_* errors (422) with script, line and message in details.
 */
import type { Replica, ScriptWorkItem } from "../../shared/contracts/replica";
import { emptyScriptWorkItem } from "../../shared/contracts/replica";
import type { IncomingTestResult, OutgoingTestResult } from "../../shared/contracts/sync";
import { requireConnection } from "../connections/connection-service";
import { fieldOperations } from "../work-items/json-patch";
import { diffWorkItem } from "../work-items/work-item-diff";
import { readWorkItem } from "../work-items/work-item-reader";
import { scriptUsersFor } from "./script-users";
import { scriptContextOf, scriptsOf, type SyncContext } from "./sync-context";
import { findTwinByLocalId } from "./twin-repository";

/** Test runs of a connection's scripts. */
export class ScriptTestService {
  constructor(private readonly context: SyncContext) {}

  /**
   * Runs the outgoing script (the saved one, or `script`) on work item `workItemId`.
   * @throws SyncError SYNC_ERR_WORK_ITEM_NOT_FOUND, SYNC_ERR_SCRIPT_*, SYNC_ERR_CREDENTIAL_MISSING
   */
  async outgoing(
    connectionId: string,
    input: { workItemId: number; script?: string },
  ): Promise<OutgoingTestResult> {
    const db = this.context.store.db;
    const connection = await requireConnection(db, connectionId);
    const twin = await findTwinByLocalId(db, connectionId, input.workItemId);
    const read = await readWorkItem(await this.context.ado.client(), input.workItemId, twin);
    const result = await this.context.scripts.runOutgoing({
      script: input.script ?? (await scriptsOf(db, connection)).outgoing,
      workItem: read.item,
      context: await scriptContextOf(db, connection, this.context.limits),
    });
    return { replica: result.replica, warnings: result.warnings };
  }

  /**
   * Runs the incoming script on `replica` against work item `workItemId` (absent: first sync).
   * @throws SyncError SYNC_ERR_WORK_ITEM_NOT_FOUND, SYNC_ERR_SCRIPT_*
   */
  async incoming(
    connectionId: string,
    input: { replica: Replica; workItemId?: number; script?: string },
  ): Promise<IncomingTestResult> {
    const db = this.context.store.db;
    const connection = await requireConnection(db, connectionId);
    const before = await this.localWorkItem(connectionId, input.workItemId);
    const firstSync = before.id === null;
    const result = await this.context.scripts.runIncoming({
      script: input.script ?? (await scriptsOf(db, connection)).incoming,
      replica: input.replica,
      workItem: before,
      firstSync,
      context: await scriptContextOf(
        db,
        connection,
        this.context.limits,
        await scriptUsersFor(this.context.ado, input.replica, this.context.logger),
      ),
    });
    const changes = diffWorkItem(before, result.workItem);
    return {
      firstSync,
      create: changes.create
        ? { project: changes.create.projectKey, type: changes.create.type }
        : null,
      patch: fieldOperations(changes.fields) as IncomingTestResult["patch"],
      comments: changes.comments.map((c) => ({ body: c.body, format: c.format })),
      attachments: changes.attachments.map((a) => ({ filename: a.filename, size: a.size })),
      warnings: result.warnings,
    };
  }

  private async localWorkItem(connectionId: string, workItemId?: number): Promise<ScriptWorkItem> {
    if (workItemId === undefined) return emptyScriptWorkItem();
    const twin = await findTwinByLocalId(this.context.store.db, connectionId, workItemId);
    return (await readWorkItem(await this.context.ado.client(), workItemId, twin)).item;
  }
}

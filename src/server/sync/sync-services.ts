/**
 * Builds the sync engine and the services behind its hub API from the node's configuration:
 * the Azure DevOps client provider (stored PAT or AZDO_PAT), the sync queue adapter, a script
 * runner pool, and the engine loops (started by `start`, stopped by `close`).
 */
import type { NodeConfig } from "../config";
import type { SecretBox } from "../crypto/secret-box";
import { AdoClientProvider } from "../node-settings/ado-client-provider";
import { NodeCredentialService } from "../node-settings/node-credential-service";
import { createScriptRunner, type ScriptRunner } from "../sandbox/script-runner";
import type { Store } from "../storage/store";
import { TriggerService } from "../triggers/trigger-service";
import { BulkSyncService } from "./bulk-sync-service";
import { ScriptTestService } from "./script-test-service";
import { DEFAULT_SYNC_LIMITS, type SyncContext, type SyncLogger } from "./sync-context";
import { SyncEngine, type SyncEngineOptions } from "./sync-engine";
import { createSyncQueueAdapter } from "./sync-queue-adapter";
import { SyncStatusService } from "./sync-status-service";

/** What `createSyncServices` needs. */
export interface SyncServicesDeps {
  config: Pick<NodeConfig, "organizationUrl" | "syncPat"> &
    Partial<Pick<NodeConfig, "syncPollMs" | "syncLeaseMs">>;
  store: Store;
  box: SecretBox;
  logger: SyncLogger;
  now: () => number;
  /** A script runner to share (Default: a new pool, closed by `close`). */
  scripts?: ScriptRunner;
  engine?: SyncEngineOptions;
}

/** The engine and the services of its API. */
export interface SyncServices {
  context: SyncContext;
  engine: SyncEngine;
  triggers: TriggerService;
  bulkSync: BulkSyncService;
  status: SyncStatusService;
  scriptTests: ScriptTestService;
  credential: NodeCredentialService;
  /** Starts change detection and the apply worker. */
  start(): void;
  /** Stops the loops, waits for bulk sync jobs, closes the script pool it created. */
  close(): Promise<void>;
}

/** Creates the sync services (the engine loops are not started). */
export function createSyncServices(deps: SyncServicesDeps): SyncServices {
  const ownScripts = deps.scripts === undefined;
  const scripts = deps.scripts ?? lazyScriptRunner();
  const context: SyncContext = {
    store: deps.store,
    queue: createSyncQueueAdapter(deps.store, {
      now: deps.now,
      leaseMs: deps.config.syncLeaseMs,
    }),
    scripts,
    ado: new AdoClientProvider({
      store: deps.store,
      box: deps.box,
      organizationUrl: deps.config.organizationUrl,
      environmentPat: deps.config.syncPat,
    }),
    now: deps.now,
    logger: deps.logger,
    limits: DEFAULT_SYNC_LIMITS,
  };
  const engine = new SyncEngine(context, {
    pollIntervalMs: deps.config.syncPollMs,
    ...deps.engine,
  });
  const triggers = new TriggerService(context);
  const bulkSync = new BulkSyncService(context, triggers);
  const credential = new NodeCredentialService({
    store: deps.store,
    box: deps.box,
    organizationUrl: deps.config.organizationUrl,
    environmentPat: deps.config.syncPat !== null,
    now: deps.now,
  });
  return {
    context,
    engine,
    triggers,
    bulkSync,
    status: new SyncStatusService(context),
    scriptTests: new ScriptTestService(context),
    credential,
    start: () => engine.start(),
    close: async () => {
      await engine.stop();
      await bulkSync.idle();
      if (ownScripts) await scripts.close();
    },
  };
}

/** A script runner whose worker pool starts on first use (an idle node spawns no threads). */
function lazyScriptRunner(): ScriptRunner {
  let runner: ScriptRunner | undefined;
  const get = () => (runner ??= createScriptRunner());
  return {
    runOutgoing: (input) => get().runOutgoing(input),
    runIncoming: (input) => get().runIncoming(input),
    checkSyntax: (script) => get().checkSyntax(script),
    close: async () => {
      await runner?.close();
    },
  };
}

/**
 * The whole local product in one call: for each organization (contoso: public node, fabrikam:
 * private node) an Azure DevOps emulator and a sync node child process, plus the dev host pages
 * and the hub's static origin. `npm start` and the browser tests both use it.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

import { startEmulator } from "../emulator/emulator";
import { DEV_APP_SECRET } from "../host-page/app-token";
import { buildHostAssets } from "../host-page/host-bundle";
import { buildHostServer } from "../host-page/host-server";
import { EXALATE_PAGE_ID } from "../host-page/settings-nav";
import { ensureHubBuilt } from "../hub-origin/hub-build";
import { buildHubStaticServer } from "../hub-origin/hub-static-server";
import { createDevOrganization, type DevOrganization, stableGuid } from "./dev-organization";
import {
  DEFAULT_BASE_PORT,
  DEV_ORGANIZATIONS,
  type DevOrganizationName,
  type FlatPorts,
  resolvePorts,
} from "./dev-ports";
import { startSyncNode, syncNodeAvailable, type SyncNodeProcess } from "./sync-node-process";
import { clearSyncNodeUrl, seedSyncNodeUrl } from "./sync-node-url-seed";

/** Options of `startDevEnvironment`. */
export interface DevEnvironmentOptions {
  /** Base port (Default 3000); 0 picks random free ports (tests). */
  basePort?: number;
  /** Individual port overrides (flags, environment). */
  ports?: Partial<FlatPorts>;
  /** Where each organization keeps its data: `<dataDir>/<org>/...` (Default `<root>/.data`). */
  dataDir?: string;
  /** Repository root (Default: two folders above this file). */
  root?: string;
  /** Do not seed `syncNodeUrl` and remove a seeded one: the hub shows its first-run panel. */
  firstRun?: boolean;
  /** Start the sync nodes (Default true; skipped with a warning when src/server is missing). */
  startNodes?: boolean;
  /** Build the hub when dist/hub is missing or stale (Default true). */
  buildHub?: boolean;
  /**
   * Where the sync nodes' output goes: "stream" (Default) passes each line to `log`, prefixed
   * with the node's name; "files" appends it to `<dataDir>/logs/<org>-node.log`.
   */
  nodeLogs?: "stream" | "files";
  /** Receives the dev host's progress lines (Default: console.log). */
  log?: (line: string) => void;
}

/** URLs of one running organization. */
export interface DevOrganizationUrls {
  /** The Exalate settings page on the dev host. */
  hubPageUrl: string;
  boardsUrl: string;
  /** Organization URL on its emulator. */
  emulatorUrl: string;
  /** The sync node's URL, when it runs. */
  nodeUrl?: string;
  /** Absolute path of the sync node's log file, when it runs with `nodeLogs: "files"`. */
  nodeLogFile?: string;
}

/** A running local product. */
export interface DevEnvironment {
  /** Dev host pages, e.g. http://localhost:3000. */
  hostUrl: string;
  /** Origin serving dist/hub, e.g. http://127.0.0.1:3001. */
  hubOrigin: string;
  /** Absolute path of the data folder (each organization's data is in `<dataDir>/<org>/`). */
  dataDir: string;
  organizations: Record<DevOrganizationName, DevOrganizationUrls>;
  /** Stops every server and child process; resolves when all have stopped. */
  close(): Promise<void>;
}

/**
 * Starts emulators, sync nodes, the hub origin and the dev host pages.
 * @throws Error when the hub build fails or a server cannot listen (everything started is stopped)
 */
export async function startDevEnvironment(
  options: DevEnvironmentOptions = {},
): Promise<DevEnvironment> {
  const root = options.root ?? path.resolve(__dirname, "../../..");
  const dataDir = path.resolve(options.dataDir ?? path.join(root, ".data"));
  const log = options.log ?? ((line: string) => console.log(line));
  if (options.buildHub !== false) await ensureHubBuilt(root, log);
  const ports = await resolvePorts(options.basePort ?? DEFAULT_BASE_PORT, options.ports);
  const hubOrigin = `http://127.0.0.1:${ports.hub}`;
  // Stopped in reverse order of start: the pages, then the sync nodes side by side (each may
  // take seconds to drain), then the emulators they talk to.
  const pageStops: Array<() => Promise<void>> = [];
  const nodeStops: Array<() => Promise<void>> = [];
  const emulatorStops: Array<() => Promise<void>> = [];
  const close = async () => {
    const failed = (e: unknown) => log(`[devhost] stop failed: ${String(e)}`);
    for (const stop of pageStops.splice(0).reverse()) await stop().catch(failed);
    await Promise.all(nodeStops.splice(0).map((stop) => stop().catch(failed)));
    for (const stop of emulatorStops.splice(0)) await stop().catch(failed);
  };
  try {
    const runNodes = options.startNodes !== false && syncNodeAvailable(root);
    if (options.startNodes !== false && !runNodes)
      log("[devhost] src/server/main.ts is missing: no sync nodes.");
    const context: StartContext = {
      ports,
      hubOrigin,
      root,
      dataDir,
      runNodes,
      firstRun: options.firstRun,
      nodeLogs: options.nodeLogs ?? "stream",
      log,
    };
    // Organizations start side by side: each node child takes seconds to compile and open.
    const started = await Promise.allSettled(
      DEV_ORGANIZATIONS.map((name) => startOrganization(name, context)),
    );
    for (const s of started) {
      if (s.status !== "fulfilled") continue;
      emulatorStops.push(s.value.stopEmulator);
      nodeStops.push(...s.value.stopNode);
    }
    const failed = started.find((s): s is PromiseRejectedResult => s.status === "rejected");
    if (failed) throw failed.reason;
    const organizations = new Map<string, DevOrganization>();
    const logFiles = new Map<string, string>();
    for (const s of started)
      if (s.status === "fulfilled") {
        organizations.set(s.value.organization.name, s.value.organization);
        if (s.value.nodeLogFile) logFiles.set(s.value.organization.name, s.value.nodeLogFile);
      }
    const hub = buildHubStaticServer(path.join(root, "dist/hub"));
    pageStops.push(() => hub.close());
    await hub.listen({ port: ports.hub, host: "127.0.0.1" });
    const host = buildHostServer({
      organizations,
      hubOrigin,
      appSecret: DEV_APP_SECRET,
      assets: await buildHostAssets(),
      appTokenAudience: stableGuid("extension:idalko-tools.exalate"),
      extensionVersion: extensionVersion(root),
    });
    pageStops.push(() => host.close());
    await host.listen({ port: ports.host, host: "127.0.0.1" });
    const hostUrl = `http://localhost:${ports.host}`;
    return {
      hostUrl,
      hubOrigin,
      dataDir,
      organizations: urlsOf(hostUrl, organizations, logFiles),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

interface StartContext {
  ports: Awaited<ReturnType<typeof resolvePorts>>;
  hubOrigin: string;
  root: string;
  dataDir: string;
  runNodes: boolean;
  firstRun?: boolean;
  nodeLogs: "stream" | "files";
  log: (line: string) => void;
}

/** Starts one organization's emulator and (optionally) its sync node. */
async function startOrganization(name: DevOrganizationName, context: StartContext) {
  const orgDir = path.join(context.dataDir, name);
  mkdirSync(orgDir, { recursive: true });
  const emulator = await startEmulator({
    organization: name,
    port: context.ports.emulator[name],
    dataFile: path.join(orgDir, "emulator.sqlite"),
  });
  let node: SyncNodeProcess | undefined;
  const nodeLogFile =
    context.runNodes && context.nodeLogs === "files"
      ? path.join(context.dataDir, "logs", `${name}-node.log`)
      : undefined;
  if (context.runNodes) {
    const port = context.ports.node[name];
    try {
      node = await startNodeFor(name, emulator, port, context, orgDir, nodeLogFile);
    } catch (error) {
      await emulator.close();
      throw error;
    }
    if (context.firstRun) clearSyncNodeUrl(orgDir);
    else seedSyncNodeUrl(orgDir, node.url);
  }
  return {
    organization: createDevOrganization(emulator, orgDir, node?.url),
    nodeLogFile,
    stopEmulator: () => emulator.close(),
    stopNode: node ? [() => node.stop()] : [],
  };
}

async function startNodeFor(
  name: DevOrganizationName,
  emulator: Awaited<ReturnType<typeof startEmulator>>,
  port: number,
  context: StartContext,
  orgDir: string,
  logFile: string | undefined,
): Promise<SyncNodeProcess> {
  const nodeDir = path.join(orgDir, "node");
  mkdirSync(nodeDir, { recursive: true });
  const pat = await emulator.createPat({ userId: emulator.users.sync });
  const env: Record<string, string> = {
    DATA_DIR: nodeDir,
    DATABASE_URL: `sqlite:${path.join(nodeDir, "node.sqlite")}`,
    EXALATE_APP_SECRET: DEV_APP_SECRET,
    AZDO_ORG_URL: emulator.url,
    AZDO_PAT: pat,
    CORS_ORIGINS: context.hubOrigin,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  };
  // contoso is the public side (has a URL); fabrikam is private (no PUBLIC_URL).
  if (name === "contoso") env.PUBLIC_URL = `http://127.0.0.1:${port}`;
  return startSyncNode({
    root: context.root,
    label: `${name} node`,
    port,
    env,
    log: context.log,
    logFile,
  });
}

function urlsOf(
  hostUrl: string,
  organizations: Map<string, DevOrganization>,
  logFiles: Map<string, string>,
) {
  const urls = {} as Record<DevOrganizationName, DevOrganizationUrls>;
  for (const name of DEV_ORGANIZATIONS) {
    const org = organizations.get(name)!;
    urls[name] = {
      hubPageUrl: `${hostUrl}/${name}/_settings/${EXALATE_PAGE_ID}`,
      boardsUrl: `${hostUrl}/${name}/_boards`,
      emulatorUrl: org.url,
      nodeUrl: org.nodeUrl,
      nodeLogFile: logFiles.get(name),
    };
  }
  return urls;
}

function extensionVersion(root: string): string {
  const manifest = JSON.parse(readFileSync(path.join(root, "vss-extension.json"), "utf8")) as {
    version: string;
  };
  return manifest.version;
}

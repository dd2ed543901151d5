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
}

/** A running local product. */
export interface DevEnvironment {
  /** Dev host pages, e.g. http://localhost:3000. */
  hostUrl: string;
  /** Origin serving dist/hub, e.g. http://127.0.0.1:3001. */
  hubOrigin: string;
  organizations: Record<DevOrganizationName, DevOrganizationUrls>;
  /**
   * Stops every server and child process; resolves when all have stopped.
   * @param options.signalled the sync node children got the signal already (Ctrl-C in a
   *   terminal reaches the whole process group): wait for them instead of signalling again
   */
  close(options?: { signalled?: boolean }): Promise<void>;
}

/**
 * Starts emulators, sync nodes, the hub origin and the dev host pages.
 * @throws Error when the hub build fails or a server cannot listen (everything started is stopped)
 */
export async function startDevEnvironment(
  options: DevEnvironmentOptions = {},
): Promise<DevEnvironment> {
  const root = options.root ?? path.resolve(__dirname, "../../..");
  const dataDir = options.dataDir ?? path.join(root, ".data");
  const log = options.log ?? ((line: string) => console.log(line));
  if (options.buildHub !== false) await ensureHubBuilt(root, log);
  const ports = await resolvePorts(options.basePort ?? DEFAULT_BASE_PORT, options.ports);
  const hubOrigin = `http://127.0.0.1:${ports.hub}`;
  // Stopped in reverse order of start: the pages, then the sync nodes side by side (each may
  // take seconds to drain), then the emulators they talk to.
  const pageStops: Array<() => Promise<void>> = [];
  const nodeStops: Array<(signalled: boolean) => Promise<void>> = [];
  const emulatorStops: Array<() => Promise<void>> = [];
  const close = async (closeOptions: { signalled?: boolean } = {}) => {
    const failed = (e: unknown) => log(`[devhost] stop failed: ${String(e)}`);
    for (const stop of pageStops.splice(0).reverse()) await stop().catch(failed);
    const signalled = closeOptions.signalled ?? false;
    await Promise.all(nodeStops.splice(0).map((stop) => stop(signalled).catch(failed)));
    for (const stop of emulatorStops.splice(0)) await stop().catch(failed);
  };
  try {
    const runNodes = options.startNodes !== false && syncNodeAvailable(root);
    if (options.startNodes !== false && !runNodes)
      log("[devhost] src/server/main.ts is missing: no sync nodes.");
    const context = { ports, hubOrigin, root, dataDir, runNodes, firstRun: options.firstRun, log };
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
    for (const s of started)
      if (s.status === "fulfilled")
        organizations.set(s.value.organization.name, s.value.organization);
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
    return { hostUrl, hubOrigin, organizations: urlsOf(hostUrl, organizations), close };
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
  if (context.runNodes) {
    const port = context.ports.node[name];
    try {
      node = await startNodeFor(
        name,
        emulator,
        port,
        context.hubOrigin,
        context.root,
        orgDir,
        context.log,
      );
    } catch (error) {
      await emulator.close();
      throw error;
    }
    if (context.firstRun) clearSyncNodeUrl(orgDir);
    else seedSyncNodeUrl(orgDir, node.url);
  }
  return {
    organization: createDevOrganization(emulator, orgDir, node?.url),
    stopEmulator: () => emulator.close(),
    stopNode: node ? [(signalled: boolean) => node.stop(signalled)] : [],
  };
}

async function startNodeFor(
  name: DevOrganizationName,
  emulator: Awaited<ReturnType<typeof startEmulator>>,
  port: number,
  hubOrigin: string,
  root: string,
  orgDir: string,
  log: (line: string) => void,
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
    CORS_ORIGINS: hubOrigin,
    LOG_LEVEL: process.env.LOG_LEVEL ?? "info",
  };
  // contoso is the public side (has a URL); fabrikam is private (no PUBLIC_URL).
  if (name === "contoso") env.PUBLIC_URL = `http://127.0.0.1:${port}`;
  return startSyncNode({ root, label: `${name} node`, port, env, log });
}

function urlsOf(hostUrl: string, organizations: Map<string, DevOrganization>) {
  const urls = {} as Record<DevOrganizationName, DevOrganizationUrls>;
  for (const name of DEV_ORGANIZATIONS) {
    const org = organizations.get(name)!;
    urls[name] = {
      hubPageUrl: `${hostUrl}/${name}/_settings/${EXALATE_PAGE_ID}`,
      boardsUrl: `${hostUrl}/${name}/_boards`,
      emulatorUrl: org.url,
      nodeUrl: org.nodeUrl,
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

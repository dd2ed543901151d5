/**
 * Two real sync nodes for the Sync row, as `npm start` runs them: contoso (public, PUBLIC_URL)
 * and fabrikam (private, no URL), each a `tsx src/server/main.ts` child process with its own
 * emulated organization, joined by a private connection made through the hub API (initiate on
 * contoso, accept on fabrikam) with a trigger on contoso for every Task.
 */
import { mkdirSync } from "node:fs";
import path from "node:path";

import { type Emulator, startEmulator } from "../src/devhost/emulator/emulator";
import { DEV_APP_SECRET, mintAppToken } from "../src/devhost/host-page/app-token";
import { freePort } from "../src/devhost/process/free-port";
import { startSyncNode, type SyncNodeProcess } from "../src/devhost/process/sync-node-process";
import { ACCESS_TOKEN_HEADER, routePath, ROUTES } from "../src/shared/contracts/routes";

const ROOT = path.resolve(__dirname, "..");

/** One organization with its node. */
export interface BenchSide {
  name: "contoso" | "fabrikam";
  emulator: Emulator;
  node: SyncNodeProcess;
  /** `sqlite:` URL of the node's store (readable while it runs). */
  databaseUrl: string;
  headers: Record<string, string>;
  /** Id of project Alpha on this organization. */
  alphaId: string;
  /** Starts the node again on the same port, database and environment (after a stop or kill). */
  restart(): Promise<void>;
}

async function startSide(
  name: BenchSide["name"],
  dataDir: string,
  extraEnv: Record<string, string>,
): Promise<BenchSide> {
  const emulator = await startEmulator({ organization: name, port: 0 });
  const port = await freePort();
  const nodeDir = path.join(dataDir, name);
  mkdirSync(nodeDir, { recursive: true });
  const databaseUrl = `sqlite:${path.join(nodeDir, "node.sqlite")}`;
  const env: Record<string, string> = {
    DATA_DIR: nodeDir,
    DATABASE_URL: databaseUrl,
    EXALATE_APP_SECRET: DEV_APP_SECRET,
    AZDO_ORG_URL: emulator.url,
    AZDO_PAT: await emulator.createPat({ userId: emulator.users.sync }),
    LOG_LEVEL: "warn",
    ...extraEnv,
  };
  if (name === "contoso") env.PUBLIC_URL = `http://127.0.0.1:${port}`;
  const start = () => startSyncNode({ root: ROOT, label: name, port, env, log: () => undefined });
  const node = await start();
  const appToken = await mintAppToken({
    userId: emulator.users.ada!,
    tenantId: "00000000-0000-4000-8000-000000000001",
    audience: "bench",
  });
  const headers = {
    authorization: `Bearer ${appToken}`,
    [ACCESS_TOKEN_HEADER]: await emulator.issueAccessToken(),
    "content-type": "application/json",
  };
  const projects = (await (
    await fetch(`${emulator.url}/_apis/projects?api-version=7.1`, {
      headers: { authorization: `Bearer ${headers[ACCESS_TOKEN_HEADER]}` },
    })
  ).json()) as { value: Array<{ id: string; name: string }> };
  const alphaId = projects.value.find((p) => p.name === "Alpha")!.id;
  const side: BenchSide = {
    name,
    emulator,
    node,
    databaseUrl,
    headers,
    alphaId,
    async restart() {
      side.node = await start();
    },
  };
  return side;
}

/** Calls the hub API of `side`. @throws Error on a non-2xx answer */
export async function hubCall(
  side: BenchSide,
  method: "GET" | "POST",
  url: string,
  body?: object,
): Promise<Record<string, unknown>> {
  const response = await fetch(`${side.node.url}${url}`, {
    method,
    headers: side.headers,
    body: body ? JSON.stringify(body) : undefined,
  });
  const answer = (await response.json()) as Record<string, unknown>;
  if (!response.ok)
    throw new Error(`${method} ${url}: ${response.status} ${JSON.stringify(answer)}`);
  return answer;
}

/** Initiates on contoso (private destination), accepts on fabrikam, adds a Task trigger. */
export async function connect(contoso: BenchSide, fabrikam: BenchSide): Promise<string> {
  const initiated = (await hubCall(contoso, "POST", ROUTES.connections, {
    destinationUrl: null,
    mode: "script",
    localShortName: "contoso",
    remoteShortName: "fabrikam",
    description: "Bench: every Task to fabrikam",
    incomingProject: { id: contoso.alphaId, name: "Alpha" },
  })) as { connection: { id: string }; invitation: { invitationCode: string } };
  await hubCall(fabrikam, "POST", ROUTES.invitationAccept, {
    invitationCode: initiated.invitation.invitationCode,
    incomingProject: { id: fabrikam.alphaId, name: "Alpha" },
  });
  const id = initiated.connection.id;
  await hubCall(contoso, "POST", routePath(ROUTES.connectionTriggers, { id }), {
    workItemType: "Task",
    where: "",
  });
  return id;
}

/**
 * Starts both sides. Stop them with `stopSides`.
 * @param env extra node settings for both, e.g. `{ SYNC_POLL_SECONDS: "1" }`
 */
export async function startSides(
  dataDir: string,
  env: Record<string, string> = {},
): Promise<[BenchSide, BenchSide]> {
  const contoso = await startSide("contoso", dataDir, env);
  try {
    return [contoso, await startSide("fabrikam", dataDir, env)];
  } catch (error) {
    await stopSides([contoso]);
    throw error;
  }
}

/** Stops nodes, then emulators. */
export async function stopSides(sides: BenchSide[]): Promise<void> {
  for (const side of sides) await side.node.stop();
  for (const side of sides) await side.emulator.close();
}

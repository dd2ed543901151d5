/**
 * `npm start`: runs the whole product locally (see process/dev-environment.ts) and prints where
 * to go: a table of URLs, last. The sync nodes write their logs to `<data dir>/logs/<org>-node.log`
 * (add `--verbose` to see them in the terminal instead). Ctrl-C (SIGINT) or SIGTERM stops every
 * server and child process; data stays under .data/. The sync nodes stop by themselves when the
 * dev host is killed (`kill -9`), and so does the dev host when the `tsx` process running it is.
 *
 * Flags (each also settable by environment variable):
 *   --base-port N            DEVHOST_BASE_PORT       all ports from N (default 3000; 0 = random)
 *   --port N                 DEVHOST_PORT            dev host pages (default 3000)
 *   --hub-port N             DEVHOST_HUB_PORT        hub static origin (default 3001)
 *   --contoso-emulator-port  CONTOSO_EMULATOR_PORT   (default 3010)
 *   --contoso-node-port      CONTOSO_NODE_PORT       (default 3011)
 *   --fabrikam-emulator-port FABRIKAM_EMULATOR_PORT  (default 3020)
 *   --fabrikam-node-port     FABRIKAM_NODE_PORT      (default 3021)
 *   --data-dir DIR           DEVHOST_DATA_DIR        (default .data)
 *   --first-run                                      hubs start without a sync node URL
 *   --verbose                                        sync node logs in the terminal, not files
 */
import path from "node:path";
import { parseArgs } from "node:util";

import { type DevEnvironment, startDevEnvironment } from "./process/dev-environment";
import type { FlatPorts } from "./process/dev-ports";
import { watchParent } from "./process/parent-watch";

const PORT_FLAGS: Array<[keyof FlatPorts, string, string]> = [
  ["host", "port", "DEVHOST_PORT"],
  ["hub", "hub-port", "DEVHOST_HUB_PORT"],
  ["contosoEmulator", "contoso-emulator-port", "CONTOSO_EMULATOR_PORT"],
  ["contosoNode", "contoso-node-port", "CONTOSO_NODE_PORT"],
  ["fabrikamEmulator", "fabrikam-emulator-port", "FABRIKAM_EMULATOR_PORT"],
  ["fabrikamNode", "fabrikam-node-port", "FABRIKAM_NODE_PORT"],
];

function parsePort(text: string | undefined, name: string): number | undefined {
  if (text === undefined || text === "") return undefined;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`${name} must be a port number, not "${text}".`);
  return port;
}

function readOptions() {
  const { values } = parseArgs({
    options: {
      "base-port": { type: "string" },
      "data-dir": { type: "string" },
      "first-run": { type: "boolean", default: false },
      verbose: { type: "boolean", default: false },
      ...Object.fromEntries(PORT_FLAGS.map(([, flag]) => [flag, { type: "string" as const }])),
    },
  });
  const flag = (name: string) => values[name as keyof typeof values] as string | undefined;
  const ports: Partial<FlatPorts> = {};
  for (const [key, name, env] of PORT_FLAGS) {
    const port = parsePort(flag(name) ?? process.env[env], `--${name}`);
    if (port !== undefined) ports[key] = port;
  }
  const dataDir = flag("data-dir") ?? process.env.DEVHOST_DATA_DIR;
  return {
    basePort: parsePort(flag("base-port") ?? process.env.DEVHOST_BASE_PORT, "--base-port"),
    ports,
    dataDir: dataDir ? path.resolve(dataDir) : undefined,
    firstRun: values["first-run"] === true,
    nodeLogs: values.verbose === true ? ("stream" as const) : ("files" as const),
  };
}

/** Roles of the organizations, as the URL table names them. */
const ROLES: Record<string, string> = {
  contoso: "public sync node",
  fabrikam: "private sync node",
};

/** `file` relative to the working folder when it is inside it (shorter to read). */
function shortPath(file: string): string {
  const relative = path.relative(process.cwd(), file);
  return relative.startsWith("..") || path.isAbsolute(relative) ? file : relative;
}

/**
 * Prints the table of URLs (and the sync node log files), the last thing `npm start` prints
 * unless `--verbose` streams the nodes' logs after it.
 */
function printUrls(env: DevEnvironment): void {
  const lines = ["", "Exalate for Azure DevOps is running locally:"];
  for (const [name, org] of Object.entries(env.organizations)) {
    lines.push("", `  ${name} (${ROLES[name] ?? "sync node"})`);
    lines.push(`    Exalate settings  ${org.hubPageUrl}`);
    lines.push(`    Boards            ${org.boardsUrl}`);
    lines.push(`    Emulator          ${org.emulatorUrl}`);
    lines.push(`    Sync node         ${org.nodeUrl ?? "(not running)"}`);
    if (org.nodeLogFile) lines.push(`    Sync node log     ${shortPath(org.nodeLogFile)}`);
  }
  lines.push(
    "",
    `  Hub origin          ${env.hubOrigin}/hub.html`,
    `  Data folder         ${shortPath(env.dataDir)}`,
    "",
    "Ctrl-C stops everything; data stays in the data folder.",
    "",
  );
  console.log(lines.join("\n"));
}

async function main(): Promise<void> {
  const environment = await startDevEnvironment(readOptions());
  printUrls(environment);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping...`);
    // The sync nodes run in process groups of their own: a Ctrl-C reaches this process only,
    // and close() sends each node one SIGTERM.
    environment.close().then(
      () => {
        console.log("Stopped.");
        process.exit(0);
      },
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  // `npm start` runs this file under the tsx command; when that one is killed, stop too.
  watchParent((reason) => stop(`The process that started the dev host is gone (${reason})`));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});

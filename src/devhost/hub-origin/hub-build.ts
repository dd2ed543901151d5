/**
 * Builds the hub (webpack production, the same build `npm run build:hub` runs) when dist/hub is
 * missing or older than the sources it bundles (src/hub, src/client, src/shared).
 */
import { spawn } from "node:child_process";
import { existsSync, readdirSync, statSync, utimesSync } from "node:fs";
import path from "node:path";

/** Folders whose files the hub bundle is built from. */
const HUB_SOURCES = ["src/hub", "src/client", "src/shared"];

/** Newest modification time (ms) of any file under `dir`, or 0 when it does not exist. */
export function newestMtime(dir: string): number {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    newest = Math.max(newest, statSync(file).mtimeMs);
  }
  return newest;
}

/** True when dist/hub/hub.js is missing or older than the hub's sources. */
export function hubBuildIsStale(root: string): boolean {
  const bundle = path.join(root, "dist/hub/hub.js");
  if (!existsSync(bundle)) return true;
  const built = statSync(bundle).mtimeMs;
  return HUB_SOURCES.some((dir) => newestMtime(path.join(root, dir)) > built);
}

/**
 * Runs webpack if the build is stale; resolves true when it built.
 * @throws Error when webpack exits with a non-zero status
 */
export async function ensureHubBuilt(root: string, log: (line: string) => void): Promise<boolean> {
  if (!hubBuildIsStale(root)) return false;
  log("Building the hub (webpack --mode production)...");
  const cli = require.resolve("webpack-cli/bin/cli.js", { paths: [root] });
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [cli, "--mode", "production"], {
      cwd: root,
      stdio: "inherit",
    });
    child.on("error", reject);
    child.on("exit", (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`The hub build failed (webpack exit code ${code}).`)),
    );
  });
  // webpack leaves an unchanged bundle untouched; mark it fresh so the next start skips the build.
  const now = new Date();
  utimesSync(path.join(root, "dist/hub/hub.js"), now, now);
  return true;
}

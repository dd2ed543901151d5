/**
 * Bundles the host page script (`browser/main.ts`) for the browser with esbuild, in memory.
 * It is dev-host code only: it never goes into dist/hub or the .vsix.
 */
import path from "node:path";

import { build } from "esbuild";

/** The bundled host page script and stylesheet. */
export interface HostAssets {
  /** Script of the Exalate page (frame protocol host). */
  script: string;
  /** Script of the other pages (theme only). */
  themeScript: string;
  stylesheet: string;
}

/** Builds the host page scripts and stylesheet (about 100 ms). */
export async function buildHostAssets(): Promise<HostAssets> {
  const [script, themeScript, stylesheet] = await Promise.all([
    bundle("browser/main.ts"),
    bundle("browser/theme-only.ts"),
    bundle("browser/host-page.css"),
  ]);
  return { script, themeScript, stylesheet };
}

async function bundle(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [path.join(__dirname, entry)],
    bundle: true,
    write: false,
    format: "iife",
    target: "es2020",
    sourcemap: entry.endsWith(".ts") ? "inline" : false,
    logLevel: "silent",
  });
  return result.outputFiles[0].text;
}

/**
 * `npm run package [-- --publisher ID] [-- --version X.Y.Z] [-- --dev] [-- --skip-build]
 *  [-- --output DIR]`
 *
 * Builds the hub and writes exactly one `.vsix` into `dist/` (or DIR) with tfx-cli, offline.
 * Precedence (tfx): vss-extension.json < configs/<variant>.json < --publisher/--version.
 * Environment fallbacks: EXALATE_PUBLISHER, EXALATE_VERSION.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(__dirname, "..");
const { values } = parseArgs({
  options: {
    publisher: { type: "string" },
    version: { type: "string" },
    dev: { type: "boolean", default: false },
    "skip-build": { type: "boolean", default: false },
    output: { type: "string" },
  },
});

const publisher = values.publisher ?? process.env.EXALATE_PUBLISHER;
const version = values.version ?? process.env.EXALATE_VERSION;
const variant = values.dev ? "dev" : "release";

if (!values["skip-build"]) {
  execFileSync(
    process.execPath,
    [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
    {
      cwd: root,
      stdio: "inherit",
    },
  );
}

const dist = path.resolve(root, values.output ?? "dist");
mkdirSync(dist, { recursive: true });
for (const file of readdirSync(dist)) if (file.endsWith(".vsix")) rmSync(path.join(dist, file));

const args = [
  "extension",
  "create",
  "--root",
  root,
  "--manifests",
  "vss-extension.json",
  "--overrides-file",
  path.join("configs", `${variant}.json`),
  "--output-path",
  dist,
  "--no-prompt",
  "--json",
];
if (publisher) args.push("--publisher", publisher);
if (version) args.push("--override", JSON.stringify({ version }));

const tfx = require.resolve("tfx-cli/_build/tfx-cli.js");
const out = execFileSync(process.execPath, [tfx, ...args], { cwd: root, encoding: "utf8" });
const jsonStart = out.indexOf("{");
const result = JSON.parse(out.slice(jsonStart)) as {
  path: string;
  version: string;
  publisher: string;
};
console.log(`Wrote ${path.relative(root, result.path)} (${result.publisher}, ${result.version})`);

/**
 * Build test: the hub bundle holds exactly one azure-devops-extension-sdk module, and npm
 * resolves exactly one SDK version; two copies make REST calls hang
 * (microsoft/azure-devops-extension-api#104). Reads the stats that `npm run build:hub` writes.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const statsFile = path.join(root, "dist/stats/hub.json");

interface StatsModule {
  name: string;
  modules?: StatsModule[];
}

function flatten(modules: StatsModule[]): string[] {
  return modules.flatMap((m) => [m.name, ...flatten(m.modules ?? [])]);
}

beforeAll(() => {
  if (!existsSync(statsFile)) {
    execFileSync(
      process.execPath,
      [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"],
      {
        cwd: root,
        stdio: "pipe",
      },
    );
  }
}, 180_000);

test("the bundle contains exactly one SDK module", () => {
  const stats = JSON.parse(readFileSync(statsFile, "utf8")) as { modules: StatsModule[] };
  const sdkModules = new Set(
    flatten(stats.modules).filter((n) =>
      /azure-devops-extension-sdk[\\/].*SDK(\.min)?\.js$/.test(n),
    ),
  );
  expect([...sdkModules]).toHaveLength(1);
  expect([...sdkModules][0]).toContain("esm");
});

test("npm resolves one SDK version", () => {
  const out = execFileSync("npm", ["ls", "azure-devops-extension-sdk", "--all", "--json"], {
    cwd: root,
    encoding: "utf8",
  });
  const versions = new Set<string>();
  const walk = (deps: Record<string, { version?: string; dependencies?: object }> = {}) => {
    for (const [name, dep] of Object.entries(deps)) {
      if (name === "azure-devops-extension-sdk" && dep.version) versions.add(dep.version);
      walk(dep.dependencies as never);
    }
  };
  walk(JSON.parse(out).dependencies);
  expect([...versions]).toEqual(["4.2.0"]);
});

/**
 * Packaging test: runs the real `npm run package`, unzips the .vsix and checks the hub
 * contribution and its uri (a hub whose uri is missing or differs in letter case does not load,
 * MicrosoftDocs/azure-devops-docs#5361), that the package has contributions at all
 * (microsoft/azure-devops-extension-sdk#35), the details asset (microsoft/tfs-cli#402) and the
 * installation targets (an open-ended Server range, so a new Server release still installs it).
 */
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

import JSZip from "jszip";

const root = path.resolve(__dirname, "../..");
let outDir: string;
let zip: JSZip;
let vsixNames: string[];

beforeAll(async () => {
  outDir = mkdtempSync(path.join(os.tmpdir(), "vsix-"));
  const built = existsSync(path.join(root, "dist/hub/hub.js"));
  const args = [
    require.resolve("tsx/cli"),
    "scripts/package.ts",
    "--output",
    outDir,
    "--publisher",
    "idalko-tools",
    "--version",
    "1.2.3",
  ];
  if (built) args.push("--skip-build");
  execFileSync(process.execPath, args, { cwd: root, stdio: "pipe" });
  vsixNames = readdirSync(outDir).filter((f) => f.endsWith(".vsix"));
  zip = await JSZip.loadAsync(readFileSync(path.join(outDir, vsixNames[0])));
}, 180_000);

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const text = (name: string) => zip.file(name)!.async("string");

test("writes exactly one .vsix named after publisher, id and version", () => {
  expect(vsixNames).toEqual(["idalko-tools.exalate-1.2.3.vsix"]);
});

test("declares exactly one hub 'adnode' in the collection admin hub group", async () => {
  const manifest = JSON.parse(await text("extension.vsomanifest"));
  const hubs = manifest.contributions.filter((c: { type: string }) => c.type === "ms.vss-web.hub");
  expect(hubs).toHaveLength(1);
  expect(hubs[0].id).toBe("adnode");
  expect(hubs[0].targets).toEqual(["ms.vss-web.collection-admin-hub-group"]);
  expect(hubs[0].properties.name).toBe("Exalate");
  expect(manifest.scopes).toEqual(expect.arrayContaining(["vso.project", "vso.work_write"]));
});

test("every contribution uri exists in the package with exact letter case", async () => {
  const manifest = JSON.parse(await text("extension.vsomanifest"));
  const files = new Set(Object.keys(zip.files));
  const uris = manifest.contributions
    .map((c: { properties?: { uri?: string } }) => c.properties?.uri)
    .filter(Boolean);
  expect(uris.length).toBeGreaterThan(0);
  for (const uri of uris) expect(files.has(uri)).toBe(true);
});

test("ships the details page as the Content.Details asset, and no source or tests", async () => {
  const vsix = await text("extension.vsixmanifest");
  const asset = vsix.match(
    /Type="Microsoft\.VisualStudio\.Services\.Content\.Details"[^>]*Path="([^"]+)"/,
  );
  const details = asset?.[1] ?? "";
  expect(details).toMatch(/overview\.md$/);
  expect(zip.file(details)).not.toBeNull();
  const names = Object.keys(zip.files);
  expect(names.some((n) => n.startsWith("src/") || n.startsWith("tests/"))).toBe(false);
  expect(names.some((n) => n.startsWith("node_modules/"))).toBe(false);
  expect(names).toContain("dist/hub/hub.js");
});

test("targets Services and an open-ended Server range", async () => {
  const vsix = await text("extension.vsixmanifest");
  expect(vsix).toContain('Id="Microsoft.VisualStudio.Services.Cloud"');
  const server = vsix.match(/Id="Microsoft\.TeamFoundation\.Server"[^>]*Version="([^"]+)"/);
  expect(server?.[1]).toMatch(/^\[\d+(\.\d+)?,\)$/);
});

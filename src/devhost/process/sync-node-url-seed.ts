/**
 * Seeds the hub's `syncNodeUrl` (extension data, organization scope, `$settings` collection,
 * as `IExtensionDataManager.setValue` stores it) so that the hub opens straight on its node.
 * A value a person set is never overwritten: the dev host remembers what it seeded in
 * `devhost-seed.json` and only replaces its own value (when the node's port changed).
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

import { EXTENSION_DATA_FILE } from "../extension-data/extension-data-routes";
import { ExtensionDataStore } from "../extension-data/extension-data-store";

/** Where `syncNodeUrl` lives in the extension data. */
const SETTINGS = {
  extensionId: "idalko-tools.exalate",
  scopeType: "Default",
  scopeValue: "Current",
  collection: "$settings",
};
const KEY = "syncNodeUrl";
const MARKER_FILE = "devhost-seed.json";

/** What `seedSyncNodeUrl` did. */
export type SeedOutcome = "seeded" | "updated" | "kept";

/** Seeds `nodeUrl` unless someone else set a value (see the module comment). */
export function seedSyncNodeUrl(orgDir: string, nodeUrl: string): SeedOutcome {
  const store = new ExtensionDataStore(path.join(orgDir, EXTENSION_DATA_FILE));
  const current = store.list(SETTINGS).find((doc) => doc.id === KEY)?.value;
  const seeded = readMarker(orgDir);
  if (current !== undefined && current !== seeded) return "kept";
  if (current === nodeUrl) return "kept";
  store.set(SETTINGS, { id: KEY, __etag: -1, value: nodeUrl });
  writeFileSync(path.join(orgDir, MARKER_FILE), JSON.stringify({ syncNodeUrl: nodeUrl }));
  return current === undefined ? "seeded" : "updated";
}

/** Removes `syncNodeUrl` so that the hub shows its first-run panel. */
export function clearSyncNodeUrl(orgDir: string): void {
  const store = new ExtensionDataStore(path.join(orgDir, EXTENSION_DATA_FILE));
  if (store.list(SETTINGS).some((doc) => doc.id === KEY)) store.delete(SETTINGS, KEY);
  rmSync(path.join(orgDir, MARKER_FILE), { force: true });
}

function readMarker(orgDir: string): unknown {
  try {
    return (
      JSON.parse(readFileSync(path.join(orgDir, MARKER_FILE), "utf8")) as { syncNodeUrl?: unknown }
    ).syncNodeUrl;
  } catch {
    return undefined;
  }
}

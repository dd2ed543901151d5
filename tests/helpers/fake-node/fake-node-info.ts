/** Where the fake node and the fake Azure DevOps live for `fetch`, and what the node says. */
import type { NodeInfo } from "../../../src/shared/contracts";

/** The fake node's origin for the jsdom `fetch` (the loopback server has its own URL). */
export const NODE_URL = "http://node.test";

/** The fake Azure DevOps origin; its organization `contoso` lists `FakeBackend.projects`. */
export const ADO_URL = "http://ado.test";

/** What the fake node says about itself (`GET /api/v1/node`). */
export const FAKE_NODE_INFO: NodeInfo = {
  product: "exalate-adnode-sync-node",
  version: "0.1.0",
  apiVersions: ["v1"],
  publicUrl: NODE_URL,
  organizationUrl: `${ADO_URL}/contoso`,
  hasSyncCredential: false,
};

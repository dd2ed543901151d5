/** A sample connection for fake-node state and test expectations. */
import type { Connection } from "../../../src/shared/contracts";

/** An active public Script-mode connection `c-1` (contoso -> fabrikam); `overrides` win. */
export function connection(overrides: Partial<Connection> = {}): Connection {
  return {
    id: "c-1",
    name: "contoso_to_fabrikam",
    description: "Bugs both ways",
    localShortName: "contoso",
    remoteShortName: "fabrikam",
    type: "public",
    localSide: "public",
    role: "initiator",
    mode: "script",
    status: "active",
    statusReason: null,
    remoteUrl: null,
    incomingProject: { id: "p-alpha", name: "Alpha" },
    createdAt: "2026-01-01T00:00:00.000Z",
    lastActivityAt: null,
    lastContactAt: null,
    ...overrides,
  };
}

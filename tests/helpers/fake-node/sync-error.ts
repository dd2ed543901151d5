/** A sample sync error for fake-node state and test expectations. */
import type { SyncErrorItem } from "../../../src/shared/contracts";

/** An incoming script runtime error `e-1` on work item 42 (remote 7); `overrides` win. */
export function syncError(overrides: Partial<SyncErrorItem>): SyncErrorItem {
  return {
    id: "e-1",
    direction: "incoming",
    localWorkItemId: 42,
    remoteWorkItemId: "7",
    code: "SYNC_ERR_SCRIPT_RUNTIME",
    message: "TypeError: cannot read property 'x' of undefined",
    script: "incoming",
    scriptLine: 3,
    attempts: 2,
    at: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

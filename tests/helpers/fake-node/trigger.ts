/** A sample trigger for fake-node state and test expectations. */
import type { Trigger } from "../../../src/shared/contracts";

/** An active Bug trigger `t-1` of connection `c-1` (open bugs); `overrides` win. */
export function trigger(overrides: Partial<Trigger> = {}): Trigger {
  return {
    id: "t-1",
    connectionId: "c-1",
    workItemType: "Bug",
    where: "[System.State] <> 'Closed'",
    active: true,
    watermark: "2026-01-01T00:00:00.000Z",
    createdAt: "2026-01-01T00:00:00.000Z",
    updatedAt: "2026-01-01T00:00:00.000Z",
    ...overrides,
  };
}

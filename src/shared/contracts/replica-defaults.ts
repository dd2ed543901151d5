/**
 * Replica constants without the schema library, so the hub can use them without loading
 * typebox (replica.ts re-exports them).
 */
import type { ReplicaBody } from "./replica";

/** Format version of the replica shape (not the work item revision). Bump on breaking change. */
export const REPLICA_VERSION = 1;

/** The values of replica fields the outgoing script did not set. */
export function emptyReplicaBody(): ReplicaBody {
  return {
    summary: null,
    description: null,
    type: null,
    status: null,
    priority: null,
    assignee: null,
    reporter: null,
    labels: [],
    areaPath: null,
    iterationPath: null,
    project: null,
    comments: [],
    attachments: [],
    customFields: {},
  };
}

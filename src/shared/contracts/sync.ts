/**
 * Sync resources of the hub API, per connection (`/api/v1/connections/:id/...`): statistics,
 * the errors list with retry and resolve, the sync history of one work item, "sync now", and
 * script test runs. Times are ISO 8601 strings (UTC).
 */
import { type Static, Type } from "typebox";

import { SYNC_DIRECTIONS } from "../states";
import { JsonValueSchema, ReplicaSchema } from "./replica";

const nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) =>
  Type.Union([schema, Type.Null()]);
const DirectionSchema = Type.Enum([...SYNC_DIRECTIONS]);

/** Queued and failed counts of one direction. */
export const DirectionCountsSchema = Type.Object({
  /** Outgoing: sync events not yet acknowledged by the other side. Incoming: requests waiting. */
  queued: Type.Integer(),
  /** Listed under errors. */
  failed: Type.Integer(),
});

/** Statistics of a connection (the Statistics tab). */
export const SyncStatisticsSchema = Type.Object({
  /** Work items with a known twin on the other side. */
  twins: Type.Integer(),
  outgoing: DirectionCountsSchema,
  incoming: DirectionCountsSchema,
  lastSentAt: nullable(Type.String()),
  lastReceivedAt: nullable(Type.String()),
  /** Last contact with the partner's node (private side: its last poll); null: never. */
  lastContactAt: nullable(Type.String()),
});
export type SyncStatistics = Static<typeof SyncStatisticsSchema>;

/** One entry of the errors list. `kind` tells which retry path it takes. */
export const SyncErrorItemSchema = Type.Object({
  /** Id to retry or resolve with. */
  id: Type.String(),
  /** `outgoing`: the outgoing script or reading failed here. `incoming`: applying a request. */
  direction: DirectionSchema,
  /** Local work item id when known, else null (a first sync that failed). */
  localWorkItemId: nullable(Type.Integer()),
  /** The other side's work item id when known. */
  remoteWorkItemId: nullable(Type.String()),
  /** A catalogue code, e.g. SYNC_ERR_SCRIPT_RUNTIME. */
  code: Type.String(),
  message: Type.String(),
  /** `outgoing` or `incoming` for script errors, else null. */
  script: nullable(Type.String()),
  /** 1-based line in the script, for script errors. */
  scriptLine: nullable(Type.Integer()),
  attempts: Type.Integer(),
  at: Type.String(),
});
export type SyncErrorItem = Static<typeof SyncErrorItemSchema>;

export const SyncErrorListSchema = Type.Object({ errors: Type.Array(SyncErrorItemSchema) });
export type SyncErrorList = Static<typeof SyncErrorListSchema>;

/** Body of bulk retry / resolve: the ids from the errors list (`all: true` for every one). */
export const SyncErrorActionSchema = Type.Object({
  ids: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 64 }), { maxItems: 1000 })),
  all: Type.Optional(Type.Boolean()),
});
export type SyncErrorAction = Static<typeof SyncErrorActionSchema>;

/** Per-item result of retry / resolve (habit 7: results, not one exception). */
export const SyncErrorActionResultSchema = Type.Object({
  results: Type.Array(
    Type.Object({
      id: Type.String(),
      status: Type.Enum(["done", "not-found", "failed"]),
      message: Type.Optional(Type.String()),
    }),
  ),
});
export type SyncErrorActionResult = Static<typeof SyncErrorActionResultSchema>;

/** Path parameters of one error. */
export const SyncErrorParamsSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  errorId: Type.String({ minLength: 1, maxLength: 64 }),
});

/** Path parameters naming a local work item. */
export const WorkItemParamsSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  workItemId: Type.String({ pattern: "^[1-9][0-9]{0,9}$" }),
});

/** One step of a work item's sync history. */
export const SyncHistoryEntrySchema = Type.Object({
  direction: DirectionSchema,
  outcome: Type.Enum(["sent", "skipped", "created", "updated", "unchanged", "failed", "retrying"]),
  message: Type.String(),
  warnings: Type.Array(Type.String()),
  remoteWorkItemId: nullable(Type.String()),
  at: Type.String(),
});

/** The sync history of one local work item, newest first, with its twin. */
export const SyncHistorySchema = Type.Object({
  localWorkItemId: Type.Integer(),
  remoteWorkItemId: nullable(Type.String()),
  entries: Type.Array(SyncHistoryEntrySchema),
});
export type SyncHistory = Static<typeof SyncHistorySchema>;

/** Result of "sync this work item now". */
export const SyncNowResultSchema = Type.Object({
  workItemId: Type.Integer(),
  outcome: Type.Enum(["sent", "skipped", "failed"]),
  message: Type.String(),
});
export type SyncNowResult = Static<typeof SyncNowResultSchema>;

/** Largest work item id: Azure DevOps ids are 32-bit signed integers (System.Id, Integer). */
export const MAX_WORK_ITEM_ID = 2_147_483_647;

/** Body of an outgoing script test run: the local work item to run it on. */
export const OutgoingTestInputSchema = Type.Object({
  workItemId: Type.Integer({ minimum: 1, maximum: MAX_WORK_ITEM_ID }),
  /** A script to try instead of the saved one (the editor's unsaved text). */
  script: Type.Optional(Type.String({ maxLength: 200_000 })),
});

/** Result of an outgoing test run: the replica the script makes (null: it sent nothing). */
export const OutgoingTestResultSchema = Type.Object({
  replica: nullable(ReplicaSchema),
  warnings: Type.Array(Type.String()),
});
export type OutgoingTestResult = Static<typeof OutgoingTestResultSchema>;

/** Body of an incoming test run: a replica, and the local work item to apply it to (none: first sync). */
export const IncomingTestInputSchema = Type.Object({
  replica: ReplicaSchema,
  workItemId: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_WORK_ITEM_ID })),
  script: Type.Optional(Type.String({ maxLength: 200_000 })),
});

/** One JSON Patch operation as the test run shows it. */
export const JsonPatchOperationSchema = Type.Object({
  op: Type.String(),
  path: Type.String(),
  value: Type.Optional(JsonValueSchema),
});

/** Result of an incoming test run: what would be written, without writing it. */
export const IncomingTestResultSchema = Type.Object({
  firstSync: Type.Boolean(),
  /** On first sync: where the work item would be created. */
  create: nullable(
    Type.Object({ project: nullable(Type.String()), type: nullable(Type.String()) }),
  ),
  patch: Type.Array(JsonPatchOperationSchema),
  comments: Type.Array(Type.Object({ body: Type.String(), format: Type.String() })),
  attachments: Type.Array(Type.Object({ filename: Type.String(), size: Type.Integer() })),
  warnings: Type.Array(Type.String()),
});
export type IncomingTestResult = Static<typeof IncomingTestResultSchema>;

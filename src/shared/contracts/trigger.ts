/**
 * Trigger resources of the hub API (`/api/v1/connections/:id/triggers`): a WIQL WHERE clause
 * per work item type that selects the work items a connection sends, and bulk sync jobs.
 */
import { type Static, Type } from "typebox";

/** Longest WHERE clause accepted, in characters (WIQL queries are capped at 32 K by the service). */
export const TRIGGER_CLAUSE_MAX_LENGTH = 8000;

/** Body of create and update. */
export const TriggerInputSchema = Type.Object({
  /** Work item type name, e.g. "Bug". */
  workItemType: Type.String({ minLength: 1, maxLength: 128 }),
  /** WIQL WHERE clause, e.g. `[System.State] <> 'Closed'`; empty: every work item of the type. */
  where: Type.String({ maxLength: TRIGGER_CLAUSE_MAX_LENGTH }),
  /** (Default: true.) */
  active: Type.Optional(Type.Boolean()),
});
export type TriggerInput = Static<typeof TriggerInputSchema>;

/** A trigger as the hub shows it. Times are ISO 8601 (UTC). */
export const TriggerSchema = Type.Object({
  id: Type.String(),
  connectionId: Type.String(),
  workItemType: Type.String(),
  where: Type.String(),
  active: Type.Boolean(),
  /** Changes up to this `System.ChangedDate` have been picked up; null before the first poll. */
  watermark: Type.Union([Type.String(), Type.Null()]),
  createdAt: Type.String(),
  updatedAt: Type.String(),
});
export type Trigger = Static<typeof TriggerSchema>;

export const TriggerListSchema = Type.Object({ triggers: Type.Array(TriggerSchema) });
export type TriggerList = Static<typeof TriggerListSchema>;

/** Path parameters of one trigger. */
export const TriggerParamsSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  triggerId: Type.String({ minLength: 1, maxLength: 64 }),
});

/**
 * Bulk sync job states: running -> done | failed; `interrupted` when its node stopped
 * before finishing (start a new one).
 */
export const BULK_SYNC_STATES = ["running", "done", "failed", "interrupted"] as const;
export type BulkSyncState = (typeof BULK_SYNC_STATES)[number];

/** Progress of a bulk sync job (poll it until `state` is not `running`). */
export const BulkSyncJobSchema = Type.Object({
  id: Type.String(),
  triggerId: Type.String(),
  state: Type.Enum([...BULK_SYNC_STATES]),
  /** Work items the trigger matched (0 until the query ran). */
  total: Type.Integer(),
  processed: Type.Integer(),
  sent: Type.Integer(),
  /** Nothing new for the other side (already in sync), or the script sent nothing. */
  skipped: Type.Integer(),
  /** Listed under errors. */
  failed: Type.Integer(),
  error: Type.Union([Type.String(), Type.Null()]),
  startedAt: Type.String(),
  finishedAt: Type.Union([Type.String(), Type.Null()]),
});
export type BulkSyncJob = Static<typeof BulkSyncJobSchema>;

/** Path parameters of one bulk sync job. */
export const BulkSyncParamsSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
  jobId: Type.String({ minLength: 1, maxLength: 64 }),
});

/**
 * Queries on `twins` (docs/architecture.md#sync-model: the twin mapping with the last replica sent
 * and received). JSON columns are parsed here, so callers see objects.
 */
import type { Selectable } from "kysely";

import type { Replica } from "../../shared/contracts/replica";
import type { Db } from "../storage/store";
import type { TwinsTable } from "./sync-engine-tables";

/** A twin with its JSON columns parsed. */
export interface Twin {
  connectionId: string;
  localId: number;
  remoteId: string | null;
  lastSentReplica: Replica | null;
  lastReceivedReplica: Replica | null;
  echoBaseline: Replica | null;
  /** Local comment id -> remote comment id. */
  commentMap: Record<string, string>;
  /** Local attachment id -> remote attachment id. */
  attachmentMap: Record<string, string>;
  lastSentAt: number | null;
  lastReceivedAt: number | null;
}

const parse = <T>(text: string | null): T | null =>
  text === null ? null : (JSON.parse(text) as T);

function toTwin(row: Selectable<TwinsTable>): Twin {
  return {
    connectionId: row.connection_id,
    localId: Number(row.local_id),
    remoteId: row.remote_id,
    lastSentReplica: parse<Replica>(row.last_sent_replica),
    lastReceivedReplica: parse<Replica>(row.last_received_replica),
    echoBaseline: parse<Replica>(row.echo_baseline),
    commentMap: parse<Record<string, string>>(row.comment_map) ?? {},
    attachmentMap: parse<Record<string, string>>(row.attachment_map) ?? {},
    lastSentAt: row.last_sent_at,
    lastReceivedAt: row.last_received_at,
  };
}

/** The twin of local work item `localId`, or undefined. */
export async function findTwinByLocalId(
  db: Db,
  connectionId: string,
  localId: number,
): Promise<Twin | undefined> {
  const row = await db
    .selectFrom("twins")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .where("local_id", "=", localId)
    .executeTakeFirst();
  return row ? toTwin(row) : undefined;
}

/** The twin of remote work item `remoteId`, or undefined. */
export async function findTwinByRemoteId(
  db: Db,
  connectionId: string,
  remoteId: string,
): Promise<Twin | undefined> {
  const row = await db
    .selectFrom("twins")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .where("remote_id", "=", remoteId)
    .executeTakeFirst();
  return row ? toTwin(row) : undefined;
}

/** Up to `limit` twins of a connection (for `syncHelper.getLocalIssueKeyFromRemoteId`). */
export async function listTwinIds(
  db: Db,
  connectionId: string,
  limit: number,
): Promise<{ localId: number; remoteId: string }[]> {
  const rows = await db
    .selectFrom("twins")
    .select(["local_id", "remote_id"])
    .where("connection_id", "=", connectionId)
    .where("remote_id", "is not", null)
    .orderBy("updated_at", "desc")
    .limit(limit)
    .execute();
  return rows.map((row) => ({ localId: Number(row.local_id), remoteId: row.remote_id ?? "" }));
}

/** What to write into a twin; absent members keep their stored value. */
export interface TwinChanges {
  remoteId?: string | null;
  lastSentReplica?: Replica | null;
  lastReceivedReplica?: Replica | null;
  echoBaseline?: Replica | null;
  commentMap?: Record<string, string>;
  attachmentMap?: Record<string, string>;
  lastSentAt?: number;
  lastReceivedAt?: number;
}

function columnsOf(changes: TwinChanges): Partial<Selectable<TwinsTable>> {
  const json = (value: unknown) => (value === null ? null : JSON.stringify(value));
  const columns: Partial<Selectable<TwinsTable>> = {};
  if (changes.remoteId !== undefined) columns.remote_id = changes.remoteId;
  if (changes.lastSentReplica !== undefined) {
    columns.last_sent_replica = json(changes.lastSentReplica);
  }
  if (changes.lastReceivedReplica !== undefined) {
    columns.last_received_replica = json(changes.lastReceivedReplica);
  }
  if (changes.echoBaseline !== undefined) columns.echo_baseline = json(changes.echoBaseline);
  if (changes.commentMap) columns.comment_map = JSON.stringify(changes.commentMap);
  if (changes.attachmentMap) columns.attachment_map = JSON.stringify(changes.attachmentMap);
  if (changes.lastSentAt !== undefined) columns.last_sent_at = changes.lastSentAt;
  if (changes.lastReceivedAt !== undefined) columns.last_received_at = changes.lastReceivedAt;
  return columns;
}

/** Inserts or updates the twin of local work item `localId`. */
export async function saveTwin(
  db: Db,
  connectionId: string,
  localId: number,
  changes: TwinChanges,
  now: number,
): Promise<void> {
  const columns = columnsOf(changes);
  await db
    .insertInto("twins")
    .values({
      connection_id: connectionId,
      local_id: localId,
      remote_id: null,
      last_sent_replica: null,
      last_received_replica: null,
      echo_baseline: null,
      comment_map: "{}",
      attachment_map: "{}",
      last_sent_at: null,
      last_received_at: null,
      created_at: now,
      ...columns,
      updated_at: now,
    })
    .onConflict((conflict) =>
      conflict.columns(["connection_id", "local_id"]).doUpdateSet({ ...columns, updated_at: now }),
    )
    .execute();
}

/** Counts and latest times of a connection's twins (for statistics). */
export async function twinStatistics(
  db: Db,
  connectionId: string,
): Promise<{ twins: number; lastSentAt: number | null; lastReceivedAt: number | null }> {
  const row = await db
    .selectFrom("twins")
    .select((eb) => [
      // A twin is a work item sent (the sender learns the other half's id only when it sends
      // something back) or one whose other half is known; count() skips NULLs.
      eb.fn.count<number>(eb.fn.coalesce("remote_id", "last_sent_replica")).as("twins"),
      eb.fn.max("last_sent_at").as("last_sent_at"),
      eb.fn.max("last_received_at").as("last_received_at"),
    ])
    .where("connection_id", "=", connectionId)
    .executeTakeFirst();
  const number = (value: unknown) => (value === null || value === undefined ? null : Number(value));
  return {
    twins: Number(row?.twins ?? 0),
    lastSentAt: number(row?.last_sent_at),
    lastReceivedAt: number(row?.last_received_at),
  };
}

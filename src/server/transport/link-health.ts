/**
 * Contact with the partner node, as the hub shows it: `last_contact_at` on every successful
 * exchange (either direction); status `error` with the reason while the partner keeps failing,
 * and back to `active` when contact returns. Only transport reasons (`SYNC_ERR_TRANSPORT_*`)
 * are cleared here, except "deleted on the other side"; a deactivated connection is never
 * touched.
 */
import type { SyncError } from "../../shared/errors";
import type { Db } from "../storage/store";

const TRANSPORT_REASON_PREFIX = "SYNC_ERR_TRANSPORT_";
/**
 * The partner deleted the connection: final, since connection ids are never reused. Kept even
 * when a request that was already in flight succeeds afterwards.
 */
const DELETED_ON_PARTNER = "SYNC_ERR_TRANSPORT_CONNECTION_NOT_FOUND";

/** Records a successful exchange with the partner of `connectionId`. */
export async function recordContact(db: Db, connectionId: string, now: number): Promise<void> {
  await db
    .updateTable("connections")
    .set({ last_contact_at: now })
    .where("id", "=", connectionId)
    .execute();
  await db
    .updateTable("connections")
    .set({
      status: "active",
      status_reason_code: null,
      status_reason_message: null,
      updated_at: now,
    })
    .where("id", "=", connectionId)
    .where("status", "=", "error")
    .where("status_reason_code", "like", `${TRANSPORT_REASON_PREFIX}%`)
    .where("status_reason_code", "!=", DELETED_ON_PARTNER)
    .execute();
}

/** Records sync activity (events delivered or received) on `connectionId`. */
export async function recordActivity(db: Db, connectionId: string, now: number): Promise<void> {
  await db
    .updateTable("connections")
    .set({ last_activity_at: now })
    .where("id", "=", connectionId)
    .execute();
}

/** Puts an active (or already failing) connection in status error with `reason`. */
export async function recordTransportError(
  db: Db,
  connectionId: string,
  reason: SyncError,
  now: number,
): Promise<void> {
  await db
    .updateTable("connections")
    .set({
      status: "error",
      status_reason_code: reason.code,
      status_reason_message: reason.message,
      updated_at: now,
    })
    .where("id", "=", connectionId)
    .where("status", "in", ["active", "error"])
    .execute();
}

/**
 * Replay protection for transport tokens: each `jti` is accepted once. Ids are kept in the
 * database (`transport_token_ids`) until their token expires, so every replica of a node
 * refuses a token another replica already accepted.
 */
import { SyncError } from "../../shared/errors";
import type { Db } from "../storage/store";
import { isUniqueViolation } from "../storage/store-errors";

/** 10 s past expiry: matches the verifier's clock tolerance, so no expired-but-tolerated token outlives its id. */
const KEEP_AFTER_EXPIRY_MS = 10_000;

/**
 * Records `jti` as used.
 * @throws SyncError SYNC_ERR_TRANSPORT_REPLAYED when it was used before
 */
export async function rememberTokenId(db: Db, jti: string, expiresAt: number): Promise<void> {
  try {
    await db
      .insertInto("transport_token_ids")
      .values({ jti, expires_at: expiresAt + KEEP_AFTER_EXPIRY_MS })
      .execute();
  } catch (error) {
    if (isUniqueViolation(error)) throw new SyncError("SYNC_ERR_TRANSPORT_REPLAYED");
    throw error;
  }
}

/** Forgets ids whose tokens can no longer be accepted anyway; returns how many went. */
export async function purgeExpiredTokenIds(db: Db, now: number): Promise<number> {
  const result = await db
    .deleteFrom("transport_token_ids")
    .where("expires_at", "<", now)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

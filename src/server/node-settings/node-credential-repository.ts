/**
 * The background-sync PAT in `node_settings` (sealed with the master key, context
 * `node_settings:sync_pat`, readable with `readSetting`), and the display name of the identity
 * it acts as (plain: not a secret).
 */
import type { SecretBox } from "../crypto/secret-box";
import type { Db } from "../storage/store";
import { NODE_SETTING_KEYS } from "./node-settings-repository";

/** Setting key of the sync identity's display name. */
export const SYNC_IDENTITY_KEY = "sync_pat_identity";

async function upsert(db: Db, key: string, value: string, sealed: boolean, now: number) {
  await db
    .insertInto("node_settings")
    .values({ key, value, sealed: sealed ? 1 : 0, updated_at: now })
    .onConflict((conflict) =>
      conflict.column("key").doUpdateSet({ value, sealed: sealed ? 1 : 0, updated_at: now }),
    )
    .execute();
}

/** Stores the PAT (sealed) and its identity's display name, replacing earlier ones. */
export async function storeSyncCredential(
  db: Db,
  box: SecretBox,
  input: { pat: string; identity: string; now: number },
): Promise<void> {
  const key = NODE_SETTING_KEYS.syncPat;
  await upsert(db, key, box.seal(input.pat, `node_settings:${key}`), true, input.now);
  await upsert(db, SYNC_IDENTITY_KEY, input.identity, false, input.now);
}

/** When the PAT was stored and who it acts as; undefined when none is stored. */
export async function syncCredentialInfo(
  db: Db,
): Promise<{ identity: string | null; updatedAt: number } | undefined> {
  const rows = await db
    .selectFrom("node_settings")
    .select(["key", "value", "updated_at"])
    .where("key", "in", [NODE_SETTING_KEYS.syncPat, SYNC_IDENTITY_KEY])
    .execute();
  const pat = rows.find((row) => row.key === NODE_SETTING_KEYS.syncPat);
  if (!pat) return undefined;
  const identity = rows.find((row) => row.key === SYNC_IDENTITY_KEY)?.value ?? null;
  return { identity, updatedAt: pat.updated_at };
}

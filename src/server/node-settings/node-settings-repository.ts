/**
 * Queries on `node_settings`: plain values and secrets sealed with the master key (context
 * `node_settings:<key>`, see crypto/secret-box.ts).
 */
import type { SecretBox } from "../crypto/secret-box";
import type { Db } from "../storage/store";

/** Known setting keys. Later parts add theirs here. */
export const NODE_SETTING_KEYS = {
  /** This node's identity (UUID), put into the invitation codes it issues. */
  nodeId: "node_id",
  /** HS256 key (base64url, 32 bytes) that signs this node's invitation codes; sealed. */
  invitationSigningKey: "invitation_signing_key",
  /** The background-sync PAT when stored through the API (later issue); sealed. */
  syncPat: "sync_pat",
} as const;
export type NodeSettingKey = (typeof NODE_SETTING_KEYS)[keyof typeof NODE_SETTING_KEYS];

const context = (key: NodeSettingKey): string => `node_settings:${key}`;

/** Reads a setting, opening it when sealed; undefined when absent. */
export async function readSetting(
  db: Db,
  box: SecretBox,
  key: NodeSettingKey,
): Promise<string | undefined> {
  const row = await db
    .selectFrom("node_settings")
    .select(["value", "sealed"])
    .where("key", "=", key)
    .executeTakeFirst();
  if (!row) return undefined;
  return Number(row.sealed) === 1 ? box.open(row.value, context(key)) : row.value;
}

/**
 * Returns the setting `key`, creating it with `create()` when absent. Concurrent first calls
 * (replicas starting together) converge on the value written first.
 */
export async function ensureSetting(
  db: Db,
  box: SecretBox,
  key: NodeSettingKey,
  options: { sealed: boolean; create: () => string; now: number },
): Promise<string> {
  const plain = options.create();
  const value = options.sealed ? box.seal(plain, context(key)) : plain;
  await db
    .insertInto("node_settings")
    .values({ key, value, sealed: options.sealed ? 1 : 0, updated_at: options.now })
    .onConflict((conflict) => conflict.column("key").doNothing())
    .execute();
  const stored = await readSetting(db, box, key);
  if (stored === undefined) throw new Error(`node setting ${key} vanished after insert`);
  return stored;
}

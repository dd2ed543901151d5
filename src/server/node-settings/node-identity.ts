/**
 * This node's identity: its id and the key that signs its invitation codes, created on first
 * start and kept in node_settings (the key sealed with the master key), so every replica of
 * the node shares them.
 */
import { randomBytes, randomUUID } from "node:crypto";

import type { SecretBox } from "../crypto/secret-box";
import type { Db } from "../storage/store";
import { ensureSetting, NODE_SETTING_KEYS } from "./node-settings-repository";

/** Identity of this sync node. */
export interface NodeIdentity {
  /** UUID, written into the invitation codes this node issues. */
  readonly nodeId: string;
  /** 32-byte HS256 key for invitation codes. */
  readonly invitationKey: Uint8Array;
}

/** Loads (creating on first start) the node identity. */
export async function loadNodeIdentity(db: Db, box: SecretBox, now: number): Promise<NodeIdentity> {
  const nodeId = await ensureSetting(db, box, NODE_SETTING_KEYS.nodeId, {
    sealed: false,
    create: () => randomUUID(),
    now,
  });
  const key = await ensureSetting(db, box, NODE_SETTING_KEYS.invitationSigningKey, {
    sealed: true,
    create: () => randomBytes(32).toString("base64url"),
    now,
  });
  return { nodeId, invitationKey: Buffer.from(key, "base64url") };
}

/** What this node says about itself when it issues invitation codes and signs transport tokens. */
export interface IssuerContext {
  identity: NodeIdentity;
  /** This node's public URL, or null when private. */
  publicUrl: string | null;
  /** Invitation lifetime in ms. */
  ttlMs: number;
}

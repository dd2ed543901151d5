/** The `node_settings` table (created by migration 0001): key/value settings of this node. */
import type { Generated } from "kysely";

/** Key-value settings of this node (identity, keys, stored PAT); secrets are sealed. */
export interface NodeSettingsTable {
  key: string;
  value: string;
  /** 1 when `value` is secret-box sealed (context `node_settings:<key>`), else 0. */
  sealed: Generated<number>;
  updated_at: number;
}

declare module "../storage/database" {
  /** The node settings table. */
  interface Database {
    node_settings: NodeSettingsTable;
  }
}

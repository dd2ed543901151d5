/**
 * Migration 0006: `triggers.watermark_id`, the work item id that breaks ties at the watermark's
 * `System.ChangedDate`. With it the change-detection cursor is (ChangedDate, id), so more work
 * items than one poll reads sharing one ChangedDate (a bulk import, a bulk edit) are worked off
 * page by page instead of the same first page being read forever.
 */
import type { Kysely, Migration } from "kysely";

export const migration0006: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable("triggers").addColumn("watermark_id", "bigint").execute();
  },
  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable("triggers").dropColumn("watermark_id").execute();
  },
};

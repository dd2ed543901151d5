/**
 * The Kysely database type: every table of the sync node. Storage imports no slice: each slice
 * that owns tables adds them to `Database` by module augmentation in its own `*-tables.ts`
 * (`declare module "../storage/database" { interface Database { my_table: MyTable } }`), next
 * to its migrations. A migration that has shipped is never edited (docs/architecture.md,
 * "Storage").
 */

/** All tables, as Kysely sees them; filled in by the slices' table files. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface Database {}

/**
 * Work item rows and their revisions in SQLite. A save writes the current row and the
 * revision snapshot in one transaction.
 */
import type { EmulatorStore, FieldMap, RelationRow, RevisionRow, WorkItemRow } from "./store";

type Row = Record<string, unknown>;

function toWorkItem(r: Row): WorkItemRow {
  return {
    id: r.id as number,
    projectId: r.project_id as string,
    rev: r.rev as number,
    fields: JSON.parse(r.fields as string) as FieldMap,
    relations: JSON.parse(r.relations as string) as RelationRow[],
    formats: JSON.parse(r.formats as string) as Record<string, string>,
  };
}

function toRevision(r: Row): RevisionRow {
  return {
    workItemId: r.work_item_id as number,
    rev: r.rev as number,
    fields: JSON.parse(r.fields as string) as FieldMap,
    relations: JSON.parse(r.relations as string) as RelationRow[],
  };
}

/** The current state of a work item, or undefined. */
export function loadWorkItem(store: EmulatorStore, id: number): WorkItemRow | undefined {
  const row = store.db.prepare("SELECT * FROM work_items WHERE id = ?").get(id) as Row | undefined;
  return row ? toWorkItem(row) : undefined;
}

/** Every work item of the organization, by id. */
export function allWorkItems(store: EmulatorStore): WorkItemRow[] {
  return (store.db.prepare("SELECT * FROM work_items ORDER BY id").all() as Row[]).map(toWorkItem);
}

/** Reserves the next work item id (inserts a placeholder row at rev 0). */
export function reserveWorkItemId(store: EmulatorStore, projectId: string): number {
  const result = store.db
    .prepare(
      "INSERT INTO work_items (project_id, rev, fields, relations, formats) VALUES (?, 0, '{}', '[]', '{}')",
    )
    .run(projectId);
  return Number(result.lastInsertRowid);
}

/**
 * Saves `item` as its revision `item.rev`: the current row gets `currentFields` (without
 * per-revision values such as System.History); the snapshot keeps `revisionFields`.
 */
export function saveWorkItem(
  store: EmulatorStore,
  item: WorkItemRow,
  revisionFields: FieldMap,
): void {
  store.db
    .prepare(
      "UPDATE work_items SET project_id = ?, rev = ?, fields = ?, relations = ?, formats = ? WHERE id = ?",
    )
    .run(
      item.projectId,
      item.rev,
      JSON.stringify(item.fields),
      JSON.stringify(item.relations),
      JSON.stringify(item.formats),
      item.id,
    );
  store.db
    .prepare("INSERT INTO revisions (work_item_id, rev, fields, relations) VALUES (?, ?, ?, ?)")
    .run(item.id, item.rev, JSON.stringify(revisionFields), JSON.stringify(item.relations));
}

/** Every revision of a work item, oldest first. */
export function loadRevisions(store: EmulatorStore, id: number): RevisionRow[] {
  return (
    store.db.prepare("SELECT * FROM revisions WHERE work_item_id = ? ORDER BY rev").all(id) as Row[]
  ).map(toRevision);
}

/** The revision that was current at `asOf` (ISO), or undefined when the item did not exist. */
export function revisionAsOf(
  store: EmulatorStore,
  id: number,
  asOf: string,
): RevisionRow | undefined {
  const time = Date.parse(asOf);
  const revisions = loadRevisions(store, id).filter(
    (r) => Date.parse(String(r.fields["System.ChangedDate"])) <= time,
  );
  return revisions[revisions.length - 1];
}

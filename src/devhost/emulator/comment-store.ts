/**
 * Comment rows. The service keeps work item discussion as comments: a comment added through
 * the comments API and a `System.History` value written with a work item update are the same
 * thing, so both paths insert here.
 */
import type { EmulatorStore } from "./store";

/** Comment formats of the comments API (7.1-preview.4). */
export const COMMENT_FORMATS = ["markdown", "html"] as const;
export type CommentFormat = (typeof COMMENT_FORMATS)[number];

/** One stored comment. */
export interface CommentRow {
  id: number;
  workItemId: number;
  version: number;
  /** The text as written (Markdown or HTML). */
  text: string;
  /** HTML rendering. */
  rendered: string;
  format: CommentFormat;
  createdBy: string;
  createdDate: string;
  modifiedBy: string;
  modifiedDate: string;
  isDeleted: boolean;
}

type Row = Record<string, unknown>;

function toComment(r: Row): CommentRow {
  return {
    id: r.id as number,
    workItemId: r.work_item_id as number,
    version: r.version as number,
    text: r.text as string,
    rendered: r.rendered as string,
    format: r.format as CommentFormat,
    createdBy: r.created_by as string,
    createdDate: r.created_date as string,
    modifiedBy: r.modified_by as string,
    modifiedDate: r.modified_date as string,
    isDeleted: r.is_deleted === 1,
  };
}

/** Inserts a comment; returns its id. */
export function insertComment(
  store: EmulatorStore,
  c: {
    workItemId: number;
    text: string;
    rendered: string;
    format: CommentFormat;
    userId: string;
    date: string;
  },
): number {
  const result = store.db
    .prepare(
      `INSERT INTO comments (work_item_id, version, text, rendered, format, created_by, created_date, modified_by, modified_date)
       VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(c.workItemId, c.text, c.rendered, c.format, c.userId, c.date, c.userId, c.date);
  return Number(result.lastInsertRowid);
}

/** Updates a comment's text (version + 1) or marks it deleted. */
export function updateComment(
  store: EmulatorStore,
  id: number,
  change: {
    text?: string;
    rendered?: string;
    format?: CommentFormat;
    deleted?: boolean;
    userId: string;
    date: string;
  },
): void {
  const current = loadComment(store, id);
  if (!current) return;
  store.db
    .prepare(
      "UPDATE comments SET version = ?, text = ?, rendered = ?, format = ?, modified_by = ?, modified_date = ?, is_deleted = ? WHERE id = ?",
    )
    .run(
      current.version + 1,
      change.text ?? current.text,
      change.rendered ?? current.rendered,
      change.format ?? current.format,
      change.userId,
      change.date,
      change.deleted ? 1 : current.isDeleted ? 1 : 0,
      id,
    );
}

export function loadComment(store: EmulatorStore, id: number): CommentRow | undefined {
  const row = store.db.prepare("SELECT * FROM comments WHERE id = ?").get(id) as Row | undefined;
  return row ? toComment(row) : undefined;
}

/** Comments of a work item, oldest first. */
export function loadComments(store: EmulatorStore, workItemId: number): CommentRow[] {
  return (
    store.db
      .prepare("SELECT * FROM comments WHERE work_item_id = ? ORDER BY id")
      .all(workItemId) as Row[]
  ).map(toComment);
}

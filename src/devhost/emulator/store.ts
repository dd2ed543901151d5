/**
 * SQLite storage of one emulated organization (better-sqlite3, synchronous: every request
 * handler runs its reads and writes without yielding, so each REST call is atomic like the
 * service's own save). Rows hold ids and JSON; URLs are rendered per request.
 */
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";

import Database from "better-sqlite3";

/** A user or a group (groups have `isGroup`). */
export interface IdentityRow {
  id: string;
  displayName: string;
  /** Sign-in address (`uniqueName`); groups use `[org]\Group Name`. */
  email: string;
  isGroup: boolean;
}

/** A project of the organization. */
export interface ProjectRow {
  id: string;
  name: string;
  description: string;
  revision: number;
  lastUpdateTime: string;
}

/** One relation of a work item, as in the REST shape. */
export interface RelationRow {
  rel: string;
  url: string;
  attributes: Record<string, unknown>;
}

/** Field values keyed by reference name. Identity fields hold the identity id. */
export type FieldMap = Record<string, unknown>;

/** Current state of a work item. */
export interface WorkItemRow {
  id: number;
  projectId: string;
  rev: number;
  fields: FieldMap;
  relations: RelationRow[];
  /** `multilineFieldsFormat`: reference name -> "markdown" | "html". */
  formats: Record<string, string>;
}

/** One saved revision (a snapshot, like the revisions API answers). */
export interface RevisionRow {
  workItemId: number;
  rev: number;
  fields: FieldMap;
  relations: RelationRow[];
}

/** A credential: a user access token (Bearer) or a PAT (Basic). */
export interface CredentialRow {
  token: string;
  userId: string;
  kind: "access" | "pat";
  /** Scopes of a PAT; `["app_token"]` is a full-access token. */
  scopes: string[];
  /** Epoch ms; null never expires. */
  expiresAt: number | null;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS identities (id TEXT PRIMARY KEY, display_name TEXT NOT NULL,
  email TEXT NOT NULL COLLATE NOCASE UNIQUE, is_group INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS memberships (member_id TEXT NOT NULL, group_id TEXT NOT NULL,
  PRIMARY KEY (member_id, group_id));
CREATE TABLE IF NOT EXISTS projects (id TEXT PRIMARY KEY, name TEXT NOT NULL COLLATE NOCASE UNIQUE,
  description TEXT NOT NULL, revision INTEGER NOT NULL, last_update_time TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS nodes (id INTEGER PRIMARY KEY, identifier TEXT NOT NULL,
  project_id TEXT NOT NULL, structure TEXT NOT NULL, parent_id INTEGER, name TEXT NOT NULL,
  attributes TEXT);
CREATE TABLE IF NOT EXISTS work_items (id INTEGER PRIMARY KEY AUTOINCREMENT, project_id TEXT NOT NULL,
  rev INTEGER NOT NULL, fields TEXT NOT NULL, relations TEXT NOT NULL, formats TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS revisions (work_item_id INTEGER NOT NULL, rev INTEGER NOT NULL,
  fields TEXT NOT NULL, relations TEXT NOT NULL, PRIMARY KEY (work_item_id, rev));
CREATE TABLE IF NOT EXISTS comments (id INTEGER PRIMARY KEY AUTOINCREMENT, work_item_id INTEGER NOT NULL,
  version INTEGER NOT NULL, text TEXT NOT NULL, rendered TEXT NOT NULL, format TEXT NOT NULL,
  created_by TEXT NOT NULL, created_date TEXT NOT NULL, modified_by TEXT NOT NULL,
  modified_date TEXT NOT NULL, is_deleted INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS attachments (id TEXT PRIMARY KEY, file_name TEXT NOT NULL,
  content BLOB NOT NULL, uploaded_by TEXT NOT NULL, created_date TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS credentials (token TEXT PRIMARY KEY, user_id TEXT NOT NULL,
  kind TEXT NOT NULL, scopes TEXT NOT NULL, expires_at INTEGER);
`;

/** Data tables that `/_emulator/reset` empties (credentials and meta survive a reset). */
const DATA_TABLES = [
  "identities",
  "memberships",
  "projects",
  "nodes",
  "work_items",
  "revisions",
  "comments",
  "attachments",
];

/** A stable UUID derived from a name, so seeded ids survive restarts and resets. */
export function stableUuid(name: string): string {
  const h = createHash("sha256").update(name).digest("hex");
  const variant = ((parseInt(h[16], 16) & 0x3) | 0x8).toString(16);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-${variant}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

type Row = Record<string, unknown>;

/** The organization's database. Methods throw only on programming errors. */
export class EmulatorStore {
  readonly db: Database.Database;
  private lastTime = 0;

  /** Opens (creating the folder and file when missing) the database at `dataFile`. */
  constructor(dataFile: string) {
    if (dataFile !== ":memory:")
      mkdirSync(path.dirname(path.resolve(dataFile)), { recursive: true });
    this.db = new Database(dataFile);
    this.db.pragma("journal_mode = WAL");
    this.db.exec(SCHEMA);
  }

  close(): void {
    this.db.close();
  }

  /** Runs `fn` in one transaction (all or nothing). */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  /** Strictly increasing ISO timestamps (ms), so ChangedDate watermarks never tie. */
  now(): string {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return new Date(this.lastTime).toISOString();
  }

  meta(key: string): string | undefined {
    const row = this.db.prepare("SELECT value FROM meta WHERE key = ?").get(key) as Row | undefined;
    return row?.value as string | undefined;
  }

  setMeta(key: string, value: string): void {
    this.db.prepare("INSERT OR REPLACE INTO meta (key, value) VALUES (?, ?)").run(key, value);
  }

  /** Empties the data tables (keeps credentials, meta) and restarts work item ids at 1. */
  resetData(): void {
    this.transaction(() => {
      for (const table of DATA_TABLES) this.db.exec(`DELETE FROM ${table}`);
      this.db.exec("DELETE FROM sqlite_sequence WHERE name IN ('work_items', 'comments')");
    });
  }

  // Identities --------------------------------------------------------------------------

  addIdentity(row: IdentityRow): void {
    this.db
      .prepare("INSERT INTO identities (id, display_name, email, is_group) VALUES (?, ?, ?, ?)")
      .run(row.id, row.displayName, row.email, row.isGroup ? 1 : 0);
  }

  addMembership(memberId: string, groupId: string): void {
    this.db
      .prepare("INSERT OR IGNORE INTO memberships (member_id, group_id) VALUES (?, ?)")
      .run(memberId, groupId);
  }

  identities(): IdentityRow[] {
    return (this.db.prepare("SELECT * FROM identities ORDER BY display_name").all() as Row[]).map(
      toIdentity,
    );
  }

  identity(id: string): IdentityRow | undefined {
    const row = this.db.prepare("SELECT * FROM identities WHERE id = ? COLLATE NOCASE").get(id);
    return row ? toIdentity(row as Row) : undefined;
  }

  /** Every group `identityId` belongs to, directly or through nested groups. */
  groupsOf(identityId: string): Set<string> {
    const rows = this.db
      .prepare(
        `WITH RECURSIVE up(id) AS (SELECT group_id FROM memberships WHERE member_id = ?
           UNION SELECT m.group_id FROM memberships m JOIN up ON m.member_id = up.id)
         SELECT id FROM up`,
      )
      .all(identityId) as Row[];
    return new Set(rows.map((r) => r.id as string));
  }

  // Projects ----------------------------------------------------------------------------

  addProject(row: ProjectRow): void {
    this.db
      .prepare(
        "INSERT INTO projects (id, name, description, revision, last_update_time) VALUES (?, ?, ?, ?, ?)",
      )
      .run(row.id, row.name, row.description, row.revision, row.lastUpdateTime);
  }

  projects(): ProjectRow[] {
    return (this.db.prepare("SELECT * FROM projects ORDER BY name").all() as Row[]).map(toProject);
  }

  /** A project by id or (case-insensitive) name. */
  project(idOrName: string): ProjectRow | undefined {
    const row = this.db
      .prepare("SELECT * FROM projects WHERE id = ? COLLATE NOCASE OR name = ?")
      .get(idOrName, idOrName);
    return row ? toProject(row as Row) : undefined;
  }

  // Credentials -------------------------------------------------------------------------

  addCredential(row: CredentialRow): void {
    this.db
      .prepare(
        "INSERT INTO credentials (token, user_id, kind, scopes, expires_at) VALUES (?, ?, ?, ?, ?)",
      )
      .run(row.token, row.userId, row.kind, JSON.stringify(row.scopes), row.expiresAt);
  }

  credential(token: string, kind: CredentialRow["kind"]): CredentialRow | undefined {
    const row = this.db
      .prepare("SELECT * FROM credentials WHERE token = ? AND kind = ?")
      .get(token, kind) as Row | undefined;
    if (!row) return undefined;
    return {
      token: row.token as string,
      userId: row.user_id as string,
      kind,
      scopes: JSON.parse(row.scopes as string) as string[],
      expiresAt: (row.expires_at as number | null) ?? null,
    };
  }

  /** A fresh random secret for a token or PAT (52 chars like a real PAT). */
  static newSecret(): string {
    return (randomUUID() + randomUUID()).replace(/-/g, "").slice(0, 52);
  }
}

function toIdentity(r: Row): IdentityRow {
  return {
    id: r.id as string,
    displayName: r.display_name as string,
    email: r.email as string,
    isGroup: r.is_group === 1,
  };
}

function toProject(r: Row): ProjectRow {
  return {
    id: r.id as string,
    name: r.name as string,
    description: r.description as string,
    revision: r.revision as number,
    lastUpdateTime: r.last_update_time as string,
  };
}

/**
 * Server-side storage of extension data documents for one organization (the dev host's
 * `ms.vss-features.extension-data-service`), in a JSON file such as
 * `.data/contoso/extension-data.json`, so values like `syncNodeUrl` survive reloads and
 * restarts. Semantics follow Azure DevOps' extension data service:
 * - every document has an `id` and an `__etag` (a counter starting at 1);
 * - create fails with 409 when the id exists; update fails with 404 when it does not;
 * - create-or-set and update check `__etag` unless it is -1 (overwrite) or absent (set only);
 * - a missing document is a 404; a missing collection lists as empty.
 */
import { randomUUID } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import path from "node:path";

/** A stored document. */
export type ExtensionDocument = Record<string, unknown> & { id: string; __etag: number };

/** Where a collection lives: extension ("publisher.extension"), scope and collection name. */
export interface CollectionKey {
  extensionId: string;
  scopeType: string;
  scopeValue: string;
  collection: string;
}

/** A refusal with the HTTP status the data API answers. */
export class ExtensionDataConflict extends Error {
  constructor(
    readonly status: 404 | 409,
    message: string,
  ) {
    super(message);
  }
}

type FileShape = Record<string, Record<string, ExtensionDocument>>;

/** JSON-file document store of one organization. */
export class ExtensionDataStore {
  constructor(private readonly file: string) {}

  /** Lists a collection's documents (empty when the collection does not exist). */
  list(key: CollectionKey): ExtensionDocument[] {
    return Object.values(this.read()[collectionId(key)] ?? {});
  }

  /** @throws ExtensionDataConflict 404 when the document does not exist */
  get(key: CollectionKey, id: string): ExtensionDocument {
    const doc = this.read()[collectionId(key)]?.[id];
    if (!doc) throw new ExtensionDataConflict(404, `Document ${id} does not exist.`);
    return doc;
  }

  /** @throws ExtensionDataConflict 409 when a document with this id exists */
  create(key: CollectionKey, input: Record<string, unknown>): ExtensionDocument {
    return this.change(key, (docs) => {
      const id = typeof input.id === "string" && input.id ? input.id : randomUUID();
      if (docs[id]) throw new ExtensionDataConflict(409, `Document ${id} already exists.`);
      return (docs[id] = { ...input, id, __etag: 1 });
    });
  }

  /** Creates or replaces; checks `__etag` when given and not -1. */
  set(key: CollectionKey, input: Record<string, unknown>): ExtensionDocument {
    return this.change(key, (docs) => {
      const id = typeof input.id === "string" && input.id ? input.id : randomUUID();
      const existing = docs[id];
      if (existing) checkEtag(existing, input.__etag);
      return (docs[id] = { ...input, id, __etag: (existing?.__etag ?? 0) + 1 });
    });
  }

  /** @throws ExtensionDataConflict 404 when missing, 409 on an `__etag` mismatch */
  update(key: CollectionKey, input: Record<string, unknown>): ExtensionDocument {
    return this.change(key, (docs) => {
      const id = String(input.id ?? "");
      const existing = docs[id];
      if (!existing) throw new ExtensionDataConflict(404, `Document ${id} does not exist.`);
      checkEtag(existing, input.__etag);
      return (docs[id] = { ...input, id, __etag: existing.__etag + 1 });
    });
  }

  /** @throws ExtensionDataConflict 404 when the document does not exist */
  delete(key: CollectionKey, id: string): void {
    this.change(key, (docs) => {
      if (!docs[id]) throw new ExtensionDataConflict(404, `Document ${id} does not exist.`);
      delete docs[id];
      return undefined;
    });
  }

  private change<T>(key: CollectionKey, apply: (docs: Record<string, ExtensionDocument>) => T): T {
    const data = this.read();
    const docs = (data[collectionId(key)] ??= {});
    const result = apply(docs);
    this.write(data);
    return result;
  }

  private read(): FileShape {
    try {
      return JSON.parse(readFileSync(this.file, "utf8")) as FileShape;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return {};
      throw error;
    }
  }

  private write(data: FileShape): void {
    mkdirSync(path.dirname(this.file), { recursive: true });
    const temporary = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify(data, null, 2));
    renameSync(temporary, this.file); // Atomic on one file system: no half-written file.
  }
}

function collectionId(key: CollectionKey): string {
  return [key.extensionId, key.scopeType, key.scopeValue, key.collection].join("|");
}

function checkEtag(existing: ExtensionDocument, etag: unknown): void {
  if (etag === undefined || etag === -1) return;
  if (etag !== existing.__etag) {
    throw new ExtensionDataConflict(
      409,
      `Document ${existing.id} has changed (etag ${existing.__etag}, not ${String(etag)}).`,
    );
  }
}

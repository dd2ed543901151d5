/**
 * The host's extension data service (`ms.vss-features.extension-data-service`): an
 * `IExtensionDataManager` per extension whose documents live on the dev host server, per
 * organization, behind the same REST shape Azure DevOps uses
 * (`_apis/ExtensionManagement/InstalledExtensions/{publisher}/{extension}/Data/Scopes/
 * {scopeType}/{scopeValue}/Collections/{collection}/Documents[/{id}]`).
 * Values (`getValue`/`setValue`) are documents `{id: key, value}` in the `$settings`
 * collection, as in the real service; `setValue` overwrites (`__etag: -1`).
 */

/** Scope options of every call (`IDocumentOptions` of azure-devops-extension-api). */
export interface DocumentOptions {
  scopeType?: string;
  scopeValue?: string;
  defaultValue?: unknown;
}

/** A stored document: `id` plus the `__etag` concurrency counter, plus any JSON members. */
export type ExtensionDocument = Record<string, unknown> & { id?: string; __etag?: number };

/** An HTTP failure of the data API, with the status the hub can branch on. */
export class ExtensionDataError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ExtensionDataError";
  }
}

const SETTINGS_COLLECTION = "$settings";

/**
 * Creates the manager for one extension.
 * @param base dev host path of the organization's ExtensionManagement API
 * @param extensionId "publisher.extension"
 * @param accessToken the caller's access token, sent as `Authorization: Bearer`
 * @param userId the signed-in user's id; the "Me" scope value resolves to it
 */
export function createExtensionDataManager(
  base: string,
  extensionId: string,
  accessToken: string,
  userId: string,
) {
  const [publisher, extension] = extensionId.split(".");
  const url = (collection: string, options: DocumentOptions | undefined, id?: string) => {
    const scopeType = options?.scopeType ?? "Default";
    const rawValue = options?.scopeValue ?? (scopeType === "User" ? "Me" : "Current");
    const scopeValue = rawValue === "Me" ? userId : rawValue;
    const parts = [publisher, extension, "Data/Scopes", scopeType, scopeValue, "Collections"];
    const path = `${base}/InstalledExtensions/${parts.map(encodeSegment).join("/")}`;
    const tail = id === undefined ? "" : `/${encodeURIComponent(id)}`;
    return `${path}/${encodeURIComponent(collection)}/Documents${tail}`;
  };
  const call = (method: string, target: string, body?: unknown) =>
    request(method, target, accessToken, body);

  return {
    async getValue(key: string, options?: DocumentOptions): Promise<unknown> {
      try {
        const doc = (await call(
          "GET",
          url(SETTINGS_COLLECTION, options, key),
        )) as ExtensionDocument;
        return doc.value;
      } catch (error) {
        if (error instanceof ExtensionDataError && error.status === 404)
          return options?.defaultValue;
        throw error;
      }
    },
    async setValue(key: string, value: unknown, options?: DocumentOptions): Promise<unknown> {
      await call("PUT", url(SETTINGS_COLLECTION, options), { id: key, __etag: -1, value });
      return value;
    },
    getDocument: (collection: string, id: string, options?: DocumentOptions) =>
      call("GET", url(collection, options, id)),
    getDocuments: (collection: string, options?: DocumentOptions) =>
      call("GET", url(collection, options)),
    createDocument: (collection: string, doc: ExtensionDocument, options?: DocumentOptions) =>
      call("POST", url(collection, options), doc),
    setDocument: (collection: string, doc: ExtensionDocument, options?: DocumentOptions) =>
      call("PUT", url(collection, options), doc),
    updateDocument: (collection: string, doc: ExtensionDocument, options?: DocumentOptions) =>
      call("PATCH", url(collection, options), doc),
    async deleteDocument(collection: string, id: string, options?: DocumentOptions) {
      await call("DELETE", url(collection, options, id));
    },
    queryCollectionsByName: (names: string[]) =>
      Promise.all(
        names.map(async (collectionName) => ({
          collectionName,
          scopeType: "Default",
          scopeValue: "Current",
          documents: await call("GET", url(collectionName, undefined)),
        })),
      ),
  };
}

function encodeSegment(segment: string): string {
  return segment.split("/").map(encodeURIComponent).join("/");
}

async function request(method: string, url: string, token: string, body?: unknown) {
  const response = await fetch(url, {
    method,
    headers: {
      Authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  const payload: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const message = (payload as { message?: string } | undefined)?.message ?? response.statusText;
    throw new ExtensionDataError(message, response.status);
  }
  return payload;
}

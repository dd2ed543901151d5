/**
 * REST routes of the dev host's extension data service, on the path Azure DevOps uses:
 * `/{org}/_apis/ExtensionManagement/InstalledExtensions/{publisher}/{extension}/Data/Scopes/
 * {scopeType}/{scopeValue}/Collections/{collection}/Documents[/{id}]`.
 * GET lists or reads, POST creates, PUT creates or replaces, PATCH updates, DELETE removes.
 * Every call must carry `Authorization: Bearer <access token>` (as the real service requires);
 * the token is not checked further here.
 */
import path from "node:path";

import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { Type } from "typebox";

import type { DevOrganization } from "../process/dev-organization";
import {
  type CollectionKey,
  ExtensionDataConflict,
  ExtensionDataStore,
} from "./extension-data-store";

/** File name of an organization's extension data under its data folder. */
export const EXTENSION_DATA_FILE = "extension-data.json";

const BASE =
  "/:org/_apis/ExtensionManagement/InstalledExtensions/:publisher/:extension/Data/Scopes/:scopeType/:scopeValue/Collections/:collection/Documents";

interface Params {
  org: string;
  publisher: string;
  extension: string;
  scopeType: string;
  scopeValue: string;
  collection: string;
  id?: string;
}

const DocumentBody = Type.Object({}, { additionalProperties: true });

/** Registers the extension data routes for `organizations`. */
export function registerExtensionDataRoutes(
  app: FastifyInstance,
  organizations: ReadonlyMap<string, DevOrganization>,
): void {
  const stores = new Map<string, ExtensionDataStore>();
  const storeOf = (org: DevOrganization) => {
    let store = stores.get(org.name);
    if (!store) {
      store = new ExtensionDataStore(path.join(org.dataDir, EXTENSION_DATA_FILE));
      stores.set(org.name, store);
    }
    return store;
  };
  type Handler = (
    store: ExtensionDataStore,
    key: CollectionKey,
    req: FastifyRequest<{ Params: Params }>,
  ) => unknown;
  const handle =
    (run: Handler) => async (req: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
      const organization = organizations.get(req.params.org);
      if (!organization)
        return reply.code(404).send({ message: `No organization ${req.params.org}.` });
      if (!/^Bearer .+/.test(req.headers.authorization ?? "")) {
        return reply.code(401).send({ message: "An access token is required." });
      }
      const { publisher, extension, scopeType, scopeValue, collection } = req.params;
      const key = { extensionId: `${publisher}.${extension}`, scopeType, scopeValue, collection };
      try {
        const result = run(storeOf(organization), key, req);
        return result === undefined ? reply.code(204).send() : result;
      } catch (error) {
        if (error instanceof ExtensionDataConflict) {
          return reply.code(error.status).send({ message: error.message });
        }
        throw error;
      }
    };
  const body = (req: FastifyRequest) => req.body as Record<string, unknown>;
  const withBody = { schema: { body: DocumentBody } };

  app.get(
    BASE,
    handle((store, key) => store.list(key)),
  );
  app.get(
    `${BASE}/:id`,
    handle((store, key, req) => store.get(key, req.params.id ?? "")),
  );
  app.post(
    BASE,
    withBody,
    handle((store, key, req) => store.create(key, body(req))),
  );
  app.put(
    BASE,
    withBody,
    handle((store, key, req) => store.set(key, body(req))),
  );
  app.patch(
    BASE,
    withBody,
    handle((store, key, req) => store.update(key, body(req))),
  );
  app.delete(
    `${BASE}/:id`,
    handle((store, key, req) => store.delete(key, req.params.id ?? "")),
  );
}

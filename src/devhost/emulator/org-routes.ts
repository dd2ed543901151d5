/**
 * Everything under `/{organization}`: body parsers (JSON Patch, binary uploads), the
 * request hooks, and one registration per resource area.
 */
import type { FastifyInstance } from "fastify";

import { registerAttachments } from "./attachments";
import { registerClassification } from "./classification";
import { registerComments } from "./comments";
import type { OrgSettings } from "./context";
import { registerFields } from "./fields";
import { registerIdentity } from "./identity";
import { registerOrgHooks } from "./org-hooks";
import { registerPermissions } from "./permissions";
import { registerProjects } from "./projects";
import { registerTypes } from "./types";
import { registerWiql } from "./wiql";
import { registerHistory } from "./work-item-history";
import { registerWorkItems } from "./work-items";

/** Registers the organization's parsers, hooks and routes. */
export function registerOrgRoutes(
  app: FastifyInstance,
  settings: OrgSettings,
  baseDelayMs: number,
) {
  app.addContentTypeParser(
    "application/json-patch+json",
    { parseAs: "string" },
    (_req, body, done) => {
      try {
        done(null, JSON.parse(String(body)));
      } catch (error) {
        done(error as Error, undefined);
      }
    },
  );
  app.addContentTypeParser("application/octet-stream", { parseAs: "buffer" }, (_req, body, done) =>
    done(null, body),
  );
  registerOrgHooks(app, settings, baseDelayMs);
  registerProjects(app, settings);
  registerIdentity(app, settings);
  registerPermissions(app, settings);
  registerWorkItems(app, settings);
  registerClassification(app, settings);
  registerWiql(app, settings);
  registerHistory(app, settings);
  registerComments(app, settings);
  registerAttachments(app, settings);
  registerTypes(app, settings);
  registerFields(app, settings);
}

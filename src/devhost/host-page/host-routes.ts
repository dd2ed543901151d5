/**
 * Routes of the dev host's pages: the Exalate settings page framing the hub, the other
 * Organization settings pages, the page assets, and the token endpoints the page script calls
 * for `getAppToken` / `getAccessToken`.
 */
import type { FastifyInstance, FastifyReply } from "fastify";
import { Type } from "typebox";

import type { DevOrganization } from "../process/dev-organization";
import { mintAppToken } from "./app-token";
import {
  DEV_USERS,
  type DevUser,
  HANDSHAKE_MODES,
  type HandshakeMode,
  type HostPageConfig,
} from "./browser/page-config";
import { THEME_NAMES, type ThemeName } from "./browser/theme-data";
import type { HostAssets } from "./host-bundle";
import { type ChromeOptions, renderHubPage, renderSettingsPage } from "./host-page-html";
import { html } from "./html";
import { EXALATE_PAGE_ID, findSettingsPage } from "./settings-nav";

/** What the page routes need. */
export interface HostRouteDeps {
  organizations: ReadonlyMap<string, DevOrganization>;
  /** Origin serving dist/hub, e.g. http://127.0.0.1:3001 (another origin than the pages). */
  hubOrigin: string;
  appSecret: string;
  assets: HostAssets;
  /** Audience claim of app tokens (identifies the extension). */
  appTokenAudience: string;
  extensionVersion: string;
}

const literalUnion = <T extends readonly string[]>(values: T) =>
  Type.Union(values.map((v) => Type.Literal(v)));

const HubPageQuery = Type.Object({
  handshake: Type.Optional(literalUnion(HANDSHAKE_MODES)),
  user: Type.Optional(literalUnion(DEV_USERS)),
  theme: Type.Optional(literalUnion(THEME_NAMES)),
  clipboard: Type.Optional(Type.Literal("blocked")),
});
type HubPageQueryType = {
  handshake?: HandshakeMode;
  user?: DevUser;
  theme?: ThemeName;
  clipboard?: "blocked";
};

const TokenBody = Type.Object({ user: Type.Optional(literalUnion(DEV_USERS)) });

/** Registers the page, asset and token routes. */
export function registerHostRoutes(app: FastifyInstance, deps: HostRouteDeps): void {
  const org = (name: string, reply: FastifyReply) => {
    const found = deps.organizations.get(name);
    if (!found) void reply.code(404).type("text/plain").send(`No emulated organization "${name}".`);
    return found;
  };

  app.get("/_devhost/host-page.js", (_req, reply) =>
    reply.type("text/javascript").send(deps.assets.script),
  );
  app.get("/_devhost/theme.js", (_req, reply) =>
    reply.type("text/javascript").send(deps.assets.themeScript),
  );
  app.get("/_devhost/host-page.css", (_req, reply) =>
    reply.type("text/css").send(deps.assets.stylesheet),
  );
  app.get("/favicon.ico", (_req, reply) => reply.code(204).send());
  app.get("/", (_req, reply) => reply.type("text/html").send(renderIndex(deps.organizations)));
  app.get<{ Params: { org: string } }>("/:org", (req, reply) =>
    reply.redirect(`/${req.params.org}/_settings/organizationOverview`),
  );
  app.get<{ Params: { org: string } }>("/:org/_settings", (req, reply) =>
    reply.redirect(`/${req.params.org}/_settings/organizationOverview`),
  );

  app.get<{ Params: { org: string; page: string }; Querystring: HubPageQueryType }>(
    "/:org/_settings/:page",
    { schema: { querystring: HubPageQuery } },
    async (req, reply) => {
      const organization = org(req.params.org, reply);
      if (!organization) return reply;
      const page = findSettingsPage(req.params.page);
      if (!page) return reply.code(404).type("text/plain").send("No such settings page.");
      const userKey = req.query.user ?? "ada";
      const user = await organization.user(userKey);
      const chrome: ChromeOptions = {
        organization: organization.name,
        breadcrumb: ["Settings", page.label],
        selected: page.id,
        userDisplayName: user.displayName,
        title: `${page.label} - Settings`,
      };
      reply.type("text/html");
      if (page.id !== EXALATE_PAGE_ID)
        return renderSettingsPage(chrome, settingsBody(organization, page.label));
      return renderHubPage(chrome, pageConfig(deps, organization, req.query, userKey, user));
    },
  );

  app.post<{ Params: { org: string }; Body: { user?: DevUser } }>(
    "/_devhost/api/:org/app-token",
    { schema: { body: TokenBody } },
    async (req, reply) => {
      const organization = org(req.params.org, reply);
      if (!organization) return reply;
      const user = await organization.user(req.body.user ?? "ada");
      const token = await mintAppToken(
        { userId: user.id, tenantId: organization.tenantId, audience: deps.appTokenAudience },
        deps.appSecret,
      );
      return { token };
    },
  );

  app.post<{ Params: { org: string }; Body: { user?: DevUser } }>(
    "/_devhost/api/:org/access-token",
    { schema: { body: TokenBody } },
    async (req, reply) => {
      const organization = org(req.params.org, reply);
      if (!organization) return reply;
      return { token: await organization.accessToken(req.body.user ?? "ada") };
    },
  );
}

function pageConfig(
  deps: HostRouteDeps,
  organization: DevOrganization,
  query: HubPageQueryType,
  userKey: DevUser,
  user: HostPageConfig["user"],
): HostPageConfig {
  return {
    organization: organization.name,
    organizationUrl: organization.url,
    hubUrl: `${deps.hubOrigin}/hub.html`,
    handshake: query.handshake ?? "current",
    theme: query.theme ?? "light",
    clipboardAllowed: query.clipboard !== "blocked",
    user,
    userKey,
    host: organization.host,
    extension: {
      id: "idalko-tools.exalate",
      publisherId: "idalko-tools",
      extensionId: "exalate",
      version: deps.extensionVersion,
      baseUri: deps.hubOrigin,
    },
    contributionId: EXALATE_PAGE_ID,
    apiBase: `/_devhost/api/${organization.name}`,
    extensionDataBase: `/${organization.name}/_apis/ExtensionManagement`,
  };
}

function settingsBody(organization: DevOrganization, label: string) {
  if (label !== "Overview") {
    return html`<h1>${label}</h1>
      <p class="secondary-text">
        The dev host does not emulate this page. Open
        <a href="/${organization.name}/_settings/${EXALATE_PAGE_ID}">Extensions &gt; Exalate</a>.
      </p>`;
  }
  return html`<h1>Overview</h1>
    <div class="card">
      <h2>Organization information</h2>
      <p>Name: <strong>${organization.name}</strong></p>
      <p>URL: <code>${organization.url}</code></p>
      <p>Sync node: <code>${organization.nodeUrl ?? "not running"}</code></p>
      <p><a href="/${organization.name}/_boards">Open Boards</a></p>
    </div>`;
}

function renderIndex(organizations: ReadonlyMap<string, DevOrganization>): string {
  const rows = [...organizations.values()].map(
    (o) =>
      html`<li>
        <strong>${o.name}</strong>:
        <a href="/${o.name}/_settings/${EXALATE_PAGE_ID}">Exalate settings</a> &middot;
        <a href="/${o.name}/_boards">Boards</a>
      </li>`,
  );
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <title>Dev host</title>
        <link rel="stylesheet" href="/_devhost/host-page.css" />
      </head>
      <body>
        <div class="settings-page">
          <h1>Azure DevOps dev host</h1>
          <ul>
            ${rows}
          </ul>
        </div>
        <script src="/_devhost/theme.js"></script>
      </body>
    </html>`.value;
}

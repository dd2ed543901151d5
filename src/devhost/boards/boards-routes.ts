/**
 * The dev host's Boards pages per organization (`/{org}/_boards`): list, create and edit work
 * items (title, description, state, assignee, tags) and add comments, through the
 * organization's emulator REST API, so a person can watch a sync happen.
 */
import type { FastifyInstance, FastifyReply } from "fastify";

import type { DevUser } from "../host-page/browser/page-config";
import { renderChrome } from "../host-page/host-page-html";
import { html, type SafeHtml } from "../host-page/html";
import type { DevOrganization } from "../process/dev-organization";
import { BoardsApiError, boardsClient, type WorkItemEdit } from "./boards-client";
import { renderBoardItem, renderBoardList } from "./boards-html";

type Form = Record<string, string>;
const PEOPLE: DevUser[] = ["ada", "max"];

/** Registers the Boards routes (HTML forms, `application/x-www-form-urlencoded`). */
export function registerBoardsRoutes(
  app: FastifyInstance,
  organizations: ReadonlyMap<string, DevOrganization>,
): void {
  app.addContentTypeParser(
    "application/x-www-form-urlencoded",
    { parseAs: "string" },
    (_req, body, done) => done(null, Object.fromEntries(new URLSearchParams(String(body)))),
  );
  const page = async (
    org: string,
    reply: FastifyReply,
    title: string,
    build: (o: DevOrganization) => Promise<SafeHtml>,
  ) => {
    const organization = organizations.get(org);
    if (!organization)
      return reply.code(404).type("text/plain").send(`No emulated organization "${org}".`);
    const ada = await organization.user("ada");
    let body: SafeHtml;
    try {
      body = await build(organization);
    } catch (error) {
      if (!(error instanceof BoardsApiError)) throw error;
      reply.code(error.status >= 500 ? 502 : error.status);
      body = html`<h1>Boards</h1>
        <p role="alert">Azure DevOps answered ${error.status}: ${error.message}</p>`;
    }
    const chrome = {
      organization: org,
      breadcrumb: ["Boards", title],
      userDisplayName: ada.displayName,
      title: `${title} - Boards`,
    };
    return reply
      .type("text/html")
      .send(renderChrome(chrome, html`<div class="settings-page">${body}</div>`));
  };

  app.get<{ Params: { org: string }; Querystring: { project?: string } }>(
    "/:org/_boards",
    (req, reply) =>
      page(req.params.org, reply, "Work items", async (organization) => {
        const client = boardsClient(organization);
        const projects = (await client.projects()).map((p) => p.name);
        const project =
          req.query.project && projects.includes(req.query.project)
            ? req.query.project
            : projects[0];
        if (!project)
          return html`<h1>Work items</h1>
            <p>This organization has no projects.</p>`;
        const [types, items, people] = await Promise.all([
          client.types(project),
          client.list(project),
          peopleOf(organization),
        ]);
        return renderBoardList({
          organization: organization.name,
          projects,
          project,
          types: types.map((t) => t.name),
          items,
          people,
        });
      }),
  );

  app.get<{ Params: { org: string; id: string } }>("/:org/_boards/:id", (req, reply) =>
    page(req.params.org, reply, `Work item ${req.params.id}`, async (organization) => {
      const client = boardsClient(organization);
      const item = await client.get(Number(req.params.id));
      const project = String(item.fields["System.TeamProject"]);
      const type = String(item.fields["System.WorkItemType"]);
      const [states, comments, people] = await Promise.all([
        client.states(project, type),
        client.comments(project, item.id),
        peopleOf(organization),
      ]);
      return renderBoardItem({
        organization: organization.name,
        item,
        states: states.map((s) => s.name),
        comments,
        people,
      });
    }),
  );

  app.post<{ Params: { org: string }; Body: Form }>("/:org/_boards/create", async (req, reply) => {
    const organization = organizations.get(req.params.org);
    if (!organization) return reply.code(404).send();
    const { project = "", type = "Task" } = req.body;
    const created = await boardsClient(organization).create(project, type, editOf(req.body));
    return reply.redirect(`/${organization.name}/_boards/${created.id}`, 303);
  });

  app.post<{ Params: { org: string; id: string }; Body: Form }>(
    "/:org/_boards/:id",
    async (req, reply) => {
      const organization = organizations.get(req.params.org);
      if (!organization) return reply.code(404).send();
      await boardsClient(organization).update(Number(req.params.id), editOf(req.body));
      return reply.redirect(`/${organization.name}/_boards/${req.params.id}`, 303);
    },
  );

  app.post<{ Params: { org: string; id: string }; Body: Form }>(
    "/:org/_boards/:id/comments",
    async (req, reply) => {
      const organization = organizations.get(req.params.org);
      if (!organization) return reply.code(404).send();
      const client = boardsClient(organization);
      const item = await client.get(Number(req.params.id));
      await client.addComment(
        String(item.fields["System.TeamProject"]),
        item.id,
        req.body.text ?? "",
      );
      return reply.redirect(`/${organization.name}/_boards/${item.id}`, 303);
    },
  );
}

/** Form fields -> edits; empty optional fields are left out on create, cleared on edit. */
function editOf(form: Form): WorkItemEdit {
  return {
    title: form.title,
    description: form.description,
    state: form.state || undefined,
    assignedTo: form.assignedTo,
    tags: form.tags,
  };
}

async function peopleOf(organization: DevOrganization): Promise<string[]> {
  const users = await Promise.all(PEOPLE.map((key) => organization.user(key)));
  return users.map((u) => `${u.displayName} <${u.name}>`);
}

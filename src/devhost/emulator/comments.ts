/**
 * Work item comments (wit/7.1-preview.4, a preview resource: the api-version must carry
 * `-preview`): list, get, add (`?format=markdown|html`, default html), update, delete. Adding or
 * deleting a comment saves a new work item revision (System.History, System.CommentCount),
 * as the service does. Markdown is rendered with `marked`; HTML is sanitized (case S8).
 */
import type { FastifyInstance, FastifyRequest } from "fastify";
import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

import { commentNotFound, invalidArgument, projectNotFound, workItemNotFound } from "./ado-errors";
import {
  COMMENT_FORMATS,
  type CommentFormat,
  type CommentRow,
  insertComment,
  loadComment,
  loadComments,
  updateComment,
} from "./comment-store";
import { type OrgSettings, queryParam } from "./context";
import { saveSystemRevision } from "./work-item-save";
import { renderValue } from "./work-item-shape";
import { loadWorkItem } from "./work-item-store";

type Params = { project: string; id: string; commentId?: string };
type Body = { text?: unknown };

/** Tags and attributes kept in HTML comments (sanitize-html defaults plus images). */
const SANITIZE: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img"],
  allowedAttributes: {
    ...sanitizeHtml.defaults.allowedAttributes,
    img: ["src", "alt", "title", "width", "height"],
  },
};

/** Stored text and HTML rendering of a comment in `format`. */
export function renderComment(
  text: string,
  format: CommentFormat,
): { text: string; rendered: string } {
  if (format === "markdown") return { text, rendered: marked.parse(text, { async: false }).trim() };
  const clean = sanitizeHtml(text, SANITIZE);
  return { text: clean, rendered: clean };
}

function readFormat(request: FastifyRequest, fallback: CommentFormat): CommentFormat {
  const raw = queryParam(request, "format")?.toLowerCase();
  if (raw === undefined) return fallback;
  if (!COMMENT_FORMATS.includes(raw as CommentFormat))
    throw invalidArgument(`The comment format '${raw}' is not valid. Use markdown or html.`);
  return raw as CommentFormat;
}

function readText(body: Body | undefined): string {
  if (typeof body?.text !== "string" || body.text.trim() === "")
    throw invalidArgument("The comment text is required.");
  return body.text;
}

function commentShape(
  settings: OrgSettings,
  request: FastifyRequest<{ Params: Params }>,
  c: CommentRow,
) {
  const base = request.ado.baseUrl;
  const expand = queryParam(request, "$expand")?.toLowerCase() ?? "";
  const identity = (id: string) => renderValue(settings.store, "System.CreatedBy", id, base);
  return {
    workItemId: c.workItemId,
    id: c.id,
    commentId: c.id,
    version: c.version,
    text: expand === "renderedtextonly" ? undefined : c.text,
    ...(expand.includes("renderedtext") || expand === "all" ? { renderedText: c.rendered } : {}),
    format: c.format,
    createdBy: identity(c.createdBy),
    createdDate: c.createdDate,
    modifiedBy: identity(c.modifiedBy),
    modifiedDate: c.modifiedDate,
    isDeleted: c.isDeleted,
    mentions: [],
    reactions: [],
    url: `${base}/${encodeURIComponent(request.params.project)}/_apis/wit/workItems/${c.workItemId}/comments/${c.id}`,
  };
}

function context(settings: OrgSettings, request: FastifyRequest<{ Params: Params }>) {
  if (!settings.store.project(request.params.project))
    throw projectNotFound(request.params.project);
  const item = loadWorkItem(settings.store, Number(request.params.id));
  if (!item || item.rev === 0) throw workItemNotFound(request.params.id);
  const save = { settings, callerId: request.ado.caller.user.id, bypassRules: false };
  return { item, save };
}

function existing(
  settings: OrgSettings,
  request: FastifyRequest<{ Params: Params }>,
  workItemId: number,
) {
  const comment = loadComment(settings.store, Number(request.params.commentId));
  const includeDeleted =
    queryParam(request, "includeDeleted") === "true" || request.method !== "GET";
  if (!comment || comment.workItemId !== workItemId || (comment.isDeleted && !includeDeleted)) {
    throw commentNotFound(workItemId, Number(request.params.commentId));
  }
  return comment;
}

/** Registers the comment routes. */
export function registerComments(app: FastifyInstance, settings: OrgSettings) {
  const { store } = settings;
  const path = "/:project/_apis/wit/workitems/:id/comments";
  const read = { config: { scope: "vso.work" as const, preview: true } };
  const write = { config: { scope: "vso.work_write" as const, preview: true } };

  app.get<{ Params: Params }>(path, read, async (request) => {
    const { item } = context(settings, request);
    const ids = queryParam(request, "ids")?.split(",").map(Number);
    const includeDeleted = queryParam(request, "includeDeleted") === "true";
    let all = loadComments(store, item.id).filter(
      (c) => (includeDeleted || !c.isDeleted) && (!ids || ids.includes(c.id)),
    );
    if ((queryParam(request, "order") ?? "desc").toLowerCase() === "desc") all = all.reverse();
    const start = Number(queryParam(request, "continuationToken") ?? 0);
    const top = Number(queryParam(request, "$top") ?? 200);
    const pageItems = all.slice(start, start + top);
    const more = start + top < all.length;
    return {
      totalCount: all.length,
      count: pageItems.length,
      comments: pageItems.map((c) => commentShape(settings, request, c)),
      ...(more
        ? {
            continuationToken: String(start + top),
            nextPage: `${request.ado.baseUrl}${request.url.split("?")[0].replace(`/${settings.organization}`, "")}?continuationToken=${start + top}`,
          }
        : {}),
    };
  });

  app.get<{ Params: Params }>(`${path}/:commentId`, read, async (request) => {
    const { item } = context(settings, request);
    return commentShape(settings, request, existing(settings, request, item.id));
  });

  app.post<{ Params: Params; Body: Body }>(path, write, async (request) => {
    const { item, save } = context(settings, request);
    const { text, rendered } = renderComment(readText(request.body), readFormat(request, "html"));
    const id = store.transaction(() => {
      const saved = saveSystemRevision(
        save,
        item.id,
        { "System.CommentCount": Number(item.fields["System.CommentCount"] ?? 0) + 1 },
        rendered,
      );
      return insertComment(store, {
        workItemId: item.id,
        text,
        rendered,
        format: readFormat(request, "html"),
        userId: save.callerId,
        date: String(saved.fields["System.ChangedDate"]),
      });
    });
    return commentShape(settings, request, loadComment(store, id)!);
  });

  app.patch<{ Params: Params; Body: Body }>(`${path}/:commentId`, write, async (request) => {
    const { item, save } = context(settings, request);
    const comment = existing(settings, request, item.id);
    const format = readFormat(request, comment.format);
    const { text, rendered } = renderComment(readText(request.body), format);
    updateComment(store, comment.id, {
      text,
      rendered,
      format,
      userId: save.callerId,
      date: store.now(),
    });
    return commentShape(settings, request, loadComment(store, comment.id)!);
  });

  app.delete<{ Params: Params }>(`${path}/:commentId`, write, async (request) => {
    const { item, save } = context(settings, request);
    const comment = existing(settings, request, item.id);
    store.transaction(() => {
      updateComment(store, comment.id, { deleted: true, userId: save.callerId, date: store.now() });
      saveSystemRevision(save, item.id, {
        "System.CommentCount": Math.max(0, Number(item.fields["System.CommentCount"] ?? 1) - 1),
      });
    });
    // The service answers 200 with the deleted comment (wit/7.1 Comments_Delete).
    return commentShape(settings, request, loadComment(store, comment.id)!);
  });
}

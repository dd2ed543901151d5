/**
 * Work item comments (wit/7.1-preview.4, a preview resource: the api-version must carry
 * `-preview`): list, get, add (`?format=markdown|html`, default html), update, delete. Adding or
 * deleting a comment saves a new work item revision (System.History, System.CommentCount),
 * as the service does. Markdown is rendered with `marked`; HTML is sanitized.
 */
import type { FastifyInstance, FastifyRequest } from "fastify";

import { commentNotFound, projectNotFound, workItemNotFound } from "./ado-errors";
import {
  type CommentBody,
  type CommentParams,
  commentShape,
  readFormat,
  readText,
  renderComment,
} from "./comment-shape";
import { insertComment, loadComment, loadComments, updateComment } from "./comment-store";
import { type OrgSettings, queryParam } from "./context";
import { saveSystemRevision } from "./work-item-save";
import { loadWorkItem } from "./work-item-store";

type Params = CommentParams;
type Body = CommentBody;

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

/** `GET .../comments` (`ids`, `includeDeleted`, `order` default desc, `$top`, `continuationToken`). */
async function listComments(settings: OrgSettings, request: FastifyRequest<{ Params: Params }>) {
  const { item } = context(settings, request);
  const ids = queryParam(request, "ids")?.split(",").map(Number);
  const includeDeleted = queryParam(request, "includeDeleted") === "true";
  let all = loadComments(settings.store, item.id).filter(
    (c) => (includeDeleted || !c.isDeleted) && (!ids || ids.includes(c.id)),
  );
  if ((queryParam(request, "order") ?? "desc").toLowerCase() === "desc") all = all.reverse();
  const start = Number(queryParam(request, "continuationToken") ?? 0);
  const top = Number(queryParam(request, "$top") ?? 200);
  const pageItems = all.slice(start, start + top);
  const path = request.url.split("?")[0].replace(`/${settings.organization}`, "");
  const next = start + top < all.length ? String(start + top) : undefined;
  return {
    totalCount: all.length,
    count: pageItems.length,
    comments: pageItems.map((c) => commentShape(settings, request, c)),
    ...(next
      ? {
          continuationToken: next,
          nextPage: `${request.ado.baseUrl}${path}?continuationToken=${next}`,
        }
      : {}),
  };
}

/** `POST .../comments?format=`: adds a comment and saves a revision with it as History. */
async function addComment(
  settings: OrgSettings,
  request: FastifyRequest<{ Params: Params; Body: Body }>,
) {
  const { store } = settings;
  const { item, save } = context(settings, request);
  const format = readFormat(request, "html");
  const { text, rendered } = renderComment(readText(request.body), format);
  const count = Number(item.fields["System.CommentCount"] ?? 0) + 1;
  const id = store.transaction(() => {
    const saved = saveSystemRevision(save, item.id, { "System.CommentCount": count }, rendered);
    const date = String(saved.fields["System.ChangedDate"]);
    return insertComment(store, {
      workItemId: item.id,
      text,
      rendered,
      format,
      userId: save.callerId,
      date,
    });
  });
  return commentShape(settings, request, loadComment(store, id)!);
}

/** `PATCH .../comments/{id}`: new text (version + 1); no new work item revision. */
async function editComment(
  settings: OrgSettings,
  request: FastifyRequest<{ Params: Params; Body: Body }>,
) {
  const { item, save } = context(settings, request);
  const comment = existing(settings, request, item.id);
  const format = readFormat(request, comment.format);
  const { text, rendered } = renderComment(readText(request.body), format);
  const change = { text, rendered, format, userId: save.callerId, date: settings.store.now() };
  updateComment(settings.store, comment.id, change);
  return commentShape(settings, request, loadComment(settings.store, comment.id)!);
}

/** `DELETE .../comments/{id}`: marks it deleted; answers 200 with it (Comments_Delete). */
async function deleteComment(settings: OrgSettings, request: FastifyRequest<{ Params: Params }>) {
  const { store } = settings;
  const { item, save } = context(settings, request);
  const comment = existing(settings, request, item.id);
  const count = Math.max(0, Number(item.fields["System.CommentCount"] ?? 1) - 1);
  store.transaction(() => {
    updateComment(store, comment.id, { deleted: true, userId: save.callerId, date: store.now() });
    saveSystemRevision(save, item.id, { "System.CommentCount": count });
  });
  return commentShape(settings, request, loadComment(store, comment.id)!);
}

/** Registers the comment routes. */
export function registerComments(app: FastifyInstance, settings: OrgSettings) {
  const path = "/:project/_apis/wit/workitems/:id/comments";
  const read = { config: { scope: "vso.work" as const, preview: true } };
  const write = { config: { scope: "vso.work_write" as const, preview: true } };
  app.get<{ Params: Params }>(path, read, (request) => listComments(settings, request));
  app.get<{ Params: Params }>(`${path}/:commentId`, read, async (request) => {
    const { item } = context(settings, request);
    return commentShape(settings, request, existing(settings, request, item.id));
  });
  app.post<{ Params: Params; Body: Body }>(path, write, (request) => addComment(settings, request));
  app.patch<{ Params: Params; Body: Body }>(`${path}/:commentId`, write, (request) =>
    editComment(settings, request),
  );
  app.delete<{ Params: Params }>(`${path}/:commentId`, write, (request) =>
    deleteComment(settings, request),
  );
}

/**
 * Comment rendering and shape (wit/7.1-preview.4 `Comment`): Markdown comments are rendered
 * with `marked`; HTML comments are sanitized with `sanitize-html`, as the service keeps no
 * script in discussion.
 */
import type { FastifyRequest } from "fastify";
import { marked } from "marked";
import sanitizeHtml from "sanitize-html";

import { invalidArgument } from "./ado-errors";
import { COMMENT_FORMATS, type CommentFormat, type CommentRow } from "./comment-store";
import { type OrgSettings, queryParam } from "./context";
import { renderValue } from "./work-item-shape";

/** Path params of the comment routes. */
export type CommentParams = { project: string; id: string; commentId?: string };
/** Body of add and update. */
export type CommentBody = { text?: unknown };

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

/**
 * The `format` of an add or update. Comment formats arrived with Comments 7.1-preview.4 on
 * Services; older versions (and Server 2022, capped at 7.0) ignore the parameter and store
 * the text as HTML, so Markdown sent there shows its raw asterisks
 * (Tiberriver256/mcp-server-azure-devops#179).
 */
export function readFormat(request: FastifyRequest, fallback: CommentFormat): CommentFormat {
  const raw = queryParam(request, "format")?.toLowerCase();
  const version = request.ado.apiVersion;
  const supported =
    version !== undefined && (version.major > 7 || (version.major === 7 && version.minor >= 1));
  if (!supported) return "html";
  if (raw === undefined) return fallback;
  if (!COMMENT_FORMATS.includes(raw as CommentFormat))
    throw invalidArgument(`The comment format '${raw}' is not valid. Use markdown or html.`);
  return raw as CommentFormat;
}

/** The comment text. @throws AdoError when it is missing or empty. */
export function readText(body: CommentBody | undefined): string {
  if (typeof body?.text !== "string" || body.text.trim() === "")
    throw invalidArgument("The comment text is required.");
  return body.text;
}

/** `Comment` as the comments API answers it (`id` per 7.1, `commentId` as older examples). */
export function commentShape(
  settings: OrgSettings,
  request: FastifyRequest<{ Params: CommentParams }>,
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

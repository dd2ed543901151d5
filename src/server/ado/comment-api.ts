/**
 * Work item comments (wit "Comments", a preview resource: 7.1-preview.4 on Services,
 * 7.0-preview.3 / 6.0-preview.3 on Server). Where the target supports it, a Markdown comment
 * is added with `format=markdown` so it renders formatted, not as raw asterisks
 * (Tiberriver256/mcp-server-azure-devops#179); otherwise it is converted to sanitized HTML. Reading
 * converts to the form the caller asks for, decoding once.
 */
import { type AdoHttp, isUnknownOutcome } from "./ado-http";
import { witPath } from "./ado-paths";
import type { AdoComment, AdoCommentList, CommentFormat } from "./ado-types";
import { htmlToMarkdown, markdownToHtml, sanitizeCommentHtml } from "./comment-format";

/** Comment text with the format it is written in. */
export interface CommentBody {
  text: string;
  format: CommentFormat;
}

/** Page size. (200: the service's maximum `$top` for comments.) */
const PAGE = 200;

/**
 * Lists the comments of a work item, oldest first, following continuation tokens.
 * `expand: "renderedText"` adds the service's HTML rendering (`renderedText`).
 */
export async function listComments(
  http: AdoHttp,
  project: string,
  workItemId: number,
  options: { includeDeleted?: boolean; expand?: "none" | "renderedText" } = {},
): Promise<AdoComment[]> {
  const comments: AdoComment[] = [];
  let continuationToken: string | undefined;
  do {
    const response = await http.send<AdoCommentList>({
      method: "GET",
      path: witPath(project, `workItems/${workItemId}/comments`),
      query: {
        $top: PAGE,
        continuationToken,
        includeDeleted: options.includeDeleted,
        order: "asc",
        $expand: options.expand,
      },
      version: "comments",
    });
    comments.push(...response.data.comments);
    continuationToken = response.data.continuationToken ?? undefined;
  } while (continuationToken);
  return comments;
}

/**
 * Adds a comment. Markdown goes as `format=markdown` where supported, else as sanitized HTML;
 * HTML is sanitized and sent as HTML. When the answer is lost, the comments are listed and a
 * comment with the same text is adopted; only if there is none is the comment sent again.
 */
export async function addComment(
  http: AdoHttp,
  project: string,
  workItemId: number,
  body: CommentBody,
): Promise<AdoComment> {
  const versions = await http.versions();
  const outgoing = commentForTarget(body, versions.markdownComments);
  const post = async () =>
    (
      await http.send<AdoComment>({
        method: "POST",
        path: witPath(project, `workItems/${workItemId}/comments`),
        query: { format: versions.markdownComments ? outgoing.format : undefined },
        body: { kind: "json", value: { text: outgoing.text } },
        version: "comments",
      })
    ).data;
  try {
    return await post();
  } catch (error) {
    if (!isUnknownOutcome(error)) throw error;
    const comments = await listComments(http, project, workItemId);
    return comments.reverse().find((comment) => comment.text === outgoing.text) ?? post();
  }
}

/** The text and format to send to a target that does (or does not) take Markdown. */
export function commentForTarget(body: CommentBody, markdownSupported: boolean): CommentBody {
  if (body.format === "html") return { text: sanitizeCommentHtml(body.text), format: "html" };
  if (markdownSupported) return body;
  return { text: markdownToHtml(body.text), format: "html" };
}

/** A comment as Markdown (HTML comments are converted). */
export function commentAsMarkdown(comment: AdoComment): string {
  return comment.format === "markdown" ? comment.text : htmlToMarkdown(comment.text);
}

/** A comment as its body, keeping its own format (HTML when the server reports none). */
export function commentBodyOf(comment: AdoComment): CommentBody {
  return { text: comment.text, format: comment.format ?? "html" };
}

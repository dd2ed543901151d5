/**
 * Comment text between Markdown and HTML, so a comment written in Markdown renders formatted
 * on the other side instead of as raw asterisks (Tiberriver256/mcp-server-azure-devops#179).
 *
 * Azure DevOps Services stores comments as Markdown when added with `format=markdown`
 * (Comments 7.1-preview.4); older servers store HTML only. Markdown -> HTML uses `marked` and
 * then `sanitize-html` (scripts, event handlers and `javascript:` URLs are dropped). HTML ->
 * Markdown uses `turndown`. Both directions decode entities once, so `&amp;` never becomes
 * `&amp;amp;` on a round trip.
 */
import { marked } from "marked";
import sanitizeHtml from "sanitize-html";
import TurndownService from "turndown";

/** Tags allowed in comment HTML: sanitize-html's defaults plus images and strikethrough. */
const SANITIZE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [...sanitizeHtml.defaults.allowedTags, "img", "del", "s"],
  allowedAttributes: {
    ...sanitizeHtml.defaults.allowedAttributes,
    img: ["src", "alt", "title", "width", "height"],
    a: ["href", "name", "target", "title"],
  },
  allowedSchemes: ["http", "https", "mailto", "data"],
};

/** Removes anything unsafe from comment HTML. */
export function sanitizeCommentHtml(html: string): string {
  return sanitizeHtml(html, SANITIZE_OPTIONS);
}

/** Markdown -> sanitized HTML (GitHub-flavoured, line breaks kept as in Azure DevOps). */
export function markdownToHtml(markdown: string): string {
  const html = marked.parse(markdown, { async: false, gfm: true, breaks: true });
  return sanitizeCommentHtml(html).trim();
}

const turndown = new TurndownService({
  headingStyle: "atx",
  codeBlockStyle: "fenced",
  bulletListMarker: "-",
  emDelimiter: "*",
});

/** HTML -> Markdown (the HTML is sanitized first). */
export function htmlToMarkdown(html: string): string {
  return turndown.turndown(sanitizeCommentHtml(html)).trim();
}

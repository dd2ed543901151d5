/**
 * HTML to plain text for `nodeHelper.stripHtml` (runs in the script worker, called from the
 * sandbox). sanitize-html parses the HTML and keeps only block tags without attributes; those
 * become line breaks and the entities sanitize-html escapes are decoded.
 */
import { createRequire } from "node:module";

import type SanitizeHtml from "sanitize-html";

/**
 * sanitize-html, loaded on first use: it takes ~0.8 s to load, and most scripts never call
 * stripHtml, so script workers (which restart after a host kill) start that much faster.
 */
let sanitizeHtml: typeof SanitizeHtml | null = null;
function sanitizer(): typeof SanitizeHtml {
  sanitizeHtml ??= createRequire(__filename)("sanitize-html") as typeof SanitizeHtml;
  return sanitizeHtml;
}

/** Tags that end a line of text. */
const BLOCK_TAGS = [
  "p",
  "div",
  "br",
  "li",
  "tr",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "blockquote",
  "pre",
];
/** The only tags sanitize-html leaves, always without attributes, so this pattern is exact. */
const BLOCK_TAG_PATTERN = new RegExp(`<(/?)(?:${BLOCK_TAGS.join("|")})\\s*/?>`, "g");
/** Entities sanitize-html's escaper produces (its `escapeHtml`): `&` last. */
const ENTITIES: ReadonlyArray<[RegExp, string]> = [
  [/&lt;/g, "<"],
  [/&gt;/g, ">"],
  [/&quot;/g, '"'],
  [/&amp;/g, "&"],
];

/**
 * Plain text of an HTML fragment: tags removed (script and style content dropped), entities
 * decoded, each block element on its own line, blank runs collapsed, ends trimmed.
 */
export function stripHtml(html: string): string {
  const blocksOnly = sanitizer()(html, { allowedTags: BLOCK_TAGS, allowedAttributes: {} });
  let text = blocksOnly
    .replace(/<br\s*\/?>/g, "\n")
    .replace(BLOCK_TAG_PATTERN, (_tag, closing: string) => (closing ? "\n" : ""));
  for (const [pattern, character] of ENTITIES) text = text.replace(pattern, character);
  return text
    .split("\n")
    .map((line) => line.trim())
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

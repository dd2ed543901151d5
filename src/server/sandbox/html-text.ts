/**
 * HTML to plain text for `nodeHelper.stripHtml` (runs in the script worker, called from the
 * sandbox). sanitize-html parses the HTML and keeps only block tags without attributes; those
 * become line breaks and the entities sanitize-html escapes are decoded.
 */
import sanitizeHtml from "sanitize-html";

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
  const blocksOnly = sanitizeHtml(html, { allowedTags: BLOCK_TAGS, allowedAttributes: {} });
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

/**
 * Title limits (solidify/jira-azuredevops-migrator#627). `System.Title` holds at most 255
 * characters; a longer one is refused with TF401324 ("... exceeds its size limit"), and the whole
 * save fails. Azure DevOps counts .NET string length, i.e. UTF-16 code units, so an emoji counts 2.
 */
import type { SyncWarning } from "./sync-warning";

/** Azure DevOps' limit for `System.Title` in UTF-16 code units (TF401324). */
export const DEFAULT_TITLE_MAX = 255;

/**
 * Cuts `title` to at most `max` UTF-16 units without splitting a surrogate pair (a lone high
 * surrogate at the cut is dropped too). Returns the title and a warning when it was cut.
 */
export function limitTitle(
  title: string,
  max: number = DEFAULT_TITLE_MAX,
): { title: string; warning?: SyncWarning } {
  if (title.length <= max) return { title };
  let end = Math.max(0, max);
  const last = title.charCodeAt(end - 1);
  if (end > 0 && last >= 0xd800 && last <= 0xdbff) end -= 1;
  const cut = title.slice(0, end);
  return {
    title: cut,
    warning: {
      code: "TITLE_TRUNCATED",
      field: "System.Title",
      message: `The title was ${title.length} characters; it was cut to ${cut.length} (limit ${max}).`,
      details: { originalLength: title.length, maxLength: max },
    },
  };
}

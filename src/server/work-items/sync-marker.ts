/**
 * The marker tag on work items the sync creates (docs/architecture.md#sync-model: a marker that
 * survives a lost response, so a retried create adopts instead of duplicating). Format:
 * `xsync:<connection id>:<remote work item id>`. Tags cannot hold `;` or `,`; neither part
 * does. Scripts never see marker tags: they are taken out of `workItem.labels` when a work
 * item is read and put back into every tag write.
 */
import type { CreateMarker } from "./work-item-create-marker";

/** Prefix of every marker tag. */
export const MARKER_PREFIX = "xsync:";

/** The create marker of the twin of `remoteId` within a connection. */
export function createMarker(connectionId: string, remoteId: string): CreateMarker {
  return { kind: "tag", tag: `${MARKER_PREFIX}${connectionId}:${remoteId}` };
}

/** True for a marker tag (of any connection). */
export function isMarkerTag(tag: string): boolean {
  return tag.startsWith(MARKER_PREFIX);
}

/** True when `tags` hold a marker of `connectionId`: the sync of that connection created the item. */
export function hasConnectionMarker(tags: readonly string[], connectionId: string): boolean {
  return tags.some((tag) => tag.startsWith(`${MARKER_PREFIX}${connectionId}:`));
}

/** Splits a System.Tags value ("a; b") into tags. */
export function splitTags(value: unknown): string[] {
  if (typeof value !== "string") return [];
  return value
    .split(";")
    .map((tag) => tag.trim())
    .filter(Boolean);
}

/** A System.Tags value written by a script, with the marker tags of `currentTags` kept. */
export function keepMarkers(written: unknown, currentTags: unknown): string | null {
  const markers = splitTags(currentTags).filter(isMarkerTag);
  const tags = [...splitTags(written).filter((tag) => !isMarkerTag(tag)), ...markers];
  return tags.length > 0 ? tags.join("; ") : null;
}

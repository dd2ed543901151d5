/**
 * Bytes of attachments that travel inside a sync event. The receiving node cannot
 * read the sending organization, so the sender downloads each attachment the first time it is
 * sent and puts it in the event (base64). Attachments that came from the other side
 * (`remoteId` set) are never sent back; files larger than the limit are left out with a
 * warning naming them (the other side then records them as skipped).
 */
import type { Replica } from "../../shared/contracts/replica";
import type { AdoHttp } from "../ado/ado-http";
import { downloadAttachment } from "../ado/attachment-api";
import type { SyncLimits } from "./sync-context";
import type { Twin } from "./twin-repository";

/** Result of `collectAttachmentContents`. */
export interface AttachmentContents {
  /** Sender attachment id -> base64 bytes. */
  contents: Record<string, string>;
  /** File names left out (too large). */
  skipped: string[];
  warnings: string[];
}

/** Downloads the attachments of `replica` that the other side has not been sent yet. */
export async function collectAttachmentContents(
  http: AdoHttp,
  replica: Replica,
  twin: Pick<Twin, "lastSentReplica"> | undefined,
  limits: Pick<SyncLimits, "maxAttachmentBytes">,
): Promise<AttachmentContents> {
  const sent = new Set((twin?.lastSentReplica?.attachments ?? []).map((a) => a.id));
  const result: AttachmentContents = { contents: {}, skipped: [], warnings: [] };
  for (const attachment of replica.attachments) {
    if (attachment.id === null || attachment.remoteId || sent.has(attachment.id)) continue;
    if (attachment.size > limits.maxAttachmentBytes) {
      skip(result, attachment.filename, attachment.size, limits.maxAttachmentBytes);
      continue;
    }
    const bytes = await downloadAttachment(http, attachment.contentRef);
    if (bytes.byteLength > limits.maxAttachmentBytes) {
      skip(result, attachment.filename, bytes.byteLength, limits.maxAttachmentBytes);
      continue;
    }
    result.contents[attachment.id] = Buffer.from(bytes).toString("base64");
  }
  return result;
}

function skip(result: AttachmentContents, name: string, size: number, max: number): void {
  result.skipped.push(name);
  result.warnings.push(
    `The attachment "${name}" (${size} bytes) was not sent: it is larger than ${max} bytes.`,
  );
}

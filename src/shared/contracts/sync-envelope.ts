/**
 * The payload of a sync event as it travels from the sending node to the receiving node
 * (opaque to the sync queue and transport, read by the receiving sync engine). Checked with
 * `SyncEnvelopeSchema` when a sync request is applied.
 */
import { type Static, Type } from "typebox";

import { ReplicaSchema } from "./replica";

/** Format version of the envelope. */
export const SYNC_ENVELOPE_VERSION = 1;

/** A replica plus what the receiver needs to apply it without calling back. */
export const SyncEnvelopeSchema = Type.Object({
  version: Type.Literal(SYNC_ENVELOPE_VERSION),
  replica: ReplicaSchema,
  /**
   * The receiver's own work item id of this twin, when the sender knows it (the sender's twin
   * was created by a first sync from the receiver). Lets the receiver find the twin by its
   * local id before it has learned the sender's id.
   */
  twinId: Type.Union([Type.String(), Type.Null()]),
  /**
   * Bytes (base64) of attachments sent for the first time, by the sender's attachment id: the
   * receiving node cannot read the sender's organization, so new files travel with the event.
   */
  attachmentContents: Type.Record(Type.String(), Type.String()),
  /** Attachments left out of `attachmentContents` because they are too large (names). */
  attachmentsSkipped: Type.Array(Type.String()),
});
export type SyncEnvelope = Static<typeof SyncEnvelopeSchema>;

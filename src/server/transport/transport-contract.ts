/**
 * The node-to-node transport API, version 1 (`/transport/v1`), separate from the hub API.
 * Only sync nodes call it. Every route but the two handshake routes needs a transport token
 * (transport-token.ts) signed with the connection's secret.
 *
 * | Route                                           | Caller                               |
 * |-------------------------------------------------|--------------------------------------|
 * | POST handshake/redeem                           | acceptor -> public initiator         |
 * | POST handshake/confirm (one-time-secret token)  | private initiator -> public acceptor |
 * | GET  connections/:id/events?after=N&waitMs=W    | private side long-polls public side  |
 * | POST connections/:id/events                     | either side pushes to a public side  |
 * | POST connections/:id/deleted                    | the side that deletes, when it can   |
 *
 * `after` in the long-poll is the caller's acknowledgement: it durably stored everything up to
 * `after`. A push answers with `receivedSeq`, the receiver's acknowledgement.
 */
import { type Static, Type } from "typebox";

/** Prefix of every transport route. */
export const TRANSPORT_PREFIX = "/transport/v1";

/** Route paths relative to `TRANSPORT_PREFIX`. */
export const TRANSPORT_ROUTES = {
  redeem: "/handshake/redeem",
  confirm: "/handshake/confirm",
  events: "/connections/:id/events",
  deleted: "/connections/:id/deleted",
} as const;

/** Most events in one push or poll answer: bounds body size and transaction length. */
export const MAX_EVENTS_PER_BATCH = 100;
/** Longest long-poll a caller may ask for, in ms (docs/architecture.md#sync-model). */
export const MAX_LONG_POLL_MS = 25_000;

const NodeId = Type.String({ minLength: 1, maxLength: 64 });
const Nonce = Type.String({ pattern: "^[A-Za-z0-9_-]{43}$" });

/** Body of `handshake/redeem`: the acceptor redeems the code at the initiator. */
export const RedeemRequestSchema = Type.Object(
  {
    invitationCode: Type.String({ maxLength: 8192 }),
    acceptorNodeId: NodeId,
    /** The acceptor's public URL, or null when it is the private side. */
    acceptorUrl: Type.Union([Type.String({ maxLength: 2048 }), Type.Null()]),
    acceptorShortName: Type.String({ pattern: "^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$" }),
    acceptorNonce: Nonce,
  },
  { additionalProperties: false },
);
export type RedeemRequest = Static<typeof RedeemRequestSchema>;

/** Answer of `handshake/redeem`. */
export const RedeemResponseSchema = Type.Object({
  initiatorNodeId: NodeId,
  initiatorNonce: Nonce,
  /**
   * The connection's type as the initiator settled it: private when it was initiated without a
   * destination URL or the acceptor has none (the acceptor is then the private side).
   */
  connectionType: Type.Union([Type.Literal("public"), Type.Literal("private")]),
});
export type RedeemResponse = Static<typeof RedeemResponseSchema>;

/** Body of `handshake/confirm`: the private initiator completes a Pending acceptance. */
export const ConfirmRequestSchema = Type.Object(
  {
    connectionId: Type.String({ minLength: 1, maxLength: 64 }),
    initiatorNodeId: NodeId,
    initiatorNonce: Nonce,
  },
  { additionalProperties: false },
);
export type ConfirmRequest = Static<typeof ConfirmRequestSchema>;

/** Answer of `handshake/confirm`. */
export const ConfirmResponseSchema = Type.Object({
  acceptorNodeId: NodeId,
  acceptorNonce: Nonce,
});
export type ConfirmResponse = Static<typeof ConfirmResponseSchema>;

/** One sync event on the wire (see `SyncEventEnvelope`). */
export const SyncEventSchema = Type.Object({
  eventId: Type.String({ minLength: 1, maxLength: 64 }),
  seq: Type.Integer({ minimum: 1 }),
  workItemId: Type.String({ minLength: 1, maxLength: 256 }),
  replica: Type.Unknown(),
  createdAt: Type.Integer({ minimum: 0 }),
});

/** Body of a push and answer of a poll. */
export const EventBatchSchema = Type.Object(
  { events: Type.Array(SyncEventSchema, { maxItems: MAX_EVENTS_PER_BATCH }) },
  { additionalProperties: false },
);
export type EventBatch = Static<typeof EventBatchSchema>;

/** Answer of a push: every event up to `receivedSeq` is stored by the receiver. */
export const PushResponseSchema = Type.Object({ receivedSeq: Type.Integer({ minimum: 0 }) });
export type PushResponse = Static<typeof PushResponseSchema>;

/**
 * Query of the long-poll. Decimal strings: the node's validator does not coerce types.
 * - `after`: the caller stored every event up to here (its acknowledgement).
 * - `waitMs`: how long to wait for an event when none is queued (capped at `MAX_LONG_POLL_MS`).
 */
export const PollQuerySchema = Type.Object({
  after: Type.String({ pattern: "^[0-9]{1,15}$" }),
  waitMs: Type.Optional(Type.String({ pattern: "^[0-9]{1,6}$" })),
});
export type PollQuery = Static<typeof PollQuerySchema>;

/** Path parameters of connection transport routes. */
export const TransportParamsSchema = Type.Object({
  id: Type.String({ minLength: 1, maxLength: 64 }),
});

/** Empty answer. */
export const OkSchema = Type.Object({ ok: Type.Literal(true) });

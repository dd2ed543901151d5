/**
 * The connection routes of the transport API (transport-contract.ts): the long-poll for
 * events, the push of events, and "deleted" from a partner. Registered under
 * `TRANSPORT_PREFIX` in their own Fastify scope, whose JSON parser keeps the raw body for the
 * token's body hash.
 */
import type { FastifyRequest } from "fastify";

import { SyncError } from "../../shared/errors";
import type { NodeApp } from "../http/node-app";
import { ERROR_RESPONSES } from "../http/node-app";
import {
  acknowledgeEvents,
  eventsAfter,
  markEventsSent,
  receiveSyncRequests,
  type SyncEventEnvelope,
  waitForQueueSignal,
} from "../queue/sync-queue";
import { recordActivity, recordTransportError } from "./link-health";
import { authenticateTransportRequest, rawBodies } from "./transport-auth";
import type { TransportContext } from "./transport-context";
import {
  EventBatchSchema,
  MAX_EVENTS_PER_BATCH,
  OkSchema,
  PollQuerySchema,
  PushResponseSchema,
  TRANSPORT_ROUTES,
  TransportParamsSchema,
} from "./transport-contract";

/**
 * 16 MiB per transport body: a batch of up to 100 replicas with long descriptions and comment
 * threads; the sender splits batches well below it (`MAX_PUSH_BYTES` in transport-steps.ts).
 */
export const TRANSPORT_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

const tags = ["transport"];
const security = [{ transportToken: [] }];

/** Adds a JSON parser that also keeps the raw bytes (for the token's body hash). */
export function keepRawJsonBodies(scope: NodeApp): void {
  scope.removeContentTypeParser("application/json");
  scope.addContentTypeParser(
    "application/json",
    { parseAs: "buffer", bodyLimit: TRANSPORT_BODY_LIMIT_BYTES },
    (request: FastifyRequest, body: Buffer, done) => {
      rawBodies.set(request, body);
      try {
        done(null, body.length === 0 ? undefined : JSON.parse(body.toString("utf8")));
      } catch {
        done(new SyncError("SYNC_ERR_REQUEST_INVALID", "The body is not valid JSON."), undefined);
      }
    },
  );
}

/** Registers the connection routes of the transport API on `scope`. */
export function registerTransportRoutes(scope: NodeApp, context: TransportContext): void {
  const params = TransportParamsSchema;
  scope.get(
    TRANSPORT_ROUTES.events,
    {
      schema: {
        tags,
        security,
        params,
        querystring: PollQuerySchema,
        response: { 200: EventBatchSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authenticateTransportRequest(context, request, id);
      const { after, waitMs } = request.query;
      const wait = waitMs === undefined ? undefined : Number(waitMs);
      return { events: await answerPoll(context, id, Number(after), wait) };
    },
  );
  scope.post(
    TRANSPORT_ROUTES.events,
    {
      schema: {
        tags,
        security,
        params,
        body: EventBatchSchema,
        response: { 200: PushResponseSchema, ...ERROR_RESPONSES },
      },
    },
    async (request) => {
      const { id } = request.params;
      await authenticateTransportRequest(context, request, id);
      const now = context.now();
      const result = await receiveSyncRequests(context.store.db, id, request.body.events, now);
      if (result.stored > 0) await recordActivity(context.store.db, id, now);
      return { receivedSeq: result.receivedSeq };
    },
  );
  scope.post(
    TRANSPORT_ROUTES.deleted,
    { schema: { tags, security, params, response: { 200: OkSchema, ...ERROR_RESPONSES } } },
    async (request) => {
      const { id } = request.params;
      await authenticateTransportRequest(context, request, id);
      await recordTransportError(
        context.store.db,
        id,
        new SyncError("SYNC_ERR_TRANSPORT_CONNECTION_NOT_FOUND"),
        context.now(),
      );
      return { ok: true as const };
    },
  );
}

/**
 * The long-poll: acknowledges up to `after`, then answers with the events after it as soon as
 * there are any, or an empty batch after `waitMs` or on shutdown. The wait is wall-clock time.
 * @throws SyncError SYNC_ERR_TRANSPORT_CONNECTION_{NOT_FOUND,INACTIVE} when the connection is
 *   deleted or deactivated here while the poll waits
 */
async function answerPoll(
  context: TransportContext,
  connectionId: string,
  after: number,
  waitMs: number | undefined,
): Promise<SyncEventEnvelope[]> {
  const { db } = context.store;
  await acknowledgeEvents(db, connectionId, after, context.now());
  const deadline =
    Date.now() + Math.min(waitMs ?? context.settings.longPollMs, context.settings.longPollMs);
  for (;;) {
    const events = await eventsAfter(db, connectionId, after, MAX_EVENTS_PER_BATCH);
    if (events.length > 0) {
      await markEventsSent(db, connectionId, events[events.length - 1]!.seq, context.now());
      await recordActivity(db, connectionId, context.now());
      return events;
    }
    const remaining = deadline - Date.now();
    if (remaining <= 0 || context.shutdown.aborted) return [];
    const row = await context.connections.find(db, connectionId);
    if (!row) throw new SyncError("SYNC_ERR_TRANSPORT_CONNECTION_NOT_FOUND");
    if (row.status !== "active" && row.status !== "error") {
      throw new SyncError("SYNC_ERR_TRANSPORT_CONNECTION_INACTIVE");
    }
    await waitForQueueSignal(
      "event",
      connectionId,
      Math.min(remaining, context.settings.recheckMs),
      context.shutdown,
    );
  }
}

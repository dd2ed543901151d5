/** Steps shared by the transport tests: connect a pair, queue events, read what arrived. */
import { enqueueSyncEvent, readSyncCursor } from "../../src/server/queue/sync-queue";
import { routePath, ROUTES } from "../../src/shared/contracts/routes";
import { initiateBody } from "./test-node";
import type { PairNode } from "./transport-pair";

/** The project B accepts into. */
export const BETA = { id: "2a7c2f8e-14b1-4c1a-9c3e-0b1f6d0b4e11", name: "Beta" };

/**
 * Initiates on `initiator` (to `destinationUrl`, null: private destination) and accepts on
 * `acceptor` through the hub API. @returns the connection id and the accept answer
 */
export async function initiateAndAccept(
  initiator: PairNode,
  acceptor: PairNode,
  destinationUrl: string | null,
  name = "contoso_to_fabrikam",
): Promise<{ id: string; accept: { statusCode: number; body: Record<string, unknown> } }> {
  const initiated = await initiator.hub(
    "POST",
    ROUTES.connections,
    initiateBody({ destinationUrl, name }),
  );
  if (initiated.statusCode !== 201) throw new Error(JSON.stringify(initiated.body));
  const { connection, invitation } = initiated.body as {
    connection: { id: string };
    invitation: { invitationCode: string };
  };
  const accept = await acceptor.hub("POST", ROUTES.invitationAccept, {
    invitationCode: invitation.invitationCode,
    incomingProject: BETA,
  });
  return { id: connection.id, accept };
}

/** The connection as the hub lists it on `node`. */
export async function hubConnection(node: PairNode, id: string): Promise<Record<string, unknown>> {
  const answer = await node.hub("GET", routePath(ROUTES.connection, { id }));
  return answer.body;
}

/** Queues `count` events on `node` for connection `id` (work items cycle over 3 ids). */
export async function queueEvents(node: PairNode, id: string, count: number, tag: string) {
  for (let i = 0; i < count; i += 1) {
    await enqueueSyncEvent(node.store.db, {
      connectionId: id,
      workItemId: `${tag}-${i % 3}`,
      replica: { tag, i },
    });
  }
}

/** The sender `seq`s stored on `node` as sync requests of `id`, in order. */
export async function receivedSeqs(node: PairNode, id: string): Promise<number[]> {
  const rows = await node.store.db
    .selectFrom("sync_requests")
    .select("remote_seq")
    .where("connection_id", "=", id)
    .orderBy("remote_seq")
    .execute();
  return rows.map((row) => Number(row.remote_seq));
}

/** 1..n */
export const upTo = (n: number): number[] => Array.from({ length: n }, (_, i) => i + 1);

/** True once `node` stored exactly 1..n from its partner and the partner's acks caught up. */
export async function deliveredExactly(
  receiver: PairNode,
  sender: PairNode,
  id: string,
  n: number,
): Promise<boolean> {
  const seqs = await receivedSeqs(receiver, id);
  if (seqs.length < n) return false;
  if (JSON.stringify(seqs) !== JSON.stringify(upTo(n))) {
    throw new Error(`gap or duplicate on ${receiver.name}: ${seqs.join(",")}`);
  }
  return (await readSyncCursor(sender.store.db, id)).ackedEventSeq === n;
}

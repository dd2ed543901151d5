/** Queries on `transport_links`: the partner node of each accepted connection. */
import type { Selectable } from "kysely";

import type { Db } from "../storage/store";
import type { TransportLinksTable } from "./transport-tables";

export type TransportLinkRow = Selectable<TransportLinksTable>;

/** The link of `connectionId`, or undefined before the handshake completed. */
export function findTransportLink(
  db: Db,
  connectionId: string,
): Promise<TransportLinkRow | undefined> {
  return db
    .selectFrom("transport_links")
    .selectAll()
    .where("connection_id", "=", connectionId)
    .executeTakeFirst();
}

/** The partner's node id of `connectionId`, or undefined before the handshake completed. */
export async function findRemoteNodeId(db: Db, connectionId: string): Promise<string | undefined> {
  return (await findTransportLink(db, connectionId))?.remote_node_id;
}

/** Records the partner node of `connectionId` (once; a repeated handshake changes nothing). */
export async function saveTransportLink(db: Db, link: TransportLinkRow): Promise<void> {
  await db
    .insertInto("transport_links")
    .values(link)
    .onConflict((conflict) => conflict.column("connection_id").doNothing())
    .execute();
}

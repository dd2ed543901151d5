/**
 * What the transport needs to know of connections, as a port: the connections slice provides
 * it (connections/connection-links.ts) and app.ts hands it in, so `transport/` carries events
 * over a link without importing the connection lifecycle (docs/architecture.md#server-slices).
 */
import type { Selectable } from "kysely";

import type { Database } from "../storage/database";
import type { Db } from "../storage/store";
import type { TransportContext } from "./transport-context";

/** A connection row as the transport reads it (the `connections` table). */
export type LinkedConnection = Selectable<Database["connections"]>;

/** Connection lookups, the connection secret, and the handshake step the worker drives. */
export interface TransportConnections {
  /** The connection `id`, or undefined when there is none. */
  find(db: Db, id: string): Promise<LinkedConnection | undefined>;
  /** Every connection, newest first. */
  list(db: Db): Promise<LinkedConnection[]>;
  /**
   * The connection secret that signs and checks transport tokens, as key bytes.
   * @throws Error when the connection has none yet (handshake not completed)
   */
  secret(context: TransportContext, row: LinkedConnection): Uint8Array;
  /**
   * One attempt by a private initiator to confirm its partner's acceptance.
   * @returns false when there is no usable invitation (expired or used)
   * @throws SyncError SYNC_ERR_TRANSPORT_* when the partner cannot be reached or refuses
   */
  confirm(context: TransportContext, row: LinkedConnection): Promise<boolean>;
}
